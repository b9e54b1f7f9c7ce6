/* tftp.c: TFTP (RFC 1350, options RFC 2347) as tcpdump 4.99 prints it:
 * "TFTP, length N, OP ..." with the file name and mode of a request, the
 * options of a request or OACK, the block number of DATA and ACK, the
 * code and text of an ERROR.  Strings end at their NUL; one that runs
 * past the message or the capture ends the line with " [|tftp]" (the
 * printer returns), as does a message too short for its fields. */
#include "decode/dec.h"

/* tcpdump's nd_printztn: the NUL-terminated string at p, at most n bytes,
 * printed safely; returns the bytes used with the NUL, 0 if none was
 * found within n bytes or the capture. */
static size_t print_ztn(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	size_t used = 0;
	for (;;) {
		if (n == 0 || !dec_has(d, p, 1))
			return 0;
		uint8_t c = *p++;
		used++;
		n--;
		if (c == '\0')
			return used;
		dec_putc_safe(d, c);
	}
}

/* The options of a request or OACK: NUL-terminated strings to the end. */
static int print_options(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	while (len != 0) {
		if (dec_u8(d, p) != '\0')
			dec_printf(d, " ");
		size_t n = print_ztn(d, p, len);
		if (n == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

static int print_body(struct dec_ctx *d, unsigned op, const uint8_t *p, size_t len)
{
	size_t n;
	switch (op) {
	case PROTO_TFTP_RRQ:
	case PROTO_TFTP_WRQ:
		if (len == 0)
			return 0;
		dec_printf(d, " \"");
		n = print_ztn(d, p, len);
		dec_printf(d, "\"");
		if (n == 0)
			return 0;
		p += n;
		len -= n;
		if (len == 0) /* no mode */
			return 0;
		dec_printf(d, " ");
		if ((n = print_ztn(d, p, len)) == 0)
			return 0;
		return print_options(d, p + n, len - n);
	case PROTO_TFTP_OACK:
		return print_options(d, p, len);
	case PROTO_TFTP_ACK:
	case PROTO_TFTP_DATA:
		if (len < 2)
			return 0;
		dec_printf(d, " block %u", dec_be16(d, p));
		return 1;
	case PROTO_TFTP_ERROR: {
		if (len < 2)
			return 0;
		unsigned code = dec_be16(d, p);
		const char *s = proto_name(&proto_tftp_errors, code, PROTO_TCPDUMP);
		if (s)
			dec_printf(d, " %s", s);
		else /* tcpdump's format for an unknown code has a stray quote */
			dec_printf(d, " tftp-err-#%u \"", code);
		if (len == 2)
			return 0;
		dec_printf(d, " \"");
		n = print_ztn(d, p + 2, len - 2);
		dec_printf(d, "\"");
		return n != 0;
	}
	}
	return 1;
}

void dec_tftp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "tftp";
	dec_printf(d, "TFTP, length %zu", len);
	if (len < 2) {
		dec_printf(d, " [|tftp]");
		return;
	}
	unsigned op = dec_be16(d, p);
	const char *name = proto_name(&proto_tftp_ops, op, PROTO_TCPDUMP);
	if (!name) {
		dec_printf(d, ", tftp-#%u", op);
		return;
	}
	dec_printf(d, ", %s", name);
	if (!print_body(d, op, p + 2, len - 2))
		dec_printf(d, " [|tftp]");
}
