/* sema.c: qualifier inheritance, source-order state and values.
 *
 * Inheritance follows libpcap's grammar, where an id takes the qualifiers
 * of whatever stands before it ($<blk>0): after `and`/`or` that is the
 * left operand's qualifiers; a term's qualifiers are its head's; a
 * parenthesized expression passes on the qualifiers from before its `(`;
 * `not`, relations and bare protocol words pass on nothing usable. */
#include "sema.h"
#include "error.h"
#include "names.h"
#include "proto/ieee80211.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct sema {
	struct arena *a;
	const char *src;
	struct bpfx_error *err;
	int vlan, mpls, pppoes;  /* primitives seen so far, in source order */
	int geneve;              /* ... and geneves (vlan and mpls count from the last) */
	int lane;                /* ... and SunATM lanes (src/gen/atm.c) */
	int label;               /* ... and mpls, not reset by a geneve */
};

static const struct ast_qual QERR = { P_UNDEF, D_UNDEF, A_UNDEF, { 0, 0 } };

#define FAIL(n, ...) err_set(s->err, (int)(n)->span.start, (int)(n)->span.end, __VA_ARGS__)

static const char *addr_word(int addr)
{
	static const char *const w[] = { [A_PORT] = "port", [A_PORTRANGE] = "portrange",
		[A_PROTO] = "proto", [A_PROTOCHAIN] = "protochain" };
	return addr < (int)(sizeof w / sizeof w[0]) && w[addr] ? w[addr] : "?";
}

/* libpcap's reading of 1 to 4 dotted decimal parts: each part one byte;
 * -1 if a part is over 255 (libpcap: "invalid IPv4 address"). */
static int v4_parts(const char *t, uint32_t *v)
{
	int bits = 0;
	*v = 0;
	for (;;) {
		uint32_t part = 0;
		while (*t && *t != '.') {
			if (part > 25) /* the next digit makes it over 255 */
				return -1;
			part = part * 10 + (uint32_t)(*t++ - '0');
		}
		if (part > 255)
			return -1;
		*v = (*v << 8) | part;
		bits += 8;
		if (!*t)
			return bits;
		t++;
	}
}

static struct sema_val *newval(struct sema *s, int naddr)
{
	struct sema_val *v = arena_alloc(s->a, sizeof *v);
	v->naddr = naddr;
	if (naddr)
		v->addr = arena_alloc(s->a, sizeof *v->addr * (size_t)naddr);
	return v;
}

static struct sema_val *v4val(struct sema *s, uint32_t addr, uint32_t mask)
{
	struct sema_val *v = newval(s, 1);
	v->addr[0].family = AF_INET;
	v->addr[0].v4 = addr;
	v->addr[0].mask4 = mask;
	return v;
}

