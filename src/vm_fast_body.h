/* vm_fast_body.h: the handlers of vm_fast.c's interpreter, included by
 * its two entry functions: vm_exec (one packet per call) and
 * vm_exec_batch (a batch in one call).  Two copies of the code
 * so that each is as lean as it can be: a batch loop made vm_exec 1-2 ns
 * slower per packet (bench_vm), and a batch made of single calls pays the
 * call and prologue per packet.  The includer defines, with A, X, pc, pkt,
 * caplen and mem in scope:
 *   VMF_END(v)    end the program with verdict v
 *   VMF_WIRELEN   the packet's length on the wire
 *   VM_FAIL       (vm.h) end the program with 0
 * and then jumps to the first instruction's handler.  Not a header of
 * its own: it has no include guard on purpose. */

#define NEXT goto *(++pc)->op
/* Two indirect jumps, not one after a select: the compiler would make the
 * select a cmov, so the next handler's address waited on the comparison;
 * as branches, the taken side is predicted and each side's jump has its
 * own prediction history. */
#define JUMP(cond)                                                             \
	do {                                                                   \
		if (cond) {                                                    \
			pc = pc->jt;                                           \
			goto *pc->op;                                          \
		}                                                              \
		pc = pc->jf;                                                   \
		goto *pc->op;                                                  \
	} while (0)
	goto *pc->op;

	/* --- returns ------------------------------------------------------ */
vmf_RET_K:
	VMF_END(pc->k);
vmf_RET_A:
	VMF_END(A);
vmf_INVALID: /* not an opcode, or past the last instruction: reject */
	VMF_END(0);

	/* --- packet loads, as vm_run's (vm.h).  U_*: at a constant offset
	 * vm_prepare proved in bounds. */
#define LOAD_LD_W_ABS VM_LOAD_ABS(4, vm_be32)
#define LOAD_LD_H_ABS VM_LOAD_ABS(2, vm_be16)
#define LOAD_LD_B_ABS VM_LOAD_ABS(1, vm_u8)
#define LOAD_U_W A = vm_be32(pkt + pc->k)
#define LOAD_U_H A = vm_be16(pkt + pc->k)
#define LOAD_U_B A = pkt[pc->k]
#define LOAD_LD_W_IND VM_LOAD_IND(4, vm_be32)
#define LOAD_LD_H_IND VM_LOAD_IND(2, vm_be16)
#define LOAD_LD_B_IND VM_LOAD_IND(1, vm_u8)
#define LOAD_ALU_AND_K A &= pc->k
#define LOAD_NOLOAD (void)0
/* ldxb 4*([k1]&0xf); ld [x + k2] with k = k1 | k2 << 16 */
#define LOAD_MSH_IND(size, get)                                                \
	{                                                                      \
		uint32_t k1_ = pc->k & 0xffff, k2_ = pc->k >> 16;              \
		if (k1_ >= caplen)                                             \
			VM_FAIL;                                               \
		X = (uint32_t)(pkt[k1_] & 0xf) << 2;                           \
		if ((uint64_t)X + k2_ + (size) > caplen)                       \
			VM_FAIL;                                               \
		A = get(pkt + X + k2_);                                        \
	}
#define LOAD_MSH_W_IND LOAD_MSH_IND(4, vm_be32)
#define LOAD_MSH_H_IND LOAD_MSH_IND(2, vm_be16)
#define LOAD_MSH_B_IND LOAD_MSH_IND(1, vm_u8)
#define VMF_LOAD_HANDLER(l) vmf_##l: { LOAD_##l; NEXT; }
	VMF_LOADS(VMF_LOAD_HANDLER)
#undef VMF_LOAD_HANDLER

vmf_LDX_MSH: /* ldxb 4*([k]&0xf) */
	if (pc->k >= caplen)
		VM_FAIL;
	X = (uint32_t)(pkt[pc->k] & 0xf) << 2;
	NEXT;
