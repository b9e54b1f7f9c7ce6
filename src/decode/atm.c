/* atm.c: RFC 1483 LLC-encapsulated ATM (DLT_ATM_RFC1483) as tcpdump
 * 4.99's atm_if_print: a first byte of 0x03 is Cisco's NLPID form (OSI
 * after it, "CNLPID " with -e; -x skips the byte); an 802.2 UI header of SNAP, OSI or IP
 * starts the frame; anything else is taken to follow a 20-byte 802.6
 * MAC header (Fore's driver; its first 16 bytes in hex with -e).  Then
 * 802.2 (llc.c) and its default dump. */
#include "decode/dec.h"

enum { ATM_MAC_LEN = 20 };

int dec_link_atm_rfc1483(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "atm";
	d->hdrlen = 0;
	if (dec_u8(d, p) == 0x03) {
		if (d->o.eflag)
			dec_printf(d, "CNLPID ");
		d->hdrlen = 1;
		dec_osi(d, p + 1, len >= 1 ? len - 1 : 0);
		return 1;
	}
	dec_need(d, p, 3);
	unsigned sap = p[0];
	int hl = 0;
	if (!(p[1] == sap && p[2] == 0x03 && (sap == PROTO_SAP_SNAP || sap == PROTO_SAP_OSI || sap == PROTO_SAP_IP))) {
		if (d->o.eflag) {
			dec_need(d, p, 16);
			dec_printf(d, "%08x%08x %08x%08x ", dec_get_be32(p), dec_get_be32(p + 4),
				   dec_get_be32(p + 8), dec_get_be32(p + 12));
		}
		dec_need(d, p, ATM_MAC_LEN); /* (the dump then starts at the first byte) */
		p += ATM_MAC_LEN, len -= ATM_MAC_LEN, hl = ATM_MAC_LEN;
	}
	d->hdrlen = hl;
	int n = dec_llc(d, NULL, p, len);
	return hl + (n > 0 ? n : n < 0 ? -n : dec_llc_hdrlen(d, p));
}
