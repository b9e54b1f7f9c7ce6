#!/bin/sh
# examples.sh: the walkthrough captures in examples/ print through the real
# CLI (bpfx filter -r F -nn -vvv, TZ=UTC) exactly as tcpdump 4.99 printed
# them (examples/F.tcpdump-nn-vvv.txt), and the Redis PING on port 10000
# decodes as RESP with --decode-as 10000=resp exactly as tcpdump -T resp
# does (compared live when tcpdump is installed).
#
# mixed.pcap also carries HTTP and DNS, which tcpdump decodes and bpfx
# does not: it is compared, and its differences reported, but it fails the
# test only with EXAMPLES_STRICT=1.
srcdir=${srcdir:-$(dirname "$0")/../..}
bpfx=${BPFX:-./bpfx}
ex=$srcdir/examples
TZ=UTC
export TZ
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

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

for f in handshake-2013 redis-ping-10000; do
	check "$f -nn -vvv" "$ex/$f.pcap.tcpdump-nn-vvv.txt" -r "$ex/$f.pcap" -nn -vvv || fail=1
done

if command -v tcpdump >/dev/null 2>&1; then
	tcpdump -r "$ex/redis-ping-10000.pcap" -nn -vvv -T resp >"$tmp/resp.txt" 2>/dev/null
	grep -q 'RESP "ping"' "$tmp/resp.txt" || { echo "FAIL tcpdump -T resp shows no RESP"; fail=1; }
	check "redis-ping-10000 --decode-as 10000=resp" "$tmp/resp.txt" \
		-r "$ex/redis-ping-10000.pcap" -nn -vvv --decode-as 10000=resp || fail=1
else
	echo "SKIP --decode-as 10000=resp: tcpdump not found"
fi

if ! check "mixed -nn -vvv" "$ex/mixed.pcap.tcpdump-nn-vvv.txt" -r "$ex/mixed.pcap" -nn -vvv; then
	echo "  (known gap: HTTP and DNS payloads are not decoded)"
	[ "${EXAMPLES_STRICT:-0}" = 1 ] && fail=1
fi
exit $fail
