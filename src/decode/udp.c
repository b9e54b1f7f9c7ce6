/* udp.c: UDP (RFC 768): "SRC.SPORT > DST.DPORT: UDP, length N".  With -vv
 * over IPv4, and -v over IPv6 where the checksum is mandatory, the verdict
 * comes first: "[udp sum ok] ", "[bad udp cksum 0x.. -> 0x..!] " or
 * "[no cksum] ".  On the ports tcpdump hands to an application printer
 * (app.c) that printer goes on instead of "UDP, length N". */
#include "decode/dec.h"

static void print_ends(struct dec_ctx *d, const struct dec_net *n, int sport, int dport)
{
	if (n->ports_only) {
		if (sport >= 0) {
			dec_port(d, 1, (unsigned)sport);
			dec_printf(d, " > ");
			dec_port(d, 1, (unsigned)dport);
			dec_printf(d, ": ");
		}
		return;
	}
	dec_netaddr(d, n, n->src);
	if (sport >= 0) {
		dec_printf(d, ".");
		dec_port(d, 1, (unsigned)sport);
	}
	dec_printf(d, " > ");
	dec_netaddr(d, n, n->dst);
	if (dport >= 0) {
		dec_printf(d, ".");
		dec_port(d, 1, (unsigned)dport);
	}
	dec_printf(d, ": ");
}

static void print_cksum(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t ulen)
{
	uint16_t field = dec_be16(d, p + 6);
	if (!n->v6 && d->o.vflag > 1) {
		if (field == 0) {
			dec_printf(d, "[no cksum] ");
			return;
		}
		if (!dec_has(d, p, ulen))
			return;
		uint16_t sum = dec_cksum_ip4(n->iph, p, ulen, 17);
		if (sum != 0)
			dec_printf(d, "[bad udp cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[udp sum ok] ");
	} else if (n->v6) {
		if (!dec_has(d, p, ulen))
			return;
		uint16_t sum = dec_cksum_ip6(n->src, n->dst, p, ulen, 17);
		if (sum != 0)
			dec_printf(d, "[bad udp cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[udp sum ok] ");
	}
}

void dec_udp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_UDP);
	d->proto = "udp";
	if (!dec_has(d, p, 4)) {
		print_ends(d, n, -1, -1);
		dec_trunc_ret(d);
	}
	unsigned sport = dec_be16(d, p), dport = dec_be16(d, p + 2);
	/* tcpdump's order: the wire length, the length field captured, its
	 * value, then the rest of the header captured */
	if (len < 8) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_printf(d, "truncated-udp %zu", len);
		return;
	}
	if (!dec_has(d, p + 4, 2)) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_trunc_ret(d);
	}
	size_t ulen = dec_be16(d, p + 4);
	if (ulen == 0 && len > 65535)
		ulen = len;
	if (ulen < 8) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_printf(d, "truncated-udplength %zu", ulen);
		return;
	}
	if (!dec_has(d, p, 8)) {
		print_ends(d, n, (int)sport, (int)dport);
		dec_trunc_ret(d);
	}
	ulen -= 8;
	len -= 8;
	if (ulen < len)
		len = ulen;
	print_ends(d, n, (int)sport, (int)dport);
	struct dec_app a = { n, sport, dport, 0 };
	if (!d->o.qflag && dec_app(d, &a, p + 8, len, 1))
		return;
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented)
		print_cksum(d, n, p, len + 8);
	if (!d->o.qflag && dec_app(d, &a, p + 8, len, 0))
		return;
	if (ulen > len && !n->fragmented)
		dec_printf(d, "UDP, bad length %zu > %zu", ulen, len);
	else
		dec_printf(d, "UDP, length %zu", ulen);
}
