/* decode.c: the decoder's driver.  dec_packet prints one packet the way
 * tcpdump 4.99 does: timestamp, the link-layer printer for the capture's
 * link type (which calls down through the network and transport printers),
 * then the -x / -X / -A dump and a newline, all into the context's line
 * buffer (out.c), which goes to the stream once the packet is done.  The
 * truncation exit (dec_trunc) lands here.  Also home of the shared output
 * helpers. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode/dec.h"
#include "linktype.h"

typedef int (*link_printer)(struct dec_ctx *, const uint8_t *, size_t);

/* The printer for each kind of link header (src/linktype.c says which
 * link types are of which kind). */
static const link_printer link_printers[] = {
	[LT_ETHER] = dec_ether,            /* Ethernet, 802.1Q/802.1ad inside */
	[LT_NULL] = dec_link_null,         /* BSD loopback, host-order AF */
	[LT_LOOP] = dec_link_null,         /* OpenBSD loopback, network-order AF */
	[LT_RAW] = dec_link_raw,           /* raw IPv4 or IPv6 */
	[LT_IPV4] = dec_link_raw,
	[LT_IPV6] = dec_link_raw,
	[LT_SLL] = dec_link_sll,           /* Linux cooked v1 */
	[LT_SLL2] = dec_link_sll2,         /* Linux cooked v2 */
};

/* Link types without a printer get the raw one. */
static link_printer find_printer(int dlt)
{
	const struct linktype *lt = lt_by_dlt(dlt);
	if (dec_link_by_dlt(dlt))
		return dec_link_by_dlt(dlt);
	if (!lt || (size_t)lt->kind >= sizeof link_printers / sizeof link_printers[0] || !link_printers[lt->kind])
		return dec_link_other;
	return link_printers[lt->kind];
}

struct dec_ctx *dec_new(const struct dec_opts *o, int linktype)
{
	struct dec_ctx *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->o = *o;
	d->linktype = linktype;
	d->link = find_printer(linktype);
	return d;
}

void dec_free(struct dec_ctx *d)
{
	if (!d)
		return;
	dec_tcpseq_free(d);
	dec_rx_free(d);
	dec_nfs_free(d);
	dec_names_free(d);
	free(d);
}

_Noreturn void dec_trunc(struct dec_ctx *d)
{
	dec_printf(d, " [|%s]", d->proto ? d->proto : "?");
	longjmp(d->trunc, DEC_TRUNC_JUMP);
}

_Noreturn void dec_trunc_ret(struct dec_ctx *d)
{
	dec_printf(d, " [|%s]", d->proto ? d->proto : "?");
	longjmp(d->trunc, DEC_TRUNC_RET);
}

const char *dec_fmt_mac(char buf[18], const uint8_t *p)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	return buf;
}

void dec_mac(struct dec_ctx *d, const uint8_t *p)
{
	char buf[18];
	dec_need(d, p, 6);
	const char *name = dec_mac_name(d, p);
	dec_printf(d, "%s", name ? name : dec_fmt_mac(buf, p));
}

void dec_ip4addr_num(struct dec_ctx *d, const uint8_t *p)
{
	char buf[16], *end = buf + sizeof buf, *q = end;
	dec_need(d, p, 4);
	for (int i = 3; i >= 0; i--) {
		q = dec_utoa(q, p[i], 1);
		if (i)
			*--q = '.';
	}
	dec_write(d, q, (size_t)(end - q));
}

void dec_ip6addr_num(struct dec_ctx *d, const uint8_t *p)
{
	char buf[INET6_ADDRSTRLEN];
	dec_need(d, p, 16);
	inet_ntop(AF_INET6, p, buf, sizeof buf);
	dec_puts(d, buf);
}

void dec_ip4addr(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 4);
	const char *name = dec_host4(d, p);
	name ? dec_printf(d, "%s", name) : dec_ip4addr_num(d, p);
}

void dec_ip6addr(struct dec_ctx *d, const uint8_t *p)
{
	dec_need(d, p, 16);
	const char *name = dec_host6(d, p);
	name ? dec_printf(d, "%s", name) : dec_ip6addr_num(d, p);
}

