/* macsec.c: IEEE 802.1AE MACsec, ethertype 0x88e5, as tcpdump 4.99's
 * print-macsec.c.  The SecTAG is TCI/AN, short length, packet number and,
 * with the SC bit, an 8-byte SCI; a 16-byte ICV ends the frame.  With -e
 * the SecTAG prints as "an A, pn P, flags F[, sl S][, sci X], " after the
 * Ethernet header.  An integrity-only frame then carries an ethertype and
 * its payload; an encrypted or changed one (E or C set) cannot be decoded,
 * so tcpdump prints the link header even without -e and dumps the rest. */
#include "decode/dec.h"

#define MACSEC_TCI_V 0x80   /* version: must be 0 */
#define MACSEC_TCI_SC 0x20  /* an SCI is present */
#define MACSEC_TCI_EC 0x0c  /* E (encrypted) or C (changed) */
#define MACSEC_SL_MASK 0x3f /* short length, 6 bits */
#define MACSEC_ICV_LEN 16

/* TCI flag letters, in tcpdump's order (macsec_flag_values). */
static const struct dec_tok tci_flags[] = {
	{ 0x08, "E" }, { 0x04, "C" }, { 0x40, "S" }, { 0x10, "B" }, { 0x20, "I" }, { 0, NULL },
};

static void sectag(struct dec_ctx *d, const uint8_t *q, unsigned sl)
{
	unsigned tci = dec_u8(d, q);
	dec_printf(d, "an %u, pn %u, flags ", tci & 3, dec_be32(d, q + 2));
	int any = 0;
	for (const struct dec_tok *t = tci_flags; t->s; t++)
		if (tci & t->v) {
			dec_printf(d, "%s", t->s);
			any = 1;
		}
	if (!any)
		dec_printf(d, "none");
	if (sl)
		dec_printf(d, ", sl %u", sl);
	if (tci & MACSEC_TCI_SC)
		dec_printf(d, ", sci %08x%08x", dec_be32(d, q + 6), dec_be32(d, q + 10));
	dec_printf(d, ", ");
}

/* frame: the Ethernet header; q: the SecTAG; *lenp: wire bytes from q.
 * Returns the SecTAG and inner ethertype's length, *type set to that
 * ethertype and *lenp to the payload's length (without the ICV), or -1
 * when the frame is finished (d->hdrlen: what -x skips). */
int dec_macsec(struct dec_ctx *d, const uint8_t *frame, const uint8_t *q, size_t *lenp, unsigned *type)
{
	size_t len = *lenp;
	d->proto = "macsec";
	size_t cap = dec_avail(d, q, (size_t)-1);
	d->hdrlen = (int)(d->end - frame); /* trouble: the whole frame was "header" */
	if (cap < 6 || len < 6)
		goto trunc;
	unsigned tci = q[0], sl = q[1] & MACSEC_SL_MASK;
	size_t tag = (tci & MACSEC_TCI_SC) ? 14 : 6;
	if (cap < tag || len < tag)
		goto trunc;
	if ((q[1] & ~MACSEC_SL_MASK) || (tci & MACSEC_TCI_V)) {
		dec_printf(d, " (invalid)");
		return -1;
	}
	if (d->o.eflag)
		sectag(d, q, sl);
	len -= tag;
	if (sl ? sl + MACSEC_ICV_LEN > len : len < MACSEC_ICV_LEN)
		goto trunc;
	if (!(tci & MACSEC_TCI_EC) && cap < tag + MACSEC_ICV_LEN)
		goto trunc; /* (blank) the ICV must be captured too */
	if (tci & MACSEC_TCI_EC) {
		if (!d->o.eflag) {
			dec_mac(d, frame + 6);
			dec_printf(d, " > ");
			dec_mac(d, frame);
			dec_printf(d, " 802.1AE MACsec, ");
			sectag(d, q, sl);
		}
		if (!d->o.qflag)
			d->dump_from = q + tag;
		d->hdrlen = (int)(q + tag - frame);
		return -1;
	}
	len = sl ? sl : len - MACSEC_ICV_LEN;
	*lenp = len >= 2 ? len - 2 : 0;
	/* the ICV, and what follows a short length, are not the payload's:
	 * the inner type is read within what is left */
	d->end -= MACSEC_ICV_LEN;
	if ((size_t)(d->end - q) > tag + len)
		d->end = q + tag + len;
	d->proto = "ether";
	*type = dec_be16(d, q + tag);
	if (d->o.eflag && *type > 1500) {
		dec_ethertype_print(d, *type);
		dec_printf(d, ", ");
	}
	return (int)tag + 2;
trunc:
	dec_printf(d, " [|macsec]");
	return -1;
}
