/* l2tp.c: L2TP version 2 (RFC 2661; PPP disconnect cause RFC 3145) over
 * UDP 1701 as tcpdump 4.99 prints it, at every -v level the same:
 *
 *    l2tp:[TLS](1/0)Ns=0,Nr=0 *MSGTYPE(SCCRQ) *PROTO_VER(1.0) ...
 *
 * the header flags, tunnel and session ids, sequence numbers, then for a
 * control message its AVPs (each "NAME(value)", "*" when mandatory, "?"
 * and "???" when hidden), for a data message " {PPP frame}" (the PPP
 * printer is not ours yet: the line stops there and is reported as
 * handed off).  L2F packets print " l2f:" only.  An AVP longer than the
 * rest of the message or of the capture ends the line with " [|l2tp]". */
#include <string.h>

#include "decode/dec.h"

#define L2TP_T 0x8000              /* control message */
#define L2TP_L 0x4000              /* length present */
#define L2TP_S 0x0800              /* sequence numbers present */
#define L2TP_O 0x0200              /* offset present */
#define L2TP_P 0x0100              /* priority */
#define L2TP_AVP_M 0x8000          /* mandatory */
#define L2TP_AVP_H 0x4000          /* hidden */
#define L2TP_AVP_LEN 0x03ff

static const struct dec_tok l2tp_msgtypes[] = {
	{ 1, "SCCRQ" }, { 2, "SCCRP" }, { 3, "SCCCN" }, { 4, "StopCCN" }, { 6, "HELLO" }, { 7, "OCRQ" },
	{ 8, "OCRP" }, { 9, "OCCN" }, { 10, "ICRQ" }, { 11, "ICRP" }, { 12, "ICCN" }, { 14, "CDN" },
	{ 15, "WEN" }, { 16, "SLI" }, { 0, NULL },
};
static const struct dec_tok l2tp_authtypes[] = {
	{ 0, "Reserved" }, { 1, "Textual" }, { 2, "CHAP" }, { 3, "PAP" }, { 4, "No Auth" }, { 5, "MS-CHAPv1" },
	{ 0, NULL },
};
static const struct dec_tok l2tp_directions[] = {
	{ 0, "global error" }, { 1, "at peer" }, { 2, "at local" }, { 0, NULL },
};

/* How an AVP's value is printed (RFC 2661 4.4), and how long it must be
 * at least. */
enum l2tp_kind {
	LK_NONE, LK_MSGTYPE, LK_RESULT, LK_VERSION, LK_AS, LK_AD, LK_HEX8, LK_U16, LK_TEXT, LK_HEX, LK_Q931,
	LK_HEX16, LK_U32, LK_OBSOLETE, LK_AUTHTYPE, LK_AUTHID, LK_ERRORS, LK_ACCM, LK_DISCON,
};
struct l2tp_avp {
	const char *name;
	unsigned char kind, min;
};
static const struct l2tp_avp l2tp_avps[] = {
	[0] = { "MSGTYPE", LK_MSGTYPE, 2 }, [1] = { "RESULT_CODE", LK_RESULT, 2 },
	[2] = { "PROTO_VER", LK_VERSION, 2 }, [3] = { "FRAMING_CAP", LK_AS, 4 },
	[4] = { "BEARER_CAP", LK_AD, 4 }, [5] = { "TIE_BREAKER", LK_HEX8, 8 }, [6] = { "FIRM_VER", LK_U16, 2 },
	[7] = { "HOST_NAME", LK_TEXT, 0 }, [8] = { "VENDOR_NAME", LK_TEXT, 0 },
	[9] = { "ASSND_TUN_ID", LK_U16, 2 }, [10] = { "RECV_WIN_SIZE", LK_U16, 2 },
	[11] = { "CHALLENGE", LK_HEX, 0 }, [12] = { "Q931_CC", LK_Q931, 3 },
	[13] = { "CHALLENGE_RESP", LK_HEX16, 16 }, [14] = { "ASSND_SESS_ID", LK_U16, 2 },
	[15] = { "CALL_SER_NUM", LK_U32, 4 }, [16] = { "MINIMUM_BPS", LK_U32, 4 },
	[17] = { "MAXIMUM_BPS", LK_U32, 4 }, [18] = { "BEARER_TYPE", LK_AD, 4 },
	[19] = { "FRAMING_TYPE", LK_AS, 4 }, [20] = { "PACKET_PROC_DELAY", LK_OBSOLETE, 0 },
	[21] = { "CALLED_NUMBER", LK_TEXT, 0 }, [22] = { "CALLING_NUMBER", LK_TEXT, 0 },
	[23] = { "SUB_ADDRESS", LK_TEXT, 0 }, [24] = { "TX_CONN_SPEED", LK_U32, 4 },
	[25] = { "PHY_CHANNEL_ID", LK_U32, 4 }, [26] = { "INI_RECV_LCP", LK_HEX, 0 },
	[27] = { "LAST_SENT_LCP", LK_HEX, 0 }, [28] = { "LAST_RECV_LCP", LK_HEX, 0 },
	[29] = { "PROXY_AUTH_TYPE", LK_AUTHTYPE, 2 }, [30] = { "PROXY_AUTH_NAME", LK_TEXT, 0 },
	[31] = { "PROXY_AUTH_CHAL", LK_HEX, 0 }, [32] = { "PROXY_AUTH_ID", LK_AUTHID, 2 },
	[33] = { "PROXY_AUTH_RESP", LK_HEX, 0 }, [34] = { "CALL_ERRORS", LK_ERRORS, 2 },
	[35] = { "ACCM", LK_ACCM, 2 }, [36] = { "RANDOM_VECTOR", LK_HEX, 0 },
	[37] = { "PRIVATE_GRP_ID", LK_TEXT, 0 }, [38] = { "RX_CONN_SPEED", LK_U32, 4 },
	[39] = { "SEQ_REQUIRED", LK_NONE, 0 }, [46] = { "PPP_DISCON_CC", LK_DISCON, 5 },
};

