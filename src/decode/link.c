/* link.c: the link types other than Ethernet: BSD loopback (NULL, LOOP),
 * Linux cooked captures (SLL, SLL2) and raw IP (RAW, IPV4, IPV6).  Each
 * prints its header only with -e, as tcpdump does, then hands the payload
 * to the network layer; the return value is the link header's length. */
#include <net/if.h>

#include "decode/dec.h"

/* Address families in BSD loopback headers (tcpdump's bsd_af_values). */
static const struct dec_tok bsd_afs[] = {
	{ 2, "IPv4" },           /* AF_INET everywhere */
	{ 7, "ISO" },
	{ 16, "Appletalk" },
	{ 23, "IPX" },
	{ 24, "IPv6" },          /* NetBSD, OpenBSD */
	{ 28, "IPv6" },          /* FreeBSD */
	{ 30, "IPv6" },          /* Darwin */
	{ 0, NULL },
};

/* Linux packet types (linux/if_packet.h PACKET_*). */
static const struct dec_tok sll_pkttypes[] = {
	{ 0, "In" },             /* PACKET_HOST */
	{ 1, "B" },              /* PACKET_BROADCAST */
	{ 2, "M" },              /* PACKET_MULTICAST */
	{ 3, "P" },              /* PACKET_OTHERHOST */
	{ 4, "Out" },            /* PACKET_OUTGOING */
	{ 0, NULL },
};

/* The BSD loopback header as -e prints it, len the whole frame's. */
static void null_hdr(struct dec_ctx *d, uint32_t af, size_t len)
{
	if (!d->o.qflag)
		dec_printf(d, "AF %s (%u)", dec_tok(bsd_afs, af, "Unknown"), af);
	else if (dec_tok(bsd_afs, af, NULL))
		dec_printf(d, "%s", dec_tok(bsd_afs, af, NULL));
	else
		dec_printf(d, "Unknown AF %u", af);
	dec_printf(d, ", length %zu: ", len);
}

/* The families tcpdump's null printer decodes (IPv6 by three numbers). */
static const struct {
	uint32_t af;
	void (*print)(struct dec_ctx *d, const uint8_t *p, size_t len);
} null_rows[] = {
	{ PROTO_AF_INET, dec_ip }, { PROTO_AF_INET6_BSD, dec_ip6 }, { PROTO_AF_INET6_FREEBSD, dec_ip6 },
	{ PROTO_AF_INET6_DARWIN, dec_ip6 }, { 7, dec_isoclns }, { 16, dec_atalk }, { 23, dec_ipx },
};

int dec_link_null(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "null";
	d->hdrlen = 4;
	dec_need(d, p, 4); /* cut short: tcpdump jumps out (-x dumps it all) */
	/* as tcpdump on a little-endian host: the family in host order,
	 * swapped when its upper half is not 0 (LOOP's network order, or
	 * NULL written on a machine of the other byte order) */
	uint32_t af = dec_le32(d, p);
	if ((af & 0xffff0000u) != 0)
		af = dec_be32(d, p);
	if (d->o.eflag)
		null_hdr(d, af, len);
	len = len >= 4 ? len - 4 : 0;
	for (size_t i = 0; i < sizeof null_rows / sizeof null_rows[0]; i++)
		if (null_rows[i].af == af) {
			null_rows[i].print(d, p + 4, len);
			return 4;
		}
	/* blank: a family tcpdump has no printer for: the header even
	 * without -e, then the dump */
	if (!d->o.eflag)
		null_hdr(d, af, len + 4);
	if (!d->o.qflag)
		d->dump_from = p + 4;
	return 4;
}

/* The cooked header's hardware address: Ethernet form for 6 bytes. */
static void sll_addr(struct dec_ctx *d, const uint8_t *a, unsigned halen)
{
	if (halen == 6) {
		dec_mac(d, a);
		dec_printf(d, " ");
	}
}

/* Linux's protocol numbers at or below 1500 (PROTO_LINUX_*): 1 is
 * Novell's raw 802.3, 4 an 802.2 LLC header. */
static void sll_proto(struct dec_ctx *d, unsigned proto)
{
	if (proto > PROTO_ETH_LEN_MAX)
		dec_printf(d, "ethertype %s (0x%04x), ", dec_ethertype_name(proto), proto);
	else if (proto == PROTO_LINUX_802_3 || proto == PROTO_LINUX_802_2)
		dec_printf(d, "802.%d, ", proto == PROTO_LINUX_802_3 ? 3 : 2);
	else
		dec_printf(d, "ethertype Unknown (0x%04x), ", proto);
}

