/* relts.c: a relative time in seconds as tcpdump's unsigned_relts_print
 * writes it, "1w2d3h4m5s" (years of 365 days; "0s" for none). */
#include "decode/dec.h"

void dec_relts(struct dec_ctx *d, uint32_t t)
{
	static const char units[] = "ywdhms";
	static const uint32_t secs[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	if (t == 0) {
		dec_printf(d, "0s");
		return;
	}
	for (int k = 0; t > 0; k++)
		if (t >= secs[k]) {
			dec_printf(d, "%u%c", t / secs[k], units[k]);
			t %= secs[k];
		}
}
