/* 802_15_4.c: IEEE 802.15.4 MAC frames (802.15.4-2015), as the link type
 * IEEE802_15_4 and inside ZEP, as tcpdump 4.99 prints them:
 *
 *   IEEE 802.15.4 Data packet v1 seq 05 abcd:0001 < -:0002 <payload dump>
 *
 * the frame type and version, with -vvv the frame control flags, with -v
 * the sequence number, destination and source PAN:address ("-" for a PAN
 * not in the frame, "none" for no address), the auxiliary security
 * header (-v, -vv), header and payload information elements (their bytes
 * in hex), with -vvv the MIC and the FCS; then beacon and command bodies,
 * and what is left as tcpdump's default hex dump.  A frame ending before a
 * field gets tcpdump's "[ERROR: Truncated before ...]" and no more.
 *
 * tcpdump guesses whether the frame ends in a 4-byte or a 2-byte FCS by
 * checking both CRCs; the length it goes on with is unsigned and may
 * wrap when a frame is shorter than its header (the reads then stop at
 * the end of the capture, " [|802.15.4]"), as here.  Left out: the
 * contents of the IEs that tcpdump decodes only with -vvvv (printed here
 * as the hex bytes of -vvv), fragment and extended frames (tcpdump
 * prints nothing for them either). */
#include "decode/dec.h"

#define WPAN_BIT(v, b) (((v) >> (b)) & 1u)
#define WPAN_ADDR_BAD (-1)

static const char *const wpan_ftypes[8] = {
	"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended",
};
/* Names by number, tcpdump's; a number without one is "Reserved 0xNN".
 * Header IE element ids (Table 7-7), payload IE group ids (Table 7-15),
 * MAC commands (Table 7-49). */
#define WPAN_NAMES(t) { t, sizeof t / sizeof t[0] }
struct wpan_names {
	const char *const *s;
	unsigned n;
};
static const char *const wpan_hie_names[128] = {
	[0x00] = "Vendor Specific Header IE", [0x1a] = "LE CSL IE", [0x1b] = "LE RIT IE",
	[0x1c] = "DSME PAN descriptor IE", [0x1d] = "Rendezvous Time IE", [0x1e] = "Time Correction IE",
	[0x21] = "Extended DSME PAN descriptor IE", [0x22] = "Fragment Sequence Context Description IE",
	[0x23] = "Simplified Superframe Specification IE", [0x24] = "Simplified GTS Specification IE",
	[0x25] = "LECIM Capabilities IE", [0x26] = "TRLE Descriptor IE", [0x27] = "RCC Capabilities IE",
	[0x28] = "RCCN Descriptor IE", [0x29] = "Global Time IE", [0x2a] = "Omnibus Header IE", [0x2b] = "DA IE",
	[0x7e] = "Header Termination 1 IE", [0x7f] = "Header Termination 2 IE",
};
static const char *const wpan_pie_names[16] = {
	"ESDU IE", "MLME IE", "Vendor Specific Nested IE", "Multiplexed IE (802.15.9)", "Omnibus Payload Group IE",
	"IETF IE", [0xf] = "List termination",
};
static const char *const wpan_cmd_names[0x25] = {
	[0x01] = "Association Request command", [0x02] = "Association Response command",
	[0x03] = "Disassociation Notification command", [0x04] = "Data Request command",
	[0x05] = "PAN ID Conflict Notification command", [0x06] = "Orphan Notification command",
	[0x07] = "Beacon Request command", [0x08] = "Coordinator realignment command",
	[0x09] = "GTS request command", [0x0a] = "TRLE Management Request command",
	[0x0b] = "TRLE Management Response command", [0x13] = "DSME Association Request command",
	[0x14] = "DSME Association Response command", [0x15] = "DSME GTS Request command",
	[0x16] = "DSME GTS Response command", [0x17] = "DSME GTS Notify command",
	[0x18] = "DSME Information Request command", [0x19] = "DSME Information Response command",
	[0x1a] = "DSME Beacon Allocation Notification command",
	[0x1b] = "DSME Beacon Collision Notification command", [0x1c] = "DSME Link Report command",
	[0x20] = "RIT Data Request command", [0x21] = "DBS Request command", [0x22] = "DBS Response command",
	[0x23] = "RIT Data Response command", [0x24] = "Vendor Specific command",
};
static const struct wpan_names wpan_hies = WPAN_NAMES(wpan_hie_names), wpan_pies = WPAN_NAMES(wpan_pie_names),
			       wpan_cmds = WPAN_NAMES(wpan_cmd_names);

