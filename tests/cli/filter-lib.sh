# filter-lib.sh: shared by the filter*/check* shell tests (sourced).
# Sets B (bpfx), MK (capture writer), T (scratch dir), and helpers that
# count passes, failures and skipped parts; `finish` exits with the
# automake status: 1 if anything failed, else 77 (SKIP) if a part could not
# run for lack of a tool (tcpdump, python3) or of the capture corpus, so a
# test that compared less than it promises never reports PASS.
set -u
: "${srcdir:=.}"
B=./bpfx
MK=./tests/cli/filter-mkpcap
TZ=UTC
export TZ
T=$(mktemp -d "${TMPDIR:-/tmp}/bpfx-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
npass=0
nfail=0
nskip=0
# Debian's interpreter, not whatever python3 comes first on PATH.
PY=${PYTHON:-/usr/bin/python3}

pass() { npass=$((npass + 1)); }
fail() { echo "FAIL: $*"; nfail=$((nfail + 1)); }
# skipped WHY: a part of the test did not run; the test ends as SKIP.
skipped() { echo "SKIP: $*"; nskip=$((nskip + 1)); }
have_tcpdump() { command -v tcpdump >/dev/null 2>&1; }
have_python() { [ -x "$PY" ]; }

# run WANT CMD...: run CMD with stdout in $T/out, stderr in $T/err and
# check its exit status (a signal is always a failure).
run() {
	_want=$1
	shift
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" = "$_want" ]; then
		pass
		return 0
	fi
	fail "exit $rc, want $_want: $*"
	sed 's/^/  stderr: /' "$T/err" | head -5
	return 1
}

# err_has TEXT: the last run's stderr contains TEXT.
err_has() {
	if grep -qF -- "$1" "$T/err"; then pass; else fail "stderr lacks '$1': $(head -3 "$T/err")"; fi
}

# packets N: the last run printed N packets, counted by the -tt
# timestamp that starts each packet's first line (decoder or not).
packets() {
	_n=$(grep -Ec '^[0-9]+\.[0-9]{6} ' "$T/out")
	if [ "$_n" -eq "$1" ]; then pass; else fail "printed $_n packets, want $1"; fi
}

# compiler_ready: bpfx compiles and validates a plain expression.  Its
# failure is a failure of the test (exit 1), not a reason to skip.
compiler_ready() {
	$B compile tcp >/dev/null 2>&1 && return 0
	echo "FAIL: bpfx compile tcp fails: $($B compile tcp 2>&1 | head -3)"
	exit 1
}

finish() {
	echo "$npass passed, $nfail failed, $nskip parts skipped"
	[ "$nfail" -eq 0 ] || exit 1
	[ "$nskip" -eq 0 ] || exit 77
	exit 0
}
