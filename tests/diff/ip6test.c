/* ip6test.c: the --ip6-transport dialect against a reference written here.
 *
 * usage: ip6test [CORPUS_DIR]   (default: $srcdir/../shared/corpus)
 *
 * 1. Every expression of the list below is built twice: as text for
 *    bpfx, and as a small tree this file evaluates itself, with the
 *    semantics a classic BPF program has (a load past the captured bytes
 *    or a division by zero rejects the whole packet; `and`/`or` run left
 *    to right).  The reference walks the IPv6 header chain with its own
 *    code (walk6 below, written from RFC 8200/4302/6275, not from
 *    src/gen/ip6walk.c), then tests the field.  Packets: synthesized IPv4
 *    and IPv6 packets, the IPv6 ones with 0 to 10 extension headers of
 *    every kind in random order (fragments with offset 0 and not, AH,
 *    unknown next headers), truncated copies, and every packet of the
 *    corpus captures on Ethernet, Linux cooked (v1, v2), raw IP and BSD
 *    loopback links (compiled as tcpdump -r does, for either byte order).
 *    bpfx's dialect program, optimized and not, run by bpfx's interpreter
 *    and by libpcap's bpf_filter, must give the reference's verdict.
 * 2. On complete packets without extension headers the dialect must give
 *    libpcap's verdict for `ip and EXPR` (IPv4) and for the same test
 *    written by hand with ip6[40+i] (IPv6).
 * 3. Every dialect program passes bpfx's validator (and, on Linux, the
 *    kernel's: it is attached to a socket); the largest length is printed
 *    and must stay within 4,096 instructions.
 * Exit 0 when nothing differs. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "corpus.h"
#ifdef __linux__
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/filter.h>
#endif

#define REF_BOUND 8      /* the documented bound (bpfx.1): extension headers skipped */
#define ABORT 2          /* a verdict: the program ends rejecting */
#define MAXLEN 1600

/* ---------------- packets ---------------- */

struct pkt {
	uint8_t *d;             /* MAXLEN bytes for synthesized packets */
	uint32_t cap, len;
	int dlt;
	int noext;              /* IPv4, or IPv6 without extension headers (synthesized, complete) */
	int swapped;            /* NULL: the file's byte order is not this host's */
};

/* snprintf that refuses to cut: a cut expression would test something else */
static void fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(buf, size, f, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		fprintf(stderr, "ip6test: an expression longer than %zu bytes\n", size);
		exit(2);
	}
}

static uint32_t rng = 12345;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}
static uint32_t rn(uint32_t n) { return n ? rnd() % n : 0; }

static const uint16_t port_pool[] = { 53, 80, 443, 1023, 1024, 8080, 22, 0, 65535, 5060 };
static uint16_t any_port(void)
{
	return rn(3) ? port_pool[rn(sizeof port_pool / sizeof port_pool[0])] : (uint16_t)rnd();
}

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* A transport header of protocol `proto` at p, at most room bytes; returns its length. */
static uint32_t make_transport(uint8_t *p, uint32_t room, int proto)
{
	uint32_t n = 8 + rn(60);
	if (proto == 6)
		n = 20 + 4 * rn(11) + rn(40);
	if (n > room)
		n = room;
	for (uint32_t i = 0; i < n; i++)
		p[i] = (uint8_t)rnd();
	if (proto == 6 || proto == 17 || proto == 132) {
		put16(p, any_port());
		put16(p + 2, any_port());
	}
	if (proto == 6) {
		p[12] = (uint8_t)((5 + rn(11)) << 4);
		p[13] = (uint8_t)(rn(2) ? 0x02 : rn(2) ? 0x12 : rnd());
		uint32_t thl = (p[12] & 0xf0u) >> 2;
		if (rn(3) == 0 && n >= thl + 4) /* a payload starting with "GET " */
			memcpy(p + thl, "GET ", 4);
	}
	if (proto == 17)
		put16(p + 4, n);
	if (proto == 58)
		p[0] = (uint8_t)(rn(2) ? 128 + rn(8) : rnd());
	return n;
}

static int final_proto(void)
{
	static const int pool[] = { 6, 6, 17, 17, 132, 58, 59, 50, 253, 4, 41 };
	int p;
	do /* an extension header type here would make one more header */
		p = rn(8) == 0 ? (int)(rnd() & 0xff) : pool[rn(sizeof pool / sizeof pool[0])];
	while (p == 0 || p == 43 || p == 44 || p == 51 || p == 60 || p == 135);
	return p;
}

static void ether(struct pkt *k, uint16_t type)
{
	for (int i = 0; i < 12; i++)
		k->d[i] = (uint8_t)rnd();
	put16(k->d + 12, type);
	k->dlt = DLT_EN10MB;
}

static void make_ip6(struct pkt *k, int next)
{
	static const int kinds[] = { 0, 43, 60, 135, 51, 44 };
	ether(k, 0x86dd);
	uint8_t *ip = k->d + 14;
	ip[0] = 0x60;
	for (int i = 1; i < 40; i++)
		ip[i] = (uint8_t)rnd();
	int n = next;
	uint32_t off = 40;
	uint8_t *nhbyte = ip + 6;
	for (int e = 0; e < n; e++) {
		int kind = rn(12) == 0 ? (int)(rnd() & 0xff) : kinds[rn(6)]; /* sometimes unknown */
		*nhbyte = (uint8_t)kind;
		uint8_t *h = ip + off;
		uint32_t hl;
		if (kind == 44) {
			hl = 8;
			for (int i = 0; i < 8; i++)
				h[i] = (uint8_t)rnd();
			uint16_t fo = rn(3) ? (uint16_t)(rnd() & 7) : (uint16_t)(rnd() | 8);
			put16(h + 2, fo);
		} else if (kind == 51) {
			uint8_t l = (uint8_t)(1 + rn(6));
			hl = (l + 2u) * 4;
			for (uint32_t i = 0; i < hl; i++)
				h[i] = (uint8_t)rnd();
			h[1] = l;
		} else {
			uint8_t l = (uint8_t)rn(4);
			hl = (l + 1u) * 8;
			for (uint32_t i = 0; i < hl; i++)
				h[i] = (uint8_t)rnd();
			h[1] = l;
		}
		nhbyte = h;
		off += hl;
		if (!(kind == 0 || kind == 43 || kind == 60 || kind == 135 || kind == 51 || kind == 44))
			break; /* an unknown header: what follows is its data */
	}
	int proto = final_proto();
	*nhbyte = (uint8_t)proto;
	off += make_transport(ip + off, MAXLEN - 14 - off - 40, proto);
	put16(ip + 4, rn(10) ? off - 40 : rnd() & 0xffff);
	k->len = k->cap = 14 + off;
	k->noext = n == 0;
}

