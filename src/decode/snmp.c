/* snmp.c: SNMP (v1 RFC 1157, v2c RFC 1901/3416, v3 RFC 3412/3414) as
 * tcpdump 4.99 prints it without libsmi:
 *
 *   C="private" GetRequest(28)  system.sysDescr.0           (no -v)
 *   { SNMPv2c { GetResponse(40) R=7  .1.3.6.1.2.1.1.5.0="h" } }  (-v, -n)
 *
 * The message is BER: each element a tag (class, form, number), a length
 * and contents.  tcpdump reads one element at a time, checks it has the
 * type the message needs there, else complains ("[reqId!=INT]") and prints
 * what it found instead, then stops; malformed BER stops the line with
 * its own complaint ("[len12<asnlen40]").  An element whose contents were
 * not captured ends with " [|snmp]" and the printers above return (so -v
 * still closes its braces); a tag or length byte not captured jumps out.
 * Object identifiers print as names from tcpdump's small MIB without -n
 * (snmp_mib.c), abbreviated under four well-known prefixes. */
#include <inttypes.h>
#include <string.h>

#include "decode/dec.h"

/* What an element is, once parsed (tcpdump's BE_* kinds). */
enum snmp_kind {
	BE_ANY, BE_NULL, BE_OCTET, BE_OID, BE_INT, BE_UNS, BE_STR, BE_SEQ, BE_INETADDR, BE_PDU, BE_UNS64,
	BE_NOSUCHOBJECT, BE_NOSUCHINST, BE_ENDOFMIBVIEW,
};

struct asn {
	uint32_t len;              /* contents length */
	const uint8_t *p;          /* contents, all captured */
	union {
		int32_t i;         /* BE_INT */
		uint32_t u;        /* BE_UNS */
		uint64_t u64;      /* BE_UNS64 */
	} v;
	unsigned id;               /* tag number (8 bits, as tcpdump keeps it) */
	uint8_t form, cls;         /* tag form (0 primitive) and class */
	enum snmp_kind kind;
};

/* Tag numbers and names per class (X.680; RFC 1155 for the application
 * class, RFC 3416 for the PDUs and exceptions). */
enum { ASN_UNIVERSAL, ASN_APPLICATION, ASN_CONTEXT, ASN_PRIVATE };
enum { U_INTEGER = 2, U_STRING = 4, U_NULL = 5, U_OID = 6, U_SEQUENCE = 16 };
enum { A_IPADDR = 0, A_COUNTER = 1, A_GAUGE = 2, A_TIMETICKS = 3, A_COUNTER64 = 6 };
enum { PDU_GET, PDU_GETNEXT, PDU_RESPONSE, PDU_SET, PDU_TRAP, PDU_GETBULK, PDU_INFORM, PDU_V2TRAP, PDU_REPORT };

static const char *const universal_ids[] = {
	"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8", "U-9", "U-10",
	"U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set",
};
static const char *const application_ids[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64",
};
static const char *const context_ids[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform", "V2Trap", "Report",
};
static const char *const private_ids[] = { "P-0" };
static const char *const exception_ids[] = { "noSuchObject", "noSuchInstance", "endOfMibView" };
#define N(a) (sizeof(a) / sizeof(a)[0])
static const struct {
	const char *const *ids;
	unsigned n;
} asn_classes[] = {
	[ASN_UNIVERSAL] = { universal_ids, N(universal_ids) },
	[ASN_APPLICATION] = { application_ids, N(application_ids) },
	[ASN_CONTEXT] = { context_ids, N(context_ids) },
	[ASN_PRIVATE] = { private_ids, N(private_ids) },
};
/* tcpdump names every class "x" in its complaints (its table macro puts
 * the argument inside quotes, where it is not substituted). */
#define CLASS_NAME "x"

static const char *const error_status[] = {
	"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess", "wrongType",
	"wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue", "resourceUnavailable",
	"commitFailed", "undoFailed", "authorizationError", "notWritable", "inconsistentName",
};
static const char *const generic_traps[] = {
	"coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
	"enterpriseSpecific",
};
#define GT_ENTERPRISE 6
static const char *const versions[] = { "SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3" };
enum { SNMP_V1, SNMP_V2C, SNMP_V2U, SNMP_V3 };
#define USM_MODEL 3

