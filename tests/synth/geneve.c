/*
 * geneve.c: Geneve packets (RFC 8926) for `geneve [VNI]` (synth_geneve):
 * UDP to port 6081 (and, to miss, 6082 and from 6081) over IPv4 with and
 * without options, over IPv6, behind a VLAN tag or not; Geneve versions 0
 * and 1, 0 to 3 words of options, VNIs 10, 0, 0xffffff and others; and
 * inside an Ethernet frame (protocol 0x6558, with or without its own VLAN
 * tag, multicast or not) or bare IPv4/IPv6 (0x0800, 0x86dd), carrying TCP
 * to port 80, UDP to 53, ARP, 802.2 frames (IPX, ISO, spanning tree), an
 * MPLS label, or a second Geneve packet.  Every packet again cut short in
 * the Geneve header and in the inner headers.  Built as Ethernet and
 * re-wrapped into the set's link type; no randomness.
 * Then the encapsulations around and inside it (synth_geneve's second
 * part): a PPPoE session (ids 5 and 0x27, behind a VLAN tag or not) or
 * one or two MPLS labels carrying the outer IPv4/IPv6 and UDP to 6081,
 * and a PPPoE session inside (in an inner Ethernet frame, or straight
 * after the Geneve header with protocol 0x8864), for `pppoes and
 * geneve`, `mpls and geneve` and `geneve and pppoes`.
 */
#include "synth_int.h"
#include "wrap_more.h"
#include "wrap_wlan.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

struct gv {
	struct synth_set *s;
	int dlt;
	size_t cap;
};

