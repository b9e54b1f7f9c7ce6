# explain, trace, asm (src/explain.c, src/trace.c, src/asm.c, src/cli/{explain,trace,asm}.c) and their tests.
bpfx_SOURCES += src/cli/explain.c src/cli/trace.c src/cli/asm.c
