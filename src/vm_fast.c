/* vm_fast.c: the interpreter for the packet loop — a program pre-decoded
 * once (vm_prepare) into a compact direct-threaded form, then run on many
 * packets (vm_exec).  The results are vm_run's, which are bpf_filter's:
 * every packet load is bounds-checked (out of bounds ends the program with
 * 0), division or modulo by X == 0 ends it with 0, the ALU is isa_alu.
 * tests/diff/vmdiff and tests/fuzz/fuzz_vm compare both against bpf_filter.
 *
 * What pre-decoding removes from vm_run's work per instruction:
 *   - the dispatch table lookup by opcode: each decoded instruction holds
 *     its handler's address (direct threading);
 *   - adding jump offsets to pc: targets are pointers;
 *   - instructions that change nothing, reloads, tests already decided
 *     and arithmetic on constants: vm_simplify (vm_simplify.c) rewrites
 *     the program first;
 *   - a separate dispatch for the jump after a load: a load followed by a
 *     conditional jump on a constant (ldh [12]; jeq #0x800, the shape of
 *     most of what tcpdump filters compile to) is one fused instruction
 *     (the jump is decoded too, for other jumps to it), and so are
 *     `ldxb 4*([k]&0xf); ldh [x + k2]; jeq #v` (a port test);
 *   - a dispatch to `ret #k` after a test: a fused instruction (or a
 *     jump alone) whose side goes to one ends the program itself;
 *   - bounds checks that cannot fail: a load at a constant offset [k] is
 *     unchecked when every path to it has already passed a load reaching
 *     at least as far (a failed load ends the program, so its success
 *     proves caplen >= its end).  vmf_bounds proves it in one forward pass
 *     (jumps only go forward), keeping per instruction the least caplen
 *     every path to it guarantees.  A program with a backward ja
 *     (libpcap's protochain code) keeps every check;
 *   - per call (vm_exec, one packet): the call itself for a packet the
 *     program's first test sends to a `ret` (vm_exec is inline in vm.h
 *     and does that test itself: vmf_first), a test for scratch memory
 *     (zeroed by a ZERO_MEM prologue only in programs that use it), and a
 *     load through a pointer for a fused side to `ret #k` (its k is in
 *     the instruction).
 * Without computed goto (not GCC or Clang) vm_exec_full runs vm_run on the
 * original program. */
#include "vm.h"
#include "bpfx.h" /* struct bpfx_packet */
#include "error.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>


/* The loads: the ISA's checked ones, and the unchecked ones at a
 * constant offset (U_W, U_H, U_B).  X(kind). */
#define VMF_LOADS(X)                                                           \
	X(LD_W_ABS) X(LD_H_ABS) X(LD_B_ABS) X(U_W) X(U_H) X(U_B)                 \
	X(LD_W_IND) X(LD_H_IND) X(LD_B_IND)
/* What a conditional jump on a constant is fused with: a load, `and #k`
 * (tcp[13] & 16 != 0 compiles to ldb; and; jeq), the IPv4 header length
 * and a load after it (ldxb 4*([14]&0xf); ldh [x + 14], the start of
 * every port test: MSH_*_IND), or nothing (NOLOAD: a jump alone, for the
 * ret sides below).  X(kind). */
#define VMF_HEADS(X)                                                           \
	VMF_LOADS(X) X(ALU_AND_K) X(MSH_W_IND) X(MSH_H_IND) X(MSH_B_IND) X(NOLOAD)
/* Where a fused pair's jump goes: to instructions (NN), or one side or
 * both straight to a `ret #k` (TR: the taken side, FR: the other, BR:
 * both), which ends the program in the handler instead of dispatching
 * to the ret: most packets leave a filter by the first test that fails.
 * In this order: vmf_fuse adds 1 for TR, 2 for FR. */
#define VMF_RETS(X, l, j) X(l, j, NN) X(l, j, TR) X(l, j, FR) X(l, j, BR)
/* X(head kind, jump, rets) for every fused pair. */
#define VMF_FUSED_(X, l)                                                       \
	VMF_RETS(X, l, JEQ) VMF_RETS(X, l, JGT) VMF_RETS(X, l, JGE) VMF_RETS(X, l, JSET)
