# env.sh: sourced by the tests of tests/python/: Debian's interpreter (the
# first python3 on PATH may be another one, without Debian's packages),
# the build tree's shared libbpfx and the package from the source tree.
# A sanitizer build's libbpfx needs the ASan runtime loaded first.
: "${srcdir:=.}"
PY=${PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || { echo "$0: $PY not found, skipping"; exit 77; }
BPFX_LIBRARY=$(pwd)/.libs/libbpfx.so
[ -f "$BPFX_LIBRARY" ] || { echo "$0: no shared libbpfx in .libs (--disable-shared?), skipping"; exit 77; }
abs_srcdir=$(cd "$srcdir" && pwd)
PYTHONPATH="$abs_srcdir/python:$abs_srcdir/tests/python"
export BPFX_LIBRARY PYTHONPATH
asan=$(ldd "$BPFX_LIBRARY" | sed -n 's/.*libasan[^ ]* => \([^ ]*\) .*/\1/p')
if [ -n "$asan" ]; then
	LD_PRELOAD=$asan
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 # the interpreter's, not ours
	export LD_PRELOAD ASAN_OPTIONS
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/bpfx-py.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE
