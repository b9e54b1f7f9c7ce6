/* compile.c: the driver.  It reads as the list of pipeline stages:
 * parse -> sema -> gen -> (opt) -> emit -> validate. */
#include "bpfx.h"
#include "arena.h"
#include "emit.h"
#include "error.h"
#include "gen/gen.h"
#include "ir.h"
#include "linktype.h"
#include "opt/opt.h"
#include "parse.h"
#include "sema.h"
#include "vm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/dlt.h>

void bpfx_options_init(struct bpfx_options *o)
{
	memset(o, 0, sizeof *o);
	o->linktype = DLT_EN10MB;
	o->snaplen = 262144;
	o->optimize = 1;
}

#define BPFX_MAX_EXPR (1u << 20) /* 1 MiB of expression text */

int bpfx_compile(const char *expr, const struct bpfx_options *o,
		 struct bpfx_program *out, struct bpfx_error *err)
{
	return bpfx_compile_spans(expr, o, out, NULL, err);
}

int bpfx_compile_spans(const char *expr, const struct bpfx_options *o,
		       struct bpfx_program *out, struct bpfx_span **spans,
		       struct bpfx_error *err)
{
	struct arena a;
	struct ast *root = NULL;
	struct ir_prog ir;
	int rc = -1;

	out->insns = NULL;
	out->len = 0;
	const struct linktype *lt = lt_by_dlt(o->linktype);
	if (!lt)
		return err_set(err, -1, -1, "link type %d is not supported by bpfx yet", o->linktype);
	if (strlen(expr) > BPFX_MAX_EXPR)
		return err_set(err, -1, -1, "expression longer than %u bytes", BPFX_MAX_EXPR);

	arena_init(&a);
	if (parse_expr_dialect(&a, expr, o->ip6_transport, &root, err))
		goto done;
	if (sema_check(&a, expr, root, err))
		goto done;
	if (o->dump & BPFX_DUMP_AST) {
		fputs("-- ast\n", stderr);
		ast_dump(stderr, root, expr, 0);
	}
	ir_init(&ir, &a, o->snaplen);
	struct gen g = { .ir = &ir, .a = &a, .lt = lt, .err = err, .savefile = o->savefile, .swapped = o->swapped,
			 .fold = o->optimize, .ip6w = o->ip6_transport ? ip6w_new(&a) : NULL };
	if (gen_program(&g, root))
		goto done;
	if (o->dump & BPFX_DUMP_IR) {
		fputs("-- ir\n", stderr);
		ir_dump(stderr, &ir);
	}
	ir.loose = o->optimize == BPFX_OPT_LOOSE;
	if (o->optimize && opt_run(&ir, err)) {
		if (!o->ip6_transport)
			ip6w_hint(expr, o, root, err);
		goto done;
	}
	if ((o->dump & BPFX_DUMP_OPT) && o->optimize) {
		fputs("-- opt\n", stderr);
		ir_dump(stderr, &ir);
	}
	if (emit_program(&ir, &out->insns, &out->len, spans, err))
		goto done;
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

void bpfx_program_free(struct bpfx_program *p)
{
	free(p->insns);
	p->insns = NULL;
	p->len = 0;
}

int bpfx_validate(const struct bpf_insn *p, size_t n, struct bpfx_error *err)
{
	return vm_validate(p, n, err);
}

uint32_t bpfx_run(const struct bpf_insn *p, const uint8_t *pkt, uint32_t wirelen, uint32_t caplen)
{
	return vm_run(p, pkt, wirelen, caplen);
}
