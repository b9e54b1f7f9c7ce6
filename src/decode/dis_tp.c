/* dis_tp.c: the transport layer of `bpfx dissect` (TCP with each
 * option, UDP, ICMP, ICMPv6), their checksums over the pseudo-header worked
 * by hand, and the payload: its length derived as a filter expression
 * derives it, then its bytes as RESP (Redis), text or "binary".
 *
 * Over IPv4 the rows name tcp[], udp[], icmp[] bytes; libpcap has no tcp[]
 * for IPv6 (`tcp[13]` compiles to an IPv4-only test), so over IPv6 the rows
 * name ip6[] bytes, which are fixed for this packet's extension headers. */
#include <string.h>

#include "decode/dis.h"

static const char *service(unsigned port)
{
	return proto_name(&proto_ports, port, PROTO_DISSECT);
}

static void port_val(struct dis *d, unsigned port)
{
	const char *s = service(port);
	if (s)
		dis_val(d, "%u (%s)", port, s);
	else
		dis_val(d, "%u", port);
}

/* The source and destination ports that start TCP and UDP headers. */
static int ports(struct dis *d, const struct dis_hdr *h)
{
	uint64_t v;
	if (dis_field(d, h, 0, 0, 16, "source port", &v))
		return -1;
	port_val(d, (unsigned)v);
	if (dis_field(d, h, 2, 0, 16, "destination port", &v))
		return -1;
	port_val(d, (unsigned)v);
	return 0;
}

/* How a filter names a transport header's bytes: tcp[0] over IPv4,
 * ip6[40 + extension headers] over IPv6. */
static struct dis_hdr tp_hdr(const struct dis_net *n, const char *name, const char *v4expr, uint32_t off)
{
	struct dis_hdr h = { name, off, v4expr, 0 };
	if (n->v6) {
		h.expr = "ip6";
		h.expr_off = off - n->off;
	}
	return h;
}

/* "tcp[12]" or "ip6[52]": the expression text for byte k of header h. */
static void byte_expr(char *buf, size_t len, const struct dis_hdr *h, uint32_t k)
{
	snprintf(buf, len, "%s[%u]", h->expr, h->expr_off + k);
}

/* --- payload --- */

/* One term of the payload-length derivation: ip[2:2], its bytes, its value. */
struct term {
	char expr[48];             /* as a filter writes it */
	char shown[48];            /* with the bytes in place of the loads */
	uint32_t val;
};

static void derive(struct dis *d, const struct term *t, int nt)
{
	long long r = t[0].val;
	fprintf(d->out, "  length, as a filter computes it:\n      ");
	for (int i = 0; i < nt; i++)
		fprintf(d->out, "%s%s", i ? " - " : "", t[i].expr);
	fprintf(d->out, "\n    = ");
	for (int i = 0; i < nt; i++)
		fprintf(d->out, "%s%s", i ? " - " : "", t[i].shown);
	fprintf(d->out, "\n    = ");
	for (int i = 0; i < nt; i++) {
		fprintf(d->out, "%s%u", i ? " - " : "", t[i].val);
		if (i)
			r -= t[i].val;
	}
	if (r >= 0)
		fprintf(d->out, "\n    = %lld bytes\n", r);
	else
		fprintf(d->out, "\n    = %lld: the lengths do not add up (BPF's unsigned 32-bit arithmetic makes it %u)\n",
			r, (uint32_t)r);
}

/* The terms every IPv4 derivation starts with: total length minus the
 * IPv4 header length; IPv6: payload length minus extension headers. */
static int net_terms(const struct dis *d, const struct dis_net *n, struct term *t)
{
	if (n->v6) {
		snprintf(t[0].expr, sizeof t[0].expr, "ip6[4:2]");
		snprintf(t[0].shown, sizeof t[0].shown, "%u", n->total - 40);
		t[0].val = n->total - 40;
		if (n->hlen == 40)
			return 1;
		snprintf(t[1].expr, sizeof t[1].expr, "%u", n->hlen - 40);
		snprintf(t[1].shown, sizeof t[1].shown, "%u", n->hlen - 40);
		t[1].val = n->hlen - 40;
		return 2;
	}
	snprintf(t[0].expr, sizeof t[0].expr, "ip[2:2]");
	snprintf(t[0].shown, sizeof t[0].shown, "%u", n->total);
	t[0].val = n->total;
	snprintf(t[1].expr, sizeof t[1].expr, "((ip[0] & 0xf) << 2)");
	snprintf(t[1].shown, sizeof t[1].shown, "((0x%02x & 0xf) << 2)", dis_u8(d, n->off));
	t[1].val = n->hlen;
	return 2;
}

