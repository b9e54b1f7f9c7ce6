/* vn.c: value numbering.  Two computations get the same number exactly
 * when they compute the same value from the same packet bytes: `ldh [12]`
 * in one block and in another, or `ldxb 4*([14]&0xf)` then `ldb [x+27]`.
 * The numbers are hash-consed, so equal numbers mean equal expressions
 * (and so that the same loads were made). 0 means unknown. */
#include "opt/opt.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

enum { VN_CONST = 1, VN_LEN, VN_LDABS, VN_LDIND, VN_MSH, VN_ALU, VN_NEG, VN_OPAQUE, VN_CELL };

struct vn_key {
	uint32_t kind, code, k, a, b;
};

struct vn_table {
	struct arena *a;         /* the table and its arrays are this arena's scratch */
	struct vn_key *keys;     /* open addressing; kind 0 = empty */
	uint32_t *ids;
	size_t cap, used;
	uint32_t next;
	uint32_t *konst;         /* by number: the constant it is (VN_CONST) */
	uint8_t *is_konst;
	size_t ncap;             /* numbers below this have room in both */
	uint32_t pinned;         /* cells whose value is one throughout (vn_pin) */
	int nofold;              /* vn_fold_zero(t, 0): `and #0` is not 0 */
};

struct vn_table *vn_new(struct arena *a)
{
	struct vn_table *t = arena_scratch(a, sizeof *t);
	t->a = a;
	t->cap = 1024;
	t->keys = arena_scratch(a, t->cap * sizeof *t->keys);
	t->ids = arena_scratch(a, t->cap * sizeof *t->ids);
	t->next = 1;
	return t;
}

void vn_free(struct vn_table *t)
{
	if (!t)
		return;
	arena_scratch_free(t->a, t->keys);
	arena_scratch_free(t->a, t->ids);
	arena_scratch_free(t->a, t->konst);
	arena_scratch_free(t->a, t->is_konst);
	arena_scratch_free(t->a, t);
}

static size_t hash(const struct vn_key *k)
{
	uint64_t h = 1469598103934665603ull;
	const uint32_t w[5] = { k->kind, k->code, k->k, k->a, k->b };
	for (int i = 0; i < 5; i++)
		h = (h ^ w[i]) * 1099511628211ull;
	return (size_t)(h ^ (h >> 29));
}

static uint32_t intern(struct vn_table *t, struct vn_key key);

static void grow(struct vn_table *t)
{
	struct vn_key *ok = t->keys;
	uint32_t *oi = t->ids;
	size_t ocap = t->cap;
	t->cap *= 2;
	t->keys = arena_scratch(t->a, t->cap * sizeof *t->keys);
	t->ids = arena_scratch(t->a, t->cap * sizeof *t->ids);
	t->used = 0;
	for (size_t i = 0; i < ocap; i++)
		if (ok[i].kind) {
			size_t j = hash(&ok[i]) & (t->cap - 1);
			while (t->keys[j].kind)
				j = (j + 1) & (t->cap - 1);
			t->keys[j] = ok[i];
			t->ids[j] = oi[i];
			t->used++;
		}
	arena_scratch_free(t->a, ok);
	arena_scratch_free(t->a, oi);
}

/* A new number; a constant's value is kept by number for vn_const. */
static uint32_t fresh(struct vn_table *t, const struct vn_key *key)
{
	uint32_t id = t->next++;
	if (id >= t->ncap) {
		size_t n = t->ncap ? t->ncap * 2 : 1024;
		t->konst = arena_scratch_grow(t->a, t->konst, n * sizeof *t->konst);
		t->is_konst = arena_scratch_grow(t->a, t->is_konst, n);
		memset(t->is_konst + t->ncap, 0, n - t->ncap);
		t->ncap = n;
	}
	t->is_konst[id] = key->kind == VN_CONST;
	t->konst[id] = key->k;
	return id;
}

static uint32_t intern(struct vn_table *t, struct vn_key key)
{
	if (key.kind == VN_OPAQUE)
		return fresh(t, &key); /* never equal to anything else */
	if ((t->used + 1) * 2 > t->cap)
		grow(t);
	size_t j = hash(&key) & (t->cap - 1);
	while (t->keys[j].kind) {
		if (!memcmp(&t->keys[j], &key, sizeof key))
			return t->ids[j];
		j = (j + 1) & (t->cap - 1);
	}
	t->keys[j] = key;
	t->ids[j] = fresh(t, &key);
	t->used++;
	return t->ids[j];
}

