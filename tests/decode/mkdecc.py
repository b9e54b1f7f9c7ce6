#!/usr/bin/env python3
"""mkdecc.py: a capture of the protocols of the "decc" decoders for
compare.py (the decoder against tcpdump): BCM-LI shims (every direction,
packet type and subtype, IPv4, IPv6, Ethernet and unknown payloads, too
short); AFS RX (every packet type and flag, every operation of every
service called with a few argument patterns and answered by data and
abort replies, ubik, acks with ranges, over IPv4 and IPv6); and copies
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