/* The contents of an element not all captured: tcpdump's marker, and its
 * printers return. */
static int snmp_short(struct dec_ctx *d)
{
	dec_printf(d, " [|snmp]");
	return -1;
}

/* asn1_parse: one element at p of len bytes on the wire; its length on
 * the wire (tag, length and contents), or -1 after a complaint. */
static int asn_parse(struct dec_ctx *d, const uint8_t *p, uint32_t len, struct asn *e)
{
	e->len = 0;
	e->kind = BE_ANY;
	if (len < 1) {
		dec_printf(d, "[nothing to parse]");
		return -1;
	}
	uint8_t b = dec_u8(d, p);
	unsigned id = b & 0x1f;
	e->form = (b >> 5) & 1;
	e->cls = b >> 6;
	p++, len--;
	uint32_t hdr = 1;
	if (id == 0x1f) { /* the number follows, 7 bits a byte (kept in 8 bits) */
		uint8_t x = 0;
		while (dec_u8(d, p) & 0x80) {
			if (len < 1) {
				dec_printf(d, "[Xtagfield?]");
				return -1;
			}
			x = (uint8_t)(x << 7 | (*p & 0x7f));
			p++, len--, hdr++;
		}
		if (len < 1) {
			dec_printf(d, "[Xtagfield?]");
			return -1;
		}
		id = x = (uint8_t)(x << 7 | *p);
		p++, len--, hdr++;
	}
	e->id = id;
	if (len < 1) {
		dec_printf(d, "[no asnlen]");
		return -1;
	}
	e->len = dec_u8(d, p);
	p++, len--, hdr++;
	if (e->len & 0x80) { /* long form: that many length bytes follow */
		uint32_t noct = e->len & 0x7f;
		e->len = 0;
		if (len < noct) {
			dec_printf(d, "[asnlen? %d<%d]", (int)len, (int)noct);
			return -1;
		}
		if (!dec_has(d, p, noct))
			return snmp_short(d);
		for (; noct; noct--, p++, len--, hdr++)
			e->len = e->len << 8 | *p;
	}
	if (len < e->len) {
		dec_printf(d, "[len%d<asnlen%u]", (int)len, e->len);
		return -1;
	}
	if (id >= asn_classes[e->cls].n) {
		dec_printf(d, "[id?%c/%s/%u]", e->form ? 'C' : 'P', CLASS_NAME, id);
		return -1;
	}
	if (!dec_has(d, p, e->len))
		return snmp_short(d);
	e->p = p;
	const char *name = asn_classes[e->cls].ids[id];
	if (e->form) { /* constructed */
		if (e->cls == ASN_UNIVERSAL && id == U_SEQUENCE)
			e->kind = BE_SEQ;
		else if (e->cls == ASN_CONTEXT)
			e->kind = BE_PDU;
		else {
			e->kind = BE_OCTET;
			dec_printf(d, "C/%s/%s", e->cls == ASN_UNIVERSAL ? "U" : CLASS_NAME, name);
		}
		return (int)(e->len + hdr);
	}
	uint32_t u = 0;
	uint64_t u64 = 0;
	switch (e->cls) {
	case ASN_UNIVERSAL:
		if (id == U_STRING)
			e->kind = BE_STR;
		else if (id == U_INTEGER) {
			if (e->len == 0) {
				dec_printf(d, "[asnlen=0]");
				return -1;
			}
			u = (p[0] & 0x80) ? UINT32_MAX : 0; /* sign-extended */
			for (uint32_t i = 0; i < e->len; i++)
				u = u << 8 | p[i];
			e->kind = BE_INT;
			e->v.i = (int32_t)u;
		} else if (id == U_OID)
			e->kind = BE_OID;
		else if (id == U_NULL)
			e->kind = BE_NULL;
		else {
			e->kind = BE_OCTET;
			dec_printf(d, "[P/U/%s]", name);
		}
		break;
	case ASN_APPLICATION:
		if (id == A_IPADDR)
			e->kind = BE_INETADDR;
		else if (id == A_COUNTER || id == A_GAUGE || id == A_TIMETICKS) {
			for (uint32_t i = 0; i < e->len; i++)
				u = (u << 8) + p[i];
			e->kind = BE_UNS;
			e->v.u = u;
		} else if (id == A_COUNTER64) {
			for (uint32_t i = 0; i < e->len; i++)
				u64 = (u64 << 8) + p[i];
			e->kind = BE_UNS64;
			e->v.u64 = u64;
		} else {
			e->kind = BE_OCTET;
			dec_printf(d, "[P/A/%s]", name);
		}
		break;
	case ASN_CONTEXT: /* the varbind exceptions; other numbers stay BE_ANY */
		if (id < N(exception_ids))
			e->kind = BE_NOSUCHOBJECT + id;
		break;
	default:
		dec_printf(d, "[P/%s/%s]", CLASS_NAME, name);
		e->kind = BE_OCTET;
		break;
	}
	return (int)(e->len + hdr);
}

