/* dead.c: a block from which every path ends in `ret #0` is `ret #0`.
 *
 * Exact even when the block loads past the captured bytes: that load
 * would end the program with 0 too.  (The same is not true of blocks that
 * can only accept, so those keep their loads; --loose collapses them
 * into the accepting return with the same pass, loose.c opt_accept.) */
#include "opt/opt.h"
#include <stdlib.h>

/* Blocks from which every path ends in a return of end's value become end
 * (mark = 1 for "can only end there", successors first). */
int opt_collapse(struct ir_prog *p, struct ir_block *end)
{
	int n, changed = 0;
	struct ir_block **order = opt_order(p, &n);
	for (int i = n - 1; i >= 0; i--) {
		struct ir_block *b = order[i];
		int only;
		if (b->term == IR_RET)
			only = b->ret_k == end->ret_k;
		else if (b->term == IR_JA)
			only = b->jt->mark == 1;
		else
			only = b->jt->mark == 1 && b->jf->mark == 1;
		b->mark = only ? 1 : 2;
	}
	for (int i = 0; i < n; i++) {
		struct ir_block *b = order[i];
		if (b->term == IR_BRANCH && b->jf->mark == 1 && b->jf != end)
			b->jf = end, changed = 1;
		if (b->term != IR_RET && b->jt->mark == 1 && b->jt != end)
			b->jt = end, changed = 1;
	}
	if (p->entry->mark == 1 && p->entry != end)
		p->entry = end, changed = 1;
	for (int i = 0; i < n; i++)
		order[i]->mark = 0; /* emit and dumps use mark too */
	p->reject->mark = p->accept->mark = 0;
	free(order);
	return changed;
}

int opt_dead(struct ir_prog *p)
{
	return opt_collapse(p, p->reject);
}
