/* msdp.c: the Multicast Source Discovery Protocol (RFC 3618; TCP 639) as
 * tcpdump 4.99 prints it: ": msdp" then per TLV " SA 1 entries",
 * " SA-Request for A", " Keepalive", " Notification" (with -v each
 * TLV's length first); with -vv the multicast datagram an SA carries.  A
 * first TLV that does not look like MSDP, or a TLV longer than the
 * segment, ends the line " [|msdp]". */
#include <setjmp.h>
#include <string.h>

#include "decode/dec.h"

#define MSDP_TYPE_MAX 7
#define MSDP_TLV 3           /* type, length */
#define MSDP_SA_ENTRY 12     /* reserved, prefix length, group, source */
#define MSDP_SA_FIXED 8      /* TLV header, entry count, RP address */

/* What the datagram's printer changes, put back after it. */
struct msdp_saved {
	const uint8_t *end;
	int hdrlen;
	jmp_buf trunc;
};

static void msdp_restore(struct dec_ctx *d, const struct msdp_saved *s)
{
	memcpy(&d->trunc, &s->trunc, sizeof d->trunc);
	d->end = s->end;
	d->hdrlen = s->hdrlen;
	d->proto = "msdp";
}

/* The multicast datagram an SA carries, as IP prints it: where IP's
 * printer returns cut short, the next TLV follows; a jump ends all. */
static void msdp_datagram(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	struct msdp_saved s;
	s.end = d->end;
	s.hdrlen = d->hdrlen;
	memcpy(&s.trunc, &d->trunc, sizeof s.trunc);
	int r = setjmp(d->trunc);
	if (r == DEC_TRUNC_NONE)
		dec_ip(d, p, len);
	msdp_restore(d, &s);
	if (r == DEC_TRUNC_JUMP)
		longjmp(d->trunc, r);
}

static void msdp_sa(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len)
{
	dec_printf(d, type == 1 ? " SA" : " SA-Response");
	unsigned n = dec_u8(d, p);
	dec_printf(d, " %u entries", n);
	if (n * MSDP_SA_ENTRY + MSDP_SA_FIXED >= len)
		return;
	dec_printf(d, " [w/data]");
	if (d->o.vflag > 1) {
		dec_printf(d, " ");
		msdp_datagram(d, p + n * MSDP_SA_ENTRY + MSDP_SA_FIXED - MSDP_TLV, len - (n * MSDP_SA_ENTRY + MSDP_SA_FIXED));
	}
}

void dec_msdp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "msdp";
	dec_printf(d, ": msdp");
	unsigned type = dec_u8(d, p), tlen = dec_be16(d, p + 1);
	if (tlen > 1500 || tlen < MSDP_TLV || type == 0 || type > MSDP_TYPE_MAX)
		dec_trunc_ret(d); /* not truncated, but not decodable either */
	while (len) {
		type = dec_u8(d, p);
		tlen = dec_be16(d, p + 1);
		if (tlen > 1400 || d->o.vflag)
			dec_printf(d, " [len %u]", tlen);
		if (tlen < MSDP_TLV || len < tlen)
			dec_trunc_ret(d);
		const uint8_t *v = p + MSDP_TLV;
		switch (type) {
		case 1: case 3:
			msdp_sa(d, type, v, tlen);
			break;
		case 2:
			dec_printf(d, " SA-Request for ");
			dec_ip4addr(d, v + 1);
			break;
		case 4:
			dec_printf(d, " Keepalive");
			if (tlen != MSDP_TLV)
				dec_printf(d, "[len=%u] ", tlen);
			break;
		case 5:
			dec_printf(d, " Notification");
			break;
		default:
			dec_printf(d, " [type=%u len=%u]", type, tlen);
		}
		p += tlen;
		len -= tlen;
	}
}
