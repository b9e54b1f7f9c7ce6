/* emit.c: linearize the CFG and resolve jumps.
 *
 * Blocks are laid out in reverse postorder, so every jump goes forward;
 * the two returns come last.  A conditional jump reaches at most 255
 * instructions ahead; a target further away gets a trampoline, a `ja`
 * placed right after the jumping block, and layout is redone until every
 * jump fits (each round only lengthens jumps, so it ends). */
#include "emit.h"
#include "error.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

struct layout {
	struct arena *a;         /* the program's; b and pos are its scratch */
	struct ir_block **b;     /* the blocks in the order they are written */
	int n, cap;
	int *pos;                /* by block id: the block's first instruction */
};

static void push(struct layout *l, struct ir_block *b)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->b = arena_scratch_grow(l->a, l->b, sizeof *l->b * (size_t)l->cap);
	}
	l->b[l->n++] = b;
}

/* Reverse postorder without the two returns, then the returns (only the
 * one that is the entry, when the program is a bare return). */
static void lay_blocks(const struct ir_prog *p, struct layout *l)
{
	struct ir_order o;
	ir_rpo(p, &o);
	for (int i = 0; i < o.n; i++)
		if (o.b[i] != p->accept && o.b[i] != p->reject)
			push(l, o.b[i]);
	ir_order_free(&o);
	if (p->entry == p->reject) { /* a program that matches nothing */
		push(l, p->reject);
	} else if (p->entry == p->accept) { /* ... or everything */
		push(l, p->accept);
	} else {
		push(l, p->accept);
		push(l, p->reject);
	}
}

/* A `ja` to the block laid out next is left out. */
static int falls_through(const struct layout *l, int i)
{
	const struct ir_block *b = l->b[i];
	return b->term == IR_JA && i + 1 < l->n && l->b[i + 1] == b->jt;
}

static int size_of(const struct layout *l, int i)
{
	return l->b[i]->ninsns + !falls_through(l, i); /* the jump or the return */
}

/* Each block's first instruction; returns the program's length. */
static int place(const struct ir_prog *p, struct layout *l)
{
	int pc = 0;
	l->pos = arena_scratch_grow(l->a, l->pos, sizeof *l->pos * (size_t)p->nblocks);
	for (int i = 0; i < l->n; i++) {
		l->pos[l->b[i]->id] = pc;
		pc += size_of(l, i);
	}
	return pc;
}

/* Trampolines made in one round, each to go before the block at `at`. */
struct pending {
	int at;
	int seq;                 /* order of creation, to keep sorting stable */
	struct ir_block *b;
};

struct round {
	struct pending *v;
	int n, cap;
};

static int by_place(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	return x->at != y->at ? (x->at < y->at ? -1 : 1) : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* The jump *t of the block at i, from instruction `from`: when out of
 * reach, through a `ja` already there or scheduled in this round, or
 * through a new one placed as far ahead as the jump reaches, less a margin
 * for the others added in the same round, so later jumps can share it. */
static void reach(struct ir_prog *p, const struct layout *l, struct round *r, int i, int from,
		  struct ir_block **t)
{
	if (l->pos[(*t)->id] - from <= 255)
		return;
	int j = i + 1;
	for (int k = i + 1; k < l->n && l->pos[l->b[k]->id] - from <= 200; k++) {
		j = k;
		if (l->b[k]->term == IR_JA && l->b[k]->jt == *t && l->b[k]->ninsns == 0) {
			*t = l->b[k];
			return;
		}
	}
	for (int q = r->n - 1; q >= 0; q--)
		if (r->v[q].b->jt == *t && r->v[q].at > i && r->v[q].at <= j) {
			*t = r->v[q].b;
			return;
		}
	struct ir_block *tr = ir_block_new(p);
	tr->term = IR_JA;
	tr->jt = *t;
	tr->span = l->b[i]->span;
	*t = tr;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = arena_scratch_grow(p->a, r->v, sizeof *r->v * (size_t)r->cap);
	}
	r->v[r->n] = (struct pending){ j, r->n, tr };
	r->n++;
}

