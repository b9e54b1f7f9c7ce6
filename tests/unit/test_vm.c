/* test_vm.c: the classic BPF validator and interpreter (src/vm.c).
 * Expected values are written out by hand from the opcode semantics
 * (libpcap 1.10.3's bpf_filter, Linux's classic BPF checker); the last
 * case compares our validator with libpcap's bpf_validate on random
 * programs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "vm.h"
#include "vmgen.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define S(code, k) ((struct bpf_insn)BPF_STMT(code, k))
#define J(code, k, jt, jf) ((struct bpf_insn)BPF_JUMP(code, k, jt, jf))

static const uint8_t pkt64[64] = {
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
	0x45, 0x00, 0x00, 0x32, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00, /* ... */
};

/* Validate (must pass) and run. */
static uint32_t run(const struct bpf_insn *p, size_t n, const uint8_t *pkt, uint32_t wirelen,
		    uint32_t caplen)
{
	struct bpfx_error err;
	if (vm_validate(p, n, &err) != 0)
		fail_msg("unexpected rejection at %d: %s", err.start, err.msg);
	return vm_run(p, pkt, wirelen, caplen);
}

/* Validate (must fail at instruction at, with msg containing what). */
static void rejects(const struct bpf_insn *p, size_t n, int at, const char *what)
{
	struct bpfx_error err;
	memset(&err, 0, sizeof err);
	assert_int_equal(vm_validate(p, n, &err), -1);
	assert_int_equal(err.start, at);
	assert_int_equal(err.end, at);
	if (!strstr(err.msg, what))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, what);
}

static int is_opcode(unsigned code)
{
	for (size_t i = 0; i < vmgen_nopcodes; i++)
		if (vmgen_opcodes[i] == code)
			return 1;
	return 0;
}

/* --- validator -------------------------------------------------------- */

static void test_vm_validate_length(void **state)
{
	static struct bpf_insn big[VM_MAXINSNS + 1];
	struct bpf_insn ret = S(BPF_RET | BPF_K, 0);
	rejects(&ret, 0, 0, "empty");
	for (size_t i = 0; i < N(big); i++)
		big[i] = ret;
	assert_int_equal(vm_validate(big, VM_MAXINSNS, NULL), 0);
	rejects(big, VM_MAXINSNS + 1, VM_MAXINSNS, "more than 4096");
	assert_int_equal(vm_validate(&ret, 1, NULL), 0);
}

/* Exactly the 49 opcodes with a meaning pass, in every one of the 65536
 * 16-bit codes. */
static void test_vm_validate_opcode_set(void **state)
{
	unsigned accepted = 0;
	for (unsigned code = 0; code < 65536; code++) {
		struct bpf_insn p[] = {
			S(BPF_ST, 1),                  /* so ld M[1] is initialized */
			/* k = 1: no division by 0, and M[1]; ja to the ret */
			J((uint16_t)code, code == (BPF_JMP | BPF_JA) ? 0 : 1, 0, 0),
			S(BPF_RET | BPF_K, 0),
		};
		struct bpfx_error err;
		int rc = vm_validate(p, N(p), &err);
		if (is_opcode(code)) {
			if (rc != 0)
				fail_msg("0x%x rejected: %s", code, err.msg);
			accepted++;
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(err.start, 1);
			assert_non_null(strstr(err.msg, "unknown opcode"));
		}
	}
	assert_int_equal(accepted, 49);
	printf("test_vm: %u of 65536 codes accepted\n", accepted);
}

