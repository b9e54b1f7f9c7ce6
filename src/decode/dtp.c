/* dtp.c: Cisco's Dynamic Trunking Protocol (SNAP, OUI 00:00:0c, PID
 * 0x2004), as tcpdump prints it: "DTPv1, length 26"; its TLVs (domain,
 * status, type, neighbour) are printed at -v, where our line stops. */
#include "decode/dec.h"

void dec_dtp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!dec_begin(d, DEC_L_CISCO, "dtp", len, 1, "[zero packet length] (invalid)"))
		return;
	dec_printf(d, "DTPv%u, length %zu", dec_u8(d, p), len);
	if (d->o.vflag)
		dec_handoff(d, "dtp-tlv");
}
