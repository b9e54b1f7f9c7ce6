/* openflow13.c: the bodies of OpenFlow 1.3 messages (wire version 4) as
 * tcpdump 4.99 prints them with -v (OF 1.3.4 spec, sections 7 and A):
 * hello elements, errors, echo data, experimenter messages, features
 * reply, switch config, port status and port mod, table mod, queue
 * config request, role and async messages; -vv adds a port's bitmaps
 * and speeds and data in hex.  The other types (PACKET_IN, FLOW_MOD,
 * MULTIPART_*, GROUP_MOD, METER_MOD, ...) print their header only, as in
 * tcpdump 4.99.  openflow.c frames the messages and checks each type's
 * length before a body here is printed. */
#include "decode/openflow.h"

#define OF13_HELLO_ELEM_LEN 4
#define OFPHET_VERSIONBITMAP 1

static const struct dec_tok ofpp_str[] = {
	{ 0xffffff00u, "MAX" }, { 0xfffffff8u, "IN_PORT" }, { 0xfffffff9u, "TABLE" }, { 0xfffffffau, "NORMAL" },
	{ 0xfffffffbu, "FLOOD" }, { 0xfffffffcu, "ALL" }, { 0xfffffffdu, "CONTROLLER" }, { 0xfffffffeu, "LOCAL" },
	{ 0xffffffffu, "ANY" }, { 0, NULL },
};
static const struct dec_tok ofp_capabilities_bm[] = {
	{ 1 << 0, "FLOW_STATS" }, { 1 << 1, "TABLE_STATS" }, { 1 << 2, "PORT_STATS" }, { 1 << 3, "GROUP_STATS" },
	{ 1 << 5, "IP_REASM" }, { 1 << 6, "QUEUE_STATS" }, { 1 << 8, "PORT_BLOCKED" }, { 0, NULL },
};
/* miss_send_len */
static const struct dec_tok ofpcml_str[] = { { 0xffe5, "MAX" }, { 0xffff, "NO_BUFFER" }, { 0, NULL } };
static const struct dec_tok ofptt_str[] = { { 0xfe, "MAX" }, { 0xff, "ALL" }, { 0, NULL } };
static const struct dec_tok ofppc_bm[] = {
	{ 1 << 0, "PORT_DOWN" }, { 1 << 2, "NO_RECV" }, { 1 << 5, "NO_FWD" }, { 1 << 6, "NO_PACKET_IN" }, { 0, NULL },
};
static const struct dec_tok ofpps_bm[] = { { 1 << 0, "LINK_DOWN" }, { 1 << 1, "BLOCKED" }, { 1 << 2, "LIVE" }, { 0, NULL } };
static const struct dec_tok ofppf_bm[] = {
	{ 1 << 0, "10MB_HD" }, { 1 << 1, "10MB_FD" }, { 1 << 2, "100MB_HD" }, { 1 << 3, "100MB_FD" },
	{ 1 << 4, "1GB_HD" }, { 1 << 5, "1GB_FD" }, { 1 << 6, "10GB_FD" }, { 1 << 7, "40GB_FD" },
	{ 1 << 8, "100GB_FD" }, { 1 << 9, "1TB_FD" }, { 1 << 10, "OTHER" }, { 1 << 11, "COPPER" },
	{ 1 << 12, "FIBER" }, { 1 << 13, "AUTONEG" }, { 1 << 14, "PAUSE" }, { 1 << 15, "PAUSE_ASYM" }, { 0, NULL },
};
static const struct dec_tok ofphet_str[] = { { OFPHET_VERSIONBITMAP, "VERSIONBITMAP" }, { 0, NULL } };
/* the versions a hello's bitmap offers: the spec's bit is 1 << wire
 * version, tcpdump 4.99 names 1 << (wire version - 1), and so do we */
