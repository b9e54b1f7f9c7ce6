/* vmdiff.c: differential test of our interpreters (vm_run, vm_exec on
 * the pre-decoded program, and vm_exec_batch on it over all of a
 * program's packets in one call) against
 * libpcap's bpf_filter: the same program on the same packet must return
 * the same value, exactly.
 *
 * Programs: 1,000,000 random valid programs (vmgen_valid, seeded, so
 * every run is the same; 100,000 in the vmdiff_switch build), each run on
 * 64 packets, plus the programs libpcap
 * compiles for the expressions below, optimized and not, each run on every
 * packet.  Packets: random byte strings 0..1600 bytes, synthesized
 * Ethernet frames, a quarter to a fifth of both truncated (caplen <
 * wirelen), and real packets from ../shared/corpus when it exists.
 *
 * What is deliberately not generated, because libpcap 1.10.3 has no
 * defined result for it (and our validator rejects it): reads of scratch
 * memory not written first (its mem[] is uninitialised stack) and
 * constant shifts by 32 or more (`A <<= k` in C).  Shifts by X >= 32 are
 * generated often: libpcap defines those as 0.
 *
 * Exit status 1 on any disagreement, printing the program (-d listing)
 * and the packet; 0 otherwise.  Usage: vmdiff [SRCDIR] [PROGRAMS]
 */
#include "format.h"
#include "vm.h"
#include "typical.h"
#include "bpfx.h"
#include "vmgen.h"
#include "vmpkt.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef BPFX_ABS_SRCDIR
#define BPFX_ABS_SRCDIR "."
#endif

#ifndef VMDIFF_PROGRAMS
#define VMDIFF_PROGRAMS 1000000
#endif
#define PACKETS_PER_PROGRAM 64
#define MAX_REPORTS 5

/* Typical expressions, and ones that exercise every ALU operator, scratch
 * memory, indirect loads and MSH. */
static const char *const expressions[] = {
	TYPICAL_EXPRESSIONS,
	"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6",
	"port 53", "udp port 53", "src host 10.0.0.1", "dst net 10.0.0.0/8",
	"net 192.168.0.0/16", "portrange 1000-2000",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0", "tcp[tcpflags] == tcp-ack",
	"icmp[icmptype] == icmp-echo", "ip[8] < 64", "len > 100", "less 64",
	"greater 1000", "ether host 00:11:22:33:44:55", "ether broadcast",
	"ether multicast", "vlan", "vlan 100", "vlan and tcp port 80", "mpls",
	"ip proto 47", "ip6 proto 58", "ip[6:2] & 0x1fff != 0",
	"ip[0] & 0xf > 5", "tcp[2:2] > 1023 and tcp[2:2] < 2000",
	"tcp[0:2] % 7 = 3", "ip[2:2] / 4 > 100", "ip[1] * 3 + 5 > 20",
	"ip[1] ^ 0xff = 0", "ip[1] | 1 = 1", "ip[0] << 2 > 20", "tcp[12] >> 4 > 5",
	"len - 14 > 100", "ip6 and tcp port 443", "ip6 host ::1",
	"ip6 net fe80::/10", "ip host 10.0.0.1 or ip6 host fe80::1",
	"not ip and not ip6", "ether proto 0x88cc", "ip multicast",
	"ip6 multicast", "udp portrange 5000-6000 and not udp port 5353",
	"tcp and (ip[6:2] & 0x1fff = 0)", "pppoes and tcp", "ip protochain 6",
	"ip6 protochain 6", "udp[8:4] = 0x12345678", "tcp[20:2] - tcp[22:2] > 7",
	"ip[2:2] - ((ip[0]&0xf)<<2) > 40 and ip[9] = 6",
	"-ip[1] = 0", "ip[2:2] & 3 = 0 and ip[3] * ip[4] > 100",
};

struct stats {
	unsigned long programs, runs, disagreements, regenerated;
};

