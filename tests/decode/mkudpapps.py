#!/usr/bin/env python3
"""mkudpapps.py: a capture of everyday UDP protocols for compare.py (the
decoder against tcpdump): ISAKMP/IKEv1/IKEv2 and NAT-T (UDP 500, 4500),
RADIUS (1812, 1813, 1645, 1646, 3799, 1700) with EAP messages, DHCPv6
(546, 547), L2TP (1701); well-formed, malformed and cut short at every byte.  The expected output
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


# --- RADIUS (RFC 2865 and after) ---
def rad(attrs, code=1, ident=7, length=None):
    n = 20 + len(attrs)
    return bytes([code, ident]) + struct.pack("!H", n if length is None else length) + bytes(range(16)) + attrs


def ra(t, v):
    return bytes([t, 2 + len(v)]) + v


def u32(v):
    return struct.pack("!I", v)


def rad_messages():
    eap_id = bytes([2, 1, 0, 9, 1]) + b"user"
    eaps = [eap_id, bytes([1, 2, 0, 5, 1]), bytes([1, 3, 0, 10, 2]) + b"hello", bytes([2, 4, 0, 8, 3, 13, 21, 99]),
            bytes([1, 5, 0, 6, 13, 0x20]), bytes([2, 6, 0, 14, 21, 0xa1]) + u32(1234) + b"abcd",
            bytes([1, 7, 0, 6, 43, 0x81]), bytes([1, 8, 0, 8, 18, 10, 0, 0]), bytes([1, 9, 0, 6, 23, 99]),
            bytes([3, 9, 0, 4]), bytes([4, 9, 0, 4]), bytes([1, 9, 0, 5, 4]), bytes([1, 9, 0, 4]),
            bytes([1, 9, 0, 5, 2]), bytes([1, 9, 0, 5, 3]), bytes([1, 9, 0, 5, 13]), bytes([1, 9, 0, 9, 13, 0x80, 0, 0, 1]),
            bytes([9, 9, 0, 4]), bytes([1, 9, 0, 3]), bytes([1, 9, 0, 40, 1]) + b"x", bytes([2, 1, 0, 9, 1]) + b"u\0er",
            bytes([1, 9, 0, 6, 254, 1])]
    strs = b"".join(ra(t, b"value-%d" % t) for t in (1, 11, 18, 19, 20, 22, 24, 25, 30, 31, 32, 33, 34, 35, 36, 39,
                                                     44, 50, 60, 63, 68, 73, 74, 77, 78, 80, 87, 88, 89, 92, 99,
                                                     100, 103, 110, 122))
    nums = b"".join(ra(t, u32(v)) for t, v in ((5, 7), (6, 2), (6, 19), (6, 20), (6, 0), (7, 1), (7, 9), (10, 3),
                                                (10, 4), (12, 1500), (13, 2), (15, 8), (15, 9), (16, 23), (23, 5),
                                                (23, 0xfffffffe), (27, 30), (27, 600), (27, 7200), (28, 59),
                                                (29, 1), (37, 0), (37, 9), (38, 0), (38, 4), (40, 3), (40, 15),
                                                (40, 16), (41, 61), (42, 1 << 31), (45, 4), (45, 0), (46, 86399),
                                                (49, 23), (49, 24), (51, 2), (57, 2), (57, 3), (61, 15), (61, 34),
                                                (61, 35), (62, 4), (72, 4), (75, 3), (76, 1), (76, 2), (85, 3600),
                                                (86, 5)))
    tagged = (ra(64, b"\x01\0\0\x03") + ra(64, b"\0\0\0\x0d") + ra(65, b"\x02\0\0\x06") + ra(65, b"\x02\0\0\x20") +
              ra(83, b"\x05\0\0\x09") + ra(83, b"\0\0\1\0") + ra(56, b"\x31\0\0\x0a") + ra(56, b"\x40\0\0\x0a") +
              ra(58, b"\x32vlan-x") + ra(58, b"\x33") + ra(66, b"\x01host") + ra(67, b"host") + ra(81, b"\0grp") +
              ra(82, b"\x1fid") + ra(90, b"\x20x") + ra(91, b"\x02y") + ra(69, b"\x03\x12\x34secret") +
              ra(69, b"\x40\0\1x") + ra(69, b"\x01\x02"))
    addrs = (ra(4, bytes([192, 0, 2, 1])) + ra(8, b"\xff\xff\xff\xff") + ra(8, b"\xff\xff\xff\xfe") +
             ra(14, b"\xff\xff\xff\xfe") + ra(9, b"\xff\xff\xff\0") + ra(4, b"\1\2") + ra(95, bytes(range(16))) +
             ra(98, bytes(15)) + ra(97, b"\0\x40" + bytes(range(8))) + ra(97, b"\0\x81" + bytes(16)) +
             ra(97, b"\0\x10" + bytes(1)) + ra(97, b"\0\x18") + ra(123, b"\0\x30" + bytes(6)) +
             ra(97, b"\0") + ra(97, bytes(17)))
    other = (ra(55, u32(1594000000)) + ra(55, u32(0)) + ra(55, b"\1") + ra(70, bytes(range(16))) + ra(70, b"x") +
             ra(71, b"\1\x08" + bytes(range(12))) + ra(71, b"\0\x08" + bytes(range(12))) + ra(71, b"\0") +
             ra(84, bytes(range(8))) + ra(84, bytes(range(10))) + ra(84, b"\1") + ra(101, u32(404)) +
             ra(101, u32(999)) + ra(101, b"\1") + ra(124, struct.pack("!Q", 0x0003ff0000000003)) +
             ra(124, struct.pack("!Q", 0)) + ra(124, b"\1") + ra(125, b"\x40" + bytes(range(16))) +
             ra(125, b"\x90" + bytes(16)) + ra(125, b"\x40") + ra(2, bytes(16)) + ra(3, bytes(17)) + ra(17, b"x") +
             ra(94, b"\0\1") + ra(96, bytes(8)) + ra(102, b"k") + ra(200, b"unknown") + ra(0, b"zero") +
             ra(129, b"\x80\x01" + struct.pack("!II", 0xe2b60c67, 0x89abcdef) + b"note") +
             ra(129, b"\x00\x00" + bytes(8)) + ra(129, b"\0\0\0") + ra(127, b"\0\1\0\0" + bytes(16) + b"GPS") +
             ra(127, b"\0\2\x05\x07" + struct.pack("!II", 0xe2b36967, 0) + bytes(8) + b"\x01") +
             ra(127, b"\0\1") + ra(128, b"\0\1my location") + ra(128, b"\0\1") +
             ra(126, b"\x30TADIG") + ra(126, b"\x39x\x01") + ra(126, b"\x31"))
    vendor = (ra(26, u32(9) + bytes([1, 7]) + b"a=b=c" + bytes([2, 2])) + ra(26, u32(311) + bytes([1, 1])) +
              ra(26, u32(14122) + bytes([1, 9, 0x41])) + ra(26, u32(99999)) + ra(26, b"\0\0\0") +
              ra(26, u32(2636) + bytes([5, 4, 0xff, 0x01, 7])))
    m = [rad(ra(1, b"bob") + ra(2, bytes(16)) + ra(4, bytes([10, 0, 0, 1])) + ra(5, u32(1)) + ra(80, bytes(16))),
         rad(strs, code=2), rad(nums, code=4), rad(tagged, code=11), rad(addrs, code=12), rad(other, code=13),
         rad(vendor, code=40), rad(b"", code=5), rad(ra(18, b"bye"), code=3), rad(b"", code=99),
         rad(b"", code=255), rad(ra(1, b"x") + b"\x01\x01", code=41), rad(ra(1, b"x") + b"\x01\x09abc", code=42),
         rad(ra(1, b"x") + b"\x01", code=43), rad(ra(1, b"bob"), length=10), rad(ra(1, b"bob"), length=200),
         rad(ra(1, b"bob") + ra(11, b"extra"), length=25), rad(ra(1, b"a\0b") + ra(1, b"\x01\x7f\x80"), code=44),
         rad(b"", code=45)[:19]]
    m += [rad(ra(79, e)) for e in eaps]
    m.append(rad(ra(79, eaps[0]) + ra(1, b"after") + b"\x01"))
    return m


def radius_frames():
    out = []
    msgs = rad_messages()
    ports = (1812, 1813, 1645, 1646, 3799, 1700)
    for i, m in enumerate(msgs):
        p = ports[i % len(ports)]
        out.append((udp(40010, p, m), None))
    out.append((udp(1812, 40010, msgs[0], v6=True), None))
    for m in (msgs[0], msgs[3], msgs[5], msgs[6], msgs[19]):
        f = udp(40010, 1812, m)
        for cut in range(42, len(f)):
            out.append((f, cut))
    return out


# --- DHCPv6 (RFC 8415) ---
def o6(code, data):
    return struct.pack("!HH", code, len(data)) + data


def dname(*labels):
    return b"".join(bytes([len(x)]) + x for x in labels) + b"\0"


A6 = bytes.fromhex("2a010000000000000000000000000001")


def dh6_messages():
    duids = [o6(1, b"\0\1\0\1" + u32(406802160) + bytes(range(6))), o6(2, b"\0\2" + u32(9) + b"\1\2\3"),
             o6(1, b"\0\3\0\1" + bytes(range(6))), o6(1, b"\0\4" + bytes(range(16))), o6(1, b"\0\4\1"),
             o6(1, b"\0\7\1"), o6(1, b"\0"), o6(1, b"\0\1\0\1"), o6(2, b"\0\2\0"), o6(1, b"\0\3\0")]
    ia_addr = o6(5, A6 + u32(250) + u32(300) + o6(13, b"\0\0ok"))
    opts = [o6(6, b"\0\x17\0\x40\0\x01\x12\x34"), o6(6, b"\0"), o6(7, b"\x0a"), o6(7, b""), o6(8, b"\0\x60"),
            o6(8, b"\1"), o6(3, u32(7) + u32(3600) + u32(5400) + ia_addr), o6(3, u32(7)),
            o6(4, u32(9) + ia_addr), o6(4, b""), o6(25, u32(1) + u32(150) + u32(250) +
                                                  o6(26, u32(250) + u32(300) + b"\x38" + A6)),
            o6(26, b"\0" * 10), o6(5, b"\0" * 5), o6(13, b"\0\2no addrs"), o6(13, b"\1\0"), o6(13, b"\0\x0b"),
            o6(13, b"\0"), o6(14, b""), o6(20, b""), o6(19, b"\5"), o6(19, b"\x0b"), o6(19, b"\x07"), o6(19, b""),
            o6(23, A6 + A6), o6(23, A6[:8]), o6(22, A6), o6(31, A6), o6(27, A6), o6(28, A6), o6(34, A6),
            o6(40, A6), o6(48, A6), o6(24, dname(b"example", b"com") + dname(b"lab")),
            o6(21, dname(b"sip", b"example")), o6(24, b"\0"),
            o6(64, dname(b"aftr-name", b"mydomain", b"net")), o6(64, b"\1a"), o6(64, b"\x09abc\0"),
            o6(112, b"https://mud.example/x"), o6(112, b"abc"), o6(41, b"EST5EDT"), o6(42, b"Europe/Berlin\0x"),
            o6(59, b"tftp://boot/file"), o6(15, b"\0\3abc\0\2de"), o6(15, b"\0\9ab"), o6(15, b"\0"),
            o6(136, b"\0\4sztp"), o6(16, u32(9) + b"\0\3abc"), o6(17, u32(9) + b"\0\1\0\1x"),
            o6(18, bytes(range(12))), o6(18, b"ab"), o6(38, b"sub-1"), o6(37, u32(9) + bytes(range(14))),
            o6(37, b"\1"), o6(32, u32(3600)), o6(46, u32(5)), o6(32, b"\1"), o6(12, A6),
            o6(11, bytes([2, 1, 0]) + bytes(8) + b"realm" + u32(0x1234) + bytes(range(16))),
            o6(11, bytes([2, 1, 0]) + bytes(8)), o6(11, bytes([2, 1, 0]) + bytes(8) + b"x"),
            o6(11, bytes([3, 1, 0]) + bytes(8) + b"\1" + bytes(range(16))),
            o6(11, bytes([3, 1, 0]) + bytes(8) + b"\2" + bytes(16)), o6(11, bytes([3, 1, 0]) + bytes(8) + b"\7" + bytes(16)),
            o6(11, bytes([3, 2, 1]) + bytes(8) + b"\2"), o6(11, bytes([9, 9, 9]) + bytes(8)), o6(11, b"\1"),
            o6(44, b"\1" + A6 + o6(6, b"\0\x17")), o6(44, b"\2" + A6), o6(44, b"\7" + A6), o6(44, b"\1"),
            o6(45, duids[0] + o6(46, u32(5))), o6(45, b""), o6(47, A6 + bytes(range(12))), o6(47, b"\1"),
            o6(56, o6(1, A6) + o6(2, A6) + o6(3, dname(b"ntp", b"org")) + o6(9, b"x") + o6(1, b"\1")),
            o6(56, b"\1"), o6(56, o6(1, A6)[:10] + b"\0\0\0\0"), o6(39, b"\0\3abc"), o6(36, b"x"),
            o6(200, b"\1\2"), o6(43, b"\0\x17")]
    m = [bytes([1, 0xd8, 0x1e, 0xb8]) + b"".join(duids[:4]) + b"".join(opts[:12]),
         bytes([2, 1, 2, 3]) + b"".join(duids[4:]) + b"".join(opts[12:30]),
         bytes([7, 1, 2, 3]) + b"".join(opts[30:50]), bytes([11, 4, 5, 6]) + b"".join(opts[50:70]),
         bytes([14, 4, 5, 6]) + b"".join(opts[70:]), bytes([99, 0, 0, 1]), bytes([10, 0, 0, 1]) + o6(19, b"\5"),
         bytes([3, 0, 0, 1]) + o6(1, b"\0\1\0\1\0\0"), bytes([4, 0, 0, 1]) + b"\0\1\0\9ab",
         bytes([5, 0, 0, 1]) + b"\0", bytes([6, 0, 0, 1]), bytes([8, 0, 0, 1]) + duids[0], bytes([9, 0, 0, 1]),
         bytes([15, 0, 0, 1]), bytes([1, 2, 3])]
    inner = m[0]
    relay = bytes([12, 0]) + A6 + bytes(range(16)) + o6(9, inner) + o6(18, b"\0\0\0\x08")
    m.append(relay)
    m.append(bytes([13, 1]) + A6 + A6 + o6(9, bytes([10, 0, 0, 1]) + o6(19, b"\x0b")) + o6(19, b"?"))
    m.append(bytes([12, 0]) + A6 + bytes(range(16)) + o6(9, relay))
    m.append(bytes([12, 0]) + A6 + bytes(range(16)) + o6(9, inner[:30]))
    m.append(bytes([12, 0]) + A6 + bytes(8))
    return m


def dhcp6_frames():
    out = []
    msgs = dh6_messages()
    for i, m in enumerate(msgs):
        out.append((udp(546, 547, m, v6=True), None))
        out.append((udp(547, 546, m), None))
    for m in (msgs[0], msgs[1], msgs[15], msgs[17]):
        f = udp(546, 547, m, v6=True)
        for cut in range(62, len(f)):
            out.append((f, cut))
    return out


# --- L2TP (RFC 2661) ---
def avp(t, v, flags=0x8000, vendor=0):
    return struct.pack("!HHH", flags | (6 + len(v)), vendor, t) + v


def l2tp(avps, flags=0xc802, tid=1, sid=0, ns=0, nr=0, length=None, extra=b""):
    hdr = struct.pack("!H", flags)
    body = b""
    if flags & 0x0800:
        body += struct.pack("!HH", ns, nr)
    if flags & 0x0200:
        body += b"\0\2\xaa\xbb"
    n = 2 + (2 if flags & 0x4000 else 0) + 4 + len(body) + len(avps)
    if flags & 0x4000:
        hdr += struct.pack("!H", n if length is None else length)
    return hdr + struct.pack("!HH", tid, sid) + body + avps + extra


def l2tp_messages():
    ctl = (avp(0, b"\0\1") + avp(2, b"\1\0") + avp(3, u32(3)) + avp(4, u32(1)) + avp(5, bytes(range(8))) +
           avp(6, b"\x06\x90", 0) + avp(7, b"lac.example") + avp(8, b"Vendor\x01") + avp(9, b"\0\x2a") +
           avp(10, b"\0\4") + avp(11, bytes(range(16))) + avp(36, b"\1\2\3"))
    call = (avp(0, b"\0\x0a") + avp(14, b"\0\7") + avp(15, u32(99)) + avp(16, u32(64000)) +
            avp(17, u32(1 << 20)) + avp(18, u32(2)) + avp(19, u32(1)) + avp(20, b"") + avp(21, b"5551234") +
            avp(22, b"5554321") + avp(23, b"sub") + avp(24, u32(10000)) + avp(25, u32(7)) +
            avp(26, b"\1\2") + avp(27, b"\3") + avp(28, b"") + avp(29, b"\0\2") + avp(29, b"\0\x09") +
            avp(30, b"user") + avp(31, b"\x11" * 4) + avp(32, b"\0\x05") + avp(33, b"\x22" * 4) +
            avp(37, b"grp") + avp(38, u32(20000)) + avp(39, b""))
    errs = (avp(0, b"\0\x0e") + avp(1, b"\0\1") + avp(1, b"\0\2\0\6") + avp(1, b"\0\2\0\6bye") +
            avp(1, b"\0\2\0") + avp(1, b"") + avp(12, b"\0\x10\x05cause") + avp(12, b"\0\1\2") +
            avp(12, b"\0") + avp(13, bytes(range(16))) + avp(13, b"x") +
            avp(34, b"\0\0" + u32(1) + u32(2) + u32(3) + u32(4) + u32(5) + u32(6)) + avp(34, b"\0\0" + u32(1)) +
            avp(34, b"\0") + avp(35, b"\0\0" + u32(0xffffffff) + u32(0xa)) + avp(35, b"\0\0\1") +
            avp(46, b"\0\1\xc0\x21\x01" + b"lcp") + avp(46, b"\0\1\xc0\x21\x07") + avp(46, b"\0") +
            avp(0, b"\0\x63") + avp(0, b"\0") + avp(2, b"") + avp(3, b"") + avp(4, b"") + avp(5, b"") +
            avp(6, b"") + avp(9, b"") + avp(15, b"") + avp(29, b"") + avp(32, b"") + avp(7, b"hidden", 0xc000) +
            avp(99, b"\1\2") + avp(3, u32(0), 0) + avp(7, b"v", 0x8000, vendor=9) + avp(4, u32(3)) + avp(19, u32(3)))
    m = [l2tp(ctl), l2tp(call, flags=0xcb02, ns=1, nr=2), l2tp(errs, ns=3, nr=4), l2tp(b""),
         l2tp(b"", flags=0xc802, length=200), l2tp(avp(0, b"\0\6"), length=9), l2tp(avp(0, b"\0\6"), flags=0x8802),
         l2tp(avp(0, b"\0\6"), flags=0x0002), l2tp(b"\xff\x03\xc0\x21", flags=0x4002),
         l2tp(b"\xff\x03\x00\x21", flags=0x0102), l2tp(b"\0\x21\x45", flags=0x0a02),
         l2tp(avp(0, b"\0\6") + b"\x00\x03\0\0\0\0"), l2tp(avp(0, b"\0\6") + b"\x80\x40\0\0\0\0"),
         b"\0\1\0\0", b"\0\3\0\0", b"\xc8", b"\xc8\x02\0\x0c"]
    return m


def l2tp_frames():
    out = []
    msgs = l2tp_messages()
    for m in msgs:
        out.append((udp(1701, 1701, m), None))
    out.append((udp(40020, 1701, msgs[0], v6=True), None))
    for m in msgs[:3]:
        f = udp(1701, 1701, m)
        for cut in range(42, len(f), 2):
            out.append((f, cut))
    return out


def frames():
    return isakmp_frames() + radius_frames() + dhcp6_frames() + l2tp_frames()


if __name__ == "__main__":
    write(sys.argv[1], frames())
