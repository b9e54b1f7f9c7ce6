/* test_explain.c: the annotations of `bpfx explain` (src/explain.c).
 * Specific sentences for the programs the tutorial teaches, every link
 * type's offsets, and the bar: every instruction of every program compiled
 * from tests/diff/exprs.txt, for every link type where it compiles,
 * optimized or not, gets a non-empty annotation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/dlt.h>
#include "bpfx.h"
#include "explain.h"
#include "format.h"
#include "linktype.h"
#include "teach_test.h"

static void explain_for(struct explain *e, const char *expr, int dlt, int optimize)
{
	struct bpfx_options o;
	struct bpfx_error err;
	bpfx_options_init(&o);
	o.linktype = dlt;
	o.optimize = optimize;
	if (explain_expr(expr, &o, e, &err) < 0)
		fail_msg("explain '%s': %s", expr, err.msg);
}

/* Some instruction's note contains every one of the NULL-terminated
 * strings; returns its index. */
static unsigned find_note(const struct explain *e, const char *s1, const char *s2)
{
	for (unsigned i = 0; i < e->n; i++)
		if (strstr(e->insns[i].note, s1) && (!s2 || strstr(e->insns[i].note, s2)))
			return i;
	for (unsigned i = 0; i < e->n; i++)
		fprintf(stderr, "  (%03u) %s\n", i, e->insns[i].note);
	fail_msg("no note has '%s'%s%s", s1, s2 ? " and " : "", s2 ? s2 : "");
	return 0;
}

static void test_explain_names_the_ipv4_protocol(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "ip proto 6", DLT_EN10MB, 1);
	unsigned i = find_note(&e, "A = ip[9] = IPv4 protocol", "at 14 (Ethernet) + 9");
	assert_int_equal(e.insns[i].insn.code, BPF_LD | BPF_B | BPF_ABS);
	assert_int_equal(e.insns[i].insn.k, 23);
	find_note(&e, "is it TCP? (protocol 6)", NULL);
	find_note(&e, "is it IPv4? (type 0x0800)", NULL);
	explain_free(&e);
}

/* After an 802.3 length, the bytes are an 802.2 LLC header, behind VLAN
 * tags too; `llc TYPE`'s tests are asked as PDU types. */
static void test_explain_names_the_llc_header(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "vlan and llc sabme", DLT_EN10MB, 1);
	find_note(&e, "A = ether[18:2] = 802.2 DSAP and SSAP", "at 18 (Ethernet + 4 bytes of VLAN/MPLS headers) + 0, in the 802.2 LLC header");
	find_note(&e, "is it raw NetWare 802.3?", NULL);
	unsigned i = find_note(&e, "A = ether[20] = 802.2 LLC control", NULL);
	assert_int_equal(e.insns[i].insn.k, 20);
	find_note(&e, "is it a SABME (set asynchronous balanced mode extended) U PDU? (control & 0xef == 0x6f)", NULL);
	explain_free(&e);
	explain_for(&e, "llc i", DLT_EN10MB, 0);
	find_note(&e, "is it an S or U PDU?", NULL);
	explain_free(&e);
}

static void test_explain_follows_the_ihl_into_tcp(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "tcp[13] & 16 != 0", DLT_EN10MB, 1);
	find_note(&e, "x = IPv4 header length", NULL);
	find_note(&e, "tcp[13] = TCP flags, at 14 (Ethernet) + x (IPv4 header) + 13", NULL);
	find_note(&e, "is the ACK flag set?", NULL);
	find_note(&e, "later fragment?", NULL);
	explain_free(&e);
	/* unoptimized, the offset 13 is added to x first */
	explain_for(&e, "tcp[13] & 16 != 0", DLT_EN10MB, 0);
	find_note(&e, "tcp[13] = TCP flags", "x (IPv4 header + 13)");
	find_note(&e, "keep only the ACK bit", NULL);
	explain_free(&e);
}

/* explain's named constants are the scanner's (cut from its rules at
 * build time): each compiles as its value does, and none is missing. */
static void test_explain_constants_are_the_scanners(void **state)
{
	(void)state;
	unsigned n;
	const struct xf_named *t = xf_named_constants(&n);
	assert_true(n >= 57); /* pcap-filter(7)'s icmp, icmp6 and tcp names */
	for (unsigned i = 0; i < n; i++) {
		char by_name[96], by_value[96];
		struct bpfx_options o;
		struct bpfx_program a, b;
		struct bpfx_error err;
		snprintf(by_name, sizeof by_name, "len = %s", t[i].name);
		snprintf(by_value, sizeof by_value, "len = %u", t[i].value);
		bpfx_options_init(&o);
		if (bpfx_compile(by_name, &o, &a, &err))
			fail_msg("'%s': %s", by_name, err.msg);
		assert_int_equal(bpfx_compile(by_value, &o, &b, &err), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.insns, b.insns, a.len * sizeof *a.insns);
		bpfx_program_free(&a);
		bpfx_program_free(&b);
	}
}

