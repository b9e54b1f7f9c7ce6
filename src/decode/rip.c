/* rip.c: RIP (UDP 520; RFC 1058, RFC 2453, RFC 4822 authentication) and
 * RIPng (UDP 521, RFC 2080) as tcpdump 4.99 prints them:
 *
 *   RIPv2, Response, length: 44                              (no -v)
 *   \n\tRIPv2, Response, length: 44, routes: 2 or less       (-v: then
 *   one line per entry, and with -vv the message in hex)
 *   ripng-resp 2: 2001:db8::/32 (1) fe80::/10 [7] (16)
 *
 * tcpdump's RIP printer reads only what was captured: an entry cut short
 * ends the entries with " [|rip]" (and -vv still dumps what there is). */
#include <stdio.h>
#include <string.h>

#include "decode/dec.h"

#define RIP_HDR 4
#define RIP_ENTRY 20
#define RIP_AF_INET 2
#define RIPNG_ENTRY 20

static const struct dec_tok rip_cmds[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Trace on" }, { 4, "Trace off" }, { 5, "Poll" },
	{ 6, "Poll Entry" }, { 0, NULL },
};
/* tcpdump's BSD address family names */
static const struct dec_tok rip_afs[] = {
	{ 2, "IPv4" }, { 6, "NS" }, { 7, "ISO" }, { 16, "Appletalk" }, { 23, "IPX" }, { 24, "IPv6" },
	{ 28, "IPv6" }, { 30, "IPv6" }, { 0, NULL },
};

/* An IPv4 address as tcpdump's ipaddr_string gives it (a name without
 * -n), into buf. */
