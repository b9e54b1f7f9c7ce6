/* fuzz_compile.c: expression bytes -> bpfx_compile.
 *
 * The input is the expression text (seeds are plain text).  It is compiled
 * for Ethernet and for one more link type picked by a hash of the input,
 * with the optimizer off, on, or on with --loose, and savefile/swapped
 * rules on or off by further hash bits.  Findings:
 *   - a crash, hang or sanitizer report anywhere in the compiler;
 *   - an error whose span is not inside the expression, or has no message
 *     (the CLI underlines err.start..err.end: err_print runs on each);
 *   - an emitted program that libpcap's bpf_validate rejects, or that our
 *     bpfx_validate rejects (unless it is longer than the Linux limit of
 *     4096 instructions, which is the only thing the validator checks that
 *     the compiler does not promise: `bpfx compile` warns about it);
 *   - an instruction span outside the expression. */
#include "fuzz.h"
#include "bpfx.h"
#include "error.h"
#include "vm.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/dlt.h>

static FILE *devnull;

static void check_error(const struct bpfx_error *err, const char *expr,
			const uint8_t *data, size_t size)
{
	int len = (int)strlen(expr);
	if (!memchr(err->msg, '\0', sizeof err->msg) || err->msg[0] == '\0')
		fuzz_fail("fuzz_compile", "error without a message", data, size, NULL, 0);
	if (err->start < -1 || err->end < -1 || err->start > len || err->end > len ||
	    (err->start >= 0 && err->end >= 0 && err->start > err->end)) {
		char what[400];
		snprintf(what, sizeof what, "error span [%d, %d) outside the %d-byte expression: %s",
			 err->start, err->end, len, err->msg);
		fuzz_fail("fuzz_compile", what, data, size, NULL, 0);
	}
	err_print(devnull, "fuzz_compile", expr, err);
}

static void check_program(const struct bpfx_program *prog, const struct bpfx_span *spans,
			  const char *expr, const uint8_t *data, size_t size)
{
	struct bpfx_error err;
	if (prog->len == 0 || !prog->insns)
		fuzz_fail("fuzz_compile", "empty program", data, size, NULL, 0);
	if (!bpf_validate(prog->insns, (int)prog->len))
		fuzz_fail("fuzz_compile", "libpcap's bpf_validate rejects the program", data, size,
			  prog->insns, prog->len);
	if (prog->len <= VM_MAXINSNS && bpfx_validate(prog->insns, prog->len, &err)) {
		char what[400];
		snprintf(what, sizeof what, "bpfx_validate rejects the program at %d: %s",
			 err.start, err.msg);
		fuzz_fail("fuzz_compile", what, data, size, prog->insns, prog->len);
	}
	int len = (int)strlen(expr);
	for (unsigned i = 0; spans && i < prog->len; i++)
		if (spans[i].start < -1 || spans[i].end > len || spans[i].start > spans[i].end)
			fuzz_fail("fuzz_compile", "instruction span outside the expression", data,
				  size, prog->insns, prog->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	char *expr = fuzz_cstr(data, size);
	uint32_t h = fuzz_hash(data, size);
	struct bpfx_options o;
	bpfx_options_init(&o);
	o.optimize = !(h >> 8 & 1) ? 0 : (h >> 11 & 1) ? BPFX_OPT_LOOSE : 1;
	o.savefile = (int)(h >> 9 & 1);
	o.swapped = (int)(h >> 10 & 1);
	for (int round = 0; round < 2; round++) {
		struct bpfx_program prog;
		struct bpfx_span *spans = NULL;
		struct bpfx_error err;
		int rc;
		memset(&err, 0, sizeof err);
		if (round == 0) {
			o.linktype = DLT_EN10MB;
			rc = bpfx_compile(expr, &o, &prog, &err);
		} else {
			o.linktype = fuzz_dlts[1 + h % (fuzz_ndlts - 1)];
			rc = bpfx_compile_spans(expr, &o, &prog, &spans, &err);
		}
		if (rc)
			check_error(&err, expr, data, size);
		else
			check_program(&prog, spans, expr, data, size);
		free(spans);
		if (rc == 0)
			bpfx_program_free(&prog);
	}
	free(expr);
	return 0;
}
