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
	int scratch;             /* next free scratch memory slot */
	int savefile, swapped;   /* from bpfx_options */
	int fold;                /* optimizing: fold constant arithmetic */
	struct ip6w *ip6w;       /* --ip6-transport (ip6walk.c); NULL: libpcap's language */
	int kvlan;               /* live Linux capture: the kernel holds the outer tag (kvlan.c) */
	int kvlan_used;          /* a vlan through the metadata was generated */
};

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
struct cond *ip6w_prologue(struct gen *g, struct cond *c); /* cells zeroed first */
/* "rejects all packets" because of an IPv4-only tcp[i]: say where, and
 * that the dialect reads it over IPv6 */
void ip6w_hint(const char *expr, const struct bpfx_options *o, const struct ast *root, struct bpfx_error *err);
#endif