static void make_ip4(struct pkt *k)
{
	ether(k, 0x0800);
	uint8_t *ip = k->d + 14;
	uint32_t ihl = rn(4) ? 5 : 5 + rn(11);
	for (uint32_t i = 0; i < ihl * 4; i++)
		ip[i] = (uint8_t)rnd();
	ip[0] = (uint8_t)(0x40 | ihl);
	int proto = final_proto();
	ip[9] = (uint8_t)proto;
	put16(ip + 6, rn(4) ? (rn(2) ? 0x4000 : 0) : (uint16_t)(rnd() & 0x3fff));
	uint32_t off = ihl * 4;
	off += make_transport(ip + off, 200, proto);
	put16(ip + 2, off);
	k->len = k->cap = 14 + off;
	k->noext = 1;
}

static void make_other(struct pkt *k)
{
	ether(k, rn(2) ? 0x0806 : (uint16_t)rnd());
	k->len = k->cap = 14 + 28 + rn(40);
	for (uint32_t i = 14; i < k->len; i++)
		k->d[i] = (uint8_t)rnd();
	k->noext = 0;
}

/* ---------------- the reference ---------------- */

struct view {
	const struct pkt *k;
	uint32_t L;             /* network layer offset */
};

/* 1 and *v, or 0 when [off, off+size) is not all captured. */
static int rd(const struct view *w, uint32_t off, int size, uint32_t *v)
{
	if (off > w->k->cap || (uint32_t)size > w->k->cap - off)
		return 0;
	uint32_t x = 0;
	for (int i = 0; i < size; i++)
		x = x << 8 | w->k->d[off + (uint32_t)i];
	*v = x;
	return 1;
}

/* The network protocol as the link header says: 4, 6, 0 (other) or -1 (cut short). */
static int family(const struct view *w)
{
	uint32_t v;
	switch (w->k->dlt) {
	case DLT_EN10MB:
		if (!rd(w, 12, 2, &v))
			return -1;
		return v == 0x0800 ? 4 : v == 0x86dd ? 6 : 0;
	case DLT_LINUX_SLL:
		if (!rd(w, 14, 2, &v))
			return -1;
		return v == 0x0800 ? 4 : v == 0x86dd ? 6 : 0;
	case DLT_LINUX_SLL2: /* the protocol field, compared as is */
		if (!rd(w, 0, 2, &v))
			return -1;
		return v == 0x0800 ? 4 : v == 0x86dd ? 6 : 0;
	case DLT_NULL: /* the AF value in the capturing host's byte order */
	case DLT_LOOP: /* in network byte order */
		if (!rd(w, 0, 4, &v))
			return -1;
		/* a little-endian file stores AF_INET as 02 00 00 00 */
		if (w->k->dlt == DLT_NULL && (w->k->swapped ^ (*(const uint8_t *)&(uint16_t){ 1 } == 1)))
			v = __builtin_bswap32(v);
		return v == 2 ? 4 : v == 24 || v == 28 || v == 30 ? 6 : 0;
	case DLT_IPV4:
		return 4;
	case DLT_IPV6:
		return 6;
	default: /* DLT_RAW and the like: the version nibble */
		if (!rd(w, 0, 1, &v))
			return -1;
		return (v & 0xf0) == 0x40 ? 4 : (v & 0xf0) == 0x60 ? 6 : 0;
	}
}

struct walked {
	uint32_t nh, off;       /* upper-layer protocol, its offset from the IPv6 header */
	int later;              /* a fragment with a non-zero offset ended the chain */
};

/* RFC 8200 4: each extension header names the next; hop-by-hop, routing,
 * destination options and mobility (RFC 6275) give their length in
 * 8-octet units not counting the first 8, AH (RFC 4302) in 4-octet units
 * minus 2, a fragment header is 8 octets and only the first fragment
 * (offset 0) holds what follows.  0, or -1 if the capture ends first. */
static int walk6(const struct view *w, struct walked *r)
{
	uint32_t nh, off = 40, a, b;
	if (!rd(w, w->L + 6, 1, &nh))
		return -1;
	r->later = 0;
	for (int n = 0; n < REF_BOUND; n++) {
		if (nh == 44) {
			if (!rd(w, w->L + off + 2, 2, &a) || !rd(w, w->L + off, 1, &b))
				return -1;
			if (a & 0xfff8) {
				r->later = 1;
				nh = b;
				break;
			}
			nh = b;
			off += 8;
			continue;
		}
		int unit = nh == 51 ? 4 : (nh == 0 || nh == 43 || nh == 60 || nh == 135) ? 8 : 0;
		if (!unit)
			break;
		if (!rd(w, w->L + off, 1, &b) || !rd(w, w->L + off + 1, 1, &a))
			return -1;
		nh = b;
		off += unit == 8 ? (a + 1) * 8 : (a + 2) * 4;
	}
	r->nh = nh;
	r->off = off;
	return 0;
}

/* The expression trees. */
enum { X_AND, X_OR, X_NOT, X_PROTO, X_IP6PROTO, X_PORT, X_REL, X_FAM, X_LENGT };
enum { R_NUM, R_LOAD, R_BIN, R_TPLEN };
enum { PR_TCP = 6, PR_UDP = 17, PR_SCTP = 132, PR_ICMP6 = 58, PR_IP = 1000, PR_IP6 };

struct ar {
	int kind, op;           /* op: '+', '-', '*', '/', '%', '&', '|', '^', 'L', 'R' */
	int proto, size;        /* R_LOAD */
	uint32_t num;
	struct ar *l, *r;       /* R_LOAD index in l */
};

