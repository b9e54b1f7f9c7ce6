/* dissect.c: `bpfx dissect` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_dissect(int argc, char **argv)
{
	fputs("bpfx dissect: not written yet\n", stderr);
	return 2;
}
