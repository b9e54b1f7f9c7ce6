/* vm.c: the classic BPF validator and interpreter (ours; libpcap is only
 * the oracle the tests compare against).
 *
 * Contract.  vm_validate accepts a program only if both libpcap's
 * bpf_validate (1.10.3) and the Linux kernel's classic BPF checker
 * (bpf_check_classic + check_load_and_stores in net/core/filter.c) accept
 * it, so it is never weaker than either.  It is stricter than libpcap's in
 * exactly the places the kernel is (each is a `reject` below with its
 * reason; the unit tests pin each one):
 *   - opcodes: only the 49 that have a meaning (the kernel's table);
 *     libpcap 1.10.3 accepts e.g. `ld` with size bits 0x18, any MISC or
 *     RET code, and its own bpf_filter then abort()s on them;
 *   - `lsh #k` / `rsh #k` with k >= 32 (C undefined behaviour in libpcap);
 *   - backward `ja` (libpcap computes i + 1 + k in 32 bits, so a
 *     negative k that lands inside the program passes there; libpcap
 *     itself emits such jumps for `protochain`);
 *   - reading M[i] on a path where it may not have been written: libpcap
 *     1.10.3's scratch memory is uninitialised stack, so such a program has
 *     no defined result;
 *   - absolute loads at k >= SKF_AD_OFF that are not a known Linux
 *     ancillary load.
 * Known ancillary loads (k = SKF_AD_OFF + 0, 4, ..., 60) pass, as in the
 * kernel; outside the kernel they are simply out of bounds, so vm_run
 * returns 0 for them, as libpcap's bpf_filter does without aux data.
 *
 * vm_run executes a validated program with libpcap's userland bpf_filter
 * semantics: a load outside [0, caplen) ends the program with 0, as does
 * division or modulo by X == 0.  It trusts the program (as bpf_filter
 * does): it has no length, so an unvalidated program may run off its end.
 * It never reads outside the packet and never evaluates undefined C.  It
 * also runs what libpcap compiles for `protochain`, which our validator
 * (like the kernel) rejects for its backward `ja`: vm_run sign-extends
 * the offset as bpf_filter does, so such programs give libpcap's results
 * (callers that run libpcap's programs, like `bpfx check`, rely on it).
 */
#include "vm.h"
#include "error.h"
#include "isa.h"
#include <stdbool.h>
#include <string.h>

#define VM_FAIL return 0 /* vm.h's loads and ALU: end the program with 0 */

/* ---------------------------------------------------------------------
 * Validator
 * ------------------------------------------------------------------- */

/* Everything that can be said about instruction i alone (and its jump
 * targets): the kernel's per-instruction loop in bpf_check_classic. */
static int vm_check_insn(const struct bpf_insn *p, size_t n, size_t i,
			 struct bpfx_error *err)
{
	const struct bpf_insn *in = &p[i];
	int at = (int)i;

	/* isa.h's ISA_OPCODES: the kernel's chk_code_allowed set */
	if (!isa_op(in->code))
		return err_set(err, at, at, "unknown opcode 0x%x", in->code);
	/* The kernel refuses these constants; libpcap 1.10.3 accepts the
	 * shifts (see isa_alu for what bpf_filter does with them). */
	switch (isa_k_check(in->code, in->k)) {
	case ISA_K_OK:
		break;
	case ISA_K_ZERO_DIVISOR:
		return err_set(err, at, at, "%s by constant 0",
			       BPF_OP(in->code) == BPF_DIV ? "division" : "modulo");
	case ISA_K_WIDE_SHIFT:
		return err_set(err, at, at, "shift by constant %u, more than 31", in->k);
	}

	switch (in->code) {
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
		if (in->k >= BPF_MEMWORDS)
			return err_set(err, at, at,
				       "M[%u] is outside scratch memory M[0]..M[%d]",
				       in->k, BPF_MEMWORDS - 1);
		break;
	case BPF_LD | BPF_W | BPF_ABS:
	case BPF_LD | BPF_H | BPF_ABS:
	case BPF_LD | BPF_B | BPF_ABS:
		if (in->k >= ISA_SKF_AD_OFF && !isa_ancillary_at(in->k))
			return err_set(err, at, at,
				       "unknown ancillary load at offset 0x%x", in->k);
		break;
	case BPF_JMP | BPF_JA:
		/* Target i + 1 + k, computed without wrapping, so every
		 * backward jump is rejected, as the kernel does.  libpcap
		 * emits them for `protochain` (and its bpf_validate lets them
		 * through because its i + 1 + k wraps). */
		if ((int32_t)in->k < 0)
			return err_set(err, at, at,
				       "backward ja (offset %d): jumps must go forward",
				       (int32_t)in->k);
		if (in->k >= n - i - 1)
			return err_set(err, at, at,
				       "ja target %llu is past the end (%zu instructions)",
				       (unsigned long long)i + 1 + in->k, n);
		break;
	default:
		if (BPF_CLASS(in->code) == BPF_JMP) {
			/* jt, jf are 8 bits: i + 1 + 255 cannot wrap. */
			size_t t = i + 1 + in->jt, f = i + 1 + in->jf;
			if (t >= n)
				return err_set(err, at, at,
					       "jt target %zu is past the end (%zu instructions)", t, n);
			if (f >= n)
				return err_set(err, at, at,
					       "jf target %zu is past the end (%zu instructions)", f, n);
		}
		break;
	}
	return 0;
}

