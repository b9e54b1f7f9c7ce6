/* transport.c: port and portrange.  Over IPv4 a port is read past the
 * variable-length header (ldxb 4*([nl]&0xf)) and only in the first
 * fragment; over IPv6 it is read right after the fixed header, and only
 * when the next header is the transport itself.  An unqualified port is
 * tried on IPv6 first, then IPv4, each on SCTP, TCP then UDP: libpcap's
 * order, which decides verdicts on truncated packets. */
#include "gen/gen.h"
#include "error.h"
#include <netinet/in.h>
#include <sys/types.h>
#include <pcap/bpf.h>

/* A port field at `off` within the transport header. */
static struct cond *port_at(struct gen *g, int v6, uint32_t off, uint16_t jop, uint32_t v)
{
	struct cond *c = cond_test(g);
	if (v6) {
		cond_ins(g, c, BPF_LD | BPF_H | BPF_ABS, gen_off_linkpl(g) + 40 + off);
	} else {
		gen_iphdrlen(g, c);
		cond_ins(g, c, BPF_LD | BPF_H | BPF_IND, gen_off_linkpl(g) + off);
	}
	return cond_jump(c, jop, v);
}

/* lo <= field <= hi; a single port is the range [p, p]. */
static struct cond *range_at(struct gen *g, int v6, uint32_t off, uint32_t lo, uint32_t hi, int single)
{
	if (single)
		return port_at(g, v6, off, BPF_JEQ, lo);
	return cond_and(g, port_at(g, v6, off, BPF_JGE, lo), cond_not(g, port_at(g, v6, off, BPF_JGT, hi)));
}

static struct cond *ports_dir(struct gen *g, int v6, int dir, uint32_t lo, uint32_t hi, int single)
{
	switch (dir) {
	case D_SRC: return range_at(g, v6, 0, lo, hi, single);
	case D_DST: return range_at(g, v6, 2, lo, hi, single);
	case D_AND: return cond_and(g, range_at(g, v6, 0, lo, hi, single), range_at(g, v6, 2, lo, hi, single));
	default: return cond_or(g, range_at(g, v6, 0, lo, hi, single), range_at(g, v6, 2, lo, hi, single));
	}
}

/* One transport protocol: its protocol number, then the ports. */
static struct cond *ports_on(struct gen *g, int v6, int ipproto, int dir, uint32_t lo, uint32_t hi, int single)
{
	if (v6)
		return cond_and(g, cond_cmp(g, gen_off_linkpl(g) + 6, 1, BPF_JEQ, (uint32_t)ipproto, 0xffffffff),
			     ports_dir(g, 1, dir, lo, hi, single));
	return cond_and(g, cond_and(g, cond_cmp(g, gen_off_linkpl(g) + 9, 1, BPF_JEQ, (uint32_t)ipproto, 0xffffffff), gen_ipfrag(g)),
		     ports_dir(g, 0, dir, lo, hi, single));
}

static struct cond *ports_family(struct gen *g, int v6, int ipproto, int dir, uint32_t lo, uint32_t hi, int single)
{
	struct cond *c;
	if (ipproto != PORT_ANY)
		c = ports_on(g, v6, ipproto, dir, lo, hi, single);
	else
		c = cond_or(g, ports_on(g, v6, IPPROTO_SCTP, dir, lo, hi, single),
			 cond_or(g, ports_on(g, v6, IPPROTO_TCP, dir, lo, hi, single),
			      ports_on(g, v6, IPPROTO_UDP, dir, lo, hi, single)));
	return cond_and(g, gen_linktype(g, v6 ? 0x86dd : 0x0800), c);
}

struct cond *gen_port1(struct gen *g, int v6, int ipproto, int dir, uint32_t port)
{
	return ports_family(g, v6, ipproto, dir, port, port, 1);
}

struct cond *gen_ports(struct gen *g, const struct ast *id)
{
	const struct sema_val *v = id->val;
	int single = id->q.addr == A_PORT;
	if (ip6w_on(g))
		return ip6w_ports(g, id);
	return cond_or(g, ports_family(g, 1, v->port_proto, id->q.dir, v->port1, v->port2, single),
		    ports_family(g, 0, v->port_proto, id->q.dir, v->port1, v->port2, single));
}
