/* weak.c: would libpcap's optimizer see that this program matches nothing?
 *
 * libpcap 1.10.3 refuses an expression when its optimizer reduces the
 * program to one `ret #0` ("expression rejects all packets").  bpfx's own
 * optimizer proves that of more expressions: it knows ranges (`ip[0] < 0`,
 * or a length field compared after an equality test of the same bytes),
 * sets of values met at a join (ARCNET's two IPv4 types) and bits (`not
 * inbound and not outbound`).  libpcap compiles those to a program that
 * accepts nothing, so bpfx must compile them too.  This pass decides the
 * refusal as libpcap's optimizer would, on a fresh unoptimized program,
 * with only the facts libpcap's jump threading (its fold_edge) uses:
 *  - a test reading the same value as an earlier one is decided when it
 *    is the same test (same outcome), or when both are `jeq` and the
 *    earlier came out true (so this one is false);
 *  - the earlier test counts only if its edge lies on every path to the
 *    edge being moved (libpcap's edge dominators): facts met at a join
 *    are those both sides got from the same edge, never a union;
 *  - a test of a constant is decided; no other test is.
 * Threading, collapsing what can only reject, and merging equal blocks
 * repeat until nothing changes.  Verdicts of this program are not kept:
 * libpcap ignores loads past the packet here, and so may this pass. */
#include "opt/opt.h"
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

struct wfact {
	uint32_t vn, k;
	uint16_t jcode;
	uint8_t taken;
	int edge;                /* the edge that made it: block id * 2 + side */
};

struct wfacts {
	struct wfact *f;
	int n, set;
};

/* 1 true, 0 false, -1 unknown: the test (vn, jcode, k) given the facts. */
static int wdecide(const struct wfacts *s, uint32_t vn, uint16_t jcode, uint32_t k)
{
	for (int i = 0; i < s->n; i++) {
		const struct wfact *f = &s->f[i];
		if (f->vn != vn || f->jcode != jcode)
			continue;
		if (f->k == k)
			return f->taken;
		if (BPF_OP(jcode) == BPF_JEQ && f->taken)
			return 0;
	}
	return -1;
}

/* Facts both sets got from the same edge. */
static void wmeet(struct wfacts *d, const struct wfacts *s)
{
	int w = 0;
	for (int i = 0; i < d->n; i++)
		for (int j = 0; j < s->n; j++)
			if (d->f[i].edge == s->f[j].edge && d->f[i].vn == s->f[j].vn) {
				d->f[w++] = d->f[i];
				break;
			}
	d->n = w;
}

/* What a round knows of each block (indexed like its ir_order). */
struct wblk {
	uint32_t tvn;            /* value number of what its test reads */
	uint32_t predv;          /* the value every block jumping to it tested, or ~0 */
	int npred, konst;        /* edges into it; its test's outcome on a constant, or -1 */
	struct wfacts in;        /* what every edge into it knows */
};

/* libpcap's and/or pull-up: every block jumping to d tested value v
 (the edge's own test), so a later test of v on d's chain of ANDs (true
 * sides with d's false target) or ORs (false sides with d's true target)
 * is moved up to d, where the facts decide it.  Returns where the edge
 * into d may go instead: d's false or true target, or d itself. */
static struct ir_block *pulled(const struct ir_order *o, const struct wblk *w,
			       const struct wfacts *f, uint32_t v, struct ir_block *d)
{
	for (int or = 0; or < 2; or++)
		for (struct ir_block *c = or ? d->jf : d->jt; c && c->term == IR_BRANCH;
		     c = or ? c->jf : c->jt) {
			int j = ir_index(o, c);
			if (j < 0 || w[j].npred != 1 || (or ? c->jt != d->jt : c->jf != d->jf))
				break;
			if (w[j].tvn != v || !opt_is_ktest(c))
				continue;
			int r = wdecide(f, v, c->jcode, c->jk);
			if (r == or)
				return or ? d->jt : d->jf;
			break;
		}
	return d;
}

