#!/bin/sh
# claims.sh: the numbers README.md, doc/hardening.md and doc/tutorial.md
# state about the current tree, re-computed here (or read from the run of
# the test that computes them: difftest, vmdiff and optsize, whose logs this
# test waits for) and compared with the document.  Each claim prints one
# line, the document's value beside the measured one, so updating a
# document after, say, new expressions in tests/diff/exprs.txt is one edit:
#
#   README.md  'difftest verdicts (millions)'   document 50.9   measured 51.6   DIFFERS
#
# Numbers from a dated run (the benchmark table of 2026-11-27, the fuzzing
# and valgrind runs in hardening.md's dated sections, durations) are
# history, not claims about the tree: they are listed at the end as such and
# not recomputed.  A claim whose number is missing from its document fails
# too (the sentence changed: update the pattern here).  SKIP (77) when
# tcpdump or the capture corpus is missing for some claims.
set -u
: "${srcdir:=.}"
top=$(cd "$srcdir" && pwd)
B=./bpfx
T=$(mktemp -d "${TMPDIR:-/tmp}/bpfx-claims.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
nok=0 nbad=0 nskip=0

# claim DOC NAME MEASURED SED-REGEX: the document's number is the regex's
# \1 on the first line it matches (commas dropped; the regex is a basic
# one placed inside .*REGEX.*, so it cannot be anchored)
claim() {
	_doc=$(sed -n "s/.*$4.*/\1/p" "$top/$1" | head -n 1 | tr -d ,)
	if [ -z "$_doc" ]; then
		printf '%-16s %-44s document %-9s measured %-9s MISSING\n' "$1" "'$2'" "?" "$3"
		nbad=$((nbad + 1))
	elif [ "$_doc" = "$3" ]; then
		printf '%-16s %-44s document %-9s measured %-9s ok\n' "$1" "'$2'" "$_doc" "$3"
		nok=$((nok + 1))
	else
		printf '%-16s %-44s document %-9s measured %-9s DIFFERS\n' "$1" "'$2'" "$_doc" "$3"
		nbad=$((nbad + 1))
	fi
}
cannot() { # DOC NAME WHY
	printf '%-16s %-44s SKIP: %s\n' "$1" "'$2'" "$3"
	nskip=$((nskip + 1))
}
# a test's own log line, or nothing
logged() { sed -n "s/$2/\1/p" "$1" 2>/dev/null | head -n 1; }
count_exprs() { grep -cv '^#\|^$' "$1"; }

# --- counted from the tree ---
nexprs=$(count_exprs "$top/tests/diff/exprs.txt")
ninvalid=$(count_exprs "$top/tests/diff/invalid.txt")
claim README.md 'expressions in exprs.txt' "$nexprs" '`tests\/diff\/exprs.txt` (\([0-9,]*\) of them'
claim README.md 'expressions in invalid.txt' "$ninvalid" 'invalid.txt` lists \([0-9,]*\) expressions'
claim doc/hardening.md 'expressions of exprs.txt and invalid.txt' "$((nexprs + ninvalid))" 'from the \([0-9,]*\) expressions of `tests\/diff\/exprs.txt`'
claim doc/hardening.md 'expression seeds in corpus/expr' "$(ls "$top/tests/fuzz/corpus/expr" | wc -l)" 'the \([0-9,]*\) seeds in `corpus\/expr`'
claim doc/hardening.md 'capture seeds of ours' "$(ls "$top/tests/fuzz/corpus/capture" | wc -l)" 'pcap\/pcapng from \([0-9,]*\) seeds of ours'
claim README.md 'deliberate bugs in mutations.txt' "$(grep -c '^name:' "$top/tests/mutate/mutations.txt")" 'an hour) applies \([0-9]*\)'
nharn=$(ls "$top"/tests/fuzz/fuzz_*.c | grep -vc fuzz_common)
claim README.md 'libFuzzer harnesses' "$(echo $nharn | sed 's/^4$/Four/')" '\([A-Z][a-z]*\) libFuzzer harnesses'
claim README.md 'fuzz seconds by default' "$(sed -n 's/^FUZZ_SECONDS = //p' "$top/tests/fuzz/local.mk")" 'default \([0-9]*\) each'

corpus="$top/../shared/corpus"
if [ -d "$corpus" ]; then
	ncorpus=$(ls "$corpus"/*/*.pcap "$corpus"/*/*.pcapng 2>/dev/null | wc -l)
	claim doc/hardening.md 'files of ../shared/corpus' "$ncorpus" 'plus the \([0-9,]*\) files of `..\/shared\/corpus`'
else
	cannot doc/hardening.md 'files of ../shared/corpus' "no corpus at $corpus"
fi

# --- printed by the tests that compute them (make check runs them first) ---
D=tests/diff/run-difftest.sh.log
verdicts=$(logged $D '^difftest: [0-9]* packets .*, \([0-9]*\) verdicts compared.*')
if [ -n "$verdicts" ] && [ -d "$corpus" ]; then
	claim README.md 'difftest verdicts (millions)' "$(awk -v v="$verdicts" 'BEGIN { printf "%.1f", v / 1e6 }')" 'on \([0-9.]*\) million verdicts'
	# the same in every build: the synthesizer draws its random numbers
	# one per statement, so no compiler's order of evaluation changes the
	# packets (under the sanitizers it once did: #12)
	claim README.md 'truncated packets where --loose differs' \
		"$(logged $D '^difftest: --loose differs from the unoptimized program on \([0-9]*\) packets.*')" \
		'it differs on the \([0-9,]*\) packets'
	claim README.md 'difftest link types' "$(logged $D '^difftest: [0-9]* expressions x \([0-9]*\) link types.*')" \
		'for each of the \([0-9]*\) link types'
	claim README.md 'invalid expressions rejected with a span' \
		"$(logged $D '^difftest: [0-9]* invalid expressions: \([0-9]*\) rejected with a span.*')" \
		'invalid.txt` lists \([0-9,]*\) expressions'
else
	cannot README.md 'difftest counts' "no $D (run make check) or no corpus at $corpus (the counts include it)"
fi
V=tests/diff/vmdiff.log
vm=$(logged $V '^vmdiff: \([0-9]*\) programs x.*')
if [ -n "$vm" ]; then
	claim README.md 'random programs against bpf_filter' "$(echo "$vm" | sed 's/^1000000$/a million/')" 'on \(a million\) random programs'
else
	cannot README.md 'vmdiff programs' "no $V (run make check)"
fi
O=tests/diff/optsize.sh.log
if [ -s "$O" ]; then
	# per link type, the exact line first, then the --loose one
	sed -n 's/^optsize: \([0-9]*\) expressions ([A-Z0-9_]*): bpfx \(--loose \)\{0,1\}\([0-9]*\) insns, libpcap \([0-9]*\) insns.*/\1 \2\3 \4/p' "$O" |
		awk '$2 == "--loose" { l += $3; next } { n += $1; e += $2; lp += $3 } END { print n, e, l, lp }' >"$T/opt"
	read -r pairs exact loose lib <"$T/opt"
	sed -n 's/^optsize: \([0-9]*\) expressions more than 10% longer.*/\1/p' "$O" |
		awk 'NR % 2 { e += $1; next } { l += $1 } END { print e, l }' >"$T/long"
	read -r longe longl <"$T/long"
	claim README.md 'optsize expression/link type pairs' "$pairs" 'the eight link types, \([0-9,]*\) expression and link type pairs'
	claim README.md 'optsize --loose insns' "$loose" '| `--loose` *| \([0-9,]*\) '
	claim README.md 'optsize libpcap insns' "$lib" '| `--loose` *| [0-9,]* *| \([0-9,]*\) '
	claim README.md 'optsize --loose programs > 10% longer' "$longl" '| `--loose` *| [0-9,]* *| [0-9,]* *| \([0-9,]*\) '
	claim README.md 'optsize exact insns' "$exact" '| default (exact) *| \([0-9,]*\) '
	claim README.md 'optsize exact programs > 10% longer' "$longe" '| default (exact) *| [0-9,]* *| [0-9,]* *| \([0-9,]*\) '
else
	cannot README.md 'optsize table' "no $O (run make check)"
fi

# --- against tcpdump ---
if command -v tcpdump >/dev/null 2>&1; then
	ncomp=0 nsame=0
	while IFS= read -r e; do
		case "$e" in '' | '#'*) continue ;; esac
		$B compile --loose -d "$e" >"$T/a" 2>/dev/null || continue
		ncomp=$((ncomp + 1))
		tcpdump -d "$e" >"$T/b" 2>/dev/null && cmp -s "$T/a" "$T/b" && nsame=$((nsame + 1))
	done <"$top/tests/diff/exprs.txt"
	claim README.md '--loose listings equal to tcpdump -d' "$nsame" 'as short as libpcap.s, \([0-9]*\) of [0-9]*'
	claim README.md 'expressions compiled for Ethernet' "$ncomp" 'as short as libpcap.s, [0-9]* of \([0-9]*\)'
	claim README.md 'net 0.0.0.0/0 exact insns' "$($B compile 'net 0.0.0.0/0' | wc -l)" '`net 0.0.0.0\/0`: \([0-9]*\) against [0-9]*'
	claim README.md 'net 0.0.0.0/0 tcpdump -d insns' "$(tcpdump -d 'net 0.0.0.0/0' 2>/dev/null | wc -l)" '`net 0.0.0.0\/0`: [0-9]* against \([0-9]*\)'
	# the tutorial: how many of the handshake's packets have ACK set
	all=$(tcpdump -nn -r "$top/examples/handshake-2013.pcap" 2>/dev/null | wc -l)
	ack=$(tcpdump -nn -r "$top/examples/handshake-2013.pcap" 'tcp[13] & 16 != 0' 2>/dev/null | wc -l)
	words() { echo "$1" | sed 's/^8$/Eight/; s/^9$/nine/'; }
	claim doc/tutorial.md 'handshake packets with ACK' "$(words "$ack")" '\([A-Z][a-z]*\) of the [a-z]* packets match'
	claim doc/tutorial.md 'handshake packets' "$(words "$all")" '[A-Z][a-z]* of the \([a-z]*\) packets match'
