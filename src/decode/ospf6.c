/* ospf6.c: the OSPFv3 body (RFC 5340) past the first line, as tcpdump
 * 4.99 prints it with -v: the router and area IDs, the Hello and Database
 * Description fields; with -vv the neighbor list, the LSA headers of DD,
 * LS-Request and LS-Ack packets and the LSAs of an LS-Update; then the
 * trailer after the OSPF length: LLS data (RFC 5613, Hello and DD with the
 * L bit) and the authentication trailer (RFC 7166).
 *
 * tcpdump bounds its walks by the OSPF length field ("dataend") and by
 * the LSA lengths; a length that runs past them, or a structure tcpdump
 * checks as a whole (ND_TCHECK) not captured, ends the line with
 * " [|ospf3]" and the printer returns (dec_trunc_ret, dec_need_ret), while
 * a single field not captured jumps out (the accessors' dec_trunc).  Grace and TE LSAs are
 * printed by tcpdump's OSPFv2 code (ospf_te.c), a walk that gives up
 * ending the line with " [|ospf3]". */
#include <arpa/inet.h>
#include <string.h>

#include "decode/dec.h"

#define HDR 16    /* the OSPFv3 header */
#define LSHDR 20  /* an LSA header */
#define LSR 12    /* one LS-Request entry */
#define RLINK 16  /* one router-LSA link */
#define AT_HDR 16 /* the authentication trailer's fixed part */

#define OPT_L 0x0200
#define ASLA_FWD 0x02000000
#define ASLA_TAG 0x01000000

enum { T_HELLO = 1, T_DD, T_LSR, T_LSU, T_LSACK };

static const struct dec_tok options[] = {
	{ 0x01, "V6" }, { 0x02, "External" }, { 0x04, "Deprecated" }, { 0x08, "NSSA" },
	{ 0x10, "Router" }, { 0x20, "Demand Circuit" }, { 0x100, "AFs Support" }, { OPT_L, "LLS" },
	{ 0x400, "Authentication Trailer" }, { 0, NULL },
};
static const struct dec_tok rla_flags[] = {
	{ 0x01, "ABR" }, { 0x02, "External" }, { 0x04, "Virtual-Link Endpoint" }, { 0x08, "Deprecated" },
	{ 0x10, "NSSA Translator" }, { 0, NULL },
};
static const struct dec_tok asla_flags[] = {
	/* tcpdump tests OSPFv2's E bit here */
	{ 0x80000000u, "External Type 2" }, { ASLA_FWD, "Forwarding" }, { ASLA_TAG, "Tag" }, { 0, NULL },
};
static const struct dec_tok lsa_names[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Inter-Area Prefix" }, { 4, "Inter-Area Router" },
	{ 5, "External" }, { 6, "Deprecated" }, { 7, "NSSA" }, { 8, "Link" }, { 9, "Intra-Area Prefix" },
	{ 10, "Intra-Area TE" }, { 11, "Grace" }, { 12, "Router Information" }, { 13, "Inter-AS-TE" },
	{ 14, "Layer 1 VPN" }, { 0, NULL },
};
static const struct dec_tok scopes[] = {
	{ 0x0000, "Link Local" }, { 0x2000, "Area Local" }, { 0x4000, "Domain Wide" }, { 0, NULL },
};
static const struct dec_tok dd_flags[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" }, { 0x10, "IPv6 MTU" }, { 0, NULL },
};
static const struct dec_tok prefix_opts[] = {
	{ 0x01, "No Unicast" }, { 0x02, "Local address" }, { 0x04, "Deprecated" }, { 0x08, "Propagate" },
	{ 0x10, "Down" }, { 0x20, "N-bit" }, { 0, NULL },
};
static const struct dec_tok auth_types[] = { { 1, "HMAC" }, { 0, NULL } };

/* "[names]" of a flag word after a label. */
static void flags(struct dec_ctx *d, const char *label, const struct dec_tok *t, unsigned v)
{
	dec_printf(d, "%s[", label);
	dec_bits(d, t, v, "none");
	dec_printf(d, "]");
}

/* Takes n bytes off *left; 0 when fewer are left (tcpdump's "return 1"). */
static int take(unsigned *left, unsigned n)
{
	if (*left < n)
		return 0;
	*left -= n;
	return 1;
}

