#!/usr/bin/env python3
"""mkiso.py: a capture of the OSI network layer for compare.py (the
decoder against tcpdump, issue 14, helper deciso): CLNP (every PDU type,
the segment part, each option tcpdump decodes, error reports quoting the
original packet, rejected headers) and ES-IS (ESH, ISH, redirect,
unknown types, options, rejected headers) behind 802.2, and IS-IS and
CLNP carried in GRE and behind an MPLS label; IS-IS LSPs with the TLVs 4, 5, 7, 13 and 250; rich messages are also cut short at every byte.
The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkiso.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402
from mkip import e4  # noqa: E402
from mknonip import isis, isis_rich, llc_osi  # noqa: E402

NSAP_A = bytes.fromhex("490001111111111111" + "00")
NSAP_B = bytes.fromhex("49000122222222222200")
MAC = bytes.fromhex("0011223344aa")


def fletcher(pdu, at):
    """The ISO 8473 checksum bytes for pdu's header, placed at offset at."""
    b = bytearray(pdu)
    b[at:at + 2] = b"\0\0"
    c0 = c1 = 0
    for x in b:
        c0 = (c0 + x) % 255
        c1 = (c1 + c0) % 255
    x = ((len(b) - at - 1) * c0 - c1) % 255
    y = (c1 - (len(b) - at) * c0) % 255
    return bytes([x or 255, y or 255])


def clnp(ptype, opts=b"", data=b"", seg=None, dst=NSAP_B, src=NSAP_A, ver=1, li=None, life=33, ck=True,
         flags=0):
    body = bytes([len(dst)]) + dst + bytes([len(src)]) + src
    if seg is not None:
        flags |= 0x80
        body += struct.pack("!HHH", *seg)
    body += opts
    hl = 9 + len(body) if li is None else li
    h = struct.pack("!BBBBBHH", 0x81, hl, ver, life, flags | ptype, 9 + len(body) + len(data), 0) + body
    if ck:
        h = h[:7] + fletcher(h[:9 + len(body)], 7) + h[9:]
    return h + data


def opt(code, value):
    return bytes([code, len(value)]) + value


def clnp_messages():
    route = bytes([1, 3]) + bytes([len(NSAP_A)]) + NSAP_A
    return [
        clnp(28, data=b"payload bytes"), clnp(30), clnp(31), clnp(29), clnp(7), clnp(28, ck=False),
        clnp(28, flags=0x60, seg=(0x1234, 8, 100), data=b"x" * 8),
        clnp(28, opts=opt(205, b"\x0e") + opt(204, b"\0\0\0") + opt(197, b"\xc0\x05")),
        clnp(28, opts=opt(195, b"\xff") + opt(195, b"\x47") + opt(195, b"\x00")),
        clnp(28, opts=opt(193, b"\x02") + opt(193, b"\x81") + opt(193, b"\xa1") + opt(193, b"\xd3")),
        clnp(28, opts=opt(200, route) + opt(203, bytes([0, 1, 0, 0]))),
        clnp(28, opts=opt(200, bytes([2, 0]))), clnp(28, opts=opt(200, bytes([1, 9]))),
        clnp(28, opts=opt(203, bytes([0, 1, 30, 1]))), clnp(28, opts=opt(200, b"\x01")),
        clnp(28, opts=opt(205, b"")), clnp(28, opts=opt(99, b"\x01\x02\x03")),
        clnp(28, opts=b"\x05"), clnp(28, opts=b"\xcd\x09\x01"),
        clnp(1, opts=opt(193, b"\x80"), data=clnp(30, data=b"echo")), clnp(31, data=clnp(30)),
        clnp(1, data=b"not a CLNP header"),
        clnp(28, ver=2), clnp(28, li=200), clnp(28, li=4), clnp(28, li=9), clnp(28, li=10),
        clnp(28, li=22), clnp(28, li=25, seg=(1, 2, 3)), clnp(28, dst=b"", src=b""),
        clnp(28, dst=bytes(21)), b"\x81", b"\x81\x1d\x01",
    ]


def esis(ptype, body=b"", li=None, ver=1, nlpid=0x82, hold=30, ck=True):
    hl = 9 + len(body) if li is None else li
    h = struct.pack("!BBBBBHH", nlpid, hl, ver, 0, ptype, hold, 0) + body
    if ck:
        h = h[:7] + fletcher(h[:9 + len(body)], 7) + h[9:]
    return h


