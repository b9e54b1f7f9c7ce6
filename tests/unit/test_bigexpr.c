/* test_bigexpr.c: an expression of thousands of terms compiles (exact
 * and --loose) and is explained, and its programs give, on TCP packets
 * over IPv4 and IPv6, the verdict of the and/or tree evaluated here
 * directly.  A 4096-term `or` of ports once overflowed a stack array in the
 * optimizer's jump threading (src/opt/thread.c); the walks it bounds for
 * such sizes must still leave exact programs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bpfx.h"

static const int sizes[] = { 4096, 3000 };
static int mixed; /* 0: every node `or` (the shape that crashed), 1: mixed */

/* Term i is `tcp port i+1`; every third level of the tree is `L and not
 * R` (satisfiable: the subtrees' ports are disjoint), the others `L or
 * R`, as bench/bigexpr.c builds it; or all `or`. */
static char *tree(char *q, int n, int lo, int depth)
{
	if (n == 1)
		return q + sprintf(q, "tcp port %d", lo + 1);
	*q++ = '(';
	q = tree(q, n / 2, lo, depth + 1);
	q += sprintf(q, mixed && depth % 3 == 2 ? " and not " : " or ");
	q = tree(q, n - n / 2, lo + n / 2, depth + 1);
	*q++ = ')';
	*q = 0;
	return q;
}

static int eval(int n, int lo, int depth, int sport, int dport)
{
	if (n == 1)
		return sport == lo + 1 || dport == lo + 1;
	int a = eval(n / 2, lo, depth + 1, sport, dport), b = eval(n - n / 2, lo + n / 2, depth + 1, sport, dport);
	return mixed && depth % 3 == 2 ? a && !b : a || b;
}

/* Ethernet + IPv4 (or IPv6) + TCP with the ports. */
static size_t packet(uint8_t *p, int v6, int sport, int dport)
{
	memset(p, 0, 80);
	size_t ip = 14, tcp = v6 ? 54 : 34;
	p[12] = v6 ? 0x86 : 0x08;
	p[13] = v6 ? 0xdd : 0x00;
	if (v6) {
		p[ip] = 0x60;
		p[ip + 5] = 20; /* payload length */
		p[ip + 6] = 6;
		p[ip + 7] = 64;
	} else {
		p[ip] = 0x45;
		p[ip + 3] = 40;
		p[ip + 8] = 64;
		p[ip + 9] = 6;
	}
	p[tcp] = (uint8_t)(sport >> 8);
	p[tcp + 1] = (uint8_t)sport;
	p[tcp + 2] = (uint8_t)(dport >> 8);
	p[tcp + 3] = (uint8_t)dport;
	p[tcp + 12] = 0x50;
	return tcp + 20;
}

static void check_verdicts(const char *e, int terms, enum bpfx_optimize mode)
{
	struct bpfx_options o;
	bpfx_options_init(&o);
	o.optimize = mode;
	struct bpfx_program prog;
	struct bpfx_error err;
	assert_int_equal(bpfx_compile(e, &o, &prog, &err), 0);
	/* pairs of ports around the tree's boundaries, and some outside it */
	static const int ports[] = { 1, 2, 3, 5, 8, 9, 12, 100, 1000, 1365, 2048, 2049, 3000, 4095, 4096, 4097, 9999 };
	int n = (int)(sizeof ports / sizeof ports[0]), accepted = 0;
	uint8_t pkt[80];
	for (int v6 = 0; v6 < 2; v6++)
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				size_t len = packet(pkt, v6, ports[i], ports[j]);
				int want = eval(terms, 0, 0, ports[i], ports[j]);
				uint32_t got = bpfx_run(prog.insns, pkt, (uint32_t)len, (uint32_t)len);
				assert_int_equal(got != 0, want);
				accepted += want;
			}
	assert_true(accepted > 0); /* the pairs test both outcomes */
	assert_true(accepted < 2 * n * n);
	bpfx_program_free(&prog);
}

static char *big(int terms)
{
	char *e = malloc((size_t)terms * 32);
	assert_non_null(e);
	tree(e, terms, 0, 0);
	return e;
}

/* Every size and shape, compiled with mode. */
static void check_all(enum bpfx_optimize mode)
{
	for (mixed = 0; mixed < 2; mixed++)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			char *e = big(sizes[i]);
			check_verdicts(e, sizes[i], mode);
			free(e);
		}
}

static void test_bigexpr_exact(void **state)
{
	(void)state;
	check_all(BPFX_OPT_EXACT);
}

static void test_bigexpr_loose(void **state)
{
	(void)state;
	check_all(BPFX_OPT_LOOSE);
}

static void test_bigexpr_explain(void **state)
{
	(void)state;
	mixed = 1;
	char *e = big(3000);
	struct bpfx_options o;
	bpfx_options_init(&o);
	struct bpfx_error err;
	char *t = bpfx_explain_text(e, &o, &err);
	assert_non_null(t);
	/* the expression is shown whole once, then as a window around each
	 * span (the whole text under each of 4096 terms would be 0.5 GB) */
	const char *first = strstr(t, e);
	assert_non_null(first);
	assert_null(strstr(first + 1, e));
	assert_non_null(strstr(t, "\n  ..."));
	bpfx_free(t);
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bigexpr_exact),
		cmocka_unit_test(test_bigexpr_loose),
		cmocka_unit_test(test_bigexpr_explain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