/* Scratch cells written once, by a store every load of them comes after
 * (it dominates them): a prologue's offset read from the packet (pflog's
 * header length, 802.11's).  A load of such a cell outside the storing
 * block is then one value everywhere (VN_CELL), so `ldx M[0]; ldb [x+9]`
 * in one block equals the same pair in another. */
static int loads_cell(const struct ir_block *b, int from, int to, uint32_t cell)
{
	for (int i = from; i < to; i++) {
		uint16_t c = b->insns[i].code;
		if ((c == (BPF_LD | BPF_MEM) || c == (BPF_LDX | BPF_MEM)) && b->insns[i].k == cell)
			return 1;
	}
	return 0;
}

static int stores_cell(const struct ir_block *b, int i, uint32_t cell)
{
	uint16_t c = b->insns[i].code;
	return (c == BPF_ST || c == BPF_STX) && b->insns[i].k == cell;
}

/* Is any block that loads cell reachable from the entry around s? */
static int reached_around(const struct ir_order *o, int s, uint32_t cell, int *stack, char *seen)
{
	int top = 0;
	memset(seen, 0, (size_t)o->n);
	if (s == 0)
		return 0;
	stack[top++] = 0;
	seen[0] = 1;
	while (top) {
		const struct ir_block *b = o->b[stack[--top]];
		if (loads_cell(b, 0, b->ninsns, cell))
			return 1;
		const struct ir_block *succ[2] = { b->term != IR_RET ? b->jt : NULL, b->term == IR_BRANCH ? b->jf : NULL };
		for (int k = 0; k < 2; k++) {
			int j = succ[k] ? ir_index(o, succ[k]) : -1;
			if (j >= 0 && j != s && !seen[j])
				seen[j] = 1, stack[top++] = j;
		}
	}
	return 0;
}

void vn_pin(struct vn_table *t, const struct ir_order *o)
{
	/* the stores of every cell counted in one walk of the program, the
	 * last one's place kept: most programs store no cell at all */
	int nst[BPF_MEMWORDS] = { 0 }, sb[BPF_MEMWORDS] = { 0 }, si[BPF_MEMWORDS] = { 0 };
	int *stack = NULL;
	char *seen = NULL;
	t->pinned = 0;
	for (int j = 0; j < o->n; j++)
		for (int i = 0; i < o->b[j]->ninsns; i++) {
			uint32_t cell = o->b[j]->insns[i].k;
			if (cell < BPF_MEMWORDS && stores_cell(o->b[j], i, cell))
				nst[cell]++, sb[cell] = j, si[cell] = i;
		}
	for (uint32_t cell = 0; cell < BPF_MEMWORDS; cell++) {
		if (nst[cell] != 1 || loads_cell(o->b[sb[cell]], 0, si[cell], cell))
			continue;
		if (!stack) {
			stack = arena_scratch(t->a, sizeof *stack * (size_t)(o->n + 1));
			seen = arena_scratch(t->a, (size_t)o->n + 1);
		}
		if (!reached_around(o, sb[cell], cell, stack, seen))
			t->pinned |= 1u << cell;
	}
	arena_scratch_free(t->a, stack);
	arena_scratch_free(t->a, seen);
}

/* A load of a cell no store in the block wrote: the pinned value, or
 * unknown. */
static uint32_t mk_cell(struct vn_table *t, uint32_t cell);

static uint32_t mk(struct vn_table *t, uint32_t kind, uint32_t code, uint32_t k, uint32_t a, uint32_t b)
{
	/* an unknown operand makes an unknown result */
	if ((kind == VN_LDIND || kind == VN_ALU || kind == VN_NEG) && (!a || (kind == VN_ALU && !b)))
		kind = VN_OPAQUE;
	return intern(t, (struct vn_key){ kind, code, k, a, b });
}

static uint32_t mk_cell(struct vn_table *t, uint32_t cell)
{
	if (cell < BPF_MEMWORDS && (t->pinned >> cell & 1))
		return mk(t, VN_CELL, 0, cell, 0, 0);
	return mk(t, VN_OPAQUE, 0, 0, 0, 0);
}

/* An ALU statement on constants (A, and X or k) is a constant: *v, as
 * the interpreter computes it; not a division by 0, which ends the
 * program. */
