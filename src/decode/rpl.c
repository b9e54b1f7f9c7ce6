/* rpl.c: RPL control messages (RFC 6550, ICMPv6 type 155) as tcpdump
 * 4.99 prints them after "ICMP6, RPL": ", (CLR)" and the message's name
 * (secured ones: ", (SEC) [worktodo]" and nothing more); with -v the DIO,
 * DAO and DAO-ACK fields in brackets, with -vv their options (" opt:NAME
 * len:N "), with -vvv each option's bytes in hex.
 *
 * A message shorter than its fixed part prints tcpdump's complaint; one
 * cut short by the capture ends with " [|icmp6]", where tcpdump's printer
 * returns (a whole structure checked at once) or jumps out (one field). */
#include "decode/dec.h"

#define ICMP6_HDR 4 /* tcpdump hands RPL the bytes past the code and checksum */
#define DIO_LEN 24
#define DAO_MIN 4
#define DAGID 16

enum { DIS, DIO, DAO, DAO_ACK };

static const char *const names[] = {
	[DIS] = "DODAG Information Solicitation", [DIO] = "DODAG Information Object",
	[DAO] = "Destination Advertisement Object", [DAO_ACK] = "Destination Advertisement Object Ack",
};
static const struct dec_tok mops[] = {
	{ 0, "nonstoring" }, { 1, "storing" }, { 2, "nonstoring-multicast" }, { 3, "storing-multicast" }, { 0, NULL },
};
static const struct dec_tok opts[] = {
	{ 0, "pad1" }, { 1, "padN" }, { 2, "metrics" }, { 3, "routinginfo" }, { 4, "config" }, { 5, "rpltarget" },
	{ 6, "transitinfo" }, { 8, "destprefix" }, { 9, "rpltargetdesc" }, { 0, NULL },
};

/* tcpdump's nd_print_trunc: the marker, and the printer returns. */
static void rpl_trunc(struct dec_ctx *d)
{
	dec_printf(d, " [|%s]", d->proto);
}

/* The options after a message's fixed part (-vv). */
static void options(struct dec_ctx *d, const uint8_t *p, unsigned left)
{
	while (left != 0) {
		unsigned type = dec_u8(d, p), n = 1;
		if (type == 0)
			dec_printf(d, " opt:pad1");
		else {
			if (left < 2)
				return rpl_trunc(d);
			n = dec_u8(d, p + 1) + 2u;
			dec_printf(d, " opt:");
			dec_tokf(d, opts, type, "subopt:%u");
			dec_printf(d, " len:%u ", n);
			if (!dec_has(d, p, n) || left < n)
				return rpl_trunc(d);
			if (d->o.vflag > 2)
				dec_hexlines(d, " ", p + 2, n - 2);
		}
		p += n;
		left -= n;
	}
}

static void dio(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len < DIO_LEN) {
		dec_printf(d, " [length %u < %u] (invalid)", len, DIO_LEN);
		return;
	}
	dec_need(d, p, DIO_LEN);
	unsigned mopprf = p[4];
	dec_printf(d, " [dagid:");
	dec_ip6addr(d, p + 8);
	dec_printf(d, ",seq:%u,instance:%u,rank:%u,%smop:", p[5], p[0], dec_get_be16(p + 2),
		   mopprf & 0x80 ? "grounded," : "");
	dec_tokf(d, mops, (mopprf >> 3) & 7, "mop%u");
	dec_printf(d, ",prf:%u]", mopprf & 7);
	if (d->o.vflag > 1)
		options(d, p + DIO_LEN, len - DIO_LEN);
}

/* DAO and DAO-ACK: the fixed part, the DODAG ID when the D flag (dflag)
 * says it is there, the fields, the options. */
static void dao(struct dec_ctx *d, const uint8_t *p, unsigned len, int ack)
{
	if (!dec_has(d, p, ack ? DAO_MIN : DAO_MIN + DAGID))
		return rpl_trunc(d);
	const char *tooshort = ack ? " [|dao-length too short]" : " [|length too short]";
	if (len < DAO_MIN) {
		dec_printf(d, "%s", tooshort);
		return;
	}
	unsigned flags = p[1], left = len - DAO_MIN;
	const uint8_t *dagid = NULL;
	if (flags & (ack ? 0x80 : 0x40)) {
		if (!dec_has(d, p + DAO_MIN, DAGID))
			return rpl_trunc(d);
		if (left < DAGID) {
			dec_printf(d, "%s", tooshort);
			return;
		}
		dagid = p + DAO_MIN;
		left -= DAGID;
	}
	dec_printf(d, " [dagid:");
	if (dagid)
		dec_ip6addr(d, dagid);
	else
		dec_printf(d, "<elided>");
	if (ack)
		dec_printf(d, ",seq:%u,instance:%u,status:%u]", p[2], p[0], p[3]);
	else
		dec_printf(d, ",seq:%u,instance:%u%s%s,%02x]", p[3], p[0], flags & 0x80 ? ",acK" : "",
			   flags & 0x40 ? ",Dagid" : "", flags);
	if (d->o.vflag > 1)
		options(d, p + len - left, left);
}

void dec_rpl(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	unsigned code = dec_u8(d, p + 1), body = (unsigned)len - ICMP6_HDR;
	if (code & 0x80) {
		dec_printf(d, ", (SEC) [worktodo]");
		return;
	}
	dec_printf(d, ", (CLR)");
	if (code >= sizeof names / sizeof names[0]) {
		dec_printf(d, "RPL message, unknown code %u", code);
		return;
	}
	dec_printf(d, "%s", names[code]);
	if (!d->o.vflag || code == DIS)
		return;
	if (code == DIO)
		dio(d, p + ICMP6_HDR, body);
	else
		dao(d, p + ICMP6_HDR, body, code == DAO_ACK);
}
