/* ppp_ctrl.c: PPP's control protocols as tcpdump 4.99 prints them (its
 * handle_ctrl_proto, handle_chap, handle_pap): LCP, IPCP, OSICP, MPLSCP,
 * IP6CP, CCP and BACP share one shape,
 *
 *   LCP, Conf-Request (0x01), id 1, length 16          (no -v)
 *   ... \n\tencoded length 14 (=Option(s) length 10)   (-v: the options of
 *   LCP, IPCP, IP6CP, CCP and BACP one a line; -vv their bytes in hex too)
 *
 * CHAP and PAP print their own code, id and the names or messages; BAP
 * prints nothing.  tcpdump's checks come in two kinds: ND_TCHECK ends the
 * line with "[|lcp]" (no space) and the printer returns, a GET_ past the
 * capture longjmps out with " [|ppp]" (dec_trunc, d->proto as the PPP
 * printer left it). */
#include "decode/dec.h"

enum {
	PPP_LCP = 0xc021, PPP_IPCP = 0x8021, PPP_IP6CP = 0x8057, PPP_CCP = 0x80fd, PPP_BACP = 0xc02b,
	PPP_PAP = 0xc023, PPP_CHAP = 0xc223, PPP_BAP = 0xc02d, PPP_LQM = 0xc025, PPP_EAP = 0xc227,
	PPP_SPAP = 0xc027, PPP_SPAP_OLD = 0xc123, PPP_VJC = 0x002d,
};
/* What an option printer tells the loop: go on (after the -vv hex), stop
 * with the option's length, or stop with 0 (the loop ends). */
enum { OPT_GO, OPT_UNKNOWN, OPT_LEN, OPT_ZERO };

