/*
 * bpfx-synth: write a synthesized packet set as a pcap file, so a set the
 * tests use can be looked at with tcpdump or fed to `bpfx check`.
 *
 *   bpfx-synth [-y LINKTYPE] [-n COUNT] [-s SEED] [-t TRUNC%] [-f FAULT%] [-m] -w OUT.pcap
 *
 * -m mutates every packet once (synth_mutate, RNG seeded with SEED).
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
			"[-f FAULT%%] [-m] -w OUT.pcap\n");
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
	unsigned long long n = 1000, seed = 1, v;
	const char *out = NULL;
	struct synth_opts o;
	synth_opts_default(&o);
	while ((c = getopt(argc, argv, "y:n:s:t:f:mw:")) != -1) {
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
	uint64_t rng = seed;
	for (size_t i = 0; mutate && i < s.n; i++)
		synth_mutate(&s.pkts[i], &rng);
	int rc = synth_write_pcap(out, &s);
	synth_set_free(&s);
	return rc < 0 ? 2 : 0;
}
