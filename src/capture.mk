# Capture reading, `bpfx filter` and `bpfx check` (src/capture.c, src/check.c,
# src/cli/filter.c, src/cli/check.c) and their tests.
bpfx_SOURCES += src/cli/filter.c src/cli/check.c
