/* vm_simplify.c: vm_prepare's first step — the program rewritten into an
 * equivalent, shorter one before it is pre-decoded, so that vm_exec runs
 * fewer instructions per packet.  Equivalent means: on every packet,
 * vm_run of the result returns what vm_run of the source returns
 * (tests/diff/vmdiff and fuzz_vm compare vm_exec, which runs the result,
 * against bpf_filter).
 *
 * Why: libpcap's unoptimized programs (and ours at --loose) reload the
 * same field before every test (`ldh [12]` four times in `ip6 and udp`),
 * test it again against constants whose outcome the first test decided,
 * and compute arithmetic through scratch memory (`ld #2; st M[0]; ldx
 * M[0]; ldh [x + 14]` is `ldh [16]`).  bpf_filter pays for all of it on
 * every packet; a pre-decoder can pay once.
 *
 * Three passes, repeated while the program shrinks (at most VMS_ROUNDS
 * times):
 *   1. vms_forward: one forward pass (jumps only go forward) keeping, per
 *      instruction, what is known on entry about A, X and M[0..15] on
 *      every path there (struct vms_val): a constant, and/or which pure
 *      function of the packet the register holds (a load at [k], at
 *      [x + k] with X = 4*([j]&0xf), the IHL nibble, the wire length).
 *      With it each instruction is rewritten: operands known constant
 *      become immediates (ldx M[0] -> ldx #2, ldh [x + 14] -> ldh [16]),
 *      an instruction that changes nothing is dropped (a reload of what A
 *      already holds: it succeeded before on this path, so it cannot fail
 *      now), and each jump's targets are threaded: followed past dropped
 *      instructions and past tests whose outcome the path already decides
 *      (after `jeq #0x800` is taken, a later `ldh [12]; jeq #0x86dd` is
 *      not).  Instructions no path reaches go.
 *   2. vms_dead: one backward pass over A, X and M liveness drops
 *      definitions nothing reads (an instruction that can end the program
 *      — a packet load, division by X — is kept: its check is behaviour).
 *   3. vms_compact: the dropped instructions removed, jumps renumbered
 *      (offsets only shrink, so 8-bit ones still fit).
 * A program with a backward ja (libpcap's protochain code), or longer than
 * VMS_MAX, is left as it is. */
#include "vm.h"
#include "isa.h"
#include <stdlib.h>
#include <string.h>

#define VMS_MAX (4 * VM_MAXINSNS) /* longer programs are left as they are */
#ifndef VMS_ROUNDS
#define VMS_ROUNDS 2 /* a third never shrank a program of bench_vm's */
#endif
#define VMS_THREAD_STEPS 64      /* instructions one jump edge is followed past */

/* Liveness bits: A, X, then M[0..15]. */
#define VMS_A 1u
#define VMS_X 2u
#define VMS_M(k) (4u << ((k) & (BPF_MEMWORDS - 1)))

/* Where a value comes from, when it is a pure function of the packet. */
enum vms_src {
	VMS_NONE,  /* unknown */
	VMS_LOAD,  /* a packet load `code` at k, or at X + k with X = MSH(xk) */
	VMS_MSH,   /* 4*([k]&0xf) */
	VMS_LEN,   /* the wire length */
	VMS_ID,    /* whatever instruction k computed (no loops: once a run) */
};

/* What is known of a register or memory word on entry to an instruction. */
struct vms_val {
	uint8_t hasc;  /* the value is c */
	uint8_t src;   /* enum vms_src: and/or it is this function of the packet */
	uint16_t code; /* VMS_LOAD: the load's opcode */
	uint32_t c, k, xk;
};

/* Facts about the packet on a path: a load (src) whose value a taken
 * `jeq` decided (c).  A later load of the same bytes is that constant. */
#define VMS_FACTS 8

/* Copied and met for every instruction, so what is unknown takes no
 * work: only facts[0..nfacts) and the m[j] whose bit is in mk are
 * meaningful (the others are unknown). */
