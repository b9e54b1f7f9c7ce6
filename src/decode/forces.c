/* forces.c: ForCES (RFC 5810) messages in SCTP DATA chunks on the ForCES
 * ports, as tcpdump 4.99 prints them: the message type on a line of its
 * own,
 *
 *   	ForCES Config
 *
 * with -v the common header (version, length, flags, source and
 * destination ids and the correlator), with -vv the flags spelled out,
 * with -vvv the TLVs: LFB selectors, their operation TLVs, path data and
 * what it carries (full and sparse data, keys, results), association and
 * redirect TLVs.  tcpdump walks the TLVs at every level and prints what
 * it finds wrong there; the walk here follows its functions one to one
 * (their names in comments), return values included: -1 is an error,
 * after which the message is dumped in hex. */
#include "decode/dec.h"

#define FORCES_HDR 24 /* version, type, length in words, ids, correlator, flags */
#define TLV_HDR 4     /* type, length (of header and data, unpadded) */
#define ILV_HDR 8     /* 32-bit type and length */
#define ALN(n) (((n) + 3u) & ~3u)
#define IND 64        /* indentation, at most */

enum { ZERO_TTLV = 0x01, ZERO_MORE_TTLV = 0x02, ONE_MORE_TTLV = 0x04 }; /* top-level TLVs of a type */
/* what a path data TLV may carry (B_*), and the operations (1 << (op - 1)) */
enum { B_FULLD = 0x1, B_SPARD = 0x2, B_RESTV = 0x4, B_KEYIN = 0x8, B_APPND = 0x10, B_TRNG = 0x20 };
enum { OP_SET = 1, OP_SETPROP, OP_SETRESP, OP_SETPRESP, OP_DEL, OP_DELRESP, OP_GET, OP_GETPROP, OP_GETRESP,
       OP_GETPRESP, OP_REPORT, OP_COMMIT, OP_RCOMMIT, OP_RTRCOMP };
#define OPB(op) (1u << ((op) - 1))
enum { TLV_LFBS = 0x1000, TLV_PDAT = 0x110, TLV_KEYI, TLV_FULD, TLV_SPAD, TLV_REST, TLV_METD, TLV_REDD };

typedef int tlv_printer(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent);
static tlv_printer lfbselect, redirect, asrtlv, asttlv, recpdoptlv, genoptlv, invoptlv;
static tlv_printer pkeyitlv, fdatatlv, sdatatlv, prestlv;

/* The message types (tcpdump's ForCES_msg): top-level TLV rule, the
 * operations allowed, and the printer of each top-level TLV. */
static const struct forces_type {
	unsigned type, flags, ops;
	const char *name;
	tlv_printer *print;
} forces_types[] = {
	{ 0x01, ZERO_MORE_TTLV | 0x20, OPB(OP_REPORT), "Association Setup", lfbselect },
	{ 0x02, ONE_MORE_TTLV | 0x10, 0, "Association TearDown", asttlv },
	{ 0x03, ONE_MORE_TTLV | 0xf0, OPB(OP_SET) | OPB(OP_SETPROP) | OPB(OP_DEL) | OPB(OP_COMMIT) | OPB(OP_RTRCOMP),
	  "Config", lfbselect },
	{ 0x04, ONE_MORE_TTLV | 0xf0, OPB(OP_GET) | OPB(OP_GETPROP), "Query", lfbselect },
	{ 0x05, ONE_MORE_TTLV | 0x10, OPB(OP_REPORT), "Event Notification", lfbselect },
	{ 0x06, ONE_MORE_TTLV | 0xf0, 0, "Packet Redirect", redirect },
	{ 0x0f, ZERO_TTLV, 0, "HeartBeat", NULL },
	{ 0x11, ONE_MORE_TTLV | 0x10, 0, "Association Response", asrtlv },
	{ 0x13, ONE_MORE_TTLV | 0xf0, OPB(OP_SETRESP) | OPB(OP_SETPRESP) | OPB(OP_DELRESP) | OPB(OP_RCOMMIT),
	  "Config Response", lfbselect },
	{ 0x14, ONE_MORE_TTLV | 0xf0, OPB(OP_GETRESP) | OPB(OP_GETPRESP), "Query Response", lfbselect },
};
/* The operation TLVs by operation (tcpdump's OPTLV_msg); 0 and the rest
 * are invalid. */
