/* asm.c: the assembler's driver and pass two (see asm.h for the syntaxes).
 *
 * asm_parse feeds the text to pass one (asm_parse.c) a line at a time;
 * the instructions it recognises are appended here (asm_emit), and the
 * label definitions and references it meets are recorded here too.  Pass
 * two (asm_resolve) turns each label reference into a jt/jf/ja offset,
 * which must go forward and, for jt/jf, fit in 8 bits.  Every error is
 * reported through asm_fail, which keeps the line and column of the token
 * it is about and the line's text for the caret.  The rest reads a file
 * and prints errors for the commands that take --program. */
#include "asm_int.h"
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int asm_fail(struct asm_state *s, const struct asm_line *l, int col, const char *fmt, ...)
{
	struct asm_error *e = s->err;
	if (!e)
		return -1;
	e->line = l ? l->lineno : 0;
	e->col = col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->text[0] = 0;
	if (l) {
		size_t n = l->srclen < sizeof e->text - 1 ? l->srclen : sizeof e->text - 1;
		if (n)
			memcpy(e->text, l->src, n);
		e->text[n] = 0;
	}
	return -1;
}

/* ---------------------------------------------------------------------
 * The program being built
 * ------------------------------------------------------------------- */

int asm_emit(struct asm_state *s, const struct asm_line *l, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (s->n == s->cap) {
		unsigned cap = s->cap ? s->cap * 2 : 64;
		struct bpf_insn *p = realloc(s->insns, cap * sizeof *p);
		if (!p)
			return asm_fail(s, l, 1, "out of memory");
		s->insns = p;
		s->cap = cap;
	}
	s->insns[s->n++] = (struct bpf_insn){ .code = code, .jt = jt, .jf = jf, .k = k };
	return 0;
}

int asm_add_fixup(struct asm_state *s, const struct asm_line *l, int which, const struct asm_tok *t)
{
	if (s->nfix == s->capfix) {
		unsigned cap = s->capfix ? s->capfix * 2 : 32;
		struct asm_fixup *p = realloc(s->fix, cap * sizeof *p);
		if (!p)
			return asm_fail(s, l, t->col, "out of memory");
		s->fix = p;
		s->capfix = cap;
	}
	struct asm_fixup *f = &s->fix[s->nfix++];
	f->pc = s->n;
	f->which = which;
	snprintf(f->label, sizeof f->label, "%s", t->text);
	f->line = l->lineno;
	f->col = t->col;
	return 0;
}

int asm_add_label(struct asm_state *s, const struct asm_line *l, const struct asm_tok *t)
{
	for (unsigned i = 0; i < s->nlab; i++)
		if (!strcmp(s->labels[i].name, t->text))
			return asm_fail(s, l, t->col, "label '%s' already defined at line %d", t->text,
					s->labels[i].line);
	if (s->nlab == s->caplab) {
		unsigned cap = s->caplab ? s->caplab * 2 : 32;
		void *p = realloc(s->labels, cap * sizeof *s->labels);
		if (!p)
			return asm_fail(s, l, t->col, "out of memory");
		s->labels = p;
		s->caplab = cap;
	}
	snprintf(s->labels[s->nlab].name, sizeof s->labels[s->nlab].name, "%s", t->text);
	s->labels[s->nlab].pc = s->n;
	s->labels[s->nlab].line = l->lineno;
	s->labels[s->nlab].col = t->col;
	s->nlab++;
	return 0;
}

/* ---------------------------------------------------------------------
 * Pass two and the entry points
 * ------------------------------------------------------------------- */

/* Pass two: labels to offsets. */
static int asm_resolve(struct asm_state *s)
{
	for (unsigned i = 0; i < s->nfix; i++) {
		struct asm_fixup *f = &s->fix[i];
		struct asm_line at = { .lineno = f->line };
		unsigned j;
		for (j = 0; j < s->nlab; j++)
			if (!strcmp(s->labels[j].name, f->label))
				break;
		if (j == s->nlab)
			return asm_fail(s, &at, f->col, "undefined label '%s'", f->label);
		unsigned target = s->labels[j].pc;
		if (target >= s->n)
			return asm_fail(s, &at, f->col, "label '%s' is at the end, after the last instruction", f->label);
		if (target <= f->pc)
			return asm_fail(s, &at, f->col, "label '%s' is not after this instruction: jumps go forward", f->label);
		unsigned off = target - f->pc - 1;
		struct bpf_insn *in = &s->insns[f->pc];
		if (f->which == 'a') {
			in->k = off;
		} else if (off > 255) {
			return asm_fail(s, &at, f->col, "label '%s' is %u instructions ahead, more than %s can reach (256)",
					f->label, off + 1, f->which == 't' ? "jt" : "jf");
		} else if (f->which == 't') {
			in->jt = (uint8_t)off;
		} else {
			in->jf = (uint8_t)off;
		}
	}
	return 0;
}

