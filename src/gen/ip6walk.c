/* ip6walk.c: the --ip6-transport dialect: transport fields over IPv6
 * extension headers.
 *
 * libpcap's language reads an IPv6 transport header only right after the
 * fixed 40-byte header (or one fragment header, for `ip6 proto`), and
 * `tcp[i]` only over IPv4.  In the dialect an IPv6 packet's header chain is
 * walked first, and `tcp`, `udp`, `sctp`, `icmp6`, `ip6 proto`, `port`,
 * `portrange` and `tcp[i]`, `udp[i]`, `sctp[i]`, `icmp6[i]` use where the
 * walk ends.  IPv4 keeps libpcap's code exactly.
 *
 * The walk (a forward-only unrolled loop, IP6W_BOUND steps) skips
 *   hop-by-hop (0), routing (43), destination options (60), mobility (135):
 *       next header at +0, length at +1 in 8-byte units not counting the first 8;
 *   AH (51): the same fields, length in 4-byte units not counting the first 2;
 *   fragment (44): 8 bytes; offset bits 0xfff8 of the word at +2 not zero
 *       (a later fragment) ends the walk with the fragment's next header
 *       marked IP6W_LATER: `tcp` still matches it, as `ip proto 6` matches an
 *       IPv4 later fragment, but no port or transport byte is read from it.
 * It leaves two scratch cells: N (the next header, | IP6W_LATER) and T (the
 * offset of the header after the chain, from the start of the IPv6 header).
 * A chain longer than the bound leaves N an extension header type, which
 * no transport test matches.
 *
 * Code size: each primitive's IPv6 part is `ip6 and WALK and test`, in
 * that order, so once one primitive has been evaluated on an IPv6 packet
 * the cells hold the walk's result.  gen.c tells us (ip6w_mark/ip6w_reset)
 * which primitives certainly ran before the one being generated: there
 * the walk is not repeated and the cells are read.  A load past the
 * captured bytes ends the program, so a walk that is cut short by the
 * capture rejects the packet, wherever it is. */
#include "gen/gen.h"
#include "error.h"
#include <netinet/in.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_IPV6 0x86dd
#define IP6W_MAXCTX 4        /* link contexts (vlan/mpls/pppoes depths) with a walk */

/* A walk's cells per link context: the vlan, mpls and pppoes depths decide
 * where the IPv6 header is and how its presence is tested. */
struct ip6w {
	int nctx;
	struct { int vlan, mpls, pppoes; } ctx[IP6W_MAXCTX];
	unsigned walked;        /* bit i: context i's walk has run on every path here */
	int lib;                /* generating libpcap's code (an IPv4 variant) */
	int v6;                 /* generating a relation's IPv6 variant */
};

/* The extension headers the dialect's walk skips. */
static const struct ip6w_hdr exthdr[] = {
	{ 0, IP6W_LEN8, "hop-by-hop options" },     /* RFC 8200 4.3 */
	{ 43, IP6W_LEN8, "routing" },               /* RFC 8200 4.4 */
	{ 60, IP6W_LEN8, "destination options" },   /* RFC 8200 4.6 */
	{ 135, IP6W_LEN8, "mobility" },             /* RFC 6275 6.1 */
	{ 51, IP6W_LEN4, "authentication (AH)" },   /* RFC 4302 2.2: 32-bit words minus 2 */
	{ 44, IP6W_FRAG, "fragment" },              /* RFC 8200 4.5 */
};
#define NEXT ((int)(sizeof exthdr / sizeof exthdr[0]))

struct ip6w *ip6w_new(struct arena *a)
{
	struct ip6w *w = arena_alloc(a, sizeof *w);
	*w = (struct ip6w){ 0 };
	return w;
}

int ip6w_on(const struct gen *g)
{
	return g->ip6w && !g->ip6w->lib;
}

int ip6w_cells(const struct gen *g)
{
	return g->ip6w ? 2 * g->ip6w->nctx : 0;
}

