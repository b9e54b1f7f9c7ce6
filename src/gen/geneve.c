/* geneve.c: `geneve [VNI]` (RFC 8926), as libpcap 1.10.3 compiles it.
 *
 * The primitive is UDP to port 6081 over IPv4 or IPv6 with a version 0
 * Geneve header (and that VNI); and, like `vlan` and `mpls`, it moves
 * every offset written after it, in source order, into the frame it
 * carries.  That frame starts at an offset read from the packet (the
 * Geneve header's length is in its first byte), so libpcap computes three
 * offsets into scratch cells when the primitive matches, in this order:
 *   T  the protocol type: 2 bytes into the Geneve header, or 12 into the
 *      inner Ethernet header when the type says Transparent Ethernet
 *      Bridging (0x6558);
 *   H  the inner link header: the end of the Geneve header;
 *   P  the inner link payload: H, or 14 past it for an inner Ethernet.
 * Everything after it is then Ethernet at those offsets (libpcap switches
 * its link type to DLT_EN10MB): `ip` reads the ethertype at T, `tcp port
 * 80` the IP header at P, `ether host` the addresses at H after checking
 * that there is a link header at all (H != P).  A second geneve nests:
 * three more cells.
 *
 * The offsets are handed out as windows (as wlan.c and kvlan.c do):
 * GENEVE_VAR + cell * GENEVE_SPAN + GENEVE_MID + k means "the cell's value
 * + k", and cond_ins passes a load in a window to geneve_load.  gen_node
 * switches g->lt to an Ethernet row whose offsets are those windows
 * (geneve_enter), so link.c, net.c and transport.c need no case of their
 * own.  libpcap does not optimize a program with geneve (its offsets code
 * has a jump its optimizer cannot take), so --loose stays exact there.
 *
 * Refused as libpcap's program has no defined result: geneve on 802.11
 * and pflog (it reads the payload offset from a cell its prologue did
 * not write),
 * and anything that reads a geneve's cells where it may not have matched
 * (compile.c checks the unoptimized program).
 * and geneve after a vlan of a live capture read through the kernel's
 * metadata (libpcap's program adds 4 to VLAN offset cells it never
 * wrote; measured with pcap_open_live on lo).
 * After mpls, a geneve's own test is an MPLS payload's (link.c), and so
 * is the inner frame's: libpcap keeps its label stack depth (g->label),
 * so `mpls and geneve and ip` reads a bottom-of-stack bit 2 bytes before
 * the inner payload, `ldb [x + -2]`, which matches no packet.  A pppoes
 * before a geneve tests it over PPP; inside, the link type is Ethernet
 * again (sema resets the pppoes count), and a pppoes there is one in the
 * inner frame.
 * bpfx's own dialect --ip6-transport is refused with geneve, as on
 * 802.11: its IPv6 extension-header walk needs fixed offsets. */
#include "gen/gen.h"
#include "error.h"
#include <netinet/in.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>
#include <pcap/dlt.h>

#define GENEVE_VAR 0x70000000u
#define GENEVE_SPAN 0x00100000u /* one cell's window */
#define GENEVE_MID 0x00080000u  /* where offset 0 of a window is: room for negative offsets */
#define GENEVE_MAX 5            /* nested geneves: 3 cells each */
#define GENEVE_PORT 6081        /* IANA */
#define ETHERTYPE_TEB 0x6558    /* Transparent Ethernet Bridging: an Ethernet frame inside */
enum { GV_TYPE, GV_HDR, GV_PL, GV_NCELLS }; /* libpcap's order of allocation */

int geneve_var(uint32_t off)
{
	return off - GENEVE_VAR < GENEVE_MAX * GV_NCELLS * GENEVE_SPAN;
}

/* Window i (3 * depth + GV_*): its scratch cell, from the top down below
 * ip6walk's and kvlan's, and its offset 0. */
static uint32_t cell(const struct gen *g, uint32_t i)
{
	return (uint32_t)(BPF_MEMWORDS - 1 - ip6w_cells(g) - kvlan_cells(g)) - i;
}

static uint32_t window(uint32_t i)
{
	return GENEVE_VAR + i * GENEVE_SPAN + GENEVE_MID;
}

static uint32_t window_of(uint32_t off)
{
	return (off - GENEVE_VAR) / GENEVE_SPAN;
}

int geneve_cells(const struct gen *g)
{
	return g->geneve_cells;
}