/* host/net/default with an IPv4 number, dotted address or mask. */
static int id_v4(struct sema *s, struct ast *n)
{
	uint32_t v, m;
	int addr = n->q.addr;
	if (n->idkind != ID_NUM && n->idkind != ID_V4 && (addr == A_PORT || addr == A_PORTRANGE || addr == A_PROTO || addr == A_PROTOCHAIN))
		return FAIL(n, "'%s' modifier applied to IP address%s", addr_word(addr),
			    n->idkind == ID_V4_LEN ? " and prefix length" : n->idkind == ID_V4_MASK ? " and netmask" : "");
	switch (n->idkind) {
	case ID_NUM:
	case ID_V4: {
		int bits = n->idkind == ID_NUM ? 32 : v4_parts(n->text, &v);
		if (bits < 0)
			return FAIL(n, "invalid IPv4 address '%s'", n->text);
		if (n->idkind == ID_NUM)
			v = n->num;
		if (n->q.proto == P_LINK)
			return FAIL(n, "illegal link layer address");
		m = 0xffffffff;
		if (n->idkind == ID_NUM && addr == A_NET) {
			/* a short net number is promoted: `net 10` is 10.0.0.0/8 */
			while (v && (v & 0xff000000) == 0)
				v <<= 8, m <<= 8;
		} else if (bits < 32) {
			v <<= 32 - bits;
			m <<= 32 - bits;
		}
		n->val = v4val(s, v, m);
		return 0;
	}
	case ID_V4_LEN: {
		int bits = v4_parts(n->text, &v);
		if (bits < 0)
			return FAIL(n, "invalid IPv4 address '%s'", n->text);
		v <<= 32 - bits;
		if (n->masklen > 32)
			return FAIL(n, "mask length must be <= 32");
		m = n->masklen == 0 ? 0 : 0xffffffffu << (32 - n->masklen);
		if (v & ~m)
			return FAIL(n, "non-network bits set in \"%s/%u\"", n->text, n->masklen);
		break;
	}
	case ID_V4_MASK: {
		int bits = v4_parts(n->text, &v);
		if (bits < 0)
			return FAIL(n, "invalid IPv4 address '%s'", n->text);
		v <<= 32 - bits;
		bits = v4_parts(n->mask, &m);
		if (bits < 0)
			return FAIL(n, "invalid IPv4 address '%s'", n->mask);
		m <<= 32 - bits;
		if (v & ~m)
			return FAIL(n, "non-network bits set in \"%s mask %s\"", n->text, n->mask);
		break;
	}
	default:
		return FAIL(n, "internal: not an IPv4 id");
	}
	if (addr != A_NET)
		return FAIL(n, "Mask syntax for networks only");
	n->val = v4val(s, v, m);
	return 0;
}

static int id_v6(struct sema *s, struct ast *n)
{
	int addr = n->q.addr;
	if (addr == A_PORT || addr == A_PORTRANGE || addr == A_PROTO || addr == A_PROTOCHAIN)
		return FAIL(n, "'%s' modifier applied to IP address", addr_word(addr));
	struct sema_val *v = newval(s, 1);
	struct sema_addr *a = &v->addr[0];
	a->family = AF_INET6;
	if (inet_pton(AF_INET6, n->text, a->v6) != 1)
		return FAIL(n, "bogus IPv6 address %s", n->text);
	uint32_t len = n->idkind == ID_V6_LEN ? n->masklen : 128;
	if (len > 128)
		return FAIL(n, "mask length must be <= 128");
	for (uint32_t i = 0; i < 16; i++) {
		uint32_t bits = len > i * 8 ? len - i * 8 : 0;
		a->mask6[i] = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));
		if (a->v6[i] & ~a->mask6[i])
			return FAIL(n, "non-network bits set in \"%s/%u\"", n->text, len);
	}
	if ((addr == A_DEFAULT || addr == A_HOST) && len != 128)
		return FAIL(n, "Mask syntax for networks only");
	if (addr != A_DEFAULT && addr != A_HOST && addr != A_NET)
		return FAIL(n, "invalid qualifier against IPv6 address");
	n->val = v;
	return 0;
}

static int id_port(struct sema *s, struct ast *n)
{
	int p = n->q.proto;
	const char *what = n->q.addr == A_PORT ? "port" : "portrange";
	if (p != P_DEFAULT && p != P_TCP && p != P_UDP && p != P_SCTP)
		return FAIL(n, "illegal qualifier of '%s'", what);
	struct sema_val *v = newval(s, 0);
	int want = p == P_TCP ? IPPROTO_TCP : p == P_UDP ? IPPROTO_UDP : p == P_SCTP ? IPPROTO_SCTP : PORT_ANY;
	if (n->idkind == ID_NUM) {
		v->port1 = v->port2 = n->num;
		v->port_proto = want;
	} else if (n->idkind != ID_NAME) {
		return FAIL(n, "'%s' modifier applied to %s", what, n->idkind == ID_MAC ? "ethernet address" : "IP address");
	} else {
		int real;
		if (n->q.addr == A_PORT) {
			int port;
			if (names_port(n->text, &port, &real))
				return FAIL(n, "unknown port '%s'", n->text);
			v->port1 = v->port2 = (uint32_t)port;
		} else {
			int lo, hi;
			if (names_portrange(n->text, &lo, &hi, &real))
				return FAIL(n, "unknown port in range '%s'", n->text);
			if (lo < 0 || hi < 0)
				return FAIL(n, "illegal port number %d < 0", lo < 0 ? lo : hi);
			v->port1 = (uint32_t)lo;
			v->port2 = (uint32_t)hi;
		}
		/* a service that exists only for tcp cannot be asked for on udp */
		if (want != PORT_ANY && real != PORT_ANY && real != want)
			return FAIL(n, "port '%s' is %s", n->text, real == IPPROTO_TCP ? "tcp" : real == IPPROTO_UDP ? "udp" : "sctp");
		v->port_proto = want != PORT_ANY ? want : real;
	}
	if (v->port1 > 65535 || v->port2 > 65535)
		return FAIL(n, "port number %u out of range 0-65535", v->port1 > 65535 ? v->port1 : v->port2);
	if (v->port1 > v->port2) {
		uint32_t t = v->port1;
		v->port1 = v->port2;
		v->port2 = t;
	}
	n->val = v;
	return 0;
}

