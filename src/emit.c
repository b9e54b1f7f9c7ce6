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
	struct ir_block **b;
	int n, cap;
};

static void push(struct layout *l, struct ir_block *b)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->b = realloc(l->b, sizeof *l->b * (size_t)l->cap);
		if (!l->b)
			abort();
	}
	l->b[l->n++] = b;
}

/* Postorder without recursion: programs can be thousands of blocks deep. */
static void postorder(struct ir_prog *p, struct layout *out)
{
	struct frame { struct ir_block *b; int next; } *st = NULL;
	int n = 0, cap = 0;
	p->accept->mark = p->reject->mark = 1;
	if (p->entry->mark)
		return;
	cap = 64;
	st = malloc(sizeof *st * (size_t)cap);
	st[n++] = (struct frame){ p->entry, 0 };
	p->entry->mark = 1;
	while (n) {
		struct frame *f = &st[n - 1];
		struct ir_block *succ = NULL;
		/* visit jt after jf, so jt tends to end up laid out right after us */
		if (f->next == 0 && f->b->term == IR_BRANCH)
			succ = f->b->jf;
		else if (f->next <= 1 && f->b->term != IR_RET)
			succ = f->b->jt, f->next = 1;
		f->next++;
		if (f->next > 2 || f->b->term == IR_RET) {
			push(out, f->b);
			n--;
			continue;
		}
		if (succ && !succ->mark) {
			succ->mark = 1;
			if (n == cap) {
				cap *= 2;
				st = realloc(st, sizeof *st * (size_t)cap);
				if (!st)
					abort();
			}
			st[n++] = (struct frame){ succ, 0 };
		}
	}
	free(st);
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

struct pending {
	int at;                  /* goes before the block at this index */
	int seq;                 /* order of creation, to keep sorting stable */
	struct ir_block *b;
};

static int by_place(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	return x->at != y->at ? (x->at < y->at ? -1 : 1) : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

int emit_program(struct ir_prog *p, struct bpf_insn **out, unsigned *nout, struct bpfx_span **spans,
		 struct bpfx_error *err)
{
	struct layout post = { 0 }, lay = { 0 };
	postorder(p, &post);
	for (int i = post.n - 1; i >= 0; i--)
		push(&lay, post.b[i]);
	free(post.b);
	if (p->entry == p->reject) { /* a program that matches nothing */
		push(&lay, p->reject);
	} else if (p->entry == p->accept) { /* ... or everything */
		push(&lay, p->accept);
	} else {
		push(&lay, p->accept);
		push(&lay, p->reject);
	}

	/* Each round lays out, finds every jump out of reach and schedules a
	 * trampoline for it, then lays out again with them in place.  A new
	 * trampoline goes as far ahead as the jump reaches, less a margin for
	 * the others added in the same round, so later jumps can share it. */
	struct pending *pend = NULL;
	int npend = 0, cpend = 0;
	for (;;) {
		int pos = 0;
		for (int i = 0; i < lay.n; i++) {
			lay.b[i]->pos = pos;
			pos += size_of(&lay, i);
		}
		npend = 0;
		for (int i = 0; i < lay.n; i++) {
			struct ir_block *b = lay.b[i];
			if (b->term != IR_BRANCH)
				continue;
			int from = b->pos + b->ninsns + 1;
			for (int side = 0; side < 2; side++) {
				struct ir_block **t = side ? &b->jf : &b->jt;
				if ((*t)->pos - from <= 255)
					continue;
				int j = i + 1, reuse = 0;
				for (int k = i + 1; k < lay.n && lay.b[k]->pos - from <= 200; k++) {
					j = k;
					if (lay.b[k]->term == IR_JA && lay.b[k]->jt == *t && lay.b[k]->ninsns == 0) {
						*t = lay.b[k];
						reuse = 1;
						break;
					}
				}
				for (int q = npend - 1; q >= 0 && !reuse; q--)
					if (pend[q].b->jt == *t && pend[q].at > i && pend[q].at <= j) {
						*t = pend[q].b;
						reuse = 1;
					}
				if (reuse)
					continue;
				struct ir_block *tr = ir_block_new(p);
				tr->term = IR_JA;
				tr->jt = *t;
				tr->span = b->span;
				*t = tr;
				if (npend == cpend) {
					cpend = cpend ? cpend * 2 : 64;
					pend = realloc(pend, sizeof *pend * (size_t)cpend);
					if (!pend)
						abort();
				}
				pend[npend] = (struct pending){ j, npend, tr };
				npend++;
			}
		}
		if (!npend)
			break;
		/* merge the trampolines in before the blocks they were placed at */
		struct layout next = { 0 };
		qsort(pend, (size_t)npend, sizeof *pend, by_place);
		int q = 0;
		for (int i = 0; i < lay.n; i++) {
			while (q < npend && pend[q].at == i)
				push(&next, pend[q++].b);
			push(&next, lay.b[i]);
		}
		free(lay.b);
		lay = next;
	}
	free(pend);

	int total = 0;
	for (int i = 0; i < lay.n; i++)
		total += size_of(&lay, i);
	struct bpf_insn *prog = calloc((size_t)total, sizeof *prog);
	struct bpfx_span *sp = spans ? calloc((size_t)total, sizeof *sp) : NULL;
	if (!prog || (spans && !sp)) {
		free(prog);
		free(sp);
		free(lay.b);
		return err_set(err, -1, -1, "out of memory");
	}
	int pc = 0;
	for (int i = 0; i < lay.n; i++) {
		struct ir_block *b = lay.b[i];
		for (int k = 0; k < b->ninsns; k++, pc++) {
			prog[pc] = (struct bpf_insn){ b->insns[k].code, 0, 0, b->insns[k].k };
			if (sp)
				sp[pc] = (struct bpfx_span){ (int)b->insns[k].span.start, (int)b->insns[k].span.end };
		}
		if (sp)
			sp[pc] = b->term == IR_RET ? (struct bpfx_span){ -1, -1 }
						   : (struct bpfx_span){ (int)b->span.start, (int)b->span.end };
		switch (b->term) {
		case IR_RET:
			prog[pc] = (struct bpf_insn){ BPF_RET | BPF_K, 0, 0, b->ret_k };
			break;
		case IR_JA:
			if (falls_through(&lay, i))
				continue; /* no instruction, and pc stays */
			prog[pc] = (struct bpf_insn){ BPF_JMP | BPF_JA, 0, 0, (uint32_t)(b->jt->pos - (pc + 1)) };
			break;
		case IR_BRANCH:
			prog[pc] = (struct bpf_insn){ b->jcode, (uint8_t)(b->jt->pos - (pc + 1)),
						      (uint8_t)(b->jf->pos - (pc + 1)), b->jk };
			break;
		}
		pc++;
	}
	free(lay.b);
	if (spans)
		*spans = sp;
	*out = prog;
	*nout = (unsigned)total;
	return 0;
}
