/* explain.c: `bpfx explain [-y LINKTYPE] [-O] [-s SNAPLEN] [--json]
 * EXPRESSION...`: the compiled program with each instruction annotated
 * (src/explain.c). */
#include "cli.h"
#include "bpfx.h"
#include "error.h"
#include "explain.h"
#include "gen/gen.h" /* ip6w_describe: --ip6-transport's walk in words */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_explain_usage[] =
	"usage: bpfx explain [-y LINKTYPE] [-O|--loose] [-s SNAPLEN] [--json] EXPRESSION...\n"
	"       bpfx explain --html [-y LINKTYPE] [-r FILE [--packet N]] EXPRESSION... > page.html\n"
	"Compile EXPRESSION and annotate each instruction: the part of the expression\n"
	"that produced it, the header field it reads, the question each branch asks.\n"
	"  -y LINKTYPE  a libpcap link-type name: EN10MB (default), RAW, LINUX_SLL, ...;\n"
	"               -y list prints every one bpfx knows\n"
	"  -O           do not run the optimizer (as tcpdump -O)\n"
	"  --loose      optimize as libpcap does (see bpfx compile --help)\n"
	"  --ip6-transport  the dialect (see bpfx compile --help)\n"
	"  -s SNAPLEN   the length a match returns (default 262144)\n"
	"  --json       the same as one JSON object\n"
	"  --html       one self-contained HTML page linking the instructions, the\n"
	"               expression and, with -r FILE, packet N's bytes, fields and trace\n"
	"  -r FILE      with --html: the capture (its link type); --packet N (default 1)\n";

/* Is word in the expression, as a word (not inside a host name)? */
static int has_word(const char *expr, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(expr, word); p; p = strstr(p + 1, word)) {
		int before = p == expr || !(isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '.');
		int after = !(isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '.');
		if (before && after)
			return 1;
	}
	return 0;
}

int cli_explain(int argc, char **argv)
{
	struct bpfx_options o;
	int json = 0, html = 0, i = 1;
	const char *file = NULL;
	unsigned long packet = 0;
	bpfx_options_init(&o);
	const struct cli_opt opts[] = {
		CLI_HELP_OPT('h'),
		{ "--json", 0, CLI_SET, .to.i = &json, .val = 1 },
		{ "--html", 0, CLI_SET, .to.i = &html, .val = 1 },
		CLI_COMPILER_OPTS(&o),
		{ NULL, 'r', CLI_STR, .to.s = &file },
		{ "--packet", 0, CLI_COUNT, .to.ul = &packet },
	};
	int status = cli_parse(argc, argv, &i, opts, CLI_NOPTS(opts), CLI_WORDS | CLI_DASHDASH | CLI_NUMBERS);
	if (status >= 0)
		return status;
	if (i == argc)
		return cli_bad_usage("no expression", NULL);
	if (!html && (file || packet))
		return cli_bad_usage("-r and --packet go with --html", NULL);
	if (packet && !file)
		return cli_bad_usage("--packet needs -r FILE", NULL);
	char *expr = cli_join(argc - i, argv + i);
	if (html) {
		int rc = cli_html_explain(expr, &o, file, packet ? packet : 1);
		free(expr);
		return rc;
	}
	struct explain e;
	struct bpfx_error err;
	if (explain_expr(expr, &o, &e, &err) < 0) {
		err_print(stderr, "bpfx explain", expr, &err);
		free(expr);
		return 2;
	}
	if (json)
		explain_print_json(stdout, &e);
	else
		explain_print(stdout, &e);
	if (!json && o.ip6_transport) {
		char note[1024];
		ip6w_describe(note, sizeof note);
		printf("\n%s.\n", note);
	}
	if (!json && has_word(expr, "protochain")) {
		char note[1024];
		gen_protochain_describe(note, sizeof note);
		printf("\n%s.\n", note);
	}
	explain_free(&e);
	free(expr);
	return 0; /* main.c flushes and checks standard output */
}