static const struct optlv {
	unsigned data;
	const char *name;
	tlv_printer *print;
} optlvs[] = {
	{ 0, "Invalid OPTLV", invoptlv }, { B_FULLD | B_SPARD, " Set", recpdoptlv },
	{ B_FULLD | B_SPARD, " SetProp", recpdoptlv }, { B_RESTV, " SetResp", recpdoptlv },
	{ B_RESTV, " SetPropResp", recpdoptlv }, { 0, " Del", recpdoptlv }, { B_RESTV, " DelResp", recpdoptlv },
	{ 0, " Get", recpdoptlv }, { 0, " GetProp", recpdoptlv }, { B_FULLD | B_SPARD | B_RESTV, " GetResp", recpdoptlv },
	{ B_FULLD | B_RESTV, " GetPropResp", recpdoptlv }, { B_FULLD | B_SPARD, " Report", recpdoptlv },
	{ 0, " Commit", NULL }, { B_RESTV, " RCommit", genoptlv }, { 0, " RTRCOMP", NULL },
};
/* What a path data TLV holds (tcpdump's ForCES_pdata). */
static const struct pdata {
	unsigned type, data;
	const char *name;
	tlv_printer *print;
} pdatas[] = {
	{ TLV_KEYI, 0, "KEYINFO TLV", pkeyitlv }, { TLV_FULD, B_FULLD, "FULLDATA TLV", fdatatlv },
	{ TLV_SPAD, B_SPARD, "SPARSEDATA TLV", sdatatlv }, { TLV_REST, B_RESTV, "RESULT TLV", prestlv },
	{ TLV_PDAT, 0, "Inner PATH-DATA TLV", recpdoptlv },
};
static const struct dec_tok tlv_names[] = {
	{ 0, "Invalid TLV" }, { 1, "REDIRECT TLV" }, { 0x10, "ASResult TLV" }, { 0x11, "ASTreason TLV" },
	{ TLV_LFBS, "LFBselect TLV" }, { TLV_PDAT, "PATH-DATA TLV" }, { TLV_KEYI, "KEYINFO TLV" },
	{ TLV_FULD, "FULLDATA TLV" }, { TLV_SPAD, "SPARSEDATA TLV" }, { TLV_REST, "RESULT TLV" },
	{ TLV_METD, "METADATA TLV" }, { TLV_REDD, "REDIRECTDATA TLV" }, { 0, NULL },
};
static const struct dec_tok lfb_names[] = {
	{ 0, "Invalid TLV" }, { 1, "FEObj LFB" }, { 2, "FEProtoObj LFB" }, { 0, NULL },
};
enum { INVALID_RLEN = 1, INVALID_STLN, INVALID_LTLN, INVALID_ALEN };
static const struct dec_tok tlv_errs[] = {
	{ INVALID_RLEN, "Invalid total length" }, { INVALID_STLN, "xLV too short" }, { INVALID_LTLN, "xLV too long" },
	{ INVALID_ALEN, "data padding missing" }, { 0, NULL },
};
static const char *const results[] = {
	"SUCCESS", "INVALID HEADER", "LENGTH MISMATCH", "VERSION MISMATCH", "INVALID DESTINATION PID",
	"LFB UNKNOWN", "LFB NOT FOUND", "LFB INSTANCE ID NOT FOUND", "INVALID PATH", "COMPONENT DOES NOT EXIST",
	"EXISTS ALREADY", "NOT FOUND", "READ ONLY", "INVALID ARRAY CREATION", "VALUE OUT OF RANGE",
	"CONTENTS TOO LONG", "INVALID PARAMETERS", "INVALID MESSAGE TYPE", "INVALID FLAGS", "INVALID TLV",
	"EVENT ERROR", "NOT SUPPORTED", "MEMORY ERROR", "INTERNAL ERROR",
};
/* The flag fields of RFC 5810 section 6.1: names by value. */
static const char *const acks[] = { "NoACK", "SuccessACK", "FailureACK", "AlwaysACK" };
static const char *const ems[] = { "EMReserved", "execute-all-or-none", "execute-until-failure",
				   "continue-execute-on-failure" };
static const char *const ats[] = { "Standalone", "2PCtransaction" };
static const char *const tps[] = { "StartofTransaction", "MiddleofTransaction", "EndofTransaction", "abort" };

static int type_valid(unsigned t)
{
	return t > 0 && !(t >= 0x07 && t <= 0x0e) && t != 0x10 && t <= 0x14;
}

