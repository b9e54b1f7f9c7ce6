# The library's modules at the top of src/ (libbpfx_core.la), one module a
# line: the pipeline stages, the VM, the capture reader, the teaching views.
libbpfx_core_la_SOURCES += src/arena.c src/arena.h
libbpfx_core_la_SOURCES += src/asm.c src/asm.h src/asm_int.h src/asm_parse.c
libbpfx_core_la_SOURCES += src/ast.c src/ast.h
libbpfx_core_la_SOURCES += src/capture.c src/capture.h
libbpfx_core_la_SOURCES += src/check.c src/check.h
libbpfx_core_la_SOURCES += src/compile.c
libbpfx_core_la_SOURCES += src/emit.c src/emit.h
libbpfx_core_la_SOURCES += src/error.c src/error.h
libbpfx_core_la_SOURCES += src/explain.c src/explain.h src/explain_int.h
libbpfx_core_la_SOURCES += src/explain_analyze.c src/explain_fields.c src/explain_text.c
libbpfx_core_la_SOURCES += src/format.c src/format.h
libbpfx_core_la_SOURCES += src/isa.h
libbpfx_core_la_SOURCES += src/ir.c src/ir.h
libbpfx_core_la_SOURCES += src/linktype.c src/linktype.h
libbpfx_core_la_SOURCES += src/names.c src/names.h
libbpfx_core_la_SOURCES += src/parse.c src/parse.h
libbpfx_core_la_SOURCES += src/sema.c src/sema.h
libbpfx_core_la_SOURCES += src/trace.c src/trace.h
libbpfx_core_la_SOURCES += src/vm.c src/vm.h
libbpfx_core_la_SOURCES += src/vm_fast.c src/vm_fast_body.h src/vm_simplify.c
libbpfx_core_la_SOURCES += src/html.c src/html.h
# For bindings (python/): text as strings, and whole capture files filtered,
# indexed for splitting and merged in C.
libbpfx_core_la_SOURCES += src/progtext.c src/files.c
# explain's table of pcap-filter(7)'s named constants (icmp-echo, tcp-syn),
# cut from the scanner's rules: the language's list has its one home there.
BUILT_SOURCES += grammar/named_consts.h
nodist_libbpfx_core_la_SOURCES += grammar/named_consts.h
grammar/named_consts.h: $(srcdir)/grammar/scanner.l
	$(AM_V_GEN)$(MKDIR_P) grammar && sed -n 's/^\([a-z0-9][a-z0-9-]*\)[[:space:]]*CONST(\([^)]*\));$$/\t{ "\1", \2 },/p' \
		$(srcdir)/grammar/scanner.l > $@.tmp && mv $@.tmp $@
CLEANFILES += grammar/named_consts.h
