/* dissect.c: the driver of `bpfx dissect` and what every header shares.
 *
 * dis_packet prints, for one packet: a heading, a hex dump with a `|` where
 * each header begins, then one table section per header.  The sections are
 * written first to a memory stream, because the dump's marks are known only
 * once the headers have been read.  A row of a section is one field:
 *
 *     at  bits  raw                      expression          field             value
 *
 * `at` is the packet offset of the field's first byte, `raw` its bytes in
 * hex (or its bits, `.` for the bits of the byte that belong to other
 * fields), `expression` the pcap-filter(7) load that reads it.  The link
 * headers (Ethernet with VLAN tags, BSD loopback, Linux cooked v1 and v2,
 * raw IP) live here too; the network and transport layers are in
 * dissect_net.c and dissect_tp.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dissect_int.h"

#define RAW_W 23                   /* raw column: 8 bytes in hex */
#define EXPR_W 22                  /* expression column */
#define NAME_W 16                  /* field column */

/* --- checksums (RFC 1071) --- */

void dis_cksum_add(struct dis_cksum *c, const uint8_t *p, size_t n, long zero_at)
{
	for (size_t i = 0; i < n; i += 2) {
		unsigned hi = p[i], lo = i + 1 < n ? p[i + 1] : 0;
		if (zero_at >= 0 && (long)i == zero_at)
			hi = lo = 0;
		c->sum += hi << 8 | lo;
		c->nwords++;
	}
}

void dis_cksum_finish(struct dis_cksum *c)
{
	uint64_t s = c->sum;
	c->nfold = 0;
	while (s >> 16 && c->nfold < 4) {
		s = (s & 0xffff) + (s >> 16);
		c->fold[c->nfold++] = (uint32_t)s;
	}
	c->result = (uint16_t)~s;
}

/* Print one part's words, 8 to a line, the label after the first line. */
static void show_words(struct dis *d, const struct dis_part *pt, int first)
{
	size_t nw = (pt->n + 1) / 2;
	if (nw > 24) {
		struct dis_cksum c = { 0 };
		dis_cksum_add(&c, pt->p, pt->n, pt->zero_at);
		fprintf(d->out, "    %c %-57s %s\n", first ? ' ' : '+',
			"[... the words, summed apart]", pt->label);
		fprintf(d->out, "      (%zu words, their sum 0x%llx)\n", nw, (unsigned long long)c.sum);
		return;
	}
	for (size_t w = 0; w < nw; w += 8) {
		char line[80];
		int len = 0;
		for (size_t i = w; i < nw && i < w + 8; i++) {
			size_t b = 2 * i;
			unsigned hi = pt->p[b], lo = b + 1 < pt->n ? pt->p[b + 1] : 0;
			if (pt->zero_at >= 0 && (long)b == pt->zero_at)
				hi = lo = 0;
			len += snprintf(line + len, sizeof line - (size_t)len, "%s%02x%02x",
					i > w ? " + " : "", hi, lo);
		}
		if (w == 0)
			fprintf(d->out, "    %c %-57s %s\n", first ? ' ' : '+', line, pt->label);
		else
			fprintf(d->out, "    + %s\n", line);
	}
}

uint16_t dis_cksum_show(struct dis *d, const char *title, const struct dis_part *parts, int nparts,
			unsigned field)
{
	struct dis_cksum c = { 0 };
	fprintf(d->out, "\n  %s\n", title);
	for (int i = 0; i < nparts; i++) {
		show_words(d, &parts[i], i == 0);
		dis_cksum_add(&c, parts[i].p, parts[i].n, parts[i].zero_at);
	}
	dis_cksum_finish(&c);
	char buf[64];
	snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)c.sum);
	fprintf(d->out, "    = %-26s sum of the %u 16-bit words\n", buf, c.nwords);
	uint64_t prev = c.sum;
	if (!c.nfold)
		fprintf(d->out, "    = %-26s no carry above 16 bits to fold\n", buf);
	for (int i = 0; i < c.nfold; i++) {
		snprintf(buf, sizeof buf, "0x%04llx + 0x%llx = 0x%04x", (unsigned long long)(prev & 0xffff),
			 (unsigned long long)(prev >> 16), c.fold[i]);
		fprintf(d->out, "    = %-26s the carry folded back into the low 16 bits\n", buf);
		prev = c.fold[i];
	}
	snprintf(buf, sizeof buf, "~0x%04x = 0x%04x", (unsigned)(prev & 0xffff), c.result);
	fprintf(d->out, "    %-28s inverted (one's complement): the checksum\n", buf);
	if (field == c.result)
		fprintf(d->out, "    the field holds 0x%04x: correct\n", field);
	else if (field == 0xffff && c.result == 0)
		fprintf(d->out, "    the field holds 0xffff, the other one's-complement zero: correct\n");
	else
		fprintf(d->out, "    the field holds 0x%04x: incorrect, it should be 0x%04x\n", field, c.result);
	return c.result;
}