static void print_octets(struct dec_ctx *d, const struct asn *e)
{
	for (uint32_t i = 0; i < e->len; i++)
		dec_printf(d, "_%.2x", e->p[i]);
}

/* Printable ASCII in quotes, else the bytes in hex joined by "_". */
static void print_string(struct dec_ctx *d, const struct asn *e)
{
	uint32_t i = 0;
	while (i < e->len && e->p[i] >= 0x20 && e->p[i] < 0x7f)
		i++;
	if (i == e->len) {
		dec_printf(d, "\"%.*s\"", (int)e->len, (const char *)e->p);
		return;
	}
	for (i = 0; i < e->len; i++)
		dec_printf(d, i ? "_%.2x" : "%.2x", e->p[i]);
}

/* --- object identifiers --- */
/* The prefixes tcpdump abbreviates without -n, in the order it tries
 * them: their encoding and the MIB node whose children follow. */
static const struct {
	const char *prefix;
	uint8_t len;
	uint8_t oid[5];            /* BER contents of the prefix */
	uint8_t path[6];           /* the same as sub-identifiers */
} oid_abbrevs[] = {
	{ "", 5, { 0x2b, 6, 1, 2, 1 }, { 1, 3, 6, 1, 2, 1 } },   /* mgmt.mib */
	{ "E:", 5, { 0x2b, 6, 1, 4, 1 }, { 1, 3, 6, 1, 4, 1 } }, /* private.enterprises */
	{ "X:", 4, { 0x2b, 6, 1, 3 }, { 1, 3, 6, 1, 3 } },        /* experimental */
	{ "S:", 5, { 0x2b, 6, 1, 6, 3 }, { 1, 3, 6, 1, 6, 3 } }, /* snmpV2.snmpModules */
};

/* OBJ_PRINT: sub-identifier o as the name of a child of *node, else as
 * a number (and no names below it). */
static void oid_part(struct dec_ctx *d, int *node, uint32_t o, int nodot)
{
	*node = dec_snmp_mib_child(*node, o);
	if (*node != DEC_MIB_NONE)
		dec_printf(d, nodot ? "%s" : ".%s", dec_snmp_mib_name(*node));
	else
		dec_printf(d, nodot ? "%u" : ".%u", o);
}

static void print_oid(struct dec_ctx *d, const struct asn *e)
{
	const uint8_t *p = e->p;
	uint32_t i = e->len, o = 0;
	int first = -1, node = DEC_MIB_NONE;
	if (!d->o.nflag && i > 2)
		for (size_t a = 0; a < N(oid_abbrevs); a++) {
			size_t n = oid_abbrevs[a].len;
			if (i < n || memcmp(p, oid_abbrevs[a].oid, n) != 0)
				continue;
			node = DEC_MIB_ROOTS;
			for (size_t k = 0; k <= n; k++)
				node = dec_snmp_mib_child(node, oid_abbrevs[a].path[k]);
			i -= (uint32_t)n;
			p += n;
			dec_printf(d, "%s", oid_abbrevs[a].prefix);
			first = 1;
			break;
		}
	for (; i; p++, i--) {
		o = (o << 7) + (*p & 0x7f);
		if (*p & 0x80)
			continue;
		if (first < 0) { /* the first byte holds two: X * 40 + Y */
			if (!d->o.nflag)
				node = DEC_MIB_ROOTS;
			first = 0;
			int32_t s = (int32_t)o / 40;
			if (s > 2)
				s = 2;
			oid_part(d, &node, (uint32_t)s, 0);
			o -= (uint32_t)s * 40;
		}
		oid_part(d, &node, o, first);
		if (--first < 0)
			first = 0;
		o = 0;
	}
}

