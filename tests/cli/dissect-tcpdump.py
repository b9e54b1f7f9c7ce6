#!/usr/bin/env python3
"""dissect-tcpdump.py: compare `bpfx dissect` with tcpdump -nn -vvv, packet
by packet, on the fields both print.

    dissect-tcpdump.py DISSECT_OUTPUT TCPDUMP_NN_VVV_TXT

The tcpdump text is examples/FILE.tcpdump-nn-vvv.txt (made by tcpdump
4.99.3), so no tcpdump is needed.  Compared: IPv4 ttl, id, length and DF;
IPv6 flow label, hop limit and payload length; TCP/UDP/ICMPv6 checksum
field and verdict (and the value tcpdump says it should be), TCP window and
payload length; ICMP echo id and seq.  Prints each difference; exit 1 if
any, else prints the number of values compared."""
import re
import sys


def tcpdump_packets(path):
    pkts, cur = [], None
    for line in open(path):
        if re.match(r"^\d\d:\d\d:\d\d\.\d{6} ", line):
            cur = {}
            pkts.append(cur)
        m = re.search(r"IP \(tos 0x[0-9a-f]+, ttl (\d+), id (\d+), offset (\d+), flags \[([^\]]*)\], "
                      r"proto \S+ \(\d+\), length (\d+)", line)
        if m:
            cur.update(ttl=m[1], id=m[2], frag=m[3], df="1" if "DF" in m[4] else "0", iplen=m[5])
        m = re.search(r"IP6 \(flowlabel (0x[0-9a-f]+), hlim (\d+), .*payload length: (\d+)\)", line)
        if m:
            cur.update(flow="0x%05x" % int(m[1], 16), hlim=m[2], plen6=m[3])
        m = re.search(r"cksum (0x[0-9a-f]{4}) \((correct|incorrect -> (0x[0-9a-f]{4}))\)", line)
        if m:
            cur.update(ck=m[1], ckok="correct" if m[2] == "correct" else m[3])
        m = re.search(r"\[bad udp cksum (0x[0-9a-f]+) -> (0x[0-9a-f]+)!\]", line)
        if m:
            cur.update(ck="0x%04x" % int(m[1], 16), ckok="0x%04x" % int(m[2], 16))
        if "[udp sum ok]" in line or "[icmp6 sum ok]" in line:
            cur.update(ckok="correct")
        m = re.search(r"Flags \[[^\]]*\],.* win (\d+),.* length (\d+)", line)
        if m:
            cur.update(win=m[1], paylen=m[2])
        m = re.search(r"ICMP6?,? echo (?:request|reply), id (\d+), seq (\d+)", line)
        if m:
            cur.update(echoid=m[1], echoseq=m[2])
    return pkts


def dissect_packets(path):
    pkts, cur, section = [], None, ""
    for line in open(path):
        if line.startswith("packet "):
            cur = {}
            pkts.append(cur)
            continue
        if re.match(r"^\S.*: (bytes|from byte|none)", line):
            section = line.split(":")[0]
            if section.endswith(" header"):
                cur["transport"] = section
        f = re.match(r"^ +\d+ +\d+  .{23}  .{22}  (.{16})  (.*)$", line)
        if f:
            name, val = f[1].strip(), f[2]
            first = val.split()[0] if val.split() else ""
            if section == "IPv4 header":
                key = {"time to live": "ttl", "identification": "id", "total length": "iplen", "flag DF": "df"}.get(name)
                if key:
                    cur[key] = first.rstrip(":")
                if name == "fragment offset":
                    cur["frag"] = re.search(r"= (\d+) bytes", val)[1]
            elif section == "IPv6 header":
                key = {"flow label": "flow", "hop limit": "hlim", "payload length": "plen6"}.get(name)
                if key:
                    cur[key] = first
            elif section == "TCP header" and name == "window":
                cur["win"] = first
            elif name == "checksum" and section in ("TCP header", "UDP header", "ICMPv6 header"):
                cur["ck"] = first
            elif name in ("identifier", "sequence number") and section.startswith("ICMP"):
                cur["echoid" if name == "identifier" else "echoseq"] = first
        m = re.match(r"^    the field holds (0x[0-9a-f]{4}): (correct|incorrect, it should be (0x[0-9a-f]{4}))", line)
        if m and section != "IPv4 header":
            cur["ckok"] = "correct" if m[2] == "correct" else m[3]
        m = re.match(r"^    = (\d+) bytes$", line)
        if m and cur.get("transport") == "TCP header":
            cur["paylen"] = m[1]
    return pkts


def main():
    d, t = dissect_packets(sys.argv[1]), tcpdump_packets(sys.argv[2])
    bad = 0
    compared = 0
    if len(d) != len(t):
        print("packets: dissect %d, tcpdump %d" % (len(d), len(t)))
        return 1
    for i, (dp, tp) in enumerate(zip(d, t), 1):
        for k, v in tp.items():
            compared += 1
            if dp.get(k) != v:
                print("packet %d: %s: dissect %s, tcpdump %s" % (i, k, dp.get(k), v))
                bad += 1
    if bad:
        return 1
    print("%d values agree over %d packets" % (compared, len(t)))
    return 0


sys.exit(main())
