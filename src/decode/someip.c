/* someip.c: AUTOSAR SOME/IP (UDP 30490; R19-11) as tcpdump 4.99 prints
 * it: "SOMEIP, service 4660, method 1, len 8, client 1, session 2, pver 1,
 * iver 1, msgtype REQUEST, retcode E_OK" (and a newline, as tcpdump ends
 * it); under 16 bytes " (invalid)". */
#include "decode/dec.h"

#define SOMEIP_HDR 16

static const struct dec_tok someip_types[] = {
	{ 0x00, "REQUEST" }, { 0x01, "REQUEST_NO_RETURN" }, { 0x02, "NOTIFICATION" }, { 0x80, "RESPONSE" },
	{ 0x81, "ERROR" }, { 0x20, "TP_REQUEST" }, { 0x21, "TP_REQUEST_NO_RETURN" },
	{ 0x22, "TP_NOTIFICATION" }, { 0xa0, "TP_RESPONSE" }, { 0xa1, "TP_ERROR" }, { 0, NULL },
};
static const struct dec_tok someip_codes[] = {
	{ 0x00, "E_OK" }, { 0x01, "E_NOT_OK" }, { 0x02, "E_UNKNOWN_SERVICE" }, { 0x03, "E_UNKNOWN_METHOD" },
	{ 0x04, "E_NOT_READY" }, { 0x05, "E_NOT_REACHABLE" }, { 0x06, "E_TIMEOUT" },
	{ 0x07, "E_WRONG_PROTOCOL_VERSION" }, { 0x08, "E_WRONG_INTERFACE_VERSION" },
	{ 0x09, "E_MALFORMED_MESSAGE" }, { 0x0a, "E_WRONG_MESSAGE_TYPE" }, { 0x0b, "E_E2E_REPEATED" },
	{ 0x0c, "E_E2E_WRONG_SEQUENCE" }, { 0x0d, "E_E2E" }, { 0x0e, "E_E2E_NOT_AVAILABLE" },
	{ 0x0f, "E_E2E_NO_NEW_DATA" }, { 0, NULL },
};

void dec_someip(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	if (!dec_begin(d, 0, "someip", len, SOMEIP_HDR, "SOMEIP (invalid)"))
		return;
	dec_printf(d, "SOMEIP");
	uint32_t id = dec_be32(d, p);
	dec_printf(d, ", service %u, %s %u", id >> 16, id & 0x8000 ? "event" : "method", id & 0x7fff);
	dec_printf(d, ", len %u", dec_be32(d, p + 4));
	uint32_t req = dec_be32(d, p + 8);
	dec_printf(d, ", client %u, session %u", req >> 16, req & 0xffff);
	dec_printf(d, ", pver %u", dec_u8(d, p + 12));
	dec_printf(d, ", iver %u", dec_u8(d, p + 13));
	dec_printf(d, ", msgtype %s", dec_tok(someip_types, dec_u8(d, p + 14), "Unknown"));
	dec_printf(d, ", retcode %s\n", dec_tok(someip_codes, dec_u8(d, p + 15), "Unknown"));
}
