/* babel.c: the Babel routing protocol (UDP 6696 and 6697; RFC 6126 and
 * its successors, HMAC and source-specific drafts) as tcpdump 4.99 prints
 * it: "babel 2 (BODYLEN)" then one word per TLV, or with -v one line per
 * TLV with its fields; TLVs after the body (a trailer) follow " |" /
 * "\n\t----".  Addresses in a TLV may be compressed against the previous
 * Update's prefix.  A TLV that does not fit ends the line " (invalid)",
 * bytes past the capture " [|babel]". */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "decode/dec.h"

enum { BABEL_OK, BABEL_INVALID = -2 };

static const uint8_t v4prefix[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0 };

/* The words without -v, by TLV type. */
static const struct dec_tok babel_words[] = {
	{ 1, " padN" }, { 2, " ack-req" }, { 3, " ack" }, { 4, " hello" }, { 5, " ihu" }, { 6, " router-id" },
	{ 7, " nh" }, { 8, " update" }, { 9, " route-request" }, { 10, " seqno-request" }, { 11, " tspc" },
	{ 12, " hmac" }, { 13, " ss-update" }, { 14, " ss-request" }, { 15, " ss-mh-request" }, { 16, " mac" },
	{ 17, " pc" }, { 18, " challenge_request" }, { 19, " challenge_reply" }, { 0, NULL },
};

static void babel_id(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 8);
	for (unsigned i = 0; i < 8; i++)
		dec_printf(d, i ? ":%02x" : "%02x", p[i]);
}

static void babel_addr4(struct dec_ctx *d, const uint8_t *a)
{
	const char *name = dec_host4(d, a);
	name ? dec_printf(d, "%s", name) : dec_printf(d, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* An address in its 16-byte form: IPv4-mapped ones as IPv4. */
static void babel_addr(struct dec_ctx *d, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];
	if (!memcmp(a, v4prefix, 12)) {
		babel_addr4(d, a + 12);
		return;
	}
	const char *name = dec_host6(d, a);
	dec_printf(d, "%s", name ? name : inet_ntop(AF_INET6, a, buf, sizeof buf));
}

static void babel_prefix(struct dec_ctx *d, const uint8_t *a, unsigned plen)
{
	if (plen >= 96 && !memcmp(a, v4prefix, 12)) {
		babel_addr4(d, a + 12);
		dec_printf(d, "/%u", plen - 96);
		return;
	}
	char buf[INET6_ADDRSTRLEN];
	const char *name = dec_host6(d, a);
	dec_printf(d, "%s/%u", name ? name : inet_ntop(AF_INET6, a, buf, sizeof buf), plen);
}

/* A prefix length as printed: IPv4 ones (AE 1) count the mapped 96 bits. */
static unsigned plen_of(const uint8_t *m, unsigned v)
{
	return (v + (m[2] == 1 ? 96u : 0u)) & 0xff;
}

static void interval(struct dec_ctx *d, unsigned i)
{
	if (i == 0)
		dec_printf(d, "0.0s (bogus)");
	else
		dec_printf(d, "%u.%02us", i / 100, i % 100);
}

static void interval_update(struct dec_ctx *d, unsigned i)
{
	if (i == 0xffff)
		dec_printf(d, "infinity");
	else
		interval(d, i);
}

static void timestamp(struct dec_ctx *d, uint32_t t)
{
	dec_printf(d, "%u.%06us", t / 1000000, t % 1000000);
}

/* A prefix of address encoding ae and plen bits (-1: a whole address) at
 * p, omitted leading bytes taken from dp, into out; the bytes it takes
 * from p, or -1 for an encoding error. */
static int net_prefix(unsigned ae, int plen, unsigned omitted, const uint8_t *p, const uint8_t *dp, size_t len,
		      uint8_t out[16])
{
	unsigned pb = plen >= 0 ? ((unsigned)plen + 7) / 8 : ae == 1 ? 4 : 16;
	uint8_t pre[16];
	int took = 0;
	if (pb > 16)
		return -1;
	memset(pre, 0, sizeof pre);
	switch (ae) {
	case 0:
		break;
	case 1:
		if (omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted))
			return -1;
		memcpy(pre, v4prefix, 12);
		if (omitted) {
			if (!dp)
				return -1;
			memcpy(pre, dp, 12 + omitted);
		}
		if (pb > omitted) {
			memcpy(pre + 12 + omitted, p, pb - omitted);
			took = (int)(pb - omitted);
		}
		break;
	case 2:
		if (omitted > 16 || (pb > omitted && len < pb - omitted))
			return -1;
		if (omitted) {
			if (!dp)
				return -1;
			memcpy(pre, dp, omitted);
		}
		if (pb > omitted) {
			memcpy(pre + omitted, p, pb - omitted);
			took = (int)(pb - omitted);
		}
		break;
	case 3:
		if (pb > 8 && len < pb - 8)
			return -1;
		pre[0] = 0xfe;
		pre[1] = 0x80;
		if (pb > 8) {
			memcpy(pre + 8, p, pb - 8);
			took = (int)(pb - 8);
		}
		break;
	default:
		return -1;
	}
	memcpy(out, pre, 16);
	return took;
}

