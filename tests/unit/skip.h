/* skip.h: a cmocka test that cannot run must report SKIP, not PASS.
 * cmocka's skip() marks one test skipped, but the program still exits 0
 * and automake counts that as a pass.  test_skip() says why, counts the
 * skip and skips; test_exit() turns "nothing failed, something skipped"
 * into automake's exit 77 (SKIP).  Include after <cmocka.h>. */
#ifndef TEST_SKIP_H
#define TEST_SKIP_H
#include <stdio.h>

static int test_nskipped; /* tests of this program that could not run */

#define test_skip(...)                                                                                                 \
	do {                                                                                                           \
		printf("# SKIP: ");                                                                                    \
		printf(__VA_ARGS__);                                                                                   \
		printf("\n");                                                                                          \
		test_nskipped++;                                                                                       \
		skip();                                                                                                \
	} while (0)

/* failed: what cmocka_run_group_tests returned (the number of failures). */
static inline int test_exit(int failed)
{
	if (failed)
		return 1;
	if (test_nskipped) {
		printf("# %d test(s) skipped: exit 77 (SKIP)\n", test_nskipped);
		return 77;
	}
	return 0;
}
#endif
