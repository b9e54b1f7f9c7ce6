#!/bin/sh
# dissect.sh: `bpfx dissect` from the command line: usage errors, packet
# selection, damaged files and link types it does not read (exit 2, file
# and packet named), every supported link type over synthesized packets
# (cut and mutated: exit 0, one table per packet), and the decoded values
# against tcpdump -nn -vvv's, kept next to the example captures, and
# tcpdump -S's live (SKIP without tcpdump or Debian's python3).
. "${srcdir:-.}/tests/cli/filter-lib.sh"
E="$srcdir/examples"
SYN=./tests/synth/bpfx-synth
[ -x "$SYN" ] || exit 99

# --- usage: exit 2 and a message; --help exit 0 ---
run 2 $B dissect; err_has "no capture file"
run 2 $B dissect -r
run 2 $B dissect -Z -r "$E/mixed.pcap"; err_has "unknown option"
run 2 $B dissect -c 0 -r "$E/mixed.pcap"
run 2 $B dissect -c x -r "$E/mixed.pcap"
run 2 $B dissect --packet 0 -r "$E/mixed.pcap"
run 2 $B dissect --packet -r "$E/mixed.pcap"
run 2 $B dissect -r "$E/mixed.pcap" extra
run 2 $B dissect -r "$E/mixed.pcap" -r "$E/mixed.pcap"
run 2 $B dissect -r "$T/missing.pcap"; err_has "$T/missing.pcap"
run 0 $B dissect --help; grep -q '^usage: bpfx dissect' "$T/out" && pass || fail "--help prints no usage"

# --- selection ---
heads() { grep -c '^packet [0-9]* of ' "$T/out"; }
run 0 $B dissect -r "$E/handshake-2013.pcap"; [ "$(heads)" = 9 ] && pass || fail "all: $(heads) packets"
run 0 $B dissect -r "$E/handshake-2013.pcap" -c 3; [ "$(heads)" = 3 ] && pass || fail "-c 3: $(heads)"
run 0 $B dissect -r "$E/handshake-2013.pcap" --packet 4
[ "$(heads)" = 1 ] && grep -q '^packet 4 of ' "$T/out" && pass || fail "--packet 4"
run 0 $B dissect -r "$E/handshake-2013.pcap" --packet 8 -c 5
[ "$(grep '^packet' "$T/out" | cut -d' ' -f2 | tr '\n' ' ')" = "8 9 " ] && pass || fail "--packet 8 -c 5"
run 0 $B dissect -r - --packet=2 <"$E/mixed.pcap"; grep -q '^packet 2 of stdin' "$T/out" && pass || fail "stdin"
run 2 $B dissect -r "$E/handshake-2013.pcap" --packet 10; err_has "handshake-2013.pcap: no packet 10: the file holds 9 packets"

# --- link types it does not read; damaged files ---
$MK -n 3 -y 3 "$T/ax25.pcap" || exit 99
run 2 $B dissect -r "$T/ax25.pcap"; err_has "$T/ax25.pcap: link type"
$MK -n 20 "$T/a.pcap" || exit 99
head -c $((24 + 3 * (16 + 60) + 20)) "$T/a.pcap" >"$T/cut.pcap"
run 2 $B dissect -r "$T/cut.pcap"; err_has "$T/cut.pcap: packet 4"
[ "$(heads)" = 3 ] && pass || fail "packets before the damage: $(heads)"

# --- every link type, cut and mutated packets: a table each, exit 0 ---
for y in EN10MB RAW IPV4 IPV6 NULL LOOP LINUX_SLL LINUX_SLL2; do
	for m in "" -m; do
		$SYN -y $y -n 400 -s 11 -t 25 -f 10 $m -w "$T/s.pcap" || exit 99
		run 0 $B dissect -r "$T/s.pcap"
		[ "$(heads)" = 400 ] && pass || fail "$y $m: $(heads) tables for 400 packets"
		grep -q 'the capture stops here' "$T/out" && pass || fail "$y $m: no truncated packet shown"
	done
done

# --- the seed's packet 4 of the redis capture, a few fixed lines ---
# (written by bpfx; what they state is re-derived from the bytes by
# facts.py just below, and compared with tcpdump's values further down)
run 0 $B dissect -r "$E/redis-ping-10000.pcap" --packet 4
if have_python; then
	cp "$T/out" "$T/r4.txt"
	run 0 "$PY" "$srcdir/tests/cli/facts.py" dissect "$E/redis-ping-10000.pcap" "$T/r4.txt" ||
		sed 's/^/  /' "$T/out" | head -10
	cp "$T/r4.txt" "$T/out"
fi
for want in '    16    16  00 42                    ip[2:2]                 total length      66 bytes: 20 of header + 46 of data' \
	'    47     1  ...1 ....                tcp[13] & 16            ACK               1 (tcp-ack = 16): the acknowledgment number is valid' \
	'    the field holds 0xfe36: incorrect, it should be 0xc7e1' \
	'      ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2)' \
	'    = 66 - 20 - 32' \
	'  0x0040: 6a 9e|2a 31 0d 0a 24 34 0d 0a 70 69 6e 67 0d 0a  j.*1..$4..ping..  payload 66'; do
	grep -qxF -- "$want" "$T/out" && pass || fail "redis packet 4 lacks: $want"
done

# --- against tcpdump -nn -vvv (the reference text next to each capture) ---
if have_python; then
	for f in handshake-2013 redis-ping-10000 mixed; do
		run 0 $B dissect -r "$E/$f.pcap"
		cp "$T/out" "$T/d.txt"
		run 0 "$PY" "$srcdir/tests/cli/dissect-tcpdump.py" "$T/d.txt" "$E/$f.pcap.tcpdump-nn-vvv.txt" ||
			sed 's/^/  /' "$T/out" | head -10
		# TCP sequence and acknowledgment numbers: tcpdump -S prints them
		# as the fields hold them (the stored text is relative)
		if have_tcpdump; then
			tcpdump -S -nn -vvv -r "$E/$f.pcap" >"$T/S.txt" 2>/dev/null
			run 0 "$PY" "$srcdir/tests/cli/dissect-tcpdump.py" --absolute "$T/d.txt" "$T/S.txt" ||
				sed 's/^/  /' "$T/out" | head -10
			grep -q ' seq [1-9]' "$T/out" && pass || fail "$f: no sequence number compared: $(cat "$T/out")"
		fi
	done
	have_tcpdump || skipped "tcpdump not found: TCP sequence and acknowledgment numbers not compared"
else
	skipped "$PY not found: no comparison with tcpdump's values"
fi
finish
