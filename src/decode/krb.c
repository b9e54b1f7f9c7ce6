/* krb.c: Kerberos (UDP 88 and 750) as tcpdump 4.99 prints it: the
 * protocol version (" v5" for an ASN.1 message, which it does not decode
 * further), and for version 4 (the Athena plan, section E.2.1) the byte
 * order and message type, then the principal names of the request or
 * reply as NUL-terminated strings.  A string that runs to the end of the
 * capture ends the line " [|krb]". */
#include "decode/dec.h"

/* Version 4 message types: the type byte without its byte-order bit. */
#define KRB4_KDC_REQUEST (1 << 1)
#define KRB4_KDC_REPLY (2 << 1)
#define KRB4_APPL_REQUEST (3 << 1)
#define KRB4_ERR_REPLY (5 << 1)
#define KRB4_LE 0x01 /* the sender's integers are little-endian */

/* ASN.1 application tags of version 5's AS-REQ and AS-REP (RFC 4120),
 * the first byte tcpdump looks at */
#define KRB5_AS_REQ 106
#define KRB5_AS_REP 107

static const struct dec_tok krb4_types[] = {
	{ KRB4_KDC_REQUEST, "KDC_REQUEST" }, { KRB4_KDC_REPLY, "KDC_REPLY" },
	{ KRB4_APPL_REQUEST, "APPL_REQUEST" }, { 4 << 1, "APPL_REQUEST_MUTUAL" },
	{ KRB4_ERR_REPLY, "ERR_REPLY" }, { 6 << 1, "PRIVATE" }, { 7 << 1, "SAFE" },
	{ 8 << 1, "APPL_ERR" }, { 63 << 1, "DIE" }, { 0, NULL },
};
static const struct dec_tok krb4_errors[] = {
	{ 0, "OK" }, { 1, "NAME_EXP" }, { 2, "SERVICE_EXP" }, { 3, "AUTH_EXP" }, { 4, "PKT_VER" },
	{ 5, "NAME_MAST_KEY_VER" }, { 6, "SERV_MAST_KEY_VER" }, { 7, "BYTE_ORDER" },
	{ 8, "PRINCIPAL_UNKNOWN" }, { 9, "PRINCIPAL_NOT_UNIQUE" }, { 10, "NULL_KEY" }, { 0, NULL },
};

/* A NUL-terminated string at p; returns what follows its NUL.  Without a
 * NUL before the capture's end tcpdump's printer gives up (and returns). */
static const uint8_t *krb_string(struct dec_ctx *d, const uint8_t *p)
{
	while (dec_has(d, p, 1)) {
		uint8_t c = *p++;
		if (c == 0)
			return p;
		dec_putc_safe(d, c);
	}
	dec_trunc_ret(d);
}

/* NAME.INSTANCE@REALM after the two header bytes at p */
static const uint8_t *krb4_principal(struct dec_ctx *d, const uint8_t *p)
{
	p = krb_string(d, p + 2);
	dec_printf(d, ".");
	p = krb_string(d, p);
	dec_printf(d, "@");
	return krb_string(d, p);
}

static unsigned krb4_u16(struct dec_ctx *d, const uint8_t *p, int le)
{
	return le ? dec_le16(d, p) : dec_be16(d, p);
}

static void krb4(struct dec_ctx *d, const uint8_t *p)
{
	unsigned tb = dec_u8(d, p + 1), type = tb & 0xfe;
	int le = tb & KRB4_LE;
	dec_printf(d, " %s ", le ? "le" : "be");
	dec_tokf(d, krb4_types, type, "#%u");
	dec_printf(d, ": ");
	const uint8_t *q;
	switch (type) {
	case KRB4_KDC_REQUEST:
		q = krb4_principal(d, p) + 4; /* ctime */
		dec_printf(d, " %umin ", dec_u8(d, q) * 5u);
		q = krb_string(d, q + 1);
		dec_printf(d, ".");
		krb_string(d, q);
		return;
	case KRB4_APPL_REQUEST:
		dec_printf(d, "v%u ", dec_u8(d, p + 2));
		q = krb_string(d, p + 3);
		dec_printf(d, " (%u)", dec_u8(d, q));
		dec_printf(d, " (%u)", dec_u8(d, q + 1));
		return;
	case KRB4_KDC_REPLY:
		q = krb4_principal(d, p) + 10; /* timestamp, n, expiry, kvno */
		dec_printf(d, " (%u)", krb4_u16(d, q, le));
		return;
	case KRB4_ERR_REPLY: {
		q = krb4_principal(d, p) + 4; /* timestamp */
		unsigned e = krb4_u16(d, q, le);
		dec_printf(d, " ");
		dec_tokf(d, krb4_errors, e, "#%u");
		dec_printf(d, " ");
		krb_string(d, q + 4);
		return;
	}
	default:
		dec_printf(d, "(unknown)");
	}
}

void dec_krb(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	(void)len;
	d->proto = "krb";
	dec_need_ret(d, p, 1); /* tcpdump checks the first byte and returns */
	unsigned v = *p;
	if (v >= 1 && v <= 4)
		dec_printf(d, " v%u", v);
	else if (v == KRB5_AS_REQ || v == KRB5_AS_REP)
		dec_printf(d, " v5");
	if (v == 4)
		krb4(d, p);
}
