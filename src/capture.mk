# Capture reading, `bpfx filter` and `bpfx check` (src/capture.c, src/check.c,
# src/cli/filter.c, src/cli/check.c) and their tests.
libbpfx_a_SOURCES += src/capture.c src/capture.h src/check.c src/check.h
bpfx_SOURCES += src/cli/filter.c src/cli/check.c

check_PROGRAMS += tests/unit/test_capture tests/unit/test_check tests/cli/filter-mkpcap
tests_unit_test_capture_SOURCES = tests/unit/test_capture.c
tests_unit_test_capture_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_capture_LDADD = $(TEST_LDADD)
tests_unit_test_check_SOURCES = tests/unit/test_check.c
tests_unit_test_check_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_check_LDADD = $(TEST_LDADD)
# Writes the captures the shell tests filter, cut and corrupt.
tests_cli_filter_mkpcap_SOURCES = tests/cli/filter-mkpcap.c
tests_cli_filter_mkpcap_LDADD = $(PCAP_LIBS)
TESTS += tests/unit/test_capture tests/unit/test_check
TESTS += tests/cli/filter.sh tests/cli/filter-bpfx.sh tests/cli/filter-corpus.sh
TESTS += tests/cli/check.sh tests/cli/check-bpfx.sh
EXTRA_DIST += tests/cli/filter-lib.sh tests/cli/filter.sh tests/cli/filter-bpfx.sh \
	tests/cli/filter-corpus.sh tests/cli/check.sh tests/cli/check-bpfx.sh