static void test_vm_validate_jump_targets(void **state)
{
	struct bpf_insn p[] = {
		J(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), /* jt 2, jf 1 */
		S(BPF_RET | BPF_K, 1),
		S(BPF_RET | BPF_K, 2),
	};
	assert_int_equal(vm_validate(p, 3, NULL), 0);
	p[0].jt = 2; /* target 3 == n */
	rejects(p, 3, 0, "jt target 3");
	p[0].jt = 0;
	p[0].jf = 255;
	rejects(p, 3, 0, "jf target 256");

	struct bpf_insn q[] = {
		S(BPF_JMP | BPF_JA, 1), /* to 2: the last */
		S(BPF_RET | BPF_K, 1),
		S(BPF_RET | BPF_K, 2),
	};
	assert_int_equal(vm_validate(q, 3, NULL), 0);
	q[0].k = 2;
	rejects(q, 3, 0, "ja target 3");
	/* 1 + k wraps to 0 in 32 bits: a backward jump libpcap 1.10.3's
	 * bpf_validate lets through; 0xffffffff is a jump to itself. */
	q[0].k = 0xffffffff;
	rejects(q, 3, 0, "backward ja (offset -1)");
	q[1] = S(BPF_JMP | BPF_JA, 0xfffffffe); /* from 1 back to 0 */
	q[0].k = 0;
	rejects(q, 3, 1, "backward ja (offset -2)");
	q[1].k = 0x7fffffff; /* forward, far past the end */
	rejects(q, 3, 1, "ja target 2147483649");
}

static void test_vm_validate_constants(void **state)
{
	struct bpf_insn p[] = {S(BPF_ALU | BPF_DIV | BPF_K, 0), S(BPF_RET | BPF_A, 0)};
	rejects(p, 2, 0, "division by constant 0");
	p[0] = S(BPF_ALU | BPF_MOD | BPF_K, 0);
	rejects(p, 2, 0, "modulo by constant 0");
	p[0] = S(BPF_ALU | BPF_DIV | BPF_X, 0); /* X == 0 is a run-time matter */
	assert_int_equal(vm_validate(p, 2, NULL), 0);
	p[0] = S(BPF_ALU | BPF_LSH | BPF_K, 31);
	assert_int_equal(vm_validate(p, 2, NULL), 0);
	p[0] = S(BPF_ALU | BPF_LSH | BPF_K, 32);
	rejects(p, 2, 0, "shift by constant 32");
	p[0] = S(BPF_ALU | BPF_RSH | BPF_K, 0xffffffff);
	rejects(p, 2, 0, "shift by constant");
	p[0] = S(BPF_ST, 16);
	rejects(p, 2, 0, "M[16]");
	p[0] = S(BPF_STX, 0xffffffff);
	rejects(p, 2, 0, "outside scratch memory");
	p[0] = S(BPF_ST, 15);
	assert_int_equal(vm_validate(p, 2, NULL), 0);
	/* Linux ancillary loads: known ones pass (the kernel's rule), unknown
	 * ones and misaligned ones do not. */
	p[0] = S(BPF_LD | BPF_B | BPF_ABS, 0xfffff000 + 44); /* vlan_tci */
	assert_int_equal(vm_validate(p, 2, NULL), 0);
	p[0] = S(BPF_LD | BPF_W | BPF_ABS, 0xfffff000 + 64);
	rejects(p, 2, 0, "unknown ancillary");
	p[0] = S(BPF_LD | BPF_H | BPF_ABS, 0xfffff001);
	rejects(p, 2, 0, "unknown ancillary");
	p[0] = S(BPF_LD | BPF_W | BPF_IND, 0xffffffff); /* IND: run time */
	assert_int_equal(vm_validate(p, 2, NULL), 0);
}

static void test_vm_validate_last_is_ret(void **state)
{
	struct bpf_insn p[] = {S(BPF_RET | BPF_K, 0), S(BPF_LD | BPF_IMM, 0)};
	rejects(p, 2, 1, "not a ret");
	struct bpf_insn q[] = {J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 0), S(BPF_MISC | BPF_TAX, 0)};
	rejects(q, 2, 1, "not a ret");
}

