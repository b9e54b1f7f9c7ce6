/* ip6.c: IPv6 (RFC 8200) and its extension headers.  "IP6 " (without -e),
 * with -v "(class 0x.., flowlabel 0x....., hlim H, next-header NAME (N)
 * payload length: L) ", then the chain of extension headers: hop-by-hop
 * ("HBH "), destination options ("DSTOPT "), with -v their options
 * ("(padn)", "(rtalert: 0x0000) ", "(jumbo: N) "), routing ("RT6 (len=..,
 * type=.., segleft=.., [0]addr, ...) "), fragment ("frag (off|len) ") and
 * the upper layer.  A hop-by-hop header must come first and once
 * (RFC 8200 4.1), and a zero payload length needs a jumbo option
 * (RFC 2675).  The capture bound is cut to the payload length. */
#include "decode/dec.h"

/* The walk over the extension headers. */
struct ip6_walk {
	const uint8_t *ip6;        /* the IPv6 header */
	size_t length;             /* bytes on the wire from ip6 on */
	size_t len;                /* bytes on the wire from the current header on */
	unsigned plen;             /* the payload length field */
	int found_hbh, found_jumbo;
	uint32_t jumbo;            /* the jumbo payload length, if found */
};

/* The options of a hop-by-hop or destination options header (RFC 8200
 * 4.2), printed with -v; parsed always, for the jumbo option.  Returns 0,
 * or -1 when malformed (the caller prints the truncation marker). */
static int print_opts(struct dec_ctx *d, struct ip6_walk *w, const uint8_t *bp, size_t len)
{
	int v = d->o.vflag != 0;
	size_t optlen;
	for (size_t i = 0; i < len; i += optlen) {
		unsigned type = dec_u8(d, bp + i);
		if (type == PROTO_IP6OPT_PAD1)
			optlen = 1;
		else if (i + 1 < len)
			optlen = (size_t)dec_u8(d, bp + i + 1) + 2;
		else
			return -1;
		if (i + optlen > len)
			return -1;
		switch (type) {
		case PROTO_IP6OPT_PAD1:
			if (v)
				dec_printf(d, "(pad1)");
			break;
		case PROTO_IP6OPT_PADN:
			if (v)
				dec_printf(d, "(padn)");
			break;
		case PROTO_IP6OPT_RA:
			if (optlen != 4) {
				if (v)
					dec_printf(d, "(rtalert: invalid len %u)", dec_u8(d, bp + i + 1));
				return -1;
			}
			if (v)
				dec_printf(d, "(rtalert: 0x%04x) ", dec_be16(d, bp + i + 2));
			break;
		case PROTO_IP6OPT_JUMBO: {
			if (optlen != 6) {
				if (v)
					dec_printf(d, "(jumbo: invalid len %u)", dec_u8(d, bp + i + 1));
				return -1;
			}
			uint32_t j = dec_be32(d, bp + i + 2);
			if (w->found_jumbo) {
				if (v)
					dec_printf(d, "(jumbo: %u - already seen) ", j);
				break;
			}
			w->found_jumbo = 1;
			if (w->plen != 0) {
				if (v)
					dec_printf(d, "(jumbo: %u - payload len != 0) ", j);
				break;
			}
			if (j < 65536) {
				if (v)
					dec_printf(d, "(jumbo: %u - < 65536) ", j);
				break;
			}
			w->jumbo = j;
			if (v)
				dec_printf(d, "(jumbo: %u) ", j);
			break;
		}
		default:
			if (v)
				dec_printf(d, "(opt_type 0x%02x: len=%u)", type, dec_u8(d, bp + i + 1));
			break;
		}
	}
	if (v)
		dec_printf(d, " ");
	return 0;
}

/* HBH or DSTOPT; returns the header's length, or -1 after printing the
 * truncation marker. */
