/* teach_test.h: what test_explain, test_trace and test_asm share: the
 * differential test's expression list (tests/diff/exprs.txt). */
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
#endif
