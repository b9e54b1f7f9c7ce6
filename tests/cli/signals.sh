#!/bin/sh
# signals.sh: SIGINT, SIGTERM or SIGHUP at a random moment of `bpfx filter`
# loses nothing: the -w file reads back (libpcap: tcpdump -r, else bpfx's
# libpcap engine) to its last whole packet, and those packets are the first
# packets of an uninterrupted run (the file is a byte prefix of the full
# one); printed text is the full run's first lines plus, when stopped
# early, the one empty line tcpdump adds.  Run SIGNAL_TRIES (default 20)
# times per signal; the moments are drawn at random, so a run may finish
# before its signal: both outcomes must leave whole output, and the totals
# are printed.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
TRIES=${SIGNAL_TRIES:-15}
E='tcp or udp'

$MK -n 300000 "$T/big.pcap" || exit 99
run 0 $B filter --engine libpcap -r "$T/big.pcap" -w "$T/full.pcap" $E || finish
run 0 $B filter --engine libpcap -n -r "$T/big.pcap" $E || finish
mv "$T/out" "$T/full.txt"

# readback FILE: libpcap reads FILE to its end without an error.
readback() {
	if command -v tcpdump >/dev/null 2>&1; then
		tcpdump -r "$1" -w /dev/null 2>"$T/rb.err"
	else
		$B filter --engine libpcap -r "$1" -w /dev/null 2>"$T/rb.err"
	fi
}

# stop SIG DELAY CMD...: start CMD in the background, send SIG after DELAY
# seconds, wait; sets rc.
stop() {
	_sig=$1 _delay=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err" &
	_pid=$!
	sleep "$_delay"
	kill -s "$_sig" $_pid 2>/dev/null
	wait $_pid
	rc=$?
}

seed=1
stopped=0 finished=0
for sig in INT TERM HUP; do
	n=0
	while [ $n -lt "$TRIES" ]; do
		n=$((n + 1))
		seed=$((seed + 1))
		d=$(awk -v s=$seed 'BEGIN { srand(s); printf "%.3f", rand() * 0.25 }')
		# --- -w: a readable prefix of the full file ---
		rm -f "$T/o.pcap"
		stop $sig "$d" $B filter --engine libpcap -r "$T/big.pcap" -w "$T/o.pcap" $E
		if [ $rc -ne 0 ]; then
			# only acceptable before the handler exists: no file yet
			[ $rc -gt 128 ] && [ ! -e "$T/o.pcap" ] && pass ||
				fail "SIG$sig after ${d}s: exit $rc: $(head -2 "$T/err")"
		else
			readback "$T/o.pcap" && pass || fail "SIG$sig after ${d}s: -w file does not read back: $(cat "$T/rb.err")"
			size=$(wc -c <"$T/o.pcap")
			cmp -s -n "$size" "$T/o.pcap" "$T/full.pcap" && pass ||
				fail "SIG$sig after ${d}s: -w file is not a prefix of the full run"
			if cmp -s "$T/o.pcap" "$T/full.pcap"; then
				finished=$((finished + 1))
			else
				stopped=$((stopped + 1))
			fi
		fi
		# --- printed text: whole lines, the full run's first ones ---
		stop $sig "$d" $B filter --engine libpcap -n -r "$T/big.pcap" $E
		if [ $rc -ne 0 ]; then
			[ $rc -gt 128 ] && [ ! -s "$T/out" ] && pass ||
				fail "SIG$sig after ${d}s (text): exit $rc: $(head -2 "$T/err")"
		elif cmp -s "$T/out" "$T/full.txt"; then
			pass
		else
			# stopped early: N whole lines, then tcpdump's extra newline
			lines=$(wc -l <"$T/out")
			[ -z "$(tail -n 1 "$T/out")" ] && pass || fail "SIG$sig after ${d}s: text does not end with the empty line"
			head -n $((lines - 1)) "$T/out" >"$T/o.txt"
			head -n $((lines - 1)) "$T/full.txt" | cmp -s - "$T/o.txt" && pass ||
				fail "SIG$sig after ${d}s: text is not the full run's first lines"
		fi
	done
