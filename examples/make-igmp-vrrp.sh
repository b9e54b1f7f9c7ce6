#!/usr/bin/env bash
# make-igmp-vrrp.sh - regenerate examples/igmp-vrrp.pcap: real IGMP and
# VRRP traffic between two network namespaces.
#
# Two namespaces, bpfx-ex-a and bpfx-ex-b, joined by a veth pair
# (192.0.2.1/24 and fd00:2::1/64 on a, the same .2 / ::2 on b).  On b a
# Linux bridge with the multicast querier on sends IGMP general and
# group-specific queries (version 2, then 3); on a, a few lines of Python
# join and leave groups as IGMPv3 (any source, then source-specific with
# INCLUDE/EXCLUDE changes), IGMPv2 and IGMPv1 hosts
# (force_igmp_version), answering the queries.  Then keepalived (Debian
# package keepalived) runs a VRRP router in each namespace, VRRPv2 with
# simple-text authentication and VRRPv3 over IPv4 and IPv6, for a few
# seconds each.  The capture is tcpdump on a's end of the veth.  Nothing
# leaves the namespaces.
#
# Run as root (namespaces and tcpdump need it):  sudo bash examples/make-igmp-vrrp.sh
#
# Produces, next to this script:
#   igmp-vrrp.pcap                     the capture
#   igmp-vrrp.pcap.tcpdump-nn-vvv.txt  `TZ=UTC tcpdump -r igmp-vrrp.pcap -nn -vvv`
#
# Every process and namespace it makes is removed again on exit (also on
# error).

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"

ME=make-igmp-vrrp.sh WHY_ROOT="namespaces and tcpdump need it"
. ./capture-lib.sh
need tcpdump tcpdump
need ip iproute2
need python3 python3
need keepalived keepalived

A=bpfx-ex-a
B=bpfx-ex-b
cleanup_more() {  # capture-lib.sh's cleanup calls it
    ip netns del "$A" 2>/dev/null || true
    ip netns del "$B" 2>/dev/null || true
}

ip netns add "$A"
ip netns add "$B"
ip link add va netns "$A" type veth peer name vb netns "$B"
ip -n "$B" link add br0 type bridge mcast_snooping 1 mcast_querier 1 \
    mcast_startup_query_interval 100 mcast_startup_query_count 2 mcast_last_member_interval 50 \
    mcast_query_use_ifaddr 1 mcast_igmp_version 3
ip -n "$B" link set vb master br0
for ns in "$A" "$B"; do
    ip -n "$ns" link set lo up
done
ip -n "$A" addr add 192.0.2.1/24 dev va
ip -n "$A" addr add fd00:2::1/64 dev va nodad
ip -n "$B" addr add 192.0.2.2/24 dev br0
ip -n "$B" addr add fd00:2::2/64 dev br0 nodad
ip -n "$A" link set va up

# the capture, from before the bridge starts querying
ip netns exec "$A" tcpdump -i va -U -s 0 -w "$WORK/cap.pcap" 'igmp or ip proto 112 or ip6 proto 112' \
    2>"$WORK/tcpdump.err" &
PIDS+=($!)
sleep 2
ip -n "$B" link set vb up
ip -n "$B" link set br0 up

# A host joining and leaving groups: each line "join G [SRC...]",
# "block G SRC" (leave one source), "leave G [SRC...]" or "sleep S".
cat >"$WORK/host.py" <<'EOF'
import socket, struct, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
IF = socket.inet_aton("192.0.2.1")
# <linux/in.h>; Python's socket module lacks the source-specific ones
IP_BLOCK_SOURCE, IP_ADD_SOURCE_MEMBERSHIP, IP_DROP_SOURCE_MEMBERSHIP = 38, 39, 40
def any_source(g):
    return socket.inet_aton(g) + IF
def source(g, src):  # struct ip_mreq_source: group, interface, source
    return socket.inet_aton(g) + IF + socket.inet_aton(src)
