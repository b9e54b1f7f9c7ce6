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
 * runs at the leaves, so a packet makes O(log n) comparisons.  A field
 * with few values (LEAF or fewer) is one `jeq` run in the expression's
 * order, as libpcap lists it. */
#include "opt/opt.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define LEAF 16 /* values tested in a row at a leaf */

struct member {
	uint16_t code;           /* the load: BPF_LD|size|BPF_ABS or BPF_IND */
	uint32_t off, v;
	int idx;                 /* place in the chain */
};

/* `ld [k]; jeq #v`, or `ldxb 4*([n]&0xf); ld [x + k]; jeq #v` (a port
 * past the IPv4 header).  Returns the msh offset n + 1 for the second
 * form, 0 for the first, -1 for neither. */
static long member_kind(const struct ir_block *b)
{
	if (b->term != IR_BRANCH || b->jcode != (BPF_JMP | BPF_JEQ | BPF_K))
		return -1;
	const struct ir_insn *s = b->insns;
	if (b->ninsns == 1 && BPF_CLASS(s[0].code) == BPF_LD && BPF_MODE(s[0].code) == BPF_ABS)
		return 0;
	if (b->ninsns == 2 && s[0].code == (BPF_LDX | BPF_MSH | BPF_B) && BPF_CLASS(s[1].code) == BPF_LD &&
	    BPF_MODE(s[1].code) == BPF_IND)
		return (long)s[0].k + 1;
	return -1;
}

static const struct ir_insn *member_load(const struct ir_block *b)
{
	return &b->insns[b->ninsns - 1];
}

static int is_member(const struct ir_block *b)
{
	return member_kind(b) >= 0;
}

/* By field, then in the chain's (the expression's) order. */
static int by_field(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->idx - y->idx;
}