static void wpan_name(struct dec_ctx *d, const struct wpan_names *t, unsigned v)
{
	if (v < t->n && t->s[v])
		dec_printf(d, "%s", t->s[v]);
	else
		dec_printf(d, "Reserved 0x%02x", v);
}

/* n bytes at p as "%02x " each */
static void wpan_hex(struct dec_ctx *d, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		dec_printf(d, "%02x ", dec_u8(d, p + i));
}

/* The CRCs of 802.15.4-2015 7.2.10: CCITT and ANSI X3.66 polynomials,
 * initial value 0, bits reversed in and out. */
static uint16_t wpan_crc16(const uint8_t *p, uint32_t n)
{
	uint16_t crc = 0;
	for (; n; n--) {
		uint8_t y = *p++;
		y = (uint8_t)(((y & 0xaa) >> 1) | ((y & 0x55) << 1));
		y = (uint8_t)(((y & 0xcc) >> 2) | ((y & 0x33) << 2));
		y = (uint8_t)(((y & 0xf0) >> 4) | ((y & 0x0f) << 4));
		uint8_t x = (uint8_t)(crc >> 8 ^ y);
		x ^= x >> 4;
		crc = (uint16_t)((crc << 8) ^ (x << 12) ^ (x << 5) ^ x);
	}
	crc = (uint16_t)(((crc & 0xaaaa) >> 1) | ((crc & 0x5555) << 1));
	crc = (uint16_t)(((crc & 0xcccc) >> 2) | ((crc & 0x3333) << 2));
	crc = (uint16_t)(((crc & 0xf0f0) >> 4) | ((crc & 0x0f0f) << 4));
	return (uint16_t)(((crc & 0xff00) >> 8) | ((crc & 0x00ff) << 8));
}

static uint32_t wpan_rev32(uint32_t x)
{
	x = ((x & 0x55555555u) << 1) | ((x >> 1) & 0x55555555u);
	x = ((x & 0x33333333u) << 2) | ((x >> 2) & 0x33333333u);
	x = ((x & 0x0f0f0f0fu) << 4) | ((x >> 4) & 0x0f0f0f0fu);
	return (x << 24) | ((x & 0xff00u) << 8) | ((x >> 8) & 0xff00u) | (x >> 24);
}

static uint32_t wpan_crc32(const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0;
	for (; n; n--) {
		uint32_t byte = wpan_rev32(*p++);
		for (int b = 0; b < 8; b++) {
			crc = (crc ^ byte) & 0x80000000u ? (crc << 1) ^ 0x04c11db7u : crc << 1;
			byte <<= 1;
		}
	}
	return wpan_rev32(crc);
}

/* A frame's parsing state: where it is, how much tcpdump thinks is left
 * (unsigned, may wrap), and the FCS it found. */
struct wpan {
	const uint8_t *p;
	uint32_t caplen;
	uint32_t fcs, crc;
};

/* The FCS guess: a 4-byte one when caplen >= four (std frames) or > 4
 * (multipurpose), else a 2-byte one; none under min. */
static void wpan_fcs(struct dec_ctx *d, struct wpan *w, uint32_t min, uint32_t four)
{
	w->fcs = w->crc = 0;
	if (w->caplen < min)
		return;
	if (w->caplen >= four) {
		w->fcs = dec_le32(d, w->p + w->caplen - 4);
		w->crc = wpan_crc32(w->p, w->caplen - 4);
		if (w->crc == w->fcs) {
			w->caplen -= 4;
			return;
		}
	}
	w->fcs = dec_le16(d, w->p + w->caplen - 2);
	w->crc = wpan_crc16(w->p, w->caplen - 2);
	if (w->crc == w->fcs)
		w->caplen -= 2;
}

/* Past the frame control and sequence number: 0 after tcpdump's
 * truncation marker when the frame is shorter. */
