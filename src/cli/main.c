/* main.c: `bpfx COMMAND [ARGS]`.  Dispatch and the helpers subcommands
 * share; every subcommand lives in its own file. */
#include "cli.h"
#include "bpfx.h"
#include "linktype.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <getopt.h>
#include <string.h>

/* Each command's usage text is its own (cli_X_usage, printed by X --help);
 * the top-level --help shows them all, so no second list can drift. */
static const struct {
	const char *name;
	int (*run)(int, char **);
	const char *usage;
} commands[] = {
	{ "compile", cli_compile, cli_compile_usage },
	{ "filter", cli_filter, cli_filter_usage },
	{ "check", cli_check, cli_check_usage },
	{ "explain", cli_explain, cli_explain_usage },
	{ "dissect", cli_dissect, cli_dissect_usage },
	{ "trace", cli_trace, cli_trace_usage },
	{ "asm", cli_asm, cli_asm_usage },
};

/* The short form: one usage line (or two) per command. */
static void usage(FILE *f)
{
	fputs("usage: bpfx COMMAND [OPTIONS] [EXPRESSION...]\n"
	      "       bpfx --help | --version | COMMAND --help\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		const char *u = commands[i].usage;
		/* the usage lines run until the first line not indented and
		 * not starting "usage:" */
		for (const char *l = u; *l; l = strchr(l, '\n') + 1) {
			if (l != u && strncmp(l, "       ", 7) && strncmp(l, "usage:", 6))
				break;
			const char *nl = strchr(l, '\n');
			/* "usage: " and the indent under it are both 7 wide */
			fprintf(f, "  %.*s\n", (int)(nl - l - 7), l + 7);
		}
	}
}

/* --help: every command with all its options, from its own text. */
static void help(FILE *f)
{
	fputs("bpfx: compile tcpdump filter expressions to classic BPF, run, check,\n"
	      "explain and trace them.\n\n", f);
	usage(f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "\n%s", commands[i].usage);
}

/* --version: as tcpdump --version, bpfx's then libpcap's. */
static void version(FILE *f)
{
	fprintf(f, "bpfx version %s\n%s\n", bpfx_version(), pcap_lib_version());
}

const char *cli_prog = "bpfx";
const char *cli_usage = "";

char *cli_join(int argc, char **argv)
{
	size_t n = 1;
	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	char *s = malloc(n), *p = s;
	if (!s) {
		fprintf(stderr, "%s: out of memory\n", cli_prog);
		exit(2);
	}
	*p = 0;
	for (int i = 0; i < argc; i++) {
		if (i)
			*p++ = ' ';
		size_t l = strlen(argv[i]);
		memcpy(p, argv[i], l + 1);
		p += l;
	}
	return s;
}

/* -y LINKTYPE: a name of the link-type table; `-y list` prints the table
 * (name, DLT value, tcpdump's description) and exits, so the usage texts
 * and the completion script need not repeat it. */
int cli_linktype(const char *arg)
{
	int n;
	const struct linktype *lts = lt_all(&n);
	if (!strcmp(arg, "list")) {
		for (int i = 0; i < n; i++)
			printf("%-24s %3d  %s\n", lts[i].name, lts[i].dlt, lts[i].descr);
		exit(cli_finish("", 0));
	}
	int dlt = bpfx_linktype_from_name(arg);
	if (dlt < 0) {
		fprintf(stderr, "%s: unknown link type '%s' (`-y list` names the %d it knows)\n", cli_prog, arg, n);
		exit(2);
	}
	return dlt;
}

/* One message for every malformed or out-of-range number. */
static uint32_t number(const char *opt, const char *arg, unsigned long min)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);
	if (!*arg || *end || errno || v > 0xffffffffUL || v < min || arg[0] == '-') {
		fprintf(stderr, "%s: %s wants a number from %lu to 4294967295, not '%s'\n", cli_prog, opt, min, arg);
		exit(2);
	}
	return (uint32_t)v;
}

uint32_t cli_uint(const char *opt, const char *arg)
{
	return number(opt, arg, 0);
}

uint32_t cli_count(const char *opt, const char *arg)
{
	return number(opt, arg, 1);
}

int cli_bad_usage(const char *msg, const char *arg)
{
	fprintf(stderr, "%s: %s%s%s\n", cli_prog, msg, arg ? ": " : "", arg ? arg : "");
	fputs(cli_usage, stderr);
	return 2;
}

uint32_t cli_snaplen(const char *arg)
{
	uint32_t n = cli_uint("-s", arg);
	return n ? n : CLI_SNAPLEN; /* tcpdump: -s 0 means the default */
}

int cli_finish(const char *cmd, int status)
{
	/* A write that failed earlier left the error flag and, as every
	 * later flush failed the same way, errno; a failure now sets both. */
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	int e = errno;
	fprintf(stderr, "bpfx%s%s: standard output: %s\n", *cmd ? " " : "", cmd, e ? strerror(e) : "write error");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		help(stdout);
		return cli_finish("", 0);
	}
	if (!strcmp(argv[1], "--version")) {
		version(stdout);
		return cli_finish("", 0);
	}
	static char prog[32];
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name)) {
			snprintf(prog, sizeof prog, "bpfx %s", commands[i].name);
			cli_prog = prog;
			cli_usage = commands[i].usage;
			optind = 1; /* each command reads its own options (cli_getopt) */
			opterr = 0;
			return cli_finish(commands[i].name, commands[i].run(argc - 1, argv + 1));
		}
	fprintf(stderr, "bpfx: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
