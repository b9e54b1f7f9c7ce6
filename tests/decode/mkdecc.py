#!/usr/bin/env python3
"""mkdecc.py: a capture of the protocols of the "decc" decoders for
compare.py (the decoder against tcpdump): BCM-LI shims (every direction,
packet type and subtype, IPv4, IPv6, Ethernet and unknown payloads, too
short); and copies of rich messages cut short at every byte.  The
expected output is whatever tcpdump prints for them.  Deterministic: the
capture is the same every time.
usage: mkdecc.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, udp, tcp, write  # noqa: E402,F401  framing, pcap writer


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


def frames():
    out, rich = [], []
    for m in bcmli_messages():
        out.append((udp(49152, 49153, m), None))
    out.append((udp(49153, 49152, bcmli_messages()[0]), None))  # source port only
    rich.append(udp(49152, 49153, bcmli_messages()[0]))
    rich.append(udp(49152, 49153, bcmli_messages()[6]))
    for f in rich:
        for cut in range(14, len(f)):
            out.append((f, cut))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
