/* cfm.c: IEEE 802.1ag Connectivity Fault Management (ethertype 0x8902,
 * and 0xabcd of old) as tcpdump 4.99 prints it:
 *
 *   CFMv0 Continuity Check Message, MD Level 5, length 74      (no -v)
 *   ... \n\tFirst TLV offset 70, Flags [CCM Interval 4]\n\t  ... (-v: the
 *   message's own fields, then its TLVs; -vv their bytes in hex too)
 *
 * Lengths that do not add up end the line with "\n\t\t packet is too
 * short"; a message cut short " [|cfm]" (tcpdump's checks there
 * return: -x still skips the link header). */
#include "decode/dec.h"

enum { OP_CCM = 1, OP_LBR = 2, OP_LBM = 3, OP_LTR = 4, OP_LTM = 5 };
enum { TLV_END = 0, TLV_SENDER_ID = 1, TLV_PORT_STATUS = 2, TLV_IF_STATUS = 3, TLV_PRIVATE = 31 };
#define TOO_SHORT "\n\t\t packet is too short"
#define CCM_LEN 70 /* sequence, MEP id, 48 bytes of names, 16 of Y.1731 */

static const struct dec_tok cfm_opcodes[] = {
	{ OP_CCM, "Continuity Check Message" }, { OP_LBR, "Loopback Reply" }, { OP_LBM, "Loopback Message" },
	{ OP_LTR, "Linktrace Reply" }, { OP_LTM, "Linktrace Message" }, { 0, NULL },
};
static const struct dec_tok md_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "No MD Name present" }, { 2, "DNS string" }, { 3, "MAC + 16Bit Integer" },
	{ 4, "Character string" }, { 0, NULL },
};
static const struct dec_tok ma_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "Primary VID" }, { 2, "Character string" }, { 3, "16Bit Integer" },
	{ 4, "RFC2685 VPN-ID" }, { 0, NULL },
};
static const struct dec_tok ltm_flags[] = { { 0x80, "Use Forwarding-DB only" }, { 0, NULL } };
static const struct dec_tok ltr_flags[] = { { 0x80, "UseFDB Only" }, { 0x40, "FwdYes" }, { 0x20, "Terminal MEP" }, { 0, NULL } };
static const struct dec_tok ltr_actions[] = { { 1, "Exact Match" }, { 2, "Filtering DB" }, { 3, "MIP CCM DB" }, { 0, NULL } };
static const struct dec_tok cfm_tlvs[] = {
	{ TLV_END, "End" }, { TLV_SENDER_ID, "Sender ID" }, { TLV_PORT_STATUS, "Port status" },
	{ TLV_IF_STATUS, "Interface status" }, { 4, "Data" }, { 5, "Reply Ingress" }, { 6, "Reply Egress" },
	{ TLV_PRIVATE, "Organization Specific" }, { 0, NULL },
};
static const struct dec_tok port_status[] = { { 1, "Blocked" }, { 2, "Up" }, { 0, NULL } };
static const struct dec_tok if_status[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Testing" }, { 5, "Dormant" }, { 6, "not present" }, { 7, "lower Layer down" },
	{ 0, NULL },
};
static const struct dec_tok chassis_types[] = {
	{ 0, "Reserved" }, { 1, "Chassis component" }, { 2, "Interface alias" }, { 3, "Port component" },
	{ 4, "MAC address" }, { 5, "Network address" }, { 6, "Interface name" }, { 7, "Locally assigned" }, { 0, NULL },
};
/* address family numbers (tcpdump's af_values) */
static const struct dec_tok afnums[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" }, { 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" },
	{ 7, "E.163" }, { 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" }, { 12, "Appletalk" },
	{ 13, "Decnet IV" }, { 14, "Banyan Vines" }, { 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" },
	{ 196, "Layer-2 VPN" }, { 0, NULL },
};
/* the CCM interval's time bases, in seconds */
static const float ccm_interval[8] = { 0.0f, 0.003333f, 0.01f, 0.1f, 1.0f, 10.0f, 60.0f, 600.0f };

/* tcpdump's nd_printjnp: n bytes of text, stopping at a NUL */
static void text(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	dec_text(d, p, n, DEC_TEXT_NUL);
}

/* The CCM's names (p at the MD name format, 48 bytes); 0 when a length
 * ends the line. */
static int ccm_names(struct dec_ctx *d, const uint8_t *p)
{
	unsigned left = 48, mdf = dec_u8(d, p++), n;
	left--;
	if (mdf != 1) {
		n = dec_u8(d, p++);
		left--;
		dec_printf(d, "\n\t  MD Name Format %s (%u), MD Name length %u", dec_tok(md_formats, mdf, "Unknown"), mdf, n);
		if (n > left - 3) {
			dec_printf(d, " (too large, must be <= %u)", left - 2);
			return 0;
		}
		dec_printf(d, "\n\t  MD Name: ");
		if (mdf == 2 || mdf == 4)
			text(d, p, n);
		else if (mdf == 3 && n == 6) {
			dec_printf(d, "\n\t  MAC ");
			dec_mac(d, p);
		} else if (mdf == 3)
			dec_printf(d, "\n\t  MAC (length invalid)");
		else
			dec_unknown_data(d, p, "\n\t    ", n);
		p += n;
		left -= n;
	} else
		dec_printf(d, "\n\t  MD Name Format %s (%u)", dec_tok(md_formats, mdf, "Unknown"), mdf);
	unsigned maf = dec_u8(d, p++);
	left--;
	n = dec_u8(d, p++);
	left--;
	dec_printf(d, "\n\t  MA Name-Format %s (%u), MA name length %u", dec_tok(ma_formats, maf, "Unknown"), maf, n);
	if (n > left) {
		dec_printf(d, " (too large, must be <= %u)", left);
		return 0;
	}
	dec_printf(d, "\n\t  MA Name: ");
	if (maf == 2)
		text(d, p, n);
	else
		dec_unknown_data(d, p, "\n\t    ", n);
	return 1;
}

/* The message's own fields after the common header (p), tlen bytes
 * left, first the offset of the TLVs: 1 to go on to the TLVs, 0 when the
 * line ends, -1 for "too short". */
static int message(struct dec_ctx *d, unsigned op, unsigned flags, const uint8_t *p, unsigned tlen, unsigned first)
{
	static const unsigned need[] = { [OP_CCM] = CCM_LEN, [OP_LTR] = 6, [OP_LTM] = 17 };
	if (op == OP_CCM || op == OP_LTR || op == OP_LTM) {
		if (first < need[op]) {
			dec_printf(d, " (too small %u, must be >= %u)", op == OP_CCM ? 1 : op == OP_LTM ? 4 : 5, need[op]);
			return 0;
		}
		if (tlen < need[op])
			return -1;
		dec_need_ret(d, p, need[op]);
	}
	switch (op) {
	case OP_CCM: {
		unsigned iv = flags & 7;
		dec_printf(d, ", Flags [CCM Interval %u%s]", iv, flags & 0x80 ? ", RDI" : "");
		if (iv)
			dec_printf(d, "\n\t  CCM Interval %.3fs, min CCM Lifetime %.3fs, max CCM Lifetime %.3fs",
				   ccm_interval[iv], ccm_interval[iv] * 3.25, ccm_interval[iv] * 3.5);
		dec_printf(d, "\n\t  Sequence Number 0x%08x, MA-End-Point-ID 0x%04x", dec_get_be32(p), dec_get_be16(p + 4));
		return ccm_names(d, p + 6);
	}
	case OP_LTM:
		dec_printf(d, ", Flags [");
		dec_bits(d, ltm_flags, flags, "none");
		dec_printf(d, "]\n\t  Transaction-ID 0x%08x, ttl %u", dec_get_be32(p), p[4]);
		dec_printf(d, "\n\t  Original-MAC ");
		dec_mac(d, p + 5);
		dec_printf(d, ", Target-MAC ");
		dec_mac(d, p + 11);
		return 1;
	case OP_LTR:
		dec_printf(d, ", Flags [");
		dec_bits(d, ltr_flags, flags, "none");
		dec_printf(d, "]\n\t  Transaction-ID 0x%08x, ttl %u", dec_get_be32(p), p[4]);
		dec_printf(d, "\n\t  Replay-Action %s (%u)", dec_tok(ltr_actions, p[5], "Unknown"), p[5]);
		return 1;
	default: /* no decoder: the bytes up to the TLVs */
		dec_unknown_data(d, p, "\n\t  ", tlen - first);
		return 1;
	}
}

/* A network address of a sender ID: 1 when the bytes want a hex dump. */
static int network_addr(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	if (n < 1) {
		dec_printf(d, "\n\t  Network Address Type (invalid, no data");
		return 0;
	}
	unsigned af = dec_u8(d, p);
	dec_printf(d, "\n\t  Network Address Type %s (%u)", dec_tok(afnums, af, "Unknown"), af);
	if (af != 1 && af != 2)
		return 1;
	if (n != (af == 1 ? 5u : 17u)) {
		dec_printf(d, "(invalid IPv%c address length %u)", af == 1 ? '4' : '6', n - 1);
		return 1;
	}
	dec_printf(d, ", ");
	if (af == 1)
		dec_ip4addr(d, p + 1);
	else
		dec_ip6addr(d, p + 1);
	return 0;
}

/* Where the TLV loop is: p and tlen as the loop walks them, n what is
 * left of the current TLV's value (the sender ID's parser moves all
 * three as tcpdump's does, the chassis ID type byte counted in n only). */
struct tlv_at {
	const uint8_t *p;
	unsigned tlen, n;
};

/* Takes one byte at t->p. */
static unsigned take(struct dec_ctx *d, struct tlv_at *t)
{
	unsigned v = dec_u8(d, t->p);
	t->p++, t->tlen--, t->n--;
	return v;
}

/* The chassis ID of a sender ID TLV (clen bytes after its type byte at
 * t->p); 1 when the bytes want a hex dump, -1: skip to the next TLV. */
static int chassis_id(struct dec_ctx *d, struct tlv_at *t, unsigned clen)
{
	int hex = 0;
	if (t->n < 1) {
		dec_printf(d, "\n\t  (TLV too short)");
		return -1;
	}
	unsigned ct = dec_u8(d, t->p);
	t->n--;
	dec_printf(d, "\n\t  Chassis-ID Type %s (%u), Chassis-ID length %u", dec_tok(chassis_types, ct, "Unknown"), ct,
		   clen);
	if (t->n < clen) {
		dec_printf(d, "\n\t  (TLV too short)");
		return -1;
	}
	if (ct == 4 && clen == 6) {
		dec_printf(d, "\n\t  MAC ");
		dec_mac(d, t->p + 1);
	} else if (ct == 4) {
		dec_printf(d, " (invalid MAC address length)");
		hex = 1;
	} else if (ct == 5)
		hex = network_addr(d, t->p + 1, clen);
	else if (ct >= 1 && ct <= 7)
		text(d, t->p + 1, clen);
	else
		hex = 1;
	t->n -= clen;
	t->p += 1 + clen, t->tlen -= 1 + clen;
	return hex;
}

/* A management address part ("Domain " or ""): its length byte, then
 * that many bytes in hex after what (as tcpdump's hex_print); 0 when the
 * TLV is too short. */
static int mgmt(struct dec_ctx *d, struct tlv_at *t, const char *part, const char *what, unsigned *len)
{
	*len = take(d, t);
	dec_printf(d, "\n\t  Management Address %sLength %u", part, *len);
	if (!*len)
		return 1;
	if (t->n < *len) {
		dec_printf(d, "\n\t  (TLV too short)");
		return 0;
	}
	t->n -= *len;
	dec_need(d, t->p, *len);
	dec_hexlines(d, what, t->p, *len);
	t->p += *len, t->tlen -= *len;
	return 1;
}

/* The sender ID TLV's value: its chassis ID and management address;
 * what the TLV loop does next (-2: the line ends, -1: the next TLV
 * without a dump, 0 / 1: hex dump or not). */
static int sender_id(struct dec_ctx *d, struct tlv_at *t)
{
	if (t->n < 1) {
		dec_printf(d, " (too short, must be >= 1)");
		return -1;
	}
	unsigned clen = take(d, t), ml;
	int hex = clen ? chassis_id(d, t, clen) : 0;
	if (hex < 0 || t->n == 0)
		return hex;
	if (!mgmt(d, t, "Domain ", "\n\t  Management Address Domain: ", &ml))
		return -1;
	if (!ml)
		return hex;
	if (t->n < 1) {
		dec_printf(d, " (Management Address Length is missing)");
		return 1;
	}
	return mgmt(d, t, "", "\n\t  Management Address: ", &ml) ? hex : -2;
}

/* The TLVs (p, tlen bytes); 0 when the lengths do not add up. */
static int tlvs(struct dec_ctx *d, const uint8_t *p, unsigned tlen)
{
	struct tlv_at t = { p, tlen, 0 };
	while (t.tlen != 0) {
		unsigned type = dec_u8(d, t.p);
		dec_printf(d, "\n\t%s TLV (0x%02x)", dec_tok(cfm_tlvs, type, "Unknown"), type);
		if (type == TLV_END)
			return 1;
		if (t.tlen < 3)
			return 0;
		dec_need_ret(d, t.p, 3);
		t.n = dec_get_be16(t.p + 1);
		dec_printf(d, ", length %u", t.n);
		t.p += 3, t.tlen -= 3;
		if (t.tlen < t.n)
			return 0;
		dec_need_ret(d, t.p, t.n);
		const uint8_t *value = t.p;
		int hex = 0;
		switch (type) {
		case TLV_PORT_STATUS: case TLV_IF_STATUS:
			if (t.n < 1) {
				dec_printf(d, " (too short, must be >= 1)");
				return 1;
			}
			dec_printf(d, ", Status: %s (%u)", dec_tok(type == TLV_PORT_STATUS ? port_status : if_status, t.p[0], "Unknown"),
				   t.p[0]);
			break;
		case TLV_PRIVATE:
			if (t.n < 4) {
				dec_printf(d, " (too short, must be >= 4)");
				return 1;
			}
			dec_printf(d, ", Vendor: %s (%u), Sub-Type %u", dec_tok_oui(dec_get_be32(t.p) >> 8), dec_get_be32(t.p) >> 8,
				   t.p[3]);
			hex = 1;
			break;
		case TLV_SENDER_ID:
			hex = sender_id(d, &t);
			if (hex == -2)
				return 1;
			break;
		default:
			hex = 1;
		}
		if (hex == 1 || (hex == 0 && d->o.vflag > 1))
			dec_unknown_data(d, value, "\n\t  ", t.n);
		t.p += t.n, t.tlen -= t.n;
	}
	return 1;
}

void dec_cfm(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "cfm";
	unsigned length = (unsigned)len;
	if (length < 4) {
		dec_printf(d, TOO_SHORT);
		return;
	}
	dec_need_ret(d, p, 4);
	unsigned ver = p[0] & 0x1f, op = p[1], flags = p[2], first = p[3];
	if (ver != 0) {
		dec_printf(d, "CFMv%u not supported, length %u", ver, length);
		return;
	}
	dec_printf(d, "CFMv%u ", ver);
	dec_tokf(d, cfm_opcodes, op, "unknown (%u)");
	dec_printf(d, ", MD Level %u, length %u", p[0] >> 5, length);
	if (d->o.vflag < 1)
		return;
	dec_printf(d, "\n\tFirst TLV offset %u", first);
	unsigned tlen = length - 4;
	if (first > tlen) {
		dec_printf(d, " (too large, must be <= %u)", tlen);
		return;
	}
	int r = message(d, op, flags, p + 4, tlen, first);
	if (r < 0 || (r > 0 && !tlvs(d, p + 4 + first, tlen - first)))
		dec_printf(d, TOO_SHORT);
}
