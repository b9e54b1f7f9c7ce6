/* test_ir.c: the CFG walks of ir.c (reverse postorder, predecessor
 * counts, the index by block id) that the optimizer passes and the
 * emitter share, and emit.c's layout: the order it writes blocks in, the
 * `ja` it leaves out, and the trampolines it adds for jumps past 255
 * instructions.  The emitted programs are run by libpcap's bpf_filter,
 * the oracle for their verdicts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "arena.h"
#include "emit.h"
#include "ir.h"

#define SNAP 262144u

static const struct span nospan = { 0, 0 };

/* Each test's program, in its own arena; o is freed when set. */
struct fixture {
	struct arena a;
	struct ir_prog p;
	struct ir_order o;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	arena_init(&f->a);
	ir_init(&f->p, &f->a, SNAP);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	ir_order_free(&f->o);
	arena_free(&f->a);
	free(f);
	return 0;
}

static struct ir_block *branch(struct ir_prog *p, uint32_t k, struct ir_block *t, struct ir_block *f)
{
	struct ir_block *b = ir_block_new(p);
	ir_append(p, b, BPF_LD | BPF_H | BPF_ABS, 12, nospan);
	b->term = IR_BRANCH;
	b->jcode = BPF_JMP | BPF_JEQ | BPF_K;
	b->jk = k;
	b->jt = t;
	b->jf = f;
	return b;
}

static struct ir_block *jump(struct ir_prog *p, int nld, struct ir_block *to)
{
	struct ir_block *b = ir_block_new(p);
	for (int i = 0; i < nld; i++)
		ir_append(p, b, BPF_LD | BPF_IMM, (uint32_t)i, nospan);
	b->term = IR_JA;
	b->jt = to;
	return b;
}

/* A diamond: e tests, x and y (its true and false sides) both go to z,
 * which accepts or rejects. */
struct diamond {
	struct ir_block *e, *x, *y, *z;
};

static struct diamond diamond(struct ir_prog *p)
{
	struct diamond d;
	d.z = branch(p, 0x86dd, p->accept, p->reject);
	d.x = jump(p, 1, d.z);
	d.y = jump(p, 2, d.z);
	d.e = branch(p, 0x0800, d.x, d.y);
	p->entry = d.e;
	return d;
}

/* Each block after every block that jumps to it; the true side right
 * after its test (the false side is walked first), the returns last. */
static void test_ir_rpo_orders_blocks_after_their_predecessors(void **state)
{
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	struct diamond d = diamond(p);
	ir_rpo(p, &fx->o);
	assert_int_equal(fx->o.n, 6);
	struct ir_block *want[] = { d.e, d.x, d.y, d.z, p->accept, p->reject };
	for (int i = 0; i < 6; i++) {
		assert_ptr_equal(fx->o.b[i], want[i]);
		assert_int_equal(ir_index(&fx->o, want[i]), i);
	}
}

static void test_ir_preds_count_edges(void **state)
{
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	struct diamond d = diamond(p);
	ir_rpo(p, &fx->o);
	int *preds = ir_preds(&fx->o);
	assert_int_equal(preds[ir_index(&fx->o, d.e)], 0);
	assert_int_equal(preds[ir_index(&fx->o, d.x)], 1);
	assert_int_equal(preds[ir_index(&fx->o, d.y)], 1);
	assert_int_equal(preds[ir_index(&fx->o, d.z)], 2);
	assert_int_equal(preds[ir_index(&fx->o, p->accept)], 1);
	assert_int_equal(preds[ir_index(&fx->o, p->reject)], 1);
	arena_scratch_free(fx->o.a, preds);
}

/* A block nothing reaches, or one made after the walk, has no index. */
static void test_ir_index_of_unwalked_blocks(void **state)
{
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	struct ir_block *lost = jump(p, 1, p->accept);
	p->entry = branch(p, 0x0800, p->accept, p->accept);
	ir_rpo(p, &fx->o);
	assert_int_equal(fx->o.n, 2); /* the entry and accept; not reject, not lost */
	assert_int_equal(ir_index(&fx->o, lost), -1);
	assert_int_equal(ir_index(&fx->o, p->reject), -1);
	struct ir_block *later = ir_block_new(p);
	assert_int_equal(ir_index(&fx->o, later), -1);
}

