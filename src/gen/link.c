/* link.c: the link layer: protocol-type tests per link type, Ethernet
 * addresses, broadcast/multicast, and libpcap's vlan/mpls/pppoes offset
 * shifting (each `vlan` moves every later offset by 4 bytes, each `mpls`
 * moves the network layer by 4, in source order, whatever the and/or
 * around them; `pppoes` makes the PPP header inside a PPPoE session frame
 * the link header of everything after it). */
#include "gen/gen.h"
#include "error.h"
#include "names.h"
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define ETHERMTU 1500
#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_IPV6 0x86dd
#define ETHERTYPE_MPLS 0x8847

#define ETHERTYPE_PPPOED 0x8863
#define ETHERTYPE_PPPOES 0x8864
#define PPPOE_HDRLEN 6 /* ver/type, code, session id, length */
#define PPP_MPLS_UCAST 0x0281

/* After n `pppoes`, the link header is the PPP protocol field of the
 * innermost session: each pppoes puts it 6 bytes past the payload before
 * it, and the payload 2 bytes past that.  (A vlan after a pppoes is an
 * error, so all vlans count; an mpls before one is an error too.) */
uint32_t gen_off_linkhdr(const struct gen *g)
{
	if (!g->pppoes)
		return 0;
	return g->lt->off_nl + 4u * (uint32_t)g->vlan + PPPOE_HDRLEN + (PPPOE_HDRLEN + 2u) * (uint32_t)(g->pppoes - 1);
}

uint32_t gen_off_linktype(const struct gen *g)
{
	if (g->pppoes)
		return gen_off_linkhdr(g);
	return (uint32_t)g->lt->off_type + 4u * (uint32_t)g->vlan;
}

uint32_t gen_off_linkpl(const struct gen *g)
{
	if (g->pppoes)
		return gen_off_linkhdr(g) + 2u + 4u * (uint32_t)g->mpls;
	return g->lt->off_nl + 4u * (uint32_t)g->vlan + 4u * (uint32_t)g->mpls;
}

/* Inside a PPPoE session the type is a PPP protocol number: libpcap maps
 * the ethertypes (and the SAPs) that have one, and compares the others as
 * they are. */
static struct cond *ppp_linktype(struct gen *g, uint32_t type)
{
	static const struct { uint32_t ether, ppp; } map[] = {
		{ 0x0800, 0x0021 }, /* IPv4 */
		{ 0x86dd, 0x0057 }, /* IPv6 */
		{ 0x6003, 0x0027 }, /* DECnet */
		{ 0x809b, 0x0029 }, /* AppleTalk */
		{ 0x0600, 0x0025 }, /* XNS */
		{ 0x00fe, 0x0023 }, /* ISO (SAP) -> OSI */
		{ 0x0042, 0x0031 }, /* 802.1D spanning tree (SAP) -> bridging PDU */
		{ 0x00e0, 0x002b }, /* IPX (SAP) */
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].ether == type) {
			type = map[i].ppp;
			break;
		}
	return cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, type, 0xffffffff);
}

static int is_ether(const struct gen *g)
{
	return g->lt->kind == LT_ETHER && !g->pppoes;
}

/* Below an MPLS label stack the only hint of the payload is the last
 * label's bottom-of-stack bit and the IP version nibble. */
static struct cond *mpls_linktype(struct gen *g, uint32_t type)
{
	uint32_t ver = type == ETHERTYPE_IP ? 0x40 : type == ETHERTYPE_IPV6 ? 0x60 : 0;
	if (!ver)
		return GEN_FAIL(g, "unsupported protocol over mpls");
	return cond_and(g, cond_cmp(g, gen_off_linkpl(g) - 2, 1, BPF_JEQ, 0x01, 0x01),
		     cond_cmp(g, gen_off_linkpl(g), 1, BPF_JEQ, ver, 0xf0));
}

/* Ethernet: a type field above 1500 is an ethertype; at or below, a length
 * followed by an 802.2 LLC header whose DSAP names the protocol. */
static struct cond *ether_linktype(struct gen *g, uint32_t type)
{
	uint32_t off = gen_off_linktype(g);
	switch (type) {
	case 0xfe: /* ISO */
	case 0x06: /* IP over LLC */
	case 0xf0: /* NetBEUI: these always use 802.2, so DSAP and SSAP */
		return cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
			     cond_cmp(g, off + 2, 2, BPF_JEQ, type << 8 | type, 0xffffffff));
	case 0xe0:   /* IPX */
	case 0x809b: /* AppleTalk */
	case 0x80f3: /* AARP */
		return GEN_FAIL(g, "ether proto 0x%x is not supported by bpfx yet", type);
	}
	if (type <= ETHERMTU)
		return cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
			     cond_cmp(g, off + 2, 1, BPF_JEQ, type, 0xffffffff));
	return cond_cmp(g, off, 2, BPF_JEQ, type, 0xffffffff);
}

