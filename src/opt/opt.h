/* opt.h: the optimizer, one pass per file over the CFG of ir.h.
 *
 * Every pass here is exact: it never changes a verdict, not even on a
 * truncated packet (except loose.c's, and hoist.c's enough-tests, run only
 * for --loose).  A test is skipped only when the same value was
 * already tested on every path to it (so its loads already succeeded),
 * and a load is dropped only when its value is already in the register. */
#ifndef BPFX_OPT_H
#define BPFX_OPT_H
#include <sys/types.h>
#include <pcap/bpf.h>
#include "ir.h"
#include "bpfx.h"

/* A conditional jump against a constant (jeq/jgt/jge/jset #k). */
static inline int opt_is_ktest(const struct ir_block *b)
{
	return b->term == IR_BRANCH && BPF_SRC(b->jcode) == BPF_K;
}

/* The driver: the passes in order.  0, or -1 with *err set. */
int opt_run(struct ir_prog *p, struct bpfx_error *err);

/* peep.c: rewrites inside one block; bits: also those libpcap does not
 * make (a one-bit and+jeq as jset) */
void opt_peep(struct ir_prog *p, int bits);
/* vn.c: value numbers of what each block computes */
struct vn_table;
struct vn_table *vn_new(struct arena *a); /* scratch of a */
void vn_free(struct vn_table *t);
/* Find the cells written once before every load of them (o: the
 * program's blocks), whose loads then have one number everywhere. */
void vn_pin(struct vn_table *t, const struct ir_order *o);
/* Value numbers of A and X after the block's statements, given their
 * numbers on entry (0: unknown).  Returns the tested value's number. */
void vn_block(struct vn_table *t, struct ir_block *b, uint32_t a_in, uint32_t x_in,
	      uint32_t *a_out, uint32_t *x_out);
/* Whether `and #0` and `mul #0` make the constant 0 (the default). */
void vn_fold_zero(struct vn_table *t, int on);
/* 1 and *k if value number vn is the constant k. */
int vn_const(const struct vn_table *t, uint32_t vn, uint32_t *k);
/* thread.c: jump threading on known test outcomes */
int opt_thread(struct ir_prog *p);
/* merge.c: equal blocks merged; returns how many */
int opt_merge(struct ir_prog *p);
/* loads.c: loads of a value the register already holds */
int opt_loads(struct ir_prog *p);
/* sets.c: ORs of equality tests on one field as a sorted search */
int opt_sets(struct ir_prog *p);
/* fuse.c: straight lines joined, covered dead loads dropped */
int opt_fuse(struct ir_prog *p);
/* hoist.c: a test every accepting path needs, made as soon as its value
 * is in A */
int opt_hoist(struct ir_prog *p);
/* dead.c: what can only be rejected is rejected at once; opt_collapse is
 * the pass for either end (opt_accept's too) */
int opt_dead(struct ir_prog *p);
int opt_collapse(struct ir_prog *p, struct ir_block *end);
/* loose.c (--loose only): what can only accept accepts at once; statements
 * whose result nothing reads are dropped */
int opt_accept(struct ir_prog *p);
int opt_live(struct ir_prog *p);
/* weak.c: would libpcap's optimizer reduce this (unoptimized) program to
 * `ret #0`?  It rewrites the program, which is then only for this. */
int opt_weak_rejects(struct ir_prog *p);
/* weak_root.c: its second pass and opt_root, once threading is done;
 * and the outcome of b's test on constant A (and X): 1, 0, or -1 */
int opt_weak_root(struct ir_prog *p);
int opt_weak_test_const(const struct vn_table *t, const struct ir_block *b, uint32_t a, uint32_t x);
#endif
