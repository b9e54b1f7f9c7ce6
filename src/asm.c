/* asm.c: a two-pass assembler for classic BPF (see asm.h for the syntaxes).
 *
 * Pass one reads line by line: each line is cut into tokens (asm_lex), its
 * form recognised (listing or bpf_asm instruction, label, -dd or -ddd
 * quadruple) and one instruction appended; label references are recorded.
 * Pass two resolves labels into jt/jf/ja offsets, which must go forward and
 * (for jt/jf) fit in 8 bits.  Every error names the line and the column of
 * the token it is about.
 *
 * The mnemonic table is the union of what bpf_image prints and what
 * bpf_asm reads (its jne/jlt/jle are jeq/jge/jgt with the targets
 * swapped), so the listing of any program assembles back to the same
 * bytes; "unimp 0xNN" (bpf_image's name for a code it has no entry for)
 * assembles to that code with k = 0. */
#include "asm.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASM_SKF_AD_OFF 0xfffff000u

/* Linux ancillary loads as bpf_image prints them ("ldb [vlan_tci]") and
 * as bpf_asm spells them ("ld #proto"): linux/filter.h SKF_AD_*, k =
 * SKF_AD_OFF + 4 * index. */
static const char *const asm_ancillary[][2] = {
	{"proto", "proto"},   {"type", "type"},         {"ifidx", "ifidx"},
	{"nla", "nla"},       {"nlan", "nlan"},         {"mark", "mark"},
	{"queue", "queue"},   {"hatype", "hatype"},     {"rxhash", "rxhash"},
	{"cpu", "cpu"},       {"xor_x", "xor_x"},       {"vlan_tci", "vlan_tci"},
	{"vlanp", "vlan_avail"}, {"poff", "poff"},      {"random", "rand"},
	{"vlan_tpid", "vlan_tpid"},
};
#define ASM_NANC (sizeof asm_ancillary / sizeof asm_ancillary[0])

/* ---------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------- */

enum asm_tok_kind { TK_END, TK_IDENT, TK_NUM, TK_PUNCT };

struct asm_tok {
	enum asm_tok_kind kind;
	int col;              /* 1-based */
	int64_t num;          /* TK_NUM */
	char text[64];        /* TK_IDENT (lower-cased copy in lc), TK_PUNCT */
	char lc[64];
};

#define ASM_MAXTOK 32