/* Linux cooked v1: protocol 4 (LINUX_SLL_P_802_2) means an 802.2 LLC
 * header follows, whose DSAP (or DSAP and SSAP) names the protocol. */
static struct cond *sll_linktype(struct gen *g, uint32_t type)
{
	uint32_t off = gen_off_linktype(g);
	switch (type) {
	case 0xfe:
	case 0x06:
	case 0xf0:
		return cond_and(g, cond_cmp(g, off, 2, BPF_JEQ, 4, 0xffffffff),
			     cond_cmp(g, off + 2, 2, BPF_JEQ, type << 8 | type, 0xffffffff));
	case 0xe0:
	case 0x809b:
	case 0x80f3:
		return GEN_FAIL(g, "ether proto 0x%x on %s is not supported by bpfx yet", type, g->lt->descr);
	}
	if (type <= ETHERMTU)
		return cond_and(g, cond_cmp(g, off, 2, BPF_JEQ, 4, 0xffffffff),
			     cond_cmp(g, off + 2, 1, BPF_JEQ, type, 0xffffffff));
	return cond_cmp(g, off, 2, BPF_JEQ, type, 0xffffffff);
}

/* One AF_ value in the 4-byte loopback header.  DLT_NULL holds it in the
 * writer's byte order: ours, or swapped when the file says so. */
static struct cond *loop_af(struct gen *g, uint32_t af, int host_order)
{
	if (host_order && g->savefile && g->swapped)
		af = __builtin_bswap32(af);
	return cond_cmp(g, 0, 4, BPF_JEQ, host_order ? htonl(af) : af, 0xffffffff);
}

/* BSD loopback: an AF_ value where the others have an ethertype.  AF_INET
 * is 2 everywhere; AF_INET6 is not, so a capture file may hold any of the
 * BSDs' values (24, 28, 30), while a live capture holds this host's. */
static struct cond *loop_linktype(struct gen *g, uint32_t type, int host_order)
{
	if (type == ETHERTYPE_IP)
		return loop_af(g, AF_INET, host_order);
	if (type != ETHERTYPE_IPV6)
		return cond_false(g);
	if (!g->savefile)
		return loop_af(g, AF_INET6, host_order);
	return cond_or(g, loop_af(g, 30, host_order), cond_or(g, loop_af(g, 24, host_order), loop_af(g, 28, host_order)));
}

/* Raw IP: the version nibble is all there is. */
static struct cond *raw_linktype(struct gen *g, uint32_t type)
{
	if (type == ETHERTYPE_IP)
		return cond_cmp(g, 0, 1, BPF_JEQ, 0x40, 0xf0);
	if (type == ETHERTYPE_IPV6)
		return cond_cmp(g, 0, 1, BPF_JEQ, 0x60, 0xf0);
	return cond_false(g);
}

struct cond *gen_linktype(struct gen *g, uint32_t type)
{
	if (g->mpls > 0)
		return mpls_linktype(g, type);
	if (g->pppoes > 0)
		return ppp_linktype(g, type);
	switch (g->lt->kind) {
	case LT_ETHER:
		return ether_linktype(g, type);
	case LT_SLL:
		return sll_linktype(g, type);
	case LT_SLL2: /* libpcap 1.10 compares the protocol field as is */
		return cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, type, 0xffffffff);
	case LT_NULL:
		return loop_linktype(g, type, 1);
	case LT_LOOP:
		return loop_linktype(g, type, 0);
	case LT_RAW:
		return raw_linktype(g, type);
	case LT_IPV4:
		return type == ETHERTYPE_IP ? cond_true(g) : cond_false(g);
	case LT_IPV6:
		return type == ETHERTYPE_IPV6 ? cond_true(g) : cond_false(g);
	}
	return GEN_FAIL(g, "internal: unknown link kind");
}