else
	cannot README.md 'listings, net 0.0.0.0/0, tutorial counts' 'tcpdump not found'
fi

# --- the tutorial's packet 4: IP length 77 = 20 + 32 + 25 (its own bytes) ---
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 - "$top/examples/handshake-2013.pcap" >"$T/p4" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
at, n = 24, 0
while True:
    caplen = struct.unpack("<I", d[at + 8:at + 12])[0]
    n += 1
    if n == 4:
        p = d[at + 16:at + 16 + caplen]
        break
    at += 16 + caplen
ip = p[14:]
ihl, tot = (ip[0] & 15) * 4, struct.unpack("!H", ip[2:4])[0]
doff = (ip[ihl + 12] >> 4) * 4
print(tot, ihl, doff, tot - ihl - doff)
PY
	read -r tot ihl doff data <"$T/p4"
	claim doc/tutorial.md 'handshake packet 4: IP length' "$tot" 'Its IP length is \([0-9]*\):'
	claim doc/tutorial.md 'handshake packet 4: IPv4 header' "$ihl" 'Its IP length is [0-9]*: \([0-9]*\) bytes of'
	claim doc/tutorial.md 'handshake packet 4: data bytes' "$data" 'The server.s \([0-9]*\) bytes travel in packet 4'
else
	cannot doc/tutorial.md 'handshake packet 4' '/usr/bin/python3 not found'
fi

cat <<'EOF'
history (dated runs, not recomputed): README.md's benchmark table
  (bench/compile_bench, 2026-11-27) and the fuzz smoke's duration;
  doc/hardening.md's fuzzing and valgrind runs under its dated headings
  (2026-11-23, 2026-11-27), the 4 GiB capture run, and the durations.
  Limits (4,096 instructions, 4,000 levels, 1 MiB, 16 scratch cells) are
  checked by tests/fuzz/limits.sh, not here.
EOF
echo "claims: $nok agree, $nbad differ or are missing, $nskip not computed here"
[ $nbad = 0 ] || exit 1
[ $nskip = 0 ] || exit 77
exit 0