struct vms_state {
	uint8_t reached;
	uint8_t nfacts;
	uint16_t mk;
	struct vms_val a, x;
	struct vms_val facts[VMS_FACTS];
	struct vms_val m[BPF_MEMWORDS];
};

static struct vms_val vms_const(uint32_t c)
{
	return (struct vms_val){.hasc = 1, .c = c};
}

static struct vms_val vms_from(enum vms_src src, uint16_t code, uint32_t k, uint32_t xk)
{
	return (struct vms_val){.src = (uint8_t)src, .code = code, .k = k, .xk = xk};
}

static int vms_same_src(struct vms_val a, struct vms_val b)
{
	return a.src != VMS_NONE && a.src == b.src && a.code == b.code && a.k == b.k && a.xk == b.xk;
}

/* a and b hold the same value at run time, whatever the packet. */
static int vms_same(struct vms_val a, struct vms_val b)
{
	return (a.hasc && b.hasc && a.c == b.c) || vms_same_src(a, b);
}

/* What holds on both of two paths. */
static struct vms_val vms_meet_val(struct vms_val a, struct vms_val b)
{
	struct vms_val r = {0};
	if (a.hasc && b.hasc && a.c == b.c)
		r.hasc = 1, r.c = a.c;
	if (vms_same_src(a, b))
		r.src = a.src, r.code = a.code, r.k = a.k, r.xk = a.xk;
	return r;
}

/* The fact s has about src's value, or NULL. */
static const struct vms_val *vms_fact(const struct vms_state *s, struct vms_val src)
{
	for (int f = 0; f < s->nfacts; f++)
		if (vms_same_src(s->facts[f], src))
			return &s->facts[f];
	return NULL;
}

static struct vms_val vms_mem(const struct vms_state *s, uint32_t j)
{
	return s->mk >> j & 1 ? s->m[j] : (struct vms_val){0};
}

static void vms_set_mem(struct vms_state *s, uint32_t j, struct vms_val v)
{
	s->m[j] = v;
	if (v.hasc || v.src != VMS_NONE)
		s->mk |= (uint16_t)(1u << j);
	else
		s->mk &= (uint16_t)~(1u << j);
}

static void vms_copy(struct vms_state *into, const struct vms_state *s)
{
	into->reached = s->reached;
	into->nfacts = s->nfacts;
	into->mk = s->mk;
	into->a = s->a;
	into->x = s->x;
	for (int f = 0; f < s->nfacts; f++)
		into->facts[f] = s->facts[f];
	for (uint32_t b = s->mk; b; b &= b - 1)
		into->m[__builtin_ctz(b)] = s->m[__builtin_ctz(b)];
}

static void vms_meet(struct vms_state *into, const struct vms_state *s)
{
	if (!into->reached) {
		vms_copy(into, s);
		into->reached = 1;
		return;
	}
	into->a = vms_meet_val(into->a, s->a);
	into->x = vms_meet_val(into->x, s->x);
	for (uint32_t b = into->mk & s->mk; b; b &= b - 1) {
		int j = __builtin_ctz(b);
		vms_set_mem(into, (uint32_t)j, vms_meet_val(into->m[j], s->m[j]));
	}
	into->mk &= s->mk;
	int kept = 0; /* the facts both paths have */
	for (int f = 0; f < into->nfacts; f++) {
		const struct vms_val *o = vms_fact(s, into->facts[f]);
		if (o && o->c == into->facts[f].c)
			into->facts[kept++] = into->facts[f];
	}
	into->nfacts = (uint8_t)kept;
}

static int vms_is_cond(uint16_t code)
{
	return BPF_CLASS(code) == BPF_JMP && code != ISA_JA;
}

/* The instruction with what s knows substituted: M[k], X or A known
 * constant become immediates, an indirect load at a constant X an
 * absolute one.  Shifts by X >= 32 and division by X == 0 keep X: their
 * K forms mean something else (isa_alu). */