static const struct dec_tok ofverbm_str[] = {
	{ 1 << 0, "1.0" }, { 1 << 1, "1.1" }, { 1 << 2, "1.2" }, { 1 << 3, "1.3" }, { 1 << 4, "1.4" }, { 1 << 5, "1.5" },
	{ 0, NULL },
};
static const struct dec_tok ofpcr_str[] = {
	{ 0, "NOCHANGE" }, { 1, "EQUAL" }, { 2, "MASTER" }, { 3, "SLAVE" }, { 0, NULL },
};
/* the async masks: packet-in reasons, port-status and flow-removed reasons */
static const struct dec_tok async_ofpr_bm[] = {
	{ 1 << 0, "NO_MATCH" }, { 1 << 1, "ACTION" }, { 1 << 2, "INVALID_TTL" }, { 0, NULL },
};
static const struct dec_tok async_ofppr_bm[] = { { 1 << 0, "ADD" }, { 1 << 1, "DELETE" }, { 1 << 2, "MODIFY" }, { 0, NULL } };

static const struct dec_tok ofpet_str[] = {
	{ 0, "HELLO_FAILED" }, { 1, "BAD_REQUEST" }, { 2, "BAD_ACTION" }, { 3, "BAD_INSTRUCTION" },
	{ 4, "BAD_MATCH" }, { 5, "FLOW_MOD_FAILED" }, { 6, "GROUP_MOD_FAILED" }, { 7, "PORT_MOD_FAILED" },
	{ 8, "TABLE_MOD_FAILED" }, { 9, "QUEUE_OP_FAILED" }, { 10, "SWITCH_CONFIG_FAILED" },
	{ 11, "ROLE_REQUEST_FAILED" }, { 12, "METER_MOD_FAILED" }, { 13, "TABLE_FEATURES_FAILED" },
	{ 0xffff, "EXPERIMENTER" }, { 0, NULL },
};
/* the error codes, by error type (the row's index; EXPERIMENTER has
 * none), each numbered from 0 */
static const char *const error_codes[] = {
	"INCOMPATIBLE EPERM",
	"BAD_VERSION BAD_TYPE BAD_MULTIPART BAD_EXPERIMENTER BAD_EXP_TYPE EPERM BAD_LEN BUFFER_EMPTY BUFFER_UNKNOWN "
	"BAD_TABLE_ID IS_SLAVE BAD_PORT BAD_PACKET MULTIPART_BUFFER_OVERFLOW",
	"BAD_TYPE BAD_LEN BAD_EXPERIMENTER BAD_EXP_TYPE BAD_OUT_PORT BAD_ARGUMENT EPERM TOO_MANY BAD_QUEUE "
	"BAD_OUT_GROUP MATCH_INCONSISTENT UNSUPPORTED_ORDER BAD_TAG BAD_SET_TYPE BAD_SET_LEN BAD_SET_ARGUMENT",
	"UNKNOWN_INST UNSUP_INST BAD_TABLE_ID UNSUP_METADATA UNSUP_METADATA_MASK BAD_EXPERIMENTER BAD_EXP_TYPE "
	"BAD_LEN EPERM",
	"BAD_TYPE BAD_LEN BAD_TAG BAD_DL_ADDR_MASK BAD_NW_ADDR_MASK BAD_WILDCARDS BAD_FIELD BAD_VALUE BAD_MASK "
	"BAD_PREREQ DUP_FIELD EPERM",
	"UNKNOWN TABLE_FULL BAD_TABLE_ID OVERLAP EPERM BAD_TIMEOUT BAD_COMMAND BAD_FLAGS",
	"GROUP_EXISTS INVALID_GROUP WEIGHT_UNSUPPORTED OUT_OF_GROUPS OUT_OF_BUCKETS CHAINING_UNSUPPORTED "
	"WATCH_UNSUPPORTED LOOP UNKNOWN_GROUP CHAINED_GROUP BAD_TYPE BAD_COMMAND BAD_BUCKET BAD_MATCH EPERM",
	"BAD_PORT BAD_HW_ADDR BAD_CONFIG BAD_ADVERTISE EPERM",
	"BAD_TABLE BAD_CONFIG EPERM",
	"BAD_PORT BAD_QUEUE EPERM",
	"BAD_FLAGS BAD_LEN EPERM",
	"STALE UNSUP BAD_ROLE",
	"UNKNOWN METER_EXISTS INVALID_METER UNKNOWN_METER BAD_COMMAND BAD_FLAGS BAD_RATE BAD_BURST BAD_BAND "
	"BAD_BAND_VALUE OUT_OF_METERS OUT_OF_BANDS",
	"BAD_TABLE BAD_METADATA BAD_TYPE BAD_LEN BAD_ARGUMENT EPERM",
};

