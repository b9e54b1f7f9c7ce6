/* explain.c: annotate each instruction of a program (see explain.h).
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
 * Then each instruction is described from the state before it: a load is
 * named from the field tables (explain_fields.c) at the offset it reads,
 * relative to the layer the state says starts there; a branch is phrased
 * from the role of the field A holds ("is it TCP?").  Every instruction
 * gets a sentence: when no table knows a field, the sentence says which
 * byte of which layer it is. */
#include "explain.h"
#include "error.h"
#include "format.h"
#include "linktype.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { NET_IP4 = 1, NET_IP6 = 2, NET_ARP = 4, NET_OTHER = 8, NET_ALL = 15 };

enum sy_kind {
	SY_UNK,    /* differs by path, or nothing useful to say */
	SY_CONST,  /* k */
	SY_LEN,    /* the packet length on the wire */
	SY_FIELD,  /* a packet field, perhaps masked */
	SY_HLEN,   /* 4*(ihl) of the IPv4 header at off, plus k or plus text */
	SY_EXPR,   /* anything else, written as an expression in text */
};

struct sym {
	enum sy_kind kind;
	uint32_t k;            /* CONST: value; HLEN: constant addend */
	int off;               /* FIELD: absolute offset, -1 if indirect; HLEN: IHL byte */
	int var;               /* HLEN: the addend is the expression in text */
	int size;              /* FIELD: 1, 2, 4 */
	enum xf_layer layer;   /* FIELD: the layer it belongs to (XL_NLAYERS: none) */
	int foff;              /* FIELD: offset inside that layer */
	const struct xfield *f;/* FIELD: table entry, NULL if none */
	uint32_t mask;         /* FIELD: and-mask applied, 0xffffffff if none */
	char text[120];        /* the value as an expression: "tcp[13] & 0x10" */
	char term[120];        /* HLEN with var: the addend as an expression */
};

struct xstate {
	bool live;             /* some path reaches here */
	int nl;                /* offset of the network layer, -1 unknown */
	int type_off;          /* offset of the protocol type field in use, -1 none */
	unsigned net;          /* NET_* still possible */
	int mpls_at;           /* start of an MPLS label stack, -1 none */
	int tp;                /* IP protocol tested for, -1 unknown */
	int tp_off;            /* absolute transport offset when fixed (IPv6), else -1 */
	bool v6frag;           /* the IPv6 next header is a fragment header */
	struct sym A, X, M[BPF_MEMWORDS];
};

struct xctx {
	const struct linktype *lt;
	int dlt;
	uint32_t snaplen;
	const struct bpf_insn *p;
	unsigned n;
	struct xstate *in;     /* state before each instruction */
	struct explain *out;
	const struct bpfx_span *spans; /* may be NULL */
	const char *expr;      /* may be NULL */
	unsigned pc;           /* the instruction being described */
};

#define ALLMASK 0xffffffffu

/* snprintf that may truncate: annotations are bounded on purpose. */
static void put(char *buf, size_t size, const char *fmt, ...) BPFX_PRINTF(3, 4);
static void put(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

static void cat(char *buf, size_t size, const char *fmt, ...) BPFX_PRINTF(3, 4);
static void cat(char *buf, size_t size, const char *fmt, ...)
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
	put(s.text, sizeof s.text, k < 10 ? "%u" : "0x%x", k);
	return s;
}

