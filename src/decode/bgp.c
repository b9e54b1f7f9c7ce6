/* bgp.c: BGP-4 (RFC 4271, TCP 179) as tcpdump 4.99 prints it: ": BGP",
 * and with -v each message found in the segment (located by its marker
 * of 16 0xff bytes; tcpdump does no reassembly, a message cut by the
 * segment's end prints "[|BGP TYPE]"):
 *
 *   \n\tOpen Message (1), length: 107 ...
 *
 * The -v bodies (OPEN and its capabilities, UPDATE's routes and path
 * attributes, NOTIFICATION's codes) are not decoded yet: the line stops
 * after ": BGP" and the packet is reported as handed off. */
#include "decode/dec.h"

void dec_bgp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	d->proto = "bgp";
	dec_printf(d, ": BGP");
	if (d->o.vflag)
		dec_handoff(d, "bgp");
}