struct ex {
	int kind;
	struct ex *a, *b;
	int proto;              /* X_PROTO, X_IP6PROTO (number), X_FAM (4 or 6) */
	int protos[3], nprotos; /* X_PORT */
	int dir;                /* X_PORT: 0 src or dst, 1 src, 2 dst, 3 src and dst */
	uint32_t lo, hi;
	struct ar *l;           /* X_REL */
	int rop, neg;           /* X_REL: '>', '=', 'G' (>=), with neg */
	uint32_t v;
	char text[2000], hand6[4000], hand4[3000]; /* hand4: without tplen, for libpcap */
};

static int is_tp(int p) { return p == PR_TCP || p == PR_UDP || p == PR_SCTP || p == PR_ICMP6; }

/* Evaluate arithmetic: loads of transport protocols at tp + index. */
static int ar_eval(const struct view *w, const struct ar *n, uint32_t tp, uint32_t tplen, uint32_t *v)
{
	uint32_t a, b;
	switch (n->kind) {
	case R_NUM:
		*v = n->num;
		return 1;
	case R_TPLEN:
		*v = tplen;
		return 1;
	case R_LOAD:
		if (!ar_eval(w, n->l, tp, tplen, &a))
			return 0;
		return rd(w, w->L + (is_tp(n->proto) ? tp : 0) + a, n->size, v);
	default:
		if (!ar_eval(w, n->l, tp, tplen, &a) || !ar_eval(w, n->r, tp, tplen, &b))
			return 0;
		switch (n->op) {
		case '+': *v = a + b; return 1;
		case '-': *v = a - b; return 1;
		case '*': *v = a * b; return 1;
		case '/': if (!b) return 0; *v = a / b; return 1;
		case '%': if (!b) return 0; *v = a % b; return 1;
		case '&': *v = a & b; return 1;
		case '|': *v = a | b; return 1;
		case '^': *v = a ^ b; return 1;
		case 'L': *v = a << b; return 1;
		default: *v = a >> b; return 1;
		}
	}
}

static void ar_protos(const struct ar *n, int *tp, int *ip4, int *other, int *tpl)
{
	if (!n)
		return;
	if (n->kind == R_TPLEN)
		*tpl = 1;
	if (n->kind == R_LOAD) {
		if (is_tp(n->proto))
			*tp = n->proto;
		else if (n->proto == PR_IP)
			*ip4 = 1;
		else if (n->proto != PR_IP6)
			*other = 1;
	}
	ar_protos(n->l, tp, ip4, other, tpl);
	ar_protos(n->r, tp, ip4, other, tpl);
}

/* libpcap's protocol check for an IPv4 packet: the leftmost load's chain
 * (pcap-filter's arithmetic keeps only the left operand's checks). */
static int v4_guard(const struct view *w, const struct ar *n)
{
	while (n->kind == R_BIN)
		n = n->l;
	if (n->kind != R_LOAD)
		return 1;
	int g = v4_guard(w, n->l);
	if (g != 1)
		return g;
	uint32_t p, f = 0;
	if (n->proto == PR_IP)
		return 1;
	if (n->proto == PR_IP6 || n->proto == PR_ICMP6)
		return 0;
	if (!rd(w, w->L + 9, 1, &p))
		return ABORT;
	if (p != (uint32_t)n->proto)
		return 0;
	rd(w, w->L + 6, 2, &f);
	return !(f & 0x1fff);
}

static int rel_test(const struct ex *e, uint32_t a)
{
	int r = e->rop == '>' ? a > e->v : e->rop == 'G' ? a >= e->v : a == e->v;
	return e->neg ? !r : r;
}

/* tplen (the dialect's word): the transport header and payload as the IP
 * header counts them, over IPv4 total length - 4 * IHL, over IPv6 the
 * payload length less the extension headers walked. */
static int ref_rel(const struct view *w, const struct ex *e, int fam)
{
	int tp = 0, ip4 = 0, other = 0, tpl = 0;
	uint32_t a, tplen = 0;
	ar_protos(e->l, &tp, &ip4, &other, &tpl);
	if (fam == 6) {
		struct walked r;
		if (!tp && !tpl) { /* libpcap's ip6[...] */
			if (ip4 || other)
				return 0;
			return ar_eval(w, e->l, 0, 0, &a) ? rel_test(e, a) : ABORT;
		}
		if (ip4 || other)
			return 0;
		if (walk6(w, &r) < 0)
			return ABORT;
		if (tp && (r.later || r.nh != (uint32_t)tp))
			return 0;
		if (tpl) {
			if (!rd(w, w->L + 4, 2, &tplen))
				return ABORT;
			tplen = tplen + 40 - r.off;
		}
		return ar_eval(w, e->l, r.off, tplen, &a) ? rel_test(e, a) : ABORT;
	}
	if (fam == 4) {
		int g = v4_guard(w, e->l);
		if (g != 1)
			return g;
		uint32_t ihl;
		if ((tp && tp != PR_ICMP6) || tpl) {
			if (!rd(w, w->L, 1, &ihl))
				return ABORT;
			ihl = (ihl & 0xf) * 4;
		} else {
			ihl = 0;
		}
		if (tpl) {
			if (!rd(w, w->L + 2, 2, &tplen))
				return ABORT;
			tplen -= ihl;
		}
		return ar_eval(w, e->l, ihl, tplen, &a) ? rel_test(e, a) : ABORT;
	}
	return 0;
}

static int in_protos(const struct ex *e, uint32_t p)
{
	for (int i = 0; i < e->nprotos; i++)
		if ((uint32_t)e->protos[i] == p)
			return 1;
	return 0;
}

static int port_in(const struct ex *e, uint32_t v) { return v >= e->lo && v <= e->hi; }

static int ref_port(const struct view *w, const struct ex *e, int fam)
{
	uint32_t base = 0, p, f = 0, s, d;
	if (fam == 6) {
		struct walked r;
		if (walk6(w, &r) < 0)
			return ABORT;
		if (r.later || !in_protos(e, r.nh))
			return 0;
		base = w->L + r.off;
	} else if (fam == 4) {
		if (!rd(w, w->L + 9, 1, &p))
			return ABORT;
		rd(w, w->L + 6, 2, &f);
		if (!in_protos(e, p) || (f & 0x1fff))
			return 0;
		rd(w, w->L, 1, &base);
		base = w->L + (base & 0xf) * 4;
	} else {
		return 0;
	}
	if (e->dir == 2) /* dst */
		return rd(w, base + 2, 2, &d) ? port_in(e, d) : ABORT;
	if (!rd(w, base, 2, &s))
		return ABORT;
	if (e->dir == 1)
		return port_in(e, s);
	if (e->dir == 0 && port_in(e, s))
		return 1;
	if (e->dir == 3 && !port_in(e, s))
		return 0;
	return rd(w, base + 2, 2, &d) ? port_in(e, d) : ABORT;
}

