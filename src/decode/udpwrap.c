/* udpwrap.c: the printers of other layers that tcpdump's udp_print
 * calls by port, with the payload as they would get it from an ethertype:
 * MPLS in UDP (RFC 7510, port 6635) and PTP over UDP (IEEE 1588 annex D,
 * ports 319 and 320). */
#include "decode/dec.h"

DEC_APP_PRINTER(dec_mpls_udp)
{
	(void)a;
	dec_mpls(d, p, len);
}

DEC_APP_PRINTER(dec_ptp_udp)
{
	(void)a;
	dec_ptp(d, p, len);
}
