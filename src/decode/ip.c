/* ip.c: IPv4 (RFC 791).  Without -v tcpdump prints "IP " (only without -e,
 * where the ethertype already says IPv4); with -v the header in
 * parentheses: tos with ECN, ttl, id, offset, flags, proto, length,
 * options and a bad header checksum, then a newline and four spaces.  The
 * capture bound is cut to the datagram's total length (Ethernet padding is
 * not payload).  First fragments go to the transport printers; later
 * fragments print "SRC > DST: ip-proto-N". */
#include "decode/dec.h"

const char *dec_ipproto_name(unsigned proto)
{
	return proto_name_or(&proto_ipprotos, proto, PROTO_TCPDUMP, "unknown");
}

/* Protocols tcpdump goes on to decode; for the rest it prints
 * " ip-proto-N LEN" (ip_demux). */
static int decoded_by_tcpdump(unsigned proto)
{
	return (proto_flags(&proto_ipprotos, proto) & PROTO_F_PRINTED) != 0;
}

/* The printers of the protocols above IP that are ours, by number. */
static const struct {
	unsigned proto;
	void (*print)(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len);
} uppers[] = {
	{ PROTO_IP_IGMP, dec_igmp },
	{ PROTO_IP_VRRP, dec_vrrp },
	{ PROTO_IP_ESP, dec_esp },
	{ PROTO_IP_AH, dec_ah },
	{ PROTO_IP_IPCOMP, dec_ipcomp },
	{ PROTO_IP_GRE, dec_gre },
	{ PROTO_IP_SCTP, dec_sctp },
	{ PROTO_IP_PIM, dec_pim },
	{ PROTO_IP_OSPF, dec_ospf },
	{ PROTO_IP_EIGRP, dec_eigrp },
	{ PROTO_IP_DCCP, dec_dccp },
	{ PROTO_IP_PGM, dec_pgm },
	{ PROTO_IP_IGRP, dec_igrp },
	{ PROTO_IP_EGP, dec_egp },
	{ PROTO_IP_RSVP, dec_rsvp },
	{ PROTO_IP_MOBILE, dec_mobile },
};

static void (*upper_printer(unsigned proto))(struct dec_ctx *, const struct dec_net *, const uint8_t *, size_t)
{
	for (size_t i = 0; i < sizeof uppers / sizeof uppers[0]; i++)
		if (uppers[i].proto == proto)
			return uppers[i].print;
	return NULL;
}

/* RR, LSRR, SSRR: the recorded addresses, "," after those already used. */
static void print_route(struct dec_ctx *d, const uint8_t *cp, unsigned len)
{
	if (len < 3) {
		dec_printf(d, " [bad length %u]", len);
		return;
	}
	if ((len + 1) & 3)
		dec_printf(d, " [bad length %u]", len);
	unsigned ptr = dec_u8(d, cp + 2) - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1)
		dec_printf(d, " [bad ptr %u]", dec_u8(d, cp + 2));
	for (unsigned i = 3; i < len; i += 4) {
		dec_printf(d, " ");
		dec_ip4addr(d, cp + i);
		if (ptr > i)
			dec_printf(d, ",");
	}
}

/* Timestamp (RFC 791): " TS{TSONLY ^ T@ T@}" or, with addresses,
 * "TS+ADDR T@A ..."; "^" marks where the pointer points.  -1 when a hop is
 * not captured (tcpdump's ip_printts). */
static int print_ts(struct dec_ctx *d, const uint8_t *cp, unsigned len)
{
	if (len < 4) {
		dec_printf(d, "[bad length %u]", len);
		return 0;
	}
	dec_printf(d, " TS{");
	unsigned flg = dec_u8(d, cp + 3), hoplen = (flg & 0xf) != 0 ? 8 : 4;
	if ((len - 4) & (hoplen - 1))
		dec_printf(d, "[bad length %u]", len);
	unsigned ptr = dec_u8(d, cp + 2) - 1u, i = 0;
	if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > len + 1)
		dec_printf(d, "[bad ptr %u]", dec_u8(d, cp + 2));
	static const char *const kinds[] = { "TSONLY", "TS+ADDR", "PRESPEC2.0", "PRESPEC" };
	if ((flg & 0xf) < 4) {
		dec_printf(d, "%s", kinds[flg & 0xf]);
		for (i = 4; i < len; i += hoplen) {
			if (!dec_has(d, cp + i, hoplen))
				return -1;
			dec_printf(d, "%s%u@", ptr == i ? " ^ " : " ", dec_be32(d, cp + i + hoplen - 4));
			if (hoplen == 8)
				dec_ip4addr(d, cp + i);
		}
	} else
		dec_printf(d, "[bad ts type %u]", flg & 0xf);
	dec_printf(d, "%s", ptr == i ? " ^ " : "");
	if (flg >> 4)
		dec_printf(d, " [%u hops not recorded]} ", flg >> 4);
	else
		dec_printf(d, "}");
	return 0;
}

