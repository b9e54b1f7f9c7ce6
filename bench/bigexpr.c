/* bigexpr.c: how compile and explain scale with the size of an expression
 * (issue #15): balanced and/or/not trees of N `tcp port P` terms, N from 1k
 * to 64k, each compiled (and explained) in a child process, whose peak
 * memory (less that of a child that only builds the text) and time are
 * reported per term.  Linear scaling shows as flat columns.
 *
 * Memory per term is marginal: "bytes/term" of a whole run is its peak
 * less that of the same run on 1 term (the fixed cost, printed first:
 * malloc and stdio set up, the arena's first chunk, explain's buffers),
 * over N - 1; "abs/term" is the peak over N, fixed cost included (it
 * alone is 60 bytes a term at 1k).  Each child first pages in the files
 * it maps, code and all: else the pages of code a run first reaches (a
 * larger expression reaches more of the compiler, up to the whole
 * library: hundreds of kB) would count as its memory, and the fixed cost
 * swing with them.  Left is what the run allocates.  The peak is exact,
 * read where the run gives memory back (sample, below), not the
 * kernel's.
 *
 * Then where it goes: a child runs the compiler's stages one by one (as
 * compile.c does for an expression without geneve or protochain) on one
 * arena (the syntax tree in a sub-arena of it, freed after gen, its chunks
 * counted in the parent), whose byte counts (arena.h: chunks and scratch)
 * give each stage's peak and what it leaves to the next; explain's
 * annotation is malloc'd, so its row counts the heap it keeps
 * (mallinfo2).  Each child runs BIGEXPR_RUNS times (default 3), the least
 * time and the median peak kept; times are CPU seconds.  Last, the growth exponent
 * of each row's time and memory: the least-squares slope of log(value)
 * against log(terms), 1 for linear (time also over the three largest
 * sizes alone).
 *
 * usage: bigexpr [MAXTERMS]   (default 65536) */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "bpfx.h"
#include "arena.h"
#include "emit.h"
#include "explain.h"
#include "gen/gen.h"
#include "ir.h"
#include "linktype.h"
#include "opt/opt.h"
#include "parse.h"
#include "sema.h"
#include <pcap/dlt.h>

/* Append the tree of n terms numbered from lo: `L and not R` at every
 * third level, `L or R` at the others (satisfiable everywhere: the
 * subtrees' ports are disjoint), so the optimizer has both shapes.  Spelt
 * short enough for 64k terms to fit BPFX_MAX_EXPR (1 MiB): a left operand
 * needs no parentheses (and/or associate to the left), and a leaf whose
 * left sibling is a leaf is the bare port, which inherits `tcp port` as in
 * libpcap (`tcp port 1 or 2`); the program is the one of the spelling in
 * full. */
static char *tree(char *q, int n, int lo, int depth, int right, int bare)
{
	if (n == 1)
		return q + sprintf(q, bare ? "%d" : "tcp port %d", lo % 65535 + 1);
	if (right)
		*q++ = '(';
	q = tree(q, n / 2, lo, depth + 1, 0, 0);
	q += sprintf(q, depth % 3 == 2 ? " and not " : " or ");
	q = tree(q, n - n / 2, lo + n / 2, depth + 1, 1, n / 2 == 1);
	if (right)
		*q++ = ')';
	*q = 0;
	return q;
}

static char *expr_of(int n)
{
	char *e = malloc((size_t)n * 40 + 16);
	if (e)
		tree(e, n, 0, 0, 0, 0);
	return e;
}

/* The child's CPU time: on a machine other jobs share, steadier than the
 * clock on the wall (the child is one thread, and its stages use no
 * other process). */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The rows: the two whole runs, then the stages. */
enum row { R_COMPILE, R_EXPLAIN, R_PARSE, R_SEMA, R_GEN, R_OPT, R_EMIT, R_ANNOTATE, R_TEXT, NROWS };
static const char *const row_name[NROWS] = { "compile", "explain", " parse", " sema", " gen", " opt",
					     " emit", " annotate", " text" };
