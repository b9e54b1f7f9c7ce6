/* format.c: print programs exactly as tcpdump -d, -dd and -ddd do.
 *
 * tcpdump prints with libpcap's bpf_dump, and -d lines with bpf_image; we
 * reproduce libpcap 1.10.3's output byte for byte, quirks included (the
 * tests compare against bpf_image for every 16-bit opcode):
 *   - operands print k as a signed decimal ("ret #-1", "[x + -4]") except
 *     where hex is the listing's habit (immediates, and/or/xor, jump keys);
 *   - `ldx #pktlen` (0x81) is not in bpf_image's table: "unimp 0x81";
 *   - absolute loads at Linux ancillary offsets print the ancillary name
 *     ("ldb [vlan_tci]");
 *   - any code of class JMP other than `ja`, known or not, gets the
 *     "jt N\tjf M" tail; every other line is "(NNN) %-8s operand", so an
 *     empty operand leaves trailing blanks ("tax      ").
 */
#include "format.h"
#include "isa.h"
#include <stdint.h>
#include <stdlib.h>

/* The mnemonic and operand form of each opcode are isa.h's; the one
 * difference is bpf_image's: it has no entry for `ldx #pktlen`. */
static const struct isa_op *fmt_op(uint32_t code)
{
	return code == ISA_LDX_W_LEN ? NULL : isa_op(code);
}

/* bpf_image's operand text for each form (isa.h), k printed through it:
 * with %d, but for the immediates' %x. */
static const char *const operand_forms[] = {
	[ISA_ARG_NONE] = "", [ISA_ARG_IMM] = "#0x%x", [ISA_ARG_DEC] = "#%d", [ISA_ARG_X] = "x",
	[ISA_ARG_ABS] = "[%d]", [ISA_ARG_IND] = "[x + %d]", [ISA_ARG_MEM] = "M[%d]",
	[ISA_ARG_MSH] = "4*([%d]&0xf)", [ISA_ARG_LEN] = "#pktlen", [ISA_ARG_JA] = "%d",
};

/* The operand text of p at index pc (ja prints its absolute target). */
static void fmt_operand(char *buf, size_t size, const struct isa_op *op,
			const struct bpf_insn *p, int pc)
{
	const struct isa_ancillary *anc = isa_ancillary_at(p->k);
	if (op->arg == ISA_ARG_ABS && anc)
		snprintf(buf, size, "[%s]", anc->image);
	else if (op->arg == ISA_ARG_JA) /* pc + 1 + k in unsigned arithmetic, printed signed */
		snprintf(buf, size, operand_forms[op->arg], (int)((uint32_t)pc + 1u + p->k));
	else if (op->arg == ISA_ARG_IMM)
		snprintf(buf, size, operand_forms[op->arg], p->k);
	else
		snprintf(buf, size, operand_forms[op->arg], (int)p->k);
}

void fmt_insn(char *buf, size_t size, const struct bpf_insn *p, int pc)
{
	const struct isa_op *op = fmt_op(p->code);
	const char *name = op ? op->mnemonic : "unimp";
	char operand[64];

	if (!op)
		snprintf(operand, sizeof operand, "0x%x", p->code);
	else
		fmt_operand(operand, sizeof operand, op, p, pc);

	/* The jt/jf tail depends on the code's class and op bits only. */
	if (BPF_CLASS(p->code) == BPF_JMP && BPF_OP(p->code) != BPF_JA)
		snprintf(buf, size, "(%03d) %-8s %-16s jt %d\tjf %d", pc, name,
			 operand, pc + 1 + p->jt, pc + 1 + p->jf);
	else
		snprintf(buf, size, "(%03d) %-8s %s", pc, name, operand);
}

void fmt_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* One instruction in bpf_asm's syntax (the kernel's tools/bpf/bpf_asm):
 * bpf_image's mnemonics and operands, except that constants print
 * unsigned, the packet length is "#len", ancillary offsets stay numbers
 * and jumps name labels ("jeq #0x800, l2, l5"). */
