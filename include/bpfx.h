/*
 * libbpfx: compile pcap-filter(7) expressions to classic BPF, validate and
 * run classic BPF programs.  This header is the whole public API; everything
 * under src/ is internal.
 *
 * Programs are plain `struct bpf_insn[]` (from <pcap/bpf.h>), so any engine
 * that runs classic BPF (libpcap, a kernel socket filter, tc) can run them.
 */
#ifndef BPFX_H
#define BPFX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>  /* FILE, for bpfx_options.dump_to */
#include <sys/types.h> /* u_char, u_int for pcap/bpf.h */
#include <pcap/bpf.h>

/* An error is a value: a message and the byte span [start, end) of the
 * expression it is about (for programs: the instruction index in start).
 * Running out of memory anywhere in a compile (parser, code generator,
 * optimizer, emitter) is an error too ("out of memory", span -1), not an
 * exit, and leaves nothing allocated. */
struct bpfx_error {
	int start, end;     /* span in the source, or -1 when none applies */
	char msg[256];      /* one line, no trailing newline */
};

/* The optimizer. */
enum bpfx_optimize {
	BPFX_OPT_OFF = 0,   /* no optimizer passes (tcpdump -O) */
	BPFX_OPT_EXACT = 1, /* the default: passes that never change a verdict,
			       on truncated packets included */
	BPFX_OPT_LOOSE = 2, /* also those that, as libpcap's, may change the
			       verdict on a packet too short for a load the
			       exact program makes (tcpdump's programs) */
};

/* Stages bpfx_compile can print, for debugging (bpfx compile --dump=). */
#define BPFX_DUMP_AST 1u    /* the syntax tree, qualifiers resolved */
#define BPFX_DUMP_IR 2u     /* the CFG as generated */
#define BPFX_DUMP_OPT 4u    /* the CFG after the optimizer */

struct bpfx_options {
	int linktype;       /* DLT_* value; DLT_EN10MB when 0 is not meant */
	uint32_t snaplen;   /* the value `ret` returns on a match (262144) */
	enum bpfx_optimize optimize;
	int savefile;       /* compiling for a capture file, as tcpdump -r does:
			       NULL/LOOP then accept every BSD AF_INET6 value */
	int swapped;        /* that file was written with the other byte order */
	unsigned dump;      /* BPFX_DUMP_* bits: stages printed to dump_to */
	FILE *dump_to;      /* where they go; nothing is printed when NULL */
	int ip6_transport;  /* the --ip6-transport dialect: tcp[i], ports, `tcp`
			       and `ip6 proto` see through IPv6 extension headers */
	int kernel_vlan;    /* for a live Linux socket, where the kernel moves a
			       frame's outer VLAN tag into metadata: `vlan` reads
			       it there too, as libpcap compiles for live captures */
};

struct bpfx_program {
	struct bpf_insn *insns; /* malloc'd; free with bpfx_program_free */
	unsigned len;
};

/* The library's version, "MAJOR.MINOR.PATCH" (configure.ac's AC_INIT). */
const char *bpfx_version(void);

/* Default options: EN10MB, snaplen 262144, BPFX_OPT_EXACT, no dumps. */
void bpfx_options_init(struct bpfx_options *o);

/* Compile EXPR.  Returns 0 and fills *out, or -1 and fills *err. */
int bpfx_compile(const char *expr, const struct bpfx_options *o,
		 struct bpfx_program *out, struct bpfx_error *err);
void bpfx_program_free(struct bpfx_program *p);

/* Where each instruction came from: the byte span of the expression that
 * produced it ({-1, -1} for the final returns). */
struct bpfx_span {
	int start, end;
};
/* As bpfx_compile, and *spans receives a malloc'd array of out->len spans. */
int bpfx_compile_spans(const char *expr, const struct bpfx_options *o,
		       struct bpfx_program *out, struct bpfx_span **spans,
		       struct bpfx_error *err);

/* Validate a program as the kernel and libpcap's bpf_validate would:
 * 0 if valid, -1 with err->start = offending instruction index. */
int bpfx_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err);

/* Run a validated program over a packet of wirelen bytes of which caplen
 * were captured.  Returns the number of bytes to accept, 0 to reject. */
uint32_t bpfx_run(const struct bpf_insn *p, const uint8_t *pkt,
		  uint32_t wirelen, uint32_t caplen);

/* One packet for bpfx_run_batch: caplen bytes at data were captured of a
 * packet of wirelen bytes. */
struct bpfx_packet {
	const uint8_t *data;
	uint32_t wirelen, caplen;
};

