#!/usr/bin/env python3
"""mkapp.py: a capture of the application protocols the decoder prints
beyond DNS, well-formed and not, for compare.py (the decoder against
tcpdump): the port dispatch (every pair of the ports tcpdump tests, so
its order shows), text protocols over TCP and SIP over UDP, syslog, TFTP,
NTP (time and control messages, authenticated, short), VXLAN with inner
frames, BOOTP/DHCP with options, HSRP, BFD; and copies of rich messages cut short at
every byte.  The expected output is whatever tcpdump prints for them.
Deterministic: the capture is the same every time.
usage: mkapp.py OUT.pcap [N SEED]   (N SEED: N randomly damaged frames instead)"""
import os, random, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, tcp, write  # Ethernet/IP/UDP/TCP framing, pcap writer

# the ports tcpdump's udp_print and tcp_print test (src/decode/app.c)
UDP_PORTS = [53, 5353, 525, 69, 67, 68, 520, 654, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750,
             1701, 137, 138, 3456, 2103, 2104, 7000, 7009, 521, 546, 547, 5359, 6696, 6697, 8231,
             4567, 496, 1645, 1812, 1646, 1813, 1700, 3799, 1985, 921, 646, 698, 3503, 49152,
             3784, 4784, 6784, 3785, 701, 1589, 6343, 12222, 12223, 5060, 514, 8472, 4789,
             6081, 4342, 4790, 17754, 6635, 200, 16384, 319, 320, 30490, 2049]
TCP_PORTS = [23, 25, 43, 179, 1723, 6379, 22, 139, 445, 10288, 6633, 6653, 21, 80, 8080, 554,
             8554, 53, 639, 323, 646, 2049]


def ntp_time(mode=3, ver=4, leap=0, stratum=2, poll=6, prec=-20, refid=b"\x0a\0\0\x01", extra=b"",
             stamps=(0, 0, 0, 0)):
    m = struct.pack("!BBbbII4s", leap << 6 | ver << 3 | mode, stratum, poll, prec, 0x00012345, 0x0003a000, refid)
    for s in stamps:
        m += struct.pack("!Q", s)
    return m + extra


def ntp_messages():
    t1, t2 = 0xe8f0a0b1_80000000, 0xe8f0a0b2_40000000
    out = [ntp_time(), ntp_time(mode=4, stratum=1, refid=b"GPS\0", stamps=(t1, t1, t2, t2 + 5)),
           ntp_time(mode=4, stratum=3, stamps=(t2, t2, t1, t1 + 77)),
           ntp_time(mode=1, stratum=0, poll=-3, stamps=(t1, 0, t2, t1)),
           ntp_time(mode=5, stratum=16, poll=40, leap=3, stamps=(t1, t2, t2, t2)),
           ntp_time(mode=2, stratum=62, stamps=(t1, t1, t1, t1)), ntp_time(mode=0, stratum=63),
           ntp_time(extra=struct.pack("!I", 7)), ntp_time(extra=struct.pack("!I", 7) + bytes(range(16))),
           ntp_time(extra=struct.pack("!I", 7) + bytes(range(20))), ntp_time(extra=bytes(9)),
           ntp_time(mode=3, ver=3, leap=1, stamps=(0, 1, 0, 0xffffffff)),
           ntp_time(mode=4, leap=2, stamps=(t1, t2, t1 + 3, t1 - 3)),
           ntp_time(mode=4, stamps=(t1, t1 + 9, t1, t1 + 0x100000000)),
           ntp_time()[:40], ntp_time(mode=7)[:20], b"\x23",
           # control messages: header, data, count past the message
           struct.pack("!BBHHHHH", 0x16, 0x02, 1, 0, 0, 0, 0),
           struct.pack("!BBHHHHH", 0x16, 0xe2, 2, 0x0615, 3, 0, 4) + b"abcd",
           struct.pack("!BBHHHHH", 0x16, 0x82, 3, 0, 0, 0, 40) + b"abcd",
           struct.pack("!BBHHH", 0x16, 0x02, 1, 0, 0)]
    return out