static long opts_header(struct dec_ctx *d, struct ip6_walk *w, const uint8_t *cp, const char *name,
			const char *proto)
{
	d->proto = proto;
	size_t hlen = ((size_t)dec_u8(d, cp + 1) + 1) * 8;
	dec_need_ret(d, cp, hlen);
	dec_printf(d, "%s ", name);
	if (print_opts(d, w, cp + 2, hlen - 2) < 0) {
		dec_printf(d, " [|%s]", proto);
		return -1;
	}
	return (long)hlen;
}

/* The routing header (RFC 8200 4.4): type 0 (deprecated, RFC 5095), 2
 * (RFC 6275) and 4 (segment routing, RFC 8754).  *final is set to the
 * destination the upper-layer checksum uses. */
static long routing(struct dec_ctx *d, const uint8_t *cp, const uint8_t **final)
{
	dec_need_ret(d, cp, 1); /* tcpdump checks the next header as "ip6" */
	d->proto = "rt6";
	dec_printf(d, "RT6");
	unsigned len = dec_u8(d, cp + 1);
	dec_printf(d, " (len=%u", len);
	unsigned type = dec_u8(d, cp + 2);
	dec_printf(d, ", type=%u%s", type, type == PROTO_RT6_TYPE0 ? " [Deprecated]" : "");
	unsigned segleft = dec_u8(d, cp + 3);
	dec_printf(d, ", segleft=%u", segleft);
	const uint8_t *a;
	unsigned n;
	switch (type) {
	case PROTO_RT6_TYPE0: case PROTO_RT6_TYPE2: {
		uint32_t rsv = dec_be32(d, cp + 4); /* read even when not shown */
		if (rsv || d->o.vflag)
			dec_printf(d, ", rsv=0x%0x", rsv);
		a = cp + 8;
		n = len / 2;
		break;
	}
	case PROTO_RT6_SRH: {
		unsigned last = dec_u8(d, cp + 4);
		dec_printf(d, ", last-entry=%u", last);
		unsigned flags = dec_u8(d, cp + 5);
		if (flags || d->o.vflag)
			dec_printf(d, ", flags=0x%0x", flags);
		dec_printf(d, ", tag=%x", dec_be16(d, cp + 6));
		if (len % 2) { /* not a whole number of addresses */
			dec_printf(d, " (invalid length %u) (invalid)", len);
			return -1;
		}
		a = cp + 8;
		n = last + 1;
		if (n > len / 2)
			n = len / 2;
		break;
	}
	default:
		dec_printf(d, " (unknown type) (invalid)");
		return -1;
	}
	for (unsigned i = 0; i < n; i++) {
		dec_need(d, a + 16 * i, 16); /* before its index is printed */
		dec_printf(d, ", [%u]", i);
		dec_ip6addr(d, a + 16 * i);
	}
	if (n > 0)
		*final = type == PROTO_RT6_SRH ? a : a + 16 * (n - 1);
	dec_printf(d, ") ");
	return ((long)len + 1) * 8;
}

