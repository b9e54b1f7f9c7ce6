/* vxlan.c: VXLAN (RFC 7348) as tcpdump 4.99 prints it: "VXLAN, flags [I]
 * (0x08), vni N" and a newline, then the inner Ethernet frame through the
 * Ethernet printer, as if it began the line.  A datagram shorter than the
 * 8-byte header is " (invalid)".
 *
 * The inner frame's printer is a link printer: it records its header
 * length for the -x/-X dump, which must stay the outer link header's, so
 * it runs under a truncation exit of its own that restores it
 * (dec_ether_inner, also for Geneve and OTV). */
#include <string.h>

#include "decode/dec.h"

#define VXLAN_HDR_LEN 8
#define VXLAN_FLAG_I 0x08          /* the VNI is valid */

void dec_vxlan(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	d->proto = "vxlan";
	dec_printf(d, "VXLAN");
	if (len < VXLAN_HDR_LEN) {
		dec_printf(d, " (invalid)");
		return;
	}
	unsigned flags = dec_u8(d, p);
	dec_printf(d, ", flags [%s] (0x%02x), ", (flags & VXLAN_FLAG_I) ? "I" : "invalid", flags);
	dec_need(d, p + 4, 3);
	dec_printf(d, "vni %u\n", (unsigned)(p[4] << 16 | p[5] << 8 | p[6]));

	/* a header not all captured makes tcpdump jump out, naming VXLAN */
	dec_need(d, p, VXLAN_HDR_LEN);
	dec_ether_inner(d, p + VXLAN_HDR_LEN, len - VXLAN_HDR_LEN);
}

/* An inner frame too short for its own header, on the wire or in the
 * capture, ends the line. */
void dec_ether_inner(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	if (len < 14 || !dec_has(d, p, 14)) {
		dec_printf(d, " [|ether]");
		return;
	}
	int hdrlen = d->hdrlen;
	jmp_buf outer;
	memcpy(&outer, &d->trunc, sizeof outer);
	volatile int r = DEC_TRUNC_NONE;
	switch (setjmp(d->trunc)) {
	case DEC_TRUNC_NONE:
		dec_ether(d, p, len);
		break;
	case DEC_TRUNC_RET:
		r = DEC_TRUNC_RET;
		break;
	default:
		r = DEC_TRUNC_JUMP;
		break;
	}
	memcpy(&d->trunc, &outer, sizeof outer);
	d->hdrlen = hdrlen;
	if (r != DEC_TRUNC_NONE)
		longjmp(d->trunc, r);
}
