/*
 * edge.c: a fixed list of hand-built packets (synth_edges), for the
 * expressions of the differential test that the random sets rarely or
 * never satisfy: every LLC U and S frame type, MPLS stacks with IP/TCP
 * inside, nested PPPoE sessions with the ids the list names, RARP, the UDP
 * and IGRP payloads the list tests, port and host pairs, and IPv6 under
 * NULL/LOOP with each AF_INET6 value (Linux 10, BSD 24, 28, 30) in both
 * byte orders.  No randomness: the list is the same on every run.
 */
#include "synth_int.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

#define IP4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))

static const uint8_t mac_a[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t mac_b[6] = { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb };
static const uint8_t mac_012345[6] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05 };
static const uint8_t ip6_doc1[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t ip6_doc2[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

/* Transport headers, appended (checksums are zero: no filter reads them). */
static void tcp(struct pb *b, uint16_t sport, uint16_t dport, uint8_t flags)
{
	uint8_t *t = pb_append(b, 20);
	put16(t, sport);
	put16(t + 2, dport);
	put32(t + 4, 1000);
	t[12] = 5 << 4;
	t[13] = flags;
	put16(t + 14, 8192);
}

static void udp(struct pb *b, uint16_t sport, uint16_t dport, const char *payload)
{
	size_t n = strlen(payload);
	uint8_t *u = pb_append(b, 8 + n);
	put16(u, sport);
	put16(u + 2, dport);
	put16(u + 4, (uint16_t)(8 + n));
	memcpy(u + 8, payload, n);
}

static void bytes(struct pb *b, const uint8_t *p, size_t n)
{
	memcpy(pb_append(b, n), p, n);
}

/* Network headers, prepended around what b holds. */
static void ip4(struct pb *b, uint32_t src, uint32_t dst, uint8_t proto)
{
	uint16_t len = (uint16_t)(pb_len(b) + 20);
	uint8_t *h = pb_prepend(b, 20);
	h[0] = 0x45;
	put16(h + 2, len);
	h[8] = 64;
	h[9] = proto;
	put32(h + 12, src);
	put32(h + 16, dst);
	put16(h + 10, cksum_fold(cksum_add(0, h, 20)));
}

static void ip6(struct pb *b, const uint8_t *src, const uint8_t *dst, uint8_t nh)
{
	uint16_t len = (uint16_t)pb_len(b);
	uint8_t *h = pb_prepend(b, 40);
	h[0] = 0x60;
	put16(h + 4, len);
	h[6] = nh;
	h[7] = 64;
	memcpy(h + 8, src, 16);
	memcpy(h + 24, dst, 16);
}

static void mpls(struct pb *b, uint32_t label, int bottom)
{
	put32(pb_prepend(b, 4), label << 12 | (uint32_t)bottom << 8 | 64);
}

/* A PPPoE session header (RFC 2516) with PPP protocol ppp. */
static void pppoe(struct pb *b, uint16_t session, uint16_t ppp)
{
	uint16_t len = (uint16_t)(pb_len(b) + 2);
	uint8_t *h = pb_prepend(b, 8);
	h[0] = 0x11;
	put16(h + 2, session);
	put16(h + 4, len);
	put16(h + 6, ppp);
}

static void vlan(struct pb *b, uint16_t vid, uint16_t type)
{
	uint8_t *h = pb_prepend(b, 4);
	put16(h, vid);
	put16(h + 2, type);
}

/* Ethernet; type 0 is an 802.3 frame (the length of what b holds). */
static void ether(struct pb *b, uint16_t type, const uint8_t *src)
{
	if (!type)
		type = (uint16_t)pb_len(b);
	uint8_t *e = pb_prepend(b, 14);
	memcpy(e, mac_b, 6);
	memcpy(e + 6, src, 6);
	put16(e + 12, type);
}

static void push(struct set_list *l, const uint8_t *d, size_t n)
{
	set_push(l->s, &l->cap, d, (uint32_t)n, (uint32_t)n);
}

/* Add the Ethernet frame b holds, re-wrapped into the list's link type. */
static void emit(struct set_list *l, struct pb *b)
{
	struct synth_pkt eth = { .caplen = (uint32_t)pb_len(b), .len = (uint32_t)pb_len(b),
				 .data = pb_data(b), .dlt = DLT_EN10MB }, w;
	if (synth_rewrap(&eth, l->dlt, &w) == 0) {
		push(l, w.data, w.caplen);
		synth_pkt_free(&w);
	}
}

/* An 802.2 LLC frame: DSAP, SSAP, a 1-byte (U) or 2-byte (I, S) control. */
static void llc_frame(struct set_list *l, uint8_t dsap, uint16_t ctrl, int ctrl2, int vid,
		      const uint8_t *src)
{
	static const uint8_t info[8] = { 0x81, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
	struct pb b;
	pb_init(&b);
	uint8_t *h = pb_append(&b, 2);
	h[0] = dsap, h[1] = dsap;
	if (ctrl2)
		put16(pb_append(&b, 2), ctrl);
	else
		*pb_append(&b, 1) = (uint8_t)ctrl;
	bytes(&b, info, sizeof info);
	if (vid >= 0) {
		uint16_t len = (uint16_t)pb_len(&b);
		vlan(&b, (uint16_t)vid, len);
		ether(&b, 0x8100, src);
	} else {
		ether(&b, 0, src);
	}
	emit(l, &b);
}

static void llc_all(struct set_list *l)
{
	/* U frames (IEEE 802.2 5.4.1.1.3): UI, UA, DISC, DM, SABME, TEST, XID,
	 * FRMR, each with the P/F bit clear and set */
	static const uint8_t u[] = { 0x03, 0x63, 0x43, 0x0f, 0x6f, 0xe3, 0xaf, 0x87 };
	/* S frames: RR, RNR, REJ; I frames: N(S) in the first byte */
	static const uint16_t s[] = { 0x0100, 0x0501, 0x0900, 0x0000, 0x0201 };
	static const uint8_t saps[] = { 0x42, 0xe0, 0x06, 0x64, 0xfe };
	for (size_t i = 0; i < ARRAY_LEN(u); i++) {
		llc_frame(l, 0x42, u[i], 0, -1, mac_a);
		llc_frame(l, 0xe0, u[i] | 0x10, 0, -1, mac_a);
	}
	for (size_t i = 0; i < ARRAY_LEN(s); i++) {
		llc_frame(l, 0xf0, s[i], 1, -1, mac_a);
		llc_frame(l, 0xf0, s[i], 1, 3, mac_a);
	}
	for (size_t i = 0; i < ARRAY_LEN(saps); i++)
		llc_frame(l, saps[i], 0x03, 0, -1, mac_012345);
}

/* IPv4 TCP, UDP and other packets between the list's hosts and ports. */
static void ip4_pairs(struct set_list *l)
{
	static const struct {
		uint32_t src, dst;
		uint16_t sport, dport;
	} t[] = {
		{ IP4(10, 0, 0, 1), IP4(192, 168, 1, 1), 1234, 80 },
		{ IP4(192, 168, 1, 1), IP4(10, 0, 0, 1), 443, 1234 },
		{ IP4(127, 0, 0, 1), IP4(10, 0, 0, 1), 80, 443 },
		{ IP4(10, 0, 0, 2), IP4(10, 0, 0, 3), 10000, 10000 },
		{ IP4(10, 0, 0, 2), IP4(10, 0, 0, 3), 80, 8080 },
		{ IP4(169, 254, 1, 1), IP4(169, 254, 0, 0), 5353, 80 }, /* /etc/networks' link-local */
		{ IP4(134, 221, 0, 1), IP4(0, 17, 34, 51), 22, 22 },
	};
	struct pb b;
	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		pb_init(&b);
		tcp(&b, t[i].sport, t[i].dport, 0x18);
		ip4(&b, t[i].src, t[i].dst, 6);
		ether(&b, 0x0800, mac_a);
		emit(l, &b);
		pb_init(&b);
		udp(&b, t[i].sport, t[i].dport, "x");
		ip4(&b, t[i].src, t[i].dst, 17);
		ether(&b, 0x0800, mac_a);
		emit(l, &b);
	}
	/* a Redis request ("*1\r\n") and DNS, IGRP (protocol 9) update, SCTP */
	pb_init(&b);
	udp(&b, 40000, 6379, "*1\r\n$4\r\nPING\r\n");
	ip4(&b, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2), 17);
	ether(&b, 0x0800, mac_a);
	emit(l, &b);
	pb_init(&b);
	bytes(&b, (const uint8_t[]){ 0x01, 0x01, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 }, 12);
	ip4(&b, IP4(10, 0, 0, 1), IP4(255, 255, 255, 255), 9);
	ether(&b, 0x0800, mac_a);
	emit(l, &b);
	pb_init(&b);
	bytes(&b, (const uint8_t[]){ 0, 80, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0 }, 12);
	ip4(&b, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2), 132);
	ether(&b, 0x0800, mac_a);
	emit(l, &b);
}

