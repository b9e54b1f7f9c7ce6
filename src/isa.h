/* isa.h: the classic BPF instruction set, drawn once (in the spirit of
 * Lua's lopcodes.h and jq's opcode_list.h).
 *
 * Three facts live here and nowhere else:
 *   - ISA_OPCODES: every opcode that has a meaning (the Linux kernel's
 *     chk_code_allowed set, which is also what libpcap 1.10.3's bpf_filter
 *     implements), with the mnemonic tcpdump -d prints and the form its
 *     operand takes.  The validator, the interpreter's dispatch, the
 *     formatter, the assembler and trace read it;
 *   - isa_alu: what an ALU instruction computes, edge cases included, as
 *     libpcap 1.10.3's bpf_filter computes it (the oracle; tests/unit/
 *     test_isa.c holds every user of it to bpf_filter).  The interpreter,
 *     trace, explain's constant folding and the code generator's constant
 *     folding call it;
 *   - ISA_ANCILLARY: the Linux ancillary loads (k = SKF_AD_OFF + offset),
 *     with the name bpf_image prints, the name bpf_asm reads and what the
 *     value is.
 * Everything is static inline with function-local tables, so the header
 * needs no object file and a file that includes it pays for what it uses. */
#ifndef BPFX_ISA_H
#define BPFX_ISA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h> /* u_char, u_int for pcap/bpf.h */
#include <pcap/bpf.h>

/* ---------------------------------------------------------------------
 * Opcodes
 * ------------------------------------------------------------------- */

/* How an operand is written, in bpf_image's listing (tcpdump -d). */
enum isa_arg {
	ISA_ARG_NONE,   /* nothing: "tax", "ret" (ret a), "neg" */
	ISA_ARG_IMM,    /* #0x%x: immediates, and/or/xor, jump keys */
	ISA_ARG_DEC,    /* #%d: ret, add..rsh by a constant */
	ISA_ARG_X,      /* x */
	ISA_ARG_ABS,    /* [%d], or [name] at an ancillary offset */
	ISA_ARG_IND,    /* [x + %d] */
	ISA_ARG_MEM,    /* M[%d] */
	ISA_ARG_MSH,    /* 4*([%d]&0xf) */
	ISA_ARG_LEN,    /* #pktlen */
	ISA_ARG_JA,     /* the absolute target of ja, %d */
};

/* X(name, code, mnemonic, operand), by class.  The per-class lists let a
 * user expand one class (the interpreter's ALU handlers); ISA_OPCODES is
 * all of them. */
#define ISA_RET_OPCODES(X)                                                     \
	X(RET_K, BPF_RET | BPF_K, "ret", ISA_ARG_DEC)     /* accept k bytes */  \
	X(RET_A, BPF_RET | BPF_A, "ret", ISA_ARG_NONE)    /* accept A bytes */

#define ISA_LD_OPCODES(X)                                                      \
	X(LD_W_ABS, BPF_LD | BPF_W | BPF_ABS, "ld", ISA_ARG_ABS)                 \
	X(LD_H_ABS, BPF_LD | BPF_H | BPF_ABS, "ldh", ISA_ARG_ABS)                \
	X(LD_B_ABS, BPF_LD | BPF_B | BPF_ABS, "ldb", ISA_ARG_ABS)                \
	X(LD_W_IND, BPF_LD | BPF_W | BPF_IND, "ld", ISA_ARG_IND)                 \
	X(LD_H_IND, BPF_LD | BPF_H | BPF_IND, "ldh", ISA_ARG_IND)                \
	X(LD_B_IND, BPF_LD | BPF_B | BPF_IND, "ldb", ISA_ARG_IND)                \
	X(LD_W_LEN, BPF_LD | BPF_W | BPF_LEN, "ld", ISA_ARG_LEN)                 \
	X(LD_IMM, BPF_LD | BPF_IMM, "ld", ISA_ARG_IMM)                           \
	X(LD_MEM, BPF_LD | BPF_MEM, "ld", ISA_ARG_MEM)                           \
	/* bpf_image (libpcap 1.10.3) has no entry for ldx #pktlen and prints   \
	 * "unimp 0x81": format.c keeps that quirk; bpf_asm calls it ldx #len */ \
	X(LDX_W_LEN, BPF_LDX | BPF_W | BPF_LEN, "ldx", ISA_ARG_LEN)              \
	X(LDX_MSH, BPF_LDX | BPF_B | BPF_MSH, "ldxb", ISA_ARG_MSH)               \
	X(LDX_IMM, BPF_LDX | BPF_IMM, "ldx", ISA_ARG_IMM)                        \
	X(LDX_MEM, BPF_LDX | BPF_MEM, "ldx", ISA_ARG_MEM)                        \
	X(ST, BPF_ST, "st", ISA_ARG_MEM)                                         \
	X(STX, BPF_STX, "stx", ISA_ARG_MEM)

