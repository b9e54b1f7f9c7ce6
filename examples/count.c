/* count.c: the libbpfx API in one page.  Compiles a filter expression for
 * a capture file's link type, validates the program, runs it over every
 * packet and prints the numbers of those that match, then a count:
 *
 *   count FILE EXPRESSION...
 *   cc count.c $(pkg-config --cflags --libs bpfx) -o count
 *
 * libpcap reads the file; libbpfx does the rest.  Exit status: 0 when a
 * packet matched, 1 when none did, 2 on an error. */
#include <bpfx.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

/* The words of the expression joined with spaces, as tcpdump joins them. */
static int join(char *buf, size_t cap, int argc, char **argv)
{
	size_t n = 0;
	for (int i = 0; i < argc; i++) {
		size_t len = strlen(argv[i]);
		if (n + len + 2 > cap)
			return -1;
		if (i)
			buf[n++] = ' ';
		memcpy(buf + n, argv[i], len + 1);
		n += len;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char expr[4096], errbuf[PCAP_ERRBUF_SIZE];
	if (argc < 3 || join(expr, sizeof expr, argc - 2, argv + 2)) {
		fprintf(stderr, "usage: count FILE EXPRESSION... (libbpfx %s)\n", bpfx_version());
		return 2;
	}
	pcap_t *p = pcap_open_offline(argv[1], errbuf);
	if (!p) {
		fprintf(stderr, "count: %s\n", errbuf);
		return 2;
	}

	struct bpfx_options o;
	bpfx_options_init(&o);
	o.linktype = pcap_datalink(p);
	o.savefile = 1; /* as tcpdump -r compiles */
	o.swapped = pcap_is_swapped(p);
	struct bpfx_program prog;
	struct bpfx_error err;
	if (bpfx_compile(expr, &o, &prog, &err)) {
		/* err.start, err.end: the bytes of expr the message is about */
		fprintf(stderr, "count: %s\n  %s\n  %*s^\n", err.msg, expr, err.start > 0 ? err.start : 0, "");
		pcap_close(p);
		return 2;
	}
	/* bpfx_compile's programs are valid; a program from elsewhere (a
	 * file, the network) must pass bpfx_validate before bpfx_run. */
	if (bpfx_validate(prog.insns, prog.len, &err)) {
		fprintf(stderr, "count: instruction %d: %s\n", err.start, err.msg);
		bpfx_program_free(&prog);
		pcap_close(p);
		return 2;
	}

	struct pcap_pkthdr *h;
	const u_char *pkt;
	unsigned long n = 0, matched = 0;
	int rc;
	while ((rc = pcap_next_ex(p, &h, &pkt)) == 1) {
		n++;
		if (bpfx_run(prog.insns, pkt, h->len, h->caplen)) {
			matched++;
			printf("%lu\n", n);
		}
	}
	if (rc == PCAP_ERROR)
		fprintf(stderr, "count: %s\n", pcap_geterr(p));
	printf("%lu of %lu packets match\n", matched, n);
	bpfx_program_free(&prog);
	pcap_close(p);
	return rc == PCAP_ERROR ? 2 : matched ? 0 : 1;
}
