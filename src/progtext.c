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

char *bpfx_explain_text(const char *expr, const struct bpfx_options *o, struct bpfx_error *err)
{
	struct explain e;
	if (explain_expr(expr, o, &e, err) < 0)
		return NULL;
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		explain_free(&e);
		err_set(err, -1, -1, "out of memory");
		return NULL;
	}
	explain_print(f, &e);
	if (o->ip6_transport) { /* as `bpfx explain --ip6-transport` ends */
		char note[1024];
		ip6w_describe(note, sizeof note);
		fprintf(f, "\n%s.\n", note);
	}
	explain_free(&e);
	buf = text_close(f, &buf);
	if (!buf)
		err_set(err, -1, -1, "out of memory");
	return buf;
}

void bpfx_free(void *p)
{
	free(p);
}