static struct bpf_insn vms_canon(const struct vms_state *s, struct bpf_insn in)
{
	uint32_t j = in.k & (BPF_MEMWORDS - 1);
	switch (in.code) {
	case ISA_LD_MEM:
		if (vms_mem(s, j).hasc)
			return (struct bpf_insn){ISA_LD_IMM, 0, 0, s->m[j].c};
		in.k = j;
		return in;
	case ISA_LDX_MEM:
		if (vms_mem(s, j).hasc)
			return (struct bpf_insn){ISA_LDX_IMM, 0, 0, s->m[j].c};
		in.k = j;
		return in;
	case ISA_ST:
	case ISA_STX:
		in.k = j;
		return in;
	case ISA_TAX:
		return s->a.hasc ? (struct bpf_insn){ISA_LDX_IMM, 0, 0, s->a.c} : in;
	case ISA_TXA:
		return s->x.hasc ? (struct bpf_insn){ISA_LD_IMM, 0, 0, s->x.c} : in;
	case ISA_LD_W_IND:
	case ISA_LD_H_IND:
	case ISA_LD_B_IND:
		/* X + k in 64 bits, as the check: beyond 32 bits it always fails */
		if (s->x.hasc && (uint64_t)s->x.c + in.k <= UINT32_MAX)
			in = (struct bpf_insn){(uint16_t)(BPF_LD | BPF_SIZE(in.code) | BPF_ABS), 0, 0,
					       s->x.c + in.k};
		else if (s->x.src != VMS_MSH)
			return in;
		/* a load a taken test decided on this path (so it succeeded)
		 * is its constant */
		/* fall through */
	case ISA_LD_W_ABS:
	case ISA_LD_H_ABS:
	case ISA_LD_B_ABS: {
		const struct vms_val *f = vms_fact(s, vms_from(VMS_LOAD, in.code, in.k,
							 BPF_MODE(in.code) == BPF_IND ? s->x.k : 0));
		return f ? (struct bpf_insn){ISA_LD_IMM, 0, 0, f->c} : in;
	}
	}
	if (BPF_CLASS(in.code) == BPF_ALU && in.code != ISA_ALU_NEG && BPF_SRC(in.code) == BPF_X &&
	    s->x.hasc) {
		uint32_t op = BPF_OP(in.code), c = s->x.c;
		if (((op == BPF_DIV || op == BPF_MOD) && c == 0) ||
		    ((op == BPF_LSH || op == BPF_RSH) && c >= 32))
			return in;
		in = (struct bpf_insn){(uint16_t)(BPF_ALU | op | BPF_K), 0, 0, c};
	}
	if (BPF_CLASS(in.code) == BPF_ALU && s->a.hasc) {
		struct isa_result r = isa_alu(in.code, s->a.c, isa_src(in.code, in.k, s->x.c));
		if (r.fault == ISA_OK && (BPF_SRC(in.code) == BPF_K || in.code == ISA_ALU_NEG))
			return (struct bpf_insn){ISA_LD_IMM, 0, 0, r.value};
		return in;
	}
	if (vms_is_cond(in.code) && BPF_SRC(in.code) == BPF_X && s->x.hasc)
		return (struct bpf_insn){(uint16_t)(BPF_JMP | BPF_OP(in.code) | BPF_K), in.jt, in.jf,
					 s->x.c};
	return in;
}

/* An ALU instruction with a constant that leaves A as it is. */
static int vms_identity(struct bpf_insn in)
{
	switch (in.code) {
	case ISA_ALU_ADD_K: case ISA_ALU_SUB_K: case ISA_ALU_OR_K: case ISA_ALU_XOR_K:
		return in.k == 0;
	case ISA_ALU_LSH_K: case ISA_ALU_RSH_K: /* by k mod 32 (isa_alu) */
		return (in.k & 31) == 0;
	case ISA_ALU_MUL_K: case ISA_ALU_DIV_K:
		return in.k == 1;
	case ISA_ALU_AND_K:
		return in.k == 0xffffffff;
	default:
		return 0;
	}
}

/* A canonical instruction that changes nothing on a path where s holds,
 * and cannot end the program there. */
