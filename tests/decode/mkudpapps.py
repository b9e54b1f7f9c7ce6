#!/usr/bin/env python3
"""mkudpapps.py: a capture of everyday UDP protocols for compare.py (the
decoder against tcpdump): ISAKMP/IKEv1/IKEv2 and NAT-T (UDP 500, 4500),
well-formed, malformed and cut short at every byte.  The expected output
is whatever tcpdump prints for them.  Deterministic.
usage: mkudpapps.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, write  # Ethernet/IP/UDP framing, pcap writer


def rev(frame):
    """the same IPv4 frame from the other end: addresses swapped (the
    checksums stay right, the sums do not depend on the order)"""
    return frame[:26] + frame[30:34] + frame[26:30] + frame[34:]


# --- ISAKMP (RFC 2408, 2409, 4306) ---
ICK, RCK = bytes.fromhex("cf02326f14a95b93"), bytes.fromhex("18a109f89219e8df")


def gen(np, body, crit=0):
    """a payload: generic header and body"""
    return struct.pack("!BBH", np, crit, 4 + len(body)) + body


def chain(pl):
    """[(type, body[, critical])] linked by their next-payload fields;
    returns (first type, bytes)"""
    out = b""
    for i, p in enumerate(pl):
        nxt = pl[i + 1][0] if i + 1 < len(pl) else 0
        out += gen(nxt, p[1], p[2] if len(p) > 2 else 0)
    return (pl[0][0] if pl else 0), out


def ike(pl, etype=2, flags=0, msgid=0, ver=0x10, ick=ICK, rck=b"\0" * 8, np=None, length=None):
    first, body = chain(pl)
    n = 28 + len(body)
    return ick + rck + struct.pack("!BBBBII", first if np is None else np, ver, etype, flags, msgid,
                                   n if length is None else length) + body


def attr_tv(t, v):
    return struct.pack("!HH", 0x8000 | t, v)


def attr_tlv(t, data):
    return struct.pack("!HH", t, len(data)) + data


def v1_sa(props, sit=1, doi=1):
    body = struct.pack("!II", doi, sit) + (b"\0\0\0\7" if sit != 1 else b"")
    return body + chain(props)[1]


def v1_prop(no, proto, transforms, spi=b""):
    return (2, struct.pack("!BBBB", no, proto, len(spi), len(transforms)) + spi + chain(transforms)[1])


def v1_t(no, tid, attrs=b""):
    return (3, struct.pack("!BBH", no, tid, 0) + attrs)


def v1_messages():
    oakley = (attr_tv(1, 7) + attr_tv(14, 128) + attr_tv(2, 2) + attr_tv(4, 2) + attr_tv(3, 1) +
              attr_tv(11, 1) + attr_tlv(12, b"\0\1\x51\x80") + attr_tv(1, 99) + attr_tv(20, 3) +
              attr_tv(5, 2) + attr_tv(3, 0xfde9))
    ipsec = attr_tv(1, 1) + attr_tlv(2, b"\0\0\x0e\x10") + attr_tv(4, 1) + attr_tv(5, 2) + attr_tv(6, 256) + \
        attr_tv(3, 14) + attr_tv(12, 1) + attr_tv(4, 9)
    sa = v1_sa([v1_prop(1, 1, [v1_t(1, 1, oakley), v1_t(2, 1, attr_tv(1, 5))])])
    sa_esp = v1_sa([v1_prop(1, 3, [v1_t(1, 12, ipsec), v1_t(2, 3, ipsec), v1_t(3, 40)], spi=b"\x11\x22\x33\x44"),
                    v1_prop(2, 2, [v1_t(1, 3, ipsec)], spi=b"\xaa\xbb\xcc\xdd"),
                    v1_prop(3, 4, [v1_t(1, 2, attr_tv(8, 4))], spi=b"\0\x07"),
                    v1_prop(4, 9, [v1_t(1, 1, attr_tv(1, 1) + attr_tlv(2, b"xy"))])], sit=3)
    ids = [struct.pack("!BBH", 1, 17, 500) + bytes([192, 0, 2, 1]),
           struct.pack("!BBH", 2, 0, 0) + b"vpn.example.com",
           struct.pack("!BBH", 3, 6, 80) + b"user@example.com\x01",
           struct.pack("!BBH", 4, 0, 0) + bytes([10, 1, 0, 0, 255, 255, 0, 0]),
           struct.pack("!BBH", 5, 0, 0) + bytes(range(16)),
           struct.pack("!BBH", 6, 0, 0) + bytes(range(16)) + b"\xff" * 8 + b"\0" * 8,
           struct.pack("!BBH", 7, 0, 0) + bytes([10, 0, 0, 1, 10, 0, 0, 9]),
           struct.pack("!BBH", 8, 0, 0) + bytes(range(32)),
           struct.pack("!BBH", 9, 0, 0) + b"\x30\x0b\x31\x09",
           struct.pack("!BBH", 11, 0, 0) + b"key-1",
           struct.pack("!BBH", 1, 0, 0) + b"\1\2",
           struct.pack("!BBH", 6, 0, 0) + bytes(10),
           struct.pack("!BBH", 20, 0, 0) + b"zz",
           struct.pack("!BBH", 1, 50, 0)]
    m = [ike([(1, sa), (13, bytes(range(16))), (13, b"\x09\x00\x26\x89\xdf\xd6\xb7\x12")]),
         ike([(4, bytes(range(96))), (10, bytes(range(20))), (15, b"abcd"), (20, b"natd")]),
         ike([(1, sa_esp), (10, bytes(range(40)))], etype=32, flags=0, msgid=0x12345678),
         ike([(5, ids[0]), (6, b"\x04certdata"), (7, b"\x04"), (8, bytes(range(20))), (9, bytes(16))],
             etype=2, flags=2),
         ike([(8, bytes(20)), (11, struct.pack("!IBBH", 1, 3, 4, 24576) + b"\1\2\3\4" + attr_tv(11, 1) +
                                  attr_tlv(12, b"\0\0\x70\x80")),
              (11, struct.pack("!IBBH", 1, 1, 0, 24577) + b"\0\0\0\1"),
              (11, struct.pack("!IBBH", 1, 2, 0, 24577) + b"\0\0\0\0"),
              (11, struct.pack("!IBBH", 1, 3, 4, 14) + b"\1\2\3\4" + bytes(range(40))),
              (11, struct.pack("!IBBH", 1, 1, 0, 24578)),
              (11, struct.pack("!IBBH", 1, 1, 0, 8192)), (11, struct.pack("!IBBH", 1, 1, 0, 16384)),
              (11, struct.pack("!IBBH", 1, 1, 0, 30000)), (11, struct.pack("!IBBH", 1, 1, 0, 40000)),
              (11, struct.pack("!IBBH", 1, 1, 0, 31)),
              (11, struct.pack("!IBBH", 2, 1, 2, 5) + b"\1\2"), (11, struct.pack("!IBBH", 2, 1, 0, 9000)),
              (11, struct.pack("!IBBH", 2, 1, 0, 16385)), (11, struct.pack("!IBBH", 2, 1, 0, 25000)),
              (12, struct.pack("!IBBH", 1, 3, 4, 2) + b"\1\2\3\4\5\6\7\x08"),
              (12, struct.pack("!IBBH", 7, 9, 2, 1) + b"\1\2")], etype=5, msgid=9),
         ike([(8, bytes(20))], etype=5, flags=1, msgid=7),
         ike([(1, sa)], flags=3, length=999),
         ike([(1, v1_sa([], doi=2))]), ike([(1, v1_sa([v1_prop(1, 1, [])], sit=6))]),
         ike([(1, sa)], etype=4), ike([], etype=0, np=0), ike([(9, b"")]),
         ike([(13, b"x")], etype=70, flags=4), ike([(46, b"abcd"), (33, b"")], etype=1),
         ike([(1, v1_sa([v1_prop(1, 1, [v1_t(1, 1, attr_tlv(12, b"\0\1"))])])[:-1] + b"\0\x09")]),
         ike([(13, b"abc")], ver=0x31), ike([(13, b"abc")], ver=0x00)]
    for i in ids:
        m.append(ike([(5, i)], etype=32, msgid=1))
        m.append(ike([(5, i)]))
    return m


def v2_t(ttype, tid, attrs=b""):
    return (3, struct.pack("!BBH", ttype, 0, tid) + attrs)


def v2_prop(no, proto, transforms, spi=b""):
    return (2, struct.pack("!BBBB", no, proto, len(spi), len(transforms)) + spi + chain(transforms)[1])


def v2_messages():
    kl = attr_tv(14, 128)
    sa = chain([v2_prop(1, 1, [v2_t(1, 12, kl), v2_t(1, 12, attr_tv(14, 256)), v2_t(1, 3), v2_t(2, 2),
                               v2_t(2, 5), v2_t(3, 2), v2_t(3, 12), v2_t(4, 2), v2_t(4, 14), v2_t(4, 31),
                               v2_t(5, 0), v2_t(5, 1), v2_t(9, 4), v2_t(1, 12, attr_tv(3, 1))]),
                v2_prop(2, 3, [v2_t(1, 12, kl), v2_t(3, 2), v2_t(5, 0)], spi=b"\x01\x02\x03\x04"),
                v2_prop(3, 9, [v2_t(1, 20)])])[1]
    nonce = bytes(range(32))
    ids = [b"\x01\0\0\0" + bytes([192, 0, 2, 9]), b"\x02\0\0\0" + b"gw.example.net", b"\x03\0\0\0" + b"a@b.c\x7f",
           b"\x05\0\0\0" + bytes(range(16)), b"\x09\0\0\0" + b"\x30\x03\x31\x01", b"\x0a\0\0\0" + b"\x82",
           b"\x0b\0\0\0" + b"kid", b"\x07\0\0\0" + b"other", b"\x01\0\0\0"]
    notes = [(41, struct.pack("!BBH", 0, 0, t)) for t in
             (1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39, 16384, 16385, 16386, 16387, 16391, 16392,
              16394, 16395, 100, 9000, 20000, 50000)]
    m = [ike([(33, sa), (34, b"\0\x02\0\0" + bytes(range(128))), (40, nonce),
              (41, struct.pack("!BBH", 0, 0, 16388) + bytes(20)),
              (41, struct.pack("!BBH", 0, 0, 16389) + bytes(range(20)))], etype=34, flags=8, ver=0x20),
         ike([(41, struct.pack("!BBH", 0, 0, 16390) + bytes(range(24)))], etype=34, flags=0x20, ver=0x20),
         ike([(41, struct.pack("!BBH", 0, 0, 16390) + bytes(range(8))), (33, sa)], etype=34, flags=8, ver=0x20),
         ike([(35, ids[1]), (36, ids[0]), (39, b"\x02\0\0\0" + bytes(range(20))), (33, sa),
              (44, b"\x01\0\0\0" + bytes(16)), (45, b"\x01\0\0\0" + bytes(16)), (47, b"\x01\0\0\0"),
              (37, b"\x04cert"), (38, b"\x04ca"), (42, b"\x01\0\0\0"), (43, b"strongSwan\x01"), (48, b"\x01\1\0\4")],
             etype=35, flags=0x08, msgid=1, ver=0x20),
         ike([(46, bytes(range(60)))], etype=36, flags=0x28, msgid=2, ver=0x20, np=46),
         ike([(46, bytes(range(60)), 0x80)], etype=37, flags=0x10, msgid=3, ver=0x20),
         ike(notes, etype=37, ver=0x20, msgid=4),
         ike([(41, struct.pack("!BBH", 3, 4, 16393) + b"\xde\xad\xbe\xef"),
              (41, struct.pack("!BBH", 1, 8, 4) + bytes(8) + b"tail"),
              (41, struct.pack("!BBH", 2, 4, 16384) + b"\1\2\3\4")], etype=37, ver=0x20, msgid=5),
         ike([(34, b"\0\x0e\0\0", 0x80), (40, b"", 0x80), (39, b"\x01\0\0\0", 0x80), (43, b"", 0)],
             etype=35, ver=0x20, msgid=6),
         ike([(34, b"\0\x0e")], etype=34, ver=0x20), ike([(39, b"\x09")], etype=34, ver=0x20),
         ike([(33, b"")], etype=34, ver=0x20), ike([(33, b"\0\0\0\4")], etype=34, ver=0x20),
         ike([(33, b"\0\0\0\x50" + bytes(8))], etype=34, ver=0x20),
         ike([(33, chain([v2_prop(1, 1, [v2_t(1, 12)], spi=bytes(200))])[1])], etype=34, ver=0x20),
         ike([(33, chain([(2, b"\1\1\0\1" + b"\0\0\0\x40" + bytes(4))])[1])], etype=34, ver=0x20),
         ike([(33, chain([(2, b"\1\1\0\1" + b"\0\0\0\3")])[1])], etype=34, ver=0x20),
         ike([(33, chain([(3, bytes(8))])[1])], etype=34, ver=0x20),
         ike([(33, chain([v2_prop(1, 1, [(2, bytes(4))])])[1])], etype=34, ver=0x20),
         ike([(33, chain([v2_prop(1, 1, [v2_t(1, 12, attr_tlv(14, b"\1"))])])[1][:-1] + b"\0\x07")],
             etype=34, ver=0x20),
         ike([(33, sa)], etype=34, ver=0x20, flags=0x01),
         ike([(1, b"\0" * 8), (13, b"x")], etype=34, ver=0x20)]
    for i in ids:
        m.append(ike([(35, i)], etype=35, ver=0x20, msgid=1))
    return m


def isakmp_frames():
    out = []
    v1, v2 = v1_messages(), v2_messages()
    for msg in v1 + v2:
        out.append((udp(500, 500, msg), None))
    # an exchange: the initiator's cookie recorded, then the responder's
    # answer from the other address, and a third party's
    first = udp(500, 500, ike([(13, b"abcd")], ick=b"\x77" * 8))
    out.append((first, None))
    out.append((rev(udp(500, 500, ike([(13, b"abcd")], ick=b"\x77" * 8, rck=RCK))), None))
    out.append((udp(500, 500, ike([(13, b"abcd")], ick=b"\x77" * 8, rck=RCK)), None))
    out.append((udp(500, 500, ike([(13, b"abcd")], ick=b"\x66" * 8, rck=RCK)), None))
    out.append((udp(500, 500, ike([(13, b"abcd")], ick=b"\x77" * 8, rck=RCK), v6=True), None))
    out.append((udp(7500, 40000, v1[0]), None))
    out.append((udp(40000, 8500, v2[0]), None))
    out.append((udp(500, 500, b"\1\2\3"), None))
    # NAT traversal: keepalive, short, IKE after the non-ESP marker, ESP
    for m in (b"\xff", b"\x00", b"\xff\xff", b"\0\0\0", b"\0\0\0\0", b"\0\0\0\0" + v1[0], b"\0\0\0\0" + v2[3],
              b"\0\0\0\0" + v1[0][:20], struct.pack("!II", 0x1000, 5) + bytes(32), b"\1\2\3\4\5"):
        out.append((udp(4500, 4500, m), None))
    out.append((udp(4500, 4500, b"\0\0\0\0" + v1[4]), None))
    # every cut of a few rich messages
    for msg in (v1[0], v1[3], v1[4], v2[0], v2[3], v2[7], v1[2]):
        f = udp(500, 500, msg)
        for cut in range(42, len(f)):
            out.append((f, cut))
    f = udp(4500, 4500, b"\0\0\0\0" + v2[0])
    for cut in range(42, len(f), 7):
        out.append((f, cut))
    return out


def frames():
    return isakmp_frames()


if __name__ == "__main__":
    write(sys.argv[1], frames())
