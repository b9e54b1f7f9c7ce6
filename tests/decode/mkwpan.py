#!/usr/bin/env python3
"""mkwpan.py: a capture of IEEE 802.15.4 frames on the link type
IEEE802_15_4 (195), for compare.py (the decoder against tcpdump, issue 14,
helper pptp); mkpptp.py sends the same frames inside ZEP.
Every frame type, versions 0 to 3, each destination and source addressing
mode with and without PAN ID compression, sequence numbers suppressed,
2-byte, 4-byte and wrong FCSs; the auxiliary security header with every
key id mode and security level (MIC lengths), header and payload IEs
(termination IEs, type bits wrong, lengths past the frame), beacons with
superframe, GTS and pending address fields, every MAC command with right
and wrong body lengths, multipurpose frames with short and long frame
control; frames shorter than their header; and a few rich frames cut
short at every byte.  What tcpdump prints for them is the expected output;
the frames are the same on every run.
usage: mkwpan.py OUT.pcap"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402  (the pcap writer)

LINKTYPE = 195  # DLT_IEEE802_15_4_WITHFCS


def rev8(b):
    return int("{:08b}".format(b)[::-1], 2)


def crc16(data):
    """802.15.4's CCITT CRC: initial 0, bits reversed in and out"""
    crc = 0
    for b in data:
        y = rev8(b)
        x = ((crc >> 8) ^ y) & 0xff
        x ^= x >> 4
        crc = ((crc << 8) ^ (x << 12) ^ (x << 5) ^ x) & 0xffff
    r = int("{:016b}".format(crc)[::-1], 2)
    return ((r & 0xff00) >> 8) | ((r & 0xff) << 8)


def crc32(data):
    crc = 0
    for b in data:
        byte = int("{:032b}".format(b)[::-1], 2)
        for _ in range(8):
            if (crc ^ byte) & 0x80000000:
                crc = ((crc << 1) ^ 0x04C11DB7) & 0xffffffff
            else:
                crc = (crc << 1) & 0xffffffff
            byte = (byte << 1) & 0xffffffff
    return int("{:032b}".format(crc)[::-1], 2)


def fcs2(f):
    return f + struct.pack("<H", crc16(f))


def fcs4(f):
    return f + struct.pack("<I", crc32(f))


ADDR = {0: b"", 2: b"\x34\x12", 3: bytes(range(1, 9))}


def std(ftype, version=0, dmode=2, smode=2, comp=False, seq=True, sec=None, ies=None, payload=b"",
        ar=False, pend=False, dpan=None, span=None):
    """a standard frame; dpan/span None: as the version's PAN rules say"""
    fc = ftype | (bool(sec) << 3) | (pend << 4) | (ar << 5) | (comp << 6) | ((not seq) << 8) | \
        ((ies is not None) << 9) | (dmode << 10) | (version << 12) | (smode << 14)
    f = struct.pack("<H", fc) + (b"\x2a" if seq else b"")
    dl, sl = len(ADDR.get(dmode, b"")), len(ADDR.get(smode, b""))
    if dpan is None:
        dpan = dl > 0
        span = not comp and sl > 0
        if version >= 2:
            if comp and dl == 0 and sl == 0:
                dpan = True
            elif comp and ((dl == 0) != (sl == 0) or (dl == 8 and sl == 8)):
                dpan = span = False
            elif not comp and sl == 8 and dl in (2, 8):
                span = False
                dpan = dpan or dl == 8
    f += (b"\xcd\xab" if dpan else b"") + ADDR.get(dmode, b"") + (b"\xef\xbe" if span else b"") + \
        ADDR.get(smode, b"")
    return f + (sec or b"") + (ies or b"") + payload


def mp(long_fc=False, dmode=2, smode=2, pan=False, seq=True, sec=None, ies=None, payload=b""):
    if long_fc:
        fc = 5 | 8 | (dmode << 4) | (smode << 6) | (pan << 8) | (bool(sec) << 9) | ((not seq) << 10) | \
            (1 << 12) | (1 << 14) | ((ies is not None) << 15)
        f = struct.pack("<H", fc) + (b"\x07" if seq else b"")
    else:
        f = bytes([5 | (dmode << 4) | (smode << 6)]) + b"\x07"
    return f + (b"\xcd\xab" if pan else b"") + ADDR.get(dmode, b"") + ADDR.get(smode, b"") + (sec or b"") + \
        (ies or b"") + payload


