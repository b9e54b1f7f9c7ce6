/* lmp.c: the Link Management Protocol (RFC 4204, UDP port 701; service
 * discovery of OIF UNI 1.0) as tcpdump 4.99 prints it:
 *
 *   LMPv1 Config Message, length: 683                        (no -v)
 *   \n\tLMPv1, msg-type: Config, Flags: [none], length: 683   (-v, then
 *   one line per object: its class, C-type and negotiable flag, then its
 *   fields; unknown objects and C-types in hex)
 *
 * -vv adds every object's hex after its text.  An object not all
 * captured ends the line with " [|lmp]"; lengths tcpdump rejects end it
 * with their complaint. */
#include <string.h>

#include "decode/dec.h"

#define LMP_HDR 8
#define LMP_OBJ 4

enum {
	OBJ_CC_ID = 1, OBJ_NODE_ID = 2, OBJ_LINK_ID = 3, OBJ_INTERFACE_ID = 4, OBJ_MESSAGE_ID = 5,
	OBJ_CONFIG = 6, OBJ_HELLO = 7, OBJ_VERIFY_BEGIN = 8, OBJ_VERIFY_BEGIN_ACK = 9, OBJ_VERIFY_ID = 10,
	OBJ_TE_LINK = 11, OBJ_DATA_LINK = 12, OBJ_CHANNEL_STATUS = 13, OBJ_CHANNEL_STATUS_REQ = 14,
	OBJ_ERROR_CODE = 20, OBJ_SERVICE_CONFIG = 51,
};