static int id_proto(struct sema *s, struct ast *n)
{
	struct sema_val *v = newval(s, 0);
	if (n->idkind == ID_NUM) {
		v->proto = n->num;
	} else if (n->idkind == ID_NAME) {
		int p = n->q.proto, val;
		if (p == P_LINK) {
			if (names_ethertype(n->text, &val))
				return FAIL(n, "unknown ether proto '%s'", n->text);
		} else if (p == P_DEFAULT || p == P_IP || p == P_IP6) {
			if (names_ipproto(n->text, &val))
				return FAIL(n, "unknown ip proto '%s'", n->text);
		} else {
			return FAIL(n, "unknown protocol '%s' for '%s proto'", n->text, ast_proto_name(p));
		}
		v->proto = (uint32_t)val;
	} else {
		return FAIL(n, "'%s' modifier applied to an address", addr_word(n->q.addr));
	}
	n->val = v;
	return 0;
}

static int id_name_host(struct sema *s, struct ast *n)
{
	if (n->q.proto == P_LINK) {
		struct sema_val *v = newval(s, 0);
		if (names_ether_host(n->text, v->mac))
			return FAIL(n, "unknown ether host '%s'", n->text);
		n->val = v;
		return 0;
	}
	if (n->q.addr == A_NET) {
		uint32_t net;
		if (names_network(n->text, &net))
			return FAIL(n, "unknown network '%s'", n->text);
		uint32_t m = 0xffffffff;
		while (net && (net & 0xff000000) == 0)
			net <<= 8, m <<= 8;
		n->val = v4val(s, net, m);
		return 0;
	}
	struct sema_addr addrs[32];
	int k = names_host(n->text, addrs, 32);
	if (k <= 0)
		return FAIL(n, "unknown host '%s'", n->text);
	struct sema_val *v = newval(s, k);
	memcpy(v->addr, addrs, sizeof addrs[0] * (size_t)k);
	n->val = v;
	return 0;
}

/* A DECnet address: AREA.NODE as libpcap's __pcap_atodn reads it (6 bits
 * of area, 10 of node, the rest dropped), or a plain number as it is; with
 * a mask or prefix, libpcap reads it as an IPv4 network (16 bits count). */
static int id_decnet(struct sema *s, struct ast *n)
{
	if (n->idkind == ID_NAME)
		return FAIL(n, "DECnet names cannot be looked up: write AREA.NODE ('%s')", n->text);
	if (n->idkind == ID_NUM) {
		n->val = v4val(s, n->num, 0xffffffff);
		return 0;
	}
	if (n->idkind != ID_V4)
		return id_v4(s, n);
	const char *t = n->text;
	uint32_t area = 0, node = 0;
	while (*t >= '0' && *t <= '9')
		area = area * 10 + (uint32_t)(*t++ - '0');
	if (*t++ != '.' || !(*t >= '0' && *t <= '9'))
		return FAIL(n, "malformed DECnet address '%s'", n->text);
	while (*t >= '0' && *t <= '9')
		node = node * 10 + (uint32_t)(*t++ - '0');
	n->val = v4val(s, ((area << 10) & 0xfc00) | (node & 0x3ff), 0xffffffff);
	return 0;
}

