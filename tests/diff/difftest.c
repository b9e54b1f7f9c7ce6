/* difftest.c: bpfx's compiler against libpcap's, verdict for verdict.
 *
 * usage: difftest EXPRS INVALID [CORPUS_DIR]
 *
 * For every expression of EXPRS and every link type bpfx supports, both
 * compilers must accept or both reject.  Where both accept, bpfx's
 * unoptimized program run by libpcap's bpf_filter must return exactly what
 * libpcap's unoptimized program returns, on every packet: the synthesizer's
 * packets for that link type, its hand-built edge packets (synth_edges),
 * its Ethernet packets re-wrapped into that link type, PPPoE sessions, on
 * NULL/LOOP each packet again under the AF values a live handle and a
 * byte-swapped file expect, mutated and truncated copies, and the corpus
 * captures of that link type when CORPUS_DIR exists.  Generated ORs of
 * up to 800 hosts, ports and nets run on packets of their own (below).  Our own interpreter must agree with
 * bpf_filter on bpfx's program too.  libpcap's optimized program is also
 * run; where it differs from its own unoptimized program (its optimizer
 * can skip a load that would have rejected a truncated packet) the count
 * is printed for information, not failed on.  bpfx's optimized program
 * must agree with the unoptimized one on every packet; its --loose one
 * (src/opt/loose.c) on every packet on which the unoptimized program loads
 * nothing past the captured bytes and divides by no zero, and with
 * libpcap's optimized program on every packet, truncated or not: --loose
 * promises libpcap's optimizer's verdicts (no exception today).
 * Every expression of INVALID must be rejected by bpfx, with a message and
 * a span inside the expression, and by libpcap.
 *
 * Every expression must bite: on every link type (and handle) where
 * libpcap compiles it, libpcap's unoptimized program must accept at least one packet and
 * reject at least one, else a wrong constant in it could pass unseen.
 * Exempt are the link types where libpcap's optimizer proves that it
 * matches nothing or everything (its program is one return), and the
 * expressions EXPRS marks as meant to match nothing or everything (a line
 * "#! nothing" or "#! everything", maybe "on" some link types, before
 * them), which must then accept no packet, or reject none, there. */
#include <arpa/inet.h>
#include <dirent.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <pcap/pcap.h>
#include "bpfx.h"
#include "linktype.h"
#include "vm.h"
#include "trace.h"
#include "gen/gen.h" /* IP6W_BOUND: protochain's bound */
#include "../synth/synth.h"
#include "../synth/wrap_more.h"
#include "../synth/wrap_wlan.h"
#include "../synth/corpus.h"

#define MAX_CORPUS_PER_DLT 6000
#define NSYNTH 2500
#define NMUTATE 2500

struct pkts {
	struct synth_pkt *p;
	const char **origin;     /* per packet: corpus file, or what made it */
	size_t n, cap;
	size_t from_corpus;
};

static const char *current_origin = "synthesized";
static char **names;   /* corpus file names, freed at exit */
static size_t nnames;

static void add(struct pkts *s, const uint8_t *d, uint32_t caplen, uint32_t len)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->p = realloc(s->p, sizeof *s->p * s->cap);
		s->origin = realloc(s->origin, sizeof *s->origin * s->cap);
		if (!s->p || !s->origin)
			abort();
	}
	s->origin[s->n] = current_origin;
	struct synth_pkt *p = &s->p[s->n++];
	p->caplen = caplen;
	p->len = len;
	p->data = malloc(caplen ? caplen : 1);
	if (!p->data)
		abort();
	memcpy(p->data, d, caplen);
}

/* An expression's mark, from a comment line just before it: "#! nothing"
 * or "#! everything", optionally followed by "on" and the link type names
 * it holds for (default: all). */
enum { MARK_NOTHING = 1, MARK_EVERYTHING = 2 };
struct mark {
	int what;    /* MARK_*, or 0 */
	char *lts;   /* " EN10MB RAW " (spaces around each name), NULL: all */
};

static int marked(const struct mark *m, const char *lt)
{
	char word[64];
	snprintf(word, sizeof word, " %s ", lt);
	/* a mark for all link types leaves out those where libpcap tests
	 * no protocol at all, only a magic word (Juniper, BACnet): there
	 * `ether proto 70000` is that word's test */
	const struct linktype *t = lt_by_name(lt);
	if (!m->lts && t && t->kind == LT_MAGIC)
		return 0;
	return m->what && (!m->lts || strstr(m->lts, word)) ? m->what : 0;
}

static int parse_mark(const char *line, struct mark *m)
{
	const char *rest;
	if (!strncmp(line, "#! nothing", 10))
		m->what = MARK_NOTHING, rest = line + 10;
	else if (!strncmp(line, "#! everything", 13))
		m->what = MARK_EVERYTHING, rest = line + 13;
	else
		return 0;
	m->lts = NULL;
	if (!strncmp(rest, " on ", 4)) {
		size_t n = strlen(rest + 3);
		m->lts = malloc(n + 2);
		if (!m->lts)
			abort();
		snprintf(m->lts, n + 2, "%s ", rest + 3);
	} else if (*rest) {
		fprintf(stderr, "difftest: bad mark line '%s'\n", line);
		exit(2);
	}
	return 1;
}

/* The expressions of EXPRS's 802.11 block (from the line "# --- wlan"
 * to the next "# --- "): on the 802.11 link types only they must bite;
 * the others were written for Ethernet, as on the link types of
 * wrap_more.c. */
static size_t wlan_from = (size_t)-1, wlan_to = (size_t)-1;
/* ... and of its blocks for one link type of wrap_more.c, which must
 * bite there: pflog's words, SunATM's lane */
static struct {
	const char *head;
	int dlt;
	size_t from, to;
} blocks[] = {
	{ "# --- pflog", DLT_PFLOG, (size_t)-1, (size_t)-1 },
	{ "# --- lane", DLT_SUNATM, (size_t)-1, (size_t)-1 },
};