/* The round's trampolines merged in before the blocks they were placed at. */
static void insert(struct layout *l, struct round *r)
{
	struct layout next = { .a = l->a, .pos = l->pos };
	qsort(r->v, (size_t)r->n, sizeof *r->v, by_place);
	int q = 0;
	for (int i = 0; i < l->n; i++) {
		while (q < r->n && r->v[q].at == i)
			push(&next, r->v[q++].b);
		push(&next, l->b[i]);
	}
	arena_scratch_free(l->a, l->b);
	*l = next;
}

/* Each round lays out, finds every jump out of reach and schedules a
 * trampoline for it, then lays out again with them in place; returns the
 * program's length. */
static int add_trampolines(struct ir_prog *p, struct layout *l)
{
	struct round r = { 0 };
	for (;;) {
		int total = place(p, l);
		r.n = 0;
		for (int i = 0; i < l->n; i++) {
			struct ir_block *b = l->b[i];
			if (b->term != IR_BRANCH)
				continue;
			int from = l->pos[b->id] + b->ninsns + 1;
			reach(p, l, &r, i, from, &b->jt);
			reach(p, l, &r, i, from, &b->jf);
		}
		if (!r.n) {
			arena_scratch_free(p->a, r.v);
			return total;
		}
		insert(l, &r);
	}
}

/* The last instruction of the block at i, at pc: its jump or return. */
static struct bpf_insn terminator(const struct layout *l, int i, int pc)
{
	const struct ir_block *b = l->b[i];
	switch (b->term) {
	case IR_JA:
		return (struct bpf_insn){ BPF_JMP | BPF_JA, 0, 0, (uint32_t)(l->pos[b->jt->id] - (pc + 1)) };
	case IR_BRANCH:
		return (struct bpf_insn){ b->jcode, (uint8_t)(l->pos[b->jt->id] - (pc + 1)),
					  (uint8_t)(l->pos[b->jf->id] - (pc + 1)), b->jk };
	default:
		return (struct bpf_insn){ BPF_RET | BPF_K, 0, 0, b->ret_k };
	}
}

/* The instructions, and with sp each one's origin (a return has none). */
static void write_out(const struct layout *l, struct bpf_insn *prog, struct bpfx_span *sp)
{
	int pc = 0;
	for (int i = 0; i < l->n; i++) {
		const struct ir_block *b = l->b[i];
		for (int k = 0; k < b->ninsns; k++, pc++) {
			prog[pc] = (struct bpf_insn){ b->insns[k].code, 0, 0, b->insns[k].k };
			if (sp)
				sp[pc] = (struct bpfx_span){ (int)b->insns[k].span.start, (int)b->insns[k].span.end };
		}
		if (falls_through(l, i))
			continue; /* no instruction, and pc stays */
		if (sp)
			sp[pc] = b->term == IR_RET ? (struct bpfx_span){ -1, -1 }
						   : (struct bpfx_span){ (int)b->span.start, (int)b->span.end };
		prog[pc] = terminator(l, i, pc);
		pc++;
	}
}

int emit_program(struct ir_prog *p, struct bpf_insn **out, unsigned *nout, struct bpfx_span **spans,
		 struct bpfx_error *err)
{
	struct layout l = { .a = p->a };
	lay_blocks(p, &l);
	int total = add_trampolines(p, &l);
	struct bpf_insn *prog = calloc((size_t)total, sizeof *prog);
	struct bpfx_span *sp = spans ? calloc((size_t)total, sizeof *sp) : NULL;
	if (prog && (!spans || sp))
		write_out(&l, prog, sp);
	arena_scratch_free(l.a, l.b);
	arena_scratch_free(l.a, l.pos);
	if (!prog || (spans && !sp)) {
		free(prog);
		free(sp);
		return err_set(err, -1, -1, "out of memory");
	}
	if (spans)
		*spans = sp;
	*out = prog;
	*nout = (unsigned)total;
	return 0;
}
