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
#include <getopt.h>
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

static int bad_usage(const char *msg, const char *arg)
{
	return cli_bad_usage(cli_dissect_usage, msg, arg);
}

int cli_dissect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "packet", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ "html", no_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = NULL;
	uint32_t first = 1, count = 0;
	int c, have_packet = 0, html = 0;
	while ((c = cli_getopt(argc, argv, ":r:c:", longopts, cli_dissect_usage)) >= 0) {
		switch (c) {
		case 'r':
			if (file)
				return bad_usage("only one -r FILE", optarg);
			file = optarg;
			break;
		case 'c':
			count = cli_count("-c", optarg);
			break;
		case 'p':
			first = cli_count("--packet", optarg);
			have_packet = 1;
			break;
		case 'h': fputs(cli_dissect_usage, stdout); return 0;
		case 'H': html = 1; break;
		}
	}
	if (c != -1)
		return 2;
	if (optind < argc)
		return bad_usage("unexpected argument", argv[optind]);
	if (!file)
		return bad_usage("no capture file (-r FILE)", NULL);
	if (html)
		return cli_html_dissect(file, first);
	if (have_packet && !count)
		count = 1;

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