/* asn1_print: an element's value; -1 when its printer ended the line. */
static int asn_print(struct dec_ctx *d, const struct asn *e)
{
	switch (e->kind) {
	case BE_OCTET: print_octets(d, e); break;
	case BE_NULL: break;
	case BE_OID: print_oid(d, e); break;
	case BE_INT: dec_printf(d, "%d", e->v.i); break;
	case BE_UNS: dec_printf(d, "%u", e->v.u); break;
	case BE_UNS64: dec_printf(d, "%" PRIu64, e->v.u64); break;
	case BE_STR: print_string(d, e); break;
	case BE_SEQ: dec_printf(d, "Seq(%u)", e->len); break;
	case BE_INETADDR:
		if (e->len != 4)
			dec_printf(d, "[inetaddr len!=%d]", 4);
		for (uint32_t i = 0; i < e->len; i++)
			dec_printf(d, i ? ".%u" : "%u", e->p[i]);
		break;
	case BE_NOSUCHOBJECT: case BE_NOSUCHINST: case BE_ENDOFMIBVIEW:
		dec_printf(d, "[%s]", exception_ids[e->id]);
		break;
	case BE_PDU: dec_printf(d, "%s(%u)", context_ids[e->id], e->len); break;
	default: dec_printf(d, "[BE_ANY!?]"); break;
	}
	return 0;
}

/* The next element must be of kind: its length on the wire, or -1 after
 * the parser's complaint or "[what]" and the element found instead. */
static int expect(struct dec_ctx *d, const uint8_t *p, uint32_t len, struct asn *e, enum snmp_kind kind,
		  const char *what)
{
	int count = asn_parse(d, p, len, e);
	if (count < 0)
		return -1;
	if (e->kind != kind) {
		dec_printf(d, "[%s]", what);
		asn_print(d, e);
		return -1;
	}
	return count;
}

/* expect, then past the element: its count, or 0 when the line ended. */
static int take(struct dec_ctx *d, const uint8_t **np, uint32_t *length, struct asn *e, enum snmp_kind kind,
		const char *what)
{
	int count = expect(d, *np, *length, e, kind, what);
	if (count < 0)
		return 0;
	*np += count;
	*length -= (uint32_t)count;
	return count;
}

/* A SEQUENCE at *np: on to its contents (*np, *length), after "[N extra
 * after EXTRA]" when it does not fill the length (extra NULL: no check);
 * 0 when the line ended. */
static int enter_seq(struct dec_ctx *d, const uint8_t **np, uint32_t *length, const char *what, const char *extra)
{
	struct asn e;
	int count = expect(d, *np, *length, &e, BE_SEQ, what);
	if (count < 0)
		return 0;
	if (extra && (uint32_t)count < *length)
		dec_printf(d, "[%d extra after %s]", (int)(*length - (uint32_t)count), extra);
	*np = e.p;
	*length = e.len;
	return 1;
}

static void print_error_status(struct dec_ctx *d, const char *fmt, int32_t e)
{
	char buf[20];
	const char *s = buf;
	if (e >= 0 && (size_t)e < N(error_status))
		s = error_status[e];
	else
		snprintf(buf, sizeof buf, "err=%u", (unsigned)e);
	dec_printf(d, fmt, s);
}

