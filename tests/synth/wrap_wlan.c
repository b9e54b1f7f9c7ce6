/*
 * wrap_wlan.c: 802.11 frames behind the radio headers libpcap reads the
 * length of (radiotap, PPI, AVS, Prism), for the 802.11 link types.
 *
 * An Ethernet packet becomes a data frame: the 802.11 header (24 bytes,
 * 30 with a fourth address between two DSs, 2 more for QoS) with the
 * Ethernet addresses placed as the DS bits place them, then an LLC+SNAP
 * header with the ethertype (an 802.3 frame keeps its own LLC header) and
 * the payload.  A hash of the packet picks the frame's type and subtype
 * (mostly data, some management and control frames), its DS bits and the
 * radio header variant: radiotap with and without the flags field, the
 * TSFT before it, the data-pad flag (the payload then starts on a 4-byte
 * boundary, as libpcap reads it) and an extended present word; PPI of
 * several lengths, a few carrying another DLT; AVS of two lengths; Prism,
 * and Prism holding an AVS header.  Some frames are cut inside the radio
 * or 802.11 header.  synth_wlan_set adds hand-built frames of every type,
 * subtype and DS combination with the expression list's addresses.
 */
#include "synth_int.h"
#include "wrap_wlan.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

#define NVARIANT 8

static uint32_t hash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void put16le(uint8_t *p, uint16_t v) { p[0] = v & 0xff; p[1] = v >> 8; }
static void put32le(uint8_t *p, uint32_t v) { put16le(p, v & 0xffff); put16le(p + 2, v >> 16); }

int synth_wlan_has(int dlt)
{
	return dlt == DLT_IEEE802_11 || dlt == DLT_IEEE802_11_RADIO || dlt == DLT_PPI ||
	       dlt == DLT_IEEE802_11_RADIO_AVS || dlt == DLT_PRISM_HEADER;
}

/* The radio header of variant v (at most 160 bytes): its length; *pad is
 * set when it says the 802.11 header is padded to 4 bytes. */
static uint32_t radio(int dlt, unsigned v, uint32_t h, uint8_t *p, int *pad)
{
	*pad = 0;
	switch (dlt) {
	case DLT_IEEE802_11_RADIO: {
		/* present word (little-endian), length, where the flags byte is */
		static const struct { uint32_t present; uint16_t len; int flags_at; uint8_t flags; } rt[NVARIANT] = {
			{ 0x00000000, 8, -1, 0 },
			{ 0x00000002, 10, 8, 0x00 },
			{ 0x00000002, 10, 8, 0x20 },        /* data pad */
			{ 0x00000003, 18, 16, 0x20 },       /* TSFT, then the flags */
			{ 0x00000003, 18, 16, 0x10 },       /* FCS at the end */
			{ 0x80000002, 16, 12, 0x20 },       /* an extended bitmap: libpcap gives up */
			{ 0x0000482f, 26, 16, 0x22 },
			{ 0x0000482e, 36, 8, 0x20 },
		};
		p[0] = 0, p[1] = 0;
		put16le(p + 2, rt[v].len);
		put32le(p + 4, rt[v].present);
		for (uint32_t i = 8; i < rt[v].len; i++)
			p[i] = (uint8_t)(h >> (i % 24));
		if (rt[v].present & 0x80000000u)
			put32le(p + 8, h & 0x7fffffffu); /* the next present word */
		if (rt[v].flags_at >= 0)
			p[rt[v].flags_at] = rt[v].flags;
		*pad = rt[v].flags_at >= 0 && (rt[v].flags & 0x20) && !(rt[v].present & 0x80000000u);
		return rt[v].len;
	}
	case DLT_PPI: { /* version, flags, length, DLT (little-endian), fields */
		static const uint16_t len[NVARIANT] = { 8, 20, 32, 8, 44, 20, 24, 8 };
		static const uint32_t dl[NVARIANT] = { 105, 105, 105, 1, 105, 127, 105, 105 };
		p[0] = 0, p[1] = 0;
		put16le(p + 2, len[v]);
		put32le(p + 4, dl[v]);
		for (uint32_t i = 8; i < len[v]; i++)
			p[i] = (uint8_t)(h >> (i % 24));
		return len[v];
	}
	case DLT_IEEE802_11_RADIO_AVS: { /* version magic, header length (big-endian), ... */
		uint32_t len = v % 3 == 2 ? 72 : 64;
		put32(p, 0x80211001);
		put32(p + 4, len);
		for (uint32_t i = 8; i < len; i++)
			p[i] = (uint8_t)(h >> (i % 24));
		return len;
	}
	case DLT_PRISM_HEADER: /* 144 bytes of Prism, or an AVS header there */
		if (v % 4 == 3) {
			put32(p, 0x80211001);
			put32(p + 4, 64);
			for (uint32_t i = 8; i < 64; i++)
				p[i] = (uint8_t)(h >> (i % 24));
			return 64;
		}
		put32le(p, 0x44);
		put32le(p + 4, 144);
		for (uint32_t i = 8; i < 144; i++)
			p[i] = (uint8_t)(h >> (i % 24));
		return 144;
	}
	return 0;
}

