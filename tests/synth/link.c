/*
 * link.c: link-layer framing.  link_ether frames a network packet in
 * Ethernet II (IEEE 802.3 length frames for LLC bodies) with 0-3 VLAN tags
 * (802.1Q 0x8100; QinQ outer 0x88a8 or the old 0x9100) and, for IP, an
 * MPLS label stack (RFC 3032).  synth_rewrap moves an Ethernet frame under
 * another link header (pcap-linktype(7)); the per-packet choices it must
 * make (which BSD AF_INET6 value, SLL packet type) come from a hash of the
 * packet, so re-wrapping is a pure function of its input.
 */
#include "synth_int.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

static const uint8_t macs[][6] = {
	{ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 }, { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb },
	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
	{ 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 }, { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 },
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 },
	{ 0x33, 0x33, 0xff, 0x00, 0x00, 0x01 }, { 0x00, 0x11, 0x22, 0x33, 0x44, 0x56 },
};

static void pick_mac(struct gen *g, uint8_t *m, int is_src, uint32_t dst4)
{
	if (!is_src && (dst4 >> 28) == 0xe && chance(g, 60)) { /* RFC 1112 mapping */
		memcpy(m, "\x01\x00\x5e", 3);
		m[3] = (dst4 >> 16) & 0x7f, m[4] = (dst4 >> 8) & 0xff, m[5] = dst4 & 0xff;
		return;
	}
	uint32_t r = rn(g, 100);
	if (r < 45) {
		memcpy(m, macs[is_src ? PICK(g, ((const uint32_t[]){ 0, 1, 7, 9 })) : rn(g, ARRAY_LEN(macs))], 6);
		return;
	}
	fill_random(g, m, 6);
	if (r < 95)
		m[0] &= 0xfe; /* unicast */
}

/* An MPLS stack of 1-3 labels; the bottom one carries S=1 and, often, the
 * explicit-null label of the payload's family. */
static uint16_t mpls_stack(struct gen *g, struct pb *b, uint16_t ethertype)
{
	size_t n = rrange(g, 1, 3);
	for (size_t i = 0; i < n; i++) {
		/* reserved labels 0-15, but not an explicit null (0 IPv4, 2 IPv6) or
		 * implicit null (3) that names the wrong family: readers trust them */
		uint32_t label = chance(g, 70) ? rrange(g, 16, 0xfffff) : chance(g, 50) ? 0xfffff : rn(g, 16);
		if (label == 0 || label == 2 || label == 3 || (i == 0 && chance(g, 30)))
			label = ethertype == 0x0800 ? 0 : 2;
		uint8_t *p = pb_prepend(b, 4);
		/* one draw per statement: C leaves the order of two calls in
		 * one expression open, and compilers differ (the ASan build) */
		uint32_t tc = rn(g, 8), ttl = chance(g, 50) ? 64 : rn(g, 256);
		put32(p, label << 12 | tc << 9 | (i == 0) << 8 | ttl);
	}
	return chance(g, 90) ? 0x8847 : 0x8848;
}

void link_ether(struct gen *g, struct pb *b, uint16_t ethertype, uint32_t dst4)
{
	static const uint16_t vids[] = { 0, 1, 100, 200, 4094, 4095 };
	int ip = ethertype == 0x0800 || ethertype == 0x86dd;
	if (ip && chance(g, 8))
		ethertype = mpls_stack(g, b, ethertype);
	if (ethertype == 0) { /* 802.3: the type field holds the length */
		size_t len = pb_len(b);
		if (take_fault(g, F_LINK_LEN))
			len = chance(g, 50) ? len + rrange(g, 1, 10) : PICK(g, ((const uint16_t[]){ 0, 1500, 1501, 1535 }));
		ethertype = (uint16_t)len;
	}
	uint32_t r = rn(g, 100);
	size_t ntags = r < 75 ? 0 : r < 90 ? 1 : r < 97 ? 2 : 3;
	for (size_t i = 0; i < ntags; i++) {
		uint8_t *p = pb_prepend(b, 4);
		uint16_t vid = chance(g, 60) ? PICK(g, vids) : (uint16_t)rn(g, 4096);
		uint32_t pcp = rn(g, 8), dei = chance(g, 5); /* in this order (as above) */
		put16(p, (uint16_t)(pcp << 13 | dei << 12 | vid));
		put16(p + 2, ethertype);
		int outer = i + 1 == ntags && ntags > 1;
		ethertype = outer && chance(g, 60) ? 0x88a8 : outer && chance(g, 30) ? 0x9100 : 0x8100;
	}
	if (pb_len(b) + 14 < 60 && chance(g, g->o->pad_pct)) /* the NIC's padding, past the IP length */
		pb_append(b, 60 - 14 - pb_len(b));
	uint8_t *e = pb_prepend(b, 14);
	pick_mac(g, e, 0, dst4);
	pick_mac(g, e + 6, 1, 0);
	put16(e + 12, ethertype);
}

static uint32_t hash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* Skip VLAN tags and an MPLS stack; return the offset of the network header
 * and its ethertype in *type, or -1 when the capture ends first. */
