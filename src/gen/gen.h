/* gen.h: lowering a checked AST to the IR.
 *
 * Each primitive is built as a `struct cond` with the kit of cond.h (whose
 * operand order is libpcap's test order); gen.c walks the AST and lowers
 * the whole tree once.  Files: gen.c (the AST walk), cond.c (the kit),
 * link.c (link layer, vlan, mpls, pppoe), net.c (IPv4, IPv6, ARP hosts,
 * nets, protocols), transport.c (ports), arith.c (relations), ip6walk.c
 * (the --ip6-transport dialect). */
#ifndef BPFX_GEN_H
#define BPFX_GEN_H
#include <stdint.h>
#include <sys/types.h>
#include <pcap/bpf.h>
#include "ast.h"
#include "ir.h"
#include "bpfx.h"
#include "linktype.h"
#include "sema.h"
#include "gen/cond.h"

struct gen {
	struct ir_prog *ir;
	struct arena *a;
	const struct linktype *lt;
	struct bpfx_error *err;
	struct span span;        /* the node being lowered, for errors and insns */
	int vlan, mpls, pppoes;  /* of the node being lowered (from sema) */
	int label;               /* mpls before it, geneves or not (from sema) */
	int scratch;             /* next free scratch memory slot */
	int savefile, swapped;   /* from bpfx_options */
	int fold;                /* optimizing: fold constant arithmetic */
	int loose;               /* --loose, where libpcap's optimizer runs: a
				  * constant index wraps into the load (arith.c) */
	struct ip6w *ip6w;       /* --ip6-transport (ip6walk.c); NULL: libpcap's language */
	int kvlan;               /* live Linux capture: the kernel holds the outer tag (kvlan.c) */
	int kvlan_used;          /* a vlan through the metadata was generated */
	unsigned wlan_used;      /* wlan.c: the variable offsets read (WLAN_HDR, WLAN_PL) */
	int wlan_relfreed;       /* wlan.c: a relation was the last to take scratch cells */
	int wlan_clobber;        /* wlan.c: libpcap would put an offset in such a cell */
	int pf_nopl;             /* pflog: a pppoes came before any read of the network
				  * layer's offset (link.c) */
	int pf_undef;            /* ... and a PPP header after it was read (wlan.c) */
	const struct linktype *outer; /* the capture's link type (lt: the frame inside a geneve) */
	int geneve;              /* geneve primitives before the node (from sema) */
	int geneve_cells;        /* geneve.c: scratch cells it keeps, at the top */
	int geneve_used;         /* libpcap then does not optimize */
	struct linktype *geneve_lt; /* geneve.c: the inner frames' rows */
	int weak;                /* generating for opt/weak.c's model */
	uint16_t salt;           /* OR'ed into each statement's code (cond_ins): in
				  * opt/weak.c's model of libpcap, a relation's */
	struct ir_block *pool;   /* cond_open: the blocks cond_lower takes */
	struct ir_block **opened; /* cond_open: each primitive's blocks (scratch) */
	size_t nopened, capopened;
	uint32_t ntests;         /* cond_open: blocks made so far */
};
/* libpcap computes a relation through scratch memory and `ldh [x + 0]`,
 * loads its optimizer does not see as the `ldh [12]` of a primitive while
 * it moves jumps; marked so in weak.c's program, which is never emitted */
#define GEN_WEAK_SALT 0x8000u

#define GEN_FAIL(g, ...) \
	((void)err_set((g)->err, (int)(g)->span.start, (int)(g)->span.end, __VA_ARGS__), (struct cond *)0)

/* The load size (BPF_W, BPF_H, BPF_B) of a field of that many bytes. */
static inline uint16_t gen_bpf_size(int bytes)
{
	return bytes == 4 ? BPF_W : bytes == 2 ? BPF_H : BPF_B;
}

/* gen.c: the AST walk */
int gen_program(struct gen *g, const struct ast *root);

/* link.c */
uint32_t gen_off_linkhdr(const struct gen *g);  /* OR_LINKHDR: `ether[...]` */
uint32_t gen_off_linktype(const struct gen *g);
uint32_t gen_off_linkpl(const struct gen *g);   /* link payload + MPLS labels: OR_LINKPL */
struct cond *gen_linktype(struct gen *g, uint32_t ethertype);
struct cond *gen_ehost(struct gen *g, const uint8_t mac[6], int dir);
struct cond *gen_mac_at(struct gen *g, uint32_t off, const uint8_t mac[6]);
struct cond *gen_ahost(struct gen *g, uint8_t addr, int dir); /* ARCnet */
struct cond *gen_bcast(struct gen *g, int proto);
struct cond *gen_mcast(struct gen *g, int proto);
struct cond *gen_vlan(struct gen *g, const struct ast *n);
struct cond *gen_mpls(struct gen *g, const struct ast *n);
struct cond *gen_pppoed(struct gen *g);
struct cond *gen_pppoes(struct gen *g, const struct ast *n);
struct cond *gen_llc(struct gen *g, const struct ast *n);
struct cond *gen_inbound(struct gen *g, int outbound);
struct cond *gen_ifindex(struct gen *g, uint32_t ifindex);

