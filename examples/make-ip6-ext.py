#!/usr/bin/env python3
"""make-ip6-ext.py - write ip6-ext.pcap: IPv6 TCP and UDP behind extension headers.

Unlike the other examples this capture is built byte by byte (no network
needed, deterministic): 8 Ethernet frames from 2001:db8::1 to 2001:db8::2
(documentation addresses, RFC 3849), each a TCP or UDP packet behind a
different IPv6 extension-header chain, for the tutorial's section on
`--ip6-transport`.  Checksums are computed, so tcpdump -vvv reports them
good.  Then `TZ=UTC tcpdump -r ip6-ext.pcap -nn -vvv` makes the reference
text next to it, as for the other captures.

    python3 examples/make-ip6-ext.py
"""
import os
import struct
import subprocess
import sys

SRC = bytes.fromhex("20010db8000000000000000000000001")
DST = bytes.fromhex("20010db8000000000000000000000002")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "tools"))
from pcapbytes import csum, pcap_header, pcap_record  # noqa: E402


def l4sum(proto, seg):
    pseudo = SRC + DST + struct.pack("!IxxxB", len(seg), proto)
    return csum(pseudo + seg)


def tcp(sport, dport, flags, payload=b"", seq=1000, ack=0):
    # 20-byte header + 12 bytes of options (nop, nop, timestamps): data offset 8
    opts = b"\x01\x01\x08\x0a" + struct.pack("!II", 123456, 0)
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 8 << 4, flags, 65535, 0, 0) + opts
    seg = hdr + payload
    c = l4sum(6, seg)
    return 6, seg[:16] + struct.pack("!H", c) + seg[18:]


def udp(sport, dport, payload, length=None):
    n = 8 + len(payload)
    seg = struct.pack("!HHHH", sport, dport, n, 0) + payload
    c = l4sum(17, seg) or 0xFFFF
    return 17, seg[:6] + struct.pack("!H", c) + seg[8:]


def opts_hdr(nh, size):  # hop-by-hop or destination options, PadN-filled
    body = size - 2
    return struct.pack("!BB", nh, size // 8 - 1) + bytes([1, body - 2]) + bytes(body - 2)


def routing(nh):  # type 0... is deprecated; segment routing (type 4), one segment
    return struct.pack("!BBBBBBH", nh, 2, 4, 0, 0, 0, 0) + DST


def ah(nh):  # AH, 12-byte ICV: length field (24 / 4) - 2 = 4
    return struct.pack("!BBHII", nh, 4, 0, 0x1000, 1) + bytes(12)


def frag(nh, offset, more, ident=0x1234):
    return struct.pack("!BBHI", nh, 0, (offset << 3) | more, ident)


def packet(chain, l4):
    """chain: list of (type, builder(nh) -> bytes); l4: (proto, bytes) or (nh, raw)."""
    nh, payload = l4
    body = payload
    for typ, build in reversed(chain):
        body = build(nh) + body
        nh = typ
    ip6 = struct.pack("!IHBB", 6 << 28, len(body), nh, 64) + SRC + DST
    eth = bytes.fromhex("020000000002020000000001") + b"\x86\xdd"
    return eth + ip6 + body


def main():
    get = b"GET /hello.txt HTTP/1.1\r\nHost: [2001:db8::2]:8080\r\n\r\n"
    dns = bytes.fromhex("abcd01000001000000000000") + b"\x07example\x03com\x00\x00\x01\x00\x01"
    big = dns + bytes(1200)
    _, whole = udp(40001, 53, big)
    first, rest = whole[:1232 - 8 - 40], whole[1232 - 8 - 40:]
    pkts = [
        packet([], tcp(40000, 8080, 0x02)),
        packet([(0, lambda nh: opts_hdr(nh, 8))], tcp(40000, 8080, 0x02)),
        packet([(0, lambda nh: opts_hdr(nh, 8)), (60, lambda nh: opts_hdr(nh, 16))],
               tcp(40000, 8080, 0x18, get, 1001, 2001)),
        packet([(43, routing)], tcp(40000, 8080, 0x10, b"", 1001 + len(get), 2001)),
        packet([(51, ah)], tcp(8080, 40000, 0x18, b"HTTP/1.1 200 OK\r\n\r\n", 2001, 1001 + len(get))),
        packet([(44, lambda nh: frag(nh, 0, 1))], (17, first)),
        packet([(44, lambda nh: frag(nh, len(first) // 8, 0))], (17, rest)),
        packet([(60, lambda nh: opts_hdr(nh, 8)), (44, lambda nh: frag(nh, 0, 0, 0x99))],
               udp(40002, 53, dns)),
    ]
    path = os.path.join(HERE, "ip6-ext.pcap")
    with open(path, "wb") as f:
        f.write(pcap_header(1))
        for i, p in enumerate(pkts):
            f.write(pcap_record(1795000000 + i, 1000 * i, p))
    with open(path + ".tcpdump-nn-vvv.txt", "wb") as out:
        subprocess.run(["tcpdump", "-r", path, "-nn", "-vvv"], stdout=out,
                       stderr=subprocess.DEVNULL, env=dict(os.environ, TZ="UTC"), check=True)


if __name__ == "__main__":
    main()
