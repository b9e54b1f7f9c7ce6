/* lwapp.c: the Light Weight Access Point Protocol (RFC 5412; UDP 12222
 * data, 12223 control) as tcpdump 4.99 prints it: without -v one line
 * "LWAPPv0, Control frame, Flags [...], length N"; with -v the transport
 * header's radio and fragment ids and, for control, each message's
 * header (the elements are not decoded), for data the 802.11 frame in
 * hex.  Control messages to the control port start with the sending
 * AP's MAC address.  A header not captured ends " [|lwapp_control]" or
 * " [|lwapp_data]". */
#include "decode/dec.h"

#define LWAPP_TRANSPORT 6  /* flags, frag id, length, status */
#define LWAPP_CONTROL 8    /* type, seq, length, session id */
#define LWAPP_AP_IDENT 6   /* the AP's MAC address */
#define LWAPP_C_BIT 0x04

static const struct dec_tok lwapp_bits[] = {
	{ 0x01, "Last Fragment Bit" }, { 0x02, "Fragment Bit" }, { LWAPP_C_BIT, "Control Bit" }, { 0, NULL },
};
static const struct dec_tok lwapp_msgs[] = {
	{ 1, "Discovery req" }, { 2, "Discovery resp" }, { 3, "Join req" }, { 4, "Join resp" },
	{ 5, "Join ack" }, { 6, "Join confirm" }, { 10, "Configure req" }, { 11, "Configure resp" },
	{ 12, "Update req" }, { 13, "Update resp" }, { 14, "WTP event req" }, { 15, "WTP event resp" },
	{ 16, "Change state event req" }, { 17, "Change state event resp" }, { 22, "Echo req" },
	{ 23, "Echo resp" }, { 24, "Image data req" }, { 25, "Image data resp" }, { 26, "Channel status req" },
	{ 27, "Channel status resp" }, { 30, "Key update req" }, { 31, "Key update resp" },
	{ 32, "Primary discovery req" }, { 33, "Primary discovery resp" }, { 34, "Data transfer req" },
	{ 35, "Data transfer resp" }, { 36, "Clear config ind" }, { 37, "Wlan config req" },
	{ 38, "Wlan config resp" }, { 39, "Mobile config req" }, { 40, "Mobile config resp" }, { 0, NULL },
};

/* The transport header at h: "LWAPPv0, Control frame" and, for version 0,
 * 1 to go on; the rest of the line is the caller's. */
static int lwapp_start(struct dec_ctx *d, const uint8_t *h, size_t len)
{
	dec_need_ret(d, h, LWAPP_TRANSPORT);
	unsigned f = h[0], version = f >> 6;
	if (version != 0) {
		dec_printf(d, "LWAPP version %u packet not supported", version);
		return 0;
	}
	dec_printf(d, "LWAPPv%u, %s frame", version, f & LWAPP_C_BIT ? "Control" : "Data");
	if (!d->o.vflag) {
		dec_printf(d, ", Flags [");
		dec_bits(d, lwapp_bits, f & 7, "none");
		dec_printf(d, "], length %zu", len);
		return 0;
	}
	return 1;
}

/* ", Radio-id R, Flags [..], Frag-id F, length N" (sp: the data printer's
 * two spaces) */
static void lwapp_verbose(struct dec_ctx *d, const uint8_t *h, const char *sp, unsigned tlen, int frag)
{
	dec_printf(d, ", Radio-id %s%u, Flags [", sp, (h[0] >> 3) & 7);
	dec_bits(d, lwapp_bits, h[0] & 7, "none");
	dec_printf(d, "], ");
	if (frag)
		dec_printf(d, "Frag-id %s%u, ", sp, h[1]);
	dec_printf(d, "length %u", tlen);
}

static void lwapp_control(struct dec_ctx *d, const uint8_t *p, size_t len, int ap_ident)
{
	d->proto = "lwapp_control";
	if (ap_ident)
		dec_need_ret(d, p, LWAPP_AP_IDENT);
	const uint8_t *h = p + (ap_ident ? LWAPP_AP_IDENT : 0);
	if (!lwapp_start(d, h, len))
		return;
	unsigned tlen = dec_get_be16(h + 2);
	lwapp_verbose(d, h, "", tlen, 1);
	if (ap_ident) {
		dec_printf(d, "\n\tAP identity: ");
		dec_mac(d, p);
	}
	const uint8_t *q = h + LWAPP_TRANSPORT;
	while (tlen) {
		dec_need_ret(d, q, LWAPP_CONTROL);
		unsigned mlen = dec_get_be16(q + 2);
		if (tlen < LWAPP_CONTROL || tlen < LWAPP_CONTROL + mlen) {
			dec_printf(d, "\n\t  Msg goes past end of PDU");
			return;
		}
		dec_printf(d, "\n\t  Msg type: %s (%u), Seqnum: %u, Msg len: %u, Session: 0x%08x",
			   dec_tok(lwapp_msgs, q[0], "Unknown"), q[0], q[1], mlen, dec_get_be32(q + 4));
		dec_need_ret(d, q, mlen);
		q += LWAPP_CONTROL + mlen;
		tlen -= LWAPP_CONTROL + mlen;
	}
}

/* Control messages to the control port carry the AP's identity first. */
void dec_lwapp_ap(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	lwapp_control(d, p, len, 1);
}

void dec_lwapp_control(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	lwapp_control(d, p, len, 0);
}

void dec_lwapp_data(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "lwapp_data";
	dec_need_ret(d, p, LWAPP_TRANSPORT);
	if (!lwapp_start(d, p, len))
		return;
	unsigned tlen = dec_get_be16(p + 2);
	if (tlen < LWAPP_TRANSPORT) {
		lwapp_verbose(d, p, " ", tlen, 0);
		dec_printf(d, " < transport header length");
		return;
	}
	lwapp_verbose(d, p, " ", tlen, 1);
	dec_hexlines(d, "\n\t", p + LWAPP_TRANSPORT, tlen - LWAPP_TRANSPORT); /* the 802.11 frame */
}
