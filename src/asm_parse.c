/* asm_parse.c: pass one of the assembler: text lines to instructions
 * (see asm.h for the syntaxes, asm_int.h for how the passes meet).
 *
 * Each line is cut into tokens (asm_lex) and its form recognised
 * (asm_one_line): a listing or bpf_asm instruction with optional labels,
 * a -dd quadruple in braces, or -ddd numbers.  Both instruction syntaxes
 * share one mnemonic table and one operand reader, since bpf_image and
 * bpf_asm spell operands alike; they differ only in jump targets (absolute
 * "jt N jf M" against labels after a comma).  Absolute targets become
 * offsets here; a label is recorded with asm_add_fixup and resolved in
 * pass two (asm.c).  Every error names the column of the token it is
 * about.
 *
 * The mnemonics are the instruction set's (isa.h, what bpf_image
 * prints) and bpf_asm's aliases (its jne/jlt/jle are jeq/jge/jgt with the
 * targets swapped), so the listing of any program assembles back to the
 * same bytes; "unimp 0xNN" (bpf_image's name for a code it has no entry for)
 * assembles to that code with k = 0. */
#include "asm_int.h"
#include "isa.h"
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------- */

/* Numbers as bpf_asm reads them: 0x hex, 0b binary, leading-0 octal,
 * decimal, with an optional '-' (bpf_image prints "ret #-1"). */
static int asm_number(const char *p, const char **end, int64_t *v, bool decimal)
{
	int neg = 0;
	const char *q = p;
	if (*q == '-') {
		neg = 1;
		q++;
	}
	if (!isdigit((unsigned char)*q))
		return -1;
	int base = 10;
	if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X') && isxdigit((unsigned char)q[2])) {
		base = 16;
		q += 2;
	} else if (q[0] == '0' && (q[1] == 'b' || q[1] == 'B') && (q[2] == '0' || q[2] == '1')) {
		base = 2;
		q += 2;
	} else if (q[0] == '0' && isdigit((unsigned char)q[1]) && !decimal) {
		base = 8;
	}
	errno = 0;
	char *e;
	unsigned long long u = strtoull(q, &e, base);
	if (errno || u > 0xffffffffULL || isalnum((unsigned char)*e) || *e == '_')
		return -1;
	*v = neg ? -(int64_t)u : (int64_t)u;
	*end = e;
	return 0;
}

/* Cut one line into tokens; stops at a comment. */
int asm_lex(struct asm_state *s, struct asm_line *l, const char *line, size_t len)
{
	const char *p = line, *end = line + len;
	l->n = l->i = 0;
	l->src = line;
	l->srclen = len;
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f') {
			p++;
			continue;
		}
		if (*p == ';' || (*p == '/' && p + 1 < end && p[1] == '/'))
			break;
		if (l->n == ASM_MAXTOK)
			return asm_fail(s, l, (int)(p - line) + 1, "too many tokens on one line");
		struct asm_tok *t = &l->t[l->n];
		memset(t, 0, sizeof *t);
		t->col = (int)(p - line) + 1;
		if (isalpha((unsigned char)*p) || *p == '_' || *p == '.') {
			size_t n = 0;
			while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.')) {
				if (n < sizeof t->text - 1) {
					t->text[n] = *p;
					t->lc[n] = (char)tolower((unsigned char)*p);
					n++;
				}
				p++;
			}
			t->kind = TK_IDENT;
		} else if (isdigit((unsigned char)*p) ||
			   (*p == '-' && p + 1 < end && isdigit((unsigned char)p[1]))) {
			const char *e;
			/* numbers end at the line's end: copy into a bounded buffer */
			char buf[40];
			size_t n = 0;
			while (p + n < end && n < sizeof buf - 1 && (isalnum((unsigned char)p[n]) || (n == 0 && p[0] == '-') || p[n] == '_'))
				n++;
			memcpy(buf, p, n);
			buf[n] = 0;
			/* "(008)": the listing's instruction numbers are decimal */
			bool dec = l->n == 1 && l->t[0].kind == TK_PUNCT && l->t[0].text[0] == '(';
			if (asm_number(buf, &e, &t->num, dec) < 0 || *e)
				return asm_fail(s, l, t->col, "bad number '%s'", buf);
			snprintf(t->text, sizeof t->text, "%s", buf);
			t->kind = TK_NUM;
			p += n;
		} else if (strchr("#[]()+*&,:%{}", *p)) {
			t->kind = TK_PUNCT;
			t->text[0] = *p++;
		} else {
			return asm_fail(s, l, t->col, "unexpected character '%c'", *p);
		}
		l->n++;
	}
	l->t[l->n].kind = TK_END;
	l->t[l->n].col = (int)len + 1;
	return 0;
}

