/* html.c: the page of html.h.  Sections in order: the expression and its
 * spans, the packet (hex and ASCII grid coloured by header, a legend),
 * dissect's fields, the program (-d lines with explain's text), the trace
 * on the packet and its verdict.  Every text that reaches the markup goes
 * through esc(); attribute values are numbers or class names from the
 * table below.  The style and the script are constants at the end. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "decode/dis_view.h"
#include "decode/dissect.h"
#include "format.h"
#include "isa.h"
#include "linktype.h"
#include "trace.h"

/* Header names (dissect's section names and hex dump marks) to the colour
 * class of the page and the legend's words; first matching prefix wins. */
static const struct {
	const char *prefix, *cls, *legend;
} hdr_classes[] = {
	{ "Ethernet", "eth", "Ethernet" },
	{ "VLAN", "vlan", "VLAN tag (802.1Q/802.1ad)" },
	{ "802.1", "vlan", "VLAN tag (802.1Q/802.1ad)" },
	{ "loopback", "link", "link header (loopback, SLL)" },
	{ "SLL", "link", "link header (loopback, SLL)" },
	{ "PPPoE", "pppoe", "PPPoE" },
	{ "ARP", "arp", "ARP" },
	{ "IPv4", "ip4", "IPv4" },
	{ "IPv6 ", "ip6x", "IPv6 extension header" },
	{ "IPv6", "ip6", "IPv6" },
	{ "authentication", "ip6x", "IPv6 extension header" },
	{ "fragment", "ip6x", "IPv6 extension header" },
	{ "AH", "ip6x", "IPv6 extension header" },
	{ "routing", "ip6x", "IPv6 extension header" },
	{ "options", "ip6x", "IPv6 extension header" },
	{ "TCP", "tcp", "TCP" },
	{ "UDP", "udp", "UDP" },
	{ "ICMP", "icmp", "ICMP / ICMPv6" },
	{ "payload", "payload", "payload" },
	{ "data", "payload", "payload" },
	{ "trailer", "trailer", "link-layer padding" },
};
#define NCLASSES (sizeof hdr_classes / sizeof hdr_classes[0])
#define OTHER ((int)NCLASSES)

static int hdr_class(const char *name)
{
	for (unsigned i = 0; i < NCLASSES; i++)
		if (!strncmp(name, hdr_classes[i].prefix, strlen(hdr_classes[i].prefix)))
			return (int)i;
	return OTHER;
}

static const char *cls_name(int c)
{
	return c == OTHER ? "other" : hdr_classes[c].cls;
}

/* Text into markup: the five characters HTML gives meaning to, and no
 * control characters (shown as U+FFFD, the page stays well-formed). */
static void esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			if ((c < 0x20 && c != '\n') || c == 0x7f)
				fputs("&#xfffd;", f);
			else
				fputc(c, f);
		}
	}
}

static void escn(FILE *f, const char *s, size_t n)
{
	char buf[1024];
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	esc(f, buf);
}

/* --- what each instruction reads --- */

/* The packet bytes instruction pc loads, [*off, *off + *len): absolute
 * loads from the instruction alone, indexed ones from the trace's step at
 * pc (none when the trace does not reach it).  0 if it reads none. */
static int insn_reads(const struct bpf_insn *in, const struct trace *t, const long *step_of, unsigned pc,
		      uint32_t *off, uint32_t *len)
{
	unsigned cls = BPF_CLASS(in->code), mode = BPF_MODE(in->code);
	uint32_t size = isa_load_bytes(in->code);
	if (cls == BPF_LD && mode == BPF_ABS && in->k >= ISA_SKF_AD_OFF)
		return 0; /* a Linux ancillary load: socket metadata, no packet byte */
	if (cls == BPF_LD && mode == BPF_ABS) {
		*off = in->k, *len = size;
		return 1;
	}
	if (cls == BPF_LDX && mode == BPF_MSH) {
		*off = in->k, *len = 1;
		return 1;
	}
	if (cls == BPF_LD && mode == BPF_IND && t && step_of[pc] >= 0 && t->steps[step_of[pc]].read) {
		const struct trace_step *s = &t->steps[step_of[pc]];
		*off = s->read_off, *len = s->read_len;
		return 1;
	}
	return 0;
}

