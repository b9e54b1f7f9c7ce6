# Decoder: tcpdump-style lines per protocol (src/decode/*.c).
libbpfx_a_SOURCES += src/decode/decode.h src/decode/dec.h src/decode/decode.c \
	src/decode/ether.c src/decode/link.c src/decode/arp.c \
	src/decode/ip.c src/decode/ip6.c src/decode/cksum.c \
	src/decode/tcp.c src/decode/udp.c src/decode/icmp.c src/decode/icmp6.c \
	src/decode/resp.c src/decode/mptcp.c src/decode/macsec.c \
	src/decode/pppoe.c src/decode/llc.c

# decprint: the decoder behind tcpdump's options, for compare.sh.
check_PROGRAMS += tests/decode/decprint
tests_decode_decprint_SOURCES = tests/decode/decprint.c
tests_decode_decprint_CFLAGS = $(TEST_CFLAGS)
tests_decode_decprint_LDADD = $(TEST_LDADD)

# compare.sh: decprint against tcpdump, packet by packet (the bar of issue
# 4: no core mismatch, >= 95% identical; see compare.py).
TESTS += tests/decode/compare.sh tests/decode/examples.sh
EXTRA_DIST += tests/decode/compare.sh tests/decode/compare.py tests/decode/examples.sh

# cmocka unit tests of the decoder.
check_PROGRAMS += tests/unit/test_decode
tests_unit_test_decode_SOURCES = tests/unit/test_decode.c
tests_unit_test_decode_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_decode_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_decode
