/* dis_link.c: the link headers of `bpfx dissect`: Ethernet with VLAN
 * tags, BSD loopback (NULL, LOOP), Linux cooked v1 and v2, and raw IP
 * (RAW, IPV4, IPV6).  Each hands the network header to dis_net.c. */
#include <stdio.h>

#include "decode/dis.h"

static const char *ethertype_name(unsigned t)
{
	return proto_name_or(&proto_ethertypes, t, PROTO_DISSECT, "not dissected");
}

/* 802.1Q, 802.1ad and the old QinQ value 0x9100. */
static int is_vlan_type(unsigned t)
{
	return t == PROTO_ETH_VLAN || t == PROTO_ETH_QINQ || t == PROTO_ETH_QINQ_OLD;
}

static int dis_vlan(struct dis *d, uint32_t off, unsigned tpid)
{
	struct dis_hdr h = { "VLAN tag", off, "ether", off };
	uint64_t v;
	dis_mark(d, off, tpid == PROTO_ETH_VLAN ? "802.1Q" : "802.1ad");
	dis_section(d, &h, 4, tpid == PROTO_ETH_VLAN ? "802.1Q VLAN tag" : "802.1ad (QinQ) VLAN tag");
	if (dis_uint(d, &h, 0, 3, "priority (PCP)", " (IEEE 802.1Q class of service)", &v) ||
	    dis_flag(d, &h, 0, 3, "DEI", "drop eligible (may be dropped first under congestion)", "not drop eligible", &v) ||
	    dis_bits(d, &h, 0, 4, 12, "VLAN id", "", &v))
		return -1;
	if (dis_field(d, &h, 2, 0, 16, "ethertype", &v))
		return -1;
	if (v <= PROTO_ETH_LEN_MAX)
		dis_val(d, "%u: an 802.3 length, so an 802.2 LLC header follows (not dissected)", (unsigned)v);
	else
		dis_val(d, "0x%04x = %s", (unsigned)v, ethertype_name((unsigned)v));
	if (!d->vlan)
		dis_note(d, "after a VLAN tag, ip[], tcp[] and the like find the bytes below only in an "
			    "expression that says `vlan` first");
	d->vlan = 1;
	if (v <= PROTO_ETH_LEN_MAX)
		return 0;
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, off + 4, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, off + 4);
}

static int dis_ether(struct dis *d)
{
	struct dis_hdr h = { "Ethernet", 0, "ether", 0 };
	uint64_t v;
	char buf[18];
	dis_mark(d, 0, "Ethernet");
	dis_section(d, &h, 14, "Ethernet header");
	if (dis_field(d, &h, 0, 0, 48, "destination", NULL))
		return -1;
	dis_val(d, "%s%s", dec_fmt_mac(buf, d->pkt), d->pkt[0] & 1 ? " (group address)" : "");
	if (dis_field(d, &h, 6, 0, 48, "source", NULL))
		return -1;
	dis_val(d, "%s", dec_fmt_mac(buf, d->pkt + 6));
	if (dis_field(d, &h, 12, 0, 16, "ethertype", &v))
		return -1;
	if (v <= PROTO_ETH_LEN_MAX) {
		dis_val(d, "%u: an 802.3 length, so an 802.2 LLC header follows (not dissected)", (unsigned)v);
		return 0;
	}
	dis_val(d, "0x%04x = %s", (unsigned)v, ethertype_name((unsigned)v));
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, 14, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, 14);
}

/* BSD loopback: a 4-byte address family, in the capturing host's byte
 * order for NULL and in network byte order for LOOP. */
static int dis_null(struct dis *d, int loop)
{
	struct dis_hdr h = { "loopback", 0, loop ? "link" : NULL, 0 };
	uint64_t v;
	dis_mark(d, 0, "loopback");
	dis_section(d, &h, 4, loop ? "OpenBSD loopback header (LOOP)" : "BSD loopback header (NULL)");
	if (dis_field(d, &h, 0, 0, 32, "address family", &v))
		return -1;
	uint32_t af = (uint32_t)v;
	const char *order = "network byte order";
	if (!loop && (af & 0xffff0000u)) {
		af = dec_get_le32(d->pkt);
		order = "little-endian: the capturing host's byte order";
	}
	int v6 = af == PROTO_AF_INET6_BSD || af == PROTO_AF_INET6_FREEBSD || af == PROTO_AF_INET6_DARWIN;
	const char *name = af == PROTO_AF_INET ? "AF_INET (IPv4)" : v6 ? "AF_INET6 (IPv6)" : "not IP";
	dis_val(d, "%u = %s, %s", af, name, order);
	if (af == PROTO_AF_INET)
		return dis_ip4(d, 4);
	if (v6)
		return dis_ip6(d, 4);
	dis_note(d, "address family %u: not dissected", af);
	return 0;
}

static const char *sll_pkttype(unsigned t)
{
	static const char *const names[] = { "to us", "broadcast", "multicast", "to another host",
					     "sent by us" }; /* linux/if_packet.h PACKET_* */
	return t < 5 ? names[t] : "unknown";
}