/* -1 when an option is cut short by the capture ("[truncated-option]"):
 * an option is printed past its name only when captured whole; a code or
 * length byte not captured is the truncation exit. */
static int print_options(struct dec_ctx *d, const uint8_t *cp, unsigned len)
{
	const char *sep = "";
	unsigned olen;
	for (; len > 0; cp += olen, len -= olen) {
		dec_printf(d, "%s", sep);
		sep = ",";
		unsigned code = dec_u8(d, cp); /* code and length: the jump */
		const char *name = proto_name(&proto_ipopts, code, PROTO_TCPDUMP);
		if (name)
			dec_printf(d, "%s", name);
		else
			dec_printf(d, "unknown %u", code);
		if (code == 0 || code == 1)
			olen = 1;
		else {
			olen = dec_u8(d, cp + 1);
			if (olen < 2) {
				dec_printf(d, " [bad length %u]", olen);
				return 0;
			}
		}
		if (olen > len) {
			dec_printf(d, " [bad length %u]", olen);
			return 0;
		}
		if (!dec_has(d, cp, olen))
			return -1;
		switch (code) {
		case PROTO_IPOPT_EOL:
			return 0;
		case PROTO_IPOPT_TS:
			if (print_ts(d, cp, olen) < 0)
				return -1;
			break;
		case PROTO_IPOPT_RR: case PROTO_IPOPT_LSRR: case PROTO_IPOPT_SSRR:
			print_route(d, cp, olen);
			break;
		case PROTO_IPOPT_RA:
			if (olen < 4) {
				dec_printf(d, " [bad length %u]", olen);
				break;
			}
			if (dec_be16(d, cp + 2))
				dec_printf(d, " value %u", dec_be16(d, cp + 2));
			break;
		default:
			break;
		}
	}
	return 0;
}

/* The -v header; 1 when its options were cut short. */
static int print_header(struct dec_ctx *d, const uint8_t *p, unsigned hlen)
{
	int cut = 0;
	unsigned tos = dec_u8(d, p + 1), ttl = dec_u8(d, p + 8), off = dec_be16(d, p + 6);
	static const char *const ecn[] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
	dec_printf(d, "(tos 0x%x%s", tos, ecn[tos & 3]);
	if (ttl >= 1)
		dec_printf(d, ", ttl %u", ttl);
	dec_printf(d, ", id %u, offset %u, flags [", dec_be16(d, p + 4), (off & 0x1fff) * 8);
	const char *sep = "";
	if (!(off & 0xe000))
		dec_printf(d, "none");
	if (off & 0x2000)
		dec_printf(d, "%s+", sep), sep = ", ";
	if (off & 0x4000)
		dec_printf(d, "%sDF", sep), sep = ", ";
	if (off & 0x8000)
		dec_printf(d, "%srsvd", sep);
	unsigned proto = dec_u8(d, p + 9);
	dec_printf(d, "], proto %s (%u), length %u", dec_ipproto_name(proto), proto, dec_be16(d, p + 2));
	if (hlen > 20) {
		dec_printf(d, ", options (");
		if (print_options(d, p + 20, hlen - 20) < 0) {
			dec_printf(d, " [truncated-option]");
			cut = 1;
		}
		dec_printf(d, ")");
	}
	if (!d->o.no_cksum && dec_has(d, p, hlen)) {
		uint16_t sum = dec_fold(dec_sum(p, hlen, 0));
		if (sum != 0) {
			uint16_t field = dec_be16(d, p + 10);
			dec_printf(d, ", bad cksum %x (->%x)!", field, dec_shouldbe(field, sum));
		}
	}
	dec_printf(d, ")\n    ");
	return cut;
}

