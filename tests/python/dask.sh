#!/bin/sh
# bpfx-dask on a local Dask cluster (a scheduler and two workers on
# 127.0.0.1) writes what one `bpfx filter` writes: tests/python/dask_check.py.
# Skips (77) without Debian's python3-distributed.
. "${srcdir:-.}/tests/python/env.sh"
"$PY" -c 'import distributed' 2>/dev/null && command -v dask-scheduler >/dev/null && command -v dask-worker >/dev/null || {
	echo "dask: python3-distributed is not installed (apt-get install python3-distributed), skipping"
	exit 77
}
"$PY" "$srcdir/tests/python/dask_check.py" "$(pwd)/bpfx" "$(pwd)/tests/synth/bpfx-synth" "$T"