/* The 802.11 header: frame control, duration, addr1..addr3, sequence,
 * addr4 between two DSs, QoS control in a QoS data frame.  Its length. */
static uint32_t mac_header(uint8_t *p, uint8_t fc0, uint8_t fc1, const uint8_t *a[4], uint32_t h)
{
	p[0] = fc0, p[1] = fc1;
	put16(p + 2, (uint16_t)(h & 0x7fff));
	memcpy(p + 4, a[0], 6);
	memcpy(p + 10, a[1], 6);
	memcpy(p + 16, a[2], 6);
	put16(p + 22, (uint16_t)(h >> 4));
	uint32_t len = 24;
	if ((fc1 & 3) == 3) {
		memcpy(p + 24, a[3], 6);
		len = 30;
	}
	if ((fc0 & 0x0c) == 0x08 && (fc0 & 0x80)) {
		put16(p + len, (uint16_t)(h % 8));
		len += 2;
	}
	return len;
}

/* A control frame's length: CTS and ACK have addr1 only. */
static uint32_t ctl_len(uint8_t fc0)
{
	uint8_t st = fc0 & 0xf0;
	return st == 0xc0 || st == 0xd0 ? 10 : 16;
}

static const uint8_t macs[][6] = {
	{ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 }, { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb },
	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 }, { 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 },
};
#define NMACS (sizeof macs / sizeof macs[0])

/* Addresses as the DS bits place a frame's destination, source and the
 * access point(s). */
static void place(const uint8_t *a[4], int ds, const uint8_t *da, const uint8_t *sa, const uint8_t *ap,
		  const uint8_t *ap2)
{
	switch (ds) {
	case 0: a[0] = da, a[1] = sa, a[2] = ap, a[3] = ap2; break;
	case 1: a[0] = ap, a[1] = sa, a[2] = da, a[3] = ap2; break;
	case 2: a[0] = da, a[1] = ap, a[2] = sa, a[3] = ap2; break;
	default: a[0] = ap, a[1] = ap2, a[2] = da, a[3] = sa; break;
	}
}

/* Assemble radio header, 802.11 header and body into *out; cut says how
 * many bytes of the whole to keep (0: all the body's captured bytes). */
static int assemble(int dlt, unsigned v, uint32_t h, uint8_t fc0, uint8_t fc1, const uint8_t *a[4],
		    const uint8_t *body, uint32_t body_cap, uint32_t body_len, uint32_t cut, struct synth_pkt *out)
{
	uint8_t hdr[160 + 64 + 8];
	int pad;
	uint32_t rl = radio(dlt, v, h, hdr, &pad);
	uint32_t ml;
	if ((fc0 & 0x0c) == 0x04) {
		uint8_t tmp[40];
		ml = mac_header(tmp, fc0, fc1, a, h);
		ml = ctl_len(fc0);
		memcpy(hdr + rl, tmp, ml);
		body_cap = body_len = 0;
	} else {
		ml = mac_header(hdr + rl, fc0, fc1, a, h);
	}
	uint32_t hl = rl + ml;
	if (pad && (fc0 & 0x0c) == 0x08) /* libpcap: the payload on a 4-byte boundary */
		while (hl % 4)
			hdr[hl++] = 0;
	out->len = hl + body_len;
	out->caplen = hl + body_cap;
	if (cut && cut < out->caplen)
		out->caplen = cut;
	out->dlt = dlt;
	out->data = malloc(out->caplen ? out->caplen : 1);
	if (!out->data)
		return -1;
	memcpy(out->data, hdr, out->caplen < hl ? out->caplen : hl);
	if (out->caplen > hl)
		memcpy(out->data + hl, body, out->caplen - hl);
	return 0;
}

