/* thread.c: jump threading (merge.c merges the equal blocks it leaves).
 *
 * Threading: walking the blocks so that each comes after all that lead to
 * it, every edge carries the facts known on it (value number v is equal
 * to c, lies in [lo, hi], is none of a few constants).  An edge into a
 * block whose test those facts decide is moved past that block.  This
 * removes the repeated ethertype and protocol tests of unoptimized code.
 * It is exact: the skipped test's value was computed, so its loads
 * succeeded, on every path that reaches it. */
#include "opt/opt.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define MAXNE 16
/* The most tests one edge is moved past.  Facts that pin a value (a port
 * known to be 80) decide every later test of it, so in an expression of
 * thousands of terms each such edge could walk the rest of the program:
 * quadratic time.  Stopping early is always sound (the edge just lands on
 * a test that would have been decided); no expression short of several
 * hundred terms walks this far, so their programs do not change. */
#define MAXWALK 1024

struct fact {
	uint32_t vn, lo, hi;
	uint32_t ne[MAXNE];     /* values it is known not to be */
	int nne;
	uint32_t jset_k;        /* a jset #jset_k on it came out jset_res */
	int jset_res;           /* -1 none */
	uint32_t one, zero;     /* bits known set, known clear (jset of one bit) */
};

/* One scratch block, its count first: a block's entry in the pass's
 * table is one pointer, NULL until an edge reaches it (a program of
 * thousands of terms has hundreds of thousands of blocks). */
struct facts {
	int n;
	struct fact f[];
};

static struct fact *find(struct facts *s, uint32_t vn)
{
	for (int i = 0; i < s->n; i++)
		if (s->f[i].vn == vn)
			return &s->f[i];
	return NULL;
}

static struct facts *copy(struct arena *a, const struct facts *s)
{
	struct facts *d = arena_scratch(a, sizeof *d + sizeof *d->f * (size_t)s->n);
	memcpy(d, s, sizeof *d + sizeof *d->f * (size_t)s->n);
	return d;
}

/* Is the test (jcode, k) on a value with fact f decided?  1 true, 0 false, -1 unknown. */
static int decide(const struct fact *f, uint16_t jcode, uint32_t k)
{
	if (!f)
		return -1;
	switch (BPF_OP(jcode)) {
	case BPF_JEQ:
		if (f->lo == f->hi)
			return f->lo == k;
		if (k < f->lo || k > f->hi || (k & f->zero) || (k & f->one) != f->one)
			return 0;
		for (int i = 0; i < f->nne; i++)
			if (f->ne[i] == k)
				return 0;
		return -1;
	case BPF_JGT:
		if (f->lo > k)
			return 1;
		if (f->hi <= k)
			return 0;
		return -1;
	case BPF_JGE:
		if (f->lo >= k)
			return 1;
		if (f->hi < k)
			return 0;
		return -1;
	case BPF_JSET:
		if (f->lo == f->hi)
			return (f->lo & k) != 0;
		if (f->jset_res >= 0 && f->jset_k == k)
			return f->jset_res;
		if (k & f->one)
			return 1;
		if (!(k & ~f->zero))
			return 0;
		return -1;
	}
	return -1;
}

/* Record that the test came out `taken`. */
static void learn(struct arena *a, struct facts **sp, uint32_t vn, uint16_t jcode, uint32_t k, int taken)
{
	struct facts *s = *sp;
	struct fact *f = find(s, vn);
	if (!f) {
		s = *sp = arena_scratch_grow(a, s, sizeof *s + sizeof *s->f * (size_t)(s->n + 1));
		f = &s->f[s->n++];
		*f = (struct fact){ .vn = vn, .lo = 0, .hi = 0xffffffff, .jset_res = -1 };
	}
	switch (BPF_OP(jcode)) {
	case BPF_JEQ:
		if (taken) {
			f->lo = f->hi = k;
			f->nne = 0;
		} else if (k == f->lo && f->lo < f->hi) {
			f->lo++;
		} else if (k == f->hi && f->lo < f->hi) {
			f->hi--;
		} else if (f->nne < MAXNE && k > f->lo && k < f->hi) {
			f->ne[f->nne++] = k;
		}
		break;
	case BPF_JGT:
		if (taken) {
			if (k + 1 > f->lo)
				f->lo = k + 1;
		} else if (k < f->hi) {
			f->hi = k;
		}
		break;
	case BPF_JGE:
		if (taken) {
			if (k > f->lo)
				f->lo = k;
		} else if (k > 0 && k - 1 < f->hi) {
			f->hi = k - 1;
		}
		break;
	case BPF_JSET:
		f->jset_k = k;
		f->jset_res = taken;
		if (!taken)
			f->zero |= k;
		else if (k && !(k & (k - 1)))
			f->one |= k;
		break;
	}
}