enum { FIRST_STAGE = R_PARSE };

struct result {
	double sec;              /* the row's time */
	double peak, kept;       /* bytes: most held during it, held after it */
};

typedef int job(const char *e, int n, const struct bpfx_options *o, struct result *r);

/* Page in every file the process maps (its code, the C library's):
 * otherwise the first run to reach a function pays for its pages, and a
 * larger expression, reaching more of the compiler, would count more of
 * its code as its memory. */
static void populate_code(void)
{
#ifdef MADV_POPULATE_READ
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		char perm[8], path[256] = "";
		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255s", &lo, &hi, perm, path) >= 3 && path[0] == '/' &&
		    perm[0] == 'r')
			madvise((void *)lo, hi - lo, MADV_POPULATE_READ);
	}
	if (f)
		fclose(f);
#endif
}

/* The peak, exactly.  The kernel's own (VmHWM, ru_maxrss) is recorded
 * from per-CPU counters as memory goes back, and lags the true peak by
 * up to 32 pages a CPU: at 1k terms, 30 to 120 bytes a term, varying
 * with the address layout.  But resident memory grows between the
 * points where a run gives memory back, so its peak is the largest size
 * just before one of them or at the end: the link wraps madvise (the
 * arena's chunks), munmap, malloc_trim and free (glibc unmaps or trims
 * in free only for a block of 64 kB or more, or one that merges with free
 * neighbours into as much: a rare case, taken as not happening), and the
 * child reads its size there (statm: exact on Linux 6.18, as checked
 * against smaps_rollup; older kernels may read it from the same counters
 * as VmHWM).  The larger of that and VmHWM (or ru_maxrss) is the peak. */
static int statm = -1;           /* the child's /proc/self/statm, while it runs a job */
static long sampled;             /* kB, the largest read */

static void sample(void)
{
	char buf[128];
	int fd = statm;
	statm = -1; /* not again from within */
	ssize_t got = fd >= 0 ? pread(fd, buf, sizeof buf - 1, 0) : -1;
	if (got > 0) {
		long size, res;
		buf[got] = 0;
		if (sscanf(buf, "%ld %ld", &size, &res) == 2 && res * (sysconf(_SC_PAGESIZE) / 1024) > sampled)
			sampled = res * (sysconf(_SC_PAGESIZE) / 1024);
	}
	statm = fd;
}

void __real_free(void *p);
int __real_madvise(void *p, size_t n, int advice);
int __real_munmap(void *p, size_t n);
int __real_malloc_trim(size_t pad);

void __wrap_free(void *p)
{
#ifdef __GLIBC__
	if (p && malloc_usable_size(p) >= 65536)
#endif
		sample();
	__real_free(p);
}

int __wrap_madvise(void *p, size_t n, int advice)
{
	sample();
	return __real_madvise(p, n, advice);
}

int __wrap_munmap(void *p, size_t n)
{
	sample();
	return __real_munmap(p, n);
}

int __wrap_malloc_trim(size_t pad)
{
	sample();
	return __real_malloc_trim(pad);
}

/* The process's peak resident memory in kB (Linux: VmHWM, its own; a
 * forked child's ru_maxrss was seen to start from the parent's), or 0
 * for ru_maxrss. */
static long peak_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM:", 6))
			kb = atol(line + 6);
	if (f)
		fclose(f);
	return kb;
}

static int child_main(job *f, int n, int fd);

/* Run f on the expression of n terms in a child; its results come back
 * through a pipe.  -1 if it failed. */
