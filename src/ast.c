/* ast.c: node constructors and the --dump=ast printer. */
#include "ast.h"
#include <string.h>

/* ast.h's layout: the pointers, then 40 bytes (its bit-fields packed as
 * the comment there says) */
_Static_assert(sizeof(struct ast) == 5 * sizeof(void *) + 40, "struct ast grew: see ast.h");

struct ast *ast_new(struct arena *a, enum ast_kind k, struct span sp)
{
	struct ast *n = arena_alloc(a, sizeof *n);
	n->kind = k;
	n->span = sp;
	return n;
}

struct ast *ast_binary(struct arena *a, enum ast_kind k, struct ast *l, struct ast *r, struct span sp)
{
	struct ast *n = ast_new(a, k, sp);
	n->l = l;
	n->r = r;
	return n;
}

static const char *const proto_names[] = {
	[P_DEFAULT] = "", [P_LINK] = "ether", [P_IP] = "ip", [P_ARP] = "arp",
	[P_RARP] = "rarp", [P_SCTP] = "sctp", [P_TCP] = "tcp", [P_UDP] = "udp",
	[P_ICMP] = "icmp", [P_IGMP] = "igmp", [P_IGRP] = "igrp", [P_PIM] = "pim",
	[P_VRRP] = "vrrp", [P_CARP] = "carp", [P_IP6] = "ip6", [P_ICMP6] = "icmp6",
	[P_AH] = "ah", [P_ESP] = "esp", [P_RADIO] = "radio", [P_UNSUP] = "?", [P_UNDEF] = "?",
	[P_STP] = "stp", [P_IPX] = "ipx", [P_NETBEUI] = "netbeui", [P_DECNET] = "decnet", [P_LAT] = "lat",
	[P_SCA] = "sca", [P_MOPRC] = "moprc", [P_MOPDL] = "mopdl", [P_ATALK] = "atalk", [P_AARP] = "aarp",
	[P_ISO] = "iso", [P_CLNP] = "clnp", [P_ESIS] = "esis", [P_ISIS] = "isis", [P_L1] = "l1", [P_L2] = "l2",
	[P_IIH] = "iih", [P_LSP] = "lsp", [P_SNP] = "snp", [P_CSNP] = "csnp", [P_PSNP] = "psnp",
};

/* SS7 and ATM words: MTP2 units, header fields, ATM's VC words. */
static const char *const mtp2_units[] = { "fisu", "lssu", "msu", "hfisu", "hlssu", "hmsu" };
static const char *const fields[] = { "sio", "opc", "dpc", "sls", "hsio", "hopc", "hdpc", "hsls", "vpi", "vci" };
static const char *const atm_words[] = { "oam", "oamf4", "oamf4ec", "oamf4sc", "metac", "bcc", "sc", "ilmic",
					 "connectmsg", "metaconnect", "lane" };
#define NW(a) ((int)(sizeof a / sizeof a[0]))

int ast_word_by_name(const char *word, int *kind)
{
	*kind = AST_WORD_UNIT;
	if (!strcmp(word, "lsu")) /* libpcap's other name for lssu */
		return 1;
	for (int i = 0; i < NW(mtp2_units); i++)
		if (!strcmp(word, mtp2_units[i]))
			return i;
	*kind = AST_WORD_FIELD;
	for (int i = 0; i < NW(fields); i++)
		if (!strcmp(word, fields[i]))
			return i;
	*kind = AST_WORD_ATM;
	for (int i = 0; i < NW(atm_words); i++)
		if (!strcmp(word, atm_words[i]))
			return i;
	return -1;
}

const char *ast_field_name(int field) { return field >= 0 && field < NW(fields) ? fields[field] : "?"; }
const char *ast_mtp2_name(int unit) { return unit >= 0 && unit < NW(mtp2_units) ? mtp2_units[unit] : "?"; }
const char *ast_atm_name(int w) { return w >= 0 && w < NW(atm_words) ? atm_words[w] : "?"; }

/* SIO a byte, SLS 4 bits, point codes 14 bits (Q.704 2.2); libpcap
 * checks no bound on VPI and VCI */
uint32_t ast_field_max(int field)
{
	if (field >= AST_FIELD_VPI)
		return 0xffffffffu;
	return field % 4 == 0 ? 255 : field % 4 == 3 ? 15 : 16383;
}

int ast_proto_by_name(const char *word)
{
	if (!strcmp(word, "es-is"))
		return P_ESIS;
	if (!strcmp(word, "is-is"))
		return P_ISIS;
	for (int p = P_STP; p <= P_PSNP; p++)
		if (!strcmp(word, proto_names[p]))
			return p;
	return P_UNSUP;
}

const char *ast_proto_name(int proto)
{
	return proto >= 0 && proto <= P_UNDEF ? proto_names[proto] : "?";
}

static const char *const kind_names[] = {
	[AST_AND] = "and", [AST_OR] = "or", [AST_NOT] = "not", [AST_HEAD] = "head",
	[AST_ID] = "id", [AST_PROTO] = "proto", [AST_REL] = "rel",
	[AST_BCAST] = "broadcast", [AST_MCAST] = "multicast", [AST_LESS] = "less",
	[AST_GREATER] = "greater", [AST_VLAN] = "vlan", [AST_MPLS] = "mpls", [AST_PPPOED] = "pppoed", [AST_PPPOES] = "pppoes", [AST_LLC] = "llc",
	[AST_INBOUND] = "inbound", [AST_IFINDEX] = "ifindex", [AST_BYTE] = "byte", [AST_MTP2] = "mtp2", [AST_FIELD] = "field", [AST_ATM] = "atm", [AST_UNSUP] = "unsupported", [AST_PF] = "pflog", [AST_NUM] = "num", [AST_LOAD] = "load",
	[AST_LEN] = "len", [AST_BINOP] = "binop", [AST_NEG] = "neg", [AST_TPLEN] = "tplen",
	[AST_WLAN_TYPE] = "802.11 type", [AST_WLAN_DIR] = "802.11 dir",
};

void ast_dump(FILE *f, const struct ast *n, const char *src, int depth)
{
	if (!n)
		return;
	static const char *const dirs[] = { "", "src ", "dst ", "src or dst ", "src and dst ",
		"addr1 ", "addr2 ", "addr3 ", "addr4 ", "ra ", "ta ", "? " };
	static const char *const addrs[] = { "", "host", "net", "port", "portrange", "proto",
					     "protochain", "gateway", "?" };
	fprintf(f, "%*s%s%s [%u,%u) '%.*s'", depth * 2, "", kind_names[n->kind],
		n->paren ? " (paren)" : "", n->span.start, n->span.end,
		(int)(n->span.end - n->span.start), src + n->span.start);
	if (n->kind == AST_ID && n->q.dir <= D_UNDEF && n->q.addr <= A_UNDEF) /* as sema resolved it */
		fprintf(f, " = %s%s%s%s", ast_proto_name(n->q.proto), n->q.proto ? " " : "", dirs[n->q.dir],
			addrs[n->q.addr][0] ? addrs[n->q.addr] : "(default)");
	fputc('\n', f);
	ast_dump(f, n->l, src, depth + 1);
	ast_dump(f, n->r, src, depth + 1);
}