static int folds(const struct vn_table *t, uint16_t code, uint32_t a, uint32_t x, uint32_t k, uint32_t *v)
{
	uint32_t ka, kb;
	kb = k;
	if (!vn_const(t, a, &ka) || (BPF_SRC(code) == BPF_X && !vn_const(t, x, &kb)))
		return 0;
	struct isa_result r = isa_alu((uint32_t)(BPF_ALU | BPF_OP(code) | BPF_SRC(code)), ka, kb);
	*v = r.value;
	return r.fault == ISA_OK;
}

void vn_block(struct vn_table *t, struct ir_block *b, uint32_t a, uint32_t x,
	      uint32_t *a_out, uint32_t *x_out)
{
	uint32_t m[BPF_MEMWORDS] = { 0 }, kv;
	for (int i = 0; i < b->ninsns; i++) {
		const struct ir_insn *s = &b->insns[i];
		uint16_t c = s->code;
		switch (BPF_CLASS(c)) {
		case BPF_LD:
			switch (BPF_MODE(c)) {
			case BPF_IMM: a = mk(t, VN_CONST, 0, s->k, 0, 0); break;
			case BPF_LEN: a = mk(t, VN_LEN, 0, 0, 0, 0); break;
			case BPF_ABS: a = mk(t, VN_LDABS, c, s->k, 0, 0); break;
			case BPF_IND: a = mk(t, VN_LDIND, c, s->k, x, 0); break;
			case BPF_MEM: a = s->k < BPF_MEMWORDS && m[s->k] ? m[s->k] : mk_cell(t, s->k); break;
			default: a = mk(t, VN_OPAQUE, 0, 0, 0, 0); break;
			}
			break;
		case BPF_LDX:
			switch (BPF_MODE(c)) {
			case BPF_IMM: x = mk(t, VN_CONST, 0, s->k, 0, 0); break;
			case BPF_LEN: x = mk(t, VN_LEN, 0, 0, 0, 0); break;
			case BPF_MSH: x = mk(t, VN_MSH, 0, s->k, 0, 0); break;
			case BPF_MEM: x = s->k < BPF_MEMWORDS && m[s->k] ? m[s->k] : mk_cell(t, s->k); break;
			default: x = mk(t, VN_OPAQUE, 0, 0, 0, 0); break;
			}
			break;
		case BPF_ST:
			if (s->k < BPF_MEMWORDS)
				m[s->k] = a ? a : mk(t, VN_OPAQUE, 0, 0, 0, 0);
			break;
		case BPF_STX:
			if (s->k < BPF_MEMWORDS)
				m[s->k] = x ? x : mk(t, VN_OPAQUE, 0, 0, 0, 0);
			break;
		case BPF_ALU: {
			/* `op x` with X known is `op #X` (the same number
			 * below), but computed as the X form is: a shift by 32
			 * or more is 0, not a refused instruction */
			uint32_t opnd = s->k;
			int known = BPF_SRC(c) == BPF_K || vn_const(t, x, &opnd);
			if (BPF_OP(c) == BPF_NEG && !t->nofold && vn_const(t, a, &kv))
				a = mk(t, VN_CONST, 0, 0u - kv, 0, 0);
			else if (BPF_OP(c) == BPF_NEG)
				a = mk(t, VN_NEG, 0, 0, a, 0);
			else if (known && opnd == 0 && !t->nofold && (BPF_OP(c) == BPF_AND || BPF_OP(c) == BPF_MUL))
				a = mk(t, VN_CONST, 0, 0, 0, 0); /* whatever A was */
			else if (!t->nofold && folds(t, c, a, x, s->k, &kv))
				a = mk(t, VN_CONST, 0, kv, 0, 0);
			else if (BPF_SRC(c) == BPF_K)
				a = mk(t, VN_ALU, BPF_OP(c), 0, a, mk(t, VN_CONST, 0, s->k, 0, 0));
			else
				a = mk(t, VN_ALU, BPF_OP(c), 0, a, x);
			break;
		}
		case BPF_MISC:
			if (BPF_MISCOP(c) == BPF_TAX)
				x = a;
			else
				a = x;
			break;
		}
	}
	*a_out = a;
	*x_out = x;
}

void vn_fold_zero(struct vn_table *t, int on)
{
	t->nofold = !on;
}

int vn_const(const struct vn_table *t, uint32_t vn, uint32_t *k)
{
	if (vn >= t->ncap || !t->is_konst[vn])
		return 0;
	*k = t->konst[vn];
	return 1;
}
