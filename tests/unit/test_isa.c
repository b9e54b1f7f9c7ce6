/* test_isa.c: the instruction set in one header (src/isa.h), and every
 * user of its ALU semantics held to libpcap 1.10.3's bpf_filter.
 *
 * The oracle is bpf_filter itself, run on small hand-built programs:
 * `ld #a; ldx #b; OP; ret a` gives the value, the same with `ret #7`
 * tells whether OP ended the program.  The pinned values below were
 * measured that way and each test measures them again, so a libpcap with
 * other semantics fails here rather than silently changing the meaning.
 * Users checked: isa_alu, vm_run, trace_run, explain's constant folding
 * (xp_transfer), the code generator's constant folding (gen/arith.c,
 * through bpfx_compile with and without the optimizer, against
 * pcap_compile's unoptimized program run by bpf_filter), and the
 * optimizer's folding of add/sub/xor #k into a jeq key (opt/peep.c).
 * src/opt/vn.c numbers values without computing them: no folder there. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "isa.h"
#include "vm.h"
#include "trace.h"
#include "explain_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define S(code, k) ((struct bpf_insn)BPF_STMT(code, k))

static const uint8_t pkt[64];

/* Operands around every edge: 0, 1, the shift widths, the sign bit. */
static const uint32_t vals[] = {
	0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 100, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
};

/* What bpf_filter computes for `ld #a; ldx #b; code`: the new A, or a
 * fault (the program ended with 0).  A constant divisor of 0 is not run:
 * bpf_validate refuses it and bpf_filter would trap (SIGFPE). */
struct oracle {
	int ran, fault;
	uint32_t value;
};

static struct oracle bpf_filter_alu(uint16_t code, uint32_t a, uint32_t b)
{
	struct oracle o = { 0, 0, 0 };
	struct bpf_insn p[4] = { S(BPF_LD | BPF_IMM, a), S(BPF_LDX | BPF_IMM, b),
				 S(code, BPF_SRC(code) == BPF_K ? b : 0), S(BPF_RET | BPF_A, 0) };
	if (isa_k_check(code, b) == ISA_K_ZERO_DIVISOR) {
		assert_int_equal(bpf_validate(p, 4), 0);
		return o;
	}
	o.ran = 1;
	o.value = bpf_filter(p, pkt, sizeof pkt, sizeof pkt);
	p[3] = S(BPF_RET | BPF_K, 7);
	o.fault = bpf_filter(p, pkt, sizeof pkt, sizeof pkt) != 7;
	return o;
}

static const uint16_t alu_codes[] = {
#define CODE(name, code, mnemonic, arg) code,
	ISA_ALU_OPCODES(CODE)
#undef CODE
};

/* --- the table ----------------------------------------------------------- */

static void test_isa_opcode_table(void **state)
{
	(void)state;
	unsigned n = 0;
	for (uint32_t c = 0; c < 0x10000; c++) {
		const struct isa_op *op = isa_op(c);
		if (!op)
			continue;
		n++;
		assert_int_equal(op->code, c);
		assert_non_null(op->mnemonic);
	}
	/* the kernel's chk_code_allowed set: 49 opcodes */
	assert_int_equal(n, 49);
	assert_string_equal(isa_op(BPF_LDX | BPF_B | BPF_MSH)->mnemonic, "ldxb");
	assert_int_equal(isa_op(BPF_JMP | BPF_JA)->arg, ISA_ARG_JA);
	assert_null(isa_op(BPF_ALU | BPF_NEG | BPF_X));
	assert_null(isa_op(BPF_RET | BPF_X));
	assert_null(isa_op(0x100 | BPF_RET));
}