static int in_child(job *f, int n, struct result *r, long *maxrss)
{
	int fd[2];
	if (pipe(fd))
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		_exit(child_main(f, n, fd[1]));
	}
	close(fd[1]);
	long hwm = 0;
	ssize_t got = read(fd[0], r, sizeof *r * NROWS);
	if (got == (ssize_t)(sizeof *r * NROWS) && read(fd[0], &hwm, sizeof hwm) != (ssize_t)sizeof hwm)
		got = -1;
	close(fd[0]);
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	if (WIFSIGNALED(st))
		fprintf(stderr, "bigexpr: %d terms: killed by signal %d\n", n, WTERMSIG(st));
	if (!WIFEXITED(st) || WEXITSTATUS(st) || got != (ssize_t)(sizeof *r * NROWS))
		return -1;
	*maxrss = hwm > 0 ? hwm : ru.ru_maxrss;
	return 0;
}

/* Only the text: the baseline the whole runs' peaks are taken from. */
static int job_build(const char *e, int n, const struct bpfx_options *o, struct result *r)
{
	(void)e, (void)n, (void)o, (void)r;
	return 0;
}

static int job_whole(const char *e, int n, const struct bpfx_options *o, struct result *r, int explain)
{
	struct bpfx_error err;
	double t0 = now();
	if (!explain) {
		struct bpfx_program p;
		if (bpfx_compile(e, o, &p, &err)) {
			fprintf(stderr, "bigexpr: %d terms: %s\n", n, err.msg);
			return 1;
		}
		bpfx_program_free(&p);
	} else {
		char *t = bpfx_explain_text(e, o, &err);
		if (!t) {
			fprintf(stderr, "bigexpr: %d terms: %s\n", n, err.msg);
			return 1;
		}
		bpfx_free(t);
	}
	r[explain ? R_EXPLAIN : R_COMPILE].sec = now() - t0;
	return 0;
}

static int job_compile(const char *e, int n, const struct bpfx_options *o, struct result *r)
{
	return job_whole(e, n, o, r, 0);
}

static int job_explain(const char *e, int n, const struct bpfx_options *o, struct result *r)
{
	return job_whole(e, n, o, r, 1);
}

/* The heap in use, for explain's malloc'd annotation. */
static double heap_bytes(void)
{
#ifdef __GLIBC__
	struct mallinfo2 m = mallinfo2();
	return (double)(m.uordblks + m.hblkhd);
#else
	return 0;
#endif
}

/* One stage's row: its time, the arena's peak since the last mark and
 * what it holds now. */
static void mark(struct arena *a, struct result *r, double *t)
{
	double t1 = now();
	r->sec = t1 - *t;
	r->peak = (double)a->peak;
	r->kept = (double)a->bytes;
	a->peak = a->bytes;
	*t = now();
}

static int job_stages(const char *e, int n, const struct bpfx_options *o, struct result *r)
{
	struct bpfx_error err;
	struct arena a, tree; /* the syntax tree in a sub-arena, freed after gen (compile.c) */
	struct ast *root = NULL;
	struct ir_prog ir;
	struct bpf_insn *insns = NULL;
	struct bpfx_span *spans = NULL;
	unsigned len = 0;
	arena_init(&a);
	arena_init_sub(&tree, &a);
	double t = now();
	if (parse_expr_dialect(&tree, e, 0, &root, &err))
		goto fail;
	mark(&a, &r[R_PARSE], &t);
	if (sema_check(&tree, e, root, &err))
		goto fail;
	mark(&a, &r[R_SEMA], &t);
	ir_init(&ir, &a, o->snaplen);
	struct gen g = { .ir = &ir, .a = &a, .lt = lt_by_dlt(o->linktype), .err = &err, .fold = 1 };
	if (gen_program(&g, root))
		goto fail;
	arena_free(&tree);
	mark(&a, &r[R_GEN], &t);
	if (opt_run(&ir, &err))
		goto fail;
	mark(&a, &r[R_OPT], &t);
	if (emit_program(&ir, &insns, &len, &spans, &err))
		goto fail;
	mark(&a, &r[R_EMIT], &t);
	/* the emitted program is malloc'd: counted from here on by the heap */
	r[R_EMIT].kept = r[R_EMIT].peak = (double)a.bytes + (double)len * (sizeof *insns + sizeof *spans);
	arena_free(&a);
	struct explain x;
	double h = heap_bytes();
	t = now();
	if (explain_program(insns, len, spans, e, o->linktype, o->snaplen, &x))
		return 2;
	r[R_ANNOTATE].sec = now() - t;
	r[R_ANNOTATE].kept = r[R_ANNOTATE].peak = heap_bytes() - h;
	FILE *null = fopen("/dev/null", "w");
	if (!null)
		return 2;
	t = now();
	explain_print(null, &x);
	fflush(null);
	r[R_TEXT].sec = now() - t;
	fclose(null);
	explain_free(&x);
	free(insns);
	free(spans);
	return 0;
fail:
	fprintf(stderr, "bigexpr: %d terms: %s\n", n, err.msg);
	return 1;
}