/* Reject a read of M[k] on any path where M[k] may be unwritten: the
 * kernel's check_load_and_stores, with its imprecision kept on purpose so
 * that we never accept what it rejects.  `valid` is the set of written
 * cells on the fall-through path; a jump intersects it into its targets'
 * entry sets and leaves the fall-through unconstrained (~0), but `ret`
 * does not (so code after a ret sees the ret's set intersected with its
 * jump-in sets: conservative, never unsafe). */
static int vm_check_scratch(const struct bpf_insn *p, size_t n, struct bpfx_error *err)
{
	uint16_t entry[VM_MAXINSNS];
	uint16_t valid = 0;

	memset(entry, 0xff, n * sizeof entry[0]);
	for (size_t i = 0; i < n; i++) {
		const struct bpf_insn *in = &p[i];
		valid &= entry[i];
		switch (in->code) {
		case BPF_ST:
		case BPF_STX:
			valid |= (uint16_t)(1u << in->k);
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			if (!(valid & (1u << in->k)))
				return err_set(err, (int)i, (int)i,
					       "M[%u] may be read before it is written", in->k);
			break;
		case BPF_JMP | BPF_JA:
			entry[i + 1 + in->k] &= valid;
			valid = 0xffff;
			break;
		default:
			if (BPF_CLASS(in->code) == BPF_JMP) {
				entry[i + 1 + in->jt] &= valid;
				entry[i + 1 + in->jf] &= valid;
				valid = 0xffff;
			}
			break;
		}
	}
	return 0;
}

int vm_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err)
{
	if (n == 0)
		return err_set(err, 0, 0, "empty program: at least a ret is needed");
	if (n > VM_MAXINSNS)
		return err_set(err, VM_MAXINSNS, VM_MAXINSNS,
			       "%zu instructions, more than %d", n, VM_MAXINSNS);
	for (size_t i = 0; i < n; i++)
		if (vm_check_insn(p, n, i, err) < 0)
			return -1;
	if (BPF_CLASS(p[n - 1].code) != BPF_RET)
		return err_set(err, (int)(n - 1), (int)(n - 1),
			       "last instruction is not a ret");
	return vm_check_scratch(p, n, err);
}

/* ---------------------------------------------------------------------
 * Interpreter
 * ------------------------------------------------------------------- */


/* Dispatch, over isa.h's ISA_OPCODES (the one opcode list: here it
 * makes the dispatch table, or without computed goto the case labels).
 * With GCC or Clang each handler ends in its own indirect jump
 * through a 256-entry table (direct threading: no loop back-edge, no range
 * check, one branch-predictor slot per handler).  Elsewhere the same
 * handlers are the cases of a switch in a loop.  Validated programs only
 * have codes < 0x100, so the table index is the code masked to 8 bits. */
#if defined(__GNUC__) && !defined(VM_NO_COMPUTED_GOTO)
#define VM_THREADED 1
#define VM_CASE(name) vm_op_##name
#define VM_INVALID vm_op_invalid
#define VM_NEXT goto *vm_dispatch[(++pc)->code & 0xff]
#else
#define VM_THREADED 0
#define VM_CASE(name) case VM_CODE_##name
#define VM_INVALID default
#define VM_NEXT continue
#define VM_ENUM(name, code, mnemonic, arg) VM_CODE_##name = (code),
enum { ISA_OPCODES(VM_ENUM) };
#endif

