#!/usr/bin/env python3
"""mkospfte.py: a capture of OSPFv2 bodies and ICMPv6 RPL messages, for
compare.py (the decoder against tcpdump).  OSPFv2 over IPv4: every packet
type with each authentication, Hello with LLS blocks, DD and LS-Ack LSA
headers, LS-Request entries, LS-Updates with every LSA type (router,
network, summary, external, NSSA, group) and the opaque ones: traffic
engineering with every Link sub-TLV (GMPLS, bandwidth constraints),
graceful restart, router information; each with bad lengths, and rich
packets cut short at every byte; OSPFv3's TE and grace LSAs, which
tcpdump prints with the same TLV walks.  RPL (ICMPv6 type 155): DIS, DIO, DAO,
DAO-ACK with and without their DODAG IDs, with options, secured, unknown
codes, too short and cut short.  The expected output is whatever tcpdump
prints for them.
usage: mkospfte.py OUT.pcap"""
import os, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import csum, write  # noqa: E402
from mkip import e4, e6, cuts, A6  # noqa: E402

ALLSPF = bytes([224, 0, 0, 5])
RID = bytes([10, 1, 1, 1])


def ospf(t, body, auth=0, authdata=bytes(8), ver=2, area=0, olen=None, trailer=b""):
    n = 24 + len(body)
    h = struct.pack("!BBH4sIHH8s", ver, t, n if olen is None else olen, RID, area, 0, auth, authdata)
    return e4(89, h + body + trailer, dst=ALLSPF)


def hello(opts=0x02, dr=0, bdr=0, nbrs=(), prio=1):
    return struct.pack("!IHBBIII", 0xffffff00, 10, opts, prio, 40, dr, bdr) + b"".join(struct.pack("!I", x) for x in nbrs)


def lshdr(ltype, lid, length, opts=0x22, age=5, seq=0x80000001, adv=0x0a010101):
    return struct.pack("!HBBIIIHH", age, opts, ltype, lid, adv, seq, 0xabcd, length)


def lsa(ltype, lid, body, **kw):
    return lshdr(ltype, lid, 20 + len(body), **kw) + body


def opq(otype, oid, body, ltype=10, **kw):
    return lsa(ltype, (otype << 24) | oid, body, **kw)


def tlv(t, v, n=None):
    return struct.pack("!HH", t, len(v) if n is None else n) + v + bytes(-len(v) % 4)


def lsu(lsas, count=None):
    return ospf(4, struct.pack("!I", len(lsas) if count is None else count) + b"".join(lsas))


F = struct.pack("!f", 125000000.0)  # 1000 Mbps in bytes per second


def te_link_subtlvs():
    return [
        tlv(1, b"\x01"), tlv(1, b"\x02"), tlv(1, b"\x07"), tlv(2, bytes([10, 0, 0, 9])),
        tlv(3, bytes([10, 9, 0, 1])), tlv(4, bytes([10, 9, 0, 2])), tlv(5, struct.pack("!I", 63)),
        tlv(6, F), tlv(7, struct.pack("!f", 1.5e6)), tlv(8, F * 4 + struct.pack("!f", 0.0) * 4),
        tlv(9, struct.pack("!I", 0x80000001)), tlv(11, struct.pack("!II", 7, 9)), tlv(11, struct.pack("!I", 3)),
        tlv(14, bytes([0x3f, 0, 0, 0])), tlv(14, bytes([0, 0, 0, 0])),
        tlv(15, bytes([51, 2, 0, 0]) + F * 8), tlv(15, bytes([7, 99, 0, 0]) + F * 8 + b"\x00" * 4), tlv(15, bytes([101, 12, 0, 0]) + F * 8),
        tlv(15, bytes([150, 13, 0, 0]) + F * 8), tlv(15, bytes([200, 11, 0, 0]) + F * 8),
        tlv(17, bytes([0, 0, 0, 0]) + F * 2), tlv(17, bytes([1, 0, 0, 0])), tlv(17, bytes([2, 0, 0, 0]) + F * 8),
        tlv(17, bytes([9, 0, 0, 0]) + F), tlv(99, b"abcdef"), tlv(10, b"xyzw"),
        tlv(16, struct.pack("!III", 1, 2, 3)),  # last: tcpdump steps over its values twice
    ]