/* tcpdump's tok2str without a format: the name, or "#N". */
static void name(struct dec_ctx *d, const struct dec_tok *t, unsigned v)
{
	dec_tokf(d, t, v, "#%d");
}

/* tcpdump's indent_pr: n spaces, the first a newline with nl. */
static const char *indent_str(char buf[IND + 1], int n, int nl)
{
	int i = 0;
	if (n > IND)
		n = IND;
	if (nl) {
		buf[i++] = '\n';
		n--;
	}
	while (--n >= 0)
		buf[i++] = ' ';
	buf[i] = 0;
	return buf;
}

/* tcpdump's tlv_valid / ilv_valid: 0, or what is wrong with a TLV of len
 * bytes where rlen remain. */
static unsigned tlv_valid(unsigned len, unsigned rlen, unsigned hdr)
{
	if (rlen < hdr)
		return INVALID_RLEN;
	if (len < hdr)
		return INVALID_STLN;
	if (len > rlen)
		return INVALID_LTLN;
	if (rlen < ALN(len))
		return INVALID_ALEN;
	return 0;
}

static int ttlv_valid(unsigned t)
{
	return t == 1 || t == TLV_LFBS || t == 0x10 || t == 0x11 || (t >= TLV_PDAT && t <= TLV_REDD);
}

static int op_valid(unsigned op, unsigned mask)
{
	if (op == 0)
		return 0;
	if (op <= OP_RTRCOMP)
		return OPB(op) & mask;
	return op >= 0x8000;
}

/* What kind of node an id names (section 4.3.1.1). */
static const char *node(uint32_t id)
{
	if (id <= 0x3fffffff)
		return "FE";
	if (id <= 0x7fffffff)
		return "CE";
	if (id >= 0xc0000000 && id <= 0xffffffef)
		return "AllMulticast";
	if (id == 0xfffffffd)
		return "AllCEsBroadcast";
	if (id == 0xfffffffe)
		return "AllFEsBroadcast";
	return id == 0xffffffff ? "AllBroadcast" : "ForCESreserved";
}

/* tcpdump's hex_print: pairs of bytes, 16 a line after ident and the
 * offset; a read past the capture ends the packet (" [|forces]") where
 * tcpdump's would, a pair being read before it is printed. */
static void hex(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t len)
{
	size_t n = dec_avail(d, p, len);
	if (n == len) {
		dec_hexlines(d, ident, p, n);
		return;
	}
	n &= ~(size_t)1;
	dec_hexlines(d, ident, p, n);
	if (n % 16 == 0)
		dec_printf(d, "%s0x%04zx: ", ident, n);
	dec_trunc(d);
}

/* tcpdump's nd_print_trunc in a printer that then returns -1. */
static int trunc_err(struct dec_ctx *d)
{
	dec_printf(d, " [|forces]");
	return -1;
}

/* The end of a list of TLVs: 0, or -1 after tcpdump's complaint about
 * the rlen bytes left at p that are no TLV. */
static int messy(struct dec_ctx *d, const char *what, const uint8_t *p, unsigned rlen)
{
	if (!rlen)
		return 0;
	dec_printf(d, "\n\t\tMessy %s TLV header, type (0x%x)\n\t\texcess of %u Bytes ", what, dec_be16(d, p),
		   rlen - dec_be16(d, p + 2));
	return -1;
}

/* The check of fdatatlv_print and sdatatlv_print: the TLV at p is of
 * type t (else -1, after tcpdump's complaint). */
static int expect(struct dec_ctx *d, const uint8_t *p, unsigned t, const char *what)
{
	if (!dec_has(d, p, TLV_HDR))
		return trunc_err(d);
	if (dec_get_be16(p) == t)
		return 0;
	dec_printf(d, "Error: expecting %s!\n", what);
	return -1;
}

/* prestlv_print: a result TLV's code. */
static int prestlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	char ib[IND + 1];
	if (len - TLV_HDR != 4) {
		dec_printf(d, "illegal RESULT-TLV: %u bytes!\n", len - TLV_HDR);
		return -1;
	}
	if (!dec_has(d, p + TLV_HDR, 4))
		return trunc_err(d);
	unsigned r = p[TLV_HDR];
	if (r >= 0x18 && r <= 0xfe) {
		dec_printf(d, "illegal reserved result code: 0x%x!\n", r);
		return -1;
	}
	if (d->o.vflag >= 3)
		dec_printf(d, "%s  Result: %s (code 0x%x)\n", indent_str(ib, indent, 0),
			   r == 0xff ? "UNSPECIFIED ERROR" : results[r], r);
	return 0;
}

