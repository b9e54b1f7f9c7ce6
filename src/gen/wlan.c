/* wlan.c: 802.11, bare or behind a radio header (radiotap, PPI, AVS,
 * Prism), as libpcap 1.10.3 compiles it.
 *
 * Two offsets are read from each packet.  The link header (the 802.11
 * header) starts after the radio header, whose length the radio header
 * says; the link payload (an LLC+SNAP header) starts after the 802.11
 * header: 24 bytes, 2 more for a QoS data frame, and on radiotap rounded
 * up to 4 when the radiotap flags say the frame is padded.  libpcap
 * computes both into scratch memory at the top of the program (a
 * "prologue", only for the offsets the filter reads), and every load
 * relative to them is `ldx M[r]; ld [x + k]`.  So do we: gen_off_linkhdr
 * and friends hand out offsets in windows (gen.h), cond_ins passes loads
 * in a window to wlan_load, and wlan_prologue, run on the finished tree,
 * puts the computations the loads used before it.  The prologue's loads
 * can reject a short packet, so which of them run is libpcap's choice,
 * kept here.
 *
 * The primitives: `wlan`/`ether` addresses by the frame's type and DS
 * bits (addr1..addr4, ra, ta, src, dst, host, broadcast, multicast),
 * `type`/`subtype` and `dir` on the frame control field. */
#include "gen/gen.h"
#include "error.h"
#include "proto/ieee80211.h"
#include <sys/types.h>
#include <pcap/bpf.h>

#define NEG 0x1000u        /* `inbound`'s SKF_AD_OFF + k lands just below a base */
#define HDRLEN 24          /* an 802.11 header with three addresses */
#define FC_TYPE_CTL 0x04   /* frame control byte 0: a control frame (or reserved) */
#define FC_TYPE_DATA 0x08  /* a data frame (or reserved) */
#define FC_QOS 0x80        /* a data frame's QoS subtype bit */
#define FC_TODS 0x01       /* frame control byte 1 */
#define FC_FROMDS 0x02
#define PPI_DLT_80211 0x69000000u /* PPI's little-endian DLT 105, read as a word */
#define PRISM_AVS_MAGIC 0x80211000u /* an AVS header in a Prism capture */
#define PRISM_HDRLEN 144
/* radiotap's present word (little-endian at 4, read big-endian) */
#define RT_TSFT 0x01000000u
#define RT_FLAGS 0x02000000u
#define RT_EXT 0x00000080u
#define RT_F_DATAPAD 0x20  /* in the flags byte */

static int has_radio(const struct gen *g)
{
	return g->lt->wlan_hdr != LTW_NONE;
}

/* The scratch cells: the link header's offset (behind a radio header),
 * then the payload's. */
static uint32_t reg_of(const struct gen *g, int which)
{
	return which == WLAN_PL && has_radio(g) ? 1 : 0;
}

int wlan_nregs(const struct gen *g)
{
	return !gen_var_pl(g) ? 0 : has_radio(g) ? 2 : 1;
}

static int window(uint32_t off, uint32_t *rel)
{
	/* the header's window ends where the payload's NEG below it begins
	 * (pppoes's `inbound` after the payload's offset lands there) */
	if (off - (WLAN_VAR_HDR - NEG) < WLAN_VAR_SPAN) {
		*rel = off - WLAN_VAR_HDR;
		return WLAN_HDR;
	}
	if (off - (WLAN_VAR_PL - NEG) < WLAN_VAR_SPAN + NEG) {
		*rel = off - WLAN_VAR_PL;
		return WLAN_PL;
	}
	return 0;
}

int wlan_var(uint32_t off)
{
	uint32_t rel;
	return window(off, &rel);
}

/* libpcap gives an offset its scratch cell when the offset is first read,
 * from its round-robin allocator; after a relation (which frees its
 * operands' cells) that is the cell the relation's last operand was
 * stored in, and the relation's code, which runs after the prologue,
 * overwrites the offset with that operand (`len > 100 and ip` reads the
 * LLC header 100 bytes in).  That program is not what it says, so bpfx
 * refuses it and says how to write it. */
void wlan_relation(struct gen *g, int done)
{
	g->wlan_relfreed = done;
}

void wlan_mark(struct gen *g, unsigned which)
{
	if (!(g->wlan_used & which) && g->wlan_relfreed)
		g->wlan_clobber = 1;
	g->wlan_used |= which;
}