def te_lsas():
    """TE LSAs: a whole Link TLV (tcpdump then reads past it), the Router
    Address TLV, and one LSA per malformed case (each ends the walk)."""
    out = [opq(1, 1, tlv(1, bytes([10, 1, 1, 1]))), opq(1, 2, tlv(1, b"\x0a\x01"))]
    link = b"".join(te_link_subtlvs())
    out.append(opq(1, 3, tlv(2, link)))
    for bad in (tlv(1, b"\x01\x02"), tlv(2, b"\x01\x02\x03"), tlv(3, b"\x01"), tlv(5, b"\x01\x02"),
                tlv(6, b"\x01"), tlv(8, F * 3), tlv(9, b"\x00"), tlv(14, b"\x01"), tlv(15, F * 2),
                tlv(16, b"\x01\x02\x03\x04\x05"), tlv(17, b"\x00\x00"), tlv(17, bytes(6)), tlv(17, bytes(40)),
                tlv(11, bytes(6)), struct.pack("!HH", 0, 4) + bytes(4), struct.pack("!HH", 3, 0),
                struct.pack("!HH", 3, 40) + bytes(4), b"\x00\x03"):
        out.append(opq(1, 4, tlv(2, tlv(1, b"\x01") + bad)))
    out.append(opq(1, 5, tlv(2, tlv(1, b"\x01"), n=6)))      # sub-TLV padding past the TLV
    out.append(opq(1, 6, tlv(7, b"unknown")))                # an unknown TE TLV, then its padding
    out.append(opq(1, 7, tlv(2, b"", n=40)))                 # longer than the LSA
    out.append(opq(1, 8, struct.pack("!HH", 0, 4) + bytes(4)))
    out.append(opq(1, 9, struct.pack("!HH", 2, 0)))
    out.append(opq(1, 10, tlv(1, bytes([10, 1, 1, 1])) + b"\x00\x01"))  # under 4 bytes left
    out.append(opq(1, 11, tlv(7, b"abcde", n=5)[:-3]))        # padding past the LSA
    return out


def grace_lsas():
    good = tlv(1, struct.pack("!I", 120)) + tlv(2, b"\x01") + tlv(3, bytes([10, 0, 0, 1])) + tlv(9, b"unknown!")
    out = [opq(3, 0, good, ltype=9)]
    for r in range(5):
        out.append(opq(3, 0, tlv(2, bytes([r])), ltype=9))
    for bad in (tlv(1, b"\x00\x01"), tlv(2, b"\x01\x02"), tlv(3, b"\x01"), struct.pack("!HH", 0, 4) + bytes(4),
                struct.pack("!HH", 1, 0), struct.pack("!HH", 1, 40), b"\x00\x01", tlv(9, b"abcde")[:-3]):
        out.append(opq(3, 0, tlv(2, b"\x00") + bad, ltype=9))
    return out


def ri_lsas():
    out = [opq(4, 0, tlv(1, struct.pack("!I", 0x3ff)) + tlv(1, struct.pack("!I", 0x30)) + tlv(1, bytes(4)))]
    for bad in (tlv(1, b"\x01\x02"), struct.pack("!HH", 7, 5) + b"abcde", struct.pack("!HH", 8, 40),
                b"\x00\x01", struct.pack("!HH", 8, 1) + b"x" + struct.pack("!HH", 0, 0) + b"\x09\x00\x0c\x00"):
        out.append(opq(4, 0, tlv(1, struct.pack("!I", 0x10)) + bad, ltype=11))
    return out


