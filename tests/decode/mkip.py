#!/usr/bin/env python3
"""mkip.py: a capture of the protocols reached by IP protocol number, for
compare.py (the decoder against tcpdump).  Ethernet frames carrying over
IPv4 and IPv6: protocols with and without a printer in tcpdump, IGMP, VRRP,
GRE with what it carries, ESP, AH, IPComp, SCTP chunks and the M3UA
messages they carry; and the cases at the IP layer that went wrong: ICMP cut short, an IPv6 routing header cut
short, a fragment header whose payload length underflows, an IPv4 option
cut short, MPTCP remove-addr.  Rich frames are also cut short at every
byte.  The expected output is whatever tcpdump prints for them.
usage: mkip.py OUT.pcap"""
import os, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import csum, write, ETH_SRC, ETH_DST  # noqa: E402

A4, B4 = bytes([10, 0, 0, 1]), bytes([224, 0, 0, 22])
A6 = bytes.fromhex("fe800000000000000000000000000001")
B6 = bytes.fromhex("ff020000000000000000000000000016")


def ip4(proto, payload, src=A4, dst=B4, opts=b"", ttl=1, off=0, tot=None, ident=7):
    hl = 20 + len(opts)
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | hl // 4, 0xc0, tot if tot is not None else hl + len(payload),
                    ident, off, ttl, proto, 0, src, dst) + opts
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def ip6(nh, payload, src=A6, dst=B6, plen=None, hlim=1):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload) if plen is None else plen, nh, hlim, src, dst) + payload


def eth(pkt, v6=False):
    return ETH_DST + ETH_SRC + (b"\x86\xdd" if v6 else b"\x08\x00") + pkt


def e4(proto, payload, **kw):
    return eth(ip4(proto, payload, **kw))


def e6(nh, payload, **kw):
    return eth(ip6(nh, payload, **kw), True)


def cuts(f, start=34):
    """Frame f cut short at every byte from start (past the IPv4 header
    by default; 54: past the IPv6 one) to its end."""
    return [(f, c) for c in range(start, len(f))]


def both(proto, msgs, dst, cut=()):
    """Each message over IPv4 (to dst) and over IPv6; then the IPv4 frames
    of those in cut, cut short at every byte."""
    out = []
    for m in msgs:
        out.append((e4(proto, m, dst=dst), None))
        out.append((e6(proto, m), None))
    for m in cut:
        out += cuts(e4(proto, m, dst=dst))
    return out


def cks(b, at):
    """b with the Internet checksum of b stored at offset at."""
    b = b[:at] + b"\0\0" + b[at + 2:]
    return b[:at] + struct.pack("!H", csum(b)) + b[at + 2:]


def unknown():
    """Protocols tcpdump prints as " ip-proto-N LEN" and ones it decodes
    that the decoder may not."""
    out = []
    for p in list(range(0, 256, 1)):
        if p in (0, 6, 17, 41, 43, 44, 60):
            continue
        out.append(e4(p, bytes(range(24))))
        if p not in (1, 2):
            out.append(e6(p, bytes(range(24))))
    return out


