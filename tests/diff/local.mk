# Differential tests against libpcap (tests/diff/).
check_PROGRAMS += tests/diff/difftest
tests_diff_difftest_SOURCES = tests/diff/difftest.c
tests_diff_difftest_CFLAGS = $(TEST_CFLAGS)
tests_diff_difftest_LDADD = $(SYNTH_LIBS) $(TEST_LDADD)
TESTS += tests/diff/run-difftest.sh
EXTRA_DIST += tests/diff/exprs.txt tests/diff/invalid.txt tests/diff/run-difftest.sh
