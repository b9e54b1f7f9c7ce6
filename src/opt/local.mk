# Optimizer passes (src/opt/), one file per pass; opt.c is the driver.
libbpfx_core_la_SOURCES += src/opt/opt.c src/opt/opt.h
libbpfx_core_la_SOURCES += src/opt/dead.c
libbpfx_core_la_SOURCES += src/opt/fuse.c
libbpfx_core_la_SOURCES += src/opt/hoist.c
libbpfx_core_la_SOURCES += src/opt/loads.c
libbpfx_core_la_SOURCES += src/opt/loose.c
libbpfx_core_la_SOURCES += src/opt/peep.c
libbpfx_core_la_SOURCES += src/opt/sets.c
libbpfx_core_la_SOURCES += src/opt/thread.c
libbpfx_core_la_SOURCES += src/opt/merge.c
libbpfx_core_la_SOURCES += src/opt/vn.c
libbpfx_core_la_SOURCES += src/opt/weak.c
libbpfx_core_la_SOURCES += src/opt/weak_root.c
