#!/bin/sh
# trace.sh: `bpfx trace` on the command line: the steps, --json, and the
# verdict it ends with equals `bpfx filter`'s on every packet of a
# synthesized capture of each link type.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
SYNTH=./tests/synth/bpfx-synth
EX="$srcdir/examples/handshake-2013.pcap"

has() {
	if grep -qF -- "$1" "$T/out"; then pass; else fail "stdout lacks '$1'"; fi
}

run 0 $B trace --help; has "usage: bpfx trace"
run 2 $B trace tcp; err_has "-r FILE"
run 2 $B trace -r "$EX" tcp; err_has "--packet"
run 2 $B trace -r "$EX" --packet 0 tcp
run 2 $B trace -r "$EX" --packet 1
run 2 $B trace -r "$EX" --packet 99 tcp; err_has "no packet 99"
run 2 $B trace -r "$T/missing.pcap" --packet 1 tcp; err_has "missing.pcap"
run 2 $B trace -r "$EX" --packet 1 'tcp and'; err_has "link type EN10MB"

# packet 1 is a SYN: no ACK
run 0 $B trace -r "$EX" --packet 1 'tcp[13] & 16 != 0'
has "packet 1 of $EX: 74 bytes captured, 74 on the wire, link type EN10MB"
has "read [12:2] = 0x0800"
has "0x800 == 0x800: true, jt -> 002"
has "read [14] = 0x45, x = 4*(0x45&0xf) = 20"
has "read [47] = 0x02"
has "verdict: reject: ret at"
# packet 2 is the SYN-ACK
run 0 $B trace -r "$EX" --packet 2 'tcp[13] & 16 != 0'; has "verdict: accept"
run 0 $B trace -r "$EX" --packet 2 -O 'ip[2:2] - ((ip[0]&0xf)<<2) > 10'; has "M[0] <- 0x3c"
run 0 $B trace -r "$EX" --packet 2 --json 'tcp'
has '"end":"ret","verdict":262144,"accept":true'
has '"read":{"offset":12,"size":2,"in_bounds":true,"value":2048}'

# a program by hand, and one the validator rejects
printf 'ldh [12]\njeq #0x800, v4, drop\nv4: ret #100\ndrop: ret #0\n' >"$T/ip.bpf"
run 0 $B trace -r "$EX" --packet 1 --program "$T/ip.bpf"; has "verdict: accept: ret at (002) returns 100"
printf 'ldx M[2]\nret #1\n' >"$T/bad.bpf"
run 2 $B trace -r "$EX" --packet 1 --program "$T/bad.bpf"; err_has "instruction 0"

# the verdict trace ends with is filter's, packet by packet
for lt in EN10MB RAW IPV4 IPV6 NULL LOOP LINUX_SLL LINUX_SLL2; do
	$SYNTH -y $lt -n 25 -s 7 -w "$T/$lt.pcap" || { fail "bpfx-synth -y $lt"; continue; }
	for e in 'tcp' 'udp port 53' 'ip[2:2] > 100' 'tcp[13] & 2 != 0' 'ip6 or arp'; do
		want=$($B filter -tt -r "$T/$lt.pcap" "$e" 2>/dev/null | grep -Ec '^[0-9]+\.[0-9]{6} ')
		got=0
		n=1
		while [ $n -le 25 ]; do
			if $B trace -r "$T/$lt.pcap" --packet $n "$e" 2>/dev/null | grep -q '^verdict: accept'; then
				got=$((got + 1))
			fi
			n=$((n + 1))
		done
		if [ "$got" = "$want" ]; then pass; else fail "$lt '$e': trace accepts $got, filter $want"; fi
	done
done
finish
