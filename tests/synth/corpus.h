/* corpus.h: the capture files of the shared corpus (../shared/corpus), one
 * after the other, for the tests that compare over real traffic besides
 * the synthesized packets (difftest, ip6test, test_trace).
 *
 *   struct synth_corpus c;
 *   pcap_t *p;
 *   synth_corpus_open(&c, dir);
 *   while ((p = synth_corpus_next(&c))) { ... c.path ...; pcap_close(p); }
 */
#ifndef BPFX_SYNTH_CORPUS_H
#define BPFX_SYNTH_CORPUS_H
#include <dirent.h>
#include <pcap/pcap.h>

struct synth_corpus {
	const char *root;       /* the corpus: its libpcap/ and tcpdump/ are read */
	int sub;                /* the one being read, 0 or 1 */
	DIR *dir;               /* open on it, or NULL */
	char path[8192];        /* the file synth_corpus_next opened last */
};
void synth_corpus_open(struct synth_corpus *c, const char *root);
/* The next file under root libpcap opens as a capture (files starting
 * with '.' and the others left out), in directory order; NULL after the
 * last, when nothing is left open. */
pcap_t *synth_corpus_next(struct synth_corpus *c);
#endif