/* The child: f on n terms, its rows and peak written to fd. */
static int child_main(job *f, int n, int fd)
{
	struct result r[NROWS];
	populate_code();
	memset(r, 0, sizeof r);
	char *e = expr_of(n);
	struct bpfx_options o;
	bpfx_options_init(&o);
	statm = open("/proc/self/statm", O_RDONLY);
	sample();
	int rc = e ? f(e, n, &o, r) : 2;
	sample();
	long hwm = peak_kb();
	if (sampled > hwm)
		hwm = sampled;
	if (rc == 0 && (write(fd, r, sizeof r) != (ssize_t)sizeof r || write(fd, &hwm, sizeof hwm) != (ssize_t)sizeof hwm))
		rc = 1;
	return rc;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

#define MAXRUNS 15

/* in_child RUNS times (BIGEXPR_RUNS, default 3, at most MAXRUNS): each
 * row's least time, the machine's noise being only ever added, and its
 * median peak. */
static int best_of(int runs, job *f, int n, struct result *r, long *maxrss)
{
	struct result t[NROWS];
	double peak[NROWS][MAXRUNS], kb[MAXRUNS];
	for (int k = 0; k < runs; k++) {
		long m;
		if (in_child(f, n, k ? t : r, &m))
			return -1;
		kb[k] = (double)m;
		for (int w = 0; w < NROWS; w++) {
			if (k)
				r[w].sec = t[w].sec < r[w].sec ? t[w].sec : r[w].sec;
			peak[w][k] = (k ? t : r)[w].peak;
		}
	}
	for (int w = 0; w < NROWS; w++) {
		qsort(peak[w], (size_t)runs, sizeof *peak[w], cmp_double);
		r[w].peak = peak[w][runs / 2];
	}
	qsort(kb, (size_t)runs, sizeof *kb, cmp_double);
	*maxrss = (long)kb[runs / 2];
	return 0;
}

/* The slope of log(v) against log(n), least squares over every size: v
 * grows as n^slope. */
static double slope(const int *sizes, int nsizes, const double *v)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;
	for (int i = 0; i < nsizes; i++) {
		double x = log(sizes[i]), y = log(v[i]);
		sx += x, sy += y, sxx += x * x, sxy += x * y;
	}
	return (nsizes * sxy - sx * sy) / (nsizes * sxx - sx * sx);
}

#define MAXSIZES 16

