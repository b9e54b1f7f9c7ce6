/* parse.h: expression text to AST (grammar/scanner.l + grammar/parser.y). */
#ifndef BPFX_PARSE_H
#define BPFX_PARSE_H
#include <stdint.h>
#include <stddef.h>
#include "ast.h"
#include "bpfx.h"

/* State shared by the scanner and the parser of one compilation. */
struct parser {
	struct arena *arena;
	const char *src;         /* the expression */
	uint32_t pos;            /* scanner position, in bytes */
	struct span prev;        /* span of the last token shifted (for messages) */
	struct ast *root;        /* the result; NULL for an empty expression */
	struct bpfx_error *err;  /* first error wins */
	int failed;
	int at_end;              /* the syntax error is the end of the text */
	int depth;               /* open parentheses, against runaway nesting */
	int ip6t;                /* --ip6-transport: `tplen` is a word, not a name */
};

/* Parse SRC into *root.  0 on success, -1 with *err set. */
int parse_expr(struct arena *a, const char *src, struct ast **root, struct bpfx_error *err);
/* The same, in the --ip6-transport dialect when ip6t is set. */
int parse_expr_dialect(struct arena *a, const char *src, int ip6t, struct ast **root, struct bpfx_error *err);

/* For the scanner. */
const char *parse_text(struct parser *p, const char *s, size_t n);
int parse_number(struct parser *p, const char *s, size_t n, uint32_t *out);
/* An error in the token that starts at START and ends at the scanner. */
void parse_lex_error(struct parser *p, uint32_t start, const char *fmt, ...);
#endif