static int skip_tags(const uint8_t *d, uint32_t caplen, uint16_t *type)
{
	uint32_t off = 14;
	*type = get16(d + 12);
	while ((*type == 0x8100 || *type == 0x88a8 || *type == 0x9100) && off + 4 <= caplen) {
		*type = get16(d + off + 2);
		off += 4;
	}
	if (*type == 0x8100 || *type == 0x88a8 || *type == 0x9100)
		return -1;
	if (*type == 0x8847 || *type == 0x8848) {
		int bos = 0;
		while (!bos && off + 4 <= caplen) {
			bos = d[off + 2] & 1;
			off += 4;
		}
		if (!bos || off >= caplen)
			return -1;
		*type = (d[off] >> 4) == 4 ? 0x0800 : (d[off] >> 4) == 6 ? 0x86dd : 0;
	}
	return (int)off;
}

int synth_pppoe(const struct synth_pkt *eth, uint16_t session, struct synth_pkt *out)
{
	memset(out, 0, sizeof *out);
	const uint8_t *d = eth->data;
	uint32_t off = 14;
	if (eth->caplen < off)
		return -1;
	uint16_t type = get16(d + 12);
	while ((type == 0x8100 || type == 0x88a8 || type == 0x9100) && off + 4 <= eth->caplen) {
		type = get16(d + off + 2);
		off += 4;
	}
	if (type <= 1500 || type == 0x8100 || type == 0x88a8 || type == 0x9100)
		return -1;
	uint16_t ppp = type == 0x0800 ? 0x0021 : type == 0x86dd ? 0x0057 : type == 0x8847 ? 0x0281 : type;
	uint8_t hdr[8] = { 0x11, 0x00 };
	put16(hdr + 2, session);
	put16(hdr + 4, (uint16_t)(eth->len - off + 2)); /* PPP protocol + payload */
	put16(hdr + 6, ppp);
	out->caplen = eth->caplen + 8;
	out->len = eth->len + 8;
	out->dlt = DLT_EN10MB;
	out->data = malloc(out->caplen);
	if (!out->data)
		return -1;
	memcpy(out->data, d, off);
	put16(out->data + off - 2, 0x8864);
	memcpy(out->data + off, hdr, 8);
	memcpy(out->data + off + 8, d + off, eth->caplen - off);
	return 0;
}

int synth_rewrap(const struct synth_pkt *eth, int dlt, struct synth_pkt *out)
{
	uint8_t hdr[20] = { 0 };
	size_t hl = 0;
	int off = 14;
	uint16_t type;
	memset(out, 0, sizeof *out);
	if (dlt != DLT_EN10MB && eth->caplen < 14)
		return -1;
	const uint8_t *d = eth->data;
	uint32_t h = eth->caplen >= 14 ? hash(d, eth->caplen) : 0;
	switch (dlt) {
	case DLT_EN10MB: off = 0; break;
	case DLT_RAW: case DLT_IPV4: case DLT_IPV6: case DLT_NULL: case DLT_LOOP: {
		off = skip_tags(d, eth->caplen, &type);
		if (off < 0 || (type != 0x0800 && type != 0x86dd))
			return -1;
		if ((dlt == DLT_IPV4 && type != 0x0800) || (dlt == DLT_IPV6 && type != 0x86dd))
			return -1;
		if (dlt == DLT_NULL || dlt == DLT_LOOP) {
			static const uint32_t af6[] = { 24, 28, 30 }; /* NetBSD/OpenBSD, FreeBSD, macOS */
			uint32_t af = type == 0x0800 ? 2 : af6[h % 3];
			if (dlt == DLT_NULL)
				memcpy(hdr, &af, 4); /* the capturing host's byte order */
			else
				put32(hdr, af);
			hl = 4;
		}
		break;
	}
	case DLT_LINUX_SLL: case DLT_LINUX_SLL2: {
		/* sll(7) packet types: host, broadcast, multicast, other host, outgoing */
		uint8_t ptype = d[0] == 0xff && !memcmp(d, "\xff\xff\xff\xff\xff\xff", 6) ? 1
				: (d[0] & 1) ? 2 : (uint8_t)((const uint8_t[]){ 0, 0, 0, 4, 4, 3 })[h % 6];
		type = get16(d + 12);
		if (type <= 1500) /* 802.3: Linux says 802.2 LLC, or raw 802.3 for Novell */
			type = eth->caplen > 15 && d[14] == 0xff && d[15] == 0xff ? 0x0001 : 0x0004;
		if (dlt == DLT_LINUX_SLL) {
			put16(hdr, ptype);
			put16(hdr + 2, 1); /* ARPHRD_ETHER */
			put16(hdr + 4, 6);
			memcpy(hdr + 6, d + 6, 6);
			put16(hdr + 14, type);
			hl = 16;
		} else {
			put16(hdr, type);
			put32(hdr + 4, 1 + h % 4); /* ifindex */
			put16(hdr + 8, 1);
			hdr[10] = ptype, hdr[11] = 6;
			memcpy(hdr + 12, d + 6, 6);
			hl = 20;
		}
		break;
	}
	default: return -1;
	}
	out->caplen = eth->caplen - (uint32_t)off + (uint32_t)hl;
	out->len = eth->len - (uint32_t)off + (uint32_t)hl;
	out->dlt = dlt;
	out->data = malloc(out->caplen ? out->caplen : 1);
	if (!out->data)
		return -1;
	memcpy(out->data, hdr, hl);
	memcpy(out->data + hl, d + off, eth->caplen - (uint32_t)off);
	return 0;
}