/* --- rows --- */

void dis_mark(struct dis *d, uint32_t off, const char *name)
{
	if (d->nmarks < DIS_MAXMARK)
		d->marks[d->nmarks++] = (struct dis_mark){ off, name };
}

void dis_section(struct dis *d, const struct dis_hdr *h, uint32_t len, const char *what)
{
	fprintf(d->out, "\n%s", what ? what : h->name);
	if (len)
		fprintf(d->out, ": bytes %u-%u (%u bytes)", h->off, h->off + len - 1, len);
	else
		fprintf(d->out, ": from byte %u", h->off);
	if (h->expr)
		fprintf(d->out, "; %s[%u] is byte %u", h->expr, h->expr_off, h->off);
	fputc('\n', d->out);
}

int dis_need(struct dis *d, uint32_t off, uint32_t n, const char *what)
{
	if (dis_has(d, off, n))
		return 0;
	d->truncated = 1;
	char need[48];
	if (n == 1)
		snprintf(need, sizeof need, "byte %u", off);
	else
		snprintf(need, sizeof need, "bytes %u-%u", off, off + n - 1);
	fprintf(d->out, "    -- the capture stops here: %s needs %s, but only %u of the packet's %u bytes "
			"were captured\n", what, need, d->caplen, d->wirelen);
	return -1;
}

/* The raw column: whole bytes in hex, or bits with `.` for other fields'. */
static void raw_text(struct dis *d, uint32_t first, uint32_t nbytes, unsigned bit, unsigned bits)
{
	char *s = d->rawbuf, *end = d->rawbuf + sizeof d->rawbuf - 1;
	int bytewise = bit % 8 == 0 && bits % 8 == 0;
	for (uint32_t i = 0; i < nbytes && s + 10 < end; i++) {
		unsigned b = d->pkt[first + i];
		if (i)
			*s++ = ' ';
		if (bytewise) {
			s += sprintf(s, "%02x", b);
			continue;
		}
		for (unsigned k = 0; k < 8; k++) {
			unsigned pos = i * 8 + k; /* bit position from the field's first byte */
			if (k == 4)
				*s++ = ' ';
			*s++ = pos >= bit % 8 && pos < bit % 8 + bits ? (char)('0' + (b >> (7 - k) & 1)) : '.';
		}
	}
	*s = 0;
}

/* The pcap-filter load that reads the field: tcp[13] & 16, ip[0] >> 4. */
static void expr_text(char *buf, size_t n, const struct dis_hdr *h, uint32_t off, unsigned bit,
		      unsigned bits, uint32_t nbytes)
{
	buf[0] = 0;
	if (!h->expr || nbytes > 4)
		return;
	uint32_t eo = h->expr_off + off, L = nbytes <= 1 ? 1 : nbytes <= 2 ? 2 : 4;
	if (L > nbytes && eo >= L - nbytes) { /* end the load on the field's last byte: no shift */
		bit += (L - nbytes) * 8;
		eo -= L - nbytes;
		nbytes = L;
	}
	char x[40];
	if (L == 1)
		snprintf(x, sizeof x, "%s[%u]", h->expr, eo);
	else
		snprintf(x, sizeof x, "%s[%u:%u]", h->expr, eo, L);
	unsigned shift = L * 8 - bit - bits;
	unsigned long mask = bits >= 32 ? 0xffffffffUL : (1UL << bits) - 1;
	if (bits == L * 8)
		snprintf(buf, n, "%s", x);
	else if (bits == 1 && (mask << shift) < 256)
		snprintf(buf, n, "%s & %lu", x, mask << shift);
	else if (bits == 1)
		snprintf(buf, n, "%s & 0x%lx", x, mask << shift);
	else if (shift == 0)
		snprintf(buf, n, "%s & 0x%lx", x, mask);
	else if (bit == 0)
		snprintf(buf, n, "%s >> %u", x, shift);
	else
		snprintf(buf, n, "(%s >> %u) & 0x%lx", x, shift, mask);
}

