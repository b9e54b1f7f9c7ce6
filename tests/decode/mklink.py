#!/usr/bin/env python3
"""mklink.py: a capture of link-layer frames for compare.py (the decoder
against tcpdump): ARP and RARP of every opcode, with hardware and protocol
types and address lengths right and wrong; spanning tree BPDUs (802.1D
config and TCN, 802.1w RSTP, 802.1s MSTP with MSTIs, 802.1aq SPB, unknown
versions and types, lengths too short for their type); LLDP with every
basic TLV, well-formed and not; CDP with every TLV tcpdump names and
lengths that do not add up; DTP and UDLD headers; Loopback (0x9000)
messages; PTP (0x88f7) of every message type; MPLS label stacks over
IPv4, IPv6 and what is neither; EAPOL and Slow Protocols headers; frames
between
hosts of the hosts file and on well-known ports, for the option sets
without -n (127.0.0.1 is localhost); MAC addresses of every OUI tcpdump
names; and copies of the rich frames cut short at every byte.  The
expected output is whatever tcpdump prints for them.  Seeded, so the
capture is the same every time.
Also write_times: a capture of timestamps tcpdump cannot convert.
usage: mklink.py OUT.pcap"""
import os, random, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import csum  # noqa: E402  (the Internet checksum)

BCAST = b"\xff" * 6
SRC = bytes([0, 0x0c, 0x29, 1, 2, 3])
LOCAL = bytes([127, 0, 0, 1])
# tcpdump's OUI names (and one it doesn't name)
OUIS = (0x000000, 0x00000c, 0x00005e, 0x000081, 0x0000f8, 0x0080c2, 0x00a03e, 0x00e02f,
        0x080007, 0x009069, 0x080009, 0x00120f, 0x0012bb, 0x001b21, 0x002320, 0x5c16c7,
        0xb0d2f5, 0x002481, 0x0004ea, 0x748771, 0xa42305, 0x00049f, 0x0015ad, 0x001018,
        0x00e004, 0xd0f0db, 0x0180c2, 0x123456)


def eth(dst, src, etype, payload):
    return dst + src + struct.pack("!H", etype) + payload


def llc(dst, src, body):
    """An 802.3 frame: the length field, then body (the LLC header on)."""
    return dst + src + struct.pack("!H", len(body)) + body


def arp(op, sha=SRC, spa=LOCAL, tha=b"\0" * 6, tpa=LOCAL, hrd=1, pro=0x0800, hln=None, pln=None):
    hln = len(sha) if hln is None else hln
    pln = len(spa) if pln is None else pln
    return struct.pack("!HHBBH", hrd, pro, hln, pln, op) + sha + spa + tha + tpa


def ip4(proto, payload, src=LOCAL, dst=LOCAL):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def bridge(prio, mac):
    return struct.pack("!H", prio) + mac


def bpdu(ver, typ, flags=0, root=bridge(0x8000, SRC), cost=0, br=bridge(0x8001, SRC), port=0x8001,
         age=0, maxage=20 * 256, hello=2 * 256, fwd=15 * 256, v1=b"\0"):
    return struct.pack("!HBBB", 0, ver, typ, flags) + root + struct.pack("!I", cost) + br + \
        struct.pack("!HHHHH", port, age, maxage, hello, fwd) + v1


def mstp(msti=2, flags=0x7c, name=b"region1", spb=False, rnd=None):
    cfg = b"\0" + name.ljust(32, b"\0")[:32] + struct.pack("!H", 7) + bytes(range(16))
    cist = struct.pack("!I", 20000) + bridge(0x8000, SRC) + b"\x14"
    mstis = b""
    for i in range(msti):
        mstis += bytes([flags ^ i]) + bridge(0x8000 | (i + 1), SRC) + struct.pack("!IBBB", 2000 * i, 0x80, 0x90, 20)
    v3 = cfg + cist + mstis
    b = bpdu(3 if not spb else 4, 2, flags) + struct.pack("!H", len(v3)) + v3
    if spb:
        aux = b"\0" + b"aux".ljust(32, b"\0") + struct.pack("!H", 3) + bytes(range(16, 32)) + \
            bytes([0xdc, 0, 0x12, 0x34]) + struct.pack("!H", 5) + b"\0" * 8 + bytes(range(20))
        b += struct.pack("!H", len(aux)) + aux
    return b


