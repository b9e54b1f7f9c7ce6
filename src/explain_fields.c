/* explain_fields.c: header layouts and value names that `bpfx explain`
 * speaks in.  Facts only, as tables; each layer cites where its layout is
 * defined.  Offsets are from the start of that layer's header. */
#include "explain.h"
#include "proto/proto.h"
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* IEEE 802.3 clause 3.1 (Ethernet II / 802.3 MAC frame) */
static const struct xfield ether_f[] = {
	{0, 6, "destination MAC address", XR_MAC},
	{6, 6, "source MAC address", XR_MAC},
	{12, 2, "Ethernet type (or 802.3 length)", XR_ETHERTYPE},
};
/* IEEE 802.1Q clause 9.6: the tag after the addresses; offsets from the
 * tag's TCI, so the inner type is at 2 */
static const struct xfield vlan_f[] = {
	{0, 2, "VLAN tag control (priority 3 bits, DEI 1, VLAN ID 12)", XR_VLANTCI},
	{2, 2, "Ethernet type inside the VLAN tag", XR_ETHERTYPE},
};
/* Linux cooked capture v1, pcap-linktype(7) LINKTYPE_LINUX_SLL, sll(7) */
static const struct xfield sll_f[] = {
	{0, 2, "packet type (to us, broadcast, multicast, other host, outgoing)", XR_NONE},
	{2, 2, "ARPHRD_ device type", XR_NONE},
	{4, 2, "link-layer address length", XR_NONE},
	{6, 8, "link-layer address", XR_NONE},
	{14, 2, "protocol type (ethertype)", XR_ETHERTYPE},
};
/* Linux cooked capture v2, LINKTYPE_LINUX_SLL2 */
static const struct xfield sll2_f[] = {
	{0, 2, "protocol type (ethertype)", XR_ETHERTYPE},
	{2, 2, "reserved", XR_NONE},
	{4, 4, "interface index", XR_NONE},
	{8, 2, "ARPHRD_ device type", XR_NONE},
	{10, 1, "packet type", XR_NONE},
	{11, 1, "link-layer address length", XR_NONE},
	{12, 8, "link-layer address", XR_NONE},
};
/* LINKTYPE_NULL / LINKTYPE_LOOP: a 4-byte AF_ value */
static const struct xfield null_f[] = {
	{0, 4, "address family (AF_INET, AF_INET6)", XR_AF},
};
/* RFC 791 section 3.1 */
static const struct xfield ipv4_f[] = {
	{0, 1, "IPv4 version and header length (IHL)", XR_VERSION},
	{1, 1, "IPv4 type of service (DSCP and ECN)", XR_NONE},
	{2, 2, "IPv4 total length", XR_NONE},
	{4, 2, "IPv4 identification", XR_NONE},
	{6, 2, "IPv4 flags and fragment offset", XR_FRAG},
	{6, 1, "IPv4 flags (reserved, DF, MF) and fragment offset high bits", XR_FRAG},
	{7, 1, "IPv4 fragment offset low bits", XR_NONE},
	{8, 1, "IPv4 time to live", XR_NONE},
	{9, 1, "IPv4 protocol", XR_IPPROTO},
	{10, 2, "IPv4 header checksum", XR_NONE},
	{12, 4, "IPv4 source address", XR_ADDR4},
	{16, 4, "IPv4 destination address", XR_ADDR4},
};
/* RFC 8200 section 3 */
static const struct xfield ipv6_f[] = {
	{0, 4, "IPv6 version, traffic class and flow label", XR_VERSION},
	{0, 1, "IPv6 version and traffic class high bits", XR_VERSION},
	{4, 2, "IPv6 payload length", XR_NONE},
	{6, 1, "IPv6 next header", XR_IPPROTO},
	{7, 1, "IPv6 hop limit", XR_NONE},
	{8, 16, "IPv6 source address", XR_ADDR6},
	{24, 16, "IPv6 destination address", XR_ADDR6},
};
/* RFC 8200 section 4.5 */
static const struct xfield ip6frag_f[] = {
	{0, 1, "fragment header's next header", XR_IPPROTO},
	{1, 1, "fragment header reserved byte", XR_NONE},
	{2, 2, "fragment offset and M flag", XR_NONE},
	{4, 4, "fragment identification", XR_NONE},
};
/* RFC 826 (Ethernet/IPv4 sizes) */
static const struct xfield arp_f[] = {
	{0, 2, "ARP hardware type", XR_NONE},
	{2, 2, "ARP protocol type", XR_NONE},
	{4, 1, "ARP hardware address length", XR_NONE},
	{5, 1, "ARP protocol address length", XR_NONE},
	{6, 2, "ARP operation", XR_ARPOP},
	{8, 6, "ARP sender hardware address", XR_MAC},
	{14, 4, "ARP sender IPv4 address", XR_ADDR4},
	{18, 6, "ARP target hardware address", XR_MAC},
	{24, 4, "ARP target IPv4 address", XR_ADDR4},
};
/* RFC 3032 section 2.1: label 20 bits, traffic class 3, bottom of stack 1,
 * TTL 8 */
