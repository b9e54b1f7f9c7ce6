/* sets.c: an OR of equality tests on loaded fields becomes, per field, a
 * search over the sorted constants.
 *
 *   ld [26]; jeq a -> T;  ld [30]; jeq a -> T;  ld [26]; jeq b -> T; ...
 *
 * Reordering such a chain is exact only where no load in it can fail: a
 * load that succeeds at [k, k+s) proves the packet holds every byte
 * below k+s.  So the chain's head is kept as it is until it has loaded
 * its furthest field, and only the rest is regrouped by field: one load,
 * then a tree of `jgt` splits over the sorted values with short `jeq`
 * runs at the leaves, so a packet makes O(log n) comparisons. */
#include "opt/opt.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define LEAF 8 /* values tested in a row at a leaf */

struct member {
	uint16_t code;           /* the load: BPF_LD|size|BPF_ABS */
	uint32_t off, v;
};

static int is_member(const struct ir_block *b)
{
	return b->term == IR_BRANCH && b->jcode == (BPF_JMP | BPF_JEQ | BPF_K) && b->ninsns == 1 &&
	       BPF_CLASS(b->insns[0].code) == BPF_LD && BPF_MODE(b->insns[0].code) == BPF_ABS;
}

static uint32_t end_of(uint16_t code, uint32_t off)
{
	uint32_t size = BPF_SIZE(code) == BPF_W ? 4 : BPF_SIZE(code) == BPF_H ? 2 : 1;
	return off + size < off ? 0xffffffff : off + size;
}

static int by_field_value(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->v < y->v ? -1 : x->v > y->v;
}

static struct ir_block *branch(struct ir_prog *p, uint16_t op, uint32_t k, struct ir_block *t,
			       struct ir_block *f, struct span sp)
{
	struct ir_block *b = ir_block_new(p);
	b->term = IR_BRANCH;
	b->jcode = (uint16_t)(BPF_JMP | op | BPF_K);
	b->jk = k;
	b->jt = t;
	b->jf = f;
	b->span = sp;
	return b;
}

/* Values v[0..n) sorted: match -> t, no match -> f. */
static struct ir_block *search(struct ir_prog *p, const uint32_t *v, int n, struct ir_block *t,
			       struct ir_block *f, struct span sp)
{
	if (n <= LEAF) {
		struct ir_block *next = f;
		for (int i = n - 1; i >= 0; i--)
			next = branch(p, BPF_JEQ, v[i], t, next, sp);
		return next;
	}
	int mid = n / 2; /* v[0..mid) <= v[mid-1] < v[mid..n) */
	return branch(p, BPF_JGT, v[mid - 1], search(p, v + mid, n - mid, t, f, sp),
		      search(p, v, mid, t, f, sp), sp);
}

int opt_sets(struct ir_prog *p)
{
	int n, rewritten = 0;
	struct ir_block **order = opt_order(p, &n);
	int *preds = calloc((size_t)n, sizeof *preds);
	if (!preds)
		abort();
	for (int i = 0; i < n; i++)
		order[i]->pos = i;
	for (int i = 0; i < n; i++) {
		struct ir_block *b = order[i];
		if (b->term != IR_RET)
			preds[b->jt->pos]++;
		if (b->term == IR_BRANCH)
			preds[b->jf->pos]++;
	}
	for (int i = 0; i < n; i++) {
		struct ir_block *head = order[i];
		if (head->mark == -1 || !is_member(head))
			continue;
		/* the chain: jf links through members with no other way in */
		int len = 1, cap = 16;
		struct ir_block **ch = malloc(sizeof *ch * (size_t)cap);
		ch[0] = head;
		while (is_member(ch[len - 1]->jf) && ch[len - 1]->jf->jt == head->jt &&
		       preds[ch[len - 1]->jf->pos] == 1) {
			if (len == cap)
				ch = realloc(ch, sizeof *ch * (size_t)(cap *= 2));
			ch[len] = ch[len - 1]->jf;
			len++;
		}
		uint32_t far = 0, seen = 0;
		for (int k = 0; k < len; k++) {
			uint32_t e = end_of(ch[k]->insns[0].code, ch[k]->insns[0].k);
			if (e > far)
				far = e;
		}
		int keep = 0; /* the head that proves every load of the rest */
		while (keep < len && seen < far) {
			uint32_t e = end_of(ch[keep]->insns[0].code, ch[keep]->insns[0].k);
			if (e > seen)
				seen = e;
			keep++;
		}
		for (int k = 0; k < len; k++)
			ch[k]->mark = -1; /* not the head of another chain */
		int rest = len - keep;
		if (rest < 4) {
			free(ch);
			continue;
		}
		struct member *m = malloc(sizeof *m * (size_t)rest);
		for (int k = 0; k < rest; k++)
			m[k] = (struct member){ ch[keep + k]->insns[0].code, ch[keep + k]->insns[0].k, ch[keep + k]->jk };
		qsort(m, (size_t)rest, sizeof *m, by_field_value);
		/* one load and one search per field, the last field first */
		struct ir_block *next = ch[len - 1]->jf, *t = head->jt;
		struct span sp = head->span;
		uint32_t *vals = malloc(sizeof *vals * (size_t)rest);
		for (int hi = rest; hi > 0;) {
			int lo = hi - 1, nv = 0;
			while (lo > 0 && m[lo - 1].off == m[hi - 1].off && m[lo - 1].code == m[hi - 1].code)
				lo--;
			for (int k = lo; k < hi; k++)
				if (!nv || vals[nv - 1] != m[k].v)
					vals[nv++] = m[k].v;
			struct ir_block *s = search(p, vals, nv, t, next, sp);
			struct ir_block *ld = ir_block_new(p);
			ir_append(p, ld, m[lo].code, m[lo].off, sp);
			ld->term = IR_JA;
			ld->jt = s;
			ld->span = sp;
			next = ld;
			hi = lo;
		}
		if (keep)
			ch[keep - 1]->jf = next;
		else
			p->entry = p->entry == head ? next : p->entry;
		rewritten++;
		free(vals);
		free(m);
		free(ch);
	}
	for (int i = 0; i < n; i++)
		order[i]->mark = 0;
	free(preds);
	free(order);
	return rewritten;
}
