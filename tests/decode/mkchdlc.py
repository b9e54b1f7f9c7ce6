#!/usr/bin/env python3
"""mkchdlc.py: a capture of Cisco HDLC frames (LINKTYPE_C_HDLC), well-formed
and not, for compare.py (the decoder against tcpdump): IPv4, IPv6, MPLS,
SLARP requests, replies and keepalives (with and without uptime, short,
with trailing bytes, unknown codes), OSI, unknown protocols, headers cut
short; and copies of rich frames cut short at every byte.  The expected
output is whatever tcpdump prints for them.
usage: mkchdlc.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # IP/UDP framing (the IP packet is its tail)

LINKTYPE = 104  # LINKTYPE_C_HDLC


def chdlc(proto, body, addr=0x0f):
    return struct.pack("!BBH", addr, 0, proto) + body


def slarp(code, a=0x0a000001, b=0xffffff00, rel=0xffff, uptime=None, extra=b""):
    m = struct.pack("!III", code, a, b) + struct.pack("!H", rel)
    if uptime is not None:
        m += struct.pack("!I", uptime)
    return m + extra


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    good = [chdlc(0x0800, ip), chdlc(0x86dd, ip6, addr=0x8f), chdlc(0x8847, b"\x00\x01\x01\x40" + ip),
            chdlc(0x8035, slarp(2, 5, 6, 0xffff, 7925000)), chdlc(0x8035, slarp(2, 5, 6, 0xff, 86400000 * 3 + 3723000)),
            chdlc(0x8035, slarp(2, 1, 2)), chdlc(0x8035, slarp(0)), chdlc(0x8035, slarp(1)),
            chdlc(0x8035, slarp(1, 0xc0a80001, 0xffff0000, 0, 0)), chdlc(0x8035, slarp(7, extra=b"abcdef")),
            chdlc(0x8035, slarp(2, uptime=1000, extra=b"junk")), chdlc(0x8035, slarp(2)[:10]),
            chdlc(0x8035, slarp(9)[:12]), chdlc(0xfefe, b"\x00\x83\x14\x01"), chdlc(0xfefe, b"\x83"),
            chdlc(0x0806, bytes(28)), chdlc(0x1234, b"xyz", addr=0x02), chdlc(0x0800, b""), b"\x0f\x00\x08",
            b"\x0f", chdlc(0x0800, ip[:10])]
    return with_cuts(good, (good[0], good[3], good[9]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