static struct asm_tok *peek(struct asm_line *l) { return &l->t[l->i]; }
static struct asm_tok *next(struct asm_line *l)
{
	struct asm_tok *t = &l->t[l->i];
	if (t->kind != TK_END)
		l->i++;
	return t;
}
static bool is_punct(const struct asm_tok *t, char c) { return t->kind == TK_PUNCT && t->text[0] == c; }
static bool is_ident(const struct asm_tok *t, const char *lc) { return t->kind == TK_IDENT && !strcmp(t->lc, lc); }

static const char *tok_desc(const struct asm_tok *t)
{
	return t->kind == TK_END ? "end of line" : t->text;
}

static int expect(struct asm_state *s, struct asm_line *l, char c)
{
	struct asm_tok *t = next(l);
	if (!is_punct(t, c))
		return asm_fail(s, l, t->col, "expected '%c', found '%s'", c, tok_desc(t));
	return 0;
}

/* A 32-bit value: any of -2^31 .. 2^32-1, stored as its two's complement. */
static int number(struct asm_state *s, struct asm_line *l, uint32_t *v)
{
	struct asm_tok *t = next(l);
	if (t->kind != TK_NUM)
		return asm_fail(s, l, t->col, "expected a number, found '%s'", tok_desc(t));
	if (t->num < INT32_MIN)
		return asm_fail(s, l, t->col, "%s does not fit in 32 bits", t->text);
	*v = (uint32_t)t->num;
	return 0;
}

/* ---------------------------------------------------------------------
 * Operands
 * ------------------------------------------------------------------- */

/* A Linux ancillary load after '#' or inside '[...]', named as bpf_image
 * prints it ("ldb [vlan_tci]") or as bpf_asm spells it ("ld #proto");
 * NULL if not one. */
static const struct isa_ancillary *ancillary(const struct asm_tok *t)
{
	return t->kind == TK_IDENT ? isa_ancillary_named(t->lc) : NULL;
}

/* 'x' or '%x' (bpf_asm allows both); consumes it. */
static bool take_reg(struct asm_line *l, const char *reg)
{
	int save = l->i;
	if (is_punct(peek(l), '%'))
		next(l);
	if (is_ident(peek(l), reg)) {
		next(l);
		return true;
	}
	l->i = save;
	return false;
}

/* The load operands: "#k", "#len"/"#pktlen", "#anc", "M[k]", "[k]",
 * "[anc]", "[x + k]", "4*([k]&0xf)".  Sets *mode (BPF_IMM...) and *k. */
