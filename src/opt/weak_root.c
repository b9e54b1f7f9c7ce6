/* weak_root.c: the end of weak.c's model, libpcap's second pass and its
 * opt_root.  That pass folds constants (`neg`, `and #0`, arithmetic on
 * known values, `op x` with a known X) but moves no edge, so a test it
 * decides only matters on the chain from the root: opt_root skips every
 * block whose two edges now meet, and the program is `ret #0` when the
 * chain ends there.  Two of libpcap's rules bound that chain:
 *  - it decides a test from a known A only in a block that still has
 *    statements (opt_peep returns early on an empty one);
 *  - a block whose statements leave A and X as they came in, both known,
 *    with neither read after it, loses its statements first (opt_blk's
 *    special case: `4/2 > 1 and 4/2 > 0xffffffff` keeps its second test).
 * X as the next block sees it is what libpcap's first pass left: a test
 * of a constant right side became `jxx #k` there and the transfer to X
 * that fed it died. */
#include "opt/opt.h"
#include <sys/types.h>
#include <pcap/bpf.h>

enum { USE_A = 1, USE_X = 2 };

/* The outcome of b's test (jeq/jgt/jge/jset #k) on the constant c. */
static int on_const(const struct ir_block *b, uint32_t k, uint32_t c)
{
	switch (BPF_OP(b->jcode)) {
	case BPF_JEQ: return c == k;
	case BPF_JGT: return c > k;
	case BPF_JGE: return c >= k;
	default: return (c & k) != 0;
	}
}

int opt_weak_test_const(const struct vn_table *t, const struct ir_block *b, uint32_t a, uint32_t x)
{
	uint32_t c, kx;
	if (b->term != IR_BRANCH || !vn_const(t, a, &c))
		return -1;
	if (opt_is_ktest(b))
		return on_const(b, b->jk, c);
	if (BPF_SRC(b->jcode) != BPF_X || !vn_const(t, x, &kx))
		return -1;
	return on_const(b, kx, c);
}

/* What b reads before it sets it (USE_A, USE_X), its test included. */
static int reads_first(const struct ir_block *b, int *sets)
{
	int set = 0, use = 0;
	for (int i = 0; i < b->ninsns; i++) {
		uint16_t c = b->insns[i].code;
		int u = 0, d = 0;
		switch (BPF_CLASS(c)) {
		case BPF_LD: u = BPF_MODE(c) == BPF_IND ? USE_X : 0; d = USE_A; break;
		case BPF_LDX: d = USE_X; break;
		case BPF_ST: u = USE_A; break;
		case BPF_STX: u = USE_X; break;
		case BPF_ALU: u = USE_A | (BPF_SRC(c) == BPF_X && BPF_OP(c) != BPF_NEG ? USE_X : 0); d = USE_A; break;
		case BPF_MISC: u = BPF_MISCOP(c) == BPF_TAX ? USE_A : USE_X; d = u ^ (USE_A | USE_X); break;
		}
		use |= u & ~set;
		set |= d;
	}
	if (b->term == IR_BRANCH)
		use |= (USE_A | (BPF_SRC(b->jcode) == BPF_X ? USE_X : 0)) & ~set;
	*sets = set;
	return use;
}

/* Whether A or X as b leaves them is read later (libpcap's out_use),
 * looking depth blocks ahead; past that, assumed read. */
static int live_out(const struct ir_block *b, int depth)
{
	if (b->term == IR_RET)
		return 0;
	if (depth == 0)
		return USE_A | USE_X;
	int live = 0;
	const struct ir_block *s[2] = { b->jt, b->term == IR_BRANCH ? b->jf : NULL };
	for (int i = 0; i < 2; i++) {
		if (!s[i] || s[i]->term == IR_RET)
			continue;
		int sets, use = reads_first(s[i], &sets);
		live |= use | (live_out(s[i], depth - 1) & ~sets);
	}
	return live;
}

/* X after b as libpcap's second pass first sees it (a, x: on entry):
 * with the test's constant right side moved into the test by the first
 * pass, X as it was before the last transfer to it. */
static uint32_t x_left(struct vn_table *t, struct vn_table *t1, struct ir_block *b, uint32_t a, uint32_t x, uint32_t x_end)
{
	uint32_t a1, x1, kx;
	if (b->term != IR_BRANCH || BPF_SRC(b->jcode) != BPF_X)
		return x_end;
	vn_block(t1, b, 0, 0, &a1, &x1);
	int last = b->ninsns - 1;
	while (last >= 0 && BPF_CLASS(b->insns[last].code) != BPF_MISC)
		last--;
	if (!vn_const(t1, x1, &kx) || last < 0)
		return x_end;
	struct ir_block head = *b;
	head.ninsns = last;
	vn_block(t, &head, a, x, &a1, &x1);
	return x1;
}

/* Follow the root's chain of decided tests; whether it ends at reject. */
int opt_weak_root(struct ir_prog *p)
{
	struct vn_table *t = vn_new(p->a), *t1 = vn_new(p->a);
	vn_fold_zero(t1, 0); /* the first pass: nothing folded */
	uint32_t a = 0, x = 0; /* the root's entry: nothing known */
	for (int n = 0; p->entry->term == IR_BRANCH && n < 4096; n++) {
		struct ir_block *b = p->entry;
		uint32_t a2, x2;
		vn_block(t, b, a, x, &a2, &x2);
		uint32_t xl = x_left(t, t1, b, a, x, x2);
		if (b->ninsns == 0 || (a && x && a2 == a && xl == x && !live_out(b, 8)))
			break; /* no statements left: opt_peep decides nothing */
		int r = opt_weak_test_const(t, b, a2, x2);
		if (r < 0)
			break;
		x = xl;
		a = a2;
		p->entry = r ? b->jt : b->jf;
	}
	vn_free(t1);
	vn_free(t);
	return p->entry == p->reject;
}
