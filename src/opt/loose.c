/* loose.c: the two rewrites libpcap's optimizer makes that ours does not
 * by default, for `--loose` (BPFX_OPT_LOOSE).
 *
 * A load past the captured bytes ends a classic BPF program with 0 (so
 * does a division by zero).  The exact passes keep every such load that
 * could decide the verdict; libpcap's optimizer does not: `net 0/0` loads
 * the address only to mask it with 0, and libpcap drops the load, so a
 * 20-byte IPv4 frame matches its optimized program and not its
 * unoptimized one.  A kernel filter sees whole packets, where the two
 * agree, and the shorter program is what a kernel user wants.  Under
 * --loose, then, a statement is only a computation:
 *
 * - opt_accept: a block from which every path accepts is the accepting
 *   return (dead.c's mirror, which is exact for rejecting);
 * - opt_live: a statement whose result nothing reads is dropped (liveness
 *   of A, X and the sixteen scratch cells over the acyclic graph).
 *
 * (hoist.c, under --loose, also tests early what is enough to accept.)
 * What stays exact: on every packet on which the unoptimized program
 * loads nothing past the end, the verdict is the same; tests/diff
 * measures that, and how often libpcap's optimizer differs there. */
#include "opt/opt.h"
#include <stdlib.h>
#include <sys/types.h>
#include <pcap/bpf.h>

int opt_accept(struct ir_prog *p)
{
	return opt_collapse(p, p->accept);
}

/* Liveness bits: A, X, then M[0..15]. */
#define L_A 1u
#define L_X 2u
#define L_M(k) (4u << ((k) & 15))

/* What statement s reads (*use) and writes (*def). */
static void effects(const struct ir_insn *s, uint32_t *use, uint32_t *def)
{
	uint16_t c = s->code;
	*use = *def = 0;
	switch (BPF_CLASS(c)) {
	case BPF_LD:
		*def = L_A;
		if (BPF_MODE(c) == BPF_IND)
			*use = L_X;
		else if (BPF_MODE(c) == BPF_MEM)
			*use = L_M(s->k);
		break;
	case BPF_LDX:
		*def = L_X;
		if (BPF_MODE(c) == BPF_MEM)
			*use = L_M(s->k);
		break;
	case BPF_ST:
		*use = L_A, *def = L_M(s->k);
		break;
	case BPF_STX:
		*use = L_X, *def = L_M(s->k);
		break;
	case BPF_ALU:
		*use = L_A | (BPF_OP(c) != BPF_NEG && BPF_SRC(c) == BPF_X ? L_X : 0);
		*def = L_A;
		break;
	case BPF_MISC:
		if (BPF_MISCOP(c) == BPF_TAX)
			*use = L_A, *def = L_X;
		else
			*use = L_X, *def = L_A;
		break;
	default:
		break;
	}
}

int opt_live(struct ir_prog *p)
{
	struct ir_order o;
	int dropped = 0;
	ir_rpo(p, &o);
	uint32_t *in = arena_scratch(p->a, (size_t)o.n * sizeof *in);
	for (int i = o.n - 1; i >= 0; i--) { /* successors first */
		struct ir_block *b = o.b[i];
		uint32_t live = 0;
		if (b->term == IR_BRANCH)
			live = in[ir_index(&o, b->jt)] | in[ir_index(&o, b->jf)] | L_A |
			       (BPF_SRC(b->jcode) == BPF_X ? L_X : 0);
		else if (b->term == IR_JA)
			live = in[ir_index(&o, b->jt)];
		int w = b->ninsns;
		for (int j = b->ninsns - 1; j >= 0; j--) {
			uint32_t use, def;
			effects(&b->insns[j], &use, &def);
			if (!(def & live)) {
				dropped++;
				continue;
			}
			live = (live & ~def) | use;
			b->insns[--w] = b->insns[j];
		}
		/* the kept statements, in order, now end the array */
		int m = b->ninsns - w;
		for (int j = 0; j < m; j++)
			b->insns[j] = b->insns[w + j];
		b->ninsns = m;
		in[i] = live;
	}
	arena_scratch_free(p->a, in);
	ir_order_free(&o);
	return dropped;
}