int geneve_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k)
{
	if (!geneve_var(k) || !cond_is_load(code))
		return 0;
	uint32_t i = window_of(k);
	cond_var_load(g, c, code, k - window(i), cell(g, i));
	return 1;
}

void geneve_index_x(struct gen *g, struct cond *c, uint32_t base)
{
	if (geneve_var(base)) {
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell(g, window_of(base)));
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
	}
}

/* The link type of a node after `depth` geneves: the capture's, or
 * Ethernet at the cells of the innermost one. */
void geneve_enter(struct gen *g, int depth)
{
	g->geneve = depth;
	if (!depth) {
		g->lt = g->outer;
		return;
	}
	if (!g->geneve_lt) /* the program's arena: gen.c frees what g->a holds as it goes */
		g->geneve_lt = arena_alloc(g->ir->a, sizeof *g->geneve_lt * GENEVE_MAX);
	struct linktype *r = &g->geneve_lt[depth - 1];
	uint32_t i = (uint32_t)(depth - 1) * GV_NCELLS;
	*r = *lt_by_dlt(DLT_EN10MB);
	r->descr = "Ethernet inside Geneve";
	r->off_type = (int)window(i + GV_TYPE);
	r->off_linkhdr = window(i + GV_HDR);
	r->off_mac = (int)window(i + GV_HDR);
	r->off_src = (int)window(i + GV_HDR) + 6;
	r->off_nl = window(i + GV_PL);
	g->lt = r;
}

/* The inner frame has a link header (H != P): libpcap's test before an
 * Ethernet address or multicast after geneve. */
struct cond *geneve_ll(struct gen *g)
{
	uint32_t i = window_of(g->lt->off_linkhdr);
	struct cond *c = cond_test(g);
	cond_ins(g, c, BPF_LD | BPF_MEM, cell(g, i));
	cond_ins(g, c, BPF_LDX | BPF_MEM, cell(g, i + 1)); /* GV_HDR, then GV_PL */
	c->jcode = BPF_JMP | BPF_JEQ | BPF_X;
	return cond_not(g, c);
}

/* A test that always holds, for statements that only compute. */
static struct cond *always(struct cond *c)
{
	return cond_jump(c, BPF_JGE, 0);
}

/* The constant part of an offset (its window's variable part is added
 * from a cell at run time). */
static uint32_t const_part(uint32_t off)
{
	if (geneve_var(off))
		return off - window(window_of(off));
	switch (wlan_var(off)) {
	case WLAN_HDR:
		return off - WLAN_VAR_HDR;
	case WLAN_PL:
		return off - WLAN_VAR_PL;
	}
	return off;
}

/* A byte or word of the Geneve header (at `at`), over IPv4 (after the
 * variable-length IP header) or IPv6 (after the fixed one). */
static struct cond *field(struct gen *g, int v6, uint32_t at, int size, uint32_t v, uint32_t mask)
{
	if (v6)
		return cond_cmp(g, gen_off_linkpl(g) + 40 + 8 + at, size, BPF_JEQ, v, mask);
	struct cond *c = cond_test(g);
	gen_iphdrlen(g, c);
	cond_ins(g, c, (uint16_t)(BPF_LD | gen_bpf_size(size) | BPF_IND), gen_off_linkpl(g) + 8 + at);
	cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, mask);
	return cond_jump(c, BPF_JEQ, v);
}

/* UDP to 6081, Geneve version 0 (the top 2 bits), the VNI (the top 3
 * bytes of the second word). */
static struct cond *check(struct gen *g, int v6, const struct ast *n)
{
	struct cond *c = cond_and(g, gen_port1(g, v6, IPPROTO_UDP, D_DST, GENEVE_PORT), field(g, v6, 0, 1, 0, 0xc0));
	return n->has_num ? cond_and(g, c, field(g, v6, 4, 4, n->num << 8, 0xffffff00)) : c;
}

/* The three cells.  libpcap computes A = the IP header's length (plus
 * the payload's variable offset) in the block after each check, then the
 * cells in a block after both with X at the Geneve header, and moves X
 * from block to block.  Here each block keeps its values to itself (the
 * optimizer skips a block that decides nothing and stores no cell a
 * later block reads), the cells are computed once per IP version, and the
 * Geneve header is read at the UDP payload's offset, X the IP header's
 * length, as `udp[8]` reads it: the same loads, in the same order, and
 * the same values. */
