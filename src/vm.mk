# VM and format tests (tests/unit/test_vm.c, test_format.c, tests/diff/vmdiff.c).
# tests/diff/vmgen.c and vmpkt.c make the random programs and packets they
# share with bench/bench_vm.c.
libbpfx_a_SOURCES += src/isa.h
VM_TEST_HELPERS = tests/diff/vmgen.c tests/diff/vmgen.h tests/diff/vmpkt.c tests/diff/vmpkt.h
VM_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/diff -DBPFX_ABS_SRCDIR='"$(abs_top_srcdir)"'

check_PROGRAMS += tests/unit/test_vm tests/unit/test_format tests/diff/vmdiff
TESTS += tests/unit/test_vm tests/unit/test_format tests/diff/vmdiff

tests_unit_test_vm_SOURCES = tests/unit/test_vm.c $(VM_TEST_HELPERS)
tests_unit_test_vm_CPPFLAGS = $(VM_TEST_CPPFLAGS)
tests_unit_test_vm_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_vm_LDADD = $(TEST_LDADD)

tests_unit_test_format_SOURCES = tests/unit/test_format.c $(VM_TEST_HELPERS)
tests_unit_test_format_CPPFLAGS = $(VM_TEST_CPPFLAGS)
tests_unit_test_format_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_format_LDADD = $(TEST_LDADD)

tests_diff_vmdiff_SOURCES = tests/diff/vmdiff.c $(VM_TEST_HELPERS)
tests_diff_vmdiff_CPPFLAGS = $(VM_TEST_CPPFLAGS)
tests_diff_vmdiff_CFLAGS = $(TEST_CFLAGS)
tests_diff_vmdiff_LDADD = $(TEST_LDADD)

# The same differential test against the interpreter's portable switch
# dispatch (what compilers without computed goto get).
check_PROGRAMS += tests/diff/vmdiff_switch
TESTS += tests/diff/vmdiff_switch
tests_diff_vmdiff_switch_SOURCES = tests/diff/vmdiff.c src/vm.c $(VM_TEST_HELPERS)
tests_diff_vmdiff_switch_CPPFLAGS = $(VM_TEST_CPPFLAGS) -DVM_NO_COMPUTED_GOTO -DVMDIFF_PROGRAMS=100000
tests_diff_vmdiff_switch_CFLAGS = $(TEST_CFLAGS)
tests_diff_vmdiff_switch_LDADD = $(TEST_LDADD)
