/* error.h: errors are values (struct bpfx_error, in bpfx.h); these set them
 * and print them once, with the expression and a caret under the span. */
#ifndef BPFX_ERROR_H
#define BPFX_ERROR_H
#include <stdio.h>
#include "bpfx.h"

#if defined(__GNUC__)
#define BPFX_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define BPFX_PRINTF(a, b)
#endif

/* Set *err (if not NULL) and return -1, so callers can `return err_set(...)`. */
int err_set(struct bpfx_error *err, int start, int end, const char *fmt, ...) BPFX_PRINTF(4, 5);
/* "bpfx: MSG\n  EXPR\n  ^~~~\n" on f; no span: message only. */
void err_print(FILE *f, const char *prog, const char *expr, const struct bpfx_error *err);
#endif
