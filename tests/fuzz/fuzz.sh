#!/bin/sh
# fuzz.sh: build and run the libFuzzer harnesses (called by `make fuzz`;
# see tests/fuzz/local.mk for the variables it is given).
#   fuzz.sh build        compile the library, synth and the harnesses with
#                        $FUZZ_CC -fsanitize=fuzzer,address,undefined into
#                        tests/fuzz/lf/ (objects rebuilt when older than
#                        their source or any header)
#   fuzz.sh run H...     run each harness H for $FUZZ_SECONDS seconds on one
#                        core; new inputs go to tests/fuzz/lf/work-H/, crashes
#                        to tests/fuzz/lf/crash-H/; prints each harness's
#                        execution count.  Exit 1 if any harness found
#                        something (the input is named in its log).
#                        FUZZ_SMOKE=1 instead runs a fixed number of inputs
#                        per harness from a fixed seed (-runs, -seed=1, no
#                        corpus reloads, no address randomization), so CI
#                        runs about the smoke that passed here, however
#                        fast its machine, rather than exploring further.
#                        (Identical runs here; another environment can
#                        still shift addresses libFuzzer's comparison
#                        tracing sees, so the inputs may drift a little.)
set -eu
: "${srcdir:=.}"
: "${FUZZ_CC:=clang}"
: "${FUZZ_SECONDS:=60}"
F=$srcdir/tests/fuzz
L=tests/fuzz/lf
mode=$1
shift

if [ "$mode" = build ]; then
	if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
		echo "fuzz.sh: $FUZZ_CC not found (apt-get install clang libclang-rt-14-dev)" >&2
		exit 2
	fi
	mkdir -p $L/obj
	san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
	cflags="-g -O1 -fno-omit-frame-pointer -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -w $san
		-I$srcdir/include -I$srcdir/src -Igrammar -I$srcdir/grammar -I. -I$srcdir/tests/synth
		${PCAP_CFLAGS:-}"
	newest_h=$(ls -t $(find "$srcdir/src" "$srcdir/include" "$srcdir/tests/synth" "$F" grammar -name '*.h') | head -1)
	objs=""
	todo=""
	for s in $FUZZ_LIB_SOURCES grammar/parser.c grammar/scanner.c; do
		case $s in *.c) ;; *) continue ;; esac
		src=$s
		[ -f "$src" ] || src=$srcdir/$s
		o=$L/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')
		objs="$objs $o"
		if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
			todo="$todo $src:$o"
		fi
	done
	# two compilers at a time
	echo "$todo" | tr ' ' '\n' | grep . | xargs -P2 -I{} sh -c \
		'src=${1%%:*}; o=${1#*:}; echo "  CC(fuzz) $src"; '"$FUZZ_CC $(echo $cflags) -fsanitize=fuzzer-no-link"' -c "$src" -o "$o"' _ {} || exit 1
	for h in compile diffexpr vm capture; do
		echo "  CCLD(fuzz) $L/fuzz_$h"
		$FUZZ_CC $cflags -fsanitize=fuzzer -o $L/fuzz_$h "$F/fuzz_$h.c" "$F/fuzz_common.c" \
			$objs ${PCAP_LIBS:--lpcap} -ldl -lm
	done
	exit 0
fi

# run
S=$srcdir/../shared/corpus
status=0
for h in "$@"; do
	mkdir -p $L/work-$h $L/crash-$h
	case $h in
	compile|diffexpr)
		# the expression lists, one input per line, as seed files
		awk -v d=$L/work-$h '!/^#/ && NF { f = sprintf("%s/seed-%s-%04d", d, FILENAME ~ /invalid/ ? "inv" : "ok", FNR); printf "%s", $0 > f; close(f) }' \
			"$srcdir/tests/diff/exprs.txt" "$srcdir/tests/diff/invalid.txt"
		seeds="$F/corpus/expr $F/regress/$h"
		opts="-max_len=512 -dict=$F/expr.dict"
		;;
	vm)
		seeds="$F/corpus/vm $F/regress/vm"
		opts="-max_len=600"
		;;
	capture)
		seeds="$F/corpus/capture $F/regress/capture"
		[ -d "$S" ] && seeds="$seeds $S/libpcap $S/tcpdump"
		opts="-max_len=65536 -rss_limit_mb=1024"
		;;
	*) echo "fuzz.sh: no harness $h" >&2; exit 2 ;;
	esac
	log=$L/fuzz-$h.log
	if [ "${FUZZ_SMOKE:-0}" = 1 ]; then
		# inputs per harness: about 20 s each on the 2-core machine here
		case $h in compile) runs=100000 ;; diffexpr) runs=30000 ;; vm) runs=2000000 ;; *) runs=8000 ;; esac
		limit="-runs=$runs -seed=1 -reload=0 -timeout=60"
		# without address randomization: the optimizer hashes block
		# addresses, which would steer coverage, and so the inputs
		setarch "$(uname -m)" -R true 2>/dev/null && norand="setarch $(uname -m) -R"
		echo "fuzz_$h: smoke, $runs inputs from seed 1, log $log"
	else
		limit="-max_total_time=$FUZZ_SECONDS -timeout=10"
		echo "fuzz_$h: $FUZZ_SECONDS s, log $log"
	fi
	rc=0
	${norand:-} $L/fuzz_$h $limit -print_final_stats=1 \
		-artifact_prefix=$L/crash-$h/ $opts $L/work-$h $seeds >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*/\1 \2/p')
	if [ "$rc" -ne 0 ]; then
		status=1
		echo "fuzz_$h: FINDING (exit $rc) after ${execs:-?} executions:"
		grep -E 'FINDING|ERROR: |SUMMARY|Test unit written' "$log" | head -8
	else
		echo "fuzz_$h: ${execs:-?} executions, $cov, no finding"
	fi
done
exit $status
