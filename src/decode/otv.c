/* otv.c: OTV (draft-hasmit-otv) as tcpdump 4.99 prints it, on UDP port
 * 8472 (which Linux also uses for VXLAN; tcpdump decodes OTV there):
 *
 *   OTV, flags [I] (0x08), overlay 0, instance 100
 *   <the inner Ethernet frame, on a line of its own>
 *
 * The flags show "I" or "." for the instance-valid bit. */
#include "decode/dec.h"

#define OTV_HDR_LEN 8
#define OTV_FLAG_I 0x08

void dec_otv(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	if (!dec_tunnel_begin(d, "otv", "OTV, ", len, OTV_HDR_LEN, "[length %zu < %u] (invalid)"))
		return;
	unsigned flags = dec_u8(d, p);
	dec_printf(d, "flags [%s] (0x%02x), ", (flags & OTV_FLAG_I) ? "I" : ".", flags);
	dec_need(d, p + 1, 3);
	dec_printf(d, "overlay %u, ", (unsigned)(p[1] << 16 | p[2] << 8 | p[3]));
	dec_need(d, p + 4, 3);
	dec_printf(d, "instance %u\n", (unsigned)(p[4] << 16 | p[5] << 8 | p[6]));
	dec_need(d, p + 7, 1); /* the reserved byte, checked too */
	dec_ether_inner(d, p + OTV_HDR_LEN, len - OTV_HDR_LEN);
}
