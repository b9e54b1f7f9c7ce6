# cmocka unit tests (tests/unit/), one test_<module>.c per module; each is
# one line, its source tests/unit/test_<module>.c.
UNIT_TESTS += tests/unit/test_api
UNIT_TESTS += tests/unit/test_arena
UNIT_TESTS += tests/unit/test_asm
UNIT_TESTS += tests/unit/test_bigexpr
UNIT_TESTS += tests/unit/test_capture
UNIT_TESTS += tests/unit/test_check
UNIT_TESTS += tests/unit/test_compile
UNIT_TESTS += tests/unit/test_decode
UNIT_TESTS += tests/unit/test_dissect
UNIT_TESTS += tests/unit/test_explain
UNIT_TESTS += tests/unit/test_format
UNIT_TESTS += tests/unit/test_html
UNIT_TESTS += tests/unit/test_ir
UNIT_TESTS += tests/unit/test_isa
UNIT_TESTS += tests/unit/test_opt
UNIT_TESTS += tests/unit/test_trace
UNIT_TESTS += tests/unit/test_vm
# test_asm, test_trace and test_explain read tests/diff/exprs.txt through it
EXTRA_DIST += tests/unit/teach_test.h
# test_api makes chosen mallocs of the library fail
tests_unit_test_api_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
EXTRA_DIST += tests/unit/skip.h tests/unit/compile_test.h
