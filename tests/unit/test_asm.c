/* test_asm.c: the assembler (src/asm.c).  Both syntaxes by hand, the
 * errors with their line and column, and the round trip the listing must
 * survive: every program bpfx compiles from tests/diff/exprs.txt, and
 * every program libpcap compiles from it, for every link type, printed as
 * -d by fmt_program and assembled back, gives the same instructions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "asm.h"
#include "bpfx.h"
#include "format.h"
#include "linktype.h"
#include "teach_test.h"

static struct bpfx_program assemble(const char *text)
{
	struct bpfx_program p;
	struct asm_error e;
	int rc = asm_parse(text, &p, &e);
	if (rc)
		fail_msg("asm_parse: %d:%d: %s", e.line, e.col, e.msg);
	return p;
}

static void assert_insn(const struct bpf_insn *in, unsigned code, unsigned jt, unsigned jf, uint32_t k)
{
	assert_int_equal(in->code, code);
	assert_int_equal(in->jt, jt);
	assert_int_equal(in->jf, jf);
	assert_int_equal(in->k, k);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Instructions the program must hold, each at its index. */
struct insn_at {
	unsigned pc;
	struct bpf_insn in;
};

static void assert_insns(const struct bpfx_program *p, const struct insn_at *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_true(w[i].pc < p->len);
		assert_insn(&p->insns[w[i].pc], w[i].in.code, w[i].in.jt, w[i].in.jf, w[i].in.k);
	}
}

/* asm_parse fails; err at line:col with msg containing what. */
static void assert_error(const char *text, int line, int col, const char *what)
{
	struct bpfx_program p;
	struct asm_error e;
	assert_int_equal(asm_parse(text, &p, &e), -1);
	if (e.line != line || e.col != col || !strstr(e.msg, what))
		fail_msg("got %d:%d '%s', want %d:%d '%s'", e.line, e.col, e.msg, line, col, what);
}

static void test_asm_listing(void **state)
{
	(void)state;
	struct bpfx_program p = assemble(
		"(000) ldh      [12]\n"
		"(001) jeq      #0x800           jt 2\tjf 9\n"
		"(002) ldxb     4*([14]&0xf)\n"
		"(003) ldh      [x + 14]\n"
		"(004) st       M[3]\n"
		"(005) ld       #pktlen\n"
		"(006) jset     #0x1fff          jt 9\tjf 7\n"
		"(007) tax      \n"
		"(008) ja       10\n"
		"(009) ret      #0\n"
		"(010) ret      #262144\n");
	assert_int_equal(p.len, 11);
	static const struct insn_at want[] = {
		{ 0, { BPF_LD | BPF_H | BPF_ABS, 0, 0, 12 } },
		{ 1, { BPF_JMP | BPF_JEQ | BPF_K, 0, 7, 0x800 } },
		{ 2, { BPF_LDX | BPF_B | BPF_MSH, 0, 0, 14 } },
		{ 3, { BPF_LD | BPF_H | BPF_IND, 0, 0, 14 } },
		{ 4, { BPF_ST, 0, 0, 3 } },
		{ 5, { BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 } },
		{ 6, { BPF_JMP | BPF_JSET | BPF_K, 2, 0, 0x1fff } },
		{ 7, { BPF_MISC | BPF_TAX, 0, 0, 0 } },
		{ 8, { BPF_JMP | BPF_JA, 0, 0, 1 } },
		{ 10, { BPF_RET | BPF_K, 0, 0, 262144 } },
	};
	assert_insns(&p, want, N(want));
	bpfx_program_free(&p);
}

