/* test_dissect.c: the checksum arithmetic `bpfx dissect` shows, on the
 * IPv4 header the second seed walks through by hand; and the tables for
 * whole, truncated and odd packets (every read within caplen). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decode/dissect.h"

/* The seed's header: 4560 0042 7567 0000 3d06 6F3C C0A8 011A C0A8 0116. */
static const uint8_t seed_ip[20] = {
	0x45, 0x60, 0x00, 0x42, 0x75, 0x67, 0x00, 0x00, 0x3d, 0x06,
	0x6f, 0x3c, 0xc0, 0xa8, 0x01, 0x1a, 0xc0, 0xa8, 0x01, 0x16,
};

/* The seed's sum is 0x27B95 and its checksum 0x8468; added up again the
 * words give 0x27B8F, so the checksum is 0x846E, and the field in the
 * seed's bytes (0x6F3C) is neither: the header as printed does not verify. */
static void test_dissect_cksum_seed_steps(void **state)
{
	(void)state;
	struct dis_cksum c = { 0 };
	dis_cksum_add(&c, seed_ip, sizeof seed_ip, 10);
	assert_int_equal(c.nwords, 10);
	assert_int_equal(c.sum, 0x27b8f);
	dis_cksum_finish(&c);
	assert_int_equal(c.nfold, 1);
	assert_int_equal(c.fold[0], 0x7b91);
	assert_int_equal(c.result, 0x846e);
	assert_int_not_equal(c.result, 0x6f3c);
	assert_int_not_equal(c.result, 0x8468);
}

/* Receiver's check: summing all words, the field included, folds to 0xffff
 * only when the field is right; with the seed's 0x6F3C it does not. */
static void test_dissect_cksum_verify_with_field(void **state)
{
	(void)state;
	struct dis_cksum c = { 0 };
	dis_cksum_add(&c, seed_ip, sizeof seed_ip, -1);
	dis_cksum_finish(&c);
	assert_int_not_equal(c.result, 0);
	uint8_t fixed[20];
	memcpy(fixed, seed_ip, sizeof fixed);
	fixed[10] = 0x84, fixed[11] = 0x6e;
	struct dis_cksum v = { 0 };
	dis_cksum_add(&v, fixed, sizeof fixed, -1);
	dis_cksum_finish(&v);
	assert_int_equal(v.result, 0); /* ~0xffff */
}

/* An odd length pads the last byte with zero; a sum that carries twice
 * folds twice. */
static void test_dissect_cksum_odd_and_double_fold(void **state)
{
	(void)state;
	const uint8_t odd[3] = { 0x12, 0x34, 0x56 };
	struct dis_cksum c = { 0 };
	dis_cksum_add(&c, odd, 3, -1);
	assert_int_equal(c.nwords, 2);
	assert_int_equal(c.sum, 0x1234 + 0x5600);
	uint8_t ff[4] = { 0xff, 0xff, 0xff, 0xff };
	struct dis_cksum f = { 0 };
	for (int i = 0; i < 65536; i++)
		dis_cksum_add(&f, ff, 4, -1);
	dis_cksum_finish(&f);
	assert_true(f.nfold >= 2);
	assert_int_equal(f.result, 0); /* all ones sum to 0xffff */
}

/* Run dis_packet into a string. */
static char *dissect(int dlt, const uint8_t *p, uint32_t caplen, uint32_t len, int *rc)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	struct pcap_pkthdr h = { { 0, 0 }, caplen, len };
	/* a copy of exactly caplen bytes, so a read past it trips ASan */
	uint8_t *copy = malloc(caplen ? caplen : 1);
	memcpy(copy, p, caplen);
	*rc = dis_packet(f, "t.pcap", 1, dlt, &h, copy);
	fclose(f);
	free(copy);
	return buf;
}

/* Dissects p, checks dis_packet's return and that the output holds each
 * string of the NULL-ended list (the first one missing is named). */
static void dissect_has(int dlt, const uint8_t *p, uint32_t caplen, uint32_t len, int want_rc, ...)
{
	int rc;
	char *s = dissect(dlt, p, caplen, len, &rc);
	assert_int_equal(rc, want_rc);
	va_list ap;
	va_start(ap, want_rc);
	for (const char *w; (w = va_arg(ap, const char *));)
		if (!strstr(s, w))
			fail_msg("not in the output: %s", w);
	va_end(ap);
	free(s);
}

/* The seed's packet (its IPv4 + TCP + RESP bytes), raw IP link type. */
static const uint8_t seed_pkt[] = {
	0x45, 0x60, 0x00, 0x42, 0x75, 0x67, 0x00, 0x00, 0x3d, 0x06, 0x6f, 0x3c, 0xc0, 0xa8, 0x01, 0x1a,
	0xc0, 0xa8, 0x01, 0x16, 0xee, 0xa8, 0x27, 0x10, 0x3e, 0x12, 0xba, 0xdb, 0x27, 0x3b, 0x1f, 0xf9,
	0x80, 0x18, 0x00, 0x73, 0x64, 0xb0, 0x00, 0x00, 0x01, 0x01, 0x08, 0x0a, 0x8d, 0xb4, 0xfd, 0xe3,
	0xa3, 0x68, 0xb0, 0x85, 0x2a, 0x31, 0x0d, 0x0a, 0x24, 0x34, 0x0d, 0x0a, 0x70, 0x69, 0x6e, 0x67,
	0x0d, 0x0a,
};