/* addr1..addr4, ra, ta qualify 802.11 MAC addresses only. */
static int wlan_dir_misused(struct sema *s, struct ast *n, struct ast_qual q)
{
	static const char *const words[] = { [D_ADDR1] = "'addr1' and 'address1'", [D_ADDR2] = "'addr2' and 'address2'",
		[D_ADDR3] = "'addr3' and 'address3'", [D_ADDR4] = "'addr4' and 'address4'", [D_RA] = "'ra'", [D_TA] = "'ta'" };
	const char *what = q.addr == A_PORT || q.addr == A_PORTRANGE ? "ports" : "addresses other than 802.11 MAC addresses";
	return FAIL(n, "%s %s for %s", words[q.dir], q.dir >= D_RA ? "is not a valid qualifier" : "are not valid qualifiers", what);
}

/* type T [subtype S], subtype S, dir D: names and numbers to the bits of
 * the frame control field, checked as libpcap checks them. */
static int wlan_words(struct sema *s, struct ast *n)
{
	struct ast *t = n->l, *st = n->r;
	uint32_t v = 0, sv;
	if (n->kind == AST_WLAN_DIR) {
		if (t->idkind == ID_NAME && p80211_dir(t->text, &t->num))
			return FAIL(t, "unknown 802.11 direction '%s'", t->text);
		n->num = t->num;
		return 0;
	}
	if (t) {
		if (t->idkind == ID_NAME && p80211_type(t->text, &t->num))
			return FAIL(t, "unknown 802.11 type name \"%s\"", t->text);
		if (t->num & ~(uint32_t)P80211_TYPE_MASK)
			return FAIL(t, "invalid 802.11 type value 0x%02x", t->num);
		v = t->num;
	}
	if (st) {
		int r = 0;
		if (st->idkind == ID_NUM)
			sv = st->num;
		else if (t)
			r = p80211_subtype(v, st->text, &sv);
		else
			r = p80211_any_subtype(st->text, &sv);
		if (r == -2)
			return FAIL(t, "802.11 type 0x%02x has no subtype names", v);
		if (r)
			return FAIL(st, t ? "unknown 802.11 subtype name \"%s\"" : "unknown 802.11 type or subtype name \"%s\"", st->text);
		if (st->idkind == ID_NUM && (sv & ~(uint32_t)P80211_SUBTYPE_MASK))
			return FAIL(st, "invalid 802.11 subtype value 0x%02x", sv);
		v |= sv;
		n->has_num = 1;
	}
	n->num = v;
	return 0;
}

static int resolve_id_as(struct sema *s, struct ast *n, struct ast_qual q);

/* `link host $HH`: the value is what libpcap's parse of it makes, which
 * reads the `$` as a hex digit too (0xed, shifted out but for its low
 * nibble): 0xd0 or'ed with the first digit, whatever the second. */
static int id_arcnet(struct sema *s, struct ast *n, struct ast_qual q)
{
	(void)s;
	if (!((q.addr == A_HOST || q.addr == A_DEFAULT) && q.proto == P_LINK))
		return FAIL(n, "ARCnet address used in non-ARCnet expression: only `link host` takes one");
	char c = n->text[1];
	uint32_t d = c >= '0' && c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c | 0x20) - 'a' + 10);
	n->num = 0xd0 | d;
	return 0;
}

/* An id under its qualifiers; the 802.11 ones, after what else is wrong
 * (as libpcap checks them last), on MAC addresses only. */
static int resolve_id(struct sema *s, struct ast *n, struct ast_qual q)
{
	if (resolve_id_as(s, n, q))
		return -1;
	if (q.dir >= D_ADDR1 && q.dir <= D_TA && n->idkind != ID_MAC && !(n->idkind == ID_NAME && q.proto == P_LINK))
		return wlan_dir_misused(s, n, q);
	return 0;
}

