/* test_api.c: the promises include/bpfx.h makes beyond compiling: the
 * version, the optimizer mode, dumps to the caller's stream, and out of
 * memory as an error value, never an abort or a leak.
 *
 * Linked with -Wl,--wrap=malloc (tests/unit/local.mk): the library's
 * malloc calls come here, and the test makes chosen ones fail. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "bpfx.h"

/* Allocations of at least BIG bytes are the arena's chunks and flex's
 * buffer for a long expression; fail_big >= 0 makes the one with that
 * index (0 = the next) return NULL. */
#define BIG 65536
static long fail_big = -1;
void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	if (n >= BIG && fail_big >= 0 && fail_big-- == 0)
		return NULL;
	return __real_malloc(n);
}

static size_t heap_in_use(void)
{
	return mallinfo2().uordblks; /* 0 under ASan, whose LeakSanitizer checks instead */
}

static void test_api_version_is_configures(void **state)
{
	assert_string_equal(bpfx_version(), PACKAGE_VERSION);
}

/* An Ethernet/IPv4/TCP packet from port 1024 to dport, no options. */
static void tcp_packet(uint8_t pkt[54], uint16_t dport)
{
	memset(pkt, 0, 54);
	pkt[12] = 0x08;                               /* ethertype IPv4 */
	pkt[14] = 0x45, pkt[17] = 40, pkt[22] = 64, pkt[23] = 6;   /* IHL 5, length 40, TTL, TCP */
	pkt[34] = 1024 >> 8, pkt[35] = 1024 & 0xff;   /* source port */
	pkt[36] = (uint8_t)(dport >> 8), pkt[37] = (uint8_t)dport;
	pkt[46] = 0x50, pkt[47] = 0x10;               /* data offset 5, ACK */
}

/* Each optimizer mode gives libpcap's verdict on whole packets; a value
 * outside the enum is an error, not a guess. */
static void test_api_optimizer_modes(void **state)
{
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 262144);
	struct bpf_program lp;
	assert_int_equal(pcap_compile(dead, &lp, "tcp port 80", 1, PCAP_NETMASK_UNKNOWN), 0);
	const enum bpfx_optimize modes[] = { BPFX_OPT_OFF, BPFX_OPT_EXACT, BPFX_OPT_LOOSE };
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		struct bpfx_options o;
		struct bpfx_program p;
		struct bpfx_error err;
		bpfx_options_init(&o);
		o.optimize = modes[m];
		assert_int_equal(bpfx_compile("tcp port 80", &o, &p, &err), 0);
		assert_int_equal(bpfx_validate(p.insns, p.len, &err), 0);
		for (uint16_t port = 79; port <= 81; port++) {
			uint8_t pkt[54];
			tcp_packet(pkt, port);
			uint32_t want = bpf_filter(lp.bf_insns, pkt, sizeof pkt, sizeof pkt);
			assert_int_equal(bpfx_run(p.insns, pkt, sizeof pkt, sizeof pkt), want);
			assert_int_equal(want != 0, port == 80);
		}
		bpfx_program_free(&p);
	}
	pcap_freecode(&lp);
	pcap_close(dead);

	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	o.optimize = (enum bpfx_optimize)3;
	assert_int_equal(bpfx_compile("tcp", &o, &p, &err), -1);
	assert_non_null(strstr(err.msg, "optimizer mode 3"));
	assert_null(p.insns);
}

/* --dump output goes where the caller says, each stage under its heading;
 * with no stream, nowhere. */
static void test_api_dump_to_callers_stream(void **state)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	bpfx_options_init(&o);
	o.dump = BPFX_DUMP_AST | BPFX_DUMP_OPT;
	o.dump_to = f;
	assert_int_equal(bpfx_compile("tcp port 80", &o, &p, &err), 0);
	bpfx_program_free(&p);
	fclose(f);
	assert_non_null(strstr(buf, "-- ast\n"));
	assert_null(strstr(buf, "-- ir\n"));
	assert_non_null(strstr(buf, "-- opt\n"));
	assert_true(strstr(buf, "-- ast\n") < strstr(buf, "-- opt\n"));
	free(buf);

	o.dump_to = NULL; /* dump bits alone print nothing, and compile as before */
	assert_int_equal(bpfx_compile("tcp port 80", &o, &p, &err), 0);
	bpfx_program_free(&p);
}

/* Fail the k-th big allocation for k = 0, 1, ...: each compile returns
 * "out of memory" with no span and no program, and leaves the heap as it
 * found it, until k passes the last one and the program is the one an
 * undisturbed compile makes. */
static void sweep(const char *expr, enum bpfx_optimize mode, long max_k)
{
	struct bpfx_options o;
	struct bpfx_program want, p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	o.optimize = mode;
	assert_int_equal(bpfx_compile(expr, &o, &want, &err), 0);
	long k;
	for (k = 0; k <= max_k; k++) {
		size_t before = heap_in_use();
		fail_big = k;
		int rc = bpfx_compile(expr, &o, &p, &err);
		int untouched = fail_big >= 0; /* fewer than k + 1 big allocations */
		fail_big = -1;
		if (rc == 0) {
			assert_true(untouched);
			assert_int_equal(p.len, want.len);
			assert_memory_equal(p.insns, want.insns, want.len * sizeof *want.insns);
			bpfx_program_free(&p);
			break;
		}
		assert_string_equal(err.msg, "out of memory");
		assert_int_equal(err.start, -1);
		assert_null(p.insns);
		assert_int_equal(heap_in_use(), before);
	}
	assert_true(k >= 1); /* at least one allocation was made to fail */
	bpfx_program_free(&want);
}

static void test_api_out_of_memory_is_an_error(void **state)
{
	/* one arena chunk */
	sweep("tcp port 80", BPFX_OPT_EXACT, 10);
	/* several chunks, failing in the parser, sema and gen in turn */
	static char expr[40000];
	size_t n = 0;
	for (int i = 0; i < 600; i++)
		n += (size_t)snprintf(expr + n, sizeof expr - n, "%shost 10.0.%d.%d", i ? " or " : "", i / 250, i % 250);
	sweep(expr, BPFX_OPT_OFF, 50);
}

/* An expression longer than BIG: flex's buffer is the first big
 * allocation, and its failure too is an error, not flex's exit(2). */
static void test_api_out_of_memory_in_the_scanner(void **state)
{
	static char expr[80000];
	size_t n = 0;
	for (int i = 0; n < BIG + 100; i++)
		n += (size_t)snprintf(expr + n, sizeof expr - n, "%sport %d", i ? " or " : "", i % 65536);
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	for (long k = 0; k < 3; k++) {
		size_t before = heap_in_use();
		fail_big = k;
		assert_int_equal(bpfx_compile(expr, &o, &p, &err), -1);
		fail_big = -1;
		assert_string_equal(err.msg, "out of memory");
		assert_int_equal(heap_in_use(), before);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_version_is_configures),
		cmocka_unit_test(test_api_optimizer_modes),
		cmocka_unit_test(test_api_dump_to_callers_stream),
		cmocka_unit_test(test_api_out_of_memory_is_an_error),
		cmocka_unit_test(test_api_out_of_memory_in_the_scanner),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
