/* ospf_te.c: the TLVs of OSPF's opaque LSAs (RFC 5250) as tcpdump 4.99
 * prints them with -v: traffic engineering (RFC 3630, GMPLS RFC 4203,
 * bandwidth constraints RFC 4124), graceful restart (RFC 3623) and router
 * information (RFC 7770).  OSPFv2's LS-Update (ospf2.c) calls them.
 *
 * Each walk returns -1 where tcpdump's printer gives up on the LSA without
 * a marker (a TLV not captured, a bad length, its "(invalid)"); a single
 * field read outside the capture still jumps out with " [|ospf2]".  The
 * walks keep tcpdump's own arithmetic, faults included: the TE walk does
 * not count a Link TLV's sub-TLVs against the LSA (so it reads on past
 * them until the capture ends), a Shared Risk Link Group steps over its
 * values twice, the grace walk lets its remaining length wrap. */
#include <string.h>

#include "decode/dec.h"

enum { TE_ROUTER = 1, TE_LINK = 2 };
enum {
	ST_LINK_TYPE = 1, ST_LINK_ID, ST_LOCAL_IP, ST_REMOTE_IP, ST_TE_METRIC, ST_MAX_BW, ST_MAX_RES_BW,
	ST_UNRES_BW, ST_ADMIN_GROUP, ST_LOCAL_REMOTE_ID = 11, ST_PROTECTION = 14, ST_ISCD = 15,
	ST_SRLG = 16, ST_BW_CONSTRAINTS = 17,
};

