/* zephyr.c: Zephyr notices (MIT's instant messaging, ports 2103 and
 * 2104) as tcpdump 4.99 prints them: " zephyr KIND SENDER" and what the
 * class, instance and opcode say (" locate INST", " sub <c,i,r>", ...),
 * else " to <CLASS,INST,RECIPIENT> op OPCODE".
 *
 * A notice is a run of NUL-terminated text fields (version, field count,
 * kind, uid, port, authentication, class, instance, opcode, sender,
 * recipient, format, checksum, multi, multi-uid), numbers in hex.  A
 * field running past the datagram prints " (invalid)", one running past
 * the capture " [|zephyr]"; a version not starting "ZEPH" prints
 * nothing.  Text goes out through the safe printer; lower-cased and
 * triple texts are cut at 255 characters (tcpdump's buffer). */
#include <stdlib.h>
#include <string.h>

#include "decode/dec.h"

#define Z_BUF 256                  /* tcpdump's z_buf, with its NUL */
#define Z_SERVACK 5

enum z_field {
	Z_VERSION, Z_NUMFIELDS, Z_KIND, Z_UID, Z_PORT, Z_AUTH, Z_AUTHLEN, Z_AUTHDATA, Z_CLASS, Z_INST,
	Z_OPCODE, Z_SENDER, Z_RECIPIENT, Z_FORMAT, Z_CKSUM, Z_MULTI, Z_MULTI_UID, Z_NFIELDS,
};

static const struct dec_tok z_kinds[] = {
	{ 0, "unsafe" }, { 1, "unacked" }, { 2, "acked" }, { 3, "hm-ack" }, { 4, "hm-ctl" },
	{ Z_SERVACK, "serv-ack" }, { 6, "serv-nak" }, { 7, "client-ack" }, { 8, "stat" }, { 0, NULL },
};

/* What a notice of a class (and instance, and opcode: NULL for any)
 * prints, the first row that holds; none: the " to <...>" form. */
enum z_show {
	Z_TEXT,                    /* the text alone */
	Z_LOCATE,                  /* and the instance */
	Z_LOWER_OP,                /* and the opcode lower-cased */
	Z_LOWER_INST_OP,           /* and both lower-cased */
	Z_SUB,                     /* and, but in a server ack, the triple after the fields */
};
static const struct z_row {
	const char *class, *inst, *opcode, *text;
	enum z_show show;
} z_rows[] = {
	{ "USER_LOCATE", NULL, "USER_HIDE", " hide", Z_TEXT },
	{ "USER_LOCATE", NULL, "USER_UNHIDE", " unhide", Z_TEXT },
	{ "USER_LOCATE", NULL, NULL, " locate ", Z_LOCATE },
	{ "ZEPHYR_ADMIN", NULL, NULL, " zephyr-admin ", Z_LOWER_OP },
	{ "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", " sub", Z_SUB },
	{ "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE_NODEFS", " unsub-nodefs", Z_SUB }, /* sic */
	{ "ZEPHYR_CTL", "CLIENT", "UNSUBSCRIBE", " unsub", Z_SUB },
	{ "ZEPHYR_CTL", "CLIENT", "GIMME", " ret", Z_TEXT },
	{ "ZEPHYR_CTL", "CLIENT", "GIMMEDEFS", " gimme-defs", Z_TEXT },
	{ "ZEPHYR_CTL", "CLIENT", "CLEARSUB", " clear-subs", Z_TEXT },
	{ "ZEPHYR_CTL", "CLIENT", NULL, " ", Z_LOWER_OP },
	{ "ZEPHYR_CTL", "HM", NULL, " ", Z_LOWER_OP },
	{ "ZEPHYR_CTL", "REALM", "ADD_SUBSCRIBE", " realm add-subs", Z_TEXT },
	{ "ZEPHYR_CTL", "REALM", "REQ_SUBSCRIBE", " realm req-subs", Z_TEXT },
	{ "ZEPHYR_CTL", "REALM", "RLM_SUBSCRIBE", " realm rlm-sub", Z_TEXT },
	{ "ZEPHYR_CTL", "REALM", "RLM_UNSUBSCRIBE", " realm rlm-unsub", Z_TEXT },
	{ "ZEPHYR_CTL", "REALM", NULL, "", Z_TEXT },
	{ "HM_CTL", NULL, NULL, " hm_ctl ", Z_LOWER_INST_OP },
	{ "HM_STAT", "HMST_CLIENT", "GIMMESTATS", " get-client-stats", Z_TEXT },
	{ "WG_CTL", NULL, NULL, " wg_ctl ", Z_LOWER_INST_OP },
	{ "LOGIN", NULL, "USER_FLUSH", " flush_locs", Z_TEXT },
	{ "LOGIN", NULL, "NONE", " set-exposure ", Z_LOWER_OP },
	{ "LOGIN", NULL, "OPSTAFF", " set-exposure ", Z_LOWER_OP },
	{ "LOGIN", NULL, "REALM-VISIBLE", " set-exposure ", Z_LOWER_OP },
	{ "LOGIN", NULL, "REALM-ANNOUNCED", " set-exposure ", Z_LOWER_OP },
	{ "LOGIN", NULL, "NET-VISIBLE", " set-exposure ", Z_LOWER_OP },
	{ "LOGIN", NULL, "NET-ANNOUNCED", " set-exposure ", Z_LOWER_OP },
};