int synth_wrap_wlan(const struct synth_pkt *eth, int dlt, struct synth_pkt *out)
{
	memset(out, 0, sizeof *out);
	if (!synth_wlan_has(dlt) || eth->caplen < 14)
		return -1;
	const uint8_t *d = eth->data;
	uint32_t h = hash(d, eth->caplen);
	uint16_t type = get16(d + 12);
	/* the body: an 802.3 frame's own LLC header, else LLC+SNAP and the type */
	uint32_t cap = eth->caplen - 14, len = eth->len - 14, sl = type > 1500 ? 8 : 0;
	uint8_t *body = malloc(cap + sl + 1);
	if (!body)
		return -1;
	if (sl) { /* (an 802.3 body may be shorter than a SNAP header) */
		memcpy(body, "\xaa\xaa\x03\x00\x00\x00", 6);
		put16(body + 6, type);
	}
	memcpy(body + sl, d + 14, cap);
	/* mostly data frames (a third QoS), some management, some control */
	static const uint8_t kinds[] = { 0x08, 0x88, 0x08, 0x88, 0x08, 0x28, 0x08, 0xa8, 0x80, 0x50, 0xd4, 0xb4, 0x08, 0x48 };
	static const int dss[] = { 0, 1, 2, 1, 2, 0, 3, 1, 2, 0, 3 };
	uint8_t fc0 = kinds[h % sizeof kinds], fc1 = (uint8_t)dss[(h >> 8) % (sizeof dss / sizeof dss[0])];
	if ((h >> 12) % 5 == 0)
		fc1 |= 0x08; /* retry */
	if ((h >> 15) % 7 == 0)
		fc1 |= 0x40; /* protected */
	const uint8_t *a[4];
	place(a, fc1 & 3, d, d + 6, macs[(h >> 18) % NMACS], macs[(h >> 21) % NMACS]);
	uint32_t cut = (h >> 24) % 23 == 0 ? (h >> 5) % 60 : 0; /* inside the headers */
	int r = assemble(dlt, (h >> 3) % NVARIANT, h, fc0, fc1, a, body, cap + sl, len + sl, cut, out);
	free(body);
	return r;
}

static int add(struct synth_set *out, const struct synth_pkt *p)
{
	struct synth_pkt *n = realloc(out->pkts, sizeof *n * (out->n + 1));
	if (!n)
		return -1;
	out->pkts = n;
	out->pkts[out->n++] = *p;
	return 0;
}

int synth_wlan_set(struct synth_set *out, int dlt)
{
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	if (!synth_wlan_has(dlt))
		return -1;
	/* an LLC+SNAP IPv4 UDP packet 10.0.0.1 -> 10.0.0.2, ports 53 -> 1024 */
	static const uint8_t body[] = {
		0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00,
		0x45, 0x00, 0x00, 0x24, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
		10, 0, 0, 1, 10, 0, 0, 2,
		0x00, 0x35, 0x04, 0x00, 0x00, 0x10, 0x00, 0x00, 'w', 'l', 'a', 'n', 0, 0, 0, 0,
	};
	/* the Ethernet edge cases (RARP, LLC frames, MPLS, ...) as data frames */
	struct synth_set eth;
	if (synth_edges(&eth, DLT_EN10MB) == 0) {
		for (size_t i = 0; i < eth.n; i++) {
			struct synth_pkt p;
			eth.pkts[i].dlt = DLT_EN10MB;
			if (synth_wrap_wlan(&eth.pkts[i], dlt, &p) == 0 && add(out, &p)) {
				synth_set_free(&eth);
				return -1;
			}
		}
	}
	synth_set_free(&eth);
	unsigned k = 0;
	for (unsigned t = 0; t < 4; t++) {         /* mgt, ctl, data, reserved */
		for (unsigned st = 0; st < 16; st++) {
			if (t == 3 && st > 1)
				break;
			for (int ds = 0; ds < 4; ds++) {
				for (unsigned m = 0; m < 3; m++, k++) {
					const uint8_t *a[4];
					place(a, ds, macs[m % NMACS], macs[(m + 1) % NMACS], macs[(m + 2 + (unsigned)ds) % NMACS],
					      macs[(m + 3) % NMACS]);
					struct synth_pkt p;
					uint32_t h = k * 2654435761u;
					uint8_t fc0 = (uint8_t)(st << 4 | t << 2), fc1 = (uint8_t)ds;
					if (assemble(dlt, k % NVARIANT, h, fc0, fc1, a, body, sizeof body, sizeof body,
						     k % 11 == 5 ? 3 + k % 40 : 0, &p) || add(out, &p))
						return -1;
				}
			}
		}
	}
	return 0;
}
