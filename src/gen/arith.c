/* arith.c: `arith relop arith`, with proto[index:size] loads.
 *
 * A relation is a test guarded by the protocol checks its loads need
 * (`tcp[13]` only means something in an IPv4 TCP first fragment).  The
 * guards and their order are libpcap 1.10's, including one quirk kept on
 * purpose so verdicts agree: in `a + b` only the left operand's guards
 * survive, so `ip[0] + udp[1] = 5` does not check for UDP.
 * Values are computed into A; a right operand that is not a constant is
 * parked in scratch memory while the left one is computed. */
#include "gen/gen.h"
#include "error.h"
#include "isa.h"
#include <sys/types.h>
#include <pcap/bpf.h>

#define ETHERTYPE_IPV6 0x86dd

static int is_transport(int proto)
{
	switch (proto) {
	case P_TCP: case P_UDP: case P_SCTP: case P_ICMP: case P_IGMP:
	case P_IGRP: case P_PIM: case P_VRRP: case P_CARP:
		return 1;
	}
	return 0;
}

/* The protocol checks an arithmetic value needs; NULL for none.  Errors
 * are reported through g->err and *failed. */
static struct cond *guard(struct gen *g, const struct ast *n, int *failed)
{
	struct cond *inner, *c;
	switch (n->kind) {
	case AST_NEG:
	case AST_BINOP: /* the right operand's guards are dropped, as libpcap does */
		return guard(g, n->l, failed);
	case AST_LOAD:
		break;
	default:
		return 0;
	}
	inner = guard(g, n->l, failed);
	g->span = n->span;
	g->vlan = n->vlan_depth;
	g->mpls = n->mpls_depth;
	g->pppoes = n->pppoes_depth;
	if (n->proto == P_LINK || n->proto == P_RADIO) /* no protocol to test for */
		return inner;
	if (n->proto == P_ICMP6) {
		c = gen_proto_abbrev(g, P_IP6);
		c = inner ? cond_and(g, inner, c) : c;
		c = cond_and(g, c, cond_cmp(g, gen_off_linkpl(g) + 6, 1, BPF_JEQ, 58, 0xffffffff));
	} else if (is_transport(n->proto)) {
		c = cond_and(g, gen_proto_abbrev(g, n->proto), gen_ipfrag(g));
		c = inner ? cond_and(g, inner, c) : c;
		c = cond_and(g, gen_proto_abbrev(g, P_IP), c);
	} else {
		c = gen_proto_abbrev(g, n->proto);
		c = inner ? cond_and(g, inner, c) : c;
	}
	if (!c)
		*failed = 1;
	return c;
}

static int alloc_scratch(struct gen *g)
{
	int top = BPF_MEMWORDS - ip6w_cells(g) - kvlan_cells(g) - geneve_cells(g);
	if (g->scratch >= top) {
		(void)GEN_FAIL(g, "expression too complex: more than %d scratch registers needed", top);
		return -1;
	}
	return g->scratch++;
}

static int eval(struct gen *g, struct cond *c, const struct ast *n);

static const uint16_t alu_op[] = {
	[OP_ADD] = BPF_ADD, [OP_SUB] = BPF_SUB, [OP_MUL] = BPF_MUL, [OP_DIV] = BPF_DIV,
	[OP_MOD] = BPF_MOD, [OP_AND] = BPF_AND, [OP_OR] = BPF_OR, [OP_XOR] = BPF_XOR,
	[OP_LSH] = BPF_LSH, [OP_RSH] = BPF_RSH,
};

/* The value of an arithmetic expression made only of constants, computed
 * as the interpreter would (isa_alu on `op #b`): 1 and *v, or 0 when it
 * reads the packet or has an operand `op #b` cannot take (a zero divisor,
 * a shift of 32 or more), which the program then computes at run time. */
static int const_value(const struct ast *n, uint32_t *v)
{
	uint32_t a, b;
	switch (n->kind) {
	case AST_NUM:
		*v = n->num;
		return 1;
	case AST_NEG:
		if (!const_value(n->l, &a))
			return 0;
		*v = isa_alu(BPF_ALU | BPF_NEG, a, 0).value;
		return 1;
	case AST_BINOP:
		if (!const_value(n->l, &a) || !const_value(n->r, &b))
			return 0;
		if ((size_t)n->op >= sizeof alu_op / sizeof alu_op[0])
			return 0;
		uint16_t code = (uint16_t)(BPF_ALU | alu_op[n->op] | BPF_K);
		struct isa_result r = isa_alu(code, a, b);
		if (isa_k_check(code, b) != ISA_K_OK || r.fault != ISA_OK)
			return 0;
		*v = r.value;
		return 1;
	default:
		return 0;
	}
}

