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

struct ir_block {
	int id;                  /* creation order, for dumps */
	struct ir_insn *insns;   /* arena array of ninsns */
	int ninsns, cap;
	enum ir_term term;
	uint16_t jcode;          /* IR_BRANCH: BPF_JMP|BPF_JEQ|BPF_K ... */
	uint32_t jk;
	struct ir_block *jt, *jf;/* IR_BRANCH targets; IR_JA uses jt */
	uint32_t ret_k;          /* IR_RET */
	struct span span;        /* the test's origin */
	int pos;                 /* emit: first instruction index */
	int mark;                /* scratch for emit and dumps */
	int visit;               /* epoch of the last opt_order walk */
	struct ir_block *canon;  /* opt_merge: the equal block that replaces this one */
};

struct ir_prog {
	struct arena *a;
	struct ir_block *entry;
	struct ir_block *accept, *reject;
	int nblocks;
	int epoch;               /* opt_order's walk counter */
	int loose;               /* optimize as libpcap does (opt/loose.c) */
};

void ir_init(struct ir_prog *p, struct arena *a, uint32_t snaplen);
struct ir_block *ir_block_new(struct ir_prog *p);
void ir_append(struct ir_prog *p, struct ir_block *b, uint16_t code, uint32_t k, struct span sp);
void ir_dump(FILE *f, const struct ir_prog *p);
#endif
