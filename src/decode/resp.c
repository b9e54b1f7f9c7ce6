/* resp.c: RESP, the Redis serialization protocol, on TCP port 6379 (and
 * resp_port): "RESP" then each value quoted: simple strings, errors,
 * integers and bulk strings as "text", nil as null, an empty array as
 * empty, arrays flattened; an inline command prints each line (ended by
 * CRs and LFs) as one string.  As tcpdump's print-resp.c, anything that
 * runs out of data -- even an inline line with no line end yet -- ends
 * the packet with " [|resp]" without printing that value; where tcpdump
 * reads with GET_U_1 (the opcode, a length, an inline line's bytes) a byte
 * past the capture takes the truncation exit instead (dump from byte 0). */
#include "decode/dec.h"

#define RESP_TRUNC (-1) /* ran out of data: " [|resp]" and stop */

/* ' "text"' for n bytes at p; RESP_TRUNC if the capture ends first. */
static int segment(struct dec_ctx *d, const uint8_t *p, long n)
{
	dec_printf(d, " \"");
	for (long i = 0; i < n; i++) {
		if (!dec_has(d, p + i, 1))
			return RESP_TRUNC;
		dec_putc_safe(d, p[i]);
	}
	dec_printf(d, "\"");
	return 0;
}

/* Offset of the next CRLF at or after p within len and the capture, or
 * RESP_TRUNC. */
static long find_crlf(struct dec_ctx *d, const uint8_t *p, long len)
{
	for (long i = 0;; i++) {
		if (len - i < 2 || !dec_has(d, p + i, 2))
			return RESP_TRUNC;
		if (p[i] == '\r' && p[i + 1] == '\n')
			return i;
	}
}

/* Bytes of a run of CRs and LFs at p (at least one unless the run ends
 * the data), or RESP_TRUNC when the data ends before any. */
static long skip_cr_lf(struct dec_ctx *d, const uint8_t *p, long len)
{
	long i = 0;
	for (;; i++) {
		if (i == len || !dec_has(d, p + i, 1))
			return i ? i : RESP_TRUNC;
		if (p[i] != '\r' && p[i] != '\n')
			return i;
	}
}

/* A bulk string or array length "<n>\r\n" at *pp (tcpdump's
 * resp_get_length): >= 0, -1 null, -2 truncated, -3 too large, -4 negative
 * other than -1, -5 invalid.  Advances *pp and *len past what it read. */
static long get_length(struct dec_ctx *d, const uint8_t **pp, long *len)
{
	const uint8_t *p = *pp;
	long n = *len, v = 0, r;
	int neg = 0, digit = 0, big = 0;
	if (n == 0)
		goto trunc;
	if (dec_u8(d, p) == '-')
		neg = 1, p++, n--;
	for (;;) {
		if (n == 0)
			goto trunc;
		uint8_t c = dec_u8(d, p);
		if (c < '0' || c > '9') {
			if (!digit) {
				p++, n--;
				goto invalid;
			}
			break;
		}
		if (v > INT32_MAX / 10 || (v == INT32_MAX / 10 * 10 && c - '0' > INT32_MAX % 10))
			big = 1;
		else
			v = v * 10 + (c - '0');
		p++, n--;
		digit = 1;
	}
	if (dec_u8(d, p) != '\r') {
		p++, n--;
		goto invalid;
	}
	p++, n--;
	if (n == 0)
		goto trunc;
	if (dec_u8(d, p) != '\n') {
		p++, n--;
		goto invalid;
	}
	p++, n--;
	r = neg ? (big || v != 1 ? -4 : -1) : big ? -3 : v;
	goto out;
trunc:
	r = -2;
	goto out;
invalid:
	r = -5;
out:
	*pp = p;
	*len = n;
	return r;
}

/* The words for a bad length (tcpdump's resp_print_*). */
static int bad_length(struct dec_ctx *d, long n)
{
	switch (n) {
	case -1: dec_printf(d, " null"); return 0;
	case -2: return RESP_TRUNC;
	case -3: dec_printf(d, " length too large"); return 0;
	case -4: dec_printf(d, " length negative and not -1"); return 0;
	default: dec_printf(d, " invalid"); return 0;
	}
}

/* One value at p (tcpdump's resp_parse): the bytes it took, or RESP_TRUNC. */
static long value(struct dec_ctx *d, const uint8_t *p, long len, int depth)
{
	if (len < 1 || depth > 1000)
		return RESP_TRUNC;
	const uint8_t *q = p + 1;
	long cur = len - 1, n, e;
	switch (dec_u8(d, p)) {
	case '+': case '-': case ':': /* simple string, error, integer */
		if ((e = find_crlf(d, q, cur)) < 0 || segment(d, q, e) < 0)
			return RESP_TRUNC;
		return 1 + e + 2;
	case '$': /* bulk string */
		n = get_length(d, &q, &cur);
		if (n < 0)
			return bad_length(d, n) < 0 ? RESP_TRUNC : len - cur;
		if (n == 0)
			dec_printf(d, " empty");
		else {
			if (cur < n || !dec_has(d, q, (size_t)n) || segment(d, q, n) < 0)
				return RESP_TRUNC;
			q += n, cur -= n;
		}
		if ((e = find_crlf(d, q, cur)) < 0)
			return RESP_TRUNC;
		return len - (cur - e - 2);
	case '*': /* array */
		n = get_length(d, &q, &cur);
		if (n == 0)
			dec_printf(d, " empty");
		else if (n < 0)
			return bad_length(d, n) < 0 ? RESP_TRUNC : len - cur;
		for (long i = 0; i < n; i++) {
			long k = value(d, q, cur, depth + 1);
			if (k < 0)
				return RESP_TRUNC;
			q += k, cur -= k;
		}
		return len - cur;
	default: /* inline command: a line ended by CRs and LFs, as one string */
		if ((e = skip_cr_lf(d, p, len)) < 0)
			return RESP_TRUNC;
		q = p + e, cur = len - e;
		for (n = 0;; n++) {
			if (n == cur)
				return RESP_TRUNC;
			uint8_t c = dec_u8(d, q + n);
			if (c == '\r' || c == '\n')
				break;
		}
		if (segment(d, q, n) < 0 || (e = skip_cr_lf(d, q + n, cur - n)) < 0)
			return RESP_TRUNC;
		return len - (cur - n - e);
	}
}

void dec_resp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_RESP);
	d->proto = "resp";
	dec_printf(d, "RESP");
	long cur = len > 0x7fffffff ? 0x7fffffff : (long)len;
	while (cur > 0) { /* pipelined values, until the data or capture ends */
		long k = value(d, p, cur, 0);
		if (k < 0) {
			dec_printf(d, " [|resp]");
			return;
		}
		p += k, cur -= k;
	}
}
