/* filter.c: `bpfx filter` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_filter(int argc, char **argv)
{
	fputs("bpfx filter: not written yet\n", stderr);
	return 2;
}