static int ref(const struct view *w, const struct ex *e)
{
	int fam, x;
	uint32_t v, u;
	switch (e->kind) {
	case X_AND:
		x = ref(w, e->a);
		return x != 1 ? x : ref(w, e->b);
	case X_OR:
		x = ref(w, e->a);
		return x != 0 ? x : ref(w, e->b);
	case X_NOT:
		x = ref(w, e->a);
		return x == ABORT ? x : !x;
	case X_LENGT:
		return w->k->len > e->v;
	default:
		break;
	}
	fam = family(w);
	if (fam < 0)
		return ABORT;
	switch (e->kind) {
	case X_FAM:
		return fam == e->proto;
	case X_PROTO: /* tcp, udp, sctp, icmp6: later fragments too */
		if (fam == 4 && e->proto != PR_ICMP6)
			return rd(w, w->L + 9, 1, &v) ? v == (uint32_t)e->proto : ABORT;
		/* fall through */
	case X_IP6PROTO:
		if (fam != 6)
			return 0;
		if (e->proto == 0 || e->proto == 43 || e->proto == 44 || e->proto == 51 || e->proto == 60 ||
		    e->proto == 135) {
			/* an extension header's number: libpcap's own test */
			if (!rd(w, w->L + 6, 1, &v))
				return ABORT;
			if (v == (uint32_t)e->proto)
				return 1;
			if (v != 44)
				return 0;
			return rd(w, w->L + 40, 1, &u) ? u == (uint32_t)e->proto : ABORT;
		} else {
			struct walked r;
			if (walk6(w, &r) < 0)
				return ABORT;
			return r.nh == (uint32_t)e->proto;
		}
	case X_PORT:
		return ref_port(w, e, fam);
	case X_REL:
		return ref_rel(w, e, fam);
	}
	return ABORT;
}

/* ---------------- building expressions ---------------- */

static struct ex *exs[400];
static int nexs;

static struct ex *ex_new(int kind)
{
	struct ex *e = calloc(1, sizeof *e);
	if (!e)
		abort();
	e->kind = kind;
	return e;
}

static void add_ex(struct ex *e)
{
	if (!e->hand4[0])
		fmt(e->hand4, sizeof e->hand4, "%s", e->text);
	if (nexs < (int)(sizeof exs / sizeof exs[0]))
		exs[nexs++] = e;
}

static const char *pname(int p)
{
	switch (p) {
	case PR_TCP: return "tcp";
	case PR_UDP: return "udp";
	case PR_SCTP: return "sctp";
	case PR_ICMP6: return "icmp6";
	case PR_IP: return "ip";
	default: return "ip6";
	}
}

/* A node of the arithmetic tree, on the heap (the tests never free one). */
static struct ar *ar_new(struct ar v)
{
	struct ar *n = malloc(sizeof *n);
	*n = v;
	return n;
}
static struct ar *ar_num(uint32_t v)
{
	return ar_new((struct ar){ .kind = R_NUM, .num = v });
}
static struct ar *ar_load(int proto, struct ar *idx, int size)
{
	return ar_new((struct ar){ .kind = R_LOAD, .proto = proto, .l = idx, .size = size });
}
static struct ar *ar_bin(int op, struct ar *l, struct ar *r)
{
	return ar_new((struct ar){ .kind = R_BIN, .op = op, .l = l, .r = r });
}

/* The text of n; hand: loads of transport protocols as ip6[40 + i]. */
static void ar_text(char *buf, size_t size, const struct ar *n, int hand)
{
	char a[1000], b[1000];
	switch (n->kind) {
	case R_NUM:
		fmt(buf, size, "%u", n->num);
		return;
	case R_TPLEN:
		fmt(buf, size, "%s", hand == 1 ? "ip6[4:2]" : hand == 2 ? "(ip[2:2] - ((ip[0] & 0xf) << 2))" : "tplen");
		return;
	case R_LOAD:
		ar_text(a, sizeof a, n->l, hand);
		if (hand == 1 && is_tp(n->proto))
			fmt(buf, size, "ip6[40 + (%s):%d]", a, n->size);
		else
			fmt(buf, size, "%s[%s:%d]", pname(n->proto), a, n->size);
		return;
	default: {
		ar_text(a, sizeof a, n->l, hand);
		ar_text(b, sizeof b, n->r, hand);
		const char *op = n->op == 'L' ? "<<" : n->op == 'R' ? ">>" : (char[2]){ (char)n->op, 0 };
		fmt(buf, size, "(%s %s %s)", a, op, b);
	}
	}
}

static struct ex *rel(struct ar *l, const char *op, uint32_t v)
{
	struct ex *e = ex_new(X_REL);
	e->l = l;
	e->v = v;
	e->rop = !strcmp(op, ">") || !strcmp(op, "<=") ? '>' : !strcmp(op, ">=") || !strcmp(op, "<") ? 'G' : '=';
	e->neg = !strcmp(op, "<=") || !strcmp(op, "<") || !strcmp(op, "!=");
	char a[1000], h[1000], h4[1000];
	ar_text(a, sizeof a, l, 0);
	ar_text(h, sizeof h, l, 1);
	ar_text(h4, sizeof h4, l, 2);
	fmt(e->text, sizeof e->text, "%s %s %u", a, op, v);
	fmt(e->hand4, sizeof e->hand4, "%s %s %u", h4, op, v);
	int tp = 0, ip4 = 0, other = 0, tpl = 0;
	ar_protos(l, &tp, &ip4, &other, &tpl);
	if (tp)
		fmt(e->hand6, sizeof e->hand6, "(ip6 and ip6[6] = %d and %s %s %u)", tp, h, op, v);
	else
		fmt(e->hand6, sizeof e->hand6, "(%s %s %u)", h, op, v);
	return e;
}

/* `tcp` and `ip6 proto 6` alike: by hand, the next header is p. */
static struct ex *proto_leaf(int kind, int p, const char *text)
{
	struct ex *e = ex_new(kind);
	e->proto = p;
	fmt(e->text, sizeof e->text, "%s", text);
	fmt(e->hand6, sizeof e->hand6, "(ip6 and ip6[6] = %d)", p);
	return e;
}