void dec_ip6(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	dec_layer(d, DEC_L_IP6);
	d->proto = "ip6";
	dec_need_ret(d, p, 40);
	if (!d->o.eflag)
		dec_printf(d, "IP6 ");
	if (length < 40) {
		dec_printf(d, "truncated-ip6 %zu", length);
		return;
	}
	unsigned v = dec_u8(d, p) >> 4;
	if (v != 6) {
		dec_printf(d, "version error: %u != 6", v);
		return;
	}
	uint32_t flow = dec_be32(d, p);
	struct ip6_walk w = { .ip6 = p, .length = length, .plen = dec_be16(d, p + 4) };
	unsigned nh = dec_u8(d, p + 6), prev = PROTO_IP_IPV6;
	size_t len = w.plen + 40;
	if (w.plen == 0 && nh == PROTO_IP_HOPOPTS)
		len = length; /* a jumbogram: its length is in hop-by-hop */
	else if (w.plen != 0) { /* tcpdump leaves the bound alone for 0 */
		if (length < len)
			dec_printf(d, "truncated-ip6 - %zu bytes missing!", len - length);
		if (dec_has(d, p, len))
			d->end = p + len;
	}
	if (d->o.vflag) {
		dec_printf(d, "(");
		if (flow & 0x0ff00000)
			dec_printf(d, "class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			dec_printf(d, "flowlabel 0x%05x, ", flow & 0x000fffff);
		dec_printf(d, "hlim %u, next-header %s (%u) payload length: %u) ", dec_u8(d, p + 7),
			   dec_ipproto_name(nh), nh, w.plen);
	}
	struct dec_net n = { .v6 = 1, .src = p + 8, .dst = p + 24, .iph = p, .fragmented = 0,
			     .ports_only = nh == PROTO_IP_HOPOPTS || nh == PROTO_IP_ROUTING ||
					     nh == PROTO_IP_FRAGMENT || nh == PROTO_IP_DSTOPTS };
	const uint8_t *cp = p;
	long advance = 40;
	while (cp < d->end && advance > 0) {
		if (len < (size_t)advance)
			dec_trunc_ret(d);
		cp += advance;
		len -= (size_t)advance;
		if (cp == p + 40 && nh != PROTO_IP_TCP && nh != PROTO_IP_UDP && nh != PROTO_IP_DCCP &&
		    nh != PROTO_IP_SCTP) {
			dec_ip6addr(d, p + 8);
			dec_printf(d, " > ");
			dec_ip6addr(d, p + 24);
			dec_printf(d, ": ");
		}
		unsigned cur = nh;
		switch (nh) {
		case PROTO_IP_HOPOPTS:
			if (w.found_hbh) {
				dec_printf(d, "[The Hop-by-Hop Options header was already found] (invalid)");
				return;
			}
			if (prev != PROTO_IP_IPV6) {
				dec_printf(d, "[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
				return;
			}
			advance = opts_header(d, &w, cp, "HBH", "hbhopt");
			if (w.plen == 0 && !w.jumbo && advance >= 0) {
				dec_printf(d, "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
				return;
			}
			if (advance < 0)
				return;
			w.found_hbh = 1;
			if (w.plen == 0) {
				size_t total = (size_t)w.jumbo + 40;
				if (length < total)
					dec_printf(d, "truncated-ip6 - %zu bytes missing!", total - length);
				if (dec_has(d, p, total))
					d->end = p + total;
				len = w.jumbo;
			}
			nh = dec_u8(d, cp);
			break;
		case PROTO_IP_DSTOPTS:
			advance = opts_header(d, &w, cp, "DSTOPT", "dstopt");
			if (advance < 0)
				return;
			nh = dec_u8(d, cp);
			break;
		case PROTO_IP_ROUTING:
			advance = routing(d, cp, &n.dst);
			if (advance < 0)
				return;
			nh = dec_u8(d, cp);
			break;
		case PROTO_IP_FRAGMENT: {
			d->proto = "frag6";
			unsigned off = dec_be16(d, cp + 2) & 0xfff8;
			size_t flen = (size_t)w.plen + 40 - (size_t)(cp - p) - 8;
			if (d->o.vflag)
				dec_printf(d, "frag (0x%08x:%u|%zu)", dec_be32(d, cp + 4), off, flen);
			else
				dec_printf(d, "frag (%u|%zu)", off, flen);
			if (off != 0)
				return;
			dec_printf(d, " ");
			if (d->end <= cp + 8)
				return;
			advance = 8;
			nh = dec_u8(d, cp);
			n.fragmented = 1;
			break;
		}
		case PROTO_IP_MOBILITY: case PROTO_IP_MOBILE_OLD: /* the last header tcpdump reads */
			dec_mobility(d, cp);
			return;
		default:
			if (w.plen == 0 && !w.jumbo && d->end > p + 40)
				d->end = p + 40; /* no length at all: tcpdump cuts here */
			dec_ip_upper(d, &n, nh, cp, len);
			return;
		}
		prev = cur;
		d->proto = "ip6";
	}
}
