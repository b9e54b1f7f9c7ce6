#!/bin/sh
# check.sh: `bpfx check` usage and rejection paths that do not need bpfx's
# compiler to work (the packet runs are in check-bpfx.sh).
. "${srcdir:-.}/tests/cli/filter-lib.sh"

$MK -n 20 "$T/a.pcap" || exit 99

run 2 $B check
run 2 $B check tcp
run 2 $B check -r "$T/a.pcap"
run 2 $B check -r "$T/a.pcap" -y NOSUCHTYPE tcp; err_has "NOSUCHTYPE"
run 2 $B check -r "$T/a.pcap" -s many tcp
run 2 $B check -r "$T/a.pcap" --bogus tcp
run 2 $B check -r "$T/missing.pcap" tcp; err_has "$T/missing.pcap"
run 0 $B check --help; grep -q '^usage: bpfx check' "$T/out" && pass || fail "--help prints no usage"
# Both compilers reject a syntax error: both messages, exit 2.
run 2 $B check -r "$T/a.pcap" 'tcp and'
err_has "both compilers reject"; err_has "libpcap rejects"; err_has "syntax error"
# libpcap rejects what the link type cannot carry.
run 2 $B check -r "$T/a.pcap" -y RAW 'ether host 1:2:3:4:5:6'; err_has "libpcap rejects"
finish
