/* rpki.c: the RPKI-to-Router protocol (RFC 6810; TCP 323) as tcpdump
 * 4.99 prints it: ", RPKI-RTR" without -v; with -v each PDU on its own
 * line, its session and serial, prefixes with their origin AS, error
 * reports with the PDU they quote (one level deep) and their text; with
 * -vv each PDU in hex as well.  A length that does not fit prints
 * " (invalid)" and skips the rest; bytes past the capture " [|rpki_rtr]". */
#include "decode/dec.h"

#define RPKI_HDR 8   /* version, type, session id or error code, length */
enum { RPKI_SERIAL_NOTIFY, RPKI_SERIAL_QUERY, RPKI_RESET_QUERY, RPKI_CACHE_RESPONSE, RPKI_IPV4_PREFIX,
       RPKI_IPV6_PREFIX = 6, RPKI_END_OF_DATA, RPKI_CACHE_RESET, RPKI_ERROR_REPORT = 10 };

static const struct dec_tok rpki_pdus[] = {
	{ RPKI_SERIAL_NOTIFY, "Serial Notify" }, { RPKI_SERIAL_QUERY, "Serial Query" },
	{ RPKI_RESET_QUERY, "Reset Query" }, { RPKI_CACHE_RESPONSE, "Cache Response" },
	{ RPKI_IPV4_PREFIX, "IPV4 Prefix" }, { RPKI_IPV6_PREFIX, "IPV6 Prefix" }, { RPKI_END_OF_DATA, "End of Data" },
	{ RPKI_CACHE_RESET, "Cache Reset" }, { RPKI_ERROR_REPORT, "Error Report" }, { 0, NULL },
};
static const struct dec_tok rpki_errors[] = {
	{ 0, "Corrupt Data" }, { 1, "Internal Error" }, { 2, "No Data Available" }, { 3, "Invalid Request" },
	{ 4, "Unsupported Protocol Version" }, { 5, "Unsupported PDU Type" }, { 6, "Withdrawal of Unknown Record" },
	{ 7, "Duplicate Announcement Received" }, { 0, NULL },
};

/* tcpdump's indent_string: a newline, a tab per 8, a space per 1 left */
static void rpki_indent(struct dec_ctx *d, unsigned n)
{
	dec_printf(d, "\n%.*s%*s", (int)(n / 8), "\t\t\t\t\t\t\t\t", (int)(n % 8), "");
}

static unsigned rpki_pdu(struct dec_ctx *d, const uint8_t *p, unsigned len, int recurse, unsigned indent);

/* An error report's body after the header; 0: invalid. */
static int rpki_error(struct dec_ctx *d, const uint8_t *p, unsigned plen, int recurse, unsigned indent)
{
	unsigned tlen = RPKI_HDR;
	if (plen < tlen + 4)
		return 0;
	dec_need(d, p, tlen + 4);
	uint32_t elen = dec_get_be32(p + tlen);
	tlen += 4;
	unsigned code = dec_get_be16(p + 2);
	rpki_indent(d, indent + 2);
	dec_printf(d, "Error code: %s (%u), Encapsulated PDU length: %u", dec_tok(rpki_errors, code, "Unknown"), code,
		   elen);
	if (elen) {
		if (plen < tlen + elen)
			return 0;
		if (!recurse) {
			dec_need(d, p, tlen + elen);
		} else {
			rpki_indent(d, indent + 4);
			dec_printf(d, "-----encapsulated PDU-----");
			rpki_pdu(d, p + tlen, elen, 0, indent + 2);
		}
		tlen += elen;
	}
	if (plen < tlen + 4)
		return 0;
	dec_need(d, p, tlen + 4);
	uint32_t text = dec_get_be32(p + tlen);
	tlen += 4;
	if (text) {
		if (plen < tlen + text)
			return 0;
		rpki_indent(d, indent + 2);
		dec_printf(d, "Error text: ");
		dec_text(d, p + tlen, text, 0);
	}
	return 1;
}

/* One PDU of the len bytes at p; the bytes it took. */
static unsigned rpki_pdu(struct dec_ctx *d, const uint8_t *p, unsigned len, int recurse, unsigned indent)
{
	unsigned v = dec_u8(d, p);
	if (v != 0) { /* no way to know where it ends */
		rpki_indent(d, 8);
		dec_printf(d, "RPKI-RTRv%u (unknown)", v);
		return len;
	}
	int ok = 1, hexdump = 0;
	if (len < RPKI_HDR) {
		dec_printf(d, "(%u bytes is too few to decode)", len);
		goto invalid;
	}
	dec_need(d, p, RPKI_HDR);
	unsigned type = p[1];
	uint32_t plen = dec_get_be32(p + 4);
	rpki_indent(d, 8);
	dec_printf(d, "RPKI-RTRv%u, %s PDU (%u), length: %u", v, dec_tok(rpki_pdus, type, "Unknown"), type, plen);
	if (plen < RPKI_HDR || plen > len)
		goto invalid;
	switch (type) {
	case RPKI_SERIAL_NOTIFY: case RPKI_SERIAL_QUERY: case RPKI_END_OF_DATA:
		if ((ok = plen == RPKI_HDR + 4)) {
			dec_need(d, p, RPKI_HDR + 4);
			rpki_indent(d, indent + 2);
			dec_printf(d, "Session ID: 0x%04x, Serial: %u", dec_get_be16(p + 2), dec_get_be32(p + 8));
		}
		break;
	case RPKI_RESET_QUERY: case RPKI_CACHE_RESET:
		ok = plen == RPKI_HDR;
		break;
	case RPKI_CACHE_RESPONSE:
		if ((ok = plen == RPKI_HDR)) {
			rpki_indent(d, indent + 2);
			dec_printf(d, "Session ID: 0x%04x", dec_get_be16(p + 2));
		}
		break;
	case RPKI_IPV4_PREFIX: case RPKI_IPV6_PREFIX: {
		size_t alen = type == RPKI_IPV4_PREFIX ? 4 : 16;
		if ((ok = plen == RPKI_HDR + 8 + alen)) {
			dec_need(d, p, plen);
			rpki_indent(d, indent + 2);
			dec_printf(d, "IPv%c Prefix ", alen == 4 ? '4' : '6');
			alen == 4 ? dec_ip4addr(d, p + 12) : dec_ip6addr(d, p + 12);
			dec_printf(d, "/%u-%u, origin-as %u, flags 0x%02x", p[9], p[10], dec_get_be32(p + 12 + alen), p[8]);
		}
		break;
	}
	case RPKI_ERROR_REPORT:
		ok = rpki_error(d, p, plen, recurse, indent);
		break;
	default:
		dec_need(d, p, plen);
		hexdump = 1;
	}
	if (!ok)
		goto invalid;
	if (d->o.vflag > 1 || (d->o.vflag && hexdump))
		dec_hexlines(d, "\n\t  ", p, plen);
	return plen;
invalid:
	dec_printf(d, " (invalid)");
	dec_need(d, p, len);
	return len;
}

void dec_rpki_rtr(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "rpki_rtr";
	if (!d->o.vflag) {
		dec_printf(d, ", RPKI-RTR");
		return;
	}
	while (len) {
		unsigned n = rpki_pdu(d, p, (unsigned)len, 1, 8);
		len -= n;
		p += n;
	}
}
