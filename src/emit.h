/* emit.h: lay the CFG out as a struct bpf_insn[] and resolve jumps. */
#ifndef BPFX_EMIT_H
#define BPFX_EMIT_H
#include "ir.h"
#include "bpfx.h"

/* 0 and a malloc'd program, or -1 with *err set. */
/* spans, when not NULL, receives a malloc'd array: each instruction's origin. */
int emit_program(struct ir_prog *p, struct bpf_insn **out, unsigned *n, struct bpfx_span **spans,
		 struct bpfx_error *err);
#endif
