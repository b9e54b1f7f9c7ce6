#!/usr/bin/env bash
# make-app.sh - regenerate examples/app.pcap and examples/dhcp.pcap: real
# application traffic, made in a network namespace of its own so nothing
# leaves it and nothing else is captured.
#
# app.pcap (tcpdump -i lo):
#   HTTP   curl against `python3 -m http.server` on 127.0.0.1:80 (GET,
#          HEAD, a 404, a POST the server refuses)
#   NTP    chronyd -Q (client, mode 3) against chronyd serving on
#          127.0.0.1:123 (Debian package chrony)
#   syslog logger -d to 127.0.0.1:514, RFC 3164 and RFC 5424, several
#          facilities and severities (nobody listens; the ICMP replies
#          are left out of the capture)
#   TFTP   tftp (tftp-hpa) against in.tftpd (tftpd-hpa) on 127.0.0.1:69:
#          a read, a read of a missing file, a write
# dhcp.pcap (tcpdump on the server's end of a veth pair whose other end is
# in a namespace of its own):
#   DHCP   udhcpc (Debian package udhcpc) against dnsmasq: discover,
#          offer, request, ack, with options both ways
# vxlan.pcap (the same veth pair):
#   VXLAN  two vxlan devices (VNI 42, port 4789), one in each namespace,
#          carrying ARP and UDP datagrams
#
# Run as root (namespaces, ports below 1024):  sudo bash examples/make-app.sh
#
# Produces, next to this script, the three captures and their
# `TZ=UTC tcpdump -r F -nn -vvv` text (F.tcpdump-nn-vvv.txt).
# Every process it starts is stopped again on exit (also on error).

set -euo pipefail
[ -n "${BPFX_APP_TRACE:-}" ] && set -x

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"

if [ "$(id -u)" -ne 0 ]; then
    echo "make-app.sh: must run as root (network namespace, ports 67-514)" >&2
    exit 1
fi

if [ "${BPFX_APP_NETNS:-}" != 1 ]; then
    APT_UPDATED=0
    need() {  # need COMMAND PACKAGE
        command -v "$1" >/dev/null 2>&1 && return 0
        if [ "$APT_UPDATED" -eq 0 ]; then
            apt-get update -qq
            APT_UPDATED=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
    }
    need tcpdump tcpdump
    need curl curl
    need chronyd chrony
    need in.tftpd tftpd-hpa
    need tftp tftp-hpa
    need dnsmasq dnsmasq-base
    need udhcpc udhcpc
    need logger bsdutils
    # the rest runs in a new network namespace (its own lo, no routes out)
    BPFX_APP_NETNS=1 exec unshare --net bash "$HERE/$(basename "$0")" "$@"
fi

WORK=$(mktemp -d /tmp/bpfx-app.XXXXXX)
chmod 755 "$WORK"
PIDS=()
CAPS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do
        if kill -0 "$p" 2>/dev/null; then
            kill -TERM "$p" 2>/dev/null || true
            wait "$p" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip link set lo up

capture() {  # capture IFACE FILE FILTER: start tcpdump, wait until it listens
    rm -f "$2"
    tcpdump -i "$1" -w "$2" -U --immediate-mode "$3" 2> "$WORK/tcpdump-$1.err" &
    CAPS+=("$!")
    PIDS+=("$!")
    for i in $(seq 1 100); do
        grep -q "listening on" "$WORK/tcpdump-$1.err" && [ -e "$2" ] && break
        sleep 0.1
    done
    sleep 0.3
}
stop_captures() {  # tcpdump writes out what it has on SIGTERM
    sleep 0.5
    local p
    for p in "${CAPS[@]}"; do
        kill -TERM "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    CAPS=()
}

# ------------------------------------------------------------- the servers
mkdir -p "$WORK/www" "$WORK/tftp"
printf '<html><body>bpfx</body></html>\n' > "$WORK/www/index.html"
printf 'hello over tftp\n' > "$WORK/tftp/hello.txt"
: > "$WORK/tftp/upload.txt"
chmod 666 "$WORK/tftp/upload.txt"
printf 'uploaded line\n' > "$WORK/upload.txt"

python3 -m http.server 80 --bind 127.0.0.1 --directory "$WORK/www" > "$WORK/http.log" 2>&1 &
PIDS+=("$!")
cat > "$WORK/chrony-server.conf" <<EOF
port 123
bindaddress 127.0.0.1
allow 127.0.0.1
local stratum 8
cmdport 0
pidfile $WORK/chrony-server.pid
driftfile $WORK/chrony.drift
EOF
chronyd -d -x -u root -f "$WORK/chrony-server.conf" > "$WORK/chrony-server.log" 2>&1 &
PIDS+=("$!")
# all addresses: "-a 127.0.0.1" fails to resolve where lo is the only
# interface (getaddrinfo's AI_ADDRCONFIG); the namespace has nothing else
in.tftpd -L -c -s "$WORK/tftp" > "$WORK/tftpd.log" 2>&1 &
PIDS+=("$!")
sleep 1

