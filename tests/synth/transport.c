/*
 * transport.c: what IP carries.  TCP (RFC 9293, options RFC 7323/2018),
 * UDP (RFC 768), ICMP (RFC 792), ICMPv6 (RFC 4443, ND RFC 4861, MLD RFC
 * 2710/3810), SCTP (RFC 9260), IGMP (RFC 2236/3376), GRE (RFC 2784/2890),
 * ESP (RFC 4303), VRRPv2 (RFC 3768); anything else gets random bytes.
 * Every segment is appended to the caller's buffer, which the caller then
 * wraps; checksums are correct unless this packet's fault says otherwise.
 */
#include "synth_int.h"
#include <string.h>

uint32_t cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += get16(p + i);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

uint16_t cksum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Internet checksum of seg with the IPv4 or IPv6 pseudo-header. */
static uint16_t l4_cksum(const struct l3info *l3, uint8_t proto, const uint8_t *seg, size_t len)
{
	uint8_t ph[40] = { 0 };
	size_t n;
	if (l3->v6) {
		memcpy(ph, l3->src, 16);
		memcpy(ph + 16, l3->dst, 16);
		put32(ph + 32, (uint32_t)len);
		ph[39] = proto;
		n = 40;
	} else {
		memcpy(ph, l3->src, 4);
		memcpy(ph + 4, l3->dst, 4);
		ph[9] = proto;
		put16(ph + 10, (uint16_t)len);
		n = 12;
	}
	return cksum_fold(cksum_add(cksum_add(0, ph, n), seg, len));
}

/* Store a checksum, off by one if this packet's fault is a transport one. */
static void put_cksum(struct gen *g, uint8_t *at, uint16_t ck)
{
	put16(at, take_fault(g, F_L4_CKSUM) ? (uint16_t)(ck + 1) : ck);
}

size_t payload_len(struct gen *g, size_t overhead)
{
	static const size_t targets[] = { 99, 100, 101, 575, 576, 577, 1499, 1500 };
	uint32_t r = rn(g, 100);
	if (r < 30)
		return 0;
	if (r < 60)
		return rrange(g, 1, 64);
	if (r < 75) {
		size_t t = PICK(g, targets);
		return t > overhead ? t - overhead : 0;
	}
	return rrange(g, 0, 1400);
}

static uint16_t pick_port(struct gen *g)
{
	static const uint16_t ports[] = { 0,  20,  21,	 22,   23,   25,   53,	 80,	443,  1023,
					  1024, 2013, 6379, 8080, 10000, 65535, 19,	 24,	26,   52,
					  54,	79,   81,   1025, 2012, 2014, 65534, 123, 67,	68 };
	uint32_t r = rn(g, 10);
	if (r < 5)
		return PICK(g, ports);
	if (r < 7)
		return (uint16_t)rrange(g, 32768, 60999);
	return (uint16_t)rn(g, 65536);
}

/* Payload bytes: text for the ports whose protocols bpfx decodes (HTTP,
 * RESP), random otherwise. */
static void fill_payload(struct gen *g, uint8_t *p, size_t n, uint16_t sport, uint16_t dport)
{
	static const char http[] = "GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n";
	static const char resp[] = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n";
	const char *text = NULL;
	if (dport == 80 || dport == 8080 || sport == 80)
		text = http;
	else if (dport == 6379 || sport == 6379)
		text = resp;
	fill_random(g, p, n);
	if (text && chance(g, 70)) {
		size_t t = strlen(text);
		memcpy(p, text, n < t ? n : t);
	}
}

