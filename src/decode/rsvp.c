/* rsvp.c: RSVP (RFC 2205, RSVP-TE RFC 3209, GMPLS RFC 3473, refresh
 * reduction RFC 2961, fast reroute RFC 4090) as tcpdump 4.99 prints it:
 *
 *   RSVPv1 Path Message, length: 20                        (no -v)
 *   \n\tRSVPv1 Path Message (1), Flags: [none], length: .., ttl: .., checksum: 0x....
 *   \n\t  Session Object (1) Flags: [reject if unknown], Class-Type: IPv4 (1), length: 12
 *   \n\t    IPv4 DestAddress: ...                            (-v: every object)
 *
 * With -vv every object is also dumped in hex; objects tcpdump has no
 * decoder for are dumped at -v only.  A Bundle message carries whole
 * messages, printed one level deeper.  The walk stops at the first
 * malformed object with tcpdump's "ERROR: ..." text; an object not all
 * captured ends the line with " [|rsvp]" (tcpdump returns there). */
#include <string.h>

#include "decode/dec.h"

#define RSVP_HDR 8
enum {
	C_SESSION = 1, C_HOP = 3, C_INTEGRITY = 4, C_TIME = 5, C_ERROR = 6, C_SCOPE = 7, C_STYLE = 8,
	C_FLOWSPEC = 9, C_FILTERSPEC = 10, C_SENDER_TEMPLATE = 11, C_SENDER_TSPEC = 12, C_ADSPEC = 13,
	C_POLICY = 14, C_CONFIRM = 15, C_LABEL = 16, C_LABEL_REQ = 19, C_ERO = 20, C_RRO = 21, C_HELLO = 22,
	C_MSGID = 23, C_MSGID_ACK = 24, C_MSGID_LIST = 25, C_RECOVERY_LABEL = 34, C_UPSTREAM_LABEL = 35,
	C_LABEL_SET = 36, C_PROTECTION = 37, C_S2L = 50, C_DETOUR = 63, C_CLASSTYPE = 66,
	C_CLASSTYPE_OLD = 125, C_SUGGESTED_LABEL = 129, C_ACCEPT_LABEL_SET = 130, C_RESTART = 131,
	C_CAPABILITY = 134, C_NOTIFY_REQ = 195, C_ADMIN_STATUS = 196, C_PROPERTIES = 204, C_FRR = 205,
	C_SESSION_ATTR = 207, C_GEN_UNI = 229, C_CALL_ID = 230, C_CALL_OPS = 236,
};

static const struct dec_tok msg_types[] = {
	{ 1, "Path" }, { 2, "Resv" }, { 3, "PathErr" }, { 4, "ResvErr" }, { 5, "PathTear" }, { 6, "ResvTear" },
	{ 7, "ResvConf" }, { 12, "Bundle" }, { 13, "Acknowledgement" }, { 14, "Hello (Old)" },
	{ 15, "Refresh" }, { 20, "Hello" }, { 0, NULL },
};
#define MSG_BUNDLE 12
static const struct dec_tok header_flags[] = { { 0x01, "Refresh reduction capable" }, { 0, NULL } };
static const struct dec_tok classes[] = {
	{ C_SESSION, "Session" }, { C_HOP, "RSVP Hop" }, { C_INTEGRITY, "Integrity" }, { C_TIME, "Time Values" },
	{ C_ERROR, "Error Spec" }, { C_SCOPE, "Scope" }, { C_STYLE, "Style" }, { C_FLOWSPEC, "Flowspec" },
	{ C_FILTERSPEC, "FilterSpec" }, { C_SENDER_TEMPLATE, "Sender Template" },
	{ C_SENDER_TSPEC, "Sender TSpec" }, { C_ADSPEC, "Adspec" }, { C_POLICY, "Policy Data" },
	{ C_CONFIRM, "Confirm" }, { C_LABEL, "Label" }, { C_LABEL_REQ, "Label Request" }, { C_ERO, "ERO" },
	{ C_RRO, "RRO" }, { C_HELLO, "Hello" }, { C_MSGID, "Message ID" }, { C_MSGID_ACK, "Message ID Ack" },
	{ C_MSGID_LIST, "Message ID List" }, { C_RECOVERY_LABEL, "Recovery Label" },
	{ C_UPSTREAM_LABEL, "Upstream Label" }, { C_LABEL_SET, "Label Set" },
	{ C_ACCEPT_LABEL_SET, "Acceptable Label Set" }, { C_DETOUR, "Detour" }, { C_CLASSTYPE, "Class Type" },
	{ C_CLASSTYPE_OLD, "Class Type (old)" }, { C_SUGGESTED_LABEL, "Suggested Label" },
	{ C_PROPERTIES, "Properties" }, { C_FRR, "Fast Re-Route" }, { C_SESSION_ATTR, "Session Attribute" },
	{ C_GEN_UNI, "Generalized UNI" }, { C_CALL_ID, "Call-ID" }, { C_CALL_OPS, "Call Capability" },
	{ C_RESTART, "Restart Capability" }, { C_CAPABILITY, "Capability" }, { C_NOTIFY_REQ, "Notify Request" },
	{ C_PROTECTION, "Protection" }, { C_ADMIN_STATUS, "Administrative Status" },
	{ C_S2L, "Sub-LSP to LSP" }, { 0, NULL },
};
/* C-Types mean something per class: their names by class. */
#define LABELS { [1] = "Label", [2] = "Generalized Label", [3] = "Waveband Switching" }
#define V4V6 { [1] = "IPv4", [2] = "IPv6" }
#define V4V6_TLVS { [1] = "IPv4", [2] = "IPv6", [3] = "IPv4 plus opt. TLVs", [4] = "IPv6 plus opt. TLVs" }
#define ONE { [1] = "1" }
#define P2MP [12] = "IPv4 P2MP LSP Tunnel", [13] = "IPv6 P2MP LSP Tunnel"
static const struct {
	unsigned cls;
	const char *names[15];
} ctype_names[] = {
	{ C_HOP, V4V6_TLVS }, { C_NOTIFY_REQ, V4V6 }, { C_CONFIRM, V4V6 }, { C_TIME, ONE },
	{ C_FLOWSPEC, { [1] = "obsolete", [2] = "IntServ" } }, { C_SENDER_TSPEC, { [2] = "IntServ" } },
	{ C_ADSPEC, { [2] = "IntServ" } },
	{ C_FILTERSPEC, { [1] = "IPv4", [2] = "IPv6", [3] = "IPv6 Flow-label", [7] = "Tunnel IPv4", P2MP } },
	{ C_SESSION, { [1] = "IPv4", [2] = "IPv6", [7] = "Tunnel IPv4", [11] = "UNI IPv4",
		       [13] = "IPv4 P2MP LSP Tunnel", [14] = "IPv6 P2MP LSP Tunnel" } },
	{ C_SENDER_TEMPLATE, { [1] = "IPv4", [2] = "IPv6", [7] = "Tunnel IPv4", P2MP } },
	{ C_MSGID, ONE }, { C_MSGID_ACK, { [1] = "Message id ack", [2] = "Message id nack" } },
	{ C_MSGID_LIST, ONE }, { C_STYLE, ONE }, { C_HELLO, { [1] = "Hello Request", [2] = "Hello Ack" } },
	{ C_LABEL_REQ, { [1] = "without label range", [2] = "with ATM label range", [3] = "with FR label range",
			 [4] = "Generalized Label" } },
	{ C_LABEL, LABELS }, { C_SUGGESTED_LABEL, LABELS }, { C_UPSTREAM_LABEL, LABELS },
	{ C_RECOVERY_LABEL, LABELS }, { C_ERO, { [1] = "IPv4" } }, { C_RRO, { [1] = "IPv4" } },
	{ C_ERROR, V4V6_TLVS }, { C_RESTART, { [1] = "IPv4" } }, { C_CAPABILITY, ONE },
	{ C_SESSION_ATTR, { [7] = "Tunnel IPv4" } }, { C_FRR, { [1] = "1", [7] = "Tunnel IPv4" } },
	{ C_DETOUR, { [7] = "Tunnel IPv4" } }, { C_PROPERTIES, ONE }, { C_ADMIN_STATUS, ONE }, { C_CLASSTYPE, ONE },
	{ C_CLASSTYPE_OLD, ONE }, { C_LABEL_SET, ONE }, { C_GEN_UNI, ONE },
	{ C_S2L, { [1] = "IPv4 sub-LSP", [2] = "IPv6 sub-LSP" } },
};

