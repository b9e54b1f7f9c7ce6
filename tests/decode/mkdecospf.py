#!/usr/bin/env python3
"""mkdecospf.py: a capture of OSPFv3 packets (every packet type, the LSA
types tcpdump decodes, LLS and authentication trailers), ICMPv6 node
information messages, IGRP updates and DVMRP messages, well-formed, malformed and cut short, for
compare.py (the decoder against tcpdump).  The expected output is whatever
tcpdump prints for them.  Deterministic: the capture is the same every
time.
usage: mkdecospf.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, with_cuts, write  # noqa: E402
from pcapbytes import csum  # noqa: E402

A6 = bytes.fromhex("fe800000000000000000000000000001")
B6 = bytes.fromhex("ff020000000000000000000000000005")
G6 = bytes.fromhex("20010db8000100020000000000000000")
RID = bytes([1, 1, 1, 1])


def ip6(nh, payload, src=A6, dst=B6):
    return ETH_DST + ETH_SRC + b"\x86\xdd" + struct.pack("!IHBB16s16s", 6 << 28, len(payload), nh, 1, src, dst) + payload


# --- OSPFv3 ---
def ospf6(t, body, area=0, inst=0, ver=3, length=None, trailer=b""):
    n = 16 + len(body) if length is None else length
    return struct.pack("!BBH4sIHBB", ver, t, n, RID, area, 0, inst, 0) + body + trailer


def lshdr(t, lsid=b"\0\0\0\1", adv=RID, seq=0x80000001, age=5, length=20):
    return struct.pack("!HH4s4sIHH", age, t, lsid, adv, seq, 0x1234, length)


def lsa(t, body, **kw):
    return lshdr(t, length=20 + len(body), **kw) + body


def prefix(plen, addr=G6, opt=0, metric=10):
    w = (plen + 31) // 32
    return struct.pack("!BBH", plen, opt, metric) + addr[:w * 4]


def hello(opts=0x13, pri=1, dr=RID, bdr=b"\0\0\0\0", nbrs=(RID, b"\2\2\2\2")):
    return struct.pack("!IIHH4s4s", 5, pri << 24 | opts, 10, 40, dr, bdr) + b"".join(nbrs)


def dd(opts=0x13, flags=7, hdrs=b""):
    return struct.pack("!IHBBI", opts, 1500, 0, flags, 0x242c) + hdrs


def rlink(t, metric=10, ifid=5, nifid=6, nrid=b"\2\2\2\2"):
    return struct.pack("!BBHII4s", t, 0, metric, ifid, nifid, nrid)


def lsas():
    router = lsa(0x2001, struct.pack("!I", 0x03000013) + rlink(1) + rlink(2) + rlink(4))
    return [
        router,
        lsa(0x2001, struct.pack("!I", 0x1f000000)),
        lsa(0x2001, struct.pack("!I", 0x13) + rlink(9) + rlink(1)),
        lsa(0x2001, struct.pack("!I", 0x13) + rlink(1)[:10]),
        lsa(0x2002, struct.pack("!I", 0x33) + RID + b"\2\2\2\2"),
        lsa(0x2002, struct.pack("!I", 0x33) + RID + b"\2\2"),
        lsa(0x2003, struct.pack("!I", 0x01000064) + prefix(64) + prefix(0) + prefix(128, opt=0x3f) + prefix(48, opt=2)),
        lsa(0x2003, struct.pack("!I", 20) + prefix(129)),
        lsa(0x2003, struct.pack("!I", 20) + prefix(64)[:6]),
        lsa(0x2003, b"\0\0"),
        lsa(0x4005, struct.pack("!I", 0x07000030) + prefix(64, metric=0x100) + A6 + b"\0\0\0\7" + b"\0\0\0\x09"),
        lsa(0x4005, struct.pack("!I", 0x00000030) + prefix(32)),
        lsa(0x4005, struct.pack("!I", 0x02000030) + prefix(32) + A6[:8]),
        lsa(0x4005, struct.pack("!I", 0x01000030) + prefix(32)),
        lsa(0x4005, struct.pack("!I", 0x00000030) + prefix(32, metric=0x200)),
        lsa(0x0008, struct.pack("!I", 0x01000013) + A6 + struct.pack("!I", 2) + prefix(64) + prefix(80, opt=1)),
        lsa(0x0008, struct.pack("!I", 0x01000013) + A6 + struct.pack("!I", 3) + prefix(64)),
        lsa(0x0008, struct.pack("!I", 0x01000013) + A6[:4]),
        lsa(0x2009, struct.pack("!HH4s4s", 2, 0x2001, b"\0\0\0\0", RID) + prefix(64) + prefix(96)),
        lsa(0x2009, struct.pack("!HH4s4s", 5, 0x2002, b"\0\0\0\5", RID) + prefix(64)),
        lsa(0x2009, b"\0\1"),
        lsa(0x2004, b"\0\0\0\0\1\2\3\4\5\6\7\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11"),
        lsa(0x8fff, b"abc"),
        lsa(0x6001, b""),
        lshdr(0x2001, length=8),
        lshdr(0x2001, length=400) + b"\0\0\0\0",
    ]


def ospf6_messages():
    hdrs = lshdr(0x2001) + lshdr(0x2009, lsid=b"\0\0\0\0") + lshdr(0x0008) + lshdr(0xa005)
    lsrs = struct.pack("!HH4s4s", 0, 0x2001, b"\0\0\0\0", RID) + struct.pack("!HH4s4s", 0, 0x4005, b"\0\0\0\3", RID)
    at = struct.pack("!HHHHII", 1, 32, 0, 7, 0, 42) + bytes(range(16))
    lls = struct.pack("!HH", 0xabcd, 12) + struct.pack("!HHI", 1, 4, 1)
    out = [
        ospf6(1, hello()), ospf6(1, hello(bdr=b"\3\3\3\3", nbrs=()), area=1, inst=2),
        ospf6(1, hello(dr=b"\0\0\0\0", opts=0x0737)), ospf6(1, hello(nbrs=(RID, b"\2\2")), length=None),
        ospf6(1, hello(opts=0x213), trailer=lls), ospf6(1, hello(opts=0x613), trailer=lls + at),
        ospf6(1, hello(opts=0x213), trailer=b"\0\1\0"), ospf6(1, hello(opts=0x213), trailer=struct.pack("!HH", 1, 40)),
        ospf6(1, hello(), trailer=at), ospf6(1, hello(), trailer=at[:10]),
        ospf6(1, hello(), trailer=struct.pack("!HHHHII", 9, 16, 0, 1, 2, 3)),
        ospf6(1, hello(), trailer=struct.pack("!HHHHII", 1, 80, 0, 1, 2, 3)),
        ospf6(2, dd()), ospf6(2, dd(flags=0x10, hdrs=hdrs)), ospf6(2, dd(flags=0, hdrs=hdrs[:30])),
        ospf6(2, dd(opts=0x213, hdrs=hdrs[:20]), trailer=lls), ospf6(2, dd(hdrs=lshdr(0x2001, length=3))),
        ospf6(3, lsrs), ospf6(3, lsrs[:18]), ospf6(3, b""),
        ospf6(4, struct.pack("!I", 0)), ospf6(4, struct.pack("!I", 99) + lshdr(0x2001)[:12]),
        ospf6(5, hdrs), ospf6(5, hdrs[:25]), ospf6(5, b""),
        ospf6(6, b"\0\0\0\0"), ospf6(0, b""), ospf6(1, hello(), ver=2), ospf6(1, hello(), ver=4),
        ospf6(1, hello(), length=200), ospf6(1, hello(), length=8),
    ]
    for x in lsas():
        out.append(ospf6(4, struct.pack("!I", 1) + x))
    out.append(ospf6(4, struct.pack("!I", 3) + b"".join(lsas()[:2]) + lsas()[6]))
    out.append(ospf6(4, struct.pack("!I", 2) + b"".join(lsas()[:2]), trailer=at))
    return out


def ip4(proto, payload, src=b"\x0a\0\0\x01", dst=b"\xe0\0\0\x0a"):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0xc0, 20 + len(payload), 1, 0, 1, proto, 0, src, dst)
    return ETH_DST + ETH_SRC + b"\x08\x00" + h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


# --- IGRP (IP protocol 9) ---
def igrp(vop, counts, entries, ed=3, asn=100):
    return struct.pack("!BBHHHHH", vop, ed, asn, *counts, 0xbeef) + b"".join(entries)


def rte(net=b"\x0a\x01\x02", dly=2000, bw=10000, mtu=1500, rel=255, ld=1, hops=0):
    return net + dly.to_bytes(3, "big") + bw.to_bytes(3, "big") + struct.pack("!HBBB", mtu, rel, ld, hops)


def igrp_frames():
    e = [rte(), rte(b"\xc0\xa8\x01", 0xffffff, 0xffffff, 9000, 1, 2, 3), rte(b"\x0a\0\0", 0, 0)]
    return [ip4(9, m) for m in [
        igrp(0x11, (1, 1, 1), e), igrp(0x12, (0, 0, 0), []), igrp(0x17, (2, 0, 0), e[:2]),
        igrp(0x11, (1, 1, 1), e[:2]), igrp(0x11, (1, 0, 0), e + [b"\1\2"]), igrp(0x11, (0, 0, 1), e[:1] + [b"\0" * 9]),
        igrp(0x21, (0, 3, 0), e), igrp(0x11, (1, 0, 0), e[:1])[:8], igrp(0x11, (1, 0, 0), e[:1] + [b"\0" * 13]),
    ]]


# --- DVMRP (IGMP type 0x13) ---
def dvmrp(code, body, minor=4, major=12):
    m = struct.pack("!BBHBBBB", 0x13, code, 0, 0, 0, minor, major) + body
    return ip4(2, m[:2] + struct.pack("!H", csum(m)) + m[4:])


def dvmrp_frames():
    A, B, C = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), bytes([192, 168, 1, 9])
    rep = b"\xff\xff\x00" + b"\x0a\x01\x01" + b"\x0a\x02\x02\x82" + b"\x00\x00\x00" + b"\x0a\x05"
    rep += b"\x84" + b"\xff\xff\xff" + A + b"\x81"
    out = [dvmrp(c, b"") for c in range(11)]
    out += [dvmrp(1, struct.pack("!I", 77) + A + B), dvmrp(1, struct.pack("!I", 77) + A + b"\1"), dvmrp(1, b"\1\2"),
            dvmrp(2, rep), dvmrp(2, rep[:-2]), dvmrp(2, rep + b"\xff"), dvmrp(2, b"\xff\0\0\x0a"),
            dvmrp(4, A + b"\x01\x02\x02" + B + C + A + b"\x03\x04\x00"), dvmrp(4, A + b"\x01\x02\x02" + B),
            dvmrp(4, A + b"\x01"),
            dvmrp(6, A + b"\x01\x02\x73\x02" + B + C + A + b"\x03\x04\x00\x00"), dvmrp(6, A + b"\x01\x02\x00\x03" + B),
            dvmrp(6, A + b"\x01\x02\x00\x01" + B[:2]), dvmrp(6, A + b"\x01\x02\x00\x00" + B), dvmrp(6, A + b"\x01"),
            dvmrp(7, A + C + struct.pack("!I", 7384)), dvmrp(7, A + C), dvmrp(8, A + C), dvmrp(9, A + C), dvmrp(9, A)]
    m = struct.pack("!BBHI", 0x13, 7, 0, 0)[:6]
    out.append(ip4(2, m))
    return out


# --- ICMPv6 node information (RFC 4620) ---
def icmp6(t, code, rest, src=A6, dst=B6):
    m = struct.pack("!BBH", t, code, 0) + rest
    pseudo = src + dst + struct.pack("!II", len(m), 58)
    return ip6(58, m[:2] + struct.pack("!H", csum(pseudo + m)) + m[4:], src, dst)


def ni(t, code, qtype, flags, data=b""):
    return icmp6(t, code, struct.pack("!HH", qtype, flags) + b"\x01\x02\x03\x04\x05\x06\x07\x08" + data)


def dname(*labels):
    return b"".join(bytes([len(x)]) + x for x in labels) + b"\0"


def ni_frames():
    out = [icmp6(139, 0, b"\0" * 8), icmp6(140, 0, b"\0" * 8)]
    for q in range(5):
        out += [ni(139, 0, q, 0, G6), ni(139, 0, q, 0x7f, G6), ni(139, 0, q, 1)]
    out += [ni(139, 2, 4 - 1, 0x3e, bytes([192, 0, 2, 1])), ni(139, 2, 3, 0, bytes([192, 0, 2, 1, 5])),
            ni(139, 0, 3, 2, G6 + b"\0"), ni(139, 0, 2, 0, G6[:8]), ni(139, 1, 2, 0, dname(b"host", b"example")),
            ni(139, 1, 2, 0, dname(b"host", b"example")[:-1]), ni(139, 1, 2, 0, dname(b"host", b"ex\x80\x07")[:9]),
            ni(139, 1, 2, 0, b"\x09host.ex\xffz"), ni(139, 1, 2, 0, b"\x04ab"), ni(139, 1, 2, 0, b"\0\0\3"),
            ni(139, 1, 2, 0, b"\x02ab\0\0"), ni(139, 7, 2, 0, b"xx")]
    for code in range(4):
        out += [ni(140, code, 0, 0), ni(140, code, 0, 0, b"z"), ni(140, code, 1, 1, b"\0\0\0\x0f"),
                ni(140, code, 1, 0), ni(140, code, 9, 0)]
    out += [ni(140, 0, 2, 1, b"\0\0\1\0" + dname(b"node", b"example", b"org")),
            ni(140, 0, 2, 0, b"\0\0\1\0" + b"\x0cnode.example"), ni(140, 0, 2, 0, b"\0\0\1\0"),
            ni(140, 0, 3, 0x7f, b"\0\0\0\x1e" + G6 + b"\xff\xff\xff\xff" + A6 + b"\0\0\1"),
            ni(140, 0, 3, 0, b"\0\0\0\x1e" + G6[:10])]
    return out


def frames():
    msgs = ospf6_messages()
    good = [ip6(89, m) for m in msgs]
    nis = ni_frames()
    good += nis
    igrps = igrp_frames()
    good += igrps
    dvmrps = dvmrp_frames()
    good += dvmrps
    rich = [ip6(89, msgs[5]), ip6(89, msgs[13]), ip6(89, msgs[-2]), ip6(89, msgs[-1]), ip6(89, msgs[17]), igrps[0],
            dvmrps[14], dvmrps[21]]
    # node information cut past the ICMPv6 type and code (a cut inside
    # them is icmp6.c's first line, not this printer's)
    ni_cuts = [(f, cut) for f in (nis[-2], nis[-5], nis[2 + 3 * 4]) for cut in range(14 + 40 + 2, len(f))]
    return with_cuts(good, rich) + ni_cuts


if __name__ == "__main__":
    write(sys.argv[1], frames())