/* The walk keeps its own stack: a chain far deeper than the C stack
 * would allow for a recursive walk. */
static void test_ir_rpo_walks_deep_chains(void **state)
{
	enum { DEPTH = 100000 };
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	struct ir_block *b = p->accept;
	for (int i = 0; i < DEPTH; i++)
		b = branch(p, (uint32_t)i, p->reject, b);
	p->entry = b;
	ir_rpo(p, &fx->o);
	assert_int_equal(fx->o.n, DEPTH + 2);
	assert_ptr_equal(fx->o.b[0], p->entry);
}

static struct bpf_insn *emit(struct ir_prog *p, unsigned *n)
{
	struct bpf_insn *prog;
	struct bpfx_error err;
	assert_int_equal(emit_program(p, &prog, n, NULL, &err), 0);
	assert_true(bpf_validate(prog, (int)*n));
	return prog;
}

static u_int run(struct bpf_insn *prog, uint16_t ethertype)
{
	u_char pkt[64] = { 0 };
	pkt[12] = (u_char)(ethertype >> 8);
	pkt[13] = (u_char)ethertype;
	return bpf_filter(prog, pkt, sizeof pkt, sizeof pkt);
}

/* The diamond's layout: e, x, y, z, then the returns; x's `ja` to y is
 * kept (y is not its target), y's to z left out (z comes next). */
static void test_emit_lays_out_in_reverse_postorder(void **state)
{
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	unsigned n;
	diamond(p);
	struct bpf_insn *prog = emit(p, &n);
	/* e: ld, jeq; x: ld #0, ja; y: ld #0, ld #1; z: ld, jeq; ret; ret */
	assert_int_equal(n, 10);
	assert_int_equal(prog[3].code, BPF_JMP | BPF_JA);
	assert_int_equal(prog[3].k, 2); /* over y to z */
	assert_int_equal(prog[6].code, BPF_LD | BPF_H | BPF_ABS);
	assert_int_equal(run(prog, 0x0800), 0);
	assert_int_equal(run(prog, 0x86dd), SNAP);
	free(prog);
}

/* A test whose target lies more than 255 instructions ahead jumps to a
 * `ja` placed within reach; the verdicts stay what the graph says. */
static void test_emit_adds_trampolines_for_far_jumps(void **state)
{
	struct fixture *fx = *state;
	struct ir_prog *p = &fx->p;
	unsigned n;
	/* e's true side is accept, laid out after m's 300 loads */
	struct ir_block *m = jump(p, 300, branch(p, 0x86dd, p->accept, p->reject));
	p->entry = branch(p, 0x0800, p->accept, m);
	struct bpf_insn *prog = emit(p, &n);
	int ja = 0;
	for (unsigned i = 0; i < n; i++)
		ja += prog[i].code == (BPF_JMP | BPF_JA);
	assert_int_equal(ja, 1);
	assert_int_equal(n, 2 + 300 + 1 + 2 + 2); /* e, m's loads, the ja, m's test, returns */
	assert_int_equal(run(prog, 0x0800), SNAP);
	assert_int_equal(run(prog, 0x86dd), SNAP);
	assert_int_equal(run(prog, 0x0806), 0);
	free(prog);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_ir_rpo_orders_blocks_after_their_predecessors),
		TEST(test_ir_preds_count_edges),
		TEST(test_ir_index_of_unwalked_blocks),
		TEST(test_ir_rpo_walks_deep_chains),
		TEST(test_emit_lays_out_in_reverse_postorder),
		TEST(test_emit_adds_trampolines_for_far_jumps),
	};
	return cmocka_run_group_tests_name("ir", tests, NULL, NULL);
}
