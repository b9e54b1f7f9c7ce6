/* isis_reach.c: the IS-IS TLVs of traffic engineering, multi-topology and
 * segment routing as tcpdump 4.99 prints them with -v: extended IS
 * reachability (22, alias 24, multi-topology 222) with its sub-TLVs (RFC
 * 5305, 4124, 4205, 6329, 8667), extended IPv4/IPv6 reachability (135,
 * 235, 236, 237) with theirs, multi-topology (229), the router
 * capability (242, RFC 7981) and its SR sub-TLV.  Each printer returns
 * isis_tlv.c's convention: 1 done, 0 the TLV's length does not fit (the
 * -vv dump follows), -1 stop the PDU.  tcpdump's "goto trunc" there
 * prints " [|isis]" and returns, which is dec_trunc_ret here; its GET_
 * reads past the capture jump out, which is dec_trunc (dec_u8 ...). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "decode/dec.h"

#define ISIS_NODE_ID 7 /* system id and pseudonode */

/* Sub-TLVs of IS reachability; 250 to 254 are Cisco's (is_subtlv_name). */
static const struct dec_tok is_subtlvs[] = {
	{ 3, "Administrative groups" }, { 4, "Link Local/Remote Identifier" }, { 5, "Link Remote Identifier" },
	{ 6, "IPv4 interface address" }, { 8, "IPv4 neighbor address" }, { 9, "Maximum link bandwidth" },
	{ 10, "Reservable link bandwidth" }, { 11, "Unreserved bandwidth" }, { 18, "Traffic Engineering Metric" },
	{ 19, "Link Attribute" }, { 20, "Link Protection Type" }, { 21, "Interface Switching Capability" },
	{ 12, "Bandwidth Constraints (old)" }, { 22, "Bandwidth Constraints" }, { 29, "SPB Metric" },
	{ 32, "LAN Adjacency Segment Identifier" }, { 255, "Reserved for future expansion" }, { 0, NULL },
};
static const struct dec_tok ip_subtlvs[] = { { 1, "32-Bit Administrative tag" }, { 2, "64-Bit Administrative tag" },
					     { 3, "Prefix SID" }, { 117, "Management Prefix Color" }, { 0, NULL } };
static const struct dec_tok prefix_sid_flags[] = { { 0x80, "Readvertisement" }, { 0x40, "Node" }, { 0x20, "No-PHP" },
						   { 0x10, "Explicit NULL" }, { 0x08, "Value" }, { 0x04, "Local" },
						   { 0, NULL } };
static const struct dec_tok sid_algos[] = { { 0, "SPF" }, { 1, "strict-SPF" }, { 0, NULL } };
static const struct dec_tok link_attrs[] = { { 0x01, "Local Protection Available" },
					     { 0x02, "Link excluded from local protection path" },
					     { 0x04, "Local maintenance required" }, { 0, NULL } };
static const struct dec_tok lan_adj_sid_flags[] = { { 0x80, "Address family IPv6" }, { 0x40, "Backup" },
						    { 0x20, "Value" }, { 0x10, "Local significance" },
						    { 0x08, "Set of adjacencies" }, { 0x04, "Persistent" }, { 0, NULL } };
