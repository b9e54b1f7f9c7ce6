/* linktype.h: one table of link types, their names and link-layer facts.
 * Code generation reads offsets from here instead of switching on DLT_*:
 * a link type is a row (how its header names the network protocol, where
 * the fields are, which link-layer primitives it has), and each kind has
 * one small function in src/gen/link.c. */
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
	/* the kinds below have no decoder of their own yet */
	LT_ENC,     /* an AF_ value in host byte order at 0, as LT_NULL */
	LT_SLIP,    /* no type field: libpcap reads the version nibble of
		     * the link header's first byte (not the IP header's) */
	LT_PPP,     /* PPP protocol number at off_type (ethertypes mapped) */
	LT_PPP_BSDOS, /* the same, IPv4 also as Van Jacobson (un)compressed */
	LT_CHDLC,   /* an ethertype at off_type, ISO as 0xfefe */
	LT_LLC,     /* an 802.2 LLC header at off_type; SNAP assumed for
		     * ethertypes (the type 6 bytes in), DSAP for SAPs */
	LT_IPNET,   /* Solaris ipnet: an IPH_AF_ byte at off_type */
	LT_ETHER_PH, /* Ethernet behind a pseudo-header (off_linkhdr) */
	LT_ETYPE,   /* an ethertype at off_type, compared as it is */
	LT_SUNATM,  /* SunATM: LLC traffic (low nibble of byte 0 is 2), then
		     * LT_LLC's tests at off_type */
	LT_FRELAY,  /* Frame Relay: a Q.933 control byte and NLPID at off_type */
	LT_ARCNET,  /* an ARCNET protocol byte at off_type (two for IPv4, ARP) */
	LT_NOTYPE,  /* no network protocol libpcap can test (`no_type` says
		     * what it calls the link type in its refusal) */
	LT_MAGIC,   /* a magic word at 0 (`magic` under `magic_mask`) is all
		     * libpcap tests for any network protocol (Juniper's
		     * "MGC" cookie, BACnet MS/TP's 0x55ff preamble) */
	LT_WLAN,    /* 802.11 (maybe behind a radio header, `wlan_hdr`): the
		     * header's length is read from the packet, so off_nl and
		     * off_type count from the end of the 802.11 header (an
		     * LLC+SNAP header there) and off_linkhdr from the end of
		     * the radio header (src/gen/wlan.c) */
	LT_PFLOG,   /* OpenBSD pflog: an AF_ byte (host values) at off_type; the
		     * network layer after the header, whose length (rounded
		     * up to 4) is read from the packet (src/gen/pflog.c) */
	LT_LTALK,   /* LocalTalk: no type field; only AppleTalk is carried,
		     * so `atalk` is true and every other protocol false */
	LT_NKINDS
};

/* Where a link header says in which direction the packet went, for
 * `inbound`/`outbound`: a field equal to `in` or `out`; LT_DIR_NOT for one
 * of them means "the field is not equal to the other". */
#define LT_DIR_NOT 0xffffffffu
struct lt_dir {
	int off;             /* -1: the header does not say */
	int size;            /* 1 or 2 bytes */
	uint32_t in, out;
	uint32_t mask;       /* of the field's bits; 0: all */
	int rel;             /* libpcap computes it as a relation (`link[0] = 0`):
			      * for opt/weak.c's model of its optimizer */
};

/* The radio header before an 802.11 header, whose length libpcap reads
 * from the packet (LT_WLAN). */
enum lt_wlanhdr {
	LTW_NONE,            /* the 802.11 header at 0 */
	LTW_RADIOTAP,        /* radiotap: little-endian it_len at 2 */
	LTW_PPI,             /* PPI: little-endian pph_len at 2 */
	LTW_AVS,             /* AVS: big-endian header length at 4 */
	LTW_PRISM,           /* Prism: 144 bytes, or an AVS header */
};

/* Link-layer primitives a link type has (libpcap refuses the others). */
enum {
	LTF_VLAN = 1,        /* `vlan` */
	LTF_MPLS = 2,        /* `mpls` */
	LTF_LLC = 4,         /* `llc` */
	LTF_ARCBCAST = 8,    /* link broadcast/multicast: ARCNET's 1-byte
			      * destination (at 1) is 0 */
	LTF_P80211 = 0x100,  /* 802.11 `type`, `subtype`, `dir` */
	LTF_LANE = 0x200,    /* Ethernet after SunATM's `lane`: not an LE Control
			      * frame (src/gen/atm.c) before Ethernet's tests */
};

struct linktype {
	const char *name;    /* libpcap's name without DLT_ */
	int dlt;             /* DLT_* value as in <pcap/dlt.h> */
	enum lt_kind kind;
	uint32_t off_nl;     /* offset of the network-layer header */
	int off_type;        /* offset of the type field (LT_LLC: of the LLC
			      * header), -1 if none */
	const char *descr;   /* what tcpdump calls it */
	int off_mac;         /* destination MAC, -1: none */
	int off_src;         /* source MAC (when off_mac >= 0) */
	uint32_t off_linkhdr; /* where `ether[...]` starts (and, as libpcap
			       * adds it, an offset on the live metadata) */
	unsigned flags;      /* LTF_* */
	struct lt_dir dir;
	const char *no_type; /* LT_NOTYPE: the link type in the refusal */
	enum lt_wlanhdr wlan_hdr; /* LT_WLAN: the radio header before 802.11 */
	uint32_t magic, magic_mask; /* LT_MAGIC: the word at 0 */
	int nlpid;           /* LT_MAGIC: where libpcap reads the ISO NLPID,
			      * relative to off_nl (its off_nl_nosnap) */
};

const struct linktype *lt_by_dlt(int dlt);
const struct linktype *lt_by_name(const char *name); /* case-insensitive, DLT_ optional */
/* All table entries, in order; *n receives the count. */
const struct linktype *lt_all(int *n);
#endif
