/* vmpkt.c: packet sets for vmdiff and bench_vm (see vmpkt.h). */
#include "vmpkt.h"
#include <dirent.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vmpkt_seed(struct vmpkt_rng *r, uint64_t seed) { r->s = seed; }

uint64_t vmpkt_next(struct vmpkt_rng *r)
{
	/* splitmix64: tiny, fast, and every seed is a good seed. */
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

uint32_t vmpkt_below(struct vmpkt_rng *r, uint32_t n)
{
	return (uint32_t)((vmpkt_next(r) >> 32) * n >> 32);
}

static void vmpkt_push(struct vmpkt_set *s, const uint8_t *data, uint32_t wirelen,
		       uint32_t caplen)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->p = realloc(s->p, s->cap * sizeof *s->p);
		if (!s->p) {
			perror("vmpkt");
			exit(2);
		}
	}
	struct vmpkt *p = &s->p[s->n++];
	p->wirelen = wirelen;
	p->caplen = caplen;
	p->data = malloc(caplen ? caplen : 1);
	if (!p->data) {
		perror("vmpkt");
		exit(2);
	}
	memcpy(p->data, data, caplen);
}

void vmpkt_add_random(struct vmpkt_set *s, struct vmpkt_rng *r, size_t count, uint32_t maxlen)
{
	uint8_t buf[65536];
	for (size_t i = 0; i < count; i++) {
		uint32_t len = vmpkt_below(r, maxlen + 1);
		uint32_t cap = vmpkt_below(r, 4) == 0 ? vmpkt_below(r, len + 1) : len;
		for (uint32_t j = 0; j < cap; j++)
			buf[j] = (uint8_t)vmpkt_next(r);
		vmpkt_push(s, buf, len, cap);
	}
}

static void put16(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}
static void put32(uint8_t *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b + 2, v);
}
static void fill(struct vmpkt_rng *r, uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)vmpkt_next(r);
}

/* Values the benchmark's and the diff test's expressions look for, mixed
 * with random ones, so both branches of their tests are taken. */
static uint32_t pick_port(struct vmpkt_rng *r)
{
	static const uint16_t ports[] = {80, 22, 53, 443, 8080, 1000, 1500, 2000, 5353, 5500};
	return vmpkt_below(r, 3) ? ports[vmpkt_below(r, 10)] : vmpkt_below(r, 65536);
}
static uint32_t pick_ip4(struct vmpkt_rng *r)
{
	static const uint32_t addrs[] = {0xc0a80101, 0x0a000001, 0x0a0a0a0a, 0xffffffff,
					 0xe0000001, 0xc0a80002};
	return vmpkt_below(r, 2) ? addrs[vmpkt_below(r, 6)] : (uint32_t)vmpkt_next(r);
}

/* Transport header + payload at b (room for max bytes); returns length. */
static size_t synth_l4(struct vmpkt_rng *r, uint8_t *b, size_t max, uint8_t proto)
{
	size_t payload = vmpkt_below(r, 4) ? vmpkt_below(r, 64) : vmpkt_below(r, 1200);
	size_t hl;
	switch (proto) {
	case 6: /* TCP: data offset 5..15, any flags */
		hl = 20 + 4 * (vmpkt_below(r, 3) ? 0 : vmpkt_below(r, 11));
		fill(r, b, hl);
		put16(b, pick_port(r));
		put16(b + 2, pick_port(r));
		b[12] = (uint8_t)((hl / 4) << 4);
		break;
	case 17: /* UDP */
		hl = 8;
		fill(r, b, hl);
		put16(b, pick_port(r));
		put16(b + 2, pick_port(r));
		put16(b + 4, (uint32_t)(8 + payload));
		break;
	default:
		hl = 8;
		fill(r, b, hl);
		if (vmpkt_below(r, 2))
			b[0] = (uint8_t)(vmpkt_below(r, 2) ? 8 : 128); /* echo request */
		break;
	}
	if (hl + payload > max)
		payload = max - hl;
	fill(r, b + hl, payload);
	return hl + payload;
}

