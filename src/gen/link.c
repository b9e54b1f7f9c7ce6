/* link.c: the link layer: protocol-type tests per link type, Ethernet
 * addresses, broadcast/multicast, and libpcap's vlan/mpls/pppoes offset
 * shifting (each `vlan` moves every later offset by 4 bytes, each `mpls`
 * moves the network layer by 4, in source order, whatever the and/or
 * around them; `pppoes` makes the PPP header inside a PPPoE session frame
 * the link header of everything after it). */
#include "gen/gen.h"
#include "error.h"
#include "isa.h"
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
/* 802.11's variable offsets are windows (gen.h): the link header is one
 * behind a radio header, the payload always. */
static uint32_t var_hdr(const struct gen *g)
{
	return g->lt->kind == LT_WLAN && g->lt->wlan_hdr != LTW_NONE ? WLAN_VAR_HDR : 0;
}

static uint32_t var_pl(const struct gen *g)
{
	return gen_var_pl(g) ? WLAN_VAR_PL : 0;
}

uint32_t gen_off_linkhdr(const struct gen *g)
{
	if (!g->pppoes)
		return var_hdr(g) + g->lt->off_linkhdr;
	return kvlan_off(g, var_pl(g) + g->lt->off_nl + 4u * (uint32_t)g->vlan + PPPOE_HDRLEN + (PPPOE_HDRLEN + 2u) * (uint32_t)(g->pppoes - 1));
}

uint32_t gen_off_linktype(const struct gen *g)
{
	if (g->pppoes)
		return gen_off_linkhdr(g);
	return kvlan_off(g, var_pl(g) + (uint32_t)g->lt->off_type + 4u * (uint32_t)g->vlan);
}

uint32_t gen_off_linkpl(const struct gen *g)
{
	if (g->pppoes)
		return gen_off_linkhdr(g) + 2u + 4u * (uint32_t)g->mpls;
	return kvlan_off(g, var_pl(g) + g->lt->off_nl + 4u * (uint32_t)g->vlan + 4u * (uint32_t)g->mpls);
}

/* On PPP links and inside a PPPoE session the type is a PPP protocol
 * number: libpcap maps the ethertypes (and the SAPs) that have one, and
 * compares the others as they are. */
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

