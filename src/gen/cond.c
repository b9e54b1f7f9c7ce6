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
	ir_insns_push(g->a, &c->insns, &c->n, &c->cap, (struct ir_insn){ code, k, g->span });
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

/* A piece's open targets, until cond_lower closes them. */
static struct ir_block piece_t, piece_f;

/* The blocks c's lowering makes: one a visit of a test. */
static uint32_t ntests(const struct cond *c)
{
	uint32_t n = 0;
	for (; c; c = c->kind == COND_AND || c->kind == COND_OR || c->kind == COND_NOT ? c->a : NULL) {
		if (c->kind == COND_TEST)
			n++;
		else if (c->kind == COND_PIECE)
			n += c->k;
		else if (c->kind == COND_AND || c->kind == COND_OR)
			n += ntests(c->b);
	}
	return n;
}

void cond_piece(struct gen *g, const struct cond *c, struct cond *p)
{
	memset(p, 0, sizeof *p);
	p->kind = COND_PIECE;
	p->span = c->span;
	p->k = ntests(c);
	if (p->k) /* one array: the blocks are taken from it in order */
		p->blocks = arena_alloc(g->ir->a, sizeof *p->blocks * p->k);
	g->pool = p->blocks;
	p->entry = cond_lower(g, c, &piece_t, &piece_f);
	g->pool = NULL;
}

/* A piece's blocks, numbered and pointed at t and f where they were left
 * open. */
static struct ir_block *close_piece(struct gen *g, const struct cond *c, struct ir_block *t, struct ir_block *f)
{
	for (uint32_t i = 0; i < c->k; i++) {
		struct ir_block *b = &c->blocks[i];
		b->id = g->ir->nblocks++;
		b->jt = b->jt == &piece_t ? t : b->jt == &piece_f ? f : b->jt;
		b->jf = b->jf == &piece_t ? t : b->jf == &piece_f ? f : b->jf;
	}
	return c->entry == &piece_t ? t : c->entry == &piece_f ? f : c->entry;
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
		case COND_PIECE:
			return close_piece(g, c, t, f);
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
