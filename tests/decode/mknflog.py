#!/usr/bin/env python3
"""mknflog.py: a capture of Linux netfilter log records (LINKTYPE_NFLOG),
well-formed and not, for compare.py (the decoder against tcpdump): IPv4
and IPv6 payloads after TLVs of several kinds and paddings, another
family, another version, TLVs too short or past the capture, no payload
TLV; and copies of rich records cut short at every byte.  The expected
output is whatever tcpdump prints for them.
usage: mknflog.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, with_cuts, write  # IP/UDP framing (the IP packet is its tail)

LINKTYPE = 239  # LINKTYPE_NFLOG


def tlv(t, data, pad=True):
    """A TLV, its length and type little-endian (the host order of the
    machines that write these)."""
    b = struct.pack("<HH", 4 + len(data), t) + data
    return b + bytes((4 - len(b) % 4) % 4 if pad else 0)


def rec(family, tlvs, version=0, rid=20):
    return struct.pack("!BBH", family, version, rid) + b"".join(tlvs)


def frames():
    ip = udp(53, 4000, b"abc")[14:]
    ip6 = udp(53, 4000, b"abc", v6=True)[14:]
    good = [rec(2, [tlv(1, b"\x08\x00\x03\x00"), tlv(10, b"pref"), tlv(9, ip)]),
            rec(10, [tlv(1, b"\x86\xdd\x03\x00"), tlv(9, ip6)]), rec(2, [tlv(9, ip)]),
            rec(2, [tlv(11, b"abcde"), tlv(9, ip)], rid=65535), rec(7, [tlv(9, b"xyz")]),
            rec(2, [tlv(9, ip)], version=1), rec(2, [struct.pack("<HH", 2, 1) + bytes(8)]),
            rec(2, [struct.pack("<HH", 200, 1) + bytes(8)]), rec(2, [tlv(1, b"\x08\x00\x03\x00")]),
            rec(2, []), rec(10, [tlv(9, ip6[:20])]), b"\x02\x00", rec(2, [tlv(9, b"")])]
    return with_cuts(good, (good[0], good[1]))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