static int wpan_skip(struct dec_ctx *d, struct wpan *w, uint32_t n)
{
	if (w->caplen < n) {
		dec_printf(d, " [|802.15.4]");
		return 0;
	}
	w->p += n;
	w->caplen -= n;
	return 1;
}

/* The length of an address by its mode (Table 7-3). */
static int wpan_addr_len(unsigned mode)
{
	static const int lens[4] = { 0, WPAN_ADDR_BAD, 2, 8 };
	return lens[mode & 3];
}

static void wpan_addr(struct dec_ctx *d, const uint8_t *p, int len)
{
	if (len == 0)
		dec_printf(d, "none");
	else if (len == 2)
		dec_printf(d, "%04x", dec_le16(d, p));
	else if (len == 8) {
		dec_need(d, p, 8);
		for (int i = 7; i >= 0; i--)
			dec_printf(d, "%02x%s", p[i], i ? ":" : "");
	}
}

static void wpan_superframe(struct dec_ctx *d, unsigned ss)
{
	if (!d->o.vflag)
		return;
	dec_printf(d, "\n\tBeacon order = %u, Superframe order = %u, Final CAP Slot = %u", ss & 0xf, (ss >> 4) & 0xf,
		   (ss >> 8) & 0xf);
	if (WPAN_BIT(ss, 12))
		dec_printf(d, ", BLE enabled");
	if (WPAN_BIT(ss, 14))
		dec_printf(d, ", PAN Coordinator");
	if (WPAN_BIT(ss, 15))
		dec_printf(d, ", Association Permit");
}

/* A beacon's GTS fields: the bytes used, or -1 after an error. */
static int wpan_gts(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	unsigned cnt = dec_u8(d, p) & 7;
	if (cnt == 0) {
		if (d->o.vflag)
			dec_printf(d, "\n\tGTS Descriptor Count = 0, ");
		return 1;
	}
	unsigned len = 2 + cnt * 3;
	if (caplen < len) {
		dec_printf(d, " [ERROR: Truncated GTS Info List]");
		return -1;
	}
	if (d->o.vflag < 2)
		return (int)len;
	dec_printf(d, "GTS Descriptor Count = %u, GTS Directions Mask = %02x, [ ", cnt, dec_u8(d, p + 1) & 0x7f);
	for (unsigned i = 0; i < cnt; i++) {
		const uint8_t *g = p + 2 + i * 3;
		dec_printf(d, "[ ");
		wpan_addr(d, g, 2);
		unsigned s = dec_u8(d, g + 1); /* tcpdump's offset: the address's second byte */
		dec_printf(d, ", Start slot = %u, Length = %u ] ", s & 0xf, s >> 4);
	}
	dec_printf(d, "]");
	return (int)len;
}

/* A beacon's pending addresses: the bytes used, or -1 after an error. */
static int wpan_pending(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	unsigned pas = dec_u8(d, p), s_cnt = pas & 7, e_cnt = (pas >> 4) & 7, len = 1 + s_cnt * 2 + e_cnt * 8;
	if (d->o.vflag)
		dec_printf(d, "\n\tPending address list, # short addresses = %u, # extended addresses = %u", s_cnt,
			   e_cnt);
	if (caplen < len) {
		dec_printf(d, " [ERROR: Pending address list truncated]");
		return -1;
	}
	if (d->o.vflag < 2)
		return (int)len;
	if (s_cnt) {
		dec_printf(d, ", Short address list = [ ");
		for (unsigned i = 0; i < s_cnt; i++) {
			wpan_addr(d, p + 1 + i * 2, 2);
			dec_printf(d, " ");
		}
		dec_printf(d, "]");
	}
	if (e_cnt) {
		dec_printf(d, ", Extended address list = [ ");
		for (unsigned i = 0; i < e_cnt; i++) {
			wpan_addr(d, p + 1 + s_cnt * 2 + i * 8, 8);
			dec_printf(d, " ");
		}
		dec_printf(d, "]");
	}
	return (int)len;
}

