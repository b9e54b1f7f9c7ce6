#!/usr/bin/env python3
"""mkfr.py: a capture of Frame Relay frames (LINKTYPE_FRELAY), well-formed
and not, for compare.py (the decoder against tcpdump): 2-, 3- and 4-byte
Q.922 addresses with every flag, pads present and missing, Cisco-style
ethertypes known and not, the NLPIDs (IPv4, IPv6, IS-IS, SNAP with the
Ethernet, Cisco and RFC 2684 OUIs, Q.933 LMI messages with their
information elements and shifts, FRF.15, PPP, unknown ones), invalid
addresses, frames shorter than their headers; and copies of rich frames
cut short at every byte.  The expected output is whatever tcpdump prints
for them.
usage: mkfr.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # IP/UDP framing (the IP packet is its tail)

LINKTYPE = 107  # LINKTYPE_FRELAY


def q922(dlci, cr=0, fecn=0, becn=0, de=0, size=2, sdlc=0):
    """A Q.922 address of size bytes carrying dlci."""
    if size == 2:
        return bytes([(dlci >> 4 & 0x3f) << 2 | cr << 1, (dlci & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1 | 1])
    if size == 3:
        return bytes([(dlci >> 10 & 0x3f) << 2 | cr << 1, (dlci >> 6 & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1,
                      (dlci & 0x3f) << 2 | sdlc << 1 | 1])
    return bytes([(dlci >> 17 & 0x3f) << 2 | cr << 1, (dlci >> 13 & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1,
                  (dlci >> 6 & 0x7f) << 1, (dlci & 0x3f) << 2 | sdlc << 1 | 1])


def fr(nlpid, body, addr=None, pad=None):
    addr = addr if addr is not None else q922(100)
    if pad is None:
        pad = len(addr) == 3
    return addr + b"\x03" + (b"\x00" if pad else b"") + bytes([nlpid]) + body


def ie(code, data):
    return bytes([code, len(data)]) + data


def pvc(dlci, new=0, active=1, size=3):
    """A PVC status IE's contents: the DLCI in 3 to 5 octets, then status."""
    st = 0x80 | new << 3 | active << 1
    if size == 3:
        return bytes([dlci >> 4 & 0x3f, 0x80 | (dlci & 0xf) << 3, st])
    if size == 4:
        return bytes([dlci >> 10 & 0x3f, (dlci >> 6 & 0xf) << 3, 0x80 | (dlci & 0x3f) << 1, st])
    return bytes([0, 0, dlci & 0x7f, 0x80 | 2, st])


def q933(msg, ies=b"", cref=b"\x00", shift=None):
    m = bytes([len(cref)]) + cref + bytes([msg])
    if shift is not None:
        m += bytes([shift])
    return m + ies


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    ip6 = udp(1234, 9, b"hello", v6=True)[14:]
    ansi_full = q933(0x7d, ie(0x01, b"\x00") + ie(0x03, b"\x05\x04") + ie(0x07, pvc(16)) +
                     ie(0x07, pvc(17, new=1, active=0)), shift=0x95)
    ccitt = q933(0x75, ie(0x51, b"\x01") + ie(0x53, b"\x2a\x29"))
    lmi = fr(0x08, ansi_full, addr=q922(0))
    good = [
        fr(0xcc, ip), fr(0x8e, ip6, addr=q922(1023, cr=1, fecn=1, becn=1, de=1)),
        fr(0xcc, ip, addr=q922(5000, size=3)), fr(0xcc, ip, addr=q922(5000, size=3), pad=False),
        fr(0xcc, ip, pad=True), fr(0xcc, ip, addr=q922(400000, size=4, sdlc=1)),
        q922(200) + b"\x08\x00" + ip, q922(200) + b"\x86\xdd" + ip6, q922(200) + b"\x12\x34" + b"\x03\xcc" + ip,
        q922(200) + b"\x41\x00\xcc" + ip, q922(0) + b"\x08\x00" + ip,
        fr(0x83, bytes([0x83, 0x1b, 0x01, 0x00, 0x11, 0x01, 0x00, 0x00]) + bytes(27)),
        fr(0x80, b"\x00\x00\x00\x08\x00" + ip), fr(0x80, b"\x00\x00\x00\x12\x34" + b"abcdef"),
        fr(0x80, b"\x00\x80\xc2\x00\x07" + bytes(6) + b"\x02\x00\x00\x00\x00\x01\x08\x00" + ip),
        fr(0x80, b"\x00\x00\x0c\x20\x03" + bytes(20)), fr(0x80, b"\x00\x80\xc2\x00\x0e" + bytes(35)),
        fr(0x80, b"\x00\x00"), fr(0x80, b"\x00\x00\x0c\x99\x99xyz"),
        lmi, fr(0x08, ccitt, addr=q922(0)), fr(0x08, q933(0x05, cref=b"\x12\x34")),
        fr(0x08, q933(0x33, ie(0x07, b"\x00\x00") + ie(0x07, pvc(20, size=4)) + ie(0x07, pvc(3, size=5)) +
                      ie(0x07, b"\x80\x80\x82") + ie(0x07, bytes(6)) + ie(0x01, b"\x02") + ie(0x03, b"\x01"))),
        fr(0x08, q933(0x75, b"\x9d" + ie(0x01, b"\x00") + ie(0x03, b"\x01\x02") + b"\xa0" + ie(0x70, b"xy"))),
        fr(0x08, q933(0x75, ie(0x03, b"\x01\x02"), shift=0x96)), fr(0x08, q933(0x75, ie(0x00, b"") + b"\x01\x00")),
        fr(0x08, q933(0x75, b"\x03\x09\x01")), fr(0x08, b""), fr(0x08, b"\x05\x01"), fr(0x08, b"\x01"),
        fr(0x08, q933(0x75, b"\x03")),
        fr(0xb1, b"\x80\x05"), fr(0xb1, b"\xe1\xff" + bytes(10)), fr(0xb1, b"\x40"),
        fr(0xcf, b"\xff\x03\x00\x21" + ip), fr(0xcf, b"\x00\x21" + ip), fr(0x42, b"unknown payload"),
        fr(0x00, b"\x00abc"), b"\x01\x00\x03\xcc" + ip, q922(100, size=4)[:3] + b"\x00\x03\xcc" + ip,
        q922(100), q922(100) + b"\x03", q922(100) + b"\x03\x00", b"\x00", b"",
    ]
    return with_cuts(good, (good[0], lmi, fr(0x08, ccitt, addr=q922(0)), good[12], good[9]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
