/* ieee80211.h: 802.11 frame control names, as pcap-filter(7) spells them
 * for `type`, `subtype` and `dir` (IEEE 802.11-2020 9.2.4.1). */
#ifndef BPFX_PROTO_IEEE80211_H
#define BPFX_PROTO_IEEE80211_H
#include <stdint.h>

#define P80211_TYPE_MASK 0x0c    /* frame control byte 0: type bits */
#define P80211_SUBTYPE_MASK 0xf0 /* frame control byte 0: subtype bits */
#define P80211_DIR_MASK 0x03     /* frame control byte 1: To DS, From DS */

/* A type name (mgt, ctl, data, ...): 0 and *v (the type bits), -1. */
int p80211_type(const char *name, uint32_t *v);
/* A subtype name of frames of type `type` (its bits): 0 and *v, -1; -2 if
 * `type` has no subtype names. */
int p80211_subtype(uint32_t type, const char *name, uint32_t *v);
/* A subtype name of any type, searched mgt, ctl, data: 0 and *v (type and
 * subtype bits), -1. */
int p80211_any_subtype(const char *name, uint32_t *v);
/* nods, tods, fromds, dstods: 0 and *v, -1. */
int p80211_dir(const char *name, uint32_t *v);
#endif