static void test_vm_validate_scratch_init(void **state)
{
	struct bpf_insn straight[] = {S(BPF_LD | BPF_MEM, 3), S(BPF_RET | BPF_A, 0)};
	rejects(straight, 2, 0, "M[3] may be read before it is written");

	/* Written on the jt path only. */
	struct bpf_insn one_path[] = {
		J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
		S(BPF_ST, 3),
		S(BPF_LDX | BPF_MEM, 3), /* reached from 0 (jf) unwritten */
		S(BPF_RET | BPF_K, 0),
	};
	rejects(one_path, 4, 2, "M[3]");

	/* Written on both paths. */
	struct bpf_insn both[] = {
		J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2),
		S(BPF_ST, 3),
		S(BPF_JMP | BPF_JA, 1),
		S(BPF_STX, 3),
		S(BPF_LD | BPF_MEM, 3),
		S(BPF_RET | BPF_A, 0),
	};
	assert_int_equal(vm_validate(both, N(both), NULL), 0);

	/* The kernel's imprecision, kept: a ret does not reset the
	 * fall-through set, so an instruction after a ret is checked against
	 * the ret's set too.  Here 5 is reached only from 3, after M[0] is
	 * written, yet the kernel (and so we) reject; libpcap accepts. */
	struct bpf_insn after_ret[] = {
		S(BPF_LD | BPF_IMM, 0),
		J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2), /* to 2 or 4 */
		S(BPF_ST, 0),
		S(BPF_JMP | BPF_JA, 1), /* to 5 */
		S(BPF_RET | BPF_K, 0),
		S(BPF_LD | BPF_MEM, 0),
		S(BPF_RET | BPF_A, 0),
	};
	rejects(after_ret, N(after_ret), 5, "M[0]");
	assert_int_not_equal(bpf_validate(after_ret, (int)N(after_ret)), 0);
	after_ret[0] = S(BPF_ST, 0); /* written before the branch: fine */
	assert_int_equal(vm_validate(after_ret, N(after_ret), NULL), 0);
}

/* libpcap's bpf_validate accepts every program we accept, over random
 * programs (most of them broken).  Where they differ, it is one of the
 * documented places where we follow the stricter kernel. */
static void test_vm_validate_never_weaker_than_libpcap(void **state)
{
	static const char *const stricter[] = {
		"unknown opcode", "shift by constant", "may be read before it is written",
		"backward ja", "unknown ancillary",
	};
	struct vmpkt_rng r;
	struct bpf_insn p[64];
	unsigned long total = 0, both = 0, neither = 0, only_libpcap = 0;
	unsigned long by_reason[N(stricter)] = {0};
	vmpkt_seed(&r, 0x62706678766d0003ull);
	for (int i = 0; i < 300000; i++) {
		size_t n = vmgen_any(&r, p, 64);
		struct bpfx_error err;
		int ours = vm_validate(p, n, &err) == 0;
		int theirs = bpf_validate(p, (int)n) != 0;
		total++;
		if (ours && !theirs)
			fail_msg("program %d: we accept what bpf_validate rejects", i);
		if (ours) {
			both++;
		} else if (!theirs) {
			neither++;
		} else {
			only_libpcap++;
			size_t j = 0;
			while (j < N(stricter) && !strstr(err.msg, stricter[j]))
				j++;
			if (j == N(stricter))
				fail_msg("program %d: libpcap accepts, we reject for an "
					 "undocumented reason: %s", i, err.msg);
			by_reason[j]++;
		}
	}
	printf("test_vm: %lu random programs: %lu accepted by both, %lu rejected by both, "
	       "%lu accepted only by libpcap (documented stricter rules), 0 only by us\n",
	       total, both, neither, only_libpcap);
	for (size_t j = 0; j < N(stricter); j++)
		printf("test_vm:   only libpcap, we say \"%s\": %lu\n", stricter[j], by_reason[j]);
	assert_true(both > total / 10); /* the comparison means something */
	assert_true(neither > total / 10);
}

/* --- interpreter ------------------------------------------------------ */

static void test_vm_run_absolute_loads(void **state)
{
	struct bpf_insn w[] = {S(BPF_LD | BPF_W | BPF_ABS, 12), S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(w, 2, pkt64, 64, 64), 0x08004500);
	/* Bounds are caplen's: 12 + 4 == 16 fits exactly, 17 does not; a
	 * longer wirelen changes nothing. */
	assert_int_equal(run(w, 2, pkt64, 1500, 16), 0x08004500);
	assert_int_equal(run(w, 2, pkt64, 1500, 15), 0);
	/* k + 4 wraps to 2 in 32 bits.  Offsets this high are Linux ancillary
	 * space, which the validator refuses unless known, so run it
	 * unvalidated: the bounds check must hold on its own. */
	w[0].k = 0xfffffffe;
	assert_int_equal(vm_run(w, pkt64, 64, 64), 0);

	struct bpf_insn h[] = {S(BPF_LD | BPF_H | BPF_ABS, 12), S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(h, 2, pkt64, 64, 14), 0x0800);
	assert_int_equal(run(h, 2, pkt64, 64, 13), 0);
	h[0].k = 0xffffffff; /* k + 2 wraps to 1 */
	assert_int_equal(vm_run(h, pkt64, 64, 64), 0);

	struct bpf_insn b[] = {S(BPF_LD | BPF_B | BPF_ABS, 14), S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(b, 2, pkt64, 64, 15), 0x45);
	assert_int_equal(run(b, 2, pkt64, 64, 14), 0);
	assert_int_equal(run(b, 2, pkt64, 0, 0), 0);
	b[0].k = 0xfffff000 + 44; /* ancillary vlan_tci: out of bounds here */
	assert_int_equal(run(b, 2, pkt64, 64, 64), 0);
}

