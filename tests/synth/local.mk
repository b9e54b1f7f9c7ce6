# Packet synthesizer for the tests (tests/synth/): a library every test
# program links ($(LDADD)), a CLI that writes a set as a pcap file, and its
# own cmocka test.
check_LIBRARIES += tests/synth/libsynth.a
tests_synth_libsynth_a_SOURCES = tests/synth/synth.h tests/synth/synth_int.h \
	tests/synth/synth.c tests/synth/link.c tests/synth/net.c \
	tests/synth/transport.c tests/synth/layout.c tests/synth/edge.c \
	tests/synth/wrap_more.c tests/synth/wrap_more.h tests/synth/chain.c tests/synth/words.c
tests_synth_libsynth_a_SOURCES += tests/synth/wrap_wlan.c tests/synth/wrap_wlan.h tests/synth/geneve.c
tests_synth_libsynth_a_SOURCES += tests/synth/corpus.c tests/synth/corpus.h
SYNTH_LIBS = tests/synth/libsynth.a
check_PROGRAMS += tests/synth/bpfx-synth
UNIT_TESTS += tests/synth/test_synth