/* MPLS stacks (5, 6; 6, 5; 5 alone) over IPv4 TCP port 80 and IPv6. */
static void mpls_all(struct set_list *l)
{
	static const uint32_t stacks[][2] = { { 5, 6 }, { 6, 5 }, { 5, 0 }, { 1048575, 0 } };
	struct pb b;
	for (size_t i = 0; i < ARRAY_LEN(stacks); i++) {
		for (int v6 = 0; v6 < 2; v6++) {
			pb_init(&b);
			tcp(&b, 1234, 80, 0x02);
			if (v6)
				ip6(&b, ip6_doc1, ip6_doc2, 6);
			else
				ip4(&b, IP4(10, 0, 0, 1), IP4(192, 168, 1, 1), 6);
			if (stacks[i][1]) {
				mpls(&b, stacks[i][1], 1);
				mpls(&b, stacks[i][0], 0);
			} else {
				mpls(&b, stacks[i][0], 1);
			}
			ether(&b, 0x8847, mac_a);
			emit(l, &b);
		}
	}
}

/* A new packet: a TCP SYN from 10.0.0.1:1234 to 10.0.0.2:80. */
static void syn4(struct pb *b)
{
	pb_init(b);
	tcp(b, 1234, 80, 0x02);
	ip4(b, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2), 6);
}

