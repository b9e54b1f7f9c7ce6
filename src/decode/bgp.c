/* bgp.c: BGP-4 (RFC 4271, TCP 179) as tcpdump 4.99 prints it: ": BGP",
 * and with -v each message found in the segment, located by its marker
 * of 16 0xff bytes (tcpdump does no reassembly: bytes skipped before a
 * marker print " [|BGP]", a message not all captured "[|BGP TYPE]"):
 *
 *   \n\tKeepalive Message (4), length: 19
 *
 * Here: the framing, OPEN with its capabilities, NOTIFICATION (with the
 * shutdown communication of RFC 9003), ROUTE-REFRESH, KEEPALIVE, and the
 * hex of types tcpdump has no decoder for; UPDATE bodies are bgp_upd.c's. */
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

/* Names by number, tcpdump's (NULL: its "Unknown"). */
static const char *const caps[256] = {
	[1] = "Multiprotocol Extensions", [2] = "Route Refresh", [3] = "Cooperative Route Filtering",
	[4] = "Multiple Routes to a Destination", [5] = "Extended Next Hop Encoding", [8] = "Multiple Labels",
	[64] = "Graceful Restart", [65] = "32-Bit AS Number", [67] = "Dynamic Capability",
	[68] = "Multisession BGP", [69] = "Multiple Paths", [70] = "Enhanced Route Refresh",
	[71] = "Long-lived Graceful Restart", [128] = "Route Refresh (Cisco)",
};
static const char *const addpath_dirs[4] = { [1] = "Receive", [2] = "Send", [3] = "Both" };
static const char *const errors[8] = {
	[1] = "Message Header Error", [2] = "OPEN Message Error", [3] = "UPDATE Message Error",
	[4] = "Hold Timer Expired", [5] = "Finite State Machine Error", [6] = "Cease",
	[7] = "Capability Message Error",
};
/* Each error code's subcodes, from 0 on (none for code 4). */
#define SUBS 12
static const char *const subcodes[8][SUBS] = {
	[1] = { NULL, "Connection Not Synchronized", "Bad Message Length", "Bad Message Type" },
	[2] = { NULL, "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier",
		"Unsupported Optional Parameter", "Authentication Failure", "Unacceptable Hold Time",
		"Capability Message Error" },
	[3] = { NULL, "Malformed Attribute List", "Unrecognized Well-known Attribute", "Missing Well-known Attribute",
		"Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute", "AS Routing Loop",
		"Invalid NEXT_HOP Attribute", "Optional Attribute Error", "Invalid Network Field", "Malformed AS_PATH" },
	[5] = { "Unspecified Error", "In OpenSent State", "In OpenConfirm State", "In Established State" },
	[6] = { NULL, "Maximum Number of Prefixes Reached", "Administrative Shutdown", "Peer Unconfigured",
		"Administrative Reset", "Connection Rejected", "Other Configuration Change",
		"Connection Collision Resolution" },
	[7] = { NULL, "Invalid Action Value", "Invalid Capability Length", "Malformed Capability Value",
		"Unsupported Capability Code" },
};

static const char *name_of(const char *const *t, unsigned n, unsigned v, const char *dflt)
{
	return v < n && t[v] ? t[v] : dflt;
}

static void afi_safi(struct dec_ctx *d, const char *fmt, const uint8_t *p, unsigned safi_at)
{
	unsigned af = dec_be16(d, p), safi = dec_u8(d, p + safi_at);
	dec_printf(d, fmt, dec_tok(dec_bgp_afs, af, "Unknown"), af, dec_tok(dec_bgp_safis, safi, "Unknown"), safi);
}

/* tcpdump's ND_TCHECK: " [|bgp]" and the printer returns. */
static int short_of(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	if (dec_has(d, p, n))
		return 0;
	dec_printf(d, " [|bgp]");
	return 1;
}

/* The capabilities of an OPEN's optional parameter (RFC 5492). */
static void capabilities(struct dec_ctx *d, const uint8_t *opt, unsigned n)
{
	for (unsigned i = 0; i < n;) {
		if (short_of(d, opt + i, 2))
			return;
		unsigned type = opt[i], len = opt[i + 1], left = len, off;
		const uint8_t *v = opt + i + 2;
		dec_printf(d, "\n\t      %s (%u), length: %u", name_of(caps, 256, type, "Unknown"), type, len);
		if (short_of(d, v, len))
			return;
		switch (type) {
		case 1:
			if (len < 4) {
				dec_printf(d, " (too short, < 4)");
				return;
			}
			afi_safi(d, "\n\t\tAFI %s (%u), SAFI %s (%u)", v, 3);
			break;
		case 8:
			for (off = 0; left >= 4; left -= 4, off += 4)
				afi_safi(d, "\n\t\tAFI %s (%u), SAFI %s (%u), Count: ", v + off, 2),
					dec_printf(d, "%u", v[off + 3]);
			break;
		case 64:
			if (len < 2) {
				dec_printf(d, " (too short, < 2)");
				return;
			}
			dec_printf(d, "\n\t\tRestart Flags: [%s], Restart Time %us", v[0] & 0x80 ? "R" : "none",
				   dec_get_be16(v) & 0xfff);
			for (off = 2, left -= 2; left >= 4; left -= 4, off += 4) {
				afi_safi(d, "\n\t\t  AFI %s (%u), SAFI %s (%u), Forwarding state preserved: ", v + off, 2);
				dec_printf(d, "%s", v[off + 3] & 0x80 ? "yes" : "no");
			}
			break;
		case 2: case 71: case 128:
			break;
		case 65:
			if (len < 4) {
				dec_printf(d, " (too short, < 4)");
				return;
			}
			dec_printf(d, "\n\t\t 4 Byte AS %u", dec_get_be32(v));
			break;
		case 69:
			if (len == 0) {
				dec_printf(d, " (bogus)");
				break;
			}
			for (off = 0; left; left -= 4, off += 4) {
				if (left < 4) {
					dec_printf(d, " (invalid)");
					break;
				}
				afi_safi(d, "\n\t\tAFI %s (%u), SAFI %s (%u), Send/Receive: ", v + off, 2);
				if (name_of(addpath_dirs, 4, v[off + 3], NULL))
					dec_printf(d, "%s", addpath_dirs[v[off + 3]]);
				else
					dec_printf(d, "Bogus (0x%02x)", v[off + 3]);
			}
			break;
		default:
			dec_printf(d, "\n\t\tno decoder for Capability %u", type);
			if (d->o.vflag <= 1)
				dec_hexlines(d, "\n\t\t", v, len);
		}
		if (d->o.vflag > 1 && len)
			dec_hexlines(d, "\n\t\t", v, len);
		i += 2 + len;
	}
}

