/* pppcp.c: the PPP control protocols (LCP, IPCP, OSICP, MPLSCP, IP6CP,
 * CCP, BACP; RFC 1661 and the options' RFCs) as tcpdump 4.99 prints them:
 *
 *   LCP, Conf-Request (0x01), id 7, length 16                  (no -v)
 *   \n\tencoded length 14 (=Option(s) length 10)\n\t  MRU Option ...
 *   (-v: the options of the Configure packets, the magic number of the
 *   echo and discard packets, the rejected protocol; -vv the hex of
 *   every option and of the packet's header)
 *
 * A header not all there ends the line with "[|LCP]" (tcpdump's own
 * check, after which it returns); an option cut short with the option
 * printer's marker ("[|lcp]"). */
#include "decode/dec.h"

enum { CP_VEXT, CP_CONF_REQ, CP_CONF_ACK, CP_CONF_NAK, CP_CONF_REJ, CP_TERM_REQ, CP_TERM_ACK, CP_CODE_REJ,
       CP_PROT_REJ, CP_ECHO_REQ, CP_ECHO_RPL, CP_DISC_REQ, CP_ID, CP_TIME_REM };
enum { PPP_LCP = 0xc021, PPP_IPCP = 0x8021, PPP_IPV6CP = 0x8057, PPP_CCP = 0x80fd, PPP_BACP = 0xc02b,
       PPP_CHAP = 0xc223, PPP_PAP = 0xc023, PPP_EAP = 0xc227, PPP_SPAP = 0xc027, PPP_SPAP_OLD = 0xc123,
       PPP_LQM = 0xc025, PPP_VJC = 0x2d };

