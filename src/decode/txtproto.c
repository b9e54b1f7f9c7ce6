/* txtproto.c: the line-oriented text protocols as tcpdump 4.99 prints
 * them (its txtproto_print): FTP, SMTP, WHOIS, HTTP, RTSP over TCP, SIP
 * over UDP.
 *
 *   PROTO[: first line]                      (no -v)
 *   PROTO, length: N\n\tline\n\tline...      (-v: every text line)
 *
 * The lines are printed only when the payload looks like a request or a
 * response: for HTTP, RTSP and SIP the first token must be one of the
 * protocol's methods or the second a three-digit status; FTP, SMTP and
 * WHOIS are always text.  A line ends at LF or CR LF; a byte that is not
 * printable ASCII (or tab), or a CR not followed by LF, ends the printing
 * without printing that line.  A line that runs to the end of the payload
 * is printed with the truncation marker after it (the printer returns).  Reading a byte past the capture is tcpdump's
 * truncation exit (" [|http]", dump from the packet's first byte). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "decode/dec.h"

#define TXT_MAX_TOKEN 128          /* tcpdump's MAX_TOKEN */

static const char *const http_cmds[] = {
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE",
	"MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT",
	"UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND",
	"CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH",
	"UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
	"VERSION-CONTROL", "BASELINE-CONTROL", NULL,
};
static const char *const rtsp_cmds[] = { /* RFC 2326 */
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY", "RECORD",
	"REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN", NULL,
};
static const char *const sip_cmds[] = { /* RFC 3261 and its extensions */
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
	"PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH", NULL,
};

static const struct {
	const char *name, *caps;   /* the truncation marker's name, the label */
	const char *const *cmds;   /* NULL: every payload is text */
} txt_protos[] = {
	[DEC_TXT_FTP] = { "ftp", "FTP", NULL },
	[DEC_TXT_SMTP] = { "smtp", "SMTP", NULL },
	[DEC_TXT_WHOIS] = { "whois", "WHOIS", NULL },
	[DEC_TXT_HTTP] = { "http", "HTTP", http_cmds },
	[DEC_TXT_RTSP] = { "rtsp", "RTSP", rtsp_cmds },
	[DEC_TXT_SIP] = { "sip", "SIP", sip_cmds },
};

static int txt_print(unsigned c)
{
	return c >= 0x20 && c <= 0x7e;
}
static int txt_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The token at p[idx..] into tok; returns the index after it and the
 * blanks that follow on its line, 0 when there is no token (or it is not
 * printable, too long, or not captured). */
static size_t fetch_token(struct dec_ctx *d, const uint8_t *p, size_t idx, size_t len, char *tok)
{
	size_t n = 0;
	for (; idx < len; idx++) {
		if (!dec_has(d, p + idx, 1))
			return 0;
		unsigned c = p[idx];
		if (c >= 0x80)
			return 0;
		if (txt_space(c))
			break;
		if (!txt_print(c) || n + 2 > TXT_MAX_TOKEN + 1)
			return 0;
		tok[n++] = (char)c;
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	for (; idx < len && dec_has(d, p + idx, 1); idx++) {
		unsigned c = p[idx];
		if (c == '\r' || c == '\n' || !txt_print(c) || !txt_space(c))
			break;
	}
	return idx;
}

/* One line from p[idx..]: printed after prefix when it ends in LF or CR LF
 * (returns the index after the line end) or at the payload's end, then
 * marked as cut short (returns 0, as for anything that is not text). */
static size_t print_line(struct dec_ctx *d, const char *prefix, const uint8_t *p, size_t idx, size_t len)
{
	size_t start = idx, n;
	while (idx < len) {
		unsigned c = dec_u8(d, p + idx);
		if (c == '\n') {
			n = idx - start;
			idx++;
			goto print;
		}
		if (c == '\r') {
			if (idx + 1 >= len)
				return 0;
			if (dec_u8(d, p + idx + 1) == '\n') {
				n = idx - start;
				idx += 2;
				goto print;
			}
			return 0;
		}
		if (!txt_print(c) && c != '\t')
			return 0;
		idx++;
	}
	/* text to the payload's end but no line end: tcpdump takes it as cut short */
	dec_printf(d, "%s%.*s [|%s]", prefix, (int)(idx - start), (const char *)p + start, d->proto);
	return 0;
print:
	dec_printf(d, "%s%.*s", prefix, (int)n, (const char *)p + start);
	return idx;
}

/* Is the payload a request (a known method first) or a response (a
 * three-digit status as the second token)? */
static int looks_like_message(struct dec_ctx *d, const char *const *cmds, const uint8_t *p, size_t len)
{
	char tok[TXT_MAX_TOKEN + 1];
	size_t idx = fetch_token(d, p, 0, len, tok);
	if (idx == 0)
		return 0;
	for (; *cmds; cmds++)
		if (!strcasecmp(tok, *cmds))
			return 1;
	idx = fetch_token(d, p, idx, len, tok);
	return idx != 0 && isdigit((unsigned char)tok[0]) && isdigit((unsigned char)tok[1]) &&
	       isdigit((unsigned char)tok[2]) && tok[3] == '\0';
}

void dec_txtproto(struct dec_ctx *d, enum dec_txt kind, const uint8_t *p, size_t len)
{
	d->proto = txt_protos[kind].name;
	int print_this = !txt_protos[kind].cmds || looks_like_message(d, txt_protos[kind].cmds, p, len);
	dec_printf(d, "%s", txt_protos[kind].caps);
	if (!print_this)
		return;
	if (d->o.vflag) {
		dec_printf(d, ", length: %zu", len);
		for (size_t idx = 0; idx < len && (idx = print_line(d, "\n\t", p, idx, len)) != 0;)
			;
	} else
		print_line(d, ": ", p, 0, len);
}
