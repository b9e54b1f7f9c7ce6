#!/bin/sh
# replay.sh: run each fuzz harness's replay build over its seeds and its
# regression inputs (make check; see tests/fuzz/local.mk).  Expression
# seeds are the lines of tests/diff/exprs.txt and invalid.txt plus
# corpus/expr/; capture seeds are corpus/capture/, examples/*.pcap and, when
# it is beside the source tree, ../shared/corpus (read in place, never
# copied).  A finding aborts its harness, which fails this test.
: "${srcdir:=.}"
F=$srcdir/tests/fuzz
D=$srcdir/tests/diff
S=$srcdir/../shared/corpus
rc=0
replay() {
	h=$1
	shift
	if ./tests/fuzz/fuzz_$h "$@"; then :; else
		echo "FAIL: fuzz_$h (exit $?)"
		rc=1
	fi
}
replay compile @$D/exprs.txt @$D/invalid.txt $F/corpus/expr $F/regress/compile
replay diffexpr @$D/exprs.txt @$D/invalid.txt $F/corpus/expr $F/regress/diffexpr
replay vm $F/corpus/vm $F/regress/vm
set -- $F/corpus/capture $F/regress/capture $srcdir/examples/*.pcap
if [ -d "$S" ]; then
	set -- "$@" "$S"/*/
else
	echo "replay.sh: $S not found, replaying without it"
fi
replay capture "$@"
exit $rc
