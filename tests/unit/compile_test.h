/* compile_test.h: the unit tests' way to compile an expression that must
 * compile: the default options with the optimizer mode given; a failure
 * prints the expression and bpfx's message and fails the test.  Include
 * after <cmocka.h> and "bpfx.h". */
#ifndef TEST_COMPILE_TEST_H
#define TEST_COMPILE_TEST_H
#include <stdint.h>
#include <stdio.h>

static inline struct bpfx_program compile_ok(const char *expr, int optimize)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	o.optimize = optimize;
	if (bpfx_compile(expr, &o, &p, &err)) {
		fprintf(stderr, "'%s': %s\n", expr, err.msg);
		fail();
	}
	return p;
}

/* An expression whose program is one `ret #k`: its k. */
static inline uint32_t compile_ret(const char *expr, int optimize)
{
	struct bpfx_program p = compile_ok(expr, optimize);
	assert_int_equal(p.len, 1);
	assert_int_equal(p.insns[0].code, BPF_RET | BPF_K);
	uint32_t k = p.insns[0].k;
	bpfx_program_free(&p);
	return k;
}
#endif
