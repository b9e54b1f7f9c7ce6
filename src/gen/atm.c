/* atm.c: SunATM's virtual-circuit primitives (pcap-filter(7)): `vpi N`,
 * `vci N`, and the words for the well-known circuits and signalling
 * messages: `oam`/`oamf4` (F4 OAM cells: VPI 0, VCI 3 segment or 4
 * end-to-end), `oamf4sc`, `oamf4ec`, `metac` (meta signalling, VCI 1),
 * `bcc` (broadcast signalling, VCI 2), `sc` (signalling, VCI 5), `ilmic`
 * (ILMI, VCI 16), and `connectmsg`/`metaconnect`: a Q.2931 message of one
 * of the types that set up or tear down a call on the signalling or
 * meta-signalling circuit.  SunATM's 4-byte header holds the VPI at 1 and
 * the VCI at 2; the message type is byte 5 of the signalling payload.
 * As for the SS7 fields, `!=` compares as `=`, as libpcap does.
 *
 * `lane`: a LANE frame (traffic type 1); and, like vlan, it changes what
 * follows it in source order: the frame is then Ethernet behind the
 * 2-byte LE header (libpcap switches its link type to DLT_EN10MB, the link
 * header at 6), each Ethernet test first checks that the frame is not LE
 * Control (0xff00 at 4), and the SunATM words read the header 6 bytes on,
 * as libpcap's do (its offsets count from the link header). */
#include "gen/gen.h"
#include "error.h"
#include <pcap/bpf.h>
#include <pcap/dlt.h>

#define OFF_VPI 1
#define OFF_VCI 2
#define OFF_MSGTYPE 9   /* 4-byte SunATM header + Q.2931 message type at 5 */
#define OFF_LE 4        /* the LE header after the SunATM header */
#define LE_CONTROL 0xff00
#define PT_LANE 1       /* traffic type (low nibble of byte 0): LANE */

/* Ethernet after `lane`: the LE header, then the frame. */
static const struct linktype lane_row = {
	.name = "SUNATM", .dlt = DLT_SUNATM, .kind = LT_ETHER, .off_nl = 20, .off_type = 18,
	.descr = "LANE-emulated Ethernet (SunATM)", .off_mac = 6, .off_src = 12, .off_linkhdr = 6,
	.flags = LTF_VLAN | LTF_MPLS | LTF_LLC | LTF_LANE, .dir = { .off = -1 },
};

void atm_lane_enter(struct gen *g, const struct ast *n)
{
	if (g->outer->kind == LT_SUNATM && !n->geneve_depth)
		g->lt = n->lane_depth ? &lane_row : g->outer;
}

struct cond *atm_lane_check(struct gen *g, struct cond *c)
{
	if (!(g->lt->flags & LTF_LANE) || g->pppoes)
		return c;
	return cond_and(g, cond_not(g, cond_cmp(g, OFF_LE, 2, BPF_JEQ, LE_CONTROL, 0xffffffff)), c);
}

/* Q.2931 message types (Q.2931 4.4.1) */
#define CALL_PROCEED 0x02
#define SETUP 0x05
#define CONNECT 0x07
#define CONNECT_ACK 0x0f
#define RELEASE 0x4d
#define RELEASE_DONE 0x5a

static int is_sunatm(const struct gen *g)
{
	return (g->lt->kind == LT_SUNATM || (g->lt->flags & LTF_LANE)) && !g->pppoes;
}

/* A SunATM header field: from the link header (6 bytes on after lane). */
static struct cond *field(struct gen *g, uint32_t off, int size, uint16_t jop, uint32_t v, uint32_t mask)
{
	return cond_cmp(g, g->lt->off_linkhdr + off, size, jop, v, mask);
}

static struct cond *vpi_vci(struct gen *g, uint32_t vci)
{
	return cond_and(g, field(g, OFF_VPI, 1, BPF_JEQ, 0, 0xffffffff), field(g, OFF_VCI, 2, BPF_JEQ, vci, 0xffffffff));
}

static struct cond *msg_in(struct gen *g, const uint8_t *types, int n)
{
	struct cond *c = field(g, OFF_MSGTYPE, 1, BPF_JEQ, types[0], 0xffffffff);
	for (int i = 1; i < n; i++)
		c = cond_or(g, c, field(g, OFF_MSGTYPE, 1, BPF_JEQ, types[i], 0xffffffff));
	return c;
}

struct cond *gen_atm_field(struct gen *g, const struct ast *n)
{
	if (!is_sunatm(g))
		return GEN_FAIL(g, "'%s' supported only on raw ATM", ast_field_name(n->proto));
	int vpi = n->proto == AST_FIELD_VPI;
	uint16_t jop = n->op == OP_GT ? BPF_JGT : n->op == OP_GE ? BPF_JGE : BPF_JEQ;
	struct cond *c = field(g, vpi ? OFF_VPI : OFF_VCI, vpi ? 1 : 2, jop, n->num2, 0xffffffff);
	return n->not_ && jop != BPF_JEQ ? cond_not(g, c) : c;
}

/* The words, in ast_word_by_name's order. */
struct cond *gen_atm(struct gen *g, int word)
{
	static const uint8_t connect[] = { RELEASE_DONE, RELEASE, CONNECT_ACK, CONNECT, SETUP, CALL_PROCEED };
	static const uint8_t metaconnect[] = { RELEASE_DONE, RELEASE, CONNECT, SETUP, CALL_PROCEED };
	if (!is_sunatm(g))
		return GEN_FAIL(g, "'%s' supported only on raw ATM", ast_atm_name(word));
	switch (word) {
	case 0: /* oam */
	case 1: /* oamf4 */
		return cond_and(g, field(g, OFF_VPI, 1, BPF_JEQ, 0, 0xffffffff),
			     cond_or(g, field(g, OFF_VCI, 2, BPF_JEQ, 3, 0xffffffff),
				     field(g, OFF_VCI, 2, BPF_JEQ, 4, 0xffffffff)));
	case 2: return vpi_vci(g, 4); /* oamf4ec */
	case 3: return vpi_vci(g, 3); /* oamf4sc */
	case 4: return vpi_vci(g, 1); /* metac */
	case 5: return vpi_vci(g, 2); /* bcc */
	case 6: return vpi_vci(g, 5); /* sc */
	case 7: return vpi_vci(g, 16); /* ilmic */
	case 8: return cond_and(g, vpi_vci(g, 5), msg_in(g, connect, 6));
	case 9: return cond_and(g, vpi_vci(g, 1), msg_in(g, metaconnect, 5));
	case AST_ATM_LANE: return field(g, 0, 1, BPF_JEQ, PT_LANE, 0x0f);
	default: return GEN_FAIL(g, "internal: ATM word");
	}
}