/* What is known at a join is what both sides know. */
static void meet(struct facts *d, const struct facts *s)
{
	int w = 0;
	for (int i = 0; i < d->n; i++) {
		const struct fact *o = NULL;
		for (int j = 0; j < s->n; j++)
			if (s->f[j].vn == d->f[i].vn)
				o = &s->f[j];
		if (!o)
			continue;
		struct fact f = d->f[i];
		if (o->lo < f.lo)
			f.lo = o->lo;
		if (o->hi > f.hi)
			f.hi = o->hi;
		int nne = 0;
		for (int a = 0; a < f.nne; a++)
			for (int b = 0; b < o->nne; b++)
				if (f.ne[a] == o->ne[b] && nne < MAXNE) /* learn() may list a value twice */
					f.ne[nne++] = f.ne[a];
		f.nne = nne;
		if (f.jset_res != o->jset_res || f.jset_k != o->jset_k)
			f.jset_res = -1;
		f.one &= o->one;
		f.zero &= o->zero;
		d->f[w++] = f;
	}
	d->n = w;
}

/* Scratch cells some block reads before writing them: what is stored
 * there is read in later blocks (--ip6-transport's walk), while a cell an
 * arithmetic test stores and reloads lives inside that one block. */
static unsigned exposed_cells(const struct ir_order *o)
{
	unsigned exposed = 0;
	for (int i = 0; i < o->n; i++) {
		unsigned written = 0;
		for (int k = 0; k < o->b[i]->ninsns; k++) {
			const struct ir_insn *s = &o->b[i]->insns[k];
			uint16_t c = s->code;
			if (s->k >= BPF_MEMWORDS)
				continue;
			if (BPF_CLASS(c) == BPF_ST || BPF_CLASS(c) == BPF_STX)
				written |= 1u << s->k;
			else if ((BPF_CLASS(c) == BPF_LD || BPF_CLASS(c) == BPF_LDX) && BPF_MODE(c) == BPF_MEM &&
				 !(written & (1u << s->k)))
				exposed |= 1u << s->k;
		}
	}
	return exposed;
}

/* Does the block read the packet, or write a cell a later block reads
 * (EXPOSED, from exposed_cells)?  Only then can skipping it matter. */
static int reads_packet(const struct ir_block *b, unsigned exposed)
{
	for (int i = 0; i < b->ninsns; i++) {
		uint16_t c = b->insns[i].code;
		if (((BPF_CLASS(c) == BPF_ST || BPF_CLASS(c) == BPF_STX) && b->insns[i].k < BPF_MEMWORDS &&
		     (exposed & (1u << b->insns[i].k))) ||
		    (BPF_CLASS(c) == BPF_LD && (BPF_MODE(c) == BPF_ABS || BPF_MODE(c) == BPF_IND)) ||
		    (BPF_CLASS(c) == BPF_LDX && BPF_MODE(c) == BPF_MSH) ||
		    (BPF_CLASS(c) == BPF_ALU && BPF_SRC(c) == BPF_X && (BPF_OP(c) == BPF_DIV || BPF_OP(c) == BPF_MOD)))
			return 1;
	}
	return 0;
}

/* A block's test's value number, and where (an index) a chain of fixed
 * tests from the block ends (the block itself if its test is not fixed):
 * one lookup per edge, not a walk.  Side by side, as a walk reads them. */
struct step {
	uint32_t tvn;
	int skip;
};

/* Hops: HOP steps of a walk, recorded at the block they began from, for
 * a later walk to take at once.  In an expression of thousands of terms,
 * the edges out of each term's port test (a port pinned, the other in a
 * range below the rest) all walk the same run of the later terms' tests,
 * each as far as MAXWALK: a walk then costs MAXWALK steps, and the runs
 * of neighbouring terms overlap in all but a few.  A recorded run's every
 * test was decided, and a hop keeps what a walk's facts need to decide
 * them the same way: for a value's equality tests, the constant of those
 * that held (the fact must pin the value to it) and the range of those
 * that failed (the fact's range must miss it); any other test as it is
 * (a fragment offset's jset, the same in every term, is kept once).  A
 * walk whose facts meet those needs decides each test of the run as the
 * recording walk did, so it lands on the same block after the same
 * number of steps: it is the same walk, HOP times faster, and the program
 * is the one of the walk made step by step.  A run with more than HOPVN
 * needs is not recorded.  Edges only go forward, and a block's edges move
 * only when it is threaded, after every walk that can pass it: a hop
 * never goes stale while a walk can reach it. */
