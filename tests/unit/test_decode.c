/* test_decode.c: the decoder's checksum arithmetic, truncation markers
 * and a few hand-built packets.  Every expected line below was first
 * printed by tcpdump 4.99.3 (TZ=UTC tcpdump -nn [-v|-x] -r) from the same
 * bytes written to a pcap file; none was produced by bpfx itself.  (The
 * dec_report lines are our own test-only format, not tcpdump output.) */
#include <setjmp.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "decode/dec.h"
#include "names.h"
#include "proto/proto.h"

/* Hex text to bytes; returns the count. */
static size_t unhex(const char *s, uint8_t *out)
{
	size_t n = 0;
	for (; s[0] && s[1]; s += 2)
		sscanf(s, "%2hhx", &out[n++]);
	return n;
}

/* Decodes one packet (captured up to caplen, 0 = all) with options o at
 * time 1000000000 + sec + 0.5 s and returns what was printed (malloc'd). */
static char *decode(const struct dec_opts *o, int dlt, const char *hex, size_t caplen, int sec)
{
	uint8_t pkt[2048];
	size_t len = unhex(hex, pkt);
	struct pcap_pkthdr h = { .ts = { .tv_sec = 1000000000 + sec, .tv_usec = 500000 },
				 .caplen = (bpf_u_int32)(caplen ? caplen : len), .len = (bpf_u_int32)len };
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	assert_non_null(f);
	struct dec_ctx *d = dec_new(o, dlt);
	assert_non_null(d);
	dec_packet(d, f, &h, pkt);
	dec_free(d);
	fclose(f);
	return buf;
}

static void expect(const struct dec_opts *o, const char *hex, size_t caplen, int sec, const char *want)
{
	char *got = decode(o, DLT_EN10MB, hex, caplen, sec);
	assert_string_equal(got, want);
	free(got);
}

/* Ethernet + IPv4 + ICMP echo request, id 7238, seq 1, 8 bytes of data. */
static const char icmp_echo[] =
	"020000000002020000000001080045000024123440004001"
	"14a30a0000010a00000208004a231c4600016162636465666768";
/* Ethernet + IPv4 + TCP SYN 40000 -> 80, seq 1000, checksum field 0x1234 (wrong). */
static const char tcp_syn[] =
	"020000000002020000000001080045000028123440004006149a"
	"0a0000010a0000029c400050000003e8000000005002ffff12340000";
/* Broadcast ARP request: who has 10.0.0.2, tell 10.0.0.1. */
static const char arp_req[] =
	"ffffffffffff020000000001080600010800060400010200000000010a000001"
	"0000000000000a000002";

/* RFC 1071 4.1's example: the sum of 0001 f203 f4f5 f6f7 is 0xddf2. */
static void test_decode_cksum_rfc1071(void **state)
{
	(void)state;
	static const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	assert_int_equal(dec_sum(b, sizeof b, 0), 0xddf2);
	assert_int_equal(dec_fold(dec_sum(b, sizeof b, 0)), 0x220d);
	/* an odd byte counts as the high half of a last word */
	static const uint8_t odd[] = { 0x12, 0x34, 0x56 };
	assert_int_equal(dec_sum(odd, sizeof odd, 0), 0x1234 + 0x5600);
	/* carries fold back in */
	static const uint8_t ff[] = { 0xff, 0xff, 0x00, 0x02 };
	assert_int_equal(dec_sum(ff, sizeof ff, 0), 0x0002);
}

/* A header that sums to zero with its checksum is correct; the IPv4
 * header above carries 0x14a3. */
static void test_decode_cksum_ip_header(void **state)
{
	(void)state;
	uint8_t pkt[64];
	unhex(icmp_echo, pkt);
	assert_int_equal(dec_fold(dec_sum(pkt + 14, 20, 0)), 0);
	pkt[14 + 10] = 0, pkt[14 + 11] = 0;
	assert_int_equal(dec_fold(dec_sum(pkt + 14, 20, 0)), 0x14a3);
}

/* tcpdump's "(incorrect -> 0xfb67)" for the SYN: what the field should
 * hold, from the field and the sum over the segment with it. */
static void test_decode_cksum_tcp_shouldbe(void **state)
{
	(void)state;
	uint8_t pkt[64];
	unhex(tcp_syn, pkt);
	uint16_t sum = dec_cksum_ip4(pkt + 14, pkt + 34, 20, 6);
	assert_int_not_equal(sum, 0);
	assert_int_equal(dec_shouldbe(0x1234, sum), 0xfb67);
	pkt[34 + 16] = 0xfb, pkt[34 + 17] = 0x67;
	assert_int_equal(dec_cksum_ip4(pkt + 14, pkt + 34, 20, 6), 0);
}