def stp_frames():
    out = []
    add = lambda body: out.append(llc(bytes([1, 0x80, 0xc2, 0, 0, 0]), SRC, b"\x42\x42\x03" + body))
    for fl in (0, 1, 0x80, 0x81, 0x7e, 0xff):
        add(bpdu(0, 0, fl, cost=19, age=256 + 77))
        add(bpdu(2, 2, fl, cost=4))
    add(bpdu(0, 0x80)[:4])           # TCN
    add(bpdu(0, 0x80))
    add(bpdu(0, 0x42))               # unknown type
    add(bpdu(7, 0))                  # unknown version
    add(b"\x00\x01\x00\x00")         # not STP
    add(b"\x00\x00")                 # too short
    add(bpdu(0, 0)[:34])             # config too short
    add(bpdu(2, 2)[:35])             # RSTP too short
    add(bpdu(3, 0))                  # MSTP version, config type
    add(bpdu(2, 0))
    for n in (0, 1, 3):
        add(mstp(n))
    add(mstp(2, name=b"\x01bad\xffname\x7f" + b"x" * 40))
    m = bytearray(mstp(1))
    m[35] = 1                        # version 1 length not 0
    add(bytes(m))
    m = bytearray(mstp(1))
    m[36:38] = struct.pack("!H", 200)  # v3 length past the end
    add(bytes(m))
    add(mstp(1)[:101])
    add(mstp(2, spb=True))
    s = bytearray(mstp(0, spb=True))
    s[-89:-87] = struct.pack("!H", 10)  # v4 length too short
    add(bytes(s))
    return out


def arp_frames():
    out = []
    add = lambda body, et=0x0806, dst=BCAST: out.append(eth(dst, SRC, et, body))
    for op in range(0, 12):
        add(arp(op, tha=bytes([0, 0, 0, 1, 2, 4]), tpa=bytes([10, 1, 2, 3])))
        add(arp(op, tha=bytes([0, 0, 0, 1, 2, 4]), tpa=bytes([10, 1, 2, 3])), 0x8035)
    add(arp(1, tha=BCAST))
    for pro in (0x86dd, 0x1000, 0x0801, 0x1234):
        for op in (1, 2, 3, 4, 8, 9):
            add(arp(op, pro=pro))
    for hrd in (6, 7, 15, 23, 24, 99):
        add(arp(1, hrd=hrd))
    add(arp(3, sha=b"", tha=b""))    # no hardware addresses
    add(arp(4, sha=b"", tha=b""), 0x8035)
    add(arp(4, sha=b"\1\2\3\4", tha=b"\5\6\7\x08"), 0x8035)  # 4-byte ones
    add(arp(2, spa=b"\1\2", tpa=b"\3\4"))                    # 2-byte protocol addresses
    add(arp(1, spa=b"", tpa=b""))
    add(arp(2, sha=bytes(8), tha=bytes(8)))
    add(arp(1) + b"\0" * 18)         # padded to 60
    for o in OUIS:
        mac = struct.pack("!I", o)[1:] + b"\x01\x02\x03"
        add(arp(2, sha=mac, spa=bytes([10, 0, 0, 9])), dst=mac)
    return out


def name_frames():
    """Hosts-file addresses and services-database ports, for the sets
    without -n."""
    out = []
    other = bytes([10, 0, 0, 2])
    for sp, dp in ((80, 41000), (53, 53), (22, 9999), (6379, 1), (5353, 5353), (123, 123), (8080, 65535),
                   (111, 111), (6000, 6001), (443, 443), (25, 110), (0, 0)):
        u = struct.pack("!HHHH", sp, dp, 8, 0)
        t = struct.pack("!HHIIBBHHH", sp, dp, 1, 0, 0x50, 2, 100, 0, 0)
        out.append(eth(SRC, SRC, 0x0800, ip4(17, u)))
        out.append(eth(SRC, SRC, 0x0800, ip4(6, t, other, LOCAL)))
    for proto in (0, 3, 61, 99, 124, 136, 139, 143, 200, 253, 255):
        out.append(eth(SRC, SRC, 0x0800, ip4(proto, bytes(8))))
    frag = bytearray(ip4(17, bytes(16)))
    frag[6:8] = b"\x00\x10"
    out.append(eth(SRC, SRC, 0x0800, bytes(frag)))
    inner = ip4(17, struct.pack("!HHHH", 1000, 53, 8, 0), LOCAL, other)
    out.append(eth(SRC, SRC, 0x0800, ip4(1, struct.pack("!BBHI", 3, 3, 0, 0) + inner)))
    inner = ip4(6, struct.pack("!HHII", 1000, 80, 0, 0), LOCAL, other)
    out.append(eth(SRC, SRC, 0x0800, ip4(1, struct.pack("!BBHI", 3, 3, 0, 0) + inner)))
    out.append(eth(BCAST, SRC, 0x1234, bytes(30)))  # unknown ethertype: the addresses
    return out


