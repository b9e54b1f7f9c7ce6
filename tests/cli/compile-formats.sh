#!/bin/sh
# compile-formats.sh: `bpfx compile --asm` and `--json` say the same
# program as -dd.  --asm is the kernel's bpf_asm syntax, which `bpfx asm`
# reads back: every expression of tests/diff/exprs.txt (and a few with -O,
# --loose and other link types) assembles to the same bytes.  --json is one
# object whose instructions are -ddd's numbers (parsed with Debian's
# python3; SKIP without it).  At least MIN_EXPRS expressions must compile:
# a compiler that starts rejecting some of the list fails here too.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready
MIN_EXPRS=435 # expressions of tests/diff/exprs.txt that compiled on 2026-12-06

n=0
while IFS= read -r e; do
	case "$e" in '' | '#'*) continue ;; esac
	$B compile -dd "$e" >"$T/dd" 2>/dev/null || continue
	n=$((n + 1))
	$B compile --asm "$e" >"$T/asm" 2>"$T/err" || { fail "--asm '$e': $(head -1 "$T/err")"; continue; }
	$B asm -dd "$T/asm" >"$T/back" 2>"$T/err" || { fail "asm of --asm '$e': $(head -1 "$T/err")"; continue; }
	cmp -s "$T/dd" "$T/back" && pass || fail "--asm '$e' assembles to other bytes"
done <"$srcdir/tests/diff/exprs.txt"
for args in "-O tcp port 80 or udp" "--loose host 10.0.0.1 or 10.0.0.2" "-y LINUX_SLL2 ip6 and tcp port 22" \
	"-y RAW len > 100 and ip[0] & 0xf > 5" "inbound and vlan 7"; do
	# shellcheck disable=SC2086
	$B compile -dd $args >"$T/dd" && $B compile --asm $args | $B asm -dd - >"$T/back" &&
		cmp -s "$T/dd" "$T/back" && pass || fail "--asm round trip: $args"
done
echo "$n expressions through --asm and back (minimum $MIN_EXPRS)"
[ "$n" -ge $MIN_EXPRS ] && pass || fail "only $n expressions of exprs.txt compile, fewer than $MIN_EXPRS"
# labels only where something jumps, the packet length as bpf_asm spells it
run 0 $B compile --asm 'len > 100'
grep -q '^	ld #len$' "$T/out" && pass || fail "--asm: no 'ld #len': $(cat "$T/out")"
grep -Eq '^l[0-9]+:	ret #262144$' "$T/out" && pass || fail "--asm: no label on the accepting ret"
if have_python; then
	for args in "tcp[13] & 2 != 0" "--loose -y LINUX_SLL -s 96 host 10.0.0.1" "-O ip6"; do
		# shellcheck disable=SC2086
		$B compile --json $args >"$T/json" && $B compile -ddd $args >"$T/ddd" || { fail "--json $args"; continue; }
		"$PY" - "$T/json" "$T/ddd" <<'PY' && pass || fail "--json $args"
import json, sys
o = json.load(open(sys.argv[1]))
ddd = open(sys.argv[2]).read().split("\n")
n = int(ddd[0])
want = [list(map(int, l.split())) for l in ddd[1:1 + n]]
got = [[i["code"], i["jt"], i["jf"], i["k"]] for i in o["instructions"]]
assert o["length"] == n and got == want, (o["length"], n)
assert set(o) >= {"expression", "linktype", "snaplen", "optimizer", "length", "instructions"}
assert all(i["text"] for i in o["instructions"])
PY
	done
	run 0 $B compile --json --loose -y LINUX_SLL -s 96 'host 10.0.0.1'
	grep -q '"linktype": "LINUX_SLL", "snaplen": 96, "optimizer": "loose"' "$T/out" && pass ||
		fail "--json header: $(head -1 "$T/out")"
else
	skipped "$PY not found: --json not parsed"
fi
finish
