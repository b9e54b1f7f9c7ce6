/* ethwrap.c: ethertypes whose tcpdump printer is another protocol's,
 * reached with a twist: OSI (0xfefe) skips a byte before the NLPID, PPP
 * (0x880b) puts ": " before the frame. */
#include "decode/dec.h"

void dec_ether_osi(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len == 0 || !dec_has(d, p, 1)) {
		d->proto = "isoclns";
		dec_printf(d, " [|isoclns]");
		return;
	}
	dec_osi(d, p + 1, len - 1);
}

void dec_ether_ppp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (!len)
		return;
	dec_printf(d, ": ");
	dec_ppp_frame(d, p, len);
}
