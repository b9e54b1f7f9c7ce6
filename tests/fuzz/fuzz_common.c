/* fuzz_common.c: helpers shared by the harnesses (see fuzz.h), and a
 * getaddrinfo that never goes to the network.
 *
 * Why the resolver is replaced: both compilers look host names up
 * (bpfx in src/names.c, libpcap in pcap_nametoaddrinfo), and a fuzzer makes
 * up a new name every few inputs.  A DNS round trip per input would cut the
 * execution rate a thousandfold and make results depend on the network.
 * Defining getaddrinfo in the program overrides libc's for bpfx and for
 * libpcap.so alike (the executable comes first in symbol lookup), so both
 * see the same answers: numeric addresses are converted by the real
 * function (with AI_NUMERICHOST, which never does I/O); "localhost" is
 * 127.0.0.1; every other name is unknown. */
#include "fuzz.h"
#include "format.h"
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <pcap/dlt.h>

const int fuzz_dlts[] = {
	DLT_EN10MB, DLT_RAW, DLT_IPV4, DLT_IPV6,
	DLT_NULL, DLT_LOOP, DLT_LINUX_SLL, DLT_LINUX_SLL2,
};
const size_t fuzz_ndlts = sizeof fuzz_dlts / sizeof fuzz_dlts[0];

uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void fuzz_fail(const char *harness, const char *what, const uint8_t *data,
	       size_t size, const struct bpf_insn *p, size_t n)
{
	fprintf(stderr, "%s: FINDING: %s\n  input (%zu bytes): \"", harness, what, size);
	for (size_t i = 0; i < size && i < 2000; i++) {
		unsigned c = data[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			fputc((int)c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputs(size > 2000 ? "...\"\n" : "\"\n", stderr);
	if (p && n && n <= 200)
		fmt_program(stderr, p, (unsigned)n, FMT_D);
	abort();
}

typedef int (*gai_fn)(const char *, const char *, const struct addrinfo *,
		      struct addrinfo **);

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	static gai_fn real;
	if (!real)
		real = (gai_fn)(uintptr_t)dlsym(RTLD_NEXT, "getaddrinfo");
	if (!real)
		return EAI_FAIL;
	struct addrinfo h;
	if (hints)
		h = *hints;
	else {
		memset(&h, 0, sizeof h);
		h.ai_family = AF_UNSPEC;
	}
	h.ai_flags |= AI_NUMERICHOST;
	if (node && !strcasecmp(node, "localhost"))
		node = "127.0.0.1";
	return real(node, service, &h, res);
}