static int resolve_id_as(struct sema *s, struct ast *n, struct ast_qual q)
{
	n->q = q;
	if (q.addr == A_UNDEF)
		return FAIL(n, "'%.*s' needs a qualifier such as host, net or port before it",
			    (int)(n->span.end - n->span.start), s->src + n->span.start);
	if (q.proto == P_UNSUP)
		return FAIL(n, "internal: a protocol word the scanner knows and ast.c does not");
	if (q.proto == P_RADIO)
		return FAIL(n, "'radio' qualifies no address: only radio[...] reads the radio header");
	/* libpcap 1.10.3 compiles `gateway` only when built without IPv6:
	 * built as everywhere, it refuses it, and so do we (the qualifier
	 * underlined, not the name) */
	if (q.addr == A_GATEWAY && n->idkind != ID_NAME)
		return FAIL(n, "'gateway' requires a name");
	if (q.addr == A_GATEWAY)
		return err_set(s->err, (int)q.span.start, (int)q.span.end,
			       "'gateway' is refused as libpcap 1.10.3 refuses it when built with IPv6 (\"not supported "
			       "in this configuration\"); write: ether host %s and not host %s", n->text, n->text);
	if (q.addr == A_PROTOCHAIN && q.proto != P_DEFAULT && q.proto != P_IP && q.proto != P_IP6)
		return err_set(s->err, (int)q.span.start, (int)q.span.end,
			       "bad protocol applied for 'protochain': only ip and ip6 have a header chain");
	switch (q.addr) {
	case A_PORT:
	case A_PORTRANGE:
		return id_port(s, n);
	case A_PROTO:
	case A_PROTOCHAIN:
		return id_proto(s, n);
	default:
		break;
	}
	if (q.proto == P_DECNET && (q.addr == A_DEFAULT || q.addr == A_HOST || q.addr == A_NET) &&
	    n->idkind != ID_V6 && n->idkind != ID_V6_LEN && n->idkind != ID_MAC)
		return id_decnet(s, n);
	switch (n->idkind) {
	case ID_NUM: case ID_V4: case ID_V4_LEN: case ID_V4_MASK:
		return id_v4(s, n);
	case ID_V6: case ID_V6_LEN:
		return id_v6(s, n);
	case ID_MAC: {
		if (!((q.addr == A_HOST || q.addr == A_DEFAULT) && q.proto == P_LINK))
			return FAIL(n, "ethernet address used in non-ether expression");
		struct sema_val *v = newval(s, 0);
		if (names_parse_mac(n->text, v->mac))
			return FAIL(n, "bogus ethernet address %s", n->text);
		n->val = v;
		return 0;
	}
	case ID_NAME:
		return id_name_host(s, n);
	case ID_ARC:
		return id_arcnet(s, n, q);
	}
	return 0;
}

/* Record where in the source order of vlan/mpls/pppoes the node stands:
 * each of those moves the offsets of everything written after it. */
static void stamp(const struct sema *s, struct ast *n)
{
	n->vlan_depth = (uint8_t)s->vlan;
	n->mpls_depth = (uint8_t)s->mpls;
	n->pppoes_depth = (uint8_t)s->pppoes;
	n->geneve_depth = (uint8_t)s->geneve;
	n->lane_depth = (uint8_t)(s->lane > 200 ? 200 : s->lane);
	n->label_depth = (uint8_t)(s->label > 200 ? 200 : s->label);
}

/* Of the protocol words (words.c, iso.c), the ones libpcap indexes: the
 * network layer after an ethertype. */
static int indexable(int proto)
{
	return proto == P_DECNET || proto == P_LAT || proto == P_SCA || proto == P_MOPRC || proto == P_MOPDL ||
	       proto == P_ATALK;
}

static int is_literal_zero(const struct ast *n)
{
	return n->kind == AST_NUM && n->num == 0;
}