#define ISA_ALU_OPCODES(X)                                                     \
	X(ALU_ADD_K, BPF_ALU | BPF_ADD | BPF_K, "add", ISA_ARG_DEC)              \
	X(ALU_SUB_K, BPF_ALU | BPF_SUB | BPF_K, "sub", ISA_ARG_DEC)              \
	X(ALU_MUL_K, BPF_ALU | BPF_MUL | BPF_K, "mul", ISA_ARG_DEC)              \
	X(ALU_DIV_K, BPF_ALU | BPF_DIV | BPF_K, "div", ISA_ARG_DEC)              \
	X(ALU_MOD_K, BPF_ALU | BPF_MOD | BPF_K, "mod", ISA_ARG_DEC)              \
	X(ALU_AND_K, BPF_ALU | BPF_AND | BPF_K, "and", ISA_ARG_IMM)              \
	X(ALU_OR_K, BPF_ALU | BPF_OR | BPF_K, "or", ISA_ARG_IMM)                 \
	X(ALU_XOR_K, BPF_ALU | BPF_XOR | BPF_K, "xor", ISA_ARG_IMM)              \
	X(ALU_LSH_K, BPF_ALU | BPF_LSH | BPF_K, "lsh", ISA_ARG_DEC)              \
	X(ALU_RSH_K, BPF_ALU | BPF_RSH | BPF_K, "rsh", ISA_ARG_DEC)              \
	X(ALU_ADD_X, BPF_ALU | BPF_ADD | BPF_X, "add", ISA_ARG_X)                \
	X(ALU_SUB_X, BPF_ALU | BPF_SUB | BPF_X, "sub", ISA_ARG_X)                \
	X(ALU_MUL_X, BPF_ALU | BPF_MUL | BPF_X, "mul", ISA_ARG_X)                \
	X(ALU_DIV_X, BPF_ALU | BPF_DIV | BPF_X, "div", ISA_ARG_X)                \
	X(ALU_MOD_X, BPF_ALU | BPF_MOD | BPF_X, "mod", ISA_ARG_X)                \
	X(ALU_AND_X, BPF_ALU | BPF_AND | BPF_X, "and", ISA_ARG_X)                \
	X(ALU_OR_X, BPF_ALU | BPF_OR | BPF_X, "or", ISA_ARG_X)                   \
	X(ALU_XOR_X, BPF_ALU | BPF_XOR | BPF_X, "xor", ISA_ARG_X)                \
	X(ALU_LSH_X, BPF_ALU | BPF_LSH | BPF_X, "lsh", ISA_ARG_X)                \
	X(ALU_RSH_X, BPF_ALU | BPF_RSH | BPF_X, "rsh", ISA_ARG_X)                \
	X(ALU_NEG, BPF_ALU | BPF_NEG, "neg", ISA_ARG_NONE)

/* Conditional jumps go to pc + 1 + jt or jf (8 bits each, forward only);
 * ja to pc + 1 + k. */
