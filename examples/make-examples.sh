#!/usr/bin/env bash
# make-examples.sh - regenerate the example captures in this directory.
#
# Everything happens on the loopback interface `lo`: every server is bound
# to 127.0.0.1 or ::1 and every client talks only to those addresses.
# Nothing leaves this machine.
#
# Run as root (tcpdump needs it):   sudo bash examples/make-examples.sh
#
# Produces, next to this script:
#   handshake-2013.pcap     TCP daytime-style session on 127.0.0.1:2013
#   redis-ping-10000.pcap   Redis PING/PONG against redis-server on 127.0.0.1:10000
#   mixed.pcap              HTTP (v4+v6), a RST, UDP 53/5353, ICMP/ICMPv6 echo
#   *.pcap.tcpdump-nn-vvv.txt   `TZ=UTC tcpdump -r FILE -nn -vvv` of each capture
#
# Idempotent: old outputs are replaced; every process it starts is stopped
# again on exit (also on error or Ctrl-C).

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"

ME=make-examples.sh WHY_ROOT="tcpdump -i lo needs it"
. ./capture-lib.sh

# Never let an http(s)_proxy setting send our HTTP requests anywhere else.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY || true
export no_proxy='*' NO_PROXY='*'

# ---------------------------------------------------------------- packages
need tcpdump      tcpdump
need redis-server redis-server
need ping         iputils-ping
need curl         curl
need python3      python3

wait_port() {  # wait_port HOST PORT : until a TCP listener answers
    local i
    for i in $(seq 1 100); do
        if python3 - "$1" "$2" <<'EOF' 2>/dev/null
import socket, sys
fam = socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET
s = socket.socket(fam, socket.SOCK_STREAM)
s.settimeout(0.2)
s.connect((sys.argv[1], int(sys.argv[2])))
s.close()
EOF
        then return 0; fi
        sleep 0.1
    done
    echo "make-examples.sh: nothing listening on $1 port $2" >&2
    return 1
}

# ================================================================ 1. handshake-2013.pcap
# A daytime-like server: on accept it sends time.ctime() + "\n" (24 + 1 = 25
# bytes, e.g. "Sun Nov 23 11:09:40 2025\n") and closes.  The client reads to
# EOF, waits a moment (so its ACK of the server's FIN goes out on its own, as
# in the walkthrough), then closes.  Expected: S, S., ., P. (25), ., F., ., F., .
echo "== handshake-2013.pcap"
port_is_free tcp 2013 || { echo "port 2013 in use" >&2; exit 1; }
cat > "$WORK/daytime.py" <<'EOF'
import socket, time
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 2013))
srv.listen(1)
conn, _ = srv.accept()
msg = (time.ctime() + "\n").encode()
assert len(msg) == 25, msg
conn.sendall(msg)
conn.close()
srv.close()
EOF
start_bg python3 "$WORK/daytime.py"; SRV=$BG_PID
sleep 0.5   # bind before capture; no probe connection (server accepts once)
start_capture handshake-2013.pcap tcp port 2013
python3 - <<'EOF'
import socket, time
c = socket.create_connection(("127.0.0.1", 2013))
data = b""
while True:
    chunk = c.recv(100)
    if not chunk:
        break
    data += chunk
print("    client got %d bytes: %r" % (len(data), data))
time.sleep(0.3)
c.close()
EOF
wait "$SRV"
stop_capture

# ================================================================ 2. redis-ping-10000.pcap
echo "== redis-ping-10000.pcap"
port_is_free tcp 10000 || { echo "port 10000 in use" >&2; exit 1; }
mkdir -p "$WORK/redis"
start_bg redis-server --port 10000 --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize no --dir "$WORK/redis" --logfile "$WORK/redis/log"
REDIS=$BG_PID
wait_port 127.0.0.1 10000
start_capture redis-ping-10000.pcap tcp port 10000
python3 - <<'EOF'
import socket, time
c = socket.create_connection(("127.0.0.1", 10000))
c.sendall(b"*1\r\n$4\r\nping\r\n")
reply = c.recv(100)
print("    redis replied %r" % reply)
assert reply == b"+PONG\r\n", reply
time.sleep(0.1)
c.close()
EOF
stop_capture
kill -TERM "$REDIS"; wait "$REDIS" || true

# ================================================================ 3. mixed.pcap
echo "== mixed.pcap"
for p in 8080 2999; do port_is_free tcp $p || { echo "tcp port $p in use" >&2; exit 1; }; done
for p in 53 5353; do port_is_free udp $p || { echo "udp port $p in use" >&2; exit 1; }; done