#define VMF_FUSED(X)                                                           \
	VMF_FUSED_(X, LD_W_ABS) VMF_FUSED_(X, LD_H_ABS) VMF_FUSED_(X, LD_B_ABS)  \
	VMF_FUSED_(X, U_W) VMF_FUSED_(X, U_H) VMF_FUSED_(X, U_B)                 \
	VMF_FUSED_(X, LD_W_IND) VMF_FUSED_(X, LD_H_IND) VMF_FUSED_(X, LD_B_IND)  \
	VMF_FUSED_(X, ALU_AND_K) VMF_FUSED_(X, MSH_W_IND) VMF_FUSED_(X, MSH_H_IND) \
	VMF_FUSED_(X, MSH_B_IND) VMF_FUSED_(X, NOLOAD)

/* Decoded instruction kinds: the ISA's opcodes, the unchecked loads, the
 * fused pairs, and the guard after the last instruction. */
enum vmf_kind {
#define VMF_ISA_KIND(name, code, mnemonic, arg) VMF_##name,
	ISA_OPCODES(VMF_ISA_KIND)
#undef VMF_ISA_KIND
	VMF_U_W, VMF_U_H, VMF_U_B, VMF_LDX_MSHU,
	VMF_ZERO_MEM, /* the prologue of a program that uses scratch memory */
	VMF_MSH_W_IND, VMF_MSH_H_IND, VMF_MSH_B_IND, VMF_NOLOAD, /* heads only */
#define VMF_FUSED_KIND(l, j, r) VMF_##l##_##j##_##r,
	VMF_FUSED(VMF_FUSED_KIND)
#undef VMF_FUSED_KIND
	VMF_INVALID,
	VMF_NKINDS
};

struct vmf_ins {
	const void *op;          /* the handler (a computed-goto label) */
	uint32_t k;              /* the instruction's k */
	uint32_t v;              /* a fused jump's constant */
	/* Targets of jumps and fused jumps, or for a fused side that goes
	 * to a `ret #k` (TR, FR, BR) that k itself: the handler returns it
	 * without a load through the pointer first. */
	union { const struct vmf_ins *jt; uint32_t rt; };
	union { const struct vmf_ins *jf; uint32_t rf; };
};

/* Measured and dropped: a second decoding with every constant-offset
 * load unchecked, chosen per packet when caplen reaches the farthest load.
 * The choice and the split branch history cost more than the checks
 * (synthesized frames, `ip6 and udp`: 6.7 ns against 4.3 ns). */
struct vm_prog {
	struct vm_first first;   /* first, for vm_exec (vm.h) */
	size_t m;                /* decoded instructions of each copy below */
	const struct bpf_insn *orig; /* the source, for vm_run without computed goto */
	/* m for vm_exec, then m for vm_exec_batch: the same program decoded
	 * for each copy of the handlers (vm_fast_body.h), each run from its
	 * first instruction.  A copy is a ZERO_MEM prologue if the program
	 * uses scratch memory (so that a run of one that does not pays
	 * nothing for it, not even a test), the program's n instructions,
	 * and a guard. */
	struct vmf_ins ins[];
};

#if defined(__GNUC__) && !defined(VM_NO_COMPUTED_GOTO)
#define VMF_THREADED 1
#else
#define VMF_THREADED 0
#endif

/* The handlers' addresses by kind, of each copy (vm_fast_body.h):
 * vm_exec_full(NULL, ...) and vm_exec_batch(NULL, ...) set them (every caller
 * stores the same table). */
static const void *const *vmf_labels_one, *const *vmf_labels_many;

/* The label table of one copy of the handlers.  Initializers after the
 * default override it on purpose. */
#define VMF_LABEL_TABLE(name)                                                  \
	_Pragma("GCC diagnostic push")                                         \
	_Pragma("GCC diagnostic ignored \"-Woverride-init\"")                  \
	static const void *const name[VMF_NKINDS] = {                          \
		[0 ... VMF_NKINDS - 1] = &&vmf_INVALID,                        \
		ISA_OPCODES(VMF_ISA_LABEL)                                     \
		[VMF_U_W] = &&vmf_U_W, [VMF_U_H] = &&vmf_U_H,                  \
		[VMF_U_B] = &&vmf_U_B, [VMF_LDX_MSHU] = &&vmf_LDX_MSHU,        \
		[VMF_ZERO_MEM] = &&vmf_ZERO_MEM,                               \
		VMF_FUSED(VMF_FUSED_LABEL)                                     \
	};                                                                     \
	_Pragma("GCC diagnostic pop")
