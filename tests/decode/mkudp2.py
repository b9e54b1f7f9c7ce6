#!/usr/bin/env python3
"""mkudp2.py: a capture of the less common UDP-borne protocols for
compare.py (the decoder against tcpdump): Kerberos (UDP 88, 750), TSP
(timed, 525), Cisco Auto-RP (496), SOME/IP (30490), vat/vt (3456);
well-formed, malformed and cut short at every byte.  The expected output
is whatever tcpdump prints for them.  Deterministic.
usage: mkudp2.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, write  # Ethernet/IP/UDP framing, pcap writer


def cuts(out, frame, step=1, start=42):
    """frame captured up to every step-th byte past the UDP header"""
    for cut in range(start, len(frame), step):
        out.append((frame, cut))


# --- Kerberos: version 4's messages (Athena plan E.2.1), other versions ---
def krb4(mtype, body, le=0):
    return bytes([4, mtype << 1 | le]) + body


def krb_messages():
    princ = b"alice\0\0ATHENA.MIT.EDU\0"
    return [
        krb4(1, princ + b"\x01\x02\x03\x04" + b"\x60" + b"krbtgt\0ATHENA.MIT.EDU\0"),  # KDC request
        krb4(1, princ + b"\x01\x02\x03\x04" + b"\x0c" + b"rcmd\0host\0", le=1),
        krb4(2, princ + bytes(10) + b"\x01\x20" + bytes(8)),                     # KDC reply, be
        krb4(2, princ + bytes(10) + b"\x01\x20" + bytes(8), le=1),               # the same, le
        krb4(3, b"\x05" + b"ATHENA\xff\x01\0" + b"\x2a\x07"),                     # APPL request
        krb4(5, princ + b"\0\0\0\0" + b"\0\x08\0\0" + b"who?\0"),                # error reply
        krb4(5, princ + b"\0\0\0\0" + b"\0\x63\0\0" + b"x\0"),                   # unknown error
        krb4(5, princ + b"\0\0\0\0" + b"\x08\0\0\0" + b"x\0", le=1),
        krb4(4, b"\1\2\3"), krb4(63, b""), krb4(20, b"abc"),                       # others
        krb4(1, b"no-nul-here"), krb4(1, princ + b"\1\2"), krb4(3, b""),
        b"\x01", b"\x02abc", b"\x03", b"\x6a\x81\x90\x30", b"\x6b\x00", b"\x05\x00", b"\x00", b"",
        b"\x04",
    ]


# --- TSP (timed) ---
def tsp(t, seq=7, vers=1, time=(0, 0), hop=None, name=b"host.example\0"):
    body = struct.pack("!BBH", t, vers, seq)
    body += bytes([hop]) + bytes(7) if hop is not None else struct.pack("!ii", *time)
    return body + name


def timed_messages():
    out = [tsp(t) for t in range(0, 26)]
    out += [tsp(24, hop=9), tsp(5, time=(1700000000, 250000)), tsp(1, time=(-1, 500000)),
            tsp(1, time=(-5, 0)), tsp(22, time=(3, -1)), tsp(23, time=(-2, 1)), tsp(200),
            tsp(3, name=b"x" * 300), tsp(3, name=b"a\x01\x80\xff\0junk"), tsp(3, name=b"")]
    return out


# --- Cisco Auto-RP ---
def autorp(t, rps, hold=181, reserved=0):
    body = struct.pack("!BBHI", t, len(rps), hold, reserved)
    for addr, ver, groups in rps:
        body += bytes(addr) + bytes([ver, len(groups)])
        for flags, mask, grp in groups:
            body += bytes([flags, mask]) + bytes(grp)
    return body


def autorp_messages():
    g = [(0, 4, (224, 0, 0, 0)), (1, 8, (239, 0, 0, 0)), (2, 16, (232, 1, 0, 0)), (0xff, 32, (225, 1, 2, 3))]
    return [
        autorp(0x11, [((10, 0, 0, 1), 2, g[:2])]),
        autorp(0x12, [((10, 0, 0, 1), 3, g), ((10, 0, 0, 2), 1, g[2:]), ((10, 0, 0, 3), 0xfc, [])], hold=0),
        autorp(0x33, [((192, 0, 2, 9), 2, g[:1])], hold=65535),
        autorp(0x11, [((10, 0, 0, 1), 2, g)])[:-3],    # last entry short
        autorp(0x11, [((10, 0, 0, 1), 2, g[:1])] * 2)[:-6],  # RP count past the end
        autorp(0x11, [])[:7], autorp(0x11, []),
    ]


# --- SOME/IP ---
def someip(mid, mtype, rc, payload=b"", length=None):
    return struct.pack("!IIIBBBB", mid, 8 + len(payload) if length is None else length, 0x00010002, 1, 1,
                       mtype, rc) + payload


def someip_messages():
    out = [someip(0x12340001, t, 0) for t in (0, 1, 2, 0x80, 0x81, 0x20, 0x21, 0x22, 0xa0, 0xa1, 0x40)]
    out += [someip(0xffff8001, 0x80, rc, b"data") for rc in range(0, 17)]
    out += [someip(1, 0, 0)[:15], someip(1, 0, 0, length=0xffffffff), b""]
    return out


# --- vat / vt ---
def vat_messages():
    return [struct.pack("!II", 0x00000123, 99) + bytes(20), struct.pack("!II", 0x3f9f0001, 7),
            struct.pack("!II", 0x00800000, 1) + b"ab", struct.pack("!H", 0x8123) + bytes(10),
            struct.pack("!H", 0x0040), struct.pack("!HH", 0, 1), b"\0", b""]


def frames():
    out = []
    for port, msgs in ((88, krb_messages()), (525, timed_messages()), (496, autorp_messages()),
                       (30490, someip_messages())):
        for m in msgs:
            out.append((udp(40000, port, m), None))
        out.append((udp(port, 40000, msgs[0], v6=True), None))
        for m in msgs[:3]:
            cuts(out, udp(port, 40000, m))
    for m in krb_messages()[:2]:
        out.append((udp(750, 750, m), None))
    for m in vat_messages():
        out.append((udp(40000, 3456, m), None))
        out.append((udp(3456, 40000, m), None))  # source port only: not vat
    cuts(out, udp(40000, 3456, vat_messages()[0]))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