static const char *ctype_name(unsigned cls, unsigned ctype)
{
	for (size_t i = 0; i < sizeof ctype_names / sizeof ctype_names[0]; i++)
		if (ctype_names[i].cls == cls && ctype < 15 && ctype_names[i].names[ctype])
			return ctype_names[i].names[ctype];
	return "Unknown";
}
static const struct dec_tok integrity_flags[] = { { 0x80, "Handshake" }, { 0, NULL } };
static const struct dec_tok capability_flags[] = { /* RFC 5063 */
	{ 4, "RecoveryPath Transmit Enabled" }, { 2, "RecoveryPath Desired" },
	{ 1, "RecoveryPath Srefresh Capable" }, { 0, NULL },
};
static const struct dec_tok xro_types[] = {
	{ 0, "Reserved" }, { 1, "IPv4 prefix" }, { 2, "IPv6 prefix" }, { 3, "Label" },
	{ 32, "Autonomous system number" }, { 64, "MPLS label switched path termination" }, { 0, NULL },
};
static const struct dec_tok rro_flags[] = {
	{ 1, "Local protection available" }, { 2, "Local protection in use" }, { 4, "Bandwidth protection" },
	{ 8, "Node protection" }, { 0, NULL },
};
static const struct dec_tok rro_label_flags[] = { { 1, "Global" }, { 0, NULL } };
static const struct dec_tok styles[] = {
	{ 17, "Wildcard Filter" }, { 10, "Fixed Filter" }, { 18, "Shared Explicit" }, { 0, NULL },
};
static const struct dec_tok services[] = {
	{ 1, "Default/Global Information" }, { 2, "Guaranteed Service" }, { 5, "Controlled Load" }, { 0, NULL },
};
static const struct dec_tok intserv_params[] = {
	{ 4, "IS hop cnt" }, { 6, "Path b/w estimate" }, { 8, "Minimum path latency" }, { 10, "Composed MTU" },
	{ 127, "Token Bucket TSpec" }, { 130, "Guaranteed Service RSpec" },
	{ 133, "End-to-end composed value for C" }, { 134, "End-to-end composed value for D" },
	{ 135, "Since-last-reshaping point composed C" }, { 136, "Since-last-reshaping point composed D" },
	{ 0, NULL },
};
static const struct dec_tok session_attr_flags[] = {
	{ 1, "Local Protection" }, { 2, "Label Recording" }, { 4, "SE Style" }, { 8, "Bandwidth protection" },
	{ 0x10, "Node protection" }, { 0, NULL },
};
static const struct dec_tok prop_tlvs[] = {
	{ 1, "Cos" }, { 2, "Metric 1" }, { 4, "Metric 2" }, { 8, "CCC Status" }, { 0x10, "Path Type" }, { 0, NULL },
};
#define ERR_ROUTING 24
#define ERR_DIFFSERV 28
#define ERR_DIFFSERV_OLD 125
static const struct dec_tok error_codes[] = {
	{ ERR_ROUTING, "Routing Problem" }, { 25, "Notify Error" }, { ERR_DIFFSERV, "Diffserv TE Error" },
	{ ERR_DIFFSERV_OLD, "Diffserv TE Error (Old)" }, { 0, NULL },
};
/* Error values by code: routing problems (RFC 3209), Diffserv-TE (RFC 4124) */
static const char *const routing_errors[] = {
	NULL, "Bad EXPLICIT_ROUTE object", "Bad strict node", "Bad loose node", "Bad initial subobject",
	"No route available toward destination", "Unacceptable label value", "RRO indicated routing loops",
	"non-RSVP-capable router in the path", "MPLS label allocation failure", "Unsupported L3PID",
};
static const char *const diffserv_errors[] = {
	NULL, "Unexpected CT object", "Unsupported CT", "Invalid CT value",
	"CT/setup priority do not form a configured TE-Class", "CT/holding priority do not form a configured TE-Class",
	"CT/setup priority and CT/holding priority do not form a configured TE-Class",
	"Inconsistency between signaled PSC and signaled CT", "Inconsistency between signaled PHBs and signaled CT",
};
static const struct dec_tok admin_flags[] = {
	{ 0x80000000u, "Reflect" }, { 4, "Testing" }, { 2, "Admin-down" }, { 1, "Delete-in-progress" }, { 0, NULL },
};
static const struct dec_tok label_set_actions[] = {
	{ 0, "Inclusive list" }, { 1, "Exclusive list" }, { 2, "Inclusive range" }, { 3, "Exclusive range" },
	{ 0, NULL },
};
static const struct dec_tok uni_subobjs[] = {
	{ 1, "Source TNA address" }, { 2, "Destination TNA address" }, { 3, "Diversity" }, { 4, "Egress label" },
	{ 5, "Service level" }, { 0, NULL },
};
/* GMPLS payloads (RFC 3471, G.709 draft), tcpdump's gmpls.c */
static const char *const gmpls_payloads[] = {
	"Unknown", "Reserved", "Reserved", "Reserved", "Reserved", "Asynchronous mapping of E4",
	"Asynchronous mapping of DS3/T3", "Asynchronous mapping of E3", "Bit synchronous mapping of E3",
	"Byte synchronous mapping of E3", "Asynchronous mapping of DS2/T2", "Bit synchronous mapping of DS2/T2",
	"Reserved", "Asynchronous mapping of E1", "Byte synchronous mapping of E1",
	"Byte synchronous mapping of 31 * DS0", "Asynchronous mapping of DS1/T1", "Bit synchronous mapping of DS1/T1",
	"Byte synchronous mapping of DS1/T1", "VC-11 in VC-12", "Reserved", "Reserved", "DS1 SF Asynchronous",
	"DS1 ESF Asynchronous", "DS3 M23 Asynchronous", "DS3 C-Bit Parity Asynchronous", "VT/LOVC",
	"STS SPE/HOVC", "POS - No Scrambling, 16 bit CRC", "POS - No Scrambling, 32 bit CRC",
	"POS - Scrambling, 16 bit CRC", "POS - Scrambling, 32 bit CRC", "ATM mapping", "Ethernet PHY",
	"SONET/SDH", "Reserved (SONET deprecated)", "Digital Wrapper", "Lambda", "ANSI/ETSI PDH", "Reserved",
	"Link Access Protocol SDH (X.85 and X.86)", "FDDI", "DQDB (ETSI ETS 300 216)",
	"FiberChannel-3 (Services)", "HDLC", "Ethernet V2/DIX (only)", "Ethernet 802.3 (only)", "G.709 ODUj",
	"G.709 OTUk(v)", "CBR/CBRa", "CBRb", "BSOT", "BSNT", "IP/PPP (GFP)", "Ethernet MAC (framed GFP)",
	"Ethernet PHY (transparent GFP)", "ESCON", "FICON", "Fiber Channel",
};

