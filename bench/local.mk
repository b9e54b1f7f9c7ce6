# Benchmarks against libpcap and tcpdump: `make bench` (built on demand,
# not by `make` or `make check`; it asserts no timing).  filter_bench.sh
# times `filter -w` against tcpdump and cat on a 1 GiB capture it makes once
# (BENCH_DIR, default /tmp/bpfx-bench; RUNS, default 5).  bench/optsize counts
# instructions, so make check runs it too (tests/diff/optsize.sh).
EXTRA_PROGRAMS = bench/bench_vm bench/compile_bench
check_PROGRAMS += bench/optsize
CLEANFILES += bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT)

.PHONY: bench
bench: bench/bench_vm$(EXEEXT) bench/compile_bench$(EXEEXT) bench/optsize$(EXEEXT) bpfx$(EXEEXT) tests/synth/bpfx-synth$(EXEEXT)
	bash $(srcdir)/bench/filter_bench.sh ./bpfx$(EXEEXT) ./tests/synth/bpfx-synth$(EXEEXT)
	./bench/bench_vm$(EXEEXT) $(abs_top_srcdir)
	./bench/optsize$(EXEEXT) $(abs_top_srcdir)/tests/diff/exprs.txt || true
	./bench/compile_bench$(EXEEXT) $${LIBPCAP_TIMEOUT:-60}
EXTRA_DIST += bench/filter_bench.sh
