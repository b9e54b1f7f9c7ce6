# Differential tests against libpcap (tests/diff/).
# vmgen.c and vmpkt.c make the random programs and packets that test_vm,
# test_format, vmdiff and bench/bench_vm share.
check_LIBRARIES += tests/diff/libvmtest.a
tests_diff_libvmtest_a_SOURCES = tests/diff/vmgen.c tests/diff/vmgen.h tests/diff/vmpkt.c tests/diff/vmpkt.h tests/diff/typical.h
VMTEST_LIBS = tests/diff/libvmtest.a

check_PROGRAMS += tests/diff/difftest
check_PROGRAMS += tests/diff/vmdiff
SCRIPT_TESTS += tests/diff/run-difftest.sh
TESTS += tests/diff/vmdiff
EXTRA_DIST += tests/diff/exprs.txt tests/diff/invalid.txt

# The same differential test against the interpreter's portable switch
# dispatch (what compilers without computed goto get).
check_PROGRAMS += tests/diff/vmdiff_switch
TESTS += tests/diff/vmdiff_switch
tests_diff_vmdiff_switch_SOURCES = tests/diff/vmdiff.c src/vm.c src/vm_fast.c src/vm_simplify.c
tests_diff_vmdiff_switch_CPPFLAGS = $(AM_CPPFLAGS) -DVM_NO_COMPUTED_GOTO -DVMDIFF_PROGRAMS=100000

# optsize counts instructions, not time, so make check runs it (issue #6's
# size bar for --loose on every link type); bench/optsize is its program.
SCRIPT_TESTS += tests/diff/optsize.sh

# The --ip6-transport dialect against a reference walk written in the test.
check_PROGRAMS += tests/diff/ip6test
TESTS += tests/diff/ip6test

# "expression rejects all packets" exactly where libpcap says it
# (src/opt/weak.c), over pairs of primitives that may contradict.
check_PROGRAMS += tests/diff/rejects
TESTS += tests/diff/rejects