int ip6w_is_ext(uint32_t nh)
{
	for (int i = 0; i < NEXT; i++)
		if (exthdr[i].type == nh)
			return 1;
	return 0;
}

unsigned ip6w_mark(const struct gen *g)
{
	return g->ip6w ? g->ip6w->walked : 0;
}

void ip6w_reset(struct gen *g, unsigned walked)
{
	if (g->ip6w)
		g->ip6w->walked = walked;
}

/* The current link context's index, registered on first use; -1 if too many. */
static int ctx_index(struct gen *g)
{
	struct ip6w *w = g->ip6w;
	for (int i = 0; i < w->nctx; i++)
		if (w->ctx[i].vlan == g->vlan && w->ctx[i].mpls == g->mpls && w->ctx[i].pppoes == g->pppoes)
			return i;
	if (w->nctx == IP6W_MAXCTX) {
		(void)GEN_FAIL(g, "--ip6-transport: more than %d vlan/mpls/pppoes contexts with IPv6 transport fields",
			       IP6W_MAXCTX);
		return -1;
	}
	w->ctx[w->nctx].vlan = g->vlan;
	w->ctx[w->nctx].mpls = g->mpls;
	w->ctx[w->nctx].pppoes = g->pppoes;
	return w->nctx++;
}

/* The cells of context i, from the top of scratch memory down (arith.c
 * allocates its own from the bottom, below ip6w_cells). */
static uint32_t cell_n(int i) { return (uint32_t)(BPF_MEMWORDS - 1 - 2 * i); }
static uint32_t cell_t(int i) { return (uint32_t)(BPF_MEMWORDS - 2 - 2 * i); }

/* A test whose statements run and whose jump is always taken. */
static struct cond *always(struct cond *c)
{
	return cond_jump(c, BPF_JGE, 0);
}

/* ld M[cell]; jeq #v */
static struct cond *cell_is(struct gen *g, uint32_t cell, uint32_t v)
{
	struct cond *c = cond_test(g);
	cond_ins(g, c, BPF_LD | BPF_MEM, cell);
	return cond_jump(c, BPF_JEQ, v);
}

static struct cond *nh_is(struct gen *g, int i, uint32_t v)
{
	return cell_is(g, cell_n(i), v);
}

/* A walk's two cells: N (next header) and T (offset from the IP header). */
struct wcells {
	uint32_t n, t;
};

/* N = [T + 0]; T = ([T + 1] + bias) << shift, plus T if rel */
static struct cond *skip_len(struct gen *g, struct wcells w, uint32_t bias, uint32_t shift, int rel)
{
	uint32_t L = gen_off_linkpl(g);
	struct cond *c = cond_test(g);
	cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, w.t);
	cond_ins(g, c, BPF_LD | BPF_B | BPF_IND, L);
	cond_ins(g, c, BPF_ST, w.n);
	cond_ins(g, c, BPF_LD | BPF_B | BPF_IND, L + 1);
	cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, bias);
	cond_ins(g, c, BPF_ALU | BPF_LSH | BPF_K, shift);
	if (rel)
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_X, 0);
	cond_ins(g, c, BPF_ST, w.t);
	return always(c);
}

/* A fragment header: a first fragment is skipped (8 bytes), a later one
 * ends the walk with its next header marked. */
static struct cond *skip_frag(struct gen *g, struct wcells w)
{
	uint32_t L = gen_off_linkpl(g);
	struct cond *later = cond_test(g);
	cond_ins(g, later, BPF_LDX | BPF_W | BPF_MEM, w.t);
	cond_ins(g, later, BPF_LD | BPF_H | BPF_IND, L + 2);
	cond_jump(later, BPF_JSET, 0xfff8);
	struct cond *mark = cond_test(g);
	cond_ins(g, mark, BPF_LD | BPF_B | BPF_IND, L);
	cond_ins(g, mark, BPF_ALU | BPF_OR | BPF_K, IP6W_LATER);
	cond_ins(g, mark, BPF_ST, w.n);
	struct cond *first = cond_test(g);
	cond_ins(g, first, BPF_LD | BPF_B | BPF_IND, L);
	cond_ins(g, first, BPF_ST, w.n);
	cond_ins(g, first, BPF_MISC | BPF_TXA, 0);
	cond_ins(g, first, BPF_ALU | BPF_ADD | BPF_K, 8);
	cond_ins(g, first, BPF_ST, w.t);
	return cond_or(g, cond_and(g, later, always(mark)), always(first));
}

