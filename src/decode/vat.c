/* vat.c: the LBL audio tools' packets, sent to UDP 3456 (tcpdump's
 * vat_print): vt's "udp/vt LEN SEQ / TYPE" when the first word has vt's
 * bits, else vat's "udp/vat LEN cCONF TS[*] [fFORMAT] [sSIZE]". */
#include "decode/dec.h"

#define VAT_HDR 8
#define VT_BITS 0xf060  /* set in vt's first word, clear in vat's */

void dec_vat(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "vat";
	if (len < 2) {
		dec_printf(d, "udp/va/vat, length %zu < 2", len);
		return;
	}
	unsigned ts = dec_be16(d, p);
	if (ts & VT_BITS) {
		dec_printf(d, "udp/vt %zu %u / %u", len, ts & 0x3ff, ts >> 10);
		return;
	}
	if (len < VAT_HDR) {
		dec_printf(d, "udp/vat, length %zu < 8", len);
		return;
	}
	uint32_t i0 = dec_be32(d, p), i1 = dec_be32(d, p + 4);
	dec_printf(d, "udp/vat %zu c%u %u%s", len - VAT_HDR, i0 & 0xffff, i1, i0 & 0x800000 ? "*" : "");
	if (i0 & 0x1f0000)
		dec_printf(d, " f%u", (i0 >> 16) & 0x1f);
	if (i0 & 0x3f000000)
		dec_printf(d, " s%u", (i0 >> 24) & 0x3f);
}
