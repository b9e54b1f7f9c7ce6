/* lwres.c: BIND 9's lightweight resolver protocol (UDP 921) as tcpdump
 * 4.99 prints it: " lwres getaddrsbyname? IPv4 name" for a query,
 * " lwres getaddrsbyname 0/1 name 10.0.0.1" for its answer, the same for
 * getnamebyaddr and getrdatabyname; with -vv the serial and result, with
 * -vvv the authentication fields and flags.  A length field unlike the
 * datagram's adds " [len: N != M]", unread bytes "[extra]".  Fields past
 * the capture end the line " [|lwres]". */
#include "decode/dec.h"

#define LWRES_HDR 28
#define LWRES_RESPONSE 0x0001
#define LWRES_ADDR_HDR 6  /* family (4), length (2) */
#define LWRES_V4 1
#define LWRES_V6 2
#define DNS_CLASS_IN 1
enum { LW_NOOP = 0, LW_GABN = 0x00010001, LW_GNBA, LW_GRBN };

static const struct dec_tok lwres_ops[] = {
	{ LW_NOOP, "noop" }, { LW_GABN, "getaddrsbyname" }, { LW_GNBA, "getnamebyaddr" },
	{ LW_GRBN, "getrdatabyname" }, { 0, NULL },
};

/* " NAME" of l bytes at p, which a NUL should follow; the bytes used. */
static size_t lw_name(struct dec_ctx *d, unsigned l, const uint8_t *p)
{
	dec_printf(d, " ");
	dec_text(d, p, l, 0);
	if (dec_u8(d, p + l))
		dec_printf(d, " (not NUL-terminated!)");
	return (size_t)l + 1;
}

/* A name after its 16-bit length. */
static size_t lw_namelen(struct dec_ctx *d, const uint8_t *p)
{
	return 2 + lw_name(d, dec_be16(d, p), p + 2);
}

/* Bytes after their 16-bit length, in hex. */
static size_t lw_binlen(struct dec_ctx *d, const uint8_t *p)
{
	unsigned l = dec_be16(d, p);
	for (unsigned i = 0; i < l; i++)
		dec_printf(d, "%02x", dec_u8(d, p + 2 + i));
	return 2 + (size_t)l;
}

/* An address (family, length, bytes); the bytes tcpdump moves past (only
 * the address's size for IPv4 and IPv6, whatever the length says), -1
 * for an address too short for its family. */
static long lw_addr(struct dec_ctx *d, const uint8_t *p)
{
	unsigned l = dec_be16(d, p + 4);
	const uint8_t *a = p + LWRES_ADDR_HDR;
	dec_need(d, a, l);
	uint32_t family = dec_be32(d, p);
	if (family == LWRES_V4 || family == LWRES_V6) {
		unsigned alen = family == LWRES_V4 ? 4 : 16;
		if (l < alen)
			return -1;
		dec_printf(d, " ");
		alen == 4 ? dec_ip4addr(d, a) : dec_ip6addr(d, a);
		return LWRES_ADDR_HDR + alen;
	}
	dec_printf(d, " %u/", family);
	for (unsigned i = 0; i < l; i++)
		dec_printf(d, "%02x", a[i]);
	return LWRES_ADDR_HDR + (long)l;
}

static void lw_flags(struct dec_ctx *d, const uint8_t *p)
{
	if (d->o.vflag > 2)
		dec_printf(d, " flags:0x%x", dec_be32(d, p));
}

/* " TYPE[ CLASS]" of a getrdatabyname message at p (class, then type, at 4) */
static void lw_type_class(struct dec_ctx *d, const uint8_t *p)
{
	unsigned type = dec_get_be16(p + 6), cls = dec_get_be16(p + 4);
	const char *n = proto_name(&proto_dns_types, type, PROTO_TCPDUMP);
	n ? dec_printf(d, " %s", n) : dec_printf(d, " Type%u", type);
	if (cls != DNS_CLASS_IN) {
		n = proto_name(&proto_dns_classes, cls, PROTO_TCPDUMP);
		n ? dec_printf(d, " %s", n) : dec_printf(d, " Class%u", cls);
	}
}

/* A query's body at p (its fixed part captured); where it ends, or
 * NULL: invalid. */
