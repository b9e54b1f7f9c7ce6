/* dis_net.c: the network layer of `bpfx dissect`: ARP, IPv4 (with
 * options and the header checksum worked by hand) and IPv6 (with its
 * extension headers).  Each hands the transport header to dis_tp.c
 * along with what it needs: where the IP header is, how long it and the
 * datagram are, whether this is a fragment. */
#include <arpa/inet.h>
#include <string.h>

#include "decode/dis.h"

const char *dis_ipproto_name(unsigned p)
{
	return proto_name_or(&proto_ipprotos, p, PROTO_DISSECT, "unknown");
}

/* PPPoE session (RFC 2516 section 4) and the PPP protocol field (RFC
 * 1661) that starts its payload; IPv4 and IPv6 inside are dissected. */
static int dis_pppoe(struct dis *d, uint32_t off)
{
	struct dis_hdr h = { "PPPoE", off, "ether", off };
	uint64_t v, code;
	dis_mark(d, off, "PPPoE");
	dis_section(d, &h, 8, "PPPoE session header and PPP protocol");
	if (dis_field(d, &h, 0, 0, 4, "version", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == 1 ? "" : " (RFC 2516 says 1)");
	if (dis_field(d, &h, 0, 4, 4, "type", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == 1 ? "" : " (RFC 2516 says 1)");
	if (dis_field(d, &h, 1, 0, 8, "code", &code))
		return -1;
	dis_val(d, "0x%02x%s", (unsigned)code, code ? " (a discovery code: not session data)" : ": session data");
	if (dis_field(d, &h, 2, 0, 16, "session id", &v))
		return -1;
	dis_val(d, "0x%04x (`pppoes %u` matches it)", (unsigned)v, (unsigned)v);
	if (dis_field(d, &h, 4, 0, 16, "length", &v))
		return -1;
	dis_val(d, "%u bytes of payload, the PPP protocol field included", (unsigned)v);
	if (dis_field(d, &h, 6, 0, 16, "PPP protocol", &v))
		return -1;
	const char *what = proto_name_or(&proto_ppp, (unsigned)v, PROTO_DISSECT, "not dissected");
	dis_val(d, "0x%04x = %s", (unsigned)v, what);
	dis_note(d, "below a PPPoE header, ip[], tcp[] and the like find these bytes only in an "
		    "expression that says `pppoes` first (then `ip` tests this PPP protocol, 0x0021)");
	if (v == PROTO_PPP_IPV4)
		return dis_ip4(d, off + 8);
	if (v == PROTO_PPP_IPV6)
		return dis_ip6(d, off + 8);
	dis_mark(d, off + 8, "data");
	fprintf(d->out, "\nPPP protocol 0x%04x: not dissected; bytes %u on are its data\n", (unsigned)v, off + 8);
	return 0;
}

int dis_ethertype(struct dis *d, unsigned type, uint32_t off)
{
	switch (type) {
	case PROTO_ETH_IPV4: return dis_ip4(d, off);
	case PROTO_ETH_PPPOES: return dis_pppoe(d, off);
	case PROTO_ETH_IPV6: return dis_ip6(d, off);
	case PROTO_ETH_ARP:
	case PROTO_ETH_RARP: return dis_arp(d, off);
	default:
		dis_mark(d, off, "data");
		fprintf(d->out, "\nethertype 0x%04x: not dissected; bytes %u on are its data\n", type, off);
		return 0;
	}
}

/* ARP (RFC 826): hardware and protocol addresses of any length. */
int dis_arp(struct dis *d, uint32_t off)
{
	struct dis_hdr h = { "ARP", off, "arp", 0 };
	uint64_t v, hlen, plen;
	dis_mark(d, off, "ARP");
	dis_section(d, &h, 0, "ARP");
	if (dis_field(d, &h, 0, 0, 16, "hardware type", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == PROTO_ARPHRD_ETHER ? " = Ethernet" : "");
	if (dis_field(d, &h, 2, 0, 16, "protocol type", &v))
		return -1;
	dis_val(d, "0x%04x%s", (unsigned)v, v == PROTO_ETH_IPV4 ? " = IPv4" : "");
	if (dis_uint(d, &h, 4, 8, "hw addr length", " bytes", &hlen))
		return -1;
	if (dis_uint(d, &h, 5, 8, "proto addr len", " bytes", &plen))
		return -1;
	if (dis_field(d, &h, 6, 0, 16, "operation", &v))
		return -1;
	dis_val(d, "%u = %s", (unsigned)v, proto_name_or(&proto_arp_ops, (unsigned)v, PROTO_DISSECT, "unknown"));
	static const char *const names[] = { "sender hw addr", "sender address", "target hw addr",
					     "target address" };
	uint32_t at = 8;
	for (int i = 0; i < 4; i++) {
		unsigned n = (unsigned)(i % 2 ? plen : hlen);
		if (!n)
			continue;
		if (dis_field(d, &h, at, 0, n * 8, names[i], NULL))
			return -1;
		const uint8_t *p = d->pkt + off + at;
		char buf[INET_ADDRSTRLEN];
		if (i % 2 && n == 4)
			dis_val(d, "%s", inet_ntop(AF_INET, p, buf, sizeof buf));
		else if (!(i % 2) && n == 6)
			dis_val(d, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
		else
			dis_val(d, "(%u bytes)", n);
		at += n;
	}
	return 0;
}

int dis_option_data(struct dis *d, const struct dis_hdr *h, uint32_t at, unsigned kind, uint32_t len)
{
	(void)kind;
	return dis_data(d, h, at + 2, len > 2 ? len - 2 : 0, "option data", " bytes");
}

/* IPv4 options (RFC 791 3.1) and TCP options (RFC 9293 3.1) share their
 * form: kind 0 ends the list, kind 1 is one byte of padding, any other
 * kind is followed by a length that counts kind and length. */
int dis_options(struct dis *d, const struct dis_hdr *h, uint32_t hlen, const struct dis_optform *f)
{
	_Static_assert(PROTO_IPOPT_EOL == PROTO_TCPOPT_EOL && PROTO_IPOPT_NOP == PROTO_TCPOPT_NOP, "one form");
	uint32_t at = 20;
	uint64_t kind, len;
	while (at < hlen) {
		if (dis_field(d, h, at, 0, 8, "option kind", &kind))
			return -1;
		const char *name = proto_name_or(f->names, (unsigned)kind, PROTO_DISSECT, "unknown");
		if (f->ipv4)
			dis_val(d, "%u = %s (copied %u, class %u, number %u)", (unsigned)kind, name, (unsigned)kind >> 7,
				((unsigned)kind >> 5) & 3, (unsigned)kind & 31);
		else
			dis_val(d, "%u = %s", (unsigned)kind, name);
		if (kind == PROTO_IPOPT_EOL) {
			if (at + 1 < hlen)
				dis_note(d, "bytes %u-%u: padding after the end of options", h->off + at + 1,
					 h->off + hlen - 1);
			return 0;
		}
		if (kind == PROTO_IPOPT_NOP) {
			at++;
			continue;
		}
		if (dis_field(d, h, at + 1, 0, 8, "option length", &len))
			return -1;
		if (len < 2 || at + len > hlen) {
			dis_val(d, "%u: invalid (the option must fit in bytes %u-%u); the rest of the options are not read",
				(unsigned)len, h->off + at, h->off + hlen - 1);
			return 0;
		}
		dis_val(d, "%u bytes, kind and length included", (unsigned)len);
		if (f->data(d, h, at, (unsigned)kind, (uint32_t)len))
			return -1;
		at += (uint32_t)len;
	}
	return 0;
}

/* The version nibble that starts IPv4 and IPv6 headers: want, or stop. */
static int ip_version(struct dis *d, const struct dis_hdr *h, unsigned want)
{
	uint64_t v;
	if (dis_field(d, h, 0, 0, 4, "version", &v))
		return -1;
	if (v != want) {
		dis_val(d, "%u: not %u, so this is not an IPv%u header; stopping", (unsigned)v, want, want);
		return -1;
	}
	dis_val(d, "%u", want);
	return 0;
}

static const char *ecn_name(unsigned e)
{
	static const char *const n[] = { "Not-ECT", "ECT(1)", "ECT(0)", "CE" }; /* RFC 3168 5 */
	return n[e & 3];
}

/* IPv4's type of service and IPv6's traffic class: DSCP and ECN (RFC 2474,
 * RFC 3168), 8 bits from bit `bit` of byte `off`. */
static int dscp_ecn(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, const char *name)
{
	uint64_t v;
	if (dis_field(d, h, off, bit, 8, name, &v))
		return -1;
	dis_val(d, "0x%02x: DSCP %u, ECN %u = %s", (unsigned)v, (unsigned)v >> 2, (unsigned)v & 3,
		ecn_name((unsigned)v));
	return 0;
}

/* The source and destination address rows of an IP header: af's
 * addresses, the source at byte src_at, the destination right after it. */
static int addresses(struct dis *d, const struct dis_hdr *h, int af, uint32_t src_at)
{
	static const char *const names[2] = { "source", "destination" };
	unsigned bits = af == AF_INET ? 32 : 128;
	char buf[INET6_ADDRSTRLEN];
	for (unsigned k = 0; k < 2; k++) {
		uint32_t at = src_at + k * bits / 8;
		if (dis_field(d, h, at, 0, bits, names[k], NULL))
			return -1;
		dis_val(d, "%s", inet_ntop(af, d->pkt + h->off + at, buf, sizeof buf));
	}
	return 0;
}

/* IPv4 (RFC 791). */
int dis_ip4(struct dis *d, uint32_t off)
{
	struct dis_hdr h = { "IPv4", off, "ip", 0 };
	uint64_t v, ihl, total, flags_frag, proto, cksum;
	dis_mark(d, off, "IPv4");
	uint32_t len = dis_has(d, off, 1) && (d->pkt[off] & 0xf) >= 5 ? (d->pkt[off] & 0xfu) * 4 : 0;
	dis_section(d, &h, len, "IPv4 header");
	if (ip_version(d, &h, 4))
		return -1;
	if (dis_field(d, &h, 0, 4, 4, "header length", &ihl))
		return -1;
	if (ihl < 5) {
		dis_val(d, "%u x 4 = %u bytes: less than the 20 bytes of the fixed header, invalid; stopping",
			(unsigned)ihl, (unsigned)ihl * 4);
		return -1;
	}
	uint32_t hlen = (uint32_t)ihl * 4;
	dis_val(d, "%u x 4 = %u bytes (%s)", (unsigned)ihl, hlen, hlen == 20 ? "no options" : "options follow");
	if (dscp_ecn(d, &h, 1, 0, "type of service"))
		return -1;
	if (dis_field(d, &h, 2, 0, 16, "total length", &total))
		return -1;
	if (total < hlen)
		dis_val(d, "%u bytes: shorter than the header, invalid", (unsigned)total);
	else
		dis_val(d, "%u bytes: %u of header + %u of data", (unsigned)total, hlen, (unsigned)(total - hlen));
	if (dis_field(d, &h, 4, 0, 16, "identification", &v))
		return -1;
	dis_val(d, "%u (0x%04x)", (unsigned)v, (unsigned)v);
	if (dis_flag(d, &h, 6, 0, "flag R", "reserved, set (it should be 0)", "reserved, 0 as it must be", &v) ||
	    dis_flag(d, &h, 6, 1, "flag DF", "don't fragment", "may be fragmented", &v) ||
	    dis_flag(d, &h, 6, 2, "flag MF", "more fragments follow", "no more fragments", &v))
		return -1;
	int mf = (int)v;
	if (dis_field(d, &h, 6, 3, 13, "fragment offset", &flags_frag))
		return -1;
	dis_val(d, "%u x 8 = %u bytes", (unsigned)flags_frag, (unsigned)flags_frag * 8);
	if (dis_uint(d, &h, 8, 8, "time to live", "", &v))
		return -1;
	if (dis_field(d, &h, 9, 0, 8, "protocol", &proto))
		return -1;
	dis_val(d, "%u = %s", (unsigned)proto, dis_ipproto_name((unsigned)proto));
	if (dis_field(d, &h, 10, 0, 16, "header checksum", &cksum))
		return -1;
	dis_val(d, "0x%04x (recomputed below)", (unsigned)cksum);
	if (addresses(d, &h, AF_INET, 12))
		return -1;
	if (dis_options(d, &h, hlen, &(struct dis_optform){ &proto_ipopts, 1, dis_option_data }))
		return -1;
	if (dis_need(d, off, hlen, "the header checksum"))
		return -1;
	struct dis_part part = { d->pkt + off, hlen, 10, "the header, checksum field as 0000" };
	char title[128];
	snprintf(title, sizeof title, "IPv4 header checksum (RFC 1071), over the %u-byte header:", hlen);
	dis_cksum_show(d, title, &part, 1, (unsigned)cksum);
	if (total < hlen)
		return 0;
	struct dis_net n = { 0, off, hlen, (uint32_t)total, flags_frag != 0, mf || flags_frag != 0 };
	return dis_transport(d, &n, (unsigned)proto, off + hlen);
}

/* Options of the hop-by-hop and destination options headers (RFC 8200 4.2). */
static int ip6_tlvs(struct dis *d, const struct dis_hdr *h, uint32_t at, uint32_t end)
{
	uint64_t type, len;
	while (at < end) {
		if (dis_field(d, h, at, 0, 8, "option type", &type))
			return -1;
		const char *name = type == PROTO_IP6OPT_PAD1 ? "Pad1" : type == PROTO_IP6OPT_PADN ? "PadN" :
				   type == PROTO_IP6OPT_RA ? "router alert" :
				   type == PROTO_IP6OPT_JUMBO ? "jumbo payload" : "unknown";
		dis_val(d, "%u = %s", (unsigned)type, name);
		if (type == PROTO_IP6OPT_PAD1) {
			at++;
			continue;
		}
		if (dis_field(d, h, at + 1, 0, 8, "option length", &len))
			return -1;
		dis_val(d, "%u bytes of data", (unsigned)len);
		if (len) {
			if (dis_field(d, h, at + 2, 0, (unsigned)len * 8, "option data", NULL))
				return -1;
			dis_val(d, "%u bytes", (unsigned)len);
		}
		at += 2 + (uint32_t)len;
	}
	return 0;
}

/* One extension header; *nh becomes the next header, *len its length.
 * Returns -1 to stop. */
static int ip6_ext(struct dis *d, uint32_t ip6off, uint32_t off, unsigned type, unsigned *nh, uint32_t *len,
		   struct dis_net *n)
{
	static const char *const names[] = { [PROTO_IP_HOPOPTS] = "IPv6 hop-by-hop options", [PROTO_IP_ROUTING] = "IPv6 routing header",
					     [PROTO_IP_FRAGMENT] = "IPv6 fragment header", [PROTO_IP_AH] = "authentication header (AH)",
					     [PROTO_IP_DSTOPTS] = "IPv6 destination options" };
	struct dis_hdr h = { names[type], off, "ip6", off - ip6off };
	uint64_t v, hl = 0;
	dis_mark(d, off, type == PROTO_IP_FRAGMENT ? "fragment" : type == PROTO_IP_AH ? "AH" : type == PROTO_IP_ROUTING ? "routing" : "options");
	uint32_t elen = 8;
	if (type != PROTO_IP_FRAGMENT && dis_has(d, off + 1, 1))
		elen = type == PROTO_IP_AH ? (d->pkt[off + 1] + 2u) * 4 : (d->pkt[off + 1] + 1u) * 8;
	dis_section(d, &h, elen, names[type]);
	if (dis_field(d, &h, 0, 0, 8, "next header", &v))
		return -1;
	*nh = (unsigned)v;
	dis_val(d, "%u = %s", (unsigned)v, dis_ipproto_name((unsigned)v));
	if (type == PROTO_IP_FRAGMENT) {
		if (dis_uint(d, &h, 1, 8, "reserved", "", &v))
			return -1;
		if (dis_field(d, &h, 2, 0, 13, "fragment offset", &v))
			return -1;
		dis_val(d, "%u x 8 = %u bytes", (unsigned)v, (unsigned)v * 8);
		n->nonfirst = v != 0;
		if (dis_bits(d, &h, 3, 5, 2, "reserved", "", &v))
			return -1;
		if (dis_flag(d, &h, 3, 7, "M flag", "more fragments follow", "last fragment", &v))
			return -1;
		n->fragment = 1;
		if (dis_field(d, &h, 4, 0, 32, "identification", &v))
			return -1;
		dis_val(d, "%u (0x%08x)", (unsigned)v, (unsigned)v);
		*len = 8;
		return 0;
	}
	if (dis_field(d, &h, 1, 0, 8, "header length", &hl))
		return -1;
	if (type == PROTO_IP_AH)
		dis_val(d, "%u: (%u + 2) x 4 = %u bytes", (unsigned)hl, (unsigned)hl, elen);
	else
		dis_val(d, "%u: (%u + 1) x 8 = %u bytes", (unsigned)hl, (unsigned)hl, elen);
	*len = elen;
	if (type == PROTO_IP_HOPOPTS || type == PROTO_IP_DSTOPTS)
		return ip6_tlvs(d, &h, 2, elen);
	if (type == PROTO_IP_ROUTING) {
		if (dis_uint(d, &h, 2, 8, "routing type", "", &v))
			return -1;
		if (dis_uint(d, &h, 3, 8, "segments left", "", &v))
			return -1;
		return dis_data(d, &h, 4, elen > 4 ? elen - 4 : 0, "type data", " bytes");
	}
	/* AH (RFC 4302 2) */
	if (dis_uint(d, &h, 2, 16, "reserved", "", &v))
		return -1;
	if (dis_hex(d, &h, 4, 32, "SPI", &v))
		return -1;
	if (dis_uint(d, &h, 8, 32, "sequence number", "", &v))
		return -1;
	return dis_data(d, &h, 12, elen > 12 ? elen - 12 : 0, "ICV", " bytes of integrity check value");
}

/* IPv6 (RFC 8200). */
int dis_ip6(struct dis *d, uint32_t off)
{
	struct dis_hdr h = { "IPv6", off, "ip6", 0 };
	uint64_t v, plen, nh;
	dis_mark(d, off, "IPv6");
	dis_section(d, &h, 40, "IPv6 header");
	if (ip_version(d, &h, 6))
		return -1;
	if (dscp_ecn(d, &h, 0, 4, "traffic class"))
		return -1;
	if (dis_field(d, &h, 1, 4, 20, "flow label", &v))
		return -1;
	dis_val(d, "0x%05x", (unsigned)v);
	if (dis_field(d, &h, 4, 0, 16, "payload length", &plen))
		return -1;
	dis_val(d, "%u bytes after this 40-byte header", (unsigned)plen);
	if (dis_field(d, &h, 6, 0, 8, "next header", &nh))
		return -1;
	dis_val(d, "%u = %s", (unsigned)nh, dis_ipproto_name((unsigned)nh));
	if (dis_uint(d, &h, 7, 8, "hop limit", "", &v))
		return -1;
	if (addresses(d, &h, AF_INET6, 8))
		return -1;

	struct dis_net n = { 1, off, 40, 40 + (uint32_t)plen, 0, 0 };
	unsigned next = (unsigned)nh;
	uint32_t at = off + 40;
	for (int i = 0; i < 8 && (next == PROTO_IP_HOPOPTS || next == PROTO_IP_ROUTING || next == PROTO_IP_FRAGMENT ||
				     next == PROTO_IP_AH || next == PROTO_IP_DSTOPTS); i++) {
		uint32_t len = 0;
		if (ip6_ext(d, off, at, next, &next, &len, &n))
			return -1;
		at += len;
		n.hlen += len;
		if (n.nonfirst)
			break;
	}
	return dis_transport(d, &n, next, at);
}
