#!/usr/bin/env bash
# make-dns.sh - regenerate examples/dns.pcap: real DNS traffic on loopback.
#
# A BIND 9 server (Debian package bind9) listens on 127.0.0.1 and ::1 only,
# port 53, authoritative for a local zone `example.test.` signed with
# dnssec-signzone (so it serves RRSIG, DNSKEY, NSEC and DS records), a
# reverse zone and a zone open to dynamic update with a TSIG key.  dig and
# nsupdate (bind9-dnsutils) query it over UDP and TCP, with EDNS0 options
# (cookie, NSID, client subnet, keepalive, padding, expire), DNSSEC (DO),
# NXDOMAIN, REFUSED, a zone transfer, a signed update; then one mDNS query
# to 127.0.0.1:5353 and one LLMNR query to 127.0.0.1:5355 with nobody
# listening (the ICMP port unreachable replies quote them).  Nothing leaves
# this machine.
#
# Run as root (tcpdump -i lo and port 53 need it):  sudo bash examples/make-dns.sh
#
# Produces, next to this script:
#   dns.pcap                       the capture (tcpdump -i lo, port 53/5353/5355)
#   dns.pcap.tcpdump-nn-vvv.txt    `TZ=UTC tcpdump -r dns.pcap -nn -vvv`
#
# Every process it starts is stopped again on exit (also on error).

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"

ME=make-dns.sh WHY_ROOT="tcpdump -i lo and port 53 need it"
. ./capture-lib.sh
need tcpdump tcpdump
need named bind9
need dnssec-signzone bind9-utils
need dig bind9-dnsutils

for proto in udp tcp; do
    port_is_free "$proto" 53 || { echo "make-dns.sh: $proto port 53 is in use" >&2; exit 1; }
done

# ---------------------------------------------------------------- the zones
Z=$WORK/zones
mkdir -p "$Z"
cat > "$Z/example.test.db" <<'EOF'
$TTL 3600
@       IN SOA  ns1.example.test. hostmaster.example.test. ( 2026120601 7200 900 1209600 300 )
        IN NS   ns1.example.test.
        IN NS   ns2.example.test.
        IN MX   10 mail.example.test.
        IN MX   20 mail2.example.test.
        IN TXT  "v=spf1 -all"
        IN TXT  "two" "strings" "and a \"quote\""
        IN CAA  0 issue "ca.example.test"
ns1     IN A    127.0.0.1
ns2     IN AAAA ::1
www     IN A    192.0.2.10
www     IN A    192.0.2.11
www     IN AAAA 2001:db8::10
www     IN AAAA 2001:db8:0:1::ffff:10
alias   IN CNAME www
chain   IN CNAME alias
mail    IN A    192.0.2.25
mail2   IN A    192.0.2.26
_sip._udp IN SRV 10 60 5060 sip.example.test.
_http._tcp IN URI 10 1 "http://www.example.test/"
sip     IN A    192.0.2.50
host    IN HINFO "x86-64" "Linux"
host    IN SSHFP 4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
naptr   IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .
_443._tcp.www IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
old     IN DNAME example.test.
sub     IN NS   ns1.sub.example.test.
ns1.sub IN A    127.0.0.2
sub     IN DS   12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
long    IN TXT  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
EOF
cat > "$Z/2.0.192.in-addr.arpa.db" <<'EOF'
$TTL 86400
@       IN SOA  ns1.example.test. hostmaster.example.test. 1 3600 900 604800 60
        IN NS   ns1.example.test.
10      IN PTR  www.example.test.
25      IN PTR  mail.example.test.
EOF
cat > "$Z/dyn.test.db" <<'EOF'
$TTL 300
@       IN SOA  ns1.example.test. hostmaster.example.test. 1 3600 900 604800 60
        IN NS   ns1.example.test.
EOF
# sign example.test: a key-signing and a zone-signing key, NSEC chain
( cd "$Z"
  KSK=$(dnssec-keygen -q -a ECDSAP256SHA256 -f KSK example.test)
  ZSK=$(dnssec-keygen -q -a ECDSAP256SHA256 example.test)
  cat "$KSK.key" "$ZSK.key" >> example.test.db
  dnssec-signzone -q -o example.test -s now-1d -e now+30d example.test.db >/dev/null )
tsig-keygen -a hmac-sha256 upd.key > "$WORK/upd.key"

cat > "$WORK/named.conf" <<EOF
include "$WORK/upd.key";
options {
    directory "$Z";
    pid-file "$WORK/named.pid";
    listen-on port 53 { 127.0.0.1; };
    listen-on-v6 port 53 { ::1; };
    recursion no;
    dnssec-validation no;
    notify no;
    allow-transfer { 127.0.0.1; ::1; };
    server-id "bpfx-test-ns";
    tcp-keepalive-timeout 300;
    answer-cookie yes;
};
zone "example.test" { type primary; file "example.test.db.signed"; };
zone "2.0.192.in-addr.arpa" { type primary; file "2.0.192.in-addr.arpa.db"; };
zone "dyn.test" { type primary; file "dyn.test.db"; allow-update { key upd.key; }; };
EOF
named-checkconf "$WORK/named.conf"

