#!/bin/sh
# snapshot.sh: record every output bpfx prints over the test inputs, so a
# behaviour-preserving change (issue #11) can be shown byte-identical:
#   tests/tools/snapshot.sh BPFX OUTDIR        # e.g. before and after
#   diff -r OUTDIR.before OUTDIR.after
# Covers compile (-d, -O -d, --loose -d, -ddd, --json) and explain for every
# expression of tests/diff/exprs.txt and tests/diff/invalid.txt on the eight
# link types; filter (eight printing option sets), dissect and trace over
# examples/, synthesized captures and ../shared/corpus when present.
set -u
bpfx=${1:?usage: snapshot.sh BPFX OUTDIR}
out=${2:?usage: snapshot.sh BPFX OUTDIR}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
synth=${SYNTH:-$(dirname "$bpfx")/tests/synth/bpfx-synth}
mkdir -p "$out"
LC_ALL=C; export LC_ALL TZ=UTC

# Compiler outputs: one file per link type and format.
for lt in EN10MB RAW IPV4 IPV6 NULL LOOP LINUX_SLL LINUX_SLL2; do
	for f in "$srcdir/tests/diff/exprs.txt" "$srcdir/tests/diff/invalid.txt"; do
		grep -v '^#' "$f" | grep -v '^[[:space:]]*$'
	done | while IFS= read -r e; do
		printf '### %s\n' "$e"
		for fmt in "-d" "-O -d" "--loose -d" "-ddd" "--json"; do
			# shellcheck disable=SC2086
			"$bpfx" compile -y "$lt" $fmt "$e" 2>&1; echo "rc=$?"
		done
		"$bpfx" explain -y "$lt" "$e" 2>&1; echo "rc=$?"
	done > "$out/compile-$lt.txt"
done

# Captures: examples, synthesized sets (seeded), the shared corpus.
caps="$out/.caps"; mkdir -p "$caps"
if [ -x "$synth" ]; then
	for lt in EN10MB RAW NULL LOOP LINUX_SLL LINUX_SLL2; do
		"$synth" -y "$lt" -n 200 -s 7 -w "$caps/synth-$lt.pcap" >/dev/null 2>&1
	done
fi
list="$out/.files"
{ ls "$srcdir"/examples/*.pcap "$caps"/*.pcap 2>/dev/null
  [ -d "$srcdir/../shared/corpus" ] && find "$srcdir/../shared/corpus" -type f \( -name '*.pcap' -o -name '*.pcapng' \) | sort; } > "$list"
n=0
while IFS= read -r f; do
	n=$((n + 1))
	o="$out/cap-$(printf %04d $n)-$(basename "$f").txt"
	{
		for opts in "-nn" "-nn -v" "-nn -vvv" "-nn -e" "-nn -x" "-nn -X" "-nn -A" "-nn -q" "-nn -tttt -c 5" "-nn -ttt -c 5"; do
			printf '### filter %s\n' "$opts"
			# shellcheck disable=SC2086
			timeout 30 "$bpfx" filter $opts -r "$f" 2>&1; echo "rc=$?"
		done
		printf '### filter tcp\n'; timeout 30 "$bpfx" filter -nn -r "$f" tcp 2>&1; echo "rc=$?"
		printf '### dissect\n'; timeout 30 "$bpfx" dissect -r "$f" -c 20 2>&1; echo "rc=$?"
		for p in 1 2 3; do
			printf '### trace %s\n' "$p"
			timeout 30 "$bpfx" trace -r "$f" --packet "$p" 'tcp[13] & 16 != 0 or udp port 53 or icmp or ip6' 2>&1; echo "rc=$?"
		done
	} > "$o"
done < "$list"
rm -rf "$caps" "$list"
# Paths differ between checkouts: name them SRC and CAPS.
for f in "$out"/*.txt; do
	sed -i -e "s|$caps|CAPS|g" -e "s|$srcdir|SRC|g" "$f"
done
echo "snapshot: $(ls "$out" | wc -l) files in $out"
