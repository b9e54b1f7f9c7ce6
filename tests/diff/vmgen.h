/* vmgen.h: random classic BPF programs for the VM's tests.
 *
 * vmgen_valid builds programs meant to pass vm_validate: every opcode with
 * a meaning, forward jumps only (kept short so a run reaches a ret often),
 * constant shifts < 32, no constant division by 0, scratch reads only of
 * cells a prologue stored (libpcap 1.10.3's scratch memory is
 * uninitialised, so reading anything else has no defined result there).
 * X takes values >= 32 and near 2^32 often, to cover libpcap's "shift by
 * X >= 32 gives 0" rule and k + X overflow in indirect loads.  A few
 * percent still fail validation (e.g. a load of an unknown ancillary
 * offset); callers validate and retry.
 *
 * vmgen_any builds arbitrary programs, mostly invalid, for comparing the
 * validators. */
#ifndef BPFX_VMGEN_H
#define BPFX_VMGEN_H
#include "vmpkt.h"
#include <sys/types.h>
#include <pcap/bpf.h>

/* Returns the length, 1..max (max >= 1). */
size_t vmgen_valid(struct vmpkt_rng *r, struct bpf_insn *p, size_t max);
size_t vmgen_any(struct vmpkt_rng *r, struct bpf_insn *p, size_t max);
/* The opcodes with a meaning (49) for coverage checks. */
extern const uint16_t vmgen_opcodes[];
extern const size_t vmgen_nopcodes;
#endif