/* p[0..n) as C-style text (\r, \n, \xNN), at most max bytes of it. */
static const char *esc(char *buf, size_t size, const uint8_t *p, uint32_t n, uint32_t max)
{
	size_t k = 0;
	for (uint32_t i = 0; i < n && i < max && k + 8 < size; i++) {
		if (p[i] == '\r')
			k += (size_t)snprintf(buf + k, size - k, "\\r");
		else if (p[i] == '\n')
			k += (size_t)snprintf(buf + k, size - k, "\\n");
		else if (p[i] == '\t')
			k += (size_t)snprintf(buf + k, size - k, "\\t");
		else if (p[i] == '"' || p[i] == '\\')
			k += (size_t)snprintf(buf + k, size - k, "\\%c", p[i]);
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			buf[k++] = (char)p[i];
		else
			k += (size_t)snprintf(buf + k, size - k, "\\x%02x", p[i]);
	}
	if (n > max && k + 4 < size)
		k += (size_t)snprintf(buf + k, size - k, "...");
	buf[k] = 0;
	return buf;
}

static const uint8_t *crlf(const uint8_t *p, const uint8_t *end)
{
	for (; p + 1 < end; p++)
		if (p[0] == '\r' && p[1] == '\n')
			return p;
	return NULL;
}

/* RESP, the Redis serialization protocol (redis.io "RESP protocol spec"):
 * every element is a type byte, text, CRLF; a bulk string's bytes follow
 * its length line.  Returns 1 if p..p+n is RESP to the last byte; prints
 * the elements when `print`. */
static int resp(struct dis *d, const uint8_t *p, uint32_t n, int print)
{
	const uint8_t *end = p + n;
	if (!n)
		return 0;
	while (p < end) {
		const uint8_t *e = crlf(p, end);
		if (!e || e == p)
			return 0;
		long num = 0;
		int neg = 0, digits = 1;
		const uint8_t *q = p + 1;
		if (q < e && *q == '-')
			neg = 1, q++;
		if (q == e)
			digits = 0;
		for (; q < e; q++) {
			if (*q < '0' || *q > '9' || num > 100000000)
				digits = 0;
			else
				num = num * 10 + (*q - '0');
		}
		if (neg)
			num = -num;
		char what[96];
		switch (*p) {
		case '*':
			if (!digits)
				return 0;
			snprintf(what, sizeof what, num < 0 ? "null array" : "array of %ld element%s", num, num == 1 ? "" : "s");
			break;
		case '$':
			if (!digits || (num >= 0 && (size_t)(end - (e + 2)) < (size_t)num + 2))
				return 0;
			snprintf(what, sizeof what, num < 0 ? "null bulk string" : "bulk string of %ld bytes", num);
			break;
		case '+': snprintf(what, sizeof what, "simple string"); break;
		case '-': snprintf(what, sizeof what, "error"); break;
		case ':':
			if (!digits)
				return 0;
			snprintf(what, sizeof what, "integer %ld", num);
			break;
		default: return 0;
		}
		char e1[256], e2[256];
		if (print)
			fprintf(d->out, "    %-16s  %s\n", esc(e1, sizeof e1, p, (uint32_t)(e + 2 - p), 40), what);
		p = e + 2;
		if (what[0] == 'b') { /* the bulk string's bytes and their CRLF */
			if (p[num] != '\r' || p[num + 1] != '\n')
				return 0;
			if (print)
				fprintf(d->out, "    %-16s  its %ld bytes: \"%s\"\n", esc(e1, sizeof e1, p, (uint32_t)num + 2, 40),
					num, esc(e2, sizeof e2, p, (uint32_t)num, 40));
			p += num + 2;
		}
	}
	return 1;
}

