/* udld.c: Cisco's UniDirectional Link Detection (SNAP, OUI 00:00:0c, PID
 * 0x0111), as tcpdump prints it: "UDLDv1, Code Probe message (1), Flags
 * [RT, RSY] (0x03), length 60"; the checksum and TLVs come at -v, where our
 * line stops. */
#include "decode/dec.h"

static const struct dec_tok codes[] = {
	{ 0x00, "Reserved" }, { 0x01, "Probe message" }, { 0x02, "Echo message" },
	{ 0x03, "Flush message" }, { 0, NULL },
};
static const struct dec_tok flag_bits[] = { { 0x01, "RT" }, { 0x02, "RSY" }, { 0, NULL } };

void dec_udld(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_begin(d, DEC_L_CISCO, "udld", len, 4, " (invalid)"))
		return;
	dec_need(d, p, 2);
	unsigned code = p[0] & 0x1f, flags = p[1];
	dec_printf(d, "UDLDv%u, Code %s (%x), Flags [", p[0] >> 5, dec_tok(codes, code, "Reserved"), code);
	dec_bits(d, flag_bits, flags, "none");
	dec_printf(d, "] (0x%02x), length %zu", flags, len);
	if (d->o.vflag)
		dec_handoff(d, "udld-tlv");
	else
		dec_need(d, p, len); /* tcpdump checks the rest is there */
}
