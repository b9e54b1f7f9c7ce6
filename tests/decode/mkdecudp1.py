#!/usr/bin/env python3
"""mkdecudp1.py: a capture of SNMP messages (UDP 161 and 162) and of the
UDP tunnels (Geneve 6081, VXLAN-GPE 4790, OTV 8472) and LISP control
messages (4342), MPLS in UDP (6635), PTP over UDP (319, 320) and LDP (646, UDP and TCP)
for
compare.py (the decoder against tcpdump): v1, v2c and v3 PDUs with every
value type, the error fields, traps, object identifiers with and without
tcpdump's MIB names; malformed BER (long and extended tags and lengths,
lengths past the message, unknown classes, wrong types where the message
needs another) and rich messages cut short at every byte.  The expected
output is whatever tcpdump prints for them.  Deterministic.
usage: mkdecudp1.py OUT.pcap"""
import os, struct, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkdns import udp, tcp, ip4, write  # Ethernet/IP/UDP/TCP framing, pcap writer


# --- BER ---
def blen(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    return bytes([tag]) + blen(len(body)) + body


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def integer(v):
    return tlv(0x02, v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big", signed=True))


def octets(s):
    return tlv(0x04, s if isinstance(s, bytes) else s.encode())


NULL = tlv(0x05, b"")


def sub(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.insert(0, 0x80 | (v & 0x7F))
        v >>= 7
    return bytes(out)


def oid(s, raw=None):
    if raw is not None:
        return tlv(0x06, raw)
    a = [int(x) for x in s.split(".")]
    body = sub(a[0] * 40 + (a[1] if len(a) > 1 else 0)) + b"".join(sub(x) for x in a[2:])
    return tlv(0x06, body)


def app(tag, body):
    return tlv(0x40 | tag, body)


def uns(tag, v, n=None):
    n = n or max(1, (v.bit_length() + 7) // 8)
    return app(tag, v.to_bytes(n, "big"))


def vb(o, val=NULL):
    return seq(o if isinstance(o, bytes) else oid(o), val)


def pdu(tag, reqid, es, ei, binds, raw_binds=None):
    body = integer(reqid) + integer(es) + integer(ei)
    body += raw_binds if raw_binds is not None else seq(*binds)
    return tlv(0xA0 | tag, body)


def msg(version, community, p):
    return seq(integer(version), octets(community), p)


def trap(ent, addr, generic, specific, ticks, binds):
    return tlv(0xA4, oid(ent) + app(0, addr) + integer(generic) + integer(specific) + uns(3, ticks, 4) +
               seq(*binds))


def v3(flags=b"\x03", model=3, usm=None, scoped=None, header_extra=b"", msgid=91, maxsize=65507):
    if usm is None:
        usm = seq(octets(b"\x80\x00\x1f\x88\x80\x12\x34"), integer(5), integer(12345), octets("alice"),
                  octets(bytes(12)), octets(b"\x01\x02\x03\x04\x05\x06\x07\x08"))
    if scoped is None:
        scoped = seq(octets(b"\x80\x00\x1f\x88"), octets("ctx"), pdu(0, 7, 0, 0, [vb("1.3.6.1.2.1.1.3.0")]))
    header = seq(integer(msgid), integer(maxsize), tlv(0x04, flags), integer(model), header_extra)
    return seq(integer(3), header, octets(usm), scoped)


# --- the messages ---
OIDS = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.2.1.10.3", "1.3.6.1.4.1.9.9.13.1", "1.3.6.1.3.5",
        "1.3.6.1.6.3.1.1.4.1.0", "1.3.6.1.6.3.15.1.1.4.0", "1.3.6.1.2.1.4.20.1.1.10.0.0.1",
        "1.3.6.1.2.1.11.1.0", "1.3.6.1.2.1.99.1", "1.3.6.1.5.5", "1.3.6.1.1.1", "1.3.6", "1.3",
        "0.0", "2.5.4.3", "2.999.1", "1.3.6.1.4.1.2021.10.1.3.1", "1.3.6.1.2.1.6.13.1.1", "1.3.6.1.2.1.17.1",
        "1.3.6.1.2.1.4294967295.1", "1.3.6.1.4.1.311", "1.3.6.1.2.1.31.1.1.1.6.2"]
RAW_OIDS = [b"", b"\x2b", b"\x2b\x06", b"\x80\x2b\x06\x01\x02\x01\x01", b"\x2b\x06\x81", b"\x8f\xff\xff\xff\x7f",
            b"\xff\xff\xff\xff\xff\x7f\x01", b"\x2b\x06\x01\x02\x01\x80\x01", b"\x7f\x01", b"\x50\x02",
            b"\x2b\x06\x01\x04\x01\x82\x37\x01"]


def values():
    return [integer(42), integer(-1), integer(0), integer(2**31 - 1), tlv(0x02, b"\x01\x02\x03\x04\x05"),
            octets("router1"), octets(b"\x00\x1b\x21\xaa"), octets(""), octets(b"a\"b~"), oid("1.3.6.1.4.1.8072.3.2.10"),
            app(0, b"\x0a\x00\x00\x01"), app(0, b"\x0a\x00\x01"), uns(1, 4000000000), uns(2, 7), uns(3, 123456),
            uns(6, 2**64 - 1), uns(6, 5, 9), app(4, b"\x9f\x78\x04\x3f\x80\x00\x00"), app(5, b"xy"),
            tlv(0x80, b""), tlv(0x81, b""), tlv(0x82, b""), tlv(0x83, b""), tlv(0x01, b"\xff"),
            tlv(0x03, b"\x00\xf0"), tlv(0x07, b"d"), tlv(0x31, integer(1)), tlv(0x61, b"\x01"), tlv(0xC0, b"\x05"),
            tlv(0xE0, b""), NULL]


def v1v2_messages():
    m = []
    binds = [vb(o) for o in OIDS] + [vb(oid(None, r)) for r in RAW_OIDS]
    for t in (0, 1, 5):
        m.append(msg(1 if t == 5 else 0, "public", pdu(t, 1000 + t, 0, 0, binds[:8])))
    m.append(msg(0, "private", pdu(0, 1, 0, 0, binds[8:])))
    m.append(msg(1, "public", pdu(1, 2, 0, 0, [vb(o, integer(1)) for o in OIDS[:3]])))  # objVal!=NULL
    m.append(msg(1, "public", pdu(5, 3, 2, 10, [vb(OIDS[0])])))                         # GetBulk N= M=
    vals = values()
    m.append(msg(0, "public", pdu(2, 77, 0, 0, [vb(OIDS[i % len(OIDS)], v) for i, v in enumerate(vals)])))
    m.append(msg(1, "c\x01", pdu(3, -5, 0, 0, [vb(OIDS[0], octets("new name"))])))
    for es, ei in ((0, 0), (2, 1), (5, 0), (0, 3), (18, 2), (19, 1), (-1, -2), (1000, 0)):
        m.append(msg(1, "public", pdu(2, 9, es, ei, [vb(OIDS[1], uns(1, 5))])))
        m.append(msg(1, "public", pdu(0, 9, es, ei, [vb(OIDS[1])])))
        m.append(msg(1, "public", pdu(6, 9, es, ei, [vb(OIDS[1], uns(3, 5))])))
    for t in (6, 7, 8):
        m.append(msg(1, "public", pdu(t, 11, 0, 0, [vb("1.3.6.1.2.1.1.3.0", uns(3, 99)),
                                                    vb("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.3"))])))
        m.append(msg(0, "public", pdu(t, 11, 0, 0, [])))                                 # v2 PDU in v1
    for g, s in ((0, 0), (3, 0), (6, 17), (2, 4), (7, 0), (-3, 0)):
        m.append(msg(0, "public", trap("1.3.6.1.4.1.9.1.1", b"\xc0\xa8\x01\x01", g, s, 5000,
                                       [vb("1.3.6.1.2.1.2.2.1.1.2", integer(2))])))
    m.append(msg(1, "public", trap("1.3.6.1.4.1.9", b"\x01\x02\x03\x04", 0, 0, 1, [])))   # v1 PDU in v2
    m.append(msg(0, "public", pdu(2, 1, 0, 0, [])))                                        # no bindings
    return m


def malformed():
    ok = pdu(0, 1, 0, 0, [vb(OIDS[0])])
    m = [b"", b"\x30", b"\x30\x00", b"\x02\x01\x00", b"\x30\x03\x02\x01\x02", b"\x30\x03\x02\x01\x07",
         b"\x30\x03\x02\x01\xff", b"\x30\x03\x04\x01\x00", b"\x30\x02\x02\x00", b"\x30\x05\x02\x01\x00\x04\x00",
         b"\x30\x81", b"\x30\x82\x00", b"\x30\x84\x7f\xff\xff\xff", b"\x30\x10\x02\x01\x00",
         b"\x1f\x81\x80\x01\x00", b"\x1f\x85\x00", b"\x1f", b"\x1f\x81", b"\x3f\x10\x00", b"\x5f\x07\x00",
         b"\x12\x00", b"\x32\x00", b"\xff\x00", b"\x45\x00", b"\x89\x00", b"\x30\x80\x02\x01\x00",
         msg(0, "public", ok) + b"\x00\x00\x00",                       # extra after iSEQ
         seq(integer(0), octets("public"), ok, b"\x05\x00"),           # extra after PDU
         seq(integer(0), octets("public"), integer(5)),                # no PDU
         seq(integer(0), integer(5), ok),                              # comm!=STR
         seq(integer(0), octets("public")),                            # nothing to parse
         seq(integer(0), octets("public"), tlv(0xA2, integer(1))),
         seq(integer(0), octets("public"), tlv(0xA2, octets("x") + integer(0) + integer(0) + seq())),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + NULL + integer(0) + seq())),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + NULL + seq())),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) + NULL)),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) + seq() + NULL)),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) + seq(NULL))),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) + seq(seq(NULL)))),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) + seq(seq(oid("1.3"))))),
         seq(integer(0), octets("public"), tlv(0xA2, integer(1) + integer(0) + integer(0) +
                                               seq(seq(oid("1.3"), NULL, NULL), vb("1.3.6"))))]
    for bad in (octets("x"), integer(1), NULL):
        for k in range(5):
            f = [oid("1.3.6.1.4.1.9"), app(0, b"\x01\x02\x03\x04"), integer(6), integer(1), uns(3, 9, 4)]
            f[k] = bad
            m.append(seq(integer(0), octets("public"), tlv(0xA4, b"".join(f) + seq())))
    m.append(seq(integer(0), octets("public"), tlv(0xA4, oid("1.3.6.1.4.1.9") + app(0, b"\x01\x02\x03\x04") +
                                                   integer(6) + integer(1) + uns(3, 9, 4) + NULL)))
    return m


