/* explain.c: the entry points of explain.h.
 *
 * explain_program reads as the list of what annotating takes: collect the
 * named constants of the expression, run the forward pass
 * (explain_analyze.c), then give each instruction its sentence from the
 * state before it (explain_text.c).  explain_expr compiles first, keeping
 * spans, so each instruction also knows the part of the expression it
 * came from.  Memory is the caller's struct explain, freed by
 * explain_free. */
#include "explain_int.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* The states still pending (an error ends the sweep early). */
static void free_states(struct xctx *c)
{
	for (unsigned i = 0; c->in && i < c->n; i++)
		free(c->in[i]);
	free(c->in);
}

/* A text of the note's block: the empty string its end, the note itself
 * if equal, else a copy at *q. */
static char *share(const char *s, char *note, size_t ln, char **q)
{
	if (!*s)
		return note + ln - 1;
	if (!strcmp(s, note))
		return note;
	char *t = strcpy(*q, s);
	*q += strlen(s) + 1;
	return t;
}

/* The three texts of x in one malloc'd block, the note first
 * (explain_free).  The note is the reads, then the tests, then what else
 * is known; one of the first two is empty (a jump only tests), and
 * mostly nothing else is known: the block is then the note alone, and a
 * large expression's annotation a third smaller. */
static bool keep_texts(struct explain_insn *o, const struct xp_draft *x)
{
	size_t ln = strlen(x->note) + 1, n = ln;
	if (*x->reads && strcmp(x->reads, x->note))
		n += strlen(x->reads) + 1;
	if (*x->tests && strcmp(x->tests, x->note))
		n += strlen(x->tests) + 1;
	if (!(o->note = malloc(n)))
		return false;
	char *q = memcpy(o->note, x->note, ln);
	q += ln;
	o->reads = share(x->reads, o->note, ln, &q);
	o->tests = share(x->tests, o->note, ln, &q);
	return true;
}

int explain_program(const struct bpf_insn *p, unsigned n, const struct bpfx_span *spans, const char *expr,
		    int linktype, uint32_t snaplen, struct explain *out)
{
	memset(out, 0, sizeof *out);
	out->linktype = linktype;
	out->n = n;
	out->insns = calloc(n ? n : 1, sizeof *out->insns);
	struct xctx c = { .lt = lt_by_dlt(linktype), .dlt = linktype, .snaplen = snaplen, .p = p, .n = n, .out = out,
			  .spans = spans, .expr = expr };
	c.in = calloc(n ? n : 1, sizeof *c.in);
	if (expr)
		out->expr = strdup(expr);
	if (!out->insns || !c.in || (expr && !out->expr)) {
		free(c.in);
		explain_free(out);
		return -1;
	}
	if (expr)
		xp_find_constants(expr, out);
	if (n && (c.in[0] = malloc(sizeof *c.in[0])))
		xp_state_start(c.in[0], c.lt);
	for (unsigned i = 0; i < n; i++) {
		struct explain_insn *o = &out->insns[i];
		struct xp_draft d, *x = &d;
		struct xstate s = { .live = false };
		if (c.in[i])
			s = *c.in[i];
		free(c.in[i]);
		c.in[i] = NULL;
		xp_step(&c, i, &s);
		bool dead = !s.live;
		if (dead) /* unreachable: describe it as if nothing were known */
			xp_state_start(&s, NULL);
		memset(x, 0, sizeof *x);
		o->insn = x->insn = p[i];
		c.pc = i;
		x->start = spans ? spans[i].start : -1;
		x->end = spans ? spans[i].end : -1;
		if (BPF_CLASS(p[i].code) == BPF_JMP)
			xp_jump_text(&c, &s, i, x->tests, sizeof x->tests);
		else
			xp_stmt_text(&c, &s, i, x);
		xp_put(x->note, sizeof x->note, "%s%s", x->reads, x->tests);
		char cn[160] = "";
		xp_constants_note(out, x, &s, cn, sizeof cn);
		if (cn[0])
			xp_cat(x->note, sizeof x->note, " [%s]", cn);
		if (dead)
			xp_cat(x->note, sizeof x->note, " (no path reaches this instruction)");
		o->start = x->start;
		o->end = x->end;
		o->named = x->named;
		if (!keep_texts(o, x)) {
			free_states(&c);
			explain_free(out);
			return -1;
		}
	}
	free_states(&c);
#ifdef __GLIBC__
	/* The states, 5 kB each, were freed as the sweep went, but malloc
	 * keeps their pages resident between the texts: give them back, or
	 * the text printed next (bpfx_explain_text: one block the size of
	 * the whole) adds to them (issue #15: 200 kB at 1k terms, a fifth
	 * of the run's peak). */
	malloc_trim(0);
#endif
	return 0;
}

int explain_expr(const char *expr, const struct bpfx_options *o, struct explain *out, struct bpfx_error *err)
{
	struct bpfx_program prog;
	struct bpfx_span *spans = NULL;
	memset(out, 0, sizeof *out);
	if (bpfx_compile_spans(expr, o, &prog, &spans, err) < 0)
		return -1;
	int rc = explain_program(prog.insns, prog.len, spans, expr, o->linktype, o->snaplen, out);
	bpfx_program_free(&prog);
	free(spans);
	if (rc < 0)
		return err_set(err, -1, -1, "out of memory");
	return 0;
}

void explain_free(struct explain *e)
{
	free(e->expr);
	for (unsigned i = 0; e->insns && i < e->n; i++) {
		free(e->insns[i].note); /* and reads and tests, in its block */
	}
	free(e->insns);
	memset(e, 0, sizeof *e);
}

