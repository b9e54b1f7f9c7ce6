/* teach_test.h: what test_explain, test_trace and test_asm share: the
 * differential test's expression list (tests/diff/exprs.txt), and a walk
 * over it on every link type.  Include after "bpfx.h" and "linktype.h". */
#ifndef TEACH_TEST_H
#define TEACH_TEST_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BPFX_ABS_SRCDIR
#define BPFX_ABS_SRCDIR "."
#endif

/* The expressions of tests/diff/exprs.txt, comments and blanks dropped. */
static inline char **teach_read_exprs(size_t *n)
{
	FILE *f = fopen(BPFX_ABS_SRCDIR "/tests/diff/exprs.txt", "r");
	char **v = NULL, buf[4096];
	size_t cap = 0;
	*n = 0;
	if (!f) {
		perror(BPFX_ABS_SRCDIR "/tests/diff/exprs.txt");
		exit(1);
	}
	while (fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = 0;
		if (!buf[0] || buf[0] == '#')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				abort();
		}
		v[(*n)++] = strdup(buf);
	}
	fclose(f);
	return v;
}

static inline void teach_free_exprs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Every expression on every link type, for each optimizer mode below
 * `modes` (mode outermost, expression innermost):
 *	struct teach_walk w; struct bpfx_options o;
 *	teach_start(&w, 2);
 *	while (teach_next(&w, &o)) ... w.expr, w.lt ...
 *	teach_end(&w); */
struct teach_walk {
	char **exprs;
	size_t nexpr, i;
	const struct linktype *lts;
	int nlt, l, opt, modes;
	const char *expr;              /* the case: its expression, */
	const struct linktype *lt;     /* link type */
};

static inline void teach_start(struct teach_walk *w, int modes)
{
	memset(w, 0, sizeof *w);
	w->exprs = teach_read_exprs(&w->nexpr);
	w->lts = lt_all(&w->nlt);
	w->modes = modes;
	w->i = (size_t)-1;
}

/* The next case's options (the defaults, its link type and mode); 0 at
 * the end. */
static inline int teach_next(struct teach_walk *w, struct bpfx_options *o)
{
	if (++w->i == w->nexpr) {
		w->i = 0;
		if (++w->l == w->nlt) {
			w->l = 0;
			w->opt++;
		}
	}
	if (w->opt >= w->modes || !w->nexpr)
		return 0;
	w->expr = w->exprs[w->i];
	w->lt = &w->lts[w->l];
	bpfx_options_init(o);
	o->linktype = w->lt->dlt;
	o->optimize = (enum bpfx_optimize)w->opt;
	return 1;
}

static inline void teach_end(struct teach_walk *w)
{
	teach_free_exprs(w->exprs, w->nexpr);
}
#endif
