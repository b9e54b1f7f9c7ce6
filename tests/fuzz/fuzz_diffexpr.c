/* fuzz_diffexpr.c: the same expression through libpcap and through bpfx.
 *
 * The input is the expression text, compiled for one link type picked by
 * a hash of the input, by libpcap (pcap_compile on pcap_open_dead, snaplen
 * 262144, optimizer off, netmask 0) and by bpfx (optimizer off).
 *   - Both accept: the two programs, each run by libpcap's bpf_filter, must
 *     return the same value on every packet of a fixed set (synthesized
 *     with tests/synth, 256 per link type, truncated and damaged ones
 *     included, plus 64 mutated copies); our vm_run must agree with
 *     bpf_filter on bpfx's program; and bpfx's optimized program must
 *     return what its unoptimized one does (the optimizer's promise), and
 *     its --loose one too wherever the unoptimized program loads nothing
 *     past the end and divides by no zero (loose.c's promise).
 *   - Only libpcap accepts: a finding, unless bpfx's message names what
 *     libpcap 1.10.3 does wrong there (its deliberate refusals, each in
 *     the man page: a program reading scratch memory it never wrote, a
 *     `byte` test without its load).
 *   - Only bpfx accepts: a finding, except libpcap's "division by zero",
 *     "modulus by zero" and "shift by more than 31 bits" when the right
 *     operand is not a literal: libpcap 1.10.3 (gen_arth) tests the first
 *     statement of the right operand's code, which is `ld #0` for `ip[0]`
 *     and for `0 / 1`, so it rejects `ip[1] / ip[0]` and `2 % 0 / 1`
 *     (its grammar, and bpfx's, read that as 2 % (0 / 1): '%' has no
 *     precedence); bpfx rejects literal zeros and shifts > 31 only, as
 *     tests/diff/invalid.txt checks; and libpcap's "too many registers
 *     needed to evaluate expression": its allocator holds a cell per
 *     pending operand and gives up around 15 nested operands, bpfx's
 *     after 16 cells ("more than 16 scratch registers", tests/fuzz/
 *     limits.sh).
 * With FUZZ_DIFF_REPORT=1 in the environment, acceptance differences are
 * printed (once per distinct bpfx/libpcap message pair) instead of
 * aborting, to survey them; verdict differences always abort. */
#include "fuzz.h"
#include "bpfx.h"
#include "synth.h"
#include "vm.h"
#include "trace.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPKT 256
#define NMUT 64

static struct {
	int ready;
	pcap_t *dead;
	struct synth_pkt pkts[NPKT + NMUT];
	size_t n;
	struct synth_set set;
} sets[16];
static int report_only = -1;

static void build(size_t i)
{
	int dlt = fuzz_dlts[i];
	if (synth_generate(&sets[i].set, dlt, 1, NPKT))
		abort();
	size_t n = 0;
	for (size_t j = 0; j < sets[i].set.n; j++)
		sets[i].pkts[n++] = sets[i].set.pkts[j];
	uint64_t rng = 7 + i;
	for (size_t j = 0; j < NMUT; j++) {
		const struct synth_pkt *src = &sets[i].set.pkts[j * 3 % sets[i].set.n];
		struct synth_pkt *m = &sets[i].pkts[n++];
		*m = *src;
		m->data = malloc(src->caplen ? src->caplen : 1);
		if (!m->data)
			abort();
		memcpy(m->data, src->data, src->caplen);
		synth_mutate(m, &rng);
	}
	sets[i].n = n;
	sets[i].dead = pcap_open_dead(dlt, 262144);
	if (!sets[i].dead)
		abort();
	sets[i].ready = 1;
}

static int libpcap_operand_bug(const char *lmsg, const char *expr)
{
	(void)expr;
	return (!strcmp(lmsg, "division by zero") || !strcmp(lmsg, "modulus by zero") ||
		!strcmp(lmsg, "shift by more than 31 bits") ||
		!strcmp(lmsg, "too many registers needed to evaluate expression"));
}

/* Print an acceptance difference once per distinct pair of messages. */
static void report(const char *what, const char *expr, int dlt)
{
	static char seen[512][160];
	static int nseen;
	for (int i = 0; i < nseen; i++)
		if (!strcmp(seen[i], what))
			return;
	if (nseen < 512)
		snprintf(seen[nseen++], sizeof seen[0], "%s", what);
	fprintf(stderr, "fuzz_diffexpr: %s (dlt %d): %s\n", what, dlt, expr);
}

/* bpfx's program for expr on link type dlt in one optimizer mode: 1, or
 * 0 with *e set. */
