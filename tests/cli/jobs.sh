#!/bin/sh
# jobs.sh: `filter --jobs N` (several -r files filtered at once) gives exactly
# what the serial run gives: the same -w bytes (cmp, pcap and pcapng, to
# a file and through a pipe), the same stderr, the same --count line and
# exit status; also where a file in the middle is damaged, missing, of
# another link type or refused by the compiler (the run stops there, the
# records before it written), and where -j exceeds the files.  The serial
# run's output is itself checked against tcpdump by filter.sh and
# pcapng-out.sh.  Then one large file split into ranges: the same, also
# byte-swapped, nanosecond, damaged, pcapng (not split) and misleading.
# Last, much of it again with a bound on the matches held in memory that
# bites ($BPFX_JOBS_BUFFER), and with each file coming to the head just
# before its last push ($BPFX_JOBS_LATE).
. "${srcdir:-.}/tests/cli/filter-lib.sh"
compiler_ready || exit 1

$MK -n 3000 "$T/a.pcap" || exit 99
$MK -n 2000 -s 40 "$T/b.pcap" || exit 99
$MK -n 500 -g "$T/g.pcapng" || exit 99
$MK -n 50 -y 147 "$T/u.pcap" || exit 99
head -c 5000 "$T/a.pcap" >"$T/cut.pcap"
E="$srcdir/examples"

