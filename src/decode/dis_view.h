/* dis_view.h: dissect's field table as data rather than text, for views
 * that draw the packet (the HTML page of src/html.c).  The rows are the
 * ones `bpfx dissect` prints, read by the same header walk (dis_link and
 * what it calls): each row says which bytes and bits the field covers,
 * which header it belongs to, its pcap-filter expression and its value as
 * the text table shows it.  The marks say where each header (and the
 * payload) begins, as the text hex dump marks them. */
#ifndef BPFX_DIS_VIEW_H
#define BPFX_DIS_VIEW_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <pcap/pcap.h>

#define DIS_VIEW_MARKS 24

struct dis_vrow {
	char hdr[48];                /* the header, as dis_hdr names it: "IPv4", "VLAN tag" */
	uint32_t first;              /* packet offset of the field's first byte */
	uint32_t nbytes;             /* bytes it touches */
	unsigned bit, bits;          /* first bit in that byte (0 = most significant), width */
	char name[64];               /* "protocol" */
	char expr[96];               /* "ip[9]", "" when no load names it */
	char value[256];             /* the value column of the text table */
	long valpos;                 /* where the value starts in the text (internal) */
};

struct dis_vmark {
	uint32_t off;                /* packet offset where it begins */
	const char *name;            /* "IPv4", "payload", "trailer" (static) */
};

struct dis_view {
	struct dis_vrow *rows;       /* malloc'd, n of them */
	size_t n, cap;
	struct dis_vmark marks[DIS_VIEW_MARKS];
	int nmarks;
	int truncated;               /* the capture ends inside a header */
	int nomem;
};

/* Walk the packet's headers as dis_packet does; 0, or -1 out of memory.
 * dlt must be one dis_linktype_ok accepts. */
int dis_view(struct dis_view *v, int dlt, const struct pcap_pkthdr *h, const uint8_t *pkt);
void dis_view_free(struct dis_view *v);
#endif