int dis_field(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, unsigned bits,
	      const char *name, uint64_t *v)
{
	uint32_t first = h->off + off + bit / 8;
	bit %= 8;
	uint32_t nbytes = (bit + bits + 7) / 8;
	if (dis_need(d, first, nbytes, name))
		return -1;
	uint64_t acc = 0;
	if (nbytes <= 8) {
		for (uint32_t i = 0; i < nbytes; i++)
			acc = acc << 8 | d->pkt[first + i];
		acc >>= nbytes * 8 - bit - bits;
		if (bits < 64)
			acc &= (1ULL << bits) - 1;
	}
	if (v)
		*v = acc;
	raw_text(d, first, nbytes, bit, bits);
	char expr[96];
	expr_text(expr, sizeof expr, h, first - h->off, bit, bits, nbytes);
	/* wrap the raw column at a space, RAW_W wide */
	const char *r = d->rawbuf;
	size_t cut = strlen(r);
	if (cut > RAW_W) {
		cut = RAW_W;
		while (cut && r[cut] != ' ')
			cut--;
	}
	fprintf(d->out, "%6u  %4u  %-*.*s  %-*s  %-*s  ", first, bits, RAW_W, (int)cut, r, EXPR_W, expr,
		NAME_W, name);
	d->pending_raw = r[cut] ? r + cut + 1 : NULL;
	return 0;
}

void dis_val(struct dis *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
	while (d->pending_raw) {
		const char *r = d->pending_raw;
		size_t cut = strlen(r);
		if (cut > RAW_W) {
			cut = RAW_W;
			while (cut && r[cut] != ' ')
				cut--;
		}
		fprintf(d->out, "%6s  %4s  %.*s\n", "", "", (int)cut, r);
		d->pending_raw = r[cut] ? r + cut + 1 : NULL;
	}
}

void dis_note(struct dis *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("    ", d->out);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

/* --- link headers --- */

static const char *mac(const uint8_t *p, char buf[18])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	return buf;
}

static const char *ethertype_name(unsigned t)
{
	return proto_name_or(&proto_ethertypes, t, PROTO_DISSECT, "not dissected");
}

/* 802.1Q, 802.1ad and the old QinQ value 0x9100. */
static int is_vlan_type(unsigned t)
{
	return t == PROTO_ETH_VLAN || t == PROTO_ETH_QINQ || t == PROTO_ETH_QINQ_OLD;
}

static int dis_vlan(struct dis *d, uint32_t off, unsigned tpid)
{
	struct dis_hdr h = { "VLAN tag", off, "ether", off };
	uint64_t v;
	dis_mark(d, off, tpid == PROTO_ETH_VLAN ? "802.1Q" : "802.1ad");
	dis_section(d, &h, 4, tpid == PROTO_ETH_VLAN ? "802.1Q VLAN tag" : "802.1ad (QinQ) VLAN tag");
	if (dis_field(d, &h, 0, 0, 3, "priority (PCP)", &v))
		return -1;
	dis_val(d, "%u (IEEE 802.1Q class of service)", (unsigned)v);
	if (dis_field(d, &h, 0, 3, 1, "DEI", &v))
		return -1;
	dis_val(d, "%u: %s", (unsigned)v, v ? "drop eligible (may be dropped first under congestion)" : "not drop eligible");
	if (dis_field(d, &h, 0, 4, 12, "VLAN id", &v))
		return -1;
	dis_val(d, "%u", (unsigned)v);
	if (dis_field(d, &h, 2, 0, 16, "ethertype", &v))
		return -1;
	if (v <= PROTO_ETH_LEN_MAX)
		dis_val(d, "%u: an 802.3 length, so an 802.2 LLC header follows (not dissected)", (unsigned)v);
	else
		dis_val(d, "0x%04x = %s", (unsigned)v, ethertype_name((unsigned)v));
	if (!d->vlan)
		dis_note(d, "after a VLAN tag, ip[], tcp[] and the like find the bytes below only in an "
			    "expression that says `vlan` first");
	d->vlan = 1;
	if (v <= PROTO_ETH_LEN_MAX)
		return 0;
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, off + 4, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, off + 4);
}

