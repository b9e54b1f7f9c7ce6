/* bigexpr.c: how compile and explain scale with the size of an expression
 * (issue #15): balanced and/or/not trees of N `tcp port P` terms, N from 1k
 * to 32k, each compiled (and explained) in a child process, whose peak
 * memory (ru_maxrss, less that of a child that only builds the text) and
 * time are reported per term.  Linear scaling shows as flat columns.
 *
 * usage: bigexpr [MAXTERMS]   (default 32768: 64k terms pass the 1 MiB
 * limit on an expression) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bpfx.h"

/* Append the tree of n terms numbered from lo: `L and not R` at every
 * third level, `L or R` at the others (satisfiable everywhere: the
 * subtrees' ports are disjoint), so the optimizer has both shapes. */
static char *tree(char *q, int n, int lo, int depth)
{
	if (n == 1)
		return q + sprintf(q, "tcp port %d", lo % 65535 + 1);
	*q++ = '(';
	q = tree(q, n / 2, lo, depth + 1);
	q += sprintf(q, depth % 3 == 2 ? " and not " : " or ");
	q = tree(q, n - n / 2, lo + n / 2, depth + 1);
	*q++ = ')';
	*q = 0;
	return q;
}

enum job { BUILD, COMPILE, EXPLAIN };

/* Run the job in a child: its peak RSS in KB and its seconds, or -1. */
static int measure(enum job j, int n, long *kb, double *sec)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char *e = malloc((size_t)n * 40 + 16);
		if (!e)
			_exit(2);
		tree(e, n, 0, 0);
		struct bpfx_options o;
		bpfx_options_init(&o);
		struct bpfx_error err;
		if (j == COMPILE) {
			struct bpfx_program p;
			if (bpfx_compile(e, &o, &p, &err)) {
				fprintf(stderr, "bigexpr: %d terms: %s\n", n, err.msg);
				_exit(1);
			}
			bpfx_program_free(&p);
		} else if (j == EXPLAIN) {
			char *t = bpfx_explain_text(e, &o, &err);
			if (!t) {
				fprintf(stderr, "bigexpr: %d terms: %s\n", n, err.msg);
				_exit(1);
			}
			bpfx_free(t);
		}
		_exit(0);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	if (WIFSIGNALED(st))
		fprintf(stderr, "bigexpr: %d terms: killed by signal %d\n", n, WTERMSIG(st));
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*kb = ru.ru_maxrss;
	*sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return 0;
}

int main(int argc, char **argv)
{
	int max = argc > 1 ? atoi(argv[1]) : 32768;
	printf("%7s  %-8s %9s %12s %11s %12s\n", "terms", "stage", "seconds", "us/term", "MB", "bytes/term");
	for (int n = 1024; n <= max; n *= 2) {
		long base, kb;
		double s0, s;
		if (measure(BUILD, n, &base, &s0))
			return 1;
		for (enum job j = COMPILE; j <= EXPLAIN; j++) {
			if (measure(j, n, &kb, &s)) {
				printf("%7d  %-8s failed\n", n, j == COMPILE ? "compile" : "explain");
				continue;
			}
			long extra = kb > base ? kb - base : 0;
			printf("%7d  %-8s %9.2f %12.1f %11.1f %12.0f\n", n, j == COMPILE ? "compile" : "explain",
			       s - s0, (s - s0) * 1e6 / n, extra / 1024.0, extra * 1024.0 / n);
			fflush(stdout);
		}
	}
	return 0;
}