#define VMF_ISA_LABEL(name, code, mnemonic, arg) [VMF_##name] = &&vmf_##name,
#define VMF_FUSED_LABEL(l, j, r) [VMF_##l##_##j##_##r] = &&vmf_##l##_##j##_##r,

#if VMF_THREADED
/* One packet (after vm_exec's first test, vm.h).  vp NULL: set vmf_labels_one
 * (for vm_prepare). */
uint32_t vm_exec_full(const struct vm_prog *vp, const uint8_t *pkt, uint32_t wirelen,
		      uint32_t caplen)
{
	VMF_LABEL_TABLE(labels)
	if (!vp) { /* vm_prepare asks for the handlers' addresses */
		vmf_labels_one = labels;
		return 0;
	}
	uint32_t A = 0, X = 0;
	uint32_t mem[BPF_MEMWORDS];
	const struct vmf_ins *pc = vp->ins;
#define VMF_END(v) return (v)
#define VMF_WIRELEN wirelen
#define VM_FAIL return 0
	goto *pc->op;
#include "vm_fast_body.h"
#undef VMF_END
#undef VMF_WIRELEN
#undef VM_FAIL
}

/* pkts[0..count) in one call, verdicts[i] for each.  vp NULL: set
 * vmf_labels_many.  A return goes straight to the next packet's first
 * instruction, so the call, the prologue and the return are paid once
 * per batch.  Few
 * values live across the handlers, so that all stay in registers: the
 * packet's fields are read from *cur (wirelen only where used), and the
 * position in the batch is a pointer. */
void vm_exec_batch(const struct vm_prog *vp, const struct bpfx_packet *pkts, size_t count,
		   uint32_t *verdicts)
{
	VMF_LABEL_TABLE(labels)
	if (!vp) { /* vm_prepare asks for the handlers' addresses */
		vmf_labels_many = labels;
		return;
	}
	uint32_t A, X;
	uint32_t mem[BPF_MEMWORDS];
	const struct vmf_ins *pc;
	const uint8_t *pkt;
	uint32_t caplen;
	const struct bpfx_packet *cur = pkts, *end = pkts + count;
	if (!count)
		return;
	/* each packet starts here, as a vm_run call: A = X = 0 (and
	 * scratch memory zeroed by the ZERO_MEM prologue if used) */
start:
	pkt = cur->data;
	caplen = cur->caplen;
	A = 0;
	X = 0;
	pc = vp->ins + vp->m;
#define VMF_END(v)                                                             \
	do {                                                                   \
		*verdicts++ = (v);                                             \
		if (++cur < end)                                               \
			goto start;                                            \
		return;                                                        \
	} while (0)
#define VMF_WIRELEN cur->wirelen
#define VM_FAIL VMF_END(0)
	goto *pc->op;
#include "vm_fast_body.h"
#undef VMF_END
#undef VMF_WIRELEN
#undef VM_FAIL
}

#else /* vm_run on the source */
uint32_t vm_exec_full(const struct vm_prog *vp, const uint8_t *pkt, uint32_t wirelen,
		      uint32_t caplen)
{
	return vm_run(vp->orig, pkt, wirelen, caplen);
}

void vm_exec_batch(const struct vm_prog *vp, const struct bpfx_packet *pkts, size_t count, uint32_t *verdicts)
{
	for (size_t i = 0; i < count; i++)
		verdicts[i] = vm_run(vp->orig, pkts[i].data, pkts[i].wirelen, pkts[i].caplen);
}
#endif

/* ---------------------------------------------------------------------
 * Pre-decoding
 * ------------------------------------------------------------------- */

/* Bytes a packet load reads past its constant offset, or 0 if the
 * instruction is no packet load. */
static uint32_t vmf_load_size(uint16_t code)
{
	switch (code) {
	case ISA_LD_W_ABS: case ISA_LD_W_IND: return 4;
	case ISA_LD_H_ABS: case ISA_LD_H_IND: return 2;
	case ISA_LD_B_ABS: case ISA_LD_B_IND: case ISA_LDX_MSH: return 1;
	default: return 0;
	}
}

/* Where instruction i may go next: its targets (absolute, may be out of
 * range for an unvalidated program), *nt of them (0 for ret). */