def tlv(t, v):
    return struct.pack("!H", t << 9 | len(v)) + v


def lldp(*tlvs, end=True):
    return eth(bytes([1, 0x80, 0xc2, 0, 0, 0x0e]), SRC, 0x88cc, b"".join(tlvs) + (tlv(0, b"") if end else b""))


def lldp_frames():
    base = [tlv(1, b"\x04" + SRC), tlv(2, b"\x03" + SRC), tlv(3, b"\x00\x78")]
    out = [lldp(*base),
           lldp(*base, tlv(4, b"eth0 uplink"), tlv(5, b"switch-1.example"), tlv(6, b"Debian \x01\xff desc"),
                tlv(7, struct.pack("!HH", 0x14, 0x04)), tlv(7, struct.pack("!HH", 0, 0xffff))),
           lldp(tlv(1, b"\x07local-chassis"), tlv(2, b"\x05eth1"), tlv(3, b"\x00\x00")),
           lldp(tlv(1, b"\x05\x01" + LOCAL), tlv(2, b"\x04\x02" + bytes(15) + b"\x01")),
           lldp(tlv(1, b"\x05\x06" + SRC), tlv(2, b"\x04\x01\x0a\x00")),   # short address
           lldp(tlv(1, b"\x05\x1f" + LOCAL)),                            # unknown family
           lldp(tlv(1, b"\x09" + SRC), tlv(2, b"\x00abc"), tlv(2, b"\x03\x01\x02")),
           lldp(tlv(1, b"\x04")),                                          # too short
           lldp(tlv(3, b"\x01")),
           lldp(tlv(7, b"\x00\x01\x00")),
           lldp(tlv(8, b"\x05\x01" + LOCAL + b"\x02" + struct.pack("!I", 3) + b"\x04\x2b\x06\x01\x02")),
           lldp(tlv(8, b"\x05\x01" + LOCAL + b"\x03" + struct.pack("!I", 9) + b"\x00")),
           lldp(tlv(8, b"\x05\x01" + LOCAL + b"\x01" + struct.pack("!I", 1))),
           lldp(tlv(8, b"\x11\x02" + bytes(15) + b"\x01\x02" + struct.pack("!I", 7))),
           lldp(tlv(8, b"\x07\x06" + SRC + b"\x02\x00")),                 # cut short
           lldp(tlv(8, b"\x05\x01" + LOCAL + b"\x02" + struct.pack("!I", 3) + b"\x09\x01")),
           lldp(tlv(8, b"\x00")), lldp(tlv(8, b"")),
           lldp(tlv(8, b"\x05\x09" + LOCAL + b"\x02" + struct.pack("!I", 3))),
           lldp(*base, tlv(127, b"\x00\x80\xc2\x01\x00\x01"), tlv(5, b"after")),
           lldp(tlv(127, b"\x00\x80")),
           lldp(*base, tlv(9, b"\x01\x02\x03"), tlv(100, b"")),
           lldp(*base, end=False),
           lldp(*base, tlv(5, b"x"))[:-1],                                 # TLV past the frame
           lldp(tlv(5, b"name"), tlv(0, b"\x01\x02"), tlv(5, b"not reached"))]
    return out


def cdp_raw(ver, ttl, body, ck=0x1234):
    return llc(bytes([1, 0, 0x0c, 0xcc, 0xcc, 0xcc]), SRC,
               b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + bytes([ver, ttl]) + struct.pack("!H", ck) + body)


def cdp(ver, ttl, tlvs):
    return cdp_raw(ver, ttl, b"".join(struct.pack("!HH", t, len(v) + 4) + v for t, v in tlvs))