/* Arithmetic: sizes, loads bpfx can index, division by a literal zero. */
static int check_arith(struct sema *s, struct ast *n)
{
	stamp(s, n);
	switch (n->kind) {
	case AST_NUM:
	case AST_LEN:
	case AST_TPLEN:
		return 0;
	case AST_NEG:
		return check_arith(s, n->l);
	case AST_LOAD:
		if (check_arith(s, n->l))
			return -1;
		stamp(s, n);
		if (n->num != 1 && n->num != 2 && n->num != 4)
			return FAIL(n, "%s[...:%u]: size must be 1, 2 or 4", ast_proto_name(n->proto), n->num);
		if (n->proto == P_UNSUP)
			return FAIL(n, "internal: a protocol word the scanner knows and ast.c does not");
		if (n->proto == P_AH || n->proto == P_ESP || (n->proto >= P_STP && n->proto <= P_PSNP && !indexable(n->proto)))
			return FAIL(n, "'%s[...]': unsupported index operation", ast_proto_name(n->proto));
		return 0;
	case AST_BINOP:
		if (check_arith(s, n->l) || check_arith(s, n->r))
			return -1;
		if (n->op == OP_DIV && is_literal_zero(n->r))
			return FAIL(n, "division by zero");
		if (n->op == OP_MOD && is_literal_zero(n->r))
			return FAIL(n, "modulus by zero");
		if ((n->op == OP_LSH || n->op == OP_RSH) && n->r->kind == AST_NUM && n->r->num > 31)
			return FAIL(n, "shift by more than 31 bits");
		return 0;
	default:
		return FAIL(n, "internal: not arithmetic");
	}
}

/* An and/or whose qualifiers pass straight through (no parentheses). */
static int is_chain(const struct ast *n)
{
	return n && (n->kind == AST_AND || n->kind == AST_OR) && !n->paren;
}

/* vlan, mpls, pppoes: the number, if given, fits its field; each one seen
 * is counted (the next one's offsets depend on how many came before). */
static int encap_layer(struct sema *s, const struct ast *n)
{
	static const struct {
		enum ast_kind kind;
		uint32_t max;            /* the field's largest value */
		const char *what;        /* its name in the message */
	} limits[] = {
		{ AST_VLAN, 4095, "VLAN tag" },                 /* 12-bit VID (IEEE 802.1Q) */
		{ AST_MPLS, 0xfffff, "MPLS label" },            /* 20 bits (RFC 3032) */
		{ AST_PPPOES, 0xffff, "PPPoE session number" }, /* 16 bits (RFC 2516) */
		{ AST_GENEVE, 0xffffff, "Geneve VNI" },         /* 24 bits (RFC 8926) */
	};
	int *seen[] = { &s->vlan, &s->mpls, &s->pppoes, &s->geneve };
	if (n->kind == AST_GENEVE) /* the offsets start over inside (and
				    * the link type is Ethernet again) */
		s->vlan = s->mpls = s->pppoes = 0;
	if (n->kind == AST_MPLS)
		s->label++;
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		if (limits[i].kind != n->kind)
			continue;
		if (n->has_num && n->num > limits[i].max)
			return FAIL(n, "%s %u greater than maximum %u", limits[i].what, n->num, limits[i].max);
		(*seen[i])++;
	}
	return 0;
}