#define HOP 32
#define HOPVN 6

struct need {
	uint32_t vn;
	uint16_t jcode;         /* 0: the value's equality tests, summed up; else
				 * one other test (jcode, k) that came out `out` */
	uint8_t has_eq, out;
	uint32_t k;             /* the held equality tests' constant, if has_eq */
	uint32_t lo, hi;        /* the failed ones' constants lie in [lo, hi] (lo > hi: none) */
};

struct hop {
	int from, to;           /* where the HOP steps start and land (indices) */
	int next;               /* the block's other hops: 1 + index in hops, 0 none */
	int nneed;
	struct need need[HOPVN];
};

/* A block's first hop, in an open-addressing table by the block's index:
 * a few thousand blocks have hops, out of hundreds of thousands. */
struct hop_head {
	int block;              /* 1 + the index, 0 for an empty slot */
	int first;              /* 1 + index in hops */
};

/* The pass's state, per block indexed like o.b. */
struct thread {
	struct ir_order o;
	struct step *st;         /* what an edge's walk reads of each block */
	int8_t *fixed;           /* the test's outcome on every path, or -1 */
	struct facts **in;       /* what every edge into the block knows; NULL:
				  * no edge reached it yet */
	unsigned exposed;        /* scratch cells read in a block that did not write them */
	struct hop *hops;        /* every hop kept */
	int nhops, caphops;
	struct hop_head *heads;  /* the blocks that have hops: few, hashed */
	int nheads, capheads;    /* capheads: a power of two, or 0 */
	int cur;                 /* the block whose edges are being threaded */
};

/* The outcome of b's test (reading value a, with X holding x) that needs
 * no fact: a test of a constant, or one that holds or fails whatever the
 * value.  1, 0, or -1 when it depends. */
static int outcome(const struct vn_table *t, const struct ir_block *b, uint32_t a, uint32_t x)
{
	uint16_t op = BPF_OP(b->jcode);
	uint32_t k;
	if (opt_is_ktest(b) && vn_const(t, a, &k)) {
		struct fact c = { .vn = a, .lo = k, .hi = k, .jset_res = -1 };
		return decide(&c, b->jcode, b->jk);
	}
	if (opt_is_ktest(b)) /* outcomes that do not depend on the value at all */
		return (op == BPF_JSET && b->jk == 0) || (op == BPF_JGT && b->jk == 0xffffffff) ? 0
		       : (op == BPF_JGE && b->jk == 0) ? 1 : -1;
	if (a && a == x) /* A compared with itself */
		return op == BPF_JEQ || op == BPF_JGE ? 1 : op == BPF_JGT ? 0 : -1;
	return -1;
}

/* Each test's value number, and the tests decided without facts.  A block
 * that reads no packet byte (and stores no cell another block reads) is
 * then skipped on every path (th->fixed); one that does keeps its loads,
 * which may still end the program, and its stores, and loses its test.
 * Returns whether a test was dropped. */
static int fix_outcomes(struct thread *th)
{
	struct vn_table *t = vn_new(th->o.a);
	int changed = 0;
	vn_pin(t, &th->o);
	for (int i = 0; i < th->o.n; i++) {
		struct ir_block *b = th->o.b[i];
		uint32_t x;
		vn_block(t, b, 0, 0, &th->st[i].tvn, &x);
		int d = b->term == IR_BRANCH ? outcome(t, b, th->st[i].tvn, x) : -1;
		th->fixed[i] = -1;
		if (d < 0)
			continue;
		if (!reads_packet(b, th->exposed)) {
			th->fixed[i] = (int8_t)d;
		} else {
			b->term = IR_JA;
			b->jt = d ? b->jt : b->jf;
			b->jf = NULL;
			changed = 1;
		}
	}
	vn_free(t);
	return changed;
}

/* Does a walk with facts f decide every test of hop h as its recording
 * walk did? */
static int hop_fits(const struct hop *h, struct facts *f)
{
	for (int k = 0; k < h->nneed; k++) {
		const struct need *q = &h->need[k];
		const struct fact *v = find(f, q->vn);
		if (!v)
			return 0;
		if (q->jcode ? decide(v, q->jcode, q->k) != q->out
		    : q->has_eq ? v->lo != q->k || v->hi != q->k
		    : q->lo == q->hi ? decide(v, BPF_JMP | BPF_JEQ | BPF_K, q->lo) != 0 /* one constant: as decided */
		    : !(v->hi < q->lo || v->lo > q->hi))
			return 0;
	}
	return 1;
}

