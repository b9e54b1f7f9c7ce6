/* corpus.c: the shared corpus's captures, one after the other (corpus.h). */
#include <stdio.h>

#include "corpus.h"

static const char *const subs[] = { "libpcap", "tcpdump" };

void synth_corpus_open(struct synth_corpus *c, const char *root)
{
	c->root = root;
	c->sub = -1;
	c->dir = NULL;
	c->path[0] = 0;
}

pcap_t *synth_corpus_next(struct synth_corpus *c)
{
	for (;;) {
		while (!c->dir) {
			if (c->sub + 1 >= (int)(sizeof subs / sizeof subs[0]))
				return NULL;
			c->sub++;
			snprintf(c->path, sizeof c->path, "%s/%s", c->root, subs[c->sub]);
			c->dir = opendir(c->path);
		}
		struct dirent *e = readdir(c->dir);
		if (!e) {
			closedir(c->dir);
			c->dir = NULL;
			continue;
		}
		if (e->d_name[0] == '.')
			continue;
		char err[PCAP_ERRBUF_SIZE];
		snprintf(c->path, sizeof c->path, "%s/%s/%s", c->root, subs[c->sub], e->d_name);
		pcap_t *p = pcap_open_offline(c->path, err);
		if (p)
			return p;
	}
}