def router_lsa(links, flags=0x03):
    body = b""
    for lid, data, typ, metric, tos in links:
        body += struct.pack("!IIBBH", lid, data, typ, len(tos), metric) + b"".join(struct.pack("!BBH", t, 0, m) for t, m in tos)
    return lsa(1, 0x0a010101, struct.pack("!BBH", flags, 0, len(links)) + body)


def classic_lsas():
    rtr = router_lsa([(0x0a010102, 0x0a000001, 1, 10, []), (0x0a000002, 0x0a000001, 2, 20, [(1, 30), (2, 40), (77, 50)]),
                      (0x0a020000, 0xffffff00, 3, 1, []), (0x0a010103, 0x0a000005, 4, 5, [])], flags=0x1f)
    unk = router_lsa([(0x0a010102, 0x0a000001, 1, 10, []), (1, 2, 9, 3, []), (3, 4, 1, 5, [])], flags=0x80)
    net = lsa(2, 0x0a000001, struct.pack("!IIII", 0xffffff00, 0x0a010101, 0x0a010102, 0x7f000001))
    sum3 = lsa(3, 0x0a030000, struct.pack("!III", 0xffff0000, 100, 0x01000064), opts=0x03)
    sum4 = lsa(4, 0x0a010109, struct.pack("!II", 0, 0x02ffffff))
    ase = lsa(5, 0x0a050000, struct.pack("!I", 0xffff0000) + struct.pack("!III", 0x80ffffff, 0x0a000009, 0x00000007)
              + struct.pack("!III", 0x01000010, 0, 0))
    nssa = lsa(7, 0x0a070000, struct.pack("!I", 0xffffff00) + struct.pack("!III", 20, 0x0a000001, 0), opts=0x08)
    grp = lsa(6, 0xe0010101, struct.pack("!IIIIII", 1, 0x0a010101, 2, 0x0a000001, 3, 0x0a000002))
    unknown = [lsa(12, 1, b"twelve!!"), lsa(0, 2, b""), opq(7, 3, b"opaque seven", ltype=11)]
    return [rtr, unk, net, sum3, sum4, ase, nssa, grp] + unknown


