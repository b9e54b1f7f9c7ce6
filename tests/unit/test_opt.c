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

static struct bpfx_program compile(const char *expr, int optimize)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error e;
	bpfx_options_init(&o);
	o.optimize = optimize;
	if (bpfx_compile(expr, &o, &p, &e)) {
		fprintf(stderr, "'%s': %s\n", expr, e.msg);
		fail();
	}
	return p;
}

static int count(const struct bpfx_program *p, uint16_t code, uint32_t k)
{
	int n = 0;
	for (unsigned i = 0; i < p->len; i++)
		n += p->insns[i].code == code && p->insns[i].k == k;
	return n;
}

/* thread.c + loads.c: the ethertype is loaded and tested once. */
static void test_opt_threading_tests_ethertype_once(void **state)
{
	struct bpfx_program p = compile("tcp[13] & 16 != 0 and ip[2:2] > 40", 1);
	assert_int_equal(count(&p, BPF_LD | BPF_H | BPF_ABS, 12), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0x800), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0x86dd), 0); /* no IPv6 branch left */
	bpfx_program_free(&p);
}

/* peep.c: the constant offset folds into the load; and+jeq 0 is jset. */
static void test_opt_peephole_folds_offsets_and_masks(void **state)
{
	struct bpfx_program p = compile("tcp[13] & 16 != 0", 1);
	assert_int_equal(count(&p, BPF_LD | BPF_B | BPF_IND, 27), 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JSET | BPF_K, 16), 1);
	assert_int_equal(p.len, 11); /* what libpcap 1.10's optimizer makes too */
	bpfx_program_free(&p);
}

/* peep.c: the last sub/add/xor before an equality test goes into it. */
static void test_opt_peephole_folds_into_jeq(void **state)
{
	struct bpfx_program p = compile("((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_X, 0), 1);
	assert_int_equal(p.len, 20); /* libpcap 1.10's optimizer: 20 as well */
	bpfx_program_free(&p);
	p = compile("ip[0] + 5 = 3", 1); /* 3 - 5 wraps: never true, and exact */
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xfffffffe), 1);
	assert_int_equal(count(&p, BPF_ALU | BPF_ADD | BPF_K, 5), 0);
	bpfx_program_free(&p);
	p = compile("ip[0] ^ 0xff = 0x0f", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xf0), 1);
	bpfx_program_free(&p);
}

/* hoist.c: `host a and b` tests the source against b before it loads the
 * destination, rejecting at once, and never reloads the source. */
static void test_opt_hoist_needed_tests(void **state)
{
	struct bpfx_program p = compile("host 10.0.0.1 and 192.168.1.1", 1);
	assert_int_equal(p.len, 20); /* libpcap 1.10: 20; without hoisting 22 */
	assert_int_equal(count(&p, BPF_LD | BPF_W | BPF_ABS, 26), 1); /* the source, once */
	assert_int_equal(count(&p, BPF_JMP | BPF_JEQ | BPF_K, 0xc0a80101), 4); /* 2 per family */
	bpfx_program_free(&p);
	p = compile("tcp and port 80 or udp and port 53", 1);
	assert_int_equal(p.len, 36);
	bpfx_program_free(&p);
}

/* dead.c: everything after `udp` on the IPv6 side can only reject. */
static void test_opt_dead_rejecting_paths_go(void **state)
{
	struct bpfx_program p = compile("udp and ip", 1);
	assert_int_equal(p.len, 6);
	bpfx_program_free(&p);
}

/* gen's constant folding and thread.c's constant tests. */
static void test_opt_constants_fold(void **state)
{
	struct bpfx_program p = compile("1 = 1", 1);
	assert_int_equal(p.len, 1);
	assert_int_equal(p.insns[0].code, BPF_RET | BPF_K);
	assert_int_not_equal(p.insns[0].k, 0);
	bpfx_program_free(&p);
	p = compile("tcp[tcpflags] & (tcp-fin|tcp-syn) != 0", 1);
	assert_int_equal(count(&p, BPF_JMP | BPF_JSET | BPF_K, 3), 1);
	bpfx_program_free(&p);
	struct bpfx_options o;
	struct bpfx_error e;
	bpfx_options_init(&o);
	assert_int_equal(bpfx_compile("1 = 2", &o, &p, &e), -1);
	assert_non_null(strstr(e.msg, "rejects all packets"));
}

/* fuse.c: loads kept for their bounds check collapse into the furthest. */
static void test_opt_fuse_keeps_only_the_covering_load(void **state)
{
	struct bpfx_program p = compile("net ::/0", 1);
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
	struct bpfx_program p = compile(expr, 1);
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
		struct bpfx_program o = compile(exprs[e], 1), u = compile(exprs[e], 0);
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
	struct bpfx_program l = compile("net 0.0.0.0/0", BPFX_OPT_LOOSE), x = compile("net 0.0.0.0/0", 1);
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
	struct bpfx_program l = compile("host 10.0.0.1 or 192.168.1.1", BPFX_OPT_LOOSE),
			    x = compile("host 10.0.0.1 or 192.168.1.1", 1);
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
		struct bpfx_program l = compile(exprs[e], BPFX_OPT_LOOSE), u = compile(exprs[e], 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opt_threading_tests_ethertype_once),
		cmocka_unit_test(test_opt_peephole_folds_offsets_and_masks),
		cmocka_unit_test(test_opt_peephole_folds_into_jeq),
		cmocka_unit_test(test_opt_hoist_needed_tests),
		cmocka_unit_test(test_opt_dead_rejecting_paths_go),
		cmocka_unit_test(test_opt_constants_fold),
		cmocka_unit_test(test_opt_fuse_keeps_only_the_covering_load),
		cmocka_unit_test(test_opt_sets_make_sorted_searches),
		cmocka_unit_test(test_opt_never_changes_a_verdict),
		cmocka_unit_test(test_opt_loose_drops_unread_loads),
		cmocka_unit_test(test_opt_loose_tests_enough_early),
		cmocka_unit_test(test_opt_loose_differs_only_where_loads_fail),
	};
	return cmocka_run_group_tests_name("opt", tests, NULL, NULL);
}
