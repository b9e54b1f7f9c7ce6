/* explain_analyze.c: what each instruction reads and what holds before it
 * (see explain_int.h for how this half of `explain` meets the other).
 *
 * One forward pass over the program computes, before each instruction,
 * what the tests on every path into it have established (struct xstate):
 * where the network layer starts (link header, plus 4 per VLAN tag), which
 * network protocols are still possible (an ethertype, AF_ or IP-version
 * test narrows them), which transport protocol was tested for, and a
 * symbolic value for A, X and each M[i] ("ip[2:2]", "IPv4 header length +
 * 13").  Classic BPF only jumps forward, so visiting instructions in order
 * sees every predecessor first; where paths meet, facts that differ are
 * forgotten.  (A backward ja, which only libpcap's `protochain` emits,
 * contributes nothing: its target is annotated from its other paths.)
 *
 * A load is named from the field tables (explain_fields.c) at the offset
 * it reads, relative to the layer the state says starts there; when no
 * table knows the field, the name says which byte of which layer it is.
 * These names and symbolic values are the words explain_text.c builds
 * its sentences from; the questions and the output are all there. */
#include "explain_int.h"
#include "isa.h"
#include "proto/proto.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both halves write into fixed buffers (struct explain_insn): truncating
 * is deliberate, so neither reports it. */