static int vms_noop(const struct vms_state *s, struct bpf_insn in)
{
	switch (in.code) {
	case ISA_LD_W_ABS: case ISA_LD_H_ABS: case ISA_LD_B_ABS:
		return vms_same_src(s->a, vms_from(VMS_LOAD, in.code, in.k, 0));
	case ISA_LD_W_IND: case ISA_LD_H_IND: case ISA_LD_B_IND:
		return s->x.src == VMS_MSH &&
		       vms_same_src(s->a, vms_from(VMS_LOAD, in.code, in.k, s->x.k));
	case ISA_LDX_MSH:
		return vms_same_src(s->x, vms_from(VMS_MSH, 0, in.k, 0));
	case ISA_LD_W_LEN:
		return s->a.src == VMS_LEN;
	case ISA_LDX_W_LEN:
		return s->x.src == VMS_LEN;
	case ISA_LD_IMM:
		return s->a.hasc && s->a.c == in.k;
	case ISA_LDX_IMM:
		return s->x.hasc && s->x.c == in.k;
	case ISA_LD_MEM:
	case ISA_ST:
		return vms_same(s->a, vms_mem(s, in.k));
	case ISA_LDX_MEM:
	case ISA_STX:
		return vms_same(s->x, vms_mem(s, in.k));
	case ISA_TAX:
	case ISA_TXA:
		return vms_same(s->a, s->x);
	case ISA_JA:
		return in.k == 0;
	default:
		return vms_identity(in);
	}
}

/* s after the canonical non-jump instruction in, instruction i. */
static void vms_step(struct vms_state *s, struct bpf_insn in, size_t i)
{
	struct vms_val id = vms_from(VMS_ID, 0, (uint32_t)i, 0);
	if (vms_noop(s, in))
		return;
	switch (in.code) {
	case ISA_LD_W_ABS: case ISA_LD_H_ABS: case ISA_LD_B_ABS:
		s->a = vms_from(VMS_LOAD, in.code, in.k, 0);
		return;
	case ISA_LD_W_IND: case ISA_LD_H_IND: case ISA_LD_B_IND:
		s->a = s->x.src == VMS_MSH ? vms_from(VMS_LOAD, in.code, in.k, s->x.k) : id;
		return;
	case ISA_LDX_MSH: s->x = vms_from(VMS_MSH, 0, in.k, 0); return;
	case ISA_LD_W_LEN: s->a = vms_from(VMS_LEN, 0, 0, 0); return;
	case ISA_LDX_W_LEN: s->x = vms_from(VMS_LEN, 0, 0, 0); return;
	case ISA_LD_IMM: s->a = vms_const(in.k); return;
	case ISA_LDX_IMM: s->x = vms_const(in.k); return;
	case ISA_LD_MEM: s->a = vms_mem(s, in.k); return;
	case ISA_LDX_MEM: s->x = vms_mem(s, in.k); return;
	case ISA_ST: vms_set_mem(s, in.k, s->a); return;
	case ISA_STX: vms_set_mem(s, in.k, s->x); return;
	case ISA_TAX: s->x = s->a; return;
	case ISA_TXA: s->a = s->x; return;
	default: /* ALU: vms_canon folded it if it could */
		s->a = id;
		return;
	}
}

/* The outcome of a canonical conditional jump on a constant A, or -1. */
static int vms_decided(const struct vms_state *s, struct bpf_insn in)
{
	if (!s->a.hasc || BPF_SRC(in.code) != BPF_K)
		return -1;
	uint32_t a = s->a.c;
	switch (BPF_OP(in.code)) {
	case BPF_JEQ: return a == in.k;
	case BPF_JGT: return a > in.k;
	case BPF_JGE: return a >= in.k;
	case BPF_JSET: return (a & in.k) != 0;
	default: return -1;
	}
}

/* s on the taken (jt) or not taken side of a canonical conditional jump:
 * `jeq #k` taken says A is k, and so is the load A came from. */
