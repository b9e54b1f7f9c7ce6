# Benchmarks against libpcap: `make bench` (built on demand, not by `make`
# or `make check`; it asserts no timing).
EXTRA_PROGRAMS = bench/bench_vm
bench_bench_vm_SOURCES = bench/bench_vm.c tests/diff/vmpkt.c tests/diff/vmpkt.h
bench_bench_vm_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/diff -DBPFX_ABS_SRCDIR='"$(abs_top_srcdir)"'
bench_bench_vm_LDADD = libbpfx.a libgrammar.a libbpfx.a $(PCAP_LIBS) -lm
CLEANFILES += bench/bench_vm$(EXEEXT)

.PHONY: bench
bench: bench/bench_vm$(EXEEXT)
	./bench/bench_vm$(EXEEXT) $(abs_top_srcdir)