/* TCP options filling exactly `room` bytes (a multiple of 4). */
static void tcp_options(struct gen *g, uint8_t *o, size_t room)
{
	size_t n = 0;
	while (n < room) {
		size_t left = room - n;
		switch (rn(g, 9)) {
		case 0: /* MSS */
			if (left < 4) goto pad;
			o[n] = 2, o[n + 1] = 4;
			put16(o + n + 2, chance(g, 50) ? 1460 : (uint16_t)rn(g, 65536));
			n += 4;
			break;
		case 1: /* SACK permitted */
			if (left < 2) goto pad;
			o[n] = 4, o[n + 1] = 2, n += 2;
			break;
		case 2: /* timestamps */
			if (left < 10) goto pad;
			o[n] = 8, o[n + 1] = 10;
			fill_random(g, o + n + 2, 8);
			n += 10;
			break;
		case 3: /* window scale */
			if (left < 3) goto pad;
			o[n] = 3, o[n + 1] = 3, o[n + 2] = (uint8_t)rn(g, 15), n += 3;
			break;
		case 4: { /* SACK blocks */
			size_t k = rrange(g, 1, 4);
			if (left < 10) goto pad;
			if (2 + 8 * k > left) k = (left - 2) / 8;
			o[n] = 5, o[n + 1] = (uint8_t)(2 + 8 * k);
			fill_random(g, o + n + 2, 8 * k);
			n += 2 + 8 * k;
			break;
		}
		case 5: /* unknown kind, well-formed length */
			if (left < 4) goto pad;
			o[n] = (uint8_t)rrange(g, 40, 200), o[n + 1] = 4;
			fill_random(g, o + n + 2, 2);
			n += 4;
			break;
		case 6: /* EOL: the rest is zero */
			return;
		default:
		pad:
			o[n++] = 1; /* NOP */
		}
	}
}

static void tcp(struct gen *g, struct pb *b, const struct l3info *l3, size_t overhead)
{
	static const uint8_t common[] = { 0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x19, 0xc2, 0x29 };
	static const uint16_t wins[] = { 0, 1, 65535, 29200, 1024 };
	size_t doff = chance(g, 35) ? 5 : rrange(g, 5, 15);
	size_t hl = doff * 4, n = payload_len(g, overhead + hl);
	size_t off = b->tail;
	uint8_t *h = pb_append(b, hl + n);
	uint16_t sport = pick_port(g), dport = pick_port(g);
	uint8_t flags = chance(g, 50) ? (uint8_t)(g->tcp_flags_ctr++ & 0xff) : PICK(g, common);
	put16(h, sport);
	put16(h + 2, dport);
	put32(h + 4, (uint32_t)synth_rand(&g->rng));
	put32(h + 8, (flags & 0x10) || chance(g, 10) ? (uint32_t)synth_rand(&g->rng) : 0);
	if (take_fault(g, F_L4_LEN))
		doff = rn(g, 5); /* a data offset below the minimum */
	h[12] = (uint8_t)(doff << 4 | (chance(g, 5) ? rn(g, 16) : 0)); /* reserved/AE bits */
	h[13] = flags;
	put16(h + 14, chance(g, 50) ? PICK(g, wins) : (uint16_t)rn(g, 65536));
	put16(h + 18, (flags & 0x20) || chance(g, 3) ? (uint16_t)rn(g, 65536) : 0);
	tcp_options(g, h + 20, hl - 20);
	fill_payload(g, h + hl, n, sport, dport);
	put_cksum(g, b->buf + off + 16, l4_cksum(l3, 6, b->buf + off, hl + n));
}

static void udp(struct gen *g, struct pb *b, const struct l3info *l3, size_t overhead)
{
	size_t n = payload_len(g, overhead + 8), off = b->tail;
	uint8_t *h = pb_append(b, 8 + n);
	uint16_t sport = pick_port(g), dport = pick_port(g);
	put16(h, sport);
	put16(h + 2, dport);
	size_t ulen = 8 + n;
	if (take_fault(g, F_L4_LEN))
		ulen = chance(g, 50) ? rn(g, 8) : ulen + rrange(g, 1, 3);
	put16(h + 4, (uint16_t)ulen);
	fill_payload(g, h + 8, n, sport, dport);
	if (!l3->v6 && chance(g, 10))
		return; /* IPv4 allows no checksum (0) */
	uint16_t ck = l4_cksum(l3, 17, b->buf + off, 8 + n);
	put_cksum(g, b->buf + off + 6, ck ? ck : 0xffff);
}

/* Quote the start of an IP packet, as ICMP errors do. */
static void quote_ip(struct gen *g, struct pb *b, int v6, size_t max)
{
	struct pb inner, *q = &inner; /* nesting is at most two deep (see icmp) */
	pb_init(q);
	g->depth++;
	if (v6)
		net_ip6(g, q);
	else
		net_ip4(g, q, NULL);
	g->depth--;
	size_t n = pb_len(q) < max ? pb_len(q) : max;
	memcpy(pb_append(b, n), pb_data(q), n);
}

