/* dccp.c: DCCP (RFC 4340), as tcpdump 4.99 prints it:
 *
 *   SRC.PORT > DST.PORT: DCCP[ (CCVal C, CsCov V, cksum 0x.... (correct))] TYPE[ (service=N)|(code=..)] [(ack=N) ][seq N <options>]
 *
 * The checksum with -v (over the pseudo-header and the coverage CsCov
 * says), the sequence number and the options with -vv; -q prints only
 * the payload length.  Sequence and acknowledgment numbers are 48 bits
 * with the X bit, 24 without. */
#include <inttypes.h>

#include "decode/dec.h"

#define DCCP_HDR 12
#define DCCP_HDR_EXT 16

enum { DCCP_REQUEST, DCCP_RESPONSE, DCCP_DATA, DCCP_ACK, DCCP_DATAACK, DCCP_CLOSEREQ, DCCP_CLOSE, DCCP_RESET,
       DCCP_SYNC, DCCP_SYNCACK, DCCP_NTYPES };

static const char *const type_names[DCCP_NTYPES] = {
	"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck", "DCCP-CloseReq", "DCCP-Close",
	"DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck",
};
/* What each type adds to the generic header (RFC 4340 5.2-5.6). */
static const unsigned type_extra[DCCP_NTYPES] = { 4, 12, 0, 8, 8, 8, 8, 12, 8, 8 };

static const char *const reset_codes[] = {
	"unspecified", "closed", "aborted", "no_connection", "packet_error", "option_error", "mandatory_error",
	"connection_refused", "bad_service_code", "too_busy", "bad_init_cookie", "aggression_penalty",
};

static const char *const features[] = {
	"reserved", "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable", "ack_ratio",
	"send_ack_vector", "send_ndp_count", "minimum checksum coverage", "check data checksum",
};

static const struct dec_tok options[] = {
	{ 0, "nop" }, { 1, "mandatory" }, { 2, "slowreceiver" }, { 32, "change_l" }, { 33, "confirm_l" },
	{ 34, "change_r" }, { 35, "confirm_r" }, { 36, "initcookie" }, { 37, "ndp_count" }, { 38, "ack_vector0" },
	{ 39, "ack_vector1" }, { 40, "data_dropped" }, { 41, "timestamp" }, { 42, "timestamp_echo" },
	{ 43, "elapsed_time" }, { 44, "data_checksum" }, { 0, NULL },
};

/* One option (RFC 4340 5.8); its length, 0 to stop. */
static unsigned option(struct dec_ctx *d, const uint8_t *o, unsigned hlen)
{
	unsigned type = dec_u8(d, o), olen = 1;
	if (type >= 32) {
		olen = dec_u8(d, o + 1);
		if (olen < 2) {
			if (type >= 128)
				dec_printf(d, "CCID option %u optlen too short", type);
			else
				dec_tokf(d, options, type, "Option %u"), dec_printf(d, " optlen too short");
			return 0;
		}
	}
	if (hlen < olen) {
		if (type >= 128)
			dec_printf(d, "CCID option %u optlen goes past header length", type);
		else
			dec_tokf(d, options, type, "Option %u"), dec_printf(d, " optlen goes past header length");
		return 0;
	}
	if (!dec_has(d, o, olen)) {
		dec_printf(d, " [|dccp]");
		return 0;
	}
	if (type >= 128) {
		dec_printf(d, "CCID option %u", type);
		if (olen == 4)
			dec_printf(d, " %u", dec_get_be16(o + 2));
		else if (olen == 6)
			dec_printf(d, " %u", dec_get_be32(o + 2));
		return olen;
	}
	dec_tokf(d, options, type, "Option %u");
	switch (type) {
	case 32: case 33: case 34: case 35:
		if (olen < 3) {
			dec_printf(d, " optlen too short");
			return olen;
		}
		if (o[2] < sizeof features / sizeof features[0]) {
			dec_printf(d, " %s", features[o[2]]);
			for (unsigned i = 3; i < olen; i++)
				dec_printf(d, " %u", o[i]);
		}
		break;
	case 36: case 38: case 39: case 40: case 44:
		if (olen > 2) {
			dec_printf(d, type == 44 ? " " : " 0x");
			for (unsigned i = 2; i < olen; i++)
				dec_printf(d, "%02x", o[i]);
		}
		break;
	case 37:
		for (unsigned i = 2; i < olen; i++)
			dec_printf(d, " %u", o[i]);
		break;
	case 41:
		if (olen == 6)
			dec_printf(d, " %u", dec_get_be32(o + 2));
		else
			dec_printf(d, " [optlen != 6]");
		break;
	case 42:
		if (olen == 6 || olen == 8 || olen == 10)
			dec_printf(d, " %u", dec_get_be32(o + 2));
		if (olen == 8)
			dec_printf(d, " (elapsed time %u)", dec_get_be16(o + 6));
		else if (olen == 10)
			dec_printf(d, " (elapsed time %u)", dec_get_be32(o + 6));
		else if (olen != 6)
			dec_printf(d, " [optlen != 6 or 8 or 10]");
		break;
	case 43:
		if (olen == 6)
			dec_printf(d, " %u", dec_get_be32(o + 2));
		else if (olen == 4)
			dec_printf(d, " %u", dec_get_be16(o + 2));
		else
			dec_printf(d, " [optlen != 4 or 6]");
		break;
	}
	return olen;
}

