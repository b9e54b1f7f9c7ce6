/*
 * net.c: the network layer.  IPv4 with options (RFC 791: NOP, EOL, RR, TS,
 * LSRR/SSRR, Router Alert RFC 2113) and fragments; IPv6 (RFC 8200) with
 * hop-by-hop, routing, fragment and destination-options headers in varying
 * orders; ARP/RARP (RFC 826, RFC 903); other ethertypes; 802.2 LLC/SNAP
 * bodies for 802.3 length frames.  Addresses come half from the hosts and
 * nets the differential test's expressions name, half at random, so both
 * matches and near misses (172.32.0.1 against 172.16/12) occur.
 */
#include "synth_int.h"
#include <string.h>

#define IP4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))

static const uint32_t ip4_hosts[] = {
	IP4(10, 0, 0, 1),	IP4(10, 1, 2, 3),	  IP4(192, 168, 1, 1),
	IP4(192, 168, 1, 22),	IP4(192, 168, 1, 26),	  IP4(127, 0, 0, 1),
	IP4(172, 16, 0, 5),	IP4(8, 8, 8, 8),	  IP4(224, 0, 0, 1),
	IP4(255, 255, 255, 255), IP4(192, 168, 1, 255),	  IP4(192, 168, 1, 0),
	IP4(10, 255, 255, 255), IP4(172, 31, 255, 255),	  IP4(172, 32, 0, 1),
	IP4(172, 15, 255, 254), IP4(192, 168, 2, 1),	  IP4(11, 0, 0, 1),
	IP4(9, 255, 255, 255),	IP4(0, 0, 0, 0),	  IP4(239, 255, 255, 250),
	IP4(10, 0, 0, 2),	IP4(192, 169, 0, 1),	  IP4(192, 168, 1, 21),
};

static uint32_t ip4_pick(struct gen *g)
{
	uint32_t r = (uint32_t)synth_rand(&g->rng);
	switch (rn(g, 20)) {
	case 9: return IP4(10, 0, 0, 0) | (r & 0xffffff);
	case 10: return IP4(192, 168, 0, 0) | (r & 0xffff);
	case 11: return IP4(192, 168, 1, 0) | (r & 0xff);
	case 12: return IP4(172, 16, 0, 0) | (r & 0xfffff);
	case 13: return IP4(127, 0, 0, 0) | (r & 0xffffff);
	case 14: return IP4(224, 0, 0, 0) | (r & 0x0fffffff);
	case 15: case 16: case 17: case 18: case 19: return r;
	default: return PICK(g, ip4_hosts);
	}
}