def txt_messages():
    return [
        (80, b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
        (80, b"HTTP/1.1 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nContent-type: text/html\r\n\r\n<html>\n"),
        (8080, b"post /x HTTP/1.0\nA: b\n\n"), (80, b"HTTP/1.1 2000 OK\r\n"), (80, b"\x16\x03\x01\x02\x00"),
        (80, b"GET /a\rb HTTP/1.1\r\n"), (80, b"GET /\x01 HTTP/1.1\r\nX: y\r\n"), (80, b"GET\r"),
        (80, b"HTTP/1.1 404\r\n"), (80, b"A" * 130 + b" 200\r\n"), (80, b"BLAH 200 x\r\n"),
        (80, b"GET\t/tab\tHTTP/1.1\r\n\tfolded\r\n"), (80, b"HEAD / HTTP/1.1\r\n\xff\r\n"),
        (554, b"DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n"), (8554, b"RTSP/1.0 200 OK\r\nCSeq: 2\r\n"),
        (21, b"220 (vsFTPd 3.0.3)\r\n"), (21, b"USER anonymous\r\n"), (21, b"\x00\x01"),
        (25, b"EHLO example.com\r\nMAIL FROM:<a@b>\r\n"), (25, b"250-PIPELINING\r\n250 8BITMIME\r\n"),
        (43, b"example.com\r\n"), (43, b"no line end"), (80, b""),
    ]


def sip_messages():
    return [b"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP pc33\r\nMax-Forwards: 70\r\n\r\n",
            b"SIP/2.0 180 Ringing\r\nCSeq: 1 INVITE\r\n", b"register sip:x SIP/2.0\r\n", b"\x00\x01\x02",
            b"FOO sip:x SIP/2.0\r\n"]


def syslog_messages():
    return [b"<13>hello", b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed\n", b"<0>", b"<999>x",
            b"<1345>x", b"<>hi", b"<191>\x01\x80\xff done", b"13>x", b"<13", b"<", b"<13>" + bytes(range(40))]


def tftp_messages():
    return [b"\x00\x01rfc1350.txt\x00octet\x00", b"\x00\x02file\x00netascii\x00blksize\x001428\x00tsize\x000\x00",
            b"\x00\x03\x00\x07" + b"d" * 20, b"\x00\x04\x00\x07", b"\x00\x05\x00\x01File not found\x00",
            b"\x00\x05\x00\x09odd\x00", b"\x00\x06blksize\x001428\x00", b"\x00\x06", b"\x00\x01", b"\x00\x01a\x00",
            b"\x00\x01a\x00b", b"\x00\x01a", b"\x00\x03\x00", b"\x00\x05\x00\x01", b"\x00\x05\x00", b"\x00\x07x",
            b"\x00", b"\x00\x01\x80\x01x\x00mail\x00\x00\x00", b"\x00\x06a\x00\x00b\x00"]


def vxlan_messages():
    inner_eth = bytes([0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x66, 0x77, 0x88, 0x99, 0xaa])
    ip = bytes.fromhex("450000200001000040110000c0a80001c0a80002") + bytes.fromhex("d431000900040000") + b"abcd"
    return [b"\x08\0\0\0\0\x01\x23\0" + inner_eth + b"\x08\x00" + ip,
            b"\x0c\0\0\0\0\0\x05\0" + inner_eth + b"\x08\x06" + bytes(28),
            b"\x00\0\0\0\xff\xff\xff\0" + inner_eth + b"\x88\xb5" + bytes(10),
            b"\x08\0\0\0\0\0\x01\0" + inner_eth[:10], b"\x08\0\0\0\0\0\x01", b""]


def bootp(op=1, htype=1, hlen=6, hops=0, xid=0x1234abcd, secs=0, flags=0, ciaddr=0, yiaddr=0, siaddr=0,
          giaddr=0, chaddr=bytes([0, 0x16, 0x3e, 1, 2, 3]), sname=b"", file=b"", vend=None):
    m = struct.pack("!BBBBIHHIIII", op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr)
    m += chaddr.ljust(16, b"\0") + sname.ljust(64, b"\0") + file.ljust(128, b"\0")
    if vend is None:
        vend = b"\x63\x82\x53\x63" + b"\x35\x01\x01\xff"
    return m + vend


def opt(code, data):
    return bytes([code, len(data)]) + data


def dhcp(*opts, **kw):
    return bootp(vend=b"\x63\x82\x53\x63" + b"".join(opts) + b"\xff", **kw)


def bootp_messages():
    ip = lambda s: bytes(int(x) for x in s.split("."))
    return [
        dhcp(opt(53, b"\x01"), opt(61, b"\x01\x00\x16\x3e\x01\x02\x03"), opt(50, ip("192.168.1.50")),
             opt(12, b"host1"), opt(55, bytes([1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42, 249, 33, 252]))),
        dhcp(opt(53, b"\x02"), opt(54, ip("192.168.1.1")), opt(51, struct.pack("!I", 600)),
             opt(58, struct.pack("!I", 300)), opt(59, struct.pack("!I", 525)), opt(1, ip("255.255.255.0")),
             opt(28, ip("192.168.1.255")), opt(3, ip("192.168.1.1")), opt(6, ip("192.168.1.1") + ip("8.8.8.8")),
             opt(15, b"example.lan"), op=2, yiaddr=0xc0a80132, siaddr=0xc0a80101, flags=0x8000),
        dhcp(opt(53, b"\x03"), opt(50, ip("10.0.0.9")), opt(57, b"\x05\xdc"), opt(60, b"udhcp 1.30"),
             opt(81, b"\x00\x00\x00host.example"), opt(82, b"\x01\x04abcd\x02\x02xy"), hops=1, giaddr=0x0a000001),
        dhcp(opt(53, b"\x05"), opt(119, b"\x07example\x03com\x00\xc0\x00"), opt(121, b"\x18\xc0\xa8\x02\xc0\xa8\x01\x01\x00\x0a\x00\x00\x01"),
             opt(33, ip("10.0.0.0") + ip("10.0.0.1")), opt(43, b"\x01\x02\x03"), op=2, secs=3),
        dhcp(opt(53, b"\x06"), opt(56, b"no lease"), opt(0, b"") [:1], b"\x00\x00", op=2),
        dhcp(opt(53, b"\x07"), opt(53, b"\x08"), opt(53, b"\x09"), opt(53, b"\x0d")),
        dhcp(opt(53, b""), opt(54, b"\x01\x02"), opt(51, b"\x00"), opt(12, b""), opt(250, b"\x01\x02")),
        dhcp(opt(19, b"\x01"), opt(46, b"\x08"), opt(23, b"\x40"), opt(26, b"\x05\xdc"), opt(13, b"\x00\x10"),
             opt(52, b"\x03"), opt(116, b"\x01"), opt(117, b"\x00\x01\x00\x02"), opt(118, ip("10.1.2.3")),
             opt(124, b"\x00\x00\x0d\xe9\x05\x04abcd"), opt(125, b"\x00\x00\x0d\xe9\x06\x01\x02x"), opt(108, b"\x00\x00\x07\x08")),
        bootp(vend=b"\x63\x82\x53\x63" + b"\x35\x01\x01"), bootp(vend=b"\x63\x82\x53\x63"),
        bootp(vend=b"\x01\x02\x03\x04" + bytes(60)), bootp(vend=b""), bootp(op=3, htype=6, hlen=16, vend=b""),
        bootp(sname=b"server.example", file=b"/pxelinux.0", vend=bytes(64), ciaddr=0x0a000002),
        bootp()[:40], bootp()[:100], bootp(hlen=20), bootp(htype=1, hlen=0),
        dhcp(opt(53, b"\x01"), opt(55, b""), opt(61, b"\x00abc"), opt(61, b"\x02"), opt(81, b"\x01"),
             opt(82, b"\x09\x01x"), opt(121, b"\x21"), opt(119, b"\xc0\x05"), opt(77, b"\x01"), opt(145, b"\x01")),
    ]


def hsrp_messages():
    def h(ver=0, op=0, state=16, hello=3, hold=10, prio=100, group=1, res=0, auth=b"cisco", addr=b"\xc0\xa8\0\x01"):
        return bytes([ver, op, state, hello, hold, prio, group, res]) + auth.ljust(8, b"\0")[:8] + addr
    return [h(), h(op=1, state=8), h(op=2, state=4, res=7), h(op=9, state=3, hello=0, hold=255),
            h(ver=1), h(auth=b"12345678", hello=200), h(state=1, prio=0, auth=b"a\x01\x80b"), h()[:10]]


def bfd_messages():
    def b(ver=1, diag=0, state=3, flags=0, mult=3, length=24, my=0x7429abf9, your=0xd43a40c1,
          tx=300000, rx=300000, echo=50000, auth=b""):
        return struct.pack("!BBBBIIIII", ver << 5 | diag, state << 6 | flags, mult, length, my, your, tx, rx,
                           echo) + auth
    return [b(), b(state=1, flags=0x20, diag=1), b(state=0, flags=0x3b, diag=9), b(state=2, diag=31, mult=0),
            b(ver=0, flags=0xff, diag=4), b(ver=0, flags=0), b(ver=2), b(ver=7, diag=3),
            b(flags=4, auth=bytes([1, 9, 2]) + b"secret"), b(flags=4, auth=bytes([1, 3, 2])),
            b(flags=4, auth=bytes([1, 25, 2]) + b"x" * 22), b(flags=4, auth=bytes([1, 8, 2]) + b"\x01\x80ab\xff"),
            b(flags=4, auth=bytes([2, 24, 5, 0]) + struct.pack("!I", 77) + bytes(range(16))),
            b(flags=4, auth=bytes([3, 24, 5, 0]) + struct.pack("!I", 78) + bytes(range(12))),
            b(flags=4, auth=bytes([4, 28, 6, 0]) + struct.pack("!I", 79) + bytes(range(20))),
            b(flags=4, auth=bytes([5, 27, 6, 0]) + struct.pack("!I", 80) + bytes(range(20))),
            b(flags=4, auth=bytes([9, 4, 1, 0])), b(flags=4, auth=bytes([1])), b(flags=4),
            b(tx=4294967295, mult=255), b()[:12]]


def frames():
    out = []
    # dispatch: every pair of tested ports, a short payload
    pl = bytes([0, 1, 0, 0, 0, 0, 0, 1, 0x45, 0x4e, 0x01, 0x02])
    for a in UDP_PORTS:
        for b in UDP_PORTS:
            out.append((udp(a, b, pl), None))
    for a in TCP_PORTS:
        for b in TCP_PORTS:
            out.append((tcp(a, b, pl), None))
    rich = []
    for m in ntp_messages():
        out.append((udp(123, 123, m), None))
        out.append((udp(40000, 123, m, v6=True), None))
    rich.append(udp(123, 40000, ntp_messages()[1]))
    rich.append(udp(123, 40000, ntp_messages()[19]))
    for port, m in txt_messages():
        out.append((tcp(40001, port, m), None))
        out.append((tcp(port, 40001, m), None))
    rich.append(tcp(80, 40001, txt_messages()[1][1]))
    # (messages, source port, destination port, the ones cut short below)
    for msgs, sport, dport, cut in ((sip_messages, 5060, 5060, (0,)), (syslog_messages, 40002, 514, (1,)),
                                    (tftp_messages, 40003, 69, (1, 4)), (vxlan_messages, 40004, 4789, (0,))):
        for m in msgs():
            out.append((udp(sport, dport, m), None))
        rich.extend(udp(sport, dport, msgs()[i]) for i in cut)
    for m in bootp_messages():
        out.append((udp(68, 67, m), None))
    for m in hsrp_messages():
        out.append((udp(1985, 1985, m), None))
    rich.append(udp(1985, 1985, hsrp_messages()[2]))
    for m in bfd_messages():
        for port in (3784, 4784, 6784, 3785):
            out.append((udp(49200, port, m), None))
        out.append((udp(49200, 3784, m, v6=True), None))
    rich.append(udp(49200, 3784, bfd_messages()[8]))
    rich.append(udp(49200, 4784, bfd_messages()[14]))
    for m in bootp_messages()[:4]:
        rich.append(udp(67, 68, m))
    for f in rich:  # cut short at every byte past the UDP/TCP header
        for cut in range(42, len(f)):
            out.append((f, cut))
    return out


def fuzz_frames(n, seed):
    """n damaged copies of the messages above (1 to 8 bytes changed, some
    cut short), for longer runs by hand."""
    rnd = random.Random(seed)
    goods = ([(123, m) for m in ntp_messages()] + [(514, m) for m in syslog_messages()] +
             [(69, m) for m in tftp_messages()] + [(4789, m) for m in vxlan_messages()] +
             [(67, m) for m in bootp_messages()] + [(5060, m) for m in sip_messages()] +
             [(1985, m) for m in hsrp_messages()] + [(3784, m) for m in bfd_messages()])
    out = []
    for _ in range(n):
        port, m = rnd.choice(goods)
        b = bytearray(m)
        for _ in range(rnd.randrange(1, 9) if b else 0):
            b[rnd.randrange(len(b))] = rnd.choice((0, 1, 0x20, 0x35, 0x3e, 0x80, 0xff, rnd.randrange(256)))
        f = udp(40005, port, bytes(b))
        out.append((f, rnd.randrange(42, len(f)) if rnd.randrange(4) == 0 and len(f) > 42 else None))
    for _ in range(n // 4):
        port, m = rnd.choice(txt_messages())
        b = bytearray(m)
        for _ in range(rnd.randrange(1, 5) if b else 0):
            b[rnd.randrange(len(b))] = rnd.choice((0, 0x0a, 0x0d, 0x20, 0x80, rnd.randrange(256)))
        out.append((tcp(40006, port, bytes(b)), None))
    return out


if __name__ == "__main__":
    if len(sys.argv) > 3:
        write(sys.argv[1], fuzz_frames(int(sys.argv[2]), int(sys.argv[3])))
    else:
        write(sys.argv[1], frames())
