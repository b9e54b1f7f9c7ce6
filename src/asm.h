/* asm.h: assemble classic BPF written by hand back into bytecode.
 *
 * Accepted, line by line and freely mixed:
 *   - tcpdump's -d listing, exactly as fmt_program prints it
 *     ("(004) jeq      #0x6             jt 5\tjf 11"): jump targets are
 *     absolute instruction numbers, the "(NNN)" prefix is optional but when
 *     present must equal the instruction's index;
 *   - the Linux bpf_asm syntax (tools/bpf/bpf_exp.y): labels "L1:",
 *     "jeq #0x800, L1, L2", "jne #6, drop", "jlt"/"jle", "jmp L", "ret a";
 *   - tcpdump's -dd ("{ 0x28, 0, 0, 0x0000000c },") and -ddd ("40 0 0 12",
 *     after a count line) output.
 * Comments run from ';' or "//" to the end of the line.
 * The result is not validated: callers that run it call bpfx_validate. */
#ifndef BPFX_ASM_H
#define BPFX_ASM_H
#include <stdio.h>
#include "bpfx.h"

struct asm_error {
	int line, col;       /* 1-based position of the offending token */
	char msg[200];       /* one line, no trailing newline */
	char text[256];      /* the offending source line, for the caret */
};

/* Assemble text (NUL-terminated).  0 and *out filled, or -1 and *err. */
int asm_parse(const char *text, struct bpfx_program *out, struct asm_error *err);

/* Read path ("-" is stdin) and assemble it.  On failure returns -1 with
 * *err filled (line 0 when the file itself cannot be read). */
int asm_read_file(const char *path, struct bpfx_program *out, struct asm_error *err);

/* --program FILE (filter, check, trace): asm_read_file, then bpfx_validate.
 * 0, or -1 after printing on errf what is wrong: the line and column of a
 * syntax error, or the index of the instruction the validator rejects. */
int asm_load_program(FILE *errf, const char *prog, const char *path, struct bpfx_program *out);

/* "PROG: FILE:LINE:COL: MSG", then the line and a caret under the column. */
void asm_error_print(FILE *f, const char *prog, const char *path, const struct asm_error *err);
#endif
