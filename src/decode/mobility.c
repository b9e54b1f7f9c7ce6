/* mobility.c: the IPv6 mobility header (RFC 6275, next header 135 and the
 * old 62) and IPv4 Mobile IP minimal encapsulation (RFC 2004, protocol
 * 55), as tcpdump 4.99 prints them:
 *
 *   mobility: BU seq#=116 A lifetime=15360       (-v: cookies, tokens and
 *                                                 the options after it)
 *   mobile: [S] > 4.5.6.7 (oproto=6) (bad checksum 515)
 *
 * tcpdump checks one byte past each mobility option before printing it,
 * so an option that ends the capture ends the line with " [|mobility]". */
#include "decode/dec.h"

#define MH_MINLEN 8
#define MH_MAX 7
enum { MH_BRR, MH_HOTI, MH_COTI, MH_HOT, MH_COT, MH_BU, MH_BA, MH_BE };

static const struct dec_tok mh_types[] = {
	{ MH_BRR, "BRR" }, { MH_HOTI, "HoTI" }, { MH_COTI, "CoTI" }, { MH_HOT, "HoT" }, { MH_COT, "CoT" },
	{ MH_BU, "BU" }, { MH_BA, "BA" }, { MH_BE, "BE" }, { 0, NULL },
};
/* The shortest header each type fits in. */
static const unsigned mh_hdrlen[MH_MAX + 1] = { 8, 16, 16, 24, 24, 12, 12, 24 };
static const struct dec_tok bu_bits[] = { { 8, "A" }, { 4, "H" }, { 2, "L" }, { 1, "K" }, { 0, NULL } };

/* The options tcpdump names: type, the bytes left it needs, name. */
static const struct {
	unsigned type, min;
	const char *name;
} mh_opts[] = {
	{ 1, 2, "padn" }, { 2, 4, "refresh" }, { 3, 18, "altcoa" }, { 4, 6, "ni" }, { 5, 12, "auth" },
};

/* The options after the message; 0, or 1 when cut short. */
static int print_opts(struct dec_ctx *d, const uint8_t *bp, unsigned len)
{
	unsigned optlen;
	for (unsigned i = 0; i < len; i += optlen) {
		unsigned type = dec_u8(d, bp + i);
		if (type == 0)
			optlen = 1;
		else if (i + 1 < len)
			optlen = dec_u8(d, bp + i + 1) + 2u;
		else
			return 1;
		if (i + optlen > len || !dec_has(d, bp + i + optlen, 1))
			return 1;
		if (type == 0) {
			dec_printf(d, "(pad1)");
			continue;
		}
		size_t k = 0;
		while (k < sizeof mh_opts / sizeof mh_opts[0] && mh_opts[k].type != type)
			k++;
		if (k == sizeof mh_opts / sizeof mh_opts[0]) {
			if (len - i < 2) {
				dec_printf(d, "(sopt_type %u: trunc)", type);
				return 1;
			}
			dec_printf(d, "(type-0x%02x: len=%u)", type, dec_u8(d, bp + i + 1));
			continue;
		}
		if (len - i < mh_opts[k].min) {
			dec_printf(d, "(%s: trunc)", mh_opts[k].name);
			return 1;
		}
		const uint8_t *o = bp + i + 2;
		switch (type) {
		case 1: dec_printf(d, "(padn)"); break;
		case 2: dec_printf(d, "(refresh: %u)", (unsigned)dec_be16(d, o) << 2); break;
		case 3: dec_printf(d, "(alt-CoA: "); dec_ip6addr(d, o); dec_printf(d, ")"); break;
		case 4: dec_printf(d, "(ni: ho=0x%04x co=0x%04x)", dec_be16(d, o), dec_be16(d, o + 2)); break;
		default: dec_printf(d, "(auth)"); break;
		}
	}
	return 0;
}

/* HoTI/CoTI/HoT/CoT's " Home Init Cookie=..." (-v). */
static void cookie(struct dec_ctx *d, const char *who, const char *what, const uint8_t *p)
{
	if (d->o.vflag)
		dec_printf(d, " %s %s=%08x:%08x", who, what, dec_be32(d, p), dec_be32(d, p + 4));
}