/* net.c */
struct cond *gen_proto_abbrev(struct gen *g, int proto);
struct cond *gen_proto(struct gen *g, uint32_t v, int proto, int dir);
struct cond *gen_addr(struct gen *g, const struct ast *id);
struct cond *gen_ipfrag(struct gen *g);
void gen_iphdrlen(struct gen *g, struct cond *c);  /* X = IPv4 header length */

/* transport.c */
struct cond *gen_ports(struct gen *g, const struct ast *id);

struct cond *gen_port1(struct gen *g, int v6, int ipproto, int dir, uint32_t port); /* `udp dst port N` */

/* arith.c */
struct cond *gen_relation(struct gen *g, const struct ast *n);
struct cond *gen_rel_test(struct gen *g, const struct ast *n); /* without protocol checks */

/* kvlan.c: vlan on a live Linux capture, through the ancillary loads */
int kvlan_on(const struct gen *g);            /* the first vlan reads the metadata */
int kvlan_cells(const struct gen *g);         /* scratch cells it keeps, at the top */
uint32_t kvlan_off(const struct gen *g, uint32_t off); /* an offset after that vlan */
int kvlan_var(uint32_t off);                  /* off is relative to the shift */
int kvlan_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k); /* 1: emitted */
void kvlan_index_x(struct gen *g, struct cond *c, uint32_t base); /* A += the shift */
struct cond *kvlan_vlan(struct gen *g, const struct ast *n);
struct cond *kvlan_prologue(struct gen *g, struct cond *c);
/* wlan.c: 802.11 and its radio headers.  On LT_WLAN the link header
 * (after the radio header) and the link payload (after the 802.11
 * header) start at offsets read from the packet, into scratch memory, by
 * a prologue, as libpcap does.  gen_off_linkhdr/linkpl/linktype return
 * them as windows (WLAN_VAR_HDR + k, WLAN_VAR_PL + k), and cond_ins turns
 * a load in a window into `ldx M[r]; ld [x + k]`. */
#define WLAN_VAR_HDR 0x40000000u
#define WLAN_VAR_PL 0x50000000u
#define WLAN_VAR_SPAN 0x10000000u
enum { WLAN_HDR = 1, WLAN_PL = 2 };
int wlan_var(uint32_t off);                    /* 0, WLAN_HDR or WLAN_PL */
int wlan_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k); /* 1: emitted */
void wlan_index_x(struct gen *g, struct cond *c, uint32_t base); /* X = A + base's variable part */
int wlan_nregs(const struct gen *g);           /* scratch cells the prologue keeps */
void wlan_relation(struct gen *g, int done);   /* a relation starts (0), ends (1) */
void wlan_mark(struct gen *g, unsigned which); /* an offset is read */
struct cond *wlan_prologue(struct gen *g, struct cond *c);
int wlan_unoptimized(const struct gen *g);     /* libpcap leaves the program as it is */
struct cond *wlan_data_frame(struct gen *g);
struct cond *wlan_host(struct gen *g, const uint8_t mac[6], int dir);
struct cond *wlan_bcast(struct gen *g);
struct cond *wlan_mcast(struct gen *g);
struct cond *wlan_type(struct gen *g, const struct ast *n);
struct cond *wlan_dir(struct gen *g, const struct ast *n);

/* geneve.c: geneve [VNI], and the inner frame's offsets in windows read
 * from scratch cells (GENEVE_VAR + ...), as wlan.c's */
struct cond *gen_geneve(struct gen *g, const struct ast *n);
void geneve_enter(struct gen *g, int depth);   /* g->lt for a node after depth geneves */
int geneve_var(uint32_t off);                  /* off is in a window */
int geneve_load(struct gen *g, struct cond *c, uint16_t code, uint32_t k); /* 1: emitted */
void geneve_index_x(struct gen *g, struct cond *c, uint32_t base); /* A += the window's cell */
int geneve_cells(const struct gen *g);         /* scratch cells kept, at the top below kvlan's */
struct cond *geneve_ll(struct gen *g);         /* the inner frame has a link header */

