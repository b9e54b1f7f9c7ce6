/* test_arena.c: the compilation arena. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "arena.h"

static void test_arena_zeroed_and_aligned(void **state)
{
	struct arena a;
	arena_init(&a);
	for (int i = 1; i < 5000; i += 37) {
		unsigned char *p = arena_alloc(&a, (size_t)i);
		assert_int_equal((uintptr_t)p % 8, 0); /* arena.c: 8 is all its objects need */
		for (int j = 0; j < i; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xab, (size_t)i);
	}
	arena_free(&a);
	assert_null(a.head);
}

static void test_arena_large_and_strndup(void **state)
{
	struct arena a;
	arena_init(&a);
	char *big = arena_alloc(&a, 1 << 20);
	big[(1 << 20) - 1] = 1;
	char *s = arena_strndup(&a, "tcp port 80", 3);
	assert_string_equal(s, "tcp");
	arena_free(&a);
}

/* Scratch blocks: zeroed, aligned; growing keeps the old bytes and zeroes
 * the new; freed singly or, those still held, with the arena. */
static void test_arena_scratch(void **state)
{
	struct arena a;
	arena_init(&a);
	unsigned char *p = arena_scratch(&a, 100), *q = arena_scratch(&a, 10);
	assert_int_equal((uintptr_t)p % 16, 0);
	for (int i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	memset(p, 7, 100);
	p = arena_scratch_grow(&a, p, 5000);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(p[i], i < 100 ? 7 : 0);
	p = arena_scratch_grow(&a, p, 50); /* shrinks too, keeping what fits */
	assert_int_equal(p[49], 7);
	arena_scratch_free(&a, q);
	arena_scratch_free(&a, NULL);
	assert_non_null(a.scratch); /* p is still held ... */
	arena_free(&a);
	assert_null(a.scratch); /* ... and freed here (ASan's leak check sees it) */
}

/* A sub-arena: its chunks are scratch of the parent, so they are counted
 * there and freed with it when the sub-arena is not (a jump out of
 * memory); its scratch is the parent's; arena_free gives all back. */
static void test_arena_sub(void **state)
{
	struct arena a, s;
	arena_init(&a);
	arena_init_sub(&s, &a);
	size_t held = a.bytes;
	unsigned char *p = arena_alloc(&s, 100);
	assert_int_equal((uintptr_t)p % 8, 0);
	assert_true(s.bytes >= 100);
	assert_true(a.bytes >= held + s.bytes); /* the chunk, as the parent's scratch */
	assert_non_null(a.scratch);
	void *q = arena_scratch(&s, 10);
	assert_null(s.scratch); /* on the parent's list */
	arena_scratch_free(&s, q);
	arena_free(&s);
	assert_int_equal(s.bytes, 0);
	assert_int_equal(a.bytes, held);
	assert_null(a.scratch);
	assert_true(a.peak >= 100);
	arena_alloc(&s, 5000); /* left held: the parent frees it */
	arena_free(&a);
	assert_null(a.scratch);
	assert_int_equal(a.bytes, 0);
}

/* Out of memory in a sub-arena's scratch jumps to the sub-arena's own
 * on_oom when it has one, not past it to the parent's: parse.c sets its
 * jump on the arena it is given (a sub-arena in compile.c) to free the
 * scanner, and a jump past it leaked the scanner. */
static void test_arena_sub_oom_jumps_nearest(void **state)
{
	struct arena a, s;
	jmp_buf outer, inner;
	volatile int where = 0;
	arena_init(&a);
	arena_init_sub(&s, &a);
	a.on_oom = &outer;
	s.on_oom = &inner;
	if (setjmp(outer))
		where = 1;
	else if (setjmp(inner))
		where = 2;
	else
		arena_scratch(&s, SIZE_MAX); /* more than any malloc gives */
	assert_int_equal(where, 2);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_zeroed_and_aligned),
		cmocka_unit_test(test_arena_large_and_strndup),
		cmocka_unit_test(test_arena_scratch),
		cmocka_unit_test(test_arena_sub),
		cmocka_unit_test(test_arena_sub_oom_jumps_nearest),
	};
	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