static int vmf_succ(const struct bpf_insn *p, size_t i, int64_t t[2])
{
	const struct bpf_insn *in = &p[i];
	if (BPF_CLASS(in->code) == BPF_RET)
		return 0;
	if (in->code == ISA_JA) { /* sign-extended, as vm_run and bpf_filter */
		t[0] = (int64_t)i + 1 + (int32_t)in->k;
		return 1;
	}
	if (BPF_CLASS(in->code) == BPF_JMP) {
		t[0] = (int64_t)i + 1 + in->jt;
		t[1] = (int64_t)i + 1 + in->jf;
		return 2;
	}
	t[0] = (int64_t)i + 1;
	return 1;
}

/* safe[i] = 1 if instruction i is a load at a constant offset that every
 * path to it has already proved in bounds.  lo[i] is the least caplen
 * known on entry to i (UINT64_MAX: no path reaches i yet); a successful
 * load at k (or at X + k, X >= 0) of s bytes proves caplen >= k + s. */
static void vmf_bounds(const struct bpf_insn *p, size_t n, uint64_t *lo, uint8_t *safe)
{
	for (size_t i = 0; i < n; i++)
		lo[i] = UINT64_MAX;
	lo[0] = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t known = lo[i], s = vmf_load_size(p[i].code);
		safe[i] = 0;
		if (known == UINT64_MAX) /* unreachable */
			continue;
		if (s) {
			uint64_t end = (uint64_t)p[i].k + s;
			if (BPF_MODE(p[i].code) != BPF_IND && end <= known)
				safe[i] = 1;
			if (end > known)
				known = end;
		}
		int64_t t[2];
		int nt = vmf_succ(p, i, t);
		for (int j = 0; j < nt; j++)
			if (t[j] > (int64_t)i && t[j] < (int64_t)n && known < lo[t[j]])
				lo[t[j]] = known;
	}
}

/* The fused kind for head kind `load` and conditional jump `jcode`;
 * rets: 1 if the taken side is a `ret #k`, + 2 if the other is. */
static int vmf_fuse(int load, uint16_t jcode, int rets)
{
	int j;
	switch (jcode) {
	case ISA_JEQ_K: j = 0; break;
	case ISA_JGT_K: j = 1; break;
	case ISA_JGE_K: j = 2; break;
	case ISA_JSET_K: j = 3; break;
	default: return -1;
	}
	static const int first[] = {
#define VMF_FIRST(l) VMF_##l##_JEQ_NN,
		VMF_HEADS(VMF_FIRST)
#undef VMF_FIRST
	};
	static const int loads[] = {
#define VMF_KIND(l) VMF_##l,
		VMF_HEADS(VMF_KIND)
#undef VMF_KIND
	};
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++)
		if (loads[i] == load)
			return first[i] + 4 * j + rets;
	return -1;
}

/* The decoded kind of a single instruction (no fusion). */
static int vmf_kind(uint16_t code, int safe)
{
	if (safe) {
		switch (code) {
		case ISA_LD_W_ABS: return VMF_U_W;
		case ISA_LD_H_ABS: return VMF_U_H;
		case ISA_LD_B_ABS: return VMF_U_B;
		case ISA_LDX_MSH: return VMF_LDX_MSHU;
		}
	}
	switch (code) {
#define VMF_CASE(name, c, mnemonic, arg) case c: return VMF_##name;
	ISA_OPCODES(VMF_CASE)
#undef VMF_CASE
	default: return VMF_INVALID;
	}
}

/* For vmf_fuse: which sides of the jump at j go to a `ret #k`. */
static int vmf_rets(const struct bpf_insn *p, size_t n, size_t j)
{
	size_t t = j + 1 + p[j].jt, e = j + 1 + p[j].jf;
	return (t < n && p[t].code == ISA_RET_K) + 2 * (e < n && p[e].code == ISA_RET_K);
}

/* 1 if instruction c reads or writes scratch memory. */
static int vmf_is_mem(uint16_t c)
{
	return BPF_CLASS(c) == BPF_ST || BPF_CLASS(c) == BPF_STX ||
	       ((BPF_CLASS(c) == BPF_LD || BPF_CLASS(c) == BPF_LDX) && BPF_MODE(c) == BPF_MEM);
}

