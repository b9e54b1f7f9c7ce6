/* dis.h: what dissect.c, dis_link.c, dis_net.c and dis_tp.c share.
 *
 * A header function has the shape dis_<proto>(d, off): off is the packet
 * offset of the header's first byte.  It prints one table section through
 * dis_section / dis_field / dis_val and returns 0, or -1 when it stopped
 * (the capture ends inside the header, or the header is not valid); the
 * reason has been printed by then.  Reads go through dis_field (which
 * checks the bytes were captured) or dis_has + dis_at. */
#ifndef BPFX_DIS_H
#define BPFX_DIS_H
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "decode/dec.h"
#include "decode/dissect.h"
#include "linktype.h"
#include "proto/proto.h"

#define DIS_MAXMARK 24

/* How a filter expression names a header's bytes: `tcp[13]` is byte 13
 * of the TCP header; over IPv6 libpcap has no tcp[], so `ip6[53]`. */
struct dis_hdr {
	const char *name;          /* "IPv4": heading and hex dump mark */
	uint32_t off;              /* packet offset of the header's byte 0 */
	const char *expr;          /* "ip", "tcp", "ip6", "ether", "link", NULL: none */
	uint32_t expr_off;         /* offset of byte 0 inside expr[] (ip6: 40 for TCP) */
};

/* Where a header (or the payload, or the end) begins, for the hex dump. */
struct dis_mark {
	uint32_t off;              /* packet offset */
	const char *name;          /* "IPv4", "payload", "end" */
};

/* What the network layer tells the transport layer and the payload. */
struct dis_net {
	int v6;                    /* 0 IPv4, 1 IPv6 */
	uint32_t off;              /* IPv4 or IPv6 header */
	uint32_t hlen;             /* IPv4 header length, or 40 + extension headers */
	uint32_t total;            /* IPv4 total length, or 40 + IPv6 payload length */
	int nonfirst;              /* a fragment other than the first: no transport header */
	int fragment;              /* any fragment: transport checksum not verifiable */
};

struct dis {
	FILE *out;                 /* the tables (the hex dump goes first, elsewhere) */
	const uint8_t *pkt;        /* captured bytes */
	uint32_t caplen;           /* bytes captured */
	uint32_t wirelen;          /* bytes on the wire */
	int truncated;             /* the capture ended inside a header */
	int vlan;                  /* a VLAN tag came before the network header */
	struct dis_mark marks[DIS_MAXMARK];
	int nmarks;
	const char *pending_raw;   /* raw text left for continuation lines */
	char rawbuf[160];          /* holds the raw column of the current row */
	/* dis_view (dis_view.c): told of each row once its columns before
	 * the value are written; NULL for the text tables */
	void (*row)(struct dis *d, const struct dis_hdr *h, uint32_t first, unsigned bit, unsigned bits,
		    const char *name, const char *expr);
	void *row_ctx;
};

/* --- dissect.c: table rows, reading, checksums --- */
static inline int dis_has(const struct dis *d, uint32_t off, uint32_t n)
{
	return off <= d->caplen && d->caplen - off >= n;
}
static inline unsigned dis_u8(const struct dis *d, uint32_t off)
{
	return d->pkt[off];
}
static inline unsigned dis_u16(const struct dis *d, uint32_t off)
{
	return dec_get_be16(d->pkt + off);
}
static inline uint32_t dis_u32(const struct dis *d, uint32_t off)
{
	return dec_get_be32(d->pkt + off);
}
void dis_mark(struct dis *d, uint32_t off, const char *name);
/* The section heading for a header of len bytes (len 0: not known yet). */
void dis_section(struct dis *d, const struct dis_hdr *h, uint32_t len, const char *what);
/* Check the capture holds n bytes at packet offset off; if not, print
 * where it stops, naming `what`, and return -1. */
int dis_need(struct dis *d, uint32_t off, uint32_t n, const char *what);
/* One field of `bits` bits starting `bit` bits (0 = most significant) into
 * byte `off` of header h.  Checks the bytes were captured (else -1, as
 * dis_need), prints the row up to the value column and stores the value
 * in *v (fields wider than 64 bits: only checked).  dis_val finishes the
 * row with the value and its meaning. */
int dis_field(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, unsigned bits,
	      const char *name, uint64_t *v);
void dis_val(struct dis *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A whole-byte-aligned field shown as a plain number (then `unit`, "" or
 * " bytes"), or in hex with as many digits as it has nibbles. */
int dis_uint(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bits, const char *name, const char *unit,
	     uint64_t *v);
int dis_hex(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bits, const char *name, uint64_t *v);
/* The same as dis_uint for a field `bit` bits into byte off. */
int dis_bits(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, unsigned bits, const char *name,
	     const char *unit, uint64_t *v);
/* A one-bit flag, `bit` bits into byte off: "1: SET" or "0: CLEAR". */
int dis_flag(struct dis *d, const struct dis_hdr *h, uint32_t off, unsigned bit, const char *name, const char *set,
	     const char *clear, uint64_t *v);
/* n bytes of data at off (none: no row), shown as their count and unit. */
int dis_data(struct dis *d, const struct dis_hdr *h, uint32_t off, uint32_t n, const char *name, const char *unit);
/* A line of prose under a table (indented). */
void dis_note(struct dis *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Show one checksum computed step by step.  Parts are added in order;
 * each is labelled; `field` is what the packet holds. */
struct dis_part {
	const uint8_t *p;
	size_t n;
	long zero_at;              /* checksum field offset in p, or -1 */
	const char *label;
};
uint16_t dis_cksum_show(struct dis *d, const char *title, const struct dis_part *parts, int nparts,
			unsigned field);

/* --- dis_link.c --- */
int dis_link(struct dis *d, int dlt);

/* --- dis_net.c --- */
int dis_ethertype(struct dis *d, unsigned type, uint32_t off);
int dis_arp(struct dis *d, uint32_t off);
int dis_ip4(struct dis *d, uint32_t off);
int dis_ip6(struct dis *d, uint32_t off);
const char *dis_ipproto_name(unsigned p);

/* The options after a 20-byte IPv4 or TCP header, up to hlen. */
struct dis_optform {
	const struct proto_table *names; /* kinds, named in PROTO_DISSECT */
	int ipv4;                  /* show the IPv4 kind's copied/class/number bits */
	/* the data of one option at `at`, len bytes with kind and length */
	int (*data)(struct dis *d, const struct dis_hdr *h, uint32_t at, unsigned kind, uint32_t len);
};
int dis_options(struct dis *d, const struct dis_hdr *h, uint32_t hlen, const struct dis_optform *f);
/* An option's data as bytes (nothing for a 2-byte option). */
int dis_option_data(struct dis *d, const struct dis_hdr *h, uint32_t at, unsigned kind, uint32_t len);

/* --- dis_tp.c --- */
int dis_transport(struct dis *d, const struct dis_net *n, unsigned proto, uint32_t off);
#endif
