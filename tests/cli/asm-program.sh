#!/bin/sh
# asm-program.sh: --program FILE for `bpfx filter` and `bpfx check`: a
# hand-written program (as `bpfx asm` reads it) runs instead of an
# expression; a program with a syntax error or one the validator rejects
# stops with exit 2 and a message naming the line:column or instruction.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
EX="$srcdir/examples/mixed.pcap"

count() { grep -Ec '^[0-9]+\.[0-9]{6} ' "$T/out"; }

# IPv4 TCP in bpf_asm syntax, and the same as bpfx compile's listing
printf 'ldh [12]\njeq #0x800, v4, drop\nv4: ldb [23]\njeq #6, keep, drop\nkeep: ret #262144\ndrop: ret #0\n' >"$T/tcp4.bpf"
$B compile -d 'ip and tcp' >"$T/tcp4.d"

run 0 $B filter -n -tt -r "$EX" 'ip and tcp'; want=$(count)
run 0 $B filter -n -tt -r "$EX" --program "$T/tcp4.bpf"
if [ "$(count)" = "$want" ] && [ "$want" -gt 0 ]; then pass; else fail "--program matched $(count), expression $want"; fi
run 0 $B filter -n -tt -r "$EX" --program "$T/tcp4.d"
if [ "$(count)" = "$want" ]; then pass; else fail "--program (-d listing) matched $(count), want $want"; fi
run 0 $B filter -r "$EX" --program "$T/tcp4.bpf" -w "$T/o.pcap"
run 0 $B filter -n -tt -r "$T/o.pcap"
if [ "$(count)" = "$want" ]; then pass; else fail "-w wrote $(count), want $want"; fi

run 0 $B check -r "$EX" --program "$T/tcp4.bpf"
grep -q '^checked [0-9]* packets: 0 disagreements' "$T/out" && pass || fail "check --program: $(cat "$T/out")"

# usage and bad programs
run 2 $B filter -r "$EX" --program "$T/tcp4.bpf" tcp; err_has "give one"
run 2 $B check -r "$EX" --program "$T/tcp4.bpf" tcp; err_has "give one"
run 2 $B filter -r "$EX" --program "$T/missing.bpf"; err_has "missing.bpf"
printf 'ldh [12]\n  jeq #0x800, L1\n' >"$T/nolabel.bpf"
run 2 $B filter -r "$EX" --program "$T/nolabel.bpf"; err_has "nolabel.bpf:2:15: undefined label 'L1'"
run 2 $B check -r "$EX" --program "$T/nolabel.bpf"; err_has "nolabel.bpf:2:15"
printf 'ldh [12]\nldx M[4]\nret a\n' >"$T/inv.bpf"
run 2 $B filter -r "$EX" --program "$T/inv.bpf"; err_has "invalid program: instruction 1: M[4] may be read before it is written"
run 2 $B check -r "$EX" --program "$T/inv.bpf"; err_has "instruction 1"
printf 'ldh [12]\n' >"$T/noret.bpf"
run 2 $B filter -r "$EX" --program "$T/noret.bpf"; err_has "instruction 0: last instruction is not a ret"
run 0 $B filter --help; grep -q -- '--program' "$T/out" && pass || fail "filter --help lacks --program"
run 0 $B check --help; grep -q -- '--program' "$T/out" && pass || fail "check --help lacks --program"
finish
