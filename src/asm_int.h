/* asm_int.h: what the assembler's two passes share; not for the CLI.
 *
 * Pass one (asm_parse.c) reads a line at a time into struct asm_line and
 * appends what it recognises to struct asm_state through asm_emit,
 * asm_add_label and asm_add_fixup; pass two and the driver (asm.c) own
 * that state, resolve the labels and hand the instructions to the caller.
 * Errors go through asm_fail into the caller's struct asm_error. */
#ifndef BPFX_ASM_INT_H
#define BPFX_ASM_INT_H
#include "asm.h"
#include <stddef.h>
#include <stdint.h>

/* One token of a line, as asm_lex cuts it. */
enum asm_tok_kind { TK_END, TK_IDENT, TK_NUM, TK_PUNCT };

struct asm_tok {
	enum asm_tok_kind kind;
	int col;              /* 1-based */
	int64_t num;          /* TK_NUM */
	char text[64];        /* TK_IDENT (lower-cased copy in lc), TK_PUNCT */
	char lc[64];
};

#define ASM_MAXTOK 32   /* more on one line is an error, not a truncation */

/* One source line, lexed; pass one reads it through a cursor. */
struct asm_line {
	struct asm_tok t[ASM_MAXTOK + 1]; /* ends with a TK_END */
	int n, i;             /* count, cursor */
	int lineno;
	const char *src;      /* the line, for error text */
	size_t srclen;
};

/* A pending label reference, resolved in pass two. */
struct asm_fixup {
	unsigned pc;
	int which;            /* 't' jt, 'f' jf, 'a' ja */
	char label[64];
	int line, col;
};

/* The program pass one builds and pass two completes (owned by asm.c). */
struct asm_state {
	struct bpf_insn *insns;
	unsigned n, cap;
	struct asm_fixup *fix;
	unsigned nfix, capfix;
	struct { char name[64]; unsigned pc; int line, col; } *labels;
	unsigned nlab, caplab;
	long ddd_count;       /* count line of a -ddd listing, -1 if none */
	int ddd_line;
	struct asm_error *err;
};

/* --- asm.c: the program being built, and errors ------------------------ */

/* Fill s->err (when not NULL) with msg at line l (NULL: no line), column
 * col; returns -1 so that callers can `return asm_fail(...)`. */
int asm_fail(struct asm_state *s, const struct asm_line *l, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Append one instruction; -1 (with *s->err) when out of memory. */
int asm_emit(struct asm_state *s, const struct asm_line *l, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k);
/* Record that the next instruction's jt ('t'), jf ('f') or ja ('a')
 * target is label t, for pass two. */
int asm_add_fixup(struct asm_state *s, const struct asm_line *l, int which, const struct asm_tok *t);
/* Define label t as the next instruction; each label once. */
int asm_add_label(struct asm_state *s, const struct asm_line *l, const struct asm_tok *t);

/* --- asm_parse.c: pass one --------------------------------------------- */

/* Cut line[0..len) into l's tokens, stopping at a comment. */
int asm_lex(struct asm_state *s, struct asm_line *l, const char *line, size_t len);
/* Recognise the lexed line and append its instruction, if any. */
int asm_one_line(struct asm_state *s, struct asm_line *l);
#endif
