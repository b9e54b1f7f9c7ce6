/* slip.c: SLIP (DLT_SLIP), as tcpdump 4.99 prints it: a 16-byte link
 * header (direction, the compression byte, the compressed TCP/IP header),
 * with -e "I ip 84: " or "O utcp 3: ", then IPv4 or IPv6 by the version
 * nibble, else "ip vN".  Van Jacobson compressed headers (-e) are tcpdump's
 * own printer, handed off. */
#include "decode/dec.h"

enum { SLIP_HDRLEN = 16, SLX_DIR = 0, SLX_CHDR = 1 };
enum { TYPE_IP = 0x40, TYPE_UNCOMPRESSED_TCP = 0x70, TYPE_COMPRESSED_TCP = 0x80 };

/* -e: the link header; 0 when the line stops (compressed TCP/IP). */
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
		 * tcpdump then reads the TCP header's offset (for its state) */
		dec_printf(d, "utcp %u: ", dec_u8(d, p + SLX_CHDR + 9));
		const uint8_t *ip = p + SLIP_HDRLEN;
		if (dir != -1)
			dec_u8(d, ip + (dec_u8(d, ip) & 0xf) * 4 + 12);
	} else if (dir == -1)
		return 1;
	else if (chdr & TYPE_COMPRESSED_TCP) {
		dec_handoff(d, "vjc");
		return 0;
	} else
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
