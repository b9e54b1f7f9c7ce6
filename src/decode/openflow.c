/* openflow.c: OpenFlow (TCP 6653 and 6633) as tcpdump 4.99 prints it:
 * ": OpenFlow", then each message of the segment on its own line,
 *
 *   \n\tversion 1.0, type FLOW_REMOVED, length 88, xid 0x00000000
 *
 * and with -v the body of a version 1.0 message (OF 1.0 spec, section 5):
 * matches, actions, ports, queues, statistics, vendor data (Big Switch
 * Networks' extensions decoded); -vv adds the ports' bitmaps, the port
 * statistics, queue properties and data in hex; -vvv the Ethernet frame
 * of a PACKET_IN / PACKET_OUT.  Version 1.3's bodies are openflow13.c's
 * (sharing the helpers of openflow.h); other versions print their
 * header only.
 *
 * A message whose length breaks its type's rule gets " (invalid)" and the
 * next message follows (a header shorter than 8 bytes ends the segment).
 * Bytes missing from the capture end the line with " [|openflow]" (a
 * jump out, as tcpdump's). */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "decode/openflow.h"

#define OF_PHY_PORT_LEN 48
#define OF_MATCH_LEN 40
#define OF_FLOW_STATS_LEN 88
#define OF_TABLE_STATS_LEN 64
#define OF_PORT_STATS_LEN 104
#define OF_QUEUE_STATS_LEN 32
#define OF_PACKET_QUEUE_LEN 8
#define OF_QUEUE_PROP_LEN 8
#define OF_ACTION_LEN 8
#define OFPP_CONTROLLER 0xfffd
#define OFP_VLAN_NONE 0xffff
#define OUI_BSN 0x5c16c7

enum { OFPST_DESC, OFPST_FLOW, OFPST_AGGREGATE, OFPST_TABLE, OFPST_PORT, OFPST_QUEUE, OFPST_VENDOR = 0xffff };
enum {
	OFPAT_OUTPUT, OFPAT_SET_VLAN_VID, OFPAT_SET_VLAN_PCP, OFPAT_STRIP_VLAN, OFPAT_SET_DL_SRC,
	OFPAT_SET_DL_DST, OFPAT_SET_NW_SRC, OFPAT_SET_NW_DST, OFPAT_SET_NW_TOS, OFPAT_SET_TP_SRC,
	OFPAT_SET_TP_DST, OFPAT_ENQUEUE, OFPAT_VENDOR = 0xffff,
};
/* the match's wildcard bits */
enum {
	OFPFW_IN_PORT = 1 << 0, OFPFW_DL_VLAN = 1 << 1, OFPFW_DL_SRC = 1 << 2, OFPFW_DL_DST = 1 << 3,
	OFPFW_DL_TYPE = 1 << 4, OFPFW_NW_PROTO = 1 << 5, OFPFW_TP_SRC = 1 << 6, OFPFW_TP_DST = 1 << 7,
	OFPFW_DL_VLAN_PCP = 1 << 20, OFPFW_NW_TOS = 1 << 21, OFPFW_ALL = (1 << 22) - 1,
};