/* The fixed-size bodies, as rows of fields read in order: the label
 * printed before each field's value.  Kinds: 'v' a value (1, 2 or 4
 * bytes: its name in t, else fmt; 8 bytes: 0x%016llx), 'b' a 32-bit
 * bitmap of t, 'm' a MAC address, 'n' a NUL-padded name of size bytes,
 * 's' padding skipped unchecked (as tcpdump's; what follows is read or
 * checked anyway), 'p' trailing padding (checked), '2' the rest, of size
 * bytes, printed with -vv only (checked without). */
struct of13_field {
	char kind;
	unsigned char size;
	const char *label;
	const struct dec_tok *t;
	const char *fmt;
};
static const struct dec_tok no_names[] = { { 0, NULL } };
#define V(n, label, t, fmt) { 'v', n, label, t, fmt }
#define N(n, label, fmt) { 'v', n, label, no_names, fmt }
#define B(label, t) { 'b', 4, label, t, NULL }
#define PAD(n) { 's', n, NULL, NULL, NULL }
#define END { 0, 0, NULL, NULL, NULL }

/* [OF13] 7.3.1 */
static const struct of13_field features_reply[] = {
	N(8, "\n\t dpid", NULL), N(4, ", n_buffers", "%u"), N(1, ", n_tables", "%u"), N(1, ", auxiliary_id", "%u"),
	PAD(2), B("\n\t capabilities", ofp_capabilities_bm), { 'p', 4, NULL, NULL, NULL } /* reserved */, END,
};
/* [OF13] 7.3.2: GET_CONFIG_REPLY, SET_CONFIG */
static const struct of13_field config[] = {
	V(2, "\n\t flags", of_frag_str, "invalid (0x%04x)"), V(2, ", miss_send_len", ofpcml_str, "%u"), END,
};
/* [OF13] 7.4.3 and 7.2.1: the reason, then the port (an unknown reason
 * prints tcpdump's "invalid (0x02x)" as is) */
static const struct of13_field port_status[] = {
	V(1, "\n\t reason", of_port_reason_str, "invalid (0x02x)"), PAD(7),
	V(4, "\n\t  port_no", ofpp_str, "%u"), PAD(4), { 'm', 6, ", hw_addr", NULL, NULL }, PAD(2),
	{ 'n', 16, ", name", NULL, NULL }, { '2', 32, NULL, NULL, NULL },
	B("\n\t   config", ofppc_bm), B("\n\t   state", ofpps_bm), B("\n\t   curr", ofppf_bm),
	B("\n\t   advertised", ofppf_bm), B("\n\t   supported", ofppf_bm), B("\n\t   peer", ofppf_bm),
	N(4, "\n\t   curr_speed", "%ukbps"), N(4, "\n\t   max_speed", "%ukbps"), END,
};
/* [OF13] 7.3.4.3 */
static const struct of13_field port_mod[] = {
	V(4, "\n\t port_no", ofpp_str, "%u"), PAD(4), { 'm', 6, ", hw_addr", NULL, NULL }, PAD(2),
	B("\n\t  config", ofppc_bm), B("\n\t  mask", ofppc_bm), B("\n\t  advertise", ofppf_bm),
	{ 'p', 4, NULL, NULL, NULL }, END,
};
/* [OF13] 7.3.3 */
static const struct of13_field table_mod[] = {
	V(1, "\n\t table_id", ofptt_str, "%u"), PAD(3), N(4, ", config", "0x%08x"), END,
};
/* [OF13] A.3.6 */
static const struct of13_field queue_get_config_request[] = {
	V(4, "\n\t port", ofpp_str, "%u"), { 'p', 4, NULL, NULL, NULL }, END,
};
/* [OF13] 7.3.9: ROLE_REQUEST, ROLE_REPLY */
static const struct of13_field role[] = {
	V(4, "\n\t role", ofpcr_str, "invalid (0x%08x)"), PAD(4), N(8, ", generation_id", NULL), END,
};
/* [OF13] 7.3.10: GET_ASYNC_REPLY, SET_ASYNC; each mask for the roles
 * equal and master [EM], then slave [S] (tcpdump names the flow-removed
 * reasons by the port-status table) */
