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
EXTRA_DIST += bench/filter_bench.sh bench/bench-lib.sh

# bpfx-dask on a local Dask cluster: speed-up of 2 workers over 1 on 8
# files of 128 MB, and the overhead against bpfx filter on one file
# (bench/dask_bench.py; needs python3-distributed and 1.1 GB of $TMPDIR).
EXTRA_DIST += bench/dask_bench.py
.PHONY: bench-dask
bench-dask: bpfx$(EXEEXT) tests/synth/bpfx-synth$(EXEEXT) libbpfx.la
	BPFX_LIBRARY=$(abs_builddir)/.libs/libbpfx.so PYTHONPATH=$(abs_top_srcdir)/python \
	  PYTHONDONTWRITEBYTECODE=1 $(PYTHON3) $(srcdir)/bench/dask_bench.py ./bpfx$(EXEEXT) \
	  ./tests/synth/bpfx-synth$(EXEEXT)

# compile and explain on expressions of 1k-64k terms: seconds and bytes per
# term (issue #15: linear, small); `make bench-bigexpr`, not in make check
EXTRA_PROGRAMS += bench/bigexpr
CLEANFILES += bench/bigexpr$(EXEEXT)
bench_bigexpr_LDADD = $(LDADD) -lm
# its peaks are read where memory goes back (bench/bigexpr.c: sample)
bench_bigexpr_LDFLAGS = -Wl,--wrap=free,--wrap=madvise,--wrap=munmap,--wrap=malloc_trim
.PHONY: bench-bigexpr
bench-bigexpr: bench/bigexpr$(EXEEXT)
	./bench/bigexpr$(EXEEXT) $${BIGEXPR_MAX:-65536}

# filter -j N against the serial run over 8 files of 128 MB (issue 15):
# bench/jobs_bench.sh, run by `make bench-jobs` (RUNS, JOBS, BENCH_DIR).
EXTRA_DIST += bench/jobs_bench.sh
.PHONY: bench-jobs
bench-jobs: bpfx$(EXEEXT) tests/synth/bpfx-synth$(EXEEXT)
	bash $(srcdir)/bench/jobs_bench.sh ./bpfx$(EXEEXT) ./tests/synth/bpfx-synth$(EXEEXT)

# Printing time per protocol, bpfx against tcpdump (-nn, -nn -v), and the
# decoder's share of it: bench/print_bench.sh, run by `make bench-print`.
EXTRA_DIST += bench/print_bench.sh
.PHONY: bench-print
bench-print: bpfx$(EXEEXT) tests/synth/bpfx-synth$(EXEEXT)
	bash $(srcdir)/bench/print_bench.sh ./bpfx$(EXEEXT) ./tests/synth/bpfx-synth$(EXEEXT)