/* fdatatlv_print: full data in hex. */
static int fdatatlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	char ib[IND + 1];
	if (expect(d, p, TLV_FULD, "FULLDATA") < 0)
		return -1;
	if (d->o.vflag >= 3) {
		indent_str(ib, indent + 2, 1);
		dec_printf(d, "%s[", ib + 1);
		hex(d, ib, p + TLV_HDR, len - TLV_HDR);
		dec_printf(d, "\n%s]", ib + 1);
	}
	return 0;
}

/* sdatatlv_print and sdatailv_print: sparse data, ILVs in hex. */
static int sdatatlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	unsigned rlen = len - TLV_HDR;
	(void)op_msk;
	if (expect(d, p, TLV_SPAD, "SPARSEDATA") < 0)
		return -1;
	if (rlen < ILV_HDR) {
		dec_printf(d, "Error: BAD SPARSEDATA-TLV!\n");
		return -1;
	}
	for (const uint8_t *ilv = p + TLV_HDR; rlen;) {
		unsigned inv = rlen < ILV_HDR ? INVALID_RLEN : tlv_valid(dec_be32(d, ilv + 4), rlen, ILV_HDR);
		if (inv) {
			dec_printf(d, "Error: %s, rlen %u\n", dec_tok(tlv_errs, inv, ""), rlen);
			return -1;
		}
		uint32_t ilvl = dec_be32(d, ilv + 4);
		if (d->o.vflag >= 3) {
			char ib[IND + 1];
			dec_printf(d, "\n%s ILV: type %x length %u\n", indent_str(ib, indent + 1, 1) + 1, dec_be32(d, ilv),
				   ilvl);
			hex(d, "\t\t[", ilv + ILV_HDR, ilvl - ILV_HDR);
		}
		ilv += ALN(ilvl);
		rlen -= ALN(ilvl);
	}
	return 0;
}

/* pkeyitlv_print: a key id, then a key TLV whose data is read as a full
 * data TLV. */
static int pkeyitlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	const uint8_t *kd = p + TLV_HDR + 4;
	dec_printf(d, "%sKeyinfo: Key 0x%x\n", indent_str(ib, indent, 0), dec_be32(d, p + TLV_HDR));
	unsigned type = dec_be16(d, kd), tll = dec_be16(d, kd + 2), inv = tlv_valid(tll, len, TLV_HDR);
	if (inv) {
		dec_printf(d, "%s TLV type 0x%x len %u\n", dec_tok(tlv_errs, inv, ""), type, tll);
		return -1;
	}
	return fdatatlv(d, kd + TLV_HDR, tll, op_msk, indent);
}