static int rules_have(const struct ip6w_rules *r, int type)
{
	for (int e = 0; e < r->nhdr; e++)
		if (r->hdr[e].type == type)
			return 1;
	return 0;
}

/* One step: whichever header of the rules N names is skipped; any other
 * value, or the one the walk stops at, leaves the cells as they are (the
 * later steps then do nothing). */
static struct cond *step(struct gen *g, const struct ip6w_rules *r, struct wcells w)
{
	struct cond *c = cond_true(g), *ext8 = 0;
	for (int e = r->nhdr - 1; e >= 0; e--) {
		struct cond *t = cell_is(g, w.n, r->hdr[e].type);
		switch (r->hdr[e].skip) {
		case IP6W_LEN8:
			ext8 = ext8 ? cond_or(g, t, ext8) : t;
			break;
		case IP6W_LEN4: /* AH: (len + 2) * 4 */
		case IP6W_LEN4_ABS:
			c = cond_or(g, cond_and(g, t, skip_len(g, w, 2, 2, r->hdr[e].skip == IP6W_LEN4)), c);
			break;
		default:
			c = cond_or(g, cond_and(g, t, skip_frag(g, w)), c);
		}
	}
	/* (len + 1) * 8 */
	if (ext8)
		c = cond_or(g, cond_and(g, ext8, skip_len(g, w, 1, 3, 1)), c);
	if (r->stop >= 0 && rules_have(r, r->stop))
		c = cond_or(g, cell_is(g, w.n, (uint32_t)r->stop), c);
	return c;
}

/* A walk: N = [6], T = 40 after an IPv6 header, N = [9], T = 4 * IHL
 * after an IPv4 one; then IP6W_BOUND steps. */
struct cond *ip6w_walk(struct gen *g, const struct ip6w_rules *r, uint32_t cn, uint32_t ct)
{
	struct wcells w = { cn, ct };
	uint32_t L = gen_off_linkpl(g);
	struct cond *c = cond_test(g);
	if (r->v4) {
		cond_ins(g, c, BPF_LD | BPF_B | BPF_ABS, L + 9);
		cond_ins(g, c, BPF_ST, w.n);
		cond_ins(g, c, BPF_LDX | BPF_MSH | BPF_B, L);
		cond_ins(g, c, BPF_MISC | BPF_TXA, 0);
	} else {
		cond_ins(g, c, BPF_LD | BPF_B | BPF_ABS, L + 6);
		cond_ins(g, c, BPF_ST, w.n);
		cond_ins(g, c, BPF_LD | BPF_IMM, 40);
	}
	cond_ins(g, c, BPF_ST, w.t);
	c = always(c);
	for (int s = 0; s < IP6W_BOUND; s++)
		c = cond_and(g, c, step(g, r, w));
	return c;
}

static const struct ip6w_rules dialect = { exthdr, NEXT, 0, -1 };

/* The walk of context i. */
static struct cond *walk(struct gen *g, int i)
{
	return ip6w_walk(g, &dialect, cell_n(i), cell_t(i));
}

/* `ip6 and WALK and test`: test may read the cells.  The walk is left
 * out where an earlier primitive certainly made it. */
static struct cond *over_ip6(struct gen *g, int i, struct cond *test)
{
	struct cond *is6 = gen_linktype(g, ETHERTYPE_IPV6);
	if (!test || !is6)
		return 0;
	if (g->ip6w->walked & (1u << i))
		return cond_and(g, is6, test);
	struct cond *w = walk(g, i);
	g->ip6w->walked |= 1u << i;
	return cond_and(g, is6, cond_and(g, w, test));
}

