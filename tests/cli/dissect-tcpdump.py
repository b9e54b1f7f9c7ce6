#!/usr/bin/env python3
"""dissect-tcpdump.py: compare `bpfx dissect` with tcpdump -nn -vvv, packet
by packet, on the fields both print.

    dissect-tcpdump.py [--absolute] DISSECT_OUTPUT TCPDUMP_NN_VVV_TXT

The tcpdump text is examples/FILE.tcpdump-nn-vvv.txt (made by tcpdump
4.99.3), so no tcpdump is needed.  Compared: IPv4 ttl, id, length and DF;
IPv6 flow label, hop limit and payload length; source and destination
addresses and ports; TCP flags (as tcpdump's Flags [...]); TCP/UDP/ICMPv6
checksum field and verdict (and the value tcpdump says it should be), TCP
window and payload length; ICMP echo id and seq.  With --absolute the text
was made with tcpdump -S, whose TCP sequence and acknowledgment numbers are
the fields' values, and those are compared too (without -S tcpdump prints
them relative to the first of the connection).  Prints each difference;
exit 1 if any, else prints the number of values compared."""
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
        m = re.search(r"(?:proto|next-header) (TCP|UDP) \(", line)
        if m and cur is not None and "l4" not in cur:
            cur["l4"] = m[1]
        m = re.search(r"(?:^|\) |    )([0-9a-f.:]+) > ([0-9a-f.:]+): ", line)
        if m and cur is not None and "src" not in cur:
            if cur.get("l4"):  # ADDRESS.PORT
                (src, sport), (dst, dport) = m[1].rsplit(".", 1), m[2].rsplit(".", 1)
                cur.update(src=src, dst=dst, sport=sport, dport=dport)
            else:
                cur.update(src=m[1], dst=m[2])
        m = re.search(r": Flags \[([^\]]*)\]", line)
        if m:
            cur.update(flags=m[1])
        m = re.search(r"Flags \[[^\]]*\],.* seq (\d+)(?::\d+)?, ack (\d+),", line)
        if m and ABSOLUTE:
            cur.update(seq=m[1], ack=m[2])
        m = re.search(r"Flags \[[^\]]*\],.* seq (\d+)(?::\d+)?, win", line)
        if m and ABSOLUTE:
            cur.update(seq=m[1])
        m = re.search(r"Flags \[[^\]]*\],.* win (\d+),.* length (\d+)", line)
        if m:
            cur.update(win=m[1], paylen=m[2])
        m = re.search(r"ICMP6?,? echo (?:request|reply), id (\d+), seq (\d+)", line)
        if m:
            cur.update(echoid=m[1], echoseq=m[2])
    return pkts


# the flag bits in the order tcpdump prints them (print-tcp.c tcp_flag_values)
FLAGBITS = {"FIN": "F", "SYN": "S", "RST": "R", "PSH": "P", "ACK": ".", "URG": "U", "ECE": "E", "CWR": "W"}


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
            if section in ("IPv4 header", "IPv6 header") and name in ("source", "destination") and "src" not in cur.get("done", ""):
                cur["src" if name == "source" else "dst"] = first
                if name == "destination":
                    cur["done"] = "src"  # the outer header's; a tunnel's inner ones are not tcpdump's first
            if name in ("source port", "destination port") and section in ("TCP header", "UDP header") and "sport" not in cur.get("done2", ""):
                cur["sport" if name == "source port" else "dport"] = first
                if name == "destination port":
                    cur["done2"] = "sport"
            if section == "TCP header" and name in FLAGBITS:
                # tcpdump's Flags [...], built from the bits dissect shows
                if first == "1":
                    cur["bits"] = cur.get("bits", "") + name
                cur["flags"] = "".join(c for n, c in FLAGBITS.items() if n in cur.get("bits", "")) or "none"
            if section == "TCP header" and name in ("sequence number", "ack number"):
                cur["seq" if name == "sequence number" else "ack"] = first
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


ABSOLUTE = len(sys.argv) > 1 and sys.argv[1] == "--absolute"


def main():
    args = sys.argv[2:] if ABSOLUTE else sys.argv[1:]
    d, t = dissect_packets(args[0]), tcpdump_packets(args[1])
    bad = 0
    compared = 0
    if len(d) != len(t):
        print("packets: dissect %d, tcpdump %d" % (len(d), len(t)))
        return 1
    kinds = {}
    for i, (dp, tp) in enumerate(zip(d, t), 1):
        tp.pop("l4", None)
        for k, v in tp.items():
            kinds[k] = kinds.get(k, 0) + 1
            compared += 1
            if dp.get(k) != v:
                print("packet %d: %s: dissect %s, tcpdump %s" % (i, k, dp.get(k), v))
                bad += 1
    if bad:
        return 1
    print("%d values agree over %d packets (%s)" % (compared, len(t), ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    return 0


sys.exit(main())