/* What an object printer found: decoded, decoded but to be dumped in hex
 * too, or one of tcpdump's ends of the walk. */
enum { R_OK, R_HEX, R_SHORT, R_SUBSHORT, R_INVALID, R_STOP };

/* One object's body: its indent, class, C-Type, and bytes (all captured). */
struct obj {
	const char *ind;
	unsigned cls, ctype;
	const uint8_t *p;
	unsigned tlen;
};

static void addr(struct dec_ctx *d, const uint8_t *p, int v6)
{
	v6 ? dec_ip6addr(d, p) : dec_ip4addr(d, p);
}

/* printf's "%#x": 0 without the prefix. */
static void hash_x(struct dec_ctx *d, unsigned v)
{
	dec_printf(d, v ? "%#x" : "0", v);
}

/* An IEEE float in bytes per second as tcpdump prints it, computed in
 * float as tcpdump does: bytes / 125000 (mul 0) or bytes * 8 / 1e6. */
static void mbps(struct dec_ctx *d, const uint8_t *p, int mul)
{
	uint32_t u = dec_be32(d, p);
	float f;
	memcpy(&f, &u, sizeof f);
	float r = mul ? f * 8 / 1000000 : f / 125000;
	dec_printf(d, "%.10g Mbps", (double)r);
}

