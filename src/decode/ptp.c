/* ptp.c: IEEE 1588 Precision Time Protocol over Ethernet (ethertype
 * 0x88f7), as tcpdump 4.99 prints it: "PTPv2, v1 compat : no, msg type :
 * sync msg, length : 44, ..." -- the whole common header on one line, then
 * the fields of the message type, whatever -v says.  The version is the
 * whole second byte (so "PTPv18" for 2.1 with a minor version); v1 gets
 * " (not implemented)", others nothing more.  A message shorter than the
 * common header is " [length N < 34] (invalid)"; one cut short by the
 * capture ends " [|ptp]". */
#include <inttypes.h>

#include "decode/dec.h"

#define PTP_HDR_LEN 34

static const struct dec_tok msg_types[] = {
	{ 0x0, "sync msg" }, { 0x1, "delay req msg" }, { 0x2, "peer delay req msg" },
	{ 0x3, "peer delay resp msg" }, { 0x8, "follow up msg" }, { 0x9, "delay resp msg" },
	{ 0xa, "pdelay resp fup msg" }, { 0xb, "announce msg" }, { 0xc, "signalling msg" },
	{ 0xd, "management msg" }, { 0, NULL },
};
static const struct dec_tok controls[] = {
	{ 0, "Sync" }, { 1, "Delay_Req" }, { 2, "Follow_Up" }, { 3, "Delay_Resp" },
	{ 4, "Management" }, { 5, "Other" }, { 0, NULL },
};
static const struct dec_tok flag_bits[] = {
	{ 0x1, "l1 61" }, { 0x2, "l1 59" }, { 0x4, "utc reasonable" }, { 0x8, "timescale" },
	{ 0x10, "time tracable" }, { 0x20, "frequency tracable" }, { 0x100, "alternate master" },
	{ 0x200, "two step" }, { 0x400, "unicast" }, { 0x1000, "profile specific 1" },
	{ 0x2000, "profile specific 2" }, { 0x4000, "security mask" }, { 0x18c0, "unknown" },
	{ 0, NULL },
};

static uint64_t be48(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 6);
	return (uint64_t)dec_get_be16(p) << 32 | dec_get_be32(p + 2);
}

static uint64_t be64(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 8);
	return (uint64_t)dec_get_be32(p) << 32 | dec_get_be32(p + 4);
}

/* A timestamp (48-bit seconds, 32-bit nanoseconds); comma: tcpdump's
 * "seconds," everywhere but in announce messages. */
static const uint8_t *timestamp(struct dec_ctx *d, const uint8_t *p, const char *what, int comma)
{
	dec_printf(d, ", %s :", what);
	dec_printf(d, " %" PRIu64 " seconds%s", be48(d, p), comma ? "," : "");
	dec_printf(d, " %u nanoseconds", dec_be32(d, p + 6));
	return p + 10;
}

static const uint8_t *port_identity(struct dec_ctx *d, const uint8_t *p)
{
	dec_printf(d, ", port identity : 0x%" PRIx64, be64(d, p));
	dec_printf(d, ", port id : %u", dec_be16(d, p + 8));
	return p + 10;
}

static void announce(struct dec_ctx *d, const uint8_t *p)
{
	p = timestamp(d, p, "originTimeStamp", 0);
	dec_printf(d, ", origin cur utc :%u", dec_be16(d, p));
	dec_printf(d, ", rsvd : %u", dec_u8(d, p + 2));
	dec_printf(d, ", gm priority_1 : %u", dec_u8(d, p + 3));
	dec_printf(d, ", gm clock class : %u", dec_u8(d, p + 4));
	dec_printf(d, ", gm clock accuracy : %u", dec_u8(d, p + 5));
	dec_printf(d, ", gm clock variance : %u", dec_be16(d, p + 6));
	dec_printf(d, ", gm priority_2 : %u", dec_u8(d, p + 8));
	dec_printf(d, ", gm clock id : 0x%" PRIx64, be64(d, p + 9));
	dec_printf(d, ", steps removed : %u", dec_be16(d, p + 17));
	dec_printf(d, ", time source : 0x%x", dec_u8(d, p + 19));
}

/* tcpdump 4.99 reads the four one-byte fields after the requesting port
 * identity from the identity's first byte, every one of them. */
static void management(struct dec_ctx *d, const uint8_t *p)
{
	port_identity(d, p);
	unsigned b = dec_u8(d, p);
	dec_printf(d, ", , start boundary hops  %u, , boundary hops  %u, , flags  0x%x, , reserved  0x%x", b, b, b, b);
}

static void v2(struct dec_ctx *d, const uint8_t *p)
{
	unsigned foct = dec_u8(d, p), type = foct & 0x0f;
	dec_printf(d, ", v1 compat : %s", foct & 0x10 ? "yes" : "no");
	dec_printf(d, ", msg type : %s", dec_tok(msg_types, type, "Reserved"));
	dec_printf(d, ", length : %u", dec_be16(d, p + 2));
	dec_printf(d, ", domain : %u", dec_be16(d, p + 4) >> 8);
	dec_printf(d, ", reserved1 : %u", dec_be16(d, p + 4) & 0xff);
	unsigned flags = dec_be16(d, p + 6);
	dec_printf(d, ", Flags [");
	dec_bits(d, flag_bits, flags, "none");
	dec_printf(d, "]");
	dec_printf(d, ", NS correction : %" PRIu64, be48(d, p + 8));
	dec_printf(d, ", sub NS correction : %u", dec_be16(d, p + 14));
	dec_printf(d, ", reserved2 : %u", dec_be32(d, p + 16));
	dec_printf(d, ", clock identity : 0x%" PRIx64, be64(d, p + 20));
	dec_printf(d, ", port id : %u", dec_be16(d, p + 28));
	dec_printf(d, ", seq id : %u", dec_be16(d, p + 30));
	unsigned control = dec_u8(d, p + 32);
	dec_printf(d, ", control : %u (%s)", control, dec_tok(controls, control, "Reserved"));
	dec_printf(d, ", log message interval : %u", dec_be16(d, p + 32) & 0xff);
	const uint8_t *m = p + PTP_HDR_LEN;
	switch (type) {
	case 0x0: case 0x1:
		timestamp(d, m, "originTimeStamp", 1);
		break;
	case 0x8:
		timestamp(d, m, "preciseOriginTimeStamp", 1);
		break;
	case 0x2: case 0xa:
		port_identity(d, timestamp(d, m, "preciseOriginTimeStamp", 1));
		break;
	case 0x3: case 0x9:
		port_identity(d, timestamp(d, m, "receiveTimeStamp", 1));
		break;
	case 0xb:
		announce(d, m);
		break;
	case 0xc:
		port_identity(d, m);
		break;
	case 0xd:
		management(d, m);
		break;
	}
}

void dec_ptp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_PTP);
	d->proto = "ptp";
	if (len < PTP_HDR_LEN) {
		dec_printf(d, " [length %zu < %d] (invalid)", len, PTP_HDR_LEN);
		return;
	}
	unsigned vers = dec_be16(d, p) & 0xff;
	dec_printf(d, "PTPv%u", vers);
	if (vers == 1)
		dec_printf(d, " (not implemented)");
	else if (vers == 2)
		v2(d, p);
}