/* --- sections --- */

static void expr_section(FILE *f, const struct explain *e)
{
	int len = (int)strlen(e->expr);
	char *cut = calloc((size_t)len + 1, 1);
	if (!cut)
		return;
	cut[0] = cut[len] = 1;
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		if (x->start >= 0 && x->start <= len && x->end >= x->start && x->end <= len)
			cut[x->start] = cut[x->end] = 1;
	}
	fputs("<section id=\"expression\"><h2>Expression</h2>\n<p class=\"expr\"><code>", f);
	for (int a = 0; a < len;) {
		int b = a + 1;
		while (b < len && !cut[b])
			b++;
		fprintf(f, "<span class=\"seg\" data-seg=\"%d-%d\">", a, b);
		escn(f, e->expr + a, (size_t)(b - a));
		fputs("</span>", f);
		a = b;
	}
	free(cut);
	fputs("</code></p>\n<table class=\"spans\"><caption>The parts of the expression and the instructions "
	      "each produced</caption>\n<tr><th>span</th><th>text</th><th>instructions</th></tr>\n", f);
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		int seen = 0;
		if (x->start < 0 || x->end > len || x->end < x->start)
			continue;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = e->insns[j].start == x->start && e->insns[j].end == x->end;
		if (seen)
			continue;
		fprintf(f, "<tr class=\"span\" tabindex=\"0\" data-span=\"%d-%d\"><td>%d-%d</td><td><code>", x->start,
			x->end, x->start, x->end);
		escn(f, e->expr + x->start, (size_t)(x->end - x->start));
		fputs("</code></td><td>", f);
		for (unsigned j = i, k = 0; j < e->n; j++)
			if (e->insns[j].start == x->start && e->insns[j].end == x->end)
				fprintf(f, "%s<a href=\"#pc%u\">%03u</a>", k++ ? " " : "", j, j);
		fputs("</td></tr>\n", f);
	}
	fputs("</table></section>\n", f);
}

/* The colour class of every captured byte: the header its hex dump mark
 * opens, then the header of the field that covers it. */
static int *byte_classes(const struct html_packet *p, const struct dis_view *v)
{
	uint32_t n = p->h->caplen;
	int *c = malloc(((size_t)n + 1) * sizeof *c);
	if (!c)
		return NULL;
	for (uint32_t i = 0; i < n; i++) {
		int best = -1;
		for (int m = 0; m < v->nmarks; m++)
			if (v->marks[m].off <= i && (best < 0 || v->marks[m].off >= v->marks[best].off))
				best = m;
		c[i] = best < 0 ? OTHER : hdr_class(v->marks[best].name);
	}
	for (size_t r = 0; r < v->n; r++)
		for (uint32_t i = v->rows[r].first; i < v->rows[r].first + v->rows[r].nbytes && i < n; i++)
			c[i] = hdr_class(v->rows[r].hdr);
	return c;
}

static void legend(FILE *f, const int *cls, uint32_t n)
{
	int used[NCLASSES + 1] = { 0 };
	const char *shown[NCLASSES + 1];
	int ns = 0;
	for (uint32_t i = 0; i < n; i++)
		used[cls[i]] = 1;
	fputs("<ul class=\"legend\">", f);
	for (unsigned c = 0; c <= NCLASSES; c++) {
		const char *words = c == NCLASSES ? "not decoded" : hdr_classes[c].legend;
		int dup = 0;
		for (int k = 0; k < ns; k++)
			dup |= !strcmp(shown[k], words);
		if (!used[c] || dup)
			continue;
		shown[ns++] = words;
		fprintf(f, "<li><span class=\"swatch hdr-%s\"></span>", cls_name((int)c));
		esc(f, words);
		fputs("</li>", f);
	}
	fputs("</ul>\n", f);
}