static uint64_t be48(struct dec_ctx *d, const uint8_t *p)
{
	return (uint64_t)dec_be16(d, p) << 32 | dec_be32(d, p + 2);
}

static uint16_t cksum(const struct dec_net *n, const uint8_t *p, size_t len, unsigned cscov)
{
	size_t cov = len;
	if (cscov) {
		cov = ((size_t)p[4] + cscov - 1) * 4;
		if (cov > len)
			cov = len;
	}
	uint32_t acc;
	if (n->v6) {
		acc = dec_sum(n->src, 16, 0);
		acc = dec_sum(n->dst, 16, acc);
		acc += (uint32_t)(len >> 16) + (uint32_t)(len & 0xffff) + PROTO_IP_DCCP;
	} else
		acc = dec_sum(n->iph + 12, 8, 0) + PROTO_IP_DCCP + (uint32_t)len;
	return dec_fold(dec_sum(p, cov, acc));
}

void dec_dccp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	d->proto = "dccp";
	if (!dec_has(d, p, DCCP_HDR))
		dec_trunc_ret(d);
	if (len < DCCP_HDR) {
		dec_printf(d, "truncated-dccp - %u bytes missing!", (unsigned)(DCCP_HDR - len));
		return;
	}
	int x = p[8] & 1;
	unsigned fixed = x ? DCCP_HDR_EXT : DCCP_HDR;
	if (len < fixed) {
		dec_printf(d, "truncated-dccp - %u bytes missing!", (unsigned)(fixed - len));
		return;
	}
	dec_need_ret(d, p, fixed);
	unsigned hlen = p[4] * 4u, type = (p[8] >> 1) & 0x0f, cscov = p[5] & 0x0f;
	dec_netaddr(d, n, n->v6 ? n->iph + 8 : n->iph + 12);
	dec_printf(d, ".%u > ", dec_get_be16(p));
	dec_netaddr(d, n, n->v6 ? n->iph + 24 : n->iph + 16);
	dec_printf(d, ".%u: DCCP", dec_get_be16(p + 2));
	if (d->o.qflag) {
		dec_printf(d, " %u", (unsigned)(len - hlen)); /* tcpdump's u_int */
		if (hlen > len)
			dec_printf(d, " [bad hdr length %u - too long, > %zu]", hlen, len);
		return;
	}
	if (d->o.vflag) {
		dec_printf(d, " (CCVal %u, CsCov %u", p[5] >> 4, cscov);
		if (dec_has(d, p, len)) {
			unsigned field = dec_get_be16(p + 6);
			uint16_t sum = cksum(n, p, len, cscov);
			dec_printf(d, ", cksum 0x%04x ", field);
			if (sum)
				dec_printf(d, "(incorrect -> 0x%04x)", dec_shouldbe((uint16_t)field, sum));
			else
				dec_printf(d, "(correct)");
		}
		dec_printf(d, ")");
	}
	dec_printf(d, " ");
	if (type < DCCP_NTYPES) {
		fixed += type_extra[type];
		if (len < fixed) {
			dec_printf(d, "truncated-%s - %u bytes missing!", type_names[type], (unsigned)(fixed - len));
			return;
		}
		const uint8_t *q = p + fixed - type_extra[type];
		if (type == DCCP_REQUEST || type == DCCP_RESPONSE) {
			dec_need_ret(d, q, type_extra[type]);
			dec_printf(d, "%s (service=%u) ", type_names[type], dec_be32(d, q + type_extra[type] - 4));
		} else if (type == DCCP_RESET) {
			dec_need_ret(d, q, 12);
			unsigned code = q[8];
			dec_printf(d, "%s (code=%s) ", type_names[type],
				   code < sizeof reset_codes / sizeof reset_codes[0] ? reset_codes[code] : "invalid");
		} else
			dec_printf(d, "%s ", type_names[type]);
	} else
		dec_printf(d, "unknown-type-%u ", type);
	if (type != DCCP_DATA && type != DCCP_REQUEST) {
		const uint8_t *ack = p + (x ? DCCP_HDR_EXT : DCCP_HDR);
		uint64_t a = x ? be48(d, ack + 2) : dec_be32(d, ack) & 0xffffff;
		dec_printf(d, "(ack=%" PRIu64 ") ", a);
	}
	if (d->o.vflag < 2)
		return;
	dec_printf(d, "seq %" PRIu64, x ? be48(d, p + 10) : (uint64_t)(dec_be32(d, p + 8) & 0xffffff));
	if (hlen <= fixed)
		return;
	const uint8_t *o = p + fixed;
	hlen -= fixed;
	dec_printf(d, " <");
	for (;;) {
		unsigned olen = option(d, o, hlen);
		if (!olen || hlen <= olen)
			break;
		hlen -= olen;
		o += olen;
		dec_printf(d, ", ");
	}
	dec_printf(d, ">");
}