for line in sys.argv[1:]:
    w = line.split()
    if w[0] == "sleep":
        time.sleep(float(w[1]))
    elif w[0] == "join" and len(w) == 2:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, any_source(w[1]))
    elif w[0] == "join":
        for src in w[2:]:
            s.setsockopt(socket.IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, source(w[1], src))
    elif w[0] == "block":
        s.setsockopt(socket.IPPROTO_IP, IP_BLOCK_SOURCE, source(w[1], w[2]))
    elif w[0] == "leave" and len(w) == 2:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, any_source(w[1]))
    else:
        for src in w[2:]:
            s.setsockopt(socket.IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP, source(w[1], src))
EOF
host() { ip netns exec "$A" python3 "$WORK/host.py" "$@"; }
igmp_version() {  # the version a's host speaks, and b's querier
    ip netns exec "$A" sh -c "echo $1 > /proc/sys/net/ipv4/conf/va/force_igmp_version"
    ip -n "$B" link set br0 type bridge mcast_igmp_version "$2"
}

# version 3 first: a v2 query puts the host in v2 mode for minutes
igmp_version 0 3
host "join 239.1.1.1" "sleep 3" "join 232.1.1.1 10.0.0.1 10.0.0.2 10.0.0.3" "sleep 1" \
    "leave 232.1.1.1 10.0.0.2" "sleep 1" "block 239.1.1.1 10.9.9.9" "sleep 1" \
    "leave 232.1.1.1 10.0.0.1 10.0.0.3" "leave 239.1.1.1" "sleep 1"
igmp_version 0 2
host "join 239.2.2.2" "sleep 3" "leave 239.2.2.2" "sleep 1"
igmp_version 2 2
host "join 239.3.3.3" "sleep 1.5" "leave 239.3.3.3" "sleep 1"
igmp_version 1 2
host "join 239.4.4.4" "sleep 1.5" "leave 239.4.4.4" "sleep 1"

# VRRP: one keepalived per namespace, three instances
keepalived_conf() {  # NS IFACE PRIO
    cat <<EOF
global_defs {
    router_id $1
    vrrp_version 2
    enable_script_security
}
vrrp_instance v2 {
    state BACKUP
    interface $2
    virtual_router_id 42
    priority $3
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass bpfx
    }
    virtual_ipaddress {
        192.0.2.100/24
        192.0.2.101/24
    }
}
vrrp_instance v3 {
    state BACKUP
    interface $2
    version 3
    virtual_router_id 43
    priority $3
    advert_int 0.5
    virtual_ipaddress {
        192.0.2.102/24
    }
}
vrrp_instance v3ipv6 {
    state BACKUP
    interface $2
    version 3
    virtual_router_id 44
    priority $3
    advert_int 1
    virtual_ipaddress {
        fd00:2::100/64
    }
}
EOF
}
keepalived_conf "$A" va 100 >"$WORK/a.conf"
keepalived_conf "$B" br0 150 >"$WORK/b.conf"
ip netns exec "$A" keepalived -n -P -f "$WORK/a.conf" -p "$WORK/a.pid" -r "$WORK/a.vrrp.pid" \
    >"$WORK/a.log" 2>&1 &
PIDS+=($!)
ip netns exec "$B" keepalived -n -P -f "$WORK/b.conf" -p "$WORK/b.pid" -r "$WORK/b.vrrp.pid" \
    >"$WORK/b.log" 2>&1 &
PIDS+=($!)
sleep 6

stop_pids "${PIDS[@]}"
PIDS=()
cp "$WORK/cap.pcap" igmp-vrrp.pcap
TZ=UTC tcpdump -r igmp-vrrp.pcap -nn -vvv >igmp-vrrp.pcap.tcpdump-nn-vvv.txt 2>/dev/null
echo "make-igmp-vrrp.sh: $(TZ=UTC tcpdump -r igmp-vrrp.pcap -nn 2>/dev/null | wc -l) packets in examples/igmp-vrrp.pcap"