static const struct xfield mpls_f[] = {
	{0, 4, "MPLS label stack entry (label 20 bits, TC 3, S 1, TTL 8)", XR_MPLS},
	{2, 1, "MPLS label low bits, TC and bottom-of-stack bit", XR_MPLS},
	{3, 1, "MPLS TTL", XR_NONE},
};
/* RFC 9293 section 3.1 */
static const struct xfield tcp_f[] = {
	{0, 2, "TCP source port", XR_PORT},
	{2, 2, "TCP destination port", XR_PORT},
	{4, 4, "TCP sequence number", XR_NONE},
	{8, 4, "TCP acknowledgment number", XR_NONE},
	{12, 1, "TCP data offset (header length / 4, high nibble)", XR_NONE},
	{13, 1, "TCP flags", XR_TCPFLAGS},
	{14, 2, "TCP window", XR_NONE},
	{16, 2, "TCP checksum", XR_NONE},
	{18, 2, "TCP urgent pointer", XR_NONE},
};
/* RFC 768 */
static const struct xfield udp_f[] = {
	{0, 2, "UDP source port", XR_PORT},
	{2, 2, "UDP destination port", XR_PORT},
	{4, 2, "UDP length", XR_NONE},
	{6, 2, "UDP checksum", XR_NONE},
};
/* RFC 9260 section 3.1 */
static const struct xfield sctp_f[] = {
	{0, 2, "SCTP source port", XR_PORT},
	{2, 2, "SCTP destination port", XR_PORT},
	{4, 4, "SCTP verification tag", XR_NONE},
	{8, 4, "SCTP checksum", XR_NONE},
};
/* RFC 792 */
static const struct xfield icmp_f[] = {
	{0, 1, "ICMP type", XR_ICMPTYPE},
	{1, 1, "ICMP code", XR_NONE},
	{2, 2, "ICMP checksum", XR_NONE},
	{4, 4, "ICMP rest of header", XR_NONE},
};
/* RFC 4443 section 2.1 */
static const struct xfield icmp6_f[] = {
	{0, 1, "ICMPv6 type", XR_ICMP6TYPE},
	{1, 1, "ICMPv6 code", XR_NONE},
	{2, 2, "ICMPv6 checksum", XR_NONE},
	{4, 4, "ICMPv6 message body", XR_NONE},
};
/* RFC 2236 section 2 */
static const struct xfield igmp_f[] = {
	{0, 1, "IGMP type", XR_NONE},
	{1, 1, "IGMP max response time", XR_NONE},
	{2, 2, "IGMP checksum", XR_NONE},
	{4, 4, "IGMP group address", XR_ADDR4},
};
/* RFC 7761 section 4.9 */
static const struct xfield pim_f[] = {
	{0, 1, "PIM version and type", XR_NONE},
	{1, 1, "PIM reserved", XR_NONE},
	{2, 2, "PIM checksum", XR_NONE},
};
/* RFC 5798 section 5.1 (CARP, also protocol 112, shares the first byte) */
static const struct xfield vrrp_f[] = {
	{0, 1, "VRRP/CARP version and type", XR_NONE},
	{1, 1, "VRRP virtual router ID", XR_NONE},
	{2, 1, "VRRP priority", XR_NONE},
	{3, 1, "VRRP address count", XR_NONE},
};
/* Cisco IGRP (protocol 9) */
static const struct xfield igrp_f[] = {
	{0, 1, "IGRP version and opcode", XR_NONE},
	{1, 1, "IGRP edition", XR_NONE},
};
/* RFC 4302 section 2 */
static const struct xfield ah_f[] = {
	{0, 1, "AH next header", XR_IPPROTO},
	{1, 1, "AH payload length", XR_NONE},
	{4, 4, "AH security parameters index", XR_NONE},
};
/* RFC 4303 section 2 */
static const struct xfield esp_f[] = {
	{0, 4, "ESP security parameters index", XR_NONE},
	{4, 4, "ESP sequence number", XR_NONE},
};
/* RFC 2784 section 2 */
static const struct xfield gre_f[] = {
	{0, 2, "GRE flags and version", XR_NONE},
	{2, 2, "GRE protocol type", XR_ETHERTYPE},
};
/* RFC 2516 section 4 (PPPoE), then RFC 1661's protocol field; libpcap
 * tests the session id as the low 16 bits of the first word */