static const struct dec_tok cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" }, { 3, "Conf-Nack" },
	{ 4, "Conf-Reject" }, { 5, "Term-Request" }, { 6, "Term-Ack" }, { 7, "Code-Reject" },
	{ 8, "Prot-Reject" }, { 9, "Echo-Request" }, { 10, "Echo-Reply" }, { 11, "Disc-Req" },
	{ 12, "Ident" }, { 13, "Time-Rem" }, { 14, "Reset-Req" }, { 15, "Reset-Ack" }, { 0, NULL },
};
static const struct dec_tok lcp_opts[] = {
	{ 0, "Vend-Ext" }, { 1, "MRU" }, { 2, "ACCM" }, { 3, "Auth-Prot" }, { 4, "Qual-Prot" },
	{ 5, "Magic-Num" }, { 6, "deprecated(6)" }, { 7, "PFC" }, { 8, "ACFC" }, { 9, "FCS-Alt" },
	{ 10, "SDP" }, { 11, "Num-Mode" }, { 12, "deprecated(12)" }, { 13, "Call-Back" },
	{ 14, "deprecated(14)" }, { 15, "deprecated(15)" }, { 16, "deprecated(16)" }, { 17, "MRRU" },
	{ 18, "12-Bit seq #" }, { 19, "End-Disc" }, { 20, "Proprietary" }, { 21, "DCE-Id" }, { 22, "MP+" },
	{ 23, "Link-Disc" }, { 24, "LCP-Auth-Opt" }, { 25, "COBS" }, { 26, "Prefix-elision" },
	{ 27, "Multilink-header-Form" }, { 28, "I18N" }, { 29, "SDL-over-SONET/SDH" }, { 30, "PPP-Muxing" },
	{ 0, NULL },
};
static const struct dec_tok ipcp_opts[] = {
	{ 1, "IP-Addrs" }, { 2, "IP-Comp" }, { 3, "IP-Addr" }, { 4, "Home-Addr" }, { 129, "Pri-DNS" },
	{ 130, "Pri-NBNS" }, { 131, "Sec-DNS" }, { 132, "Sec-NBNS" }, { 0, NULL },
};
static const struct dec_tok ip6cp_opts[] = { { 1, "Interface-ID" }, { 0, NULL } };
static const struct dec_tok ccp_opts[] = {
	{ 0, "OUI" }, { 1, "Pred-1" }, { 2, "Pred-2" }, { 3, "Puddle" }, { 16, "HP-PPC" }, { 17, "Stac-LZS" },
	{ 18, "MPPC" }, { 19, "Gand-FZA" }, { 20, "V.42bis" }, { 21, "BSD-Comp" }, { 23, "LZS-DCP" },
	{ 24, "MVRCA" }, { 25, "DEC" }, { 26, "Deflate" }, { 255, "Reserved" }, { 0, NULL },
};
static const struct dec_tok bacp_opts[] = { { 1, "Favored-Peer" }, { 0, NULL } };
static const struct dec_tok auth_algs[] = { { 5, "MD5" }, { 128, "MS-CHAPv1" }, { 129, "MS-CHAPv2" }, { 0, NULL } };
static const struct dec_tok callbacks[] = {
	{ 0, "UserAuth" }, { 1, "DialString" }, { 2, "LocalID" }, { 3, "E.164" }, { 4, "X.500" }, { 6, "CBCP" },
	{ 0, NULL },
};
static const struct dec_tok ipcomp_protos[] = { { PPP_VJC, "VJ-Comp" }, { 0x61, "IP Header Compression" }, { 0, NULL } };
static const struct dec_tok ipcomp_subopts[] = { { 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" }, { 0, NULL } };
static const struct dec_tok chap_codes[] = { { 1, "Challenge" }, { 2, "Response" }, { 3, "Success" }, { 4, "Fail" }, { 0, NULL } };
static const struct dec_tok pap_codes[] = { { 1, "Auth-Req" }, { 2, "Auth-ACK" }, { 3, "Auth-NACK" }, { 0, NULL } };

/* tcpdump's print_unknown_data: n bytes at p in hex, as many as were
 * captured. */
static void unknown_data(struct dec_ctx *d, const uint8_t *p, const char *ident, unsigned n)
{
	if (p > d->end) {
		dec_printf(d, "%sDissector error: print_unknown_data called with pointer past end of packet", ident);
		return;
	}
	dec_hexlines(d, ident, p, n);
}

/* " (length bogus, should be OP N)" and what the option printer returns. */
static int bogus(struct dec_ctx *d, const char *op, unsigned n, int ret)
{
	dec_printf(d, " (length bogus, should be %s %u)", op, n);
	return ret;
}

/* The LCP options that are one number (MRU, ACCM, magic number, MRRU,
 * link discriminator): their one right length (4: a 16-bit number, 6: a
 * 32-bit one), what a wrong length returns, the number's format. */
static const struct {
	unsigned opt, len;
	int bogus;
	const char *fmt;
} lcp_numbers[] = {
	{ 1, 4, OPT_LEN, ": %u" }, { 2, 6, OPT_LEN, ": 0x%08x" }, { 5, 6, OPT_ZERO, ": 0x%08x" },
	{ 17, 4, OPT_ZERO, ": %u" }, { 23, 4, OPT_ZERO, ": 0x%04x" },
};

/* --- the option bodies: p at the option, len its length (>= 2) --- */
static int lcp_opt(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	(void)dump;
	for (size_t i = 0; i < sizeof lcp_numbers / sizeof lcp_numbers[0]; i++) {
		if (lcp_numbers[i].opt != opt)
			continue;
		if (len != lcp_numbers[i].len)
			return bogus(d, "=", lcp_numbers[i].len, lcp_numbers[i].bogus);
		dec_printf(d, lcp_numbers[i].fmt, len == 4 ? dec_be16(d, p + 2) : dec_be32(d, p + 2));
		return OPT_GO;
	}
	switch (opt) {
	case 0: /* vendor extension */
		if (len < 6)
			return bogus(d, ">=", 6, OPT_LEN);
		dec_printf(d, ": Vendor: %s (%u)", dec_tok_oui(dec_be32(d, p + 1) & 0xffffff),
			   dec_be32(d, p + 1) & 0xffffff);
		return OPT_GO;
	case 3: { /* authentication protocol */
		if (len < 4)
			return bogus(d, ">=", 4, OPT_LEN);
		unsigned ap = dec_be16(d, p + 2);
		dec_printf(d, ": %s", proto_name_or(&proto_ppp, ap, PROTO_TCPDUMP, "Unknown Auth Proto (0x04x)"));
		if (ap == PPP_CHAP) {
			unsigned alg = dec_u8(d, p + 4);
			dec_printf(d, ", ");
			dec_tokf(d, auth_algs, alg, "Unknown Auth Alg %u");
		}
		else if (ap != PPP_PAP && ap != PPP_EAP && ap != PPP_SPAP && ap != PPP_SPAP_OLD)
			unknown_data(d, p, "\n\t", len);
		return OPT_GO;
	}
	case 4: /* quality protocol */
		if (len < 4)
			return bogus(d, ">=", 4, OPT_ZERO);
		dec_printf(d, dec_be16(d, p + 2) == PPP_LQM ? ": LQR" : ": unknown");
		return OPT_GO;
	case 7: case 8: /* PFC, ACFC */
		return OPT_GO;
	case 13: /* callback */
		if (len < 3)
			return bogus(d, ">=", 3, OPT_ZERO);
		dec_printf(d, ": ");
		dec_printf(d, ": Callback Operation %s (%u)", dec_tok(callbacks, dec_u8(d, p + 2), "Unknown"), p[2]);
		return OPT_GO;
	case 19: { /* endpoint discriminator */
		if (len < 3)
			return bogus(d, ">=", 3, OPT_ZERO);
		static const char *const classes[] = { ": Null", ": Local", NULL, NULL, ": Magic-Num-Block", ": PSNDN" };
		unsigned c = dec_u8(d, p + 2);
		if (c == 2 || c == 3) {
			if (len != (c == 2 ? 7u : 9u))
				return bogus(d, "=", c == 2 ? 7 : 9, OPT_ZERO);
			dec_need(d, p + 3, c == 2 ? 4 : 6);
			dec_printf(d, c == 2 ? ": IPv4 " : ": MAC ");
			if (c == 2)
				dec_ip4addr(d, p + 3);
			else
				dec_mac(d, p + 3);
		} else if (c < 6)
			dec_printf(d, "%s", classes[c]);
		else
			dec_printf(d, ": Unknown class %u", c);
		return OPT_GO;
	}
	default:
		return OPT_UNKNOWN;
	}
}

/* IPCP's IP header compression parameters and suboptions (RFC 3544). */
static int ipcp_hdrcomp(struct dec_ctx *d, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	if (len < 14)
		return bogus(d, ">=", 14, OPT_ZERO);
	if (!dec_has(d, p + 2, 14)) {
		dec_printf(d, "[|ipcp]");
		return OPT_ZERO;
	}
	dec_printf(d, "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
		   dec_get_be16(p + 4), dec_get_be16(p + 6), dec_get_be16(p + 8), dec_get_be16(p + 10),
		   dec_get_be16(p + 12));
	if (len == 14)
		return OPT_GO;
	unsigned left = len - 14;
	p += 14;
	dec_printf(d, "\n\t      Suboptions, length %u", left);
	while (left >= 2) {
		if (!dec_has(d, p, 2)) {
			dec_printf(d, "[|ipcp]");
			return OPT_ZERO;
		}
		if (p[0] == 0 || p[1] == 0)
			break;
		dec_printf(d, "\n\t\t%s Suboption #%u, length %u", dec_tok(ipcomp_subopts, p[0], "Unknown"), p[0], p[1]);
		if (left < p[1]) {
			dec_printf(d, " [remaining suboptions length %u < %u] (invalid)", left, p[1]);
			break;
		}
		left -= p[1];
		p += p[1];
	}
	*dump = p + 2; /* tcpdump's -vv dump starts past what it walked */
	return OPT_GO;
}

static int ipcp_opt(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	switch (opt) {
	case 1: /* two addresses (deprecated) */
		if (len != 10)
			return bogus(d, "=", 10, OPT_LEN);
		dec_need(d, p + 2, 8);
		dec_printf(d, ": src ");
		dec_ip4addr(d, p + 2);
		dec_printf(d, ", dst ");
		dec_ip4addr(d, p + 6);
		return OPT_GO;
	case 2: { /* compression */
		if (len < 4)
			return bogus(d, ">=", 4, OPT_ZERO);
		unsigned cp = dec_be16(d, p + 2);
		dec_printf(d, ": %s (0x%02x):", dec_tok(ipcomp_protos, cp, "Unknown"), cp);
		return cp == 0x61 ? ipcp_hdrcomp(d, p, len, dump) : OPT_GO;
	}
	case 3: case 4: case 129: case 130: case 131: case 132: /* one address */
		if (len != 6)
			return bogus(d, "=", 6, OPT_ZERO);
		dec_need(d, p + 2, 4);
		dec_printf(d, ": ");
		dec_ip4addr(d, p + 2);
		return OPT_GO;
	default:
		return OPT_UNKNOWN;
	}
}

/* IP6CP and BACP know one option, number 1, of length want: OPT_UNKNOWN
 * for the others, the bogus length's return, or -1 (go on). */
static int only_opt(struct dec_ctx *d, unsigned opt, unsigned len, unsigned want)
{
	if (opt != 1)
		return OPT_UNKNOWN;
	return len != want ? bogus(d, "=", want, OPT_LEN) : -1;
}

static int ip6cp_opt(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	int r = only_opt(d, opt, len, 10);
	(void)dump;
	if (r >= 0)
		return r;
	if (!dec_has(d, p + 2, 8)) {
		dec_printf(d, "[|ip6cp]");
		return OPT_ZERO;
	}
	dec_printf(d, ": %04x:%04x:%04x:%04x", dec_get_be16(p + 2), dec_get_be16(p + 4), dec_get_be16(p + 6),
		   dec_get_be16(p + 8));
	return OPT_GO;
}

static int ccp_opt(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	(void)dump;
	switch (opt) {
	case 21: /* BSD-Comp */
		if (len < 3)
			return bogus(d, ">=", 3, OPT_LEN);
		dec_printf(d, ": Version: %u, Dictionary Bits: %u", dec_u8(d, p + 2) >> 5, p[2] & 0x1f);
		return OPT_GO;
	case 24: /* MVRCA */
		if (len < 4)
			return bogus(d, ">=", 4, OPT_LEN);
		dec_printf(d, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u", (dec_u8(d, p + 2) & 0xc0) >> 6,
			   p[2] & 0x20 ? "Enabled" : "Disabled", p[2] & 0x1f, dec_u8(d, p + 3));
		return OPT_GO;
	case 26: { /* Deflate */
		if (len < 4)
			return bogus(d, ">=", 4, OPT_LEN);
		unsigned a = dec_u8(d, p + 2);
		dec_printf(d, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u", (a & 0xf0) >> 4,
			   (a & 0x0f) == 8 ? "zlib" : "unknown", a & 0x0f, (dec_u8(d, p + 3) & 0xfc) >> 2, p[3] & 0x03);
		return OPT_GO;
	}
	default:
		return OPT_UNKNOWN;
	}
}

static int bacp_opt(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump)
{
	int r = only_opt(d, opt, len, 6);
	(void)dump;
	if (r >= 0)
		return r;
	dec_printf(d, ": Magic-Num 0x%08x", dec_be32(d, p + 2));
	return OPT_GO;
}

/* The control protocols whose Configure options tcpdump decodes. */
static const struct cp_opts {
	unsigned proto;
	const struct dec_tok *names;
	const char *unknown;       /* the name of an option not in names */
	const char *trunc;         /* the ND_TCHECK marker */
	int (*body)(struct dec_ctx *d, unsigned opt, const uint8_t *p, unsigned len, const uint8_t **dump);
} cp_opts[] = {
	{ PPP_LCP, lcp_opts, NULL, "[|lcp]", lcp_opt },
	{ PPP_IPCP, ipcp_opts, "unknown", "[|ipcp]", ipcp_opt },
	{ PPP_IP6CP, ip6cp_opts, "unknown", "[|ip6cp]", ip6cp_opt },
	{ PPP_CCP, ccp_opts, "Unknown", "[|ccp]", ccp_opt },
	{ PPP_BACP, bacp_opts, "Unknown", "[|bacp]", bacp_opt },
};

/* One option at p, length bytes left in the message; what it takes, or 0
 * (the loop ends).  LCP names options by number and has its own line for
 * one past its table (NULL unknown). */
static unsigned cp_option(struct dec_ctx *d, const struct cp_opts *c, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	if (!dec_has(d, p, 2)) {
		dec_printf(d, "%s", c->trunc);
		return 0;
	}
	unsigned opt = p[0], len = p[1];
	if (length < len)
		return 0;
	const char *name = dec_tok(c->names, opt, c->unknown);
	if (!name) {
		dec_printf(d, "\n\tunknown LCP option 0x%02x", opt);
		return len < 2 ? 0 : len;
	}
	dec_printf(d, "\n\t  %s Option (0x%02x), length %u", name, opt, len);
	if (len < 2) {
		dec_printf(d, " (length bogus, should be >= 2)");
		return 0;
	}
	const uint8_t *dump = p + 2;
	switch (c->body(d, opt, p, len, &dump)) {
	case OPT_ZERO:
		return 0;
	case OPT_LEN:
		return len;
	case OPT_UNKNOWN:
		if (d->o.vflag < 2)
			unknown_data(d, p + 2, "\n\t    ", len - 2);
		break;
	}
	if (d->o.vflag > 1)
		unknown_data(d, dump, "\n\t    ", len - 2);
	return len;
}

/* A Configure-* message's options: len the message's length (>= 4). */
static void cp_options(struct dec_ctx *d, unsigned proto, const uint8_t *p, unsigned len)
{
	const struct cp_opts *c = NULL;
	for (size_t i = 0; i < sizeof cp_opts / sizeof cp_opts[0]; i++)
		if (cp_opts[i].proto == proto)
			c = &cp_opts[i];
	if (!c)
		return;
	for (unsigned left = len - 4, n; left != 0; left -= n, p += n) { /* len > 4: once at least */
		if ((n = cp_option(d, c, p, len)) == 0)
			return;
		if (left < n) {
			dec_printf(d, " [remaining options length %u < %u] (invalid)", left, n);
			return;
		}
	}
}

/* The body after the 4-byte header at h of a message of code and
 * length len (checked: 4 < len <= what the PPP frame holds); what the
 * line shows at -v. */
static void cp_body(struct dec_ctx *d, unsigned proto, const char *typestr, const uint8_t *h, unsigned code,
		    unsigned len)
{
	const uint8_t *p = h + 4;
	switch (code) {
	case 0: /* vendor extension */
		if (len < 11)
			return;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, p));
		dec_printf(d, " Vendor: %s (%u)", dec_tok_oui(dec_be32(d, p + 3) & 0xffffff), dec_get_be32(p + 3) & 0xffffff);
		return;
	case 1: case 2: case 3: case 4:
		cp_options(d, proto, p, len);
		return;
	case 5: case 6: case 7:
		return;
	case 8: /* protocol reject */
		if (len < 6)
			return;
		dec_printf(d, "\n\t  Rejected %s Protocol (0x%04x)",
			   proto_name_or(&proto_ppp, dec_be16(d, p), PROTO_TCPDUMP, "unknown"), dec_get_be16(p));
		if (len > 6) {
			dec_printf(d, "\n\t  Rejected Packet");
			unknown_data(d, p + 2, "\n\t    ", len - 2);
		}
		return;
	case 9: case 10: case 11: /* echo, discard */
		if (len < 8)
			return;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, p));
		if (len > 8) {
			dec_printf(d, "\n\t  -----trailing data-----");
			if (!dec_has(d, p + 4, len - 8)) {
				dec_printf(d, "[|%s]", typestr);
				return;
			}
			unknown_data(d, p + 4, "\n\t  ", len - 8);
		}
		return;
	case 12: /* identification: a message tcpdump reads 4 bytes too far */
		if (len < 8)
			return;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, p));
		if (len > 8) {
			dec_printf(d, "\n\t  Message\n\t    ");
			size_t n = dec_avail(d, p + 4, len - 4);
			for (size_t i = 0; i < n; i++)
				dec_putc_safe(d, p[4 + i]);
			if (n < len - 4)
				dec_printf(d, "[|%s]", typestr);
		}
		return;
	case 13: /* time remaining */
		if (len < 12)
			return;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, p));
		dec_printf(d, ", Seconds-Remaining %us", dec_be32(d, p + 4));
		return;
	default:
		if (d->o.vflag <= 1)
			unknown_data(d, h - 2, "\n\t  ", len + 2);
		return;
	}
}

