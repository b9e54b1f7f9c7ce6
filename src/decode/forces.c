/* forces.c: ForCES (RFC 5810) messages in SCTP DATA chunks on the ForCES
 * ports, as tcpdump 4.99 prints them: the message type on a line of its
 * own,
 *
 *   	ForCES Config
 *
 * with -v the common header (version, length, flags, source and
 * destination ids and the correlator), with -vv the flags spelled out.
 * The TLVs tcpdump prints with -vvv are not decoded here: the line stops
 * before the flags (handoff). */
#include "decode/dec.h"

#define FORCES_HDR 24 /* version, type, length in words, ids, correlator, flags */

/* The message types tcpdump names; the others it calls valid print as
 * unknown, the rest as invalid. */
static const struct dec_tok forces_types[] = {
	{ 0x01, "Association Setup" }, { 0x02, "Association TearDown" }, { 0x03, "Config" }, { 0x04, "Query" },
	{ 0x05, "Event Notification" }, { 0x06, "Packet Redirect" }, { 0x0f, "HeartBeat" },
	{ 0x11, "Association Response" }, { 0x13, "Config Response" }, { 0x14, "Query Response" }, { 0, NULL },
};
/* The flag fields of RFC 5810 section 6.1: names by value. */
static const char *const acks[] = { "NoACK", "SuccessACK", "FailureACK", "AlwaysACK" };
static const char *const ems[] = { "EMReserved", "execute-all-or-none", "execute-until-failure",
				   "continue-execute-on-failure" };
static const char *const ats[] = { "Standalone", "2PCtransaction" };
static const char *const tps[] = { "StartofTransaction", "MiddleofTransaction", "EndofTransaction", "abort" };

static int type_valid(unsigned t)
{
	return t > 0 && !(t >= 0x07 && t <= 0x0e) && t != 0x10 && t <= 0x14;
}

/* What kind of node an id names (section 4.3.1.1). */
static const char *node(uint32_t id)
{
	if (id <= 0x3fffffff)
		return "FE";
	if (id <= 0x7fffffff)
		return "CE";
	if (id >= 0xc0000000 && id <= 0xffffffef)
		return "AllMulticast";
	return id == 0xffffffff ? "AllBroadcast" : "ForCESreserved";
}

/* tcpdump's dump of a message it rejects: the bytes in hex between
 * brackets. */
static void reject(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t n = dec_avail(d, p, len);
	if (n == len) {
		dec_hexlines(d, "\n\t[", p, n);
		dec_printf(d, "\n\t]");
		return;
	}
	/* tcpdump reads each pair before printing it, and prints a line's
	 * offset before its first pair */
	n &= ~(size_t)1;
	dec_hexlines(d, "\n\t[", p, n);
	if (n % 16 == 0)
		dec_printf(d, "\n\t[0x%04zx: ", n);
	dec_trunc(d);
}

/* Which top-level TLVs a message type carries (tcpdump's table). */
enum { TTLV_NONE = 0x01, TTLV_ONE_MORE = 0x02, TTLV_ZERO_MORE = 0x04 };
static unsigned ttlv_flags(unsigned type)
{
	switch (type) {
	case 0x01:
		return TTLV_ZERO_MORE | 0x20;
	case 0x0f:
		return TTLV_NONE;
	case 0x02: case 0x05: case 0x11:
		return TTLV_ONE_MORE | 0x10;
	}
	return TTLV_ONE_MORE | 0xf0;
}

/* The header's fields (-v) and flags (-vv) on lines of their own; the
 * flags wait when TLVs follow at -vvv (not decoded here). */
static void header(struct dec_ctx *d, const uint8_t *p, unsigned mlen, int tlvs)
{
	uint32_t flags = dec_get_be32(p + 20), src = dec_get_be32(p + 4), dst = dec_get_be32(p + 8);
	dec_printf(d, "\n\tForCES Version %u len %uB flags 0x%08x ", p[0] >> 4, mlen, flags);
	dec_printf(d, "\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%llx", src, node(src), dst, node(dst),
		   (unsigned long long)dec_get_be32(p + 12) << 32 | dec_get_be32(p + 16));
	if (d->o.vflag < 2 || (tlvs && d->o.vflag > 2))
		return;
	dec_printf(d, "\n\tForCES flags:\n\t  %s(0x%x), prio=%u, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n", acks[flags >> 30],
		   flags >> 30, (flags >> 27) & 7, ems[(flags >> 22) & 3], (flags >> 22) & 3, ats[(flags >> 21) & 1],
		   (flags >> 21) & 1, tps[(flags >> 19) & 3], (flags >> 19) & 3);
	dec_printf(d, "\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", (flags >> 24) & 7, flags & 0x7ffff);
}

void dec_forces(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "forces";
	dec_need_ret(d, p, FORCES_HDR);
	unsigned type = p[1], mlen = dec_get_be16(p + 2) * 4u;
	const char *name = dec_tok(forces_types, type, NULL);
	if (!type_valid(type)) {
		dec_printf(d, "Invalid ForCES message type %u\n", type);
		reject(d, p, len);
		return;
	}
	if (!name) {
		dec_printf(d, "\n\tUnknown ForCES message type=0x%x", type);
		reject(d, p, len);
		return;
	}
	dec_printf(d, "\n\tForCES %s ", name);
	if (len < FORCES_HDR || mlen < FORCES_HDR || mlen != len) {
		dec_printf(d, "Illegal ForCES pkt len - min %u, total recvd %zu, advertised %u ", FORCES_HDR, len, mlen);
		reject(d, p, len);
		return;
	}
	unsigned rlen = mlen - FORCES_HDR, f = ttlv_flags(type);
	int tlvs = rlen > 4 && !(f & TTLV_NONE);
	if (d->o.vflag)
		header(d, p, mlen, tlvs);
	if (tlvs) { /* tcpdump checks them (and prints them with -vvv) */
		dec_handoff(d, "forces-tlv");
		return;
	}
	if (rlen > 4 || (rlen <= 4 && !(f & (TTLV_ZERO_MORE | TTLV_NONE)) && (f & TTLV_ONE_MORE))) {
		if (rlen > 4)
			dec_printf(d, "<0x%x>Illegal Top level TLV!\n", f);
		else
			dec_printf(d, "\tTop level TLV Data missing!\n");
		reject(d, p, len);
		return;
	}
	if (d->o.vflag >= 4) {
		dec_printf(d, "\n\t  Raw ForCES message\n\t [");
		dec_hexlines(d, "\n\t ", p, len);
		dec_printf(d, "\n\t ]");
	}
}
