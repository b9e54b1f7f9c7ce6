/*
 * synth: a deterministic packet synthesizer for the test suite.
 *
 * The tests need no capture file from outside the repository: they make
 * their own packets here.  A set is fully determined by (dlt, seed, n, opts),
 * and packet i does not depend on n, so a set of 1,000 packets is a prefix of
 * a set of 20,000 with the same seed.  Field values are drawn to hit the edges
 * that pcap-filter(7) expressions test: the hosts, nets, ports and MACs the
 * differential test's expression list names (mixed with random ones), every
 * TCP flag byte, IPv4 options and fragments, IPv6 extension-header chains,
 * VLAN/QinQ/MPLS stacks, 802.3/LLC frames, lengths around 100 and 576,
 * truncated captures, and a few deliberately wrong checksums and length
 * fields (see struct synth_opts).
 *
 * Every set is built as Ethernet first and re-wrapped (synth_rewrap) into the
 * other link types, so the same layers appear under every link header.
 *
 * Use from another test: #include "synth.h" with $(SYNTH_CFLAGS) in the
 * test's CFLAGS (it adds -I for tests/synth) and $(SYNTH_LIBS) first in its
 * LDADD, e.g. in a local.mk:
 *   tests_diff_x_CFLAGS = $(TEST_CFLAGS) $(SYNTH_CFLAGS)
 *   tests_diff_x_LDADD = $(SYNTH_LIBS) $(TEST_LDADD)  Everything here is reentrant; sets may be built from
 * several threads.
 *
 *   struct synth_set s;
 *   synth_generate(&s, DLT_EN10MB, 1, 20000);
 *   for (size_t i = 0; i < s.n; i++) run(s.pkts[i].data, s.pkts[i].len, s.pkts[i].caplen);
 *   synth_set_free(&s);
 *
 * Module map:
 *   synth.c      sets, options, RNG, pcap output, the generate loop
 *   link.c       Ethernet/VLAN/MPLS/LLC framing; re-wrapping to other DLTs
 *   net.c        IPv4 (options, fragments), IPv6 (extension headers), ARP
 *   transport.c  TCP, UDP, ICMP, ICMPv6, SCTP, IGMP, GRE, ESP, VRRP; checksums
 *   layout.c     a small dissector (synth_layout) and synth_mutate
 *   edge.c       the fixed list of hand-built packets (synth_edges)
 */
#ifndef SYNTH_H
#define SYNTH_H

#include <stddef.h>
#include <stdint.h>

struct synth_pkt {
	uint32_t caplen, len; /* captured bytes <= bytes on the wire */
	uint8_t *data;        /* malloc'd, caplen bytes */
	int dlt;              /* link type of data; set by synth_generate/rewrap,
			       * used by synth_mutate to find the fields to hit */
};

struct synth_set {
	struct synth_pkt *pkts; /* malloc'd array of n */
	size_t n;
	int dlt;
};

/* Knobs; synth_opts_default() gives what synth_generate uses. */
struct synth_opts {
	unsigned trunc_pct; /* % of packets with caplen < len, cut inside a header (5) */
	unsigned fault_pct; /* % with a deliberately wrong checksum or length field (3) */
	unsigned pad_pct;   /* % of short Ethernet frames padded to 60 bytes (30) */
};
void synth_opts_default(struct synth_opts *o);

/* n packets of link type dlt (DLT_EN10MB, DLT_RAW, DLT_IPV4, DLT_IPV6,
 * DLT_NULL, DLT_LOOP, DLT_LINUX_SLL, DLT_LINUX_SLL2), deterministic for a
 * given seed.  Returns 0, or -1 for an unsupported dlt or no memory (then
 * *out is empty).  synth_generate_opts with o == NULL is synth_generate. */
int synth_generate(struct synth_set *out, int dlt, uint64_t seed, size_t n);
int synth_generate_opts(struct synth_set *out, int dlt, uint64_t seed, size_t n,
			const struct synth_opts *o);

/* Re-wrap an EN10MB packet into link type dlt: strip Ethernet (and, for the
 * IP-only link types, VLAN tags and MPLS labels) and prepend the other link
 * header.  Linux SLL/SLL2 keep VLAN/MPLS (protocol = outer ethertype) and carry
 * 802.3 frames as protocol 0x0004 (802.2 LLC).  NULL/LOOP use AF_INET (2), or
 * for IPv6 one of the BSD values 24, 28, 30 (chosen from the packet bytes).
 * Returns 0 and fills *out (a new malloc'd copy), or -1 if not representable
 * (ARP into RAW, IPv6 into IPV4, a capture cut before the network header).
 * dlt == DLT_EN10MB copies. */
int synth_rewrap(const struct synth_pkt *eth, int dlt, struct synth_pkt *out);

