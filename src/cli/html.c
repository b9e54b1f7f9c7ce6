/* html.c: the --html pages of `bpfx explain` and `bpfx dissect`
 * (src/html.h): open the capture, find packet N, compile the expression as
 * `bpfx trace` compiles it for that file (its link type and snapshot
 * length, savefile rules, its byte order), write the page to standard
 * output.  Exit 2 on a bad file, packet number or expression, each message
 * naming what and where, as the text commands do. */
#include "cli.h"
#include "bpfx.h"
#include "capture.h"
#include "error.h"
#include "explain.h"
#include "html.h"
#include "decode/dissect.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Packet `index` of r into *p; 0, or 2 with the message printed. */
static int find_packet(const char *cmd, struct cap_reader *r, unsigned long index, struct html_packet *p)
{
	struct pcap_pkthdr *h = NULL;
	const u_char *pkt = NULL;
	int got = 0;
	while (r->count < index && (got = cap_next(r, &h, &pkt)) > 0)
		;
	if (got < 0) {
		fprintf(stderr, "%s: %s\n", cmd, r->err);
		return 2;
	}
	if (r->count < index || !h) {
		fprintf(stderr, "%s: %s: no packet %lu: the file holds %lu packet%s\n", cmd, cap_display(r->path),
			index, r->count, r->count == 1 ? "" : "s");
		return 2;
	}
	p->file = cap_display(r->path);
	p->index = index;
	p->dlt = cap_linktype(r);
	p->h = h;
	p->pkt = pkt;
	return 0;
}

static int page(const char *cmd, const struct explain *e, const struct html_packet *p)
{
	if (html_page(stdout, e, p) < 0) {
		fprintf(stderr, "%s: out of memory\n", cmd);
		return 2;
	}
	return 0;
}

int cli_html_explain(const char *expr, struct bpfx_options *o, const char *file, unsigned long index)
{
	const char *cmd = "bpfx explain";
	struct cap_reader r;
	struct html_packet p, *pp = NULL;
	struct explain e;
	struct bpfx_error err;
	int rc;
	if (file) {
		if (cap_open(&r, file) < 0) {
			fprintf(stderr, "%s: %s\n", cmd, r.err);
			return 2;
		}
		o->linktype = cap_linktype(&r);
		o->snaplen = cap_snaplen(&r);
		o->savefile = 1;
		o->swapped = pcap_is_swapped(r.p) == 1;
		if ((rc = find_packet(cmd, &r, index, &p))) {
			cap_close(&r);
			return rc;
		}
		pp = &p;
	}
	if (explain_expr(expr, o, &e, &err) < 0) {
		err_print(stderr, cmd, expr, &err);
		rc = 2;
	} else {
		rc = page(cmd, &e, pp);
		explain_free(&e);
	}
	if (file)
		cap_close(&r);
	return rc;
}

int cli_html_dissect(const char *file, unsigned long index)
{
	const char *cmd = "bpfx dissect";
	struct cap_reader r;
	struct html_packet p;
	int rc;
	if (cap_open(&r, file) < 0) {
		fprintf(stderr, "%s: %s\n", cmd, r.err);
		return 2;
	}
	int dlt = cap_linktype(&r);
	if (!dis_linktype_ok(dlt)) {
		const char *name = pcap_datalink_val_to_name(dlt);
		fprintf(stderr, "%s: %s: link type %s (%d) is not one dissect reads\n", cmd, cap_display(file),
			name ? name : "unknown", dlt);
		cap_close(&r);
		return 2;
	}
	rc = find_packet(cmd, &r, index, &p);
	if (!rc)
		rc = page(cmd, NULL, &p);
	cap_close(&r);
	return rc;
}
