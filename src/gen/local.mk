# Code generation (src/gen/): lowering per protocol layer.
libbpfx_core_la_SOURCES += src/gen/gen.c src/gen/gen.h
libbpfx_core_la_SOURCES += src/gen/arith.c
libbpfx_core_la_SOURCES += src/gen/cond.c src/gen/cond.h
libbpfx_core_la_SOURCES += src/gen/link.c
libbpfx_core_la_SOURCES += src/gen/net.c
libbpfx_core_la_SOURCES += src/gen/transport.c
libbpfx_core_la_SOURCES += src/gen/ip6walk.c
libbpfx_core_la_SOURCES += src/gen/kvlan.c
libbpfx_core_la_SOURCES += src/gen/wlan.c
libbpfx_core_la_SOURCES += src/gen/protochain.c
libbpfx_core_la_SOURCES += src/gen/words.c src/gen/iso.c src/gen/decnet.c src/gen/byte.c src/gen/mtp.c src/gen/atm.c
libbpfx_core_la_SOURCES += src/gen/geneve.c
libbpfx_core_la_SOURCES += src/gen/pflog.c
