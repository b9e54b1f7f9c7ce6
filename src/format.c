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
#include <stdint.h>
#include <stdlib.h>

/* Linux ancillary load names, at k = SKF_AD_OFF + 4 * index, as bpf_image
 * prints them (linux/filter.h SKF_AD_PROTOCOL .. SKF_AD_VLAN_TPID). */
#define FMT_SKF_AD_OFF 0xfffff000u
static const char *const fmt_ancillary[] = {
	"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
	"rxhash", "cpu", "xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid",
};

enum fmt_operand {
	FMT_NONE,   /* nothing */
	FMT_IMM,    /* #0x%x */
	FMT_DEC,    /* #%d */
	FMT_X,      /* x */
	FMT_ABS,    /* [%d] or [ancillary name] */
	FMT_IND,    /* [x + %d] */
	FMT_MEM,    /* M[%d] */
	FMT_MSH,    /* 4*([%d]&0xf) */
	FMT_PKTLEN, /* #pktlen */
	FMT_JA,     /* absolute target, %d */
};

struct fmt_op {
	const char *name;     /* mnemonic; NULL: not an opcode ("unimp") */
	enum fmt_operand arg; /* how the operand prints */
};

/* bpf_image's table, by opcode. */
static const struct fmt_op fmt_ops[256] = {
	[BPF_RET | BPF_K] = {"ret", FMT_DEC},
	[BPF_RET | BPF_A] = {"ret", FMT_NONE},
	[BPF_LD | BPF_W | BPF_ABS] = {"ld", FMT_ABS},
	[BPF_LD | BPF_H | BPF_ABS] = {"ldh", FMT_ABS},
	[BPF_LD | BPF_B | BPF_ABS] = {"ldb", FMT_ABS},
	[BPF_LD | BPF_W | BPF_LEN] = {"ld", FMT_PKTLEN},
	[BPF_LD | BPF_W | BPF_IND] = {"ld", FMT_IND},
	[BPF_LD | BPF_H | BPF_IND] = {"ldh", FMT_IND},
	[BPF_LD | BPF_B | BPF_IND] = {"ldb", FMT_IND},
	[BPF_LD | BPF_IMM] = {"ld", FMT_IMM},
	[BPF_LDX | BPF_IMM] = {"ldx", FMT_IMM},
	[BPF_LDX | BPF_MSH | BPF_B] = {"ldxb", FMT_MSH},
	[BPF_LD | BPF_MEM] = {"ld", FMT_MEM},
	[BPF_LDX | BPF_MEM] = {"ldx", FMT_MEM},
	[BPF_ST] = {"st", FMT_MEM},
	[BPF_STX] = {"stx", FMT_MEM},
	[BPF_JMP | BPF_JA] = {"ja", FMT_JA},
	[BPF_JMP | BPF_JGT | BPF_K] = {"jgt", FMT_IMM},
	[BPF_JMP | BPF_JGE | BPF_K] = {"jge", FMT_IMM},
	[BPF_JMP | BPF_JEQ | BPF_K] = {"jeq", FMT_IMM},
	[BPF_JMP | BPF_JSET | BPF_K] = {"jset", FMT_IMM},
	[BPF_JMP | BPF_JGT | BPF_X] = {"jgt", FMT_X},
	[BPF_JMP | BPF_JGE | BPF_X] = {"jge", FMT_X},
	[BPF_JMP | BPF_JEQ | BPF_X] = {"jeq", FMT_X},
	[BPF_JMP | BPF_JSET | BPF_X] = {"jset", FMT_X},
	[BPF_ALU | BPF_ADD | BPF_X] = {"add", FMT_X},
	[BPF_ALU | BPF_SUB | BPF_X] = {"sub", FMT_X},
	[BPF_ALU | BPF_MUL | BPF_X] = {"mul", FMT_X},
	[BPF_ALU | BPF_DIV | BPF_X] = {"div", FMT_X},
	[BPF_ALU | BPF_MOD | BPF_X] = {"mod", FMT_X},
	[BPF_ALU | BPF_AND | BPF_X] = {"and", FMT_X},
	[BPF_ALU | BPF_OR | BPF_X] = {"or", FMT_X},
	[BPF_ALU | BPF_XOR | BPF_X] = {"xor", FMT_X},
	[BPF_ALU | BPF_LSH | BPF_X] = {"lsh", FMT_X},
	[BPF_ALU | BPF_RSH | BPF_X] = {"rsh", FMT_X},
	[BPF_ALU | BPF_ADD | BPF_K] = {"add", FMT_DEC},
	[BPF_ALU | BPF_SUB | BPF_K] = {"sub", FMT_DEC},
	[BPF_ALU | BPF_MUL | BPF_K] = {"mul", FMT_DEC},
	[BPF_ALU | BPF_DIV | BPF_K] = {"div", FMT_DEC},
	[BPF_ALU | BPF_MOD | BPF_K] = {"mod", FMT_DEC},
	[BPF_ALU | BPF_AND | BPF_K] = {"and", FMT_IMM},
	[BPF_ALU | BPF_OR | BPF_K] = {"or", FMT_IMM},
	[BPF_ALU | BPF_XOR | BPF_K] = {"xor", FMT_IMM},
	[BPF_ALU | BPF_LSH | BPF_K] = {"lsh", FMT_DEC},
	[BPF_ALU | BPF_RSH | BPF_K] = {"rsh", FMT_DEC},
	[BPF_ALU | BPF_NEG] = {"neg", FMT_NONE},
	[BPF_MISC | BPF_TAX] = {"tax", FMT_NONE},
	[BPF_MISC | BPF_TXA] = {"txa", FMT_NONE},
};

