#!/bin/bash
# jobs_bench.sh: `bpfx filter --jobs N` over 8 files of 128 MB, and over
# the one 1 GiB file they were cut from (split into ranges of records),
# against the serial run of the same command, in the same run (issue 15:
# "on 2 cores, close to 2x on 8 files of 128 MB"; "one large file, split
# at record boundaries").  No timing is asserted; it prints medians of the
# wall-clock and of the CPU time (user + system: on a shared machine the
# steadier figure), the speed-up, and whether the outputs are
# byte-identical (cmp).
#
#   bench/jobs_bench.sh [BPFX [SYNTH]]
#   env: BENCH_DIR (default /tmp/bpfx-bench: filter_bench.sh's 1 GiB
#        capture, made there if missing, is cut at record boundaries into
#        8 parts, kept for later runs), OUT_DIR (where -w writes; default
#        /dev/shm when writable), RUNS (default 5), JOBS (default auto: one
#        per core), CASES (|-separated expressions; "-" is none),
#        SETS (default "8 1": the 8 files, then the one file)
#
# Each round runs the serial command and the --jobs one, in alternating order;
# the speed-up is the median of the per-round ratios serial / parallel
# (wall-clock); "CPU x" is the median of the ratios parallel / serial of
# CPU time, the price of running at once (1.00: none).
# The files are read once first, so both find them in the page cache.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/bench-lib.sh"
jobs=${JOBS:-auto}
out=$(bench_out "$dir")
out=$out/bpfx-jobs-out.$$
work=$(mktemp -d) || exit 2
trap 'rm -rf "$out-serial.pcap" "$out-jobs.pcap" "$work"' EXIT
[ -x "$B" ] || { echo "jobs_bench: no bpfx at $B"; exit 2; }
PY=${PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || { echo "jobs_bench: $PY not found: cannot cut the capture"; exit 0; }

if [ ! -s "$dir/part8.pcap" ]; then
	if [ ! -s "$dir/big.pcap" ]; then
		RUNS=1 CASES=- BENCH_DIR=$dir bash "$here/filter_bench.sh" "$B" "$SYNTH" >/dev/null || exit 2
	fi
	echo "jobs_bench: cutting $dir/big.pcap into 8 parts at record boundaries (once)"
	# pcap-savefile(5): a 24-byte file header, then records of a 16-byte
	# header (caplen at offset 8, in the file's byte order) and caplen bytes
	"$PY" - "$dir/big.pcap" "$dir" <<'PYEOF' || exit 2
import mmap, struct, sys
src, d = sys.argv[1], sys.argv[2]
with open(src, 'rb') as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    order = '<' if m[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    size, head, start, off = len(m), m[:24], 24, 24
    for k in range(1, 9):
        end = size if k == 8 else 24 + (size - 24) * k // 8
        while off < end and off + 16 <= size:
            off += 16 + struct.unpack_from(order + 'I', m, off + 8)[0]
        with open('%s/part%d.pcap' % (d, k), 'wb') as o:
            o.write(head)
            o.write(m[start:off])
        start = off
PYEOF
fi
eight=()
for k in 1 2 3 4 5 6 7 8; do eight+=(-r "$dir/part$k.pcap"); cat "$dir/part$k.pcap" >/dev/null; done
cat "$dir/big.pcap" >/dev/null


if [ -n "${CASES:-}" ]; then
	IFS='|' read -r -a cases <<<"$CASES"
else
	cases=("tcp port 80" "tcp[13] & 16 != 0" "-")
fi
for set in ${SETS:-8 1}; do
if [ "$set" = 1 ]; then
	files=(-r "$dir/big.pcap")
	size=$(stat -L -c %s "$dir/big.pcap")
else
	files=("${eight[@]}")
	size=$(cat "$dir"/part?.pcap | wc -c)
fi
echo "jobs_bench: $set file(s), $((size >> 20)) MiB in all, $(nproc) cores, -j $jobs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jobs_bench: $runs rounds; times are medians in seconds; speed-up is the median of per-round serial/parallel"
printf '%-8s %8s %8s %8s %8s %8s %6s %6s  %s\n' matches serial "-j $jobs" speed-up "CPU ser" "CPU -j" "CPU x" "-w" \
	"expression (-w, then --count)"
for e in "${cases[@]}"; do
	args=()
	[ "$e" = "-" ] || args=("$e")
	for mode in w count; do
		: >"$work/s"; : >"$work/p"; : >"$work/r"; : >"$work/cs"; : >"$work/cp"; : >"$work/cr"
		for r in $(seq "$runs"); do
			for k in 0 1; do
				if [ $(( (r + k) % 2 )) = 0 ]; then
					if [ $mode = w ]; then # (truncating the last output is not timed)
						rm -f "$out-serial.pcap"
						ts=$(dir=$work seconds "$B" filter "${files[@]}" -w "$out-serial.pcap" "${args[@]}")
					else
						ts=$(dir=$work seconds "$B" filter "${files[@]}" --count "${args[@]}")
					fi
				elif [ $mode = w ]; then
					rm -f "$out-jobs.pcap"
					tp=$(dir=$work seconds "$B" filter --jobs "$jobs" "${files[@]}" -w "$out-jobs.pcap" "${args[@]}")
				else
					tp=$(dir=$work seconds "$B" filter --jobs "$jobs" "${files[@]}" --count "${args[@]}")
				fi
			done
			read -r ws cs <<<"$ts"
			read -r wp cp <<<"$tp"
			echo "$ws" >>"$work/s"
			echo "$wp" >>"$work/p"
			echo "$ws / $wp" | bc -l >>"$work/r"
			echo "$cs" >>"$work/cs"
			echo "$cp" >>"$work/cp"
			echo "$cp / $cs" | bc -l >>"$work/cr"
		done
		same=-
		if [ $mode = w ]; then
			same=same
			cmp -s "$out-serial.pcap" "$out-jobs.pcap" || same=DIFFER
		fi
		matches=$("$B" filter --jobs "$jobs" "${files[@]}" --count "${args[@]}" 2>/dev/null | cut -d' ' -f1)
		printf '%-8s %8s %8s %8s %8s %8s %6s %6s  %s\n' "$matches" "$(median <"$work/s")" "$(median <"$work/p")" \
			"$(median <"$work/r")" "$(median <"$work/cs")" "$(median <"$work/cp")" "$(median <"$work/cr")" \
			"$same" "$e ($mode)"
	done
done
done
echo "jobs_bench: load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
