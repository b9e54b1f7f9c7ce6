/* asm.c: `bpfx asm [-d|-dd|-ddd] FILE|-`: assemble a program written as
 * tcpdump's -d listing or in Linux bpf_asm syntax (src/asm.c) and print it
 * in tcpdump's -d, -dd or -ddd format.  Syntax errors name the line and
 * column (exit 2); a program that assembles but would not pass the
 * validator is printed with a warning naming the instruction. */
#include "cli.h"
#include "asm.h"
#include "bpfx.h"
#include "format.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_asm_usage[] =
	"usage: bpfx asm [-d|-dd|-ddd] FILE|-\n"
	"Assemble a classic BPF program and print it as tcpdump -d/-dd/-ddd would.\n"
	"FILE holds tcpdump's -d listing (\"(004) jeq #0x6 jt 5 jf 11\"), Linux bpf_asm\n"
	"syntax with labels (\"jeq #0x800, L1, L2\", \"L1: ret #0\"), or -dd/-ddd output;\n"
	"';' and '//' start comments.  - reads standard input.\n"
	"  -d, -dd, -ddd  listing, C array, decimal (default -d)\n";

int cli_asm(int argc, char **argv)
{
	int style = FMT_D, i = 1, status;
	const char *path = NULL;
	const struct cli_opt opts[] = {
		CLI_HELP_OPT('h'),
		CLI_LISTING_OPTS(&style),
	};
	/* FILE may stand before, between or after the options */
	while ((status = cli_parse(argc, argv, &i, opts, CLI_NOPTS(opts), CLI_WORDS)) < 0 && i < argc) {
		if (path) {
			fprintf(stderr, "bpfx asm: one FILE only ('%s' and '%s')\n%s", path, argv[i], cli_asm_usage);
			return 2;
		}
		path = argv[i++];
	}
	if (status >= 0)
		return status;
	if (!path)
		return cli_bad_usage("no FILE (use - for standard input)", NULL);
	struct bpfx_program prog;
	struct asm_error err;
	if (asm_read_file(path, &prog, &err) < 0) {
		asm_error_print(stderr, "bpfx asm", path, &err);
		return 2;
	}
	struct bpfx_error ve;
	if (bpfx_validate(prog.insns, prog.len, &ve) < 0)
		fprintf(stderr, "bpfx asm: warning: the program would not pass validation: instruction %d: %s\n",
			ve.start, ve.msg);
	int rc = fmt_program(stdout, prog.insns, prog.len, (enum fmt_style)style);
	bpfx_program_free(&prog);
	if (rc)
		fputs("bpfx asm: out of memory\n", stderr);
	return rc ? 1 : 0; /* main.c flushes and checks standard output */
}
