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

/* 0 if valid; -1 with err->start = err->end = index and a reason. */
int vm_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err);
/* Run a program that passed vm_validate. */
uint32_t vm_run(const struct bpf_insn *p, const uint8_t *pkt,
		uint32_t wirelen, uint32_t caplen);
#endif
