#!/bin/sh
# mutate.sh: does the test suite catch deliberate bugs?  Each mutation of
# tests/mutate/mutations.txt (file, exact old text, new text) is applied
# alone to a COPY of the tree (never the working tree), which is rebuilt
# and tested: first the mutation's own `first` tests (make check
# TESTS=...), then, if none of them fails, the whole make check.  Prints
# per mutation the tests that failed (KILLED) or SURVIVED; a pattern that
# does not occur exactly once is STALE (the code moved: update
# mutations.txt).  Exit 0 only if every mutation was killed.
#
#   tests/mutate/mutate.sh [NAME...]     (or: make mutate MUTATIONS="NAME ...")
#
# MUTATE_FULL=1 always runs the whole make check (the complete list of the
# tests that catch each bug, slower); MUTATE_DIR=DIR keeps the copy there;
# MUTATE_JOBS (2) is make's -j.  A full run is 26 rebuilds and test runs:
# about an hour on a loaded 2-core machine.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PY=${PYTHON:-/usr/bin/python3}
M="$here/mutations.txt"
J=${MUTATE_JOBS:-2}
W=${MUTATE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/bpfx-mutate.XXXXXX")} || exit 99
mkdir -p "$W" || exit 99
log="$W/mutate.log"
res="$W/results.txt"
: >"$res"
say() { echo "$*" | tee -a "$log"; }

names=${*:-$("$PY" "$here/apply.py" list "$M")} || exit 99
say "mutate: $(echo $names | wc -w) mutations, copy of $top in $W/tree, log $log"

# The copy: the tracked files and new ones not ignored, as they are now in
# the working tree (uncommitted edits included); the corpus beside it.
if [ ! -d "$W/tree" ]; then
	mkdir "$W/tree" &&
		(cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) |
		(cd "$W/tree" && tar xf -) || exit 99
fi
[ -e "$W/shared" ] || [ ! -d "$top/../shared" ] || ln -s "$(cd "$top/../shared" && pwd)" "$W/shared"
"$PY" "$here/apply.py" check "$M" "$W/tree" | tee -a "$log"
cd "$W/tree" || exit 99
if [ ! -f Makefile ]; then
	say "configure and build the unmutated copy"
	{ autoreconf -fi && ./configure --enable-werror; } >>"$log" 2>&1 || { say "configure failed (see $log)"; exit 99; }
fi
make -j"$J" >>"$log" 2>&1 && make -j"$J" check >>"$log" 2>&1 || { say "the unmutated copy fails make check: nothing to measure (see $log)"; exit 99; }
say "the unmutated copy passes make check"

# failed_tests: the tests the last make check failed (FAIL or ERROR).
failed_tests() {
	grep -l '^:test-result: \(FAIL\|ERROR\)' tests/*/*.trs 2>/dev/null | sed 's/\.trs$//' | tr '\n' ' '
}

nkill=0 nsurv=0 nstale=0
for n in $names; do
	f=$("$PY" "$here/apply.py" get "$M" "$n" file)
	first=$("$PY" "$here/apply.py" get "$M" "$n" first)
	cp -p "$f" "$W/orig" || exit 99
	if ! "$PY" "$here/apply.py" apply "$M" "$n" . >>"$log" 2>&1; then
		say "STALE    $n: the old text does not occur exactly once in $f"
		echo "$n STALE" >>"$res"
		nstale=$((nstale + 1))
		continue
	fi
	t0=$(date +%s)
	if ! make -j"$J" >>"$log" 2>&1; then
		say "KILLED   $n: the build fails (a mutation that does not compile proves nothing: fix it)"
		echo "$n BUILD" >>"$res"
		nstale=$((nstale + 1))
	else
		how=""
		got=""
		rm -f tests/*/*.trs tests/*/*.log test-suite.log # no verdict left from the last mutation
		if [ -n "$first" ] && [ "${MUTATE_FULL:-0}" != 1 ]; then
			timeout 3600 make -j"$J" check TESTS="$first" >>"$log" 2>&1
			got=$(failed_tests)
			how="first"
		fi
		if [ -z "$got" ]; then
			timeout 7200 make -j"$J" check >>"$log" 2>&1
			rc=$?
			got=$(failed_tests)
			how="make check"
			[ -z "$got" ] && [ $rc = 124 ] && got="(make check timed out)"
		fi
		s=$(($(date +%s) - t0))
		if [ -n "$got" ]; then
			say "KILLED   $n ($how, ${s}s): $got"
			echo "$n KILLED $got" >>"$res"
			nkill=$((nkill + 1))
		else
			say "SURVIVED $n (${s}s): $("$PY" "$here/apply.py" get "$M" "$n" why)"
			echo "$n SURVIVED" >>"$res"
			nsurv=$((nsurv + 1))
		fi
	fi
	cp -p "$W/orig" "$f" && touch "$f"
done
say "mutate: $nkill killed, $nsurv survived, $nstale stale or not compiling; results in $res"
[ $nsurv = 0 ] && [ $nstale = 0 ]
