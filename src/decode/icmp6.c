/* icmp6.c: ICMPv6 (RFC 4443), neighbor discovery (RFC 4861), MLD (RFC
 * 2710, RFC 3810): "ICMP6, echo request, id I, seq S, length L".  With -v
 * the checksum verdict comes first ("[icmp6 sum ok] "), the length moves
 * next to the type name for neighbor discovery (and goes away for the
 * rest), and neighbor discovery options follow, one a line.  Node
 * information (RFC 4620) and RPL (RFC 6550) messages have their own
 * printers (icmp6_ni.c, rpl.c). */
#include <arpa/inet.h>
#include <string.h>

#include "decode/dec.h"

/* Code 1's leading space is tcpdump 4.99's ("unreachable,  unreachable
 * prohibited"). */
static const struct dec_tok unreach_codes[] = {
	{ 0, "unreachable route" }, { 1, " unreachable prohibited" }, { 2, "beyond scope" },
	{ 3, "unreachable address" }, { 4, "unreachable port" }, { 5, "failed policy" },
	{ 6, "reject route" }, { 0, NULL },
};

/* Neighbor discovery option types (RFC 4861 4.6 and IANA). */
static const struct dec_tok nd_opts[] = {
	{ 1, "source link-address" }, { 2, "destination link-address" }, { 3, "prefix info" },
	{ 4, "redirected header" }, { 5, "mtu" }, { 7, "advertisement interval" },
	{ 8, "homeagent information" }, { 24, "route info" }, { 25, "rdnss" }, { 31, "dnssl" },
	{ 0, NULL },
};

/* Words, then the IPv6 address at p: most of what ND and MLD print. */
static void text_addr(struct dec_ctx *d, const char *text, const uint8_t *p)
{
	dec_printf(d, "%s", text);
	dec_ip6addr(d, p);
}

static const struct dec_mcast mldv2 = { 16, text_addr, " [v2-report-#%u]" };

/* tcpdump's print_unknown_data: hex lines, clipped to the capture. */
void dec_hexlines(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t n)
{
	n = dec_avail(d, p, n);
	for (size_t i = 0; i < n; i += 2) {
		if (i % 16 == 0)
			dec_printf(d, "%s0x%04zx: ", ident, i);
		if (i + 1 < n)
			dec_printf(d, " %02x%02x", p[i], p[i + 1]);
		else
			dec_printf(d, " %02x", p[i]);
	}
}

int dec_unknown_data(struct dec_ctx *d, const uint8_t *p, const char *ident, size_t n)
{
	if (p > d->end) {
		dec_printf(d, "%sDissector error: print_unknown_data called with pointer past end of packet", ident);
		return 0;
	}
	dec_hexlines(d, ident, p, n);
	return 1;
}

static void lifetime(struct dec_ctx *d, uint32_t t)
{
	if (t == 0xffffffffu)
		dec_printf(d, "infinity");
	else
		dec_printf(d, "%us", t);
}

/* Route information: " PREFIX/LEN, pref=P, lifetime=T"; 0 if malformed. */
static int route_info(struct dec_ctx *d, const uint8_t *cp, unsigned olen)
{
	static const char *const prefs[] = { "medium", "high", "rsv", "low" };
	uint8_t a[16] = { 0 };
	char buf[INET6_ADDRSTRLEN];
	dec_need(d, cp, 8);
	if (olen < 1 || olen > 3)
		return 0;
	size_t k = olen == 1 ? 0 : olen == 2 ? 8 : 16;
	dec_need(d, cp + 8, k);
	memcpy(a, cp + 8, k);
	inet_ntop(AF_INET6, a, buf, sizeof buf);
	dec_printf(d, " %s/%u, pref=%s, lifetime=", buf, cp[2], prefs[(cp[3] >> 3) & 3]);
	lifetime(d, dec_be32(d, cp + 4));
	return 1;
}

/* DNSSL domain names (RFC 1035 labels, uncompressed), each " name.";
 * 0 if the data ends inside one. */
static int dnssl(struct dec_ctx *d, const uint8_t *p, const uint8_t *end)
{
	while (p < end && dec_u8(d, p) != 0) {
		dec_printf(d, " ");
		unsigned l;
		while ((l = dec_u8(d, p)) != 0) {
			if (l & 0xc0)
				return 0; /* a compression pointer has nothing to point into */
			dec_need(d, p + 1, l);
			for (unsigned i = 1; i <= l; i++) {
				uint8_t c = p[i];
				if (c == '.' || c == '\\')
					dec_printf(d, "\\%c", c);
				else if (c > 0x20 && c < 0x7f)
					dec_printf(d, "%c", c);
				else
					dec_printf(d, "\\%03u", c);
			}
			dec_printf(d, ".");
			p += l + 1;
		}
		p++;
	}
	return 1;
}