static struct ex *word(int proto)
{
	return proto_leaf(X_PROTO, proto, pname(proto));
}

static struct ex *ip6proto(int p)
{
	char text[32];
	fmt(text, sizeof text, "ip6 proto %d", p);
	return proto_leaf(X_IP6PROTO, p, text);
}

/* `ip`, `len > 100`: the hand-written form is the expression itself. */
static struct ex *as_written(int kind, const char *text)
{
	struct ex *e = ex_new(kind);
	fmt(e->text, sizeof e->text, "%s", text);
	fmt(e->hand6, sizeof e->hand6, "%s", text);
	return e;
}

static struct ex *fam(int f)
{
	struct ex *e = as_written(X_FAM, f == 4 ? "ip" : "ip6");
	e->proto = f;
	return e;
}

static struct ex *lengt(uint32_t v)
{
	char text[32];
	fmt(text, sizeof text, "len > %u", v);
	struct ex *e = as_written(X_LENGT, text);
	e->v = v;
	return e;
}

/* [tcp|udp|sctp] [src|dst|src and dst] port P, portrange LO-HI */
static struct ex *port(int proto, int dir, uint32_t lo, uint32_t hi, int range)
{
	static const char *dirs[] = { "", "src ", "dst ", "src and dst " };
	struct ex *e = ex_new(X_PORT);
	e->dir = dir;
	e->lo = lo;
	e->hi = hi;
	if (proto) {
		e->protos[0] = proto;
		e->nprotos = 1;
	} else {
		e->protos[0] = PR_SCTP;
		e->protos[1] = PR_TCP;
		e->protos[2] = PR_UDP;
		e->nprotos = 3;
	}
	char pfx[16] = "";
	if (proto)
		fmt(pfx, sizeof pfx, "%s ", pname(proto));
	if (range)
		fmt(e->text, sizeof e->text, "%s%sportrange %u-%u", pfx, dirs[dir], lo, hi);
	else
		fmt(e->text, sizeof e->text, "%s%sport %u", pfx, dirs[dir], lo);
	char ps[80], s[100], d[100], t[260];
	if (proto)
		fmt(ps, sizeof ps, "ip6[6] = %d", proto);
	else
		fmt(ps, sizeof ps, "(ip6[6] = 132 or ip6[6] = 6 or ip6[6] = 17)");
	fmt(s, sizeof s, "(ip6[40:2] >= %u and ip6[40:2] <= %u)", lo, hi);
	fmt(d, sizeof d, "(ip6[42:2] >= %u and ip6[42:2] <= %u)", lo, hi);
	if (dir == 1)
		fmt(t, sizeof t, "%s", s);
	else if (dir == 2)
		fmt(t, sizeof t, "%s", d);
	else
		fmt(t, sizeof t, "(%s %s %s)", s, dir == 3 ? "and" : "or", d);
	fmt(e->hand6, sizeof e->hand6, "(ip6 and %s and %s)", ps, t);
	return e;
}

/* The IPv4 form libpcap reads: the text itself unless it says tplen. */
static const char *h4(const struct ex *e)
{
	return e->hand4[0] ? e->hand4 : e->text;
}

static struct ex *bin(int kind, struct ex *a, struct ex *b)
{
	struct ex *e = ex_new(kind);
	e->a = a;
	e->b = b;
	const char *w = kind == X_AND ? "and" : "or";
	fmt(e->text, sizeof e->text, "(%s) %s (%s)", a->text, w, b->text);
	fmt(e->hand6, sizeof e->hand6, "(%s) %s (%s)", a->hand6, w, b->hand6);
	fmt(e->hand4, sizeof e->hand4, "(%s) %s (%s)", h4(a), w, h4(b));
	return e;
}

static struct ex *not(struct ex *a)
{
	struct ex *e = ex_new(X_NOT);
	e->a = a;
	fmt(e->text, sizeof e->text, "not (%s)", a->text);
	fmt(e->hand6, sizeof e->hand6, "not (%s)", a->hand6);
	fmt(e->hand4, sizeof e->hand4, "not (%s)", h4(a));
	return e;
}

static struct ar *tl(int p, uint32_t i, int size) { return ar_load(p, ar_num(i), size); }

/* tcp's data offset in bytes: (tcp[12] & 0xf0) >> 2 */
static struct ar *thl(void) { return ar_bin('R', ar_bin('&', tl(PR_TCP, 12, 1), ar_num(0xf0)), ar_num(2)); }

