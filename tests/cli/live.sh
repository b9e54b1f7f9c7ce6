#!/bin/sh
# live.sh: `bpfx filter -i lo` hands bpfx's own program to the kernel, and
# the kernel then keeps the packets tcpdump's (libpcap's) program keeps.
# On 127.0.0.1 only: a RESP server on port 10000 (redis-server when
# installed, else a small python3 one) and an echo server on port 2013;
# bpfx and tcpdump capture at the same time, one pair per expression, while
# a client sends the RESP ping and the port-2013 exchange; then SIGINT
# ends every capture.  Compared: the packets of this test's own
# connections (other traffic on lo may come and go), byte for byte.
# Also: -D lists what tcpdump -D lists, and the counts printed on SIGINT.
# Root only (skips otherwise); bounded: every wait has a limit.
. "${srcdir:-.}/tests/cli/filter-lib.sh"
[ "$(id -u)" = 0 ] || { echo "SKIP: not root: live capture needs CAP_NET_RAW"; exit 77; }
command -v tcpdump >/dev/null 2>&1 || { echo "SKIP: tcpdump not installed"; exit 77; }
PY=/usr/bin/python3
[ -x $PY ] || { echo "SKIP: $PY not installed"; exit 77; }
compiler_ready || { echo "SKIP: compiler not ready"; exit 77; }

# --- -D: tcpdump's list ---
run 0 $B filter -D
tcpdump -D >"$T/want" 2>/dev/null
cmp -s "$T/want" "$T/out" && pass || { fail "-D differs from tcpdump -D"; diff "$T/want" "$T/out" | head -5; }
run 2 $B filter -i bpfx-no-such-if0 tcp; err_has "bpfx filter: bpfx-no-such-if0: "
run 2 $B filter -i lo -r "$T/x.pcap"; err_has "not both"
run 2 $B filter -i lo -Q sideways; err_has "-Q is in, out or inout"

# Two live tests at once would share ports 10000 and 2013: take turns.
exec 9>"${TMPDIR:-/tmp}/bpfx-live-test.lock"
flock -w 120 9 || { echo "SKIP: another live test held the lock for 2 minutes"; exit 77; }

pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

# --- servers on 127.0.0.1 ---
if command -v redis-server >/dev/null 2>&1; then
	redis-server --port 10000 --bind 127.0.0.1 --save '' --appendonly no >"$T/redis.log" 2>&1 &
	pids="$pids $!"
	server="redis-server"
else
	server="python3 RESP server"
	$PY - >"$T/resp.log" 2>&1 <<'EOF' &
import socketserver
class H(socketserver.BaseRequestHandler):
    def handle(self):
        while self.request.recv(4096):
            self.request.sendall(b"+PONG\r\n")
socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", 10000), H).serve_forever()
EOF
	pids="$pids $!"
fi
$PY - >"$T/echo.log" 2>&1 <<'EOF' &
import socketserver
class H(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            d = self.request.recv(4096)
            if not d:
                return
            self.request.sendall(d)
socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("127.0.0.1", 2013), H).serve_forever()
EOF
pids="$pids $!"

E1='tcp port 10000 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)'
E2='tcp[tcpflags] & (tcp-syn|tcp-fin) != 0'
E3='tcp[13] & 16 != 0'

# --- one bpfx and one tcpdump capture per expression, all at once ---
# one line a packet (its hex lines joined), sorted
canon() { awk '/^[^\t]/ { if (p != "") print p; p = $0; next } { p = p " " $0 } END { if (p != "") print p }' "$1" | sort; }
n=0
for e in "$E1" "$E2" "$E3"; do
	n=$((n + 1))
	$B filter -i lo -U -w "$T/b$n.pcap" "$e" 2>"$T/b$n.err" &
	pids="$pids $!"
	eval "bpid$n=$!"
	tcpdump -i lo -U -w "$T/t$n.pcap" "$e" 2>"$T/t$n.err" &
	pids="$pids $!"
	eval "tpid$n=$!"
