/* ipoib.c: IP over InfiniBand (DLT_IPOIB), as tcpdump 4.99 prints it: a
 * 44-byte header (the pseudo-header's addresses, then an ethertype), with
 * -e "IPOIB, ethertype IPv4 (0x0800), length N: ", then the network layer
 * by the ethertype; an ethertype tcpdump has no printer for gets the
 * header's line and a hex dump. */
#include "decode/dec.h"

enum { IPOIB_HDRLEN = 44 };

static void hdr(struct dec_ctx *d, unsigned type, size_t len)
{
	if (!d->o.qflag)
		dec_printf(d, ", ethertype %s (0x%04x)", dec_ethertype_name(type), type);
	else
		dec_printf(d, ", ethertype %s", dec_ethertype_name(type));
	dec_printf(d, ", length %zu: ", len);
}

int dec_link_ipoib(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "ipoib", IPOIB_HDRLEN);
	if (n >= 0)
		return n;
	d->hdrlen = IPOIB_HDRLEN;
	unsigned type = dec_get_be16(p + 40);
	if (d->o.eflag) {
		dec_printf(d, "IPOIB");
		hdr(d, type, len);
	}
	if (dec_ethertype_printed(type)) {
		dec_ethertype(d, type, p + IPOIB_HDRLEN, len - IPOIB_HDRLEN);
		return IPOIB_HDRLEN;
	}
	if (!d->o.eflag)
		hdr(d, type, len);
	if (!d->o.qflag) /* -q: no dump */
		d->dump_from = p + IPOIB_HDRLEN;
	return IPOIB_HDRLEN;
}
