#!/usr/bin/env python3
"""mkflow.py: a capture of sFlow, HNCP and Zephyr messages for compare.py
(the decoder against tcpdump, issue 14, helper decflow).
sFlow v5 datagrams from IPv4 and IPv6 agents with flow, counter, expanded
and unknown samples, every counter and flow record tcpdump decodes, the
ones it only names, other enterprises; lengths past the datagram, a zero
length or type, too few bytes for a record's body, other versions, an
unknown agent address type, a datagram shorter than its header; and a rich
datagram cut short at every byte.
The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkflow.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, write  # noqa: E402

SFLOW = 6343


def be(*words):
    return b"".join(struct.pack("!I", w) for w in words)


def rec(fmt, body):
    return be(fmt, len(body)) + body


def sample(fmt, body, length=None):
    return be(fmt, len(body) if length is None else length) + body


GENERIC = rec(1, be(7, 6) + struct.pack("!Q", 10**11) + be(1, 3) + struct.pack("!Q", 123456789012) +
              be(1, 2, 3, 4, 5, 6) + struct.pack("!Q", 98765) + be(7, 8, 9, 10, 11, 1))
ETHER = rec(2, be(*range(1, 14)))
TOKEN = rec(3, be(1, 2, 3))
BASEVG = rec(4, be(1) + struct.pack("!Q", 2) + be(3) + struct.pack("!Q", 4) + be(5, 6, 7, 8, 9) +
             struct.pack("!Q", 10) + be(11) + struct.pack("!QQQ", 12, 13, 2**63 + 5))
VLAN = rec(5, be(100) + struct.pack("!Q", 5000) + be(1, 2, 3, 4))
PROC = rec(1001, be(5, 10, 15) + struct.pack("!QQ", 2**32, 2**20))
RAW = rec(1, be(1, 126, 4, 122) + bytes(range(16)))
ETHFRAME = rec(2, be(1514) + bytes(range(16)) + be(0x800))
SWITCH = rec(1001, be(10, 1, 20, 2))


def counters(recs, n=None, expanded=False, seq=28, idx=23001):
    if expanded:
        hdr = be(seq, 0, idx, len(recs) if n is None else n)
    else:
        hdr = be(seq, idx, len(recs) if n is None else n)
    return sample(4 if expanded else 2, hdr + b"".join(recs))


def flows(recs, n=None, expanded=False):
    cnt = len(recs) if n is None else n
    if expanded:
        hdr = be(77, 0, 11001, 1000, 1521799520, 0, 0, 5, 0, 6, cnt)
    else:
        hdr = be(77, (1 << 24) | 11001, 1000, 15000, 3, 5, 6, cnt)
    return sample(3 if expanded else 1, hdr + b"".join(recs))


def dgram(samples, v6=False, version=5, n=None, ipver=None):
    agent = bytes.fromhex("00300000000000000000000100010001") if v6 else bytes([10, 1, 2, 3])
    av = ipver if ipver is not None else (2 if v6 else 1)
    body = b"".join(samples)
    return be(version, av) + agent + be(3, 109, 113000, len(samples) if n is None else n) + body


def sflow_messages():
    # records read past their sample's length (tcpdump measures them
    # against the datagram): cut, they end in the middle of a record
    spill = dgram([sample(2, be(28, 23001, 4), 12) + GENERIC + ETHER + BASEVG + PROC])
    rich = dgram([counters([GENERIC, ETHER, TOKEN, BASEVG, VLAN, PROC]),
                  flows([RAW, ETHFRAME, SWITCH, rec(3, b"\0" * 8), rec(1002, b"")], expanded=True)])
    return rich, spill, [
        (rich, False),
        (spill, False),
        (dgram([counters([ETHER, GENERIC])], v6=True), True),
        (dgram([flows([RAW, ETHFRAME, SWITCH])]), False),
        (dgram([counters([VLAN, PROC], expanded=True)]), False),
        # unknown records: hex at -v only; other enterprises: named Unknown
        (dgram([counters([rec(9, b"\x01\x02\x03\x04\x05"), rec((3 << 20) | 1, be(1, 2)),
                          rec((1 << 12) | 2, be(1))])]), False),
        (dgram([flows([rec(77, b"abcdefghijklmnopq"), rec((5 << 12) | 1, be(1, 2, 3, 4)), rec(1004, b"u")])]),
         False),
        (dgram([sample(9, b"\xde\xad\xbe\xef" * 5), counters([ETHER])]), False),  # unknown sample
        (dgram([sample(0x12345002, be(1, 2, 0))]), False),  # format's upper bits dropped
        (dgram([sample(0, b"\0" * 8), counters([ETHER])]), False),  # type 0: stop
        (dgram([sample(2, b"", 0), counters([ETHER])]), False),  # length 0: stop
        (dgram([sample(2, be(1, 2, 1) + ETHER, 400)]), False),  # past the datagram
        (dgram([counters([ETHER])], n=3), False),  # more samples said than sent
        (dgram([counters([ETHER])], n=0), False),
        (dgram([sample(2, be(1, 2))]), False),  # shorter than a counter sample
        (dgram([sample(1, be(1, 2, 3, 4))]), False),  # shorter than a flow sample
        (dgram([sample(3, be(1, 2, 3, 4, 5, 6))]), False),
        (dgram([sample(4, be(1, 2, 3))]), False),
        (dgram([counters([be(1, 8)])]), False),  # generic counter too short
        (dgram([counters([rec(2, be(1, 2))])]), False),  # Ethernet counter too short
        (dgram([counters([rec(4, be(1))]), counters([rec(5, be(1))])]), False),
        (dgram([counters([rec(1001, be(1))])]), False),
        (dgram([flows([rec(1, be(1))])]), False),
        (dgram([flows([rec(2, be(1, 2))])]), False),
        (dgram([flows([rec(1001, be(1, 2))])]), False),
        (dgram([counters([be(2, 900)])]), False),  # record past the datagram
        (dgram([counters([b"\0\0\0"])]), False),  # record header cut by the datagram
        (dgram([counters([GENERIC], n=4)]), False),  # more records said than sent
        (dgram([counters([ETHER])], version=4), False),
        (dgram([counters([ETHER])], version=2, v6=True), False),
        (dgram([counters([ETHER])], ipver=3), False),
        (dgram([], ipver=7)[:36], False),
        (dgram([])[:20], False),
        (dgram([], v6=True)[:32], False),
        (dgram([], v6=True, version=2)[:32], False),
        (dgram([])[:28] + b"\0\0\0", False),
        (be(5, 1, 0), False),
        (be(5), False),
        (dgram([counters([ETHER])])[:-2], False),
        (dgram([counters([ETHER])]) + b"\0\0\0\0\0", False),
    ]


def frames():
    rich, spill, msgs = sflow_messages()
    out = [(udp(36123, SFLOW, m, v6=v6), None) for m, v6 in msgs]
    out.append((udp(SFLOW, 40000, msgs[2][0]), None))  # by the source port
    f = udp(36123, SFLOW, rich)
    out += [(f, c) for c in range(42, len(f))]
    f = udp(36123, SFLOW, spill)
    out += [(f, c) for c in range(42 + 40, len(f))]
    f = udp(36123, SFLOW, msgs[2][0], v6=True)
    out += [(f, c) for c in range(62, 62 + 48)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
