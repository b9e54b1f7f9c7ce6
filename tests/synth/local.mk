# Packet synthesizer for the tests (tests/synth/): a library other tests
# link with $(SYNTH_LIBS), a CLI that writes a set as a pcap file, and its
# own cmocka test.
noinst_LIBRARIES += tests/synth/libsynth.a
tests_synth_libsynth_a_SOURCES = tests/synth/synth.h tests/synth/synth_int.h \
	tests/synth/synth.c tests/synth/link.c tests/synth/net.c \
	tests/synth/transport.c tests/synth/layout.c tests/synth/edge.c
tests_synth_libsynth_a_CFLAGS = $(AM_CFLAGS)
SYNTH_LIBS = tests/synth/libsynth.a
SYNTH_CFLAGS = -I$(srcdir)/tests/synth

check_PROGRAMS += tests/synth/bpfx-synth
tests_synth_bpfx_synth_SOURCES = tests/synth/bpfx-synth.c
tests_synth_bpfx_synth_CFLAGS = $(AM_CFLAGS) $(SYNTH_CFLAGS)
tests_synth_bpfx_synth_LDADD = $(SYNTH_LIBS) libbpfx.a $(PCAP_LIBS)

check_PROGRAMS += tests/synth/test_synth
tests_synth_test_synth_SOURCES = tests/synth/test_synth.c
tests_synth_test_synth_CFLAGS = $(TEST_CFLAGS) $(SYNTH_CFLAGS)
tests_synth_test_synth_LDADD = $(SYNTH_LIBS) $(TEST_LDADD)
TESTS += tests/synth/test_synth