/* words.c, iso.c, decnet.c: the protocol words that test the link type */
int gen_word_type(int proto, uint32_t *type);  /* words.c's value; -1: not one */
struct cond *gen_word(struct gen *g, int proto);
struct cond *gen_iso_word(struct gen *g, int proto);
struct cond *gen_iso_proto(struct gen *g, uint32_t v, int proto);
struct cond *gen_dnhost(struct gen *g, uint16_t addr, int dir);

/* mtp.c: SS7 */
struct cond *gen_mtp2type(struct gen *g, int unit);
struct cond *gen_mtp3(struct gen *g, const struct ast *n);

/* atm.c: SunATM */
struct cond *gen_atm_field(struct gen *g, const struct ast *n);
struct cond *gen_atm(struct gen *g, int word);
void atm_lane_enter(struct gen *g, const struct ast *n); /* g->lt after n->lane_depth lanes */
struct cond *atm_lane_check(struct gen *g, struct cond *c); /* c, after a lane: not LE Control first */

/* pflog.c: OpenBSD pf's log header */
struct cond *gen_pflog(struct gen *g, const struct ast *n);
struct cond *pflog_prologue(struct gen *g, uint32_t cell); /* the network layer's offset into cell */
/* The link payload's offset is read from the packet (802.11, pflog): in
 * wlan.c's WLAN_VAR_PL window. */
static inline int gen_var_pl(const struct gen *g)
{
	return g->lt->kind == LT_WLAN || g->lt->kind == LT_PFLOG;
}

/* byte.c */
struct cond *gen_byte(struct gen *g, const struct ast *n);

/* protochain.c */
struct cond *gen_protochain(struct gen *g, uint32_t v, int proto);
int gen_has_protochain(const struct ast *n);  /* libpcap then does not optimize */
void gen_protochain_describe(char *buf, size_t size); /* for explain */

/* ip6walk.c: the --ip6-transport dialect */
#define IP6W_BOUND 8        /* extension headers the walk skips at most */
#define IP6W_LATER 0x100u   /* the walk's next header, in a later fragment */
struct ip6w *ip6w_new(struct arena *a);
int ip6w_on(const struct gen *g);             /* generating the dialect now */
int ip6w_cells(const struct gen *g);          /* scratch cells the walks keep, at the top */
int ip6w_is_ext(uint32_t nh);                 /* a header type the walk skips */
unsigned ip6w_mark(const struct gen *g);      /* walks certainly made so far */
void ip6w_reset(struct gen *g, unsigned walked);
struct cond *ip6w_proto(struct gen *g, uint32_t p);
struct cond *ip6w_ports(struct gen *g, const struct ast *id);
struct cond *ip6w_relation(struct gen *g, const struct ast *n);
int ip6w_reads_tp(const struct gen *g, int proto); /* tcp[i] etc. at the walk's offset */
void ip6w_ldx_tp(struct gen *g, struct cond *c);
void ip6w_tplen(struct gen *g, struct cond *c); /* A = tplen */
void ip6w_describe(char *buf, size_t size);   /* for explain */
/* A header-chain walk, the dialect's and protochain's (protochain.c):
 * which header types it skips, and how. */
enum ip6w_skip {
	IP6W_LEN8,          /* T += ([T + 1] + 1) * 8 */
	IP6W_LEN4,          /* T += ([T + 1] + 2) * 4 (AH) */
	IP6W_LEN4_ABS,      /* T = ([T + 1] + 2) * 4: libpcap's protochain on AH */
	IP6W_FRAG,          /* 8 bytes; a later fragment ends the walk, marked */
};
struct ip6w_hdr {
	uint8_t type, skip;     /* next-header value, enum ip6w_skip */
	const char *name;
};
struct ip6w_rules {
	const struct ip6w_hdr *hdr;
	int nhdr;
	int v4;                 /* start after an IPv4 header, not an IPv6 one */
	int stop;               /* a header type the walk does not skip (-1: none) */
};
/* Leaves N in M[cell_n] and T in M[cell_t] after at most IP6W_BOUND steps. */
struct cond *ip6w_walk(struct gen *g, const struct ip6w_rules *r, uint32_t cell_n, uint32_t cell_t);
struct cond *ip6w_prologue(struct gen *g, struct cond *c); /* cells zeroed first */
/* "rejects all packets" because of an IPv4-only tcp[i]: say where, and
 * that the dialect reads it over IPv6 */
void ip6w_hint(const char *expr, const struct bpfx_options *o, const struct ast *root, struct bpfx_error *err);
#endif
