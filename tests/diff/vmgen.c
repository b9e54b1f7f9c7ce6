/* vmgen.c: random classic BPF programs (see vmgen.h). */
#include "vmgen.h"

const uint16_t vmgen_opcodes[] = {
	BPF_RET | BPF_K, BPF_RET | BPF_A,
	BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_H | BPF_ABS, BPF_LD | BPF_B | BPF_ABS,
	BPF_LD | BPF_W | BPF_IND, BPF_LD | BPF_H | BPF_IND, BPF_LD | BPF_B | BPF_IND,
	BPF_LD | BPF_W | BPF_LEN, BPF_LD | BPF_IMM, BPF_LD | BPF_MEM,
	BPF_LDX | BPF_W | BPF_LEN, BPF_LDX | BPF_B | BPF_MSH, BPF_LDX | BPF_IMM,
	BPF_LDX | BPF_MEM, BPF_ST, BPF_STX,
	BPF_ALU | BPF_ADD | BPF_K, BPF_ALU | BPF_SUB | BPF_K, BPF_ALU | BPF_MUL | BPF_K,
	BPF_ALU | BPF_DIV | BPF_K, BPF_ALU | BPF_MOD | BPF_K, BPF_ALU | BPF_AND | BPF_K,
	BPF_ALU | BPF_OR | BPF_K, BPF_ALU | BPF_XOR | BPF_K, BPF_ALU | BPF_LSH | BPF_K,
	BPF_ALU | BPF_RSH | BPF_K,
	BPF_ALU | BPF_ADD | BPF_X, BPF_ALU | BPF_SUB | BPF_X, BPF_ALU | BPF_MUL | BPF_X,
	BPF_ALU | BPF_DIV | BPF_X, BPF_ALU | BPF_MOD | BPF_X, BPF_ALU | BPF_AND | BPF_X,
	BPF_ALU | BPF_OR | BPF_X, BPF_ALU | BPF_XOR | BPF_X, BPF_ALU | BPF_LSH | BPF_X,
	BPF_ALU | BPF_RSH | BPF_X, BPF_ALU | BPF_NEG,
	BPF_JMP | BPF_JA,
	BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JGT | BPF_K, BPF_JMP | BPF_JGE | BPF_K,
	BPF_JMP | BPF_JSET | BPF_K,
	BPF_JMP | BPF_JEQ | BPF_X, BPF_JMP | BPF_JGT | BPF_X, BPF_JMP | BPF_JGE | BPF_X,
	BPF_JMP | BPF_JSET | BPF_X,
	BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA,
};
const size_t vmgen_nopcodes = sizeof vmgen_opcodes / sizeof vmgen_opcodes[0];

/* A 32-bit value from a mix that hits the edges. */
static uint32_t gen_k(struct vmpkt_rng *r)
{
	static const uint32_t edges[] = {0, 1, 2, 3, 4, 14, 31, 32, 33, 63, 64, 255, 256,
					 0xffff, 0x10000, 0x7fffffff, 0x80000000,
					 0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff};
	switch (vmpkt_below(r, 4)) {
	case 0:
		return edges[vmpkt_below(r, sizeof edges / sizeof edges[0])];
	case 1:
		return vmpkt_below(r, 64);
	case 2:
		return vmpkt_below(r, 1700);
	default:
		return (uint32_t)vmpkt_next(r);
	}
}

/* A packet offset: mostly inside typical headers, sometimes past any
 * packet, sometimes where k + size or X + k wraps in 32 bits. */
static uint32_t gen_off(struct vmpkt_rng *r)
{
	uint32_t c = vmpkt_below(r, 16);
	if (c < 10)
		return vmpkt_below(r, 80);
	if (c < 14)
		return vmpkt_below(r, 1700);
	if (c == 14)
		return 0xffffffff - vmpkt_below(r, 4);
	return 0xfffff000 + 4 * vmpkt_below(r, 16); /* known ancillary */
}

/* A value for X: offsets, shift counts around 32, and wrap-around values. */
static uint32_t gen_x(struct vmpkt_rng *r)
{
	switch (vmpkt_below(r, 5)) {
	case 0:
		return 28 + vmpkt_below(r, 10);
	case 1:
		return 0xffffffff - vmpkt_below(r, 3);
	default:
		return gen_k(r);
	}
}

/* A forward offset from instruction i to a target in [i+1, n-1]; short
 * offsets mostly, so runs pass through many instructions. */
static uint32_t gen_jump(struct vmpkt_rng *r, size_t i, size_t n)
{
	uint32_t room = (uint32_t)(n - i - 1); /* targets i+1 .. n-1 */
	if (room > 256)
		room = 256; /* jt/jf are 8 bits */
	if (vmpkt_below(r, 4) && room > 4)
		room = 4;
	return vmpkt_below(r, room);
}