/* Run a validated program over pkts[0..count): verdicts[i] is what
 * bpfx_run returns for pkts[i].  The program is pre-decoded once per call
 * (direct-threaded, with fused load+jump instructions and bounds checks
 * proved redundant removed; every remaining load is checked as in
 * bpfx_run), so large batches pay for it least.  Returns the number of
 * packets accepted (verdict != 0). */
size_t bpfx_run_batch(const struct bpf_insn *p, size_t n, const struct bpfx_packet *pkts,
		      size_t count, uint32_t *verdicts);

/* Link type names as libpcap spells them without DLT_ ("EN10MB", "RAW"). */
int bpfx_linktype_from_name(const char *name);   /* -1 if unknown */
const char *bpfx_linktype_name(int dlt);         /* NULL if unknown */

/* --- Text, for bindings that cannot pass a FILE * (src/progtext.c) --- */

/* The program as `bpfx compile` prints it: style 1 = -d (tcpdump's
 * listing), 2 = -dd, 3 = -ddd.  A malloc'd string (free with bpfx_free),
 * NULL for an unknown style or out of memory. */
char *bpfx_format_program(const struct bpf_insn *p, size_t n, int style);
/* `bpfx explain`'s text for EXPR compiled with *o; malloc'd (bpfx_free),
 * or NULL with *err set. */
char *bpfx_explain_text(const char *expr, const struct bpfx_options *o, struct bpfx_error *err);
/* free(3) for what libbpfx returns malloc'd, from callers with no libc of
 * their own at hand (ctypes). */
void bpfx_free(void *p);

/* --- Whole capture files (src/files.c) --- */

struct bpfx_file_counts {
	uint64_t packets;   /* records read */
	uint64_t matched;   /* records the program accepted (and wrote) */
	uint64_t bytes;     /* bytes of the file those records span */
};

/* Stream the capture file PATH (pcap or pcapng) through program p, in C,
 * and write the records it accepts to OUT as `bpfx filter -r PATH -w OUT`
 * writes them (a pcap file with PATH's link type, snapshot length and
 * timestamp precision); OUT NULL only counts.  The program is validated
 * first.  LINKTYPE is the DLT_* value p was compiled for (-1: not
 * checked); a file of another link type is an error.  START and END
 * select the records of a pcap file that begin in [START, END), at
 * boundaries bpfx_index_file found (0 and 0: the whole file; END 0: to
 * the end); a pcapng file is read whole.  Returns 0, or -1 with err->msg
 * naming the file and the fault (span -1); *c holds the counts so far
 * either way.  OUT is written in place: callers that must never leave a
 * partial file write to a temporary name and rename. */
int bpfx_filter_file(const struct bpf_insn *p, size_t n, int linktype, const char *path,
		     const char *out, uint64_t start, uint64_t end, struct bpfx_file_counts *c,
		     struct bpfx_error *err);

struct bpfx_file_info {
	int linktype;       /* DLT_* value, as libpcap reports it */
	uint32_t snaplen;   /* the file's snapshot length */
	int swapped;        /* written in the other byte order */
	int pcapng;         /* 1: pcapng, which is never split */
	uint64_t size;      /* bytes */
	uint64_t packets;   /* records (pcap); 0 for pcapng */
};

/* The quick index pass over PATH: its link type and size and, for a pcap
 * file, where to split it.  offs[0] is the first record's offset and each
 * next one the first record starting at least CHUNK bytes after the
 * previous (CHUNK 0: one chunk); at most MAX offsets (*n of them), so the
 * chunk i is [offs[i], offs[i+1]) and the last runs to the end.  Only the
 * 16-byte record headers are read; the data is skipped.  A pcapng file is
 * one chunk, offs[0] = 0.  A record cut short ends the pass: the last
 * chunk's filter reports it.  Returns 0, or -1 with err->msg. */
int bpfx_index_file(const char *path, uint64_t chunk, uint64_t *offs, size_t max, size_t *n,
		    struct bpfx_file_info *info, struct bpfx_error *err);

/* Merge pcap files into OUT in time order, as mergecap does: each input's
 * own order is kept, and of the inputs' next records the earliest is
 * written first, the input listed first on equal timestamps.  OUT takes
 * paths[0]'s header (link type, snapshot length, precision); every input
 * must have its link type.  *written counts the records.  0, or -1 with
 * err->msg. */
int bpfx_merge_files(const char *const *paths, size_t n, const char *out, uint64_t *written,
		     struct bpfx_error *err);

#endif