/* One round of threading; returns whether an edge moved. */
static int wthread(struct ir_prog *p)
{
	struct ir_order o;
	ir_rpo(p, &o);
	int n = o.n, changed = 0;
	struct wblk *w = arena_scratch(p->a, (size_t)n * sizeof *w);
	struct vn_table *t = vn_new(p->a);
	vn_fold_zero(t, 0); /* libpcap folds those only in its second pass */
	vn_pin(t, &o);
	for (int i = 0; i < n; i++) {
		struct ir_block *b = o.b[i];
		uint32_t x;
		vn_block(t, b, 0, 0, &w[i].tvn, &x);
		w[i].konst = opt_weak_test_const(t, b, w[i].tvn, x);
	}
	vn_free(t);
	for (int i = 0; i < n; i++)
		for (int side = 0; side < 2; side++) {
			struct ir_block *s2 = side ? o.b[i]->jt : o.b[i]->jf;
			int j = s2 && o.b[i]->term != IR_RET && (side || o.b[i]->term == IR_BRANCH) ? ir_index(&o, s2) : -1;
			if (j < 0)
				continue;
			w[j].predv = w[j].npred++ == 0 ? w[i].tvn : w[j].predv == w[i].tvn ? w[j].predv : ~0u;
		}
	while (o.n && ir_index(&o, p->entry) >= 0 && w[ir_index(&o, p->entry)].konst >= 0) {
		p->entry = w[ir_index(&o, p->entry)].konst ? p->entry->jt : p->entry->jf;
		changed = 1;
	}
	if (changed) /* the walk below starts at the old entry: next round */
		goto out;
	w[0].in.set = 1;
	for (int i = 0; i < n; i++) {
		struct ir_block *b = o.b[i];
		if (!w[i].in.set || b->term == IR_RET)
			continue;
		for (int side = 1; side >= (b->term == IR_JA); side--) {
			struct wfacts f = { NULL, w[i].in.n, 1 };
			f.f = arena_scratch(p->a, sizeof *f.f * (size_t)(w[i].in.n + 1));
			if (w[i].in.n)
				memcpy(f.f, w[i].in.f, sizeof *f.f * (size_t)w[i].in.n);
			if (opt_is_ktest(b))
				f.f[f.n++] = (struct wfact){ .vn = w[i].tvn, .k = b->jk, .jcode = b->jcode,
							     .taken = (uint8_t)side, .edge = b->id * 2 + side };
			struct ir_block **to = side ? &b->jt : &b->jf, *d = *to;
			for (;;) { /* edges only go forward: this ends */
				int j = ir_index(&o, d), r = -1;
				if (j < 0 || d->term != IR_BRANCH)
					break;
				if (w[j].konst >= 0)
					r = w[j].konst;
				else if (opt_is_ktest(d))
					r = wdecide(&f, w[j].tvn, d->jcode, d->jk);
				if (r < 0 && w[j].predv == w[i].tvn && w[i].tvn) {
					struct ir_block *e = pulled(&o, w, &f, w[i].tvn, d);
					if (e == d)
						break;
					d = e;
					continue;
				}
				if (r < 0)
					break;
				d = r ? d->jt : d->jf;
			}
			if (d != *to)
				*to = d, changed = 1;
			int j = ir_index(&o, d);
			if (j < 0)
				continue;
			if (!w[j].in.set)
				w[j].in = f;
			else
				wmeet(&w[j].in, &f);
		}
	}
out:
	arena_scratch_free(p->a, w);
	ir_order_free(&o);
	return changed;
}

int opt_weak_rejects(struct ir_prog *p)
{
	opt_peep(p, 0);
	for (int round = 0; round < 64; round++) {
		int changed = wthread(p);
		changed |= opt_dead(p);
		changed |= opt_merge(p) > 0;
		if (!changed)
			break;
	}
	return opt_weak_root(p); /* libpcap's second pass (weak_root.c) */
}