/* The operand text of p at index pc (ja prints its absolute target). */
static void fmt_operand(char *buf, size_t size, const struct fmt_op *op,
			const struct bpf_insn *p, int pc)
{
	int k = (int)p->k; /* bpf_image prints k with %d */
	uint32_t anc = p->k - FMT_SKF_AD_OFF;

	switch (op->arg) {
	case FMT_NONE:
		buf[0] = '\0';
		break;
	case FMT_IMM:
		snprintf(buf, size, "#0x%x", p->k);
		break;
	case FMT_DEC:
		snprintf(buf, size, "#%d", k);
		break;
	case FMT_X:
		snprintf(buf, size, "x");
		break;
	case FMT_ABS:
		if (p->k >= FMT_SKF_AD_OFF && anc % 4 == 0 &&
		    anc / 4 < sizeof fmt_ancillary / sizeof fmt_ancillary[0])
			snprintf(buf, size, "[%s]", fmt_ancillary[anc / 4]);
		else
			snprintf(buf, size, "[%d]", k);
		break;
	case FMT_IND:
		snprintf(buf, size, "[x + %d]", k);
		break;
	case FMT_MEM:
		snprintf(buf, size, "M[%d]", k);
		break;
	case FMT_MSH:
		snprintf(buf, size, "4*([%d]&0xf)", k);
		break;
	case FMT_PKTLEN:
		snprintf(buf, size, "#pktlen");
		break;
	case FMT_JA:
		/* pc + 1 + k in unsigned arithmetic, printed signed. */
		snprintf(buf, size, "%d", (int)((uint32_t)pc + 1u + p->k));
		break;
	}
}

void fmt_insn(char *buf, size_t size, const struct bpf_insn *p, int pc)
{
	static const struct fmt_op unimp = {"unimp", FMT_NONE};
	const struct fmt_op *op = p->code < 256 && fmt_ops[p->code].name ? &fmt_ops[p->code] : &unimp;
	char operand[64];

	if (op == &unimp)
		snprintf(operand, sizeof operand, "0x%x", p->code);
	else
		fmt_operand(operand, sizeof operand, op, p, pc);

	/* The jt/jf tail depends on the code's class and op bits only. */
	if (BPF_CLASS(p->code) == BPF_JMP && BPF_OP(p->code) != BPF_JA)
		snprintf(buf, size, "(%03d) %-8s %-16s jt %d\tjf %d", pc, op->name,
			 operand, pc + 1 + p->jt, pc + 1 + p->jf);
	else
		snprintf(buf, size, "(%03d) %-8s %s", pc, op->name, operand);
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
	const struct fmt_op *op = p->code < 256 && fmt_ops[p->code].name ? &fmt_ops[p->code] : NULL;
	char operand[64];
	if (!op) {
		snprintf(buf, size, "unimp 0x%x", p->code);
		return;
	}
	switch (op->arg) {
	case FMT_DEC:
		snprintf(operand, sizeof operand, "#%u", p->k);
		break;
	case FMT_ABS:
		snprintf(operand, sizeof operand, p->k >= FMT_SKF_AD_OFF ? "[0x%x]" : "[%u]", p->k);
		break;
	case FMT_IND:
		snprintf(operand, sizeof operand, "[x + %u]", p->k);
		break;
	case FMT_PKTLEN:
		snprintf(operand, sizeof operand, "#len");
		break;
	case FMT_JA:
		snprintf(operand, sizeof operand, "l%zu", pc + 1 + p->k);
		break;
	default:
		fmt_operand(operand, sizeof operand, op, p, (int)pc);
		break;
	}
	if (BPF_CLASS(p->code) == BPF_JMP && BPF_OP(p->code) != BPF_JA)
		snprintf(buf, size, "%s %s, l%zu, l%zu", op->name, operand, pc + 1 + p->jt, pc + 1 + p->jf);
	else
		snprintf(buf, size, "%s%s%s", op->name, operand[0] ? " " : "", operand);
}

void fmt_program(FILE *f, const struct bpf_insn *p, size_t n, enum fmt_style style)
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
			abort();
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
}
