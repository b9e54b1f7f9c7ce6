/*
 * bpfx-synth: write a synthesized packet set as a pcap file, so a set the
 * tests use can be looked at with tcpdump or fed to `bpfx check`.
 *
 *   bpfx-synth [-y LINKTYPE] [-n COUNT] [-s SEED] [-t TRUNC%] [-f FAULT%] [-p PPPOE%] [-m] -w OUT.pcap
 *
 * -p carries PPPOE% of the Ethernet packets in PPPoE sessions (synth_pppoe;
 * every third of those nested in a second one), -m then mutates every
 * packet once (synth_mutate, RNG seeded with SEED).
 */
#include "bpfx.h"
#include "synth.h"
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int usage(void)
{
	fprintf(stderr, "usage: bpfx-synth [-y LINKTYPE] [-n COUNT] [-s SEED] [-t TRUNC%%] "
			"[-f FAULT%%] [-p PPPOE%%] [-m] -w OUT.pcap\n");
	return 2;
}

static int number(const char *s, unsigned long long *v)
{
	char *end;
	*v = strtoull(s, &end, 0);
	return *s && !*end ? 0 : -1;
}

int main(int argc, char **argv)
{
	int dlt = DLT_EN10MB, mutate = 0, c;
	unsigned pppoe = 0;
	unsigned long long n = 1000, seed = 1, v;
	const char *out = NULL;
	struct synth_opts o;
	synth_opts_default(&o);
	while ((c = getopt(argc, argv, "y:n:s:t:f:p:mw:")) != -1) {
		switch (c) {
		case 'y':
			if ((dlt = bpfx_linktype_from_name(optarg)) < 0) {
				fprintf(stderr, "bpfx-synth: unknown link type '%s'\n", optarg);
				return 2;
			}
			break;
		case 'n': if (number(optarg, &n)) return usage(); break;
		case 's': if (number(optarg, &seed)) return usage(); break;
		case 't': if (number(optarg, &v) || v > 100) return usage(); o.trunc_pct = (unsigned)v; break;
		case 'f': if (number(optarg, &v) || v > 100) return usage(); o.fault_pct = (unsigned)v; break;
		case 'p': if (number(optarg, &v) || v > 100) return usage(); pppoe = (unsigned)v; break;
		case 'm': mutate = 1; break;
		case 'w': out = optarg; break;
		default: return usage();
		}
	}
	if (!out || optind != argc)
		return usage();
	struct synth_set s;
	if (synth_generate_opts(&s, dlt, seed, n, &o) < 0) {
		fprintf(stderr, "bpfx-synth: cannot generate link type %d\n", dlt);
		return 2;
	}
	for (size_t i = 0, k = 0; pppoe && dlt == DLT_EN10MB && i < s.n; i++) {
		struct synth_pkt w, w2;
		if ((i * 7919 + seed) % 100 >= pppoe || synth_pppoe(&s.pkts[i], (uint16_t)(i * 40503 % 3 ? i * 40503 : 0), &w))
			continue;
		if (k++ % 3 == 2 && synth_pppoe(&w, (uint16_t)i, &w2) == 0) {
			synth_pkt_free(&w);
			w = w2;
		}
		synth_pkt_free(&s.pkts[i]);
		s.pkts[i] = w;
	}
	uint64_t rng = seed;
	for (size_t i = 0; mutate && i < s.n; i++)
		synth_mutate(&s.pkts[i], &rng);
	int rc = synth_write_pcap(out, &s);
	synth_set_free(&s);
	return rc < 0 ? 2 : 0;
}
