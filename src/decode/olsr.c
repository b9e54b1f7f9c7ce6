/* olsr.c: the Optimized Link State Routing protocol (RFC 3626; UDP 698,
 * with olsr.org's link-quality and name-service messages) as tcpdump 4.99
 * prints it: "OLSRv4, seq 0x1234, length N", with -v each message's
 * header and body (HELLO links and neighbours, TC, MID interfaces, HNA
 * networks and olsr.org's smart gateways, name service entries).  A
 * length that does not fit prints " (invalid)"; bytes past the capture
 * end the line " [|olsr]" (tcpdump's printer returns). */
#include "decode/dec.h"

#define OLSR_COMMON 4
enum { OLSR_HELLO = 1, OLSR_TC, OLSR_MID, OLSR_HNA, OLSR_NAMESERVICE = 130, OLSR_HELLO_LQ = 201, OLSR_TC_LQ };
#define OLSR_HELLO_HDR 4   /* reserved, htime, willingness */
#define OLSR_LINK_HDR 4    /* link code, reserved, length */
#define OLSR_TC_HDR 4      /* ANSN, reserved */

static const struct dec_tok olsr_msgs[] = {
	{ OLSR_HELLO, "Hello" }, { OLSR_TC, "TC" }, { OLSR_MID, "MID" }, { OLSR_HNA, "HNA" }, { 128, "Powerinfo" },
	{ OLSR_NAMESERVICE, "Nameservice" }, { OLSR_HELLO_LQ, "Hello-LQ" }, { OLSR_TC_LQ, "TC-LQ" }, { 0, NULL },
};
static const char *const olsr_link_types[] = { "Unspecified", "Asymmetric", "Symmetric", "Lost" };
static const struct dec_tok olsr_neighbor_types[] = {
	{ 0, "Not-Neighbor" }, { 1, "Symmetric" }, { 2, "Symmetric-MPR" }, { 0, NULL },
};
static const struct dec_tok olsr_gw_flags[] = { /* olsr.org's smart gateway HNA */
	{ 0x01, " LINKSPEED" }, { 0x02, " IPV4" }, { 0x04, " IPV4-NAT" }, { 0x08, " IPV6" }, { 0x10, " IPv6-PREFIX" },
	{ 0, NULL },
};

/* olsr.org's 8-bit mantissa/exponent time, in seconds */
static double olsr_time(unsigned me)
{
	return 0.0625 * (1 + (double)(me >> 4) / 16) * (double)(1u << (me & 0x0f));
}

static void olsr_addr(struct dec_ctx *d, const uint8_t *p, size_t alen)
{
	alen == 4 ? dec_ip4addr(d, p) : dec_ip6addr(d, p);
}

/* A plain neighbour list (tcpdump never counts to its "4 a line"). */
static void olsr_neighbors(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_printf(d, "\n\t      neighbor\n\t\t");
	for (; len >= 4; p += 4, len -= 4) {
		dec_ip4addr(d, p);
		dec_printf(d, " ");
	}
}

/* A neighbour list with link qualities (alen-byte addresses). */
static void olsr_lq_neighbors(struct dec_ctx *d, const uint8_t *p, size_t len, size_t alen)
{
	for (; len >= alen + 4; p += alen + 4, len -= alen + 4) {
		dec_need_ret(d, p, alen + 4);
		dec_printf(d, "\n\t      neighbor ");
		olsr_addr(d, p, alen);
		dec_printf(d, ", link-quality %.2f%%, neighbor-link-quality %.2f%%", (double)p[alen] / 2.55,
			   (double)p[alen + 1] / 2.55);
	}
}

