/* fuzz.h: what the four harnesses share (tests/fuzz/).
 *
 * Each harness defines LLVMFuzzerTestOneInput and is built twice: with
 * clang -fsanitize=fuzzer,address,undefined by `make fuzz` (libFuzzer
 * supplies main), and with the ordinary compiler as a replay program
 * (replay.c supplies a main that feeds it the files and directories named
 * on the command line), which is what `make check` runs over the seeds and
 * regression inputs in tests/fuzz/corpus/ and tests/fuzz/regress/.
 *
 * A finding is reported on stderr and ends the process with abort(), so
 * libFuzzer saves the input and the replay test fails. */
#ifndef BPFX_FUZZ_H
#define BPFX_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <pcap/bpf.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The link types bpfx compiles for, in a fixed order. */
extern const int fuzz_dlts[];
extern const size_t fuzz_ndlts;

/* A small hash of the input, to pick a link type or option set without
 * spending input bytes on it (so seeds stay readable text). */
uint32_t fuzz_hash(const uint8_t *data, size_t size);

/* data as a NUL-terminated string (malloc'd; an embedded NUL ends it). */
char *fuzz_cstr(const uint8_t *data, size_t size);

/* Print the finding, the input (escaped) and a -d listing, then abort(). */
void fuzz_fail(const char *harness, const char *what, const uint8_t *data,
	       size_t size, const struct bpf_insn *p, size_t n)
	__attribute__((noreturn));
#endif
