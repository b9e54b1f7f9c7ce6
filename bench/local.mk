# Benchmarks against libpcap: `make bench` (built on demand, not by `make`
# or `make check`; it asserts no timing).  bench/optsize counts
# instructions, so make check runs it too (tests/diff/optsize.sh).
EXTRA_PROGRAMS = bench/bench_vm bench/compile_bench
check_PROGRAMS += bench/optsize
CLEANFILES += bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT)

.PHONY: bench
bench: bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT) bench/optsize$(EXEEXT)
	./bench/bench_vm$(EXEEXT) $(abs_top_srcdir)
	./bench/optsize$(EXEEXT) $(abs_top_srcdir)/tests/diff/exprs.txt || true
	./bench/compile_bench$(EXEEXT) $${LIBPCAP_TIMEOUT:-60}