static int load_operand(struct asm_state *s, struct asm_line *l, int *mode, uint32_t *k)
{
	struct asm_tok *t = peek(l);
	if (is_punct(t, '#')) {
		next(l);
		t = peek(l);
		if (is_ident(t, "len") || is_ident(t, "pktlen")) {
			next(l);
			*mode = BPF_LEN;
			*k = 0;
			return 0;
		}
		const struct isa_ancillary *a = ancillary(t);
		if (a) {
			next(l);
			*mode = BPF_ABS;
			*k = ISA_SKF_AD_OFF + a->off;
			return 0;
		}
		*mode = BPF_IMM;
		return number(s, l, k);
	}
	if (is_ident(t, "len") || is_ident(t, "pktlen")) {
		next(l);
		*mode = BPF_LEN;
		*k = 0;
		return 0;
	}
	if (t->kind == TK_IDENT && (t->lc[0] == 'm') && !t->lc[1]) {
		next(l);
		if (expect(s, l, '[') || number(s, l, k) || expect(s, l, ']'))
			return -1;
		*mode = BPF_MEM;
		return 0;
	}
	if (is_punct(t, '[')) {
		next(l);
		int save = l->i;
		if (take_reg(l, "x")) {
			if (is_punct(peek(l), ']')) { /* [x] */
				*k = 0;
			} else {
				if (expect(s, l, '+') || number(s, l, k))
					return -1;
			}
			*mode = BPF_IND;
			return expect(s, l, ']');
		}
		l->i = save;
		const struct isa_ancillary *a = ancillary(peek(l));
		if (a) {
			next(l);
			*k = ISA_SKF_AD_OFF + a->off;
		} else if (number(s, l, k)) {
			return -1;
		}
		/* bpf_asm also reads "[k + x]"? no: only "[x + k]". */
		*mode = BPF_ABS;
		return expect(s, l, ']');
	}
	if (t->kind == TK_NUM && t->num == 4 && is_punct(&l->t[l->i + 1], '*')) {
		next(l);
		next(l);
		if (expect(s, l, '(') || expect(s, l, '[') || number(s, l, k) || expect(s, l, ']') ||
		    expect(s, l, '&'))
			return -1;
		struct asm_tok *m = next(l);
		if (m->kind != TK_NUM || m->num != 0xf)
			return asm_fail(s, l, m->col, "expected 0xf in 4*([k]&0xf), found '%s'", tok_desc(m));
		*mode = BPF_MSH;
		return expect(s, l, ')');
	}
	return asm_fail(s, l, t->col, "expected an operand (#k, [k], [x + k], M[k], 4*([k]&0xf)), found '%s'",
			tok_desc(t));
}

/* ---------------------------------------------------------------------
 * Instructions
 * ------------------------------------------------------------------- */

enum asm_kind { K_LD, K_LDX, K_ST, K_ALU, K_NEG, K_JA, K_JMP, K_RET, K_MISC, K_UNIMP };

struct asm_mnemonic {
	const char *name;
	enum asm_kind kind;
	uint16_t code;        /* class and op bits; size/mode added from the operand */
	int flags;            /* see below */
};
enum {
	M_SIZE_W = 0, M_SIZE_H = 1, M_SIZE_B = 2, /* load size */
	M_IMM_ONLY = 4,       /* ldi, ldxi: #k only */
	M_SWAP = 8,           /* jlt/jle: jge/jgt with targets swapped */
	M_NOT = 16,           /* jne: jeq with targets swapped */
};

/* Names bpf_image does not print: bpf_asm's aliases of the instruction
 * set's mnemonics, and bpf_image's "unimp". */
static const struct asm_mnemonic asm_aliases[] = {
	{"ldi", K_LD, BPF_LD, M_IMM_ONLY},  {"ldxi", K_LDX, BPF_LDX, M_IMM_ONLY},
	{"jmp", K_JA, BPF_JMP | BPF_JA, 0},
	{"jneq", K_JMP, BPF_JMP | BPF_JEQ, M_NOT}, {"jne", K_JMP, BPF_JMP | BPF_JEQ, M_NOT},
	{"jlt", K_JMP, BPF_JMP | BPF_JGE, M_SWAP}, {"jle", K_JMP, BPF_JMP | BPF_JGT, M_SWAP},
	{"unimp", K_UNIMP, 0, 0},
};

/* The mnemonic t names: an alias, or one of the instruction set's
 * (isa.h), sorted by class with the load size; the operand then picks the
 * opcode.  false if neither. */
