#!/bin/sh
# tutorial.sh: doc/tutorial.md cannot go stale.  Every command in a
# ```console block (a line "$ bpfx ...", possibly piped into sed or grep)
# is run in the source tree's examples/ with TZ=UTC, and its standard
# output is compared with the lines the document shows under it, up to the
# next "$ " line or the end of the block.  Any difference fails the test,
# naming the command and showing the diff.
#
# That only proves the document is current; the text itself was printed by
# bpfx.  So each command is then checked against something else:
#   bpfx filter ARGS     the text is what `tcpdump ARGS` prints, live;
#   bpfx compile [--loose] EXPR
#                        the listing is `tcpdump -d EXPR`'s, except where the
#                        tutorial shows why it is not (listed in DIFFERS);
#   bpfx dissect/explain/trace
#                        what the text states is re-derived from the packet
#                        bytes and the program by tests/cli/facts.py.
# SKIP (77) when tcpdump or Debian's python3 is missing for a check.
set -u
: "${srcdir:=.}"
top=$(cd "$srcdir" && pwd)
B=$(pwd)/bpfx
DOC="$top/doc/tutorial.md"
[ -x "$B" ] || { echo "no $B"; exit 99; }
T=$(mktemp -d "${TMPDIR:-/tmp}/bpfx-tutorial.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
mkdir "$T/bin" && ln -s "$B" "$T/bin/bpfx" || exit 99

# Split the document: cmd.N holds command N, want.N the output shown.
awk -v dir="$T" '
	/^```console[ \t]*$/ { inblock = 1; next }
	inblock && /^```/ { inblock = 0; if (f) close(f); f = ""; next }
	inblock && /^\$ / {
		if (f) close(f)
		n++
		c = dir "/cmd." n; print substr($0, 3) > c; close(c)
		f = dir "/want." n; printf "" > f
		next
	}
	inblock && f { print > f }
	END { print n + 0 > (dir "/count") }
' "$DOC" || exit 99
n=$(cat "$T/count")
[ "$n" -gt 0 ] || { echo "FAIL: no console commands found in $DOC"; exit 1; }

fails=0
i=1
while [ "$i" -le "$n" ]; do
	cmd=$(cat "$T/cmd.$i")
	(cd "$top/examples" && PATH="$T/bin:$PATH" TZ=UTC LC_ALL=C sh -c "$cmd") >"$T/got.$i" 2>"$T/err.$i"
	if ! cmp -s "$T/want.$i" "$T/got.$i"; then
		echo "FAIL: doc/tutorial.md: the output of \`$cmd\` differs from what the tutorial shows:"
		diff -u "$T/want.$i" "$T/got.$i" | sed 's/^/  /' | head -40
		sed 's/^/  stderr: /' "$T/err.$i" | head -5
		fails=$((fails + 1))
	fi
	i=$((i + 1))
done
echo "$((n - fails)) of $n tutorial commands print what the tutorial shows"

# --- the independent checks ---
PY=${PYTHON:-/usr/bin/python3}
FACTS="$top/tests/cli/facts.py"
# compile commands whose listing the tutorial shows differing from tcpdump -d
DIFFERS="net 0.0.0.0/0"
nind=0 skip=0
bad() { echo "FAIL: doc/tutorial.md: \`$cmd\`: $*"; fails=$((fails + 1)); }
i=1
while [ "$i" -le "$n" ]; do
	cmd=$(cat "$T/cmd.$i")
	want="$T/want.$i"
	i=$((i + 1))
	case "$cmd" in bpfx\ *) ;; *) continue ;; esac
	piped=0
	case "$cmd" in *"|"*) piped=1 ;; esac
	base=${cmd%%|*}
	eval "set -- ${base#bpfx }" || { bad "cannot split"; continue; }
	verb=$1
	shift
	case "$verb" in
	filter | compile)
		[ $piped = 0 ] || continue
		# The --ip6-transport dialect has no tcpdump counterpart (tests/diff/ip6test
		# checks it), nor has an error message shown with 2>&1.
		case " $* " in *" --ip6-transport "*) continue ;; esac
		case "$cmd" in *"2>&1"*) continue ;; esac
		command -v tcpdump >/dev/null 2>&1 || { skip=1; continue; }
		if [ "$verb" = filter ]; then
			(cd "$top/examples" && TZ=UTC tcpdump "$@") >"$T/tcpdump" 2>/dev/null
		else
			[ "$1" = --loose ] && shift
			(cd "$top/examples" && tcpdump -d "$@") >"$T/tcpdump" 2>/dev/null
		fi
		expect_same=1
		[ "$verb" = compile ] && [ "$base" = "bpfx compile '$DIFFERS' " ] && expect_same=0
		[ "$verb" = compile ] && [ "$base" = "bpfx compile '$DIFFERS'" ] && expect_same=0
		if cmp -s "$want" "$T/tcpdump"; then
			[ $expect_same = 1 ] || bad "the tutorial says it differs from tcpdump -d, and it does not"
		else
			[ $expect_same = 0 ] || { bad "differs from what tcpdump prints:"; diff "$want" "$T/tcpdump" | head -10 | sed 's/^/  /'; }
		fi
		nind=$((nind + 1))
		;;
	dissect | explain | trace)
		# The HTML page's facts are checked by tests/html/html.sh.
		case " $* " in *" --html "*) continue ;; esac
		[ -x "$PY" ] || { skip=1; continue; }
		(cd "$top/examples" && PATH="$T/bin:$PATH" TZ=UTC sh -c "$base") >"$T/full" 2>/dev/null || { bad "exit $?"; continue; }
		file="" lt=EN10MB
		prev="" args=""
		for a in "$@"; do
			case "$prev" in -r) file=$top/examples/$a ;; -y) lt=$a ;; esac
			case "$prev" in -r | --packet) ;; *) case "$a" in -r | --packet) ;; *) args="$args '$a'" ;; esac ;; esac
			prev=$a
		done
		case "$verb" in
		dissect) "$PY" "$FACTS" dissect "$file" "$T/full" >"$T/facts" 2>&1 ;;
		explain) "$PY" "$FACTS" explain "$lt" "$T/full" >"$T/facts" 2>&1 ;;
		trace)
			eval "\"$B\" compile -ddd $args" >"$T/ddd" 2>/dev/null || { bad "bpfx compile -ddd$args fails"; continue; }
			"$PY" "$FACTS" trace "$file" "$T/ddd" "$T/full" >"$T/facts" 2>&1
			;;
		esac
		if [ $? = 0 ] && grep -q '^[1-9][0-9]* facts checked' "$T/facts"; then
			nind=$((nind + 1))
		else
			bad "what it states is not what the bytes say:"
			head -5 "$T/facts" | sed 's/^/  /'
		fi
		;;
	esac
done
echo "$nind tutorial commands checked against tcpdump or tests/cli/facts.py"
[ "$fails" -eq 0 ] || exit 1
[ $skip = 0 ] || { echo "SKIP: tcpdump or $PY missing: some commands not checked independently"; exit 77; }
[ "$nind" -ge 18 ] || { echo "FAIL: only $nind commands checked independently, want 18"; exit 1; }
exit 0
