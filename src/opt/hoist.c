/* hoist.c: a test that every accepting path still has to pass is made as
 * soon as its value is in A.
 *
 * `host a and b` loads the source address and tests it against a; where
 * it is not a, the program loads the destination (a load that ends it on
 * a short packet), tests that against a, then reloads the source to need
 * it to be b.  Testing source == b at once, rejecting when it is not, is
 * exact: on that branch every path ended with 0 anyway (the later test
 * fails, or a load runs past the packet first), and where it holds, the
 * later test is known to hold, so threading skips it with its reload.
 * (The reverse, accepting early, is not exact: the load in between could
 * have ended the program on a truncated packet.  So only tests whose one
 * outcome leads nowhere but to rejection move.)
 *
 * "Needed" facts are found backwards: a return of 0 needs everything (no
 * path from it accepts), an accepting return nothing, a test what both of
 * its sides need plus its own outcome on each.  The moved test recomputes
 * its value with the load that left it in A (opt_loads then sees it is
 * already there and drops it). */
#include "opt/opt.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define MAXNEED 64

struct need {
	uint32_t vn, k;
	uint16_t jcode;
	uint8_t out;             /* the outcome every accepting path has */
	struct span span;        /* the test's, for explain */
};

struct needs {
	int all;                 /* no path accepts: every fact is needed */
	int n;
	struct need f[MAXNEED];
};

/* A block's set as kept for the whole pass: its facts to their number
 * (most blocks need a few of the MAXNEED a set can hold). */
struct needset {
	int all, n;
	struct need *f;          /* scratch of the program's arena */
};

static struct needs unpack(const struct needset *k)
{
	struct needs r = { .all = k->all, .n = k->n };
	if (k->n)
		memcpy(r.f, k->f, sizeof *r.f * (size_t)k->n);
	return r;
}

static struct needset pack(struct arena *a, const struct needs *s)
{
	struct needset k = { .all = s->all, .n = s->n, .f = NULL };
	if (s->n) {
		k.f = arena_scratch(a, sizeof *k.f * (size_t)s->n);
		memcpy(k.f, s->f, sizeof *k.f * (size_t)s->n);
	}
	return k;
}

static int same_need(const struct need *a, const struct need *b)
{
	return a->vn == b->vn && a->k == b->k && a->jcode == b->jcode && a->out == b->out;
}

static void add(struct needs *s, const struct need *f)
{
	if (s->all || s->n == MAXNEED)
		return; /* a subset of what is needed is still needed */
	for (int i = 0; i < s->n; i++)
		if (same_need(&s->f[i], f))
			return;
	s->f[s->n++] = *f;
}

/* What both sides need. */
static struct needs meet(const struct needs *a, const struct needs *b)
{
	if (a->all)
		return *b;
	if (b->all)
		return *a;
	struct needs r = { 0 };
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			if (same_need(&a->f[i], &b->f[j])) {
				r.f[r.n++] = a->f[i];
				break;
			}
	return r;
}

/* The statements that recompute the value a block leaves in A, when it is
 * a packet load: the load, with the `ldxb 4*([n]&0xf)` or `ldx M[k]` an
 * indirect load needs.  0 when it is anything else. */
static int recompute(const struct ir_block *b, struct ir_insn out[2])
{
	int last = -1;
	for (int i = 0; i < b->ninsns; i++) {
		uint16_t c = b->insns[i].code;
		if (BPF_CLASS(c) == BPF_LD || BPF_CLASS(c) == BPF_ALU || c == (BPF_MISC | BPF_TXA))
			last = i;
	}
	if (last < 0 || BPF_CLASS(b->insns[last].code) != BPF_LD)
		return 0;
	uint16_t mode = BPF_MODE(b->insns[last].code);
	if (mode == BPF_ABS) {
		out[0] = b->insns[last];
		return 1;
	}
	if (mode != BPF_IND)
		return 0;
	for (int i = last - 1; i >= 0; i--) {
		uint16_t c = b->insns[i].code;
		if (BPF_CLASS(c) == BPF_LDX || c == (BPF_MISC | BPF_TAX)) {
			/* or X from a scratch cell (pflog's network layer,
			 * wlan.c): unchanged from b into its successor */
			if (c != (BPF_LDX | BPF_MSH | BPF_B) && c != (BPF_LDX | BPF_W | BPF_MEM))
				return 0;
			out[0] = b->insns[i];
			out[1] = b->insns[last];
			return 2;
		}
	}
	return 0;
}

/* Does the block load from the packet (a load that can end the program)? */
static int loads_packet(const struct ir_block *b)
{
	for (int i = 0; i < b->ninsns; i++) {
		uint16_t c = b->insns[i].code, m = BPF_MODE(c);
		if ((BPF_CLASS(c) == BPF_LD && (m == BPF_ABS || m == BPF_IND)) || (BPF_CLASS(c) == BPF_LDX && m == BPF_MSH))
			return 1;
	}
	return 0;
}