#define IS_REQUEST(id) ((id) == PDU_GET || (id) == PDU_GETNEXT || (id) == PDU_GETBULK)
/* PDUs whose error fields must be zero */
#define NO_ERRORS(id) \
	((id) == PDU_GET || (id) == PDU_GETNEXT || (id) == PDU_SET || (id) == PDU_INFORM || (id) == PDU_V2TRAP || \
	 (id) == PDU_REPORT)

/* The variable bindings: " name" for requests, " name=value" otherwise. */
static void print_varbinds(struct dec_ctx *d, unsigned pdu, const uint8_t *np, uint32_t length)
{
	struct asn e;
	int count;
	if (!enter_seq(d, &np, &length, "!SEQ of varbind", "SEQ of varbind"))
		return;
	while (length > 0) {
		dec_printf(d, " ");
		if ((count = expect(d, np, length, &e, BE_SEQ, "!varbind")) < 0)
			return;
		const uint8_t *vbend = np + count;
		uint32_t vblength = length - (uint32_t)count;
		length = e.len;
		np = e.p;
		if (!take(d, &np, &length, &e, BE_OID, "objName!=OID"))
			return;
		asn_print(d, &e);
		if (!IS_REQUEST(pdu))
			dec_printf(d, "=");
		if (asn_parse(d, np, length, &e) < 0)
			return;
		if (e.kind != BE_NULL) {
			if (IS_REQUEST(pdu))
				dec_printf(d, "[objVal!=NULL]");
			asn_print(d, &e);
		}
		length = vblength;
		np = vbend;
	}
}

/* Every PDU but the v1 trap: request id (-v), error status and index
 * (for GetBulk: non-repeaters and max-repetitions), the bindings. */
static void print_pdu_body(struct dec_ctx *d, unsigned pdu, const uint8_t *np, uint32_t length)
{
	struct asn e;
	if (!take(d, &np, &length, &e, BE_INT, "reqId!=INT"))
		return;
	if (d->o.vflag)
		dec_printf(d, "R=%d ", e.v.i);
	if (!take(d, &np, &length, &e, BE_INT, "errorStatus!=INT"))
		return;
	int32_t status = 0;
	if (NO_ERRORS(pdu) && e.v.i != 0)
		print_error_status(d, "[errorStatus(%s)!=0]", e.v.i);
	else if (pdu == PDU_GETBULK)
		dec_printf(d, " N=%d", e.v.i);
	else if (e.v.i != 0) {
		print_error_status(d, " %s", e.v.i);
		status = e.v.i;
	}
	if (!take(d, &np, &length, &e, BE_INT, "errorIndex!=INT"))
		return;
	if (NO_ERRORS(pdu) && e.v.i != 0)
		dec_printf(d, "[errorIndex(%d)!=0]", e.v.i);
	else if (pdu == PDU_GETBULK)
		dec_printf(d, " M=%d", e.v.i);
	else if (e.v.i != 0 && !status)
		dec_printf(d, "[errorIndex(%d) w/o errorStatus]", e.v.i);
	else if (e.v.i != 0)
		dec_printf(d, "@%d", e.v.i);
	else if (status)
		dec_printf(d, "[errorIndex==0]");
	print_varbinds(d, pdu, np, length);
}

/* The v1 trap: enterprise, agent address, generic and specific trap,
 * time stamp, the bindings. */
static void print_trap(struct dec_ctx *d, const uint8_t *np, uint32_t length)
{
	struct asn e;
	dec_printf(d, " ");
	if (!take(d, &np, &length, &e, BE_OID, "enterprise!=OID"))
		return;
	asn_print(d, &e);
	dec_printf(d, " ");
	if (!take(d, &np, &length, &e, BE_INETADDR, "agent-addr!=INETADDR"))
		return;
	asn_print(d, &e);
	if (!take(d, &np, &length, &e, BE_INT, "generic-trap!=INT"))
		return;
	int32_t generic = e.v.i;
	if (generic >= 0 && (size_t)generic < N(generic_traps))
		dec_printf(d, " %s", generic_traps[generic]);
	else
		dec_printf(d, " gt=%d", generic);
	if (!take(d, &np, &length, &e, BE_INT, "specific-trap!=INT"))
		return;
	if (generic != GT_ENTERPRISE) {
		if (e.v.i != 0)
			dec_printf(d, "[specific-trap(%d)!=0]", e.v.i);
	} else
		dec_printf(d, " s=%d", e.v.i);
	dec_printf(d, " ");
	if (!take(d, &np, &length, &e, BE_UNS, "time-stamp!=TIMETICKS"))
		return;
	asn_print(d, &e);
	print_varbinds(d, PDU_TRAP, np, length);
}