/* 1 if p uses scratch memory: its runs begin with ZERO_MEM. */
static int vmf_uses_mem(const struct bpf_insn *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (vmf_is_mem(p[i].code))
			return 1;
	return 0;
}

/* Decode p into out: the ZERO_MEM prologue if uses_mem, p's n
 * instructions, the guard; safe[i]: load i unchecked. */
static void vmf_decode(const struct bpf_insn *p, size_t n, const uint8_t *safe,
		       const void *const *labels, struct vmf_ins *out, int uses_mem)
{
	if (uses_mem) /* as vm_run: results never depend on stack garbage */
		(out++)->op = labels[VMF_ZERO_MEM];
	for (size_t i = 0; i < n; i++) {
		struct vmf_ins *d = &out[i];
		int kind = vmf_kind(p[i].code, safe[i]);
		d->k = p[i].k;
		if (vmf_is_mem(p[i].code))
			d->k &= BPF_MEMWORDS - 1;
		if (BPF_CLASS(p[i].code) == BPF_JMP) {
			d->jt = out + (p[i].code == ISA_JA ? (int64_t)i + 1 + (int32_t)p[i].k
							   : (int64_t)i + 1 + p[i].jt);
			d->jf = out + i + 1 + p[i].jf;
		}
		/* a head, then a jump on a constant at j: fused.  Other jumps
		 * may still go to what follows the head: it is decoded too. */
		size_t j = 0;
		int head = -1;
		if (p[i].code == ISA_LDX_MSH && i + 2 < n && p[i].k <= 0xffff &&
		    (p[i + 1].code == ISA_LD_W_IND || p[i + 1].code == ISA_LD_H_IND ||
		     p[i + 1].code == ISA_LD_B_IND) && p[i + 1].k <= 0xffff) {
			head = BPF_SIZE(p[i + 1].code) == BPF_W   ? VMF_MSH_W_IND
			       : BPF_SIZE(p[i + 1].code) == BPF_H ? VMF_MSH_H_IND
								  : VMF_MSH_B_IND;
			j = i + 2;
		} else if (i + 1 < n && ((vmf_load_size(p[i].code) && p[i].code != ISA_LDX_MSH) ||
					 p[i].code == ISA_ALU_AND_K)) {
			head = kind;
			j = i + 1;
		} else if (BPF_CLASS(p[i].code) == BPF_JMP) {
			head = VMF_NOLOAD;
			j = i;
		}
		int rets = head < 0 ? 0 : vmf_rets(p, n, j);
		int f = head < 0 ? -1 : vmf_fuse(head, p[j].code, rets);
		if (f >= 0) {
			kind = f;
			d->v = p[j].k;
			/* a side to a `ret #k`: its k (vmf_rets checked it is one) */
			if (rets & 1)
				d->rt = p[j + 1 + p[j].jt].k;
			else
				d->jt = out + j + 1 + p[j].jt;
			if (rets & 2)
				d->rf = p[j + 1 + p[j].jf].k;
			else
				d->jf = out + j + 1 + p[j].jf;
			if (j == i + 2) /* MSH_*_IND: both offsets, 16 bits each */
				d->k = p[i].k | p[i + 1].k << 16;
		}
		d->op = labels[kind];
	}
	out[n].op = labels[VMF_INVALID]; /* the guard */
}

/* vm_exec's first test (struct vm_first, vm.h) for p: when p begins
 * with a load at [k] and a jeq or jset on v with a side to `ret #r`;
 * need = UINT64_MAX (never taken) otherwise.  The 4 bytes w read at k
 * hold the load's A in their high bytes: A = w >> shift, so A == v iff
 * (w & bytes << shift) == v << shift when v fits in the load's bytes
 * (never otherwise), and (A & v) != 0 iff (w & (v & bytes) << shift) != 0. */
