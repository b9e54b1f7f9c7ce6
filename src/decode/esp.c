/* esp.c: ESP (RFC 4303): "ESP(spi=0x........,seq=0x..), length L".  The
 * payload is encrypted; tcpdump decrypts only with -E secrets, which we
 * do not take.  tcpdump wants more than the 8 header bytes captured. */
#include "decode/dec.h"

#define ESP_HDR 8

void dec_esp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = "esp";
	if (!dec_has(d, p, ESP_HDR + 1))
		dec_trunc_ret(d);
	dec_printf(d, "ESP(spi=0x%08x,seq=0x%x), length %zu", dec_be32(d, p), dec_be32(d, p + 4), len);
}
