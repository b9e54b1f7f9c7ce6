/* compile.c: `bpfx compile` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_compile(int argc, char **argv)
{
	fputs("bpfx compile: not written yet\n", stderr);
	return 2;
}