static void vms_branch(struct vms_state *s, struct bpf_insn in, int taken)
{
	if (!taken || in.code != ISA_JEQ_K)
		return;
	s->a.hasc = 1;
	s->a.c = in.k;
	if (s->a.src == VMS_LOAD && !vms_fact(s, s->a) && s->nfacts < VMS_FACTS)
		s->facts[s->nfacts++] = s->a;
}

/* A jump edge to t with s holding on it, followed past what changes
 * nothing and past tests s decides, no farther than limit (a conditional
 * jump's 8-bit reach).  Returns the final target; *s holds there.
 *
 * The path may also pass an `ld #c` (or a load a fact makes one) when a
 * test it decides comes next: `ld [26]; jeq #host` failing goes on to
 * `ldh [12]; jeq #0x800`, which [12]'s fact decides.  The edge then skips
 * a write to A, so it may end only where A is dead (live[], the liveness
 * of p): v is what the source would hold there, *s what the edge does. */
static size_t vms_thread(const struct bpf_insn *p, size_t n, size_t t, size_t limit,
			 const uint32_t *live, struct vms_state *s)
{
	/* *s is the source's state along the path as it goes (a path
	 * changes only A and appends facts); a and nf what the edge has at
	 * end, the last place it may stop */
	struct vms_val a = s->a;
	uint8_t nf = s->nfacts;
	int stale = 0; /* A on the edge is not s->a */
	size_t end = t;
	for (int step = 0; step < VMS_THREAD_STEPS && t < n; step++) {
		if (!isa_op(p[t].code))
			break;
		struct bpf_insn in = vms_canon(s, p[t]);
		size_t next;
		if (vms_noop(s, in)) {
			next = t + 1;
		} else if (in.code == ISA_JA) {
			next = t + 1 + in.k; /* forward: vm_simplify checked */
		} else if (vms_is_cond(in.code)) {
			int d = vms_decided(s, in);
			if (d < 0)
				break;
			next = t + 1 + (d ? in.jt : in.jf);
			vms_branch(s, in, d);
		} else if (in.code == ISA_LD_IMM && t + 1 < n && vms_is_cond(p[t + 1].code)) {
			s->a = vms_const(in.k);
			stale = 1;
			next = t + 1;
		} else {
			break;
		}
		if (next > limit)
			break;
		t = next;
		if (!stale || !(live[t] & VMS_A)) {
			a = stale ? (struct vms_val){0} : s->a;
			nf = s->nfacts;
			end = t;
		}
	}
	s->a = a;
	s->nfacts = nf;
	return end;
}

/* Pass 1: q[i] rewritten from what in[i] knows; del[i] set for what goes.
 * in[] has n + 1 entries (n: the guard after the program). */
static void vms_forward(struct bpf_insn *q, size_t n, uint8_t *del, const uint32_t *live,
			struct vms_state *in)
{
	for (size_t i = 0; i <= n; i++)
		in[i].reached = 0;
	/* A and X start at 0, as in vm_run.  M too, but a program that reads
	 * M before writing it is rare: not worth a state that knows all 16. */
	in[0].reached = 1;
	in[0].nfacts = 0;
	in[0].mk = 0;
	in[0].a = in[0].x = vms_const(0);
	for (size_t i = 0; i < n; i++) {
		struct vms_state *s = &in[i]; /* changed in place: no one meets into it now */
		del[i] = 0;
		if (!s->reached) {
			del[i] = 1;
			continue;
		}
		if (!isa_op(q[i].code)) /* vm_run rejects an unknown code */
			q[i] = (struct bpf_insn){ISA_RET_K, 0, 0, 0};
		if (BPF_CLASS(q[i].code) == BPF_RET)
			continue;
		struct bpf_insn c = vms_canon(s, q[i]);
		if (vms_noop(s, c)) {
			del[i] = 1;
			vms_meet(&in[i + 1], s);
			continue;
		}
		if (c.code == ISA_JA) {
			size_t t = vms_thread(q, n, i + 1 + c.k, n, live, s);
			c.k = (uint32_t)(t - (i + 1));
			vms_meet(&in[t], s);
		} else if (vms_is_cond(c.code)) {
			struct vms_state st, *sf = s;
			vms_copy(&st, s);
			int d = vms_decided(s, c);
			vms_branch(&st, c, 1);
			vms_branch(sf, c, 0);
			size_t lim = i + 1 + 255;
			size_t tt = d == 0 ? 0 : vms_thread(q, n, i + 1 + c.jt, d == 1 ? n : lim, live, &st);
			size_t tf = d == 1 ? 0 : vms_thread(q, n, i + 1 + c.jf, d == 0 ? n : lim, live, sf);
			if (d >= 0) { /* one way out: a ja */
				size_t t = d == 0 ? tf : tt;
				c = (struct bpf_insn){ISA_JA, 0, 0, (uint32_t)(t - (i + 1))};
				vms_meet(&in[t], d == 0 ? sf : &st);
			} else if (tt == tf) { /* both ways to one place */
				c = (struct bpf_insn){ISA_JA, 0, 0, (uint32_t)(tt - (i + 1))};
				vms_meet(&in[tt], &st);
				vms_meet(&in[tt], sf);
			} else {
				c.jt = (uint8_t)(tt - (i + 1));
				c.jf = (uint8_t)(tf - (i + 1));
				vms_meet(&in[tt], &st);
				vms_meet(&in[tf], sf);
			}
		} else {
			vms_step(s, c, i);
			vms_meet(&in[i + 1], s);
		}
		q[i] = c;
	}
}


