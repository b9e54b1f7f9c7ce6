#!/usr/bin/env python3
"""mkofp13.py: a capture of OpenFlow 1.3 messages for compare.py (the
decoder against tcpdump): every message type whose body tcpdump 4.99
prints with -v (hello elements, errors of every type and code, echo,
experimenter, features reply, switch config, port status and port mod,
table mod, queue config request, role and async messages), with bodies
well-formed, bogus (unknown values, unassigned bits, wrong lengths) and
several per segment; the types tcpdump prints by header only, with and
without a body; and copies of the rich messages cut short at every byte.
The expected output is whatever tcpdump prints for them.  Deterministic:
the capture is the same every time.
usage: mkofp13.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import tcp, write  # Ethernet/IP/TCP framing, pcap writer


def msg(t, body=b"", xid=0x1234, length=None):
    return struct.pack("!BBHI", 4, t, 8 + len(body) if length is None else length, xid) + body


def elem(t, body, n=None):
    return struct.pack("!HH", t, 4 + len(body) if n is None else n) + body


def port(no=1, config=0x65, state=0x7, feat=0x282f, name=b"eth1\0junk"):
    return struct.pack("!I4x6s2x16sIIIIIIII", no, b"\0\1\2\3\4\5", name, config, state, feat, feat | 0x10000,
                       0, 0xffff, 1000000, 10000000)


def hellos():
    bm = lambda v: elem(1, struct.pack("!I", v))  # noqa: E731
    return [msg(0, b) for b in (
        b"", bm(0x10), bm(0x12), bm(0x7e), bm(0xffffffff), bm(0), bm(0x81), bm(0x10) + bm(0x02),
        elem(1, bytes(8)), elem(1, b""), elem(2, b"abcd"), elem(0xffff, b""), elem(1, b"\0\0\0\x10", 3),
        elem(1, b"\0\0\0\x10", 40), b"\0\1", bm(0x10) + b"\0\1\0", elem(2, b"abcd") + bm(0x10) + elem(3, b"x" * 9),
        elem(1, b"\0\0\0\x10\0\0\0\1"), bm(0x10) + elem(5, b"", 2))]


def errors():
    out = []
    for et in list(range(0, 15)) + [0xffff, 0x100]:
        for code in (0, 1, 4, 8, 11, 13, 14, 15, 16, 0xffff):
            out.append(msg(1, struct.pack("!HH", et, code) + (b"data" if code == 1 else b"")))
    out += [msg(1, struct.pack("!HH", 1, 6) + bytes(range(40)) + b"\x7f\x80\xffabc"), msg(1, b"\0\1"), msg(1, b"\0\0\0\0\0")]
    return out


def fixed():
    """The fixed-size bodies, right and wrong."""
    out = []
    for caps in (0x16f, 0x17f, 0xffffffff, 0):
        out.append(msg(6, struct.pack("!QIBBxxII", 0x89e0162d5f4, 256, 254, 3, caps, 0xdead)))
    out += [msg(6, bytes(20)), msg(6, bytes(28))]
    for t in (8, 9):
        for flags, miss in ((0, 128), (1, 0xffe5), (2, 0xffff), (3, 0), (0x8000, 0xffe4)):
            out.append(msg(t, struct.pack("!HH", flags, miss)))
        out += [msg(t, b"\0"), msg(t, bytes(8))]
    for reason in range(5):
        out.append(msg(12, struct.pack("!B7x", reason) + port(reason + 1)))
    out += [msg(12, struct.pack("!B7x", 0) + port(0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff, b"A" * 16)),
            msg(12, struct.pack("!B7x", 2) + port(0xffffff00, 0, 0, 0, b"\x01\x7f\x80\xfe\n\0")),
            msg(12, struct.pack("!B7x", 1) + port(7)[:40]), msg(12, bytes(80))]
    for no in (3, 0xfffffffd, 0xffffffff, 0xfffffff7):
        out.append(msg(16, struct.pack("!I4x6s2xIII4x", no, b"\1\2\3\4\5\6", 0x65, 0xff, 0xffff)))
    out += [msg(16, bytes(24)), msg(16, bytes(40))]
    for tid, cfg in ((0, 0), (0xfe, 3), (0xff, 0xffffffff), (7, 0x80000000)):
        out.append(msg(17, struct.pack("!B3xI", tid, cfg)))
    out += [msg(17, bytes(4))]
    for no in (1, 0xfffffffc, 0xfffffff8, 0xffffff01):
        out.append(msg(22, struct.pack("!I4x", no)))
    out += [msg(22, bytes(4))]
    for t in (24, 25):
        for role in (0, 1, 2, 3, 4, 0xffffffff):
            out.append(msg(t, struct.pack("!I4xQ", role, 0x0102030405060708 * (role & 1))))
        out.append(msg(t, bytes(12)))
    for t in (27, 28):
        for masks in ((7, 3, 7, 0, 1, 6), (8, 0xffffffff, 0xf, 0, 0x80000007, 2), (0,) * 6):
            out.append(msg(t, struct.pack("!6I", *masks)))
        out.append(msg(t, bytes(20)))
    return out


def variable():
    out = []
    for t in (2, 3):
        out += [msg(t), msg(t, b"ping"), msg(t, bytes(range(0x1c, 0x90)))]
    for exp in (0x2320, 0x4f4e4600, 0xabcdef, 0xff000009, 0xff000003, 0x5c16c7, 0xfe000001):
        out.append(msg(4, struct.pack("!II", exp, 7) + (b"vendordata" if exp & 1 else b"")))
    out += [msg(4, struct.pack("!I", 0x2320) + b"\0\0\0"), msg(4, b""), msg(4, struct.pack("!II", 0x2320, 0xffffffff))]
    return out


def header_only():
    """Types tcpdump prints by header only, and unknown types."""
    out = []
    for t in (5, 7, 10, 11, 13, 14, 15, 18, 19, 20, 21, 23, 26, 29, 30, 0xff):
        out += [msg(t), msg(t, bytes(range(24)))]
    return out


def messages():
    return hellos() + errors() + fixed() + variable() + header_only()


def frames():
    ms = messages()
    out = [(tcp(40000, 6653, m), None) for m in ms]
    out += [(tcp(6653, 40000, b"".join(ms[i:i + 5])), None) for i in range(0, len(ms), 5)]  # several per segment
    out.append((tcp(6633, 40000, ms[0] + ms[1][:-2]), None))  # the second one cut short on the wire
    rich = [msg(0, elem(1, b"\0\0\0\x12") + elem(2, b"ab")), msg(1, struct.pack("!HH", 5, 3) + b"xyz"),
            msg(4, struct.pack("!II", 0x2320, 9) + b"d"), msg(6, struct.pack("!QIBBxxII", 1, 2, 3, 4, 0x4f, 0)),
            msg(9, struct.pack("!HH", 1, 0xffe5)), msg(12, struct.pack("!B7x", 2) + port()),
            msg(16, struct.pack("!I4x6s2xIII4x", 3, b"\1\2\3\4\5\6", 0x65, 0xff, 0xffff)),
            msg(17, struct.pack("!B3xI", 0xfe, 3)), msg(22, struct.pack("!I4x", 0xfffffffd)),
            msg(24, struct.pack("!I4xQ", 2, 99)), msg(28, struct.pack("!6I", 7, 3, 7, 0, 1, 6)),
            msg(2, b"echo") + msg(25, struct.pack("!I4xQ", 3, 1))]
    for m in rich:
        f = tcp(40000, 6653, m)
        for cut in range(14 + 20 + 20, len(f)):  # from the TCP payload on
            out.append((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
