#!/usr/bin/env python3
"""mkpptp.py: a capture of PPTP control messages (TCP 1723) and of ZEP
(UDP 17754) carrying IEEE 802.15.4 frames, for compare.py (the decoder
against tcpdump, issue 14, helper pptp).
PPTP: every control message type, with and without the magic cookie,
other message types, unknown control types, reserved fields not zero,
every result, error and reason code named and not, text fields filled,
empty, unprintable and without a NUL; messages shorter than their body;
and each message cut short at every byte.
ZEP: 802.15.4 frames of every type with each addressing mode (mkwpan.py's
frames), and a few cut short at every byte.
The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkpptp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import tcp, udp, write  # noqa: E402
import mkwpan  # noqa: E402

PPTP = 1723
ZEP = 17754
MAGIC = 0x1a2b3c4d


def text(s, n):
    return s[:n] + bytes(n - len(s[:n]))


def pptp(ctype, body, mtype=1, magic=MAGIC, res=0, length=None):
    m = struct.pack("!HHIHH", 0, mtype, magic, ctype, res) + body
    return struct.pack("!H", len(m) if length is None else length) + m[2:]


def sccrq(ver=0x100, res=0, fcap=3, bcap=3, host=b"pac.example", vendor=b"bpfx"):
    return struct.pack("!HHIIHH", ver, res, fcap, bcap, 1, 0x2a) + text(host, 64) + text(vendor, 64)


def sccrp(res=1, err=0, fcap=1, bcap=2, host=b"pns", vendor=b"vendor"):
    return struct.pack("!HBBIIHH", 0x100, res, err, fcap, bcap, 7, 3) + text(host, 64) + text(vendor, 64)


def ocrq(btype=3, ftype=3, res=0, phone=b"5551234", sub=b""):
    return struct.pack("!HHIIIIHHHH", 5, 6, 2400, 64000, btype, ftype, 16, 0, len(phone), res) + \
        text(phone, 64) + text(sub, 64)


def icrq(btype=1, dialed=b"123", dialing=b"456", sub=b"sub"):
    return struct.pack("!HHIIHH", 9, 10, btype, 77, len(dialed), len(dialing)) + text(dialed, 64) + \
        text(dialing, 64) + text(sub, 64)


def messages():
    """(ctype, body, keyword args of pptp()) of every control message"""
    out = [
        (1, sccrq(), {}), (1, sccrq(ver=0x0102, res=9, fcap=0, bcap=0, host=b"", vendor=b""), {}),
        (1, sccrq(fcap=2, bcap=1, host=b"\x01\x7f\xc1abc" + b"x" * 70, vendor=b"v" * 64), {}),
        (2, sccrp(), {}), (2, sccrp(res=5, err=6, fcap=3, bcap=3), {}), (2, sccrp(res=9, err=7), {}),
        (2, sccrp(res=0, err=1), {}),
        (3, struct.pack("!BBH", 1, 0, 0), {}), (3, struct.pack("!BBH", 2, 0, 0), {}),
        (3, struct.pack("!BBH", 3, 5, 0), {}), (3, struct.pack("!BBH", 0, 0, 300), {}),
        (3, struct.pack("!BBH", 4, 1, 1), {}),
        (4, struct.pack("!BBH", 1, 0, 0), {}), (4, struct.pack("!BBH", 2, 3, 1), {}),
        (4, struct.pack("!BBH", 3, 9, 0), {}),
        (5, struct.pack("!I", 0xdeadbeef), {}),
        (6, struct.pack("!IBBH", 42, 1, 0, 0), {}), (6, struct.pack("!IBBH", 43, 2, 4, 7), {}),
        (6, struct.pack("!IBBH", 44, 8, 2, 0), {}),
        (7, ocrq(), {}), (7, ocrq(btype=1, ftype=1, res=2, phone=b"", sub=b"sub"), {}),
        (7, ocrq(btype=2, ftype=2, phone=b"p" * 64, sub=b"\xff\x00x"), {}), (7, ocrq(btype=0, ftype=4), {}),
    ]
    for rc in range(0, 9):
        out.append((8, struct.pack("!HHBBHIHHI", 5, 9, rc, rc % 8, 3, 33600, 8, 1, 2), {}))
    out += [
        (9, icrq(), {}), (9, icrq(btype=2, dialed=b"", dialing=b"", sub=b""), {}), (9, icrq(btype=3), {}),
        (9, icrq(btype=7, dialed=b"d" * 64, dialing=b"\x1b[0m"), {}),
    ]
    for rc in range(0, 5):
        out.append((10, struct.pack("!HHBBHHH", 9, 5, rc, 5, 16, 0, rc & 1), {}))
    out += [
        (11, struct.pack("!HHIHHI", 5, 0, 28800, 16, 0, 1), {}),
        (11, struct.pack("!HHIHHI", 5, 2, 28800, 16, 0, 3), {}),
        (11, struct.pack("!HHIHHI", 5, 0, 0, 0, 0, 9), {}),
        (12, struct.pack("!HH", 5, 0), {}), (12, struct.pack("!HH", 5, 1), {}),
    ]
    for rc in range(0, 6):
        out.append((13, struct.pack("!HBBHH", 5, rc, 0, 2, rc >> 2) + text(b"stats %d" % rc, 128), {}))
    out += [
        (13, struct.pack("!HBBHH", 5, 1, 0, 2, 0) + b"s" * 128, {}),
        (14, struct.pack("!HHIIIIII", 5, 0, 1, 2, 3, 4, 5, 6), {}),
        (14, struct.pack("!HHIIIIII", 5, 3, 0, 0, 0, 0, 0, 0xffffffff), {}),
        (15, struct.pack("!HHII", 5, 0, 0xffffffff, 0x000a0000), {}),
        (15, struct.pack("!HHII", 5, 4, 0, 1), {}),
        (0, b"", {}), (0, b"extra", {}), (16, b"", {}), (0xffff, bytes(8), {}),
        (1, sccrq(), {"magic": 0x1a2b3c4e}), (2, sccrp(), {"mtype": 2}), (5, struct.pack("!I", 1), {"mtype": 7}),
        (5, struct.pack("!I", 1), {"res": 3}), (6, struct.pack("!IBBH", 1, 1, 0, 0), {"length": 9}),
        (5, struct.pack("!I", 2), {"mtype": 0, "magic": 0, "length": 0}),
        (13, struct.pack("!HBBHH", 5, 1, 0, 2, 0) + b"s\x01\x81" * 43, {}),
    ]
    # the number fields print no more than their length fields say
    for dl, dgl in ((1, 1), (100, 70), (3, 0), (0, 2)):
        out.append((9, struct.pack("!HHIIHH", 9, 10, 1, 77, dl, dgl) + text(b"abc", 64) +
                    text(b"x\x01y\x82" + b"z" * 60, 64) + text(b"s\x01\x81", 64), {}))
    for pl in (0, 1, 100):
        out.append((7, struct.pack("!HHIIIIHHHH", 5, 6, 2400, 64000, 1, 1, 16, 0, pl, 0) +
                    text(b"123\x01\x81" + b"9" * 59, 64) + text(b"s\x01\xc1", 64), {}))
    return out


def frames():
    out = []
    msgs = [pptp(t, b, **kw) for t, b, kw in messages()]
    for i, m in enumerate(msgs):
        out.append((tcp(PPTP, 40000 + i if i % 2 else PPTP, m), None) if i % 3 else (tcp(40000 + i, PPTP, m), None))
    # bodies shorter than their message: each field boundary reached
    for t, b, kw in messages()[::3]:
        for n in (0, 1, 2, 5, 20, 40, 100):
            if n < len(b):
                out.append((tcp(PPTP, PPTP, pptp(t, b[:n], **kw)), None))
    for n in range(1, 12):  # the header itself short
        out.append((tcp(PPTP, PPTP, pptp(1, b"")[:n]), None))
    # each message type cut short at every byte (54: Ethernet, IP, TCP)
    for t in range(1, 16):
        t, b, kw = next(m for m in messages() if m[0] == t)
        f = tcp(PPTP, PPTP, pptp(t, b, **kw))
        step = 1 if len(f) < 120 else 3
        for cut in range(54, len(f), step):
            out.append((f, cut))
    # ZEP v2 carrying each 802.15.4 frame mkwpan.py makes; the inner
    # length also shorter and longer than the frame
    seq = 0
    for fr, cut in mkwpan.frames():
        if cut is not None:
            continue
        seq += 1
        out.append((udp(ZEP, ZEP, zep2(seq, len(fr)) + fr), None))
    for fr in mkwpan.rich():
        for inner in (0, 1, 2, 3, 5, len(fr) - 2, len(fr) + 3, 255):
            out.append((udp(ZEP, ZEP, zep2(inner, inner) + fr), None))
        out.append((udp(ZEP, ZEP, zep2(1, len(fr)) + fr + b"trailer"), None))
    v1 = b"EX\x01\x0b\x12\x34\x01\x80" + bytes(7)
    for fr in mkwpan.rich():
        f = udp(ZEP, ZEP, v1 + bytes([len(fr)]) + fr)
        for cut in range(42 + 16, len(f), 2):
            out.append((f, cut))
    return out


def zep2(seq, inner):
    return b"EX\x02\x01\x0b\x12\x34\x00\xff" + struct.pack("!II", 0xe8f0a0b1, 0x80000000) + \
        struct.pack("!I", seq) + bytes(10) + bytes([inner & 0xff])


if __name__ == "__main__":
    write(sys.argv[1], frames())
