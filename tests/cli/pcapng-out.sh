#!/bin/sh
# pcapng-out.sh: `filter -w OUT --pcapng` writes pcapng that libpcap reads
# back to the very packets `-w OUT` writes as pcap: tcpdump prints both the
# same (-tt -x, and nanosecond stamps at --nano), through a file and a
# pipe, and bpfx reads its own output back.  Over examples/, generated
# captures (one with nanosecond stamps) and ../shared/corpus when present.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
have_tcpdump || { echo "SKIP: tcpdump not installed"; exit 77; }
have_python || { echo "SKIP: $PY not installed"; exit 77; }
compiler_ready || exit 1

$MK -n 200 "$T/gen.pcap" || exit 99
$MK -n 40 -s 30 "$T/short.pcap" || exit 99
# the same packets with nanosecond stamps (magic a1b23c4d, 9 digits)
$PY - "$T/gen.pcap" "$T/nano.pcap" <<'PYEOF' || exit 99
import struct, sys
d = open(sys.argv[1], 'rb').read()
out = bytearray(struct.pack('<IHHiIII', 0xa1b23c4d, *struct.unpack('<HHiIII', d[4:24])))
o, i = 24, 0
while o < len(d):
    sec, usec, cap, ln = struct.unpack('<IIII', d[o:o + 16])
    out += struct.pack('<IIII', sec, usec * 1000 + (i * 7919) % 1000, cap, ln) + d[o + 16:o + 16 + cap]
    o += 16 + cap
    i += 1
open(sys.argv[2], 'wb').write(out)
PYEOF

# same IN EXPR [TCPDUMP-OPTS]: tcpdump prints the pcap and pcapng outputs alike
same() {
	_in=$1 _e=$2
	shift 2
	$B filter -r "$_in" -w "$T/o.pcap" "$_e" 2>/dev/null || { fail "$_in '$_e': -w failed"; return; }
	$B filter -r "$_in" -w "$T/o.pcapng" --pcapng "$_e" 2>"$T/err" || { fail "$_in '$_e': --pcapng failed: $(cat "$T/err")"; return; }
	head -c 4 "$T/o.pcapng" | od -An -tx1 | grep -q '0a 0d 0d 0a' || { fail "$_in: not a pcapng section header"; return; }
	tcpdump -r "$T/o.pcap" -nn -tt -x "$@" >"$T/a" 2>/dev/null
	tcpdump -r "$T/o.pcapng" -nn -tt -x "$@" >"$T/b" 2>"$T/berr"
	if { [ -s "$T/a" ] || [ -n "${QUICK:-}$_e" ]; } && cmp -s "$T/a" "$T/b"; then
		pass
	else
		fail "$_in '$_e': tcpdump reads the pcapng differently: $(diff "$T/a" "$T/b" | head -3) $(head -2 "$T/berr")"
		return
	fi
	# bpfx reads it back: as many packets
	[ -n "${QUICK:-}" ] && return
	n1=$($B filter -r "$T/o.pcap" --count 2>/dev/null)
	n2=$($B filter -r "$T/o.pcapng" --count 2>/dev/null)
	[ "$n1" = "$n2" ] && pass || fail "$_in: bpfx counts '$n1' in pcap, '$n2' in pcapng"
}

for f in "$srcdir"/examples/*.pcap "$T/gen.pcap" "$T/short.pcap"; do
	same "$f" ''
	same "$f" 'tcp or udp'
done
same "$T/nano.pcap" '' --nano
same "$T/nano.pcap" 'tcp' --nano
# (a nanosecond file is read at microseconds, as tcpdump -r reads it, so
# both outputs hold microseconds: the same stamps)
# through a pipe: -w - --pcapng | tcpdump -r -
$B filter -r "$T/gen.pcap" -w - --pcapng udp 2>/dev/null | tcpdump -r - -nn -tt >"$T/p" 2>/dev/null
$B filter -r "$T/gen.pcap" -w - udp 2>/dev/null | tcpdump -r - -nn -tt >"$T/q" 2>/dev/null
[ -s "$T/q" ] && cmp -s "$T/p" "$T/q" && pass || fail "pcapng through a pipe differs"
# the corpus (valid stamps only: pcapng carries one 64-bit count, so a
# fraction out of range in a pcap record is carried into the seconds)
C="$srcdir/../shared/corpus"
if [ -d "$C" ]; then
	k=0
	for f in "$C"/*/*; do
		case $f in *timestamp_invalid* | *overrun*) continue ;; esac
		$B filter -r "$f" -w "$T/o.pcap" >/dev/null 2>&1 || continue
		QUICK=1 same "$f" ''
		k=$((k + 1))
	done
	echo "pcapng-out: $k corpus captures written as pcapng and read back alike"
	[ "$k" -ge 400 ] && pass || fail "only $k corpus captures compared"
else
	skipped "../shared/corpus not present"
fi
finish
