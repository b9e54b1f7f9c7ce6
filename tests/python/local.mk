# The Python binding and bpfx-dask (tests/python/), run on Debian's
# /usr/bin/python3 against the build tree's shared libbpfx; dask.sh skips
# (77) without python3-distributed.
SCRIPT_TESTS += tests/python/binding.sh
SCRIPT_TESTS += tests/python/dask.sh
EXTRA_DIST += tests/python/env.sh tests/python/pcaputil.py tests/python/test_binding.py
EXTRA_DIST += tests/python/dask_check.py tests/python/localcluster.py