static void build(void)
{
	int base0;
	/* protocol words and ip6 proto */
	add_ex(word(PR_TCP));
	add_ex(word(PR_UDP));
	add_ex(word(PR_SCTP));
	add_ex(word(PR_ICMP6));
	static const int ip6p[] = { 6, 17, 58, 132, 59, 50, 4, 44, 0, 43, 60, 51 };
	for (size_t i = 0; i < sizeof ip6p / sizeof ip6p[0]; i++)
		add_ex(ip6proto(ip6p[i]));
	/* ports */
	static const int pp[] = { PR_TCP, PR_UDP, PR_SCTP, 0 };
	for (int p = 0; p < 4; p++)
		for (int d = 0; d < 4; d++)
			add_ex(port(pp[p], d, d == 3 ? 53 : 80, d == 3 ? 53 : 80, 0));
	add_ex(port(0, 0, 53, 53, 0));
	add_ex(port(PR_TCP, 0, 443, 443, 0));
	add_ex(port(PR_UDP, 0, 1024, 65535, 1));
	add_ex(port(0, 0, 1, 1023, 1));
	add_ex(port(PR_TCP, 2, 1000, 9000, 1));
	add_ex(port(PR_SCTP, 1, 0, 100, 1));
	add_ex(port(0, 3, 22, 8080, 1));
	/* flags and fields */
	add_ex(rel(ar_bin('&', tl(PR_TCP, 13, 1), ar_num(2)), "!=", 0));
	add_ex(rel(ar_bin('&', tl(PR_TCP, 13, 1), ar_num(0x12)), "=", 0x12));
	add_ex(rel(ar_bin('&', tl(PR_TCP, 13, 1), ar_num(0x17)), "=", 0x02));
	add_ex(rel(tl(PR_TCP, 0, 2), ">", 1023));
	add_ex(rel(tl(PR_TCP, 2, 2), "=", 80));
	add_ex(rel(tl(PR_TCP, 4, 4), ">", 0x80000000u));
	add_ex(rel(ar_bin('&', tl(PR_TCP, 8, 4), ar_num(0xff)), "=", 0));
	add_ex(rel(tl(PR_UDP, 0, 2), "=", 53));
	add_ex(rel(tl(PR_UDP, 2, 2), "<", 1024));
	add_ex(rel(ar_bin('-', tl(PR_UDP, 4, 2), ar_num(8)), ">", 20));
	add_ex(rel(tl(PR_UDP, 8, 1), "=", 0x45));
	add_ex(rel(tl(PR_SCTP, 0, 2), "=", 80));
	add_ex(rel(tl(PR_SCTP, 8, 4), "!=", 0));
	add_ex(rel(tl(PR_ICMP6, 0, 1), "=", 128));
	add_ex(rel(tl(PR_ICMP6, 1, 1), "=", 0));
	add_ex(rel(tl(PR_ICMP6, 4, 4), ">", 100));
	add_ex(rel(tl(PR_ICMP6, 0, 1), ">=", 133));
	/* header lengths and arithmetic */
	add_ex(rel(thl(), ">", 20));
	add_ex(rel(ar_load(PR_TCP, thl(), 1), "=", 'G'));
	add_ex(rel(ar_load(PR_TCP, thl(), 4), "=", 0x47455420));
	add_ex(rel(ar_load(PR_TCP, ar_bin('+', thl(), ar_num(2)), 2), "!=", 0));
	add_ex(rel(ar_bin('-', ar_load(PR_IP6, ar_num(4), 2), thl()), ">", 100));
	add_ex(rel(ar_bin('/', tl(PR_UDP, 4, 2), ar_num(4)), ">", 5));
	add_ex(rel(ar_bin('%', tl(PR_TCP, 14, 2), ar_num(7)), "=", 3));
	add_ex(rel(ar_bin('^', tl(PR_TCP, 16, 2), ar_num(0xffff)), ">", 1000));
	add_ex(rel(ar_bin('*', tl(PR_UDP, 6, 2), ar_num(2)), ">", 100));
	add_ex(rel(ar_bin('+', tl(PR_TCP, 0, 2), tl(PR_TCP, 2, 2)), ">", 10000));
	add_ex(rel(ar_bin('L', tl(PR_UDP, 1, 1), ar_num(8)), "<=", 0x3000));
	add_ex(rel(ar_bin('|', tl(PR_SCTP, 2, 2), ar_num(1)), "=", 81));
	add_ex(rel(ar_bin('/', tl(PR_TCP, 0, 1), tl(PR_TCP, 1, 1)), "<", 2)); /* a zero divisor rejects */
	add_ex(rel(ar_load(PR_UDP, tl(PR_UDP, 0, 1), 1), ">", 0x80));
	add_ex(rel(tl(PR_TCP, 60, 4), "!=", 0)); /* past many headers: cut short */
	/* tplen: the payload length over both IP versions */
	struct ar *tplen = calloc(1, sizeof *tplen);
	tplen->kind = R_TPLEN;
	add_ex(rel(tplen, ">", 100));
	add_ex(rel(ar_bin('-', tplen, thl()), "!=", 0));
	add_ex(rel(ar_bin('-', tplen, thl()), ">", 50));
	add_ex(rel(ar_bin('-', tplen, tl(PR_UDP, 4, 2)), "=", 0));
	add_ex(bin(X_AND, port(PR_TCP, 0, 80, 80, 0), rel(ar_bin('-', tplen, thl()), "!=", 0)));
	add_ex(bin(X_AND, word(PR_UDP), rel(ar_bin('-', tplen, ar_num(8)), "<", 30)));
	/* random single loads */
	static const int tps[] = { PR_TCP, PR_UDP, PR_SCTP, PR_ICMP6 };
	static const char *ops[] = { ">", "<", "=", "!=", ">=", "<=" };
	static const int sizes[] = { 1, 2, 4 };
	for (int i = 0; i < 30; i++) {
		int s = sizes[rn(3)];
		struct ar *l = tl(tps[rn(4)], rn(24), s);
		if (rn(2))
			l = ar_bin('&', l, ar_num(rnd() & (s == 1 ? 0xff : s == 2 ? 0xffff : 0xffffffff)));
		add_ex(rel(l, ops[rn(6)], rn(2) ? rn(256) : rnd() & (s == 4 ? 0xffffffff : 0xffff)));
	}
	/* IPv4 and IPv6 terms to mix in */
	struct ex *mix[] = {
		fam(4), fam(6), lengt(100),
		rel(tl(PR_IP, 8, 1), ">", 64), rel(tl(PR_IP6, 7, 1), ">", 64),
		rel(ar_bin('-', ar_bin('-', tl(PR_IP, 2, 2), ar_bin('L', ar_bin('&', tl(PR_IP, 0, 1), ar_num(15)), ar_num(2))),
			    thl()), "!=", 0),
	};
	for (size_t i = 0; i < sizeof mix / sizeof mix[0]; i++)
		add_ex(mix[i]);
	/* and/or/not mixes */
	base0 = nexs;
	for (int i = 0; i < 70; i++) {
		struct ex *a = exs[rn((uint32_t)base0)], *b = exs[rn((uint32_t)base0)];
		if (rn(3) == 0)
			b = mix[rn(sizeof mix / sizeof mix[0])];
		if (rn(3) == 0)
			a = not(a);
		struct ex *e = bin(rn(2) ? X_AND : X_OR, a, b);
		if (rn(4) == 0)
			e = bin(rn(2) ? X_AND : X_OR, e, exs[rn((uint32_t)base0)]);
		if (rn(5) == 0)
			e = not(e);
		add_ex(e);
	}
}

/* ---------------- running ---------------- */

struct compiled {
	struct bpfx_program opt, unopt;
	struct bpf_program lib4, lib6; /* libpcap: `ip and EXPR`, the hand-written IPv6 form */
	int have_lib;
};

static unsigned long differences;
static unsigned maxlen;

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (differences < 30) {
		fputs("ip6test: ", stdout);
		vprintf(fmt, ap);
		putchar('\n');
	}
	va_end(ap);
	differences++;
}

