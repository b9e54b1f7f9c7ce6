#!/usr/bin/env python3
"""mklink.py: a capture of link-layer frames for compare.py (the decoder
against tcpdump): ARP and RARP of every opcode, with hardware and protocol
types and address lengths right and wrong; spanning tree BPDUs (802.1D
config and TCN, 802.1w RSTP, 802.1s MSTP with MSTIs, 802.1aq SPB, unknown
versions and types, lengths too short for their type); frames between
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


def frames():
    rnd = random.Random(802)
    whole = [(f, None) for f in arp_frames() + stp_frames() + name_frames()]
    # rich frames cut short at every byte
    rich = [eth(BCAST, SRC, 0x0806, arp(1, tha=bytes([0, 0, 0, 1, 2, 4]))),
            eth(BCAST, SRC, 0x8035, arp(4, sha=b"", tha=b"")),
            eth(BCAST, SRC, 0x0806, arp(9)),
            llc(SRC, SRC, b"\x42\x42\x03" + bpdu(2, 2, 0x3c)),
            llc(SRC, SRC, b"\x42\x42\x03" + mstp(2)),
            llc(SRC, SRC, b"\x42\x42\x03" + mstp(0, spb=True))]
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
