/* slow.c: the IEEE 802.3 Slow Protocols (ethertype 0x8809): LACP,
 * Marker and OAM, as tcpdump prints their first line ("LACPv1, length
 * 110", "OAM, length N"); their TLVs come at -v, where our line stops. */
#include "decode/dec.h"

static const struct dec_tok subtypes[] = { { 1, "LACP" }, { 2, "MARKER" }, { 3, "OAM" }, { 0, NULL } };

void dec_slow(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_SLOW);
	d->proto = "slow";
	if (len < 1)
		goto tooshort;
	unsigned st = dec_u8(d, p);
	const char *name = dec_tok(subtypes, st, NULL);
	if (st == 1 || st == 2) { /* a version byte follows */
		if (len < 2)
			goto tooshort;
		dec_printf(d, "%sv%u, length %zu", name, dec_u8(d, p + 1), len);
	} else if (name)
		dec_printf(d, "%s, length %zu", name, len);
	else { /* and tcpdump's hex lines of it all, whatever the options */
		dec_printf(d, "unknown (%u), length %zu", st, len);
		dec_hexlines(d, "\n\t", p, len);
		return;
	}
	if (d->o.vflag)
		dec_handoff(d, "slow");
	return;
tooshort:
	dec_printf(d, d->o.vflag ? "\n\t\t packet is too short" : " (packet is too short)");
}
