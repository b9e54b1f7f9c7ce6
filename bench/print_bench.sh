#!/bin/bash
# print_bench.sh: printing time per protocol (issue 15): `bpfx filter -r F
# -nn` and `-nn -v` against tcpdump with the same options, on captures of
# one protocol each, in the same run.  No timing is asserted.
#
#   bench/print_bench.sh [BPFX [SYNTH]]
#   env: BENCH_DIR (default /tmp/bpfx-bench: filter_bench.sh's 1 GiB
#        capture, made there if missing), PACKETS (per protocol, default
#        200000), RUNS (default 5), PROTOS (|-separated expressions)
#
# The captures: the first PACKETS packets of the 1 GiB capture that each
# expression accepts (written once by bpfx filter -c -w).  For each
# protocol and option set, each round runs bpfx, tcpdump and `bpfx filter
# --count` (the read and the filter alone, nothing printed), in rotating
# order; the columns are medians, the ratio the median of per-round
# bpfx/tcpdump ratios ("(cpu)": the same in user + system CPU time, which
# the load of a shared machine disturbs less), and "decoder" the share of
# bpfx's time spent beyond --count (printing: decode and format).  "text" says whether bpfx
# printed exactly tcpdump's text (cmp): a ratio means most where it does.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/bench-lib.sh"
npk=${PACKETS:-200000}
command -v tcpdump >/dev/null || { echo "print_bench: tcpdump not found: nothing to compare with"; exit 0; }
[ -x "$B" ] || { echo "print_bench: no bpfx at $B"; exit 2; }
if [ ! -s "$dir/big.pcap" ]; then
	RUNS=1 CASES=- BENCH_DIR=$dir bash "$here/filter_bench.sh" "$B" "$SYNTH" >/dev/null || exit 2
fi
if [ -n "${PROTOS:-}" ]; then
	IFS='|' read -r -a protos <<<"$PROTOS"
else
	protos=("tcp" "udp port 53" "udp and not port 53" "icmp" "ip6" "arp" "vlan" "pppoes" "mpls")
fi
export TZ=UTC LC_ALL=C


echo "print_bench: up to $npk packets per protocol from $dir/big.pcap, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "print_bench: $runs rounds; times are medians in seconds; ratio and decoder share are medians per round"
printf '%-8s %-7s %7s %7s %7s %9s %9s %8s %6s  %s\n' packets options bpfx tcpdump count bpfx/tcpd "(cpu)tcpd" decoder \
	text protocol
for e in "${protos[@]}"; do
	cap=$dir/proto-$npk-$(echo "$e" | tr -c 'a-z0-9\n' '_').pcap
	[ -s "$cap" ] || "$B" filter -r "$dir/big.pcap" -c "$npk" -w "$cap" "$e" 2>/dev/null
	n=$("$B" filter -r "$cap" --count 2>/dev/null | cut -d' ' -f1)
	[ "${n:-0}" -gt 0 ] || { echo "print_bench: no '$e' packets"; continue; }
	cat "$cap" >/dev/null
	for opts in "-nn" "-nn -v"; do
		: >"$dir/p.b"; : >"$dir/p.t"; : >"$dir/p.c"; : >"$dir/p.r"; : >"$dir/p.d"; : >"$dir/p.u"
		for r in $(seq "$runs"); do
			for k in 0 1 2; do
				case $(( (r + k) % 3 )) in
				# shellcheck disable=SC2086
				0) read -r tb ub < <(seconds "$B" filter -r "$cap" $opts) ;;
				# shellcheck disable=SC2086
				1) read -r tt ut < <(seconds tcpdump -r "$cap" $opts) ;;
				2) tc=$(wall_seconds "$B" filter -r "$cap" --count) ;;
				esac
			done
			echo "$tb" >>"$dir/p.b"; echo "$tt" >>"$dir/p.t"; echo "$tc" >>"$dir/p.c"
			echo "$tb / $tt" | bc -l >>"$dir/p.r"
			echo "$ub / $ut" | bc -l >>"$dir/p.u" 2>/dev/null
			echo "($tb - $tc) / $tb" | bc -l >>"$dir/p.d"
		done
		# shellcheck disable=SC2086
		"$B" filter -r "$cap" $opts >"$dir/p.bo" 2>/dev/null
		# shellcheck disable=SC2086
		tcpdump -r "$cap" $opts >"$dir/p.to" 2>/dev/null
		same=same
		cmp -s "$dir/p.bo" "$dir/p.to" || same=$(diff "$dir/p.bo" "$dir/p.to" | grep -c '^<')
		printf '%-8s %-7s %7s %7s %7s %9s %9s %8s %6s  %s\n' "$n" "$opts" "$(median <"$dir/p.b")" \
			"$(median <"$dir/p.t")" "$(median <"$dir/p.c")" "$(median <"$dir/p.r")" \
			"$(median <"$dir/p.u")" "$(median <"$dir/p.d")" "$same" "$e"
	done
done
rm -f "$dir"/p.?  "$dir"/p.bo "$dir"/p.to "$dir/cpu"
echo "print_bench: \"text\" is same, or how many of bpfx's lines differ from tcpdump's; load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
