#!/bin/sh
# filter-bpfx.sh: `bpfx filter` with bpfx's own compiler and VM must select
# the packets libpcap selects, and -w must write what tcpdump -w writes
# (SKIP without tcpdump).
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready

$MK -n 40 "$T/a.pcap" && $MK -g -n 40 "$T/a.pcapng" || exit 99
tcpdump_ok=0
have_tcpdump && tcpdump_ok=1 || skipped "tcpdump not found: -w not compared with tcpdump -w"

for e in '' tcp udp 'udp port 53' arp 'ip6 and udp' 'icmp[0] = 8' 'tcp[13] & 2 != 0' \
	'not ip' 'host 10.0.0.3 or arp' 'len >= 70'; do
	for O in '' -O; do
		run 0 $B filter $O --engine libpcap -n -tt -r "$T/a.pcap" -r "$T/a.pcapng" $e
		mv "$T/out" "$T/want"
		run 0 $B filter $O -n -tt -r "$T/a.pcap" -r "$T/a.pcapng" $e
		cmp -s "$T/want" "$T/out" && pass || fail "bpfx and libpcap engines differ on '$e' $O"
	done
	if [ $tcpdump_ok = 1 ]; then
		rm -f "$T/t.pcap" "$T/b.pcap"
		tcpdump -r "$T/a.pcap" -w "$T/t.pcap" $e 2>/dev/null
		$B filter -r "$T/a.pcap" -w "$T/b.pcap" $e
		cmp -s "$T/t.pcap" "$T/b.pcap" && pass || fail "-w differs from tcpdump -w on '$e'"
	fi
done
run 2 $B filter -r "$T/a.pcap" 'tcp and'
grep -q '\^' "$T/err" && pass || fail "no caret under the compile error"
head -c $((24 + 3 * (16 + 60) + 20)) "$T/a.pcap" >"$T/cut.pcap"
run 2 $B filter -n -tt -r "$T/cut.pcap"; packets 3; err_has "$T/cut.pcap: packet 4: "
finish