/* A rejected load ends the program with 0 even when a ret follows. */
static void test_vm_run_out_of_bounds_rejects_whole_program(void **state)
{
	struct bpf_insn p[] = {S(BPF_LD | BPF_W | BPF_ABS, 62), S(BPF_RET | BPF_K, 0x1234)};
	assert_int_equal(run(p, 2, pkt64, 64, 64), 0);
	p[0].k = 60;
	assert_int_equal(run(p, 2, pkt64, 64, 64), 0x1234);
}

static void test_vm_run_indirect_loads(void **state)
{
	struct bpf_insn w[] = {S(BPF_LDX | BPF_IMM, 10), S(BPF_LD | BPF_W | BPF_IND, 2),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(w, 3, pkt64, 64, 64), 0x08004500);
	assert_int_equal(run(w, 3, pkt64, 64, 16), 0x08004500);
	assert_int_equal(run(w, 3, pkt64, 64, 15), 0);
	/* X + k wraps to 1 in 32 bits: must not load [1]. */
	w[0].k = 0xffffffff;
	assert_int_equal(run(w, 3, pkt64, 64, 64), 0);
	w[0].k = 2;
	w[1].k = 0xffffffff;
	assert_int_equal(run(w, 3, pkt64, 64, 64), 0);

	struct bpf_insn h[] = {S(BPF_LDX | BPF_IMM, 12), S(BPF_LD | BPF_H | BPF_IND, 0),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(h, 3, pkt64, 64, 14), 0x0800);
	assert_int_equal(run(h, 3, pkt64, 64, 13), 0);
	h[0].k = 0xfffffffe; /* + 0 + 2 wraps to 0 */
	assert_int_equal(run(h, 3, pkt64, 64, 64), 0);

	struct bpf_insn b[] = {S(BPF_LDX | BPF_IMM, 14), S(BPF_LD | BPF_B | BPF_IND, 0),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(b, 3, pkt64, 64, 15), 0x45);
	assert_int_equal(run(b, 3, pkt64, 64, 14), 0);
	b[0].k = 0xffffffff;
	b[1].k = 1; /* wraps to 0 */
	assert_int_equal(run(b, 3, pkt64, 64, 64), 0);
}

static void test_vm_run_msh_and_len(void **state)
{
	struct bpf_insn p[] = {S(BPF_LDX | BPF_B | BPF_MSH, 14), S(BPF_MISC | BPF_TXA, 0),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(p, 3, pkt64, 64, 64), 20); /* 4 * (0x45 & 0xf) */
	assert_int_equal(run(p, 3, pkt64, 64, 14), 0);
	p[0].k = 0xffffffff;
	assert_int_equal(run(p, 3, pkt64, 64, 64), 0);

	/* #pktlen is the length on the wire, not the captured length. */
	struct bpf_insn a[] = {S(BPF_LD | BPF_W | BPF_LEN, 0), S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(a, 2, pkt64, 1514, 64), 1514);
	struct bpf_insn x[] = {S(BPF_LDX | BPF_W | BPF_LEN, 0), S(BPF_MISC | BPF_TXA, 0),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(x, 3, pkt64, 9000, 0), 9000);
}

struct alu_case {
	uint16_t op;
	uint32_t a, operand, want;
};

