/* ir.c: building, walking and printing the CFG. */
#include "ir.h"
#include <stdlib.h>
#include <string.h>
#include "format.h"
#include <sys/types.h>
#include <pcap/bpf.h>

void ir_init(struct ir_prog *p, struct arena *a, uint32_t snaplen)
{
	memset(p, 0, sizeof *p);
	p->a = a;
	p->accept = ir_block_new(p);
	p->accept->term = IR_RET;
	p->accept->ret_k = snaplen;
	p->reject = ir_block_new(p);
	p->reject->term = IR_RET;
	p->reject->ret_k = 0;
	p->entry = p->accept;
}

struct ir_block *ir_block_new(struct ir_prog *p)
{
	struct ir_block *b = arena_alloc(p->a, sizeof *b);
	b->id = p->nblocks++;
	return b;
}

void ir_insns_push(struct arena *a, struct ir_insn **v, int *n, int *cap, struct ir_insn in)
{
	if (*n == *cap) {
		int c = *cap ? *cap * 2 : 1; /* most tests hold one */
		struct ir_insn *nv = arena_alloc(a, sizeof *nv * (size_t)c);
		if (*n)
			memcpy(nv, *v, sizeof *nv * (size_t)*n);
		*v = nv;
		*cap = c;
	}
	(*v)[(*n)++] = in;
}

/* Room doubles as statements are appended (the room kept as its log: a
 * block has no int to spare); a block cond_lower sized to need grows
 * to the power of two above it on its first append. */
void ir_append(struct ir_prog *p, struct ir_block *b, uint16_t code, uint32_t k, struct span sp)
{
	size_t room = b->capl ? (size_t)1 << (b->capl - 1) : (size_t)b->ninsns;
	if ((size_t)b->ninsns == room) {
		int l = 1;
		while (((size_t)1 << (l - 1)) <= (size_t)b->ninsns)
			l++;
		struct ir_insn *nv = arena_alloc(p->a, sizeof *nv * ((size_t)1 << (l - 1)));
		if (b->ninsns)
			memcpy(nv, b->insns, sizeof *nv * (size_t)b->ninsns);
		b->insns = nv;
		b->capl = (uint8_t)l;
	}
	b->insns[b->ninsns++] = (struct ir_insn){ code, k, sp };
}

/* Preorder, true side first; seen[] is by block id. */
static void dump_block(FILE *f, const struct ir_block *b, char *seen)
{
	char line[160];
	if (seen[b->id])
		return;
	seen[b->id] = 1;
	fprintf(f, "B%d:\n", b->id);
	for (int i = 0; i < b->ninsns; i++) {
		struct bpf_insn in = { b->insns[i].code, 0, 0, b->insns[i].k };
		fmt_insn(line, sizeof line, &in, i);
		fprintf(f, "  %s\n", line + 6); /* without the "(NNN) " */
	}
	switch (b->term) {
	case IR_RET:
		fprintf(f, "  ret      #%u\n", b->ret_k);
		break;
	case IR_JA:
		fprintf(f, "  ja       B%d\n", b->jt->id);
		dump_block(f, b->jt, seen);
		break;
	case IR_BRANCH: {
		struct bpf_insn in = { b->jcode, 0, 0, b->jk };
		fmt_insn(line, sizeof line, &in, 0);
		line[strcspn(line, "\t")] = 0;
		char *jt = strstr(line, "jt ");
		if (jt)
			*jt = 0;
		fprintf(f, "  %s-> B%d / B%d\n", line + 6, b->jt->id, b->jf->id);
		dump_block(f, b->jt, seen);
		dump_block(f, b->jf, seen);
		break;
	}
	}
}

void ir_dump(FILE *f, const struct ir_prog *p)
{
	char *seen = arena_scratch(p->a, (size_t)p->nblocks);
	dump_block(f, p->entry, seen);
	arena_scratch_free(p->a, seen);
}

/* Postorder without recursion (programs can be thousands of blocks deep),
 * reversed. */
void ir_rpo(const struct ir_prog *p, struct ir_order *o)
{
	struct frame { struct ir_block *b; int next; } *st;
	int top = 0, cap = 64;
	o->a = p->a;
	o->nids = p->nblocks;
	o->at = arena_scratch(o->a, sizeof *o->at * (size_t)o->nids);
	o->b = arena_scratch(o->a, sizeof *o->b * (size_t)o->nids);
	o->n = 0;
	for (int i = 0; i < o->nids; i++)
		o->at[i] = -1;
	st = arena_scratch(o->a, sizeof *st * (size_t)cap);
	st[top++] = (struct frame){ p->entry, 0 };
	o->at[p->entry->id] = 0; /* seen */
	while (top) {
		struct frame *f = &st[top - 1];
		struct ir_block *b = f->b, *s = NULL;
		if (b->term == IR_BRANCH && f->next < 2)
			s = f->next++ == 0 ? b->jf : b->jt;
		else if (b->term == IR_JA && f->next < 1)
			s = b->jt, f->next++;
		if (!s) {
			o->b[o->n++] = b;
			top--;
			continue;
		}
		if (o->at[s->id] == 0)
			continue;
		o->at[s->id] = 0;
		if (top == cap)
			st = arena_scratch_grow(o->a, st, sizeof *st * (size_t)(cap *= 2));
		st[top++] = (struct frame){ s, 0 };
	}
	arena_scratch_free(o->a, st);
	for (int i = 0; i < o->n / 2; i++) {
		struct ir_block *t = o->b[i];
		o->b[i] = o->b[o->n - 1 - i];
		o->b[o->n - 1 - i] = t;
	}
	for (int i = 0; i < o->n; i++)
		o->at[o->b[i]->id] = i;
	/* b has room for every id; late in the optimizer most ids are of
	 * blocks passes replaced (at 1k terms 5 in 6), and b at its full
	 * size made the last merge the compilation's peak (issue #15) */
	if (o->n < o->nids / 2)
		o->b = arena_scratch_grow(o->a, o->b, sizeof *o->b * (size_t)(o->n ? o->n : 1));
}

void ir_order_free(struct ir_order *o)
{
	arena_scratch_free(o->a, o->b);
	arena_scratch_free(o->a, o->at);
	o->b = NULL;
	o->at = NULL;
	o->n = 0;
}

int *ir_preds(const struct ir_order *o)
{
	int *preds = arena_scratch(o->a, ((size_t)o->n + 1) * sizeof *preds);
	for (int i = 0; i < o->n; i++) {
		const struct ir_block *b = o->b[i];
		if (b->term != IR_RET)
			preds[ir_index(o, b->jt)]++;
		if (b->term == IR_BRANCH)
			preds[ir_index(o, b->jf)]++;
	}
	return preds;
}