static void content(struct dis *d, uint32_t off, uint32_t len)
{
	uint32_t cap = off < d->caplen ? d->caplen - off : 0;
	if (cap < len) {
		fprintf(d->out, "  only %u of its %u bytes were captured\n", cap, len);
		len = cap;
	}
	const uint8_t *p = d->pkt + off;
	if (!len)
		return;
	if (resp(d, p, len, 0)) {
		fprintf(d->out, "  RESP (Redis serialization protocol), element by element:\n");
		resp(d, p, len, 1);
		return;
	}
	uint32_t text = 0;
	for (uint32_t i = 0; i < len; i++)
		text += (p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\r' || p[i] == '\n' || p[i] == '\t';
	if (text < len) {
		fprintf(d->out, "  binary data, not decoded (see the hex dump)\n");
		return;
	}
	fprintf(d->out, "  text:\n");
	uint32_t i = 0, lines = 0;
	while (i < len) {
		uint32_t j = i;
		while (j < len && p[j] != '\n')
			j++;
		if (j < len)
			j++;
		if (lines < 12) {
			char e1[400];
			fprintf(d->out, "    \"%s\"\n", esc(e1, sizeof e1, p + i, j - i, 64));
		}
		lines++;
		i = j;
	}
	if (lines > 12)
		fprintf(d->out, "    ... %u more lines\n", lines - 12);
}

/* The payload section: where it is, its length as a filter derives it,
 * what it holds, and any link-layer padding after the datagram. */
static void payload(struct dis *d, const struct dis_net *n, uint32_t off, const struct term *t, int nt)
{
	long long len = t[0].val;
	for (int i = 1; i < nt; i++)
		len -= t[i].val;
	uint32_t ipend = n->off + n->total;
	if (len > 0) {
		dis_mark(d, off, "payload");
		fprintf(d->out, "\nPayload: bytes %u-%lld (%lld bytes)\n", off, off + len - 1, len);
	} else {
		fprintf(d->out, "\nPayload: none\n");
	}
	derive(d, t, nt);
	if (len > 0)
		content(d, off, (uint32_t)len);
	if (ipend < d->caplen) {
		dis_mark(d, ipend, "trailer");
		fprintf(d->out, "\nbytes %u-%u come after the IP datagram's %u bytes: link-layer padding, not payload\n",
			ipend, d->caplen - 1, n->total);
	}
}

/* --- checksums over the pseudo-header (RFC 9293 3.1, RFC 768, RFC 8200 8.1) --- */

static void tp_cksum(struct dis *d, const struct dis_net *n, const char *proto, unsigned pnum, uint32_t off,
		     uint32_t len, long zero_at, unsigned field, int pseudo)
{
	if (n->fragment) {
		fprintf(d->out, "\n  %s checksum: not recomputed, this is a fragment (it covers the whole datagram)\n", proto);
		return;
	}
	if (!dis_has(d, off, len)) {
		fprintf(d->out, "\n  %s checksum: not recomputed, it covers bytes %u-%u and the capture ends at byte %u\n",
			proto, off, off + len - 1, d->caplen ? d->caplen - 1 : 0);
		return;
	}
	struct dis_part parts[5];
	int np = 0;
	uint8_t tail[8];
	char l1[96], l2[96], l3[96];
	if (pseudo && !n->v6) {
		parts[np++] = (struct dis_part){ d->pkt + n->off + 12, 8, -1, "pseudo-header: source, destination" };
		tail[0] = 0, tail[1] = (uint8_t)pnum, tail[2] = (uint8_t)(len >> 8), tail[3] = (uint8_t)len;
		snprintf(l1, sizeof l1, "pseudo-header: 0 and protocol %u, length %u", pnum, len);
		parts[np++] = (struct dis_part){ tail, 4, -1, l1 };
	} else if (pseudo) {
		parts[np++] = (struct dis_part){ d->pkt + n->off + 8, 16, -1, "pseudo-header: source" };
		parts[np++] = (struct dis_part){ d->pkt + n->off + 24, 16, -1, "pseudo-header: destination" };
		memset(tail, 0, sizeof tail);
		tail[2] = (uint8_t)(len >> 8), tail[3] = (uint8_t)len, tail[7] = (uint8_t)pnum;
		snprintf(l1, sizeof l1, "pseudo-header: length %u, 0, next header %u", len, pnum);
		parts[np++] = (struct dis_part){ tail, 8, -1, l1 };
	}
	uint32_t hl = len < (uint32_t)zero_at + 2 ? len : (uint32_t)zero_at + 2;
	if (!strcmp(proto, "TCP") && dis_has(d, off + 12, 1))
		hl = (dis_u8(d, off + 12) >> 4) * 4u;
	else if (strcmp(proto, "TCP"))
		hl = 8;
	if (hl > len)
		hl = len;
	snprintf(l2, sizeof l2, "%s header, checksum field as 0000", proto);
	parts[np++] = (struct dis_part){ d->pkt + off, hl, zero_at, l2 };
	if (len > hl) {
		snprintf(l3, sizeof l3, "data, %u bytes%s", len - hl, (len - hl) % 2 ? " (the last padded with 00)" : "");
		parts[np++] = (struct dis_part){ d->pkt + off + hl, len - hl, -1, l3 };
	}
	char title[160];
	if (pseudo)
		snprintf(title, sizeof title, "%s checksum, over a pseudo-header and the %u bytes of the %s message:",
			 proto, len, proto);
	else
		snprintf(title, sizeof title, "%s checksum, over the %u bytes of the %s message:", proto, len, proto);
	uint16_t want = dis_cksum_show(d, title, parts, np, field);
	if (!pseudo || field == want)
		return;
	/* Checksum offload: the sender stored the pseudo-header sum, folded but
	 * not inverted, for the network card to finish; loopback never does. */
	struct dis_cksum c = { 0 };
	for (int i = 0; i < np - (len > hl ? 2 : 1); i++)
		dis_cksum_add(&c, parts[i].p, parts[i].n, parts[i].zero_at);
	dis_cksum_finish(&c);
	if ((uint16_t)~c.result == field)
		dis_note(d, "0x%04x is the pseudo-header's sum alone, not inverted: the sender left the checksum to "
			    "the network card (checksum offload), and on loopback no card finishes it",
			 field);
}

/* --- TCP (RFC 9293) --- */

/* The flag bits of tcp[13], most significant first (RFC 9293 3.1,
 * RFC 3168 6.1), with libpcap's names and tcpdump's letters. */
static const struct {
	const char *field;
	const char *pcapname;      /* pcap-filter(7) constant */
	const char *meaning;
} tcpflags[8] = {
	{ "CWR", "tcp-cwr", "congestion window reduced" },
	{ "ECE", "tcp-ece", "ECN echo" },
	{ "URG", "tcp-urg", "the urgent pointer is valid" },
	{ "ACK", "tcp-ack", "the acknowledgment number is valid" },
	{ "PSH", "tcp-push", "push: hand the data to the application now" },
	{ "RST", "tcp-rst", "reset the connection" },
	{ "SYN", "tcp-syn", "synchronize sequence numbers: open" },
	{ "FIN", "tcp-fin", "the sender has no more data: close" },
};

/* The data of the TCP options dissect knows (RFC 9293, RFC 7323, RFC 2018). */
static int tcp_option_data(struct dis *d, const struct dis_hdr *h, uint32_t at, unsigned kind, uint32_t len)
{
	uint64_t v, v2;
	if (kind == PROTO_TCPOPT_MSS && len == 4) {
		if (dis_field(d, h, at + 2, 0, 16, "mss", &v))
			return -1;
		dis_val(d, "%u bytes: the largest segment the sender will accept", (unsigned)v);
	} else if (kind == PROTO_TCPOPT_WSCALE && len == 3) {
		if (dis_field(d, h, at + 2, 0, 8, "shift count", &v))
			return -1;
		dis_val(d, "%u: its windows are to be multiplied by 2^%u = %lu", (unsigned)v, (unsigned)v,
			v < 31 ? 1UL << v : 0UL);
	} else if (kind == PROTO_TCPOPT_TS && len == 10) {
		if (dis_field(d, h, at + 2, 0, 32, "TS value", &v))
			return -1;
		dis_val(d, "%u: the sender's clock", (unsigned)v);
		if (dis_field(d, h, at + 6, 0, 32, "TS echo reply", &v2))
			return -1;
		dis_val(d, "%u%s", (unsigned)v2, v2 ? ": the last TS value it received" : "");
	} else if (kind == PROTO_TCPOPT_SACK && (len - 2) % 8 == 0) {
		for (uint32_t b = at + 2; b < at + len; b += 8) {
			if (dis_uint(d, h, b, 32, "SACK left edge", "", &v))
				return -1;
			if (dis_uint(d, h, b + 4, 32, "SACK right edge", "", &v))
				return -1;
		}
	} else
		return dis_option_data(d, h, at, kind, len);
	return 0;
}

static int dis_tcp(struct dis *d, const struct dis_net *n, uint32_t off)
{
	struct dis_hdr h = tp_hdr(n, "TCP", "tcp", off);
	uint64_t v, doff, flags = 0, cksum, ack;
	dis_mark(d, off, "TCP");
	uint32_t len = dis_has(d, off + 12, 1) && dis_u8(d, off + 12) >> 4 >= 5 ? (dis_u8(d, off + 12) >> 4) * 4u : 0;
	dis_section(d, &h, len, "TCP header");
	if (ports(d, &h))
		return -1;
	if (dis_uint(d, &h, 4, 32, "sequence number", "", &v))
		return -1;
	if (dis_field(d, &h, 8, 0, 32, "ack number", &ack))
		return -1;
	int ackset = dis_has(d, off + 13, 1) && (dis_u8(d, off + 13) & 0x10);
	dis_val(d, "%u%s", (unsigned)ack, ackset ? "" : " (ignored: ACK is not set)");
	if (dis_field(d, &h, 12, 0, 4, "data offset", &doff))
		return -1;
	if (doff < 5) {
		dis_val(d, "%u x 4 = %u bytes: less than the 20-byte fixed header, invalid; stopping", (unsigned)doff,
			(unsigned)doff * 4);
		return -1;
	}
	uint32_t hlen = (uint32_t)doff * 4;
	if (hlen == 20)
		dis_val(d, "%u x 4 = 20 bytes: no options", (unsigned)doff);
	else
		dis_val(d, "%u x 4 = %u bytes: 20 fixed + %u of options", (unsigned)doff, hlen, hlen - 20);
	if (dis_field(d, &h, 12, 4, 4, "reserved", &v))
		return -1;
	dis_val(d, "%u", (unsigned)v);
	for (unsigned i = 0; i < 8; i++) {
		if (dis_field(d, &h, 13, i, 1, tcpflags[i].field, &v))
			return -1;
		flags = flags << 1 | v;
		if (v)
			dis_val(d, "1 (%s = %u): %s", tcpflags[i].pcapname, 0x80u >> i, tcpflags[i].meaning);
		else
			dis_val(d, "0");
	}
	/* tcpdump's letters, in the order its tcp_flag_values table prints them */
	static const struct {
		unsigned bit;
		char c;
	} letters[] = { { 0x01, 'F' }, { 0x02, 'S' }, { 0x04, 'R' }, { 0x08, 'P' },
			{ 0x10, '.' }, { 0x20, 'U' }, { 0x40, 'E' }, { 0x80, 'W' } };
	char tf[10] = "", ex[24];
	size_t k = 0;
	for (size_t i = 0; i < 8; i++)
		if (flags & letters[i].bit)
			tf[k++] = letters[i].c;
	tf[k] = 0;
	byte_expr(ex, sizeof ex, &h, 13);
	dis_note(d, "%s = 0x%02x: tcpdump prints Flags [%s]", ex, (unsigned)flags, k ? tf : "none");
	if (dis_field(d, &h, 14, 0, 16, "window", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, flags & 0x02 ? " bytes (never scaled in a SYN)" : " (times 2^shift if wscale was agreed)");
	if (dis_field(d, &h, 16, 0, 16, "checksum", &cksum))
		return -1;
	dis_val(d, "0x%04x (recomputed below)", (unsigned)cksum);
	if (dis_field(d, &h, 18, 0, 16, "urgent pointer", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, flags & 0x20 ? "" : " (ignored: URG is not set)");
	if (dis_options(d, &h, hlen, &(struct dis_optform){ &proto_tcpopts, 0, tcp_option_data }))
		return -1;
	uint32_t seglen = n->total > n->hlen ? n->total - n->hlen : 0;
	tp_cksum(d, n, "TCP", PROTO_IP_TCP, off, seglen, 16, (unsigned)cksum, 1);

	struct term t[4];
	int nt = net_terms(d, n, t);
	char b12[24];
	byte_expr(b12, sizeof b12, &h, 12);
	snprintf(t[nt].expr, sizeof t[nt].expr, "((%s & 0xf0) >> 2)", b12);
	snprintf(t[nt].shown, sizeof t[nt].shown, "((0x%02x & 0xf0) >> 2)", dis_u8(d, off + 12));
	t[nt++].val = hlen;
	payload(d, n, off + hlen, t, nt);
	return 0;
}

/* The payload after an 8-byte header (UDP, ICMP, ICMPv6) at off. */
static int payload8(struct dis *d, const struct dis_net *n, uint32_t off)
{
	struct term t[4];
	int nt = net_terms(d, n, t);
	snprintf(t[nt].expr, sizeof t[nt].expr, "8");
	snprintf(t[nt].shown, sizeof t[nt].shown, "8");
	t[nt++].val = 8;
	payload(d, n, off + 8, t, nt);
	return 0;
}

/* --- UDP (RFC 768) --- */

static int dis_udp(struct dis *d, const struct dis_net *n, uint32_t off)
{
	struct dis_hdr h = tp_hdr(n, "UDP", "udp", off);
	uint64_t ulen, cksum;
	dis_mark(d, off, "UDP");
	dis_section(d, &h, 8, "UDP header");
	if (ports(d, &h))
		return -1;
	if (dis_field(d, &h, 4, 0, 16, "length", &ulen))
		return -1;
	dis_val(d, "%u bytes: 8 of header + %d of data", (unsigned)ulen, (int)ulen - 8);
	if (dis_field(d, &h, 6, 0, 16, "checksum", &cksum))
		return -1;
	if (cksum == 0 && !n->v6)
		dis_val(d, "0x0000: no checksum (allowed over IPv4)");
	else
		dis_val(d, "0x%04x (recomputed below)", (unsigned)cksum);
	if (ulen >= 8 && (cksum || n->v6))
		tp_cksum(d, n, "UDP", PROTO_IP_UDP, off, (uint32_t)ulen, 6, (unsigned)cksum, 1);
	return payload8(d, n, off);
}

/* --- ICMP (RFC 792) and ICMPv6 (RFC 4443, RFC 4861) --- */

static int dis_icmp(struct dis *d, const struct dis_net *n, uint32_t off, int v6)
{
	struct dis_hdr h = tp_hdr(n, v6 ? "ICMPv6" : "ICMP", "icmp", off);
	if (v6 && off - n->off == 40)
		h.expr = "icmp6", h.expr_off = 0;
	uint64_t type, v, cksum;
	dis_mark(d, off, h.name);
	dis_section(d, &h, 8, v6 ? "ICMPv6 header" : "ICMP header");
	if (dis_field(d, &h, 0, 0, 8, "type", &type))
		return -1;
	const char *tn = proto_name_or(v6 ? &proto_icmp6_types : &proto_icmp_types, (unsigned)type, PROTO_DISSECT,
				       "unknown");
	dis_val(d, "%u = %s", (unsigned)type, tn);
	if (dis_uint(d, &h, 1, 8, "code", "", &v))
		return -1;
	if (dis_field(d, &h, 2, 0, 16, "checksum", &cksum))
		return -1;
	dis_val(d, "0x%04x (recomputed below)", (unsigned)cksum);
	int echo = v6 ? type == PROTO_ICMP6_ECHO || type == PROTO_ICMP6_ECHOREPLY
		      : type == PROTO_ICMP_ECHOREPLY || type == PROTO_ICMP_ECHO || type == PROTO_ICMP_TSTAMP ||
			type == PROTO_ICMP_TSTAMPREPLY;
	if (echo) {
		if (dis_uint(d, &h, 4, 16, "identifier", "", &v))
			return -1;
		if (dis_uint(d, &h, 6, 16, "sequence number", "", &v))
			return -1;
	} else {
		if (dis_field(d, &h, 4, 0, 32, "rest of header", &v))
			return -1;
		dis_val(d, "0x%08x (meaning depends on the type)", (unsigned)v);
	}
	uint32_t mlen = n->total > n->hlen ? n->total - n->hlen : 0;
	if (mlen >= 8)
		tp_cksum(d, n, v6 ? "ICMPv6" : "ICMP", PROTO_IP_ICMPV6, off, mlen, 2, (unsigned)cksum, v6);
	return payload8(d, n, off);
}

int dis_transport(struct dis *d, const struct dis_net *n, unsigned proto, uint32_t off)
{
	if (n->nonfirst) {
		struct term t[4];
		int nt = net_terms(d, n, t);
		fprintf(d->out, "\nthis fragment does not start the datagram, so it holds no %s header\n",
			dis_ipproto_name(proto));
		payload(d, n, off, t, nt);
		return 0;
	}
	switch (proto) {
	case PROTO_IP_TCP: return dis_tcp(d, n, off);
	case PROTO_IP_UDP: return dis_udp(d, n, off);
	case PROTO_IP_ICMP:
		if (!n->v6)
			return dis_icmp(d, n, off, 0);
		break;
	case PROTO_IP_ICMPV6:
		if (n->v6)
			return dis_icmp(d, n, off, 1);
		break;
	}
	if (proto == PROTO_IP_ESP)
		fprintf(d->out, "\nESP (protocol 50): the rest is encrypted, not dissected\n");
	else
		fprintf(d->out, "\nprotocol %u (%s): not dissected; its bytes are the payload\n", proto,
			dis_ipproto_name(proto));
	struct term t[4];
	int nt = net_terms(d, n, t);
	payload(d, n, off, t, nt);
	return 0;
}
