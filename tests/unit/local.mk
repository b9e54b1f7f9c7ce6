# cmocka unit tests, one test_<module>.c per module.
check_PROGRAMS += tests/unit/test_arena
tests_unit_test_arena_SOURCES = tests/unit/test_arena.c
tests_unit_test_arena_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_arena_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_arena

check_PROGRAMS += tests/unit/test_compile
tests_unit_test_compile_SOURCES = tests/unit/test_compile.c
tests_unit_test_compile_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_compile_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_compile

check_PROGRAMS += tests/unit/test_opt
tests_unit_test_opt_SOURCES = tests/unit/test_opt.c
tests_unit_test_opt_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_opt_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_opt
EXTRA_DIST += tests/unit/skip.h
