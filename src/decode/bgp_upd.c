/* bgp_upd.c: a BGP UPDATE's body (RFC 4271 4.3) as tcpdump 4.99 prints it
 * with -v: the withdrawn routes, each path attribute with its flags and
 * value, the IPv4 NLRI; MP_REACH/MP_UNREACH (RFC 4760) for the IPv4/IPv6
 * unicast, multicast and labeled VPN families.  What is not decoded yet
 * (other families, PMSI, tunnel encapsulation, some extended community
 * kinds) ends the line, reported as handed off.  With -vv every attribute
 * is followed by its hex, as tcpdump does. */
#include <arpa/inet.h>
#include <string.h>

#include "decode/dec.h"

enum { B_STOP = -1, B_TRUNC = 0, B_OK = 1 }; /* handed off / " [|bgp]" / go on */
enum { AT_ORIGIN = 1, AT_AS_PATH, AT_NEXT_HOP, AT_MED, AT_LOCAL_PREF, AT_ATOMIC, AT_AGGREGATOR,
       AT_COMMUNITIES, AT_ORIGINATOR, AT_CLUSTER, AT_MP_REACH = 14, AT_MP_UNREACH, AT_EXT_COMM,
       AT_AS4_PATH, AT_AGGREGATOR4, AT_AIGP = 26, AT_LARGE_COMM = 32, AT_BAD = 256 };
enum { AF_IP4 = 1, AF_IP6 = 2, SAFI_UNI = 1, SAFI_MULTI, SAFI_UNIMULTI, SAFI_LABELED, SAFI_VPN = 128, SAFI_RT = 132 };

const struct dec_tok dec_bgp_afs[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" }, { 4, "HDLC" }, { 5, "BBN 1822" },
	{ 6, "802" }, { 7, "E.163" }, { 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 196, "Layer-2 VPN" }, { 25, "VPLS" }, { 0, NULL },
};
const struct dec_tok dec_bgp_safis[] = {
	{ 0, "Reserved" }, { 1, "Unicast" }, { 2, "Multicast" }, { 3, "Unicast+Multicast" },
	{ 4, "labeled Unicast" }, { 64, "Tunnel" }, { 65, "VPLS" }, { 66, "MDT" }, { 70, "EVPN" },
	{ 128, "labeled VPN Unicast" }, { 129, "labeled VPN Multicast" }, { 130, "labeled VPN Unicast+Multicast" },
	{ 132, "Route Target Routing Information" }, { 5, "Multicast VPN" }, { 0, NULL },
};
static const char *const attrs[256] = {
	[1] = "Origin", [2] = "AS Path", [17] = "AS4 Path", [3] = "Next Hop", [4] = "Multi Exit Discriminator",
	[5] = "Local Preference", [6] = "Atomic Aggregate", [7] = "Aggregator", [18] = "Aggregator4",
	[8] = "Community", [9] = "Originator ID", [10] = "Cluster List", [11] = "DPA", [12] = "Advertisers",
	[13] = "RCID Path / Cluster ID", [14] = "Multi-Protocol Reach NLRI", [15] = "Multi-Protocol Unreach NLRI",
	[16] = "Extended Community", [22] = "PMSI Tunnel", [23] = "Tunnel Encapsulation",
	[24] = "Traffic Engineering", [25] = "IPv6 Extended Community", [26] = "Accumulated IGP Metric",
	[27] = "PE Distinguisher Label", [28] = "Entropy Label", [32] = "Large Community",
	[128] = "Attribute Set", [255] = "Reserved for development",
};
/* The length rules tcpdump checks before decoding ("invalid len"):
 * an exact length, or a multiple of a unit (0: none). */
static const struct { uint8_t type, exact, unit, alt; } len_rules[] = {
	{ AT_ORIGIN, 1, 0, 0 }, { AT_AS_PATH, 0, 2, 0 }, { AT_AS4_PATH, 0, 2, 0 }, { AT_NEXT_HOP, 4, 0, 0 },
	{ AT_MED, 4, 0, 0 }, { AT_LOCAL_PREF, 4, 0, 0 }, { AT_ATOMIC, 0, 0, 0 }, { AT_AGGREGATOR, 6, 0, 8 },
	{ AT_AGGREGATOR4, 8, 0, 0 }, { AT_COMMUNITIES, 0, 4, 0 }, { AT_ORIGINATOR, 4, 0, 0 },
	{ AT_CLUSTER, 0, 4, 0 }, { AT_EXT_COMM, 0, 8, 0 }, { AT_LARGE_COMM, 0, 12, 0 },
};