void dec_ip(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_IP);
	d->proto = "ip";
	unsigned v = dec_u8(d, p) >> 4;
	if (v != 4) {
		dec_printf(d, "IP%u", v);
		if (v == 6)
			dec_printf(d, ", wrong link-layer encapsulation");
		dec_printf(d, " (invalid)");
		return;
	}
	if (!d->o.eflag)
		dec_printf(d, "IP ");
	dec_need_ret(d, p, 20);
	if (len < 20) {
		dec_printf(d, "truncated-ip %zu", len);
		return;
	}
	unsigned hlen = (dec_u8(d, p) & 0xf) * 4u;
	if (hlen < 20) {
		dec_printf(d, "bad-hlen %u", hlen);
		return;
	}
	size_t totlen = dec_be16(d, p + 2);
	if (len < totlen)
		dec_printf(d, "truncated-ip - %zu bytes missing! ", totlen - len);
	if (totlen < hlen) {
		dec_printf(d, "bad-len %zu", totlen);
		return;
	}
	if (dec_has(d, p, totlen))
		d->end = p + totlen; /* the payload ends with the datagram */
	unsigned off = dec_be16(d, p + 6), proto = dec_u8(d, p + 9);
	if (d->o.vflag && print_header(d, p, hlen)) {
		dec_ip4addr(d, p + 12);
		dec_printf(d, " > ");
		dec_ip4addr(d, p + 16);
		dec_printf(d, ": ");
		dec_trunc_ret(d);
	}

	if ((off & 0x1fff) == 0 && !dec_has(d, p, hlen)) {
		dec_printf(d, " [remaining caplen(%zu) < header length(%u)]", dec_avail(d, p, SIZE_MAX), hlen);
		dec_trunc(d);
	}
	struct dec_net n = { .v6 = 0, .src = p + 12, .dst = p + 16, .iph = p,
			     .fragmented = (off & 0x3fff) != 0 };
	if ((off & 0x1fff) != 0) {
		if (d->o.qflag > 1)
			return;
		dec_ip4addr(d, p + 12);
		dec_printf(d, " > ");
		dec_ip4addr(d, p + 16);
		dec_printf(d, ":");
		dec_ipproto(d, proto);
		return;
	}
	const uint8_t *q = p + hlen;
	size_t plen = totlen - hlen;
	if (proto != PROTO_IP_TCP && proto != PROTO_IP_UDP && proto != PROTO_IP_SCTP && proto != PROTO_IP_DCCP) {
		dec_ip4addr(d, p + 12);
		dec_printf(d, " > ");
		dec_ip4addr(d, p + 16);
		dec_printf(d, ": ");
	}
	if (plen > 0 && !dec_has(d, q, 1) && proto != PROTO_IP_TCP && proto != PROTO_IP_UDP && decoded_by_tcpdump(proto) &&
	    !upper_printer(proto)) {
		/* tcpdump's printer for it finds no bytes at all */
		d->proto = proto_name_or(&proto_ipprotos, proto, PROTO_MARK, "ip");
		dec_trunc(d);
	}
	dec_ip_upper(d, &n, proto, q, plen);
}

void dec_ip_upper(struct dec_ctx *d, const struct dec_net *n, unsigned proto, const uint8_t *p, size_t len)
{
	void (*print)(struct dec_ctx *, const struct dec_net *, const uint8_t *, size_t) = upper_printer(proto);
	if (print) {
		print(d, n, p, len);
		return;
	}
	switch (proto) {
	case PROTO_IP_TCP:
		dec_tcp(d, n, p, len);
		return;
	case PROTO_IP_UDP:
		dec_udp(d, n, p, len);
		return;
	case PROTO_IP_ICMP:
		if (n->v6)
			dec_printf(d, "[ICMP requires IPv4] (invalid)");
		else
			dec_icmp(d, n, p, len);
		return;
	case PROTO_IP_ICMPV6:
		if (n->v6)
			dec_icmp6(d, n, p, len);
		else
			dec_printf(d, "[ICMPv6 requires IPv6] (invalid)");
		return;
	case PROTO_IP_IPIP:
		dec_ip(d, p, len);
		return;
	case PROTO_IP_IPV6:
		dec_ip6(d, p, len);
		return;
	case PROTO_IP_NONE:
		dec_printf(d, "no next header");
		return;
	case PROTO_IP_ND:
		dec_printf(d, " nd %zu", len);
		return;
	}
	if (proto == PROTO_IP_ETHERNET && !n->v6)
		dec_printf(d, "[Ethernet requires IPv6] (invalid)");
	else if (proto == PROTO_IP_ETHERNET)
		dec_ether_inner(d, p, len); /* RFC 8986's End.DX2 payload */
	else {
		/* tcpdump's text for a protocol it does not decode; for one it
		 * does and we don't, the same text, so that the line does not
		 * end blank, and the handoff for dec_report */
		if (decoded_by_tcpdump(proto)) {
			dec_printf(d, " ip-proto-%u %zu", proto, len);
			dec_handoff(d, "ip-proto");
		} else {
			dec_ipproto(d, proto);
			dec_printf(d, " %zu", len);
		}
	}
}
