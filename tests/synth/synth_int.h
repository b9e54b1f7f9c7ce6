/*
 * synth_int.h: what the synth modules share.  A packet is built in a
 * struct pb, a buffer with headroom: transport bytes are appended, then each
 * outer header is prepended, so no layer needs to know what wraps it.
 */
#ifndef SYNTH_INT_H
#define SYNTH_INT_H

#include "synth.h"
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* --- synth.c: generator state and RNG helpers --- */

/* A deliberate fault for this packet, applied by the first layer that can. */
enum fault {
	F_NONE,
	F_IP_CKSUM,  /* IPv4 header checksum off by one */
	F_L4_CKSUM,  /* TCP/UDP/ICMP/ICMPv6/IGMP checksum off by one */
	F_IP_LEN,    /* IPv4 total length / IPv6 payload length off by +-1 */
	F_L4_LEN,    /* UDP length wrong, TCP data offset < 5 */
	F_LINK_LEN,  /* 802.3 length field not the frame's */
	F_COUNT
};

struct gen {
	uint64_t rng;
	const struct synth_opts *o;
	unsigned tcp_flags_ctr; /* cycles through all 256 flag bytes */
	enum fault fault;       /* this packet's fault, cleared once applied */
	int depth;              /* nesting (GRE payloads, ICMP quotes) */
};

uint32_t rn(struct gen *g, uint32_t n);          /* uniform in [0, n) */
uint32_t rrange(struct gen *g, uint32_t lo, uint32_t hi); /* [lo, hi] */
int chance(struct gen *g, unsigned pct);
void fill_random(struct gen *g, uint8_t *p, size_t n);
/* Take the fault f if it is this packet's; returns 1 once. */
int take_fault(struct gen *g, enum fault f);
#define PICK(g, arr) ((arr)[rn((g), ARRAY_LEN(arr))])

/* Append a copy of d (caplen bytes captured of len) to s, whose array
 * has room for *cap packets (grown as needed); the packet's dlt is s's. */
void set_push(struct synth_set *s, size_t *cap, const uint8_t *d, uint32_t caplen, uint32_t len);
/* A set made of hand-built packets (edge.c, words.c), by parts: each
 * adds its packets of link type dlt (or none, for a link type it has
 * nothing for).  set_build empties out, runs the n parts in order and
 * returns 0, or -1 when none of them added a packet. */
struct set_list {
	struct synth_set *s;
	int dlt;
	size_t cap;
};
typedef void set_part(struct set_list *l);
int set_build(struct synth_set *out, int dlt, set_part *const *parts, size_t n);

/* --- packet buffer --- */
#define PB_HEAD 1024
#define PB_SIZE 8192
struct pb {
	uint8_t buf[PB_SIZE];
	size_t head, tail; /* data is buf[head, tail) */
};
void pb_init(struct pb *b);
uint8_t *pb_append(struct pb *b, size_t n);  /* zeroed; aborts on overflow */
uint8_t *pb_prepend(struct pb *b, size_t n); /* zeroed */
void append_random(struct gen *g, struct pb *b, size_t n);
static inline size_t pb_len(const struct pb *b) { return b->tail - b->head; }
static inline uint8_t *pb_data(struct pb *b) { return b->buf + b->head; }

static inline void put16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = v & 0xff; }
static inline void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v & 0xffff);
}
static inline uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/* --- net.c --- */
/* Which network layers net_build may choose (bits). */
enum { NK_IP4 = 1, NK_IP6 = 2, NK_ARP = 4, NK_OTHER = 8, NK_LLC = 16, NK_ALL = 31 };
/* Build one network-layer packet; returns its ethertype, 0 for an 802.2 LLC
 * body (an 802.3 length frame).  *ip_dst4 gets the IPv4 destination (for
 * multicast MACs) or 0. */
uint16_t net_build(struct gen *g, struct pb *b, unsigned allow, uint32_t *ip_dst4);
void net_ip4(struct gen *g, struct pb *b, uint32_t *dst);
void net_ip6(struct gen *g, struct pb *b);

/* The addresses a transport checksum's pseudo-header needs. */
struct l3info {
	int v6;
	uint8_t src[16], dst[16]; /* IPv4 in the first 4 bytes */
};

/* --- transport.c --- */
/* Append a transport segment for proto; `overhead` is the header bytes
 * before it (for payload_len); the checksum covers l3's pseudo-header. */
void transport_build(struct gen *g, struct pb *b, uint8_t proto, const struct l3info *l3,
		     size_t overhead);
uint32_t cksum_add(uint32_t sum, const uint8_t *p, size_t n);
uint16_t cksum_fold(uint32_t sum);
/* Payload length: 0, short, random, or one that makes the IP total length
 * hit 100/576/1500 +-1 given `overhead` bytes of headers before it. */
size_t payload_len(struct gen *g, size_t overhead);

/* --- link.c --- */
/* Frame b (a network packet of `ethertype`, 0 = LLC body) in Ethernet. */
void link_ether(struct gen *g, struct pb *b, uint16_t ethertype, uint32_t ip_dst4);

#endif
