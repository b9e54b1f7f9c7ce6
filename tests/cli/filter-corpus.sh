#!/bin/sh
# filter-corpus.sh: every capture in ../shared/corpus (real ones, many
# deliberately malformed) through `bpfx filter`: exit 0 or 2, never a
# crash; with tcpdump installed, -w must equal tcpdump -w byte for byte.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
corpus="$srcdir/../shared/corpus"
[ -d "$corpus" ] || { echo "SKIP: no capture corpus at $corpus"; exit 77; }
have_tcpdump=0
command -v tcpdump >/dev/null 2>&1 && have_tcpdump=1
engines=libpcap
compiler_ready && engines="libpcap bpfx" &&
	loose_exprs="ip|tcp port 80 or 443|net 0.0.0.0/0|host 10.0.0.1 or 192.168.1.1|udp or icmp6"
nloose=0

n=0
for f in "$corpus"/*/*.pcap "$corpus"/*/*.pcapng; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	for eng in $engines; do
		for e in '' ip; do
			$B filter --engine $eng -r "$f" -nn $e >/dev/null 2>"$T/err"
			rc=$?
			[ $rc = 0 ] || [ $rc = 2 ] && pass || fail "$f --engine $eng '$e': exit $rc"
		done
	done
	if [ $have_tcpdump = 1 ]; then
		rm -f "$T/t.pcap" "$T/b.pcap"
		tcpdump -r "$f" -w "$T/t.pcap" 2>/dev/null
		$B filter --engine libpcap -r "$f" -w "$T/b.pcap" 2>/dev/null
		if [ -f "$T/t.pcap" ] || [ -f "$T/b.pcap" ]; then
			cmp -s "$T/t.pcap" "$T/b.pcap" && pass || fail "-w differs from tcpdump -w: $f"
		fi
		# bpfx's own compiler with --loose writes what tcpdump writes,
		# packets cut short included (where bpfx compiles the link type)
		_ifs=$IFS; IFS='|'; set -- ${loose_exprs:-}; IFS=$_ifs
		for e in "$@"; do
			rm -f "$T/t.pcap" "$T/b.pcap"
			$B filter --loose -r "$f" -w "$T/b.pcap" "$e" 2>/dev/null || continue
			tcpdump -r "$f" -w "$T/t.pcap" "$e" 2>/dev/null
			cmp -s "$T/t.pcap" "$T/b.pcap" && { pass; nloose=$((nloose + 1)); } ||
				fail "--loose -w '$e' differs from tcpdump -w: $f"
		done
	fi
done
# Two link types in one run: each file compiled for its own; -w refuses
# to mix them in one pcap file.
eth="$corpus/libpcap/vxlan.pcap" hdlc="$corpus/libpcap/ISIS_p2p_adjacency.pcap"
if [ -f "$eth" ] && [ -f "$hdlc" ]; then
	count() { $B filter --engine libpcap -tt -r "$1" 2>/dev/null | grep -Ec '^[0-9]+\.[0-9]{6} '; }
	want=$(($(count "$eth") + $(count "$hdlc")))
	run 0 $B filter --engine libpcap -tt -r "$eth" -r "$hdlc"; packets $want
	run 2 $B filter --engine libpcap -r "$eth" -r "$hdlc" -w "$T/mixed.pcap"; err_has "link type"
fi
echo "$n corpus captures, engines: $engines; $nloose --loose -w outputs equal to tcpdump -w"
finish
