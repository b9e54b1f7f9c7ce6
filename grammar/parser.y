/* parser.y: the pcap-filter(7) grammar.  Actions only build AST nodes.
 *
 * The language is libpcap's: `and` and `or` have equal precedence and
 * associate left; `not` binds to one term; a bare address after and/or
 * (`host a or b`) inherits the qualifiers before it, which this grammar
 * records as an AST_ID without a head and sema.c resolves.  The grammar is
 * ambiguous where libpcap's is (`src or dst` versus `... or dst host x`,
 * `(` opening an expression or an arithmetic term); bison's default
 * shift resolution is the one libpcap gets, so the conflicts are counted.
 * `%` and `^` have no precedence in libpcap, so they always shift:
 * `a % b + c` is `a % (b + c)` there, and here. */
%code requires {
#include "ast.h"
struct parser;
#define BPFXYYLTYPE struct span
#define BPFXYYLTYPE_IS_DECLARED 1
/* A rule's span runs from its first token to its last (jq does the same);
 * an empty first part (no protocol before `gateway`) starts nowhere, so
 * the span starts at the first part that holds text. */
#define YYLLOC_DEFAULT(cur, rhs, n) do { \
	if (n) { \
		int i_ = 1; \
		while (i_ < (n) && YYRHSLOC(rhs, i_).start == YYRHSLOC(rhs, i_).end) \
			i_++; \
		(cur).start = YYRHSLOC(rhs, i_).start; (cur).end = YYRHSLOC(rhs, n).end; \
	} else { (cur).start = (cur).end = YYRHSLOC(rhs, 0).end; } \
} while (0)
}

%code provides {
/* the names flex's bison-bridge expects */
#define YYSTYPE BPFXYYSTYPE
#define YYLTYPE BPFXYYLTYPE
}