static const struct dec_tok cp_codes[] = {
	{ CP_VEXT, "Vendor-Extension" }, { CP_CONF_REQ, "Conf-Request" }, { CP_CONF_ACK, "Conf-Ack" },
	{ CP_CONF_NAK, "Conf-Nack" }, { CP_CONF_REJ, "Conf-Reject" }, { CP_TERM_REQ, "Term-Request" },
	{ CP_TERM_ACK, "Term-Ack" }, { CP_CODE_REJ, "Code-Reject" }, { CP_PROT_REJ, "Prot-Reject" },
	{ CP_ECHO_REQ, "Echo-Request" }, { CP_ECHO_RPL, "Echo-Reply" }, { CP_DISC_REQ, "Disc-Req" },
	{ CP_ID, "Ident" }, { CP_TIME_REM, "Time-Rem" }, { 14, "Reset-Req" }, { 15, "Reset-Ack" }, { 0, NULL },
};
static const char *const lcp_opts[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC", "ACFC",
	"FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
	"deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+", "Link-Disc",
	"LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH",
	"PPP-Muxing",
};
#define LCP_NOPTS (sizeof lcp_opts / sizeof lcp_opts[0])
static const struct dec_tok ccp_opts[] = {
	{ 0, "OUI" }, { 1, "Pred-1" }, { 2, "Pred-2" }, { 3, "Puddle" }, { 16, "HP-PPC" }, { 17, "Stac-LZS" },
	{ 18, "MPPC" }, { 19, "Gand-FZA" }, { 20, "V.42bis" }, { 21, "BSD-Comp" }, { 23, "LZS-DCP" },
	{ 24, "MVRCA" }, { 25, "DEC" }, { 26, "Deflate" }, { 255, "Reserved" }, { 0, NULL },
};
static const struct dec_tok bacp_opts[] = { { 1, "Favored-Peer" }, { 0, NULL } };
static const struct dec_tok ipcp_opts[] = {
	{ 1, "IP-Addrs" }, { 2, "IP-Comp" }, { 3, "IP-Addr" }, { 4, "Home-Addr" }, { 129, "Pri-DNS" },
	{ 130, "Pri-NBNS" }, { 131, "Sec-DNS" }, { 132, "Sec-NBNS" }, { 0, NULL },
};
#define IPCP_HDRCOMP 0x61
#define IPCP_HDRCOMP_MINLEN 14
static const struct dec_tok ipcp_comp[] = { { PPP_VJC, "VJ-Comp" }, { IPCP_HDRCOMP, "IP Header Compression" }, { 0, NULL } };
static const struct dec_tok ipcp_subopts[] = { { 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" }, { 0, NULL } };
static const struct dec_tok ip6cp_opts[] = { { 1, "Interface-ID" }, { 0, NULL } };
static const struct dec_tok auth_algs[] = { { 5, "MD5" }, { 128, "MS-CHAPv1" }, { 129, "MS-CHAPv2" }, { 0, NULL } };
static const struct dec_tok callbacks[] = {
	{ 0, "UserAuth" }, { 1, "DialString" }, { 2, "LocalID" }, { 3, "E.164" }, { 4, "X.500" }, { 6, "CBCP" },
	{ 0, NULL },
};

static const char *ppp_name(unsigned proto, const char *dflt)
{
	const char *name = proto_name(&proto_ppp, proto, PROTO_TCPDUMP);
	return name ? name : dflt;
}

/* tcpdump's print_unknown_data: a pointer past the capture says so. */
static void unknown(struct dec_ctx *d, const uint8_t *p, const char *ident, size_t n)
{
	if (p > d->end) {
		dec_printf(d, "%sDissector error: print_unknown_data called with pointer past end of packet", ident);
		return;
	}
	dec_hexlines(d, ident, p, n);
}

/* An option's type and length (the first two bytes): the length, 0 when
 * tcpdump stops there; the names by tok or, for LCP, lcp_opts. */
static unsigned opt_head(struct dec_ctx *d, const uint8_t *p, unsigned length, const struct dec_tok *tok,
			 const char *dflt, const char *trunc, unsigned *opt)
{
	if (length < 2)
		return 0;
	if (!dec_has(d, p, 2)) {
		dec_printf(d, "%s", trunc);
		return 0;
	}
	unsigned len = p[1];
	*opt = p[0];
	if (length < len)
		return 0;
	const char *name = tok ? dec_tok(tok, *opt, dflt) : *opt < LCP_NOPTS ? lcp_opts[*opt] : NULL;
	if (!name) {
		dec_printf(d, "\n\tunknown LCP option 0x%02x", *opt);
		return len < 2 ? 0 : len;
	}
	dec_printf(d, "\n\t  %s Option (0x%02x), length %u", name, *opt, len);
	if (len < 2) {
		dec_printf(d, " (length bogus, should be >= 2)");
		return 0;
	}
	return len;
}

/* What an option's body printer returns besides the length to return:
 * printed (its bytes follow at -vv), or unknown (its bytes follow). */
enum { OPT_DONE = -1, OPT_UNKNOWN = -2 };

static int bogus(struct dec_ctx *d, int bad, const char *want)
{
	if (bad)
		dec_printf(d, " (length bogus, should be %s)", want);
	return bad;
}

/* The bodies of the options of len bytes at p, of type opt: OPT_DONE,
 * OPT_UNKNOWN, or what tcpdump's printer returns there (0 or len). */
static int lcp_body(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len)
{
	switch (opt) {
	case 0:
		dec_printf(d, ": Vendor: %s (%u)", dec_tok_oui(dec_be32(d, p + 1) & 0xffffff),
			   dec_be32(d, p + 1) & 0xffffff);
		break;
	case 1: case 17:
		dec_printf(d, ": %u", dec_be16(d, p + 2));
		break;
	case 2: case 5:
		dec_printf(d, ": 0x%08x", dec_be32(d, p + 2));
		break;
	case 3: {
		unsigned proto = dec_be16(d, p + 2);
		dec_printf(d, ": %s", ppp_name(proto, "Unknown Auth Proto (0x04x)"));
		if (proto == PPP_CHAP) {
			dec_printf(d, ", ");
			dec_tokf(d, auth_algs, dec_u8(d, p + 4), "Unknown Auth Alg %u");
		} else if (proto != PPP_PAP && proto != PPP_EAP && proto != PPP_SPAP && proto != PPP_SPAP_OLD) {
			unknown(d, p, "\n\t", len);
		}
		break;
	}
	case 4:
		dec_printf(d, ": %s", dec_be16(d, p + 2) == PPP_LQM ? "LQR" : "unknown");
		break;
	case 7: case 8:
		break;
	case 23:
		dec_printf(d, ": 0x%04x", dec_be16(d, p + 2));
		break;
	case 13:
		dec_printf(d, ": "); /* tcpdump prints one more ": " before it reads the byte */
		dec_printf(d, ": Callback Operation %s (%u)", dec_tok(callbacks, dec_u8(d, p + 2), "Unknown"), p[2]);
		break;
	case 19: {
		static const char *const classes[] = { ": Null", ": Local", NULL, NULL, ": Magic-Num-Block", ": PSNDN" };
		unsigned class = dec_u8(d, p + 2);
		if (class == 2) {
			if (bogus(d, len != 7, "= 7"))
				return 0;
			dec_need(d, p + 3, 4);
			dec_printf(d, ": IPv4 ");
			dec_ip4addr(d, p + 3);
		} else if (class == 3) {
			if (bogus(d, len != 9, "= 9"))
				return 0;
			dec_need(d, p + 3, 6);
			dec_printf(d, ": MAC ");
			dec_mac(d, p + 3);
		} else if (class < 6) {
			dec_printf(d, "%s", classes[class]);
		} else {
			dec_printf(d, ": Unknown class %u", class);
		}
		break;
	}
	default:
		return OPT_UNKNOWN;
	}
	return OPT_DONE;
}

static int ipcp_body(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len)
{
	const uint8_t *q = p; /* tcpdump's hex after IP-Comp's suboptions starts after them */
	switch (opt) {
	case 1:
		dec_need(d, p + 2, 8);
		dec_printf(d, ": src ");
		dec_ip4addr(d, p + 2);
		dec_printf(d, ", dst ");
		dec_ip4addr(d, p + 6);
		break;
	case 2: {
		unsigned comp = dec_be16(d, p + 2);
		dec_printf(d, ": %s (0x%02x):", dec_tok(ipcp_comp, comp, "Unknown"), comp);
		if (comp != IPCP_HDRCOMP)
			break;
		if (len < IPCP_HDRCOMP_MINLEN) {
			dec_printf(d, " (length bogus, should be >= %u)", IPCP_HDRCOMP_MINLEN);
			return 0;
		}
		if (!dec_has(d, p + 2, IPCP_HDRCOMP_MINLEN)) {
			dec_printf(d, "[|ipcp]");
			return 0;
		}
		dec_printf(d, "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
			   dec_get_be16(p + 4), dec_get_be16(p + 6), dec_get_be16(p + 8), dec_get_be16(p + 10),
			   dec_get_be16(p + 12));
		if (len <= IPCP_HDRCOMP_MINLEN)
			break;
		unsigned left = len - IPCP_HDRCOMP_MINLEN;
		q += IPCP_HDRCOMP_MINLEN;
		dec_printf(d, "\n\t      Suboptions, length %u", left);
		while (left >= 2) {
			if (!dec_has(d, q, 2)) {
				dec_printf(d, "[|ipcp]");
				return 0;
			}
			unsigned sub = q[0], sublen = q[1];
			if (sub == 0 || sublen == 0)
				break;
			dec_printf(d, "\n\t\t%s Suboption #%u, length %u", dec_tok(ipcp_subopts, sub, "Unknown"), sub,
				   sublen);
			if (left < sublen) {
				dec_printf(d, " [remaining suboptions length %u < %u] (invalid)", left, sublen);
				break;
			}
			left -= sublen;
			q += sublen;
		}
		break;
	}
	case 3: case 4: case 129: case 130: case 131: case 132:
		dec_need(d, p + 2, 4);
		dec_printf(d, ": ");
		dec_ip4addr(d, p + 2);
		break;
	default:
		if (d->o.vflag < 2)
			unknown(d, p + 2, "\n\t    ", len - 2);
	}
	if (d->o.vflag > 1)
		unknown(d, q + 2, "\n\t    ", len - 2);
	return (int)len;
}

/* IP6CP, CCP and BACP: one or two options each */
static int ip6cp_body(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len)
{
	if (opt != 1)
		return OPT_UNKNOWN;
	if (!dec_has(d, p + 2, 8)) {
		dec_printf(d, "[|ip6cp]");
		return 0;
	}
	dec_printf(d, ": %04x:%04x:%04x:%04x", dec_get_be16(p + 2), dec_get_be16(p + 4), dec_get_be16(p + 6),
		   dec_get_be16(p + 8));
	return OPT_DONE;
}

static int ccp_body(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len)
{
	switch (opt) {
	case 21:
		dec_printf(d, ": Version: %u, Dictionary Bits: %u", dec_u8(d, p + 2) >> 5, p[2] & 0x1f);
		break;
	case 24:
		dec_need(d, p + 2, 2);
		dec_printf(d, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u", (p[2] & 0xc0) >> 6,
			   p[2] & 0x20 ? "Enabled" : "Disabled", p[2] & 0x1f, p[3]);
		break;
	case 26:
		dec_need(d, p + 2, 2);
		dec_printf(d, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u", (p[2] & 0xf0) >> 4,
			   (p[2] & 0x0f) == 8 ? "zlib" : "unknown", p[2] & 0x0f, (p[3] & 0xfc) >> 2, p[3] & 0x03);
		break;
	default:
		return OPT_UNKNOWN;
	}
	return OPT_DONE;
}

static int bacp_body(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len)
{
	if (opt != 1)
		return OPT_UNKNOWN;
	dec_printf(d, ": Magic-Num 0x%08x", dec_be32(d, p + 2));
	return OPT_DONE;
}

/* The protocols whose Configure options tcpdump prints: their option
 * names (NULL: LCP's list), the name of an unknown one, the marker of an
 * option header cut short, and the bodies' printer. */
struct cp_proto {
	unsigned proto;
	const struct dec_tok *names;
	const char *dflt, *trunc;
	int (*body)(struct dec_ctx *d, const uint8_t *p, unsigned opt, unsigned len);
};
static const struct cp_proto cp_protos[] = {
	{ PPP_LCP, NULL, NULL, "[|lcp]", lcp_body }, { PPP_IPCP, ipcp_opts, "unknown", "[|ipcp]", ipcp_body },
	{ PPP_IPV6CP, ip6cp_opts, "unknown", "[|ip6cp]", ip6cp_body },
	{ PPP_CCP, ccp_opts, "Unknown", "[|ccp]", ccp_body }, { PPP_BACP, bacp_opts, "Unknown", "[|bacp]", bacp_body },
};

/* The lengths tcpdump requires of the options it prints: exactly or at
 * least n, and what its printer returns for another (keep: the length,
 * else 0, which stops the list). */
static const struct {
	unsigned short proto;
	unsigned char opt, n, exact, keep;
} opt_lens[] = {
	{ PPP_LCP, 0, 6, 0, 1 }, { PPP_LCP, 1, 4, 1, 1 }, { PPP_LCP, 2, 6, 1, 1 }, { PPP_LCP, 3, 4, 0, 1 },
	{ PPP_LCP, 4, 4, 0, 0 }, { PPP_LCP, 5, 6, 1, 0 }, { PPP_LCP, 13, 3, 0, 0 }, { PPP_LCP, 17, 4, 1, 0 },
	{ PPP_LCP, 19, 3, 0, 0 }, { PPP_LCP, 23, 4, 1, 0 },
	{ PPP_IPCP, 1, 10, 1, 1 }, { PPP_IPCP, 2, 4, 0, 0 }, { PPP_IPCP, 3, 6, 1, 0 }, { PPP_IPCP, 4, 6, 1, 0 },
	{ PPP_IPCP, 129, 6, 1, 0 }, { PPP_IPCP, 130, 6, 1, 0 }, { PPP_IPCP, 131, 6, 1, 0 }, { PPP_IPCP, 132, 6, 1, 0 },
	{ PPP_IPV6CP, 1, 10, 1, 1 }, { PPP_CCP, 21, 3, 0, 1 }, { PPP_CCP, 24, 4, 0, 1 }, { PPP_CCP, 26, 4, 0, 1 },
	{ PPP_BACP, 1, 6, 1, 1 },
};

/* The option at p, of the length bytes left: its length, 0 to stop. */
static unsigned option(struct dec_ctx *d, const struct cp_proto *c, const uint8_t *p, unsigned length)
{
	unsigned opt, len = opt_head(d, p, length, c->names, c->dflt, c->trunc, &opt);
	if (!len || (!c->names && opt >= LCP_NOPTS))
		return len;
	for (size_t i = 0; i < sizeof opt_lens / sizeof opt_lens[0]; i++)
		if (opt_lens[i].proto == c->proto && opt_lens[i].opt == opt &&
		    (opt_lens[i].exact ? len != opt_lens[i].n : len < opt_lens[i].n)) {
			dec_printf(d, " (length bogus, should be %s %u)", opt_lens[i].exact ? "=" : ">=", opt_lens[i].n);
			return opt_lens[i].keep ? len : 0;
		}
	int r = c->body(d, p, opt, len);
	if (r >= 0)
		return (unsigned)r;
	if (r == OPT_UNKNOWN || d->o.vflag > 1) /* once: an unknown one's at -v too */
		unknown(d, p + 2, "\n\t    ", len - 2);
	return len;
}

/* The Configure packets' options, len bytes with the header. */
static void options(struct dec_ctx *d, unsigned proto, const uint8_t *p, unsigned len)
{
	const struct cp_proto *c = NULL;
	for (size_t i = 0; i < sizeof cp_protos / sizeof cp_protos[0]; i++)
		if (cp_protos[i].proto == proto)
			c = &cp_protos[i];
	if (!c)
		return;
	/* each option printer is given the packet's whole length */
	for (unsigned left = len - 4, n; left; left -= n, p += n) {
		if ((n = option(d, c, p, len)) == 0)
			return;
		if (left < n) {
			dec_printf(d, " [remaining options length %u < %u] (invalid)", left, n);
			return;
		}
	}
}

/* A control protocol's packet (tcpdump's handle_ctrl_proto), length
 * bytes at p after the protocol field. */
void dec_ppp_ctrl(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t length)
{
	const char *name = ppp_name(proto, "?");
	dec_printf(d, "%s, ", name);
	if (length < 4 || !dec_has(d, p, 2)) { /* tcpdump's marker names the protocol, then it returns */
		dec_printf(d, "[|%s]", name);
		return;
	}
	unsigned code = p[0];
	dec_printf(d, "%s (0x%02x), id %u, length %zu", dec_tok(cp_codes, code, "Unknown Opcode"), code, p[1],
		   length + 2);
	if (!d->o.vflag)
		return;
	unsigned len = dec_be16(d, p + 2);
	const uint8_t *q = p + 4;
	if (len < 4) {
		dec_printf(d, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		dec_printf(d, "\n\tencoded length %u (> packet length %zu))", len, length);
		return;
	}
	dec_printf(d, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (len == 4)
		return;
	if (d->o.vflag > 1)
		unknown(d, p - 2, "\n\t", 6);
	switch (code) {
	case CP_VEXT:
		if (len < 11)
			break;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, q));
		dec_printf(d, " Vendor: %s (%u)", dec_tok_oui(dec_be32(d, q + 3) & 0xffffff), dec_be32(d, q + 3) & 0xffffff);
		break;
	case CP_CONF_REQ: case CP_CONF_ACK: case CP_CONF_NAK: case CP_CONF_REJ:
		options(d, proto, q, len);
		break;
	case CP_TERM_REQ: case CP_TERM_ACK: case CP_CODE_REJ:
		break;
	case CP_PROT_REJ:
		if (len < 6)
			break;
		dec_printf(d, "\n\t  Rejected %s Protocol (0x%04x)", ppp_name(dec_be16(d, q), "unknown"), dec_be16(d, q));
		if (len > 6) {
			dec_printf(d, "\n\t  Rejected Packet");
			unknown(d, q + 2, "\n\t    ", len - 2);
		}
		break;
	case CP_ECHO_REQ: case CP_ECHO_RPL: case CP_DISC_REQ:
		if (len < 8)
			break;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, q));
		if (len > 8) {
			dec_printf(d, "\n\t  -----trailing data-----");
			if (!dec_has(d, q + 4, len - 8)) {
				dec_printf(d, "[|%s]", name);
				return;
			}
			unknown(d, q + 4, "\n\t  ", len - 8);
		}
		break;
	case CP_ID:
		if (len < 8)
			break;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, q));
		if (len > 8) {
			dec_printf(d, "\n\t  Message\n\t    ");
			size_t n = dec_avail(d, q + 4, len - 4);
			for (size_t i = 0; i < n; i++)
				dec_putc_safe(d, q[4 + i]);
			if (n < len - 4)
				dec_printf(d, "[|%s]", name);
		}
		break;
	case CP_TIME_REM:
		if (len < 12)
			break;
		dec_printf(d, "\n\t  Magic-Num 0x%08x", dec_be32(d, q));
		dec_printf(d, ", Seconds-Remaining %us", dec_be32(d, q + 4));
		break;
	default:
		if (d->o.vflag <= 1)
			unknown(d, p - 2, "\n\t  ", len + 2);
	}
}
