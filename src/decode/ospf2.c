/* ospf2.c: the OSPFv2 body (RFC 2328) past the first line, as tcpdump
 * 4.99 prints it with -v: the router and area IDs and the authentication,
 * then per packet type the Hello fields and neighbors, the Database
 * Description fields and LSA headers, the LS-Request entries, every LSA
 * of an LS-Update (router, network, summary, external and NSSA, group,
 * and the opaque ones of ospf_te.c; with -vv each in hex too), the LS-Ack
 * headers, and the LLS block (RFC 5613) past the OSPF length.
 *
 * tcpdump bounds the Hello, DD and LS-Request walks by the OSPF length
 * and the LSA bodies by their own lengths; the LS-Update walk and a
 * router LSA's links only by their counts and the capture, the LS-Ack
 * walk by a bogus LSA length or the capture.  A read
 * outside the capture ends the line with " [|ospf2]". */
#include "decode/dec.h"

#define HDR 24   /* the OSPFv2 header */
#define LSHDR 20 /* an LSA header */
#define LSR 12   /* one LS-Request entry */
#define RLINK 12 /* one router-LSA link and its TOS 0 metric */

#define AUTH_NONE 0
#define AUTH_SIMPLE 1
#define AUTH_MD5 2
#define OPT_L 0x10
#define LLS_EO 1
#define LLS_MD5 2

enum { T_HELLO = 1, T_DD, T_LSR, T_LSU, T_LSACK };
enum {
	LS_ROUTER = 1, LS_NETWORK, LS_SUM_IP, LS_SUM_ABR, LS_ASE, LS_GROUP, LS_NSSA, LS_OPAQUE_LL = 9,
	LS_OPAQUE_AL, LS_OPAQUE_DW,
};
enum { OPAQUE_TE = 1, OPAQUE_GRACE = 3, OPAQUE_RI = 4 };

static const struct dec_tok options[] = {
	{ 0x01, "MultiTopology" }, { 0x02, "External" }, { 0x04, "Multicast" }, { 0x08, "NSSA" },
	{ OPT_L, "LLS" }, { 0x20, "Demand Circuit" }, { 0x40, "Opaque" }, { 0x80, "Up/Down" }, { 0, NULL },
};
static const struct dec_tok auth_types[] = {
	{ AUTH_NONE, "none" }, { AUTH_SIMPLE, "simple" }, { AUTH_MD5, "MD5" }, { 0, NULL },
};
static const struct dec_tok rla_flags[] = {
	{ 0x01, "ABR" }, { 0x02, "ASBR" }, { 0x04, "Virtual" }, { 0x08, "Wildcard" }, { 0x10, "Nt" },
	{ 0x80, "Host" }, { 0, NULL },
};
static const char *const lsa_names[] = {
	NULL, "Router", "Network", "Summary", "ASBR Summary", "External", "Multicast Group", "NSSA", NULL,
	"Link Local Opaque", "Area Local Opaque", "Domain Wide Opaque",
};
static const struct dec_tok dd_flags[] = {
	{ 4, "Init" }, { 2, "More" }, { 1, "Master" }, { 8, "OOBResync" }, { 0, NULL },
};
static const struct dec_tok opaque_names[] = {
	{ OPAQUE_TE, "Traffic Engineering" }, { OPAQUE_GRACE, "Graceful restart" },
	{ OPAQUE_RI, "Router Information" }, { 0, NULL },
};
static const struct dec_tok topologies[] = {
	{ 0, "default" }, { 1, "multicast" }, { 2, "management" }, { 0, NULL },
};
static const struct dec_tok router_links[] = {
	{ 1, "Neighbor Router-ID: " }, { 2, "Neighbor Network-ID: " }, { 3, "Stub Network: " },
	{ 4, "Virtual Link: Neighbor Router-ID: " }, { 0, NULL },
};
static const struct dec_tok lls_tlvs[] = {
	{ LLS_EO, "Extended Options" }, { LLS_MD5, "MD5 Authentication" }, { 0, NULL },
};
static const struct dec_tok lls_eo[] = { { 0x01, "LSDB resync" }, { 0x02, "Restart" }, { 0, NULL } };

static const char *lsa_name(uint32_t type)
{
	const char *s = type < sizeof lsa_names / sizeof lsa_names[0] ? lsa_names[type] : NULL;
	return s ? s : "unknown";
}

static int opaque(uint32_t type)
{
	return type >= LS_OPAQUE_LL && type <= LS_OPAQUE_DW;
}

/* text then an IPv4 address; the address is fetched before anything is
 * printed. */
