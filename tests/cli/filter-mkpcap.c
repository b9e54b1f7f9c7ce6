/* filter-mkpcap: write a small, varied, deterministic Ethernet capture for
 * the filter and check tests, so they need no capture files on disk and
 * can cut and corrupt their own copies.
 *
 *   filter-mkpcap [-g] [-n COUNT] [-s SNAP] [-y DLT] OUT
 *
 * Packets cycle through IPv4/TCP port 80, IPv4/UDP port 53, IPv4/ICMP echo,
 * ARP and IPv6/UDP.  -g writes pcapng (one SHB, one IDB, EPBs), built by
 * hand because libpcap only writes pcap.  -y labels the same bytes with
 * another link type number (e.g. 147, USER0, which no decoder knows); -s
 * cuts each packet to SNAP captured bytes, as a short snaplen would. */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return 2;
}

/* One packet; returns its length. */
static size_t make_packet(uint8_t *p, unsigned i)
{
	static const uint8_t dst[6] = { 0x00, 0x16, 0x3e, 0x08, 0x71, 0xcf };
	static const uint8_t src[6] = { 0x36, 0xdc, 0x85, 0x1e, 0xb3, 0x40 };
	memset(p, 0, 200);
	memcpy(p, dst, 6);
	memcpy(p + 6, src, 6);
	unsigned kind = i % 5, pay = i % 23;
	if (kind == 3) { /* ARP request */
		put16(p + 12, 0x0806);
		put16(p + 14, 1), put16(p + 16, 0x0800), p[18] = 6, p[19] = 4, put16(p + 20, 1);
		memcpy(p + 22, src, 6);
		p[28] = 10, p[29] = 0, p[30] = 0, p[31] = (uint8_t)i;
		p[38] = 10, p[39] = 0, p[40] = 0, p[41] = 1;
		return 60;
	}
	if (kind == 4) { /* IPv6 UDP to port 5353 */
		put16(p + 12, 0x86dd);
		uint8_t *ip6 = p + 14;
		ip6[0] = 0x60;
		put16(ip6 + 4, 8 + pay);
		ip6[6] = 17, ip6[7] = 64;
		ip6[8] = 0xfe, ip6[9] = 0x80, ip6[23] = (uint8_t)i;
		ip6[24] = 0xff, ip6[25] = 0x02, ip6[39] = 0xfb;
		put16(ip6 + 40, 40000 + i), put16(ip6 + 42, 5353), put16(ip6 + 44, 8 + pay);
		return 14 + 40 + 8 + pay;
	}
	put16(p + 12, 0x0800);
	uint8_t *ip = p + 14, *l4 = ip + 20;
	static const uint8_t proto[3] = { 6, 17, 1 };
	static const unsigned l4len[3] = { 20, 8, 8 };
	ip[0] = 0x45;
	put16(ip + 2, 20 + l4len[kind] + pay);
	put16(ip + 4, i);
	ip[8] = 64, ip[9] = proto[kind];
	ip[12] = 10, ip[13] = 0, ip[14] = 0, ip[15] = (uint8_t)(1 + i % 7);
	ip[16] = 10, ip[17] = 0, ip[18] = 1, ip[19] = (uint8_t)(1 + i % 3);
	if (kind == 0) { /* TCP SYN (or ACK) to port 80 */
		put16(l4, 30000 + i), put16(l4 + 2, 80);
		l4[12] = 0x50, l4[13] = i % 2 ? 0x10 : 0x02;
		put16(l4 + 14, 65535);
	} else if (kind == 1) { /* UDP to port 53 */
		put16(l4, 30000 + i), put16(l4 + 2, 53), put16(l4 + 4, 8 + pay);
	} else { /* ICMP echo request */
		l4[0] = 8;
		put16(l4 + 4, 1), put16(l4 + 6, i);
	}
	for (unsigned k = 0; k < pay; k++)
		l4[l4len[kind] + k] = (uint8_t)('a' + k);
	size_t n = 14 + 20 + l4len[kind] + pay;
	return n < 60 ? 60 : n;
}

static void put_le32(FILE *f, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
	fwrite(b, 1, 4, f);
}

static void block(FILE *f, uint32_t type, const uint8_t *body, uint32_t len)
{
	uint32_t total = 12 + ((len + 3) & ~3u);
	static const uint8_t zero[4];
	put_le32(f, type);
	put_le32(f, total);
	fwrite(body, 1, len, f);
	fwrite(zero, 1, (4 - len % 4) % 4, f);
	put_le32(f, total);
}

static void le32(uint8_t *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (uint8_t)(v >> (8 * k));
}

static int write_pcapng(const char *out, unsigned n)
{
	FILE *f = strcmp(out, "-") ? fopen(out, "wb") : stdout;
	if (!f)
		return perror(out), 1;
	uint8_t shb[16] = { 0 }, idb[8] = { 0 }, epb[20 + 256];
	le32(shb, 0x1a2b3c4d), shb[4] = 1; /* version 1.0, section length -1 */
	memset(shb + 8, 0xff, 8);
	block(f, 0x0a0d0d0a, shb, sizeof shb);
	idb[0] = 1; /* LINKTYPE_ETHERNET, snaplen 262144 */
	le32(idb + 4, 262144);
	block(f, 1, idb, sizeof idb);
	for (unsigned i = 0; i < n; i++) {
		uint64_t ts = (1700000000ull + i) * 1000000 + i * 1000;
		size_t len = make_packet(epb + 20, i);
		le32(epb, 0), le32(epb + 4, (uint32_t)(ts >> 32)), le32(epb + 8, (uint32_t)ts);
		le32(epb + 12, (uint32_t)len), le32(epb + 16, (uint32_t)len);
		block(f, 6, epb, (uint32_t)(20 + len));
	}
	return fclose(f) ? (perror(out), 1) : 0;
}

int main(int argc, char **argv)
{
	unsigned n = 20, snap = 0;
	int ng = 0, dlt = DLT_EN10MB, c;
	while ((c = getopt(argc, argv, "gn:s:y:")) != -1) {
		if (c == 'g')
			ng = 1;
		else if (c == 's') /* cut each packet to SNAP bytes (pcap only) */
			snap = (unsigned)strtoul(optarg, NULL, 10);
		else if (c == 'y')
			dlt = atoi(optarg);
		else if (c == 'n')
			n = (unsigned)strtoul(optarg, NULL, 10);
		else
			return 2;
	}
	if (optind + 1 != argc) {
		fputs("usage: filter-mkpcap [-g] [-n COUNT] [-s SNAP] [-y DLT] OUT\n", stderr);
		return 2;
	}
	if (ng)
		return write_pcapng(argv[optind], n);
	pcap_t *dead = pcap_open_dead(dlt, 262144);
	pcap_dumper_t *d = dead ? pcap_dump_open(dead, argv[optind]) : NULL;
	if (!d) {
		fprintf(stderr, "filter-mkpcap: %s: %s\n", argv[optind], dead ? pcap_geterr(dead) : "pcap_open_dead");
		return 1;
	}
	uint8_t pkt[256];
	for (unsigned i = 0; i < n; i++) {
		struct pcap_pkthdr h = { .ts = { .tv_sec = 1700000000 + i, .tv_usec = i * 1000 } };
		h.caplen = h.len = (bpf_u_int32)make_packet(pkt, i);
		if (snap && h.caplen > snap)
			h.caplen = snap;
		pcap_dump((u_char *)d, &h, pkt);
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return 0;
}