start_bg named -g -c "$WORK/named.conf" -u root > "$WORK/named.log" 2>&1
for i in $(seq 1 100); do
    dig +short +tries=1 +time=1 -p 53 @127.0.0.1 example.test SOA >/dev/null 2>&1 && break
    sleep 0.1
done
dig +short +tries=1 +time=1 @127.0.0.1 example.test SOA | grep -q ns1 || {
    cat "$WORK/named.log" >&2; echo "make-dns.sh: named did not answer" >&2; exit 1; }

# ---------------------------------------------------------------- the capture
start_capture dns.pcap 'port 53 or port 5353 or port 5355 or icmp or icmp6'

D="dig -p 53 +tries=1 +time=2"
q() { $D "$@" >/dev/null || true; }
# plain UDP queries, no EDNS, then EDNS with a cookie (dig's default)
q +noedns @127.0.0.1 www.example.test A
q @127.0.0.1 www.example.test AAAA
q @::1 www.example.test A
q @127.0.0.1 chain.example.test A
q @127.0.0.1 example.test MX
q @127.0.0.1 example.test NS
q @127.0.0.1 example.test TXT
q @127.0.0.1 long.example.test TXT
q @127.0.0.1 example.test SOA
q @127.0.0.1 example.test CAA
q @127.0.0.1 _sip._udp.example.test SRV
q @127.0.0.1 _http._tcp.example.test URI
q @127.0.0.1 host.example.test HINFO
q @127.0.0.1 host.example.test SSHFP
q @127.0.0.1 naptr.example.test NAPTR
q @127.0.0.1 _443._tcp.www.example.test TLSA
q @127.0.0.1 x.old.example.test A
q @127.0.0.1 -x 192.0.2.10
q @127.0.0.1 -x 192.0.2.99
q @127.0.0.1 www.sub.example.test A
q @127.0.0.1 example.test ANY
q @127.0.0.1 nonexistent.example.test A
q @127.0.0.1 www.example.org A
q @127.0.0.1 version.bind TXT CH
q @127.0.0.1 example.test SOA HS
# DNSSEC: the DO bit, DNSKEY, DS, NSEC denial, with and without CD and AD
q +dnssec @127.0.0.1 www.example.test A
q +dnssec @127.0.0.1 example.test DNSKEY
q +dnssec @127.0.0.1 sub.example.test DS
q +dnssec +cd @127.0.0.1 nothere.example.test A
q +dnssec +adflag @127.0.0.1 mail.example.test A
q +norecurse @127.0.0.1 www.example.test A
# EDNS0 options
q +nsid @127.0.0.1 www.example.test A
q +subnet=192.0.2.0/24 @127.0.0.1 www.example.test A
q +subnet=2001:db8::/48 @127.0.0.1 www.example.test AAAA
q +expire @127.0.0.1 example.test SOA
q +padding=128 @127.0.0.1 www.example.test A
q +nocookie +ednsopt=65001:c0ffee @127.0.0.1 www.example.test A
q +edns=1 @127.0.0.1 www.example.test A
q +bufsize=1232 +ednsflags=0x4000 @127.0.0.1 www.example.test A
# over TCP: a query, keepalive, a zone transfer, an incremental one
q +tcp @127.0.0.1 www.example.test A
q +tcp +keepalive +dnssec @127.0.0.1 example.test DNSKEY
q +tcp @::1 example.test MX
q @127.0.0.1 example.test AXFR
q @127.0.0.1 example.test IXFR=1
q +tcp @127.0.0.1 dyn.test AXFR
# a truncated answer (TC) that dig retries over TCP
q +bufsize=512 +dnssec @127.0.0.1 example.test ANY
q +ignore +bufsize=512 +dnssec @127.0.0.1 example.test DNSKEY
# a signed dynamic update (opcode update, TSIG), and one refused
nsupdate -k "$WORK/upd.key" <<'EOF' || true
server 127.0.0.1 53
zone dyn.test
update add new.dyn.test 300 A 192.0.2.77
update add new.dyn.test 300 TXT "added"
send
EOF
nsupdate <<'EOF' || true
server 127.0.0.1 53
zone dyn.test
update delete new.dyn.test A
send
EOF
q @127.0.0.1 new.dyn.test A
# a TSIG-signed query
q -k "$WORK/upd.key" @127.0.0.1 dyn.test SOA
# opcodes other than query: status and notify (refused or not implemented)
q +opcode=status @127.0.0.1 example.test SOA
q +opcode=notify +norecurse @127.0.0.1 example.test SOA
# mDNS and LLMNR to ports nobody listens on
q -p 5353 +tries=1 +time=1 @127.0.0.1 host.local A
q -p 5355 +tries=1 +time=1 @127.0.0.1 host A

stop_capture

TZ=UTC tcpdump -r dns.pcap -nn -vvv > dns.pcap.tcpdump-nn-vvv.txt 2>/dev/null
printf '    %s: %s packets, %s bytes\n' dns.pcap \
    "$(TZ=UTC tcpdump -r dns.pcap -nn 2>/dev/null | wc -l)" "$(wc -c < dns.pcap)"
named -v | sed 's/^/    /'