# Web root: a small body and a 1000-byte body (-> an IPv4 packet > 576 bytes).
mkdir -p "$WORK/www"
printf 'hello, bpfx\n' > "$WORK/www/hello.txt"
python3 -c 'import sys; sys.stdout.write(("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\n" * 16)[:999] + "\n")' \
    > "$WORK/www/big.txt"
[ "$(wc -c < "$WORK/www/big.txt")" -eq 1000 ]

start_bg python3 -m http.server --bind 127.0.0.1 --directory "$WORK/www" 8080 >/dev/null 2>&1
start_bg python3 -m http.server --bind ::1       --directory "$WORK/www" 8080 >/dev/null 2>&1
wait_port 127.0.0.1 8080
wait_port ::1 8080

# UDP responder on 127.0.0.1:53 and 127.0.0.1:5353: echoes each datagram back
# with the DNS QR bit set, so tcpdump decodes query and answer.
cat > "$WORK/udpecho.py" <<'EOF'
import select, socket
socks = []
for port in (53, 5353):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    socks.append(s)
while True:
    r, _, _ = select.select(socks, [], [])
    for s in r:
        data, peer = s.recvfrom(2048)
        if len(data) >= 12:
            data = data[:2] + bytes([data[2] | 0x80]) + data[3:]
        s.sendto(data, peer)
EOF
start_bg python3 "$WORK/udpecho.py"; UDPSRV=$BG_PID
sleep 0.5

start_capture mixed.pcap \
    '(tcp port 8080 or tcp port 2999 or udp port 53 or udp port 5353' \
    'or icmp[icmptype] == icmp-echo or icmp[icmptype] == icmp-echoreply' \
    'or (icmp6 and (ip6[40] == 128 or ip6[40] == 129)))'

echo "    HTTP GET over IPv4 (small body)"
curl -sS --noproxy '*' -o /dev/null -w '    %{http_code} %{size_download} bytes\n' http://127.0.0.1:8080/hello.txt
sleep 0.2
echo "    HTTP GET over IPv4 (1000-byte body)"
curl -sS --noproxy '*' -o /dev/null -w '    %{http_code} %{size_download} bytes\n' http://127.0.0.1:8080/big.txt
sleep 0.2
echo "    HTTP GET over IPv6 (::1)"
curl -sS --noproxy '*' -g -o /dev/null -w '    %{http_code} %{size_download} bytes\n' 'http://[::1]:8080/hello.txt'
sleep 0.2
echo "    TCP connect to closed port 2999 (RST)"
python3 - <<'EOF'
import socket
try:
    socket.create_connection(("127.0.0.1", 2999), timeout=2)
    raise SystemExit("port 2999 unexpectedly open")
except ConnectionRefusedError:
    print("    refused, as expected")
EOF
sleep 0.2
echo "    UDP to 127.0.0.1:53 and :5353"
python3 - <<'EOF'
import socket, struct
def qname(name):
    return b"".join(bytes([len(l)]) + l.encode() for l in name.split(".")) + b"\0"
def query(qid, name, qtype):
    return struct.pack(">HHHHHH", qid, 0x0100 if qid else 0, 1, 0, 0, 0) + qname(name) + struct.pack(">HH", qtype, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
for port, pkt in ((53, query(0x1234, "example.com", 1)),          # A query
                  (5353, query(0, "_http._tcp.local", 12))):      # mDNS PTR query
    s.sendto(pkt, ("127.0.0.1", port))
    data, _ = s.recvfrom(2048)
    print("    port %d: sent %d, got %d bytes back" % (port, len(pkt), len(data)))
EOF
sleep 0.2
echo "    ICMP echo 127.0.0.1"
ping -n -c 2 -i 0.2 127.0.0.1 | sed 's/^/    /'
echo "    ICMPv6 echo ::1"
ping -6 -n -c 2 -i 0.2 ::1 | sed 's/^/    /'
stop_capture

# ---------------------------------------------------------------- reference decodes
echo "== reference output (tcpdump -r FILE -nn -vvv, TZ=UTC)"
for f in handshake-2013.pcap redis-ping-10000.pcap mixed.pcap; do
    TZ=UTC tcpdump -r "$f" -nn -vvv > "$f.tcpdump-nn-vvv.txt" 2>/dev/null
    printf '    %-24s %3d packets, %6d bytes\n' "$f" \
        "$(TZ=UTC tcpdump -r "$f" -nn 2>/dev/null | wc -l)" "$(wc -c < "$f")"
done
tcpdump --version 2>&1 | head -2 | sed 's/^/    /'
echo "done."
