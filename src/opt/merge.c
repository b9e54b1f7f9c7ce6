/* merge.c: blocks with the same statements, test and successors are one
 * block (after threading, the tails of many tests are the same), and a
 * test with one outcome and nothing before it is a jump.  Hashing keeps
 * it linear in the program's size. */
#include "opt/opt.h"
#include <sys/types.h>
#include <pcap/bpf.h>

/* Same statements, same test, same successors. */
static int same(const struct ir_block *a, const struct ir_block *b)
{
	if (a->term != b->term || a->ninsns != b->ninsns || a->jcode != b->jcode || a->jk != b->jk ||
	    a->jt != b->jt || a->jf != b->jf || a->ret_k != b->ret_k)
		return 0;
	for (int i = 0; i < a->ninsns; i++)
		if (a->insns[i].code != b->insns[i].code || a->insns[i].k != b->insns[i].k)
			return 0;
	return 1;
}

static uint64_t block_hash(const struct ir_block *b)
{
	uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ull)
	MIX(b->term); MIX(b->jcode); MIX(b->jk); MIX(b->ret_k);
	MIX(b->jt ? b->jt->id + 1 : 0); MIX(b->jf ? b->jf->id + 1 : 0); /* ids, not addresses: the same program hashes the same way every run */
	for (int i = 0; i < b->ninsns; i++) {
		MIX(b->insns[i].code);
		MIX(b->insns[i].k);
	}
#undef MIX
	return h;
}

/* What b is now: the block that replaced it, or b itself. */
static struct ir_block *replaced(const struct ir_order *o, struct ir_block **canon, struct ir_block *b)
{
	int i = ir_index(o, b);
	return i >= 0 && canon[i] ? canon[i] : b;
}

int opt_merge(struct ir_prog *p)
{
	struct ir_order o;
	int merged = 0;
	ir_rpo(p, &o);
	size_t cap = 16;
	while (cap < (size_t)o.n * 2)
		cap *= 2;
	struct ir_block **tab = arena_scratch(p->a, cap * sizeof *tab);
	/* canon[i]: the equal block that replaces o.b[i], or NULL */
	struct ir_block **canon = arena_scratch(p->a, (size_t)o.n * sizeof *canon);
	/* successors first, so theirs are final when a block is hashed */
	for (int i = o.n - 1; i >= 0; i--) {
		struct ir_block *b = o.b[i];
		if (b->jt)
			b->jt = replaced(&o, canon, b->jt);
		if (b->jf)
			b->jf = replaced(&o, canon, b->jf);
		if (b->term == IR_BRANCH && b->jt == b->jf && b->ninsns == 0) {
			/* a test with one outcome and nothing before it is a jump */
			canon[i] = b->jt;
			merged++;
			continue;
		}
		size_t j = (size_t)block_hash(b) & (cap - 1);
		while (tab[j] && !same(tab[j], b))
			j = (j + 1) & (cap - 1);
		if (tab[j]) {
			canon[i] = tab[j];
			merged++;
		} else {
			tab[j] = b;
		}
	}
	p->entry = replaced(&o, canon, p->entry);
	p->accept = replaced(&o, canon, p->accept);
	p->reject = replaced(&o, canon, p->reject);
	arena_scratch_free(p->a, tab);
	arena_scratch_free(p->a, canon);
	ir_order_free(&o);
	return merged;
}
