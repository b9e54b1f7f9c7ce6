/* parse.c: run the scanner and parser over one expression. */
#include "parse.h"
#include "error.h"
#include "parser.h"
#include "scanner.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bpfxyyparse(struct parser *p, void *scanner);

const char *parse_text(struct parser *p, const char *s, size_t n)
{
	return arena_strndup(p->arena, s, n);
}

void parse_lex_error(struct parser *p, uint32_t start, const char *fmt, ...)
{
	if (p->failed)
		return;
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* the whole token, which the scanner has already passed */
	err_set(p->err, (int)start, (int)p->pos, "%s", msg);
	p->failed = 1;
}

/* Numbers as libpcap reads them: 0x hex, leading 0 octal, else decimal;
 * anything that does not fit 32 bits is an error, not a wrap. */
int parse_number(struct parser *p, const char *s, size_t n, uint32_t *out)
{
	uint64_t v = 0;
	unsigned base = 10;
	size_t i = 0;
	if (n > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, i = 2;
	else if (n > 1 && s[0] == '0')
		base = 8, i = 1;
	for (; i < n; i++) {
		unsigned d = (s[i] >= '0' && s[i] <= '9') ? (unsigned)(s[i] - '0')
			   : (s[i] >= 'a' && s[i] <= 'f') ? (unsigned)(s[i] - 'a' + 10)
			   : (unsigned)(s[i] - 'A' + 10);
		if (d >= base) {
			err_set(p->err, (int)(p->pos - n), (int)p->pos,
				"number %.*s contains non-%s digit", (int)n, s,
				base == 8 ? "octal" : "decimal");
			p->failed = 1;
			return -1;
		}
		v = v * base + d;
		if (v > 0xffffffffu) {
			err_set(p->err, (int)(p->pos - n), (int)p->pos,
				"number %.*s overflows 32 bits", (int)n, s);
			p->failed = 1;
			return -1;
		}
	}
	*out = (uint32_t)v;
	return 0;
}

/* The deepest recursion the later stages may be given.  sema and gen walk
 * the tree recursively, except down the left side of and/or chains, which
 * they walk with loops (`host a or b or ...` of thousands of terms is a
 * normal expression).  Other flat chains (`ip[0] + 1 + 1 ...`) are one
 * level per operator with no nesting in the text, so bison's own stack
 * limit does not bound them: about 75,000 levels overflowed the 8 MiB
 * stack in sema (tests/fuzz/regress/compile/). */
#define PARSE_MAX_DEPTH 4000

/* The first node deeper than PARSE_MAX_DEPTH, or NULL; without recursion. */
static const struct ast *too_deep(struct arena *a, const struct ast *root)
{
	struct item { const struct ast *n; int depth; } *st;
	size_t n = 0, cap = 256;
	const struct ast *bad = NULL;
	if (!root)
		return NULL;
	st = arena_scratch(a, cap * sizeof *st);
	st[n++] = (struct item){ root, 1 };
	while (n && !bad) {
		struct item it = st[--n];
		if (it.depth > PARSE_MAX_DEPTH) {
			bad = it.n;
			break;
		}
		const struct ast *kids[2] = { it.n->l, it.n->r };
		/* the stages walk the left spine of and/or chains with a loop */
		int chain = it.n->kind == AST_AND || it.n->kind == AST_OR;
		for (int k = 0; k < 2; k++) {
			if (!kids[k])
				continue;
			int flat = chain && k == 0 && !kids[k]->paren &&
				   (kids[k]->kind == AST_AND || kids[k]->kind == AST_OR);
			if (n == cap)
				st = arena_scratch_grow(a, st, (cap *= 2) * sizeof *st);
			st[n++] = (struct item){ kids[k], it.depth + !flat };
		}
	}
	arena_scratch_free(a, st);
	return bad;
}

/* The innermost '(' SRC leaves open and how many are open; -1 if none. */
static int open_paren(const char *src, int *nopen)
{
	int stack[64], n = 0, deeper = 0;
	for (int i = 0; src[i]; i++) {
		if (src[i] == '(') {
			if (n < 64)
				stack[n++] = i;
			else
				deeper++;
		} else if (src[i] == ')') {
			if (deeper)
				deeper--;
			else if (n)
				n--;
		}
	}
	*nopen = n + deeper;
	return n ? stack[n - 1] : -1;
}

/* "(tcp port 80": bison only sees an unexpected end.  If closing the open
 * parentheses makes the text parse, the missing ')' is the whole fault:
 * say so, under the '(' left open. */
static void missing_paren(struct arena *a, const char *src, struct bpfx_error *err)
{
	int nopen, at = open_paren(src, &nopen);
	if (at < 0 || nopen > 64)
		return;
	size_t len = strlen(src);
	char *closed = malloc(len + (size_t)nopen + 1);
	if (!closed)
		return;
	memcpy(closed, src, len);
	memset(closed + len, ')', (size_t)nopen);
	closed[len + (size_t)nopen] = 0;
	struct bpfx_error e2;
	struct ast *r;
	if (parse_expr(a, closed, &r, &e2) == 0)
		err_set(err, at, at + 1, "missing ')': this '(' is never closed");
	free(closed);
}

int parse_expr(struct arena *a, const char *src, struct ast **root, struct bpfx_error *err)
{
	return parse_expr_dialect(a, src, 0, root, err);
}

int parse_expr_dialect(struct arena *a, const char *src, int ip6t, struct ast **root, struct bpfx_error *err)
{
	struct parser p = { .arena = a, .src = src, .err = err, .ip6t = ip6t };
	yyscan_t scanner;
	if (bpfxyylex_init_extra(&p, &scanner)) /* its one failure: no memory for its state */
		return err_set(err, -1, -1, "out of memory");
	/* out of memory in the scanner or a parser action (arena.h): free the
	 * scanner, then pass the failure on */
	jmp_buf oom, *outer = a->on_oom;
	if (setjmp(oom)) {
		bpfxyylex_destroy(scanner);
		a->on_oom = outer;
		arena_oom(a);
	}
	a->on_oom = &oom;
	/* flex scans a copy in place, ended by two NULs.  The copy is the
	 * arena's scratch, not flex's own (yy_scan_bytes), which would leak
	 * it when the buffer's header cannot be had; and scratch, not the
	 * tree's chunks, since no node points into it (parse_text copies). */
	size_t len = strlen(src);
	char *text = arena_scratch(a, len + 2); /* zeroed: the NULs */
	memcpy(text, src, len);
	YY_BUFFER_STATE buf = bpfxyy_scan_buffer(text, len + 2, scanner);
	int rc = bpfxyyparse(&p, scanner);
	a->on_oom = outer;
	bpfxyy_delete_buffer(buf, scanner);
	bpfxyylex_destroy(scanner);
	arena_scratch_free(a, text);
	if (rc == 2) /* bison's stack is full (its message: "memory exhausted") */
		return err_set(err, (int)p.prev.start, (int)p.prev.end,
			       "expression nested too deeply");
	if (rc != 0 || p.failed) {
		if (!p.failed)
			err_set(err, 0, (int)strlen(src), "expression nested too deeply");
		else if (p.at_end)
			missing_paren(a, src, err);
		return -1;
	}
	const struct ast *deep = too_deep(a, p.root);
	if (deep)
		return err_set(err, (int)deep->span.start, (int)deep->span.end,
			       "expression nested too deeply: more than %d levels of operators",
			       PARSE_MAX_DEPTH);
	*root = p.root;
	return 0;
}
