/* ppp.c: PPP (DLT_PPP, DLT_PPP_PPPD) and PPP in HDLC-like framing
 * (DLT_PPP_SERIAL), as tcpdump 4.99 prints them: the address and control
 * bytes and the protocol (compressed to one byte or not), with -e
 * "IP (0x0021), length N: ", then IPv4, IPv6, MPLS or multilink PPP;
 * the link control protocols (LCP, IPCP, PAP, CHAP, ...) are tcpdump's
 * own printers, handed off; an unknown protocol gets its name or number
 * and the payload in hex. */
#include <stdlib.h>
#include <string.h>

#include "decode/dec.h"

enum {
	PPP_ADDRESS = 0xff, PPP_CONTROL = 0x03, PPP_PPPD_IN = 0x00, PPP_PPPD_OUT = 0x01,
	PPP_IP = 0x21, PPP_OSI = 0x23, PPP_IPX = 0x2b, PPP_VJNC = 0x2f, PPP_ML = 0x3d, PPP_IPV6 = 0x57,
	PPP_COMP = 0xfd, PPP_MPLS_UCAST = 0x281, PPP_MPLS_MCAST = 0x283, ETH_IPX = 0x8137,
};

/* The protocols tcpdump has a printer of its own for (not ours yet). */
static const unsigned ppp_handed[] = { 0xc223, 0xc023, 0xc02d };
/* The control protocols (LCP, IPCP, OSICP, MPLSCP, IPV6CP, CCP, BACP):
 * their header line is ours, their options tcpdump's (-v) */
static const unsigned ppp_ctrl[] = { 0xc021, 0x8021, 0x8023, 0x8281, 0x8057, 0x80fd, 0xc02b };
static const struct dec_tok cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" }, { 3, "Conf-Nack" },
	{ 4, "Conf-Reject" }, { 5, "Term-Request" }, { 6, "Term-Ack" }, { 7, "Code-Reject" },
	{ 8, "Prot-Reject" }, { 9, "Echo-Request" }, { 10, "Echo-Reply" }, { 11, "Disc-Req" }, { 12, "Ident" },
	{ 13, "Time-Rem" }, { 14, "Reset-Req" }, { 15, "Reset-Ack" }, { 0, NULL },
};

static const struct dec_tok ml_flags[] = { { 0x80, "begin" }, { 0x40, "end" }, { 0, NULL } };

static void type_name(struct dec_ctx *d, unsigned proto)
{
	const char *name = proto_name(&proto_ppp, proto, PROTO_TCPDUMP);
	if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "unknown PPP protocol (0x%04x)", proto);
}

static int listed(const unsigned *list, size_t n, unsigned proto)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == proto)
			return 1;
	return 0;
}

/* A control protocol's packet (tcpdump's handle_ctrl_proto): its name,
 * code, id and length; the options that follow at -v are tcpdump's. */
static void ctrl(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t len)
{
	const char *name = proto_name(&proto_ppp, proto, PROTO_TCPDUMP);
	dec_printf(d, "%s, ", name);
	if (len < 4 || !dec_has(d, p, 2)) { /* tcpdump's marker names the protocol, then it returns */
		dec_printf(d, "[|%s]", name);
		return;
	}
	dec_printf(d, "%s (0x%02x), id %u, length %zu", dec_tok(cp_codes, p[0], "Unknown Opcode"), p[0], p[1], len + 2);
	if (d->o.vflag)
		dec_handoff(d, "ppp-ctrl");
}

static void payload(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t len);

/* An un-escaped HDLC frame of n bytes at b: IPv4 or IPv6 by a one-byte
 * protocol, else a PPP header or a two-byte protocol; too short for the
 * guess, tcpdump prints the marker and returns. */
static void frame(struct dec_ctx *d, const uint8_t *b, size_t n)
{
	if (n >= 1 && (b[0] == PPP_IP || b[0] == PPP_IPV6)) {
		payload(d, b[0], b + 1, n - 1);
		return;
	}
	size_t at = 2;
	unsigned proto = n >= 2 ? dec_get_be16(b) : 0;
	if (n >= 2 && proto == (PPP_ADDRESS << 8 | PPP_CONTROL)) {
		at = 4;
		proto = n >= 4 ? dec_get_be16(b + 2) : 0;
	}
	if (n < at)
		dec_printf(d, " [|%s]", d->proto);
	else if ((proto & 0xff00) == 0x7e00)
		dec_printf(d, "(protocol 0x%04x invalid)", proto);
	else
		payload(d, proto, b + at, n - at);
}

/* frame() on the n bytes at b as the packet (tcpdump's nd_push_buffer),
 * the capture's bounds and truncation exit restored after it: returns
 * how frame() ended (DEC_TRUNC_*), for the caller to jump on. */
static int pushed(struct dec_ctx *d, const uint8_t *b, size_t n)
{
	const uint8_t *start = d->start, *end = d->end;
	jmp_buf outer;
	memcpy(outer, d->trunc, sizeof outer);
	int jumped = DEC_TRUNC_NONE;
	switch (setjmp(d->trunc)) {
	case DEC_TRUNC_NONE:
		d->start = b;
		d->end = b + n;
		frame(d, b, n);
		break;
	case DEC_TRUNC_RET:
		jumped = DEC_TRUNC_RET;
		break;
	default:
		jumped = DEC_TRUNC_JUMP;
	}
	d->start = start;
	d->end = end;
	memcpy(d->trunc, outer, sizeof outer);
	return jumped;
}