/* What a kept instruction reads (*use) and writes (*def); returns 1 if it
 * may be dropped when nothing reads what it writes (it cannot end the
 * program). */
static int vms_effect(struct bpf_insn in, uint32_t *use, uint32_t *def)
{
	*use = *def = 0;
	switch (BPF_CLASS(in.code)) {
	case BPF_RET:
		*use = in.code == ISA_RET_A ? VMS_A : 0;
		return 0;
	case BPF_JMP:
		*use = in.code == ISA_JA ? 0 : VMS_A | (BPF_SRC(in.code) == BPF_X ? VMS_X : 0);
		return 0;
	case BPF_LD:
		*def = VMS_A;
		if (BPF_MODE(in.code) == BPF_IND)
			*use = VMS_X;
		if (BPF_MODE(in.code) == BPF_MEM)
			*use = VMS_M(in.k);
		return BPF_MODE(in.code) != BPF_ABS && BPF_MODE(in.code) != BPF_IND;
	case BPF_LDX:
		*def = VMS_X;
		if (BPF_MODE(in.code) == BPF_MEM)
			*use = VMS_M(in.k);
		return in.code != ISA_LDX_MSH;
	case BPF_ST:
		*use = VMS_A, *def = VMS_M(in.k);
		return 1;
	case BPF_STX:
		*use = VMS_X, *def = VMS_M(in.k);
		return 1;
	case BPF_ALU:
		*def = VMS_A;
		*use = VMS_A | (BPF_SRC(in.code) == BPF_X && in.code != ISA_ALU_NEG ? VMS_X : 0);
		/* division by a register that may be 0 ends the program */
		return BPF_SRC(in.code) == BPF_K || (BPF_OP(in.code) != BPF_DIV && BPF_OP(in.code) != BPF_MOD);
	case BPF_MISC:
		*def = in.code == ISA_TAX ? VMS_X : VMS_A;
		*use = in.code == ISA_TAX ? VMS_A : VMS_X;
		return 1;
	}
	return 0;
}

/* Pass 2: live[i], what instruction i or later may read; with drop,
 * definitions nothing reads join del[].  One backward pass is exact:
 * every successor comes later. */
static void vms_dead(const struct bpf_insn *q, size_t n, uint8_t *del, int drop, uint32_t *live)
{
	live[n] = 0; /* the guard rejects */
	for (size_t i = n; i-- > 0;) {
		if (del[i]) {
			live[i] = live[i + 1];
			continue;
		}
		uint32_t out = 0, use, def;
		if (q[i].code == ISA_JA)
			out = live[i + 1 + q[i].k];
		else if (vms_is_cond(q[i].code))
			out = live[i + 1 + q[i].jt] | live[i + 1 + q[i].jf];
		else if (BPF_CLASS(q[i].code) != BPF_RET)
			out = live[i + 1];
		int droppable = vms_effect(q[i], &use, &def);
		if (drop && droppable && !(out & def)) {
			del[i] = 1;
			live[i] = out;
			continue;
		}
		live[i] = (out & ~def) | use;
	}
}

