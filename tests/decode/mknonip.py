#!/usr/bin/env python3
"""mknonip.py: a capture of the non-IP frames and routing protocols of
issue 14 (helper decb) for compare.py (the decoder against tcpdump): ATA
over Ethernet (every command, flags and errors, counts that do not add
up), DECnet (every NSP message type, short and long routing headers,
padding, control messages, lengths that do not fit), GeoNetworking
and CALM FAST, IS-IS over LLC (every PDU type, rejected headers, the TLVs the -v
decoder knows), RIP v1
and v2 (authentication, bad entries), RIPng and Babel (every TLV,
sub-TLVs, compressed prefixes, trailers, malformed TLVs), the Arista
timestamp header (both formats, unknown subtype and format, VLAN and
802.3 inside); rich messages are also cut short
at every byte.  The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mknonip.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, ip4, udp, write  # noqa: E402


def eth(etype, payload, pad=True):
    f = ETH_DST + ETH_SRC + struct.pack("!H", etype) + payload
    return f + bytes(60 - len(f)) if pad and len(f) < 60 else f


def aoe(flags, cmd, arg, err=0, ver=1, major=0x14, minor=0, tag=0x1234):
    return struct.pack("!BBHBBI", ver << 4 | flags, err, major, minor, cmd, tag) + arg


MAC = bytes([0x00, 0x11, 0x22, 0x33, 0x44, 0x55])


def aoe_messages():
    issue = struct.pack("!BBBB6BH", 0x40, 0, 2, 0x24, 1, 2, 3, 4, 5, 6, 0)
    query = struct.pack("!HHBBH", 16, 0x4019, 2, 0x13, 5) + b"conf\x01"
    return [
        aoe(0, 0, issue), aoe(8, 0, issue + bytes(512)), aoe(0, 0, struct.pack("!B", 0xff) + issue[1:]),
        aoe(0, 0, issue[:11]), aoe(0xc, 0, issue, err=2), aoe(0x4, 1, query, err=9),
        aoe(0, 1, query), aoe(8, 1, struct.pack("!HHBBH", 0, 0, 0, 0x07, 0)),
        aoe(8, 1, struct.pack("!HHBBH", 1, 1, 1, 0x21, 40) + b"short"),
        aoe(0, 1, struct.pack("!HHBBH", 1, 1, 1, 0x21, 1100) + bytes(1100)), aoe(0, 1, query[:7]),
        aoe(0, 2, struct.pack("!BBBB", 0, 1, 0, 2) + b"\x00\x01" + MAC + b"\x00\x07" + MAC),
        aoe(0, 2, struct.pack("!BBBB", 0, 5, 3, 0)), aoe(0, 2, struct.pack("!BBBB", 0, 0, 9, 3) + bytes(8)),
        aoe(0, 2, b"\0\0\0"), aoe(3, 3, struct.pack("!BB", 1, 2) + MAC + MAC),
        aoe(0, 3, struct.pack("!BB", 7, 0)), aoe(0, 3, struct.pack("!BB", 2, 2) + MAC),
        aoe(0, 3, struct.pack("!BB", 2, 1) + MAC + b"\x01"), aoe(0, 9, b"xyz"), aoe(0, 0, b"", ver=0),
        aoe(0, 0, b"", ver=2), aoe(0, 0, b"")[:9], b"",
    ]


def dn(msg, pktlen=None, pad=0):
    """A DECnet frame: the little-endian length, padding, the message."""
    body = (bytes([0x80 | pad]) + bytes(pad - 1) if pad else b"") + msg
    return struct.pack("<H", len(body) if pktlen is None else pktlen) + body


def dn_short(nsp, flags=0x26, dst=0x0401, src=0x0402, visits=0):
    return struct.pack("<BHHB", flags, dst, src, visits) + nsp


def dn_long(nsp, flags=0x0e, dst=0x0c07, src=0x0801, visits=3):
    ea = lambda a: b"\xaa\x00\x04\x00" + struct.pack("<H", a)
    return struct.pack("<BBB", flags, 0, 0) + ea(dst) + b"\0\0" + ea(src) + struct.pack("<BBBB", 0, visits, 0, 0) + nsp


def decnet_messages():
    ack, oth = 0x8000 | 5, 0xa000 | 7
    nsps = [struct.pack("<BHHHHH", 0x60, 0x2003, 0x2004, ack, oth, 9), struct.pack("<BHHHH", 0x20, 1, 2, ack | 0x1000, 3),
            struct.pack("<BHHH", 0x00, 1, 2, 4), struct.pack("<BHHHHH", 0x40, 1, 2, ack, 0xb000 | 2, 8),
            struct.pack("<BHHHHH", 0x30, 1, 2, ack, oth, 1), struct.pack("<BHHH", 0x30, 1, 2, 3),
            struct.pack("<BHHHHHBB", 0x10, 1, 2, ack, oth, 1, 0, 0), struct.pack("<BHHHHHBB", 0x10, 1, 2, ack, 0xb001, 1, 1, 2),
            struct.pack("<BHHHHHBB", 0x10, 1, 2, 0, 0, 1, 2, 0), struct.pack("<BHHHHHBB", 0x10, 1, 2, 0, 0, 1, 3, 0),
            struct.pack("<BHHHHHBB", 0x10, 1, 2, 0, 0, 1, 4, 9), struct.pack("<BHHHHHBB", 0x10, 1, 2, 0, 0, 1, 8, 9),
            struct.pack("<BHHHHH", 0x10, 1, 2, 0, 0, 1), struct.pack("<BHHHH", 0x70, 1, 2, 0, 0),
            struct.pack("<BHHHH", 0x04, 1, 2, ack, oth), struct.pack("<BHHHH", 0x14, 1, 2, 0x9003, 0xb004),
            struct.pack("<BHHH", 0x04, 1, 2, ack), struct.pack("<BHH", 0x24, 7, 8), struct.pack("<BHH", 0x34, 7, 8),
            struct.pack("<BHHBBH", 0x18, 0, 0x2003, 0x01, 3, 16403), struct.pack("<BHHBBH", 0x68, 0, 5, 0x04, 2, 9),
            struct.pack("<BHHBBHB", 0x28, 4, 5, 0x08, 1, 512, 3), struct.pack("<BHHBBHB", 0x28, 4, 5, 0x0c, 0, 512, 0),
            struct.pack("<BHHBB", 0x28, 4, 5, 0, 0), struct.pack("<BHHHB", 0x38, 4, 5, 0, 0), struct.pack("<BHHHB", 0x38, 4, 5, 38, 2),
            struct.pack("<BHHH", 0x48, 4, 5, 42), struct.pack("<BHHH", 0x48, 4, 5, 999), struct.pack("<BHHH", 0x58, 4, 5, 1),
            struct.pack("<BHHH", 0x0c, 4, 5, 1), struct.pack("<BHH", 0x38, 4, 5), struct.pack("<BH", 0x48, 4)]
    out = []
    for n in nsps:
        out.append(dn(dn_short(n)))
    out += [dn(dn_long(nsps[0])), dn(dn_short(nsps[1], flags=0x3a, visits=0x45)), dn(dn_long(nsps[2])[:18]),
            dn(dn_short(nsps[1], flags=0x03)), dn(dn_short(nsps[1], flags=0x42)), dn(dn_short(nsps[1]), pad=3),
            dn(dn_short(nsps[1]), pad=1), dn(dn_short(nsps[1]), pktlen=5), dn(dn_short(nsps[1]), pktlen=300),
            dn(dn_short(nsps[1]), pad=40), b"\x03\x00\x26", dn(dn_short(b"\x60\x01"))]
    hello = struct.pack("<BBBB", 0x0d, 2, 0, 0) + b"\xaa\x00\x04\x00\x01\x04" + struct.pack("<BHB", 0x03, 1498, 0) + bytes(8)
    hello += b"\xaa\x00\x04\x00\x02\x04" + struct.pack("<HBB", 15, 0, 0o252)
    rhello = struct.pack("<BBBB", 0x0b, 2, 0, 0) + b"\xaa\x00\x04\x00\x03\x04" + struct.pack("<BHBBHB", 0x65, 1498, 64, 0, 15, 0) + bytes(10)
    init = struct.pack("<BHBHBBBHB", 0x01, 0x0405, 0x0e, 576, 2, 0, 0, 60, 0)
    routing = lambda t: struct.pack("<BHB", t, 0x0405, 0) + struct.pack("<HHH", 3, 1, 0x0805) + struct.pack("<HHH", 2, 9, 0x1403) + struct.pack("<HHH", 2000, 1, 1) + b"\x11\x22"
    ctl = [hello, hello[:31], rhello, rhello[:17], init, struct.pack("<BHBHBBBHB", 0x01, 1, 0x03, 1, 1, 1, 1, 1, 0),
           struct.pack("<BHBHBBBHB", 0x01, 1, 0x00, 1, 1, 1, 1, 1, 0), init[:11], struct.pack("<BHB", 0x03, 0x0405, 7),
           struct.pack("<BHB", 0x05, 0x0405, 0o252), b"\x05\x01", routing(0x07), routing(0x09), struct.pack("<BHB", 0x07, 1, 0),
           b"\x09\x01", b"\x0f\x01\x02\x03"]
    out += [dn(c) for c in ctl]
    return out


def geonet(nh=1, ht=5, hst=1, body=b"", ver=0, pay=None):
    common = struct.pack("!BBBBHBB", ver << 4 | nh, ht << 4 | hst, 0, 0, len(body) if pay is None else pay, 0, 2)
    common += bytes([0xc0, 0xcc, 0, 0x0c, 0x42, 0x69, 0x68, 0xbe]) + struct.pack("!IIII", 0x1234, 514775183, 56605966, 0)
    return common + body


def geonet_messages():
    ext = bytes(32)
    btp = struct.pack("!HH", 5000, 5001)
    out = [geonet(0, 1, 0), geonet(1, 5, 1, ext + btp + b"\x00\x00" + b"cam-data"), geonet(2, 5, 1, ext + btp + b"\x01\x01"),
           geonet(1, 5, 0, btp + b"\x02\x65xyz"), geonet(1, 5, 0, btp + b"\x02\x09"), geonet(1, 5, 0, btp + b"\x07"),
           geonet(1, 5, 0, btp[:3]), geonet(1, 5, 1, ext[:20]), geonet(3, 2, 0, b"abcdef"), geonet(0, 3, 0), geonet(0, 3, 1),
           geonet(0, 3, 2), geonet(0, 3, 7), geonet(0, 4, 0), geonet(0, 4, 1), geonet(0, 4, 2), geonet(0, 4, 9),
           geonet(0, 5, 3), geonet(0, 6, 0), geonet(0, 6, 1), geonet(0, 6, 2), geonet(0, 7, 0), geonet(6, 1, 0, ver=3),
           geonet(0, 1, 0)[:35], geonet(0, 0, 5, b"xy")]
    return out


def isis(pdu_type, hdr, fixed=None, ver=1, idlen=0, pver=1, max_area=0, tail=b""):
    body = hdr + tail
    return struct.pack("!BBBBBBBB", 0x83, 8 + len(hdr) if fixed is None else fixed, ver, idlen, pdu_type, pver, 0, max_area) + body


SYS = bytes([0x22, 0x22, 0x22, 0x22, 0x22, 0x22])


def isis_messages():
    lan = struct.pack("!B6sHHB7s", 1, SYS, 30, 1497, 64, SYS + b"\x01")
    p2p = struct.pack("!B6sHHB", 3, SYS, 30, 1497, 1)
    lsp = struct.pack("!HH8sIHB", 149, 1200, SYS + b"\x00\x00", 0x10, 0x1234, 3)
    csnp = struct.pack("!H7s8s8s", 33, SYS + b"\x00", bytes(8), b"\xff" * 8)
    psnp = struct.pack("!H7s", 35, SYS + b"\x00")
    tlv = b"\x01\x04\x03\x49\x00\x01"
    out = [isis(15, lan, tail=tlv), isis(16, lan), isis(17, p2p, tail=tlv), isis(18, lsp, tail=tlv), isis(20, lsp),
           isis(24, csnp), isis(25, csnp), isis(26, psnp), isis(27, psnp), isis(19, p2p), isis(17, p2p, fixed=21),
           isis(18, lsp, fixed=28), isis(26, psnp, fixed=18), isis(17, p2p, ver=2), isis(17, p2p, idlen=4),
           isis(17, p2p, idlen=6), isis(17, p2p, pver=3), isis(17, p2p, fixed=4), isis(17, p2p, fixed=200),
           isis(17, p2p, max_area=255), isis(17, p2p, max_area=3), isis(17, p2p)[:14], isis(17, p2p)[:6],
           b"\x00\x01\x02", b"\x42\x01\x02\x03", b"\xcc" + bytes.fromhex("450000140001000040ff0000c0000201c0000202")]
    return out


def isis_rich():
    """A hello and an LSP with the TLVs the -v decoder knows, and a few
    malformed ones."""
    t = lambda ty, v: struct.pack("!BB", ty, len(v)) + v
    mcid = struct.pack("!B32sH16s", 0, b"IEEE802.1 SPB Default", 0, bytes(range(16)))
    tlvs = (t(240, b"\x00" + struct.pack("!I", 5) + SYS + struct.pack("!I", 4)) + t(240, b"\x02\x00\x00\x00\x07")
            + t(129, b"\xcc\x8e\xc1\x77") + t(1, b"\x03\x49\x00\x01\x0d" + bytes(13)) + t(1, b"\x05\x49")
            + t(143, struct.pack("!H", 0x1001) + t(4, mcid + mcid) + t(5, b"\x5d" + bytes(range(32))) + t(9, b"xy"))
            + t(143, b"\x00\x00" + t(4, bytes(10))) + t(143, b"\x00\x00\x05\x30") + t(132, bytes([10, 0, 0, 2, 10, 0, 0, 3]))
            + t(132, b"\x01\x02") + t(211, b"\x03\x00\x1e" + SYS) + t(211, b"\x04") + t(211, b"\x00\x00\x05")
            + t(6, bytes.fromhex("c20129980000") * 2) + t(6, b"\x01\x02") + t(137, b"router-1\x01") + t(137, b"ab\0cd")
            + t(14, b"\x05\xd4") + t(241, struct.pack("!I", 77)) + t(134, bytes([192, 168, 0, 1]))
            + t(232, bytes.fromhex("fe80" + "00" * 13 + "01")) + t(99, b"\x01\x02\x03") + t(8, bytes(20)))
    hello = struct.pack("!B6sHHB", 3, SYS, 30, 20 + len(tlvs), 1) + tlvs
    ent = struct.pack("!H8sIH", 1184, SYS + b"\x00\x00", 14, 0x5910)
    reach = b"\x00" + b"\x0a\x80\x80\x80" + SYS + b"\x01" + b"\x4a\x05\x06\x87" + SYS + b"\x02"
    ipr = (b"\x0a\x80\x80\x80" + bytes([10, 0, 0, 0, 255, 255, 255, 0]) + b"\xca\x01\x41\x80"
           + bytes([10, 1, 0, 0, 255, 0, 255, 0]))
    ltlvs = t(9, ent * 2) + t(9, ent[:10]) + t(2, reach) + t(2, b"\x05") + t(128, ipr) + t(130, ipr[:12]) + t(137, b"lsp-host")
    lsp = struct.pack("!HH8sIHB", 27 + len(ltlvs), 1200, SYS + b"\x00\x00", 0x10, 0, 0xfb) + ltlvs
    lsp2 = struct.pack("!HH8sIHB", 27 + len(ltlvs), 1200, SYS + b"\x00\x00", 0x10, 0x1234, 0x03) + ltlvs + t(130, ipr[:5])
    return [isis(17, hello[:12], tail=hello[12:]), isis(18, lsp[:19], tail=lsp[19:]), isis(20, lsp2[:19], tail=lsp2[19:]),
            isis(24, struct.pack("!H7s8s8s", 50, SYS + b"\x00", bytes(8), b"\xff" * 8), tail=t(9, ent)),
            isis(26, struct.pack("!H7s", 20, SYS + b"\x00"), tail=t(9, ent)), isis(15, struct.pack("!B6sHHB7s", 1, SYS, 30, 20, 64, SYS + b"\x01"), tail=t(8, b""))]


def llc_osi(payload):
    f = ETH_DST + ETH_SRC + struct.pack("!H", 3 + len(payload)) + b"\xfe\xfe\x03" + payload
    return f + bytes(60 - len(f)) if len(f) < 60 else f


def rip(cmd, vers, entries):
    return struct.pack("!BBH", cmd, vers, 0) + b"".join(entries)


def rip_v2(dest, mask, nh=b"\0\0\0\0", metric=1, tag=0, af=2):
    return struct.pack("!HH4s4s4sI", af, tag, bytes(dest), struct.pack("!I", mask), nh, metric)


def rip_messages():
    v1 = lambda dest, metric=1, af=2, mbz=0: struct.pack("!HH4sIII", af, mbz, bytes(dest), 0, 0, metric)
    auth = struct.pack("!HH", 0xffff, 2) + b"abcdefghijklmnop"
    crypto = struct.pack("!HHHBBIII", 0xffff, 3, 44, 1, 16, 77, 0, 0)
    return [rip(1, 1, [v1([0, 0, 0, 0], 16, af=0)]), rip(2, 1, [v1([10, 1, 2, 0]), v1([10, 9, 0, 0], 3)]),
            rip(2, 1, [v1([10, 1, 2, 0], af=7)]), rip(2, 1, [v1([10, 1, 2, 0], mbz=1)]), rip(2, 1, [v1([10, 1, 2, 0])[:12]]),
            rip(2, 2, [rip_v2([10, 7, 0, 0], 0xffffff00), rip_v2([10, 8, 0, 0], 0xffff0000, b"\x0a\0\0\x01", 16, 7)]),
            rip(1, 2, [auth, rip_v2([0, 0, 0, 0], 0, metric=16, af=0)]), rip(2, 2, [crypto, rip_v2([1, 2, 3, 0], 0xff00ff00)]),
            rip(2, 2, [struct.pack("!HH", 0xffff, 1) + bytes(20)]), rip(2, 2, [struct.pack("!HH", 0xffff, 9) + b"xyz"]),
            rip(2, 2, [rip_v2([10, 7, 0, 0], 0xffffff00, af=37)]), rip(2, 2, [rip_v2([10, 7, 0, 0], 0xffffff00)[:16]]),
            rip(2, 2, [crypto[:12]]), rip(2, 2, [b"\0\2"]), rip(2, 2, [struct.pack("!HH", 0xffff, 2) + b"ab\0cd"]),
            rip(3, 2, [b"trace"]), rip(12, 2, [b"unknown-cmd"]), rip(12, 1, []), rip(2, 3, [b"1234"]), b"\x02\x02",
            rip(9, 1, [b"x"]), rip(2, 2, [])]


def ripng(cmd, entries, vers=1):
    return struct.pack("!BBH", cmd, vers, 0) + b"".join(entries)


def ripng_entry(pre, plen, metric=1, tag=0):
    return pre + struct.pack("!HBB", tag, plen, metric)


def ripng_messages():
    p1 = bytes.fromhex("20010db8000000000000000000000000")
    return [ripng(1, [ripng_entry(bytes(16), 0, 16)]), ripng(1, [ripng_entry(p1, 32, 16)]),
            ripng(2, [ripng_entry(p1, 32, 1), ripng_entry(bytes.fromhex("fe80") + bytes(14), 10, 0, 7)]),
            ripng(1, [ripng_entry(p1, 32, 0, 9), ripng_entry(p1, 48, 2)]), ripng(2, [ripng_entry(p1, 32)], vers=2),
            ripng(3, [ripng_entry(p1, 32)]), ripng(2, [ripng_entry(p1, 32), b"abc"]), ripng(2, []), b"\x02\x01",
            ripng(1, [ripng_entry(p1, 64)[:10]])]


def babel(body, trailer=b"", blen=None):
    return struct.pack("!BBH", 42, 2, len(body) if blen is None else blen) + body + trailer


def btlv(t, data):
    return struct.pack("!BB", t, len(data)) + data


def babel_messages():
    rid = bytes(range(1, 9))
    hello = btlv(4, struct.pack("!HHH", 0, 7, 400))
    hello_ts = btlv(4, struct.pack("!HHH", 0x8000, 8, 0) + b"\x03\x04" + struct.pack("!I", 1234567))
    ihu6 = btlv(5, struct.pack("!BBHH", 3, 0, 96, 1200) + bytes.fromhex("021122fffe334455"))
    ihu4 = btlv(5, struct.pack("!BBHH", 1, 0, 256, 400) + bytes([10, 0, 0, 1]) + b"\x03\x08" + struct.pack("!II", 5, 6))
    upd4 = btlv(8, struct.pack("!BBBBHHH", 1, 0x80, 24, 0, 400, 9, 96) + bytes([10, 1, 2]))
    upd4c = btlv(8, struct.pack("!BBBBHHH", 1, 0x40, 32, 2, 0xffff, 10, 0xffff) + bytes([7, 9]) + b"\x02\x02\x01\xff")
    upd6 = btlv(8, struct.pack("!BBBBHHH", 2, 0xc0, 64, 0, 400, 11, 256) + bytes.fromhex("20010db800010002"))
    upd0 = btlv(8, struct.pack("!BBBBHHH", 0, 0x3f, 0, 0, 0, 1, 65535) + b"\x00\x01\x00\x83\x01\x00\x09\x00")
    body = (hello + ihu6 + btlv(6, b"\0\0" + rid) + btlv(7, b"\x01\x00" + bytes([10, 0, 0, 9])) + upd4 + upd4c + upd6 + upd0
            + b"\x00" + btlv(1, bytes(3)) + btlv(2, struct.pack("!HHH", 0, 0xbeef, 300)) + btlv(3, b"\xbe\xef")
            + btlv(9, b"\x02\x30" + bytes.fromhex("20010db80000")) + btlv(9, b"\x00\x00")
            + btlv(10, struct.pack("!BBHBB", 1, 16, 5, 64, 0) + rid + bytes([10, 9])) + btlv(11, struct.pack("!HI", 3, 99))
            + btlv(13, struct.pack("!BBBBHHH", 2, 16, 48, 0, 300, 4, 5) + bytes.fromhex("20010db80001") + bytes.fromhex("fd00"))
            + btlv(14, b"\x01\x18\x10" + bytes([10, 1, 2, 172, 16])) + btlv(14, b"\x00\x00\x00")
            + btlv(15, struct.pack("!BBHBB", 2, 16, 7, 3, 0) + rid + bytes.fromhex("2001")) + btlv(16, bytes(20))
            + btlv(17, struct.pack("!I", 77) + b"idx") + btlv(18, b"chal") + btlv(19, bytes(8)) + btlv(77, b"?")
            + hello_ts + ihu4)
    bad = [btlv(2, b"\0"), btlv(3, b""), btlv(4, b"\0\0"), btlv(5, b"\0\0\0\0"), btlv(5, struct.pack("!BBHH", 9, 0, 1, 1)),
           btlv(6, bytes(4)), btlv(7, b"\x07\x00"), btlv(8, bytes(6)), btlv(8, struct.pack("!BBBBHHH", 1, 0, 40, 0, 1, 1, 1)),
           btlv(9, b"\x05\x00"), btlv(10, bytes(10)), btlv(11, b"\0\0"), btlv(12, bytes(10)), btlv(13, bytes(4)),
           btlv(14, b"\x01"), btlv(15, bytes(6)), btlv(17, b"\0"), btlv(18, bytes(200)),
           btlv(4, struct.pack("!HHH", 0, 1, 1) + b"\x03\x02\x00\x00"), btlv(4, struct.pack("!HHH", 0, 1, 1) + b"\x85"),
           btlv(4, struct.pack("!HHH", 0, 1, 1) + b"\x00\x01\x00\x02\x00\x03\x00\x40\x00"),
           btlv(5, struct.pack("!BBHH", 0, 0, 1, 1) + b"\x03\x04\x00\x00\x00\x01"),
           btlv(6, b"\0\0" + rid) + b"\x06", btlv(6, b"\0\0" + rid) + b"\x06\x30"]
    out = [babel(body), babel(hello, trailer=btlv(12, struct.pack("!H", 5) + bytes(range(16)))), babel(hello, trailer=b"\x00\x09"),
           babel(hello, blen=3), babel(hello, blen=40), b"\x2a\x01\x00\x00", b"\x2b\x02\x00\x00", b"\x2a\x02"]
    out += [babel(b) for b in bad]
    return out


def arista(sub, scale, fmt, hw, ts, inner_type=0x0800, inner=None):
    """An Arista timestamp header, then the frame's own ethertype."""
    if inner is None:
        inner = ip4(63, b"payload!")[1] + b"payload!"
    return ETH_DST + ETH_SRC + struct.pack("!HHBB", 0xd28b, sub, scale, fmt << 4 | hw) + ts + struct.pack("!H", inner_type) + inner