/* Has the link header MAC addresses (Ethernet, FDDI, token ring)? */
static int has_mac(const struct gen *g)
{
	return g->lt->off_mac >= 0 && !g->pppoes;
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

/* IPX and AppleTalk on 802.2: SNAP with their OUI and ethertype (the
 * LLC header at llc: AA AA 03, the OUI, the type; compared last word
 * first, as libpcap does); IPX also by its DSAP 0xe0 and (on Ethernet)
 * Novell's raw 802.3, whose payload starts 0xffff. */
static struct cond *snap_is(struct gen *g, uint32_t llc, uint32_t oui, uint32_t type)
{
	return cond_and(g, cond_cmp(g, llc + 4, 4, BPF_JEQ, (oui & 0xff) << 16 | type, 0xffffffff),
		     cond_cmp(g, llc, 4, BPF_JEQ, 0xaaaa0300 | oui >> 16, 0xffffffff));
}

static struct cond *llc_ipx_atalk(struct gen *g, uint32_t llc, uint32_t type, int sll)
{
	if (type == 0xe0) {
		struct cond *snap = snap_is(g, llc, 0, 0x8137), *sap = cond_cmp(g, llc, 1, BPF_JEQ, 0xe0, 0xffffffff);
		if (sll)
			return cond_or(g, sap, snap);
		return cond_or(g, snap, cond_or(g, sap, cond_cmp(g, llc, 2, BPF_JEQ, 0xffff, 0xffffffff)));
	}
	/* AppleTalk Phase 2 with Apple's OUI 08:00:07; AARP with OUI 0 */
	return type == 0x809b ? snap_is(g, llc, 0x080007, 0x809b) : snap_is(g, llc, 0, 0x80f3);
}

/* An 802.2 LLC header at llc for SAP type: ISO, IP over LLC and NetBEUI
 * always use 802.2, so by DSAP and SSAP; any other SAP by its DSAP. */
static struct cond *llc_sap(struct gen *g, uint32_t llc, uint32_t type)
{
	if (type == 0xfe || type == 0x06 || type == 0xf0)
		return cond_cmp(g, llc, 2, BPF_JEQ, type << 8 | type, 0xffffffff);
	return cond_cmp(g, llc, 1, BPF_JEQ, type, 0xffffffff);
}

/* The 802.2 LLC header after an Ethernet length field: 2 bytes past it,
 * except inside a geneve, where libpcap reads it at the link payload
 * (src/gen/geneve.c; the two differ when no Ethernet header is inside). */
static uint32_t llc_off(const struct gen *g)
{
	return g->geneve ? g->lt->off_nl + 4u * (uint32_t)g->vlan : gen_off_linktype(g) + 2;
}

/* Ethernet: a type field above 1500 is an ethertype; at or below, a length
 * followed by an 802.2 LLC header whose DSAP names the protocol. */
static struct cond *ether_linktype(struct gen *g, uint32_t type)
{
	uint32_t off = gen_off_linktype(g), llc = llc_off(g);
	switch (type) {
	case 0xfe: /* ISO */
	case 0x06: /* IP over LLC */
	case 0xf0: /* NetBEUI: these always use 802.2, so DSAP and SSAP */
		return cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
			     cond_cmp(g, llc, 2, BPF_JEQ, type << 8 | type, 0xffffffff));
	case 0xe0:   /* IPX: ethertype 0x8137, or on 802.2 */
	case 0x809b: /* AppleTalk */
	case 0x80f3: /* AARP */
		return cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, type == 0xe0 ? 0x8137 : type, 0xffffffff),
			    cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
				     llc_ipx_atalk(g, llc, type, 0)));
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
	case 0xe0: /* IPX: also protocol 1 (LINUX_SLL_P_802_3, Novell's raw 802.3) */
		return cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 0x8137, 0xffffffff),
			    cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 1, 0xffffffff),
				    cond_and(g, cond_cmp(g, off, 2, BPF_JEQ, 4, 0xffffffff),
					     llc_ipx_atalk(g, off + 2, type, 1))));
	case 0x809b:
	case 0x80f3:
		return cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, type, 0xffffffff),
			    cond_and(g, cond_cmp(g, off, 2, BPF_JEQ, 4, 0xffffffff), llc_ipx_atalk(g, off + 2, type, 1)));
	}
	if (type <= ETHERMTU)
		return cond_and(g, cond_cmp(g, off, 2, BPF_JEQ, 4, 0xffffffff), llc_sap(g, off + 2, type));
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

/* Raw IP: the version nibble is all there is.  (SLIP has no type field
 * either, and libpcap tests the same nibble at the same offset 0, which on
 * SLIP is the link header's first byte, not IP's: so do we.) */
static struct cond *raw_linktype(struct gen *g, uint32_t type)
{
	if (type == ETHERTYPE_IP)
		return cond_cmp(g, 0, 1, BPF_JEQ, 0x40, 0xf0);
	if (type == ETHERTYPE_IPV6)
		return cond_cmp(g, 0, 1, BPF_JEQ, 0x60, 0xf0);
	return cond_false(g);
}

static struct cond *null_linktype(struct gen *g, uint32_t type)
{
	return loop_linktype(g, type, 1);
}

static struct cond *loopnet_linktype(struct gen *g, uint32_t type)
{
	return loop_linktype(g, type, 0);
}

static struct cond *ipv4_linktype(struct gen *g, uint32_t type)
{
	return type == ETHERTYPE_IP ? cond_true(g) : cond_false(g);
}

static struct cond *ipv6_linktype(struct gen *g, uint32_t type)
{
	return type == ETHERTYPE_IPV6 ? cond_true(g) : cond_false(g);
}

/* An ethertype compared as it is (SLL2's protocol field, as libpcap 1.10
 * compares it; Cisco HDLC's). */
static struct cond *asis_linktype(struct gen *g, uint32_t type)
{
	return cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, type, 0xffffffff);
}

/* BSD/OS PPP: IPv4 is also Van Jacobson compressed (0x2d) or
 * uncompressed (0x2f) TCP/IP. */
static struct cond *ppp_bsdos_linktype(struct gen *g, uint32_t type)
{
	if (type != ETHERTYPE_IP)
		return ppp_linktype(g, type);
	uint32_t off = gen_off_linktype(g);
	return cond_or(g, cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 0x0021, 0xffffffff),
				  cond_cmp(g, off, 2, BPF_JEQ, 0x002d, 0xffffffff)),
		       cond_cmp(g, off, 2, BPF_JEQ, 0x002f, 0xffffffff));
}