static int by_value(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
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

/* Values v[0..n), sorted when more than LEAF: match -> t, no match -> f. */
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

/* The chain from head: jf links through members of head's kind with the
 * same true target and no other way in.  Returns its length, *out scratch. */
static int chain_of(const struct ir_order *o, const int *preds, struct ir_block *head, struct ir_block ***out)
{
	int len = 1, cap = 16;
	struct ir_block **ch = arena_scratch(o->a, sizeof *ch * (size_t)cap);
	ch[0] = head;
	long kind = member_kind(head);
	while (member_kind(ch[len - 1]->jf) == kind && ch[len - 1]->jf->jt == head->jt &&
	       ir_index(o, ch[len - 1]->jf) >= 0 && preds[ir_index(o, ch[len - 1]->jf)] == 1) {
		if (len == cap)
			ch = arena_scratch_grow(o->a, ch, sizeof *ch * (size_t)(cap *= 2));
		ch[len] = ch[len - 1]->jf;
		len++;
	}
	*out = ch;
	return len;
}

/* How many members from the head prove every load of the rest: they have
 * loaded up to the chain's furthest byte. */
static int proof_len(struct ir_block **ch, int len)
{
	uint32_t far = 0, seen = 0;
	for (int k = 0; k < len; k++) {
		uint32_t e = isa_load_end(member_load(ch[k])->code, member_load(ch[k])->k);
		if (e > far)
			far = e;
	}
	int keep = 0;
	while (keep < len && seen < far) {
		uint32_t e = isa_load_end(member_load(ch[keep])->code, member_load(ch[keep])->k);
		if (e > seen)
			seen = e;
		keep++;
	}
	return keep;
}

/* The members after the kept head, grouped by field; the field the head
 * loaded last (`last`) is still in A, so its group goes first and its
 * load can go (loads.c). */
static struct member *by_fields(struct arena *a, struct ir_block **ch, int keep, int rest, const struct ir_insn *last)
{
	struct member *m = arena_scratch(a, sizeof *m * (size_t)rest);
	for (int k = 0; k < rest; k++)
		m[k] = (struct member){ member_load(ch[keep + k])->code, member_load(ch[keep + k])->k,
					ch[keep + k]->jk, k };
	qsort(m, (size_t)rest, sizeof *m, by_field);
	int lo0 = 0, hi0 = 0;
	while (lo0 < rest && (m[lo0].off != last->k || m[lo0].code != last->code))
		lo0++;
	hi0 = lo0;
	while (hi0 < rest && m[hi0].off == last->k && m[hi0].code == last->code)
		hi0++;
	if (lo0 < rest && lo0 > 0) {
		struct member *tmp = arena_scratch(a, sizeof *tmp * (size_t)rest);
		memcpy(tmp, m + lo0, sizeof *m * (size_t)(hi0 - lo0));
		memcpy(tmp + (hi0 - lo0), m, sizeof *m * (size_t)lo0);
		memcpy(tmp + hi0, m + hi0, sizeof *m * (size_t)(rest - hi0));
		memcpy(m, tmp, sizeof *m * (size_t)rest);
		arena_scratch_free(a, tmp);
	}
	return m;
}

/* One field's values without repeats: a short run keeps the expression's
 * order (as libpcap's does); a longer one is sorted for the search.
 * Returns how many remain. */
static int distinct(uint32_t *vals, int nv)
{
	if (nv > LEAF)
		qsort(vals, (size_t)nv, sizeof *vals, by_value);
	int w = 0;
	for (int k = 0; k < nv; k++) {
		int dup = 0;
		for (int j = nv > LEAF ? (w ? w - 1 : 0) : 0; j < w && !dup; j++)
			dup = vals[j] == vals[k];
		if (!dup)
			vals[w++] = vals[k];
	}
	return w;
}

/* One load and one search per field of m, the last field first: a match
 * goes to t, no match in any field to next.  Returns the first block. */
static struct ir_block *searches(struct ir_prog *p, const struct member *m, int rest, long kind, struct ir_block *t,
				 struct ir_block *next, struct span sp)
{
	uint32_t *vals = arena_scratch(p->a, sizeof *vals * (size_t)rest);
	for (int hi = rest; hi > 0;) {
		int lo = hi - 1, nv = 0;
		while (lo > 0 && m[lo - 1].off == m[hi - 1].off && m[lo - 1].code == m[hi - 1].code)
			lo--;
		for (int k = lo; k < hi; k++)
			vals[nv++] = m[k].v;
		nv = distinct(vals, nv);
		struct ir_block *s = search(p, vals, nv, t, next, sp);
		struct ir_block *ld = ir_block_new(p);
		if (kind > 0)
			ir_append(p, ld, BPF_LDX | BPF_MSH | BPF_B, (uint32_t)(kind - 1), sp);
		ir_append(p, ld, m[lo].code, m[lo].off, sp);
		ld->term = IR_JA;
		ld->jt = s;
		ld->span = sp;
		next = ld;
		hi = lo;
	}
	arena_scratch_free(p->a, vals);
	return next;
}

int opt_sets(struct ir_prog *p)
{
	struct ir_order o;
	int rewritten = 0;
	ir_rpo(p, &o);
	int *preds = ir_preds(&o);
	char *chained = arena_scratch(p->a, (size_t)o.n); /* by index in o.b: in a chain already */
	for (int i = 0; i < o.n; i++) {
		struct ir_block *head = o.b[i], **ch;
		if (chained[i] || !is_member(head))
			continue;
		int len = chain_of(&o, preds, head, &ch);
		int keep = proof_len(ch, len); /* the head that proves every load of the rest */
		for (int k = 0; k < len; k++)
			chained[ir_index(&o, ch[k])] = 1; /* not the head of another chain */
		int rest = len - keep;
		if (rest < 2) {
			arena_scratch_free(p->a, ch);
			continue;
		}
		struct member *m = by_fields(p->a, ch, keep, rest, member_load(ch[keep - 1]));
		struct ir_block *next = searches(p, m, rest, member_kind(head), head->jt, ch[len - 1]->jf, head->span);
		if (keep)
			ch[keep - 1]->jf = next;
		else
			p->entry = p->entry == head ? next : p->entry;
		rewritten++;
		arena_scratch_free(p->a, m);
		arena_scratch_free(p->a, ch);
	}
	arena_scratch_free(p->a, chained);
	arena_scratch_free(p->a, preds);
	ir_order_free(&o);
	return rewritten;
}