static void l2tp_hex(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		dec_printf(d, "%02x", dec_u8(d, p + i));
}

/* "A"/"S" or "A"/"D": two bits of a 32-bit field, the second first */
static void l2tp_bits(struct dec_ctx *d, const uint8_t *p, const char *names)
{
	uint32_t v = dec_be32(d, p);
	if (v & 2)
		dec_printf(d, "%c", names[0]);
	if (v & 1)
		dec_printf(d, "%c", names[1]);
}

/* the 32-bit counters of Call-Errors and the ACCM after 2 reserved
 * bytes: "NAME=value " each, " AVP too short" where they stop */
static void l2tp_counters(struct dec_ctx *d, const uint8_t *p, unsigned len, const char *const *names, int hex)
{
	p += 2;
	len -= 2;
	for (; *names; names++, p += 4, len -= 4) {
		if (len < 4) {
			dec_printf(d, "AVP too short");
			return;
		}
		dec_printf(d, hex ? "%s=%08x " : "%s=%u ", *names, dec_be32(d, p));
	}
}

/* text after a fixed part, " "-separated, when there is some */
static void l2tp_tail(struct dec_ctx *d, const uint8_t *p, unsigned len)
{
	if (len) {
		dec_printf(d, " ");
		dec_text(d, p, len, 0);
	}
}

static void l2tp_value(struct dec_ctx *d, const struct l2tp_avp *a, const uint8_t *p, unsigned len)
{
	static const char *const errors[] = { "CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout", "AlignErr",
					      NULL };
	static const char *const accm[] = { "send", "recv", NULL };
	if (len < a->min) {
		dec_printf(d, "AVP too short");
		return;
	}
	switch (a->kind) {
	case LK_MSGTYPE: dec_tokf(d, l2tp_msgtypes, dec_be16(d, p), "MSGTYPE-#%u"); return;
	case LK_RESULT:
		dec_printf(d, "%u", dec_be16(d, p));
		if (len == 2)
			return;
		if (len < 4) {
			dec_printf(d, " AVP too short");
			return;
		}
		dec_printf(d, "/%u", dec_be16(d, p + 2));
		l2tp_tail(d, p + 4, len - 4);
		return;
	case LK_VERSION: dec_printf(d, "%u.%u", dec_u8(d, p), dec_u8(d, p + 1)); return;
	case LK_AS: l2tp_bits(d, p, "AS"); return;
	case LK_AD: l2tp_bits(d, p, "AD"); return;
	case LK_HEX8: l2tp_hex(d, p, 8); return;
	case LK_HEX16: l2tp_hex(d, p, 16); return;
	case LK_HEX: l2tp_hex(d, p, len); return;
	case LK_U16: dec_printf(d, "%u", dec_be16(d, p)); return;
	case LK_U32: dec_printf(d, "%u", dec_be32(d, p)); return;
	case LK_TEXT: dec_text(d, p, len, 0); return;
	case LK_Q931:
		dec_printf(d, "%u, %02x", dec_be16(d, p), dec_u8(d, p + 2));
		l2tp_tail(d, p + 3, len - 3);
		return;
	case LK_OBSOLETE: dec_printf(d, "obsolete"); return;
	case LK_AUTHTYPE: dec_tokf(d, l2tp_authtypes, dec_be16(d, p), "AuthType-#%u"); return;
	case LK_AUTHID: dec_printf(d, "%u", dec_be16(d, p) & 0xff); return;
	case LK_ERRORS: l2tp_counters(d, p, len, errors, 0); return;
	case LK_ACCM: l2tp_counters(d, p, len, accm, 1); return;
	case LK_DISCON:
		dec_printf(d, "%04x, %04x ", dec_be16(d, p), dec_be16(d, p + 2));
		dec_tokf(d, l2tp_directions, dec_u8(d, p + 4), "Direction-#%u");
		l2tp_tail(d, p + 5, len - 5);
		return;
	}
}

