#!/bin/sh
# explain.sh: `bpfx explain` on the command line: the annotated listing,
# --json, every link type, usage errors.
. "${srcdir:-.}/tests/cli/filter-lib.sh"

# has TEXT: the last run's stdout contains TEXT.
has() {
	if grep -qF -- "$1" "$T/out"; then pass; else fail "stdout lacks '$1'"; fi
}

run 0 $B explain --help; has "usage: bpfx explain"
run 2 $B explain
run 2 $B explain -y NOSUCH tcp; err_has "NOSUCH"
run 2 $B explain --bogus tcp
run 2 $B explain 'tcp and'; err_has "tcp and"; err_has "^"

# Compile errors underline the part of the expression at fault: the caret
# line must start under the first character of SUB and span exactly SUB
# (its place computed here from the expression, not taken from bpfx).
span_is() { # VERB EXPRESSION SUB
	run 2 $B "$1" "$2" || return
	_pre=${2%%"$3"*}
	_want=$(printf '  %*s^' ${#_pre} '')$(printf '%*s' $((${#3} - 1)) '' | tr ' ' '~')
	grep -qxF -- "  $2" "$T/err" && grep -qxF -- "$_want" "$T/err" && pass ||
		fail "$1 '$2': not underlined '$3': $(cat "$T/err")"
}
span_is compile 'port 99999' '99999'
span_is compile 'tcp and' 'and'
span_is compile 'host 1.2.3.4 and foo' 'foo'
span_is compile 'ip and (udp or' 'or'
span_is compile 'net 10.0.0.1/33' '10.0.0.1/33'
span_is explain 'udp and tcp[13] & 16 != 0 and net 10.0.0.0/40' '10.0.0.0/40'
span_is compile 'tcp port 80 and portrange 90-70000' '90-70000'

run 0 $B explain 'tcp[13] & 16 != 0'
has "expression: tcp[13] & 16 != 0"
has "link type:  EN10MB (Ethernet), network layer at offset 14"
has "  tcp[13] & 16 != 0"
has "ldb      [23]                          ; A = ip[9] = IPv4 protocol, at 14 (Ethernet) + 9"
has "; x = IPv4 header length"
has "A = tcp[13] = TCP flags, at 14 (Ethernet) + x (IPv4 header) + 13"
has "is it TCP? (protocol 6)"
has "is the ACK flag set?"
has "is it a later fragment?"
has "accept: return 262144"

run 0 $B explain 'tcp[tcpflags] == tcp-ack'
has "named constants: tcpflags = 13, tcp-ack = 16"
has "[tcp-ack = 16]"

# every listed instruction has an annotation
run 0 $B explain -O 'tcp port 80 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)'
_bare=$(grep -c '^([0-9]*) ' "$T/out")
_ann=$(grep -c '^([0-9]*) .* ; .' "$T/out")
if [ "$_bare" -gt 20 ] && [ "$_bare" = "$_ann" ]; then pass; else fail "$_ann of $_bare instructions annotated"; fi
has "ip[2:2] - ((ip[0] & 0xf) << 2)"

for lt in EN10MB RAW IPV4 NULL LOOP LINUX_SLL LINUX_SLL2; do
	run 0 $B explain -y $lt 'ip proto 17' && has "ip[9] = IPv4 protocol"
done
run 0 $B explain -y IPV6 'ip6 and udp'; has "ip6[6] = IPv6 next header"

run 0 $B explain --json 'tcp port 80'
has '{"expression":"tcp port 80","linktype":"EN10MB"'
has '"annotation":"is it IPv6? (type 0x86dd)'
has '"span":{"start":'

# protochain: explain says how deep the unrolled walk goes, and no jump goes back
run 0 $B explain 'ip6 protochain 6'
has "at most 8 headers deep"
has "A = ip6[6] = IPv6 next header"
run 0 $B compile 'protochain 17 or ip6 protochain 44'
if awk '$2 == "ja" && $3 + 0 <= substr($1, 2, 3) + 0 { bad = 1 } END { exit bad }' "$T/out"; then pass; else fail "a backward ja: $(cat "$T/out")"; fi
run 0 $B explain 'host 10.0.0.1'
if grep -q protochain "$T/out"; then fail "the protochain note without protochain"; else pass; fi

# PFLOG: the network layer starts where the header's length byte says
# (rounded up to 4), and the header's fields have their pfloghdr names
run 0 $B explain -y PFLOG 'host 1.2.3.4 and rnr 5 and inbound'
has "length (its first byte, rounded up to 4) is read from each packet"
has "A = link[36:4] = rule number"
has "A = link[60] = direction (1 in, 2 out)"
has "A = link[1] = address family"
if grep -q "byte [0-9]* of the network layer" "$T/out"; then fail "a pflog header byte read as the network layer"; else pass; fi
finish