static uint32_t be24(const uint8_t *p)
{
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static void session_ip(struct dec_ctx *d, struct obj *o)
{
	unsigned a = o->ctype == 1 ? 4 : 16;
	dec_printf(d, "%s  IPv%c DestAddress: ", o->ind, a == 4 ? '4' : '6');
	addr(d, o->p, a == 16);
	dec_printf(d, ", Protocol ID: 0x%02x%s  Flags: [0x%02x], DestPort %u", o->p[a], o->ind, o->p[a + 1],
		   dec_get_be16(o->p + a + 2));
}

/* The tunnel sessions: an end point (or P2MP id), a tunnel id at 6 or 18,
 * an extended tunnel id after it. */
static void session_tunnel(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	switch (o->ctype) {
	case 8:
		dec_printf(d, "%s  IPv6 Tunnel EndPoint: ", o->ind);
		dec_ip6addr(d, p);
		dec_printf(d, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", dec_get_be16(p + 18));
		dec_ip6addr(d, p + 20);
		return;
	case 14:
		dec_printf(d, "%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: ", o->ind,
			   dec_get_be32(p), dec_get_be16(p + 6));
		dec_ip6addr(d, p + 8);
		return;
	}
	dec_printf(d, "%s  IPv4 %s: ", o->ind, o->ctype == 13 ? "P2MP LSP ID" : "Tunnel EndPoint");
	dec_ip4addr(d, p);
	dec_printf(d, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ", dec_get_be16(p + 6));
	dec_ip4addr(d, p + 8);
}

/* Confirm, Notify Request and S2L: one address, named by the class. */
static void one_address(struct dec_ctx *d, struct obj *o)
{
	const char *what = o->cls == C_CONFIRM ? "Receiver Address" : "Notify Node Address";
	if (o->cls == C_S2L)
		dec_printf(d, "%s  Sub-LSP destination address: ", o->ind);
	else
		dec_printf(d, "%s  IPv%c %s: ", o->ind, o->ctype == 2 ? '6' : '4', what);
	addr(d, o->p, o->ctype == 2);
}

static void labels(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	if (o->ctype == 2)
		dec_printf(d, "%s  Generalized Label: %u", o->ind, dec_get_be32(p));
	else if (o->ctype == 3)
		dec_printf(d, "%s  Waveband ID: %u%s  Start Label: %u, Stop Label: %u", o->ind, dec_get_be32(p), o->ind,
			   dec_get_be32(p + 4), dec_get_be32(p + 8));
	else
		for (unsigned n = o->tlen; n >= 4; n -= 4, p += 4)
			dec_printf(d, "%s  Label: %u", o->ind, dec_get_be32(p));
}

static void style(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, "%s  Reservation Style: %s, Flags: [0x%02x]", o->ind, dec_tok(styles, be24(o->p + 1), "Unknown"),
		   o->p[0]);
}

/* Sender Template and FilterSpec: a source address and port. */
static void source(struct dec_ctx *d, struct obj *o)
{
	int v6 = o->ctype == 2;
	dec_printf(d, "%s  Source Address: ", o->ind);
	addr(d, o->p, v6);
	dec_printf(d, ", Source Port: %u", dec_get_be16(o->p + (v6 ? 18 : 6)));
}

/* FilterSpec's flow label (3), and the LSP id of C-Type 8, for which
 * tcpdump prints an IPv4 address. */
static void filter_other(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, "%s  Source Address: ", o->ind);
	if (o->ctype == 3) {
		dec_ip6addr(d, o->p);
		dec_printf(d, ", Flow Label: %u", be24(o->p + 17));
	} else {
		dec_ip4addr(d, o->p);
		dec_printf(d, ", LSP-ID: 0x%04x", dec_get_be16(o->p + 18));
	}
}

/* The P2MP LSP tunnel senders (12: IPv4, 13: IPv6). */
static void sender_p2mp(struct dec_ctx *d, struct obj *o)
{
	int v6 = o->ctype == 13;
	unsigned a = v6 ? 16 : 4;
	dec_printf(d, "%s  IPv%c Tunnel Sender Address: ", o->ind, v6 ? '6' : '4');
	addr(d, o->p, v6);
	dec_printf(d, ", LSP ID: 0x%04x%s  Sub-Group Originator ID: ", dec_get_be16(o->p + a + 2), o->ind);
	addr(d, o->p + a + 4, v6);
	dec_printf(d, ", Sub-Group ID: 0x%04x", dec_get_be16(o->p + (v6 ? 38 : 12)));
}

static void sender_tunnel4(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, o->cls == C_FILTERSPEC ? "%s  Source Address: " : "%s  IPv4 Tunnel Sender Address: ", o->ind);
	dec_ip4addr(d, o->p);
	dec_printf(d, ", LSP-ID: 0x%04x", dec_get_be16(o->p + 6));
}

static void l3pid(struct dec_ctx *d, const char *ind, const uint8_t *p)
{
	unsigned t = dec_get_be16(p + 2);
	const char *name = proto_name(&proto_ethertypes, t, PROTO_TCPDUMP);
	dec_printf(d, "%s  L3 Protocol ID: ", ind);
	name ? dec_printf(d, "%s", name) : dec_printf(d, "Unknown Protocol (0x%04x)", t);
}

/* Label Request: plain (1), with ATM (2) or Frame Relay (3) ranges. */
static void label_req(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	if (o->ctype == 1) {
		for (unsigned n = o->tlen; n >= 4; n -= 4, p += 4)
			l3pid(d, o->ind, p);
		return;
	}
	l3pid(d, o->ind, p);
	if (o->ctype == 2) {
		dec_printf(d, ",%s merge capability%s  Minimum VPI/VCI: %u/%u", (p[4] & 0x80) ? "no" : "", o->ind,
			   dec_get_be16(p + 4) & 0xfffu, dec_get_be16(p + 6) & 0xfffu);
		dec_printf(d, "%s  Maximum VPI/VCI: %u/%u", o->ind, dec_get_be16(p + 8) & 0xfffu,
			   dec_get_be16(p + 10) & 0xfffu);
		return;
	}
	unsigned bits = (dec_get_be16(p + 4) >> 7) & 3;
	dec_printf(d, "%s  Minimum/Maximum DLCI: %u/%u, %s%s bit DLCI", o->ind, dec_get_be32(p + 4) & 0x7fffffu,
		   dec_get_be32(p + 8) & 0x7fffffu, bits == 0 ? "10" : "", bits == 2 ? "23" : "");
}

static void label_req_gmpls(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	unsigned pl = dec_get_be16(p + 2);
	dec_printf(d, "%s  LSP Encoding Type: %s (%u)", o->ind, dec_tok(dec_gmpls_encodings, p[0], "Unknown"), p[0]);
	dec_printf(d, "%s  Switching Type: %s (%u), Payload ID: %s (0x%04x)", o->ind,
		   dec_tok(dec_gmpls_switch_caps, p[1], "Unknown"), p[1],
		   pl < sizeof gmpls_payloads / sizeof gmpls_payloads[0] ? gmpls_payloads[pl] : "Unknown", pl);
}

/* ERO and RRO subobjects (RFC 3209 4.3.3, 4.4.1). */
static int route(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	for (unsigned n = o->tlen; n >= 4; n -= p[1], p += p[1]) {
		unsigned type = p[0] & 0x7f, length = p[1];
		dec_printf(d, "%s  Subobject Type: ", o->ind);
		dec_tokf(d, xro_types, type, "Unknown %u");
		dec_printf(d, ", length %u", length);
		if (n < length || length == 0) {
			dec_printf(d, "%s  ERROR: %s", o->ind,
				   length ? "ERO subobject length > object length" : "zero length ERO subtype");
			break;
		}
		if ((type == 1 || type == 3) && length != 8) {
			dec_printf(d, " ERROR: length != 8");
			return R_INVALID;
		}
		if (type == 1 && p[6] != 32) {
			dec_printf(d, " ERROR: Prefix length %u != 32", p[6]);
			return R_INVALID;
		}
		if (type == 1) {
			dec_printf(d, ", %s, ", (p[0] & 0x80) ? "Loose" : "Strict");
			dec_ip4addr(d, p + 2);
			dec_printf(d, "/%u, Flags: [", p[6]);
			dec_bits(d, rro_flags, p[7], "none");
			dec_printf(d, "]");
		} else if (type == 3) {
			dec_printf(d, ", Flags: [");
			dec_bits(d, rro_label_flags, p[2], "none");
			dec_printf(d, "] (");
			hash_x(d, p[2]);
			dec_printf(d, "), Class-Type: %s (%u), %u", ctype_name(C_RRO, p[3]), p[3],
				   dec_get_be32(p + 4));
		}
	}
	return R_OK;
}