#define ISA_JMP_OPCODES(X)                                                     \
	X(JA, BPF_JMP | BPF_JA, "ja", ISA_ARG_JA)                                \
	X(JEQ_K, BPF_JMP | BPF_JEQ | BPF_K, "jeq", ISA_ARG_IMM)                  \
	X(JGT_K, BPF_JMP | BPF_JGT | BPF_K, "jgt", ISA_ARG_IMM)  /* unsigned */ \
	X(JGE_K, BPF_JMP | BPF_JGE | BPF_K, "jge", ISA_ARG_IMM)                  \
	X(JSET_K, BPF_JMP | BPF_JSET | BPF_K, "jset", ISA_ARG_IMM) /* A & k */  \
	X(JEQ_X, BPF_JMP | BPF_JEQ | BPF_X, "jeq", ISA_ARG_X)                    \
	X(JGT_X, BPF_JMP | BPF_JGT | BPF_X, "jgt", ISA_ARG_X)                    \
	X(JGE_X, BPF_JMP | BPF_JGE | BPF_X, "jge", ISA_ARG_X)                    \
	X(JSET_X, BPF_JMP | BPF_JSET | BPF_X, "jset", ISA_ARG_X)

#define ISA_MISC_OPCODES(X)                                                    \
	X(TAX, BPF_MISC | BPF_TAX, "tax", ISA_ARG_NONE)                          \
	X(TXA, BPF_MISC | BPF_TXA, "txa", ISA_ARG_NONE)

#define ISA_OPCODES(X)                                                         \
	ISA_RET_OPCODES(X) ISA_LD_OPCODES(X) ISA_ALU_OPCODES(X)                  \
	ISA_JMP_OPCODES(X) ISA_MISC_OPCODES(X)

#define ISA_ENUM_(name, code, mnemonic, arg) ISA_##name = (code),
enum isa_code { ISA_OPCODES(ISA_ENUM_) };
#undef ISA_ENUM_

struct isa_op {
	uint16_t code;
	const char *mnemonic;  /* as tcpdump -d prints it */
	enum isa_arg arg;      /* how its operand is written */
};

/* The opcode's entry; NULL if code has no meaning (any code >= 0x100). */
static inline const struct isa_op *isa_op(uint32_t code)
{
#define ISA_ENTRY_(name, c, m, a) [c] = {c, m, a},
	static const struct isa_op ops[256] = { ISA_OPCODES(ISA_ENTRY_) };
#undef ISA_ENTRY_
	return code < 256 && ops[code].mnemonic ? &ops[code] : NULL;
}

/* ---------------------------------------------------------------------
 * ALU
 * ------------------------------------------------------------------- */

/* The ALU operations (the BPF_OP bits) with the C operator explain writes
 * for them. */
#define ISA_ALU_OPS(X)                                                         \
	X(BPF_ADD, "+") X(BPF_SUB, "-") X(BPF_MUL, "*") X(BPF_DIV, "/")          \
	X(BPF_MOD, "%") X(BPF_AND, "&") X(BPF_OR, "|") X(BPF_XOR, "^")           \
	X(BPF_LSH, "<<") X(BPF_RSH, ">>") X(BPF_NEG, "-")

/* "+" for BPF_ADD...; "?" for op bits that are no operation. */
static inline const char *isa_alu_symbol(uint32_t op)
{
#define ISA_SYM_(o, s) [(o) >> 4] = s,
	static const char *const sym[16] = { ISA_ALU_OPS(ISA_SYM_) };
#undef ISA_SYM_
	return sym[(op >> 4) & 15] ? sym[(op >> 4) & 15] : "?";
}

enum isa_fault {
	ISA_OK,
	ISA_DIV_ZERO,  /* div or mod by 0: the program ends, returning 0 */
	ISA_BAD_OP,    /* not an ALU opcode: callers reject before calling */
};

struct isa_result {
	uint32_t value;        /* the new A, when fault is ISA_OK */
	enum isa_fault fault;
};

/* The bytes a load of code's size reads: BPF_W 4, BPF_H 2, BPF_B 1. */
static inline uint32_t isa_load_bytes(uint32_t code)
{
	return BPF_SIZE(code) == BPF_W ? 4 : BPF_SIZE(code) == BPF_H ? 2 : 1;
}

/* The offset just past such a load at off; 0xffffffff where it wraps. */
static inline uint32_t isa_load_end(uint32_t code, uint32_t off)
{
	uint32_t n = isa_load_bytes(code);
	return off + n < off ? 0xffffffff : off + n;
}

