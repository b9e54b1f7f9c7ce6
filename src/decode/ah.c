/* ah.c: the Authentication Header (RFC 4302):
 * "AH([length=L(N-bytes),][reserved=0x..[MustBeZero],]spi=0x........,seq=0x..,icv=0x...): "
 * (the length with -v), then the protocol it protects, by its next header
 * field.  The header's length counts 32-bit words minus 2. */
#include "decode/dec.h"

#define AH_HDR 12

void dec_ah(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "ah";
	if (!dec_has(d, p, 1))
		dec_trunc_ret(d);
	unsigned nh = p[0];
	dec_printf(d, "AH");
	unsigned words = dec_u8(d, p + 1);
	size_t hlen = ((size_t)words + 2) * 4;
	dec_printf(d, "(");
	if (d->o.vflag)
		dec_printf(d, "length=%u(%zu-bytes),", words, hlen);
	unsigned rsv = dec_be16(d, p + 2);
	if (rsv)
		dec_printf(d, "reserved=0x%x[MustBeZero],", rsv);
	dec_printf(d, "spi=0x%08x,", dec_be32(d, p + 4));
	dec_printf(d, "seq=0x%x,", dec_be32(d, p + 8));
	dec_printf(d, "icv=0x");
	for (size_t i = AH_HDR; i < hlen; i++)
		dec_printf(d, "%02x", dec_u8(d, p + i));
	dec_printf(d, "): ");
	/* TCP and UDP print only ports: the IP header names another
	 * protocol.  tcpdump's length is 32-bit and may wrap here. */
	struct dec_net inner = *n;
	inner.ports_only = 1;
	dec_ip_upper(d, &inner, nh, p + hlen, (uint32_t)(len - hlen));
}