static void grid(FILE *f, const struct html_packet *p, const int *cls)
{
	uint32_t n = p->h->caplen;
	fputs("<div class=\"grid\" role=\"table\" aria-label=\"packet bytes\">\n", f);
	for (uint32_t line = 0; line < n; line += 16) {
		fprintf(f, "<div class=\"row\"><span class=\"addr\">0x%04x</span><span class=\"hex\">", line);
		for (uint32_t i = line; i < line + 16; i++) {
			if (i < n)
				fprintf(f, "<span class=\"b hdr-%s\" data-off=\"%u\" tabindex=\"0\" title=\"byte %u\">%02x</span>",
					cls_name(cls[i]), i, i, p->pkt[i]);
			else
				fputs("<span class=\"b pad\">  </span>", f);
		}
		fputs("</span><span class=\"asc\">", f);
		for (uint32_t i = line; i < line + 16 && i < n; i++) {
			char ch[2] = { p->pkt[i] >= 0x20 && p->pkt[i] < 0x7f ? (char)p->pkt[i] : '.', 0 };
			fprintf(f, "<span class=\"a hdr-%s\" data-aoff=\"%u\">", cls_name(cls[i]), i);
			esc(f, ch);
			fputs("</span>", f);
		}
		fputs("</span></div>\n", f);
	}
	fputs("</div>\n", f);
	if (p->h->caplen < p->h->len)
		fprintf(f, "<p>The capture ends here: %u of the packet's %u bytes were captured.</p>\n", p->h->caplen,
			p->h->len);
}

/* A table cell of text, escaped; with code, set as code. */
static void td(FILE *f, const char *text, int code)
{
	fputs(code ? "<td><code>" : "<td>", f);
	esc(f, text);
	fputs(code ? "</code></td>" : "</td>", f);
}

static void fields_section(FILE *f, const struct html_packet *p, const struct dis_view *v)
{
	fputs("<section id=\"fields\"><h2>Fields</h2>\n<table class=\"fields\">\n<tr><th>bytes</th><th>bits</th>"
	      "<th>header</th><th>expression</th><th>field</th><th>value</th></tr>\n", f);
	for (size_t i = 0; i < v->n; i++) {
		const struct dis_vrow *r = &v->rows[i];
		fprintf(f, "<tr class=\"field hdr-%s\" tabindex=\"0\" data-first=\"%u\" data-len=\"%u\" data-hdr=\"%s\">",
			cls_name(hdr_class(r->hdr)), r->first, r->nbytes, cls_name(hdr_class(r->hdr)));
		if (r->nbytes > 1)
			fprintf(f, "<td>%u-%u</td>", r->first, r->first + r->nbytes - 1);
		else
			fprintf(f, "<td>%u</td>", r->first);
		fprintf(f, "<td>%u</td>", r->bits);
		td(f, r->hdr, 0);
		td(f, r->expr, 1);
		td(f, r->name, 0);
		td(f, r->value, 0);
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
	/* dissect's own text: the checksums worked out step by step, notes */
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	if (m) {
		dis_packet(m, p->file, p->index, p->dlt, p->h, p->pkt);
		fclose(m);
		fputs("<details><summary>dissect's text: the checksums worked out, notes</summary><pre>", f);
		esc(f, text);
		fputs("</pre></details>\n", f);
		free(text);
	}
	fputs("</section>\n", f);
}

static void program_section(FILE *f, const struct explain *e, const struct trace *t, const long *step_of)
{
	static const char *const br[] = { "", "jt", "jf", "ja" };
	fputs("<section id=\"program\"><h2>Program</h2>\n<table class=\"program\">\n<tr><th>instruction</th>"
	      "<th>reads</th>", f);
	if (t)
		fputs("<th>path</th>", f);
	fputs("<th>what it does</th></tr>\n", f);
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		char line[160];
		uint32_t off, len;
		int reads = insn_reads(&x->insn, t, step_of, i, &off, &len);
		int taken = t && step_of[i] >= 0;
		fmt_insn(line, sizeof line, &x->insn, (int)i);
		for (char *c = line; *c; c++)
			if (*c == '\t')
				*c = ' ';
		fprintf(f, "<tr class=\"insn%s\" id=\"pc%u\" tabindex=\"0\" data-pc=\"%u\"", taken ? " taken" : "", i, i);
		if (reads) {
			fputs(" data-reads=\"", f);
			for (uint32_t k = 0; k < len; k++)
				fprintf(f, "%s%lu", k ? " " : "", (unsigned long)off + k);
			fputc('"', f);
		}
		if (x->start >= 0 && e->expr && x->end >= x->start && (size_t)x->end <= strlen(e->expr))
			fprintf(f, " data-span=\"%d-%d\"", x->start, x->end);
		fputs("><td class=\"d\"><code>", f);
		esc(f, line);
		fputs("</code></td><td>", f);
		if (reads && len > 1)
			fprintf(f, "bytes %u-%lu", off, (unsigned long)off + len - 1);
		else if (reads)
			fprintf(f, "byte %u", off);
		fputs("</td>", f);
		if (t) {
			fputs("<td>", f);
			if (taken) {
				const struct trace_step *s = &t->steps[step_of[i]];
				if (s->branch != TRACE_NOBRANCH)
					fprintf(f, "%s &rarr; %03u", br[s->branch], s->next);
				else
					fputs("&#10003;", f);
			}
			fputs("</td>", f);
		}
		fputs("<td>", f);
		esc(f, x->note);
		fputs("</td></tr>\n", f);
	}
	fputs("</table></section>\n", f);
}

