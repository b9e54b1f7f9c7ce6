#!/bin/sh
# filter.sh: `bpfx filter` with --engine libpcap, so it runs before bpfx's
# own compiler does: usage errors, -c, several -r, stdin, no expression,
# damaged captures (cut and corrupted here, from captures made here) and
# -w compared byte for byte with `tcpdump -w` (SKIP without tcpdump).
. "${srcdir:-.}/tests/cli/filter-lib.sh"
L="--engine libpcap -tt"

$MK -n 20 "$T/a.pcap" && $MK -g -n 20 "$T/a.pcapng" || exit 99

# --- usage: exit 2 and a message; --help exit 0 ---
run 2 $B filter
run 2 $B filter -r
run 2 $B filter -Z -r "$T/a.pcap"
run 2 $B filter -c x -r "$T/a.pcap"
run 2 $B filter -c 0 -r "$T/a.pcap"
run 2 $B filter --engine foo -r "$T/a.pcap"
run 2 $B filter --decode-as 6379=http -r "$T/a.pcap"
run 2 $B filter -r "$T/missing.pcap"; err_has "$T/missing.pcap"
run 0 $B filter --help; grep -q '^usage: bpfx filter' "$T/out" && pass || fail "--help prints no usage"
run 2 $B filter $L -r "$T/a.pcap" 'tcp and'; err_has "syntax error"

# --- selection: no expression, an expression, -c, several -r, stdin ---
run 0 $B filter $L -r "$T/a.pcap"; packets 20
run 0 $B filter $L -r "$T/a.pcapng"; packets 20
run 0 $B filter $L -r "$T/a.pcap" tcp; packets 4
run 0 $B filter $L -r "$T/a.pcap" udp port 53; packets 4
run 0 $B filter $L -r "$T/a.pcap" -c 3; packets 3
run 0 $B filter $L -r "$T/a.pcap" -c 3 tcp; packets 3
run 0 $B filter $L -r "$T/a.pcap" -r "$T/a.pcapng"; packets 40
run 0 $B filter $L -r "$T/a.pcap" -r "$T/a.pcapng" -c 25; packets 25
run 0 $B filter $L -r "$T/a.pcap" -r "$T/a.pcapng" arp; packets 8
run 0 $B filter $L -r - <"$T/a.pcap"; packets 20
run 0 $B filter --engine libpcap -t -r "$T/a.pcap" -c 1
grep -Eq '^([0-9]+:|[0-9]+\.[0-9]{6} )' "$T/out" && fail "-t prints a timestamp" || pass
run 0 $B filter $L -x -r "$T/a.pcap" -c 1; packets 1
grep -q '^1700000000\.000000 ' "$T/out" && pass || fail "-tt: $(head -1 "$T/out")"
grep -q '0x0000:  ' "$T/out" && pass || fail "-x prints no hex"

# A link type no decoder knows: tcpdump's "UNSUPPORTED" and the packet in
# hex and ASCII (what tcpdump 4.99 prints for it), then -x's own dump.
$MK -n 3 -y 147 "$T/user0.pcap" || exit 99
run 0 $B filter --engine libpcap -t -r "$T/user0.pcap"
[ "$(grep -c '^UNSUPPORTED$' "$T/out")" = 3 ] && pass || fail "summary lines: $(head -1 "$T/out")"
run 0 $B filter --engine libpcap -tt -x -r "$T/user0.pcap" -c 1
printf '%s\n' '1700000000.000000 UNSUPPORTED' \
	'	0x0000:  0016 3e08 71cf 36dc 851e b340 0800 4500  ..>.q.6....@..E.' \
	'	0x0010:  0028 0000 0000 4006 0000 0a00 0001 0a00  .(....@.........' \
	'	0x0020:  0101 7530 0050 0000 0000 0000 0000 5002  ..u0.P........P.' \
	'	0x0030:  ffff 0000 0000 0000 0000 0000            ............' \
	'	0x0000:  0016 3e08 71cf 36dc 851e b340 0800 4500' \
	'	0x0010:  0028 0000 0000 4006 0000 0a00 0001 0a00' \
	'	0x0020:  0101 7530 0050 0000 0000 0000 0000 5002' \
	'	0x0030:  ffff 0000 0000 0000 0000 0000' >"$T/want"