int wlan_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k)
{
	uint32_t rel;
	int w = window(k, &rel);
	if (!w || !cond_is_load(code))
		return 0;
	wlan_mark(g, (unsigned)w);
	/* pflog: libpcap's PPP header after such a pppoes (link.c) is at a
	 * cell of its own, which nothing writes */
	if (g->lt->kind == LT_PFLOG && g->pppoes && g->pf_nopl && rel < gen_off_linkpl(g) - WLAN_VAR_PL)
		g->pf_undef = 1;
	cond_var_load(g, c, code, rel, reg_of(g, w));
	return 1;
}

void wlan_index_x(struct gen *g, struct cond *c, uint32_t base)
{
	uint32_t rel;
	int w = window(base, &rel);
	if (w) {
		wlan_mark(g, (unsigned)w);
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, reg_of(g, w));
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
	}
	cond_ins(g, c, BPF_MISC | BPF_TAX, 0);
}

/* A test that always holds, for the prologue's statements. */
static struct cond *always(struct cond *c)
{
	return cond_jump(c, BPF_JGE, 0);
}

/* The radio header's length into its cell. */
static struct cond *hdr_prologue(struct gen *g)
{
	uint32_t r = reg_of(g, WLAN_HDR);
	struct cond *c = cond_test(g);
	switch (g->lt->wlan_hdr) {
	case LTW_RADIOTAP: /* it_len, and PPI's pph_len: little-endian at 2 */
	case LTW_PPI:
		cond_ins(g, c, BPF_LD | BPF_B | BPF_ABS, 3);
		cond_ins(g, c, BPF_ALU | BPF_LSH | BPF_K, 8);
		cond_ins(g, c, BPF_MISC | BPF_TAX, 0);
		cond_ins(g, c, BPF_LD | BPF_B | BPF_ABS, 2);
		cond_ins(g, c, BPF_ALU | BPF_OR | BPF_X, 0);
		break;
	case LTW_AVS: /* the header length: big-endian at 4 */
		cond_ins(g, c, BPF_LD | BPF_W | BPF_ABS, 4);
		break;
	case LTW_PRISM: { /* 144 bytes, unless an AVS header stands there */
		struct cond *avs = cond_test(g);
		cond_ins(g, avs, BPF_LD | BPF_W | BPF_ABS, 4);
		cond_ins(g, avs, BPF_ST, r);
		cond_ins(g, c, BPF_LD | BPF_IMM, PRISM_HDRLEN);
		cond_ins(g, c, BPF_ST, r);
		return cond_or(g, cond_and(g, cond_cmp(g, 0, 4, BPF_JEQ, PRISM_AVS_MAGIC, 0xfffff000), always(avs)),
			       always(c));
	}
	case LTW_NONE:
		return cond_true(g);
	}
	cond_ins(g, c, BPF_ST, r);
	return always(c);
}

/* A bit of the frame control field (byte 0 or 1). */
static struct cond *fc(struct gen *g, uint32_t byte, uint32_t bit)
{
	return cond_cmp(g, gen_off_linkhdr(g) + byte, 1, BPF_JSET, bit, 0xffffffff);
}

/* The cell plus n, and on radiotap rounded up to 4 (mask ~3). */
static struct cond *pl_add(struct gen *g, uint32_t n, uint32_t mask)
{
	uint32_t r = reg_of(g, WLAN_PL);
	struct cond *c = cond_test(g);
	cond_ins(g, c, BPF_LD | BPF_MEM, r);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, n);
	if (mask != 0xffffffff)
		cond_ins(g, c, BPF_ALU | BPF_AND | BPF_K, mask);
	cond_ins(g, c, BPF_ST, r);
	return always(c);
}

/* radiotap: a padded frame (the flags field, after the TSFT field when
 * there is one, has DATAPAD), when the present word has no extension. */
static struct cond *radiotap_pad(struct gen *g)
{
	struct cond *tsft = cond_cmp(g, 4, 4, BPF_JSET, RT_TSFT, 0xffffffff);
	struct cond *flags = cond_or(g, cond_and(g, tsft, cond_cmp(g, 16, 1, BPF_JSET, RT_F_DATAPAD, 0xffffffff)),
				     cond_and(g, cond_not(g, cond_cmp(g, 4, 4, BPF_JSET, RT_TSFT, 0xffffffff)),
					      cond_cmp(g, 8, 1, BPF_JSET, RT_F_DATAPAD, 0xffffffff)));
	return cond_and(g, cond_cmp(g, 4, 4, BPF_JSET, RT_FLAGS, 0xffffffff),
			cond_and(g, cond_not(g, cond_cmp(g, 4, 4, BPF_JSET, RT_EXT, 0xffffffff)),
				 cond_and(g, flags, pl_add(g, 3, ~3u))));
}

