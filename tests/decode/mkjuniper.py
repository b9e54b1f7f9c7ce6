#!/usr/bin/env python3
"""mkjuniper.py: a capture of Juniper Ethernet frames (LINKTYPE_JUNIPER_ETHER),
well-formed and not, for compare.py (the decoder against tcpdump): the
"MGC" header in both directions, with and without extension TLVs (every
type, little- and big-endian values, long values, a zero type, one that
overruns the extensions), stripped link headers with IPv4, IPv6 or
neither inside, a wrong magic number; and copies of rich frames cut short
at every byte.  tcpdump's output is the expected one.
usage: mkjuniper.py OUT.pcap"""
import os, struct, sys

LINKTYPE = 178  # LINKTYPE_JUNIPER_ETHER
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # Ethernet/IP/UDP framing


def jnx(frame, flags=0x01, tlvs=None, magic=b"MGC"):
    """The header: magic, flags (0x80: extensions), then the frame."""
    h = magic + bytes([flags | (0x80 if tlvs is not None else 0)])
    if tlvs is not None:
        h += struct.pack("!H", len(tlvs)) + tlvs
    return h + frame


def tlv(t, v):
    return bytes([t, len(v)]) + v


def frames():
    eth = udp(1234, 9, b"hello")
    ip, ip6 = eth[14:], udp(1234, 9, b"hello", v6=True)[14:]
    tlvs = (tlv(1, struct.pack("<I", 7)) + tlv(2, b"ge-0/0/0") + tlv(3, b"\x01") + tlv(4, struct.pack("<H", 300)) +
            tlv(5, b"\x00\x00\x01") + tlv(6, b"\x0e") + tlv(7, b"\x21") + tlv(8, b"\x40") + tlv(130, b"\x01\x02") +
            tlv(9, b"12345") + tlv(6, b"\x63"))
    isis = bytes(6) + b"\x09\x00\x2b\x00\x00\x05" + struct.pack("!H", 30) + b"\xfe\xfe\x03\x83\x1b\x01\x00\x14\x01\x00\x00" + bytes(16)
    good = [
        jnx(eth), jnx(eth, flags=0), jnx(eth, tlvs=tlvs), jnx(eth, tlvs=tlv(1, b"\x01") + b"\x00\x05"),
        jnx(eth, tlvs=tlv(1, b"\x01") + tlv(2, b"toolong")[:4]), jnx(eth, tlvs=b""), jnx(isis, tlvs=tlv(1, b"\x02")),
        jnx(b"\0\0\0\0" + ip, flags=0x03), jnx(b"\0\0\0\0" + ip6, flags=0x02, tlvs=tlv(3, b"\x01")),
        jnx(b"\0\0\0\0" + b"\x99abc", flags=0x02), jnx(eth, magic=b"MGD"), jnx(eth, flags=0x45), b"MGC", b"",
    ]
    return with_cuts(good, (good[2], good[7]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
