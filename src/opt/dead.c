/* dead.c: a block from which every path ends in `ret #0` is `ret #0`.
 *
 * Exact even when the block loads past the captured bytes: that load
 * would end the program with 0 too.  (The same is not true of blocks that
 * can only accept, so those keep their loads; --loose collapses them
 * into the accepting return with the same pass, loose.c opt_accept.) */
#include "opt/opt.h"
#include <stdlib.h>

/* Blocks from which every path ends in a return of end's value become end
 * (only[i]: order.b[i] can only end there; successors first). */
int opt_collapse(struct ir_prog *p, struct ir_block *end)
{
	struct ir_order o;
	int changed = 0;
	ir_rpo(p, &o);
	char *only = arena_scratch(p->a, (size_t)o.n);
#define ONLY(x) only[ir_index(&o, (x))]
	for (int i = o.n - 1; i >= 0; i--) {
		struct ir_block *b = o.b[i];
		if (b->term == IR_RET)
			only[i] = b->ret_k == end->ret_k;
		else if (b->term == IR_JA)
			only[i] = ONLY(b->jt);
		else
			only[i] = ONLY(b->jt) && ONLY(b->jf);
	}
	for (int i = 0; i < o.n; i++) {
		struct ir_block *b = o.b[i];
		if (b->term == IR_BRANCH && ONLY(b->jf) && b->jf != end)
			b->jf = end, changed = 1;
		if (b->term != IR_RET && ONLY(b->jt) && b->jt != end)
			b->jt = end, changed = 1;
	}
#undef ONLY
	if (only[0] && p->entry != end)
		p->entry = end, changed = 1;
	arena_scratch_free(p->a, only);
	ir_order_free(&o);
	return changed;
}

int opt_dead(struct ir_prog *p)
{
	return opt_collapse(p, p->reject);
}