/* The payload's offset into its cell: the link header's + 24, + 2 for a
 * QoS data frame, rounded on radiotap; only data frames (type bits 10)
 * are looked at. */
static struct cond *pl_prologue(struct gen *g)
{
	struct cond *c = cond_test(g);
	if (has_radio(g))
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, reg_of(g, WLAN_HDR));
	else
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_IMM, 0);
	cond_ins(g, c, BPF_MISC | BPF_TXA, 0);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, HDRLEN);
	cond_ins(g, c, BPF_ST, reg_of(g, WLAN_PL));
	cond_ins(g, c, BPF_LD | BPF_B | BPF_IND, 0);
	cond_jump(c, BPF_JSET, FC_TYPE_DATA);
	struct cond *qos = cond_or(g, cond_and(g, fc(g, 0, FC_QOS), pl_add(g, 2, 0xffffffff)), cond_true(g));
	if (g->lt->wlan_hdr == LTW_RADIOTAP)
		qos = cond_and(g, qos, cond_or(g, radiotap_pad(g), cond_true(g)));
	return cond_or(g, cond_and(g, c, cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_CTL)), qos)), cond_true(g));
}

struct cond *wlan_prologue(struct gen *g, struct cond *c)
{
	if (!c || !gen_var_pl(g))
		return c;
	int pf = g->lt->kind == LT_PFLOG;
	if (g->pf_undef)
		return GEN_FAIL(g, "on %s, a pppoes before any test of the network layer is refused: libpcap "
			      "1.10.3's program then reads the PPP header after it from scratch memory it never wrote, "
			      "and has no defined result", g->lt->descr);
	if (g->wlan_clobber)
		return GEN_FAIL(g, "on %s, libpcap 1.10.3 keeps the %s in the scratch cell of "
			      "a relation before it, which overwrites it: write the relation after the first %s "
			      "primitive", g->lt->descr, pf ? "pflog header's length" : "802.11 header's offset",
			      pf ? "network" : "802.11, link or network");
	g->vlan = g->mpls = g->pppoes = 0; /* the prologue's offsets are the outermost */
	g->span = c->span;
	if (pf) /* the network layer's offset only (pflog.c) */
		return g->wlan_used & WLAN_PL ? cond_and(g, pflog_prologue(g, reg_of(g, WLAN_PL)), c) : c;
	if (g->wlan_used & WLAN_PL)
		c = cond_and(g, pl_prologue(g), c);
	if (has_radio(g) && (g->wlan_used & WLAN_HDR))
		c = cond_and(g, hdr_prologue(g), c);
	if (g->lt->wlan_hdr == LTW_PPI) /* libpcap: PPI only around 802.11 */
		c = cond_and(g, cond_cmp(g, 4, 4, BPF_JEQ, PPI_DLT_80211, 0xffffffff), c);
	return c;
}

/* libpcap's code for these prologues jumps inside a statement list,
 * which its optimizer cannot take: it skips optimizing when it emits the
 * 802.11 header's length, and on Prism always (it says so before looking
 * whether the prologue is needed). */
int wlan_unoptimized(const struct gen *g)
{
	return g->lt->kind == LT_WLAN && ((g->wlan_used & WLAN_PL) || g->lt->wlan_hdr == LTW_PRISM);
}

struct cond *wlan_data_frame(struct gen *g)
{
	return cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_CTL)), fc(g, 0, FC_TYPE_DATA));
}

/* Address n (addr1 at 4, addr2 at 10, addr3 at 16, addr4 at 24). */
static struct cond *addr(struct gen *g, uint32_t off, const uint8_t mac[6])
{
	return gen_mac_at(g, gen_off_linkhdr(g) + off, mac);
}

static struct cond *fc0_is(struct gen *g, uint32_t v, uint32_t mask)
{
	return cond_cmp(g, gen_off_linkhdr(g), 1, BPF_JEQ, v, mask);
}

/* Not a CTS or ACK control frame (the control frames without addr2). */
static struct cond *has_addr2(struct gen *g)
{
	return cond_or(g, cond_not(g, fc0_is(g, FC_TYPE_CTL, 0x0c)),
		       cond_and(g, cond_not(g, fc0_is(g, 0xc0, 0xf0)), cond_not(g, fc0_is(g, 0xd0, 0xf0))));
}

