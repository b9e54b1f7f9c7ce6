/*
 * wrap_more.c: link headers for the link types synth_rewrap does not make.
 * An Ethernet frame's VLAN tags go; what the link header says about the
 * network protocol comes from the ethertype (or, for an 802.3 frame, the
 * LLC header's DSAP), in each link type's words (pcap-linktype(7)).  The
 * header's other bytes (addresses, direction, AF variants, the first byte
 * SLIP's `ip` test reads) come from a hash of the packet, so a packet
 * wraps the same way every time and the values filters test all occur.
 */
#include "synth_int.h"
#include "wrap_more.h"
#include "linktype.h"
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* The PPP protocol for an ethertype (RFC 1661's numbers, as libpcap maps
 * them), or for an LLC frame's DSAP; the others as they are. */
static uint16_t ppp_proto(uint16_t type, int llc, uint8_t dsap)
{
	static const struct { uint16_t from, ppp; } map[] = {
		{ 0x0800, 0x0021 }, { 0x86dd, 0x0057 }, { 0x8847, 0x0281 }, { 0x6003, 0x0027 },
		{ 0x809b, 0x0029 }, { 0x0600, 0x0025 }, { 0x00fe, 0x0023 }, { 0x0042, 0x0031 },
		{ 0x00e0, 0x002b },
	};
	uint16_t key = llc ? dsap : type;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].from == key)
			return map[i].ppp;
	return key;
}

struct frame {
	const uint8_t *body; /* what follows the link header */
	uint32_t caplen, len;
	uint16_t type;       /* ethertype, or the 802.3 length */
	int llc;             /* body starts with an 802.2 LLC header */
	uint32_t h;
};

static int parse(const struct synth_pkt *eth, struct frame *f)
{
	const uint8_t *d = eth->data;
	uint32_t off = 14;
	if (eth->caplen < 14)
		return -1;
	f->type = get16(d + 12);
	while ((f->type == 0x8100 || f->type == 0x88a8 || f->type == 0x9100) && off + 4 <= eth->caplen) {
		f->type = get16(d + off + 2);
		off += 4;
	}
	if (f->type == 0x8100 || f->type == 0x88a8 || f->type == 0x9100)
		return -1;
	f->llc = f->type <= 1500;
	if (f->llc && off >= eth->caplen)
		return -1;
	f->body = d + off;
	f->caplen = eth->caplen - off;
	f->len = eth->len - off;
	f->h = hash(d, eth->caplen);
	return 0;
}

/* 802.2 LLC for FDDI, token ring and RFC 1483: an 802.3 frame's own LLC
 * header, or a SNAP header (OUI 0, or Apple's for AppleTalk) before an
 * ethertype. */
static size_t llc_snap(const struct frame *f, uint8_t *p)
{
	if (f->llc)
		return 0;
	memcpy(p, "\xaa\xaa\x03\x00\x00\x00", 6);
	if (f->type == 0x809b)
		memcpy(p + 3, "\x08\x00\x07", 3);
	put16(p + 6, f->type);
	return 8;
}

static const uint8_t macs[][6] = {
	{ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 }, { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb },
	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 }, { 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 },
};

/* OpenBSD pflog (if_pflog.h): the length (the body starts at it rounded
 * up to 4: pf's 61 mostly, some longer, one in eight shorter than the
 * fields, which the body then overlays), the address family (2; for IPv6
 * this host's AF_INET6 10, as libpcap compares it, or OpenBSD's 24; 0 or
 * 17 for what is not IP), action (0-11, one past pf's), reason (0-15,
 * one past libpcap's names), interface and ruleset names (NUL-padded,
 * 15 bytes at most, prefixes of each other), rule and subrule numbers,
 * uid and pid, direction (0 unknown, 1 in, 2 out). */
static int pflog(const struct frame *f, uint8_t *hdr)
{
	static const uint8_t lens[] = { 61, 61, 64, 61, 68, 61, 72, 45 };
	static const char *const ifs[] = { "em0", "em1", "lo0", "pflog0", "vio0", "abcdefghijklmno", "em10", "" };
	static const char *const sets[] = { "", "main", "anchor1", "abcdefghijklmno", "mai", "" };
	static const uint32_t rules[] = { 0, 1, 5, 7, 42, 0xffffffff, 0x10000 };
	uint32_t h = f->h;
	const char *ifn = ifs[(h >> 11) % 8], *set = sets[(h >> 14) % 6];
	hdr[0] = lens[h % 8];
	if (!f->llc && f->type == 0x0800)
		hdr[1] = 2;
	else if (!f->llc && f->type == 0x86dd)
		hdr[1] = h % 5 ? 10 : 24;
	else
		hdr[1] = h % 3 ? 0 : 17;
	hdr[2] = (uint8_t)((h >> 3) % 12);
	hdr[3] = (uint8_t)((h >> 7) % 16);
	memcpy(hdr + 4, ifn, strlen(ifn));
	memcpy(hdr + 20, set, strlen(set));
	put32(hdr + 36, rules[(h >> 17) % 7]);
	put32(hdr + 40, rules[(h >> 20) % 7]);
	put32(hdr + 44, h % 3 ? 0 : h >> 8); /* uid, pid, rule_uid, rule_pid */
	put32(hdr + 48, h >> 16);
	hdr[60] = (uint8_t)((h >> 23) % 3);
	return (hdr[0] + 3) & ~3;
}

