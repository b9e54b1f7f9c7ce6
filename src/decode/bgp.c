/* bgp.c: BGP-4 (RFC 4271, TCP 179) as tcpdump 4.99 prints it: ": BGP",
 * and with -v each message found in the segment, located by its marker
 * of 16 0xff bytes (tcpdump does no reassembly: bytes skipped before a
 * marker print " [|BGP]", a message not all captured "[|BGP TYPE]"):
 *
 *   \n\tKeepalive Message (4), length: 19
 *
 * Decoded so far: the framing, KEEPALIVE, an OPEN without optional
 * parameters, UPDATE's End-of-RIB marker, and the hex of types tcpdump
 * has no decoder for.  Other bodies (OPEN's capabilities, UPDATE's routes
 * and attributes, NOTIFICATION, ROUTE-REFRESH) are not: the line stops
 * after the message's header, reported as handed off. */
#include <string.h>

#include "decode/dec.h"

#define BGP_MARKER 16
#define BGP_HDR 19
#define BGP_OPEN_LEN 29
enum { BGP_OPEN = 1, BGP_UPDATE, BGP_NOTIFICATION, BGP_KEEPALIVE, BGP_ROUTE_REFRESH };

static const struct dec_tok bgp_msgs[] = {
	{ 1, "Open" }, { 2, "Update" }, { 3, "Notification" }, { 4, "Keepalive" }, { 5, "Route Refresh" },
	{ 0, NULL },
};

/* The message's body, as far as decoded: 1 to go on with the segment. */
static int bgp_body(struct dec_ctx *d, const uint8_t *p, unsigned hlen, unsigned type)
{
	switch (type) {
	case BGP_KEEPALIVE:
		return 1;
	case BGP_OPEN: {
		if (hlen < BGP_OPEN_LEN)
			break;
		const uint8_t *o = p + BGP_HDR;
		dec_printf(d, "\n\t  Version %u, my AS %u, Holdtime %us, ID ", o[0], dec_get_be16(o + 1),
			   dec_get_be16(o + 3));
		dec_ip4addr(d, o + 5);
		dec_printf(d, "\n\t  Optional parameters, length: %u", o[9]);
		if (o[9])
			break; /* the parameters and capabilities: not yet */
		return 1;
	}
	case BGP_UPDATE: /* only the End-of-RIB marker (nothing withdrawn, no attributes) */
		if (hlen != BGP_HDR + 4 || dec_get_be32(p + BGP_HDR))
			break;
		dec_printf(d, "\n\t  End-of-Rib Marker (empty NLRI)");
		return 1;
	case BGP_NOTIFICATION: case BGP_ROUTE_REFRESH:
		break;
	default: /* tcpdump has no decoder: the message in hex */
		dec_printf(d, "\n\t  no Message %u decoder", type);
		dec_hexlines(d, "\n\t  ", p, hlen);
		return 1;
	}
	dec_handoff(d, "bgp");
	return 0;
}

void dec_bgp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	static const uint8_t marker[BGP_MARKER] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	d->proto = "bgp";
	dec_printf(d, ": BGP");
	if (!d->o.vflag)
		return;
	size_t n = dec_avail(d, p, len); /* the segment's captured part */
	const uint8_t *start = p, *end = p + n;
	while (p < end) {
		if (*p != 0xff || (dec_has(d, p, BGP_MARKER) && memcmp(p, marker, BGP_MARKER))) {
			p++;
			continue;
		}
		if (!dec_has(d, p, BGP_MARKER)) /* a marker cut short ends the search */
			return;
		dec_need_ret(d, p, BGP_HDR);
		if (start != p) /* bytes skipped to get here */
			dec_printf(d, " [|bgp]");
		unsigned hlen = dec_get_be16(p + BGP_MARKER), type = p[BGP_MARKER + 2];
		if (hlen < BGP_HDR) {
			dec_printf(d, "\nmessage length %u < %u (invalid)", hlen, BGP_HDR);
			return;
		}
		if (!dec_has(d, p, hlen)) {
			dec_printf(d, "\n[|BGP %s]", dec_tok(bgp_msgs, type, "Unknown Message Type"));
			return;
		}
		dec_printf(d, "\n\t%s Message (%u), length: %u", dec_tok(bgp_msgs, type, "Unknown"), type, hlen);
		if (!bgp_body(d, p, hlen, type))
			return;
		p += hlen;
		start = p;
	}
}