static const struct dec_tok msg_types[] = {
	{ 1, "Config" }, { 2, "Config ACK" }, { 3, "Config NACK" }, { 4, "Hello" }, { 5, "Begin Verify" },
	{ 6, "Begin Verify ACK" }, { 7, "Begin Verify NACK" }, { 8, "End Verify" }, { 9, "End Verify ACK" },
	{ 10, "Test" }, { 11, "Test Status Success" }, { 12, "Test Status Failure" }, { 13, "Test Status ACK" },
	{ 14, "Link Summary" }, { 15, "Link Summary ACK" }, { 16, "Link Summary NACK" }, { 17, "Channel Status" },
	{ 18, "Channel Status ACK" }, { 19, "Channel Status Request" }, { 20, "Channel Status Response" },
	{ 50, "Service Config" }, { 51, "Service Config ACK" }, { 52, "Service Config NACK" }, { 0, NULL },
};
static const struct dec_tok hdr_flags[] = { { 0x01, "Control Channel Down" }, { 0x02, "LMP restart" }, { 0, NULL } };
static const struct dec_tok obj_names[] = {
	{ OBJ_CC_ID, "Control Channel ID" }, { OBJ_NODE_ID, "Node ID" }, { OBJ_LINK_ID, "Link ID" },
	{ OBJ_INTERFACE_ID, "Interface ID" }, { OBJ_MESSAGE_ID, "Message ID" }, { OBJ_CONFIG, "Configuration" },
	{ OBJ_HELLO, "Hello" }, { OBJ_VERIFY_BEGIN, "Verify Begin" }, { OBJ_VERIFY_BEGIN_ACK, "Verify Begin ACK" },
	{ OBJ_VERIFY_ID, "Verify ID" }, { OBJ_TE_LINK, "TE Link" }, { OBJ_DATA_LINK, "Data Link" },
	{ OBJ_CHANNEL_STATUS, "Channel Status" }, { OBJ_CHANNEL_STATUS_REQ, "Channel Status Request" },
	{ OBJ_ERROR_CODE, "Error Code" }, { OBJ_SERVICE_CONFIG, "Service Config" }, { 0, NULL },
};
/* C-type names by 256 * class + C-type (C-types are per class) */
#define CT(class, ctype) (256 * (class) + (ctype))
static const struct dec_tok ctype_names[] = {
	{ CT(1, 1), "Local" }, { CT(1, 2), "Remote" }, { CT(2, 1), "Local" }, { CT(2, 2), "Remote" },
	{ CT(3, 1), "IPv4 Local" }, { CT(3, 2), "IPv4 Remote" }, { CT(3, 3), "IPv6 Local" },
	{ CT(3, 4), "IPv6 Remote" }, { CT(3, 5), "Unnumbered Local" }, { CT(3, 6), "Unnumbered Remote" },
	{ CT(4, 1), "IPv4 Local" }, { CT(4, 2), "IPv4 Remote" }, { CT(4, 3), "IPv6 Local" },
	{ CT(4, 4), "IPv6 Remote" }, { CT(4, 5), "Unnumbered Local" }, { CT(4, 6), "Unnumbered Remote" },
	{ CT(5, 1), "1" }, { CT(5, 2), "2" }, { CT(6, 1), "1" }, { CT(7, 1), "1" }, { CT(8, 1), "1" },
	{ CT(9, 1), "1" }, { CT(10, 1), "1" }, { CT(11, 1), "IPv4" }, { CT(11, 2), "IPv6" },
	{ CT(11, 3), "Unnumbered" }, { CT(12, 1), "IPv4" }, { CT(12, 2), "IPv6" }, { CT(12, 3), "Unnumbered" },
	{ CT(13, 1), "IPv4" }, { CT(13, 2), "IPv6" }, { CT(13, 3), "Unnumbered" }, { CT(14, 1), "IPv4" },
	{ CT(14, 2), "IPv6" }, { CT(14, 3), "Unnumbered" }, { CT(20, 1), "1" }, { CT(20, 2), "2" },
	{ CT(51, 1), "1" }, { CT(51, 2), "2" }, { CT(51, 3), "3" }, { CT(51, 4), "4" }, { 0, NULL },
};
static const struct dec_tok te_flags[] = {
	{ 0x01, "Fault Management Supported" }, { 0x02, "Link Verification Supported" }, { 0, NULL },
};
static const struct dec_tok dl_flags[] = {
	{ 0x01, "Data Link Port" }, { 0x02, "Allocated for user traffic" }, { 0x04, "Failed link" }, { 0, NULL },
};
static const struct dec_tok channel_status[] = {
	{ 1, "Signal Okay" }, { 2, "Signal Degraded" }, { 3, "Signal Fail" }, { 0, NULL },
};
static const struct dec_tok verify_flags[] = { { 1, "Verify all links" }, { 2, "Data link type" }, { 0, NULL } };
static const struct dec_tok verify_errors[] = {
	{ 0x01, "Link Verification Procedure Not supported" }, { 0x02, "Unwilling to verify" },
	{ 0x04, "Unsupported verification transport mechanism" }, { 0x08, "Link-Id configuration error" },
	{ 0x10, "Unknown object c-type" }, { 0, NULL },
};
static const struct dec_tok summary_errors[] = {
	{ 0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters" },
	{ 0x02, "Renegotiate LINK-SUMMARY parameters" }, { 0x04, "Invalid TE-LINK Object" },
	{ 0x08, "Invalid DATA-LINK Object" }, { 0x10, "Unknown TE-LINK Object c-type" },
	{ 0x20, "Unknown DATA-LINK Object c-type" }, { 0, NULL },
};
static const struct dec_tok sp_flags[] = { { 0x01, "RSVP Supported" }, { 0x02, "LDP Supported" }, { 0, NULL } };
static const struct dec_tok tp_flags[] = {
	{ 0x01, "Path/VC Overhead Transparency Supported" }, { 0x02, "Line/MS Overhead Transparency Supported" },
	{ 0x04, "Section/RS Overhead Transparency Supported" }, { 0, NULL },
};
static const struct dec_tok cct_flags[] = { { 0x01, "Contiguous Concatenation Types Supported" }, { 0, NULL } };
static const struct dec_tok nsa_tp_flags[] = {
	{ 0x01, "Standard SOH/RSOH Transparency Supported" }, { 0x02, "Standard LOH/MSOH Transparency Supported" },
	{ 0, NULL },
};
static const struct dec_tok nsa_tcm_flags[] = {
	{ 0x01, "Transparent Tandem Connection Monitoring Supported" }, { 0, NULL },
};
static const struct dec_tok diversity_flags[] = {
	{ 0x01, "Node Diversity Supported" }, { 0x02, "Link Diversity Supported" },
	{ 0x04, "SRLG Diversity Supported" }, { 0, NULL },
};
static const struct dec_tok link_types[] = { { 5, "SDH ITU-T G.707" }, { 6, "SONET ANSI T1.105" }, { 0, NULL } };
static const struct dec_tok sdh_signals[] = {
	{ 5, "VC-3" }, { 6, "VC-4" }, { 7, "STM-0" }, { 8, "STM-1" }, { 9, "STM-4" }, { 10, "STM-16" },
	{ 11, "STM-64" }, { 12, "STM-256" }, { 0, NULL },
};
static const struct dec_tok sonet_signals[] = {
	{ 5, "STS-1 SPE" }, { 6, "STS-3c SPE" }, { 7, "STS-1" }, { 8, "STM-3" }, { 9, "STM-12" },
	{ 10, "STM-48" }, { 11, "STM-192" }, { 12, "STM-768" }, { 0, NULL },
};
/* GMPLS (RFC 3471) switching capabilities and encodings (isis_reach.c, rsvp.c and ospf_te.c too) */
const struct dec_tok dec_gmpls_switch_caps[] = {
	{ 1, "Packet-Switch Capable-1" }, { 2, "Packet-Switch Capable-2" }, { 3, "Packet-Switch Capable-3" },
	{ 4, "Packet-Switch Capable-4" }, { 51, "Layer-2 Switch Capable" }, { 100, "Time-Division-Multiplex" },
	{ 150, "Lambda-Switch Capable" }, { 200, "Fiber-Switch Capable" }, { 0, NULL },
};
const struct dec_tok dec_gmpls_encodings[] = {
	{ 1, "Packet" }, { 2, "Ethernet V2/DIX" }, { 3, "ANSI/ETSI PDH" }, { 4, "Reserved" },
	{ 5, "SDH ITU-T G.707/SONET ANSI T1.105" }, { 6, "Reserved" }, { 7, "Digital Wrapper" },
	{ 8, "Lambda (photonic)" }, { 9, "Fiber" }, { 10, "Reserved" }, { 11, "FiberChannel" }, { 0, NULL },
};

/* "LABEL: [flags]" through dec_bits (tcpdump's bittok2str). */
static void flags(struct dec_ctx *d, const char *label, const struct dec_tok *t, unsigned v)
{
	dec_printf(d, "%s", label);
	dec_bits(d, t, v, "none");
}

/* A 32-bit bandwidth in bytes per second (IEEE float) as Mbps. */
static void bandwidth(struct dec_ctx *d, const char *label, const uint8_t *p)
{
	uint32_t u = dec_be32(d, p);
	float bw;
	memcpy(&bw, &u, sizeof bw);
	dec_printf(d, "%s%.3f Mbps", label, (double)(bw * 8 / 1000000));
}

/* An address (a = 4 or 16 bytes) and its first word: "A (0x%08x)", or
 * the word as a number for unnumbered ones (a = 0). */
static void id(struct dec_ctx *d, const char *label, const uint8_t *p, int a)
{
	dec_printf(d, "%s", label);
	if (a == 16)
		dec_ip6addr(d, p);
	else if (a == 4)
		dec_ip4addr(d, p);
	else
		dec_printf(d, "%u", dec_be32(d, p));
	dec_printf(d, " (0x%08x)", dec_be32(d, p));
}

/* The Data Link object's subobjects, n bytes from p: 1 when tcpdump
 * stopped at an unknown one (the object's hex follows). */
static int data_link_subobjs(struct dec_ctx *d, const uint8_t *p, long n)
{
	while (n > 0) {
		unsigned type = dec_u8(d, p), len = dec_u8(d, p + 1);
		dec_printf(d, "\n\t    Subobject, Type: %s (%u), Length: %u",
			   type == 1 ? "Interface Switching Type" : type == 2 ? "Wavelength" : "Unknown", type, len);
		if (len < 4) {
			dec_printf(d, " (too short)");
			return 0;
		}
		if (len % 4) {
			dec_printf(d, " (not a multiple of 4)");
			return 0;
		}
		if (n < (long)len) {
			dec_printf(d, " (goes past the end of the object)");
			return 0;
		}
		if (type == 1) {
			dec_printf(d, "\n\t      Switching Type: %s (%u)",
				   dec_tok(dec_gmpls_switch_caps, dec_u8(d, p + 2), "Unknown"), p[2]);
			dec_printf(d, "\n\t      Encoding Type: %s (%u)",
				   dec_tok(dec_gmpls_encodings, dec_u8(d, p + 3), "Unknown"), p[3]);
			bandwidth(d, "\n\t      Min Reservable Bandwidth: ", p + 4);
			bandwidth(d, "\n\t      Max Reservable Bandwidth: ", p + 8);
		} else if (type == 2) {
			dec_printf(d, "\n\t      Wavelength: %u", dec_be32(d, p + 4));
		} else {
			return 1;
		}
		n -= len;
		p += len;
	}
	return 0;
}

/* Channel Status (status 1) and its request (status 0): a list of
 * interface ids of size a (0: unnumbered), each with a status word. */
static void channels(struct dec_ctx *d, const uint8_t *p, unsigned n, int a, int status)
{
	unsigned step = (a ? a : 4) + (status ? 4 : 0);
	for (unsigned off = 0; off + step <= n; off += step) {
		id(d, "\n\t    Interface ID: ", p + off, a);
		if (!status)
			continue;
		uint32_t w = dec_be32(d, p + off + step - 4);
		dec_printf(d, "\n\t\t    Active: %s (%u)", w >> 31 ? "Allocated" : "Non-allocated", w >> 31);
		dec_printf(d, "\n\t\t    Direction: %s (%u)", (w >> 30) & 1 ? "Transmit" : "Receive", (w >> 30) & 1);
		dec_printf(d, "\n\t\t    Channel Status: %s (%u)", dec_tok(channel_status, w & 0x3ffffff, "Unknown"),
			   w & 0x3ffffff);
	}
}

/* The sizes the known objects must have, by class and C-type (0: any;
 * a negative size: at least that); size 1: the object is unknown. */
static int want_len(unsigned class, unsigned ct)
{
	switch (class) {
	case OBJ_CC_ID: case OBJ_NODE_ID:
		return ct == 1 || ct == 2 ? 4 : 1;
	case OBJ_LINK_ID: case OBJ_INTERFACE_ID:
		return ct >= 1 && ct <= 6 ? (ct == 3 || ct == 4 ? 16 : 4) : 1;
	case OBJ_MESSAGE_ID: case OBJ_ERROR_CODE:
		return ct == 1 || ct == 2 ? 4 : 1;
	case OBJ_CONFIG: case OBJ_VERIFY_BEGIN_ACK: case OBJ_VERIFY_ID:
		return ct == 1 ? 4 : 1;
	case OBJ_HELLO:
		return ct == 1 ? 8 : 1;
	case OBJ_VERIFY_BEGIN:
		return ct == 1 ? 20 : 1;
	case OBJ_TE_LINK:
		return ct == 1 || ct == 3 ? 12 : ct == 2 ? 36 : 1;
	case OBJ_DATA_LINK:
		return ct == 1 || ct == 3 ? -12 : ct == 2 ? -36 : 1;
	case OBJ_CHANNEL_STATUS: case OBJ_CHANNEL_STATUS_REQ:
		return ct >= 1 && ct <= 3 ? 0 : 1;
	case OBJ_SERVICE_CONFIG:
		return ct == 1 || ct == 4 ? 4 : ct == 2 ? 16 : ct == 3 ? 8 : 1;
	}
	return 1;
}

/* The Service Config object (UNI 1.0), of C-type ct. */
static void service_config(struct dec_ctx *d, unsigned ct, const uint8_t *p)
{
	switch (ct) {
	case 1:
		flags(d, "\n\t Flags: ", sp_flags, p[0]);
		dec_printf(d, "\n\t  UNI Version: %u", p[1]);
		return;
	case 2:
		dec_printf(d, "\n\t Link Type: %s (%u)", dec_tok(link_types, p[0], "Unknown"), p[0]);
		if (p[0] == 5 || p[0] == 6)
			dec_printf(d, "\n\t Signal Type: %s (%u)", dec_tok(p[0] == 5 ? sdh_signals : sonet_signals, p[1],
									  "Unknown"), p[1]);
		flags(d, "\n\t Transparency: ", tp_flags, p[2]);
		flags(d, "\n\t Contiguous Concatenation Types: ", cct_flags, p[3]);
		dec_printf(d, "\n\t Minimum NCC: %u\n\t Maximum NCC: %u", dec_get_be16(p + 4), dec_get_be16(p + 6));
		dec_printf(d, "\n\t Minimum NVC:%u\n\t Maximum NVC:%u", dec_get_be16(p + 8), dec_get_be16(p + 10));
		id(d, "\n\t    Local Interface ID: ", p + 12, 4);
		return;
	case 3:
		flags(d, "\n\t Transparency Flags: ", nsa_tp_flags, dec_get_be32(p));
		flags(d, "\n\t TCM Monitoring Flags: ", nsa_tcm_flags, p[7]);
		return;
	case 4:
		flags(d, "\n\t Diversity: Flags: ", diversity_flags, p[3]);
		return;
	}
}

/* fmt with two numbers of size w (2 or 4 bytes) one after the other at p */
static void pair(struct dec_ctx *d, const char *fmt, const uint8_t *p, int w)
{
	unsigned x = w == 2 ? dec_get_be16(p) : dec_get_be32(p), y = w == 2 ? dec_get_be16(p + 2) : dec_get_be32(p + 4);
	dec_printf(d, fmt, x, y);
}

/* One object's body (n bytes at p, all captured): 1 when its hex is to
 * follow. */
static int print_object(struct dec_ctx *d, unsigned class, unsigned ct, const uint8_t *p, unsigned n)
{
	int want = want_len(class, ct);
	if (want == 1) {
		if (!dec_tok(obj_names, class, NULL)) { /* an unknown class: hex once at -v */
			if (d->o.vflag <= 1)
				dec_hexlines(d, "\n\t    ", p, n);
			return 0;
		}
		return 1;
	}
	if ((want > 0 && n != (unsigned)want) || (want < 0 && n < (unsigned)-want)) {
		dec_printf(d, " (not correct for object)");
		return 0;
	}
	int a = ct == 1 ? 4 : ct == 2 ? 16 : 0; /* the address size of the IPv4/IPv6/unnumbered C-types */
	switch (class) {
	case OBJ_CC_ID:
		dec_printf(d, "\n\t    Control Channel ID: %u (0x%08x)", dec_get_be32(p), dec_get_be32(p));
		break;
	case OBJ_LINK_ID: case OBJ_INTERFACE_ID:
		id(d, ct <= 2 ? "\n\t    IPv4 Link ID: " : ct <= 4 ? "\n\t    IPv6 Link ID: " : "\n\t    Link ID: ", p,
		   ct <= 2 ? 4 : ct <= 4 ? 16 : 0);
		break;
	case OBJ_MESSAGE_ID:
		dec_printf(d, "\n\t    Message ID%s: %u (0x%08x)", ct == 2 ? " Ack" : "", dec_get_be32(p),
			   dec_get_be32(p));
		break;
	case OBJ_NODE_ID:
		id(d, "\n\t    Node ID: ", p, 4);
		break;
	case OBJ_CONFIG:
		pair(d, "\n\t    Hello Interval: %u\n\t    Hello Dead Interval: %u", p, 2);
		break;
	case OBJ_HELLO:
		pair(d, "\n\t    Tx Seq: %u, Rx Seq: %u", p, 4);
		break;
	case OBJ_TE_LINK: case OBJ_DATA_LINK: {
		int dl = class == OBJ_DATA_LINK;
		const char *what = dl ? "Interface ID: " : "Link-ID: ";
		char label[40];
		dec_printf(d, "\n\t    Flags: [");
		dec_bits(d, dl ? dl_flags : te_flags, p[0], "none");
		dec_printf(d, "]");
		snprintf(label, sizeof label, "\n\t    Local %s", what);
		id(d, label, p + 4, a);
		snprintf(label, sizeof label, "\n\t    Remote %s", what);
		id(d, label, p + 4 + (a == 16 ? 16 : 4), a);
		if (dl) {
			unsigned used = a == 16 ? 36 : 12;
			return data_link_subobjs(d, p + used, (long)n - used);
		}
		break;
	}
	case OBJ_VERIFY_BEGIN: {
		unsigned vtm = dec_get_be16(p + 10);
		flags(d, "\n\t    Flags: ", verify_flags, dec_get_be16(p));
		dec_printf(d, "\n\t    Verify Interval: %u\n\t    Data links: %u", dec_get_be16(p + 2), dec_get_be32(p + 4));
		dec_printf(d, "\n\t    Encoding type: %s", dec_tok(dec_gmpls_encodings, p[8], "Unknown"));
		/* tcpdump tests the bit as decimal 8000 */
		dec_printf(d, "\n\t    Verify Transport Mechanism: %u (0x%x)%s", vtm, vtm,
			   vtm & 8000 ? " (Payload test messages capable)" : "");
		bandwidth(d, "\n\t    Transmission Rate: ", p + 12);
		dec_printf(d, "\n\t    Wavelength: %u", dec_get_be32(p + 16));
		break;
	}
	case OBJ_VERIFY_BEGIN_ACK:
		pair(d, "\n\t    Verify Dead Interval: %u\n\t    Verify Transport Response: %u", p, 2);
		break;
	case OBJ_VERIFY_ID:
		dec_printf(d, "\n\t    Verify ID: %u", dec_get_be32(p));
		break;
	case OBJ_CHANNEL_STATUS: case OBJ_CHANNEL_STATUS_REQ:
		channels(d, p, n, ct == 3 ? 0 : a, class == OBJ_CHANNEL_STATUS);
		break;
	case OBJ_ERROR_CODE:
		flags(d, "\n\t    Error Code: ", ct == 1 ? verify_errors : summary_errors, dec_get_be32(p));
		break;
	case OBJ_SERVICE_CONFIG:
		service_config(d, ct, p);
		break;
	}
	return 0;
}

void dec_lmp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "lmp";
	dec_need(d, p, LMP_HDR); /* the whole header first, as tcpdump */
	if (p[0] >> 4 != 1) {
		dec_printf(d, "LMP version %u packet not supported", p[0] >> 4);
		return;
	}
	if (!d->o.vflag) {
		dec_printf(d, "LMPv1 ");
		dec_tokf(d, msg_types, p[3], "unknown (%u)");
		dec_printf(d, " Message, length: %zu", len);
		return;
	}
	size_t tlen = dec_get_be16(p + 4);
	dec_printf(d, "\n\tLMPv1, msg-type: ");
	dec_tokf(d, msg_types, p[3], "unknown, type: %u");
	dec_printf(d, ", Flags: [");
	dec_bits(d, hdr_flags, p[2], "none");
	dec_printf(d, "], length: %zu", tlen);
	if (tlen < LMP_HDR) {
		dec_printf(d, " (too short)");
		return;
	}
	if (tlen > len) {
		dec_printf(d, " (too long)");
		tlen = len;
	}
	p += LMP_HDR;
	tlen -= LMP_HDR;
	while (tlen) {
		unsigned olen = dec_be16(d, p + 2), ct = dec_u8(d, p) & 0x7f, class = dec_u8(d, p + 1);
		dec_printf(d, "\n\t  %s Object (%u), Class-Type: %s (%u) Flags: [%snegotiable], length: %u",
			   dec_tok(obj_names, class, "Unknown"), class, dec_tok(ctype_names, CT(class, ct), "Unknown"), ct,
			   p[0] & 0x80 ? "" : "non-", olen);
		if (olen < LMP_OBJ) {
			dec_printf(d, " (too short)");
			return;
		}
		if (olen % 4) {
			dec_printf(d, " (not a multiple of 4)");
			return;
		}
		dec_need(d, p, olen);
		if (print_object(d, class, ct, p + LMP_OBJ, olen - LMP_OBJ) || d->o.vflag > 1)
			dec_hexlines(d, "\n\t    ", p + LMP_OBJ, olen - LMP_OBJ);
		if (tlen < olen) {
			dec_printf(d, " [remaining objects length %zu < %u] (invalid)", tlen, olen);
			return;
		}
		p += olen;
		tlen -= olen;
	}
}