static void test_decode_icmp_echo(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	expect(&o, icmp_echo, 0, 0,
	       "01:46:40.500000 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7238, seq 1, length 16\n");
	o.vflag = 1;
	expect(&o, icmp_echo, 0, 0,
	       "01:46:40.500000 IP (tos 0x0, ttl 64, id 4660, offset 0, flags [DF], proto ICMP (1), length 36)\n"
	       "    10.0.0.1 > 10.0.0.2: ICMP echo request, id 7238, seq 1, length 16\n");
}

/* PPPoE (pppoe.c): a session carrying the ICMP echo above, and a PADI
 * with two tags (the lines are tcpdump 4.99's for the same bytes). */
static void test_decode_pppoe(void **state)
{
	(void)state;
	static const char session[] = "0200000000020200000000018864110000270026002145000024123440004001"
				      "14a30a0000010a00000208004a231c4600016162636465666768";
	static const char padi[] = "ffffffffffff020000000001886311090000000c010100000103000416372c16";
	struct dec_opts o = { .nflag = 2 };
	expect(&o, session, 0, 0,
	       "01:46:40.500000 PPPoE  [ses 0x27] IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7238, seq 1, length 16\n");
	expect(&o, padi, 0, 0, "01:46:40.500000 PPPoE PADI [Service-Name] [Host-Uniq 0x16372C16]\n");
	o.eflag = 1;
	expect(&o, session, 0, 0,
	       "01:46:40.500000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype PPPoE S (0x8864), length 58: "
	       "PPPoE  [ses 0x27] IP (0x0021), length 38: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7238, seq 1, length 16\n");
}

static void test_decode_tcp_syn_cksum(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	expect(&o, tcp_syn, 0, 1,
	       "01:46:41.500000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0\n");
	o.vflag = 1;
	expect(&o, tcp_syn, 0, 1,
	       "01:46:41.500000 IP (tos 0x0, ttl 64, id 4660, offset 0, flags [DF], proto TCP (6), length 40)\n"
	       "    10.0.0.1.40000 > 10.0.0.2.80: Flags [S], cksum 0x1234 (incorrect -> 0xfb67), seq 1000, win 65535, length 0\n");
	o.no_cksum = 1;
	expect(&o, tcp_syn, 0, 1,
	       "01:46:41.500000 IP (tos 0x0, ttl 64, id 4660, offset 0, flags [DF], proto TCP (6), length 40)\n"
	       "    10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0\n");
}

/* Captured up to the ports: the marker, and -x dumps from the IP header
 * (tcpdump's TCP printer returns rather than jumping out). */
static void test_decode_trunc_tcp(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	expect(&o, tcp_syn, 38, 2, "01:46:42.500000 IP 10.0.0.1.40000 > 10.0.0.2.80:  [|tcp]\n");
	o.xflag = 1;
	expect(&o, tcp_syn, 38, 2,
	       "01:46:42.500000 IP 10.0.0.1.40000 > 10.0.0.2.80:  [|tcp]\n"
	       "\t0x0000:  4500 0028 1234 4000 4006 149a 0a00 0001\n"
	       "\t0x0010:  0a00 0002 9c40 0050\n");
}

/* Less than an Ethernet header: the marker and nothing else, even with -A. */
static void test_decode_trunc_ether(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2, .Aflag = 1 };
	expect(&o, tcp_syn, 10, 0, "01:46:40.500000  [|ether]\n");
}

static void test_decode_arp_request(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	expect(&o, arp_req, 0, 3, "01:46:43.500000 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28\n");
	o.vflag = 1;
	expect(&o, arp_req, 0, 3,
	       "01:46:43.500000 ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 10.0.0.2 tell 10.0.0.1, length 28\n");
}

/* Ethernet + IPv4 with a timestamp option (TSONLY, pointer at the first
 * slot, stamps 1000 and 2000) + UDP 5000 -> 9, no data. */
static const char ip_ts[] =
	"020000000002020000000001080048000028123440004011bcca0a0000010a000002"
	"440c0500000003e8000007d01388000900080000";
/* Ethernet + IPv4 + TCP 40000 -> 6379 carrying "GET a\nSET b\r\nXY": two
 * inline lines, then one with no line end yet. */
static const char resp_inline[] =
	"020000000002020000000001080045000037123440004006148b0a0000010a000002"
	"9c4018eb000003e8000000005018ffff0000000047455420610a53455420620d0a5859";

static void test_decode_ip_timestamp_option(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2, .vflag = 1 };
	expect(&o, ip_ts, 0, 4,
	       "01:46:44.500000 IP (tos 0x0, ttl 64, id 4660, offset 0, flags [DF], proto UDP (17), length 40, "
	       "options (timestamp TS{TSONLY ^ 1000@ 2000@}))\n"
	       "    10.0.0.1.5000 > 10.0.0.2.9: UDP, length 0\n");
}

