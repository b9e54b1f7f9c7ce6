# Optimizer passes (src/opt/), one file per pass; opt.c is the driver.
libbpfx_a_SOURCES += src/opt/opt.h src/opt/opt.c src/opt/peep.c src/opt/vn.c \
	src/opt/thread.c src/opt/loads.c src/opt/dead.c src/opt/sets.c src/opt/fuse.c \
	src/opt/hoist.c src/opt/loose.c
# --loose end to end: check, filter and tcpdump -d listings on cut packets
TESTS += tests/cli/loose.sh
EXTRA_DIST += tests/cli/loose.sh
