#!/usr/bin/env python3
"""mkslow.py: a capture of the IEEE 802.3 Slow Protocols for compare.py
(the decoder against tcpdump, issue 14, helper deciso2): LACP and Marker
PDUs with their TLVs, wrong TLV lengths, unknown TLVs, a missing
terminator, a wrong version, and a rich LACPDU cut short at every byte.
The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkslow.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402

SLOW_DST = bytes.fromhex("0180c2000002")
SRC = bytes.fromhex("0013c4120f16")


def tlv(t, value):
    return bytes([t, len(value) + 2]) + value


def actor(t, state, sysmac=SRC, key=13, port=22):
    return tlv(t, struct.pack("!H6sHHHB3x", 32768, sysmac, key, 32768, port, state))


def lacp(tlvs, version=1, pad=True):
    body = bytes([1, version]) + tlvs
    return body + (b"\0" * max(0, 110 - len(body)) if pad else b"")


def marker(tlvs, version=1):
    body = bytes([2, version]) + tlvs
    return body + b"\0" * max(0, 110 - len(body))


def eth(pdu):
    return SLOW_DST + SRC + b"\x88\x09" + pdu


def messages():
    rich = actor(1, 0x85) + actor(2, 0x36, bytes.fromhex("000e8316f500"), port=25) + \
        tlv(3, struct.pack("!H12x", 32768)) + b"\0\0"
    info = tlv(1, struct.pack("!H6sI2x", 7, SRC, 0x12345678))
    return [
        lacp(rich),
        lacp(actor(1, 0xff) + actor(2, 0) + tlv(3, struct.pack("!H12x", 10)) + b"\0\0"),
        lacp(actor(1, 0x47)[:-1] + tlv(3, b"\0" * 3) + b"\0\0"),  # wrong sizes
        lacp(tlv(9, b"\x01\x02\x03\x04") + b"\0\0"),  # unknown TLV
        lacp(b"\x01\x01"),  # length below 2
        lacp(actor(1, 0x05), pad=False),  # no terminator, ends
        lacp(b"\x01\x30" + b"\0" * 10, pad=False),  # TLV past the PDU
        lacp(rich, version=2),
        bytes([1]),
        marker(info + b"\0\0"),
        marker(tlv(2, struct.pack("!H6sI2x", 7, SRC, 1)) + b"\0\0"),  # response: unknown here
        marker(info[:-2] + b"\0\0"),
        marker(info, version=3),
        bytes([9, 1, 2, 3]),
    ]


def frames():
    out = [(eth(m), None) for m in messages()]
    f = eth(messages()[0])
    out += [(f, c) for c in range(14, 14 + 60)]
    f = eth(messages()[9])
    out += [(f, c) for c in range(14, 14 + 22)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
