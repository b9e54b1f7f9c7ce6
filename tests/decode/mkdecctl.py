#!/usr/bin/env python3
"""mkdecctl.py: a capture for compare.py (the decoder against tcpdump,
issue 14, helper decctl) of the lines that used to end blank, all in
Ethernet frames: PPP's control protocols in PPPoE sessions (LCP with every
option tcpdump decodes, at right and wrong lengths, every code; IPCP,
IP6CP, CCP, BACP options; OSICP, MPLSCP; CHAP and PAP messages whole and
short; BAP); 802.1ag CFM (CCM names of every format, linktrace, loopback,
TLVs and sender IDs well-formed and not); TIPC of every user; AppleTalk
ARP; OSI, PPP and NSH by ethertype; IPX raw, behind 802.2 and by
ethertype (NetBIOS, SAP, RIP, EIGRP, bad lengths); Cisco VTP in SNAP;
SSH version lines on TCP port 22; and copies of rich messages cut at
every byte.  What tcpdump prints for them is the expected output; the
capture is the same every time.
usage: mkdecctl.py OUT.pcap"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import tcp, with_cuts, write  # noqa: E402

DST = bytes.fromhex("00105a112233")
SRC = bytes.fromhex("0013c4120f16")


def pppoe(proto, payload, session=0x17, plen=None):
    """A PPPoE session frame carrying PPP protocol proto."""
    body = struct.pack("!H", proto) + payload
    n = len(body) if plen is None else plen
    return DST + SRC + b"\x88\x64" + struct.pack("!BBHH", 0x11, 0, session, n) + body


def cp(code, ident, data, length=None):
    """A control protocol message: code, id, length, data."""
    return struct.pack("!BBH", code, ident, 4 + len(data) if length is None else length) + data


def opt(t, value):
    return bytes([t, len(value) + 2]) + value


LCP, IPCP, IP6CP, CCP, BACP = 0xC021, 0x8021, 0x8057, 0x80FD, 0xC02B
PAP, CHAP, BAP, OSICP, MPLSCP = 0xC023, 0xC223, 0xC02D, 0x8023, 0x8281

LCP_OPTS = (opt(1, b"\x05\xd4") + opt(2, b"\0\0\0\0") + opt(3, b"\xc0\x23") + opt(3, b"\xc2\x23\x05")
            + opt(3, b"\xc2\x23\x81") + opt(3, b"\xc2\x23\x07") + opt(3, b"\xc2\x27") + opt(3, b"\x12\x34")
            + opt(4, b"\xc0\x25\0\0\0\x10") + opt(4, b"\x12\x34") + opt(5, b"\x12\x34\x56\x78") + opt(7, b"")
            + opt(8, b"") + opt(13, b"\x06") + opt(13, b"\x09abc") + opt(17, b"\x05\xdc") + opt(18, b"")
            + opt(19, b"\x00") + opt(19, b"\x01ab") + opt(19, b"\x02\x0a\0\0\x01")
            + opt(19, b"\x03\0\x13\xc4\x12\x0f\x16") + opt(19, b"\x04abcd") + opt(19, b"\x05123")
            + opt(19, b"\x09") + opt(23, b"\x01\x02") + opt(0, b"\0\0\x0c\x01\xaa") + opt(0, b"\x11\x22\x33\x01")
            + opt(9, b"\x01") + opt(30, b"") + opt(31, b"\x01\x02"))
LCP_BAD = [opt(1, b"\x05"), opt(2, b"\0\0"), opt(3, b"\xc0"), opt(4, b"\xc0"), opt(5, b"\0\0"),
           opt(23, b"\0"), opt(13, b""), opt(17, b"\0"), opt(19, b""), opt(19, b"\x02\0\0\0"),
           opt(19, b"\x03\0\0"), opt(0, b"\0"), b"\x01\x01", b"\x01\x00", b"\x40\x01", b"\x40\x00",
           b"\x01\x10\x05\xd4"]
IPCP_OPTS = (opt(1, b"\x0a\0\0\x01\x0a\0\0\x02") + opt(2, b"\x00\x2d\x0f\x01") + opt(2, b"\x12\x34")
             + opt(2, b"\x00\x61" + bytes(range(1, 11)) + b"\x01\x02\x02\x02\x07\x03\x00\x00")
             + opt(2, b"\x00\x61" + bytes(10)) + opt(3, b"\xc0\xa8\x01\x01") + opt(4, b"\x0a\0\0\x09")
             + opt(129, b"\x08\x08\x08\x08") + opt(130, b"\x01\x01\x01\x01") + opt(131, b"\x08\x08\x04\x04")
             + opt(132, b"\x01\x02\x03\x04") + opt(0x66, b"\x00\x6c") + opt(200, b""))
IPCP_BAD = [opt(1, b"\0\0\0\0"), opt(2, b"\0"), opt(3, b"\0\0"), opt(129, b""), opt(2, b"\x00\x61\0\0"),
            opt(2, b"\x00\x61" + bytes(10) + b"\x01\x05\x02\x00"), opt(2, b"\x00\x61" + bytes(10) + b"\x00\x02")]
IP6CP_OPTS = opt(1, bytes.fromhex("0213c4fffe120f16")) + opt(2, b"\x00\x4f") + opt(7, b"")
CCP_OPTS = (opt(21, b"\x2f") + opt(24, b"\xe5\x03") + opt(26, b"\x78\x00") + opt(26, b"\x45\x07")
            + opt(18, b"\0\0\0\x01") + opt(0, b"\0\0\x0c\x01") + opt(255, b""))
CCP_BAD = [opt(21, b""), opt(24, b"\0"), opt(26, b"\0")]
BACP_OPTS = opt(1, b"\x12\x34\x56\x78") + opt(2, b"\x01")
BACP_BAD = [opt(1, b"\0\0")]


def conf_reqs():
    out = []
    for proto, opts, bad in ((LCP, LCP_OPTS, LCP_BAD), (IPCP, IPCP_OPTS, IPCP_BAD), (IP6CP, IP6CP_OPTS, []),
                             (CCP, CCP_OPTS, CCP_BAD), (BACP, BACP_OPTS, BACP_BAD)):
        for code in (1, 2, 3, 4):
            out.append(pppoe(proto, cp(code, code, opts)))
        for b in bad:
            out.append(pppoe(proto, cp(1, 9, b)))
            out.append(pppoe(proto, cp(1, 9, b + opt(1, b"\x05\xd4"))))
    for proto in (OSICP, MPLSCP, 0x8029, 0x80ff):
        out.append(pppoe(proto, cp(1, 3, opt(1, b"\x01\x02"))))
        out.append(pppoe(proto, cp(5, 3, b"")))
    return out


def others():
    magic = b"\xa4\xcb\xea\x34"
    out = [pppoe(LCP, cp(9, 106, magic + b"\x0e\xe2\xf6\x09")), pppoe(LCP, cp(10, 1, magic)),
           pppoe(LCP, cp(11, 2, magic + b"x")), pppoe(LCP, cp(9, 3, b"\0\0")),
           pppoe(LCP, cp(5, 4, b"bye")), pppoe(LCP, cp(6, 5, b"")), pppoe(LCP, cp(7, 6, b"\x01\x02\x00\x04")),
           pppoe(LCP, cp(8, 7, b"\x80\x57\x01\x01\x00\x04")), pppoe(LCP, cp(8, 7, b"\x12\x34")),
           pppoe(LCP, cp(8, 7, b"\x12")), pppoe(LCP, cp(12, 8, magic + b"hello\x01\xff")),
           pppoe(LCP, cp(12, 8, magic)), pppoe(LCP, cp(13, 9, magic + b"\0\0\x0e\x10msg")),
           pppoe(LCP, cp(13, 9, magic + b"\0\0")), pppoe(LCP, cp(0, 10, magic + b"\0\0\x0c\x01abc")),
           pppoe(LCP, cp(0, 10, magic + b"\0\0")), pppoe(LCP, cp(14, 11, b"ab")), pppoe(LCP, cp(15, 12, b"")),
           pppoe(LCP, cp(99, 13, b"abcdef")), pppoe(CCP, cp(14, 1, b"")), pppoe(CCP, cp(15, 1, b"x")),
           pppoe(LCP, cp(1, 1, b"", length=4)), pppoe(LCP, cp(1, 1, b"\x01\x04\x05\xd4", length=3)),
           pppoe(LCP, cp(1, 1, b"\x01\x04\x05\xd4", length=9)), pppoe(LCP, cp(1, 1, b"\x01\x04\x05\xd4", length=7)),
           pppoe(LCP, b"\x01\x01\x00"), pppoe(LCP, b"\x01"), pppoe(LCP, b""),
           pppoe(LCP, cp(9, 106, magic + b"\x0e\xe2\xf6\x09"), plen=8),
           pppoe(LCP, cp(1, 2, opt(1, b"\x05\xd4") + opt(5, magic)), plen=9)]
    # CHAP and PAP
    out += [pppoe(CHAP, cp(1, 1, b"\x04\x01\x02\x03\x04" + b"router")),
            pppoe(CHAP, cp(2, 1, b"\x10" + bytes(range(16)) + b"user\x01\xe9")),
            pppoe(CHAP, cp(3, 1, b"Welcome")), pppoe(CHAP, cp(4, 1, b"")), pppoe(CHAP, cp(5, 1, b"abc")),
            pppoe(CHAP, cp(1, 1, b"\x20\x01")), pppoe(CHAP, cp(1, 1, b"")), pppoe(CHAP, cp(2, 1, b"\x01\x01", length=4)),
            pppoe(CHAP, b"\x01\x02\x00"), pppoe(CHAP, b""), pppoe(CHAP, b"\x03\x01\x00\x20ok")]
    out += [pppoe(PAP, cp(1, 1, b"\x04user\x06secret")), pppoe(PAP, cp(1, 2, b"\x00\x00")),
            pppoe(PAP, cp(2, 1, b"\x07Welcome")), pppoe(PAP, cp(3, 1, b"\x04Nope")), pppoe(PAP, cp(2, 1, b"")),
            pppoe(PAP, cp(2, 1, b"\x00")), pppoe(PAP, cp(1, 1, b"\x09us")), pppoe(PAP, cp(1, 1, b"\x02us\x09x")),
            pppoe(PAP, cp(1, 1, b"\x02")), pppoe(PAP, cp(4, 1, b"xyz")), pppoe(PAP, cp(1, 1, b"\x01u", length=40)),
            pppoe(PAP, cp(1, 1, b"", length=2)), pppoe(PAP, b"\x01\x01\x00"), pppoe(PAP, b""),
            pppoe(BAP, cp(1, 1, b"abc"))]
    return out


def eth(etype, payload):
    return DST + SRC + struct.pack("!H", etype) + payload


def aarp(op, htype=1, ptype=0x809B, hl=6, pl=4, node=7):
    return eth(0x80F3, struct.pack("!HHBBH", htype, ptype, hl, pl, op) + SRC + bytes([0, 0xFF, 0x00, 1])
               + bytes(6) + bytes([0, 0xFF, 0x00, node]))


def cfm_tlv(t, value):
    return bytes([t]) + struct.pack("!H", len(value)) + value


def ccm(md=b"\x04\x05hello", ma=b"\x02\x03abc", flags=0x04, level=5, first=70, tlvs=b"\x00"):
    names = (md + ma).ljust(48, b"\0")
    return struct.pack("!BBBB", level << 5, 1, flags, first) + struct.pack("!IH", 0x1234, 0x99) + names + bytes(16) + tlvs


SENDER = [b"\x06\x04" + SRC, b"\x05\x04" + SRC[:5], b"\x05\x05\x01\x0a\0\0\x01", b"\x03\x05\x01\x0a\0\0",
          b"\x11\x05\x02" + bytes(16), b"\x03\x05\x07abc", b"\x04\x06eth0", b"\x02\x09\x01x", b"\x01\x00",
          b"", b"\x00", b"\x00\x03\x2b\x06\x01\x02\x0a\0", b"\x00\x02\x2b\x06", b"\x00\x02\x2b\x06\x05\x01",
          b"\x00\x05\x2b", b"\x01\x05\x01\x02", b"\x03"]
CFM_TLVS = (cfm_tlv(2, b"\x02") + cfm_tlv(3, b"\x05") + cfm_tlv(2, b"\x09") + cfm_tlv(31, b"\x00\x12\x0f\x01xy")
            + cfm_tlv(4, b"data") + cfm_tlv(5, b"\x01" + SRC) + cfm_tlv(1, b"\x06\x04" + SRC) + cfm_tlv(9, b"") + b"\x00")


def cfm_frames():
    out = [eth(0x8902, ccm(tlvs=CFM_TLVS))]
    for md, ma in ((b"\x01", b"\x02\x03abc"), (b"\x02\x07foo.com", b"\x01\x02\x00\x0a"),
                   (b"\x03\x06" + SRC, b"\x03\x02\x00\x01"), (b"\x03\x04" + SRC[:4], b"\x04\x07" + bytes(7)),
                   (b"\x00\x03abc", b"\x09\x02ab"), (b"\x04\x2ex", b"\x02\x01a"), (b"\x04\x2bx", b"\x02\x01a"),
                   (b"\x04\x20" + b"a" * 32, b"\x02\x0eb"), (b"\x04\x05ab\0cd", b"\x02\x03a\x01\xff")):
        out.append(eth(0x8902, ccm(md, ma)))
    for flags in (0x80, 0x01, 0x07, 0x00):
        out.append(eth(0x8902, ccm(flags=flags)))
    out += [eth(0x8902, ccm(first=69)), eth(0x8902, ccm(first=200)), eth(0xABCD, ccm(level=7)),
            eth(0x8902, ccm()[:40]), eth(0x8902, bytes([0x01, 1, 0, 0]))]
    ltm = struct.pack("!BBBB", 0x40, 5, 0x80, 17) + struct.pack("!IB", 7, 64) + SRC + DST
    ltr = struct.pack("!BBBB", 0x40, 4, 0xE0, 6) + struct.pack("!IBB", 7, 63, 2)
    lbm = struct.pack("!BBBB", 0x40, 3, 0, 4) + struct.pack("!I", 9)
    out += [eth(0x8902, ltm + b"\x00"), eth(0x8902, ltr + CFM_TLVS), eth(0x8902, lbm + cfm_tlv(4, b"xyz") + b"\x00"),
            eth(0x8902, struct.pack("!BBBB", 0x40, 2, 0, 0) + cfm_tlv(4, b"abc")), eth(0x8902, ltm[:4] + bytes(5)),
            eth(0x8902, struct.pack("!BBBB", 0x40, 5, 0, 10) + bytes(20)), eth(0x8902, struct.pack("!BBBB", 0, 9, 0, 2) + b"abcd"),
            eth(0x8902, b"\x20\x01\x00"), eth(0x8902, b""), eth(0x8902, lbm + b"\x04\x00"),
            eth(0x8902, lbm + b"\x04\x00\x09ab"), eth(0x8902, lbm + b"\x07"), eth(0x8902, lbm + cfm_tlv(2, b"")),
            eth(0x8902, lbm + cfm_tlv(31, b"ab")), eth(0x8902, ltr + b"\x07\x00")]
    out += [eth(0x8902, lbm + cfm_tlv(1, v)) for v in SENDER]
    return out


def tipc(user, hsize, mtype=0, words=11, ver=2):
    w0 = ver << 29 | user << 25 | hsize << 21 | 0x60
    w1 = mtype << 29 | 0x12345
    rest = [0x00050006, 0x01001002, 0x2000, 0x3000, 0x01001003, 0x01001004, 0x80, 0x000a0bb8, 0]
    return eth(0x88CA, struct.pack("!II", w0, w1) + b"".join(struct.pack("!I", w) for w in rest[:words - 2]))


def tipc_frames():
    return [tipc(0, 6), tipc(1, 10, 1), tipc(11, 8, 2), tipc(8, 5, 3), tipc(7, 10, 0), tipc(5, 10, 4),
            tipc(13, 10, 1), tipc(13, 10, 0), tipc(9, 10), tipc(15, 10), tipc(3, 6, words=6)]


def misc_frames():
    ip = bytes.fromhex("450000210001000040110000") + b"\x0a\0\0\x01\x0a\0\0\x02" + bytes.fromhex("04d2000900");
    return [aarp(1), aarp(2), aarp(3), aarp(3, node=255), aarp(4), aarp(1, htype=6), aarp(1, hl=8),
            aarp(1)[:40], aarp(1)[:14], eth(0xFEFE, b"\x03\x00abc"), eth(0xFEFE, b"\x03\xcc" + ip),
            eth(0xFEFE, b"\x03"), eth(0xFEFE, b""), eth(0x880B, b"\xff\x03\x00\x21" + ip),
            eth(0x880B, b"\xc0\x21" + cp(9, 1, b"\0\0\0\x01")), eth(0x880B, b""), eth(0x880B, b"\x21"),
            eth(0x894F, bytes.fromhex("0006010300030907") + ip), eth(0x894F, b"\x00\x06")]


def ipx(dskt, data, length=None, sskt=0x4000):
    n = 30 + len(data) if length is None else length
    return (struct.pack("!HHBB", 0xFFFF, n, 0, 4) + struct.pack("!I", 0) + b"\xff" * 6 + struct.pack("!H", dskt)
            + struct.pack("!I", 0x0A8808AA) + SRC + struct.pack("!H", sskt) + data)


def dot3(payload):
    return DST + SRC + struct.pack("!H", len(payload)) + payload


def sap_entry(t, name, net=0x12345678):
    return struct.pack("!H", t) + name.ljust(48, b"\0") + struct.pack("!I", net) + SRC + struct.pack("!HH", 0x451, 1)


def ipx_frames():
    """IPX messages; [9], a SAP response of three services, is cut at every byte."""
    msgs = [ipx(0x455, b"netbios data"), ipx(0x451, b"ncp"), ipx(0x456, b""), ipx(0x553, b"x"), ipx(0x9999, b"ab"),
            ipx(0x452, b"\0\x01\0\x04"), ipx(0x452, b"\0\x03\x12\x34"), ipx(0x452, b"\0\x07"), ipx(0x452, b"\0\x01\0"),
            ipx(0x452, b"\0\x02" + sap_entry(4, b"SERVER1") + sap_entry(0x7777, b"X" * 48) + sap_entry(0x278, b"DS")),
            ipx(0x452, b"\0\x04" + sap_entry(0x30c, b"PRN")[:30]), ipx(0x452, b"\0\x02" + sap_entry(4, b"S")[:55]),
            ipx(0x452, b"\0\x02\0"), ipx(0x452, b"\0\x02" + sap_entry(4, b"S")[:62]),
            ipx(0x453, b"\0\x01\0\0\0\x01\0\x01\0\x02"), ipx(0x453, b"\0\x01"),
            ipx(0x453, b"\0\x02" + b"\0\0\0\x01\0\x01\0\x02" * 3), ipx(0x453, b"\0\x02\0\0\0\x01\0"),
            ipx(0x453, b"\0\x09"), ipx(0x85BE, b"\x02\x05\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x01"),
            ipx(0x455, b"", length=29), ipx(0x455, b"abc", length=0)]
    out = [dot3(m) for m in msgs] + [dot3(b"\xe0\xe0\x03" + m) for m in msgs[:3]]
    out += [eth(0x8137, m) for m in msgs[:3]] + [pppoe(0x002B, msgs[0]), dot3(msgs[0][:20])]
    return out


def vtp(code, body, version=2, third=1, dom=b"lab", dlen=None):
    hdr = struct.pack("!BBBB", version, code, third, len(dom) if dlen is None else dlen) + dom.ljust(32, b"\0")
    return dot3(b"\xaa\xaa\x03\x00\x00\x0c\x20\x03" + hdr + body)


def vlan(vid, name, tlvs=b"", status=0, vtype=1, vlen=None):
    padded = name.ljust(4 * ((len(name) + 3) // 4), b"\0")
    n = 12 + len(padded) + len(tlvs) if vlen is None else vlen
    return struct.pack("!BBBBHHI", n, status, vtype, len(name), vid, 1500, 0x100000 + vid) + padded + tlvs


def vtp_frames():
    tlvs = b"".join(bytes([t, 1]) + struct.pack("!H", v) for t, v in ((1, 7), (3, 2), (6, 1), (7, 1), (9, 7), (10, 0), (11, 5)))
    summary = struct.pack("!I", 5) + b"\x0a\0\0\x01" + b"2026120612" + b"00" + bytes(range(16))
    return [vtp(1, summary), vtp(2, struct.pack("!I", 5) + vlan(1, b"default") + vlan(10, b"users", tlvs, 1, 2)),
            vtp(3, struct.pack("!I", 10)), vtp(4, b""), vtp(9, b"abcd", version=69),
            vtp(2, struct.pack("!I", 5) + vlan(1, b"x", vlen=8)), vtp(2, struct.pack("!I", 5) + vlan(1, b"x" * 9, vlen=16)),
            vtp(2, struct.pack("!I", 5) + vlan(1, b"x", b"\x06\x02\0\0\0\0")), vtp(2, struct.pack("!I", 5) + vlan(1, b"x", b"\x06")),
            vtp(2, struct.pack("!I", 5) + vlan(1, b"x", b"\x06\x09\0\0")), vtp(2, struct.pack("!I", 5) + b"\0"),
            vtp(1, summary, dom=b"", dlen=0), vtp(1, summary, dom=b"d" * 32, dlen=40), vtp(1, b""),
            dot3(b"\xaa\xaa\x03\x00\x00\x0c\x20\x03\x02\x01\x00")]


def ssh_frames():
    return [tcp(22, 40000, b"SSH-2.0-OpenSSH_7.5 FIPS\r\n"), tcp(40000, 22, b"SSH-2.0-x\n"), tcp(22, 40000, b"SSH-1.99\r"),
            tcp(22, 40000, b"SSH-2.0-a\rb\n"), tcp(22, 40000, b"SSH-2.0-\x01\n"), tcp(22, 40000, b"SSH-2.0 no end"),
            tcp(22, 40000, b"SSX-2.0\n"), tcp(22, 40000, b"SS"), tcp(22, 40000, b"\0\0\0\x2c\x06\x14binary")]


def frames():
    good = (conf_reqs() + others() + cfm_frames() + tipc_frames() + misc_frames() + ipx_frames() + vtp_frames()
            + ssh_frames())
    rich = [pppoe(LCP, cp(1, 1, LCP_OPTS)), pppoe(IPCP, cp(1, 1, IPCP_OPTS)), pppoe(IP6CP, cp(1, 1, IP6CP_OPTS)),
            pppoe(CCP, cp(1, 1, CCP_OPTS)), pppoe(BACP, cp(1, 1, BACP_OPTS)),
            pppoe(LCP, cp(9, 106, b"\xa4\xcb\xea\x34" + b"\x0e\xe2\xf6\x09")),
            pppoe(LCP, cp(12, 8, b"\xa4\xcb\xea\x34" + b"hello")), pppoe(LCP, cp(8, 7, b"\x80\x57\x01\x01\x00\x04")),
            pppoe(CHAP, cp(2, 1, b"\x04\x01\x02\x03\x04" + b"user")), pppoe(PAP, cp(1, 1, b"\x04user\x06secret")),
            pppoe(PAP, cp(2, 1, b"\x02ok")), eth(0x8902, ccm(tlvs=CFM_TLVS)), tipc(1, 10, 1), tipc(7, 10, 0),
            tipc(13, 10, 1), aarp(2), ipx_frames()[9], vtp_frames()[1],
            ssh_frames()[0]]
    return with_cuts(good, rich)


if __name__ == "__main__":
    write(sys.argv[1], frames())
