/* udld.c: Cisco's UniDirectional Link Detection (SNAP, OUI 00:00:0c, PID
 * 0x0111), as tcpdump prints it: "UDLDv1, Code Probe message (1), Flags
 * [RT, RSY] (0x03), length 60", then at -v the checksum and the TLVs. */
#include "decode/dec.h"

static const struct dec_tok codes[] = {
	{ 0x00, "Reserved" }, { 0x01, "Probe message" }, { 0x02, "Echo message" },
	{ 0x03, "Flush message" }, { 0, NULL },
};
static const struct dec_tok flag_bits[] = {
	{ 0x01, "RT" }, { 0x02, "RSY" }, { 0x04, "MBZ-2" }, { 0x08, "MBZ-3" }, { 0x10, "MBZ-4" },
	{ 0x20, "MBZ-5" }, { 0x40, "MBZ-6" }, { 0x80, "MBZ-7" }, { 0, NULL },
};
static const struct dec_tok tlv_names[] = {
	{ 1, "Device-ID TLV" }, { 2, "Port-ID TLV" }, { 3, "Echo TLV" }, { 4, "Message Interval TLV" },
	{ 5, "Timeout Interval TLV" }, { 6, "Device Name TLV" }, { 7, "Sequence Number TLV" }, { 0, NULL },
};

/* The TLVs after the 4-byte header; 0 where tcpdump says " (invalid)". */
static int udld_tlvs(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	while (len > 0) {
		if (len < 4)
			return 0;
		unsigned type = dec_be16(d, p), tl = dec_be16(d, p + 2);
		dec_printf(d, "\n\t%s (0x%04x) TLV, length %u", dec_tok(tlv_names, type, "Unknown"), type, tl);
		if (tl <= 4 || len - 4 < tl - 4U) /* the length counts the 4-byte TLV header */
			return 0;
		p += 4;
		len -= 4;
		tl -= 4;
		if (type == 1 || type == 2 || type == 6) { /* tcpdump's nd_printjzp */
			dec_printf(d, ", ");
			dec_text(d, p, tl, DEC_TEXT_NUL);
			dec_need(d, p, tl);
		} else if (type == 3) {
			dec_printf(d, ", ");
			dec_text(d, p, tl, 0);
		} else if (type == 4 || type == 5) {
			if (tl != 1)
				return 0;
			dec_printf(d, ", %us", dec_u8(d, p));
		} else if (type == 7) {
			if (tl != 4)
				return 0;
			dec_printf(d, ", %u", dec_be32(d, p));
		} else
			dec_need(d, p, tl);
		p += tl;
		len -= tl;
	}
	return 1;
}

void dec_udld(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_begin(d, DEC_L_CISCO, "udld", len, 4, " (invalid)"))
		return;
	dec_need(d, p, 2);
	unsigned code = p[0] & 0x1f, flags = p[1];
	dec_printf(d, "UDLDv%u, Code %s (%x), Flags [", p[0] >> 5, dec_tok(codes, code, "Reserved"), code);
	dec_bits(d, flag_bits, flags, "none");
	dec_printf(d, "] (0x%02x), length %zu", flags, len);
	if (!d->o.vflag) {
		dec_need(d, p, len); /* tcpdump checks the rest is there */
		return;
	}
	dec_printf(d, "\n\tChecksum 0x%04x (unverified)", dec_be16(d, p + 2));
	if (!udld_tlvs(d, p + 4, len - 4))
		dec_printf(d, " (invalid)");
}