static void addr(struct dec_ctx *d, const char *text, const uint8_t *a)
{
	dec_need(d, a, 4);
	dec_printf(d, "%s", text);
	dec_ip4addr(d, a);
}

static void flags(struct dec_ctx *d, const char *label, const struct dec_tok *t, unsigned v)
{
	dec_printf(d, "%s[", label);
	dec_bits(d, t, v, "none");
	dec_printf(d, "]");
}

/* An LSA header: its length, or -1 when that is under the header's. */
static long lshdr(struct dec_ctx *d, const uint8_t *h)
{
	unsigned length = dec_be16(d, h + 18);
	if (length < LSHDR) {
		dec_printf(d, "\n\t    Bogus length %u < header (%d)", length, LSHDR);
		return -1;
	}
	dec_need(d, h, 16);
	addr(d, "\n\t  Advertising Router ", h + 8);
	dec_printf(d, ", seq 0x%08x, age %us, length %u", dec_get_be32(h + 12), dec_get_be16(h),
		   length - LSHDR);
	unsigned type = h[3];
	if (opaque(type))
		dec_printf(d, "\n\t    %s LSA (%u), Opaque-Type %s LSA (%u), Opaque-ID %u", lsa_name(type),
			   type, dec_tok(opaque_names, h[4], "unknown"), h[4],
			   dec_get_be32(h + 4) & 0xffffff);
	else {
		dec_printf(d, "\n\t    %s LSA (%u), LSA-ID: ", lsa_name(type), type);
		dec_ip4addr(d, h + 4);
	}
	flags(d, "\n\t    Options: ", options, h[2]);
	return length;
}

/* A router link's metrics: TOS 0's, then count more, each "topology". */
static void tos_metrics(struct dec_ctx *d, const uint8_t *t)
{
	unsigned count = dec_u8(d, t + 1) + 1;
	for (unsigned i = 0; i < count; i++, t += 4) {
		unsigned topo = i ? dec_u8(d, t) : 0;
		unsigned metric = dec_be16(d, t + 2);
		dec_printf(d, "\n\t\ttopology %s (%u), metric %u", dec_tok(topologies, topo, "Unknown"), topo,
			   metric);
	}
}

/* The router LSA's links; 1 at an unknown link type (the LSA ends). */
static int router_lsa(struct dec_ctx *d, const uint8_t *b)
{
	flags(d, "\n\t    Router LSA Options: ", rla_flags, dec_u8(d, b));
	unsigned count = dec_be16(d, b + 2);
	const uint8_t *l = b + 4;
	if (!dec_has(d, l, RLINK))
		return -1;
	for (; count; count--) {
		if (!dec_has(d, l, RLINK))
			return -1;
		const char *name = dec_tok(router_links, l[8], NULL);
		if (!name) {
			dec_printf(d, "\n\t      Unknown Router Link Type (%u)", l[8]);
			return 1;
		}
		dec_printf(d, "\n\t      %s", name);
		dec_ip4addr(d, l);
		dec_printf(d, "%s", l[8] == 3 ? ", Mask: " : ", Interface Address: ");
		dec_ip4addr(d, l + 4);
		tos_metrics(d, l + 8);
		l += RLINK + l[9] * 4;
	}
	return 0;
}

/* "topology NAME (T)" of a summary or external metric word. */
static unsigned topology(struct dec_ctx *d, uint32_t w, const char *sep)
{
	unsigned topo = (w & 0x7f000000) >> 24;
	dec_printf(d, "\n\t\ttopology %s (%u)%s", dec_tok(topologies, topo, "Unknown"), topo, sep);
	return w & 0xffffff;
}

/* Summary (mask, when it has one, then metrics) and external LSAs
 * (metric, forwarding address and tag triples) up to end. */
static void metrics(struct dec_ctx *d, unsigned type, const uint8_t *b, const uint8_t *end)
{
	if (type != LS_SUM_ABR) {
		dec_need(d, b, 4);
		addr(d, "\n\t    Mask ", b);
	}
	dec_need(d, b + 4, 4);
	if (type == LS_SUM_IP || type == LS_SUM_ABR) {
		for (const uint8_t *q = b + 4; q < end; q += 4)
			dec_printf(d, " metric %u", topology(d, dec_be32(d, q), ""));
		return;
	}
	for (const uint8_t *q = b + 4; q < end; q += 12) {
		uint32_t w = dec_be32(d, q);
		unsigned metric = topology(d, w, ", type ");
		dec_printf(d, "%u, metric", w & 0x80000000u ? 2 : 1);
		if (metric == 0xffffff)
			dec_printf(d, " infinite");
		else
			dec_printf(d, " %u", metric);
		if (dec_be32(d, q + 4))
			addr(d, ", forward ", q + 4);
		if (dec_be32(d, q + 8))
			addr(d, ", tag ", q + 8);
	}
}