/* Carry an EN10MB packet in a PPPoE session (RFC 2516): after its VLAN
 * tags, the ethertype becomes 0x8864 and a PPPoE header (version 1, type 1,
 * code 0, the session id, the length) and the PPP protocol number follow:
 * 0x0021 for IPv4, 0x0057 for IPv6, 0x0281 for MPLS, any other ethertype
 * as it is (so wrapping twice nests two sessions).  Returns 0 and fills
 * *out (malloc'd), or -1 for an 802.3 frame or one cut inside its tags. */
int synth_pppoe(const struct synth_pkt *eth, uint16_t session, struct synth_pkt *out);

/* Mutate in place with a seeded RNG: overwrite 1-3 bytes, chosen mostly from
 * the ones filters read (link type fields, IP version/IHL, protocol, fragment
 * offset, IPv6 next header, ports, TCP data offset and flags), sometimes
 * anywhere; or cut caplen at or near a header boundary.  len is kept. */
void synth_mutate(struct synth_pkt *p, uint64_t *rng);

/* A fixed list of hand-built packets of link type dlt (edge.c), for the
 * expressions the random sets rarely satisfy: every LLC U and S frame
 * type, MPLS stacks over IP/TCP, nested PPPoE sessions, RARP, host and
 * port pairs, chosen UDP/IGRP/SCTP payloads, and for NULL/LOOP IPv6 under
 * each AF_INET6 value (10, 24, 28, 30) in both byte orders.  Returns 0, or
 * -1 for an unsupported dlt (then *out is empty). */
int synth_edges(struct synth_set *out, int dlt);

/* IPv4 and IPv6 header chains of 0 to 10 headers as libpcap's protochain
 * walks them (chain.c), also cut short, behind a VLAN tag, and four on
 * which its loop never ends, in link type dlt.  Returns 0, or -1 for a
 * link type that carries no IP (then *out is empty). */
int synth_chains(struct synth_set *out, int dlt);

/* Frames for the protocol words (words.c): DEC ethertypes and DECnet
 * routing headers, AppleTalk, AARP and IPX by ethertype and on 802.2,
 * spanning tree, NetBEUI, and ISO CLNP, ES-IS and IS-IS PDUs, in link
 * type dlt.  Returns 0, or -1 if none can be carried (*out empty). */
int synth_words(struct synth_set *out, int dlt);

/* Geneve packets (geneve.c): UDP to 6081 over IPv4 and IPv6, Geneve
 * versions 0 and 1 with options, inner Ethernet (with VLAN tags) or bare
 * IP, carrying TCP, UDP, ARP, 802.2, MPLS or a second Geneve packet, also
 * cut short, in link type dlt.  Returns 0, or -1 if none can be carried. */
int synth_geneve(struct synth_set *out, int dlt);

/* One IPv4 TCP (proto 6) or UDP (17) packet with these addresses and
 * ports, in link type dlt.  Returns 0 and fills *out (malloc'd), or -1. */
int synth_ip4(int dlt, uint32_t src, uint32_t dst, uint8_t proto, uint16_t sport, uint16_t dport,
	      struct synth_pkt *out);

void synth_set_free(struct synth_set *s);
void synth_pkt_free(struct synth_pkt *p);

/* Write the set as a pcap savefile through libpcap's pcap_dump (snaplen
 * 262144, timestamps 1 ms apart).  Returns 0, or -1 with a message on stderr. */
int synth_write_pcap(const char *path, const struct synth_set *s);

/* The RNG (splitmix64): *state is the whole state; any value is a seed. */
uint64_t synth_rand(uint64_t *state);

/* Where the layers of a packet are, as synth itself reads them (a small
 * dissector, used by synth_mutate and the tests).  Offsets are -1 when the
 * layer is absent or not captured. */
struct synth_layout {
	int type_off;     /* link type/length field, AF or SLL protocol */
	int l3_off;       /* IPv4/IPv6/ARP header */
	uint16_t ethertype; /* network protocol after VLAN/MPLS/LLC-SNAP, 0 unknown */
	int nvlan, nmpls; /* tags and labels skipped */
	int llc;          /* 1: 802.3 length frame */
	int ipv;          /* 4, 6, or 0 */
	int proto_off;    /* IPv4 protocol byte, or the last IPv6 next-header byte */
	int frag_off;     /* IPv4 flags/offset, or IPv6 fragment header offset field */
	int nonfirst;     /* a fragment with offset != 0 (no transport header) */
	int next_hdrs;    /* IPv6 extension headers walked */
	uint8_t proto;    /* transport protocol number */
	int l4_off;       /* transport header */
};
void synth_layout(const uint8_t *d, uint32_t caplen, int dlt, struct synth_layout *l);

#endif
