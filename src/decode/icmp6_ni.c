/* icmp6_ni.c: ICMPv6 node information queries and replies (RFC 4620,
 * types 139 and 140) as tcpdump 4.99 prints them after "ICMP6, TYPE":
 *
 *   node information query (node addresses [A], subject=fe80::1)
 *   node information reply (success, DNS name, "host.example.") -v
 *
 * tcpdump measures the message by the captured bytes (its "siz"), not by
 * the ICMPv6 length: a query of exactly 12 captured bytes is KAME's
 * who-are-you, a reply captured short of its length is truncated.  A
 * fixed part not captured ends with " [|icmp6]" and the printer returns
 * (the line still gets its ", length N"). */
#include "decode/dec.h"

#define NI_HDR 16 /* type, code, checksum, qtype, flags, nonce */
#define NI_QUERY 139

enum { QT_NOOP, QT_SUPTYPES, QT_FQDN, QT_NODEADDR };
enum { SUBJ_IPV6, SUBJ_FQDN, SUBJ_IPV4 };

/* The node-address flags, in tcpdump's order; T only in replies. */
static const struct dec_tok addr_flags[] = {
	{ 0x0040, "a" }, { 0x0020, "G" }, { 0x0010, "S" }, { 0x0008, "L" }, { 0x0004, "C" }, { 0x0002, "A" },
	{ 0x0001, "T" }, { 0, NULL },
};

static void addr_flag_set(struct dec_ctx *d, unsigned f, int reply)
{
	if (!f)
		return;
	dec_printf(d, " [");
	for (const struct dec_tok *t = addr_flags; t->s; t++)
		if ((reply || t->v != 1) && (f & t->v))
			dec_printf(d, "%s", t->s);
	dec_printf(d, "]");
}

/* A name as labels without compression, in quotes (tcpdump's
 * dnsname_print), or the old draft's Pascal string. */
static void name(struct dec_ctx *d, const uint8_t *cp)
{
	const uint8_t *ep = d->end;
	if (dec_u8(d, cp) == ep - cp - 1) { /* icmp-name-lookup-03 */
		if (d->o.vflag)
			dec_printf(d, ", 03 draft");
		dec_printf(d, ", \"");
		for (cp++; cp < ep; cp++)
			dec_putc_safe(d, *cp);
		dec_printf(d, "\"");
		return;
	}
	dec_printf(d, ", \"");
	while (cp < ep) {
		long i = *cp++;
		if (!i) {
			if (cp == ep)
				dec_printf(d, ".");
			else if (!(cp + 1 == ep && *cp == 0))
				dec_printf(d, "???");
			break;
		}
		if (i > ep - cp) {
			dec_printf(d, "???");
			break;
		}
		for (; i-- && cp < ep; cp++)
			dec_putc_safe(d, *cp);
		if (cp + 1 < ep && *cp)
			dec_printf(d, ".");
	}
	dec_printf(d, "\"");
}

/* tcpdump's "goto trunc": the marker, then back to icmp6's line. */
static int short_of(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (dec_has(d, p, n))
		return 0;
	dec_printf(d, " [|icmp6]");
	return 1;
}

static void query(struct dec_ctx *d, const uint8_t *p, size_t siz)
{
	if (siz == 12) { /* KAME's who-are-you */
		dec_printf(d, " who-are-you request");
		return;
	}
	dec_printf(d, " node information query");
	if (short_of(d, p, NI_HDR))
		return;
	dec_printf(d, " (");
	unsigned qtype = dec_get_be16(p + 4), flags = dec_get_be16(p + 6);
	static const char *const qtypes[] = { "noop", "supported qtypes", "DNS name", "node addresses" };
	dec_printf(d, "%s", qtype < 4 ? qtypes[qtype] : "unknown");
	if (qtype == QT_SUPTYPES && flags)
		dec_printf(d, " [%s]", flags & 1 ? "C" : "");
	if (qtype == QT_NODEADDR)
		addr_flag_set(d, flags, 0);
	if (qtype == QT_NOOP || qtype == QT_SUPTYPES) {
		if (siz != NI_HDR && d->o.vflag)
			dec_printf(d, ", invalid len");
		dec_printf(d, ")");
		return;
	}
	if (siz == NI_HDR) {
		dec_printf(d, ", 03 draft)");
		return;
	}
	const uint8_t *cp = p + NI_HDR;
	switch (p[1]) {
	case SUBJ_IPV6: case SUBJ_IPV4: {
		size_t alen = p[1] == SUBJ_IPV6 ? 16 : 4;
		if (!dec_has(d, p, NI_HDR + alen))
			break;
		if (siz != NI_HDR + alen) {
			if (d->o.vflag)
				dec_printf(d, ", invalid subject len");
			break;
		}
		dec_printf(d, ", subject=");
		alen == 16 ? dec_ip6addr(d, cp) : dec_ip4addr(d, cp);
		break;
	}
	case SUBJ_FQDN:
		dec_printf(d, ", subject=DNS name");
		name(d, cp);
		break;
	default:
		dec_printf(d, ", unknown subject");
	}
	dec_printf(d, ")");
}

static void reply(struct dec_ctx *d, const uint8_t *p, size_t len, size_t siz)
{
	if (len > siz || short_of(d, p, NI_HDR)) {
		if (len > siz)
			dec_printf(d, " [|icmp6]");
		return;
	}
	dec_printf(d, " node information reply (");
	unsigned code = p[1], qtype = dec_get_be16(p + 4), flags = dec_get_be16(p + 6);
	const char *sep = "";
	if (code == 0 && d->o.vflag) {
		dec_printf(d, "success");
		sep = ", ";
	} else if (code == 1 || code == 2) {
		dec_printf(d, "%s", code == 1 ? "refused" : "unknown");
		sep = ", ";
		if (siz != NI_HDR && d->o.vflag)
			dec_printf(d, ", invalid length");
	}
	if (code != 0) {
		dec_printf(d, ")");
		return;
	}
	static const char *const qtypes[] = { "noop", "supported qtypes", "DNS name", "node addresses" };
	dec_printf(d, "%s%s", sep, qtype < 4 ? qtypes[qtype] : "unknown");
	switch (qtype) {
	case QT_NOOP:
		if (siz != NI_HDR && d->o.vflag)
			dec_printf(d, ", invalid length");
		break;
	case QT_SUPTYPES:
		if (flags)
			dec_printf(d, " [%s]", flags & 1 ? "C" : "");
		break;
	case QT_FQDN:
		name(d, p + NI_HDR + 4);
		if (flags & 1)
			dec_printf(d, " [TTL=%u]", dec_be32(d, p + NI_HDR));
		break;
	case QT_NODEADDR:
		for (size_t i = NI_HDR; i + 20 <= siz; i += 20) {
			dec_printf(d, " ");
			dec_ip6addr(d, p + i + 4);
			dec_printf(d, "(%u)", dec_get_be32(p + i));
		}
		addr_flag_set(d, flags, 1);
		break;
	}
	dec_printf(d, ")");
}

void dec_icmp6_ni(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (p > d->end)
		return;
	size_t siz = (size_t)(d->end - p);
	if (dec_u8(d, p) == NI_QUERY)
		query(d, p, siz);
	else
		reply(d, p, len, siz);
}
