/* mpls.c: an MPLS label stack (RFC 3032; ethertypes 0x8847 and 0x8848),
 * as tcpdump prints it: "MPLS (label 16, tc 0, [S], ttl 64)" per entry
 * (on lines of their own with -v, which also names the reserved labels),
 * then the payload: IPv4 under labels 0 and 3, IPv6 under 2, otherwise
 * guessed from its first byte (0x45-0x4f IPv4, 0x60-0x6f IPv6, 0x81-0x83
 * OSI: IS-IS and the other ISO protocols), else tcpdump's hex dump.  A stack running
 * past the packet's length ends " (invalid)". */
#include "decode/dec.h"

static const char *const reserved[16] = {
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
};

enum { MPLS_UNKNOWN, MPLS_IPV4, MPLS_IPV6, MPLS_OSI };

void dec_mpls(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_MPLS);
	d->proto = "mpls";
	dec_printf(d, "MPLS");
	uint32_t e;
	int depth = 0;
	do {
		if (len < 4) {
			dec_printf(d, " (invalid)");
			dec_need(d, p, len);
			return;
		}
		e = dec_be32(d, p);
		unsigned label = e >> 12;
		dec_printf(d, "%s(label %u", depth++ && d->o.vflag ? "\n\t" : " ", label);
		if (d->o.vflag && label < 16)
			dec_printf(d, " (%s)", reserved[label]);
		dec_printf(d, ", tc %u%s, ttl %u)", e >> 9 & 7, e & 0x100 ? ", [S]" : "", e & 0xff);
		p += 4;
		len -= 4;
	} while (!(e & 0x100));
	int pt;
	switch (e >> 12) {
	case 0: case 3:
		pt = MPLS_IPV4;
		break;
	case 2:
		pt = MPLS_IPV6;
		break;
	default: {
		if (len < 1)
			return;
		unsigned first = dec_u8(d, p);
		pt = first >= 0x45 && first <= 0x4f ? MPLS_IPV4 : first >= 0x60 && first <= 0x6f ? MPLS_IPV6 :
		     first >= 0x81 && first <= 0x83 ? MPLS_OSI : MPLS_UNKNOWN;
	}
	}
	if (pt == MPLS_UNKNOWN) {
		if (!d->o.qflag) /* tcpdump's default print (not with -x, -X, -q) */
			d->dump_from = p;
		return;
	}
	dec_printf(d, d->o.vflag ? "\n\t" : " ");
	if (pt == MPLS_IPV4)
		dec_ip(d, p, len);
	else if (pt == MPLS_IPV6)
		dec_ip6(d, p, len);
	else
		dec_osi(d, p, len); /* tcpdump's isoclns_print: -x still dumps from the MPLS label */
}
