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


def mpls(label, frame):
    """frame's IP packet behind one MPLS label."""
    return ETH_DST + ETH_SRC + b"\x88\x47" + struct.pack("!I", label << 12 | 0x100 | 64) + frame[14:]


def frames():
    msgs = lsp_messages()
    good = [udp(40000, 3503, m) for m in msgs] + [udp(3503, 3503, msgs[1], v6=True), mpls(100, udp(4786, 3503, msgs[-1]))]
    rich = [udp(40000, 3503, msgs[-1])]
    return with_cuts(good, rich)


if __name__ == "__main__":
    write(sys.argv[1], frames())
