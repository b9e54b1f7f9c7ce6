#!/bin/sh
# tutorial.sh: doc/tutorial.md cannot go stale.  Every command in a
# ```console block (a line "$ bpfx ...", possibly piped into sed or grep)
# is run in the source tree's examples/ with TZ=UTC, and its standard
# output is compared with the lines the document shows under it, up to the
# next "$ " line or the end of the block.  Any difference fails the test,
# naming the command and showing the diff.
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
[ "$fails" -eq 0 ]
