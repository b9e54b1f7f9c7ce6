/* ipcomp.c: IP payload compression (RFC 3173): "IPComp(cpi=0x....)".  The
 * compressed payload is not decoded (tcpdump does not inflate it). */
#include "decode/dec.h"

void dec_ipcomp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n, (void)len;
	d->proto = "ipcomp";
	dec_printf(d, "IPComp(cpi=0x%04x)", dec_be16(d, p + 2));
}