static void open_msg(struct dec_ctx *d, const uint8_t *p, unsigned hlen)
{
	if (short_of(d, p, BGP_OPEN_LEN))
		return;
	if (hlen < BGP_OPEN_LEN) {
		dec_printf(d, " [|bgp]");
		return;
	}
	const uint8_t *o = p + BGP_HDR;
	dec_printf(d, "\n\t  Version %u, my AS %u, Holdtime %us, ID ", o[0], dec_get_be16(o + 1), dec_get_be16(o + 3));
	dec_ip4addr(d, o + 5);
	unsigned optslen = o[9], length = hlen - BGP_OPEN_LEN;
	dec_printf(d, "\n\t  Optional parameters, length: %u", optslen);
	const uint8_t *opt = p + BGP_OPEN_LEN;
	for (unsigned i = 0; i < optslen;) {
		if (short_of(d, opt + i, 2))
			return;
		if (length < 2 + i) {
			dec_printf(d, " [|bgp]");
			return;
		}
		unsigned type = opt[i], len = opt[i + 1];
		if (2 + i + len > optslen) {
			dec_printf(d, "\n\t     Option %u, length: %u, goes past the end of the options", type, len);
			break;
		}
		dec_printf(d, "\n\t    Option %s (%u), length: %u",
			   type == 1 ? "Authentication Information" : type == 2 ? "Capabilities Advertisement" : "Unknown",
			   type, len);
		if (type == 2)
			capabilities(d, opt + 2 + i, len);
		else
			dec_printf(d, "\n\t      no decoder for option %u", type);
		i += 2 + len;
	}
}

static void notification(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (short_of(d, p, BGP_HDR + 2))
		return;
	if (len < BGP_HDR + 2)
		return;
	unsigned major = p[BGP_HDR], minor = p[BGP_HDR + 1];
	const uint8_t *t = p + BGP_HDR + 2;
	dec_printf(d, ", %s (%u)", name_of(errors, 8, major, "Unknown Error"), major);
	if (major < 1 || major > 7 || major == 4)
		return;
	dec_printf(d, "%s subcode %s (%u)", major == 5 || major == 7 ? "" : ",",
		   name_of(subcodes[major], SUBS, minor, "Unknown"), minor);
	if (major != 6)
		return;
	if (minor == 1 && len >= BGP_HDR + 2 + 7)
		afi_safi(d, ", AFI %s (%u), SAFI %s (%u), Max Prefixes: ", t, 2),
			dec_printf(d, "%u", dec_be32(d, t + 3));
	if ((minor == 2 || minor == 4) && len >= BGP_HDR + 3) {
		unsigned cl = dec_u8(d, t), skip = 0, rest = len - BGP_HDR - 2;
		if (cl > rest - 1) {
			dec_printf(d, ", invalid Shutdown Communication length");
		} else if (cl == 0) {
			dec_printf(d, ", empty Shutdown Communication");
			skip = 1;
		} else {
			dec_printf(d, ", Shutdown Communication (length: %u): \"", cl);
			dec_need(d, t + 1, cl);
			for (unsigned i = 0; i < cl; i++)
				dec_putc_safe(d, t[1 + i]);
			dec_printf(d, "\"");
			skip = cl + 1;
		}
		if (rest > skip) {
			dec_printf(d, ", Data: (length: %u)", rest - skip);
			dec_hexlines(d, "\n\t\t", t + skip, rest - skip);
		}
	}
}

/* The message's body: 1 to go on with the segment. */
static int bgp_body(struct dec_ctx *d, const uint8_t *p, unsigned hlen, unsigned type)
{
	switch (type) {
	case BGP_KEEPALIVE:
		return 1;
	case BGP_OPEN:
		open_msg(d, p, hlen);
		return 1;
	case BGP_UPDATE:
		return dec_bgp_update(d, p, hlen);
	case BGP_NOTIFICATION:
		notification(d, p, hlen);
		return 1;
	case BGP_ROUTE_REFRESH:
		if (short_of(d, p, 23))
			return 1;
		if (hlen < 23)
			return 1;
		afi_safi(d, "\n\t  AFI %s (%u), SAFI %s (%u)", p + BGP_HDR, 3);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", p, hlen);
		return 1;
	default: /* tcpdump has no decoder: the message in hex */
		dec_printf(d, "\n\t  no Message %u decoder", type);
		dec_hexlines(d, "\n\t  ", p, hlen);
		return 1;
	}
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
