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

int cli_compile(int argc, char **argv)
{
	struct bpfx_options o;
	enum fmt_style style = FMT_D;
	int i, took;
	bpfx_options_init(&o);
	o.dump_to = stderr; /* --dump= */
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(cli_compile_usage, stdout);
			return 0;
		} else if ((took = cli_compiler_option(argc, argv, i, &o, cli_compile_usage))) {
			if (took < 0)
				return 2;
			i += took - 1;
		} else if (!strncmp(a, "--dump=", 7)) {
			for (char *w = a + 7; *w;) {
				size_t n = strcspn(w, ",");
				if (n == 3 && !strncmp(w, "ast", 3))
					o.dump |= BPFX_DUMP_AST;
				else if (n == 2 && !strncmp(w, "ir", 2))
					o.dump |= BPFX_DUMP_IR;
				else if (n == 3 && !strncmp(w, "opt", 3))
					o.dump |= BPFX_DUMP_OPT;
				else {
					fprintf(stderr, "bpfx compile: --dump takes ast, ir or opt, not '%.*s'\n", (int)n, w);
					return 2;
				}
				w += n + (w[n] == ',');
			}
		} else if (cli_listing_style(a, &style)) {
			continue;
		} else if (!strcmp(a, "--asm")) {
			style = FMT_ASM;
		} else if (!strcmp(a, "--json")) {
			style = FMT_JSON;
		} else if (cli_unknown_option(a, cli_compile_usage)) {
			return 2;
		} else {
			break;
		}
	}
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
	int rc = fmt_program(stdout, prog.insns, prog.len, style);
	if (rc)
		fputs("bpfx compile: out of memory\n", stderr);
	else if (style == FMT_JSON)
		fputs("}\n", stdout);
	bpfx_program_free(&prog);
	free(expr);
	return rc ? 1 : 0;
}
