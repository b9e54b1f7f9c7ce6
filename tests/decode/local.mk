# Decoder tests (tests/decode/): decprint is the decoder behind tcpdump's
# options; compare.sh runs it against tcpdump packet by packet (see
# compare.py for the counts and the pass criteria).
check_PROGRAMS += tests/decode/decprint
SCRIPT_TESTS += tests/decode/compare.sh
SCRIPT_TESTS += tests/decode/examples.sh
# compare.py and the captures it writes; a frame generator
# (tests/decode/mkNAME.py) is a row in compare.py's GENERATED, and the
# tarball takes every mkNAME.py there is (no second list to keep)
EXTRA_DIST += tests/decode/compare.py tests/tools/pcapbytes.py
dist-hook: dist-decode-generators
.PHONY: dist-decode-generators
dist-decode-generators:
	cp -p $(srcdir)/tests/decode/mk*.py $(distdir)/tests/decode/
CLEANFILES += tests/decode/*-frames.pcap tests/decode/synth-*.pcap
