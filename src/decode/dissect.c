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
 * fields), `expression` the pcap-filter(7) load that reads it.  The
 * headers are in dis_link.c, dis_net.c and dis_tp.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode/dis.h"

#define RAW_W 23                   /* raw column: 8 bytes in hex */
#define EXPR_W 22                  /* expression column */
#define NAME_W 16                  /* field column */

/* --- checksums (RFC 1071) --- */

void dis_cksum_add(struct dis_cksum *c, const uint8_t *p, size_t n, long zero_at)
{
	c->sum += dec_words(p, n, zero_at);
	c->nwords += (unsigned)((n + 1) / 2);
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

/* How much of the raw column text r goes on this line: all of it, or up
 * to a space within RAW_W. */
static size_t raw_cut(const char *r)
{
	size_t cut = strlen(r);
	if (cut > RAW_W) {
		cut = RAW_W;
		while (cut && r[cut] != ' ')
			cut--;
	}
	return cut;
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
	const char *r = d->rawbuf;
	size_t cut = raw_cut(r);
	fprintf(d->out, "%6u  %4u  %-*.*s  %-*s  %-*s  ", first, bits, RAW_W, (int)cut, r, EXPR_W, expr,
		NAME_W, name);
	d->pending_raw = r[cut] ? r + cut + 1 : NULL;
	if (d->row)
		d->row(d, h, first, bit, bits, name, expr);
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
		size_t cut = raw_cut(r);
		fprintf(d->out, "%6s  %4s  %.*s\n", "", "", (int)cut, r);
		d->pending_raw = r[cut] ? r + cut + 1 : NULL;
	}
}

int dis_uint(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bits, const char *name, const char *unit,
	     uint64_t *v)
{
	return dis_bits(d, h, off, 0, bits, name, unit, v);
}

int dis_bits(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, unsigned bits, const char *name,
	     const char *unit, uint64_t *v)
{
	if (dis_field(d, h, off, bit, bits, name, v))
		return -1;
	dis_val(d, "%u%s", (unsigned)*v, unit);
	return 0;
}

int dis_data(struct dis *d, const struct dis_hdr *h, uint32_t off, uint32_t n, const char *name, const char *unit)
{
	if (!n)
		return 0;
	if (dis_field(d, h, off, 0, n * 8, name, NULL))
		return -1;
	dis_val(d, "%u%s", n, unit);
	return 0;
}

int dis_hex(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bits, const char *name, uint64_t *v)
{
	if (dis_field(d, h, off, 0, bits, name, v))
		return -1;
	dis_val(d, "0x%0*x", (int)(bits / 4), (unsigned)*v);
	return 0;
}

int dis_flag(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, const char *name, const char *set,
	     const char *clear, uint64_t *v)
{
	if (dis_field(d, h, off, bit, 1, name, v))
		return -1;
	dis_val(d, "%u: %s", (unsigned)*v, *v ? set : clear);
	return 0;
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

/* --- the driver --- */

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
