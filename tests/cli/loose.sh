#!/bin/sh
# loose.sh: `--loose`, libpcap's kind of optimization.  On whole packets it
# gives the exact program's verdicts; on packets cut short of a header the
# filter reads it gives libpcap's optimized program's (tcpdump's) verdicts,
# which the exact default does not.  Programs are compared with tcpdump -d
# (SKIP without tcpdump).
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready

$MK -n 40 "$T/whole.pcap" && $MK -n 40 -s 28 "$T/cut.pcap" || exit 99
for e in 'net 0.0.0.0/0' 'host 10.0.0.1 or 10.0.0.2' 'tcp port 80 or 443' 'net ::/0' \
	'src net 2001:db8::/32' 'udp port 53 or icmp'; do
	# whole packets: all three optimizations agree with libpcap's
	for O in '' -O --loose; do
		run 0 $B check $O -r "$T/whole.pcap" "$e"
	done
	# cut packets: --loose agrees with libpcap's optimizer
	run 0 $B check --loose -r "$T/cut.pcap" "$e" || sed 's/^/  /' "$T/out" | head -3
	# and prints what libpcap's program selects
	run 0 $B filter -nn --loose -r "$T/cut.pcap" "$e"
	mv "$T/out" "$T/ours"
	run 0 $B filter -nn --engine libpcap -r "$T/cut.pcap" "$e"
	cmp -s "$T/ours" "$T/out" && pass || fail "filter --loose '$e' on cut packets differs from libpcap's"
done
# The exact default keeps the loads libpcap drops: on the cut packets its
# verdicts differ from libpcap's optimized program (an IPv4 frame cut at
# 28 bytes has no room for the source address).
run 1 $B check -r "$T/cut.pcap" 'net 0.0.0.0/0'
grep -Eq '^checked 40 packets: [1-9][0-9]* disagreements \(bpfx 9 insns, libpcap 6 insns\)$' "$T/out" && pass ||
	fail "exact on cut packets: $(tail -n 1 "$T/out")"
err_has "are cut short (caplen < len)"; err_has "--loose optimizes as libpcap does"
run 0 $B check --loose -r "$T/cut.pcap" 'net 0.0.0.0/0'
grep -Eq '^checked 40 packets: 0 disagreements \(bpfx 6 insns, libpcap 6 insns\)$' "$T/out" && pass ||
	fail "--loose on cut packets: $(tail -n 1 "$T/out")"
# The same listing as tcpdump -d, where tcpdump is here.
if have_tcpdump; then
	for e in 'net 0.0.0.0/0' 'host 10.0.0.1 or 192.168.1.1' 'host 10.0.0.1 or 192.168.1.1 or 127.0.0.1' \
		'tcp port 80 or 443' 'net 2001:db8::/32' 'src net fe80::/10'; do
		run 0 $B compile --loose -d "$e"
		tcpdump -d "$e" 2>/dev/null >"$T/want"
		cmp -s "$T/out" "$T/want" && pass || fail "compile --loose -d '$e' differs from tcpdump -d"
	done
else
	skipped "tcpdump not found: compile --loose -d not compared with tcpdump -d"
fi
run 0 $B explain --loose 'net 0.0.0.0/0'
run 0 $B compile --help; grep -q -- '--loose' "$T/out" && pass || fail "compile --help lacks --loose"
finish