struct asm_line {
	struct asm_tok t[ASM_MAXTOK + 1];
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

static int asm_fail(struct asm_state *s, const struct asm_line *l, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int asm_fail(struct asm_state *s, const struct asm_line *l, int col, const char *fmt, ...)
{
	struct asm_error *e = s->err;
	if (!e)
		return -1;
	e->line = l ? l->lineno : 0;
	e->col = col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->text[0] = 0;
	if (l) {
		size_t n = l->srclen < sizeof e->text - 1 ? l->srclen : sizeof e->text - 1;
		if (n)
			memcpy(e->text, l->src, n);
		e->text[n] = 0;
	}
	return -1;
}

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
static int asm_lex(struct asm_state *s, struct asm_line *l, const char *line, size_t len)
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
 * Output
 * ------------------------------------------------------------------- */

static int emit(struct asm_state *s, const struct asm_line *l, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (s->n == s->cap) {
		unsigned cap = s->cap ? s->cap * 2 : 64;
		struct bpf_insn *p = realloc(s->insns, cap * sizeof *p);
		if (!p)
			return asm_fail(s, l, 1, "out of memory");
		s->insns = p;
		s->cap = cap;
	}
	s->insns[s->n++] = (struct bpf_insn){ .code = code, .jt = jt, .jf = jf, .k = k };
	return 0;
}

static int add_fixup(struct asm_state *s, const struct asm_line *l, int which, const struct asm_tok *t)
{
	if (s->nfix == s->capfix) {
		unsigned cap = s->capfix ? s->capfix * 2 : 32;
		struct asm_fixup *p = realloc(s->fix, cap * sizeof *p);
		if (!p)
			return asm_fail(s, l, t->col, "out of memory");
		s->fix = p;
		s->capfix = cap;
	}
	struct asm_fixup *f = &s->fix[s->nfix++];
	f->pc = s->n;
	f->which = which;
	snprintf(f->label, sizeof f->label, "%s", t->text);
	f->line = l->lineno;
	f->col = t->col;
	return 0;
}

static int add_label(struct asm_state *s, const struct asm_line *l, const struct asm_tok *t)
{
	for (unsigned i = 0; i < s->nlab; i++)
		if (!strcmp(s->labels[i].name, t->text))
			return asm_fail(s, l, t->col, "label '%s' already defined at line %d", t->text,
					s->labels[i].line);
	if (s->nlab == s->caplab) {
		unsigned cap = s->caplab ? s->caplab * 2 : 32;
		void *p = realloc(s->labels, cap * sizeof *s->labels);
		if (!p)
			return asm_fail(s, l, t->col, "out of memory");
		s->labels = p;
		s->caplab = cap;
	}
	snprintf(s->labels[s->nlab].name, sizeof s->labels[s->nlab].name, "%s", t->text);
	s->labels[s->nlab].pc = s->n;
	s->labels[s->nlab].line = l->lineno;
	s->labels[s->nlab].col = t->col;
	s->nlab++;
	return 0;
}

/* ---------------------------------------------------------------------
 * Operands
 * ------------------------------------------------------------------- */

/* An ancillary name after '#' or inside '[...]'; -1 if not one. */
static int ancillary(const struct asm_tok *t)
{
	if (t->kind != TK_IDENT)
		return -1;
	for (unsigned i = 0; i < ASM_NANC; i++)
		if (!strcmp(t->lc, asm_ancillary[i][0]) || !strcmp(t->lc, asm_ancillary[i][1]))
			return (int)i;
	return -1;
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
		int a = ancillary(t);
		if (a >= 0) {
			next(l);
			*mode = BPF_ABS;
			*k = ASM_SKF_AD_OFF + 4u * (unsigned)a;
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
		int a = ancillary(peek(l));
		if (a >= 0) {
			next(l);
			*k = ASM_SKF_AD_OFF + 4u * (unsigned)a;
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

static const struct asm_mnemonic asm_mnemonics[] = {
	{"ld", K_LD, BPF_LD, M_SIZE_W},     {"ldh", K_LD, BPF_LD, M_SIZE_H},
	{"ldb", K_LD, BPF_LD, M_SIZE_B},    {"ldi", K_LD, BPF_LD, M_IMM_ONLY},
	{"ldx", K_LDX, BPF_LDX, M_SIZE_W},  {"ldxb", K_LDX, BPF_LDX, M_SIZE_B},
	{"ldxi", K_LDX, BPF_LDX, M_IMM_ONLY},
	{"st", K_ST, BPF_ST, 0},            {"stx", K_ST, BPF_STX, 0},
	{"add", K_ALU, BPF_ALU | BPF_ADD, 0}, {"sub", K_ALU, BPF_ALU | BPF_SUB, 0},
	{"mul", K_ALU, BPF_ALU | BPF_MUL, 0}, {"div", K_ALU, BPF_ALU | BPF_DIV, 0},
	{"mod", K_ALU, BPF_ALU | BPF_MOD, 0}, {"and", K_ALU, BPF_ALU | BPF_AND, 0},
	{"or", K_ALU, BPF_ALU | BPF_OR, 0},   {"xor", K_ALU, BPF_ALU | BPF_XOR, 0},
	{"lsh", K_ALU, BPF_ALU | BPF_LSH, 0}, {"rsh", K_ALU, BPF_ALU | BPF_RSH, 0},
	{"neg", K_NEG, BPF_ALU | BPF_NEG, 0},
	{"ja", K_JA, BPF_JMP | BPF_JA, 0},  {"jmp", K_JA, BPF_JMP | BPF_JA, 0},
	{"jeq", K_JMP, BPF_JMP | BPF_JEQ, 0}, {"jneq", K_JMP, BPF_JMP | BPF_JEQ, M_NOT},
	{"jne", K_JMP, BPF_JMP | BPF_JEQ, M_NOT}, {"jgt", K_JMP, BPF_JMP | BPF_JGT, 0},
	{"jge", K_JMP, BPF_JMP | BPF_JGE, 0}, {"jlt", K_JMP, BPF_JMP | BPF_JGE, M_SWAP},
	{"jle", K_JMP, BPF_JMP | BPF_JGT, M_SWAP}, {"jset", K_JMP, BPF_JMP | BPF_JSET, 0},
	{"ret", K_RET, BPF_RET, 0},
	{"tax", K_MISC, BPF_MISC | BPF_TAX, 0}, {"txa", K_MISC, BPF_MISC | BPF_TXA, 0},
	{"unimp", K_UNIMP, 0, 0},
};

static const struct asm_mnemonic *mnemonic(const struct asm_tok *t)
{
	if (t->kind != TK_IDENT)
		return NULL;
	for (size_t i = 0; i < sizeof asm_mnemonics / sizeof asm_mnemonics[0]; i++)
		if (!strcmp(t->lc, asm_mnemonics[i].name))
			return &asm_mnemonics[i];
	return NULL;
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
	return emit(s, l, code, 0, 0, k);
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
	return emit(s, l, m->code, 0, 0, k);
}

/* add/sub/... #k | x */
static int asm_alu(struct asm_state *s, struct asm_line *l, const struct asm_mnemonic *m)
{
	uint32_t k = 0;
	uint16_t src;
	if (take_reg(l, "x")) {
		src = BPF_X;
	} else {
		struct asm_tok *t = peek(l);
		if (is_punct(t, '#'))
			next(l);
		else if (t->kind != TK_NUM)
			return asm_fail(s, l, t->col, "expected #k or x, found '%s'", tok_desc(t));
		if (number(s, l, &k))
			return -1;
		src = BPF_K;
	}
	if (end_of_line(s, l))
		return -1;
	return emit(s, l, (uint16_t)(m->code | src), 0, 0, k);
}

/* A jump target: a label, or an absolute instruction number (listing).
 * Absolute numbers become relative offsets here; labels are fixed up. */
static int jump_target(struct asm_state *s, struct asm_line *l, int which, uint32_t *rel, bool *pending)
{
	struct asm_tok *t = next(l);
	*pending = false;
	if (t->kind == TK_IDENT) {
		*pending = true;
		return add_fixup(s, l, which, t);
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
	uint16_t src = BPF_K;
	bool pt = false, pf = false;
	if (take_reg(l, "x")) {
		src = BPF_X;
	} else {
		struct asm_tok *t = peek(l);
		if (is_punct(t, '#'))
			next(l);
		if (number(s, l, &k))
			return -1;
	}
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
	return emit(s, l, (uint16_t)(m->code | src), (uint8_t)jt, (uint8_t)jf, k);
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
	return emit(s, l, code, 0, 0, k);
}

/* One instruction, the mnemonic at the cursor. */
static int asm_insn(struct asm_state *s, struct asm_line *l)
{
	struct asm_tok *mt = next(l);
	const struct asm_mnemonic *m = mnemonic(mt);
	if (!m)
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
		return emit(s, l, m->code, 0, 0, 0);
	case K_JA: {
		unsigned fix0 = s->nfix;
		if (jump_target(s, l, 'a', &k, &pending) || end_of_line(s, l))
			return -1;
		for (unsigned i = fix0; i < s->nfix; i++)
			s->fix[i].pc = s->n;
		return emit(s, l, m->code, 0, 0, k);
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
		return emit(s, l, (uint16_t)t->num, 0, 0, 0);
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
	return emit(s, l, (uint16_t)v[0], (uint8_t)v[1], (uint8_t)v[2], v[3]);
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
	return emit(s, l, (uint16_t)l->t[0].num, (uint8_t)l->t[1].num, (uint8_t)l->t[2].num,
		    (uint32_t)l->t[3].num);
}

/* line := ["(" NUM ")"] [LABEL ":"]* [insn] | "{" dd "}" | NUM{1,4} */
static int asm_one_line(struct asm_state *s, struct asm_line *l)
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
		if (add_label(s, l, peek(l)))
			return -1;
		next(l);
		next(l);
	}
	if (peek(l)->kind == TK_END)
		return 0;
	return asm_insn(s, l);
}

/* Pass two: labels to offsets. */
static int asm_resolve(struct asm_state *s)
{
	for (unsigned i = 0; i < s->nfix; i++) {
		struct asm_fixup *f = &s->fix[i];
		struct asm_line at = { .lineno = f->line };
		unsigned j;
		for (j = 0; j < s->nlab; j++)
			if (!strcmp(s->labels[j].name, f->label))
				break;
		if (j == s->nlab)
			return asm_fail(s, &at, f->col, "undefined label '%s'", f->label);
		unsigned target = s->labels[j].pc;
		if (target >= s->n)
			return asm_fail(s, &at, f->col, "label '%s' is at the end, after the last instruction", f->label);
		if (target <= f->pc)
			return asm_fail(s, &at, f->col, "label '%s' is not after this instruction: jumps go forward", f->label);
		unsigned off = target - f->pc - 1;
		struct bpf_insn *in = &s->insns[f->pc];
		if (f->which == 'a') {
			in->k = off;
		} else if (off > 255) {
			return asm_fail(s, &at, f->col, "label '%s' is %u instructions ahead, more than %s can reach (256)",
					f->label, off + 1, f->which == 't' ? "jt" : "jf");
		} else if (f->which == 't') {
			in->jt = (uint8_t)off;
		} else {
			in->jf = (uint8_t)off;
		}
	}
	return 0;
}

int asm_parse(const char *text, struct bpfx_program *out, struct asm_error *err)
{
	struct asm_state s = { .ddd_count = -1, .err = err };
	struct asm_line *l = calloc(1, sizeof *l);
	int rc = -1;
	if (err)
		memset(err, 0, sizeof *err);
	out->insns = NULL;
	out->len = 0;
	if (!l)
		return asm_fail(&s, NULL, 0, "out of memory");
	const char *p = text;
	for (int lineno = 1; *p; lineno++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		l->lineno = lineno;
		if (asm_lex(&s, l, p, len) || asm_one_line(&s, l)) {
			/* re-point the error text at this line before it goes */
			goto done;
		}
		p += len + (e ? 1 : 0);
	}
	if (asm_resolve(&s))
		goto done;
	if (s.ddd_count >= 0 && (unsigned long)s.ddd_count != s.n) {
		struct asm_line at = { .lineno = s.ddd_line };
		asm_fail(&s, &at, 1, "the count line says %ld instructions, the listing has %u", s.ddd_count, s.n);
		goto done;
	}
	if (s.n == 0) {
		asm_fail(&s, NULL, 0, "no instructions");
		goto done;
	}
	out->insns = s.insns;
	out->len = s.n;
	s.insns = NULL;
	rc = 0;
done:
	/* Errors from pass two carry no line text: find it now. */
	if (rc && err && err->line > 0 && !err->text[0]) {
		const char *q = text;
		for (int i = 1; i < err->line && q; i++) {
			q = strchr(q, '\n');
			if (q)
				q++;
		}
		if (q) {
			size_t n = strcspn(q, "\n");
			if (n > sizeof err->text - 1)
				n = sizeof err->text - 1;
			memcpy(err->text, q, n);
			err->text[n] = 0;
		}
	}
	free(s.insns);
	free(s.fix);
	free(s.labels);
	free(l);
	return rc;
}

int asm_read_file(const char *path, struct bpfx_program *out, struct asm_error *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (err)
		memset(err, 0, sizeof *err);
	if (!f) {
		if (err)
			snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return -1;
	}
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			char *b = realloc(buf, cap * 2);
			if (!b) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
			cap *= 2;
		}
	}
	int bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (!buf || bad) {
		free(buf);
		if (err)
			snprintf(err->msg, sizeof err->msg, "%s", buf ? "read error" : "out of memory");
		return -1;
	}
	buf[n] = 0;
	if (memchr(buf, 0, n)) {
		free(buf);
		if (err)
			snprintf(err->msg, sizeof err->msg, "binary file: a program is text (-d, bpf_asm, -dd or -ddd)");
		return -1;
	}
	int rc = asm_parse(buf, out, err);
	free(buf);
	return rc;
}

void asm_error_print(FILE *f, const char *prog, const char *path, const struct asm_error *err)
{
	const char *name = strcmp(path, "-") ? path : "(stdin)";
	if (err->line <= 0) {
		fprintf(f, "%s: %s: %s\n", prog, name, err->msg);
		return;
	}
	fprintf(f, "%s: %s:%d:%d: %s\n", prog, name, err->line, err->col, err->msg);
	if (!err->text[0])
		return;
	fprintf(f, "  %s\n  ", err->text);
	for (int i = 1; i < err->col && err->text[i - 1]; i++)
		fputc(err->text[i - 1] == '\t' ? '\t' : ' ', f);
	fputs("^\n", f);
}

int asm_load_program(FILE *errf, const char *prog, const char *path, struct bpfx_program *out)
{
	struct asm_error ae;
	struct bpfx_error ve;
	if (asm_read_file(path, out, &ae) < 0) {
		asm_error_print(errf, prog, path, &ae);
		return -1;
	}
	if (bpfx_validate(out->insns, out->len, &ve) < 0) {
		fprintf(errf, "%s: %s: invalid program: instruction %d: %s\n", prog,
			strcmp(path, "-") ? path : "(stdin)", ve.start, ve.msg);
		bpfx_program_free(out);
		return -1;
	}
	return 0;
}
