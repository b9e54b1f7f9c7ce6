#!/usr/bin/env python3
"""mkppp.py: a capture of PPP frames (LINKTYPE_PPP), well-formed and not,
for compare.py (the decoder against tcpdump): with and without the
address and control bytes, pppd's direction bytes, compressed protocol
fields, IPv4, IPv6, MPLS, multilink PPP, compressed data, protocols tcpdump
only names or does not know (their payload in hex), frames cut short; and
copies of rich frames cut short at every byte.  The expected output is
whatever tcpdump prints for them.
usage: mkppp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # IP/UDP framing (the IP packet is its tail)

LINKTYPE = 9  # LINKTYPE_PPP


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    good = [b"\xff\x03\x00\x21" + ip, b"\x00\x21" + ip, b"\x21" + ip, b"\xff\x03\x00\x57" + ip6,
            b"\x00\x03\x00\x21" + ip, b"\x01\x03\x00\x57" + ip6, b"\xff\x03\x02\x81\x00\x01\x01\x40" + ip,
            b"\xff\x03\x02\x83\x00\x01\x01\x40" + ip, b"\xff\x03\x08\x00" + ip, b"\xff\x03\x86\xdd" + ip6,
            b"\xff\x03\x00\x3d\x80\x05" + ip, b"\xff\x03\x00\x3d\x4f\xff", b"\xff\x03\x00\x3d\x00\x01",
            b"\xff\x03\x00\x3d\xc0\x01", b"\xff\x03\x00\x3d\x12", b"\xff\x03\x00\xfd\x01\x02",
            b"\xff\x03\x00\x31abcdefghijklmnopqrstu", b"\xff\x03\x12\x34abc", b"\xff\x03\xc0\x25" + bytes(20),
            b"\x3d\x80\x01", b"\xfd\x00", b"\xff\x03\x00\x2f" + ip, b"\xff\x03\x00\x2d\x01\x02\x03",
            b"\xff\x03", b"\xff\x03\x00", b"\x00\x21", b"\x21"]
    return with_cuts(good, (good[0], good[10], good[16]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