static int in_block(size_t e, int dlt)
{
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (blocks[i].dlt == dlt && e >= blocks[i].from && e < blocks[i].to)
			return 1;
	return 0;
}

static char **read_lines(const char *path, size_t *n, struct mark **marks)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	char **v = NULL, buf[4096];
	struct mark *m = NULL, mark = { 0 };
	size_t cap = 0;
	*n = 0;
	while (fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = 0;
		if (parse_mark(buf, &mark))
			continue;
		if (marks && !strncmp(buf, "# --- ", 6)) {
			if (!strncmp(buf, "# --- wlan", 10))
				wlan_from = *n;
			else if (wlan_from != (size_t)-1 && wlan_to == (size_t)-1)
				wlan_to = *n;
			for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
				if (!strncmp(buf, blocks[i].head, strlen(blocks[i].head)))
					blocks[i].from = *n;
				else if (blocks[i].from != (size_t)-1 && blocks[i].to == (size_t)-1)
					blocks[i].to = *n;
		}
		if (!buf[0] || buf[0] == '#')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = realloc(v, sizeof *v * cap);
			m = realloc(m, sizeof *m * cap);
			if (!v || !m)
				abort();
		}
		m[*n] = mark;
		mark.what = 0, mark.lts = NULL;
		v[(*n)++] = strdup(buf);
	}
	if (marks)
		*marks = m;
	else
		free(m); /* INVALID has no marks */
	fclose(f);
	return v;
}

/* Corpus packets of link type dlt (EN10MB ones also feed re-wrapping). */
static void load_corpus(const char *dir, int dlt, struct pkts *out, struct pkts *eth)
{
	struct synth_corpus c;
	pcap_t *p;
	synth_corpus_open(&c, dir);
	while ((p = synth_corpus_next(&c))) {
		names = realloc(names, sizeof *names * (nnames + 1));
		current_origin = names[nnames++] = strdup(c.path);
		int fd = pcap_datalink(p);
		struct pcap_pkthdr *h;
		const u_char *data;
		while ((fd == dlt || (eth && fd == DLT_EN10MB)) && pcap_next_ex(p, &h, &data) == 1) {
			if (h->caplen > 65535 || h->caplen > h->len)
				continue;
			if (fd == dlt && out->from_corpus < MAX_CORPUS_PER_DLT) {
				add(out, data, h->caplen, h->len);
				out->from_corpus++;
			} else if (eth && eth->n < MAX_CORPUS_PER_DLT) {
				add(eth, data, h->caplen, h->len);
			} else {
				break;
			}
		}
		pcap_close(p);
	}
}

/* PPPoE sessions (one in three synthesized Ethernet packets, with the
 * session ids the expression list names and others; one in nine nested in
 * a second session) and discovery frames (one in eleven), for the link
 * types that carry them. */
static void add_pppoe(int dlt, struct pkts *s)
{
	static const uint16_t ids[] = { 0x27, 1, 0xffff, 0 };
	struct synth_set eth;
	synth_generate(&eth, DLT_EN10MB, 91, NSYNTH);
	current_origin = "PPPoE-wrapped synthesized";
	for (size_t i = 0; i < eth.n; i++) {
		struct synth_pkt w, w2, r;
		struct synth_pkt *src = &eth.pkts[i];
		src->dlt = DLT_EN10MB;
		if (i % 11 == 5 && src->caplen >= 14) { /* discovery: the type is all a filter sees */
			w = *src;
			w.data = malloc(src->caplen);
			memcpy(w.data, src->data, src->caplen);
			w.data[12] = 0x88, w.data[13] = 0x63;
		} else if (i % 3 != 0 || synth_pppoe(src, i % 4 == 3 ? (uint16_t)(i * 7919) : ids[i % 4], &w)) {
			continue;
		}
		if (i % 9 == 0 && synth_pppoe(&w, (uint16_t)i, &w2) == 0) {
			synth_pkt_free(&w);
			w = w2;
		}
		if (synth_rewrap(&w, dlt, &r) == 0 || synth_wrap_wlan(&w, dlt, &r) == 0) {
			add(s, r.data, r.caplen, r.len);
			synth_pkt_free(&r);
		}
		synth_pkt_free(&w);
	}
	synth_set_free(&eth);
}

/* NULL and LOOP: the AF values the random sets never carry.  libpcap
 * matches IPv6 by the capturing host's AF_INET6 (10 on Linux) on a live
 * handle, by the three BSD values in a capture file; and DLT_NULL's AF in
 * a byte-swapped file is byte-swapped.  So every IPv6 packet is added
 * again with AF 10, and on NULL every packet with its AF swapped. */
static void add_af_variants(int dlt, struct pkts *s, size_t from)
{
	size_t end = s->n;
	current_origin = "AF variant of synthesized";
	for (size_t i = from; i < end; i++) {
		if (s->p[i].caplen < 5)
			continue;
		uint32_t af;
		memcpy(&af, s->p[i].data, 4);
		int v6 = s->p[i].data[4] >> 4 == 6;
		for (int k = 0; k < 2; k++) {
			uint32_t naf;
			if (k == 0 && v6)
				naf = dlt == DLT_NULL ? 10 : htonl(10); /* NULL: host order, LOOP: network */
			else if (k == 1 && dlt == DLT_NULL)
				naf = __builtin_bswap32(af);
			else
				continue;
			add(s, s->p[i].data, s->p[i].caplen, s->p[i].len);
			memcpy(s->p[s->n - 1].data, &naf, 4);
		}
	}
}

/* 802.11 behind a radio header: fewer packets of the kinds bare 802.11
 * has already (difftest's time). */
static int radio_thin(int dlt)
{
	return synth_wlan_has(dlt) && dlt != DLT_IEEE802_11;
}

/* The Juniper link types (and BACnet) differ only in a few offsets and
 * test no network protocol: a quarter of the packets each (time). */
static unsigned magic_thin(int dlt)
{
	const struct linktype *lt = lt_by_dlt(dlt);
	return lt && lt->kind == LT_MAGIC ? 4 : 1;
}