static void icmp(struct gen *g, struct pb *b, const struct l3info *l3, size_t overhead)
{
	static const uint8_t types[] = { 8, 8, 0, 0, 3, 3, 11, 5, 13, 14, 4, 12, 9, 10, 15, 16, 17, 18 };
	size_t off = b->tail;
	uint8_t type = chance(g, 90) ? PICK(g, types) : (uint8_t)rn(g, 256), code = 0;
	if (g->depth > 0) /* quoted or tunnelled: no error messages, so no deeper nesting */
		type = 8;
	uint8_t *h = pb_append(b, 8);
	switch (type) {
	case 3: code = chance(g, 80) ? (uint8_t)rn(g, 16) : (uint8_t)rn(g, 256);
		if (code == 4)
			put16(h + 6, chance(g, 50) ? 1500 : 576); /* next-hop MTU */
		break;
	case 11: code = (uint8_t)rn(g, 2); break;
	case 5: code = (uint8_t)rn(g, 4); break;
	case 12: code = (uint8_t)rn(g, 3); break;
	default: code = chance(g, 95) ? 0 : (uint8_t)rn(g, 256);
	}
	h[0] = type, h[1] = code;
	switch (type) {
	case 3: case 4: case 11: case 12: /* error: unused word, then the quote */
		if (type == 12)
			h[4] = 20;
		quote_ip(g, b, 0, 20 + 40 + 8);
		break;
	case 5:
		memcpy(h + 4, l3->dst, 4); /* gateway */
		quote_ip(g, b, 0, 60 + 8);
		break;
	case 13: case 14: { /* timestamp: three 32-bit times */
		uint32_t hi = rn(g, 65536); /* one draw per statement (link.c) */
		put32(h + 4, hi << 16 | rn(g, 65536));
		fill_random(g, pb_append(b, 12), 12);
		break;
	}
	case 17: case 18:
		put32(h + 4, rn(g, 65536));
		put32(pb_append(b, 4), 0xffffff00);
		break;
	case 9: /* router advertisement: one address, entry size 2 */
		h[4] = 1, h[5] = 2;
		put16(h + 6, 1800);
		memcpy(pb_append(b, 8), l3->src, 4);
		break;
	default: /* echo and the rest: id, seq, data */
		fill_random(g, h + 4, 4);
		append_random(g, b, payload_len(g, overhead + 8));
	}
	put_cksum(g, b->buf + off + 2, cksum_fold(cksum_add(0, b->buf + off, b->tail - off)));
}

/* A neighbour-discovery link-layer address option (RFC 4861 4.6.1). */
static void nd_lla(struct gen *g, struct pb *b, uint8_t type)
{
	uint8_t *o = pb_append(b, 8);
	o[0] = type, o[1] = 1;
	memcpy(o + 2, "\x00\x11\x22\x33\x44\x55", 6);
}