/* The header for dlt in hdr (at most 80 bytes): its length, or -1. */
static int header(int dlt, const struct frame *f, const uint8_t *eth, uint8_t *hdr)
{
	uint32_t h = f->h;
	uint16_t proto = ppp_proto(f->type, f->llc, f->llc ? f->body[0] : 0);
	int ip = !f->llc && (f->type == 0x0800 || f->type == 0x86dd);
	switch (dlt) {
	case DLT_PPP: case DLT_PPP_SERIAL: case DLT_PPP_PPPD:
		hdr[0] = dlt == DLT_PPP_PPPD ? (uint8_t)(h % 3) : h % 8 ? 0xff : (uint8_t)h;
		hdr[1] = 0x03;
		put16(hdr + 2, proto);
		return 4;
	case DLT_PPP_ETHER: /* PPPoE session header, then the protocol */
		hdr[0] = 0x11;
		put16(hdr + 2, (uint16_t)(h >> 8));
		put16(hdr + 4, (uint16_t)(f->len + 2));
		put16(hdr + 6, proto);
		return 8;
	case DLT_PPP_BSDOS: /* direction, 4 more bytes, the protocol, ... 24 */
		hdr[0] = (uint8_t)(h % 2);
		if (proto == 0x0021 && h % 5 < 2)
			proto = h % 5 ? 0x002d : 0x002f; /* VJ compressed, uncompressed */
		put16(hdr + 5, proto);
		return 24;
	case DLT_C_HDLC: case 112: /* DLT_CHDLC on some BSDs: the same header */
		if (f->llc && f->body[0] != 0xfe)
			return -1;
		hdr[0] = h % 4 ? 0x0f : 0x8f; /* unicast, broadcast */
		put16(hdr + 2, f->llc ? 0xfefe : f->type);
		return 4;
	case DLT_SLIP: case DLT_SLIP_BSDOS: {
		/* byte 0 is the direction, and the byte libpcap's `ip` reads */
		static const uint8_t first[] = { 0, 1, 0, 1, 0x45, 0x60, 0x4f, 0x6a, 0x20 };
		if (!ip)
			return -1;
		hdr[0] = first[h % sizeof first];
		return dlt == DLT_SLIP ? 16 : 24;
	}
	case DLT_FDDI: /* frame control, destination, source */
		hdr[0] = h % 4 ? 0x50 : 0x51;
		memcpy(hdr + 1, h % 3 ? eth : macs[h % 6], 6);
		memcpy(hdr + 7, eth + 6, 6);
		return 13 + (int)llc_snap(f, hdr + 13);
	case DLT_IEEE802: /* access control, frame control, destination, source */
		hdr[0] = 0x10, hdr[1] = 0x40;
		memcpy(hdr + 2, h % 3 ? eth : macs[h % 6], 6);
		memcpy(hdr + 8, eth + 6, 6);
		return 14 + (int)llc_snap(f, hdr + 14);
	case DLT_IP_OVER_FC: /* destination and source: a 2-byte NAA, 6 bytes */
		put16(hdr, 0x1000);
		memcpy(hdr + 2, h % 3 ? eth : macs[h % 6], 6);
		put16(hdr + 8, 0x1000);
		memcpy(hdr + 10, eth + 6, 6);
		return 16 + (int)llc_snap(f, hdr + 16);
	case DLT_ATM_RFC1483: case DLT_ATM_CLIP:
		return (int)llc_snap(f, hdr);
	case DLT_SUNATM: /* flags (traffic type 2: LLC), VPI, VCI */
		hdr[0] = h % 5 ? 0x02 | (h & 0x80) : (uint8_t)(h % 3);
		hdr[1] = (uint8_t)(h >> 8) % 4;
		put16(hdr + 2, (uint16_t)(32 + h % 5));
		if (h % 4 == 1) { /* LANE (type 1): an LE header (one in six LE
				   * Control, 0xff00), then the Ethernet frame */
			hdr[0] = (uint8_t)(0x01 | (h & 0x80));
			put16(hdr + 4, h % 6 ? (uint16_t)(h >> 12) % 8 : 0xff00);
			memcpy(hdr + 6, eth, 12);
			put16(hdr + 18, f->type);
			return 20;
		}
		return 4 + (int)llc_snap(f, hdr + 4);
	case DLT_FRELAY: { /* DLCI, control 0x03, NLPID */
		static const uint8_t iso[] = { 0x81, 0x82, 0x83 };
		put16(hdr, (uint16_t)(0x0401 | (h % 64) << 10));
		hdr[2] = 0x03;
		if (f->llc && f->body[0] == 0xfe)
			hdr[3] = iso[h % 3];
		else if (!f->llc && (f->type == 0x0800 || f->type == 0x86dd))
			hdr[3] = f->type == 0x0800 ? 0xcc : 0x8e;
		else
			return -1;
		return 4;
	}
	case DLT_APPLE_IP_OVER_IEEE1394: /* 8-byte addresses, then the type */
		memcpy(hdr + 2, eth, 6);
		memcpy(hdr + 10, eth + 6, 6);
		put16(hdr + 16, f->type);
		return 18;
	case DLT_SYMANTEC_FIREWALL: /* the type at 6 of a 44-byte header */
		put16(hdr + 6, f->type);
		return 44;
	case DLT_ENC: { /* AF (host order, as DLT_NULL), SPI, flags */
		static const uint32_t af6[] = { 10, 24, 28, 30 };
		if (!ip)
			return -1;
		uint32_t af = f->type == 0x0800 ? 2 : af6[h % 4];
		memcpy(hdr, &af, 4);
		put32(hdr + 4, h);
		put32(hdr + 8, h % 7);
		return 12;
	}
	case DLT_ARCNET: case DLT_ARCNET_LINUX: { /* source, destination, ..., protocol */
		static const struct { uint16_t type; uint8_t arc, old; } map[] = {
			{ 0x0800, 0xd4, 0xf0 }, { 0x0806, 0xd5, 0xf1 }, { 0x8035, 0xd6, 0xd6 },
			{ 0x86dd, 0xc4, 0xc4 }, { 0x809b, 0xdd, 0xdd },
		};
		size_t i = 0;
		while (i < sizeof map / sizeof map[0] && (f->llc || map[i].type != f->type))
			i++;
		if (i == sizeof map / sizeof map[0])
			return -1;
		int at = dlt == DLT_ARCNET ? 2 : 4;
		/* one in four addresses one `link host $HH` names (0xd0-0xdf) */
		hdr[0] = h % 4 == 1 ? (uint8_t)(0xd0 | (h >> 4 & 15)) : eth[11];
		hdr[1] = h % 4 == 2 ? (uint8_t)(0xd0 | (h >> 8 & 15)) : h % 4 ? eth[5] : 0; /* 0: broadcast */
		hdr[at] = h % 3 ? map[i].arc : map[i].old;
		return at + (dlt == DLT_ARCNET ? 4 : 4);
	}
	case DLT_BACNET_MS_TP: /* preamble 55 ff (one in nine wrong), frame type,
				* destination, source, length, header CRC */
		hdr[0] = 0x55, hdr[1] = h % 9 ? 0xff : 0xfe;
		hdr[2] = (uint8_t)(h % 8), hdr[3] = (uint8_t)(h >> 8), hdr[4] = (uint8_t)(h >> 16);
		put16(hdr + 5, (uint16_t)f->len);
		return 8;
	case DLT_PFLOG:
		return pflog(f, hdr);
	case DLT_IPNET: /* version, family, direction (1 out, 2 in), ... */
		if (!ip)
			return -1;
		hdr[0] = 1;
		hdr[1] = f->type == 0x0800 ? 2 : 26;
		put16(hdr + 2, (uint16_t)(h % 5 ? 1 + h % 2 : 3));
		put32(hdr + 4, f->len);
		put32(hdr + 12, 1 + h % 3);
		return 24;
	}
	return -1;
}

