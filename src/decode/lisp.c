/* lisp.c: LISP control messages (RFC 6830/9301, UDP 4342) as tcpdump 4.99
 * prints them.  Only Map-Register and Map-Notify are decoded: the type
 * (with -v the flags), the record count (with -v the authentication type
 * and data), then each EID record with its locators, and the xTR and site
 * IDs or whatever bytes follow.  Other types print their name alone.
 *
 * A header, record, locator or its address not captured ends the line
 * " [|lisp]" (the printer returns); an EID prefix not captured too, but
 * as tcpdump's jump out (the -x dump then starts at the frame's first
 * byte). */
#include <inttypes.h>

#include "decode/dec.h"

#define LISP_HDR_LEN 16            /* type and flags, count, nonce, key id, auth length */
#define LISP_EID_LEN 12            /* TTL, counts, action, version, AFI */
#define LISP_LOC_LEN 8             /* priorities, weights, flags, AFI */
#define LISP_AFI_IPV4 1
#define LISP_AFI_IPV6 2
enum { LISP_MAP_REGISTER = 3, LISP_MAP_NOTIFY = 4 };

static const struct dec_tok lisp_types[] = {
	{ 0, "LISP-Reserved" }, { 1, "LISP-Map-Request" }, { 2, "LISP-Map-Reply" },
	{ LISP_MAP_REGISTER, "LISP-Map-Register" }, { LISP_MAP_NOTIFY, "LISP-Map-Notify" },
	{ 8, "LISP-Encapsulated-Contol-Message" }, { 0, NULL },
};
static const struct dec_tok register_flags[] = {
	{ 0x08000000, "P-Proxy-Map-Reply" }, { 0x04000000, "S-LISP-SEC-Capable" }, { 0x02000000, "I-xTR-ID-Present" },
	{ 0x01000000, "R-Build-For-RTR" }, { 0x00000100, "M-Want-Map-Notify" }, { 0, NULL },
};
static const struct dec_tok notify_flags[] = {
	{ 0x08000000, "I-xTR-ID-Present" }, { 0x04000000, "R-Build-For-RTR" }, { 0, NULL },
};
static const struct dec_tok auth_types[] = { { 0, "None" }, { 1, "SHA1" }, { 2, "SHA256" }, { 0, NULL } };
static const struct dec_tok eid_actions[] = {
	{ 0, "No-Action" }, { 1, "Natively-Forward" }, { 2, "Send-Map-Request" }, { 3, "Drop" }, { 0, NULL },
};
static const struct dec_tok loc_flags[] = {
	{ 0x0004, "Local-Locator" }, { 0x0002, "RLoc-Probed" }, { 0x0001, "Reachable" }, { 0, NULL },
};

/* tcpdump's hex_print: as dec_hexlines, but it jumps out after the last
 * byte captured. */
static void hex_or_jump(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t n)
{
	size_t m = dec_avail(d, p, n);
	dec_hexlines(d, ident, p, m);
	if (m < n)
		dec_trunc(d);
}

/* An address by its AFI at p: " LABEL ADDR"; its length, 0 for another
 * AFI.  One not captured jumps out. */
static int lisp_addr(struct dec_ctx *d, const char *label, unsigned afi, const uint8_t *p)
{
	int n = afi == LISP_AFI_IPV4 ? 4 : afi == LISP_AFI_IPV6 ? 16 : 0;
	if (!n)
		return 0;
	dec_need(d, p, (size_t)n);
	dec_printf(d, " %s ", label);
	if (n == 4)
		dec_ip4addr(d, p);
	else
		dec_ip6addr(d, p);
	return n;
}

