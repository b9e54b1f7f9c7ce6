/* asm.c: `bpfx asm` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_asm(int argc, char **argv)
{
	fputs("bpfx asm: not written yet\n", stderr);
	return 2;
}
