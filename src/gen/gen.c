/* gen.c: AST to cond trees to IR blocks. */
#include "gen/gen.h"
#include "error.h"
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

static struct cond *cnew(struct gen *g, enum cond_kind k)
{
	struct cond *c = arena_alloc(g->a, sizeof *c);
	c->kind = k;
	c->span = g->span;
	return c;
}

struct cond *c_true(struct gen *g) { return cnew(g, C_TRUE); }
struct cond *c_false(struct gen *g) { return cnew(g, C_FALSE); }

struct cond *c_and(struct gen *g, struct cond *a, struct cond *b)
{
	if (!a || !b)
		return 0;
	struct cond *c = cnew(g, C_AND);
	c->a = a;
	c->b = b;
	return c;
}

struct cond *c_or(struct gen *g, struct cond *a, struct cond *b)
{
	if (!a || !b)
		return 0;
	struct cond *c = cnew(g, C_OR);
	c->a = a;
	c->b = b;
	return c;
}

struct cond *c_not(struct gen *g, struct cond *a)
{
	if (!a)
		return 0;
	struct cond *c = cnew(g, C_NOT);
	c->a = a;
	return c;
}

struct cond *c_test(struct gen *g) { return cnew(g, C_TEST); }

void c_ins(struct gen *g, struct cond *c, uint16_t code, uint32_t k)
{
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 4;
		struct ir_insn *n = arena_alloc(g->a, sizeof *n * (size_t)cap);
		if (c->n)
			memcpy(n, c->insns, sizeof *n * (size_t)c->n);
		c->insns = n;
		c->cap = cap;
	}
	c->insns[c->n++] = (struct ir_insn){ code, k, g->span };
}

struct cond *c_jump(struct cond *c, uint16_t jop, uint32_t k)
{
	c->jcode = (uint16_t)(BPF_JMP | jop | BPF_K);
	c->k = k;
	return c;
}

uint16_t bpf_size(int bytes)
{
	return bytes == 4 ? BPF_W : bytes == 2 ? BPF_H : BPF_B;
}

struct cond *c_cmp(struct gen *g, uint32_t off, int size, uint16_t jop, uint32_t v, uint32_t mask)
{
	struct cond *c = c_test(g);
	c_ins(g, c, (uint16_t)(BPF_LD | bpf_size(size) | BPF_ABS), off);
	if (mask != 0xffffffff)
		c_ins(g, c, BPF_ALU | BPF_AND | BPF_K, mask);
	return c_jump(c, jop, v);
}

/* One AST node: primitives are dispatched to the layer that knows them. */
static struct cond *gen_node(struct gen *g, const struct ast *n)
{
	g->span = n->span;
	g->vlan = n->vlan_depth;
	g->mpls = n->mpls_depth;
	g->pppoes = n->pppoes_depth;
	switch (n->kind) {
	case AST_AND:
	case AST_OR: {
		/* the left spine of a long chain with a loop, not recursion */
		size_t depth = 0;
		const struct ast *w = n;
		while (w->l->kind == AST_AND || w->l->kind == AST_OR)
			w = w->l, depth++;
		const struct ast **up = arena_alloc(g->a, sizeof *up * (depth + 1));
		w = n;
		for (size_t i = 0; i <= depth; i++, w = w->l)
			up[depth - i] = w;
		struct cond *c = gen_node(g, up[0]->l);
		unsigned walked = ip6w_mark(g); /* the right operands may not run */
		for (size_t i = 0; c && i <= depth; i++) {
			struct cond *r = gen_node(g, up[i]->r);
			ip6w_reset(g, walked);
			c = up[i]->kind == AST_AND ? c_and(g, c, r) : c_or(g, c, r);
		}
		return c;
	}
	case AST_NOT:
		return c_not(g, gen_node(g, n->l));
	case AST_HEAD:
		if (n->l->kind == AST_ID) {
			/* `tcp port 80`: the code belongs to all of it, not just `80` */
			struct ast id = *n->l;
			id.span = n->span;
			return gen_node(g, &id);
		}
		return gen_node(g, n->l);
	case AST_ID:
		if (n->q.addr == A_PORT || n->q.addr == A_PORTRANGE)
			return gen_ports(g, n);
		if (n->q.addr == A_PROTO)
			return gen_proto(g, n->val->proto, n->q.proto, n->q.dir);
		return gen_addr(g, n);
	case AST_PROTO:
		return gen_proto_abbrev(g, n->proto);
	case AST_REL:
		return gen_relation(g, n);
	case AST_BCAST:
		return gen_bcast(g, n->proto);
	case AST_MCAST:
		return gen_mcast(g, n->proto);
	case AST_LESS:
	case AST_GREATER: {
		/* less N is "not len > N"; greater N is "len >= N" */
		struct cond *c = c_test(g);
		c_ins(g, c, BPF_LD | BPF_W | BPF_LEN, 0);
		c_jump(c, n->kind == AST_LESS ? BPF_JGT : BPF_JGE, n->num);
		return n->kind == AST_LESS ? c_not(g, c) : c;
	}
	case AST_VLAN:
		return gen_vlan(g, n);
	case AST_MPLS:
		return gen_mpls(g, n);
	case AST_PPPOED:
		return gen_pppoed(g);
	case AST_PPPOES:
		return gen_pppoes(g, n);
	case AST_LLC:
		return gen_llc(g, n);
	case AST_INBOUND:
		return gen_inbound(g, (int)n->num);
	case AST_IFINDEX:
		return gen_ifindex(g, n->num);
	default:
		return GEN_FAIL(g, "internal: cannot generate code for this node");
	}
}

/* Lower with known targets: `a and b` is a's code jumping to b's on true. */
static struct ir_block *lower(struct gen *g, const struct cond *c, struct ir_block *t, struct ir_block *f)
{
	/* down the left operands with a loop: a chain of thousands of ors is
	 * that deep on its left side */
	for (;;) {
		struct ir_block *r;
		switch (c->kind) {
		case C_TRUE:
			return t;
		case C_FALSE:
			return f;
		case C_NOT: {
			struct ir_block *s = t;
			t = f;
			f = s;
			c = c->a;
			continue;
		}
		case C_AND:
			r = lower(g, c->b, t, f);
			t = r;
			c = c->a;
			continue;
		case C_OR:
			r = lower(g, c->b, t, f);
			f = r;
			c = c->a;
			continue;
		case C_TEST:
			break;
		}
		break;
	}
	struct ir_block *b = ir_block_new(g->ir);
	for (int i = 0; i < c->n; i++)
		ir_append(g->ir, b, c->insns[i].code, c->insns[i].k, c->insns[i].span);
	b->term = IR_BRANCH;
	b->jcode = c->jcode;
	b->jk = c->k;
	b->jt = t;
	b->jf = f;
	b->span = c->span;
	return b;
}

int gen_program(struct gen *g, const struct ast *root)
{
	if (!root) {
		g->ir->entry = g->ir->accept; /* an empty expression matches all */
		return 0;
	}
	struct cond *c = ip6w_prologue(g, gen_node(g, root));
	if (!c)
		return -1;
	g->ir->entry = lower(g, c, g->ir->accept, g->ir->reject);
	return 0;
}