/* The packets of set, which a synth_* call returning rc made, as origin;
 * the set is freed. */
static void add_set(struct pkts *s, const char *origin, struct synth_set *set, int rc)
{
	current_origin = origin;
	if (rc == 0)
		for (size_t i = 0; i < set->n; i++)
			add(s, set->pkts[i].data, set->pkts[i].caplen, set->pkts[i].len);
	synth_set_free(set);
}

static void build_packets(int dlt, const char *corpus, struct pkts *s)
{
	struct synth_set set, eth;
	struct pkts corpus_eth = { 0 };
	add_set(s, "synthesized", &set, synth_generate(&set, dlt, 1000u + (unsigned)dlt, NSYNTH));
	add_set(s, "hand-built (synth_edges)", &set, synth_edges(&set, dlt));
	add_set(s, "wrapped synthesized and hand-built (wrap_more.c)", &set,
		synth_wrap_more_set(&set, dlt, 1000u + (unsigned)dlt, NSYNTH / magic_thin(dlt)));
	add_set(s, "hand-built 802.11 (wrap_wlan.c)", &set, synth_wlan_set(&set, dlt));
	if (corpus)
		load_corpus(corpus, dlt, s, dlt != DLT_EN10MB ? &corpus_eth : NULL);
	if (dlt != DLT_EN10MB) {
		synth_generate(&eth, DLT_EN10MB, 77, NSYNTH);
		/* behind a radio header, 802.11 frames are those of bare
		 * 802.11: the corpus's Ethernet packets wrap into that once,
		 * and half the synthesized ones do behind each radio header */
		size_t nwrap = radio_thin(dlt) ? eth.n : eth.n + corpus_eth.n;
		for (size_t i = 0; i < nwrap; i++) {
			if ((radio_thin(dlt) && i % 2) || i % magic_thin(dlt))
				continue;
			struct synth_pkt w, *src = i < eth.n ? &eth.pkts[i] : &corpus_eth.p[i - eth.n];
			src->dlt = DLT_EN10MB;
			current_origin = i < eth.n ? "re-wrapped synthesized" : "re-wrapped corpus";
			if (synth_rewrap(src, dlt, &w) == 0 || synth_wrap_more(src, dlt, &w) == 0 ||
			    synth_wrap_wlan(src, dlt, &w) == 0) {
				add(s, w.data, w.caplen, w.len);
				synth_pkt_free(&w);
			}
		}
		synth_set_free(&eth);
		for (size_t i = 0; i < corpus_eth.n; i++)
			free(corpus_eth.p[i].data);
		free(corpus_eth.p);
		free(corpus_eth.origin);
	}
	if (dlt == DLT_EN10MB || dlt == DLT_LINUX_SLL || dlt == DLT_LINUX_SLL2 || synth_wlan_has(dlt))
		add_pppoe(dlt, s);
	if (dlt == DLT_NULL || dlt == DLT_LOOP)
		add_af_variants(dlt, s, 0);
	uint64_t rng = 0x9e3779b97f4a7c15ull ^ (uint64_t)dlt;
	size_t base = s->n;
	current_origin = "mutated";
	for (size_t i = 0; i < (radio_thin(dlt) ? NMUTATE / 2 : NMUTATE / magic_thin(dlt)) && base; i++) {
		struct synth_pkt *o = &s->p[(i * 7919) % base];
		add(s, o->data, o->caplen, o->len);
		struct synth_pkt *m = &s->p[s->n - 1];
		m->dlt = dlt;
		synth_mutate(m, &rng);
	}
	/* after the mutated ones, which are drawn from the packets before */
	size_t from = s->n;
	add_set(s, "protochain chains (chain.c)", &set, synth_chains(&set, dlt));
	add_set(s, "Geneve (geneve.c)", &set, synth_geneve(&set, dlt));
	if (dlt == DLT_NULL || dlt == DLT_LOOP)
		add_af_variants(dlt, s, from);
	add_set(s, "protocol words (words.c)", &set, synth_words(&set, dlt));
}

/* Long ORs.  src/opt/sets.c regroups an OR of more than 16 equality
 * tests on one field into a search tree; the list's longest OR is
 * shorter.  So ORs of hosts, ports and /24 nets, of each size of
 * set_sizes, are generated here (in a scrambled order, so the pass must
 * sort), with packets on every value of the longest and just beside each
 * (which the shorter lists' values include past their ends).
 * libpcap is slow on them: its optimizer takes about a minute on 800
 * hosts, and even its code generator is quadratic (23 s for 800 ports).
 * So above LPO_MAX values its optimizer is not run (bpfx's optimized and
 * --loose programs are compared with bpfx's unoptimized one, and that
 * with libpcap's), and libpcap's program is each term compiled alone, run
 * in order as its whole program would: the first term to accept gives
 * the verdict, and one that loads past the captured bytes ends it with 0. */
static const unsigned set_sizes[] = { 17, 40, 200, 800 };
#define SET_MAX 800
#define LPO_MAX 40

static uint32_t set_host(unsigned i) { return 0x0a010000u + 3 * i + 1; } /* 10.1.0.1, .4, ... */
static uint32_t set_port(unsigned i) { return 1000 + 5 * i; }
static uint32_t set_net(unsigned i) { return 0x0a020000u + (2 * i << 8); } /* every other /24 */

static const char *const set_kinds[] = { "host", "port", "net" };
#define NSIZES (sizeof set_sizes / sizeof set_sizes[0])

/* Term k of the generated OR of n values of kind (0 hosts, 1 ports, 2 nets). */
static void set_term(int kind, unsigned n, unsigned k, char *buf, size_t size)
{
	unsigned i = k * 7 % n; /* 7 is prime to every size: a permutation */
	uint32_t v = kind == 1 ? set_port(i) : kind == 0 ? set_host(i) : set_net(i);
	if (kind == 1)
		snprintf(buf, size, "port %u", v);
	else
		snprintf(buf, size, "%s %u.%u.%u.%u%s", set_kinds[kind], v >> 24, v >> 16 & 255, v >> 8 & 255,
			 v & 255, kind == 2 ? "/24" : "");
}

