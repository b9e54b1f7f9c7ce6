/* slip.c: SLIP (DLT_SLIP), as tcpdump 4.99 prints it: a 16-byte link
 * header (direction, the compression byte, the compressed TCP/IP header),
 * with -e "I ip 84: " or "O utcp 3: ", then IPv4 or IPv6 by the version
 * nibble, else "ip vN".  With -e a Van Jacobson compressed header (RFC
 * 1144) prints its changes, "ctcp 3 A+40 S+512 93 (6): ", as tcpdump's
 * compressed_sl_print does, with the data lengths it remembers by
 * direction and connection. */
#include "decode/dec.h"

enum { SLIP_HDRLEN = 16, SLX_DIR = 0, SLX_CHDR = 1 };
enum { TYPE_IP = 0x40, TYPE_UNCOMPRESSED_TCP = 0x70, TYPE_COMPRESSED_TCP = 0x80 };
enum { NEW_C = 0x40, NEW_I = 0x20, NEW_S = 0x08, NEW_A = 0x04, NEW_W = 0x02, NEW_U = 0x01 };
#define SPECIALS (NEW_S | NEW_A | NEW_W | NEW_U)

/* The data length of the TCP/IP packet at ip, remembered for dir's
 * connection (tcpdump's u_int arithmetic). */
static unsigned remember(struct dec_ctx *d, const uint8_t *ip, size_t len, int dir)
{
	unsigned hlen = dec_u8(d, ip) & 0xf;
	dec_need(d, ip + hlen * 4, 20); /* tcpdump checks the whole TCP header */
	hlen += ip[hlen * 4 + 12] >> 4;
	unsigned conn = d->vj_conn_x ^ 255;
	return d->vj_lastlen[dir][conn] = (unsigned)len - (hlen << 2);
}

/* A changed field: one byte, or a zero then two; " strN".  tcpdump 4.99
 * steps over the long form only: after a one-byte change the next field
 * is read from the same byte, and the header length counts it so. */
static const uint8_t *change(struct dec_ctx *d, const char *str, const uint8_t *cp)
{
	unsigned i = dec_u8(d, cp);
	int step = 0;
	if (i == 0) {
		i = dec_be16(d, cp + 1);
		step = 3;
	}
	if (str)
		dec_printf(d, " %s%u", str, i);
	else /* the window's change is signed */
		dec_printf(d, " W%s%d", (int16_t)i >= 0 ? "+" : "", (int16_t)i);
	return cp + step;
}

static void compressed(struct dec_ctx *d, const uint8_t *chdr, const uint8_t *ip, size_t len, int dir)
{
	const uint8_t *cp = chdr;
	unsigned flags = dec_u8(d, cp++);
	if (flags & NEW_C) {
		d->vj_conn_x = dec_u8(d, cp++) ^ 255u;
		dec_printf(d, "ctcp %u", d->vj_conn_x ^ 255);
	} else
		dec_printf(d, "ctcp *");
	cp += 2; /* the TCP checksum */
	unsigned conn = d->vj_conn_x ^ 255;
	if ((flags & SPECIALS) == (NEW_S | NEW_W | NEW_U))
		dec_printf(d, " *SA+%u", d->vj_lastlen[dir][conn]);
	else if ((flags & SPECIALS) == SPECIALS)
		dec_printf(d, " *S+%u", d->vj_lastlen[dir][conn]);
	else {
		static const struct { unsigned bit; const char *str; } order[] = {
			{ NEW_U, "U=" }, { NEW_W, NULL }, { NEW_A, "A+" }, { NEW_S, "S+" },
		};
		for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
			if (flags & order[i].bit)
				cp = change(d, order[i].str, cp);
	}
	if (flags & NEW_I)
		cp = change(d, "I+", cp);
	unsigned n = remember(d, ip, len, dir);
	dec_printf(d, " %u (%ld): ", n, (long)(cp - chdr));
}

/* -e: the link header; 1 (the line goes on). */
static int link_hdr(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int dir = p[SLX_DIR];
	if (dir == 0 || dir == 1)
		dec_printf(d, "%s ", dir ? "O" : "I");
	else {
		dec_printf(d, "Invalid direction %d ", dir);
		dir = -1;
	}
	unsigned chdr = p[SLX_CHDR];
	if ((chdr & 0xf0) == TYPE_IP)
		dec_printf(d, "ip %zu: ", len + SLIP_HDRLEN);
	else if ((chdr & 0xf0) == TYPE_UNCOMPRESSED_TCP) {
		/* the connection number is where the IP header's protocol is;
		 * tcpdump then reads the TCP header's length (for its state) */
		d->vj_conn_x = dec_u8(d, p + SLX_CHDR + 9) ^ 255u;
		dec_printf(d, "utcp %u: ", d->vj_conn_x ^ 255);
		const uint8_t *ip = p + SLIP_HDRLEN;
		if (dir != -1) { /* the whole TCP header must be there */
			dec_need(d, ip + (dec_u8(d, ip) & 0xf) * 4, 20);
			remember(d, ip, len, dir);
		}
	} else if (dir == -1)
		return 1;
	else if (chdr & TYPE_COMPRESSED_TCP)
		compressed(d, p + SLX_CHDR, p + SLIP_HDRLEN, len, dir);
	else
		dec_printf(d, "slip-%u!: ", chdr);
	return 1;
}

int dec_link_slip(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	dec_link_begin(d, p, len, "slip", 0);
	dec_need(d, p, SLIP_HDRLEN);
	d->hdrlen = SLIP_HDRLEN;
	len = len >= SLIP_HDRLEN ? len - SLIP_HDRLEN : 0;
	if (d->o.eflag && !link_hdr(d, p, len))
		return SLIP_HDRLEN;
	dec_ip_version(d, p + SLIP_HDRLEN, len, "ip v%u"); /* link.c */
	return SLIP_HDRLEN;
}
