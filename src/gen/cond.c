/* cond.c: boolean trees of tests, built by combinators and lowered to IR
 * blocks (cond.h). */
#include "gen/gen.h"
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

static struct cond *cnew(struct gen *g, enum cond_kind k, struct cond *a, struct cond *b)
{
	struct cond *c = arena_alloc(g->a, sizeof *c);
	c->kind = (uint8_t)k;
	c->a = a;
	c->b = b;
	c->span = g->span;
	return c;
}

struct cond *cond_true(struct gen *g) { return cnew(g, COND_TRUE, 0, 0); }
struct cond *cond_false(struct gen *g) { return cnew(g, COND_FALSE, 0, 0); }
struct cond *cond_test(struct gen *g) { return cnew(g, COND_TEST, 0, 0); }

struct cond *cond_and(struct gen *g, struct cond *a, struct cond *b)
{
	return a && b ? cnew(g, COND_AND, a, b) : 0;
}

struct cond *cond_or(struct gen *g, struct cond *a, struct cond *b)
{
	return a && b ? cnew(g, COND_OR, a, b) : 0;
}

struct cond *cond_not(struct gen *g, struct cond *a)
{
	return a ? cnew(g, COND_NOT, a, 0) : 0;
}

void cond_ins(struct gen *g, struct cond *c, uint16_t code, uint32_t k)
{
	if (g->geneve_cells && geneve_load(g, c, code, k))
		return;
	if (g->kvlan_used && kvlan_load(g, c, code, k))
		return;
	if (gen_var_pl(g) && wlan_load(g, c, code, k))
		return;
	ir_insns_push(g->a, &c->insns, &c->n, &c->cap, (struct ir_insn){ (uint16_t)(code | g->salt), k, g->span });
}

int cond_is_load(uint16_t code)
{
	uint16_t cls = BPF_CLASS(code), mode = BPF_MODE(code);
	return (cls == BPF_LD && (mode == BPF_ABS || mode == BPF_IND)) || (cls == BPF_LDX && mode == BPF_MSH);
}

void cond_var_load(struct gen *g, struct cond *c, uint16_t code, uint32_t rel, uint32_t cell)
{
	if (BPF_CLASS(code) == BPF_LDX) { /* X = the offset + 4 * (IP header length), as libpcap */
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell);
		cond_ins(g, c, BPF_LD | BPF_B | BPF_IND, rel);
		cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, 0xf);
		cond_ins(g, c, BPF_ALU | BPF_LSH | BPF_K, 2);
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
		cond_ins(g, c, BPF_MISC | BPF_TAX, 0);
		return;
	}
	if (BPF_MODE(code) == BPF_ABS) /* an indexed load has the offset in X already */
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell);
	cond_ins(g, c, (uint16_t)(BPF_LD | BPF_SIZE(code) | BPF_IND), rel);
}

struct cond *cond_jump(struct cond *c, uint16_t jop, uint32_t k)
{
	c->jcode = (uint16_t)(BPF_JMP | jop | BPF_K);
	c->k = k;
	return c;
}

struct cond *cond_cmp(struct gen *g, uint32_t off, int size, uint16_t jop, uint32_t v, uint32_t mask)
{
	struct cond *c = cond_test(g);
	cond_ins(g, c, (uint16_t)(BPF_LD | gen_bpf_size(size) | BPF_ABS), off);
	if (mask != 0xffffffff)
		cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, mask);
	return cond_jump(c, jop, v);
}

/* The targets of an OPEN cond's jumps, and its entry markers: where
 * it holds, where not. */
static struct ir_block open_t, open_f;

/* The blocks c's lowering makes: one a visit of a test. */
static uint32_t ntests(const struct cond *c)
{
	uint32_t n = 0;
	for (; c; c = c->kind == COND_AND || c->kind == COND_OR || c->kind == COND_NOT ? c->a : NULL) {
		if (c->kind == COND_TEST)
			n++;
		else if (c->kind == COND_AND || c->kind == COND_OR)
			n += ntests(c->b);
	}
	return n;
}

static void exits_add(struct cond_exits *l, struct ir_block **slot)
{
	*slot = NULL;
	if (l->tail)
		*l->tail = (struct ir_block *)(void *)slot;
	else
		l->head = slot;
	l->tail = slot;
}

static void exits_cat(struct cond_exits *l, const struct cond_exits *m)
{
	if (!m->head)
		return;
	if (l->tail)
		*l->tail = (struct ir_block *)(void *)m->head;
	else
		l->head = m->head;
	l->tail = m->tail;
}

static void exits_point(const struct cond_exits *l, struct ir_block *to)
{
	for (struct ir_block **s = l->head, **next; s; s = next) {
		next = (struct ir_block **)(void *)*s;
		*s = to;
	}
}

