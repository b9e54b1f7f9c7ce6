/* icmp6.c: ICMPv6 (RFC 4443, RFC 4861): "ICMP6, echo request, id I, seq
 * S, length L", neighbor and router discovery basics, unreachable and
 * packet too big.  With -v the checksum verdict comes first
 * ("[icmp6 sum ok] "); neighbor discovery options, printed by tcpdump
 * only with -v, are not decoded and the line stops there. */
#include "decode/dec.h"

static const struct dec_tok types[] = {
	{ 1, "destination unreachable" }, { 2, "packet too big" }, { 3, "time exceeded in-transit" },
	{ 4, "parameter problem" }, { 128, "echo request" }, { 129, "echo reply" },
	{ 130, "multicast listener query" }, { 131, "multicast listener report" },
	{ 132, "multicast listener done" }, { 133, "router solicitation" },
	{ 134, "router advertisement" }, { 135, "neighbor solicitation" },
	{ 136, "neighbor advertisement" }, { 137, "redirect" }, { 143, "multicast listener report v2" }, { 0, NULL },
};

void dec_icmp6(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "icmp6";
	unsigned type = dec_u8(d, p);
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented && dec_has(d, p, len)) {
		uint16_t sum = dec_cksum_ip6(n->src, n->dst, p, len, 58);
		uint16_t field = dec_be16(d, p + 2);
		if (sum != 0)
			dec_printf(d, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ", field, dec_shouldbe(field, sum));
		else
			dec_printf(d, "[icmp6 sum ok] ");
	}
	const char *name = dec_tok(types, type, NULL);
	if (!name) {
		dec_printf(d, "ICMP6, unknown icmp6 type (%u), length %zu", type, len);
		return; /* tcpdump goes on with a hex dump */
	}
	dec_printf(d, "ICMP6, %s", name);
	switch (type) {
	case 128: case 129:
		dec_printf(d, ", id %u, seq %u", dec_be16(d, p + 4), dec_be16(d, p + 6));
		break;
	case 2:
		dec_printf(d, ", mtu %u", dec_be32(d, p + 4));
		break;
	case 135:
		dec_printf(d, ", who has ");
		dec_ip6addr(d, p + 8);
		break;
	case 136:
		dec_printf(d, ", tgt is ");
		dec_ip6addr(d, p + 8);
		break;
	case 133: case 134:
		break;
	case 143:
		dec_printf(d, ", %u group record(s)", dec_be16(d, p + 6));
		break;
	default:
		return; /* tcpdump goes on with codes and the quoted packet */
	}
	if (d->o.vflag)
		return; /* tcpdump prints no length, but neighbor discovery options */
	dec_printf(d, ", length %zu", len);
}
