#!/usr/bin/env python3
"""mkblanksll.py: Linux cooked (SLL) frames whose lines once ended blank
(issue 14, helper blank) for compare.py: Novell raw 802.3 (IPX), 802.2
with XIDs and SNAP, Linux protocol numbers tcpdump has no printer for,
VLAN TPIDs other than 802.1Q (no printer in tcpdump's cooked printer),
every ethertype tcpdump names without a printer, behind an 802.1Q tag
too, and the ethertype printers of mkblank.py.  The expected output is
whatever tcpdump prints for them.  Deterministic.
usage: mkblanksll.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import write  # noqa: E402
from mkblank import BODY, NO_PRINTER, ddp, ip_packet, llc, snap  # noqa: E402

LINKTYPE = 113  # LINKTYPE_LINUX_SLL


def sll(proto, payload, pkttype=0, addr=bytes([2, 0, 0, 0, 0, 1])):
    return struct.pack("!HHH", pkttype, 1, len(addr)) + addr.ljust(8, b"\0") + struct.pack("!H", proto) + payload


def ipx(dskt=0x4003, length=None, data=b"ipxdata"):
    hdr = struct.pack("!HHBB", 0xffff, 30 + len(data) if length is None else length, 0, 4)
    return hdr + struct.pack("!I6sH", 1, bytes(range(6)), dskt) + struct.pack("!I6sH", 2, bytes(range(6, 12)), 0x4004) + data


def frames():
    out = []
    # Novell raw 802.3: IPX, cut short, a bad length
    out += [(sll(0x0001, ipx()), None), (sll(0x0001, ipx(length=20)), None), (sll(0x0001, ipx(0x0453, data=b"\0\x02")), None)]
    out += [(sll(0x0001, ipx()), n) for n in range(16, 47, 5)]
    # 802.2: an XID, SNAP with an unknown OUI, an unknown SAP
    out += [(sll(0x0004, llc(0x80, 0x80, 0xaf, b"\x81\x01\x02")), None), (sll(0x0004, snap(0x123456, 7, BODY)), None),
            (sll(0x0004, llc(0x12, 0x14, 0x03, BODY)), None), (sll(0x0004, llc(0x80, 0x80, 0xaf, b"\x81")), None)]
    # Linux protocol numbers without a printer (at or below 1500)
    out += [(sll(p, BODY, pkttype=t), None) for p, t in ((0x0002, 4), (0x0005, 1), (0x000c, 2), (0x0500, 3))]
    # VLAN TPIDs tcpdump's cooked printer has no printer for, and 802.1Q
    for tpid in (0x88a8, 0x9100, 0x9200):
        out.append((sll(tpid, struct.pack("!HH", 0x0064, 0x0800) + ip_packet()), None))
        out.append((sll(0x8100, struct.pack("!HH", 0x2064, tpid) + BODY), None))
    out.append((sll(0x8100, struct.pack("!HH", 0x0064, 0x0800) + ip_packet()), None))
    out.append((sll(0x8100, struct.pack("!HH", 0x0064, 0x0020) + llc(0x80, 0x80, 0x03, BODY)), None))
    # ethertypes without a printer, alone and behind a tag; Arista and
    # jumbo frames have printers only in tcpdump's Ethernet printer
    for t in NO_PRINTER + [0xd28b, 0x8870]:
        out.append((sll(t, BODY, pkttype=4), None))
        out.append((sll(0x8100, struct.pack("!HH", 0x0005, t) + BODY), None))
    # the ethertype printers of mkblank.py
    nlb = bytes(8) + struct.pack("<I", 3) + bytes([192, 0, 2, 1, 192, 0, 2, 7])
    out += [(sll(0x809b, ddp(1, 2, 3, 4, 1, 1, 1)), None), (sll(0x809b, b"\0\x05"), None), (sll(0x886f, nlb), None),
            (sll(0x886f, nlb[:14]), None), (sll(0x3c12, struct.pack("!BBHH", 0x11, 0x09, 0, 0)), None)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames(), LINKTYPE)
