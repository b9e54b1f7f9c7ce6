/* ast.h: the syntax tree of a filter expression.
 *
 * The parser only builds these nodes.  Qualifiers a bare address inherits
 * from the primitive before it (`host a or b`) are resolved later, in
 * sema.c, from the tree's shape: AST_ID nodes with `head == NULL` and the
 * `paren` flag carry all that is needed. */
#ifndef BPFX_AST_H
#define BPFX_AST_H
#include <stdint.h>
#include "arena.h"

struct span {
	uint32_t start, end;     /* byte offsets [start, end) in the expression */
};

/* Protocol qualifiers (libpcap's Q_ values are a different numbering). */
enum ast_proto {
	P_DEFAULT = 0,
	P_LINK, P_IP, P_ARP, P_RARP, P_SCTP, P_TCP, P_UDP, P_ICMP, P_IGMP,
	P_IGRP, P_PIM, P_VRRP, P_CARP, P_IP6, P_ICMP6, P_AH, P_ESP,
	/* words that test the link layer's type (src/gen/words.c, iso.c) */
	P_STP, P_IPX, P_NETBEUI, P_DECNET, P_LAT, P_SCA, P_MOPRC, P_MOPDL, P_ATALK, P_AARP,
	P_ISO, P_CLNP, P_ESIS, P_ISIS, P_L1, P_L2, P_IIH, P_LSP, P_SNP, P_CSNP, P_PSNP,
	P_RADIO,                 /* radio[...]: the radio header before 802.11 */
	P_UNSUP,                 /* a protocol libpcap knows, bpfx does not */
	P_UNDEF,                 /* no qualifiers to inherit */
};
enum ast_dir {
	D_DEFAULT = 0, D_SRC, D_DST, D_OR, D_AND,
	D_ADDR1, D_ADDR2, D_ADDR3, D_ADDR4, D_RA, D_TA, /* 802.11 addresses */
	D_UNDEF,
};
enum ast_addr {
	A_DEFAULT = 0, A_HOST, A_NET, A_PORT, A_PORTRANGE, A_PROTO,
	A_PROTOCHAIN, A_GATEWAY, A_UNDEF,
};

struct ast_qual {
	uint8_t proto, dir, addr; /* enum ast_proto, ast_dir, ast_addr */
	struct span span;         /* the qualifier words, for messages */
};

enum ast_kind {
	/* boolean */
	AST_AND, AST_OR, AST_NOT,
	AST_HEAD,      /* qualifiers (q) applied to an id tree (l) */
	AST_ID,        /* an address, number or name: host/net/port/proto value */
	AST_PROTO,     /* bare protocol word: `tcp`, `ip6` (proto) */
	AST_REL,       /* l op r, op one of '>' GEQ '=' and reversed (not_) */
	AST_BCAST,     /* [proto] broadcast */
	AST_MCAST,     /* [proto] multicast */
	AST_LESS, AST_GREATER, /* less N, greater N */
	AST_VLAN, AST_MPLS,    /* vlan [N], mpls [N] (has_num) */
	AST_PPPOED,    /* pppoed: a PPPoE discovery frame */
	AST_PPPOES,    /* pppoes [N]: a PPPoE session frame (has_num) */
	AST_LLC,       /* llc [type]: an 802.2 LLC frame (text: the type name) */
	AST_GENEVE,    /* geneve [VNI] (has_num) */
	AST_INBOUND,   /* inbound (num 0), outbound (num 1) */
	AST_IFINDEX,   /* ifindex N */
	AST_BYTE,      /* byte num op num2 (op: OP_EQ, OP_GT, OP_GE for '<', OP_AND, OP_OR) */
	AST_MTP2,      /* an MTP2 signal unit word (num: its index, ast_word_by_name) */
	AST_FIELD,     /* an SS7 or ATM header field (proto: its index) op num2, reversed if not_ */
	AST_ATM,       /* an ATM virtual-circuit word (num: its index) */
	AST_UNSUP,     /* a primitive bpfx does not compile yet */
	AST_PF,        /* a pflog word (text: as written) and its argument (l:
			* an AST_ID name or an AST_NUM), src/gen/pflog.c */
	AST_WLAN_TYPE, /* type T [subtype S], subtype S (l, r: the words as
			* AST_IDs; sema: num the bits, has_num a subtype) */
	AST_WLAN_DIR,  /* dir D (l: the word; sema: num) */
	/* arithmetic */
	AST_NUM,       /* num */
	AST_LOAD,      /* proto[l : size] */
	AST_LEN,       /* len */
	AST_BINOP,     /* l op r, op one of + - * / % & | ^ << >> */
	AST_NEG,       /* -l */
	AST_TPLEN,     /* tplen (--ip6-transport): transport header + payload, by the IP header */
};