/* The two IE lists' layouts (7.4.2, 7.4.3). */
struct wpan_ie_list {
	unsigned len_mask, id_shift, id_mask;
	unsigned type;             /* what bit 15 should be */
	const char *type_err;
	const struct wpan_names *names;
	const char *close;         /* after an IE */
	unsigned end, end_pies;    /* ids ending the list; the second: payload IEs follow */
};
static const struct wpan_ie_list wpan_header_list = {
	0x7f, 7, 0xff, 0, "[ERROR: Header IE with type 1] ", &wpan_hies, "] ", 0x7f, 0x7e,
};
static const struct wpan_ie_list wpan_payload_list = {
	0x3ff, 11, 0xf, 1, "[ERROR: Payload IE with type 0] ", &wpan_pies, "]\n\t", 0xf, 0x100,
};

/* An IE list: the bytes used, or -1 after an error; *pies set when
 * payload IEs follow.  With -vvv each IE's bytes in hex (tcpdump decodes
 * them only with -vvvv). */
static int wpan_ies(struct dec_ctx *d, const struct wpan_ie_list *l, const uint8_t *p, uint32_t caplen, int *pies)
{
	int len = 0;
	do {
		if (caplen < 2) {
			dec_printf(d, "[ERROR: Truncated header IE]");
			return -1;
		}
		unsigned ie = dec_le16(d, p), ie_len = ie & l->len_mask, id = (ie >> l->id_shift) & l->id_mask;
		if (WPAN_BIT(ie, 15) != l->type)
			dec_printf(d, "%s", l->type_err);
		if (id > 127)
			dec_printf(d, "Reserved Element ID %02x, length = %u ", id, ie_len);
		else {
			dec_printf(d, "\n\t");
			wpan_name(d, l->names, id);
			dec_printf(d, ie_len ? " [ length = %u, " : " [", ie_len);
		}
		if (caplen < 2 + ie_len) {
			dec_printf(d, "[ERROR: Truncated IE data]");
			return -1;
		}
		p += 2;
		if (ie_len) {
			dec_printf(d, "IE Data = ");
			wpan_hex(d, p, ie_len);
		}
		dec_printf(d, "%s", l->close);
		len += 2 + (int)ie_len;
		p += ie_len;
		caplen -= 2 + ie_len;
		if (id == l->end_pies)
			*pies = 1;
		if (id == l->end || id == l->end_pies)
			break;
	} while (caplen != 0);
	return len;
}

/* The auxiliary security header: its length, or -1 after an error. */
static int wpan_aux_sec(struct dec_ctx *d, const uint8_t *p, uint32_t caplen, int *level)
{
	if (caplen < 1) {
		dec_printf(d, "[ERROR: Truncated before Aux Security Header]");
		return -1;
	}
	unsigned sc = dec_u8(d, p), mode = (sc >> 3) & 3;
	int len = 1;
	*level = (int)(sc & 7);
	caplen--;
	p++;
	if (d->o.vflag)
		dec_printf(d, "\n\tSecurity Level %d, Key Id Mode %u, ", *level, mode);
	if (!WPAN_BIT(sc, 5)) {
		if (caplen < 4) {
			dec_printf(d, "[ERROR: Truncated before Frame Counter]");
			return -1;
		}
		if (d->o.vflag > 1)
			dec_printf(d, "Frame Counter 0x%08x ", dec_le32(d, p));
		p += 4;
		caplen -= 4;
		len += 4;
	}
	if (mode == 0) {
		if (d->o.vflag > 1)
			dec_printf(d, "Implicit");
		return len;
	}
	if (mode >= 2) {
		if (caplen < (mode == 2 ? 4u : 8u)) {
			dec_printf(d, "[ERROR: Truncated before Key Source]");
			return -1;
		}
		if (d->o.vflag > 1 && mode == 2) /* tcpdump's format: "%0x4x" */
			dec_printf(d, "KeySource 0x%04x:%x4x, ", dec_le16(d, p), dec_le16(d, p + 2));
		if (d->o.vflag > 1 && mode == 3) {
			dec_printf(d, "KeySource ");
			wpan_addr(d, p, 8);
			dec_printf(d, ", ");
		}
		p += 4; /* both modes: tcpdump skips 4 */
		caplen -= 4;
		len += 4;
	}
	if (caplen < 1) {
		dec_printf(d, "[ERROR: Truncated before Key Index]");
		return -1;
	}
	if (d->o.vflag > 1)
		dec_printf(d, "KeyIndex 0x%02x, ", dec_u8(d, p));
	return len + 1;
}

