/* cli.h: one function per subcommand, each in its own file; main.c
 * dispatches.  Each returns the exit status: 0 ok, 1 disagreement or no
 * match where that matters, 2 bad usage or bad input. */
#ifndef BPFX_CLI_H
#define BPFX_CLI_H
#include <stdint.h>
#include "bpfx.h"
#include "format.h"
#include <pcap/pcap.h>
#include <signal.h>

int cli_compile(int argc, char **argv);
int cli_filter(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_dissect(int argc, char **argv);
int cli_trace(int argc, char **argv);
int cli_asm(int argc, char **argv);

/* Each command's usage and option text, printed by COMMAND --help and,
 * all together, by bpfx --help. */
extern const char cli_compile_usage[], cli_filter_usage[], cli_check_usage[], cli_explain_usage[],
	cli_dissect_usage[], cli_trace_usage[], cli_asm_usage[];

/* Join argv[0..argc) with single spaces, as tcpdump does; malloc'd. */
char *cli_join(int argc, char **argv);
/* Parse a link type name (or number); exits 2 with a message if unknown. */
int cli_linktype(const char *arg);
/* Parse a decimal unsigned; exits 2 naming the option if malformed. */
uint32_t cli_uint(const char *opt, const char *arg);
/* The same from 1 up: a count (-c) or a packet number (--packet). */
uint32_t cli_count(const char *opt, const char *arg);
/* "bpfx COMMAND", the prefix of every message (set by main.c). */
extern const char *cli_prog;
/* The running command's usage text (set by main.c). */
extern const char *cli_usage;
/* "bpfx COMMAND: MSG[: ARG]" and the command's usage on stderr; returns 2,
 * the exit status of bad usage. */
int cli_bad_usage(const char *msg, const char *arg);
/* tcpdump's default snapshot length, and -s's argument (0: the default). */
#define CLI_SNAPLEN 262144
uint32_t cli_snaplen(const char *arg);
/* opts.c: each command's options are a table of rows, which cli_parse
 * reads; a row is a spelling and what the option does. */
enum cli_kind {
	CLI_SET,       /* *to.i = val */
	CLI_INC,       /* ++*to.i: -v, -vv, ... */
	CLI_OPTIMIZE,  /* *to.opt = val: -O, --loose */
	CLI_STR,       /* *to.s = ARG */
	CLI_FILE,      /* to.s[(*n)++] = ARG, at most val of them (else bad) */
	CLI_LINKTYPE,  /* *to.i = cli_linktype(ARG) */
	CLI_UINT,      /* *to.u32 = cli_uint(ARG) */
	CLI_SNAP,      /* *to.u32 = cli_snaplen(ARG) */
	CLI_COUNT,     /* *to.ul = cli_count(ARG) */
	CLI_WORD,      /* *to.i = the value of the word ARG in words (else bad) */
	CLI_HELP,      /* the usage on standard output; exit 0 */
	CLI_FN,        /* fn(to.ctx, NULL) */
	CLI_FN_ARG,    /* fn(to.ctx, ARG) */
};
/* An option's word and what it stands for (>= 0); tables end with NULL. */
struct cli_word {
	const char *name;
	int value;
};
struct cli_opt {
	const char *name;  /* "--long", NULL if none; CLI_WORDS: any spelling
			      ("-dd"), and one ending in '=' takes the rest
			      of its word as ARG ("--dump=") */
	char letter;       /* 'x' for -x, 0 if none */
	enum cli_kind kind;
	union {
		int *i;
		enum bpfx_optimize *opt;
		const char **s;
		uint32_t *u32;
		unsigned long *ul;
		void *ctx;
	} to;
	int val;
	int *n;                        /* CLI_FILE: how many so far */
	const struct cli_word *words;  /* CLI_WORD */
	const char *bad;               /* CLI_FILE, CLI_WORD: the complaint */
	/* CLI_FN, CLI_FN_ARG: -1 to go on, else the exit status */
	int (*fn)(void *ctx, const char *arg);
};
#define CLI_MAXOPTS 48
/* --help (and -LETTER if not 0): the usage on standard output. */
#define CLI_HELP_OPT(letter) { "--help", (letter), CLI_HELP, .to.ctx = NULL }
/* The optimizer's options, as every compiling command takes them. */
#define CLI_OPTIMIZER_OPTS(p)                                                              \
	{ NULL, 'O', CLI_OPTIMIZE, .to.opt = (p), .val = BPFX_OPT_OFF },                   \
	{ "--loose", 0, CLI_OPTIMIZE, .to.opt = (p), .val = BPFX_OPT_LOOSE }
/* compile's and explain's: the optimizer, the dialect, -y, -s on a
 * bpfx_options (-s 0 stays 0 here; check's and filter's mean the default). */
#define CLI_COMPILER_OPTS(o)                                                               \
	CLI_OPTIMIZER_OPTS(&(o)->optimize),                                                \
	{ "--ip6-transport", 0, CLI_SET, .to.i = &(o)->ip6_transport, .val = 1 },          \
	{ NULL, 'y', CLI_LINKTYPE, .to.i = &(o)->linktype },                               \
	{ NULL, 's', CLI_UINT, .to.u32 = &(o)->snaplen }
/* -d, -dd, -ddd: tcpdump's listing styles (enum fmt_style) into an int. */
#define CLI_LISTING_OPTS(p)                                                                \
	{ "-d", 0, CLI_SET, .to.i = (p), .val = FMT_D },                                   \
	{ "-dd", 0, CLI_SET, .to.i = (p), .val = FMT_DD },                                 \
	{ "-ddd", 0, CLI_SET, .to.i = (p), .val = FMT_DDD }
/* How cli_parse reads argv (bits). */
enum {
	CLI_GETOPT = 0,    /* getopt_long, as tcpdump: -nn, -cARG, --long=ARG,
			      abbreviations, options after operands */
	CLI_IN_ORDER = 1,  /* getopt: the first operand ends the options */
	CLI_WORDS = 2,     /* word by word, each spelled whole, up to the
			      first operand */
	CLI_DASHDASH = 4,  /* words: "--" ends the options */
	CLI_NUMBERS = 8,   /* words: "-5" is an operand (an expression's start) */
};
/* Read the options of argv (getopt: from argv[1], as main.c sets up;
 * words: from argv[*first]) by the n rows of opts.  Returns -1 with
 * *first at the first operand (argc if none), else the exit status, after
 * saying what was wrong (with cli_usage). */
int cli_parse(int argc, char **argv, int *first, const struct cli_opt *opts, size_t n, int how);
#define CLI_NOPTS(opts) (sizeof(opts) / sizeof(opts)[0])

/* stop.c: SIGINT/SIGTERM/SIGHUP stop a run between two packets. */
void cli_stop_install(void);
/* Also break out of this live capture's wait (NULL: none). */
void cli_stop_watch(pcap_t *live);
/* Nonzero once a stop signal has arrived (inline: the record loops look
 * at it between every two packets). */
extern volatile sig_atomic_t cli_stop_signal;
static inline int cli_stopped(void)
{
	return cli_stop_signal != 0;
}
/* Hold (1) or let through (0) the stop signals: around the output of a
 * packet to a descriptor a signal can cut (cli_stop_can_cut), so each
 * record is written whole; a held signal is only delayed. */
void cli_stop_hold(int hold);
int cli_stop_can_cut(int fd);
/* 1: a system call a stop signal interrupts goes on (SA_RESTART), so
 * output to a pipe or terminal is never cut and needs no hold (two system
 * calls per packet); only while nothing read can wait (regular files).
 * 0: back to returning at once (EINTR). */
void cli_stop_restart(int on);

/* live.c: around a live capture, as tcpdump 4.99 prints it. */
/* -D: "1.eth0 [Up, Running, Connected]"...; the exit status. */
int cli_list_devices(void);
/* "bpfx filter: listening on lo, link-type ..." on stderr; QUIET adds
 * tcpdump's "verbose output suppressed" wording (no -v, no -w). */
void cli_live_announce(pcap_t *p, const char *dev, int quiet);
/* "N packets captured", "... received by filter", "... dropped by kernel". */
void cli_live_stats(pcap_t *p, unsigned long captured);

/* html.c: the --html pages (src/html.h) of explain (FILE NULL: the
 * program alone) and dissect; the exit status. */
struct bpfx_options;
int cli_html_explain(const char *expr, struct bpfx_options *o, const char *file, unsigned long index);
int cli_html_dissect(const char *file, unsigned long index);

/* main.c: flush standard output and report a failure to write it
 * ("bpfx COMMAND: standard output: REASON"); returns 2 then, else status. */
int cli_finish(const char *cmd, int status);
#endif
