/* decode.h: print packets as tcpdump prints them.  The decoder keeps state
 * across packets (relative TCP sequence numbers, -ttt deltas), so it lives
 * in a context.  Fields below may be added to, never renamed or removed:
 * src/cli/filter.c fills them from tcpdump-style options. */
#ifndef BPFX_DECODE_H
#define BPFX_DECODE_H
#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>
#include <pcap/pcap.h>

/* The -t count, as tcpdump reads it. */
enum dec_tflag {
	DEC_T_TIME,         /* default: HH:MM:SS.uuuuuu, local time */
	DEC_T_NONE,         /* -t: none */
	DEC_T_EPOCH,        /* -tt: seconds since the epoch */
	DEC_T_DELTA,        /* -ttt: since the previous packet */
	DEC_T_DATE,         /* -tttt: date and time */
	DEC_T_SINCE_FIRST,  /* -ttttt: since the first packet */
};

#define DEC_RESP_ANY (-1) /* -T resp: every TCP payload is RESP */
struct dec_opts {
	int nflag;          /* -n count: 1 = no host names, 2 = -nn: no port names */
	int eflag;          /* -e: print the link-level header */
	int vflag;          /* -v count */
	int qflag;          /* -q: quick output */
	int Sflag;          /* -S: absolute TCP sequence numbers */
	int tflag;          /* -t count: enum dec_tflag */
	int xflag;          /* -x count (1 = -x, 2 = -xx) */
	int Xflag;          /* -X count (1 = -X, 2 = -XX) */
	int Aflag;          /* -A */
	int no_cksum;       /* --dont-verify-checksums */
	int resp_port;      /* --decode-as PORT=resp; 0 = none; DEC_RESP_ANY: -T resp */
};

struct dec_ctx;
/* Any link type: those without a printer get a raw one (the link type's
 * name and the packet's length, then the -x/-X/-A dump of all of it).
 * NULL only when out of memory. */
struct dec_ctx *dec_new(const struct dec_opts *o, int linktype);
void dec_packet(struct dec_ctx *d, FILE *out, const struct pcap_pkthdr *h, const uint8_t *pkt);
void dec_free(struct dec_ctx *d);
/* One line on f about the last packet, for tests/decode/compare.py: the
 * printers that ran ("ether ip tcp") and, if the line stopped where
 * tcpdump's goes on into a protocol we don't decode, "> WHAT". */
void dec_report(const struct dec_ctx *d, FILE *f);
#endif
