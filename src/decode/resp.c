/* resp.c: RESP, the Redis serialization protocol, on TCP port 6379 (and
 * resp_port): "RESP" then each value quoted: simple strings, errors,
 * integers and bulk strings as "text", nil as null, an empty array as
 * empty, arrays flattened; inline commands print each word quoted. */
#include "decode/dec.h"

/* One character as tcpdump's safe printer shows it. */
static void putc_safe(struct dec_ctx *d, uint8_t c)
{
	if (c >= 0x80) {
		dec_printf(d, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f)
		dec_printf(d, "^%c", c ^ 0x40);
	else
		dec_printf(d, "%c", c);
}

/* Offset of the CR of the next CRLF at or after p, or -1 if none within len. */
static long find_crlf(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (dec_u8(d, p + i) == '\r' && dec_u8(d, p + i + 1) == '\n')
			return (long)i;
	return -1;
}

static void quoted(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_printf(d, " \"");
	for (size_t i = 0; i < n; i++)
		putc_safe(d, dec_u8(d, p + i));
	dec_printf(d, "\"");
}

static long parse_num(struct dec_ctx *d, const uint8_t *p, size_t n, int *ok)
{
	long v = 0;
	int neg = 0;
	size_t i = 0;
	*ok = n > 0;
	if (n > 0 && dec_u8(d, p) == '-')
		neg = 1, i = 1;
	if (i == n)
		*ok = 0;
	for (; i < n; i++) {
		uint8_t c = dec_u8(d, p + i);
		if (c < '0' || c > '9' || v > 100000000L) {
			*ok = 0;
			return 0;
		}
		v = v * 10 + (c - '0');
	}
	return neg ? -v : v;
}

/* Prints one value starting at p; returns the bytes it took, 0 if invalid. */
static size_t value(struct dec_ctx *d, const uint8_t *p, size_t len, int depth)
{
	long e = find_crlf(d, p, len);
	uint8_t op = dec_u8(d, p);
	if (e < 0) {
		if (op != '+' && op != '-' && op != ':' && op != '$' && op != '*')
			quoted(d, p, dec_avail(d, p, len)); /* an inline command, cut short */
		dec_printf(d, " [|resp]");
		return 0;
	}
	int ok;
	switch (op) {
	case '+': case '-': case ':':
		quoted(d, p + 1, (size_t)e - 1);
		return (size_t)e + 2;
	case '$': {
		long n = parse_num(d, p + 1, (size_t)e - 1, &ok);
		if (!ok || n < -1) {
			dec_printf(d, " invalid");
			return 0;
		}
		if (n == -1) {
			dec_printf(d, " null");
			return (size_t)e + 2;
		}
		size_t used = (size_t)e + 2;
		if (used + (size_t)n + 2 > len) {
			dec_printf(d, " [|resp]");
			return 0;
		}
		quoted(d, p + used, (size_t)n);
		return used + (size_t)n + 2;
	}
	case '*': {
		long n = parse_num(d, p + 1, (size_t)e - 1, &ok);
		if (!ok || n < -1 || depth > 32) {
			dec_printf(d, " invalid");
			return 0;
		}
		if (n == -1) {
			dec_printf(d, " null");
			return (size_t)e + 2;
		}
		if (n == 0) {
			dec_printf(d, " empty");
			return (size_t)e + 2;
		}
		size_t used = (size_t)e + 2;
		for (long i = 0; i < n; i++) {
			size_t k = value(d, p + used, len - used, depth + 1);
			if (!k)
				return 0;
			used += k;
		}
		return used;
	}
	default: { /* inline command: words separated by spaces */
		size_t i = 0;
		while (i < (size_t)e) {
			while (i < (size_t)e && dec_u8(d, p + i) == ' ')
				i++;
			size_t s = i;
			while (i < (size_t)e && dec_u8(d, p + i) != ' ')
				i++;
			if (i > s)
				quoted(d, p + s, i - s);
		}
		return (size_t)e + 2;
	}
	}
}

void dec_resp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "resp";
	dec_printf(d, "RESP");
	size_t used = 0;
	while (used < len) {
		size_t k = value(d, p + used, len - used, 0);
		if (!k)
			return;
		used += k;
	}
}
