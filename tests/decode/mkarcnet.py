#!/usr/bin/env python3
"""mkarcnet.py: a capture of ARCNET frames (LINKTYPE_ARCNET_BSD), well-formed
and not, for compare.py (the decoder against tcpdump): RFC 1051 frames
(old IP and ARP), RFC 1201 frames with IPv4, IPv6, ARP, RARP, AppleTalk,
IPX and unknown system codes, first and later fragments, exception
frames, diagnostics, headers cut short; and copies of rich frames cut
short at every byte.  The expected output is whatever tcpdump prints.
usage: mkarcnet.py OUT.pcap"""
import os, struct, sys

LINKTYPE = 7  # LINKTYPE_ARCNET_BSD
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # IP/UDP framing (the IP packet is its tail)


def arp(op, sha, spa, tha, tpa):
    """An ARP message over ARCNET: hardware type 7, 1-byte addresses."""
    return struct.pack("!HHBBH", 7, 0x0800, 1, 4, op) + bytes([sha]) + spa + bytes([tha]) + tpa


def old(src, dst, code, body):
    return bytes([src, dst, code]) + body


def new(src, dst, code, body, flag=0, seq=0x1234, exc=False):
    if exc:
        return bytes([src, dst, code, 0xff, 0xff, 0xff, code, flag]) + struct.pack("!H", seq) + body
    return bytes([src, dst, code, flag]) + struct.pack("!H", seq) + body


def ddp(dnet, snet, dnode, snode, dskt, sskt, typ, body):
    """An AppleTalk datagram with the long header (its checksum 0)."""
    return struct.pack("!HHHHBBBBB", 13 + len(body), 0, dnet, snet, dnode, snode, dskt, sskt, typ) + body


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    a, b = b"\x0a\x00\x00\x01", b"\x0a\x00\x00\xfe"
    good = [
        old(0xbe, 0x50, 240, ip), old(0xbe, 0x00, 241, arp(1, 0xbe, a, 0, b)), old(0x50, 0xbe, 241, arp(2, 0x50, b, 0xbe, a)),
        new(0xbe, 0x50, 212, ip), new(0xbe, 0x50, 0xc4, ip6), new(0xbe, 0, 213, arp(1, 0xbe, a, 0, b)),
        new(0xbe, 0, 214, arp(3, 0xbe, a, 0xbe, a)), new(0xbe, 0x50, 212, ip, flag=3), new(0xbe, 0x50, 212, ip, flag=4),
        new(0xbe, 0x50, 212, ip, flag=1, exc=True), new(0xbe, 0x50, 212, ip, exc=True), new(1, 2, 221, bytes(20)),
        new(1, 2, 221, bytes(5)), new(1, 2, 250, bytes(30)), new(1, 2, 247, b"banyan"), new(1, 2, 0x33, b"unknown code"),
        old(1, 2, 0x80, b"diagnostics"), new(1, 2, 212, b""), new(1, 2, 212, b"", exc=True)[:8], b"\x01\x02\xd4\x00",
        b"\x01\x02", b"\x01",
    ]
    # DDP: named and unknown types, named sockets, broadcast nodes (atalk.c)
    good += [new(1, 2, 221, ddp(dn, sn, dnode, snode, dskt, sskt, t, body)) for dn, sn, dnode, snode, dskt, sskt, t, body in (
        (0x1234, 0x5678, 9, 10, 4, 250, 0, b"abc"), (1, 2, 3, 4, 1, 2, 1, b"x" * 10), (0xff00, 2, 255, 4, 200, 254, 4, b"z" * 4),
        (1, 2, 3, 4, 5, 5, 5, b""), (1, 2, 0, 255, 6, 6, 22, b"a"), (1, 2, 3, 4, 6, 7, 23, b"ab"), (1, 2, 3, 4, 6, 7, 0x4b, b""),
        (1, 2, 3, 4, 6, 7, 7, b"abcd"), (1, 2, 3, 4, 6, 7, 255, b"abcd"))]
    return with_cuts(good, (good[1], good[3], good[9], good[-9]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
