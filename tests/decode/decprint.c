/* decprint: a test driver for the decoder.  Reads a capture with libpcap
 * and prints every packet through dec_packet, taking tcpdump's output
 * options (-n -e -v -q -S -t -x -X -A -K, --decode-as PORT=resp), so that
 * compare.sh can hold its output against tcpdump's.  -L adds after each
 * packet a line "\001L " + dec_report (the printers that ran and where the
 * line was handed off), which compare.py uses to classify the packet. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"

static void usage(void)
{
	fprintf(stderr, "usage: decprint [-AeKLnqSvxXt] [--decode-as PORT=resp] -r FILE\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct dec_opts o = { 0 };
	const char *file = NULL;
	static const struct option longopts[] = {
		{ "decode-as", required_argument, NULL, 'D' },
		{ "dont-verify-checksums", no_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 },
	};
	int c, report = 0;
	while ((c = getopt_long(argc, argv, "AeKLnqSvxXtr:", longopts, NULL)) != -1) {
		switch (c) {
		case 'A': o.Aflag++; break;
		case 'e': o.eflag++; break;
		case 'K': o.no_cksum = 1; break;
		case 'L': report = 1; break;
		case 'n': o.nflag++; break;
		case 'q': o.qflag++; break;
		case 'S': o.Sflag++; break;
		case 'v': o.vflag++; break;
		case 'x': o.xflag++; break;
		case 'X': o.Xflag++; break;
		case 't': o.tflag++; break;
		case 'r': file = optarg; break;
		case 'D': {
			int port;
			if (sscanf(optarg, "%d=resp", &port) != 1 || !strstr(optarg, "=resp"))
				usage();
			o.resp_port = port;
			break;
		}
		default: usage();
		}
	}
	if (!file)
		usage();
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *pc = pcap_open_offline(file, err);
	if (!pc) {
		fprintf(stderr, "decprint: %s\n", err);
		return 2;
	}
	struct dec_ctx *d = dec_new(&o, pcap_datalink(pc));
	if (!d) {
		fprintf(stderr, "decprint: out of memory\n");
		pcap_close(pc);
		return 3;
	}
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int r;
	while ((r = pcap_next_ex(pc, &h, &pkt)) == 1) {
		dec_packet(d, stdout, h, pkt);
		if (report) {
			fputs("\001L ", stdout);
			dec_report(d, stdout);
		}
	}
	dec_free(d);
	pcap_close(pc);
	return r == -1 ? 1 : 0;
}
