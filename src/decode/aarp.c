/* aarp.c: AppleTalk ARP (ethertype 0x80f3) as tcpdump 4.99 prints it:
 * "aarp who-has 65280.1 tell 65280.2", "aarp reply ... is-at MAC",
 * "aarp probe ...", or its fields in numbers when the hardware and protocol
 * are not Ethernet and AppleTalk.  Addresses are tcpdump's "net.node"
 * ("net" alone for node 255; no atalk.names here). */
#include "decode/dec.h"

#define AARP_LEN 28
#define ETH_ATALK 0x809b

/* the AppleTalk address of 4 bytes (a zero, net, node) at p */
static void ataddr(struct dec_ctx *d, const uint8_t *p)
{
	unsigned net = dec_get_be16(p + 1), node = p[3];
	if (node != 255)
		dec_printf(d, "%u.%u", net, node);
	else
		dec_printf(d, "%u", net);
}

void dec_aarp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "aarp";
	dec_printf(d, "aarp ");
	if (!dec_has(d, p, AARP_LEN)) {
		dec_printf(d, " [|aarp]");
		return;
	}
	if (len < AARP_LEN) {
		dec_printf(d, " [|aarp %zu]", len);
		return;
	}
	unsigned htype = dec_get_be16(p), ptype = dec_get_be16(p + 2), op = dec_get_be16(p + 6);
	if (htype == 1 && ptype == ETH_ATALK && p[4] == 6 && p[5] == 4 && op >= 1 && op <= 3) {
		static const char *const verbs[] = { "who-has ", "reply ", "probe " };
		dec_printf(d, "%s", verbs[op - 1]);
		ataddr(d, op == 2 ? p + 14 : p + 24);
		dec_printf(d, op == 2 ? " is-at " : " tell ");
		if (op == 2)
			dec_mac(d, p + 8);
		else
			ataddr(d, p + 14);
		return;
	}
	dec_printf(d, "len %zu op %u htype %u ptype %#x halen %u palen %u", len, op, htype, ptype, p[4], p[5]);
}
