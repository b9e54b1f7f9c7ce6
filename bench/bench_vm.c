/* bench_vm.c: our interpreters against libpcap's bpf_filter, on the same
 * programs (compiled by libpcap) and the same packets in memory:
 * bpfx_run_batch (the library's batch entry point: the program pre-decoded
 * once, then run over all packets in one call), vm_exec on the pre-decoded
 * program one packet per call (what `bpfx filter` runs per packet), and
 * vm_run on the plain one.
 *
 * Packets: the captures under ../shared/corpus (relative to the source
 * tree) when present, and always a synthesized set of Ethernet frames
 * (vmpkt_add_synth), since the corpus mixes link types and these are
 * Ethernet expressions.  Each engine runs over all packets enough times
 * to take about 30 ms; a round times every engine once, alternating (the
 * first engine rotates) so drift hits all alike; of 9 rounds the median
 * ns/packet of each engine is printed, and the ratios are the medians of
 * the per-round ratios libpcap/batch and libpcap/vm_exec (each from the
 * same round: >= 1.0, we are at least as fast).  Times are the thread's
 * CPU time; the load average is printed before and after, since other
 * work still shares caches and cores.  No timing is asserted.
 * Usage: bench_vm [SRCDIR [EXPRESSION...]]: the expressions given instead
 * of the typical ones (for a profiler on one program).
 */
#include "bpfx.h"
#include "error.h"
#include "vm.h"
#include "vmpkt.h"
#include "typical.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef BPFX_ABS_SRCDIR
#define BPFX_ABS_SRCDIR "."
#endif

static const char *const typical[] = {
	TYPICAL_EXPRESSIONS,
};
static const char *const *expressions = typical;
static size_t n_expressions = sizeof typical / sizeof typical[0];

enum { ENGINE_BATCH, ENGINE_EXEC, ENGINE_RUN, ENGINE_LIBPCAP, ENGINES };
#define ROUNDS 9

static volatile uint32_t sink; /* keeps the runs from being optimized out */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: a loaded machine's other work does not count */
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The engines' common view of the packets: the set, and the same as
 * bpfx_run_batch's array with room for the verdicts. */
struct bench_pkts {
	const struct vmpkt_set *s;
	struct bpfx_packet *batch;
	uint32_t *verdicts;
};

