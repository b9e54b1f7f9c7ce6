/* ir.c: building and printing the CFG. */
#include "ir.h"
#include <string.h>
#include "format.h"
#include <sys/types.h>
#include <pcap/bpf.h>

void ir_init(struct ir_prog *p, struct arena *a, uint32_t snaplen)
{
	memset(p, 0, sizeof *p);
	p->a = a;
	p->accept = ir_block_new(p);
	p->accept->term = IR_RET;
	p->accept->ret_k = snaplen;
	p->reject = ir_block_new(p);
	p->reject->term = IR_RET;
	p->reject->ret_k = 0;
	p->entry = p->accept;
}

struct ir_block *ir_block_new(struct ir_prog *p)
{
	struct ir_block *b = arena_alloc(p->a, sizeof *b);
	b->id = p->nblocks++;
	return b;
}

void ir_append(struct ir_prog *p, struct ir_block *b, uint16_t code, uint32_t k, struct span sp)
{
	if (b->ninsns == b->cap) {
		int cap = b->cap ? b->cap * 2 : 8;
		struct ir_insn *n = arena_alloc(p->a, sizeof *n * (size_t)cap);
		if (b->ninsns)
			memcpy(n, b->insns, sizeof *n * (size_t)b->ninsns);
		b->insns = n;
		b->cap = cap;
	}
	b->insns[b->ninsns++] = (struct ir_insn){ code, k, sp };
}

static void dump_block(FILE *f, const struct ir_block *b)
{
	char line[160];
	if (b->mark == 1)
		return;
	((struct ir_block *)b)->mark = 1;
	fprintf(f, "B%d:\n", b->id);
	for (int i = 0; i < b->ninsns; i++) {
		struct bpf_insn in = { b->insns[i].code, 0, 0, b->insns[i].k };
		fmt_insn(line, sizeof line, &in, i);
		fprintf(f, "  %s\n", line + 6); /* without the "(NNN) " */
	}
	switch (b->term) {
	case IR_RET:
		fprintf(f, "  ret      #%u\n", b->ret_k);
		break;
	case IR_JA:
		fprintf(f, "  ja       B%d\n", b->jt->id);
		dump_block(f, b->jt);
		break;
	case IR_BRANCH: {
		struct bpf_insn in = { b->jcode, 0, 0, b->jk };
		fmt_insn(line, sizeof line, &in, 0);
		line[strcspn(line, "\t")] = 0;
		char *jt = strstr(line, "jt ");
		if (jt)
			*jt = 0;
		fprintf(f, "  %s-> B%d / B%d\n", line + 6, b->jt->id, b->jf->id);
		dump_block(f, b->jt);
		dump_block(f, b->jf);
		break;
	}
	}
}

static void unmark(const struct ir_block *b)
{
	if (b->mark == 0)
		return;
	((struct ir_block *)b)->mark = 0;
	if (b->term != IR_RET)
		unmark(b->jt);
	if (b->term == IR_BRANCH)
		unmark(b->jf);
}

void ir_dump(FILE *f, const struct ir_prog *p)
{
	dump_block(f, p->entry);
	unmark(p->entry);
}
