#!/usr/bin/env python3
"""mkdecctl.py: a capture for compare.py (the decoder against tcpdump,
issue 14, helper decctl) of the lines that used to end blank: PPP's control
protocols in PPPoE sessions (LCP with every option tcpdump decodes, at
right and wrong lengths, every code; IPCP, IP6CP, CCP, BACP options; OSICP,
MPLSCP; CHAP and PAP messages whole and short; BAP) and copies of rich
messages cut at every byte.  What tcpdump prints for them is the
expected output; the capture is the same every time.
usage: mkdecctl.py OUT.pcap"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import with_cuts, write  # noqa: E402

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


def frames():
    good = conf_reqs() + others()
    rich = [pppoe(LCP, cp(1, 1, LCP_OPTS)), pppoe(IPCP, cp(1, 1, IPCP_OPTS)), pppoe(IP6CP, cp(1, 1, IP6CP_OPTS)),
            pppoe(CCP, cp(1, 1, CCP_OPTS)), pppoe(BACP, cp(1, 1, BACP_OPTS)),
            pppoe(LCP, cp(9, 106, b"\xa4\xcb\xea\x34" + b"\x0e\xe2\xf6\x09")),
            pppoe(LCP, cp(12, 8, b"\xa4\xcb\xea\x34" + b"hello")), pppoe(LCP, cp(8, 7, b"\x80\x57\x01\x01\x00\x04")),
            pppoe(CHAP, cp(2, 1, b"\x04\x01\x02\x03\x04" + b"user")), pppoe(PAP, cp(1, 1, b"\x04user\x06secret")),
            pppoe(PAP, cp(2, 1, b"\x02ok"))]
    return with_cuts(good, rich)


if __name__ == "__main__":
    write(sys.argv[1], frames())