static bool mnemonic(const struct asm_tok *t, struct asm_mnemonic *m)
{
	if (t->kind != TK_IDENT)
		return false;
	for (size_t i = 0; i < sizeof asm_aliases / sizeof asm_aliases[0]; i++)
		if (!strcmp(t->lc, asm_aliases[i].name)) {
			*m = asm_aliases[i];
			return true;
		}
	for (uint32_t c = 0; c < 256; c++) {
		const struct isa_op *op = isa_op(c);
		if (!op || strcmp(t->lc, op->mnemonic))
			continue;
		*m = (struct asm_mnemonic){ .name = op->mnemonic, .code = (uint16_t)c };
		switch (BPF_CLASS(c)) {
		case BPF_LD:
		case BPF_LDX:
			m->kind = BPF_CLASS(c) == BPF_LD ? K_LD : K_LDX;
			m->code = (uint16_t)BPF_CLASS(c);
			m->flags = BPF_SIZE(c) == BPF_B ? M_SIZE_B : BPF_SIZE(c) == BPF_H ? M_SIZE_H : M_SIZE_W;
			break;
		case BPF_ST:
		case BPF_STX:
			m->kind = K_ST;
			break;
		case BPF_ALU:
			m->kind = BPF_OP(c) == BPF_NEG ? K_NEG : K_ALU;
			m->code = (uint16_t)(BPF_ALU | BPF_OP(c));
			break;
		case BPF_JMP:
			m->kind = BPF_OP(c) == BPF_JA ? K_JA : K_JMP;
			m->code = (uint16_t)(BPF_JMP | BPF_OP(c));
			break;
		case BPF_RET:
			m->kind = K_RET;
			m->code = BPF_RET;
			break;
		default:
			m->kind = K_MISC;
			break;
		}
		return true;
	}
	return false;
}

static int end_of_line(struct asm_state *s, struct asm_line *l)
{
	struct asm_tok *t = peek(l);
	if (t->kind != TK_END)
		return asm_fail(s, l, t->col, "unexpected '%s' after the instruction", t->text);
	return 0;
}

/* ld/ldh/ldb/ldi/ldx/ldxb/ldxi OPERAND */
static int asm_load(struct asm_state *s, struct asm_line *l, const struct asm_mnemonic *m,
		    const struct asm_tok *mt)
{
	int mode = 0;
	uint32_t k = 0;
	int at = peek(l)->col;
	if (load_operand(s, l, &mode, &k))
		return -1;
	int size = m->flags & 3;
	uint16_t code;
	if (m->flags & M_IMM_ONLY && mode != BPF_IMM)
		return asm_fail(s, l, at, "%s takes only an immediate #k", mt->lc);
	if (m->kind == K_LD) {
		switch (mode) {
		case BPF_IMM: case BPF_LEN: case BPF_MEM:
			if (size != M_SIZE_W && !(m->flags & M_IMM_ONLY))
				return asm_fail(s, l, at, "%s cannot load an immediate, a length or M[k]; use ld", mt->lc);
			code = (uint16_t)(BPF_LD | BPF_W | mode); /* BPF_W is 0 */
			break;
		case BPF_ABS: case BPF_IND:
			code = (uint16_t)(BPF_LD | mode | (size == M_SIZE_B ? BPF_B : size == M_SIZE_H ? BPF_H : BPF_W));
			break;
		default:
			return asm_fail(s, l, at, "4*([k]&0xf) is loaded with ldxb");
		}
	} else {
		switch (mode) {
		case BPF_IMM: case BPF_MEM:
			if (size == M_SIZE_B)
				return asm_fail(s, l, at, "ldxb loads only 4*([k]&0xf)");
			code = (uint16_t)(BPF_LDX | mode);
			break;
		case BPF_LEN:
			if (size == M_SIZE_B)
				return asm_fail(s, l, at, "ldxb loads only 4*([k]&0xf)");
			code = BPF_LDX | BPF_W | BPF_LEN;
			break;
		case BPF_MSH:
			code = BPF_LDX | BPF_B | BPF_MSH;
			break;
		default:
			return asm_fail(s, l, at, size == M_SIZE_B ? "ldxb loads only 4*([k]&0xf)" :
					"ldx cannot load from the packet except 4*([k]&0xf)");
		}
	}
	if (end_of_line(s, l))
		return -1;
	return asm_emit(s, l, code, 0, 0, k);
}