static int bad_len(unsigned type, size_t len)
{
	for (size_t i = 0; i < sizeof len_rules / sizeof len_rules[0]; i++) {
		if (len_rules[i].type != type)
			continue;
		if (len_rules[i].unit)
			return len % len_rules[i].unit || (type == AT_LARGE_COMM && len == 0);
		return len != len_rules[i].exact && (!len_rules[i].alt || len != len_rules[i].alt);
	}
	return 0;
}
static const struct dec_tok origins[] = { { 0, "IGP" }, { 1, "EGP" }, { 2, "Incomplete" }, { 0, NULL } };
/* AS path segments: what opens and closes each kind */
static const struct dec_tok seg_open[] = { { 2, "" }, { 1, "{ " }, { 3, "( " }, { 4, "({ " }, { 0, NULL } };
static const struct dec_tok seg_close[] = { { 2, "" }, { 1, "}" }, { 3, ")" }, { 4, "})" }, { 0, NULL } };
static const struct dec_tok ext_types[] = {
	{ 0x0002, "target" }, { 0x0102, "target" }, { 0x0202, "target" }, { 0x0003, "origin" },
	{ 0x0103, "origin" }, { 0x0203, "origin" }, { 0x4004, "link-BW" }, { 0x0005, "ospf-domain" },
	{ 0x0105, "ospf-domain" }, { 0x0205, "ospf-domain" }, { 0x8005, "ospf-domain" },
	{ 0x0306, "ospf-route-type" }, { 0x8000, "ospf-route-type" }, { 0x030c, "encapsulation" },
	{ 0x0107, "ospf-router-id" }, { 0x8001, "ospf-router-id" }, { 0x800a, "layer2-info" },
	{ 0x8800, "eigrp-general-route (flag, tag)" }, { 0x8801, "eigrp-route-metric (AS, delay)" },
	{ 0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)" },
	{ 0x8803, "eigrp-route-metric (load, MTU)" }, { 0x8804, "eigrp-external-route (remote-AS, remote-ID)" },
	{ 0x8805, "eigrp-external-route (remote-proto, remote-metric)" }, { 0x0009, "source-AS" },
	{ 0x010b, "vrf-route-import" }, { 0x000a, "l2vpn-id" }, { 0xf10a, "l2vpn-id" }, { 0, NULL },
};
static const struct dec_tok ext_flags[] = { { 0x8000, "vendor-specific" }, { 0x4000, "non-transitive" }, { 0, NULL } };

static void ip4(struct dec_ctx *d, const uint8_t *a)
{
	dec_need(d, a, 4);
	dec_ip4addr(d, a);
}

/* A route distinguisher (RFC 4364 4.2) in tcpdump's three forms. */
static void rd(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 8);
	switch (dec_get_be16(p)) {
	case 0:
		dec_printf(d, "%u:%u (= %u.%u.%u.%u)", dec_get_be16(p + 2), dec_get_be32(p + 4), p[4], p[5], p[6], p[7]);
		break;
	case 1:
		dec_printf(d, "%u.%u.%u.%u:%u", p[2], p[3], p[4], p[5], dec_get_be16(p + 6));
		break;
	case 2:
		dec_printf(d, "%u:%u (%u.%u.%u.%u:%u)", dec_get_be32(p + 2), dec_get_be16(p + 6), p[2], p[3], p[4], p[5],
			   dec_get_be16(p + 6));
		break;
	default:
		dec_printf(d, "unknown RD format");
	}
}

/* An address prefix of bits bits from p (bytes after it zero, the last one
 * masked), printed as ADDR/BITS. */
static void prefix(struct dec_ctx *d, const uint8_t *p, unsigned bits, int v6)
{
	uint8_t a[16] = { 0 };
	unsigned n = (bits + 7) / 8;
	dec_need(d, p, n);
	memcpy(a, p, n);
	if (bits % 8)
		a[n - 1] &= (uint8_t)(0xff00 >> (bits % 8));
	/* a copy: the accessors would check it against the capture */
	const char *name = v6 ? dec_host6(d, a) : dec_host4(d, a);
	char buf[INET6_ADDRSTRLEN];
	if (!name)
		name = inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, sizeof buf);
	dec_printf(d, "%s/%u", name, bits);
}