/* The command bodies tcpdump decodes, after their length was checked. */
static void wpan_assoc_req(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	(void)caplen;
	unsigned v = dec_u8(d, p);
	dec_printf(d, "%s%s%s%s%s%s", v & 0x02 ? "FFD, " : "RFD, ", v & 0x04 ? "AC powered, " : "",
		   v & 0x08 ? "Receiver on when idle, " : "", v & 0x10 ? "Fast association, " : "",
		   v & 0x40 ? "Security supported, " : "", v & 0x80 ? "Allocate address, " : "");
}

static void wpan_assoc_resp(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	static const char *const status[4] = {
		", Association successful", ", PAN at capacity", ", PAN access denied",
		", Hooping sequence offset duplication",
	};
	(void)caplen;
	dec_printf(d, "Short address = ");
	wpan_addr(d, p, 2);
	unsigned v = dec_u8(d, p + 2);
	if (v < 4)
		dec_printf(d, "%s", status[v]);
	else if (v == 0x80)
		dec_printf(d, ", Fast association successful");
	else
		dec_printf(d, ", Status = 0x%02x", v);
}

static void wpan_disassoc(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	static const char *const reasons[3] = {
		"Reserved", "Reason = The coordinator wishes the device to leave PAN",
		"Reason = The device wishes to leave the PAN",
	};
	(void)caplen;
	unsigned v = dec_u8(d, p);
	if (v < 3)
		dec_printf(d, "%s", reasons[v]);
	else /* tcpdump reads the byte two further on */
		dec_printf(d, "Reason = 0x%02x", dec_u8(d, p + 2));
}

static void wpan_realign(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	dec_printf(d, "Pan ID = 0x%04x, Coordinator short address = ", dec_le16(d, p));
	wpan_addr(d, p + 2, 2);
	unsigned channel = dec_u8(d, p + 4), page = caplen == 8 ? dec_u8(d, p + 7) : 0x80;
	if (WPAN_BIT(page, 7)) /* no page: the channel's high bits */
		dec_printf(d, ", Channel Number = %u", channel | (page & 0x7f) << 8);
	else
		dec_printf(d, ", Channel Number = %u, page = %u", channel, page);
	dec_printf(d, ", Short address = ");
	wpan_addr(d, p + 5, 2);
}

static void wpan_gts_req(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	(void)caplen;
	unsigned v = dec_u8(d, p);
	dec_printf(d, "GTS Length = %u, %s, %s", v & 0xf, WPAN_BIT(v, 4) ? "Receive-only GTS" : "Transmit-only GTS",
		   WPAN_BIT(v, 5) ? "GTS allocation" : "GTS deallocations");
}

static const struct {
	unsigned char id, min, max;
	const char *what;          /* "Invalid WHAT command length" */
	void (*print)(struct dec_ctx *d, const uint8_t *p, uint32_t caplen);
} wpan_bodies[] = {
	{ 0x01, 1, 1, "Association request", wpan_assoc_req },
	{ 0x02, 3, 3, "Association response", wpan_assoc_resp },
	{ 0x03, 1, 1, "Disassociation Notification", wpan_disassoc },
	{ 0x08, 7, 8, "Coordinator Realignment", wpan_realign },
	{ 0x09, 1, 1, "GTS Request", wpan_gts_req },
};

/* A command's body: the bytes tcpdump counts as printed (the rest goes to
 * the default dump), or -1 after an error. */
static int wpan_command(struct dec_ctx *d, unsigned id, const uint8_t *p, uint32_t caplen)
{
	for (size_t i = 0; i < sizeof wpan_bodies / sizeof wpan_bodies[0]; i++) {
		if (wpan_bodies[i].id != id)
			continue;
		if (caplen < wpan_bodies[i].min || caplen > wpan_bodies[i].max) {
			dec_printf(d, "Invalid %s command length", wpan_bodies[i].what);
			return -1;
		}
		wpan_bodies[i].print(d, p, caplen);
		return (int)caplen;
	}
	if (id >= 0x04 && id <= 0x07) /* no body */
		return 0;
	dec_printf(d, "Command Data = ");
	wpan_hex(d, p, caplen);
	return 0;
}

