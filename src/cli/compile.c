/* compile.c: `bpfx compile [-O] [-y LINKTYPE] [-s SNAPLEN] [-d|-dd|-ddd]
 * EXPRESSION...`: print the program as tcpdump -d/-dd/-ddd would. */
#include "cli.h"
#include "bpfx.h"
#include "error.h"
#include "format.h"
#include "vm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_compile_usage[] =
	"usage: bpfx compile [-O|--loose] [-y LINKTYPE] [-s SNAPLEN] [-d|-dd|-ddd|--asm|--json] EXPRESSION...\n"
	"  -O           do not run the optimizer (as tcpdump -O)\n"
	"  --loose      optimize as libpcap does: shorter, but on a packet too\n"
	"               short for a header the filter reads the verdict may differ\n"
	"  --ip6-transport  the dialect: tcp[i], ports, `tcp` and `ip6 proto` also\n"
	"               over IPv6, through its extension headers (bpfx.1)\n"
	"  -y LINKTYPE  a libpcap link-type name: EN10MB (default), RAW, LINUX_SLL, ...;\n"
	"               -y list prints every one bpfx knows\n"
	"  -s SNAPLEN   the length a match returns (default 262144)\n"
	"  -d, -dd, -ddd  listing, C array, decimal: tcpdump's formats (default -d)\n"
	"  --asm        the Linux kernel's bpf_asm syntax (labels; `bpfx asm` reads it)\n"
	"  --json       one JSON object: expression, link type, instructions\n"
	"  --dump=STAGES  also print stages to stderr: ast, ir, opt (comma-separated)\n";

/* --dump=STAGES: ast, ir, opt, comma-separated. */
static int parse_dump(void *ctx, const char *arg)
{
	static const struct cli_word stages[] = {
		{ "ast", BPFX_DUMP_AST }, { "ir", BPFX_DUMP_IR }, { "opt", BPFX_DUMP_OPT }, { NULL, 0 },
	};
	unsigned *dump = ctx;
	for (const char *w = arg; *w;) {
		size_t n = strcspn(w, ",");
		const struct cli_word *s = stages;
		while (s->name && (strlen(s->name) != n || strncmp(w, s->name, n)))
			s++;
		if (!s->name) {
			fprintf(stderr, "bpfx compile: --dump takes ast, ir or opt, not '%.*s'\n", (int)n, w);
			return 2;
		}
		*dump |= (unsigned)s->value;
		w += n + (w[n] == ',');
	}
	return -1;
}

int cli_compile(int argc, char **argv)
{
	struct bpfx_options o;
	int style = FMT_D, i = 1;
	bpfx_options_init(&o);
	o.dump_to = stderr; /* --dump= */
	const struct cli_opt opts[] = {
		CLI_HELP_OPT('h'),
		CLI_COMPILER_OPTS(&o),
		{ "--dump=", 0, CLI_FN_ARG, .to.ctx = &o.dump, .fn = parse_dump },
		CLI_LISTING_OPTS(&style),
		{ "--asm", 0, CLI_SET, .to.i = &style, .val = FMT_ASM },
		{ "--json", 0, CLI_SET, .to.i = &style, .val = FMT_JSON },
	};
	int status = cli_parse(argc, argv, &i, opts, CLI_NOPTS(opts), CLI_WORDS | CLI_DASHDASH | CLI_NUMBERS);
	if (status >= 0)
		return status;
	char *expr = cli_join(argc - i, argv + i);
	struct bpfx_program prog;
	struct bpfx_error err;
	if (bpfx_compile(expr, &o, &prog, &err)) {
		err_print(stderr, "bpfx compile", expr, &err);
		free(expr);
		return 2;
	}
	if (prog.len > VM_MAXINSNS)
		fprintf(stderr, "bpfx compile: warning: %u instructions, more than the Linux limit of %d\n",
			prog.len, VM_MAXINSNS);
	if (style == FMT_JSON) {
		fputs("{\"expression\": ", stdout);
		fmt_json_str(stdout, expr);
		printf(", \"linktype\": \"%s\", \"snaplen\": %u, \"optimizer\": \"%s\", \"length\": %u,\n\"instructions\": ",
		       bpfx_linktype_name(o.linktype), o.snaplen,
		       o.optimize == BPFX_OPT_LOOSE ? "loose" : o.optimize ? "exact" : "off", prog.len);
	}
	int rc = fmt_program(stdout, prog.insns, prog.len, (enum fmt_style)style);
	if (rc)
		fputs("bpfx compile: out of memory\n", stderr);
	else if (style == FMT_JSON)
		fputs("}\n", stdout);
	bpfx_program_free(&prog);
	free(expr);
	return rc ? 1 : 0;
}
