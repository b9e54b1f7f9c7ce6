#!/bin/sh
# count.sh: examples/count.c (the libbpfx example) against tcpdump: for
# each capture and expression, as many matches as tcpdump prints packets.
# make check runs it on the example built with the uninstalled library;
# make installcheck on the one built against the installed libbpfx through
# pkg-config (COUNT names the program).
: "${srcdir:=.}"
: "${COUNT:=./examples/count}"
command -v tcpdump >/dev/null || { echo "tcpdump not found: skipped"; exit 77; }
fail=0
check() { # FILE EXPRESSION
	want=$(tcpdump -nn -q -r "$srcdir/examples/$1" "$2" 2>/dev/null | wc -l)
	got=$("$COUNT" "$srcdir/examples/$1" "$2" | tail -1)
	if [ "$got" = "$want of $total packets match" ]; then
		echo "ok: $1 '$2': $got"
	else
		echo "FAIL: $1 '$2': count says '$got', tcpdump printed $want of $total"
		fail=1
	fi
}
for f in handshake-2013.pcap mixed.pcap redis-ping-10000.pcap app.pcap; do # app.pcap: HTTP on port 80
	total=$(tcpdump -nn -q -r "$srcdir/examples/$f" 2>/dev/null | wc -l)
	for e in 'tcp port 80' 'tcp port 8080' 'tcp[13] & 16 != 0' 'ip6' 'udp port 53' 'icmp or icmp6' 'not tcp'; do
		check "$f" "$e"
	done
done
# a bad expression is an error with the span, exit 2, no crash
"$COUNT" "$srcdir/examples/mixed.pcap" 'tcp port' >/dev/null 2>count.err
rc=$?
if [ $rc -ne 2 ] || ! grep -q 'unexpected end of expression' count.err; then
	echo "FAIL: 'tcp port': exit $rc, stderr:"; cat count.err; fail=1
fi
rm -f count.err
exit $fail
