/* ntp.c: NTP (RFC 5905; control messages RFC 1305 appendix B) as tcpdump
 * 4.99 prints it: "NTPvV, MODE, length N"; with -v the leap indicator,
 * then for the time modes (0-5) stratum, poll, precision, root delay and
 * dispersion, reference id, the four timestamps (with their UTC date)
 * and two differences, the key id and digest of an authenticated
 * message; for control messages (mode 6) the header fields.
 *
 * tcpdump checks some fields before printing them and ends the line with
 * " [|ntp]" (the printer returns): those are the dec_has tests below;
 * the others it leaves to its accessors, which jump out. */
#include <time.h>

#include "decode/dec.h"

#define NTP_TIMEMSG_MINLEN 48
#define NTP_CTRLMSG_MINLEN 12
#define NTP_JAN_1970 2208988800u   /* seconds from 1900 to 1970 */
#define NTP_FMAXINT 4294967296.0   /* 2^32: the fraction's unit */

/* "%u.%09u" and the date: a 64-bit timestamp (seconds since 1900 and a
 * binary fraction), the fraction in billionths as tcpdump rounds it. */
void dec_ntp_time(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t i = dec_be32(d, p), uf = dec_be32(d, p + 4);
	uint32_t f = (uint32_t)(uf / NTP_FMAXINT * 1000000000.0);
	dec_printf(d, "%u.%09u", i, f);
	if (i) {
		time_t secs = (time_t)((int64_t)i - NTP_JAN_1970);
		struct tm tm;
		char buf[64];
		if (!gmtime_r(&secs, &tm))
			dec_printf(d, " ([Error converting time])");
		else if (!strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
			dec_printf(d, " ([Error formatting time])");
		else
			dec_printf(d, " (%s)", buf);
	}
}

/* The signed difference t - o of two timestamps; o zero: t itself. */
static void print_delta(struct dec_ctx *d, const uint8_t *o, const uint8_t *t)
{
	uint32_t u = dec_be32(d, t), ou = dec_be32(d, o);
	uint32_t uf = dec_be32(d, t + 4), ouf = dec_be32(d, o + 4);
	uint32_t i, f;
	int neg;
	if (ou == 0 && ouf == 0) {
		dec_ntp_time(d, t);
		return;
	}
	if (u > ou) {
		neg = 0;
		i = u - ou - (ouf > uf);
		f = uf - ouf;
	} else if (u < ou) {
		neg = 1;
		i = ou - u - (uf > ouf);
		f = ouf - uf;
	} else {
		i = 0;
		neg = !(uf > ouf);
		f = neg ? ouf - uf : uf - ouf;
	}
	f = (uint32_t)(f / NTP_FMAXINT * 1000000000.0);
	dec_printf(d, "%c%u.%09u", neg ? '-' : '+', i, f);
}

/* A 32-bit short format value: 16 bits of seconds, 16 of fraction. */
static void print_sfix(struct dec_ctx *d, const uint8_t *p)
{
	int i = dec_be16(d, p), f = dec_be16(d, p + 2);
	dec_printf(d, "%d.%06d", i, (int)(f / 65536.0 * 1000000.0));
}

static void print_digest(struct dec_ctx *d, const uint8_t *p, int words)
{
	dec_printf(d, "\n\tKey id: %u", dec_be32(d, p));
	if (words) {
		dec_printf(d, "\n\tAuthentication: ");
		for (int w = 0; w < words; w++)
			dec_printf(d, "%08x", dec_be32(d, p + 4 + 4 * w));
	}
}

/* 0 when the capture ends before a field tcpdump checks first */
static int print_timemsg(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const char *const stamps[] = {
		"Reference Timestamp:  ", "Originator Timestamp: ", "Receive Timestamp:    ",
		"Transmit Timestamp:   ",
	};
	unsigned stratum = dec_u8(d, p + 1);
	dec_printf(d, ", Stratum %u (%s)", stratum,
		   stratum == PROTO_NTP_STRATUM_UNSPEC ? "unspecified"
		   : stratum == PROTO_NTP_STRATUM_PRIMARY ? "primary reference"
		   : stratum >= 2 && stratum <= 15 ? "secondary reference" : "reserved");
	int poll = (int8_t)dec_u8(d, p + 2);
	dec_printf(d, ", poll %d", poll);
	if (poll > -32 && poll < 32) {
		if (poll >= 0)
			dec_printf(d, " (%us)", 1u << poll);
		else
			dec_printf(d, " (1/%us)", 1u << -poll);
	}
	dec_printf(d, ", precision %d", (int8_t)dec_u8(d, p + 3));
	if (!dec_has(d, p + 4, 4))
		return 0;
	dec_printf(d, "\n\tRoot Delay: ");
	print_sfix(d, p + 4);
	if (!dec_has(d, p + 8, 4))
		return 0;
	dec_printf(d, ", Root dispersion: ");
	print_sfix(d, p + 8);
	const uint8_t *refid = p + 12;
	if (!dec_has(d, refid, 4))
		return 0;
	dec_printf(d, ", Reference-ID: ");
	if (stratum == PROTO_NTP_STRATUM_UNSPEC)
		dec_printf(d, "(unspec)");
	else if (stratum == PROTO_NTP_STRATUM_PRIMARY)
		for (int k = 0; k < 4; k++)
			dec_putc_safe(d, refid[k]);
	else if (stratum == PROTO_NTP_INFO_QUERY || stratum == PROTO_NTP_INFO_REPLY) {
		/* an address, not an identifier: tcpdump stops there */
		dec_ip4addr(d, refid);
		dec_printf(d, " %s", stratum == PROTO_NTP_INFO_QUERY ? "INFO_QUERY" : "INFO_REPLY");
		return 1;
	} else
		dec_printf(d, "0x%08x", dec_get_be32(refid));
	for (int k = 0; k < 4; k++) {
		if (!dec_has(d, p + 16 + 8 * k, 8))
			return 0;
		dec_printf(d, "\n\t  %s", stamps[k]);
		dec_ntp_time(d, p + 16 + 8 * k);
	}
	dec_printf(d, "\n\t    Originator - Receive Timestamp:  ");
	print_delta(d, p + 24, p + 32);
	dec_printf(d, "\n\t    Originator - Transmit Timestamp: ");
	print_delta(d, p + 24, p + 40);
	if (len == NTP_TIMEMSG_MINLEN + 4)             /* key id only (crypto-NAK) */
		print_digest(d, p + NTP_TIMEMSG_MINLEN, 0);
	else if (len == NTP_TIMEMSG_MINLEN + 4 + 16)   /* and an MD5 digest */
		print_digest(d, p + NTP_TIMEMSG_MINLEN, 4);
	else if (len == NTP_TIMEMSG_MINLEN + 4 + 20)   /* and a SHA-1 digest */
		print_digest(d, p + NTP_TIMEMSG_MINLEN, 5);
	else if (len > NTP_TIMEMSG_MINLEN)
		dec_printf(d, "\n\t(%zu more bytes after the header)", len - NTP_TIMEMSG_MINLEN);
	return 1;
}

static int print_control(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned c = dec_u8(d, p + 1);
	dec_printf(d, ", %s, %s, %s, OpCode=%u\n", (c & 0x80) ? "Response" : "Request",
		   (c & 0x40) ? "Error" : "OK", (c & 0x20) ? "More" : "Last", c & 0x1f);
	dec_printf(d, "\tSequence=%u", dec_be16(d, p + 2));
	unsigned status = dec_be16(d, p + 4);
	dec_printf(d, ", Status=%#x", status);
	dec_printf(d, ", Assoc.=%u", dec_be16(d, p + 6));
	dec_printf(d, ", Offset=%u", dec_be16(d, p + 8));
	unsigned count = dec_be16(d, p + 10);
	dec_printf(d, ", Count=%u", count);
	if (NTP_CTRLMSG_MINLEN + count > len) {
		dec_printf(d, " (invalid)");
		return dec_has(d, p, len);
	}
	if (count != 0) {
		if (!dec_has(d, p + NTP_CTRLMSG_MINLEN, count))
			return 0;
		dec_printf(d, "\n\tTO-BE-DONE: data not interpreted");
	}
	return 1;
}

void dec_ntp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "ntp";
	unsigned status = dec_u8(d, p), mode = status & 7;
	const char *mname = proto_name_or(&proto_ntp_modes, mode, PROTO_TCPDUMP, "Unknown mode");
	dec_printf(d, "NTPv%u, %s, length %zu", (status >> 3) & 7, mname, len);
	if (!d->o.vflag)
		return;
	dec_printf(d, "\n\tLeap indicator: %s (%u)", proto_name_or(&proto_ntp_leaps, status & 0xc0, PROTO_TCPDUMP, "Unknown"),
		   status & 0xc0);
	int ok = 1;
	if (mode == PROTO_NTP_MODE_CONTROL) {
		if (len < NTP_CTRLMSG_MINLEN) {
			dec_printf(d, " (invalid)");
			ok = dec_has(d, p, len);
		} else
			ok = print_control(d, p, len);
	} else if (mode <= PROTO_NTP_MODE_BROADCAST) {
		if (len < NTP_TIMEMSG_MINLEN) {
			dec_printf(d, " (invalid)");
			ok = dec_has(d, p, len);
		} else
			ok = print_timemsg(d, p, len);
	}
	if (!ok)
		dec_printf(d, " [|ntp]");
}