static void test_vm_run_alu(void **state)
{
	static const struct alu_case cases[] = {
		{BPF_ADD, 0xffffffff, 2, 1},
		{BPF_SUB, 1, 2, 0xffffffff},
		{BPF_MUL, 0x10000, 0x10000, 0},
		{BPF_MUL, 7, 6, 42},
		{BPF_DIV, 100, 7, 14},
		{BPF_DIV, 0xffffffff, 2, 0x7fffffff}, /* unsigned */
		{BPF_MOD, 100, 7, 2},
		{BPF_MOD, 0x80000000, 3, 2},
		{BPF_AND, 0xf0f0, 0xff00, 0xf000},
		{BPF_OR, 0xf0f0, 0x0f00, 0xfff0},
		{BPF_XOR, 0xf0f0, 0xffff, 0x0f0f},
		{BPF_LSH, 0x12345678, 4, 0x23456780},
		{BPF_LSH, 0x12345678, 31, 0},
		{BPF_RSH, 0x80000000, 31, 1},
		{BPF_RSH, 0x12345678, 0, 0x12345678},
	};
	for (size_t i = 0; i < N(cases); i++) {
		const struct alu_case *c = &cases[i];
		struct bpf_insn k[] = {S(BPF_LD | BPF_IMM, c->a), S(BPF_ALU | c->op | BPF_K, c->operand),
				       S(BPF_RET | BPF_A, 0)};
		struct bpf_insn x[] = {S(BPF_LD | BPF_IMM, c->a), S(BPF_LDX | BPF_IMM, c->operand),
				       S(BPF_ALU | c->op | BPF_X, 0), S(BPF_RET | BPF_A, 0)};
		if (run(k, 3, pkt64, 64, 64) != c->want)
			fail_msg("case %zu (op 0x%x #k)", i, c->op);
		if (run(x, 4, pkt64, 64, 64) != c->want)
			fail_msg("case %zu (op 0x%x x)", i, c->op);
	}
	struct bpf_insn neg[] = {S(BPF_LD | BPF_IMM, 5), S(BPF_ALU | BPF_NEG, 0), S(BPF_RET | BPF_A, 0)};
	assert_int_equal(run(neg, 3, pkt64, 64, 64), 0xfffffffb);
	neg[0].k = 0x80000000; /* its own negation, no signed overflow */
	assert_int_equal(run(neg, 3, pkt64, 64, 64), 0x80000000);
}

/* Division and modulo by X == 0 end the program with 0. */
static void test_vm_run_division_by_x_zero(void **state)
{
	for (int mod = 0; mod <= 1; mod++) {
		struct bpf_insn p[] = {S(BPF_LD | BPF_IMM, 7), S(BPF_LDX | BPF_IMM, 0),
				       S(BPF_ALU | (mod ? BPF_MOD : BPF_DIV) | BPF_X, 0),
				       S(BPF_RET | BPF_K, 99)};
		assert_int_equal(run(p, 4, pkt64, 64, 64), 0);
		p[1].k = 1;
		assert_int_equal(run(p, 4, pkt64, 64, 64), 99);
	}
}

/* Shifts by X >= 32 give 0 (libpcap 1.10.3's rule); constant shifts that
 * large never validate, and vm_run, if given one anyway, shifts by k mod
 * 32, which is what libpcap's unchecked `A <<= k` does on x86-64. */
static void test_vm_run_shift_counts(void **state)
{
	uint32_t counts[] = {32, 33, 63, 64, 0x80000000, 0xffffffff};
	for (size_t i = 0; i < N(counts); i++) {
		for (int rsh = 0; rsh <= 1; rsh++) {
			struct bpf_insn p[] = {S(BPF_LD | BPF_IMM, 0x12345678),
					       S(BPF_LDX | BPF_IMM, counts[i]),
					       S(BPF_ALU | (rsh ? BPF_RSH : BPF_LSH) | BPF_X, 0),
					       S(BPF_RET | BPF_A, 0)};
			assert_int_equal(run(p, 4, pkt64, 64, 64), 0);
		}
	}
	struct bpf_insn k[] = {S(BPF_LD | BPF_IMM, 0x12345678), S(BPF_ALU | BPF_LSH | BPF_K, 36),
			       S(BPF_RET | BPF_A, 0)};
	assert_int_equal(vm_run(k, pkt64, 64, 64), 0x23456780);
	k[1] = S(BPF_ALU | BPF_RSH | BPF_K, 100);
	assert_int_equal(vm_run(k, pkt64, 64, 64), 0x01234567);
}