/* st/stx M[k] (bpf_asm also writes "st M[k]") */
static int asm_store(struct asm_state *s, struct asm_line *l, const struct asm_mnemonic *m)
{
	uint32_t k;
	struct asm_tok *t = next(l);
	if (!(t->kind == TK_IDENT && !strcmp(t->lc, "m")))
		return asm_fail(s, l, t->col, "expected M[k], found '%s'", tok_desc(t));
	if (expect(s, l, '[') || number(s, l, &k) || expect(s, l, ']') || end_of_line(s, l))
		return -1;
	return asm_emit(s, l, m->code, 0, 0, k);
}

/* The operand of an ALU operation or a jump: x, or #k with the '#'
 * optional (*k untouched for x).  `named`: anything else is "expected #k
 * or x" rather than number()'s message. */
static int src_operand(struct asm_state *s, struct asm_line *l, bool named, uint16_t *src, uint32_t *k)
{
	*src = BPF_K;
	if (take_reg(l, "x")) {
		*src = BPF_X;
		return 0;
	}
	struct asm_tok *t = peek(l);
	if (is_punct(t, '#'))
		next(l);
	else if (named && t->kind != TK_NUM)
		return asm_fail(s, l, t->col, "expected #k or x, found '%s'", tok_desc(t));
	return number(s, l, k);
}

/* add/sub/... #k | x */
static int asm_alu(struct asm_state *s, struct asm_line *l, const struct asm_mnemonic *m)
{
	uint32_t k = 0;
	uint16_t src;
	if (src_operand(s, l, true, &src, &k) || end_of_line(s, l))
		return -1;
	return asm_emit(s, l, (uint16_t)(m->code | src), 0, 0, k);
}

/* A jump target: a label, or an absolute instruction number (listing).
 * Absolute numbers become relative offsets here; labels are fixed up. */
static int jump_target(struct asm_state *s, struct asm_line *l, int which, uint32_t *rel, bool *pending)
{
	struct asm_tok *t = next(l);
	*pending = false;
	if (t->kind == TK_IDENT) {
		*pending = true;
		return asm_add_fixup(s, l, which, t);
	}
	if (t->kind != TK_NUM)
		return asm_fail(s, l, t->col, "expected a jump target, found '%s'", tok_desc(t));
	int64_t off = t->num - (int64_t)s->n - 1;
	if (which != 'a' && (off < 0 || off > 255))
		return asm_fail(s, l, t->col, "%s target %lld is %s", which == 't' ? "jt" : "jf",
				(long long)t->num, off < 0 ? "not after this instruction" : "more than 256 instructions ahead");
	if (which == 'a' && (off <= -(1LL << 32) || off >= (1LL << 32)))
		return asm_fail(s, l, t->col, "ja target %lld is out of range", (long long)t->num);
	*rel = (uint32_t)off;
	return 0;
}

/* jeq/jgt/... : listing form "OP OPERAND jt N jf M", or bpf_asm form
 * "OP OPERAND, Lt[, Lf]". */