def cdp_frames():
    v4 = struct.pack("!I", 2) + b"\x01\x01\xcc\x00\x04" + LOCAL + \
        b"\x02\x08\xaa\xaa\x03\x00\x00\x00\x86\xdd\x00\x10" + bytes(15) + b"\x01"
    odd = struct.pack("!I", 1) + b"\x05\x02\xab\xcd\x00\x03\x01\x02\x03" + b"xy"
    return [cdp(2, 180, [(1, b"SW1"), (3, b"Gi0/1"), (4, b"\0\0\0\x29"), (0x0a, b"\0\1"), (0x0b, b"\1"),
                         (9, b""), (6, b"plat"), (2, v4), (0x16, v4), (5, b"IOS\nline2\x7f")]),
            cdp(1, 60, [(3, b"x"), (1, b"dev\x01")]),
            cdp(2, 180, [(1, b"A"), (1, b"B"), (0x99, b"abcd")]),
            cdp(2, 180, [(7, b"\x0a\x00\x00\x00\x08\xc0\xa8\x00\x00\x10"), (7, b"\x01\x02"), (2, odd),
                         (2, b"\0\0"), (2, struct.pack("!I", 1) + b"\x01"), (2, struct.pack("!I", 1) + b"\x01\x05"),
                         (0x16, b"\0")]),
            cdp(2, 180, [(0x0e, b"\x01\x00\x0a"), (0x0f, b"\x20\x00"), (0x10, b"\x1f\x40"), (0x11, struct.pack("!I", 1500)),
                         (0x12, b"\x00"), (0x13, b"\x05"), (0x14, b"sys"), (0x15, b"\x06\x01"), (0x17, b"\x01here"),
                         (0x08, b"hello"), (0x0b, b"\0\0"), (0x04, b"\0"), (0x0a, b"")]),
            cdp_raw(2, 180, struct.pack("!HH", 1, 2)), cdp_raw(2, 180, struct.pack("!HH", 3, 2) + b"zz"),
            cdp_raw(2, 180, struct.pack("!HH", 1, 40) + b"abc"), cdp_raw(2, 180, b""), cdp_raw(2, 180, b"\0"),
            cdp(2, 180, [(1, b"")]) + b"\0" * 4,
            llc(bytes([1, 0, 0x0c, 0xcc, 0xcc, 0xcc]), SRC, b"\xaa\xaa\x03\x00\x00\x0c\x20\x00\x02")]


def cisco(pid, body):
    return llc(bytes([1, 0, 0x0c, 0xcc, 0xcc, 0xcc]), SRC, b"\xaa\xaa\x03\x00\x00\x0c" + struct.pack("!H", pid) + body)


def cisco_frames():
    dtp = b"\x01" + struct.pack("!HH", 1, 5) + b"\x00" + struct.pack("!HH", 2, 5) + b"\x81" + \
        struct.pack("!HH", 4, 10) + SRC
    udld = struct.pack("!BBH", 0x21, 0x03, 0x6d85) + struct.pack("!HH", 1, 7) + b"FOC" + \
        struct.pack("!HH", 4, 5) + b"\x07"
    out = [cisco(0x2004, dtp), cisco(0x2004, b""), cisco(0x2004, b"\x02"),
           cisco(0x0111, udld), cisco(0x0111, b"\x42\x00\x00\x00"), cisco(0x0111, b"\x3f\xff"),
           cisco(0x0111, b"\x20\x01\x00\x00" + b"\x00" * 8), cisco(0x2003, b"\x01\x02\x00\x00"),
           cisco(0x010b, bpdu(0, 0)), cisco(0x4242, b"xyz")]
    return out


def loopback_frames():
    lb = lambda body: eth(SRC, SRC, 0x9000, body)
    return [lb(b"\x00\x00\x01\x00\x07\x00" + bytes(20)), lb(b"\x00\x00\x02\x00" + SRC + bytes(10)),
            lb(b"\x08\x00" + bytes(8) + b"\x01\x00\x00\x00"), lb(b"\x03\x00\x01\x00\x01\x00"),
            lb(b"\x40\x00\x01\x00"), lb(b"\x00\x00\x05\x00abc"), lb(b"\x00\x00\x01\x00\x01"),
            lb(b"\x00\x00\x02\x00\x01\x02"), lb(b"\x00"), lb(b"")]


def ptp(foct, ver, body, flags=0x0200, control=0):
    hdr = struct.pack("!BBHBBH", foct, ver, 34 + len(body), 0, 0, flags) + struct.pack("!Q", 1000 << 16)[2:] + \
        b"\x00\x05" + struct.pack("!I", 0) + bytes([0, 0x1b, 0x21, 0xff, 0xfe, 1, 2, 3]) + \
        struct.pack("!HHBB", 1, 77, control, 0xfd)
    return eth(bytes([1, 0x1b, 0x19, 0, 0, 0]), SRC, 0x88f7, hdr + body)


def ptp_frames():
    ts = struct.pack("!Q", 1700000000)[2:] + struct.pack("!I", 123456789)
    pid = bytes([0, 0x1b, 0x21, 0xff, 0xfe, 9, 9, 9]) + b"\x00\x02"
    ann = ts + struct.pack("!HBBBBHB", 37, 0, 128, 248, 0xfe, 0xffff, 128) + bytes(range(8)) + b"\x00\x01\xa0"
    out = [ptp(t, 2, body, control=c) for t, body, c in
           ((0x0, ts, 0), (0x1, ts, 1), (0x2, ts + pid, 5), (0x3, ts + pid, 5), (0x8, ts, 2), (0x9, ts + pid, 3),
            (0xa, ts + pid, 5), (0xb, ann, 5), (0xc, pid, 5), (0xd, pid + b"\x01\x02\x03\x04", 4),
            (0x5, ts, 9), (0x1f, ts, 0))]
    out += [ptp(0, 1, ts), ptp(0, 0x12, ts), ptp(0, 7, ts), ptp(0, 2, ts, flags=0xffff),
            eth(bytes([1, 0x1b, 0x19, 0, 0, 0]), SRC, 0x88f7, bytes(20))]
    return out


