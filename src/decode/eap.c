/* eap.c: an EAP message (RFC 3748) as tcpdump 4.99 prints it where it is
 * carried whole (RADIUS's EAP-Message attribute):
 *
 *   Response (2), id 1, len 9
 *   		 Type Identity (1), Identity: user
 *
 * and the first fields of the TLS, TTLS, FAST, SIM and AKA methods.  A
 * message whose length is not the attribute's is a fragment; a message
 * cut short ends with " [|eap]". */
#include "decode/dec.h"

enum { EAP_REQUEST = 1, EAP_RESPONSE = 2 };
enum {
	EAP_IDENTITY = 1, EAP_NOTIFICATION = 2, EAP_NAK = 3, EAP_TLS = 13, EAP_SIM = 18, EAP_TTLS = 21,
	EAP_AKA = 23, EAP_FAST = 43,
};
#define EAP_TLS_L 0x80             /* the message length is included */

static const struct dec_tok eap_codes[] = {
	{ EAP_REQUEST, "Request" }, { EAP_RESPONSE, "Response" }, { 3, "Success" }, { 4, "Failure" }, { 0, NULL },
};
static const struct dec_tok eap_types[] = {
	{ 0, "No proposed" }, { EAP_IDENTITY, "Identity" }, { EAP_NOTIFICATION, "Notification" }, { EAP_NAK, "Nak" },
	{ 4, "MD5-challenge" }, { 5, "OTP" }, { 6, "GTC" }, { EAP_TLS, "TLS" }, { EAP_SIM, "SIM" },
	{ EAP_TTLS, "TTLS" }, { EAP_AKA, "AKA" }, { EAP_FAST, "FAST" }, { 254, "Expanded types" },
	{ 255, "Experimental" }, { 0, NULL },
};
static const struct dec_tok eap_tls_flags[] = {
	{ EAP_TLS_L, "L bit" }, { 0x40, "More fragments bit" }, { 0x20, "Start bit" }, { 0, NULL },
};
static const struct dec_tok eap_aka_subtypes[] = {
	{ 1, "Challenge" }, { 2, "Auth reject" }, { 4, "Sync failure" }, { 5, "Identity" }, { 10, "Start" },
	{ 11, "Challenge" }, { 12, "Notification" }, { 13, "Reauth" }, { 14, "Client error" }, { 0, NULL },
};

/* tcpdump's " (too short for EAP ...)" when short (what: the method's
 * name in fmt, or NULL) */
static int eap_short(struct dec_ctx *d, int shortp, const char *fmt, const char *what)
{
	if (shortp)
		dec_printf(d, fmt, what);
	return shortp;
}

/* The method's fields after the type byte; 0: too short (said so). */
static int eap_method(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned type)
{
	const char *what = type == EAP_TLS || type == EAP_TTLS ? "TLS/TTLS" : type == EAP_FAST ? "FAST" : "SIM/AKA";
	switch (type) {
	case EAP_IDENTITY: case EAP_NOTIFICATION: /* a notification's text is not optional */
		if (type == EAP_NOTIFICATION &&
		    eap_short(d, len < 6, " (too short for EAP Notification request/response)", NULL))
			return 0;
		if (len > 5) {
			dec_printf(d, type == EAP_IDENTITY ? ", Identity: " : ", Notification: ");
			dec_text(d, p + 5, len - 5, DEC_TEXT_NUL);
		}
		return 1;
	case EAP_NAK:
		if (eap_short(d, len < 6, " (too short for EAP Legacy NAK request/response)", NULL))
			return 0;
		for (unsigned i = 5; i < len; i++) {
			unsigned t = dec_u8(d, p + i);
			dec_printf(d, "%s %s (%u)", i > 5 ? "," : "", dec_tok(eap_types, t, "unknown"), t);
		}
		return 1;
	case EAP_TLS: case EAP_TTLS: case EAP_FAST: case EAP_SIM: case EAP_AKA:
		if (eap_short(d, len < 6, " (too short for EAP %s request/response)", what))
			return 0;
		break;
	default:
		return 1;
	}
	unsigned f = dec_u8(d, p + 5);
	if (type == EAP_SIM || type == EAP_AKA) {
		dec_printf(d, " subtype [%s] 0x%02x", dec_tok(eap_aka_subtypes, f, "unknown"), f);
		return 1;
	}
	if (type != EAP_TLS)
		dec_printf(d, " %sv%u", type == EAP_TTLS ? "TTLS" : "FAST", f & 7);
	dec_printf(d, " flags [");
	dec_bits(d, eap_tls_flags, f, "none");
	dec_printf(d, "] 0x%02x", f);
	if (f & EAP_TLS_L) {
		if (eap_short(d, len < 10, " (too short for EAP %s request/response with length)", what))
			return 0;
		dec_printf(d, ", len %u", dec_be32(d, p + 6));
	}
	return 1;
}

void dec_eap(struct dec_ctx *d, const uint8_t *p, size_t length)
{
	d->proto = "eap";
	unsigned code = dec_u8(d, p), len = dec_be16(d, p + 2);
	if (len != length) {
		dec_printf(d, "EAP fragment?");
		return;
	}
	dec_printf(d, "%s (%u), id %u, len %u", dec_tok(eap_codes, code, "unknown"), code, dec_u8(d, p + 1), len);
	if (len < 4) {
		dec_printf(d, " (too short for EAP header)");
		return;
	}
	if (!dec_has(d, p, len)) {
		dec_printf(d, " [|eap]");
		return;
	}
	if (code != EAP_REQUEST && code != EAP_RESPONSE)
		return;
	if (len < 5) {
		dec_printf(d, " (too short for EAP request/response)");
		return;
	}
	unsigned type = p[4];
	dec_printf(d, "\n\t\t Type %s (%u)", dec_tok(eap_types, type, "unknown"), type);
	eap_method(d, p, len, type);
}