/* Cisco HDLC: ethertypes, and the ISO SAP as DSAP and SSAP. */
static struct cond *chdlc_linktype(struct gen *g, uint32_t type)
{
	if (type == 0xfe)
		type = 0xfefe;
	return asis_linktype(g, type);
}

/* An 802.2 LLC header (FDDI, token ring, RFC 1483 ATM): IP over LLC, ISO
 * and NetBEUI by DSAP and SSAP, other SAPs by DSAP, AppleTalk by its SNAP
 * header (Apple's OUI), any other ethertype where a SNAP header with OUI 0
 * would hold it (libpcap checks neither the SAPs nor the OUI there). */
static struct cond *llc_linktype(struct gen *g, uint32_t type)
{
	uint32_t off = gen_off_linktype(g);
	if (type == 0x809b) /* SNAP AA AA 03, OUI 08 00 07, type: last word first */
		return cond_and(g, cond_cmp(g, off + 4, 4, BPF_JEQ, 0x0007809b, 0xffffffff),
				cond_cmp(g, off, 4, BPF_JEQ, 0xaaaa0308, 0xffffffff));
	if (type <= ETHERMTU)
		return llc_sap(g, off, type);
	return cond_cmp(g, off + 6, 2, BPF_JEQ, type, 0xffffffff);
}

/* SunATM: the traffic type (low nibble of the first byte) says LLC. */
static struct cond *sunatm_llc(struct gen *g)
{
	return cond_cmp(g, 0, 1, BPF_JEQ, 2, 0x0f);
}

static struct cond *sunatm_linktype(struct gen *g, uint32_t type)
{
	return cond_and(g, sunatm_llc(g), llc_linktype(g, type));
}

/* Frame Relay: Q.933's control byte 0x03 and an NLPID: IPv4 0xcc, IPv6
 * 0x8e, and for the ISO SAP any of CLNP, ES-IS and IS-IS (0x81-0x83). */
static struct cond *frelay_linktype(struct gen *g, uint32_t type)
{
	uint32_t off = gen_off_linktype(g);
	if (type == ETHERTYPE_IP)
		return cond_cmp(g, off, 2, BPF_JEQ, 0x03cc, 0xffffffff);
	if (type == ETHERTYPE_IPV6)
		return cond_cmp(g, off, 2, BPF_JEQ, 0x038e, 0xffffffff);
	if (type != 0xfe)
		return cond_false(g);
	return cond_or(g, cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 0x0381, 0xffffffff),
				  cond_cmp(g, off, 2, BPF_JEQ, 0x0382, 0xffffffff)),
		       cond_cmp(g, off, 2, BPF_JEQ, 0x0383, 0xffffffff));
}

/* Solaris ipnet: IPH_AF_INET 2, IPH_AF_INET6 26. */
static struct cond *ipnet_linktype(struct gen *g, uint32_t type)
{
	if (type == ETHERTYPE_IP)
		return cond_cmp(g, gen_off_linktype(g), 1, BPF_JEQ, 2, 0xffffffff);
	if (type == ETHERTYPE_IPV6)
		return cond_cmp(g, gen_off_linktype(g), 1, BPF_JEQ, 26, 0xffffffff);
	return cond_false(g);
}

/* ARCNET: RFC 1201 protocol numbers, and for IPv4 and ARP also RFC
 * 1051's older ones (tested second, as libpcap does). */
static struct cond *arcnet_linktype(struct gen *g, uint32_t type)
{
	static const struct { uint32_t ether, arc, old; } map[] = {
		{ 0x0800, 0xd4, 0xf0 }, { 0x0806, 0xd5, 0xf1 }, { 0x8035, 0xd6, 0 },
		{ 0x86dd, 0xc4, 0 }, { 0x809b, 0xdd, 0 },
	};
	uint32_t off = gen_off_linktype(g);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (map[i].ether != type)
			continue;
		struct cond *c = cond_cmp(g, off, 1, BPF_JEQ, map[i].arc, 0xffffffff);
		return map[i].old ? cond_or(g, c, cond_cmp(g, off, 1, BPF_JEQ, map[i].old, 0xffffffff)) : c;
	}
	return cond_false(g);
}