/* The locators of a record from p + *off; 0 when the line ended. */
static int print_locators(struct dec_ctx *d, const uint8_t *p, uint16_t *off, unsigned count)
{
	while (count--) {
		const uint8_t *loc = p + *off;
		if (!dec_has(d, loc, LISP_LOC_LEN))
			return 0;
		*off = (uint16_t)(*off + LISP_LOC_LEN);
		if (d->o.vflag)
			dec_printf(d, "\n       ");
		unsigned afi = dec_get_be16(loc + 6);
		if (!dec_has(d, p + *off, afi == LISP_AFI_IPV4 ? 4 : afi == LISP_AFI_IPV6 ? 16 : 0))
			return 0; /* checked first here: the printer returns */
		int n = lisp_addr(d, "LOC", afi, p + *off);
		*off = (uint16_t)(*off + n);
		if (d->o.vflag) {
			dec_printf(d, "\n          Priority/Weight %u/%u, Multicast Priority/Weight %u/%u,", loc[0], loc[1],
				   loc[2], loc[3]);
			dec_printf(d, " flags [");
			dec_bits(d, loc_flags, dec_get_be16(loc + 4), "none");
			dec_printf(d, "],");
		}
	}
	return 1;
}

/* The EID records from p + *off: 0 when the line ended, -1 at an AFI
 * tcpdump does not decode (it stops there, silently). */
static int print_records(struct dec_ctx *d, const uint8_t *p, size_t length, uint16_t *off, unsigned count)
{
	while (length > *off && count--) {
		const uint8_t *eid = p + *off;
		if (!dec_has(d, eid, LISP_EID_LEN))
			return 0;
		dec_printf(d, "\n");
		*off = (uint16_t)(*off + LISP_EID_LEN);
		if (d->o.vflag) {
			dec_printf(d, "      Record TTL %u,", dec_get_be32(eid));
			dec_printf(d, "%s", (eid[6] >> 4) & 1 ? " Authoritative," : " Non-Authoritative,");
			dec_printf(d, " %s,", dec_tok(eid_actions, eid[6] >> 5, "unknown"));
			dec_printf(d, " Map Version: %u,", dec_get_be16(eid + 8) & 0x0fff);
		}
		int n = lisp_addr(d, "EID", dec_get_be16(eid + 10), p + *off);
		if (n == 0)
			return -1;
		dec_printf(d, "/%u,", eid[5]);
		*off = (uint16_t)(*off + n);
		dec_printf(d, " %u locator(s)", eid[4]);
		if (!print_locators(d, p, off, eid[4]))
			return 0;
	}
	return 1;
}

void dec_lisp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "lisp";
	dec_need_ret(d, p, LISP_HDR_LEN);
	unsigned type = p[0] >> 4;
	dec_tokf(d, lisp_types, type, "unknown-type-%u");
	dec_printf(d, ",");
	if (type != LISP_MAP_REGISTER && type != LISP_MAP_NOTIFY)
		return;
	if (d->o.vflag) {
		dec_printf(d, " flags [");
		dec_bits(d, type == LISP_MAP_REGISTER ? register_flags : notify_flags, dec_get_be32(p), "none");
		dec_printf(d, "],");
	}
	int xtr = type == LISP_MAP_REGISTER ? p[0] & 0x02 : p[0] & 0x08;
	unsigned auth_len = dec_get_be16(p + 14), count = p[3];
	if (d->o.vflag) {
		dec_printf(d, "\n    %u record(s), Authentication %s,", count,
			   dec_tok(auth_types, dec_get_be16(p + 12), "unknown-type"));
		hex_or_jump(d, "\n    Authentication-Data: ", p + LISP_HDR_LEN, auth_len);
	} else
		dec_printf(d, " %u record(s),", count);
	uint16_t off = (uint16_t)(LISP_HDR_LEN + auth_len);
	if (count == 0) {
		dec_printf(d, " (invalid)");
		return;
	}
	int r = print_records(d, p, len, &off, count);
	if (r == 0)
		dec_printf(d, " [|lisp]");
	if (r <= 0)
		return;
	if (xtr) {
		if (!dec_has(d, p + off, 24)) {
			dec_printf(d, " (invalid)");
			return;
		}
		dec_hexlines(d, "\n    xTR-ID: ", p + off, 16);
		uint64_t site = (uint64_t)dec_get_be32(p + off + 16) << 32 | dec_get_be32(p + off + 20);
		dec_printf(d, "\n    SITE-ID: %" PRIu64, site);
	} else if ((size_t)(d->end - p) > off)
		dec_hexlines(d, "\n    Data: ", p + off, (size_t)(d->end - p) - off);
}
