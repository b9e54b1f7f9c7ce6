/* pppoe.c: PPPoE (RFC 2516) discovery and session frames, and the PPP
 * header inside a session, as tcpdump prints them:
 *
 *   PPPoE  [ses 0x27] IP 10.0.0.1 > 10.0.0.2: ...      (session data)
 *   PPPoE PADI [Service-Name] [Host-Uniq 0x0A0B]         (discovery)
 *
 * A session's PPP frame is ppp.c's (with -e "IP (0x0021), length 98: "
 * before the network layer). */
#include "decode/dec.h"

#define PPPOE_HDRLEN 6
#define PPPOE_PADI 0x09
#define TAG_TEXT_MAX 79 /* tcpdump shows at most this many bytes as text */

static const struct dec_tok codes[] = {
	{ 0x09, "PADI" }, { 0x07, "PADO" }, { 0x19, "PADR" },
	{ 0x65, "PADS" }, { 0xa7, "PADT" }, { 0x00, "" },
	{ 0, NULL },
};

static const struct dec_tok tags[] = {
	{ 0x0000, "EOL" },
	{ 0x0101, "Service-Name" },
	{ 0x0102, "AC-Name" },
	{ 0x0103, "Host-Uniq" },
	{ 0x0104, "AC-Cookie" },
	{ 0x0105, "Vendor-Specific" },
	{ 0x0110, "Relay-Session-ID" },
	{ 0x0120, "PPP-Max-Payload" },
	{ 0x0201, "Service-Name-Error" },
	{ 0x0202, "AC-System-Error" },
	{ 0x0203, "Generic-Error" },
	{ 0, NULL },
};

/* Discovery tags until an end-of-list tag or the PPPoE length: a value
 * that is mostly printable shows as text (its first 79 bytes, the others
 * as '.'), anything else in hex. */
static void dec_tags(struct dec_ctx *d, const uint8_t *p, size_t plen)
{
	const uint8_t *end = p + plen;
	unsigned type = 0xffff;
	while (type && p < end) {
		type = dec_be16(d, p);
		unsigned tlen = dec_be16(d, p + 2);
		p += 4;
		if (tlen)
			dec_need(d, p, tlen); /* before anything of the tag is printed */
		dec_printf(d, " [");
		dec_tokf(d, tags, type, "TAG-0x%x");
		if (tlen) {
			unsigned text = 0, other = 0, n = tlen < TAG_TEXT_MAX ? tlen : TAG_TEXT_MAX;
			for (unsigned i = 0; i < n; i++) {
				if (p[i] >= 0x20 && p[i] < 0x7f)
					text++;
				else
					other++;
			}
			if (text > other) {
				dec_printf(d, " \"");
				for (unsigned i = 0; i < n; i++)
					dec_printf(d, "%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
				dec_printf(d, "\"");
			} else {
				dec_printf(d, " 0x");
				for (unsigned i = 0; i < tlen; i++)
					dec_printf(d, "%02X", p[i]);
			}
		}
		dec_printf(d, "]");
		p += tlen;
	}
}

void dec_pppoe(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "pppoe";
	if (len < PPPOE_HDRLEN) {
		dec_printf(d, "truncated-pppoe %zu", len);
		return;
	}
	len -= PPPOE_HDRLEN;
	dec_need(d, p, PPPOE_HDRLEN);
	unsigned ver = p[0] >> 4, type = p[0] & 0xf, code = p[1];
	unsigned sid = (unsigned)p[2] << 8 | p[3];
	size_t plen = (size_t)p[4] << 8 | p[5];
	if (ver != 1)
		dec_printf(d, " [ver %u]", ver);
	if (type != 1)
		dec_printf(d, " [type %u]", type);
	const char *name = dec_tok(codes, code, NULL);
	if (name)
		dec_printf(d, "PPPoE %s", name);
	else
		dec_printf(d, "PPPoE PAD-%x", code);
	if (code == PPPOE_PADI && plen > 1484 - PPPOE_HDRLEN)
		dec_printf(d, " [len %zu!]", plen);
	if (plen > len) {
		dec_printf(d, " [len %zu > %zu!]", plen, len);
		plen = len;
	}
	if (sid)
		dec_printf(d, " [ses 0x%x]", sid);
	if (code) {
		dec_tags(d, p + PPPOE_HDRLEN, plen);
		return;
	}
	dec_printf(d, " ");
	dec_ppp_frame(d, p + PPPOE_HDRLEN, plen); /* ppp.c */
}