def ipcases():
    """The IP-layer cases of issue 14."""
    out = []
    echo = cks(struct.pack("!BBHHH", 8, 0, 0, 1, 2) + b"abcdefgh", 2)
    f = e4(1, echo, dst=bytes([10, 0, 0, 2]))
    out += cuts(f)
    unr = struct.pack("!BBHI", 3, 3, 0, 0) + ip4(17, struct.pack("!HHHH", 1000, 53, 8, 0), dst=A4, src=B4)
    ts = struct.pack("!BBHHHIII", 14, 0, 0, 1, 2, 3, 4, 5)
    tx = struct.pack("!BBHI", 11, 0, 0, 0) + ip4(17, struct.pack("!HHHH", 1, 2, 8, 0))
    for m in (cks(unr, 2), cks(ts, 2), cks(tx, 2), cks(struct.pack("!BBHIIII", 5, 1, 0, 0x0a000003, 0, 0, 0) + bytes(12), 2),
              cks(struct.pack("!BBHHHI", 18, 0, 0, 1, 2, 0xffffff00), 2), cks(struct.pack("!BBHB3x", 12, 0, 0, 9), 2)):
        f = e4(1, m, dst=bytes([10, 0, 0, 2]))
        out += [(f, c) for c in range(34, len(f) + 1)]
    # a routing header (type 0 and 2, segment routing) cut short
    rt0 = struct.pack("!BBBBI", 59, 4, 0, 2, 0) + A6 + B6
    srh = struct.pack("!BBBBBBH", 59, 4, 4, 1, 1, 0, 0) + A6 + B6
    rt2 = struct.pack("!BBBBI", 59, 2, 2, 1, 0) + A6
    ext = struct.pack("!BB", 60, 0) + b"\x05\x02\0\0\x01\0" + struct.pack("!BB", 43, 0) + b"\x01\x04\0\0\0\0" + rt2
    for r in (rt0, srh, rt2):
        f = e6(43, r)
        out += cuts(f, 54)
    f = e6(0, ext)
    out += [(f, c) for c in range(54, len(f) + 1)]
    f = e6(0, ext[:8] + b"\x2c" + ext[9:16] + struct.pack("!BBHI", 17, 0, 1, 5) + struct.pack("!HHHH", 1, 2, 8, 0))
    out += [(f, c) for c in range(54, len(f) + 1)]
    # fragment headers whose payload length is too small for them
    for plen in (0, 1, 7, 8, 9, 16):
        fr = struct.pack("!BBHI", 17, 0, 0x0500, 0x1234) + bytes(8)
        out.append((e6(44, fr, plen=plen), None))
        fr = struct.pack("!BBHI", 17, 0, 0x0001, 0x1234) + bytes(8)
        out.append((e6(44, fr, plen=plen), None))
    hbh = struct.pack("!BB", 44, 0) + b"\x01\x04\0\0\0\0"
    out.append((e6(0, hbh + struct.pack("!BBHI", 17, 0, 0, 9) + bytes(8), plen=10), None))
    # IPv4 options cut short by the capture (-v)
    for opts in (b"\x07\x07\x04\0\0\0\0\x01", b"\x44\x0c\x05\x01" + bytes(8), b"\x94\x04\0\0",
                 b"\x83\x0b\x04" + A4 + B4, b"\x01\x01\x01\x00"):
        f = e4(17, struct.pack("!HHHH", 1, 2, 8, 0), opts=opts)
        out += [(f, c) for c in range(34, 34 + len(opts) + 1)]
    # MPTCP options (RFC 8684), remove-addr among them, in a TCP segment
    for mp in (bytes([30, 5, 0x40, 1, 2]), bytes([30, 4, 0x40, 7]), bytes([30, 3, 0x40]),
               bytes([30, 4, 0x50, 1]), bytes([30, 12, 0x60, 0]) + bytes(range(8)), bytes([30, 4, 0x80, 0])):
        o = mp + bytes(-len(mp) % 4)
        t = struct.pack("!HHIIBBHHH", 1, 2, 3, 4, (5 + len(o) // 4) << 4, 0x10, 512, 0, 0) + o
        out.append((e4(6, t, dst=bytes([10, 0, 0, 2])), None))
    return out


def igmp():
    """IGMP v1/v2/v3 queries and reports, leaves, mtrace, bad lengths and
    checksums, cut short at every byte."""
    G = bytes([239, 1, 2, 3])
    msgs = [struct.pack("!BBH4s", 0x11, 0, 0, bytes(4)), struct.pack("!BBH4s", 0x11, 100, 0, bytes(4)),
            struct.pack("!BBH4s", 0x11, 50, 0, G), struct.pack("!BBH4s", 0x11, 0, 0, G) + bytes(2),
            struct.pack("!BBH4s", 0x12, 0, 0, G), struct.pack("!BBH4s", 0x12, 0, 0, G) + bytes(4),
            struct.pack("!BBH4s", 0x16, 0, 0, G), struct.pack("!BBH4s", 0x17, 0, 0, G),
            struct.pack("!BBH4s", 0x13, 0, 0, G), struct.pack("!BBH", 0x13, 0, 0),
            struct.pack("!BBH4s", 0x14, 0, 0, G), struct.pack("!BBH4s", 0x99, 0, 0, G),
            struct.pack("!BBH", 0x11, 0, 0)]
    for mrc in (100, 10, 127, 128, 0x8f, 0xff, 0xc0):
        msgs.append(struct.pack("!BBH4sBBH", 0x11, mrc, 0, bytes(4), 2, 125, 0))
    for ns in (0, 1, 3, 9):
        msgs.append(struct.pack("!BBH4sBBH", 0x11, 100, 0, G, 0, 0, ns) + b"".join(
            bytes([10, 0, 0, i + 1]) for i in range(min(ns, 3))))
    msgs.append(struct.pack("!BBH4sBBH", 0x11, 100, 0, G, 0, 0, 0) + bytes(2))
    recs = b""
    for t in (1, 2, 3, 4, 5, 6, 7):
        recs += struct.pack("!BBH4s", t, 0, t % 3, bytes([239, 0, 0, t])) + b"".join(
            bytes([10, 0, 1, i]) for i in range(t % 3))
    msgs.append(struct.pack("!BBHHH", 0x22, 0, 0, 0, 7) + recs)
    msgs.append(struct.pack("!BBHHH", 0x22, 0, 0, 0, 8) + recs)
    msgs.append(struct.pack("!BBHHH", 0x22, 0, 0, 0, 1) + struct.pack("!BBH4s", 1, 0, 5, G) + bytes(4))
    msgs.append(struct.pack("!BBHHH", 0x22, 0, 0, 0, 1) + struct.pack("!BBH4s", 1, 0, 0, G) + bytes(2))
    msgs.append(struct.pack("!BBHHH", 0x22, 0, 0, 0, 0))
    tr = struct.pack("!4s4s4sI", bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), bytes([224, 0, 1, 32]), 0x20abcdef)
    for t in (0x1e, 0x1f):
        msgs.append(struct.pack("!BBH4s", t, 0, 0, G) + tr)
        msgs.append(struct.pack("!BBH4s", t, 0, 0, G) + tr[:8] + bytes([10, 0, 0, 3]) + tr[12:])
        msgs.append(struct.pack("!BBH4s", t, 0, 0, G) + tr[:20])
    # PIM version 1 inside IGMP, each type
    pv1 = lambda t, body, ver=0x10: struct.pack("!BBHB3x", 0x14, t, 0, ver) + body
    jp1 = (bytes([10, 0, 0, 1]) + struct.pack("!HH", 0, 210) + bytes([0, 0, 0, 1]) + bytes([239, 1, 1, 1]) +
           bytes([255, 255, 255, 255]) + struct.pack("!HH", 1, 0) + bytes([1, 0xc0 | 32]) + bytes([10, 2, 2, 2]))
    jp2 = (bytes([10, 0, 0, 1]) + struct.pack("!HH", 0, 180) + bytes([0, 0, 0, 2]) + bytes([239, 1, 1, 1]) +
           bytes([255, 255, 0, 0]) + struct.pack("!HH", 1, 1) + bytes([0, 32, 10, 2, 2, 2, 1, 0x80 | 24, 10, 3, 3, 3]) +
           bytes([239, 2, 2, 2]) + bytes([255] * 4) + struct.pack("!HH", 0, 0))
    msgs += [pv1(0, bytes([0x10, 0, 0, 105])), pv1(0, bytes([0x30, 0, 0, 5]), 0x20), pv1(0, b""),
             pv1(1, bytes(12) + bytes([10, 0, 0, 5, 239, 1, 1, 1])), pv1(1, bytes(4)),
             pv1(2, bytes([239, 1, 1, 1, 10, 0, 0, 5])), pv1(4, bytes([239, 1, 1, 1, 255, 255, 255, 0, 10, 9, 9, 9, 0, 0, 0, 90])),
             pv1(5, bytes([239, 1, 1, 1, 255, 255, 255, 255, 10, 0, 0, 7]) + struct.pack("!II", 0x80000010, 20)),
             pv1(3, jp1), pv1(3, jp1[:12] + bytes([0, 0, 0, 2]) + jp1[16:]), pv1(6, jp2), pv1(7, jp2[:10]), pv1(9, b"")]
    out = []
    for m in msgs:
        out.append((e4(2, cks(m, 2)), None))
    out.append((e4(2, msgs[6]), None))  # bad checksum
    out.append((e4(2, cks(msgs[6], 2), opts=b"\x94\x04\0\0"), None))  # router alert, as sent
    out.append((e6(2, cks(msgs[6], 2)), None))
    for m in (msgs[-8], msgs[20], msgs[-3]):
        f = e4(2, cks(m, 2))
        out += cuts(f)
    return out


def vrrp():
    """VRRP v2 with each authentication type, v3 over IPv4 and IPv6, good
    and bad checksums, TTLs other than 255, other versions and types, cut
    short at every byte."""
    out = []
    VR4 = bytes([224, 0, 0, 18])
    VR6 = bytes.fromhex("ff020000000000000000000000000012")
    addrs = [bytes([192, 168, 1, i]) for i in range(1, 4)]
    for auth, pw in ((0, bytes(8)), (1, b"secret\0\0"), (1, b"\x01\xe9abcdefg"), (2, bytes(8)), (7, bytes(8))):
        for na in (0, 1, 3):
            m = struct.pack("!BBBBBBH", 0x21, 42, 100, na, auth, 1, 0) + b"".join(addrs[:na]) + pw
            out.append((e4(112, cks(m, 6), dst=VR4, ttl=255), None))
    m2 = struct.pack("!BBBBBBH", 0x21, 1, 255, 1, 1, 3, 0) + addrs[0] + b"pass\0\0\0\0"
    out.append((e4(112, m2, dst=VR4, ttl=255), None))  # bad checksum
    out.append((e4(112, cks(m2, 6), dst=VR4, ttl=64), None))
    for vt in (0x11, 0x22, 0x41, 0x20):
        out.append((e4(112, cks(struct.pack("!BBBBBBH", vt, 1, 1, 0, 0, 1, 0), 6), dst=VR4, ttl=255), None))

    def v3(na, intvl, v6, good=True):
        a = b"".join((A6 if v6 else addrs[0]) for _ in range(na))
        m = struct.pack("!BBBBHH", 0x31, 7, 200, na, intvl, 0) + a
        src, dst = (A6, VR6) if v6 else (A4, VR4)
        if good:
            ph = src + dst + (struct.pack("!IxxxB", len(m), 112) if v6 else struct.pack("!xBH", 112, len(m)))
            m = m[:6] + struct.pack("!H", csum(ph + m)) + m[8:]
        return e6(112, m, dst=dst, hlim=255) if v6 else e4(112, m, dst=dst, ttl=255)
    for v6 in (False, True):
        for na in (0, 1, 2):
            out.append((v3(na, 100, v6), None))
        out.append((v3(1, 0xf123, v6, False), None))
    out.append((e6(112, struct.pack("!BBBBHH", 0x31, 7, 200, 0, 100, 0), dst=VR6, hlim=1), None))
    for f in (out[4][0], v3(2, 100, True), out[7][0]):
        out += cuts(f)
    return out


def ipsec():
    """ESP, AH (alone, around ESP, UDP, ICMP and unknown protocols, with
    ICVs of several lengths) and IPComp over IPv4 and IPv6, cut short at
    every byte."""
    out = []
    esp = struct.pack("!II", 0x1234, 7) + bytes(range(40))
    udp = struct.pack("!HHHH", 1000, 1001, 12, 0) + b"abcd"
    ping = cks(struct.pack("!BBHHH", 8, 0, 0, 1, 2) + b"abcdefgh", 2)
    comp = struct.pack("!BBH", 4, 0, 0x4242) + bytes(20)
    for v6 in (False, True):
        wrap = (lambda p, b: e6(p, b)) if v6 else (lambda p, b: e4(p, b))
        out.append((wrap(50, esp), None))
        out.append((wrap(50, esp[:9]), None))
        out.append((wrap(108, comp), None))
        for words, nh, body in ((4, 50, esp), (1, 17, udp), (3, 1, ping), (2, 99, b"xyz"), (4, 4, ip4(17, udp)),
                                (4, 58, struct.pack("!BBHHH", 128, 0, 0, 1, 2)), (0, 59, b""), (60, 6, b"")):
            icv = bytes(i & 0xff for i in range(0x40, 0x40 + max(0, (words + 2) * 4 - 12)))
            ah = struct.pack("!BBHII", nh, words, 0 if words != 2 else 0x1234, 0x100, 5) + icv
            out.append((wrap(51, ah + body), None))
    f = e4(51, struct.pack("!BBHII", 50, 4, 0, 9, 9) + bytes(12) + esp[:12])
    out += cuts(f)
    f = e6(108, comp[:6])
    out += cuts(f, 54)
    f = e4(50, esp[:16])
    out += cuts(f)
    return out


def gre():
    """GRE version 0 with each optional field and source routes, carrying
    IPv4, IPv6, Ethernet, MPLS and unknown protocols; PPTP's version 1;
    other versions; over IPv4 and IPv6; cut short at every byte."""
    out = []
    ping = ip4(1, cks(struct.pack("!BBHHH", 8, 0, 0, 1, 2) + b"abcdefgh", 2), src=bytes([192, 168, 0, 1]),
               dst=bytes([192, 168, 0, 2]), ttl=64)
    ping6 = ip6(58, struct.pack("!BBHHH", 128, 0, 0, 1, 2))
    ether = ETH_DST + ETH_SRC + b"\x08\x00" + ping
    sre_ip = struct.pack("!HBB", 0x0800, 4, 8) + A4 + B4
    sre_asn = struct.pack("!HBB", 0xfffe, 2, 4) + struct.pack("!HH", 65001, 65002)
    sre_end = bytes(4)
    cases = [(0x0000, 0x0800, b"", ping), (0x0000, 0x86dd, b"", ping6), (0x0000, 0x6558, b"", ether),
             (0x0000, 0x8847, b"", struct.pack("!I", 0x00001140) + ping), (0x0000, 0x0806, b"", bytes(28)),
             (0x0000, 0x1234, b"", b"xyz"), (0x8000, 0x0800, struct.pack("!HH", 0xabcd, 0), ping),
             (0x2000, 0x0800, struct.pack("!I", 0x1020304), ping), (0x1000, 0x0800, struct.pack("!I", 77), ping),
             (0xb000, 0x86dd, struct.pack("!HHII", 1, 0, 5, 6), ping6),
             (0x4000, 0x0800, struct.pack("!HH", 0, 8) + sre_ip + sre_asn + sre_end, ping),
             (0x4000, 0x0800, struct.pack("!HH", 0, 0) + struct.pack("!HBB", 0x0800, 3, 8) + A4 + B4 + sre_end, ping),
             (0x4000, 0x0800, struct.pack("!HH", 0, 0) + struct.pack("!HBB", 0x0800, 8, 8) + A4 + B4 + sre_end, ping),
             (0x4000, 0x0800, struct.pack("!HH", 0, 0) + struct.pack("!HBB", 0xfffe, 0, 3) + b"abc" + sre_end, ping),
             (0x4000, 0x0800, struct.pack("!HH", 0, 0) + struct.pack("!HBB", 0x1234, 0, 4) + b"abcd" + sre_end, ping),
             (0x0800, 0x0800, b"", ping), (0x0103, 0x0800, b"", ping), (0x0007, 0x0800, b"", ping),
             (0x3081, 0x880b, struct.pack("!HHII", 4, 99, 1, 2), b"\xff\x03\x00\x21" + ping),
             (0x2001, 0x880b, struct.pack("!HH", 0, 99), b""), (0x3001, 0x1234, struct.pack("!HHI", 4, 99, 1), b"")]
    frames = []
    for flags, prot, opt, body in cases:
        g = struct.pack("!HH", flags, prot) + opt + body
        frames.append(e4(47, g, src=bytes([10, 1, 1, 1]), dst=bytes([10, 2, 2, 2]), ttl=64))
        frames.append(e6(47, g))
    out += [(f, None) for f in frames]
    for i in (14, 20, 24, 36):
        f = frames[i]
        out += [(f, c) for c in range(34 if i % 2 == 0 else 54, len(f))]
    return out


def sctp():
    """SCTP packets with each chunk type, DATA with its flags and payload
    protocols, INIT, SACK with gaps and duplicates, chunk lengths too
    short, too long, unaligned and wrapping, over IPv4 and IPv6, cut short
    at every byte."""
    def chunk(t, flags, body, pad=True):
        c = struct.pack("!BBH", t, flags, 4 + len(body)) + body
        return c + bytes(-len(c) % 4) if pad else c

    def pkt(chunks, sport=5000, dport=5001):
        return struct.pack("!HHII", sport, dport, 0xdeadbeef, 0) + b"".join(chunks)
    data = [chunk(0, f, struct.pack("!IHHI", 100 + f, 1, 2, ppid) + pl)
            for f, ppid, pl in ((3, 0, b"hello"), (0, 46, b"x" * 20), (4, 18, b"\x00\x01"), (7, 99999, b"ab"),
                                (1, 27, b"abc"), (2, 7, b"abcd"))]
    init = struct.pack("!IIHHI", 0x11223344, 65536, 10, 5, 777) + struct.pack("!HHI", 5, 8, 0x0a000001)
    sack = struct.pack("!IIHH", 1000, 4096, 2, 3) + struct.pack("!HHHH", 2, 4, 7, 9) + struct.pack("!III", 1, 2, 3)
    pkts = [pkt(data), pkt([chunk(1, 0, init)]), pkt([chunk(2, 0, init + b"cookie")]),
            pkt([chunk(3, 0, sack)]), pkt([chunk(3, 0, struct.pack("!IIHH", 5, 6, 0, 0))]),
            pkt([chunk(t, 0, b"abcd") for t in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xc0, 0xc1, 0xc2, 0x40, 0xff)]),
            pkt([chunk(0, 3, struct.pack("!IHH", 1, 2, 3))]), pkt([chunk(0, 3, struct.pack("!IHHI", 1, 2, 3, 4))]),
            pkt([chunk(1, 0, b"short")]), pkt([chunk(3, 0, struct.pack("!IIHH", 5, 6, 3, 0) + b"\0\1")]),
            pkt([chunk(3, 0, struct.pack("!IIHH", 5, 6, 0, 2) + b"\0\0\0\1\0\0")]),
            pkt([struct.pack("!BBH", 0, 0, 2)]), pkt([struct.pack("!BBH", 11, 0, 4), b"\x0b\x00"]),
            pkt([struct.pack("!BBH", 11, 0, 200) + bytes(8)]), pkt([struct.pack("!BBH", 11, 0, 5) + b"a"]),
            pkt([struct.pack("!BBH", 11, 0, 6) + b"ab"]), pkt([]), b"\x13\x88\x13\x89\0\0",
            pkt([chunk(0, 3, struct.pack("!IHHI", 1, 2, 3, 3) + b"m3ua")]),
            pkt([chunk(11, 0, b"")], 6704, 9), pkt([chunk(0, 3, struct.pack("!IHHI", 1, 2, 3, 21) + b"abcd")], 9, 9)]
    m3 = [m3ua_pkt(pkt, chunk, m) for m in m3ua()]
    return both(132, pkts + m3, bytes([10, 0, 0, 2]), cut=(pkts[0], pkts[3], m3[0], m3[1]))