static void print_pdu(struct dec_ctx *d, const uint8_t *np, uint32_t length, int version)
{
	struct asn pdu;
	int count = asn_parse(d, np, length, &pdu);
	if (count < 0)
		return;
	if (pdu.kind != BE_PDU) {
		dec_printf(d, "[no PDU]");
		return;
	}
	if ((uint32_t)count < length)
		dec_printf(d, "[%d extra after PDU]", (int)(length - (uint32_t)count));
	if (d->o.vflag)
		dec_printf(d, "{ ");
	asn_print(d, &pdu);
	dec_printf(d, " ");
	if (version == SNMP_V1 && (pdu.id == PDU_GETBULK || pdu.id == PDU_INFORM || pdu.id == PDU_V2TRAP ||
				   pdu.id == PDU_REPORT)) {
		dec_printf(d, "[v2 PDU in v1 message]");
		return;
	}
	if (version == SNMP_V2C && pdu.id == PDU_TRAP) {
		dec_printf(d, "[v1 PDU in v2 message]");
		return;
	}
	if (pdu.id == PDU_TRAP)
		print_trap(d, pdu.p, pdu.len);
	else
		print_pdu_body(d, pdu.id, pdu.p, pdu.len);
	if (d->o.vflag)
		dec_printf(d, " } ");
}

/* v1 and v2c: the community (not shown when "public"), the PDU. */
static void print_community(struct dec_ctx *d, const uint8_t *np, uint32_t length, int version)
{
	struct asn e;
	if (!take(d, &np, &length, &e, BE_STR, "comm!=STR"))
		return;
	if (!(e.len == 6 && memcmp(e.p, "public", 6) == 0)) {
		dec_printf(d, "C=");
		print_string(d, &e);
		dec_printf(d, " ");
	}
	print_pdu(d, np, length, version);
}

/* The fields of a v3 message that must be strings or integers, in
 * order: what tcpdump calls them, what it prints before the value. */
struct v3_field {
	enum snmp_kind kind;
	const char *what;          /* the complaint when it is something else */
	const char *show;          /* "E=" etc.: printed with the value; NULL: not */
	int vonly;                 /* shown only with -v */
};

/* Walks fields at *np, printing those shown; 0 when the line ended,
 * else the last field's count. */
static int v3_fields(struct dec_ctx *d, const struct v3_field *f, size_t n, const uint8_t **np, uint32_t *length)
{
	struct asn e;
	int count = 0;
	for (size_t k = 0; k < n; k++, f++) {
		if (!(count = take(d, np, length, &e, f->kind, f->what)))
			return 0;
		if (!f->show || (f->vonly && !d->o.vflag))
			continue;
		if (f->kind == BE_INT) {
			dec_printf(d, "%s%d ", f->show, e.v.i);
			continue;
		}
		dec_printf(d, "%s", f->show);
		if (f->show[0] == 'E') /* the engine id in hex */
			print_octets(d, &e);
		else
			print_string(d, &e);
		dec_printf(d, " ");
	}
	return count;
}

static void print_usm(struct dec_ctx *d, const uint8_t *np, uint32_t length)
{
	static const struct v3_field usm[] = {
		{ BE_STR, "msgAuthoritativeEngineID!=STR", NULL, 0 },
		{ BE_INT, "msgAuthoritativeEngineBoots!=INT", "B=", 1 },
		{ BE_INT, "msgAuthoritativeEngineTime!=INT", "T=", 1 },
		{ BE_STR, "msgUserName!=STR", "U=", 0 },
		{ BE_STR, "msgAuthenticationParameters!=STR", NULL, 0 },
		{ BE_STR, "msgPrivacyParameters!=STR", NULL, 0 },
	};
	if (!enter_seq(d, &np, &length, "!usm", NULL))
		return;
	int count = v3_fields(d, usm, N(usm), &np, &length);
	if (count > 0 && (uint32_t)count < length)
		dec_printf(d, "[%d extra after usm SEQ]", (int)(length - (uint32_t)count));
}