static void test_explain_shows_named_constants(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "tcp[tcpflags] == tcp-ack", DLT_EN10MB, 1);
	assert_int_equal(e.nconsts, 2);
	assert_string_equal(e.consts[0].name, "tcpflags");
	assert_int_equal(e.consts[0].value, 13);
	assert_string_equal(e.consts[1].name, "tcp-ack");
	assert_int_equal(e.consts[1].value, 16);
	find_note(&e, "are the TCP flags exactly ACK?", "tcp-ack = 16");
	find_note(&e, "tcpflags = 13", NULL);
	explain_free(&e);
	explain_for(&e, "icmp[icmptype] = icmp-echo", DLT_EN10MB, 1);
	find_note(&e, "is it an ICMP echo request? (type 8)", "icmp-echo = 8");
	explain_free(&e);
}

static void test_explain_knows_every_link_type(void **state)
{
	(void)state;
	static const struct { int dlt; const char *where; } cases[] = {
		{ DLT_EN10MB, "at 14 (Ethernet) + 9" },
		{ DLT_RAW, "at 0 (no link header) + 9" },
		{ DLT_IPV4, "at 0 (no link header) + 9" },
		{ DLT_NULL, "at 4 (BSD loopback) + 9" },
		{ DLT_LOOP, "at 4 (OpenBSD loopback) + 9" },
		{ DLT_LINUX_SLL, "at 16 (Linux cooked v1) + 9" },
		{ DLT_LINUX_SLL2, "at 20 (Linux cooked v2) + 9" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct explain e;
		explain_for(&e, "ip proto 17", cases[i].dlt, 1);
		find_note(&e, "ip[9] = IPv4 protocol", cases[i].where);
		find_note(&e, "is it UDP?", NULL);
		explain_free(&e);
	}
	struct explain e;
	explain_for(&e, "ip6 and tcp port 22", DLT_IPV6, 1);
	find_note(&e, "ip6[6] = IPv6 next header", NULL);
	find_note(&e, "tcp[2:2] = TCP destination port", "+ 40 (IPv6 header) + 2");
	explain_free(&e);
	explain_for(&e, "ip", DLT_NULL, 1);
	find_note(&e, "address family", NULL);
	find_note(&e, "is it IPv4?", NULL);
	explain_free(&e);
	explain_for(&e, "ip6", DLT_RAW, 1);
	find_note(&e, "is it IPv6? (IP version nibble 6)", NULL);
	explain_free(&e);
}

static void test_explain_shifts_past_vlan_mpls_and_pppoe(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "vlan and tcp port 80", DLT_EN10MB, 1);
	find_note(&e, "is it 802.1Q VLAN?", NULL);
	find_note(&e, "Ethernet type inside the VLAN tag", NULL);
	find_note(&e, "ip[9] = IPv4 protocol", "at 18 (Ethernet + 4 bytes of VLAN/MPLS headers) + 9");
	explain_free(&e);
	explain_for(&e, "mpls 5 and ip", DLT_EN10MB, 1);
	find_note(&e, "is the MPLS label 5?", NULL);
	find_note(&e, "bottom of the label stack", NULL);
	find_note(&e, "is it IPv4? (IP version nibble 4)", NULL);
	explain_free(&e);
	explain_for(&e, "pppoes 0x27 and tcp port 80", DLT_EN10MB, 1);
	find_note(&e, "is it PPPoE session? (type 0x8864)", NULL);
	find_note(&e, "is the PPPoE session id 39 (0x27)?", NULL);
	find_note(&e, "ether[20:2] = PPP protocol", "at 20 (PPPoE header at 14) + 6");
	find_note(&e, "does the session carry IPv4? (PPP protocol 0x0021)", NULL);
	find_note(&e, "ip[9] = IPv4 protocol", "at 22 (Ethernet + 8 bytes of VLAN/PPPoE headers) + 9");
	explain_free(&e);
}

static void test_explain_writes_arithmetic_as_an_expression(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "ip[2:2] - ((ip[0]&0xf)<<2) > 100", DLT_EN10MB, 1);
	find_note(&e, "A = ip[2:2] = IPv4 total length", NULL);
	find_note(&e, "the IPv4 header length in bytes", NULL);
	find_note(&e, "is ip[2:2] - ((ip[0] & 0xf) << 2) > 0x64 (100)?", NULL);
	explain_free(&e);
	explain_for(&e, "tcp[((tcp[12]&0xf0)>>2):4] = 0x47455420", DLT_EN10MB, 1);
	find_note(&e, "tcp[12] = TCP data offset", NULL);
	find_note(&e, "tcp[((tcp[12] & 0xf0) >> 2):4]", "\"GET \"");
	explain_free(&e);
}

static void test_explain_addresses_ports_and_flags_in_words(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "src net 10.0.0.0/8 and dst port 53", DLT_EN10MB, 1);
	find_note(&e, "is the IPv4 source address in 10.0.0.0/8?", NULL);
	find_note(&e, "is the destination port (TCP, UDP or SCTP) 53?", NULL);
	explain_free(&e);
	explain_for(&e, "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn", DLT_EN10MB, 1);
	find_note(&e, "of the SYN|ACK flags, are exactly SYN set?", NULL);
	explain_free(&e);
	explain_for(&e, "arp", DLT_LINUX_SLL2, 1);
	find_note(&e, "link[0:2] = protocol type (ethertype)", NULL);
	find_note(&e, "is it ARP?", NULL);
	explain_free(&e);
}