def v3_messages():
    usm = lambda *f: seq(*f)
    good = [octets(b"\x80\x00\x1f\x88\x80\x12\x34"), integer(5), integer(12345), octets("alice"),
            octets(bytes(12)), octets(b"")]
    m = [v3(flags=f) for f in (b"\x00", b"\x01", b"\x03", b"\x04", b"\x05", b"\x07", b"\x02", b"\x06", b"\xff",
                                 b"", b"\x03\x00")]
    m += [v3(model=1), v3(model=-7), v3(header_extra=integer(1)), v3(usm=b"\x05\x00"), v3(usm=b""),
          v3(usm=usm(*good) + b"\x00\x00"), v3(usm=usm(*good, octets("extra"))),
          v3(usm=usm(octets(b"\xff\xfe"), integer(0), integer(0), octets(b"\x00"), octets(b""), octets(b"")))]
    for k in range(6):
        f = list(good)
        f[k] = NULL
        m.append(v3(usm=usm(*f)))
    m += [v3(scoped=NULL), v3(scoped=seq(NULL)), v3(scoped=seq(octets(b""), NULL)),
          v3(scoped=seq(octets(b""), octets(b"\x01"), pdu(8, 1, 0, 0, [vb("1.3.6.1.6.3.15.1.1.4.0", uns(1, 3))]))),
          v3(scoped=seq(octets(b""), octets(""), tlv(0xA4, b""))),
          v3(scoped=seq(octets(b"\x01"), octets("c"), pdu(2, 5, 0, 0, [vb("1.3.6.1.2.1.1.5.0", octets("h"))])))]
    m += [seq(integer(3), NULL), seq(integer(3), seq(NULL)), seq(integer(3), seq(integer(1), NULL)),
          seq(integer(3), seq(integer(1), integer(2), NULL)),
          seq(integer(3), seq(integer(1), integer(2), octets(b"\x03"), NULL)),
          seq(integer(3), seq(integer(1), integer(2), octets(b"\x03"), integer(3)), NULL),
          seq(integer(3), seq(integer(1), integer(2), octets(b"\x03"), integer(3)))]
    return m


