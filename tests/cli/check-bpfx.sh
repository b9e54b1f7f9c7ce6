#!/bin/sh
# check-bpfx.sh: `bpfx check` over captures made here; needs bpfx's
# compiler, validator and VM, so a `bpfx compile tcp` that fails fails it.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready

$MK -n 40 "$T/a.pcap" && $MK -g -n 40 "$T/a.pcapng" || exit 99
summary='^checked [0-9]+ packets: [0-9]+ disagreements \(bpfx [0-9]+ insns, libpcap [0-9]+ insns\)$'

for e in tcp udp 'udp port 53' arp ip6 'icmp or arp' 'tcp[13] & 2 != 0' 'ip[8] = 64' \
	'net 10.0.1.0/24' 'src host 10.0.0.3' 'len > 60' 'ether src 36:dc:85:1e:b3:40' 'not ip'; do
	for O in '' -O; do
		run 0 $B check $O -r "$T/a.pcap" "$e" || sed 's/^/  /' "$T/out" | head -5
		tail -n 1 "$T/out" | grep -Eq "$summary" && pass || fail "summary: $(tail -n 1 "$T/out")"
	done
done
run 0 $B check -r "$T/a.pcap" -r "$T/a.pcapng" tcp
grep -Eq '^checked 80 packets: 0 disagreements' "$T/out" && pass || fail "two files: $(tail -n 1 "$T/out")"
run 0 $B check -s 96 -r "$T/a.pcap" udp

# A damaged file: packets before the fault are checked, then exit 2.
head -c $((24 + 3 * (16 + 60) + 20)) "$T/a.pcap" >"$T/cut.pcap"
run 2 $B check -r "$T/cut.pcap" tcp; err_has "$T/cut.pcap: packet 4: "
grep -Eq '^checked 3 packets: 0 disagreements' "$T/out" && pass || fail "cut file: $(tail -n 1 "$T/out")"
finish