done
# ready: each has said "listening on" (filter set), at most 20 s
i=0
while [ $i -lt 200 ]; do
	ready=0
	for f in "$T"/b?.err "$T"/t?.err; do grep -q 'listening on' "$f" 2>/dev/null && ready=$((ready + 1)); done
	[ $ready -eq 6 ] && break
	sleep 0.1
	i=$((i + 1))
done
[ $ready -eq 6 ] || { fail "captures not listening after 20 s: $(cat "$T"/b1.err "$T"/t1.err)"; finish; }

# --- the client: RESP ping on 10000, an exchange on 2013 (servers may
# still be starting: retry the connection for up to 10 s) ---
$PY - >"$T/ports" 2>"$T/client.err" <<'EOF'
import socket, time
def conn(port):
    for _ in range(100):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.1)
    raise SystemExit("cannot connect to %d" % port)
ports = []
s = conn(10000)
ports.append(s.getsockname()[1])
s.sendall(b"*1\r\n$4\r\nping\r\n")
print("reply", s.recv(100))
s.close()
s = conn(2013)
ports.append(s.getsockname()[1])
for msg in (b"hello 2013\n", b"x" * 3000):
    s.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += s.recv(65536)
s.close()
print("ports", *ports)
EOF
[ $? -eq 0 ] && pass || fail "client: $(cat "$T/client.err")"
grep -q "PONG" "$T/ports" && pass || fail "no PONG from the $server: $(cat "$T/ports")"
ports=$(sed -n 's/^ports //p' "$T/ports")
ours=$(for p in $ports; do printf 'tcp port %s or ' "$p"; done; echo 'tcp port 0')

# every packet reaches both captures within the 1 s buffer timeout
sleep 2.5
for n in 1 2 3; do
	eval "kill -INT \$bpid$n \$tpid$n"
done
for n in 1 2 3; do
	eval "wait \$bpid$n"
	rc=$?
	[ $rc -eq 0 ] && pass || fail "bpfx capture $n: exit $rc on SIGINT: $(cat "$T/b$n.err")"
	eval "wait \$tpid$n"
done

n=0
for e in "$E1" "$E2" "$E3"; do
	n=$((n + 1))
	# the counts, as tcpdump prints them
	for w in captured "received by filter" "dropped by kernel"; do
		grep -Eq "^[0-9]+ packets? $w\$" "$T/b$n.err" && pass || fail "'$e': no '$w' count: $(cat "$T/b$n.err")"
	done
	got=$(tcpdump -r "$T/b$n.pcap" 2>/dev/null | wc -l)
	said=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$T/b$n.err")
	[ "$got" = "$said" ] && pass || fail "'$e': $said packets captured, the file holds $got"
	# this test's connections only, as tcpdump prints them; without
	# timestamps, which each capture socket takes for itself
	tcpdump -r "$T/b$n.pcap" -nn -t -x "$ours" >"$T/b$n.txt" 2>/dev/null
	tcpdump -r "$T/t$n.pcap" -nn -t -x "$ours" >"$T/t$n.txt" 2>/dev/null
	k=$(grep -c '^IP' "$T/t$n.txt")
	[ "$k" -gt 0 ] && pass || fail "'$e': tcpdump caught none of this test's packets"
	# as sets of packets: two capture sockets can see packets that two
	# CPUs send at once in different orders (it happened under ASan)
	if [ "$(canon "$T/t$n.txt")" = "$(canon "$T/b$n.txt")" ]; then
		pass
		echo "live '$e': $k packets of this test, the same in bpfx's and tcpdump's capture"
	else
		fail "'$e': bpfx's kernel filter and tcpdump's caught different packets"
		diff "$T/t$n.txt" "$T/b$n.txt" | grep '^[<>] IP' | head -4
	fi
done
# the payload filter took the RESP request and reply, not the handshake
grep -q '10000: Flags \[P' "$T/b1.txt" && pass || fail "E1 did not catch the RESP request"
grep -q 'Flags \[S\]' "$T/b1.txt" && fail "E1 caught a SYN" || pass
echo "servers: $server, python3 echo on 2013"
finish
