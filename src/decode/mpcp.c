/* mpcp.c: the 802.3ah Multi-Point Control Protocol of Ethernet PONs
 * (ethertype 0x8808) as tcpdump 4.99's mpcp_print: the opcode, the
 * timestamp (not for Pause) and the length; at -v the grants of a Gate,
 * the queue reports of a Report, the registration fields, or an unknown
 * opcode's whole message in hex. */
#include "decode/dec.h"

enum { MPCP_PAUSE = 1, MPCP_GATE, MPCP_REPORT, MPCP_REG_REQ, MPCP_REG, MPCP_REG_ACK };

static const struct dec_tok opcodes[] = {
	{ MPCP_PAUSE, "Pause" }, { MPCP_GATE, "Gate" }, { MPCP_REPORT, "Report" },
	{ MPCP_REG_REQ, "Register Request" }, { MPCP_REG, "Register" }, { MPCP_REG_ACK, "Register ACK" }, { 0, NULL },
};
static const struct dec_tok grant_flags[] = {
	{ 0x08, "Discovery" }, { 0x10, "Force Grant #1" }, { 0x20, "Force Grant #2" }, { 0x40, "Force Grant #3" },
	{ 0x80, "Force Grant #4" }, { 0, NULL },
};
/* flag names as tcpdump's bit matching prints them: 3 needs both bits,
 * 0 ("NACK" in Register ACK) never matches */
static const struct dec_tok reg_req_flags[] = { { 1, "Register" }, { 3, "De-Register" }, { 0, NULL } };
static const struct dec_tok reg_flags[] = {
	{ 1, "Re-Register" }, { 2, "De-Register" }, { 3, "ACK" }, { 4, "NACK" }, { 0, NULL },
};
static const struct dec_tok reg_ack_flags[] = { { 1, "ACK" }, { 0, NULL } };

static void gate(struct dec_ctx *d, const uint8_t *p)
{
	unsigned n = dec_u8(d, p) & 7;
	dec_printf(d, "\n\tGrant Numbers %u, Flags [ ", n);
	dec_bits(d, grant_flags, p[0] & ~7u, "?");
	dec_printf(d, " ]");
	p++;
	for (unsigned g = 1; g <= n; g++, p += 6)
		dec_printf(d, "\n\tGrant #%u, Start-Time %u ticks, duration %u ticks", g, dec_be32(d, p), dec_be16(d, p + 4));
	dec_printf(d, "\n\tSync-Time %u ticks", dec_be16(d, p));
}

/* As tcpdump: the first queue set is not shown, the others each say the
 * number of sets. */
static void report(struct dec_ctx *d, const uint8_t *p)
{
	unsigned sets = dec_u8(d, p);
	p++;
	dec_printf(d, "\n\tTotal Queue-Sets %u", sets);
	for (unsigned s = 1; s < sets; s++) {
		unsigned bitmap = dec_u8(d, p);
		p++;
		dec_printf(d, "\n\t  Queue-Set #%u, Report-Bitmap [ ", sets);
		const char *sep = "";
		for (unsigned q = 0; q < 8; q++)
			if (bitmap >> q & 1) {
				dec_printf(d, "%sQ%u", sep, q);
				sep = ", ";
			}
		dec_printf(d, "%s ]", *sep ? "" : "Unknown");
		for (unsigned q = 1; bitmap; q++, bitmap >>= 1)
			if (bitmap & 1) {
				dec_printf(d, "\n\t    Q%u Report, Duration %u ticks", q, dec_be16(d, p));
				p += 2;
			}
	}
}

/* The registration messages: each line's fields are read before it
 * prints, as tcpdump's. */
static void reg_req(struct dec_ctx *d, const uint8_t *q)
{
	dec_need(d, q, 2);
	dec_printf(d, "\n\tFlags [ ");
	dec_bits(d, reg_req_flags, q[0], "Reserved");
	dec_printf(d, " ], Pending-Grants %u", q[1]);
}

static void reg(struct dec_ctx *d, const uint8_t *q)
{
	dec_need(d, q, 6);
	dec_printf(d, "\n\tAssigned-Port %u, Flags [ ", dec_get_be16(q));
	dec_bits(d, reg_flags, q[2], "Reserved");
	dec_printf(d, " ]\n\tSync-Time %u ticks, Echoed-Pending-Grants %u", dec_get_be16(q + 3), q[5]);
}

static void reg_ack(struct dec_ctx *d, const uint8_t *q)
{
	dec_need(d, q, 5);
	dec_printf(d, "\n\tEchoed-Assigned-Port %u, Flags [ ", dec_get_be16(q + 1));
	dec_bits(d, reg_ack_flags, q[0], "Reserved");
	dec_printf(d, " ]\n\tEchoed-Sync-Time %u ticks", dec_get_be16(q + 3));
}

/* -v: the body after the common header, by opcode */
static const struct {
	unsigned op;
	void (*print)(struct dec_ctx *d, const uint8_t *q);
} bodies[] = {
	{ MPCP_GATE, gate }, { MPCP_REPORT, report }, { MPCP_REG_REQ, reg_req }, { MPCP_REG, reg }, { MPCP_REG_ACK, reg_ack },
};

void dec_mpcp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "mpcp";
	unsigned op = dec_be16(d, p);
	uint32_t ts = dec_be32(d, p + 2);
	dec_printf(d, "MPCP, Opcode ");
	dec_tokf(d, opcodes, op, "Unknown (%u)");
	if (op != MPCP_PAUSE)
		dec_printf(d, ", Timestamp %u ticks", ts);
	dec_printf(d, ", length %zu", len);
	if (!d->o.vflag || op == MPCP_PAUSE)
		return;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		if (bodies[i].op == op) {
			bodies[i].print(d, p + 6);
			return;
		}
	dec_hexlines(d, "\n\t", p, len); /* an unknown opcode */
}
