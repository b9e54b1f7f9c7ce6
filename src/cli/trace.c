/* trace.c: `bpfx trace -r FILE --packet N [--json] [-O] (EXPRESSION... |
 * --program PROG)`: run the program on packet N (1-based, as tcpdump
 * numbers them) and print every step (src/trace.c).  The expression is
 * compiled as `bpfx filter` compiles it for that file: its link type and
 * snapshot length, savefile rules, its byte order. */
#include "cli.h"
#include "asm.h"
#include "bpfx.h"
#include "capture.h"
#include "error.h"
#include "trace.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_trace_usage[] =
	"usage: bpfx trace -r FILE --packet N [--json] [-O|--loose] [--ip6-transport] EXPRESSION...\n"
	"       bpfx trace -r FILE --packet N [--json] --program PROG\n"
	"Run the filter on packet N of FILE (1-based) and print every step: the\n"
	"instruction, A and X after it, the packet bytes it read, the scratch memory\n"
	"it wrote, the branch it took; then the verdict and the length returned.\n"
	"  --program PROG  a hand-written program (as `bpfx asm` reads) instead\n";

struct trace_args {
	const char *file, *program;
	unsigned long packet;
	int json;
	enum bpfx_optimize optimize;
	int ip6_transport;       /* --ip6-transport */
	char *expr;
};

static int parse_args(int argc, char **argv, struct trace_args *a)
{
	memset(a, 0, sizeof *a);
	a->optimize = BPFX_OPT_EXACT;
	const struct cli_opt opts[] = {
		{ NULL, 'r', CLI_STR, .to.s = &a->file },
		CLI_OPTIMIZER_OPTS(&a->optimize),
		{ "--ip6-transport", 0, CLI_SET, .to.i = &a->ip6_transport, .val = 1 },
		{ "--packet", 0, CLI_COUNT, .to.ul = &a->packet },
		{ "--json", 0, CLI_SET, .to.i = &a->json, .val = 1 },
		{ "--program", 0, CLI_STR, .to.s = &a->program },
		CLI_HELP_OPT(0),
	};
	int first, status = cli_parse(argc, argv, &first, opts, CLI_NOPTS(opts), CLI_IN_ORDER);
	if (status >= 0)
		return status;
	if (!a->file)
		return cli_bad_usage("no capture to read (-r FILE)", NULL);
	if (!a->packet)
		return cli_bad_usage("which packet? (--packet N)", NULL);
	if (a->program && first < argc)
		return cli_bad_usage("--program and an expression: give one", NULL);
	if (!a->program && first == argc)
		return cli_bad_usage("no expression (or --program PROG)", NULL);
	a->expr = a->program ? NULL : cli_join(argc - first, argv + first);
	return -1;
}

/* The program for this file: compiled, or read and validated. */
static int get_program(const struct trace_args *a, struct cap_reader *r, struct bpfx_program *prog)
{
	struct bpfx_error e;
	if (a->program)
		return asm_load_program(stderr, "bpfx trace", a->program, prog);
	struct bpfx_options o;
	bpfx_options_init(&o);
	o.linktype = cap_linktype(r);
	o.snaplen = cap_snaplen(r);
	o.optimize = a->optimize;
	o.ip6_transport = a->ip6_transport;
	o.savefile = 1;
	o.swapped = pcap_is_swapped(r->p) == 1;
	if (bpfx_compile(a->expr, &o, prog, &e) < 0) {
		char where[CAP_ERRLEN], num[16];
		const char *name = bpfx_linktype_name(o.linktype);
		snprintf(num, sizeof num, "%d", o.linktype);
		snprintf(where, sizeof where, "bpfx trace: %s (link type %s)", cap_display(r->path), name ? name : num);
		err_print(stderr, where, a->expr, &e);
		return -1;
	}
	return 0;
}

int cli_trace(int argc, char **argv)
{
	struct trace_args a;
	int status = parse_args(argc, argv, &a);
	if (status >= 0)
		return status;
	struct cap_reader r;
	if (cap_open(&r, a.file) < 0) {
		fprintf(stderr, "bpfx trace: %s\n", r.err);
		free(a.expr);
		return 2;
	}
	struct bpfx_program prog = { 0 };
	struct pcap_pkthdr *h = NULL;
	const u_char *pkt = NULL;
	int got = 0;
	status = 2;
	if (get_program(&a, &r, &prog) < 0)
		goto out;
	while (r.count < a.packet && (got = cap_next(&r, &h, &pkt)) > 0)
		;
	if (got < 0) {
		fprintf(stderr, "bpfx trace: %s\n", r.err);
		goto out;
	}
	if (r.count < a.packet) {
		fprintf(stderr, "bpfx trace: %s has %lu packets, no packet %lu\n", cap_display(a.file), r.count,
			a.packet);
		goto out;
	}
	struct trace t;
	if (trace_run(prog.insns, prog.len, pkt, h->len, h->caplen, &t) < 0) {
		fputs("bpfx trace: out of memory\n", stderr);
		goto out;
	}
	const char *lname = bpfx_linktype_name(cap_linktype(&r));
	if (a.json) {
		trace_print_json(stdout, &t);
	} else {
		printf("packet %lu of %s: %u bytes captured, %u on the wire, link type %s\n", a.packet,
		       cap_display(a.file), h->caplen, h->len, lname ? lname : "unknown");
		if (a.expr)
			printf("filter: %s (%u instructions)\n", a.expr, prog.len);
		else
			printf("program: %s (%u instructions)\n", a.program, prog.len);
		trace_print(stdout, &t);
	}
	status = 0;
	trace_free(&t);
out: /* main.c flushes and checks standard output */
	bpfx_program_free(&prog);
	cap_close(&r);
	free(a.expr);
	return status;
}
