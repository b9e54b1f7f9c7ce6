/*
 * synth.c: packet sets.  Each packet is built as an Ethernet frame (net.c,
 * link.c), re-wrapped into the set's link type (link.c), then maybe cut
 * short.  All randomness comes from one splitmix64 stream seeded by the
 * caller and consumed in packet order, so a set is a pure function of its
 * arguments and shorter sets are prefixes of longer ones.
 */
#include "synth_int.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64 (Steele, Lea, Flood 2014): tiny, full period, good enough to
 * draw field values, and trivially reproducible on every platform. */
uint64_t synth_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t rn(struct gen *g, uint32_t n)
{
	return n ? (uint32_t)(synth_rand(&g->rng) % n) : 0;
}

uint32_t rrange(struct gen *g, uint32_t lo, uint32_t hi)
{
	return lo + (uint32_t)(synth_rand(&g->rng) % ((uint64_t)hi - lo + 1));
}

int chance(struct gen *g, unsigned pct)
{
	return rn(g, 100) < pct;
}

void fill_random(struct gen *g, uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)rn(g, 256);
}

int take_fault(struct gen *g, enum fault f)
{
	if (g->fault != f || g->depth > 0)
		return 0;
	g->fault = F_NONE;
	return 1;
}

void pb_init(struct pb *b)
{
	b->head = b->tail = PB_HEAD;
}

uint8_t *pb_append(struct pb *b, size_t n)
{
	if (n > PB_SIZE - b->tail)
		abort(); /* a generator bug, not an input error */
	uint8_t *p = b->buf + b->tail;
	memset(p, 0, n);
	b->tail += n;
	return p;
}

uint8_t *pb_prepend(struct pb *b, size_t n)
{
	if (n > b->head)
		abort();
	b->head -= n;
	memset(b->buf + b->head, 0, n);
	return b->buf + b->head;
}

void append_random(struct gen *g, struct pb *b, size_t n)
{
	fill_random(g, pb_append(b, n), n);
}

void synth_opts_default(struct synth_opts *o)
{
	o->trunc_pct = 5;
	o->fault_pct = 3;
	o->pad_pct = 30;
}

/* Which network layers each link type can carry. */
static int allowed(int dlt, unsigned *allow)
{
	switch (dlt) {
	case DLT_EN10MB:
	case DLT_LINUX_SLL:
	case DLT_LINUX_SLL2: *allow = NK_ALL; return 0;
	case DLT_RAW:
	case DLT_NULL:
	case DLT_LOOP: *allow = NK_IP4 | NK_IP6; return 0;
	case DLT_IPV4: *allow = NK_IP4; return 0;
	case DLT_IPV6: *allow = NK_IP6; return 0;
	}
	return -1;
}

/* Cut a packet inside one of its headers: at a field filters read, one byte
 * either side of it, or anywhere. */
static void truncate_pkt(struct gen *g, struct synth_pkt *p)
{
	struct synth_layout l;
	synth_layout(p->data, p->caplen, p->dlt, &l);
	int cand[] = { l.type_off, l.type_off + 1, l.l3_off, l.l3_off + 1, l.proto_off,
		       l.frag_off, l.l4_off, l.l4_off + 2, l.l4_off + 4, l.l4_off + 13,
		       l.l4_off + 14, (int)rn(g, p->caplen) };
	int cut = PICK(g, cand);
	if (cut > 0 && chance(g, 30))
		cut += (int)rn(g, 3) - 1;
	if (cut <= 0 || (uint32_t)cut >= p->caplen)
		cut = (int)rn(g, p->caplen);
	p->caplen = (uint32_t)cut;
}

/* Odd link-header values the re-wrap never makes: unknown and byte-swapped
 * AF values for NULL/LOOP, other ARPHRD types for SLL/SLL2. */
static void link_oddities(struct gen *g, struct synth_pkt *p)
{
	static const uint32_t afs[] = { 0, 1, 7, 23, 31, 0x02000000, 0x18000000 };
	static const uint16_t hatypes[] = { 772 /* loopback */, 776 /* sit */,
					    778 /* ipgre */, 65534 /* none */, 0 };
	if (!chance(g, 4))
		return;
	switch (p->dlt) {
	case DLT_NULL: {
		uint32_t af = PICK(g, afs);
		memcpy(p->data, &af, 4); /* host byte order */
		break;
	}
	case DLT_LOOP: put32(p->data, PICK(g, afs)); break;
	case DLT_LINUX_SLL: put16(p->data + 2, PICK(g, hatypes)); break;
	case DLT_LINUX_SLL2: put16(p->data + 8, PICK(g, hatypes)); break;
	}
}