/* tcpdump's handle_ctrl_proto: p at the code byte, length the PPP payload's. */
static void ctrl_proto(struct dec_ctx *d, unsigned proto, const uint8_t *p, unsigned length)
{
	char unknown[40];
	const char *typestr = proto_name(&proto_ppp, proto, PROTO_TCPDUMP);
	if (!typestr) {
		snprintf(unknown, sizeof unknown, "unknown ctrl-proto (0x%04x)", proto);
		typestr = unknown;
	}
	dec_printf(d, "%s, ", typestr);
	if (length < 4 || !dec_has(d, p, 2)) {
		dec_printf(d, "[|%s]", typestr);
		return;
	}
	unsigned code = p[0];
	dec_printf(d, "%s (0x%02x), id %u, length %u", dec_tok(cp_codes, code, "Unknown Opcode"), code, p[1], length + 2);
	if (!d->o.vflag)
		return;
	unsigned len = dec_be16(d, p + 2);
	if (len < 4) {
		dec_printf(d, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		dec_printf(d, "\n\tencoded length %u (> packet length %u))", len, length);
		return;
	}
	dec_printf(d, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (len == 4)
		return;
	if (d->o.vflag > 1)
		unknown_data(d, p - 2, "\n\t", 6);
	cp_body(d, proto, typestr, p, code, len);
}

/* CHAP's and PAP's first bytes: "CHAP, Challenge (0x01), id 1"; the
 * code, or -1 when the message is under 4 bytes (the line ends). */
static int auth_head(struct dec_ctx *d, const char *name, const char *trunc, const struct dec_tok *codes,
		     const uint8_t *p, unsigned length)
{
	if (length < 4) {
		if (length < 1)
			dec_printf(d, "[|%s]", trunc);
		else
			dec_printf(d, "[|%s 0x%02x]", trunc, dec_u8(d, p));
		return -1;
	}
	unsigned code = dec_u8(d, p);
	dec_printf(d, "%s, %s (0x%02x)", name, dec_tok(codes, code, "unknown"), code);
	dec_printf(d, ", id %u", dec_u8(d, p + 1));
	return (int)code;
}

/* CHAP (RFC 1994): code, id, and a challenge's or response's value and
 * name, or a result's message. */
static void chap(struct dec_ctx *d, const uint8_t *p, unsigned length)
{
	int code = auth_head(d, "CHAP", "chap", chap_codes, p, length);
	if (code < 0)
		return;
	unsigned len = dec_be16(d, p + 2);
	const uint8_t *q = p + 4;
	if (code == 1 || code == 2) {
		if (length - 4 < 1)
			return;
		unsigned vs = dec_u8(d, q++);
		if (length - 5 < vs)
			return;
		dec_printf(d, ", Value ");
		for (unsigned i = 0; i < vs; i++)
			dec_printf(d, "%02x", dec_u8(d, q++));
		dec_printf(d, ", Name ");
		dec_text(d, q, (unsigned)(len - (unsigned)(q - p)), 0);
	} else if (code == 3 || code == 4) {
		dec_printf(d, ", Msg ");
		dec_text(d, q, (unsigned)(len - 4u), 0);
	}
}

/* PAP (RFC 1334): code, id, a request's peer and password, a reply's
 * message. */
static void pap(struct dec_ctx *d, const uint8_t *p, unsigned length)
{
	int code = auth_head(d, "PAP", "pap", pap_codes, p, length);
	if (code < 0)
		return;
	unsigned len = dec_be16(d, p + 2);
	if (len > length) {
		dec_printf(d, ", length %u > packet size", len);
		return;
	}
	if (len < 4) {
		dec_printf(d, ", length %u < PAP header length", len);
		return;
	}
	if (code < 1 || code > 3)
		return;
	if (len < (code == 1 ? 6u : 5u)) {
		dec_printf(d, "[|pap]");
		return;
	}
	const uint8_t *q = p + 4;
	for (int field = 0; field < (code == 1 ? 2 : 1); field++) {
		if (len - (unsigned)(q - p) < 1)
			return;
		unsigned n = dec_u8(d, q++);
		if (len - (unsigned)(q - p) < n)
			return;
		dec_printf(d, code != 1 ? ", Msg " : field ? ", Name " : ", Peer ");
		dec_text(d, q, n, 0);
		q += n;
	}
}

void dec_ppp_ctrl(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t len)
{
	unsigned length = (unsigned)len;
	if (proto == PPP_CHAP)
		chap(d, p, length);
	else if (proto == PPP_PAP)
		pap(d, p, length);
	else if (proto != PPP_BAP) /* tcpdump's BAP printer prints nothing */
		ctrl_proto(d, proto, p, length);
}