static struct sym sy_unknown(void)
{
	struct sym s = { .kind = SY_UNK, .mask = ALLMASK };
	put(s.text, sizeof s.text, "(a value that depends on the path taken)");
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
static void operand_text(char *buf, size_t size, const struct sym *s)
{
	if (compound(s->text))
		put(buf, size, "(%s)", s->text);
	else
		put(buf, size, "%s", s->text);
}

/* The text of an IPv4 header length value. */
static void hlen_text(struct sym *s)
{
	char base[40];
	put(base, sizeof base, "4*([%d]&0xf)", s->off);
	if (s->var)
		return; /* text already holds "4*(...) + term" */
	if (s->k)
		put(s->text, sizeof s->text, "%s + %u", base, s->k);
	else
		put(s->text, sizeof s->text, "%s", base);
}

/* ---------------------------------------------------------------------
 * States
 * ------------------------------------------------------------------- */

static void state_start(struct xstate *s, const struct linktype *lt)
{
	memset(s, 0, sizeof *s);
	s->live = true;
	s->nl = lt ? (int)lt->off_nl : -1;
	s->type_off = lt ? lt->off_type : -1;
	s->net = NET_ALL;
	if (lt && lt->kind == LT_IPV4)
		s->net = NET_IP4;
	if (lt && lt->kind == LT_IPV6)
		s->net = NET_IP6;
	if (lt && lt->kind == LT_RAW)
		s->net = NET_IP4 | NET_IP6;
	s->mpls_at = -1;
	s->tp = -1;
	s->tp_off = -1;
	s->A = s->X = sy_const(0);
	for (int i = 0; i < BPF_MEMWORDS; i++)
		s->M[i] = sy_unknown();
}

/* What holds on every path: keep the facts both agree on. */
static void state_merge(struct xstate *d, const struct xstate *s)
{
	if (!s->live)
		return;
	if (!d->live) {
		*d = *s;
		return;
	}
	if (d->nl != s->nl)
		d->nl = -1;
	if (d->type_off != s->type_off)
		d->type_off = -1;
	d->net |= s->net;
	if (d->mpls_at != s->mpls_at)
		d->mpls_at = -1;
	if (d->tp != s->tp)
		d->tp = -1;
	if (d->tp_off != s->tp_off)
		d->tp_off = -1;
	d->v6frag = d->v6frag && s->v6frag;
	if (!sy_eq(&d->A, &s->A))
		d->A = sy_unknown();
	if (!sy_eq(&d->X, &s->X))
		d->X = sy_unknown();
	for (int i = 0; i < BPF_MEMWORDS; i++)
		if (!sy_eq(&d->M[i], &s->M[i]))
			d->M[i] = sy_unknown();
}

/* Facts a taken (or not taken) branch establishes. */
static void refine(struct xstate *s, const struct bpf_insn *in, bool taken)
{
	const struct sym *a = &s->A;
	if (a->kind != SY_FIELD || BPF_SRC(in->code) != BPF_K)
		return;
	uint32_t op = BPF_OP(in->code), k = in->k;
	bool eq = op == BPF_JEQ;
	if (!eq)
		return;
	if (a->f && a->f->role == XR_ETHERTYPE && a->mask == ALLMASK && a->layer != XL_GRE) {
		unsigned bit = k == 0x800 ? NET_IP4 : k == 0x86dd ? NET_IP6 : (k == 0x806 || k == 0x8035) ? NET_ARP : NET_OTHER;
		if (!taken) {
			if (bit != NET_OTHER)
				s->net &= ~bit;
			return;
		}
		s->net = bit;
		s->tp = -1;
		s->tp_off = -1;
		if ((k == 0x8100 || k == 0x88a8 || k == 0x9100) && s->nl >= 0) {
			s->type_off = s->nl + 2;  /* the tag's inner type */
			s->nl += 4;
			s->net = NET_ALL;
		} else if ((k == 0x8847 || k == 0x8848) && s->nl >= 0) {
			s->mpls_at = s->nl;
			s->net = NET_ALL;
		}
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
 * Naming what a load reads
 * ------------------------------------------------------------------- */

struct xread {
	struct sym val;        /* what A (or X) holds after the load */
	char meaning[160];     /* "IPv4 protocol" */
	char where[120];       /* "at 14 (Ethernet) + 9" */
	char alt[160];         /* another reading on paths where another
				* network protocol is possible */
	bool named;            /* a table field was found */
};

static const char *size_suffix(int size, char buf[8])
{
	if (size == 1)
		buf[0] = 0;
	else
		put(buf, 8, ":%d", size);
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
	default: return XL_NLAYERS;
	}
}

/* "14 (Ethernet)" for the network layer's start. */
static void nl_text(char *buf, size_t size, const struct xctx *c, int nl)
{
	if (!c->lt) {
		put(buf, size, "%d", nl);
	} else if (nl == 0) {
		put(buf, size, "0 (no link header)");
	} else if (nl == (int)c->lt->off_nl) {
		put(buf, size, "%d (%s)", nl, c->lt->descr);
	} else {
		put(buf, size, "%d (%s + %d bytes of VLAN/MPLS headers)", nl, c->lt->descr,
			 nl - (int)c->lt->off_nl);
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
		put(r->val.text, sizeof r->val.text, "%s[%d%s]", prim, foff, size_suffix(size, sz));
	if (f) {
		r->named = true;
		if (exact || (f->off == foff && f->size >= size && f->size <= 4))
			put(r->meaning, sizeof r->meaning, "%s", f->name);
		else if (foff + size <= f->off + f->size)
			put(r->meaning, sizeof r->meaning, "bytes %d..%d of the %s", foff - f->off,
				 foff - f->off + size - 1, f->name);
		else
			put(r->meaning, sizeof r->meaning, "%s and what follows it", f->name);
	} else if ((unsigned)foff >= x->fixed) {
		put(r->meaning, sizeof r->meaning, "byte %d of the %s header: past its %u fixed bytes (options or payload)",
			 foff, x->title, x->fixed);
	} else {
		put(r->meaning, sizeof r->meaning, "byte %d of the %s header", foff, x->title);
	}
}

/* The reading of network-layer offset rel for one network protocol. */
static void read_net(struct xread *r, const struct xctx *c, const struct xstate *s, unsigned bit,
		     int off, int size)
{
	char nl[80];
	int rel = off - s->nl;
	nl_text(nl, sizeof nl, c, s->nl);
	if (bit == NET_IP4) {
		name_field(r, XL_IPV4, rel, size, NULL);
		put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	} else if (bit == NET_IP6 && rel < 40) {
		name_field(r, XL_IPV6, rel, size, NULL);
		put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	} else if (bit == NET_IP6) {
		int t = rel - 40;
		if (s->v6frag && s->tp < 0 && t < 8) {
			name_field(r, XL_IP6FRAG, t, size, "ip6");
			put(r->val.text, sizeof r->val.text, "ip6[%d%s]", rel, size == 1 ? "" : size == 2 ? ":2" : ":4");
			put(r->where, sizeof r->where, "at %s + 40 (IPv6 header) + %d", nl, t);
			return;
		}
		int tbase = s->tp_off >= 0 ? s->tp_off - s->nl : 40;
		enum xf_layer tl = xf_transport_layer(s->tp);
		if (tl == XL_NLAYERS && rel - tbase < 4)
			tl = XL_PORTS;
		if (tl != XL_NLAYERS) {
			name_field(r, tl, rel - tbase, size, NULL);
			put(r->where, sizeof r->where, "at %s + %d (%s) + %d", nl, tbase,
				 tbase == 40 ? "IPv6 header" : "IPv6 and fragment headers", rel - tbase);
		} else {
			char sz[8];
			put(r->val.text, sizeof r->val.text, "ip6[%d%s]", rel, size_suffix(size, sz));
			r->val.kind = SY_FIELD;
			r->val.layer = XL_IPV6;
			r->val.foff = rel;
			r->val.size = size;
			r->val.mask = ALLMASK;
			put(r->meaning, sizeof r->meaning, "byte %d after the 40-byte IPv6 header (extension header or payload)",
				 rel - 40);
			put(r->where, sizeof r->where, "at %s + 40 (IPv6 header) + %d", nl, rel - 40);
		}
	} else if (bit == NET_ARP) {
		name_field(r, XL_ARP, rel, size, NULL);
		put(r->where, sizeof r->where, "at %s + %d", nl, rel);
	}
}

/* Name an absolute load of size bytes at off. */
static void read_abs(struct xread *r, const struct xctx *c, const struct xstate *s, int off, int size)
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
	put(r->val.text, sizeof r->val.text, "%s[%d%s]", ll == XL_NLAYERS ? "link" : lprim, off, size_suffix(size, sz));

	/* MPLS label stack entries, until an IP version test says where
	 * the network layer starts */
	if (s->mpls_at >= 0 && off >= s->mpls_at && (s->net == NET_ALL || off < s->nl)) {
		int e = (off - s->mpls_at) / 4;
		name_field(r, XL_MPLS, (off - s->mpls_at) % 4, size, NULL);
		put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
		char m[160];
		put(m, sizeof m, "%s", r->meaning);
		put(r->meaning, sizeof r->meaning, "%s, label %d of the stack", m, e + 1);
		put(r->where, sizeof r->where, "at %d (MPLS stack at %d) + %d", off, s->mpls_at, off - s->mpls_at);
		r->val.off = off;
		return;
	}
	if (s->nl >= 0 && off >= s->nl) {
		static const unsigned order[] = { NET_IP4, NET_IP6, NET_ARP };
		unsigned poss = s->net & (NET_IP4 | NET_IP6 | NET_ARP);
		if (!poss || (s->net & NET_OTHER && s->net != NET_OTHER && poss == (NET_IP4 | NET_IP6 | NET_ARP))) {
			/* nothing established: a byte of whatever follows */
			char nl[80];
			nl_text(nl, sizeof nl, c, s->nl);
			put(r->meaning, sizeof r->meaning, "byte %d of the network layer (no test so far says which protocol)",
				 off - s->nl);
			put(r->where, sizeof r->where, "at %s + %d", nl, off - s->nl);
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
				cat(r->alt, sizeof r->alt, "%sif %s: %s = %s", r->alt[0] ? "; " : "",
				    order[i] == NET_IP6 ? "IPv6" : "ARP", o.val.text, o.meaning);
			}
		}
		return;
	}
	/* the link layer, VLAN tags included */
	if (lt && ll != XL_NLAYERS) {
		if (off >= (int)lt->off_nl && s->nl > off) {
			int t = (off - (int)lt->off_nl) % 4;
			name_field(r, XL_VLAN, t, size, lprim);
			put(r->val.text, sizeof r->val.text, "%s[%d%s]", lprim, off, size_suffix(size, sz));
			char m[160];
			put(m, sizeof m, "%s", r->meaning);
			put(r->meaning, sizeof r->meaning, "%s (VLAN tag %d)", m, (off - (int)lt->off_nl) / 4 + 1);
			put(r->where, sizeof r->where, "at %d (%s) + %d", (int)lt->off_nl, lt->descr,
				 off - (int)lt->off_nl);
		} else if (off < (int)lt->off_nl) {
			name_field(r, ll, off, size, lprim);
			put(r->where, sizeof r->where, "at %d, in the %s header", off, lt->descr);
		} else {
			put(r->meaning, sizeof r->meaning, "byte %d of the packet (after the %s header)", off,
				 lt->descr);
			put(r->where, sizeof r->where, "at %d", off);
		}
		r->val.off = off;
		return;
	}
	put(r->meaning, sizeof r->meaning, "byte %d of the packet", off);
	put(r->where, sizeof r->where, "at %d", off);
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
	int len = (int)strlen(c->expr), st = c->spans[c->pc].start, en = c->spans[c->pc].end;
	if (en > len)
		en = len;
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

/* Name an indirect load [x + k]. */
static void read_ind(struct xread *r, const struct xctx *c, const struct xstate *s, uint32_t k, int size)
{
	const struct sym *x = &s->X;
	char sz[8], nl[80];
	if (x->kind == SY_CONST) {
		read_abs(r, c, s, (int)(k + x->k), size);
		cat(r->where, sizeof r->where, " (x = %u)", x->k);
		return;
	}
	memset(r, 0, sizeof *r);
	r->val.kind = SY_FIELD;
	r->val.off = -1;
	r->val.size = size;
	r->val.mask = ALLMASK;
	r->val.layer = XL_NLAYERS;
	if (x->kind == SY_HLEN) {
		/* x = IPv4 header length (+ something): the transport layer */
		int t = (int)k - x->off;
		enum xf_layer tl = xf_transport_layer(s->tp);
		bool untested = false;
		if (tl == XL_NLAYERS && s->tp < 0 && (tl = span_layer(c)) != XL_NLAYERS)
			untested = true;
		if (tl == XL_NLAYERS && t >= 0 && t < 4 && !x->var && x->k == 0)
			tl = XL_PORTS;
		nl_text(nl, sizeof nl, c, x->off);
		const struct xlayer *L = xf_layer(tl);
		const char *prim = L && L->prim ? L->prim : "l4";
		if (x->var) {
			if (t)
				put(r->val.text, sizeof r->val.text, "%s[%s + %d%s]", prim, x->term, t,
					 size_suffix(size, sz));
			else
				put(r->val.text, sizeof r->val.text, "%s[%s%s]", prim, x->term, size_suffix(size, sz));
			put(r->meaning, sizeof r->meaning, "a %d-byte value in the %s header or payload, at a computed offset",
				 size, L ? L->title : "transport");
			put(r->where, sizeof r->where, "at %s + x (IPv4 header + %s) + %d", nl, x->term, t);
			r->named = true;
			return;
		}
		int toff = t + (int)x->k;
		if (L && toff >= 0) {
			name_field(r, tl, toff, size, prim);
			if (untested)
				cat(r->meaning, sizeof r->meaning, " (as the expression says: no test in the program checks that it is %s)",
				    L->title);
		} else {
			put(r->val.text, sizeof r->val.text, "%s[%d%s]", prim, toff, size_suffix(size, sz));
			put(r->meaning, sizeof r->meaning, "byte %d after the IPv4 header (no test so far names the protocol)",
				 toff);
		}
		if (x->k)
			put(r->where, sizeof r->where, "at %s + x (IPv4 header + %u) + %d", nl, x->k, t);
		else
			put(r->where, sizeof r->where, "at %s + x (IPv4 header) + %d", nl, t);
		return;
	}
	/* x holds some other value: say so */
	char xt[120];
	operand_text(xt, sizeof xt, x);
	if (s->nl >= 0 && (int)k >= s->nl && (s->net == NET_IP4 || s->net == NET_IP6)) {
		const char *prim = s->net == NET_IP4 ? "ip" : "ip6";
		int rel = (int)k - s->nl;
		if (rel)
			put(r->val.text, sizeof r->val.text, "%s[%s + %d%s]", prim, x->text, rel, size_suffix(size, sz));
		else
			put(r->val.text, sizeof r->val.text, "%s[%s%s]", prim, x->text, size_suffix(size, sz));
		put(r->meaning, sizeof r->meaning, "the %d-byte value at a computed offset into the %s packet",
			 size, s->net == NET_IP4 ? "IPv4" : "IPv6");
		nl_text(nl, sizeof nl, c, s->nl);
		put(r->where, sizeof r->where, "at %s + x + %d, x = %s", nl, rel, xt);
	} else {
		const char *lp = link_layer(c->lt) == XL_ETHER ? "ether" : "link";
		if (k)
			put(r->val.text, sizeof r->val.text, "%s[%s + %u%s]", lp, x->text, k, size_suffix(size, sz));
		else
			put(r->val.text, sizeof r->val.text, "%s[%s%s]", lp, x->text, size_suffix(size, sz));
		put(r->meaning, sizeof r->meaning, "the %d-byte value at a computed offset in the packet", size);
		put(r->where, sizeof r->where, "at x + %u, x = %s", k, xt);
	}
}

/* ---------------------------------------------------------------------
 * Transfer: the state after an instruction (fall-through)
 * ------------------------------------------------------------------- */

static const char *alu_sym(uint32_t op)
{
	switch (op) {
	case BPF_ADD: return "+";
	case BPF_SUB: return "-";
	case BPF_MUL: return "*";
	case BPF_DIV: return "/";
	case BPF_MOD: return "%";
	case BPF_AND: return "&";
	case BPF_OR: return "|";
	case BPF_XOR: return "^";
	case BPF_LSH: return "<<";
	case BPF_RSH: return ">>";
	default: return "?";
	}
}

static struct sym alu(const struct sym *a, const struct bpf_insn *in, const struct sym *x)
{
	uint32_t op = BPF_OP(in->code);
	struct sym r = { .kind = SY_EXPR, .mask = ALLMASK };
	bool byx = BPF_SRC(in->code) == BPF_X;
	struct sym kv = sy_const(in->k);
	const struct sym *b = byx ? x : &kv;
	char at[128], bt[128];
	if (op == BPF_NEG) {
		operand_text(at, sizeof at, a);
		put(r.text, sizeof r.text, "-%s", at);
		return r;
	}
	/* constant folding keeps `ld #13; add x` and `ld #2; or #0x10` readable */
	if (a->kind == SY_CONST && b->kind == SY_CONST) {
		uint32_t u = a->k, v = b->k;
		switch (op) {
		case BPF_ADD: return sy_const(u + v);
		case BPF_SUB: return sy_const(u - v);
		case BPF_MUL: return sy_const(u * v);
		case BPF_DIV: if (v) return sy_const(u / v); break;
		case BPF_MOD: if (v) return sy_const(u % v); break;
		case BPF_AND: return sy_const(u & v);
		case BPF_OR: return sy_const(u | v);
		case BPF_XOR: return sy_const(u ^ v);
		case BPF_LSH: return sy_const(v < 32 ? u << v : 0);
		case BPF_RSH: return sy_const(v < 32 ? u >> v : 0);
		default: break;
		}
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
			operand_text(r.term, sizeof r.term, o);
			put(r.text, sizeof r.text, "4*([%d]&0xf) + %s", h->off, r.term);
			return r;
		}
	}
	if (a->kind == SY_FIELD && op == BPF_AND && b->kind == SY_CONST) {
		r = *a;
		r.mask &= b->k;
		operand_text(at, sizeof at, a);
		put(r.text, sizeof r.text, "%s & 0x%x", at, b->k);
		return r;
	}
	operand_text(at, sizeof at, a);
	operand_text(bt, sizeof bt, b);
	if (b->kind == SY_CONST && (op == BPF_AND || op == BPF_OR || op == BPF_XOR))
		put(bt, sizeof bt, "0x%x", b->k);
	put(r.text, sizeof r.text, "%s %s %s", at, alu_sym(op), bt);
	return r;
}

static void transfer(const struct xctx *c, struct xstate *s, const struct bpf_insn *in)
{
	struct xread r;
	uint32_t k = in->k;
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		switch (BPF_MODE(in->code)) {
		case BPF_ABS:
			read_abs(&r, c, s, (int)k, BPF_SIZE(in->code) == BPF_B ? 1 : BPF_SIZE(in->code) == BPF_H ? 2 : 4);
			s->A = r.val;
			break;
		case BPF_IND:
			read_ind(&r, c, s, k, BPF_SIZE(in->code) == BPF_B ? 1 : BPF_SIZE(in->code) == BPF_H ? 2 : 4);
			s->A = r.val;
			break;
		case BPF_LEN:
			s->A = (struct sym){ .kind = SY_LEN, .mask = ALLMASK };
			put(s->A.text, sizeof s->A.text, "len");
			break;
		case BPF_IMM: s->A = sy_const(k); break;
		case BPF_MEM: s->A = s->M[k % BPF_MEMWORDS]; break;
		default: s->A = sy_unknown(); break;
		}
		break;
	case BPF_LDX:
		switch (BPF_MODE(in->code)) {
		case BPF_MSH:
			s->X = (struct sym){ .kind = SY_HLEN, .off = (int)k, .mask = ALLMASK };
			hlen_text(&s->X);
			break;
		case BPF_LEN:
			s->X = (struct sym){ .kind = SY_LEN, .mask = ALLMASK };
			put(s->X.text, sizeof s->X.text, "len");
			break;
		case BPF_IMM: s->X = sy_const(k); break;
		case BPF_MEM: s->X = s->M[k % BPF_MEMWORDS]; break;
		default: s->X = sy_unknown(); break;
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

/* The forward pass: in[i] = the merge of all paths into i. */
static void analyse(struct xctx *c)
{
	state_start(&c->in[0], c->lt);
	for (unsigned i = 0; i < c->n; i++) {
		struct xstate s = c->in[i];
		if (!s.live)
			continue;
		const struct bpf_insn *in = &c->p[i];
		if (BPF_CLASS(in->code) == BPF_RET)
			continue;
		if (BPF_CLASS(in->code) == BPF_JMP) {
			if (BPF_OP(in->code) == BPF_JA) {
				uint64_t t = (uint64_t)i + 1 + in->k;
				if (t < c->n && t > i)
					state_merge(&c->in[t], &s);
				continue;
			}
			struct xstate st = s, sf = s;
			refine(&st, in, true);
			refine(&sf, in, false);
			unsigned t = i + 1 + in->jt, f = i + 1 + in->jf;
			if (t < c->n)
				state_merge(&c->in[t], &st);
			if (f < c->n)
				state_merge(&c->in[f], &sf);
			continue;
		}
		c->pc = i;
		transfer(c, &s, in);
		if (i + 1 < c->n)
			state_merge(&c->in[i + 1], &s);
	}
}

/* ---------------------------------------------------------------------
 * Sentences
 * ------------------------------------------------------------------- */

static const char *target_word(const struct xctx *c, unsigned t, char buf[48])
{
	if (t >= c->n) {
		put(buf, 48, "%03u (past the end)", t);
		return buf;
	}
	const struct bpf_insn *in = &c->p[t];
	if (in->code == (BPF_RET | BPF_K))
		put(buf, 48, "%03u (%s)", t, in->k ? "accept" : "reject");
	else
		put(buf, 48, "%03u", t);
	return buf;
}

static const char *op_word(uint32_t op)
{
	return op == BPF_JEQ ? "==" : op == BPF_JGT ? ">" : op == BPF_JGE ? ">=" : "&";
}

static void ip4_text(char *buf, size_t size, uint32_t v)
{
	put(buf, size, "%u.%u.%u.%u", v >> 24, v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
}

static int prefix_len(uint32_t m)
{
	int n = 0;
	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	return (n == 32 ? ALLMASK : n ? ~(ALLMASK >> n) : 0) == m ? n : -1;
}

/* The question a conditional jump asks about A, by the role of the
 * field in A.  Returns false when no role sentence applies. */
static bool role_question(char *q, size_t size, const struct sym *a, uint32_t op, uint32_t k)
{
	const struct xfield *f = a->f;
	if (a->kind != SY_FIELD)
		return false;
	bool full = a->mask == ALLMASK;
	char v[80];
	/* the IP version nibble, wherever it is */
	if (a->size == 1 && a->mask == 0xf0 && op == BPF_JEQ && (k == 0x40 || k == 0x60)) {
		put(q, size, "is it IPv%u? (IP version nibble %u)", k >> 4, k >> 4);
		return true;
	}
	if (!f)
		return false;
	bool whole = a->f->off == a->foff && a->f->size == a->size;
	switch (f->role) {
	case XR_ETHERTYPE:
		if (!full || !whole)
			return false;
		if (op == BPF_JEQ) {
			const char *n = xf_ethertype_name(k);
			if (n)
				put(q, size, "is it %s? (type 0x%04x)", n, k);
			else
				put(q, size, "is the type 0x%04x?", k);
			return true;
		}
		if (op == BPF_JGT && k == 0x5dc) {
			put(q, size, "is it Ethernet II? (type > 1500; 1500 or less is an 802.3 length)");
			return true;
		}
		return false;
	case XR_AF:
		if (op != BPF_JEQ)
			return false;
		put(q, size, "is it IPv%d? (address family 0x%x)", xf_af_version(k) ? xf_af_version(k) : 0, k);
		if (!xf_af_version(k))
			put(q, size, "is the address family 0x%x?", k);
		return true;
	case XR_VERSION:
		if (a->layer != XL_IPV4 || a->size != 1)
			return false;
		if (full && op == BPF_JEQ) {
			put(q, size, "is ip[0] 0x%02x? (version %u, header length %u words = %u bytes)", k, k >> 4,
				 k & 0xf, (k & 0xf) * 4);
			return true;
		}
		if (a->mask == 0xf && op == BPF_JEQ) {
			put(q, size, "is the IPv4 header length (IHL) %u words = %u bytes?", k, k * 4);
			return true;
		}
		return false;
	case XR_IPPROTO:
		if (!full || op != BPF_JEQ)
			return false;
		{
			const char *n = xf_ipproto_name(k);
			const char *what = a->layer == XL_IPV4 ? "protocol" : "next header";
			if (n)
				put(q, size, "is it %s? (%s %u)", n, what, k);
			else
				put(q, size, "is the %s %u?", what, k);
		}
		return true;
	case XR_FRAG:
		if (a->size == 2 && a->mask == 0x1fff && op == BPF_JEQ && k == 0) {
			put(q, size, "is the fragment offset 0? (not a later fragment)");
			return true;
		}
		if (a->size == 2 && full && op == BPF_JSET && k == 0x1fff) {
			put(q, size, "is it a later fragment? (fragment offset ip[6:2] & 0x1fff != 0)");
			return true;
		}
		if (op == BPF_JSET || (op == BPF_JEQ && k == 0 && !full)) {
			uint32_t m = op == BPF_JSET ? k : a->mask;
			if (a->size == 1)
				m <<= 8;
			const char *bit = m == 0x2000 ? "MF (more fragments)" : m == 0x4000 ? "DF (don't fragment)" :
					  m == 0x8000 ? "reserved" : NULL;
			if (!bit)
				return false;
			put(q, size, "is the %s flag %s?", bit, op == BPF_JSET ? "set" : "clear");
			return true;
		}
		return false;
	case XR_ADDR4:
		if (op != BPF_JEQ || a->size != 4)
			return false;
		ip4_text(v, sizeof v, k);
		if (full) {
			put(q, size, "is the %s %s?", f->name, v);
			return true;
		}
		if (prefix_len(a->mask) >= 0) {
			put(q, size, "is the %s in %s/%d?", f->name, v, prefix_len(a->mask));
			return true;
		}
		return false;
	case XR_ADDR6:
	case XR_MAC: {
		int b0 = a->foff - f->off;
		if (op != BPF_JEQ)
			return false;
		if (f->role == XR_ADDR6 && a->size == 4)
			put(v, sizeof v, "%04x:%04x", k >> 16, k & 0xffff);
		else if (a->size == 4)
			put(v, sizeof v, "%02x:%02x:%02x:%02x", k >> 24, k >> 16 & 0xff, k >> 8 & 0xff, k & 0xff);
		else if (a->size == 2)
			put(v, sizeof v, "%02x:%02x", k >> 8, k & 0xff);
		else
			put(v, sizeof v, "%02x", k);
		put(q, size, "%s bytes %d..%d of the %s %s%s?", a->size > 1 ? "are" : "is", b0, b0 + a->size - 1,
			 f->name, v, full ? "" : " (under the mask)");
		if (a->size == 1)
			put(q, size, "is byte %d of the %s 0x%02x%s?", b0, f->name, k, full ? "" : " (under the mask)");
		return true;
	}
	case XR_PORT:
		if (!full || !whole)
			return false;
		if (op == BPF_JEQ)
			put(q, size, "is the %s %u?", f->name, k);
		else
			put(q, size, "is the %s %s %u?", f->name, op_word(op), k);
		return op != BPF_JSET;
	case XR_TCPFLAGS: {
		char fl[64], fv[64];
		if (op == BPF_JSET) {
			xf_tcpflags(fl, sizeof fl, k);
			put(q, size, strchr(fl, '|') ? "is any of the %s flags set?" : "is the %s flag set?", fl);
			return true;
		}
		if (op != BPF_JEQ)
			return false;
		if (full) {
			xf_tcpflags(fl, sizeof fl, k);
			put(q, size, "are the TCP flags exactly %s? (tcp[13] == 0x%02x)", fl, k);
			return true;
		}
		xf_tcpflags(fl, sizeof fl, a->mask);
		xf_tcpflags(fv, sizeof fv, k);
		if (k == 0)
			put(q, size, strchr(fl, '|') ? "are the %s flags all clear?" : "is the %s flag clear?", fl);
		else if (k == a->mask)
			put(q, size, strchr(fl, '|') ? "are the %s flags all set?" : "is the %s flag set?", fl);
		else
			put(q, size, "of the %s flags, are exactly %s set?", fl, fv);
		return true;
	}
	case XR_ICMPTYPE:
	case XR_ICMP6TYPE: {
		if (!full || op != BPF_JEQ)
			return false;
		const char *n = f->role == XR_ICMPTYPE ? xf_icmp_name(k) : xf_icmp6_name(k);
		if (n)
			put(q, size, "is it an %s %s? (type %u)", f->role == XR_ICMPTYPE ? "ICMP" : "ICMPv6", n, k);
		else
			put(q, size, "is the %s %u?", f->name, k);
		return true;
	}
	case XR_ARPOP:
		if (!full || op != BPF_JEQ || !xf_arpop_name(k))
			return false;
		put(q, size, "is it an %s? (operation %u)", xf_arpop_name(k), k);
		return true;
	case XR_MPLS:
		if (a->size == 4 && a->mask == 0xfffff000 && op == BPF_JEQ) {
			put(q, size, "is the MPLS label %u?", k >> 12);
			return true;
		}
		if (a->size == 1 && a->foff == 2 && ((a->mask == 1 && op == BPF_JEQ) || (full && op == BPF_JSET && k == 1))) {
			put(q, size, "is this the bottom of the label stack? (S bit %s)", op == BPF_JEQ && k == 0 ? "clear" : "set");
			if (op == BPF_JEQ && k == 0)
				put(q, size, "is there another label below this one? (S bit clear)");
			return true;
		}
		return false;
	case XR_VLANTCI:
		if (a->size == 2 && a->mask == 0x0fff && op == BPF_JEQ) {
			put(q, size, "is the VLAN ID %u?", k);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void jump_text(const struct xctx *c, const struct xstate *s, unsigned pc, char *q, size_t size)
{
	const struct bpf_insn *in = &c->p[pc];
	uint32_t op = BPF_OP(in->code);
	char t[48], f[48], at[128];
	q[0] = 0;
	if (op == BPF_JA) {
		put(q, size, "jump to %s", target_word(c, (unsigned)(pc + 1 + in->k), t));
		return;
	}
	if (BPF_SRC(in->code) == BPF_X) {
		operand_text(at, sizeof at, &s->A);
		put(q, size, "is %s %s x (x = %s)%s?", at, op_word(op), s->X.text, op == BPF_JSET ? " != 0" : "");
	} else if (!role_question(q, size, &s->A, op, in->k)) {
		operand_text(at, sizeof at, &s->A);
		if (s->A.kind == SY_CONST)
			put(q, size, "is %s %s 0x%x? (both constant: always %s)", at, op_word(op), in->k,
				 (op == BPF_JEQ ? s->A.k == in->k : op == BPF_JGT ? s->A.k > in->k :
				  op == BPF_JGE ? s->A.k >= in->k : (s->A.k & in->k) != 0) ? "yes" : "no");
		else if (op == BPF_JSET)
			put(q, size, "is any bit of 0x%x set in %s?", in->k, at);
		else if (s->A.kind == SY_LEN)
			put(q, size, "is the packet length (len) %s %u?", op_word(op), in->k);
		else if (in->k < 10)
			put(q, size, "is %s %s %u?", s->A.text, op_word(op), in->k);
		else
			put(q, size, "is %s %s 0x%x (%u)?", s->A.text, op_word(op), in->k, in->k);
		/* four printable bytes: say them, as "GET " */
		uint32_t k = in->k;
		bool ascii = s->A.kind == SY_FIELD && s->A.size == 4 && op == BPF_JEQ;
		for (int b = 0; b < 4 && ascii; b++)
			ascii = (k >> (8 * b) & 0xff) >= 0x20 && (k >> (8 * b) & 0xff) < 0x7f;
		if (ascii)
			cat(q, size, " (the bytes \"%c%c%c%c\")", k >> 24, k >> 16 & 0xff, k >> 8 & 0xff, k & 0xff);
	}
	if (in->jt == in->jf)
		cat(q, size, " either way -> %s", target_word(c, pc + 1 + in->jt, t));
	else
		cat(q, size, " yes -> %s, no -> %s", target_word(c, pc + 1 + in->jt, t), target_word(c, pc + 1 + in->jf, f));
}

/* What a non-branch instruction does, in words. */
static void stmt_text(const struct xctx *c, const struct xstate *s, unsigned pc, struct explain_insn *e)
{
	const struct bpf_insn *in = &c->p[pc];
	struct xread r;
	struct xstate after = *s;
	char *q = e->reads;
	size_t size = sizeof e->reads;
	uint32_t k = in->k;
	transfer(c, &after, in);
	switch (BPF_CLASS(in->code)) {
	case BPF_RET:
		if (BPF_RVAL(in->code) == BPF_A)
			put(q, size, "return A (= %s): accept that many bytes, reject if 0", s->A.text);
		else if (BPF_RVAL(in->code) == BPF_X)
			put(q, size, "return x (= %s)", s->X.text);
		else if (k == 0)
			put(q, size, "reject: return 0 (the packet does not match)");
		else if (k == c->snaplen)
			put(q, size, "accept: return %u, the snapshot length (keep the whole packet)", k);
		else
			put(q, size, "accept: return %u (keep at most %u bytes)", k, k);
		return;
	case BPF_LD:
	case BPF_LDX: {
		int size_b = BPF_SIZE(in->code) == BPF_B ? 1 : BPF_SIZE(in->code) == BPF_H ? 2 : 4;
		const char *reg = BPF_CLASS(in->code) == BPF_LD ? "A" : "x";
		switch (BPF_MODE(in->code)) {
		case BPF_ABS:
		case BPF_IND:
			if (BPF_MODE(in->code) == BPF_ABS)
				read_abs(&r, c, s, (int)k, size_b);
			else
				read_ind(&r, c, s, k, size_b);
			e->named = r.named;
			put(q, size, "A = %s = %s, %s", r.val.text, r.meaning, r.where);
			if (r.alt[0])
				cat(q, size, " (%s)", r.alt);
			return;
		case BPF_MSH: {
			read_abs(&r, c, s, (int)k, 1);
			e->named = true;
			put(q, size, "x = IPv4 header length = 4 * (low 4 bits of %s, the IHL), %s", r.val.text, r.where);
			return;
		}
		case BPF_LEN:
			put(q, size, "%s = len, the packet's length on the wire", reg);
			return;
		case BPF_IMM:
			put(q, size, "%s = %u (0x%x)", reg, k, k);
			return;
		case BPF_MEM:
			put(q, size, "%s = M[%u] (= %s)", reg, k, s->M[k % BPF_MEMWORDS].text);
			return;
		}
		break;
	}
	case BPF_ST:
		put(q, size, "M[%u] = A (= %s), kept for later", k, s->A.text);
		return;
	case BPF_STX:
		put(q, size, "M[%u] = x (= %s), kept for later", k, s->X.text);
		return;
	case BPF_ALU:
		put(q, size, "A = %s", after.A.text);
		if (BPF_OP(in->code) == BPF_AND && BPF_SRC(in->code) == BPF_K && s->A.kind == SY_FIELD && s->A.f &&
		    s->A.f->role == XR_TCPFLAGS) {
			char fl[64];
			xf_tcpflags(fl, sizeof fl, k);
			cat(q, size, " (keep only the %s bit%s)", fl, strchr(fl, '|') ? "s" : "");
		} else if (after.A.kind == SY_HLEN) {
			cat(q, size, " (IPv4 header length%s)", after.A.var || after.A.k ? " plus an offset" : "");
		} else if (BPF_OP(in->code) == BPF_LSH && in->k == 2 && s->A.kind == SY_FIELD && s->A.mask == 0xf &&
			   s->A.layer == XL_IPV4 && s->A.foff == 0) {
			cat(q, size, " (the IPv4 header length in bytes)");
		} else if (BPF_OP(in->code) == BPF_RSH && in->k == 2 && s->A.kind == SY_FIELD && s->A.mask == 0xf0 &&
			   s->A.layer == XL_TCP && s->A.foff == 12) {
			cat(q, size, " (the TCP header length in bytes)");
		}
		return;
	case BPF_MISC:
		if (BPF_MISCOP(in->code) == BPF_TAX)
			put(q, size, "x = A (= %s)", s->A.text);
		else
			put(q, size, "A = x (= %s)", s->X.text);
		return;
	}
	put(q, size, "code 0x%x: not a classic BPF instruction", in->code);
}

/* ---------------------------------------------------------------------
 * Named constants
 * ------------------------------------------------------------------- */

/* Names as the scanner cuts them: [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])? */
static void find_constants(const char *expr, struct explain *e)
{
	unsigned nn;
	const struct xf_named *t = xf_named_constants(&nn);
	for (const char *p = expr; *p;) {
		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && (isalnum((unsigned char)*p) || strchr("-_.", *p)))
			p++;
		const char *end = p;
		while (end > s + 1 && strchr("-_", end[-1]))
			end--;
		size_t len = (size_t)(end - s);
		for (unsigned i = 0; i < nn; i++) {
			if (strlen(t[i].name) != len || strncmp(t[i].name, s, len))
				continue;
			bool dup = false;
			for (int j = 0; j < e->nconsts; j++)
				dup |= e->consts[j].name == t[i].name;
			if (!dup && e->nconsts < (int)(sizeof e->consts / sizeof e->consts[0]))
				e->consts[e->nconsts++] = (struct explain_const){ t[i].name, t[i].value };
		}
	}
}

/* "tcp-ack = 16" for the constants inside insn's span whose value it uses. */
static void constants_note(const struct explain *e, const struct explain_insn *x, const struct xstate *s,
			   char *buf, size_t size)
{
	if (!e->expr || x->start < 0)
		return;
	for (int i = 0; i < e->nconsts; i++) {
		const char *name = e->consts[i].name;
		const char *hit = NULL;
		for (const char *p = e->expr + x->start; (p = strstr(p, name)) && p < e->expr + x->end; p++)
			hit = p;
		if (!hit)
			continue;
		uint32_t v = e->consts[i].value;
		bool uses = false;
		const struct bpf_insn *in = &x->insn;
		if (BPF_CLASS(in->code) == BPF_JMP && BPF_SRC(in->code) == BPF_K)
			uses = in->k == v || (s->A.kind == SY_FIELD && (s->A.mask & v) == v && s->A.mask != ALLMASK);
		else if (BPF_CLASS(in->code) == BPF_ALU && BPF_SRC(in->code) == BPF_K)
			uses = (in->k & v) == v && v;
		else if (BPF_CLASS(in->code) == BPF_LD && !strncmp(name, "tcpflags", 8))
			uses = strstr(x->reads, "TCP flags") != NULL;
		else if (BPF_CLASS(in->code) == BPF_LD && (strstr(name, "type") || strstr(name, "code")) &&
			 !strchr(name, '-'))
			uses = strstr(x->reads, strstr(name, "type") ? " type" : " code") != NULL;
		if (uses)
			cat(buf, size, "%s%s = %u", buf[0] ? ", " : "", name, v);
	}
}

/* ---------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------- */

int explain_program(const struct bpf_insn *p, unsigned n, const struct bpfx_span *spans, const char *expr,
		    int linktype, uint32_t snaplen, struct explain *out)
{
	memset(out, 0, sizeof *out);
	out->linktype = linktype;
	out->n = n;
	out->insns = calloc(n ? n : 1, sizeof *out->insns);
	struct xctx c = { .lt = lt_by_dlt(linktype), .dlt = linktype, .snaplen = snaplen, .p = p, .n = n, .out = out,
			  .spans = spans, .expr = expr };
	c.in = calloc(n ? n : 1, sizeof *c.in);
	if (expr)
		out->expr = strdup(expr);
	if (!out->insns || !c.in || (expr && !out->expr)) {
		free(c.in);
		explain_free(out);
		return -1;
	}
	if (expr)
		find_constants(expr, out);
	if (n)
		analyse(&c);
	for (unsigned i = 0; i < n; i++) {
		struct explain_insn *x = &out->insns[i];
		struct xstate s = c.in[i];
		bool dead = !s.live;
		if (dead) /* unreachable: describe it as if nothing were known */
			state_start(&s, NULL);
		x->insn = p[i];
		c.pc = i;
		x->start = spans ? spans[i].start : -1;
		x->end = spans ? spans[i].end : -1;
		if (BPF_CLASS(p[i].code) == BPF_JMP)
			jump_text(&c, &s, i, x->tests, sizeof x->tests);
		else
			stmt_text(&c, &s, i, x);
		put(x->note, sizeof x->note, "%s%s", x->reads, x->tests);
		char cn[160] = "";
		constants_note(out, x, &s, cn, sizeof cn);
		if (cn[0])
			cat(x->note, sizeof x->note, " [%s]", cn);
		if (dead)
			cat(x->note, sizeof x->note, " (no path reaches this instruction)");
	}
	free(c.in);
	return 0;
}

int explain_expr(const char *expr, const struct bpfx_options *o, struct explain *out, struct bpfx_error *err)
{
	struct bpfx_program prog;
	struct bpfx_span *spans = NULL;
	memset(out, 0, sizeof *out);
	if (bpfx_compile_spans(expr, o, &prog, &spans, err) < 0)
		return -1;
	int rc = explain_program(prog.insns, prog.len, spans, expr, o->linktype, o->snaplen, out);
	bpfx_program_free(&prog);
	free(spans);
	if (rc < 0)
		return err_set(err, -1, -1, "out of memory");
	return 0;
}

void explain_free(struct explain *e)
{
	free(e->expr);
	free(e->insns);
	memset(e, 0, sizeof *e);
}

/* ---------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------- */

static void underline(FILE *f, const char *expr, int s, int e)
{
	int len = (int)strlen(expr);
	if (s > len)
		s = len;
	if (e > len)
		e = len;
	if (e <= s)
		e = s + 1;
	fprintf(f, "\n  %s\n  ", expr);
	for (int i = 0; i < s; i++)
		fputc(expr[i] == '\t' ? '\t' : ' ', f);
	for (int i = s; i < e; i++)
		fputc(i == s ? '^' : '~', f);
	fputc('\n', f);
}

void explain_print(FILE *f, const struct explain *e)
{
	const struct linktype *lt = lt_by_dlt(e->linktype);
	if (e->expr)
		fprintf(f, "expression: %s\n", e->expr);
	if (lt)
		fprintf(f, "link type:  %s (%s), network layer at offset %u\n", lt->name, lt->descr, lt->off_nl);
	if (e->nconsts) {
		fputs("named constants:", f);
		for (int i = 0; i < e->nconsts; i++)
			fprintf(f, "%s %s = %u", i ? "," : "", e->consts[i].name, e->consts[i].value);
		fputc('\n', f);
	}
	int ps = -2, pe = -2;
	char line[160];
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		if (e->expr && (x->start != ps || x->end != pe)) {
			if (x->start >= 0)
				underline(f, e->expr, x->start, x->end);
			else
				fputs("\n  (the program's verdicts)\n", f);
			ps = x->start;
			pe = x->end;
		}
		fmt_insn(line, sizeof line, &x->insn, (int)i);
		for (char *c = line; *c; c++)
			if (*c == '\t')
				*c = ' ';
		fprintf(f, "%-44s ; %s\n", line, x->note);
	}
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

void explain_print_json(FILE *f, const struct explain *e)
{
	const struct linktype *lt = lt_by_dlt(e->linktype);
	char line[160];
	fputs("{\"expression\":", f);
	if (e->expr)
		json_str(f, e->expr);
	else
		fputs("null", f);
	fputs(",\"linktype\":", f);
	json_str(f, lt ? lt->name : "");
	fprintf(f, ",\"network_offset\":%d,\"constants\":[", lt ? (int)lt->off_nl : -1);
	for (int i = 0; i < e->nconsts; i++) {
		fprintf(f, "%s{\"name\":", i ? "," : "");
		json_str(f, e->consts[i].name);
		fprintf(f, ",\"value\":%u}", e->consts[i].value);
	}
	fputs("],\"instructions\":[", f);
	for (unsigned i = 0; i < e->n; i++) {
		const struct explain_insn *x = &e->insns[i];
		fmt_insn(line, sizeof line, &x->insn, (int)i);
		fprintf(f, "%s\n{\"pc\":%u,\"insn\":", i ? "," : "", i);
		json_str(f, line);
		fprintf(f, ",\"code\":%u,\"jt\":%u,\"jf\":%u,\"k\":%u", x->insn.code, x->insn.jt, x->insn.jf, x->insn.k);
		if (x->start >= 0 && e->expr) {
			int len = (int)strlen(e->expr);
			int s = x->start < len ? x->start : len, en = x->end < len ? x->end : len;
			char src[512];
			put(src, sizeof src, "%.*s", en > s ? en - s : 0, e->expr + s);
			fprintf(f, ",\"span\":{\"start\":%d,\"end\":%d,\"text\":", x->start, x->end);
			json_str(f, src);
			fputc('}', f);
		} else {
			fputs(",\"span\":null", f);
		}
		fputs(",\"reads\":", f);
		json_str(f, x->reads);
		fputs(",\"tests\":", f);
		json_str(f, x->tests);
		fputs(",\"annotation\":", f);
		json_str(f, x->note);
		fputc('}', f);
	}
	fputs("]}\n", f);
}
