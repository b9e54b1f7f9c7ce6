/* check.c: `bpfx check` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_check(int argc, char **argv)
{
	fputs("bpfx check: not written yet\n", stderr);
	return 2;
}
