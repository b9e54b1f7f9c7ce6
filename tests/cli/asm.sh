#!/bin/sh
# asm.sh: `bpfx asm` on the command line: `bpfx compile -d EXPR | bpfx asm
# -ddd -` gives `bpfx compile -ddd EXPR` for every expression of
# tests/diff/exprs.txt (optimized and not), bpf_asm syntax, errors.
. "${srcdir:-.}/tests/cli/filter-lib.sh"

has() {
	if grep -qF -- "$1" "$T/out"; then pass; else fail "stdout lacks '$1'"; fi
}

run 0 $B asm --help; has "usage: bpfx asm"
run 2 $B asm
run 2 $B asm -q -; err_has "unknown option"
run 2 $B asm "$T/missing.bpf"; err_has "missing.bpf"

printf 'ldh [12]\njeq #0x800, v4, drop\nv4: ldb [23]\njne #6, drop\nret #-1\ndrop: ret #0\n' >"$T/tcp4.bpf"
run 0 $B asm "$T/tcp4.bpf"
has "(001) jeq      #0x800           jt 2	jf 5"
has "(003) jeq      #0x6             jt 4	jf 5"
run 0 $B asm -dd "$T/tcp4.bpf"; has "{ 0x15, 0, 3, 0x00000800 },"
run 0 $B asm -ddd - <"$T/tcp4.bpf"; has "21 0 1 6"

printf 'ldh [12]\n\n   jeq #0x800, v4, nowhere\nv4: ret #1\n' >"$T/bad.bpf"
run 2 $B asm "$T/bad.bpf"; err_has "bad.bpf:3:20: undefined label 'nowhere'"
printf 'ldh [12]\nfrob\n' >"$T/frob.bpf"
run 2 $B asm - <"$T/frob.bpf"
err_has "(stdin):2:1: unknown instruction 'frob'"
printf 'ld M[1]\nret a\n' >"$T/inv.bpf"
run 0 $B asm "$T/inv.bpf"; err_has "warning"; err_has "instruction 0"

# the bar: the listing assembles back to the same bytes
ok=0
bad=0
while IFS= read -r e; do
	case "$e" in '#'*|'') continue ;; esac
	for o in '' -O; do
		$B compile $o -ddd "$e" >"$T/want" 2>/dev/null || continue
		$B compile $o -d "$e" | $B asm -ddd - >"$T/got" 2>"$T/err"
		if cmp -s "$T/want" "$T/got"; then
			ok=$((ok + 1))
		else
			bad=$((bad + 1))
			[ $bad -le 5 ] && echo "round trip differs: $o '$e'"
		fi
	done
done <"$srcdir/tests/diff/exprs.txt"
echo "# compile -d | asm -ddd - equals compile -ddd for $ok programs, differs for $bad"
if [ $ok -gt 500 ] && [ $bad = 0 ]; then pass; else fail "round trip: $ok equal, $bad differ"; fi
finish
