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

enum cond_kind { COND_TEST, COND_AND, COND_OR, COND_NOT, COND_TRUE, COND_FALSE, COND_PIECE };

/* 32 bytes: an expression of thousands of terms holds tens of
 * thousands of these until it is lowered. */
struct cond {
	union {
		struct {
			struct cond *a, *b; /* AND/OR: a runs first; NOT: a */
		};
		struct {
			struct ir_insn *insns; /* TEST: statements before the jump */
			int n, cap;
		};
		struct {
			struct ir_block *blocks, *entry; /* PIECE (cond_piece) */
		};
	};
	struct span span;
	uint32_t k;              /* TEST: the jump's; PIECE: blocks' count */
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
/* c lowered now, its targets left open: *p becomes a PIECE cond (c
 * itself may then be freed), whose blocks cond_lower later points at its
 * t and f and numbers as it would have numbered c's, so that the program
 * and its block ids are those of lowering c there (gen.c lowers each
 * primitive as soon as it is built: the trees never add up). */
void cond_piece(struct gen *g, const struct cond *c, struct cond *p);
#endif
