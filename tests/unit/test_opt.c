/* test_opt.c: the optimizer passes (src/opt/), through what they leave in
 * compiled programs; and their promise never to change a verdict, checked
 * on every truncation of a few packets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>
#include "bpfx.h"
#include "trace.h"
#include "arena.h"
#include "ir.h"
#include "emit.h"
#include "vm.h"
#include "opt/opt.h"
#include "compile_test.h"

static int count(const struct bpfx_program *p, uint16_t code, uint32_t k)
{
	int n = 0;
	for (unsigned i = 0; i < p->len; i++)
		n += p->insns[i].code == code && p->insns[i].k == k;
	return n;
}

/* expr on link type dlt is refused as matching nothing. */
static void assert_rejects_all(const char *expr, int dlt)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error e;
	bpfx_options_init(&o);
	o.linktype = dlt;
	if (bpfx_compile(expr, &o, &p, &e) == 0)
		fail_msg("'%s' on DLT %d compiled; libpcap refuses it", expr, dlt);
	assert_non_null(strstr(e.msg, "rejects all packets"));
}

/* thread.c + loads.c: the ethertype is loaded and tested once. */
static void test_opt_threading_tests_ethertype_once(void **state)
{
	struct bpfx_program p = compile_ok("tcp[13] & 16 != 0 and ip[2:2] > 40", 1);
	assert_int_equal(count(&p, BPF_LD | BPF_H | BPF_ABS, 12), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0x800), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0x86dd), 0); /* no IPv6 branch left */
	bpfx_program_free(&p);
}

/* peep.c: the constant offset folds into the load; and+jeq 0 is jset. */
static void test_opt_peephole_folds_offsets_and_masks(void **state)
{
	struct bpfx_program p = compile_ok("tcp[13] & 16 != 0", 1);
	assert_int_equal(count(&p, BPF_LD | BPF_B | BPF_IND, 27), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JSET | BPF_K, 16), 1);
	assert_int_equal(p.len, 11); /* what libpcap 1.10's optimizer makes too */
	bpfx_program_free(&p);
}

/* peep.c: the last sub/add/xor before an equality test goes into it. */
static void test_opt_peephole_folds_into_jeq(void **state)
{
	struct bpfx_program p = compile_ok("((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_X, 0), 1);
	assert_int_equal(p.len, 20); /* libpcap 1.10's optimizer: 20 as well */
	bpfx_program_free(&p);
	p = compile_ok("ip[0] + 5 = 3", 1); /* 3 - 5 wraps: never true, and exact */
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xfffffffe), 1);
	assert_int_equal(count(&p, BPF_ALU | BPF_ADD | BPF_K, 5), 0);
	bpfx_program_free(&p);
	p = compile_ok("ip[0] ^ 0xff = 0x0f", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xf0), 1);
	bpfx_program_free(&p);
}

/* hoist.c: `host a and b` tests the source against b before it loads the
 * destination, rejecting at once, and never reloads the source. */
static void test_opt_hoist_needed_tests(void **state)
{
	struct bpfx_program p = compile_ok("host 10.0.0.1 and 192.168.1.1", 1);
	assert_int_equal(p.len, 20); /* libpcap 1.10: 20; without hoisting 22 */
	assert_int_equal(count(&p, BPF_LD | BPF_W | BPF_ABS, 26), 1); /* the source, once */
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xc0a80101), 4); /* 2 per family */
	bpfx_program_free(&p);
	p = compile_ok("tcp and port 80 or udp and port 53", 1);
	assert_int_equal(p.len, 36);
	bpfx_program_free(&p);
}

/* dead.c: everything after `udp` on the IPv6 side can only reject. */
static void test_opt_dead_rejecting_paths_go(void **state)
{
	struct bpfx_program p = compile_ok("udp and ip", 1);
	assert_int_equal(p.len, 6);
	bpfx_program_free(&p);
}

