/* dissect.c: `bpfx dissect -r FILE [--packet N] [-c COUNT]`: the field
 * tables of src/decode/dissect.c for every packet of FILE, or COUNT packets from
 * packet N on (N is 1-based, as tcpdump and `bpfx trace` count).  Exit 2
 * on bad usage, an unreadable or damaged file, a link type dissect does
 * not read, or a packet number past the end, each message naming the file
 * and, where there is one, the packet. */
#include "cli.h"
#include "bpfx.h"
#include "capture.h"
#include "decode/dissect.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_dissect_usage[] =
	"usage: bpfx dissect -r FILE [--packet N] [-c COUNT]\n"
	"       bpfx dissect --html -r FILE [--packet N] > page.html\n"
	"Print each packet of FILE (pcap or pcapng, - for stdin) field by field:\n"
	"offset, width in bits, raw bits, the filter expression that reads the\n"
	"field, its value and meaning; checksums worked step by step; a hex dump\n"
	"marking where each header begins.  --packet N starts at packet N (from 1);\n"
	"-c COUNT stops after COUNT packets (with --packet alone: 1 packet).\n"
	"--html writes packet N (default 1) as one self-contained HTML page.\n";

/* -r FILE, once. */
static int set_file(void *ctx, const char *arg)
{
	const char **file = ctx;
	if (*file)
		return cli_bad_usage("only one -r FILE", arg);
	*file = arg;
	return -1;
}

int cli_dissect(int argc, char **argv)
{
	const char *file = NULL;
	unsigned long first = 0, count = 0; /* first: 0 until --packet */
	int html = 0;
	const struct cli_opt opts[] = {
		{ NULL, 'r', CLI_FN_ARG, .to.ctx = &file, .fn = set_file },
		{ NULL, 'c', CLI_COUNT, .to.ul = &count },
		{ "--packet", 0, CLI_COUNT, .to.ul = &first },
		CLI_HELP_OPT(0),
		{ "--html", 0, CLI_SET, .to.i = &html, .val = 1 },
	};
	int arg, status = cli_parse(argc, argv, &arg, opts, CLI_NOPTS(opts), CLI_GETOPT);
	if (status >= 0)
		return status;
	if (arg < argc)
		return cli_bad_usage("unexpected argument", argv[arg]);
	if (!file)
		return cli_bad_usage("no capture file (-r FILE)", NULL);
	if (first && !count) /* --packet alone: that packet */
		count = 1;
	if (!first)
		first = 1;
	if (html)
		return cli_html_dissect(file, first);

	struct cap_reader r;
	if (cap_open(&r, file) < 0) {
		fprintf(stderr, "bpfx dissect: %s\n", r.err);
		return 2;
	}
	const char *shown = cap_display(file);
	int dlt = cap_linktype(&r);
	if (!dis_linktype_ok(dlt)) {
		const char *name = pcap_datalink_val_to_name(dlt);
		fprintf(stderr, "bpfx dissect: %s: link type %s (%d) is not one dissect reads "
				"(EN10MB, RAW, IPV4, IPV6, NULL, LOOP, LINUX_SLL, LINUX_SLL2)\n",
			shown, name ? name : "unknown", dlt);
		cap_close(&r);
		return 2;
	}
	struct pcap_pkthdr *h;
	const u_char *pkt;
	unsigned long n = 0, shown_n = 0;
	int got, rc = 0;
	while ((got = cap_next(&r, &h, &pkt)) > 0) {
		if (++n < first)
			continue;
		if (shown_n++)
			fputs("\n", stdout);
		dis_packet(stdout, shown, n, dlt, h, pkt);
		if (count && shown_n == count)
			break;
	}
	if (got < 0) {
		fprintf(stderr, "bpfx dissect: %s\n", r.err);
		rc = 2;
	} else if (n < first) {
		fprintf(stderr, "bpfx dissect: %s: no packet %lu: the file holds %lu packet%s\n", shown,
			(unsigned long)first, n, n == 1 ? "" : "s");
		rc = 2;
	}
	cap_close(&r);
	return rc;
}