static int asm_jump(struct asm_state *s, struct asm_line *l, const struct asm_mnemonic *m)
{
	uint32_t k = 0, jt = 0, jf = 0;
	uint16_t src;
	bool pt = false, pf = false;
	if (src_operand(s, l, false, &src, &k))
		return -1;
	unsigned fix0 = s->nfix;
	if (is_ident(peek(l), "jt")) { /* listing: absolute targets */
		next(l);
		if (jump_target(s, l, 't', &jt, &pt))
			return -1;
		struct asm_tok *t = next(l);
		if (!is_ident(t, "jf"))
			return asm_fail(s, l, t->col, "expected 'jf', found '%s'", tok_desc(t));
		if (jump_target(s, l, 'f', &jf, &pf))
			return -1;
		if (m->flags & (M_SWAP | M_NOT))
			return asm_fail(s, l, l->t[0].col, "jt/jf targets go with jeq, jgt, jge, jset");
	} else {
		if (expect(s, l, ','))
			return -1;
		int first = (m->flags & (M_SWAP | M_NOT)) ? 'f' : 't';
		int second = first == 't' ? 'f' : 't';
		uint32_t a = 0, b = 0;
		bool pa, pb = false;
		if (jump_target(s, l, first, &a, &pa))
			return -1;
		if (is_punct(peek(l), ',')) {
			next(l);
			if (jump_target(s, l, second, &b, &pb))
				return -1;
		}
		if (first == 't') {
			jt = a; jf = b; pt = pa; pf = pb;
		} else {
			jf = a; jt = b; pf = pa; pt = pb;
		}
	}
	(void)pt; (void)pf;
	for (unsigned i = fix0; i < s->nfix; i++)
		s->fix[i].pc = s->n; /* the instruction about to be emitted */
	if (end_of_line(s, l))
		return -1;
	return asm_emit(s, l, (uint16_t)(m->code | src), (uint8_t)jt, (uint8_t)jf, k);
}

/* ret #k | a | x (bpf_asm: "ret a", "ret %a", "ret x") */
static int asm_ret(struct asm_state *s, struct asm_line *l)
{
	uint32_t k = 0;
	uint16_t code;
	struct asm_tok *t = peek(l);
	if (take_reg(l, "a")) {
		code = BPF_RET | BPF_A;
	} else if (take_reg(l, "x")) {
		code = BPF_RET | BPF_X;
	} else if (t->kind == TK_END) { /* bpf_image prints RET|A as bare "ret" */
		code = BPF_RET | BPF_A;
	} else {
		if (is_punct(t, '#'))
			next(l);
		if (number(s, l, &k))
			return -1;
		code = BPF_RET | BPF_K;
	}
	if (end_of_line(s, l))
		return -1;
	return asm_emit(s, l, code, 0, 0, k);
}

/* One instruction, the mnemonic at the cursor. */
static int asm_insn(struct asm_state *s, struct asm_line *l)
{
	struct asm_tok *mt = next(l);
	struct asm_mnemonic mn;
	const struct asm_mnemonic *m = &mn;
	if (!mnemonic(mt, &mn))
		return asm_fail(s, l, mt->col, "unknown instruction '%s'", tok_desc(mt));
	uint32_t k = 0;
	bool pending;
	switch (m->kind) {
	case K_LD:
	case K_LDX:
		return asm_load(s, l, m, mt);
	case K_ST:
		return asm_store(s, l, m);
	case K_ALU:
		return asm_alu(s, l, m);
	case K_NEG:
	case K_MISC:
		if (end_of_line(s, l))
			return -1;
		return asm_emit(s, l, m->code, 0, 0, 0);
	case K_JA: {
		unsigned fix0 = s->nfix;
		if (jump_target(s, l, 'a', &k, &pending) || end_of_line(s, l))
			return -1;
		for (unsigned i = fix0; i < s->nfix; i++)
			s->fix[i].pc = s->n;
		return asm_emit(s, l, m->code, 0, 0, k);
	}
	case K_JMP:
		return asm_jump(s, l, m);
	case K_RET:
		return asm_ret(s, l);
	case K_UNIMP: { /* bpf_image's "unimp 0xNN": the code alone */
		struct asm_tok *t = next(l);
		if (t->kind != TK_NUM || t->num < 0 || t->num > 0xffff)
			return asm_fail(s, l, t->col, "expected an opcode after unimp, found '%s'", tok_desc(t));
		if (end_of_line(s, l))
			return -1;
		return asm_emit(s, l, (uint16_t)t->num, 0, 0, 0);
	}
	}
	return -1;
}