def aux(level, mode, counter=True):
    sc = level | (mode << 3) | ((not counter) << 5)
    out = bytes([sc]) + (struct.pack("<I", 0x01020304) if counter else b"")
    return out + {0: b"", 1: b"", 2: b"\x11\x22\x33\x44", 3: bytes(range(0x50, 0x58))}[mode] + \
        (b"\x09" if mode else b"")


def hie(eid, data=b"", type1=False):
    return struct.pack("<H", (len(data) & 0x7f) | (eid << 7) | (type1 << 15)) + data


def pie(group, data=b"", type0=False):
    return struct.pack("<H", (len(data) & 0x3ff) | (group << 11) | ((not type0) << 15)) + data


def rich():
    """frames with every part, cut short at every byte below"""
    return [
        fcs2(std(0, 0, 2, 2, payload=struct.pack("<H", 0xdf3f) + b"\x82\x85\x01\x00\x11\x22\x01\x21\x00" +
                 b"\x12\x11\x22" + bytes(range(8)) + b"beacon")),
        fcs4(std(1, 2, 3, 2, sec=aux(5, 2), ies=hie(0x1a, b"\x01\x02\x03\x04") + hie(0x7e),
                 payload=pie(1, b"\x00\x1a\x05\x06") + pie(0xf) + b"data" + bytes(4))),
        std(3, 1, 3, 3, comp=True, sec=aux(2, 3), payload=b"\x08\xcd\xab\x01\x00\x0b\x02\x00\x01" + bytes(8)),
        mp(True, 2, 3, pan=True, sec=aux(1, 1), ies=hie(0x1e, b"\x10\x00") + hie(0x7f), payload=b"mp" + bytes(4)),
    ]


