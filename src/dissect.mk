# dissect (src/dissect*.c, src/cli/dissect.c), the man page and the tutorial test.
bpfx_SOURCES += src/cli/dissect.c