static void fmt_asm_insn(char *buf, size_t size, const struct bpf_insn *p, size_t pc)
{
	const struct isa_op *op = fmt_op(p->code);
	char operand[64];
	if (!op) {
		snprintf(buf, size, "unimp 0x%x", p->code);
		return;
	}
	switch (op->arg) {
	case ISA_ARG_DEC:
		snprintf(operand, sizeof operand, "#%u", p->k);
		break;
	case ISA_ARG_ABS:
		snprintf(operand, sizeof operand, p->k >= ISA_SKF_AD_OFF ? "[0x%x]" : "[%u]", p->k);
		break;
	case ISA_ARG_IND:
		snprintf(operand, sizeof operand, "[x + %u]", p->k);
		break;
	case ISA_ARG_LEN:
		snprintf(operand, sizeof operand, "#len");
		break;
	case ISA_ARG_JA:
		snprintf(operand, sizeof operand, "l%zu", pc + 1 + p->k);
		break;
	default:
		fmt_operand(operand, sizeof operand, op, p, (int)pc);
		break;
	}
	if (BPF_CLASS(p->code) == BPF_JMP && BPF_OP(p->code) != BPF_JA)
		snprintf(buf, size, "%s %s, l%zu, l%zu", op->mnemonic, operand, pc + 1 + p->jt, pc + 1 + p->jf);
	else
		snprintf(buf, size, "%s%s%s", op->mnemonic, operand[0] ? " " : "", operand);
}

int fmt_program(FILE *f, const struct bpf_insn *p, size_t n, enum fmt_style style)
{
	char line[256];

	switch (style) {
	case FMT_D: /* tcpdump -d: the bpf_image listing */
		for (size_t i = 0; i < n; i++) {
			fmt_insn(line, sizeof line, &p[i], (int)i);
			fprintf(f, "%s\n", line);
		}
		break;
	case FMT_DD: /* tcpdump -dd: a C array initializer */
		for (size_t i = 0; i < n; i++)
			fprintf(f, "{ 0x%x, %d, %d, 0x%08x },\n", p[i].code, p[i].jt,
				p[i].jf, p[i].k);
		break;
	case FMT_DDD: /* tcpdump -ddd: the count, then decimal quadruples */
		fprintf(f, "%d\n", (int)n);
		for (size_t i = 0; i < n; i++)
			fprintf(f, "%u %u %u %u\n", p[i].code, p[i].jt, p[i].jf, p[i].k);
		break;
	case FMT_ASM: { /* a label on each instruction something jumps to */
		unsigned char *target = calloc(n + 1, 1);
		if (!target)
			return -1; /* before any output */
		for (size_t i = 0; i < n; i++) {
			uint64_t t[2] = { i + 1 + (uint64_t)p[i].jt, i + 1 + (uint64_t)p[i].jf };
			if (BPF_CLASS(p[i].code) != BPF_JMP)
				continue;
			if (BPF_OP(p[i].code) == BPF_JA)
				t[0] = t[1] = i + 1 + (uint64_t)p[i].k;
			for (int j = 0; j < 2; j++)
				if (t[j] < n)
					target[t[j]] = 1;
		}
		for (size_t i = 0; i < n; i++) {
			fmt_asm_insn(line, sizeof line, &p[i], i);
			if (target[i])
				fprintf(f, "l%zu:\t%s\n", i, line);
			else
				fprintf(f, "\t%s\n", line);
		}
		free(target);
		break;
	}
	case FMT_JSON:
		fputc('[', f);
		for (size_t i = 0; i < n; i++) {
			fmt_insn(line, sizeof line, &p[i], (int)i);
			fprintf(f, "%s\n  {\"code\": %u, \"jt\": %u, \"jf\": %u, \"k\": %u, \"text\": ", i ? "," : "",
				p[i].code, p[i].jt, p[i].jf, p[i].k);
			fmt_json_str(f, line + 6); /* the listing line without "(NNN) " */
			fputc('}', f);
		}
		fputs(n ? "\n]" : "]", f);
		break;
	}
	return 0;
}
