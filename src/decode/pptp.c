/* pptp.c: PPTP control messages (RFC 2637, TCP port 1723) as tcpdump
 * 4.99 prints them:
 *
 *   : pptp CTRL_MSGTYPE=SCCRP PROTO_VER(1.0) RESULT_CODE(1) ERR_CODE(0)
 *     FRAME_CAP(A) BEARER_CAP(DA) MAX_CHAN(0) FIRM_REV(1) HOSTNAME(x) ...
 *
 * -v adds the length, the message type, the magic cookie and the names of
 * the result, error and reason codes.  Every message is a fixed sequence
 * of fields, so each is a row of field kinds below, printed in order; a
 * field not all captured ends the line with " [|pptp]", and the text
 * fields (host name, vendor, numbers) print up to their first NUL. */
#include "decode/dec.h"

#define PPTP_HDR 12
#define PPTP_MAGIC 0x1a2b3c4du
#define PPTP_MAX_FIELDS 16

/* What a field is: how wide, how printed. */
enum pptp_kind {
	F_END,
	F_U16,     /* " NAME(%u)" */
	F_U32,     /* " NAME(%u)" */
	F_HEX32,   /* " NAME(0x%08x)" */
	F_RES8,    /* reserved: " [ERROR: reserved=N must be zero]" when not 0 */
	F_RES16,
	F_VER,     /* " PROTO_VER(V.R)" */
	F_FCAP,    /* " FRAME_CAP(AS)" by bits */
	F_BCAP,    /* " BEARER_CAP(DA)" by bits */
	F_BTYPE,   /* " BEARER_TYPE(A|D|Any|?)" */
	F_FTYPE,   /* " FRAME_TYPE(A|S|E|?)" */
	F_RESULT,  /* " RESULT_CODE(N[:name])", names by message type */
	F_ERR,     /* " ERR_CODE(N[:name])" */
	F_REASON,  /* " REASON(N[:name])" */
	F_TEXT,    /* " NAME(text)", up to width bytes or a NUL */
	F_LEN,     /* " NAME(%u)", a length a later F_TEXTN field uses */
	F_TEXTN,   /* F_TEXT, but no more bytes than the F_LEN fields said,
		      the first F_TEXTN the first F_LEN's */
};

struct pptp_field {
	unsigned char kind;
	unsigned char width;       /* F_TEXT only: the field's bytes */
	const char *name;
};

#define U16(n) { F_U16, 2, n }
#define U32(n) { F_U32, 4, n }
#define TEXT(n, w) { F_TEXT, w, n }
#define LEN(n) { F_LEN, 2, n }
#define TEXTN(n) { F_TEXTN, 64, n }
#define K(k, w) { k, w, NULL }
#define RES8 K(F_RES8, 1)
#define RES16 K(F_RES16, 2)

static const struct dec_tok pptp_scrrp[] = {
	{ 1, "Successful channel establishment" }, { 2, "General error" },
	{ 3, "Command channel already exists" },
	{ 4, "Requester is not authorized to establish a command channel" },
	{ 5, "The protocol version of the requester is not supported" }, { 0, NULL },
};
static const struct dec_tok pptp_echorp[] = { { 1, "OK" }, { 2, "General Error" }, { 0, NULL } };
static const struct dec_tok pptp_ocrp[] = {
	{ 1, "Connected" }, { 2, "General Error" }, { 3, "No Carrier" }, { 4, "Busy" },
	{ 5, "No Dial Tone" }, { 6, "Time-out" }, { 7, "Do Not Accept" }, { 0, NULL },
};
static const struct dec_tok pptp_icrp[] = { { 1, "Connect" }, { 2, "General Error" }, { 3, "Do Not Accept" }, { 0, NULL } };
static const struct dec_tok pptp_cdn[] = {
	{ 1, "Lost Carrier" }, { 2, "General Error" }, { 3, "Admin Shutdown" }, { 4, "Request" }, { 0, NULL },
};
static const struct dec_tok pptp_errs[] = {
	{ 0, "None" }, { 1, "Not-Connected" }, { 2, "Bad-Format" }, { 3, "Bad-Value" },
	{ 4, "No-Resource" }, { 5, "Bad-Call-ID" }, { 6, "PAC-Error" }, { 0, NULL },
};
static const struct dec_tok pptp_reasons[] = {
	{ 1, "None" }, { 2, "Stop-Protocol" }, { 3, "Stop-Local-Shutdown" }, { 0, NULL },
};
static const struct dec_tok pptp_btypes[] = { { 1, "A" }, { 2, "D" }, { 3, "Any" }, { 0, NULL } };
static const struct dec_tok pptp_ftypes[] = { { 1, "A" }, { 2, "S" }, { 3, "E" }, { 0, NULL } };