def esis_messages():
    net = bytes([len(NSAP_A)]) + NSAP_A
    protos = bytes([129, 3, 0xcc, 0x8e, 0x55])
    return [
        esis(4, net), esis(2, b"\x02" + net + net), esis(2, b"\x00"), esis(4, net + protos + bytes([198, 2, 0, 60])),
        esis(2, b"\x01" + net + bytes([198, 1, 7, 197, 2, 1, 2])), esis(4, net + bytes([198])),
        esis(4, net + bytes([225, 9, 1])), esis(4, net, ck=False),
        esis(6, net + b"\x06" + MAC + net), esis(6, net + b"\x04" + MAC[:4] + b"\x00"), esis(6, net + b"\x00" + net),
        esis(6, net + b"\x06" + MAC + b"\x00" + protos), esis(6, net), esis(6, net + b"\x06" + MAC),
        esis(9, b"\x01\x02\x03\x04"), esis(0, b"\x00\x00"), esis(4, b"\x30" + NSAP_A),
        esis(2, b"\x03" + net), esis(4, net, ver=3), esis(4, net, li=99), esis(4, net, li=10),
        esis(4, net, nlpid=0x82, li=11), b"\x82\x09", b"\x82",
    ]


def lsp(tlvs):
    """An L2 LSP carrying tlvs (type, value) pairs."""
    body = b"".join(bytes([t, len(v)]) + v for t, v in tlvs)
    hdr = struct.pack("!HH8sIHB", 27 + len(body), 1200, bytes.fromhex("1921680010010000"), 7, 0, 3)
    return isis(20, hdr, tail=body)


def isis_tlvs():
    sysid = bytes.fromhex("192168001002")
    metric = bytes([0x0a, 0x80, 0x45, 0x80])
    return [
        lsp([(4, sysid + sysid), (4, sysid[:4]), (7, struct.pack("!HHH", 1, 2, 3)), (7, b"\0\1\0")]),
        lsp([(7, struct.pack("!HH", 9, 0)), (7, struct.pack("!HHH", 1, 2, 3) + b"\0")]),
        lsp([(5, metric + bytes([10]) + NSAP_A[:5] + bytes([1]))]), lsp([(5, metric + bytes([20]) + NSAP_A + bytes([99]) + b"ab")]),
        lsp([(5, metric[:2]), (5, metric + bytes([0x30]) + bytes(24))]),
        lsp([(13, b"\x01" + sysid), (13, b"\x02" + sysid + sysid + b"\0"), (13, b"\x00"), (13, b"")]),
        lsp([(13, b"\x02" + sysid + sysid[:3]), (13, b"\x01" + sysid[:2])]), lsp([(13, b"\x02" + sysid + sysid)]),
        lsp([(250, b"\x00\x00\x0c\x01\x02\x03"), (250, b"\x00\x90\x69"), (250, b"\x01"), (250, b"\xaa\xbb\xcc" + bytes(20))]),
    ]


def gre(proto, payload):
    return e4(47, struct.pack("!HH", 0, proto) + payload, dst=bytes([10, 0, 0, 2]))


def mpls_osi(pdu):
    """OSI straight behind one MPLS label (bottom of stack): tcpdump guesses
    it from the first byte, and -x still dumps from the label."""
    return MAC + bytes.fromhex("0011223344bb") + b"\x88\x47" + struct.pack("!I", (100 << 12) | 0x100 | 64) + pdu


def frames():
    out = []
    for m in clnp_messages() + esis_messages() + isis_tlvs():
        out.append((llc_osi(m), None))
    for m in clnp_messages()[:3] + esis_messages()[:2] + isis_rich():
        out.append((gre(0x00fe, m), None))
    for m in clnp_messages()[:2] + esis_messages()[:1] + isis_rich()[:1]:
        out.append((mpls_osi(m), None))
    rich = [clnp(1, opts=opt(193, b"\x80") + opt(200, bytes([1, 3]) + bytes([len(NSAP_A)]) + NSAP_A),
                 seg=(1, 0, 80), data=clnp(30, data=b"echo")),
            esis(6, bytes([len(NSAP_A)]) + NSAP_A + b"\x06" + MAC + bytes([len(NSAP_B)]) + NSAP_B + bytes([198, 2, 0, 9])),
            esis(2, b"\x02" + bytes([len(NSAP_A)]) + NSAP_A + bytes([len(NSAP_B)]) + NSAP_B), isis_tlvs()[0],
            isis_tlvs()[5]]
    for m in rich:
        f = llc_osi(m)[:17 + len(m)]
        out += [(f, c) for c in range(14, len(f))]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