/* The source address: none in control frames; addr2 in management frames
 * and in data frames from no DS; addr3 from a DS; addr4 between two. */
static struct cond *wlan_src(struct gen *g, const uint8_t mac[6])
{
	struct cond *fromds = cond_or(g, cond_and(g, cond_not(g, fc(g, 1, FC_TODS)), addr(g, 16, mac)),
				      cond_and(g, fc(g, 1, FC_TODS), addr(g, 24, mac)));
	struct cond *data = cond_or(g, cond_and(g, cond_not(g, fc(g, 1, FC_FROMDS)), addr(g, 10, mac)),
				    cond_and(g, fc(g, 1, FC_FROMDS), fromds));
	struct cond *c = cond_or(g, cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_DATA)), addr(g, 10, mac)),
				 cond_and(g, fc(g, 0, FC_TYPE_DATA), data));
	return cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_CTL)), c);
}

/* The destination: addr1, or addr3 in data frames to a DS.  `test` is
 * the comparison at an offset (an address, or the group bit). */
static struct cond *wlan_dst(struct gen *g, struct cond *(*test)(struct gen *, uint32_t, const uint8_t *),
			     const uint8_t mac[6])
{
	struct cond *data = cond_or(g, cond_and(g, cond_not(g, fc(g, 1, FC_TODS)), test(g, 4, mac)),
				    cond_and(g, fc(g, 1, FC_TODS), test(g, 16, mac)));
	struct cond *c = cond_or(g, cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_DATA)), test(g, 4, mac)),
				 cond_and(g, fc(g, 0, FC_TYPE_DATA), data));
	return cond_and(g, cond_not(g, fc(g, 0, FC_TYPE_CTL)), c);
}

struct cond *wlan_host(struct gen *g, const uint8_t mac[6], int dir)
{
	switch (dir) {
	case D_SRC:
		return wlan_src(g, mac);
	case D_DST:
		return wlan_dst(g, addr, mac);
	case D_AND:
		return cond_and(g, wlan_src(g, mac), wlan_dst(g, addr, mac));
	case D_ADDR1:
		return addr(g, 4, mac);
	case D_ADDR2:
		return cond_and(g, has_addr2(g), addr(g, 10, mac));
	case D_ADDR3: /* not in control frames */
		return cond_and(g, cond_not(g, fc0_is(g, FC_TYPE_CTL, 0x0c)), addr(g, 16, mac));
	case D_ADDR4: /* only between two DSs */
		return cond_and(g, cond_cmp(g, gen_off_linkhdr(g) + 1, 1, BPF_JEQ, 3, P80211_DIR_MASK), addr(g, 24, mac));
	case D_RA: /* libpcap: addr1 of a data frame */
		return cond_and(g, fc(g, 0, FC_TYPE_DATA), addr(g, 4, mac));
	case D_TA:
		return cond_and(g, fc(g, 0, FC_TYPE_DATA), cond_and(g, has_addr2(g), addr(g, 10, mac)));
	default:
		return cond_or(g, wlan_src(g, mac), wlan_dst(g, addr, mac));
	}
}

struct cond *wlan_bcast(struct gen *g)
{
	static const uint8_t all[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	return wlan_dst(g, addr, all);
}

static struct cond *group_bit(struct gen *g, uint32_t off, const uint8_t *unused)
{
	(void)unused;
	return cond_cmp(g, gen_off_linkhdr(g) + off, 1, BPF_JSET, 1, 0xffffffff);
}

struct cond *wlan_mcast(struct gen *g)
{
	return wlan_dst(g, group_bit, 0);
}

/* type T [subtype S], subtype S: sema left the bits in num, and has_num
 * says a subtype was given (so the mask covers it). */
struct cond *wlan_type(struct gen *g, const struct ast *n)
{
	if (!(g->lt->flags & LTF_P80211))
		return GEN_FAIL(g, "802.11 link-layer types supported only on 802.11");
	uint32_t mask = n->has_num ? P80211_TYPE_MASK | P80211_SUBTYPE_MASK : P80211_TYPE_MASK;
	return cond_cmp(g, gen_off_linkhdr(g), 1, BPF_JEQ, n->num, mask);
}

struct cond *wlan_dir(struct gen *g, const struct ast *n)
{
	if (!(g->lt->flags & LTF_P80211))
		return GEN_FAIL(g, "frame direction supported only with 802.11 headers");
	return cond_cmp(g, gen_off_linkhdr(g) + 1, 1, BPF_JEQ, n->num, P80211_DIR_MASK);
}