/* PPPoE sessions: nested (ids 1 then 3), behind VLAN 100, over UDP 53,
 * over MPLS, and carrying PPP protocol 0x00fe. */
static void pppoe_all(struct set_list *l)
{
	struct pb b;
	syn4(&b);
	pppoe(&b, 3, 0x0021);
	pppoe(&b, 1, 0x8864);
	ether(&b, 0x8864, mac_a);
	emit(l, &b);
	syn4(&b);
	pppoe(&b, 0x27, 0x0021);
	vlan(&b, 100, 0x8864);
	ether(&b, 0x8100, mac_a);
	emit(l, &b);
	pb_init(&b);
	udp(&b, 5353, 53, "\x12\x34\x01\x00");
	ip4(&b, IP4(10, 0, 0, 1), IP4(8, 8, 8, 8), 17);
	pppoe(&b, 0x27, 0x0021);
	ether(&b, 0x8864, mac_a);
	emit(l, &b);
	pb_init(&b);
	tcp(&b, 1234, 80, 0x02);
	ip6(&b, ip6_doc1, ip6_doc2, 6);
	mpls(&b, 5, 1);
	pppoe(&b, 1, 0x0281);
	ether(&b, 0x8864, mac_a);
	emit(l, &b);
	for (int i = 0; i < 2; i++) { /* 0x00fe, and OSI (0x0023): what "ether proto 0xfe" means in PPP */
		pb_init(&b);
		bytes(&b, (const uint8_t[]){ 0xfe, 0xfe, 0x03, 4, 5, 6, 7, 8 }, 8);
		pppoe(&b, 1, i ? 0x0023 : 0x00fe);
		ether(&b, 0x8864, mac_a);
		emit(l, &b);
	}
}