static char *set_expr(int kind, unsigned n)
{
	size_t cap = (size_t)n * 32 + 1, len = 0;
	char *x = malloc(cap);
	if (!x)
		abort();
	for (unsigned k = 0; k < n; k++) {
		char t[32];
		set_term(kind, n, k, t, sizeof t);
		len += (size_t)snprintf(x + len, cap - len, "%s%s", k ? " or " : "", t);
	}
	return x;
}

/* libpcap's protochain is a loop (a backward ja), which may never end,
 * and bpfx's is unrolled IP6W_BOUND headers deep.  So a libpcap program
 * with a backward ja is unrolled here, copy after copy of itself, each
 * backward ja jumping into the next copy; the last copy's goes to `ret
 * #BEYOND`.  It gives the loop's verdict wherever the loop skips at most
 * IP6W_BOUND headers (one backward jump each), and BEYOND where it would
 * begin to skip one more: those packets are outside what bpfx promises,
 * and counted. */
#define BEYOND 0xfffffff1u
static unsigned long long beyond;

static void unroll(struct bpf_program *p)
{
	size_t len = p->bf_len, back = 0;
	for (size_t i = 0; i < len; i++)
		back += p->bf_insns[i].code == (BPF_JMP | BPF_JA) && (int32_t)p->bf_insns[i].k < 0;
	if (!back)
		return;
	size_t copies = IP6W_BOUND + 1, n = copies * len + 1;
	struct bpf_insn *u = malloc(n * sizeof *u);
	if (!u)
		abort();
	for (size_t c = 0; c < copies; c++) {
		for (size_t i = 0; i < len; i++) {
			size_t at = c * len + i;
			u[at] = p->bf_insns[i];
			if (u[at].code != (BPF_JMP | BPF_JA) || (int32_t)u[at].k >= 0)
				continue;
			size_t to = c + 1 < copies ? (c + 1) * len + (size_t)((int64_t)i + 1 + (int32_t)u[at].k) : n - 1;
			u[at].k = (uint32_t)(to - at - 1);
		}
	}
	/* in the last copy a ninth header is not even begun: the loop body's
	 * packet loads (only a header's skip loads) return BEYOND too */
	size_t last = (copies - 1) * len;
	for (size_t i = 0; i < len; i++) {
		if (p->bf_insns[i].code != (BPF_JMP | BPF_JA) || (int32_t)p->bf_insns[i].k >= 0)
			continue;
		for (size_t j = (size_t)((int64_t)i + 1 + (int32_t)p->bf_insns[i].k); j < i; j++) {
			uint16_t m = BPF_MODE(u[last + j].code), c = BPF_CLASS(u[last + j].code);
			if ((c == BPF_LD || c == BPF_LDX) && (m == BPF_ABS || m == BPF_IND || m == BPF_MSH))
				u[last + j] = (struct bpf_insn)BPF_STMT(BPF_RET | BPF_K, BEYOND);
		}
	}
	u[n - 1] = (struct bpf_insn)BPF_STMT(BPF_RET | BPF_K, BEYOND);
	free(p->bf_insns);
	p->bf_insns = u;
	p->bf_len = (u_int)n;
}

/* libpcap's unoptimized program(s) for an expression: the whole one, or
 * for a generated OR above LPO_MAX values one per term. */
struct lpc {
	struct bpf_program *progs;
	size_t n;
};

static int lpc_compile(pcap_t *dead, const char *expr, long set, struct lpc *c)
{
	int kind = set < 0 ? 0 : (int)(set / NSIZES);
	unsigned size = set < 0 ? 0 : set_sizes[set % NSIZES];
	c->n = size > LPO_MAX ? size : 1;
	c->progs = calloc(c->n, sizeof *c->progs);
	if (!c->progs)
		abort();
	for (size_t k = 0; k < c->n; k++) {
		char t[32];
		if (size > LPO_MAX)
			set_term(kind, size, (unsigned)k, t, sizeof t);
		if (pcap_compile(dead, &c->progs[k], size > LPO_MAX ? t : expr, 0, 0) < 0) {
			c->n = k;
			return -1;
		}
		unroll(&c->progs[k]);
	}
	return 0;
}

static int faults(const struct bpf_insn *p, size_t n, const struct synth_pkt *k);

static u_int lpc_run(const struct lpc *c, const struct synth_pkt *p, int our_vm)
{
	for (size_t k = 0; k < c->n; k++) {
		const struct bpf_insn *f = c->progs[k].bf_insns;
		u_int r = our_vm ? vm_run(f, p->data, p->len, p->caplen) : bpf_filter(f, p->data, p->len, p->caplen);
		if (r || (c->n > 1 && faults(f, c->progs[k].bf_len, p)))
			return r;
	}
	return 0;
}

static void lpc_free(struct lpc *c)
{
	for (size_t k = 0; k < c->n; k++)
		pcap_freecode(&c->progs[k]);
	free(c->progs);
}

/* Append the generated ORs to the expression list; their count. */
static size_t add_set_exprs(char ***exprs, size_t *n, struct mark **marks)
{
	size_t add = 3 * NSIZES;
	*exprs = realloc(*exprs, sizeof **exprs * (*n + add));
	*marks = realloc(*marks, sizeof **marks * (*n + add));
	if (!*exprs || !*marks)
		abort();
	for (size_t k = 0; k < 3; k++) {
		for (size_t z = 0; z < NSIZES; z++) {
			(*marks)[*n] = (struct mark){ 0 };
			(*exprs)[(*n)++] = set_expr((int)k, set_sizes[z]);
		}
	}
	return add;
}

/* The link types the generated ORs run on: Ethernet, no link header,
 * and SLL2's 20 bytes (each one more costs a few seconds). */
static int set_dlt(int dlt)
{
	return dlt == DLT_EN10MB || dlt == DLT_RAW || dlt == DLT_LINUX_SLL2;
}