uint32_t vm_run(const struct bpf_insn *p, const uint8_t *pkt, uint32_t wirelen,
		uint32_t caplen)
{
	uint32_t A = 0, X = 0, k;
	/* Zeroed although the validator guarantees every M[k] is written
	 * before it is read: results never depend on stack garbage. */
	uint32_t mem[BPF_MEMWORDS] = {0};
	const struct bpf_insn *pc = p;

#if VM_THREADED
	/* Initializers after the [0 ... 255] default override it on purpose. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#define VM_LABEL(name, code, mnemonic, arg) [code] = &&vm_op_##name,
	static const void *const vm_dispatch[256] = {
		[0 ... 255] = &&vm_op_invalid,
		ISA_OPCODES(VM_LABEL)
	};
#pragma GCC diagnostic pop
	goto *vm_dispatch[pc->code & 0xff];
#else
	for (;; pc++)
		switch (pc->code) {
#endif

	/* --- returns ---------------------------------------------------- */
	VM_CASE(RET_K): /* ret #k: accept k bytes (0 rejects). */
		return pc->k;
	VM_CASE(RET_A): /* ret a */
		return A;

	/* --- packet loads: [k] and [x + k], checked as vm.h says ---------- */
#define VM_LOAD(name, at, size, get)                                           \
	VM_CASE(name): {                                                       \
		VM_LOAD_##at(size, get);                                       \
		VM_NEXT;                                                       \
	}
	VM_LOAD(LD_W_ABS, ABS, 4, vm_be32) /* ld [k]: A = 32-bit big-endian word at k */
	VM_LOAD(LD_H_ABS, ABS, 2, vm_be16) /* ldh [k]: A = 16-bit big-endian halfword at k */
	/* ldb [k]: A = byte at k.  Linux ancillary offsets (k >= SKF_AD_OFF)
	 * land here and, like any k >= caplen, reject: libpcap's userland
	 * filter has no aux data either. */
	VM_LOAD(LD_B_ABS, ABS, 1, vm_u8)
	VM_LOAD(LD_W_IND, IND, 4, vm_be32) /* ld [x + k] */
	VM_LOAD(LD_H_IND, IND, 2, vm_be16) /* ldh [x + k] */
	VM_LOAD(LD_B_IND, IND, 1, vm_u8)   /* ldb [x + k] */
#undef VM_LOAD
	VM_CASE(LDX_MSH): /* ldxb 4*([k]&0xf): X = IPv4 header length
			   * from the IHL nibble at k; out of bounds rejects. */
		k = pc->k;
		if (k >= caplen)
			return 0;
		X = (uint32_t)(pkt[k] & 0xf) << 2;
		VM_NEXT;

	/* --- other loads --------------------------------------------------- */
	VM_CASE(LD_W_LEN): /* ld #pktlen: the length on the wire, not caplen */
		A = wirelen;
		VM_NEXT;
	VM_CASE(LDX_W_LEN): /* ldx #pktlen */
		X = wirelen;
		VM_NEXT;
	VM_CASE(LD_IMM): /* ld #k */
		A = pc->k;
		VM_NEXT;
	VM_CASE(LDX_IMM): /* ldx #k */
		X = pc->k;
		VM_NEXT;
	/* Scratch memory: the validator guarantees k < 16 and that M[k] was
	 * written on every path here; the mask only keeps an unvalidated
	 * program inside mem[]. */
	VM_CASE(LD_MEM): /* ld M[k] */
		A = mem[pc->k & (BPF_MEMWORDS - 1)];
		VM_NEXT;
	VM_CASE(LDX_MEM): /* ldx M[k] */
		X = mem[pc->k & (BPF_MEMWORDS - 1)];
		VM_NEXT;
	VM_CASE(ST): /* st M[k] */
		mem[pc->k & (BPF_MEMWORDS - 1)] = A;
		VM_NEXT;
	VM_CASE(STX): /* stx M[k] */
		mem[pc->k & (BPF_MEMWORDS - 1)] = X;
		VM_NEXT;

	/* --- ALU: one handler per opcode, each computing isa_alu with its
	 * code a constant, so the compiler reduces it to the one operation.
	 * isa.h documents the edge cases (bpf_filter's): 32-bit wrapping;
	 * div or mod by 0 ends the program with 0 (by k only unvalidated);
	 * shifts by X >= 32 give 0, by k use k mod 32 (k >= 32 unvalidated). */
#define VM_ALU(name, code, mnemonic, arg)                                      \
	VM_CASE(name):                                                         \
		VM_ALU_STEP(code)                                              \
		VM_NEXT;
	ISA_ALU_OPCODES(VM_ALU)
#undef VM_ALU

	/* --- jumps: offsets count from the next instruction; the validator
	 * guarantees every target is inside the program and forward. ------ */
	VM_CASE(JA): /* Sign-extended, as libpcap does: validated programs
		      * only jump forward, but libpcap's own `protochain`
		      * code jumps back, and `bpfx check` runs libpcap's
		      * programs here too. */
		pc += (int32_t)pc->k;
		VM_NEXT;
	VM_CASE(JEQ_K):
		pc += A == pc->k ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JGT_K): /* unsigned comparison */
		pc += A > pc->k ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JGE_K):
		pc += A >= pc->k ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JSET_K): /* jset: any bit of k set in A */
		pc += (A & pc->k) ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JEQ_X):
		pc += A == X ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JGT_X):
		pc += A > X ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JGE_X):
		pc += A >= X ? pc->jt : pc->jf;
		VM_NEXT;
	VM_CASE(JSET_X):
		pc += (A & X) ? pc->jt : pc->jf;
		VM_NEXT;

	/* --- register moves ------------------------------------------------ */
	VM_CASE(TAX):
		X = A;
		VM_NEXT;
	VM_CASE(TXA):
		A = X;
		VM_NEXT;

	VM_INVALID: /* not an opcode (only reachable unvalidated): reject,
		     * where libpcap 1.10.3's bpf_filter would abort(). */
		return 0;
#if !VM_THREADED
		}
#endif
}
