/* pgm.c: PGM (RFC 3208, IP protocol 113) as tcpdump 4.99 prints it:
 *
 *   10.0.0.45.13320 > 239.255.0.16.5563: PGM, length 0
 *
 * (after the IP addresses ip.c printed); with -v the global source id,
 * the message's fields, the options and the PGM length in brackets:
 *
 *   ... PGM, length 0 0x3329041eba74 SPM seq 92190 trail 21618 lead 54950 nla 10.0.0.45 [36]
 */
#include <arpa/inet.h>

#include "decode/dec.h"

#define PGM_HDR 16 /* ports, type, options, checksum, GSI, TSDU length */
#define PGM_OPT_PRESENT 0x01
#define PGM_OPT_END 0x80
#define AFNUM_IP 1
#define AFNUM_IP6 2

/* A network-layer address after its AFI (and a reserved word): the
 * address in numbers, p moved past it; 0 for an AFI tcpdump rejects. */
static int nla(struct dec_ctx *d, const uint8_t **p, unsigned afi, char *buf, size_t n)
{
	const uint8_t *a = *p;
	if (afi == AFNUM_IP) {
		dec_need_ret(d, a, 4);
		snprintf(buf, n, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		*p += 4;
		return 1;
	}
	if (afi != AFNUM_IP6)
		return 0;
	dec_need_ret(d, a, 16);
	inet_ntop(AF_INET6, a, buf, (socklen_t)n);
	*p += 16;
	return 1;
}

/* Options of a fixed length that print up to three 32-bit words after
 * two reserved bytes (fmt); len 0: any length. */
struct pgm_opt {
	unsigned type, len;
	const char *name, *fmt;
};
static const struct pgm_opt pgm_opts[] = {
	{ 0x01, 16, "OPT_FRAGMENT", " FRAG seq %u off %u len %u" }, { 0x03, 8, "OPT_JOIN", " JOIN %u" },
	{ 0x04, 12, "OPT_NAK_BO_IVL", " BACKOFF ivl %u ivlseq %u" },
	{ 0x05, 12, "OPT_NAK_BO_RNG", " BACKOFF max %u min %u" },
	{ 0x08, 8, "OPT_PARITY_PRM", " PARITY MAXTGS %u" }, { 0x09, 8, "OPT_PARITY_GRP", " PARITY GROUP %u" },
	{ 0x0a, 8, "OPT_CURR_TGSIZE", " PARITY ATGS %u" }, { 0x0b, 4, "OPT_NBR_UNREACH", " NBR_UNREACH" },
	{ 0x0d, 4, "OPT_SYN", " SYN" }, { 0x0e, 4, "OPT_FIN", " FIN" }, { 0x0f, 4, "OPT_RST", " RST" },
	{ 0x11, 4, "OPT_CRQST", " CRQST" },
};

/* REDIRECT, PGMCC DATA and FEEDBACK: (a word,) an AFI, an address. */
static int opt_addr(struct dec_ctx *d, const uint8_t *p, unsigned type, unsigned olen, unsigned *used)
{
	static const char *const names[] = { "OPT_REDIRECT", "OPT_PGMCC_DATA", "PGM_OPT_PGMCC_FEEDBACK" };
	unsigned k = type == 0x07 ? 0 : type == 0x12 ? 1 : 2, fixed = k ? 12 : 8;
	char buf[64];
	if (olen < fixed) {
		dec_printf(d, "[Bad %s option, length %u < %u]", names[k], olen, fixed);
		return 0;
	}
	uint32_t w = k ? dec_be32(d, p + 4) : 0;
	const uint8_t *a = p + (k ? 8 : 4);
	unsigned afi = dec_be16(d, a), alen = afi == AFNUM_IP ? 4 : afi == AFNUM_IP6 ? 16 : 0;
	a += 4;
	if (alen && olen != fixed + alen) {
		dec_printf(d, "[Bad %s option, length %u != %u + address size]", k == 2 ? "OPT_PGMCC_FEEDBACK" : names[k],
			   olen, fixed);
		return 0;
	}
	if (!nla(d, &a, afi, buf, sizeof buf))
		dec_trunc_ret(d);
	if (k == 0)
		dec_printf(d, " REDIRECT %s", buf);
	else
		dec_printf(d, " PGMCC %s %u %s", k == 1 ? "DATA" : "FEEDBACK", w, buf);
	*used = fixed + alen;
	return 1;
}

/* One option (p: at its type); how much of the options' total it uses.
 * 0 where tcpdump stops; 2 where tcpdump steps the option's length past
 * its type and length bytes (the next one is read 2 bytes late). */
static int option(struct dec_ctx *d, const uint8_t *p, unsigned type, unsigned olen, unsigned *used)
{
	unsigned t = type & 0x7f;
	*used = olen;
	for (size_t i = 0; i < sizeof pgm_opts / sizeof pgm_opts[0]; i++) {
		const struct pgm_opt *o = &pgm_opts[i];
		if (o->type != t)
			continue;
		if (olen != o->len) {
			dec_printf(d, "[Bad %s option, length %u != %u]", o->name, olen, o->len);
			return 0;
		}
		uint32_t w[3] = { 0 };
		for (unsigned j = 0; j < (o->len - 4) / 4; j++)
			w[j] = dec_be32(d, p + 4 + 4 * j);
		dec_printf(d, o->fmt, w[0], w[1], w[2]);
		return 1;
	}
	switch (t) {
	case 0x00:
		if (olen != 4) {
			dec_printf(d, "[Bad OPT_LENGTH option, length %u != 4]", olen);
			return 0;
		}
		dec_printf(d, " OPTS LEN (extra?) %u", dec_be16(d, p + 2));
		return 1;
	case 0x02: /* tcpdump counts the entries, not the option's header */
		dec_printf(d, " NAK LIST");
		*used = 0;
		for (unsigned left = olen - 4, at = 4; left; left -= 4, at += 4, *used += 4) {
			if (left < 4) {
				dec_printf(d, "[Option length not a multiple of 4]");
				return 0;
			}
			dec_printf(d, " %u", dec_be32(d, p + at));
		}
		return 1;
	case 0x07: case 0x12: case 0x13:
		return opt_addr(d, p, t, olen, used);
	case 0x0c:
		dec_printf(d, " PATH_NLA [%u]", olen);
		return 2;
	case 0x10:
		dec_printf(d, " CR");
		return 2;
	}
	dec_printf(d, " OPT_%02X [%u] ", type, olen);
	return 2;
}

/* The options: an OPT_LENGTH giving their total, then each in turn. */
static int options(struct dec_ctx *d, const uint8_t *p)
{
	dec_need_ret(d, p, 4);
	unsigned type = p[0];
	if ((type & 0x7f) != 0) {
		dec_printf(d, "[First option bad, should be PGM_OPT_LENGTH, is %u]", type & 0x7f);
		return 0;
	}
	if (p[1] != 4) {
		dec_printf(d, "[Bad OPT_LENGTH option, length %u != 4]", p[1]);
		return 0;
	}
	unsigned total = dec_get_be16(p + 2);
	if (total < 4) {
		dec_printf(d, "[Bad total option length %u < 4]", total);
		return 0;
	}
	dec_printf(d, " OPTS LEN %u", total);
	total -= 4;
	p += 4;
	while (total) {
		if (total < 4) {
			dec_printf(d, "[Total option length leaves no room for final option]");
			return 0;
		}
		dec_need_ret(d, p, 2);
		unsigned t = p[0], olen = p[1], used;
		if (olen < 4) {
			dec_printf(d, "[Bad option, length %u < 4]", olen);
			break;
		}
		if (total < olen) {
			dec_printf(d, "[Total option length leaves no room for final option]");
			return 0;
		}
		dec_need_ret(d, p + 2, olen - 2);
		int r = option(d, p, t, olen, &used);
		if (!r)
			return 0;
		total -= used;
		p += olen + (r == 2 ? 2 : 0);
		if (t & PGM_OPT_END)
			break;
	}
	return 1;
}

/* -v: the message after the common header (p: the PGM header); where
 * the options start, or NULL where tcpdump stops.  SPMR and unknown
 * types leave tcpdump's pointer at the PGM header: the options are
 * looked for there. */
static const uint8_t *body(struct dec_ctx *d, unsigned type, const uint8_t *p)
{
	const uint8_t *m = p + PGM_HDR, *q = m;
	char a[64], b[64];
	switch (type) {
	case 0x00: /* SPM: seq, trail, lead, NLA */
		dec_need_ret(d, m, 16);
		q = m + 16;
		if (!nla(d, &q, dec_get_be16(m + 12), a, sizeof a))
			return NULL;
		dec_printf(d, "SPM seq %u trail %u lead %u nla %s", dec_get_be32(m), dec_get_be32(m + 4),
			   dec_get_be32(m + 8), a);
		return q;
	case 0x01: { /* POLL: seq, round, subtype, NLA, ivl, rnd, mask */
		dec_need_ret(d, m, 12);
		q = m + 12;
		if (!nla(d, &q, dec_get_be16(m + 8), a, sizeof a))
			return NULL;
		uint32_t ivl = dec_be32(d, q), rnd = dec_be32(d, q + 4), mask = dec_be32(d, q + 8);
		dec_printf(d, "POLL seq %u round %u nla %s ivl %u rnd 0x%08x mask 0x%08x", dec_get_be32(m),
			   dec_get_be16(m + 4), a, ivl, rnd, mask);
		return q + 12;
	}
	case 0x02: /* POLR: seq, round */
		dec_need_ret(d, m, 8);
		dec_printf(d, "POLR seq %u round %u", dec_get_be32(m), dec_get_be16(m + 4));
		return m + 8;
	case 0x04: case 0x05: /* ODATA, RDATA */
		dec_need_ret(d, m, 8);
		dec_printf(d, "%s trail %u seq %u", type == 4 ? "ODATA" : "RDATA", dec_get_be32(m + 4), dec_get_be32(m));
		return m + 8;
	case 0x08: case 0x09: case 0x0a: /* NAK, NNAK, NCF: seq, source, group */
		dec_need_ret(d, m, 8);
		q = m + 8;
		if (!nla(d, &q, dec_get_be16(m + 4), a, sizeof a))
			return NULL;
		/* tcpdump skips the group's AFI and takes the AFI from the
		 * address's first bytes */
		q += 4;
		if (!nla(d, &q, dec_be16(d, q), b, sizeof b))
			return NULL;
		dec_printf(d, "%s (%s -> %s), seq %u", type == 8 ? "NAK" : type == 9 ? "NNAK" : "NCF", a, b,
			   dec_get_be32(m));
		return q;
	case 0x0b: /* ACK */
		dec_need_ret(d, m, 8);
		dec_printf(d, "ACK seq %u", dec_get_be32(m));
		return m + 8;
	case 0x0c:
		dec_printf(d, "SPMR");
		return p;
	}
	dec_printf(d, "UNKNOWN type 0x%02x", type);
	return p;
}

/* "SRC.SPORT > DST.DPORT: " (the ports alone behind IPv6 extension
 * headers); without the ports captured "SRC > DST:" and the end. */
static void ends(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p)
{
	int ports = dec_has(d, p, 4);
	for (int i = 0; i < 2; i++) {
		if (!ports || !n->ports_only) {
			dec_netaddr(d, n, i ? n->dst : n->src);
			dec_printf(d, "%s", ports ? "." : "");
		}
		if (ports)
			dec_port(d, 0, dec_get_be16(p + 2 * i));
		dec_printf(d, "%s", i ? ":" : " > ");
	}
	if (!ports)
		dec_trunc_ret(d);
	dec_printf(d, " ");
}

void dec_pgm(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "pgm";
	ends(d, n, p);
	dec_need_ret(d, p, PGM_HDR);
	dec_printf(d, "PGM, length %u", dec_get_be16(p + 14));
	if (!d->o.vflag)
		return;
	unsigned type = p[4];
	dec_printf(d, " 0x%02x%02x%02x%02x%02x%02x ", p[8], p[9], p[10], p[11], p[12], p[13]);
	const uint8_t *q = body(d, type, p);
	if (!q) /* an address family tcpdump does not know */
		dec_trunc_ret(d);
	if ((p[5] & PGM_OPT_PRESENT) && !options(d, q))
		return;
	dec_printf(d, " [%zu]", len);
}