static const char *ip4str(struct dec_ctx *d, const uint8_t *p, char buf[16])
{
	dec_need(d, p, 4);
	const char *name = dec_host4(d, p);
	if (name)
		return name;
	snprintf(buf, 16, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
	return buf;
}

/* The prefix length of a contiguous mask, else -1. */
static int mask2plen(uint32_t mask)
{
	for (int n = 32; n >= 0; n--)
		if ((n ? ~0u << (32 - n) : 0u) == mask)
			return n;
	return -1;
}

/* An RFC 1058 entry; its length, 0 when short or cut (tcpdump then
 * prints its truncation marker and stops the entries). */
static unsigned entry_v1(struct dec_ctx *d, const uint8_t *p, size_t remaining)
{
	char buf[16];
	if (remaining < RIP_ENTRY || !dec_has(d, p, RIP_ENTRY))
		return 0;
	unsigned family = dec_get_be16(p);
	if (family != RIP_AF_INET && family != 0) {
		dec_printf(d, "\n\t AFI ");
		dec_tokf(d, rip_afs, family, "Unknown (%u)");
		dec_printf(d, ", ");
		dec_hexlines(d, "\n\t  ", p + 4, RIP_ENTRY - 4);
	} else if (dec_get_be16(p + 2) || dec_get_be32(p + 8) || dec_get_be32(p + 12))
		dec_hexlines(d, "\n\t  ", p, RIP_ENTRY); /* must-be-zero fields that are not */
	else
		dec_printf(d, "\n\t  %s%s, metric: %u", family ? "" : "AFI 0, ", ip4str(d, p + 4, buf),
			   dec_get_be32(p + 16));
	return RIP_ENTRY;
}

/* An RFC 2453 entry or authentication; its length, 0 when short or cut. */
static unsigned entry_v2(struct dec_ctx *d, const uint8_t *p, size_t remaining)
{
	char buf[16];
	if (remaining < 4 || !dec_has(d, p, 4))
		return 0;
	unsigned family = dec_get_be16(p);
	if (family == 0xffff) {
		unsigned type = dec_get_be16(p + 2);
		p += 4;
		remaining -= 4;
		if (type == 2) { /* a NUL-padded password, cut short if the entry is */
			dec_printf(d, "\n\t  Simple Text Authentication data: ");
			unsigned i = 0;
			for (; i < 16 && i < remaining && dec_u8(d, p + i); i++)
				dec_putc_safe(d, p[i]);
			if (i == remaining && i < 16) {
				if (p + i == d->end)
					dec_trunc(d); /* the capture ends: tcpdump jumps out */
				return 0;
			}
		} else if (type == 3) {
			if (!dec_has(d, p, 16) || remaining < 16)
				return 0;
			dec_printf(d, "\n\t  Auth header: Packet Len %u, Key-ID %u, Auth Data Len %u, SeqNo %u, MBZ %u, MBZ %u",
				   dec_get_be16(p), p[2], p[3], dec_get_be32(p + 4), dec_get_be32(p + 8),
				   dec_get_be32(p + 12));
		} else {
			/* a trailer or an unknown type: to the packet's end */
			if (type == 1)
				dec_printf(d, "\n\t  Auth trailer:");
			else
				dec_printf(d, "\n\t  Unknown (%u) Authentication data:", type);
			dec_hexlines(d, "\n\t  ", p, remaining);
			return (unsigned)(4 + remaining);
		}
	} else if (family != RIP_AF_INET && family != 0) {
		dec_printf(d, "\n\t  AFI ");
		dec_tokf(d, rip_afs, family, "Unknown (%u)");
		dec_hexlines(d, "\n\t  ", p + 4, RIP_ENTRY - 4);
	} else {
		if (!dec_has(d, p, RIP_ENTRY) || remaining < RIP_ENTRY)
			return 0;
		char af[12];
		snprintf(af, sizeof af, "%u", family);
		dec_printf(d, "\n\t  AFI %s, %15s/%-2d, tag 0x%04x, metric: %u, next-hop: ",
			   dec_tok(rip_afs, family, af), ip4str(d, p + 4, buf), mask2plen(dec_get_be32(p + 8)),
			   dec_get_be16(p + 2), dec_get_be32(p + 16));
		dec_printf(d, "%s", dec_get_be32(p + 12) ? ip4str(d, p + 12, buf) : "self");
	}
	return RIP_ENTRY;
}

/* The entries of a request or response, len bytes as far as captured. */
static void entries(struct dec_ctx *d, const uint8_t *p, size_t len, size_t length, unsigned vers)
{
	dec_printf(d, vers == 1 ? ", routes: %zu" : ", routes: %zu or less", length / RIP_ENTRY);
	while (len) {
		unsigned n = vers == 1 ? entry_v1(d, p, len) : entry_v2(d, p, len);
		if (!n) {
			dec_printf(d, " [|rip]");
			return;
		}
		if (len < n) {
			dec_printf(d, " [remaining entries length %zu < %u] (invalid)", len, n);
			return;
		}
		p += n;
		len -= n;
	}
}

void dec_rip(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t length)
{
	(void)a;
	d->proto = "rip";
	size_t len = dec_avail(d, p, length); /* tcpdump goes as far as captured */
	if (len < RIP_HDR) {
		dec_printf(d, " [|rip]");
		return;
	}
	len -= RIP_HDR;
	unsigned vers = p[1], cmd = p[0];
	dec_printf(d, "%sRIPv%u", d->o.vflag ? "\n\t" : "", vers);
	if (vers == 0) { /* RFC 1058: to be ignored; tcpdump dumps it */
		dec_hexlines(d, "\n\t", p, length);
		return;
	}
	dec_printf(d, ", ");
	dec_tokf(d, rip_cmds, cmd, "unknown command (%u)");
	dec_printf(d, ", length: %zu", length);
	if (!d->o.vflag)
		return;
	if (cmd == 1 || cmd == 2) {
		if (vers == 1 || vers == 2)
			entries(d, p + RIP_HDR, len, length, vers);
		else
			dec_printf(d, ", unknown version");
	} else if ((cmd < 4 || cmd > 6) && d->o.vflag <= 1)
		dec_hexlines(d, "\n\t", p, length);
	if (d->o.vflag > 1) /* -vv: the whole message in hex too */
		dec_hexlines(d, "\n\t", p, length);
}

/* One RIPng entry (prefix, tag, prefix length, metric), all captured:
 * prefix/len, a tag if any, the metric (responses) if any. */
static void ripng_entry(struct dec_ctx *d, const uint8_t *p, int metric)
{
	dec_need(d, p, 19);
	dec_ip6addr(d, p);
	dec_printf(d, "/%u", p[18]);
	if (dec_get_be16(p + 16))
		dec_printf(d, " [%u]", dec_get_be16(p + 16));
	if (dec_u8(d, p + 19) && metric) /* read in requests too */
		dec_printf(d, " (%u)", p[19]);
}

void dec_ripng(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "ripng";
	unsigned vers = dec_u8(d, p + 1), cmd;
	if (vers != 1) {
		dec_printf(d, " [vers %u] (invalid)", vers);
		return;
	}
	cmd = dec_u8(d, p);
	if (cmd != 1 && cmd != 2) {
		dec_printf(d, " ripng-%u ?? %zu (invalid)", cmd, len);
		return;
	}
	if (len < RIP_HDR) {
		dec_printf(d, " (invalid)");
		return;
	}
	size_t left = len - RIP_HDR, j = left / RIPNG_ENTRY;
	p += RIP_HDR;
	static const uint8_t unspec[16];
	if (cmd == 1 && j == 1) {
		dec_need(d, p, RIPNG_ENTRY);
		if (p[19] == 16 && !memcmp(p, unspec, 16)) {
			dec_printf(d, " ripng-req dump");
			return;
		}
	}
	dec_printf(d, " %s %zu", cmd == 1 ? "ripng-req" : "ripng-resp", j);
	if (j * RIPNG_ENTRY != left)
		dec_printf(d, "[%zu]", len);
	dec_printf(d, ":");
	for (; left >= RIPNG_ENTRY; left -= RIPNG_ENTRY, p += RIPNG_ENTRY) {
		dec_printf(d, d->o.vflag > 1 ? "\n\t" : " ");
		ripng_entry(d, p, cmd == 2);
	}
	if (left)
		dec_printf(d, " (invalid)");
}
