#!/usr/bin/env python3
"""mkwlan.py: a capture of 802.11 frames behind radiotap headers
(LINKTYPE_IEEE802_11_RADIO), well-formed and not, for compare.py (the
decoder against tcpdump): radiotap fields of every kind tcpdump prints
(rates, channels, signal, MCS, VHT, extended and vendor bitmaps, unknown
bits, the FCS and padding flags), management frames with their elements,
control frames, data frames of every address layout carrying LLC/SNAP
(IPv4, ARP, EAPOL) or protected; and copies of rich frames cut short at
every byte.  The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkwlan.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp  # Ethernet/IP/UDP framing (the IP packet is its tail)

LINKTYPE = 127  # LINKTYPE_IEEE802_11_RADIO

A1, A2, A3, A4 = (bytes([0x02, 0, 0, 0, 0, i]) for i in (1, 2, 3, 4))
BCAST = b"\xff" * 6


def radiotap(fields, present=None, words=()):
    """A radiotap header: fields are (bit, align, bytes) in bit order;
    words: extra presence words after the first."""
    if present is None:
        present = 0
        for bit, _, _ in fields:
            present |= 1 << bit
    pres = struct.pack("<I", present | (0x80000000 if words else 0))
    for i, w in enumerate(words):
        pres += struct.pack("<I", w | (0x80000000 if i + 1 < len(words) else 0))
    body = b""
    off = 4 + len(pres)
    for _, align, data in fields:
        while (off + len(body)) % align:
            body += b"\0"
        body += data
    return struct.pack("<BBH", 0, 0, off + len(body)) + pres + body


def rt_basic(flags=0):
    return radiotap([(1, 1, bytes([flags])), (2, 1, b"\x02"), (3, 2, struct.pack("<HH", 2412, 0xa0)),
                     (5, 1, struct.pack("b", -40)), (6, 1, struct.pack("b", -90)), (11, 1, b"\x01")])


def mgmt(st, body, fc_flags=0, da=BCAST, sa=A2, bssid=A3):
    return struct.pack("<HH", st << 4 | fc_flags << 8, 314) + da + sa + bssid + b"\x10\x00" + body


def ie(i, data):
    return bytes([i, len(data)]) + data


SSID = ie(0, b"home-net") + ie(1, b"\x82\x84\x8b\x96\x0c\x12\x18\x24") + ie(3, b"\x06") + ie(5, b"\0\1\0\0")


def data(fc_flags, body, st=0, addr4=True):
    h = struct.pack("<HH", 0x08 | st << 4 | fc_flags << 8, 44) + A1 + A2 + A3 + b"\x20\x00"
    if fc_flags & 3 == 3 and addr4:
        h += A4
    if st & 8:
        h += b"\x05\x00"
    return h + body


SNAP_IP = b"\xaa\xaa\x03\0\0\0\x08\x00" + udp(1234, 9, b"hello")[14:]
SNAP_ARP = b"\xaa\xaa\x03\0\0\0\x08\x06" + struct.pack("!HHBBH", 1, 0x800, 6, 4, 1) + A2 + \
    b"\x0a\0\0\x01" + bytes(6) + b"\x0a\0\0\x02"
SNAP_EAPOL = b"\xaa\xaa\x03\0\0\0\x88\x8e" + b"\x02\x03\x00\x05" + b"\x02\x00\x8a\x00\x10"


def radio_headers():
    """Radiotap headers of every field kind, each before an ACK."""
    ack = struct.pack("<HH", 0xd4, 0) + A1
    f = []
    f.append(radiotap([(0, 8, struct.pack("<Q", 123456789012)), (1, 1, b"\x4f"), (2, 1, b"\x6c")]))
    f.append(radiotap([(2, 1, b"\x85"), (3, 2, struct.pack("<HH", 5180, 0x140))]))
    f.append(radiotap([(2, 1, b"\x8f"), (3, 2, struct.pack("<HH", 5200, 0x4140))]))
    f.append(radiotap([(2, 1, b"\x90"), (3, 2, struct.pack("<HH", 5200, 0x8150))]))
    f.append(radiotap([(3, 2, struct.pack("<HH", 2437, 0x4c0)), (4, 1, b"\x03\x07")]))
    f.append(radiotap([(3, 2, struct.pack("<HH", 2437, 0x8c0))]))
    f.append(radiotap([(3, 2, struct.pack("<HH", 2437, 0x4480))]))
    f.append(radiotap([(3, 2, struct.pack("<HH", 2412, 0x8a0))]))
    f.append(radiotap([(7, 2, b"\x40\x00"), (8, 2, b"\x03\x00"), (9, 2, b"\x05\x00"), (10, 1, b"\xf6"),
                       (12, 1, b"\xc8"), (13, 1, b"\x10"), (14, 2, b"\x01\x00")]))
    f.append(radiotap([(3, 2, struct.pack("<HH", 2412, 0xa0)), (18, 4, struct.pack("<IHBB", 0x100a0, 2462, 11, 30))]))
    f.append(radiotap([(18, 4, struct.pack("<IHBB", 0x20140, 5745, 149, 30))]))
    f.append(radiotap([(18, 4, struct.pack("<IHBB", 0x400c0, 2422, 3, 30))]))
    for known, flags, idx in ((0x07, 0x00, 7), (0x07, 0x05, 15), (0x3f, 0x7d, 33), (0x07, 0x01, 32), (0x07, 0x00, 32),
                              (0x07, 0x04, 76), (0x02, 0x00, 5), (0x07, 0x00, 77), (0x7f, 0x12, 0), (0x18, 0x08, 3),
                              (0x06, 0x06, 44), (0x01, 0x03, 9), (0x05, 0x02, 60)):
        f.append(radiotap([(3, 2, struct.pack("<HH", 2412, 0xa0)), (19, 1, bytes([known, flags, idx]))]))
    f.append(radiotap([(20, 4, struct.pack("<IHBB", 7, 3, 0, 0)), (5, 1, b"\xd0")][::-1]))
    for known, flags, bw, nss, coding in ((0x44, 0x04, 4, (0x71, 0, 0, 0), 0), (0x44, 0, 11, (0x92, 0x31, 0, 0x12), 0x9),
                                          (0x40, 0, 26, (0, 0, 0, 0), 0), (0x04, 0x04, 1, (0x01, 0, 0, 0), 1)):
        f.append(radiotap([(21, 2, struct.pack("<HBB4BBBH", known, flags, bw, *nss, coding, 0, 0))]))
    f.append(radiotap([(2, 1, b"\x04"), (15, 2, b"\0\0"), (5, 1, b"\xc0")]))
    # extended bitmaps: a second word in the radiotap namespace, a
    # vendor namespace skipped, back to radiotap
    f.append(radiotap([(2, 1, b"\x04"), (5, 1, b"\xc0")], present=0x24, words=(0x1,)))
    f.append(radiotap([(2, 1, b"\x0c"), (30, 2, b"\x00\x11\x22\x01\x04\x00"), (0, 1, b"abcd"), (5, 1, b"\xd8")],
                      present=0x40000004, words=(0x3, 0x20)))
    f.append(radiotap([(2, 1, b"\x0c")], present=0x60000004))
    return [h + ack for h in f]


def frames():
    out = []
    rt = rt_basic()
    for h in radio_headers():
        out.append((h, None))
    mg = [mgmt(8, struct.pack("<QHH", 1, 100, 0x11) + SSID), mgmt(8, struct.pack("<QHH", 1, 100, 0x2) + ie(1, b"")),
          mgmt(5, struct.pack("<QHH", 1, 100, 0x31) + SSID, da=A1), mgmt(5, struct.pack("<QHH", 1, 100, 1)),
          mgmt(4, ie(0, b"") + ie(1, b"\x02\x04")), mgmt(4, ie(0, b"a\x01b\xe9\0c") + ie(1, b"\x02")),
          mgmt(0, struct.pack("<HH", 0x11, 10) + SSID), mgmt(2, struct.pack("<HH", 0x11, 10) + A4 + SSID),
          mgmt(1, struct.pack("<HHH", 0x11, 0, 0xc005) + SSID), mgmt(3, struct.pack("<HHH", 0x01, 17, 3)),
          mgmt(1, struct.pack("<HHH", 0x01, 300, 3)), mgmt(9, b""), mgmt(10, struct.pack("<H", 8)),
          mgmt(10, struct.pack("<H", 999)), mgmt(11, struct.pack("<HHH", 0, 1, 0)),
          mgmt(11, struct.pack("<HHH", 1, 2, 0) + ie(16, b"x" * 128)), mgmt(11, struct.pack("<HHH", 1, 3, 15)),
          mgmt(11, struct.pack("<HHH", 7, 5, 200)), mgmt(12, struct.pack("<H", 3)), mgmt(12, struct.pack("<H", 66)),
          mgmt(13, b"\x03\x00"), mgmt(13, b"\x03\x02"), mgmt(13, b"\x03\x09"), mgmt(13, b"\x07\x01"),
          mgmt(13, b"\x0d\x0a"), mgmt(13, b"\x0e\x01"), mgmt(13, b"\x0f\x05"), mgmt(13, b"\x0f\x00"),
          mgmt(13, b"\x00\x04"), mgmt(13, b"\x01\x01"), mgmt(13, b"\x02\x02"), mgmt(13, b"\x7f\x09"),
          mgmt(13, b"\x63\x01"), mgmt(13, b"\x03"), mgmt(6, b""), mgmt(14, b"xx"),
          mgmt(8, struct.pack("<QHH", 1, 100, 0x11), fc_flags=0x40) + b"\x01\x02\x03\x44",
          mgmt(11, b"", fc_flags=0x40) + b"\x01\x02", mgmt(8, struct.pack("<QHH", 1, 100, 1) + ie(0, b"y" * 33)),
          mgmt(8, struct.pack("<QHH", 1, 100, 1) + ie(1, bytes(17))), mgmt(8, struct.pack("<QHH", 1, 100, 1) + b"\x00"),
          mgmt(8, struct.pack("<QHH", 1, 100, 1) + ie(0, b"a") + ie(0, b"b") + ie(3, b"\x01\x02") + ie(3, b"\x07")),
          mgmt(8, struct.pack("<QHH", 1, 100, 1) + ie(16, bytes(254)) + ie(221, b"vendor")),
          mgmt(8, b"\0" * 11)]
    for f in mg:
        out.append((rt + f, None))
    ctl = [struct.pack("<HH", 0xb4, 100) + A1 + A2, struct.pack("<HH", 0xc4, 0) + A1,
           struct.pack("<HH", 0xd4, 0) + A1, struct.pack("<HH", 0xa4, 0xc005) + A3 + A2,
           struct.pack("<HH", 0xe4, 0) + A1 + A3, struct.pack("<HH", 0xf4, 0) + A1 + A3,
           struct.pack("<HH", 0x84, 0) + A1 + A2 + struct.pack("<HH", 4, 0x120),
           struct.pack("<HH", 0x94, 0) + A1 + A2 + bytes(8), struct.pack("<HH", 0x74, 0) + A1 + bytes(10),
           struct.pack("<HH", 0x64, 0) + A1, struct.pack("<HH", 0x14, 0) + A1, struct.pack("<HH", 0x0c, 0) + A1,
           struct.pack("<HH", 0xb4 | 0x3f00, 7) + A1 + A2, struct.pack("<HH", 0xb4, 100) + A1]
    for f in ctl:
        out.append((rt + f, None))
    dat = [data(0, SNAP_IP), data(1, SNAP_IP), data(2, SNAP_ARP), data(3, SNAP_EAPOL), data(0, SNAP_IP, st=8),
           data(2, SNAP_IP, st=9), data(1, SNAP_IP, st=10), data(3, SNAP_IP, st=11), data(0, b"", st=4),
           data(1, b"", st=12), data(3, b"", st=5), data(0x40, b"\x01\x02\x03\x60rest"), data(0x41, b"\x01\x02"),
           data(0xf8, SNAP_IP, st=1), data(0, b"\xaa\xaa\x03\0\0\0\x88\xb5abc"), data(0, b"\x42\x42\x03" + bytes(35)),
           data(0, b"\xf0\xf0\x7f\x01\x02"), data(0, b"\xaa\xaa\x03\0\0\x0c\x20\x00\x02\xb4"), data(0, b"\xaa")]
    for f in dat:
        out.append((rt + f, None))
    # the FCS and Atheros padding flags of the Flags field; bad FCS
    fcs = b"\x11\x22\x33\x44"
    out.append((rt_basic(0x10) + data(0, SNAP_IP) + fcs, None))
    out.append((rt_basic(0x10) + struct.pack("<HH", 0xd4, 0) + A1 + fcs, None))
    out.append((rt_basic(0x10) + b"\xd4\x00", None))
    out.append((rt_basic(0x30) + data(0, b"\0\0" + SNAP_IP, st=8) + fcs, None))
    out.append((rt_basic(0x20) + data(3, SNAP_ARP), None))
    out.append((rt_basic(0x50) + mgmt(12, struct.pack("<H", 1)) + fcs, None))
    # radiotap headers that do not add up
    out.append((b"\0\0\x40\0\x02\0\0\0\x02" + bytes(20), None))
    out.append((b"\0\0\x06\0\x02\0\0\0\x02" + bytes(20), None))
    out.append((b"\0\0\x0c\0\x00\0\0\x80\x00\0\0\x80" + bytes(20), None))
    out.append((b"\0\0\x09\0\x01\0\0\0\x00" + bytes(20), None))
    out.append((radiotap([(1, 1, b"\0"), (3, 2, b"\x6c\x09")], present=0xa) + bytes(12), None))
    out.append((b"\0\0\x08\0\0\0\0\0\x38", None))
    out.append((b"\0\0\x08", None))
    # rich frames cut short at every byte
    for f in (rt + mg[0], rt + dat[0], rt + ctl[6], radio_headers()[0], rt + mg[8], rt + mg[15]):
        for cut in range(len(f)):
            out.append((f, cut))
    return out


if __name__ == "__main__":
    from mkdns import write
    write(sys.argv[1], frames(), LINKTYPE)