static void test_explain_spans_cover_the_expression(void **state)
{
	(void)state;
	struct explain e;
	explain_for(&e, "tcp[13] & 16 != 0", DLT_EN10MB, 1);
	for (unsigned i = 0; i < e.n; i++) {
		if (BPF_CLASS(e.insns[i].insn.code) == BPF_RET)
			continue;
		assert_true(e.insns[i].start >= 0);
		assert_true(e.insns[i].end <= (int)strlen(e.expr));
	}
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	explain_print(f, &e);
	fclose(f);
	assert_non_null(strstr(text, "\n  tcp[13] & 16 != 0\n  ^~~~~~~\n(000) ldh      [12]"));
	assert_non_null(strstr(text, "(000) ldh      [12]"));
	free(text);
	f = open_memstream(&text, &size);
	explain_print_json(f, &e);
	fclose(f);
	assert_memory_equal(text, "{\"expression\":\"tcp[13] & 16 != 0\"", 33);
	unsigned pcs = 0;
	for (const char *p = text; (p = strstr(p, "\"pc\":")); p++)
		pcs++;
	assert_int_equal(pcs, e.n);
	free(text);
	explain_free(&e);
}

/* The bar: no instruction left unexplained. */
static void test_explain_annotates_every_instruction_of_every_program(void **state)
{
	(void)state;
	unsigned long programs = 0, insns = 0, empty = 0, loads = 0, named = 0, branches = 0, worded = 0;
	unsigned long more_loads = 0, more_named = 0; /* link types without a decoder (kind >= LT_ENC) */
	/* geneve: explain does not name the Geneve header or the inner
	 * frame's fields at their run-time offsets yet (counted apart) */
	unsigned long gen_loads = 0, gen_named = 0;
	struct teach_walk w;
	struct bpfx_options o;
	teach_start(&w, BPFX_OPT_LOOSE + 1); /* off, exact, --loose */
	while (teach_next(&w, &o)) {
		struct bpfx_error err;
		struct explain e;
		if (explain_expr(w.expr, &o, &e, &err) < 0)
			continue;
		programs++;
		for (unsigned k = 0; k < e.n; k++) {
			const struct explain_insn *x = &e.insns[k];
			insns++;
			if (!x->note[0]) {
				if (empty++ < 10)
					fprintf(stderr, "unexplained: '%s' on %s, insn %u\n", w.expr, w.lt->name, k);
			}
			int mode = BPF_MODE(x->insn.code);
			if (BPF_CLASS(x->insn.code) == BPF_LD && (mode == BPF_ABS || mode == BPF_IND)) {
				if (w.lt->kind >= LT_ENC) {
					more_loads++;
					more_named += x->named != 0;
				} else if (strstr(w.expr, "geneve")) {
					gen_loads++;
					gen_named += x->named != 0;
				} else {
					loads++;
					named += x->named != 0;
				}
			}
			if (BPF_CLASS(x->insn.code) == BPF_JMP && BPF_OP(x->insn.code) != BPF_JA) {
				branches++;
				/* a sentence of its own, not the generic "is A op k?" */
				worded += strncmp(x->tests, "is ", 3) || strstr(x->tests, "? (") ||
					  strstr(x->tests, " port ") || strstr(x->tests, " address ") ||
					  strstr(x->tests, " flag");
			}
		}
		explain_free(&e);
	}
	printf("# explain: %lu programs, %lu instructions, %lu unexplained; "
	       "%lu/%lu packet loads name a header field; %lu/%lu branches in protocol words\n",
	       programs, insns, empty, named, loads, worded, branches);
	printf("# explain: on the link types without a decoder, %lu/%lu packet loads name a header field\n",
	       more_named, more_loads);
	printf("# explain: in geneve expressions, %lu/%lu packet loads name a header field\n", gen_named, gen_loads);
	assert_true(programs > 2000);
	assert_int_equal(empty, 0);
	/* a floor, so that a regression in the tables shows */
	assert_true(named * 100 >= loads * 95);
	teach_end(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explain_names_the_ipv4_protocol),
		cmocka_unit_test(test_explain_names_the_llc_header),
		cmocka_unit_test(test_explain_follows_the_ihl_into_tcp),
		cmocka_unit_test(test_explain_shows_named_constants),
		cmocka_unit_test(test_explain_constants_are_the_scanners),
		cmocka_unit_test(test_explain_knows_every_link_type),
		cmocka_unit_test(test_explain_shifts_past_vlan_mpls_and_pppoe),
		cmocka_unit_test(test_explain_writes_arithmetic_as_an_expression),
		cmocka_unit_test(test_explain_addresses_ports_and_flags_in_words),
		cmocka_unit_test(test_explain_spans_cover_the_expression),
		cmocka_unit_test(test_explain_annotates_every_instruction_of_every_program),
	};
	return cmocka_run_group_tests_name("explain", tests, NULL, NULL);
}