# ------------------------------------------------------------- app.pcap
capture lo app.pcap 'not icmp and not icmp6'

curl -s -o /dev/null http://127.0.0.1/
curl -s -o /dev/null -I http://127.0.0.1/index.html
curl -s -o /dev/null http://127.0.0.1/missing
curl -s -o /dev/null -d 'a=1&b=2' http://127.0.0.1/form || true

cat > "$WORK/chrony-client.conf" <<EOF
server 127.0.0.1 iburst maxsamples 4
cmdport 0
pidfile $WORK/chrony-client.pid
EOF
timeout 20 chronyd -Q -u root -f "$WORK/chrony-client.conf" > "$WORK/chrony-client.log" 2>&1 || true

logger -d -n 127.0.0.1 -P 514 --rfc3164 -t bpfx -p user.notice "hello from logger"
logger -d -n 127.0.0.1 -P 514 --rfc5424 -t bpfx -p local3.err "an error, RFC 5424"
logger -d -n 127.0.0.1 -P 514 --rfc3164 -t kern -p kern.emerg "kernel panic (not really)"
logger -d -n 127.0.0.1 -P 514 --rfc3164 -t cron -p cron.debug "tab	and ütf-8"

( cd "$WORK" && tftp 127.0.0.1 -m octet -c get hello.txt hello.copy ) || true
( cd "$WORK" && tftp 127.0.0.1 -m netascii -c get missing.txt ) || true
( cd "$WORK" && tftp 127.0.0.1 -m octet -c put upload.txt upload.txt ) || true

sleep 1.5
stop_captures

# ------------------------------------------------------------- dhcp.pcap
# a veth pair, its far end (v1) in a namespace of its own: the DHCP client
# there, and the far end of the VXLAN tunnel (the kernel would not
# encapsulate towards an address of its own namespace)
ip link add v0 type veth peer name v1
unshare --net sleep 120 &
PEER=$!
PIDS+=("$PEER")
sleep 0.2
ip link set v1 netns "$PEER"
peer() { nsenter -t "$PEER" -n "$@"; }
ip link set v0 address 02:00:00:00:01:00
ip addr add 10.9.0.1/24 dev v0
ip link set v0 up
peer ip link set lo up
peer ip link set v1 address 02:00:00:00:01:01
peer ip link set v1 up
capture v0 dhcp.pcap 'udp port 67 or udp port 68'
dnsmasq --no-daemon --port=0 --interface=v0 --bind-interfaces --dhcp-authoritative \
    --dhcp-range=10.9.0.50,10.9.0.99,255.255.255.0,12h --dhcp-option=option:router,10.9.0.1 \
    --dhcp-option=option:dns-server,10.9.0.1 --domain=example.test --dhcp-leasefile="$WORK/leases" \
    --pid-file="$WORK/dnsmasq.pid" > "$WORK/dnsmasq.log" 2>&1 &
PIDS+=("$!")
sleep 1
timeout 20 nsenter -t "$PEER" -n udhcpc -i v1 -f -q -n -x hostname:bpfx-client -V bpfx-test -s /bin/true \
    > "$WORK/udhcpc.log" 2>&1 || true
stop_captures

# ------------------------------------------------------------- vxlan.pcap
# VNI 42 between 10.9.0.1 and 10.9.0.2 over the veth pair, port 4789
peer ip addr add 10.9.0.2/24 dev v1
capture v0 vxlan.pcap 'udp port 4789'
ip link add vx0 type vxlan id 42 local 10.9.0.1 remote 10.9.0.2 dstport 4789 dev v0
ip link set vx0 address 02:00:00:00:02:01
ip addr add 192.0.2.1/24 dev vx0
ip link set vx0 up
peer ip link add vx0 type vxlan id 42 local 10.9.0.2 remote 10.9.0.1 dstport 4789 dev v1
peer ip link set vx0 address 02:00:00:00:02:02
peer ip addr add 192.0.2.2/24 dev vx0
peer ip link set vx0 up
sleep 0.5
echo "inside vxlan" > /dev/udp/192.0.2.2/9 || true   # ARP first, then the datagram
echo "again" > /dev/udp/192.0.2.2/9 || true
peer bash -c 'echo "from the far end" > /dev/udp/192.0.2.1/9' || true
sleep 1
stop_captures

for f in app dhcp vxlan; do
    n=$(tcpdump -r "$f.pcap" 2>/dev/null | wc -l)
    [ "$n" -gt 0 ] || { echo "make-app.sh: $f.pcap is empty" >&2; exit 1; }
    TZ=UTC tcpdump -r "$f.pcap" -nn -vvv > "$f.pcap.tcpdump-nn-vvv.txt" 2>/dev/null
    echo "make-app.sh: $f.pcap, $(tcpdump -r "$f.pcap" 2>/dev/null | wc -l) packets"
done
