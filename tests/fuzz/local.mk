# Fuzz harnesses (tests/fuzz/): replayed by make check, run by make fuzz.
#
# Each harness (fuzz_compile, fuzz_diffexpr, fuzz_vm, fuzz_capture) is built
# here with the ordinary compiler as a replay program (replay.c is its main)
# that replay.sh runs over the seeds and every regression input; `make fuzz`
# builds the same files with clang's libFuzzer and sanitizers (fuzz.sh) and
# runs each for FUZZ_SECONDS.  limits.sh checks the resource limits with
# hostile inputs made at run time.  `make memcheck` runs the command-line
# tests and the replays under valgrind.  See doc/hardening.md.
FUZZ_COMMON = tests/fuzz/fuzz.h tests/fuzz/fuzz_common.c tests/fuzz/replay.c
FUZZ_LDADD = $(LDADD) -ldl
check_PROGRAMS += tests/fuzz/fuzz_compile tests/fuzz/fuzz_diffexpr \
	tests/fuzz/fuzz_vm tests/fuzz/fuzz_capture
tests_fuzz_fuzz_compile_SOURCES = tests/fuzz/fuzz_compile.c $(FUZZ_COMMON)
tests_fuzz_fuzz_compile_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_diffexpr_SOURCES = tests/fuzz/fuzz_diffexpr.c $(FUZZ_COMMON)
tests_fuzz_fuzz_diffexpr_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_vm_SOURCES = tests/fuzz/fuzz_vm.c $(FUZZ_COMMON)
tests_fuzz_fuzz_vm_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_capture_SOURCES = tests/fuzz/fuzz_capture.c $(FUZZ_COMMON)
tests_fuzz_fuzz_capture_LDADD = $(FUZZ_LDADD)

SCRIPT_TESTS += tests/fuzz/replay.sh
SCRIPT_TESTS += tests/fuzz/limits.sh
EXTRA_DIST += tests/fuzz/fuzz.sh tests/fuzz/memcheck.sh tests/fuzz/corpus tests/fuzz/regress

# make fuzz [FUZZ_SECONDS=N] [FUZZ_HARNESSES="compile vm"] [FUZZ_CC=clang]
# make fuzz FUZZ_SMOKE=1: a fixed, seeded number of inputs each (CI)
FUZZ_SECONDS = 60
FUZZ_SMOKE = 0
FUZZ_HARNESSES = compile diffexpr vm capture
FUZZ_CC = clang
.PHONY: fuzz fuzz-build memcheck
# (PCAP_CFLAGS also carries PACKAGE_VERSION, which src/compile.c reports)
fuzz-build: $(BUILT_SOURCES) grammar/parser.c grammar/parser.h grammar/scanner.c grammar/scanner.h
	@FUZZ_CC='$(FUZZ_CC)' srcdir='$(srcdir)' \
	FUZZ_LIB_SOURCES='$(libbpfx_core_la_SOURCES) $(tests_synth_libsynth_a_SOURCES)' \
	PCAP_CFLAGS='$(PCAP_CFLAGS) -DPACKAGE_VERSION=\"$(PACKAGE_VERSION)\"' PCAP_LIBS='$(PCAP_LIBS)' \
	$(SHELL) $(srcdir)/tests/fuzz/fuzz.sh build
fuzz: fuzz-build
	@srcdir='$(srcdir)' FUZZ_SECONDS='$(FUZZ_SECONDS)' FUZZ_SMOKE='$(FUZZ_SMOKE)' \
	$(SHELL) $(srcdir)/tests/fuzz/fuzz.sh run $(FUZZ_HARNESSES)
memcheck: bpfx$(EXEEXT) $(check_PROGRAMS)
	@srcdir='$(srcdir)' MEMCHECK_TESTS='$(MEMCHECK_TESTS)' $(SHELL) $(srcdir)/tests/fuzz/memcheck.sh
EXTRA_DIST += tests/fuzz/expr.dict
