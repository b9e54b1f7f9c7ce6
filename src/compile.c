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
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/dlt.h>

const char *bpfx_version(void)
{
	return PACKAGE_VERSION; /* configure.ac's AC_INIT, passed by configure */
}

void bpfx_options_init(struct bpfx_options *o)
{
	memset(o, 0, sizeof *o);
	o->linktype = DLT_EN10MB;
	o->snaplen = 262144;
	o->optimize = BPFX_OPT_EXACT;
}

#define BPFX_MAX_EXPR (1u << 20) /* 1 MiB of expression text */

int bpfx_compile(const char *expr, const struct bpfx_options *o,
		 struct bpfx_program *out, struct bpfx_error *err)
{
	return bpfx_compile_spans(expr, o, out, NULL, err);
}

/* --dump=STAGE: the stream the stage's result goes to, its heading
 * printed, or NULL when that stage is not asked for. */
static FILE *dump_to(const struct bpfx_options *o, unsigned stage, const char *name)
{
	if (!(o->dump & stage) || !o->dump_to)
		return NULL;
	fprintf(o->dump_to, "-- %s\n", name);
	return o->dump_to;
}

/* libpcap writes a geneve's offsets into scratch cells only where it
 * matched, and everything after it reads them: where that can run
 * without the geneve matching (`geneve or ip`), its program reads memory
 * it never wrote and has no defined result.  bpfx's unoptimized program
 * has the same paths, so it is checked as the kernel checks one and the
 * expression refused there, with the span of the read. */
static int geneve_defined(const struct bpfx_program *p, const struct bpfx_span *sp, struct bpfx_error *err)
{
	struct bpfx_error v;
	if (vm_validate(p->insns, p->len, &v) == 0)
		return 0;
	int at = v.start >= 0 && (unsigned)v.start < p->len ? v.start : 0;
	return err_set(err, sp ? sp[at].start : -1, sp ? sp[at].end : -1,
		       "this reads the offsets of a geneve that may not have matched: libpcap 1.10.3's program "
		       "then reads scratch memory it never wrote, and has no defined result");
}

/* The code generator's state for compiling root with options o. */
static void gen_setup(struct gen *g, struct ir_prog *ir, struct arena *a, const struct linktype *lt,
		      const struct bpfx_options *o, const struct ast *root, struct bpfx_error *err)
{
	ir_init(ir, a, o->snaplen);
	*g = (struct gen){ .ir = ir, .a = a, .lt = lt, .err = err, .savefile = o->savefile, .swapped = o->swapped,
			   .fold = o->optimize != BPFX_OPT_OFF, .ip6w = o->ip6_transport ? ip6w_new(a) : NULL,
			   .kvlan = o->kernel_vlan,
			   .loose = o->optimize == BPFX_OPT_LOOSE && !gen_has_protochain(root) };
}

/* bpfx's optimizer found that expr matches nothing.  libpcap 1.10.3
 * refuses such an expression only where its own, weaker optimizer finds
 * it too (opt/weak.c, on a program generated afresh); elsewhere it
 * compiles a program that accepts nothing, and so does bpfx.  Returns
 * whether to refuse (err keeps the optimizer's message). */
static int libpcap_refuses(struct arena *a, const char *expr, const struct bpfx_options *o,
			   const struct linktype *lt, struct bpfx_error *err)
{
	struct bpfx_error e2;
	struct ast *root = NULL;
	struct ir_prog ir;
	struct gen g;
	if (parse_expr_dialect(a, expr, o->ip6_transport, &root, &e2) || sema_check(a, expr, root, &e2))
		return 1;
	gen_setup(&g, &ir, a, lt, o, root, &e2);
	g.weak = 1;
	return gen_program(&g, root) || opt_weak_rejects(&ir);
}

/* The pipeline.  Its memory is in the arena, the optimizer's and the
 * emitter's scratch arrays on its scratch list; running out of either
 * jumps back to bpfx_compile_spans (parse.c frees the scanner on the way),
 * and arena_free releases both. */
static int compile_stages(struct arena *a, const char *expr, const struct bpfx_options *o,
			  const struct linktype *lt, struct bpfx_program *out, struct bpfx_span **spans,
			  struct bpfx_error *err)
{
	struct ast *root = NULL;
	struct ir_prog ir;
	struct arena tree; /* the syntax tree: no stage after gen reads it */