/* GMPLS (RFC 4203, 4124) */
static const struct dec_tok link_prot[] = { { 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" },
					    { 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" },
					    { 0x40, "Reserved" }, { 0x80, "Reserved" }, { 0, NULL } };
static const struct dec_tok bc_models[] = { { 0, "Russian dolls" }, { 1, "Maximum allocation" }, { 0, NULL } };
static const struct dec_tok tsc_indications[] = { { 0, "Standard SONET/SDH" }, { 1, "Arbitrary SONET/SDH" }, { 0, NULL } };
static const struct dec_tok mt_ids[] = { { 0, "IPv4 unicast" }, { 1, "In-Band Management" }, { 2, "IPv6 unicast" },
					 { 3, "Multicast" }, { 4095, "Development, Experimental or Proprietary" },
					 { 0, NULL } };
static const struct dec_tok mt_flags[] = { { 0x4000, "ATT bit set" }, { 0x8000, "Overload bit set" }, { 0, NULL } };
static const struct dec_tok router_cap_flags[] = { { 0x01, "S bit" }, { 0x02, "D bit" }, { 0, NULL } };
static const struct dec_tok router_cap_subtlvs[] = { { 2, "SR-Capabilities" }, { 0, NULL } };
static const struct dec_tok sr_cap_flags[] = { { 0x80, "ipv4" }, { 0x40, "ipv6" }, { 0, NULL } };

static const char *is_subtlv_name(unsigned t)
{
	return t >= 250 && t <= 254 ? "Reserved for cisco specific extensions" : dec_tok(is_subtlvs, t, "unknown");
}

/* pre, then the names of v's bits in t (none without one). */
static void flags(struct dec_ctx *d, const char *pre, const struct dec_tok *t, unsigned v, const char *none)
{
	dec_printf(d, "%s", pre);
	dec_bits(d, t, v, none);
}

static unsigned be24(const uint8_t *p)
{
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

/* A bandwidth: an IEEE float of bytes per second, printed in Mbps. */
static void mbps(struct dec_ctx *d, const char *fmt, const uint8_t *p)
{
	uint32_t u = dec_be32(d, p);
	float f;
	memcpy(&f, &u, sizeof f);
	dec_printf(d, fmt, (double)(f * 8 / 1000000));
}

/* The interface switching capability descriptor (RFC 4205), its length
 * at least 36 and all of it captured. */
static void switch_cap(struct dec_ctx *d, const uint8_t *p, unsigned len, const char *ident)
{
	unsigned cap = p[0];
	dec_printf(d, "%s  Interface Switching Capability:%s", ident, dec_tok(dec_gmpls_switch_caps, cap, "Unknown"));
	dec_printf(d, ", LSP Encoding: %s", dec_tok(dec_gmpls_encodings, p[1], "Unknown"));
	dec_printf(d, "%s  Max LSP Bandwidth:", ident);
	char fmt[48];
	for (unsigned i = 0; i < 8; i++) {
		snprintf(fmt, sizeof fmt, "%%s    priority level %u: %%.3f Mbps", i);
		uint32_t u = dec_get_be32(p + 4 + 4 * i);
		float f;
		memcpy(&f, &u, sizeof f);
		dec_printf(d, fmt, ident, (double)(f * 8 / 1000000));
	}
	p += 36;
	len -= 36;
	if (cap >= 1 && cap <= 4) { /* packet switch capable */
		if (len < 6)
			return;
		dec_printf(d, "%s", ident);
		mbps(d, "  Min LSP Bandwidth: %.3f Mbps", p);
		dec_printf(d, "%s  Interface MTU: %u", ident, dec_be16(d, p + 4));
	} else if (cap == 100) { /* time-division multiplex */
		if (len < 8)
			return;
		dec_printf(d, "%s", ident);
		mbps(d, "  Min LSP Bandwidth: %.3f Mbps", p);
		dec_printf(d, "%s  Indication ", ident);
		dec_tokf(d, tsc_indications, dec_u8(d, p + 4), "Unknown (%u)");
	} else if (len) {
		dec_hexlines(d, "\n\t\t    ", p, len);
	}
}

/* One sub-TLV of an IS reachability entry, t of len bytes, all captured;
 * returns how many bytes of it the printer consumed (tcpdump moves its
 * pointer inside some of them, and then skips len more). */
static unsigned is_subtlv(struct dec_ctx *d, unsigned t, const uint8_t *p, unsigned len, const char *ident)
{
	switch (t) {
	case 3: case 4: case 5:
		if (len >= 4) {
			dec_printf(d, ", 0x%08x", dec_get_be32(p));
			if (len == 8)
				dec_printf(d, ", 0x%08x", dec_get_be32(p + 4));
		}
		return 0;
	case 6: case 8:
		if (len >= 4) {
			dec_printf(d, ", ");
			dec_ip4addr(d, p);
		}
		return 0;
	case 9: case 10:
		if (len >= 4)
			mbps(d, ", %.3f Mbps", p);
		return 0;
	case 11:
		if (len < 32)
			return 0;
		for (unsigned i = 0; i < 8; i++) {
			dec_printf(d, "%s  TE-Class %u: ", ident, i);
			mbps(d, "%.3f Mbps", p + 4 * i);
		}
		return 32;
	case 12: case 22: {
		if (len == 0)
			return 0;
		dec_printf(d, "%sBandwidth Constraints Model ID: %s (%u)", ident, dec_tok(bc_models, p[0], "unknown"), p[0]);
		unsigned n = 1;
		for (unsigned ct = 0; len - n >= 4; ct++, n += 4) {
			dec_printf(d, "%s  Bandwidth constraint CT%u: ", ident, ct);
			mbps(d, "%.3f Mbps", p + n);
		}
		return n;
	}
	case 18:
		if (len >= 3)
			dec_printf(d, ", %u", be24(p));
		return 0;
	case 19:
		if (len == 2) {
			dec_printf(d, ", [ ");
			dec_bits(d, link_attrs, dec_get_be16(p), "Unknown");
			dec_printf(d, " ] (0x%04x)", dec_get_be16(p));
		}
		return 0;
	case 20:
		if (len >= 2) {
			flags(d, ", ", link_prot, p[0], "none");
			dec_printf(d, ", Priority %u", p[1]);
		}
		return 0;
	case 29:
		if (len < 6)
			return 0;
		dec_printf(d, ", LM: %u, P: %u, P-ID: %u", be24(p), p[3], dec_get_be16(p + 4));
		return 4;
	case 21:
		if (len < 36)
			return 0;
		switch_cap(d, p, len, ident);
		return 36;
	case 32: {
		if (len < 8)
			return 0;
		unsigned f = p[0];
		dec_printf(d, "%s  Flags: [", ident);
		dec_bits(d, lan_adj_sid_flags, f, "none");
		dec_printf(d, "]%s  Weight: %u", ident, p[1]);
		if (len - 2 >= 6) {
			dec_printf(d, "%s  Neighbor System-ID: ", ident);
			dec_isis_id(d, p + 2, 6);
		}
		if ((f & 0x30) == 0x30)
			dec_printf(d, "%s  Label: %u", ident, dec_be32(d, p + 7) & 0xffffff);
		else if (!(f & 0x30))
			dec_printf(d, "%s  Index: %u", ident, dec_be32(d, p + 8));
		else
			dec_printf(d, " (invalid)");
		return 2;
	}
	}
	dec_hexlines(d, "\n\t\t    ", p, len);
	return 0;
}

/* One extended IS reachability entry at p, remaining bytes left in its TLV
 * (tcpdump's isis_print_ext_is_reach): the bytes it took, 0 when cut
 * short. */
static unsigned ext_is_reach(struct dec_ctx *d, const uint8_t *p, unsigned type, unsigned remaining)
{
	const char *ident = "\n\t      ";
	if (!dec_has(d, p, ISIS_NODE_ID) || remaining < ISIS_NODE_ID)
		return 0;
	dec_printf(d, "%sIS Neighbor: ", ident);
	dec_isis_id(d, p, ISIS_NODE_ID);
	unsigned done = ISIS_NODE_ID;
	if (type != 24) { /* the alias TLV's metric is an implicit 0 */
		if (!dec_has(d, p + done, 3) || remaining - done < 3)
			return 0;
		dec_printf(d, ", Metric: %u", dec_get_be32(p + done - 1) & 0xffffff);
		done += 3;
	}
	if (!dec_has(d, p + done, 1) || remaining - done < 1)
		return 0;
	unsigned sum = p[done++];
	dec_printf(d, ", %ssub-TLVs present", sum ? "" : "no ");
	if (!sum)
		return done;
	dec_printf(d, " (%u)", sum);
	ident = "\n\t        ";
	unsigned rem = remaining - done; /* tcpdump's tlv_remaining, which some sub-TLVs leave behind */
	const uint8_t *q = p + done;
	while (sum) {
		if (!dec_has(d, q, 2))
			return 0;
		if (rem < 2) {
			dec_printf(d, "%sRemaining data in TLV shorter than a subTLV header", ident);
			return done + rem;
		}
		if (sum < 2) {
			dec_printf(d, "%sRemaining data in subTLVs shorter than a subTLV header", ident);
			return done + sum;
		}
		unsigned st = q[0], sl = q[1];
		q += 2;
		rem -= 2;
		sum -= 2;
		done += 2;
		dec_printf(d, "%s%s subTLV #%u, length: %u", ident, is_subtlv_name(st), st, sl);
		if (sum < sl) {
			dec_printf(d, " (remaining data in subTLVs shorter than the current subTLV)");
			return done + sum;
		}
		if (rem < sl) {
			dec_printf(d, " (> remaining tlv length)");
			return done + rem;
		}
		if (!dec_has(d, q, sl))
			return 0;
		/* what the printer consumed is not taken off tlv_remaining */
		rem -= sl - is_subtlv(d, st, q, sl, ident);
		q += sl;
		sum -= sl;
		done += sl;
	}
	return done;
}

/* The multi-topology id of MT TLVs: 2, or 0 when the TLV is shorter. */
static unsigned mtid(struct dec_ctx *d, const uint8_t *p, unsigned remaining)
{
	if (remaining < 2)
		return 0;
	unsigned v = dec_be16(d, p);
	dec_printf(d, "\n\t      %s", dec_tok(mt_ids, v & 0x0fff, "Reserved for IETF Consensus"));
	dec_printf(d, " Topology (0x%03x), Flags: [", v & 0x0fff);
	dec_bits(d, mt_flags, v & 0xf000, "none");
	dec_printf(d, "]");
	return 2;
}

/* One sub-TLV of an extended IP reachability entry; 0 after its own
 * " [|isis]" (the caller's follows). */
static int ip_subtlv(struct dec_ctx *d, const uint8_t *p, unsigned t, unsigned len)
{
	const char *ident = "\n\t        ";
	dec_printf(d, "%s%s subTLV #%u, length: %u", ident, dec_tok(ip_subtlvs, t, "unknown"), t, len);
	if (!dec_has(d, p, len)) {
		dec_printf(d, " [|isis]");
		return 0;
	}
	switch (t) {
	case 1: case 117:
		for (; len >= 4; len -= 4, p += 4)
			dec_printf(d, ", 0x%08x (=%u)", dec_get_be32(p), dec_get_be32(p));
		return 1;
	case 2:
		for (; len >= 8; len -= 8, p += 8)
			dec_printf(d, ", 0x%08x%08x", dec_get_be32(p), dec_get_be32(p + 4));
		return 1;
	case 3: {
		unsigned flags = dec_u8(d, p), algo = dec_u8(d, p + 1), sid;
		if (len < (flags & 0x08 ? 5u : 6u)) {
			dec_printf(d, " [|isis]");
			return 0;
		}
		sid = flags & 0x08 ? dec_be32(d, p + 1) & 0xffffff : dec_be32(d, p + 2);
		dec_printf(d, ", Flags [");
		dec_bits(d, prefix_sid_flags, flags, "None");
		dec_printf(d, "], Algo %s (%u), %s %u", dec_tok(sid_algos, algo, "Unknown"), algo,
			   flags & 0x08 ? "label" : "index", sid);
		return 1;
	}
	}
	dec_hexlines(d, "\n\t\t    ", p, len);
	return 1;
}

/* One extended IPv4 (v6 0) or IPv6 reachability entry (tcpdump's
 * isis_print_extd_ip_reach, which reads past its TLV's length): the
 * bytes it took, 0 when bad or cut short. */
static unsigned extd_ip_reach(struct dec_ctx *d, const uint8_t *p, int v6)
{
	const char *ident = "\n\t      ";
	uint32_t metric = dec_be32(d, p);
	unsigned status = dec_u8(d, p + 4), bits, done;
	if (!v6) {
		bits = status & 0x3f;
		if (bits > 32) {
			dec_printf(d, "%sIPv4 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		done = 5;
	} else {
		bits = dec_u8(d, p + 5);
		if (bits > 128) {
			dec_printf(d, "%sIPv6 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		done = 6;
	}
	unsigned n = (bits + 7) / 8;
	uint8_t prefix[16] = { 0 };
	dec_need(d, p + done, n);
	memcpy(prefix, p + done, n);
	done += n;
	/* the prefix is a copy: names without -n, but no capture check */
	const char *name = v6 ? dec_host6(d, prefix) : dec_host4(d, prefix);
	char buf[INET6_ADDRSTRLEN];
	if (!name)
		name = inet_ntop(v6 ? AF_INET6 : AF_INET, prefix, buf, sizeof buf);
	if (v6)
		dec_printf(d, "%sIPv6 prefix: %s/%u", ident, name, bits);
	else
		dec_printf(d, "%sIPv4 prefix: %15s/%u", ident, name, bits);
	dec_printf(d, ", Distribution: %s, Metric: %u", status & 0x80 ? "down" : "up", metric);
	int sub = v6 ? status & 0x20 : status & 0x40;
	if (!v6 && sub)
		dec_printf(d, ", sub-TLVs present");
	else if (v6)
		dec_printf(d, ", %s%s", status & 0x40 ? "External" : "Internal", sub ? ", sub-TLVs present" : "");
	if (!sub)
		return done;
	unsigned sublen = dec_u8(d, p + done);
	const uint8_t *q = p + done + 1;
	done += sublen + 1;
	dec_printf(d, " (%u)", sublen);
	while (sublen > 0) { /* unsigned: a sub-TLV past the sum wraps it, as in tcpdump */
		unsigned t = dec_u8(d, q), l = dec_u8(d, q + 1);
		if (!ip_subtlv(d, q + 2, t, l))
			return 0;
		q += 2 + l;
		sublen -= l + 2;
	}
	return done;
}

/* A TLV made of entries (22, 24, 222, 135, 235, 236, 237), after the MT
 * id of the MT ones. */
static int entries(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len)
{
	if (type == 222 || type == 235 || type == 237) {
		if (!mtid(d, p, len))
			dec_trunc_ret(d);
		p += 2;
		len -= 2;
	}
	while (len) {
		unsigned n;
		if (type == 22 || type == 24 || type == 222)
			n = ext_is_reach(d, p, type, len);
		else
			n = extd_ip_reach(d, p, type == 236 || type == 237);
		if (!n)
			dec_trunc_ret(d);
		if (len < n) {
			dec_printf(d, " [remaining tlv length %u < %u] (invalid)", len, n);
			break;
		}
		len -= n;
		p += n;
	}
	return 1;
}

/* Multi-topology (229): ids, a lone last byte "invalid". */
static int mt_supported(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len)
{
	(void)type;
	while (len) {
		if (len == 1) {
			dec_printf(d, "\n\t      invalid MT-ID");
			break;
		}
		mtid(d, p, len);
		p += 2;
		len -= 2;
	}
	return 1;
}

/* The SR capabilities sub-TLV (RFC 8667 3.1): flags, range, then SID
 * labels; tcpdump reads its first four bytes whatever the length, and
 * counts the rest in a byte. */
static void sr_cap(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	unsigned flags = dec_u8(d, p);
	uint32_t range = dec_be32(d, p) & 0xffffff;
	dec_printf(d, ", Flags [");
	dec_bits(d, sr_cap_flags, flags, "None");
	dec_printf(d, "], Range %u", range);
	const uint8_t *q = p + 4;
	uint8_t left = (uint8_t)(len - 4);
	while (left >= 5) {
		unsigned st = dec_u8(d, q), sl = dec_u8(d, q + 1);
		left -= 2;
		q += 2;
		if (sl > left)
			break;
		if (st != 1)
			dec_hexlines(d, "\n\t\t  ", q, sl);
		else if (sl == 3)
			dec_printf(d, ", SID value %u", dec_be32(d, q - 1) & 0xffffff);
		else if (sl == 4)
			dec_printf(d, ", SID value %u", dec_be32(d, q));
		else
			dec_printf(d, ", Unknown SID length%u", sl);
		q += sl;
		left -= sl;
	}
}

/* The router capability (242): router id, flags, sub-TLVs. */
static int router_cap(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len)
{
	(void)type;
	if (len < 5) {
		dec_printf(d, " [object length %u < 5] (invalid)", len);
		return 1;
	}
	dec_printf(d, "\n\t      Router-ID ");
	dec_ip4addr(d, p);
	dec_printf(d, ", Flags [");
	dec_bits(d, router_cap_flags, dec_u8(d, p + 4), "none");
	dec_printf(d, "]");
	p += 5;
	for (uint8_t left = (uint8_t)(len - 5); left >= 2;) {
		unsigned st = dec_u8(d, p), sl = dec_u8(d, p + 1);
		left -= 2;
		p += 2;
		dec_printf(d, "\n\t\t%s subTLV #%u, length: %u", dec_tok(router_cap_subtlvs, st, "unknown"), st, sl);
		if (sl > left || !dec_has(d, p, sl))
			break; /* tcpdump stops the sub-TLVs silently */
		if (st == 2)
			sr_cap(d, p, sl);
		else
			dec_hexlines(d, "\n\t\t", p, sl);
		left -= sl;
		p += sl;
	}
	return 1;
}

static const struct {
	unsigned type;
	int (*print)(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len);
} printers[] = {
	{ 22, entries }, { 24, entries }, { 222, entries }, { 135, entries }, { 235, entries }, { 236, entries },
	{ 237, entries }, { 229, mt_supported }, { 242, router_cap },
};

int dec_isis_reach_tlv(struct dec_ctx *d, unsigned type, const uint8_t *p, unsigned len)
{
	for (size_t i = 0; i < sizeof printers / sizeof printers[0]; i++)
		if (printers[i].type == type)
			return printers[i].print(d, type, p, len);
	return 2;
}