/* Compare 6 bytes at off, last word first, as libpcap's gen_bcmp does. */
static struct cond *mac_at(struct gen *g, uint32_t off, const uint8_t m[6])
{
	uint32_t w = (uint32_t)m[2] << 24 | (uint32_t)m[3] << 16 | (uint32_t)m[4] << 8 | m[5];
	return cond_and(g, cond_cmp(g, off + 2, 4, BPF_JEQ, w, 0xffffffff),
		     cond_cmp(g, off, 2, BPF_JEQ, (uint32_t)m[0] << 8 | m[1], 0xffffffff));
}

struct cond *gen_ehost(struct gen *g, const uint8_t mac[6], int dir)
{
	if (!is_ether(g))
		return GEN_FAIL(g, "ethernet addresses supported only on ethernet (this is %s)",
				g->pppoes ? "PPP inside PPPoE" : g->lt->descr);
	switch (dir) {
	case D_SRC:
		return mac_at(g, 6, mac);
	case D_DST:
		return mac_at(g, 0, mac);
	case D_AND:
		return cond_and(g, mac_at(g, 6, mac), mac_at(g, 0, mac));
	default:
		return cond_or(g, mac_at(g, 6, mac), mac_at(g, 0, mac));
	}
}

struct cond *gen_bcast(struct gen *g, int proto)
{
	static const uint8_t all[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	if (proto == P_DEFAULT || proto == P_LINK) {
		if (!is_ether(g))
			return GEN_FAIL(g, "not a broadcast link");
		return mac_at(g, 0, all);
	}
	if (proto == P_IP) {
		/* with tcpdump's netmask for files (0), the host part is all 32
		 * bits: all zeros or all ones */
		return cond_and(g, gen_linktype(g, ETHERTYPE_IP),
			     cond_or(g, cond_cmp(g, gen_off_linkpl(g) + 16, 4, BPF_JEQ, 0, 0xffffffff),
				  cond_cmp(g, gen_off_linkpl(g) + 16, 4, BPF_JEQ, 0xffffffff, 0xffffffff)));
	}
	return GEN_FAIL(g, "only link-layer/IP broadcast filters supported");
}

struct cond *gen_mcast(struct gen *g, int proto)
{
	if (proto == P_DEFAULT || proto == P_LINK) {
		if (!is_ether(g))
			return GEN_FAIL(g, "link-layer multicast filters supported only on ethernet");
		/* the group bit: least significant bit of the first octet */
		return cond_cmp(g, 0, 1, BPF_JSET, 1, 0xffffffff);
	}
	if (proto == P_IP) /* 224.0.0.0/4 and above, as libpcap tests it */
		return cond_and(g, gen_linktype(g, ETHERTYPE_IP), cond_cmp(g, gen_off_linkpl(g) + 16, 1, BPF_JGE, 224, 0xffffffff));
	if (proto == P_IP6) /* ff00::/8 */
		return cond_and(g, gen_linktype(g, ETHERTYPE_IPV6), cond_cmp(g, gen_off_linkpl(g) + 24, 1, BPF_JEQ, 255, 0xffffffff));
	return GEN_FAIL(g, "only link-layer/IP/IPv6 multicast filters supported");
}

/* vlan [id]: any of the 802.1Q, 802.1ad and old QinQ TPIDs; sema counted
 * the vlans before this one, and the ones after it see us in their depth. */
struct cond *gen_vlan(struct gen *g, const struct ast *n)
{
	if (g->mpls > 0)
		return GEN_FAIL(g, "no VLAN match after MPLS");
	if (!is_ether(g))
		return GEN_FAIL(g, "no VLAN support for %s", g->pppoes ? "PPP" : g->lt->descr);
	uint32_t off = gen_off_linktype(g);
	struct cond *c = cond_or(g, cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 0x8100, 0xffffffff),
				      cond_cmp(g, off, 2, BPF_JEQ, 0x88a8, 0xffffffff)),
			      cond_cmp(g, off, 2, BPF_JEQ, 0x9100, 0xffffffff));
	if (n->has_num)
		c = cond_and(g, c, cond_cmp(g, gen_off_linkpl(g), 2, BPF_JEQ, n->num, 0x0fff));
	return c;
}

/* mpls [label]: the first checks the ethertype, later ones that the label
 * before them was not the bottom of the stack. */
struct cond *gen_mpls(struct gen *g, const struct ast *n)
{
	struct cond *c;
	if (g->mpls > 0)
		c = cond_cmp(g, gen_off_linkpl(g) - 4 + 2, 1, BPF_JEQ, 0, 0x01);
	else if (g->pppoes > 0)
		c = cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, PPP_MPLS_UCAST, 0xffffffff);
	else if (g->lt->kind == LT_ETHER)
		c = cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, ETHERTYPE_MPLS, 0xffffffff);
	else
		return GEN_FAIL(g, "no MPLS support for %s", g->lt->descr);
	if (n->has_num)
		c = cond_and(g, c, cond_cmp(g, gen_off_linkpl(g), 4, BPF_JEQ, n->num << 12, 0xfffff000));
	return c;
}