static unsigned long nkernel;

/* The kernel's check, where there is one: SO_ATTACH_FILTER on a socket. */
static void kernel_accepts(const char *text, const struct bpfx_program *p)
{
#ifdef __linux__
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return;
	struct sock_fprog f = { .len = (unsigned short)p->len, .filter = (struct sock_filter *)p->insns };
	if (setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &f, sizeof f) == 0)
		nkernel++;
	else if (errno == EINVAL)
		fail("`%s`: the Linux kernel refuses the program (%u instructions)", text, p->len);
	close(s);
#else
	(void)text;
	(void)p;
#endif
}

static int compile_dialect(const char *text, int dlt, int swapped, int optimize, struct bpfx_program *p)
{
	struct bpfx_options o;
	struct bpfx_error err;
	bpfx_options_init(&o);
	o.linktype = dlt;
	o.optimize = optimize;
	o.ip6_transport = 1;
	o.savefile = dlt == DLT_NULL || dlt == DLT_LOOP; /* any BSD AF_INET6 value, as tcpdump -r */
	o.swapped = swapped;
	if (bpfx_compile(text, &o, p, &err) < 0) {
		if (optimize && strstr(err.msg, "rejects all packets"))
			return -2; /* then the unoptimized program must reject every packet */
		fail("bpfx rejects `%s`: %s", text, err.msg);
		return -1;
	}
	if (bpfx_validate(p->insns, p->len, &err) < 0)
		fail("`%s`: the validator rejects the program: %s", text, err.msg);
	for (unsigned i = 0; i < p->len; i++) {
		const struct bpf_insn *s = &p->insns[i];
		if (BPF_CLASS(s->code) == BPF_JMP &&
		    (BPF_OP(s->code) == BPF_JA ? i + 1 + s->k : i + 1 + s->jt) > p->len)
			fail("`%s`: a jump out of the program at %u", text, i);
	}
	kernel_accepts(text, p);
	if (p->len > maxlen)
		maxlen = p->len;
	if (p->len > 4096)
		fail("`%s`: %u instructions, more than 4096", text, p->len);
	return 0;
}

static int lib_compile(const char *text, int dlt, struct bpf_program *p)
{
	pcap_t *pd = pcap_open_dead(dlt, 262144);
	int rc = pcap_compile(pd, p, text, 0, PCAP_NETMASK_UNKNOWN);
	if (rc < 0)
		fail("libpcap rejects `%s`: %s", text, pcap_geterr(pd));
	pcap_close(pd);
	return rc;
}

static unsigned long nrejectall, npackets, nv6, nv6ext, nv6corpus, ncorpus, nlibcmp;

static void run(struct compiled *c, const struct ex *e, const struct pkt *k, uint32_t L)
{
	struct view w = { k, L };
	int want = ref(&w, e);
	uint32_t r[4];
	r[0] = bpfx_run(c->opt.insns, k->d, k->len, k->cap);
	r[1] = bpfx_run(c->unopt.insns, k->d, k->len, k->cap);
	r[2] = bpf_filter(c->opt.insns, k->d, k->len, k->cap);
	r[3] = bpf_filter(c->unopt.insns, k->d, k->len, k->cap);
	for (int i = 0; i < 4; i++)
		if ((r[i] != 0) != (want == 1)) {
			char hex[200] = "";
			for (uint32_t j = 0; L + j < k->cap && j < 90; j++)
				snprintf(hex + 2 * j, 3, "%02x", k->d[L + j]);
			fail("`%s`: %s %s says %u, the reference %s (caplen %u len %u, network layer %s)", e->text,
			     i & 1 ? "unoptimized" : "optimized", i & 2 ? "on bpf_filter" : "on bpfx", r[i],
			     want == 1 ? "accept" : want == ABORT ? "reject (cut short)" : "reject", k->cap, k->len, hex);
			break;
		}
	if (c->have_lib && k->noext && k->dlt == DLT_EN10MB && k->cap == k->len) {
		uint32_t v4 = k->d[12] == 0x08 && k->d[13] == 0;
		uint32_t l = bpf_filter(v4 ? c->lib4.bf_insns : c->lib6.bf_insns, k->d, k->len, k->cap);
		nlibcmp++;
		if ((l != 0) != (r[0] != 0)) {
			char hex[200] = "";
			for (uint32_t j = 0; j < k->cap && j < 90; j++)
				snprintf(hex + 2 * j, 3, "%02x", k->d[j]);
			fail("`%s`: libpcap's %s `%s` says %u, the dialect %u (%s)", e->text,
			     v4 ? "`ip and EXPR`" : "hand-written ip6[40+i] form", e->hand6, l, r[0], hex);
		}
	}
}

static struct pkt *pkts;
static uint32_t *lofs;
static size_t npk, cappk;

static struct pkt *add_pkt(uint32_t L)
{
	if (npk == cappk) {
		cappk = cappk ? cappk * 2 : 4096;
		pkts = realloc(pkts, sizeof *pkts * cappk);
		lofs = realloc(lofs, sizeof *lofs * cappk);
		if (!pkts || !lofs)
			abort();
	}
	lofs[npk] = L;
	memset(&pkts[npk], 0, sizeof pkts[npk]);
	return &pkts[npk++];
}

static struct pkt *add_synth(void)
{
	struct pkt *k = add_pkt(14);
	if (!(k->d = calloc(1, MAXLEN)))
		abort();
	return k;
}

static void synthesize(void)
{
	for (int i = 0; i < 6000; i++) {
		struct pkt *k = add_synth();
		int kind = rn(10);
		if (kind < 6) {
			make_ip6(k, (int)rn(11));
		} else if (kind < 9) {
			make_ip4(k);
		} else {
			make_other(k);
		}
		if (rn(4) == 0) { /* a truncated copy too */
			struct pkt *t = add_pkt(14);
			*t = pkts[npk - 2];
			t->cap = rn(t->len + 1);
			t->noext = 0;
		}
	}
}

