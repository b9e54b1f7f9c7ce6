/* clnp.c: the OSI network layer beside IS-IS (isis.c): CLNP (ISO 8473)
 * and ES-IS (ISO 9542) as tcpdump 4.99's isoclns printer shows them.
 * Without -v one line,
 *
 *   CLNP, 49.0001.1111.1111.1111.00 > 49.0001.2222.2222.2222.00, Echo Request, length 64
 *   ES-IS, ISH, length 26
 *
 * with -v the fixed header, the addresses and each option on lines of
 * their own (-vv adds each option's bytes in hex).  A header tcpdump
 * rejects says why; a CLNP one is then dumped in hex by the caller. */
#include "decode/dec.h"

#define CLNP_FIXED 9 /* NLPID, LI, version, lifetime, type, segment length, checksum */
#define ESIS_FIXED 9 /* NLPID, LI, version, reserved, type, holding time, checksum */
#define CLNP_SEGMENT 0x80

static const struct dec_tok clnp_pdus[] = {
	{ 1, "Error Report" }, { 28, "Data" }, { 29, "MD" }, { 30, "Echo Request" }, { 31, "Echo Response" },
	{ 0, NULL },
};
static const struct dec_tok clnp_flags[] = {
	{ 0x80, "Segmentation permitted" }, { 0x40, "more Segments" }, { 0x20, "request Error Report" }, { 0, NULL },
};
static const struct dec_tok clnp_opts[] = {
	{ 193, "Discard Reason" }, { 205, "Priority" }, { 195, "QoS Maintenance" }, { 197, "Security" },
	{ 200, "Source Routing" }, { 203, "Route Recording" }, { 204, "Padding" }, { 0, NULL },
};
static const struct dec_tok rfd_classes[] = {
	{ 0x0, "General" }, { 0x8, "Address" }, { 0x9, "Source Routeing" }, { 0xa, "Lifetime" },
	{ 0xb, "PDU Discarded" }, { 0xc, "Reassembly" }, { 0, NULL },
};
static const struct dec_tok rfd_general[] = {
	{ 0x0, "Reason not specified" }, { 0x1, "Protocol procedure error" }, { 0x2, "Incorrect checksum" },
	{ 0x3, "PDU discarded due to congestion" }, { 0x4, "Header syntax error (cannot be parsed)" },
	{ 0x5, "Segmentation needed but not permitted" }, { 0x6, "Incomplete PDU received" },
	{ 0x7, "Duplicate option" }, { 0, NULL },
};
static const struct dec_tok rfd_address[] = {
	{ 0x0, "Destination address unreachable" }, { 0x1, "Destination address unknown" }, { 0, NULL },
};
static const struct dec_tok rfd_srcroute[] = {
	{ 0x0, "Unspecified source routeing error" }, { 0x1, "Syntax error in source routeing field" },
	{ 0x2, "Unknown address in source routeing field" }, { 0x3, "Path not acceptable" }, { 0, NULL },
};
static const struct dec_tok rfd_lifetime[] = {
	{ 0x0, "Lifetime expired while data unit in transit" }, { 0x1, "Lifetime expired during reassembly" },
	{ 0, NULL },
};
static const struct dec_tok rfd_discard[] = {
	{ 0x0, "Unsupported option not specified" }, { 0x1, "Unsupported protocol version" },
	{ 0x2, "Unsupported security option" }, { 0x3, "Unsupported source routeing option" },
	{ 0x4, "Unsupported recording of route option" }, { 0, NULL },
};
static const struct dec_tok rfd_reassembly[] = { { 0x0, "Reassembly interference" }, { 0, NULL } };
/* the reason's minor names, by its major class (none: "Unknown") */
static const struct dec_tok *const rfd_minor[16] = {
	[0x0] = rfd_general, [0x8] = rfd_address, [0x9] = rfd_srcroute, [0xa] = rfd_lifetime,
	[0xb] = rfd_discard, [0xc] = rfd_reassembly,
};
static const struct dec_tok scopes[] = {
	{ 0x40, "Source Address Specific" }, { 0x80, "Destination Address Specific" }, { 0xc0, "Globally unique" },
	{ 0, NULL },
};
static const struct dec_tok qos_global[] = {
	{ 0x20, "reserved" }, { 0x10, "sequencing vs. delay" }, { 0x08, "congested" }, { 0x04, "delay vs. cost" },
	{ 0x02, "error vs. delay" }, { 0x01, "error vs. cost" }, { 0, NULL },
};
static const struct dec_tok esis_pdus[] = { { 6, "redirect" }, { 2, "ESH" }, { 4, "ISH" }, { 0, NULL } };
static const struct dec_tok esis_opts[] = {
	{ 129, "Protocols supported" }, { 195, "QoS Maintenance" }, { 197, "Security" },
	{ 198, "ES Configuration Time" }, { 205, "Priority" }, { 225, "Addressk Mask" }, { 226, "SNPA Mask" },
	{ 0, NULL },
};