def carry(msgs, ports, v6_at):
    """Each message in a datagram: ports(i) gives its (source, destination)
    ports, v6_at(i) whether over IPv6."""
    return [(udp(*ports(i), m, v6=v6_at(i)), None) for i, m in enumerate(msgs)]


def every_cut(port, msgs, step=1):
    """Each message cut short at every step-th byte of the datagram."""
    out = []
    for m in msgs:
        f = udp(40000, port, m)
        out += [(f, cut) for cut in range(42, len(f), step)]
    return out


def snmp_frames():
    msgs = v1v2_messages() + malformed() + v3_messages()
    rich = [msgs[6], msgs[0], v3(), msg(0, "public", trap("1.3.6.1.4.1.9.1.1", b"\xc0\xa8\x01\x01", 6, 3, 5000,
                                                            [vb("1.3.6.1.2.1.2.2.1.1.2", integer(2))]))]
    return carry(msgs, lambda i: ((40000 + i, 161), (161, 40000 + i), (40000 + i, 162))[i % 3],
                 lambda i: i % 11 == 5) + every_cut(161, rich)


# --- tunnels: what they carry ---
def inner_ip4(data=b"abcd"):
    u = struct.pack("!HHHH", 1000, 2000, 8 + len(data), 0) + data
    return ip4(17, u)[1] + u