static void olsr_hello(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len, size_t alen)
{
	if (len < OLSR_HELLO_HDR)
		dec_trunc_ret(d);
	dec_need_ret(d, p, OLSR_HELLO_HDR);
	dec_printf(d, "\n\t  hello-time %.3fs, MPR willingness %u", olsr_time(p[2]), p[3]);
	p += OLSR_HELLO_HDR;
	len -= OLSR_HELLO_HDR;
	while (len >= OLSR_LINK_HDR) {
		dec_need_ret(d, p, OLSR_LINK_HDR);
		unsigned hlen = dec_get_be16(p + 2), code = p[0];
		int valid = hlen <= len && hlen >= OLSR_LINK_HDR;
		dec_printf(d, "\n\t    link-type %s, neighbor-type %s, len %u%s", olsr_link_types[code & 3],
			   dec_tok(olsr_neighbor_types, code >> 2, "Unknown"), hlen, valid ? "" : " (invalid)");
		if (!valid)
			return;
		p += OLSR_LINK_HDR;
		len -= OLSR_LINK_HDR;
		hlen -= OLSR_LINK_HDR;
		dec_need_ret(d, p, hlen);
		if (type == OLSR_HELLO)
			olsr_neighbors(d, p, hlen);
		else
			olsr_lq_neighbors(d, p, hlen, alen);
		p += hlen;
		len -= hlen;
	}
}

/* tcpdump's mask2plen: the prefix length of a contiguous mask, else -1 */
static int olsr_plen4(uint32_t mask)
{
	for (int n = 32; n >= 0; n--)
		if ((n ? ~0u << (32 - n) : 0u) == mask)
			return n;
	return -1;
}

/* tcpdump's mask62plen: the leading whole bytes and the next byte's bits */
static unsigned olsr_plen6(const uint8_t *m)
{
	unsigned n = 0;
	for (int i = 0; i < 16; i++) {
		for (unsigned bits = 0; bits <= 8; bits++)
			if (m[i] == (uint8_t)(0xff00u >> bits)) {
				n += bits;
				break;
			}
		if (m[i] != 0xff)
			break;
	}
	return n;
}

static unsigned olsr_gw_speed(unsigned v)
{
	if (v == 0 || v == 0xff)
		return v ? 320000000u : 0;
	unsigned speed = (v >> 3) + 1;
	for (unsigned e = v & 7; e; e--)
		speed *= 10;
	return speed;
}

static void olsr_hna(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len, size_t alen)
{
	(void)type;
	dec_printf(d, "\n\t  Advertised networks (total %u)", (unsigned)(len / (2 * alen)));
	for (unsigned col = 0; len >= 2 * alen; p += 2 * alen, len -= 2 * alen, col = (col + 1) % 4) {
		dec_need_ret(d, p, 2 * alen);
		const uint8_t *m = p + alen;
		if (alen == 16) { /* tcpdump numbers them all #0 */
			dec_printf(d, "\n\t    #0: ");
			dec_ip6addr(d, p);
			dec_printf(d, "/%u", olsr_plen6(m));
			continue;
		}
		dec_printf(d, "%s", col == 0 ? "\n\t    " : ", ");
		if (!dec_get_be32(p) && !m[0] && m[1]) {
			dec_printf(d, "Smart-Gateway:");
			for (const struct dec_tok *t = olsr_gw_flags; t->s; t++)
				if (m[1] & t->v)
					dec_printf(d, "%s", t->s);
			int ls = m[1] & 0x01;
			dec_printf(d, " %u/%u", ls ? olsr_gw_speed(m[2]) : 0, ls ? olsr_gw_speed(m[3]) : 0);
		} else {
			dec_ip4addr(d, p);
			dec_printf(d, "/%u", (unsigned)olsr_plen4(dec_get_be32(m)));
		}
	}
}

static void olsr_names(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len, size_t alen)
{
	(void)type;
	if (len < 4)
		dec_trunc_ret(d);
	unsigned n = dec_be16(d, p + 2);
	int valid = n > 0 && n * (4 + alen) <= len;
	dec_printf(d, "\n\t  Version %u, Entries %u%s", dec_be16(d, p), n, valid ? "" : " (invalid)");
	if (!valid)
		return;
	p += 4;
	len -= 4;
	for (unsigned i = 0; i < n && len >= 4; i++) {
		unsigned type = dec_be16(d, p), elen = dec_be16(d, p + 2);
		p += 4;
		len -= 4;
		int ok = elen > 0 && alen + elen <= len;
		dec_printf(d, "\n\t    #%u: type %#06x, length %u%s", i, type, elen, ok ? "" : " (invalid)");
		if (!ok)
			return;
		size_t all = alen + elen + (elen % 4 ? 4 - elen % 4 : 0);
		if (len < all)
			dec_trunc_ret(d);
		dec_need_ret(d, p, all);
		dec_printf(d, ", address ");
		olsr_addr(d, p, alen);
		dec_printf(d, ", name \"");
		dec_text(d, p + alen, elen, 0);
		dec_printf(d, "\"");
		p += all;
		len -= all;
	}
}

