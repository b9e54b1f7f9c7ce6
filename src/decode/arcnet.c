/* arcnet.c: ARCNET (DLT_ARCNET) and Linux ARCNET (DLT_ARCNET_LINUX) as
 * tcpdump 4.99 prints them: with -e "SRC DST TYPE LEN: " (RFC 1201
 * frames add their sequence id and fragment), then IPv4, IPv6, ARP or
 * RARP by the system code (RFC 1051's old codes too), AppleTalk (atalk.c)
 * and IPX (ipx.c), anything else in hex.  A frame's header
 * is 3 bytes (RFC 1051, diagnostics), 6 (RFC 1201) or 10 (an RFC 1201
 * exception frame); Linux adds a 2-byte offset after the addresses and
 * never gives exception frames or fragments. */
#include "decode/dec.h"

/* System codes: RFC 1051, RFC 1201, ANSI/ATA 878.1 */
enum { ARC_IP_OLD = 240, ARC_ARP_OLD = 241, ARC_IP = 212, ARC_ARP = 213, ARC_REVARP = 214, ARC_ATALK = 221,
       ARC_IPX = 250, ARC_INET6 = 0xc4, ARC_DIAGNOSE = 0x80 };
enum { ARC_HDRLEN = 3, ARC_HDRNEWLEN = 6, ARC_HDRNEWLEN_EXC = 10, ARC_LINUX_HDRLEN = 5, ARC_LINUX_HDRNEWLEN = 8 };

static const struct dec_tok arc_types[] = {
	{ ARC_IP_OLD, "oldip" }, { ARC_ARP_OLD, "oldarp" }, { ARC_IP, "ip" }, { ARC_ARP, "arp" },
	{ ARC_REVARP, "rarp" }, { ARC_ATALK, "atalk" }, { 247, "banyan" }, { ARC_IPX, "ipx" },
	{ ARC_INET6, "ipv6" }, { ARC_DIAGNOSE, "diag" }, { 0, NULL },
};

/* The codes with the short header (no fragmentation fields). */
static int old_style(unsigned type)
{
	return type == ARC_IP_OLD || type == ARC_ARP_OLD || type == ARC_DIAGNOSE;
}

/* -e: the header.  tcpdump reads the type at byte 2 whatever the frame
 * (in a Linux header, the offset's first byte); phds: an RFC 1201 header
 * with its fragment flag and sequence id. */
static void arc_hdr(struct dec_ctx *d, const uint8_t *p, size_t len, int phds, unsigned flag, unsigned seqid)
{
	if (d->o.qflag) {
		dec_printf(d, "%02x %02x %zu: ", p[0], p[1], len);
		return;
	}
	char code[4];
	snprintf(code, sizeof code, "%02x", p[2]);
	dec_printf(d, "%02x %02x %s ", p[0], p[1], dec_tok(arc_types, p[2], code));
	if (!phds)
		dec_printf(d, "%zu: ", len);
	else if (flag == 0)
		dec_printf(d, "seqid %04x %zu: ", seqid, len);
	else if (flag & 1)
		dec_printf(d, "seqid %04x (first of %u fragments) %zu: ", seqid, (flag + 3) / 2, len);
	else
		dec_printf(d, "seqid %04x (fragment %u) %zu: ", seqid, flag / 2 + 1, len);
}

static void arc_arp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_arp(d, p, len, 0); /* RARP prints as ARP does */
}

static void arc_ipx(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_ipx(d, p, len); /* ipx.c */
}

/* The payloads by system code; tcpdump prints any other in hex. */
static const struct {
	unsigned type;
	void (*print)(struct dec_ctx *, const uint8_t *, size_t);
} arc_payloads[] = {
	{ ARC_IP_OLD, dec_ip }, { ARC_IP, dec_ip }, { ARC_INET6, dec_ip6 }, { ARC_ARP_OLD, arc_arp },
	{ ARC_ARP, arc_arp }, { ARC_REVARP, arc_arp }, { ARC_ATALK, dec_ether_atalk }, { ARC_IPX, arc_ipx },
};

static void arc_payload(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < sizeof arc_payloads / sizeof arc_payloads[0]; i++)
		if (arc_payloads[i].type == type) {
			arc_payloads[i].print(d, p, len);
			return;
		}
	dec_default_print(d, p, dec_avail(d, p, len));
}

int dec_link_arcnet(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_link_begin(d, p, len, "arcnet", 0);
	dec_need(d, p, ARC_HDRLEN); /* tcpdump jumps out: -x dumps it all */
	unsigned type = p[2], flag = 0, seqid = 0;
	int phds = !old_style(type);
	size_t hl = ARC_HDRLEN, caplen = dec_avail(d, p, len);
	if (phds) {
		int exc = caplen >= ARC_HDRNEWLEN && p[3] == 0xff; /* an exception frame */
		if (caplen < (exc ? ARC_HDRNEWLEN_EXC : ARC_HDRNEWLEN)) {
			arc_hdr(d, p, len, 0, 0, 0);
			dec_printf(d, exc ? " phds extended" : " phds");
			dec_trunc(d);
		}
		flag = exc ? p[7] : p[3];
		seqid = dec_get_be16(p + (exc ? 8 : 4));
		hl = exc ? ARC_HDRNEWLEN_EXC : ARC_HDRNEWLEN;
	}
	if (d->o.eflag)
		arc_hdr(d, p, len, phds, flag, seqid);
	d->hdrlen = (int)hl;
	if (phds && flag && !(flag & 1))
		return (int)hl; /* a later fragment: nothing more */
	arc_payload(d, type, p + hl, len - hl);
	return (int)hl;
}

int dec_link_arcnet_linux(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_link_begin(d, p, len, "arcnet_linux", 0);
	unsigned type = dec_u8(d, p + 4);
	size_t hl = old_style(type) ? ARC_LINUX_HDRLEN : ARC_LINUX_HDRNEWLEN;
	dec_need(d, p, hl);
	if (d->o.eflag)
		arc_hdr(d, p, len, 0, 0, 0);
	d->hdrlen = (int)hl;
	arc_payload(d, type, p + hl, len - hl);
	return (int)hl;
}
