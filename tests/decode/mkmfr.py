#!/usr/bin/env python3
"""mkmfr.py: a capture of multilink Frame Relay frames (LINKTYPE_MFR,
FRF.16), well-formed and not, for compare.py (the decoder against
tcpdump): control frames with each information element (bundle and link
ids, magic numbers of the right and wrong length, timestamps, vendor and
cause elements, a zero type or length), unknown messages, first, whole,
middle and last fragments carrying Frame Relay frames, frames under 4
bytes; and copies of rich frames cut short at every byte (tcpdump's
output is the expected one).  usage: mkmfr.py OUT.pcap"""
import os, struct, sys

LINKTYPE = 182  # LINKTYPE_MFR
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkfr import fr, q922, udp, with_cuts, write  # the Frame Relay frames inside fragments


def ctrl(msg, ies=b"", first=0xe1):
    """A control frame: B, E and C set, then the message type."""
    return bytes([first, 0, msg]) + ies


def ie(t, data, n=None):
    return bytes([t, len(data) + 2 if n is None else n]) + data


def frag(flags, seq, body):
    return bytes([flags | (seq >> 7 & 0x1e) | 1, seq & 0xff]) + body


def frames():
    ip = udp(1234, 9, b"hello")[14:]
    hello = ctrl(4, ie(1, b"bundle-a\x00") + ie(2, b"link\x011") + ie(3, struct.pack("!I", 0xdeadbeef)) +
                 ie(5, struct.pack("<qq", 1700000000, 250000)) + ie(6, b"\x00\x00\x09vendor") + ie(7, b"\x05"))
    good = [
        hello, ctrl(1, ie(1, b"b" * 60)), ctrl(2), ctrl(3, ie(3, b"\x01\x02")), ctrl(5, ie(5, b"\x01\x02\x03")),
        ctrl(6, ie(0, b"xx")), ctrl(7, ie(9, b"", n=1)), ctrl(0x55, ie(9, b"abcd")), ctrl(4, ie(3, b"abcd", n=40)),
        ctrl(4, b"\x01"), frag(0xc0, 193, fr(0xcc, ip)), frag(0x80, 5, fr(0xcc, ip)), frag(0x00, 6, b"middle bytes"),
        frag(0x40, 7, b"last"), frag(0xc0, 300, q922(100) + b"\x08\x00" + ip), frag(0xc0, 1, b"\x01\x00\x03"),
        bytes([0xe1, 1, 4, 0]), b"\xe1\x00\x04", b"\x01", b"",
    ]
    return with_cuts(good, (hello, good[10]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
