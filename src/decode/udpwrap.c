/* udpwrap.c: the printers of other layers that tcpdump's udp_print
 * calls by port, with the payload as they would get it from an ethertype:
 * MPLS in UDP (RFC 7510, port 6635) and PTP over UDP (IEEE 1588 annex D,
 * ports 319 and 320). */
#include "decode/dec.h"

void dec_mpls_udp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	dec_mpls(d, p, len);
}

void dec_ptp_udp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	dec_ptp(d, p, len);
}