/* Sub-TLVs from p to e (inside a captured TLV) of a TLV of type tlv. */
static void subtlvs(struct dec_ctx *d, const uint8_t *p, const uint8_t *e, unsigned tlv)
{
	while (p < e) {
		unsigned type = *p++;
		if (type == 0) {
			dec_printf(d, " sub-pad1");
			continue;
		}
		if (type & 0x80)
			dec_printf(d, " (M)");
		if (p == e || p + 1 + *p > e) {
			dec_printf(d, " (invalid)");
			return;
		}
		unsigned len = *p++;
		if (type == 1)
			dec_printf(d, " sub-padn");
		else if (type == 2) {
			dec_printf(d, " sub-diversity");
			if (!len)
				dec_printf(d, " empty");
			for (unsigned i = 0; i < len; i++) {
				dec_printf(d, i ? "-" : " ");
				if (p[i] == 0 || p[i] == 255)
					dec_printf(d, "%s", p[i] ? "all" : "reserved");
				else
					dec_printf(d, "%u", p[i]);
			}
			if (len && tlv != 8 && tlv != 13)
				dec_printf(d, " (bogus)");
		} else if (type == 3) {
			dec_printf(d, " sub-timestamp");
			if ((tlv == 4 && len < 4) || (tlv == 5 && len < 8)) {
				dec_printf(d, " (invalid)");
				return;
			}
			if (tlv == 4 || tlv == 5) {
				dec_printf(d, " ");
				timestamp(d, dec_get_be32(p));
			}
			if (tlv == 5) {
				dec_printf(d, "|");
				timestamp(d, dec_get_be32(p + 4));
			}
			if (tlv != 4 && tlv != 5)
				dec_printf(d, " (bogus)");
		} else
			dec_printf(d, " sub-unknown-0x%02x", type);
		p += len;
	}
}

/* The state of one run of TLVs: the last Update prefixes, for the
 * compressed ones that follow. */
struct babel_run {
	uint8_t v4[16], v6[16];
};

