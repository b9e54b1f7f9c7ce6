/* fuse.c: straight lines of blocks become one block, and loads whose
 * value nobody uses go when a later load proves the packet long enough.
 *
 * A block that ends in `ja` to a block nothing else jumps to is joined
 * with it.  In the joined block, `ld [22]; ld [26]; ld [34]` (what a test
 * with an all-zero mask leaves behind) keeps only `ld [34]`: the other
 * values are overwritten unread, and if [34] is inside the packet so are
 * they, while if it is not the program ends with 0 either way.  Runs
 * before loads.c, while every block still loads what it uses, so A is
 * dead at the end of a block that ends in `ja`. */
#include "opt/opt.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

static uint32_t load_end(const struct ir_insn *s)
{
	return isa_load_end(s->code, s->k);
}

static int is_abs_load(const struct ir_insn *s)
{
	return BPF_CLASS(s->code) == BPF_LD && BPF_MODE(s->code) == BPF_ABS;
}

/* Does instruction s read A? */
static int reads_a(uint16_t c)
{
	switch (BPF_CLASS(c)) {
	case BPF_ST:
	case BPF_ALU:
		return 1;
	case BPF_MISC:
		return BPF_MISCOP(c) == BPF_TAX;
	default:
		return 0;
	}
}

static void drop_dead_loads(struct ir_block *b)
{
	int w = 0;
	for (int i = 0; i < b->ninsns; i++) {
		const struct ir_insn *s = &b->insns[i];
		int dead = 0;
		if (BPF_CLASS(s->code) == BPF_LD) {
			/* dead if A is written again before anything reads it, or
			 * the block ends in `ja` (nothing after reads it) */
			int j = i + 1;
			while (j < b->ninsns && !reads_a(b->insns[j].code) && BPF_CLASS(b->insns[j].code) != BPF_LD)
				j++;
			dead = j < b->ninsns ? BPF_CLASS(b->insns[j].code) == BPF_LD && !reads_a(b->insns[j].code)
					     : b->term == IR_JA;
			if (dead && BPF_MODE(s->code) != BPF_IMM && BPF_MODE(s->code) != BPF_LEN &&
			    BPF_MODE(s->code) != BPF_MEM) {
				/* a packet load: only when a later load covers it */
				int covered = 0;
				for (int k = i + 1; k < b->ninsns && !covered; k++)
					covered = is_abs_load(s) && is_abs_load(&b->insns[k]) &&
						  load_end(&b->insns[k]) >= load_end(s);
				dead = covered;
			}
		}
		if (!dead)
			b->insns[w++] = *s;
	}
	b->ninsns = w;
}

int opt_fuse(struct ir_prog *p)
{
	struct ir_order o;
	int fused = 0;
	ir_rpo(p, &o);
	int *preds = ir_preds(&o);
	if (preds[0] == 0)
		preds[0] = 1; /* the entry has a way in */
	for (int i = 0; i < o.n; i++) {
		struct ir_block *b = o.b[i];
		while (b->term == IR_JA && b->jt->term != IR_RET && preds[ir_index(&o, b->jt)] == 1 && b->jt != b) {
			struct ir_block *t = b->jt;
			for (int k = 0; k < t->ninsns; k++)
				ir_append(p, b, t->insns[k].code, t->insns[k].k, t->insns[k].span);
			b->term = t->term;
			b->jcode = t->jcode;
			b->jk = t->jk;
			b->jt = t->jt;
			b->jf = t->jf;
			b->span = t->span;
			preds[ir_index(&o, t)] = 0;
			fused++;
		}
		drop_dead_loads(b);
	}
	arena_scratch_free(p->a, preds);
	ir_order_free(&o);
	return fused;
}