def arista_frames():
    vlan = b"\x00\x64\x08\x00" + ip4(63, b"x")[1] + b"x"
    return [arista(1, 0, 1, 0, struct.pack("!II", 1559162199, 944724424)), arista(1, 1, 2, 1, struct.pack("!HI", 60821, 404038772)),
            arista(1, 0, 1, 0, struct.pack("!II", 1559162199, 2000000000)), arista(1, 0, 2, 0, struct.pack("!HI", 5, 1999999999)),
            arista(2, 0, 1, 0, bytes(8)), arista(1, 0, 3, 0, bytes(8)), arista(1, 7, 1, 9, struct.pack("!II", 0, 1)),
            arista(1, 0, 1, 0, struct.pack("!II", 1, 1), 0x8100, vlan),
            arista(1, 0, 1, 0, struct.pack("!II", 1, 1), 0x0026, b"\x42\x42\x03" + bytes(35))]


def frames():
    out = []
    for m in aoe_messages():
        out.append((eth(0x88a2, m), None))
        out.append((eth(0x88a2, m, pad=False), None))
    for m in decnet_messages():
        out.append((eth(0x6003, m), None))
        out.append((eth(0x6003, m, pad=False), None))
    for m in geonet_messages():
        out.append((eth(0x8947, m), None))
    out.append((eth(0x0707, geonet_messages()[0]), None))
    out += [(eth(0x1111, b), None) for b in (b"\x00\x00calm-data", b"\x05\x07", b"\x05")]
    out.append((eth(0x1111, b"", pad=False), None))
    for m in isis_messages() + isis_rich():
        out.append((llc_osi(m), None))
    for m in rip_messages():
        out.append((udp(520, 520, m), None))
    for m in ripng_messages():
        out.append((udp(521, 521, m, v6=True), None))
    for m in babel_messages():
        out.append((udp(6696, 6696, m, v6=True), None))
    out.append((udp(6697, 6697, babel_messages()[0]), None))
    out += [(f, None) for f in arista_frames()]
    # every cut of rich messages
    rich = [aoe(4, 2, struct.pack("!BBBB", 0, 1, 0, 2) + b"\x00\x01" + MAC + b"\x00\x07" + MAC, err=3),
            aoe(0, 3, struct.pack("!BB", 1, 2) + MAC + MAC), aoe(8, 1, struct.pack("!HHBBH", 16, 0x4019, 2, 0x13, 5) + b"conf\x01"),
            aoe(0, 0, struct.pack("!BBBB6BH", 0x40, 0, 2, 0x24, 1, 2, 3, 4, 5, 6, 0) + bytes(4))]
    rich = [(0x88a2, m) for m in rich]
    dm = decnet_messages()
    rich += [(0x6003, dm[0]), (0x6003, dm[6]), (0x6003, dm[20]), (0x6003, dm[-16]), (0x6003, dm[-5]), (0x6003, dm[-14])]
    rich += [(0x8947, geonet_messages()[1]), (0x1111, b"\x00\x00calm")]
    cuts = [eth(et, m, pad=False) for et, m in rich]
    cuts += [llc_osi(m) for m in isis_messages()[2:4] + isis_rich()[:2]]
    cuts += [udp(520, 520, m) for m in rip_messages()[5:8]]
    cuts += [udp(521, 521, m, v6=True) for m in ripng_messages()[:4]]
    cuts += [udp(6696, 6696, m, v6=True) for m in babel_messages()[:2]]
    cuts += arista_frames()[:2] + arista_frames()[7:8]
    for f in cuts:
        for cut in range(14, len(f)):
            out.append((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