/* -dd: "{ 0x28, 0, 0, 0x0000000c }," */
static int asm_dd(struct asm_state *s, struct asm_line *l)
{
	uint32_t v[4];
	next(l); /* '{' */
	for (int i = 0; i < 4; i++) {
		if (i && expect(s, l, ','))
			return -1;
		int col = peek(l)->col;
		if (number(s, l, &v[i]))
			return -1;
		if ((i == 0 && v[i] > 0xffff) || ((i == 1 || i == 2) && v[i] > 255))
			return asm_fail(s, l, col, "%s %u does not fit in %d bits",
					i == 0 ? "code" : i == 1 ? "jt" : "jf", v[i], i == 0 ? 16 : 8);
	}
	if (expect(s, l, '}'))
		return -1;
	if (is_punct(peek(l), ','))
		next(l);
	if (end_of_line(s, l))
		return -1;
	return asm_emit(s, l, (uint16_t)v[0], (uint8_t)v[1], (uint8_t)v[2], v[3]);
}

/* -ddd: "40 0 0 12" (or the count line that comes first) */
static int asm_ddd(struct asm_state *s, struct asm_line *l)
{
	if (l->n == 1) {
		if (s->n || s->ddd_count >= 0)
			return asm_fail(s, l, l->t[0].col, "a lone number is only the count line of a -ddd listing");
		s->ddd_count = (long)l->t[0].num;
		s->ddd_line = l->lineno;
		return 0;
	}
	if (l->n != 4)
		return asm_fail(s, l, l->t[l->n < 4 ? l->n : 4].col,
				"a -ddd line has four numbers: code jt jf k");
	for (int i = 0; i < 4; i++)
		if (l->t[i].kind != TK_NUM)
			return asm_fail(s, l, l->t[i].col, "expected a number, found '%s'", tok_desc(&l->t[i]));
	if (l->t[0].num < 0 || l->t[0].num > 0xffff)
		return asm_fail(s, l, l->t[0].col, "code %s does not fit in 16 bits", l->t[0].text);
	for (int i = 1; i < 3; i++)
		if (l->t[i].num < 0 || l->t[i].num > 255)
			return asm_fail(s, l, l->t[i].col, "%s %s does not fit in 8 bits", i == 1 ? "jt" : "jf",
					l->t[i].text);
	if (l->t[3].num < INT32_MIN)
		return asm_fail(s, l, l->t[3].col, "%s does not fit in 32 bits", l->t[3].text);
	return asm_emit(s, l, (uint16_t)l->t[0].num, (uint8_t)l->t[1].num, (uint8_t)l->t[2].num,
		    (uint32_t)l->t[3].num);
}

/* line := ["(" NUM ")"] [LABEL ":"]* [insn] | "{" dd "}" | NUM{1,4} */
int asm_one_line(struct asm_state *s, struct asm_line *l)
{
	if (l->n == 0)
		return 0;
	if (is_punct(&l->t[0], '{'))
		return asm_dd(s, l);
	if (l->t[0].kind == TK_NUM)
		return asm_ddd(s, l);
	if (is_punct(peek(l), '(')) {
		next(l);
		struct asm_tok *t = next(l);
		if (t->kind != TK_NUM)
			return asm_fail(s, l, t->col, "expected an instruction number, found '%s'", tok_desc(t));
		if (t->num != (int64_t)s->n)
			return asm_fail(s, l, t->col, "instruction number (%s) out of sequence: this is instruction %u",
					t->text, s->n);
		if (expect(s, l, ')'))
			return -1;
	}
	while (peek(l)->kind == TK_IDENT && is_punct(&l->t[l->i + 1], ':')) {
		if (asm_add_label(s, l, peek(l)))
			return -1;
		next(l);
		next(l);
	}
	if (peek(l)->kind == TK_END)
		return 0;
	return asm_insn(s, l);
}

