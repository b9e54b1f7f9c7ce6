/* out.c: the decoder's output layer.  A packet's text is gathered in the
 * context's own buffer (d->obuf) and handed to the stream once, when
 * dec_packet ends the line (dec_flush): one stdio call per packet instead
 * of one per field, whose locking and bookkeeping were a fifth of the
 * time of printing DNS.  Text past the buffer's size goes to the stream
 * in buffer-sized pieces.  When dec_packet returns, the packet's whole
 * text is in the stream, as before: -U's fflush and -l's line buffering
 * see the same bytes; -l now writes a packet's lines (a -X dump's) when
 * the packet ends rather than one by one.  Nothing else writes to d->out
 * (`bpfx dissect` has its own stream, struct dis).
 *
 * dec_printf formats the conversions the printers use most (d i u x X c
 * s %, the l ll z lengths, a width with the - or 0 flag) itself, straight
 * into the buffer; at the first other conversion it hands the rest of
 * the format to vsnprintf, so every format means what printf says. */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "decode/dec.h"

void dec_flush(struct dec_ctx *d)
{
	if (d->olen)
		fwrite(d->obuf, 1, d->olen, d->out);
	d->olen = 0;
}

void dec_write_long(struct dec_ctx *d, const char *s, size_t n)
{
	dec_flush(d);
	if (n >= DEC_OBUF) {
		fwrite(s, 1, n, d->out);
		return;
	}
	memcpy(d->obuf, s, n);
	d->olen = n;
}

char *dec_utoa(char *end, unsigned long long v, int width)
{
	char *p = end;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v || end - p < width);
	return p;
}

/* v in hexadecimal (upper: the X digits), at least width digits. */
static char *xtoa(char *end, unsigned long long v, int width, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;
	do {
		*--p = digits[v & 0xf];
		v >>= 4;
	} while (v || end - p < width);
	return p;
}

/* s up to its end or the first stop byte, a byte at a time: most pieces
 * are a few bytes, for which strlen's and memcpy's calls cost more than
 * the copy.  Returns where it stopped. */
static const char *put_until(struct dec_ctx *d, const char *s, char stop)
{
	char *o = d->obuf + d->olen, *lim = d->obuf + DEC_OBUF;
	for (; *s && *s != stop; s++) {
		if (o == lim) {
			d->olen = DEC_OBUF;
			dec_flush(d);
			o = d->obuf;
		}
		*o++ = *s;
	}
	d->olen = (size_t)(o - d->obuf);
	return s;
}

/* The text at s (n bytes, after the sign byte unless it is 0) padded to
 * width: spaces before it, or after it (minus), or zeros between the sign
 * and the digits (zero).  Written in place when it fits the buffer. */
static void put_padded(struct dec_ctx *d, char sign, const char *s, size_t n, int width, int minus, int zero)
{
	size_t have = n + (sign != 0), pad = width > 0 && (size_t)width > have ? (size_t)width - have : 0;
	if (have + pad > DEC_OBUF) { /* longer than the buffer: in pieces */
		for (; pad && !minus && !zero; pad--)
			dec_putc(d, ' ');
		if (sign)
			dec_putc(d, sign);
		for (; pad && !minus; pad--)
			dec_putc(d, '0');
		dec_write(d, s, n);
		for (; pad; pad--)
			dec_putc(d, ' ');
		return;
	}
	if (DEC_OBUF - d->olen < have + pad)
		dec_flush(d);
	char *o = d->obuf + d->olen;
	if (!minus && !zero)
		for (; pad; pad--)
			*o++ = ' ';
	if (sign)
		*o++ = sign;
	if (zero && !minus)
		for (; pad; pad--)
			*o++ = '0';
	for (size_t k = 0; k < n; k++)
		*o++ = s[k];
	for (; pad; pad--)
		*o++ = ' ';
	d->olen = (size_t)(o - d->obuf);
}

/* The rest of the format from a conversion dec_printf does not do itself. */
static void vformat_rest(struct dec_ctx *d, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	size_t room = DEC_OBUF - d->olen;
	int n = vsnprintf(d->obuf + d->olen, room, fmt, ap);
	if (n >= 0 && (size_t)n < room)
		d->olen += (size_t)n;
	else if (n >= 0) { /* the buffer's rest was too short: what is there goes first */
		dec_flush(d);
		if ((size_t)n < DEC_OBUF)
			d->olen = (size_t)vsnprintf(d->obuf, DEC_OBUF, fmt, again);
		else
			vfprintf(d->out, fmt, again);
	}
	va_end(again);
}

/* The length modifier (none, l, ll, z): how wide the argument is. */
enum arg_size { ARG_INT, ARG_LONG, ARG_LLONG, ARG_SIZE };

void dec_printf(struct dec_ctx *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *f = fmt, *spec;
	for (;;) {
		f = put_until(d, f, '%');
		if (!*f)
			break;
		spec = f++;
		int minus = 0, zero = 0, width = 0;
		for (;; f++) {
			if (*f == '-')
				minus = 1;
			else if (*f == '0')
				zero = 1;
			else
				break;
		}
		while (*f >= '0' && *f <= '9')
			width = width * 10 + (*f++ - '0');
		enum arg_size size = ARG_INT;
		if (*f == 'l') {
			size = f[1] == 'l' ? ARG_LLONG : ARG_LONG;
			f += size == ARG_LLONG ? 2 : 1;
		} else if (*f == 'z') {
			size = ARG_SIZE;
			f++;
		}
		char buf[24], *end = buf + sizeof buf, *p;
		char sign = 0;
		unsigned long long v;
		switch (*f) {
		case 'u':
		case 'x':
		case 'X':
			v = size == ARG_INT ? va_arg(ap, unsigned) : size == ARG_LONG ? va_arg(ap, unsigned long)
				: size == ARG_LLONG ? va_arg(ap, unsigned long long) : va_arg(ap, size_t);
			p = *f == 'u' ? dec_utoa(end, v, 1) : xtoa(end, v, 1, *f == 'X');
			put_padded(d, sign, p, (size_t)(end - p), width, minus, zero);
			break;
		case 'd':
		case 'i': {
			long long s = size == ARG_INT ? va_arg(ap, int) : size == ARG_LONG ? va_arg(ap, long)
				: size == ARG_LLONG ? va_arg(ap, long long) : (long long)va_arg(ap, ssize_t);
			v = s < 0 ? 0 - (unsigned long long)s : (unsigned long long)s;
			sign = s < 0 ? '-' : 0;
			p = dec_utoa(end, v, 1);
			put_padded(d, sign, p, (size_t)(end - p), width, minus, zero);
			break;
		}
		case 'c':
			if (zero || size != ARG_INT)
				goto rest;
			buf[0] = (char)va_arg(ap, int);
			put_padded(d, sign, buf, 1, width, minus, 0);
			break;
		case 's': {
			if (zero || size != ARG_INT)
				goto rest;
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)"; /* as glibc's vfprintf */
			if (width)
				put_padded(d, sign, s, strlen(s), width, minus, 0);
			else
				put_until(d, s, 0);
			break;
		}
		case '%':
			if (f != spec + 1)
				goto rest;
			dec_putc(d, '%');
			break;
		default:
			goto rest;
		}
		f++;
	}
	va_end(ap);
	return;
rest:
	vformat_rest(d, spec, ap);
	va_end(ap);
}
