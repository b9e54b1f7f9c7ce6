/* protochain.c: `ip protochain P`, `ip6 protochain P`, `protochain P`.
 *
 * libpcap compiles protochain to a loop: A is the next-header value, X the
 * offset of the header it names; while A is neither P nor 59 (no next
 * header) and names a header it knows, that header is skipped and the
 * loop jumps back.  The verdict is A == P where the loop ends.  Its
 * backward jump is refused by the Linux kernel, and on some packets the
 * loop never ends (libpcap's AH step sets X to the AH header's own length
 * from the start of the IP header instead of adding it, so an AH of the
 * right length is read again and again).
 *
 * Here the same walk is unrolled, IP6W_BOUND (8) steps of ip6walk.c's
 * walker, forward jumps only, with libpcap's rules:
 *   IPv6: start at N = ip6[6], T = 40; skip hop-by-hop (0), destination
 *         options (60), routing (43) and fragment (44) as T += (len + 1) * 8
 *         (a fragment's reserved byte is its "length"), and AH (51) as
 *         T = (len + 2) * 4 (libpcap's quirk, kept for its verdicts);
 *   IPv4: start at N = ip[9], T = 4 * IHL; skip only AH, as above.
 * Every packet whose chain libpcap's loop ends within 8 skipped headers
 * gets libpcap's verdict; a longer chain (or a looping one) is cut at 8
 * and matches only if its ninth header is P.  libpcap turns its optimizer
 * off for an expression with protochain, so --loose (which promises its
 * optimizer's verdicts) optimizes it exactly; see compile.c. */
#include "gen/gen.h"
#include "error.h"
#include <stdio.h>
#include <sys/types.h>
#include <pcap/bpf.h>

#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_IPV6 0x86dd

/* The cells the walk keeps its N and T in: the bottom two, which arith.c
 * uses only inside one relation (protochain is never inside one) and
 * ip6walk.c's dialect never (its cells are at the top). */
#define PCHAIN_N 0
#define PCHAIN_T 1

/* The headers libpcap's protochain loop skips. */
static const struct ip6w_hdr v6_hdrs[] = {
	{ 0, IP6W_LEN8, "hop-by-hop options" },
	{ 60, IP6W_LEN8, "destination options" },
	{ 43, IP6W_LEN8, "routing" },
	{ 44, IP6W_LEN8, "fragment" },
	{ 51, IP6W_LEN4_ABS, "AH" },
};
static const struct ip6w_hdr v4_hdrs[] = {
	{ 51, IP6W_LEN4_ABS, "AH" },
};

/* One family: `ip[6] and WALK and N == v`. */
static struct cond *chain(struct gen *g, uint32_t v, int v4)
{
	struct ip6w_rules r = { v4 ? v4_hdrs : v6_hdrs, v4 ? 1 : (int)(sizeof v6_hdrs / sizeof v6_hdrs[0]), v4,
				v <= 255 ? (int)v : -1 };
	struct cond *is = gen_linktype(g, v4 ? ETHERTYPE_IP : ETHERTYPE_IPV6);
	struct cond *w = ip6w_walk(g, &r, PCHAIN_N, PCHAIN_T);
	struct cond *t = cond_test(g);
	cond_ins(g, t, BPF_LD | BPF_MEM, PCHAIN_N);
	return cond_and(g, is, cond_and(g, w, cond_jump(t, BPF_JEQ, v)));
}

/* [ip|ip6] protochain v: without a protocol IPv4, then IPv6, as libpcap. */
struct cond *gen_protochain(struct gen *g, uint32_t v, int proto)
{
	if (ip6w_cells(g) > BPF_MEMWORDS - 2)
		return GEN_FAIL(g, "expression too complex: no scratch cells left for protochain");
	/* as libpcap: not where the network layer's offset is read from the
	 * packet (802.11, and after the first vlan of a live capture) */
	if (wlan_var(gen_off_linkpl(g)) || kvlan_var(gen_off_linkpl(g)) || geneve_var(gen_off_linkpl(g)))
		return GEN_FAIL(g, "'protochain' not supported with variable length headers");
	if (proto == P_IP || proto == P_IP6)
		return chain(g, v, proto == P_IP);
	return cond_or(g, chain(g, v, 1), chain(g, v, 0));
}

void gen_protochain_describe(char *buf, size_t size)
{
	snprintf(buf, size, "protochain: the header chain is walked as libpcap walks it, but unrolled with forward "
			    "jumps only and at most %d headers deep (libpcap loops, with a backward jump the Linux "
			    "kernel refuses): over IPv6 it skips hop-by-hop (0), destination options (60), routing (43), "
			    "fragment (44) and AH (51), over IPv4 only AH; a chain longer than %d headers matches only "
			    "if its header after the %dth is the protocol; the walk keeps the next header in M[%d] and "
			    "the offset in M[%d]",
		 IP6W_BOUND, IP6W_BOUND, IP6W_BOUND, PCHAIN_N, PCHAIN_T);
}

/* Does the checked tree hold a protochain?  (Down the left spine with a
 * loop: a chain of thousands of ors is that deep.) */
int gen_has_protochain(const struct ast *n)
{
	for (; n; n = n->l) {
		if ((n->kind == AST_ID || n->kind == AST_HEAD) && n->q.addr == A_PROTOCHAIN)
			return 1;
		if ((n->kind == AST_AND || n->kind == AST_OR) && gen_has_protochain(n->r))
			return 1;
		if (n->kind != AST_AND && n->kind != AST_OR && n->kind != AST_NOT && n->kind != AST_HEAD)
			return 0;
	}
	return 0;
}