void dec_mobility(struct dec_ctx *d, const uint8_t *bp)
{
	d->proto = d->app = "mobility";
	if (!dec_has(d, bp + 1, 1)) {
		dec_printf(d, " [|mobility]");
		return;
	}
	unsigned mhlen = (bp[1] + 1u) << 3, type = dec_u8(d, bp + 2), hlen = MH_MINLEN;
	if (type <= MH_MAX && mhlen < mh_hdrlen[type]) {
		dec_printf(d, "(header length %u is too small for type %u) [|mobility]", mhlen, type);
		return;
	}
	dec_printf(d, "mobility: ");
	dec_tokf(d, mh_types, type, "type-#%u");
	const char *who = type == MH_HOTI || type == MH_HOT ? "Home" : "Care-of";
	switch (type) {
	case MH_BRR:
		break;
	case MH_HOTI: case MH_COTI:
		cookie(d, who, "Init Cookie", bp + hlen);
		hlen += 8;
		break;
	case MH_HOT: case MH_COT:
		dec_printf(d, " nonce id=0x%x", dec_be16(d, bp + 6));
		cookie(d, who, "Init Cookie", bp + hlen);
		cookie(d, who, "Keygen Token", bp + hlen + 8);
		hlen += 16;
		break;
	case MH_BU: {
		dec_printf(d, " seq#=%u", dec_be16(d, bp + 6));
		if (!dec_has(d, bp + hlen, 2)) {
			dec_printf(d, " [|mobility]");
			return;
		}
		unsigned bits = (bp[hlen] & 0xf0) >> 4;
		if (bits) {
			dec_printf(d, " ");
			dec_bits_nosep(d, bu_bits, bits, "");
		}
		dec_printf(d, " lifetime=%u", (unsigned)dec_be16(d, bp + hlen + 2) << 2);
		hlen += 4;
		break;
	}
	case MH_BA:
		dec_printf(d, " status=%u", dec_u8(d, bp + 6));
		if (dec_u8(d, bp + 7) & 0x80)
			dec_printf(d, " K");
		dec_printf(d, " seq#=%u", dec_be16(d, bp + hlen));
		dec_printf(d, " lifetime=%u", (unsigned)dec_be16(d, bp + hlen + 2) << 2);
		hlen += 4;
		break;
	case MH_BE:
		dec_printf(d, " status=%u", dec_u8(d, bp + 6));
		dec_need(d, bp + hlen, 16);
		dec_printf(d, " homeaddr ");
		dec_ip6addr(d, bp + hlen);
		hlen += 16;
		break;
	default:
		dec_printf(d, " len=%u", bp[1]);
		return;
	}
	if (d->o.vflag && print_opts(d, bp + hlen, mhlen - hlen))
		dec_printf(d, " [|mobility]");
}

#define MOBILE_SIZE 8
#define MOBILE_OSRC 0x0080 /* the old source address is present */

void dec_mobile(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = d->app = "mobile";
	if (len < MOBILE_SIZE || !dec_has(d, p, 12)) {
		dec_printf(d, " [|mobile]");
		return;
	}
	unsigned proto = dec_get_be16(p), crc = dec_get_be16(p + 2);
	int osp = (proto & MOBILE_OSRC) != 0;
	dec_printf(d, "mobile: ");
	if (osp) {
		dec_printf(d, "[S] ");
		if (d->o.vflag) {
			dec_ip4addr(d, p + 8);
			dec_printf(d, " ");
		}
	} else
		dec_printf(d, "[] ");
	if (d->o.vflag) {
		dec_printf(d, "> ");
		dec_ip4addr(d, p + 4);
		dec_printf(d, " (oproto=%u)", proto >> 8);
	}
	if (dec_fold(dec_sum(p, osp ? 12 : 8, 0)) != 0)
		dec_printf(d, " (bad checksum %u)", crc);
}
