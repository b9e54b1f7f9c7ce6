#!/bin/sh
# errors.sh: messages have one shape, `bpfx COMMAND: ...`; a file is named
# once; the underline sits under the characters at fault; a missing `)`
# is named; every count option refuses 0 and junk with the same words.
. "${srcdir:-.}/tests/cli/filter-lib.sh"

$MK -n 3 "$T/a.pcap" || exit 99

# caret EXPR WANT-MESSAGE WANT-UNDERLINED: `bpfx compile EXPR` fails with
# WANT-MESSAGE and underlines exactly WANT-UNDERLINED in the expression.
caret() {
	run 2 $B compile "$1" || return
	err_has "bpfx compile: $2"
	# line 2 is "  EXPR", line 3 the underline under it
	_got=$(awk 'NR == 2 { e = substr($0, 3) }
		NR == 3 { u = substr($0, 3); s = index(u, "^");
			  n = length(u) - s + 1; print substr(e, s, n) }' "$T/err")
	[ "$_got" = "$3" ] && pass || fail "'$1': underlined '$_got', want '$3'"
}
caret 'ether host 00:11:22:33:44' "bogus ethernet address '00:11:22:33:44'" '00:11:22:33:44'
caret 'ether host 00:11:22:33:' "bogus ethernet address '00:11:22:33:'" '00:11:22:33:'
caret 'tcp protochain 6' "bad protocol applied for 'protochain'" 'tcp protochain'
caret 'tcp and gateway foo' "'gateway' is refused as libpcap 1.10.3 refuses it" 'gateway'
caret '(tcp port 80' "missing ')'" '('
caret 'udp or ((tcp port 80)' "missing ')'" '('
caret '(tcp port' "unexpected end of expression after 'port'" 'port'
caret 'tcp port 80)' "syntax error: unexpected ')'" ')'
caret 'tcp port 80 $' "unexpected character '\$'" '$'
caret 'tcp port 099' 'number 099 contains non-octal digit' '099'
caret 'tcp and port nosuchservice' "unknown port 'nosuchservice'" 'nosuchservice'
# ...while what tcpdump accepts still compiles
run 0 $B compile 'ether host 00:11:22:33:44:55'
run 0 $B compile 'ip[2:2] > 40 and (tcp port 80)'
run 0 $B compile 'ip6 host 1:2:3:4:5:6:7:8'

# --- one prefix per command, the file named once ---
run 2 $B filter -r "$T/none.pcap"; err_has "bpfx filter: $T/none.pcap: No such file or directory"
[ "$(grep -c none.pcap "$T/err")" -eq 1 ] && [ "$(grep -o none.pcap "$T/err" | wc -l)" -eq 1 ] && pass ||
	fail "filter: file named more than once: $(cat "$T/err")"
run 2 $B check -r "$T/none.pcap" tcp; err_has "bpfx check: $T/none.pcap: No such file or directory"
run 2 $B dissect -r "$T/none.pcap"; err_has "bpfx dissect: $T/none.pcap: No such file or directory"
run 2 $B trace -r "$T/none.pcap" --packet 1 tcp; err_has "bpfx trace: $T/none.pcap: No such file or directory"
for cmd in "filter -r $T/none.pcap" "check -r $T/none.pcap tcp" "dissect -r $T/none.pcap" \
	"trace -r $T/none.pcap --packet 1 tcp" "compile 'tcp and'" "explain 'tcp and'" "asm $T/none.bpf"; do
	eval "$B $cmd" >/dev/null 2>"$T/err"
	# every line that is not an expression echo or an underline
	bad=$(grep -v '^  ' "$T/err" | grep -v "^bpfx ${cmd%% *}: " | grep -v '^usage:' | head -1)
	[ -z "$bad" ] && pass || fail "bpfx $cmd: a line without 'bpfx ${cmd%% *}: ': $bad"
done
run 2 $B filter --engine foo -r "$T/a.pcap"; err_has "bpfx filter: "
run 2 $B compile -y NOPE tcp; err_has "bpfx compile: unknown link type 'NOPE'"
run 2 $B nope; err_has "bpfx: unknown command 'nope'"

# --- -c, --packet, -s: one message for junk and for zero ---
for v in abc 0 -1 4294967296 ''; do
	run 2 $B filter -c "$v" -r "$T/a.pcap"
	err_has "bpfx filter: -c wants a number from 1 to 4294967295, not '$v'"
	run 2 $B dissect -c "$v" -r "$T/a.pcap"
	err_has "bpfx dissect: -c wants a number from 1 to 4294967295, not '$v'"
	run 2 $B dissect --packet "$v" -r "$T/a.pcap"
	err_has "bpfx dissect: --packet wants a number from 1 to 4294967295, not '$v'"
	run 2 $B trace --packet "$v" -r "$T/a.pcap" tcp
	err_has "bpfx trace: --packet wants a number from 1 to 4294967295, not '$v'"
done
run 2 $B compile -s abc tcp; err_has "bpfx compile: -s wants a number from 0 to 4294967295, not 'abc'"
run 0 $B filter --engine libpcap -tt -c 4294967295 -r "$T/a.pcap"; packets 3
finish
