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

/* Link type names as libpcap spells them without DLT_ ("EN10MB", "RAW"). */
int bpfx_linktype_from_name(const char *name);   /* -1 if unknown */
const char *bpfx_linktype_name(int dlt);         /* NULL if unknown */

#endif
