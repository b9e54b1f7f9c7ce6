/* vm.h: the classic BPF validator and interpreter (ours, not libpcap's).
 * Semantics are libpcap's userland bpf_filter: a load outside the captured
 * bytes ends the program with 0, division by X == 0 returns 0. */
#ifndef BPFX_VM_H
#define BPFX_VM_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* u_char, u_int for pcap/bpf.h */
#include <pcap/bpf.h>
struct bpfx_error;

#define VM_MAXINSNS 4096  /* BPF_MAXINSNS, the Linux limit */

/* Network byte order loads for both interpreters; the compiler turns these
 * into one load and a byte swap, with no alignment requirement. */
static inline uint32_t vm_be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static inline uint32_t vm_be16(const uint8_t *b) { return (uint32_t)b[0] << 8 | b[1]; }

/* The packet loads of both interpreters (A, X, pc, pkt and caplen in
 * scope): a load of size bytes at k (ABS) or at X + k (IND) is in bounds
 * iff offset + size <= caplen, computed in 64 bits so that neither k +
 * size nor X + k + size can wrap (a wrapped 32-bit sum would pass the
 * check and read far outside).  Out of bounds ends the program with 0, as
 * in bpf_filter; bytes past caplen are never read even if wirelen says
 * they exist.  VM_FAIL is how the including interpreter ends the
 * program with 0 (vm.c returns; vm_fast.c's batch loop goes on to the
 * next packet). */
#define vm_u8(p) (*(p))
#define VM_LOAD_ABS(size, get)                                                 \
	if ((uint64_t)pc->k + (size) > caplen)                                 \
		VM_FAIL;                                                       \
	A = get(pkt + pc->k)
#define VM_LOAD_IND(size, get)                                                 \
	if ((uint64_t)X + pc->k + (size) > caplen)                             \
		VM_FAIL;                                                       \
	A = get(pkt + X + pc->k)
/* An ALU instruction of both interpreters: its code a constant, so the
 * compiler reduces isa_alu (isa.h) to the one operation; a fault (division
 * by 0) ends the program with 0 (VM_FAIL). */
#define VM_ALU_STEP(code)                                                      \
	{                                                                      \
		struct isa_result r = isa_alu(code, A, isa_src(code, pc->k, X)); \
		if (r.fault != ISA_OK)                                         \
			VM_FAIL;                                               \
		A = r.value;                                                   \
	}

/* 0 if valid; -1 with err->start = err->end = index and a reason. */
int vm_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err);
/* Run a program that passed vm_validate. */
uint32_t vm_run(const struct bpf_insn *p, const uint8_t *pkt,
		uint32_t wirelen, uint32_t caplen);

/* The same program pre-decoded for running on many packets (vm_fast.c):
 * vm_exec returns what vm_run returns, faster.  vm_prepare takes any
 * program vm_run runs (validated, or libpcap's with protochain's backward
 * ja) whose jumps stay inside it; NULL with err set otherwise or without
 * memory.  P must outlive the result (without computed goto vm_exec runs
 * vm_run on it). */
#define VM_PREPARE_MAX (1u << 24)
struct vm_prog;
struct vm_prog *vm_prepare(const struct bpf_insn *p, size_t n, struct bpfx_error *err);
/* vm_prepare for a program that will run on about `packets` packets (0:
 * many): for few, preparing does less (vm_simplify is skipped). */
struct vm_prog *vm_prepare_n(const struct bpf_insn *p, size_t n, size_t packets,
			     struct bpfx_error *err);
/* vm_exec's work when the first test does not end the program. */
uint32_t vm_exec_full(const struct vm_prog *vp, const uint8_t *pkt, uint32_t wirelen,
		      uint32_t caplen);

/* The first test of a prepared program, when it is `ld[h|b] [k]; jeq or
 * jset #v` with a side to `ret #r` (ldh [12]; jeq #0x800 jf ret #0: the
 * ethertype test most filters begin with, and most packets fail).  With
 * w the 4 bytes at k (the load's bytes in the high ones), the program
 * ends with r iff ((w & mask) == cmp) == when.  Every struct vm_prog
 * begins with one; need is UINT64_MAX when the first test is not of
 * that shape. */
struct vm_first {
	uint64_t need;           /* k + 4: the caplen the 4-byte read needs */
	uint32_t k, mask, cmp, ret;
	uint32_t when;           /* 0 or 1 */
};

/* vm_run's result on vp's program, faster.  Inline so that a packet the
 * first test rejects costs no call: one check that caplen covers the 4
 * bytes read (else the full path checks the load as vm_run does), one
 * read and one comparison. */
static inline uint32_t vm_exec(const struct vm_prog *vp, const uint8_t *pkt, uint32_t wirelen,
			       uint32_t caplen)
{
	const struct vm_first *f = (const struct vm_first *)vp;
	if (caplen >= f->need && ((vm_be32(pkt + f->k) & f->mask) == f->cmp) == f->when)
		return f->ret;
	return vm_exec_full(vp, pkt, wirelen, caplen);
}
/* vm_exec on pkts[0..count) in one call: verdicts[i] for pkts[i]. */
struct bpfx_packet;
void vm_exec_batch(const struct vm_prog *vp, const struct bpfx_packet *pkts, size_t count,
		   uint32_t *verdicts);
void vm_prog_free(struct vm_prog *vp);
/* vm_prepare's first step (vm_simplify.c): *out (malloc'd, *out_n
 * instructions) is a program vm_run runs as p on every packet, shorter
 * where it can be.  p: jumps inside it or to its end.  -1 without memory. */
int vm_simplify(const struct bpf_insn *p, size_t n, struct bpf_insn **out, size_t *out_n);
#endif
