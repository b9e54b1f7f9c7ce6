# The bpfx program (src/cli/): one file per command; main.c dispatches.
bpfx_SOURCES += src/cli/cli.h src/cli/main.c src/cli/opts.c
bpfx_SOURCES += src/cli/asm.c
bpfx_SOURCES += src/cli/check.c
bpfx_SOURCES += src/cli/compile.c
bpfx_SOURCES += src/cli/dissect.c
bpfx_SOURCES += src/cli/explain.c
bpfx_SOURCES += src/cli/html.c
bpfx_SOURCES += src/cli/filter.c src/cli/filter.h src/cli/filter_jobs.c
bpfx_SOURCES += src/cli/trace.c
bpfx_SOURCES += src/cli/stop.c src/cli/live.c
