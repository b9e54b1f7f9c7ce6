/* slow_oam.c: the body of an 802.3ah OAM PDU (Slow Protocols subtype 3)
 * at -v, as tcpdump 4.99's slow_oam_print: the code and flags, then
 * Information TLVs (local and remote: version, states, configuration,
 * OUI), Event Notification TLVs (the errored symbol / frame counters) or
 * the loopback command; the other codes, unknown TLVs and -vv in hex. */
#include <inttypes.h>

#include "decode/dec.h"

enum { OAM_INFO = 0, OAM_EVENT = 1, OAM_LOOPBACK = 4 };
enum { OAM_INFO_LEN = 16, OAM_EVENT_LEN = 40 }; /* the TLVs tcpdump decodes */

/* the PDU's flags: the link's and both ends' discovery states */
static const struct dec_tok flags[] = {
	{ 0x01, "Link Fault" }, { 0x02, "Dying Gasp" }, { 0x04, "Critical Event" }, { 0x08, "Local Evaluating" },
	{ 0x10, "Local Stable" }, { 0x20, "Remote Evaluating" }, { 0x40, "Remote Stable" }, { 0, NULL },
};
/* the codes by number, and 0xfe "Vendor Private"; 2, 3 and 0xfe have no
 * decoder in tcpdump (hex only) */
static const char *const codes[] = { "Information", "Event Notification", "Variable Request",
				     "Variable Response", "Loopback Control" };
/* TLV names keyed by code << 8 | type (Information or Event Notification) */
static const struct dec_tok tlv_types[] = {
	{ OAM_INFO << 8 | 0, "End of TLV marker" }, { OAM_INFO << 8 | 1, "Local" }, { OAM_INFO << 8 | 2, "Remote" },
	{ OAM_INFO << 8 | 0xfe, "Organization specific" }, { OAM_EVENT << 8 | 0, "End of TLV marker" },
	{ OAM_EVENT << 8 | 1, "Errored Symbol Period Event" }, { OAM_EVENT << 8 | 2, "Errored Frame Event" },
	{ OAM_EVENT << 8 | 3, "Errored Frame Period Event" },
	{ OAM_EVENT << 8 | 4, "Errored Frame Seconds Summary Event" }, { OAM_EVENT << 8 | 0xfe, "Organization specific" },
	{ 0, NULL },
};
/* the state's parser action (bits 0-1) and multiplexer action (bit 2) */
static const struct dec_tok parser_actions[] = { { 0, "forwarding" }, { 1, "looping back" }, { 2, "discarding" }, { 3, "reserved" }, { 0, NULL } };
static const struct dec_tok mux_actions[] = { { 0, "forwarding" }, { 4, "discarding" }, { 0, NULL } };
static const struct dec_tok config_flags[] = {
	{ 0x01, "Active" }, { 0x02, "Unidirectional" }, { 0x04, "Remote-Loopback" }, { 0x08, "Link-Events" },
	{ 0x10, "Variable-Retrieval" }, { 0, NULL },
};
static const struct dec_tok loopback_cmds[] = { { 1, "Enable OAM Remote Loopback" }, { 2, "Disable OAM Remote Loopback" }, { 0, NULL } };

static uint64_t be64(struct dec_ctx *d, const uint8_t *p)
{
	return (uint64_t)dec_be32(d, p) << 32 | dec_be32(d, p + 4);
}

/* A local or remote Information TLV's fields (its length checked). */
static void info_body(struct dec_ctx *d, const uint8_t *p)
{
	dec_printf(d, "\n\t    OAM-Version %u, Revision %u", dec_u8(d, p + 2), dec_be16(d, p + 3));
	unsigned state = dec_u8(d, p + 5);
	dec_printf(d, "\n\t    State-Parser-Action %s, State-MUX-Action %s", dec_tok(parser_actions, state & 3, "Reserved"),
		   dec_tok(mux_actions, state & 4, "Reserved"));
	dec_printf(d, "\n\t    OAM-Config Flags [");
	dec_bits(d, config_flags, dec_u8(d, p + 6), "none");
	dec_printf(d, "], OAM-PDU-Config max-PDU size %u", dec_be16(d, p + 7) & 0x7ff);
	dec_need(d, p + 9, 3);
	unsigned oui = (unsigned)p[9] << 16 | (unsigned)p[10] << 8 | p[11];
	dec_printf(d, "\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x", dec_tok_oui(oui), oui, dec_be32(d, p + 12));
}