/* What an AST_ID holds. */
enum ast_idkind {
	ID_NAME,       /* host, network, port, protocol or service name */
	ID_NUM,        /* plain number (`port 80`, `net 10`) */
	ID_V4,         /* 1 to 4 dotted parts */
	ID_V4_LEN,     /* a.b.c.d/len */
	ID_V4_MASK,    /* a.b.c.d mask m.m.m.m */
	ID_V6,         /* IPv6 address */
	ID_V6_LEN,     /* IPv6 address/len */
	ID_MAC,        /* Ethernet address */
	ID_ARC,        /* ARCnet address: `$` and one or two hex digits */
};

/* Binary operators: bison tokens for the relational ones are mapped to
 * these before a node is built. */
enum ast_op {
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_AND, OP_OR, OP_XOR,
	OP_LSH, OP_RSH,
	OP_GT, OP_GE, OP_EQ,     /* relations; `<=` is not `>`, etc. */
};

/* Pointers, then 32-bit fields, then bytes: 80 bytes (ast.c checks),
 * the enums and flags as bit-fields (switches still see the enum types).
 * An expression of thousands of terms holds about three nodes a term, and
 * until gen has lowered it the tree is held with the whole IR (compile.c). */
struct ast {
	struct ast *l, *r;       /* children (AND/OR/NOT/HEAD/REL/BINOP/NEG/LOAD index) */
	const char *text;        /* ID: the address or name as written; UNSUP: the word */
	const char *mask;        /* ID_V4_MASK: the mask as written */
	struct sema_val *val;    /* filled by sema: resolved addresses/ports for AST_ID */
	struct span span;        /* the whole node in the source */
	uint32_t num;            /* NUM, LESS/GREATER, VLAN/MPLS/PPPOES, LOAD size, ID number */
	struct ast_qual q;       /* HEAD: as written; ID: as resolved by sema */
	union {                  /* no kind has both */
		uint32_t masklen; /* ID_V4_LEN, ID_V6_LEN */
		uint32_t num2;   /* BYTE, FIELD: the value */
	};
	enum ast_kind kind : 8;
	enum ast_op op : 8;      /* REL, BINOP, BYTE, FIELD */
	enum ast_idkind idkind : 8; /* AST_ID */
	uint8_t paren : 1;       /* written inside parentheses */
	uint8_t not_ : 1;        /* REL, FIELD: reversed (`<=`, `<`, `!=`) */
	uint8_t has_num : 1;     /* VLAN/MPLS/PPPOES: a number was given */
	uint8_t proto;           /* PROTO/BCAST/MCAST/LOAD: enum ast_proto */
	/* filled by sema */
	uint8_t vlan_depth;      /* vlan primitives before this one, in source order */
	uint8_t mpls_depth;      /* mpls primitives before this one */
	uint8_t pppoes_depth;    /* pppoes primitives before this one */
	uint8_t geneve_depth;    /* geneve primitives before this one (vlan_depth and
				  * mpls_depth then count those after the last) */
	uint8_t lane_depth;      /* SunATM `lane` primitives before this one */
	uint8_t label_depth;     /* mpls primitives before this one, geneves or not
				  * (libpcap's label stack depth: `ip` after `mpls and
				  * geneve` is still an MPLS payload's test) */
};

struct ast *ast_new(struct arena *a, enum ast_kind k, struct span sp);
struct ast *ast_binary(struct arena *a, enum ast_kind k, struct ast *l, struct ast *r, struct span sp);
/* Print the tree, one node per line, for `--dump=ast`. */
#include <stdio.h>
void ast_dump(FILE *f, const struct ast *n, const char *src, int depth);
const char *ast_proto_name(int proto);
/* The P_ value of a protocol word of words.c/iso.c (`es-is` and `is-is`
 * too), or P_UNSUP. */
int ast_proto_by_name(const char *word);
/* SS7 and ATM words (src/gen/mtp.c, atm.c): fisu lssu msu hfisu hlssu
 * hmsu are MTP2 units 0..5; sio opc dpc sls hsio hopc hdpc hsls vpi vci
 * fields 0..9; oam oamf4 oamf4ec oamf4sc metac bcc sc ilmic connectmsg
 * metaconnect lane ATM words 0..10. */
#define AST_ATM_LANE 10
enum { AST_WORD_UNIT, AST_WORD_FIELD, AST_WORD_ATM };
#define AST_FIELD_VPI 8
#define AST_FIELD_VCI 9
int ast_word_by_name(const char *word, int *kind);  /* index; *kind AST_WORD_* */
const char *ast_field_name(int field);
const char *ast_mtp2_name(int unit);
const char *ast_atm_name(int w);
uint32_t ast_field_max(int field);  /* the largest value libpcap takes */
#endif