struct z_parse {
	const uint8_t *p;
	size_t left;               /* bytes of the datagram from p on */
	int lose;                  /* a field ran past the datagram */
};

/* The next NUL-terminated field; NULL (and lose set) when the datagram
 * ends first.  A field past the capture ends the line " [|zephyr]". */
static const char *field(struct dec_ctx *d, struct z_parse *z)
{
	const uint8_t *s = z->p;
	for (;;) {
		if (z->left == 0) {
			z->lose = 1;
			return NULL;
		}
		if (dec_u8(d, z->p) == 0)
			break;
		z->p++;
		z->left--;
	}
	z->p++;
	z->left--;
	return (const char *)s;
}

static void put(struct dec_ctx *d, const char *pre, const char *s)
{
	dec_printf(d, "%s", pre);
	for (; *s; s++)
		dec_putc_safe(d, (uint8_t)*s);
}

static void put_lower(struct dec_ctx *d, const char *pre, const char *s)
{
	char buf[Z_BUF];
	size_t i = 0;
	for (; s[i] && i < Z_BUF - 1; i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	buf[i] = 0;
	put(d, pre, buf);
}

static void put_triple(struct dec_ctx *d, const char *pre, const char *c, const char *i, const char *r)
{
	char buf[Z_BUF];
	snprintf(buf, sizeof buf, "<%s,%s,%s>", c, i, *r ? r : "*");
	put(d, pre, buf);
}

static int same(const char *want, const char *s)
{
	return !want || strcmp(want, s) == 0;
}

void dec_zephyr(struct dec_ctx *d, const struct dec_app *a, const uint8_t *p, size_t len)
{
	(void)a;
	d->proto = "zephyr";
	struct z_parse z = { p, len, 0 };
	const char *f[Z_NFIELDS];
	f[Z_VERSION] = field(d, &z);
	if (z.lose) {
		dec_printf(d, " (invalid)");
		return;
	}
	if (strncmp(f[Z_VERSION], "ZEPH", 4) != 0)
		return;
	for (int i = Z_VERSION + 1; i < Z_NFIELDS; i++)
		f[i] = field(d, &z);
	if (z.lose) {
		dec_printf(d, " (invalid)");
		return;
	}
	dec_printf(d, " zephyr");
	if (strncmp(f[Z_VERSION] + 4, "0.2", 3) != 0) {
		put(d, " v", f[Z_VERSION] + 4);
		return;
	}
	int kind = (int)strtol(f[Z_KIND], NULL, 16);
	const char *k = dec_tok(z_kinds, (unsigned)kind, NULL);
	k ? dec_printf(d, " %s", k) : dec_printf(d, " type %d", kind);
	if (kind == Z_SERVACK) {
		const char *ack = field(d, &z);
		if (!z.lose && strcmp(ack, "SENT") != 0)
			put_lower(d, "/", ack);
	}
	if (*f[Z_SENDER])
		put(d, " ", f[Z_SENDER]);
	const char *cls = f[Z_CLASS], *inst = f[Z_INST], *op = f[Z_OPCODE];
	for (size_t i = 0; i < sizeof z_rows / sizeof z_rows[0]; i++) {
		const struct z_row *r = &z_rows[i];
		if (strcmp(r->class, cls) != 0 || !same(r->inst, inst) || !same(r->opcode, op))
			continue;
		switch (r->show) {
		case Z_TEXT:
			dec_printf(d, "%s", r->text);
			break;
		case Z_LOCATE:
			put(d, r->text, inst);
			break;
		case Z_LOWER_OP:
			put_lower(d, r->text, op);
			break;
		case Z_LOWER_INST_OP:
			put_lower(d, r->text, inst);
			put_lower(d, " ", op);
			break;
		case Z_SUB:
			dec_printf(d, "%s", r->text);
			if (kind != Z_SERVACK) {
				const char *c = field(d, &z), *in = field(d, &z), *rc = field(d, &z);
				if (!z.lose)
					put_triple(d, " ", c, in, rc);
			}
			break;
		}
		return;
	}
	put_triple(d, " to ", cls, inst, f[Z_RECIPIENT]);
	if (*op)
		put(d, " op ", op);
}
