/* trace.h: run a classic BPF program one instruction at a time and keep
 * every step: the registers after it, the scratch word it wrote, the packet
 * bytes it read, the branch it took.  The semantics are vm_run's exactly
 * (src/vm.c); the tests hold the two to the same verdict on every packet. */
#ifndef BPFX_TRACE_H
#define BPFX_TRACE_H
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <sys/types.h>
#include <pcap/bpf.h>

enum trace_end {
	TRACE_RET,      /* a ret instruction ended the run */
	TRACE_OOB,      /* a load past the captured bytes: 0 */
	TRACE_DIVZERO,  /* div or mod by X == 0 (or by k == 0, unvalidated): 0 */
	TRACE_BADOP,    /* not an opcode (unvalidated programs only): 0 */
	TRACE_OFFEND,   /* ran off the program (unvalidated programs only): 0 */
	TRACE_TOOLONG,  /* more than TRACE_MAXSTEPS steps (backward ja loop): 0 */
};
#define TRACE_MAXSTEPS 100000

enum trace_branch { TRACE_NOBRANCH, TRACE_JT, TRACE_JF, TRACE_JA };

struct trace_step {
	unsigned pc;
	struct bpf_insn insn;
	uint32_t a, x;          /* registers after the step */
	int mem_write;          /* M[i] written by the step, -1 if none */
	int mem_read;           /* M[i] read by the step, -1 if none */
	uint32_t mem_value;     /* the value written or read */
	int read;               /* 1 if the step read packet bytes */
	uint32_t read_off;      /* first byte it read (or tried to) */
	uint32_t read_len;      /* 1, 2 or 4 */
	uint32_t read_val;      /* value read (big-endian), when in bounds */
	enum trace_branch branch;
	unsigned next;          /* pc of the next step (jumps: the target) */
};

struct trace {
	struct trace_step *steps; /* malloc'd */
	size_t n, cap;
	uint32_t verdict;       /* what vm_run returns */
	enum trace_end end;
	uint32_t caplen, wirelen;
};

/* Run p (n instructions) over the packet; 0, or -1 out of memory. */
int trace_run(const struct bpf_insn *p, size_t n, const uint8_t *pkt, uint32_t wirelen,
	      uint32_t caplen, struct trace *t);
void trace_free(struct trace *t);

/* What step s did, as the text trace's last column says it ("read [23] =
 * 0x06", "0x6 == 0x6: true, jt -> 004"); last: s is the final step. */
void trace_note(char *buf, size_t size, const struct trace *t, const struct trace_step *s, int last);
/* The steps as text, one line each, then the verdict line. */
void trace_print(FILE *f, const struct trace *t);
/* The same as one JSON object. */
void trace_print_json(FILE *f, const struct trace *t);
/* "accept: returns 262144 ..." / "reject: ..." for the last step. */
void trace_verdict_text(char *buf, size_t size, const struct trace *t);
#endif
