/* peep.c: rewrites inside one block, each exact:
 *
 * - a constant transport offset folded into the load:
 *     ld #c; ldxb 4*([n]&0xf); add x; tax; ld [x + b]
 *   becomes ldxb 4*([n]&0xf); ld [x + b+c], when b+c cannot overflow
 *   (X is at most 60 there, so c + X never wraps either);
 * - a masked test against zero becomes jset:
 *     and #m; jeq #0  ->  jset #m with the targets swapped;
 *   and, unless weak.c models libpcap's optimizer, a one-bit test too:
 *     and #m; jeq #m  ->  jset #m (m one bit);
 * - an equality test folds the last add, sub or xor into its operand,
 *   since each is a bijection on 32-bit values:
 *     sub x; jeq #0  ->  jeq x        (also xor x)
 *     sub #k; jeq #c ->  jeq #(c+k)   (add #k: c-k, xor #k: c^k)
 *   (`ip[2:2] - ... != 0`, the payload-length test, ends this way).
 * Both drop an instruction whose result only the test read: peep runs
 * first, before any pass lets a block use A from a predecessor. */
#include "opt/opt.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

static void drop(struct ir_block *b, int at, int count)
{
	memmove(&b->insns[at], &b->insns[at + count], sizeof *b->insns * (size_t)(b->ninsns - at - count));
	b->ninsns -= count;
}

static int is_ind_load(uint16_t code)
{
	return BPF_CLASS(code) == BPF_LD && BPF_MODE(code) == BPF_IND;
}

static void fold_offsets(struct ir_block *b)
{
	for (int i = 0; i + 4 < b->ninsns; i++) {
		struct ir_insn *s = &b->insns[i];
		if (s[0].code == (BPF_LD | BPF_IMM) && s[1].code == (BPF_LDX | BPF_MSH | BPF_B) &&
		    s[2].code == (BPF_ALU | BPF_ADD | BPF_X) && s[3].code == (BPF_MISC | BPF_TAX) &&
		    is_ind_load(s[4].code) && (uint64_t)s[4].k + s[0].k + 64 <= 0xffffffffu) {
			s[4].k += s[0].k;
			s[4].span = s[0].span.start < s[4].span.start ? s[4].span : s[4].span;
			drop(b, i + 2, 2); /* add x; tax */
			drop(b, i, 1);     /* ld #c */
		}
	}
}

/* and #m; jeq #0 is jset #m, targets swapped; with one bit in m (not
 * libpcap's: only when bits), and #m; jeq #m is jset #m, so that tests
 * of one bit of one value meet as one kind of test in thread.c. */
static void to_jset(struct ir_block *b, int bits)
{
	if (b->term != IR_BRANCH || b->ninsns == 0 || b->jcode != (BPF_JMP | BPF_JEQ | BPF_K))
		return;
	struct ir_insn *last = &b->insns[b->ninsns - 1];
	uint32_t m = last->k;
	int one = bits && m && !(m & (m - 1)) && b->jk == m;
	if (last->code != (BPF_ALU | BPF_AND | BPF_K) || (b->jk != 0 && !one))
		return;
	b->jcode = BPF_JMP | BPF_JSET | BPF_K;
	b->jk = m;
	if (!one) {
		struct ir_block *t = b->jt;
		b->jt = b->jf;
		b->jf = t;
	}
	b->ninsns--;
}

/* A op k == c exactly when A == c inv k, inv the inverse bijection (sub
 * for add, add for sub, xor for xor), computed as the interpreter would;
 * A - X == 0 and A ^ X == 0 exactly when A == X. */
static void fold_into_jeq(struct ir_block *b)
{
	if (b->term != IR_BRANCH || b->ninsns == 0 || b->jcode != (BPF_JMP | BPF_JEQ | BPF_K))
		return;
	const struct ir_insn *last = &b->insns[b->ninsns - 1];
	uint16_t op = BPF_OP(last->code);
	if (BPF_CLASS(last->code) != BPF_ALU || (op != BPF_ADD && op != BPF_SUB && op != BPF_XOR))
		return;
	if (BPF_SRC(last->code) == BPF_X) {
		if (op == BPF_ADD || b->jk != 0)
			return;
		b->jcode = BPF_JMP | BPF_JEQ | BPF_X;
	} else {
		uint16_t inv = op == BPF_ADD ? BPF_SUB : op == BPF_SUB ? BPF_ADD : BPF_XOR;
		b->jk = isa_alu(BPF_ALU | inv | BPF_K, b->jk, last->k).value;
	}
	b->ninsns--;
}

void opt_peep(struct ir_prog *p, int bits)
{
	struct ir_order o;
	ir_rpo(p, &o);
	for (int i = 0; i < o.n; i++) {
		fold_offsets(o.b[i]);
		to_jset(o.b[i], bits);
		fold_into_jeq(o.b[i]);
	}
	ir_order_free(&o);
}
