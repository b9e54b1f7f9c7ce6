/*
 * layout.c: where a packet's layers are (synth_layout), and mutations that
 * aim at the bytes filters read (synth_mutate).  The dissector is synth's
 * own reading of what it builds - deliberately small, not a reference: the
 * tests check the bytes against tcpdump, and bpfx against libpcap.
 */
#include "synth_int.h"
#include <pcap/dlt.h>
#include <string.h>

static int is_tpid(uint16_t t)
{
	return t == 0x8100 || t == 0x88a8 || t == 0x9100;
}

/* From an ethertype at d[off - 2]: skip VLAN tags, LLC/SNAP and MPLS labels;
 * returns the network header offset, or -1. */
static int walk_link(const uint8_t *d, uint32_t caplen, uint32_t off, uint16_t type,
		     struct synth_layout *l)
{
	while (is_tpid(type) && off + 4 <= caplen) {
		type = get16(d + off + 2);
		off += 4;
		l->nvlan++;
	}
	if (is_tpid(type))
		return -1;
	if (type <= 1500 || type == 0x0004) { /* 802.3 length, or SLL's 802.2 */
		l->llc = 1;
		if (off + 8 > caplen || memcmp(d + off, "\xaa\xaa\x03", 3))
			return -1;
		type = get16(d + off + 6);
		off += 8;
	}
	if (type == 0x8847 || type == 0x8848) {
		int bos = 0;
		while (!bos && off + 4 <= caplen) {
			bos = d[off + 2] & 1;
			off += 4;
			l->nmpls++;
		}
		if (!bos || off >= caplen)
			return -1;
		type = (d[off] >> 4) == 4 ? 0x0800 : (d[off] >> 4) == 6 ? 0x86dd : 0;
	}
	l->ethertype = type;
	return off < caplen ? (int)off : -1;
}

static void walk_ip4(const uint8_t *d, uint32_t caplen, uint32_t off, struct synth_layout *l)
{
	if (off + 20 > caplen)
		return;
	uint32_t ihl = (d[off] & 15) * 4u;
	l->proto_off = (int)off + 9;
	l->frag_off = (int)off + 6;
	l->proto = d[off + 9];
	l->nonfirst = (get16(d + off + 6) & 0x1fff) != 0;
	if (!l->nonfirst && ihl >= 20 && off + ihl < caplen)
		l->l4_off = (int)(off + ihl);
}

static void walk_ip6(const uint8_t *d, uint32_t caplen, uint32_t off, struct synth_layout *l)
{
	if (off + 40 > caplen)
		return;
	uint8_t nh = d[off + 6];
	uint32_t p = off + 40;
	l->proto_off = (int)off + 6;
	/* AH (51) is not walked: synth only ever puts opaque bytes after it */
	while ((nh == 0 || nh == 43 || nh == 44 || nh == 60) && p + 8 <= caplen && l->next_hdrs < 16) {
		uint32_t len = nh == 44 ? 8 : (d[p + 1] + 1u) * 8;
		if (nh == 44) {
			l->frag_off = (int)p + 2;
			l->nonfirst |= (get16(d + p + 2) & 0xfff8) != 0;
		}
		l->proto_off = (int)p;
		nh = d[p];
		p += len;
		l->next_hdrs++;
	}
	l->proto = nh;
	if (!l->nonfirst && p < caplen)
		l->l4_off = (int)p;
}