static const struct dec_tok ofppc_bm[] = {
	{ 1 << 0, "PORT_DOWN" }, { 1 << 1, "NO_STP" }, { 1 << 2, "NO_RECV" }, { 1 << 3, "NO_RECV_STP" },
	{ 1 << 4, "NO_FLOOD" }, { 1 << 5, "NO_FWD" }, { 1 << 6, "NO_PACKET_IN" }, { 0, NULL },
};
/* a port's STP state (two bits) */
#define OFPPS_STP_MASK (3u << 8)
static const struct dec_tok ofpps_stp[] = {
	{ 0 << 8, "STP_LISTEN" }, { 1 << 8, "STP_LEARN" }, { 2 << 8, "STP_FORWARD" }, { 3 << 8, "STP_BLOCK" },
	{ 0, NULL },
};
static const struct dec_tok ofpp_str[] = {
	{ 0xff00, "MAX" }, { 0xfff8, "IN_PORT" }, { 0xfff9, "TABLE" }, { 0xfffa, "NORMAL" }, { 0xfffb, "FLOOD" },
	{ 0xfffc, "ALL" }, { 0xfffd, "CONTROLLER" }, { 0xfffe, "LOCAL" }, { 0xffff, "NONE" }, { 0, NULL },
};
static const struct dec_tok ofppf_bm[] = {
	{ 1 << 0, "10MB_HD" }, { 1 << 1, "10MB_FD" }, { 1 << 2, "100MB_HD" }, { 1 << 3, "100MB_FD" },
	{ 1 << 4, "1GB_HD" }, { 1 << 5, "1GB_FD" }, { 1 << 6, "10GB_FD" }, { 1 << 7, "COPPER" },
	{ 1 << 8, "FIBER" }, { 1 << 9, "AUTONEG" }, { 1 << 10, "PAUSE" }, { 1 << 11, "PAUSE_ASYM" }, { 0, NULL },
};
static const struct dec_tok ofpqt_str[] = { { 0, "NONE" }, { 1, "MIN_RATE" }, { 0, NULL } };
static const struct dec_tok ofpfw_bm[] = {
	{ OFPFW_IN_PORT, "IN_PORT" }, { OFPFW_DL_VLAN, "DL_VLAN" }, { OFPFW_DL_SRC, "DL_SRC" },
	{ OFPFW_DL_DST, "DL_DST" }, { OFPFW_DL_TYPE, "DL_TYPE" }, { OFPFW_NW_PROTO, "NW_PROTO" },
	{ OFPFW_TP_SRC, "TP_SRC" }, { OFPFW_TP_DST, "TP_DST" }, { OFPFW_DL_VLAN_PCP, "DL_VLAN_PCP" },
	{ OFPFW_NW_TOS, "NW_TOS" }, { 0, NULL },
};
static const struct dec_tok ofpat_str[] = {
	{ 0, "OUTPUT" }, { 1, "SET_VLAN_VID" }, { 2, "SET_VLAN_PCP" }, { 3, "STRIP_VLAN" }, { 4, "SET_DL_SRC" },
	{ 5, "SET_DL_DST" }, { 6, "SET_NW_SRC" }, { 7, "SET_NW_DST" }, { 8, "SET_NW_TOS" }, { 9, "SET_TP_SRC" },
	{ 10, "SET_TP_DST" }, { 11, "ENQUEUE" }, { 0xffff, "VENDOR" }, { 0, NULL },
};
/* the typed lists: actions, queue properties */
static const struct of_elems of_acts = { OF_ACTION_LEN, "action type", ofpat_str, "invalid (0x%04x)", ", len" };
static const struct of_elems of_props = { OF_QUEUE_PROP_LEN, "property", ofpqt_str, "invalid (0x%04x)", ", len" };
/* the actions a switch supports, bit 1 << type */
static const struct dec_tok ofpat_bm[] = {
	{ 1 << 0, "OUTPUT" }, { 1 << 1, "SET_VLAN_VID" }, { 1 << 2, "SET_VLAN_PCP" }, { 1 << 3, "STRIP_VLAN" },
	{ 1 << 4, "SET_DL_SRC" }, { 1 << 5, "SET_DL_DST" }, { 1 << 6, "SET_NW_SRC" }, { 1 << 7, "SET_NW_DST" },
	{ 1 << 8, "SET_NW_TOS" }, { 1 << 9, "SET_TP_SRC" }, { 1 << 10, "SET_TP_DST" }, { 1 << 11, "ENQUEUE" },
	{ 0, NULL },
};
static const struct dec_tok ofp_capabilities_bm[] = {
	{ 1 << 0, "FLOW_STATS" }, { 1 << 1, "TABLE_STATS" }, { 1 << 2, "PORT_STATS" }, { 1 << 3, "STP" },
	{ 1 << 4, "RESERVED" }, { 1 << 5, "IP_REASM" }, { 1 << 6, "QUEUE_STATS" }, { 1 << 7, "ARP_MATCH_IP" },
	{ 0, NULL },
};
const struct dec_tok of_frag_str[] = {
	{ 0, "FRAG_NORMAL" }, { 1, "FRAG_DROP" }, { 2, "FRAG_REASM" }, { 0, NULL },
};
static const struct dec_tok ofpfc_str[] = {
	{ 0, "ADD" }, { 1, "MODIFY" }, { 2, "MODIFY_STRICT" }, { 3, "DELETE" }, { 4, "DELETE_STRICT" }, { 0, NULL },
};
static const struct dec_tok bufferid_str[] = { { 0xffffffffu, "NONE" }, { 0, NULL } };
static const struct dec_tok ofpff_bm[] = {
	{ 1 << 0, "SEND_FLOW_REM" }, { 1 << 1, "CHECK_OVERLAP" }, { 1 << 2, "EMERG" }, { 0, NULL },
};
static const struct dec_tok ofpst_str[] = {
	{ 0, "DESC" }, { 1, "FLOW" }, { 2, "AGGREGATE" }, { 3, "TABLE" }, { 4, "PORT" }, { 5, "QUEUE" },
	{ 0xffff, "VENDOR" }, { 0, NULL },
};
static const struct dec_tok tableid_str[] = { { 0xfe, "EMERG" }, { 0xff, "ALL" }, { 0, NULL } };
static const struct dec_tok ofpq_str[] = { { 0xffffffffu, "ALL" }, { 0, NULL } };
static const struct dec_tok ofpsf_reply_bm[] = { { 1, "MORE" }, { 0, NULL } };
static const struct dec_tok ofpr_str[] = { { 0, "NO_MATCH" }, { 1, "ACTION" }, { 0, NULL } };
static const struct dec_tok ofprr_str[] = {
	{ 0, "IDLE_TIMEOUT" }, { 1, "HARD_TIMEOUT" }, { 2, "DELETE" }, { 0, NULL },
};
const struct dec_tok of_port_reason_str[] = { { 0, "ADD" }, { 1, "DELETE" }, { 2, "MODIFY" }, { 0, NULL } };
static const struct dec_tok ofpet_str[] = {
	{ 0, "HELLO_FAILED" }, { 1, "BAD_REQUEST" }, { 2, "BAD_ACTION" }, { 3, "FLOW_MOD_FAILED" },
	{ 4, "PORT_MOD_FAILED" }, { 5, "QUEUE_OP_FAILED" }, { 0, NULL },
};
/* the error codes, by error type (the row's index), each numbered from 0 */
static const char *const error_codes[] = {
	"INCOMPATIBLE EPERM",
	"BAD_VERSION BAD_TYPE BAD_STAT BAD_VENDOR BAD_SUBTYPE EPERM BAD_LEN BUFFER_EMPTY BUFFER_UNKNOWN",
	"BAD_TYPE BAD_LEN BAD_VENDOR BAD_VENDOR_TYPE BAD_OUT_PORT BAD_ARGUMENT EPERM TOO_MANY BAD_QUEUE",
	"ALL_TABLES_FULL OVERLAP EPERM BAD_EMERG_TIMEOUT BAD_COMMAND UNSUPPORTED",
	"BAD_PORT BAD_HW_ADDR",
	"BAD_PORT BAD_QUEUE EPERM",
};
static const struct dec_tok onf_exp_str[] = {
	{ 0x4f4e4600, "ONF Extensions" }, { 0xff000001, "Budapest University of Technology and Economics" },
	{ 0xff000002, "NoviFlow" }, { 0xff000003, "L3+ Extensions, Vendor Neutral" },
	{ 0xff000004, "L4-L7 Extensions" }, { 0xff000005, "Wireless and Mobility Extensions" },
	{ 0xff000006, "Forwarding Abstractions Extensions" }, { 0xff000007, "Optical Transport Extensions" },
	{ 0xff000008, "Network Benchmarking Lab, NCTU" }, { 0xff000009, "Mobile Packet Core Extensions" },
	{ 0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN" }, { 0, NULL },
};
static const struct dec_tok bsn_subtype_str[] = {
	{ 0, "SET_IP_MASK" }, { 1, "GET_IP_MASK_REQUEST" }, { 2, "GET_IP_MASK_REPLY" }, { 3, "SET_MIRRORING" },
	{ 4, "GET_MIRRORING_REQUEST" }, { 5, "GET_MIRRORING_REPLY" }, { 6, "SHELL_COMMAND" },
	{ 7, "SHELL_OUTPUT" }, { 8, "SHELL_STATUS" }, { 9, "GET_INTERFACES_REQUEST" },
	{ 10, "GET_INTERFACES_REPLY" }, { 11, "SET_PKTIN_SUPPRESSION_REQUEST" }, { 12, "SET_L2_TABLE_REQUEST" },
	{ 13, "GET_L2_TABLE_REQUEST" }, { 14, "GET_L2_TABLE_REPLY" }, { 15, "VIRTUAL_PORT_CREATE_REQUEST" },
	{ 16, "VIRTUAL_PORT_CREATE_REPLY" }, { 17, "VIRTUAL_PORT_REMOVE_REQUEST" },
	{ 18, "BW_ENABLE_SET_REQUEST" }, { 19, "BW_ENABLE_GET_REQUEST" }, { 20, "BW_ENABLE_GET_REPLY" },
	{ 21, "BW_CLEAR_DATA_REQUEST" }, { 22, "BW_CLEAR_DATA_REPLY" }, { 23, "BW_ENABLE_SET_REPLY" },
	{ 24, "SET_L2_TABLE_REPLY" }, { 25, "SET_PKTIN_SUPPRESSION_REPLY" }, { 26, "VIRTUAL_PORT_REMOVE_REPLY" },
	{ 27, "HYBRID_GET_REQUEST" }, { 28, "HYBRID_GET_REPLY" }, { 31, "PDU_TX_REQUEST" },
	{ 32, "PDU_TX_REPLY" }, { 33, "PDU_RX_REQUEST" }, { 34, "PDU_RX_REPLY" }, { 35, "PDU_RX_TIMEOUT" },
	{ 0, NULL },
};
static const struct dec_tok bsn_action_subtype_str[] = {
	{ 1, "MIRROR" }, { 2, "SET_TUNNEL_DST" }, { 4, "CHECKSUM" }, { 0, NULL },
};
static const struct dec_tok bsn_mirror_copy_stage_str[] = { { 0, "INGRESS" }, { 1, "EGRESS" }, { 0, NULL } };
static const struct dec_tok bsn_onoff_str[] = { { 0, "OFF" }, { 1, "ON" }, { 0, NULL } };

/* The bits a table leaves bogus, where they are not just the others:
 * wildcards (the address widths are no names), capabilities (RESERVED
 * has a name but is bogus). */
static uint32_t of_bogus(const struct dec_tok *t)
{
	uint32_t known = 0;
	if (t == ofpfw_bm)
		return ~(uint32_t)OFPFW_ALL;
	for (const struct dec_tok *e = t; e->s; e++)
		known |= e->v;
	return t == ofp_capabilities_bm ? ~(known & ~0x10u) : ~known;
}
/* " (NAME, NAME)" for v's bits when one of them is assigned, then
 * " (bogus)" when one is not (tcpdump's of_bitmap_print). */
void of_bitmap(struct dec_ctx *d, const struct dec_tok *t, uint32_t v)
{
	uint32_t u = of_bogus(t);
	if (v & ~u) {
		dec_printf(d, " (");
		dec_bits(d, t, v, "");
		dec_printf(d, ")");
	}
	if (v & u)
		dec_printf(d, " (bogus)");
}
/* a 32-bit field as "\n\t LABEL 0x%08x" and its bits */
void of_bits32(struct of *o, const char *label, const struct dec_tok *t)
{
	uint32_t v = of_u32(o);
	dec_printf(o->d, "%s 0x%08x", label, v);
	of_bitmap(o->d, t, v);
}
/* "LABEL NAME" of a value read before its label is printed (so that a
 * field cut short prints nothing of itself, as tcpdump's). */
void of_tok(struct of *o, const char *label, const struct dec_tok *t, uint32_t v, const char *fmt)
{
	dec_printf(o->d, "%s ", label);
	dec_tokf(o->d, t, v, fmt);
}
static void of_port(struct of *o, const char *label)
{
	of_tok(o, label, ofpp_str, of_u16(o), "%u");
}
void of_mac(struct of *o, const char *label)
{
	const uint8_t *a = of_take(o, 6);
	dec_printf(o->d, "%s ", label);
	dec_mac(o->d, a);
}
static void of_ip(struct of *o, const char *label)
{
	const uint8_t *a = of_take(o, 4);
	dec_printf(o->d, "%s ", label);
	dec_ip4addr(o->d, a);
}
/* A NUL-padded string field of n bytes, quoted, read up to its NUL (a
 * cut shows its captured part). */
void of_str(struct of *o, const char *label, size_t n)
{
	dec_printf(o->d, "%s '", label);
	for (size_t i = 0; i < n; i++) {
		uint8_t c = dec_u8(o->d, o->p + i);
		if (!c)
			break;
		dec_putc_safe(o->d, c);
	}
	dec_printf(o->d, "'");
	o->p += n;
}
static void of_vlan(struct dec_ctx *d, const char *label, unsigned vid)
{
	if (vid == OFP_VLAN_NONE)
		dec_printf(d, "%s NONE", label);
	else
		dec_printf(d, "%s %u%s", label, vid, vid > 0 && vid < 0x0fff ? "" : " (bogus)");
}
static void of_pcp(struct dec_ctx *d, const char *label, unsigned pcp)
{
	dec_printf(d, "%s %u%s", label, pcp, pcp <= 7 ? "" : " (bogus)");
}
/* A list of n 64-bit counters, ", NAME %llu" each (names space-separated). */
static void of_counters(struct of *o, const char *names)
{
	while (*names) {
		size_t n = strcspn(names, " ");
		dec_printf(o->d, ", %.*s %llu", (int)n, names, of_u64(o));
		names += n + (names[n] == ' ');
	}
}

/* " (invalid)", then the whole of what was to be skipped must be there. */
const uint8_t *of_invalid(struct of *o, const uint8_t *from, size_t len)
{
	dec_printf(o->d, " (invalid)");
	dec_need(o->d, from, len);
	return from + len;
}

/* In a list of elements (len bytes left of len0 from p0): an element
 * shorter than min ends the list, " (invalid)" (returns 1). */
static int of_short(struct of *o, size_t len, size_t min, const uint8_t *p0, size_t len0)
{
	if (len >= min)
		return 0;
	o->p = of_invalid(o, p0, len0);
	return 1;
}
/* An element's 16-bit length, ", len N": 0 when it is below min or past
 * the list's end (" (invalid)", the list ends). */
static int of_elem_len(struct of *o, size_t len, size_t min, const uint8_t *p0, size_t len0, const char *label,
		       unsigned *n)
{
	*n = of_u16(o);
	dec_printf(o->d, "%s %u", label, *n);
	if (*n >= min && *n <= len)
		return 1;
	o->p = of_invalid(o, p0, len0);
	return 0;
}

/* A typed element's header (openflow.h). */
int of_elem_head(struct of *o, size_t len, const uint8_t *p0, size_t len0, const char *pfx,
		 const struct of_elems *e, unsigned *type, unsigned *elen)
{
	if (of_short(o, len, e->min, p0, len0))
		return 0;
	*type = of_u16(o);
	dec_printf(o->d, "%s%s ", pfx, e->word);
	dec_tokf(o->d, e->names, *type, e->unknown);
	return of_elem_len(o, len, e->min, p0, len0, e->lenword, elen);
}

void of_data(struct of *o, size_t len)
{
	if (!len)
		return;
	dec_printf(o->d, "\n\t data (%zu octets)", len);
	if (o->d->o.vflag >= 2) { /* the captured part, then the cut */
		dec_hexascii_at(o->d, "\n\t  ", o->p, dec_avail(o->d, o->p, len));
		dec_need(o->d, o->p, len);
	}
	of_take(o, len);
}

const char *of_vendor_name(uint32_t vendor)
{
	const char *s = (vendor & 0xff000000u) ? dec_tok(onf_exp_str, vendor, NULL) : dec_oui_name(vendor);
	return s ? s : "unknown";
}

/* Big Switch Networks' message: each subtype with the body length it
 * must have (-1: at least 8, -2: any) and its fields (i: index byte
 * and pad, m: mask, r: report_mirror_ports, v: vport_no, s: service and
 * data, o: data, t: status). */
static const struct { unsigned sub; int len; const char *fields; } bsn_msgs[] = {
	{ 1, 12, "i7" }, { 0, 12, "i3m" }, { 2, 12, "i3m" }, { 3, 8, "r" }, { 4, 8, "r" }, { 5, 8, "r" },
	{ 9, 4, "" }, { 13, 4, "" }, { 19, 4, "" }, { 21, 4, "" }, { 27, 4, "" }, { 17, 8, "v" },
	{ 6, -1, "s" }, { 7, -2, "o" }, { 8, 8, "t" },
};

static void of_text(struct of *o, size_t n)
{
	dec_printf(o->d, ", data '");
	for (size_t i = 0; i < n; i++) {
		if (!dec_has(o->d, o->p + i, 1)) {
			dec_trunc(o->d);
		}
		dec_putc_safe(o->d, o->p[i]);
	}
	dec_printf(o->d, "'");
	o->p += n;
}

/* A BSN extension's subtype, printed after label; 0 when there is none
 * (" (invalid)"). */
static int of_bsn_subtype(struct of *o, size_t len, const char *label, const struct dec_tok *t, uint32_t *sub)
{
	if (len < 4) {
		o->p = of_invalid(o, o->p, len);
		return 0;
	}
	*sub = of_u32(o);
	of_tok(o, label, t, *sub, "unknown (0x%08x)");
	return 1;
}

static void of_bsn_message(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	uint32_t sub;
	if (!of_bsn_subtype(o, len, "\n\t subtype", bsn_subtype_str, &sub))
		return;
	for (size_t i = 0; i < sizeof bsn_msgs / sizeof bsn_msgs[0]; i++) {
		if (bsn_msgs[i].sub != sub)
			continue;
		int want = bsn_msgs[i].len;
		if ((want >= 0 && len != (size_t)want) || (want == -1 && len < 8)) {
			o->p = of_invalid(o, p0, len);
			return;
		}
		for (const char *f = bsn_msgs[i].fields; *f; f++) {
			switch (*f) {
			case 'i': dec_printf(o->d, ", index %u", of_u8(o)); break;
			case '3': of_take(o, 3); break;
			case '7': of_take(o, 7); break;
			case 'm': of_ip(o, ", mask"); break;
			case 'r':
				of_tok(o, ", report_mirror_ports", bsn_onoff_str, of_u8(o), "bogus (%u)");
				of_take(o, 3);
				break;
			case 'v': dec_printf(o->d, ", vport_no %u", of_u32(o)); break;
			case 's':
				dec_printf(o->d, ", service %u", of_u32(o));
				of_text(o, len - 8);
				break;
			case 'o': of_text(o, len - 4); break;
			case 't': dec_printf(o->d, ", status 0x%08x", of_u32(o)); break;
			}
		}
		return;
	}
	of_take(o, len - 4);
}

static void of_bsn_action(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	uint32_t sub;
	if (!of_bsn_subtype(o, len, "\n\t  subtype", bsn_action_subtype_str, &sub))
		return;
	if (sub != 1) { /* only the mirror action is decoded */
		of_take(o, len - 4);
		return;
	}
	if (len != 16) {
		o->p = of_invalid(o, p0, len);
		return;
	}
	dec_printf(o->d, ", dest_port %u", of_u32(o));
	uint32_t tag = of_u32(o);
	if (tag >> 16 == 0)
		dec_printf(o->d, ", vlan_tag none");
	else if (tag >> 16 == PROTO_ETH_VLAN)
		dec_printf(o->d, ", vlan_tag 802.1Q (vlan %u, p %u%s)", tag & 0xfff, (tag >> 13) & 7,
			   (tag & 0x1000) ? ", DEI" : "");
	else
		dec_printf(o->d, ", vlan_tag unknown (0x%04x)", tag >> 16);
	of_tok(o, ", copy_stage", bsn_mirror_copy_stage_str, of_u8(o), "unknown (%u)");
	of_take(o, 3);
}

/* Vendor data: the vendor id, then BSN's decoding (action: of an action)
 * or plain data. */
static void of_vendor(struct of *o, size_t len, int action, int bsn)
{
	if (len < 4) {
		o->p = of_invalid(o, o->p, len);
		return;
	}
	uint32_t vendor = of_u32(o);
	dec_printf(o->d, ", vendor 0x%08x (%s)", vendor, of_vendor_name(vendor));
	if (bsn && vendor == OUI_BSN)
		(action ? of_bsn_action : of_bsn_message)(o, len - 4);
	else
		of_data(o, len - 4);
}

/* The frame in a packet's data: a truncation where tcpdump's printer
 * returns (" [|llc]") lets the next message follow; a jump ends all, and
 * leaves -v lowered by 3 for the rest of the capture, as in tcpdump. */
static void of_frame(struct dec_ctx *d, const uint8_t *q, size_t len)
{
	int hdrlen = d->hdrlen; /* the outer link header's, for -x */
	const uint8_t *end = d->end; /* the frame ends where its data does */
	jmp_buf outer;
	memcpy(&outer, &d->trunc, sizeof outer);
	if (q + len < d->end)
		d->end = q + len;
	int r = setjmp(d->trunc);
	if (r == DEC_TRUNC_NONE)
		dec_ether(d, q, len);
	memcpy(&d->trunc, &outer, sizeof outer);
	d->hdrlen = hdrlen;
	d->end = end;
	if (r == DEC_TRUNC_JUMP) /* tcpdump leaves its verbosity lowered by 3
				    for the rest of the capture then */
		longjmp(d->trunc, r);
}

static void of_packet_data(struct of *o, size_t len)
{
	if (!len)
		return;
	struct dec_ctx *d = o->d;
	dec_printf(d, "\n\t data (%zu octets)", len);
	if (d->o.vflag < 3) {
		of_take(o, len);
		return;
	}
	const uint8_t *q = o->p; /* not checked: the frame's printers check it */
	o->p += len;
	d->o.vflag -= 3;
	dec_printf(d, ", frame decoding below\n");
	of_frame(d, q, len);
	d->o.vflag += 3; /* d->proto stays the frame's last printer's, as tcpdump's */
}

/* n fixed-size entries in len bytes (a short tail: " (invalid)"). */
static void of_entries(struct of *o, size_t len, size_t size, void (*entry)(struct of *))
{
	const uint8_t *p0 = o->p;
	size_t len0 = len;
	for (; len; len -= size) {
		if (len < size) {
			o->p = of_invalid(o, p0, len0);
			return;
		}
		entry(o);
	}
}

/* [OF10] 5.2.1: a port, of 48 bytes. */
static void of_phy_port(struct of *o)
{
	of_port(o, "\n\t  port_no");
	of_mac(o, ", hw_addr");
	of_str(o, ", name", 16);
	if (o->d->o.vflag < 2) {
		of_take(o, 24);
		return;
	}
	of_bits32(o, "\n\t   config", ofppc_bm);
	uint32_t state = of_u32(o); /* the STP state by name, then LINK_DOWN */
	dec_printf(o->d, "\n\t   state 0x%08x (%s%s)%s", state, dec_tok(ofpps_stp, state & OFPPS_STP_MASK, ""),
		   state & 1 ? ", LINK_DOWN" : "", state & ~(OFPPS_STP_MASK | 1u) ? " (bogus)" : "");
	of_bits32(o, "\n\t   curr", ofppf_bm);
	of_bits32(o, "\n\t   advertised", ofppf_bm);
	of_bits32(o, "\n\t   supported", ofppf_bm);
	of_bits32(o, "\n\t   peer", ofppf_bm);
}
static void of_phy_ports(struct of *o, size_t len)
{
	of_entries(o, len, OF_PHY_PORT_LEN, of_phy_port);
}

/* [OF10] 5.2.2: a queue's properties. */
static void of_queue_props(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	size_t len0 = len;
	while (len) {
		unsigned prop, plen;
		if (!of_elem_head(o, len, p0, len0, "\n\t   ", &of_props, &prop, &plen))
			return;
		of_take(o, 4);
		int bogus = (prop == 0 && plen != 8) || (prop == 1 && plen != 16);
		if (bogus)
			dec_printf(o->d, " (bogus)");
		if (bogus || prop > 1) {
			of_take(o, plen - OF_QUEUE_PROP_LEN);
		} else if (prop == 1) { /* MIN_RATE, in tenths of a percent */
			unsigned rate = of_u16(o);
			if (rate > 1000)
				dec_printf(o->d, ", rate disabled");
			else
				dec_printf(o->d, ", rate %u.%u%%", rate / 10, rate % 10);
			of_take(o, 6);
		}
		len -= plen;
	}
}

static void of_queues(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	size_t len0 = len;
	while (len) {
		unsigned qlen;
		if (of_short(o, len, OF_PACKET_QUEUE_LEN, p0, len0))
			return;
		dec_printf(o->d, "\n\t  queue_id %u", of_u32(o));
		if (!of_elem_len(o, len, OF_PACKET_QUEUE_LEN, p0, len0, ", len", &qlen))
			return;
		of_take(o, 2);
		if (o->d->o.vflag < 2)
			of_take(o, qlen - OF_PACKET_QUEUE_LEN);
		else
			of_queue_props(o, qlen - OF_PACKET_QUEUE_LEN);
		len -= qlen;
	}
}

/* [OF10] 5.2.3: the fields a flow matches (those not wildcarded); like
 * tcpdump, a field is read only where it is printed (and dl_type,
 * nw_proto, which decide names), the last one checked in any case. */
static void of_match(struct of *o, const char *pfx)
{
	struct dec_ctx *d = o->d;
	const uint8_t *m = o->p;
	uint32_t w = dec_be32(d, m);
	if (w & ~(uint32_t)OFPFW_ALL)
		dec_printf(d, "%swildcards 0x%08x (bogus)", pfx, w);
	if (!(w & OFPFW_IN_PORT)) {
		unsigned port = dec_be16(d, m + 4);
		dec_printf(d, "%smatch in_port ", pfx);
		dec_tokf(d, ofpp_str, port, "%u");
	}
	for (int i = 0; i < 2; i++) /* dl_src, dl_dst */
		if (!(w & (i ? OFPFW_DL_DST : OFPFW_DL_SRC))) {
			dec_need(d, m + 6 + 6 * i, 6);
			dec_printf(d, "%smatch %s ", pfx, i ? "dl_dst" : "dl_src");
			dec_mac(d, m + 6 + 6 * i);
		}
	if (!(w & OFPFW_DL_VLAN)) {
		unsigned vlan = dec_be16(d, m + 18);
		dec_printf(d, "%s", pfx);
		of_vlan(d, "match dl_vlan", vlan);
	}
	if (!(w & OFPFW_DL_VLAN_PCP)) {
		unsigned pcp = dec_u8(d, m + 20);
		dec_printf(d, "%s", pfx);
		of_pcp(d, "match dl_vlan_pcp", pcp);
	}
	unsigned type = dec_be16(d, m + 22);
	int has_type = !(w & OFPFW_DL_TYPE);
	if (has_type)
		dec_printf(d, "%smatch dl_type 0x%04x", pfx, type);
	if (!(w & OFPFW_NW_TOS))
		dec_printf(d, "%smatch nw_tos 0x%02x", pfx, dec_u8(d, m + 24));
	unsigned proto = dec_u8(d, m + 25);
	int has_proto = !(w & OFPFW_NW_PROTO);
	if (has_proto)
		dec_printf(d, "%smatch %s %u", pfx, has_type && type == PROTO_ETH_ARP ? "arp_opcode" : "nw_proto",
			   proto);
	for (int i = 0; i < 2; i++) { /* nw_src, nw_dst: the wildcarded low bits */
		unsigned bits = (w >> (8 + 6 * i)) & 0x3f;
		if (bits < 32) {
			dec_need(d, m + 28 + 4 * i, 4);
			dec_printf(d, "%smatch %s ", pfx, i ? "nw_dst" : "nw_src");
			dec_ip4addr(d, m + 28 + 4 * i);
			dec_printf(d, "/%u", 32 - bits);
		}
	}
	int icmp = has_type && type == PROTO_ETH_IPV4 && has_proto && proto == PROTO_IP_ICMP;
	if (!(w & OFPFW_TP_SRC))
		dec_printf(d, "%smatch %s %u", pfx, icmp ? "icmp_type" : "tp_src", dec_be16(d, m + 36));
	if (!(w & OFPFW_TP_DST))
		dec_printf(d, "%smatch %s %u", pfx, icmp ? "icmp_code" : "tp_dst", dec_be16(d, m + 38));
	else
		dec_need(d, m + 38, 2);
	o->p = m + OF_MATCH_LEN;
}

/* [OF10] 5.2.4: actions, each with the length its type requires (0: any
 * multiple of 8, vendor). */
static const unsigned char action_len[] = { 8, 8, 8, 8, 16, 16, 8, 8, 8, 8, 8, 16 };

static void of_action_body(struct of *o, unsigned type, unsigned alen)
{
	struct dec_ctx *d = o->d;
	unsigned v;
	switch (type) {
	case OFPAT_OUTPUT:
		v = of_u16(o);
		dec_printf(d, ", port ");
		dec_tokf(d, ofpp_str, v, "%u");
		if (v == OFPP_CONTROLLER)
			dec_printf(d, ", max_len %u", of_u16(o));
		else
			of_take(o, 2);
		break;
	case OFPAT_SET_VLAN_VID:
		of_vlan(d, ", vlan_vid", of_u16(o));
		of_take(o, 2);
		break;
	case OFPAT_SET_VLAN_PCP:
		of_pcp(d, ", vlan_pcp", of_u8(o));
		of_take(o, 3);
		break;
	case OFPAT_STRIP_VLAN: of_take(o, 4); break;
	case OFPAT_SET_DL_SRC: case OFPAT_SET_DL_DST:
		of_mac(o, ", dl_addr");
		of_take(o, 6);
		break;
	case OFPAT_SET_NW_SRC: case OFPAT_SET_NW_DST: of_ip(o, ", nw_addr"); break;
	case OFPAT_SET_NW_TOS:
		dec_printf(d, ", nw_tos 0x%02x", of_u8(o));
		of_take(o, 3);
		break;
	case OFPAT_SET_TP_SRC: case OFPAT_SET_TP_DST:
		dec_printf(d, ", tp_port %u", of_u16(o));
		of_take(o, 2);
		break;
	case OFPAT_ENQUEUE:
		of_port(o, ", port");
		of_take(o, 6);
		of_tok(o, ", queue_id", ofpq_str, of_u32(o), "%u");
		break;
	case OFPAT_VENDOR: {
		const uint8_t *next = o->p + alen - 4;
		of_vendor(o, alen - 4, 1, 1);
		o->p = next;
		break;
	}
	}
}

static void of_actions(struct of *o, const char *pfx, size_t len)
{
	const uint8_t *p0 = o->p;
	size_t len0 = len;
	while (len) {
		unsigned type, alen;
		if (!of_elem_head(o, len, p0, len0, pfx, &of_acts, &type, &alen))
			return;
		int known = type < sizeof action_len || type == OFPAT_VENDOR;
		int bogus = type < sizeof action_len ? alen != action_len[type] : type == OFPAT_VENDOR && alen % 8;
		if (bogus)
			dec_printf(o->d, " (bogus)");
		if (bogus || !known)
			of_take(o, alen - 4);
		else
			of_action_body(o, type, alen);
		len -= alen;
	}
}

/* The i-th space-separated word of list (n: its length), or NULL. */
const char *of_word(const char *list, unsigned i, int *n)
{
	for (; *list; i--) {
		*n = (int)strcspn(list, " ");
		if (!i)
			return list;
		list += *n + (list[*n] == ' ');
	}
	return NULL;
}

/* --- message bodies (-v) --- */
static void of_features_reply(struct of *o, size_t len)
{
	dec_printf(o->d, "\n\t dpid 0x%016llx", of_u64(o));
	dec_printf(o->d, ", n_buffers %u", of_u32(o));
	dec_printf(o->d, ", n_tables %u", of_u8(o));
	of_take(o, 3);
	of_bits32(o, "\n\t capabilities", ofp_capabilities_bm);
	of_bits32(o, "\n\t actions", ofpat_bm);
	of_phy_ports(o, len - 32);
}

static void of_flow_mod(struct of *o, size_t len)
{
	of_match(o, "\n\t ");
	dec_printf(o->d, "\n\t cookie 0x%016llx", of_u64(o));
	unsigned cmd = of_u16(o);
	dec_printf(o->d, ", command ");
	dec_tokf(o->d, ofpfc_str, cmd, "invalid (0x%04x)");
	static const char *const timers[] = { "idle_timeout", "hard_timeout", "priority" };
	for (int i = 0; i < 3; i++) {
		unsigned v = of_u16(o);
		if (v)
			dec_printf(o->d, ", %s %u", timers[i], v);
	}
	uint32_t buf = of_u32(o);
	if (cmd <= 2) { /* ADD, MODIFY, MODIFY_STRICT */
		dec_printf(o->d, ", buffer_id ");
		dec_tokf(o->d, bufferid_str, buf, "0x%08x");
	}
	unsigned port = of_u16(o);
	if (cmd == 3 || cmd == 4) {
		dec_printf(o->d, ", out_port ");
		dec_tokf(o->d, ofpp_str, port, "%u");
	}
	unsigned flags = of_u16(o);
	dec_printf(o->d, ", flags 0x%04x", flags);
	of_bitmap(o->d, ofpff_bm, flags);
	of_actions(o, "\n\t ", len - 72);
}

static void of_port_mod(struct of *o, size_t len)
{
	(void)len;
	of_port(o, "\n\t port_no");
	of_mac(o, ", hw_addr");
	of_bits32(o, "\n\t config", ofppc_bm);
	of_bits32(o, "\n\t mask", ofppc_bm);
	of_bits32(o, "\n\t advertise", ofppf_bm);
	of_take(o, 4);
}

/* The statistics type and flags both directions start with. */
static unsigned of_stats_head(struct of *o, unsigned *flags)
{
	unsigned type = of_u16(o);
	of_tok(o, "\n\t type", ofpst_str, type, "invalid (0x%04x)");
	*flags = of_u16(o);
	dec_printf(o->d, ", flags 0x%04x", *flags);
	return type;
}

static void of_stats_request(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	unsigned flags, type = of_stats_head(o, &flags);
	if (flags) /* no flags are defined for requests */
		dec_printf(o->d, " (bogus)");
	size_t body = len - 12;
	size_t want = type == OFPST_FLOW || type == OFPST_AGGREGATE ? 44
		    : type == OFPST_PORT || type == OFPST_QUEUE ? 8 : 0;
	if (type == OFPST_VENDOR) {
		of_vendor(o, body, 0, 0);
		return;
	}
	if (type > OFPST_QUEUE)
		return;
	if (body != want) {
		o->p = of_invalid(o, p0, len - OF_HDR);
		return;
	}
	if (type == OFPST_FLOW || type == OFPST_AGGREGATE) {
		of_match(o, "\n\t ");
		of_tok(o, "\n\t table_id", tableid_str, of_u8(o), "%u");
		of_take(o, 1);
		of_port(o, ", out_port");
	} else if (type == OFPST_PORT) {
		of_port(o, "\n\t port_no");
		of_take(o, 6);
	} else if (type == OFPST_QUEUE) {
		of_port(o, "\n\t port_no");
		of_take(o, 2);
		of_tok(o, ", queue_id", ofpq_str, of_u32(o), "%u");
	}
}

static void of_desc_stats(struct of *o, size_t len)
{
	if (len != 1056) {
		o->p = of_invalid(o, o->p, len);
		return;
	}
	of_str(o, "\n\t  mfr_desc", 256);
	of_str(o, "\n\t  hw_desc", 256);
	of_str(o, "\n\t  sw_desc", 256);
	of_str(o, "\n\t  serial_num", 32);
	of_str(o, "\n\t  dp_desc", 256);
}

static void of_flow_stats(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	size_t len0 = len;
	while (len) {
		if (len < OF_FLOW_STATS_LEN) {
			o->p = of_invalid(o, p0, len0);
			return;
		}
		unsigned elen = dec_get_be16(of_take(o, 2));
		dec_printf(o->d, "\n\t length %u", elen);
		if (elen < OF_FLOW_STATS_LEN || elen > len) {
			o->p = of_invalid(o, p0, len0);
			return;
		}
		of_tok(o, ", table_id", tableid_str, of_u8(o), "%u");
		of_take(o, 1);
		of_match(o, "\n\t  ");
		dec_printf(o->d, "\n\t  duration_sec %u", of_u32(o));
		dec_printf(o->d, ", duration_nsec %u", of_u32(o));
		dec_printf(o->d, ", priority %u", of_u16(o));
		dec_printf(o->d, ", idle_timeout %u", of_u16(o));
		dec_printf(o->d, ", hard_timeout %u", of_u16(o));
		of_take(o, 6);
		dec_printf(o->d, ", cookie 0x%016llx", of_u64(o));
		of_counters(o, "packet_count byte_count");
		of_actions(o, "\n\t  ", elen - OF_FLOW_STATS_LEN);
		len -= elen;
	}
}

static void of_aggregate_stats(struct of *o, size_t len)
{
	if (len != 24) {
		o->p = of_invalid(o, o->p, len);
		return;
	}
	dec_printf(o->d, "\n\t packet_count %llu", of_u64(o));
	dec_printf(o->d, ", byte_count %llu", of_u64(o));
	dec_printf(o->d, ", flow_count %u", of_u32(o));
	of_take(o, 4);
}

/* fixed-size entries: table, port and queue statistics */
static void of_table_entry(struct of *o)
{
	of_tok(o, "\n\t table_id", tableid_str, of_u8(o), "%u");
	of_take(o, 3);
	of_str(o, ", name", 32);
	of_bits32(o, "\n\t  wildcards", ofpfw_bm);
	dec_printf(o->d, "\n\t  max_entries %u", of_u32(o));
	dec_printf(o->d, ", active_count %u", of_u32(o));
	of_counters(o, "lookup_count matched_count");
}
static void of_port_entry(struct of *o)
{
	of_port(o, "\n\t  port_no");
	if (o->d->o.vflag < 2) {
		of_take(o, OF_PORT_STATS_LEN - 2);
		return;
	}
	of_take(o, 6);
	of_counters(o, "rx_packets tx_packets rx_bytes tx_bytes rx_dropped tx_dropped rx_errors tx_errors "
		       "rx_frame_err rx_over_err rx_crc_err collisions");
}
static void of_queue_entry(struct of *o)
{
	of_port(o, "\n\t  port_no");
	of_take(o, 2);
	dec_printf(o->d, ", queue_id %u", of_u32(o));
	of_counters(o, "tx_bytes tx_packets tx_errors");
}

static void of_stats_reply(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	unsigned flags, type = of_stats_head(o, &flags);
	of_bitmap(o->d, ofpsf_reply_bm, flags);
	size_t body = len - 12;
	switch (type) {
	case OFPST_DESC: of_desc_stats(o, body); return;
	case OFPST_FLOW: of_flow_stats(o, body); return;
	case OFPST_AGGREGATE: of_aggregate_stats(o, body); return;
	case OFPST_TABLE: of_entries(o, body, OF_TABLE_STATS_LEN, of_table_entry); return;
	case OFPST_PORT: of_entries(o, body, OF_PORT_STATS_LEN, of_port_entry); return;
	case OFPST_QUEUE: of_entries(o, body, OF_QUEUE_STATS_LEN, of_queue_entry); return;
	case OFPST_VENDOR: of_vendor(o, body, 0, 0); return;
	}
	dec_need(o->d, p0, len - OF_HDR);
	o->p = p0 + len - OF_HDR;
}

static void of_packet_out(struct of *o, size_t len)
{
	const uint8_t *p0 = o->p;
	dec_printf(o->d, "\n\t buffer_id 0x%08x", of_u32(o));
	of_port(o, ", in_port");
	unsigned alen = of_u16(o);
	if (alen > len - 16) {
		o->p = of_invalid(o, p0, len - OF_HDR);
		return;
	}
	of_actions(o, "\n\t ", alen);
	of_packet_data(o, len - 16 - alen);
}

static void of_packet_in(struct of *o, size_t len)
{
	of_tok(o, "\n\t buffer_id", bufferid_str, of_u32(o), "0x%08x");
	dec_printf(o->d, ", total_len %u", of_u16(o));
	of_port(o, ", in_port");
	of_tok(o, ", reason", ofpr_str, of_u8(o), "invalid (0x%02x)");
	of_take(o, 1);
	of_packet_data(o, len - 18);
}

static void of_flow_removed(struct of *o, size_t len)
{
	(void)len;
	of_match(o, "\n\t ");
	dec_printf(o->d, "\n\t cookie 0x%016llx", of_u64(o));
	unsigned prio = of_u16(o);
	if (prio)
		dec_printf(o->d, ", priority %u", prio);
	of_tok(o, ", reason", ofprr_str, of_u8(o), "unknown (0x%02x)");
	of_take(o, 1);
	dec_printf(o->d, ", duration_sec %u", of_u32(o));
	dec_printf(o->d, ", duration_nsec %u", of_u32(o));
	unsigned idle = of_u16(o);
	if (idle)
		dec_printf(o->d, ", idle_timeout %u", idle);
	of_take(o, 2);
	of_counters(o, "packet_count byte_count");
}

void of_error_msg(struct of *o, size_t len, const struct dec_tok *types, const char *const *codes, unsigned ncodes)
{
	unsigned type = of_u16(o);
	dec_printf(o->d, "\n\t type ");
	dec_tokf(o->d, types, type, "invalid (0x%04x)");
	unsigned code = of_u16(o);
	int n;
	const char *name = type < ncodes ? of_word(codes[type], code, &n) : NULL;
	if (name)
		dec_printf(o->d, ", code %.*s", n, name);
	else
		dec_printf(o->d, ", code invalid (0x%04x)", code);
	of_data(o, len - 12);
}
static void of_error(struct of *o, size_t len)
{
	of_error_msg(o, len, ofpet_str, error_codes, sizeof error_codes / sizeof error_codes[0]);
}

static void of_config(struct of *o, size_t len)
{
	(void)len;
	of_tok(o, "\n\t flags", of_frag_str, of_u16(o), "invalid (0x%04x)");
	dec_printf(o->d, ", miss_send_len %u", of_u16(o));
}
static void of_queue_get_config_request(struct of *o, size_t len)
{
	(void)len;
	of_port(o, "\n\t port");
	of_take(o, 2);
}
static void of_queue_get_config_reply(struct of *o, size_t len)
{
	of_port(o, "\n\t port");
	of_take(o, 6);
	of_queues(o, len - 16);
}
static void of_port_status(struct of *o, size_t len)
{
	(void)len;
	of_tok(o, "\n\t reason", of_port_reason_str, of_u8(o), "invalid (0x%02x)");
	of_take(o, 7);
	of_phy_ports(o, OF_PHY_PORT_LEN);
}
static void of_hello(struct of *o, size_t len)
{
	of_data(o, len - OF_HDR);
}
static void of_vendor_msg(struct of *o, size_t len)
{
	of_vendor(o, len - OF_HDR, 0, 1);
}

static const of_body of10_bodies[] = {
	of_hello, of_error, of_hello, of_hello, of_vendor_msg, NULL, of_features_reply, NULL, of_config, of_config,
	of_packet_in, of_flow_removed, of_port_status, of_packet_out, of_flow_mod, of_port_mod, of_stats_request,
	of_stats_reply, NULL, NULL, of_queue_get_config_request, of_queue_get_config_reply,
};
/* The message types of the versions tcpdump knows, by type number: names,
 * length rules ("f12": exactly 12 bytes, "m12": at least) and -v bodies. */
static const struct of_version {
	unsigned char version;
	const char *names, *rules;
	const of_body *bodies;
} of_types[] = {
	{ 1, "HELLO ERROR ECHO_REQUEST ECHO_REPLY VENDOR FEATURES_REQUEST FEATURES_REPLY GET_CONFIG_REQUEST "
	     "GET_CONFIG_REPLY SET_CONFIG PACKET_IN FLOW_REMOVED PORT_STATUS PACKET_OUT FLOW_MOD PORT_MOD "
	     "STATS_REQUEST STATS_REPLY BARRIER_REQUEST BARRIER_REPLY QUEUE_GET_CONFIG_REQUEST "
	     "QUEUE_GET_CONFIG_REPLY",
	  "m8 m12 m8 m8 m12 f8 m32 f8 f12 f12 m18 f88 f64 m16 m72 f32 m12 m12 f8 f8 f12 m16", of10_bodies },
	{ 4, "HELLO ERROR ECHO_REQUEST ECHO_REPLY EXPERIMENTER FEATURES_REQUEST FEATURES_REPLY GET_CONFIG_REQUEST "
	     "GET_CONFIG_REPLY SET_CONFIG PACKET_IN FLOW_REMOVED PORT_STATUS PACKET_OUT FLOW_MOD GROUP_MOD PORT_MOD "
	     "TABLE_MOD MULTIPART_REQUEST MULTIPART_REPLY BARRIER_REQUEST BARRIER_REPLY QUEUE_GET_CONFIG_REQUEST "
	     "QUEUE_GET_CONFIG_REPLY ROLE_REQUEST ROLE_REPLY GET_ASYNC_REQUEST GET_ASYNC_REPLY SET_ASYNC METER_MOD",
	  "m8 m12 m8 m8 m16 f8 f32 f8 f12 f12 m8 m8 f80 m8 m8 m8 f40 f16 m8 m8 f8 f8 f16 m8 f24 f24 f8 f32 f32 m8",
	  of13_bodies },
};

/* A type's name, rule and body, when its version has it. */
struct of_type {
	const char *name;
	int namelen, exact;
	unsigned len;
	of_body body;
};
static int of_type_find(unsigned version, unsigned type, struct of_type *t)
{
	for (size_t v = 0; v < sizeof of_types / sizeof of_types[0]; v++) {
		const struct of_version *ov = &of_types[v];
		int n;
		const char *rule = ov->version == version ? of_word(ov->rules, type, &n) : NULL;
		if (!rule)
			continue;
		t->name = of_word(ov->names, type, &t->namelen);
		t->exact = rule[0] == 'f';
		t->len = (unsigned)strtoul(rule + 1, NULL, 10);
		t->body = ov->bodies[type];
		return 1;
	}
	return 0;
}

static const struct dec_tok of_versions[] = {
	{ 1, "1.0" }, { 2, "1.1" }, { 3, "1.2" }, { 4, "1.3" }, { 5, "1.4" }, { 6, "1.5" }, { 0, NULL },
};

/* The next header field of size n, when the segment holds it on the
 * wire; else " (end of TCP payload)" (the rest must still be captured). */
static int of_field(struct of *o, size_t *rem, size_t n)
{
	if (*rem >= n) {
		*rem -= n;
		return 1;
	}
	dec_printf(o->d, " (end of TCP payload)");
	dec_need(o->d, o->p, *rem);
	return 0;
}

/* One message: the header, printed as far as the segment and the capture
 * go, then by its version's rules; returns where the next begins (rem:
 * the segment's bytes left), NULL to stop. */
static const uint8_t *of_message(struct dec_ctx *d, const uint8_t *p, size_t *rem)
{
	struct of o = { d, p, 0 };
	*rem -= 1;
	unsigned version = of_u8(&o);
	dec_printf(d, "\n\tversion ");
	dec_tokf(d, of_versions, version, "unknown (0x%02x)");
	if (!of_field(&o, rem, 1))
		return NULL;
	unsigned type = o.type = of_u8(&o);
	struct of_type tt = { 0 }, *t = of_type_find(version, type, &tt) ? &tt : NULL;
	if (t)
		dec_printf(d, ", type %.*s", t->namelen, t->name);
	else
		dec_printf(d, ", type unknown (0x%02x)", type);
	if (!of_field(&o, rem, 2))
		return NULL;
	unsigned len = of_u16(&o);
	dec_printf(d, ", length %u%s", len, len < OF_HDR ? " (too short!)" : "");
	if (!of_field(&o, rem, 4))
		return NULL;
	dec_printf(d, ", xid 0x%08x", of_u32(&o));
	if (len < OF_HDR) {
		dec_printf(d, " (invalid)");
		dec_need(d, o.p, *rem);
		return NULL;
	}
	*rem = *rem > len - OF_HDR ? *rem - (len - OF_HDR) : 0;
	const uint8_t *body = o.p;
	if (t && (t->exact ? len != t->len : len < t->len)) {
		dec_printf(d, " (invalid)");
	} else if (t && t->body && d->o.vflag) {
		t->body(&o, len); /* the next message follows the length, whatever was read */
		return body + len - OF_HDR;
	}
	dec_need(d, body, len - OF_HDR);
	return body + len - OF_HDR;
}

void dec_openflow(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "openflow";
	dec_printf(d, ": OpenFlow");
	while (p && len)
		p = of_message(d, p, &len);
}
