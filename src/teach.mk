# explain, trace, asm (src/explain*.c, src/trace.c, src/asm*.c, src/cli/{explain,trace,asm}.c) and their tests.
bpfx_SOURCES += src/cli/explain.c src/cli/trace.c src/cli/asm.c
libbpfx_a_SOURCES += src/explain.c src/explain.h src/explain_int.h \
	src/explain_analyze.c src/explain_text.c src/explain_fields.c \
	src/trace.c src/trace.h src/asm.c src/asm.h src/asm_int.h src/asm_parse.c

# Unit tests (tests/unit/test_{explain,trace,asm}.c) read tests/diff/exprs.txt
# and, when present, ../shared/corpus.
TEACH_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(SYNTH_CFLAGS) -DBPFX_ABS_SRCDIR='"$(abs_top_srcdir)"'
check_PROGRAMS += tests/unit/test_asm tests/unit/test_trace tests/unit/test_explain
TESTS += tests/unit/test_asm tests/unit/test_trace tests/unit/test_explain
EXTRA_DIST += tests/unit/teach_test.h

tests_unit_test_asm_SOURCES = tests/unit/test_asm.c tests/unit/teach_test.h
tests_unit_test_asm_CPPFLAGS = $(TEACH_TEST_CPPFLAGS)
tests_unit_test_asm_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_asm_LDADD = $(TEST_LDADD)

tests_unit_test_trace_SOURCES = tests/unit/test_trace.c tests/unit/teach_test.h
tests_unit_test_trace_CPPFLAGS = $(TEACH_TEST_CPPFLAGS)
tests_unit_test_trace_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_trace_LDADD = $(SYNTH_LIBS) $(TEST_LDADD)

tests_unit_test_explain_SOURCES = tests/unit/test_explain.c tests/unit/teach_test.h
tests_unit_test_explain_CPPFLAGS = $(TEACH_TEST_CPPFLAGS)
tests_unit_test_explain_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_explain_LDADD = $(TEST_LDADD)

# Command-line tests (tests/cli/{explain,trace,asm}.sh); they share
# tests/cli/filter-lib.sh and need bpfx-synth and filter-mkpcap built.
TESTS += tests/cli/explain.sh tests/cli/trace.sh tests/cli/asm.sh tests/cli/asm-program.sh \
	tests/cli/compile-formats.sh
EXTRA_DIST += tests/cli/explain.sh tests/cli/trace.sh tests/cli/asm.sh tests/cli/asm-program.sh \
	tests/cli/compile-formats.sh