def frames():
    out = []
    add = out.append
    # every frame type, version, addressing mode pair, PAN ID compression
    for version in range(4):
        for dm in (0, 1, 2, 3):
            for sm in (0, 1, 2, 3):
                for comp in (False, True):
                    add((std(1, version, dm, sm, comp, payload=b"\x01\x02"), None))
    for ftype in range(8):
        add((std(ftype, 1, 2, 2, payload=b"xyz"), None))
        add((fcs2(std(ftype, 2, 3, 3, payload=b"xyz")), None))
    # flags (-vvv), suppressed sequence numbers, the FCS guesses
    add((std(1, 2, 2, 2, ar=True, pend=True, comp=True, seq=False, payload=b"p"), None))
    add((std(1, 0, 2, 2, seq=False, payload=b"p"), None))
    add((fcs2(std(1, 1, 2, 2, payload=b"abc")), None))
    add((fcs4(std(1, 1, 2, 2, payload=b"abc")), None))
    add((std(1, 1, 2, 2, payload=b"abc") + b"\x00\x00", None))
    add((std(2, 0, 0, 0), None))
    add((fcs2(std(2, 0, 0, 0)), None))
    # frames shorter than their header, and the smallest
    for f in (b"", b"\x01", b"\x41", b"\x41\x88", b"\x41\x88\x01", b"\x41\x88\x01\xcd", b"\x41\xcc\x01\xcd\xab\x01",
              b"\x01\x02\x03\x04", b"\x02\x00\x05", b"\x05\x00", b"\x05", b"\x0d\x00"):
        add((f, None))
    # the security header: each level and key id mode, counter suppressed
    for level in range(8):
        for mode in range(4):
            add((std(1, 2, 2, 2, comp=True, sec=aux(level, mode), payload=b"secret" + bytes(16)), None))
    add((std(1, 2, 2, 2, comp=True, sec=aux(5, 1, counter=False), payload=b"s" * 8), None))
    for n in range(0, 16):  # the security header and MIC running out
        add((std(1, 2, 2, 2, comp=True, sec=aux(7, 3))[:-14 + n] if n < 14 else
             std(1, 2, 2, 2, comp=True, sec=aux(7, 3), payload=bytes(n)), None))
    # header and payload IEs
    ies = [hie(0x1a, b"\x01\x02\x03\x04"), hie(0x7e), hie(0x7f), hie(0x05, b"\xaa"), hie(0x1e, b"\x10\x80", True),
           hie(0x00, b"\x00\x12\x4b\x01") + hie(0x21) + hie(0x7f), hie(0x2c, b"abc") + hie(0x7e),
           hie(0x7f, b"\x01" * 20), hie(0x1a, b"\x01\x02")[:2] + b"\x01", struct.pack("<H", 0x7f | 0x40 << 7)]
    for h in ies:
        add((std(1, 2, 2, 2, comp=True, ies=h, payload=b"pl"), None))
    pies = [pie(1, b"\x06\x1a" + bytes(6)), pie(0xf), pie(2, b"\x00\x12\x4b\xee"), pie(5, b"\x01\x02", True),
            pie(9, b"z") + pie(0xf), pie(3, b"\x01" * 3) + pie(4) + pie(0xf), pie(1, b"abc")[:3], b"\x01"]
    for p in pies:
        add((std(1, 2, 2, 2, comp=True, ies=hie(0x7e), payload=p + b"tail"), None))
        add((std(1, 2, 2, 2, comp=True, sec=aux(6, 1), ies=hie(0x7e), payload=p + bytes(8)), None))
    add((std(1, 2, 2, 2, comp=True, ies=b"\x01"), None))
    add((std(1, 2, 2, 2, comp=True, ies=hie(0x01, b"\x01" * 40)), None))
    # beacons: superframe, GTS, pending addresses, each short
    beacon = [struct.pack("<H", 0xffff) + b"\x00\x00", struct.pack("<H", 0x1234) + b"\x02\x03\x01\x00\x11\x02\x00\x22" +
              b"\x00", struct.pack("<H", 0x0f0f) + b"\x00\x31" + b"\x01\x00\x02\x00\x03\x00" + bytes(range(24)),
              struct.pack("<H", 0x0f0f) + b"\x00\x77", struct.pack("<H", 0x0f0f) + b"\x07\x7f\x01",
              struct.pack("<H", 0x0f0f) + b"\x00", struct.pack("<H", 0x0f0f), b"\x01", b""]
    for b in beacon:
        add((std(0, 0, 0, 2, payload=b + b"bcn"), None))
        add((std(0, 1, 0, 3, payload=b), None))
    add((std(0, 2, 0, 2, payload=beacon[1]), None))
    # commands, each with right and wrong lengths
    cmds = [b"\x01\xce", b"\x01\x02", b"\x01", b"\x02\x34\x12\x00", b"\x02\x34\x12\x01", b"\x02\x34\x12\x02",
            b"\x02\x34\x12\x03", b"\x02\x34\x12\x80", b"\x02\x34\x12\x42", b"\x02\x01", b"\x03\x00", b"\x03\x01",
            b"\x03\x02", b"\x03\x07", b"\x03\x07\x00\x09", b"\x04", b"\x05", b"\x06", b"\x07", b"\x07\x01\x02",
            b"\x08\xcd\xab\x01\x00\x0b\x02\x00", b"\x08\xcd\xab\x01\x00\x0b\x02\x00\x01",
            b"\x08\xcd\xab\x01\x00\x0b\x02\x00\x81", b"\x08\x01\x02", b"\x09\x35", b"\x09\x05", b"\x09\x05\x05",
            b"\x0a\x01\x02", b"\x13\xaa", b"\x1d", b"\x24\x00\x12\x4b", b"\x2f", b"\x30\x01", b"\xff", b""]
    for c in cmds:
        add((std(3, 1, 3, 3, comp=True, payload=c), None))
    # multipurpose frames
    for dm in (0, 1, 2, 3):
        for sm in (0, 2, 3):
            add((mp(False, dm, sm, payload=b"mp"), None))
            add((mp(True, dm, sm, pan=dm == 2, payload=b"mp"), None))
    add((mp(True, 2, 2, seq=False, payload=b"q"), None))
    add((fcs2(mp(True, 2, 2, payload=b"q")), None))
    add((fcs4(mp(True, 2, 2, payload=b"q")), None))
    add((fcs2(mp(False, 0, 0)), None))
    add((mp(True, 2, 2, sec=aux(3, 0), payload=bytes(20)), None))
    add((mp(True, 2, 2, ies=hie(0x7e), payload=pie(1, b"ab") + b"x"), None))
    for f in rich():
        add((f, None))
        for cut in range(1, len(f)):
            add((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
