#!/bin/sh
# The Python binding (python/bpfx) from the build tree:
# tests/python/test_binding.py says what is compared with what.  Skips (77)
# without /usr/bin/python3.
. "${srcdir:-.}/tests/python/env.sh"
"$PY" "$srcdir/tests/python/test_binding.py" ./bpfx ./tests/synth/bpfx-synth "$srcdir" "$T"