/* tcpdump's ND_DEFAULTPRINT of the rest, unless -x or -X dump it or -q
 * (tcpdump's suppress_default_print). */
static void wpan_rest(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	if (!d->o.qflag && !d->o.xflag && !d->o.Xflag)
		dec_default_print(d, p, caplen);
}

static const int wpan_miclens[8] = { 0, 4, 8, 16, 0, 4, 8, 16 };

/* The part common to standard and multipurpose frames after the
 * addresses: security header, IEs, MIC, FCS.  0 after an error. */
static int wpan_tail(struct dec_ctx *d, struct wpan *w, int secure, int ies)
{
	int level = 0, len, pies = 0;
	if (secure) {
		len = wpan_aux_sec(d, w->p, w->caplen, &level);
		if (len < 0)
			return 0;
		dec_need(d, w->p, (size_t)len);
		w->p += len;
		w->caplen -= (uint32_t)len;
	}
	int miclen = wpan_miclens[level & 7];
	const uint8_t *mic = NULL;
	if (miclen) {
		if (w->caplen < (uint32_t)miclen) {
			dec_printf(d, "[ERROR: Truncated before MIC]");
			return 0;
		}
		w->caplen -= (uint32_t)miclen;
		mic = w->p + w->caplen;
	}
	if (ies) {
		len = wpan_ies(d, &wpan_header_list, w->p, w->caplen, &pies);
		if (len < 0)
			return 0;
		w->p += len;
		w->caplen -= (uint32_t)len;
	}
	if (pies) {
		if (level >= 4)
			dec_printf(d, "Payload IEs present, but encrypted, cannot print ");
		else {
			len = wpan_ies(d, &wpan_payload_list, w->p, w->caplen, &pies);
			if (len < 0)
				return 0;
			w->p += len;
			w->caplen -= (uint32_t)len;
		}
	}
	if (d->o.vflag > 2 && miclen) {
		dec_printf(d, "\n\tMIC ");
		for (int i = 0; i < miclen; i++)
			dec_printf(d, "%02x", dec_u8(d, mic + i));
		dec_printf(d, " ");
	}
	if (d->o.vflag > 2) {
		if (w->crc == w->fcs)
			dec_printf(d, "FCS %x ", w->fcs);
		else
			dec_printf(d, "wrong FCS %x vs %x (assume no FCS stored) ", w->fcs, w->crc);
	}
	return 1;
}

/* "PAN:" or "-:", then the address; 0 when the frame ends first. */
static int wpan_end(struct dec_ctx *d, struct wpan *w, int pan, int alen, const char *err)
{
	if (pan) {
		if (w->caplen < 2) {
			dec_printf(d, "[ERROR: Truncated before dst_pan]");
			return 0;
		}
		dec_printf(d, "%04x:", dec_le16(d, w->p));
		w->p += 2;
		w->caplen -= 2;
	} else
		dec_printf(d, "-:");
	if (w->caplen < (uint32_t)alen) {
		dec_printf(d, "%s", err);
		return 0;
	}
	wpan_addr(d, w->p, alen);
	w->p += alen;
	w->caplen -= (uint32_t)alen;
	return 1;
}

/* Which PAN ids a standard frame carries (7.2.1.5): version 2's table. */
static void wpan_pans(unsigned version, int comp, int dlen, int slen, int *dpan, int *span)
{
	*dpan = dlen > 0;
	*span = !comp && slen > 0;
	if (version < 2)
		return;
	if (comp) {
		if (slen == 0 && dlen == 0)
			*dpan = 1;
		else if ((slen == 0) != (dlen == 0) || (slen == 8 && dlen == 8))
			*dpan = *span = 0;
	} else if (slen == 8 && (dlen == 8 || dlen == 2)) {
		/* both extended: only the destination's; extended from
		 * short: none from the source (tcpdump's 6tisch rule) */
		*span = 0;
		if (dlen == 8)
			*dpan = 1;
	}
}

