/* pim.c: PIM (RFC 7761 PIM-SM, RFC 3973 PIM-DM, RFC 5015 BIDIR-PIM), as
 * tcpdump 4.99 begins it: "PIMv2, TYPE, length L"; with -v "PIMv2,
 * length L" and the type on the next line after a tab, where tcpdump goes
 * on with the message's fields (not ours yet: the line is handed off
 * there).  Other versions print "PIMv%u, length L". */
#include "decode/dec.h"

static const char *const pimv2_types[] = {
	"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap", "Assert", "Graft",
	"Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh", "DF Election", "ECMP Redirect",
};

void dec_pim(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = "pim";
	unsigned tv = dec_u8(d, p), version = tv >> 4, type = tv & 0x0f;
	const char *name = type < sizeof pimv2_types / sizeof pimv2_types[0] ? pimv2_types[type] : "Unknown Type";
	if (version != 2)
		dec_printf(d, "PIMv%u, length %zu", version, len);
	else if (!d->o.vflag)
		dec_printf(d, "PIMv2, %s, length %zu", name, len);
	else {
		dec_printf(d, "PIMv2, length %zu\n\t%s", len, name);
		dec_handoff(d, "pimv2");
	}
}