static const uint8_t ip6_hosts[][16] = {
	{ 0x20, 0x01, 0x0d, 0xb8, [15] = 1 },
	{ 0x20, 0x01, 0x0d, 0xb8, [15] = 2 },
	{ 0xfe, 0x80, [15] = 1 },
	{ [15] = 1 },                          /* ::1 */
	{ 0xff, 0x02, [15] = 1 },
	{ 0xff, 0x02, [15] = 2 },
	{ 0xff, 0x02, [11] = 1, 0xff, 0, 0, 1 }, /* solicited-node */
	{ 0 },                                 /* :: */
	{ 0x20, 0x01, 0x0d, 0xb9, [15] = 1 },    /* just outside 2001:db8::/32 */
	{ 0x20, 0x01, 0x0d, 0xb7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
	{ 0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff, [15] = 1 },
	{ [10] = 0xff, 0xff, 10, 0, 0, 1 },       /* ::ffff:10.0.0.1 */
	{ 0xfe, 0x80, [8] = 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55 },
};

static void ip6_pick(struct gen *g, uint8_t *a)
{
	switch (rn(g, 20)) {
	case 9: case 10: case 11: /* inside 2001:db8::/32 */
		fill_random(g, a, 16);
		memcpy(a, "\x20\x01\x0d\xb8", 4);
		return;
	case 12: fill_random(g, a, 16); memcpy(a, "\xfe\x80\0\0\0\0\0\0", 8); return;
	case 13: fill_random(g, a, 16); memcpy(a, "\xff\x02", 2); return;
	case 14: case 15: case 16: case 17: fill_random(g, a, 16); return;
	default: memcpy(a, PICK(g, ip6_hosts), 16); return;
	}
}

/* Transport protocol for an IP packet; nested packets (GRE, ICMP quotes)
 * stay simple so nesting ends. */
static uint8_t pick_proto(struct gen *g, int v6)
{
	static const uint8_t nested4[] = { 6, 17, 17, 1 }, nested6[] = { 6, 17, 17, 58 };
	static const uint8_t other4[] = { 0, 4, 41, 50, 51, 89, 103, 115, 253, 255, 47, 112 };
	static const uint8_t other6[] = { 59, 59, 50, 51, 47, 89, 103, 253, 255, 0x11 };
	if (g->depth > 0)
		return v6 ? PICK(g, nested6) : PICK(g, nested4);
	uint32_t r = rn(g, 100);
	if (r < 38) return 6;
	if (r < 63) return 17;
	if (r < 76) return v6 ? 58 : 1;
	if (r < 81) return 132;
	if (r < 86) return v6 ? 58 : 2;
	if (r < 89) return 47;
	if (r < 91) return 50;
	if (r < 93) return v6 ? 59 : 112;
	if (r < 97) return v6 ? PICK(g, other6) : PICK(g, other4);
	return (uint8_t)rn(g, 256);
}

/* IPv4 options, padded with EOL to a multiple of 4; the last source-route
 * address is the destination, so checksums over the pseudo-header agree
 * with readers that use the final destination (tcpdump does). */
static size_t ip4_options(struct gen *g, uint8_t *o, uint32_t dst, int ra)
{
	size_t n = 0, target = 4 * rrange(g, 1, 10);
	if (ra) {
		memcpy(o, "\x94\x04\0\0", 4);
		n = 4;
	}
	while (n < target) {
		size_t room = 40 - n;
		size_t k = rrange(g, 1, 9);
		switch (rn(g, 7)) {
		case 0: case 1: o[n++] = 1; break; /* NOP */
		case 2: o[n++] = 0; n = target; break; /* EOL: the rest is padding */
		case 3: /* record route 3 + 4k */
			if (room < 7) { o[n++] = 1; break; }
			k = k < (room - 3) / 4 ? k : (room - 3) / 4;
			o[n] = 7, o[n + 1] = (uint8_t)(3 + 4 * k), o[n + 2] = 4;
			n += 3 + 4 * k;
			break;
		case 4: /* timestamp 4 + 4k, timestamps only */
			if (room < 8) { o[n++] = 1; break; }
			k = k < (room - 4) / 4 ? k : (room - 4) / 4;
			o[n] = 68, o[n + 1] = (uint8_t)(4 + 4 * k), o[n + 2] = 5;
			n += 4 + 4 * k;
			break;
		case 5: /* LSRR or SSRR 3 + 4k */
			if (room < 7) { o[n++] = 1; break; }
			k = k < (room - 3) / 4 ? k : (room - 3) / 4;
			o[n] = chance(g, 50) ? 131 : 137, o[n + 1] = (uint8_t)(3 + 4 * k), o[n + 2] = 4;
			fill_random(g, o + n + 3, 4 * k);
			put32(o + n + 3 + 4 * (k - 1), dst);
			n += 3 + 4 * k;
			break;
		default: /* router alert */
			if (room < 4) { o[n++] = 1; break; }
			memcpy(o + n, "\x94\x04\0\0", 4);
			n += 4;
		}
	}
	return (n + 3) & ~(size_t)3;
}

void net_ip4(struct gen *g, struct pb *b, uint32_t *dst_out)
{
	static const uint8_t ttls[] = { 0, 1, 2, 63, 64, 65, 127, 128, 254, 255 };
	static const uint8_t toss[] = { 0, 0, 0x10, 0x08, 0xb8, 0x01, 0x02, 0x03, 0xfc, 0xff };
	static const uint16_t offs[] = { 1, 8, 185, 8191, 100 };
	struct l3info l3 = { 0 };
	uint8_t opt[40] = { 0 };
	uint32_t src = ip4_pick(g), dst = ip4_pick(g);
	uint8_t proto = pick_proto(g, 0), ttl = chance(g, 60) ? PICK(g, ttls) : (uint8_t)rn(g, 256);
	if (proto == 2 && chance(g, 70)) /* IGMP goes to groups with TTL 1 */
		dst = chance(g, 50) ? IP4(224, 0, 0, 1) : IP4(224, 0, 0, 22), ttl = 1;
	if (proto == 112)
		dst = IP4(224, 0, 0, 18), ttl = 255;
	put32(l3.src, src);
	put32(l3.dst, dst);

	uint16_t frag = 0;
	uint32_t r = rn(g, 100);
	if (r < 82)
		frag = chance(g, 40) ? 0x4000 : 0; /* DF */
	else if (r < 88)
		frag = 0x2000; /* first fragment */
	else if (r < 94)
		frag = 0x2000 | (chance(g, 70) ? PICK(g, offs) : rrange(g, 1, 8191));
	else
		frag = chance(g, 70) ? PICK(g, offs) : rrange(g, 1, 8191); /* last */
	if (chance(g, 2))
		frag |= 0x8000; /* the reserved "evil" bit */

	size_t optlen = 0;
	if ((proto == 2 && chance(g, 60)) || chance(g, 20))
		optlen = ip4_options(g, opt, dst, proto == 2);
	size_t ihl = 20 + optlen;
	if (frag & 0x1fff) /* not the first fragment: no transport header here */
		append_random(g, b, payload_len(g, ihl));
	else
		transport_build(g, b, proto, &l3, ihl);

	uint8_t *h = pb_prepend(b, ihl);
	size_t tot = pb_len(b);
	if (take_fault(g, F_IP_LEN))
		tot = chance(g, 50) ? tot + 1 : tot - 1;
	h[0] = (uint8_t)(0x40 | ihl / 4);
	h[1] = chance(g, 50) ? 0 : PICK(g, toss);
	put16(h + 2, (uint16_t)tot);
	put16(h + 4, (uint16_t)rn(g, 65536));
	put16(h + 6, frag);
	h[8] = ttl;
	h[9] = proto;
	memcpy(h + 12, l3.src, 4);
	memcpy(h + 16, l3.dst, 4);
	memcpy(h + 20, opt, optlen);
	uint16_t ck = cksum_fold(cksum_add(0, h, ihl));
	if (take_fault(g, F_IP_CKSUM))
		ck++;
	put16(h + 10, ck);
	if (dst_out)
		*dst_out = dst;
}

/* Fill an options area (hop-by-hop, destination) of n bytes: maybe a
 * router alert or an unknown skippable option, then Pad1/PadN. */
static void ip6_opts_fill(struct gen *g, uint8_t *p, size_t n)
{
	size_t i = 0;
	if (n >= 4 && chance(g, 40)) {
		memcpy(p, "\x05\x02\0\0", 4); /* router alert, MLD */
		i = 4;
	} else if (n >= 6 && chance(g, 20)) {
		p[0] = 0x1e, p[1] = 4; /* unknown, high bits 00: skip */
		fill_random(g, p + 2, 4);
		i = 6;
	}
	size_t r = n - i;
	if (r == 1)
		p[i] = 0; /* Pad1 */
	else if (r >= 2)
		p[i] = 1, p[i + 1] = (uint8_t)(r - 2); /* PadN */
}

struct ext {
	uint8_t type;
	size_t len;
	uint8_t rtype; /* routing type */
	uint16_t fragoff; /* offset << 3 | M */
};

void net_ip6(struct gen *g, struct pb *b)
{
	static const uint8_t kinds[] = { 0, 43, 44, 60 }, later[] = { 43, 44, 60 };
	static const uint8_t hlims[] = { 0, 1, 64, 255, 128 };
	struct l3info l3 = { .v6 = 1 };
	struct ext ext[5];
	size_t next = 0, extlen = 0;
	int nonfirst = 0;
	ip6_pick(g, l3.src);
	ip6_pick(g, l3.dst);
	uint8_t proto = pick_proto(g, 1);
	if (proto == 58 && chance(g, 30)) /* neighbour discovery and MLD to multicast */
		memcpy(l3.dst, ip6_hosts[rrange(g, 4, 6)], 16);

	if (g->depth == 0 && chance(g, 40)) {
		size_t k = rrange(g, 1, 4);
		for (size_t i = 0; i < k; i++) {
			struct ext *e = &ext[next++];
			/* hop-by-hop belongs first; now and then it is not (RFC 8200 4.1) */
			e->type = i == 0 && chance(g, 60) ? 0 : chance(g, 90) ? PICK(g, later) : PICK(g, kinds);
			switch (e->type) {
			case 44:
				e->len = 8;
				e->fragoff = 1;
				if (!chance(g, 40)) { /* one draw per statement (link.c) */
					uint32_t off = rrange(g, 1, 8191);
					e->fragoff = (uint16_t)(off << 3 | rn(g, 2));
				}
				nonfirst |= (e->fragoff >> 3) != 0;
				break;
			case 43:
				e->rtype = chance(g, 30) ? 2 : chance(g, 20) ? 253 : 0;
				e->len = e->rtype == 2 ? 24 : e->rtype == 0 ? 8 + 16 * rrange(g, 1, 3) : 8;
				break;
			default: e->len = 8 * rrange(g, 1, 4);
			}
			extlen += e->len;
		}
	}
	size_t overhead = 40 + extlen;
	if (nonfirst)
		append_random(g, b, payload_len(g, overhead));
	else
		transport_build(g, b, proto, &l3, overhead);

	uint8_t nh = proto;
	while (next-- > 0) {
		struct ext *e = &ext[next];
		uint8_t *p = pb_prepend(b, e->len);
		p[0] = nh;
		p[1] = (uint8_t)(e->len / 8 - 1);
		if (e->type == 44) {
			p[1] = 0;
			put16(p + 2, e->fragoff);
			put32(p + 4, (uint32_t)synth_rand(&g->rng));
		} else if (e->type == 43) {
			p[2] = e->rtype;
			size_t naddr = (e->len - 8) / 16;
			p[3] = (uint8_t)(naddr ? rrange(g, 0, (uint32_t)naddr) : 0); /* segments left */
			for (size_t i = 0; i < naddr; i++)
				ip6_pick(g, p + 8 + 16 * i);
			if (naddr) /* final destination = the header's, see ip4_options */
				memcpy(p + 8 + 16 * (naddr - 1), l3.dst, 16);
		} else {
			ip6_opts_fill(g, p + 2, e->len - 2);
		}
		nh = e->type;
	}
	uint8_t *h = pb_prepend(b, 40);
	size_t plen = pb_len(b) - 40;
	if (take_fault(g, F_IP_LEN))
		plen = chance(g, 50) ? plen + 1 : plen - 1;
	uint32_t tc = chance(g, 60) ? 0 : rn(g, 256), flow = chance(g, 50) ? 0 : rn(g, 1 << 20);
	put32(h, 6u << 28 | tc << 20 | flow);
	put16(h + 4, (uint16_t)plen);
	h[6] = nh;
	h[7] = chance(g, 60) ? PICK(g, hlims) : (uint8_t)rn(g, 256);
	memcpy(h + 8, l3.src, 16);
	memcpy(h + 24, l3.dst, 16);
}

static const uint8_t arp_macs[][6] = {
	{ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 },
	{ 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb },
	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 },
};

