/* chdlc.c: Cisco HDLC (DLT_C_HDLC), as tcpdump 4.99 prints it: a 4-byte
 * header (address, control, an ethertype), with -e "bcast, ethertype
 * IPv4 (0x0800), length N: ", then IPv4, IPv6, MPLS, SLARP keepalives
 * and address requests ("SLARP (length: 20), keepalive: mineseen=...")
 * or OSI (isis.c); anything else "unknown CHDLC protocol (0x....)". */
#include "decode/dec.h"

enum { CHDLC_HDRLEN = 4, CHDLC_SLARP = 0x8035, CHDLC_ISO = 0xfefe };
enum { SLARP_REQUEST, SLARP_REPLY, SLARP_KEEPALIVE };
enum { SLARP_MIN_LEN = 14, SLARP_MAX_LEN = 18 };

static const struct dec_tok casts[] = { { 0x0f, "unicast" }, { 0x8f, "bcast" }, { 0, NULL } };

/* Serial Line ARP: a 4-byte code, then an address and mask or the
 * keepalive sequence numbers, and an optional uptime in milliseconds. */
static void slarp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "chdlc_slarp";
	dec_printf(d, "SLARP (length: %zu), ", len);
	if (len < SLARP_MIN_LEN) {
		dec_printf(d, " [|chdlc_slarp]");
		return;
	}
	/* cut short: tcpdump returns to the link printer, the -x dump skips
	 * the Cisco HDLC header */
	dec_need_ret(d, p, SLARP_MIN_LEN);
	uint32_t code = dec_be32(d, p);
	const uint8_t *cp = p;
	if (code == SLARP_REQUEST)
		dec_printf(d, "request");
	else if (code == SLARP_REPLY) {
		dec_printf(d, "reply ");
		dec_ip4addr(d, p + 4);
		dec_printf(d, "/");
		dec_ip4addr(d, p + 8);
	} else if (code == SLARP_KEEPALIVE) {
		dec_printf(d, "keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x", dec_be32(d, p + 4),
			   dec_be32(d, p + 8), dec_be16(d, p + 12));
		if (len >= SLARP_MAX_LEN) { /* the uptime is optional */
			cp += SLARP_MIN_LEN;
			dec_need(d, cp, 4); /* here tcpdump jumps out: all dumped */
			unsigned sec = dec_be32(d, cp) / 1000, min = sec / 60, hrs = min / 60, days = hrs / 24;
			dec_printf(d, ", link uptime=%ud%uh%um%us", days, hrs % 24, min % 60, sec % 60);
		}
	} else {
		dec_printf(d, "0x%02x unknown", code);
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t", cp + 4, len - 4);
	}
	if (len > SLARP_MAX_LEN && d->o.vflag)
		dec_printf(d, ", (trailing junk: %zu bytes)", len - SLARP_MAX_LEN);
	if (d->o.vflag > 1) /* from 4 past the uptime when there is one, as tcpdump */
		dec_hexlines(d, "\n\t", cp + 4, len - 4);
}

/* The Cisco HDLC frame at p, len bytes on the wire; returns the header
 * length (tcpdump's -x skips it). */
int dec_link_chdlc(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->proto = "chdlc";
	d->hdrlen = CHDLC_HDRLEN;
	if (len < CHDLC_HDRLEN) { /* the wire length: tcpdump's test */
		dec_printf(d, " [|chdlc]");
		return (int)len;
	}
	unsigned proto = dec_be16(d, p + 2);
	if (d->o.eflag) {
		char cast[8];
		snprintf(cast, sizeof cast, "0x%02x", p[0]);
		dec_printf(d, "%s, ethertype %s (0x%04x), length %zu: ", dec_tok(casts, p[0], cast),
			   dec_ethertype_name(proto), proto, len);
	}
	p += CHDLC_HDRLEN;
	len -= CHDLC_HDRLEN;
	if (proto == PROTO_ETH_IPV4 || proto == PROTO_ETH_IPV6 || proto == PROTO_ETH_MPLS || proto == PROTO_ETH_MPLS_MC)
		dec_ethertype(d, proto, p, len);
	else if (proto == CHDLC_SLARP)
		slarp(d, p, len);
	else if (proto == CHDLC_ISO) { /* tcpdump's OSI printer (IS-IS, CLNP, ES-IS) */
		if (len < 2) { /* the whole frame counts as header */
			dec_printf(d, " [|chdlc]");
			return CHDLC_HDRLEN + (int)dec_avail(d, p, len);
		}
		/* a fudge byte before the NLPID when the second byte is one */
		unsigned nlpid = dec_u8(d, p + 1);
		int fudge = nlpid == 0x81 || nlpid == 0x82 || nlpid == 0x83; /* CLNP, ES-IS, IS-IS */
		/* cut short, tcpdump's OSI printer returns: -x skips 4 bytes */
		dec_link_nested(d, dec_link_osi, p + fudge, len - (size_t)fudge, CHDLC_HDRLEN, 0);
	} else if (!d->o.eflag)
		dec_printf(d, "unknown CHDLC protocol (0x%04x)", proto);
	return CHDLC_HDRLEN;
}