/* A link event TLV's counters (its length checked). */
static void event_body(struct dec_ctx *d, const uint8_t *p)
{
	unsigned ts = dec_be16(d, p + 2) * 100u;
	dec_printf(d, "\n\t    Timestamp %u ms, Errored Window %" PRIu64, ts, be64(d, p + 4));
	dec_printf(d, "\n\t    Errored Threshold %" PRIu64, be64(d, p + 12));
	dec_printf(d, "\n\t    Errors %" PRIu64, be64(d, p + 20));
	dec_printf(d, "\n\t    Error Running Total %" PRIu64, be64(d, p + 28));
	dec_printf(d, "\n\t    Event Running Total %u", dec_be32(d, p + 36));
}

/* The TLVs of an Information (event 0) or Event Notification PDU: 0 when
 * too short. */
static int tlvs(struct dec_ctx *d, int event, const uint8_t *p, size_t len)
{
	while (len > 0) {
		if (len < 2)
			return 0;
		unsigned type = dec_u8(d, p), tl = dec_u8(d, p + 1);
		dec_printf(d, "\n\t  %s %s Type (%u), length %u",
			   dec_tok(tlv_types, (event ? OAM_EVENT : OAM_INFO) << 8 | type, "Reserved"),
			   event ? "Link Event" : "Information", type, tl);
		if (type == 0)
			return 1; /* the end marker's length and value are ignored */
		if (tl < 2) {
			dec_printf(d, "\n\t    ERROR: illegal length - should be >= 2");
			return 1;
		}
		if (len < tl)
			return 0;
		dec_need(d, p, tl);
		int hex = 1;
		unsigned want = event ? OAM_EVENT_LEN : OAM_INFO_LEN;
		if (event ? type >= 1 && type <= 4 : type == 1 || type == 2) {
			if (tl != want)
				dec_printf(d, "\n\t    ERROR: illegal length - should be %u", want);
			else {
				hex = 0;
				if (event)
					event_body(d, p);
				else
					info_body(d, p);
			}
		}
		if (d->o.vflag > 1 || hex)
			dec_hexlines(d, "\n\t  ", p, tl);
		p += tl;
		len -= tl;
	}
	return 1;
}

void dec_slow_oam(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 3)
		goto tooshort;
	dec_need(d, p, 3);
	unsigned code = p[2];
	const char *name = code < sizeof codes / sizeof codes[0] ? codes[code] : code == 0xfe ? "Vendor Private" : NULL;
	if (name)
		dec_printf(d, "\n\tCode %s OAM PDU, Flags [", name);
	else
		dec_printf(d, "\n\tCode Unknown (%u) OAM PDU, Flags [", code);
	dec_bits(d, flags, dec_get_be16(p), "none");
	dec_printf(d, "]");
	p += 3, len -= 3;
	switch (code) {
	case OAM_INFO:
		if (!tlvs(d, 0, p, len))
			goto tooshort;
		return;
	case OAM_EVENT:
		if (len < 2)
			goto tooshort;
		dec_printf(d, "\n\t  Sequence Number %u", dec_be16(d, p));
		if (!tlvs(d, 1, p + 2, len - 2))
			goto tooshort;
		return;
	case OAM_LOOPBACK: {
		if (len < 1)
			goto tooshort;
		unsigned cmd = dec_u8(d, p);
		dec_printf(d, "\n\t  Command %s (%u)", dec_tok(loopback_cmds, cmd, "Unknown"), cmd);
		return;
	}
	default: /* no decoder in tcpdump either */
		if (d->o.vflag <= 1)
			dec_hexlines(d, "\n\t  ", p, len);
		return;
	}
tooshort:
	dec_printf(d, "\n\t\t packet is too short");
}