/* Where the two frame formats keep their header fields (7.2.1, 7.3.5). */
struct wpan_kind {
	struct dec_tok flags[7];   /* bit number -> its text with -vvv */
	unsigned seq_bit;          /* sequence number suppressed */
	unsigned dshift, sshift;   /* the addressing modes */
	unsigned secure_bit, ie_bit;
	const char *between;       /* after the destination */
	int std;                   /* standard frame: version 1's rules */
};

static const struct wpan_kind wpan_std_kind = {
	{ { 3, "Security Enabled, " }, { 4, "Frame Pending, " }, { 5, "AR, " }, { 6, "PAN ID Compression, " },
	  { 8, "Sequence Number Suppression, " }, { 9, "IE present, " }, { 0, NULL } },
	8, 10, 14, 3, 9, " < ", 1,
};
static const struct wpan_kind wpan_mp_kind = {
	{ { 9, "Security Enabled, " }, { 11, "Frame Pending, " }, { 14, "AR, " }, { 8, "PAN ID Present, " },
	  { 10, "Sequence Number Suppression, " }, { 15, "IE present, " }, { 0, NULL } },
	10, 4, 6, 9, 15, " <  ", 0,
};

/* The version, the flags (-vvv) and the sequence number of a standard
 * or long multipurpose frame control: 0 when the frame is shorter. */
static int wpan_head(struct dec_ctx *d, struct wpan *w, unsigned fc, const struct wpan_kind *k)
{
	unsigned version = (fc >> 12) & 3;
	dec_printf(d, "v%u ", version);
	if (d->o.vflag > 2)
		for (const struct dec_tok *t = k->flags; t->s; t++)
			if (WPAN_BIT(fc, t->v))
				dec_printf(d, "%s", t->s);
	if (!WPAN_BIT(fc, k->seq_bit)) {
		unsigned seq = dec_u8(d, w->p + 2);
		if (d->o.vflag)
			dec_printf(d, "seq %02x ", seq);
		return wpan_skip(d, w, 3);
	}
	if (k->std && version < 2)
		dec_printf(d, "[ERROR: Sequence number suppressed on frames where version < 2]");
	if (k->std && d->o.vflag)
		dec_printf(d, "seq suppressed ");
	return wpan_skip(d, w, 2);
}

/* The addresses and what follows them up to the payload: 0 after an
 * error.  The PAN ids: standard frames by their rules, multipurpose ones
 * by a bit, never the source's. */
