# capture-lib.sh - what the example-capture scripts share; sourced by
# make-examples.sh, make-dns.sh and make-igmp-vrrp.sh, not run.  The
# sourcing script sets ME (its name, for messages) and WHY_ROOT (what
# needs root), then calls `need` for its packages; after that: a work
# folder $WORK, background processes stopped on exit (and the script's
# cleanup_more run), and tcpdump on lo.

if [ "$(id -u)" -ne 0 ]; then
    echo "$ME: must run as root ($WHY_ROOT)" >&2
    exit 1
fi

APT_UPDATED=0
need() {  # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$APT_UPDATED" -eq 0 ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
}

# ---------------------------------------------------------------- process bookkeeping
WORK=$(mktemp -d "/tmp/bpfx-${ME%.sh}.XXXXXX")
PIDS=()          # every background process we started
TD_PID=""        # the running tcpdump, if any

stop_pids() {  # stop_pids PID...: SIGTERM each (gone already is fine), then reap it
    local p
    for p in "$@"; do
        kill -TERM "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
}

# On exit: the background processes, then what the sourcing script made
# outside $WORK (its function cleanup_more, if it has one), then $WORK.
cleanup() {
    stop_pids "${PIDS[@]}"
    if declare -F cleanup_more >/dev/null; then
        cleanup_more
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_bg() {  # start_bg CMD ARGS... : start in background, remember its pid in BG_PID
    "$@" &
    BG_PID=$!
    PIDS+=("$BG_PID")
}

port_is_free() {  # port_is_free tcp|udp PORT
    ! ss -Hln"${1:0:1}" "sport = :$2" | grep -q .
}

# ---------------------------------------------------------------- capture helpers
start_capture() {  # start_capture FILE FILTER-WORDS...
    local file=$1; shift
    rm -f "$file"
    : > "$WORK/tcpdump.err"
    # --immediate-mode: without it libpcap hands packets over in blocks with a
    # 1 s timeout, and whatever arrived in the last second before SIGINT
    # would be missing from the file.
    tcpdump -i lo -w "$file" -U --immediate-mode "$@" 2> "$WORK/tcpdump.err" &
    TD_PID=$!
    PIDS+=("$TD_PID")
    local i
    for i in $(seq 1 100); do
        if grep -q "listening on" "$WORK/tcpdump.err" && [ -e "$file" ]; then
            sleep 0.5   # let the kernel filter settle before traffic starts
            return 0
        fi
        kill -0 "$TD_PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$WORK/tcpdump.err" >&2
    echo "$ME: tcpdump did not start capturing on lo" >&2
    return 1
}

stop_capture() {
    sleep 1.5             # let late (delayed) ACKs / FINs reach the capture
    kill -INT "$TD_PID"
    wait "$TD_PID" || true
    sed 's/^/    tcpdump: /' "$WORK/tcpdump.err"
    TD_PID=""
}