/* The walk ended on protocol p, in a first fragment or not. */
static struct cond *proto_any_frag(struct gen *g, int i, uint32_t p)
{
	return cond_or(g, nh_is(g, i, p), nh_is(g, i, p | IP6W_LATER));
}

/* `ip6 proto P` for P not an extension header: the protocol the walk ends on. */
struct cond *ip6w_proto(struct gen *g, uint32_t p)
{
	int i = ctx_index(g);
	if (i < 0)
		return 0;
	return over_ip6(g, i, proto_any_frag(g, i, p));
}

/* X = T: the transport header's offset in the IPv6 header's frame. */
void ip6w_ldx_tp(struct gen *g, struct cond *c)
{
	int i = ctx_index(g); /* registered by ip6w_relation already */
	cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell_t(i < 0 ? 0 : i));
}

/* A = tplen: the transport header and payload, as the IP header counts
 * them.  IPv4: total length - 4 * IHL; IPv6 (after the walk): payload
 * length + 40 - T. */
void ip6w_tplen(struct gen *g, struct cond *c)
{
	uint32_t L = gen_off_linkpl(g);
	if (g->ip6w->lib || !g->ip6w->v6) { /* the IPv4 variant */
		gen_iphdrlen(g, c);
		cond_ins(g, c, BPF_LD | BPF_H | BPF_ABS, L + 2);
	} else {
		ip6w_ldx_tp(g, c);
		cond_ins(g, c, BPF_LD | BPF_H | BPF_ABS, L + 4);
		cond_ins(g, c, BPF_ALU | BPF_ADD | BPF_K, 40);
	}
	cond_ins(g, c, BPF_ALU | BPF_SUB | BPF_X, 0);
}

/* --- ports --- */

/* A port field at `off` in the transport header, IPv4 (after the IHL) or
 * IPv6 (after the walk). */
static struct cond *port_at(struct gen *g, int i, uint32_t off, uint16_t jop, uint32_t v)
{
	struct cond *c = cond_test(g);
	if (i >= 0)
		cond_ins(g, c, BPF_LDX | BPF_W | BPF_MEM, cell_t(i));
	else
		gen_iphdrlen(g, c);
	cond_ins(g, c, BPF_LD | BPF_H | BPF_IND, gen_off_linkpl(g) + off);
	return cond_jump(c, jop, v);
}

static struct cond *range_at(struct gen *g, int i, uint32_t off, const struct sema_val *v, int single)
{
	if (single)
		return port_at(g, i, off, BPF_JEQ, v->port1);
	return cond_and(g, port_at(g, i, off, BPF_JGE, v->port1), cond_not(g, port_at(g, i, off, BPF_JGT, v->port2)));
}

static struct cond *ports_dir(struct gen *g, int i, int dir, const struct sema_val *v, int single)
{
	switch (dir) {
	case D_SRC: return range_at(g, i, 0, v, single);
	case D_DST: return range_at(g, i, 2, v, single);
	case D_AND: return cond_and(g, range_at(g, i, 0, v, single), range_at(g, i, 2, v, single));
	default: return cond_or(g, range_at(g, i, 0, v, single), range_at(g, i, 2, v, single));
	}
}

/* The transport protocol test: N == p on IPv6 (a later fragment's N is
 * marked, so it fails); protocol field and first fragment on IPv4. */
static struct cond *tp_is(struct gen *g, int i, uint32_t p)
{
	if (i >= 0)
		return nh_is(g, i, p);
	return cond_and(g, cond_cmp(g, gen_off_linkpl(g) + 9, 1, BPF_JEQ, p, 0xffffffff), gen_ipfrag(g));
}

