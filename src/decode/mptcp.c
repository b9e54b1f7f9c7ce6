/* mptcp.c: the Multipath TCP option (RFC 8684, kind 30) inside TCP's
 * options list: " LEN SUBTYPE details", as tcpdump 4.99 prints it:
 * "mptcp 12 capable v1 {0x...}", "dss ack N seq N subseq N len N csum 0x..",
 * "join id N token 0x.. nonce 0x..", "add-addr v1 id N ADDR[:PORT] [hmac]",
 * "rem-addr id N...", "prio [non-]backup [id N]", "fail seq N",
 * "fast-close key 0x..", anything else "unknown".  A length that does not
 * fit the subtype makes the caller print "[bad opt]" (return 0). */
#include <inttypes.h>

#include "decode/dec.h"

enum { MP_SYN = 0x02, MP_ACK = 0x10 }; /* TCP flags the subtypes depend on */

static uint64_t be64(struct dec_ctx *d, const uint8_t *p)
{
	return (uint64_t)dec_be32(d, p) << 32 | dec_be32(d, p + 4);
}

/* MP_CAPABLE (RFC 8684 3.1): 4 (SYN, v1), 12 (SYN, SYN/ACK, ACK), 20 (ACK)
 * or 22 (ACK with a data length) bytes. */
static int capable(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	int syn_ok = (len == 12 || len == 4) && (flags & MP_SYN);
	int ack_ok = (len == 12 || len >= 20) && (flags & (MP_SYN | MP_ACK)) == MP_ACK;
	if (!syn_ok && !ack_ok)
		return 0;
	unsigned v = dec_u8(d, o + 2) & 0xf;
	if (v > 1) {
		dec_printf(d, " Unknown Version (%u)", v);
		return 1;
	}
	dec_printf(d, " v%u", v);
	if (dec_u8(d, o + 3) & 0x80)
		dec_printf(d, " csum");
	if (len == 12 || len >= 20) {
		dec_printf(d, " {0x%" PRIx64, be64(d, o + 4));
		if (len >= 20)
			dec_printf(d, ",0x%" PRIx64, be64(d, o + 12));
		dec_printf(d, "}");
	}
	return 1;
}

/* MP_JOIN (3.2): 12 bytes on SYN, 16 on SYN/ACK, 24 on the third ACK. */
static int join(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	if (!(len == 12 && (flags & MP_SYN)) &&
	    !(len == 16 && (flags & (MP_SYN | MP_ACK)) == (MP_SYN | MP_ACK)) &&
	    !(len == 24 && (flags & MP_ACK)))
		return 0;
	if (len != 24) {
		if (dec_u8(d, o + 2) & 0x01)
			dec_printf(d, " backup");
		dec_printf(d, " id %u", dec_u8(d, o + 3));
	}
	if (len == 12)
		dec_printf(d, " token 0x%x nonce 0x%x", dec_be32(d, o + 4), dec_be32(d, o + 8));
	else if (len == 16)
		dec_printf(d, " hmac 0x%" PRIx64 " nonce 0x%x", be64(d, o + 4), dec_be32(d, o + 12));
	else {
		dec_printf(d, " hmac 0x");
		for (unsigned i = 0; i < 20; i++)
			dec_printf(d, "%02x", dec_u8(d, o + 4 + i));
	}
	return 1;
}

/* A 4- or 8-byte number, as the flag says; 0 if it does not fit. */
static int number(struct dec_ctx *d, const uint8_t **o, unsigned *len, int wide)
{
	unsigned n = wide ? 8 : 4;
	if (*len < n)
		return 0;
	if (wide)
		dec_printf(d, "%" PRIu64, be64(d, *o));
	else
		dec_printf(d, "%u", dec_be32(d, *o));
	*o += n;
	*len -= n;
	return 1;
}

/* DSS (3.3): flags F (DATA_FIN) 0x10, m (8-byte DSN) 0x08, M (mapping
 * present) 0x04, a (8-byte ack) 0x02, A (ack present) 0x01. */
