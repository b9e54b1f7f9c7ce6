#!/usr/bin/env python3
"""mkrsvp.py: a capture of RSVP (IP protocol 46), EGP (8), Mobile IP (55),
the IPv6 mobility header (135 and the old 62) and Ethernet in IPv6 (143)
for compare.py (the decoder against tcpdump, issue 14, helper rsvp):
RSVP messages of every
type with objects of every class tcpdump decodes, in each C-Type it knows
and one it does not, objects too short, malformed lengths, ERO/RRO
subobjects, IntServ specs, Bundle messages; EGP messages of every type
and code, updates with gateway and network lists; Mobile IP with and
without the old source; each mobility message type with its options.
Rich messages are also cut short at every byte.  The expected output is
whatever tcpdump prints for them.  Deterministic: the capture is the same
every time.
usage: mkrsvp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import csum, write  # noqa: E402
from mkip import cuts, e4, e6  # noqa: E402

V4A, V4B = bytes([10, 0, 0, 1]), bytes([192, 168, 7, 9])
V6A = bytes.fromhex("20010db8000000000000000000000001")
V6B = bytes.fromhex("20010db80000000000000000000000ff")
W = struct.pack("!I", 0x01020304)
DST4 = bytes([10, 0, 0, 2])


def obj(cls, ctype, body):
    return struct.pack("!HBB", 4 + len(body), cls, ctype) + body


def rsvp(mtype, objs=b"", flags=0, ver=1, ttl=63, length=None):
    n = 8 + len(objs) if length is None else length
    h = struct.pack("!BBHBBH", ver << 4 | flags, mtype, 0, ttl, 0, n) + objs
    return h[:2] + struct.pack("!H", csum(h)) + h[4:]


def f32(v):
    return struct.pack("!f", v)


def param(pid, value, flags=0):
    return struct.pack("!BBH", pid, flags, len(value) // 4) + value


def service(stype, params, brk=0):
    return struct.pack("!BBH", stype, brk, len(params) // 4) + params


def intserv(*services):
    b = b"".join(services)
    return struct.pack("!BBH", 0, 0, len(b) // 4) + b


TSPEC = intserv(service(1, param(4, W) + param(6, f32(1.25e6)) + param(8, b"\xff" * 4) + param(8, W)
                        + param(10, struct.pack("!I", 1500)) + param(133, W) + param(134, W) + param(135, W)
                        + param(136, W) + param(99, W + W), brk=0x80),
                service(5, param(127, f32(125000.0) + f32(2000.0) + f32(2.5e6) + W + struct.pack("!I", 1500))),
                service(2, param(130, f32(3.5e5) + W) + param(4, W + W)))


def sub(t, body, loose=False):
    return bytes([t | (0x80 if loose else 0), 2 + len(body)]) + body


ERO = (sub(1, V4A + bytes([32, 0])) + sub(1, V4B + bytes([32, 0x0f]), True) + sub(3, bytes([1, 1]) + W)
       + sub(3, bytes([0, 2]) + W) + sub(32, b"\x00\x64") + sub(2, V6A + bytes([128, 0])) + sub(64, b"\0\0"))

OBJECTS = [
    obj(1, 1, V4B + bytes([17, 1]) + struct.pack("!H", 5000)),
    obj(1, 2, V6B + bytes([6, 0]) + struct.pack("!H", 80)),
    obj(1, 7, V4B + struct.pack("!HH", 0, 11) + V4A),
    obj(1, 8, V6B + struct.pack("!HH", 0, 12) + V6A),
    obj(1, 11, V4B + struct.pack("!HH", 0, 13) + V4A),
    obj(1, 13, W + struct.pack("!HH", 0, 14) + V4A),
    obj(1, 14, W + struct.pack("!HH", 0, 15) + V6A + b"\0\0\0\0"),
    obj(1, 9, W),
    obj(3, 1, V4A + W), obj(3, 3, V4A + W + W), obj(3, 2, V6A + W), obj(3, 4, V6A + W + W), obj(3, 5, W),
    obj(4, 1, bytes([0x80, 0]) + bytes(range(6)) + bytes(range(8, 16)) + bytes(range(16, 32))),
    obj(5, 1, struct.pack("!I", 30000)), obj(5, 2, W),
    obj(6, 1, V4A + bytes([1, 24]) + struct.pack("!H", 5)), obj(6, 1, V4A + bytes([0, 28]) + struct.pack("!H", 3)),
    obj(6, 1, V4A + bytes([0, 125]) + struct.pack("!H", 99)), obj(6, 1, V4A + bytes([0, 25]) + struct.pack("!H", 2)),
    obj(6, 3, V4A + bytes([0, 24]) + struct.pack("!H", 77) + W), obj(6, 2, V6A + bytes([2, 24]) + struct.pack("!H", 10)),
    obj(6, 4, V6A + bytes([0, 1]) + struct.pack("!H", 1)), obj(6, 7, W),
    obj(7, 1, V4A + V4B),
    obj(8, 1, bytes([0, 0, 0, 10])), obj(8, 1, bytes([1, 0, 0, 17])), obj(8, 1, bytes([0, 0, 0, 18])),
    obj(8, 1, bytes([0, 0, 1, 10])), obj(8, 2, W),
    obj(9, 2, TSPEC), obj(9, 1, W), obj(12, 2, TSPEC), obj(13, 2, intserv(service(1, param(4, W)))), obj(13, 1, W),
    obj(10, 1, V4A + struct.pack("!HH", 0, 7)), obj(10, 2, V6A + struct.pack("!HH", 0, 8)),
    obj(10, 3, V6A + struct.pack("!I", 0x000abcde)), obj(10, 7, V4A + struct.pack("!HH", 0, 9)),
    obj(10, 8, V6A + struct.pack("!HH", 0, 10)), obj(10, 12, V4A + struct.pack("!HH", 0, 1) + V4B + struct.pack("!HH", 0, 2)),
    obj(10, 13, V6A + struct.pack("!HH", 0, 3) + V6B + struct.pack("!HH", 0, 4)), obj(10, 4, W),
    obj(11, 1, V4A + struct.pack("!HH", 0, 7)), obj(11, 2, V6A + struct.pack("!HH", 0, 8)),
    obj(11, 7, V4A + struct.pack("!HH", 0, 9)), obj(11, 12, V4A + struct.pack("!HH", 0, 1) + V4B + struct.pack("!HH", 0, 2)),
    obj(11, 13, V6A + struct.pack("!HH", 0, 3) + V6B + struct.pack("!HH", 0, 4)), obj(11, 3, V6A + W),
    obj(14, 1, W + W), obj(15, 1, V4B), obj(15, 2, V6B), obj(15, 3, W),
    obj(16, 1, struct.pack("!II", 16, 1048575)), obj(16, 2, W), obj(16, 3, W + W + W), obj(16, 4, W),
    obj(19, 1, struct.pack("!HH", 0, 0x0800) + struct.pack("!HH", 0, 0x1234)),
    obj(19, 2, struct.pack("!HHHHHH", 0, 0x86dd, 0x8001, 0x0020, 0x00ff, 0x0fff)),
    obj(19, 2, struct.pack("!HHHHHH", 0, 0x0800, 0x0001, 0x0020, 0x00ff, 0x0fff)),
    obj(19, 3, struct.pack("!HH", 0, 0x0800) + struct.pack("!II", 0x00000010, 0x000003ff)),
    obj(19, 3, struct.pack("!HH", 0, 0x0800) + struct.pack("!II", 0x01000010, 0x007fffff)),
    obj(19, 3, struct.pack("!HH", 0, 0x0800) + struct.pack("!II", 0x00800010, 0x007fffff)),
    obj(19, 4, bytes([5, 100]) + struct.pack("!H", 33)), obj(19, 4, bytes([42, 7]) + struct.pack("!H", 200)),
    obj(19, 5, W),
    obj(20, 1, ERO + b"\0\0"), obj(21, 1, sub(1, V4A + bytes([32, 0x09])) + sub(3, bytes([1, 1]) + W) + b"\0\0"),
    obj(20, 2, W),
    obj(22, 1, W + struct.pack("!I", 0xdeadbeef)), obj(22, 2, W + W), obj(22, 3, W),
    obj(23, 1, bytes([1, 0, 1, 2]) + W), obj(24, 1, bytes([0, 0, 0, 7]) + W + W), obj(24, 2, bytes([0, 0, 0, 7])),
    obj(25, 1, bytes([0, 1, 2, 3]) + W + W + W), obj(25, 3, W),
    obj(34, 2, W), obj(35, 1, W), obj(35, 3, W + W + W),
    obj(36, 1, struct.pack("!BBHI", 0, 0, 0x0005, 9) + W), obj(36, 1, struct.pack("!BBH", 2, 0, 1) + W + W),
    obj(36, 1, struct.pack("!BBH", 1, 0, 3)), obj(36, 1, struct.pack("!BBH", 9, 0, 3) + W),
    obj(37, 1, W), obj(50, 1, V4B), obj(50, 2, V6B), obj(50, 3, W),
    obj(63, 7, V4A + V4B + V4B + V4A), obj(63, 1, W),
    obj(66, 1, struct.pack("!I", 5)), obj(125, 1, struct.pack("!I", 0xffffffff)), obj(66, 2, W),
    obj(129, 1, W), obj(129, 2, W), obj(130, 1, W + W),
    obj(131, 1, struct.pack("!II", 120000, 30000)), obj(131, 2, W),
    obj(134, 1, struct.pack("!I", 7)), obj(134, 1, struct.pack("!I", 0x100)), obj(134, 2, W),
    obj(195, 1, V4A), obj(195, 2, V6A),
    obj(196, 1, struct.pack("!I", 0x80000007)), obj(196, 1, bytes(4)),
    obj(204, 1, struct.pack("!HH", 2, 0) + bytes([1, 4, 9, 9, 2, 2, 0, 0])),
    obj(204, 1, struct.pack("!HH", 1, 2) + bytes([0x10, 3, 1, 0])),
    obj(205, 1, bytes([7, 0, 16, 0]) + f32(1.25e7) + W + W + W), obj(205, 7, bytes([1, 2, 3, 0]) + f32(1e3) + W + W),
    obj(205, 3, W),
    obj(207, 7, bytes([7, 7, 0x1f, 8]) + b"lsp-one\x01"), obj(207, 7, bytes([3, 4, 0, 0])),
    obj(207, 1, W),
    obj(229, 1, struct.pack("!HBB", 8, 1, 1) + V4A + struct.pack("!HBB", 20, 2, 2) + V6A
        + struct.pack("!HBB", 8, 1, 3) + W + struct.pack("!HBB", 4, 3, 0) + struct.pack("!HBB", 16, 4, 0)
        + struct.pack("!IIII", 0x80000003, 0, 9, 10)[4:] + struct.pack("!HBB", 8, 5, 0) + struct.pack("!I", 0x07000000)
        + struct.pack("!HBB", 8, 9, 9) + W),
    obj(229, 1, struct.pack("!HBB", 8, 3, 0) + W), obj(229, 2, W),
    obj(230, 1, W), obj(236, 1, W), obj(99, 1, W + W), obj(200, 0, b""), obj(0xc5, 1, W),
]

# Objects that end the message with one of tcpdump's complaints.
BAD = [
    obj(1, 1, W), obj(1, 2, V4A), obj(1, 8, V6A), obj(1, 14, W), obj(1, 13, W), obj(3, 1, W), obj(3, 2, W),
    obj(4, 1, W), obj(5, 1, b""), obj(6, 1, W), obj(6, 2, W), obj(8, 1, b""), obj(9, 2, b""),
    obj(10, 1, W), obj(10, 3, W), obj(10, 12, W), obj(10, 13, W), obj(11, 2, W), obj(11, 13, W),
    obj(15, 1, b""), obj(15, 2, W), obj(16, 2, b""), obj(16, 3, W), obj(19, 2, W), obj(19, 3, W), obj(19, 4, b""),
    obj(22, 1, W), obj(23, 1, b""), obj(36, 1, b""), obj(36, 1, struct.pack("!BBH", 3, 0, 1) + W),
    obj(50, 1, b""), obj(50, 2, W), obj(66, 1, b""), obj(131, 1, W), obj(134, 1, b""), obj(195, 2, W),
    obj(196, 1, b""), obj(204, 1, b""), obj(204, 1, struct.pack("!HH", 1, 0) + bytes([1, 8, 0, 0])),
    obj(204, 1, struct.pack("!HH", 1, 0) + bytes([1, 1, 0, 0])), obj(205, 1, W * 4), obj(205, 7, W * 3),
    obj(207, 7, b""), obj(207, 7, bytes([0, 0, 0, 9]) + W), obj(229, 1, b""),
    obj(229, 1, struct.pack("!HBB", 2, 1, 1) + W), obj(229, 1, struct.pack("!HBB", 12, 1, 1) + W),
    obj(229, 1, struct.pack("!HBB", 4, 1, 1) + struct.pack("!HBB", 4, 1, 2)),
    obj(229, 1, struct.pack("!HBB", 8, 2, 2) + W), obj(229, 1, struct.pack("!HBB", 8, 4, 0) + W),
    obj(229, 1, struct.pack("!HBB", 4, 5, 0)),
    obj(20, 1, sub(1, V4A + bytes([24, 0]))), obj(20, 1, sub(1, V4A) + b"\0\0"), obj(21, 1, sub(3, W) + b"\0\0"),
    obj(20, 1, bytes([1, 0, 0, 0])), obj(20, 1, bytes([1, 9, 0, 0])), obj(12, 2, TSPEC[:4] + service(1, param(4, W))[:8]),
]


def messages():
    path = b"".join(OBJECTS[:3] + OBJECTS[8:9] + OBJECTS[14:15])
    out = [rsvp(t, path, flags=f) for t, f in ((1, 0), (2, 1), (3, 0), (4, 2), (5, 0), (6, 0), (7, 0),
                                                 (13, 0), (14, 0), (15, 0), (20, 1), (99, 0), (8, 0))]
    out += [rsvp(1, b"".join(OBJECTS[i:i + 6])) for i in range(0, len(OBJECTS), 6)]
    out += [rsvp(1, OBJECTS[0] + b) for b in BAD]
    out += [
        rsvp(1, path, ver=0), rsvp(1, path, ver=2), rsvp(1, path, length=4), rsvp(1, path, length=0),
        rsvp(1, path, length=len(path) + 20), rsvp(1, path, length=len(path) + 6),
        rsvp(1, OBJECTS[0] + b"\x00\x06\x01\x01\0\0"), rsvp(1, OBJECTS[0] + b"\x00\x00\x01\x01"),
        rsvp(1, OBJECTS[0] + b"\x00\x02\x01\x01"), rsvp(1, OBJECTS[0] + b"\x00\x40\x01\x01" + W),
        rsvp(1, OBJECTS[0] + b"\x00\x08"), rsvp(1, OBJECTS[0] + W[:3]),
        rsvp(12, rsvp(1, path) + rsvp(2, path, flags=1)), rsvp(12, rsvp(1, path, ver=3)),
        rsvp(12, rsvp(1, path, length=6)), rsvp(12, rsvp(1, path, length=len(path) + 40)),
        rsvp(12, rsvp(1, path)[:6]), rsvp(12, rsvp(1, OBJECTS[0] + b"\x00\x03\x01\x01")),
        rsvp(12, b""), rsvp(12, rsvp(13, b"")),
        rsvp(1, b""), rsvp(1)[:6], rsvp(1)[:1],
    ]
    return out


def egp(t, code, status, rest=b"", ver=2, asn=100, seq=7, handg=0, pands=b"\0\0\0\0"):
    h = struct.pack("!BBBBHHHH", ver, t, code, status, 0, asn, seq, handg) + pands + rest
    return h[:4] + struct.pack("!H", csum(h)) + h[6:]


def update(src, intgw, extgw, body, status=1):
    return egp(1, 0, status, body, handg=intgw << 8 | extgw, pands=src)


# gateways: host part, distances with their networks (class A: 1 byte,
# B: 2, C: 3)
NETS = bytes([2, 1, 10, 2, 1, 172, 16]) + bytes([3, 1, 192, 168, 1])
EGP = [
    egp(3, 0, 1, handg=30, pands=struct.pack("!HH", 60, 0)), egp(3, 1, 2), egp(3, 0, 0), egp(3, 1, 5),
    egp(3, 2, 3), egp(3, 3, 7), egp(3, 4, 0), egp(3, 2, 1), egp(3, 9, 0),
    egp(5, 0, 1), egp(5, 1, 2), egp(5, 1, 3), egp(5, 0, 0), egp(5, 7, 1),
    egp(2, 0, 2, pands=bytes([10, 1, 0, 0])), egp(2, 0, 9, pands=bytes([10, 1, 0, 0])),
    egp(8, 0, 1, handg=3), egp(8, 0, 1, handg=9), egp(8, 0, 4, handg=0), egp(9, 0, 0), egp(0, 0, 0),
    egp(3, 0, 1, ver=3), egp(3, 0, 1, ver=0),
    update(bytes([10, 0, 0, 0]), 1, 1, bytes([1, 2, 3]) + NETS + bytes([4, 5, 6, 1, 0, 0])),
    update(bytes([172, 16, 0, 0]), 1, 0, bytes([7, 8]) + NETS),
    update(bytes([192, 168, 1, 0]), 2, 0, bytes([9]) + NETS + bytes([10, 1, 7, 1, 10])),
    update(bytes([192, 168, 1, 0]), 1, 0, bytes([9]) + NETS, status=0x82),
    update(bytes([10, 0, 0, 0]), 1, 0, bytes([224, 1, 1, 1, 1, 1, 1])),
    update(bytes([224, 0, 0, 1]), 1, 0, bytes([1, 2, 3, 4, 1, 1, 1, 10])),
    update(bytes([10, 0, 0, 128]), 1, 0, bytes([1, 2, 3, 1, 1, 1, 10])),
    update(bytes([10, 0, 0, 192]), 1, 0, bytes([1, 2, 3, 1, 1, 1, 10])),
    update(bytes([10, 0, 0, 0]), 2, 0, bytes([1, 2])), update(bytes([10, 0, 0, 0]), 1, 0, bytes([1, 2, 3])),
    update(bytes([10, 0, 0, 0]), 1, 0, bytes([1, 2, 3, 1, 1])),
    update(bytes([10, 0, 0, 0]), 1, 0, bytes([1, 2, 3, 1, 1, 2, 172])),
    update(bytes([10, 0, 0, 0]), 1, 0, bytes([1, 2, 3, 1, 1, 2, 192, 1])),
    update(bytes([10, 0, 0, 0]), 1, 0, bytes([1, 2, 3, 2, 1, 1, 10])),
    egp(3, 0, 1)[:15], egp(3, 0, 1)[:4],
]


def mobile(proto, odst, osrc=None, good=True):
    p = struct.pack("!HH", proto << 8 | (0x80 if osrc else 0), 0) + odst + (osrc or b"")
    return p[:2] + struct.pack("!H", csum(p) if good else 0x1234) + p[4:]


MOBILE = [mobile(6, V4B, V4A), mobile(17, V4B, V4A, good=False), mobile(6, V4B) + W, mobile(6, V4B, good=False) + W,
          mobile(6, V4B), mobile(6, V4B)[:6], mobile(4, V4A, V4B)[:10]]


def mh(t, body, opts=b"", data=0, hlen=None, nh=59):
    b = body + opts
    n = (8 + len(b) + 7) // 8 - 1 if hlen is None else hlen
    b += bytes((n + 1) * 8 - 8 - len(b)) if hlen is None else b""
    return struct.pack("!BBBBHH", nh, n, t, 0, 0, data) + b


def mopt(t, value):
    return bytes([t, len(value)]) + value


OPTS = (b"\x00" + mopt(1, b"\0") + mopt(2, b"\x01\x2c") + mopt(3, V6B) + mopt(4, b"\x00\x01\x00\x02")
        + mopt(5, bytes(10)) + mopt(0x3c, b"xyz"))
MOBILITY = [
    mh(0, b""), mh(0, b"", opts=mopt(2, b"\0\x10")), mh(1, W + W), mh(2, W + struct.pack("!I", 0xabcdef01)),
    mh(3, W + W + W + W, data=0x1234), mh(4, W * 4, data=0x99),
    mh(5, struct.pack("!BBH", 0xf0, 0, 100), data=7, opts=OPTS), mh(5, struct.pack("!BBH", 0x10, 0, 1), data=8),
    mh(5, struct.pack("!BBH", 0x00, 0, 1), data=9),
    mh(6, struct.pack("!HH", 3, 60), data=0x0180, opts=mopt(4, b"\0\1\0\2")), mh(6, struct.pack("!HH", 3, 60), data=0x0200),
    mh(7, V6A, data=0x0100), mh(8, W), mh(200, b"", hlen=0),
    mh(1, W, hlen=0), mh(3, W, hlen=1), mh(5, b"", hlen=0), mh(7, W, hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=mopt(2, b"\0"), hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=mopt(3, V6A[:10]), hlen=2),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=b"\0\0" + mopt(4, b"\0"), hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=mopt(5, b"\0" * 6), hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=b"\0\0\0" + mopt(1, b""), hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=b"\0\0\0" + b"\x09", hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=b"\0\0" + b"\x01\x09", hlen=1),
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=mopt(7, b""), hlen=1)[:14],
    mh(5, struct.pack("!BBH", 0x80, 0, 5), data=1, opts=mopt(7, b"ab"), hlen=1)[:16],
    mh(1, W + W)[:1], mh(1, W + W)[:2], mh(5, b"\x80\0", data=1)[:9],
]


# Ethernet in IPv6 (next header 143, RFC 8986): an IPv4 ping, an unknown
# ethertype, a frame shorter than its header
INNER = [bytes(range(6)) + bytes(range(6, 12)) + b"\x08\x00" + bytes.fromhex("4500001c0001000040017cd90a0000010a000002")
         + bytes.fromhex("0800f7fe00010000"), bytes(range(12)) + b"\x88\xb5" + b"hello", bytes(range(10))]


def frames():
    out = [(e6(143, m), None) for m in INNER] + [(e4(143, INNER[0], dst=DST4), None)]
    out += cuts(e6(143, INNER[0]), 54)
    for m in messages():
        out += [(e4(46, m, dst=DST4), None), (e6(46, m), None)]
    for m in EGP:
        out += [(e4(8, m, dst=DST4), None), (e6(8, m), None)]
    for m in MOBILE:
        out += [(e4(55, m, dst=DST4), None), (e6(55, m), None)]
    for m in MOBILITY:
        out += [(e6(135, m), None), (e6(62, m), None), (e4(135, m, dst=DST4), None)]
    rich = rsvp(1, b"".join(OBJECTS[:3] + OBJECTS[8:9] + OBJECTS[26:28] + OBJECTS[59:61]))
    out += cuts(e4(46, rich, dst=DST4))
    out += cuts(e4(46, rsvp(12, rsvp(1, OBJECTS[0]) + rsvp(2, OBJECTS[1])), dst=DST4))
    out += cuts(e4(8, EGP[23], dst=DST4))
    out += cuts(e4(55, MOBILE[0], dst=DST4))
    out += cuts(e6(135, MOBILITY[6]), 54)
    out += cuts(e6(135, MOBILITY[4]), 54)
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