/* RARP (RFC 903) requests and replies naming 10.0.0.1. */
static void rarp_all(struct set_list *l)
{
	for (int op = 3; op <= 4; op++) {
		for (int who = 0; who < 2; who++) {
			struct pb b;
			pb_init(&b);
			uint8_t *a = pb_append(&b, 28);
			put16(a, 1);
			put16(a + 2, 0x0800);
			a[4] = 6, a[5] = 4;
			put16(a + 6, (uint16_t)op);
			memcpy(a + 8, mac_a, 6);
			put32(a + 14, who ? IP4(10, 0, 0, 2) : IP4(10, 0, 0, 1));
			memcpy(a + 18, mac_b, 6);
			put32(a + 24, who ? IP4(10, 0, 0, 1) : IP4(10, 0, 0, 3));
			ether(&b, 0x8035, mac_a);
			emit(l, &b);
		}
	}
}

/* IPv6 ICMPv6 echo, TCP (to port 80; 80 to 8080) and UDP, between
 * 2001:db8::1 and ::2, and from ::1. */
static void ip6_all(struct set_list *l)
{
	static const uint8_t lo[16] = { [15] = 1 };
	struct pb b;
	for (int i = 0; i < 4; i++) {
		pb_init(&b);
		if (i == 0)
			bytes(&b, (const uint8_t[]){ 128, 0, 0, 0, 0, 1, 0, 1 }, 8);
		else if (i == 1)
			tcp(&b, 1234, 80, 0x02);
		else if (i == 3)
			tcp(&b, 80, 8080, 0x10);
		else
			udp(&b, 5353, 53, "q");
		ip6(&b, i == 2 ? lo : ip6_doc1, ip6_doc2, i == 0 ? 58 : i == 2 ? 17 : 6);
		ether(&b, 0x86dd, mac_a);
		emit(l, &b);
	}
}

/* NULL and LOOP: the IPv6 packets again under each AF_INET6 value, in
 * either byte order (a capture file from the other endianness). */
static void null_afs(struct set_list *l)
{
	if (l->dlt != DLT_NULL && l->dlt != DLT_LOOP)
		return;
	static const uint32_t afs[] = { 10, 24, 28, 30 };
	size_t n = l->s->n;
	for (size_t i = 0; i < n; i++) {
		const struct synth_pkt *p = &l->s->pkts[i];
		if (p->caplen < 5 || (p->data[4] >> 4) != 6)
			continue;
		for (size_t a = 0; a < ARRAY_LEN(afs); a++) {
			for (int sw = 0; sw < 2; sw++) {
				uint32_t af = sw ? __builtin_bswap32(afs[a]) : afs[a];
				uint8_t buf[256];
				if (p->caplen > sizeof buf)
					continue;
				memcpy(buf, p->data, p->caplen);
				memcpy(buf, &af, 4);
				push(l, buf, p->caplen);
				p = &l->s->pkts[i]; /* push may move the array */
			}
		}
	}
}

int synth_ip4(int dlt, uint32_t src, uint32_t dst, uint8_t proto, uint16_t sport, uint16_t dport,
	      struct synth_pkt *out)
{
	struct pb b;
	pb_init(&b);
	if (proto == 17)
		udp(&b, sport, dport, "x");
	else
		tcp(&b, sport, dport, 0x10);
	ip4(&b, src, dst, proto == 17 ? 17 : 6);
	ether(&b, 0x0800, mac_a);
	struct synth_pkt eth = { .caplen = (uint32_t)pb_len(&b), .len = (uint32_t)pb_len(&b),
				 .data = pb_data(&b), .dlt = DLT_EN10MB };
	return synth_rewrap(&eth, dlt, out);
}

int synth_edges(struct synth_set *out, int dlt)
{
	static set_part *const parts[] = { llc_all, ip4_pairs, mpls_all, pppoe_all, rarp_all, ip6_all, null_afs };
	return set_build(out, dlt, parts, ARRAY_LEN(parts));
}
