/* progtext.c: the library's text outputs as strings, for bindings that
 * cannot hand over a FILE * (Python's ctypes).  Each renders into a memory
 * stream with the very printer the command line uses, so the text is
 * `bpfx compile -d` and `bpfx explain` byte for byte. */
#include "bpfx.h"
#include "error.h"
#include "explain.h"
#include "format.h"
#include "gen/gen.h" /* ip6w_describe: explain's note on the dialect */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Close a memory stream (which sets *buf); the buffer, or NULL (freed)
 * if a write failed. */
static char *text_close(FILE *f, char **buf)
{
	int bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		free(*buf);
		return NULL;
	}
	return *buf;
}

char *bpfx_format_program(const struct bpf_insn *p, size_t n, int style)
{
	if (style < FMT_D || style > FMT_DDD)
		return NULL;
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fmt_program(f, p, n, (enum fmt_style)style);
	return text_close(f, &buf);
}

/* explain's text, as `bpfx explain` prints it. */
static void explain_to(FILE *f, const struct explain *e, int ip6_transport)
{
	explain_print(f, e);
	if (ip6_transport) { /* as `bpfx explain --ip6-transport` ends */
		char note[1024];
		ip6w_describe(note, sizeof note);
		fprintf(f, "\n%s.\n", note);
	}
}

#ifdef __GLIBC__
/* A stream that counts what is written to it, and copies it to buf when
 * there is one (of cap bytes). */
struct sink {
	char *buf;
	size_t len, cap;
};

static ssize_t sink_write(void *cookie, const char *p, size_t n)
{
	struct sink *k = cookie;
	if (k->buf) {
		if (n > k->cap - k->len)
			return -1; /* cannot be: the same text as counted */
		memcpy(k->buf + k->len, p, n);
	}
	k->len += n;
	return (ssize_t)n;
}

/* The text in a buffer of its size: printed once to count it, then into
 * the buffer.  A memory stream doubles its buffer as it grows, and where
 * malloc keeps such blocks in the heap (its threshold for mapping them
 * apart rises as the compiler frees its larger arrays) each doubling
 * copies, holding both: for a large expression up to twice the text at
 * the end, on top of the annotation (issue #15: 150 kB at 1k terms).
 * The second printing costs a few percent of explain's time. */
static char *explain_string(const struct explain *e, int ip6_transport)
{
	cookie_io_functions_t io = { .write = sink_write };
	struct sink k = { NULL, 0, 0 };
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			k.cap = k.len;
			k.len = 0;
			if (!(k.buf = malloc(k.cap + 1)))
				return NULL;
		}
		FILE *f = fopencookie(&k, "w", io);
		if (!f) {
			free(k.buf);
			return NULL;
		}
		explain_to(f, e, ip6_transport);
		int bad = ferror(f);
		if (fclose(f) != 0 || bad) {
			free(k.buf);
			return NULL;
		}
	}
	k.buf[k.len] = 0;
	return k.buf;
}
#else
static char *explain_string(const struct explain *e, int ip6_transport)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	explain_to(f, e, ip6_transport);
	return text_close(f, &buf);
}
#endif

char *bpfx_explain_text(const char *expr, const struct bpfx_options *o, struct bpfx_error *err)
{
	struct explain e;
	if (explain_expr(expr, o, &e, err) < 0)
		return NULL;
	char *buf = explain_string(&e, o->ip6_transport);
	explain_free(&e);
	if (!buf)
		err_set(err, -1, -1, "out of memory");
	return buf;
}

void bpfx_free(void *p)
{
	free(p);
}
