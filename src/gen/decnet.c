/* decnet.c: `decnet host AREA.NODE` (and src/dst/net), as libpcap
 * compiles it.
 *
 * A DECnet Phase IV routing header starts, after its 2-byte length, with
 * a flags byte: bit 7 set means one byte of padding came first, and the
 * low 3 bits say long (6) or short (2) data header.  The destination and
 * source addresses are 16-bit little-endian words (area << 10 | node) at
 * 1 and 3 bytes past the flags in a short header, and inside the long
 * header's area/HIORD fields at 7 and 15.  libpcap tests all four shapes,
 * comparing the loaded (big-endian) word with the byte-swapped address.
 * (It swaps with ntohs, so on a big-endian host its programs differ;
 * bpfx gives the little-endian hosts' programs, which tcpdump runs on
 * x86 and ARM.) */
#include "gen/gen.h"
#include "error.h"
#include <pcap/bpf.h>

#define ETHERTYPE_DN 0x6003

/* One shape: flags (after the 2-byte length) masked equal, and the
 * address at `at` past the flags. */
static struct cond *shape(struct gen *g, int size, uint32_t flags, uint32_t mask, uint32_t at, uint32_t a)
{
	uint32_t base = gen_off_linkpl(g) + 2;
	return cond_and(g, cond_cmp(g, base, size, BPF_JEQ, flags, mask), cond_cmp(g, base + at, 2, BPF_JEQ, a, 0xffffffff));
}

/* One direction: short header at sh, long at lh, past the flags. */
static struct cond *dnhost1(struct gen *g, uint16_t addr, uint32_t sh, uint32_t lh)
{
	uint32_t a = (uint32_t)(uint16_t)(addr << 8 | addr >> 8);
	struct cond *c = shape(g, 2, 0x8106, 0xff07, 1 + lh, a);     /* padded, long */
	c = cond_or(g, shape(g, 1, 0x06, 0x07, lh, a), c);            /* long */
	c = cond_or(g, shape(g, 2, 0x8102, 0xff07, 1 + sh, a), c);    /* padded, short */
	c = cond_or(g, shape(g, 1, 0x02, 0x07, sh, a), c);            /* short */
	return cond_and(g, gen_linktype(g, ETHERTYPE_DN), c);
}

struct cond *gen_dnhost(struct gen *g, uint16_t addr, int dir)
{
	switch (dir) {
	case D_SRC: return dnhost1(g, addr, 3, 15);
	case D_DST: return dnhost1(g, addr, 1, 7);
	case D_AND: return cond_and(g, dnhost1(g, addr, 3, 15), dnhost1(g, addr, 1, 7));
	default: return cond_or(g, dnhost1(g, addr, 3, 15), dnhost1(g, addr, 1, 7));
	}
}