/* The multicast group LSA's vertices (RFC 1584). */
static void group(struct dec_ctx *d, const uint8_t *b, const uint8_t *end)
{
	for (const uint8_t *q = b; q < end; q += 8) {
		uint32_t type = dec_be32(d, q);
		if (type == 1)
			addr(d, "\n\t    Router Router-ID ", q + 4);
		else if (type == 2)
			addr(d, "\n\t    Network Designated Router ", q + 4);
		else
			dec_printf(d, "\n\t    unknown VertexType (%u)", type);
	}
}

/* An opaque LSA's TLVs; 1: the LSA ends here, -1: cut short. */
static int opaque_lsa(struct dec_ctx *d, unsigned otype, const uint8_t *b, unsigned n)
{
	switch (otype) {
	case OPAQUE_RI:
		return dec_ospf_ri(d, b, n);
	case OPAQUE_GRACE:
		return dec_ospf_grace(d, b, n) < 0;
	case OPAQUE_TE:
		return dec_ospf_te(d, b, n) < 0;
	default:
		return d->o.vflag <= 1 && !dec_unknown_data(d, b, "\n\t    ", n);
	}
}

/* One LSA: where the next starts, or NULL when it is cut short (or its
 * length is bogus). */
static const uint8_t *lsa(struct dec_ctx *d, const uint8_t *h)
{
	long length = lshdr(d, h);
	if (length < 0)
		return NULL;
	const uint8_t *end = h + length, *b = h + LSHDR;
	unsigned n = (unsigned)length - LSHDR, type = h[3];
	int r = 0;
	switch (type) {
	case LS_ROUTER:
		r = router_lsa(d, b);
		break;
	case LS_NETWORK:
		addr(d, "\n\t    Mask ", b);
		dec_printf(d, "\n\t    Connected Routers:");
		for (const uint8_t *q = b + 4; q < end; q += 4)
			addr(d, "\n\t      ", q);
		break;
	case LS_SUM_IP: case LS_SUM_ABR: case LS_ASE: case LS_NSSA:
		metrics(d, type, b, end);
		break;
	case LS_GROUP:
		group(d, b, end);
		break;
	case LS_OPAQUE_LL: case LS_OPAQUE_AL: case LS_OPAQUE_DW:
		r = opaque_lsa(d, h[4], b, n);
		break;
	}
	if (r < 0)
		return NULL;
	if (r == 0 && d->o.vflag > 1)
		dec_unknown_data(d, b, "\n\t    ", n);
	return end;
}

/* The LLS block (RFC 5613) past the OSPF length (and an MD5 digest) of a
 * Hello or DD with the L option. */
static void lls(struct dec_ctx *d, const uint8_t *p, uint32_t length)
{
	unsigned type = dec_u8(d, p + 1);
	if (type == T_HELLO ? !(dec_u8(d, p + 30) & OPT_L) : type != T_DD || !(dec_u8(d, p + 26) & OPT_L))
		return;
	uint32_t at = dec_be16(d, p + 2);
	if (dec_be16(d, p + 14) == AUTH_MD5)
		at += dec_u8(d, p + 19);
	if (at >= length) {
		dec_printf(d, "\n\t[LLS truncated]");
		return;
	}
	const uint8_t *q = p + at, *end = p + length;
	dec_printf(d, "\n\t  LLS: checksum: 0x%04x", dec_be16(d, q));
	dec_printf(d, ", length: %u", dec_be16(d, q + 2));
	for (q += 4; q < end;) {
		unsigned t = dec_be16(d, q);
		dec_printf(d, "\n\t    %s (%u)", dec_tok(lls_tlvs, t, "Unknown TLV"), t);
		unsigned n = dec_be16(d, q + 2);
		dec_printf(d, ", length: %u", n);
		q += 4;
		if (t == LLS_EO) {
			if (n != 4)
				dec_printf(d, " [should be 4]");
			n = 4;
			uint32_t f = dec_be32(d, q);
			dec_printf(d, "\n\t      Options: 0x%08x [", f);
			dec_bits(d, lls_eo, f, "?");
			dec_printf(d, "]");
		} else if (t == LLS_MD5) {
			if (n != 20)
				dec_printf(d, " [should be 20]");
			n = 20;
			dec_printf(d, "\n\t      Sequence number: 0x%08x", dec_be32(d, q));
		}
		q += n;
	}
}