/* Add to the run being recorded, r, a test (jcode, k) of value vn that
 * came out d.  0 when the run cannot be a hop. */
static int hop_need(struct hop *r, uint32_t vn, uint16_t jcode, uint32_t k, int d)
{
	int eq = BPF_OP(jcode) == BPF_JEQ;
	struct need *q = NULL;
	for (int j = 0; j < r->nneed && !q; j++)
		if (r->need[j].vn == vn && (eq ? !r->need[j].jcode : r->need[j].jcode == jcode && r->need[j].k == k))
			q = &r->need[j];
	if (!q) {
		if (r->nneed == HOPVN)
			return 0;
		q = &r->need[r->nneed++];
		*q = eq ? (struct need){ .vn = vn, .lo = 1, .hi = 0 }
			: (struct need){ .vn = vn, .jcode = jcode, .k = k, .out = (uint8_t)d };
	}
	/* another test found is the same one, and came out the same */
	if (eq && d) {
		q->k = k, q->has_eq = 1;
	} else if (eq && q->lo > q->hi) {
		q->lo = q->hi = k;
	} else if (eq) {
		q->lo = k < q->lo ? k : q->lo;
		q->hi = k > q->hi ? k : q->hi;
	}
	return 1;
}

/* Block i's slot in th->heads: its own, or the empty one it would take. */
static unsigned head_slot(const struct thread *th, int i)
{
	unsigned j = ((unsigned)i * 2654435761u) & (unsigned)(th->capheads - 1);
	while (th->heads[j].block && th->heads[j].block != i + 1)
		j = (j + 1) & (unsigned)(th->capheads - 1);
	return j;
}

/* Where block i's first hop is kept: NULL if it has none, unless add
 * (then a place holding 0). */
static int *hop_head(struct thread *th, int i, int add)
{
	if (add && (th->nheads + 1) * 2 > th->capheads) {
		struct hop_head *old = th->heads;
		int oldcap = th->capheads;
		th->capheads = oldcap ? oldcap * 2 : 1024;
		th->heads = arena_scratch(th->o.a, (size_t)th->capheads * sizeof *th->heads);
		for (int k = 0; k < oldcap; k++)
			if (old[k].block)
				th->heads[head_slot(th, old[k].block - 1)] = old[k];
		arena_scratch_free(th->o.a, old);
	}
	if (!th->capheads)
		return NULL;
	struct hop_head *e = &th->heads[head_slot(th, i)];
	if (!e->block) {
		if (!add)
			return NULL;
		e->block = i + 1;
		th->nheads++;
	}
	return &e->first;
}

/* The first of block i's hops that a walk with facts f can take, or NULL. */
static const struct hop *hop_for(struct thread *th, int i, struct facts *f)
{
	const int *first = hop_head(th, i, 0);
	for (int k = first ? *first : 0; k; k = th->hops[k - 1].next)
		if (hop_fits(&th->hops[k - 1], f))
			return &th->hops[k - 1];
	return NULL;
}

/* Drop the hops no walk can take any more: those from a block already
 * threaded (walks go forward from the block being threaded), so that only
 * the hops of the next MAXWALK steps or so are held.  Returns how many
 * are left. */
static int hop_sweep(struct thread *th)
{
	int kept = 0;
	if (th->capheads)
		memset(th->heads, 0, (size_t)th->capheads * sizeof *th->heads);
	th->nheads = 0;
	for (int k = 0; k < th->nhops; k++) {
		if (th->hops[k].from <= th->cur)
			continue;
		th->hops[kept] = th->hops[k];
		int *first = hop_head(th, th->hops[k].from, 1);
		th->hops[kept].next = *first;
		*first = ++kept;
	}
	return th->nhops = kept;
}

/* Keep the run r, HOP steps from block `from` to r->to, as one of from's
 * hops, if the facts f of the walk that made it meet its needs (a range
 * of failed constants may hold one the facts excluded otherwise).  A
 * block has one per way walks go through it (IPv4 or IPv6, a protocol
 * pinned or excluded): a walk records a hop only where none it could take
 * was, so they differ, and are few. */