/* A control message: its name, the names of its result codes (-v), its
 * fields after the common header. */
struct pptp_msg {
	const char *name;
	const struct dec_tok *results;
	struct pptp_field f[PPTP_MAX_FIELDS];
};

static const struct pptp_msg pptp_msgs[] = {
	{ "NOT_DEFINED", NULL, { K(F_END, 0) } },
	{ "SCCRQ", NULL, { K(F_VER, 2), RES16, K(F_FCAP, 4), K(F_BCAP, 4), U16("MAX_CHAN"), U16("FIRM_REV"),
			   TEXT("HOSTNAME", 64), TEXT("VENDOR", 64) } },
	{ "SCCRP", pptp_scrrp, { K(F_VER, 2), K(F_RESULT, 1), K(F_ERR, 1), K(F_FCAP, 4), K(F_BCAP, 4),
				 U16("MAX_CHAN"), U16("FIRM_REV"), TEXT("HOSTNAME", 64), TEXT("VENDOR", 64) } },
	{ "StopCCRQ", NULL, { K(F_REASON, 1), RES8, RES16 } },
	{ "StopCCRP", pptp_echorp, { K(F_RESULT, 1), K(F_ERR, 1), RES16 } },
	{ "ECHORQ", NULL, { U32("ID") } },
	{ "ECHORP", pptp_echorp, { U32("ID"), K(F_RESULT, 1), K(F_ERR, 1), RES16 } },
	{ "OCRQ", NULL, { U16("CALL_ID"), U16("CALL_SER_NUM"), U32("MIN_BPS"), U32("MAX_BPS"), K(F_BTYPE, 4),
			  K(F_FTYPE, 4), U16("RECV_WIN"), U16("PROC_DELAY"), LEN("PHONE_NO_LEN"), RES16,
			  TEXTN("PHONE_NO"), TEXT("SUB_ADDR", 64) } },
	{ "OCRP", pptp_ocrp, { U16("CALL_ID"), U16("PEER_CALL_ID"), K(F_RESULT, 1), K(F_ERR, 1),
			       U16("CAUSE_CODE"), U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"),
			       U32("PHY_CHAN_ID") } },
	{ "ICRQ", NULL, { U16("CALL_ID"), U16("CALL_SER_NUM"), K(F_BTYPE, 4), U32("PHY_CHAN_ID"),
			  LEN("DIALED_NO_LEN"), LEN("DIALING_NO_LEN"), TEXTN("DIALED_NO"),
			  TEXTN("DIALING_NO"), TEXT("SUB_ADDR", 64) } },
	{ "ICRP", pptp_icrp, { U16("CALL_ID"), U16("PEER_CALL_ID"), K(F_RESULT, 1), K(F_ERR, 1),
			       U16("RECV_WIN"), U16("PROC_DELAY"), RES16 } },
	{ "ICCN", NULL, { U16("PEER_CALL_ID"), RES16, U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"),
			  K(F_FTYPE, 4) } },
	{ "CCRQ", NULL, { U16("CALL_ID"), RES16 } },
	{ "CDN", pptp_cdn, { U16("CALL_ID"), K(F_RESULT, 1), K(F_ERR, 1), U16("CAUSE_CODE"), RES16,
			     TEXT("CALL_STATS", 128) } },
	{ "WEN", NULL, { U16("PEER_CALL_ID"), RES16, U32("CRC_ERR"), U32("FRAMING_ERR"), U32("HARDWARE_OVERRUN"),
			 U32("BUFFER_OVERRUN"), U32("TIMEOUT_ERR"), U32("ALIGN_ERR") } },
	{ "SLI", NULL, { U16("PEER_CALL_ID"), RES16, { F_HEX32, 4, "SEND_ACCM" }, { F_HEX32, 4, "RECV_ACCM" } } },
};
#define PPTP_NMSGS (sizeof pptp_msgs / sizeof pptp_msgs[0])

static void pptp_reserved(struct dec_ctx *d, unsigned v)
{
	if (v)
		dec_printf(d, " [ERROR: reserved=%u must be zero]", v);
}

/* " NAME(N)" and with -v ":name" from t ("?" when t has none). */
static void pptp_code(struct dec_ctx *d, const char *name, unsigned v, const struct dec_tok *t)
{
	dec_printf(d, " %s(%u", name, v);
	if (d->o.vflag && t)
		dec_printf(d, ":%s", dec_tok(t, v, "?"));
	dec_printf(d, ")");
}