struct jump_case {
	uint16_t op;
	uint32_t a, operand;
	int taken;
};

static void test_vm_run_jumps(void **state)
{
	static const struct jump_case cases[] = {
		{BPF_JEQ, 5, 5, 1}, {BPF_JEQ, 5, 6, 0},
		{BPF_JGT, 6, 5, 1}, {BPF_JGT, 5, 5, 0},
		{BPF_JGT, 0x80000000, 1, 1}, /* unsigned */
		{BPF_JGE, 5, 5, 1}, {BPF_JGE, 4, 5, 0},
		{BPF_JSET, 6, 2, 1}, {BPF_JSET, 6, 9, 0},
	};
	for (size_t i = 0; i < N(cases); i++) {
		const struct jump_case *c = &cases[i];
		struct bpf_insn k[] = {
			S(BPF_LD | BPF_IMM, c->a),
			J(BPF_JMP | c->op | BPF_K, c->operand, 1, 0),
			S(BPF_RET | BPF_K, 100), /* not taken */
			S(BPF_RET | BPF_K, 200), /* taken */
		};
		struct bpf_insn x[] = {
			S(BPF_LD | BPF_IMM, c->a),
			S(BPF_LDX | BPF_IMM, c->operand),
			J(BPF_JMP | c->op | BPF_X, 0, 1, 0),
			S(BPF_RET | BPF_K, 100),
			S(BPF_RET | BPF_K, 200),
		};
		assert_int_equal(run(k, 4, pkt64, 64, 64), c->taken ? 200 : 100);
		assert_int_equal(run(x, 5, pkt64, 64, 64), c->taken ? 200 : 100);
	}
	struct bpf_insn ja[] = {S(BPF_JMP | BPF_JA, 2), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2),
				S(BPF_RET | BPF_K, 3)};
	assert_int_equal(run(ja, 4, pkt64, 64, 64), 3);
	ja[0].k = 0;
	assert_int_equal(run(ja, 4, pkt64, 64, 64), 1);
}

static void test_vm_run_scratch_and_moves(void **state)
{
	struct bpf_insn p[] = {
		S(BPF_LD | BPF_IMM, 0xaaaa),
		S(BPF_ST, 15),
		S(BPF_LDX | BPF_IMM, 0x5555),
		S(BPF_STX, 0),
		S(BPF_LD | BPF_MEM, 0),  /* A = 0x5555 */
		S(BPF_LDX | BPF_MEM, 15), /* X = 0xaaaa */
		S(BPF_ALU | BPF_ADD | BPF_X, 0),
		S(BPF_MISC | BPF_TAX, 0),
		S(BPF_LD | BPF_IMM, 1),
		S(BPF_MISC | BPF_TXA, 0),
		S(BPF_RET | BPF_A, 0),
	};
	assert_int_equal(run(p, N(p), pkt64, 64, 64), 0xffff);
	/* Returns are 32-bit: ret #k and ret a pass k and A through. */
	struct bpf_insn r[] = {S(BPF_RET | BPF_K, 0xffffffff)};
	assert_int_equal(run(r, 1, pkt64, 64, 64), 0xffffffff);
}

/* A backward ja (libpcap's protochain code) fails validation but runs as
 * in libpcap: the offset is sign-extended.  This loop counts A to 3. */
static void test_vm_run_backward_ja_like_libpcap(void **state)
{
	struct bpf_insn p[] = {
		S(BPF_LD | BPF_IMM, 0),
		S(BPF_ALU | BPF_ADD | BPF_K, 1),
		J(BPF_JMP | BPF_JGE | BPF_K, 3, 1, 0),
		S(BPF_JMP | BPF_JA, (uint32_t)-3), /* back to 1 */
		S(BPF_RET | BPF_A, 0),
	};
	assert_int_equal(vm_validate(p, N(p), NULL), -1);
	assert_int_equal(vm_run(p, pkt64, 64, 64), 3);
	assert_int_equal(bpf_filter(p, pkt64, 64, 64), 3);
}

