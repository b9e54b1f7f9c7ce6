/* aodv.c: Ad hoc On-Demand Distance Vector routing (UDP 654; RFC 3561,
 * and the IPv6 draft-perkins-manet-aodv6-01 message types 16-19) as
 * tcpdump 4.99 prints it: " aodv rreq LEN hops N id 0x...\n\tdst A seq N
 * src A seq N", " aodv rrep ...", " aodv rerr [items N] [LEN]: {A}(seq)",
 * then a HELLO extension.  Over IPv6 types 1-3 carry IPv6 addresses.  A
 * message shorter than its fixed part ends " [|aodv]".
 *
 * tcpdump takes a request's and a reply's flags from the type byte, not
 * the flags byte: so do we ("[D]" on every draft request). */
#include "decode/dec.h"

enum { AODV_RREQ = 1, AODV_RREP, AODV_RERR, AODV_RREP_ACK, AODV6_RREQ = 16, AODV6_RREP, AODV6_RERR,
       AODV6_RREP_ACK };
#define AODV_EXT_HELLO 1
#define AODV_HELLO_LEN 6 /* type, length, interval */

/* Where a request's or a reply's fields are, by address family and draft. */
struct aodv_layout {
	const char *name;          /* " rreq", " v6 rreq" */
	size_t size;               /* the fixed part */
	size_t alen;               /* 4 or 16 */
	size_t id, da, ds, oa, os; /* offsets; os is a reply's lifetime */
};
static const struct aodv_layout rreq4 = { " rreq", 24, 4, 4, 8, 12, 16, 20 };
static const struct aodv_layout rreq6 = { " v6 rreq", 48, 16, 4, 8, 24, 28, 44 };
static const struct aodv_layout rreq6_draft = { " rreq", 48, 16, 4, 16, 8, 32, 12 };
static const struct aodv_layout rrep4 = { " rrep", 20, 4, 0, 4, 8, 12, 16 };
static const struct aodv_layout rrep6 = { " rrep", 44, 16, 0, 4, 20, 24, 40 };
static const struct aodv_layout rrep6_draft = { " rrep", 44, 16, 0, 8, 4, 24, 40 };

static void aodv_addr(struct dec_ctx *d, const uint8_t *p, size_t alen)
{
	alen == 4 ? dec_ip4addr(d, p) : dec_ip6addr(d, p);
}

static void aodv_extension(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_need_ret(d, p, 2);
	if (p[0] != AODV_EXT_HELLO) {
		dec_printf(d, "\n\text %u %u", p[0], p[1]);
		return;
	}
	dec_need_ret(d, p, AODV_HELLO_LEN);
	if (len < AODV_HELLO_LEN)
		dec_trunc_ret(d);
	if (p[1] < 4)
		dec_printf(d, "\n\text HELLO - bad length %u", p[1]);
	else
		dec_printf(d, "\n\text HELLO %u ms", dec_get_be32(p + 2));
}

static void aodv_route(struct dec_ctx *d, const struct aodv_layout *l, int req, const uint8_t *p, size_t len)
{
	dec_need_ret(d, p, l->size);
	if (len < l->size)
		dec_trunc_ret(d);
	unsigned t = p[0];
	dec_printf(d, "%s %zu ", l->name, len);
	if (req)
		dec_printf(d, "%s%s%s%s%shops %u id 0x%08x\n\tdst ", t & 0x80 ? "[J]" : "", t & 0x40 ? "[R]" : "",
			   t & 0x20 ? "[G]" : "", t & 0x10 ? "[D]" : "", t & 0x08 ? "[U] " : " ", p[3],
			   dec_get_be32(p + l->id));
	else
		dec_printf(d, "%s%sprefix %u hops %u\n\tdst ", t & 0x80 ? "[R]" : "", t & 0x40 ? "[A] " : " ",
			   p[2] & 0x1f, p[3]);
	aodv_addr(d, p + l->da, l->alen);
	dec_printf(d, req ? " seq %u src " : " dseq %u src ", dec_get_be32(p + l->ds));
	aodv_addr(d, p + l->oa, l->alen);
	dec_printf(d, req ? " seq %u" : " %u ms", dec_get_be32(p + l->os));
	if (len - l->size >= 2)
		aodv_extension(d, p + l->size, len - l->size);
}

static void aodv_rerr(struct dec_ctx *d, size_t alen, const uint8_t *p, size_t len)
{
	dec_need_ret(d, p, 4);
	if (len < 4)
		dec_trunc_ret(d);
	dec_printf(d, " rerr %s [items %u] [%zu]:", p[1] & 0x80 ? "[D]" : "", p[3], len);
	size_t left = len - 4;
	p += 4;
	for (unsigned dc = p[-1]; dc; dc--, p += alen + 4, left -= alen + 4) {
		dec_need_ret(d, p, alen + 4);
		if (left < alen + 4)
			dec_trunc_ret(d);
		dec_printf(d, " {");
		aodv_addr(d, p, alen);
		dec_printf(d, "}(%u)", dec_get_be32(p + alen));
	}
}

void dec_aodv(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	d->proto = "aodv";
	unsigned type = dec_u8(d, p);
	int v6 = a->n->v6;
	dec_printf(d, " aodv");
	switch (type) {
	case AODV_RREQ:
		aodv_route(d, v6 ? &rreq6 : &rreq4, 1, p, len);
		break;
	case AODV_RREP:
		aodv_route(d, v6 ? &rrep6 : &rrep4, 0, p, len);
		break;
	case AODV_RERR:
		aodv_rerr(d, v6 ? 16 : 4, p, len);
		break;
	case AODV6_RREQ:
		aodv_route(d, &rreq6_draft, 1, p, len);
		break;
	case AODV6_RREP:
		aodv_route(d, &rrep6_draft, 0, p, len);
		break;
	case AODV6_RERR:
		aodv_rerr(d, 16, p, len);
		break;
	case AODV_RREP_ACK: case AODV6_RREP_ACK:
		dec_printf(d, " rrep-ack %zu", len);
		break;
	default:
		dec_printf(d, " type %u %zu", type, len);
	}
}