/* A header shorter than its fixed part: tcpdump's complaint and every
 * captured byte from p on in upper-case hex. */
static void short_li(struct dec_ctx *d, const uint8_t *p, unsigned li)
{
	dec_printf(d, " length indicator %u < min PDU size:", li);
	for (size_t i = 0, n = dec_avail(d, p, SIZE_MAX); i < n; i++)
		dec_printf(d, "%02X", p[i]);
}

/* An option's code and length, both PDUs' way: within the header
 * length left, its value captured (CLNP checks; ES-IS reads as it goes);
 * its name on a line of its own.  0 after tcpdump's complaint. */
static int option(struct dec_ctx *d, const uint8_t **q, unsigned *left, unsigned *op, unsigned *opli,
		  const struct dec_tok *names)
{
	if (*left < 2) {
		dec_printf(d, ", bad opts/li");
		return 0;
	}
	*op = dec_u8(d, *q);
	*opli = dec_u8(d, *q + 1);
	*q += 2;
	*left -= 2;
	if (*opli > *left) {
		dec_printf(d, ", opt (%u) too long", *op);
		return 0;
	}
	if (names == clnp_opts)
		dec_need_ret(d, *q, *opli);
	*left -= *opli;
	dec_printf(d, "\n\t  %s Option #%u, length %u, value: ", dec_tok(names, *op, "Unknown"), *op, *opli);
	return 1;
}

/* Source routing and route recording: "partial|complete WHAT" and the
 * NSAP list from the offset its second byte gives. */
static void clnp_route(struct dec_ctx *d, unsigned op, const uint8_t *t, unsigned n)
{
	dec_printf(d, "%s %s", t[0] == 0 ? "partial" : t[0] == 1 ? "complete" : "Unknown",
		   op == 200 ? "source routing" : "recording of route in progress");
	unsigned off = t[1];
	if (off == 0) {
		dec_printf(d, " Bad NSAP offset (0)");
		return;
	}
	if (off - 1 > n) {
		dec_printf(d, " Bad NSAP offset (past end of option)");
		return;
	}
	/* tcpdump never moves past the first address: it prints that one
	 * again for each address the lengths account for */
	for (t += off - 1, n -= off - 1; n > 0; n -= t[0] + 1u) {
		if (n < t[0] + 1u) {
			dec_printf(d, "\n\t    NSAP address goes past end of option");
			return;
		}
		if (t[0] > 0) {
			dec_printf(d, "\n\t    NSAP address (length %u): ", t[0]);
			dec_isonsap(d, t + 1, t[0]);
		}
	}
}

