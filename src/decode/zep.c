/* zep.c: the ZigBee Encapsulation Protocol (UDP 17754; as in Wireshark's
 * packet-zep.c) as tcpdump 4.99 prints it: "ZEPv2 Type 1, Channel ID 11,
 * Device ID 0x1234, LQI 255, TIME (DATE), seq# = 7, inner len = 20", an
 * ack's "ZEPv2 ACK, seq# = 7", version 1's shorter header.  The 802.15.4
 * frame inside follows on a line of its own (802_15_4.c); when there is
 * none, or it was not printed, the bytes left are dumped as tcpdump's
 * default printer does. */
#include "decode/dec.h"

#define ZEP_V1_HDR 16
#define ZEP_V2_ACK_HDR 8
#define ZEP_V2_HDR 32
#define ZEP_V2_ACK 2
#define ZEP_JAN_1970 2208988800u /* NTP seconds at the Unix epoch */

/* An NTP timestamp as tcpdump's zep_print_ts shows it: the fraction in
 * single precision, the date in local time. */
static void zep_ts(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t i = dec_be32(d, p), uf = dec_be32(d, p + 4);
	float ff = (float)uf;
	ff = (float)(ff / 4294967296.0);
	dec_printf(d, "%u.%09d", i, (int)(uint32_t)(ff * 1000000000.0));
	if (!i)
		return;
	char buf[128];
	dec_printf(d, " (%s)", dec_format_time(buf, sizeof buf, "%Y/%m/%d %H:%M:%S", (time_t)(uint32_t)(i - ZEP_JAN_1970), 1));
}

/* "CRC, " or "LQI N, " by the mode byte at p */
static void zep_mode(struct dec_ctx *d, const uint8_t *p)
{
	if (dec_u8(d, p))
		dec_printf(d, "CRC, ");
	else
		dec_printf(d, "LQI %u, ", dec_u8(d, p + 1));
}

void dec_zep(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "zep";
	dec_printf(d, "ZEP");
	unsigned c0 = dec_u8(d, p), c1 = dec_u8(d, p + 1);
	if (c0 != 'E' || c1 != 'X') {
		dec_printf(d, " [Preamble Code: ");
		dec_putc_safe(d, (uint8_t)c0);
		dec_putc_safe(d, (uint8_t)c1);
		dec_printf(d, "] (invalid)");
		return;
	}
	unsigned version = dec_u8(d, p + 2), inner;
	size_t hdr;
	dec_printf(d, "v%u ", version);
	if (version == 1) {
		hdr = ZEP_V1_HDR;
		if (len < hdr)
			goto invalid;
		dec_printf(d, "Channel ID %u, Device ID 0x%04x, ", dec_u8(d, p + 3), dec_be16(d, p + 4));
		zep_mode(d, p + 6);
		inner = dec_u8(d, p + 15);
		dec_printf(d, "inner len = %u", inner);
	} else if (dec_u8(d, p + 3) == ZEP_V2_ACK) {
		hdr = ZEP_V2_ACK_HDR;
		if (len < hdr)
			goto invalid;
		dec_printf(d, "ACK, seq# = %u", dec_be32(d, p + 4));
		inner = 0;
	} else {
		hdr = ZEP_V2_HDR;
		if (len < hdr)
			goto invalid;
		dec_printf(d, "Type %u, Channel ID %u, Device ID 0x%04x, ", p[3], dec_u8(d, p + 4), dec_be16(d, p + 5));
		zep_mode(d, p + 7);
		zep_ts(d, p + 9);
		uint32_t seq = dec_be32(d, p + 17);
		inner = dec_u8(d, p + 31);
		dec_printf(d, ", seq# = %u, inner len = %u", seq, inner);
	}
	if (inner) { /* an IEEE 802.15.4 frame on a line of its own, as long
			as inner says; once printed, no dump of the rest */
		dec_printf(d, "\n\t");
		if (dec_802154(d, p + hdr, inner)) {
			dec_need(d, p + hdr, len - hdr);
			return;
		}
	}
	if (!d->o.xflag && !d->o.Xflag)
		dec_default_print(d, p + hdr, len - hdr);
	return;
invalid:
	dec_printf(d, " [len %zu < %zu] (invalid)", len, hdr);
}