/* One AVP at p, length bytes left in the message: its length, or 0 when
 * it ends the line (" [|l2tp]"). */
static unsigned l2tp_avp(struct dec_ctx *d, const uint8_t *p, unsigned length)
{
	dec_printf(d, " ");
	unsigned fl = dec_be16(d, p), len = fl & L2TP_AVP_LEN;
	if (len < 6 || len > length || !dec_has(d, p, len)) {
		dec_printf(d, " [|l2tp]");
		return 0;
	}
	if (fl & L2TP_AVP_M)
		dec_printf(d, "*");
	if (fl & L2TP_AVP_H)
		dec_printf(d, "?");
	unsigned vendor = dec_get_be16(p + 2), type = dec_get_be16(p + 4);
	if (vendor) {
		dec_printf(d, "VENDOR%04x:ATTR%04x(", vendor, type);
		l2tp_hex(d, p + 6, len - 6);
		dec_printf(d, ")");
		return len;
	}
	const struct l2tp_avp *a = type < sizeof l2tp_avps / sizeof l2tp_avps[0] && l2tp_avps[type].name
				   ? &l2tp_avps[type] : NULL;
	if (a)
		dec_printf(d, "%s(", a->name);
	else
		dec_printf(d, "AVP-#%u(", type);
	if (fl & L2TP_AVP_H)
		dec_printf(d, "?\?\?");
	else if (a)
		l2tp_value(d, a, p + 6, len - 6);
	dec_printf(d, ")");
	return len;
}

/* The PPP frame of a data message, then "}": also after a printer that
 * returned cut short (its exit is taken again after the brace), not
 * after one that jumped out. */
static void ppp_braced(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	jmp_buf outer;
	int hdrlen = d->hdrlen;
	memcpy(outer, d->trunc, sizeof outer);
	int r = setjmp(d->trunc);
	if (r == DEC_TRUNC_NONE)
		dec_ppp_frame(d, p, len);
	memcpy(d->trunc, outer, sizeof outer);
	if (r == DEC_TRUNC_JUMP)
		longjmp(d->trunc, r);
	dec_printf(d, "}");
	d->hdrlen = hdrlen; /* what -x skips: the link header, as before */
	if (r == DEC_TRUNC_RET)
		longjmp(d->trunc, r);
}

void dec_l2tp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t length)
{
	(void)a;
	d->proto = "l2tp";
	unsigned fl = dec_be16(d, p), ver = fl & 0x0f;
	if (ver == 1) {
		dec_printf(d, " l2f:");
		return;
	}
	if (ver != 2) {
		dec_printf(d, " Unknown Version, neither L2F(1) nor L2TP(2)");
		return;
	}
	dec_printf(d, " l2tp:[%s%s%s%s%s]", fl & L2TP_T ? "T" : "", fl & L2TP_L ? "L" : "", fl & L2TP_S ? "S" : "",
		   fl & L2TP_O ? "O" : "", fl & L2TP_P ? "P" : "");
	size_t cnt = 2, l2tp_len = 0;
	if (fl & L2TP_L) {
		l2tp_len = dec_be16(d, p + cnt);
		cnt += 2;
	}
	dec_printf(d, "(%u/", dec_be16(d, p + cnt));
	dec_printf(d, "%u)", dec_be16(d, p + cnt + 2));
	cnt += 4;
	if (fl & L2TP_S) {
		dec_printf(d, "Ns=%u,", dec_be16(d, p + cnt));
		dec_printf(d, "Nr=%u", dec_be16(d, p + cnt + 2));
		cnt += 4;
	}
	if (fl & L2TP_O) {
		unsigned pad = dec_be16(d, p + cnt);
		dec_need_ret(d, p + cnt + 2, pad); /* tcpdump returns there */
		cnt += 2 + pad;
	}
	if (fl & L2TP_L) {
		if (length < l2tp_len) {
			dec_printf(d, " Length %zu larger than packet", l2tp_len);
			return;
		}
		length = l2tp_len;
	}
	if (length < cnt) {
		dec_printf(d, " Length %zu smaller than header length", length);
		return;
	}
	if (!(fl & L2TP_T)) { /* a data message: the PPP frame (ppp.c) */
		dec_printf(d, " {");
		ppp_braced(d, p + cnt, length - cnt);
		return;
	}
	if (!(fl & L2TP_L)) {
		dec_printf(d, " No length");
		return;
	}
	if (length == cnt) {
		dec_printf(d, " ZLB");
		return;
	}
	while (length > cnt) {
		unsigned n = l2tp_avp(d, p + cnt, (unsigned)(length - cnt));
		if (!n)
			return;
		cnt += n;
	}
}
