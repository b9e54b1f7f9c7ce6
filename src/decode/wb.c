/* wb.c: the LBL whiteboard's packets, sent to UDP 4567 (tcpdump's
 * print-wb.c): announcements (" wb-id: ..."), repair requests and
 * replies, drawing operations (with -v their op codes), page requests
 * and replies, " wb-kill".  A message shorter than its fixed part prints
 * " (invalid)"; fields past the capture end the line " [|wb]".
 *
 * tcpdump reads all the fields of one printed group before it prints any
 * of them: so do we (dec_need on the group first). */
#include "decode/dec.h"

#define WB_HDR 12        /* source, timestamp, version, type, flags */
#define WB_PAGE 8        /* session id (an address), page number */
#define WB_ID_FIXED 28   /* master slot, master page, page state */
#define WB_PGSTATE 16    /* slot, page, count of id/offset pairs, reserved */
#define WB_ID_OFF 8
#define WB_DOP 16        /* page, first and last sequence number */
#define WB_DOPHDR 8      /* timestamp, length, flags, type */
enum { WB_DRAWOP, WB_ID, WB_RREQ, WB_RREP, WB_KILL, WB_PREQ, WB_PREP = 7 };
enum { DT_SKIP = 14, DT_HOLE = 15 };

static const struct dec_tok wb_dops_names[] = {
	{ 2, "RECT" }, { 3, "LINE" }, { 4, "ML" }, { 5, "DEL" }, { 6, "XFORM" }, { 7, "ELL" }, { 8, "CHAR" },
	{ 9, "STR" }, { 10, "NOP" }, { 11, "PSCODE" }, { 12, "PSCOMP" }, { 13, "REF" }, { DT_SKIP, "SKIP" },
	{ DT_HOLE, "HOLE" }, { 0, NULL },
};

/* "ADDR:PAGE" of the page id at p (captured) */
static void wb_page(struct dec_ctx *d, const uint8_t *p)
{
	dec_ip4addr(d, p);
	dec_printf(d, ":%u", dec_get_be32(p + 4));
}

/* "<ADDR:OFF,...>" of n id/offset pairs at p; returns what follows */
static const uint8_t *wb_idoffs(struct dec_ctx *d, const uint8_t *p, unsigned n, const char *close)
{
	char c = '<';
	for (; n; n--, p += WB_ID_OFF, c = ',') {
		dec_need(d, p, WB_ID_OFF);
		dec_printf(d, "%c", c);
		dec_ip4addr(d, p);
		dec_printf(d, ":%u", dec_get_be32(p + 4));
	}
	dec_printf(d, "%s", close);
	return p;
}

static int wb_id(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	len -= WB_ID_FIXED;
	dec_need(d, p, 24);
	dec_printf(d, " %u/", dec_get_be32(p + 12));
	wb_page(d, p + 16);
	dec_printf(d, " (max %u/", dec_get_be32(p));
	wb_page(d, p + 4);
	dec_printf(d, ") ");
	unsigned nid = dec_be16(d, p + 24);
	dec_need(d, p, WB_ID_FIXED);
	if (len < (size_t)WB_ID_OFF * nid)
		return -1;
	len -= (size_t)WB_ID_OFF * nid;
	const uint8_t *name = wb_idoffs(d, p + WB_ID_FIXED, nid, "> \"");
	dec_text(d, name, len, DEC_TEXT_NUL);
	dec_printf(d, "\"");
	return 0;
}

/* " <" the drawing ops from sequence number ss to es " >" */
static void wb_dops(struct dec_ctx *d, const uint8_t *dh, uint32_t ss, uint32_t es)
{
	dec_printf(d, " <");
	for (; ss <= es; ++ss) { /* past UINT32_MAX: until the capture ends */
		unsigned t = dec_u8(d, dh + 7);
		dec_printf(d, " ");
		dec_tokf(d, wb_dops_names, t, "dop-%u!");
		if (t == DT_SKIP || t == DT_HOLE) {
			uint32_t ts = dec_be32(d, dh);
			dec_printf(d, "%u", ts - ss + 1);
			if (ss > ts || ts > es) {
				dec_printf(d, "[|]");
				if (ts < ss)
					return;
			}
			ss = ts;
		}
		dh += (dec_be16(d, dh + 4) + WB_DOPHDR + 3u) & ~3u;
	}
	dec_printf(d, " >");
}

