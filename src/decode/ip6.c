/* ip6.c: IPv6 (RFC 8200) and its extension headers.  "IP6 " (without -e),
 * with -v "(class 0x.., flowlabel 0x....., hlim H, next-header NAME (N)
 * payload length: L) ", then the chain of extension headers: hop-by-hop
 * ("HBH "), destination options ("DSTOPT "), fragment ("frag (off|len) "),
 * routing (not decoded: the line stops there) and the upper layer.  The
 * capture bound is cut to the payload length. */
#include "decode/dec.h"

/* Hop-by-hop / destination options header: the option details tcpdump
 * prints only with -v, where we stop.  Returns the header's length. */
static size_t opts_header(struct dec_ctx *d, const uint8_t *cp, const char *name)
{
	size_t hlen = ((size_t)dec_u8(d, cp + 1) + 1) * 8;
	dec_need(d, cp, hlen);
	dec_printf(d, "%s ", name);
	return hlen;
}

void dec_ip6(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	d->proto = "ip6";
	if (!d->o.eflag)
		dec_printf(d, "IP6 ");
	if (length < 40) {
		dec_printf(d, "truncated-ip6 %zu", length);
		return;
	}
	dec_need(d, p, 40);
	unsigned v = dec_u8(d, p) >> 4;
	if (v != 6) {
		dec_printf(d, "version error: %u != 6", v);
		return;
	}
	uint32_t flow = dec_be32(d, p);
	size_t plen = dec_be16(d, p + 4);
	unsigned nh = dec_u8(d, p + 6);
	size_t len = plen + 40;
	if (plen == 0 && nh == 0)
		len = length; /* a jumbogram (RFC 2675): its length is in hop-by-hop */
	if (length < len)
		dec_printf(d, "truncated-ip6 - %zu bytes missing!", len - length);
	if (dec_has(d, p, len))
		d->end = p + len;
	if (d->o.vflag) {
		dec_printf(d, "(");
		if (flow & 0x0ff00000)
			dec_printf(d, "class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			dec_printf(d, "flowlabel 0x%05x, ", flow & 0x000fffff);
		dec_printf(d, "hlim %u, next-header %s (%u) payload length: %zu) ", dec_u8(d, p + 7),
			   dec_ipproto_name(nh), nh, plen);
	}
	struct dec_net n = { .v6 = 1, .src = p + 8, .dst = p + 24, .iph = p, .fragmented = 0,
			     .ports_only = nh == 0 || nh == 43 || nh == 44 || nh == 60 };
	const uint8_t *cp = p;
	size_t advance = 40;
	while (cp < d->end && advance > 0) {
		if (len < advance) {
			dec_trunc(d);
		}
		cp += advance;
		len -= advance;
		if (cp == p + 40 && nh != 6 && nh != 17 && nh != 33 && nh != 132) {
			dec_ip6addr(d, p + 8);
			dec_printf(d, " > ");
			dec_ip6addr(d, p + 24);
			dec_printf(d, ": ");
		}
		switch (nh) {
		case 0: /* hop-by-hop options */
			if (d->o.vflag) {
				dec_printf(d, "HBH ");
				return;
			}
			advance = opts_header(d, cp, "HBH");
			nh = dec_u8(d, cp);
			break;
		case 60: /* destination options */
			if (d->o.vflag) {
				dec_printf(d, "DSTOPT ");
				return;
			}
			advance = opts_header(d, cp, "DSTOPT");
			nh = dec_u8(d, cp);
			break;
		case 44: { /* fragment */
			d->proto = "frag6";
			dec_need(d, cp, 8);
			unsigned off = dec_be16(d, cp + 2) & 0xfff8;
			size_t flen = 40 + plen - (size_t)(cp - p) - 8;
			if (d->o.vflag)
				dec_printf(d, "frag (0x%08x:%u|%zu)", dec_be32(d, cp + 4), off, flen);
			else
				dec_printf(d, "frag (%u|%zu)", off, flen);
			if (off != 0 || d->end <= cp + 8)
				return;
			dec_printf(d, " ");
			advance = 8;
			nh = dec_u8(d, cp);
			n.fragmented = 1;
			break;
		}
		case 43: /* routing: not decoded */
		case 135: case 62: /* mobility */
			return;
		case 6:
			dec_tcp(d, &n, cp, len);
			return;
		case 17:
			dec_udp(d, &n, cp, len);
			return;
		case 58:
			dec_icmp6(d, &n, cp, len);
			return;
		case 1:
			dec_printf(d, "[ICMP requires IPv4] (invalid)");
			return;
		case 4:
			dec_ip(d, cp, len);
			return;
		case 41:
			dec_ip6(d, cp, len);
			return;
		case 59: /* no next header */
			dec_printf(d, " ip-proto-59 %zu", len);
			return;
		default:
			if (nh != 2 && nh != 8 && nh != 9 && nh != 33 && nh != 46 && nh != 47 && nh != 50 &&
			    nh != 51 && nh != 55 && nh != 77 && nh != 88 && nh != 89 && nh != 103 &&
			    nh != 108 && nh != 112 && nh != 113 && nh != 132)
				dec_printf(d, " ip-proto-%u %zu", nh, len);
			return;
		}
		d->proto = "ip6";
	}
}
