/* cli.h: one function per subcommand, each in its own file; main.c
 * dispatches.  Each returns the exit status: 0 ok, 1 disagreement or no
 * match where that matters, 2 bad usage or bad input. */
#ifndef BPFX_CLI_H
#define BPFX_CLI_H
#include <stdint.h>

int cli_compile(int argc, char **argv);
int cli_filter(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_dissect(int argc, char **argv);
int cli_trace(int argc, char **argv);
int cli_asm(int argc, char **argv);

/* Join argv[0..argc) with single spaces, as tcpdump does; malloc'd. */
char *cli_join(int argc, char **argv);
/* Parse a link type name (or number); exits 2 with a message if unknown. */
int cli_linktype(const char *arg);
/* Parse a decimal unsigned; exits 2 naming the option if malformed. */
uint32_t cli_uint(const char *opt, const char *arg);
#endif
