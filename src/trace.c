/* trace.c: a stepping interpreter for classic BPF.
 *
 * Contract: for any program and packet, trace_run's verdict equals
 * vm_run's.  The switch below is vm_run's, case for case (a load of size s
 * at o is in bounds iff o + s <= caplen, computed in 64 bits; ja
 * sign-extends its offset as bpf_filter does), and the ALU is the same
 * isa_alu (isa.h: division by zero returns 0, shifts by X >= 32 give 0,
 * constant shifts use k mod 32), with each step recorded instead of
 * dispatched through a table.  Unlike vm_run it
 * also guards against programs that were never validated: running off the
 * end, or looping through a backward ja, ends the run with 0. */
#include "trace.h"
#include "format.h"
#include "isa.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static int trace_push(struct trace *t, struct trace_step *s)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct trace_step *p = realloc(t->steps, cap * sizeof *p);
		if (!p)
			return -1;
		t->steps = p;
		t->cap = cap;
	}
	t->steps[t->n++] = *s;
	return 0;
}

/* Read size bytes at off into *v; 0, or -1 if past caplen. */
static int trace_load(struct trace_step *s, const uint8_t *pkt, uint32_t caplen, uint64_t off,
		      uint32_t size, uint32_t *v)
{
	s->read = 1;
	s->read_off = (uint32_t)off;
	s->read_len = size;
	if (off + size > caplen)
		return -1;
	uint32_t r = 0;
	for (uint32_t i = 0; i < size; i++)
		r = r << 8 | pkt[off + i];
	s->read_val = r;
	*v = r;
	return 0;
}

/* One step: update s (registers, memory, next pc).  Returns 1 when the
 * run ends (t->end and t->verdict set), else 0. */
static int trace_step(struct trace *t, struct trace_step *s, uint32_t mem[BPF_MEMWORDS],
		      const uint8_t *pkt, uint32_t wirelen, uint32_t caplen)
{
	const struct bpf_insn *in = &s->insn;
	uint32_t A = s->a, X = s->x, k = in->k, v;
	int cond = -1;
	s->next = s->pc + 1;

#define END(why, val) do { t->end = (why); t->verdict = (val); s->a = A; s->x = X; return 1; } while (0)
	switch (in->code) {
	case BPF_RET | BPF_K: END(TRACE_RET, k);
	case BPF_RET | BPF_A: END(TRACE_RET, A);

	/* [k] and [x + k], of any width: past the capture ends with 0 */
	case BPF_LD | BPF_W | BPF_ABS: case BPF_LD | BPF_H | BPF_ABS: case BPF_LD | BPF_B | BPF_ABS:
	case BPF_LD | BPF_W | BPF_IND: case BPF_LD | BPF_H | BPF_IND: case BPF_LD | BPF_B | BPF_IND:
		if (trace_load(s, pkt, caplen, BPF_MODE(in->code) == BPF_IND ? (uint64_t)X + k : k,
			       isa_load_bytes(in->code), &v))
			END(TRACE_OOB, 0);
		A = v;
		break;
	case BPF_LDX | BPF_B | BPF_MSH: /* X = 4 * (low nibble of [k]) */
		if (trace_load(s, pkt, caplen, k, 1, &v)) END(TRACE_OOB, 0);
		X = (v & 0xf) << 2;
		break;
	case BPF_LD | BPF_W | BPF_LEN: A = wirelen; break;
	case BPF_LDX | BPF_W | BPF_LEN: X = wirelen; break;
	case BPF_LD | BPF_IMM: A = k; break;
	case BPF_LDX | BPF_IMM: X = k; break;
	/* the mask keeps an unvalidated k inside mem[], as vm_run does */
	case BPF_LD | BPF_MEM:
		s->mem_read = (int)(k & (BPF_MEMWORDS - 1));
		A = s->mem_value = mem[s->mem_read];
		break;
	case BPF_LDX | BPF_MEM:
		s->mem_read = (int)(k & (BPF_MEMWORDS - 1));
		X = s->mem_value = mem[s->mem_read];
		break;
	case BPF_ST:
		s->mem_write = (int)(k & (BPF_MEMWORDS - 1));
		mem[s->mem_write] = s->mem_value = A;
		break;
	case BPF_STX:
		s->mem_write = (int)(k & (BPF_MEMWORDS - 1));
		mem[s->mem_write] = s->mem_value = X;
		break;

	case BPF_JMP | BPF_JA:
		s->branch = TRACE_JA;
		s->next = s->pc + 1 + (uint32_t)(int32_t)k; /* sign-extended */
		break;
	case BPF_JMP | BPF_JEQ | BPF_K: cond = A == k; break;
	case BPF_JMP | BPF_JGT | BPF_K: cond = A > k; break;
	case BPF_JMP | BPF_JGE | BPF_K: cond = A >= k; break;
	case BPF_JMP | BPF_JSET | BPF_K: cond = (A & k) != 0; break;
	case BPF_JMP | BPF_JEQ | BPF_X: cond = A == X; break;
	case BPF_JMP | BPF_JGT | BPF_X: cond = A > X; break;
	case BPF_JMP | BPF_JGE | BPF_X: cond = A >= X; break;
	case BPF_JMP | BPF_JSET | BPF_X: cond = (A & X) != 0; break;

	case BPF_MISC | BPF_TAX: X = A; break;
	case BPF_MISC | BPF_TXA: A = X; break;
	default: { /* the ALU, as vm_run computes it (isa.h), or not an opcode */
		struct isa_result r = isa_alu(in->code, A, isa_src(in->code, k, X));
		if (r.fault == ISA_DIV_ZERO)
			END(TRACE_DIVZERO, 0);
		if (r.fault != ISA_OK)
			END(TRACE_BADOP, 0);
		A = r.value;
		break;
	}
	}
#undef END
	if (cond >= 0) {
		s->branch = cond ? TRACE_JT : TRACE_JF;
		s->next = s->pc + 1 + (cond ? in->jt : in->jf);
	}
	s->a = A;
	s->x = X;
	return 0;
}

