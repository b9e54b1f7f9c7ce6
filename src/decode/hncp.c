/* hncp.c: the Home Networking Control Protocol (RFC 7788, over DNCP, RFC
 * 7787) as tcpdump 4.99 prints it: "hncp (LEN)" and its TLVs.
 *
 * How much is shown depends on the nesting depth against -v: a level
 * deeper than -v (and any level below -vvv) is printed in line, as the
 * names of its TLVs with a count for runs of one type ("Node endpoint,
 * Node state (x2)"); the others get a line per TLV with its fields, and
 * the TLVs nested in it one tab further in.
 *
 * tcpdump checks each TLV header and body against the capture before it
 * looks at them: one cut short ends that nesting level with " [|hncp]",
 * and the level above goes on (the only truncation that does not end
 * the packet); a TLV longer than its container ends the level with
 * " (invalid)". */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include "decode/dec.h"

#define HNCP_TLV_HDR 4
/* the ranges of TLV types (RFC 7787 7, RFC 7788 10), after the defined
 * types in one numbering */
enum {
	HNCP_RESERVED = 0x10000, HNCP_UNASSIGNED, HNCP_PRIVATE, HNCP_FUTURE,
};
static const struct dec_tok hncp_ranges[] = {
	{ HNCP_RESERVED, "Reserved" }, { HNCP_UNASSIGNED, "Unassigned" }, { HNCP_PRIVATE, "Private use" },
	{ HNCP_FUTURE, "Future use" }, { 0, NULL },
};
static const struct dec_tok hncp_dh4opts[] = {
	{ 6, "DNS-server" }, { 42, "NTP-server" }, { 119, "DNS-search" }, { 0, NULL },
};
static const struct dec_tok hncp_dh6opts[] = {
	{ 23, "DNS-server" }, { 24, "DNS-search-list" }, { 31, "SNTP-servers" }, { 0, NULL },
};
static const uint8_t hncp_v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

static void hncp_rec(struct dec_ctx *d, const uint8_t *p, size_t len, int indent);

static void newline(struct dec_ctx *d, int indent)
{
	dec_printf(d, "\n");
	for (int t = indent; t > 0; t--)
		dec_printf(d, "\t");
}

static void invalid(struct dec_ctx *d)
{
	dec_printf(d, " (invalid)");
}

static void nid(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 4);
	dec_printf(d, "%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3]);
}

static void interval(struct dec_ctx *d, uint32_t ms)
{
	dec_printf(d, "%u.%03us", ms / 1000, ms % 1000);
}

static void hex64(struct dec_ctx *d, const uint8_t *p, int words)
{
	dec_need(d, p, 8 * (size_t)words);
	for (int i = 0; i < 8 * words; i++)
		dec_printf(d, "%02x", p[i]);
}

/* An address built here (a prefix's bytes): a name without -n, else the
 * number. */
static void host_at(struct dec_ctx *d, const uint8_t *a, int v6)
{
	char buf[INET6_ADDRSTRLEN];
	const char *name = v6 ? dec_host6(d, a) : dec_host4(d, a);
	if (!name)
		name = inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, sizeof buf);
	dec_printf(d, "%s", name);
}

/* A 16-byte address, IPv4 when it is an IPv4-mapped one. */
static void addr6(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 16);
	if (memcmp(p, hncp_v4mapped, sizeof hncp_v4mapped) == 0)
		dec_ip4addr(d, p + 12);
	else
		dec_ip6addr(d, p);
}

/* A prefix: its length in a byte, then as many address bytes as it
 * needs, IPv4 as an IPv4-mapped IPv6 prefix.  Returns its size, -1 for
 * a length past the address, -2 cut short, -3 past max. */