def inner_ip6(data=b"abcd"):
    u = struct.pack("!HHHH", 1000, 2000, 8 + len(data), 0) + data
    return struct.pack("!IHBB16s16s", 6 << 28, len(u), 17, 64, b"\xfd" + bytes(14) + b"\x01",
                       b"\xfd" + bytes(14) + b"\x02") + u


def inner_eth(et=b"\x08\x00", payload=None):
    return b"\x02\0\0\0\0\x01\x02\0\0\0\0\x02" + et + (inner_ip4() if payload is None else payload)


MPLS_IP = b"\x00\x01\x01\x40" + inner_ip4()


def geneve(ver=0, opts=b"", flags=0, proto=0x6558, vni=0x1389, rsvd=0, payload=None, optlen=None):
    n = len(opts) // 4 if optlen is None else optlen
    return bytes([ver << 6 | n, flags]) + struct.pack("!H", proto) + vni.to_bytes(3, "big") + bytes([rsvd]) + \
        opts + (inner_eth() if payload is None else payload)


def gopt(cls, typ, words):
    return struct.pack("!HBB", cls, typ, len(words) // 4) + words


def geneve_messages():
    return [geneve(), geneve(proto=0x0800, payload=inner_ip4()), geneve(proto=0x86DD, payload=inner_ip6()),
            geneve(proto=0x1234, payload=b"xx"), geneve(flags=0xC0), geneve(flags=0xFF, rsvd=5), geneve(ver=1),
            geneve(ver=3, flags=0x40), geneve(opts=gopt(0x0101, 0x80, b"\1\2\3\4")),
            geneve(opts=gopt(0xFFF5, 0x01, b"") + gopt(0x0005, 0x02, bytes(range(8)))),
            geneve(opts=gopt(0x0100, 0x7F, b"") + gopt(0x0102, 0x81, b"") + gopt(0x0103, 3, b"") + gopt(0x0200, 4, b"")),
            geneve(opts=struct.pack("!HBB", 0x0104, 0x01, 5) + bytes(4)), bytes([0x3F, 0]) + b"\x65\x58" + bytes(4),
            geneve(proto=0x0806, payload=bytes(28)), geneve(proto=0x8847, payload=MPLS_IP),
            geneve(payload=inner_eth()[:10]), geneve(payload=b""), geneve(payload=inner_eth(b"\x86\xdd", inner_ip6())),
            geneve(proto=0x88CC, payload=b"\x02\x07\x04" + bytes(6)), geneve(proto=0x0801, payload=b"x"),
            geneve(payload=inner_eth(b"\x81\x00", b"\x00\x05\x08\x00" + inner_ip4())), geneve(vni=0xFFFFFF)]


def gpe(flags=0x0C, nxt=1, payload=None, vni=7):
    return bytes([flags, 0, 0, nxt]) + vni.to_bytes(3, "big") + b"\0" + (inner_ip4() if payload is None else payload)


def nsh(words=2, md=1, nxt=1, ver=0, flags=0, ttl=63, ctx=b"", payload=None, spi=1, si=255):
    base = ver << 30 | flags << 28 | ttl << 22 | words << 16 | md << 8 | nxt
    return struct.pack("!I", base) + spi.to_bytes(3, "big") + bytes([si]) + ctx + (inner_ip4() if payload is None else payload)


def tlvs2(*items):
    out = b""
    for cls, typ, val in items:
        out += struct.pack("!HBB", cls, typ, len(val)) + val + bytes((-len(val)) % 4)
    return out


NSHS = [nsh(), nsh(nxt=2, payload=inner_ip6()), nsh(nxt=3, payload=inner_eth(), flags=2), nsh(nxt=9), nsh(ver=1),
        nsh(words=6, md=1, ctx=bytes(range(16))), nsh(words=5, md=1, ctx=bytes(12)),
        nsh(words=5, md=2, ctx=tlvs2((0x100, 1, b"\xaa\xbb\xcc"), (7, 2, b""))), nsh(words=3, md=2, ctx=tlvs2((1, 1, b"abcdefgh"))),
        nsh(words=4, md=15, ctx=bytes(8)), nsh(words=1), nsh(words=60), b"\0\x02\0\x01", nsh(words=6, md=1, ctx=bytes(4))]


def gpe_messages():
    return [gpe(), gpe(nxt=2, payload=inner_ip6()), gpe(nxt=3, payload=inner_eth()), gpe(nxt=4, payload=bytes(12)),
            gpe(nxt=5, payload=MPLS_IP), gpe(nxt=0), gpe(nxt=9), gpe(flags=0x08, payload=inner_eth()), gpe(flags=0x04),
            gpe(flags=0x0D), gpe(flags=0x2C), gpe(flags=0x0E), gpe(flags=0), gpe(nxt=3, payload=b"short"),
            gpe(nxt=1, payload=b"\x60"), b"\x0c\0\0\x01\0\0", b""] + [gpe(nxt=4, payload=n) for n in NSHS]


def otv(flags=0x08, payload=None):
    return bytes([flags]) + b"\0\0\x05\0\0\x64\0" + (inner_eth() if payload is None else payload)


def otv_messages():
    return [otv(), otv(flags=0), otv(flags=0xFF), otv(payload=b"abc"), otv(payload=inner_eth(b"\x08\x06", bytes(28))),
            otv()[:7], otv()[:3], otv()[:8]]


def tunnel_frames():
    out = []
    for port, msgs in ((6081, geneve_messages()), (4790, gpe_messages()), (8472, otv_messages())):
        out += carry(msgs, lambda i, port=port: (40000 + i, port) if i % 2 else (port, 40000 + i), lambda i: i % 7 == 3)
    return out + every_cut(6081, [geneve(opts=gopt(0x0101, 0x80, b"\1\2\3\4")), geneve(proto=0x0800, payload=inner_ip4())]) + \
        every_cut(4790, [gpe(nxt=3, payload=inner_eth()), gpe(nxt=4, payload=NSHS[7])]) + every_cut(8472, [otv()])


# --- LISP control messages (4342) ---
def lisp_loc(afi=1, addr=b"\x14\x14\x08\xfd", prio=1, weight=100, flags=0):
    return struct.pack("!BBBBHH", prio, weight, prio, weight, flags, afi) + addr


def lisp_rec(afi=2, eid=bytes.fromhex("20010db885a3000000008a2e03707334"), mask=80, locs=(None,), act=0x10, ver=0, ttl=1440):
    body = b"".join(lisp_loc() if l is None else l for l in locs)
    return struct.pack("!IBBBBHH", ttl, len(locs), mask, act, 0, ver, afi) + eid + body


def lisp(typ=3, flags=0x2, mflag=1, recs=None, key=1, auth=bytes(range(20)), tail=None, count=None):
    recs = [lisp_rec(), lisp_rec(afi=1, eid=b"\x0a\0\0\0", mask=8)] if recs is None else recs
    hdr = bytes([typ << 4 | flags, 0, mflag, len(recs) if count is None else count]) + bytes(8) + \
        struct.pack("!HH", key, len(auth)) + auth
    xtr = bytes(range(16)) + struct.pack("!Q", 2**64 - 2) if tail is None else tail
    return hdr + b"".join(recs) + xtr


def lisp_messages():
    return [lisp(), lisp(typ=4, flags=0x8), lisp(flags=0), lisp(flags=0, tail=b"\xde\xad\xbe"), lisp(typ=1), lisp(typ=2),
            lisp(typ=8), lisp(typ=15), lisp(typ=0), lisp(count=0), lisp(key=2, auth=bytes(32)), lisp(key=9, auth=b"\x01"),
            lisp(key=0, auth=b""), lisp(flags=0xF, mflag=0xFF), lisp(typ=4, flags=0x4, tail=b""),
            lisp(recs=[lisp_rec(afi=16387, eid=b"\0\0")]), lisp(recs=[lisp_rec(locs=())]),
            lisp(recs=[lisp_rec(locs=(lisp_loc(afi=2, addr=bytes(16), flags=7), lisp_loc(afi=9, addr=b""),
                                      lisp_loc(flags=2)), act=0xff, ver=0xabcd)]),
            lisp(recs=[lisp_rec()] * 3, count=5), lisp(tail=bytes(10)), lisp(flags=0, tail=b""), lisp()[:15],
            lisp(auth=bytes(300))]


def lisp_frames():
    rich = [lisp(), lisp(typ=4, flags=0x8, recs=[lisp_rec(locs=(lisp_loc(afi=2, addr=bytes(16)),))])]
    return carry(lisp_messages(), lambda i: (4342, 4342 if i % 2 else 40000 + i), lambda i: i % 5 == 2) + \
        every_cut(4342, rich)


# --- MPLS in UDP (6635) and PTP over UDP (319, 320): the ethertype printers ---
def ptp(mtype=0, ver=2, body=bytes(10), flags=0x0200, domain=0, seq=7, ctl=0):
    n = 34 + len(body)
    return bytes([mtype, ver]) + struct.pack("!HBBH", n, domain, 0, flags) + bytes(8) + bytes(4) + \
        bytes(range(8)) + struct.pack("!HHBb", 1, seq, ctl, -3) + body


def carried_frames():
    mpls = [MPLS_IP, b"\x00\x00\x31\x40" + inner_ip4(), b"\x00\x02\x01\x40" + inner_ip6(),
            b"\x00\x01\x00\x40\x00\x03\x01\x40" + inner_ip4(), b"\x00\x01\x00\x40", b"\x00\x01",
            b"\x00\x05\x0b\x7f" + inner_ip6(), b"\x00\x05\x01\x40abcdef", b""]
    ptps = [ptp(), ptp(mtype=1), ptp(mtype=8, ctl=2), ptp(mtype=9, body=bytes(20)), ptp(mtype=0xB, body=bytes(30)),
            ptp(mtype=2, body=bytes(20)), ptp(mtype=3, body=bytes(20)), ptp(mtype=0xA, body=bytes(20)),
            ptp(mtype=0xC, body=bytes(10)), ptp(mtype=0xD, body=bytes(14)), ptp(ver=1), ptp(ver=0x12), ptp()[:20],
            ptp(mtype=0x7)]
    return carry(mpls, lambda i: (40000 + i, 6635), lambda i: i == 2) + \
        carry(ptps, lambda i: (319 if i % 2 else 320, 319 if i % 3 else 320), lambda i: i == 4) + \
        every_cut(319, [ptp(mtype=0xB, body=bytes(30))], 3)


# --- LDP (646 over UDP and TCP) ---
def ltlv(t, v, u=0, f=0):
    return struct.pack("!HH", (u << 15) | (f << 14) | t, len(v)) + v


def lmsg(t, tlvs, mid=1, u=0, raw_len=None):
    body = struct.pack("!I", mid) + b"".join(tlvs)
    return struct.pack("!HH", (u << 15) | t, len(body) if raw_len is None else raw_len) + body


def lpdu(msgs, lsr=b"\xc0\xa8\x00\x02", space=0, ver=1, raw_len=None):
    body = lsr + struct.pack("!H", space) + b"".join(msgs)
    return struct.pack("!HH", ver, len(body) if raw_len is None else raw_len) + body


def fec_prefix(af, plen, addr):
    return bytes([2]) + struct.pack("!HB", af, plen) + addr


def martini(info, cw=1, pw=5, tail=b""):
    vc = b"" if info is None else struct.pack("!I", 100) + info
    return bytes([0x80]) + struct.pack("!HBI", (cw << 15) | pw, len(vc), 7) + vc + tail


def ldp_messages():
    hello = lmsg(0x100, [ltlv(0x400, struct.pack("!HH", 15, 0xC000)), ltlv(0x401, b"\x0a\0\0\x01"),
                         ltlv(0x402, struct.pack("!I", 9)), ltlv(0x403, bytes(15) + b"\x01")])
    init = lmsg(0x200, [ltlv(0x500, struct.pack("!HHBBHIH", 1, 30, 0xC0, 0, 0x4000, 0x0a000001, 0)),
                        ltlv(0x503, struct.pack("!HHII", 0x800F, 0, 100, 200)), ltlv(0x503, bytes(12)),
                        ltlv(0x601, struct.pack("!H", 1500)), ltlv(0x50B, b"\x80"), ltlv(0x701, b"\x40\0\0\0")])
    addr = lmsg(0x300, [ltlv(0x101, struct.pack("!H", 1) + b"\x0a\0\0\x01\x0a\0\0\x02\x0a"),
                        ltlv(0x101, struct.pack("!H", 2) + bytes(15) + b"\x01"), ltlv(0x101, struct.pack("!H", 12) + b"xy"),
                        ltlv(0x101, struct.pack("!H", 25)), ltlv(0x101, struct.pack("!H", 196)), ltlv(0x101, struct.pack("!H", 300)),
                        ltlv(0x101, b"\0")])
    mapping = lmsg(0x400, [ltlv(0x100, fec_prefix(1, 24, b"\x0a\x01\x02")), ltlv(0x100, fec_prefix(2, 64, bytes(8))),
                           ltlv(0x100, fec_prefix(1, 33, b"")), ltlv(0x100, fec_prefix(2, 200, b"")),
                           ltlv(0x100, fec_prefix(1, 32, b"\x0a")), ltlv(0x100, fec_prefix(7, 8, b"\x01")),
                           ltlv(0x100, fec_prefix(1, 12, b"\x0a\xff")), ltlv(0x100, b"\x01"), ltlv(0x100, b"\x03"),
                           ltlv(0x100, b"\x02\x00"), ltlv(0x100, b"\x09"),
                           ltlv(0x100, b"\x02\x00\x01"), ltlv(0x100, b"\x02\x00\x02\x10"), ltlv(0x100, b""),
                           ltlv(0x200, struct.pack("!I", 0xFFF12345)), ltlv(0x200, b"\x01"), ltlv(0x103, b"\x01"),
                           ltlv(0x104, b"\x0a\0\0\x01\x0a\0\0\x02"), ltlv(0x201, b"\0\x01\0\x02", u=1, f=1)])
    pw = lmsg(0x400, [ltlv(0x100, martini(bytes([1, 4, 0x05, 0xDC, 3, 6]) + b"eth0" + bytes([0x0C, 4, 0x03, 0x06,
                                                                                            9, 3, 0xAB]))),
                      ltlv(0x100, martini(None)), ltlv(0x100, martini(b"", cw=0, pw=0x40)),
                      ltlv(0x100, martini(b"\x01\x01")), ltlv(0x100, bytes([0x80, 0, 5, 2]) + bytes(7)),
                      ltlv(0x100, bytes([0x80, 0, 5, 40]) + bytes(7)), ltlv(0x100, bytes([0x80, 0, 5])),
                      ltlv(0x100, martini(bytes([1, 1, 0, 0])))])
    notif = lmsg(0x001, [ltlv(0x300, struct.pack("!IIH", 0x8000000A, 5, 0x100), u=1),
                         ltlv(0x300, struct.pack("!IIH", 0x40000000 | 0x19, 0, 0)), ltlv(0x300, b"\0\0")])
    other = [lmsg(0x401, [ltlv(0x100, b"\x01")]), lmsg(0x403, [ltlv(0x100, b"\x01")]), lmsg(0x404, []),
             lmsg(0x201, []), lmsg(0x301, [ltlv(0x101, struct.pack("!H", 1) + b"\x0a\0\0\x01")]),
             lmsg(0x402, [ltlv(0x100, b"\x01")]), lmsg(0x3E00, [b"\1\2\3"], u=1), lmsg(0x100, [], raw_len=2),
             lmsg(0x100, [ltlv(0x400, b"\0\x0f\0\0", u=0)], raw_len=6),
             lmsg(0x100, [struct.pack("!HH", 0x400, 40) + b"\0\x0f\0\0"])]
    fec = [lpdu([lmsg(0x400, [ltlv(0x100, f), ltlv(0x200, struct.pack("!I", 3))])])
           for f in (fec_prefix(1, 32, b"\x0a"), b"\x02\x00\x01", b"\x02\x00\x02\x10", fec_prefix(2, 64, bytes(7)))]
    m = fec + [lpdu([hello]), lpdu([init]), lpdu([addr]), lpdu([mapping]), lpdu([pw]), lpdu([notif]), lpdu(other),
         lpdu([hello]) + lpdu([init]), lpdu([hello], ver=2), lpdu([hello], raw_len=5), lpdu([hello], raw_len=200),
         lpdu([hello])[:17], lpdu([]), lpdu([hello], raw_len=0x20) + bytes(10)]
    return m


def ldp_frames():
    msgs = ldp_messages()
    out = carry(msgs, lambda i: (646, 646) if i % 2 else (40000 + i, 646), lambda i: i % 6 == 4)
    out += [(tcp(40000, 646, m), None) for m in msgs[4:12]] + [(tcp(646, 40000, msgs[11]), None)]
    return out + every_cut(646, [msgs[8], msgs[7]])


def frames():
    return snmp_frames() + tunnel_frames() + lisp_frames() + carried_frames() + ldp_frames()


if __name__ == "__main__":
    write(sys.argv[1], frames())