/* proto[index:size] into A. */
static int eval_load(struct gen *g, struct cond *c, const struct ast *n)
{
	uint16_t size = gen_bpf_size((int)n->num);
	uint32_t k;
	int saved_vlan = g->vlan, saved_mpls = g->mpls, saved_pppoes = g->pppoes;
	g->vlan = n->vlan_depth;
	g->mpls = n->mpls_depth;
	g->pppoes = n->pppoes_depth;
	uint32_t base = n->proto == P_LINK ? gen_off_linkhdr(g) : gen_off_linkpl(g);
	if (n->proto == P_RADIO) { /* from the packet's first byte, as libpcap reads it */
		if (g->lt->kind != LT_WLAN || (g->lt->wlan_hdr != LTW_RADIOTAP && g->lt->wlan_hdr != LTW_AVS &&
					       g->lt->wlan_hdr != LTW_PRISM)) {
			(void)GEN_FAIL(g, "radio information not present in capture (%s has no radiotap, AVS or Prism header)",
				       g->lt->descr);
			return -1;
		}
		base = 0;
	}
	int tp6 = ip6w_reads_tp(g, n->proto); /* --ip6-transport, IPv6: after the walk */
	if (n->proto == P_ICMP6 && !tp6)
		base += 40;
	if (is_transport(n->proto) || tp6) {
		/* X = index + IPv4 header length, in 32-bit arithmetic as libpcap */
		if (eval(g, c, n->l))
			return -1;
		if (tp6) {
			ip6w_ldx_tp(g, c);
		} else if (wlan_var(base) || kvlan_var(base) || geneve_var(base)) {
			/* the header length's load needs A: park the index */
			int m = alloc_scratch(g);
			if (m < 0)
				return -1;
			cond_ins(g, c, BPF_ST, (uint32_t)m);
			gen_iphdrlen(g, c);
			cond_ins(g, c, BPF_LD | BPF_MEM, (uint32_t)m);
			g->scratch--;
		} else {
			gen_iphdrlen(g, c);
		}
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
		cond_ins(g, c, BPF_MISC | BPF_TAX, 0);
		cond_ins(g, c, (uint16_t)(BPF_LD | size | BPF_IND), base);
	} else if (n->l->kind == AST_NUM && n->l->num <= 0xffffffffu - base &&
		   !(wlan_var(base) && n->l->num >= WLAN_VAR_SPAN / 2) &&
		   !(kvlan_var(base) && n->l->num >= 0x100000u) &&
		   !(geneve_var(base) && n->l->num >= 0x40000u)) { /* stays in its window */
		cond_ins(g, c, (uint16_t)(BPF_LD | size | BPF_ABS), base + n->l->num);
	} else if (g->loose && const_value(n->l, &k) && !wlan_var(base) && !kvlan_var(base)) {
		/* past 2^32: libpcap's optimizer folds `ld #k; tax; ld [x + base]`
		 * into `ld [base + k]`, wrapped (Juniper's network layer at -2,
		 * `ip[-1]`), and --loose gives its verdicts */
		cond_ins(g, c, (uint16_t)(BPF_LD | size | BPF_ABS), base + k);
	} else {
		if (eval(g, c, n->l))
			return -1;
		kvlan_index_x(g, c, base); /* A += a live vlan's shift */
		geneve_index_x(g, c, base); /* A += the inner frame's offset */
		wlan_index_x(g, c, base); /* tax, after adding a variable offset */
		cond_ins(g, c, (uint16_t)(BPF_LD | size | BPF_IND), base);
	}
	g->vlan = saved_vlan;
	g->mpls = saved_mpls;
	g->pppoes = saved_pppoes;
	return 0;
}

/* Leave n's value in A.  Within one straight-line computation any load
 * past the packet or division by zero rejects, so only what is computed
 * matters here, not in which order. */