/* Inline commands split at line ends, each line one string; the line with
 * no end is not printed (tcpdump's print-resp.c runs out of data there). */
static void test_decode_resp_inline_lines(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	expect(&o, resp_inline, 0, 5,
	       "01:46:45.500000 IP 10.0.0.1.40000 > 10.0.0.2.6379: Flags [P.], seq 1000:1015, ack 0, win 65535, "
	       "length 15: RESP \"GET a\" \"SET b\" [|resp]\n");
}

/* dec_report: the printers that ran and, when the line stopped where
 * tcpdump's goes on, what was handed off (compare.py's classification). */
static void test_decode_report_handoff(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	uint8_t pkt[256];
	/* UDP 200 -> 200 carrying a LAP header of type DDP: tcpdump goes on
	 * into AppleTalk (KIP), which bpfx leaves undecoded */
	size_t len = unhex("02000000000202000000000108004500001f12344000401114980a0000010a000002"
			   "00c800c8000b0000000002", pkt);
	struct pcap_pkthdr h = { .caplen = (bpf_u_int32)len, .len = (bpf_u_int32)len };
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	assert_non_null(f);
	struct dec_ctx *d = dec_new(&o, DLT_EN10MB);
	assert_non_null(d);
	dec_packet(d, f, &h, pkt);
	dec_report(d, f);
	len = unhex(tcp_syn, pkt);
	h.caplen = h.len = (bpf_u_int32)len;
	dec_packet(d, f, &h, pkt);
	dec_report(d, f);
	dec_free(d);
	fclose(f);
	assert_non_null(strstr(buf, ": \nether ip udp atalk > udp-app\n"));
	assert_non_null(strstr(buf, "length 0\nether ip tcp\n"));
	free(buf);
}

/* Every protocol table of src/proto has one row per value (a second row
 * would never be found), and one value per libpcap keyword. */
static void test_proto_tables_unique(void **state)
{
	(void)state;
	const struct proto_table *t[] = { &proto_ethertypes, &proto_saps, &proto_ipprotos, &proto_icmp_types,
					  &proto_icmp6_types, &proto_ipopts, &proto_tcpopts, &proto_ports,
					  &proto_arp_ops, &proto_ppp, &proto_dns_types, &proto_dns_classes, &proto_edns_opts,
					  &proto_dnssec_algs, &proto_ds_digests, &proto_nsec3_hashes };
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		for (size_t i = 0; i < t[k]->n; i++) {
			assert_ptr_equal(proto_row(t[k], t[k]->rows[i].v), &t[k]->rows[i]);
			const char *kw = t[k]->rows[i].name[PROTO_PCAP];
			unsigned v;
			if (kw) {
				assert_int_equal(proto_value(t[k], kw, PROTO_PCAP, &v), 0);
				assert_int_equal(v, t[k]->rows[i].v);
			}
		}
}

/* libpcap's `ether proto \NAME` keywords (pcap-filter(7), libpcap's
 * nametoaddr.c), ethertypes and SAPs alike; tcpdump's names for the same
 * values as `tcpdump -e` prints them. */
static void test_proto_ethertype_names(void **state)
{
	(void)state;
	int v;
	assert_int_equal(names_ethertype("ip6", &v), 0);
	assert_int_equal(v, 0x86dd);
	assert_int_equal(names_ethertype("rarp", &v), 0);
	assert_int_equal(v, 0x8035);
	assert_int_equal(names_ethertype("netbeui", &v), 0);
	assert_int_equal(v, 0xf0);
	assert_int_equal(names_ethertype("IPv6", &v), -1);
	assert_string_equal(proto_name(&proto_ethertypes, PROTO_ETH_IPV6, PROTO_TCPDUMP), "IPv6");
	assert_string_equal(proto_name(&proto_ethertypes, PROTO_ETH_RARP, PROTO_TCPDUMP), "Reverse ARP");
	assert_string_equal(proto_name(&proto_ipprotos, PROTO_IP_TCP, PROTO_TCPDUMP), "TCP");
	assert_null(proto_name(&proto_ipprotos, 253, PROTO_TCPDUMP));
}

/* A link type without a printer: tcpdump 4.99's "UNSUPPORTED" and the
 * packet in hex and ASCII, then -X dumps it all again (no byte counts as
 * link header) -- what tcpdump -X prints for link type 147 (USER0). */
static void test_decode_other_linktype(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2, .tflag = DEC_T_NONE, .Xflag = 1 };
	char *got = decode(&o, 147, "ffffffffffff00112233445508006162636465666768696a206b6c6d6e6f70", 0, 0);
	const char *x = "\t0x0000:  ffff ffff ffff 0011 2233 4455 0800 6162  ........\"3DU..ab\n"
			"\t0x0010:  6364 6566 6768 696a 206b 6c6d 6e6f 70    cdefghij.klmnop";
	char want[512];
	snprintf(want, sizeof want, "UNSUPPORTED\n%s\n%s\n", x, x);
	assert_string_equal(got, want);
	free(got);
}

