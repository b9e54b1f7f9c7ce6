/* explain.c: `bpfx explain` (being written). */
#include "cli.h"
#include <stdio.h>
int cli_explain(int argc, char **argv)
{
	fputs("bpfx explain: not written yet\n", stderr);
	return 2;
}
