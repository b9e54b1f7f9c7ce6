#!/usr/bin/env python3
"""mkpktap.py: a capture of Apple PKTAP records (LINKTYPE_PKTAP), well-formed
and not, for compare.py (the decoder against tcpdump): Ethernet, BSD
loopback and raw IP inside, an inner link type without a printer, a
record without data and an unknown record type, headers longer than the
structure, too short, pkt_len too small or beyond the frame; and copies of
one record cut short at every byte.  tcpdump's output is the expected one.
usage: mkpktap.py OUT.pcap"""
import os, struct, sys

LINKTYPE = 258  # LINKTYPE_PKTAP
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # Ethernet/IP/UDP framing


def pktap(dlt, body, rectype=1, hlen=108, extra=b""):
    """The little-endian header: length, record type, inner DLT, interface
    name, flags, family, link header and trailer lengths, process ids and
    names; hlen may say more than the structure's 108 bytes."""
    h = struct.pack("<III", hlen, rectype, dlt) + b"en0".ljust(24, b"\0") + struct.pack("<IIIII", 0, 2, 14, 0, 42)
    h += b"mDNSResponder".ljust(20, b"\0") + struct.pack("<IHHI", 0, 6, 0, 42) + b"mDNSResponder".ljust(20, b"\0")
    return h + extra + body


def frames():
    eth = udp(1234, 53, b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x01a\x00\x00\x01\x00\x01")
    ip = eth[14:]
    good = [
        pktap(1, eth), pktap(0, struct.pack("<I", 2) + ip), pktap(12, ip), pktap(101, ip), pktap(147, b"user data"),
        pktap(1, eth, rectype=0), pktap(1, eth, rectype=7), pktap(1, eth, hlen=112, extra=b"\0" * 4),
        pktap(1, eth, hlen=100), pktap(1, b"", hlen=4000), pktap(1, b"")[:60],
    ]
    return with_cuts(good, (good[0],))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