/* ARP (0x0806) or RARP (0x8035), request or reply, Ethernet/IPv4; now and
 * then an odd hardware type or opcode. */
static uint16_t net_arp(struct gen *g, struct pb *b)
{
	int rarp = chance(g, 20);
	uint8_t *p = pb_append(b, 28);
	put16(p, chance(g, 95) ? 1 : 6);
	put16(p + 2, 0x0800);
	p[4] = 6, p[5] = 4;
	uint16_t op = (uint16_t)(rarp ? rrange(g, 3, 4) : rrange(g, 1, 2));
	put16(p + 6, chance(g, 97) ? op : (uint16_t)rn(g, 10));
	memcpy(p + 8, PICK(g, arp_macs), 6);
	put32(p + 14, ip4_pick(g));
	if (op == 2 || op == 4 || chance(g, 20))
		memcpy(p + 18, PICK(g, arp_macs), 6);
	put32(p + 24, ip4_pick(g));
	return rarp ? 0x8035 : 0x0806;
}

/* Ethertypes filters name (or nearly name) that we do not build. */
static uint16_t net_other(struct gen *g, struct pb *b)
{
	static const uint16_t types[] = { 0x88cc, 0x8863, 0x8864, 0x809b, 0x80f3, 0x8137, 0x88e5,
					  0x22f0, 0x0600, 0x0601, 0xffff, 0x9000, 0x88f7, 0x8906 };
	append_random(g, b, rrange(g, 28, 120));
	return chance(g, 80) ? PICK(g, types) : (uint16_t)rrange(g, 0x0600, 0xffff);
}