static int update(struct dec_ctx *d, struct babel_run *r, const uint8_t *m, unsigned len)
{
	uint8_t pre[16];
	dec_printf(d, "\n\tUpdate");
	if (len < 10)
		return BABEL_INVALID;
	unsigned ae = m[2], flags = m[3];
	int rc = net_prefix(ae, m[4], m[5], m + 12, ae == 1 ? r->v4 : r->v6, len - 10, pre);
	if (rc < 0)
		return BABEL_INVALID;
	dec_printf(d, "%s%s%s ", flags & 0x80 ? "/prefix" : "", flags & 0x40 ? "/id" : "", flags & 0x3f ? "/unknown" : "");
	if (ae == 0)
		dec_printf(d, "any");
	else
		babel_prefix(d, pre, plen_of(m, m[4]));
	dec_printf(d, " metric %u seqno %u interval ", dec_get_be16(m + 10), dec_get_be16(m + 8));
	interval_update(d, dec_get_be16(m + 6));
	if (flags & 0x80)
		memcpy(ae == 1 ? r->v4 : r->v6, pre, 16);
	if ((unsigned)rc < len - 10)
		subtlvs(d, m + 12 + rc, m + 2 + len, 8);
	return BABEL_OK;
}

/* The source-specific TLVs (13 to 15): at least min bytes, then the
 * prefix and the source prefix from m + 2 + min; how many bytes were
 * parsed, -1 when malformed. */
static int ss_prefixes(const uint8_t *m, unsigned len, unsigned min, unsigned plen, unsigned omitted,
		       const uint8_t *dp, uint8_t pre[16], unsigned splen, uint8_t src[16])
{
	if (len < min)
		return -1;
	int rc = net_prefix(m[2], (int)plen, omitted, m + 2 + min, dp, len - min, pre);
	if (rc < 0)
		return -1;
	unsigned at = min + (unsigned)rc;
	rc = net_prefix(m[2], (int)splen, 0, m + 2 + at, NULL, len - at, src);
	return rc < 0 ? -1 : (int)(at + (unsigned)rc);
}

/* "PREFIX<sep>SOURCE" of a source-specific TLV. */
static void prefix_pair(struct dec_ctx *d, const uint8_t *m, const uint8_t *a, unsigned plen, const char *sep,
			const uint8_t *s, unsigned splen)
{
	babel_prefix(d, a, plen_of(m, plen));
	dec_printf(d, "%s", sep);
	babel_prefix(d, s, plen_of(m, splen));
}

/* A TLV's label; 0 when it is shorter than its fixed part (tcpdump prints
 * the label first). */
static int head(struct dec_ctx *d, const char *label, unsigned len, unsigned min)
{
	dec_printf(d, "%s", label);
	return len >= min;
}