int asm_parse(const char *text, struct bpfx_program *out, struct asm_error *err)
{
	struct asm_state s = { .ddd_count = -1, .err = err };
	struct asm_line *l = calloc(1, sizeof *l);
	int rc = -1;
	if (err)
		memset(err, 0, sizeof *err);
	out->insns = NULL;
	out->len = 0;
	if (!l)
		return asm_fail(&s, NULL, 0, "out of memory");
	const char *p = text;
	for (int lineno = 1; *p; lineno++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		l->lineno = lineno;
		if (asm_lex(&s, l, p, len) || asm_one_line(&s, l)) {
			/* re-point the error text at this line before it goes */
			goto done;
		}
		p += len + (e ? 1 : 0);
	}
	if (asm_resolve(&s))
		goto done;
	if (s.ddd_count >= 0 && (unsigned long)s.ddd_count != s.n) {
		struct asm_line at = { .lineno = s.ddd_line };
		asm_fail(&s, &at, 1, "the count line says %ld instructions, the listing has %u", s.ddd_count, s.n);
		goto done;
	}
	if (s.n == 0) {
		asm_fail(&s, NULL, 0, "no instructions");
		goto done;
	}
	out->insns = s.insns;
	out->len = s.n;
	s.insns = NULL;
	rc = 0;
done:
	/* Errors from pass two carry no line text: find it now. */
	if (rc && err && err->line > 0 && !err->text[0]) {
		const char *q = text;
		for (int i = 1; i < err->line && q; i++) {
			q = strchr(q, '\n');
			if (q)
				q++;
		}
		if (q) {
			size_t n = strcspn(q, "\n");
			if (n > sizeof err->text - 1)
				n = sizeof err->text - 1;
			memcpy(err->text, q, n);
			err->text[n] = 0;
		}
	}
	free(s.insns);
	free(s.fix);
	free(s.labels);
	free(l);
	return rc;
}

int asm_read_file(const char *path, struct bpfx_program *out, struct asm_error *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (err)
		memset(err, 0, sizeof *err);
	if (!f) {
		if (err)
			snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return -1;
	}
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			char *b = realloc(buf, cap * 2);
			if (!b) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
			cap *= 2;
		}
	}
	int bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (!buf || bad) {
		free(buf);
		if (err)
			snprintf(err->msg, sizeof err->msg, "%s", buf ? "read error" : "out of memory");
		return -1;
	}
	buf[n] = 0;
	if (memchr(buf, 0, n)) {
		free(buf);
		if (err)
			snprintf(err->msg, sizeof err->msg, "binary file: a program is text (-d, bpf_asm, -dd or -ddd)");
		return -1;
	}
	int rc = asm_parse(buf, out, err);
	free(buf);
	return rc;
}

void asm_error_print(FILE *f, const char *prog, const char *path, const struct asm_error *err)
{
	const char *name = strcmp(path, "-") ? path : "(stdin)";
	if (err->line <= 0) {
		fprintf(f, "%s: %s: %s\n", prog, name, err->msg);
		return;
	}
	fprintf(f, "%s: %s:%d:%d: %s\n", prog, name, err->line, err->col, err->msg);
	if (!err->text[0])
		return;
	fprintf(f, "  %s\n  ", err->text);
	for (int i = 1; i < err->col && err->text[i - 1]; i++)
		fputc(err->text[i - 1] == '\t' ? '\t' : ' ', f);
	fputs("^\n", f);
}

int asm_load_program(FILE *errf, const char *prog, const char *path, struct bpfx_program *out)
{
	struct asm_error ae;
	struct bpfx_error ve;
	if (asm_read_file(path, out, &ae) < 0) {
		asm_error_print(errf, prog, path, &ae);
		return -1;
	}
	if (bpfx_validate(out->insns, out->len, &ve) < 0) {
		fprintf(errf, "%s: %s: invalid program: instruction %d: %s\n", prog,
			strcmp(path, "-") ? path : "(stdin)", ve.start, ve.msg);
		bpfx_program_free(out);
		return -1;
	}
	return 0;
}