void xp_put(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

void xp_cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	if (n + 1 >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------------------
 * Symbolic values
 * ------------------------------------------------------------------- */

static struct sym sy_const(uint32_t k)
{
	struct sym s = { .kind = SY_CONST, .k = k, .mask = ALLMASK };
	xp_put(s.text, sizeof s.text, k < 10 ? "%u" : "0x%x", k);
	return s;
}

static struct sym sy_unknown(void)
{
	struct sym s = { .kind = SY_UNK, .mask = ALLMASK };
	xp_put(s.text, sizeof s.text, "(a value that depends on the path taken)");
	return s;
}

static bool sy_eq(const struct sym *a, const struct sym *b)
{
	return a->kind == b->kind && a->k == b->k && a->off == b->off && a->var == b->var &&
	       a->size == b->size && a->mask == b->mask && !strcmp(a->text, b->text);
}

static bool compound(const char *t)
{
	return strchr(t, ' ') && !(t[0] == '(' && t[strlen(t) - 1] == ')');
}

/* A as an operand of a binary operator: parenthesized when compound. */
void xp_operand_text(char *buf, size_t size, const struct sym *s)
{
	if (compound(s->text))
		xp_put(buf, size, "(%s)", s->text);
	else
		xp_put(buf, size, "%s", s->text);
}

/* The text of an IPv4 header length value. */
static void hlen_text(struct sym *s)
{
	char base[40];
	xp_put(base, sizeof base, "4*([%d]&0xf)", s->off);
	if (s->var)
		return; /* text already holds "4*(...) + term" */
	if (s->k)
		xp_put(s->text, sizeof s->text, "%s + %u", base, s->k);
	else
		xp_put(s->text, sizeof s->text, "%s", base);
}

/* ---------------------------------------------------------------------
 * States
 * ------------------------------------------------------------------- */

void xp_state_start(struct xstate *s, const struct linktype *lt)
{
	memset(s, 0, sizeof *s);
	s->live = true;
	/* pflog's network layer starts where its first byte says
	 * (src/gen/pflog.c): no absolute offset is the network layer */
	s->nl = lt && lt->kind != LT_PFLOG ? (int)lt->off_nl : -1;
	s->type_off = lt ? lt->off_type : -1;
	s->net = NET_ALL;
	if (lt && lt->kind == LT_IPV4)
		s->net = NET_IP4;
	if (lt && lt->kind == LT_IPV6)
		s->net = NET_IP6;
	if (lt && lt->kind == LT_RAW)
		s->net = NET_IP4 | NET_IP6;
	s->mpls_at = -1;
	s->pppoe_at = -1;
	s->llc_at = -1;
	s->dn_at = -1;
	s->tp = -1;
	s->tp_off = -1;
	s->A = s->X = sy_const(0);
	for (int i = 0; i < BPF_MEMWORDS; i++)
		s->M[i] = sy_unknown();
}

/* The facts that are an offset or a number, -1 when unknown (or none). */
static const size_t int_facts[] = {
	offsetof(struct xstate, nl), offsetof(struct xstate, type_off), offsetof(struct xstate, mpls_at),
	offsetof(struct xstate, pppoe_at), offsetof(struct xstate, llc_at), offsetof(struct xstate, dn_at),
	offsetof(struct xstate, tp), offsetof(struct xstate, tp_off),
};

/* What holds on every path: keep the facts both agree on. */
static void state_merge(struct xstate *d, const struct xstate *s)
{
	if (!s->live)
		return;
	if (!d->live) {
		*d = *s;
		return;
	}
	for (size_t i = 0; i < sizeof int_facts / sizeof int_facts[0]; i++) {
		int *df = (int *)((char *)d + int_facts[i]);
		if (*df != *(const int *)((const char *)s + int_facts[i]))
			*df = -1;
	}
	d->net |= s->net;
	d->v6frag = d->v6frag && s->v6frag;
	if (!sy_eq(&d->A, &s->A))
		d->A = sy_unknown();
	if (!sy_eq(&d->X, &s->X))
		d->X = sy_unknown();
	for (int i = 0; i < BPF_MEMWORDS; i++)
		if (!sy_eq(&d->M[i], &s->M[i]))
			d->M[i] = sy_unknown();
}

/* What a protocol type test (an ethertype, or PPP's number inside a
 * PPPoE session) establishes: which network protocols remain, and where
 * an encapsulation it names moves the headers after it. */
enum encap { EN_NONE, EN_VLAN, EN_MPLS, EN_PPPOE };

static void type_tested(struct xstate *s, unsigned bit, enum encap e, bool taken)
{
	if (!taken) {
		if (bit != NET_OTHER)
			s->net &= ~bit;
		return;
	}
	s->net = bit;
	s->tp = -1;
	s->tp_off = -1;
	if (e == EN_NONE || s->nl < 0)
		return;
	s->net = NET_ALL;
	if (e == EN_VLAN) {
		s->type_off = s->nl + 2;  /* the tag's inner type */
		s->nl += 4;
	} else if (e == EN_MPLS) {
		s->mpls_at = s->nl;
	} else { /* a PPPoE header (6 bytes) and PPP's protocol field (2) */
		s->pppoe_at = s->nl;
		s->type_off = s->nl + 6;
		s->nl += 8;
	}
}

/* Facts a taken (or not taken) branch establishes. */
static void refine(struct xstate *s, const struct bpf_insn *in, bool taken)
{
	const struct sym *a = &s->A;
	if (a->kind != SY_FIELD || BPF_SRC(in->code) != BPF_K)
		return;
	uint32_t op = BPF_OP(in->code), k = in->k;
	bool eq = op == BPF_JEQ;
	/* an Ethernet type of 1500 or less is an 802.3 length: an 802.2 LLC
	 * header follows it */
	if (op == BPF_JGT && k == 1500 && a->f && a->f->role == XR_ETHERTYPE && a->mask == ALLMASK &&
	    a->layer != XL_GRE && a->off >= 0) {
		if (!taken) {
			s->llc_at = a->off + 2;
			s->net = NET_OTHER;
		}
		return;
	}
	if (!eq)
		return;
	if (a->f && a->f->role == XR_ETHERTYPE && a->mask == ALLMASK && a->layer != XL_GRE) {
		unsigned bit = k == PROTO_ETH_IPV4 ? NET_IP4 : k == PROTO_ETH_IPV6 ? NET_IP6
			       : (k == PROTO_ETH_ARP || k == PROTO_ETH_RARP) ? NET_ARP : NET_OTHER;
		enum encap e = (k == PROTO_ETH_VLAN || k == PROTO_ETH_QINQ || k == PROTO_ETH_QINQ_OLD) ? EN_VLAN
			       : (k == PROTO_ETH_MPLS || k == PROTO_ETH_MPLS_MC) ? EN_MPLS
			       : k == PROTO_ETH_PPPOES ? EN_PPPOE : EN_NONE;
		type_tested(s, bit, e, taken);
		if (taken && k == PROTO_ETH_DECNET)
			s->dn_at = s->nl;
		return;
	}
	/* inside a PPPoE session: PPP's numbers for what the session carries */
	if (a->f && a->f->role == XR_PPPPROTO && a->mask == ALLMASK) {
		unsigned bit = k == 0x21 ? NET_IP4 : k == 0x57 ? NET_IP6 : NET_OTHER;
		enum encap e = (k == 0x0281 || k == 0x0283) ? EN_MPLS : k == 0x8864 ? EN_PPPOE : EN_NONE;
		type_tested(s, bit, e, taken);
		return;
	}
	if (a->f && a->f->role == XR_AF && taken) {
		int v = xf_af_version(k);
		s->net = v == 4 ? NET_IP4 : v == 6 ? NET_IP6 : NET_OTHER;
		return;
	}
	/* IP version nibble at off: that is where the IP header starts. */
	if (a->size == 1 && a->off >= 0 && a->mask == 0xf0 && (k == 0x40 || k == 0x60) &&
	    (a->off == s->nl || s->mpls_at >= 0)) {
		unsigned bit = k == 0x40 ? NET_IP4 : NET_IP6;
		if (taken) {
			s->nl = a->off;
			s->net = bit;
			s->tp = -1;
			s->tp_off = -1;
		} else if (a->off == s->nl) {
			s->net &= ~bit;
		}
		return;
	}
	if (a->f && a->f->role == XR_IPPROTO && a->mask == ALLMASK && taken) {
		if (a->layer == XL_IPV6 && k == 44) {
			s->v6frag = true;
			s->tp = -1;
			s->tp_off = -1;
		} else if (a->layer == XL_IPV6 || a->layer == XL_IPV4) {
			s->tp = (int)k;
			s->tp_off = a->layer == XL_IPV6 && s->nl >= 0 ? s->nl + 40 : -1;
			if (a->layer == XL_IPV4)
				s->net = NET_IP4;
			else
				s->net = NET_IP6;
		} else if (a->layer == XL_IP6FRAG) {
			s->tp = (int)k;
			s->tp_off = s->nl >= 0 ? s->nl + 48 : -1;
		}
	}
}

/* ---------------------------------------------------------------------
 * Naming what a load reads (into a struct xread)
 * ------------------------------------------------------------------- */

static const char *size_suffix(int size, char buf[8])
{
	if (size == 1)
		buf[0] = 0;
	else
		xp_put(buf, 8, ":%d", size);
	return buf;
}

static enum xf_layer link_layer(const struct linktype *lt)
{
	if (!lt)
		return XL_NLAYERS;
	switch (lt->kind) {
	case LT_ETHER: return XL_ETHER;
	case LT_SLL: return XL_SLL;
	case LT_SLL2: return XL_SLL2;
	case LT_NULL:
	case LT_LOOP: return XL_NULL;
	case LT_PFLOG: return XL_PFLOG;
	default: return XL_NLAYERS;
	}
}

/* "14 (Ethernet)" for the network layer's start. */
static void nl_text(char *buf, size_t size, const struct xctx *c, const struct xstate *s, int nl)
{
	if (!c->lt) {
		xp_put(buf, size, "%d", nl);
	} else if (nl == 0) {
		xp_put(buf, size, "0 (no link header)");
	} else if (nl == (int)c->lt->off_nl) {
		xp_put(buf, size, "%d (%s)", nl, c->lt->descr);
	} else {
		xp_put(buf, size, "%d (%s + %d bytes of %s headers)", nl, c->lt->descr,
			 nl - (int)c->lt->off_nl, s->pppoe_at >= 0 ? "VLAN/PPPoE" : "VLAN/MPLS");
	}
}

/* Fill r->val as field foff/size of layer l, with meaning text. */
static void name_field(struct xread *r, enum xf_layer l, int foff, int size, const char *prim_override)
{
	const struct xlayer *x = xf_layer(l);
	int exact = 0;
	const struct xfield *f = xf_lookup(l, (unsigned)foff, (unsigned)size, &exact);
	char sz[8];
	r->val.kind = SY_FIELD;
	r->val.layer = l;
	r->val.foff = foff;
	r->val.size = size;
	r->val.f = f;
	r->val.mask = ALLMASK;
	const char *prim = prim_override ? prim_override : x->prim;
	if (prim)
		xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", prim, foff, size_suffix(size, sz));
	if (f) {
		r->named = true;
		if (exact || (f->off == foff && f->size >= size && f->size <= 4))
			xp_put(r->meaning, sizeof r->meaning, "%s", f->name);
		else if (foff + size <= f->off + f->size)
			xp_put(r->meaning, sizeof r->meaning, "bytes %d..%d of the %s", foff - f->off,
				 foff - f->off + size - 1, f->name);
		else
			xp_put(r->meaning, sizeof r->meaning, "%s and what follows it", f->name);
	} else if ((unsigned)foff >= x->fixed) {
		xp_put(r->meaning, sizeof r->meaning, "byte %d of the %s header: past its %u fixed bytes (options or payload)",
			 foff, x->title, x->fixed);
	} else {
		xp_put(r->meaning, sizeof r->meaning, "byte %d of the %s header", foff, x->title);
	}
}

/* The reading of network-layer offset rel for one network protocol. */
static void read_net(struct xread *r, const struct xctx *c, const struct xstate *s, unsigned bit,
		     int off, int size)
{
	char nl[80];
	int rel = off - s->nl;
	nl_text(nl, sizeof nl, c, s, s->nl);
	if (bit == NET_IP4) {
		name_field(r, XL_IPV4, rel, size, NULL);
		xp_put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	} else if (bit == NET_IP6 && rel < 40) {
		name_field(r, XL_IPV6, rel, size, NULL);
		xp_put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	} else if (bit == NET_IP6) {
		int t = rel - 40;
		if (s->v6frag && s->tp < 0 && t < 8) {
			name_field(r, XL_IP6FRAG, t, size, "ip6");
			xp_put(r->val.text, sizeof r->val.text, "ip6[%d%s]", rel, size == 1 ? "" : size == 2 ? ":2" : ":4");
			xp_put(r->where, sizeof r->where, "at %s + 40 (IPv6 header) + %d", nl, t);
			return;
		}
		int tbase = s->tp_off >= 0 ? s->tp_off - s->nl : 40;
		enum xf_layer tl = xf_transport_layer(s->tp);
		if (tl == XL_NLAYERS && rel - tbase < 4)
			tl = XL_PORTS;
		if (tl != XL_NLAYERS) {
			name_field(r, tl, rel - tbase, size, NULL);
			xp_put(r->where, sizeof r->where, "at %s + %d (%s) + %d", nl, tbase,
				 tbase == 40 ? "IPv6 header" : "IPv6 and fragment headers", rel - tbase);
		} else {
			char sz[8];
			xp_put(r->val.text, sizeof r->val.text, "ip6[%d%s]", rel, size_suffix(size, sz));
			r->val.kind = SY_FIELD;
			r->val.layer = XL_IPV6;
			r->val.foff = rel;
			r->val.size = size;
			r->val.mask = ALLMASK;
			xp_put(r->meaning, sizeof r->meaning, "byte %d after the 40-byte IPv6 header (extension header or payload)",
				 rel - 40);
			xp_put(r->where, sizeof r->where, "at %s + 40 (IPv6 header) + %d", nl, rel - 40);
		}
	} else if (bit == NET_ARP) {
		name_field(r, XL_ARP, rel, size, NULL);
		xp_put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	}
}

/* An absolute load at or past the network layer's start: read as each
 * network protocol still possible, the first in r, the others in r->alt. */
static void read_nl(struct xread *r, const struct xctx *c, const struct xstate *s, int off, int size)
{
	static const unsigned order[] = { NET_IP4, NET_IP6, NET_ARP };
	unsigned poss = s->net & (NET_IP4 | NET_IP6 | NET_ARP);
	if (!poss || (s->net & NET_OTHER && s->net != NET_OTHER && poss == (NET_IP4 | NET_IP6 | NET_ARP))) {
		/* nothing established: a byte of whatever follows */
		char nl[80];
		nl_text(nl, sizeof nl, c, s, s->nl);
		xp_put(r->meaning, sizeof r->meaning, "byte %d of the network layer (no test so far says which protocol)",
			 off - s->nl);
		xp_put(r->where, sizeof r->where, "at %s + %d", nl, off - s->nl);
		r->val.foff = off - s->nl;
		return;
	}
	bool first = true;
	for (size_t i = 0; i < 3; i++) {
		if (!(poss & order[i]))
			continue;
		if (first) {
			read_net(r, c, s, order[i], off, size);
			r->val.off = off;
			first = false;
		} else {
			struct xread o;
			memset(&o, 0, sizeof o);
			read_net(&o, c, s, order[i], off, size);
			xp_cat(r->alt, sizeof r->alt, "%sif %s: %s = %s", r->alt[0] ? "; " : "",
			    order[i] == NET_IP6 ? "IPv6" : "ARP", o.val.text, o.meaning);
		}
	}
}

/* Name an absolute load of size bytes at off. */
void xp_read_abs(struct xread *r, const struct xctx *c, const struct xstate *s, int off, int size)
{
	memset(r, 0, sizeof *r);
	char sz[8];
	const struct linktype *lt = c->lt;
	enum xf_layer ll = link_layer(lt);
	const char *lprim = ll == XL_ETHER ? "ether" : "link";
	r->val.kind = SY_FIELD;
	r->val.off = off;
	r->val.size = size;
	r->val.mask = ALLMASK;
	r->val.layer = XL_NLAYERS;
	xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", ll == XL_NLAYERS ? "link" : lprim, off, size_suffix(size, sz));

	/* Linux's ancillary data (SKF_AD_OFF = -4096 + n): metadata a kernel
	 * socket filter reads, not packet bytes; outside the kernel there is
	 * none, and bpf_filter treats the load as past the packet */
	if ((uint32_t)off >= ISA_SKF_AD_OFF) {
		const struct isa_ancillary *ad = isa_ancillary_at((uint32_t)off);
		unsigned n = (uint32_t)off - ISA_SKF_AD_OFF;
		const char *what = ad ? ad->meaning : "unknown field";
		xp_put(r->val.text, sizeof r->val.text, "linux[%s]", what);
		xp_put(r->meaning, sizeof r->meaning,
		       "the %s Linux gives a live socket filter (in a capture file: none, the load rejects)", what);
		xp_put(r->where, sizeof r->where, "at SKF_AD_OFF + %u", n);
		return;
	}

	/* MPLS label stack entries, until an IP version test says where
	 * the network layer starts */
	if (s->mpls_at >= 0 && off >= s->mpls_at && (s->net == NET_ALL || off < s->nl)) {
		int e = (off - s->mpls_at) / 4;
		name_field(r, XL_MPLS, (off - s->mpls_at) % 4, size, NULL);
		xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
		char m[160];
		xp_put(m, sizeof m, "%s", r->meaning);
		xp_put(r->meaning, sizeof r->meaning, "%s, label %d of the stack", m, e + 1);
		xp_put(r->where, sizeof r->where, "at %d (MPLS stack at %d) + %d", off, s->mpls_at, off - s->mpls_at);
		r->val.off = off;
		return;
	}
	if (s->llc_at >= 0 && off >= s->llc_at && off + size <= s->llc_at + 8) {
		name_field(r, XL_LLC, off - s->llc_at, size, lprim);
		xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
		char llc[80];
		nl_text(llc, sizeof llc, c, s, s->llc_at);
		xp_put(r->where, sizeof r->where, "at %s + %d, in the 802.2 LLC header", llc, off - s->llc_at);
		r->val.off = off;
		return;
	}
	if (s->dn_at >= 0 && s->dn_at == s->nl && off >= s->dn_at && off + size <= s->dn_at + 20 && s->net == NET_OTHER) {
		char nl[80];
		name_field(r, XL_DECNET, off - s->dn_at, size, "decnet");
		nl_text(nl, sizeof nl, c, s, s->nl);
		xp_put(r->where, sizeof r->where, "at %s + %d", nl, off - s->dn_at);
		r->val.off = off;
		return;
	}
	if (s->nl >= 0 && off >= s->nl) {
		read_nl(r, c, s, off, size);
		return;
	}
	/* a PPPoE header and the PPP protocol after it */
	if (s->pppoe_at >= 0 && off >= s->pppoe_at && off < s->pppoe_at + 8) {
		name_field(r, XL_PPPOE, off - s->pppoe_at, size, lprim);
		xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
		xp_put(r->where, sizeof r->where, "at %d (PPPoE header at %d) + %d", off, s->pppoe_at,
			 off - s->pppoe_at);
		r->val.off = off;
		return;
	}
	/* the link layer, VLAN tags included */
	if (lt && ll != XL_NLAYERS) {
		if (off >= (int)lt->off_nl && s->nl > off) {
			int t = (off - (int)lt->off_nl) % 4;
			name_field(r, XL_VLAN, t, size, lprim);
			xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
			char m[160];
			xp_put(m, sizeof m, "%s", r->meaning);
			xp_put(r->meaning, sizeof r->meaning, "%s (VLAN tag %d)", m, (off - (int)lt->off_nl) / 4 + 1);
			xp_put(r->where, sizeof r->where, "at %d (%s) + %d", (int)lt->off_nl, lt->descr,
				 off - (int)lt->off_nl);
		} else if (off < (int)lt->off_nl || (ll == XL_PFLOG && off < (int)xf_layer(ll)->fixed)) {
			name_field(r, ll, off, size, lprim);
			xp_put(r->where, sizeof r->where, "at %d, in the %s header", off, lt->descr);
		} else {
			xp_put(r->meaning, sizeof r->meaning, "byte %d of the packet (after the %s header)", off,
				 lt->descr);
			xp_put(r->where, sizeof r->where, "at %d", off);
		}
		r->val.off = off;
		return;
	}
	xp_put(r->meaning, sizeof r->meaning, "byte %d of the packet", off);
	xp_put(r->where, sizeof r->where, "at %d", off);
}

/* The transport layer the expression names at this instruction ("tcp[12]"
 * in its span), when the program itself never tests for one: libpcap (and
 * bpfx) drop that test from arithmetic in some optimized programs. */
static enum xf_layer span_layer(const struct xctx *c)
{
	static const struct { const char *prim; enum xf_layer l; } prims[] = {
		{"tcp[", XL_TCP}, {"udp[", XL_UDP}, {"sctp[", XL_SCTP}, {"icmp[", XL_ICMP},
		{"icmp6[", XL_ICMP6}, {"igmp[", XL_IGMP}, {"pim[", XL_PIM}, {"vrrp[", XL_VRRP},
		{"carp[", XL_VRRP}, {"igrp[", XL_IGRP},
	};
	if (!c->spans || !c->expr || c->pc >= c->n || c->spans[c->pc].start < 0)
		return XL_NLAYERS;
	int st = c->spans[c->pc].start, en = c->spans[c->pc].end;
	if (en > 0) /* not strlen: this runs for many instructions of a long expression */
		en = (int)strnlen(c->expr, (size_t)en);
	enum xf_layer found = XL_NLAYERS;
	for (int i = st; i < en; i++) {
		if (i > 0 && (isalnum((unsigned char)c->expr[i - 1]) || c->expr[i - 1] == '-'))
			continue;
		for (size_t j = 0; j < sizeof prims / sizeof prims[0]; j++) {
			size_t n = strlen(prims[j].prim);
			if ((int)(i + n) <= en && !strncmp(c->expr + i, prims[j].prim, n)) {
				if (found != XL_NLAYERS && found != prims[j].l)
					return XL_NLAYERS; /* two protocols: no single answer */
				found = prims[j].l;
			}
		}
	}
	return found;
}

/* An indirect load [x + k] with x = the IPv4 header length (plus k or a
 * term): a field of the transport layer.  r->val is already a field. */
static void read_transport(struct xread *r, const struct xctx *c, const struct xstate *s, uint32_t k, int size)
{
	const struct sym *x = &s->X;
	char sz[8], nl[80];
	int t = (int)k - x->off;
	enum xf_layer tl = xf_transport_layer(s->tp);
	bool untested = false;
	if (tl == XL_NLAYERS && s->tp < 0 && (tl = span_layer(c)) != XL_NLAYERS)
		untested = true;
	if (tl == XL_NLAYERS && t >= 0 && t < 4 && !x->var && x->k == 0)
		tl = XL_PORTS;
	nl_text(nl, sizeof nl, c, s, x->off);
	const struct xlayer *L = xf_layer(tl);
	const char *prim = L && L->prim ? L->prim : "l4";
	if (x->var) {
		if (t)
			xp_put(r->val.text, sizeof r->val.text, "%s[%s + %d%s]", prim, x->term, t,
				 size_suffix(size, sz));
		else
			xp_put(r->val.text, sizeof r->val.text, "%s[%s%s]", prim, x->term, size_suffix(size, sz));
		xp_put(r->meaning, sizeof r->meaning, "a %d-byte value in the %s header or payload, at a computed offset",
			 size, L ? L->title : "transport");
		xp_put(r->where, sizeof r->where, "at %s + x (IPv4 header + %s) + %d", nl, x->term, t);
		r->named = true;
		return;
	}
	int toff = t + (int)x->k;
	if (L && toff >= 0) {
		name_field(r, tl, toff, size, prim);
		if (untested)
			xp_cat(r->meaning, sizeof r->meaning, " (as the expression says: no test in the program checks that it is %s)",
			    L->title);
	} else {
		xp_put(r->val.text, sizeof r->val.text, "%s[%d%s]", prim, toff, size_suffix(size, sz));
		xp_put(r->meaning, sizeof r->meaning, "byte %d after the IPv4 header (no test so far names the protocol)",
			 toff);
	}
	if (x->k)
		xp_put(r->where, sizeof r->where, "at %s + x (IPv4 header + %u) + %d", nl, x->k, t);
	else
		xp_put(r->where, sizeof r->where, "at %s + x (IPv4 header) + %d", nl, t);
}

/* Name an indirect load [x + k]. */
void xp_read_ind(struct xread *r, const struct xctx *c, const struct xstate *s, uint32_t k, int size)
{
	const struct sym *x = &s->X;
	char sz[8], nl[80];
	if (x->kind == SY_CONST) {
		xp_read_abs(r, c, s, (int)(k + x->k), size);
		xp_cat(r->where, sizeof r->where, " (x = %u)", x->k);
		return;
	}
	memset(r, 0, sizeof *r);
	r->val.kind = SY_FIELD;
	r->val.off = -1;
	r->val.size = size;
	r->val.mask = ALLMASK;
	r->val.layer = XL_NLAYERS;
	if (x->kind == SY_HLEN) {
		read_transport(r, c, s, k, size);
		return;
	}
	/* x holds some other value: say so */
	char xt[120];
	xp_operand_text(xt, sizeof xt, x);
	/* a header chain walk (protochain): x differs by path, and [x + 0],
	 * [x + 1] are the next-header and length bytes of the header at x */
	int crel = (int)k - s->nl;
	if (x->kind == SY_UNK && s->nl >= 0 && (crel == 0 || crel == 1) && (s->net == NET_IP4 || s->net == NET_IP6)) {
		const char *prim = s->net == NET_IP4 ? "ip" : "ip6";
		xp_put(r->val.text, sizeof r->val.text, "%s[x%s]", prim, crel ? " + 1" : "");
		xp_put(r->meaning, sizeof r->meaning, "the %s byte of the header x bytes into the %s header chain",
			 crel ? "length" : "next-header", s->net == NET_IP4 ? "IPv4" : "IPv6");
		nl_text(nl, sizeof nl, c, s, s->nl);
		xp_put(r->where, sizeof r->where, "at %s + x + %d, x from a chain walk", nl, crel);
		r->named = true;
		return;
	}
	if (s->nl >= 0 && (int)k >= s->nl && (s->net == NET_IP4 || s->net == NET_IP6)) {
		const char *prim = s->net == NET_IP4 ? "ip" : "ip6";
		int rel = (int)k - s->nl;
		if (rel)
			xp_put(r->val.text, sizeof r->val.text, "%s[%s + %d%s]", prim, x->text, rel, size_suffix(size, sz));
		else
			xp_put(r->val.text, sizeof r->val.text, "%s[%s%s]", prim, x->text, size_suffix(size, sz));
		xp_put(r->meaning, sizeof r->meaning, "the %d-byte value at a computed offset into the %s packet",
			 size, s->net == NET_IP4 ? "IPv4" : "IPv6");
		nl_text(nl, sizeof nl, c, s, s->nl);
		xp_put(r->where, sizeof r->where, "at %s + x + %d, x = %s", nl, rel, xt);
	} else {
		const char *lp = link_layer(c->lt) == XL_ETHER ? "ether" : "link";
		if (k)
			xp_put(r->val.text, sizeof r->val.text, "%s[%s + %u%s]", lp, x->text, k, size_suffix(size, sz));
		else
			xp_put(r->val.text, sizeof r->val.text, "%s[%s%s]", lp, x->text, size_suffix(size, sz));
		xp_put(r->meaning, sizeof r->meaning, "the %d-byte value at a computed offset in the packet", size);
		xp_put(r->where, sizeof r->where, "at x + %u, x = %s", k, xt);
	}
}

/* ---------------------------------------------------------------------
 * Transfer: the state after an instruction (fall-through)
 * ------------------------------------------------------------------- */

static struct sym alu(const struct sym *a, const struct bpf_insn *in, const struct sym *x)
{
	uint32_t op = BPF_OP(in->code);
	struct sym r = { .kind = SY_EXPR, .mask = ALLMASK };
	bool byx = BPF_SRC(in->code) == BPF_X;
	struct sym kv = sy_const(in->k);
	const struct sym *b = byx ? x : &kv;
	char at[128], bt[128];
	if (op == BPF_NEG) {
		xp_operand_text(at, sizeof at, a);
		xp_put(r.text, sizeof r.text, "-%s", at);
		return r;
	}
	/* constant folding keeps `ld #13; add x` and `ld #2; or #0x10` readable */
	if (a->kind == SY_CONST && b->kind == SY_CONST) {
		/* as the interpreter computes it; a division by zero is
		 * left as written, since the program ends there */
		struct isa_result v = isa_alu(in->code, a->k, b->k);
		if (v.fault == ISA_OK)
			return sy_const(v.value);
	}
	if (op == BPF_ADD && ((a->kind == SY_HLEN) != (b->kind == SY_HLEN))) {
		const struct sym *h = a->kind == SY_HLEN ? a : b, *o = a->kind == SY_HLEN ? b : a;
		r = *h;
		if (o->kind == SY_CONST && !h->var) {
			r.k = h->k + o->k;
			hlen_text(&r);
			return r;
		}
		if (!h->var && h->k == 0 && o->kind != SY_UNK) {
			r.var = 1;
			xp_operand_text(r.term, sizeof r.term, o);
			xp_put(r.text, sizeof r.text, "4*([%d]&0xf) + %s", h->off, r.term);
			return r;
		}
	}
	if (a->kind == SY_FIELD && op == BPF_AND && b->kind == SY_CONST) {
		r = *a;
		r.mask &= b->k;
		xp_operand_text(at, sizeof at, a);
		xp_put(r.text, sizeof r.text, "%s & 0x%x", at, b->k);
		return r;
	}
	xp_operand_text(at, sizeof at, a);
	xp_operand_text(bt, sizeof bt, b);
	if (b->kind == SY_CONST && (op == BPF_AND || op == BPF_OR || op == BPF_XOR))
		xp_put(bt, sizeof bt, "0x%x", b->k);
	xp_put(r.text, sizeof r.text, "%s %s %s", at, isa_alu_symbol(op), bt);
	return r;
}

/* What a load of a mode both A and x have leaves in the register: the
 * length, k, or a scratch cell. */
static struct sym loaded(const struct xstate *s, uint32_t mode, uint32_t k)
{
	struct sym v;
	switch (mode) {
	case BPF_LEN:
		v = (struct sym){ .kind = SY_LEN, .mask = ALLMASK };
		xp_put(v.text, sizeof v.text, "len");
		return v;
	case BPF_IMM: return sy_const(k);
	case BPF_MEM: return s->M[k % BPF_MEMWORDS];
	default: return sy_unknown();
	}
}

void xp_transfer(const struct xctx *c, struct xstate *s, const struct bpf_insn *in)
{
	struct xread r;
	uint32_t k = in->k;
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		switch (BPF_MODE(in->code)) {
		case BPF_ABS:
			xp_read_abs(&r, c, s, (int)k, (int)isa_load_bytes(in->code));
			s->A = r.val;
			break;
		case BPF_IND:
			xp_read_ind(&r, c, s, k, (int)isa_load_bytes(in->code));
			s->A = r.val;
			break;
		default: s->A = loaded(s, BPF_MODE(in->code), k); break;
		}
		break;
	case BPF_LDX:
		if (BPF_MODE(in->code) == BPF_MSH) {
			s->X = (struct sym){ .kind = SY_HLEN, .off = (int)k, .mask = ALLMASK };
			hlen_text(&s->X);
		} else {
			s->X = loaded(s, BPF_MODE(in->code), k);
		}
		break;
	case BPF_ST: s->M[k % BPF_MEMWORDS] = s->A; break;
	case BPF_STX: s->M[k % BPF_MEMWORDS] = s->X; break;
	case BPF_ALU: s->A = alu(&s->A, in, &s->X); break;
	case BPF_MISC:
		if (BPF_MISCOP(in->code) == BPF_TAX)
			s->X = s->A;
		else
			s->A = s->X;
		break;
	default: break;
	}
}

/* Merge s into what holds before instruction t (a state made on the
 * first edge into it; NULL stays NULL when out of memory: the instruction
 * is then described as if nothing were known). */
static void merge_into(struct xctx *c, unsigned t, const struct xstate *s)
{
	if (!c->in[t]) {
		c->in[t] = malloc(sizeof *c->in[t]);
		if (!c->in[t])
			return;
		c->in[t]->live = false;
	}
	state_merge(c->in[t], s);
}

void xp_step(struct xctx *c, unsigned i, const struct xstate *s0)
{
	struct xstate s = *s0;
	const struct bpf_insn *in = &c->p[i];
	if (!s.live || BPF_CLASS(in->code) == BPF_RET)
		return;
	if (BPF_CLASS(in->code) == BPF_JMP) {
		if (BPF_OP(in->code) == BPF_JA) {
			uint64_t t = (uint64_t)i + 1 + in->k;
			if (t < c->n && t > i)
				merge_into(c, (unsigned)t, &s);
			return;
		}
		struct xstate st = s, sf = s;
		refine(&st, in, true);
		refine(&sf, in, false);
		unsigned t = i + 1 + in->jt, f = i + 1 + in->jf;
		if (t < c->n)
			merge_into(c, t, &st);
		if (f < c->n)
			merge_into(c, f, &sf);
		return;
	}
	c->pc = i;
	xp_transfer(c, &s, in);
	if (i + 1 < c->n)
		merge_into(c, i + 1, &s);
}
