/* filter.h: what `bpfx filter` (filter.c) shares with its parallel run
 * over several files (filter_jobs.c): the parsed arguments, one file's
 * program, and the steps of filtering one file that both take. */
#ifndef BPFX_CLI_FILTER_H
#define BPFX_CLI_FILTER_H
#include "bpfx.h"
#include "capture.h"
#include "decode/decode.h"
#include <stdio.h>

#define MAX_FILES 256

enum engine { ENGINE_BPFX, ENGINE_LIBPCAP };

struct filter_args {
	const char *files[MAX_FILES];
	int nfiles;
	const char *out;         /* -w */
	unsigned long count;     /* -c; 0 = no limit */
	enum bpfx_optimize optimize; /* -O, --loose */
	int packet_buffered;     /* -U: flush after every packet */
	int line_buffered;       /* -l: standard output line-buffered */
	int number;              /* -#: packet numbers before each packet */
	int count_only;          /* --count: print only how many matched */
	int pcapng;              /* --pcapng: -w writes pcapng */
	const char *infile;      /* -F: the expression is this file's text */
	const char *iface;       /* -i: capture live here instead of -r */
	int list_devices;        /* -D */
	int no_promisc;          /* -p */
	uint32_t snaplen;        /* -s, live only (a file has its own) */
	int direction;           /* -Q: PCAP_D_IN, PCAP_D_OUT, PCAP_D_INOUT */
	int engine;              /* enum engine: --engine */
	int ip6_transport;       /* --ip6-transport */
	struct dec_opts dec;
	char *expr;
	const char *program;     /* --program: a hand-written program ... */
	struct bpfx_program hand; /* ... assembled and validated */
	int jobs;                /* -j: files filtered at once (filter_jobs.c) */
};

/* One compiled program, for whichever engine; reused while consecutive
 * files share link type and snaplen. */
struct filter_prog {
	int valid, linktype;
	int all;                 /* no expression: every packet, no program */
	int kernel;              /* live: the kernel runs the program */
	uint32_t snaplen;
	struct bpfx_program bp;
	struct vm_prog *vp;      /* bp pre-decoded (NULL: bpfx_run runs bp) */
	struct bpf_program lp;
};

/* Compile for this file, unless FP already holds a program that fits;
 * errors go to MSG.  0, or -1 after a message. */
int filter_prog_for(struct filter_prog *fp, const struct filter_args *a, struct cap_reader *r, FILE *msg);
void filter_prog_free(struct filter_prog *fp);
/* The records of R that FP accepts, written to W (NULL: only counted in
 * *MATCHED) until the end of the file, LIMIT matches (0: no limit), a
 * stop signal or *QUIT (NULL: none): 0; -1 where R is damaged (r->err);
 * -2 when a write failed (w->err).  One call of the program per record:
 * gathering blocks of records for vm_exec_batch took 3% more CPU time
 * (paired runs over filter_bench.sh's 1 GiB capture, --count). */
int filter_records(const struct filter_prog *fp, struct cap_reader *r, struct cap_writer *w, unsigned long limit,
		   unsigned long *matched, const _Atomic int *quit);
/* tcpdump's "reading from file ..." line, to MSG. */
void filter_announce(const struct cap_reader *r, FILE *msg);

/* filter_jobs.c: nonzero if A's files are filtered in parallel (-j over
 * several files, written with -w or counted with --count). */
int filter_jobs_apply(const struct filter_args *a);
/* Filter every file of A, -j at a time, with W (-w) and *MATCHED as the
 * serial loop leaves them: the same bytes, messages and exit status. */
int filter_jobs(const struct filter_args *a, struct cap_writer *w, unsigned long *matched);
#endif