/* What is enough, once known, for every path on to accept (--loose only:
 * it ignores that a load on the way could end the program, as libpcap's
 * optimizer does where it threads a jump past a block whose test a value
 * tested before decides).  An accepting return has every fact, a
 * rejecting one none; a test keeps what both of its sides have, and its
 * own outcome where that side has it.  A test that loads a value of its
 * own, and is not a link of an OR chain (a side accepting at once, where
 * libpcap pulls a later test of the chain up over it), keeps only facts
 * on its own value: libpcap skips such a block (and its load) only where
 * its own test is decided (`ipx or stp` on Linux cooked captures: after
 * DSAP 0xe0 it loads the SNAP type at 20 before it tests DSAP 0x42, so a
 * 22-byte frame with DSAP 0x42 is rejected). */
static struct needs enough(const struct ir_prog *p, const struct ir_order *o, const struct ir_block *b,
			   const struct needset *sv, uint32_t tvn)
{
	struct needs r = { 0 };
	if (b->term == IR_RET) {
		r.all = b->ret_k != 0 && b->ret_k == p->accept->ret_k;
		return r;
	}
	if (b->term == IR_JA)
		return unpack(&sv[ir_index(o, b->jt)]);
	const struct needs vt = unpack(&sv[ir_index(o, b->jt)]), vf = unpack(&sv[ir_index(o, b->jf)]);
	const struct needs *st = &vt, *sf = &vf;
	r = meet(st, sf);
	int in_or = (b->jt->term == IR_RET && b->jt->ret_k) || (b->jf->term == IR_RET && b->jf->ret_k);
	if (!r.all && !in_or && loads_packet(b)) {
		int k = 0;
		for (int j = 0; j < r.n; j++)
			if (tvn && r.f[j].vn == tvn)
				r.f[k++] = r.f[j];
		r.n = k;
	}
	if (r.all || !opt_is_ktest(b) || !tvn)
		return r;
	for (int out = 0; out < 2; out++) {
		const struct needs *side = out ? st : sf;
		struct need f = { tvn, b->jk, b->jcode, (uint8_t)out, b->span };
		int has = side->all;
		for (int j = 0; j < side->n && !has; j++)
			has = same_need(&side->f[j], &f);
		if (has)
			add(&r, &f);
	}
	return r;
}

static int later_first(const void *a, const void *b)
{
	const struct need *x = *(const struct need *const *)a, *y = *(const struct need *const *)b;
	return x->span.start < y->span.start ? 1 : x->span.start > y->span.start ? -1 : 0;
}

/* What every accepting path from b needs: a return of 0 everything, an
 * accepting return nothing, a test what both of its sides need plus its
 * own outcome on each. */
static struct needs needed(const struct ir_order *o, const struct ir_block *b, const struct needset *need,
			   uint32_t tvn)
{
	struct needs r = { 0 };
	if (b->term == IR_RET) {
		r.all = b->ret_k == 0;
		return r;
	}
	if (b->term == IR_JA)
		return unpack(&need[ir_index(o, b->jt)]);
	struct needs nt = unpack(&need[ir_index(o, b->jt)]), nf = unpack(&need[ir_index(o, b->jf)]);
	if (opt_is_ktest(b) && tvn) {
		struct need f = { tvn, b->jk, b->jcode, 1, b->span };
		add(&nt, &f);
		f.out = 0;
		add(&nf, &f);
	}
	return meet(&nt, &nf);
}

/* In front of `first`, a test of each fact in ns on value vn, recomputed
 * by the statements r[0..nr); kind 0 (needed) rejects where the fact
 * fails, kind 1 (enough) accepts where it holds.  Returns the new first
 * block; m lists the tests made. */
struct made {
	struct ir_block **b;     /* the blocks test_early made, in order (scratch) */
	int n, cap;
};

static struct ir_block *test_early(struct ir_prog *p, const struct needs *ns, uint32_t vn, const struct ir_insn *r,
				   int nr, int kind, struct ir_block *first, struct made *m)
{
	const struct need *on[MAXNEED];
	int non = 0;
	for (int j = 0; j < ns->n; j++)
		if (ns->f[j].vn == vn)
			on[non++] = &ns->f[j];
	/* in the expression's order: the last wrapped is tested first */
	qsort(on, (size_t)non, sizeof *on, later_first);
	for (int j = 0; j < non; j++) {
		const struct need *f = on[j];
		struct ir_block *h = ir_block_new(p), *end = kind ? p->accept : p->reject;
		for (int k = 0; k < nr; k++)
			ir_append(p, h, r[k].code, r[k].k, f->span);
		h->term = IR_BRANCH;
		h->jcode = f->jcode;
		h->jk = f->k;
		h->span = f->span;
		h->jt = f->out == kind ? end : first;
		h->jf = f->out == kind ? first : end;
		first = h;
		if (m->n == m->cap)
			m->b = arena_scratch_grow(p->a, m->b, sizeof *m->b * (size_t)(m->cap = m->cap ? 2 * m->cap : 64));
		m->b[m->n++] = h;
	}
	return first;
}