void dec_port(struct dec_ctx *d, int udp, unsigned port)
{
	const char *name = dec_port_name(d, udp, port);
	if (name)
		dec_printf(d, "%s", name);
	else
		dec_printf(d, "%u", port);
}

void dec_ipproto(struct dec_ctx *d, unsigned proto)
{
	const char *name = dec_proto_name(d, proto);
	if (name)
		dec_printf(d, " %s", name);
	else
		dec_printf(d, " ip-proto-%u", proto);
}

void dec_netaddr(struct dec_ctx *d, const struct dec_net *n, const uint8_t *a)
{
	if (n->v6)
		dec_ip6addr(d, a);
	else
		dec_ip4addr(d, a);
}

void dec_putc_safe(struct dec_ctx *d, uint8_t c)
{
	if (c >= 0x80) {
		dec_write(d, "M-", 2);
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		dec_putc(d, '^');
		c ^= 0x40;
	}
	dec_putc(d, (char)c);
}

void dec_text(struct dec_ctx *d, const uint8_t *p, size_t n, unsigned how)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t c = dec_u8(d, p + i);
		if ((how & DEC_TEXT_NUL) && c == 0)
			return;
		if (how & DEC_TEXT_DOT)
			dec_putc(d, c >= 0x20 && c < 0x7f ? (char)c : '.');
		else
			dec_putc_safe(d, c);
	}
}

void dec_port_unreach(struct dec_ctx *d, unsigned proto, unsigned port, const char *tail)
{
	if (proto == PROTO_IP_TCP || proto == PROTO_IP_UDP) {
		dec_printf(d, " %s port ", proto == PROTO_IP_TCP ? "tcp" : "udp");
		dec_port(d, proto == PROTO_IP_UDP, port);
		dec_printf(d, "%s", tail);
	} else
		dec_printf(d, " protocol %u port %u unreachable", proto, port);
}

const char *dec_tok(const struct dec_tok *t, unsigned v, const char *dflt)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return dflt;
}

void dec_bits(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *none)
{
	const char *sep = "";
	for (; t->s; t++)
		if (t->v && (v & t->v) == t->v) {
			dec_printf(d, "%s%s", sep, t->s);
			sep = ", ";
		}
	if (!*sep)
		dec_printf(d, "%s", none);
}

void dec_tokf(struct dec_ctx *d, const struct dec_tok *t, unsigned v, const char *fmt)
{
	const char *s = dec_tok(t, v, NULL);
	if (s)
		dec_printf(d, "%s", s);
	else
		dec_printf(d, fmt, v);
}

/* --- timestamps (tcpdump's -t flags) --- */

static void print_hms(struct dec_ctx *d, long sec, long usec)
{
	/* tcpdump prints the microseconds as unsigned: a damaged record's
	 * negative field comes out as a 10-digit number */
	/* sec is never negative: a time of day, or a delta's magnitude */
	char buf[64], *end = buf + sizeof buf, *p = end;
	*--p = ' ';
	p = dec_utoa(p, (unsigned)usec, 6);
	*--p = '.';
	p = dec_utoa(p, (unsigned long)(sec % 60), 2);
	*--p = ':';
	p = dec_utoa(p, (unsigned long)(sec / 60 % 60), 2);
	*--p = ':';
	p = dec_utoa(p, (unsigned long)(sec / 3600), 2);
	dec_write(d, p, (size_t)(end - p));
}

/* tcpdump refuses to convert seconds whose 32-bit truncation has the
 * top bit set (before 1970 or past 2038 as a signed time_t) and prints
 * "[Error converting time]" instead, for every -t format. */
static int time_error(long sec)
{
	return ((uint32_t)sec & 0x80000000u) != 0;
}

static void print_delta(struct dec_ctx *d, const struct timeval *a, const struct timeval *b)
{
	long sec = (long)(a->tv_sec - b->tv_sec), usec = (long)(a->tv_usec - b->tv_usec);
	if (usec < 0) {
		usec += 1000000;
		sec--;
	}
	if (sec < 0) { /* time went backwards: tcpdump prints the magnitude with a sign */
		sec = -sec - (usec ? 1 : 0);
		usec = usec ? 1000000 - usec : 0;
		dec_printf(d, "-");
	} else
		dec_printf(d, " "); /* and a space in the sign's place otherwise */
	if (time_error(sec))
		dec_printf(d, "[Error converting time] ");
	else
		print_hms(d, sec % 86400, usec); /* tcpdump formats it as a time of day */
}