/* One CLNP option's value, its bytes captured (0: tcpdump gives up). */
static int clnp_option(struct dec_ctx *d, unsigned op, const uint8_t *t, unsigned n)
{
	/* the shortest value each option's printer reads */
	unsigned min = op == 200 || op == 203 || op == 197 ? 2 : op == 205 || op == 195 || op == 193 ? 1 : 0;
	if (n < min) {
		dec_printf(d, ", bad opt len");
		return 0;
	}
	switch (op) {
	case 200: case 203:
		clnp_route(d, op, t, n);
		break;
	case 205:
		dec_printf(d, "0x%1x", t[0] & 0x0f);
		break;
	case 195:
		dec_printf(d, "\n\t    Format Code: %s", dec_tok(scopes, t[0] & 0xc0, "Reserved"));
		if ((t[0] & 0xc0) == 0xc0) {
			dec_printf(d, "\n\t    QoS Flags [");
			dec_bits(d, qos_global, t[0] & 0x3f, "none");
			dec_printf(d, "]");
		}
		break;
	case 197:
		dec_printf(d, "\n\t    Format Code: %s, Security-Level %u", dec_tok(scopes, t[0] & 0xc0, "Reserved"), t[1]);
		break;
	case 193: {
		unsigned major = t[0] >> 4, minor = t[0] & 0x0f;
		dec_printf(d, "\n\t    Class: %s Error (0x%01x), %s (0x%01x)", dec_tok(rfd_classes, major, "Unknown"), major,
			   rfd_minor[major] ? dec_tok(rfd_minor[major], minor, "Unknown") : "Unknown", minor);
		break;
	}
	case 204:
		dec_printf(d, "padding data");
		break;
	default:
		dec_hexlines(d, "\n\t  ", t, n);
	}
	return 1;
}

/* -v: the header's fields, the addresses, the segment part, the options
 * and what follows them.  p: the PDU, q: past its addresses, left: the
 * header bytes after them.  0: a header tcpdump rejects. */
static int clnp_verbose(struct dec_ctx *d, const uint8_t *p, size_t len, const uint8_t *q, unsigned left,
			const uint8_t *src, unsigned sl, const uint8_t *dst, unsigned dl)
{
	unsigned li = p[1], type = p[4] & 0x1f, flags = p[4] & 0xe0;
	dec_printf(d, "%slength %zu\n\t", d->o.eflag ? "" : ", ", len);
	dec_tokf(d, clnp_pdus, type, "unknown (%u)");
	dec_printf(d, " PDU, hlen: %u, v: %u, lifetime: %u.%us, Segment PDU length: %u, checksum: 0x%04x", li, p[2],
		   p[3] / 2, (p[3] % 2) * 5, dec_get_be16(p + 5), dec_get_be16(p + 7));
	dec_osi_cksum(d, p, dec_get_be16(p + 7), 7, li);
	dec_printf(d, "\n\tFlags [");
	dec_bits(d, clnp_flags, flags, "none");
	dec_printf(d, "]\n\tsource address (length %u): ", sl);
	dec_isonsap(d, src, sl);
	dec_printf(d, "\n\tdest   address (length %u): ", dl);
	dec_isonsap(d, dst, dl);
	if (flags & CLNP_SEGMENT) {
		if (left < 6) {
			dec_printf(d, "li < size of fixed part of CLNP header, addresses, and segment part");
			return 0;
		}
		dec_need_ret(d, q, 6);
		dec_printf(d, "\n\tData Unit ID: 0x%04x, Segment Offset: %u, Total PDU Length: %u", dec_get_be16(q),
			   dec_get_be16(q + 2), dec_get_be16(q + 4));
		q += 6;
		left -= 6;
	}
	for (unsigned op, opli; left != 0;) {
		if (!option(d, &q, &left, &op, &opli, clnp_opts))
			return 0;
		if (!clnp_option(d, op, q, opli))
			return 0;
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", q, opli);
		q += opli;
	}
	/* an error report (and, as tcpdump has it, an echo response) quoting
	 * a CLNP header prints it */
	if ((type == 1 || type == 31) && dec_u8(d, q) == 0x81) {
		dec_printf(d, "\n\t-----original packet-----\n\t");
		dec_clnp(d, q, len - li);
		return 1;
	}
	/* tcpdump 4.99 measures the data from the PDU's start (its
	 * ND_BYTES_BETWEEN with the pointers swapped is 0): all of len */
	if (len > (size_t)(q - p)) {
		dec_printf(d, "\n\t  undecoded non-header data, length %zu", len - li);
		dec_hexlines(d, "\n\t  ", q, len - (size_t)(q - p));
	}
	return 1;
}