vmf_LDX_MSHU:
	X = (uint32_t)(pkt[pc->k] & 0xf) << 2;
	NEXT;

	/* --- a load (or and #k) and the jump after it: A is set as by the two */
#define COND_JEQ (A == pc->v)
#define COND_JGT (A > pc->v)
#define COND_JGE (A >= pc->v)
#define COND_JSET ((A & pc->v) != 0)
	/* TR, FR, BR: the side's target is a `ret #k`, ended here */
#define TO_NN_T pc = pc->jt; goto *pc->op
#define TO_NN_F pc = pc->jf; goto *pc->op
#define TO_TR_T VMF_END(pc->rt)
#define TO_TR_F TO_NN_F
#define TO_FR_T TO_NN_T
#define TO_FR_F VMF_END(pc->rf)
#define TO_BR_T TO_TR_T
#define TO_BR_F TO_FR_F
	/* The side to a `ret #k` is the likely one (most packets leave a
	 * filter by the first test that fails): laid out straight, it
	 * returns without a taken branch. */
#define LIKELY_NN(c) (c)
#define LIKELY_TR(c) __builtin_expect((c), 1)
#define LIKELY_FR(c) __builtin_expect((c), 0)
#define LIKELY_BR(c) (c)
#define VMF_FUSED_HANDLER(l, j, r)                                             \
	vmf_##l##_##j##_##r: {                                                 \
		LOAD_##l;                                                      \
		if (LIKELY_##r(COND_##j)) {                                    \
			TO_##r##_T;                                            \
		}                                                              \
		TO_##r##_F;                                                    \
	}
	VMF_FUSED(VMF_FUSED_HANDLER)
#undef VMF_FUSED_HANDLER

	/* --- other loads ---------------------------------------------------- */
vmf_LD_W_LEN:
	A = VMF_WIRELEN;
	NEXT;
vmf_LDX_W_LEN:
	X = VMF_WIRELEN;
	NEXT;
vmf_LD_IMM:
	A = pc->k;
	NEXT;
vmf_LDX_IMM:
	X = pc->k;
	NEXT;
	/* scratch memory: vm_prepare masked k to 0..15, as vm_run does */
vmf_ZERO_MEM: /* the prologue of a program that uses it */
	memset(mem, 0, sizeof mem);
	NEXT;
vmf_LD_MEM:
	A = mem[pc->k];
	NEXT;
vmf_LDX_MEM:
	X = mem[pc->k];
	NEXT;
vmf_ST:
	mem[pc->k] = A;
	NEXT;
vmf_STX:
	mem[pc->k] = X;
	NEXT;

	/* --- ALU: isa_alu with a constant code, as in vm_run --------------- */
#define VMF_ALU(name, code, mnemonic, arg)                                     \
	vmf_##name:                                                            \
		VM_ALU_STEP(code)                                              \
		NEXT;
	ISA_ALU_OPCODES(VMF_ALU)
#undef VMF_ALU

	/* --- jumps, to absolute targets ------------------------------------- */
vmf_JA:
	pc = pc->jt;
	goto *pc->op;
vmf_JEQ_K:
	JUMP(A == pc->k);
vmf_JGT_K:
	JUMP(A > pc->k);
vmf_JGE_K:
	JUMP(A >= pc->k);
vmf_JSET_K:
	JUMP((A & pc->k) != 0);
vmf_JEQ_X:
	JUMP(A == X);
vmf_JGT_X:
	JUMP(A > X);
vmf_JGE_X:
	JUMP(A >= X);
vmf_JSET_X:
	JUMP((A & X) != 0);

vmf_TAX:
	X = A;
	NEXT;
vmf_TXA:
	A = X;
	NEXT;

#undef NEXT
#undef JUMP
#undef TO_NN_T
#undef TO_NN_F
#undef TO_TR_T
#undef TO_TR_F
#undef TO_FR_T
#undef TO_FR_F
#undef TO_BR_T
#undef TO_BR_F
#undef LIKELY_NN
#undef LIKELY_TR
#undef LIKELY_FR
#undef LIKELY_BR
