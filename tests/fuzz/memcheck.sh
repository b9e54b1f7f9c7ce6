#!/bin/sh
# memcheck.sh: `make memcheck`: the command-line tests (tests/cli/*.sh) and
# the fuzz replays under valgrind memcheck.  The tests call ./bpfx, so they
# run in a scratch directory whose ./bpfx is valgrind around the real one.
# Any memcheck error or definite/indirect/possible leak in any run fails.
# MEMCHECK_TESTS="filter.sh check.sh ..." runs only those (names in
# tests/cli/, or replay.sh); the whole set is about 4,000 runs under
# valgrind, an hour or more on two cores (asm.sh alone is ~2,200 runs).
: "${srcdir:=.}"
command -v valgrind >/dev/null 2>&1 || { echo "memcheck: valgrind not installed (apt-get install valgrind)"; exit 2; }
top=$(pwd)
case $srcdir in /*) src=$srcdir ;; *) src=$top/$srcdir ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/bpfx-memcheck.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/logs" "$W/tests/cli" "$W/tests/fuzz"
VG="valgrind -q --error-exitcode=97 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --log-file=$W/logs/%p.log"
wrap() { # wrap NAME REAL
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG" "$2" >"$W/$1"
	chmod +x "$W/$1"
}
wrap bpfx "$top/bpfx"
for p in tests/fuzz/fuzz_compile tests/fuzz/fuzz_diffexpr tests/fuzz/fuzz_vm tests/fuzz/fuzz_capture; do
	wrap $p "$top/$p"
done
ln -s "$top/tests/cli/filter-mkpcap" "$W/tests/cli/filter-mkpcap"
mkdir -p "$W/tests/synth" # dissect.sh and trace.sh make their captures with it
ln -s "$top/tests/synth/bpfx-synth" "$W/tests/synth/bpfx-synth"
status=0
cd "$W" || exit 2
for t in "$src"/tests/cli/*.sh "$src"/tests/fuzz/replay.sh; do
	case $t in *-lib.sh) continue ;; esac
	if [ -n "${MEMCHECK_TESTS:-}" ]; then
		case " $MEMCHECK_TESTS " in *" $(basename "$t") "*) ;; *) continue ;; esac
	fi
	start=$(date +%s)
	srcdir=$src sh "$t" >"$W/out" 2>&1
	rc=$?
	echo "memcheck: $(basename "$t"): exit $rc, $(($(date +%s) - start)) s, $(tail -1 "$W/out")"
	[ $rc = 0 ] || [ $rc = 77 ] || { status=1; grep -E "FAIL" "$W/out" | head -5; }
done
runs=$(ls "$W/logs" | wc -l)
bad=$(find "$W/logs" -type f -size +0 | wc -l)
echo "memcheck: $runs programs run under valgrind, $bad with errors or leaks"
if [ "$bad" -gt 0 ]; then
	status=1
	find "$W/logs" -type f -size +0 | head -3 | xargs cat | head -60
fi
exit $status