static void print_packet(FILE *f, const struct vmpkt *pk)
{
	fprintf(f, "packet: wirelen %u caplen %u\n", pk->wirelen, pk->caplen);
	for (uint32_t i = 0; i < pk->caplen; i++)
		fprintf(f, "%02x%s", pk->data[i], i % 16 == 15 || i + 1 == pk->caplen ? "\n" : " ");
}

/* Run p on one packet with our engines (vm_run, and vm_exec on vp, p
 * pre-decoded; batch: what vm_exec_batch returned for it) and with
 * libpcap's; report a difference. */
static void compare(const struct bpf_insn *p, const struct vm_prog *vp, size_t n,
		    const struct vmpkt *pk, uint32_t batch, const char *what, struct stats *st)
{
	uint32_t ours = vm_run(p, pk->data, pk->wirelen, pk->caplen);
	uint32_t fast = vp ? vm_exec(vp, pk->data, pk->wirelen, pk->caplen) : ~ours;
	uint32_t theirs = bpf_filter(p, pk->data, pk->wirelen, pk->caplen);
	st->runs++;
	if (ours == theirs && fast == theirs && batch == theirs)
		return;
	if (st->disagreements++ < MAX_REPORTS) {
		fprintf(stderr,
			"vmdiff: DISAGREEMENT (%s): vm_run %u, vm_exec %u, vm_exec_batch %u%s, "
			"bpf_filter %u\n",
			what, ours, fast, batch, vp ? "" : " (vm_prepare failed)", theirs);
		fmt_program(stderr, p, n, FMT_D);
		print_packet(stderr, pk);
	}
}

/* vm_exec_batch, or verdicts that cannot all be right when vm_prepare
 * failed (compare reports that). */
static void run_batch(const struct vm_prog *vp, const struct bpfx_packet *pkts, size_t count,
		      uint32_t *verdicts)
{
	if (vp)
		vm_exec_batch(vp, pkts, count, verdicts);
	else
		for (size_t j = 0; j < count; j++)
			verdicts[j] = j % 2 ? 0 : ~0u;
}

static void run_random(const struct vmpkt_set *pool, unsigned long programs, struct stats *st)
{
	struct vmpkt_rng r;
	struct bpf_insn prog[64];
	struct bpfx_error err;
	vmpkt_seed(&r, 0x62706678766d0001ull); /* fixed: every run is the same */

	for (unsigned long i = 0; i < programs; i++) {
		size_t n;
		for (;;) {
			n = vmgen_valid(&r, prog, 64);
			if (vm_validate(prog, n, &err) == 0)
				break;
			st->regenerated++;
		}
		/* Ours accepts, so libpcap's must (we are never weaker). */
		if (!bpf_validate(prog, (int)n)) {
			fprintf(stderr, "vmdiff: vm_validate accepts, bpf_validate rejects:\n");
			fmt_program(stderr, prog, n, FMT_D);
			st->disagreements++;
		}
		st->programs++;
		struct vm_prog *vp = vm_prepare(prog, n, &err);
		size_t start = vmpkt_below(&r, (uint32_t)pool->n);
		const struct vmpkt *pk[PACKETS_PER_PROGRAM];
		struct bpfx_packet batch[PACKETS_PER_PROGRAM];
		uint32_t verdicts[PACKETS_PER_PROGRAM];
		for (size_t j = 0; j < PACKETS_PER_PROGRAM; j++) {
			pk[j] = &pool->p[(start + j * 7919) % pool->n];
			batch[j] = (struct bpfx_packet){pk[j]->data, pk[j]->wirelen, pk[j]->caplen};
		}
		run_batch(vp, batch, PACKETS_PER_PROGRAM, verdicts);
		for (size_t j = 0; j < PACKETS_PER_PROGRAM; j++)
			compare(prog, vp, n, pk[j], verdicts[j], "random program", st);
		vm_prog_free(vp);
	}
}

