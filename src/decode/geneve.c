/* geneve.c: Geneve (RFC 8926) as tcpdump 4.99 prints it:
 *
 *   Geneve, Flags [C], vni 0x1389, options [8 bytes]: IP ...      (no -v)
 *   Geneve, Flags [none], vni 0x1389, options [class Linux (0x100)
 *   type 0x1 len 8]\n\tIP (tos ...                                   (-v)
 *
 * With -e the protocol type is named after the VNI; -vv adds each
 * option's data words.  The payload goes to the printer of its
 * ethertype, an Ethernet frame (TEB) to the Ethernet printer, anything
 * else is "geneve-proto-0xN".  A header or options not captured end the
 * line " [|geneve]" (the printer returns). */
#include "decode/dec.h"

#define GENEVE_HDR_LEN 8
#define GENEVE_OPT_CRITICAL 0x80   /* in an option's type */
#define GENEVE_TEB 0x6558          /* Transparent Ethernet Bridging (RFC 1701) */

static const struct dec_tok geneve_flags[] = {
	{ 0x80, "O" }, { 0x40, "C" }, { 0x20, "R1" }, { 0x10, "R2" }, { 0x08, "R3" }, { 0x04, "R4" },
	{ 0x02, "R5" }, { 0x01, "R6" }, { 0, NULL },
};

/* bittok2str_nosep: the names of v's bits run together, or none. */
void dec_bits_nosep(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *none)
{
	int any = 0;
	for (; t->s; t++)
		if (t->v && (v & t->v) == t->v) {
			dec_printf(d, "%s", t->s);
			any = 1;
		}
	if (!any)
		dec_printf(d, "%s", none);
}

int dec_tunnel_begin(struct dec_ctx *d, const char *proto, const char *name, size_t len, unsigned min,
		     const char *short_fmt)
{
	d->proto = proto;
	dec_printf(d, "%s", name);
	if (len >= min)
		return 1;
	dec_printf(d, short_fmt, len, min);
	return 0;
}

/* Option classes (the IANA Geneve Option Class registry) */
static const char *opt_class(unsigned c)
{
	static const struct dec_tok classes[] = {
		{ 0x0100, "Linux" }, { 0x0101, "Open vSwitch" }, { 0x0102, "Open Virtual Networking (OVN)" },
		{ 0x0103, "In-band Network Telemetry (INT)" }, { 0x0104, "VMware" }, { 0, NULL },
	};
	const char *s = dec_tok(classes, c, NULL);
	return s ? s : c <= 0x00ff ? "Standard" : c >= 0xfff0 ? "Experimental" : "Unknown";
}

static void print_options(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	const char *sep = "";
	while (len > 0) {
		dec_printf(d, "%s", sep);
		sep = ", ";
		unsigned cls = dec_be16(d, p), type = dec_u8(d, p + 2);
		unsigned olen = 4 + (dec_u8(d, p + 3) & 0x1f) * 4;
		dec_printf(d, "class %s (0x%x) type 0x%x%s len %u", opt_class(cls), cls, type,
			   (type & GENEVE_OPT_CRITICAL) ? "(C)" : "", olen);
		if (olen > len) {
			dec_printf(d, " [bad length]");
			return;
		}
		if (d->o.vflag > 1 && olen > 4) {
			dec_printf(d, " data");
			for (unsigned i = 4; i < olen; i += 4)
				dec_printf(d, " %08x", dec_be32(d, p + i));
		}
		p += olen;
		len -= olen;
	}
}

void dec_geneve(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	if (!dec_tunnel_begin(d, "geneve", "Geneve", len, GENEVE_HDR_LEN, " [length %zu < %u] (invalid)"))
		return;
	dec_need_ret(d, p, GENEVE_HDR_LEN); /* tcpdump checks the header and returns */
	unsigned ver_opt = p[0];
	if (ver_opt >> 6) {
		dec_printf(d, " ERROR: unknown-version %u", ver_opt >> 6);
		return;
	}
	unsigned flags = p[1], prot = dec_get_be16(p + 2), reserved = p[7];
	dec_printf(d, ", Flags [");
	dec_bits_nosep(d, geneve_flags, flags, "none");
	dec_printf(d, "], vni 0x%x", (unsigned)(p[4] << 16 | p[5] << 8 | p[6]));
	if (reserved)
		dec_printf(d, ", rsvd 0x%x", reserved);
	if (d->o.eflag)
		dec_printf(d, ", proto %s (0x%04x)", proto_name_or(&proto_ethertypes, prot, PROTO_TCPDUMP, "unknown"),
			   prot);
	unsigned opts_len = (ver_opt & 0x3f) * 4;
	p += GENEVE_HDR_LEN;
	len -= GENEVE_HDR_LEN;
	if (len < opts_len) {
		dec_printf(d, " truncated-geneve - %zu bytes missing", opts_len - len);
		return;
	}
	dec_need_ret(d, p, opts_len);
	if (opts_len > 0) {
		dec_printf(d, ", options [");
		if (d->o.vflag)
			print_options(d, p, opts_len);
		else
			dec_printf(d, "%u bytes", opts_len);
		dec_printf(d, "]");
	}
	p += opts_len;
	len -= opts_len;
	dec_printf(d, d->o.vflag ? "\n\t" : ": ");
	if (prot != GENEVE_TEB && dec_ethertype_printed(prot))
		dec_ethertype(d, prot, p, len);
	else if (prot == GENEVE_TEB)
		dec_ether_inner(d, p, len);
	else
		dec_printf(d, "geneve-proto-0x%x", prot);
}