def ospf_frames():
    out = []
    # Hello: options, DR/BDR, neighbors; the authentications
    out.append((ospf(1, hello(0xff, 0x0a000001, 0x0a000002, (0x0a010102, 0x0a010103))), None))
    out.append((ospf(1, hello(0x00)), None))
    out.append((ospf(1, hello(0x02, bdr=0x0a000002, nbrs=(0x7f000001,)), area=0x00000001), None))
    out.append((ospf(1, hello(), auth=1, authdata=b"secret\x00x"), None))
    out.append((ospf(1, hello(), auth=1, authdata=b"12345678"), None))
    out.append((ospf(1, hello(), auth=1, authdata=b"\x01\x80ab\xff\x00\x00\x00"), None))
    out.append((ospf(1, hello(), auth=2, authdata=bytes([0, 0, 7, 16]) + struct.pack("!I", 0xdeadbeef), trailer=bytes(16)), None))
    out.append((ospf(1, hello(), auth=7), None))
    out.append((ospf(1, hello(), ver=3), None))
    out.append((ospf(1, hello(), ver=1), None))
    # LLS blocks (RFC 5613) after Hello and DD with the L option
    lls = struct.pack("!HH", 0xbeef, 9) + tlv(1, struct.pack("!I", 3)) + struct.pack("!HH", 1, 2) + bytes(4) \
        + struct.pack("!HH", 2, 20) + struct.pack("!I", 99) + bytes(16) + struct.pack("!HH", 2, 4) + bytes(20) \
        + tlv(9, b"abcd")
    out.append((ospf(1, hello(0x12), trailer=lls), None))
    out.append((ospf(1, hello(0x02), trailer=lls), None))
    out.append((ospf(1, hello(0x12), trailer=lls[:3]), None))
    out.append((ospf(1, hello(0x12), auth=2, authdata=bytes([0, 0, 1, 16]) + bytes(4), trailer=bytes(16) + lls), None))
    out.append((ospf(1, hello(0x12), auth=2, authdata=bytes([0, 0, 1, 40]) + bytes(4), trailer=bytes(16) + lls), None))
    dd_body = struct.pack("!HBBI", 1500, 0x52, 0x0f, 0x12345678)
    out.append((ospf(2, dd_body, trailer=lls), None))
    out.append((ospf(5, b"", trailer=lls), None))
    # the OSPF length against the IP one
    out.append((ospf(1, hello(nbrs=(1, 2, 3)), olen=48), None))
    out.append((ospf(1, hello(nbrs=(1,)), olen=200), None))
    out.append((ospf(1, hello(nbrs=(1,)), olen=10), None))
    # DD and LS-Ack: LSA headers of each type, then a bogus one
    hdrs = b"".join(lshdr(t, 0x0a000000 + t, 36) for t in range(13)) + lshdr(10, 0x01000005, 40) + lshdr(9, 0x03000000, 28) \
        + lshdr(11, 0x04000001, 24) + lshdr(10, 0x08abcdef, 24)
    bogus = lshdr(1, 1, 12) + lshdr(1, 2, 36)
    out.append((ospf(2, struct.pack("!HBBI", 0, 0, 0x07, 1) + hdrs + bogus), None))
    out.append((ospf(2, struct.pack("!HBBI", 1500, 0x42, 0, 2)), None))
    out.append((ospf(5, hdrs + bogus), None))
    out.append((ospf(5, hdrs[:50]), None))
    # LS-Request entries, one cut short by the OSPF length
    lsr = b"".join(struct.pack("!III", t, 0x0a000000 + t if t < 9 else (1 << 24) | 5, 0x0a010101) for t in (1, 2, 3, 4, 5, 7, 9, 10, 11, 99, 0))
    out.append((ospf(3, lsr), None))
    out.append((ospf(3, lsr[:30]), None))
    # LS-Updates
    classic = classic_lsas()
    out.append((lsu(classic), None))
    for l in classic + te_lsas() + grace_lsas() + ri_lsas():
        out.append((lsu([l]), None))
    out.append((lsu([lshdr(1, 1, 10)] + classic[:1]), None))
    out.append((lsu(classic[:2], count=1), None))
    out.append((lsu(classic[:2], count=3), None))
    out.append((lsu([], count=0xffffffff), None))
    out.append((lsu(grace_lsas()[:2] + ri_lsas()[:2] + classic[2:4]), None))
    # rich packets cut short at every byte
    rich = [ospf(1, hello(0x12, 0x0a000001, 0x0a000002, (0x0a010102,)), auth=1, authdata=b"password", trailer=lls),
            lsu(classic[:8]), lsu(te_lsas()[:3]), lsu(grace_lsas()[:1] + ri_lsas()[:1]),
            ospf(2, struct.pack("!HBBI", 1500, 0x52, 0x0f, 0x12345678) + hdrs[:60]), ospf(3, lsr[:36])]
    for f in rich:
        out += cuts(f)
    return out


def ospf3_frames():
    """The TE (0x000a) and grace (0x000b) LSAs OSPFv3 prints with OSPFv2's
    TLV walks, and the same bodies under other scopes (hex)."""
    import mkdecospf as m
    out = []
    te, grace = [x[20:] for x in te_lsas()], [x[20:] for x in grace_lsas()]
    dst = bytes.fromhex("ff020000000000000000000000000005")
    for t, bodies in ((0x000a, te), (0x000b, grace), (0x200a, te[:2]), (0x200b, grace[:1])):
        for b in bodies:
            out.append((e6(89, m.ospf6(4, struct.pack("!I", 1) + m.lsa(t, b)), dst=dst), None))
    rich = e6(89, m.ospf6(4, struct.pack("!I", 2) + m.lsa(0x000a, te[2]) + m.lsa(0x000b, grace[0])), dst=dst)
    return out + cuts(rich, 54)


