/* dtp.c: Cisco's Dynamic Trunking Protocol (SNAP, OUI 00:00:0c, PID
 * 0x2004), as tcpdump 4.99 prints it: "DTPv1, length 26", and with -v its
 * TLVs (domain, status, type, neighbour), a line each:
 *
 *   \n\tStatus (0x0002) TLV, length 5, 0x81
 *
 * A TLV type 0 ends the list quietly; a bad length ends it " (invalid)". */
#include "decode/dec.h"

static const struct dec_tok dtp_tlvs[] = {
	{ 1, "Domain" }, { 2, "Status" }, { 3, "DTP type" }, { 4, "Neighbor" }, { 0, NULL },
};

/* tcpdump's invalid ending: the rest must still have been captured. */
static void invalid(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_printf(d, " (invalid)");
	dec_need(d, p, len);
}

void dec_dtp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_begin(d, DEC_L_CISCO, "dtp", len, 1, "[zero packet length] (invalid)"))
		return;
	dec_printf(d, "DTPv%u, length %zu", dec_u8(d, p), len);
	if (!d->o.vflag)
		return;
	for (p++, len--; len;) {
		if (len < 4) {
			dec_printf(d, "[%zu bytes remaining]", len);
			invalid(d, p, len);
			return;
		}
		unsigned type = dec_be16(d, p), tlen = dec_be16(d, p + 2);
		if (type == 0) /* seen in captures: tcpdump stops there */
			return;
		dec_printf(d, "\n\t%s (0x%04x) TLV, length %u", dec_tok(dtp_tlvs, type, "Unknown"), type, tlen);
		if (tlen < 4 || tlen > len) {
			dec_printf(d, "[invalid TLV length %u]", tlen);
			invalid(d, p, len);
			return;
		}
		if (type == 1) {
			dec_printf(d, ", ");
			for (unsigned i = 4; i < tlen && dec_u8(d, p + i); i++)
				dec_putc_safe(d, p[i]);
		} else if (type == 2 || type == 3 || type == 4) {
			if (tlen != (type == 4 ? 10u : 5u)) {
				invalid(d, p, len);
				return;
			}
			dec_need(d, p + 4, type == 4 ? 6 : 1); /* read before ", " is printed */
			dec_printf(d, ", ");
			if (type == 4)
				dec_mac(d, p + 4);
			else
				dec_printf(d, "0x%x", p[4]);
		} else {
			dec_need_ret(d, p, tlen);
		}
		p += tlen;
		len -= tlen;
	}
}
