#!/usr/bin/env python3
"""mkvsock.py: a capture of Linux vsock monitor records (LINKTYPE_VSOCK),
well-formed and not, for compare.py (the decoder against tcpdump): virtio
records of every operation with and without payload, other transports,
unknown operations and types, records cut short; and copies of a payload
record cut short at every byte.  The expected output is whatever tcpdump
prints for them.
usage: mkvsock.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import with_cuts, write  # the cut copies, the pcap writer

LINKTYPE = 271  # LINKTYPE_VSOCK


def rec(op, vop=1, transport=2, data=b"", vtype=1, src=(3, 1024), dst=(2, 1234)):
    mon = struct.pack("<QQIIHHH2x", src[0], dst[0], src[1], dst[1], op, transport, 44 if transport == 2 else 0)
    if transport != 2:
        return mon + data
    virtio = struct.pack("<QQIIIHHIII", src[0], dst[0], src[1], dst[1], len(data), vtype, vop, 3, 262144, 77)
    return mon + virtio + data


def frames():
    good = [rec(1), rec(1, vop=2, src=(2, 1234), dst=(3, 1024)), rec(4, vop=5, data=b"Hello\n"),
            rec(3, vop=6), rec(2, vop=4), rec(3, vop=7), rec(3, vop=3), rec(0, vop=0), rec(9, vop=9, vtype=2),
            rec(4, vop=5), rec(4, transport=1, data=b"abc"), rec(1, transport=0), rec(4, transport=7, data=b"xy"),
            rec(4, vop=5, data=bytes(range(40)), src=(2**40, 7), dst=(2**64 - 1, 2**32 - 1))]
    return with_cuts(good, (good[2],))


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