static int wpan_body(struct dec_ctx *d, struct wpan *w, unsigned fc, const struct wpan_kind *k)
{
	int dlen = wpan_addr_len(fc >> k->dshift), slen = wpan_addr_len(fc >> k->sshift), dpan, span = 0;
	if (slen < 0 || dlen < 0) {
		dec_printf(d, "[ERROR: Invalid %s address mode]", slen < 0 ? "src" : "dst");
		return 0;
	}
	if (k->std) {
		int comp = (int)WPAN_BIT(fc, 6);
		unsigned version = (fc >> 12) & 3;
		if (version < 2 && comp && (dlen <= 0 || slen <= 0))
			dec_printf(d, "[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
		wpan_pans(version, comp, dlen, slen, &dpan, &span);
	} else
		dpan = (fc & 8) && WPAN_BIT(fc, 8);
	/* tcpdump names the destination in both messages */
	if (!wpan_end(d, w, dpan, dlen, "[ERROR: Truncated before dst_addr]"))
		return 0;
	dec_printf(d, "%s", k->between);
	if (!wpan_end(d, w, span, slen, "[ERROR: Truncated before dst_addr]"))
		return 0;
	dec_printf(d, " ");
	int long_fc = k->std || (fc & 8);
	return wpan_tail(d, w, long_fc && WPAN_BIT(fc, k->secure_bit), long_fc && WPAN_BIT(fc, k->ie_bit));
}

/* A beacon's fields in the old format: superframe, GTS, pending
 * addresses; 0 after an error (no dump then). */
static int wpan_beacon(struct dec_ctx *d, struct wpan *w)
{
	int len;
	if (w->caplen < 2) {
		dec_printf(d, "[ERROR: Truncated before beacon information]");
		return 0;
	}
	wpan_superframe(d, dec_le16(d, w->p));
	w->p += 2;
	w->caplen -= 2;
	if (w->caplen < 1) {
		dec_printf(d, "[ERROR: Truncated before GTS info]");
		return 0;
	}
	if ((len = wpan_gts(d, w->p, w->caplen)) < 0)
		return 0;
	w->p += len;
	w->caplen -= (uint32_t)len;
	if (w->caplen < 1) {
		dec_printf(d, "[ERROR: Truncated before pending addresses]");
		return 0;
	}
	if ((len = wpan_pending(d, w->p, w->caplen)) < 0)
		return 0;
	dec_need(d, w->p, (size_t)len);
	w->p += len;
	w->caplen -= (uint32_t)len;
	return 1;
}

/* A MAC command's id and body. */
static void wpan_cmd(struct dec_ctx *d, struct wpan *w)
{
	if (w->caplen < 1) {
		dec_printf(d, "[ERROR: Truncated before Command ID]");
		return;
	}
	unsigned id = dec_u8(d, w->p);
	int len;
	dec_printf(d, "Command ID = ");
	wpan_name(d, &wpan_cmds, id);
	dec_printf(d, " ");
	w->p++;
	w->caplen--;
	if (w->caplen && (len = wpan_command(d, id, w->p, w->caplen)) >= 0) {
		w->p += len;
		w->caplen -= (uint32_t)len;
	}
}

/* Beacon, data, ack and command frames; multipurpose ones. */
static int wpan_frame(struct dec_ctx *d, const uint8_t *p, uint32_t caplen, unsigned fc)
{
	struct wpan w = { p, caplen, 0, 0 };
	unsigned type = fc & 7;
	const struct wpan_kind *k = type == 5 ? &wpan_mp_kind : &wpan_std_kind;
	if (k->std)
		wpan_fcs(d, &w, 4, 4);
	else
		wpan_fcs(d, &w, 3, 5);
	if (k->std || (fc & 8)) {
		if (!wpan_head(d, &w, fc, k))
			return 0;
	} else { /* a short multipurpose frame control: one byte */
		unsigned seq = dec_u8(d, w.p + 1);
		w.p += 2;
		w.caplen -= 2;
		if (d->o.vflag)
			dec_printf(d, "seq %02x ", seq);
	}
	if (!wpan_body(d, &w, fc, k))
		return 0;
	if (type == 0 && ((fc >> 12) & 3) < 2 && !wpan_beacon(d, &w))
		return 1;
	if (type == 3)
		wpan_cmd(d, &w);
	wpan_rest(d, w.p, w.caplen);
	return 1;
}

int dec_802154(struct dec_ctx *d, const uint8_t *p, uint32_t caplen)
{
	d->proto = "802.15.4";
	if (caplen < 2) {
		dec_printf(d, " [|802.15.4]");
		return (int)caplen;
	}
	unsigned fc = dec_le16(d, p), type = fc & 7;
	dec_printf(d, "IEEE 802.15.4 %s packet ", wpan_ftypes[type]);
	if (type <= 3 || type == 5)
		return wpan_frame(d, p, caplen, fc);
	return 0; /* reserved, fragment, extended: tcpdump prints no more */
}

int dec_link_802154(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_LINK);
	d->hdrlen = 0;
	return dec_802154(d, p, (uint32_t)dec_avail(d, p, len));
}

/* DLT_IEEE802_15_4_TAP: a version byte, a reserved one, the header's
 * length (little-endian, TLVs after it), then the frame. */
int dec_link_802154_tap(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t caplen = dec_avail(d, p, len);
	int n = dec_link_begin(d, p, len, "802.15.4_tap", 4);
	if (n >= 0)
		return n;
	unsigned hl = dec_le16(d, p + 2);
	if (p[0] != 0 || hl < 4) {
		dec_printf(d, " (invalid)");
		return 0;
	}
	if (caplen < hl) {
		dec_printf(d, " [|802.15.4_tap]");
		return (int)caplen;
	}
	return dec_802154(d, p + hl, (uint32_t)(caplen - hl)) + (int)hl;
}
