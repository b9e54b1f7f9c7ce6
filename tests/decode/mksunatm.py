#!/usr/bin/env python3
"""mksunatm.py: a capture on the link type SUNATM (123) for compare.py (the
decoder against tcpdump, issue 14, helper pptp): OAM cells on the F4 flows
(VPI 0, VCI 3 and 4) of every cell and function type, loopback requests and
replies, AIS and RDI with failure locations, F4 and F5 cell headers with
every payload type, right and wrong CRC-10s, cells cut short at every
byte; the other reserved VCIs (Q.2931 signalling and SSCOP, broadcast,
meta, ILMI), LLC traffic, LANE; SunATM headers shorter than 4 bytes.
What tcpdump prints for them is the expected output; the records are the
same on every run.
usage: mksunatm.py OUT.pcap"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402  (the pcap writer)

LINKTYPE = 123  # DLT_SUNATM


def _table():
    t = []
    for i in range(256):
        acc = i << 2
        for _ in range(8):
            acc <<= 1
            if acc & 0x400:
                acc ^= 0x633
        t.append(acc & 0xffff)
    return t


CRC10 = _table()


def crc10(data):
    acc = 0
    for b in data:
        acc = ((acc << 8) & 0x3ff) ^ CRC10[(acc >> 2) & 0xff] ^ b
    return acc


def oam(celltype, func, body=b"", vpi=0, vci=3, pti=0, clp=0, good=True):
    """a cell: header with a HEC byte, then the 48-byte OAM payload"""
    hdr = struct.pack("!I", (vpi & 0xff) << 20 | (vci & 0xffff) << 4 | pti << 1 | clp) + b"\x5a"
    pay = bytes([celltype << 4 | func]) + body.ljust(45, b"\x6a")[:45]
    for c in range(1024):
        cell = pay + struct.pack("!H", c)
        if (crc10(cell) == 0) == good:
            return hdr + cell
    return hdr + pay + b"\0\0"


def sunatm(vci, data, vpi=0, flags=0x02):
    return struct.pack("!BBH", flags, vpi, vci) + data


def loopback(ind, tag=0x01020304):
    return bytes([ind]) + struct.pack("!I", tag) + bytes(range(0x10, 0x1c)) + bytes(range(0x20, 0x2c))


def frames():
    out = []
    add = out.append
    cells = [oam(1, 8, loopback(1)), oam(1, 8, loopback(0), vci=4), oam(1, 8, loopback(3), good=False),
             oam(1, 0, b"\x6a" + bytes(range(16))), oam(1, 1, b"\x01" + b"\xff" * 16, vci=4), oam(1, 4), oam(1, 5),
             oam(2, 0), oam(2, 1), oam(2, 2), oam(2, 3), oam(8, 0), oam(8, 1), oam(8, 7), oam(15, 1), oam(0, 0),
             oam(3, 9), oam(1, 8, loopback(1), vpi=0x12, vci=0x3456), oam(1, 0, vci=100, pti=5, clp=1)]
    for pti in range(8):
        cells.append(oam(1, 8, loopback(0), vci=4 + pti, pti=pti, good=pti & 1))
    for i, c in enumerate(cells):
        add((sunatm(3 + (i & 1), c, flags=0x80 if i & 2 else 0x02), None))
    for c in (cells[0], cells[3]):  # cut at every byte
        f = sunatm(3, c)
        for cut in range(4, len(f)):
            add((f, cut))
    for n in range(0, 4):  # the SunATM header itself short
        add((sunatm(3, cells[0])[:n], None))
    # the other reserved VCIs
    for msg in (0x05, 0x07, 0x4d, 0x84, 0x33):
        add((sunatm(5, b"\x09\x03\x12\x34\x56" + bytes([msg]) + b"\x00\x00\x10"), None))
    add((sunatm(5, b"\x42\x01"), None))
    add((sunatm(5, b"\x09\x03\x12"), None))
    add((sunatm(5, b""), None))
    for vci in (1, 2):
        add((sunatm(vci, b"\x01\x02\x03"), None))
    snmp = bytes.fromhex("302602010004067075626c6963a01902020101020100020100300d300b06072b060102010101050000")
    add((sunatm(16, snmp), None))
    add((sunatm(16, snmp[:10]), None))
    # LLC traffic, a VPI other than 0, LANE and unknown traffic types
    ip = bytes.fromhex("450000140001000040fd0000c0000201c0000202")
    for flags in (0x02, 0x82, 0x00, 0x07):
        add((sunatm(32, b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip, flags=flags), None))
    add((sunatm(32, b"\xfe\xfe\x03\x81\x01\x00", vpi=1), None))
    add((sunatm(3, b"\xaa\xaa\x03\x00\x00\x00\x08\x06" + bytes(28), vpi=1), None))
    add((sunatm(33, b"\xaa\xaa", flags=0x02), None))
    add((sunatm(33, b"\x01\x02" + bytes(20), flags=0x01), None))
    for op in (0x0001, 0x0101, 0x0002, 0x0102, 0x0003, 0x0103, 0x0004, 0x0104, 0x0005, 0x0105, 0x0006, 0x0106,
               0x0007, 0x0107, 0x0008, 0x0009, 0x0109, 0x1234):
        add((sunatm(34, struct.pack("!HBBH", 0xff00, 1, 2, op) + bytes(10), flags=0x01), None))
    add((sunatm(34, b"\xff\x00\x01", flags=0x01), None))
    eth = bytes(range(1, 7)) + bytes(range(7, 13)) + b"\x08\x00" + ip
    add((sunatm(34, b"\x00\x05" + eth, flags=0x01), None))
    add((sunatm(34, b"\x00\x05" + eth[:10], flags=0x01), None))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
