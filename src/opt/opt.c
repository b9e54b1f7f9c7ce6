/* opt.c: the optimizer driver. */
#include "opt/opt.h"
#include "error.h"
#include <sys/types.h>
#include <pcap/bpf.h>

/* The entry has no edge to thread: skip it here when its test is of a
 * constant and it reads no packet byte (`1 = 1`). */
static void opt_skip_entry(struct ir_prog *p)
{
	struct ir_block *e = p->entry;
	while (e->term == IR_BRANCH) {
		/* an id of its own, not counted: the program's ids stay as they are */
		struct ir_block wrap = { .id = p->nblocks, .term = IR_JA, .jt = e };
		struct ir_prog q = *p;
		q.entry = &wrap;
		q.nblocks = p->nblocks + 1;
		opt_thread(&q);
		if (wrap.jt == e)
			break;
		e = wrap.jt;
	}
	p->entry = e;
}

int opt_run(struct ir_prog *p, struct bpfx_error *err)
{
	opt_peep(p, 1);
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
