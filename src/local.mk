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
libbpfx_core_la_SOURCES += src/vm_fast.c
libbpfx_core_la_SOURCES += src/html.c src/html.h