int trace_run(const struct bpf_insn *p, size_t n, const uint8_t *pkt, uint32_t wirelen,
	      uint32_t caplen, struct trace *t)
{
	uint32_t mem[BPF_MEMWORDS] = {0};
	struct trace_step s = { .pc = 0 };
	memset(t, 0, sizeof *t);
	t->caplen = caplen;
	t->wirelen = wirelen;
	for (;;) {
		if (s.pc >= n) { /* only an unvalidated program gets here */
			t->end = TRACE_OFFEND;
			t->verdict = 0;
			return 0;
		}
		if (t->n >= TRACE_MAXSTEPS) {
			t->end = TRACE_TOOLONG;
			t->verdict = 0;
			return 0;
		}
		s.insn = p[s.pc];
		s.mem_write = s.mem_read = -1;
		s.read = 0;
		s.branch = TRACE_NOBRANCH;
		int done = trace_step(t, &s, mem, pkt, wirelen, caplen);
		if (trace_push(t, &s) < 0)
			return -1;
		if (done)
			return 0;
		s.pc = s.next;
	}
}

void trace_free(struct trace *t)
{
	free(t->steps);
	memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------------
 * Printing
 * ------------------------------------------------------------------- */

static const char *const trace_cmp[] = {
	[BPF_JEQ >> 4] = "==", [BPF_JGT >> 4] = ">", [BPF_JGE >> 4] = ">=", [BPF_JSET >> 4] = "&",
};

void trace_verdict_text(char *buf, size_t size, const struct trace *t)
{
	const struct trace_step *s = t->n ? &t->steps[t->n - 1] : NULL;
	unsigned pc = s ? s->pc : 0;
	switch (t->end) {
	case TRACE_RET:
		if (t->verdict)
			snprintf(buf, size, "accept: ret at (%03u) returns %" PRIu32 " (keep up to %" PRIu32
				 " bytes of the packet)", pc, t->verdict, t->verdict);
		else
			snprintf(buf, size, "reject: ret at (%03u) returns 0", pc);
		break;
	case TRACE_OOB:
		snprintf(buf, size, "reject: (%03u) reads bytes %" PRIu32 "..%" PRIu64 ", past the %" PRIu32
			 " captured bytes: the program ends and returns 0", pc, s->read_off,
			 (uint64_t)s->read_off + s->read_len - 1, t->caplen);
		break;
	case TRACE_DIVZERO:
		snprintf(buf, size, "reject: (%03u) divides by zero: the program ends and returns 0", pc);
		break;
	case TRACE_BADOP:
		snprintf(buf, size, "reject: (%03u) is not an instruction (code 0x%x): returns 0", pc, s->insn.code);
		break;
	case TRACE_OFFEND:
		snprintf(buf, size, "reject: ran past the last instruction: returns 0");
		break;
	case TRACE_TOOLONG:
		snprintf(buf, size, "reject: more than %d steps (a backward jump loops): returns 0",
			 TRACE_MAXSTEPS);
		break;
	}
}

/* What the step did, after the registers: bytes read, memory, branch. */
void trace_note(char *buf, size_t size, const struct trace *t, const struct trace_step *s, int last)
{
	size_t n = 0;
	buf[0] = 0;
#define ADD(...) do { if (n < size) n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); } while (0)
	if (s->read) {
		if (last && t->end == TRACE_OOB)
			ADD("read [%" PRIu32 ":%" PRIu32 "]: past caplen %" PRIu32, s->read_off, s->read_len, t->caplen);
		else if (s->read_len == 1)
			ADD("read [%" PRIu32 "] = 0x%02" PRIx32, s->read_off, s->read_val);
		else
			ADD("read [%" PRIu32 ":%" PRIu32 "] = 0x%0*" PRIx32, s->read_off, s->read_len,
			    (int)s->read_len * 2, s->read_val);
		if (s->insn.code == (BPF_LDX | BPF_B | BPF_MSH) && !(last && t->end == TRACE_OOB))
			ADD(", x = 4*(0x%" PRIx32 "&0xf) = %" PRIu32, s->read_val, s->x);
	}
	if (s->mem_write >= 0)
		ADD("%sM[%d] <- 0x%" PRIx32, n ? "; " : "", s->mem_write, s->mem_value);
	if (s->mem_read >= 0)
		ADD("%sM[%d] = 0x%" PRIx32, n ? "; " : "", s->mem_read, s->mem_value);
	if (s->branch == TRACE_JT || s->branch == TRACE_JF) {
		uint32_t rhs = BPF_SRC(s->insn.code) == BPF_X ? s->x : s->insn.k;
		const char *op = trace_cmp[BPF_OP(s->insn.code) >> 4];
		ADD("%s0x%" PRIx32 " %s 0x%" PRIx32 "%s: %s -> %03u", n ? "; " : "", s->a, op, rhs,
		    BPF_OP(s->insn.code) == BPF_JSET ? " != 0" : "", s->branch == TRACE_JT ? "true, jt" : "false, jf",
		    s->next);
	} else if (s->branch == TRACE_JA) {
		ADD("%sjump -> %03u", n ? "; " : "", s->next);
	}
#undef ADD
}

void trace_print(FILE *f, const struct trace *t)
{
	char insn[128], note[256];
	fprintf(f, "%-50s %-11s %-11s %s\n", "step  instruction", "A", "X", "effect");
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_step *s = &t->steps[i];
		fmt_insn(insn, sizeof insn, &s->insn, (int)s->pc);
		for (char *c = insn; *c; c++)
			if (*c == '\t')
				*c = ' ';
		trace_note(note, sizeof note, t, s, i + 1 == t->n);
		char a[16], x[16];
		snprintf(a, sizeof a, "0x%" PRIx32, s->a);
		snprintf(x, sizeof x, "0x%" PRIx32, s->x);
		fprintf(f, "%4zu  %-44s %-11s %-11s %s\n", i + 1, insn, a, x, note);
	}
	char v[256];
	trace_verdict_text(v, sizeof v, t);
	fprintf(f, "verdict: %s\n", v);
}

