#!/bin/sh
# jobs.sh: `filter -j N` (several -r files filtered at once) gives exactly
# what the serial run gives: the same -w bytes (cmp, pcap and pcapng, to
# a file and through a pipe), the same stderr, the same --count line and
# exit status; also where a file in the middle is damaged, missing, of
# another link type or refused by the compiler (the run stops there, the
# records before it written), and where -j exceeds the files.  The serial
# run's output is itself checked against tcpdump by filter.sh and
# pcapng-out.sh.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready || exit 1

$MK -n 3000 "$T/a.pcap" || exit 99
$MK -n 2000 -s 40 "$T/b.pcap" || exit 99
$MK -n 500 -g "$T/g.pcapng" || exit 99
$MK -n 50 -y 147 "$T/u.pcap" || exit 99
head -c 5000 "$T/a.pcap" >"$T/cut.pcap"
E="$srcdir/examples"

# same J ARGS...: `filter -j J ARGS` and `filter ARGS` agree in stdout,
# stderr, exit status and, when ARGS write $T/o, in the file written.
same() {
	_j=$1
	shift
	rm -f "$T/o"
	$B filter "$@" >"$T/s.out" 2>"$T/s.err"
	_s=$?
	[ -f "$T/o" ] && mv "$T/o" "$T/s.o" || rm -f "$T/s.o"
	$B filter -j "$_j" "$@" >"$T/p.out" 2>"$T/p.err"
	_p=$?
	[ -f "$T/o" ] && mv "$T/o" "$T/p.o" || rm -f "$T/p.o"
	if [ "$_s" != "$_p" ]; then
		fail "-j $_j $*: exit $_p, serial $_s: $(head -2 "$T/p.err")"
	elif ! cmp -s "$T/s.out" "$T/p.out" || ! cmp -s "$T/s.err" "$T/p.err"; then
		fail "-j $_j $*: stdout or stderr differs: $(diff "$T/s.err" "$T/p.err" | head -3)"
	elif [ -f "$T/s.o" ] && ! cmp -s "$T/s.o" "$T/p.o"; then
		fail "-j $_j $*: -w output differs: $(cmp "$T/s.o" "$T/p.o" 2>&1)"
	elif [ ! -f "$T/s.o" ] && [ -f "$T/p.o" ]; then
		fail "-j $_j $*: wrote a file the serial run does not"
	else
		pass
	fi
}

files="-r $T/a.pcap -r $E/dns.pcap -r $T/b.pcap -r $E/mixed.pcap -r $E/app.pcap -r $T/a.pcap -r $E/ip6-ext.pcap"
for j in 2 3; do
	for e in '' 'tcp or udp' 'ip6' 'ether[0] = 255'; do
		same "$j" $files -w "$T/o" "$e"
		same "$j" $files -w "$T/o" --pcapng "$e"
		same "$j" $files --count "$e"
	done
	same "$j" $files -w "$T/o" --count tcp
	# what goes wrong in the third file: stop there, as the serial run
	same "$j" -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/cut.pcap" -r "$T/a.pcap" -w "$T/o" tcp
	same "$j" -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/missing.pcap" -r "$T/a.pcap" -w "$T/o"
	same "$j" -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/u.pcap" -r "$T/a.pcap" -w "$T/o"
	same "$j" -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/u.pcap" -r "$T/a.pcap" -w "$T/o" tcp
	same "$j" -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/u.pcap" --count
	same "$j" -r "$T/cut.pcap" -r "$T/a.pcap" -w "$T/o"
	same "$j" -r "$T/missing.pcap" -r "$T/a.pcap" -w "$T/o"
	# pcapng inputs (libpcap reads them; the block reader does not)
	same "$j" -r "$T/g.pcapng" -r "$T/a.pcap" -r "$T/g.pcapng" -w "$T/o" 'not arp'
done
# a write that fails in the first file (more than a block of matches)
# stops the run there, as it stops the serial one
if [ -w /dev/full ]; then
	$MK -n 30000 "$T/big.pcap" || exit 99
	same 2 -r "$T/big.pcap" -r "$T/a.pcap" -r "$T/b.pcap" -w /dev/full
fi
# one thread per core, and more threads than files
same auto $files -w "$T/o" 'udp port 53'
same 64 $files -w "$T/o" 'udp port 53'
# through a pipe: the same bytes as a file
$B filter -j 2 $files -w - tcp 2>/dev/null | cat >"$T/pipe"
$B filter $files -w "$T/file" tcp 2>/dev/null
cmp -s "$T/pipe" "$T/file" && pass || fail "-j 2 -w - through a pipe differs from -w FILE"
# -j takes a count or auto
run 2 $B filter -j x -r "$T/a.pcap" --count
finish