/* Juniper's PIC headers: the cookie "MGC" (one in nine wrong), a flags
 * byte whose low bit is the direction (1 in), then the body where libpcap
 * puts the network layer (right after the flags where it has none). */
static int juniper(const struct linktype *lt, const struct frame *f, uint8_t *hdr)
{
	uint32_t h = f->h;
	memcpy(hdr, h % 9 ? "MGC" : "MGD", 3);
	hdr[3] = (uint8_t)(0x80 | h % 2);
	if (lt->off_nl > 48) /* no network-layer offset */
		return 4;
	for (uint32_t i = 4; i < lt->off_nl; i++)
		hdr[i] = (uint8_t)(h >> (i % 24));
	return (int)lt->off_nl;
}

int synth_wrap_more(const struct synth_pkt *eth, int dlt, struct synth_pkt *out)
{
	struct frame f;
	uint8_t hdr[80] = { 0 };
	memset(out, 0, sizeof *out);
	const struct linktype *lt = lt_by_dlt(dlt);
	if (lt && (lt->kind == LT_NOTYPE || lt->kind == LT_LTALK || lt->kind == LT_ETHER_PH)) {
		/* only link-layer loads (and LocalTalk's `atalk`, which loads
		 * nothing): any bytes do; or the whole Ethernet
		 * frame (VLAN tags and all) behind a netANALYZER pseudo-header
		 * (status, port, length) and, when transparent, the preamble */
		uint32_t hl = lt->kind == LT_ETHER_PH ? lt->off_linkhdr : 0;
		uint32_t h = eth->caplen ? hash(eth->data, eth->caplen) : 0;
		out->caplen = eth->caplen + hl;
		out->len = eth->len + hl;
		out->dlt = dlt;
		out->data = malloc(out->caplen ? out->caplen : 1);
		if (!out->data)
			return -1;
		memset(out->data, 0x55, hl); /* the preamble, when transparent */
		if (hl) {
			out->data[0] = (uint8_t)(h % 4 ? 0 : h);
			out->data[1] = (uint8_t)(h % 4);
			out->data[2] = (uint8_t)eth->len, out->data[3] = (uint8_t)(eth->len >> 8);
		}
		if (hl > 4)
			out->data[hl - 1] = 0xd5; /* the SFD */
		memcpy(out->data + hl, eth->data, eth->caplen);
		return 0;
	}
	if (parse(eth, &f) < 0)
		return -1;
	int hl = lt && lt->kind == LT_MAGIC && dlt != DLT_BACNET_MS_TP ? juniper(lt, &f, hdr) : header(dlt, &f, eth->data, hdr);
	if (hl < 0)
		return -1;
	/* an 802.3 frame's LLC header is part of the body on LLC links and
	 * is dropped where the protocol field replaces it */
	static const int keeps_llc[] = { DLT_FDDI, DLT_IEEE802, DLT_ATM_RFC1483, DLT_ATM_CLIP, DLT_SUNATM,
					 DLT_IP_OVER_FC, DLT_APPLE_IP_OVER_IEEE1394, DLT_SYMANTEC_FIREWALL };
	uint32_t skip = f.llc && !(lt && lt->kind == LT_MAGIC) ? 3 : 0;
	for (size_t i = 0; i < sizeof keeps_llc / sizeof keeps_llc[0]; i++)
		if (keeps_llc[i] == dlt)
			skip = 0;
	if (skip > f.caplen)
		return -1;
	out->caplen = (uint32_t)hl + f.caplen - skip;
	out->len = (uint32_t)hl + f.len - skip;
	out->dlt = dlt;
	out->data = malloc(out->caplen ? out->caplen : 1);
	if (!out->data)
		return -1;
	memcpy(out->data, hdr, (size_t)hl);
	memcpy(out->data + hl, f.body + skip, f.caplen - skip);
	return 0;
}