static void hello(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	flags(d, "\n\tOptions ", options, dec_u8(d, p + 30));
	dec_need(d, p + 24, 12);
	dec_printf(d, "\n\t  Hello Timer %us, Dead Timer %us, Mask ", dec_get_be16(p + 28),
		   dec_get_be32(p + 32));
	dec_ip4addr(d, p + 24);
	dec_printf(d, ", Priority %u", p[31]);
	if (dec_be32(d, p + 36))
		addr(d, "\n\t  Designated Router ", p + 36);
	if (dec_be32(d, p + 40))
		addr(d, ", Backup Designated Router ", p + 40);
	const uint8_t *q = p + 44;
	if (q < dataend)
		dec_printf(d, "\n\t  Neighbor List:");
	for (; q < dataend; q += 4)
		addr(d, "\n\t    ", q);
}

static void dd(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	flags(d, "\n\tOptions ", options, dec_u8(d, p + 26));
	flags(d, ", DD Flags ", dd_flags, dec_u8(d, p + 27));
	if (dec_be16(d, p + 24))
		dec_printf(d, ", MTU: %u", dec_get_be16(p + 24));
	dec_printf(d, ", Sequence: 0x%08x", dec_be32(d, p + 28));
	for (const uint8_t *h = p + 32; h < dataend && lshdr(d, h) >= 0; h += LSHDR)
		;
}

static void ls_request(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	for (const uint8_t *r = p + HDR; r < dataend; r += LSR) {
		dec_need(d, r, LSR);
		uint32_t type = dec_get_be32(r);
		addr(d, "\n\t  Advertising Router: ", r + 8);
		dec_printf(d, ", %s LSA (%u)", lsa_name(type), type);
		if (opaque(type))
			dec_printf(d, ", Opaque-Type: %s LSA (%u), Opaque-ID: %u",
				   dec_tok(opaque_names, r[4], "unknown"), r[4],
				   dec_get_be32(r + 4) & 0xffffff);
		else
			addr(d, ", LSA-ID: ", r + 4);
	}
}

static void ls_update(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	(void)dataend; /* the count and the capture bound the walk */
	uint32_t count = dec_be32(d, p + HDR);
	dec_printf(d, ", %u LSA%s", count, count == 1 ? "" : "s");
	const uint8_t *h = p + HDR + 4;
	for (uint32_t i = 1; i <= count && i != 0; i++) {
		dec_printf(d, "\n\t  LSA #%u", i);
		h = lsa(d, h);
		if (!h)
			dec_trunc(d);
	}
}

/* not bounded by the OSPF length: a bogus LSA length or the capture ends it */
static void ls_ack(struct dec_ctx *d, const uint8_t *p, const uint8_t *dataend)
{
	(void)dataend;
	for (const uint8_t *h = p + HDR; lshdr(d, h) >= 0; h += LSHDR)
		;
}

void dec_ospf2_body(struct dec_ctx *d, const uint8_t *p, uint32_t length)
{
	unsigned olen = dec_be16(d, p + 2);
	if (length != olen)
		dec_printf(d, " [len %u]", olen);
	const uint8_t *dataend = p + (length > olen ? olen : length);
	addr(d, "\n\tRouter-ID ", p + 4);
	if (dec_be32(d, p + 8))
		addr(d, ", Area ", p + 8);
	else
		dec_printf(d, ", Backbone Area");
	dec_need(d, p + 16, 8);
	unsigned auth = dec_get_be16(p + 14);
	dec_printf(d, ", Authentication Type: %s (%u)", dec_tok(auth_types, auth, "unknown"), auth);
	if (auth == AUTH_SIMPLE) {
		dec_printf(d, "\n\tSimple text password: ");
		dec_text(d, p + 16, 8, DEC_TEXT_NUL);
	} else if (auth == AUTH_MD5)
		dec_printf(d, "\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x", p[18], p[19],
			   dec_get_be32(p + 20));
	else if (auth != AUTH_NONE)
		return;
	unsigned version = p[0];
	if (version != 2) {
		dec_printf(d, " ospf [version %u]", version);
		return;
	}
	static void (*const bodies[])(struct dec_ctx *, const uint8_t *, const uint8_t *) = {
		[T_HELLO] = hello, [T_DD] = dd, [T_LSR] = ls_request, [T_LSU] = ls_update, [T_LSACK] = ls_ack,
	};
	bodies[p[1]](d, p, dataend); /* line() let through the five types only */
	if (length > olen)
		lls(d, p, length);
}