static int compile(const char *expr, int dlt, enum bpfx_optimize mode, struct bpfx_program *p, struct bpfx_error *e)
{
	struct bpfx_options o;
	bpfx_options_init(&o);
	o.linktype = dlt;
	o.optimize = mode;
	return bpfx_compile(expr, &o, p, e) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (report_only < 0) {
		const char *e = getenv("FUZZ_DIFF_REPORT");
		report_only = e && *e == '1';
	}
	size_t li = fuzz_hash(data, size) % fuzz_ndlts;
	if (!sets[li].ready)
		build(li);
	int dlt = fuzz_dlts[li];
	char *expr = fuzz_cstr(data, size);

	struct bpf_program lp;
	int lok = pcap_compile(sets[li].dead, &lp, expr, 0, 0) == 0;
	char lmsg[PCAP_ERRBUF_SIZE + 1];
	snprintf(lmsg, sizeof lmsg, "%s", lok ? "" : pcap_geterr(sets[li].dead));

	struct bpfx_program bp, op = { 0 }, lo = { 0 };
	struct bpfx_error err;
	int bok = compile(expr, dlt, BPFX_OPT_OFF, &bp, &err);

	char what[700];
	int ook = 0, look = 0, onothing = 0;
	if (bok) {
		struct bpfx_error oerr;
		ook = compile(expr, dlt, BPFX_OPT_EXACT, &op, &oerr);
		onothing = !ook && strstr(oerr.msg, "rejects all packets");
		/* the optimizer may refuse only what matches nothing */
		if (!ook && !strstr(oerr.msg, "rejects all packets")) {
			snprintf(what, sizeof what, "optimized compile fails: %s", oerr.msg);
			fuzz_fail("fuzz_diffexpr", what, data, size, bp.insns, bp.len);
		}
		look = compile(expr, dlt, BPFX_OPT_LOOSE, &lo, &oerr);
		if (look != ook) {
			snprintf(what, sizeof what, "--loose compile %s, optimized %s", look ? "succeeds" : oerr.msg,
				 ook ? "succeeds" : "fails");
			fuzz_fail("fuzz_diffexpr", what, data, size, bp.insns, bp.len);
		}
	}
	if (lok && bok) {
		int ours_valid = bp.len <= VM_MAXINSNS && bpfx_validate(bp.insns, bp.len, &err) == 0;
		for (size_t i = 0; i < sets[li].n; i++) {
			const struct synth_pkt *p = &sets[li].pkts[i];
			u_int rl = bpf_filter(lp.bf_insns, p->data, p->len, p->caplen);
			u_int rb = bpf_filter(bp.insns, p->data, p->len, p->caplen);
			u_int rv = ours_valid ? vm_run(bp.insns, p->data, p->len, p->caplen) : rb;
			u_int ro = ook ? bpf_filter(op.insns, p->data, p->len, p->caplen) : 0;
			if (ook ? ro != rb : rb != 0) {
				snprintf(what, sizeof what,
					 "packet %zu of dlt %d (caplen %u, len %u): bpfx's optimized program %u, "
					 "unoptimized %u%s", i, dlt, p->caplen, p->len, ro, rb,
					 ook ? "" : " (the optimizer said it rejects all packets)");
				fuzz_fail("fuzz_diffexpr", what, data, size, ook ? op.insns : bp.insns,
					  ook ? op.len : bp.len);
			}
			if (look && bpf_filter(lo.insns, p->data, p->len, p->caplen) != rb) {
				struct trace t;
				if (trace_run(bp.insns, bp.len, p->data, p->len, p->caplen, &t) < 0)
					abort();
				int ends_early = t.end == TRACE_OOB || t.end == TRACE_DIVZERO;
				trace_free(&t);
				if (!ends_early) {
					snprintf(what, sizeof what,
						 "packet %zu of dlt %d (caplen %u, len %u): bpfx's --loose program %u, "
						 "unoptimized %u, which loads nothing past the end", i, dlt, p->caplen,
						 p->len, bpf_filter(lo.insns, p->data, p->len, p->caplen), rb);
					fuzz_fail("fuzz_diffexpr", what, data, size, lo.insns, lo.len);
				}
			}
			if (rl != rb || rv != rb) {
				snprintf(what, sizeof what,
					 "packet %zu of dlt %d (caplen %u, len %u): libpcap's program %u, "
					 "bpfx's program %u (vm_run %u)", i, dlt, p->caplen, p->len, rl, rb, rv);
				fprintf(stderr, "libpcap's program:\n");
				bpf_dump(&lp, 0);
				fuzz_fail("fuzz_diffexpr", what, data, size, bp.insns, bp.len);
			}
		}
	} else if (lok && !bok) {
		if (!strstr(err.msg, "libpcap 1.10.3")) { /* its deliberate refusals name libpcap's fault */
			snprintf(what, sizeof what, "libpcap accepts, bpfx rejects: %s", err.msg);
			if (report_only)
				report(what, expr, dlt);
			else
				fuzz_fail("fuzz_diffexpr", what, data, size, NULL, 0);
		}
	} else if (!lok && bok && !libpcap_operand_bug(lmsg, expr)) {
		snprintf(what, sizeof what, "bpfx accepts, libpcap rejects: %s", lmsg);
		if (report_only)
			report(what, expr, dlt);
		else
			fuzz_fail("fuzz_diffexpr", what, data, size, bp.insns, bp.len);
	}
	/* "rejects all packets" exactly where libpcap's optimizer says it; not
	 * on 802.11 behind a radio header, where bpfx takes some programs
	 * libpcap optimizes for ones it does not (`ether[2] & 0 = 1`: known,
	 * doc/hardening.md) */
	int radio = dlt == DLT_IEEE802_11 || dlt == DLT_PRISM_HEADER || dlt == DLT_IEEE802_11_RADIO ||
		    dlt == DLT_IEEE802_11_RADIO_AVS || dlt == DLT_PPI;
	if (lok && bok && !radio) {
		struct bpf_program lpo;
		int lopt = pcap_compile(sets[li].dead, &lpo, expr, 1, 0) == 0;
		if (lopt)
			pcap_freecode(&lpo);
		int lnothing = !lopt && strstr(pcap_geterr(sets[li].dead), "rejects all packets");
		if ((lopt || lnothing) && (ook || onothing) && lopt != ook) {
			snprintf(what, sizeof what, "optimizing, libpcap %s, bpfx %s", lopt ? "compiles" : "rejects all packets",
				 ook ? "compiles" : "rejects all packets");
			if (report_only)
				report(what, expr, dlt);
			else
				fuzz_fail("fuzz_diffexpr", what, data, size, NULL, 0);
		}
	}
	if (lok)
		pcap_freecode(&lp);
	if (bok)
		bpfx_program_free(&bp);
	if (ook)
		bpfx_program_free(&op);
	if (look)
		bpfx_program_free(&lo);
	free(expr);
	return 0;
}
