#!/bin/sh
# output.sh: every command checks what it writes: standard output on a
# full device (/dev/full) and `filter -w /dev/full` exit 2 and name the
# reason; `filter -r X -w X` (same file by any path or hard link) is
# refused and X left intact; a -r file not reached because -c was
# satisfied is still opened and reported if it cannot be.
. "${srcdir:-.}/tests/cli/filter-lib.sh"

$MK -n 20 "$T/a.pcap" || exit 99
ENOSPC="No space left on device"

if [ -w /dev/full ]; then
	# full: CMD... exits 2 with "bpfx WHO: standard output: ENOSPC"
	full() {
		_who=$1
		shift
		"$@" >/dev/full 2>"$T/err"
		_rc=$?
		[ $_rc -eq 2 ] && pass || fail "exit $_rc, want 2: $* >/dev/full"
		err_has "bpfx $_who: standard output: $ENOSPC"
	}
	$B compile -d tcp >"$T/p.bpf" 2>/dev/null
	for f in -d -dd -ddd --asm --json; do
		full compile $B compile $f 'tcp port 80'
	done
	full filter $B filter --engine libpcap -n -r "$T/a.pcap"
	full filter $B filter --engine libpcap -r "$T/a.pcap" -w -
	full dissect $B dissect -r "$T/a.pcap"
	full check $B check -r "$T/a.pcap" tcp
	full explain $B explain 'tcp port 80'
	full explain $B explain --json 'tcp port 80'
	full trace $B trace -r "$T/a.pcap" --packet 1 tcp
	full asm $B asm "$T/p.bpf"
	run 0 $B compile --help
	$B compile --help >/dev/full 2>"$T/err"
	[ $? -eq 2 ] && pass || fail "compile --help >/dev/full: exit 0"

	run 2 $B filter --engine libpcap -r "$T/a.pcap" -w /dev/full
	err_has "/dev/full: $ENOSPC"
	run 2 $B filter --engine libpcap -U -r "$T/a.pcap" -w /dev/full
	err_has "/dev/full: $ENOSPC"
else
	echo "SKIP: /dev/full is not writable here: full-device cases not run"
fi

# --- -r X -w X: refused, X intact ---
cp "$T/a.pcap" "$T/keep.pcap"
ln "$T/a.pcap" "$T/hard.pcap"
ln -s "$T/a.pcap" "$T/soft.pcap"
mkdir "$T/d"
for w in "$T/a.pcap" "$T/./a.pcap" "$T/d/../a.pcap" "$T/hard.pcap" "$T/soft.pcap"; do
	run 2 $B filter --engine libpcap -r "$T/a.pcap" -w "$w"
	err_has "would destroy it"
	cmp -s "$T/a.pcap" "$T/keep.pcap" && pass || fail "-r a.pcap -w $w changed the input"
done
run 2 $B filter --engine libpcap -r "$T/keep.pcap" -r "$T/a.pcap" -w "$T/hard.pcap"
err_has "would destroy it"
run 2 $B filter --engine libpcap -r - -w "$T/a.pcap" <"$T/a.pcap"
err_has "would destroy it"
cmp -s "$T/a.pcap" "$T/keep.pcap" && pass || fail "-r - -w a.pcap changed the input"
# a different file is fine, and so is a pipe
run 0 $B filter --engine libpcap -r "$T/a.pcap" -w "$T/b.pcap"
cmp -s "$T/a.pcap" "$T/b.pcap" && pass || fail "-w copy differs"
run 0 $B filter --engine libpcap -r - -w - <"$T/a.pcap"

# --- -c satisfied: later -r files are still checked ---
run 2 $B filter --engine libpcap -tt -c 2 -r "$T/a.pcap" -r "$T/missing.pcap"
packets 2
err_has "$T/missing.pcap: No such file or directory"
run 0 $B filter --engine libpcap -tt -c 2 -r "$T/a.pcap" -r "$T/keep.pcap"
packets 2

# --- an unreadable file is named once ---
run 2 $B filter -r "$T/missing.pcap"
[ "$(grep -o "missing.pcap" "$T/err" | wc -l)" -eq 1 ] && pass || fail "file named more than once: $(cat "$T/err")"
finish