static const struct of13_field async[] = {
	B("\n\t packet_in_mask[EM]", async_ofpr_bm), B("\n\t packet_in_mask[S]", async_ofpr_bm),
	B("\n\t port_status_mask[EM]", async_ofppr_bm), B("\n\t port_status_mask[S]", async_ofppr_bm),
	B("\n\t flow_removed_mask[EM]", async_ofppr_bm), B("\n\t flow_removed_mask[S]", async_ofppr_bm), END,
};
/* by type number */
static const struct of13_field *const fixed_bodies[] = {
	[6] = features_reply, [8] = config, [9] = config, [12] = port_status, [16] = port_mod, [17] = table_mod,
	[22] = queue_get_config_request, [24] = role, [25] = role, [27] = async, [28] = async,
};

static void of13_fixed(struct of *o, size_t len)
{
	(void)len;
	for (const struct of13_field *f = fixed_bodies[o->type]; f->kind; f++) {
		switch (f->kind) {
		case 'v':
			if (f->size == 8) {
				dec_printf(o->d, "%s 0x%016llx", f->label, of_u64(o));
				break;
			}
			uint32_t v = f->size == 1 ? of_u8(o) : f->size == 2 ? of_u16(o) : of_u32(o);
			of_tok(o, f->label, f->t, v, f->fmt);
			break;
		case 'b': of_bits32(o, f->label, f->t); break;
		case 'm': of_mac(o, f->label); break;
		case 'n': of_str(o, f->label, f->size); break;
		case 's': o->p += f->size; break;
		case 'p': of_take(o, f->size); break;
		case '2':
			if (o->d->o.vflag < 2) {
				of_take(o, f->size);
				return;
			}
			break;
		}
	}
}

/* [OF13] 7.5.1: the hello elements; a version bitmap is decoded when it
 * is one word (as tcpdump), any other length is " (bogus)". */
static void of13_hello(struct of *o, size_t len)
{
	static const struct of_elems elems = { OF13_HELLO_ELEM_LEN, "type", ofphet_str, "unknown (0x%04x)", ", length" };
	const uint8_t *p0 = o->p;
	size_t len0 = len - OF_HDR;
	for (len = len0; len;) {
		unsigned type, elen;
		if (!of_elem_head(o, len, p0, len0, "\n\t ", &elems, &type, &elen))
			return;
		if (type == OFPHET_VERSIONBITMAP && elen == OF13_HELLO_ELEM_LEN + 4) {
			uint32_t bitmap = of_u32(o);
			dec_printf(o->d, ", bitmap 0x%08x", bitmap);
			of_bitmap(o->d, ofverbm_str, bitmap);
		} else {
			if (type == OFPHET_VERSIONBITMAP)
				dec_printf(o->d, " (bogus)");
			of_take(o, elen - OF13_HELLO_ELEM_LEN);
		}
		len -= elen;
	}
}

static void of13_error(struct of *o, size_t len)
{
	of_error_msg(o, len, ofpet_str, error_codes, sizeof error_codes / sizeof error_codes[0]);
}

static void of13_echo(struct of *o, size_t len)
{
	of_data(o, len - OF_HDR);
}

/* [OF13] 7.5.4 */
static void of13_experimenter(struct of *o, size_t len)
{
	uint32_t exp = of_u32(o);
	dec_printf(o->d, "\n\t experimenter 0x%08x (%s)", exp, of_vendor_name(exp));
	dec_printf(o->d, ", exp_type 0x%08x", of_u32(o));
	of_data(o, len - 16);
}

/* by type number; NULL: the header only */
const of_body of13_bodies[] = {
	of13_hello, of13_error, of13_echo, of13_echo, of13_experimenter, NULL, of13_fixed, NULL, of13_fixed,
	of13_fixed, NULL, NULL, of13_fixed, NULL, NULL, NULL, of13_fixed, of13_fixed, NULL, NULL, NULL, NULL,
	of13_fixed, NULL, of13_fixed, of13_fixed, NULL, of13_fixed, of13_fixed, NULL,
};
