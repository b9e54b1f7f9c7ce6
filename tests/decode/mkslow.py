#!/usr/bin/env python3
"""mkslow.py: a capture of the IEEE 802.3 Slow Protocols and Cisco UDLD for
compare.py (the decoder against tcpdump, issue 14, helper deciso2): LACP
and Marker PDUs with their TLVs, wrong TLV lengths, unknown TLVs, a missing
terminator, a wrong version; UDLD probe, echo and flush messages with every
TLV, text with NULs and control bytes, wrong interval and sequence lengths,
TLV lengths below 4 or past the message; EAPOL frames of every type, EAP
messages in them with wrong lengths; a rich LACPDU, a rich UDLD message and
an EAP response cut short at every byte.
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


UDLD_DST = bytes.fromhex("01000ccccccc")


def utlv(t, value, extra=0):
    return struct.pack("!HH", t, len(value) + 4 + extra) + value


def udld(code, flags, tlvs, ver=1):
    return bytes([ver << 5 | code, flags]) + b"\x6d\x85" + tlvs


def snap(pdu):
    llc = b"\xaa\xaa\x03\x00\x00\x0c\x01\x11" + pdu
    return UDLD_DST + SRC + struct.pack("!H", len(llc)) + llc


def udld_messages():
    rich = utlv(1, b"FOC1031Z7JG") + utlv(2, b"Gi0/1") + utlv(3, b"\0\0\0\x01\0\x0bFOC1025X4W3\0\x05Fa0/1") + \
        utlv(4, b"\x07") + utlv(5, b"\x05") + utlv(6, b"S1") + utlv(7, struct.pack("!I", 1))
    return [
        udld(1, 0, rich),
        udld(2, 3, rich),
        udld(3, 1, utlv(1, b"AB\0\0") + utlv(6, b"x\x01\x7fy") + utlv(3, b"\0\0\0\0")),
        udld(1, 0xfc, utlv(9, b"abcd") + utlv(7, struct.pack("!I", 0xfffffffe))),
        udld(1, 0, utlv(4, b"\x07\x08")),  # interval of two bytes
        udld(1, 0, utlv(7, b"\x00\x01")),  # short sequence number
        udld(1, 0, utlv(1, b"") + utlv(2, b"Gi0/1")),  # length 4
        udld(1, 0, struct.pack("!HH", 2, 2) + b"xy"),  # length below 4
        udld(1, 0, utlv(2, b"Gi0/1", extra=10)),  # past the message
        udld(1, 0, utlv(2, b"Gi0/1") + b"\0\x01"),  # 2 bytes left
        udld(0, 0, b""), udld(5, 0, b"", ver=2),
        b"\x21\x00",
    ]


EAPOL_DST = bytes.fromhex("0180c2000003")


def eapol(ftype, body, ver=1, length=None):
    n = len(body) if length is None else length
    return EAPOL_DST + SRC + b"\x88\x8e" + struct.pack("!BBH", ver, ftype, n) + body


def eap(code, ident, rest=b"", length=None):
    return struct.pack("!BBH", code, ident, 4 + len(rest) if length is None else length) + rest


def eapol_frames():
    ident = eap(2, 2, b"\x01user@example.org")
    return [
        eapol(0, eap(1, 1, b"\x01")), eapol(0, ident), eapol(0, eap(1, 16, b"\x12\x0a\0\0")),
        eapol(0, eap(3, 0)), eapol(0, eap(4, 9)), eapol(0, eap(1, 3, b"\x04\x10" + b"\x11" * 16)),
        eapol(0, b"", length=0), eapol(0, eap(1, 1, b"\x01", length=9)), eapol(0, eap(1, 1, length=2)),
        eapol(0, eap(2, 1), length=4), eapol(1, b""), eapol(2, b"", ver=2), eapol(3, b"\x02" * 20),
        eapol(4, b"ab"), eapol(9, b""),
    ]


def frames():
    out = [(eth(m), None) for m in messages()] + [(snap(m), None) for m in udld_messages()]
    out += [(f, None) for f in eapol_frames()]
    f = eapol_frames()[1]
    out += [(f, c) for c in range(14, len(f))]
    f = snap(udld_messages()[0])
    out += [(f, c) for c in range(14, len(f))]
    f = eth(messages()[0])
    out += [(f, c) for c in range(14, 14 + 60)]
    f = eth(messages()[9])
    out += [(f, c) for c in range(14, 14 + 22)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
