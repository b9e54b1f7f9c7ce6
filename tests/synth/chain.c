/*
 * chain.c: IP header chains for `protochain` (synth_chains).
 *
 * libpcap's protochain walks a chain its own way: after IPv6 it skips
 * hop-by-hop (0), destination options (60), routing (43) and fragment (44)
 * by (length + 1) * 8 bytes, and AH (51), after IPv6 or IPv4, by moving to
 * (length + 2) * 4 bytes from the start of the IP header (not from the AH
 * header).  Real chains with AH therefore send its walk elsewhere; these
 * packets are built the other way round: each header is placed where the
 * walk will look for it, so a packet has exactly the number of headers
 * the walk skips, 0 to 10 (past bpfx's bound of 8, for the exemption), of
 * every kind, ending in a transport protocol, "no next header" (59), or a
 * header libpcap does not skip (ESP 50, mobility 135, an unknown 253).
 * Also: copies cut inside the chain, copies behind a VLAN tag, and four
 * chains on which libpcap's loop never ends (an AH that points back).
 * No randomness but a fixed-seed RNG: the list is the same on every run.
 */
#include "synth_int.h"
#include "wrap_more.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

#define CHAIN_MAX 10
#define BUF 2048

static const uint8_t v6_skip[] = { 0, 60, 43, 44, 51 };
static const uint8_t ends[] = { 6, 17, 58, 59, 50, 135, 253, 1, 6, 17 };

struct chains {
	struct synth_set *s;
	int dlt;
	size_t cap;
	uint64_t rng;
};

static uint32_t pick(struct chains *c, uint32_t n)
{
	return (uint32_t)(synth_rand(&c->rng) % n);
}

static void push(struct chains *c, const uint8_t *d, uint32_t caplen, uint32_t len)
{
	set_push(c->s, &c->cap, d, caplen, len);
}

/* Wrap the IP packet ip (n bytes) in Ethernet (behind a VLAN tag if vid),
 * re-wrap it into the set's link type, and add it whole and, if cut > 0,
 * again captured to cut bytes of the IP packet. */
static void emit(struct chains *c, const uint8_t *ip, size_t n, int v6, int vid, size_t cut)
{
	static uint8_t frame[BUF + 32];
	size_t h = vid ? 18 : 14;
	memcpy(frame, "\x66\x77\x88\x99\xaa\xbb\x00\x11\x22\x33\x44\x55", 12);
	if (vid) {
		put16(frame + 12, 0x8100);
		put16(frame + 14, (uint16_t)vid);
	}
	put16(frame + h - 2, v6 ? 0x86dd : 0x0800);
	memcpy(frame + h, ip, n);
	struct synth_pkt eth = { .caplen = (uint32_t)(h + n), .len = (uint32_t)(h + n), .data = frame,
				 .dlt = DLT_EN10MB }, w;
	if (synth_rewrap(&eth, c->dlt, &w) != 0 && synth_wrap_more(&eth, c->dlt, &w) != 0)
		return;
	push(c, w.data, w.caplen, w.len);
	if (cut && cut < n && w.caplen > n - cut)
		push(c, w.data, w.caplen - (uint32_t)(n - cut), w.len);
	synth_pkt_free(&w);
}

/* One chain of k headers after an IPv4 (ihl words) or IPv6 header, placed
 * where libpcap's walk looks; returns the packet's length and the offset
 * of the k-th header (for a cut) in *mid. */
static size_t chain(struct chains *c, uint8_t *p, int v6, int ihl, int k, uint8_t last, size_t *mid)
{
	for (size_t i = 0; i < BUF; i++)
		p[i] = (uint8_t)synth_rand(&c->rng);
	size_t t = v6 ? 40 : 4 * (size_t)ihl;
	uint8_t *nh = v6 ? &p[6] : &p[9];
	*mid = t;
	for (int i = 0; i < k; i++) {
		uint8_t type = v6 ? v6_skip[pick(c, sizeof v6_skip)] : 51;
		*nh = type;
		nh = &p[t];
		if (i == k / 2)
			*mid = t + 1;
		size_t next;
		if (type == 51) { /* the walk goes to (len + 2) * 4 from the IP header */
			uint32_t len = (uint32_t)((t + 8 + 3) / 4 - 2 + pick(c, 3));
			p[t + 1] = (uint8_t)len;
			next = (len + 2) * 4;
		} else if (type == 44) { /* reserved byte: 8 bytes; a first or a later fragment */
			p[t + 1] = pick(c, 8) ? 0 : 1;
			put16(p + t + 2, pick(c, 2) ? 1 : (uint16_t)(pick(c, 8191) << 3));
			next = t + (p[t + 1] + 1u) * 8;
		} else {
			p[t + 1] = (uint8_t)pick(c, 3);
			next = t + (p[t + 1] + 1u) * 8;
		}
		t = next;
	}
	*nh = last;
	size_t n = t + 20;
	if (v6) {
		p[0] = 0x60;
		put16(p + 4, (uint16_t)(n - 40));
	} else {
		p[0] = (uint8_t)(0x40 | ihl);
		put16(p + 2, (uint16_t)n);
		put16(p + 6, 0); /* not a fragment */
	}
	return n;
}

/* Chains on which libpcap's loop never ends: an AH whose length points
 * back to itself or to the header before it. */
static void loops(struct chains *c)
{
	uint8_t p[128];
	memset(p, 0, sizeof p);
	/* IPv6: hop-by-hop at 40 -> AH at 48, length 8: back to 40 */
	p[0] = 0x60, p[5] = 88, p[6] = 0;
	p[40] = 51, p[41] = 0;
	p[48] = 6, p[49] = 8;
	emit(c, p, 128, 1, 0, 0);
	p[6] = 51, p[40] = 6, p[41] = 8; /* AH at 40, length 8: itself */
	emit(c, p, 128, 1, 0, 0);
	/* IPv4: AH at 20, length 3: itself; with IHL 6, AH at 24, length 4 */
	memset(p, 0, sizeof p);
	p[0] = 0x45, p[3] = 128, p[9] = 51, p[20] = 6, p[21] = 3;
	emit(c, p, 128, 0, 0, 0);
	p[0] = 0x46, p[20] = 0, p[21] = 0, p[24] = 17, p[25] = 4;
	emit(c, p, 128, 0, 0, 0);
}

int synth_chains(struct synth_set *out, int dlt)
{
	struct chains c = { .s = out, .dlt = dlt, .rng = 0x70c4a1 };
	static uint8_t p[BUF];
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	for (int k = 0; k <= CHAIN_MAX; k++) {
		for (int v = 0; v < 12; v++) {
			int v6 = v < 8;
			size_t mid;
			uint8_t last = ends[(size_t)(k + v) % sizeof ends];
			if (v == 7) /* a header the walk skips, after the chain */
				last = v6_skip[(size_t)k % sizeof v6_skip];
			size_t n = chain(&c, p, v6, v6 ? 5 : 5 + v % 3, k, last, &mid);
			emit(&c, p, n, v6, v == 2 || v == 9 ? 100 : 0, v % 3 == 1 ? mid : 0);
		}
	}
	loops(&c);
	return out->n ? 0 : -1;
}