/* Every packet of the corpus captures on Ethernet, cooked or raw IP links. */
static void read_corpus(const char *dir)
{
	struct synth_corpus c;
	pcap_t *p;
	synth_corpus_open(&c, dir);
	while ((p = synth_corpus_next(&c))) {
		int dlt = pcap_datalink(p);
		uint32_t L = dlt == DLT_EN10MB ? 14 : dlt == DLT_LINUX_SLL ? 16 : dlt == DLT_LINUX_SLL2 ? 20
			   : dlt == DLT_RAW || dlt == 101 || dlt == DLT_IPV4 || dlt == DLT_IPV6 ? 0
			   : dlt == DLT_NULL || dlt == DLT_LOOP ? 4 : 999;
		struct pcap_pkthdr *h;
		const u_char *data;
		int n = 0;
		while (L != 999 && n < 20000 && pcap_next_ex(p, &h, &data) == 1) {
			struct pkt *k = add_pkt(L);
			if (!(k->d = malloc(h->caplen ? h->caplen : 1)))
				abort();
			memcpy(k->d, data, h->caplen);
			k->cap = h->caplen;
			k->len = h->len < h->caplen ? h->caplen : h->len;
			k->dlt = dlt == 101 ? DLT_RAW : dlt;
			k->swapped = dlt == DLT_NULL && pcap_is_swapped(p) == 1; /* LOOP is big-endian anyway */
			ncorpus++;
			struct view w = { k, L };
			nv6corpus += family(&w) == 6;
			n++;
		}
		pcap_close(p);
	}
}

/* libpcap's language: "rejects all packets" caused by an IPv4-only index
 * names the index (its span) and the dialect; other such expressions keep
 * the plain message; `tplen` is a name there, as in libpcap. */
static void default_language(void)
{
	static const struct {
		const char *expr;
		int start, end;     /* -1: the plain message, no span */
	} cases[] = {
		{ "ip6 and tcp[13] & 2 != 0", 8, 15 },
		{ "udp[0:2] = 53 and ip6", 0, 8 },
		{ "ip6 and (udp[2:2] = 53 or tcp[13] = 2)", 9, 17 },
		{ "ip and ip6", -1, -1 },
		{ "ip6 and icmp[0] = 8", -1, -1 }, /* icmp[] is IPv4's in the dialect too */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct bpfx_options o;
		struct bpfx_program p;
		struct bpfx_error err;
		bpfx_options_init(&o);
		if (bpfx_compile(cases[i].expr, &o, &p, &err) == 0) {
			fail("`%s` compiles in libpcap's language", cases[i].expr);
			bpfx_program_free(&p);
			continue;
		}
		int hint = strstr(err.msg, "--ip6-transport") != NULL;
		if (!strstr(err.msg, "rejects all packets") || hint != (cases[i].start >= 0) ||
		    (hint && (err.start != cases[i].start || err.end != cases[i].end)))
			fail("`%s`: message \"%s\" at [%d, %d)", cases[i].expr, err.msg, err.start, err.end);
	}
	static const char *names[] = { "host tplen", "tplen > 5", "port tplen" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct bpfx_options o;
		struct bpfx_program p;
		struct bpf_program lp;
		struct bpfx_error err;
		bpfx_options_init(&o);
		int ours = bpfx_compile(names[i], &o, &p, &err) == 0;
		pcap_t *pd = pcap_open_dead(DLT_EN10MB, 262144);
		int theirs = pcap_compile(pd, &lp, names[i], 1, PCAP_NETMASK_UNKNOWN) == 0;
		if (ours != theirs)
			fail("`%s`: bpfx %s it, libpcap %s it", names[i], ours ? "accepts" : "rejects",
			     theirs ? "accepts" : "rejects");
		if (ours)
			bpfx_program_free(&p);
		if (theirs)
			pcap_freecode(&lp);
		pcap_close(pd);
	}
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("srcdir");
	char def[4096];
	fmt(def, sizeof def, "%s/../shared/corpus", srcdir ? srcdir : ".");
	default_language();
	build();
	synthesize();
	read_corpus(argc > 1 ? argv[1] : def);
	for (size_t i = 0; i < npk; i++) {
		struct view w = { &pkts[i], lofs[i] };
		if (family(&w) == 6) {
			nv6++;
			struct walked r;
			uint32_t nh;
			if (rd(&w, w.L + 6, 1, &nh) && walk6(&w, &r) == 0 && r.off > 40)
				nv6ext++;
		}
	}
	static const int dlts[] = { DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, DLT_IPV4, DLT_IPV6,
				    DLT_NULL, DLT_NULL, DLT_LOOP };
	static const int swaps[] = { 0, 0, 0, 0, 0, 0, 0, 1, 0 };
	for (int e = 0; e < nexs; e++) {
		for (int t = 0; t < 9; t++) {
			struct compiled c = { 0 };
			int rc = compile_dialect(exs[e]->text, dlts[t], swaps[t], 1, &c.opt);
			if (rc == -1 || compile_dialect(exs[e]->text, dlts[t], swaps[t], 0, &c.unopt) < 0)
				continue;
			if (rc == -2) {
				nrejectall++;
				compile_dialect(exs[e]->text, dlts[t], swaps[t], 0, &c.opt);
			}
			if (dlts[t] == DLT_EN10MB) {
				char ip4[3100];
				fmt(ip4, sizeof ip4, "ip and (%s)", exs[e]->hand4);
				c.have_lib = lib_compile(ip4, DLT_EN10MB, &c.lib4) == 0 &&
					     lib_compile(exs[e]->hand6, DLT_EN10MB, &c.lib6) == 0;
			}
			for (size_t i = 0; i < npk; i++)
				if (pkts[i].dlt == dlts[t] && pkts[i].swapped == swaps[t]) {
					run(&c, exs[e], &pkts[i], lofs[i]);
					npackets++;
				}
			bpfx_program_free(&c.opt);
			bpfx_program_free(&c.unopt);
			if (c.have_lib) {
				pcap_freecode(&c.lib4);
				pcap_freecode(&c.lib6);
			}
		}
	}
	printf("ip6test: %d expressions, %zu packets (%lu IPv6, %lu of them with extension headers; %lu from the "
	       "corpus, %lu of those IPv6), %lu expression-packet runs, %lu compared with libpcap: %lu differences; "
	       "largest dialect program %u instructions; validator failures count as differences; %lu programs "
	       "attached to a Linux socket; %lu found by the optimizer to match nothing\n",
	       nexs, npk, nv6, nv6ext, ncorpus, nv6corpus, npackets, nlibcmp, differences, maxlen, nkernel, nrejectall);
	return differences ? 1 : 0;
}
