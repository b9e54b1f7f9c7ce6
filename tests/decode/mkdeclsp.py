#!/usr/bin/env python3
"""mkdeclsp.py: a capture of MPLS LSP Ping (UDP 3503), LMP (UDP 701),
NFS over RPC (UDP and TCP 2049) and PPP in HDLC framing (behind PPPoE)
messages, well-formed, malformed and cut short, for compare.py (the
decoder against tcpdump).  The expected output is whatever tcpdump prints
for them.  Deterministic: the capture is the same every time.
usage: mkdeclsp.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, ip4, ip6, udp, with_cuts, write  # noqa: E402
from pcapbytes import csum  # noqa: E402

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
    out += [b"\xc0\x21" + x for x in cp_packets(LCP_OPTS)] + [b"\x80\x21" + x for x in cp_packets(IPCP_OPTS)]
    out += [b"\x80\x57" + cp(1, 1, b"\x01\x0a\x02\x11\x22\xff\xfe\x33\x44\x55" + b"\x02\x04\x00\x00"),
            b"\x80\x57" + cp(1, 1, b"\x01\x06\x02\x11\x22\xff"),
            b"\x80\xfd" + cp(1, 1, b"\x15\x03\x2f\x18\x04\xa5\x07\x1a\x04\x78\x05\x12\x06\0\0\0\x01\x15\x02"),
            b"\x80\xfd" + cp(2, 1, b"\x1a\x03\x78\x18\x03\x01\xff\x02\x00\x00"), b"\x80\xfd" + cp(14, 2, b"\x01\x02"),
            b"\xc0\x2b" + cp(1, 1, b"\x01\x06\x12\x34\x56\x78\x01\x04\0\0\x02\x02"),
            b"\x80\x23" + cp(1, 1, b"\x01\x02"), b"\x82\x81" + cp(1, 1, b"\x01\x02")]
    return [pppoe(x) for x in out]


# LCP options: every type, good and with bogus lengths
LCP_OPTS = [b"\x00\x06\x00\x00\x0c\x01", b"\x00\x04\x00\x00", b"\x01\x04\x05\xdc", b"\x01\x03\x05",
            b"\x02\x06\x00\x0a\x00\x00", b"\x02\x04\x00\x00", b"\x03\x04\xc0\x23", b"\x03\x05\xc2\x23\x05",
            b"\x03\x05\xc2\x23\x77", b"\x03\x04\xc2\x27", b"\x03\x06\x12\x34\x00\x00", b"\x03\x02",
            b"\x04\x08\xc0\x25\x00\x00\x00\x10", b"\x04\x04\x12\x34", b"\x04\x03\x00",
            b"\x05\x06\x12\x34\x56\x78", b"\x05\x04\x12\x34", b"\x07\x02", b"\x08\x02", b"\x06\x04\x01\x02",
            b"\x09\x03\x02", b"\x0d\x03\x06", b"\x0d\x05\x01ab", b"\x0d\x02", b"\x11\x04\x05\xd4", b"\x11\x05\x05\xd4\x00",
            b"\x13\x03\x00", b"\x13\x03\x01", b"\x13\x07\x02\x0a\x00\x00\x01", b"\x13\x06\x02\x0a\x00\x00",
            b"\x13\x09\x03\x00\x11\x22\x33\x44\x55", b"\x13\x04\x04\x01", b"\x13\x03\x05", b"\x13\x03\x09",
            b"\x13\x02", b"\x17\x04\x00\x07", b"\x17\x03\x00", b"\x1e\x02", b"\x1f\x04\x01\x02", b"\x40\x01",
            b"\x01\x01", b"\x01\x00", b"\x01\x09\x05\xdc"]
# IPCP options, IP header compression with suboptions
IPCP_OPTS = [b"\x01\x0a\x0a\x00\x00\x01\x0a\x00\x00\x02", b"\x01\x06\x0a\x00\x00\x01",
             b"\x02\x06\x00\x2d\x0f\x01", b"\x02\x03\x00", b"\x02\x04\x12\x34",
             b"\x02\x0e\x00\x61\x00\x0f\x00\x10\x00\x11\x00\x12\x00\x13",
             b"\x02\x14\x00\x61\x00\x0f\x00\x10\x00\x11\x00\x12\x00\x13\x01\x02\x02\x04\x00\x00",
             b"\x02\x12\x00\x61\x00\x0f\x00\x10\x00\x11\x00\x12\x00\x13\x01\x09\x00\x00",
             b"\x02\x12\x00\x61\x00\x0f\x00\x10\x00\x11\x00\x12\x00\x13\x00\x02\x01\x01",
             b"\x02\x0c\x00\x61\x00\x0f\x00\x10\x00\x11\x00\x12", b"\x03\x06\xc0\xa8\x01\x01", b"\x03\x04\xc0\xa8",
             b"\x04\x06\x01\x02\x03\x04", b"\x81\x06\x08\x08\x08\x08", b"\x82\x06\x01\x01\x01\x01",
             b"\x83\x06\x08\x08\x04\x04", b"\x84\x06\x02\x02\x02\x02", b"\x90\x04\xaa\xbb", b"\x03\x01"]


def cp_packets(opts):
    """A control protocol's packets: a Configure-Request per option, all
    of them in one, and every code."""
    out = [cp(c, 9, o) for c, o in zip([1, 2, 3, 4] * len(opts), opts)] + [cp(1, 10, b"".join(opts[:8]))]
    out += [cp(0, 1, b"\x12\x34\x56\x78\x00\x00\x0c\x01"), cp(0, 1, b"\x12\x34"), cp(5, 2, b"bye"), cp(6, 2),
            cp(7, 3, b"\x0e\x01\x00\x04"), cp(8, 4, b"\x80\x57\x01\x01\x00\x04"), cp(8, 4, b"\x12\x34"), cp(8, 4, b"\x00"),
            cp(9, 5, b"\x01\x02\x03\x04"), cp(10, 5, b"\x01\x02\x03\x04abcdef"), cp(11, 6, b"\x01\x02"),
            cp(12, 7, b"\x01\x02\x03\x04hello\x01"), cp(12, 7, b"\x01\x02\x03\x04"), cp(13, 8, b"\x01\x02\x03\x04\0\0\x0e\x10"),
            cp(13, 8, b"\x01\x02\x03\x04"), cp(14, 9, b"\xaa"), cp(15, 9), cp(40, 9, b"\x01\x02\x03"),
            struct.pack("!BBH", 1, 1, 3) + b"\x01\x02\x03\x04", struct.pack("!BBH", 1, 1, 60) + b"\x01\x02\x03\x04",
            struct.pack("!BBH", 9, 1, 12) + b"\x01\x02"]
    return out


# --- NFS over RPC: calls from the client, replies from the server ---
CLI, SRV = b"\x0a\0\0\x01", b"\x0a\0\0\x02"
CLI6, SRV6 = V6A, V6B


def udp_from(src, dst, sport, dport, data, v6=False):
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    et, h, s, d = ip6(17, u, src, dst) if v6 else ip4(17, u, src, dst)
    ph = s + d + (struct.pack("!IxxxB", len(u), 17) if v6 else struct.pack("!xBH", 17, len(u)))
    u = u[:6] + struct.pack("!H", csum(ph + u) or 0xffff) + u[8:]
    return ETH_DST + ETH_SRC + et + h + u


def tcp_from(src, dst, sport, dport, data):
    t = struct.pack("!HHIIBBHHH", sport, dport, 1000, 1, 5 << 4, 0x18, 512, 0, 0) + data
    et, h, s, d = ip4(6, t, src, dst)
    t = t[:16] + struct.pack("!H", csum(s + d + struct.pack("!xBH", 6, len(t)) + t)) + t[18:]
    return ETH_DST + ETH_SRC + et + h + t


def opaque(b):
    return struct.pack("!I", len(b)) + b + bytes(-len(b) % 4)


def call(xid, vers, proc, args, cred=None, verf=b""):
    cred = struct.pack("!IIII", 1, 0, 0, 0) + opaque(b"host") + struct.pack("!III", 0, 0, 0) if cred is None else cred
    return (struct.pack("!IIIIII", xid, 0, 2, 100003, vers, proc) + struct.pack("!I", 1) + opaque(cred)
            + struct.pack("!I", 0) + opaque(verf) + args)


def rep(xid, res, astat=0, verf=b""):
    return struct.pack("!III", xid, 1, 0) + struct.pack("!I", 0) + opaque(verf) + struct.pack("!I", astat) + res


def fh3(b):
    return opaque(b)


def fattr3(t=1, mode=0o644):
    return struct.pack("!IIIIIQQIIQQIIIIII", t, mode, 2, 1000, 0xfffffffe, 1234, 4096, 8, 1, 0x11, 99,
                       1700000000, 5, 1700000001, 6, 1700000002, 7)


def fattr2(t=2, mode=0o755):
    return struct.pack("!IIIIIIIIIIIIIIIII", t, mode, 3, 0, 0, 512, 4096, 0x0801, 1, 0x0300, 42,
                       1700000000, 1, 1700000001, 2, 1700000002, 3)


def post(a=True):
    return struct.pack("!I", 1) + fattr3() if a else struct.pack("!I", 0)


def wcc(pre=True, a=True):
    return (struct.pack("!IQIIII", 1, 77, 1, 2, 3, 4) if pre else struct.pack("!I", 0)) + post(a)


def nm(s):
    return opaque(s)


def sattr3(full=True):
    if full:
        return struct.pack("!IIIIIIIQIIIII", 1, 0o600, 1, 5, 1, 6, 1, 10, 2, 100, 200, 2, 300) + struct.pack("!I", 400)
    return struct.pack("!IIIIII", 0, 0, 0, 0, 0, 0)


FHS = [bytes(range(1, 33)), bytes([0, 0, 0, 0, 0, 0, 1, 2]) + bytes(range(24)),
       bytes([0, 0, 1, 2, 3, 0, 0, 0, 12, 0]) + bytes(22), bytes([0, 0, 1, 2, 0, 8, 0, 0]) + bytes(range(24)),
       bytes([0, 0, 1, 2, 5, 5, 5, 5, 1, 1]) + bytes(22), bytes([7, 1, 0, 0, 9, 9, 0, 0]) + bytes(range(24)),
       bytes([7, 1, 0, 0, 9, 9, 9, 9]) + bytes(13) + b"\0\1\0" + bytes(8), bytes([7, 1, 0, 0, 9, 9, 9, 9, 0, 10]) + bytes(22),
       bytes([7, 1, 0, 0, 9, 9, 9, 9, 0, 11]) + bytes(12) + b"\5\5" + bytes(8),
       bytes([7, 1, 2, 3, 9, 9, 9, 9, 12, 0]) + bytes(22), bytes([7, 1, 2, 3, 0, 0, 0, 0, 0, 10]) + bytes(22),
       bytes([7, 1, 2, 3, 0, 0, 0, 2, 0, 10]) + bytes(22), bytes([7, 1, 2, 3, 0, 0, 0, 3, 0, 10]) + bytes(22),
       b"\x01DKA0 \0\0\0\0\0\0\0" + bytes(range(18)), b"\x01DKA0\0\0\0\0\0\0\0\0" + bytes(range(18)),
       b"\x01ABCDEFGHIJKLM" + bytes(range(18)), bytes([0xf0, 0xc8, 1, 2]) + bytes(range(28)),
       bytes([0xf0, 0xc8, 1, 2]) + bytes(12)]


def nfs_pairs():
    """(call, reply or None) in NFS v3 then v2, every procedure."""
    h = fh3(FHS[0])
    v3 = [
        (call(1, 3, 0, b""), rep(1, b"")),
        (call(2, 3, 1, h), rep(2, struct.pack("!I", 0) + fattr3())),
        (call(3, 3, 2, h + sattr3() + struct.pack("!I", 0)), rep(3, struct.pack("!I", 0) + wcc())),
        (call(4, 3, 3, h + nm(b"file.txt")), rep(4, struct.pack("!I", 0) + fh3(FHS[5]) + post() + post())),
        (call(5, 3, 3, h + nm(b"nope\x01\xff")), rep(5, struct.pack("!I", 2) + post())),
        (call(6, 3, 4, h + struct.pack("!I", 0x3f)), rep(6, struct.pack("!I", 0) + post() + struct.pack("!I", 0x1f))),
        (call(7, 3, 4, h + struct.pack("!I", 0x15)), rep(7, struct.pack("!I", 13) + post(False))),
        (call(8, 3, 4, h + struct.pack("!I", 0x40)), None),
        (call(9, 3, 5, h), rep(9, struct.pack("!I", 0) + post() + nm(b"/target"))),
        (call(10, 3, 6, h + struct.pack("!QI", 8192, 4096)), rep(10, struct.pack("!I", 0) + post() + struct.pack("!II", 4096, 1) + opaque(b"data"))),
        (call(11, 3, 7, h + struct.pack("!QIII", 0, 3, 2, 3) + opaque(b"abc")),
         rep(11, struct.pack("!I", 0) + wcc() + struct.pack("!IIQ", 3, 2, 0x1122334455667788))),
        (call(12, 3, 7, h + struct.pack("!QIII", 5, 3, 9, 3) + opaque(b"abc")), rep(12, struct.pack("!I", 28) + wcc(False, False))),
        (call(13, 3, 8, h + nm(b"new") + struct.pack("!I", 0) + sattr3()),
         rep(13, struct.pack("!I", 0) + struct.pack("!I", 1) + fh3(FHS[7]) + post() + wcc())),
        (call(14, 3, 9, h + nm(b"dir") + sattr3(False)), rep(14, struct.pack("!I", 17) + wcc())),
        (call(15, 3, 10, h + nm(b"link") + sattr3() + nm(b"/to/here")), rep(15, struct.pack("!I", 0) + struct.pack("!I", 0))),
        (call(16, 3, 11, h + nm(b"dev") + struct.pack("!I", 4) + sattr3() + struct.pack("!II", 8, 1)),
         rep(16, struct.pack("!I", 0) + struct.pack("!I", 1) + fh3(FHS[9]) + post(False) + wcc(False))),
        (call(17, 3, 11, h + nm(b"sock") + struct.pack("!I", 6) + sattr3(False)), None),
        (call(18, 3, 12, h + nm(b"gone")), rep(18, struct.pack("!I", 0) + wcc())),
        (call(19, 3, 13, h + nm(b"d")), rep(19, struct.pack("!I", 66) + wcc())),
        (call(20, 3, 14, h + nm(b"a") + fh3(FHS[2]) + nm(b"b")), rep(20, struct.pack("!I", 0) + wcc() + wcc(False))),
        (call(21, 3, 15, h + fh3(FHS[3]) + nm(b"hard")), rep(21, struct.pack("!I", 0) + post() + wcc())),
        (call(22, 3, 16, h + struct.pack("!QQI", 0, 0x1234, 8192)), rep(22, struct.pack("!I", 0) + post() + struct.pack("!II", 0xaabb, 0xccdd) + bytes(8))),
        (call(23, 3, 17, h + struct.pack("!qQII", -1, 5, 4096, 32768)), rep(23, struct.pack("!I", 10003) + post())),
        (call(24, 3, 18, h), rep(24, struct.pack("!I", 0) + post() + struct.pack("!QQQQQQI", 1 << 40, 1 << 30, 1 << 29, 1000, 900, 800, 0))),
        (call(25, 3, 19, h), rep(25, struct.pack("!I", 0) + post() + struct.pack("!IIIIIIIQIII", 65536, 65536, 4096, 65536, 65536, 4096, 8192, 1 << 62, 0, 1, 0x1b))),
        (call(26, 3, 20, h), rep(26, struct.pack("!I", 0) + post() + struct.pack("!IIIIII", 32000, 255, 1, 1, 0, 1))),
        (call(27, 3, 21, h + struct.pack("!QI", 0, 0)), rep(27, struct.pack("!I", 0) + wcc() + struct.pack("!Q", 0xdeadbeef))),
        (call(28, 3, 30, h), rep(28, b"")),
        (call(29, 3, 1, h), rep(29, b"", astat=3)),
        (call(30, 3, 1, h), rep(30, struct.pack("!I", 70))),
        (call(31, 3, 18, h), rep(31, struct.pack("!I", 5) + post(False) + bytes(52))),
        (call(32, 3, 19, h), rep(32, struct.pack("!I", 5) + post(False))),
        (call(33, 3, 1, h), rep(33, struct.pack("!I", 12345))), (call(34, 3, 1, h), rep(34, struct.pack("!I", 10008))),
        (call(35, 3, 1, h), rep(35, struct.pack("!I", 99))), (call(36, 3, 1, h), rep(36, struct.pack("!I", 3))),
    ]
    v2fh = FHS[0]
    v2 = [
        (call(101, 2, 1, v2fh), rep(101, struct.pack("!I", 0) + fattr2())),
        (call(102, 2, 2, v2fh + bytes(32)), rep(102, struct.pack("!I", 0) + fattr2())),
        (call(103, 2, 4, v2fh + nm(b"x")), rep(103, struct.pack("!I", 0) + FHS[4] + fattr2())),
        (call(104, 2, 5, v2fh), rep(104, struct.pack("!I", 0) + nm(b"lnk"))),
        (call(105, 2, 6, v2fh + struct.pack("!III", 100, 200, 0)), rep(105, struct.pack("!I", 0) + fattr2() + opaque(b"zz"))),
        (call(106, 2, 8, v2fh + struct.pack("!IIII", 1, 2, 3, 4)), rep(106, struct.pack("!I", 0) + fattr2())),
        (call(107, 2, 9, v2fh + nm(b"c") + bytes(32)), rep(107, struct.pack("!I", 17))),
        (call(108, 2, 10, v2fh + nm(b"r")), rep(108, struct.pack("!I", 0))),
        (call(109, 2, 11, v2fh + nm(b"a") + FHS[1] + nm(b"b")), rep(109, struct.pack("!I", 0))),
        (call(110, 2, 12, v2fh + FHS[1] + nm(b"l")), rep(110, struct.pack("!I", 0))),
        (call(111, 2, 13, v2fh + nm(b"s") + nm(b"t") + bytes(32)), rep(111, struct.pack("!I", 0))),
        (call(112, 2, 14, v2fh + nm(b"m") + bytes(32)), rep(112, struct.pack("!I", 0) + FHS[6] + fattr2())),
        (call(113, 2, 15, v2fh + nm(b"m")), rep(113, struct.pack("!I", 0))),
        (call(114, 2, 16, v2fh + struct.pack("!II", 0, 4096)), rep(114, struct.pack("!I", 0) + struct.pack("!III", 1, 2, 1))),
        (call(115, 2, 17, v2fh), rep(115, struct.pack("!I", 0) + struct.pack("!IIIII", 8192, 4096, 100, 50, 40))),
        (call(116, 2, 3, v2fh), rep(116, b"")),
        (call(117, 2, 18, b""), rep(117, b"")),
    ]
    return v3 + v2


def nfs_frames():
    out = []
    for c, r in nfs_pairs():
        out.append(udp_from(CLI, SRV, 800, 2049, c))
        if r is not None:
            out.append(udp_from(SRV, CLI, 2049, 800, r))
    # over TCP (record marks, one short of the message, one past it), over IPv6
    for c, r in nfs_pairs()[9:12]:
        out.append(tcp_from(CLI, SRV, 900, 2049, struct.pack("!I", 0x80000000 | len(c)) + c))
        out.append(tcp_from(SRV, CLI, 2049, 900, struct.pack("!I", 0x80000000 | (len(r) - 4)) + r))
    c, r = nfs_pairs()[1]
    out += [tcp_from(CLI, SRV, 900, 2049, struct.pack("!I", 0x80000000 | (len(c) + 50)) + c),
            udp_from(CLI6, SRV6, 800, 2049, c, True), udp_from(SRV6, CLI6, 2049, 800, r, True)]
    # file handles of every layout tcpdump guesses, and short ones
    for i, fh in enumerate(FHS):
        out.append(udp_from(CLI, SRV, 800, 2049, call(200 + i, 3, 1, fh3(fh))))
    # replies without a call, denied ones, odd credentials
    out += [udp_from(SRV, CLI, 2049, 800, rep(999, struct.pack("!I", 0))),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIIIII", 1, 1, 1, 0, 2, 4)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIIII", 1, 1, 1, 1, 5)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIIII", 1, 1, 1, 1, 99)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIIII", 1, 1, 1, 7, 0)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIIII", 1, 1, 9, 7, 0)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!III", 1, 1, 1)),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!II", 1, 1)),
            udp_from(CLI, SRV, 800, 2049, call(300, 3, 1, b"", cred=bytes(400))[:60]),
            udp_from(CLI, SRV, 800, 2049, call(301, 3, 1, fh3(FHS[0]), cred=b"", verf=b"v" * 9)),
            udp_from(CLI, SRV, 800, 2049, struct.pack("!IIIIII", 302, 0, 2, 100003, 3, 1) + struct.pack("!II", 1, 0xfffffffe)),
            udp_from(CLI, SRV, 800, 2049, struct.pack("!IIIII", 303, 0, 2, 100003, 3)),
            udp_from(CLI, SRV, 800, 2049, call(304, 3, 3, fh3(FHS[0]) + struct.pack("!I", 0xfffffffe))),
            udp_from(CLI, SRV, 800, 2049, call(305, 3, 7, fh3(FHS[0]) + struct.pack("!QIII", 0, 3, 7, 3))),
            udp_from(SRV, CLI, 2049, 800, struct.pack("!IIII", 1, 1, 0, 0) + struct.pack("!I", 500))]
    return out


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
    nfss = nfs_frames()
    good += nfss
    rich = [udp(40000, 3503, msgs[-1]), udp(701, 701, lmps[len(lmps) - 11]), ppps[2], ppps[5],
            pppoe(b"\xc0\x21" + cp(1, 10, b"".join(LCP_OPTS[:6]))), pppoe(b"\xc0\x21" + cp(1, 10, LCP_OPTS[22] + LCP_OPTS[28])), pppoe(b"\x80\x21" + cp(1, 10, b"".join(IPCP_OPTS[5:8])))]
    pairs = nfs_pairs()
    for c, r in (pairs[10], pairs[3], pairs[24], pairs[20], pairs[33]):
        rich += [udp_from(CLI, SRV, 800, 2049, c), udp_from(SRV, CLI, 2049, 800, r)]
    return with_cuts(good, rich)


if __name__ == "__main__":
    write(sys.argv[1], frames())