/* pdatacnt_print's table range or key before the data (-1 when short). */
static int range_key(struct dec_ctx *d, const uint8_t **pp, unsigned *lenp, unsigned op_msk, const char *ib)
{
	const uint8_t *p = *pp;
	unsigned len = *lenp;
	if (op_msk & B_TRNG) {
		if (len < 12) {
			dec_printf(d, "pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		uint32_t start = dec_be32(d, p + 4), end = dec_be32(d, p + 8);
		p += 12;
		len -= 12;
		if (d->o.vflag >= 3)
			dec_printf(d, "%sTable range: [%u,%u]\n", ib, start, end);
	}
	if (op_msk & B_KEYIN) {
		if (len < 12) {
			dec_printf(d, "pathlength %u with key/range too short %u\n", len, 12);
			return -1;
		}
		unsigned tll = dec_be16(d, p + 6);
		p += 8;
		len -= 8;
		if (tll < TLV_HDR) {
			dec_printf(d, "key content length %u < %u\n", tll, TLV_HDR);
			return -1;
		}
		if (len < tll - TLV_HDR) {
			dec_printf(d, "key content too short\n");
			return -1;
		}
		p += tll - TLV_HDR;
		len -= tll - TLV_HDR;
	}
	*pp = p;
	*lenp = len;
	return 0;
}

/* pdatacnt_print: the path's ids, then one data TLV; the bytes left
 * after it, or -1. */
static int pdatacnt(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned ids, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	indent_str(ib, indent, 0);
	if ((op_msk & B_APPND) && d->o.vflag >= 3)
		dec_printf(d, "%sTABLE APPEND\n", ib);
	for (unsigned i = 0; i < ids; i++, p += 4, len -= 4) {
		if (!dec_has(d, p, 4) || len < 4)
			return trunc_err(d);
		if (d->o.vflag >= 3)
			dec_printf(d, "%sID#%02u: %u\n", ib, i + 1, dec_get_be32(p));
	}
	if (range_key(d, &p, &len, op_msk, ib) < 0)
		return -1;
	if (!len)
		return 0;
	unsigned type = dec_be16(d, p), tlvl = dec_be16(d, p + 2), inv = tlv_valid(tlvl, len, TLV_HDR), pad = 0;
	const struct pdata *ops = NULL;
	for (size_t i = 0; i < sizeof pdatas / sizeof pdatas[0]; i++)
		if (pdatas[i].type == type)
			ops = &pdatas[i];
	if (inv) {
		dec_printf(d, "%s Outstanding bytes %u for TLV type 0x%x TLV len %u\n", dec_tok(tlv_errs, inv, ""), len,
			   type, tlvl);
	} else if (!ops) {
		dec_printf(d, "Invalid path data content type 0x%x len %u\n", type, tlvl);
	} else {
		unsigned tll = tlvl - TLV_HDR;
		if (ALN(tlvl) > tlvl)
			pad = ALN(tlvl) - tlvl; /* tlv_valid saw the padding there */
		if (d->o.vflag >= 3 && type != TLV_PDAT) {
			dec_printf(d, "%s  %s (Length %u DataLen %u", ib, ops->name, tlvl, tll);
			dec_printf(d, pad ? " pad %u Bytes)\n" : " Bytes)\n", pad);
		}
		if (type != TLV_PDAT && (op_msk & B_KEYIN) && type != TLV_KEYI)
			dec_printf(d, "Based on flags expected KEYINFO TLV!\n");
		else if (type != TLV_PDAT && !(op_msk & B_KEYIN) && !(op_msk & ops->data))
			dec_printf(d, "Illegal DATA encoding for type 0x%x programmed %x got %x\n", type, ops->data,
				   op_msk);
		if (ops->print(d, p, tll + pad + TLV_HDR, op_msk, indent + 2) == -1)
			return -1;
		return (int)(len - (TLV_HDR + pad + tll));
	}
	if (!tlvl)
		return (int)len;
	hex(d, "Bad Data val\n\t  [", p, len);
	dec_printf(d, "]\n");
	return -1;
}

/* pdata_print: a path data TLV's flags, ids and content. */
static int pdata(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	if (!dec_has(d, p, 4) || len < 4)
		return trunc_err(d);
	unsigned flags = dec_get_be16(p), ids = dec_get_be16(p + 2);
	if (d->o.vflag >= 3)
		dec_printf(d, "\n%sPathdata: Flags 0x%x ID count %u\n", indent_str(ib, indent, 0), flags, ids);
	op_msk |= (flags & 1 ? B_KEYIN : 0) | (flags & 2 ? B_TRNG : 0) | (flags & 4 ? B_APPND : 0);
	p += 4;
	len -= 4;
	if (len < ids * 4) {
		dec_printf(d, "\t\t\ttruncated IDs expected %uB got %uB\n", ids * 4, len);
		hex(d, "\t\t\tID Data[", p, len);
		dec_printf(d, "]\n");
		return -1;
	}
	if ((op_msk & B_TRNG) && (op_msk & B_KEYIN)) {
		dec_printf(d, "\t\t\tIllegal to have both Table ranges and keys\n");
		return -1;
	}
	int more = pdatacnt(d, p, len, ids, op_msk, indent);
	if (more <= 0)
		return 0; /* tcpdump: an error in there is not one here */
	return recpdoptlv(d, p + len - (unsigned)more, (unsigned)more, op_msk, indent + 1);
}

/* genoptlv_print: the TLV of an RCommit. */
static int genoptlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	unsigned type = dec_be16(d, p), tlvl = dec_be16(d, p + 2), inv = tlv_valid(tlvl, len, TLV_HDR);
	dec_printf(d, "genoptlvprint - ");
	name(d, tlv_names, type);
	dec_printf(d, " TLV type 0x%x len %u\n", type, tlvl);
	if (inv) {
		dec_printf(d, "\t\t\tInvalid ForCES TLV type=%x", type);
		return -1;
	}
	if (!ttlv_valid(type)) {
		dec_printf(d, "#0 TLV type 0x%x len %u\n", type, tlvl);
		return -1;
	}
	if (d->o.vflag >= 3) {
		dec_printf(d, "%s", indent_str(ib, indent, 0));
		name(d, tlv_names, type);
		dec_printf(d, ", length %u (data length %u Bytes)", tlvl, tlvl - TLV_HDR);
	}
	return pdata(d, p + TLV_HDR, tlvl - TLV_HDR, op_msk, indent + 1);
}

/* recpdoptlv_print: path data TLVs, each with its pdata. */
static int recpdoptlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	while (len) {
		unsigned tlvl = dec_be16(d, p + 2);
		if (tlv_valid(tlvl, len, TLV_HDR))
			break;
		unsigned type = dec_be16(d, p);
		if (d->o.vflag >= 3) {
			dec_printf(d, "%s", indent_str(ib, indent, 0));
			name(d, tlv_names, type);
			dec_printf(d, ", length %u (data encapsulated %u Bytes)", tlvl, tlvl - TLV_HDR);
		}
		if (pdata(d, p + TLV_HDR, tlvl - TLV_HDR, op_msk, indent + 1) == -1)
			return -1;
		p += ALN(tlvl);
		len -= ALN(tlvl);
	}
	return messy(d, "PATHDATA", p, len);
}