%code {
#include <stdio.h>
#include <string.h>
#include "parse.h"
#include "error.h"
int parse_scan(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
/* The scanner, wrapped to remember the last token for messages. */
static int bpfxyylex(YYSTYPE *lval, YYLTYPE *lloc, struct parser *p, void *scanner)
{
	int t = parse_scan(lval, lloc, scanner);
	if (t != 0)
		p->prev = *lloc;
	return t;
}
static void bpfxyyerror(YYLTYPE *loc, struct parser *p, void *scanner, const char *msg);
#define A (p->arena)
static struct ast *mk(struct parser *p, enum ast_kind k, YYLTYPE sp) { return ast_new(p->arena, k, sp); }
static struct ast *mkid(struct parser *p, enum ast_idkind k, const char *text, YYLTYPE sp)
{
	struct ast *n = mk(p, AST_ID, sp);
	n->idkind = k;
	n->text = text;
	return n;
}
static struct ast *paren(struct ast *n, YYLTYPE sp) { n->paren = 1; n->span = sp; return n; }
static struct ast *qhead(struct parser *p, int proto, int dir, int addr, YYLTYPE sp)
{
	struct ast *n = mk(p, AST_HEAD, sp);
	n->q.proto = (uint8_t)proto;
	n->q.dir = (uint8_t)dir;
	n->q.addr = (uint8_t)addr;
	n->q.span = sp;
	return n;
}
static struct ast *op2(struct parser *p, enum ast_kind k, enum ast_op op, struct ast *l, struct ast *r, YYLTYPE sp)
{
	struct ast *n = ast_binary(p->arena, k, l, r, sp);
	n->op = op;
	return n;
}
static struct ast *numnode(struct parser *p, uint32_t v, YYLTYPE sp) { struct ast *n = mk(p, AST_NUM, sp); n->num = v; return n; }
/* An MTP3 comparison; its field is filled in by mtp3_field. */
static struct ast *fieldleaf(struct parser *p, int op, int not_, uint32_t v, YYLTYPE sp)
{
	struct ast *n = mk(p, AST_FIELD, sp);
	n->op = (enum ast_op)op;
	n->not_ = (uint8_t)not_;
	n->num2 = v;
	return n;
}
static struct ast *field_of(struct ast *n, uint32_t field)
{
	if (n->kind == AST_FIELD)
		n->proto = (uint8_t)field;
	else
		field_of(n->l, field), field_of(n->r, field);
	return n;
}
}

%define api.pure full
%define api.prefix {bpfxyy}
%define parse.error custom
%locations
%param {struct parser *p} {void *scanner}
%expect 38

%union {
	uint32_t num;
	const char *str;
	struct ast *node;
	int i;
}

%token DST SRC HOST GATEWAY NET NETMASK PORT PORTRANGE LESS GREATER PROTO PROTOCHAIN
%token ARP RARP IP SCTP TCP UDP ICMP IGMP IGRP PIM VRRP CARP LINK IPV6 ICMPV6 AH ESP RADIO
%token TPLEN /* --ip6-transport only */
%token TYPE SUBTYPE DIR ADDR1 ADDR2 ADDR3 ADDR4 RA TA /* 802.11 */
%token BROADCAST MULTICAST GEQ LEQ NEQ LSH RSH LEN VLAN MPLS PPPOED PPPOES LEX_ERROR INBOUND OUTBOUND IFINDEX LLC
%token AND "and"
%token OR "or"
%token NOT "not"
%token <num> NUM
%token <str> ID EID HID HID6 UNSUP_PRIM
%token <str> AID
%token BYTE
%token <num> MTP2TYPE FIELDWORD ATMWORD /* SS7, ATM: index (ast_word_by_name) */
%token <num> XPROTO /* a protocol word of src/gen/words.c or iso.c: its P_ value */
%token GENEVE /* src/gen/geneve.c */
%token <str> PFWORD /* src/gen/pflog.c: on, ifname, rset, ruleset, rnr, rulenum, srnr, subrulenum, reason, action */

%type <node> expr term rterm id nid pid qid head other arth narth wword fieldvalue fieldlist
%type <num> pnum
%type <i> pqual dqual aqual pname relop irelop byteop

%left '|'
%left '&'
%left LSH RSH
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%
prog:	  %empty		{ p->root = NULL; }
	| expr			{ p->root = $1; }
	;
expr:	  term
	| expr AND term		{ $$ = ast_binary(A, AST_AND, $1, $3, @$); }
	| expr AND id		{ $$ = ast_binary(A, AST_AND, $1, $3, @$); }
	| expr OR term		{ $$ = ast_binary(A, AST_OR, $1, $3, @$); }
	| expr OR id		{ $$ = ast_binary(A, AST_OR, $1, $3, @$); }
	;
id:	  nid
	| pnum			{ $$ = mkid(p, ID_NUM, NULL, @$); $$->num = $1; }
	| '(' pid ')'		{ $$ = paren($2, @$); }
	;
nid:	  ID			{ $$ = mkid(p, ID_NAME, $1, @$); }
	| HID '/' NUM		{ $$ = mkid(p, ID_V4_LEN, $1, @$); $$->masklen = $3; }
	| HID NETMASK HID	{ $$ = mkid(p, ID_V4_MASK, $1, @$); $$->mask = $3; }
	| HID			{ $$ = mkid(p, ID_V4, $1, @$); }
	| HID6 '/' NUM		{ $$ = mkid(p, ID_V6_LEN, $1, @$); $$->masklen = $3; }
	| HID6			{ $$ = mkid(p, ID_V6, $1, @$); }
	| EID			{ $$ = mkid(p, ID_MAC, $1, @$); }
	| AID			{ $$ = mkid(p, ID_ARC, $1, @$); }
	| NOT id		{ $$ = ast_binary(A, AST_NOT, $2, NULL, @$); }
	;
pid:	  nid
	| qid AND id		{ $$ = ast_binary(A, AST_AND, $1, $3, @$); }
	| qid OR id		{ $$ = ast_binary(A, AST_OR, $1, $3, @$); }
	;
qid:	  pnum			{ $$ = mkid(p, ID_NUM, NULL, @$); $$->num = $1; }
	| pid
	;
term:	  rterm
	| NOT term		{ $$ = ast_binary(A, AST_NOT, $2, NULL, @$); }
	;
head:	  pqual dqual aqual	{ $$ = qhead(p, $1, $2, $3, @$); }
	| pqual dqual		{ $$ = qhead(p, $1, $2, A_DEFAULT, @$); }
	| pqual aqual		{ $$ = qhead(p, $1, D_DEFAULT, $2, @$); }
	| pqual PROTO		{ $$ = qhead(p, $1, D_DEFAULT, A_PROTO, @$); }
	| pqual PROTOCHAIN	{ $$ = qhead(p, $1, D_DEFAULT, A_PROTOCHAIN, @$); }
	| pqual GATEWAY		{ $$ = qhead(p, $1, D_DEFAULT, A_GATEWAY, @$); }
	;
rterm:	  head id		{ $$ = $1; $$->l = $2; $$->span = @$; }
	| '(' expr ')'		{ $$ = paren($2, @$); }
	| pname			{ $$ = mk(p, AST_PROTO, @$); $$->proto = (uint8_t)$1; }
	| arth relop arth	{ $$ = op2(p, AST_REL, (enum ast_op)$2, $1, $3, @$); }
	| arth irelop arth	{ $$ = op2(p, AST_REL, (enum ast_op)$2, $1, $3, @$); $$->not_ = 1; }
	| other
	;
pqual:	  pname
	| %empty		{ $$ = P_DEFAULT; }
	;
dqual:	  SRC			{ $$ = D_SRC; }
	| DST			{ $$ = D_DST; }
	| SRC OR DST		{ $$ = D_OR; }
	| DST OR SRC		{ $$ = D_OR; }
	| SRC AND DST		{ $$ = D_AND; }
	| DST AND SRC		{ $$ = D_AND; }
	| ADDR1			{ $$ = D_ADDR1; }
	| ADDR2			{ $$ = D_ADDR2; }
	| ADDR3			{ $$ = D_ADDR3; }
	| ADDR4			{ $$ = D_ADDR4; }
	| RA			{ $$ = D_RA; }
	| TA			{ $$ = D_TA; }
	;
aqual:	  HOST			{ $$ = A_HOST; }
	| NET			{ $$ = A_NET; }
	| PORT			{ $$ = A_PORT; }
	| PORTRANGE		{ $$ = A_PORTRANGE; }
	;
pname:	  LINK			{ $$ = P_LINK; }
	| IP			{ $$ = P_IP; }
	| ARP			{ $$ = P_ARP; }
	| RARP			{ $$ = P_RARP; }
	| SCTP			{ $$ = P_SCTP; }
	| TCP			{ $$ = P_TCP; }
	| UDP			{ $$ = P_UDP; }
	| ICMP			{ $$ = P_ICMP; }
	| IGMP			{ $$ = P_IGMP; }
	| IGRP			{ $$ = P_IGRP; }
	| PIM			{ $$ = P_PIM; }
	| VRRP			{ $$ = P_VRRP; }
	| CARP			{ $$ = P_CARP; }
	| IPV6			{ $$ = P_IP6; }
	| ICMPV6		{ $$ = P_ICMP6; }
	| AH			{ $$ = P_AH; }
	| ESP			{ $$ = P_ESP; }
	| RADIO			{ $$ = P_RADIO; }
	| XPROTO		{ $$ = (int)$1; }
	;
other:	  pqual BROADCAST	{ $$ = mk(p, AST_BCAST, @$); $$->proto = (uint8_t)$1; }
	| pqual MULTICAST	{ $$ = mk(p, AST_MCAST, @$); $$->proto = (uint8_t)$1; }
	| LESS NUM		{ $$ = mk(p, AST_LESS, @$); $$->num = $2; }
	| GREATER NUM		{ $$ = mk(p, AST_GREATER, @$); $$->num = $2; }
	| VLAN pnum		{ $$ = mk(p, AST_VLAN, @$); $$->num = $2; $$->has_num = 1; }
	| VLAN			{ $$ = mk(p, AST_VLAN, @$); }
	| MPLS pnum		{ $$ = mk(p, AST_MPLS, @$); $$->num = $2; $$->has_num = 1; }
	| MPLS			{ $$ = mk(p, AST_MPLS, @$); }
	| PPPOED		{ $$ = mk(p, AST_PPPOED, @$); }
	| PPPOES pnum		{ $$ = mk(p, AST_PPPOES, @$); $$->num = $2; $$->has_num = 1; }
	| PPPOES		{ $$ = mk(p, AST_PPPOES, @$); }
	| LLC			{ $$ = mk(p, AST_LLC, @$); }
	| LLC ID		{ $$ = mk(p, AST_LLC, @$); $$->text = $2; }
	| LLC UNSUP_PRIM	{ $$ = mk(p, AST_LLC, @$); $$->text = $2; }
	| LLC PFWORD		{ $$ = mk(p, AST_LLC, @$); $$->text = $2; } /* rnr is pf's word too */
	| INBOUND		{ $$ = mk(p, AST_INBOUND, @$); $$->num = 0; }
	| OUTBOUND		{ $$ = mk(p, AST_INBOUND, @$); $$->num = 1; }
	| IFINDEX NUM		{ $$ = mk(p, AST_IFINDEX, @$); $$->num = $2; }
	| BYTE NUM byteop NUM	{ $$ = mk(p, AST_BYTE, @$); $$->num = $2; $$->op = (enum ast_op)$3; $$->num2 = $4; }
	| MTP2TYPE		{ $$ = mk(p, AST_MTP2, @$); $$->num = $1; }
	| ATMWORD		{ $$ = mk(p, AST_ATM, @$); $$->num = $1; }
	| FIELDWORD fieldvalue	{ $$ = field_of($2, $1); $$->span = @$; }
	| UNSUP_PRIM		{ $$ = mk(p, AST_UNSUP, @$); $$->text = $1; }
	| UNSUP_PRIM pnum	{ $$ = mk(p, AST_UNSUP, @$); $$->text = $1; }
	| TYPE wword		{ $$ = mk(p, AST_WLAN_TYPE, @$); $$->l = $2; }
	| TYPE wword SUBTYPE wword { $$ = mk(p, AST_WLAN_TYPE, @$); $$->l = $2; $$->r = $4; }
	| SUBTYPE ID		{ $$ = mk(p, AST_WLAN_TYPE, @$); $$->r = mkid(p, ID_NAME, $2, @2); }
	| DIR wword		{ $$ = mk(p, AST_WLAN_DIR, @$); $$->l = $2; }
	/* geneve (src/gen/geneve.c) */
	| GENEVE pnum		{ $$ = mk(p, AST_GENEVE, @$); $$->num = $2; $$->has_num = 1; }
	| GENEVE		{ $$ = mk(p, AST_GENEVE, @$); }
	/* pflog (src/gen/pflog.c): a name or a number, as the word takes */
	| PFWORD ID		{ $$ = mk(p, AST_PF, @$); $$->text = $1; $$->l = mkid(p, ID_NAME, $2, @2); }
	| PFWORD NUM		{ $$ = mk(p, AST_PF, @$); $$->text = $1; $$->l = numnode(p, $2, @2); }
	;
/* an 802.11 type, subtype or direction: a number or a name */
wword:	  NUM			{ $$ = mkid(p, ID_NUM, NULL, @$); $$->num = $1; }
	| ID			{ $$ = mkid(p, ID_NAME, $1, @$); }
	;
fieldvalue: NUM			{ $$ = fieldleaf(p, OP_EQ, 0, $1, @$); }
	| relop NUM		{ $$ = fieldleaf(p, $1, 0, $2, @$); }
	| irelop NUM		{ $$ = fieldleaf(p, $1, 1, $2, @$); }
	| '(' fieldlist ')'	{ $$ = paren($2, @$); }
	;
fieldlist: NUM			{ $$ = fieldleaf(p, OP_EQ, 0, $1, @$); }
	| fieldlist OR NUM	{ $$ = ast_binary(A, AST_OR, $1, fieldleaf(p, OP_EQ, 0, $3, @3), @$); }
	;
byteop:	  '='			{ $$ = OP_EQ; }
	| '>'			{ $$ = OP_GT; }
	| '<'			{ $$ = OP_GE; }
	| '&'			{ $$ = OP_AND; }
	| '|'			{ $$ = OP_OR; }
	;
relop:	  '>'			{ $$ = OP_GT; }
	| GEQ			{ $$ = OP_GE; }
	| '='			{ $$ = OP_EQ; }
	;
irelop:	  LEQ			{ $$ = OP_GT; }
	| '<'			{ $$ = OP_GE; }
	| NEQ			{ $$ = OP_EQ; }
	;
arth:	  pnum			{ $$ = numnode(p, $1, @$); }
	| narth
	;
narth:	  pname '[' arth ']'		{ $$ = mk(p, AST_LOAD, @$); $$->proto = (uint8_t)$1; $$->l = $3; $$->num = 1; }
	| pname '[' arth ':' NUM ']'	{ $$ = mk(p, AST_LOAD, @$); $$->proto = (uint8_t)$1; $$->l = $3; $$->num = $5; }
	| arth '+' arth		{ $$ = op2(p, AST_BINOP, OP_ADD, $1, $3, @$); }
	| arth '-' arth		{ $$ = op2(p, AST_BINOP, OP_SUB, $1, $3, @$); }
	| arth '*' arth		{ $$ = op2(p, AST_BINOP, OP_MUL, $1, $3, @$); }
	| arth '/' arth		{ $$ = op2(p, AST_BINOP, OP_DIV, $1, $3, @$); }
	| arth '%' arth		{ $$ = op2(p, AST_BINOP, OP_MOD, $1, $3, @$); }
	| arth '&' arth		{ $$ = op2(p, AST_BINOP, OP_AND, $1, $3, @$); }
	| arth '|' arth		{ $$ = op2(p, AST_BINOP, OP_OR, $1, $3, @$); }
	| arth '^' arth		{ $$ = op2(p, AST_BINOP, OP_XOR, $1, $3, @$); }
	| arth LSH arth		{ $$ = op2(p, AST_BINOP, OP_LSH, $1, $3, @$); }
	| arth RSH arth		{ $$ = op2(p, AST_BINOP, OP_RSH, $1, $3, @$); }
	| '-' arth %prec UMINUS	{ $$ = mk(p, AST_NEG, @$); $$->l = $2; }
	| '(' narth ')'		{ $$ = paren($2, @$); }
	| LEN			{ $$ = mk(p, AST_LEN, @$); }
	| TPLEN			{ $$ = mk(p, AST_TPLEN, @$); }
	;
pnum:	  NUM
	| '(' pnum ')'		{ $$ = $2; }
	;
%%

/* Messages name the token as written: "unexpected 'and'", or, at the end,
 * "unexpected end of expression after 'and'". */
static int yyreport_syntax_error(const yypcontext_t *ctx, struct parser *p, void *scanner)
{
	/* bison defines this helper for every custom reporter; libpcap's
	 * messages list no expected tokens, so ours do not use it */
	(void)yypcontext_expected_tokens;
	if (p->failed)
		return 0; /* the scanner already said what was wrong */
	const YYLTYPE *loc = yypcontext_location(ctx);
	yysymbol_kind_t tok = yypcontext_token(ctx);
	if (tok == YYSYMBOL_YYEOF) {
		p->at_end = 1;
		if (p->prev.end > p->prev.start)
			err_set(p->err, (int)p->prev.start, (int)p->prev.end,
				"unexpected end of expression after '%.*s'",
				(int)(p->prev.end - p->prev.start), p->src + p->prev.start);
		else
			err_set(p->err, 0, 0, "empty expression");
	} else {
		err_set(p->err, (int)loc->start, (int)loc->end, "syntax error: unexpected '%.*s'",
			(int)(loc->end - loc->start), p->src + loc->start);
	}
	p->failed = 1;
	return 0;
}

static void bpfxyyerror(YYLTYPE *loc, struct parser *p, void *scanner, const char *msg)
{
	if (!p->failed)
		err_set(p->err, (int)loc->start, (int)loc->end, "%s", msg);
	p->failed = 1;
}