def m3ua():
    """M3UA messages (RFC 4666): each class and type, every parameter
    tcpdump names with its value or length, unknown ones, unaligned
    lengths, lengths too short or past the message, other versions."""
    def param(tag, v, length=None):
        b = struct.pack("!HH", tag, 4 + len(v) if length is None else length) + v
        return b + bytes(-len(b) % 4)

    def msg(cls, typ, body=b"", ver=1, length=None):
        return struct.pack("!BBBBI", ver, 0, cls, typ, 8 + len(body) if length is None else length) + body
    every = b"".join(param(t, struct.pack("!I", 0x100 + t)) for t in (
        0x0004, 0x0006, 0x0007, 0x0009, 0x000b, 0x000c, 0x000d, 0x0011, 0x0012, 0x0013, 0x0200, 0x0204, 0x0205,
        0x0206, 0x0207, 0x0208, 0x0209, 0x020a, 0x020b, 0x020c, 0x020e, 0x0210, 0x0212, 0x0213, 0x7777))
    out = [msg(1, 1, every), msg(1, 1, param(0x0210, b"abcde") + param(0x0006, b"\0\0\0\7"))]
    out += [msg(c, t) for c, t in ((0, 0), (0, 1), (0, 9), (1, 0), (2, 1), (2, 2), (2, 3), (2, 4), (2, 5), (2, 6),
                                   (2, 7), (3, 1), (3, 2), (3, 3), (3, 4), (3, 5), (3, 6), (3, 0), (4, 1), (4, 2),
                                   (4, 3), (4, 4), (4, 5), (9, 1), (9, 2), (9, 3), (9, 4), (9, 0), (5, 1), (200, 3))]
    out += [msg(3, 1, ver=2), msg(3, 1, length=40), msg(3, 1, length=4), b"\1\0\3\1",
            msg(4, 1, param(0x0006, b"\0\1")), msg(4, 1, param(0x0200, b"")), msg(4, 1, param(0x0006, b"", 2)),
            msg(4, 1, b"\0\6"), msg(4, 1, param(0x0013, b"\0\0\0\1\0\0\0\2")),
            msg(4, 1, param(0x0006, b"\0\0\0\1", 60)), msg(4, 1, param(0x0009, b"abc")[:7])]
    return out