static const uint8_t mac_a[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t mac_h[6] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 }; /* the list's `ether host` */
static const uint8_t mac_m[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }; /* multicast */
static const uint8_t mac_b[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* An Ethernet header (with a VLAN tag of id vid if vid) before b. */
static void eth(struct pb *b, const uint8_t dst[6], const uint8_t src[6], int vid, uint16_t type)
{
	uint8_t *h = pb_prepend(b, vid ? 18 : 14);
	memcpy(h, dst, 6);
	memcpy(h + 6, src, 6);
	if (vid) {
		put16(h + 12, 0x8100);
		put16(h + 14, (uint16_t)vid);
		h += 4;
	}
	put16(h + 12, type);
}

/* An IPv4 header (with 4 bytes of options if opt) or an IPv6 one before b,
 * protocol proto, from 10.0.0.1 or 2001:db8::1 to .2 / ::2. */
static uint16_t ip(struct pb *b, int v6, int opt, uint8_t proto)
{
	size_t n = pb_len(b);
	if (v6) {
		uint8_t *h = pb_prepend(b, 40);
		h[0] = 0x60;
		put16(h + 4, (uint16_t)n);
		h[6] = proto;
		h[7] = 64;
		memcpy(h + 8, "\x20\x01\x0d\xb8", 4);
		h[23] = 1;
		memcpy(h + 24, "\x20\x01\x0d\xb8", 4);
		h[39] = 2;
		return 0x86dd;
	}
	size_t hl = opt ? 24 : 20;
	uint8_t *h = pb_prepend(b, hl);
	h[0] = (uint8_t)(0x40 | hl / 4);
	put16(h + 2, (uint16_t)(n + hl));
	h[8] = 64;
	h[9] = proto;
	put32(h + 12, 0x0a000001);
	put32(h + 16, 0x0a000002);
	if (opt)
		h[20] = 1, h[21] = 1, h[22] = 1, h[23] = 0; /* NOPs, end */
	return 0x0800;
}

/* A UDP or TCP header before b. */
static void l4(struct pb *b, uint8_t proto, uint16_t sport, uint16_t dport)
{
	size_t n = pb_len(b);
	uint8_t *h = pb_prepend(b, proto == 6 ? 20 : 8);
	put16(h, sport);
	put16(h + 2, dport);
	if (proto == 6) {
		h[12] = 0x50;
		h[13] = 0x12;
	} else {
		put16(h + 4, (uint16_t)(n + 8));
	}
}

/* A PPPoE session header (RFC 2516) and PPP protocol before b, which
 * holds a packet of ethertype type; its ethertype. */
static uint16_t pppoe(struct pb *b, uint16_t sid, uint16_t type)
{
	size_t n = pb_len(b);
	uint8_t *h = pb_prepend(b, 8);
	h[0] = 0x11;
	put16(h + 2, sid);
	put16(h + 4, (uint16_t)(n + 2));
	put16(h + 6, type == 0x0800 ? 0x0021 : type == 0x86dd ? 0x0057 : type);
	return 0x8864;
}

/* The payload kinds inside. */
enum { IN_TCP4, IN_TCP6, IN_UDP4, IN_ARP, IN_IPX, IN_ISO, IN_STP, IN_MPLS, IN_GENEVE, IN_MCAST4, IN_N };

/* The inner packet of kind k, as an ethertype (0: an 802.2 body) and bytes in b. */
static uint16_t inner(struct pb *b, int k)
{
	uint8_t *p;
	switch (k) {
	case IN_UDP4:
	case IN_MCAST4: {
		p = pb_append(b, 4);
		l4(b, 17, 5353, 53);
		uint16_t t = ip(b, 0, 1, 17);
		if (k == IN_MCAST4)
			put32(pb_data(b) + 16, 0xef010101); /* 239.1.1.1 */
		return t;
	}
	case IN_ARP:
		p = pb_append(b, 28);
		memcpy(p, "\x00\x01\x08\x00\x06\x04\x00\x01", 8);
		put32(p + 14, 0x0a000001);
		put32(p + 24, 0x0a000002);
		return 0x0806;
	case IN_IPX:
		p = pb_append(b, 33);
		memcpy(p, "\xe0\xe0\x03\xff\xff", 5);
		return 0;
	case IN_ISO:
		p = pb_append(b, 30);
		memcpy(p, "\xfe\xfe\x03\x81\x1c\x01", 6);
		return 0;
	case IN_STP:
		p = pb_append(b, 38);
		memcpy(p, "\x42\x42\x03\x00\x00\x02\x02", 7);
		return 0;
	case IN_MPLS: {
		uint16_t t = inner(b, IN_TCP4);
		(void)t;
		p = pb_prepend(b, 4);
		put32(p, 3u << 12 | 0x100 | 64); /* label 3, bottom of stack */
		return 0x8847;
	}
	}
	p = pb_append(b, 6); /* TCP */
	memcpy(p, "hello!", 6);
	l4(b, 6, 1234, 80);
	return ip(b, k == IN_TCP6, 0, 6);
}

static void push(struct gv *w, struct pb *b)
{
	struct synth_pkt e = { .caplen = (uint32_t)pb_len(b), .len = (uint32_t)pb_len(b), .data = pb_data(b),
			       .dlt = DLT_EN10MB }, o;
	if (synth_rewrap(&e, w->dlt, &o) != 0 && synth_wrap_more(&e, w->dlt, &o) != 0 &&
	    synth_wrap_wlan(&e, w->dlt, &o) != 0)
		return;
	set_push(w->s, &w->cap, o.data, o.caplen, o.len);
	/* cut short: in the Geneve header, just after it, in what it carries */
	static const uint32_t cuts[] = { 23, 38, 60, 83 }; /* bytes off the end */
	for (size_t i = 0; i < ARRAY_LEN(cuts); i++)
		if (o.caplen > cuts[i] + 14)
			set_push(w->s, &w->cap, o.data, o.caplen - cuts[i], o.len);
	synth_pkt_free(&o);
}

/* What carries the outer IP packet: Ethernet alone, a PPPoE session, MPLS labels. */
enum { AR_ETH, AR_PPPOE, AR_MPLS, AR_MPLS2 };

struct shape {
	int v6, opt, vid;          /* outer IP version, IPv4 options, outer VLAN */
	int around, sid;           /* AR_*, the PPPoE session id */
	int ver, words;            /* Geneve version, option words */
	uint32_t vni;
	int teb, ivid, mcast;      /* inner Ethernet, its VLAN, destination (1 multicast, 2 broadcast) */
	uint16_t sport, dport;
};

/* A Geneve header with options, and the UDP, IP and Ethernet outside it, before b. */
static void wrap(struct pb *b, const struct shape *s, uint16_t proto)
{
	uint8_t *g = pb_prepend(b, 8 + 4 * (size_t)s->words);
	g[0] = (uint8_t)(s->ver << 6 | s->words);
	put16(g + 2, proto);
	put32(g + 4, s->vni << 8);
	for (int i = 0; i < s->words; i++)
		g[8 + 4 * i] = 0xa5;
	l4(b, 17, s->sport, s->dport);
	uint16_t type = ip(b, s->v6, s->opt, 17);
	if (s->around == AR_PPPOE)
		type = pppoe(b, (uint16_t)s->sid, type);
	for (int i = 0; i < s->around - AR_PPPOE; i++) { /* bottom of stack first */
		put32(pb_prepend(b, 4), (uint32_t)(16 + i) << 12 | (i ? 0 : 0x100) | 64);
		type = 0x8847;
	}
	eth(b, mac_a, mac_h, s->vid, type);
}

static void one(struct gv *w, const struct shape *s, int k)
{
	struct pb b;
	pb_init(&b);
	uint16_t type = inner(&b, k == IN_GENEVE ? IN_TCP4 : k);
	if (k == IN_GENEVE) { /* a second one inside, in an Ethernet frame */
		struct shape in = *s;
		in.vni = 77, in.words = 1, in.v6 = 0, in.vid = 0, in.around = AR_ETH;
		eth(&b, mac_h, mac_a, 0, type);
		wrap(&b, &in, 0x6558);
		type = 0x6558;
	} else if (s->teb) {
		eth(&b, s->mcast == 2 ? mac_b : s->mcast ? mac_m : mac_h, mac_a, s->ivid, type ? type : (uint16_t)pb_len(&b));
		type = 0x6558;
	} else if (!type || type == 0x0806) {
		type = type ? type : 0x8100; /* no Ethernet to carry it: a type it does not name */
	}
	wrap(&b, s, type);
	push(w, &b);
}

/* A PPPoE session inside: in an inner Ethernet frame (teb) or right
 * after the Geneve header, carrying UDP to 53 or TCP to 80 over IPv4,
 * or IPv6. */
static void pppoe_inside(struct gv *w, const struct shape *s, int k)
{
	struct pb b;
	pb_init(&b);
	uint16_t type = pppoe(&b, (uint16_t)s->sid, inner(&b, k));
	if (s->teb) {
		eth(&b, mac_h, mac_a, s->ivid, type);
		type = 0x6558;
	}
	wrap(&b, s, type);
	push(w, &b);
}

/* The encapsulations around and inside the Geneve packet (see the top). */
static void encaps(struct gv *w)
{
	static const int kinds[] = { IN_TCP4, IN_UDP4, IN_TCP6, IN_ARP, IN_GENEVE };
	static const int arounds[] = { AR_PPPOE, AR_MPLS, AR_MPLS2 };
	unsigned n = 0;
	for (int v6 = 0; v6 < 2; v6++)
		for (size_t a = 0; a < ARRAY_LEN(arounds); a++)
			for (int teb = 0; teb < 2; teb++)
				for (size_t k = 0; k < ARRAY_LEN(kinds); k++, n++) {
					/* without an Ethernet frame inside, no VLAN tag
					 * outside, and but for ARP no options */
					struct shape s = { .v6 = v6, .opt = (int)(n % 3 == 1), .vid = teb && n % 3 != 2 ? 7 : 0,
							   .around = arounds[a], .sid = n / 2 % 2 ? 0x27 : 5,
							   .words = teb ? (int)(n % 3) : kinds[k] == IN_ARP, .vni = n % 4 ? 7 : 5,
							   .teb = teb, .ivid = teb && n % 3 == 2 ? 5 : 0, .sport = 40000,
							   .dport = 6081 };
					one(w, &s, kinds[k]);
					if (n % 3 == 0) { /* to miss: another port */
						s.dport = 6082;
						one(w, &s, kinds[k]);
					}
				}
	for (int v6 = 0; v6 < 2; v6++)
		for (int around = AR_ETH; around <= AR_MPLS; around++)
			for (int teb = 0; teb < 2; teb++)
				for (int k = IN_TCP4; k <= IN_UDP4; k++, n++) {
					struct shape s = { .v6 = v6, .vid = n % 4 == 1 ? 7 : 0, .around = around,
							   .sid = n % 5 % 2 ? 0x27 : 5, .words = (int)(n % 3), .vni = n % 2 ? 7 : 5,
							   .teb = teb, .ivid = teb && n % 3 == 0 ? 5 : 0, .sport = 40000,
							   .dport = 6081 };
					pppoe_inside(w, &s, k);
				}
}

int synth_geneve(struct synth_set *out, int dlt)
{
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	struct gv w = { .s = out, .dlt = dlt };
	static const uint32_t vnis[] = { 10, 0, 0xffffff, 0x123456 };
	unsigned n = 0;
	for (int v6 = 0; v6 < 2; v6++)
		for (int teb = 0; teb < 2; teb++)
			for (int k = 0; k < IN_N; k++, n++) {
				struct shape s = { .v6 = v6, .opt = (int)(n % 3 == 1), .vid = n % 5 == 2 ? 7 : 0,
						   .ver = 0, .words = (int)(n % 4), .vni = vnis[n % 4], .teb = teb,
						   .ivid = teb && n % 3 == 0 ? 5 : 0, .mcast = (int)(n % 2),
						   .sport = 40000, .dport = 6081 };
				one(&w, &s, k);
				if (n % 4 == 0) { /* the ones to miss */
					struct shape m = s;
					m.ver = 1;
					one(&w, &m, k);
					m = s, m.dport = 6082;
					one(&w, &m, k);
					m = s, m.sport = 6081, m.dport = 40000;
					one(&w, &m, k);
				}
			}
	/* the combinations the loop above misses */
	static const struct shape more[] = {
		{ .teb = 1, .vni = 10, .dport = 6081, .sport = 40000 },
		{ .teb = 1, .vid = 7, .vni = 10, .dport = 6081, .sport = 40000, .words = 2 },
		{ .teb = 0, .vid = 7, .v6 = 1, .vni = 10, .dport = 6081, .sport = 40000 },
		{ .teb = 1, .mcast = 2, .vni = 3, .dport = 6081, .sport = 40000, .words = 1 },
		{ .teb = 1, .mcast = 2, .ivid = 5, .v6 = 1, .vni = 3, .dport = 6081, .sport = 40000 },
		{ .teb = 1, .ivid = 5, .vni = 10, .dport = 6081, .sport = 40000, .words = 3 },
		{ .teb = 1, .v6 = 1, .vni = 10, .dport = 6081, .sport = 40000, .words = 1 },
	};
	for (size_t i = 0; i < ARRAY_LEN(more); i++)
		for (int k = 0; k < IN_N; k++)
			one(&w, &more[i], k);
	encaps(&w);
	return out->n ? 0 : -1;
}