int main(int argc, char **argv)
{
	int max = argc > 1 ? atoi(argv[1]) : 65536;
	int runs = getenv("BIGEXPR_RUNS") ? atoi(getenv("BIGEXPR_RUNS")) : 3;
	static struct result res[MAXSIZES][NROWS];
	int sizes[MAXSIZES], nsizes = 0;
	if (runs < 1)
		runs = 1;
	if (runs > MAXRUNS)
		runs = MAXRUNS;
	/* the fixed cost: each whole run's memory on 1 term, less the text's */
	double fixed[R_EXPLAIN + 1];
	{
		struct result tmp[NROWS];
		long base, kb;
		if (best_of(runs, job_build, 1, tmp, &base))
			return 1;
		for (int w = R_COMPILE; w <= R_EXPLAIN; w++) {
			if (best_of(runs, w == R_COMPILE ? job_compile : job_explain, 1, tmp, &kb))
				return 1;
			fixed[w] = kb > base ? (double)(kb - base) * 1024.0 : 0;
		}
	}
	printf("fixed cost (1 term): compile %.0f kB, explain %.0f kB\n"
	       "compile, explain: MB and bytes/term their peak less it (over terms - 1); abs/term the peak over terms\n\n",
	       fixed[R_COMPILE] / 1024, fixed[R_EXPLAIN] / 1024);
	printf("%7s  %-10s %9s %9s %11s %11s %11s %11s\n", "terms", "stage", "cpu s", "us/term", "MB", "bytes/term",
	       "kept/term", "abs/term");
	for (int n = 1024; n <= max && nsizes < MAXSIZES; n *= 2) {
		struct result *row = res[nsizes], tmp[NROWS];
		double absolute[R_EXPLAIN + 1];
		long base, kb;
		sizes[nsizes++] = n;
		if (best_of(runs, job_build, n, tmp, &base))
			return 1;
		for (int w = R_COMPILE; w <= R_EXPLAIN; w++) {
			if (best_of(runs, w == R_COMPILE ? job_compile : job_explain, n, tmp, &kb)) {
				printf("%7d  %-10s failed\n", n, row_name[w]);
				return 1;
			}
			row[w] = tmp[w];
			/* the whole run's peak: the child's, less the text's */
			row[w].peak = kb > base ? (double)(kb - base) * 1024.0 : 0;
			row[w].kept = -1;
			absolute[w] = row[w].peak / n;
			/* from here on, the peak is the marginal one */
			row[w].peak = row[w].peak > fixed[w] ? (row[w].peak - fixed[w]) * n / (n - 1) : 0;
		}
		if (best_of(runs, job_stages, n, tmp, &kb)) {
			printf("%7d  stages     failed\n", n);
			return 1;
		}
		memcpy(&row[FIRST_STAGE], &tmp[FIRST_STAGE], sizeof *tmp * (NROWS - FIRST_STAGE));
		for (int w = 0; w < NROWS; w++) {
			printf("%7d  %-10s %9.3f %9.1f %11.1f %11.0f", n, row_name[w], row[w].sec, row[w].sec * 1e6 / n,
			       row[w].peak / 1048576.0, row[w].peak / n);
			if (row[w].kept >= 0)
				printf(" %11.0f", row[w].kept / n);
			else
				printf(" %11s %11.0f", "", absolute[w]);
			printf("\n");
		}
		fflush(stdout);
	}
	if (nsizes < 2)
		return 0;
	/* time also over the largest three sizes: the optimizer's threading
	 * walks lengthen with the expression up to their bound (MAXWALK in
	 * opt/thread.c, reached near 16k terms of this shape), a ramp the
	 * first column includes and the last does not */
	int top = nsizes > 3 ? nsizes - 3 : 0;
	printf("\ngrowth exponent over %d to %d terms (1: linear; best of %d runs), and time over %d to %d\n"
	       "%-10s %7s %7s %7s\n", sizes[0], sizes[nsizes - 1], runs, sizes[top], sizes[nsizes - 1], "stage", "time",
	       "memory", "time");
	for (int w = 0; w < NROWS; w++) {
		double t[MAXSIZES], m[MAXSIZES];
		int tok = 1, mok = 1;
		for (int i = 0; i < nsizes; i++) {
			t[i] = res[i][w].sec, m[i] = res[i][w].peak;
			tok &= t[i] > 0, mok &= m[i] > 0;
		}
		printf("%-10s", row_name[w]);
		if (tok)
			printf(" %7.2f", slope(sizes, nsizes, t));
		else
			printf(" %7s", "-");
		if (mok)
			printf(" %7.2f", slope(sizes, nsizes, m));
		else
			printf(" %7s", "-");
		if (tok)
			printf(" %7.2f", slope(sizes + top, nsizes - top, t + top));
		printf("\n");
	}
	return 0;
}
