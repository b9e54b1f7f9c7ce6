/* m3ua.c: M3UA (RFC 4666) messages in SCTP DATA chunks of payload
 * protocol 3, as tcpdump 4.99 prints them with -vv: the message class and
 * type on a line of their own, then each parameter on its own line with
 * its name and, for the network appearance, routing context and
 * correlation id, its value, else its length:
 *
 *   		ASP Active Message
 *   			Routing Context: 0x00000001
 *
 * A message of another version prints nothing; one shorter than its
 * header, or a parameter that does not fit, " (invalid)".  Any read
 * past the capture ends the packet (" [|m3ua]"). */
#include "decode/dec.h"

#define M3UA_HDR 8   /* version, reserved, class, type, length */
#define M3UA_PARAM 4 /* tag, length (of header and value) */

static const struct dec_tok mgmt[] = { { 0, "Error" }, { 1, "Notify" }, { 0, NULL } };
static const struct dec_tok transfer[] = { { 1, "Data" }, { 0, NULL } };
static const struct dec_tok ssnm[] = {
	{ 1, "Destination Unavailable" }, { 2, "Destination Available" }, { 3, "Destination State Audit" },
	{ 4, "Signalling Congestion" }, { 5, "Destination User Part Unavailable" }, { 6, "Destination Restricted" },
	{ 0, NULL },
};
static const struct dec_tok aspsm[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Heartbeat" }, { 4, "Up Acknowledgement" }, { 5, "Down Acknowledgement" },
	{ 6, "Heartbeat Acknowledgement" }, { 0, NULL },
};
static const struct dec_tok asptm[] = {
	{ 1, "Active" }, { 2, "Inactive" }, { 3, "Active Acknowledgement" }, { 4, "Inactive Acknowledgement" },
	{ 0, NULL },
};
static const struct dec_tok rkm[] = {
	{ 1, "Registration Request" }, { 2, "Registration Response" }, { 3, "Deregistration Request" },
	{ 4, "Deregistration Response" }, { 0, NULL },
};
/* The message classes of RFC 4666 3.1.2 and their types. */
static const struct {
	unsigned class;
	const char *name;
	const struct dec_tok *types;
} classes[] = {
	{ 0, "Management", mgmt }, { 1, "Transfer", transfer }, { 2, "SS7", ssnm }, { 3, "ASP", aspsm },
	{ 4, "ASP", asptm }, { 9, "Routing Key Management", rkm },
};
/* Parameters common to the SIGTRAN adaptation layers (RFC 4666 3.2),
 * then those of M3UA (3.3); tcpdump names these. */
static const struct dec_tok common_params[] = {
	{ 0x0004, "INFO String" }, { 0x0006, "Routing Context" }, { 0x0007, "Diagnostic Info" },
	{ 0x0009, "Heartbeat Data" }, { 0x000b, "Traffic Mode Type" }, { 0x000c, "Error Code" }, { 0x000d, "Status" },
	{ 0x0011, "ASP Identifier" }, { 0x0012, "Affected Point Code" }, { 0x0013, "Correlation ID" }, { 0, NULL },
};
static const struct dec_tok m3ua_params[] = {
	{ 0x0200, "Network Appearance" }, { 0x0204, "User/Cause" }, { 0x0205, "Congestion Indications" },
	{ 0x0206, "Concerned Destination" }, { 0x0207, "Routing Key" }, { 0x0208, "Registration Result" },
	{ 0x0209, "Deregistration Result" }, { 0x020a, "Local Routing Key Identifier" },
	{ 0x020b, "Destination Point Code" }, { 0x020c, "Service Indicators" },
	{ 0x020e, "Originating Point Code List" }, { 0x0210, "Protocol Data" }, { 0x0212, "Registration Status" },
	{ 0x0213, "Deregistration Status" }, { 0, NULL },
};

/* " (invalid)", then tcpdump's check that the n bytes at p are captured. */
static void invalid(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_printf(d, " (invalid)");
	dec_need(d, p, n);
}

/* A parameter's value of n bytes: the 32-bit ones in hex, the others by
 * their length.  p is the parameter's header, not its value: tcpdump
 * passes that, so the "value" it prints is the tag and length. */
static void value(struct dec_ctx *d, const uint8_t *p, unsigned tag, unsigned n)
{
	if (tag == 0x0200 || tag == 0x0006 || tag == 0x0013) {
		if (n < 4) {
			invalid(d, p, n);
			return;
		}
		dec_printf(d, "0x%08x", dec_be32(d, p));
	} else {
		dec_printf(d, "(length %u)", n + M3UA_PARAM);
	}
	dec_need(d, p, n);
}

/* The parameters in the n bytes at p, each padded to 4 bytes. */
static void tags(struct dec_ctx *d, const uint8_t *p, uint32_t n)
{
	for (uint32_t at = 0; at < n;) {
		const uint8_t *q = p + at;
		if (n - at < M3UA_PARAM) {
			invalid(d, p, n);
			return;
		}
		unsigned tag = dec_be16(d, q);
		const char *name = dec_tok(tag < 0x0200 ? common_params : m3ua_params, tag, NULL);
		if (name)
			dec_printf(d, "\n\t\t\t%s: ", name);
		else
			dec_printf(d, "\n\t\t\tUnknown Parameter (0x%04x): ", tag);
		unsigned len = dec_be16(d, q + 2);
		if (len < M3UA_PARAM) {
			invalid(d, p, n);
			return;
		}
		unsigned align = (at + len) % 4 ? 4 - (at + len) % 4 : 0;
		dec_need(d, q, len + align);
		value(d, q, tag, len - M3UA_PARAM);
		at += len + align;
	}
}

void dec_m3ua(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "m3ua";
	if (len < M3UA_HDR) {
		invalid(d, p, len);
		return;
	}
	dec_need(d, p, M3UA_HDR);
	if (p[0] != 1) /* only release 1.0 */
		return;
	unsigned class = p[2];
	const char *name = NULL;
	const struct dec_tok *types = NULL;
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (classes[i].class == class) {
			name = classes[i].name;
			types = classes[i].types;
		}
	dec_printf(d, "\n\t\t");
	name ? dec_printf(d, "%s", name) : dec_printf(d, "Unknown message class %i", (int)class);
	if (types) {
		dec_printf(d, " ");
		dec_tokf(d, types, p[3], "Unknown (0x%02x)");
		dec_printf(d, " Message");
	}
	uint32_t mlen = dec_get_be32(p + 4);
	if (len != mlen)
		dec_printf(d, "\n\t\t\t@@@@@@ Corrupted length %u of message @@@@@@", mlen);
	else
		tags(d, p + M3UA_HDR, mlen - M3UA_HDR);
}
