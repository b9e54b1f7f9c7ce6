#!/usr/bin/env python3
"""mkudp2.py: a capture of the less common UDP- and TCP-borne protocols
for compare.py (the decoder against tcpdump): Kerberos (UDP 88, 750),
TSP (timed, 525), Cisco Auto-RP (496), SOME/IP (30490), vat/vt (3456),
AODV (654), AHCP (5359), LWAPP (12222, 12223), VQP (1589), ZEP (17754),
wb (4567), lwres (921), OLSR (698), BEEP (TCP 10288), MSDP (TCP 639),
RPKI-RTR (TCP 323);
well-formed, malformed and cut short at every byte.  The expected output
is whatever tcpdump prints for them.  Deterministic.
usage: mkudp2.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, tcp, write  # Ethernet/IP/UDP/TCP framing, pcap writer


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


# --- AODV (RFC 3561; IPv6 draft types 16-19) ---
A4 = [bytes([10, 0, 0, i]) for i in range(1, 3)]
A6 = [bytes.fromhex("20010db8") + bytes(11) + bytes([i]) for i in range(1, 3)]
HELLO = b"\x01\x04\x00\x00\x03\xe8"


def aodv_messages(v6):
    a, b = A6 if v6 else A4
    rreq = struct.pack("!BBBBI", 1, 0xf8, 0, 3, 0x1234) + a + struct.pack("!I", 5) + b + struct.pack("!I", 6)
    rrep = struct.pack("!BBBB", 2, 0xc0, 0xe5, 2) + a + struct.pack("!I", 7) + b + struct.pack("!I", 3000)
    rerr = struct.pack("!BBBB", 3, 0x80, 0, 2) + a + struct.pack("!I", 8) + b + struct.pack("!I", 9)
    d_rreq = struct.pack("!BBBBIII", 16, 0, 0, 4, 0x99, 10, 11) + A6[0] + A6[1]
    d_rrep = struct.pack("!BBBBI", 17, 0, 0x1f, 1, 12) + A6[0] + A6[1] + struct.pack("!I", 500)
    d_rerr = struct.pack("!BBBB", 18, 0, 0, 1) + A6[0] + struct.pack("!I", 13)
    return [rreq, rreq + HELLO, rrep + HELLO, rrep + b"\x01\x02\0\0\0\0", rrep + b"\x07\x03abc",
            rrep + b"\x01\x04\0\0", rreq + b"\x05", rerr, rerr[:-2], struct.pack("!BBBB", 3, 0, 0, 0),
            struct.pack("!BBBB", 3, 0, 0, 9) + b"xy", b"\x04\0", b"\x13\0", b"\x09abc", b"\x14",
            d_rreq, d_rreq + HELLO, d_rrep, d_rrep[:-1], d_rerr, rreq[:-1], rrep[:-1], b""]


# --- AHCP (ahcpd 0.53, version 1) ---
def ahcp(body_opts, mtype=2, mbz=0, blen=None, version=1, magic=43):
    hdr = struct.pack("!BBBBI", magic, version, 3, 4, 0xdeadbeef) + bytes(range(8)) + bytes(range(8, 16))
    return hdr + struct.pack("!BBH", mtype, mbz, len(body_opts) if blen is None else blen) + body_opts


def ahcp_messages():
    a6 = bytes.fromhex("20010db8000000000000000000000001")
    opts = (b"\x00\x01" + b"\x02\x04" + struct.pack("!I", 1700000000) + b"\x03\x04" + struct.pack("!I", 3600) +
            b"\x04\x10" + a6 + b"\x05\x08" + bytes([10, 0, 0, 1, 10, 0, 0, 2]) + b"\x06\x11" + a6 + b"\x40" +
            b"\x07\x05" + bytes([10, 1, 0, 0, 16]) + b"\x08\x20" + a6 + a6 + b"\x09\x04" + bytes([192, 0, 2, 1]) +
            b"\x0a\x11" + a6 + b"\x30" + b"\x0b\x05" + bytes([10, 2, 0, 0, 24]) + b"\x0c\x10" + a6 +
            b"\x0d\x10" + a6 + b"\x63\x02ab")
    bad = [b"\x02\x03abc", b"\x03\x05abcde", b"\x04\x11" + a6 + b"x", b"\x05\x03abc", b"\x06\x10" + a6,
           b"\x0b\x04abcd", b"\x09\x09" + bytes(9), b"\x02", b"\x03\x09ab", b"\x02\x04\xff\xff\xff\xff"]
    out = [ahcp(opts), ahcp(opts, mtype=0, mbz=7), ahcp(b"", mtype=9), ahcp(opts + b"trailing", blen=len(opts))]
    out += [ahcp(o, mtype=t) for t, o in enumerate(bad)]
    out += [ahcp(b"", blen=5), ahcp(opts)[:27], ahcp(opts)[:23], ahcp(b"", version=2) + b"xyz",
            ahcp(b"", magic=42), b"\x2b", b"", ahcp(b"\x01\x00\x00")]
    return out


# --- LWAPP (RFC 5412) ---
def lwapp(flags, msgs, frag=3, length=None, status=0):
    body = b"".join(struct.pack("!BBHI", t, seq, len(m), 0x1000 + seq) + m for t, seq, m in msgs)
    return struct.pack("!BBHH", flags, frag, len(body) if length is None else length, status) + body


def lwapp_messages():
    msgs = [(1, 1, b"abcd"), (23, 2, b""), (99, 3, bytes(10)), (26, 4, b"xy")]
    return [lwapp(0x04 | 0x08, msgs), lwapp(0x07, msgs[:1]), lwapp(0x3c, []), lwapp(0x40, msgs),
            lwapp(0xc4, msgs), lwapp(0x04, msgs, length=30), lwapp(0x04, msgs, length=5),
            lwapp(0x04, msgs[:1], length=40), lwapp(0x00, [(0, 0, bytes(30))]), lwapp(0x00, [], length=3),
            lwapp(0x04, msgs)[:5], b"\x04\x00"]


# --- VQP (UDP 1589) ---
def vqp(objs, mtype=1, err=0, nitems=None, version=1):
    body = b"".join(struct.pack("!IH", t, len(v)) + v for t, v in objs)
    return struct.pack("!BBBBI", version, mtype, err, len(objs) if nitems is None else nitems, 0x1234) + body


def vqp_messages():
    objs = [(0x0c01, bytes([10, 0, 0, 9])), (0x0c02, b"Fa0/1"), (0x0c03, b"vlan\0x"), (0x0c04, b"dom"),
            (0x0c05, b"\x01\x80ab"), (0x0c06, bytes(6)), (0x0c08, bytes.fromhex("00400b010203")),
            (0x0c07, b"abc")]
    return [vqp(objs), vqp(objs, mtype=2, err=3), vqp(objs[:2], mtype=9, err=9), vqp(objs, nitems=3),
            vqp([(0x0c01, b"abc")]), vqp([(0x0c08, b"abc")]), vqp([(0, b"abc")]), vqp([(0x0c02, b"")]),
            vqp(objs[:1], nitems=5) + b"\0\0", vqp([(0x0c02, b"long")])[:-2] + b"\0\0\0\x09",
            vqp([], version=2), vqp([])[:6]]


# --- BEEP (TCP 10288) and MSDP (TCP 639) ---
BEEP = [b"MSG\0", b"MSG 0 1 . 0 12\r\n", b"RPY 0 1", b"ERR ", b"ANS x", b"NUL ", b"SEQ 1", b"END\0",
        b"END\r\n", b"xyz", b"RP"]


def msdp_messages():
    sa = struct.pack("!BHB", 1, 20, 1) + bytes([10, 0, 0, 1]) + bytes(3) + b"\x20" + bytes([224, 1, 1, 1, 10, 0, 0, 2])
    return [sa, sa + struct.pack("!BH", 4, 3), struct.pack("!BHB", 2, 8, 0) + bytes([224, 1, 2, 3]),
            struct.pack("!BH", 4, 5) + b"ab", struct.pack("!BH", 5, 5) + b"ab", struct.pack("!BH", 6, 4) + b"a",
            struct.pack("!BHB", 3, 20, 1) + bytes(16), struct.pack("!BH", 4, 3) + struct.pack("!BH", 4, 2),
            struct.pack("!BH", 4, 3) + struct.pack("!BH", 4, 9), struct.pack("!BH", 8, 3),
            struct.pack("!BH", 4, 2000), struct.pack("!BH", 4, 3) + struct.pack("!BH", 4, 1450) + bytes(1447),
            sa_data(udp(5000, 53, b"\x12\x34\x01\x00\0\1\0\0\0\0\0\0\1a\0\0\1\0\1")[14:]),
            sa_data(udp(5000, 5001, b"hello")[14:30]) + struct.pack("!BH", 5, 3)]


def sa_data(dgram):
    """an SA carrying a multicast datagram after its one entry"""
    body = b"\x01" + bytes([10, 0, 0, 1]) + bytes(3) + b"\x20" + bytes([224, 1, 1, 1, 10, 0, 0, 2]) + dgram
    return struct.pack("!BH", 1, 3 + len(body)) + body


# --- ZEP (UDP 17754) ---
def zep_messages():
    v2 = b"EX\x02\x01\x0b\x12\x34\x00\xff" + struct.pack("!II", 0xe8f0a0b1, 0x80000000) + struct.pack("!I", 7)
    v1 = b"EX\x01\x0b\x12\x34\x01\x80" + bytes(7)
    return [v2 + bytes(10) + b"\x00" + b"tail", v2 + bytes(10) + b"\x05" + b"\x41\x88\x01\xcd\xab",
            v2[:7] + b"\x01" + v2[8:9] + bytes(8) + v2[17:] + bytes(10) + b"\x00",
            v1 + b"\x00" + b"abc", v1[:6] + b"\x00\x30" + v1[8:] + b"\x03xyz", b"EX\x02\x02\0\0\0\x09",
            b"EX\x02\x02\0\0\0\x09more", b"EX\x02\x02\0", b"EX\x01" + bytes(10), b"EX\x02\x01" + bytes(20),
            b"EX\x07\x01" + bytes(29), b"AB\x02", b"\x80\x01", b"E", b""]


# --- wb (to UDP 4567) ---
def wb(ptype, body, flags=0):
    return struct.pack("!IIHBB", 0x0a000001, 99, 2, ptype, flags) + body


def dop(t, length=0, ts=0):
    return struct.pack("!IHBB", ts, length, 0, t) + bytes((length + 3) & ~3)


def wb_messages():
    page = bytes([10, 0, 0, 5]) + struct.pack("!I", 3)
    ops = dop(2) + dop(3, 5) + dop(14, ts=12) + dop(99) + dop(15, ts=11) + dop(9, 2)
    pid = struct.pack("!I", 1) + page + struct.pack("!I", 2) + page + struct.pack("!HH", 2, 0)
    pid += bytes([10, 0, 0, 7]) + struct.pack("!I", 8) + bytes([10, 0, 0, 8]) + struct.pack("!I", 9) + b"site\0x"
    return [wb(4, b""), wb(4, b"", flags=1), wb(1, pid), wb(1, pid[:27]), wb(1, pid[:40]),
            wb(2, bytes([10, 0, 0, 9]) + page + struct.pack("!II", 5, 6)), wb(2, bytes(19)),
            wb(3, bytes([10, 0, 0, 9]) + page + struct.pack("!II", 10, 15) + ops), wb(3, bytes(19)),
            wb(0, page + struct.pack("!II", 10, 12) + ops), wb(0, page + struct.pack("!II", 10, 30) + ops),
            wb(0, page + struct.pack("!II", 13, 11)), wb(0, bytes(15)), wb(0, page + struct.pack("!II", 3, 5) + dop(14, ts=1)),
            wb(5, page + struct.pack("!II", 1, 2)), wb(5, bytes(15)),
            wb(7, struct.pack("!I", 2) + struct.pack("!I", 4) + page + b"\x01\0\0\0" + bytes([10, 0, 0, 3]) +
               struct.pack("!I", 4) + struct.pack("!I", 5) + page + b"\0\0\0\0"),
            wb(7, b"abc"), wb(7, struct.pack("!I", 3) + bytes(16)), wb(6, b"xyz"), wb(9, b""), bytes(11)]


# --- lwres (UDP 921, BIND 9) ---
def lwres(op, body, flags=0, version=0, length=None, extra=b""):
    m = struct.pack("!HHIIIIHH", version, flags, 0x55, op, 0, 4096, 0, 0) + body
    return struct.pack("!I", 4 + len(m) if length is None else length) + m + extra


def lwname(n, nul=b"\0"):
    return struct.pack("!H", len(n)) + n + nul


def lwaddr(fam, a, length=None):
    return struct.pack("!IH", fam, len(a) if length is None else length) + a


def lwres_messages():
    a4, a6 = lwaddr(1, bytes([10, 0, 0, 1])), lwaddr(2, bytes.fromhex("20010db8" + "00" * 11 + "01"))
    return [
        lwres(0x10001, struct.pack("!II", 0, 3) + lwname(b"host.example")[2:]),
        lwres(0x10001, struct.pack("!II", 1, 1) + struct.pack("!H", 4) + b"host"),
        lwres(0x10001, struct.pack("!II", 0, 0x12) + lwname(b"x", b"\x01")[2:]),
        lwres(0x10001, struct.pack("!IHHH", 0, 2, 3, 4) + b"host\0" + lwname(b"a") + lwname(b"bb") + a4 + a6 +
              lwaddr(9, b"\xab\xcd"), flags=1),
        lwres(0x10001, struct.pack("!IHHH", 0, 0, 1, 1) + b"h\0" + lwaddr(1, b"ab"), flags=1),
        lwres(0x10001, struct.pack("!IHHH", 0, 0, 1, 1) + b"h\0" + lwaddr(1, bytes(8)), flags=1),
        lwres(0x10002, struct.pack("!I", 0) + a4), lwres(0x10002, struct.pack("!I", 0) + a6),
        lwres(0x10002, struct.pack("!I", 0) + lwaddr(2, bytes(4))),
        lwres(0x10002, struct.pack("!IHH", 0, 1, 4) + b"name\0" + lwname(b"alias"), flags=1),
        lwres(0x10003, struct.pack("!IHHH", 0, 1, 28, 3) + b"abc\0"),
        lwres(0x10003, struct.pack("!IHHH", 0, 3, 999, 1) + b"z\0"),
        lwres(0x10003, struct.pack("!IHHIHH", 0, 1, 1, 3600, 2, 1) + lwname(b"r") + struct.pack("!H", 2) +
              b"\x01\x02" + struct.pack("!H", 1) + b"\xff" + struct.pack("!H", 0), flags=1),
        lwres(0, b"", flags=1), lwres(0, b""), lwres(0x20000, b"abc"), lwres(0x20000, b"", flags=0x101),
        lwres(0, b"", length=99), lwres(0x10002, struct.pack("!I", 0) + a4, extra=b"junk"),
        lwres(0, b"", version=1), lwres(0, b"", version=2, length=500), b"\0" * 27,
    ]


# --- OLSR (RFC 3626 and olsr.org's extensions; UDP 698) ---
def olsr_msg(t, body, alen, vtime=0x86, mlen=None):
    orig = bytes([10, 0, 0, 1]) if alen == 4 else bytes.fromhex("20010db8" + "00" * 11 + "01")
    n = 4 + alen + 4 + len(body)
    return struct.pack("!BBH", t, vtime, n if mlen is None else mlen) + orig + struct.pack("!BBH", 64, 1, 77) + body


def olsr(msgs, plen=None):
    body = b"".join(msgs)
    return struct.pack("!HH", 4 + len(body) if plen is None else plen, 0x1234) + body


def olsr_messages(v6):
    al = 16 if v6 else 4
    a = [bytes([10, 0, 0, i]) if not v6 else bytes.fromhex("20010db8" + "00" * 11) + bytes([i]) for i in range(2, 6)]
    link = lambda code, addrs: struct.pack("!BBH", code, 0, 4 + len(addrs)) + addrs
    lq = lambda addr: addr + bytes([255, 128, 0, 0])
    hello = olsr_msg(1, b"\0\0\x20\x03" + link(0x06, b"".join(a[:2] if not v6 else [])) + link(0x09, b""), al)
    hello_lq = olsr_msg(201, b"\0\0\x20\x07" + link(0x0a, lq(a[0]) + lq(a[1])), al)
    tc = olsr_msg(2, struct.pack("!HH", 9, 0) + (b"".join(a) if not v6 else b""), al)
    tc_lq = olsr_msg(202, struct.pack("!HH", 9, 0) + lq(a[2]), al)
    mid = olsr_msg(3, b"".join(a[:3]), al)
    if v6:
        hna = olsr_msg(4, a[0] + b"\xff" * 8 + bytes(8) + a[1] + b"\xff\xf0" + bytes(14), al)
    else:
        hna = olsr_msg(4, bytes([10, 1, 0, 0, 255, 255, 0, 0]) + bytes([0, 0, 0, 0, 0, 0x1f, 0x2b, 0xff]) +
                       bytes([0, 0, 0, 0, 0, 0x0e, 1, 2]) + bytes([10, 2, 0, 0, 255, 0, 255, 0]) +
                       bytes([10, 3, 0, 0, 255, 255, 255, 255]) + bytes([0, 0, 0, 0, 0, 0x01, 0, 0]), al)
    names = olsr_msg(130, struct.pack("!HH", 1, 2) + struct.pack("!HH", 0, 5) + a[0] + b"host1\0\0\0" +
                     struct.pack("!HH", 1, 4) + a[1] + b"abcd", al)
    return [olsr([hello]), olsr([hello_lq, tc, tc_lq]), olsr([mid, hna]), olsr([names]),
            olsr([olsr_msg(128, b"power", al), olsr_msg(99, b"", al)]), olsr([hello], plen=200), olsr([hello], plen=10),
            olsr([olsr_msg(1, b"\0\0", al)]), olsr([olsr_msg(1, b"\0\0\x20\x03" + struct.pack("!BBH", 6, 0, 60), al)]),
            olsr([olsr_msg(2, b"\0", al)]), olsr([olsr_msg(3, b"", al, mlen=3)]), olsr([olsr_msg(0, b"", al)]),
            olsr([olsr_msg(3, b"", al, mlen=300)]),
            olsr([olsr_msg(130, struct.pack("!HH", 1, 0), al)]), olsr([olsr_msg(130, struct.pack("!HH", 1, 9), al)]),
            olsr([olsr_msg(130, struct.pack("!HH", 1, 1) + struct.pack("!HH", 0, 0) + a[0], al)]),
            olsr([olsr_msg(130, b"\0\1", al)]), b"\0\1", b""]


# --- RPKI-RTR (RFC 6810; TCP 323) ---
def rpki(t, body=b"", sess=0x1234, version=0, length=None):
    return struct.pack("!BBHI", version, t, sess, 8 + len(body) if length is None else length) + body


def rpki_messages():
    v4 = rpki(4, bytes([1, 24, 32, 0, 192, 0, 2, 0]) + struct.pack("!I", 64500))
    v6 = rpki(6, bytes([0, 48, 64, 0]) + bytes.fromhex("20010db8" + "00" * 12) + struct.pack("!I", 65551))
    err = lambda code, pdu, text: rpki(10, struct.pack("!I", len(pdu)) + pdu + struct.pack("!I", len(text)) + text,
                                       sess=code)
    return [rpki(0, struct.pack("!I", 7)) + rpki(1, struct.pack("!I", 8)) + rpki(2) + rpki(3) + v4 + v6 +
            rpki(7, struct.pack("!I", 9)) + rpki(8),
            err(2, v4, b"no data"), err(9, err(1, v6, b"x"), b""), err(0, b"", b"bad\x01"),
            rpki(0), rpki(2, b"xx"), rpki(3, b"x"), rpki(4, bytes(4)), rpki(6, bytes(4)), rpki(99, b"abcdef"),
            rpki(0, struct.pack("!I", 1), length=50), rpki(0, b"", length=4), rpki(0, version=1) + rpki(2),
            rpki(10, b"\0\0\0"), rpki(10, struct.pack("!I", 30) + bytes(8)),
            rpki(10, struct.pack("!I", 0) + struct.pack("!I", 40) + b"abc"), b"\0\1\0"]


def frames():
    out = []
    for port, msgs in ((88, krb_messages()), (525, timed_messages()), (496, autorp_messages()),
                       (30490, someip_messages())):
        for m in msgs:
            out.append((udp(40000, port, m), None))
        out.append((udp(port, 40000, msgs[0], v6=True), None))
        for m in msgs[:3]:
            cuts(out, udp(port, 40000, m))
    for v6 in (False, True):
        msgs = aodv_messages(v6)
        for m in msgs:
            out.append((udp(654, 654, m, v6=v6), None))
        for m in (msgs[1], msgs[2], msgs[7], msgs[16]):
            cuts(out, udp(654, 654, m, v6=v6), start=62 if v6 else 42)
    for m in ahcp_messages():
        out.append((udp(5359, 5359, m), None))
    out.append((udp(5359, 5359, ahcp_messages()[0], v6=True), None))
    cuts(out, udp(5359, 5359, ahcp_messages()[0]))
    ap = bytes.fromhex("00400b123456")
    for m in lwapp_messages():
        out.append((udp(40000, 12223, ap + m), None))
        out.append((udp(12223, 40000, m), None))
        out.append((udp(12222, 40000, m), None))
    cuts(out, udp(40000, 12223, ap + lwapp_messages()[0]))
    cuts(out, udp(12223, 12223, lwapp_messages()[0]))
    cuts(out, udp(12222, 12222, lwapp_messages()[8]))
    for m in vqp_messages():
        out.append((udp(1589, 1589, m), None))
    cuts(out, udp(1589, 1589, vqp_messages()[0]))
    for m in BEEP:
        out.append((tcp(10288, 40000, m), None))
    for m in msdp_messages():
        out.append((tcp(639, 40000, m), None))
    cuts(out, tcp(40000, 639, msdp_messages()[1]), start=54)
    for m in zep_messages():
        out.append((udp(17754, 17754, m), None))
    cuts(out, udp(17754, 17754, zep_messages()[0]))
    for m in wb_messages():
        out.append((udp(40000, 4567, m), None))
    out.append((udp(4567, 40000, wb_messages()[2]), None))  # source port only: not wb
    for i in (2, 7, 16):
        cuts(out, udp(40000, 4567, wb_messages()[i]))
    for m in lwres_messages():
        out.append((udp(921, 921, m), None))
    out.append((udp(921, 921, lwres_messages()[3], v6=True), None))
    for i in (0, 3, 12):
        cuts(out, udp(921, 921, lwres_messages()[i]))
    for v6 in (False, True):
        for m in olsr_messages(v6):
            out.append((udp(698, 698, m, v6=v6), None))
        for i in (1, 2, 3):
            cuts(out, udp(698, 698, olsr_messages(v6)[i], v6=v6), start=62 if v6 else 42)
    for m in rpki_messages():
        out.append((tcp(323, 40000, m), None))
    for i in (0, 2):
        cuts(out, tcp(40000, 323, rpki_messages()[i]), step=3, start=54)
    for m in krb_messages()[:2]:
        out.append((udp(750, 750, m), None))
    for m in vat_messages():
        out.append((udp(40000, 3456, m), None))
        out.append((udp(3456, 40000, m), None))  # source port only: not vat
    cuts(out, udp(40000, 3456, vat_messages()[0]))
    return out


if __name__ == "__main__":
    write(sys.argv[1], frames())
