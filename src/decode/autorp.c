/* autorp.c: Cisco's Auto-RP (UDP 496; pim-autorp-spec01, version 1+) as
 * tcpdump 4.99 prints it: " auto-rp candidate-advert Hold 3m RP 10.0.0.1
 * PIMv2 224.0.0.0/4,!239.0.0.0/8 bidir": per RP its address, the PIM
 * versions it speaks and its group ranges.  A message shorter than its
 * counts say ends " [|cisco_autorp]". */
#include "decode/dec.h"

#define AUTORP_HDR 8
#define AUTORP_ENTRY 6  /* flags, mask length, group */

static const struct dec_tok autorp_types[] = {
	{ 0x11, "candidate-advert" }, { 0x12, "mapping" }, { 0, NULL },
};
static const char *const pim_versions[] = { " PIMv?", " PIMv1", " PIMv2", " PIMv1+2" };

void dec_autorp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "cisco_autorp";
	if (len < AUTORP_HDR)
		dec_trunc_ret(d);
	dec_printf(d, " auto-rp ");
	dec_tokf(d, autorp_types, dec_u8(d, p), "type-0x%02x");
	unsigned numrps = dec_u8(d, p + 1);
	dec_printf(d, " Hold ");
	unsigned hold = dec_be16(d, p + 2);
	if (hold)
		dec_relts(d, hold);
	else
		dec_printf(d, "FOREVER");
	p += AUTORP_HDR;
	len -= AUTORP_HDR;
	for (; numrps; numrps--) {
		if (len < 4)
			dec_trunc_ret(d);
		dec_need(d, p, 4);
		dec_printf(d, " RP ");
		dec_ip4addr(d, p);
		if (len < 5)
			dec_trunc_ret(d);
		unsigned v = dec_u8(d, p + 4);
		dec_printf(d, "%s", pim_versions[v & 3]);
		if (v & 0xfc)
			dec_printf(d, " [rsvd=0x%02x]", v & 0xfc);
		if (len < 6)
			dec_trunc_ret(d);
		unsigned n = dec_u8(d, p + 5);
		p += 6;
		len -= 6;
		for (char sep = ' '; n; n--, sep = ',') {
			if (len < AUTORP_ENTRY)
				dec_trunc_ret(d);
			unsigned f = dec_u8(d, p);
			dec_need(d, p + 2, 4);
			dec_printf(d, "%c%s", sep, f & 1 ? "!" : "");
			dec_ip4addr(d, p + 2);
			dec_printf(d, "/%u", dec_u8(d, p + 1));
			if (f & 0x02)
				dec_printf(d, " bidir");
			if (f & 0xfc)
				dec_printf(d, "[rsvd=0x%02x]", f & 0xfc);
			p += AUTORP_ENTRY;
			len -= AUTORP_ENTRY;
		}
	}
}