/* invoptlv_print: an operation TLV not allowed here, in hex. */
static int invoptlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	char ib[IND + 1];
	if (d->o.vflag >= 3) {
		indent_str(ib, indent, 1);
		dec_printf(d, "%sData[", ib + 1);
		hex(d, ib, p, len);
		dec_printf(d, "%s]\n", ib);
	}
	return -1;
}

/* otlv_print: an operation TLV (at least a path's 8 bytes). */
static int otlv(struct dec_ctx *d, const uint8_t *p, int indent)
{
	char ib[IND + 1];
	unsigned type = dec_be16(d, p), tlvl = dec_be16(d, p + 2), tll = tlvl - TLV_HDR;
	const struct optlv *ops = &optlvs[type > OP_RTRCOMP ? 0 : type];
	if (d->o.vflag >= 3)
		dec_printf(d, "%sOper TLV %s(0x%x) length %u\n", indent_str(ib, indent, 0), ops->name, type, tlvl);
	if (tll < 8) {
		dec_printf(d, "\t\tOper TLV %s(0x%x) length %u\n", ops->name, type, tlvl);
		dec_printf(d, "\t\tTruncated data size %u minimum required %u\n", tll, 8);
		return invoptlv(d, p + TLV_HDR, tll, ops->data, indent);
	}
	return ops->print ? ops->print(d, p + TLV_HDR, tll, ops->data, indent + 1) : 0;
}

/* The result codes of the association TLVs (asttlv_print, asrtlv_print). */
static const struct assoc {
	const char *what;          /* in the complaints: "AST", "ASR" */
	uint32_t max;              /* codes above are illegal */
	const char *pre;           /* before the indent and the name */
	const char *const *names;
	uint32_t n;                /* names known, the last for the rest */
} teardown = { "AST", 255, "Teardown reason:\n",
	       (const char *const[]){ "Normal Teardown", "Loss of Heartbeats", "Out of bandwidth", "Out of Memory",
				      "Application Crash", "Unknown Teardown reason" }, 5 },
  setup = { "ASR", 3, "\n", (const char *const[]){ "Success ", "FE ID invalid ", "permission denied ", "Unknown " },
	    3 };

static int assoc(struct dec_ctx *d, const struct assoc *a, const uint8_t *p, unsigned len, int indent)
{
	char ib[IND + 1];
	if (len - TLV_HDR != 4) {
		dec_printf(d, "illegal %sresult-TLV: %u bytes!\n", a->what, len - TLV_HDR);
		return -1;
	}
	uint32_t code = dec_be32(d, p);
	if (code > a->max) {
		dec_printf(d, "illegal %sresult result code: %u!\n", a->what, code);
		return -1;
	}
	if (d->o.vflag >= 3) {
		indent_str(ib, indent, 0);
		dec_printf(d, "%s%s%s(%x)\n%s", a->pre, ib, a->names[code < a->n ? code : a->n], code, ib);
	}
	return 0;
}