static const uint8_t *lw_query(struct dec_ctx *d, uint32_t op, const uint8_t *p)
{
	long adv;
	switch (op) {
	case LW_GABN: {
		uint32_t v = dec_get_be32(p + 4);
		static const char *const fams[] = { "", " IPv4", " IPv6", " IPv4/6" };
		dec_printf(d, "%s", fams[v & 3]);
		if (v & ~3u)
			dec_printf(d, "[0x%x]", v);
		return p + 10 + lw_name(d, dec_get_be16(p + 8), p + 10);
	}
	case LW_GNBA:
		adv = lw_addr(d, p + 4);
		return adv < 0 ? NULL : p + 4 + adv;
	default: /* LW_GRBN */
		lw_type_class(d, p);
		return p + 10 + lw_name(d, dec_get_be16(p + 8), p + 10);
	}
}

/* A response's body at p (its fixed part captured); where it ends, or
 * NULL: invalid. */
static const uint8_t *lw_response(struct dec_ctx *d, uint32_t op, const uint8_t *p)
{
	const uint8_t *s;
	unsigned na;
	switch (op) {
	case LW_GABN: {
		unsigned naddrs = dec_get_be16(p + 6);
		na = dec_get_be16(p + 4);
		dec_printf(d, " %u/%u", na, naddrs);
		s = p + 10 + lw_name(d, dec_get_be16(p + 8), p + 10);
		for (; na; na--)
			s += lw_namelen(d, s);
		for (; naddrs; naddrs--) {
			long adv = lw_addr(d, s);
			if (adv < 0)
				return NULL;
			s += adv;
		}
		return s;
	}
	case LW_GNBA:
		na = dec_get_be16(p + 4);
		dec_printf(d, " %u", na);
		s = p + 8 + lw_name(d, dec_get_be16(p + 6), p + 8);
		for (; na; na--)
			s += lw_namelen(d, s);
		return s;
	default: { /* LW_GRBN */
		lw_type_class(d, p);
		dec_printf(d, " TTL ");
		dec_relts(d, dec_get_be32(p + 8));
		unsigned nr = dec_get_be16(p + 12), ns = dec_get_be16(p + 14);
		dec_printf(d, " %u/%u", nr, ns);
		s = p + 16 + lw_namelen(d, p + 16);
		for (unsigned i = 0; i < nr + ns; i++) /* rdata, then signatures */
			s += lw_binlen(d, s);
		return s;
	}
	}
}

void dec_lwres(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "lwres";
	dec_need(d, p, LWRES_HDR);
	dec_printf(d, " lwres");
	unsigned v = dec_get_be16(p + 4), flags = dec_get_be16(p + 6);
	uint32_t pktlen = dec_get_be32(p), op = dec_get_be32(p + 12);
	const uint8_t *s = p + LWRES_HDR;
	int unsupported = 0;
	if (d->o.vflag || v != 0)
		dec_printf(d, " v%u", v);
	if (v != 0) {
		s = p + pktlen; /* tcpdump 4.99.3 skips it, unchecked */
	} else {
		int response = (flags & LWRES_RESPONSE) != 0;
		dec_printf(d, " ");
		dec_tokf(d, lwres_ops, op, "#0x%x");
		dec_printf(d, "%s", response ? "" : "?");
		if (flags & ~LWRES_RESPONSE)
			dec_printf(d, "[0x%x]", flags);
		if (d->o.vflag > 1) {
			dec_printf(d, " (serial:0x%x result:0x%x recvlen:%u", dec_get_be32(p + 8),
				   dec_get_be32(p + 16), dec_get_be32(p + 20));
			if (d->o.vflag > 2)
				dec_printf(d, " authtype:0x%x authlen:%u", dec_get_be16(p + 24), dec_get_be16(p + 26));
			dec_printf(d, ")");
		}
		if (op != LW_GABN && op != LW_GNBA && op != LW_GRBN)
			unsupported = op != LW_NOOP;
		else {
			/* the fixed part of each body: queries, responses */
			static const unsigned char fixed[2][3] = { { 10, 4, 10 }, { 10, 8, 16 } };
			dec_need(d, s, fixed[response][op - LW_GABN]);
			lw_flags(d, s);
			s = response ? lw_response(d, op, s) : lw_query(d, op, s);
		}
		if (!s) {
			dec_printf(d, " (invalid)");
			return;
		}
	}
	if (pktlen != len)
		dec_printf(d, " [len: %u != %zu]", pktlen, len);
	if (!unsupported && s > p && (size_t)(s - p) < pktlen)
		dec_printf(d, "[extra]");
}
