/* gen.c: the AST walk: each node to a cond tree (cond.h), the whole tree
 * lowered to IR blocks once. */
#include "gen/gen.h"
#include "error.h"
#include <sys/types.h>
#include <pcap/bpf.h>

/* The primitives whose code the node alone decides, by kind: each
 * layer's entry point. */
static struct cond *(*const by_node[])(struct gen *, const struct ast *) = {
	[AST_REL] = gen_relation,
	[AST_VLAN] = gen_vlan,
	[AST_MPLS] = gen_mpls,
	[AST_PPPOES] = gen_pppoes,
	[AST_LLC] = gen_llc,
	[AST_GENEVE] = gen_geneve,
	[AST_WLAN_TYPE] = wlan_type,
	[AST_WLAN_DIR] = wlan_dir,
	[AST_BYTE] = gen_byte,
	[AST_PF] = gen_pflog,
};

static struct cond *gen_prim(struct gen *g, const struct ast *n);

/* One AST node: and/or/not here, primitives by gen_prim. */
static struct cond *gen_node(struct gen *g, const struct ast *n)
{
	g->span = n->span;
	g->vlan = n->vlan_depth;
	g->mpls = n->mpls_depth;
	g->pppoes = n->pppoes_depth;
	g->label = n->label_depth;
	if (n->geneve_depth != g->geneve)
		geneve_enter(g, n->geneve_depth);
	atm_lane_enter(g, n);
	if (n->kind != AST_AND && n->kind != AST_OR && n->kind != AST_NOT && n->kind != AST_HEAD) {
		/* lowered now and its tree freed (cond_open): of the whole
		 * expression only blocks, and an OPEN cond for each operand
		 * still to be joined, are held */
		struct arena_mark m = arena_mark(g->a);
		struct cond *c = gen_prim(g, n), o;
		if (c)
			cond_open(g, c, &o);
		arena_release(g->a, m);
		if (!c)
			return NULL;
		c = arena_alloc(g->a, sizeof *c);
		*c = o;
		return c;
	}
	switch (n->kind) {
	case AST_AND:
	case AST_OR: {
		/* the left spine of a long chain with a loop, not recursion;
		 * each right operand is joined into the left one and freed */
		size_t depth = 0;
		const struct ast *w = n;
		while (w->l->kind == AST_AND || w->l->kind == AST_OR)
			w = w->l, depth++;
		const struct ast **up = arena_scratch(g->a, sizeof *up * (depth + 1));
		w = n;
		for (size_t i = 0; i <= depth; i++, w = w->l)
			up[depth - i] = w;
		struct cond *c = gen_node(g, up[0]->l);
		unsigned walked = ip6w_mark(g); /* the right operands may not run */
		for (size_t i = 0; c && i <= depth; i++) {
			struct arena_mark m = arena_mark(g->a);
			struct cond *r = gen_node(g, up[i]->r);
			ip6w_reset(g, walked);
			if (r)
				cond_open_join(g, c, r, up[i]->kind == AST_AND);
			arena_release(g->a, m);
			if (!r)
				c = NULL;
		}
		arena_scratch_free(g->a, up);
		return c;
	}
	case AST_NOT: {
		struct cond *c = gen_node(g, n->l);
		if (c)
			cond_open_not(g, c);
		return c;
	}
	case AST_HEAD:
		if (n->l->kind == AST_ID) {
			/* `tcp port 80`: the code belongs to all of it, not just `80` */
			struct ast id = *n->l;
			id.span = n->span;
			return gen_node(g, &id);
		}
		return gen_node(g, n->l);
	default:
		return GEN_FAIL(g, "internal: cannot generate code for this node");
	}
}

/* A primitive: dispatched to the layer that knows it. */
static struct cond *gen_prim(struct gen *g, const struct ast *n)
{
	if ((size_t)n->kind < sizeof by_node / sizeof by_node[0] && by_node[n->kind])
		return by_node[n->kind](g, n);
	switch (n->kind) {
	case AST_ID:
		if (n->q.addr == A_PORT || n->q.addr == A_PORTRANGE)
			return gen_ports(g, n);
		if (n->q.addr == A_PROTO)
			return gen_proto(g, n->val->proto, n->q.proto, n->q.dir);
		if (n->q.addr == A_PROTOCHAIN)
			return gen_protochain(g, n->val->proto, n->q.proto);
		return gen_addr(g, n);
	case AST_PROTO:
		return gen_proto_abbrev(g, n->proto);
	case AST_BCAST:
		return gen_bcast(g, n->proto);
	case AST_MCAST:
		return gen_mcast(g, n->proto);
	case AST_LESS:
	case AST_GREATER: {
		/* less N is "not len > N"; greater N is "len >= N" */
		struct cond *c = cond_test(g);
		cond_ins(g, c, BPF_LD | BPF_W | BPF_LEN, 0);
		cond_jump(c, n->kind == AST_LESS ? BPF_JGT : BPF_JGE, n->num);
		return n->kind == AST_LESS ? cond_not(g, c) : c;
	}
	case AST_PPPOED:
		return gen_pppoed(g);
	case AST_INBOUND:
		return gen_inbound(g, (int)n->num);
	case AST_IFINDEX:
		return gen_ifindex(g, n->num);
	case AST_MTP2:
		return gen_mtp2type(g, (int)n->num);
	case AST_FIELD:
		return n->proto >= AST_FIELD_VPI ? gen_atm_field(g, n) : gen_mtp3(g, n);
	case AST_ATM:
		return gen_atm(g, (int)n->num);
	default:
		return GEN_FAIL(g, "internal: cannot generate code for this node");
	}
}

int gen_program(struct gen *g, const struct ast *root)
{
	if (!root) {
		g->ir->entry = g->ir->accept; /* an empty expression matches all */
		return 0;
	}
	if (g->ip6w && gen_var_pl(g))
		return err_set(g->err, -1, -1, "--ip6-transport is not supported on %s", g->lt->descr);
	g->scratch = wlan_nregs(g); /* 802.11's offsets keep the first cells */
	g->outer = g->lt;
	/* the cond trees, and all else g->a holds during the walk, are read
	 * by no later stage: they go with a sub-arena once lowered (the IR's
	 * blocks are in the program's arena) */
	struct arena *keep = g->a, conds;
	arena_init_sub(&conds, keep);
	g->a = &conds;
	struct cond *c = gen_node(g, root);
	geneve_enter(g, 0); /* the prologues are the capture's link type's */
	c = kvlan_prologue(g, wlan_prologue(g, ip6w_prologue(g, c)));
	if (c)
		g->ir->entry = cond_lower(g, c, g->ir->accept, g->ir->reject);
	g->a = keep;
	arena_free(&conds);
	return c ? 0 : -1;
}
