/* dvmrp.c: DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3) inside IGMP type
 * 0x13, as tcpdump 4.99 prints it after "igmp dvmrp":
 *
 *   Probe genid N (-v; -vv: one neighbor a line)   Report (-vv: the routes)
 *   Neighbors2 (v 12.4): [10.0.0.2 -> 10.0.0.1 (1/0/querier)] ...
 *   Prune src S grp G timer 1m   Graft src S grp G   Graft-ACK src S grp G
 *
 * The message follows the 8-byte IGMP header; a length that does not
 * fit its structure ends the line with tcpdump's " (invalid)". */
#include "decode/dec.h"

#define DVMRP_HDR 8

static const struct dec_tok types[] = {
	{ 1, "Probe" }, { 2, "Report" }, { 3, "Ask-neighbors(old)" }, { 4, "Neighbors(old)" },
	{ 5, "Ask-neighbors2" }, { 6, "Neighbors2" }, { 7, "Prune" }, { 8, "Graft" }, { 9, "Graft-ACK" },
	{ 0, NULL },
};

/* Neighbors2's flags, printed "/name" in this order. */
static const struct dec_tok nflags[] = {
	{ 0x01, "/tunnel" }, { 0x02, "/srcrt" }, { 0x40, "/querier" }, { 0x20, "/disabled" }, { 0x10, "/down" },
	{ 0, NULL },
};

static void invalid(struct dec_ctx *d, const char *fmt, unsigned len)
{
	dec_printf(d, fmt, len);
	dec_printf(d, " (invalid)");
}

static void quad(struct dec_ctx *d, uint32_t a)
{
	dec_printf(d, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff, a >> 8 & 0xff, a & 0xff);
}

static void report(struct dec_ctx *d, const uint8_t *bp, unsigned len)
{
	while (len != 0) {
		if (len < 3)
			return invalid(d, " [length %u < 3]", len);
		unsigned m0 = dec_u8(d, bp), m1 = dec_u8(d, bp + 1), m2 = dec_u8(d, bp + 2);
		unsigned width = m2 ? 4 : m1 ? 3 : m0 ? 2 : 1;
		dec_printf(d, "\n\tMask ");
		quad(d, 0xffu << 24 | m0 << 16 | m1 << 8 | m2);
		bp += 3;
		len -= 3;
		unsigned done;
		do {
			if (len < width + 1) {
				dec_printf(d, "\n\t  [Truncated Report]");
				return invalid(d, "", 0);
			}
			uint32_t origin = 0;
			for (unsigned i = 0; i < 4; i++)
				origin = origin << 8 | (i < width ? dec_u8(d, bp++) : 0);
			unsigned metric = dec_u8(d, bp++);
			done = metric & 0x80;
			dec_printf(d, "\n\t  ");
			quad(d, origin);
			dec_printf(d, " metric %u", metric & 0x7f);
			len -= width + 1;
		} while (!done);
	}
}

static void probe(struct dec_ctx *d, const uint8_t *bp, unsigned len)
{
	if (len < 4)
		return invalid(d, " [full length %u < 4]", len);
	dec_printf(d, "%s", d->o.vflag > 1 ? "\n\t" : " ");
	dec_printf(d, "genid %u", dec_be32(d, bp));
	if (d->o.vflag < 2)
		return;
	for (bp += 4, len -= 4; len != 0; bp += 4, len -= 4) {
		if (len < 4)
			return invalid(d, "[remaining length %u < 4]", len);
		dec_need(d, bp, 4);
		dec_printf(d, "\n\tneighbor ");
		dec_ip4addr(d, bp);
	}
}

/* Neighbors (old, v2 0) and Neighbors2 (v2 1): a local address, metric,
 * threshold, [flags,] count, then count neighbor addresses. */
static void neighbors(struct dec_ctx *d, const uint8_t *bp, unsigned len, int v2)
{
	unsigned fixed = v2 ? 8 : 7;
	while (len != 0) {
		if (len < fixed)
			return invalid(d, v2 ? " [length %u < 8]" : " [length %u < 7]", len);
		const uint8_t *laddr = bp;
		unsigned metric = dec_u8(d, bp + 4), thresh = dec_u8(d, bp + 5);
		unsigned flags = v2 ? dec_u8(d, bp + 6) : 0;
		int ncount = dec_u8(d, bp + fixed - 1);
		bp += fixed;
		len -= fixed;
		while (--ncount >= 0 && (!v2 || len != 0)) {
			if (len < 4)
				return invalid(d, " [length %u < 4]", len);
			dec_need(d, laddr, 4);
			dec_printf(d, " [");
			dec_ip4addr(d, laddr);
			dec_printf(d, v2 ? " -> " : " ->");
			dec_need(d, bp, 4);
			dec_printf(d, v2 ? "" : " ");
			dec_ip4addr(d, bp);
			dec_printf(d, v2 ? " (%u/%u" : ", (%u/%u)]", metric, thresh);
			if (v2) {
				for (const struct dec_tok *t = nflags; t->s; t++)
					if (flags & t->v)
						dec_printf(d, "%s", t->s);
				dec_printf(d, ")]");
			}
			bp += 4;
			len -= 4;
		}
		if (v2 && ncount != -1)
			return invalid(d, " [invalid ncount]", 0);
	}
}

void dec_dvmrp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "dvmrp";
	unsigned type = dec_u8(d, p + 1);
	const uint8_t *bp = p + DVMRP_HDR;
	unsigned left = (unsigned)len - DVMRP_HDR;
	dec_printf(d, " ");
	dec_tokf(d, types, type, "[type %u]");
	switch (type) {
	case 1:
		if (d->o.vflag)
			probe(d, bp, left);
		break;
	case 2:
		if (d->o.vflag > 1)
			report(d, bp, left);
		break;
	case 4:
		neighbors(d, bp, left, 0);
		break;
	case 6: {
		unsigned major = dec_u8(d, p + 7), minor = dec_u8(d, p + 6);
		dec_printf(d, " (v %u.%u):", major, minor);
		neighbors(d, bp, left, 1);
		break;
	}
	case 7: case 8: case 9:
		dec_need(d, bp, 8);
		dec_printf(d, " src ");
		dec_ip4addr(d, bp);
		dec_printf(d, " grp ");
		dec_ip4addr(d, bp + 4);
		if (type == 7) {
			dec_printf(d, " timer ");
			dec_relts(d, dec_be32(d, bp + 8));
		}
		break;
	}
}