static int prefix(struct dec_ctx *d, const uint8_t *p, size_t max)
{
	uint8_t a[16] = { 0 };
	unsigned plen = dec_u8(d, p);
	int v4 = plen >= 96 && max >= 13 && dec_has(d, p + 1, 12) && memcmp(p + 1, hncp_v4mapped, 12) == 0;
	if (v4) {
		plen -= 96;
		if (plen > 32)
			return -1;
	} else if (plen > 128)
		return -1;
	size_t skip = v4 ? 13 : 1, n = (plen + 7) / 8;
	if (!v4 && !dec_has(d, p + 1, n))
		return -2;
	if (max - 1 < n + (v4 ? 12 : 0))
		return -3;
	dec_need(d, p + skip, n);
	memcpy(a, p + skip, n);
	if (plen % 8)
		a[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	host_at(d, a, !v4);
	dec_printf(d, "/%u", plen);
	return (int)(skip + n);
}

/* DNS labels (no compression) in max bytes: their size, -1 after
 * "[|DNS]" when they run past max. */
static int dns_label(struct dec_ctx *d, const uint8_t *p, size_t max)
{
	size_t n = 0;
	while (n < max) {
		unsigned lab = dec_u8(d, p + n);
		n++;
		if (lab == 0)
			return (int)n;
		if (n > 1)
			dec_printf(d, ".");
		if (n + lab > max) {
			dec_text(d, p + n, max - n, DEC_TEXT_NUL);
			break;
		}
		dec_text(d, p + n, lab, DEC_TEXT_NUL);
		n += lab;
	}
	dec_printf(d, "[|DNS]");
	return -1;
}

/* tcpdump's labellen: the bytes after a label's first byte at p, -1
 * when it is cut short or of an unknown type. */
static long label_len(struct dec_ctx *d, const uint8_t *p)
{
	if (!dec_has(d, p, 1))
		return -1;
	unsigned i = *p;
	if ((i & 0xc0) == 0x80) {
		dec_printf(d, "<BAD LABEL TYPE>");
		return -1;
	}
	if ((i & 0xc0) != 0x40)
		return i;
	if ((i & 0x3f) != 1) { /* only the bit string label (RFC 2673) */
		dec_printf(d, "<ELT %u>", i & 0x3f);
		return -1;
	}
	if (!dec_has(d, p + 1, 1))
		return -1;
	unsigned bits = p[1] ? p[1] : 256;
	return (bits + 7) / 8 + 1;
}

/* label_len of the label at *pp, its first byte into *ip and *pp past it. */
static long next_label(struct dec_ctx *d, const uint8_t **pp, unsigned *ip)
{
	long l = label_len(d, *pp);
	if (l >= 0)
		*ip = *(*pp)++;
	return l;
}

/* A bit string label after its type byte: "\[xHEX/BITS]". */
static void bit_label(struct dec_ctx *d, const uint8_t *p)
{
	unsigned bits = dec_u8(d, p) ? p[0] : 256, b = bits;
	const uint8_t *q = p + 1, *lim = p + 1 + (bits + 3) / 4;
	dec_printf(d, "\\[x");
	for (; q < lim && b > 7; b -= 8, q++)
		dec_printf(d, "%02x", dec_u8(d, q));
	if (b > 4)
		dec_printf(d, "%02x", dec_u8(d, q) & (0xff << (8 - b)) & 0xff);
	else if (b > 0)
		dec_printf(d, "%1x", (dec_u8(d, q) >> 4) & (0x0f << (4 - b)) & 0x0f);
	dec_printf(d, "/%u]", bits);
}

/* tcpdump's fqdn_print on a name in a DHCP option, its compression
 * pointers taken from the option's end (as tcpdump does); NULL when it
 * is malformed or cut short. */
#define FQDN_MAX 255
static const uint8_t *fqdn(struct dec_ctx *d, const uint8_t *p, const uint8_t *base)
{
	const uint8_t *rp = NULL;
	int compressed = 0;
	unsigned chars = 0;
	size_t max_off = (size_t)(uint32_t)(p - base);
	unsigned i;
	long l = next_label(d, &p, &i);
	if (l < 0)
		return NULL;
	if ((i & 0xc0) != 0xc0)
		rp = p + l;
	if (i == 0) {
		dec_printf(d, ".");
		return rp;
	}
	while (i && p < d->end) {
		if ((i & 0xc0) == 0xc0) {
			if (!compressed) {
				rp = p + 1;
				compressed = 1;
			}
			if (!dec_has(d, p, 1))
				return NULL;
			size_t off = ((i << 8) | *p) & 0x3fff;
			if (off >= max_off) {
				dec_printf(d, "<BAD PTR>");
				return NULL;
			}
			max_off = off;
			p = base + off;
			if ((l = next_label(d, &p, &i)) < 0)
				return NULL;
			continue;
		}
		if ((i & 0xc0) == 0x40)
			bit_label(d, p);
		else {
			unsigned show = chars + l <= FQDN_MAX ? (unsigned)l : chars < FQDN_MAX ? FQDN_MAX - chars : 0;
			size_t got = dec_avail(d, p, show);
			for (size_t k = 0; k < got; k++)
				dec_putc_safe(d, p[k]);
			if (got < show)
				return NULL;
			chars += (unsigned)l;
		}
		p += l;
		if (chars <= FQDN_MAX)
			dec_printf(d, ".");
		chars++;
		if ((l = next_label(d, &p, &i)) < 0)
			return NULL;
		if (!compressed)
			rp += l + 1;
	}
	return rp;
}

/* The options of a DHCPv4-Data (wide 0: one-byte type and length) or
 * DHCPv6-Data TLV: 0, or -1 where they stop (tcpdump's "invalid"). */
static int dhcp_opts(struct dec_ctx *d, const uint8_t *p, size_t len, int indent, int wide)
{
	size_t hdr = wide ? 4 : 2, asize = wide ? 16 : 4;
	for (size_t i = 0; i < len;) {
		if (i + hdr > len)
			return -1;
		const uint8_t *tlv = p + i, *v = tlv + hdr;
		unsigned type = wide ? dec_be16(d, tlv) : dec_u8(d, tlv);
		unsigned olen = wide ? dec_be16(d, tlv + 2) : dec_u8(d, tlv + 1);
		newline(d, indent);
		dec_printf(d, "%s (%zu)", dec_tok(wide ? hncp_dh6opts : hncp_dh4opts, type, "Unknown"), olen + hdr);
		if (i + hdr + olen > len)
			return -1;
		if (type == (wide ? 23u : 6u) || type == (wide ? 31u : 42u)) {
			if (wide && olen % 16) {
				invalid(d);
				return -1;
			}
			if (!wide && (olen < 4 || olen % 4))
				return -1;
			for (size_t t = 0; t < olen; t += asize) {
				dec_printf(d, " ");
				wide ? dec_ip6addr(d, v + t) : dec_ip4addr(d, v + t);
			}
		} else if (type == (wide ? 24u : 119u)) {
			for (const uint8_t *tp = v; tp < v + olen;) {
				dec_printf(d, " ");
				if (!(tp = fqdn(d, tp, v + olen)))
					return -1;
			}
		}
		i += hdr + olen;
	}
	return 0;
}

/* A prefix and the TLVs after it, padded to 4 (Delegated-Prefix,
 * Assigned-Prefix); at: where the prefix starts. */
static void prefix_and_rest(struct dec_ctx *d, const uint8_t *v, size_t blen, size_t at, int indent, int say_len)
{
	int l = prefix(d, v + at, blen - at);
	if (l == -1 && say_len) {
		dec_printf(d, "(length is invalid)");
		return;
	}
	if (l < 0) {
		invalid(d);
		return;
	}
	l += (int)at;
	l += -l & 3;
	if (blen >= (size_t)l)
		hncp_rec(d, v + l, blen - (size_t)l, indent + 1);
}

static void prefix_policy(struct dec_ctx *d, const uint8_t *v, size_t blen)
{
	unsigned policy = dec_u8(d, v);
	dec_printf(d, " type: ");
	if (policy == 0 || policy == 131) {
		if (blen != 1)
			invalid(d);
		else
			dec_printf(d, "%s", policy ? "Restrictive assignment" : "Internet connectivity");
	} else if (policy <= 128) {
		dec_printf(d, "Dest-Prefix: ");
		int l = prefix(d, v, blen);
		if (l == -1)
			dec_printf(d, "(length is invalid)");
		else if (l < 0)
			invalid(d);
	} else if (policy == 129) {
		dec_printf(d, "DNS domain: ");
		dns_label(d, v + 1, blen - 1);
	} else if (policy == 130) {
		dec_printf(d, "Opaque UTF-8: ");
		dec_text(d, v + 1, blen - 1, DEC_TEXT_NUL);
	} else
		dec_printf(d, "Unknown (%u)", policy);
}

/* The defined TLV types, with the body length tcpdump wants before it
 * prints their fields (" (invalid)" else). */
static const struct hncp_type {
	unsigned type;
	const char *name;
	unsigned short len;
	unsigned char exact;       /* len exactly, else at least */
} hncp_types[] = {
	{ 1, "Request network state", 0, 1 }, { 2, "Request node state", 4, 1 }, { 3, "Node endpoint", 8, 1 },
	{ 4, "Network state", 8, 1 }, { 5, "Node state", 20, 0 }, { 8, "Peer", 12, 1 },
	{ 9, "Keep-alive interval", 8, 0 }, { 10, "Trust-Verdict", 37, 0 }, { 32, "HNCP-Version", 5, 0 },
	{ 33, "External-Connection", 0, 0 }, { 34, "Delegated-Prefix", 9, 0 }, { 43, "Prefix-Policy", 1, 0 },
	{ 37, "DHCPv4-Data", 1, 0 }, { 38, "DHCPv6-Data", 1, 0 }, { 35, "Assigned-Prefix", 6, 0 },
	{ 36, "Node-Address", 20, 0 }, { 39, "DNS-Delegated-Zone", 17, 0 }, { 40, "Domain-Name", 1, 0 },
	{ 41, "Node-Name", 17, 0 }, { 42, "Managed-PSK", 32, 0 }, { 0, NULL, 0, 0 },
};

static const struct hncp_type *find_type(unsigned type)
{
	const struct hncp_type *t = hncp_types;
	while (t->name && t->type != type)
		t++;
	return t->name ? t : NULL;
}

/* One TLV's fields after "NAME (LEN)": 0, or 1 when the level ends
 * " (invalid)" (a DHCPv4-Data whose options stop). */
static int hncp_body(struct dec_ctx *d, unsigned type, const uint8_t *v, size_t blen, int indent)
{
	const struct hncp_type *t = find_type(type);
	if (!t)
		return 0; /* the ranges: the name only */
	if (t->exact ? blen != t->len : blen < t->len) {
		invalid(d);
		return 0;
	}
	switch (type) {
	case 2: /* Request node state */
	case 3: /* Node endpoint */
	case 4: /* Network state */
	case 8: /* Peer */
		if (type == 4) {
			dec_printf(d, " hash: ");
			hex64(d, v, 1);
			return 0;
		}
		dec_printf(d, type == 8 ? " Peer-NID: " : " NID: ");
		nid(d, v);
		if (type == 3)
			dec_printf(d, " EPID: %08x", dec_be32(d, v + 4));
		if (type == 8)
			dec_printf(d, " Peer-EPID: %08x Local-EPID: %08x", dec_be32(d, v + 4), dec_be32(d, v + 8));
		return 0;
	case 5: /* Node state */
		dec_printf(d, " NID: ");
		nid(d, v);
		dec_printf(d, " seqno: %u ", dec_be32(d, v + 4));
		interval(d, dec_be32(d, v + 8));
		dec_printf(d, " hash: ");
		hex64(d, v + 12, 1);
		hncp_rec(d, v + 20, blen - 20, indent + 1);
		return 0;
	case 9: /* Keep-alive interval */
		dec_printf(d, " EPID: %08x Interval: ", dec_be32(d, v));
		interval(d, dec_be32(d, v + 4));
		return 0;
	case 10: /* Trust-Verdict */
		dec_printf(d, " Verdict: %u Fingerprint: ", dec_u8(d, v));
		hex64(d, v + 4, 4);
		dec_printf(d, " Common Name: ");
		dec_text(d, v + 36, blen - 36, DEC_TEXT_NUL);
		return 0;
	case 32: { /* HNCP-Version */
		unsigned c = dec_be16(d, v + 2);
		dec_printf(d, " M: %u P: %u H: %u L: %u User-agent: ", c >> 12 & 0xf, c >> 8 & 0xf, c >> 4 & 0xf,
			   c & 0xf);
		dec_text(d, v + 4, blen - 4, DEC_TEXT_NUL);
		return 0;
	}
	case 33: /* External-Connection: a container */
		hncp_rec(d, v, blen, indent + 1);
		return 0;
	case 34: /* Delegated-Prefix */
		if (blen < 9 + (dec_u8(d, v + 8) + 7u) / 8) {
			invalid(d);
			return 0;
		}
		dec_printf(d, " VLSO: ");
		interval(d, dec_be32(d, v));
		dec_printf(d, " PLSO: ");
		interval(d, dec_be32(d, v + 4));
		dec_printf(d, " Prefix: ");
		prefix_and_rest(d, v, blen, 8, indent, 1);
		return 0;
	case 35: /* Assigned-Prefix */
		if (blen < 6 + (dec_u8(d, v + 5) + 7u) / 8) {
			invalid(d);
			return 0;
		}
		dec_printf(d, " EPID: %08x Prty: %u Prefix: ", dec_be32(d, v), dec_u8(d, v + 4) & 0xf);
		prefix_and_rest(d, v, blen, 5, indent, 0);
		return 0;
	case 36: /* Node-Address */
		dec_printf(d, " EPID: %08x IP Address: ", dec_be32(d, v));
		addr6(d, v + 4);
		hncp_rec(d, v + 20, blen - 20, indent + 1);
		return 0;
	case 37: /* DHCPv4-Data */
	case 38: /* DHCPv6-Data */
		if (dhcp_opts(d, v, blen, indent + 1, type == 38) != 0) {
			if (type == 37)
				return 1;
			invalid(d);
		}
		return 0;
	case 39: { /* DNS-Delegated-Zone */
		dec_printf(d, " IP-Address: ");
		addr6(d, v);
		unsigned f = dec_u8(d, v + 16);
		dec_printf(d, " %c%c%c ", f & 4 ? 'l' : '-', f & 2 ? 'b' : '-', f & 1 ? 's' : '-');
		int l = dns_label(d, v + 17, blen - 17);
		if (l < 0) {
			invalid(d);
			return 0;
		}
		l += 17;
		l += -l & 3;
		if (blen >= (size_t)l)
			hncp_rec(d, v + l, blen - (size_t)l, indent + 1);
		return 0;
	}
	case 40: /* Domain-Name */
		dec_printf(d, " Domain: ");
		dns_label(d, v, blen);
		return 0;
	case 41: { /* Node-Name */
		size_t l = dec_u8(d, v + 16);
		if (blen < 17 + l) {
			invalid(d);
			return 0;
		}
		dec_printf(d, " IP-Address: ");
		addr6(d, v);
		dec_printf(d, " Name: ");
		if (l < 64) {
			dec_printf(d, "\"");
			dec_text(d, v + 17, l, DEC_TEXT_NUL);
			dec_printf(d, "\"");
		} else
			invalid(d);
		l = (l + 17 + 3) & ~(size_t)3;
		if (blen >= l)
			hncp_rec(d, v + l, blen - l, indent + 1);
		return 0;
	}
	case 42: /* Managed-PSK */
		dec_printf(d, " PSK: ");
		hex64(d, v, 4);
		hncp_rec(d, v + 32, blen - 32, indent + 1);
		return 0;
	case 43: /* Prefix-Policy */
		prefix_policy(d, v, blen);
		return 0;
	}
	return 0; /* the ranges: the name only */
}


/* A type's name: its own, or its range's. */
static unsigned type_class(unsigned type)
{
	if (find_type(type))
		return type;
	if (type == 0)
		return HNCP_RESERVED;
	if (type >= 44 && type <= 511)
		return HNCP_UNASSIGNED;
	if (type >= 768 && type <= 1023)
		return HNCP_PRIVATE;
	return HNCP_FUTURE;
}

static const char *class_name(unsigned c)
{
	return c > 0xffff ? dec_tok(hncp_ranges, c, "") : find_type(c)->name;
}

/* The in-line form's run of count TLVs of one class. */
static void run(struct dec_ctx *d, unsigned c, int count, int indent, int *first)
{
	if (count <= 0)
		return;
	if (*first) {
		*first = 0;
		if (indent > 1)
			newline(d, indent);
		else
			dec_printf(d, " ");
	} else
		dec_printf(d, ", ");
	dec_printf(d, "%s", class_name(c));
	if (count > 1)
		dec_printf(d, " (x%d)", count);
}

static void hncp_rec(struct dec_ctx *d, const uint8_t *p, size_t len, int indent)
{
	int in_line = indent - 1 >= d->o.vflag && d->o.vflag < 3, first = 1, count = -1;
	unsigned last = 0xffffffffu;
	for (size_t i = 0; i < len;) {
		const uint8_t *tlv = p + i, *v = tlv + HNCP_TLV_HDR;
		if (!in_line)
			newline(d, indent);
		if (!dec_has(d, tlv, HNCP_TLV_HDR)) {
			dec_printf(d, " [|hncp]");
			return;
		}
		if (i + HNCP_TLV_HDR > len) {
			invalid(d);
			return;
		}
		unsigned type = dec_get_be16(tlv), blen = dec_get_be16(tlv + 2);
		if (!dec_has(d, v, blen)) {
			dec_printf(d, " [|hncp]");
			return;
		}
		if (i + blen + HNCP_TLV_HDR > len) {
			invalid(d);
			return;
		}
		unsigned c = type_class(type);
		if (in_line) {
			if (last == c)
				count++;
			else {
				run(d, last, count, indent, &first);
				last = c;
				count = 1;
			}
		} else {
			dec_printf(d, "%s", class_name(c));
			if (c > 0xffff)
				dec_printf(d, ": type=%u", type);
			dec_printf(d, " (%u)", blen + HNCP_TLV_HDR);
			if (hncp_body(d, c, v, blen, indent)) {
				invalid(d);
				return;
			}
		}
		i += HNCP_TLV_HDR + ((blen + 3u) & ~3u);
	}
	run(d, last, count, indent, &first);
}

void dec_hncp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "hncp";
	dec_printf(d, "hncp (%zu)", len);
	hncp_rec(d, p, len, 1);
}