void trace_print_json(FILE *f, const struct trace *t)
{
	static const char *const ends[] = {
		[TRACE_RET] = "ret", [TRACE_OOB] = "out_of_bounds", [TRACE_DIVZERO] = "division_by_zero",
		[TRACE_BADOP] = "bad_opcode", [TRACE_OFFEND] = "off_the_end", [TRACE_TOOLONG] = "too_many_steps",
	};
	static const char *const br[] = { "", "jt", "jf", "ja" };
	char insn[128];
	fprintf(f, "{\"caplen\":%" PRIu32 ",\"wirelen\":%" PRIu32 ",\"steps\":[", t->caplen, t->wirelen);
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_step *s = &t->steps[i];
		fmt_insn(insn, sizeof insn, &s->insn, (int)s->pc);
		fprintf(f, "%s\n{\"pc\":%u,\"insn\":", i ? "," : "", s->pc);
		fmt_json_str(f, insn);
		fprintf(f, ",\"code\":%u,\"jt\":%u,\"jf\":%u,\"k\":%" PRIu32 ",\"A\":%" PRIu32 ",\"X\":%" PRIu32,
			s->insn.code, s->insn.jt, s->insn.jf, s->insn.k, s->a, s->x);
		if (s->read) {
			fprintf(f, ",\"read\":{\"offset\":%" PRIu32 ",\"size\":%" PRIu32, s->read_off, s->read_len);
			if (i + 1 == t->n && t->end == TRACE_OOB)
				fputs(",\"in_bounds\":false}", f);
			else
				fprintf(f, ",\"in_bounds\":true,\"value\":%" PRIu32 "}", s->read_val);
		}
		if (s->mem_write >= 0)
			fprintf(f, ",\"mem_write\":{\"index\":%d,\"value\":%" PRIu32 "}", s->mem_write, s->mem_value);
		if (s->mem_read >= 0)
			fprintf(f, ",\"mem_read\":{\"index\":%d,\"value\":%" PRIu32 "}", s->mem_read, s->mem_value);
		if (s->branch != TRACE_NOBRANCH)
			fprintf(f, ",\"branch\":\"%s\",\"next\":%u", br[s->branch], s->next);
		fputc('}', f);
	}
	char v[256];
	trace_verdict_text(v, sizeof v, t);
	fprintf(f, "],\n\"end\":\"%s\",\"verdict\":%" PRIu32 ",\"accept\":%s,\"summary\":", ends[t->end], t->verdict,
		t->verdict ? "true" : "false");
	fmt_json_str(f, v);
	fputs("}\n", f);
}
