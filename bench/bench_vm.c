/* bench_vm.c: our interpreters against libpcap's bpf_filter, on the same
 * programs (compiled by libpcap) and the same packets in memory: vm_exec
 * on the pre-decoded program (what `bpfx filter` runs per packet) and
 * vm_run on the plain one.
 *
 * Packets: the captures under ../shared/corpus (relative to the source
 * tree) when present, and always a synthesized set of Ethernet frames
 * (vmpkt_add_synth), since the corpus mixes link types and these are
 * Ethernet expressions.  Each engine runs over all packets enough times
 * to take about 40 ms; the best of 7 such runs counts, with the three
 * engines alternating so drift hits all alike.  Prints ns/packet for
 * each and the ratio libpcap/vm_exec (>= 1.0: we are at least as fast).
 * No timing is asserted.  Usage: bench_vm [SRCDIR]
 */
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

static const char *const expressions[] = {
	TYPICAL_EXPRESSIONS,
};

enum { ENGINE_EXEC, ENGINE_RUN, ENGINE_LIBPCAP, ENGINES };

static volatile uint32_t sink; /* keeps the runs from being optimized out */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: a loaded machine's other work does not count */
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds for iters passes over all packets with one engine. */
static double one_run(int engine, const struct bpf_insn *p, const struct vm_prog *vp,
		      const struct vmpkt_set *s, long iters)
{
	uint32_t acc = 0;
	double t0 = now();
	for (long it = 0; it < iters; it++) {
		if (engine == ENGINE_EXEC)
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

/* Best ns/packet of each engine over 7 alternating runs. */
static void measure(const struct bpf_insn *p, const struct vm_prog *vp, const struct vmpkt_set *s,
		    double ns[ENGINES])
{
	long iters = 1;
	while (one_run(ENGINE_LIBPCAP, p, vp, s, iters) < 0.04)
		iters *= 2;
	for (int e = 0; e < ENGINES; e++)
		ns[e] = 1e30;
	for (int r = 0; r < 7; r++) {
		for (int e = 0; e < ENGINES; e++) {
			double t = one_run(e, p, vp, s, iters) * 1e9 / ((double)iters * (double)s->n);
			if (t < ns[e])
				ns[e] = t;
		}
	}
}

static int bench_set(const char *name, const struct vmpkt_set *s, double *worst)
{
	pcap_t *pc = pcap_open_dead(DLT_EN10MB, 262144);
	int mismatched = 0;
	printf("\n%s: %zu packets\n", name, s->n);
	printf("%-4s %-5s %9s %9s %9s %7s %6s  %s\n", "opt", "insns", "vm_exec", "vm_run", "libpcap",
	       "ratio", "match", "expression");
	for (size_t e = 0; e < sizeof expressions / sizeof expressions[0]; e++) {
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
			for (size_t i = 0; i < s->n; i++) {
				const struct vmpkt *k = &s->p[i];
				uint32_t a = vm_run(bp.bf_insns, k->data, k->wirelen, k->caplen);
				uint32_t x = vm_exec(vp, k->data, k->wirelen, k->caplen);
				uint32_t b = bpf_filter(bp.bf_insns, k->data, k->wirelen, k->caplen);
				mismatched += a != b || x != b;
				matches += b != 0;
			}
			double ns[ENGINES];
			measure(bp.bf_insns, vp, s, ns);
			double ratio = ns[ENGINE_LIBPCAP] / ns[ENGINE_EXEC];
			if (ratio < *worst)
				*worst = ratio;
			printf("%-4s %-5u %6.2f ns %6.2f ns %6.2f ns %7.2f %6zu  %s\n", opt ? "-O" : "none",
			       bp.bf_len, ns[ENGINE_EXEC], ns[ENGINE_RUN], ns[ENGINE_LIBPCAP], ratio, matches,
			       expressions[e]);
			vm_prog_free(vp);
			pcap_freecode(&bp);
		}
	}
	pcap_close(pc);
	return mismatched;
}

int main(int argc, char **argv)
{
	const char *srcdir = argc > 1 ? argv[1] : BPFX_ABS_SRCDIR;
	char dir[4096];
	struct vmpkt_set corpus = {0}, synth = {0};
	struct vmpkt_rng r;
	double worst = 1e30;
	int mismatched = 0;

	printf("bench_vm: ns/packet, best of 7; ratio = libpcap / vm_exec (>= 1.0: bpfx at least "
	       "as fast); match = packets accepted\n");
	vmpkt_corpus_dir(dir, sizeof dir, srcdir);
	int files = vmpkt_add_corpus(&corpus, dir, 100000);
	if (files < 0)
		printf("bench_vm: no corpus at %s; synthesized packets only\n", dir);
	else
		mismatched += bench_set("corpus (../shared/corpus, all link types)", &corpus, &worst);
	vmpkt_seed(&r, 0x62706678766d0005ull);
	vmpkt_add_synth(&synth, &r, 20000);
	mismatched += bench_set("synthesized Ethernet frames", &synth, &worst);

	printf("\nbench_vm: lowest ratio %.2f%s\n", worst,
	       mismatched ? "; VERDICTS DIFFER (see vmdiff)" : "");
	vmpkt_free(&corpus);
	vmpkt_free(&synth);
	return mismatched ? 1 : 0;
}