/* text then an IPv4-style ID; tcpdump fetches the ID before printing. */
static void id4(struct dec_ctx *d, const char *text, const uint8_t *a)
{
	dec_need(d, a, 4);
	dec_printf(d, "%s", text);
	dec_ip4addr(d, a);
}

static void ls_type(struct dec_ctx *d, unsigned type, const uint8_t *id)
{
	dec_need(d, id, 4);
	dec_printf(d, "\n\t    %s LSA (%u), %s Scope%s, LSA-ID ", dec_tok(lsa_names, type & 0x1fff, "Unknown"),
		   type & 0x1fff, dec_tok(scopes, type & 0x6000, "Unknown"), type & 0x8000 ? ", transitive" : "");
	dec_ip4addr(d, id);
}

/* An LSA header; 1 when the walk must stop (tcpdump's trunc). */
static int lshdr(struct dec_ctx *d, const uint8_t *h, const uint8_t *dataend)
{
	if (h + LSHDR > dataend)
		return 1;
	unsigned length = dec_be16(d, h + 18);
	id4(d, "\n\t  Advertising Router ", h + 8);
	/* a length under the header's wraps in tcpdump's size_t */
	dec_printf(d, ", seq 0x%08x, age %us, length %zu", dec_be32(d, h + 12), dec_be16(d, h), (size_t)length - LSHDR);
	ls_type(d, dec_be16(d, h + 2), h + 4);
	return 0;
}

/* One address prefix; its size, or -1 when it does not fit. */
static long prefix(struct dec_ctx *d, const uint8_t *p, unsigned left)
{
	if (left < 4)
		return -1;
	left -= 4;
	dec_need_ret(d, p, 4);
	unsigned plen = p[0], words = (plen + 31) / 32;
	if (words * 4 > 16) {
		dec_printf(d, " bogus prefixlen /%u", plen);
		return -1;
	}
	if (left < words * 4)
		return -1;
	uint8_t a[16] = { 0 };
	dec_need(d, p + 4, words * 4);
	memcpy(a, p + 4, words * 4);
	dec_printf(d, "\n\t\t");
	const char *name = dec_host6(d, a);
	if (name)
		dec_printf(d, "%s", name);
	else {
		char buf[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, a, buf, sizeof buf);
		dec_printf(d, "%s", buf);
	}
	dec_printf(d, "/%u", plen);
	if (p[1])
		flags(d, ", Options ", prefix_opts, p[1]);
	dec_printf(d, ", metric %u", dec_get_be16(p + 2));
	return 4 + (long)words * 4;
}

/* Prefixes while left lasts (count < 0) or count of them; 1 on trunc. */
static int prefixes(struct dec_ctx *d, const uint8_t *p, unsigned left, long count)
{
	while (count < 0 ? left != 0 : count-- > 0) {
		long n = prefix(d, p, left);
		if (n < 0)
			return 1;
		left -= (unsigned)n;
		p += n;
	}
	return 0;
}

static int router_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1;
	flags(d, "\n\t      Options ", options, dec_be32(d, b));
	flags(d, ", RLA-Flags ", rla_flags, dec_u8(d, b));
	for (const uint8_t *l = b + 4; left != 0; l += RLINK) {
		if (!take(&left, RLINK))
			return 1;
		dec_need_ret(d, l, RLINK);
		static const char *const kinds[] = { NULL, "Neighbor Router-ID", "Neighbor Network-ID", NULL,
						     "Virtual Link: Neighbor Router-ID" };
		const char *kind = l[0] < 5 ? kinds[l[0]] : NULL;
		if (!kind) {
			dec_printf(d, "\n\t      Unknown Router Links Type 0x%02x", l[0]);
			return 0;
		}
		dec_printf(d, "\n\t      %s ", kind);
		dec_ip4addr(d, l + 12);
		id4(d, "\n\t      Neighbor Interface-ID ", l + 8);
		id4(d, ", Interface ", l + 4);
		dec_printf(d, ", metric %u", dec_get_be16(l + 2));
	}
	return 0;
}

static int network_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1;
	flags(d, "\n\t      Options ", options, dec_be32(d, b));
	dec_printf(d, "\n\t      Connected Routers:");
	for (const uint8_t *a = b + 4; left != 0; a += 4) {
		if (!take(&left, 4))
			return 1;
		id4(d, "\n\t\t", a);
	}
	return 0;
}

