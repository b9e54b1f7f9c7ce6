#!/bin/sh
# kernel.sh: the Linux kernel as a second validator.  Every expression of
# tests/diff/exprs.txt is compiled for the link types the kernel sees
# (EN10MB, and LINUX_SLL for `-i any`), attached to a packet socket with
# SO_ATTACH_FILTER (`bpfx check --kernel`), and bpfx's validator and the
# kernel must agree on every program; hand-written programs the validator
# refuses must be refused by the kernel too.  Prints the counts.
# Root only (a packet socket needs CAP_NET_RAW): skips otherwise.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
[ "$(id -u)" = 0 ] || { echo "SKIP: not root: SO_ATTACH_FILTER on a packet socket needs CAP_NET_RAW"; exit 77; }
[ "$(uname -s)" = Linux ] || { echo "SKIP: not Linux"; exit 77; }
compiler_ready || { echo "SKIP: compiler not ready"; exit 77; }

# --- hand-written programs: both accept, or both refuse ---
printf 'ldh [12]\nret a\n' >"$T/ok.bpf"
run 0 $B check --kernel --program "$T/ok.bpf"
grep -q '^kernel: accepts' "$T/out" && pass || fail "ok.bpf: $(cat "$T/out")"
for p in 'ldh [12]' 'ld #1\ndiv #0\nret a' 'ld M[3]\nret a' 'ja 5\nret #0' 'ld #1\nmod #0\nret a'; do
	printf "$p\n" >"$T/bad.bpf"
	run 1 $B check --kernel --program "$T/bad.bpf"
	grep -q '^validator: refuses' "$T/out" && grep -q '^kernel: refuses' "$T/out" && pass ||
		fail "'$p': $(cat "$T/out")"
done
run 2 $B check --kernel -r "$T/x.pcap" tcp; err_has "--kernel reads no capture"

# --- the differential list, for the kernel's link types ---
tried=0 accepted=0 refused=0 disagree=0 notcompiled=0
for lt in EN10MB LINUX_SLL; do
	grep -v '^#' "$srcdir/tests/diff/exprs.txt" | grep -v '^[[:space:]]*$' >"$T/exprs"
	while IFS= read -r e; do
		$B check --kernel -y $lt "$e" >"$T/out" 2>"$T/err"
		rc=$?
		if [ $rc -eq 2 ]; then # bpfx does not compile it for this link type
			notcompiled=$((notcompiled + 1))
			continue
		fi
		tried=$((tried + 1))
		if grep -q '^disagreement' "$T/out"; then
			disagree=$((disagree + 1))
			fail "$lt '$e': $(tr '\n' ' ' <"$T/out")"
		elif [ $rc -eq 0 ]; then
			accepted=$((accepted + 1))
			pass
		else
			refused=$((refused + 1))
			echo "refused by both: $lt '$e': $(grep '^kernel' "$T/out")"
			pass
		fi
	done <"$T/exprs"
done
echo "kernel: $tried programs tried, $accepted accepted by both, $refused refused by both," \
	"$disagree disagreements; $notcompiled expression/link type pairs bpfx does not compile"
[ $tried -gt 0 ] && pass || fail "no program tried"
finish
