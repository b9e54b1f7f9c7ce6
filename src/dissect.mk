# dissect (src/dissect*.c, src/cli/dissect.c), the man page and the tutorial test.
libbpfx_a_SOURCES += src/dissect.c src/dissect.h src/dissect_int.h src/dissect_net.c src/dissect_tp.c
bpfx_SOURCES += src/cli/dissect.c
dist_man_MANS = doc/bpfx.1
EXTRA_DIST += doc/tutorial.md

check_PROGRAMS += tests/unit/test_dissect
tests_unit_test_dissect_SOURCES = tests/unit/test_dissect.c
tests_unit_test_dissect_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_dissect_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_dissect

# The tutorial's commands, run and compared with what it shows (TZ=UTC, in
# the source tree's examples/); dissect.sh: usage, link types, truncation.
TESTS += tests/cli/dissect.sh tests/doc/tutorial.sh
EXTRA_DIST += tests/cli/dissect.sh tests/cli/dissect-tcpdump.py tests/doc/tutorial.sh examples/handshake-2013.pcap \
	examples/redis-ping-10000.pcap examples/mixed.pcap