static struct cond *tp_any(struct gen *g, int i, int ipproto)
{
	if (ipproto != PORT_ANY)
		return tp_is(g, i, (uint32_t)ipproto);
	return cond_or(g, tp_is(g, i, IPPROTO_SCTP), cond_or(g, tp_is(g, i, IPPROTO_TCP), tp_is(g, i, IPPROTO_UDP)));
}

/* port, portrange: IPv6 (walked) first, then IPv4, as libpcap orders them. */
struct cond *ip6w_ports(struct gen *g, const struct ast *id)
{
	const struct sema_val *v = id->val;
	int single = id->q.addr == A_PORT;
	int i = ctx_index(g);
	if (i < 0)
		return 0;
	struct cond *v6 = over_ip6(g, i, cond_and(g, tp_any(g, i, v->port_proto), ports_dir(g, i, id->q.dir, v, single)));
	struct cond *v4 = cond_and(g, gen_linktype(g, ETHERTYPE_IP),
				cond_and(g, tp_any(g, -1, v->port_proto), ports_dir(g, -1, id->q.dir, v, single)));
	return cond_or(g, v6, v4);
}

/* --- relations: tcp[i], udp[i], sctp[i], icmp6[i] --- */

static int dialect_load(int proto)
{
	return proto == P_TCP || proto == P_UDP || proto == P_SCTP || proto == P_ICMP6;
}

static uint32_t proto_number(int proto)
{
	switch (proto) {
	case P_TCP: return IPPROTO_TCP;
	case P_UDP: return IPPROTO_UDP;
	case P_SCTP: return IPPROTO_SCTP;
	default: return IPPROTO_ICMPV6;
	}
}

int ip6w_reads_tp(const struct gen *g, int proto)
{
	return g->ip6w && g->ip6w->v6 && !g->ip6w->lib && dialect_load(proto);
}

/* What the loads of an arithmetic tree need.  *dialect: it has a load of
 * tcp/udp/sctp/icmp6; *v4: of tcp/udp/sctp; *not6: of something an IPv6
 * packet cannot carry (ip, arp, icmp, ...). */
static void scan(const struct ast *n, int *dialect, int *v4, int *not6)
{
	if (!n)
		return;
	if (n->kind == AST_TPLEN)
		*dialect = *v4 = 1;
	if (n->kind == AST_LOAD) {
		if (dialect_load(n->proto))
			*dialect = 1;
		if (dialect_load(n->proto) && n->proto != P_ICMP6)
			*v4 = 1;
		if (!dialect_load(n->proto) && n->proto != P_LINK && n->proto != P_IP6)
			*not6 = 1;
	}
	if (n->kind == AST_LOAD || n->kind == AST_NEG || n->kind == AST_BINOP) {
		scan(n->l, dialect, v4, not6);
		if (n->kind == AST_BINOP)
			scan(n->r, dialect, v4, not6);
	}
}

/* N == p for every transport load, in source order (both operands: over
 * IPv6 no load goes unguarded, as a hand-written ip6[6] = p would). */
static struct cond *guards6(struct gen *g, int i, const struct ast *n, struct cond *c)
{
	if (!n || !c)
		return c;
	if (n->kind == AST_LOAD || n->kind == AST_NEG || n->kind == AST_BINOP) {
		c = guards6(g, i, n->l, c);
		if (n->kind == AST_BINOP)
			c = guards6(g, i, n->r, c);
	}
	if (n->kind == AST_LOAD && dialect_load(n->proto))
		c = cond_and(g, c, nh_is(g, i, proto_number(n->proto)));
	return c;
}

/* A relation reading a transport header: `ip6 and WALK and guards and
 * test` at the walk's offset, or else libpcap's relation over IPv4. */
