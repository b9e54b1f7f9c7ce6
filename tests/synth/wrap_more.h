/* wrap_more.h: Ethernet packets re-wrapped into the link types of
 * src/linktype.c that synth_rewrap does not make (PPP and its variants,
 * Cisco HDLC, SLIP, FDDI, token ring, RFC 1483 ATM, ENC, IPNET), and the
 * link types of kind LT_NOTYPE and LocalTalk (the frame's bytes as they are). */
#ifndef SYNTH_WRAP_MORE_H
#define SYNTH_WRAP_MORE_H
#include <stdint.h>
#include "synth.h"

/* Re-wrap one EN10MB packet into dlt; -1 when dlt is not one of these or
 * the packet has nothing that link type carries. */
int synth_wrap_more(const struct synth_pkt *eth, int dlt, struct synth_pkt *out);

/* n synthesized Ethernet packets (seeded) and the hand-built edge cases,
 * wrapped into dlt; -1 when dlt is not one of these link types. */
int synth_wrap_more_set(struct synth_set *out, int dlt, uint64_t seed, size_t n);

/* Is dlt one of these link types? */
int synth_wrap_more_has(int dlt);
#endif