/* Packets for the generated ORs of one kind (0 hosts, 1 ports, 2 nets):
 * each value of the longest list as a source or a destination, a
 * neighbour outside the list, and every seventh one again cut short
 * inside the IP or TCP header. */
static void add_set_packets(int dlt, int kind, struct pkts *s)
{
	const uint32_t other = 0xc0000209; /* 192.0.2.9 */
	current_origin = "generated for the long ORs";
	for (unsigned i = 0; i <= SET_MAX && set_dlt(dlt); i++) {
		uint32_t src[6] = { set_host(i), set_host(i) + 1, other, other, set_net(i) + 5, set_net(i) + 261 };
		uint32_t dst[6] = { other, other, other, other, other, other };
		uint16_t sport[6] = { 40000, 40000, (uint16_t)set_port(i), (uint16_t)(set_port(i) + 1 + i % 3), 40000, 40000 };
		if (i & 1) { /* the other direction */
			for (int k = 0; k < 6; k++) {
				uint32_t t = src[k];
				src[k] = dst[k], dst[k] = t;
			}
		}
		for (int k = 2 * kind; k < 2 * kind + 2; k++) {
			struct synth_pkt w;
			if (synth_ip4(dlt, src[k], dst[k], i % 4 == 3 ? 17 : 6, i & 1 ? 22 : sport[k], i & 1 ? sport[k] : 22, &w))
				continue;
			add(s, w.data, w.caplen, w.len);
			if ((i + (unsigned)k) % 7 == 0 && w.caplen > 2) {
				add(s, w.data, w.caplen, w.len);
				s->p[s->n - 1].caplen = w.caplen - 1 - (i % (w.caplen < 40 ? w.caplen - 1 : 40));
			}
			synth_pkt_free(&w);
		}
	}
}

static int failures;

/* Does program p end early on the packet: a load past the captured bytes,
 * or a division by zero? */
static int faults(const struct bpf_insn *p, size_t n, const struct synth_pkt *k)
{
	struct trace t;
	if (trace_run(p, n, k->data, k->len, k->caplen, &t) < 0)
		abort();
	int r = t.end == TRACE_OOB || t.end == TRACE_DIVZERO;
	trace_free(&t);
	return r;
}

/* A handle as tcpdump -r has it: an (empty) capture file of link type dlt,
 * written in our byte order or the other one, so libpcap compiles with its
 * savefile rules (DLT_NULL/LOOP accept every BSD AF_INET6 value, and
 * DLT_NULL's AF is byte-swapped for a swapped file). */
static pcap_t *file_handle(int dlt, int swapped)
{
	uint32_t hdr[6] = { 0xa1b2c3d4, 2 | 4u << 16, 0, 0, 262144, (uint32_t)dlt };
	if (swapped)
		for (int i = 0; i < 6; i++)
			hdr[i] = __builtin_bswap32(hdr[i]);
	if (swapped) { /* version fields are two 16-bit halves */
		uint16_t *v = (uint16_t *)&hdr[1];
		v[0] = __builtin_bswap16(2);
		v[1] = __builtin_bswap16(4);
	}
	char path[] = "/tmp/difftest-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "wb");
	fwrite(hdr, sizeof hdr, 1, f);
	fclose(f);
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, errbuf);
	unlink(path);
	if (p && pcap_is_swapped(p) != swapped) {
		pcap_close(p);
		return NULL;
	}
	return p;
}

/* An expression as messages show it: the generated ORs are long. */
static const char *brief(const char *x)
{
	static char buf[2][128];
	static int which;
	size_t n = strlen(x);
	if (n < 100)
		return x;
	which ^= 1;
	snprintf(buf[which], sizeof buf[which], "%.60s ... (%zu characters)", x, n);
	return buf[which];
}

/* failures printed; DIFFTEST_SHOW=N prints more (while developing) */
static int show_max = 30;

static void fail_hdr(void)
{
	if (++failures == show_max)
		printf("difftest: (further failures not shown)\n");
}

