/* test_compile.c: the compiler as a whole: error spans, qualifier
 * inheritance, precedence, and long jumps.  Verdicts against libpcap are
 * tests/diff/difftest's job; these pin the front end's decisions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "compile_test.h"

/* The error's span must cover exactly `what` within expr. */
static void expect_error(const char *expr, const char *what, const char *msg_part)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	assert_int_equal(bpfx_compile(expr, &o, &p, &err), -1);
	const char *at = strstr(expr, what);
	assert_non_null(at);
	assert_int_equal(err.start, (int)(at - expr));
	assert_int_equal(err.end, (int)(at - expr + (long)strlen(what)));
	if (!strstr(err.msg, msg_part)) {
		fprintf(stderr, "'%s': message '%s' lacks '%s'\n", expr, err.msg, msg_part);
		fail();
	}
}

static void same_program(const char *a, const char *b)
{
	struct bpfx_program pa = compile_ok(a, 0), pb = compile_ok(b, 0);
	if (pa.len != pb.len || memcmp(pa.insns, pb.insns, pa.len * sizeof *pa.insns)) {
		fprintf(stderr, "'%s' and '%s' compile differently\n", a, b);
		fail();
	}
	bpfx_program_free(&pa);
	bpfx_program_free(&pb);
}

static void test_compile_error_spans(void **state)
{
	expect_error("tcp and", "and", "end of expression");
	expect_error("port 70000", "70000", "out of range 0-65535");
	expect_error("tcp[1:3] = 1", "tcp[1:3]", "size must be 1, 2 or 4");
	expect_error("host 10.0.0.1 and foo(", "(", "unexpected");
	expect_error("(host 1.2.3.4) and 5.6.7.8", "5.6.7.8", "needs a qualifier");
	expect_error("ip[0] / 0 = 1", "ip[0] / 0", "division by zero");
	expect_error("net 10.0.0.1/8", "10.0.0.1/8", "non-network bits");
	expect_error("tcp port 80 and udp port http", "http", "is tcp");
	expect_error("vlan 4096", "vlan 4096", "greater than maximum");
	expect_error("ip[0] = 09", "09", "non-octal");
	expect_error("tcp and ? ", "?", "unexpected character");
	/* what libpcap accepts and bpfx does not compile says so, by name */
	expect_error("ipx[0] = 1", "ipx[0]", "unsupported index operation");
	expect_error("udp and tcp protochain 6", "tcp protochain", "bad protocol applied for 'protochain'");
	expect_error("ip and sio 256", "sio 256", "too big");
	expect_error("tcp or byte 2 & 6", "byte 2 & 6", "without loading the byte");
	expect_error("tcp and geneve 16777216", "geneve 16777216", "Geneve VNI 16777216 greater than maximum 16777215");
	expect_error("mpls and geneve and vlan", "vlan", "no VLAN match after MPLS");
	expect_error("vxlan", "vxlan", "syntax error: 'vxlan' is not a primitive of libpcap 1.10.3 (it came in libpcap 1.11)");
}

/* A bare id takes the qualifiers of what stands before it. */
static void test_compile_inheritance(void **state)
{
	same_program("host 10.0.0.1 or 192.168.1.1", "host 10.0.0.1 or host 192.168.1.1");
	same_program("tcp port 80 or 443", "tcp port 80 or tcp port 443");
	same_program("not host 10.0.0.1 and 10.0.0.2", "(not host 10.0.0.1) and host 10.0.0.2");
	same_program("src net 10.0.0.0/8 or 192.168.0.0/16", "src net 10.0.0.0/8 or src net 192.168.0.0/16");
	same_program("host 10.0.0.1 and (10.0.0.2 or 10.0.0.3)",
		     "host 10.0.0.1 and (host 10.0.0.2 or host 10.0.0.3)");
	same_program("port 80 and (tcp) and 443", "port 80 and tcp and port 443");
}

/* and/or are left-associative with equal precedence; % and ^ always shift. */
static void test_compile_precedence(void **state)
{
	same_program("tcp or udp and icmp", "(tcp or udp) and icmp");
	same_program("ip[0] + 1 * 2 = 3", "ip[0] + (1 * 2) = 3");
	same_program("ip[0] % 3 + 1 = 2", "ip[0] % (3 + 1) = 2");
	same_program("ip[0] & 0xf << 2 = 20", "ip[0] & (0xf << 2) = 20");
	same_program("tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 2 != 0");
	same_program("icmp[icmptype] = icmp-echo", "icmp[0] = 8");
}

/* An OR of many hosts needs jumps longer than 255: every conditional jump
 * stays within reach, and the program still agrees with libpcap, on
 * packets from and to each host of the list and to addresses beside them
 * (a trampoline that lands on the wrong block changes some verdict). */
static void test_compile_long_jumps(void **state)
{
	char *expr = malloc(200 * 40);
	size_t n = 0;
	for (int i = 0; i < 200; i++)
		n += (size_t)sprintf(expr + n, "%sip host 10.0.%d.%d", i ? " or " : "", i / 250, i % 250 + 1);
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
	struct bpf_program lp;
	assert_int_equal(pcap_compile(dead, &lp, expr, 0, 0), 0);
	for (int opt = 0; opt < 2; opt++) {
		struct bpfx_program p = compile_ok(expr, opt);
		struct bpfx_error err;
		int has_ja = 0;
		assert_true(p.len <= 4096);
		assert_int_equal(bpfx_validate(p.insns, p.len, &err), 0);
		for (unsigned i = 0; i < p.len; i++)
			if (p.insns[i].code == (BPF_JMP | BPF_JA))
				has_ja = 1;
		if (!opt) /* the unoptimized program is one long chain */
			assert_true(p.len > 1000 && has_ja);
		/* 10.0.0.x as the source (dst 192.0.2.1), then as the destination */
		uint8_t pkt[64] = { [12] = 0x08, [13] = 0x00, [14] = 0x45, [23] = 6, [26] = 10, [27] = 0, [28] = 0,
				    [30] = 192, [31] = 0, [32] = 2, [33] = 1 };
		int accepted = 0;
		for (int dir = 0; dir < 2; dir++) {
			for (int last = 0; last < 256; last++) {
				pkt[dir ? 33 : 29] = (uint8_t)last;
				u_int want = bpf_filter(lp.bf_insns, pkt, sizeof pkt, sizeof pkt);
				assert_int_equal(bpfx_run(p.insns, pkt, sizeof pkt, sizeof pkt), want);
				accepted += want != 0;
			}
			memcpy(pkt + 26, "\xc0\x00\x02\x01\x0a\x00\x00\x00", 8);
		}
		/* libpcap accepts the 200 hosts in each direction, and no other */
		assert_int_equal(accepted, 400);
		bpfx_program_free(&p);
	}
	pcap_freecode(&lp);
	pcap_close(dead);
	free(expr);
}

static void test_compile_empty_matches_all(void **state)
{
	assert_int_equal(compile_ret("", 0), 262144);
	struct bpfx_program p = compile_ok("1 = 2 and 3 = 4", 0);
	assert_int_equal(bpfx_validate(p.insns, p.len, NULL), 0);
	bpfx_program_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_error_spans),
		cmocka_unit_test(test_compile_inheritance),
		cmocka_unit_test(test_compile_precedence),
		cmocka_unit_test(test_compile_long_jumps),
		cmocka_unit_test(test_compile_empty_matches_all),
	};
	return cmocka_run_group_tests_name("compile", tests, NULL, NULL);
}
