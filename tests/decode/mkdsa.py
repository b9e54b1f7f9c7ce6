#!/usr/bin/env python3
"""mkdsa.py: a capture of Ethernet frames with a Broadcom switch tag
(LINKTYPE_DSA_TAG_BRCM), well-formed and not, for compare.py (the decoder
against tcpdump): ingress and egress tags with every reason code, traffic
classes and destination maps, carrying IPv4, ARP, 802.3/LLC and VLAN
frames; and copies of rich frames cut short at every byte.  The expected
output is whatever tcpdump prints for them.
usage: mkdsa.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # Ethernet/IP/UDP framing

LINKTYPE = 281  # LINKTYPE_DSA_TAG_BRCM


def tagged(tag, frame):
    """frame (Ethernet) with the 4-byte tag after its addresses."""
    return frame[:12] + tag + frame[12:]


def frames():
    eth = udp(1234, 9, b"hello")
    arp = eth[:12] + b"\x08\x06" + struct.pack("!HHBBH", 1, 0x800, 6, 4, 1) + bytes(6) + bytes(4) + bytes(10)
    llc = eth[:12] + struct.pack("!H", 7) + b"\x42\x42\x03" + bytes(4)
    vlan = eth[:12] + b"\x81\x00\x20\x05" + eth[12:]
    good = [tagged(bytes([0x20, tc << 2 | te | ts << 7, m >> 8, m & 0xff]), eth)
            for tc, te, ts, m in ((0, 0, 0, 0x80), (7, 1, 1, 0x1ff), (3, 2, 0, 0x3ff), (1, 3, 1, 0))]
    good += [tagged(bytes([0x00, cid, rc, tc << 5 | port]), eth)
             for cid, rc, tc, port in ((0, 1, 0, 0), (5, 2, 1, 3), (0, 4, 2, 31), (0, 8, 7, 8), (0, 0x10, 0, 1),
                                       (0, 0x20, 0, 0), (0, 0x40, 0, 0), (0, 0x80, 0, 0), (0, 0x21, 0, 0), (0, 0, 0, 0))]
    good += [tagged(b"\x20\x00\x00\x10", f) for f in (arp, llc, vlan)]
    good += [tagged(b"\xe0\x00\x00\x01", eth), tagged(b"\x40\x00\x00\x01", eth)]
    return with_cuts(good, (good[0], good[5]))[:len(good) + 24]


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