/* Hello and Restart Capability: two words. */
static void two_words(struct dec_ctx *d, struct obj *o)
{
	const char *fmt = o->cls == C_HELLO ? "%s  Source Instance: 0x%08x, Destination Instance: 0x%08x"
					    : "%s  Restart  Time: %ums, Recovery Time: %ums";
	dec_printf(d, fmt, o->ind, dec_get_be32(o->p), dec_get_be32(o->p + 4));
}

static void capability(struct dec_ctx *d, struct obj *o)
{
	uint32_t v = dec_get_be32(o->p);
	if (v & ~7u)
		dec_printf(d, "%s  [reserved=0x%08x must be zero]", o->ind, v & ~7u);
	dec_printf(d, "%s  Flags: [", o->ind);
	dec_bits(d, capability_flags, v & 7u, "none");
	dec_printf(d, "]");
}

static int session_attr(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	unsigned namelen = p[3];
	if (o->tlen < 4 + namelen)
		return R_SHORT;
	dec_printf(d, "%s  Session Name: ", o->ind);
	for (unsigned i = 0; i < namelen; i++)
		dec_putc_safe(d, p[4 + i]);
	dec_printf(d, "%s  Setup Priority: %u, Holding Priority: %u, Flags: [", o->ind, p[0], p[1]);
	dec_bits(d, session_attr_flags, p[2], "none");
	dec_printf(d, "] (");
	hash_x(d, p[2]);
	dec_printf(d, ")");
	return R_OK;
}

/* One OIF UNI 1.0 subobject's value; what the object then is. */
static int uni_value(struct dec_ctx *d, const char *ind, const uint8_t *p, unsigned len)
{
	unsigned type = p[2], af = p[3];
	if ((type == 1 || type == 2) && (af == 1 || af == 2)) {
		if (len < (af == 2 ? 20u : 8u))
			return R_SUBSHORT;
		dec_printf(d, "%s    UNI IPv%c TNA address: ", ind, af == 2 ? '6' : '4');
		addr(d, p + 4, af == 2);
	} else if (type == 4) {
		if (len < 16)
			return R_SUBSHORT;
		dec_printf(d, "%s    U-bit: %x, Label type: %u, Logical port id: %u, Label: %u", ind,
			   dec_get_be32(p + 4) >> 31, dec_get_be32(p + 4) & 0xffu, dec_get_be32(p + 8), dec_get_be32(p + 12));
	} else if (type == 5) {
		if (len < 8)
			return R_SUBSHORT;
		dec_printf(d, "%s    Service level: %u", ind, dec_get_be32(p + 4) >> 24);
	} else if ((type == 1 || type == 2) ? af == 3 : type != 3 || len > 4)
		return R_HEX; /* NSAP addresses, diversity, the unknown */
	return R_OK;
}

/* OIF UNI 1.0's subobjects.  tcpdump adds each subobject's length to
 * what is left of the object instead of subtracting it; the total of the
 * subobjects bounds the walk. */
static int gen_uni(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	int ret = R_OK;
	for (unsigned total = o->tlen; total > 0;) {
		if (total < 4)
			return R_INVALID;
		unsigned len = dec_get_be16(p), type = p[2], af = p[3];
		dec_printf(d, "%s  Subobject Type: %s (%u), AF: %s (%u), length: %u", o->ind,
			   dec_tok(uni_subobjs, type, "Unknown"), type, dec_tok(dec_bgp_afs, af, "Unknown"), af, len);
		if (len < 4 || len > total || o->tlen < len)
			return R_INVALID;
		int r = uni_value(d, o->ind, p, len);
		if (r != R_OK && r != R_HEX)
			return r;
		ret = r == R_HEX ? R_HEX : ret;
		total -= len;
		p += len;
		o->tlen += len;
	}
	return ret;
}

/* RSVP Hop (1, 3: IPv4; 2, 4: IPv6, TLVs dumped in hex). */
static int hop(struct dec_ctx *d, struct obj *o)
{
	unsigned a = o->ctype % 2 ? 4 : 16;
	dec_printf(d, "%s  Previous/Next Interface: ", o->ind);
	addr(d, o->p, a == 16);
	dec_printf(d, ", Logical Interface Handle: 0x%08x", dec_get_be32(o->p + a));
	return a == 16 || o->tlen > a + 4 ? R_HEX : R_OK;
}

static void time_values(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, "%s  Refresh Period: %ums", o->ind, dec_get_be32(o->p));
}