static void test_isa_ancillary_table(void **state)
{
	(void)state;
	const struct isa_ancillary *a;
	unsigned i;
	for (i = 0; (a = isa_ancillary(i)); i++) {
		assert_int_equal(a->off, 4 * i); /* isa_ancillary_at relies on it */
		assert_ptr_equal(isa_ancillary_at(ISA_SKF_AD_OFF + a->off), a);
		assert_ptr_equal(isa_ancillary_named(a->image), a);
		assert_ptr_equal(isa_ancillary_named(a->asm_name), a);
	}
	assert_int_equal(4 * i, ISA_SKF_AD_MAX);
	assert_null(isa_ancillary_at(ISA_SKF_AD_OFF + 2));
	assert_null(isa_ancillary_at(ISA_SKF_AD_OFF + ISA_SKF_AD_MAX));
	assert_null(isa_ancillary_at(ISA_SKF_AD_OFF - 4));
	assert_int_equal(ISA_SKF_AD_VLAN_TAG, 44);
	assert_string_equal(isa_ancillary_at(ISA_SKF_AD_OFF + 48)->asm_name, "vlan_avail");
}

/* --- pinned edge cases, each measured on bpf_filter ------------------------ */

/* An edge case as a row: operation, A, the operand, whether bpf_filter
 * faults (returns 0), and A after it.  isa_alu and, where it runs the
 * operation, bpf_filter must both give it. */
struct pin_row {
	uint16_t code;
	uint32_t a, b;
	int fault;
	uint32_t value;
};

static void pin_rows(const struct pin_row *rows, size_t n)
{
	for (const struct pin_row *p = rows; p < rows + n; p++) {
		struct isa_result r = isa_alu(p->code, p->a, p->b);
		struct oracle o = bpf_filter_alu(p->code, p->a, p->b);
		if (o.ran) {
			assert_int_equal(o.fault, p->fault);
			if (!p->fault)
				assert_int_equal(o.value, p->value);
		}
		assert_int_equal(r.fault, p->fault ? ISA_DIV_ZERO : ISA_OK);
		if (!p->fault)
			assert_int_equal(r.value, p->value);
	}
}

/* What isa_k_check says of a constant operand. */
struct k_row {
	uint16_t code;
	uint32_t k;
	int want;
};

static void k_rows(const struct k_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(isa_k_check(r[i].code, r[i].k), r[i].want);
}

static const struct pin_row alu_edges[] = {
	/* shift by X: 32 or more shifts everything out */
	{ BPF_ALU | BPF_LSH | BPF_X, 0xffffffff, 31, 0, 0x80000000 },
	{ BPF_ALU | BPF_LSH | BPF_X, 0xffffffff, 32, 0, 0 },
	{ BPF_ALU | BPF_LSH | BPF_X, 1, 33, 0, 0 },
	{ BPF_ALU | BPF_RSH | BPF_X, 0xffffffff, 32, 0, 0 },
	{ BPF_ALU | BPF_RSH | BPF_X, 0xffffffff, 0xffffffff, 0, 0 },
	/* shift by a constant (bpf_validate accepts k >= 32): k mod 32 */
	{ BPF_ALU | BPF_LSH | BPF_K, 0x12345678, 32, 0, 0x12345678 },
	{ BPF_ALU | BPF_LSH | BPF_K, 0x12345678, 33, 0, 0x2468acf0 },
	{ BPF_ALU | BPF_LSH | BPF_K, 0xffffffff, 100, 0, 0xfffffff0 },
	{ BPF_ALU | BPF_RSH | BPF_K, 0xffffffff, 33, 0, 0x7fffffff },
	{ BPF_ALU | BPF_RSH | BPF_K, 0xffffffff, 0xffffffff, 0, 1 },
	/* division and modulo by zero: a fault */
	{ BPF_ALU | BPF_DIV | BPF_X, 5, 0, 1, 0 },
	{ BPF_ALU | BPF_MOD | BPF_X, 5, 0, 1, 0 },
	{ BPF_ALU | BPF_DIV | BPF_X, 0, 0, 1, 0 },
	{ BPF_ALU | BPF_DIV | BPF_K, 5, 0, 1, 0 }, /* not run: bpf_validate refuses */
	{ BPF_ALU | BPF_MOD | BPF_K, 5, 0, 1, 0 },
	{ BPF_ALU | BPF_DIV | BPF_K, 0xffffffff, 0x80000000, 0, 1 },
	{ BPF_ALU | BPF_DIV | BPF_X, 0x80000000, 0xffffffff, 0, 0 },
	{ BPF_ALU | BPF_MOD | BPF_X, 0xffffffff, 0x80000000, 0, 0x7fffffff },
	/* wrapping and negation */
	{ BPF_ALU | BPF_NEG, 0, 0, 0, 0 },
	{ BPF_ALU | BPF_NEG, 1, 0, 0, 0xffffffff },
	{ BPF_ALU | BPF_NEG, 0x80000000, 0, 0, 0x80000000 },
	{ BPF_ALU | BPF_SUB | BPF_K, 0, 1, 0, 0xffffffff },
	{ BPF_ALU | BPF_ADD | BPF_X, 0xffffffff, 2, 0, 1 },
	{ BPF_ALU | BPF_MUL | BPF_K, 0x80000000, 2, 0, 0 },
};

