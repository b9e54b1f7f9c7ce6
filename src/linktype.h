/* linktype.h: one table of link types, their names and link-layer facts.
 * Code generation reads offsets from here instead of switching on DLT_*. */
#ifndef BPFX_LINKTYPE_H
#define BPFX_LINKTYPE_H
#include <stdint.h>

/* How the link layer says which network protocol follows. */
enum lt_kind {
	LT_ETHER,   /* 14-byte Ethernet II / 802.3+LLC header */
	LT_NULL,    /* 4-byte AF_ value in host byte order (DLT_NULL) */
	LT_LOOP,    /* 4-byte AF_ value in network byte order (DLT_LOOP) */
	LT_RAW,     /* no header; IP version from the first nibble */
	LT_IPV4,    /* no header; always IPv4 */
	LT_IPV6,    /* no header; always IPv6 */
	LT_SLL,     /* Linux cooked v1: 16 bytes, protocol at 14 */
	LT_SLL2,    /* Linux cooked v2: 20 bytes, protocol at 0 */
};

struct linktype {
	const char *name;    /* libpcap's name without DLT_ */
	int dlt;             /* DLT_* value as in <pcap/dlt.h> */
	enum lt_kind kind;
	uint32_t off_nl;     /* offset of the network-layer header */
	int off_type;        /* offset of the type field, -1 if none */
	const char *descr;   /* what tcpdump calls it */
};

const struct linktype *lt_by_dlt(int dlt);
const struct linktype *lt_by_name(const char *name); /* case-insensitive, DLT_ optional */
/* All table entries, in order; *n receives the count. */
const struct linktype *lt_all(int *n);
#endif