static int tlv_v(struct dec_ctx *d, struct babel_run *r, unsigned type, const uint8_t *m, unsigned len)
{
	uint8_t a[16], s[16];
	int rc;
	switch (type) {
	case 1:
		dec_printf(d, "\n\tPad %u", len + 2);
		return BABEL_OK;
	case 2:
		if (!head(d, "\n\tAcknowledgment Request ", len, 6))
			return BABEL_INVALID;
		dec_printf(d, "%04x ", dec_get_be16(m + 4));
		interval(d, dec_get_be16(m + 6));
		return BABEL_OK;
	case 3:
		if (!head(d, "\n\tAcknowledgment ", len, 2))
			return BABEL_INVALID;
		dec_printf(d, "%04x", dec_get_be16(m + 2));
		return BABEL_OK;
	case 4:
		if (!head(d, "\n\tHello ", len, 6))
			return BABEL_INVALID;
		if (dec_get_be16(m + 2) & 0x8000)
			dec_printf(d, "(Unicast) ");
		dec_printf(d, "seqno %u ", dec_get_be16(m + 4));
		if (dec_get_be16(m + 6)) {
			dec_printf(d, "interval ");
			interval(d, dec_get_be16(m + 6));
		} else
			dec_printf(d, "unscheduled");
		if (len > 6)
			subtlvs(d, m + 8, m + 2 + len, type);
		return BABEL_OK;
	case 5:
		if (!head(d, "\n\tIHU ", len, 6))
			return BABEL_INVALID;
		rc = net_prefix(m[2], -1, 0, m + 8, NULL, len - 6, a);
		if (rc < 0) {
			dec_printf(d, " [|babel]"); /* tcpdump's marker, and on */
			return BABEL_OK;
		}
		if (m[2] == 0)
			dec_printf(d, "any");
		else
			babel_addr(d, a);
		dec_printf(d, " rxcost %u interval ", dec_get_be16(m + 4));
		interval(d, dec_get_be16(m + 6));
		if ((unsigned)rc < len - 6)
			subtlvs(d, m + 8 + rc, m + 2 + len, type);
		return BABEL_OK;
	case 6:
		if (!head(d, "\n\tRouter Id", len, 10))
			return BABEL_INVALID;
		dec_printf(d, " ");
		babel_id(d, m + 4);
		return BABEL_OK;
	case 7:
		dec_printf(d, "\n\tNext Hop");
		if (len < 2 || net_prefix(m[2], -1, 0, m + 4, NULL, len - 2, a) < 0)
			return BABEL_INVALID;
		dec_printf(d, " ");
		if (m[2] == 0)
			dec_printf(d, "invalid AE 0");
		else
			babel_addr(d, a);
		return BABEL_OK;
	case 8:
		return update(d, r, m, len);
	case 9:
		dec_printf(d, "\n\tRoute Request ");
		if (len < 2 || net_prefix(m[2], m[3], 0, m + 4, NULL, len - 2, a) < 0)
			return BABEL_INVALID;
		dec_printf(d, "for ");
		if (m[2] == 0)
			dec_printf(d, "any");
		else
			babel_prefix(d, a, plen_of(m, m[3]));
		return BABEL_OK;
	case 10:
		dec_printf(d, "\n\tSeqno Request ");
		if (len < 14 || net_prefix(m[2], m[3], 0, m + 16, NULL, len - 14, a) < 0)
			return BABEL_INVALID;
		dec_printf(d, "(%u hops) for ", m[6]);
		if (m[2] == 0)
			dec_printf(d, "invalid AE 0");
		else
			babel_prefix(d, a, plen_of(m, m[3]));
		dec_printf(d, " seqno %u id ", dec_get_be16(m + 4));
		babel_id(d, m + 8);
		return BABEL_OK;
	case 11:
		if (!head(d, "\n\tTS/PC ", len, 6))
			return BABEL_INVALID;
		dec_printf(d, "timestamp %u packetcounter %u", dec_get_be32(m + 4), dec_get_be16(m + 2));
		return BABEL_OK;
	case 12:
		if (!head(d, "\n\tHMAC ", len, 18))
			return BABEL_INVALID;
		dec_printf(d, "key-id %u digest-%u ", dec_get_be16(m + 2), len - 2);
		for (unsigned j = 0; j < len - 2; j++) /* tcpdump reads 2 past the TLV */
			dec_printf(d, "%02X", dec_u8(d, m + j + 4));
		return BABEL_OK;
	case 13:
		dec_printf(d, "\n\tSS-Update");
		if (len < 10) /* before the fields are read for the call */
			return BABEL_INVALID;
		rc = ss_prefixes(m, len, 10, m[4], m[5], m[2] == 1 ? r->v4 : r->v6, a, m[3], s);
		if (rc < 0)
			return BABEL_INVALID;
		dec_printf(d, " ");
		prefix_pair(d, m, a, m[4], " from ", s, m[3]);
		dec_printf(d, " metric %u seqno %u interval ", dec_get_be16(m + 10), dec_get_be16(m + 8));
		interval_update(d, dec_get_be16(m + 6));
		if ((unsigned)rc < len)
			subtlvs(d, m + 2 + rc, m + 2 + len, type);
		return BABEL_OK;
	case 14:
		dec_printf(d, "\n\tSS-Request ");
		if (len < 3 || ss_prefixes(m, len, 3, m[3], 0, NULL, a, m[4], s) < 0)
			return BABEL_INVALID;
		if (m[2] == 0) {
			dec_printf(d, "for any");
			return BABEL_OK;
		}
		dec_printf(d, "for (");
		prefix_pair(d, m, a, m[3], ", ", s, m[4]);
		dec_printf(d, ")");
		return BABEL_OK;
	case 15:
		dec_printf(d, "\n\tSS-MH-Request ");
		if (len < 14 || ss_prefixes(m, len, 14, m[3], 0, NULL, a, m[7], s) < 0)
			return BABEL_INVALID;
		dec_printf(d, "(%u hops) for (", m[6]);
		prefix_pair(d, m, a, m[3], ", ", s, m[7]);
		dec_printf(d, ") seqno %u id ", dec_get_be16(m + 4));
		babel_id(d, m + 8);
		return BABEL_OK;
	case 16:
		dec_printf(d, "\n\tMAC len %u", len);
		return BABEL_OK;
	case 17:
		if (!head(d, "\n\tPC", len, 4))
			return BABEL_INVALID;
		dec_printf(d, " value %u index len %u", dec_get_be32(m + 2), len - 4);
		return BABEL_OK;
	case 18: case 19:
		dec_printf(d, type == 18 ? "\n\tChallenge Request" : "\n\tChallenge Reply");
		if (len > 192)
			return BABEL_INVALID;
		dec_printf(d, " len %u", len);
		return BABEL_OK;
	}
	dec_printf(d, "\n\tUnknown message type %u", type);
	return BABEL_OK;
}