static void test_asm_bpf_asm_labels(void **state)
{
	(void)state;
	struct bpfx_program p = assemble(
		"; IPv4 TCP, in Linux bpf_asm syntax\n"
		"        ldh [12]\n"
		"        jeq #0x800, ipv4, drop   // IPv4?\n"
		"ipv4:   ldb [23]\n"
		"        jne #6, drop\n"
		"        ldx 4*([14]&0xf)\n"
		"        jlt #0x10, drop, keep\n"
		"        jle x, keep\n"
		"        jmp drop\n"
		"keep:   ret #-1\n"
		"drop:   ret #0\n");
	assert_int_equal(p.len, 10);
	static const struct insn_at want2[] = {
		{ 1, { BPF_JMP | BPF_JEQ | BPF_K, 0, 7, 0x800 } },
		{ 3, { BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 6 } },  /* jne: jf = drop */
		{ 4, { BPF_LDX | BPF_B | BPF_MSH, 0, 0, 14 } },
		{ 5, { BPF_JMP | BPF_JGE | BPF_K, 2, 3, 0x10 } }, /* jlt swaps */
		{ 6, { BPF_JMP | BPF_JGT | BPF_X, 0, 1, 0 } },   /* jle x, keep */
		{ 7, { BPF_JMP | BPF_JA, 0, 0, 1 } },
		{ 8, { BPF_RET | BPF_K, 0, 0, 0xffffffffu } },
		{ 9, { BPF_RET | BPF_K, 0, 0, 0 } },
	};
	assert_insns(&p, want2, N(want2));
	bpfx_program_free(&p);
	p = assemble("ld #len\nldi #5\nldxi #7\nld #proto\nldb [vlan_tci]\nret a\nret %x\n");
	static const struct insn_at want3[] = {
		{ 0, { BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 } },
		{ 1, { BPF_LD | BPF_IMM, 0, 0, 5 } },
		{ 2, { BPF_LDX | BPF_IMM, 0, 0, 7 } },
		{ 3, { BPF_LD | BPF_W | BPF_ABS, 0, 0, 0xfffff000u } },
	};
	assert_insns(&p, want3, N(want3));
	assert_insn(&p.insns[4], BPF_LD | BPF_B | BPF_ABS, 0, 0, 0xfffff000u + 44);
	assert_insn(&p.insns[5], BPF_RET | BPF_A, 0, 0, 0);
	assert_insn(&p.insns[6], BPF_RET | BPF_X, 0, 0, 0);
	bpfx_program_free(&p);
}

static void test_asm_dd_and_ddd(void **state)
{
	(void)state;
	struct bpfx_program p = assemble("{ 0x28, 0, 0, 0x0000000c },\n{ 0x6, 0, 0, 0x00040000 },\n");
	assert_int_equal(p.len, 2);
	assert_insn(&p.insns[0], 0x28, 0, 0, 12);
	bpfx_program_free(&p);
	p = assemble("2\n40 0 0 12\n6 0 0 262144\n");
	assert_int_equal(p.len, 2);
	assert_insn(&p.insns[1], 6, 0, 0, 262144);
	bpfx_program_free(&p);
	assert_error("3\n40 0 0 12\n6 0 0 262144\n", 1, 1, "count line says 3");
}

static void test_asm_errors_name_line_and_column(void **state)
{
	(void)state;
	assert_error("ldh [12]\n  frob #1\n", 2, 3, "unknown instruction 'frob'");
	assert_error("ldh [12]\njeq #0x800, yes, no\nyes: ret #1\n", 2, 18, "undefined label 'no'");
	assert_error("L: ldh [12]\njeq #1, L, L\n", 2, 9, "not after this instruction");
	assert_error("(000) ldh [12]\n(002) ret #0\n", 2, 2, "out of sequence");
	assert_error("ldh [12\n", 1, 8, "expected ']'");
	assert_error("ld #0x1zz\n", 1, 5, "bad number");
	assert_error("(000) jeq #1 jt 0 jf 1\n", 1, 17, "jt target 0");
	assert_error("ldxb [14]\n", 1, 6, "ldxb loads only");
	assert_error("ret #1 #2\n", 1, 8, "unexpected '#'");
	assert_error("ldh [12]\nldh [12]\nldh [12]\nx: ret #1\nx: ret #0\n", 5, 1, "already defined at line 4");
	assert_error("ld @\n", 1, 4, "unexpected character '@'");
	assert_error("; nothing\n", 0, 0, "no instructions");
	/* a jt that cannot reach 300 instructions ahead */
	size_t cap = 16 * 400, n = 0;
	char *big = malloc(cap);
	n += (size_t)snprintf(big + n, cap - n, "jeq #1, far, near\nnear: ret #0\n");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(big + n, cap - n, "ld #%d\n", i);
	snprintf(big + n, cap - n, "far: ret #1\n");
	assert_error(big, 1, 9, "more than jt can reach");
	free(big);
}