/* dec_printf (out.c) formats the common conversions itself and hands
 * the rest of a format to vsnprintf: either way its text is the C
 * library's, also across the line buffer's end and past its size. */
#define SAME_AS_SNPRINTF(...)                                              \
	do {                                                               \
		size_t at_ = (size_t)ftell(f) + d->olen;                   \
		snprintf(want, 4 * DEC_OBUF, __VA_ARGS__);                 \
		dec_printf(d, __VA_ARGS__);                                \
		dec_flush(d);                                              \
		fflush(f);                                                 \
		assert_string_equal(buf + at_, want);                      \
	} while (0)
static void test_decode_printf_as_libc(void **state)
{
	(void)state;
	struct dec_opts o = { .nflag = 2 };
	char *buf = NULL, *big = malloc(3 * DEC_OBUF), *want = malloc(4 * DEC_OBUF);
	size_t sz = 0;
	struct dec_ctx *d = dec_new(&o, DLT_EN10MB);
	assert_non_null(d);
	assert_non_null(big);
	assert_non_null(want);
	FILE *f = d->out = open_memstream(&buf, &sz);
	assert_non_null(f);
	SAME_AS_SNPRINTF("plain text, no conversion");
	SAME_AS_SNPRINTF("%u|%u|%d|%d|%i", 0u, 4294967295u, INT_MIN, INT_MAX, -7);
	SAME_AS_SNPRINTF("[%5d][%-5d][%05d][%05u][%2u]", -42, 42, -42, 42u, 12345u);
	SAME_AS_SNPRINTF("%02x %04X %x %08x %-6x|", 5u, 0xabu, 0u, 0xdeadbeefu, 0x1fu);
	SAME_AS_SNPRINTF("%lu %ld %lld %llu %llx %zu %016llx", ULONG_MAX, LONG_MIN, LLONG_MIN, ULLONG_MAX,
			 0x123456789abcdefULL, (size_t)SIZE_MAX, 0xfULL);
	SAME_AS_SNPRINTF("%c%3c%-3c|%s|%8s|%-8s|%%|a%%b", 'a', 'b', 'c', "", "abc", "de");
	/* conversions left to the library, after some done here */
	SAME_AS_SNPRINTF("%u %s %.3f %d", 1u, "x", 2.5, -3);
	SAME_AS_SNPRINTF("%#x %+d % d %.*s %*d %hhu %5.2s", 255u, 5, 6, 3, "abcdef", 4, 7, (unsigned char)200, "xyz");
	/* a line fuller than the buffer: written out in pieces */
	memset(big, 'q', 3 * DEC_OBUF - 1);
	big[3 * DEC_OBUF - 1] = 0;
	for (size_t fill = DEC_OBUF - 3; fill < DEC_OBUF; fill++) {
		memset(big, 'a' + (int)(fill % 26), fill);
		dec_write(d, big, fill);
		SAME_AS_SNPRINTF("%.3f%u", 1.25, 77u);
		dec_write(d, big, fill);
		SAME_AS_SNPRINTF("%s|", "tail");
	}
	SAME_AS_SNPRINTF("%.1f%s", 0.5, big); /* more than the buffer holds */
	SAME_AS_SNPRINTF("%s%s|", big + DEC_OBUF, "x"); /* without a conversion left to the library */
	/* paddings wider than the buffer */
	SAME_AS_SNPRINTF("%08200d|%-8200s|", -5, "ab");
	SAME_AS_SNPRINTF("%8200u|%-8200d|%8200c", 7u, -3, 'z');
	dec_free(d);
	fclose(f);
	assert_int_equal(sz, strlen(buf));
	free(buf);
	free(big);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_cksum_rfc1071),
		cmocka_unit_test(test_decode_cksum_ip_header),
		cmocka_unit_test(test_decode_cksum_tcp_shouldbe),
		cmocka_unit_test(test_decode_icmp_echo),
		cmocka_unit_test(test_decode_pppoe),
		cmocka_unit_test(test_decode_tcp_syn_cksum),
		cmocka_unit_test(test_decode_trunc_tcp),
		cmocka_unit_test(test_decode_trunc_ether),
		cmocka_unit_test(test_decode_arp_request),
		cmocka_unit_test(test_decode_ip_timestamp_option),
		cmocka_unit_test(test_decode_resp_inline_lines),
		cmocka_unit_test(test_decode_report_handoff),
		cmocka_unit_test(test_decode_other_linktype),
		cmocka_unit_test(test_proto_tables_unique),
		cmocka_unit_test(test_proto_ethertype_names),
		cmocka_unit_test(test_decode_printf_as_libc),
	};
	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