static int build_one(struct gen *g, int dlt, unsigned allow, struct synth_pkt *out)
{
	struct pb b; /* 8 KiB on the stack: no shared state, so sets can be built in parallel */
	for (int tries = 0; tries < 100; tries++) {
		uint32_t dst4 = 0;
		g->fault = chance(g, g->o->fault_pct) ? (enum fault)rrange(g, 1, F_COUNT - 1) : F_NONE;
		pb_init(&b);
		uint16_t et = net_build(g, &b, allow, &dst4);
		link_ether(g, &b, et, dst4);
		struct synth_pkt eth = { .caplen = (uint32_t)pb_len(&b), .len = (uint32_t)pb_len(&b),
					 .data = pb_data(&b), .dlt = DLT_EN10MB };
		if (synth_rewrap(&eth, dlt, out) < 0)
			continue;
		link_oddities(g, out);
		if (out->caplen > 1 && chance(g, g->o->trunc_pct))
			truncate_pkt(g, out);
		return 0;
	}
	return -1;
}

int synth_generate_opts(struct synth_set *out, int dlt, uint64_t seed, size_t n,
			const struct synth_opts *o)
{
	struct synth_opts def;
	unsigned allow;
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	if (allowed(dlt, &allow) < 0)
		return -1;
	if (!o) {
		synth_opts_default(&def);
		o = &def;
	}
	struct gen g = { .rng = seed, .o = o };
	out->pkts = calloc(n ? n : 1, sizeof *out->pkts);
	if (!out->pkts)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (build_one(&g, dlt, allow, &out->pkts[i]) < 0) {
			synth_set_free(out);
			return -1;
		}
		out->n = i + 1;
	}
	return 0;
}

int synth_generate(struct synth_set *out, int dlt, uint64_t seed, size_t n)
{
	return synth_generate_opts(out, dlt, seed, n, NULL);
}

void synth_pkt_free(struct synth_pkt *p)
{
	free(p->data);
	p->data = NULL;
	p->caplen = p->len = 0;
}

void set_push(struct synth_set *s, size_t *cap, const uint8_t *d, uint32_t caplen, uint32_t len)
{
	if (s->n == *cap) {
		*cap = *cap ? *cap * 2 : 128;
		s->pkts = realloc(s->pkts, sizeof *s->pkts * *cap);
		if (!s->pkts)
			abort();
	}
	struct synth_pkt *p = &s->pkts[s->n++];
	p->caplen = caplen;
	p->len = len;
	p->dlt = s->dlt;
	p->data = malloc(caplen ? caplen : 1);
	if (!p->data)
		abort();
	memcpy(p->data, d, caplen);
}

int set_build(struct synth_set *out, int dlt, set_part *const *parts, size_t n)
{
	struct set_list l = { .s = out, .dlt = dlt };
	memset(out, 0, sizeof *out);
	out->dlt = dlt;
	for (size_t i = 0; i < n; i++)
		parts[i](&l);
	return out->n ? 0 : -1;
}

void synth_set_free(struct synth_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		synth_pkt_free(&s->pkts[i]);
	free(s->pkts);
	s->pkts = NULL;
	s->n = 0;
}

int synth_write_pcap(const char *path, const struct synth_set *s)
{
	pcap_t *p = pcap_open_dead(s->dlt, 262144);
	if (!p) {
		fprintf(stderr, "synth: pcap_open_dead(%d) failed\n", s->dlt);
		return -1;
	}
	pcap_dumper_t *d = pcap_dump_open(p, path);
	if (!d) {
		fprintf(stderr, "synth: %s: %s\n", path, pcap_geterr(p));
		pcap_close(p);
		return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		struct pcap_pkthdr h = { .caplen = s->pkts[i].caplen, .len = s->pkts[i].len };
		h.ts.tv_sec = 1700000000 + (time_t)(i / 1000);
		h.ts.tv_usec = (suseconds_t)(i % 1000) * 1000;
		pcap_dump((u_char *)d, &h, s->pkts[i].data);
	}
	int rc = pcap_dump_flush(d);
	pcap_dump_close(d);
	pcap_close(p);
	if (rc < 0)
		fprintf(stderr, "synth: %s: write failed\n", path);
	return rc < 0 ? -1 : 0;
}