static void hop_keep(struct thread *th, int from, struct hop *r, struct facts *f)
{
	if (!hop_fits(r, f))
		return;
	if (th->nhops == th->caphops && (!th->caphops || hop_sweep(th) * 2 > th->caphops)) {
		th->caphops = th->caphops ? th->caphops * 2 : 256;
		th->hops = arena_scratch_grow(th->o.a, th->hops, (size_t)th->caphops * sizeof *th->hops);
	}
	r->from = from;
	int *first = hop_head(th, from, 1);
	r->next = *first;
	th->hops[th->nhops++] = *r;
	*first = th->nhops;
}

/* Move the edge *to, which carries facts f, past every test that f or
 * th->fixed decides; f then goes to where it lands.  Returns whether the
 * edge moved. */
static int thread_edge(struct thread *th, struct facts *f, struct ir_block **to)
{
	struct ir_block *b = *to;
	int d, n = 0, i = ir_index(&th->o, b);
	int from = i, len = 0; /* the run being recorded: its first block, its steps */
	struct hop run = { .nneed = 0 };
	while (n < MAXWALK) { /* i: b's index, kept along (one lookup less a step) */
		int j, keep = 1;
		const struct hop *h = n + HOP <= MAXWALK && th->nheads ? hop_for(th, i, f) : NULL;
		if (h) {
			i = from = h->to, len = 0, run.nneed = 0;
			b = th->o.b[i];
			n += HOP;
			continue;
		}
		if (th->st[i].skip != i) {
			j = th->st[i].skip;
		} else if (b->term == IR_BRANCH && opt_is_ktest(b) &&
			   (d = decide(find(f, th->st[i].tvn), b->jcode, b->jk)) >= 0) {
			keep = hop_need(&run, th->st[i].tvn, b->jcode, b->jk, d);
			j = ir_index(&th->o, d ? b->jt : b->jf);
		} else {
			break;
		}
		n++;
		b = th->o.b[i = j];
		if (keep && ++len == HOP) {
			run.to = i;
			hop_keep(th, from, &run, f);
		}
		if (!keep || len == HOP)
			from = i, len = 0, run.nneed = 0;
	}
	int moved = n > 0;
	*to = b;
	struct facts **dst = &th->in[i];
	if (!*dst) {
		*dst = f;
	} else {
		meet(*dst, f);
		arena_scratch_free(th->o.a, f);
	}
	return moved;
}

int opt_thread(struct ir_prog *p)
{
	struct thread th;
	ir_rpo(p, &th.o);
	int n = th.o.n;
	th.st = arena_scratch(p->a, (size_t)n * sizeof *th.st);
	th.fixed = arena_scratch(p->a, (size_t)n * sizeof *th.fixed);
	th.in = arena_scratch(p->a, (size_t)n * sizeof *th.in);
	th.hops = NULL;
	th.nhops = th.caphops = 0;
	th.heads = NULL;
	th.nheads = th.capheads = 0;
	th.exposed = exposed_cells(&th.o);
	int changed = fix_outcomes(&th);
	/* successors first (edges only go forward, and no edge out of a block
	 * later than the one being threaded has moved yet, so the chains are
	 * the same as when walked test by test) */
	for (int i = n - 1; i >= 0; i--) {
		struct ir_block *b = th.o.b[i];
		th.st[i].skip = b->term == IR_BRANCH && th.fixed[i] >= 0
				? th.st[ir_index(&th.o, th.fixed[i] ? b->jt : b->jf)].skip : i;
	}
	th.in[0] = arena_scratch(p->a, sizeof *th.in[0]); /* nothing known */
	for (int i = 0; i < n; i++) {
		struct ir_block *b = th.o.b[i];
		th.cur = i;
		if (th.in[i] && b->term != IR_RET) /* else every edge into it was threaded past it; or no edge out */
			for (int side = 1; side >= (b->term == IR_JA); side--) {
				struct facts *f = copy(p->a, th.in[i]);
				if (opt_is_ktest(b))
					learn(p->a, &f, th.st[i].tvn, b->jcode, b->jk, side);
				changed |= thread_edge(&th, f, side ? &b->jt : &b->jf);
			}
		/* edges only go forward: nothing reads or meets into in[i] any
		 * more, so only the facts of edges still pending are held */
		arena_scratch_free(p->a, th.in[i]);
		th.in[i] = NULL;
	}
	arena_scratch_free(p->a, th.in);
	arena_scratch_free(p->a, th.st);
	arena_scratch_free(p->a, th.fixed);
	arena_scratch_free(p->a, th.heads);
	arena_scratch_free(p->a, th.hops);
	ir_order_free(&th.o);
	return changed;
}