/* tcpdump's guess whether a list of prefixes carries RFC 7911 path ids. */
static int add_path(const struct dec_ctx *d, const uint8_t *p, size_t len, unsigned max)
{
	size_t off;
	if (len < 5)
		return 0;
	for (off = 0; off < len;) {
		off += 4;
		if (!dec_has(d, p + off, 1))
			break;
		if (p[off] > max)
			return 0;
		off += 1 + (p[off] + 7u) / 8;
	}
	if (off > len)
		return 0;
	for (off = 0; off < len;) {
		if (!dec_has(d, p + off, 1))
			break;
		if (p[off] < 1 || p[off] > max)
			return 1;
		off += 1 + (p[off] + 7u) / 8;
	}
	return off > len;
}

/* One prefix of an IPv4 list (withdrawn, NLRI): its size, -1 for a bad
 * length, -2 when fewer than its bytes are left. */
static int prefix4(struct dec_ctx *d, const uint8_t *p, size_t left, const char *ind)
{
	if (left < 1)
		return -2;
	unsigned bits = dec_u8(d, p);
	if (bits > 32)
		return -1;
	if ((bits + 7) / 8 > left - 1)
		return -2;
	dec_need(d, p + 1, (bits + 7) / 8);
	dec_printf(d, "%s", ind);
	prefix(d, p + 1, bits, 0);
	return 1 + (int)(bits + 7) / 8;
}

/* A withdrawn or NLRI list of IPv4 prefixes: B_OK, or B_TRUNC for
 * tcpdump's goto trunc. */
static int routes4(struct dec_ctx *d, const uint8_t **pp, size_t *lenp, size_t *np, const char *title)
{
	const uint8_t *p = *pp;
	size_t n = *np;
	int ap = add_path(d, p, n, 32), r = B_OK;
	uint32_t id = 0;
	dec_printf(d, "%s", title);
	while (n) {
		if (ap) {
			if (n < 4) {
				p += n;
				n = 0;
				break;
			}
			id = dec_be32(d, p);
			p += 4;
			n -= 4;
		}
		int k = prefix4(d, p, n, "\n\t    ");
		if (k == -1) {
			dec_printf(d, "\n\t    (illegal prefix length)");
			break;
		}
		if (k == -2) {
			r = B_TRUNC;
			break;
		}
		if (ap)
			dec_printf(d, "   Path Id: %u", id);
		p += k;
		n -= (size_t)k;
	}
	*lenp -= (size_t)(p - *pp);
	*pp = p;
	*np = n;
	return r;
}

static unsigned as_size(const uint8_t *p, size_t len)
{
	const uint8_t *q = p;
	while (q < p + len) {
		if (q[0] < 1 || q[0] > 4)
			return 4;
		q += 2 + q[1] * 2;
	}
	return q == p + len ? 2 : 4;
}

static void ext_comm(struct dec_ctx *d, const uint8_t *p)
{
	union {
		float f;
		uint32_t i;
	} bw;
	switch (dec_get_be16(p)) {
	case 0x0002: case 0x0003: case 0x000a:
		dec_printf(d, "%u:%u (= ", dec_get_be16(p + 2), dec_get_be32(p + 4));
		dec_ip4addr(d, p + 4);
		dec_printf(d, ")");
		break;
	case 0x0102: case 0x0103: case 0xf10a: case 0x010b:
		dec_ip4addr(d, p + 2);
		dec_printf(d, ":%u", dec_get_be16(p + 6));
		break;
	case 0x0202: case 0x0203:
		dec_printf(d, "%u:%u", dec_get_be32(p + 2), dec_get_be16(p + 6));
		break;
	case 0x4004:
		bw.i = dec_get_be32(p + 4);
		dec_printf(d, "bandwidth: %.3f Mbps", bw.f * 8 / 1000000);
		break;
	case 0x0005: case 0x0105: case 0x0205: case 0x8005: case 0x0107: case 0x8001:
		dec_ip4addr(d, p + 2);
		break;
	case 0x0009:
		dec_printf(d, "AS %u", dec_get_be16(p + 2));
		break;
	default:
		dec_hexlines(d, "\n\t      ", p, 8);
	}
}