static int asttlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	return assoc(d, &teardown, p, len, indent);
}

static int asrtlv(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	return assoc(d, &setup, p, len, indent);
}

/* print_metatlv and print_metailv: metadata ILVs of a redirect. */
static void metatlv(struct dec_ctx *d, const uint8_t *p, unsigned len, int indent)
{
	char ib[IND + 1];
	unsigned rlen = len - TLV_HDR;
	dec_printf(d, "\n%s METADATA length %u\n", indent_str(ib, indent, 0), rlen);
	while (rlen && !(rlen < ILV_HDR || tlv_valid(dec_be32(d, p + 4), rlen, ILV_HDR))) {
		uint32_t ilvl = dec_be32(d, p + 4);
		dec_printf(d, "%sMetaID 0x%x length %u\n", indent_str(ib, indent + 1, 0), dec_be32(d, p), ilvl);
		if (d->o.vflag >= 3) {
			hex(d, "\t\t[", p + ILV_HDR, ilvl - ILV_HDR);
			dec_printf(d, " ]\n");
		}
		p += ALN(ilvl);
		rlen -= ALN(ilvl);
	}
}

/* redirect_print: metadata and redirect data TLVs. */
static int redirect(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	(void)op_msk;
	char ib[IND + 1];
	unsigned rlen = len - TLV_HDR;
	if (rlen <= 8) {
		dec_printf(d, "\n\t\ttruncated Redirect TLV: %u bytes missing! ", 8 - rlen);
		return -1;
	}
	indent++;
	while (rlen) {
		unsigned type = dec_be16(d, p), tlvl = dec_be16(d, p + 2);
		if (tlv_valid(tlvl, rlen, TLV_HDR)) {
			dec_printf(d, "Bad Redirect data\n");
			break;
		}
		if (type == TLV_METD) {
			metatlv(d, p + TLV_HDR, tlvl, indent);
		} else if (type == TLV_REDD) {
			dec_printf(d, "\n%s Redirect Data length %u\n", indent_str(ib, indent, 0), tlvl - TLV_HDR);
			if (d->o.vflag >= 3) {
				dec_printf(d, "\t\t[");
				hex(d, "\n\t\t", p + TLV_HDR, tlvl - TLV_HDR);
				dec_printf(d, "\n\t\t]");
			}
		} else {
			dec_printf(d, "Unknown REDIRECT TLV 0x%x len %u\n", type, tlvl);
		}
		p += ALN(tlvl);
		rlen -= ALN(tlvl);
	}
	return messy(d, "Redirect", p, rlen);
}

/* lfbselect_print: an LFB class and instance, then operation TLVs. */
static int lfbselect(struct dec_ctx *d, const uint8_t *p, unsigned len, unsigned op_msk, int indent)
{
	char ib[IND + 1];
	unsigned dlen = len - TLV_HDR;
	if (dlen <= 12) {
		dec_printf(d, "\n\t\ttruncated lfb selector: %u bytes missing! ", 12 - dlen);
		return -1;
	}
	if (!dec_has(d, p, 8))
		return trunc_err(d);
	if (d->o.vflag >= 3) {
		uint32_t class = dec_get_be32(p);
		dec_printf(d, "\n%s", indent_str(ib, indent, 0));
		name(d, lfb_names, class);
		dec_printf(d, "(Classid %x) instance %x\n", class, dec_get_be32(p + 4));
	}
	const uint8_t *o = p + 8;
	unsigned rlen = dlen - 8;
	while (rlen) {
		unsigned type = dec_be16(d, o), tlvl = dec_be16(d, o + 2);
		if (tlv_valid(tlvl, rlen, TLV_HDR))
			break;
		if (op_valid(type, op_msk)) {
			otlv(d, o, indent + 1);
		} else {
			if (d->o.vflag < 3)
				dec_printf(d, "\n");
			dec_printf(d, "\t\tINValid oper-TLV type 0x%x length %u for this ForCES message\n", type, tlvl);
			invoptlv(d, o, rlen, 0, indent + 1);
		}
		o += ALN(tlvl);
		rlen -= ALN(tlvl);
	}
	return messy(d, "oper", o, rlen);
}