/* The frame after the byte at p, HDLC-escaped (tcpdump's ppp_hdlc): the
 * captured bytes un-escaped (0x7d, then the byte xor 0x20) into a buffer
 * of their own, which the printers below read as the packet until they
 * return or jump out. */
static void hdlc(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t cap = dec_avail(d, p, len ? SIZE_MAX : 0), n = 0;
	if (cap == 0)
		return;
	uint8_t *b = malloc(cap);
	if (!b)
		return;
	for (size_t i = 0; i < cap; i++) {
		uint8_t c = p[i];
		if (c == 0x7d) {
			if (i + 1 >= cap)
				break;
			c = p[++i] ^ 0x20;
		}
		b[n++] = c;
	}
	int jumped = pushed(d, b, n);
	free(b);
	if (jumped)
		longjmp(d->trunc, jumped);
}

/* The payload of protocol proto (tcpdump's handle_ppp). */
static void payload(struct dec_ctx *d, unsigned proto, const uint8_t *p, size_t len)
{
	if ((proto & 0xff00) == 0x7e00) { /* an HDLC escape: from the byte before */
		hdlc(d, p - 1, len);
		return;
	}
	if (listed(ppp_ctrl, sizeof ppp_ctrl / sizeof ppp_ctrl[0], proto)) {
		ctrl(d, proto, p, len);
		return;
	}
	if (listed(ppp_handed, sizeof ppp_handed / sizeof ppp_handed[0], proto)) {
		dec_handoff(d, "ppp-ctrl");
		return;
	}
	switch (proto) {
	case PPP_ML:
		d->proto = "mlppp";
		if (!d->o.eflag)
			dec_printf(d, "MLPPP, ");
		if (len < 2 || !dec_has(d, p, 2)) {
			dec_printf(d, "[|mlppp]");
			return;
		}
		dec_printf(d, "seq 0x%03x, Flags [", dec_get_be16(p) & 0xfff);
		dec_bits(d, ml_flags, p[0] & 0xc0, "none");
		dec_printf(d, "], length %zu", len);
		return;
	case PROTO_ETH_IPV4: case PPP_VJNC: case PPP_IP:
		dec_ip(d, p, len);
		return;
	case PROTO_ETH_IPV6: case PPP_IPV6:
		dec_ip6(d, p, len);
		return;
	case ETH_IPX: case PPP_IPX:
		dec_handoff(d, "ipx");
		return;
	case PPP_OSI:
		dec_osi(d, p, len);
		return;
	case PPP_MPLS_UCAST: case PPP_MPLS_MCAST:
		dec_mpls(d, p, len);
		return;
	case PPP_COMP:
		dec_printf(d, "compressed PPP data");
		return;
	default:
		type_name(d, proto);
		dec_printf(d, " ");
		dec_hexlines(d, "\n\t", p, len);
		return;
	}
}

int dec_ppp_frame(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	size_t olen = len;
	int hl = 0;
	d->proto = "ppp";
	if (len < 2) {
		dec_printf(d, " [|ppp]");
		return 0;
	}
	unsigned head = dec_be16(d, p);
	if (head == (PPP_PPPD_IN << 8 | PPP_CONTROL) || head == (PPP_PPPD_OUT << 8 | PPP_CONTROL) ||
	    head == (PPP_ADDRESS << 8 | PPP_CONTROL)) {
		if (d->o.eflag && head != (PPP_ADDRESS << 8 | PPP_CONTROL))
			dec_printf(d, "%s", head >> 8 == PPP_PPPD_IN ? "In  " : "Out ");
		p += 2, len -= 2, hl += 2;
	}
	if (len < 2) {
		dec_printf(d, " [|ppp]");
		return 0;
	}
	unsigned proto;
	if (dec_u8(d, p) % 2) { /* protocol field compression */
		proto = p[0];
		p++, len--, hl++;
	} else {
		proto = dec_be16(d, p);
		p += 2, len -= 2, hl += 2;
	}
	if (d->o.eflag) { /* an unknown protocol ends the line here */
		const char *name = proto_name(&proto_ppp, proto, PROTO_TCPDUMP);
		dec_printf(d, "%s (0x%04x), length %zu", name ? name : "unknown", proto, olen);
		if (!name)
			return hl;
		dec_printf(d, ": ");
	}
	payload(d, proto, p, len);
	return hl;
}

/* DLT_PPP: tcpdump counts 4 bytes as link header whatever the frame's
 * prefix and protocol field take. */
int dec_link_ppp(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "ppp", 4);
	if (n >= 0)
		return n;
	d->hdrlen = 4;
	dec_ppp_frame(d, p, len);
	return 4;
}

/* DLT_PPP_SERIAL: PPP in HDLC-like framing, or Cisco HDLC. */
int dec_link_ppp_hdlc(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	int n = dec_link_begin(d, p, len, "ppp_hdlc", 2);
	if (n >= 0)
		return n;
	if (p[0] == 0x0f || p[0] == 0x8f)
		return dec_link_chdlc(d, p, len);
	if ((n = dec_link_begin(d, p, len, "ppp_hdlc", 4)) >= 0)
		return n;
	if (d->o.eflag)
		dec_printf(d, "%02x %02x %zu ", p[0], p[1], len);
	if (p[0] != PPP_ADDRESS) {
		dec_printf(d, "unknown addr %02x; ctrl %02x", p[2], p[3]);
		return 2;
	}
	unsigned proto = dec_get_be16(p + 2);
	d->hdrlen = 4;
	type_name(d, proto);
	dec_printf(d, ": ");
	payload(d, proto, p + 4, len - 4);
	return 4;
}
