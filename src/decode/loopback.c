/* loopback.c: the Ethernet Configuration Testing Protocol (ethertype
 * 0x9000, "Loopback"), as tcpdump prints it: "Loopback, skipCount 0,
 * Reply, receipt number 0, data (44 octets)" or "..., Forward Data,
 * forwarding address MAC, data (N octets)".  Its numbers are
 * little-endian.  Lengths that do not add up end " (invalid)"; bytes
 * past the capture " [|loopback]". */
#include "decode/dec.h"

static const struct dec_tok functions[] = { { 1, "Reply" }, { 2, "Forward Data" }, { 0, NULL } };

/* The message skipCount bytes on: its function, then what it carries. */
static int message(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 2)
		return 0;
	unsigned fn = dec_le16(d, p);
	const char *name = dec_tok(functions, fn, NULL);
	if (name)
		dec_printf(d, ", %s", name);
	else
		dec_printf(d, ",  invalid (%u)", fn);
	p += 2;
	len -= 2;
	if (fn == 1) {
		if (len < 2)
			return 0;
		dec_printf(d, ", receipt number %u", dec_le16(d, p));
		p += 2;
		len -= 2;
		dec_printf(d, ", data (%zu octets)", len);
	} else if (fn == 2) {
		if (len < 6)
			return 0;
		dec_need(d, p, 6);
		dec_printf(d, ", forwarding address ");
		dec_mac(d, p);
		p += 6;
		len -= 6;
		dec_printf(d, ", data (%zu octets)", len);
	}
	dec_need(d, p, len);
	return 1;
}

void dec_loopback(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LOOPBACK);
	d->proto = "loopback";
	dec_printf(d, "Loopback");
	if (len >= 2) {
		unsigned skip = dec_le16(d, p);
		p += 2;
		len -= 2;
		dec_printf(d, ", skipCount %u%s", skip, skip % 8 ? " (bogus)" : "");
		if (skip <= len) {
			const uint8_t *m = p + skip;
			if (message(d, m, len - skip))
				return;
			/* tcpdump's message printer: " (invalid)", then its
			 * bytes must be there */
			dec_printf(d, " (invalid)");
			dec_need(d, m, len - skip);
			return;
		}
	}
	dec_printf(d, " (invalid)");
	dec_need(d, p, len);
}
