#!/usr/bin/env python3
"""mkdeclsp.py: a capture of MPLS LSP Ping (UDP 3503), LMP (UDP 701),
NFS over RPC (UDP and TCP 2049) and PPP in HDLC framing (behind PPPoE)
messages, well-formed, malformed and cut short, for compare.py (the
decoder against tcpdump).  The expected output is whatever tcpdump prints
for them.  Deterministic: the capture is the same every time.
usage: mkdeclsp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, udp, tcp, with_cuts, write  # noqa: E402

V4A, V4B = bytes([10, 1, 2, 3]), bytes([192, 168, 7, 9])
V6A = bytes.fromhex("20010db8000000000000000000000001")
V6B = bytes.fromhex("fe800000000000000000000000000002")
RD0 = struct.pack("!HHI", 0, 65001, 0x0a000001)
RD1 = struct.pack("!H4sH", 1, V4A, 77)
RD2 = struct.pack("!HIH", 2, 4200000000, 9)
RD9 = struct.pack("!HIH", 9, 1, 2)


# --- LSP Ping ---
def tlv(t, v, pad=True):
    b = struct.pack("!HH", t, len(v)) + v
    return b + bytes(-len(v) % 4) if pad else b


def lsp(tlvs=b"", ver=1, mt=1, rm=2, rc=0, rs=0, ts=(0xd4160f1f, 0x8192a000, 0, 0), seq=7):
    return struct.pack("!HHBBBBII", ver, 0, mt, rm, rc, rs, 0x23, seq) + struct.pack("!IIII", *ts) + tlvs


def lsp_messages():
    fec = [tlv(1, V4A + b"\x20"), tlv(2, V6A + b"\x40"), tlv(3, V4A + b"\0\0\x00\x05" + V4B + V4A + b"\0\0\x00\x09"),
           tlv(4, V6A + b"\0\0\x00\x05" + V6B + V6A + b"\0\0\x00\x09"), tlv(6, RD0 + V4A + b"\x18"),
           tlv(7, RD1 + V6A + b"\x30"), tlv(6, RD2 + V4A + b"\x18"), tlv(6, RD9 + V4A + b"\x18"),
           tlv(8, RD0 + struct.pack("!HHH", 3, 4, 5)), tlv(8, RD1 + struct.pack("!HHH", 3, 4, 0x99)),
           tlv(9, V4A + struct.pack("!IH", 0x1234, 4)), tlv(10, V4A + V4B + struct.pack("!IH", 0x77, 0x40)),
           tlv(12, V4B + b"\x10"), tlv(13, V6B + b"\x80"), tlv(5, b"abcd"), tlv(11, b"xyz"), tlv(99, b"\1\2\3\4\5"),
           tlv(1, V4A), tlv(2, V6A), tlv(4, bytes(20)), tlv(10, bytes(10))]
    out = [lsp(), lsp(mt=2, rm=1, rc=3, rs=1, ts=(0xd4160f1f, 1, 0xd4160f20, 0x80000000)),
           lsp(mt=9, rm=9, rc=99), lsp(rc=8, rs=2), lsp(rc=13), lsp(rm=4, rc=12, rs=255), lsp(ver=2),
           lsp()[:31], lsp(ts=(0, 0, 0, 5))]
    out += [lsp(tlv(1, f)) for f in fec]
    out.append(lsp(tlv(1, b"".join(fec[:6]))))
    # sub-TLVs running past their TLV, padding past it, a short header
    out += [lsp(tlv(1, struct.pack("!HH", 1, 9) + V4A + b"\x20")), lsp(tlv(1, struct.pack("!HH", 1, 5) + V4A + b"\x20")),
            lsp(tlv(1, b"\0\1")), lsp(tlv(1, struct.pack("!HH", 1, 0))), lsp(tlv(1, struct.pack("!HH", 7, 1) + b"\x09"))]
    # downstream mapping: every address type, unknown, short
    ds = [struct.pack("!HBB", 1500, 1, 0) + V4A + V4B + b"\0\0\0\0" + b"\x00\x01\x01\x03",
          struct.pack("!HBB", 1500, 2, 0) + V4A + b"\0\0\0\x07" + b"\0\0\0\0",
          struct.pack("!HBB", 9000, 3, 0) + V6A + V6B + b"\0\0\0\0",
          struct.pack("!HBB", 9000, 4, 0) + V6A + b"\0\0\0\x08" + b"\0\0\0\0",
          struct.pack("!HBB", 1, 7, 0) + b"\0\0\0\0", struct.pack("!HBB", 1, 1, 0) + V4A,
          struct.pack("!HBB", 1, 1, 0) + V4A + V4B, b"\0\1", struct.pack("!HBB", 1, 9, 0)]
    out += [lsp(tlv(2, x)) for x in ds]
    out += [lsp(tlv(15, b"\x12\x34\x56\x78")), lsp(tlv(15, b"\x12")), lsp(tlv(5, struct.pack("!I", 9))),
            lsp(tlv(5, struct.pack("!I", 123456))), lsp(tlv(5, b"\1")), lsp(tlv(3, b"\1\2\3")),
            lsp(tlv(9, b"\0\0\0\0")), lsp(tlv(0xfc00, b"vendor!")), lsp(tlv(7, bytes(8))), lsp(tlv(10, b"\xc0\0\0\0")),
            lsp(tlv(3, b"")), lsp(struct.pack("!HH", 3, 40) + bytes(8)), lsp(b"\0\3\0"),
            lsp(tlv(3, b"\1\2\3", pad=False)),
            lsp(tlv(1, fec[0]) + tlv(2, ds[0]) + tlv(15, b"\0\0\0\1") + tlv(5, struct.pack("!I", 2636)))]
    return out


# --- LMP ---
def obj(cls, ct, body, neg=False, length=None):
    return struct.pack("!BBH", ct | (0x80 if neg else 0), cls, 4 + len(body) if length is None else length) + body


def lmp_msg(objs=b"", mt=1, flags=0, ver=1, length=None):
    return struct.pack("!HBBHH", ver << 12, flags, mt, 8 + len(objs) if length is None else length, 0) + objs


def fl(x):
    return struct.pack("!f", x)


def lmp_messages():
    sub = (struct.pack("!BBBB", 1, 12, 150, 8) + fl(1.25e9) + fl(2.5e9) + struct.pack("!BBHI", 2, 8, 0, 1550)
           + struct.pack("!BBBB", 1, 12, 99, 99) + fl(0.0) + fl(1e3))
    objs = [obj(1, 1, b"\0\0\0\x2a"), obj(1, 2, b"\0\0\0\x2b", True), obj(1, 7, b"\1\2\3\4"), obj(1, 1, bytes(8)),
            obj(2, 1, V4A), obj(2, 2, V4B, True), obj(2, 3, V4A), obj(3, 1, V4A), obj(3, 2, V4B), obj(3, 3, V6A),
            obj(3, 4, V6B), obj(3, 5, b"\0\0\1\0"), obj(3, 6, b"\0\0\1\1"), obj(3, 9, V4A), obj(4, 1, V4A),
            obj(4, 4, V6A), obj(4, 6, b"\0\0\0\7"), obj(4, 3, V4A), obj(5, 1, b"\0\0\0\x11"), obj(5, 2, b"\0\0\0\x12"),
            obj(5, 3, b"\0\0\0\x12"), obj(6, 1, struct.pack("!HH", 150, 500)), obj(6, 2, bytes(4)), obj(6, 1, bytes(8)),
            obj(7, 1, struct.pack("!II", 5, 6)), obj(7, 1, bytes(4)),
            obj(8, 1, struct.pack("!HHIBBH", 3, 100, 4, 5, 0, 0x1f40) + fl(1e6) + struct.pack("!I", 1310)),
            obj(8, 1, struct.pack("!HHIBBH", 0, 1, 2, 99, 0, 0x0001) + fl(-2.5) + struct.pack("!I", 0)),
            obj(8, 1, bytes(16)), obj(9, 1, struct.pack("!HH", 40, 2)), obj(10, 1, struct.pack("!I", 77)),
            obj(11, 1, b"\x03\0\0\0" + V4A + V4B), obj(11, 2, b"\x04\0\0\0" + V6A + V6B),
            obj(11, 3, b"\x00\0\0\0" + struct.pack("!II", 1, 2)), obj(11, 1, bytes(8)), obj(11, 4, bytes(8)),
            obj(12, 1, b"\x07\0\0\0" + V4A + V4B + sub), obj(12, 2, b"\x01\0\0\0" + V6A + V6B + sub[:12]),
            obj(12, 3, b"\x00\0\0\0" + struct.pack("!II", 1, 2)), obj(12, 1, bytes(8)),
            obj(12, 1, bytes(12) + b"\x01\x02\0\0"), obj(12, 1, bytes(12) + b"\x01\x06\0\0\0\0\0\0"),
            obj(12, 1, bytes(12) + b"\x02\x10\0\0\0\0\0\0"), obj(12, 1, bytes(12) + b"\x09\x04\0\0\x02\x08\0\0\0\0\0\0"),
            obj(13, 1, V4A + b"\x80\0\0\x01" + V4B + b"\x40\0\0\x07" + b"\1\2"), obj(13, 2, V6A + b"\xc0\0\0\x02"),
            obj(13, 3, b"\0\0\0\x09\0\0\0\x03"), obj(13, 5, b"abcd"), obj(14, 1, V4A + V4B), obj(14, 2, V6A + b"\1\2\3\4"),
            obj(14, 3, b"\0\0\0\x09\0\0"), obj(20, 1, b"\0\0\0\x1f"), obj(20, 2, b"\0\0\0\x3f"), obj(20, 2, b"\0\0\0\0"),
            obj(20, 3, bytes(4)), obj(20, 1, bytes(8)), obj(51, 1, b"\x03\x01\0\0"),
            obj(51, 2, b"\x05\x08\x07\x01" + struct.pack("!HHHH", 1, 2, 3, 4) + V4A),
            obj(51, 2, b"\x06\x0c\x00\x00" + struct.pack("!HHHH", 1, 2, 3, 4) + V4B),
            obj(51, 2, b"\x09\x0c\x00\x00" + struct.pack("!HHHH", 1, 2, 3, 4) + V4B),
            obj(51, 3, struct.pack("!I", 3) + b"\0\0\0\x01"), obj(51, 4, b"\0\0\0\x07"), obj(51, 5, bytes(4)),
            obj(51, 2, bytes(4)), obj(99, 1, b"\xde\xad\xbe\xef"), obj(0, 0, b"")]
    out = [lmp_msg(o, mt=m) for o, m in zip(objs, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                                                  20, 50, 51, 52, 0, 99] * 4)]
    out += [lmp_msg(b"".join(objs[:12]), flags=3), lmp_msg(ver=2), lmp_msg(length=4), lmp_msg(obj(1, 1, b"\0\0\0\1"), length=40),
            lmp_msg(obj(1, 1, b"\0\0\0\1", length=2)), lmp_msg(obj(1, 1, b"\0\0\0\1", length=6)),
            lmp_msg(obj(1, 1, b"\0\0\0\1") + obj(2, 1, V4A), length=12), lmp_msg(obj(1, 1, b"\0\0\0\1", length=400)),
            lmp_msg(mt=4, flags=0xfc), lmp_msg()[:7], lmp_msg(b"\0\1")]
    return out


# --- PPP in HDLC framing (tcpdump un-escapes after a 0x7eXX protocol), in PPPoE sessions ---
def pppoe(ppp):
    return ETH_DST + ETH_SRC + b"\x88\x64" + struct.pack("!BBHH", 0x11, 0, 0x1234, len(ppp)) + ppp


def esc(b, extra=b""):
    """b HDLC-escaped: 0x7d and 0x7e, and the bytes in extra too."""
    return b"".join(bytes([0x7d, c ^ 0x20]) if c in (0x7d, 0x7e) or c in extra else bytes([c]) for c in b)


def cp(code, ident=1, data=b""):
    return struct.pack("!BBH", code, ident, 4 + len(data)) + data


def ppp_frames():
    ip = udp(1234, 0x7d7e, b"hello~}")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    lcp = cp(1, 7, b"\x01\x04\x05\xdc\x05\x06\x12\x34\x56\x78")
    out = [b"\x7e\x80" + esc(b"\x21" + cp(1, 0, bytes(8))), b"\x7e\x21" + esc(ip), b"\x7e\x21" + esc(ip, b"\x45\x11"),
           b"\x7e\x57" + esc(ip6), b"\x7e\xff" + esc(b"\x03\x00\x21" + ip), b"\x7e\xff" + esc(b"\x03\xc0\x21" + lcp),
           b"\x7e\xff\x03\x7e\x01\x02", b"\x7e\xc0" + esc(b"\x21" + lcp, b"\x01"), b"\x7e\x7e\x05\x06",
           b"\x7e\xff", b"\x7e\xff\x03", b"\x7e\xff\x03\x00", b"\x7e\x7d", b"\x7e\x7d\x5d", b"\x7e\x00",
           b"\x7e\x80\x57" + cp(9, 3, b"\0\0\0\0"), b"\x7e\x80\xfd" + cp(14), b"\x7e\x00\x3d\x80\x05" + ip,
           b"\x7e\x12\x34abc", b"\x7e\x80\x21\x01", b"\x7e\x80\x21\x01\x02\x00"]
    out += [b"\xc0\x21" + cp(c, c) for c in range(17)]
    out += [b"\xc0\x21" + lcp, b"\x80\x21\x01", b"\x80\x23" + cp(2), b"\x82\x81" + cp(3), b"\xc0\x2b" + cp(4)]
    return [pppoe(x) for x in out]


def mpls(label, frame):
    """frame's IP packet behind one MPLS label."""
    return ETH_DST + ETH_SRC + b"\x88\x47" + struct.pack("!I", label << 12 | 0x100 | 64) + frame[14:]


def frames():
    msgs = lsp_messages()
    good = [udp(40000, 3503, m) for m in msgs] + [udp(3503, 3503, msgs[1], v6=True), mpls(100, udp(4786, 3503, msgs[-1]))]
    lmps = lmp_messages()
    good += [udp(701, 701, m) for m in lmps]
    ppps = ppp_frames()
    good += ppps
    rich = [udp(40000, 3503, msgs[-1]), udp(701, 701, lmps[len(lmps) - 11]), ppps[2], ppps[5]]
    return with_cuts(good, rich)


if __name__ == "__main__":
    write(sys.argv[1], frames())
