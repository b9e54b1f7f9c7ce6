/* ast.c: node constructors and the --dump=ast printer. */
#include "ast.h"

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
	[P_AH] = "ah", [P_ESP] = "esp", [P_UNSUP] = "?", [P_UNDEF] = "?",
};

const char *ast_proto_name(int proto)
{
	return proto >= 0 && proto <= P_UNDEF ? proto_names[proto] : "?";
}

static const char *const kind_names[] = {
	[AST_AND] = "and", [AST_OR] = "or", [AST_NOT] = "not", [AST_HEAD] = "head",
	[AST_ID] = "id", [AST_PROTO] = "proto", [AST_REL] = "rel",
	[AST_BCAST] = "broadcast", [AST_MCAST] = "multicast", [AST_LESS] = "less",
	[AST_GREATER] = "greater", [AST_VLAN] = "vlan", [AST_MPLS] = "mpls", [AST_PPPOED] = "pppoed", [AST_PPPOES] = "pppoes", [AST_LLC] = "llc",
	[AST_INBOUND] = "inbound", [AST_IFINDEX] = "ifindex", [AST_UNSUP] = "unsupported", [AST_NUM] = "num", [AST_LOAD] = "load",
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
