/* vxlangpe.c: VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe) as tcpdump 4.99
 * prints it: "VXLAN-GPE, flags [IP], vni 7: " (-v: a newline and four
 * spaces instead of ": "), then the payload by its next-protocol byte:
 * IPv4, IPv6, Ethernet, NSH (nsh.c), else an error.
 * tcpdump 4.99 reads the next-protocol byte whatever the P flag says, and
 * checks neither the version nor the I flag. */
#include "decode/dec.h"

#define GPE_HDR_LEN 8

enum { GPE_IPV4 = 1, GPE_IPV6 = 2, GPE_ETHERNET = 3, GPE_NSH = 4 };

static const struct dec_tok gpe_flags[] = {
	{ 0x08, "I" }, { 0x04, "P" }, { 0x02, "B" }, { 0x01, "O" }, { 0, NULL },
};

void dec_vxlan_gpe(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	if (!dec_tunnel_begin(d, "vxlan_gpe", "VXLAN-GPE, ", len, GPE_HDR_LEN, " (len %zu < %u) (invalid)"))
		return;
	unsigned flags = dec_u8(d, p);
	dec_printf(d, "flags [");
	dec_bits_nosep(d, gpe_flags, flags, "none");
	dec_printf(d, "], ");
	unsigned next = dec_u8(d, p + 3);
	dec_need(d, p + 4, 3);
	unsigned vni = (unsigned)(p[4] << 16 | p[5] << 8 | p[6]);
	dec_need(d, p + 7, 1); /* the reserved byte, checked too */
	dec_printf(d, "vni %u", vni);
	dec_printf(d, d->o.vflag ? "\n    " : ": ");
	p += GPE_HDR_LEN;
	len -= GPE_HDR_LEN;
	switch (next) {
	case GPE_IPV4: dec_ip(d, p, len); break;
	case GPE_IPV6: dec_ip6(d, p, len); break;
	case GPE_ETHERNET: dec_ether_inner(d, p, len); break;
	case GPE_NSH: dec_nsh(d, p, len); break;
	default: dec_printf(d, "ERROR: unknown-next-protocol (invalid)"); break;
	}
}