	arena_init_sub(&tree, a);
	if (parse_expr_dialect(&tree, expr, o->ip6_transport, &root, err) || sema_check(&tree, expr, root, err)) {
		arena_free(&tree);
		return -1;
	}
	FILE *f;
	if ((f = dump_to(o, BPFX_DUMP_AST, "ast")))
		ast_dump(f, root, expr, 0);
	struct gen g;
	gen_setup(&g, &ir, a, lt, o, root, err);
	int chain = gen_has_protochain(root);
	if (gen_program(&g, root)) {
		arena_free(&tree);
		return -1;
	}
	arena_free(&tree);
	root = NULL;
	if ((f = dump_to(o, BPFX_DUMP_IR, "ir")))
		ir_dump(f, &ir);
	/* libpcap does not optimize a program that computes the 802.11
	 * header's length, nor any on Prism (its no_optimize), nor one with
	 * protochain, nor one with geneve: there its verdicts are the
	 * unoptimized program's, so --loose is exact, and a program that
	 * matches nothing is no error (src/gen/wlan.c, protochain.c,
	 * geneve.c) */
	int wlan_exact = wlan_unoptimized(&g) || g.geneve_used;
	ir.loose = o->optimize == BPFX_OPT_LOOSE && !wlan_exact && !chain;
	if (o->optimize != BPFX_OPT_OFF && opt_run(&ir, err) && !wlan_exact) {
		if (chain) {
			struct bpfx_options u = *o;
			u.optimize = BPFX_OPT_OFF;
			u.dump = 0;
			return compile_stages(a, expr, &u, lt, out, spans, err);
		}
		if (libpcap_refuses(a, expr, o, lt, err)) {
			if (!o->ip6_transport) { /* the hint reads the tree: parsed again */
				struct bpfx_error e2;
				arena_init_sub(&tree, a);
				if (!parse_expr_dialect(&tree, expr, 0, &root, &e2) && !sema_check(&tree, expr, root, &e2))
					ip6w_hint(expr, o, root, err);
				arena_free(&tree);
			}
			return -1;
		}
		/* libpcap compiles it: the program is the `ret #0` that
		 * libpcap's behaves as (ir.entry is ir.reject now) */
	}
	if (o->optimize != BPFX_OPT_OFF && (f = dump_to(o, BPFX_DUMP_OPT, "opt")))
		ir_dump(f, &ir);
	if (g.geneve_used) { /* the unoptimized program's paths decide */
		struct bpfx_options u = *o;
		struct bpfx_program p = { 0 };
		struct bpfx_span *sp = NULL;
		u.optimize = BPFX_OPT_OFF;
		u.dump = 0;
		g.geneve_used = 0;
		int rc = o->optimize != BPFX_OPT_OFF ? compile_stages(a, expr, &u, lt, &p, &sp, err)
						     : emit_program(&ir, &p.insns, &p.len, &sp, err);
		if (rc == 0 && (rc = geneve_defined(&p, sp, err)) == 0 && o->optimize == BPFX_OPT_OFF) {
			*out = p;
			if (spans)
				*spans = sp;
			else
				free(sp);
			return 0;
		}
		free(p.insns);
		free(sp);
		if (rc)
			return -1;
	}
	return emit_program(&ir, &out->insns, &out->len, spans, err);
}

int bpfx_compile_spans(const char *expr, const struct bpfx_options *o,
		       struct bpfx_program *out, struct bpfx_span **spans,
		       struct bpfx_error *err)
{
	out->insns = NULL;
	out->len = 0;
	const struct linktype *lt = lt_by_dlt(o->linktype);
	if (!lt)
		return err_set(err, -1, -1, "link type %d has no row in bpfx's link-type table (`bpfx compile -y list` "
			       "names the ones it has), so bpfx compiles nothing for it", o->linktype);
	if (o->optimize != BPFX_OPT_OFF && o->optimize != BPFX_OPT_EXACT && o->optimize != BPFX_OPT_LOOSE)
		return err_set(err, -1, -1, "optimizer mode %d is not off, exact or loose", (int)o->optimize);
	if (strlen(expr) > BPFX_MAX_EXPR)
		return err_set(err, -1, -1, "expression longer than %u bytes", BPFX_MAX_EXPR);

	struct arena a;
	jmp_buf oom;
	int rc;
	arena_init(&a);
	a.on_oom = &oom;
	if (setjmp(oom))
		rc = err_set(err, -1, -1, "out of memory");
	else
		rc = compile_stages(&a, expr, o, lt, out, spans, err);
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

size_t bpfx_run_batch(const struct bpf_insn *p, size_t n, const struct bpfx_packet *pkts, size_t count,
		      uint32_t *verdicts)
{
	struct vm_prog *vp = vm_prepare_n(p, n, count, NULL);
	size_t accepted = 0;
	if (vp) {
		vm_exec_batch(vp, pkts, count, verdicts);
		vm_prog_free(vp);
	} else { /* out of memory: the plain interpreter */
		for (size_t i = 0; i < count; i++)
			verdicts[i] = vm_run(p, pkts[i].data, pkts[i].wirelen, pkts[i].caplen);
	}
	for (size_t i = 0; i < count; i++)
		accepted += verdicts[i] != 0;
	return accepted;
}