static void olsr_tc(struct dec_ctx *d, unsigned type, const uint8_t *m, size_t mt, size_t alen)
{
	if (mt < OLSR_TC_HDR)
		dec_trunc_ret(d);
	dec_need_ret(d, m, OLSR_TC_HDR);
	dec_printf(d, "\n\t    advertised neighbor seq 0x%04x", dec_get_be16(m));
	if (type == OLSR_TC)
		olsr_neighbors(d, m + OLSR_TC_HDR, mt - OLSR_TC_HDR);
	else
		olsr_lq_neighbors(d, m + OLSR_TC_HDR, mt - OLSR_TC_HDR, alen);
}

static void olsr_mid(struct dec_ctx *d, unsigned type, const uint8_t *m, size_t mt, size_t alen)
{
	(void)type;
	for (; mt >= alen; m += alen, mt -= alen) {
		dec_need_ret(d, m, alen);
		dec_printf(d, "\n\t  interface address ");
		olsr_addr(d, m, alen);
	}
}

static void olsr_unknown(struct dec_ctx *d, unsigned type, const uint8_t *m, size_t mt, size_t alen)
{
	(void)type;
	(void)alen;
	dec_hexlines(d, "\n\t    ", m, mt);
}

/* A message's body by its type (the last row: any other, in hex). */
static const struct olsr_body {
	unsigned type;
	void (*print)(struct dec_ctx *d, unsigned type, const uint8_t *m, size_t mt, size_t alen);
} olsr_bodies[] = {
	{ OLSR_HELLO, olsr_hello }, { OLSR_HELLO_LQ, olsr_hello }, { OLSR_TC, olsr_tc }, { OLSR_TC_LQ, olsr_tc },
	{ OLSR_MID, olsr_mid }, { OLSR_HNA, olsr_hna }, { OLSR_NAMESERVICE, olsr_names }, { 0, olsr_unknown },
};

void dec_olsr(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	size_t alen = a->n->v6 ? 16 : 4, mhdr = alen + 8;
	d->proto = "olsr";
	dec_printf(d, "OLSRv%u", a->n->v6 ? 6 : 4);
	if (len < OLSR_COMMON)
		dec_trunc_ret(d);
	dec_need_ret(d, p, OLSR_COMMON);
	size_t plen = dec_get_be16(p);
	if (plen < len)
		len = plen;
	dec_printf(d, ", seq 0x%04x, length %zu", dec_get_be16(p + 2), len);
	if (!d->o.vflag)
		return;
	for (const uint8_t *q = p + OLSR_COMMON; q < p + len;) {
		dec_need_ret(d, q, mhdr);
		unsigned type = q[0], mlen = dec_get_be16(q + 2);
		int valid = mlen >= mhdr && mlen <= len;
		if (type == 0 || mlen == 0)
			return;
		dec_printf(d, "\n\t%s Message (%#04x), originator ", dec_tok(olsr_msgs, type, "Unknown"), type);
		olsr_addr(d, q + 4, alen);
		dec_printf(d, ", ttl %u, hop %u\n\t  vtime %.3fs, msg-seq 0x%04x, length %u%s", q[4 + alen],
			   q[5 + alen], olsr_time(q[1]), dec_get_be16(q + 6 + alen), mlen, valid ? "" : " (invalid)");
		if (!valid)
			return;
		const struct olsr_body *b = olsr_bodies;
		while (b->type && b->type != type)
			b++;
		b->print(d, type, q + mhdr, mlen - mhdr, alen);
		q += mlen;
	}
}
