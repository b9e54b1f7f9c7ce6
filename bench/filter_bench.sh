#!/bin/bash
# filter_bench.sh: `bpfx filter -r BIG -w OUT EXPR` against `tcpdump -r BIG
# -w OUT EXPR` and `cat BIG > /dev/null`, on the same 1 GiB capture in the
# same run (issue 15).  No timing is asserted; it prints medians and ratios.
#
#   bench/filter_bench.sh [BPFX [SYNTH]]
#   env: BENCH_DIR (default /tmp/bpfx-bench: the capture, 1027 MiB, is made
#        once and reused), OUT_DIR (where -w writes; default /dev/shm when
#        writable, so the disk is not what is measured), RUNS (default 5),
#        CASES (a |-separated list of expressions instead of the six below;
#        "-" is no expression), BASE (another bpfx, e.g. a build of main:
#        timed in the same rounds, its -w output compared too, and bpfx's
#        wall and CPU time as a ratio to its)
#
# "floor" is what reading the capture and writing bpfx's output bytes costs
# at the least: `cat BIG > /dev/null` plus `dd if=/dev/zero of=OUT` of the
# same size as bpfx's -w output (timed in the same round); "bpfx/floor"
# shows how far bpfx is from it where much is written (filling 1 GiB of
# /dev/shm pages costs several times what reading it does).
#
# The capture: four 128 MB parts from bpfx-synth (every network layer it
# knows: TCP with payloads, UDP, ICMP, IPv6, VLAN, ARP, MPLS, PPPoE, cut
# and damaged headers; seeds 1-4) alternating with four 128 MB parts made
# of examples/*.pcap repeated (DNS, TCP handshakes, IPv6 extension headers,
# RESP), all Ethernet.  The file is read once first so that every run finds
# it in the page cache, as the issue measures.
#
# Each of RUNS rounds runs bpfx, tcpdump and cat once, in a rotating order
# (so drift and cache effects fall on all three alike); the ratios are the
# medians of the per-round ratios.  The previous -w output is removed
# before each timed run: truncating it (freeing up to 1 GiB of pages)
# would otherwise be timed as part of the next run.  After the rounds the two -w outputs
# are compared with cmp (they must be byte-identical), and the peak
# resident memory of one more bpfx run is measured with /usr/bin/time.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/bench-lib.sh"
top=$(dirname "$here")
big=$dir/big.pcap
out=$(bench_out "$dir")
out=$out/bpfx-bench-out.$$
trap 'rm -f "$out-bpfx.pcap" "$out-tcpdump.pcap" "$out-base.pcap" "$out-floor"' EXIT

command -v tcpdump >/dev/null || { echo "filter_bench: tcpdump not found: nothing to compare with"; exit 0; }
[ -x "$B" ] || { echo "filter_bench: no bpfx at $B"; exit 2; }
mkdir -p "$dir" || exit 2