/* The cooked headers' ARPHRD_ device type at `at`. */
static int arphrd(struct dis *d, const struct dis_hdr *h, uint32_t at)
{
	uint64_t v;
	if (dis_field(d, h, at, 0, 16, "ARPHRD type", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == PROTO_ARPHRD_ETHER ? " = Ethernet" : v == PROTO_ARPHRD_LOOPBACK ? " = loopback" : "");
	return 0;
}

/* The cooked headers' address length (len_bits wide, at at_len) and
 * 8-byte address field (at at_addr). */
static int address(struct dis *d, const struct dis_hdr *h, uint32_t at_len, unsigned len_bits, uint32_t at_addr)
{
	uint64_t alen;
	char buf[18];
	if (dis_uint(d, h, at_len, len_bits, "address length", " bytes", &alen))
		return -1;
	if (dis_field(d, h, at_addr, 0, 64, "address", NULL))
		return -1;
	dis_val(d, "%s", alen == 6 ? dec_fmt_mac(buf, d->pkt + h->off + at_addr) : "(first `address length` bytes)");
	return 0;
}

/* Linux cooked capture v1 (16 bytes; pcap-linktype(7) LINKTYPE_LINUX_SLL). */
static int dis_sll(struct dis *d)
{
	struct dis_hdr h = { "SLL", 0, "link", 0 };
	uint64_t v;
	dis_mark(d, 0, "SLL");
	dis_section(d, &h, 16, "Linux cooked header (SLL)");
	if (dis_field(d, &h, 0, 0, 16, "packet type", &v))
		return -1;
	dis_val(d, "%u = %s", (unsigned)v, sll_pkttype((unsigned)v));
	if (arphrd(d, &h, 2) || address(d, &h, 4, 16, 6))
		return -1;
	if (dis_field(d, &h, 14, 0, 16, "protocol", &v))
		return -1;
	dis_val(d, "0x%04x = %s", (unsigned)v, v <= PROTO_ETH_LEN_MAX ? "not an ethertype (not dissected)" : ethertype_name((unsigned)v));
	if (v <= PROTO_ETH_LEN_MAX)
		return 0;
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, 16, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, 16);
}

/* Linux cooked capture v2 (20 bytes; LINKTYPE_LINUX_SLL2). */
static int dis_sll2(struct dis *d)
{
	struct dis_hdr h = { "SLL2", 0, "link", 0 };
	uint64_t v, proto;
	dis_mark(d, 0, "SLL2");
	dis_section(d, &h, 20, "Linux cooked header v2 (SLL2)");
	if (dis_field(d, &h, 0, 0, 16, "protocol", &proto))
		return -1;
	dis_val(d, "0x%04x = %s", (unsigned)proto, proto <= PROTO_ETH_LEN_MAX ? "not an ethertype" : ethertype_name((unsigned)proto));
	if (dis_uint(d, &h, 2, 16, "reserved", "", &v))
		return -1;
	if (dis_uint(d, &h, 4, 32, "interface index", "", &v))
		return -1;
	if (arphrd(d, &h, 8))
		return -1;
	if (dis_field(d, &h, 10, 0, 8, "packet type", &v))
		return -1;
	dis_val(d, "%u = %s", (unsigned)v, sll_pkttype((unsigned)v));
	if (address(d, &h, 11, 8, 12))
		return -1;
	if (proto <= PROTO_ETH_LEN_MAX) {
		dis_note(d, "protocol 0x%04x is not an ethertype: not dissected", (unsigned)proto);
		return 0;
	}
	if (is_vlan_type((unsigned)proto))
		return dis_vlan(d, 20, (unsigned)proto);
	return dis_ethertype(d, (unsigned)proto, 20);
}

/* RAW, IPV4, IPV6: the packet starts with the IP header. */
static int dis_raw(struct dis *d, int dlt)
{
	fprintf(d->out, "\nno link-layer header: the IP header starts at byte 0\n");
	if (dlt == DLT_IPV4)
		return dis_ip4(d, 0);
	if (dlt == DLT_IPV6)
		return dis_ip6(d, 0);
	if (dis_need(d, 0, 1, "the IP version"))
		return -1;
	unsigned ver = d->pkt[0] >> 4;
	if (ver == 4)
		return dis_ip4(d, 0);
	if (ver == 6)
		return dis_ip6(d, 0);
	dis_note(d, "IP version %u: neither 4 nor 6, not dissected", ver);
	return 0;
}

int dis_linktype_ok(int dlt)
{
	return lt_by_dlt(dlt) != NULL;
}

int dis_link(struct dis *d, int dlt)
{
	switch (dlt) {
	case DLT_EN10MB: return dis_ether(d);
	case DLT_NULL: return dis_null(d, 0);
	case DLT_LOOP: return dis_null(d, 1);
	case DLT_LINUX_SLL: return dis_sll(d);
	case DLT_LINUX_SLL2: return dis_sll2(d);
	case DLT_RAW: case DLT_IPV4: case DLT_IPV6: return dis_raw(d, dlt);
	default: /* a link type the compiler knows and the dissector not yet */
		dis_note(d, "link type %s: its header is not dissected yet", lt_by_dlt(dlt)->name);
		return 0;
	}
}
