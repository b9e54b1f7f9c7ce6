/* test_check.c: the four-way comparison (src/check.c).  Programs are made
 * by hand or by libpcap, so the comparison itself is tested apart from
 * bpfx's compiler; the cases that compile with bpfx require it to work. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static struct bpf_insn *ret_k(uint32_t k)
{
	struct bpf_insn *p = malloc(sizeof *p);
	*p = (struct bpf_insn)BPF_STMT(BPF_RET | BPF_K, k);
	return p;
}

/* c with bpfx's program `ret #bk` and libpcap's program `ret #lk`. */
static void hand_made(struct check *c, uint32_t bk, uint32_t lk)
{
	memset(c, 0, sizeof *c);
	c->bp.insns = ret_k(bk);
	c->bp.len = 1;
	c->lp.bf_insns = ret_k(lk);
	c->lp.bf_len = 1;
}

/* check_compile as bpfx check runs by default: Ethernet, snaplen 262144,
 * optimized. */
static int compile_ether(struct check *c, const char *expr, struct check_error *e)
{
	return check_compile(c, expr, DLT_EN10MB, 262144, 1, e);
}

static const u_char packet[60];
static const struct pcap_pkthdr hdr = { .caplen = sizeof packet, .len = sizeof packet };

static void test_check_equal_verdicts_agree(void **state)
{
	struct check c;
	uint32_t v[CHECK_NVERDICTS];
	hand_made(&c, 0, 0);
	assert_int_equal(check_packet(&c, &hdr, packet, v), 0);
	for (int i = 0; i < CHECK_NVERDICTS; i++)
		assert_int_equal(v[i], 0);
	check_free(&c);
	assert_null(c.bp.insns);
	assert_null(c.lp.bf_insns);
}

/* Programs that differ must show up whatever the interpreters do. */
static void test_check_different_programs_disagree(void **state)
{
	struct check c;
	uint32_t v[CHECK_NVERDICTS];
	hand_made(&c, 0, 262144);
	assert_int_equal(check_packet(&c, &hdr, packet, v), 1);
	assert_int_equal(v[CHECK_BL], 0);
	assert_int_equal(v[CHECK_LL], 262144);
	check_free(&c);
}

static void test_check_libpcap_rejection_is_reported(void **state)
{
	struct check c;
	struct check_error e;
	assert_int_equal(compile_ether(&c, "tcp and", &e), CHECK_ECOMPILE);
	assert_true(e.libpcap_failed);
	assert_true(e.bpfx_failed); /* a syntax error for bpfx too, stub or not */
	assert_non_null(strstr(e.libpcap, "syntax error"));
	assert_null(c.bp.insns);
	assert_null(c.lp.bf_insns);
}

/* libpcap compiles `tcp`; if bpfx does too, the programs must agree on
 * a TCP packet and a non-TCP packet. */
static void test_check_tcp_agrees_on_packets(void **state)
{
	struct check c;
	struct check_error e;
	int rc = compile_ether(&c, "tcp", &e);
	assert_false(e.libpcap_failed);
	assert_int_equal(rc, CHECK_OK); /* a failure of bpfx's compiler is a failure here */
	u_char pkt[60] = { [12] = 0x08, [13] = 0x00, [14] = 0x45, [23] = 6 };
	struct pcap_pkthdr h = { .caplen = sizeof pkt, .len = sizeof pkt };
	uint32_t v[CHECK_NVERDICTS];
	assert_int_equal(check_packet(&c, &h, pkt, v), 0);
	assert_int_equal(v[CHECK_LL], 262144);
	pkt[23] = 17;
	assert_int_equal(check_packet(&c, &h, pkt, v), 0);
	assert_int_equal(v[CHECK_LL], 0);
	check_free(&c);
}

/* `ip6 and tcp[...]` matches nothing (tcp[] means IPv4 TCP): both
 * optimizers say so, and check falls back to the unoptimized programs. */
static void test_check_matches_nothing_compares_unoptimized(void **state)
{
	struct check c;
	struct check_error e;
	assert_int_equal(compile_ether(&c, "ip6 and tcp[13] & 2 != 0", &e), CHECK_OK);
	assert_int_equal(c.matches_nothing, 1);
	assert_int_equal(c.optimize, 0);
	assert_true(c.bp.len > 1 && c.lp.bf_len > 1);
	check_free(&c);
	assert_int_equal(compile_ether(&c, "tcp", &e), CHECK_OK);
	assert_int_equal(c.matches_nothing, 0);
	check_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_equal_verdicts_agree),
		cmocka_unit_test(test_check_different_programs_disagree),
		cmocka_unit_test(test_check_libpcap_rejection_is_reported),
		cmocka_unit_test(test_check_tcp_agrees_on_packets),
		cmocka_unit_test(test_check_matches_nothing_compares_unoptimized),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