/* One IntServ parameter (RFC 2215) at v - 4: its value printed. */
static void intserv_value(struct dec_ctx *d, unsigned id, const uint8_t *v, unsigned plen)
{
	static const struct { unsigned id, len; const char *fmt; } words[] = {
		{ 4, 4, "\n\t\tIS hop count: %u" }, { 10, 4, "\n\t\tComposed MTU: %u bytes" },
		{ 133, 4, "\n\t\tValue: %u" }, { 134, 4, "\n\t\tValue: %u" }, { 135, 4, "\n\t\tValue: %u" },
		{ 136, 4, "\n\t\tValue: %u" },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i].id == id) {
			if (plen == words[i].len)
				dec_printf(d, words[i].fmt, dec_get_be32(v));
			return;
		}
	if (id == 6 && plen == 4) {
		dec_printf(d, "\n\t\tPath b/w estimate: ");
		mbps(d, v, 0);
	} else if (id == 8 && plen == 4) {
		dec_printf(d, "\n\t\tMinimum path latency: ");
		dec_get_be32(v) == 0xffffffffu ? dec_printf(d, "don't care") : dec_printf(d, "%u", dec_get_be32(v));
	} else if (id == 127 && plen == 20) {
		uint32_t u = dec_get_be32(v + 4);
		float size;
		memcpy(&size, &u, sizeof size);
		dec_printf(d, "\n\t\tToken Bucket Rate: ");
		mbps(d, v, 0);
		dec_printf(d, "\n\t\tToken Bucket Size: %.10g bytes\n\t\tPeak Data Rate: ", (double)size);
		mbps(d, v + 8, 0);
		dec_printf(d, "\n\t\tMinimum Policed Unit: %u bytes\n\t\tMaximum Packet Size: %u bytes",
			   dec_get_be32(v + 12), dec_get_be32(v + 16));
	} else if (id == 130 && plen == 8) {
		dec_printf(d, "\n\t\tRate: ");
		mbps(d, v, 0);
		dec_printf(d, "\n\t\tSlack Term: %u", dec_get_be32(v + 4));
	} else if (id != 6 && id != 8 && id != 127 && id != 130 && d->o.vflag <= 1)
		dec_unknown_data(d, v, "\n\t\t", plen);
}

/* Sender TSpec, Adspec and Flowspec: IntServ services and parameters. */
static void intserv(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	unsigned tlen = o->tlen - 4;
	dec_printf(d, "%s  Msg-Version: %u, length: %u", o->ind, (p[0] & 0xf0u) >> 4, (unsigned)dec_get_be16(p + 2) << 2);
	for (p += 4; tlen >= 4;) {
		unsigned slen = (unsigned)dec_get_be16(p + 2) << 2;
		dec_printf(d, "%s  Service Type: %s (%u), break bit %sset, Service length: %u", o->ind,
			   dec_tok(services, p[0], "unknown"), p[0], (p[1] & 0x80) ? "" : "not ", slen);
		p += 4;
		tlen -= 4;
		while (slen >= 4 && tlen >= 4) { /* one parameter */
			unsigned id = p[0], plen = (unsigned)dec_get_be16(p + 2) << 2;
			dec_printf(d, "\n\t      Parameter ID: %s (%u), length: %u, Flags: [0x%02x]",
				   dec_tok(intserv_params, id, "unknown"), id, plen, p[1]);
			if (tlen < plen + 4)
				break;
			intserv_value(d, id, p + 4, plen);
			tlen -= plen + 4;
			slen -= plen + 4;
			p += plen + 4;
		}
	}
}

static void frr(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	dec_printf(d, "%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: ", o->ind, p[0], p[1], p[2]);
	mbps(d, p + 4, 1);
	if (o->ctype == 1)
		dec_printf(d, "%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x", o->ind,
			   dec_get_be32(p + 8), dec_get_be32(p + 12), dec_get_be32(p + 16));
	else
		dec_printf(d, "%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x", o->ind, dec_get_be32(p + 8),
			   dec_get_be32(p + 12));
}

static void detour(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	for (unsigned n = o->tlen; n >= 8; n -= 8, p += 8) {
		dec_printf(d, "%s  PLR-ID: ", o->ind);
		dec_ip4addr(d, p);
		dec_printf(d, ", Avoid-Node-ID: ");
		dec_ip4addr(d, p + 4);
	}
}

static void classtype(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, "%s  CT: %u", o->ind, dec_get_be32(o->p) & 7u);
}

/* Error Spec (1, 3: IPv4; 2, 4: IPv6, which names routing errors only). */
static void error_spec(struct dec_ctx *d, struct obj *o)
{
	int v6 = o->ctype % 2 == 0;
	unsigned a = v6 ? 16 : 4, code = o->p[a + 1], value = dec_get_be16(o->p + a + 2);
	dec_printf(d, "%s  Error Node Address: ", o->ind);
	addr(d, o->p, v6);
	dec_printf(d, ", Flags: [0x%02x]%s  Error Code: %s (%u)", o->p[a], o->ind, dec_tok(error_codes, code, "unknown"),
		   code);
	const char *const *names = code == ERR_ROUTING ? routing_errors
				   : !v6 && (code == ERR_DIFFSERV || code == ERR_DIFFSERV_OLD) ? diffserv_errors : NULL;
	unsigned n = code == ERR_ROUTING ? sizeof routing_errors / sizeof routing_errors[0]
					 : sizeof diffserv_errors / sizeof diffserv_errors[0];
	if (names)
		dec_printf(d, ", Error Value: %s (%u)", value < n && names[value] ? names[value] : "unknown", value);
	else if (!v6)
		dec_printf(d, ", Unknown Error Value (%u)", value);
}

static int properties(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	unsigned pad = dec_get_be16(p + 2), tlen = o->tlen - 4;
	dec_printf(d, "%s  TLV count: %u, padding bytes: %u", o->ind, dec_get_be16(p), pad);
	for (p += 4; tlen >= 2 + pad; tlen -= p[1], p += p[1]) {
		dec_printf(d, "%s    %s TLV (0x%02x), length: %u", o->ind, dec_tok(prop_tlvs, p[0], "unknown"), p[0], p[1]);
		if (tlen < p[1])
			return R_SHORT;
		if (p[1] < 2) {
			dec_printf(d, "%sERROR: property TLV is too short", o->ind);
			return R_STOP;
		}
		dec_unknown_data(d, p + 2, "\n\t\t", p[1] - 2u);
	}
	return R_OK;
}

static void msgid(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	dec_printf(d, "%s  Flags [0x%02x], epoch: %u", o->ind, p[0], be24(p + 1));
	for (unsigned n = o->tlen - 4; p += 4, n >= 4; n -= 4)
		dec_printf(d, "%s    Message-ID 0x%08x (%u)", o->ind, dec_get_be32(p), dec_get_be32(p));
}

/* RFC 2747's integrity: tcpdump checks the digest only with a secret
 * (-M), which we do not take. */
