#!/bin/sh
# Run by make check in place of the unit tests when configure did not find
# cmocka: reports them as skipped, so the summary says what did not run.
echo "cmocka >= 1.1 was not found by configure (Debian: libcmocka-dev):"
echo "the cmocka unit tests (tests/unit/test_*, tests/synth/test_synth) were not built."
echo "Install it and run ./configure again to run them."
exit 77