# --- the capture -----------------------------------------------------------
if [ ! -s "$big" ]; then
	[ -x "$SYNTH" ] || { echo "filter_bench: no bpfx-synth at $SYNTH (make tests/synth/bpfx-synth)"; exit 2; }
	echo "filter_bench: making $big (once)"
	# the examples' records, without their file headers, repeated to 128 MB
	for f in "$top"/examples/*.pcap; do tail -c +25 "$f"; done >"$dir/ex.body"
	n=$(( (128 << 20) / $(stat -c %s "$dir/ex.body") ))
	: >"$dir/ex.part"
	for _ in $(seq "$n"); do cat "$dir/ex.body"; done >"$dir/ex.part"
	head -c 24 "$top/examples/dns.pcap" >"$big.tmp"
	for seed in 1 2 3 4; do
		"$SYNTH" -n 500000 -s "$seed" -t 0 -f 0 -w "$dir/synth.pcap" || exit 2
		tail -c +25 "$dir/synth.pcap" >>"$big.tmp"
		cat "$dir/ex.part" >>"$big.tmp"
	done
	rm -f "$dir/synth.pcap" "$dir/ex.body" "$dir/ex.part"
	mv "$big.tmp" "$big"
fi
cat "$big" >/dev/null

# --- timing (seconds: bench-lib.sh) ------------------------------------------
if [ -n "${CASES:-}" ]; then
	IFS='|' read -r -a cases <<<"$CASES"
else
	cases=("tcp port 80" "tcp[13] & 16 != 0"
	       "tcp port 80 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)"
	       "host 192.168.1.1 and not port 22" "ip6 and udp" "-")
fi

size=$(stat -L -c %s "$big")
echo "filter_bench: $big, $((size >> 20)) MiB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "filter_bench: $runs rounds; times are medians in seconds; ratios are medians of per-round ratios"
echo "filter_bench: wall-clock time, then (cpu) the same ratios in user + system CPU time"
printf '%-8s %7s %7s %6s %9s %8s %9s %8s %6s %10s %6s %6s  %s\n' matches bpfx tcpdump cat bpfx/tcpd bpfx/cat \
	"(cpu)tcpd" "(cpu)cat" floor bpfx/floor "-w" "RSS MB" expression
for e in "${cases[@]}"; do
	args=()
	[ "$e" = "-" ] || args=("$e")
	: >"$dir/t.b"; : >"$dir/t.t"; : >"$dir/t.c"; : >"$dir/r.t"; : >"$dir/r.c"; : >"$dir/u.t"; : >"$dir/u.c"
	: >"$dir/r.a"; : >"$dir/u.a"; : >"$dir/t.f"; : >"$dir/r.f"
	# the size of bpfx's output, for the floor (this run also warms up)
	rm -f "$out-bpfx.pcap"
	"$B" filter -r "$big" -w "$out-bpfx.pcap" "${args[@]}" >/dev/null 2>&1
	wsize=$(stat -c %s "$out-bpfx.pcap")
	n=3
	[ -n "${BASE:-}" ] && n=4
	for r in $(seq "$runs"); do
		for k in $(seq 0 $((n - 1))); do
			case $(( (r + k) % n )) in
			0) rm -f "$out-bpfx.pcap"; read -r tb ub < <(seconds "$B" filter -r "$big" -w "$out-bpfx.pcap" "${args[@]}"); echo "$tb" >>"$dir/t.b" ;;
			1) rm -f "$out-tcpdump.pcap"; read -r tt ut < <(seconds tcpdump -r "$big" -w "$out-tcpdump.pcap" "${args[@]}"); echo "$tt" >>"$dir/t.t" ;;
			2) read -r tc uc < <(seconds cat "$big"); echo "$tc" >>"$dir/t.c"
			   rm -f "$out-floor"
			   read -r td _ < <(seconds dd if=/dev/zero of="$out-floor" bs=1M count="$wsize" iflag=count_bytes)
			   tf=$(echo "$tc + $td" | bc -l); echo "$tf" >>"$dir/t.f" ;;
			3) rm -f "$out-base.pcap"; read -r ta ua < <(seconds "$BASE" filter -r "$big" -w "$out-base.pcap" "${args[@]}") ;;
			esac
		done
		echo "$tb / $tt" | bc -l >>"$dir/r.t"
		echo "$tb / $tc" | bc -l >>"$dir/r.c"
		echo "$tb / $tf" | bc -l >>"$dir/r.f"
		echo "$ub / $ut" | bc -l >>"$dir/u.t" 2>/dev/null
		echo "$ub / $uc" | bc -l >>"$dir/u.c" 2>/dev/null
		if [ -n "${BASE:-}" ]; then
			echo "$tb / $ta" | bc -l >>"$dir/r.a"
			echo "$ub / $ua" | bc -l >>"$dir/u.a" 2>/dev/null
		fi
	done
	same=same
	cmp -s "$out-bpfx.pcap" "$out-tcpdump.pcap" || same=DIFFER
	if [ -n "${BASE:-}" ]; then
		cmp -s "$out-bpfx.pcap" "$out-base.pcap" || same=DIFFER
		echo "filter_bench: bpfx / BASE: wall $(median <"$dir/r.a"), cpu $(median <"$dir/u.a") ($e)"
	fi
	/usr/bin/time -f '%M' -o "$dir/rss" "$B" filter -r "$big" -w /dev/null "${args[@]}" >/dev/null 2>&1
	rss=$(tail -1 "$dir/rss")
	matches=$("$B" filter --count -r "$big" "${args[@]}" 2>/dev/null | cut -d' ' -f1)
	printf '%-8s %7s %7s %6s %9s %8s %9s %8s %6s %10s %6s %6.1f  %s\n' "$matches" "$(median <"$dir/t.b")" \
		"$(median <"$dir/t.t")" "$(median <"$dir/t.c")" "$(median <"$dir/r.t")" \
		"$(median <"$dir/r.c")" "$(median <"$dir/u.t")" "$(median <"$dir/u.c")" \
		"$(median <"$dir/t.f")" "$(median <"$dir/r.f")" "$same" \
		"$(echo "$rss / 1024" | bc -l)" "$e"
done
rm -f "$out-bpfx.pcap" "$out-tcpdump.pcap" "$out-base.pcap" "$out-floor" "$dir"/t.? "$dir"/r.? "$dir"/u.? "$dir/rss" "$dir/cpu"