def m3ua_pkt(pkt, chunk, m):
    return pkt([chunk(0, 3, struct.pack("!IHHI", 1, 2, 3, 3) + m)])


def pim():
    """PIM messages of every type and other versions, over IPv4 and IPv6
    (tcpdump's -v detail is not ours yet: those lines are handed off)."""
    out = []
    for tv in [0x20 | t for t in range(16)] + [0x10, 0x30, 0x00]:
        m = struct.pack("!BBH", tv, 0, 0) + bytes(range(16))
        out.append((e4(103, m, dst=bytes([224, 0, 0, 13])), None))
        out.append((e6(103, m), None))
    f = e4(103, struct.pack("!BBH", 0x20, 0, 0) + bytes(4))
    out += cuts(f)

    def u4(a):
        return b"\x01\x00" + bytes(a)

    def g4(a, ml=32, fl=0):
        return bytes([1, 0, fl, ml]) + bytes(a)
    U6 = b"\x02\x00" + A6
    G6 = bytes([2, 0, 0, 128]) + B6
    opts = (struct.pack("!HHH", 1, 2, 105) + struct.pack("!HHHH", 2, 4, 0x8001, 2500) +
            struct.pack("!HHI", 19, 4, 1) + struct.pack("!HHI", 20, 4, 0xabcdef) +
            struct.pack("!HHBBH", 21, 4, 1, 60, 0) + struct.pack("!HH", 22, 0) + struct.pack("!HH", 18, 0) +
            struct.pack("!HH", 24, 12) + u4([10, 0, 0, 9]) + u4([10, 0, 0, 10]) + struct.pack("!HH", 99, 3) + b"xyz\0")
    ping = ip4(1, struct.pack("!BBHHH", 8, 0, 0, 1, 2), src=bytes([192, 168, 0, 1]), dst=bytes([239, 1, 1, 1]))
    bodies = [
        (0x20, 0, opts), (0x20, 0, struct.pack("!HHH", 1, 3, 5) + b"\0\0"), (0x20, 0, struct.pack("!HHH", 20, 2, 5)),
        (0x20, 0, struct.pack("!HHI", 19, 3, 1)), (0x20, 0, b"\0\1"),
        (0x21, 0, struct.pack("!I", 0) + ping), (0x21, 0, struct.pack("!I", 0x40000000) + bytes(20)),
        (0x21, 0, struct.pack("!I", 0x80000000) + ip6(59, b"")), (0x21, 0, struct.pack("!I", 0) + b"\x50abc"),
        (0x21, 0, struct.pack("!I", 0)),
        (0x22, 0, g4([239, 1, 1, 1]) + u4([10, 0, 0, 1])), (0x22, 0, G6 + U6), (0x22, 0, g4([239, 1, 1, 1], 24, 3)),
        (0x23, 0, u4([10, 0, 0, 1]) + struct.pack("!BBH", 0, 2, 210) + g4([239, 1, 1, 1]) + struct.pack("!HH", 2, 1) +
         g4([10, 1, 1, 1], 32, 4) + g4([10, 1, 1, 2], 24, 7) + g4([10, 1, 1, 3], 32, 0xff) +
         g4([239, 2, 2, 2], 8, 1) + struct.pack("!HH", 0, 0)),
        (0x23, 0, u4([10, 0, 0, 1]) + struct.pack("!BBH", 0, 1, 0xffff) + g4([239, 1, 1, 1]) + struct.pack("!HH", 1, 0)),
        (0x26, 0, u4([10, 0, 0, 1]) + struct.pack("!BBH", 0, 1, 60) + g4([239, 1, 1, 1]) + struct.pack("!HH", 0, 0)),
        (0x27, 0, struct.pack("!BBH", 0, 1, 60) + g4([239, 1, 1, 1]) + struct.pack("!HH", 0, 0)),
        (0x24, 0, struct.pack("!HBB", 0x1234, 30, 64) + u4([10, 0, 0, 1]) + g4([224, 0, 0, 0], 4) +
         struct.pack("!BBH", 2, 2, 0) + u4([10, 0, 0, 2]) + struct.pack("!HBB", 150, 1, 0) + u4([10, 0, 0, 3]) +
         struct.pack("!HBB", 150, 2, 0)),
        (0x25, 0, g4([239, 1, 1, 1]) + u4([10, 0, 0, 1]) + struct.pack("!II", 0x80000064, 10)),
        (0x25, 0, g4([239, 1, 1, 1]) + u4([10, 0, 0, 1]) + struct.pack("!II", 100, 10)),
        (0x28, 0, struct.pack("!BBH", 2, 192, 150) + u4([10, 0, 0, 1]) + g4([224, 0, 0, 0], 4) + g4([239, 0, 0, 0], 8)),
        (0x29, 0, u4([10, 0, 0, 1]) + g4([239, 1, 1, 1]) + u4([10, 0, 0, 2]) + struct.pack("!H", 70)),
        (0x2a, 0x10, u4([10, 0, 0, 1]) + struct.pack("!II", 1, 2)), (0x2a, 0x20, u4([10, 0, 0, 1]) + struct.pack("!II", 1, 2)),
        (0x2a, 0x30, u4([10, 0, 0, 1]) + struct.pack("!II", 1, 2) + u4([10, 0, 0, 5]) + struct.pack("!IIH", 3, 4, 100)),
        (0x2a, 0x40, u4([10, 0, 0, 1]) + struct.pack("!II", 1, 2) + u4([10, 0, 0, 5]) + struct.pack("!II", 3, 4)),
        (0x2a, 0x70, u4([10, 0, 0, 1]) + struct.pack("!II", 1, 2)),
        (0x2b, 0, b"abcd"), (0x23, 4, bytes([10, 0, 0, 1]) + struct.pack("!BBH", 0, 1, 60) + bytes([0, 32, 0, 0]) +
                             bytes([239, 1, 1, 1]) + struct.pack("!HH", 0, 0)),
        (0x22, 3, bytes(12)), (0x22, 0, b"\x03\x00" + bytes(8)), (0x22, 0, b"\x01\x01" + bytes(8))]
    rich = []
    for tv, rsv, body in bodies:
        m = struct.pack("!BBH", tv, rsv, 0) + body
        good = cks(m, 2)
        out.append((e4(103, good, dst=bytes([224, 0, 0, 13])), None))
        out.append((e4(103, m[:2] + b"\x12\x34" + m[4:], dst=bytes([224, 0, 0, 13])), None))
        ph = A6 + B6 + struct.pack("!IxxxB", len(m), 103)
        m6 = m[:2] + struct.pack("!H", csum(ph + m)) + m[4:]
        out.append((e6(103, m6, dst=B6), None))
        rich.append(e4(103, good, dst=bytes([224, 0, 0, 13])))
    for i in (0, 5, 13, 17, 18, 20, 21, 25):
        out += [(rich[i], c) for c in range(38, len(rich[i]))]
    return out