/* Pass 3: q without del[]'s instructions; returns the new length.  map[t]
 * is where old instruction t's work continues: the first kept one at or
 * after t. */
static size_t vms_compact(struct bpf_insn *q, size_t n, const uint8_t *del, uint32_t *map)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!del[i])
			m++;
	map[n] = (uint32_t)m;
	for (size_t i = n; i-- > 0;)
		map[i] = del[i] ? map[i + 1] : map[i + 1] - 1;
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (del[i])
			continue;
		struct bpf_insn in = q[i];
		if (in.code == ISA_JA)
			in.k = map[i + 1 + in.k] - (map[i] + 1);
		else if (vms_is_cond(in.code)) {
			in.jt = (uint8_t)(map[i + 1 + in.jt] - (map[i] + 1));
			in.jf = (uint8_t)(map[i + 1 + in.jf] - (map[i] + 1));
		}
		q[w++] = in;
	}
	return w;
}

/* Whether vms_forward can find anything: scratch memory, constants or
 * register moves, or a packet load made twice (libpcap's optimizer
 * leaves none of these in most programs, and a program run by
 * bpfx_run_batch is prepared on every call). */
static int vms_worth(const struct bpf_insn *p, size_t n)
{
	if (n > 64)
		return 1;
	for (size_t i = 0; i < n; i++) {
		int cls = BPF_CLASS(p[i].code);
		if (cls == BPF_ST || cls == BPF_STX || cls == BPF_MISC || p[i].code == ISA_JA ||
		    (cls == BPF_ALU && BPF_SRC(p[i].code) == BPF_X) ||
		    ((cls == BPF_LD || cls == BPF_LDX) && (BPF_MODE(p[i].code) == BPF_MEM ||
							   BPF_MODE(p[i].code) == BPF_IMM)))
			return 1;
		if ((cls == BPF_LD && BPF_MODE(p[i].code) == BPF_ABS) || p[i].code == ISA_LDX_MSH)
			for (size_t j = 0; j < i; j++)
				if (p[j].code == p[i].code && p[j].k == p[i].k)
					return 1;
	}
	return 0;
}

/* A copy of p[0..n) simplified into *out (malloc'd, *out_n instructions).
 * p is a program vm_prepare accepted: every jump target inside it or at
 * the guard.  Returns 0, or -1 without memory. */
int vm_simplify(const struct bpf_insn *p, size_t n, struct bpf_insn **out, size_t *out_n)
{
	struct bpf_insn *q = malloc(n * sizeof *q);
	if (!q)
		return -1;
	memcpy(q, p, n * sizeof *q);
	*out = q;
	*out_n = n;
	if (n > VMS_MAX || !vms_worth(p, n))
		return 0;
	for (size_t i = 0; i < n; i++) /* backward ja: left as it is */
		if (p[i].code == ISA_JA && (int32_t)p[i].k < 0)
			return 0;
	struct vms_state *in = malloc((n + 1) * sizeof *in);
	uint8_t *del = malloc(n + 1);
	uint32_t *aux = malloc((n + 1) * sizeof *aux);
	if (!in || !del || !aux) {
		free(in);
		free(del);
		free(aux);
		return 0; /* the copy runs as well */
	}
	for (int round = 0; round < VMS_ROUNDS; round++) {
		size_t before = n;
		memset(del, 0, n + 1);
		vms_dead(q, n, del, 0, aux);
		vms_forward(q, n, del, aux, in);
		vms_dead(q, n, del, 1, aux);
		n = vms_compact(q, n, del, aux);
		if (n == before)
			break;
	}
	*out_n = n;
	free(in);
	free(del);
	free(aux);
	return 0;
}
