/*
 * test_synth: the packet synthesizer is deterministic, writes files libpcap
 * reads back, builds bytes tcpdump accepts with correct checksums, covers
 * the edges it promises, and re-wraps and mutates as documented.  tcpdump
 * is the independent reader here; cases that need it skip without it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "synth.h"
#include "wrap_wlan.h"
#include <sys/types.h> /* u_int for pcap/bpf.h */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const int all_dlts[] = { DLT_EN10MB, DLT_RAW,  DLT_IPV4,	     DLT_IPV6,
				DLT_NULL,   DLT_LOOP, DLT_LINUX_SLL, DLT_LINUX_SLL2 };

static int same_set(const struct synth_set *a, const struct synth_set *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct synth_pkt *p = &a->pkts[i], *q = &b->pkts[i];
		if (p->caplen != q->caplen || p->len != q->len || memcmp(p->data, q->data, p->caplen))
			return 0;
	}
	return 1;
}

static void test_synth_deterministic(void **state)
{
	for (size_t k = 0; k < N_OF(all_dlts); k++) {
		struct synth_set a, b, c, d;
		assert_int_equal(synth_generate(&a, all_dlts[k], 42, 1000), 0);
		assert_int_equal(synth_generate(&b, all_dlts[k], 42, 1000), 0);
		assert_int_equal(synth_generate(&c, all_dlts[k], 42, 100), 0);
		assert_int_equal(synth_generate(&d, all_dlts[k], 43, 100), 0);
		assert_int_equal(a.n, 1000);
		assert_true(same_set(&a, &b, 1000));
		assert_true(same_set(&a, &c, 100)); /* shorter sets are prefixes */
		assert_false(same_set(&a, &d, 100));
		synth_set_free(&a), synth_set_free(&b), synth_set_free(&c), synth_set_free(&d);
	}
}

static void test_synth_every_linktype(void **state)
{
	for (size_t k = 0; k < N_OF(all_dlts); k++) {
		struct synth_set s;
		size_t ip = 0, cut = 0;
		assert_int_equal(synth_generate(&s, all_dlts[k], 7, 2000), 0);
		assert_int_equal(s.n, 2000);
		assert_int_equal(s.dlt, all_dlts[k]);
		for (size_t i = 0; i < s.n; i++) {
			struct synth_layout l;
			assert_int_equal(s.pkts[i].dlt, all_dlts[k]);
			assert_true(s.pkts[i].caplen <= s.pkts[i].len);
			cut += s.pkts[i].caplen < s.pkts[i].len;
			synth_layout(s.pkts[i].data, s.pkts[i].caplen, s.dlt, &l);
			ip += l.ipv != 0;
		}
		/* IP dominates everywhere; 5% +- noise are truncated */
		assert_true(ip > s.n * 7 / 10);
		assert_true(cut > s.n / 50 && cut < s.n / 10);
		synth_set_free(&s);
	}
	struct synth_set s;
	assert_int_equal(synth_generate(&s, DLT_IEEE802_11, 1, 10), -1);
	assert_int_equal(s.n, 0);
}

static char *tmp_path(const char *tag)
{
	static char buf[4][256];
	static int i;
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *p = buf[i++ % 4];
	snprintf(p, sizeof buf[0], "%s/test_synth-%ld-%s.pcap", dir, (long)getpid(), tag);
	return p;
}

static void test_synth_pcap_roundtrip(void **state)
{
	for (size_t k = 0; k < N_OF(all_dlts); k++) {
		struct synth_set s;
		char err[PCAP_ERRBUF_SIZE];
		const char *path = tmp_path("rt");
		assert_int_equal(synth_generate(&s, all_dlts[k], 99, 500), 0);
		assert_int_equal(synth_write_pcap(path, &s), 0);
		pcap_t *p = pcap_open_offline(path, err);
		assert_non_null(p);
		assert_int_equal(pcap_datalink(p), all_dlts[k]);
		struct pcap_pkthdr *h;
		const u_char *data;
		size_t i = 0;
		while (pcap_next_ex(p, &h, &data) == 1) {
			assert_true(i < s.n);
			assert_int_equal(h->caplen, s.pkts[i].caplen);
			assert_int_equal(h->len, s.pkts[i].len);
			assert_memory_equal(data, s.pkts[i].data, h->caplen);
			i++;
		}
		assert_int_equal(i, s.n);
		pcap_close(p);
		unlink(path);
		synth_set_free(&s);
	}
}

