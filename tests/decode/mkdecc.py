#!/usr/bin/env python3
"""mkdecc.py: a capture of the protocols of the "decc" decoders for
compare.py (the decoder against tcpdump): BCM-LI shims (every direction,
packet type and subtype, IPv4, IPv6, Ethernet and unknown payloads, too
short); AFS RX (every packet type and flag, every operation of every
service called with a few argument patterns and answered by data and
abort replies, ubik, acks with ranges, over IPv4 and IPv6); OpenFlow
1.0 messages of every type with bodies right and wrong, 1.3 and other
versions' headers and length rules, several per segment and cut short;
BGP framing (markers, keepalives, junk, bogus lengths); and copies
of rich messages cut short at every byte.  The
expected output is whatever tcpdump prints for them.  Deterministic: the
capture is the same every time.
usage: mkdecc.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, ip4, udp, tcp, write  # noqa: E402,F401  framing, pcap writer
from pcapbytes import csum  # noqa: E402

CLIENT, SERVER = b"\x0a\0\0\x01", b"\x0a\0\0\x02"


def udp4(sport, dport, data, src=CLIENT, dst=SERVER):
    """UDP over IPv4 between the given addresses (the RX call table keys on them)."""
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    et, h, s, d = ip4(17, u, src, dst)
    c = csum(s + d + struct.pack("!xBH", 17, len(u)) + u) or 0xffff
    return ETH_DST + ETH_SRC + et + h + u[:6] + struct.pack("!H", c) + u[8:]


def bcmli_shim(direction, ptype, sub, liid):
    return struct.pack("!I", direction << 29 | ptype << 25 | sub << 22 | liid)


def bcmli_messages():
    inner4 = udp(40000, 53, b"\x12\x34\x01\x00\0\x01\0\0\0\0\0\0\x07example\x03com\0\0\x01\0\x01")[14:]
    inner6 = udp(40000, 53, b"\x12\x34\x01\x00\0\x01\0\0\0\0\0\0\0\0\x01\0\x01", v6=True)[14:]
    eth = udp(40000, 123, b"\x23" + bytes(47))
    out = []
    for ptype, pl in ((4, inner4), (4, inner6), (4, b"\x55abc"), (4, b""), (5, inner4), (6, inner6),
                      (7, eth), (7, eth[:10]), (7, b""), (0, inner4), (8, inner4), (15, b"x")):
        out.append(bcmli_shim(3, ptype, 2, 66666) + pl)
    for direction in range(8):
        out.append(bcmli_shim(direction, 5, direction, 0x3fffff - direction) + inner4)
    out += [b"", b"\x68", b"\x68\x81\x04"]
    return out


def rx_hdr(ptype, flags, callnum=7, seq=1, serial=9, service=1, secidx=2):
    return struct.pack("!IIIIIBBBBHH", 0x12345678, 0xabcd0000, callnum, seq, serial, ptype, flags, 0, secidx,
                       0, service)


W = lambda *v: b"".join(struct.pack("!I", x & 0xffffffff) for x in v)  # noqa: E731


def rx_blobs():
    """Argument patterns: every word 3 (short strings, lists of 3, small
    dates), every word 1, real strings and an ACL, and seeded noise."""
    import random
    rnd = random.Random(14)
    name = W(6) + b"tmpdir\0\0"
    acl = b"2 1\nsystem:administrators 127\nkenh 9\nbad 64\n"
    return [W(*[3] * 120), W(*[1] * 120), W(1, 2, 3) + name + W(0x40f, 941234567, 4, 5, 0o40755, 8) + name + W(1, 2, 3) * 10,
            W(len(acl)) + acl + W(3) * 4, bytes(rnd.getrandbits(8) for _ in range(300)),
            W(2, 1, 2, 3, 4, 5, 6, 2, 11, 0x7fffffff, 1, 12, 0x80000000, 2) + W(*[0x41] * 70)]


RX_SERVICES = {  # port: operation numbers (tcpdump's tables and a few unknown)
    7000: list(range(129, 165)) + [220, 65536, 65537, 65538, 65539, 65540, 65541, 65542],
    7001: list(range(203, 220)) + [65536, 65537, 65538, 65539],
    7002: list(range(499, 523)) + [530, 531],
    7003: list(range(500, 536)),
    7004: list(range(0, 25)),
    7005: list(range(99, 130)) + [65536, 65537, 65538, 655537],
    7007: list(range(79, 118)),
}
UBIK = list(range(10000, 10009)) + list(range(20000, 20015))


def rx_calls():
    """(call, reply data, reply abort) frames of every operation."""
    out = []
    blobs = rx_blobs()
    call = 100
    for port, ops in sorted(RX_SERVICES.items()):
        if port in (7002, 7003, 7004):
            ops = ops + UBIK
        for op in ops:
            for i, b in enumerate(blobs if port == 7000 else blobs[:3] + blobs[4:]):
                call += 1
                c = rx_hdr(1, 1 | 4, callnum=call, service=port - 6999) + W(op) + b
                out.append(udp4(7001, port, c))
                r = rx_hdr(1 if i != 1 else 4, 4, callnum=call, service=port - 6999) + b
                out.append(udp4(port, 7001, r, SERVER, CLIENT))
            call += 1  # a call without arguments, an abort with an error code
            out.append(udp4(7001, port, rx_hdr(1, 1, callnum=call, service=port - 6999) + W(op)))
            for err in (101, 112, 0xffffff9c, 7, 0):
                out.append(udp4(port, 7001, rx_hdr(4, 0, callnum=call, service=port - 6999) + W(err), SERVER, CLIENT))
    return out


def rx_acks():
    out = []
    lists = [b"", b"\1", b"\0", b"\1\1\1\0\1\0\0\1\1", b"\0\0\1\0\1\1\1\0\0", b"\1\0" * 5, b"\2\1\1\2"]
    for i, acks in enumerate(lists):
        body = struct.pack("!HHIIIBB", 16, 3, 100 + i, 99, 555, i % 11, len(acks)) + acks + b"\0" * 3
        for tail in (b"", W(5692), W(5692, 1444, 32, 4), W(1, 2, 3, 4, 5)):
            out.append(rx_hdr(2, 1 | 32, seq=0) + body + tail)
    out.append(rx_hdr(2, 0) + struct.pack("!HHIIIBB", 1, 2, 3, 4, 5, 6, 200) + b"\1" * 10)  # list cut short
    out.append(rx_hdr(2, 0) + b"\0" * 10)
    return out


def rx_messages():
    """Header variants: every type and flag."""
    out = []
    for t in list(range(0, 15)) + [255]:
        for flags in (0, 1, 2, 4, 8, 16, 32, 63, 255):
            out.append(rx_hdr(t, flags, seq=3))
    out += [rx_hdr(1, 1)[:27], b"", rx_hdr(3, 0) + b"abc", rx_hdr(1, 0, seq=1)]
    return out


def of_msg(t, body=b"", version=1, xid=0x11, length=None):
    return struct.pack("!BBHI", version, t, 8 + len(body) if length is None else length, xid) + body


def of_match(wild=0, dl_type=0x0800, proto=1):
    return struct.pack("!IH6s6sHBxHBBxx4s4sHH", wild, 3, bytes(range(1, 7)), bytes(range(7, 13)), 100, 5, dl_type, 0x10,
                       proto, b"\x0a\0\0\x01", b"\xc0\xa8\x01\x02", 8, 0)


def of_actions():
    """Every action type, right and wrong lengths, vendor (BSN mirror)."""
    a = [struct.pack("!HHHH", 0, 8, 0xfffd, 128), struct.pack("!HHHH", 0, 8, 3, 0), struct.pack("!HHHxx", 1, 8, 4095),
         struct.pack("!HHHxx", 1, 8, 0xffff), struct.pack("!HHHxx", 1, 8, 12), struct.pack("!HHBxxx", 2, 8, 9),
         struct.pack("!HHxxxx", 3, 8), struct.pack("!HH6s6x", 4, 16, b"\1\2\3\4\5\6"),
         struct.pack("!HH6s6x", 5, 16, b"\x0a\2\3\4\5\6"), struct.pack("!HH4s", 6, 8, b"\1\2\3\4"),
         struct.pack("!HH4s", 7, 8, b"\5\6\7\x08"), struct.pack("!HHBxxx", 8, 8, 0x2e), struct.pack("!HHHxx", 9, 8, 80),
         struct.pack("!HHHxx", 10, 8, 443), struct.pack("!HHH6xI", 11, 16, 0xfffe, 0xffffffff),
         struct.pack("!HHH6xI", 11, 16, 2, 7), struct.pack("!HHI", 0xffff, 8, 0x2320),
         struct.pack("!HHIIIIBxxx", 0xffff, 24, 0x5c16c7, 1, 5, 0x81000000 | 0x1000 | 0x2000 | 17, 1),
         struct.pack("!HHIIIIBxxx", 0xffff, 24, 0x5c16c7, 1, 5, 0, 0), struct.pack("!HHIIIIBxxx", 0xffff, 24, 0x5c16c7, 1, 5, 0x12340000, 3),
         struct.pack("!HHII", 0xffff, 16, 0x5c16c7, 2) + bytes(4), struct.pack("!HHII", 0xffff, 16, 0x5c16c7, 1) + bytes(4),
         struct.pack("!HH4x", 12, 8), struct.pack("!HH4x", 0, 16) + bytes(8), struct.pack("!HHI", 0xffff, 12, 1) + bytes(4)]
    return a


def of_port(no=1, config=0x7f, state=0x201, feat=0x2ff):
    return struct.pack("!H6s16sIIIIII", no, b"\0\1\2\3\4\5", b"eth1\0junk", config, state, feat, feat | 0x1000, 0, 0xffff)


def of_messages():
    out = [of_msg(0), of_msg(0, b"hi there"), of_msg(2, bytes(range(20))), of_msg(3), of_msg(5), of_msg(7), of_msg(18),
           of_msg(19), of_msg(5, b"xxxx"), of_msg(22), of_msg(0xff, b"abcd")]
    for et in range(7):
        for code in (0, 1, 5, 8, 9):
            out.append(of_msg(1, struct.pack("!HH", et, code) + b"data"))
    out += [of_msg(1, b"\0\1"), of_msg(1, struct.pack("!HH", 1, 2))]
    for sub in list(range(0, 37)):
        for body in (b"", bytes(4), bytes([1, 0, 0, 0, 255, 255, 255, 0]), b"\0\0\0\5show clock"):
            out.append(of_msg(4, struct.pack("!II", 0x5c16c7, sub) + body))
    for vendor in (0x2320, 0x4f4e4600, 0xabcdef, 0xff000009, 0xff000003):
        out.append(of_msg(4, struct.pack("!I", vendor) + b"vendordata"))
    out += [of_msg(4, b"\0\0"), of_msg(4, struct.pack("!I", 0x5c16c7) + b"\0\0")]
    out.append(of_msg(6, struct.pack("!QIBxxxII", 0x89e0162d5f4, 256, 1, 0xff, 0x1fff) + of_port() + of_port(0xfffe, 0, 0, 0)
                      + of_port(7, 0x80, 0x301, 0x1000)))
    out += [of_msg(6, struct.pack("!QIBxxxII", 1, 2, 3, 0x87, 0x3f) + b"short"), of_msg(6, bytes(20))]
    for flags in range(4):
        out += [of_msg(8, struct.pack("!HH", flags, 128)), of_msg(9, struct.pack("!HH", flags, 0xffff))]
    out.append(of_msg(9, b"\0"))
    eth = udp(40000, 53, b"\x12\x34\x01\0\0\1\0\0\0\0\0\0\0\0\1\0\1")
    for reason in range(3):
        out.append(of_msg(10, struct.pack("!IHHBx", 0xffffffff if reason else 77, len(eth), 0xfffe, reason) + eth))
    out += [of_msg(10, struct.pack("!IHHBx", 1, 0, 2, 0)), of_msg(10, b"\0" * 6)]
    for wild, dl_type, proto in ((0, 0x0800, 1), (0, 0x0806, 2), (0, 0x0800, 6), (0x3fffff, 0x0800, 1),
                                 (0x400000, 0x0800, 1), (0x10, 0x0800, 1), (0x20 | (8 << 8) | (40 << 14), 0x0800, 1),
                                 (0xffffffff, 0, 0)):
        for reason in (0, 2, 3):
            out.append(of_msg(11, of_match(wild, dl_type, proto) + struct.pack("!QHBxIIHxxQQ", 0xabc, 33000 * (reason != 3),
                                                                             reason, 53, 990000000, 5 * (reason == 2), 10, 1000)))
    out.append(of_msg(11, bytes(40)))
    for reason in range(4):
        out.append(of_msg(12, struct.pack("!B7x", reason) + of_port(5)))
    acts = b"".join(of_actions()[:22])
    out.append(of_msg(13, struct.pack("!IHH", 0xffffffff, 0xfffd, len(acts)) + acts + eth))
    out += [of_msg(13, struct.pack("!IHH", 1, 1, 200) + acts), of_msg(13, struct.pack("!IHH", 1, 1, 0))]
    for a in of_actions():
        out.append(of_msg(14, of_match(0) + struct.pack("!QHHHHIHH", 1, 0, 0, 0, 0, 0xffffffff, 0xffff, 1) + a))
    for cmd in range(6):
        out.append(of_msg(14, of_match(0x3fffff) + struct.pack("!QHHHHIHH", 0xfeed, cmd, 10, 20, 30, 5, 3, 0xf) + acts))
    out.append(of_msg(14, of_match(0) + struct.pack("!QHHHHIHH", 1, 0, 0, 0, 0, 0, 0, 0) + b"\0\0\0"))
    out.append(of_msg(15, struct.pack("!H6sIIIxxxx", 3, b"\1\2\3\4\5\6", 0x7f, 0x180, 0x2001)))
    for st, body in ((0, b""), (0, b"x"), (1, of_match(0) + b"\xff\0\xff\xfd"), (2, of_match(0x3fffff) + b"\x05\0\0\7"),
                     (3, b""), (4, struct.pack("!H6x", 0xfffe)), (5, struct.pack("!HxxI", 1, 0xffffffff)),
                     (5, struct.pack("!HxxI", 1, 9)), (1, b"short"), (0xffff, struct.pack("!I", 0x5c16c7) + b"abc"),
                     (6, b"zz"), (0xffff, b"\0")):
        out.append(of_msg(16, struct.pack("!HH", st, 1 if st == 3 else 0) + body))
    desc = b"".join(s.ljust(n, b"\0") for s, n in ((b"Maker", 256), (b"HW\x01", 256), (b"SW", 256), (b"SN1", 32), (b"DP", 256)))
    fstats = struct.pack("!HBx", 88 + 16, 0) + of_match(0) + struct.pack("!IIHHH6xQQQ", 1, 2, 3, 4, 5, 6, 7, 8) + of_actions()[0] + of_actions()[2]
    table = struct.pack("!B3x32sIIIQQ", 0, b"classifier", 0x3fffff, 100, 3, 4000, 3000)
    pstats = struct.pack("!H6x", 1) + struct.pack("!12Q", *range(12))
    qstats = struct.pack("!HxxIQQQ", 1, 2, 3, 4, 5)
    for st, flags, body in ((0, 0, desc), (0, 0, desc[:100]), (1, 1, fstats + fstats), (1, 0, fstats[:50]),
                            (1, 0, b"\0\x10" + fstats[2:]), (2, 0, struct.pack("!QQI4x", 1, 2, 3)), (2, 0, b"abc"),
                            (3, 2, table + table), (3, 0, table[:10]), (4, 0, pstats * 2), (4, 3, pstats[:50]),
                            (5, 0, qstats * 3), (5, 0, qstats + b"x"), (0xffff, 0, struct.pack("!I", 0x2320) + b"v"),
                            (9, 0, b"what")):
        out.append(of_msg(17, struct.pack("!HH", st, flags) + body))
    out += [of_msg(20, struct.pack("!Hxx", 0xfffc)), of_msg(20, struct.pack("!H", 1))]
    props = struct.pack("!HH4x", 0, 8) + struct.pack("!HH4xH6x", 1, 16, 500) + struct.pack("!HH4xH6x", 1, 16, 1001)
    badprops = [struct.pack("!HH4x", 0, 16) + bytes(8), struct.pack("!HH4x", 7, 8), struct.pack("!HH4x", 1, 4),
                struct.pack("!HH4xH6x", 1, 8, 5), struct.pack("!HH", 0, 8)]
    queue = struct.pack("!IH2x", 1, 8 + len(props)) + props
    out.append(of_msg(21, struct.pack("!H6x", 1) + queue + struct.pack("!IH2x", 2, 8)))
    for bp in badprops:
        out.append(of_msg(21, struct.pack("!H6x", 2) + struct.pack("!IH2x", 3, 8 + len(bp)) + bp))
    out += [of_msg(21, struct.pack("!H6x", 1) + struct.pack("!IH2x", 1, 4)), of_msg(21, struct.pack("!H6x", 1) + b"abc")]
    # other versions, every type, lengths around each rule
    for v in (0, 2, 3, 4, 5, 6, 0x7f):
        for t in range(0, 32) if v == 4 else (0, 5, 30):
            for n in (0, 4, 8, 12, 16, 24, 32, 40, 48, 80):
                out.append(of_msg(t, bytes(max(0, n - 8)), version=v, length=n))
    return out


def bgp_messages():
    """Segments of BGP messages: keepalives, bytes before a marker, a short
    length, an unknown type, an End-of-RIB, an OPEN, cut and bogus ones."""
    M = b"\xff" * 16

    def msg(t, body=b"", n=None):
        return M + struct.pack("!HB", 19 + len(body) if n is None else n, t) + body
    ka = msg(4)
    opn = msg(1, b"\4\0\1\0\xb4\1\2\3\4\0")
    return [ka, ka + ka, b"junk" + ka, ka + b"\xff\xff" + ka, ka + M + b"\0", msg(4, n=10), msg(4, n=40), msg(9),
            ka + msg(9, b"abc"), b"\xff" * 30, ka + M, ka[:10], msg(2, b"\0\0\0\0"), ka + opn, opn + msg(2, b"\0\0\0\0"),
            msg(2, b"\0\0\0\1\0"), msg(1, b"\4\0\1\0\xb4\1\2\3\4\2\2\0"), msg(3, b"\6\2"), msg(5, b"\0\1\0\1")]


def frames():
    out, rich = [], []
    out += [(udp(49152, 49153, m), None) for m in bcmli_messages()]
    out.append((udp(49153, 49152, bcmli_messages()[0]), None))  # source port only
    rich.append(udp(49152, 49153, bcmli_messages()[0]))
    out += [(udp4(7009, 7000, m), None) for m in rx_messages()] + [(udp4(7001, 7000, m), None) for m in rx_acks()]
    rich.append(udp4(7001, 7000, rx_acks()[15]))
    out += [(f, None) for f in rx_calls()]
    blob = rx_blobs()[2]
    for port, op in ((7000, 141), (7000, 139), (7003, 504), (7001, 204), (7002, 505), (7005, 103)):
        rich.append(udp4(7001, port, rx_hdr(1, 1, callnum=op, service=port - 6999) + W(op) + blob))
        rich.append(udp4(port, 7001, rx_hdr(1, 0, callnum=op, service=port - 6999) + blob, SERVER, CLIENT))
    ofs = of_messages()
    out += [(tcp(40000, 6653, m), None) for m in ofs]
    out += [(tcp(6633, 40000, b"".join(ofs[i:i + 4])), None) for i in range(0, 40, 4)]  # several per segment
    out += [(tcp(6653, 6633, m[:-3]), None) for m in ofs if len(m) > 11]  # cut short on the wire
    rich.append(tcp(40000, 6653, of_messages()[-1 - 7 * 3 * 10 - 32 * 10 - 20]))
    rich.append(tcp(40000, 6653, b"".join(m for m in ofs if m[1] in (6, 13, 17))[:700]))
    for m in bgp_messages():
        out += [(tcp(40000, 179, m), None), (tcp(179, 40000, m), len(tcp(179, 40000, m)) - 3)]
    v6 = rx_hdr(1, 1, callnum=77, service=1) + W(132, 1, 2, 3)
    out.append((udp(7001, 7000, v6, v6=True), None))
    out.append((udp(7000, 7001, rx_hdr(1, 0, callnum=77, service=1) + W(1), v6=True), None))
    rich.append(udp(49152, 49153, bcmli_messages()[6]))
    for f in rich:
        for cut in range(14 + 20 + 8 - 1, len(f)):  # from the UDP payload on
            out.append((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
