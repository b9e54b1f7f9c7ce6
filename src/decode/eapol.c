/* eapol.c: IEEE 802.1X EAP over LAN (ethertype 0x888e), as tcpdump prints
 * it: "EAP packet (0) v1, len 5", and at -v the EAP message of an EAP
 * packet (the other frame types print nothing more).  A header cut short
 * ends " [|eap]". */
#include "decode/dec.h"

static const struct dec_tok types[] = {
	{ 0, "EAP packet" }, { 1, "EAPOL start" }, { 2, "EAPOL logoff" }, { 3, "EAPOL key" },
	{ 4, "Encapsulated ASF alert" }, { 0, NULL },
};

void dec_eapol(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len; /* tcpdump goes by the header's length */
	dec_layer(d, DEC_L_EAPOL);
	d->proto = "eap";
	dec_need_ret(d, p, 4); /* tcpdump's printer returns there */
	dec_printf(d, "%s (%u) v%u, len %u", dec_tok(types, p[1], "unknown"), p[1], p[0], dec_get_be16(p + 2));
	unsigned elen = dec_get_be16(p + 2);
	if (!d->o.vflag || p[1] != 0)
		return;
	if (elen == 0)
		dec_trunc(d);
	dec_printf(d, ", ");
	dec_eap(d, p + 4, elen);
}
