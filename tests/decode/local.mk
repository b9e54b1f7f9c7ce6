# Decoder tests (tests/decode/): decprint is the decoder behind tcpdump's
# options; compare.sh runs it against tcpdump packet by packet (the bar of
# issue 4: no core mismatch, >= 95% identical; see compare.py).
check_PROGRAMS += tests/decode/decprint
SCRIPT_TESTS += tests/decode/compare.sh
SCRIPT_TESTS += tests/decode/examples.sh
EXTRA_DIST += tests/decode/compare.py tests/decode/mkdns.py tests/decode/mkapp.py
# the captures compare.sh writes
CLEANFILES += tests/decode/llc-frames.pcap tests/decode/synth-*.pcap tests/decode/dns-frames.pcap tests/decode/app-frames.pcap
# protocols reached by IP protocol number (issue 14)
EXTRA_DIST += tests/decode/mkip.py
CLEANFILES += tests/decode/ip-frames.pcap
EXTRA_DIST += tests/decode/mklink.py
CLEANFILES += tests/decode/link-frames.pcap tests/decode/time-frames.pcap
EXTRA_DIST += tests/tools/pcapbytes.py