/* The second operand of an ALU or jump instruction: X or k. */
static inline uint32_t isa_src(uint32_t code, uint32_t k, uint32_t x)
{
	return BPF_SRC(code) == BPF_X ? x : k;
}

/* A op b for the ALU instruction `code` (b is k or X, see isa_src; neg
 * ignores it), exactly as libpcap 1.10.3's bpf_filter computes it.  All
 * arithmetic is on 32-bit unsigned values; each edge case below was
 * measured on bpf_filter (tests/unit/test_isa.c keeps measuring it). */
static inline struct isa_result isa_alu(uint32_t code, uint32_t a, uint32_t b)
{
	struct isa_result r = { 0, ISA_OK };
	/* ALU codes are class | src | op, 8 bits; neg has no X form */
	if (code > 0xff || BPF_CLASS(code) != BPF_ALU ||
	    (BPF_OP(code) == BPF_NEG && BPF_SRC(code) == BPF_X)) {
		r.fault = ISA_BAD_OP;
		return r;
	}
	switch (BPF_OP(code)) {
	/* add, sub, mul wrap modulo 2^32 (unsigned C arithmetic). */
	case BPF_ADD: r.value = a + b; break;
	case BPF_SUB: r.value = a - b; break;
	case BPF_MUL: r.value = a * b; break;
	/* Division and modulo by zero end the program with 0.  bpf_filter
	 * checks X == 0 and returns 0; a constant 0 divisor is refused by
	 * bpf_validate (and the kernel, and vm_validate) and bpf_filter
	 * itself would trap (SIGFPE), so the same fault is the only defined
	 * answer for an unvalidated `div #0`. */
	case BPF_DIV:
		if (b == 0)
			r.fault = ISA_DIV_ZERO;
		else
			r.value = a / b;
		break;
	case BPF_MOD:
		if (b == 0)
			r.fault = ISA_DIV_ZERO;
		else
			r.value = a % b;
		break;
	case BPF_AND: r.value = a & b; break;
	case BPF_OR: r.value = a | b; break;
	case BPF_XOR: r.value = a ^ b; break;
	/* Shifts differ by source.  By X: bpf_filter gives 0 for X >= 32
	 * (all bits shifted out).  By a constant: bpf_validate accepts any
	 * k and bpf_filter shifts by k in C, which on x86-64 (where it was
	 * measured) is a shift by k mod 32: `lsh #33` on A = 1 gives 2.
	 * The kernel and vm_validate refuse k >= 32, so only unvalidated
	 * programs meet this; the mask gives bpf_filter's answer in defined
	 * C. */
	case BPF_LSH:
		if (BPF_SRC(code) == BPF_K)
			r.value = a << (b & 31);
		else
			r.value = b < 32 ? a << b : 0;
		break;
	case BPF_RSH:
		if (BPF_SRC(code) == BPF_K)
			r.value = a >> (b & 31);
		else
			r.value = b < 32 ? a >> b : 0;
		break;
	/* Negation is two's complement: 0 - A, so neg 0x80000000 is itself. */
	case BPF_NEG: r.value = 0u - a; break;
	default: r.fault = ISA_BAD_OP; break;
	}
	return r;
}

/* Why the kernel's checker (and vm_validate) refuse `code #k` although
 * the opcode is fine: a constant divisor of 0, or a constant shift of 32
 * or more.  Code generators keep such operands in X instead. */
enum isa_kcheck { ISA_K_OK, ISA_K_ZERO_DIVISOR, ISA_K_WIDE_SHIFT };

static inline enum isa_kcheck isa_k_check(uint32_t code, uint32_t k)
{
	if (BPF_CLASS(code) != BPF_ALU || BPF_SRC(code) != BPF_K)
		return ISA_K_OK;
	if ((BPF_OP(code) == BPF_DIV || BPF_OP(code) == BPF_MOD) && k == 0)
		return ISA_K_ZERO_DIVISOR;
	if ((BPF_OP(code) == BPF_LSH || BPF_OP(code) == BPF_RSH) && k >= 32)
		return ISA_K_WIDE_SHIFT;
	return ISA_K_OK;
}