static size_t synth_ip4(struct vmpkt_rng *r, uint8_t *b, size_t max)
{
	static const uint8_t protos[] = {6, 6, 6, 17, 17, 1, 47, 2};
	size_t ihl = vmpkt_below(r, 5) ? 5 : 5 + vmpkt_below(r, 11);
	uint8_t proto = vmpkt_below(r, 10) ? protos[vmpkt_below(r, 8)] : (uint8_t)vmpkt_next(r);
	fill(r, b, ihl * 4);
	b[0] = (uint8_t)(0x40 | ihl);
	b[6] = vmpkt_below(r, 6) ? 0x40 : (uint8_t)vmpkt_next(r); /* DF, or fragments */
	b[7] = vmpkt_below(r, 6) ? 0 : (uint8_t)vmpkt_next(r);
	b[8] = (uint8_t)vmpkt_below(r, 256); /* TTL */
	b[9] = proto;
	put32(b + 12, pick_ip4(r));
	put32(b + 16, pick_ip4(r));
	size_t len = ihl * 4 + synth_l4(r, b + ihl * 4, max - ihl * 4, proto);
	put16(b + 2, vmpkt_below(r, 8) ? (uint32_t)len : vmpkt_below(r, 65536));
	return len;
}

static size_t synth_ip6(struct vmpkt_rng *r, uint8_t *b, size_t max)
{
	static const uint8_t nh[] = {6, 17, 58, 0, 44, 6, 17};
	uint8_t proto = nh[vmpkt_below(r, 7)];
	fill(r, b, 40);
	b[0] = 0x60;
	b[6] = proto;
	if (vmpkt_below(r, 3) == 0) { /* ::1 and fe80::1 */
		memset(b + 8, 0, 16);
		b[8] = vmpkt_below(r, 2) ? 0xfe : 0;
		b[9] = b[8] ? 0x80 : 0;
		b[23] = 1;
	}
	size_t len = 40 + synth_l4(r, b + 40, max - 40, proto == 58 ? 1 : proto);
	put16(b + 4, (uint32_t)(len - 40));
	return len;
}

void vmpkt_add_synth(struct vmpkt_set *s, struct vmpkt_rng *r, size_t count)
{
	uint8_t buf[2048];
	for (size_t i = 0; i < count; i++) {
		size_t len = 14, max = 1514;
		uint32_t kind = vmpkt_below(r, 20);
		fill(r, buf, 14);
		if (vmpkt_below(r, 8) == 0) /* a MAC the expressions name */
			memcpy(buf, "\x00\x11\x22\x33\x44\x55", 6);
		uint8_t *et = buf + 12;
		if (kind == 0) { /* 802.1Q tag, VLAN 100 or random */
			put16(et, 0x8100);
			put16(et + 2, vmpkt_below(r, 2) ? 100 : vmpkt_below(r, 4096));
			et += 4;
			len += 4;
			kind = 1 + vmpkt_below(r, 15);
		}
		if (kind <= 11) {
			put16(et, 0x0800);
			len += synth_ip4(r, buf + len, max - len);
		} else if (kind <= 15) {
			put16(et, 0x86dd);
			len += synth_ip6(r, buf + len, max - len);
		} else if (kind == 16) {
			put16(et, 0x0806);
			fill(r, buf + len, 28);
			len += 28;
		} else { /* random ethertype or 802.3 length */
			put16(et, vmpkt_below(r, 65536));
			size_t extra = vmpkt_below(r, 200);
			fill(r, buf + len, extra);
			len += extra;
		}
		uint32_t cap = vmpkt_below(r, 5) == 0 ? vmpkt_below(r, (uint32_t)len + 1) : (uint32_t)len;
		vmpkt_push(s, buf, (uint32_t)len, cap);
	}
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int vmpkt_add_corpus(struct vmpkt_set *s, const char *dir, size_t per_file)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof *names);
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);

	int files = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		int sub = vmpkt_add_corpus(s, path, per_file);
		if (sub >= 0) {
			files += sub;
		} else if (ends_with(names[i], ".pcap") || ends_with(names[i], ".pcapng") ||
			   ends_with(names[i], ".cap")) {
			char errbuf[PCAP_ERRBUF_SIZE];
			pcap_t *pc = pcap_open_offline(path, errbuf);
			if (pc) { /* malformed captures are expected; keep what reads */
				struct pcap_pkthdr *h;
				const u_char *data;
				for (size_t k = 0; k < per_file && pcap_next_ex(pc, &h, &data) == 1; k++)
					vmpkt_push(s, data, h->len < h->caplen ? h->caplen : h->len,
						   h->caplen);
				pcap_close(pc);
				files++;
			}
		}
		free(names[i]);
	}
	free(names);
	return files;
}

void vmpkt_corpus_dir(char *buf, size_t size, const char *srcdir)
{
	snprintf(buf, size, "%s/../shared/corpus", srcdir);
}

void vmpkt_free(struct vmpkt_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->p[i].data);
	free(s->p);
	s->p = NULL;
	s->n = s->cap = 0;
}