static int count_bits_set(const uint8_t *seen, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		c += seen[i] != 0;
	return c;
}

static void test_synth_coverage_en10mb(void **state)
{
	struct synth_set s;
	uint8_t flags[256] = { 0 }, doff[16] = { 0 }, proto[256] = { 0 };
	uint8_t ihl[16] = { 0 };
	int vlan[4] = { 0 }, qinq = 0, mpls = 0, llc = 0, arp = 0, rarp = 0, mf0 = 0, nonfirst = 0;
	int ext6 = 0, bcast = 0, mcast = 0, host = 0, port0 = 0, port80 = 0, ip6mc = 0, len576 = 0;
	assert_int_equal(synth_generate(&s, DLT_EN10MB, 2024, 20000), 0);
	for (size_t i = 0; i < s.n; i++) {
		const uint8_t *d = s.pkts[i].data;
		uint32_t cap = s.pkts[i].caplen;
		struct synth_layout l;
		synth_layout(d, cap, DLT_EN10MB, &l);
		if (cap < 14)
			continue;
		vlan[l.nvlan > 3 ? 3 : l.nvlan]++;
		qinq += d[12] == 0x88 && d[13] == 0xa8;
		mpls += l.nmpls > 0;
		llc += l.llc;
		arp += l.ethertype == 0x0806;
		rarp += l.ethertype == 0x8035;
		bcast += !memcmp(d, "\xff\xff\xff\xff\xff\xff", 6);
		mcast += !memcmp(d, "\x01\x00\x5e", 3) || !memcmp(d, "\x33\x33", 2);
		len576 += s.pkts[i].len >= 575 + 14 && s.pkts[i].len <= 577 + 14;
		if (l.ipv == 4 && l.l3_off + 20 <= (int)cap) {
			const uint8_t *ip = d + l.l3_off;
			ihl[ip[0] & 15] = 1;
			mf0 += (ip[6] & 0x20) && !l.nonfirst;
			host += !memcmp(ip + 16, "\x0a\x00\x00\x01", 4);
		}
		if (l.ipv == 6 && l.l3_off + 40 <= (int)cap) {
			ip6mc += !memcmp(d + l.l3_off + 24, "\xff\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
			ext6 += l.next_hdrs > 0;
		}
		nonfirst += l.nonfirst;
		if (l.proto_off >= 0)
			proto[l.proto] = 1;
		if (l.l4_off >= 0 && (l.proto == 6 || l.proto == 17) && l.l4_off + 4 <= (int)cap) {
			port0 += d[l.l4_off + 2] == 0 && d[l.l4_off + 3] == 0;
			port80 += d[l.l4_off + 2] == 0 && d[l.l4_off + 3] == 80;
		}
		if (l.l4_off >= 0 && l.proto == 6 && l.l4_off + 14 <= (int)cap) {
			flags[d[l.l4_off + 13]] = 1;
			doff[d[l.l4_off + 12] >> 4] = 1;
		}
	}
	assert_int_equal(count_bits_set(flags, 256), 256);
	for (int o = 5; o <= 15; o++)
		assert_true(doff[o]);
	for (int h = 5; h <= 15; h++)
		assert_true(ihl[h]);
	static const uint8_t protos[] = { 1, 2, 6, 17, 47, 50, 58, 112, 132 };
	for (size_t k = 0; k < sizeof protos; k++)
		assert_true(proto[protos[k]]);
	assert_true(vlan[0] && vlan[1] && vlan[2] && vlan[3]);
	assert_true(qinq > 0 && mpls > 100 && llc > 100 && arp > 100 && rarp > 20);
	assert_true(mf0 > 50 && nonfirst > 100 && ext6 > 500);
	assert_true(bcast > 100 && mcast > 100 && host > 50 && ip6mc > 10 && len576 > 20);
	assert_true(port0 > 10 && port80 > 50);
	synth_set_free(&s);
}

/* Every IPv6 extension header type shows up, in more than one position. */
static void test_synth_coverage_ipv6_ext(void **state)
{
	struct synth_set s;
	int seen[4][5] = { { 0 } }, chains = 0; /* [0, 43, 44, 60][position] */
	assert_int_equal(synth_generate(&s, DLT_IPV6, 5, 5000), 0);
	for (size_t i = 0; i < s.n; i++) {
		const uint8_t *d = s.pkts[i].data;
		uint32_t cap = s.pkts[i].caplen;
		if (cap < 40)
			continue;
		uint8_t nh = d[6];
		uint32_t p = 40;
		int pos = 0;
		while ((nh == 0 || nh == 43 || nh == 44 || nh == 60) && p + 8 <= cap && pos < 5) {
			/* indexed by kind, not by nh: GCC 12 -O2 lost stores to seen[nh][pos] */
			seen[nh == 0 ? 0 : nh == 43 ? 1 : nh == 44 ? 2 : 3][pos++] = 1;
			uint32_t len = nh == 44 ? 8 : (d[p + 1] + 1u) * 8;
			nh = d[p];
			p += len;
		}
		chains += pos >= 3;
	}
	for (size_t k = 0; k < 4; k++)
		assert_true(seen[k][0] && seen[k][1]);
	assert_true(chains > 100);
	synth_set_free(&s);
}

/* Re-wrapping keeps the network-layer bytes and refuses what cannot be
 * carried. */
static void test_synth_rewrap(void **state)
{
	struct synth_set s;
	int refused_arp = 0, kept = 0;
	assert_int_equal(synth_generate(&s, DLT_EN10MB, 77, 3000), 0);
	for (size_t i = 0; i < s.n; i++) {
		struct synth_layout le, lo;
		synth_layout(s.pkts[i].data, s.pkts[i].caplen, DLT_EN10MB, &le);
		for (size_t k = 0; k < N_OF(all_dlts); k++) {
			struct synth_pkt out;
			int rc = synth_rewrap(&s.pkts[i], all_dlts[k], &out);
			if (le.ethertype == 0x0806 && (all_dlts[k] == DLT_RAW || all_dlts[k] == DLT_NULL)) {
				assert_int_equal(rc, -1);
				refused_arp++;
			}
			if (rc < 0)
				continue;
			assert_int_equal(out.dlt, all_dlts[k]);
			assert_true(out.caplen <= out.len);
			assert_int_equal(out.len - out.caplen, s.pkts[i].len - s.pkts[i].caplen);
			synth_layout(out.data, out.caplen, out.dlt, &lo);
			if (le.ipv && le.l3_off >= 0) {
				assert_int_equal(lo.ipv, le.ipv);
				assert_int_equal(out.caplen - (uint32_t)lo.l3_off,
						 s.pkts[i].caplen - (uint32_t)le.l3_off);
				assert_memory_equal(out.data + lo.l3_off, s.pkts[i].data + le.l3_off,
						    out.caplen - (uint32_t)lo.l3_off);
				kept++;
			}
			if (all_dlts[k] == DLT_EN10MB)
				assert_memory_equal(out.data, s.pkts[i].data, out.caplen);
			synth_pkt_free(&out);
		}
	}
	assert_true(refused_arp > 100);
	assert_true(kept > 10000);
	synth_set_free(&s);
}

/* wrap_wlan.c: on each 802.11 link type, libpcap's own programs find
 * the LLC header where the synthesizer put it (an `ip` frame only from an
 * IPv4 packet, and a third of them at least), and the frame types and DS
 * combinations the 802.11 primitives test all occur. */
static void test_synth_wlan(void **state)
{
	(void)state;
	static const int dlts[] = { DLT_IEEE802_11, DLT_IEEE802_11_RADIO, DLT_PPI, DLT_IEEE802_11_RADIO_AVS,
				    DLT_PRISM_HEADER };
	static const char *const kinds[] = { "type mgt", "type ctl", "type data", "subtype qos-data", "dir dstods",
					     "dir fromds" };
	struct synth_set s;
	assert_int_equal(synth_generate(&s, DLT_EN10MB, 5, 800), 0);
	for (size_t d = 0; d < sizeof dlts / sizeof dlts[0]; d++) {
		pcap_t *dead = pcap_open_dead(dlts[d], 262144);
		struct bpf_program ip, kind[6];
		assert_int_equal(pcap_compile(dead, &ip, "ip", 0, 0), 0);
		int v4 = 0, v4ip = 0, hits[6] = { 0 };
		for (size_t i = 0; i < s.n; i++) {
			struct synth_pkt o;
			struct synth_layout le;
			synth_layout(s.pkts[i].data, s.pkts[i].caplen, DLT_EN10MB, &le);
			if (synth_wrap_wlan(&s.pkts[i], dlts[d], &o))
				continue;
			u_int m = bpf_filter(ip.bf_insns, o.data, o.len, o.caplen);
			if (m)
				assert_int_equal(le.ipv == 4 && !le.nvlan && !le.nmpls, 1);
			if (le.ipv == 4 && !le.nvlan && !le.nmpls && s.pkts[i].caplen == s.pkts[i].len) {
				v4++;
				v4ip += m != 0;
			}
			synth_pkt_free(&o);
		}
		assert_true(v4 > 100);
		assert_true(v4ip * 3 > v4); /* some are management, control, 4-address or other-DLT PPI frames */
		pcap_freecode(&ip);
		struct synth_set w;
		assert_int_equal(synth_wlan_set(&w, dlts[d]), 0);
		for (size_t k = 0; k < 6 && dlts[d] != DLT_PPI; k++) { /* PPI: libpcap has no type/dir */
			assert_int_equal(pcap_compile(dead, &kind[k], kinds[k], 0, 0), 0);
			for (size_t i = 0; i < w.n; i++)
				hits[k] += bpf_filter(kind[k].bf_insns, w.pkts[i].data, w.pkts[i].len, w.pkts[i].caplen) != 0;
			assert_true(hits[k] > 0 && (size_t)hits[k] < w.n);
			pcap_freecode(&kind[k]);
		}
		synth_set_free(&w);
		pcap_close(dead);
	}
	synth_set_free(&s);
}

/* synth_pppoe: type 0x8864 after the tags, then RFC 2516's header and
 * the PPP protocol, the rest unchanged; and libpcap agrees it is PPPoE. */
static void test_synth_pppoe(void **state)
{
	struct synth_set s;
	int wrapped = 0, verdicts = 0;
	assert_int_equal(synth_generate(&s, DLT_EN10MB, 91, 600), 0);
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
	struct bpf_program ip, ip6;
	assert_int_equal(pcap_compile(dead, &ip, "pppoes 0x1234 and ip", 1, 0), 0);
	assert_int_equal(pcap_compile(dead, &ip6, "pppoes 0x1234 and ip6", 1, 0), 0);
	for (size_t i = 0; i < s.n; i++) {
		struct synth_pkt o;
		struct synth_layout le;
		synth_layout(s.pkts[i].data, s.pkts[i].caplen, DLT_EN10MB, &le);
		if (synth_pppoe(&s.pkts[i], 0x1234, &o))
			continue;
		uint32_t at = le.l3_off >= 0 && !le.nmpls && !le.llc ? (uint32_t)le.l3_off : 0;
		if (at && o.caplen >= at + 8) {
			const uint8_t *h = o.data + at;
			assert_int_equal(o.data[at - 2] << 8 | o.data[at - 1], 0x8864);
			assert_int_equal(h[0], 0x11);
			assert_int_equal(h[1], 0);
			assert_int_equal(h[2] << 8 | h[3], 0x1234);
			assert_int_equal(h[4] << 8 | h[5], s.pkts[i].len - at + 2);
			assert_memory_equal(o.data + at + 8, s.pkts[i].data + at, s.pkts[i].caplen - at);
			u_int v4 = bpf_filter(ip.bf_insns, o.data, o.len, o.caplen);
			u_int v6 = bpf_filter(ip6.bf_insns, o.data, o.len, o.caplen);
			if (le.ipv && !le.nvlan && s.pkts[i].caplen == s.pkts[i].len) {
				assert_true(le.ipv == 4 ? v4 && !v6 : v6 && !v4);
				verdicts++;
			}
			wrapped++;
		}
		assert_int_equal(o.len, s.pkts[i].len + 8);
		synth_pkt_free(&o);
	}
	assert_true(wrapped > 300);
	assert_true(verdicts > 100);
	pcap_freecode(&ip);
	pcap_freecode(&ip6);
	pcap_close(dead);
	synth_set_free(&s);
}

static void test_synth_mutate(void **state)
{
	struct synth_set a, b;
	uint64_t r1 = 5, r2 = 5;
	int changed = 0, cut = 0;
	assert_int_equal(synth_generate(&a, DLT_EN10MB, 3, 2000), 0);
	assert_int_equal(synth_generate(&b, DLT_EN10MB, 3, 2000), 0);
	for (size_t i = 0; i < a.n; i++) {
		uint32_t len = a.pkts[i].len, cap = a.pkts[i].caplen;
		uint8_t before[16];
		memcpy(before, a.pkts[i].data, cap < 16 ? cap : 16);
		synth_mutate(&a.pkts[i], &r1);
		synth_mutate(&b.pkts[i], &r2);
		assert_int_equal(a.pkts[i].len, len);
		assert_true(a.pkts[i].caplen <= cap);
		cut += a.pkts[i].caplen < cap;
		changed += a.pkts[i].caplen >= 14 && cap >= 14 && memcmp(before + 12, a.pkts[i].data + 12, 2);
	}
	assert_true(same_set(&a, &b, a.n)); /* same RNG state, same mutations */
	assert_true(cut > 100 && changed > 50);
	synth_set_free(&a), synth_set_free(&b);
}

/* --- tcpdump as an independent reader --- */

static int have_tcpdump(void)
{
	return system("tcpdump --version >/dev/null 2>&1") == 0;
}

/* Run tcpdump over path; returns its exit status, counts stdout lines
 * holding any of pats in *hits and stderr lines other than the banner in
 * *errs (printing the first few of both). */
static int run_tcpdump(const char *flags, const char *path, const char *const *pats, int quiet,
		       int *hits, int *errs)
{
	char cmd[512], line[8192];
	const char *errpath = tmp_path("err");
	snprintf(cmd, sizeof cmd, "tcpdump %s -r %s 2>%s", flags, path, errpath);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	*hits = *errs = 0;
	while (fgets(line, sizeof line, f))
		for (const char *const *p = pats; p && *p; p++)
			if (strstr(line, *p)) {
				if ((*hits)++ < 5 && !quiet)
					fprintf(stderr, "# tcpdump: %s", line);
				break;
			}
	int rc = pclose(f);
	FILE *e = fopen(errpath, "r");
	while (e && fgets(line, sizeof line, e))
		if (strncmp(line, "reading from file", 17) &&
		    !strstr(line, "interface names might be incorrect")) /* SLL2 ifindex */
			if ((*errs)++ < 5)
				fprintf(stderr, "# tcpdump stderr: %s", line);
	if (e)
		fclose(e);
	unlink(errpath);
	return rc;
}

/* tcpdump exits 0 whatever the bytes, so what it prints is checked: it
 * reads every packet of the file (--count), and it marks a packet as cut
 * short ("[|proto]") on most packets of a set cut inside a header and on
 * few of an uncut one (measured: at most 3.5% uncut, random payloads
 * under protocols tcpdump knows; at least 76% cut). */
static void test_synth_tcpdump_parses(void **state)
{
	static const char *const count[] = { " packets", NULL }, *const cut[] = { "[|", NULL };
	if (!have_tcpdump()) {
		print_message("tcpdump not found: skipping\n");
		skip();
	}
	for (size_t k = 0; k < N_OF(all_dlts); k++) {
		for (unsigned trunc = 0; trunc <= 100; trunc += 100) {
			struct synth_opts o;
			struct synth_set s;
			const char *path = tmp_path("parse");
			char line[64];
			int hits, errs;
			synth_opts_default(&o);
			o.trunc_pct = trunc;
			o.fault_pct = 0;
			assert_int_equal(synth_generate_opts(&s, all_dlts[k], 1234, 3000, &o), 0);
			assert_int_equal(synth_write_pcap(path, &s), 0);
			snprintf(line, sizeof line, "%zu packets", s.n);
			const char *const want[] = { line, NULL };
			assert_int_equal(run_tcpdump("--count", path, want, 1, &hits, &errs), 0);
			assert_int_equal(hits, 1);
			assert_int_equal(run_tcpdump("--count", path, count, 1, &hits, &errs), 0);
			assert_int_equal(hits, 1); /* one count line, and it was ours */
			assert_int_equal(run_tcpdump("-nn", path, cut, 1, &hits, &errs), 0);
			assert_int_equal(errs, 0);
			if (trunc)
				assert_true(hits * 100 >= (int)s.n * 60);
			else
				assert_true(hits * 100 <= (int)s.n * 5);
			unlink(path);
			synth_set_free(&s);
		}
	}
}

/* What tcpdump -v says about a checksum that does not verify. */
static const char *const bad_cksum[] = { "bad cksum",	    "(incorrect",     "wrong icmp cksum",
					 "bad udp cksum",   "bad icmp6 cksum", "bad igmp cksum",
					 "bad vrrp cksum", NULL };

/* Keep the packets whose checksums tcpdump verifies and that we build
 * (not random payloads that happen to be labelled DCCP or PIM). */
static void keep_own_protocols(struct synth_set *s)
{
	size_t j = 0;
	for (size_t i = 0; i < s->n; i++) {
		struct synth_layout l;
		synth_layout(s->pkts[i].data, s->pkts[i].caplen, s->dlt, &l);
		int ours = l.ipv && !l.nonfirst && l.proto_off >= 0 &&
			   (l.proto == 1 || l.proto == 2 || l.proto == 6 || l.proto == 17 ||
			    l.proto == 47 || l.proto == 58 || l.proto == 112 || l.proto == 132);
		if (ours)
			s->pkts[j++] = s->pkts[i];
		else
			synth_pkt_free(&s->pkts[i]);
	}
	s->n = j;
}

static void test_synth_checksums(void **state)
{
	if (!have_tcpdump()) {
		print_message("tcpdump not found: skipping\n");
		skip();
	}
	struct synth_opts o = { .trunc_pct = 0, .fault_pct = 0, .pad_pct = 30 };
	const int dlts[] = { DLT_EN10MB, DLT_LINUX_SLL2 };
	for (size_t k = 0; k < N_OF(dlts); k++) {
		struct synth_set s;
		const char *path = tmp_path("ck");
		int hits, errs;
		assert_int_equal(synth_generate_opts(&s, dlts[k], 31337, 10000, &o), 0);
		keep_own_protocols(&s);
		assert_true(s.n > 6000);
		assert_int_equal(synth_write_pcap(path, &s), 0);
		assert_int_equal(run_tcpdump("-nn -v", path, bad_cksum, 0, &hits, &errs), 0);
		assert_int_equal(hits, 0);
		unlink(path);
		synth_set_free(&s);
	}
	/* and with faults on, tcpdump notices them */
	struct synth_set s;
	const char *path = tmp_path("ckbad");
	int hits, errs;
	o.fault_pct = 100;
	assert_int_equal(synth_generate_opts(&s, DLT_EN10MB, 31337, 2000, &o), 0);
	keep_own_protocols(&s);
	assert_int_equal(synth_write_pcap(path, &s), 0);
	assert_int_equal(run_tcpdump("-nn -v", path, bad_cksum, 1, &hits, &errs), 0);
	assert_true(hits > 200);
	unlink(path);
	synth_set_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_synth_deterministic),
		cmocka_unit_test(test_synth_every_linktype),
		cmocka_unit_test(test_synth_pcap_roundtrip),
		cmocka_unit_test(test_synth_coverage_en10mb),
		cmocka_unit_test(test_synth_coverage_ipv6_ext),
		cmocka_unit_test(test_synth_rewrap),
		cmocka_unit_test(test_synth_pppoe),
		cmocka_unit_test(test_synth_wlan),
		cmocka_unit_test(test_synth_mutate),
		cmocka_unit_test(test_synth_tcpdump_parses),
		cmocka_unit_test(test_synth_checksums),
	};
	return cmocka_run_group_tests_name("synth", tests, NULL, NULL);
}