/* An expression that does not bite: a failure when strict, else counted. */
static void bite_fail(int strict, unsigned long long *noted)
{
	if (strict)
		fail_hdr();
	else
		++*noted;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: difftest EXPRS INVALID [CORPUS_DIR]\n");
		return 2;
	}
	const char *corpus = NULL;
	if (argc > 3) {
		DIR *d = opendir(argv[3]);
		if (d) {
			closedir(d);
			corpus = argv[3];
		} else {
			printf("difftest: %s absent: corpus packets skipped\n", argv[3]);
		}
	}
	size_t nexpr, ninvalid;
	struct mark *marks;
	char **exprs = read_lines(argv[1], &nexpr, &marks);
	char **invalid = read_lines(argv[2], &ninvalid, NULL);
	size_t nfile = nexpr;
	add_set_exprs(&exprs, &nexpr, &marks);
	unsigned long long set_verdicts = 0;
	int nlt;
	const struct linktype *lts = lt_all(&nlt);
	unsigned long long verdicts = 0, packets = 0, programs = 0, both_reject = 0;
	unsigned long long opt_diff_full = 0, opt_diff_trunc = 0, opt_rejects_all = 0;
	unsigned long long accepted_somewhere = 0, opt_insns = 0, lpo_insns = 0, loose_insns = 0;
	unsigned long long loose_magic_trunc = 0; /* see below */
	unsigned long long loose_diff = 0, lpo_diff_nofault = 0, loose_vs_lpo = 0, libpcap_undefined = 0, libpcap_clobbers = 0;
	/* per expression and link type: what its verdicts showed (B_*) */
	enum { B_ACCEPT = 1, B_REJECT = 2, B_NONTRIVIAL = 4 };
	unsigned char *bite = calloc(nexpr * (size_t)nlt * 3, 1);
	/* per link type, for the closing summary (issue #12 asks for the
	 * counts per link type) */
	struct per_lt {
		int run;
		unsigned long long exprs, programs, verdicts; /* exprs: both compile, dead handle */
		int failures;
	} *per = calloc((size_t)nlt, sizeof *per);
	if (!bite || !per)
		abort();

	/* DIFFTEST_LINKTYPES="IEEE802_11 PPI": only those (while developing) */
	const char *only = getenv("DIFFTEST_LINKTYPES");
	if (getenv("DIFFTEST_SHOW"))
		show_max = atoi(getenv("DIFFTEST_SHOW"));
	for (int l = 0; l < nlt; l++) {
		int dlt = lts[l].dlt;
		char word[64];
		snprintf(word, sizeof word, " %s ", lts[l].name);
		if (only) {
			char list[1024];
			snprintf(list, sizeof list, " %s ", only);
			if (!strstr(list, word))
				continue;
		}
		struct pkts s = { 0 };
		unsigned long long programs0 = programs, verdicts0 = verdicts;
		int failures0 = failures;
		build_packets(dlt, corpus, &s);
		struct pkts sets[3] = { { 0 } };
		for (int k = 0; k < 3; k++) {
			add_set_packets(dlt, k, &sets[k]);
			packets += sets[k].n;
		}
		packets += s.n;
		/* mode 0: a dead handle (live rules); 1, 2: a capture file in our
		 * and in the other byte order, where the link type cares */
		int nmodes = (dlt == DLT_NULL || dlt == DLT_LOOP || dlt == DLT_EN10MB) ? 3 : 1;
		for (int mode = 0; mode < nmodes; mode++) {
		pcap_t *dead = mode == 0 ? pcap_open_dead(dlt, 262144) : file_handle(dlt, mode == 2);
		if (!dead) {
			printf("FAIL %s: cannot make a %s handle\n", lts[l].name, mode ? "capture file" : "dead");
			fail_hdr();
			continue;
		}
		for (size_t e = 0; e < nexpr; e++) {
			const struct pkts *ps = e < nfile ? &s : &sets[(e - nfile) / NSIZES];
			int skip_lpo = e >= nfile && set_sizes[(e - nfile) % NSIZES] > LPO_MAX;
			if (!ps->n || (e >= nfile && mode))
				continue; /* generated ORs: on a few link types, live rules */
			struct bpfx_options o;
			struct bpfx_program bp;
			struct bpfx_error err;
			struct bpf_program lpo;
			struct lpc lp;
			bpfx_options_init(&o);
			o.linktype = dlt;
			o.optimize = 0;
			o.savefile = mode != 0;
			o.swapped = mode == 2;
			int bok = bpfx_compile(exprs[e], &o, &bp, &err) == 0;
			int lok = lpc_compile(dead, exprs[e], e < nfile ? -1 : (long)(e - nfile), &lp) == 0;
			char lerr[PCAP_ERRBUF_SIZE * 2];
			snprintf(lerr, sizeof lerr, "%s", lok ? "" : pcap_geterr(dead));
			/* libpcap's program may read scratch memory it never
			 * wrote (pppoes behind a radio header): no defined
			 * result, so bpfx must refuse it */
			struct bpfx_error verr;
			if (!bok && lok && lp.n == 1 && vm_validate(lp.progs[0].bf_insns, lp.progs[0].bf_len, &verr) < 0) {
				libpcap_undefined++;
				lok = 0;
			}
			/* ... or overwrite the 802.11 header's offset (pflog's
			 * length) with a relation's operand (src/gen/wlan.c):
			 * refused on purpose */
			if (!bok && lok && strstr(err.msg, "in the scratch cell of a relation before it")) {
				libpcap_clobbers++;
				lok = 0;
			}
			if (bok != lok) {
				if (failures < show_max)
					printf("FAIL %s%s '%s': bpfx %s, libpcap %s\n", lts[l].name, mode ? " (file)" : "", brief(exprs[e]),
					       bok ? "accepts" : err.msg, lok ? "accepts" : lerr);
				fail_hdr();
			}
			if (!bok || !lok) {
				if (!bok && !lok)
					both_reject++;
				if (bok)
					bpfx_program_free(&bp);
				lpc_free(&lp);
				continue;
			}
			accepted_somewhere++;
			programs++;
			per[l].exprs += mode == 0;
			int have_opt = !skip_lpo && pcap_compile(dead, &lpo, exprs[e], 1, 0) == 0;
			if (have_opt)
				unroll(&lpo);
			struct bpfx_program bpo;
			o.optimize = 1;
			int bopt = bpfx_compile(exprs[e], &o, &bpo, &err) == 0;
			/* both refuse, as "rejects all packets", exactly the same
			 * expressions: bpfx's optimizer proves more, but refuses
			 * only what libpcap's would (src/opt/weak.c) */
			if (!skip_lpo && bopt != have_opt) {
				/* both optimizers must agree that it matches nothing */
				if (failures < show_max)
					printf("FAIL %s '%s': optimized, bpfx %s, libpcap %s\n", lts[l].name, brief(exprs[e]),
					       bopt ? "accepts" : err.msg, have_opt ? "accepts" : pcap_geterr(dead));
				fail_hdr();
			}
			if (!have_opt && !skip_lpo)
				opt_rejects_all++;
			unsigned char *b = &bite[(e * (size_t)nlt + (size_t)l) * 3 + (size_t)mode];
			/* libpcap does not optimize some programs (802.11's header
			 * length): there bpfx's exact optimizer says whether the
			 * program is one return */
			if ((have_opt && lpo.bf_len > 1 && (!bopt || bpo.len > 1)) || skip_lpo)
				*b |= B_NONTRIVIAL;
			struct bpfx_program bpl;
			o.optimize = BPFX_OPT_LOOSE;
			int bloose = bpfx_compile(exprs[e], &o, &bpl, &err) == 0;
			if (bloose != bopt) {
				if (failures < show_max)
					printf("FAIL %s '%s': --loose %s, optimized %s\n", lts[l].name, brief(exprs[e]),
					       bloose ? "accepts" : err.msg, bopt ? "accepts" : "rejects all");
				fail_hdr();
			}
			int shown = 0;
			for (size_t i = 0; i < ps->n; i++) {
				const struct synth_pkt *p = &ps->p[i];
				u_int rl = lpc_run(&lp, p, 0);
				if (rl == BEYOND) {
					beyond++;
					continue;
				}
				u_int rb = bpf_filter(bp.insns, p->data, p->len, p->caplen);
				u_int rv = vm_run(bp.insns, p->data, p->len, p->caplen);
				u_int rlv = lpc_run(&lp, p, 1);
				verdicts++;
				set_verdicts += e >= nfile;
				*b |= rl ? B_ACCEPT : B_REJECT;
				if ((rl != rb || rv != rb || rlv != rl) && !shown) {
					shown = 1;
					if (failures < show_max) {
						printf("FAIL %s%s '%s': packet %zu (%s, caplen %u, len %u): libpcap %u, bpfx %u, bpfx on our vm %u, libpcap on our vm %u\n",
						       lts[l].name, mode == 1 ? " (file)" : mode == 2 ? " (swapped file)" : "", brief(exprs[e]), i, ps->origin[i], p->caplen, p->len, rl, rb, rv, rlv);
						printf("  bytes:");
						for (uint32_t k = 0; k < p->caplen && k < 64; k++)
							printf(" %02x", p->data[k]);
						printf("\n");
					}
					fail_hdr();
				}
				if (have_opt && bpf_filter(lpo.bf_insns, p->data, p->len, p->caplen) != rl) {
					if (p->caplen < p->len)
						opt_diff_trunc++;
					else
						opt_diff_full++;
					if (!faults(lp.progs[0].bf_insns, lp.progs[0].bf_len, p))
						lpo_diff_nofault++;
				}
				u_int rlo = bloose ? vm_run(bpl.insns, p->data, p->len, p->caplen) : 0;
				u_int ro = bopt ? vm_run(bpo.insns, p->data, p->len, p->caplen) : 0;
				/* --loose drops the loads libpcap's optimizer drops: on
				 * every packet, truncated or not, it must say what
				 * libpcap's optimized program says */
				u_int rlpo = have_opt ? bpf_filter(lpo.bf_insns, p->data, p->len, p->caplen) : 0;
				/* where a magic word is every network protocol's test
				 * (Juniper, BACnet), IPv4's and IPv6's tests are not
				 * exclusive, and --loose's early accepts (hoist.c) may
				 * skip a load that ends libpcap's optimized program on
				 * a truncated packet: documented, counted apart */
				if (bloose && have_opt && rlo != rlpo && lts[l].kind == LT_MAGIC && p->caplen < p->len) {
					loose_magic_trunc++;
				} else if (bloose && have_opt && rlo != rlpo) {
					loose_vs_lpo++;
					if (!shown) {
						shown = 1;
						if (failures < show_max)
							printf("FAIL %s%s '%s': packet %zu (%s, caplen %u, len %u): --loose bpfx %u, libpcap optimized %u\n",
							       lts[l].name, mode == 1 ? " (file)" : mode == 2 ? " (swapped file)" : "",
							       brief(exprs[e]), i, ps->origin[i], p->caplen, p->len, rlo, rlpo);
						fail_hdr();
					}
				}
				/* --loose: the same verdict wherever the unoptimized
				 * program runs to a return */
				if (bloose && rlo != rb) {
					loose_diff++;
					if (!faults(bp.insns, bp.len, p) && !shown) {
						shown = 1;
						if (failures < show_max)
							printf("FAIL %s '%s': packet %zu (%s, caplen %u, len %u): --loose bpfx %u, unoptimized %u, which loads nothing past the end\n",
							       lts[l].name, brief(exprs[e]), i, ps->origin[i], p->caplen, p->len, rlo, rb);
						fail_hdr();
					}
				}
				/* bpfx's optimizer never changes a verdict, truncated or not */
				if (bopt && ro != rb && !shown) {
					shown = 1;
					if (failures < show_max)
						printf("FAIL %s '%s': packet %zu (%s, caplen %u, len %u): optimized bpfx %u, unoptimized %u\n",
						       lts[l].name, brief(exprs[e]), i, ps->origin[i], p->caplen, p->len, ro, rb);
					fail_hdr();
				}
			}
			bpfx_program_free(&bp);
			if (bopt) {
				opt_insns += e < nfile ? bpo.len : 0; /* the list's, as optsize.sh counts */
				bpfx_program_free(&bpo);
			}
			if (bloose) {
				loose_insns += e < nfile ? bpl.len : 0;
				bpfx_program_free(&bpl);
			}
			lpc_free(&lp);
			if (have_opt && e < nfile)
				lpo_insns += lpo.bf_len;
			if (have_opt)
				pcap_freecode(&lpo);
		}
		pcap_close(dead);
		}
		per[l].run = 1;
		per[l].programs = programs - programs0;
		per[l].verdicts = verdicts - verdicts0;
		per[l].failures = failures - failures0;
		for (int k = 0; k < 3; k++) {
			for (size_t i = 0; i < sets[k].n; i++)
				free(sets[k].p[i].data);
			free(sets[k].p);
			free(sets[k].origin);
		}
		for (size_t i = 0; i < s.n; i++)
			free(s.p[i].data);
		free(s.p);
		free(s.origin);
	}

	/* every expression bites where it can (per link type and handle) */
	/* The marks and the packets are measured with ../shared/corpus beside
	 * the tree (as in CI); without it a few expressions lose the packets
	 * that make them bite, so offenders are then noted, not failed. */
	unsigned long long bites = 0, trivial = 0, nothing = 0, more_weak = 0, unbitten = 0;
	for (size_t e = 0; e < nexpr; e++) {
		for (int l = 0; l < nlt; l++) {
			for (int mode = 0; mode < 3; mode++) {
				unsigned char b = bite[(e * (size_t)nlt + (size_t)l) * 3 + (size_t)mode];
				const char *how = mode == 1 ? " (file)" : mode == 2 ? " (swapped file)" : "";
				if (!b)
					continue;
				int mk = marked(&marks[e], lts[l].name);
				/* the link types of wrap_more.c: packets too plain yet for
				 * every expression to bite, and the marks name the eight */
				int weak_wlan = synth_wlan_has(lts[l].dlt) && (e < wlan_from || e >= wlan_to);
				if ((synth_wrap_more_has(lts[l].dlt) && !in_block(e, lts[l].dlt)) || weak_wlan) {
					if (mk || (b & (B_ACCEPT | B_REJECT)) != (B_ACCEPT | B_REJECT))
						more_weak++;
					else
						bites++;
					continue;
				}
				if ((mk == MARK_NOTHING && (b & B_ACCEPT)) || (mk == MARK_EVERYTHING && (b & B_REJECT))) {
					printf("%s %s%s '%s': marked as matching %s, %s a packet\n", corpus ? "FAIL" : "note",
					       lts[l].name, how, brief(exprs[e]), mk == MARK_NOTHING ? "nothing" : "everything",
					       mk == MARK_NOTHING ? "accepts" : "rejects");
					bite_fail(corpus != NULL, &unbitten);
				} else if (mk) {
					nothing++;
				} else if (!(b & B_NONTRIVIAL)) {
					trivial++;
				} else if ((b & (B_ACCEPT | B_REJECT)) != (B_ACCEPT | B_REJECT)) {
					printf("%s %s%s '%s': %s no packet\n", corpus ? "FAIL" : "note", lts[l].name, how,
					       brief(exprs[e]), b & B_ACCEPT ? "rejects" : "accepts");
					bite_fail(corpus != NULL, &unbitten);
				} else {
					bites++;
				}
			}
		}
	}
	free(bite);
	for (size_t e = 0; e < nexpr; e++)
		free(marks[e].lts);
	free(marks);

	/* invalid expressions */
	unsigned long long rejected = 0;
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
	for (size_t e = 0; e < ninvalid; e++) {
		struct bpfx_options o;
		struct bpfx_program bp;
		struct bpfx_error err;
		struct bpf_program lp;
		bpfx_options_init(&o);
		memset(&err, 0, sizeof err);
		int len = (int)strlen(invalid[e]);
		if (bpfx_compile(invalid[e], &o, &bp, &err) == 0) {
			printf("FAIL invalid '%s': bpfx accepts it\n", invalid[e]);
			bpfx_program_free(&bp);
			fail_hdr();
		} else if (!err.msg[0] || err.start < 0 || err.end < err.start || err.end > len) {
			printf("FAIL invalid '%s': no usable span/message (%d,%d '%s')\n", invalid[e], err.start, err.end, err.msg);
			fail_hdr();
		} else {
			rejected++;
		}
		if (pcap_compile(dead, &lp, invalid[e], 0, 0) == 0) {
			printf("FAIL invalid '%s': libpcap accepts it, so it does not belong in the list\n", invalid[e]);
			pcap_freecode(&lp);
			fail_hdr();
		}
	}
	pcap_close(dead);

	printf("difftest: generated ORs of %u, %u, %u and %u hosts, ports and nets: %llu of the verdicts (libpcap's optimizer run up to %d values)\n",
	       set_sizes[0], set_sizes[1], set_sizes[2], set_sizes[3], set_verdicts, LPO_MAX);
	printf("difftest: %zu expressions x %d link types (NULL, LOOP, EN10MB also as capture files in both byte orders): %llu programs compared, %llu expression/link-type pairs rejected by both\n",
	       nexpr, nlt, programs, both_reject);
	printf("difftest: %llu packets (synthesized, re-wrapped, mutated%s), %llu verdicts compared: %d failures\n",
	       packets, corpus ? ", corpus" : "", verdicts, failures);
	printf("difftest: protochain: %llu packet verdicts not compared, where libpcap's loop skips more than %d headers or never ends\n",
	       beyond, IP6W_BOUND);
	printf("difftest: %llu programs (expression, link type, handle) accept and reject packets; %llu exempt as libpcap's optimizer makes them one return, %llu marked in EXPRS as matching nothing or everything\n",
	       bites, trivial, nothing);
	if (!corpus)
		printf("difftest: without the corpus, %llu programs do not bite (noted above; failures only with the corpus)\n",
		       unbitten);
	printf("difftest: for information: %llu programs on the link types of wrap_more.c (and on 802.11 outside its block) accept no packet or reject none, or are marked\n",
	       more_weak);
	printf("difftest: --loose differs from libpcap's optimized program on %llu truncated packets of Juniper and BACnet (documented: IPv4's and IPv6's tests are one there)\n",
	       loose_magic_trunc);
	printf("difftest: %zu invalid expressions: %llu rejected with a span and a message\n", ninvalid, rejected);
	printf("difftest: %llu expression/link-type pairs refused by bpfx where libpcap's program reads scratch memory it never wrote, %llu where it overwrites the 802.11 header's offset or the pflog header's length\n",
	       libpcap_undefined, libpcap_clobbers);
	printf("difftest: optimized programs of EXPRS: bpfx %llu instructions (--loose %llu), libpcap %llu\n", opt_insns, loose_insns,
	       lpo_insns);
	printf("difftest: --loose differs from the unoptimized program on %llu packets, each one it loads past the end of; from libpcap's optimized program on %llu (each one a failure)\n",
	       loose_diff, loose_vs_lpo);
	printf("difftest: for information: libpcap's optimizer changes its own verdict on %llu full and %llu truncated packets (%llu of them where its unoptimized program loads nothing past the end); it rejects %llu programs as matching nothing\n",
	       opt_diff_full, opt_diff_trunc, lpo_diff_nofault, opt_rejects_all);
	for (int l = 0; l < nlt; l++)
		if (per[l].run)
			printf("difftest: per link type: %s: %llu expressions compiled by both, %llu programs, %llu verdicts, %d failures (bite checks apart)\n",
			       lts[l].name, per[l].exprs, per[l].programs, per[l].verdicts, per[l].failures);
	free(per);
	for (size_t e = 0; e < nexpr; e++)
		free(exprs[e]);
	for (size_t e = 0; e < ninvalid; e++)
		free(invalid[e]);
	free(exprs);
	free(invalid);
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return failures ? 1 : 0;
}