static void integrity(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	dec_printf(d, "%s  Key-ID 0x%04x%08x, Sequence 0x%08x%08x, Flags [", o->ind, dec_get_be16(p + 2),
		   dec_get_be32(p + 4), dec_get_be32(p + 8), dec_get_be32(p + 12));
	dec_bits(d, integrity_flags, p[0], "none");
	dec_printf(d, "]%s  MD5-sum 0x%08x%08x%08x%08x  (unchecked)", o->ind, dec_get_be32(p + 16), dec_get_be32(p + 20),
		   dec_get_be32(p + 24), dec_get_be32(p + 28));
}

static void admin_status(struct dec_ctx *d, struct obj *o)
{
	dec_printf(d, "%s  Flags [", o->ind);
	dec_bits(d, admin_flags, dec_get_be32(o->p), "none");
	dec_printf(d, "]");
}

static int label_set(struct dec_ctx *d, struct obj *o)
{
	const uint8_t *p = o->p;
	unsigned action = p[0];
	dec_printf(d, "%s  Action: %s (%u), Label type: %u", o->ind, dec_tok(label_set_actions, action, "Unknown"),
		   action, dec_get_be32(p) & 0x7fu);
	if (action == 2 || action == 3) {
		if (o->tlen < 12)
			return R_SHORT;
		dec_printf(d, "%s  Start range: %u, End range: %u", o->ind, dec_get_be32(p + 4), dec_get_be32(p + 8));
		return R_OK;
	}
	unsigned i = 1;
	for (unsigned n = o->tlen - 4; p += 4, n >= 4; n -= 4)
		dec_printf(d, "%s  Subchannel #%u: %u", o->ind, i++, dec_get_be32(p));
	return R_OK;
}

/* The object printers by class and C-Type (a bit per C-Type), with the
 * body length below which tcpdump says "object is too short".  A printer
 * returning void decodes without complaint; a class listed here with
 * none of its C-Types matching is dumped in hex. */
#define B(t) (1u << (t))
static const struct orow {
	uint8_t cls;
	uint16_t ctypes;
	uint8_t min;
	void (*print)(struct dec_ctx *d, struct obj *o);
	int (*check)(struct dec_ctx *d, struct obj *o);
} rows[] = {
	{ C_SESSION, B(1), 8, session_ip, NULL }, { C_SESSION, B(2), 20, session_ip, NULL },
	{ C_SESSION, B(8), 36, session_tunnel, NULL }, { C_SESSION, B(14), 26, session_tunnel, NULL },
	{ C_SESSION, B(7) | B(11) | B(13), 12, session_tunnel, NULL },
	{ C_CONFIRM, B(1), 4, one_address, NULL }, { C_CONFIRM, B(2), 16, one_address, NULL },
	{ C_NOTIFY_REQ, B(1), 4, one_address, NULL }, { C_NOTIFY_REQ, B(2), 16, one_address, NULL },
	{ C_S2L, B(1), 4, one_address, NULL }, { C_S2L, B(2), 16, one_address, NULL },
	{ C_LABEL, B(1), 0, labels, NULL }, { C_LABEL, B(2), 4, labels, NULL }, { C_LABEL, B(3), 12, labels, NULL },
	{ C_SUGGESTED_LABEL, B(1), 0, labels, NULL }, { C_SUGGESTED_LABEL, B(2), 4, labels, NULL },
	{ C_SUGGESTED_LABEL, B(3), 12, labels, NULL }, { C_UPSTREAM_LABEL, B(1), 0, labels, NULL },
	{ C_UPSTREAM_LABEL, B(2), 4, labels, NULL }, { C_UPSTREAM_LABEL, B(3), 12, labels, NULL },
	{ C_RECOVERY_LABEL, B(1), 0, labels, NULL }, { C_RECOVERY_LABEL, B(2), 4, labels, NULL },
	{ C_RECOVERY_LABEL, B(3), 12, labels, NULL }, { C_STYLE, B(1), 4, style, NULL },
	{ C_SENDER_TEMPLATE, B(1), 8, source, NULL }, { C_SENDER_TEMPLATE, B(2), 20, source, NULL },
	{ C_SENDER_TEMPLATE, B(12), 16, sender_p2mp, NULL }, { C_SENDER_TEMPLATE, B(13), 40, sender_p2mp, NULL },
	{ C_SENDER_TEMPLATE, B(7), 8, sender_tunnel4, NULL },
	{ C_FILTERSPEC, B(1), 8, source, NULL }, { C_FILTERSPEC, B(2), 20, source, NULL },
	{ C_FILTERSPEC, B(3) | B(8), 20, filter_other, NULL }, { C_FILTERSPEC, B(12), 16, sender_p2mp, NULL },
	{ C_FILTERSPEC, B(13), 40, sender_p2mp, NULL }, { C_FILTERSPEC, B(7), 8, sender_tunnel4, NULL },
	{ C_LABEL_REQ, B(1), 0, label_req, NULL }, { C_LABEL_REQ, B(2) | B(3), 12, label_req, NULL },
	{ C_LABEL_REQ, B(4), 4, label_req_gmpls, NULL },
	{ C_ERO, B(1), 0, NULL, route }, { C_RRO, B(1), 0, NULL, route },
	{ C_HELLO, B(1) | B(2), 8, two_words, NULL }, { C_RESTART, B(1), 8, two_words, NULL },
	{ C_CAPABILITY, B(1), 4, capability, NULL }, { C_SESSION_ATTR, B(7), 4, NULL, session_attr },
	{ C_GEN_UNI, B(1), 4, NULL, gen_uni }, { C_HOP, B(1) | B(3), 8, NULL, hop },
	{ C_HOP, B(2) | B(4), 20, NULL, hop }, { C_TIME, B(1), 4, time_values, NULL },
	{ C_SENDER_TSPEC, B(2), 4, intserv, NULL }, { C_ADSPEC, B(2), 4, intserv, NULL },
	{ C_FLOWSPEC, B(2), 4, intserv, NULL }, { C_FRR, B(1), 20, frr, NULL }, { C_FRR, B(7), 16, frr, NULL },
	{ C_DETOUR, B(7), 0, detour, NULL }, { C_CLASSTYPE, B(1), 4, classtype, NULL },
	{ C_CLASSTYPE_OLD, B(1), 4, classtype, NULL }, { C_ERROR, B(1) | B(3), 8, error_spec, NULL },
	{ C_ERROR, B(2) | B(4), 20, error_spec, NULL }, { C_PROPERTIES, B(1), 4, NULL, properties },
	{ C_MSGID, B(1) | B(2), 4, msgid, NULL }, { C_MSGID_ACK, B(1) | B(2), 4, msgid, NULL },
	{ C_MSGID_LIST, B(1) | B(2), 4, msgid, NULL }, { C_INTEGRITY, B(1), 32, integrity, NULL },
	{ C_ADMIN_STATUS, B(1), 4, admin_status, NULL }, { C_LABEL_SET, B(1), 4, NULL, label_set },
};