static void wrap_all(struct synth_set *out, const struct synth_set *eth, int dlt)
{
	for (size_t i = 0; i < eth->n; i++) {
		struct synth_pkt w;
		if (synth_wrap_more(&eth->pkts[i], dlt, &w) < 0)
			continue;
		out->pkts = realloc(out->pkts, sizeof *out->pkts * (out->n + 1));
		if (!out->pkts)
			abort();
		out->pkts[out->n++] = w;
	}
}

int synth_wrap_more_has(int dlt)
{
	struct synth_pkt probe = { .caplen = 14, .len = 14, .data = (uint8_t *)"\0\0\0\0\0\0\0\0\0\0\0\0\x08\0",
				   .dlt = DLT_EN10MB }, w;
	if (synth_wrap_more(&probe, dlt, &w) < 0)
		return 0;
	synth_pkt_free(&w);
	return 1;
}

int synth_wrap_more_set(struct synth_set *out, int dlt, uint64_t seed, size_t n)
{
	struct synth_set eth;
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	if (!synth_wrap_more_has(dlt))
		return -1;
	if (synth_generate(&eth, DLT_EN10MB, seed, n) == 0)
		wrap_all(out, &eth, dlt);
	synth_set_free(&eth);
	if (synth_edges(&eth, DLT_EN10MB) == 0)
		wrap_all(out, &eth, dlt);
	synth_set_free(&eth);
	return 0;
}
