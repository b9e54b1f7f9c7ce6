# Benchmarks against libpcap: `make bench` (built on demand, not by `make`
# or `make check`; it asserts no timing).  optsize counts instructions, not
# time, so `make check` runs it too (tests/diff/optsize.sh: issue #6's
# size bar for --loose on every link type).
EXTRA_PROGRAMS = bench/bench_vm bench/compile_bench
check_PROGRAMS += bench/optsize
TESTS += tests/diff/optsize.sh
EXTRA_DIST += tests/diff/optsize.sh
bench_bench_vm_SOURCES = bench/bench_vm.c tests/diff/vmpkt.c tests/diff/vmpkt.h
bench_bench_vm_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/diff -DBPFX_ABS_SRCDIR='"$(abs_top_srcdir)"'
bench_bench_vm_LDADD = libbpfx.a libgrammar.a libbpfx.a $(PCAP_LIBS) -lm
bench_compile_bench_SOURCES = bench/compile_bench.c
bench_compile_bench_LDADD = libbpfx.a libgrammar.a libbpfx.a $(PCAP_LIBS)
bench_optsize_SOURCES = bench/optsize.c
bench_optsize_LDADD = libbpfx.a libgrammar.a libbpfx.a $(PCAP_LIBS)
CLEANFILES += bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT)

.PHONY: bench
bench: bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT) bench/optsize$(EXEEXT)
	./bench/bench_vm$(EXEEXT) $(abs_top_srcdir)
	./bench/optsize$(EXEEXT) $(abs_top_srcdir)/tests/diff/exprs.txt || true
	./bench/compile_bench$(EXEEXT) $${LIBPCAP_TIMEOUT:-60}