/* 802.11: a data frame, then the LLC header after the 802.11 header. */
static struct cond *wlan_linktype(struct gen *g, uint32_t type)
{
	return cond_and(g, wlan_data_frame(g), llc_linktype(g, type));
}

/* Juniper, BACnet MS/TP: libpcap checks the header's magic word and
 * nothing of the network protocol, whichever it is. */
static struct cond *magic_linktype(struct gen *g, uint32_t type)
{
	(void)type;
	return cond_cmp(g, 0, 4, BPF_JEQ, g->lt->magic, g->lt->magic_mask);
}

/* pflog: the address family, AF_INET or this host's AF_INET6, as libpcap
 * compares it (pf writes its own host's values, in one byte); at a fixed
 * offset in the header, not behind it as gen_off_linktype's window. */
static struct cond *pflog_linktype(struct gen *g, uint32_t type)
{
	if (type != ETHERTYPE_IP && type != ETHERTYPE_IPV6)
		return cond_false(g);
	return cond_cmp(g, (uint32_t)g->lt->off_type, 1, BPF_JEQ, type == ETHERTYPE_IP ? AF_INET : AF_INET6, 0xffffffff);
}

/* LocalTalk carries only AppleTalk (libpcap's answer without a load). */
static struct cond *ltalk_linktype(struct gen *g, uint32_t type)
{
	return type == 0x809b ? cond_true(g) : cond_false(g);
}

/* No protocol field libpcap reads: every network-layer test is refused. */
static struct cond *notype_linktype(struct gen *g, uint32_t type)
{
	(void)type;
	return GEN_FAIL(g, "%s link-layer type filtering is not implemented: libpcap tests no network protocol on %s",
			g->lt->no_type, g->lt->descr);
}

typedef struct cond *(*linktype_fn)(struct gen *g, uint32_t type);

static const linktype_fn by_kind[LT_NKINDS] = {
	[LT_ETHER] = ether_linktype,
	[LT_ETHER_PH] = ether_linktype,
	[LT_SLL] = sll_linktype,
	[LT_SLL2] = asis_linktype,
	[LT_NULL] = null_linktype,
	[LT_ENC] = null_linktype,
	[LT_LOOP] = loopnet_linktype,
	[LT_RAW] = raw_linktype,
	[LT_SLIP] = raw_linktype,
	[LT_IPV4] = ipv4_linktype,
	[LT_IPV6] = ipv6_linktype,
	[LT_PPP] = ppp_linktype,
	[LT_PPP_BSDOS] = ppp_bsdos_linktype,
	[LT_CHDLC] = chdlc_linktype,
	[LT_LLC] = llc_linktype,
	[LT_IPNET] = ipnet_linktype,
	[LT_ETYPE] = asis_linktype,
	[LT_SUNATM] = sunatm_linktype,
	[LT_FRELAY] = frelay_linktype,
	[LT_ARCNET] = arcnet_linktype,
	[LT_NOTYPE] = notype_linktype,
	[LT_WLAN] = wlan_linktype,
	[LT_MAGIC] = magic_linktype,
	[LT_LTALK] = ltalk_linktype,
	[LT_PFLOG] = pflog_linktype,
};

struct cond *gen_linktype(struct gen *g, uint32_t type)
{
	if (g->label > 0) /* below a label stack, even inside a geneve after it */
		return mpls_linktype(g, type);
	if (g->pppoes > 0)
		return ppp_linktype(g, type);
	if ((unsigned)g->lt->kind >= LT_NKINDS || !by_kind[g->lt->kind])
		return GEN_FAIL(g, "internal: unknown link kind");
	return atm_lane_check(g, by_kind[g->lt->kind](g, type));
}

/* Compare 6 bytes at off, last word first, as libpcap's gen_bcmp does. */
static struct cond *mac_at(struct gen *g, uint32_t off, const uint8_t m[6])
{
	uint32_t w = (uint32_t)m[2] << 24 | (uint32_t)m[3] << 16 | (uint32_t)m[4] << 8 | m[5];
	return cond_and(g, cond_cmp(g, off + 2, 4, BPF_JEQ, w, 0xffffffff),
		     cond_cmp(g, off, 2, BPF_JEQ, (uint32_t)m[0] << 8 | m[1], 0xffffffff));
}

