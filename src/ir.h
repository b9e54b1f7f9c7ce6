/* ir.h: the control-flow graph between code generation and emission.
 *
 * A block is straight-line BPF statements (loads, ALU, stores, tax/txa)
 * ending either in a conditional jump to two blocks or in a return.  The
 * graph is acyclic, as classic BPF requires.  Every statement and test
 * keeps the span of the expression that produced it, for `explain`. */
#ifndef BPFX_IR_H
#define BPFX_IR_H
#include <stdint.h>
#include <stdio.h>
#include "ast.h"

struct ir_insn {
	uint16_t code;           /* BPF_LD|BPF_H|BPF_ABS, ... never a jump or ret */
	uint32_t k;
	struct span span;
};

enum ir_term { IR_BRANCH, IR_RET, IR_JA };

/* Pointers first, then the 32-bit fields, then the bytes: 48 bytes, no
 * padding (a large expression makes hundreds of thousands of blocks). */
struct ir_block {
	struct ir_insn *insns;   /* arena array of ninsns */
	struct ir_block *jt, *jf;/* IR_BRANCH targets; IR_JA uses jt */
	int id;                  /* creation order, for dumps */
	int ninsns;
	union {
		uint32_t jk;     /* IR_BRANCH: the test's constant */
		uint32_t ret_k;  /* IR_RET (only the accept and reject blocks) */
	};
	struct span span;        /* the test's origin */
	uint16_t jcode;          /* IR_BRANCH: BPF_JMP|BPF_JEQ|BPF_K ... */
	uint8_t term;            /* enum ir_term */
	uint8_t capl;            /* room for 1 << (capl - 1) statements; 0:
				  * for ninsns, as cond_lower sizes them */
};

struct ir_prog {
	struct arena *a;
	struct ir_block *entry;
	struct ir_block *accept, *reject;
	int nblocks;             /* ids given so far: every id is below it */
	int loose;               /* optimize as libpcap does (opt/loose.c) */
};

void ir_init(struct ir_prog *p, struct arena *a, uint32_t snaplen);
struct ir_block *ir_block_new(struct ir_prog *p);
void ir_append(struct ir_prog *p, struct ir_block *b, uint16_t code, uint32_t k, struct span sp);
/* Append to a growable arena array of statements (a block's, or a test's
 * in gen/cond.c). */
void ir_insns_push(struct arena *a, struct ir_insn **v, int *n, int *cap, struct ir_insn in);
void ir_dump(FILE *f, const struct ir_prog *p);

/* The walks the optimizer and the emitter share.  A pass keeps what it
 * learns about blocks in its own arrays, indexed like order.b (or by block
 * id); struct ir_block holds no pass's scratch. */
struct ir_order {
	struct arena *a;         /* the program's: b, at and ir_preds' counts are its scratch */
	struct ir_block **b;     /* the reachable blocks, each after all that jump to it */
	int n;
	int *at;                 /* by block id: index in b, -1 if not reached */
	int nids;                /* ids below this were known at the walk */
};

/* Blocks reachable from the entry in reverse postorder (a block's false
 * side is walked before its true side, so the true side tends to come
 * right after it).  Free with ir_order_free. */
void ir_rpo(const struct ir_prog *p, struct ir_order *o);
void ir_order_free(struct ir_order *o);

/* Index of b in o->b; -1 for a block not reached or made after the walk. */
static inline int ir_index(const struct ir_order *o, const struct ir_block *b)
{
	return b->id >= 0 && b->id < o->nids ? o->at[b->id] : -1;
}

/* The number of edges into each block, indexed like o->b (scratch of
 * o->a: arena_scratch_free(o->a, preds)). */
int *ir_preds(const struct ir_order *o);
#endif
