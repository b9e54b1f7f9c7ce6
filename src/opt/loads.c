/* loads.c: drop a load whose value the register already holds.
 *
 * Value numbers of A and X are carried across edges: at a block's entry
 * a register holds value v if it holds v at the exit of every block that
 * jumps there.  `ldh [12]` after a test of `ldh [12]`, or a second
 * `ldxb 4*([14]&0xf)`, then goes.  Exact: the value is already there, and
 * the load that produced it succeeded. */
#include "opt/opt.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define UNSET 0xffffffffu

/* Would this statement load A (or X) with value `v` it already has? */
static int redundant(struct vn_table *t, const struct ir_insn *s, uint32_t a, uint32_t x)
{
	struct ir_block one = { 0 };
	struct ir_insn copy = *s;
	uint32_t na, nx;
	uint16_t c = s->code;
	int is_a = BPF_CLASS(c) == BPF_LD && BPF_MODE(c) != BPF_MEM;
	int is_x = BPF_CLASS(c) == BPF_LDX && BPF_MODE(c) != BPF_MEM;
	int is_tax = c == (BPF_MISC | BPF_TAX), is_txa = c == (BPF_MISC | BPF_TXA);
	if (!is_a && !is_x && !is_tax && !is_txa)
		return 0;
	one.insns = &copy;
	one.ninsns = 1;
	vn_block(t, &one, a, x, &na, &nx);
	if (is_a || is_txa)
		return a && na == a;
	return x && nx == x;
}

int opt_loads(struct ir_prog *p)
{
	struct ir_order o;
	int dropped = 0;
	ir_rpo(p, &o);
	int n = o.n;
	uint32_t *ain = arena_scratch(p->a, sizeof *ain * (size_t)n), *xin = arena_scratch(p->a, sizeof *xin * (size_t)n);
	struct vn_table *t = vn_new(p->a);
	vn_pin(t, &o);
	for (int i = 0; i < n; i++)
		ain[i] = xin[i] = UNSET;
	ain[0] = xin[0] = 0;
	for (int i = 0; i < n; i++) {
		struct ir_block *b = o.b[i];
		uint32_t a = ain[i] == UNSET ? 0 : ain[i], x = xin[i] == UNSET ? 0 : xin[i];
		int w = 0;
		for (int k = 0; k < b->ninsns; k++) {
			if (redundant(t, &b->insns[k], a, x)) {
				dropped++;
				continue;
			}
			struct ir_block one = { .insns = &b->insns[k], .ninsns = 1 };
			vn_block(t, &one, a, x, &a, &x);
			b->insns[w++] = b->insns[k];
		}
		b->ninsns = w;
		struct ir_block *succ[2] = { b->term != IR_RET ? b->jt : NULL, b->term == IR_BRANCH ? b->jf : NULL };
		for (int s = 0; s < 2; s++) {
			if (!succ[s])
				continue;
			int j = ir_index(&o, succ[s]);
			ain[j] = ain[j] == UNSET ? a : ain[j] == a ? a : 0;
			xin[j] = xin[j] == UNSET ? x : xin[j] == x ? x : 0;
		}
	}
	arena_scratch_free(p->a, ain);
	arena_scratch_free(p->a, xin);
	ir_order_free(&o);
	vn_free(t);
	return dropped;
}
