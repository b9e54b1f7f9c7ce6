/* check.h: libpcap as the oracle.  One expression is compiled by bpfx and
 * by libpcap for the same link type, snaplen and optimizer setting; each
 * packet is then run through the four combinations of program and
 * interpreter, and the four verdicts (bytes to accept) must be equal. */
#ifndef BPFX_CHECK_H
#define BPFX_CHECK_H
#include <stdint.h>
#include <sys/types.h>
#include <pcap/pcap.h>
#include "bpfx.h"

/* Index of a verdict: program, then interpreter. */
enum { CHECK_BB, CHECK_BL, CHECK_LB, CHECK_LL, CHECK_NVERDICTS };
extern const char *const check_verdict_name[CHECK_NVERDICTS];

struct check {
	struct bpfx_program bp;  /* bpfx's program */
	struct bpf_program lp;   /* libpcap's program */
	int linktype;            /* what both were compiled for */
	uint32_t snaplen;
	int optimize;
	int matches_nothing;     /* both optimizers found it matches nothing,
				    so the unoptimized programs are compared */
};

struct check_error {
	int bpfx_failed;         /* bpfx rejected the expression: see bpfx */
	int libpcap_failed;      /* libpcap rejected it: see libpcap */
	struct bpfx_error bpfx;
	char libpcap[PCAP_ERRBUF_SIZE + 64];
	char invalid[512];       /* a validator rejects the other side's program */
};

enum {
	CHECK_OK = 0,
	CHECK_ECOMPILE = -1,     /* one or both compilers rejected EXPR */
	CHECK_EINVALID = -2,     /* both compiled, but a program fails the other
	                          * side's validator: a disagreement before any
	                          * packet is run */
};

/* Compile EXPR with both compilers and validate both programs with both
 * validators.  On failure c holds nothing to free. */
int check_compile(struct check *c, const char *expr, int linktype, uint32_t snaplen,
		  int optimize, struct check_error *e);
/* Fill v[CHECK_NVERDICTS]; return 1 if they are not all equal. */
int check_packet(const struct check *c, const struct pcap_pkthdr *h, const u_char *pkt,
		 uint32_t v[CHECK_NVERDICTS]);
void check_free(struct check *c);

/* The Linux kernel as a second validator: attach P to a packet socket
 * (protocol 0: it receives nothing) with SO_ATTACH_FILTER.
 * 0: the kernel accepts P; 1: it refuses it (why: its errno text);
 * -1: the test could not be made (why: e.g. not root, not Linux). */
enum { CHECK_KERNEL_ACCEPTS = 0, CHECK_KERNEL_REFUSES = 1, CHECK_KERNEL_UNTESTED = -1 };
int check_kernel(const struct bpf_insn *p, size_t n, char *why, size_t whylen);
#endif