static int dss(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	if (len < 4 || (flags & MP_SYN))
		return 0;
	unsigned f = dec_u8(d, o + 3);
	if (f & 0x10)
		dec_printf(d, " fin");
	o += 4;
	len -= 4;
	if (f & 0x01) {
		dec_printf(d, " ack ");
		if (!number(d, &o, &len, f & 0x02))
			return 0;
	}
	if (f & 0x04) {
		dec_printf(d, " seq ");
		if (!number(d, &o, &len, f & 0x08))
			return 0;
		if (len < 4)
			return 0;
		dec_printf(d, " subseq %u", dec_be32(d, o));
		o += 4, len -= 4;
		if (len < 2)
			return 0;
		dec_printf(d, " len %u", dec_be16(d, o));
		o += 2, len -= 2;
		if (len >= 2) { /* the checksum, when negotiated */
			dec_printf(d, " csum 0x%x", dec_be16(d, o));
			len -= 2;
		}
	}
	return len == 0;
}

/* ADD_ADDR (3.4.1): the length says the family, port and HMAC. */
static int add_addr(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	(void)flags;
	static const struct dec_tok echo[] = {
		{ 0x6, "v0-ip6" }, { 0x4, "v0-ip4" }, { 0x1, "v1-echo" }, { 0x0, "v1" }, { 0, NULL },
	};
	int v4 = len == 8 || len == 10 || len == 16 || len == 18;
	int v6 = len == 20 || len == 22 || len == 28 || len == 30;
	if (!v4 && !v6)
		return 0;
	dec_printf(d, " %s", dec_tok(echo, dec_u8(d, o + 2) & 0xf, "[bad version/echo]"));
	dec_printf(d, " id %u ", dec_u8(d, o + 3));
	const uint8_t *a = o + 4, *after = a + (v4 ? 4 : 16);
	if (v4)
		dec_ip4addr(d, a);
	else
		dec_ip6addr(d, a);
	int port = len == 10 || len == 18 || len == 22 || len == 30;
	if (port)
		dec_printf(d, ":%u", dec_be16(d, after));
	if (len == 16 || len == 18 || len == 28 || len == 30)
		dec_printf(d, " hmac 0x%" PRIx64, be64(d, after + (port ? 2 : 0)));
	return 1;
}

static int remove_addr(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	(void)flags;
	if (len < 4)
		return 0;
	dec_printf(d, " id");
	for (unsigned i = 3; i < len; i++)
		dec_printf(d, " %u", dec_u8(d, o + i));
	return 1;
}

static int prio(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	(void)flags;
	if (len != 3 && len != 4)
		return 0;
	dec_printf(d, "%s", (dec_u8(d, o + 2) & 0x01) ? " backup" : " non-backup");
	if (len == 4)
		dec_printf(d, " id %u", dec_u8(d, o + 3));
	return 1;
}

/* MP_FAIL's data sequence number and MP_FASTCLOSE's key: 64 bits after
 * two reserved bytes. */
static int fail_or_close(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	(void)flags;
	if (len != 12)
		return 0;
	uint64_t v = be64(d, o + 4);
	if (dec_u8(d, o + 2) >> 4 == 6) /* MP_FAIL */
		dec_printf(d, " seq %" PRIu64, v);
	else
		dec_printf(d, " key 0x%" PRIx64, v);
	return 1;
}

static int unknown(struct dec_ctx *d, const uint8_t *o, unsigned len, unsigned flags)
{
	(void)d, (void)o, (void)len, (void)flags;
	return 1;
}

/* Subtypes 0-7 (RFC 8684 Table 1 and its IANA registry); tcpdump 4.99
 * prints 8 (MP_TCPRST) and above as "unknown". */
static const struct {
	const char *name;
	int (*print)(struct dec_ctx *, const uint8_t *, unsigned, unsigned);
} subtypes[] = {
	{ "capable", capable }, { "join", join }, { "dss", dss }, { "add-addr", add_addr },
	{ "rem-addr", remove_addr }, { "prio", prio }, { "fail", fail_or_close },
	{ "fast-close", fail_or_close }, { "unknown", unknown },
};

int dec_mptcp(struct dec_ctx *d, const uint8_t *opt, unsigned len, unsigned tcpflags)
{
	if (len < 3)
		return 0;
	unsigned sub = dec_u8(d, opt + 2) >> 4;
	if (sub > 8)
		sub = 8;
	dec_printf(d, " %u %s", len, subtypes[sub].name);
	return subtypes[sub].print(d, opt, len, tcpflags & 0xff);
}
