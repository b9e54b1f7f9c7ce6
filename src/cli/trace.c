/* trace.c: `bpfx trace` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_trace(int argc, char **argv)
{
	fputs("bpfx trace: not written yet\n", stderr);
	return 2;
}