static void icmp6(struct gen *g, struct pb *b, const struct l3info *l3, size_t overhead)
{
	static const uint8_t types[] = { 128, 128, 129, 129, 1, 2, 3, 4, 133, 134, 135, 135, 136, 130, 131, 132, 143 };
	size_t off = b->tail;
	uint8_t type = chance(g, 92) ? PICK(g, types) : (uint8_t)rn(g, 256);
	if (g->depth > 0)
		type = 128;
	uint8_t *h = pb_append(b, 8);
	h[0] = type;
	h[1] = type < 5 ? (uint8_t)rn(g, type == 1 ? 7 : 2) : 0;
	switch (type) {
	case 1: case 2: case 3: case 4:
		if (type == 2)
			put32(h + 4, chance(g, 50) ? 1280 : 1500);
		if (type == 4)
			put32(h + 4, rn(g, 48));
		quote_ip(g, b, 1, 40 + 8 + rn(g, 64));
		break;
	case 133: nd_lla(g, b, 1); break;
	case 134: {
		h[4] = 64, h[5] = (uint8_t)(rn(g, 4) << 6);
		put16(h + 6, 1800);
		fill_random(g, pb_append(b, 8), 8); /* reachable, retrans timers */
		nd_lla(g, b, 1);
		uint8_t *m = pb_append(b, 8); /* MTU */
		m[0] = 5, m[1] = 1;
		put32(m + 4, 1500);
		uint8_t *p = pb_append(b, 32); /* prefix information */
		p[0] = 3, p[1] = 4, p[2] = 64, p[3] = 0xc0;
		put32(p + 4, 86400), put32(p + 8, 14400);
		memcpy(p + 16, "\x20\x01\x0d\xb8\0\x01", 6);
		break;
	}
	case 135: case 136:
		if (type == 136)
			h[4] = (uint8_t)(rn(g, 8) << 5); /* R, S, O */
		memcpy(pb_append(b, 16), l3->dst, 16); /* target */
		if (chance(g, 80))
			nd_lla(g, b, type == 135 ? 1 : 2);
		break;
	case 130: case 131: case 132: /* MLDv1: max delay, reserved, group */
		put16(h + 4, type == 130 ? 10000 : 0);
		memcpy(pb_append(b, 16), "\xff\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
		break;
	case 143: { /* MLDv2 report, one record */
		put16(h + 6, 1);
		uint8_t *r = pb_append(b, 20);
		r[0] = (uint8_t)rrange(g, 1, 6);
		memcpy(r + 4, "\xff\x02\0\0\0\0\0\0\0\0\0\x01\xff\0\0\x01", 16);
		break;
	}
	default:
		fill_random(g, h + 4, 4);
		append_random(g, b, payload_len(g, overhead + 8));
	}
	put_cksum(g, b->buf + off + 2, l4_cksum(l3, 58, b->buf + off, b->tail - off));
}

/* CRC-32C (Castagnoli), bit by bit: SCTP's checksum (RFC 9260 App. B). */
static uint32_t crc32c(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffff;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0x82f63b78 & -(c & 1));
	}
	return ~c;
}

static void sctp(struct gen *g, struct pb *b, size_t overhead)
{
	size_t off = b->tail;
	uint8_t *h = pb_append(b, 12);
	put16(h, pick_port(g));
	put16(h + 2, pick_port(g));
	put32(h + 4, (uint32_t)synth_rand(&g->rng));
	for (size_t k = rrange(g, 1, 2); k > 0; k--) {
		uint8_t type = (uint8_t)(chance(g, 90) ? PICK(g, ((const uint8_t[]){ 0, 0, 1, 3, 4, 6, 7 }))
						   : rn(g, 256));
		if (type == 0) { /* DATA: TSN, stream, seq, PPID, data padded to 4 */
			size_t n = rrange(g, 1, 200);
			uint8_t *c = pb_append(b, 16 + ((n + 3) & ~(size_t)3));
			c[0] = 0, c[1] = 3;
			put16(c + 2, (uint16_t)(16 + n));
			fill_random(g, c + 4, 12);
			fill_random(g, c + 16, n);
		} else if (type == 1) { /* INIT */
			uint8_t *c = pb_append(b, 20);
			c[0] = 1;
			put16(c + 2, 20);
			fill_random(g, c + 4, 16);
			put16(c + 8 + 4, 10), put16(c + 8 + 6, 10); /* streams */
		} else if (type == 3 || type == 7) { /* SACK (no gaps), SHUTDOWN */
			size_t n = type == 3 ? 16 : 8;
			uint8_t *c = pb_append(b, n);
			c[0] = type;
			put16(c + 2, (uint16_t)n);
			fill_random(g, c + 4, type == 3 ? 8 : 4);
		} else if (type == 4) { /* HEARTBEAT with one info parameter */
			uint8_t *c = pb_append(b, 16);
			c[0] = 4;
			put16(c + 2, 16);
			put16(c + 4, 1), put16(c + 6, 12);
			fill_random(g, c + 8, 8);
		} else { /* ABORT or unknown, no value */
			uint8_t *c = pb_append(b, 4);
			c[0] = type;
			put16(c + 2, 4);
		}
	}
	uint32_t crc = crc32c(b->buf + off, b->tail - off);
	uint8_t *ck = b->buf + off + 8; /* stored least significant byte first */
	ck[0] = crc & 0xff, ck[1] = (crc >> 8) & 0xff, ck[2] = (crc >> 16) & 0xff, ck[3] = crc >> 24;
}

