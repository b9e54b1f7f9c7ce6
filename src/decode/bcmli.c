/* bcmli.c: Broadcom's lawful-intercept shim (BCM-LI, UDP from port 49152)
 * as tcpdump 4.99 prints it: one 32-bit word (direction, packet type and
 * subtype, intercept id), then with -v the intercepted packet on a line
 * of its own:
 *
 *   BCM-LI-SHIM: direction ingress, pkt-type undecided, pkt-subtype double VLAN tag, li-id 66666
 *   \n    BCM-LI-SHIM: ...\n    IP (tos 0x0, ...) ...              (-v)
 *
 * The payload is Ethernet, IPv4 or IPv6 by the packet type; "undecided"
 * guesses IPv4 or IPv6 from the first nibble.  Without -v tcpdump checks
 * that the whole payload was captured, " [|bcm_li]" if not. */
#include "decode/dec.h"

#define BCMLI_SHIM_LEN 4
enum { BCMLI_UNDECIDED = 4, BCMLI_IPV4 = 5, BCMLI_IPV6 = 6, BCMLI_ETHERNET = 7 };

static const struct dec_tok bcmli_dirs[] = {
	{ 1, "unused" }, { 2, "egress" }, { 3, "ingress" }, { 0, NULL },
};
static const struct dec_tok bcmli_types[] = {
	{ BCMLI_UNDECIDED, "undecided" }, { BCMLI_IPV4, "ipv4" }, { BCMLI_IPV6, "ipv6" },
	{ BCMLI_ETHERNET, "ethernet" }, { 0, NULL },
};
static const struct dec_tok bcmli_subtypes[] = {
	{ 1, "single VLAN tag" }, { 2, "double VLAN tag" }, { 3, "untagged" }, { 0, NULL },
};

void dec_bcmli(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "bcm_li";
	if (len < BCMLI_SHIM_LEN) {
		dec_printf(d, " (length %zu < %u) (invalid)", len, BCMLI_SHIM_LEN);
		return;
	}
	uint32_t shim = dec_be32(d, p);
	unsigned type = (shim >> 25) & 0xf;
	const char *nl = d->o.vflag ? "\n    " : "";
	dec_printf(d, "%sBCM-LI-SHIM: direction %s, pkt-type %s, pkt-subtype %s, li-id %u%s", nl,
		   dec_tok(bcmli_dirs, shim >> 29, "unknown"), dec_tok(bcmli_types, type, "unknown"),
		   dec_tok(bcmli_subtypes, (shim >> 22) & 0x7, "unknown"), (unsigned)(shim & 0x3fffff), nl);
	p += BCMLI_SHIM_LEN;
	len -= BCMLI_SHIM_LEN;
	if (!d->o.vflag) {
		dec_need(d, p, len);
		return;
	}
	if (type == BCMLI_UNDECIDED) { /* the IP version from the first nibble */
		unsigned v = dec_u8(d, p) >> 4;
		type = v == 4 ? BCMLI_IPV4 : v == 6 ? BCMLI_IPV6 : 0;
		if (!type) {
			dec_printf(d, "unknown payload");
			return;
		}
	}
	if (type == BCMLI_IPV4 || type == BCMLI_IPV6) {
		(type == BCMLI_IPV4 ? dec_ip : dec_ip6)(d, p, len);
		return;
	}
	if (type == BCMLI_ETHERNET) {
		int hdrlen = d->hdrlen; /* the outer link header's, for -x */
		dec_ether(d, p, len);
		d->hdrlen = hdrlen;
		return;
	}
	dec_printf(d, " (invalid)");
}