struct cond *gen_mac_at(struct gen *g, uint32_t off, const uint8_t mac[6])
{
	return mac_at(g, off, mac);
}

struct cond *gen_ehost(struct gen *g, const uint8_t mac[6], int dir)
{
	if (g->lt->kind == LT_WLAN && !g->pppoes)
		return wlan_host(g, mac, dir);
	if (dir >= D_ADDR1 && dir <= D_TA)
		return GEN_FAIL(g, "802.11 addresses (addr1..addr4, ra, ta) are supported only on 802.11 with 802.11 headers");
	if (!has_mac(g))
		return GEN_FAIL(g, "ethernet addresses supported only on ethernet (this is %s)",
				g->pppoes ? "PPP inside PPPoE" : g->lt->descr);
	uint32_t d = (uint32_t)g->lt->off_mac, s = (uint32_t)g->lt->off_src;
	struct cond *c;
	switch (dir) {
	case D_SRC:
		c = mac_at(g, s, mac);
		break;
	case D_DST:
		c = mac_at(g, d, mac);
		break;
	case D_AND:
		c = cond_and(g, mac_at(g, s, mac), mac_at(g, d, mac));
		break;
	default:
		c = cond_or(g, mac_at(g, s, mac), mac_at(g, d, mac));
	}
	c = atm_lane_check(g, c);
	return g->geneve ? cond_and(g, geneve_ll(g), c) : c; /* an Ethernet header inside? */
}

/* ARCnet's one-byte addresses: the source at 0, the destination at 1
 * (BSD's and Linux's header alike). */
struct cond *gen_ahost(struct gen *g, uint8_t addr, int dir)
{
	if (g->lt->kind != LT_ARCNET || g->pppoes)
		return GEN_FAIL(g, "ARCnet addresses are supported only on ARCNET and ARCNET_LINUX (this is %s)",
				g->pppoes ? "PPP inside PPPoE" : g->lt->descr);
	struct cond *s = cond_cmp(g, 0, 1, BPF_JEQ, addr, 0xffffffff);
	switch (dir) {
	case D_SRC:
		return s;
	case D_DST:
		return cond_cmp(g, 1, 1, BPF_JEQ, addr, 0xffffffff);
	case D_AND:
		return cond_and(g, s, cond_cmp(g, 1, 1, BPF_JEQ, addr, 0xffffffff));
	default:
		return cond_or(g, s, cond_cmp(g, 1, 1, BPF_JEQ, addr, 0xffffffff));
	}
}

