/* vmpkt.h: packets for the VM's differential test and benchmark: a seeded
 * PRNG, random byte strings, synthesized Ethernet frames (IPv4/IPv6/ARP,
 * TCP/UDP/ICMP, VLAN, IP options, fragments, truncated captures), and
 * real packets read from ../shared/corpus when it exists.  Everything is
 * deterministic for a given seed. */
#ifndef BPFX_VMPKT_H
#define BPFX_VMPKT_H
#include <stddef.h>
#include <stdint.h>

struct vmpkt_rng {
	uint64_t s; /* splitmix64 state */
};

struct vmpkt {
	uint32_t wirelen, caplen; /* caplen <= wirelen */
	uint8_t *data;            /* malloc'd, exactly caplen bytes (>= 1
				   * allocated) so ASan sees any over-read */
};

struct vmpkt_set {
	struct vmpkt *p;
	size_t n, cap;
};

void vmpkt_seed(struct vmpkt_rng *r, uint64_t seed);
uint64_t vmpkt_next(struct vmpkt_rng *r);
uint32_t vmpkt_below(struct vmpkt_rng *r, uint32_t n); /* [0, n), n > 0 */

/* Append count packets of random bytes, wirelen 0..maxlen, and caplen ==
 * wirelen or (a quarter of the time) shorter. */
void vmpkt_add_random(struct vmpkt_set *s, struct vmpkt_rng *r, size_t count, uint32_t maxlen);
/* Append count synthesized Ethernet frames (a fifth truncated). */
void vmpkt_add_synth(struct vmpkt_set *s, struct vmpkt_rng *r, size_t count);
/* Append up to per_file packets from each capture under dir (recursively,
 * in name order).  Returns the number of files read, -1 if dir is absent. */
int vmpkt_add_corpus(struct vmpkt_set *s, const char *dir, size_t per_file);
/* The corpus directory for a source tree: <srcdir>/../shared/corpus. */
void vmpkt_corpus_dir(char *buf, size_t size, const char *srcdir);
void vmpkt_free(struct vmpkt_set *s);
#endif