/* Seconds for iters passes over all packets with one engine. */
static double one_run(int engine, const struct bpf_insn *p, size_t n, const struct vm_prog *vp,
		      const struct bench_pkts *b, long iters)
{
	const struct vmpkt_set *s = b->s;
	uint32_t acc = 0;
	double t0 = now();
	for (long it = 0; it < iters; it++) {
		if (engine == ENGINE_BATCH)
			acc += (uint32_t)bpfx_run_batch(p, n, b->batch, s->n, b->verdicts);
		else if (engine == ENGINE_EXEC)
			for (size_t i = 0; i < s->n; i++)
				acc += vm_exec(vp, s->p[i].data, s->p[i].wirelen, s->p[i].caplen);
		else if (engine == ENGINE_RUN)
			for (size_t i = 0; i < s->n; i++)
				acc += vm_run(p, s->p[i].data, s->p[i].wirelen, s->p[i].caplen);
		else
			for (size_t i = 0; i < s->n; i++)
				acc += bpf_filter(p, s->p[i].data, s->p[i].wirelen, s->p[i].caplen);
	}
	double t = now() - t0;
	sink += acc;
	return t;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof v[0], cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Median ns/packet of each engine over ROUNDS rounds, and the medians of
 * the per-round ratios libpcap/batch (ratio[0]) and libpcap/vm_exec
 * (ratio[1]). */
static void measure(const struct bpf_insn *p, size_t n, const struct vm_prog *vp,
		    const struct bench_pkts *b, double ns[ENGINES], double ratio[2])
{
	double t[ENGINES][ROUNDS], rb[ROUNDS], re[ROUNDS];
	long iters = 1;
	while (one_run(ENGINE_LIBPCAP, p, n, vp, b, iters) < 0.03)
		iters *= 2;
	for (int r = 0; r < ROUNDS; r++) {
		for (int j = 0; j < ENGINES; j++) {
			int e = (r + j) % ENGINES;
			t[e][r] = one_run(e, p, n, vp, b, iters) * 1e9 / ((double)iters * (double)b->s->n);
		}
		rb[r] = t[ENGINE_LIBPCAP][r] / t[ENGINE_BATCH][r];
		re[r] = t[ENGINE_LIBPCAP][r] / t[ENGINE_EXEC][r];
	}
	for (int e = 0; e < ENGINES; e++)
		ns[e] = median(t[e], ROUNDS);
	ratio[0] = median(rb, ROUNDS);
	ratio[1] = median(re, ROUNDS);
}

static void print_load(const char *when)
{
	double l[3];
	if (getloadavg(l, 3) == 3)
		printf("bench_vm: load average %s: %.2f %.2f %.2f\n", when, l[0], l[1], l[2]);
}

/* worst[0]: the lowest batch ratio, worst[1]: the lowest vm_exec ratio. */
static int bench_set(const char *name, const struct vmpkt_set *s, double worst[2])
{
	pcap_t *pc = pcap_open_dead(DLT_EN10MB, 262144);
	int mismatched = 0;
	struct bench_pkts b = {s, calloc(s->n, sizeof *b.batch), calloc(s->n, sizeof *b.verdicts)};
	if (!b.batch || !b.verdicts) {
		fprintf(stderr, "bench_vm: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < s->n; i++)
		b.batch[i] = (struct bpfx_packet){s->p[i].data, s->p[i].wirelen, s->p[i].caplen};
	printf("\n%s: %zu packets\n", name, s->n);
	printf("%-4s %-5s %9s %9s %9s %9s %6s %6s %6s  %s\n", "opt", "insns", "batch", "vm_exec",
	       "vm_run", "libpcap", "ratio", "r.exec", "match", "expression");
	for (size_t e = 0; e < n_expressions; e++) {
		for (int opt = 1; opt >= 0; opt--) {
			struct bpf_program bp;
			if (pcap_compile(pc, &bp, expressions[e], opt, PCAP_NETMASK_UNKNOWN) < 0) {
				fprintf(stderr, "bench_vm: %s: %s\n", expressions[e], pcap_geterr(pc));
				exit(2);
			}
			struct bpfx_error err;
			struct vm_prog *vp = vm_prepare(bp.bf_insns, bp.bf_len, &err);
			if (!vp) {
				fprintf(stderr, "bench_vm: %s: vm_prepare: %s\n", expressions[e], err.msg);
				exit(2);
			}
			/* Same verdicts, or the timing compares different work. */
			size_t matches = 0;
			bpfx_run_batch(bp.bf_insns, bp.bf_len, b.batch, s->n, b.verdicts);
			for (size_t i = 0; i < s->n; i++) {
				const struct vmpkt *k = &s->p[i];
				uint32_t a = vm_run(bp.bf_insns, k->data, k->wirelen, k->caplen);
				uint32_t x = vm_exec(vp, k->data, k->wirelen, k->caplen);
				uint32_t c = bpf_filter(bp.bf_insns, k->data, k->wirelen, k->caplen);
				mismatched += a != c || x != c || b.verdicts[i] != c;
				matches += c != 0;
			}
			double ns[ENGINES], ratio[2];
			measure(bp.bf_insns, bp.bf_len, vp, &b, ns, ratio);
			for (int w = 0; w < 2; w++)
				if (ratio[w] < worst[w])
					worst[w] = ratio[w];
			printf("%-4s %-5u %6.2f ns %6.2f ns %6.2f ns %6.2f ns %6.2f %6.2f %6zu  %s\n",
			       opt ? "-O" : "none", bp.bf_len, ns[ENGINE_BATCH], ns[ENGINE_EXEC],
			       ns[ENGINE_RUN], ns[ENGINE_LIBPCAP], ratio[0], ratio[1], matches,
			       expressions[e]);
			fflush(stdout);
			vm_prog_free(vp);
			pcap_freecode(&bp);
		}
	}
	free(b.batch);
	free(b.verdicts);
	pcap_close(pc);
	return mismatched;
}

int main(int argc, char **argv)
{
	const char *srcdir = argc > 1 ? argv[1] : BPFX_ABS_SRCDIR;
	if (argc > 2) {
		expressions = (const char *const *)argv + 2;
		n_expressions = (size_t)argc - 2;
	}
	char dir[4096];
	struct vmpkt_set corpus = {0}, synth = {0};
	struct vmpkt_rng r;
	double worst[2] = {1e30, 1e30};
	int mismatched = 0;

	printf("bench_vm: ns/packet, median of %d rounds; ratio = libpcap / batch "
	       "(bpfx_run_batch), r.exec = libpcap / vm_exec (one call per packet), each the median "
	       "of the rounds' ratios (>= 1.0: bpfx at least as fast); match = packets accepted\n",
	       ROUNDS);
	print_load("at start");
	vmpkt_corpus_dir(dir, sizeof dir, srcdir);
	int files = vmpkt_add_corpus(&corpus, dir, 100000);
	if (files < 0)
		printf("bench_vm: no corpus at %s; synthesized packets only\n", dir);
	else
		mismatched += bench_set("corpus (../shared/corpus, all link types)", &corpus, worst);
	vmpkt_seed(&r, 0x62706678766d0005ull);
	vmpkt_add_synth(&synth, &r, 20000);
	mismatched += bench_set("synthesized Ethernet frames", &synth, worst);

	printf("\n");
	print_load("at end");
	printf("bench_vm: lowest ratio %.2f (batch), %.2f (vm_exec)%s\n", worst[0], worst[1],
	       mismatched ? "; VERDICTS DIFFER (see vmdiff)" : "");
	vmpkt_free(&corpus);
	vmpkt_free(&synth);
	return mismatched ? 1 : 0;
}