/* GMPLS switching capabilities and encodings: dec_gmpls_* (lmp.c) */
static const struct dec_tok link_prot[] = {
	{ 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" }, { 0x08, "Dedicated 1:1" },
	{ 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" }, { 0x40, "Reserved" }, { 0x80, "Reserved" }, { 0, NULL },
};
static const struct dec_tok bc_models[] = { { 0, "Russian dolls" }, { 1, "Maximum allocation" }, { 0, NULL } };
static const struct dec_tok te_tlvs[] = { { TE_ROUTER, "Router Address" }, { TE_LINK, "Link" }, { 0, NULL } };
static const char *const subtlv_names[] = {
	[ST_LINK_TYPE] = "Link Type", [ST_LINK_ID] = "Link ID", [ST_LOCAL_IP] = "Local Interface IP address",
	[ST_REMOTE_IP] = "Remote Interface IP address", [ST_TE_METRIC] = "Traffic Engineering Metric",
	[ST_MAX_BW] = "Maximum Bandwidth", [ST_MAX_RES_BW] = "Maximum Reservable Bandwidth",
	[ST_UNRES_BW] = "Unreserved Bandwidth", [ST_ADMIN_GROUP] = "Administrative Group",
	[ST_LOCAL_REMOTE_ID] = "Link Local/Remote Identifier", [ST_PROTECTION] = "Link Protection Type",
	[ST_ISCD] = "Interface Switching Capability", [ST_SRLG] = "Shared Risk Link Group",
	[ST_BW_CONSTRAINTS] = "Bandwidth Constraints",
};
static const struct dec_tok link_types[] = { { 1, "Point-to-point" }, { 2, "Multi-Access" }, { 0, NULL } };
static const struct dec_tok grace_tlvs[] = {
	{ 1, "Grace Period" }, { 2, "Graceful restart Reason" }, { 3, "IPv4 interface address" }, { 0, NULL },
};
static const struct dec_tok grace_reasons[] = {
	{ 0, "Unknown" }, { 1, "Software Restart" }, { 2, "Software Reload/Upgrade" },
	{ 3, "Control Processor Switch" }, { 0, NULL },
};
static const struct dec_tok ri_tlvs[] = { { 1, "Router Capabilities" }, { 0, NULL } };
static const struct dec_tok ri_caps[] = {
	{ 1, "Reserved" }, { 2, "Reserved" }, { 4, "Reserved" }, { 8, "Reserved" },
	{ 16, "graceful restart capable" }, { 32, "graceful restart helper" }, { 64, "Stub router support" },
	{ 128, "Traffic engineering" }, { 256, "p2p over LAN" }, { 512, "path computation server" },
	{ 0, NULL },
};

/* How a walk prints its TLV headers: the names, the header line (name,
 * type, length) and the complaint at a length past the rest (length,
 * rest). */
struct tlv_walk {
	const struct dec_tok *names;
	const char *line, *bogus;
};
static const struct tlv_walk te_walk = {
	te_tlvs, "\n\t    %s TLV (%u), length: %u", "\n\t    Bogus length %u > %u",
};
static const struct tlv_walk grace_walk = {
	grace_tlvs, "\n\t    %s TLV (%u), length %u, value: ", "\n\t    Bogus length %u > %u",
};
static const struct tlv_walk ri_walk = {
	ri_tlvs, "\n\t    %s TLV (%u), length: %u, value: ",
	"\n\t    Bogus length %u > remaining LS length %u",
};

/* The TLV header at *p, *left bytes of LSA left: *p and *left step past
 * it; returns the value's length, -1 where the walk ends after tcpdump's
 * complaint, -2 when the header was not captured. */
static long tlv_next(struct dec_ctx *d, const struct tlv_walk *w, const uint8_t **p, unsigned *left,
		     unsigned *type)
{
	if (!dec_has(d, *p, 4))
		return -2;
	if (*left < 4) {
		dec_printf(d, "\n\t    Remaining LS length %u < 4", *left);
		return -1;
	}
	unsigned n = dec_get_be16(*p + 2);
	*type = dec_get_be16(*p);
	*p += 4;
	*left -= 4;
	dec_printf(d, w->line, dec_tok(w->names, *type, "unknown"), *type, n);
	if (n > *left) {
		dec_printf(d, w->bogus, n, *left);
		return -1;
	}
	return n;
}

/* A bandwidth in bytes per second (an IEEE float) as Mbps, in float
 * arithmetic as tcpdump computes it. */
static double mbps(struct dec_ctx *d, const uint8_t *p)
{
	uint32_t w = dec_be32(d, p);
	float f;
	memcpy(&f, &w, sizeof f);
	f = f * 8 / 1000000;
	return f;
}

/* tcpdump's nd_print_invalid after the sub-TLV's complaint. */
static int invalid(struct dec_ctx *d, const char *why)
{
	dec_printf(d, "%s (invalid)", why);
	return -1;
}

/* The length a sub-TLV's value must have (exactly, or at least), and
 * tcpdump's complaint when it has not. */
static const struct {
	uint8_t exact, min;
	const char *why;
} sub_lens[] = {
	[ST_LINK_TYPE] = { 1, 0, " != 1" }, [ST_LOCAL_IP] = { 4, 0, " != 4" }, [ST_REMOTE_IP] = { 4, 0, " != 4" },
	[ST_TE_METRIC] = { 4, 0, " != 4" }, [ST_MAX_BW] = { 4, 0, " != 4" }, [ST_MAX_RES_BW] = { 4, 0, " != 4" },
	[ST_UNRES_BW] = { 32, 0, " != 32" }, [ST_ADMIN_GROUP] = { 4, 0, " != 4" }, [ST_PROTECTION] = { 4, 0, " != 4" },
	[ST_ISCD] = { 0, 36, " < 36" }, [ST_BW_CONSTRAINTS] = { 0, 4, " < 4" },
};

/* One Link sub-TLV's value (n bytes at p, captured); -1: the walk stops. */
static int link_subtlv(struct dec_ctx *d, unsigned type, const uint8_t **pp, unsigned n)
{
	const uint8_t *p = *pp;
	if (type < sizeof sub_lens / sizeof sub_lens[0] && sub_lens[type].why &&
	    (sub_lens[type].exact ? n != sub_lens[type].exact : n < sub_lens[type].min))
		return invalid(d, sub_lens[type].why);
	switch (type) {
	case ST_ADMIN_GROUP:
		dec_printf(d, ", 0x%08x", dec_be32(d, p));
		break;
	case ST_LINK_ID: case ST_LOCAL_REMOTE_ID:
		if (n != 4 && n != 8)
			return invalid(d, " != 4 && != 8");
		for (unsigned i = 0; i < n; i += 4) {
			dec_printf(d, ", ");
			dec_ip4addr(d, p + i);
			dec_printf(d, " (0x%08x)", dec_get_be32(p + i));
		}
		break;
	case ST_LOCAL_IP: case ST_REMOTE_IP:
		dec_printf(d, ", ");
		dec_ip4addr(d, p);
		break;
	case ST_UNRES_BW:
		for (unsigned c = 0; c < 8; c++)
			dec_printf(d, "\n\t\tTE-Class %u: %.3f Mbps", c, mbps(d, p + c * 4));
		break;
	case ST_MAX_BW: case ST_MAX_RES_BW:
		dec_printf(d, ", %.3f Mbps", mbps(d, p));
		break;
	case ST_BW_CONSTRAINTS:
		dec_printf(d, "\n\t\tBandwidth Constraints Model ID: %s (%u)",
			   dec_tok(bc_models, p[0], "unknown"), p[0]);
		if (n % 4) {
			dec_printf(d, "\n\t\tlength %u != N x 4", n);
			return invalid(d, "");
		}
		if (n > 36) {
			dec_printf(d, "\n\t\tlength %u > 36", n);
			return invalid(d, "");
		}
		for (unsigned c = 0; c < (n - 4) / 4; c++)
			dec_printf(d, "\n\t\t  Bandwidth constraint CT%u: %.3f Mbps", c,
				   mbps(d, p + 4 + c * 4));
		break;
	case ST_TE_METRIC:
		dec_printf(d, ", Metric %u", dec_be32(d, p));
		break;
	case ST_PROTECTION:
		dec_printf(d, ", ");
		dec_bits(d, link_prot, p[0], "none");
		break;
	case ST_ISCD:
		dec_printf(d, "\n\t\tInterface Switching Capability: %s",
			   dec_tok(dec_gmpls_switch_caps, p[0], "Unknown"));
		dec_printf(d, "\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:",
			   dec_tok(dec_gmpls_encodings, p[1], "Unknown"));
		for (unsigned c = 0; c < 8; c++)
			dec_printf(d, "\n\t\t  priority level %u: %.3f Mbps", c, mbps(d, p + 4 + c * 4));
		break;
	case ST_LINK_TYPE:
		dec_printf(d, ", %s (%u)", dec_tok(link_types, p[0], "unknown"), p[0]);
		break;
	case ST_SRLG:
		if (n % 4)
			return invalid(d, " != N x 4");
		if (n)
			dec_printf(d, "\n\t\t  Shared risk group: ");
		for (unsigned k = n / 4; k > 0; k--) {
			dec_printf(d, "%u%s", dec_be32(d, p), k > 1 ? ", " : "");
			p += 4; /* tcpdump's pointer, stepped on again by the caller */
		}
		break;
	default:
		if (d->o.vflag <= 1 && !dec_unknown_data(d, p, "\n\t\t", n))
			return -1;
		break;
	}
	*pp = p;
	return 0;
}

/* A Link TLV's sub-TLVs: *left (the TLV's length) goes to 0 as they are
 * read, p past them. */
static int link_tlv(struct dec_ctx *d, const uint8_t **pp, unsigned *left)
{
	const uint8_t *p = *pp;
	while (*left != 0) {
		if (*left < 4) {
			dec_printf(d, "\n\t    Remaining TLV length %u < 4", *left);
			return -1;
		}
		unsigned type = dec_be16(d, p), n = dec_be16(d, p + 2);
		p += 4;
		*left -= 4;
		if (type == 0 || n == 0)
			return invalid(d, "");
		const char *name = NULL;
		if (type < sizeof subtlv_names / sizeof *subtlv_names)
			name = subtlv_names[type];
		dec_printf(d, "\n\t      %s subTLV (%u), length: %u", name ? name : "unknown", type, n);
		if (*left < n) {
			dec_printf(d, "\n\t    Remaining TLV length %u < %u", *left + 4, n + 4);
			return -1;
		}
		if (!dec_has(d, p, n) || link_subtlv(d, type, &p, n) < 0)
			return -1;
		n += -n % 4; /* everything in OSPF is 32-bit aligned */
		if (*left < n) {
			dec_printf(d, "\n\t    Remaining TLV length %u < %u", *left + 4, n + 4);
			return -1;
		}
		*left -= n;
		p += n;
	}
	*pp = p;
	return 0;
}

int dec_ospf_te(struct dec_ctx *d, const uint8_t *p, unsigned left)
{
	while (left != 0) {
		unsigned type;
		long got = tlv_next(d, &te_walk, &p, &left, &type);
		if (got <= 0)
			return -1; /* a zero length too: tcpdump's loop guard */
		unsigned n = (unsigned)got;
		if (type == 0)
			return -1;
		if (type == TE_LINK) {
			if (link_tlv(d, &p, &n) < 0)
				return -1;
		} else if (type == TE_ROUTER) {
			if (n < 4) {
				dec_printf(d, "\n\t    TLV length %u < 4", n);
				return -1;
			}
			dec_need(d, p, 4);
			dec_printf(d, ", ");
			dec_ip4addr(d, p);
		} else if (d->o.vflag <= 1 && !dec_unknown_data(d, p, "\n\t      ", n))
			return -1;
		n += -n % 4;
		if (n > left) {
			dec_printf(d, "\n\t    Bogus padded length %u > %u", n, left);
			return -1;
		}
		left -= n;
		p += n;
	}
	return 0;
}

int dec_ospf_grace(struct dec_ctx *d, const uint8_t *p, unsigned left)
{
	while (left > 0) {
		unsigned type;
		long got = tlv_next(d, &grace_walk, &p, &left, &type);
		if (got <= 0 || type == 0 || !dec_has(d, p, (size_t)got))
			return -1;
		unsigned n = (unsigned)got;
		unsigned want = type == 2 ? 1 : 4;
		if (type >= 1 && type <= 3 && n != want) {
			dec_printf(d, "\n\t    Bogus length %u != %u", n, want);
			return -1;
		}
		if (type == 1)
			dec_printf(d, "%us", dec_get_be32(p));
		else if (type == 2)
			dec_printf(d, "%s (%u)", dec_tok(grace_reasons, p[0], "Unknown"), p[0]);
		else if (type == 3)
			dec_ip4addr(d, p);
		else if (d->o.vflag <= 1 && !dec_unknown_data(d, p, "\n\t      ", n))
			return -1;
		n += -n % 4;
		left -= n; /* may wrap, as tcpdump's does: the capture ends the walk */
		p += n;
	}
	return 0;
}

int dec_ospf_ri(struct dec_ctx *d, const uint8_t *p, unsigned left)
{
	unsigned type;
	/* no padding after a value here in tcpdump 4.99 */
	for (long n; left != 0; p += n, left -= (unsigned)n) {
		n = tlv_next(d, &ri_walk, &p, &left, &type);
		if (n < 0)
			return n == -2 ? -1 : 1;
		if (!dec_has(d, p, (size_t)n))
			return -1;
		if (type != 1) {
			if (d->o.vflag <= 1 && !dec_unknown_data(d, p, "\n\t      ", (size_t)n))
				return 1;
			continue;
		}
		if (n != 4) {
			dec_printf(d, "\n\t    Bogus length %ld != 4", n);
			return 1;
		}
		dec_printf(d, "Capabilities: ");
		dec_bits(d, ri_caps, dec_get_be32(p), "Unknown");
	}
	return 0;
}