static struct vm_first vmf_first(const struct bpf_insn *p, size_t n)
{
	struct vm_first f = {.need = UINT64_MAX};
	uint32_t size = vmf_load_size(p[0].code);
	int rets = n >= 2 ? vmf_rets(p, n, 1) : 0;
	int jset = n >= 2 && p[1].code == ISA_JSET_K;
	if (!size || BPF_MODE(p[0].code) != BPF_ABS || !rets ||
	    !(jset || p[1].code == ISA_JEQ_K))
		return f;
	uint32_t shift = 32 - 8 * size, bytes = UINT32_MAX >> shift, v = p[1].k;
	int on_true = !(rets & 2); /* the side whose ret this returns */
	if (jset) {
		f.mask = (v & bytes) << shift;
		f.cmp = 0; /* (w & mask) == 0: the jset is not taken */
	} else if (v <= bytes) {
		f.mask = bytes << shift;
		f.cmp = v << shift; /* equal: the jeq is taken */
	} else {
		f.mask = 0;
		f.cmp = 1; /* never equal: A cannot hold v */
	}
	f.when = (uint32_t)(jset ^ on_true);
	f.ret = p[2 + (on_true ? p[1].jt : p[1].jf)].k;
	f.k = p[0].k;
	f.need = (uint64_t)p[0].k + 4;
	return f;
}

/* What vm_simplify costs, in packets: it runs when the program is to run
 * on at least VMF_SIMPLIFY_PACKETS packets per instruction.  Measured
 * with bench/bench_vm at load 13-20: simplifying takes about 100 ns per
 * instruction, and saves 0.5-5 ns per packet on libpcap's unoptimized
 * programs (nothing on most optimized ones). */
#define VMF_SIMPLIFY_PACKETS 64

struct vm_prog *vm_prepare(const struct bpf_insn *p, size_t n, struct bpfx_error *err)
{
	return vm_prepare_n(p, n, 0, err);
}

struct vm_prog *vm_prepare_n(const struct bpf_insn *p, size_t n, size_t packets,
			     struct bpfx_error *err)
{
	if (n == 0 || n > VM_PREPARE_MAX) {
		err_set(err, 0, 0, "cannot prepare a program of %zu instructions", n);
		return NULL;
	}
	if (!VMF_THREADED) { /* vm_exec runs vm_run on the source */
		struct vm_prog *vp = calloc(1, sizeof *vp);
		if (!vp)
			err_set(err, 0, 0, "out of memory");
		else {
			vp->orig = p;
			vp->first = vmf_first(p, n);
		}
		return vp;
	}
#if VMF_THREADED
	if (!vmf_labels_one) /* each copy's own check: both set before use */
		vm_exec_full(NULL, NULL, 0, 0);
	if (!vmf_labels_many)
		vm_exec_batch(NULL, NULL, 0, NULL);
#endif
	/* every target inside the program (vm_run trusts it; we check) */
	int backward = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t t[2];
		int nt = vmf_succ(p, i, t);
		for (int j = 0; j < nt; j++) {
			if (t[j] < 0 || t[j] > (int64_t)n) { /* n: the guard */
				err_set(err, (int)i, (int)i, "jump target outside the program");
				return NULL;
			}
			if (t[j] <= (int64_t)i)
				backward = 1;
		}
	}
	/* what runs is the program vm_simplify makes of p (vm_simplify.c),
	 * or a copy of p for a few packets */
	struct bpf_insn *q = NULL;
	int simplify = packets == 0 || packets / VMF_SIMPLIFY_PACKETS >= n;
	if (simplify ? vm_simplify(p, n, &q, &n) < 0 : !(q = malloc(n * sizeof *q))) {
		err_set(err, 0, 0, "out of memory");
		return NULL;
	}
	if (!simplify)
		memcpy(q, p, n * sizeof *q);
	int uses_mem = vmf_uses_mem(q, n);
	size_t m = (size_t)uses_mem + n + 1; /* one copy: prologue, program, guard */
	struct vm_prog *vp = calloc(1, sizeof *vp + 2 * m * sizeof vp->ins[0]);
	uint64_t *lo = malloc(n * sizeof *lo);
	uint8_t *safe = malloc(n);
	if (!vp || !lo || !safe) {
		err_set(err, 0, 0, "out of memory");
		free(vp);
		vp = NULL;
		goto out;
	}
	vp->m = m;
	vp->orig = p;
	vp->first = vmf_first(q, n);
	/* unchecked: the loads vmf_bounds proves, none with a backward jump */
	if (backward)
		memset(safe, 0, n);
	else
		vmf_bounds(q, n, lo, safe);
	vmf_decode(q, n, safe, vmf_labels_one, vp->ins, uses_mem);
	vmf_decode(q, n, safe, vmf_labels_many, vp->ins + m, uses_mem);
out:
	free(q);
	free(lo);
	free(safe);
	return vp;
}

void vm_prog_free(struct vm_prog *vp)
{
	free(vp);
}