static void test_dissect_seed_packet_fields(void **state)
{
	(void)state;
	dissect_has(DLT_RAW, seed_pkt, sizeof seed_pkt, sizeof seed_pkt, 0,
		    "the field holds 0x6f3c: incorrect, it should be 0x846e",
		    "= 0x27b8f",
		    "192.168.1.26",
		    "tcp[4:4]                sequence number   1041414875",
		    "tcp[8:4]                ack number        658186233",
		    "8 x 4 = 32 bytes",
		    "tcp[13] = 0x18: tcpdump prints Flags [P.]",
		    "2377448931",
		    "2741547141",
		    "= 66 - 20 - 32\n    = 14 bytes",
		    "\"ping\"", NULL);
}

/* Cut the seed packet at every length: never a read past caplen (ASan
 * would say), a "capture stops" line whenever a header is cut, and the
 * cut named at the right byte. */
static void test_dissect_truncated_every_length(void **state)
{
	(void)state;
	for (uint32_t cut = 0; cut < 52; cut++) {
		int rc;
		char *s = dissect(DLT_RAW, seed_pkt, cut, sizeof seed_pkt, &rc);
		assert_int_equal(rc, 1);
		assert_non_null(strstr(s, "the capture stops here"));
		char want[64];
		snprintf(want, sizeof want, "only %u of the packet's 66 bytes", cut);
		assert_non_null(strstr(s, want));
		free(s);
	}
	/* cut inside the payload: every header whole, the payload says so */
	dissect_has(DLT_RAW, seed_pkt, 60, sizeof seed_pkt, 0,
		    "only 8 of its 14 bytes were captured",
		    "TCP checksum: not recomputed", NULL);
}

/* Ethernet + 802.1Q + ARP, and an IHL below 5 that must stop the table. */
static void test_dissect_vlan_arp_and_bad_ihl(void **state)
{
	(void)state;
	uint8_t f[46] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x81, 0x00, 0x20, 0x07,
			  0x08, 0x06, 0, 1, 0x08, 0x00, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1,
			  0, 0, 0, 0, 0, 0, 10, 0, 0, 2 };
	dissect_has(DLT_EN10MB, f, sizeof f, sizeof f, 0,
		    "ether[14:2] & 0xfff     VLAN id           7",
		    "1 = request",
		    "10.0.0.2", NULL);
	uint8_t bad[20] = { 0x43, 0, 0, 20 };
	/* not truncated: the header itself is invalid */
	dissect_has(DLT_RAW, bad, sizeof bad, sizeof bad, 0, "invalid; stopping", NULL);
}

/* Ethernet + PPPoE session + PPP + the seed's IPv4/TCP: the session's
 * fields, then IPv4 at 22; cut inside the PPPoE header, the cut is named. */
static void test_dissect_pppoe(void **state)
{
	(void)state;
	uint8_t f[22 + sizeof seed_pkt] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0x64,
					   0x11, 0x00, 0x00, 0x27, 0x00, 2 + sizeof seed_pkt, 0x00, 0x21 };
	memcpy(f + 22, seed_pkt, sizeof seed_pkt);
	dissect_has(DLT_EN10MB, f, sizeof f, sizeof f, 0,
		    "0x8864 = PPPoE session",
		    "ether[16:2]             session id        0x0027 (`pppoes 39` matches it)",
		    "PPP protocol      0x0021 = IPv4",
		    "IPv4 header: bytes 22-41",
		    "192.168.1.26", NULL);
	dissect_has(DLT_EN10MB, f, 19, sizeof f, 1,
		    "the capture stops here", NULL);
}

/* IPv6 with a fragment header: rows name ip6[] bytes, the fragment is
 * not checksummed. */
static void test_dissect_ipv6_fragment(void **state)
{
	(void)state;
	uint8_t p[40 + 8 + 8] = { 0x60, 0, 0, 0, 0, 16, 44, 64 };
	p[23] = 1, p[39] = 1;               /* ::1 > ::1 */
	p[40] = 17, p[42] = 0, p[43] = 1;  /* next UDP, offset 0, M=1 */
	p[48] = 0x12, p[49] = 0x34, p[50] = 0, p[51] = 53, p[53] = 8, p[55] = 1;
	dissect_has(DLT_IPV6, p, sizeof p, sizeof p, 0,
		    "ip6[43] & 1",
		    "ip6[50:2]               destination port  53",
		    "not recomputed, this is a fragment", NULL);
}

static void test_dissect_linktypes(void **state)
{
	(void)state;
	assert_true(dis_linktype_ok(DLT_EN10MB));
	assert_true(dis_linktype_ok(DLT_LINUX_SLL2));
	assert_true(dis_linktype_ok(DLT_NULL));
	assert_true(dis_linktype_ok(147)); /* DLT_USER0: no name, but libpcap compiles for it */
	assert_true(dis_linktype_ok(DLT_IEEE802_11)); /* its bytes; a generic line */
	assert_false(dis_linktype_ok(3)); /* DLT_AX25: in no table; libpcap compiles nothing for it */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dissect_cksum_seed_steps),
		cmocka_unit_test(test_dissect_cksum_verify_with_field),
		cmocka_unit_test(test_dissect_cksum_odd_and_double_fold),
		cmocka_unit_test(test_dissect_seed_packet_fields),
		cmocka_unit_test(test_dissect_truncated_every_length),
		cmocka_unit_test(test_dissect_vlan_arp_and_bad_ihl),
		cmocka_unit_test(test_dissect_pppoe),
		cmocka_unit_test(test_dissect_ipv6_fragment),
		cmocka_unit_test(test_dissect_linktypes),
	};
	return cmocka_run_group_tests_name("dissect", tests, NULL, NULL);
}
