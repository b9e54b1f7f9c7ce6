/* mcast.c: what IGMPv3 (RFC 3376 4.1, 4.2) and MLDv2 (RFC 3810 5.1, 5.2)
 * share: a query's source list and a report's group records.  MLDv2 copies
 * IGMPv3's layout with 16-byte addresses, and tcpdump prints both alike;
 * only the address and the words for an unknown record differ (struct dec_mcast). */
#include "decode/dec.h"

/* Group record types (RFC 3376 4.2.12, the same in RFC 3810 5.2.12). */
static const struct dec_tok records[] = {
	{ 1, "is_in" }, { 2, "is_ex" }, { 3, "to_in" }, { 4, "to_ex" }, { 5, "allow" }, { 6, "block" }, { 0, NULL },
};

/* The nsrcs addresses at p: -vv lists them, -v counts them. */
static void sources(struct dec_ctx *d, const struct dec_mcast *m, const uint8_t *p, unsigned nsrcs)
{
	if (d->o.vflag == 1) {
		dec_printf(d, ", %u source(s)", nsrcs);
		return;
	}
	dec_printf(d, " {");
	for (unsigned i = 0; i < nsrcs; i++)
		m->addr(d, " ", p + m->alen * i);
	dec_printf(d, " }");
}

void dec_mcast_query_sources(struct dec_ctx *d, const struct dec_mcast *m, const uint8_t *p, size_t len,
			     size_t at)
{
	unsigned nsrcs = dec_be16(d, p + at);
	if (nsrcs == 0)
		return;
	if (len < at + 2 + nsrcs * m->alen)
		dec_printf(d, " [invalid number of sources]");
	else if (d->o.vflag > 1)
		sources(d, m, p + at + 2, nsrcs);
	else
		dec_printf(d, ", %u source(s)", nsrcs);
}

void dec_mcast_records(struct dec_ctx *d, const struct dec_mcast *m, const uint8_t *p, size_t len)
{
	unsigned ngroups = dec_be16(d, p + 6);
	dec_printf(d, ", %u group record(s)", ngroups);
	if (!d->o.vflag)
		return;
	size_t rhdr = 4 + m->alen; /* type, aux data length, nsrcs, group */
	size_t g = 8;
	for (unsigned i = 0; i < ngroups; i++) {
		if (len < g + rhdr) {
			dec_printf(d, " [invalid number of groups]");
			return;
		}
		m->addr(d, " [gaddr ", p + g + 4);
		unsigned type = dec_u8(d, p + g);
		dec_printf(d, " ");
		dec_tokf(d, records, type, m->unknown);
		unsigned nsrcs = dec_be16(d, p + g + 2);
		if (len < g + rhdr + nsrcs * m->alen) {
			dec_printf(d, " [invalid number of sources %u]", nsrcs);
			return;
		}
		sources(d, m, p + g + rhdr, nsrcs);
		g += rhdr + nsrcs * m->alen;
		dec_printf(d, "]");
	}
}