static int eval(struct gen *g, struct cond *c, const struct ast *n)
{
	uint32_t v;
	/* (weak.c's model computes as libpcap's code generator does: no
	 * constant folded before its optimizer's second pass) */
	if (g->fold && !g->weak && const_value(n, &v)) {
		cond_ins(g, c, BPF_LD | BPF_IMM, v);
		return 0;
	}
	switch (n->kind) {
	case AST_NUM:
		cond_ins(g, c, BPF_LD | BPF_IMM, n->num);
		return 0;
	case AST_LEN:
		cond_ins(g, c, BPF_LD | BPF_W | BPF_LEN, 0);
		return 0;
	case AST_TPLEN:
		ip6w_tplen(g, c);
		return 0;
	case AST_NEG:
		if (eval(g, c, n->l))
			return -1;
		cond_ins(g, c, BPF_ALU | BPF_NEG, 0);
		return 0;
	case AST_LOAD:
		return eval_load(g, c, n);
	case AST_BINOP: {
		/* A constant right operand goes in k, except a folded zero
		 * divisor or a shift by more than 31, which the validator (and
		 * the kernel) refuse as constants: those stay `op x`, and run
		 * as bpf_filter runs them (reject; A = 0). */
		int kform = (n->r->kind == AST_NUM && !g->weak) ||
			    (g->fold && !g->weak && const_value(n->r, &v) &&
			     !((n->op == OP_DIV || n->op == OP_MOD) && v == 0) &&
			     !((n->op == OP_LSH || n->op == OP_RSH) && v > 31));
		if (kform) {
			if (eval(g, c, n->l))
				return -1;
			cond_ins(g, c, (uint16_t)(BPF_ALU | alu_op[n->op] | BPF_K),
			      n->r->kind == AST_NUM ? n->r->num : v);
			return 0;
		}
		/* the cell after the left operand: what that used is free
		 * again, so a left-nested chain (a - b - c - ...) needs one */
		if (eval(g, c, n->l))
			return -1;
		int m = alloc_scratch(g);
		if (m < 0)
			return -1;
		cond_ins(g, c, BPF_ST, (uint32_t)m);
		if (eval(g, c, n->r))
			return -1;
		cond_ins(g, c, BPF_MISC | BPF_TAX, 0);
		cond_ins(g, c, BPF_LD | BPF_MEM, (uint32_t)m);
		cond_ins(g, c, (uint16_t)(BPF_ALU | alu_op[n->op] | BPF_X), 0);
		g->scratch--;
		return 0;
	}
	default:
		(void)GEN_FAIL(g, "internal: not arithmetic");
		return -1;
	}
}

/* The relation's test alone, without the protocol checks. */
struct cond *gen_rel_test(struct gen *g, const struct ast *n)
{
	static const uint16_t jop[] = { [OP_GT] = BPF_JGT, [OP_GE] = BPF_JGE, [OP_EQ] = BPF_JEQ };
	g->span = n->span;
	g->scratch = wlan_nregs(g); /* 802.11 keeps its offsets in the first cells */
	struct cond *t = cond_test(g);
	if (eval(g, t, n->l))
		return 0;
	uint32_t rv;
	/* (weak.c's model: libpcap's optimizer compares with a computed right
	 * side through X, a test it does not decide while it moves jumps) */
	if (n->r->kind == AST_NUM || (g->fold && !g->weak && const_value(n->r, &rv))) {
		cond_jump(t, jop[n->op], n->r->kind == AST_NUM ? n->r->num : rv);
	} else {
		int m = alloc_scratch(g);
		if (m < 0)
			return 0;
		cond_ins(g, t, BPF_ST, (uint32_t)m);
		if (eval(g, t, n->r))
			return 0;
		cond_ins(g, t, BPF_MISC | BPF_TAX, 0);
		cond_ins(g, t, BPF_LD | BPF_MEM, (uint32_t)m);
		t->jcode = (uint16_t)(BPF_JMP | jop[n->op] | BPF_X);
		t->k = 0;
	}
	return n->not_ ? cond_not(g, t) : t;
}

struct cond *gen_relation(struct gen *g, const struct ast *n)
{
	if (ip6w_on(g))
		return ip6w_relation(g, n);
	int failed = 0;
	wlan_relation(g, 0);
	struct cond *g0 = guard(g, n->l, &failed);
	struct cond *g1 = failed ? 0 : guard(g, n->r, &failed);
	if (failed)
		return 0;
	g->salt = g->weak ? GEN_WEAK_SALT : 0;
	struct cond *c = gen_rel_test(g, n);
	g->salt = 0;
	if (!c)
		return 0;
	wlan_relation(g, 1);
	struct cond *gs = g0 && g1 ? cond_and(g, g0, g1) : g0 ? g0 : g1;
	return gs ? cond_and(g, gs, c) : c;
}
