/* wrap_wlan.h: 802.11 frames for the tests, bare (DLT_IEEE802_11) or
 * behind a radio header of one of several lengths (radiotap, PPI, AVS,
 * Prism), as the 802.11 link types of src/linktype.c carry them. */
#ifndef SYNTH_WRAP_WLAN_H
#define SYNTH_WRAP_WLAN_H
#include <stdint.h>
#include "synth.h"

/* Is dlt one of the 802.11 link types? */
int synth_wlan_has(int dlt);

/* One EN10MB packet as an 802.11 data frame (its payload behind an
 * LLC+SNAP header, or its own LLC header for an 802.3 frame), with a frame
 * type, DS bits, QoS and radio header chosen from a hash of the packet:
 * most are data frames a filter can look into, some management and
 * control frames, some cut short.  Returns 0 and fills *out (malloc'd),
 * or -1 when dlt is not an 802.11 link type or the frame has no payload. */
int synth_wrap_wlan(const struct synth_pkt *eth, int dlt, struct synth_pkt *out);

/* Hand-built frames: every frame type and subtype pcap-filter(7) names,
 * under each DS combination, with and without QoS, with the addresses the
 * expression list names, under each radio header variant of dlt.
 * Returns 0, or -1 when dlt is not an 802.11 link type. */
int synth_wlan_set(struct synth_set *out, int dlt);
#endif