/* Neighbor discovery options (RFC 4861 4.6), each on its own line. */
static void nd_options(struct dec_ctx *d, const uint8_t *cp, long resid)
{
	static const struct dec_tok pi_flags[] = {
		{ 0x80, "onlink" }, { 0x40, "auto" }, { 0x20, "router" }, { 0, NULL },
	};
	while (cp < d->end && resid > 0) {
		unsigned type = dec_u8(d, cp), olen = dec_u8(d, cp + 1);
		if (olen == 0 || !dec_has(d, cp, (size_t)olen * 8))
			dec_trunc(d);
		size_t n = (size_t)olen * 8;
		dec_printf(d, "\n\t  %s option (%u), length %zu (%u): ", dec_tok(nd_opts, type, "unknown"), type,
			   n, olen);
		switch (type) {
		case PROTO_ND_SOURCE_LINKADDR: case PROTO_ND_TARGET_LINKADDR:
			for (size_t i = 2; i < n; i++)
				dec_printf(d, i > 2 ? ":%02x" : "%02x", dec_u8(d, cp + i));
			break;
		case PROTO_ND_MTU:
			dec_printf(d, " %u", dec_be32(d, cp + 4));
			break;
		case PROTO_ND_ADV_INTERVAL:
			dec_printf(d, " %ums", dec_be32(d, cp + 4));
			break;
		case PROTO_ND_HOMEAGENT_INFO:
			dec_printf(d, " preference %u, lifetime %u", dec_be16(d, cp + 4), dec_be16(d, cp + 6));
			break;
		case PROTO_ND_ROUTE_INFO:
			if (!route_info(d, cp, olen))
				dec_trunc(d);
			break;
		case PROTO_ND_RDNSS:
			dec_printf(d, " lifetime %us,", dec_be32(d, cp + 4));
			for (unsigned i = 0; i < (olen - 1u) / 2; i++) {
				text_addr(d, " addr: ", cp + 8 + 16 * i);
			}
			break;
		case PROTO_ND_DNSSL:
			dec_printf(d, " lifetime %us, domain(s):", dec_be32(d, cp + 4));
			if (!dnssl(d, cp + 8, cp + n))
				dec_trunc(d);
			break;
		case PROTO_ND_PREFIX_INFO:
			dec_ip6addr(d, cp + 16);
			dec_printf(d, "/%u%s, Flags [", dec_u8(d, cp + 2), olen != 4 ? "badlen" : "");
			dec_bits(d, pi_flags, dec_u8(d, cp + 3), "none");
			dec_printf(d, "], valid time ");
			lifetime(d, dec_be32(d, cp + 4));
			dec_printf(d, ", pref. time ");
			lifetime(d, dec_be32(d, cp + 8));
			break;
		default:
			if (d->o.vflag <= 1) {
				dec_hexlines(d, "\n\t  ", cp + 2, n - 2);
				return;
			}
			break;
		}
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t    ", cp + 2, n - 2);
		cp += n;
		resid -= (long)n;
	}
}

/* MLDv1 (RFC 2710 3): the delay and the group address. */
static void mld(struct dec_ctx *d, const uint8_t *p)
{
	if (!dec_has(d, p, 24))
		return; /* cut short: tcpdump says nothing of it (no marker) */
	dec_printf(d, "max resp delay: %u ", dec_be16(d, p + 4));
	text_addr(d, "addr: ", p + 8);
}

/* MLDv2 query (RFC 3810 5.1). */
static void mldv2_query(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned mrc = dec_be16(d, p + 4);
	unsigned mrt = mrc < 32768 ? mrc : ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
	if (d->o.vflag)
		dec_printf(d, " [max resp delay=%u]", mrt);
	text_addr(d, " [gaddr ", p + 8);
	if (d->o.vflag) {
		unsigned f = dec_u8(d, p + 24), q = dec_u8(d, p + 25);
		if (f & 0x08)
			dec_printf(d, " sflag");
		if (f & 0x07)
			dec_printf(d, " robustness=%u", f & 0x07);
		dec_printf(d, " qqi=%u", q < 128 ? q : ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3));
	}
	dec_mcast_query_sources(d, &mldv2, p, len, 26);
	dec_printf(d, "]");
}

/* MLDv2 report (RFC 3810 5.2): the group records with -v. */
static void mldv2_report(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 8) {
		dec_printf(d, " [invalid len %zu]", len);
		return;
	}
	dec_mcast_records(d, &mldv2, p, len);
}

