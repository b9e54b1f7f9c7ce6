/* kvlan.c: `vlan` on a live Linux capture.  Before a socket filter runs,
 * the kernel takes the outermost 802.1Q/802.1ad tag of a received frame
 * out of the data into the packet's metadata, which the filter reads with
 * the ancillary loads vlan_avail (SKF_AD_VLAN_TAG_PRESENT) and vlan_tci
 * (SKF_AD_VLAN_TAG).  So for a live capture libpcap compiles the first
 * `vlan` of an Ethernet expression to accept either, and every offset
 * after it moves by 4 only when the tag was in the data: the shift lives
 * in a scratch cell, 0 from the start, 4 once that `vlan` found no tag in
 * the metadata, and later loads read `ldx M[cell]; ld [x + k]`.  We do the
 * same, for the same verdict on every packet (tests/cli/live-vlan.sh
 * checks it against tcpdump on a veth pair).
 *
 * The generator passes offsets as numbers, so an offset after such a vlan
 * is a number in a window: KVLAN_VAR + k means "the cell's value + k", and
 * cond_ins hands a load in the window to kvlan_load.  (wlan.c does the
 * same for 802.11's offsets read from the packet.) */
#include "gen/gen.h"
#include "isa.h"
#include <sys/types.h>
#include <pcap/bpf.h>

#define KVLAN_VAR 0x60000000u
#define KVLAN_SPAN 0x01000000u
#define KVLAN_CELLS 2 /* libpcap keeps two (link type and payload shifts) */
#define DLT_NETANALYZER_ 240
#define DLT_NETANALYZER_TRANSPARENT_ 241

int kvlan_on(const struct gen *g)
{
	return g->kvlan && !g->ip6w && !g->geneve &&
	       (g->lt->dlt == DLT_EN10MB || g->lt->dlt == DLT_NETANALYZER_ || g->lt->dlt == DLT_NETANALYZER_TRANSPARENT_);
}

int kvlan_cells(const struct gen *g)
{
	return g->kvlan_used ? KVLAN_CELLS : 0;
}

/* The cell: the top of scratch memory below ip6walk's (arith.c allocates
 * from the bottom). */
static uint32_t cell(const struct gen *g)
{
	return (uint32_t)(BPF_MEMWORDS - 1 - ip6w_cells(g));
}

uint32_t kvlan_off(const struct gen *g, uint32_t off)
{
	/* after the first vlan, the 4 bytes of its tag are the cell's */
	return kvlan_on(g) && g->vlan >= 1 ? KVLAN_VAR + off - 4 : off;
}

int kvlan_var(uint32_t off)
{
	return off - KVLAN_VAR < KVLAN_SPAN;
}

int kvlan_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k)
{
	if (!kvlan_var(k) || !cond_is_load(code))
		return 0;
	uint32_t rel = k - KVLAN_VAR;
	cond_var_load(g, c, code, rel, cell(g));
	return 1;
}

void kvlan_index_x(struct gen *g, struct cond *c, uint32_t base)
{
	if (kvlan_var(base)) {
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell(g));
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
	}
}

static struct cond *ancillary(struct gen *g, uint32_t ad, uint16_t jop, uint32_t v, uint32_t mask)
{
	return cond_cmp(g, ISA_SKF_AD_OFF + ad, 1, jop, v, mask);
}

/* The first vlan: a tag in the metadata, or (the shift set to 4 first) a
 * tag in the data; with an id, the metadata's or the data's TCI. */
struct cond *kvlan_vlan(struct gen *g, const struct ast *n)
{
	g->kvlan_used = 1;
	uint32_t off = (uint32_t)g->lt->off_type;
	struct cond *shift = cond_test(g);
	cond_ins(g, shift, BPF_LD | BPF_IMM, 4);
	cond_ins(g, shift, BPF_ST, cell(g));
	cond_ins(g, shift, BPF_LD | BPF_H | BPF_ABS, off);
	cond_jump(shift, BPF_JEQ, 0x8100);
	struct cond *in_data = cond_or(g, cond_or(g, shift, cond_cmp(g, off, 2, BPF_JEQ, 0x88a8, 0xffffffff)),
				       cond_cmp(g, off, 2, BPF_JEQ, 0x9100, 0xffffffff));
	struct cond *c = cond_or(g, ancillary(g, ISA_SKF_AD_VLAN_TAG_PRESENT, BPF_JEQ, 1, 0xffffffff), in_data);
	if (n->has_num) {
		struct cond *meta = cond_and(g, ancillary(g, ISA_SKF_AD_VLAN_TAG_PRESENT, BPF_JEQ, 1, 0xffffffff),
					     ancillary(g, ISA_SKF_AD_VLAN_TAG, BPF_JEQ, n->num, 0x0fff));
		struct cond *data = cond_and(g, cond_not(g, ancillary(g, ISA_SKF_AD_VLAN_TAG_PRESENT, BPF_JEQ, 1, 0xffffffff)),
					     cond_cmp(g, off + 2, 2, BPF_JEQ, n->num, 0x0fff));
		c = cond_and(g, c, cond_or(g, meta, data));
	}
	return c;
}

/* The shift is 0 until a vlan sets it: zero the cell first. */
struct cond *kvlan_prologue(struct gen *g, struct cond *c)
{
	if (!c || !g->kvlan_used)
		return c;
	struct cond *z = cond_test(g);
	cond_ins(g, z, BPF_LD | BPF_IMM, 0);
	cond_ins(g, z, BPF_ST, cell(g));
	return cond_and(g, cond_jump(z, BPF_JGE, 0), c);
}
