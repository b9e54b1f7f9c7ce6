#!/bin/sh
# tcpdump-options.sh: tcpdump's command line where bpfx takes it: -F FILE,
# -l, -U, -T resp, -#/--number, --count, --version; compared with tcpdump's
# own output on the example captures when tcpdump is installed.  And the
# top-level --help: every command's own --help text, whole.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
EX="$srcdir/examples"
R="$EX/redis-ping-10000.pcap"
H="$EX/handshake-2013.pcap"
have_tcpdump=0
command -v tcpdump >/dev/null 2>&1 && have_tcpdump=1
[ $have_tcpdump = 1 ] || skipped "tcpdump not installed: outputs not compared with tcpdump's"

# same_as_tcpdump ARGS...: bpfx filter ARGS prints what tcpdump ARGS prints.
same_as_tcpdump() {
	run 0 $B filter "$@" || return
	[ $have_tcpdump = 1 ] || return
	tcpdump "$@" >"$T/want" 2>/dev/null
	cmp -s "$T/want" "$T/out" && pass || {
		fail "differs from tcpdump $*"
		diff "$T/want" "$T/out" | head -4
	}
}

for f in "$R" "$H"; do
	for o in "-#" "--number" "-# -v" "-# -x -c 3" "--count" "--count -c 2" "-T resp" "-# -T resp -X" "-l" "-U"; do
		# shellcheck disable=SC2086
		same_as_tcpdump -nn $o -r "$f"
		same_as_tcpdump -nn $o -r "$f" tcp port 10000 or tcp port 2013
	done
	same_as_tcpdump --count -r "$f" 'tcp[13] & 2 != 0'
done
# -# numbers the packets that match, from 1
run 0 $B filter -nn -# -r "$R" 'tcp[13] & 16 != 0'
awk '{ if ($1 != NR) exit 1 }' "$T/out" && pass || fail "-# numbers are not 1, 2, 3...: $(head -3 "$T/out")"
# --count with -w: counts and writes (as tcpdump does)
run 0 $B filter --count -r "$R" -w "$T/c.pcap" tcp
grep -qx '[0-9]* packets\{0,1\}' "$T/out" && pass || fail "--count -w: $(cat "$T/out")"
mv "$T/out" "$T/count"
run 0 $B filter -r "$R" -w "$T/d.pcap" tcp
cmp -s "$T/c.pcap" "$T/d.pcap" && pass || fail "--count -w wrote another file"
if [ $have_tcpdump = 1 ]; then
	tcpdump --count -r "$R" -w "$T/t.pcap" tcp >"$T/want" 2>/dev/null
	cmp -s "$T/want" "$T/count" && pass || fail "--count -w: '$(cat "$T/count")', tcpdump '$(cat "$T/want")'"
fi

# --- -T resp is --decode-as for every port; -T knows only resp ---
run 0 $B filter -nn -T resp -r "$R"
mv "$T/out" "$T/t.txt"
run 0 $B filter -nn --decode-as 10000=resp -r "$R"
cmp -s "$T/t.txt" "$T/out" && pass || fail "-T resp differs from --decode-as 10000=resp"
grep -q 'RESP "ping"' "$T/out" && pass || fail "-T resp: no RESP decoded"
run 2 $B filter -T rpc -r "$R"; err_has "bpfx filter: -T knows one type, resp"

# --- -F FILE: the expression from a file, '#' comments dropped ---
printf 'tcp port 10000 # the server\n  and tcp[13] & 16 != 0 # with ACK\n' >"$T/expr"
same_as_tcpdump -nn -r "$R" -F "$T/expr"
mv "$T/out" "$T/f.txt"
run 0 $B filter -nn -r "$R" 'tcp port 10000 and tcp[13] & 16 != 0'
cmp -s "$T/f.txt" "$T/out" && pass || fail "-F differs from the same expression on the command line"
run 0 $B filter -nn -r "$R" -F "$T/expr" udp
cmp -s "$T/f.txt" "$T/out" && pass || fail "-F with a command-line expression: not the file's"
err_has "bpfx filter: warning: -F $T/expr: the expression on the command line is ignored"
run 2 $B filter -r "$R" -F "$T/none"; err_has "bpfx filter: -F $T/none: No such file or directory"
printf 'tcp and\n' >"$T/bad"
run 2 $B filter -r "$R" -F "$T/bad"; err_has "unexpected end of expression"

# --- --version: bpfx's version, then libpcap's as tcpdump prints it ---
run 0 $B --version
ver=$(sed -n 's/^AC_INIT(\[bpfx\], \[\([^]]*\)\].*/\1/p' "$srcdir/configure.ac")
[ "$(sed -n 1p "$T/out")" = "bpfx version $ver" ] && pass || fail "--version: '$(sed -n 1p "$T/out")', want 'bpfx version $ver'"
if [ $have_tcpdump = 1 ]; then
	[ "$(sed -n 2p "$T/out")" = "$(tcpdump --version 2>&1 | grep '^libpcap')" ] && pass ||
		fail "--version: libpcap line '$(sed -n 2p "$T/out")' differs from tcpdump's"
else
	grep -q '^libpcap version ' "$T/out" && pass || fail "--version: no libpcap line"
fi

# --- --help: each command's own --help text, whole, in order ---
run 0 $B --help
cp "$T/out" "$T/help"
for c in compile filter check explain dissect trace asm; do
	run 0 $B $c --help
	# the command's text appears verbatim as one block of the help
	awk -v f="$T/out" 'BEGIN { while ((getline l < f) > 0) want = want l "\n" }
		{ all = all $0 "\n" } END { exit index(all, want) ? 0 : 1 }' "$T/help" && pass ||
		fail "bpfx --help lacks the text of bpfx $c --help"
	grep -q "^  bpfx $c " "$T/help" && pass || fail "bpfx --help: no usage line for $c"
done
run 2 $B
grep -q '^usage: bpfx COMMAND' "$T/err" && pass || fail "bpfx alone: no usage"
finish
