# bench-lib.sh: what the benchmark scripts share (sourced, bash).
# Sourced without arguments, it reads the script's own: B (bpfx, $1),
# SYNTH (bpfx-synth, $2), dir ($BENCH_DIR), runs ($RUNS).
B=${1:-./bpfx}
SYNTH=${2:-./tests/synth/bpfx-synth}
dir=${BENCH_DIR:-/tmp/bpfx-bench}
runs=${RUNS:-5}
# bench_out DIR: where -w outputs go: $OUT_DIR, else /dev/shm when
# writable (so the disk is not what is measured), else DIR.
bench_out() {
	local o=${OUT_DIR:-}
	if [ -z "$o" ]; then
		o=$1
		[ -w /dev/shm ] && o=/dev/shm
	fi
	echo "$o"
}
# wall_seconds CMD...: the wall-clock seconds CMD takes, output discarded.
wall_seconds() {
	local t0=$EPOCHREALTIME
	"$@" >/dev/null 2>&1
	local t1=$EPOCHREALTIME
	echo "$t1 - $t0" | bc -l
}
# seconds CMD...: "WALL CPU": the wall-clock seconds CMD takes (stdout and
# stderr discarded) and its user + system CPU seconds (10 ms resolution),
# which a loaded machine disturbs less than the wall-clock time.
seconds() {
	local t0=$EPOCHREALTIME
	/usr/bin/time -f '%U + %S' -o "$dir/cpu" "$@" >/dev/null 2>&1
	local t1=$EPOCHREALTIME
	echo "$(echo "$t1 - $t0" | bc -l) $(tail -1 "$dir/cpu" | bc -l)"
}
# median: the median of the numbers on standard input, 3 decimals.
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'; }