static const struct k_row k_checks[] = {
	{ BPF_ALU | BPF_LSH | BPF_K, 31, ISA_K_OK },
	{ BPF_ALU | BPF_LSH | BPF_K, 32, ISA_K_WIDE_SHIFT },
	{ BPF_ALU | BPF_RSH | BPF_X, 32, ISA_K_OK },
	{ BPF_ALU | BPF_DIV | BPF_K, 0, ISA_K_ZERO_DIVISOR },
	{ BPF_ALU | BPF_MOD | BPF_K, 0, ISA_K_ZERO_DIVISOR },
	{ BPF_ALU | BPF_DIV | BPF_X, 0, ISA_K_OK },
};

static void test_isa_alu_edges(void **state)
{
	(void)state;
	pin_rows(alu_edges, N(alu_edges));
	k_rows(k_checks, N(k_checks));
	assert_int_equal(isa_alu(BPF_ALU | BPF_NEG | BPF_X, 1, 0).fault, ISA_BAD_OP);
	assert_int_equal(isa_alu(BPF_ALU | 0xb0, 1, 0).fault, ISA_BAD_OP);
	assert_int_equal(isa_alu(BPF_LD | BPF_IMM, 1, 0).fault, ISA_BAD_OP);
}

/* --- every user agrees with bpf_filter on every opcode and operand pair --- */

/* isa_alu, vm_run and trace_run. */
static void test_isa_interpreters_agree_with_bpf_filter(void **state)
{
	(void)state;
	for (size_t c = 0; c < N(alu_codes); c++)
		for (size_t i = 0; i < N(vals); i++)
			for (size_t j = 0; j < N(vals); j++) {
				uint16_t code = alu_codes[c];
				uint32_t a = vals[i], b = vals[j];
				struct oracle o = bpf_filter_alu(code, a, b);
				struct isa_result r = isa_alu(code, a, b);
				struct bpf_insn p[4] = { S(BPF_LD | BPF_IMM, a), S(BPF_LDX | BPF_IMM, b),
							 S(code, BPF_SRC(code) == BPF_K ? b : 0),
							 S(BPF_RET | BPF_A, 0) };
				struct trace t;
				if (!o.ran) { /* k = 0 divisor: a fault everywhere */
					o.fault = 1;
					o.value = 0;
				}
				if ((r.fault != ISA_OK) != o.fault || (!o.fault && r.value != o.value))
					fail_msg("isa_alu %s 0x%x, 0x%x: %u/0x%x, bpf_filter %d/0x%x",
						 isa_op(code)->mnemonic, a, b, r.fault, r.value, o.fault, o.value);
				uint32_t v = vm_run(p, pkt, sizeof pkt, sizeof pkt);
				assert_int_equal(v, o.fault ? 0 : o.value);
				assert_int_equal(trace_run(p, 4, pkt, sizeof pkt, sizeof pkt, &t), 0);
				assert_int_equal(t.verdict, v);
				assert_int_equal(t.end, o.fault ? TRACE_DIVZERO : TRACE_RET);
				trace_free(&t);
			}
}