static int external_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1;
	uint32_t f = dec_be32(d, b);
	flags(d, "\n\t     Flags ", asla_flags, f);
	dec_printf(d, " metric %u", f & 0xffffff);
	const uint8_t *p = b + 4;
	long n = prefix(d, p, left);
	if (n < 0)
		return 1;
	left -= (unsigned)n;
	const uint8_t *t = p + n;
	if (f & ASLA_FWD) {
		if (!take(&left, 16))
			return 1;
		dec_need(d, t, 16);
		dec_printf(d, " forward ");
		dec_ip6addr(d, t);
		t += 16;
	}
	static const char *const tails[] = { " tag ", " RefLSID: " };
	for (int i = 0; i < 2; i++) {
		if (i == 0 ? !(f & ASLA_TAG) : !dec_u8(d, p + 2))
			continue;
		if (!take(&left, 4))
			return 1;
		id4(d, tails[i], t);
		t += 4;
	}
	return 0;
}

static int link_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1;
	dec_need_ret(d, b, 4);
	flags(d, "\n\t      Options ", options, dec_be32(d, b));
	if (!take(&left, 20))
		return 1;
	uint32_t n = dec_be32(d, b + 20);
	dec_printf(d, "\n\t      Priority %u, Link-local address ", dec_u8(d, b));
	dec_ip6addr(d, b + 4);
	dec_printf(d, ", Prefixes %u:", n);
	return prefixes(d, b + 24, left, n);
}

static int intra_prefix_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1; /* tcpdump counts the router ID only, then the count below */
	dec_need_ret(d, b + 8, 4);
	ls_type(d, dec_be16(d, b + 2), b + 4);
	if (!take(&left, 2))
		return 1;
	unsigned n = dec_be16(d, b);
	dec_printf(d, "\n\t      Prefixes %u:", n);
	return prefixes(d, b + 12, left, n);
}

static int inter_prefix_lsa(struct dec_ctx *d, const uint8_t *b, unsigned left)
{
	if (!take(&left, 4))
		return 1;
	dec_printf(d, ", metric %u", dec_be32(d, b) & 0xffffff);
	return prefixes(d, b + 4, left, -1);
}

/* The LSA bodies tcpdump decodes, by the LS type with its scope bits. */
static const struct lsa_printer {
	unsigned type;
	int (*print)(struct dec_ctx *d, const uint8_t *b, unsigned left);
} lsa_printers[] = {
	{ 0x2001, router_lsa }, { 0x2002, network_lsa }, { 0x2003, inter_prefix_lsa },
	{ 0x4005, external_lsa }, { 0x0008, link_lsa }, { 0x2009, intra_prefix_lsa },
};
#define N_LSA_PRINTERS (sizeof lsa_printers / sizeof lsa_printers[0])

/* One LSA of an LS-Update; 1 when the walk must stop. */
static int lsa(struct dec_ctx *d, const uint8_t *h, const uint8_t *dataend)
{
	if (lshdr(d, h, dataend))
		return 1;
	unsigned length = dec_be16(d, h + 18);
	if (length < LSHDR || h + length > dataend)
		return 1;
	unsigned left = length - LSHDR;
	const uint8_t *b = h + LSHDR;
	unsigned type = dec_be16(d, h + 2);
	for (const struct lsa_printer *l = lsa_printers; l < lsa_printers + N_LSA_PRINTERS; l++)
		if (l->type == type)
			return l->print(d, b, left);
	if (type == 0x000a || type == 0x000b) /* TE and Grace: OSPFv2's TLV walks (ospf_te.c) */
		return (type == 0x000a ? dec_ospf_te : dec_ospf_grace)(d, b, left) < 0;
	dec_hexlines(d, "\n\t      ", b, left);
	return 0;
}

