/* gre.c: GRE (RFC 1701, RFC 2784, RFC 2890) and the enhanced GRE of PPTP
 * (RFC 2637, version 1), as tcpdump 4.99 prints them:
 *
 *   GREv0[, Flags [...]][, sum 0x..][, off 0x..][, key=0x..][, seq N]
 *        [, (rtaf=ip ...)][, proto NAME (0x....)], length L: PAYLOAD
 *   GREv1[, Flags [...]][, call N][, seq N][, ack N][, no-payload][, proto ...], length L
 *
 * The flags with -v, the checksum with -v, the protocol with -e; -v puts
 * the payload on its own line after a tab.  Version 0 carries IPv4, IPv6
 * and Ethernet (transparent bridging) through their printers, version 1
 * PPP (not ours); anything else is "gre-proto-0x..".  Every check is
 * tcpdump's return-style one (" [|gre]", the -x dump skips the link). */
#include "decode/dec.h"

#define GRE_CP 0x8000   /* checksum present */
#define GRE_RP 0x4000   /* routing present */
#define GRE_KP 0x2000   /* key present */
#define GRE_SP 0x1000   /* sequence number present */
#define GRE_SSR 0x0800  /* strict source route */
#define GRE_AP 0x0080   /* acknowledgment number present (v1) */
#define GRE_VERS 0x0007
#define GRE_SRE_IP 0x0800
#define GRE_SRE_ASN 0xfffe
#define GRE_ETH_TEB 0x6558 /* transparent Ethernet bridging */
#define GRE_ETH_OSI 0x00fe
#define GRE_ETH_IPX 0x8137
#define GRE_ETH_ATALK 0x809b
#define GRE_ETH_PPP 0x880b

static const struct dec_tok gre_flags[] = {
	{ GRE_CP, "checksum present" }, { GRE_RP, "routing present" }, { GRE_KP, "key present" },
	{ GRE_SP, "sequence# present" }, { GRE_SSR, "source routing present" }, { GRE_AP, "ack present" },
	{ 0, NULL },
};

/* The reading position: bytes left on the wire and the bound check. */
struct gre {
	struct dec_ctx *d;
	const uint8_t *p;
	size_t len;
};

static void take(struct gre *g, size_t n)
{
	if (!dec_has(g->d, g->p, n) || g->len < n)
		dec_trunc_ret(g->d);
}

static unsigned get16(struct gre *g)
{
	take(g, 2);
	unsigned v = dec_get_be16(g->p);
	g->p += 2, g->len -= 2;
	return v;
}

static uint32_t get32(struct gre *g)
{
	take(g, 4);
	uint32_t v = dec_get_be32(g->p);
	g->p += 4, g->len -= 4;
	return v;
}

static void print_flags(struct gre *g, unsigned flags)
{
	if (!g->d->o.vflag)
		return;
	dec_printf(g->d, ", Flags [");
	const char *sep = "";
	for (const struct dec_tok *t = gre_flags; t->s; t++)
		if (flags & t->v) {
			dec_printf(g->d, "%s%s", sep, t->s);
			sep = ", ";
		}
	dec_printf(g->d, "%s]", *sep ? "" : "none");
}

static void print_proto(struct gre *g, unsigned prot, size_t length)
{
	if (g->d->o.eflag) {
		const char *s = proto_name(&proto_ethertypes, prot, PROTO_TCPDUMP);
		dec_printf(g->d, ", proto %s (0x%04x)", s ? s : "unknown", prot);
	}
	dec_printf(g->d, ", length %zu", length);
}

/* A source route entry (RFC 1701 2.2.1): IPv4 addresses or 16-bit AS
 * numbers, "*" at the offset; 0 when cut short. */
static int print_sre(struct gre *g, unsigned af, unsigned off, unsigned len)
{
	struct dec_ctx *d = g->d;
	unsigned unit = af == GRE_SRE_IP ? 4 : 2;
	if (af != GRE_SRE_IP && af != GRE_SRE_ASN) {
		dec_printf(d, ", (rtaf=0x%x)", af);
		return 1;
	}
	dec_printf(d, ", (rtaf=%s", af == GRE_SRE_IP ? "ip" : "asn");
	if (off & (unit - 1))
		dec_printf(d, ", badoffset=%u", off);
	else if (len & (unit - 1))
		dec_printf(d, ", badlength=%u", len);
	else if (off >= len)
		dec_printf(d, ", badoff/len=%u/%u", off, len);
	else
		for (unsigned i = 0; i < len; i += unit) {
			if (!dec_has(d, g->p + i, unit) || g->len < i + unit) {
				dec_printf(d, ")");
				return 0;
			}
			dec_printf(d, " %s", i == off ? "*" : "");
			if (unit == 4)
				dec_printf(d, "%u.%u.%u.%u", g->p[i], g->p[i + 1], g->p[i + 2], g->p[i + 3]);
			else
				dec_printf(d, "%x", dec_get_be16(g->p + i));
		}
	dec_printf(d, ")");
	return 1;
}