/* An address of the fixed part: its length byte, then its bytes. */
static const uint8_t *clnp_addr(struct dec_ctx *d, const uint8_t *q, unsigned *left, unsigned *al)
{
	if (*left < 1)
		return NULL;
	*al = dec_u8(d, q);
	*left -= 1;
	if (*left < *al)
		return NULL;
	dec_need_ret(d, q + 1, *al);
	*left -= *al;
	return q + 1;
}

int dec_clnp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "clnp";
	dec_need_ret(d, p, CLNP_FIXED);
	unsigned li = p[1], left, dl = 0, sl = 0;
	if (!d->o.eflag)
		dec_printf(d, "CLNP");
	if (p[2] != 1) {
		dec_printf(d, "version %u packet not supported", p[2]);
		return 0;
	}
	if (li > len) {
		dec_printf(d, " length indicator(%u) > PDU size (%zu)!", li, len);
		return 0;
	}
	if (li < CLNP_FIXED) {
		short_li(d, p, li);
		return 0;
	}
	left = li - CLNP_FIXED;
	const uint8_t *dst = clnp_addr(d, p + CLNP_FIXED, &left, &dl);
	const uint8_t *src = dst ? clnp_addr(d, dst + dl, &left, &sl) : NULL;
	if (!src) {
		dec_printf(d, "li < size of fixed part of CLNP header and addresses");
		return 0;
	}
	if (d->o.vflag)
		return clnp_verbose(d, p, len, src + sl, left, src, sl, dst, dl);
	dec_printf(d, "%s", d->o.eflag ? "" : ", ");
	dec_isonsap(d, src, sl);
	dec_printf(d, " > ");
	dec_isonsap(d, dst, dl);
	dec_printf(d, ", ");
	dec_tokf(d, clnp_pdus, p[4] & 0x1f, "unknown (%u)");
	dec_printf(d, ", length %zu", len);
	return 1;
}

/* ES-IS: one length byte and that many bytes, within li; NULL (and
 * tcpdump's ", bad WHAT/li") when li runs out first. */
static const uint8_t *esis_field(struct dec_ctx *d, const uint8_t **q, unsigned *li, unsigned *n, const char *what)
{
	dec_need_ret(d, *q, 1);
	if (*li < 1) {
		dec_printf(d, ", bad %s/li", what);
		return NULL;
	}
	*n = (*q)[0];
	*li -= 1;
	dec_need_ret(d, *q + 1, *n);
	if (*li < *n) {
		dec_printf(d, ", bad %s/li", what);
		return NULL;
	}
	const uint8_t *f = *q + 1;
	*q += 1 + *n;
	*li -= *n;
	return f;
}

/* A redirect: destination, SNPA, NET; 0 when li runs out. */
static int esis_redirect(struct dec_ctx *d, const uint8_t **q, unsigned *li)
{
	unsigned dl, sl, nl;
	const uint8_t *dst = esis_field(d, q, li, &dl, "redirect"), *snpa, *net;
	if (!dst)
		return 0;
	dec_printf(d, "\n\t  ");
	dec_isonsap(d, dst, dl);
	if (!(snpa = esis_field(d, q, li, &sl, "redirect")) || !(net = esis_field(d, q, li, &nl, "redirect")))
		return 0;
	dec_printf(d, "\n\t  SNPA (length: %u): ", sl);
	if (sl == 6)
		dec_mac(d, snpa);
	else if (sl == 0)
		dec_printf(d, "<empty>");
	else
		for (unsigned i = 0; i < sl; i++)
			dec_printf(d, i ? ":%02x" : "%02x", snpa[i]);
	*li += 1; /* tcpdump does not count the NET's length byte */
	if (nl != 0) {
		dec_printf(d, "\n\t  NET (length: %u) ", nl);
		dec_isonsap(d, net, nl);
	}
	return 1;
}