static const struct xfield pppoe_f[] = {
	{0, 1, "PPPoE version and type (4 bits each, both 1)", XR_NONE},
	{0, 4, "PPPoE version, type, code and session id", XR_PPPOESID},
	{1, 1, "PPPoE code (0: session data)", XR_NONE},
	{2, 2, "PPPoE session id", XR_NONE},
	{4, 2, "PPPoE payload length", XR_NONE},
	{6, 2, "PPP protocol", XR_PPPPROTO},
};
/* IEEE 802.2 clause 3: the LLC header of an 802.3 frame (a control byte
 * for U PDUs, two for I and S PDUs; `llc TYPE` tests the first) */
static const struct xfield llc_f[] = {
	{0, 2, "802.2 DSAP and SSAP (0xffff: raw NetWare 802.3, no LLC header)", XR_LLCSAPS},
	{0, 1, "802.2 LLC DSAP (destination service access point)", XR_NONE},
	{1, 1, "802.2 LLC SSAP (source service access point)", XR_NONE},
	{2, 1, "802.2 LLC control (PDU type: I, S or U, and the command)", XR_LLCCTRL},
	/* after a U PDU's header: SNAP (RFC 1042: OUI and protocol type) or,
	 * after DSAP and SSAP 0xfe, an ISO NLPID (ISO/TR 9577) */
	{0, 4, "802.2 DSAP, SSAP and control, and a SNAP OUI's first byte", XR_NONE},
	{3, 1, "the byte after the 802.2 header: an ISO NLPID or a SNAP OUI's first byte", XR_NONE},
	{4, 4, "SNAP OUI low bytes and protocol type", XR_NONE},
	{7, 1, "IS-IS PDU type (ISO 10589: 4 bytes past the NLPID)", XR_NONE},
};
/* DECnet Phase IV routing header (DNA Routing Functional Specification
 * 4.0, 4.1.2), where libpcap's `decnet host` looks: a 2-byte
 * little-endian length, a flags byte (bit 7: a padding byte came first,
 * so everything after is one byte later), then a short header (16-bit
 * little-endian destination and source) or a long one (addresses inside
 * 6-byte IDs at 7 and 15 past the flags) */
static const struct xfield decnet_f[] = {
	{0, 2, "DECnet packet length (little-endian)", XR_NONE},
	{2, 1, "DECnet routing flags (bit 7: a padding byte)", XR_NONE},
	{2, 2, "DECnet padding byte and routing flags", XR_NONE},
	{3, 2, "DECnet short header destination address", XR_NONE},
	{4, 2, "DECnet short header destination address (after a padding byte)", XR_NONE},
	{5, 2, "DECnet short header source address", XR_NONE},
	{6, 2, "DECnet short header source address (after a padding byte)", XR_NONE},
	{9, 2, "DECnet long header destination address", XR_NONE},
	{10, 2, "DECnet long header destination address (after a padding byte)", XR_NONE},
	{17, 2, "DECnet long header source address", XR_NONE},
	{18, 2, "DECnet long header source address (after a padding byte)", XR_NONE},
};
/* OpenBSD's struct pfloghdr (net/if_pflog.h), as libpcap reads it; its
 * length byte, rounded up to 4, is where the network layer starts */