ICMP6_RPL = 155


def rpl(code, body, plen=None, cksum=True):
    m = struct.pack("!BBH", ICMP6_RPL, code, 0) + body
    src, dst = A6, bytes.fromhex("ff02000000000000000000000000001a")
    ph = src + dst + struct.pack("!IxxxB", len(m), 58)
    c = csum(ph + m) if cksum else 0xbeef
    return e6(58, m[:2] + struct.pack("!H", c) + m[4:], src=src, dst=dst, plen=plen, hlim=255)


DAG = bytes.fromhex("20010db8000000000000000000000001")


def rpl_frames():
    opts = bytes([0]) + bytes([1, 2, 0, 0]) + bytes([2, 4, 1, 2, 3, 4]) + bytes([4, 14]) + bytes(14) \
        + bytes([5, 18, 0, 128]) + bytes(16) + bytes([6, 4, 0, 0, 0, 1]) + bytes([8, 3, 64, 0, 0]) \
        + bytes([9, 4, 1, 2, 3, 4]) + bytes([99, 1, 7]) + bytes([0, 0])
    dio = struct.pack("!BBHBBBB", 1, 2, 256, 0x88 | (3 << 3) | 5, 9, 0, 0) + DAG
    dio2 = struct.pack("!BBHBBBB", 7, 0, 0xffff, 0x00 | (6 << 3), 0, 0, 0) + DAG
    dao_d = struct.pack("!BBBB", 42, 0xc0, 0, 10) + DAG
    dao = struct.pack("!BBBB", 42, 0x80, 0, 11)
    ack_d = struct.pack("!BBBB", 43, 0x80, 12, 0) + DAG
    ack = struct.pack("!BBBB", 43, 0x00, 13, 128)
    msgs = [(0, b"\x00\x00"), (0, b""), (1, dio), (1, dio + opts), (1, dio2), (1, dio[:20]),
            (2, dao_d), (2, dao_d + opts), (2, dao), (2, dao + bytes(16)), (2, dao + opts), (2, dao_d[:12]),
            (2, dao[:3]), (2, struct.pack("!BBBB", 1, 0x40, 0, 2) + DAG[:8]),
            (3, ack_d), (3, ack_d + opts), (3, ack), (3, ack + opts), (3, ack_d[:10]), (3, ack[:2]),
            (0x80, dio), (0x82, dao_d), (4, b"abcd"), (0x7f, b""),
            (2, dao + bytes([1])), (2, dao + bytes([7])), (2, dao + bytes([7, 5, 1])), (2, dao + bytes([0, 0, 0, 7, 40, 1, 2])),
            (1, dio + bytes([6, 4, 0, 0, 0])), (3, ack + bytes([6, 0]))]
    out = [(rpl(c, b), None) for c, b in msgs]
    out.append((rpl(2, dao_d + opts, cksum=False), None))
    out.append((rpl(2, dao_d + opts, plen=60), None))
    # IPv6 payload lengths under what was captured: RPL's "too short"
    for c, b, n in ((2, dao_d + opts, 7), (2, dao_d + opts, 16), (2, dao + opts, 9), (3, ack_d + opts, 6),
                    (3, ack_d + opts, 18), (3, ack + opts, 10), (1, dio + opts, 24), (1, dio + opts, 31),
                    (2, dao + opts, 2), (0, dio, 3)):
        out.append((rpl(c, b, plen=n), None))
    for c, b in ((1, dio + opts), (2, dao_d + opts), (3, ack_d + opts), (2, dao + opts)):
        out += cuts(rpl(c, b), 54)
    return out


def frames():
    return ospf_frames() + ospf3_frames() + rpl_frames()


if __name__ == "__main__":
    write(sys.argv[1], frames())