static void trace_section(FILE *f, const struct trace *t)
{
	uint32_t mem[BPF_MEMWORDS] = { 0 };
	int written[BPF_MEMWORDS] = { 0 };
	fputs("<section id=\"trace\"><h2>Trace on this packet</h2>\n<table class=\"trace\">\n<tr><th>step</th>"
	      "<th>instruction</th><th>A</th><th>X</th><th>scratch M[]</th><th>effect</th></tr>\n", f);
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_step *s = &t->steps[i];
		char line[160], note[400];
		fmt_insn(line, sizeof line, &s->insn, (int)s->pc);
		for (char *c = line; *c; c++)
			if (*c == '\t')
				*c = ' ';
		trace_note(note, sizeof note, t, s, i + 1 == t->n);
		if (s->mem_write >= 0 && s->mem_write < BPF_MEMWORDS) {
			mem[s->mem_write] = s->mem_value;
			written[s->mem_write] = 1;
		}
		fprintf(f, "<tr data-step=\"%zu\" data-pc=\"%u\"><td>%zu</td><td><a href=\"#pc%u\"><code>", i + 1, s->pc,
			i + 1, s->pc);
		esc(f, line);
		fprintf(f, "</code></a></td><td>0x%x</td><td>0x%x</td><td>", s->a, s->x);
		for (int m = 0, k = 0; m < BPF_MEMWORDS; m++)
			if (written[m])
				fprintf(f, "%s<span%s>M[%d]=0x%x</span>", k++ ? " " : "",
					m == s->mem_write ? " class=\"new\"" : "", m, mem[m]);
		fputs("</td><td>", f);
		esc(f, note);
		fputs("</td></tr>\n", f);
	}
	char v[256];
	trace_verdict_text(v, sizeof v, t);
	fprintf(f, "</table>\n<p id=\"verdict\" class=\"%s\" data-verdict=\"%s\" data-ret=\"%u\">Verdict: ",
		t->verdict ? "accept" : "reject", t->verdict ? "accept" : "reject", t->verdict);
	esc(f, v);
	fputs("</p></section>\n", f);
}

static void packet_section(FILE *f, const struct html_packet *p, const int *cls)
{
	const struct linktype *lt = lt_by_dlt(p->dlt);
	fprintf(f, "<section id=\"packet\"><h2>Packet %lu of ", p->index);
	esc(f, p->file);
	fprintf(f, "</h2>\n<p>%u bytes captured of %u on the wire, link type ", p->h->caplen, p->h->len);
	esc(f, lt ? lt->name : "?");
	fputs(".</p>\n", f);
	legend(f, cls, p->h->caplen);
	grid(f, p, cls);
	fputs("</section>\n", f);
}

/* --- style and script --- */