/* The upper-layer protocol and header of the datagram quoted in an error
 * message, past its extension headers; NULL if not found. */
static const uint8_t *quoted_upper(struct dec_ctx *d, const uint8_t *ip6, unsigned *proto)
{
	unsigned nh = dec_u8(d, ip6 + 6);
	const uint8_t *cp = ip6 + 40;
	for (int i = 0; i < 16; i++) {
		switch (nh) {
		case PROTO_IP_HOPOPTS: case PROTO_IP_ROUTING: case PROTO_IP_DSTOPTS:
			nh = dec_u8(d, cp);
			cp += ((size_t)dec_u8(d, cp + 1) + 1) * 8;
			break;
		case PROTO_IP_FRAGMENT:
			if (dec_be16(d, cp + 2) & 0xfff8)
				return NULL;
			nh = dec_u8(d, cp);
			cp += 8;
			break;
		default:
			*proto = nh;
			return cp;
		}
	}
	return NULL;
}

static void unreach(struct dec_ctx *d, unsigned code, const uint8_t *p, size_t len)
{
	const uint8_t *q = p + 8;
	const char *s = dec_tok(unreach_codes, code, NULL);
	if (s)
		dec_printf(d, ", %s", s);
	else
		dec_printf(d, ", unknown unreach code (%u)", code);
	switch (code) {
	case PROTO_ICMP6_UNREACH_NOROUTE: case PROTO_ICMP6_UNREACH_ADMIN: case PROTO_ICMP6_UNREACH_ADDR:
		text_addr(d, " ", q + 24);
		break;
	case PROTO_ICMP6_UNREACH_BEYONDSCOPE:
		text_addr(d, " ", q + 24);
		text_addr(d, ", source address ", q + 8);
		break;
	case PROTO_ICMP6_UNREACH_PORT: {
		unsigned proto = 0;
		const uint8_t *th = quoted_upper(d, q, &proto);
		if (!th)
			dec_trunc(d);
		unsigned dport = dec_be16(d, th + 2);
		text_addr(d, ", ", q + 24);
		dec_port_unreach(d, proto, dport, "");
		break;
	}
	default:
		if (d->o.vflag <= 1) {
			dec_hexlines(d, "\n\t", p, len);
			d->proto = NULL;
		}
		break;
	}
}

