#!/usr/bin/env python3
"""mkdecbgp.py: a capture of BGP messages for compare.py (the decoder
against tcpdump): OPENs with every capability tcpdump knows (and short,
bogus and unknown ones, parameters past the end), UPDATEs with withdrawn
routes and NLRI (add-path ones too, bad prefix lengths), every path
attribute kind with right and wrong lengths, MP_REACH/MP_UNREACH for the
IPv4/IPv6 unicast, labeled and VPN families and route target
membership (each route target kind, bad lengths), extended and large
communities, AIGP, attribute sets; NOTIFICATIONs of every error code (the
cease shutdown communication right and wrong); ROUTE-REFRESH; and rich
messages cut short at every byte; LLDP frames with the organisation-
specific TLVs of IEEE 802.1 (DCBX ETS, PFC, application priority, EVB,
CDCP ...), 802.3 and IANA, right and short; IS-IS LSPs with ES neighbour
and authentication TLVs, and with the TE, multi-topology, segment routing
and SPB TLVs and their sub-TLVs (each kind, short and wrong lengths, cut
at every byte); DTP TLVs right and wrong.  The expected output is whatever
tcpdump prints for them.  Deterministic.
usage: mkdecbgp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import tcp, write  # noqa: E402  framing, pcap writer
from mkiso import llc_osi, lsp  # noqa: E402  IS-IS LSPs behind 802.2
from mklink import cisco  # noqa: E402  SNAP with Cisco's OUI

M = b"\xff" * 16


def msg(t, body=b""):
    return M + struct.pack("!HB", 19 + len(body), t) + body


def attr(flags, t, v):
    if flags & 0x10:
        return struct.pack("!BBH", flags, t, len(v)) + v
    return struct.pack("!BBB", flags, t, len(v)) + v


def update(withdrawn=b"", attrs=b"", nlri=b""):
    return msg(2, struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attrs)) + attrs + nlri)


def cap(t, v):
    return struct.pack("!BB", t, len(v)) + v


def opn(caps, asn=65001, extra=b""):
    p = struct.pack("!BB", 2, len(caps)) + caps if caps is not None else b""
    p += extra
    return msg(1, struct.pack("!BHH4sB", 4, asn, 180, b"\x0a\0\0\x01", len(p)) + p)


RD0 = struct.pack("!HHI", 0, 100, 7)
RD1 = struct.pack("!H4sH", 1, b"\x0a\1\2\3", 9)
RD2 = struct.pack("!HIH", 2, 4200000000, 5)
RD9 = struct.pack("!HHI", 9, 1, 1)


def messages():
    caps = (cap(1, b"\0\1\0\1") + cap(1, b"\0\2\0\x80") + cap(2, b"") + cap(128, b"") + cap(65, b"\0\1\0\1")
            + cap(64, b"\x80\x78\0\1\1\x80\0\2\1\0") + cap(69, b"\0\1\1\3\0\2\1\1\0\1\4\7") + cap(70, b"")
            + cap(71, b"") + cap(8, b"\0\1\4\2\0\2\4\1") + cap(9, b"\1") + cap(73, b"host"))
    out = [opn(caps), opn(b""), opn(None), opn(cap(1, b"\0\1")), opn(cap(64, b"\0")), opn(cap(65, b"\1")),
           opn(cap(69, b"")), opn(cap(69, b"\0\1\1")), opn(cap(1, b"\0\3\0\x85")), opn(None, extra=b"\1\2ab"),
           opn(None, extra=b"\2\x09" + cap(2, b"")), msg(1, b"\4\0\1\0\xb4\1\2\3\4\3\7\1\0")]
    # updates: withdrawn, attributes, NLRI
    asp = attr(0x40, 2, b"\2\2\xfd\xe9\0\x64" + b"\1\1\0\7" + b"\3\1\0\1" + b"\4\1\0\2")
    asp4 = attr(0x50, 2, b"\2\2\0\0\xfd\xe9\0\1\0\0")
    base = (attr(0x40, 1, b"\0") + asp + attr(0x40, 3, b"\x0a\0\0\1") + attr(0x80, 4, b"\0\0\0\5")
            + attr(0x40, 5, b"\0\0\0\x64") + attr(0x40, 6, b"") + attr(0xc0, 7, b"\xfd\xe9\x0a\0\0\2")
            + attr(0xc0, 7, b"\0\1\0\0\x0a\0\0\2") + attr(0xc0, 8, b"\xff\xff\xff\x01\0\1\0\2\xff\xff\xff\x02")
            + attr(0x80, 9, b"\1\2\3\4") + attr(0x80, 10, b"\1\2\3\4\5\6\7\x08") + attr(0xc0, 17, b"\2\1\0\1\0\0")
            + attr(0xc0, 18, b"\0\1\0\0\x0a\0\0\3") + attr(0xc0, 32, struct.pack("!III", 1, 2, 3) * 2)
            + attr(0xc0, 99, b"xyz") + attr(0xe0, 26, b"\1\0\x0b" + struct.pack("!Q", 77)))
    nlri = b"\x18\x0a\1\2" + b"\x20\x0a\1\2\3" + b"\x00" + b"\x13\xc0\xa8\xe0"
    out += [update(b"\x18\x0a\0\1\x10\xac\x10", base, nlri), update(attrs=base), update(nlri=nlri),
            update(b"\x21\1\2\3\4\5"), update(nlri=b"\x40\1\2\3\4\5\6\7\x08"), update(nlri=b"\x20\1\2"),
            update(b"\0\0\0\1\x18\1\2\3\0\0\0\2\x10\1\2"), update(nlri=b"\0\0\0\1\x18\1\2\3\0\0\0\2\0"), update(),
            update(b"\0"), update(attrs=asp4), update(attrs=b"\x40"), update(attrs=b"\x50\1\0"),
            update(attrs=b"\x40\1\5\0"), msg(2, b"\0\5\1"), msg(2, b"\0\0\0\5\1")]
    for t, bad in ((1, b"\0\0"), (1, b"\7"), (2, b"\2"), (2, b""), (3, b"\1"), (4, b""), (5, b"\1\2\3\4\5"),
                   (6, b"\0"), (7, b"\0\0\0"), (18, b"\0" * 6), (8, b"\0\0\0"), (9, b""), (10, b"\1\2"),
                   (16, b"\0" * 7), (32, b""), (32, b"\0" * 5), (2, b"\5\1\0\1"), (2, b"\2\5\0\1")):
        out.append(update(attrs=attr(0xc0, t, bad)))
    # extended communities of each kind decoded
    ext = b"".join(struct.pack("!H", t) + v for t, v in (
        (0x0002, b"\0\x64\0\0\0\7"), (0x0102, b"\x0a\0\0\1\0\7"), (0x0202, b"\xfa\x56\xea\0\0\5"),
        (0x0003, b"\0\x64\0\0\0\1"), (0x4004, b"\xfd\xe9\x49\x98\x96\x80"), (0x0005, b"\1\2\3\4\0\0"),
        (0x8001, b"\1\2\3\4\0\0"), (0x0009, b"\1\2\0\0\0\0"), (0x010b, b"\1\2\3\4\0\9"),
        (0x000a, b"\0\1\0\0\0\2"), (0x7777, b"\1\2\3\4\5\6"), (0x8888, b"\0" * 6)))
    out.append(update(attrs=attr(0xc0, 16, ext)))
    # multiprotocol reach and unreach
    v6a = bytes(range(0x20, 0x30))
    mp = [attr(0x90, 14, b"\0\2\1\x10" + v6a + b"\0" + b"\x40" + v6a[:8] + b"\x80" + v6a),
          attr(0x90, 14, b"\0\2\1\x20" + v6a + v6a + b"\0" + b"\x30\x20\1\2\3\4\5"),
          attr(0x90, 14, b"\0\1\1\4\x0a\0\0\1\0\x18\x0a\1\1\x20\1\2\3\4"),
          attr(0x90, 14, b"\0\1\2\4\x0a\0\0\1\2\1\xaa\2\xbb\xcc\x18\x0a\1\1"),
          attr(0x90, 14, b"\0\1\1\3\x0a\0\0\0"),
          attr(0x90, 14, b"\0\1\x80\x0c" + RD0 + b"\x0a\0\0\1\0" + b"\x70\0\x64\1" + RD0 + b"\x0a\1\2"
               + b"\x70\0\x64\0" + RD1 + b"\x0a\1\2" + b"\x78\0\x64\1" + RD2 + b"\x0a\1\2\3" + b"\x58\0\0\1" + RD9),
          attr(0x90, 14, b"\0\1\x80\x0c" + RD0 + b"\x0a\0\0\1\0" + b"\x20\0\x64\1"),
          attr(0x90, 14, b"\0\2\x80\x18" + RD0 + v6a + b"\0" + b"\x98\0\x64\1" + RD0 + v6a[:8]),
          attr(0x90, 14, b"\0\1\4\4\x0a\0\0\1\0" + b"\x30\0\x64\1\x0a\1" + b"\x38\0\x64\0\x0a\1\2"
               + b"\x10\0\0\1" + b"\x40"),
          attr(0x90, 14, b"\0\2\4\x10" + v6a + b"\0" + b"\x58\0\x64\1" + v6a[:8]),
          attr(0x90, 14, b"\0\1\1\0\0\x18\x0a\1\1"), attr(0x90, 14, b"\0\1\1"),
          attr(0x90, 14, b"\0\x19\x46\4\1\2\3\4\0abc"), attr(0x90, 14, b"\0\7\1\0\0"),
          attr(0x90, 15, b"\0\1\1"), attr(0x90, 15, b"\0\1\1\x18\x0a\1\1\x10\xac\x10"),
          attr(0x90, 15, b"\0\2\1\x40" + v6a[:8]), attr(0x90, 15, b"\0\1\x80\x70\0\0\1" + RD1 + b"\1\2\3"),
          attr(0x90, 15, b"\0\1\4"), attr(0x90, 15, b"\0\1\4\x30\0\x64\1\x0a\1")]
    out += [update(attrs=a) for a in mp]
    # route target membership (RFC 4684, AFI 1 / SAFI 132)
    asn = b"\0\0\0\x16"
    rts = [b"\0", b"\x20" + asn, b"\x28" + asn + b"\x00", b"\x30" + asn + b"\0\2", b"\x40" + asn + b"\0\2\0\1",
           b"\x60" + asn + b"\0\2\xfd\xe9\0\0\0\7", b"\x60" + asn + b"\1\2\x0a\1\2\3\0\x2a",
           b"\x60" + asn + b"\2\2\0\1\x86\xa0\xff\xff", b"\x60" + asn + b"\3\3\1\2\3\4\5\6",
           b"\x4d" + asn + b"\2\2\0\1\xff\xff"]
    out += [update(attrs=attr(0x90, 14, b"\0\1\x84\4\1\0\0\2\0" + b"".join(rts))),
            update(attrs=attr(0x90, 15, b"\0\1\x84" + b"".join(rts[1:6]))),
            update(attrs=attr(0x90, 14, b"\0\1\x84\4\1\0\0\2\0" + b"\x10\0\0")),
            update(attrs=attr(0x90, 14, b"\0\1\x84\4\1\0\0\2\0" + b"\x61" + asn + bytes(9))),
            update(attrs=attr(0x90, 15, b"\0\1\x84" + b"\x60" + asn + b"\0\2")),
            update(attrs=attr(0x90, 15, b"\0\1\x84")), update(attrs=attr(0x90, 14, b"\0\1\x84\3\1\0\0\0\0")),
            update(attrs=attr(0x90, 14, b"\0\2\x84\4\1\0\0\2\0" + rts[1]))]
    inner = attr(0x40, 1, b"\2") + attr(0x40, 5, b"\0\0\0\7") + attr(0, 9, b"\1\1\1\1")
    out += [update(attrs=attr(0xd0, 128, b"\0\0\xfd\xe9" + inner)), update(attrs=attr(0xc0, 128, b"\0\0")),
            update(attrs=attr(0xc0, 128, b"\0\0\0\1\x40")),
            update(attrs=attr(0xc0, 26, b"\2\0\5\1\2") + attr(0xc0, 26, b"\1\0\2")),
            update(attrs=attr(0xc0, 26, b"\1\0\x0b\0\0"))]
    # notifications and route refresh
    for major in range(0, 9):
        for minor in (0, 1, 3, 12):
            out.append(msg(3, bytes([major, minor])))
    out += [msg(3, b"\6\1\0\1\1\0\0\0\x64"), msg(3, b"\6\2\5hello"), msg(3, b"\6\4\0"), msg(3, b"\6\2\x09abc"),
            msg(3, b"\6\2\2hi\1\2\3"), msg(3, b"\6\4\0\xaa"), msg(3, b"\6"), msg(3, b"\6\2\3a\x01b")]
    out += [msg(5, b"\0\1\0\1"), msg(5, b"\0\2\1\x80"), msg(5, b"\0\1"), msg(5, b"\0\1\2\1extra")]
    return out


def tlv(t, v):
    return struct.pack("!H", t << 9 | len(v)) + v


def lldp(*tlvs):
    body = tlv(1, b"\4\0\1\2\3\4\5") + tlv(2, b"\5eth0") + tlv(3, b"\0\x78") + b"".join(tlvs) + tlv(0, b"")
    return b"\x01\x80\xc2\0\0\x0e" + b"\0\1\2\3\4\5" + b"\x88\xcc" + body


def org(oui, sub, v=b""):
    return tlv(127, bytes([oui >> 16, (oui >> 8) & 0xff, oui & 0xff, sub]) + v)


def lldp_frames():
    I1, I3, IANA = 0x0080c2, 0x00120f, 0x00005e
    ets = bytes([0xc5, 0xf4, 0x11, 0xf4, 0x14, 0, 50, 0, 0, 50, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0])
    tlvs = [org(I1, 1, b"\0\x0a"), org(I1, 2, b"\x06\0\x0b"), org(I1, 3, b"\0\x0c\4blue"),
            org(I1, 3, b"\0\x0c\4b\0ue"), org(I1, 4, b"\4ab\x01c"), org(I1, 8, b"\xa5\x3c"), org(I1, 9, ets),
            org(I1, 10, ets), org(I1, 11, b"\xd5\x81"), org(I1, 12, b"\0\x61\x88\x06\x83\x0c\xbc"),
            org(I1, 12, b"\0\x61\x88"), org(I1, 12, b"\0\x61"), org(I1, 12, b"\x07"),
            org(I1, 13, b"\x0f\x1d\xe5\xc7\x65"), org(I1, 14, b"\x98\0\x01\x23\x00\x10\x02\x00\x20"),
            org(I1, 14, b"\x98\0\x01\x23\x00"), org(I1, 99, b"xyz"),
            org(I3, 1, b"\x03\x6c\x01\0\x10"), org(I3, 1, b"\x03\0\0\0\x63"), org(I3, 2, b"\x0f\1\3"),
            org(I3, 2, b"\x00\7\9"), org(I3, 3, b"\x03\0\0\0\x07"), org(I3, 4, b"\x05\xee"), org(I3, 9, b"ab"),
            org(IANA, 1, b"https://x.example/mud"), org(IANA, 2, b"abcd"), org(IANA, 1, b"ab"),
            org(0x00000c, 1, b"\1\2\3"), tlv(127, b"\0\x80\xc2"), tlv(127, b"\0\x80"),
            tlv(8, b"\5\0\1\2\3\4\2\0\0\0\1\0"), tlv(8, b"\3\x0c\1\2\3\0\0\0\1\0"),
            tlv(1, b"\5\x0c\1\2"), tlv(2, b"\4\x01\x0a\0\0\1")]
    out = [lldp(t) for t in tlvs] + [lldp(*tlvs)]
    for short in (org(I1, 9, ets[:10]), org(I1, 11, b"\1"), org(I1, 13, b"\1"), org(I3, 1, b"\1"), org(I3, 3, b"")):
        out.append(lldp(short))
    return out


def isis_frames():
    """LSPs with ES neighbours and authentication TLVs."""
    sysid = bytes.fromhex("192168001002")
    es = bytes([0x0a, 0x80, 0x45, 0x80]) + sysid
    return [llc_osi(m) for m in (
        lsp([(3, es), (3, es + es[:4]), (3, b"\1\2"), (3, b"")]), lsp([(3, bytes([0x4a, 0x05, 0x86, 0xc7]) + sysid)]),
        lsp([(10, b"\1secret"), (10, b"\1se\0cret"), (10, b"\1"), (10, b"")]),
        lsp([(10, b"\3\0\x07\xaa\xbb\xcc"), (10, b"\3\0\x07"), (10, b"\xff\1\2\3"), (10, b"\x4c\xee\x6b\x28")]),
        lsp([(10, b"\3\0")]), lsp([(1, b"\3\x49\0\2"), (10, b"\1pw"), (3, es)]))]


def isis_ext_frames():
    """LSPs with the TE, multi-topology, segment routing and SPB TLVs:
    every sub-TLV kind, wrong and short lengths."""
    nid = bytes.fromhex("19216800100301")
    sysid = bytes.fromhex("192168001004")

    def f32(*v):
        return b"".join(struct.pack("!f", x) for x in v)

    def sub(t, v):
        return bytes([t, len(v)]) + v

    def isr(subs, metric=10, alias=False, sumlen=None):
        s = b"".join(subs)
        m = b"" if alias else struct.pack("!I", metric)[1:]
        return nid + m + bytes([len(s) if sumlen is None else sumlen]) + s

    def pfx(plen, p, subs=b"", st=0, metric=20):
        return struct.pack("!IB", metric, st | plen) + p + (bytes([len(subs)]) + subs if subs else b"")

    def p6(plen, p, subs=b"", st=0):
        return struct.pack("!IBB", 30, st, plen) + p + (bytes([len(subs)]) + subs if subs else b"")
    te = [sub(3, b"\0\0\0\x0f"), sub(4, b"\0\0\1\x80\0\0\0\2"), sub(5, b"\0\0\0\7"), sub(6, b"\x0a\0\x0c\1"),
          sub(8, b"\x0a\0\x0c\2"), sub(9, f32(125e6)), sub(10, f32(1e6)), sub(11, f32(*range(8))),
          sub(18, b"\0\1\2"), sub(19, b"\0\5"), sub(20, b"\x09\7"), sub(22, b"\1" + f32(5e5, 1e6) + b"\1"),
          sub(12, b""), sub(12, b"\0" + f32(7)), sub(22, b"\2\0"), sub(22, b"\3"), sub(29, b"\0\0\x10\2\0\7"), sub(99, b"abc"), sub(251, b"")]
    bw8 = f32(*[1e6] * 8)
    sw = [sub(21, b"\2\2\0\0" + bw8 + f32(2e3) + b"\x05\xdc"), sub(21, b"\x64\5\0\0" + bw8 + f32(3) + b"\1\0\0\0"),
          sub(21, b"\x96\x08\0\0" + bw8 + b"\1\2"), sub(21, b"\1\1\0\0" + bw8), sub(21, b"\1" * 10)]
    sid = [sub(32, b"\x30\0" + sysid + b"\0\0\x12"), sub(32, b"\x00\5" + sysid + b"\0\0\1\2"),
           sub(32, b"\x20\0" + sysid + b"\0\0\x12"), sub(32, b"\xfc\1\2\3\4\5\6\7"), sub(32, b"\x10")]
    psubs = (sub(1, b"\0\0\0\x2a\0\0\0\x2b") + sub(2, bytes(range(8))) + sub(3, b"\x40\0\0\0\0\x28")
             + sub(3, b"\x0c\1\0\x30\x39") + sub(117, b"\0\0\0\1") + sub(7, b"xy"))
    srcap = sub(2, b"\xc0\0\x03\xe8" + sub(1, b"\0\x0f\xa0") + sub(1, b"\0\0\x10\0") + sub(1, b"\1\2") + sub(9, b"abc"))
    spbi = (b"\x80\0\0\1\2\3\4\5\0\0\0\x0a\x80\0\x80\x01\x00\x07\x02" + b"\xc1\0\0\0\1\x00\x10\x11"
            + b"\x21\0\0\0\2\x00\x20\x22")
    spbm = bytes.fromhex("000102030405") + b"\x10\x64" + b"\xc1\0\0\x05" + b"\x00\x00\x10\x00"
    bvid = b"\0\0\0\1\0\x65" + b"\0\0\0\2\0\x6c"
    v6a = bytes.fromhex("20010db8" + "00" * 11 + "01")
    return [llc_osi(m) for m in (
        lsp([(22, isr(te))]), lsp([(22, isr(sw))]), lsp([(22, isr(sid))]),
        lsp([(22, isr([]) + isr([sub(6, b"\1\2\3")], metric=0xffffff))]),
        lsp([(22, isr([sub(6, b"\x0a\0\0\1")], sumlen=3))]), lsp([(22, isr([sub(6, b"\x0a\0\0\1")], sumlen=9))]),
        lsp([(22, isr([sub(6, b"\x0a\0\0\1")], sumlen=1) + b"\0")]), lsp([(22, nid[:5])]), lsp([(22, nid + b"\0")]),
        lsp([(22, nid + b"\0\0\1\x08" + b"\6\4\1\2\3\4\0\0")]), lsp([(22, isr([sub(6, b"\x0a\0\0\1")])[:-2])]),
        lsp([(24, isr([sub(6, b"\x0a\0\0\2")], alias=True) + isr([], alias=True))]), lsp([(24, nid)]),
        lsp([(222, b"\x80\x02" + isr([sub(6, b"\x0a\0\0\3")])), (222, b"\x40\x00" + isr([])), (222, b"\x0f\xff" + isr([]))]),
        lsp([(222, b"\x00\x05"), (222, b"\1")]),
        lsp([(135, pfx(24, b"\x0a\1\2") + pfx(32, b"\x07\7\7\1", psubs, 0x40) + pfx(0, b"", st=0x80))]),
        lsp([(135, pfx(33, b"\1\2\3\4\5"))]), lsp([(135, pfx(8, b"\x0a", sub(1, b"\0\0\0\1"), 0x40)[:-3])]),
        lsp([(135, pfx(8, b"\x0a", sub(1, b"\0\0\0\1") + sub(3, b"\x08\0\0\1"), 0x40))]),
        lsp([(135, pfx(8, b"\x0a") + b"\0\0")]), lsp([(135, pfx(16, b"\x0a\1", sub(3, b"\0\0\0\1"), 0x40))]),
        lsp([(235, b"\0\2" + pfx(16, b"\x0a\2")), (235, b"\0")]),
        lsp([(236, p6(64, bytes.fromhex("20010db800000001")) + p6(128, v6a, sub(1, b"\0\0\0\5"), 0xe0))]),
        lsp([(236, p6(129, b""))]), lsp([(237, b"\0\2" + p6(48, bytes.fromhex("20010db80001"), st=0x40))]),
        lsp([(229, b"\x80\x00\x40\x02\x00\x03"), (229, b"\0\2\1")]),
        lsp([(242, b"\x07\7\7\1\0" + srcap + sub(5, b"zz")), (242, b"\x07\7\7\1\3"), (242, b"\1\2\3")]),
        lsp([(242, b"\x07\7\7\1\1" + sub(2, b"\x80\0\0\1")), (242, b"\x07\7\7\1\1" + sub(2, b"\x80\0"))]),
        lsp([(242, b"\x07\7\7\1\2" + sub(7, b"xyz")[:-1])]),
        lsp([(138, nid + b"\1\x0a\0\0\1\x0a\0\0\2\0\0\0\5\0\0\0\6"), (138, nid + b"\0\x0a\0\0\1"), (138, nid),
             (138, nid[:3]), (138, nid + b"\1\x0a\0\0\1\x0a\0\0\2\0\0")]),
        lsp([(131, b"\2\xfd\xe8"), (131, b"\1abc"), (131, b"\0"), (131, b"\7xy"), (131, b""), (131, b"\2\1")]),
        lsp([(12, b"\x12\x34"), (12, b"\0\0"), (12, b"\1")]),
        lsp([(144, b"\x80\x00" + sub(1, spbi) + sub(3, spbm) + sub(9, b"q")), (144, b"\x00\x01" + sub(1, spbi[:12])),
             (144, b"\x00\x01" + sub(3, b"1234")), (144, b"\0")]),
        lsp([(144, b"\x00\x01" + sub(1, spbi[:19] + b"\x05"))]), lsp([(144, b"\x00\x01" + b"\1\x40\0")]),
        lsp([(143, b"\0\1" + sub(6, bvid)), (143, b"\0\1" + sub(6, bvid[:9])), (143, b"\0\1" + sub(6, b"\0\0"))]),
        lsp([(10, b"\x36" + bytes(range(16))), (10, b"\x36\1\2\3"), (10, b"\x36")]))]


def dtp_frames():
    """DTP TLVs: each kind, wrong lengths, type 0, unknown, leftovers."""
    def t(ty, v):
        return struct.pack("!HH", ty, 4 + len(v)) + v
    mac = bytes([0, 0x1b, 0x2c, 3, 4, 5])
    good = t(1, b"lab\0\0") + t(2, b"\x81") + t(3, b"\xa5") + t(4, mac)
    bodies = [good, t(1, b"") + t(9, b"xy"), t(2, b"\1\2"), t(4, mac[:5]), t(3, b""), struct.pack("!HH", 2, 3),
              struct.pack("!HH", 2, 60) + b"\1", t(0, b"\1") + t(2, b"\1"), good + b"\0\1", t(1, b"\x01\x7fA")]
    return [cisco(0x2004, b"\x01" + b) for b in bodies]


def frames():
    ms = messages()
    out = [(tcp(40000, 179, m), None) for m in ms]
    out.append((tcp(179, 40000, b"".join(ms[:6])), None))  # several per segment
    rich = [tcp(40000, 179, ms[0]), tcp(40000, 179, ms[12]), tcp(179, 40000, ms[-20]), tcp(40000, 179, ms[-61])]
    for f in rich:
        for cut in range(14 + 20 + 20, len(f)):
            out.append((f, cut))
    isf = isis_frames()
    out += [(f, None) for f in isf]
    out += [(isf[-1], cut) for cut in range(17, len(isf[-1]))]
    ief = isis_ext_frames()
    out += [(f, None) for f in ief]
    for i in (0, 1, 2, 15, 22, 25, 32):
        out += [(ief[i], cut) for cut in range(30, len(ief[i]))]
    df = dtp_frames()
    out += [(f, None) for f in df]
    out += [(df[0], cut) for cut in range(22, len(df[0]))]
    lf = lldp_frames()
    out += [(f, None) for f in lf]
    out += [(lf[-6], cut) for cut in range(14, len(lf[-6]))]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