static const struct xfield pflog_f[] = {
	{0, 1, "pflog header length", XR_NONE},
	{1, 1, "address family (AF_INET, AF_INET6)", XR_NONE},
	{2, 1, "action (pass, block, ...)", XR_NONE},
	{3, 1, "reason (match, bad-offset, ...)", XR_NONE},
	{4, 16, "interface name", XR_NONE},
	{20, 16, "ruleset (anchor) name", XR_NONE},
	{36, 4, "rule number", XR_NONE},
	{40, 4, "subrule number", XR_NONE},
	{44, 4, "user id", XR_NONE},
	{48, 4, "process id", XR_NONE},
	{52, 4, "rule's user id", XR_NONE},
	{56, 4, "rule's process id", XR_NONE},
	{60, 1, "direction (1 in, 2 out)", XR_NONE},
};
/* What TCP, UDP and SCTP share: the ports come first (RFC 9293, 768, 9260) */
static const struct xfield ports_f[] = {
	{0, 2, "source port (TCP, UDP or SCTP)", XR_PORT},
	{2, 2, "destination port (TCP, UDP or SCTP)", XR_PORT},
};

#define L(prim, title, cite, fixed, f) { prim, title, cite, fixed, f, N(f) }
static const struct xlayer layers[XL_NLAYERS] = {
	[XL_ETHER] = L("ether", "Ethernet", "IEEE 802.3", 14, ether_f),
	[XL_VLAN] = L(NULL, "802.1Q VLAN tag", "IEEE 802.1Q", 4, vlan_f),
	[XL_SLL] = L("link", "Linux cooked", "sll(7)", 16, sll_f),
	[XL_SLL2] = L("link", "Linux cooked v2", "pcap-linktype(7)", 20, sll2_f),
	[XL_NULL] = L("link", "loopback", "pcap-linktype(7)", 4, null_f),
	[XL_IPV4] = L("ip", "IPv4", "RFC 791", 20, ipv4_f),
	[XL_IPV6] = L("ip6", "IPv6", "RFC 8200", 40, ipv6_f),
	[XL_IP6FRAG] = L(NULL, "IPv6 fragment header", "RFC 8200", 8, ip6frag_f),
	[XL_ARP] = L("arp", "ARP", "RFC 826", 28, arp_f),
	[XL_MPLS] = L(NULL, "MPLS", "RFC 3032", 4, mpls_f),
	[XL_TCP] = L("tcp", "TCP", "RFC 9293", 20, tcp_f),
	[XL_UDP] = L("udp", "UDP", "RFC 768", 8, udp_f),
	[XL_SCTP] = L("sctp", "SCTP", "RFC 9260", 12, sctp_f),
	[XL_ICMP] = L("icmp", "ICMP", "RFC 792", 8, icmp_f),
	[XL_ICMP6] = L("icmp6", "ICMPv6", "RFC 4443", 8, icmp6_f),
	[XL_IGMP] = L("igmp", "IGMP", "RFC 2236", 8, igmp_f),
	[XL_PIM] = L("pim", "PIM", "RFC 7761", 4, pim_f),
	[XL_VRRP] = L("vrrp", "VRRP", "RFC 5798", 4, vrrp_f),
	[XL_IGRP] = L("igrp", "IGRP", "Cisco IGRP", 2, igrp_f),
	[XL_AH] = L("ah", "AH", "RFC 4302", 12, ah_f),
	[XL_ESP] = L("esp", "ESP", "RFC 4303", 8, esp_f),
	[XL_GRE] = L(NULL, "GRE", "RFC 2784", 4, gre_f),
	[XL_PORTS] = L("tcp/udp", "transport", "RFC 9293, 768, 9260", 4, ports_f),
	[XL_PPPOE] = L(NULL, "PPPoE session and PPP", "RFC 2516, RFC 1661", 8, pppoe_f),
	[XL_LLC] = L(NULL, "802.2 LLC", "IEEE 802.2", 3, llc_f),
	[XL_DECNET] = L("decnet", "DECnet routing", "DNA Routing 4.0", 3, decnet_f),
	[XL_PFLOG] = L("link", "pflog", "OpenBSD net/if_pflog.h", 61, pflog_f),
};

