/* fuzz_capture.c: capture file bytes -> libpcap's reader -> our decoder.
 *
 * The input is a whole capture file (pcap or pcapng, any byte order, any
 * damage).  It is read from memory (fmemopen + pcap_fopen_offline, the
 * reader `bpfx filter` uses for -r), and every packet libpcap hands out
 * goes through the decoder (dec_new/dec_packet, src/decode/) to /dev/null
 * with four option sets covering -v levels, -e, -x/-X/-A, -n, -q, -S, the
 * timestamp formats, unchecked checksums and RESP decoding, through
 * `bpfx dissect`'s field tables (dis_packet, src/decode/dissect.c) and through
 * bpfx_run with a small fixed program.  Findings: a crash, hang or
 * sanitizer report; a packet with caplen above libpcap's 256 KiB maximum
 * reaching us (we rely on libpcap rejecting those). */
#include "fuzz.h"
#include "bpfx.h"
#include "decode/decode.h"
#include "decode/dissect.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct dec_opts opt_sets[] = {
	{ .nflag = 1 }, /* never 0: names would ask the resolver, even DNS */
	{ .vflag = 1, .eflag = 1, .xflag = 1, .tflag = 2, .nflag = 1 },
	{ .vflag = 3, .nflag = 2, .Xflag = 2, .Sflag = 1, .tflag = 4, .no_cksum = 1, .resp_port = 6379 },
	{ .qflag = 1, .Aflag = 1, .tflag = 3, .xflag = 2, .resp_port = 80, .eflag = 1, .nflag = 1 },
};
#define NSETS (sizeof opt_sets / sizeof opt_sets[0])

static FILE *devnull;
static struct bpfx_program prog;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull) {
		struct bpfx_options o;
		struct bpfx_error err;
		bpfx_options_init(&o);
		if (!(devnull = fopen("/dev/null", "w")) ||
		    bpfx_compile("tcp[13] & 2 != 0 or udp port 53 or ip6", &o, &prog, &err))
			abort();
	}
	if (size == 0)
		return 0; /* fmemopen refuses a zero-length buffer */
	FILE *f = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!f)
		return 0;
	char ebuf[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_fopen_offline(f, ebuf);
	if (!p) {
		fclose(f);
		return 0;
	}
	int dlt = pcap_datalink(p);
	struct dec_ctx *dec[NSETS];
	for (size_t i = 0; i < NSETS; i++)
		dec[i] = dec_new(&opt_sets[i], dlt);
	struct pcap_pkthdr *h;
	const u_char *pkt;
	int n = 0;
	while (n++ < 10000 && pcap_next_ex(p, &h, &pkt) == 1) {
		if (h->caplen > 262144)
			fuzz_fail("fuzz_capture", "libpcap returned caplen > 262144", data, size, NULL, 0);
		/* An exact-size copy, so a read past caplen is reported
		 * (libpcap's own buffer is larger). */
		uint8_t *copy = malloc(h->caplen ? h->caplen : 1);
		if (!copy)
			abort();
		memcpy(copy, pkt, h->caplen);
		for (size_t i = 0; i < NSETS; i++)
			if (dec[i])
				dec_packet(dec[i], devnull, h, copy);
		if (dis_linktype_ok(dlt))
			(void)dis_packet(devnull, "fuzz", (unsigned long)n, dlt, h, copy);
		if (dlt == 1)
			(void)bpfx_run(prog.insns, copy, h->len, h->caplen);
		free(copy);
	}
	for (size_t i = 0; i < NSETS; i++)
		if (dec[i])
			dec_free(dec[i]);
	pcap_close(p); /* closes f */
	return 0;
}
