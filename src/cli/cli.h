/* cli.h: one function per subcommand, each in its own file; main.c
 * dispatches.  Each returns the exit status: 0 ok, 1 disagreement or no
 * match where that matters, 2 bad usage or bad input. */
#ifndef BPFX_CLI_H
#define BPFX_CLI_H
#include <stdint.h>
#include "format.h"
#include <pcap/pcap.h>

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
/* "bpfx COMMAND: MSG[: ARG]" and the command's usage on stderr; returns 2,
 * the exit status of bad usage. */
int cli_bad_usage(const char *usage, const char *msg, const char *arg);
/* tcpdump's default snapshot length, and -s's argument (0: the default). */
#define CLI_SNAPLEN 262144
uint32_t cli_snaplen(const char *arg);
/* The long options check, filter and trace share (CLI_LONGOPTS in their
 * getopt tables), and what cli_getopt returns for them; a command's own
 * long options count from CLI_OPT_OWN. */
enum { CLI_OPT_HELP = 256, CLI_OPT_PROGRAM, CLI_OPT_LOOSE, CLI_OPT_IP6T, CLI_OPT_OWN };
#define CLI_LONGOPTS                                                               \
	{ "help", no_argument, NULL, CLI_OPT_HELP },                               \
	{ "program", required_argument, NULL, CLI_OPT_PROGRAM },                   \
	{ "loose", no_argument, NULL, CLI_OPT_LOOSE },                             \
	{ "ip6-transport", no_argument, NULL, CLI_OPT_IP6T }
/* getopt_long over a command's arguments (main.c starts it at argv[1]):
 * the next option, -1 after the last, -2 after saying that an option is
 * unknown or lacks its argument (shortopts start with ':'). */
struct option;
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts, const char *usage);
/* An option's word and what it stands for (>= 0); tables end with NULL. */
struct cli_word {
	const char *name;
	int value;
};
/* The value of the word arg in w, -1 if it is none of them. */
int cli_word(const struct cli_word *w, const char *arg);
/* Append a -r FILE to files[0..*n); -1 when max are there already. */
int cli_add_file(const char **files, int *n, int max, const char *arg);
/* The compiler's options as compile and explain take them: -O, --loose,
 * --ip6-transport, -y LINKTYPE, -s SNAPLEN, at argv[i], set in *o.
 * Returns how many arguments it took (1 or 2), 0 if argv[i] is none of
 * them, -1 when its argument is missing (said, with usage). */
struct bpfx_options;
int cli_compiler_option(int argc, char **argv, int i, struct bpfx_options *o, const char *usage);
/* 1 after saying so with usage when a is an option no earlier test took
 * ("-x"; "-5" is an expression's start, "-" is none); 0 otherwise. */
int cli_unknown_option(const char *a, const char *usage);
/* -d, -dd, -ddd: tcpdump's listing styles.  1 and *style set, or 0. */
int cli_listing_style(const char *a, enum fmt_style *style);

/* stop.c: SIGINT/SIGTERM/SIGHUP stop a run between two packets. */
void cli_stop_install(void);
/* Also break out of this live capture's wait (NULL: none). */
void cli_stop_watch(pcap_t *live);
/* Nonzero once a stop signal has arrived. */
int cli_stopped(void);
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