static int dis_ether(struct dis *d)
{
	struct dis_hdr h = { "Ethernet", 0, "ether", 0 };
	uint64_t v;
	char buf[18];
	dis_mark(d, 0, "Ethernet");
	dis_section(d, &h, 14, "Ethernet header");
	if (dis_field(d, &h, 0, 0, 48, "destination", NULL))
		return -1;
	dis_val(d, "%s%s", mac(d->pkt, buf), d->pkt[0] & 1 ? " (group address)" : "");
	if (dis_field(d, &h, 6, 0, 48, "source", NULL))
		return -1;
	dis_val(d, "%s", mac(d->pkt + 6, buf));
	if (dis_field(d, &h, 12, 0, 16, "ethertype", &v))
		return -1;
	if (v <= PROTO_ETH_LEN_MAX) {
		dis_val(d, "%u: an 802.3 length, so an 802.2 LLC header follows (not dissected)", (unsigned)v);
		return 0;
	}
	dis_val(d, "0x%04x = %s", (unsigned)v, ethertype_name((unsigned)v));
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, 14, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, 14);
}

/* BSD loopback: a 4-byte address family, in the capturing host's byte
 * order for NULL and in network byte order for LOOP. */
static int dis_null(struct dis *d, int loop)
{
	struct dis_hdr h = { "loopback", 0, loop ? "link" : NULL, 0 };
	uint64_t v;
	dis_mark(d, 0, "loopback");
	dis_section(d, &h, 4, loop ? "OpenBSD loopback header (LOOP)" : "BSD loopback header (NULL)");
	if (dis_field(d, &h, 0, 0, 32, "address family", &v))
		return -1;
	uint32_t af = (uint32_t)v;
	const char *order = "network byte order";
	if (!loop && (af & 0xffff0000u)) {
		af = (uint32_t)d->pkt[3] << 24 | (uint32_t)d->pkt[2] << 16 | (uint32_t)d->pkt[1] << 8 | d->pkt[0];
		order = "little-endian: the capturing host's byte order";
	}
	int v6 = af == PROTO_AF_INET6_BSD || af == PROTO_AF_INET6_FREEBSD || af == PROTO_AF_INET6_DARWIN;
	const char *name = af == PROTO_AF_INET ? "AF_INET (IPv4)" : v6 ? "AF_INET6 (IPv6)" : "not IP";
	dis_val(d, "%u = %s, %s", af, name, order);
	if (af == PROTO_AF_INET)
		return dis_ip4(d, 4);
	if (v6)
		return dis_ip6(d, 4);
	dis_note(d, "address family %u: not dissected", af);
	return 0;
}

static const char *sll_pkttype(unsigned t)
{
	static const char *const names[] = { "to us", "broadcast", "multicast", "to another host",
					     "sent by us" }; /* linux/if_packet.h PACKET_* */
	return t < 5 ? names[t] : "unknown";
}