/* pppoed: a discovery frame, by its type alone. */
struct cond *gen_pppoed(struct gen *g)
{
	return gen_linktype(g, ETHERTYPE_PPPOED);
}

/* pppoes [id]: a session frame, with that session id (the low 16 bits of
 * the word at the payload, as libpcap tests it); sema counted it, so what
 * follows sees the PPP header inside as its link header. */
struct cond *gen_pppoes(struct gen *g, const struct ast *n)
{
	struct cond *c = gen_linktype(g, ETHERTYPE_PPPOES);
	if (c && n->has_num)
		c = cond_and(g, c, cond_cmp(g, gen_off_linkpl(g), 4, BPF_JEQ, n->num, 0xffff));
	return c;
}

/* llc [type]: an 802.3 frame (a length where the type would be) that is
 * not raw NetWare (0xffff where its LLC header would start), and, given a
 * type, the LLC control byte after DSAP and SSAP.  The offsets move with
 * vlan, not with mpls (as libpcap's do); other link types refuse, as
 * libpcap does for ours. */
struct cond *gen_llc(struct gen *g, const struct ast *n)
{
	if (!is_ether(g))
		return GEN_FAIL(g, "'llc' not supported for %s", g->pppoes ? "PPP" : g->lt->descr);
	uint32_t off = gen_off_linktype(g), value, mask;
	struct cond *c = cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
			       cond_not(g, cond_cmp(g, off + 2, 2, BPF_JEQ, 0xffff, 0xffffffff)));
	if (n->text && names_llc(n->text, &value, &mask) == 0)
		c = cond_and(g, c, mask == 0x01 ? cond_not(g, cond_cmp(g, off + 4, 1, BPF_JSET, 1, 0xffffffff)) /* I */
					     : cond_cmp(g, off + 4, 1, BPF_JEQ, value, mask));
	return c;
}

/* Linux's packet metadata, which a live socket filter reads through the
 * kernel's ancillary offsets (SKF_AD_OFF + SKF_AD_PKTTYPE, + SKF_AD_IFINDEX).
 * libpcap emits those when compiling for a live capture; in a capture file
 * they do not exist, so there it refuses, and so do we.  Cooked captures
 * carry the packet type (and SLL2 the interface index) in their header. */
#define SKF_AD_OFF 0xfffff000u
#define SKF_AD_PKTTYPE 4
#define SKF_AD_IFINDEX 8
#define PACKET_OUTGOING 4 /* packet type: sent by this host (sll(7)) */

struct cond *gen_inbound(struct gen *g, int outbound)
{
	struct cond *c;
	if (g->pppoes) /* libpcap adds the PPP header's offset to the metadata's */
		return GEN_FAIL(g, "inbound/outbound after pppoes is not supported by bpfx yet");
	if (g->lt->kind == LT_SLL)
		c = cond_cmp(g, 0, 2, BPF_JEQ, PACKET_OUTGOING, 0xffffffff);
	else if (g->lt->kind == LT_SLL2)
		c = cond_cmp(g, 10, 1, BPF_JEQ, PACKET_OUTGOING, 0xffffffff);
	else if (g->savefile)
		return GEN_FAIL(g, "inbound/outbound not supported on %s when reading capture files", g->lt->descr);
	else
		c = cond_cmp(g, SKF_AD_OFF + SKF_AD_PKTTYPE, 2, BPF_JEQ, PACKET_OUTGOING, 0xffffffff);
	return outbound ? c : cond_not(g, c);
}

struct cond *gen_ifindex(struct gen *g, uint32_t ifindex)
{
	if (g->pppoes)
		return GEN_FAIL(g, "ifindex after pppoes is not supported by bpfx yet");
	if (g->lt->kind == LT_SLL2)
		return cond_cmp(g, 4, 4, BPF_JEQ, ifindex, 0xffffffff);
	if (g->savefile)
		return GEN_FAIL(g, "ifindex not supported on %s when reading capture files", g->lt->descr);
	return cond_cmp(g, SKF_AD_OFF + SKF_AD_IFINDEX, 4, BPF_JEQ, ifindex, 0xffffffff);
}