static char *listing(const struct bpf_insn *p, unsigned n, enum fmt_style style)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	fmt_program(f, p, n, style);
	fclose(f);
	return text;
}

/* The -d listing of p, assembled, prints as the same listing (and as the
 * same -ddd when exact).  Returns 1 if so; *bytes_equal says whether the
 * instructions are also equal byte for byte (libpcap's optimizer leaves
 * k set on `tax`, which no listing shows). */
static int round_trip(const struct bpf_insn *p, unsigned n, const char *what, int exact, int *bytes_equal)
{
	char *text = listing(p, n, FMT_D);
	struct bpfx_program q;
	struct asm_error e;
	int ok = 0;
	*bytes_equal = 0;
	if (asm_parse(text, &q, &e) == 0) {
		char *again = listing(q.insns, q.len, exact ? FMT_DDD : FMT_D);
		char *want = exact ? listing(p, n, FMT_DDD) : strdup(text);
		ok = !strcmp(again, want);
		*bytes_equal = q.len == n && !memcmp(q.insns, p, n * sizeof *p);
		if (!ok)
			fprintf(stderr, "round trip fails for '%s':\n%s\nbecomes\n%s\n", what, want, again);
		free(again);
		free(want);
		bpfx_program_free(&q);
	} else {
		fprintf(stderr, "round trip fails for '%s': %d:%d: %s\n", what, e.line, e.col, e.msg);
	}
	free(text);
	return ok;
}

static void test_asm_round_trips_bpfx_programs(void **state)
{
	(void)state;
	int tried = 0, failed = 0;
	struct teach_walk w;
	struct bpfx_options o;
	teach_start(&w, 2);
	while (teach_next(&w, &o)) {
		struct bpfx_program p;
		struct bpfx_error err;
		if (bpfx_compile(w.expr, &o, &p, &err) < 0)
			continue;
		int same;
		tried++;
		failed += !round_trip(p.insns, p.len, w.expr, 1, &same);
		failed += !same;
		bpfx_program_free(&p);
	}
	printf("# asm: %d bpfx programs round-trip through -d byte for byte (-ddd equal), %d fail\n", tried, failed);
	assert_true(tried > 1000);
	assert_int_equal(failed, 0);
	teach_end(&w);
}

static void test_asm_round_trips_libpcap_programs(void **state)
{
	(void)state;
	size_t nexpr;
	char **exprs = teach_read_exprs(&nexpr);
	int nlt, tried = 0, failed = 0, exact = 0, same;
	const struct linktype *lts = lt_all(&nlt);
	for (int l = 0; l < nlt; l++) {
		pcap_t *dead = pcap_open_dead(lts[l].dlt, 262144);
		assert_non_null(dead);
		for (int opt = 0; opt < 2; opt++)
			for (size_t i = 0; i < nexpr; i++) {
				struct bpf_program bp;
				if (pcap_compile(dead, &bp, exprs[i], opt, 0) < 0)
					continue;
				tried++;
				failed += !round_trip(bp.bf_insns, bp.bf_len, exprs[i], 0, &same);
				exact += same;
				pcap_freecode(&bp);
			}
		/* protochain: libpcap's backward ja survives the trip too */
		struct bpf_program bp;
		if (pcap_compile(dead, &bp, "ip6 protochain 6", 1, 0) == 0) {
			tried++;
			failed += !round_trip(bp.bf_insns, bp.bf_len, "ip6 protochain 6", 0, &same);
			exact += same;
			pcap_freecode(&bp);
		}
		pcap_close(dead);
	}
	printf("# asm: %d libpcap programs round-trip through -d (%d byte for byte; the others differ "
	       "only in fields no listing shows, such as k of tax), %d fail\n", tried, exact, failed);
	assert_true(tried > 1000);
	assert_int_equal(failed, 0);
	teach_free_exprs(exprs, nexpr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_asm_listing),
		cmocka_unit_test(test_asm_bpf_asm_labels),
		cmocka_unit_test(test_asm_dd_and_ddd),
		cmocka_unit_test(test_asm_errors_name_line_and_column),
		cmocka_unit_test(test_asm_round_trips_bpfx_programs),
		cmocka_unit_test(test_asm_round_trips_libpcap_programs),
	};
	return cmocka_run_group_tests_name("asm", tests, NULL, NULL);
}