struct cond *gen_bcast(struct gen *g, int proto)
{
	static const uint8_t all[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	if (proto == P_DEFAULT || proto == P_LINK) {
		if ((g->lt->flags & LTF_ARCBCAST) && !g->pppoes)
			return cond_cmp(g, 1, 1, BPF_JEQ, 0, 0xffffffff);
		if (g->lt->kind == LT_WLAN && !g->pppoes)
			return wlan_bcast(g);
		if (!has_mac(g))
			return GEN_FAIL(g, "not a broadcast link");
		return atm_lane_check(g, mac_at(g, (uint32_t)g->lt->off_mac, all));
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
		if ((g->lt->flags & LTF_ARCBCAST) && !g->pppoes) /* as libpcap: broadcast */
			return cond_cmp(g, 1, 1, BPF_JEQ, 0, 0xffffffff);
		if (g->lt->kind == LT_WLAN && !g->pppoes)
			return wlan_mcast(g);
		if (!has_mac(g))
			return GEN_FAIL(g, "link-layer multicast filters supported only on ethernet");
		/* the group bit: least significant bit of the first octet */
		struct cond *c = atm_lane_check(g, cond_cmp(g, (uint32_t)g->lt->off_mac, 1, BPF_JSET, 1, 0xffffffff));
		return g->geneve ? cond_and(g, geneve_ll(g), c) : c;
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
	if (g->label > 0)
		return GEN_FAIL(g, "no VLAN match after MPLS");
	if (!(g->lt->flags & LTF_VLAN) || g->pppoes)
		return GEN_FAIL(g, "no VLAN support for %s", g->pppoes ? "PPP" : g->lt->descr);
	if (g->vlan == 0 && kvlan_on(g))
		return kvlan_vlan(g, n);
	uint32_t off = gen_off_linktype(g);
	struct cond *c;
	if (g->lt->kind == LT_WLAN) /* the TPIDs where the SNAP header has its type */
		c = cond_or(g, cond_or(g, gen_linktype(g, 0x8100), gen_linktype(g, 0x88a8)), gen_linktype(g, 0x9100));
	else
		c = cond_or(g, cond_or(g, cond_cmp(g, off, 2, BPF_JEQ, 0x8100, 0xffffffff),
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
	if (g->label > 0) /* the label before (inside a geneve: at its payload) */
		c = cond_cmp(g, gen_off_linkpl(g) - 4 + 2, 1, BPF_JEQ, 0, 0x01);
	else if (g->pppoes > 0)
		c = cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ, PPP_MPLS_UCAST, 0xffffffff);
	else if (g->lt->flags & LTF_MPLS) /* Ethernet, Cisco HDLC, PPP */
		c = cond_cmp(g, gen_off_linktype(g), 2, BPF_JEQ,
			     g->lt->kind == LT_PPP ? PPP_MPLS_UCAST : ETHERTYPE_MPLS, 0xffffffff);
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
	if (g->lt->kind == LT_WLAN && g->lt->wlan_hdr != LTW_NONE)
		return GEN_FAIL(g, "pppoes behind a radio header (%s) is refused: libpcap 1.10.3's program for it "
			      "reads scratch memory it never wrote, and has no defined result", g->lt->descr);
	struct cond *c = gen_linktype(g, ETHERTYPE_PPPOES);
	if (c && n->has_num)
		c = cond_and(g, c, cond_cmp(g, gen_off_linkpl(g), 4, BPF_JEQ, n->num, 0xffff));
	/* pflog: libpcap's PPP header after this one is at a scratch cell
	 * that holds the network layer's offset only if something read it
	 * before (wlan.c) */
	if (g->lt->kind == LT_PFLOG && !(g->wlan_used & WLAN_PL))
		g->pf_nopl = 1;
	return c;
}

/* llc [type]: an 802.3 frame (a length where the type would be) that is
 * not raw NetWare (0xffff where its LLC header would start), and, given a
 * type, the LLC control byte after DSAP and SSAP.  The offsets move with
 * vlan, not with mpls (as libpcap's do).  On FDDI, token ring and RFC 1483
 * ATM every frame has an LLC header (libpcap checks nothing), so only the
 * control byte is tested; other link types refuse, as libpcap does. */
struct cond *gen_llc(struct gen *g, const struct ast *n)
{
	if (!(g->lt->flags & LTF_LLC) || g->pppoes)
		return GEN_FAIL(g, "'llc' not supported for %s", g->pppoes ? "PPP" : g->lt->descr);
	uint32_t off = gen_off_linktype(g), ctl, value, mask;
	struct cond *c;
	if (is_ether(g)) {
		c = cond_and(g, cond_not(g, cond_cmp(g, off, 2, BPF_JGT, ETHERMTU, 0xffffffff)),
			     cond_not(g, cond_cmp(g, llc_off(g), 2, BPF_JEQ, 0xffff, 0xffffffff)));
		ctl = llc_off(g) + 2;
	} else { /* SunATM checks its traffic type, 802.11 for a data
		  * frame; the others have LLC */
		c = g->lt->kind == LT_SUNATM ? sunatm_llc(g) : g->lt->kind == LT_WLAN ? wlan_data_frame(g) : cond_true(g);
		ctl = off + 2;
	}
	if (n->text && names_llc(n->text, &value, &mask) == 0)
		c = cond_and(g, c, mask == 0x01 ? cond_not(g, cond_cmp(g, ctl, 1, BPF_JSET, 1, 0xffffffff)) /* I */
					     : cond_cmp(g, ctl, 1, BPF_JEQ, value, mask));
	return c;
}

/* Linux's packet metadata, which a live socket filter reads through the
 * kernel's ancillary offsets (SKF_AD_OFF + SKF_AD_PKTTYPE, + SKF_AD_IFINDEX).
 * libpcap emits those when compiling for a live capture; in a capture file
 * they do not exist, so there it refuses, and so do we.  Cooked captures
 * carry the packet type (and SLL2 the interface index) in their header.
 * libpcap adds the link header's offset (netANALYZER's pseudo-header) to
 * the metadata's offset, and so do we: the same program. */
#define SKF_AD_OFF 0xfffff000u
#define SKF_AD_PKTTYPE 4
#define SKF_AD_IFINDEX 8
#define PACKET_OUTGOING 4 /* packet type: sent by this host (sll(7)) */

/* libpcap adds the link header's offset to the metadata's; behind a
 * radio header that is `ldx M[r]; ld [x + SKF_AD_OFF + k]`, which fails
 * whatever X is, as `ld [SKF_AD_OFF + k]` does: so that load (the same
 * verdicts, and our optimizer sees two alike), with the radio header's
 * length still computed first as libpcap computes it. */
static uint32_t ad_base(struct gen *g)
{
	if (g->pppoes) { /* a window when the payload's offset is variable */
		/* pflog: at a cell libpcap never wrote, as wlan_load says for
		 * the loads after such a pppoes */
		if (g->lt->kind == LT_PFLOG && g->pf_nopl)
			g->pf_undef = 1;
		return gen_off_linkhdr(g);
	}
	if (g->lt->kind == LT_WLAN && g->lt->wlan_hdr != LTW_NONE)
		wlan_mark(g, WLAN_HDR);
	return g->lt->off_linkhdr;
}

/* The metadata load at SKF_AD_OFF + ad + the link header's offset, as
 * libpcap emits it.  After pppoes that sum is often no ancillary load the
 * kernel knows (Linux cooked: SKF_AD_OFF + 26): the kernel then refuses
 * libpcap's program, libpcap filters in user space, and there the load
 * fails and ends the program with 0.  A load that fails in both places
 * (just below SKF_AD_OFF: past any packet, and no ancillary load) gives
 * that verdict in a program the kernel, and our validator, accept. */
#define AD_FAILS (SKF_AD_OFF - 4)

static struct cond *ad_cmp(struct gen *g, uint32_t ad, int size, uint32_t v)
{
	uint32_t k = SKF_AD_OFF + ad + ad_base(g);
	if (k >= ISA_SKF_AD_OFF && !isa_ancillary_at(k))
		k = AD_FAILS;
	return cond_cmp(g, k, size, BPF_JEQ, v, 0xffffffff);
}

/* After pppoes libpcap compiles for PPP (its link type becomes DLT_PPP,
 * the link header the PPP header inside the session): no direction in
 * that header, so the metadata of a live capture, at the PPP header's
 * offset, and in a capture file a refusal that names PPP. */
static const struct linktype *dir_lt(const struct gen *g)
{
	return g->pppoes ? lt_by_dlt(DLT_PPP) : g->lt;
}

struct cond *gen_inbound(struct gen *g, int outbound)
{
	const struct linktype *lt = dir_lt(g);
	const struct lt_dir *d = &lt->dir;
	if (d->off >= 0) { /* the link header says (the table's lt_dir) */
		uint32_t want = outbound ? d->out : d->in, other = outbound ? d->in : d->out;
		uint32_t mask = d->mask ? d->mask : 0xffffffff;
		g->salt = g->weak && d->rel ? GEN_WEAK_SALT : 0;
		struct cond *c = want == LT_DIR_NOT ? cond_not(g, cond_cmp(g, (uint32_t)d->off, d->size, BPF_JEQ, other, mask))
						    : cond_cmp(g, (uint32_t)d->off, d->size, BPF_JEQ, want, mask);
		g->salt = 0;
		return c;
	}
	if (g->savefile)
		return GEN_FAIL(g, "inbound/outbound not supported on %s when reading capture files", lt->descr);
	struct cond *c = ad_cmp(g, SKF_AD_PKTTYPE, 2, PACKET_OUTGOING);
	return outbound ? c : cond_not(g, c);
}

struct cond *gen_ifindex(struct gen *g, uint32_t ifindex)
{
	const struct linktype *lt = dir_lt(g);
	if (lt->kind == LT_SLL2)
		return cond_cmp(g, 4, 4, BPF_JEQ, ifindex, 0xffffffff);
	if (g->savefile)
		return GEN_FAIL(g, "ifindex not supported on %s when reading capture files", lt->descr);
	return ad_cmp(g, SKF_AD_IFINDEX, 4, ifindex);
}