/* An opcode without a meaning (only possible unvalidated) rejects. */
static void test_vm_run_unknown_opcode_rejects(void **state)
{
	struct bpf_insn p[] = {S(0xff, 0), S(BPF_RET | BPF_K, 1)};
	assert_int_equal(vm_run(p, pkt64, 64, 64), 0);
}

/* vm_exec's inline first test (vm.h's struct vm_first): a load at [k]
 * of each size, then jeq or jset with a ret on the taken side, the
 * other or both, constants that match, do not, or do not fit the load,
 * and every caplen around k + size and k + 4 (where the inline 4-byte
 * read stops applying).  Expected: libpcap's bpf_filter. */
static void test_vm_exec_first_test(void **state)
{
	static const uint16_t loads[] = {BPF_LD | BPF_B | BPF_ABS, BPF_LD | BPF_H | BPF_ABS,
					 BPF_LD | BPF_W | BPF_ABS};
	static const uint16_t jumps[] = {BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JSET | BPF_K};
	static const uint32_t values[] = {0x08, 0x0800, 0x08004500, 0x45, 0x10000, 0x80, 0};
	/* jt, jf: 0 goes to ret #7 (index 2), 1 to ret a (3); 2 to ret #9 (4) */
	static const uint8_t sides[][2] = {{0, 1}, {1, 0}, {0, 2}};
	for (size_t l = 0; l < N(loads); l++)
		for (size_t j = 0; j < N(jumps); j++)
			for (size_t v = 0; v < N(values); v++)
				for (size_t s = 0; s < N(sides); s++) {
					struct bpf_insn p[] = {
						S(loads[l], 12),
						J(jumps[j], values[v], sides[s][0], sides[s][1]),
						S(BPF_RET | BPF_K, 7),
						S(BPF_RET | BPF_A, 0),
						S(BPF_RET | BPF_K, 9),
					};
					struct vm_prog *vp = vm_prepare(p, N(p), NULL);
					assert_non_null(vp);
					for (uint32_t cap = 10; cap <= 20; cap++)
						assert_int_equal(vm_exec(vp, pkt64, 64, cap),
								 bpf_filter(p, pkt64, 64, cap));
					vm_prog_free(vp);
				}
	/* a program that also uses scratch memory past the first test */
	struct bpf_insn m[] = {
		S(BPF_LD | BPF_H | BPF_ABS, 12),
		J(BPF_JMP | BPF_JEQ | BPF_K, 0x0800, 0, 3),
		S(BPF_ST, 3),
		S(BPF_LD | BPF_MEM, 3),
		S(BPF_RET | BPF_A, 0),
		S(BPF_RET | BPF_K, 0),
	};
	struct vm_prog *vp = vm_prepare(m, N(m), NULL);
	assert_non_null(vp);
	assert_int_equal(vm_exec(vp, pkt64, 64, 64), 0x0800);
	assert_int_equal(vm_exec(vp, pkt64 + 1, 63, 63), 0);
	vm_prog_free(vp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vm_validate_length),
		cmocka_unit_test(test_vm_validate_opcode_set),
		cmocka_unit_test(test_vm_validate_jump_targets),
		cmocka_unit_test(test_vm_validate_constants),
		cmocka_unit_test(test_vm_validate_last_is_ret),
		cmocka_unit_test(test_vm_validate_scratch_init),
		cmocka_unit_test(test_vm_validate_never_weaker_than_libpcap),
		cmocka_unit_test(test_vm_run_absolute_loads),
		cmocka_unit_test(test_vm_run_out_of_bounds_rejects_whole_program),
		cmocka_unit_test(test_vm_run_indirect_loads),
		cmocka_unit_test(test_vm_run_msh_and_len),
		cmocka_unit_test(test_vm_run_alu),
		cmocka_unit_test(test_vm_run_division_by_x_zero),
		cmocka_unit_test(test_vm_run_shift_counts),
		cmocka_unit_test(test_vm_run_jumps),
		cmocka_unit_test(test_vm_run_scratch_and_moves),
		cmocka_unit_test(test_vm_run_backward_ja_like_libpcap),
		cmocka_unit_test(test_vm_run_unknown_opcode_rejects),
		cmocka_unit_test(test_vm_exec_first_test),
	};
	return cmocka_run_group_tests_name("vm", tests, NULL, NULL);
}