/* forces_type_print: the top-level TLVs a message type allows. */
static int top_tlvs(struct dec_ctx *d, const uint8_t *p, unsigned mlen, const struct forces_type *t)
{
	unsigned rlen = mlen - FORCES_HDR;
	if (rlen > TLV_HDR) {
		if (t->flags & ZERO_TTLV) {
			dec_printf(d, "<0x%x>Illegal Top level TLV!\n", t->flags);
			return -1;
		}
	} else if (t->flags & ZERO_MORE_TTLV) {
		return 0;
	} else if (t->flags & ONE_MORE_TTLV) {
		dec_printf(d, "\tTop level TLV Data missing!\n");
		return -1;
	}
	if (t->flags & ZERO_TTLV)
		return 0;
	const uint8_t *tlv = p + FORCES_HDR;
	for (unsigned n = t->flags >> 4; rlen;) {
		unsigned type = dec_be16(d, tlv), tlvl = dec_be16(d, tlv + 2);
		if (tlv_valid(tlvl, rlen, TLV_HDR))
			break;
		if (!ttlv_valid(type)) {
			dec_printf(d, "\n\tInvalid ForCES Top TLV type=0x%x", type);
			return -1;
		}
		if (d->o.vflag >= 3) {
			dec_printf(d, "\t");
			name(d, tlv_names, type);
			dec_printf(d, ", length %u (data length %u Bytes)", tlvl, tlvl - TLV_HDR);
		}
		if (t->print(d, tlv + TLV_HDR, tlvl, t->ops, 9) < 0)
			return -1;
		tlv += ALN(tlvl);
		rlen -= ALN(tlvl);
		if (--n == 0)
			break;
	}
	if (!rlen)
		return 0;
	dec_printf(d, "\tMess TopTLV header: min %u, total %u advertised %u ", TLV_HDR, rlen, dec_be16(d, tlv + 2));
	return -1;
}

/* The header's fields (-v) and flags (-vv) on lines of their own. */
static void header(struct dec_ctx *d, const uint8_t *p, unsigned mlen)
{
	uint32_t flags = dec_get_be32(p + 20), src = dec_get_be32(p + 4), dst = dec_get_be32(p + 8);
	dec_printf(d, "\n\tForCES Version %u len %uB flags 0x%08x ", p[0] >> 4, mlen, flags);
	dec_printf(d, "\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%llx", src, node(src), dst, node(dst),
		   (unsigned long long)dec_get_be32(p + 12) << 32 | dec_get_be32(p + 16));
	if (d->o.vflag < 2)
		return;
	dec_printf(d, "\n\tForCES flags:\n\t  %s(0x%x), prio=%u, %s(0x%x),\n\t  %s(0x%x), %s(0x%x)\n", acks[flags >> 30],
		   flags >> 30, (flags >> 27) & 7, ems[(flags >> 22) & 3], (flags >> 22) & 3, ats[(flags >> 21) & 1],
		   (flags >> 21) & 1, tps[(flags >> 19) & 3], (flags >> 19) & 3);
	dec_printf(d, "\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", (flags >> 24) & 7, flags & 0x7ffff);
}

void dec_forces(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "forces";
	dec_need_ret(d, p, FORCES_HDR);
	unsigned type = p[1], mlen = dec_get_be16(p + 2) * 4u;
	const struct forces_type *t = NULL;
	for (size_t i = 0; i < sizeof forces_types / sizeof forces_types[0]; i++)
		if (forces_types[i].type == type)
			t = &forces_types[i];
	if (!type_valid(type)) {
		dec_printf(d, "Invalid ForCES message type %u\n", type);
	} else if (!t) {
		dec_printf(d, "\n\tUnknown ForCES message type=0x%x", type);
	} else {
		dec_printf(d, "\n\tForCES %s ", t->name);
		if (len < FORCES_HDR || mlen < FORCES_HDR || mlen != len) {
			dec_printf(d, "Illegal ForCES pkt len - min %u, total recvd %zu, advertised %u ", FORCES_HDR, len,
				   mlen);
		} else {
			if (d->o.vflag)
				header(d, p, mlen);
			if (top_tlvs(d, p, mlen, t) == 0) {
				if (d->o.vflag >= 4) {
					dec_printf(d, "\n\t  Raw ForCES message\n\t [");
					dec_hexlines(d, "\n\t ", p, len);
					dec_printf(d, "\n\t ]");
				}
				return;
			}
		}
	}
	hex(d, "\n\t[", p, len); /* the message tcpdump rejects, in hex */
	dec_printf(d, "\n\t]");
}
