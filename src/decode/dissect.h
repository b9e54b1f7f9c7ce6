/* dissect.h: `bpfx dissect`'s field tables.  One packet becomes a table per
 * header: where each field sits in the packet, how wide it is, its raw
 * bits, the filter expression that loads it (`tcp[13] & 16`), its value and
 * what the value means; checksums are recomputed with every step of the
 * one's-complement arithmetic shown; a hex dump marks where each header
 * begins.  Every read is checked against the captured length, and a
 * truncated packet says where the capture stops.
 *
 * Module map (src/decode/): dissect.c (the driver, table rows, checksums,
 * hex dump), dis_link.c (link headers), dis_net.c (ARP, PPPoE, IPv4, IPv6
 * and its extension headers), dis_tp.c (TCP, UDP, ICMP, ICMPv6 and the
 * payload, RESP decoded); dis.h is what they share.  Protocol numbers and
 * names come from src/proto/, checksum arithmetic from cksum.c. */
#ifndef BPFX_DISSECT_H
#define BPFX_DISSECT_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <pcap/pcap.h>

/* 1 if dissect reads this link type (EN10MB, RAW, IPV4, IPV6, NULL, LOOP,
 * LINUX_SLL, LINUX_SLL2). */
int dis_linktype_ok(int dlt);

/* Print the tables for one packet; `file` and `index` (1-based) only name
 * it in the heading.  Returns 0 when every header was read to its end, 1
 * when the capture stopped inside one (the output says where). */
int dis_packet(FILE *out, const char *file, unsigned long index, int dlt,
	       const struct pcap_pkthdr *h, const uint8_t *pkt);

/* The Internet checksum (RFC 1071) as a person computes it: add the 16-bit
 * words, fold the carries back in, invert. */
struct dis_cksum {
	uint64_t sum;          /* plain sum of the words, no folding yet */
	unsigned nwords;       /* words added (an odd last byte is padded with 0) */
	uint32_t fold[4];      /* sum after each fold of the carry into the low 16 bits */
	int nfold;             /* how many folds were needed (0 when sum <= 0xffff) */
	uint16_t result;       /* ~folded sum: what the checksum field should hold */
};
/* Add n bytes; the 16-bit field at byte offset zero_at of p (even, or -1
 * for none) is counted as 0, as when the sender computed it. */
void dis_cksum_add(struct dis_cksum *c, const uint8_t *p, size_t n, long zero_at);
/* Fold the carries and invert: fills fold[], nfold and result. */
void dis_cksum_finish(struct dis_cksum *c);
#endif