/* A drawing operation's page and sequence numbers at p, with -v its ops. */
static void wb_dop(struct dec_ctx *d, const uint8_t *p)
{
	wb_page(d, p);
	uint32_t ss = dec_get_be32(p + 8), es = dec_get_be32(p + 12);
	dec_printf(d, "<%u:%u>", ss, es);
	if (d->o.vflag)
		wb_dops(d, p + WB_DOP, ss, es);
}

static int wb_prep(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	(void)len;
	uint32_t n = dec_be32(d, p);
	for (p += 4; n; n--) {
		dec_need(d, p, 12);
		dec_printf(d, " %u/", dec_get_be32(p));
		wb_page(d, p + 4);
		dec_need(d, p, WB_PGSTATE);
		p = wb_idoffs(d, p + WB_PGSTATE, p[12], ">"); /* tcpdump reads one byte of the count */
	}
	return 0;
}

static int wb_rreq(struct dec_ctx *d, const uint8_t *b, size_t len)
{
	(void)len;
	dec_need(d, b, 20);
	dec_printf(d, " please repair ");
	dec_ip4addr(d, b);
	dec_printf(d, " ");
	wb_page(d, b + 4);
	dec_printf(d, "<%u:%u>", dec_get_be32(b + 12), dec_get_be32(b + 16));
	return 0;
}

static int wb_rrep(struct dec_ctx *d, const uint8_t *b, size_t len)
{
	(void)len;
	dec_need(d, b, 4 + WB_DOP);
	dec_printf(d, " for ");
	dec_ip4addr(d, b);
	dec_printf(d, " ");
	wb_dop(d, b + 4);
	return 0;
}

static int wb_drawop(struct dec_ctx *d, const uint8_t *b, size_t len)
{
	(void)len;
	dec_need(d, b, WB_DOP);
	dec_printf(d, " ");
	wb_dop(d, b);
	return 0;
}

static int wb_preq(struct dec_ctx *d, const uint8_t *b, size_t len)
{
	(void)len;
	dec_need(d, b, 12);
	dec_printf(d, " need %u/", dec_get_be32(b + 8));
	wb_page(d, b);
	dec_need(d, b, 16);
	return 0;
}

/* The message types: the word, the fixed part's length, the printer
 * (which returns -1 for " (invalid)"). */
static const struct wb_type {
	unsigned type;
	const char *name;
	size_t min;
	int (*print)(struct dec_ctx *d, const uint8_t *b, size_t len);
} wb_types[] = {
	{ WB_ID, " wb-id:", WB_ID_FIXED, wb_id }, { WB_RREQ, " wb-rreq:", 20, wb_rreq },
	{ WB_RREP, " wb-rrep:", 4 + WB_DOP, wb_rrep }, { WB_DRAWOP, " wb-dop:", WB_DOP, wb_drawop },
	{ WB_PREQ, " wb-preq:", 16, wb_preq }, { WB_PREP, " wb-prep:", 4, wb_prep },
};

void dec_wb(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "wb";
	if (len < WB_HDR) {
		dec_printf(d, " (invalid)");
		return;
	}
	dec_need(d, p, WB_HDR);
	len -= WB_HDR;
	if (p[11])
		dec_printf(d, "*");
	unsigned type = p[10];
	if (type == WB_KILL) {
		dec_printf(d, " wb-kill");
		return;
	}
	for (size_t i = 0; i < sizeof wb_types / sizeof wb_types[0]; i++) {
		const struct wb_type *t = &wb_types[i];
		if (t->type != type)
			continue;
		dec_printf(d, "%s", t->name);
		if (len < t->min || t->print(d, p + WB_HDR, len) < 0)
			dec_printf(d, " (invalid)");
		return;
	}
	dec_printf(d, " wb-%u! (invalid)", type);
}
