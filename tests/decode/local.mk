# Decoder tests (tests/decode/): decprint is the decoder behind tcpdump's
# options; compare.sh runs it against tcpdump packet by packet (see
# compare.py for the counts and the pass criteria).
check_PROGRAMS += tests/decode/decprint
SCRIPT_TESTS += tests/decode/compare.sh
SCRIPT_TESTS += tests/decode/examples.sh
# compare.py and the captures it writes; a frame generator
# (tests/decode/mkNAME.py) is a row in compare.py's GENERATED and a line here
EXTRA_DIST += tests/decode/compare.py tests/tools/pcapbytes.py
EXTRA_DIST += tests/decode/mkdns.py
EXTRA_DIST += tests/decode/mkip.py
EXTRA_DIST += tests/decode/mklink.py
EXTRA_DIST += tests/decode/mkapp.py
CLEANFILES += tests/decode/*-frames.pcap tests/decode/synth-*.pcap
EXTRA_DIST += tests/decode/mkwlan.py
EXTRA_DIST += tests/decode/mkchdlc.py
EXTRA_DIST += tests/decode/mkppp.py
EXTRA_DIST += tests/decode/mkdsa.py
EXTRA_DIST += tests/decode/mknflog.py
EXTRA_DIST += tests/decode/mkdecc.py
EXTRA_DIST += tests/decode/mkudpapps.py
EXTRA_DIST += tests/decode/mknonip.py
