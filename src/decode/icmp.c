/* icmp.c: ICMP (RFC 792): "ICMP echo request, id I, seq S, length L",
 * unreachable / time exceeded / redirect naming the quoted datagram's
 * destination, timestamps.  With -v a bad checksum is flagged and, for
 * error messages, the quoted datagram is printed on the next line after a
 * tab, through the IPv4 printer. */
#include "decode/dec.h"

/* Destination unreachable codes (RFC 792, RFC 1812): "host"/"net" word
 * before the address, and the text after "unreachable". */
static const struct {
	const char *pre, *post;
} unreach[] = {
	[0] = { "net ", "" }, [1] = { "host ", "" },
	[5] = { "", " - source route failed" },
	[6] = { "net ", " - unknown" }, [7] = { "host ", " - unknown" },
	[8] = { "", " - source host isolated" },
	[9] = { "net ", " - admin prohibited" }, [10] = { "host ", " - admin prohibited" },
	[11] = { "net ", " - tos prohibited" }, [12] = { "host ", " - tos prohibited" },
	[13] = { "host ", " - admin prohibited filter" },
	[14] = { "host ", " - host precedence violation" },
	[15] = { "host ", " - precedence cutoff" },
};

static void print_ms(struct dec_ctx *d, uint32_t ms)
{
	dec_printf(d, "%02u:%02u:%02u.%03u", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
}

/* The unreachable message for code c about quoted datagram q. */
static void print_unreach(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	const uint8_t *q = ic + 8;
	dec_need(d, q, 20);
	const uint8_t *qdst = q + 16;
	unsigned qproto = dec_u8(d, q + 9), qhl = (dec_u8(d, q) & 0xf) * 4u;
	switch (code) {
	case PROTO_ICMP_UNREACH_PROTOCOL:
		dec_ip4addr(d, qdst);
		dec_printf(d, " protocol %u unreachable", qproto);
		return;
	case PROTO_ICMP_UNREACH_PORT: {
		const uint8_t *th = q + qhl;
		unsigned port = dec_be16(d, th + 2);
		dec_ip4addr(d, qdst);
		dec_port_unreach(d, qproto, port, " unreachable");
		return;
	}
	case PROTO_ICMP_UNREACH_NEEDFRAG: {
		unsigned mtu = dec_be16(d, ic + 6);
		dec_ip4addr(d, qdst);
		if (mtu)
			dec_printf(d, " unreachable - need to frag (mtu %u)", mtu);
		else
			dec_printf(d, " unreachable - need to frag");
		return;
	}
	default:
		if (code < sizeof unreach / sizeof unreach[0] && unreach[code].pre) {
			dec_printf(d, "%s", unreach[code].pre);
			dec_ip4addr(d, qdst);
			dec_printf(d, " unreachable%s", unreach[code].post);
		} else {
			dec_ip4addr(d, qdst);
			dec_printf(d, " unreachable - #%u", code);
		}
	}
}

static void print_redirect(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	static const char *const fmt[] = { "redirect ", "redirect ", "redirect-tos ", "redirect-tos " };
	static const char *const to[] = { " to net ", " to host ", " to net ", " to host " };
	dec_need(d, ic + 8, 20);
	if (code < 4) {
		dec_printf(d, "%s", fmt[code]);
		dec_ip4addr(d, ic + 8 + 16);
		dec_printf(d, "%s", to[code]);
	} else {
		dec_printf(d, "redirect-#%u ", code);
		dec_ip4addr(d, ic + 8 + 16);
		dec_printf(d, " to ");
	}
	dec_ip4addr(d, ic + 4);
}

static void print_echo(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	dec_printf(d, "echo %s, id %u, seq %u", type ? "request" : "reply", dec_be16(d, ic + 4), dec_be16(d, ic + 6));
}

static void print_timxceed(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	if (code == 0)
		dec_printf(d, "time exceeded in-transit");
	else if (code == 1)
		dec_printf(d, "ip reassembly time exceeded");
	else
		dec_printf(d, "time exceeded-#%u", code);
}

static void print_paramprob(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	if (code)
		dec_printf(d, "parameter problem - code %u", code);
	else
		dec_printf(d, "parameter problem - octet %u", dec_u8(d, ic + 4));
}

/* A query's id and sequence number; a reply's three times too. */
static void print_tstamp(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	static const char *const times[] = { ": org ", ", recv ", ", xmit " };
	dec_printf(d, "time stamp %s id %u seq %u", type == PROTO_ICMP_TSTAMP ? "query" : "reply", dec_be16(d, ic + 4),
		   dec_be16(d, ic + 6));
	for (unsigned i = 0; type == PROTO_ICMP_TSTAMPREPLY && i < 3; i++) {
		dec_printf(d, "%s", times[i]);
		print_ms(d, dec_be32(d, ic + 8 + 4 * i));
	}
}

static void print_maskreply(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	dec_printf(d, "address mask is 0x%08x", dec_be32(d, ic + 8));
}

/* RFC 1256: lifetime as tcpdump writes it (s, m:ss or h:mm:ss), the
 * number of addresses, then each {address preference} when an entry is
 * 2 words long; need_body has checked that the entries are there. */
static void print_routeradvert(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic)
{
	(void)type, (void)code;
	unsigned num = dec_u8(d, ic + 4), size = dec_u8(d, ic + 5), life = dec_be16(d, ic + 6);
	dec_printf(d, "router advertisement lifetime ");
	if (life < 60)
		dec_printf(d, "%u", life);
	else if (life < 3600)
		dec_printf(d, "%u:%02u", life / 60, life % 60);
	else
		dec_printf(d, "%u:%02u:%02u", life / 3600, life % 3600 / 60, life % 60);
	dec_printf(d, " %u:", num);
	if (size != 2) {
		dec_printf(d, " [size %u]", size);
		return;
	}
	for (unsigned i = 0; i < num; i++) {
		dec_printf(d, " {");
		dec_ip4addr(d, ic + 8 + 8 * i);
		dec_printf(d, " %u}", dec_be32(d, ic + 12 + 8 * i));
	}
}

/* The messages with words of their own after "ICMP "; the others print
 * their name (proto_icmp_types). */
static const struct {
	unsigned type;
	void (*print)(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *ic);
} messages[] = {
	{ PROTO_ICMP_ECHOREPLY, print_echo }, { PROTO_ICMP_ECHO, print_echo },
	{ PROTO_ICMP_UNREACH, print_unreach }, { PROTO_ICMP_REDIRECT, print_redirect },
	{ PROTO_ICMP_TIMXCEED, print_timxceed }, { PROTO_ICMP_PARAMPROB, print_paramprob },
	{ PROTO_ICMP_TSTAMP, print_tstamp }, { PROTO_ICMP_TSTAMPREPLY, print_tstamp },
	{ PROTO_ICMP_MASKREPLY, print_maskreply }, { PROTO_ICMP_ROUTERADVERT, print_routeradvert },
};

/* RFC 4884 extensions after the 128 bytes of quoted datagram (tcpdump's
 * ICMP_EXTD_MINLEN is 136 bytes of ICMP).  A zero length field and a bad
 * checksum over the rest mean there is none; only version 2 is decoded by
 * tcpdump (objects we leave to it). */
static void multipart(struct dec_ctx *d, const uint8_t *p, size_t len)
{
	const uint8_t *x = p + 136;
	size_t hlen = len - 136;
	d->proto = "icmp";
	dec_need_ret(d, p, 141);
	if (p[5] == 0 && dec_has(d, x, hlen) && dec_fold(dec_sum(x, hlen, 0)) != 0)
		return;
	unsigned v = x[0] >> 4;
	dec_printf(d, "\n\tICMP Multi-Part extension v%u", v);
	if (v != 2)
		dec_printf(d, " packet not supported");
	else
		dec_handoff(d, "icmp-ext");
}

/* tcpdump builds the text of the message before it prints "ICMP ": the
 * bytes each type reads must be there first, or the line has only the
 * truncation marker.  Some are checked first with a return (the -x dump
 * then skips the link header), the rest read with a jump. */
static void need_body(struct dec_ctx *d, unsigned type, unsigned code, const uint8_t *p)
{
	switch (type) {
	case PROTO_ICMP_ECHOREPLY: case PROTO_ICMP_ECHO: case PROTO_ICMP_TSTAMP:
		dec_need(d, p, 8);
		break;
	case PROTO_ICMP_UNREACH:
		if (code == PROTO_ICMP_UNREACH_PORT)
			dec_need_ret(d, p, 8 + 10); /* the quoted protocol */
		dec_need(d, p, 8 + 20);
		if (code == PROTO_ICMP_UNREACH_PORT)
			dec_need(d, p + 8 + (p[8] & 0xf) * 4u + 2, 2);
		break;
	case PROTO_ICMP_TIMXCEED: /* the quoted destination, not printed */
		dec_need_ret(d, p, 8 + 20);
		break;
	case PROTO_ICMP_REDIRECT:
		dec_need(d, p, 8 + 20);
		break;
	case PROTO_ICMP_PARAMPROB:
		if (code == 0)
			dec_need(d, p, 5);
		break;
	case PROTO_ICMP_TSTAMPREPLY:
		dec_need_ret(d, p, 20);
		break;
	case PROTO_ICMP_MASKREPLY:
		dec_need(d, p, 12);
		break;
	case PROTO_ICMP_ROUTERADVERT: /* tcpdump checks the header, then each entry */
		dec_need_ret(d, p, 8);
		if (p[5] == 2)
			for (unsigned i = 0; i < p[4]; i++)
				dec_need_ret(d, p + 8 + 8 * i, 8);
		break;
	}
}

void dec_icmp(struct dec_ctx *d, const struct dec_net *n, const uint8_t *p, size_t len)
{
	dec_layer(d, DEC_L_ICMP);
	d->proto = "icmp";
	unsigned type = dec_u8(d, p), code = dec_u8(d, p + 1);
	need_body(d, type, code, p);
	dec_printf(d, "ICMP ");
	size_t m = 0;
	while (m < sizeof messages / sizeof messages[0] && messages[m].type != type)
		m++;
	if (m < sizeof messages / sizeof messages[0])
		messages[m].print(d, type, code, p);
	else {
		const char *s = proto_name(&proto_icmp_types, type, PROTO_TCPDUMP);
		if (s)
			dec_printf(d, "%s", s);
		else
			dec_printf(d, "type-#%u", type);
	}
	dec_printf(d, ", length %zu", len);
	if (d->o.vflag && !d->o.no_cksum && !n->fragmented && dec_has(d, p, len)) {
		uint16_t sum = dec_fold(dec_sum(p, len, 0));
		if (sum != 0) {
			uint16_t field = dec_be16(d, p + 2);
			dec_printf(d, " (wrong icmp cksum %x (->%x)!)", field, dec_shouldbe(field, sum));
		}
	}
	if (d->o.vflag && (type == PROTO_ICMP_UNREACH || type == PROTO_ICMP_SOURCEQUENCH ||
			     type == PROTO_ICMP_REDIRECT || type == PROTO_ICMP_TIMXCEED || type == PROTO_ICMP_PARAMPROB)) {
		const uint8_t *q = p + 8;
		const uint8_t *save = d->end;
		dec_printf(d, "\n\t");
		/* tcpdump bounds the capture by the quoted total length, then
		 * reads that length again (as "icmp") for ip_print */
		unsigned qlen = dec_be16(d, q + 2);
		if (dec_has(d, q, qlen))
			d->end = q + qlen;
		dec_need(d, q, 4);
		dec_ip(d, q, qlen);
		d->end = save;
	}
	if (d->o.vflag && len > 136 && (type == PROTO_ICMP_UNREACH || type == PROTO_ICMP_TIMXCEED ||
						 type == PROTO_ICMP_PARAMPROB))
		multipart(d, p, len);
}