/* The type's body; 1 when tcpdump's printer says truncated. */
static int body(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	const uint8_t *b = p + HDR;
	int vv = d->o.vflag > 1;
	switch (p[1]) {
	case T_HELLO:
		flags(d, "\n\tOptions ", options, dec_be32(d, b + 4));
		dec_need(d, b, 12);
		dec_printf(d, "\n\t  Hello Timer %us, Dead Timer %us, Interface-ID ", dec_be16(d, b + 8),
			   dec_be16(d, b + 10));
		dec_ip4addr(d, b);
		dec_printf(d, ", Priority %u", dec_u8(d, b + 4));
		if (dec_be32(d, b + 12)) {
			id4(d, "\n\t  Designated Router ", b + 12);
		}
		if (dec_be32(d, b + 16)) {
			id4(d, ", Backup Designated Router ", b + 16);
		}
		if (vv) {
			dec_printf(d, "\n\t  Neighbor List:");
			for (const uint8_t *a = b + 20; a < dataend; a += 4) {
				id4(d, "\n\t    ", a);
			}
		}
		return 0;
	case T_DD:
		flags(d, "\n\tOptions ", options, dec_be32(d, b));
		flags(d, ", DD Flags ", dd_flags, dec_u8(d, b + 7));
		dec_need(d, b + 4, 8);
		dec_printf(d, ", MTU %u, DD-Sequence 0x%08x", dec_be16(d, b + 4), dec_be32(d, b + 8));
		for (const uint8_t *h = b + 12; vv && h < dataend; h += LSHDR)
			if (lshdr(d, h, dataend))
				return 1;
		return 0;
	case T_LSR:
		for (const uint8_t *r = b; vv && r < dataend; r += LSR) {
			dec_need_ret(d, r, LSR);
			id4(d, "\n\t  Advertising Router ", r + 8);
			ls_type(d, dec_get_be16(r + 2), r + 4);
		}
		return 0;
	case T_LSU:
		if (vv) {
			uint32_t n = dec_be32(d, b);
			for (const uint8_t *h = b + 4; h < dataend && n--; h += dec_be16(d, h + 18)) {
				int r = lsa(d, h, dataend);
				if (r)
					return r;
			}
		}
		return 0;
	case T_LSACK:
		for (const uint8_t *h = b; vv && h < dataend; h += LSHDR)
			if (lshdr(d, h, dataend))
				return 1;
		return 0;
	}
	return 0;
}

/* LLS data: its length, or -1 when it does not fit. */
static long lls(struct dec_ctx *d, const uint8_t *c, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < 4)
		return -1;
	dec_printf(d, "\n\tLLS Checksum 0x%04x", dec_be16(d, c));
	unsigned n = dec_be16(d, c + 2);
	dec_printf(d, ", Data Length %u", n);
	if (n < 4 || n > len)
		return -1;
	dec_need_ret(d, c + 4, n - 4);
	return n;
}

/* The authentication trailer; 1 when it does not fit. */
static int auth_trailer(struct dec_ctx *d, const uint8_t *c, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < AT_HDR)
		return 1;
	unsigned type = dec_be16(d, c);
	dec_printf(d, "\n\tAuthentication Type ");
	dec_tokf(d, auth_types, type, "unknown (0x%04x)");
	unsigned n = dec_be16(d, c + 2);
	dec_printf(d, ", Length %u", n);
	if (n < AT_HDR || n > len)
		return 1;
	dec_printf(d, ", SAID %u", dec_be16(d, c + 6));
	dec_printf(d, ", CSN 0x%08x", dec_be32(d, c + 8));
	dec_printf(d, ":%08x", dec_be32(d, c + 12));
	dec_need_ret(d, c + AT_HDR, n - AT_HDR);
	if (d->o.vflag > 1)
		dec_hexlines(d, "\n\tAuthentication Data ", c + AT_HDR, n - AT_HDR);
	return 0;
}

static int trailer(struct dec_ctx *d, const uint8_t *p, const uint8_t *c, unsigned len)
{
	long n = 0;
	if ((p[1] == T_HELLO && dec_be32(d, p + HDR + 4) & OPT_L) || (p[1] == T_DD && dec_be32(d, p + HDR) & OPT_L))
		n = lls(d, c, len);
	if (n < 0)
		return 1;
	return auth_trailer(d, c + n, len - (unsigned)n);
}

void dec_ospf6_body(struct dec_ctx *d, const uint8_t *p, unsigned length)
{
	unsigned datalen = dec_be16(d, p + 2);
	if (datalen > length) {
		dec_printf(d, " [len %u]", datalen);
		return;
	}
	const uint8_t *dataend = p + datalen;
	id4(d, "\n\tRouter-ID ", p + 4);
	if (dec_be32(d, p + 8)) {
		id4(d, ", Area ", p + 8);
	} else
		dec_printf(d, ", Backbone Area");
	if (dec_u8(d, p + 14))
		dec_printf(d, ", Instance %u", p[14]);
	if (p[0] != 3)
		return;
	int r = body(d, p, dataend);
	if (r == 0)
		r = trailer(d, p, dataend, length - datalen);
	if (r == 1)
		dec_trunc_ret(d);
}