static void igmp(struct gen *g, struct pb *b, const struct l3info *l3)
{
	static const uint8_t types[] = { 0x11, 0x11, 0x12, 0x16, 0x16, 0x17, 0x22 };
	size_t off = b->tail;
	uint8_t type = chance(g, 95) ? PICK(g, types) : (uint8_t)rn(g, 256);
	uint8_t *h = pb_append(b, 8);
	h[0] = type;
	if (type == 0x22) { /* v3 report: one record, no sources */
		put16(h + 6, 1);
		uint8_t *r = pb_append(b, 8);
		r[0] = (uint8_t)rrange(g, 1, 6);
		put32(r + 4, 0xe0000000 | rn(g, 256));
	} else {
		h[1] = type == 0x11 ? (uint8_t)rrange(g, 0, 100) : 0;
		if (type != 0x11 || chance(g, 50))
			put32(h + 4, chance(g, 50) ? 0xe0000001 : 0xe0000000 | rn(g, 1 << 16));
		if (type == 0x11 && chance(g, 30)) /* v3 query: S/QRV, QQIC, 0 sources */
			pb_append(b, 4)[0] = 2;
	}
	put_cksum(g, b->buf + off + 2, cksum_fold(cksum_add(0, b->buf + off, b->tail - off)));
}

static void gre(struct gen *g, struct pb *b)
{
	struct pb inner;
	int v6 = chance(g, 30), key = chance(g, 30), sum = !key && chance(g, 20);
	size_t off = b->tail;
	uint8_t *h = pb_append(b, 4 + 4 * (key + sum));
	put16(h, (uint16_t)(key ? 0x2000 : sum ? 0x8000 : 0));
	put16(h + 2, v6 ? 0x86dd : 0x0800);
	if (key)
		put32(h + 4, (uint32_t)synth_rand(&g->rng));
	pb_init(&inner);
	g->depth++;
	if (v6)
		net_ip6(g, &inner);
	else
		net_ip4(g, &inner, NULL);
	g->depth--;
	memcpy(pb_append(b, pb_len(&inner)), pb_data(&inner), pb_len(&inner));
	if (sum)
		put16(b->buf + off + 4, cksum_fold(cksum_add(0, b->buf + off, b->tail - off)));
}

static void vrrp(struct gen *g, struct pb *b, const struct l3info *l3)
{
	static const uint8_t prios[] = { 0, 100, 254, 255 };
	size_t off = b->tail, naddr = rrange(g, 1, 2);
	uint8_t *h = pb_append(b, 8 + 4 * naddr + 8);
	h[0] = 0x21, h[1] = (uint8_t)rrange(g, 1, 255), h[2] = PICK(g, prios);
	h[3] = (uint8_t)naddr, h[4] = 0, h[5] = 1;
	for (size_t i = 0; i < naddr; i++)
		memcpy(h + 8 + 4 * i, i ? l3->dst : l3->src, 4);
	put16(h + 6, cksum_fold(cksum_add(0, b->buf + off, b->tail - off)));
}

void transport_build(struct gen *g, struct pb *b, uint8_t proto, const struct l3info *l3,
		     size_t overhead)
{
	switch (proto) {
	case 6: tcp(g, b, l3, overhead); return;
	case 17: udp(g, b, l3, overhead); return;
	case 132: sctp(g, b, overhead); return;
	case 50: /* ESP: SPI, sequence, opaque data */
		put32(pb_append(b, 4), rrange(g, 256, 0xffffffff));
		put32(pb_append(b, 4), rn(g, 1000));
		append_random(g, b, rrange(g, 16, 96));
		return;
	case 59: /* no next header: nothing, or bytes to ignore */
		append_random(g, b, chance(g, 50) ? 0 : rn(g, 32));
		return;
	case 47:
		if (g->depth == 0) {
			gre(g, b);
			return;
		}
		break;
	case 1: if (!l3->v6) { icmp(g, b, l3, overhead); return; } break;
	case 58: if (l3->v6) { icmp6(g, b, l3, overhead); return; } break;
	case 2: if (!l3->v6) { igmp(g, b, l3); return; } break;
	case 112: if (!l3->v6) { vrrp(g, b, l3); return; } break;
	}
	append_random(g, b, payload_len(g, overhead));
}
