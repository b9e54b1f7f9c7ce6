# Differential tests against libpcap (tests/diff/).
check_PROGRAMS += tests/diff/difftest
tests_diff_difftest_SOURCES = tests/diff/difftest.c
tests_diff_difftest_CFLAGS = $(TEST_CFLAGS)
tests_diff_difftest_LDADD = $(SYNTH_LIBS) $(TEST_LDADD)
TESTS += tests/diff/run-difftest.sh
EXTRA_DIST += tests/diff/exprs.txt tests/diff/invalid.txt tests/diff/run-difftest.sh

# The --ip6-transport dialect against a reference walk written in the test.
check_PROGRAMS += tests/diff/ip6test
tests_diff_ip6test_SOURCES = tests/diff/ip6test.c
tests_diff_ip6test_CFLAGS = $(TEST_CFLAGS)
tests_diff_ip6test_LDADD = $(TEST_LDADD)
TESTS += tests/diff/ip6test
EXTRA_DIST += examples/ip6-ext.pcap examples/ip6-ext.pcap.tcpdump-nn-vvv.txt examples/make-ip6-ext.py
