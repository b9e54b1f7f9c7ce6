/* typical.h: five filters of the kind people write, from a port to the
 * TCP payload length: the programs bench/bench_vm times and the first that
 * vmdiff and test_format try (each adds its own after them). */
#ifndef TEST_TYPICAL_H
#define TEST_TYPICAL_H
#define TYPICAL_EXPRESSIONS                                                          \
	"tcp port 80",                                                               \
	"tcp[13] & 16 != 0",                                                         \
	"tcp port 80 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)", \
	"host 192.168.1.1 and not port 22",                                          \
	"ip6 and udp"
#endif