static const char html_css[] =
	"\nbody{font-family:sans-serif;margin:1em 2em;color:#222;background:#fff}\n"
	"code,pre,.grid{font-family:monospace}\n"
	"table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 6px;text-align:left;vertical-align:top}\n"
	"table.program tr:nth-child(even),table.trace tr:nth-child(even),table.spans tr:nth-child(even){background:#f6f6f6}\n"
	".expr{font-size:1.4em}.seg{padding:1px 0}\n"
	".grid .row{white-space:pre}.addr{color:#888;margin-right:1em}\n"
	".b{display:inline-block;width:2.2em;text-align:center;margin:1px 0}.a{display:inline-block;width:.8em}\n"
	".asc{margin-left:1.5em}.pad{background:none}\n"
	".legend{list-style:none;padding:0}.legend li{display:inline-block;margin-right:1.2em}\n"
	".swatch{display:inline-block;width:1em;height:1em;margin-right:.3em;vertical-align:middle;"
	"border:1px solid #999}\n"
	".hdr-eth{background:#ffd8a8}.hdr-vlan{background:#ffc9c9}.hdr-link{background:#e9ecef}"
	".hdr-pppoe{background:#fcc2d7}.hdr-arp{background:#eebefa}.hdr-ip4{background:#a5d8ff}"
	".hdr-ip6{background:#99e9f2}.hdr-ip6x{background:#c5f6fa}.hdr-tcp{background:#b2f2bb}"
	".hdr-udp{background:#d8f5a2}.hdr-icmp{background:#ffec99}.hdr-payload{background:#e5dbff}"
	".hdr-trailer{background:#dee2e6}.hdr-other{background:#f1f3f5}\n"
	".insn.taken td.d{font-weight:bold}.insn.taken td:first-child{border-left:4px solid #2b8a3e}\n"
	".insn:not(.taken) td{color:#666}\n"
	".hl,.b.hl,.a.hl,tr.hl,tr.hl td{outline:2px solid #d6336c;background:#fff3bf !important;color:#000}\n"
	":focus{outline:3px solid #1c7ed6}\n"
	"#verdict{font-size:1.2em;font-weight:bold;padding:.3em}"
	"#verdict.accept{background:#d3f9d8}#verdict.reject{background:#ffe3e3}\n"
	".new{font-weight:bold}\n";

/* Hover or focus: an instruction lights its bytes, the fields holding them
 * and its span; a byte its fields and the instructions that read it; a
 * field its bytes and those instructions; a span its instructions. */
static const char html_js[] =
	"\n(function(){\n"
	"function all(s){return Array.prototype.slice.call(document.querySelectorAll(s));}\n"
	"var bytes=all('[data-off]'),asc=all('[data-aoff]'),ins=all('tr.insn'),flds=all('tr.field'),"
	"segs=all('[data-seg]'),spans=all('tr.span'),lit=[];\n"
	"function nums(s){return s?s.split(' ').map(Number):[];}\n"
	"function rng(s){var p=s.split('-');return [+p[0],+p[1]];}\n"
	"function on(e){e.classList.add('hl');lit.push(e);}\n"
	"function clear(){lit.forEach(function(e){e.classList.remove('hl');});lit=[];}\n"
	"function has(f,o){var a=+f.getAttribute('data-first');return o>=a&&o<a+(+f.getAttribute('data-len'));}\n"
	"function litBytes(offs){bytes.forEach(function(b){if(offs.indexOf(+b.getAttribute('data-off'))>=0)on(b);});"
	"asc.forEach(function(b){if(offs.indexOf(+b.getAttribute('data-aoff'))>=0)on(b);});}\n"
	"function reads(i){return nums(i.getAttribute('data-reads'));}\n"
	"function litSpan(s){if(!s)return;var r=rng(s);segs.forEach(function(g){var x=rng(g.getAttribute('data-seg'));"
	"if(x[0]>=r[0]&&x[1]<=r[1])on(g);});}\n"
	"function insn(i){clear();on(i);var r=reads(i);litBytes(r);"
	"flds.forEach(function(f){if(r.some(function(o){return has(f,o);}))on(f);});litSpan(i.getAttribute('data-span'));}\n"
	"function byte(o){clear();litBytes([o]);flds.forEach(function(f){if(has(f,o))on(f);});"
	"ins.forEach(function(i){if(reads(i).indexOf(o)>=0)on(i);});}\n"
	"function field(f){clear();on(f);var o=[];bytes.forEach(function(b){var k=+b.getAttribute('data-off');"
	"if(has(f,k))o.push(k);});litBytes(o);"
	"ins.forEach(function(i){if(reads(i).some(function(k){return has(f,k);}))on(i);});}\n"
	"function span(s){clear();on(s);var v=s.getAttribute('data-span');litSpan(v);"
	"ins.forEach(function(i){if(i.getAttribute('data-span')===v)on(i);});}\n"
	"function bind(els,fn){els.forEach(function(e){var go=function(){fn(e);};"
	"e.addEventListener('mouseenter',go);e.addEventListener('focus',go);"
	"e.addEventListener('mouseleave',clear);e.addEventListener('blur',clear);});}\n"
	"bind(ins,insn);bind(flds,field);bind(spans,span);"
	"bind(bytes,function(b){byte(+b.getAttribute('data-off'));});"
	"bind(asc,function(b){byte(+b.getAttribute('data-aoff'));});\n"
	"document.body.setAttribute('data-linked',String(ins.length+bytes.length));\n"
	"})();\n";

