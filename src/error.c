/* error.c: build and print bpfx_error values. */
#include "error.h"
#include <stdarg.h>
#include <string.h>

int err_set(struct bpfx_error *err, int start, int end, const char *fmt, ...)
{
	if (!err)
		return -1;
	err->start = start;
	err->end = end;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void err_print(FILE *f, const char *prog, const char *expr, const struct bpfx_error *err)
{
	fprintf(f, "%s: %s\n", prog, err->msg);
	if (!expr || err->start < 0)
		return;
	int len = (int)strlen(expr);
	int s = err->start > len ? len : err->start;
	int e = err->end > len ? len : err->end;
	if (e <= s)
		e = s + 1;
	fprintf(f, "  %s\n  ", expr);
	for (int i = 0; i < s; i++)
		fputc(expr[i] == '\t' ? '\t' : ' ', f);
	fputc('^', f);
	for (int i = s + 1; i < e; i++)
		fputc('~', f);
	fputc('\n', f);
}
