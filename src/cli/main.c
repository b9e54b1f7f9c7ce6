/* main.c: `bpfx COMMAND [ARGS]`.  Dispatch and the helpers subcommands
 * share; every subcommand lives in its own file. */
#include "cli.h"
#include "bpfx.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int (*run)(int, char **);
	const char *usage;
} commands[] = {
	{ "compile", cli_compile, "compile [-O] [-y LINKTYPE] [-s SNAPLEN] [-d|-dd|-ddd] EXPRESSION..." },
	{ "filter", cli_filter, "filter -r FILE [-w OUT] [-c COUNT] [--engine bpfx|libpcap] [EXPRESSION...]" },
	{ "check", cli_check, "check -r FILE... [-y LINKTYPE] [-s SNAPLEN] [-O] EXPRESSION..." },
	{ "explain", cli_explain, "explain [-y LINKTYPE] [--json] EXPRESSION..." },
	{ "dissect", cli_dissect, "dissect -r FILE [-c COUNT] [--packet N]" },
	{ "trace", cli_trace, "trace -r FILE --packet N [--json] EXPRESSION..." },
	{ "asm", cli_asm, "asm [-d|-dd|-ddd] FILE|-" },
};

static void usage(FILE *f)
{
	fputs("usage: bpfx COMMAND [OPTIONS] [EXPRESSION...]\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  bpfx %s\n", commands[i].usage);
}

char *cli_join(int argc, char **argv)
{
	size_t n = 1;
	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	char *s = malloc(n), *p = s;
	if (!s) {
		fputs("bpfx: out of memory\n", stderr);
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

int cli_linktype(const char *arg)
{
	int dlt = bpfx_linktype_from_name(arg);
	if (dlt < 0) {
		fprintf(stderr, "bpfx: unknown link type '%s' (try EN10MB, RAW, IPV4, IPV6, NULL, LOOP, LINUX_SLL, LINUX_SLL2)\n", arg);
		exit(2);
	}
	return dlt;
}

uint32_t cli_uint(const char *opt, const char *arg)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);
	if (!*arg || *end || errno || v > 0xffffffffUL || arg[0] == '-') {
		fprintf(stderr, "bpfx: %s: '%s' is not a number from 0 to 4294967295\n", opt, arg);
		exit(2);
	}
	return (uint32_t)v;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "bpfx: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
