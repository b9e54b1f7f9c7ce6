/* net.c: the network layer: protocol words, `proto N`, and host/net
 * addresses for IPv4 (and ARP/RARP, whose sender and target addresses
 * `host` also matches), IPv6 and Ethernet. */
#include "gen/gen.h"
#include "error.h"
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806
#define ETHERTYPE_REVARP 0x8035
#define ETHERTYPE_IPV6 0x86dd

/* X = length of the IPv4 header: ldxb 4*([nl]&0xf) */
void gen_iphdrlen(struct gen *g, struct cond *c)
{
	cond_ins(g, c, BPF_LDX | BPF_MSH | BPF_B, gen_off_linkpl(g));
}

/* Not a fragment after the first: fragment offset bits all zero. */
struct cond *gen_ipfrag(struct gen *g)
{
	return cond_not(g, cond_cmp(g, gen_off_linkpl(g) + 6, 2, BPF_JSET, 0x1fff, 0xffffffff));
}

/* ip proto N, ip6 proto N (directly or behind one fragment header),
 * proto N (either), ether proto N. */
struct cond *gen_proto(struct gen *g, uint32_t v, int proto, int dir)
{
	if (dir != D_DEFAULT)
		return GEN_FAIL(g, "direction applied to 'proto'");
	switch (proto) {
	case P_DEFAULT:
		if (ip6w_on(g)) /* the walk first: ip6walk.c */
			return cond_or(g, gen_proto(g, v, P_IP6, dir), gen_proto(g, v, P_IP, dir));
		return cond_or(g, gen_proto(g, v, P_IP, dir), gen_proto(g, v, P_IP6, dir));
	case P_LINK:
		return gen_linktype(g, v);
	case P_IP:
		return cond_and(g, gen_linktype(g, ETHERTYPE_IP), cond_cmp(g, gen_off_linkpl(g) + 9, 1, BPF_JEQ, v, 0xffffffff));
	case P_IP6:
		if (ip6w_on(g) && !ip6w_is_ext(v))
			return ip6w_proto(g, v);
		return cond_and(g, gen_linktype(g, ETHERTYPE_IPV6),
			     cond_or(g, cond_cmp(g, gen_off_linkpl(g) + 6, 1, BPF_JEQ, v, 0xffffffff),
				  cond_and(g, cond_cmp(g, gen_off_linkpl(g) + 6, 1, BPF_JEQ, IPPROTO_FRAGMENT, 0xffffffff),
					cond_cmp(g, gen_off_linkpl(g) + 40, 1, BPF_JEQ, v, 0xffffffff))));
	case P_ARP:
	case P_RARP:
	case P_LAT: case P_SCA: case P_MOPRC: case P_MOPDL:
		return GEN_FAIL(g, "%s does not encapsulate another protocol", ast_proto_name(proto));
	case P_DECNET:
	case P_ATALK:
		return GEN_FAIL(g, "%s: its encapsulation is not specifiable", ast_proto_name(proto));
	case P_ISO: case P_ISIS: case P_CLNP: case P_ESIS: case P_L1: case P_L2: case P_IIH:
	case P_LSP: case P_SNP: case P_CSNP: case P_PSNP: case P_STP: case P_IPX: case P_NETBEUI: case P_AARP:
		return gen_iso_proto(g, v, proto);
	default:
		return GEN_FAIL(g, "'%s proto' is bogus", ast_proto_name(proto));
	}
}

/* Bare protocol words (pcap-filter(7): "abbreviations"). */
struct cond *gen_proto_abbrev(struct gen *g, int proto)
{
	switch (proto) {
	case P_IP: return gen_linktype(g, ETHERTYPE_IP);
	case P_IP6: return gen_linktype(g, ETHERTYPE_IPV6);
	case P_ARP: return gen_linktype(g, ETHERTYPE_ARP);
	case P_RARP: return gen_linktype(g, ETHERTYPE_REVARP);
	case P_TCP: return gen_proto(g, IPPROTO_TCP, P_DEFAULT, D_DEFAULT);
	case P_UDP: return gen_proto(g, IPPROTO_UDP, P_DEFAULT, D_DEFAULT);
	case P_SCTP: return gen_proto(g, IPPROTO_SCTP, P_DEFAULT, D_DEFAULT);
	case P_PIM: return gen_proto(g, IPPROTO_PIM, P_DEFAULT, D_DEFAULT);
	case P_AH: return gen_proto(g, IPPROTO_AH, P_DEFAULT, D_DEFAULT);
	case P_ESP: return gen_proto(g, IPPROTO_ESP, P_DEFAULT, D_DEFAULT);
	case P_ICMP: return gen_proto(g, IPPROTO_ICMP, P_IP, D_DEFAULT);
	case P_IGMP: return gen_proto(g, IPPROTO_IGMP, P_IP, D_DEFAULT);
	case P_IGRP: return gen_proto(g, 9, P_IP, D_DEFAULT);
	case P_VRRP: return gen_proto(g, 112, P_IP, D_DEFAULT);
	case P_CARP: return gen_proto(g, 112, P_IP, D_DEFAULT);
	case P_ICMP6: return gen_proto(g, IPPROTO_ICMPV6, P_IP6, D_DEFAULT);
	default: return gen_word(g, proto);
	}
}

/* Source or destination address field at src/dst offsets, per direction. */
typedef struct cond *(*addr_fn)(struct gen *g, const struct sema_addr *a, uint32_t ethertype, uint32_t off);

