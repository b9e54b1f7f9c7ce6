#!/usr/bin/env python3
"""mkpgm.py: a capture of PGM (RFC 3208, IP protocol 113) for compare.py
(the decoder against tcpdump, issue 14, helper deciso): every message
type over IPv4 and IPv6, NLAs of both families and an unknown one, each
option tcpdump decodes with right and wrong lengths, option lists that
do not add up; rich messages are also cut short at every byte.  The
expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkpgm.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402
from mkip import cuts, e4, e6  # noqa: E402

GSI = bytes.fromhex("3329041eba74")
V4 = struct.pack("!HH", 1, 0) + bytes([10, 0, 0, 45])
V6 = struct.pack("!HH", 2, 0) + bytes.fromhex("20010db8000000000000000000000045")


def pgm(ptype, body=b"", opts=b"", tsdu=0, sport=13320, dport=5563):
    flags = 1 if opts else 0
    return struct.pack("!HHBBH6sH", sport, dport, ptype, flags, 0, GSI, tsdu) + body + opts


def opt(t, value, end=False):
    return bytes([t | (0x80 if end else 0), 2 + len(value)]) + value


def opts(*o, total=None):
    b = b"".join(o)
    return bytes([0, 4]) + struct.pack("!H", 4 + len(b) if total is None else total) + b


def messages():
    spm = struct.pack("!III", 92190, 21618, 54950)
    nak = struct.pack("!I", 77)
    w = struct.pack("!I", 5)
    all_opts = opts(opt(1, b"\0\0" + struct.pack("!III", 1, 2, 3)), opt(2, b"\0\0" + struct.pack("!III", 7, 8, 9)),
                    opt(3, b"\0\0" + w), opt(4, b"\0\0" + w + w), opt(5, b"\0\0" + w + w),
                    opt(7, b"\0\0" + V4), opt(7, b"\0\0" + V6), opt(8, b"\0\0" + w), opt(9, b"\0\0" + w),
                    opt(10, b"\0\0" + w), opt(11, b"\0\0"), opt(13, b"\0\0"), opt(14, b"\0\0"), opt(15, b"\0\0"),
                    opt(17, b"\0\0"), opt(18, b"\0\0" + w + V4), opt(19, b"\0\0" + w + V6), opt(0, b"\0\x09"),
                    opt(12, b"\0\0" + w), opt(16, b"\0\0"), opt(0x30, b"\0\0", end=True))
    return [
        pgm(0, spm + V4), pgm(0, spm + V6), pgm(0, spm + struct.pack("!HH", 3, 0) + bytes(4)),
        pgm(2, struct.pack("!IHH", 5, 2, 0)), pgm(1, struct.pack("!IHHHH", 5, 2, 0, 1, 0) + V4[4:] + w + w + w),
        pgm(1, struct.pack("!IHHHH", 5, 2, 0, 2, 0) + V6[4:] + w + w + w), pgm(1, struct.pack("!IHHHH", 5, 2, 0, 1, 0) + V4[4:] + w),
        pgm(1, struct.pack("!IHHHH", 5, 2, 0, 4, 0) + bytes(16)), pgm(2, b"\0\0\0\1"),
        pgm(4, struct.pack("!II", 54951, 21618) + b"data", tsdu=4), pgm(5, struct.pack("!II", 1, 2) + b"x", tsdu=1),
        pgm(8, nak + V4 + V4), pgm(9, nak + V6 + V6), pgm(10, nak + V4 + V6), pgm(8, nak + V4 + struct.pack("!HH", 1, 0) + bytes([0, 1, 0, 1])),
        pgm(8, nak + V4 + struct.pack("!HH", 1, 0) + bytes([0, 2]) + bytes(14)), pgm(8, nak + struct.pack("!HH", 7, 0) + bytes(8)),
        pgm(11, struct.pack("!II", 9, 0xffff)), pgm(13, struct.pack("!II", 9, 1)), pgm(12), pgm(3), pgm(0x3f, b"abc"),
        pgm(4, struct.pack("!II", 1, 2), opts=all_opts),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(1, b"\0\0"))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(3, b""))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(7, b"\0\0"))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(7, b"\0\0" + V4 + b"\0"))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(7, b"\0\0" + V6[:8]))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(7, b"\0\0" + struct.pack("!HH", 9, 0) + bytes(4)))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(18, b"\0\0" + w))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(19, b"\0\0" + w + V4[:6]))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(19, b"\0\0" + w + V4 + b"\0\0"))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(2, b"\0\0\0\0\0"))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(0, b""))), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(13, b"\0"))),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(3, b"\0\0" + w), total=6)), pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(3, b"\0\0" + w), total=10)),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(b"\x03\x02\0\0")), pgm(4, struct.pack("!II", 1, 2), opts=opts(total=2)),
        pgm(4, struct.pack("!II", 1, 2), opts=b"\x01\x04\0\x08" + opt(3, b"\0\0" + w)), pgm(4, struct.pack("!II", 1, 2), opts=b"\x00\x05\0\x08"),
        pgm(4, struct.pack("!II", 1, 2), opts=opts(opt(3, b"\0\0" + w, end=True), opt(14, b"\0\0"))),
        pgm(12, opts=b"\0\0\0\0"), pgm(0x3f, opts=b"\0\0\0\0"),
        pgm(0, spm + V4)[:2], pgm(0, spm + V4)[:4], pgm(0, spm + V4)[:10], pgm(4, b"\0\0\0\1"),
    ]


def frames():
    out = []
    for m in messages():
        out.append((e4(113, m, dst=bytes([239, 255, 0, 16])), None))
        out.append((e6(113, m), None))
    rich = [pgm(1, struct.pack("!IHHHH", 5, 2, 0, 1, 0) + V4[4:] + b"\0\0\0\1" * 3),
            pgm(8, struct.pack("!I", 77) + V4 + V4, opts=opts(opt(2, b"\0\0" + struct.pack("!II", 7, 8)), opt(7, b"\0\0" + V4, end=True)))]
    for m in rich:
        out += cuts(e4(113, m, dst=bytes([239, 255, 0, 16])))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