/* An 802.2 LLC body: STP, SNAP (carrying IPv4, IPv6, ARP or Cisco), IPX,
 * NetBIOS, ISO, Novell raw 802.3, or a random SAP pair. */
static void net_llc(struct gen *g, struct pb *b, unsigned allow)
{
	static const uint16_t snap_types[] = { 0x0800, 0x86dd, 0x0806, 0x2000 };
	/* not 0x06 (IP) or 0x98 (ARP): random bytes there are no packet */
	static const uint8_t saps[] = { 0xe0, 0xf0, 0xfe, 0xaa, 0x10, 0x80, 0xbc };
	uint32_t r = rn(g, 10);
	if (r < 4) { /* SNAP */
		uint16_t et = PICK(g, snap_types);
		if (et == 0x0800)
			net_ip4(g, b, NULL);
		else if (et == 0x86dd)
			net_ip6(g, b);
		else if (et == 0x0806)
			et = net_arp(g, b);
		else
			append_random(g, b, 40);
		uint8_t *p = pb_prepend(b, 8);
		memcpy(p, et == 0x2000 ? "\xaa\xaa\x03\x00\x00\x0c" : "\xaa\xaa\x03\x00\x00\x00", 6);
		put16(p + 6, et);
		return;
	}
	append_random(g, b, rrange(g, 20, 80));
	uint8_t *p = pb_data(b);
	if (r < 6) { /* STP configuration BPDU */
		memset(p, 0, 7);
		memcpy(p, "\x42\x42\x03", 3);
	} else if (r < 7) {
		p[0] = p[1] = 0xff; /* Novell raw: IPX checksum 0xffff, no LLC */
	} else {
		p[0] = p[1] = PICK(g, saps);
		/* a UI frame, except that unknown SAPs keep the random control
		 * byte (I, S and U PDUs for `llc TYPE`; no extra draw, so every
		 * other packet stays as it was) */
		if (p[0] != 0x10 && p[0] != 0x80 && p[0] != 0xbc)
			p[2] = 0x03;
	}
}

uint16_t net_build(struct gen *g, struct pb *b, unsigned allow, uint32_t *ip_dst4)
{
	static const struct { unsigned kind, weight; } w[] = {
		{ NK_IP4, 50 }, { NK_IP6, 30 }, { NK_ARP, 7 }, { NK_OTHER, 6 }, { NK_LLC, 7 },
	};
	unsigned total = 0;
	for (size_t i = 0; i < ARRAY_LEN(w); i++)
		total += (allow & w[i].kind) ? w[i].weight : 0;
	uint32_t r = rn(g, total);
	unsigned kind = NK_IP4;
	for (size_t i = 0; i < ARRAY_LEN(w); i++) {
		if (!(allow & w[i].kind))
			continue;
		if (r < w[i].weight) {
			kind = w[i].kind;
			break;
		}
		r -= w[i].weight;
	}
	*ip_dst4 = 0;
	switch (kind) {
	case NK_IP4: net_ip4(g, b, ip_dst4); return 0x0800;
	case NK_IP6: net_ip6(g, b); return 0x86dd;
	case NK_ARP: return net_arp(g, b);
	case NK_OTHER: return net_other(g, b);
	default: net_llc(g, b, allow); return 0;
	}
}
