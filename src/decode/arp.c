/* arp.c: ARP (RFC 826) and RARP (RFC 903) for Ethernet/IPv4:
 * "ARP, Request who-has T [(MAC)] tell S, length N", "ARP, Reply S is-at
 * MAC", "RARP, Reverse Request who-is MAC tell MAC", "Reverse Reply MAC
 * at IP"; -v names the hardware and protocol types first. */
#include <string.h>

#include "decode/dec.h"

/* A hardware address as tcpdump's linkaddr_string: "<empty>" for none,
 * a 6-byte one as a MAC address (named without -n), others
 * colon-separated hex. */
static void hwaddr(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	dec_need(d, p, n);
	if (n == 0)
		dec_printf(d, "<empty>");
	else if (n == 6)
		dec_mac(d, p);
	else
		for (unsigned i = 0; i < n; i++)
			dec_printf(d, i ? ":%02x" : "%02x", p[i]);
}

static int zero_hw(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	dec_need(d, p, n);
	for (unsigned i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* Hardware types tcpdump names (IANA "Hardware Types"). */
static const struct dec_tok arp_hrds[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" }, { 7, "ArcNet" }, { 15, "FrameRelay" },
	{ 19, "ATM (RFC 2225)" }, { 23, "Strip" }, { 24, "IEEE 1394" }, { 32, "InfiniBand" }, { 0, NULL },
};

/* A protocol address: IPv4 only (the trailer type 0x1000 counts as IPv4). */
static void protoaddr(struct dec_ctx *d, const uint8_t *p, unsigned pro, unsigned pln)
{
	if (pro != PROTO_ETH_IPV4 && pro != 0x1000)
		dec_printf(d, "<wrong proto type>");
	else if (pln != 4)
		dec_printf(d, "<wrong len>");
	else
		dec_ip4addr(d, p);
}

/* rarp: unused, tcpdump prints RARP as "ARP" too. */
void dec_arp(struct dec_ctx *d, const uint8_t *p, size_t len, int rarp)
{
	dec_layer(d, DEC_L_ARP);
	(void)rarp;
	d->proto = "arp";
	dec_need(d, p, 8);
	unsigned hrd = dec_be16(d, p), pro = dec_be16(d, p + 2), hln = dec_u8(d, p + 4), pln = dec_u8(d, p + 5);
	unsigned op = dec_be16(d, p + 6);
	const uint8_t *sha = p + 8, *spa = sha + hln, *tha = spa + pln, *tpa = tha + hln;
	/* the whole message must be there before anything is printed */
	dec_need(d, p, 8 + 2 * (size_t)hln + 2 * (size_t)pln);
	if (!d->o.eflag)
		dec_printf(d, "ARP, ");
	if ((pro != PROTO_ETH_IPV4 && pro != 0x1000) || pln != 4 || hln == 0 || d->o.vflag) {
		const char *h = dec_tok(arp_hrds, hrd, NULL);
		if (h)
			dec_printf(d, "%s (len %u), ", h, hln);
		else
			dec_printf(d, "Unknown Hardware (%u) (len %u), ", hrd, hln);
		const char *e = pro == 0x1000 ? "Trail" : dec_ethertype_name(pro);
		if ((pro > 1500 || pro == 0x1000) && e && strcmp(e, "Unknown") != 0)
			dec_printf(d, "%s (len %u)", e, pln);
		else
			dec_printf(d, "Unknown Protocol (0x%04x) (len %u)", pro, pln);
		if (!d->o.vflag) {
			dec_printf(d, ", length %zu", len);
			return;
		}
		dec_printf(d, ", ");
	}
	const char *name = proto_name(&proto_arp_ops, op, PROTO_TCPDUMP);
	if (name)
		dec_printf(d, "%s ", name);
	else
		dec_printf(d, "Unknown (%u) ", op);
	switch (op) {
	case PROTO_ARP_REQUEST:
		dec_printf(d, "who-has ");
		protoaddr(d, tpa, pro, pln);
		if (!zero_hw(d, tha, hln)) {
			dec_printf(d, " (");
			hwaddr(d, tha, hln);
			dec_printf(d, ")");
		}
		dec_printf(d, " tell ");
		protoaddr(d, spa, pro, pln);
		break;
	case PROTO_ARP_REPLY:
		protoaddr(d, spa, pro, pln);
		dec_printf(d, " is-at ");
		hwaddr(d, sha, hln);
		break;
	case PROTO_RARP_REQUEST: case PROTO_INARP_REQUEST:
		dec_printf(d, "who-is ");
		hwaddr(d, tha, hln);
		dec_printf(d, " tell ");
		hwaddr(d, sha, hln);
		break;
	case PROTO_RARP_REPLY: case PROTO_INARP_REPLY: /* the target's, or the sender's */
		hwaddr(d, op == PROTO_RARP_REPLY ? tha : sha, hln);
		dec_printf(d, " at ");
		protoaddr(d, op == PROTO_RARP_REPLY ? tpa : spa, pro, pln);
		break;
	default: /* tcpdump's default printer, whatever -x / -X say */
		dec_hexascii(d, p, (size_t)(d->end - p));
		return;
	}
	dec_printf(d, ", length %zu", len);
}