int html_page(FILE *f, const struct explain *e, const struct html_packet *p)
{
	struct dis_view v = { 0 };
	struct trace t = { 0 };
	int *cls = NULL, have_trace = 0, rc = -1;
	long *step_of = NULL;
	int walk = p && dis_linktype_ok(p->dlt); /* else the bytes and trace, no fields */
	if (walk && dis_view(&v, p->dlt, p->h, p->pkt) < 0)
		return -1;
	if (p && !(cls = byte_classes(p, &v)))
		goto out;
	if (e) {
		step_of = malloc(((size_t)e->n + 1) * sizeof *step_of);
		if (!step_of)
			goto out;
		for (unsigned i = 0; i < e->n; i++)
			step_of[i] = -1;
	}
	if (e && p) {
		struct bpf_insn *prog = malloc(((size_t)e->n + 1) * sizeof *prog);
		if (!prog)
			goto out;
		for (unsigned i = 0; i < e->n; i++)
			prog[i] = e->insns[i].insn;
		int r = trace_run(prog, e->n, p->pkt, p->h->len, p->h->caplen, &t);
		free(prog);
		if (r < 0)
			goto out;
		have_trace = 1;
		for (size_t i = 0; i < t.n; i++)
			if (t.steps[i].pc < e->n && step_of[t.steps[i].pc] < 0)
				step_of[t.steps[i].pc] = (long)i;
	}

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>bpfx: ", f);
	if (e && e->expr)
		esc(f, e->expr);
	if (e && p)
		fputs(" on ", f);
	if (p) {
		fprintf(f, "packet %lu of ", p->index);
		esc(f, p->file);
	}
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_css);
	if (e && e->expr) {
		fputs("<code>", f);
		esc(f, e->expr);
		fputs("</code>", f);
	}
	if (e && p)
		fputs(" on ", f);
	if (p) {
		fprintf(f, "packet %lu of ", p->index);
		esc(f, p->file);
	}
	fputs("</h1>\n<p class=\"help\">Point at (or tab to) an instruction, a byte, a field or a part of the "
	      "expression: what it is linked to lights up.</p>\n", f);
	if (e && e->expr)
		expr_section(f, e);
	if (p) {
		packet_section(f, p, cls);
		if (walk)
			fields_section(f, p, &v);
	}
	if (e)
		program_section(f, e, have_trace ? &t : NULL, step_of);
	if (have_trace)
		trace_section(f, &t);
	fprintf(f, "<script>%s</script>\n</body>\n</html>\n", html_js);
	rc = 0;
out:
	if (have_trace)
		trace_free(&t);
	free(step_of);
	free(cls);
	dis_view_free(&v);
	return rc;
}