static void print_scoped_pdu(struct dec_ctx *d, const uint8_t *np, uint32_t length)
{
	static const struct v3_field scoped[] = {
		{ BE_STR, "contextEngineID!=STR", "E=", 0 },
		{ BE_STR, "contextName!=STR", "C=", 0 },
	};
	if (!enter_seq(d, &np, &length, "!scoped PDU", NULL))
		return;
	if (v3_fields(d, scoped, N(scoped), &np, &length) > 0)
		print_pdu(d, np, length, SNMP_V3);
}

/* v3: the header (id, size, flags, security model), the USM parameters,
 * the scoped PDU. */
static void print_v3(struct dec_ctx *d, const uint8_t *np, uint32_t length)
{
	static const struct v3_field header[] = {
		{ BE_INT, "msgID!=INT", NULL, 0 },
		{ BE_INT, "msgMaxSize!=INT", NULL, 0 },
	};
	const uint8_t *msg = np;
	uint32_t msglen = length;
	struct asn e;
	if (!enter_seq(d, &np, &length, "!message", NULL))
		return;
	if (d->o.vflag)
		dec_printf(d, "{ ");
	if (!v3_fields(d, header, N(header), &np, &length))
		return;
	if (!take(d, &np, &length, &e, BE_STR, "msgFlags!=STR"))
		return;
	if (e.len != 1) {
		dec_printf(d, "[msgFlags size %d]", (int)e.len);
		return;
	}
	unsigned flags = e.p[0];
	if (flags != 0x00 && flags != 0x01 && flags != 0x03 && flags != 0x04 && flags != 0x05 && flags != 0x07) {
		dec_printf(d, "[msgFlags=0x%02X]", flags);
		return;
	}
	dec_printf(d, "F=%s%s%s ", flags & 1 ? "a" : "", flags & 2 ? "p" : "", flags & 4 ? "r" : "");
	int count = take(d, &np, &length, &e, BE_INT, "msgSecurityModel!=INT");
	if (!count)
		return;
	int32_t model = e.v.i;
	if ((uint32_t)count < length)
		dec_printf(d, "[%d extra after message SEQ]", (int)(length - (uint32_t)count));
	if (d->o.vflag)
		dec_printf(d, "} ");
	if (model != USM_MODEL) {
		dec_printf(d, "[security model %d]", model);
		return;
	}
	if (d->o.vflag)
		dec_printf(d, "{ USM ");
	/* tcpdump goes on from the end of the header's last field, with the
	 * length left in the whole message */
	length = msglen - (uint32_t)(np - msg);
	if (!take(d, &np, &length, &e, BE_STR, "msgSecurityParameters!=STR"))
		return;
	print_usm(d, e.p, e.len);
	if (d->o.vflag)
		dec_printf(d, "} { ScopedPDU ");
	print_scoped_pdu(d, np, length);
	if (d->o.vflag)
		dec_printf(d, "} ");
}

void dec_snmp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "snmp";
	dec_printf(d, " ");
	uint32_t length = (uint32_t)len;
	struct asn e;
	if (!enter_seq(d, &p, &length, "!init SEQ", "iSEQ") || !take(d, &p, &length, &e, BE_INT, "version!=INT"))
		return;
	int32_t version = e.v.i;
	if (version != SNMP_V1 && version != SNMP_V2C && version != SNMP_V3) {
		dec_printf(d, "SNMP [version = %d]", version);
		return;
	}
	if (d->o.vflag)
		dec_printf(d, "{ %s ", versions[version]);
	if (version == SNMP_V3)
		print_v3(d, p, length);
	else
		print_community(d, p, length, version);
	if (d->o.vflag)
		dec_printf(d, "} ");
}