const struct xlayer *xf_layer(enum xf_layer l)
{
	return l < XL_NLAYERS ? &layers[l] : NULL;
}

/* IANA protocol numbers (RFC 5237 registry) with a layer table here */
enum xf_layer xf_transport_layer(int p)
{
	switch (p) {
	case PROTO_IP_ICMP: return XL_ICMP;
	case PROTO_IP_IGMP: return XL_IGMP;
	case PROTO_IP_TCP: return XL_TCP;
	case PROTO_IP_IGRP: return XL_IGRP;
	case PROTO_IP_UDP: return XL_UDP;
	case PROTO_IP_GRE: return XL_GRE;
	case PROTO_IP_ESP: return XL_ESP;
	case PROTO_IP_AH: return XL_AH;
	case PROTO_IP_ICMPV6: return XL_ICMP6;
	case PROTO_IP_PIM: return XL_PIM;
	case PROTO_IP_VRRP: return XL_VRRP;
	case PROTO_IP_SCTP: return XL_SCTP;
	default: return XL_NLAYERS;
	}
}

const struct xfield *xf_lookup(enum xf_layer l, unsigned off, unsigned size, int *exact)
{
	const struct xlayer *x = xf_layer(l);
	const struct xfield *best = NULL;
	*exact = 0;
	if (!x)
		return NULL;
	for (unsigned i = 0; i < x->nfields; i++) {
		const struct xfield *f = &x->fields[i];
		if (f->off == off && f->size == size) {
			*exact = 1;
			return f;
		}
		/* smallest field that contains the whole access */
		if (f->off <= off && off + size <= (unsigned)f->off + f->size && (!best || f->size < best->size))
			best = f;
	}
	if (best)
		return best;
	/* an access that starts inside a field and runs past it */
	for (unsigned i = 0; i < x->nfields; i++)
		if (x->fields[i].off <= off && off < (unsigned)x->fields[i].off + x->fields[i].size)
			return &x->fields[i];
	return NULL;
}

/* Ethertypes, PPP protocols, IP protocols, ICMP types, ARP operations: src/proto/ */
const char *xf_ppp_name(uint32_t proto) { return proto_name(&proto_ppp, proto, PROTO_EXPLAIN); }
const char *xf_ethertype_name(uint32_t type) { return proto_name(&proto_ethertypes, type, PROTO_EXPLAIN); }
const char *xf_ipproto_name(uint32_t p) { return proto_name(&proto_ipprotos, p, PROTO_EXPLAIN); }
const char *xf_icmp_name(uint32_t t) { return proto_name(&proto_icmp_types, t, PROTO_EXPLAIN); }
const char *xf_icmp6_name(uint32_t t) { return proto_name(&proto_icmp6_types, t, PROTO_EXPLAIN); }
const char *xf_arpop_name(uint32_t op) { return proto_name(&proto_arp_ops, op, PROTO_EXPLAIN); }

/* RFC 9293 section 3.1, RFC 3168 (ECE, CWR) */
void xf_tcpflags(char *buf, size_t size, uint32_t mask)
{
	static const char *const names[8] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
	size_t n = 0;
	buf[0] = 0;
	for (int i = 0; i < 8; i++)
		if (mask & (1u << i) && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "|" : "", names[i]);
	if (!n)
		snprintf(buf, size, "none");
}

/* AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD, OpenBSD),
 * 28 (FreeBSD), 30 (Darwin): what libpcap tests for DLT_NULL/LOOP. */
int xf_af_version(uint32_t af)
{
	uint32_t sw = (af >> 24) | ((af >> 8) & 0xff00) | ((af << 8) & 0xff0000) | (af << 24);
	for (int i = 0; i < 2; i++) {
		uint32_t v = i ? sw : af;
		if (v == 2)
			return 4;
		if (v == 10 || v == 24 || v == 28 || v == 30)
			return 6;
	}
	return 0;
}

/* pcap-filter(7), "expr relop expr": the offsets and values it names, as
 * grammar/scanner.l's rules read them (the header is cut from those rules
 * at build time, src/local.mk). */
static const struct xf_named named[] = {
#include "named_consts.h"
};

const struct xf_named *xf_named_constants(unsigned *n)
{
	*n = N(named);
	return named;
}
