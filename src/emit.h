/* emit.h: placeholder, being written. */
#ifndef BPFX_EMIT_H
#define BPFX_EMIT_H
#endif