/* One object's body through its row: R_*, or -1 for a class without a
 * decoder. */
static int print_body(struct dec_ctx *d, struct obj *o)
{
	int known = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct orow *r = &rows[i];
		if (r->cls != o->cls)
			continue;
		known = 1;
		if (o->ctype >= 16 || !(r->ctypes & B(o->ctype)))
			continue;
		if (o->tlen < r->min)
			return R_SHORT;
		if (r->check)
			return r->check(d, o);
		r->print(d, o);
		return R_OK;
	}
	return known ? R_HEX : -1;
}

/* The objects of one message; -1 where tcpdump stops the message. */
static int print_objects(struct dec_ctx *d, const uint8_t *p, const char *ind, unsigned tlen)
{
	static const char *const errors[] = {
		[R_SHORT] = "%sERROR: object is too short", [R_SUBSHORT] = "%sERROR: sub-object is too short",
	};
	while (tlen >= 4) {
		if (!dec_has(d, p, 4)) {
			dec_printf(d, " [|rsvp]");
			return -1;
		}
		unsigned len = dec_get_be16(p), cls = p[2], ctype = p[3];
		if (len % 4 || len < 4) {
			dec_printf(d, len % 4 ? "%sERROR: object header size %u not a multiple of 4"
					      : "%sERROR: object header too short %u < 4", ind, len);
			return -1;
		}
		dec_printf(d, "%s%s Object (%u) Flags: [%s if unknown], Class-Type: %s (%u), length: %u", ind,
			   dec_tok(classes, cls, "Unknown"), cls,
			   (cls & 0x80) ? ((cls & 0x40) ? "ignore and forward" : "ignore silently") : "reject",
			   ctype_name(cls, ctype), ctype, len);
		if (tlen < len) {
			dec_printf(d, "%sERROR: object goes past end of objects TLV", ind);
			return -1;
		}
		if (!dec_has(d, p, len)) {
			dec_printf(d, " [|rsvp]");
			return -1;
		}
		struct obj o = { ind, cls, ctype, p + 4, len - 4 };
		int r = print_body(d, &o);
		if (r == -1 && d->o.vflag <= 1) /* a class without a decoder */
			dec_unknown_data(d, p + 4, "\n\t    ", len - 4);
		if (r == R_SHORT || r == R_SUBSHORT)
			dec_printf(d, errors[r], ind);
		else if (r == R_INVALID)
			dec_printf(d, " (invalid)");
		if (r != -1 && r != R_OK && r != R_HEX)
			return -1;
		if (d->o.vflag > 1 || r == R_HEX)
			dec_unknown_data(d, p + 4, "\n\t    ", len - 4);
		p += len;
		tlen -= len;
	}
	return 0;
}

/* A message's -v header line; 0 after tcpdump's complaint about it. */
static int print_header(struct dec_ctx *d, const uint8_t *p, const char *ind)
{
	unsigned vf = p[0], type = p[1], len = dec_get_be16(p + 6);
	dec_printf(d, "%sRSVPv%u ", ind, vf >> 4);
	dec_tokf(d, msg_types, type, "unknown, type: %u");
	dec_printf(d, " Message (%u), Flags: [", type);
	dec_bits(d, header_flags, vf & 0x0f, "none");
	dec_printf(d, "], length: %u, ttl: %u, checksum: 0x%04x", len, p[4], dec_get_be16(p + 2));
	if (len < RSVP_HDR) {
		dec_printf(d, "ERROR: common header too short %u < %u", len, RSVP_HDR);
		return 0;
	}
	return 1;
}

/* A Bundle's messages, each with its header and objects. */
static void print_bundle(struct dec_ctx *d, const uint8_t *p, unsigned tlen)
{
	for (unsigned sub = 0; tlen > 0; p += sub, tlen -= sub) {
		if (!dec_has(d, p, RSVP_HDR)) {
			dec_printf(d, " [|rsvp]");
			return;
		}
		if (p[0] >> 4 != 1) {
			dec_printf(d, "ERROR: RSVP version %u packet not supported", p[0] >> 4);
			return;
		}
		if (!print_header(d, p, "\n\t  "))
			return;
		sub = dec_get_be16(p + 6);
		if (tlen < sub)
			dec_printf(d, "ERROR: common header too large %u > %u", sub, tlen);
		if (tlen < sub || print_objects(d, p + RSVP_HDR, "\n\t    ", sub - RSVP_HDR) < 0)
			return;
	}
}

void dec_rsvp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	(void)n;
	d->proto = d->app = "rsvp";
	if (!dec_has(d, p, RSVP_HDR)) {
		dec_printf(d, " [|rsvp]");
		return;
	}
	unsigned version = p[0] >> 4, type = p[1];
	if (version != 1) {
		dec_printf(d, "ERROR: RSVP version %u packet not supported", version);
		return;
	}
	if (!d->o.vflag) {
		dec_printf(d, "RSVPv%u ", version);
		dec_tokf(d, msg_types, type, "unknown (%u)");
		dec_printf(d, " Message, length: %zu", len);
		return;
	}
	if (!print_header(d, p, "\n\t"))
		return;
	unsigned tlen = dec_get_be16(p + 6) - RSVP_HDR;
	if (type == MSG_BUNDLE)
		print_bundle(d, p + RSVP_HDR, tlen);
	else if (dec_tok(msg_types, type, NULL))
		print_objects(d, p + RSVP_HDR, "\n\t  ", tlen);
	else
		dec_unknown_data(d, p + RSVP_HDR, "\n\t    ", tlen);
}
