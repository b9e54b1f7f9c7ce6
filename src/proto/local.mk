# Protocol facts: numbers and names, one table per kind (src/proto/proto.h).
libbpfx_core_la_SOURCES += src/proto/proto.h src/proto/lookup.c src/proto/ethertype.c \
	src/proto/ipproto.c src/proto/icmp.c src/proto/option.c src/proto/port.c \
	src/proto/arp.c src/proto/oui.c src/proto/ppp.c
libbpfx_core_la_SOURCES += src/proto/dns.c
libbpfx_core_la_SOURCES += src/proto/netdb.c
libbpfx_core_la_SOURCES += src/proto/ieee80211.h src/proto/ieee80211.c
libbpfx_core_la_SOURCES += src/proto/app.c