size_t vmgen_valid(struct vmpkt_rng *r, struct bpf_insn *p, size_t max)
{
	size_t n = 1 + vmpkt_below(r, (uint32_t)(max < 48 ? max : 48));
	size_t i = 0;
	uint16_t written = 0;

	/* Prologue: store to a few cells, so later scratch reads are valid on
	 * every path. */
	if (n > 4 && vmpkt_below(r, 3)) {
		size_t stores = 1 + vmpkt_below(r, 3);
		for (size_t s = 0; s < stores && i + 2 < n; s++) {
			uint32_t cell = vmpkt_below(r, BPF_MEMWORDS);
			int x = (int)vmpkt_below(r, 2);
			p[i++] = (struct bpf_insn)BPF_STMT(x ? BPF_LDX | BPF_IMM : BPF_LD | BPF_IMM,
							  x ? gen_x(r) : gen_k(r));
			p[i++] = (struct bpf_insn)BPF_STMT(x ? BPF_STX : BPF_ST, cell);
			written |= (uint16_t)(1u << cell);
		}
	}

	for (; i + 1 < n; i++) {
		uint16_t code = vmgen_opcodes[vmpkt_below(r, (uint32_t)vmgen_nopcodes)];
		uint32_t k = gen_k(r);
		uint8_t jt = 0, jf = 0;

		if (BPF_CLASS(code) == BPF_RET && vmpkt_below(r, 4))
			code = BPF_LD | BPF_B | BPF_ABS; /* an early ret now and then */
		switch (code) {
		case BPF_LD | BPF_W | BPF_ABS:
		case BPF_LD | BPF_H | BPF_ABS:
		case BPF_LD | BPF_B | BPF_ABS:
		case BPF_LD | BPF_W | BPF_IND:
		case BPF_LD | BPF_H | BPF_IND:
		case BPF_LD | BPF_B | BPF_IND:
		case BPF_LDX | BPF_B | BPF_MSH:
			k = gen_off(r);
			break;
		case BPF_LDX | BPF_IMM:
			k = gen_x(r);
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			k = vmpkt_below(r, BPF_MEMWORDS);
			if (written && vmpkt_below(r, 16))
				while (!(written & (1u << k)))
					k = (k + 1) % BPF_MEMWORDS;
			break;
		case BPF_ST:
		case BPF_STX:
			k = vmpkt_below(r, BPF_MEMWORDS);
			break;
		case BPF_ALU | BPF_LSH | BPF_K:
		case BPF_ALU | BPF_RSH | BPF_K:
			k = vmpkt_below(r, 32);
			break;
		case BPF_ALU | BPF_DIV | BPF_K:
		case BPF_ALU | BPF_MOD | BPF_K:
			if (k == 0)
				k = 1 + vmpkt_below(r, 16);
			break;
		case BPF_JMP | BPF_JA:
			k = gen_jump(r, i, n);
			break;
		default:
			if (BPF_CLASS(code) == BPF_JMP) {
				jt = (uint8_t)gen_jump(r, i, n);
				jf = (uint8_t)gen_jump(r, i, n);
				if (vmpkt_below(r, 2)) /* compare with a value A may hold */
					k = vmpkt_below(r, 3) ? vmpkt_below(r, 256) : 0x0800;
			}
			break;
		}
		p[i] = (struct bpf_insn)BPF_JUMP(code, k, jt, jf);
	}
	p[n - 1] = vmpkt_below(r, 3) ? (struct bpf_insn)BPF_STMT(BPF_RET | BPF_A, 0)
				      : (struct bpf_insn)BPF_STMT(BPF_RET | BPF_K, gen_k(r));
	return n;
}

/* An arbitrary instruction: any 16-bit code, a byte code, or a real one. */
static struct bpf_insn gen_any_insn(struct vmpkt_rng *r)
{
	struct bpf_insn in;
	switch (vmpkt_below(r, 3)) {
	case 0:
		in.code = (uint16_t)vmpkt_next(r);
		break;
	case 1:
		in.code = (uint16_t)vmpkt_below(r, 256);
		break;
	default:
		in.code = vmgen_opcodes[vmpkt_below(r, (uint32_t)vmgen_nopcodes)];
		break;
	}
	switch (vmpkt_below(r, 3)) {
	case 0:
		in.k = (uint32_t)vmpkt_next(r);
		break;
	case 1:
		in.k = vmpkt_below(r, 40);
		break;
	default: /* small negative: backward jumps, wrapped offsets */
		in.k = 0u - (1 + vmpkt_below(r, 40));
		break;
	}
	in.jt = (uint8_t)(vmpkt_below(r, 2) ? vmpkt_below(r, 256) : vmpkt_below(r, 4));
	in.jf = (uint8_t)(vmpkt_below(r, 2) ? vmpkt_below(r, 256) : vmpkt_below(r, 4));
	return in;
}

size_t vmgen_any(struct vmpkt_rng *r, struct bpf_insn *p, size_t max)
{
	size_t n;
	if (vmpkt_below(r, 8) == 0) { /* all random */
		n = 1 + vmpkt_below(r, (uint32_t)(max < 16 ? max : 16));
		for (size_t i = 0; i < n; i++)
			p[i] = gen_any_insn(r);
		return n;
	}
	/* A valid program broken a little: an instruction replaced, a k or a
	 * jump changed, or the end cut off. */
	n = vmgen_valid(r, p, max);
	size_t edits = vmpkt_below(r, 3);
	for (size_t e = 0; e < edits; e++) {
		size_t i = vmpkt_below(r, (uint32_t)n);
		switch (vmpkt_below(r, 4)) {
		case 0:
			p[i] = gen_any_insn(r);
			break;
		case 1:
			p[i].k = gen_any_insn(r).k;
			break;
		case 2:
			p[i].jt = (uint8_t)vmpkt_below(r, 256);
			p[i].jf = (uint8_t)vmpkt_below(r, 8);
			break;
		default:
			if (n > 1)
				n--;
			break;
		}
	}
	return n;
}
