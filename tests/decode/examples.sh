#!/bin/sh
# examples.sh: the walkthrough captures in examples/ print through the real
# CLI (bpfx filter -r F -nn -vvv, TZ=UTC) exactly as tcpdump 4.99 printed
# them (examples/F.tcpdump-nn-vvv.txt), and the Redis PING on port 10000
# decodes as RESP with --decode-as 10000=resp exactly as tcpdump -T resp
# does (compared live: SKIP, exit 77, without tcpdump).
#
# A packet of mixed.pcap carrying a protocol that tcpdump decodes and
# bpfx's decoder does not yet is listed in GAPS below, with the text
# tcpdump goes on with: there bpfx must print exactly tcpdump's packet up
# to that text and stop (none since the HTTP printer, txtproto.c).  Every other packet must be identical,
# a listed packet that bpfx now prints in full fails too (remove it from
# the list), and the count of gaps is printed.
srcdir=${srcdir:-$(dirname "$0")/../..}
bpfx=${BPFX:-./bpfx}
ex=$srcdir/examples
TZ=UTC
export TZ
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
skip=0

check() { # name, expected file, bpfx arguments...
	name=$1 want=$2
	shift 2
	"$bpfx" filter "$@" >"$tmp/out" 2>"$tmp/err"
	if cmp -s "$tmp/out" "$want"; then
		echo "PASS $name"
		return 0
	fi
	echo "FAIL $name"
	diff "$want" "$tmp/out" | head -20
	return 1
}

for f in handshake-2013 redis-ping-10000 dns igmp-vrrp app dhcp vxlan; do
	check "$f -nn -vvv" "$ex/$f.pcap.tcpdump-nn-vvv.txt" -r "$ex/$f.pcap" -nn -vvv || fail=1
done

if command -v tcpdump >/dev/null 2>&1; then
	tcpdump -r "$ex/redis-ping-10000.pcap" -nn -vvv -T resp >"$tmp/resp.txt" 2>/dev/null
	grep -q 'RESP "ping"' "$tmp/resp.txt" || { echo "FAIL tcpdump -T resp shows no RESP"; fail=1; }
	check "redis-ping-10000 --decode-as 10000=resp" "$tmp/resp.txt" \
		-r "$ex/redis-ping-10000.pcap" -nn -vvv --decode-as 10000=resp || fail=1
else
	echo "SKIP --decode-as 10000=resp: tcpdump not found"
	skip=1
fi

# mixed.pcap: packet number|what tcpdump prints after bpfx's last byte.
# 9 packets, all HTTP (tcpdump's print-http.c).
GAPS=''
NGAPS=0

# split FILE PREFIX: packet N of FILE (a timestamp line and the lines under it) to PREFIX.N
split() {
	awk -v p="$2" '/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9][0-9][0-9][0-9] / { n++ }
		n { print > (p "." n) } END { print n + 0 > (p ".count") }' "$1"
}
"$bpfx" filter -r "$ex/mixed.pcap" -nn -vvv >"$tmp/mixed" 2>"$tmp/err" || { echo "FAIL mixed: bpfx exits $?"; fail=1; }
split "$ex/mixed.pcap.tcpdump-nn-vvv.txt" "$tmp/t"
split "$tmp/mixed" "$tmp/b"
nt=$(cat "$tmp/t.count") nb=$(cat "$tmp/b.count")
[ "$nt" = 51 ] && [ "$nb" = "$nt" ] || { echo "FAIL mixed: bpfx prints $nb packets, tcpdump $nt (want 51)"; fail=1; }
ngap=0 nsame=0
i=1
while [ "$i" -le "$nt" ]; do
	gap=$(printf '%s\n' "$GAPS" | sed -n "s/^$i|//p")
	if [ -z "$gap" ]; then
		if cmp -s "$tmp/t.$i" "$tmp/b.$i"; then
			nsame=$((nsame + 1))
		else
			echo "FAIL mixed packet $i differs from tcpdump's:"
			diff "$tmp/t.$i" "$tmp/b.$i" | head -10
			fail=1
		fi
	else
		# bpfx's packet, trailing blanks and newline cut, is the start of
		# tcpdump's, and what follows it there starts with the listed text
		printf '%s' "$(sed '$ s/[[:space:]]*$//' "$tmp/b.$i")" >"$tmp/bp"
		size=$(wc -c <"$tmp/bp")
		if cmp -s "$tmp/t.$i" "$tmp/b.$i"; then
			echo "FAIL mixed packet $i is now printed as tcpdump does: remove it from GAPS"
			fail=1
		elif head -c "$size" "$tmp/t.$i" | cmp -s - "$tmp/bp" &&
			tail -c +"$((size + 1))" "$tmp/t.$i" | head -n 1 | grep -qxF -- "$gap"; then
			ngap=$((ngap + 1))
		else
			echo "FAIL mixed packet $i: not tcpdump's up to '$gap':"
			diff "$tmp/t.$i" "$tmp/b.$i" | head -10
			fail=1
		fi
	fi
	i=$((i + 1))
done
[ "$ngap" = "$NGAPS" ] || { echo "FAIL mixed: $ngap listed gaps found, want $NGAPS"; fail=1; }
echo "mixed -nn -vvv: $nsame of $nt packets identical to tcpdump's, $ngap stop where tcpdump goes on (listed)"
[ $fail = 0 ] || exit 1
[ $skip = 0 ] || exit 77
exit 0
