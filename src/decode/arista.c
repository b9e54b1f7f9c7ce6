/* arista.c: the Arista vendor header (ethertype 0xd28b) that a tap
 * aggregator inserts before the frame's own ethertype, as tcpdump 4.99
 * prints it (ether.c prints the ethertype and length before it, even
 * without -e):
 *
 *   SubType Timestamp (0x0001), Timescale TAI (0), Format 64-bit (1),
 *   HwInfo R/R2 (0), Timestamp 2019-05-29 20:36:39.944724424: <frame>
 *
 * Returns the header's length (subtype, version, timestamp), or -1 for a
 * subtype or format tcpdump does not know (the line ends there). */
#include <time.h>

#include "decode/dec.h"

static const struct dec_tok arista_scales[] = { { 0, "TAI" }, { 1, "UTC" }, { 0, NULL } };
static const struct dec_tok arista_formats[] = { { 1, "64-bit" }, { 2, "48-bit" }, { 0, NULL } };
static const struct dec_tok arista_hw[] = { { 0, "R/R2" }, { 1, "R3" }, { 0, NULL } };

int dec_arista(struct dec_ctx *d, const uint8_t *p)
{
	d->proto = "arista";
	unsigned sub = dec_be16(d, p);
	dec_printf(d, "SubType %s (0x%04x), ", sub == 1 ? "Timestamp" : "Unknown", sub);
	if (sub != 1)
		return -1;
	unsigned scale = dec_u8(d, p + 2);
	dec_printf(d, "Timescale %s (%u), ", dec_tok(arista_scales, scale, "Unknown"), scale);
	unsigned v = dec_u8(d, p + 3), format = v >> 4, hw = v & 0x0f;
	dec_printf(d, "Format %s (%u), HwInfo %s (%u), Timestamp ", dec_tok(arista_formats, format, "Unknown"), format,
		   dec_tok(arista_hw, hw, "Unknown"), hw);
	if (format == 1) { /* seconds since the epoch, nanoseconds (carried
			      into the seconds past 10^9, as tcpdump does) */
		uint32_t ns = dec_be32(d, p + 8);
		time_t t = (time_t)dec_be32(d, p + 4) + ns / 1000000000u;
		ns %= 1000000000u;
		struct tm tm;
		char buf[40];
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm))
			dec_printf(d, "%s.%09u", buf, ns);
		dec_printf(d, ": ");
		return 12;
	}
	if (format == 2) {
		unsigned secs = dec_be16(d, p + 4);
		uint32_t ns = dec_be32(d, p + 6);
		dec_printf(d, "%u.%09u: ", secs + ns / 1000000000u, ns % 1000000000u);
		return 10;
	}
	return -1;
}