void cond_open(struct gen *g, const struct cond *c, struct cond *o)
{
	uint32_t k = ntests(c);
	memset(o, 0, sizeof *o);
	o->kind = COND_OPEN;
	o->span = c->span;
	struct ir_block *blocks = NULL;
	if (k) { /* one array: cond_lower takes the blocks from it in order */
		blocks = arena_alloc(g->ir->a, sizeof *blocks * k);
		if (g->nopened == g->capopened) {
			g->capopened = g->capopened ? 2 * g->capopened : 64;
			g->opened = arena_scratch_grow(g->ir->a, g->opened, sizeof *g->opened * g->capopened);
		}
		g->opened[g->nopened++] = blocks;
	}
	g->pool = blocks;
	o->entry = cond_lower(g, c, &open_t, &open_f);
	g->pool = NULL;
	for (uint32_t i = 0; i < k; i++) {
		struct ir_block *b = &blocks[i];
		/* its place from the left among all primitives' blocks, made
		 * here from the right (cond_lower's order) */
		b->id = (int)(g->ntests + k - 1 - i);
		if (b->jt == &open_t || b->jt == &open_f)
			exits_add(b->jt == &open_t ? &o->yes : &o->no, &b->jt);
		if (b->jf == &open_t || b->jf == &open_f)
			exits_add(b->jf == &open_t ? &o->yes : &o->no, &b->jf);
	}
	g->ntests += k;
}

/* The jumps l, of a run first, lead to b's entry. */
static void exits_to(struct cond *a, const struct cond_exits *l, const struct cond *b)
{
	if (b->entry == &open_t)
		exits_cat(&a->yes, l);
	else if (b->entry == &open_f)
		exits_cat(&a->no, l);
	else
		exits_point(l, b->entry);
}

void cond_open_join(struct gen *g, struct cond *a, const struct cond *b, int and)
{
	/* a's jumps that go on to b: where it holds for `and`, where not for `or` */
	struct cond_exits *on = and ? &a->yes : &a->no, l = *on;
	*on = (struct cond_exits){ 0 };
	exits_to(a, &l, b);
	exits_cat(&a->yes, &b->yes);
	exits_cat(&a->no, &b->no);
	if (a->entry == (and ? &open_t : &open_f)) /* a decided alone: its entry is b's */
		a->entry = b->entry;
	a->span = g->span;
}

void cond_open_not(struct gen *g, struct cond *a)
{
	struct cond_exits yes = a->yes;
	a->yes = a->no;
	a->no = yes;
	a->entry = a->entry == &open_t ? &open_f : a->entry == &open_f ? &open_t : a->entry;
	a->span = g->span;
}

/* The whole expression's blocks: numbered as lowering its tree here would
 * have (from the right: a block's id counts the blocks after it), and
 * pointed at t and f. */
static struct ir_block *close_open(struct gen *g, const struct cond *c, struct ir_block *t, struct ir_block *f)
{
	uint32_t left = 0;
	for (size_t i = 0; i < g->nopened; i++) {
		struct ir_block *blocks = g->opened[i];
		uint32_t k = (uint32_t)blocks[0].id + 1 - left; /* its first is its last from the left */
		for (uint32_t j = 0; j < k; j++)
			blocks[j].id = g->ir->nblocks + (int)(g->ntests - 1) - blocks[j].id;
		left += k;
	}
	g->ir->nblocks += (int)g->ntests;
	arena_scratch_free(g->ir->a, g->opened);
	g->opened = NULL;
	g->nopened = g->capopened = 0;
	exits_point(&c->yes, t);
	exits_point(&c->no, f);
	return c->entry == &open_t ? t : c->entry == &open_f ? f : c->entry;
}

/* `a and b` is a's code jumping to b's on true. */
struct ir_block *cond_lower(struct gen *g, const struct cond *c, struct ir_block *t, struct ir_block *f)
{
	/* down the left operands with a loop: a chain of thousands of ors is
	 * that deep on its left side */
	for (;;) {
		struct ir_block *r;
		switch ((enum cond_kind)c->kind) {
		case COND_TRUE:
			return t;
		case COND_FALSE:
			return f;
		case COND_NOT: {
			struct ir_block *s = t;
			t = f;
			f = s;
			c = c->a;
			continue;
		}
		case COND_AND:
			r = cond_lower(g, c->b, t, f);
			t = r;
			c = c->a;
			continue;
		case COND_OR:
			r = cond_lower(g, c->b, t, f);
			f = r;
			c = c->a;
			continue;
		case COND_OPEN:
			return close_open(g, c, t, f);
		case COND_TEST:
			break;
		}
		break;
	}
	struct ir_block *b = g->pool ? g->pool++ : ir_block_new(g->ir);
	if (c->n) { /* sized to need: few blocks grow later */
		b->insns = arena_alloc(g->ir->a, sizeof *b->insns * (size_t)c->n);
		memcpy(b->insns, c->insns, sizeof *b->insns * (size_t)c->n);
		b->ninsns = c->n;
	}
	b->term = IR_BRANCH;
	b->jcode = c->jcode;
	b->jk = c->k;
	b->jt = t;
	b->jf = f;
	b->span = c->span;
	return b;
}