static struct cond *by_dir(struct gen *g, int dir, addr_fn fn, const struct sema_addr *a,
			   uint32_t type, uint32_t src, uint32_t dst)
{
	switch (dir) {
	case D_SRC: return fn(g, a, type, src);
	case D_DST: return fn(g, a, type, dst);
	case D_AND: return cond_and(g, fn(g, a, type, src), fn(g, a, type, dst));
	default: return cond_or(g, fn(g, a, type, src), fn(g, a, type, dst));
	}
}

static struct cond *v4_at(struct gen *g, const struct sema_addr *a, uint32_t type, uint32_t off)
{
	return cond_and(g, gen_linktype(g, type), cond_cmp(g, gen_off_linkpl(g) + off, 4, BPF_JEQ, a->v4, a->mask4));
}

/* IPv6: four words, first to last, each masked (even by 0, as libpcap). */
static struct cond *v6_at(struct gen *g, const struct sema_addr *a, uint32_t type, uint32_t off)
{
	struct cond *w[4];
	for (int i = 0; i < 4; i++) {
		const uint8_t *p = a->v6 + 4 * i, *m = a->mask6 + 4 * i;
		uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
		uint32_t mk = (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 | (uint32_t)m[2] << 8 | m[3];
		w[i] = cond_cmp(g, gen_off_linkpl(g) + off + 4 * (uint32_t)i, 4, BPF_JEQ, v & mk, mk);
	}
	return cond_and(g, gen_linktype(g, type), cond_and(g, w[0], cond_and(g, w[1], cond_and(g, w[2], w[3]))));
}

static struct cond *host4(struct gen *g, const struct sema_addr *a, int proto, int dir, const char *what)
{
	switch (proto) {
	case P_DEFAULT: {
		struct cond *c = by_dir(g, dir, v4_at, a, ETHERTYPE_IP, 12, 16);
		if (g->label > 0) /* below MPLS, only IPv4 can carry it */
			return c;
		c = cond_or(g, c, by_dir(g, dir, v4_at, a, ETHERTYPE_ARP, 14, 24));
		return cond_or(g, c, by_dir(g, dir, v4_at, a, ETHERTYPE_REVARP, 14, 24));
	}
	case P_IP: return by_dir(g, dir, v4_at, a, ETHERTYPE_IP, 12, 16);
	case P_ARP: return by_dir(g, dir, v4_at, a, ETHERTYPE_ARP, 14, 24);
	case P_RARP: return by_dir(g, dir, v4_at, a, ETHERTYPE_REVARP, 14, 24);
	case P_LINK: return GEN_FAIL(g, "link-layer modifier applied to %s", what);
	case P_IP6: return GEN_FAIL(g, "'ip6' modifier applied to ip %s", what);
	default: return GEN_FAIL(g, "'%s' modifier applied to %s", ast_proto_name(proto), what);
	}
}

static struct cond *host6(struct gen *g, const struct sema_addr *a, int proto, int dir, const char *what)
{
	if (proto == P_DEFAULT || proto == P_IP6)
		return by_dir(g, dir, v6_at, a, ETHERTYPE_IPV6, 8, 24);
	if (proto == P_LINK)
		return GEN_FAIL(g, "link-layer modifier applied to ip6 %s", what);
	return GEN_FAIL(g, "'%s' modifier applied to ip6 %s", ast_proto_name(proto), what);
}

/* host/net/bare address.  A name may stand for several addresses, IPv4
 * and IPv6: each is tested, in resolver order; `ip host NAME` skips the
 * IPv6 ones and `ip6 host NAME` the IPv4 ones. */
struct cond *gen_addr(struct gen *g, const struct ast *id)
{
	const struct sema_val *v = id->val;
	int proto = id->q.proto, dir = id->q.dir;
	const char *what = id->q.addr == A_NET ? "net" : "host";
	if (id->idkind == ID_ARC)
		return gen_ahost(g, (uint8_t)id->num, dir);
	if (id->idkind == ID_MAC || (id->idkind == ID_NAME && proto == P_LINK))
		return gen_ehost(g, v->mac, dir);
	/* sema left a DECnet address in v4 (16 bits of it count); an IPv6
	 * literal falls through to host6, which refuses it as libpcap does */
	if (proto == P_DECNET && v->addr[0].family == AF_INET)
		return gen_dnhost(g, (uint16_t)v->addr[0].v4, dir);
	struct cond *c = 0;
	for (int i = 0; i < v->naddr; i++) {
		const struct sema_addr *a = &v->addr[i];
		struct cond *t;
		if (a->family == AF_INET) {
			if (id->idkind == ID_NAME && proto == P_IP6)
				continue;
			/* a link header without a type field: a name's IPv4
			 * addresses are IP's only, as in libpcap (BACnet) */
			int p4 = id->idkind == ID_NAME && proto == P_DEFAULT && g->lt->off_type < 0 ? P_IP : proto;
			t = host4(g, a, p4, dir, what);
		} else {
			if (id->idkind == ID_NAME && proto == P_IP)
				continue;
			t = host6(g, a, proto, dir, what);
		}
		if (!t)
			return 0;
		c = c ? cond_or(g, c, t) : t;
	}
	if (!c)
		return GEN_FAIL(g, "unknown host '%s' for specified address family", id->text);
	return c;
}
