#!/usr/bin/env python3
"""mkforces.py: a capture of ForCES (RFC 5810) messages in SCTP DATA
chunks for compare.py (the decoder against tcpdump, issue 14, helper
deciso): every message type tcpdump names on each ForCES port, the flag
values, node ids of each kind, types it calls unknown or invalid, lengths
that disagree, two messages in one packet; a rich one also cut short at
every byte; and messages with TLVs (LFB selectors, each operation, path
data with full and sparse data, keys, ranges, results; association and
redirect TLVs), right and wrong, some cut at every byte.  The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkforces.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402
from mkip import cuts, e4, e6  # noqa: E402


def forces(tom, flags=0x38100000, src=2, dst=0x40000003, cor=1, body=b"", ver=1, words=None):
    n = 24 + len(body)
    return struct.pack("!BBHIIQI", ver << 4, tom, n // 4 if words is None else words, src, dst, cor, flags) + body


def chunk(payload, flags=3, ppid=0, tsn=1000):
    c = struct.pack("!BBHIHHI", 0, flags, 16 + len(payload), tsn, 0, 1, ppid) + payload
    return c + bytes(-len(c) % 4)


def sctp(chunks, sport=33985, dport=6704):
    return struct.pack("!HHII", sport, dport, 0x11223344, 0) + b"".join(chunks)


def messages():
    # LFB select TLVs as a ForCES CE and FE exchange them (the TLVs are
    # not decoded: their tcpdump text at -vvv is left to a handoff)
    lfb = {3: "1000003c0000000c00000001000100300110002c00000001000000010112001d000000010000000100000001000000010a14"
              "00020100000001000000100000340000000a000000010001002801100024000000010000000101120016000000010a140002"
              "180000000101000000000000",
           4: "1000001c0000000c00000001000700100110000c00000001000000011000001c0000000a00000001000700100110000c0000"
              "000100000001",
           0x13: "100000240000000c00000001000300180110001400000001000000010114000800000000100000240000000a0000000100"
                 "0300180110001400000001000000010114000800000000"}
    out = []
    for i, tom in enumerate((1, 2, 3, 4, 5, 6, 15, 0x11, 0x13, 0x14)):
        body = bytes.fromhex(lfb[tom]) if tom in lfb else b""
        out.append(sctp([chunk(forces(tom, cor=i, body=body))], 33985, 6704 + i % 3))
    for flags in (0x00000000, 0x40000000, 0x80000000, 0xc0000000, 0x07ffffff, 0x00400000, 0x00800000, 0x00c00000,
                  0x00200000, 0x00080000, 0x00100000, 0x00180000, 0xffffffff):
        out.append(sctp([chunk(forces(15, flags=flags))], 6705, 40000))
    for src, dst in ((0x3fffffff, 0x40000000), (0x7fffffff, 0x80000000), (0xc0000000, 0xffffffee),
                     (0xffffffef, 0xfffffff0), (0xfffffff1, 0xffffffff)):
        out.append(sctp([chunk(forces(1, src=src, dst=dst, cor=0x123456789abcdef0))]))
    out += [sctp([chunk(forces(t))]) for t in (0, 7, 0x0e, 0x10, 0x12, 0x15, 0xff)]
    out += [sctp([chunk(forces(3, words=5))]), sctp([chunk(forces(3, words=7))]), sctp([chunk(forces(3, words=2))]),
            sctp([chunk(forces(3, ver=2))]), sctp([chunk(forces(3)[:20])]), sctp([chunk(b"\x10")]),
            sctp([chunk(forces(3)[:23])]), sctp([chunk(forces(1)), chunk(forces(0x11), tsn=1001)]),
            sctp([chunk(forces(1), ppid=21)], 5000, 5001), sctp([chunk(forces(0x12) + bytes(40))]),
            sctp([chunk(forces(1), flags=0)]), sctp([chunk(forces(1)), struct.pack("!BBH", 3, 0, 16) + bytes(12)])]
    return out


def tlv(t, v, length=None, pad=True):
    b = struct.pack("!HH", t, 4 + len(v) if length is None else length) + v
    return b + bytes(-len(b) % 4) if pad else b


def ilv(t, v, length=None):
    b = struct.pack("!II", t, 8 + len(v) if length is None else length) + v
    return b + bytes(-len(b) % 4)


def path(ids=(1,), content=b"", flags=0):
    return tlv(0x110, struct.pack("!HH", flags, len(ids)) + b"".join(struct.pack("!I", i) for i in ids) + content)


def lfb(cls, inst, *ops):
    return tlv(0x1000, struct.pack("!II", cls, inst) + b"".join(ops))


def tlv_messages():
    """Messages with TLVs, for -vvv: each top-level, operation and path
    data kind, and what tcpdump finds wrong in them."""
    full = tlv(0x112, b"\x0a\x14\0\2\1")
    sparse = tlv(0x113, ilv(7, b"abc") + ilv(8, b"\1\2\3\4"))
    key = struct.pack("!I", 9) + tlv(0x200, b"k\0\0\0")
    keyinfo = tlv(0x111, struct.pack("!I", 3) + tlv(0x77, tlv(0x112, b"xy")))
    res = [tlv(0x114, bytes([c, 0, 0, 0])) for c in (0, 5, 0x17, 0xff, 0x20)] + [tlv(0x114, b"\0\0")]
    out = [
        (3, lfb(1, 1, tlv(1, path((1, 2), full)), tlv(2, path((3,), sparse)), tlv(5, path((4,))),
                tlv(12, bytes(8)), tlv(14, bytes(8)), tlv(7, path()), tlv(0x8000, bytes(8)), tlv(1, b"\0\0"))),
        (3, lfb(2, 7, tlv(1, path((5,), key + keyinfo, flags=1)), tlv(1, path((5,), key + full, flags=1)),
                tlv(1, path((5,), key[:6], flags=1)), tlv(1, path((5,), struct.pack("!I", 9) + tlv(0x200, b"", 2) + b"\0" * 4, flags=1)))),
        (4, lfb(3, 1, tlv(7, path((1,), struct.pack("!HHII", 0x117, 12, 1, 10), flags=2)), tlv(8, path((1,), b"", flags=3)),
                tlv(7, path((2,), b"", flags=4)), tlv(7, path((1,), b"\0" * 8, flags=2)))),
        (0x13, lfb(12, 1, *[tlv(3, path((1,), r)) for r in res], tlv(13, path((1,), res[0])), tlv(4, path((9,), full)))),
        (0x13, lfb(12, 1, tlv(13, tlv(0x110, b"\0\0\0\1" + struct.pack("!I", 1)) + tlv(0x777, b"z")), tlv(13, tlv(0x999, bytes(8))),
                tlv(13, tlv(0x110, bytes(4), 40)))),
        (0x14, lfb(0xffffffff, 2, tlv(9, path((1,), path((2, 3), full))), tlv(10, path((1,), sparse)),
                   tlv(9, path((1,), tlv(0x120, b"bad!"))), tlv(9, path((1,), tlv(0x112, b"toolong", 40)[:12])),
                   tlv(9, path((1, 2, 3), b"")[:12]), tlv(9, path((1,), tlv(0x113, b"\1\2"))),
                   tlv(9, path((1,), tlv(0x113, ilv(1, b"", 99)))), tlv(9, path((1,), tlv(0x120, b"", 0)[:4] + bytes(4))))),
        (2, tlv(0x11, struct.pack("!I", 1))), (2, tlv(0x11, struct.pack("!I", 7))), (2, tlv(0x11, struct.pack("!I", 300))),
        (2, tlv(0x11, b"\0\0")),
        (0x11, tlv(0x10, struct.pack("!I", 0))), (0x11, tlv(0x10, struct.pack("!I", 2))), (0x11, tlv(0x10, struct.pack("!I", 3))),
        (0x11, tlv(0x10, struct.pack("!I", 4))), (0x11, tlv(0x10, b"\1\2\3\4\5\6")),
        (1, lfb(1, 1, tlv(11, path((1,), full))) + lfb(2, 1, tlv(11, path()))),
        (5, lfb(4, 4, tlv(11, path((8,), sparse)))),
        (6, tlv(1, tlv(0x115, ilv(1, b"meta") + ilv(2, b"\1\2\3")) + tlv(0x116, b"packet data!") + tlv(0x117, b"zz"))),
        (6, tlv(1, b"\1\2\3\4")), (6, tlv(1, tlv(0x116, b"abcd") + tlv(0x116, b"x", 40)[:8])),
        (6, tlv(1, tlv(0x115, ilv(1, b"m", 60)) + tlv(0x116, b"abcd"))),
        (3, tlv(0x200, bytes(16))), (3, lfb(1, 1, tlv(1, path()))[:4] + bytes(12)), (3, lfb(1, 1)),
        (3, lfb(1, 1, tlv(1, path()), tlv(1, b"", 90)[:4])), (3, tlv(0x1000, bytes(8), 200)),
        (3, lfb(1, 1, tlv(1, path((1, 2, 3))[:12]))), (15, tlv(1, bytes(8))), (3, bytes(4)), (0x13, bytes(2) + b"\0\0"),
    ]
    return out


def frames():
    out = []
    for m in messages():
        out.append((e4(132, m, dst=bytes([10, 0, 0, 2])), None))
    out += [(e6(132, m), None) for m in messages()[:3]]
    out += cuts(e4(132, sctp([chunk(forces(1, flags=0xd8a00000)), chunk(forces(15), tsn=1001)]), dst=bytes([10, 0, 0, 2])))
    out += cuts(e4(132, sctp([chunk(forces(0x12) + b"abcdefghijklmnopq")]), dst=bytes([10, 0, 0, 2])), 80)
    tm = [sctp([chunk(forces(t, cor=i, body=b))], 33985, 6704 + i % 3) for i, (t, b) in enumerate(tlv_messages())]
    out += [(e4(132, m, dst=bytes([10, 0, 0, 2])), None) for m in tm]
    out += [(e4(132, sctp([chunk(forces(1, dst=x))]), dst=bytes([10, 0, 0, 2])), None) for x in (0xfffffffd, 0xfffffffe)]
    for i in (0, 3, 5, 17):
        out += cuts(e4(132, tm[i], dst=bytes([10, 0, 0, 2])), 70)
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