/* t's local time, or NULL; converted once for the packets of a second. */
static const struct tm *local_tm(struct dec_ctx *d, time_t t)
{
	if (d->tm_ok && d->tm_for == t)
		return &d->tm;
	d->tm_ok = localtime_r(&t, &d->tm) != NULL;
	d->tm_for = t;
	return d->tm_ok ? &d->tm : NULL;
}

static void print_ts(struct dec_ctx *d, const struct timeval *tv)
{
	time_t t = tv->tv_sec;
	const struct tm *tm;
	switch (d->o.tflag) {
	case DEC_T_TIME:
		if (time_error((long)t) || !(tm = local_tm(d, t))) {
			dec_printf(d, "[Error converting time] ");
			break;
		}
		print_hms(d, (long)tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec, (long)tv->tv_usec);
		break;
	case DEC_T_NONE:
		break;
	case DEC_T_EPOCH: /* the seconds as tcpdump's 32-bit unsigned */
		if (time_error((long)t))
			dec_printf(d, "[Error converting time] ");
		else
			dec_printf(d, "%u.%06u ", (unsigned)(uint32_t)tv->tv_sec, (unsigned)tv->tv_usec);
		break;
	case DEC_T_DELTA: /* tcpdump takes a reference time of exactly 0
			   * for none: the delta is then 0 */
		print_delta(d, tv, timerisset(&d->prev) ? &d->prev : tv);
		break;
	case DEC_T_DATE:
		if (time_error((long)t) || !(tm = local_tm(d, t))) {
			dec_printf(d, "[Error converting time] ");
			break;
		}
		dec_printf(d, "%04d-%02d-%02d ", tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
		print_hms(d, (long)tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec, (long)tv->tv_usec);
		break;
	default: /* DEC_T_SINCE_FIRST (or the first after it, while the
		  * reference is still 0.000000) */
		if (!timerisset(&d->first))
			d->first = *tv;
		print_delta(d, tv, &d->first);
		break;
	}
}

/* --- dumps (-x, -X, -A), after the decoded line --- */

static void hex_dump(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i += 2) {
		if (i % 16 == 0)
			dec_printf(d, "\n\t0x%04zx: ", i);
		if (i + 1 < n)
			dec_printf(d, " %02x%02x", p[i], p[i + 1]);
		else
			dec_printf(d, " %02x", p[i]);
	}
}

void dec_hexascii(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_hexascii_at(d, "\n\t", p, n);
}

void dec_hexascii_at(struct dec_ctx *d, const char *ident, const uint8_t *p, size_t n)
{
	for (size_t off = 0; off < n; off += 16) {
		char hex[48], asc[17];
		size_t h = 0, a = 0;
		for (size_t i = off; i < n && i < off + 16; i += 2) {
			if (i + 1 < n)
				h += (size_t)snprintf(hex + h, sizeof hex - h, " %02x%02x", p[i], p[i + 1]);
			else
				h += (size_t)snprintf(hex + h, sizeof hex - h, " %02x", p[i]);
			for (size_t j = i; j < i + 2 && j < n; j++)
				asc[a++] = p[j] > 0x20 && p[j] < 0x7f ? (char)p[j] : '.';
		}
		asc[a] = '\0';
		dec_printf(d, "%s0x%04zx: %-40s  %s", ident, off, hex, asc);
	}
}

static void ascii_dump(struct dec_ctx *d, const uint8_t *p, size_t n)
{
	dec_printf(d, "\n");
	for (size_t i = 0; i < n; i++) {
		uint8_t c = p[i];
		if (c == '\r') {
			/* a CR before LF or among the last two bytes is dropped (tcpdump's
			 * ascii_print tests the bytes left after it for > 1); others print
			 * as '.' */
			if (i + 2 < n && p[i + 1] != '\n')
				dec_putc(d, '.');
		} else if ((c > 0x20 && c < 0x7f) || c == '\t' || c == ' ' || c == '\n')
			dec_putc(d, (char)c);
		else
			dec_putc(d, '.');
	}
}