def ospf():
    """OSPFv2 and OSPFv3 headers of every type, with and without a
    cryptographic digest, cut short at every byte (tcpdump's -v detail is
    not ours yet: those lines are handed off)."""
    out = []
    for t in range(7):
        for auth in (0, 1, 2):
            h = struct.pack("!BBHIIHH8s", 2, t, 44, 0x01010101, 0, 0, auth, bytes(8)) + bytes(20)
            out.append((e4(89, h, dst=bytes([224, 0, 0, 5])), None))
        h6 = struct.pack("!BBHIIHBB", 3, t, 36, 0x01010101, 0, 0, 0, 0) + bytes(20)
        out.append((e6(89, h6, dst=bytes.fromhex("ff020000000000000000000000000005")), None))
    f = e4(89, struct.pack("!BBHIIHH8s", 2, 1, 44, 1, 0, 0, 2, bytes(8)) + bytes(20))
    out += cuts(f)
    out.append((e4(89, struct.pack("!BBHIIHH", 2, 1, 16, 1, 0, 0, 2)), None))
    f = e6(89, struct.pack("!BBHIIHBB", 3, 1, 16, 1, 0, 0, 0, 0))
    out += cuts(f, 54)
    return out


def eigrp():
    """EIGRP hellos and updates with each TLV tcpdump decodes, routes of
    every prefix length, bad TLV lengths, other versions and opcodes,
    over IPv4 and IPv6, cut short at every byte."""
    def tlv(t, v):
        return struct.pack("!HH", t, 4 + len(v)) + v

    def hdr(op, tlvs, ver=2, flags=0):
        return struct.pack("!BBHIIIHH", ver, op, 0x1234, flags, 7, 0, 0, 100) + b"".join(tlvs)
    met = struct.pack("!II", 2560000, 256) + b"\x00\x05\xdc" + bytes([1, 255, 1, 0, 0])
    ipint = [tlv(0x102, struct.pack("!I", nh) + met + bytes([pl]) + bytes(range(10, 10 + (pl + 7) // 8)))
             for nh, pl in ((0, 24), (0x0a000001, 32), (0, 0), (0, 8), (0, 33), (0, 17))]
    ipext = tlv(0x103, struct.pack("!IIIIIHBB", 0, 0x0a000002, 65001, 0xabcd, 20, 0, 6, 0x40) + met + bytes([16, 172, 16]))
    atint = tlv(0x202, struct.pack("!I", 0x00010002) + met + struct.pack("!HH", 10, 20))
    atext = tlv(0x203, struct.pack("!IIIIBBH", 0, 5, 6, 7, 3, 1, 9) + met + struct.pack("!HH", 10, 20))
    msgs = [hdr(5, [tlv(1, bytes([1, 0, 1, 0, 0, 0]) + struct.pack("!H", 15)), tlv(4, bytes([12, 4, 1, 2]))]),
            hdr(1, ipint + [ipext], flags=0x0b), hdr(3, [atint, atext, tlv(0x204, struct.pack("!HHI", 1, 2, 3))]),
            hdr(4, [tlv(2, b"authdata"), tlv(3, b"\x04\x0a\x00\x00\x01"), tlv(0x999, b"xyz")]),
            hdr(5, [tlv(1, b"abc"), tlv(0x102, bytes(10)), tlv(4, b"")]), hdr(5, [struct.pack("!HH", 1, 2) + bytes(4)]),
            hdr(5, [struct.pack("!HH", 1, 99) + bytes(4)]), hdr(5, [], ver=1), hdr(9, []), hdr(6, [], flags=0xf0),
            hdr(5, [])[:12]]
    return both(88, msgs, bytes([224, 0, 0, 10]), cut=(msgs[1], msgs[2]))


def dccp():
    """DCCP packets of every type, short and extended sequence numbers,
    each option, checksum coverage, lengths too short, over IPv4 and
    IPv6, cut short at every byte."""
    opts = (b"\x00\x01\x02" + bytes([32, 4, 2, 2, 33, 5, 5, 2, 3, 34, 3, 12, 35, 3, 1, 36, 6]) + b"abcd" +
            bytes([37, 3, 9, 38, 4, 1, 2, 39, 2, 40, 3, 7, 41, 6, 0, 0, 1, 0, 42, 8, 0, 0, 0, 5, 0, 9,
                   42, 10, 0, 0, 0, 5, 0, 0, 0, 9, 42, 5, 1, 2, 3, 43, 4, 1, 2, 43, 6, 0, 1, 0, 2, 43, 3, 1,
                   44, 6, 1, 2, 3, 4, 41, 3, 0, 130, 4, 1, 2, 131, 6, 0, 0, 0, 1, 132, 3, 0, 99, 2, 0, 0]))

    def pkt(t, x, extra, opt=b"", cscov=0, data=b"", bad=False, v6=False):
        seq = struct.pack("!BBHI", (t << 1) | x, 0, 0x1234, 0x56789abc) if x else struct.pack("!BBH", t << 1, 0x12, 0x3456)
        body = seq + extra + opt
        body += bytes(-len(body) % 4)
        doff = (8 + len(body)) // 4
        h = struct.pack("!HHBBH", 5001, 5002, doff, 0x30 | cscov, 0) + body + data
        src, dst = (A6, B6) if v6 else (A4, bytes([10, 0, 0, 2]))
        ph = src + dst + (struct.pack("!IxxxB", len(h), 33) if v6 else struct.pack("!xBH", 33, len(h)))
        cov = len(h) if cscov == 0 else min(len(h), (doff + cscov - 1) * 4)
        c = csum(ph + h[:cov]) if not bad else 0xbeef
        h = h[:6] + struct.pack("!H", c) + h[8:]
        return e6(33, h) if v6 else e4(33, h, dst=dst)
    ack = lambda x: struct.pack("!HHI", 0, 0x0a, 0x0b0c0d0e) if x else struct.pack("!I", 0x00abcdef)
    out = []
    for v6 in (False, True):
        for x in (0, 1):
            for t, extra in ((0, struct.pack("!I", 42)), (1, ack(x) + struct.pack("!I", 43)), (2, b""), (3, ack(x)),
                             (4, ack(x)), (5, ack(x)), (6, ack(x)), (7, ack(x) + bytes([3, 1, 2, 3])),
                             (7, ack(x) + bytes([99, 0, 0, 0])), (8, ack(x)), (9, ack(x)), (12, ack(x))):
                out.append((pkt(t, x, extra, v6=v6), None))
            out.append((pkt(4, x, ack(x), opts, data=b"payload!", v6=v6), None))
            out.append((pkt(4, x, ack(x), data=b"payload!" * 4, cscov=2, v6=v6), None))
            out.append((pkt(4, x, ack(x), data=b"p", bad=True, v6=v6), None))
    for f in (out[12][0], out[0][0]):
        out.append((f[:14] + f[14:16] + struct.pack("!H", 20 + 8) + f[18:], None))
    e = pkt(4, 1, ack(1), bytes([32, 9, 1]))
    out.append((e, None))
    rich = pkt(4, 1, ack(1), opts, data=b"xy")
    out += cuts(rich)
    return out


def frames():
    out = [(f, None) for f in unknown()]
    out += dccp()
    out += eigrp()
    out += ospf()
    out += pim()
    out += sctp()
    out += gre()
    out += ipsec()
    out += igmp()
    out += vrrp()
    out += ipcases()
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