/* Linux cooked capture v1 (16 bytes; pcap-linktype(7) LINKTYPE_LINUX_SLL). */
static int dis_sll(struct dis *d)
{
	struct dis_hdr h = { "SLL", 0, "link", 0 };
	uint64_t v, alen;
	dis_mark(d, 0, "SLL");
	dis_section(d, &h, 16, "Linux cooked header (SLL)");
	if (dis_field(d, &h, 0, 0, 16, "packet type", &v))
		return -1;
	dis_val(d, "%u = %s", (unsigned)v, sll_pkttype((unsigned)v));
	if (dis_field(d, &h, 2, 0, 16, "ARPHRD type", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == PROTO_ARPHRD_ETHER ? " = Ethernet" : v == 772 ? " = loopback" : "");
	if (dis_field(d, &h, 4, 0, 16, "address length", &alen))
		return -1;
	dis_val(d, "%u bytes", (unsigned)alen);
	if (dis_field(d, &h, 6, 0, 64, "address", NULL))
		return -1;
	char buf[18];
	dis_val(d, "%s", alen == 6 ? mac(d->pkt + 6, buf) : "(first `address length` bytes)");
	if (dis_field(d, &h, 14, 0, 16, "protocol", &v))
		return -1;
	dis_val(d, "0x%04x = %s", (unsigned)v, v <= PROTO_ETH_LEN_MAX ? "not an ethertype (not dissected)" : ethertype_name((unsigned)v));
	if (v <= PROTO_ETH_LEN_MAX)
		return 0;
	if (is_vlan_type((unsigned)v))
		return dis_vlan(d, 16, (unsigned)v);
	return dis_ethertype(d, (unsigned)v, 16);
}

/* Linux cooked capture v2 (20 bytes; LINKTYPE_LINUX_SLL2). */
static int dis_sll2(struct dis *d)
{
	struct dis_hdr h = { "SLL2", 0, "link", 0 };
	uint64_t v, proto, alen;
	dis_mark(d, 0, "SLL2");
	dis_section(d, &h, 20, "Linux cooked header v2 (SLL2)");
	if (dis_field(d, &h, 0, 0, 16, "protocol", &proto))
		return -1;
	dis_val(d, "0x%04x = %s", (unsigned)proto, proto <= PROTO_ETH_LEN_MAX ? "not an ethertype" : ethertype_name((unsigned)proto));
	if (dis_field(d, &h, 2, 0, 16, "reserved", &v))
		return -1;
	dis_val(d, "%u", (unsigned)v);
	if (dis_field(d, &h, 4, 0, 32, "interface index", &v))
		return -1;
	dis_val(d, "%u", (unsigned)v);
	if (dis_field(d, &h, 8, 0, 16, "ARPHRD type", &v))
		return -1;
	dis_val(d, "%u%s", (unsigned)v, v == PROTO_ARPHRD_ETHER ? " = Ethernet" : v == 772 ? " = loopback" : "");
	if (dis_field(d, &h, 10, 0, 8, "packet type", &v))
		return -1;
	dis_val(d, "%u = %s", (unsigned)v, sll_pkttype((unsigned)v));
	if (dis_field(d, &h, 11, 0, 8, "address length", &alen))
		return -1;
	dis_val(d, "%u bytes", (unsigned)alen);
	if (dis_field(d, &h, 12, 0, 64, "address", NULL))
		return -1;
	char buf[18];
	dis_val(d, "%s", alen == 6 ? mac(d->pkt + 12, buf) : "(first `address length` bytes)");
	if (proto <= PROTO_ETH_LEN_MAX) {
		dis_note(d, "protocol 0x%04x is not an ethertype: not dissected", (unsigned)proto);
		return 0;
	}
	if (is_vlan_type((unsigned)proto))
		return dis_vlan(d, 20, (unsigned)proto);
	return dis_ethertype(d, (unsigned)proto, 20);
}

/* RAW, IPV4, IPV6: the packet starts with the IP header. */
static int dis_raw(struct dis *d, int dlt)
{
	fprintf(d->out, "\nno link-layer header: the IP header starts at byte 0\n");
	if (dlt == DLT_IPV4)
		return dis_ip4(d, 0);
	if (dlt == DLT_IPV6)
		return dis_ip6(d, 0);
	if (dis_need(d, 0, 1, "the IP version"))
		return -1;
	unsigned ver = d->pkt[0] >> 4;
	if (ver == 4)
		return dis_ip4(d, 0);
	if (ver == 6)
		return dis_ip6(d, 0);
	dis_note(d, "IP version %u: neither 4 nor 6, not dissected", ver);
	return 0;
}

/* --- the driver --- */

int dis_linktype_ok(int dlt)
{
	return lt_by_dlt(dlt) != NULL;
}

static int dis_link(struct dis *d, int dlt)
{
	switch (dlt) {
	case DLT_EN10MB: return dis_ether(d);
	case DLT_NULL: return dis_null(d, 0);
	case DLT_LOOP: return dis_null(d, 1);
	case DLT_LINUX_SLL: return dis_sll(d);
	case DLT_LINUX_SLL2: return dis_sll2(d);
	default: return dis_raw(d, dlt);
	}
}

static const char *mark_at(const struct dis *d, uint32_t off)
{
	for (int i = 0; i < d->nmarks; i++)
		if (d->marks[i].off == off)
			return d->marks[i].name;
	return NULL;
}

/* 16 bytes a line; `|` in front of a byte where a header begins, and
 * after the last byte if something ends there; the names at the right. */
static void hexdump(FILE *out, const struct dis *d)
{
	fprintf(out, "\n  %-7s%-50s%s\n", "offset", " bytes (| marks where a header begins)", "ASCII");
	for (uint32_t line = 0; line < d->caplen; line += 16) {
		char names[160] = "";
		size_t nl = 0;
		fprintf(out, "  0x%04x:", line);
		uint32_t i;
		for (i = line; i < line + 16 && i < d->caplen; i++) {
			const char *m = mark_at(d, i);
			fprintf(out, "%c%02x", m ? '|' : ' ', d->pkt[i]);
			if (m && nl < sizeof names - 40)
				nl += (size_t)snprintf(names + nl, sizeof names - nl, "%s%s %u", nl ? ", " : "", m, i);
		}
		const char *m = i == d->caplen ? mark_at(d, i) : NULL;
		fputc(m ? '|' : ' ', out);
		if (m && nl < sizeof names - 40)
			nl += (size_t)snprintf(names + nl, sizeof names - nl, "%s%s %u", nl ? ", " : "", m, i);
		for (uint32_t k = i; k < line + 16; k++)
			fputs("   ", out);
		fputc(' ', out);
		for (uint32_t k = line; k < i; k++)
			fputc(d->pkt[k] >= 0x20 && d->pkt[k] < 0x7f ? d->pkt[k] : '.', out);
		if (nl) {
			for (uint32_t k = i; k < line + 16; k++)
				fputc(' ', out);
			fprintf(out, "  %s", names);
		}
		fputc('\n', out);
	}
	if (d->caplen < d->wirelen)
		fprintf(out, "  (the capture ends here: %u of the packet's %u bytes were captured)\n", d->caplen,
			d->wirelen);
}

int dis_packet(FILE *out, const char *file, unsigned long index, int dlt,
	       const struct pcap_pkthdr *h, const uint8_t *pkt)
{
	struct dis d = { 0 };
	char *body = NULL;
	size_t bodylen = 0;
	d.out = open_memstream(&body, &bodylen);
	if (!d.out)
		d.out = out; /* no memory: tables before the dump rather than nothing */
	d.pkt = pkt;
	d.caplen = h->caplen;
	d.wirelen = h->len;
	fprintf(d.out, "\n%6s  %4s  %-*s  %-*s  %-*s  %s\n", "at", "bits", RAW_W, "raw", EXPR_W, "expression",
		NAME_W, "field", "value");
	dis_link(&d, dlt);
	if (d.out != out)
		fclose(d.out);

	struct tm tm;
	time_t t = (time_t)h->ts.tv_sec;
	char when[64] = "?";
	if (gmtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(out, "packet %lu of %s, %s.%06ld UTC\n", index, file, when, (long)h->ts.tv_usec);
	fprintf(out, "%u bytes captured of %u on the wire, link type %s\n", h->caplen, h->len,
		lt_by_dlt(dlt) ? lt_by_dlt(dlt)->name : "?");
	hexdump(out, &d);
	if (body) {
		fwrite(body, 1, bodylen, out);
		free(body);
	}
	return d.truncated;
}