static void dump(struct dec_ctx *d, const uint8_t *pkt, size_t caplen, size_t hdrlen)
{
	const struct dec_opts *o = &d->o;
	if (hdrlen > caplen)
		hdrlen = caplen;
	if (o->Xflag)
		dec_hexascii(d, o->Xflag > 1 ? pkt : pkt + hdrlen, o->Xflag > 1 ? caplen : caplen - hdrlen);
	else if (o->xflag)
		hex_dump(d, o->xflag > 1 ? pkt : pkt + hdrlen, o->xflag > 1 ? caplen : caplen - hdrlen);
	else {
		if (d->dump_from && d->dump_from < d->end)
			dec_hexascii(d, d->dump_from, (size_t)(d->end - d->dump_from));
		if (o->Aflag && (o->Aflag > 1 || caplen > hdrlen))
			ascii_dump(d, o->Aflag > 1 ? pkt : pkt + hdrlen, o->Aflag > 1 ? caplen : caplen - hdrlen);
	}
}

void dec_report(const struct dec_ctx *d, FILE *f)
{
	static const char *const names[] = { "ether", "link", "arp", "ip", "ip6", "tcp",
					     "udp", "icmp", "icmp6", "resp", "dns", "stp", "lldp", "cdp", "cisco", "loopback", "ptp",
					     "mpls", "eapol", "slow" };
	const char *sep = "";
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (d->layers & (1u << i)) {
			fprintf(f, "%s%s", sep, names[i]);
			sep = " ";
		}
	if (d->app) {
		fprintf(f, "%s%s", sep, d->app);
		sep = " ";
	}
	if (d->handoff)
		fprintf(f, "%s> %s", sep, d->handoff);
	fprintf(f, "\n");
}

/* Records libpcap hands over but tcpdump refuses, with its message. */
static int invalid_header(struct dec_ctx *d, const struct pcap_pkthdr *h)
{
	const char *pre = "[Invalid header:";
	int bad = 0;
	if (h->caplen == 0) {
		dec_printf(d, "[Invalid header: caplen==0");
		bad = 1;
	}
	if (h->len == 0) {
		dec_printf(d, "%s len==0", bad ? "," : pre);
		bad = 1;
	} else if (h->len < h->caplen) {
		dec_printf(d, "%s len(%u) < caplen(%u)", bad ? "," : pre, h->len, h->caplen);
		bad = 1;
	}
	if (h->caplen > 262144) {
		dec_printf(d, "%s caplen(%u) > %u", bad ? "," : pre, h->caplen, 262144);
		bad = 1;
	}
	if (bad)
		dec_printf(d, "]\n");
	return bad;
}

/* The packet's line into d's buffer (out.c). */
static void packet_line(struct dec_ctx *d, const struct pcap_pkthdr *h, const uint8_t *pkt)
{
	volatile int hdrlen = 0;
	if (invalid_header(d, h))
		return;
	print_ts(d, &h->ts);
	d->prev = h->ts;
	d->seen++;

	switch (setjmp(d->trunc)) {
	case DEC_TRUNC_NONE:
		hdrlen = d->link(d, pkt, h->len);
		break;
	case DEC_TRUNC_RET: /* the printer returned: the dump skips the link header */
		hdrlen = d->hdrlen;
		break;
	default: /* tcpdump dumps a packet it jumped out of from its first byte */
		hdrlen = 0;
		break;
	}
	dump(d, pkt, h->caplen, (size_t)hdrlen);
	dec_putc(d, '\n');
}

void dec_packet(struct dec_ctx *d, FILE *out, const struct pcap_pkthdr *h, const uint8_t *pkt)
{
	d->out = out;
	d->start = pkt;
	d->end = pkt + h->caplen;
	d->proto = "?";
	d->hdrlen = 0;
	d->dump_from = NULL;
	d->layers = 0;
	d->handoff = NULL;
	d->app = NULL;
	d->olen = 0;
	packet_line(d, h, pkt);
	dec_flush(d); /* the line in one write */
}