/* explain folds an ALU instruction on two constants into a constant. */
static void test_isa_explain_folds_as_bpf_filter(void **state)
{
	(void)state;
	struct xctx c;
	memset(&c, 0, sizeof c);
	for (size_t k = 0; k < N(alu_codes); k++)
		for (size_t i = 0; i < N(vals); i++)
			for (size_t j = 0; j < N(vals); j++) {
				uint16_t code = alu_codes[k];
				uint32_t a = vals[i], b = vals[j];
				struct oracle o = bpf_filter_alu(code, a, b);
				struct xstate s;
				memset(&s, 0, sizeof s);
				struct bpf_insn p[3] = { S(BPF_LD | BPF_IMM, a), S(BPF_LDX | BPF_IMM, b),
							 S(code, BPF_SRC(code) == BPF_K ? b : 0) };
				for (int n = 0; n < 3; n++)
					xp_transfer(&c, &s, &p[n]);
				if (BPF_OP(code) == BPF_NEG) /* explain writes -A, never folds */
					continue;
				if (!o.ran || o.fault) {
					/* the program ends there: left as written */
					assert_int_not_equal(s.A.kind, SY_CONST);
					continue;
				}
				if (s.A.kind != SY_CONST || s.A.k != o.value)
					fail_msg("explain %s 0x%x, 0x%x: kind %d 0x%x, bpf_filter 0x%x",
						 isa_op(code)->mnemonic, a, b, s.A.kind, s.A.k, o.value);
			}
}

/* The code generator folds constant arithmetic (gen/arith.c) only with
 * the optimizer on; a folded and an unfolded program must give
 * libpcap's verdict: pcap_compile's unoptimized program (every operation
 * computed at run time, X forms) run by bpf_filter. */
static void test_isa_gen_folds_as_bpf_filter(void **state)
{
	(void)state;
	static const struct { const char *sym; uint16_t op; } ops[] = {
		{"+", BPF_ADD}, {"-", BPF_SUB}, {"*", BPF_MUL}, {"/", BPF_DIV}, {"%", BPF_MOD},
		{"&", BPF_AND}, {"|", BPF_OR}, {"^", BPF_XOR}, {"<<", BPF_LSH}, {">>", BPF_RSH},
	};
	static const uint32_t some[] = { 0, 1, 3, 31, 32, 33, 0x80000000, 0xffffffff };
	pcap_t *pd = pcap_open_dead(DLT_EN10MB, 262144);
	assert_non_null(pd);
	unsigned compared = 0;
	for (size_t k = 0; k < N(ops); k++)
		for (size_t i = 0; i < N(some); i++)
			for (size_t j = 0; j < N(some); j++) {
				/* "(1 + b - 1)": both compilers refuse a literal 0
				 * divisor or shift over 31, and libpcap's gencode also
				 * (0 + 0) */
				char expr[128];
				struct isa_result r = isa_alu(BPF_ALU | ops[k].op | BPF_X, some[i], some[j]);
				snprintf(expr, sizeof expr, "%u %s (1 + %u - 1) = %u", some[i], ops[k].sym, some[j],
					 r.value);
				struct bpf_program lp;
				if (pcap_compile(pd, &lp, expr, 0, PCAP_NETMASK_UNKNOWN) < 0)
					fail_msg("libpcap: %s: %s", expr, pcap_geterr(pd));
				int want = bpf_filter(lp.bf_insns, pkt, sizeof pkt, sizeof pkt) != 0;
				pcap_freecode(&lp);
				/* the value isa_alu gives is libpcap's, or the
				 * program faults in both */
				assert_int_equal(want, r.fault == ISA_OK);
				for (int opt = 0; opt < 2; opt++) {
					struct bpfx_options o;
					struct bpfx_program p;
					struct bpfx_error err;
					bpfx_options_init(&o);
					o.optimize = opt;
					if (bpfx_compile(expr, &o, &p, &err) < 0) {
						/* the optimizer may find that nothing matches */
						if (opt && !want && strstr(err.msg, "rejects all packets"))
							continue;
						fail_msg("bpfx: %s: %s", expr, err.msg);
					}
					int got = vm_run(p.insns, pkt, sizeof pkt, sizeof pkt) != 0;
					int lib = bpf_filter(p.insns, pkt, sizeof pkt, sizeof pkt) != 0;
					bpfx_program_free(&p);
					if (got != want || lib != want)
						fail_msg("%s%s: vm_run %d, bpf_filter on bpfx's program %d, libpcap %d",
							 expr, opt ? "" : " (-O)", got, lib, want);
					compared++;
				}
			}
	pcap_close(pd);
	assert_true(compared > 1000);
}

