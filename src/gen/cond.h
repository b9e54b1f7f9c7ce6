/* cond.h: the combinator kit code generation builds primitives with.
 *
 * A primitive becomes a `struct cond`: a small boolean tree whose leaves
 * are tests (statements + one conditional jump).  The order of a cond's
 * operands is the order its tests run, and it is libpcap's order: on a
 * truncated packet a load past the captured bytes rejects the whole
 * packet, so which test runs first decides verdicts, not only speed.
 * cond_lower turns a tree into IR blocks with the usual true/false-target
 * recursion.  Every combinator passes a NULL operand (a failed primitive,
 * its error already set) on as NULL. */
#ifndef BPFX_GEN_COND_H
#define BPFX_GEN_COND_H
#include <stdint.h>
#include "ast.h"
#include "ir.h"

struct gen;

enum cond_kind { COND_TEST, COND_AND, COND_OR, COND_NOT, COND_TRUE, COND_FALSE, COND_OPEN };

/* A list of jump targets not known yet (a block's jt or jf): each holds
 * the address of the next until it is pointed at its block. */
struct cond_exits {
	struct ir_block **head, **tail;
};

/* 56 bytes: a primitive's tree lives only until it is lowered (gen.c). */
struct cond {
	union {
		struct {
			struct cond *a, *b; /* AND/OR: a runs first; NOT: a */
		};
		struct {
			struct ir_insn *insns; /* TEST: statements before the jump */
			int n, cap;
		};
		struct { /* OPEN: lowered already (cond_open) */
			struct ir_block *entry; /* or cond.c's markers for "where it
						 * holds" and "where not" */
			struct cond_exits yes, no;
		};
	};
	struct span span;
	uint32_t k;
	uint16_t jcode;          /* TEST: BPF_JMP|op|src */
	uint8_t kind;            /* enum cond_kind */
};

struct cond *cond_true(struct gen *g);
struct cond *cond_false(struct gen *g);
struct cond *cond_and(struct gen *g, struct cond *a, struct cond *b);
struct cond *cond_or(struct gen *g, struct cond *a, struct cond *b);
struct cond *cond_not(struct gen *g, struct cond *a);
/* An empty test, to be filled by cond_ins and ended by cond_jump. */
struct cond *cond_test(struct gen *g);
void cond_ins(struct gen *g, struct cond *c, uint16_t code, uint32_t k);
struct cond *cond_jump(struct cond *c, uint16_t jop, uint32_t k); /* jop: BPF_JEQ etc, K source */
/* Loads at an offset known only at run time (wlan.c, kvlan.c): a load
 * of packet bytes (ld abs/ind, ldx msh)? Then emit it relative to the
 * scratch cell holding the offset's variable part: ldx M[cell]; ld [x+rel]. */
int cond_is_load(uint16_t code);
void cond_var_load(struct gen *g, struct cond *c, uint16_t code, uint32_t rel, uint32_t cell);
/* ld{size} [off]; (and #mask if mask != ~0); j{jop} #v */
struct cond *cond_cmp(struct gen *g, uint32_t off, int size, uint16_t jop, uint32_t v, uint32_t mask);

/* The blocks of c, jumping to t where it holds and to f where not. */
struct ir_block *cond_lower(struct gen *g, const struct cond *c, struct ir_block *t, struct ir_block *f);
/* The expression is lowered a primitive at a time, so that no tree of
 * it all is ever held: cond_open lowers a primitive's tree c into blocks
 * whose jumps out of it are left open, and makes *o an OPEN cond of them
 * (c may then be freed).  cond_open_join joins two of them into a (`a
 * and b`, or `a or b`; b is free again) and cond_open_not turns one,
 * patching what is known: the blocks and their targets are those of
 * lowering the tree of them all, libpcap's way.  cond_lower, given an
 * OPEN cond, points its open jumps at t and f and numbers every block
 * made as that tree's lowering would have (a block id is its place in
 * it: dumps show them). */
void cond_open(struct gen *g, const struct cond *c, struct cond *o);
void cond_open_join(struct gen *g, struct cond *a, const struct cond *b, int and); /* or: and = 0 */
void cond_open_not(struct gen *g, struct cond *a);
#endif
