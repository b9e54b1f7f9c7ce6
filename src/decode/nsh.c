/* nsh.c: the Network Service Header (RFC 8300) as tcpdump 4.99 prints it,
 * behind VXLAN-GPE: "NSH, flags [O], service-path-id 0x000001,
 * service-index 0xff: " and the payload (IPv4, IPv6, Ethernet).  -vv adds
 * the version and next protocol, -vvv the TTL, length, MD type and the
 * context headers (MD type 1: four words; MD type 2: TLVs). */
#include "decode/dec.h"

#define NSH_HDR_LEN 8              /* base and service path headers */
enum { MD_TYPE1 = 1, MD_TYPE2 = 2 };
enum { NP_IPV4 = 1, NP_IPV6 = 2, NP_ETH = 3 };

static const struct dec_tok nsh_flags[] = { { 0x2, "O" }, { 0, NULL } };
static const struct dec_tok md_types[] = {
	{ 0x0, "reserved" }, { MD_TYPE1, "1" }, { MD_TYPE2, "2" }, { 0xf, "experimental" }, { 0, NULL },
};
static const struct dec_tok next_protos[] = {
	{ NP_IPV4, "IPv4" }, { NP_IPV6, "IPv6" }, { NP_ETH, "Ethernet" }, { 0x4, "NSH" }, { 0x5, "MPLS" },
	{ 0xfe, "Experiment 1" }, { 0xff, "Experiment 2" }, { 0, NULL },
};

/* The context headers of -vvv: 1 when printed, 0 for another MD type,
 * -1 after a complaint. */
static int print_context(struct dec_ctx *d, const uint8_t *p, unsigned md, unsigned words)
{
	if (md == MD_TYPE1) {
		if (words != 4) {
			dec_printf(d, " (invalid length for the MD type) (invalid)");
			return -1;
		}
		for (unsigned n = 0; n < words; n++)
			dec_printf(d, "\n        Context[%02u]: 0x%08x", n, dec_be32(d, p + 4 * n));
		return 1;
	}
	if (md != MD_TYPE2)
		return 0;
	for (unsigned n = 0; n < words;) {
		unsigned cls = dec_be16(d, p), type = dec_u8(d, p + 2), len = dec_u8(d, p + 3) & 0x7f;
		unsigned padded = (len + 3) & ~3u;
		p += 4;
		dec_printf(d, "\n        TLV Class %u, Type %u, Len %u", cls, type, len);
		n++;
		if (words < n + padded / 4) {
			dec_printf(d, " (length too big) (invalid)");
			return -1;
		}
		if (len) {
			dec_printf(d, "\n            Value: ");
			for (unsigned i = 0; i < len; i++)
				dec_printf(d, "%s%02x", i ? ":" : "0x", dec_u8(d, p + i));
			dec_need(d, p + len, padded - len);
			p += padded;
			n += padded / 4;
		}
	}
	return 1;
}

void dec_nsh(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_tunnel_begin(d, "nsh", "", len, NSH_HDR_LEN, " (packet length %zu < %u) (invalid)"))
		return;
	uint32_t base = dec_be32(d, p);
	unsigned ver = base >> 30, words = (base >> 16) & 0x3f, md = (base >> 8) & 0xf, next = base & 0xff;
	dec_printf(d, "NSH, ");
	if (d->o.vflag > 1)
		dec_printf(d, "ver %u, ", ver);
	if (ver != 0)
		return;
	dec_printf(d, "flags [");
	dec_bits_nosep(d, nsh_flags, (base >> 28) & 3, "none");
	dec_printf(d, "], ");
	if (d->o.vflag > 2) {
		dec_printf(d, "TTL %u, length %u, md type ", (base >> 22) & 0x3f, words);
		dec_tokf(d, md_types, md, "unknown (0x%02x)");
		dec_printf(d, ", ");
	}
	if (d->o.vflag > 1) {
		dec_printf(d, "next-protocol ");
		dec_tokf(d, next_protos, next, "unknown (0x%02x)");
		dec_printf(d, ", ");
	}
	if (len < words * 4) {
		dec_printf(d, " (too many headers for packet length %zu) (invalid)", len);
		return;
	}
	dec_need(d, p + 4, 3);
	dec_printf(d, "service-path-id 0x%06x, ", (unsigned)(p[4] << 16 | p[5] << 8 | p[6]));
	dec_printf(d, "service-index 0x%x", dec_u8(d, p + 7));
	if (words < 2) {
		dec_printf(d, " (less than two headers) (invalid)");
		return;
	}
	int r = d->o.vflag > 2 ? print_context(d, p + NSH_HDR_LEN, md, words - 2) : 0;
	if (r < 0)
		return;
	if (r == 0)
		dec_need(d, p + NSH_HDR_LEN, (words - 2) * 4);
	dec_printf(d, d->o.vflag ? "\n    " : ": ");
	p += words * 4;
	len -= words * 4;
	switch (next) {
	case NP_IPV4: dec_ip(d, p, len); break;
	case NP_IPV6: dec_ip6(d, p, len); break;
	case NP_ETH: dec_ether_inner(d, p, len); break;
	default: dec_printf(d, "ERROR: unknown-next-protocol"); break;
	}
}
