/* html.h: one self-contained HTML page that links a packet's bytes, its
 * header fields, a filter's instructions and the expression they come from
 * (`bpfx explain --html`, `bpfx dissect --html`).
 *
 * The page is built only from what the teaching modules already know:
 * explain (instructions, spans, annotations), trace (the run on the
 * packet) and dissect's rows (src/decode/dis_view.h).  The links are plain
 * data in the markup, so a reader without JavaScript, a script and a test
 * all see the same facts:
 *   - each byte cell      data-off="14"  (the ASCII column: data-aoff)
 *   - each field row      data-first="14" data-len="1" data-hdr="ip4"
 *   - each instruction    data-pc, data-reads="14 15" (packet offsets it
 *                         loads: always for absolute loads, for indexed
 *                         loads as computed on this packet when the trace
 *                         reaches them), data-span="0-14"
 *   - the verdict         id="verdict" data-verdict="accept|reject" data-ret
 * A small inline script adds the highlighting (hover or focus); the page
 * fetches nothing. */
#ifndef BPFX_HTML_H
#define BPFX_HTML_H
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <pcap/pcap.h>
#include "explain.h"

struct html_packet {
	const char *file;              /* the capture's name as shown */
	unsigned long index;           /* 1-based, as tcpdump counts */
	int dlt;                       /* its link type */
	const struct pcap_pkthdr *h;
	const uint8_t *pkt;
};

/* Write the page: e the annotated program (NULL: the packet alone), p the
 * packet (NULL: the program alone).  0, or -1 out of memory. */
int html_page(FILE *out, const struct explain *e, const struct html_packet *p);
#endif
