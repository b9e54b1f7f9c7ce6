#!/usr/bin/env python3
"""mknonip.py: a capture of the non-IP frames and routing protocols of
issue 14 (helper decb) for compare.py (the decoder against tcpdump): ATA
over Ethernet (every command, flags and errors, counts that do not add
up), then the others as they are added; rich messages are also cut short
at every byte.  The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mknonip.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, write  # noqa: E402


def eth(etype, payload, pad=True):
    f = ETH_DST + ETH_SRC + struct.pack("!H", etype) + payload
    return f + bytes(60 - len(f)) if pad and len(f) < 60 else f


def aoe(flags, cmd, arg, err=0, ver=1, major=0x14, minor=0, tag=0x1234):
    return struct.pack("!BBHBBI", ver << 4 | flags, err, major, minor, cmd, tag) + arg


MAC = bytes([0x00, 0x11, 0x22, 0x33, 0x44, 0x55])


def aoe_messages():
    issue = struct.pack("!BBBB6BH", 0x40, 0, 2, 0x24, 1, 2, 3, 4, 5, 6, 0)
    query = struct.pack("!HHBBH", 16, 0x4019, 2, 0x13, 5) + b"conf\x01"
    return [
        aoe(0, 0, issue), aoe(8, 0, issue + bytes(512)), aoe(0, 0, struct.pack("!B", 0xff) + issue[1:]),
        aoe(0, 0, issue[:11]), aoe(0xc, 0, issue, err=2), aoe(0x4, 1, query, err=9),
        aoe(0, 1, query), aoe(8, 1, struct.pack("!HHBBH", 0, 0, 0, 0x07, 0)),
        aoe(8, 1, struct.pack("!HHBBH", 1, 1, 1, 0x21, 40) + b"short"),
        aoe(0, 1, struct.pack("!HHBBH", 1, 1, 1, 0x21, 1100) + bytes(1100)), aoe(0, 1, query[:7]),
        aoe(0, 2, struct.pack("!BBBB", 0, 1, 0, 2) + b"\x00\x01" + MAC + b"\x00\x07" + MAC),
        aoe(0, 2, struct.pack("!BBBB", 0, 5, 3, 0)), aoe(0, 2, struct.pack("!BBBB", 0, 0, 9, 3) + bytes(8)),
        aoe(0, 2, b"\0\0\0"), aoe(3, 3, struct.pack("!BB", 1, 2) + MAC + MAC),
        aoe(0, 3, struct.pack("!BB", 7, 0)), aoe(0, 3, struct.pack("!BB", 2, 2) + MAC),
        aoe(0, 3, struct.pack("!BB", 2, 1) + MAC + b"\x01"), aoe(0, 9, b"xyz"), aoe(0, 0, b"", ver=0),
        aoe(0, 0, b"", ver=2), aoe(0, 0, b"")[:9], b"",
    ]


def frames():
    out = []
    for m in aoe_messages():
        out.append((eth(0x88a2, m), None))
        out.append((eth(0x88a2, m, pad=False), None))
    # every cut of rich messages
    rich = [aoe(4, 2, struct.pack("!BBBB", 0, 1, 0, 2) + b"\x00\x01" + MAC + b"\x00\x07" + MAC, err=3),
            aoe(0, 3, struct.pack("!BB", 1, 2) + MAC + MAC), aoe(8, 1, struct.pack("!HHBBH", 16, 0x4019, 2, 0x13, 5) + b"conf\x01"),
            aoe(0, 0, struct.pack("!BBBB6BH", 0x40, 0, 2, 0x24, 1, 2, 3, 4, 5, 6, 0) + bytes(4))]
    for m in rich:
        f = eth(0x88a2, m, pad=False)
        for cut in range(14, len(f)):
            out.append((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