/* The families decoded here (tcpdump decodes more: those hand off). */
static int family_known(unsigned af, unsigned safi)
{
	return ((af == AF_IP4 || af == AF_IP6) && ((safi >= SAFI_UNI && safi <= SAFI_LABELED) || safi == SAFI_VPN)) ||
	       (af == AF_IP4 && safi == SAFI_RT);
}

/* A route target prefix of bits bits (RFC 4684 4) as tcpdump's
 * bgp_rt_prefix_print shows it, into out: the extended community by its
 * type, then the bytes in hex. */
static void rt_prefix(char out[61], const uint8_t rt[8], unsigned bits)
{
	char hex[20] = "";
	unsigned n = (bits + 7) / 8, at = 0;
	if (bits == 0) {
		snprintf(out, 61, "route-target: 0:0/0");
		return;
	}
	for (unsigned i = 0; i < n; i++)
		at += (unsigned)snprintf(hex + at, sizeof hex - at, "%02x%s", rt[i], i % 2 == 1 && i < n - 1 ? " " : "");
	unsigned type = dec_get_be16(rt);
	if (bits < 16)
		snprintf(out, 61, "route-target: partial-type: (%s/%u)", hex, bits);
	else if (type == 0x0002) /* 2-byte AS:number */
		snprintf(out, 61, "route-target: %u:%u/%u (%s)", dec_get_be16(rt + 2), dec_get_be32(rt + 4), bits, hex);
	else if (type == 0x0102) /* IPv4 address:number */
		snprintf(out, 61, "route-target: %u.%u.%u.%u:%u/%u (%s)", rt[2], rt[3], rt[4], rt[5],
			 dec_get_be16(rt + 6), bits, hex);
	else if (type == 0x0202) /* 4-byte AS:number */
		snprintf(out, 61, "route-target: %u:%u/%u (%s)", dec_get_be32(rt + 2), dec_get_be16(rt + 6), bits, hex);
	else
		snprintf(out, 61, "route target: unknown-type(%04x) (%s/%u)", type, hex, bits);
}

/* A route target membership NLRI (RFC 4684): its size, or -1. */
static int rt_nlri(struct dec_ctx *d, const uint8_t *p)
{
	unsigned bits = dec_u8(d, p);
	if (bits == 0) {
		dec_printf(d, "\n\t      default route target");
		return 1;
	}
	uint32_t as = bits < 32 ? 0 : dec_be32(d, p + 1);
	if (bits < 32 || bits - 32 > 64) {
		dec_printf(d, "\n\t      (illegal prefix length)");
		return -1;
	}
	bits -= 32;
	unsigned n = (bits + 7) / 8;
	uint8_t rt[8] = { 0 };
	dec_need(d, p + 5, n);
	memcpy(rt, p + 5, n);
	if (bits % 8)
		rt[n - 1] &= (uint8_t)(0xff00 >> (bits % 8));
	char out[61];
	rt_prefix(out, rt, bits);
	dec_printf(d, "\n\t      origin AS: %u, %s", as, out);
	return 5 + (int)n;
}

