/* opt.c: the optimizer driver, and the block order passes share. */
#include "opt/opt.h"
#include "error.h"
#include <stdlib.h>
#include <sys/types.h>
#include <pcap/bpf.h>

struct ir_block **opt_order(struct ir_prog *p, int *n)
{
	/* iterative DFS; post-order reversed */
	int cap = 64, top = 0, cnt = 0, ocap = 64;
	struct frame { struct ir_block *b; int next; } *st = malloc(sizeof *st * (size_t)cap);
	struct ir_block **post = malloc(sizeof *post * (size_t)ocap);
	int epoch = ++p->epoch;
	if (!st || !post)
		abort();
	st[top++] = (struct frame){ p->entry, 0 };
	p->entry->visit = epoch;
	while (top) {
		struct frame *f = &st[top - 1];
		struct ir_block *b = f->b, *s = NULL;
		if (b->term == IR_BRANCH && f->next < 2)
			s = f->next++ == 0 ? b->jf : b->jt;
		else if (b->term == IR_JA && f->next < 1)
			s = b->jt, f->next++;
		if (!s) {
			if (cnt == ocap) {
				ocap *= 2;
				post = realloc(post, sizeof *post * (size_t)ocap);
				if (!post)
					abort();
			}
			post[cnt++] = b;
			top--;
			continue;
		}
		if (s->visit == epoch)
			continue;
		s->visit = epoch;
		if (top == cap) {
			cap *= 2;
			st = realloc(st, sizeof *st * (size_t)cap);
			if (!st)
				abort();
		}
		st[top++] = (struct frame){ s, 0 };
	}
	free(st);
	for (int i = 0; i < cnt / 2; i++) {
		struct ir_block *t = post[i];
		post[i] = post[cnt - 1 - i];
		post[cnt - 1 - i] = t;
	}
	*n = cnt;
	return post;
}

int *opt_preds(struct ir_block **order, int n)
{
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
	return preds;
}

/* The entry has no edge to thread: skip it here when its test is of a
 * constant and it reads no packet byte (`1 = 1`). */
static void opt_skip_entry(struct ir_prog *p)
{
	struct ir_block *e = p->entry;
	while (e->term == IR_BRANCH) {
		struct ir_block wrap = { .term = IR_JA, .jt = e };
		struct ir_prog q = *p;
		q.entry = &wrap;
		opt_thread(&q);
		p->epoch = q.epoch; /* the walk marks are shared */
		if (wrap.jt == e)
			break;
		e = wrap.jt;
	}
	p->entry = e;
}

int opt_run(struct ir_prog *p, struct bpfx_error *err)
{
	opt_peep(p);
	opt_thread(p);
	opt_skip_entry(p);
	opt_dead(p);
	if (p->loose)
		opt_accept(p);
	opt_merge(p);
	if (opt_hoist(p)) { /* then thread past the tests it made known */
		opt_thread(p);
		opt_dead(p);
		if (p->loose)
			opt_accept(p);
		opt_merge(p);
	}
	opt_fuse(p);
	opt_sets(p);
	opt_loads(p);
	if (p->loose)
		opt_live(p);
	opt_merge(p); /* again: blocks that now only test A can be shared */
	if (p->entry == p->reject)
		return err_set(err, -1, -1, "expression rejects all packets");
	return 0;
}