/* `len OP k = c` compiles to ld #pktlen; OP #k; jeq #c, which the
 * optimizer (opt/peep.c) turns into jeq #(c INV k): the result must
 * match exactly the packets libpcap's unoptimized program matches. */
static void test_isa_peep_folds_as_bpf_filter(void **state)
{
	(void)state;
	static const struct { const char *sym; uint16_t op; } ops[] = {
		{"+", BPF_ADD}, {"-", BPF_SUB}, {"^", BPF_XOR},
	};
	static const uint32_t ks[] = { 0, 1, 64, 65, 0x7fffffff, 0x80000000, 0xffffffff };
	static const uint32_t lens[] = { 1, 63, 64 };
	pcap_t *pd = pcap_open_dead(DLT_EN10MB, 262144);
	assert_non_null(pd);
	for (size_t o = 0; o < N(ops); o++)
		for (size_t i = 0; i < N(ks); i++) {
			/* c is what len OP k gives for a 64-byte packet */
			uint32_t c = isa_alu(BPF_ALU | ops[o].op | BPF_K, 64, ks[i]).value;
			char expr[96];
			snprintf(expr, sizeof expr, "len %s %u = %u", ops[o].sym, ks[i], c);
			struct bpf_program lp;
			if (pcap_compile(pd, &lp, expr, 0, PCAP_NETMASK_UNKNOWN) < 0)
				fail_msg("libpcap: %s: %s", expr, pcap_geterr(pd));
			struct bpfx_options opt;
			struct bpfx_program p;
			struct bpfx_error err;
			bpfx_options_init(&opt);
			if (bpfx_compile(expr, &opt, &p, &err) < 0)
				fail_msg("bpfx: %s: %s", expr, err.msg);
			for (size_t n = 0; n < p.len; n++) /* peep folded the ALU away */
				assert_int_not_equal(BPF_CLASS(p.insns[n].code), BPF_ALU);
			for (size_t l = 0; l < N(lens); l++) {
				int want = bpf_filter(lp.bf_insns, pkt, lens[l], lens[l]) != 0;
				int got = vm_run(p.insns, pkt, lens[l], lens[l]) != 0;
				assert_int_equal(want, lens[l] == 64);
				if (got != want)
					fail_msg("%s on %u bytes: bpfx %d, libpcap %d", expr, lens[l], got, want);
			}
			bpfx_program_free(&p);
			pcap_freecode(&lp);
		}
	pcap_close(pd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_isa_opcode_table),
		cmocka_unit_test(test_isa_ancillary_table),
		cmocka_unit_test(test_isa_alu_edges),
		cmocka_unit_test(test_isa_interpreters_agree_with_bpf_filter),
		cmocka_unit_test(test_isa_explain_folds_as_bpf_filter),
		cmocka_unit_test(test_isa_gen_folds_as_bpf_filter),
		cmocka_unit_test(test_isa_peep_folds_as_bpf_filter),
	};
	return cmocka_run_group_tests_name("isa", tests, NULL, NULL);
}