/* gen's constant folding and thread.c's constant tests. */
static void test_opt_constants_fold(void **state)
{
	assert_int_not_equal(compile_ret("1 = 1", 1), 0);
	struct bpfx_program p = compile_ok("tcp[tcpflags] & (tcp-fin|tcp-syn) != 0", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JSET | BPF_K, 3), 1);
	bpfx_program_free(&p);
	assert_rejects_all("1 = 2", DLT_EN10MB);
}

/* peep.c + thread.c: a one-bit test (and #m; jeq #m) is a jset, and the
 * bits jsets found set or clear decide later tests of the same value. */
static void test_opt_bits_decide(void **state)
{
	struct bpfx_program p = compile_ok("ip[9] & 1 = 1", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JSET | BPF_K, 1), 1);
	assert_int_equal(count(&p, BPF_ALU | BPF_AND | BPF_K, 1), 0);
	bpfx_program_free(&p);
	assert_rejects_all("ip[9] & 1 = 0 and ip[9] & 1 = 1", DLT_EN10MB);
	assert_rejects_all("llc and not llc", DLT_IEEE802_11);
}

/* weak.c: "rejects all packets" only where libpcap 1.10.3 says it (each
 * case checked with tcpdump -d -y); elsewhere the program is `ret #0`. */
static void test_opt_refuses_as_libpcap(void **state)
{
	static const struct {
		int dlt;
		const char *expr;
		int refused;
	} cases[] = {
		{ DLT_EN10MB, "tcp and udp", 1 },
		{ DLT_EN10MB, "1 = 2", 1 },
		{ DLT_EN10MB, "ether[12:2] = 0x800 and ether[12:2] = 0x806", 1 },
		{ DLT_EN10MB, "ip[0] < 0", 0 },
		{ DLT_EN10MB, "vlan and ether[12:2] = 0x800", 0 },
		{ DLT_EN10MB, "ether[12:2] = 0x800 and arp", 0 },
		{ DLT_ARCNET, "tcp && udp", 0 },
		{ DLT_FRELAY, "ip[2:2] < 100", 0 },
		{ DLT_JUNIPER_ATM1, "not inbound and not outbound", 0 },
		{ DLT_PPP_BSDOS, "icmp and arp", 1 },
		{ DLT_SLIP, "inbound and link[0] = 1", 1 },
		/* `and #0` is 0 only in libpcap's second pass: at the root */
		{ DLT_EN10MB, "ether[2] & 0 = 1", 1 },
		{ DLT_EN10MB, "ether[2] & 0 = 1 and tcp", 1 },
		{ DLT_EN10MB, "tcp and ether[2] & 0 = 1", 0 },
		{ DLT_EN10MB, "ip[1] * 0 = 3", 0 },
		/* a computed right side goes through X, known only once the
		 * second pass folds `neg`: decided at the root alone */
		{ DLT_EN10MB, "1 = -7", 1 },
		{ DLT_EN10MB, "ip and 1 = -7", 0 },
		{ DLT_EN10MB, "ip[0]+(1+2) = 3 and ip[0]+(1+2) = 4", 1 },
		/* the second test's statements leave A and X as they came:
		 * libpcap drops them, and then does not decide the test */
		{ DLT_EN10MB, "4/2 > 1 and 4/2 > 0xffffffff", 0 },
		{ DLT_EN10MB, "1<<3 != 1 and not 1<<3 > 0", 0 },
		{ DLT_EN10MB, "1 = 1 and 1 = 2", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct bpfx_options o;
		struct bpfx_program p;
		struct bpfx_error e;
		bpfx_options_init(&o);
		o.linktype = cases[i].dlt;
		if (cases[i].refused) {
			assert_rejects_all(cases[i].expr, cases[i].dlt);
		} else {
			if (bpfx_compile(cases[i].expr, &o, &p, &e) != 0)
				fail_msg("'%s' on DLT %d refused (%s); libpcap compiles it", cases[i].expr, cases[i].dlt, e.msg);
			assert_int_equal(p.len, 1);
			assert_int_equal(p.insns[0].code, BPF_RET | BPF_K);
			assert_int_equal(p.insns[0].k, 0);
			bpfx_program_free(&p);
		}
	}
}

/* fuse.c: loads kept for their bounds check collapse into the furthest. */
static void test_opt_fuse_keeps_only_the_covering_load(void **state)
{
	struct bpfx_program p = compile_ok("net ::/0", 1);
	assert_int_equal(count(&p, BPF_LD | BPF_W | BPF_ABS, 34), 1);
	assert_int_equal(count(&p, BPF_LD | BPF_W | BPF_ABS, 22), 0);
	assert_int_equal(p.len, 5);
	bpfx_program_free(&p);
}

/* sets.c: 800 hosts fit the kernel's limit, searched with jgt. */
static void test_opt_sets_make_sorted_searches(void **state)
{
	char *expr = malloc(800 * 32);
	size_t n = 0;
	for (int i = 0; i < 800; i++)
		n += (size_t)sprintf(expr + n, "%shost 10.0.%d.%d", i ? " or " : "", i / 250, i % 250 + 1);
	struct bpfx_program p = compile_ok(expr, 1);
	int jgt = 0;
	for (unsigned i = 0; i < p.len; i++)
		jgt += BPF_OP(p.insns[i].code) == BPF_JGT && BPF_CLASS(p.insns[i].code) == BPF_JMP;
	assert_true(p.len <= 4096);
	assert_true(jgt > 0);
	assert_int_equal(bpfx_validate(p.insns, p.len, NULL), 0);
	bpfx_program_free(&p);
	free(expr);
}

static const uint8_t v4tcp[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
	0x45, 0, 0, 52, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 2, 10, 0, 0, 1,
	0x01, 0xbb, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x80, 0x12, 0xff, 0xff, 0, 0, 0, 0,
	1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0,
};
static const uint8_t v6udp[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x86, 0xdd,
	0x60, 0, 0, 0, 0, 8, 17, 64,
	0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0, 53, 0, 53, 0, 8, 0, 0,
};
static const char *const exprs[] = {
	"host 10.0.0.1 or 10.0.0.2 or 10.0.0.3 or 10.0.0.4 or 10.0.0.5",
	"port 20 or 22 or 53 or 80 or 443 or 8080",
	"tcp port 80 or 443",
	"net ::/0", "src net 2001:db8::/32", "net 0.0.0.0/0",
	"tcp[13] & 2 != 0 and not port 22",
	"ip6 and udp port 53 or tcp[13] & 18 = 18",
	"(((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)",
	"ip[0] + 5 = 3 or ip[8] - 63 = 1 or ip[9] ^ 6 = 0",
	"host 10.0.0.2 and 10.0.0.1", "host 10.0.0.1 and not 10.0.0.2",
	"host 10.0.0.1 or 10.0.0.2", "host 10.0.0.9 or 10.0.0.1",
	"tcp and port 80 or udp and port 53", "port 443 and port 80", "tcp port 443 and not 80",
};
static const struct { const uint8_t *d; unsigned n; } pkts[] = { { v4tcp, sizeof v4tcp }, { v6udp, sizeof v6udp } };
#define NEXPRS (sizeof exprs / sizeof exprs[0])

/* Every pass is exact: on every truncation of these packets the optimized
 * program returns what the unoptimized one returns. */
static void test_opt_never_changes_a_verdict(void **state)
{
	for (size_t e = 0; e < NEXPRS; e++) {
		struct bpfx_program o = compile_ok(exprs[e], 1), u = compile_ok(exprs[e], 0);
		for (size_t k = 0; k < 2; k++)
			for (unsigned cap = 0; cap <= pkts[k].n; cap++)
				if (bpfx_run(o.insns, pkts[k].d, pkts[k].n, cap) != bpfx_run(u.insns, pkts[k].d, pkts[k].n, cap)) {
					fprintf(stderr, "'%s', packet %zu cut at %u: optimized and not differ\n", exprs[e], k, cap);
					fail();
				}
		bpfx_program_free(&o);
		bpfx_program_free(&u);
	}
}

/* loose.c: a load whose value nothing reads goes, and with it the verdict
 * on a packet too short for it: libpcap 1.10 makes these 6 instructions,
 * and its program too matches an IPv4 frame cut after the ethertype. */
static void test_opt_loose_drops_unread_loads(void **state)
{
	struct bpfx_program l = compile_ok("net 0.0.0.0/0", BPFX_OPT_LOOSE), x = compile_ok("net 0.0.0.0/0", 1);
	assert_int_equal(l.len, 6);
	assert_int_equal(count(&l, BPF_LD | BPF_W | BPF_ABS, 26), 0);
	assert_int_equal(count(&x, BPF_LD | BPF_W | BPF_ABS, 26), 1);
	assert_int_not_equal(bpfx_run(l.insns, v4tcp, sizeof v4tcp, 14), 0);
	assert_int_equal(bpfx_run(x.insns, v4tcp, sizeof v4tcp, 14), 0);
	bpfx_program_free(&l);
	bpfx_program_free(&x);
}

/* hoist.c under --loose: source == b is enough to accept, so it is tested
 * while the source is in A, before the destination is loaded.  libpcap
 * 1.10's program is 17 instructions with one load of each address. */
static void test_opt_loose_tests_enough_early(void **state)
{
	struct bpfx_program l = compile_ok("host 10.0.0.1 or 192.168.1.1", BPFX_OPT_LOOSE),
			    x = compile_ok("host 10.0.0.1 or 192.168.1.1", 1);
	assert_int_equal(l.len, 17);
	assert_int_equal(count(&l, BPF_LD | BPF_W | BPF_ABS, 26), 1);
	assert_int_equal(count(&l, BPF_LD | BPF_W | BPF_ABS, 30), 1);
	assert_true(x.len > l.len);
	bpfx_program_free(&l);
	bpfx_program_free(&x);
}

/* --loose differs from the unoptimized program only where that one ends
 * early: a load past the captured bytes (or a division by zero). */
static void test_opt_loose_differs_only_where_loads_fail(void **state)
{
	int differed = 0;
	for (size_t e = 0; e < NEXPRS; e++) {
		struct bpfx_program l = compile_ok(exprs[e], BPFX_OPT_LOOSE), u = compile_ok(exprs[e], 0);
		for (size_t k = 0; k < 2; k++)
			for (unsigned cap = 0; cap <= pkts[k].n; cap++) {
				if (bpfx_run(l.insns, pkts[k].d, pkts[k].n, cap) == bpfx_run(u.insns, pkts[k].d, pkts[k].n, cap))
					continue;
				struct trace t;
				assert_int_equal(trace_run(u.insns, u.len, pkts[k].d, pkts[k].n, cap, &t), 0);
				if (t.end != TRACE_OOB && t.end != TRACE_DIVZERO) {
					fprintf(stderr, "'%s', packet %zu cut at %u: --loose differs, unoptimized ends normally\n",
						exprs[e], k, cap);
					fail();
				}
				trace_free(&t);
				differed++;
			}
		bpfx_program_free(&l);
		bpfx_program_free(&u);
	}
	assert_true(differed > 0); /* it is not the exact optimizer */
}


/* --- One pass at a time, on IR built by hand (in the spirit of QBE's
 * tests: IR in, one pass, IR out).  Each test builds a small CFG with
 * ir.h's API, runs a single pass, and asserts the blocks it leaves; the
 * program is also emitted before and after and run on packets, whole and
 * cut short, so an exact pass that changes a verdict fails too. */

/* The verdicts on 64-byte packets whose bytes from 12 on count up from
 * `base`, for each base 0..255, then on the one of base 1 cut to each
 * length 0..42. */
struct verdicts {
	uint32_t v[256 + 43];
};

struct irt {
	struct arena a;
	struct ir_prog p;
	struct verdicts before;  /* the program's, before the pass under test */
};

static void irt_init(struct irt *t)
{
	arena_init(&t->a);
	ir_init(&t->p, &t->a, 262144);
}

static void irt_free(struct irt *t)
{
	arena_free(&t->a);
}

static const struct span nospan;

/* A block: n statements (code, k), then jcode #jk to jt/jf, or for
 * jcode 0 an unconditional jump to jt. */
static struct ir_block *blk(struct irt *t, const uint32_t (*st)[2], int n, uint16_t jcode, uint32_t jk,
			    struct ir_block *jt, struct ir_block *jf)
{
	struct ir_block *b = ir_block_new(&t->p);
	for (int i = 0; i < n; i++)
		ir_append(&t->p, b, (uint16_t)st[i][0], st[i][1], nospan);
	b->term = jcode ? IR_BRANCH : IR_JA;
	b->jcode = jcode;
	b->jk = jk;
	b->jt = jt;
	b->jf = jcode ? jf : NULL;
	return b;
}

#define ST(...) ((const uint32_t[][2]){ __VA_ARGS__ })
#define LDB(k) { BPF_LD | BPF_B | BPF_ABS, (k) }
#define LDH(k) { BPF_LD | BPF_H | BPF_ABS, (k) }
#define LDW(k) { BPF_LD | BPF_W | BPF_ABS, (k) }
#define JEQ (BPF_JMP | BPF_JEQ | BPF_K)

/* Blocks reachable from the entry. */
static int nreach(struct irt *t)
{
	struct ir_order o;
	ir_rpo(&t->p, &o);
	int n = o.n;
	ir_order_free(&o);
	return n;
}

static int count_jcode(struct irt *t, uint16_t jcode)
{
	int c = 0;
	struct ir_order o;
	ir_rpo(&t->p, &o);
	for (int i = 0; i < o.n; i++)
		c += o.b[i]->term == IR_BRANCH && o.b[i]->jcode == jcode;
	ir_order_free(&o);
	return c;
}

static void run_all(struct irt *t, struct verdicts *out)
{
	struct bpf_insn *prog;
	unsigned n;
	struct bpfx_error err;
	assert_int_equal(emit_program(&t->p, &prog, &n, NULL, &err), 0);
	uint8_t pkt[64];
	for (int base = 0; base < 256; base++) {
		for (int i = 0; i < 64; i++)
			pkt[i] = (uint8_t)(i < 12 ? 0 : base + i - 12);
		out->v[base] = vm_run(prog, pkt, sizeof pkt, sizeof pkt);
	}
	for (int i = 0; i < 64; i++)
		pkt[i] = (uint8_t)(i < 12 ? 0 : 1 + i - 12);
	for (uint32_t cut = 0; cut < 43; cut++)
		out->v[256 + cut] = vm_run(prog, pkt, sizeof pkt, cut);
	free(prog);
}

/* The program starts at entry; its verdicts before the pass are kept. */
static void start(struct irt *t, struct ir_block *entry)
{
	t->p.entry = entry;
	run_all(t, &t->before);
}

/* The pass under test changed no verdict. */
static void same_verdicts(struct irt *t)
{
	struct verdicts after;
	run_all(t, &after);
	assert_memory_equal(&t->before, &after, sizeof after);
}

/* peep.c: `and #m; jeq #0` becomes `jset #m` with the targets swapped. */
static void test_pass_peep(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *b = blk(&t, ST(LDB(14), { BPF_ALU | BPF_AND | BPF_K, 0x10 }), 2, JEQ, 0, t.p.reject,
				 t.p.accept);
	start(&t, b);
	opt_peep(&t.p, 1);
	assert_ptr_equal(t.p.entry, b);
	assert_int_equal(b->ninsns, 1);
	assert_int_equal(b->insns[0].code, BPF_LD | BPF_B | BPF_ABS);
	assert_int_equal(b->jcode, BPF_JMP | BPF_JSET | BPF_K);
	assert_int_equal(b->jk, 0x10);
	assert_ptr_equal(b->jt, t.p.accept);
	assert_ptr_equal(b->jf, t.p.reject);
	same_verdicts(&t);
	irt_free(&t);
}

/* vn.c: value numbers, the analysis thread.c, loads.c and hoist.c rest
 * on (it changes no program itself): the same load in two blocks is one
 * value, a constant keeps its number through tax/txa, an ALU result is
 * the same value when its operands are, a load through an unknown X is
 * unknown (never equal to anything). */
static void test_pass_vn(void **state)
{
	struct irt t;
	irt_init(&t);
	struct vn_table *vt = vn_new(t.p.a);
	struct ir_block *b1 = blk(&t, ST(LDH(12), { BPF_ALU | BPF_ADD | BPF_K, 3 }), 2, JEQ, 0x800, t.p.accept,
				  t.p.reject);
	struct ir_block *b2 = blk(&t, ST(LDB(14), LDH(12), { BPF_ALU | BPF_ADD | BPF_K, 3 }), 3, JEQ, 0x800,
				  t.p.accept, t.p.reject);
	struct ir_block *b3 = blk(&t, ST({ BPF_LD | BPF_IMM, 5 }, { BPF_MISC | BPF_TAX, 0 }, LDH(12),
					 { BPF_MISC | BPF_TXA, 0 }), 4, JEQ, 5, t.p.accept, t.p.reject);
	struct ir_block *b4 = blk(&t, ST({ BPF_LD | BPF_IND | BPF_B, 14 }), 1, JEQ, 5, t.p.accept, t.p.reject);
	struct ir_block *b5 = blk(&t, ST(LDH(14), { BPF_ALU | BPF_ADD | BPF_K, 3 }), 2, JEQ, 5, t.p.accept,
				  t.p.reject);
	uint32_t a1, a2, a3, a4, a4b, a5, x, x3, k = 0;
	vn_block(vt, b1, 0, 0, &a1, &x);
	vn_block(vt, b2, 0, 0, &a2, &x);
	assert_int_not_equal(a1, 0);
	assert_int_equal(a1, a2);
	assert_int_equal(vn_const(vt, a1, &k), 0);
	vn_block(vt, b5, 0, 0, &a5, &x);
	assert_int_not_equal(a5, a1); /* [14] + 3 is not [12] + 3 */
	vn_block(vt, b3, 0, 0, &a3, &x3);
	assert_int_equal(vn_const(vt, a3, &k), 1);
	assert_int_equal(k, 5);
	assert_int_equal(x3, a3);
	vn_block(vt, b4, 0, 0, &a4, &x);
	vn_block(vt, b4, 0, 0, &a4b, &x);
	assert_int_not_equal(a4, a4b);
	vn_block(vt, b4, 0, x3, &a4, &x); /* X known: the same load twice */
	vn_block(vt, b4, 0, x3, &a4b, &x);
	assert_int_equal(a4, a4b);
	vn_free(vt);
	irt_free(&t);
}

/* thread.c: a test whose outcome the path already knows is jumped over. */
static void test_pass_thread(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *proto = blk(&t, ST(LDB(23)), 1, JEQ, 12, t.p.accept, t.p.reject);
	struct ir_block *again = blk(&t, ST(LDH(12)), 1, JEQ, 0x0102, proto, t.p.reject);
	struct ir_block *first = blk(&t, ST(LDH(12)), 1, JEQ, 0x0102, again, t.p.reject);
	start(&t, first);
	assert_int_equal(nreach(&t), 5);
	assert_true(opt_thread(&t.p) > 0);
	assert_ptr_equal(t.p.entry, first);
	assert_ptr_equal(first->jt, proto); /* `again` is known true there */
	assert_int_equal(nreach(&t), 4);
	same_verdicts(&t);
	irt_free(&t);
}

/* thread.c opt_merge: two equal blocks become one. */
static void test_pass_merge(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *x = blk(&t, ST(LDB(20)), 1, JEQ, 9, t.p.accept, t.p.reject);
	struct ir_block *y = blk(&t, ST(LDB(20)), 1, JEQ, 9, t.p.accept, t.p.reject);
	struct ir_block *e = blk(&t, ST(LDB(14)), 1, JEQ, 3, x, y);
	start(&t, e);
	assert_int_equal(nreach(&t), 5);
	assert_true(opt_merge(&t.p) > 0);
	assert_ptr_equal(e->jt, e->jf);
	assert_int_equal(nreach(&t), 4);
	same_verdicts(&t);
	irt_free(&t);
}

/* loads.c: a load of what A already holds on every path is dropped. */
static void test_pass_loads(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *b2 = blk(&t, ST(LDH(12)), 1, BPF_JMP | BPF_JGT | BPF_K, 0x8000, t.p.accept, t.p.reject);
	struct ir_block *b1 = blk(&t, ST(LDH(12)), 1, BPF_JMP | BPF_JGE | BPF_K, 0x4000, b2, t.p.reject);
	start(&t, b1);
	assert_true(opt_loads(&t.p) > 0);
	assert_int_equal(b1->ninsns, 1);
	assert_int_equal(b2->ninsns, 0);
	same_verdicts(&t);
	irt_free(&t);
}

/* fuse.c: a block that only jumps on is joined to its one successor, and
 * a load whose value nothing reads goes when a later load reaches past
 * it (so a short packet is rejected all the same). */
static void test_pass_fuse(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *b2 = blk(&t, ST(LDB(15)), 1, JEQ, 4, t.p.accept, t.p.reject);
	struct ir_block *b1 = blk(&t, ST(LDB(14)), 1, 0, 0, b2, NULL);
	start(&t, b1);
	assert_true(opt_fuse(&t.p) > 0);
	assert_int_equal(nreach(&t), 3);
	assert_int_equal(t.p.entry->term, IR_BRANCH);
	assert_int_equal(t.p.entry->ninsns, 1);
	assert_int_equal(t.p.entry->insns[0].k, 15);
	same_verdicts(&t);
	irt_free(&t);
}

/* dead.c: a test whose both ways end in reject is reject itself. */
static void test_pass_dead(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *b2 = blk(&t, ST(LDB(15)), 1, JEQ, 4, t.p.reject, t.p.reject);
	struct ir_block *b1 = blk(&t, ST(LDB(14)), 1, JEQ, 3, b2, t.p.accept);
	start(&t, b1);
	assert_true(opt_dead(&t.p) > 0);
	assert_ptr_equal(b1->jt, t.p.reject);
	assert_int_equal(nreach(&t), 3);
	same_verdicts(&t);
	irt_free(&t);
}

/* loose.c opt_accept (--loose only): both ways to accept is accept, though
 * on a short packet the load would have rejected (so it is loose). */
static void test_pass_accept(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *b2 = blk(&t, ST(LDB(40)), 1, JEQ, 4, t.p.accept, t.p.accept);
	struct ir_block *b1 = blk(&t, ST(LDB(14)), 1, JEQ, 3, b2, t.p.reject);
	t.p.entry = b1;
	assert_true(opt_accept(&t.p) > 0);
	assert_ptr_equal(b1->jt, t.p.accept);
	assert_int_equal(nreach(&t), 3);
	irt_free(&t);
}

/* loose.c opt_live (--loose only): a load nothing reads goes, even one
 * past every other (the exact passes keep it: it rejects a short packet).
 * Through opt_run too: the exact pipeline keeps it, --loose's drops it. */
static void test_pass_live(void **state)
{
	for (int loose = 0; loose < 2; loose++) {
		struct irt t;
		struct bpfx_error err;
		irt_init(&t);
		t.p.loose = loose;
		t.p.entry = blk(&t, ST(LDB(100), LDB(15)), 2, JEQ, 4, t.p.accept, t.p.reject);
		assert_int_equal(opt_run(&t.p, &err), 0);
		assert_int_equal(t.p.entry->ninsns, loose ? 1 : 2);
		assert_int_equal(t.p.entry->insns[t.p.entry->ninsns - 1].k, 15);
		irt_free(&t);
	}
	struct irt t;
	irt_init(&t);
	struct ir_block *b = blk(&t, ST(LDB(100), LDB(15)), 2, JEQ, 4, t.p.accept, t.p.reject);
	t.p.entry = b;
	assert_true(opt_live(&t.p) > 0);
	assert_int_equal(b->ninsns, 1);
	assert_int_equal(b->insns[0].k, 15);
	irt_free(&t);
}

/* hoist.c: `host a and b` over [26]/[30], as threading leaves it: where
 * the source is not a, every accepting path needs the destination to be
 * a and the source b.  The source is still in A: it is tested against b
 * at once, before the destination is loaded. */
static void test_pass_hoist(void **state)
{
	struct irt t;
	irt_init(&t);
	uint32_t a = 0x0e0f1011, b = 0x1a1b1c1d; /* [26] for base 0 and 12 */
	struct ir_block *d2 = blk(&t, ST(LDW(30)), 1, JEQ, b, t.p.accept, t.p.reject);
	struct ir_block *s2 = blk(&t, ST(LDW(26)), 1, JEQ, b, t.p.accept, t.p.reject);
	struct ir_block *d1 = blk(&t, ST(LDW(30)), 1, JEQ, a, s2, t.p.reject);
	struct ir_block *s1 = blk(&t, ST(LDW(26)), 1, JEQ, a, d2, d1);
	start(&t, s1);
	assert_true(opt_hoist(&t.p) > 0);
	assert_ptr_not_equal(s1->jf, d1); /* a test of [26] comes first */
	assert_int_equal(s1->jf->term, IR_BRANCH);
	assert_int_equal(s1->jf->jk, b);
	same_verdicts(&t);
	irt_free(&t);
}

/* sets.c: an OR of 40 equality tests on one field becomes a search over
 * the sorted values: jgt splits, every value still accepted, every value
 * beside them rejected. */
static void test_pass_sets(void **state)
{
	struct irt t;
	irt_init(&t);
	struct ir_block *next = t.p.reject;
	for (int i = 0; i < 40; i++) /* bytes 12..13 of base b are b, b+1: values b*257+1 */
		next = blk(&t, ST(LDH(12)), 1, JEQ, (uint32_t)((i * 37 % 250) * 257 + 1), t.p.accept, next);
	start(&t, next);
	assert_int_equal(count_jcode(&t, BPF_JMP | BPF_JGT | BPF_K), 0);
	assert_true(opt_sets(&t.p) > 0);
	assert_true(count_jcode(&t, BPF_JMP | BPF_JGT | BPF_K) > 0);
	same_verdicts(&t);
	int accepted = 0; /* the same before and after */
	for (int i = 0; i < 256; i++)
		accepted += t.before.v[i] != 0;
	assert_int_equal(accepted, 40);
	irt_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opt_threading_tests_ethertype_once),
		cmocka_unit_test(test_opt_peephole_folds_offsets_and_masks),
		cmocka_unit_test(test_opt_peephole_folds_into_jeq),
		cmocka_unit_test(test_opt_bits_decide),
		cmocka_unit_test(test_opt_refuses_as_libpcap),
		cmocka_unit_test(test_opt_hoist_needed_tests),
		cmocka_unit_test(test_opt_dead_rejecting_paths_go),
		cmocka_unit_test(test_opt_constants_fold),
		cmocka_unit_test(test_opt_fuse_keeps_only_the_covering_load),
		cmocka_unit_test(test_opt_sets_make_sorted_searches),
		cmocka_unit_test(test_opt_never_changes_a_verdict),
		cmocka_unit_test(test_opt_loose_drops_unread_loads),
		cmocka_unit_test(test_opt_loose_tests_enough_early),
		cmocka_unit_test(test_opt_loose_differs_only_where_loads_fail),
		cmocka_unit_test(test_pass_peep),
		cmocka_unit_test(test_pass_vn),
		cmocka_unit_test(test_pass_thread),
		cmocka_unit_test(test_pass_merge),
		cmocka_unit_test(test_pass_loads),
		cmocka_unit_test(test_pass_fuse),
		cmocka_unit_test(test_pass_dead),
		cmocka_unit_test(test_pass_accept),
		cmocka_unit_test(test_pass_live),
		cmocka_unit_test(test_pass_hoist),
		cmocka_unit_test(test_pass_sets),
	};
	return cmocka_run_group_tests_name("opt", tests, NULL, NULL);
}
