/* dis_view.c: dissect's rows as data (dis_view.h).  The header functions
 * write their text table to a memory stream as usual; the row hook of
 * struct dis records each field as dis_field writes it, and where in the
 * text its value starts, so the value is taken from the text itself once
 * the walk is over: the page and `bpfx dissect` cannot disagree. */
#include <stdlib.h>
#include <string.h>

#include "decode/dis.h"
#include "decode/dis_view.h"

static void on_row(struct dis *d, const struct dis_hdr *h, uint32_t first, unsigned bit, unsigned bits,
		   const char *name, const char *expr)
{
	struct dis_view *v = d->row_ctx;
	if (v->n == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 32;
		struct dis_vrow *r = realloc(v->rows, cap * sizeof *r);
		if (!r) {
			v->nomem = 1;
			return;
		}
		v->rows = r;
		v->cap = cap;
	}
	struct dis_vrow *r = &v->rows[v->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->hdr, sizeof r->hdr, "%s", h->name ? h->name : "");
	r->first = first;
	r->bit = bit;
	r->bits = bits;
	r->nbytes = (bit + bits + 7) / 8;
	snprintf(r->name, sizeof r->name, "%s", name);
	snprintf(r->expr, sizeof r->expr, "%s", expr);
	fflush(d->out);
	r->valpos = ftell(d->out);
}

int dis_view(struct dis_view *v, int dlt, const struct pcap_pkthdr *h, const uint8_t *pkt)
{
	struct dis d = { 0 };
	char *text = NULL;
	size_t len = 0;
	memset(v, 0, sizeof *v);
	d.out = open_memstream(&text, &len);
	if (!d.out)
		return -1;
	d.pkt = pkt;
	d.caplen = h->caplen;
	d.wirelen = h->len;
	d.row = on_row;
	d.row_ctx = v;
	dis_link(&d, dlt);
	fclose(d.out);
	for (size_t i = 0; i < v->n; i++) {
		struct dis_vrow *r = &v->rows[i];
		if (r->valpos < 0 || (size_t)r->valpos > len)
			continue;
		const char *s = text + r->valpos, *e = memchr(s, '\n', len - (size_t)r->valpos);
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n >= sizeof r->value)
			n = sizeof r->value - 1;
		memcpy(r->value, s, n);
		r->value[n] = 0;
	}
	free(text);
	for (int i = 0; i < d.nmarks && i < DIS_VIEW_MARKS; i++)
		v->marks[v->nmarks++] = (struct dis_vmark){ d.marks[i].off, d.marks[i].name };
	v->truncated = d.truncated;
	if (v->nomem) {
		dis_view_free(v);
		return -1;
	}
	return 0;
}

void dis_view_free(struct dis_view *v)
{
	free(v->rows);
	v->rows = NULL;
	v->n = v->cap = 0;
}