/* Returns the qualifiers this node passes on to an id after it. */
static int resolve(struct sema *s, struct ast *n, struct ast_qual ctx, struct ast_qual *out)
{
	struct ast_qual mine = QERR;
	stamp(s, n);
	switch (n->kind) {
	case AST_AND:
	case AST_OR: {
		/* `a or b or c ...` leans left as deep as it is long: walk the
		 * left spine with a loop, recursing only into right operands */
		const struct ast *spine = n;
		size_t depth = 0;
		while (is_chain(spine->l)) {
			spine = spine->l;
			depth++;
		}
		struct ast **up = arena_alloc(s->a, sizeof *up * (depth + 1));
		struct ast *walk = n;
		for (size_t i = 0; i <= depth; i++, walk = walk->l)
			up[depth - i] = walk;
		struct ast_qual q;
		if (resolve(s, up[0]->l, ctx, &q))
			return -1;
		for (size_t i = 0; i <= depth; i++) {
			stamp(s, up[i]);
			if (resolve(s, up[i]->r, q, &q))
				return -1;
		}
		mine = q;
		break;
	}
	case AST_NOT:
		if (resolve(s, n->l, ctx, &mine))
			return -1;
		break;
	case AST_HEAD: {
		struct ast_qual dummy;
		if (resolve(s, n->l, n->q, &dummy))
			return -1;
		mine = n->q;
		break;
	}
	case AST_ID:
		if (resolve_id(s, n, ctx))
			return -1;
		mine = ctx;
		break;
	case AST_REL:
		if (check_arith(s, n->l) || check_arith(s, n->r))
			return -1;
		break;
	case AST_PROTO:
		if (n->proto == P_UNSUP)
			return FAIL(n, "internal: a protocol word the scanner knows and ast.c does not");
		if (n->proto == P_RADIO)
			return FAIL(n, "'radio' is no protocol to test for: only radio[...] reads the radio header");
		if (n->proto == P_LINK)
			return FAIL(n, "link layer applied in wrong context");
		break;
	case AST_VLAN:
	case AST_MPLS:
	case AST_PPPOES:
	case AST_GENEVE:
		if (encap_layer(s, n))
			return -1;
		break;
	case AST_PPPOED:
		break;
	case AST_LLC:
		if (n->text && names_llc(n->text, NULL, NULL) < 0)
			return FAIL(n, "unknown LLC type name '%s'", n->text);
		break;
	case AST_UNSUP:
		/* libpcap 1.10.3 has no such keyword: its parser takes the
		 * word for a name and then finds no rule */
		return FAIL(n, "syntax error: '%s' is not a primitive of libpcap 1.10.3 (it came in libpcap 1.11)", n->text);
	case AST_INBOUND: case AST_IFINDEX:
		break;
	case AST_ATM: /* after a `lane`, in source order, the frame is LANE's Ethernet */
		s->lane += n->num == AST_ATM_LANE;
		break;
	case AST_MTP2:
	case AST_PF:
		break;
	case AST_FIELD:
		if (n->num2 > ast_field_max(n->proto))
			return FAIL(n, "%s value %u too big; max value = %u", ast_field_name(n->proto), n->num2,
				    ast_field_max(n->proto));
		break;
	case AST_BYTE:
		if (n->op == OP_AND || n->op == OP_OR)
			return FAIL(n, "'byte %u %c %u' is refused: libpcap 1.10.3 compiles it without loading the byte, "
				       "so its verdict depends on the test before it; write ether[%u] %c %u != 0",
				    n->num, n->op == OP_AND ? '&' : '|', n->num2, n->num, n->op == OP_AND ? '&' : '|', n->num2);
		break;
	case AST_WLAN_TYPE: case AST_WLAN_DIR:
		if (wlan_words(s, n))
			return -1;
		break;
	case AST_BCAST: case AST_MCAST: case AST_LESS: case AST_GREATER:
		if (n->proto == P_UNSUP)
			return FAIL(n, "internal: a protocol word the scanner knows and ast.c does not");
		if (n->proto == P_RADIO)
			return FAIL(n, "'radio' has no broadcast or multicast: only radio[...] reads the radio header");
		break;
	default:
		return FAIL(n, "internal: unexpected node");
	}
	if (s->vlan > 200 || s->mpls > 200 || s->pppoes > 200 || s->geneve > 200)
		return FAIL(n, "too many vlan, mpls, pppoes or geneve primitives");
	/* A parenthesized expression passes on what stood before its '('. */
	*out = n->paren ? ctx : mine;
	return 0;
}

int sema_check(struct arena *a, const char *src, struct ast *root, struct bpfx_error *err)
{
	struct sema s = { .a = a, .src = src, .err = err };
	struct ast_qual out;
	if (!root)
		return 0;
	return resolve(&s, root, QERR, &out);
}