# same J ARGS...: `filter --jobs J ARGS` and `filter ARGS` agree in stdout,
# stderr, exit status and, when ARGS write $T/o, in the file written.
same() {
	_j=$1
	shift
	rm -f "$T/o"
	$B filter "$@" >"$T/s.out" 2>"$T/s.err"
	_s=$?
	[ -f "$T/o" ] && mv "$T/o" "$T/s.o" || rm -f "$T/s.o"
	$B filter --jobs "$_j" "$@" >"$T/p.out" 2>"$T/p.err"
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
	# ... and in a file behind the head, its matches written by the
	# committer (copied from its input where held as runs)
	same 2 -r "$T/a.pcap" -r "$T/big.pcap" -r "$T/b.pcap" -w /dev/full
	same 3 -r "$T/a.pcap" -r "$T/big.pcap" -r "$T/b.pcap" -w /dev/full tcp
fi
# one thread per core, and more threads than files
same auto $files -w "$T/o" 'udp port 53'
same 64 $files -w "$T/o" 'udp port 53'
# through a pipe: the same bytes as a file
$B filter --jobs 2 $files -w - tcp 2>/dev/null | cat >"$T/pipe"
$B filter $files -w "$T/file" tcp 2>/dev/null
cmp -s "$T/pipe" "$T/file" && pass || fail "-j 2 -w - through a pipe differs from -w FILE"
# -j takes a count or auto
run 2 $B filter --jobs x -r "$T/a.pcap" --count

# One large file, cut into ranges of records filtered at once (8 MB: 3
# ranges at -j 2).  $BPFX_JOBS_TRACE says how it was cut, so that these
# cases are known to run split, not serially.
# split FILE WANT: `--jobs 2 -r FILE` traces WANT.
split() {
	BPFX_JOBS_TRACE=1 $B filter --jobs 2 -r "$1" --count >/dev/null 2>"$T/trace"
	grep -q "$2" "$T/trace" && pass || fail "--jobs 2 -r $1: no '$2' in: $(grep jobs "$T/trace")"
}
$MK -n 100000 "$T/one.pcap" || exit 99
split "$T/one.pcap" "one.pcap in 3 ranges"
for j in 2 3; do
	for e in '' 'tcp' 'udp port 53'; do
		same "$j" -r "$T/one.pcap" -w "$T/o" "$e"
		same "$j" -r "$T/one.pcap" --count "$e"
	done
	same "$j" -r "$T/one.pcap" -w "$T/o" --pcapng ip6
done
# cut in the last record, or in the last header: the serial run's message
# and records, read on serially from the last range's walk
size=$(wc -c <"$T/one.pcap")
head -c $((size - 30)) "$T/one.pcap" >"$T/onecut.pcap"
head -c $((size - 90)) "$T/one.pcap" >"$T/onecut2.pcap"
split "$T/onecut.pcap" "serial from offset"
same 2 -r "$T/onecut.pcap" -w "$T/o" tcp
same 3 -r "$T/onecut2.pcap" -w "$T/o"
same 2 -r "$T/onecut2.pcap" --count
# the same records with a pcapng file header: no split, one job
$MK -n 100000 -g "$T/one.pcapng" || exit 99
same 2 -r "$T/one.pcapng" -w "$T/o" tcp
BPFX_JOBS_TRACE=1 $B filter --jobs 2 -r "$T/one.pcapng" --count >/dev/null 2>"$T/trace"
grep -q "ranges" "$T/trace" && fail "a pcapng file was split" || pass
if have_python; then
	# byte-swapped, nanosecond and both; a hostile caplen two thirds in;
	# a snapshot length most records exceed (libpcap cuts them)
	"$PY" - "$T/one.pcap" "$T" <<'PYEOF' || exit 99
import struct, sys
d = open(sys.argv[1], 'rb').read()
recs, off = [], 24
while off + 16 <= len(d):
    h = struct.unpack_from('<IIII', d, off)
    recs.append((list(h), d[off + 16:off + 16 + h[2]]))
    off += 16 + h[2]
def write(name, order='<', nano=False, snap=262144, bad=None):
    with open(sys.argv[2] + '/' + name, 'wb') as o:
        o.write(struct.pack(order + 'IHHiIII', 0xa1b23c4d if nano else 0xa1b2c3d4, 2, 4, 0, 0, snap, 1))
        for i, (h, p) in enumerate(recs):
            h = list(h)
            if nano:
                h[1] = h[1] % 1000000 * 1000
            if i == bad:
                h[2] = 0x7fffffff
            o.write(struct.pack(order + 'IIII', *h) + p)
write('swap.pcap', '>')
write('nano.pcap', nano=True)
write('swapnano.pcap', '>', nano=True)
write('hostile.pcap', bad=len(recs) * 2 // 3)
write('snap64.pcap', snap=64)
PYEOF
	for f in swap nano swapnano hostile snap64; do
		same 2 -r "$T/$f.pcap" -w "$T/o" tcp
		same 3 -r "$T/$f.pcap" -w "$T/o"
	done
	split "$T/swapnano.pcap" "in 3 ranges"
	split "$T/hostile.pcap" "serial from offset"
	# records whose data hold chains of plausible record headers (40
	# records of 76 bytes each), so that a range starts at a guess that
	# is not a record: the committer finds it out and reads on serially
	"$PY" - "$T/fake.pcap" <<'PYEOF' || exit 99
import struct, sys
fake = b''.join(struct.pack('<IIII', 1, 2, 60, 60) + b'E' * 60 for _ in range(40))
with open(sys.argv[1], 'wb') as o:
    o.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(2001):
        data = bytes(6) + bytes([2, 0, 0, 0, 0, i % 256]) + b'\x08\x00' + fake
        o.write(struct.pack('<IIII', 1700000000 + i, i, len(data), len(data)) + data)
PYEOF
	split "$T/fake.pcap" "serial from offset 3073094, after 1001 records"
	same 2 -r "$T/fake.pcap" -w "$T/o"
	same 2 -r "$T/fake.pcap" -w "$T/o" 'ether src 2:0:0:0:0:7'
	# records whose data are headers that are not records, each with a
	# caplen that ends where the record does: a chain from one of them
	# joins the true chain a link later, so a range must start down the
	# chain, not at its head (else every cut reads on serially)
	"$PY" - "$T/merge.pcap" <<'PYEOF' || exit 99
import struct, sys
n = 6
data = b''.join(struct.pack('<IIII', 0xffffffff, 0xffffffff, 16 * (n - 1 - k), 16 * (n - 1 - k) + 1)
                for k in range(n))
with open(sys.argv[1], 'wb') as o:
    o.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(100000):
        o.write(struct.pack('<IIII', 0xffffffff, 0xffffffff, len(data), len(data)) + data)
PYEOF
	split "$T/merge.pcap" "merge.pcap in 5 ranges"
	grep -q "serial from" "$T/trace" && fail "merge.pcap: a range began at a false header: $(grep serial "$T/trace")" || pass
	same 2 -r "$T/merge.pcap" -w "$T/o"
	# records of 100,000 bytes: two or three headers in a boundary's
	# window, still enough to cut there
	"$PY" - "$T/jumbo.pcap" <<'PYEOF' || exit 99
import struct, sys
with open(sys.argv[1], 'wb') as o:
    o.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i in range(100):
        data = bytes(12) + b'\x08\x00' + bytes([i]) * (100000 - 14)
        o.write(struct.pack('<IIII', 1700000000 + i, 0, len(data), len(data)) + data)
PYEOF
	split "$T/jumbo.pcap" "jumbo.pcap in 4 ranges"
	same 2 -r "$T/jumbo.pcap" -w "$T/o"
else
	skipped "no $PY: byte-swapped, nanosecond, hostile and misleading files not split"
fi
# matches held in memory for the files behind the head, with a bound that
# bites: $BPFX_JOBS_BUFFER=N bytes per file (4N in all), and each file kept
# from the head until it waits for room or is done, so that every file
# whose matches exceed N waits (the trace counts the waits).  Records as
# they stand in the input (pcap written as pcap) are held as bytes while
# the bound has room, then as runs of the input (16 bytes each, read
# again at the commit), each under the bound: only a bound of a run or
# two makes a file wait; written as pcapng, bytes only.
# bound N J RUNS ARGS...: waits, at most 4N bytes held as bytes and as
# runs, and runs held (RUNS=1) or none (0).
bound() {
	_n=$1 _j=$2 _r=$3
	shift 3
	BPFX_JOBS_BUFFER=$_n BPFX_JOBS_TRACE=1 $B filter --jobs "$_j" $files -w "$T/o" "$@" >/dev/null 2>"$T/trace"
	_t=$(sed -n 's/.*--jobs: \([0-9]*\) waits for room, at most \([0-9]*\) bytes held and \([0-9]*\) of \([0-9]*\) runs$/\1 \2 \3 \4/p' "$T/trace")
	read -r _w _m _mr _h <<EOF
$_t
EOF
	_runs=0
	[ "${_h:-0}" -gt 0 ] && [ "${_mr:-0}" -gt 0 ] && _runs=1
	if [ "${_w:-0}" -gt 0 ] && [ "${_m:-0}" -le $((4 * _n)) ] && [ "${_mr:-0}" -le $((4 * _n)) ] &&
		[ $((${_m:-0} + ${_mr:-0})) -gt 0 ] && [ "$_runs" = "$_r" ]; then
		pass
	else
		fail "BPFX_JOBS_BUFFER=$_n --jobs $_j $*: want waits, at most $((4 * _n)) bytes held, runs $_r: $(tail -1 "$T/trace")"
	fi
}
bound 4096 2 0 --pcapng
bound 1000 3 0 --pcapng tcp
bound 16 2 1 tcp
bound 40 3 1 'udp or arp'
for n in 1 16 4096 300000; do
	BPFX_JOBS_BUFFER=$n
	export BPFX_JOBS_BUFFER
	same 2 $files -w "$T/o"
	same 3 $files -w "$T/o" --pcapng tcp
	same 2 $files -w "$T/o" --count 'udp port 53'
	same 2 -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/cut.pcap" -r "$T/a.pcap" -w "$T/o" tcp
	same 3 -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/u.pcap" -r "$T/a.pcap" -w "$T/o"
	same 2 -r "$T/g.pcapng" -r "$T/a.pcap" -r "$T/g.pcapng" -w "$T/o" 'not arp'
	same 2 -r "$T/one.pcap" -w "$T/o"
	same 3 -r "$T/onecut.pcap" -w "$T/o" tcp
	[ -f "$T/fake.pcap" ] && same 2 -r "$T/fake.pcap" -w "$T/o"
	[ -f "$T/big.pcap" ] && same 2 -r "$T/big.pcap" -r "$T/a.pcap" -r "$T/b.pcap" -w /dev/full
	[ -f "$T/big.pcap" ] && same 2 -r "$T/a.pcap" -r "$T/big.pcap" -r "$T/b.pcap" -w /dev/full tcp
	same 2 -r "$T/a.pcap" -r "$T/one.pcap" -r "$T/b.pcap" -r "$T/one.pcap" -w "$T/o" tcp
	same 3 -r "$T/swap.pcap" -r "$T/one.pcap" -r "$T/nano.pcap" -r "$T/one.pcap" -w "$T/o" 'udp or arp'
	$B filter --jobs 2 $files -w - tcp 2>/dev/null | cat >"$T/pipe"
	cmp -s "$T/pipe" "$T/file" && pass || fail "BPFX_JOBS_BUFFER=$n -j 2 -w - through a pipe differs"
done
unset BPFX_JOBS_BUFFER
# more matches behind the head than the bound holds as bytes (one.pcap:
# 8 MB), so the rest is held as runs of the input (when it is behind)
same 2 -r "$T/a.pcap" -r "$T/one.pcap" -r "$T/one.pcap" -r "$T/b.pcap" -w "$T/o"
same 2 -r "$T/a.pcap" -r "$T/one.pcap" -r "$T/one.pcap" -w "$T/o" 'tcp or arp'
same 3 -r "$T/a.pcap" -r "$T/one.pcap" -r "$T/one.pcap" -w - 'not udp'

# A file that ran ahead to its end and comes to the head just before it
# pushes its last held item (the scheduler's pick now and then; here
# $BPFX_JOBS_LATE waits for it): that item holds matches of several of
# its writer's flushes (all of big.pcap's, one run), so a write of it
# that fails is the file's own failure, as in the serial run.
BPFX_JOBS_LATE=1
export BPFX_JOBS_LATE
if [ -f "$T/big.pcap" ]; then
	same 2 -r "$T/big.pcap" -r "$T/a.pcap" -r "$T/b.pcap" -w /dev/full
	same 2 -r "$T/a.pcap" -r "$T/big.pcap" -r "$T/b.pcap" -w /dev/full
	same 3 -r "$T/a.pcap" -r "$T/big.pcap" -r "$T/b.pcap" -w /dev/full tcp
fi
same 2 $files -w "$T/o"
same 3 $files -w "$T/o" --pcapng tcp
same 2 -r "$T/a.pcap" -r "$T/b.pcap" -r "$T/cut.pcap" -r "$T/a.pcap" -w "$T/o" tcp
same 2 -r "$T/one.pcap" -w "$T/o"
same 2 -r "$T/a.pcap" -r "$T/one.pcap" -r "$T/one.pcap" -w "$T/o" 'tcp or arp'
unset BPFX_JOBS_LATE

# A file whose matches are held as runs, cut short before the committer
# copies them: the first file is a FIFO fed in two parts; between them
# the second file is read to its end (its reader closed: one descriptor
# left on it, the runs' own) and then cut to half.  The records already
# written stay whole, and the run ends with a message and exit 2, as the
# serial run ends on a cut file (its records and libpcap's message).
if command -v mkfifo >/dev/null 2>&1 && [ -d /proc/self/fd ]; then
	cp "$T/one.pcap" "$T/victim.pcap"
	$B filter -r "$T/a.pcap" -r "$T/one.pcap" -w "$T/whole" 2>/dev/null
	mkfifo "$T/fifo"
	BPFX_JOBS_BUFFER=100000 $B filter --jobs 2 -r "$T/fifo" -r "$T/victim.pcap" -w "$T/o" >/dev/null 2>"$T/err" &
	pid=$!
	{
		exec 3>"$T/fifo"
		head -c 24 "$T/a.pcap" >&3
		n=0
		while [ "$n" -lt 600 ]; do
			links=$(ls -l /proc/$pid/fd 2>/dev/null | grep -c "victim.pcap")
			[ "$links" = 1 ] && break
			sleep 0.05
			n=$((n + 1))
		done
		size=$(wc -c <"$T/victim.pcap")
		truncate -s $((size / 2)) "$T/victim.pcap"
		tail -c +25 "$T/a.pcap" >&3
		exec 3>&-
	}
	wait $pid
	rc=$?
	if [ "$rc" != 2 ] || ! grep -q "victim.pcap: changed while being read" "$T/err"; then
		fail "a file cut before its runs were copied: exit $rc, want 2 and a message: $(head -3 "$T/err")"
	elif ! cmp "$T/o" "$T/whole" 2>&1 | grep -q "EOF on $T/o"; then
		fail "a file cut before its runs were copied: the output is not the start of the whole run's"
	elif ! $B filter -r "$T/o" --count >/dev/null 2>&1; then
		fail "a file cut before its runs were copied: the output is not a whole capture"
	else
		pass
	fi
else
	skipped "no mkfifo or /proc: a file cut before its runs are copied"
fi
finish