/* The header as -e prints it (v1 at p, or v2), len the whole frame's. */
static void sll_header(struct dec_ctx *d, const uint8_t *p, int v2, size_t len)
{
	unsigned proto = dec_be16(d, v2 ? p : p + 14);
	if (v2) {
		dec_printf(d, "ifindex %u ", dec_be32(d, p + 4));
		sll_addr(d, p + 12, dec_u8(d, p + 11));
	} else {
		dec_printf(d, "%3s ", dec_tok(sll_pkttypes, dec_be16(d, p), "?"));
		sll_addr(d, p + 6, dec_be16(d, p + 4));
	}
	if (!d->o.qflag) { /* -q: nothing after the address */
		sll_proto(d, proto);
		dec_printf(d, "length %zu: ", len);
	}
}

/* The payload after the cooked header h (hl bytes; v2 for version 2) of
 * a frame wirelen long; returns its bytes tcpdump counts as link header
 * (VLAN tags, an 802.2 header), for -x. */
static int sll_payload(struct dec_ctx *d, const uint8_t *h, int v2, size_t wirelen)
{
	size_t hl = v2 ? 20 : 16, len = wirelen >= hl ? wirelen - hl : 0;
	const uint8_t *p = h + hl;
	unsigned proto = dec_be16(d, v2 ? h : h + 14);
	int extra = 0;
	while (proto == PROTO_ETH_VLAN) { /* 802.1Q tags: each names the next type */
		d->proto = "vlan";
		if (!dec_has(d, p, 4) || len < 4) {
			dec_printf(d, " [|vlan]");
			return extra + (int)dec_avail(d, p, 4);
		}
		unsigned tci = dec_be16(d, p);
		if (d->o.eflag)
			dec_printf(d, "vlan %u, p %u%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
		proto = dec_be16(d, p + 2);
		if (proto <= PROTO_ETH_LEN_MAX)
			proto = PROTO_LINUX_802_2;
		if (!d->o.qflag)
			dec_printf(d, "ethertype %s, ", proto == PROTO_LINUX_802_2 ? "Unknown" : dec_ethertype_name(proto));
		p += 4, len -= 4, extra += 4;
		d->hdrlen += 4; /* a printer that returns early: -x skips the tags */
	}
	if (proto == PROTO_LINUX_802_2) {
		int n = dec_llc(d, NULL, p, len);
		return extra + (n > 0 ? n : n < 0 ? 0 : dec_llc_hdrlen(d, p));
	}
	if (proto == PROTO_LINUX_802_3) { /* Novell's raw 802.3: IPX */
		dec_ipx(d, p, len);
		return extra;
	}
	if (proto <= PROTO_ETH_LEN_MAX || !dec_ethertype_printed(proto)) {
		/* no printer in tcpdump: for an ethertype the header even
		 * without -e (its length less the VLAN tags), then a dump */
		if (!d->o.eflag && proto > PROTO_ETH_LEN_MAX)
			sll_header(d, h, v2, wirelen - (size_t)extra);
		if (!d->o.qflag)
			d->dump_from = p;
		return extra;
	}
	dec_ethertype(d, proto, p, len);
	return extra;
}

int dec_link_sll(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "sll";
	d->hdrlen = 16;
	dec_need(d, p, 16); /* cut short: tcpdump jumps out (-x dumps it all) */
	if (d->o.eflag)
		sll_header(d, p, 0, len);
	return 16 + sll_payload(d, p, 0, len);
}

int dec_link_sll2(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	char ifname[IF_NAMESIZE + 1] = "?";
	d->proto = "sll2";
	d->hdrlen = 20;
	dec_need(d, p, 20);
	if (!if_indextoname(dec_be32(d, p + 4), ifname))
		ifname[0] = '?', ifname[1] = '\0';
	dec_printf(d, "%-5s ", ifname);
	dec_printf(d, "%-3s ", dec_tok(sll_pkttypes, dec_u8(d, p + 10), "?"));
	if (d->o.eflag)
		sll_header(d, p, 1, len);
	return 20 + sll_payload(d, p, 1, len);
}

int dec_link_raw(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "raw";
	d->hdrlen = 0;
	if (d->o.eflag)
		dec_printf(d, "ip: ");
	dec_ip_version(d, p, len, "unknown ip %u");
	return 0;
}

void dec_ip_version(struct dec_ctx *d, const uint8_t *p, size_t len, const char *unknown)
{
	unsigned v = dec_u8(d, p) >> 4;
	if (v == 4)
		dec_ip(d, p, len);
	else if (v == 6)
		dec_ip6(d, p, len);
	else
		dec_printf(d, unknown, v);
}

/* A link type without a printer: tcpdump's line for the link types it
 * does not support, "UNSUPPORTED" and the packet in hex and ASCII; no
 * byte counts as link header, so -x, -X and -A dump it all again. */
int dec_link_other(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "unsupported";
	d->hdrlen = 0;
	dec_printf(d, "UNSUPPORTED");
	dec_hexascii(d, p, dec_avail(d, p, len));
	return 0;
}