static void run_expressions(const struct vmpkt_set *pool, struct stats *st, int *rejected)
{
	struct bpfx_packet *batch = calloc(pool->n, sizeof *batch);
	uint32_t *verdicts = calloc(pool->n, sizeof *verdicts);
	if (!batch || !verdicts) {
		fprintf(stderr, "vmdiff: out of memory\n");
		exit(2);
	}
	for (size_t j = 0; j < pool->n; j++)
		batch[j] = (struct bpfx_packet){pool->p[j].data, pool->p[j].wirelen, pool->p[j].caplen};
	pcap_t *pc = pcap_open_dead(DLT_EN10MB, 262144);
	size_t nexpr = sizeof expressions / sizeof expressions[0];
	for (size_t e = 0; e < nexpr; e++) {
		for (int opt = 0; opt <= 1; opt++) {
			struct bpf_program bp;
			struct bpfx_error err;
			if (pcap_compile(pc, &bp, expressions[e], opt, PCAP_NETMASK_UNKNOWN) < 0) {
				printf("vmdiff: skipped \"%s\": libpcap: %s\n", expressions[e],
				       pcap_geterr(pc));
				break;
			}
			int valid = vm_validate(bp.bf_insns, bp.bf_len, &err) == 0;
			if (!valid) {
				/* Not a disagreement in results, but worth seeing. */
				printf("vmdiff: vm_validate rejects libpcap's program for \"%s\"%s: "
				       "instruction %d: %s\n",
				       expressions[e], opt ? " (optimized)" : "", err.start, err.msg);
				(*rejected)++;
			}
			/* protochain's backward ja is the one thing we reject that
			 * vm_run still runs as libpcap does (bpfx check runs
			 * libpcap's programs on our VM): compare those too. */
			if (valid || strstr(err.msg, "backward ja")) {
				char what[256];
				snprintf(what, sizeof what, "\"%s\"%s", expressions[e],
					 opt ? " optimized" : "");
				st->programs++;
				struct vm_prog *vp = vm_prepare(bp.bf_insns, bp.bf_len, &err);
				run_batch(vp, batch, pool->n, verdicts);
				for (size_t j = 0; j < pool->n; j++)
					compare(bp.bf_insns, vp, bp.bf_len, &pool->p[j], verdicts[j], what,
						st);
				vm_prog_free(vp);
			}
			pcap_freecode(&bp);
		}
	}
	pcap_close(pc);
	free(batch);
	free(verdicts);
}

int main(int argc, char **argv)
{
	const char *srcdir = argc > 1 ? argv[1] : getenv("srcdir");
	unsigned long programs = argc > 2 ? strtoul(argv[2], NULL, 10) : VMDIFF_PROGRAMS;
	struct vmpkt_set pool = {0};
	struct vmpkt_rng r;
	char dir[4096];
	clock_t t0 = clock();

	if (!srcdir)
		srcdir = BPFX_ABS_SRCDIR;
	vmpkt_seed(&r, 0x62706678766d0002ull);
	vmpkt_add_random(&pool, &r, 2048, 1600);
	vmpkt_add_synth(&pool, &r, 4096);
	size_t synthesized = pool.n;
	vmpkt_corpus_dir(dir, sizeof dir, srcdir);
	int files = vmpkt_add_corpus(&pool, dir, 64);
	if (files < 0)
		printf("vmdiff: no corpus at %s; random and synthesized packets only\n", dir);
	else
		printf("vmdiff: %zu packets from %d capture files in %s\n", pool.n - synthesized,
		       files, dir);

	struct stats rnd = {0}, expr = {0};
	int rejected = 0;
	run_random(&pool, programs, &rnd);
	run_expressions(&pool, &expr, &rejected);

	printf("vmdiff: %lu programs x %d packets: %lu disagreements"
	       " (%lu runs; %lu generated programs failed validation and were redrawn)\n",
	       rnd.programs, PACKETS_PER_PROGRAM, rnd.disagreements, rnd.runs, rnd.regenerated);
	printf("vmdiff: %lu libpcap-compiled programs x %zu packets: %lu disagreements"
	       " (%d programs rejected by vm_validate; those with backward jumps still compared)\n",
	       expr.programs, pool.n, expr.disagreements, rejected);
	printf("vmdiff: %.1f s\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
	vmpkt_free(&pool);
	return rnd.disagreements || expr.disagreements ? 1 : 0;
}
