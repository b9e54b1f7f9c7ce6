#!/usr/bin/env python3
"""mkslip.py: a capture of SLIP packets with their 16-byte link header
(LINKTYPE_SLIP), well-formed and not, for compare.py (the decoder against
tcpdump): both directions and a bad one, IPv4 and IPv6, uncompressed TCP,
other compression bytes, Van Jacobson compressed TCP, a version that is
neither; and copies of rich
packets cut short at every byte.  The expected output is whatever tcpdump
prints for them.
usage: mkslip.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import tcp, udp, with_cuts, write  # IP framing (the IP packet is its tail)

LINKTYPE = 8  # LINKTYPE_SLIP


def slip(direction, chdr, ip, conn=None):
    hdr = bytes([direction, chdr]) + ip[:14]
    if conn is not None:  # uncompressed TCP: the connection number in the protocol byte
        hdr = hdr[:10] + bytes([conn]) + hdr[11:]
    return hdr + ip


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    t = tcp(1234, 80, b"GET /")[14:]
    good = [slip(0, 0x45, ip), slip(1, 0x45, ip6), slip(0, 0x70, t, conn=3), slip(1, 0x70, t[:24], conn=4),
            slip(7, 0x45, ip), slip(0x30, 0x30, ip), slip(0, 0x20, ip), slip(1, 0x00, ip6),
            slip(0, 0x45, b"\x30" + ip[1:]), slip(0, 0x45, b""), bytes(10)]
    # Van Jacobson compressed TCP (decospf): every change field, both
    # forms of a change, the two special cases, a new connection
    def vj(direction, chdr):
        return bytes([direction]) + (chdr + bytes(15))[:15] + t
    vjs = [slip(1, 0x70, t, conn=9)]
    for h in (b"\xc0\x03\x12\x34", b"\x80\x12\x34", b"\xcb\x03\x12\x34", b"\x8f\x12\x34", b"\xef\x05\x12\x34\x00\x01\x02",
              b"\x81\x12\x34\x00\x10\x00", b"\x82\x12\x34\xff", b"\x82\x12\x34\x00\xff\x00", b"\x82\x12\x34\x00\x7f\xff",
              b"\xbf\x12\x34\x01\x02", b"\xa4\x12\x34\x00\x00\x10\x07", b"\xc8\x09\x12\x34\x00\x12\x34", b"\x80"):
        vjs += [vj(0, h), vj(1, h), vj(5, h)]
    good += vjs
    return with_cuts(good, (good[0], good[2], vjs[6], vjs[13]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
