/* dead.c: a block from which every path ends in `ret #0` is `ret #0`.
 *
 * Exact even when the block loads past the captured bytes: that load
 * would end the program with 0 too.  (The same is not true of blocks that
 * can only accept, so those keep their loads.) */
#include "opt/opt.h"
#include <stdlib.h>

int opt_dead(struct ir_prog *p)
{
	int n, changed = 0;
	struct ir_block **order = opt_order(p, &n);
	/* successors first: mark = 1 for "can only reject" */
	for (int i = n - 1; i >= 0; i--) {
		struct ir_block *b = order[i];
		int dead;
		if (b->term == IR_RET)
			dead = b->ret_k == 0;
		else if (b->term == IR_JA)
			dead = b->jt->mark == 1;
		else
			dead = b->jt->mark == 1 && b->jf->mark == 1;
		b->mark = dead ? 1 : 2;
	}
	for (int i = 0; i < n; i++) {
		struct ir_block *b = order[i];
		if (b->term == IR_BRANCH && b->jf->mark == 1 && b->jf != p->reject)
			b->jf = p->reject, changed = 1;
		if (b->term != IR_RET && b->jt->mark == 1 && b->jt != p->reject)
			b->jt = p->reject, changed = 1;
	}
	if (p->entry->mark == 1 && p->entry != p->reject)
		p->entry = p->reject, changed = 1;
	for (int i = 0; i < n; i++)
		order[i]->mark = 0; /* emit and dumps use mark too */
	p->reject->mark = p->accept->mark = 0;
	free(order);
	return changed;
}