void dec_icmp6(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_ICMP6);
	d->proto = "icmp6";
	if (len == 0) {
		dec_printf(d, "ICMP6, length 0 (invalid)");
		return;
	}
	unsigned type = dec_u8(d, p);
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented && dec_has(d, p, len)) {
		uint16_t sum = dec_cksum_ip6(n->src, n->dst, p, len, 58);
		uint16_t field = dec_be16(d, p + 2);
		if (sum != 0)
			dec_printf(d, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[icmp6 sum ok] ");
	}
	const char *name = proto_name(&proto_icmp6_types, type, PROTO_TCPDUMP);
	if (!name) {
		dec_printf(d, "ICMP6, unknown icmp6 type (%u)", type);
		dec_u8(d, p + 1); /* tcpdump fetches the code after the name */
		dec_printf(d, ", length %zu", len);
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t", p, len);
		return;
	}
	dec_printf(d, "ICMP6, %s", name);
	int v = d->o.vflag;
	if (v && (type == PROTO_ICMP6_ROUTERSOLICIT || type == PROTO_ICMP6_ROUTERADVERT ||
		  type == PROTO_ICMP6_NEIGHBORSOLICIT || type == PROTO_ICMP6_NEIGHBORADVERT ||
		  type == PROTO_ICMP6_REDIRECT || type == PROTO_ICMP6_HADISCOVERY_REPLY ||
		  type == PROTO_ICMP6_MOBILEPREFIX_ADVERT))
		dec_printf(d, ", length %zu", len);
	unsigned code = dec_u8(d, p + 1);
	switch (type) {
	case PROTO_ICMP6_UNREACH:
		unreach(d, code, p, len);
		if (d->proto == NULL)
			return;
		break;
	case PROTO_ICMP6_PACKETTOOBIG:
		dec_printf(d, ", mtu %u", dec_be32(d, p + 4));
		break;
	case PROTO_ICMP6_TIMXCEED:
		if (code == 0) {
			text_addr(d, " for ", p + 8 + 24);
		} else if (code == 1)
			dec_printf(d, " (reassembly)");
		else
			dec_printf(d, ", unknown code (%u)", code);
		break;
	case PROTO_ICMP6_PARAMPROB: {
		static const char *const what[] = { "erroneous", "next header", "option", "incomplete header chain" };
		dec_need(d, p + 8 + 24, 16);
		if (code < 4)
			dec_printf(d, ", %s - octet %u", what[code], dec_be32(d, p + 4));
		else
			dec_printf(d, ", code-#%u", code);
		break;
	}
	case PROTO_ICMP6_ECHO: case PROTO_ICMP6_ECHOREPLY:
		dec_printf(d, ", id %u, seq %u", dec_be16(d, p + 4), dec_be16(d, p + 6));
		break;
	case PROTO_ICMP6_MLD_QUERY:
		if (len == 24)
			mld(d, p);
		else if (len >= 28) {
			dec_printf(d, " v2");
			mldv2_query(d, p, len);
		} else
			dec_printf(d, " unknown-version (len %zu) ", len);
		break;
	case PROTO_ICMP6_MLD_REPORT: case PROTO_ICMP6_MLD_DONE:
		mld(d, p);
		break;
	case PROTO_ICMP6_ROUTERSOLICIT:
		if (v)
			nd_options(d, p + 8, (long)len - 8);
		break;
	case PROTO_ICMP6_ROUTERADVERT:
		if (v) {
			static const struct dec_tok ra_flags[] = {
				{ 0x80, "managed" }, { 0x40, "other stateful" }, { 0x20, "home agent" }, { 0, NULL },
			};
			static const char *const prefs[] = { "medium", "high", "rsv", "low" };
			unsigned f = dec_u8(d, p + 5);
			dec_printf(d, "\n\thop limit %u, Flags [", dec_u8(d, p + 4));
			dec_bits(d, ra_flags, f, "none");
			dec_printf(d, "], pref %s, router lifetime %us, reachable time %ums, retrans timer %ums",
				   prefs[(f >> 3) & 3], dec_be16(d, p + 6), dec_be32(d, p + 8), dec_be32(d, p + 12));
			nd_options(d, p + 16, (long)len - 16);
		}
		break;
	case PROTO_ICMP6_NEIGHBORSOLICIT:
		dec_need(d, p + 8, 16); /* tcpdump reads the address before the words */
		text_addr(d, ", who has ", p + 8);
		if (v)
			nd_options(d, p + 24, (long)len - 24);
		break;
	case PROTO_ICMP6_NEIGHBORADVERT:
		dec_need(d, p + 8, 16);
		text_addr(d, ", tgt is ", p + 8);
		if (v) {
			static const struct dec_tok na_flags[] = {
				{ 0x80000000u, "router" }, { 0x40000000u, "solicited" }, { 0x20000000u, "override" },
				{ 0, NULL },
			};
			dec_printf(d, ", Flags [");
			dec_bits(d, na_flags, dec_be32(d, p + 4), "none");
			dec_printf(d, "]");
			nd_options(d, p + 24, (long)len - 24);
		}
		break;
	case PROTO_ICMP6_REDIRECT:
		text_addr(d, ", ", p + 24);
		text_addr(d, " to ", p + 8);
		if (v)
			nd_options(d, p + 40, (long)len - 40);
		break;
	case PROTO_ICMP6_INDSOLICIT: case PROTO_ICMP6_INDADVERT:
		break;
	case PROTO_ICMP6_MLDV2_REPORT:
		mldv2_report(d, p, len);
		break;
	case PROTO_ICMP6_HADISCOVERY_REQUEST: case PROTO_ICMP6_MOBILEPREFIX_SOLICIT:
		dec_printf(d, ", id 0x%04x", dec_be16(d, p + 4));
		break;
	case PROTO_ICMP6_MOBILEPREFIX_ADVERT:
		if (v) {
			dec_printf(d, ", id 0x%04x", dec_be16(d, p + 4));
			unsigned f = dec_u8(d, p + 6);
			if (f & 0xc0)
				dec_printf(d, " ");
			if (f & 0x80)
				dec_printf(d, "M");
			if (f & 0x40)
				dec_printf(d, "O");
			nd_options(d, p + 8, (long)len - 8);
		}
		break;
	case 139: case 140: /* node information query and reply (icmp6_ni.c) */
		dec_icmp6_ni(d, p, len);
		break;
	case PROTO_ICMP6_RPL:
		dec_rpl(d, p, len);
		break;
	default:
		/* router renumbering, home agent replies: tcpdump goes on
		 * into their own printers */
		dec_handoff(d, "icmp6-type");
		return;
	}
	if (!v)
		dec_printf(d, ", length %zu", len);
}