static void plus_var(struct gen *g, struct cond *c, uint32_t pl)
{
	geneve_index_x(g, c, pl);
	wlan_index_x(g, c, pl); /* adds 802.11's variable part, then tax */
}

static struct cond *offsets(struct gen *g, int v6, uint32_t i)
{
	uint32_t t = cell(g, i + GV_TYPE), h = cell(g, i + GV_HDR), p = cell(g, i + GV_PL);
	uint32_t pl = gen_off_linkpl(g), udp = v6 ? 40 : 0, start = const_part(pl) + udp + 8;
	struct cond *c = cond_test(g);
	if (!v6)
		gen_iphdrlen(g, c);
	/* H: the Geneve header's start + 8 + its options (first byte, in words) */
	cond_ins(g, c, (uint16_t)(BPF_LD | BPF_B | (v6 ? BPF_ABS : BPF_IND)), pl + udp + 8);
	cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, 0x3f);
	cond_ins(g, c, BPF_ALU | BPF_MUL | BPF_K, 4);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, 8);
	if (!v6)
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, start);
	if (v6)
		plus_var(g, c, pl);
	cond_ins(g, c, BPF_ST, h);
	/* T: the Geneve header's protocol type, 2 bytes in */
	if (v6) {
		cond_ins(g, c, BPF_LD | BPF_IMM, start + 2);
		plus_var(g, c, pl);
	} else {
		cond_ins(g, c, BPF_MISC | BPF_TXA, 0);
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, start + 2);
	}
	cond_ins(g, c, BPF_ST, t);
	cond_ins(g, c, (uint16_t)(BPF_LD | BPF_H | (v6 ? BPF_ABS : BPF_IND)), pl + udp + 10);
	cond_jump(c, BPF_JEQ, ETHERTYPE_TEB);
	struct cond *eth = cond_test(g); /* T = H + 12, P = H + 14 */
	cond_ins(g, eth, BPF_LD | BPF_MEM, h);
	cond_ins(g, eth, BPF_ALU | BPF_ADD | BPF_K, 12);
	cond_ins(g, eth, BPF_ST, t);
	cond_ins(g, eth, BPF_ALU | BPF_ADD | BPF_K, 2);
	cond_ins(g, eth, BPF_ST, p);
	struct cond *bare = cond_test(g); /* P = H */
	cond_ins(g, bare, BPF_LD | BPF_MEM, h);
	cond_ins(g, bare, BPF_ST, p);
	return cond_or(g, cond_and(g, c, always(eth)), always(bare));
}

/* geneve [vni]: IPv4 first, then IPv6, as libpcap; sema counted it, so
 * what follows sees the inner frame. */
struct cond *gen_geneve(struct gen *g, const struct ast *n)
{
	if (g->ip6w)
		return GEN_FAIL(g, "--ip6-transport is not supported with geneve: the dialect's IPv6 "
			      "extension-header walk needs offsets fixed at compile time, and the frame inside "
			      "a geneve starts at one read from the packet (as on 802.11); without "
			      "--ip6-transport geneve compiles as libpcap's");
	if (g->outer->kind == LT_WLAN || g->outer->kind == LT_PFLOG)
		return GEN_FAIL(g, "geneve on %s is refused: libpcap 1.10.3's program for it reads scratch memory "
			      "it never wrote (its %s), and has no defined result", g->outer->descr,
			      g->outer->kind == LT_PFLOG ? "network layer's offset" : "802.11 payload offset");
	if (kvlan_on(g) && g->vlan > 0)
		return GEN_FAIL(g, "geneve after a vlan of a live capture is refused: libpcap 1.10.3's program for it "
			      "reads scratch memory it never wrote (the VLAN offsets it adds 4 to), and has no "
			      "defined result");
	uint32_t i = (uint32_t)g->geneve * GV_NCELLS;
	if (g->geneve >= GENEVE_MAX ||
	    g->scratch + (int)i + GV_NCELLS > BPF_MEMWORDS - ip6w_cells(g) - kvlan_cells(g))
		return GEN_FAIL(g, "expression too complex: no scratch cells left for this geneve");
	if (g->geneve_cells < (int)i + GV_NCELLS)
		g->geneve_cells = (int)i + GV_NCELLS;
	g->geneve_used = 1;
	return cond_or(g, cond_and(g, check(g, 0, n), offsets(g, 0, i)), cond_and(g, check(g, 1, n), offsets(g, 1, i)));
}
