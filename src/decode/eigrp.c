/* eigrp.c: EIGRP (RFC 7868), as tcpdump 4.99 prints it: "EIGRP OPCODE,
 * length: L"; with -v the header ("EIGRP v2, opcode: ..., chksum, Flags,
 * seq, ack, VRID, AS, length") and each TLV on its own line: general
 * parameters, software version, IPv4 internal and external routes,
 * AppleTalk routes and cable setup; the rest in hex (with -vv every TLV
 * is followed by its hex).  A TLV must be captured whole (" [|eigrp]",
 * the return-style exit). */
#include <stdio.h>

#include "decode/dec.h"

#define EIGRP_HDR 20
#define EIGRP_VERSION 2

static const struct dec_tok opcodes[] = {
	{ 1, "Update" }, { 3, "Query" }, { 4, "Reply" }, { 5, "Hello" }, { 6, "IPX SAP" }, { 7, "Probe" }, { 0, NULL },
};

static const struct dec_tok header_flags[] = {
	{ 0x01, "Init" }, { 0x02, "Conditionally Received" }, { 0x04, "Restart" }, { 0x08, "End-of-Table" }, { 0, NULL },
};

static const struct dec_tok tlv_names[] = {
	{ 0x0001, "General Parameters" }, { 0x0002, "Authentication" }, { 0x0003, "Sequence" },
	{ 0x0004, "Software Version" }, { 0x0005, "Next Multicast Sequence" }, { 0x0102, "IP Internal routes" },
	{ 0x0103, "IP External routes" }, { 0x0202, "AppleTalk Internal routes" },
	{ 0x0203, "AppleTalk External routes" }, { 0x0204, "AppleTalk Cable setup" },
	{ 0x0302, "IPX Internal routes" }, { 0x0303, "IPX External routes" }, { 0, NULL },
};

static const struct dec_tok ext_protos[] = {
	{ 0x01, "IGRP" }, { 0x02, "EIGRP" }, { 0x03, "Static" }, { 0x04, "RIP" }, { 0x05, "Hello" }, { 0x06, "OSPF" },
	{ 0x07, "IS-IS" }, { 0x08, "EGP" }, { 0x09, "BGP" }, { 0x0a, "IDRP" }, { 0x0b, "Connected" }, { 0, NULL },
};

/* The minimum value size of each TLV type tcpdump decodes. */
static size_t tlv_min(unsigned type)
{
	switch (type) {
	case 0x0001: return 8;
	case 0x0004: return 4;
	case 0x0102: return 22;
	case 0x0103: return 42;
	case 0x0202: return 24;
	case 0x0203: return 40;
	case 0x0204: return 8;
	default: return 0;
	}
}

/* delay, bandwidth, MTU, hops, reliability, load: 16 bytes at v. */
static void metric(struct dec_ctx *d, const uint8_t *v)
{
	dec_printf(d, "\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
		   dec_be32(d, v) / 100, dec_be32(d, v + 4), dec_be32(d, v + 8) >> 8, dec_u8(d, v + 11),
		   dec_u8(d, v + 12), dec_u8(d, v + 13));
}

/* An IPv4 route's prefix (1 to 4 bytes for the prefix length) and next
 * hop; 0 for an illegal length. */
