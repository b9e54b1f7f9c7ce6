#!/usr/bin/env python3
"""mkblankatm.py: RFC 1483 LLC-encapsulated ATM frames (issue 14, helper
blank) for compare.py: Cisco's NLPID form, 802.2 UI headers of SNAP, OSI
and IP, other 802.2 headers behind a 20-byte 802.6 MAC header (XIDs,
unknown SAPs), cut short.  The expected output is whatever tcpdump prints
for them.  Deterministic.
usage: mkblankatm.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402
from mkblank import BODY, ip_packet, llc, snap  # noqa: E402

LINKTYPE = 100  # LINKTYPE_ATM_RFC1483
MAC = bytes(range(0xa0, 0xb4))  # an 802.6 MAC header
ISIS_HELLO = bytes([0x83, 0x1b, 0x01, 0x00, 0x0f, 0x01, 0x00, 0x00]) + bytes(19)


def frames():
    out = [(b"\x03" + ISIS_HELLO, None), (b"\x03", None), (snap(0, 0x0800, ip_packet()), None),
           (snap(0x00000c, 0x2000, b"\x02\xb4"), None), (llc(0xfe, 0xfe, 0x03, ISIS_HELLO), None),
           (llc(0x06, 0x06, 0x03, ip_packet()), None), (llc(0x42, 0x42, 0x03, bytes(4)), None)]
    for sap, ssap, ctrl, info in ((0x80, 0x80, 0xaf, b"\x81\x01\x02"), (0x80, 0x81, 0xbf, b""), (0x30, 0x30, 0xbf, b"\x81"),
                                  (0x12, 0x14, 0x03, BODY), (0xf0, 0xf0, 0x0100, BODY), (0x42, 0x42, 0x03, bytes(36))):
        out.append((MAC + llc(sap, ssap, ctrl, info), None))
    f = MAC + llc(0x80, 0x80, 0xaf, b"\x81\x01\x02")
    out += [(f, n) for n in range(1, len(f))]
    f = snap(0, 0x0800, ip_packet())
    out += [(f, n) for n in range(1, 12)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