cmp -s "$T/want" "$T/out" && pass || fail "summary with -x: $(cat "$T/out")"

# --- damaged captures: exit 2, file and packet named, earlier packets kept ---
head -c $((24 + 3 * (16 + 60) + 20)) "$T/a.pcap" >"$T/cut.pcap"
run 2 $B filter $L -r "$T/cut.pcap"; packets 3; err_has "$T/cut.pcap: packet 4: "
run 2 $B filter $L -r "$T/a.pcap" -r "$T/cut.pcap"; packets 23; err_has "packet 4"
head -c 10 "$T/a.pcap" >"$T/short.pcap"
run 2 $B filter $L -r "$T/short.pcap"; err_has "$T/short.pcap"
{ printf 'XXXX'; tail -c +5 "$T/a.pcap"; } >"$T/magic.pcap"
run 2 $B filter $L -r "$T/magic.pcap"; err_has "$T/magic.pcap"
# caplen of record 2 = 0x7fffffff (little- or big-endian file)
if [ "$(od -An -tx1 -N1 "$T/a.pcap" | tr -d ' ')" = d4 ]; then big='\377\377\377\177'; else big='\177\377\377\377'; fi
cp "$T/a.pcap" "$T/caplen.pcap"
printf "$big" | dd of="$T/caplen.pcap" bs=1 seek=$((24 + 16 + 60 + 8)) conv=notrunc 2>/dev/null
run 2 $B filter $L -r "$T/caplen.pcap"; packets 1; err_has "$T/caplen.pcap: packet 2: "
size=$(wc -c <"$T/a.pcapng")
head -c $((size - 30)) "$T/a.pcapng" >"$T/cut.pcapng"
run 2 $B filter $L -r "$T/cut.pcapng"; packets 19; err_has "$T/cut.pcapng: packet 20: "
# a pcapng block length far beyond the file, in the first packet block
cp "$T/a.pcapng" "$T/hostile.pcapng"
printf '\360\377\377\177' | dd of="$T/hostile.pcapng" bs=1 seek=$((28 + 20 + 4)) conv=notrunc 2>/dev/null
run 2 $B filter $L -r "$T/hostile.pcapng"; packets 0; err_has "$T/hostile.pcapng: packet 1: "
# any single corrupted byte: exit 0 or 2, never a crash
for off in 0 4 8 16 20 24 28 32 36 40 60 100 116 124 200 300 500 1000; do
	for f in a.pcap a.pcapng; do
		cp "$T/$f" "$T/x"
		printf '\377' | dd of="$T/x" bs=1 seek=$off conv=notrunc 2>/dev/null
		$B filter $L -r "$T/x" >/dev/null 2>&1
		rc=$?
		[ $rc = 0 ] || [ $rc = 2 ] && pass || fail "corrupt $f at $off: exit $rc"
	done
done

# --- -w writes exactly what tcpdump -w writes ---
if have_tcpdump; then
	for f in a.pcap a.pcapng cut.pcap; do
		for e in '' tcp 'udp port 53' 'arp or ip6' 'ip[8] = 64 and not icmp'; do
			rm -f "$T/t.pcap" "$T/b.pcap"
			tcpdump -r "$T/$f" -w "$T/t.pcap" $e 2>/dev/null
			$B filter $L -r "$T/$f" -w "$T/b.pcap" $e 2>/dev/null
			cmp -s "$T/t.pcap" "$T/b.pcap" && pass || fail "-w differs from tcpdump -w: $f '$e'"
		done
	done
	tcpdump -r "$T/a.pcap" -c 3 -w "$T/t.pcap" udp 2>/dev/null
	$B filter $L -r "$T/a.pcap" -c 3 -w "$T/b.pcap" udp
	cmp -s "$T/t.pcap" "$T/b.pcap" && pass || fail "-c 3 -w differs from tcpdump"
	$B filter $L -r "$T/a.pcap" -w - tcp >"$T/b.pcap"
	tcpdump -r "$T/a.pcap" -w "$T/t.pcap" tcp 2>/dev/null
	cmp -s "$T/t.pcap" "$T/b.pcap" && pass || fail "-w - differs from tcpdump"
else
	skipped "tcpdump not found: -w not compared with tcpdump -w"
fi
finish
