/* explain_int.h: what the parts of `explain` share; not for the CLI.
 *
 * The annotation is built in two steps kept in two files.  The analysis
 * (explain_analyze.c) is a forward pass over the program leaving, before
 * each instruction, a struct xstate: what the tests on every path into it
 * established, and a symbolic value (struct sym) for A, X and each M[i];
 * it also names what a load reads (struct xread), from the field tables
 * of explain_fields.c.  The text (explain_text.c) turns a state and an
 * instruction into the sentences of struct explain_insn and prints the
 * result as text or JSON.  explain.c holds the entry points of explain.h,
 * which run the one and then the other.
 *
 * The types live here because both steps read them: a sentence quotes the
 * symbolic value of A, and describes a load by calling the analysis's
 * naming functions again with the state before it.  Shared names carry
 * the xp_ prefix; everything else stays static in its file. */
#ifndef BPFX_EXPLAIN_INT_H
#define BPFX_EXPLAIN_INT_H
#include "error.h"
#include "explain.h"
#include "linktype.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { NET_IP4 = 1, NET_IP6 = 2, NET_ARP = 4, NET_OTHER = 8, NET_ALL = 15 };

enum sy_kind {
	SY_UNK,    /* differs by path, or nothing useful to say */
	SY_CONST,  /* k */
	SY_LEN,    /* the packet length on the wire */
	SY_FIELD,  /* a packet field, perhaps masked */
	SY_HLEN,   /* 4*(ihl) of the IPv4 header at off, plus k or plus text */
	SY_EXPR,   /* anything else, written as an expression in text */
};

struct sym {
	enum sy_kind kind;
	uint32_t k;            /* CONST: value; HLEN: constant addend */
	int off;               /* FIELD: absolute offset, -1 if indirect; HLEN: IHL byte */
	int var;               /* HLEN: the addend is the expression in text */
	int size;              /* FIELD: 1, 2, 4 */
	enum xf_layer layer;   /* FIELD: the layer it belongs to (XL_NLAYERS: none) */
	int foff;              /* FIELD: offset inside that layer */
	const struct xfield *f;/* FIELD: table entry, NULL if none */
	uint32_t mask;         /* FIELD: and-mask applied, 0xffffffff if none */
	char text[120];        /* the value as an expression: "tcp[13] & 0x10" */
	char term[120];        /* HLEN with var: the addend as an expression */
};

struct xstate {
	bool live;             /* some path reaches here */
	int nl;                /* offset of the network layer, -1 unknown */
	int type_off;          /* offset of the protocol type field in use, -1 none */
	unsigned net;          /* NET_* still possible */
	int mpls_at;           /* start of an MPLS label stack, -1 none */
	int pppoe_at;          /* start of the innermost PPPoE header, -1 none */
	int llc_at;            /* start of an 802.2 LLC header (an 802.3 length was tested), -1 none */
	int dn_at;             /* start of a DECnet routing header (its ethertype was tested), -1 none */
	int tp;                /* IP protocol tested for, -1 unknown */
	int tp_off;            /* absolute transport offset when fixed (IPv6), else -1 */
	bool v6frag;           /* the IPv6 next header is a fragment header */
	struct sym A, X, M[BPF_MEMWORDS];
};

struct xctx {
	const struct linktype *lt;
	int dlt;
	uint32_t snaplen;
	const struct bpf_insn *p;
	unsigned n;
	struct xstate **in;    /* state before each instruction: made on the
				* first edge into it, freed once it is
				* described (jumps go forward), so only the
				* states of pending targets are kept */
	struct explain *out;
	const struct bpfx_span *spans; /* may be NULL */
	const char *expr;      /* may be NULL */
	unsigned pc;           /* the instruction being described */
};

#define ALLMASK 0xffffffffu   /* a sym with no and-mask applied */

struct xread {
	struct sym val;        /* what A (or X) holds after the load */
	char meaning[160];     /* "IPv4 protocol" */
	char where[120];       /* "at 14 (Ethernet) + 9" */
	char alt[160];         /* another reading on paths where another
				* network protocol is possible */
	bool named;            /* a table field was found */
};

/* --- explain_analyze.c: the forward pass and the naming of loads ---- */

/* snprintf and strcat-at-the-end that may truncate: annotations are
 * bounded on purpose. */
void xp_put(char *buf, size_t size, const char *fmt, ...) BPFX_PRINTF(3, 4);
void xp_cat(char *buf, size_t size, const char *fmt, ...) BPFX_PRINTF(3, 4);
/* s as an operand of a binary operator: parenthesized when compound. */
void xp_operand_text(char *buf, size_t size, const struct sym *s);
/* The state at the program's entry for link type lt (NULL: nothing known). */
void xp_state_start(struct xstate *s, const struct linktype *lt);
/* Name an absolute load of size bytes at off, or an indirect one [x + k]. */
void xp_read_abs(struct xread *r, const struct xctx *c, const struct xstate *s, int off, int size);
void xp_read_ind(struct xread *r, const struct xctx *c, const struct xstate *s, uint32_t k, int size);
/* *s after the non-jump instruction in (its fall-through). */
void xp_transfer(const struct xctx *c, struct xstate *s, const struct bpf_insn *in);
/* The forward pass, one instruction at a time in order: merge what holds
 * after instruction i (s before it) into c->in of its successors. */
void xp_step(struct xctx *c, unsigned i, const struct xstate *s);

/* --- explain_text.c: sentences and output ---------------------------- */

/* The question the jump at pc asks, and where each answer goes. */
void xp_jump_text(const struct xctx *c, const struct xstate *s, unsigned pc, char *q, size_t size);
/* One instruction's texts while they are written (fixed buffers that
 * truncate safely); struct explain_insn keeps copies of their length. */
struct xp_draft {
	struct bpf_insn insn;
	int start, end;              /* expression span, -1 if none */
	char reads[EXPLAIN_TEXT];
	char tests[EXPLAIN_TEXT];
	char note[2 * EXPLAIN_TEXT];
	int named;
};
/* What the non-jump instruction at pc does, into e->reads (and e->named). */
void xp_stmt_text(const struct xctx *c, const struct xstate *s, unsigned pc, struct xp_draft *e);
/* e->consts: the pcap-filter(7) named constants expr mentions. */
void xp_find_constants(const char *expr, struct explain *e);
/* "tcp-ack = 16" for the constants inside x's span whose value it uses. */
void xp_constants_note(const struct explain *e, const struct xp_draft *x, const struct xstate *s,
		       char *buf, size_t size);
#endif