/* The options after an ES-IS PDU's addresses. */
static void esis_options(struct dec_ctx *d, const uint8_t *q, unsigned li)
{
	for (unsigned op, opli; li != 0;) {
		if (!option(d, &q, &li, &op, &opli, esis_opts))
			return;
		if (op == 198 && opli == 2) {
			dec_need_ret(d, q, 2);
			dec_printf(d, "%us", dec_get_be16(q));
		}
		else if (op == 198)
			dec_printf(d, "(bad length)");
		else if (op == 129) {
			/* tcpdump counts the option's length down to 0 here, so
			 * the next option is read from this one's value */
			for (unsigned i = 0; i < opli; i++)
				dec_printf(d, "%s (0x%02x)%s", dec_tok(dec_nlpids, dec_u8(d, q + i), "unknown"), q[i],
					   i + 1 < opli ? ", " : "");
			opli = 0;
		} else
			dec_hexlines(d, "\n\t  ", q, opli);
		if (d->o.vflag > 1)
			dec_hexlines(d, "\n\t  ", q, opli);
		q += opli;
	}
}

void dec_esis(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "esis";
	if (!d->o.eflag)
		dec_printf(d, "ES-IS");
	if (len <= 2) {
		dec_printf(d, "%s", d->o.qflag ? "bad pkt!" : "no header at all!");
		return;
	}
	dec_need_ret(d, p, ESIS_FIXED);
	unsigned li = p[1], type = p[4] & 0x1f;
	if (p[0] != 0x82) {
		dec_printf(d, " nlpid 0x%02x packet not supported", p[0]);
		return;
	}
	if (p[2] != 1) {
		dec_printf(d, " version %u packet not supported", p[2]);
		return;
	}
	if (li > len) {
		dec_printf(d, " length indicator(%u) > PDU size (%zu)!", li, len);
		return;
	}
	if (li < ESIS_FIXED + 2) {
		short_li(d, p, li);
		return;
	}
	if (!d->o.vflag) {
		dec_printf(d, "%s", d->o.eflag ? "" : ", ");
		dec_tokf(d, esis_pdus, type, "unknown type (%u)");
		dec_printf(d, ", length %zu", len);
		return;
	}
	dec_printf(d, "%slength %zu\n\t", d->o.eflag ? "" : ", ", len);
	dec_tokf(d, esis_pdus, type, "unknown type: %u");
	dec_printf(d, " (%u), v: 1, checksum: 0x%04x", type, dec_get_be16(p + 7));
	dec_osi_cksum(d, p, dec_get_be16(p + 7), 7, li);
	dec_printf(d, ", holding time: %us, length indicator: %u", dec_get_be16(p + 5), li);
	if (d->o.vflag > 1)
		dec_hexlines(d, "\n\t", p, ESIS_FIXED);
	const uint8_t *q = p + ESIS_FIXED, *f;
	unsigned n;
	li -= ESIS_FIXED;
	switch (type) {
	case 6:
		if (!esis_redirect(d, &q, &li))
			return;
		break;
	case 2:
		dec_need_ret(d, q, 1);
		if (li < 1) {
			dec_printf(d, ", bad esh/li");
			return;
		}
		n = *q++;
		li--;
		dec_printf(d, "\n\t  Number of Source Addresses: %u", n);
		for (unsigned al; n > 0; n--) {
			if (!(f = esis_field(d, &q, &li, &al, "esh")))
				return;
			dec_printf(d, "\n\t  NET (length: %u): ", al);
			dec_isonsap(d, f, al);
		}
		break;
	case 4:
		if (!(f = esis_field(d, &q, &li, &n, "ish")))
			return;
		dec_printf(d, "\n\t  NET (length: %u): ", n);
		dec_isonsap(d, f, n);
		break;
	default:
		if (d->o.vflag <= 1 && dec_has(d, q, 1))
			dec_hexlines(d, "\n\t  ", q, SIZE_MAX);
		return;
	}
	esis_options(d, q, li);
}
