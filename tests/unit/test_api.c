/* test_api.c: the promises include/bpfx.h makes beyond compiling: the
 * version, the optimizer mode, dumps to the caller's stream, and out of
 * memory as an error value, never an abort or a leak.
 *
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
 * (tests/unit/local.mk): the library's allocations come here, and the
 * test makes chosen ones fail.  An abort() where an error is promised ends
 * this program, and so fails the test. */
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
#include "format.h"

/* Allocations of at least BIG bytes are the arena's chunks and flex's
 * buffer for a long expression; fail_big >= 0 makes the one with that
 * index (0 = the next) return NULL.  fail_any does the same counting every
 * allocation, small ones too: the optimizer's and the emitter's scratch,
 * the scanner's state, format's label table. */
#define BIG 65536
static long fail_big = -1, fail_any = -1;
static int fails(size_t n)
{
	if (n >= BIG && fail_big >= 0 && fail_big-- == 0)
		return 1;
	return fail_any >= 0 && fail_any-- == 0;
}
/* Blocks allocated and not yet freed, by the library or this test: exact,
 * where mallinfo counts blocks held in glibc's per-thread cache as used. */
static long live;
void *__real_malloc(size_t n);
void *__real_calloc(size_t m, size_t n);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n)
{
	void *r = fails(n) ? NULL : __real_malloc(n);
	live += r != NULL;
	return r;
}
void *__wrap_calloc(size_t m, size_t n)
{
	void *r = fails(m * n) ? NULL : __real_calloc(m, n);
	live += r != NULL;
	return r;
}
void *__wrap_realloc(void *p, size_t n)
{
	void *r = fails(n) ? NULL : __real_realloc(p, n);
	live += !p && r;
	return r;
}
void __wrap_free(void *p)
{
	live -= p != NULL;
	__real_free(p);
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

/* A stream that arms fail_any = arm_at when the first byte reaches it:
 * given as the --dump=ast stream, it starts the failures right after the
 * parser.  (flex's own buffers leak when they cannot be had, so the sweep
 * below starts after the scanner is gone; test_api_out_of_memory_in_the_
 * scanner covers its big buffer.) */
static long arm_at = -1;
static ssize_t arm_on_write(void *cookie, const char *buf, size_t n)
{
	(void)cookie, (void)buf;
	if (arm_at >= 0)
		fail_any = arm_at, arm_at = -1;
	return (ssize_t)n;
}

/* Fail the k-th allocation of any size after the parser, for k = 0, 1,
 * ...: every one, in sema, gen, the optimizer's passes or the emitter,
 * gives "out of memory", no program and every block freed, until k passes
 * the last and the program and its spans are the undisturbed ones.
 * Returns how many allocations there were to fail. */
static long sweep_every(const char *expr, enum bpfx_optimize mode)
{
	struct bpfx_options o;
	struct bpfx_program want, p;
	struct bpfx_span *want_sp, *sp;
	struct bpfx_error err;
	FILE *arm = fopencookie(NULL, "w", (cookie_io_functions_t){ .write = arm_on_write });
	assert_non_null(arm);
	setvbuf(arm, NULL, _IONBF, 0); /* each write reaches the cookie at once */
	bpfx_options_init(&o);
	o.optimize = mode;
	o.dump = BPFX_DUMP_AST;
	o.dump_to = arm;
	assert_int_equal(bpfx_compile_spans(expr, &o, &want, &want_sp, &err), 0);
	long k;
	for (k = 0;; k++) {
		long before = live;
		arm_at = k;
		sp = NULL;
		int rc = bpfx_compile_spans(expr, &o, &p, &sp, &err);
		int untouched = fail_any >= 0;
		fail_any = -1;
		assert_int_equal(arm_at, -1); /* armed: the dump was written */
		if (rc == 0) {
			assert_true(untouched);
			assert_int_equal(p.len, want.len);
			assert_memory_equal(p.insns, want.insns, want.len * sizeof *want.insns);
			assert_memory_equal(sp, want_sp, want.len * sizeof *sp);
			bpfx_program_free(&p);
			free(sp);
			break;
		}
		assert_false(untouched);
		assert_string_equal(err.msg, "out of memory");
		assert_int_equal(err.start, -1);
		assert_null(p.insns);
		assert_int_equal(live, before);
	}
	fclose(arm);
	bpfx_program_free(&want);
	free(want_sp);
	return k;
}

static void test_api_out_of_memory_anywhere_is_an_error(void **state)
{
	/* the optimizer's passes (threading, hoisting, sets, loads, merging)
	 * allocate scratch on top of what the same compile without them does */
	const char *expr = "tcp port 80 and (host 10.0.0.1 or host 10.0.0.2 or host 10.0.0.3)";
	long off = sweep_every(expr, BPFX_OPT_OFF);
	assert_true(off >= 5);
	assert_true(sweep_every(expr, BPFX_OPT_EXACT) > off + 20);
	assert_true(sweep_every(expr, BPFX_OPT_LOOSE) > off + 20);
	/* jumps past 255 instructions: the emitter's trampolines */
	static char far[4000];
	size_t n = 0;
	for (int i = 0; i < 120; i++)
		n += (size_t)snprintf(far + n, sizeof far - n, "%stcp[%d] = %d", i ? " and " : "icmp or (", i, i);
	snprintf(far + n, sizeof far - n, ")");
	assert_true(sweep_every(far, BPFX_OPT_OFF) > off);
}

/* bpf_asm output needs a table of jump targets: without the memory,
 * -1 and nothing printed; after it, the listing. */
static void test_api_format_asm_out_of_memory(void **state)
{
	struct bpfx_options o;
	struct bpfx_program p;
	struct bpfx_error err;
	bpfx_options_init(&o);
	assert_int_equal(bpfx_compile("tcp port 80", &o, &p, &err), 0);
	static char buf[8192];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	assert_non_null(f);
	setvbuf(f, NULL, _IONBF, 0); /* no stdio buffer to allocate: ours is the only allocation */
	fail_any = 0;
	assert_int_equal(fmt_program(f, p.insns, p.len, FMT_ASM), -1);
	fail_any = -1;
	assert_int_equal(ftell(f), 0);
	assert_int_equal(fmt_program(f, p.insns, p.len, FMT_ASM), 0);
	fputc(0, f);
	fclose(f);
	assert_non_null(strstr(buf, "\tldh [12]\n"));
	assert_non_null(strstr(buf, "\tret #0\n"));
	bpfx_program_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_version_is_configures),
		cmocka_unit_test(test_api_optimizer_modes),
		cmocka_unit_test(test_api_dump_to_callers_stream),
		cmocka_unit_test(test_api_out_of_memory_is_an_error),
		cmocka_unit_test(test_api_out_of_memory_in_the_scanner),
		cmocka_unit_test(test_api_out_of_memory_anywhere_is_an_error),
		cmocka_unit_test(test_api_format_asm_out_of_memory),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