/* Test in front of each side of b, at once, what that side needs (and,
 * --loose, what is enough for it) of the value b tests. */
static void hoist_block(struct ir_prog *p, const struct ir_order *o, int i, const struct needset *need,
			const struct needset *suff, const uint32_t *tvn, struct made *m)
{
	struct ir_block *b = o->b[i];
	struct ir_insn r[2];
	int nr;
	if (b->term != IR_BRANCH || !tvn[i] || !(nr = recompute(b, r)))
		return;
	for (int side = 0; side < 2; side++) {
		struct ir_block *s = side ? b->jt : b->jf;
		if (s->term == IR_RET)
			continue;
		int si = ir_index(o, s);
		/* kind 0: needed tests, failing to reject; kind 1
		 * (--loose): enough ones, passing to accept.  Every fact
		 * on the value is tested (host a or b or c: == b, == c) */
		struct ir_block *first = s;
		for (int kind = 0; kind < (suff ? 2 : 1); kind++) {
			struct needs all = unpack(kind ? &suff[si] : &need[si]);
			const struct needs *ns = &all;
			if (ns->all)
				continue; /* dead.c's or loose.c's business */
			if (kind && ns->n == MAXNEED)
				continue; /* a set too big to list: sets.c's business */
			/* nothing to gain where s is that test already */
			if (opt_is_ktest(s) && tvn[si] == tvn[i] && s->ninsns <= nr)
				continue;
			first = test_early(p, ns, tvn[i], r, nr, kind, first, m);
		}
		if (side)
			b->jt = first;
		else
			b->jf = first;
	}
}

/* One backward walk: a block's sets are computed from its successors'
 * (which its own moves do not change: they only redirect its edges),
 * then its tests moved; a set is freed once every predecessor has read
 * it, so only those of blocks with a predecessor still to come are held
 * (not one per block: a large expression's sets would outweigh its IR).
 * The blocks made are then numbered as if made walking forwards, block
 * by block, so that dumps name them as a forward walk would. */
int opt_hoist(struct ir_prog *p)
{
	struct ir_order o;
	ir_rpo(p, &o);
	int n = o.n, ids = p->nblocks;
	struct needset *need = arena_scratch(p->a, (size_t)n * sizeof *need);
	struct needset *suff = p->loose ? arena_scratch(p->a, (size_t)n * sizeof *suff) : NULL;
	uint32_t *tvn = arena_scratch(p->a, (size_t)n * sizeof *tvn);
	struct vn_table *t = vn_new(p->a);
	vn_pin(t, &o);
	for (int i = 0; i < n; i++) {
		uint32_t x;
		vn_block(t, o.b[i], 0, 0, &tvn[i], &x);
	}
	vn_free(t);
	int *preds = ir_preds(&o);
	int *from = arena_scratch(p->a, ((size_t)n + 1) * sizeof *from); /* block i's made: from[i + 1]..from[i] */
	struct made m = { 0 };
	from[n] = 0;
	for (int i = n - 1; i >= 0; i--) {
		struct ir_block *b = o.b[i];
		struct ir_block *succ[2] = { b->term != IR_RET ? b->jt : NULL, b->term == IR_BRANCH ? b->jf : NULL };
		if (suff) {
			struct needs e = enough(p, &o, b, suff, tvn[i]);
			suff[i] = pack(p->a, &e);
		}
		struct needs d = needed(&o, b, need, tvn[i]);
		need[i] = pack(p->a, &d);
		hoist_block(p, &o, i, need, suff, tvn, &m);
		from[i] = m.n;
		for (int side = 0; side < 2; side++) {
			int si = succ[side] ? ir_index(&o, succ[side]) : -1;
			if (si >= 0 && --preds[si] == 0) {
				arena_scratch_free(p->a, need[si].f);
				need[si].f = NULL;
				if (suff) {
					arena_scratch_free(p->a, suff[si].f);
					suff[si].f = NULL;
				}
			}
		}
	}
	for (int i = 0; i < n; i++)
		for (int k = from[i + 1]; k < from[i]; k++)
			m.b[k]->id = ids++;
	for (int i = 0; i < n; i++) { /* the entry's, and any a predecessor did not free */
		arena_scratch_free(p->a, need[i].f);
		if (suff)
			arena_scratch_free(p->a, suff[i].f);
	}
	arena_scratch_free(p->a, m.b);
	arena_scratch_free(p->a, from);
	arena_scratch_free(p->a, preds);
	arena_scratch_free(p->a, need);
	arena_scratch_free(p->a, suff);
	arena_scratch_free(p->a, tvn);
	ir_order_free(&o);
	return m.n;
}
