#!/bin/sh
# argv-compare.sh: run two bpfx binaries over the same command lines
# (good, bad, odd options of every command) and diff what they print and
# their exit status; for a change to the option parsing that must keep
# every accepted and refused option as it was:
#   tests/tools/argv-compare.sh OLD-BPFX NEW-BPFX   # silent and 0 if equal
set -u
old=${1:?usage: argv-compare.sh OLD-BPFX NEW-BPFX}
new=${2:?usage: argv-compare.sh OLD-BPFX NEW-BPFX}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
cp "$srcdir/examples/dns.pcap" a.pcap
cp "$srcdir/examples/app.pcap" b.pcap
printf 'tcp # a comment\nor udp\n' > f.txt
printf 'ret #262144\n' > p.bpf
set -- \
 "compile" "compile tcp" "compile -O tcp" "compile --loose tcp" "compile -dd tcp" "compile -ddd tcp" \
 "compile -d -dd -ddd tcp" "compile --asm tcp" "compile --json tcp" "compile -y RAW tcp" "compile -y" \
 "compile -s" "compile -s 0 tcp" "compile -s 100 tcp" "compile -s x tcp" "compile -y NOPE tcp" \
 "compile -y list" "compile -h" "compile --help" "compile -- -O" "compile -x tcp" "compile -dx tcp" \
 "compile -yRAW tcp" "compile --loo tcp" "compile -5" "compile - tcp" "compile --dump=ast tcp" \
 "compile --dump=ast,ir,opt tcp" "compile --dump=foo tcp" "compile --dump= tcp" "compile --dump tcp" \
 "compile tcp -O" "compile --ip6-transport tcp port 80" "compile -O --help" "compile --json --asm tcp" \
 "explain tcp" "explain" "explain --json tcp" "explain -r" "explain -r a.pcap tcp" "explain --packet 2 tcp" \
 "explain --html -r a.pcap --packet 2 udp" "explain --html --packet 2 udp" "explain --packet" \
 "explain --packet 0 tcp" "explain -h" "explain --help" "explain -x tcp" "explain -- -5" "explain -5" \
 "explain -O -y RAW -s 5 tcp" "explain --loose tcp" "explain --ip6-transport tcp" "explain -y" \
 "asm" "asm p.bpf" "asm -dd p.bpf" "asm p.bpf -ddd" "asm p.bpf p.bpf" "asm -x" "asm -5" "asm --" \
 "asm -h" "asm --help" "asm p.bpf --help" "asm nonexist.bpf" "asm -d" "asm - " \
 "check" "check -r a.pcap tcp" "check -r a.pcap -r b.pcap udp" "check -h" "check --help" "check --he" \
 "check -r a.pcap --ip6-transport tcp" "check -r" "check -Z" "check -r a.pcap" "check -ra.pcap -O tcp" \
 "check -r a.pcap --loose tcp" "check -r a.pcap tcp -O" "check --kernel -r a.pcap tcp" \
 "check --kernel" "check -r a.pcap -y RAW tcp" "check -r a.pcap -s 0 tcp" "check -r a.pcap -s x tcp" \
 "check -r a.pcap --program p.bpf" "check -r a.pcap --program p.bpf tcp" "check -r a.pcap --prog p.bpf" \
 "check -r a.pcap --program" "check --bogus" "check -r a.pcap -- -O" \
 "filter -r a.pcap" "filter -nn -r a.pcap udp" "filter -nnv -r a.pcap" "filter -r a.pcap -c 2" \
 "filter -r a.pcap -c 0" "filter -r a.pcap -c" "filter -c2 -r a.pcap" "filter -h" "filter --help" \
 "filter -r a.pcap -e -x -X -A -q -S -t -tt -# udp" "filter -r a.pcap --number" "filter -r a.pcap --num" \
 "filter -r a.pcap --count" "filter -r a.pcap --co" "filter -r a.pcap --c" "filter -r a.pcap --p" \
 "filter -r a.pcap --engine libpcap udp" "filter -r a.pcap --engine=libpcap udp" "filter -r a.pcap --engine foo" \
 "filter -r a.pcap --engine" "filter -r a.pcap -Q in" "filter -r a.pcap -Q sideways" "filter -r a.pcap -T resp" \
 "filter -r a.pcap -T foo" "filter -r a.pcap --decode-as 53=resp" "filter -r a.pcap --decode-as 53" \
 "filter -r a.pcap --decode-as =resp" "filter -r a.pcap --decode-as x=resp" "filter -r a.pcap --decode-as 0=resp" \
 "filter -r a.pcap --decode-as 123456789=resp" "filter -r a.pcap --decode-as 70000=resp" \
 "filter -r a.pcap --dont-verify-checksums" "filter -r a.pcap --dont" "filter -r a.pcap -F f.txt" \
 "filter -r a.pcap -F f.txt tcp" "filter -r a.pcap -F nonexist" "filter -r a.pcap --program p.bpf" \
 "filter -r a.pcap --program p.bpf tcp" "filter -r a.pcap --program p.bpf --engine libpcap" \
 "filter -r a.pcap --ip6-transport --engine libpcap tcp" "filter -r a.pcap --ip6-transport tcp" \
 "filter -r a.pcap -r b.pcap --jobs 2 --count" "filter -r a.pcap -r b.pcap --jobs auto --count" \
 "filter -r a.pcap --jobs x --count" "filter -r a.pcap --jobs 0 --count" "filter -r a.pcap -w out.pcap" \
 "filter -r a.pcap -w a.pcap" "filter -r a.pcap -w out2.pcap --pcapng" "filter -i lo -r a.pcap" "filter" \
 "filter -Z" "filter -r a.pcap -O udp" "filter -r a.pcap --loose udp" "filter -r a.pcap udp -c 1" \
 "filter -r a.pcap -s 5" "filter -r a.pcap -s" "filter -r a.pcap -p -U -l" "filter -r a.pcap -ttttttt -c 1" \
 "filter -r a.pcap -xxx -c 1" "filter -r a.pcap -XXX -c 1" "filter -r a.pcap -vZ" "filter -r a.pcap -- udp" \
 "filter -r a.pcap -j 2" "filter -r a.pcap -n -n -n -c 1" \
 "trace" "trace -r a.pcap --packet 1 udp" "trace -r a.pcap udp" "trace --packet 1 udp" "trace -r a.pcap --packet 1" \
 "trace -r a.pcap --packet 0 udp" "trace -r a.pcap --packet x udp" "trace -r a.pcap --packet 1 --json udp" \
 "trace -r a.pcap --packet 1 udp --json" "trace -r a.pcap --packet 1 -O udp" "trace -r a.pcap --packet 1 --loose udp" \
 "trace -r a.pcap --pack 1 udp" "trace -r a.pcap --packet 1 --program p.bpf" "trace -r a.pcap --packet 1 --program p.bpf udp" \
 "trace -h" "trace --help" "trace -Z" "trace -r" "trace -r a.pcap --packet 1 --ip6-transport udp" \
 "trace -r a.pcap --packet=2 udp" "trace -ra.pcap --packet 1 -- udp" \
 "dissect" "dissect -r a.pcap -c 1" "dissect -r a.pcap --packet 2" "dissect -r a.pcap --packet 2 -c 2" \
 "dissect -r a.pcap -r b.pcap" "dissect -r a.pcap extra" "dissect -h" "dissect --help" "dissect --he" \
 "dissect --h" "dissect -r a.pcap --packet 99" "dissect -r a.pcap --packet 0" "dissect --html -r a.pcap" \
 "dissect --html -r a.pcap --packet 3" "dissect --html -r a.pcap -c 2" "dissect -r" "dissect -Z" \
 "--help" "-h" "--version" "" "nope" "compile --version"
for args do
	for which in old new; do
		eval "bin=\$$which"
		# shellcheck disable=SC2086
		timeout 20 "$bin" $args </dev/null >"$which.out" 2>"$which.err"
		echo "rc=$?" >>"$which.out"
		for f in out.pcap out2.pcap; do
			[ -f "$f" ] && { cksum <"$f" >>"$which.out"; rm -f "$f"; }
		done
	done
	sed "s|$new|BPFX|g" new.err > new.err2; sed "s|$old|BPFX|g" old.err > old.err2
	if ! cmp -s old.out new.out || ! cmp -s old.err2 new.err2; then
		echo "DIFFER: bpfx $args"
		diff old.out new.out | head -5
		diff old.err2 new.err2 | head -5
		bad=1
	fi
	n=$((${n:-0} + 1))
done
echo "$n command lines compared" >&2
exit ${bad:-0}