/* One NLRI of an MP attribute: its size, or <0 to stop (-2: trunc). */
static int mp_nlri(struct dec_ctx *d, unsigned af, unsigned safi, const uint8_t *p, size_t len, int ap4, int ap6)
{
	int v6 = af == AF_IP6, ap = v6 ? ap6 : ap4;
	unsigned max = v6 ? 128 : 32;
	if (safi == SAFI_RT)
		return rt_nlri(d, p);
	if (safi == SAFI_VPN) {
		unsigned bits = dec_u8(d, p);
		if (bits < 24 + 64 || bits - 88 > max) {
			dec_printf(d, "\n\t    (illegal prefix length)");
			return -1;
		}
		bits -= 88;
		dec_need(d, p, 12 + (bits + 7) / 8);
		dec_printf(d, "\n\t      RD: ");
		rd(d, p + 4);
		dec_printf(d, ", ");
		prefix(d, p + 12, bits, v6);
		dec_printf(d, ", label:%u %s", (unsigned)(p[1] << 16 | p[2] << 8 | p[3]) >> 4,
			   p[3] & 1 ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
		return 12 + (int)(bits + 7) / 8;
	}
	if (safi == SAFI_LABELED) { /* RFC 3107: a label before the prefix, counted in its length */
		if (!dec_has(d, p, 4))
			return -2;
		if (len < 4)
			return -3;
		unsigned bits = p[0];
		if (bits < 24 || bits - 24 > max) {
			dec_printf(d, "\n\t    (illegal prefix length)");
			return -1;
		}
		bits -= 24;
		if (!v6 && (bits + 7) / 8 > len - 4)
			return -3;
		dec_need(d, p + 4, (bits + 7) / 8);
		dec_printf(d, "\n\t      ");
		prefix(d, p + 4, bits, v6);
		dec_printf(d, ", label:%u %s", (unsigned)(p[1] << 16 | p[2] << 8 | p[3]) >> 4,
			   p[3] & 1 ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
		return 4 + (int)(bits + 7) / 8;
	}
	uint32_t id = 0;
	if (ap) {
		id = dec_be32(d, p);
		p += 4;
	}
	if (len < 1)
		return -2;
	unsigned bits = dec_u8(d, p);
	int k;
	if (bits > max) {
		dec_printf(d, "\n\t    (illegal prefix length)");
		k = -1;
	} else if ((bits + 7) / 8 > len - 1) {
		return -1; /* tcpdump: bytes left, but not enough: the loop ends */
	} else {
		dec_need(d, p + 1, (bits + 7) / 8);
		dec_printf(d, "\n\t      ");
		prefix(d, p + 1, bits, v6);
		k = 1 + (int)(bits + 7) / 8;
	}
	if (ap) {
		dec_printf(d, "   Path Id: %u", id);
		k += 4;
	}
	return k;
}

/* The AFI << 8 | SAFI tcpdump decodes (bgp_mp_af_print): IPv4, IPv6 and
 * NSAP unicast, multicast, VPN; IPv4 and IPv6 labeled; IPv4 route target,
 * multicast VPN and MDT; L2VPN; VPLS. */
static const unsigned tcpdump_families[] = {
	0x101, 0x102, 0x103, 0x104, 0x184, 0x180, 0x181, 0x182, 0x105, 0x142, 0x201, 0x202, 0x203, 0x204, 0x280,
	0x281, 0x282, 0x301, 0x302, 0x303, 0x380, 0x381, 0x382, 0xc480, 0xc481, 0xc482, 0x1941,
};

/* AFI/SAFI of an MP attribute: 1 when decoded here, 0 when tcpdump says it
 * has no decoder, -1 to hand off. */
static int mp_family(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned *af, unsigned *safi)
{
	if (!dec_has(d, p, 3))
		return -2;
	*af = dec_get_be16(p);
	*safi = p[2];
	dec_printf(d, "\n\t    AFI: %s (%u), %sSAFI: %s (%u)", dec_tok(dec_bgp_afs, *af, "Unknown AFI"), *af,
		   *safi > 128 ? "vendor specific " : "", dec_tok(dec_bgp_safis, *safi, "Unknown SAFI"), *safi);
	if (family_known(*af, *safi))
		return 1;
	for (size_t i = 0; i < sizeof tcpdump_families / sizeof tcpdump_families[0]; i++)
		if (tcpdump_families[i] == (*af << 8 | *safi))
			return -1;
	if (!dec_has(d, p, len))
		return -2;
	dec_printf(d, "\n\t    no AFI %u / SAFI %u decoder", *af, *safi);
	if (d->o.vflag <= 1)
		dec_hexlines(d, "\n\t    ", p, len);
	return 0;
}

static int mp_reach(struct dec_ctx *d, const uint8_t *p, size_t len, int unreach)
{
	unsigned af, safi;
	const uint8_t *t = p;
	size_t tlen = len;
	if (!unreach && tlen < 3) {
		if (!dec_has(d, p, 3))
			return B_TRUNC;
		return B_TRUNC;
	}
	int r = mp_family(d, p, len, &af, &safi);
	if (r == -2)
		return B_TRUNC;
	if (r < 0)
		return B_STOP;
	if (r == 0)
		return B_OK;
	t += 3;
	tlen -= 3;
	if (unreach) {
		if (len == 3)
			dec_printf(d, "\n\t      End-of-Rib Marker (empty NLRI)");
	} else {
		if (tlen < 1)
			return B_TRUNC;
		unsigned nhlen = dec_u8(d, t), left = nhlen, one = (af == AF_IP6 ? 16 : 4) + (safi == SAFI_VPN ? 8 : 0);
		t++;
		tlen--;
		if (nhlen) {
			if (tlen < nhlen)
				return B_TRUNC;
			const uint8_t *after = t + nhlen; /* the next hops, however they end */
			dec_printf(d, "\n\t    nexthop: ");
			for (int n = 0; left; n++) {
				if (n)
					dec_printf(d, ", ");
				if (left < one) {
					dec_printf(d, "invalid len");
					break;
				}
				if (safi == SAFI_VPN) {
					dec_printf(d, "RD: ");
					rd(d, t);
					dec_printf(d, ", ");
				}
				dec_need(d, t, one);
				if (af == AF_IP6)
					dec_ip6addr(d, t + one - 16);
				else
					dec_ip4addr(d, t + one - 4);
				t += one;
				left -= one;
			}
			t = after;
			tlen -= nhlen;
		}
		dec_printf(d, ", nh-length: %u", nhlen);
		if (tlen < 1)
			return B_TRUNC;
		unsigned snpa = dec_u8(d, t);
		t++;
		tlen--;
		if (snpa) {
			dec_printf(d, "\n\t    %u SNPA", snpa);
			for (; snpa; snpa--) {
				if (tlen < 1)
					return B_TRUNC;
				unsigned sl = dec_u8(d, t);
				dec_printf(d, "\n\t      %u bytes", sl);
				t++;
				tlen--;
				if (tlen < sl)
					return B_TRUNC;
				if (!dec_has(d, t, sl))
					return B_TRUNC;
				t += sl;
				tlen -= sl;
			}
		} else {
			dec_printf(d, ", no SNPA");
		}
	}
	int ap4 = add_path(d, t, len - (size_t)(t - p), 32), ap6 = add_path(d, t, len - (size_t)(t - p), 128);
	while (t < p + len) {
		int k = mp_nlri(d, af, safi, t, len, ap4, ap6);
		if (k == -2)
			return B_TRUNC;
		if (k < 0)
			break;
		t += k;
	}
	return B_OK;
}

/* An attribute's flags, but the closing bracket. */
static void flags(struct dec_ctx *d, unsigned fl)
{
	dec_printf(d, ", Flags [%s%s%s%s", fl & 0x80 ? "O" : "", fl & 0x40 ? "T" : "", fl & 0x20 ? "P" : "",
		   fl & 0x10 ? "E" : "");
	if (fl & 0xf)
		dec_printf(d, "+%x", fl & 0xf);
}

/* One attribute's value (tcpdump's bgp_attr_print). */
static int set(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned level);

static int attr(struct dec_ctx *d, unsigned type, const uint8_t *p, size_t len, unsigned level)
{
	const uint8_t *t = p;
	size_t n = len;
	int bad = bad_len(type, len);
	if (bad)
		dec_printf(d, "invalid len");
	switch (bad ? AT_BAD : type) {
	case AT_BAD: /* straight to the hex of -vv */
		break;
	case AT_ORIGIN:
		dec_printf(d, "%s", dec_tok(origins, dec_u8(d, p), "Unknown Origin Typecode"));
		break;
	case AT_AS_PATH: case AT_AS4_PATH: {
		if (!len) {
			dec_printf(d, "empty");
			break;
		}
		unsigned sz = type == AT_AS4_PATH ? 4 : as_size(p, len);
		while (t < p + len) {
			unsigned seg = dec_u8(d, t), cnt = dec_u8(d, t + 1);
			dec_printf(d, "%s", dec_tok(seg_open, seg, "?"));
			for (unsigned i = 0; i < cnt * sz; i += sz) {
				if (!dec_has(d, t + 2 + i, sz))
					return B_TRUNC;
				dec_printf(d, "%u ", sz == 2 ? dec_get_be16(t + 2 + i) : dec_get_be32(t + 2 + i));
			}
			dec_printf(d, "%s", dec_tok(seg_close, seg, "?"));
			t += 2 + cnt * sz;
		}
		break;
	}
	case AT_NEXT_HOP: case AT_ORIGINATOR:
		ip4(d, p);
		break;
	case AT_MED: case AT_LOCAL_PREF:
		dec_printf(d, "%u", dec_be32(d, p));
		break;
	case AT_ATOMIC:
		break;
	case AT_AGGREGATOR: case AT_AGGREGATOR4:
		if (!dec_has(d, p, len))
			return B_TRUNC;
		dec_printf(d, " AS #%u, origin ", len == 6 ? dec_get_be16(p) : dec_get_be32(p));
		dec_ip4addr(d, p + len - 4);
		break;
	case AT_COMMUNITIES:
		for (; n; n -= 4, t += 4) {
			uint32_t c = dec_be32(d, t);
			if (c == 0xffffff01)
				dec_printf(d, " NO_EXPORT");
			else if (c == 0xffffff02)
				dec_printf(d, " NO_ADVERTISE");
			else if (c == 0xffffff03)
				dec_printf(d, " NO_EXPORT_SUBCONFED");
			else
				dec_printf(d, "%u:%u%s", c >> 16, c & 0xffff, n > 4 ? ", " : "");
		}
		break;
	case AT_CLUSTER:
		for (; n; n -= 4, t += 4) {
			ip4(d, t);
			dec_printf(d, "%s", n > 4 ? ", " : "");
		}
		break;
	case AT_MP_REACH: case AT_MP_UNREACH: {
		int r = mp_reach(d, p, len, type == AT_MP_UNREACH);
		if (r != B_OK)
			return r;
		break;
	}
	case AT_EXT_COMM:
		for (; n; n -= 8, t += 8) {
			unsigned c = dec_be16(d, t);
			dec_printf(d, "\n\t    %s (0x%04x), Flags [", dec_tok(ext_types, c, "unknown extd community typecode"),
				   c);
			dec_bits(d, ext_flags, c, "none");
			dec_printf(d, "]");
			if (!dec_has(d, t, 8))
				return B_TRUNC;
			switch (c) { /* kinds not decoded yet */
			case 0x0306: case 0x8000: case 0x800a: case 0x030c:
				return B_STOP;
			}
			dec_printf(d, ": ");
			ext_comm(d, t);
		}
		break;
	case AT_AIGP:
		while (n >= 3) {
			unsigned ty = dec_u8(d, t), l = dec_be16(d, t + 1);
			t += 3;
			n -= 3;
			dec_printf(d, "\n\t    %s TLV (%u), length %u", ty == 1 ? "AIGP" : "Unknown", ty, l);
			if (l < 3)
				return B_TRUNC;
			l -= 3;
			if (n < l)
				return B_TRUNC;
			if (ty == 1) {
				if (l < 8)
					return B_TRUNC;
				dec_need(d, t, 8);
				dec_printf(d, ", metric %llu",
					   (unsigned long long)dec_get_be32(t) << 32 | dec_get_be32(t + 4));
			} else if (d->o.vflag <= 1) {
				dec_hexlines(d, "\n\t      ", t, l);
			}
			t += l;
			n -= l;
		}
		break;
	case AT_LARGE_COMM:
		dec_printf(d, "\n\t    ");
		for (; n; n -= 12, t += 12) {
			dec_need(d, t, 12);
			dec_printf(d, "%u:%u:%u%s", dec_get_be32(t), dec_get_be32(t + 4), dec_get_be32(t + 8),
				   n > 12 ? ", " : "");
		}
		return B_OK; /* tcpdump counts len down: no hex after it */
	case 128: /* an attribute set (RFC 6368): attributes inside, tcpdump's len used up */
		if (!dec_has(d, p, 4) || len < 4)
			return B_TRUNC;
		dec_printf(d, "\n\t    Origin AS: %u", dec_get_be32(p));
		return set(d, p + 4, len - 4, level);
	case 22: case 23: /* PMSI tunnel, tunnel encapsulation: not yet */
		return B_STOP;
	default:
		if (!dec_has(d, p, len))
			return B_TRUNC;
		dec_printf(d, "\n\t    no Attribute %u decoder", type);
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t    ", p, len);
	}
	if (d->o.vflag > 1 && len) {
		if (!dec_has(d, p, len))
			return B_TRUNC;
		dec_hexlines(d, "\n\t    ", p, len);
	}
	return B_OK;
}

/* An attribute set's attributes (tcpdump nests ten levels at most). */
static int set(struct dec_ctx *d, const uint8_t *p, size_t len, unsigned level)
{
	while (len) {
		if (!dec_has(d, p, 2))
			return B_TRUNC;
		if (len < 2) {
			dec_printf(d, " [path attr too short]");
			break;
		}
		unsigned fl = p[0], type = p[1], ll = fl & 0x10 ? 2 : 1;
		p += 2;
		len -= 2;
		if (!dec_has(d, p, ll))
			return B_TRUNC;
		if (len < ll) {
			dec_printf(d, " [path attr too short]");
			break;
		}
		size_t vlen = ll == 2 ? dec_get_be16(p) : p[0];
		p += ll;
		len -= ll;
		dec_printf(d, "\n\t      %s (%u), length: %zu", (attrs[type] ? attrs[type] : "Unknown Attribute"), type, vlen);
		if (fl) {
			flags(d, fl);
			dec_printf(d, "]");
		}
		dec_printf(d, ": ");
		if (len < vlen) {
			dec_printf(d, " [path attr too short]");
			break;
		}
		if (level == 10) {
			dec_printf(d, "(too many nested levels, not recursing)");
		} else {
			int r = attr(d, type, p, vlen, level + 1);
			if (r != B_OK)
				return r;
		}
		p += vlen;
		len -= vlen;
	}
	return B_OK;
}

/* The UPDATE message at dat, length bytes (all captured): 0 when the line
 * was handed off, else 1. */
int dec_bgp_update(struct dec_ctx *d, const uint8_t *dat, size_t length)
{
	const uint8_t *p = dat + 19;
	size_t len = length - 19;
	if (len < 2)
		goto trunc;
	size_t wlen = dec_get_be16(p);
	p += 2;
	len -= 2;
	if (len < wlen)
		goto trunc;
	if (wlen > 1) {
		if (routes4(d, &p, &len, &wlen, "\n\t  Withdrawn routes:") != B_OK)
			goto trunc;
	} else {
		p += wlen;
		len -= wlen;
	}
	if (len < 2)
		goto trunc;
	size_t alen = dec_get_be16(p);
	p += 2;
	len -= 2;
	if (wlen == 0 && alen == 0 && len == 0) {
		dec_printf(d, "\n\t  End-of-Rib Marker (empty NLRI)");
		return 1;
	}
	if (alen && len < alen)
		goto trunc;
	while (alen) {
		if (len < 2)
			goto trunc;
		if (alen < 2) {
			dec_printf(d, "\n\t  [path attrs too short]");
			p += alen;
			len -= alen;
			break;
		}
		unsigned fl = p[0], type = p[1], ll = fl & 0x10 ? 2 : 1;
		p += 2;
		alen -= 2;
		len -= 2;
		if (len < ll)
			goto trunc;
		if (alen < ll) {
			dec_printf(d, "\n\t  [path attrs too short]");
			p += alen;
			len -= alen;
			break;
		}
		size_t vlen = ll == 2 ? dec_get_be16(p) : p[0];
		p += ll;
		alen -= ll;
		len -= ll;
		dec_printf(d, "\n\t  %s (%u), length: %zu", (attrs[type] ? attrs[type] : "Unknown Attribute"), type, vlen);
		if (fl) {
			flags(d, fl);
			dec_printf(d, "]: ");
		}
		if (alen < vlen) {
			dec_printf(d, " [path attrs too short]");
			p += alen;
			len -= alen;
			break;
		}
		if (len < vlen)
			goto trunc;
		int r = attr(d, type, p, vlen, 0);
		if (r == B_STOP) {
			dec_handoff(d, "bgp");
			return 0;
		}
		if (r == B_TRUNC)
			goto trunc;
		p += vlen;
		alen -= vlen;
		len -= vlen;
	}
	size_t rest = len;
	if (len && routes4(d, &p, &len, &rest, "\n\t  Updated routes:") != B_OK)
		goto trunc;
	return 1;
trunc:
	dec_printf(d, " [|bgp]");
	return 1;
}