static int prefix(struct dec_ctx *d, const uint8_t *nexthop, const uint8_t *plen)
{
	unsigned bits = dec_u8(d, plen);
	if (bits > 32) {
		dec_printf(d, "\n\t    illegal prefix length %u", bits);
		return 0;
	}
	uint8_t a[4] = { 0, 0, 0, 0 };
	unsigned bytes = (bits + 7) / 8;
	dec_need(d, plen + 1, bytes);
	for (unsigned i = 0; i < bytes; i++)
		a[i] = plen[1 + i];
	char buf[16];
	snprintf(buf, sizeof buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	dec_printf(d, "\n\t    IPv4 prefix: %15s/%u, nexthop: ", buf, bits);
	if (dec_be32(d, nexthop) == 0)
		dec_printf(d, "self");
	else
		dec_ip4addr(d, nexthop);
	return 1;
}

static void at_nexthop(struct dec_ctx *d, const uint8_t *v, const uint8_t *cable)
{
	dec_printf(d, "\n\t     Cable-Range: %u-%u, nexthop: ", dec_be16(d, cable), dec_be16(d, cable + 2));
	if (dec_be32(d, v) == 0)
		dec_printf(d, "self");
	else
		dec_printf(d, "%u.%u", dec_be16(d, v), dec_be16(d, v + 2));
}

static void tlv(struct dec_ctx *d, unsigned type, const uint8_t *v, size_t vlen)
{
	size_t min = tlv_min(type);
	if (min && vlen < min) {
		dec_printf(d, " (too short, < %zu)", min + 4);
		return;
	}
	switch (type) {
	case 0x0001:
		dec_printf(d, "\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u", dec_be16(d, v + 6),
			   dec_u8(d, v), dec_u8(d, v + 1), dec_u8(d, v + 2), dec_u8(d, v + 3), dec_u8(d, v + 4));
		return;
	case 0x0004:
		dec_printf(d, "\n\t    IOS version: %u.%u, EIGRP version %u.%u", dec_u8(d, v), dec_u8(d, v + 1),
			   dec_u8(d, v + 2), dec_u8(d, v + 3));
		return;
	case 0x0102:
		if (prefix(d, v, v + 20))
			metric(d, v + 4);
		return;
	case 0x0103:
		if (!prefix(d, v, v + 40))
			return;
		dec_printf(d, "\n\t      origin-router ");
		dec_ip4addr(d, v + 4);
		dec_printf(d, ", origin-as %u, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %u",
			   dec_be32(d, v + 8), dec_tok(ext_protos, dec_u8(d, v + 22), "unknown"), dec_u8(d, v + 23),
			   dec_be32(d, v + 12), dec_be32(d, v + 16));
		metric(d, v + 24);
		return;
	case 0x0202:
		at_nexthop(d, v, v + 20);
		metric(d, v + 4);
		return;
	case 0x0203:
		at_nexthop(d, v, v + 36);
		dec_printf(d, "\n\t      origin-router %u, origin-as %u, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %u",
			   dec_be32(d, v + 4), dec_be32(d, v + 8), dec_tok(ext_protos, dec_u8(d, v + 16), "unknown"),
			   dec_u8(d, v + 17), dec_be32(d, v + 12), dec_be16(d, v + 18));
		metric(d, v + 20);
		return;
	case 0x0204:
		dec_printf(d, "\n\t    Cable-range: %u-%u, Router-ID %u", dec_be16(d, v), dec_be16(d, v + 2),
			   dec_be32(d, v + 4));
		return;
	default:
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t    ", v, vlen);
	}
}

void dec_eigrp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = "eigrp";
	dec_need_ret(d, p, EIGRP_HDR);
	unsigned version = p[0], op = p[1];
	if (version != EIGRP_VERSION) {
		dec_printf(d, "EIGRP version %u packet not supported", version);
		return;
	}
	const char *name = dec_tok(opcodes, op, NULL);
	if (!d->o.vflag || len < EIGRP_HDR) {
		if (name)
			dec_printf(d, "EIGRP %s, length: %zu", name, len);
		else
			dec_printf(d, "EIGRP unknown (%u), length: %zu", op, len);
		if (d->o.vflag)
			dec_printf(d, " (too short, < %u)", EIGRP_HDR);
		return;
	}
	size_t tlen = len - EIGRP_HDR;
	dec_printf(d, "\n\tEIGRP v%u, opcode: ", version);
	if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "unknown, type: %u", op);
	dec_printf(d, " (%u), chksum: 0x%04x, Flags: [", op, dec_get_be16(p + 2));
	uint32_t flags = dec_get_be32(p + 4);
	const char *sep = "";
	for (const struct dec_tok *t = header_flags; t->s; t++)
		if (flags & t->v) {
			dec_printf(d, "%s%s", sep, t->s);
			sep = ", ";
		}
	dec_printf(d, "%s]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %zu", *sep ? "" : "none",
		   dec_get_be32(p + 8), dec_get_be32(p + 12), dec_get_be16(p + 16), dec_get_be16(p + 18), tlen);
	const uint8_t *t = p + EIGRP_HDR;
	while (tlen > 0) {
		dec_need_ret(d, t, 4);
		size_t tl = dec_get_be16(t + 2);
		unsigned type = dec_get_be16(t);
		if (tl < 4 || tl > tlen) {
			dec_hexlines(d, "\n\t    ", t + 4, tlen);
			return;
		}
		dec_printf(d, "\n\t  %s TLV (0x%04x), length: %zu", dec_tok(tlv_names, type, "Unknown"), type, tl);
		dec_need_ret(d, t, tl);
		tlv(d, type, t + 4, tl - 4);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t    ", t + 4, tl - 4);
		t += tl;
		tlen -= tl;
	}
}