/* Transparent Ethernet bridging keeps the outer link header's length,
 * for -x. */
static void teb(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int hdrlen = d->hdrlen;
	dec_ether(d, p, len);
	d->hdrlen = hdrlen;
}

/* The protocols GRE carries that we print; NULL: tcpdump goes on, we end
 * as it would not. */
static const struct {
	unsigned prot;
	void (*fn)(struct dec_ctx *d, const uint8_t *p, size_t len);
} gre_rows[] = {
	{ PROTO_ETH_IPV4, dec_ip }, { PROTO_ETH_IPV6, dec_ip6 }, { GRE_ETH_TEB, teb },
	{ GRE_ETH_OSI, dec_osi }, { PROTO_ETH_MPLS, dec_mpls }, { GRE_ETH_IPX, dec_ipx },
	{ GRE_ETH_ATALK, NULL },
};

static void payload(struct gre *g, unsigned prot)
{
	struct dec_ctx *d = g->d;
	dec_printf(d, d->o.vflag ? "\n\t" : ": ");
	for (size_t i = 0; i < sizeof gre_rows / sizeof gre_rows[0]; i++)
		if (gre_rows[i].prot == prot) {
			if (gre_rows[i].fn) {
				gre_rows[i].fn(d, g->p, g->len);
				return;
			}
			dec_handoff(d, "gre-proto");
			break;
		}
	dec_printf(d, "gre-proto-0x%x", prot);
}

static void gre_v0(struct gre *g, unsigned flags, size_t length)
{
	struct dec_ctx *d = g->d;
	print_flags(g, flags);
	unsigned prot = get16(g);
	if (flags & (GRE_CP | GRE_RP)) {
		unsigned sum = get16(g);
		if (d->o.vflag)
			dec_printf(d, ", sum 0x%x", sum);
		dec_printf(d, ", off 0x%x", get16(g));
	}
	if (flags & GRE_KP)
		dec_printf(d, ", key=0x%x", get32(g));
	if (flags & GRE_SP)
		dec_printf(d, ", seq %u", get32(g));
	if (flags & GRE_RP)
		for (;;) {
			unsigned af = get16(g);
			take(g, 2);
			unsigned off = g->p[0], len = g->p[1];
			g->p += 2, g->len -= 2;
			if (af == 0 && len == 0)
				break;
			if (!print_sre(g, af, off, len) || g->len < len)
				dec_trunc_ret(d);
			g->p += len, g->len -= len;
		}
	print_proto(g, prot, length);
	payload(g, prot);
}

static void gre_v1(struct gre *g, unsigned flags, size_t length)
{
	struct dec_ctx *d = g->d;
	print_flags(g, flags);
	unsigned prot = get16(g);
	if (flags & GRE_KP)
		dec_printf(d, ", call %u", get32(g) & 0xffff);
	if (flags & GRE_SP)
		dec_printf(d, ", seq %u", get32(g));
	if (flags & GRE_AP)
		dec_printf(d, ", ack %u", get32(g));
	if (!(flags & GRE_SP))
		dec_printf(d, ", no-payload");
	print_proto(g, prot, length);
	if (!(flags & GRE_SP))
		return;
	dec_printf(d, d->o.vflag ? "\n\t" : ": ");
	if (prot == GRE_ETH_PPP) { /* PPTP's: tcpdump's ppp_print */
		dec_ppp_frame(d, g->p, g->len);
		return;
	}
	dec_printf(d, "gre-proto-0x%x", prot);
}

void dec_gre(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = "gre";
	struct gre g = { d, p, len };
	unsigned flags = get16(&g);
	unsigned vers = flags & GRE_VERS;
	dec_printf(d, "GREv%u", vers);
	if (vers == 0)
		gre_v0(&g, flags, len);
	else if (vers == 1)
		gre_v1(&g, flags, len);
	else
		dec_printf(d, " ERROR: unknown-version");
}
