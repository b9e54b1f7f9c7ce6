#!/usr/bin/env python3
"""mkip.py: a capture of the protocols reached by IP protocol number, for
compare.py (the decoder against tcpdump).  Ethernet frames carrying over
IPv4 and IPv6: protocols with and without a printer in tcpdump, IGMP, VRRP,
GRE with what it carries, ESP, AH, IPComp, SCTP chunks; and the cases at
the IP layer that went wrong: ICMP cut short, an IPv6 routing header cut
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
    out += [(f, c) for c in range(34, len(f))]
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
        out += [(f, c) for c in range(54, len(f))]
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
    out = []
    for m in msgs:
        out.append((e4(2, cks(m, 2)), None))
    out.append((e4(2, msgs[6]), None))  # bad checksum
    out.append((e4(2, cks(msgs[6], 2), opts=b"\x94\x04\0\0"), None))  # router alert, as sent
    out.append((e6(2, cks(msgs[6], 2)), None))
    for m in (msgs[-8], msgs[20], msgs[-3]):
        f = e4(2, cks(m, 2))
        out += [(f, c) for c in range(34, len(f))]
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
        out += [(f, c) for c in range(34, len(f))]
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
    out += [(f, c) for c in range(34, len(f))]
    f = e6(108, comp[:6])
    out += [(f, c) for c in range(54, len(f))]
    f = e4(50, esp[:16])
    out += [(f, c) for c in range(34, len(f))]
    return out


def frames():
    out = [(f, None) for f in unknown()]
    out += ipsec()
    out += igmp()
    out += vrrp()
    out += ipcases()
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