def mpls_frames():
    lab = lambda l, tc, s, ttl: struct.pack("!I", l << 12 | tc << 9 | s << 8 | ttl)
    u = struct.pack("!HHHH", 1000, 2000, 8, 0)
    v4 = ip4(17, u)
    v6 = struct.pack("!IHBB16s16s", 6 << 28, 8, 17, 64, bytes(15) + b"\x01", bytes(15) + b"\x01") + u
    m = lambda *body, et=0x8847: eth(SRC, SRC, et, b"".join(body))
    out = [m(lab(16, 0, 1, 64), v4), m(lab(16, 5, 0, 64), lab(17, 0, 1, 3), v4), m(lab(2, 0, 1, 64), v6),
           m(lab(100, 7, 1, 1), v6), m(lab(100, 0, 1, 64), b"\x00\x01\x02\x03"), m(lab(3, 0, 1, 9), v4, et=0x8848),
           m(lab(100, 0, 0, 64)), m(lab(100, 0, 1, 64)), m(b"\x00\x01")]
    out += [m(lab(l, 0, 1, 64), v4) for l in (0, 1, 4, 13, 15, 16, 1048575)]
    return out


def eapol_slow_frames():
    e = lambda et, body: eth(bytes([1, 0x80, 0xc2, 0, 0, 3]), SRC, et, body)
    out = [e(0x888e, bytes([v, t]) + struct.pack("!H", n) + bytes(n)) for v, t, n in
           ((1, 0, 5), (2, 1, 0), (1, 2, 0), (2, 3, 95), (1, 4, 4), (3, 9, 1))]
    out += [e(0x888e, b"\x01\x00"), e(0x8809, b"\x01\x01" + bytes(108)), e(0x8809, b"\x02\x01" + bytes(20)),
            e(0x8809, b"\x03\x00" + bytes(20)), e(0x8809, b"\x0a\x01" + bytes(4)), e(0x8809, b"\x01"),
            e(0x8809, b"")]
    return out


def frames():
    rnd = random.Random(802)
    whole = [(f, None) for f in arp_frames() + stp_frames() + lldp_frames() + cdp_frames() + cisco_frames() +
                                  loopback_frames() + ptp_frames() + mpls_frames() +
                                  eapol_slow_frames() + name_frames()]
    # rich frames cut short at every byte
    rich = [eth(BCAST, SRC, 0x0806, arp(1, tha=bytes([0, 0, 0, 1, 2, 4]))),
            eth(BCAST, SRC, 0x8035, arp(4, sha=b"", tha=b"")),
            eth(BCAST, SRC, 0x0806, arp(9)),
            llc(SRC, SRC, b"\x42\x42\x03" + bpdu(2, 2, 0x3c)),
            llc(SRC, SRC, b"\x42\x42\x03" + mstp(2)),
            llc(SRC, SRC, b"\x42\x42\x03" + mstp(0, spb=True)),
            lldp_frames()[1], lldp_frames()[10], lldp_frames()[13], cdp_frames()[0], cdp_frames()[3],
            cisco_frames()[0], cisco_frames()[3], loopback_frames()[1], ptp_frames()[7], ptp_frames()[9],
            mpls_frames()[1]]
    for f in rich:
        for cut in range(12, len(f)):
            whole.append((f, cut))
    rnd.shuffle(whole)
    return whole


def write(path):
    with open(path, "wb") as fp:
        fp.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, (f, cut) in enumerate(frames()):
            data = f if cut is None else f[:cut]
            fp.write(struct.pack("<IIII", 1700000000 + i, i, len(data), len(f)) + data)


def write_times(path):
    """Timestamps tcpdump cannot convert (the top bit of the 32-bit
    seconds set: "[Error converting time]") among ones it can."""
    f = eth(BCAST, SRC, 0x0806, arp(1))
    with open(path, "wb") as fp:
        fp.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for sec in (0, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 1700000000, 100, 0x80000000 + 3 * 86400):
            fp.write(struct.pack("<IIII", sec, 5, len(f), len(f)) + f)


if __name__ == "__main__":
    write(sys.argv[1])