/* The lengths of a message's F_LEN fields, for its F_TEXTN fields. */
struct pptp_lens {
	unsigned v[2];
	unsigned seen, used;
};

static void pptp_field(struct dec_ctx *d, const struct pptp_msg *m, const struct pptp_field *f, const uint8_t *p,
		       struct pptp_lens *l)
{
	uint32_t v;
	switch (f->kind) {
	case F_LEN:
		v = dec_be16(d, p);
		dec_printf(d, " %s(%u)", f->name, v);
		l->v[l->seen++ & 1] = v;
		return;
	case F_TEXTN:
		v = l->v[l->used++ & 1];
		dec_printf(d, " %s(", f->name);
		dec_text(d, p, v < f->width ? v : f->width, DEC_TEXT_NUL);
		dec_printf(d, ")");
		return;
	case F_U16:
		dec_printf(d, " %s(%u)", f->name, dec_be16(d, p));
		return;
	case F_U32:
		dec_printf(d, " %s(%u)", f->name, dec_be32(d, p));
		return;
	case F_HEX32:
		dec_printf(d, " %s(0x%08x)", f->name, dec_be32(d, p));
		return;
	case F_RES8:
		pptp_reserved(d, dec_u8(d, p));
		return;
	case F_RES16:
		pptp_reserved(d, dec_be16(d, p));
		return;
	case F_VER:
		v = dec_be16(d, p);
		dec_printf(d, " PROTO_VER(%u.%u)", v >> 8, v & 0xff);
		return;
	case F_FCAP:
		dec_printf(d, " FRAME_CAP("); /* before the field is read */
		v = dec_be32(d, p);
		dec_printf(d, "%s%s)", v & 1 ? "A" : "", v & 2 ? "S" : "");
		return;
	case F_BCAP:
		v = dec_be32(d, p);
		dec_printf(d, " BEARER_CAP(%s%s)", v & 2 ? "D" : "", v & 1 ? "A" : "");
		return;
	case F_BTYPE:
		dec_printf(d, " BEARER_TYPE(%s)", dec_tok(pptp_btypes, dec_be32(d, p), "?"));
		return;
	case F_FTYPE:
		dec_printf(d, " FRAME_TYPE(%s)", dec_tok(pptp_ftypes, dec_be32(d, p), "?"));
		return;
	case F_RESULT:
		pptp_code(d, "RESULT_CODE", dec_u8(d, p), m->results);
		return;
	case F_ERR:
		pptp_code(d, "ERR_CODE", dec_u8(d, p), pptp_errs);
		return;
	case F_REASON:
		pptp_code(d, "REASON", dec_u8(d, p), pptp_reasons);
		return;
	case F_TEXT:
		dec_printf(d, " %s(", f->name);
		dec_text(d, p, f->width, DEC_TEXT_NUL);
		dec_printf(d, ")");
		return;
	}
}

static const struct dec_tok pptp_types[] = { { 1, " CTRL-MSG" }, { 2, " MGMT-MSG" }, { 0, NULL } };

void dec_pptp(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	(void)len;
	d->proto = "pptp";
	dec_printf(d, ": pptp");
	if (d->o.vflag) {
		dec_printf(d, " Length=%u", dec_be16(d, p));
		dec_printf(d, "%s", dec_tok(pptp_types, dec_be16(d, p + 2), " UNKNOWN-MSG-TYPE"));
	}
	uint32_t mc = dec_be32(d, p + 4);
	if (mc != PPTP_MAGIC)
		dec_printf(d, " UNEXPECTED Magic-Cookie!!(%08x)", mc);
	if (d->o.vflag || mc != PPTP_MAGIC)
		dec_printf(d, " Magic-Cookie=%08x", mc);
	unsigned type = dec_be16(d, p + 8);
	if (type < PPTP_NMSGS)
		dec_printf(d, " CTRL_MSGTYPE=%s", pptp_msgs[type].name);
	else
		dec_printf(d, " UNKNOWN_CTRL_MSGTYPE(%u)", type);
	pptp_reserved(d, dec_be16(d, p + 10));
	if (type >= PPTP_NMSGS)
		return;
	const struct pptp_msg *m = &pptp_msgs[type];
	p += PPTP_HDR;
	struct pptp_lens l = { { 0, 0 }, 0, 0 };
	for (const struct pptp_field *f = m->f; f->kind != F_END; f++) {
		pptp_field(d, m, f, p, &l);
		p += f->width;
	}
}