/* ---------------------------------------------------------------------
 * Linux ancillary loads
 * ------------------------------------------------------------------- */

/* An absolute load at k = SKF_AD_OFF + offset reads metadata of a kernel
 * socket filter, not packet bytes (linux/filter.h SKF_AD_*; we do not
 * include that header so the table does not depend on the kernel headers
 * installed).  Outside the kernel there is none: the load is out of
 * bounds, and bpf_filter (and vm_run) return 0.  Offsets are 4 * index.
 * X(NAME, offset, bpf_image name, bpf_asm name, what the value is) */
#define ISA_ANCILLARY(X)                                                       \
	X(PROTOCOL, 0, "proto", "proto", "protocol (ethertype)")                 \
	X(PKTTYPE, 4, "type", "type", "packet type")                             \
	X(IFINDEX, 8, "ifidx", "ifidx", "interface index")                       \
	X(NLATTR, 12, "nla", "nla", "netlink attribute")                         \
	X(NLATTR_NEST, 16, "nlan", "nlan", "nested netlink attribute")           \
	X(MARK, 20, "mark", "mark", "mark")                                      \
	X(QUEUE, 24, "queue", "queue", "queue")                                  \
	X(HATYPE, 28, "hatype", "hatype", "hardware type")                       \
	X(RXHASH, 32, "rxhash", "rxhash", "receive hash")                        \
	X(CPU, 36, "cpu", "cpu", "CPU")                                          \
	X(ALU_XOR_X, 40, "xor_x", "xor_x", "A xor X")                            \
	X(VLAN_TAG, 44, "vlan_tci", "vlan_tci", "VLAN tag")                      \
	X(VLAN_TAG_PRESENT, 48, "vlanp", "vlan_avail", "VLAN tag present")       \
	X(PAY_OFFSET, 52, "poff", "poff", "payload offset")                      \
	X(RANDOM, 56, "random", "rand", "random number")                         \
	X(VLAN_TPID, 60, "vlan_tpid", "vlan_tpid", "VLAN protocol")

#define ISA_SKF_AD_OFF 0xfffff000u /* SKF_AD_OFF, -0x1000 */
#define ISA_SKF_AD_MAX 64u         /* SKF_AD_MAX since Linux 4.7 */

#define ISA_AD_ENUM_(name, off, image, asm_name, meaning) ISA_SKF_AD_##name = (off),
enum isa_ancillary_offset { ISA_ANCILLARY(ISA_AD_ENUM_) };
#undef ISA_AD_ENUM_

struct isa_ancillary {
	uint32_t off;          /* SKF_AD_* */
	const char *image;     /* "vlan_tci": bpf_image's "ldb [vlan_tci]" */
	const char *asm_name;  /* "vlan_tci": bpf_asm's "ld #vlan_tci" */
	const char *meaning;   /* "VLAN tag" */
};

/* The i-th ancillary load (offset 4 * i); NULL past the last. */
static inline const struct isa_ancillary *isa_ancillary(unsigned i)
{
#define ISA_AD_ENTRY_(name, off, image, asm_name, meaning) {off, image, asm_name, meaning},
	static const struct isa_ancillary ad[] = { ISA_ANCILLARY(ISA_AD_ENTRY_) };
#undef ISA_AD_ENTRY_
	return i < sizeof ad / sizeof ad[0] ? &ad[i] : NULL;
}

/* The ancillary load an absolute load at k reads; NULL if k is not
 * SKF_AD_OFF plus a known offset. */
static inline const struct isa_ancillary *isa_ancillary_at(uint32_t k)
{
	if (k < ISA_SKF_AD_OFF || (k - ISA_SKF_AD_OFF) % 4 != 0)
		return NULL;
	return isa_ancillary((k - ISA_SKF_AD_OFF) / 4);
}

/* By name, bpf_image's or bpf_asm's (lower case); NULL if neither. */
static inline const struct isa_ancillary *isa_ancillary_named(const char *name)
{
	const struct isa_ancillary *a;
	for (unsigned i = 0; (a = isa_ancillary(i)); i++)
		if (!strcmp(name, a->image) || !strcmp(name, a->asm_name))
			return a;
	return NULL;
}
#endif