done
echo "-w runs: $stopped stopped early, $finished finished before the signal"

# --- writing to a pipe that is full (the reader waits 1 s): the signal
# must not cut the record being written (write(2) to a pipe can be
# interrupted, unlike to a file) ---
mkfifo "$T/out.fifo" || exit 99
for sig in INT TERM HUP INT TERM HUP; do
	seed=$((seed + 1))
	d=$(awk -v s=$seed 'BEGIN { srand(s); printf "%.3f", rand() * 0.5 }')
	for mode in pcap text; do
		{ sleep 1; cat; } <"$T/out.fifo" >"$T/p.out" &
		reader=$!
		if [ $mode = pcap ]; then
			stop $sig "$d" sh -c "exec $B filter --engine libpcap -r '$T/big.pcap' -w - $E >'$T/out.fifo'"
		else
			stop $sig "$d" sh -c "exec $B filter --engine libpcap -n -r '$T/big.pcap' $E >'$T/out.fifo'"
		fi
		wait $reader
		size=$(wc -c <"$T/p.out")
		if [ $rc -gt 128 ] && [ "$size" -eq 0 ]; then
			pass # the signal came before bpfx started
			continue
		fi
		[ $rc -eq 0 ] && pass || fail "SIG$sig after ${d}s, $mode to a pipe: exit $rc: $(head -2 "$T/err")"
		if [ $mode = pcap ]; then
			readback "$T/p.out" && pass || fail "SIG$sig after ${d}s, -w - to a pipe: $(cat "$T/rb.err")"
			cmp -s -n "$size" "$T/p.out" "$T/full.pcap" && pass || fail "SIG$sig: -w - to a pipe: not a prefix"
		else
			lines=$(wc -l <"$T/p.out")
			tail -c 1 "$T/p.out" | od -c | grep -q '\\n' && pass || fail "SIG$sig: text to a pipe ends mid-line"
			head -n $((lines - 1)) "$T/p.out" >"$T/o.txt"
			head -n $((lines - 1)) "$T/full.txt" | cmp -s - "$T/o.txt" && pass ||
				fail "SIG$sig: text to a pipe is not the full run's first lines"
		fi
	done
done

# --- blocked on a pipe (-r -): the signal interrupts read(2); every
# packet already read stays in the file, and the exit is clean ---
mkfifo "$T/fifo" || exit 99
for sig in INT TERM HUP; do
	rm -f "$T/o.pcap"
	$B filter --engine libpcap -U -r - -w "$T/o.pcap" $E <"$T/fifo" >"$T/out" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo" # held open: bpfx waits in read(2) for more
	head -c 800000 "$T/big.pcap" >&3
	# -U writes each packet at once: wait until the file stops growing
	# at the last whole packet that 800,000 bytes hold
	want=$(head -c 800000 "$T/big.pcap" | $B filter --engine libpcap -r - -w - $E 2>/dev/null | wc -c)
	i=0
	while [ "$(wc -c <"$T/o.pcap" 2>/dev/null || echo 0)" -lt "$want" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -s $sig $pid
	wait $pid
	rc=$?
	exec 3>&-
	[ $rc -eq 0 ] && pass || fail "SIG$sig on a blocked read: exit $rc: $(cat "$T/err")"
	readback "$T/o.pcap" && pass || fail "SIG$sig on a blocked read: $(cat "$T/rb.err")"
	[ "$(wc -c <"$T/o.pcap")" -eq "$want" ] && pass || fail "SIG$sig on a blocked read: $(wc -c <"$T/o.pcap") bytes, want $want"
	cmp -s -n "$want" "$T/o.pcap" "$T/full.pcap" && pass || fail "SIG$sig on a blocked read: not the full run's first packets"
done
finish