void synth_layout(const uint8_t *d, uint32_t caplen, int dlt, struct synth_layout *l)
{
	memset(l, 0, sizeof *l);
	l->type_off = l->l3_off = l->proto_off = l->frag_off = l->l4_off = -1;
	int off = -1;
	uint32_t af;
	switch (dlt) {
	case DLT_EN10MB:
		if (caplen < 14)
			return;
		l->type_off = 12;
		off = walk_link(d, caplen, 14, get16(d + 12), l);
		break;
	case DLT_LINUX_SLL:
	case DLT_LINUX_SLL2: {
		uint32_t hl = dlt == DLT_LINUX_SLL ? 16 : 20;
		if (caplen < hl)
			return;
		l->type_off = dlt == DLT_LINUX_SLL ? 14 : 0;
		off = walk_link(d, caplen, hl, get16(d + l->type_off), l);
		break;
	}
	case DLT_NULL:
	case DLT_LOOP:
		if (caplen < 4)
			return;
		l->type_off = 0;
		if (dlt == DLT_NULL)
			memcpy(&af, d, 4);
		else
			af = (uint32_t)get16(d) << 16 | get16(d + 2);
		l->ethertype = af == 2 ? 0x0800 : (af == 24 || af == 28 || af == 30) ? 0x86dd : 0;
		off = caplen > 4 ? 4 : -1;
		break;
	case DLT_RAW:
		if (caplen < 1)
			return;
		l->ethertype = (d[0] >> 4) == 4 ? 0x0800 : (d[0] >> 4) == 6 ? 0x86dd : 0;
		off = 0;
		break;
	case DLT_IPV4: l->ethertype = 0x0800; off = caplen ? 0 : -1; break;
	case DLT_IPV6: l->ethertype = 0x86dd; off = caplen ? 0 : -1; break;
	}
	if (off < 0)
		return;
	l->l3_off = off;
	if (l->ethertype == 0x0800) {
		l->ipv = 4;
		walk_ip4(d, caplen, (uint32_t)off, l);
	} else if (l->ethertype == 0x86dd) {
		l->ipv = 6;
		walk_ip6(d, caplen, (uint32_t)off, l);
	}
}

/* Values that flip a filter's decision when written into a field it reads:
 * ethertypes' bytes, IP version/IHL nibbles, protocol numbers, flag bits. */
static const uint8_t hot_values[] = { 0x00, 0xff, 0x08, 0x06, 0x86, 0xdd, 0x81, 0x88, 0x47,
				      0x45, 0x46, 0x4f, 0x44, 0x60, 0x40, 0x20, 0x3f, 0x1f,
				      0x11, 0x01, 0x3a, 0x2c, 0x2b, 0x3c, 0x84, 0x50, 0xf0,
				      0x02, 0x12, 0x35, 0x50, 0x18 };

static uint32_t pick_hot_offset(uint64_t *rng, const struct synth_layout *l, uint32_t caplen)
{
	int c[] = { l->type_off, l->type_off + 1, l->l3_off, l->l3_off + 1, l->l3_off + 6,
		    l->l3_off + 7, l->l3_off + 9, l->proto_off, l->frag_off, l->frag_off + 1,
		    l->l4_off, l->l4_off + 1, l->l4_off + 2, l->l4_off + 3, l->l4_off + 12,
		    l->l4_off + 13 };
	for (int tries = 0; tries < 8; tries++) {
		int o = c[synth_rand(rng) % ARRAY_LEN(c)];
		if (o >= 0 && (uint32_t)o < caplen)
			return (uint32_t)o;
	}
	return (uint32_t)(synth_rand(rng) % caplen);
}

void synth_mutate(struct synth_pkt *p, uint64_t *rng)
{
	struct synth_layout l;
	if (!p->caplen)
		return;
	synth_layout(p->data, p->caplen, p->dlt, &l);
	if (synth_rand(rng) % 100 < 15) { /* cut at (or one past) a field */
		uint32_t cut = pick_hot_offset(rng, &l, p->caplen) + (uint32_t)(synth_rand(rng) % 2);
		if (cut < p->caplen)
			p->caplen = cut;
		return;
	}
	for (uint64_t k = 1 + synth_rand(rng) % 3; k > 0; k--) {
		uint32_t o = synth_rand(rng) % 4 ? pick_hot_offset(rng, &l, p->caplen)
						 : (uint32_t)(synth_rand(rng) % p->caplen);
		uint64_t r = synth_rand(rng);
		switch (r % 5) {
		case 0: case 1: p->data[o] = (uint8_t)(r >> 8); break;
		case 2: p->data[o] ^= (uint8_t)(1u << ((r >> 8) % 8)); break;
		default: p->data[o] = hot_values[(r >> 8) % ARRAY_LEN(hot_values)];
		}
	}
}