struct cond *ip6w_relation(struct gen *g, const struct ast *n)
{
	int dialect = 0, v4 = 0, not6 = 0;
	struct ip6w *w = g->ip6w;
	scan(n->l, &dialect, &v4, &not6);
	scan(n->r, &dialect, &v4, &not6);
	struct span sp = n->span;
	if (!dialect) {
		w->lib = 1;
		struct cond *c = gen_relation(g, n);
		w->lib = 0;
		return c;
	}
	struct cond *c6 = cond_false(g);
	if (!not6) {
		g->span = sp;
		int i = ctx_index(g);
		if (i < 0)
			return 0;
		struct cond *gs = guards6(g, i, n->l, cond_true(g));
		gs = guards6(g, i, n->r, gs);
		w->v6 = 1;
		struct cond *t = gen_rel_test(g, n);
		w->v6 = 0;
		g->span = sp;
		c6 = over_ip6(g, i, cond_and(g, gs, t));
	}
	if (!v4 || !c6)
		return c6;
	w->lib = 1;
	struct cond *c4 = gen_relation(g, n);
	w->lib = 0;
	g->span = sp;
	return cond_or(g, c6, cond_and(g, gen_linktype(g, ETHERTYPE_IP), c4));
}

/* The program's first statements: the cells a walk keeps are zeroed, so
 * that no path reads a cell before writing it.  Paths that would are
 * infeasible (a cell is read only on IPv6 packets, where the walk ran), but
 * validators - bpfx's, the Linux kernel's - check paths, not packets. */
struct cond *ip6w_prologue(struct gen *g, struct cond *c)
{
	if (!c || !g->ip6w || !g->ip6w->nctx)
		return c;
	struct cond *z = cond_test(g);
	cond_ins(g, z, BPF_LD | BPF_IMM, 0);
	for (int i = 0; i < g->ip6w->nctx; i++) {
		cond_ins(g, z, BPF_ST, cell_n(i));
		cond_ins(g, z, BPF_ST, cell_t(i));
	}
	return cond_and(g, always(z), c);
}

/* --- libpcap's language: a hint --- */

/* The first tcp/udp/sctp load in source order, or NULL. */
static const struct ast *first_tp_load(const struct ast *n)
{
	if (!n)
		return 0;
	if (n->kind == AST_LOAD && dialect_load(n->proto) && n->proto != P_ICMP6)
		return n;
	const struct ast *l = first_tp_load(n->l);
	return l ? l : first_tp_load(n->r);
}

void ip6w_hint(const char *expr, const struct bpfx_options *o, const struct ast *root, struct bpfx_error *err)
{
	const struct ast *ld = first_tp_load(root);
	if (!ld || !strstr(err->msg, "rejects all packets"))
		return;
	struct bpfx_options d = *o;
	struct bpfx_program p;
	struct bpfx_error e2;
	d.ip6_transport = 1;
	d.dump = 0;
	if (bpfx_compile(expr, &d, &p, &e2) < 0)
		return; /* the dialect finds it empty too: not the index's doing */
	bpfx_program_free(&p);
	const char *name = ld->proto == P_TCP ? "TCP" : ld->proto == P_UDP ? "UDP" : "SCTP";
	int len = (int)(ld->span.end - ld->span.start);
	err_set(err, (int)ld->span.start, (int)ld->span.end,
		"expression rejects all packets: %.*s reads %s over IPv4 only in libpcap's language; "
		"with --ip6-transport it reads %s over IPv6 too", len > 40 ? 40 : len, expr + ld->span.start,
		name, name);
}

/* --- explain --- */

void ip6w_describe(char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "--ip6-transport: over IPv6 the header chain is walked, at most %d "
					      "extension headers (a longer chain matches no transport test), skipping ",
				    IP6W_BOUND);
	for (int i = 0; i < NEXT && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s (%u)%s", exthdr[i].name, exthdr[i].type,
				      i == NEXT - 2 ? " and " : i == NEXT - 1 ? "" : ", ");
	if (n < size)
		snprintf(buf + n, size - n, "; a later fragment (offset not 0) ends the walk and no port or "
					    "transport byte is read from it; the walk keeps the next header in M[%d] "
					    "and the transport header's offset from the IPv6 header in M[%d]",
			 BPF_MEMWORDS - 1, BPF_MEMWORDS - 2);
}
