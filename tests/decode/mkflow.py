#!/usr/bin/env python3
"""mkflow.py: a capture of sFlow, HNCP and Zephyr messages for compare.py
(the decoder against tcpdump, issue 14, helper decflow).
sFlow v5 datagrams from IPv4 and IPv6 agents with flow, counter, expanded
and unknown samples, every counter and flow record tcpdump decodes, the
ones it only names, other enterprises; lengths past the datagram, a zero
length or type, too few bytes for a record's body, other versions, an
unknown agent address type, a datagram shorter than its header; and a rich
datagram cut short at every byte.
HNCP messages with every TLV tcpdump decodes and the type ranges it only
names, nested to every depth, each with wrong body lengths, prefixes past
their TLV, DHCP options with names, pointers and bit labels, TLVs past
the message; and a rich message cut short at every byte.
Zephyr notices of every class, instance and opcode tcpdump names, every
kind, server acks, subscriptions with and without their triple, long and
unprintable fields, other versions, notices ending early; and two cut
short at every byte.
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


HNCP = 8231
V4M = bytes(10) + b"\xff\xff"


def tlv(t, body, pad=True):
    out = struct.pack("!HH", t, len(body)) + body
    return out + (b"\0" * (-len(body) % 4) if pad else b"")


def labels(*names):
    out = b""
    for n in names:
        out += bytes([len(n)]) + n.encode()
    return out + b"\0"


def hncp_messages():
    nid = bytes.fromhex("31da78d2")
    v6p = bytes([48]) + bytes.fromhex("fd1ff88ce207")
    v4p = bytes([96 + 24]) + V4M + bytes([10, 0, 99])
    dh4 = tlv(37, bytes([6, 8, 192, 168, 1, 254, 10, 0, 0, 1, 42, 4, 10, 1, 1, 1, 119, 7]) + labels("ab", "cd") +
              bytes([99, 2, 1, 2]))
    dh6 = tlv(38, struct.pack("!HH", 23, 16) + bytes.fromhex("20010db8" + "00" * 11 + "01") +
              struct.pack("!HH", 31, 16) + bytes.fromhex("fe80" + "00" * 13 + "02") +
              struct.pack("!HH", 24, 10) + labels("home", "ab") + struct.pack("!HH", 99, 1) + b"x")
    policies = b"".join(tlv(43, b) for b in (b"\0", bytes([48]) + bytes.fromhex("fd1ff88ce207"),
                                               b"\x81" + labels("lan", "home"), b"\x82utf-8 text",
                                               b"\x83", b"\x90zz", b"\0\0", b"\x83\x01", b"\x20\x01",
                                               bytes([129, 3]) + b"ab", bytes([200])))
    ext = tlv(33, tlv(34, struct.pack("!II", 599, 299) + v6p + b"\0" + policies) +
              tlv(34, struct.pack("!II", 1000, 2000) + v4p + policies[:4]) + dh4 + dh6)
    state = (tlv(8, nid + struct.pack("!II", 1, 1)) + tlv(9, struct.pack("!II", 3, 20000)) +
             tlv(10, bytes([1, 0, 0, 0]) + bytes(range(32)) + b"common\0name") +
             tlv(32, bytes([0, 0, 0x04, 0x44]) + b"hnetd/cac971d") + ext +
             tlv(35, struct.pack("!IB", 3, 0x12) + v6p[:1] + bytes.fromhex("fd1ff88ce207dbbc")[:6]) +
             tlv(35, struct.pack("!IB", 1, 2) + v4p + tlv(1, b"")) +
             tlv(36, struct.pack("!I", 1) + V4M + bytes([10, 0, 99, 2])) +
             tlv(36, struct.pack("!I", 3) + bytes.fromhex("fd1ff88ce207dbbc" + "00" * 7 + "1b")) +
             tlv(39, bytes.fromhex("fd1ff88ce207" + "00" * 9 + "69") + b"\x06" + labels("lan", "r", "home")) +
             tlv(39, V4M + bytes([10, 0, 0, 1]) + b"\x01" + labels("116", "0", "10", "in-addr", "arpa")) +
             tlv(40, labels("home", "arpa")) +
             tlv(41, V4M + bytes([10, 0, 101, 27]) + b"\x02r1") +
             tlv(42, bytes(range(100, 132))) +
             tlv(0, b"abc") + tlv(6, b"") + tlv(7, b"") + tlv(100, b"x") + tlv(800, b"") + tlv(2000, b"yz"))
    rich = (tlv(3, nid + b"\0\0\0\3") + tlv(4, bytes.fromhex("2ae5f77255200bcc")) +
            tlv(5, nid + struct.pack("!II", 19, 160088) + bytes.fromhex("800088c8e0714638") + state) +
            tlv(5, nid + struct.pack("!II", 12, 5) + bytes(8)))
    bad = [
        tlv(1, b""), tlv(1, b"x"), tlv(2, nid), tlv(2, nid + b"x"), tlv(3, nid), tlv(4, b"1234567"),
        tlv(5, bytes(19)), tlv(8, bytes(11)), tlv(9, bytes(7)), tlv(10, bytes(36)), tlv(32, bytes(4)),
        tlv(34, bytes(8)), tlv(34, struct.pack("!II", 1, 2) + b"\x40" + bytes(3)),
        tlv(34, struct.pack("!II", 1, 2) + b"\xff" + bytes(40)),  # length past 128
        tlv(34, struct.pack("!II", 1, 2) + bytes([96 + 40]) + V4M + bytes(8)),  # past 32
        tlv(35, bytes(5)), tlv(35, struct.pack("!IB", 1, 2) + b"\x81" + bytes(20)),
        tlv(36, bytes(19)), tlv(37, b""), tlv(37, bytes([6, 3, 1, 2, 3])), tlv(37, bytes([6, 9]) + bytes(4)),
        tlv(37, bytes([119, 4, 0xc0, 0, 1, 0])), tlv(37, bytes([119, 3, 0x41, 0, 0])),
        tlv(37, bytes([119, 11, 0x41, 12, 0xab, 0xcd, 0x41, 3, 0xff, 0x41, 7, 0xff, 0])),
        tlv(37, bytes([119, 7, 2, 0x61, 0x62, 0xc0, 0x00, 0x01, 0x63, 0x00])),  # a pointer past the option
        tlv(37, bytes([119, 3, 0x80, 0x61, 0])), tlv(37, bytes([119, 2, 1, 0x61])), tlv(37, b"\x06"),
        tlv(38, b""), tlv(38, struct.pack("!HH", 23, 8) + bytes(8)), tlv(38, struct.pack("!HH", 24, 3) + b"\x05ab"),
        tlv(38, b"\0\x17\0"),
        tlv(39, bytes(16)), tlv(39, bytes(17) + b"\x05abc"), tlv(40, b""), tlv(40, b"\x09abc"),
        tlv(41, bytes(16)), tlv(41, bytes(16) + b"\x09abc"), tlv(41, bytes(16) + b"\x40" + bytes(64)),
        tlv(41, bytes(16) + b"\x03a\0c" + tlv(1, b"")), tlv(42, bytes(31)),
        tlv(43, b""), tlv(43, b"\x82" + b"a\x01\xffb"),
        tlv(3, nid + bytes(4))[:6],  # a header past the message
        tlv(3, nid + bytes(4))[:10],  # a body past the message
        tlv(33, tlv(3, nid + bytes(4))[:10]),  # the same, nested
        tlv(33, struct.pack("!HH", 3, 40) + bytes(4)) + tlv(1, b""),
        tlv(4, bytes(8), pad=False) + b"\0\x01",
    ]
    runs = tlv(3, nid + bytes(4)) * 3 + tlv(1, b"") + tlv(2, nid) * 2 + tlv(1, b"")
    return rich, [rich, runs, b"", b"\0", b"\0\x01\0"] + bad


ZEPHYR_CLT = 2104
ZEPHYR_SRV = 2103


def notice(kind, cls, inst, op, sender="kolya@ATHENA.MIT.EDU", recipient="", version="ZEPH0.2", extra=(),
           nfields=None):
    fields = [version, "%x" % 17, kind, "uid-1234", "7f3", "1", "0", "", cls, inst, op, sender, recipient,
              "", "3a2b", "0", "uid-1234"][:nfields] + list(extra)
    return b"".join((x.encode("latin-1") if isinstance(x, str) else x) + b"\0" for x in fields)


def zephyr_messages():
    rows = [
        ("USER_LOCATE", "joe", "USER_HIDE"), ("USER_LOCATE", "joe", "USER_UNHIDE"),
        ("USER_LOCATE", "joe", "LOCATE"), ("ZEPHYR_ADMIN", "x", "Brain-Dump"),
        ("ZEPHYR_CTL", "CLIENT", "GIMME"), ("ZEPHYR_CTL", "CLIENT", "GIMMEDEFS"),
        ("ZEPHYR_CTL", "CLIENT", "CLEARSUB"), ("ZEPHYR_CTL", "CLIENT", "Flush"),
        ("ZEPHYR_CTL", "HM", "BOOT"), ("ZEPHYR_CTL", "REALM", "ADD_SUBSCRIBE"),
        ("ZEPHYR_CTL", "REALM", "REQ_SUBSCRIBE"), ("ZEPHYR_CTL", "REALM", "RLM_SUBSCRIBE"),
        ("ZEPHYR_CTL", "REALM", "RLM_UNSUBSCRIBE"), ("ZEPHYR_CTL", "REALM", "OTHER"),
        ("ZEPHYR_CTL", "OTHER", "X"), ("HM_CTL", "Server", "SHUTDOWN"),
        ("HM_STAT", "HMST_CLIENT", "GIMMESTATS"), ("HM_STAT", "HMST_CLIENT", "OTHER"),
        ("WG_CTL", "Inst", "Op"), ("LOGIN", "joe", "USER_FLUSH"), ("LOGIN", "joe", "NONE"),
        ("LOGIN", "joe", "OPSTAFF"), ("LOGIN", "joe", "REALM-VISIBLE"), ("LOGIN", "joe", "REALM-ANNOUNCED"),
        ("LOGIN", "joe", "NET-VISIBLE"), ("LOGIN", "joe", "NET-ANNOUNCED"), ("LOGIN", "joe", "OTHER"),
        ("MESSAGE", "PERSONAL", "PING"), ("MESSAGE", "personal", ""),
    ]
    out = [notice("2", c, i, o) for c, i, o in rows]
    triple = ["message", "white-magic", ""]
    for op in ("SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE"):
        out += [notice("1", "ZEPHYR_CTL", "CLIENT", op, extra=triple),
                notice("5", "ZEPHYR_CTL", "CLIENT", op, extra=["SENT"] + triple),
                notice("1", "ZEPHYR_CTL", "CLIENT", op, extra=triple[:2])]
    out += [notice(k, "MESSAGE", "PERSONAL", "", recipient="joe@ATHENA") for k in
            ("0", "3", "4", "6", "7", "8", "9", "ffffffff", "0x5", "zz", "-2")]
    out += [
        notice("5", "MESSAGE", "i", "o", extra=["SENT"]), notice("5", "MESSAGE", "i", "o", extra=["LOST"]),
        notice("5", "MESSAGE", "i", "o"),
        notice("1", "MESSAGE", "i", "o", sender=""), notice("1", "MESSAGE", "i", "o", sender="a\x01b\xe9c"),
        notice("1", "M" * 300, "i", "o"), notice("1", "ZEPHYR_ADMIN", "i", "Q" * 300),
        notice("1", "MESSAGE", "i", "o", version="ZEPH0.3"), notice("1", "MESSAGE", "i", "o", version="ZEPH\x80"),
        notice("1", "MESSAGE", "i", "o", version="FOO0.2"), notice("1", "MESSAGE", "i", "o", version="ZEP"),
        notice("1", "MESSAGE", "i", "o", nfields=16), notice("1", "MESSAGE", "i", "o", nfields=5),
        notice("1", "MESSAGE", "i", "o")[:-1], b"ZEPH0.2", b"",
    ]
    return out


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
    hrich, hmsgs = hncp_messages()
    out += [(udp(HNCP, HNCP, m, v6=True), None) for m in hmsgs]
    out.append((udp(40000, HNCP, hmsgs[1]), None))
    f = udp(HNCP, HNCP, hrich, v6=True)
    out += [(f, c) for c in range(62, len(f))]
    zmsgs = zephyr_messages()
    out += [(udp(ZEPHYR_SRV if i % 2 else 40001, ZEPHYR_CLT, m), None) for i, m in enumerate(zmsgs)]
    out.append((udp(ZEPHYR_SRV, 40001, zmsgs[0]), None))
    for m in (zmsgs[0], zmsgs[29]):
        f = udp(40001, ZEPHYR_CLT, m)
        out += [(f, c) for c in range(42, len(f))]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