/* The TLVs of n bytes at p (room: what the packet still holds). */
static int tlvs(struct dec_ctx *d, const uint8_t *p, size_t n, size_t room)
{
	struct babel_run r;
	memcpy(r.v4, v4prefix, 16);
	memset(r.v6, 0, 16);
	for (size_t i = 0; i < n;) {
		const uint8_t *m = p + i;
		if (i + 1 > n || i + 1 > room)
			return BABEL_INVALID;
		unsigned type = dec_u8(d, m);
		if (type == 0) {
			dec_printf(d, d->o.vflag ? "\n\tPad 1" : " pad1");
			i++;
			continue;
		}
		if (i + 2 > n || i + 2 > room)
			return BABEL_INVALID;
		dec_need_ret(d, m, 2);
		unsigned len = m[1];
		if (i + 2 + len > n || i + 2 + len > room)
			return BABEL_INVALID;
		dec_need_ret(d, m, 2 + len);
		if (!d->o.vflag) {
			if (type == 8) {
				dec_printf(d, " update");
				if (len < 10)
					return BABEL_INVALID;
				dec_printf(d, "%s%s%s", m[3] & 0x80 ? "/prefix" : "", m[3] & 0x40 ? "/id" : "",
					   m[3] & 0x3f ? "/unknown" : "");
			} else
				dec_printf(d, "%s", dec_tok(babel_words, type, " unknown"));
		} else if (tlv_v(d, &r, type, m, len) != BABEL_OK)
			return BABEL_INVALID;
		i += len + 2u;
	}
	return BABEL_OK;
}

void dec_babel(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "babel";
	dec_printf(d, "babel");
	dec_need_ret(d, p, 4); /* tcpdump's checks end at its trunc label (the
				  printer returns), its field reads jump out */
	if (p[0] != 42) {
		dec_printf(d, " invalid header");
		return;
	}
	dec_printf(d, " %u", p[1]);
	if (p[1] != 2) {
		dec_printf(d, " unknown version");
		return;
	}
	if (len < 4) {
		dec_printf(d, " (invalid)");
		return;
	}
	unsigned body = dec_get_be16(p + 2);
	dec_printf(d, " (%u)", body);
	len -= 4;
	p += 4;
	if (len < body || tlvs(d, p, body, len) != BABEL_OK) {
		dec_printf(d, " (invalid)");
		return;
	}
	if (len > body) { /* a trailer */
		dec_printf(d, d->o.vflag ? "\n\t----" : " |");
		if (tlvs(d, p + body, len - body, len - body) != BABEL_OK)
			dec_printf(d, " (invalid)");
	}
}
