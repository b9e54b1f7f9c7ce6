/* opts.c: the one option parser of every command.  A command lists its
 * options as rows (struct cli_opt in cli.h: spelling, what it sets or
 * does); cli_parse reads argv by those rows, so a command writes no loop
 * of its own and every command refuses a bad option with the same words.
 *
 * Two ways of reading stay, because the commands' interfaces differ and
 * they do not change:
 *  - getopt (check, filter, trace, dissect): as tcpdump reads its options,
 *    through getopt_long: -nn bundles, -cARG, --long=ARG, abbreviated long
 *    names, options after the expression (CLI_IN_ORDER: not so).  Its
 *    messages are "option needs an argument: -c" and "unknown option: -Z".
 *  - words (compile, explain, asm): each argument one option spelled in
 *    full ("-dd" is not -d twice), up to the first that is none; its
 *    messages are "-y needs an argument" and "unknown option '-Z'". */
#include "cli.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which kinds of row take an argument. */
static const unsigned char takes_arg[] = {
	[CLI_STR] = 1, [CLI_FILE] = 1, [CLI_LINKTYPE] = 1, [CLI_UINT] = 1, [CLI_SNAP] = 1,
	[CLI_COUNT] = 1, [CLI_WORD] = 1, [CLI_FN_ARG] = 1,
};

/* The value of the word arg in w, -1 if it is none of them. */
static int word_value(const struct cli_word *w, const char *arg)
{
	for (; w->name; w++)
		if (!strcmp(w->name, arg))
			return w->value;
	return -1;
}

/* getopt_long's value for a long option without a letter: past every
 * character. */
#define LONG_ONLY 256

/* How the option is written in messages: "--packet", "-c". */
static const char *spelling(const struct cli_opt *o, char buf[3])
{
	if (o->name)
		return o->name;
	buf[0] = '-', buf[1] = o->letter, buf[2] = 0;
	return buf;
}

/* Do what row o says with its argument arg (NULL if it takes none).
 * Returns -1 to go on, else the exit status after any message. */
static int apply(const struct cli_opt *o, const char *arg)
{
	char buf[3];
	switch (o->kind) {
	case CLI_SET: *o->to.i = o->val; break;
	case CLI_INC: ++*o->to.i; break;
	case CLI_OPTIMIZE: *o->to.opt = (enum bpfx_optimize)o->val; break;
	case CLI_STR: *o->to.s = arg; break;
	case CLI_FILE:
		if (*o->n == o->val)
			return cli_bad_usage(o->bad, NULL);
		o->to.s[(*o->n)++] = arg;
		break;
	case CLI_LINKTYPE: *o->to.i = cli_linktype(arg); break;
	case CLI_UINT: *o->to.u32 = cli_uint(spelling(o, buf), arg); break;
	case CLI_SNAP: *o->to.u32 = cli_snaplen(arg); break;
	case CLI_COUNT: *o->to.ul = cli_count(spelling(o, buf), arg); break;
	case CLI_WORD: {
		int v = word_value(o->words, arg);
		if (v < 0)
			return cli_bad_usage(o->bad, arg);
		*o->to.i = v;
		break;
	}
	case CLI_HELP: fputs(cli_usage, stdout); return 0;
	case CLI_FN:
	case CLI_FN_ARG: return o->fn(o->to.ctx, arg);
	}
	return -1;
}

/* getopt_long over the rows; on success *first is the first operand. */
static int parse_getopt(int argc, char **argv, int *first, const struct cli_opt *opts, size_t n, int how)
{
	char shortopts[2 + 2 * CLI_MAXOPTS + 1], *s = shortopts;
	struct option longopts[CLI_MAXOPTS + 1];
	size_t nlong = 0;
	if (n > CLI_MAXOPTS) {
		fprintf(stderr, "%s: more than %d options\n", cli_prog, CLI_MAXOPTS);
		return 2;
	}
	if (how & CLI_IN_ORDER)
		*s++ = '+';
	*s++ = ':'; /* a missing argument returns ':', not '?' */
	for (size_t i = 0; i < n; i++) {
		int has_arg = takes_arg[opts[i].kind];
		if (opts[i].letter) {
			*s++ = opts[i].letter;
			if (has_arg)
				*s++ = ':';
		}
		if (opts[i].name)
			longopts[nlong++] = (struct option){ opts[i].name + 2, has_arg ? required_argument : no_argument,
							     NULL, opts[i].letter ? opts[i].letter : LONG_ONLY + (int)i };
	}
	*s = 0;
	longopts[nlong] = (struct option){ NULL, 0, NULL, 0 };
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == ':')
			return cli_bad_usage("option needs an argument", argv[optind - 1]);
		if (c == '?')
			return cli_bad_usage("unknown option", argv[optind - 1]);
		size_t i = (size_t)c - LONG_ONLY;
		if (c < LONG_ONLY)
			for (i = 0; opts[i].letter != c; i++)
				;
		int status = apply(&opts[i], optarg);
		if (status >= 0)
			return status;
	}
	*first = optind;
	return -1;
}

/* The row spelled a (a row named "--x=" takes what follows as *arg). */
static const struct cli_opt *find_word(const char *a, const struct cli_opt *opts, size_t n, const char **arg)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = opts[i].name;
		size_t len = name ? strlen(name) : 0;
		*arg = NULL;
		if (opts[i].letter && a[0] == '-' && a[1] == opts[i].letter && !a[2])
			return &opts[i];
		if (len && name[len - 1] == '=' && !strncmp(a, name, len)) {
			*arg = a + len;
			return &opts[i];
		}
		if (len && !strcmp(a, name))
			return &opts[i];
	}
	return NULL;
}

/* Word by word from argv[*first]; stops at the first operand. */
static int parse_words(int argc, char **argv, int *first, const struct cli_opt *opts, size_t n, int how)
{
	int i;
	for (i = *first; i < argc; i++) {
		const char *a = argv[i], *arg;
		if ((how & CLI_DASHDASH) && !strcmp(a, "--")) {
			i++;
			break;
		}
		const struct cli_opt *o = find_word(a, opts, n, &arg);
		if (!o) {
			/* "-" is standard input; with CLI_NUMBERS "-5" starts an expression */
			if (a[0] != '-' || !a[1] || ((how & CLI_NUMBERS) && a[1] >= '0' && a[1] <= '9'))
				break;
			fprintf(stderr, "%s: unknown option '%s'\n%s", cli_prog, a, cli_usage);
			return 2;
		}
		if (takes_arg[o->kind] && !arg) {
			if (i + 1 >= argc) {
				fprintf(stderr, "%s: %s needs an argument\n%s", cli_prog, a, cli_usage);
				return 2;
			}
			arg = argv[++i];
		}
		int status = apply(o, arg);
		if (status >= 0)
			return status;
	}
	*first = i;
	return -1;
}

int cli_parse(int argc, char **argv, int *first, const struct cli_opt *opts, size_t n, int how)
{
	return how & CLI_WORDS ? parse_words(argc, argv, first, opts, n, how)
			       : parse_getopt(argc, argv, first, opts, n, how);
}
