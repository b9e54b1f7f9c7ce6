/* arp.c: ARP (RFC 826) and RARP (RFC 903) for Ethernet/IPv4:
 * "ARP, Request who-has T [(MAC)] tell S, length N", "ARP, Reply S is-at
 * MAC", "RARP, Reverse Request who-is MAC tell MAC", "Reverse Reply MAC
 * at IP"; -v names the hardware and protocol types first. */
#include "decode/dec.h"

static const struct dec_tok arp_ops[] = {
	{ 1, "Request" }, { 2, "Reply" }, { 3, "Reverse Request" }, { 4, "Reverse Reply" },
	{ 8, "InVerse Request" }, { 9, "InVerse Reply" }, { 10, "NACK Reply" }, { 0, NULL },
};

/* A hardware address of any length, colon-separated hex. */
static void hwaddr(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	dec_need(d, p, n);
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

void dec_arp(struct dec_ctx *d, const uint8_t *p, size_t len, int rarp)
{
	d->proto = "arp";
	if (!d->o.eflag)
		dec_printf(d, "%s, ", rarp ? "RARP" : "ARP");
	dec_need(d, p, 8);
	unsigned hrd = dec_be16(d, p), pro = dec_be16(d, p + 2), hln = dec_u8(d, p + 4), pln = dec_u8(d, p + 5);
	unsigned op = dec_be16(d, p + 6);
	if ((pro != 0x0800 && pro != 0x1000) || pln != 4 || (hrd != 1 && hrd != 6)) {
		dec_printf(d, "%s, len %zu", "Unknown Hardware", len); /* tcpdump goes on; we stop */
		return;
	}
	if (d->o.vflag)
		dec_printf(d, "Ethernet (len %u), IPv4 (len %u), ", hln, pln);
	const uint8_t *sha = p + 8, *spa = sha + hln, *tha = spa + 4, *tpa = tha + hln;
	dec_need(d, p, 8 + 2 * (size_t)hln + 8);
	switch (op) {
	case 1:
		dec_printf(d, "Request who-has ");
		dec_ip4addr(d, tpa);
		if (!zero_hw(d, tha, hln)) {
			dec_printf(d, " (");
			hwaddr(d, tha, hln);
			dec_printf(d, ")");
		}
		dec_printf(d, " tell ");
		dec_ip4addr(d, spa);
		break;
	case 2:
		dec_printf(d, "Reply ");
		dec_ip4addr(d, spa);
		dec_printf(d, " is-at ");
		hwaddr(d, sha, hln);
		break;
	case 3:
		dec_printf(d, "Reverse Request who-is ");
		hwaddr(d, tha, hln);
		dec_printf(d, " tell ");
		hwaddr(d, sha, hln);
		break;
	case 4:
		dec_printf(d, "Reverse Reply ");
		hwaddr(d, tha, hln);
		dec_printf(d, " at ");
		dec_ip4addr(d, tpa);
		break;
	default:
		dec_printf(d, "%s", dec_tok(arp_ops, op, "Unknown"));
		return;
	}
	dec_printf(d, ", length %zu", len);
}
