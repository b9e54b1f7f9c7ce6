# VM and format tests (tests/unit/test_vm.c, test_format.c, tests/diff/vmdiff.c).
