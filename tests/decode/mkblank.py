#!/usr/bin/env python3
"""mkblank.py: Ethernet frames whose lines once ended blank (issue 14,
helper blank) for compare.py: every ethertype tcpdump names but has no
printer for (alone, behind 802.1Q / 802.1ad / 0x9100 tags, inside
integrity-only MACsec with and without an SCI or a short length),
AppleTalk datagrams, Microsoft NLB heartbeats, the pre-standard PPPoE
types, Alteon jumbo frames, and 802.2: SNAP with every OUI tcpdump
treats apart and unknown ones, RFC 948 IP, XIDs of every shape, unknown
SAPs; 802.3ah OAM and MPCP PDUs.  Rich frames are also cut at every byte.  The expected output is
whatever tcpdump prints for them.  Deterministic.
usage: mkblank.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import ETH_DST, ETH_SRC, udp, write  # noqa: E402

# named by tcpdump, no printer (ethertype_print returns 0), and unknown
NO_PRINTER = [0x0600, 0x1000, 0x6001, 0x6002, 0x6004, 0x6007, 0x6558, 0x8038, 0x803c, 0x803e, 0x805b,
              0x805c, 0x893a, 0x88e5 + 1, 0x1234, 0xd000]
VLANS = [0x8100, 0x88a8, 0x9100, 0x9200]
BODY = bytes(range(0x30, 0x30 + 26))


def eth(etype, payload, pad=True):
    f = ETH_DST + ETH_SRC + struct.pack("!H", etype) + payload
    return f + bytes(60 - len(f)) if pad and len(f) < 60 else f


def ip_packet():
    """An IPv4/UDP packet (no link header)."""
    return udp(1234, 5678, b"hello")[14:]


def macsec(inner_type, payload, tci=0x00, sl=None, sci=False):
    tci |= 0x20 if sci else 0
    tag = struct.pack("!BBI", tci, 0 if sl is None else sl, 7) + (bytes(range(1, 9)) if sci else b"")
    return tag + struct.pack("!H", inner_type) + payload + bytes(range(0xe0, 0xf0))


def ddp(dnet, snet, dnode, snode, dskt, sskt, typ, data=b"abcdef"):
    return struct.pack("!HHHHBBBBB", 13 + len(data), 0, dnet, snet, dnode, snode, dskt, sskt, typ) + data


def llc(dsap, ssap, ctrl, payload=b""):
    c = struct.pack("B", ctrl) if ctrl < 0x100 else struct.pack("<H", ctrl)
    return bytes([dsap, ssap]) + c + payload


def frame_8023(payload, pad=True):
    f = ETH_DST + ETH_SRC + struct.pack("!H", len(payload)) + payload
    return f + bytes(60 - len(f)) if pad and len(f) < 60 else f


def snap(oui, pid, payload):
    return llc(0xaa, 0xaa, 0x03, struct.pack("!I", oui)[1:] + struct.pack("!H", pid) + payload)


def frames():
    out = []
    for t in NO_PRINTER:
        out.append((eth(t, BODY), None))
        for v in VLANS:
            out.append((eth(v, struct.pack("!HH", 0x2064, t) + BODY), None))
        out.append((eth(0x88e5, macsec(t, BODY)), None))
    # MACsec: an SCI, a short length, IPv4 and 802.3 inside, cut short
    ms = [macsec(0x1234, BODY, sci=True), macsec(0x0800, ip_packet()), macsec(0x6004, BODY[:20], sl=22),
          macsec(len(BODY) + 3, llc(0x80, 0x80, 0x03, BODY)), macsec(0x0800, ip_packet(), sci=True)]
    for m in ms:
        f = eth(0x88e5, m)
        out.append((f, None))
    out += [(eth(0x88e5, ms[0]), n) for n in range(14, 60)]
    # AppleTalk: rtmp, echo, an unknown type, a broadcast node, cut short
    for d in (ddp(1, 2, 3, 4, 1, 1, 1), ddp(100, 200, 255, 9, 4, 4, 4), ddp(7, 8, 9, 10, 200, 201, 99),
              ddp(7, 8, 9, 10, 6, 2, 22, b"")):
        out.append((eth(0x809b, d, pad=False), None))
    out += [(eth(0x809b, ddp(1, 2, 3, 4, 1, 1, 1)[:n], pad=False), None) for n in range(0, 14)]
    out += [(eth(0x809b, ddp(1, 2, 3, 4, 1, 1, 1), pad=False), n) for n in range(14, 27)]
    # Microsoft NLB heartbeats, whole and cut at every byte
    nlb = bytes(8) + struct.pack("<I", 3) + bytes([192, 0, 2, 1, 192, 0, 2, 7]) + bytes(20)
    out.append((eth(0x886f, nlb), None))
    out += [(eth(0x886f, nlb, pad=False), n) for n in range(14, 34)]
    # PPPoE's pre-standard types
    pado = struct.pack("!BBHH", 0x11, 0x07, 0, 8) + struct.pack("!HH", 0x0101, 4) + b"name"
    out += [(eth(0x3c12, pado), None), (eth(0x3c13, struct.pack("!BBHH", 0x11, 0, 0x12, 0)), None)]
    # Alteon jumbo frames: 802.2 after the type
    out += [(eth(0x8870, snap(0, 0x0800, ip_packet())), None), (eth(0x8870, llc(0x80, 0x82, 0x03, BODY)), None)]
    # SNAP: unknown OUIs and pids, Cisco-bridged and Apple ethertypes,
    # RFC 2684 bridged Ethernet and BPDU
    for oui, pid, pl in ((0x123456, 0x0101, BODY), (0x00000c, 0x9999, BODY), (0x000000, 0x6004, BODY),
                         (0x0000f8, 0x0800, ip_packet()), (0x0000f8, 0x1234, BODY),
                         (0x080007, 0x809b, ddp(1, 2, 3, 4, 1, 1, 1)), (0x080007, 0x80f3, BODY),
                         (0x0080c2, 0x0007, b"\0\0" + udp(1, 2, b"x")), (0x0080c2, 0x0001, b"\0\0" + BODY),
                         (0x0080c2, 0x0005, BODY), (0x00a0c6, 0x0001, BODY)):
        out.append((frame_8023(snap(oui, pid, pl)), None))
    out += [(frame_8023(snap(0x0080c2, 0x0007, b"\0\0" + udp(1, 2, b"x")), pad=False), n) for n in range(14, 25)]
    out += [(frame_8023(snap(0, 0x0800, ip_packet()), pad=False), n) for n in range(17, 44, 2)]
    # RFC 948 IP: whole, with a length past the frame, cut short
    ipf = frame_8023(llc(0x06, 0x06, 0x03, ip_packet()))
    out += [(ipf, None), (frame_8023(llc(0x06, 0x06, 0x03, ip_packet()[:24])), None)]
    out += [(ipf, n) for n in range(17, 40, 3)]
    # XID: empty, 802.2 format (whole, cut short), other formats, poll/final, responses
    for sap, ssap, ctrl, info in ((0x80, 0x80, 0xaf, b""), (0x80, 0x80, 0xaf, b"\x81\x01\x02"),
                                  (0x80, 0x81, 0xbf, b"\x81\x01\x00\x55"), (0x04, 0x04, 0xaf, b"\x82\x05\x06\x07"),
                                  (0xf0, 0xf0, 0xaf, b"\x81"), (0x42, 0x42, 0xaf, b"\x81\x01"),
                                  (0xaa, 0xaa, 0xaf, b"\x81\x01\x02"), (0x06, 0x06, 0xbf, b"\x81\x80\x00")):
        out.append((frame_8023(llc(sap, ssap, ctrl, info), pad=False), None))
    xf = frame_8023(llc(0x80, 0x80, 0xaf, b"\x81\x01\x02"), pad=False)
    out += [(xf, n) for n in range(14, len(xf))]
    # unknown SAPs: UI, I and S PDUs; NetBEUI
    for sap, ssap, ctrl in ((0x12, 0x12, 0x03), (0xf0, 0xf0, 0x03), (0xf0, 0xf0, 0x0100), (0xf0, 0xf1, 0x0201),
                            (0x06, 0x06, 0x0000), (0x42, 0x42, 0x13)):
        out.append((frame_8023(llc(sap, ssap, ctrl, BODY)), None))
    out += oam_frames() + mpcp_frames()
    return out


def mpcp_frames():
    """802.3ah MPCP: every opcode, every registration flag, cut short."""
    ts = struct.pack("!I", 123456)
    msgs = [(1, bytes(10)), (2, bytes([0x0b]) + struct.pack("!IHIHIHH", 100, 200, 300, 400, 5, 6, 77)),
            (2, bytes([0xf2]) + struct.pack("!IH", 100, 200)),
            (3, bytes([3, 0x05]) + struct.pack("!HH", 11, 22) + bytes([0x80]) + struct.pack("!H", 33)), (3, b"\1"),
            (9, b"abcdefg")]
    msgs += [(4, bytes([f, 9])) for f in (0, 1, 3)]
    msgs += [(5, struct.pack("!HBHB", 1000, f, 2000, 3)) for f in (0, 1, 2, 3, 4, 7)]
    msgs += [(6, struct.pack("!BHH", f, 1000, 2000)) for f in (0, 1, 2, 3)]
    out = [(eth(0x8808, struct.pack("!H", op) + ts + body), None) for op, body in msgs]
    f = eth(0x8808, struct.pack("!H", 2) + ts + bytes([0x0b]) + struct.pack("!IHIHIHH", 1, 2, 3, 4, 5, 6, 7), pad=False)
    return out + [(f, n) for n in range(14, len(f))]


def oam(code, body, flags=0x0058):
    return eth(0x8809, struct.pack("!BHB", 3, flags, code) + body)


def oam_frames():
    """802.3ah OAM PDUs: Information (local and remote TLVs, bad lengths,
    organization specific), Event Notification (every event type),
    loopback commands, the codes without a decoder, cut short."""
    info = struct.pack("!BBBHBBH", 1, 16, 1, 2, 0x05, 0x1f, 0x05ee) + bytes([0, 0x10, 0x18]) + struct.pack("!I", 0xdeadbeef)
    remote = struct.pack("!BBBHBBH", 2, 16, 1, 0, 0x02, 0x00, 0x0040) + bytes([0x12, 0x34, 0x56]) + bytes(4)
    event = lambda t: struct.pack("!BBH", t, 40, 7) + struct.pack("!QQQQI", 1, 2, 3, 1 << 40, 9)
    pdus = [
        (0, info + remote + bytes(2)), (0, info + struct.pack("!BB", 0xfe, 6) + b"\0\x10\x18\x01"),
        (0, struct.pack("!BB", 1, 10) + bytes(8)), (0, struct.pack("!BB", 7, 1)), (0, info[:10]),
        (0, struct.pack("!BB", 9, 4) + b"ab"), (0, b""),
        (1, struct.pack("!H", 5) + event(1) + event(2) + event(3) + event(4) + bytes(2)),
        (1, struct.pack("!H", 6) + struct.pack("!BB", 2, 12) + bytes(10) + struct.pack("!BB", 0xfe, 5) + b"xyz"),
        (1, b"\0"), (1, struct.pack("!H", 1) + event(9)[:20]),
        (4, b"\x01"), (4, b"\x02"), (4, b"\x07"), (4, b""), (2, b"\x07\x00\x12"), (3, b"\x07\x00\x12\x01\x05"),
        (0xfe, b"\0\x10\x18private"), (9, b"x"),
    ]
    out = [(oam(c, b), None) for c, b in pdus]
    out.append((oam(0, info + remote, flags=0xffff), None))
    f = oam(1, struct.pack("!H", 5) + event(1))
    out += [(f, n) for n in range(14, len(f), 3)]
    f = oam(0, info + remote)
    out += [(f, n) for n in range(14, len(f), 2)]
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
