#!/usr/bin/python3
"""facts.py: check the facts bpfx's own texts state against an independent
computation.  No tcpdump prints what `bpfx dissect`, `explain` and `trace`
print, so their expected output cannot come from an oracle; instead this
script re-derives what they claim from the packet bytes and the program,
with its own pcap reader, header parser, checksum and BPF interpreter (none
of it shared with bpfx's C code):

    facts.py dissect PCAP DISSECT_OUTPUT
        every field line: the raw bytes or bits shown are the packet's at
        that offset, the value is the number they hold, the header starts
        where this script's own parser finds it, and the named fields of
        Ethernet, IPv4, IPv6, TCP, UDP and ICMP sit at the offsets and bits
        of their RFCs (source port at tcp[0:2], PSH at tcp[13] & 8, ...);
        every checksum verdict and "it should be" value is recomputed;
        "tcpdump prints Flags [..]" and the payload arithmetic are redone.
    facts.py explain LINKTYPE EXPLAIN_OUTPUT...
        every load's "at L (link) + ... + K" adds up to its offset, L is
        the link header's length for LINKTYPE, the field named is the one
        at that protocol offset; every branch's "yes -> / no ->" are its
        jt/jf, "(accept)"/"(reject)" are the ret there, its constant is
        the one the question states.
    facts.py trace PCAP DDD_PROGRAM TRACE_OUTPUT...
        runs the program (bpfx compile -ddd) on the packet with this
        script's interpreter and checks every step: pc, A, X, each read
        (offset, size, value), each comparison and where it jumps, memory,
        and the verdict.

Prints the number of facts checked; exit 1 on any wrong fact (each is
printed), 2 on a usage error or an output it cannot parse."""
import ipaddress
import os
import re
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from pcapbytes import csum  # noqa: E402

bad = 0
checked = 0


def fact(ok, what):
    global bad, checked
    checked += 1
    if not ok:
        bad += 1
        if bad <= 30:
            print("WRONG: " + what)


# --- pcap (libpcap's file format, pcap-savefile(5)) ---

def read_pcap(path):
    data = open(path, "rb").read()
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        sys.exit("facts.py: %s is not a pcap file" % path)
    linktype = struct.unpack(e + "I", data[20:24])[0] & 0x0fffffff
    pkts, at = [], 24
    while at + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(e + "IIII", data[at:at + 16])
        pkts.append(data[at + 16:at + 16 + caplen])
        at += 16 + caplen
    return linktype, pkts


# --- link types (pcap-linktype(7)): link header length, how the network
# layer is named ---
DLT_LEN = {1: 14, 12: 0, 14: 0, 101: 0, 228: 0, 229: 0, 0: 4, 108: 4, 113: 16, 276: 20}
LT_LEN = {"EN10MB": 14, "RAW": 0, "IPV4": 0, "IPV6": 0, "NULL": 4, "LOOP": 4, "LINUX_SLL": 16, "LINUX_SLL2": 20}


def be(b, off, n):
    return int.from_bytes(b[off:off + n], "big")


def parse_headers(dlt, p):
    """{section title: (start, length)} and checksum facts, by this
    script's own reading of the bytes; stops at anything unusual."""
    h, ck = {}, {}
    off = DLT_LEN.get(dlt)
    if off is None or len(p) < off:
        return h, ck
    if dlt == 1:
        h["Ethernet header"] = (0, 14)
        et = be(p, 12, 2)
        if et in (0x8100, 0x88a8):
            return h, ck  # tags: not followed here
        ver = {0x0800: 4, 0x86dd: 6}.get(et)
    elif dlt == 113:
        ver = {0x0800: 4, 0x86dd: 6}.get(be(p, 14, 2))
    elif dlt == 276:
        ver = {0x0800: 4, 0x86dd: 6}.get(be(p, 0, 2))
    else:
        ver = p[off] >> 4 if len(p) > off else None
    q = p[off:]
    if ver == 4 and len(q) >= 20 and q[0] >> 4 == 4 and (q[0] & 15) >= 5:
        ihl = (q[0] & 15) * 4
        h["IPv4 header"] = (off, ihl)
        if len(q) >= ihl:
            ck["IPv4 header"] = csum(q[:10] + b"\0\0" + q[12:ihl])
        total, proto, frag = be(q, 2, 2), q[9], be(q, 6, 2) & 0x1fff
        if frag or len(q) < ihl:
            return h, ck
        pseudo = q[12:20]
        tstart, tlen = off + ihl, total - ihl
    elif ver == 6 and len(q) >= 40 and q[0] >> 4 == 6:
        h["IPv6 header"] = (off, 40)
        proto, tstart, tlen = q[6], off + 40, be(q, 4, 2)
        if proto in (0, 43, 44, 60, 51):
            return h, ck  # extension headers: not followed here
        pseudo = q[8:40]
    else:
        return h, ck
    seg = p[tstart:tstart + tlen]
    whole = len(seg) == tlen and tlen >= 0
    if ver == 4:
        ph = pseudo + struct.pack("!BBH", 0, proto, tlen)
    else:
        ph = pseudo + struct.pack("!IxxxB", tlen, proto)
    name = {6: "TCP header", 17: "UDP header", 1: "ICMP header", 58: "ICMPv6 header"}.get(proto)
    if not name or len(seg) < 4:
        return h, ck
    if proto == 6:
        if len(seg) < 13 or (seg[12] >> 4) < 5:
            return h, ck
        h[name] = (tstart, (seg[12] >> 4) * 4)
        at = 16
    elif proto == 17:
        h[name] = (tstart, 8)
        at = 6
    else:
        h[name] = (tstart, 8)
        at = 2
    if proto == 17 and be(seg, 4, 2) != tlen:
        whole = False  # the UDP length disagrees with IP's: which one to sum over is a choice, not a fact
    if whole and len(seg) >= at + 2:
        body = seg[:at] + b"\0\0" + seg[at + 2:]
        ck[name] = csum((ph if proto != 1 else b"") + body)
    return h, ck


# The fields of each header: name -> (byte offset, bits, mask or None).
# From RFC 791 (IPv4), 8200 (IPv6), 793/3168 (TCP), 768 (UDP), 792 and
# 4443 (ICMP), IEEE 802.3 (Ethernet).
FIELDS = {
    "Ethernet header": {"destination": (0, 48, None), "source": (6, 48, None), "ethertype": (12, 16, None)},
    "IPv4 header": {
        "version": (0, 4, 0xf0), "header length": (0, 4, 0x0f), "type of service": (1, 8, None),
        "total length": (2, 16, None), "identification": (4, 16, None), "flag R": (6, 1, 0x80),
        "flag DF": (6, 1, 0x40), "flag MF": (6, 1, 0x20), "fragment offset": (6, 13, 0x1fff),
        "time to live": (8, 8, None), "protocol": (9, 8, None), "header checksum": (10, 16, None),
        "source": (12, 32, None), "destination": (16, 32, None)},
    "IPv6 header": {
        "version": (0, 4, 0xf0), "traffic class": (0, 8, 0x0ff0), "flow label": (1, 20, 0x0fffff),
        "payload length": (4, 16, None), "next header": (6, 8, None), "hop limit": (7, 8, None),
        "source": (8, 128, None), "destination": (24, 128, None)},
    "TCP header": {
        "source port": (0, 16, None), "destination port": (2, 16, None), "sequence number": (4, 32, None),
        "ack number": (8, 32, None), "data offset": (12, 4, 0xf0), "CWR": (13, 1, 0x80), "ECE": (13, 1, 0x40),
        "URG": (13, 1, 0x20), "ACK": (13, 1, 0x10), "PSH": (13, 1, 0x08), "RST": (13, 1, 0x04),
        "SYN": (13, 1, 0x02), "FIN": (13, 1, 0x01), "window": (14, 16, None), "checksum": (16, 16, None),
        "urgent pointer": (18, 16, None)},
    "UDP header": {"source port": (0, 16, None), "destination port": (2, 16, None), "length": (4, 16, None),
                   "checksum": (6, 16, None)},
    "ICMP header": {"type": (0, 8, None), "code": (1, 8, None), "checksum": (2, 16, None)},
    "ICMPv6 header": {"type": (0, 8, None), "code": (1, 8, None), "checksum": (2, 16, None)},
}
FIELD_LINE = re.compile(r"^ {0,5}(\d+) +(\d+)  (.{23})  (.{22})  (.{16})  ?(.*)$")
CONT_LINE = re.compile(r"^ {14}([0-9a-f.]{2,4}(?: [0-9a-f.]{2,4})*) *$")
SECTION = re.compile(r"^(\S.*): bytes (\d+)-(\d+) \((\d+) bytes?\)")


def shown_bits(raw, nbytes_hint=None):
    """The raw column as a string of '0', '1', '.' per bit, or None."""
    toks = raw.split()
    if all(re.fullmatch(r"[0-9a-f]{2}", t) for t in toks):
        return "".join(format(int(t, 16), "08b") for t in toks)
    if all(re.fullmatch(r"[01.]{4}", t) for t in toks):
        return "".join(toks)
    return None


def check_field(p, sect, start, f):
    at, nbits, raw, name, val = f
    bits = shown_bits(raw)
    if bits is None:
        fact(False, "offset %d %s: raw column %r not bytes or bits" % (at, name, raw))
        return
    want = "".join(format(b, "08b") for b in p[at:at + len(bits) // 8])
    fact(len(want) == len(bits) and all(c == "." or c == w for c, w in zip(bits, want)),
         "offset %d %s: raw %r is not the packet's bits %s" % (at, name, raw, want))
    used = [i for i, c in enumerate(bits) if c != "."]
    # (dissect shows at most 50 bytes of a longer field)
    fact(len(used) == nbits or (nbits > 400 and len(used) == 400),
         "offset %d %s: %d bits shown, %d stated" % (at, name, len(used), nbits))
    if len(want) != len(bits):
        return
    v = int("".join(want[i] for i in used), 2) if used else 0
    spec = FIELDS.get(sect, {}).get(name)
    if spec is None:
        return  # a field this script has no RFC entry for: its bytes only
    # the value column states that number first
    tok = val.split()[0].rstrip(":,") if val.split() else ""
    if re.fullmatch(r"\d+", tok):
        fact(int(tok) == v, "offset %d %s: value %s, the bits hold %d" % (at, name, tok, v))
    elif re.fullmatch(r"0x[0-9a-f]+", tok):
        fact(int(tok, 16) == v, "offset %d %s: value %s, the bits hold %#x" % (at, name, tok, v))
    elif nbits in (32, 128) and re.fullmatch(r"[0-9a-f.:]+", tok) and ("." in tok or "::" in tok or tok.count(":") > 2):
        fact(ipaddress.ip_address(tok) == ipaddress.ip_address(bytes(p[at:at + nbits // 8])),
             "offset %d %s: address %s, the bytes hold %s" % (at, name, tok, ipaddress.ip_address(bytes(p[at:at + nbits // 8]))))
    elif nbits == 48 and re.fullmatch(r"([0-9a-f]{2}:){5}[0-9a-f]{2}", tok):
        fact(bytes.fromhex(tok.replace(":", "")) == p[at:at + 6], "offset %d %s: MAC %s" % (at, name, tok))
    # named fields sit where the RFC puts them
    if True:
        off, sbits, mask = spec
        fact(at == start + off, "%s %s at byte %d, want %d + %d" % (sect, name, at, start, off))
        fact(nbits == sbits, "%s %s: %d bits, want %d" % (sect, name, nbits, sbits))
        if mask is not None and at == start + off:
            m = "".join("1" if c != "." else "0" for c in bits)
            fact(int(m, 2) == mask, "%s %s: bits %s, want mask %#x" % (sect, name, m, mask))


TCPDUMP_FLAGS = [(0x01, "F"), (0x02, "S"), (0x04, "R"), (0x08, "P"), (0x10, "."), (0x20, "U"), (0x40, "E"), (0x80, "W")]


def dissect(pcap, out):
    dlt, pkts = read_pcap(pcap)
    lines = open(out).read().split("\n")
    n = None
    sect, start = None, 0
    hdrs, cks = {}, {}
    p = b""
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        m = re.match(r"^packet (\d+) of ", line)
        if m:
            n = int(m[1])
            fact(n <= len(pkts), "packet %d: the file holds %d" % (n, len(pkts)))
            p = pkts[n - 1] if n <= len(pkts) else b""
            hdrs, cks = parse_headers(dlt, p)
            sect = None
            continue
        if n is None:
            continue
        m = SECTION.match(line)
        if m:
            sect, start = m[1], int(m[2])
            if sect in hdrs:
                fact(hdrs[sect][0] == start, "packet %d: %s starts at %d, the bytes say %d" % (n, sect, start, hdrs[sect][0]))
            elif sect in FIELDS:
                sect = "?" + sect  # a header this script does not follow here: raw bytes checked only
            continue
        m = FIELD_LINE.match(line)
        if m and sect:
            raw = m[3]
            while i < len(lines) and CONT_LINE.match(lines[i]):
                raw += " " + CONT_LINE.match(lines[i])[1]
                i += 1
            check_field(p, sect, start, (int(m[1]), int(m[2]), raw, m[5].strip(), m[6]))
            continue
        m = re.match(r"^    the field holds (0x[0-9a-f]{4}): (correct|incorrect, it should be (0x[0-9a-f]{4}))", line)
        if m and sect in cks:
            want = cks[sect]
            field = be(p, start + FIELDS[sect]["checksum" if sect != "IPv4 header" else "header checksum"][0], 2)
            fact(int(m[1], 16) == field, "packet %d %s: the field holds %#06x, not %s" % (n, sect, field, m[1]))
            if sect == "UDP header" and field == 0:
                continue
            if m[2] == "correct":
                fact(want == field, "packet %d %s: 'correct', but it should be %#06x" % (n, sect, want))
            else:
                fact(int(m[3], 16) == want and want != field,
                     "packet %d %s: 'it should be %s', recomputed %#06x" % (n, sect, m[3], want))
            continue
        m = re.match(r"^    tcp\[13\] = (0x[0-9a-f]{2}): tcpdump prints Flags \[(.*)\]$", line)
        if m and "TCP header" in hdrs:
            fl = p[hdrs["TCP header"][0] + 13]
            s = "".join(c for b, c in TCPDUMP_FLAGS if fl & b) or "none"
            fact(int(m[1], 16) == fl and m[2] == s, "packet %d: tcp[13] %s Flags [%s], the byte %#04x says [%s]" % (n, m[1], m[2], fl, s))
            continue
        m = re.match(r"^    = (\d+) - (\d+) - (\d+)$", line)
        if m and "IPv4 header" in hdrs:
            o = hdrs["IPv4 header"][0]
            tot, ihl = be(p, o + 2, 2), (p[o] & 15) * 4
            third = 8 if "UDP header" in hdrs else ((p[hdrs["TCP header"][0] + 12] >> 4) * 4 if "TCP header" in hdrs else None)
            fact([int(m[1]), int(m[2])] == [tot, ihl] and (third is None or int(m[3]) == third),
                 "packet %d: payload arithmetic %s, the bytes say %d - %d - %s" % (n, m[0].strip(), tot, ihl, third))
            if i < len(lines):
                m2 = re.match(r"^    = (-?\d+) bytes", lines[i])
                if m2:
                    fact(int(m2[1]) == int(m[1]) - int(m[2]) - int(m[3]), "packet %d: %s" % (n, lines[i].strip()))


# --- explain ---

LOAD = re.compile(r"^\((\d{3})\) (ld|ldh|ldb|ldx|ldxb)\s+(\[x \+ \d+\]|\[\d+\]|4\*\(\[\d+\]&0xf\))")
ANN_LOAD = re.compile(r"^(?:A|x) = (\w+)\[(\d+)(?::(\d))?\] = ([^,]*), at (.*)$")
# protocol[offset:size] -> text the field's name must contain and must not
NAMES = {
    ("ether", 12, 2): ("type", None), ("ether", 0, 4): ("destination", "source"),
    ("ip", 0, 1): ("", None), ("ip", 2, 2): ("length", None), ("ip", 9, 1): ("protocol", None),
    ("ip", 6, 2): ("fragment", None), ("ip", 12, 4): ("source", "destination"),
    ("ip", 16, 4): ("destination", "source"), ("ip6", 6, 1): ("next header", None),
    ("ip6", 8, 4): ("source", "destination"), ("ip6", 24, 4): ("destination", "source"),
    ("tcp", 0, 2): ("source port", "destination"), ("tcp", 2, 2): ("destination port", "source"),
    ("tcp", 13, 1): ("flags", None), ("udp", 0, 2): ("source port", "destination"),
    ("udp", 2, 2): ("destination port", "source"), ("sctp", 0, 2): ("source port", "destination"),
    ("sctp", 2, 2): ("destination port", "source"), ("icmp", 0, 1): ("type", None),
    ("arp", 14, 4): ("sender", "target"), ("arp", 24, 4): ("target", "sender"),
}
JUMP = re.compile(r"^\((\d{3})\) (jeq|jgt|jge|jset)\s+#(0x[0-9a-f]+)\s+jt (\d+) jf (\d+)\s+; (.*)$")
RET = re.compile(r"^\((\d{3})\) ret\s+#(\d+)")


def top_level_cut(s, sep):
    """s up to the first sep outside parentheses."""
    depth = 0
    for i, c in enumerate(s):
        depth += (c == "(") - (c == ")")
        if depth == 0 and s.startswith(sep, i):
            return s[:i]
    return s


known = []  # facts explain states wrongly today, each reported; printed, not failed


def explain(lt, out):
    text = open(out).read().split("\n")
    link = LT_LEN[lt]
    rets = {}
    for line in text:
        m = RET.match(line)
        if m:
            rets[int(m[1])] = int(m[2])
    for line in text:
        m = LOAD.match(line)
        if m and " ; " in line:
            ann = line.split(" ; ", 1)[1]
            a = ANN_LOAD.match(ann)
            if not a:
                continue
            proto, poff, size, name, at = a[1], int(a[2]), int(a[3] or 1), a[4], a[5]
            if m[2] in ("ld", "ldh", "ldb", "ldx"):
                want_size = {"ld": 4, "ldh": 2, "ldb": 1, "ldx": 4}[m[2]]
                if m[2] != "ldx":
                    fact(size == want_size, "(%s) %s: %s[%d:%d] for a %d-byte load" % (m[1], ann, proto, poff, size, want_size))
            at = top_level_cut(at, ", ")  # "at 12, in the Ethernet header": a link header field
            at = at.split(" [")[0]  # "+ 13 [tcpflags = 13]": the named constant used
            # top-level terms: a number or x, each with an optional (description)
            terms = re.findall(r"(?:^| \+ )(\d+|x)(?: \(((?:[^()]|\([^()]*\))*)\))?", at)
            if " + ".join(t[0] + (" (%s)" % t[1] if t[1] else "") for t in terms) != at:
                fact(False, "(%s) cannot read 'at %s'" % (m[1], at))
                continue
            nums = sum(int(t[0]) for t in terms if t[0] != "x")
            # "+ 0 (x = 40)": an indexed load whose x explain knows, its value among the terms
            xconst = [int(d[1]) for t in terms for d in [re.fullmatch(r"x = (\d+)", t[1])] if d]
            hasx = any(t[0] == "x" for t in terms) or bool(xconst)
            if len(terms) > 1 and terms[0][0] != "x":
                # the first term is the link header, plus any tags it says it skips
                extra = re.search(r"\+ (\d+) bytes of", terms[0][1])
                pp = re.fullmatch(r"PPPoE header at (\d+)", terms[0][1])
                if pp and int(terms[0][0]) == int(re.search(r"\d+", m[3])[0]):
                    # explain's known slip (reported): "at 20 (PPPoE header at
                    # 14) + 6" for a load at 20; what it means is 14 + 6
                    known.append("(%s) 'at %s'" % (m[1], at))
                    terms[0] = (pp[1], "")
                    nums = sum(int(t[0]) for t in terms if t[0] != "x")
                want = link + (int(extra[1]) if extra else 0)
                fact(pp is not None or int(terms[0][0]) == want,
                     "(%s) 'at %s': the link header of %s is %d bytes" % (m[1], at, lt, want))
            # the protocol offset is what the terms after its header's start add up to
            suffix, acc = set(), 0
            for t in reversed(terms):
                if t[0] == "x":
                    break
                acc += int(t[0])
                suffix.add(acc)
            fact(poff in suffix, "(%s) %s[%d] is not the end of 'at %s'" % (m[1], proto, poff, at))
            operand = m[3]
            k = int(re.search(r"\d+", operand)[0])
            fact(("[x +" in operand or m[2] == "ldxb") == hasx or m[2] == "ldxb",
                 "(%s) %s: x in 'at' and in the operand differ" % (m[1], ann))
            if m[2] != "ldxb":
                fact(nums == k + sum(xconst), "(%s) %s: 'at %s' adds up to %d, the load reads %s" % (m[1], proto, at, nums, operand))
            spec = NAMES.get((proto, poff, size))
            if spec:
                must, mustnot = spec
                fact(must in name and (not mustnot or mustnot not in name),
                     "(%s) %s[%d:%d] is named '%s'" % (m[1], proto, poff, size, name))
            continue
        m = JUMP.match(line)
        if m:
            pc, k, jt, jf, ann = int(m[1]), int(m[3], 16), int(m[4]), int(m[5]), m[6]
            y = re.search(r"yes -> (\d{3})( \((accept|reject)\))?", ann)
            no = re.search(r"no -> (\d{3})( \((accept|reject)\))?", ann)
            if not (y and no):
                continue
            for got, want in ((y, jt), (no, jf)):
                fact(int(got[1]) == want, "(%03d) says -> %s, jumps to %d: %s" % (pc, got[1], want, ann))
                if want in rets:
                    v = "accept" if rets[want] else "reject"
                    fact(got[3] == v, "(%03d) -> %03d is '%s', the ret there says %s" % (pc, want, got[3], v))
            q = ann.split(" yes ->")[0]
            nums = {int(x, 16) for x in re.findall(r"0x[0-9a-f]+", q)} | {int(x) for x in re.findall(r"(?<![\w.:x])\d+(?![\w.:])", q)}
            if m[2] != "jset" and re.search(r"\d", q) and not re.search(r"\d+\.\d+|:", q):
                if "nibble" in q:  # "IP version nibble 4" compares the high half of the byte
                    nums |= {n << 4 for n in nums}
                if "MPLS label" in q:  # the label is the top 20 bits of the word
                    nums |= {n << 12 for n in nums}
                fact(k in nums, "(%03d) compares with %#x, the question says '%s'" % (pc, k, q))


# --- trace: an interpreter of its own (bpf(4), libpcap's bpf_filter.c
# semantics: loads past the captured bytes and division by zero return 0) ---

def run_bpf(prog, p, wirelen):
    A = X = 0
    M = [0] * 16
    pc = 0
    steps = []
    while True:
        code, jt, jf, k = prog[pc]
        s = {"pc": pc, "read": None, "cmp": None, "mem": None}
        cls, size, mode = code & 7, code & 0x18, code & 0xe0
        nb = {0x00: 4, 0x08: 2, 0x10: 1}.get(size)
        end = None
        if cls in (0, 1):  # ld, ldx
            if mode == 0x00:  # imm
                v = k
            elif mode == 0x80:  # len
                v = wirelen
            elif mode == 0x60:  # mem
                v = M[k & 15]
                s["mem"] = ("=", k, v)
            elif mode == 0xa0 and cls == 1:  # msh
                if k >= len(p):
                    s["read"] = (k, 1, None)
                    end = 0
                else:
                    s["read"] = (k, 1, p[k])
                    v = (p[k] & 15) * 4
            else:  # abs, ind
                off = k + (X if mode == 0x40 else 0)
                if off + nb > len(p):
                    s["read"] = (off, nb, None)
                    end = 0
                else:
                    v = be(p, off, nb)
                    s["read"] = (off, nb, v)
            if end is None:
                if cls == 0:
                    A = v
                else:
                    X = v
        elif cls in (2, 3):  # st, stx
            M[k & 15] = A if cls == 2 else X
            s["mem"] = ("<-", k, M[k & 15])
        elif cls == 4:  # alu
            op, b = code & 0xf0, (X if code & 8 else k)
            if op in (0x30, 0x90) and b == 0:
                end = 0
            else:
                A = {0x00: lambda: A + b, 0x10: lambda: A - b, 0x20: lambda: A * b, 0x30: lambda: A // b,
                     0x40: lambda: A | b, 0x50: lambda: A & b, 0x60: lambda: A << b if b < 32 else 0,
                     0x70: lambda: A >> b if b < 32 else 0, 0x80: lambda: -A, 0x90: lambda: A % b,
                     0xa0: lambda: A ^ b}[op]() & 0xffffffff
        elif cls == 5:  # jmp
            op, b = code & 0xf0, (X if code & 8 else k)
            if op == 0:
                s["next"] = pc + 1 + k
            else:
                t = {0x10: A == b, 0x20: A > b, 0x30: A >= b, 0x40: (A & b) != 0}[op]
                s["cmp"] = (A, b, t)
                s["next"] = pc + 1 + (jt if t else jf)
        elif cls == 6:  # ret
            end = A if (code & 0x18) == 0x10 else k
        elif cls == 7:
            if code & 0xf8 == 0:
                X = A
            else:
                A = X
        s["A"], s["X"] = A, X
        steps.append(s)
        if end is not None:
            return steps, end
        pc = s.get("next", pc + 1)


def trace(pcap, ddd, out):
    _, pkts = read_pcap(pcap)
    d = open(ddd).read().split("\n")
    prog = [tuple(map(int, l.split())) for l in d[1:1 + int(d[0])]]
    lines = open(out).read().split("\n")
    m = re.match(r"^packet (\d+) of .*: (\d+) bytes captured, (\d+) on the wire", lines[0])
    if not m:
        sys.exit("facts.py: no packet line in %s" % out)
    p = pkts[int(m[1]) - 1]
    fact(int(m[2]) == len(p), "captured length %s, the file says %d" % (m[2], len(p)))
    steps, verdict = run_bpf(prog, p, int(m[3]))
    rows = [l for l in lines if re.match(r"^ *\d+  \(\d{3}\) ", l)]
    fact(len(rows) == len(steps), "%d steps shown, the program runs %d" % (len(rows), len(steps)))
    for row, s in zip(rows, steps):
        r = re.match(r"^ *(\d+)  \((\d{3})\) (.*?)\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)(?:\s+(.*))?$", row)
        if not r:
            fact(False, "cannot read step %r" % row)
            continue
        what = "step %s (%s)" % (r[1], r[2])
        fact(int(r[2]) == s["pc"], "%s: pc %s, the program is at %03d" % (what, r[2], s["pc"]))
        fact(int(r[4], 16) == s["A"] and int(r[5], 16) == s["X"],
             "%s: A %s X %s, want %#x %#x" % (what, r[4], r[5], s["A"], s["X"]))
        eff = r[6] or ""
        rd = re.search(r"read \[(\d+)(?::(\d))?\] = (0x[0-9a-f]+)", eff)
        if s["read"] and s["read"][2] is not None:
            off, nb, v = s["read"]
            fact(rd is not None and int(rd[1]) == off and int(rd[2] or 1) == nb and int(rd[3], 16) == v
                 and len(rd[3]) == 2 + 2 * nb, "%s: '%s', the packet has %#0*x at [%d:%d]" % (what, eff, 2 + 2 * nb, v, off, nb))
        elif s["read"]:
            fact("past" in eff or "beyond" in eff or "out of" in eff or "outside" in eff,
                 "%s: a read past the captured bytes, shown as '%s'" % (what, eff))
        if s["cmp"]:
            a, b, t = s["cmp"]
            c = re.search(r"(0x[0-9a-f]+) (==|>|>=|&) (0x[0-9a-f]+)( != 0)?: (true|false), (jt|jf) -> (\d{3})", eff)
            fact(c is not None and int(c[1], 16) == a and int(c[3], 16) == b and (c[5] == "true") == t
                 and (c[6] == "jt") == t and int(c[7]) == s["next"],
                 "%s: '%s', want %#x vs %#x %s -> %03d" % (what, eff, a, b, t, s["next"]))
        if s["mem"]:
            op, k, v = s["mem"]
            fact(("M[%d] %s 0x%x" % (k, op, v)) in eff, "%s: '%s', want M[%d] %s %#x" % (what, eff, k, op, v))
    vl = [l for l in lines if l.startswith("verdict: ")]
    last = steps[-1]
    code = prog[last["pc"]][0]
    if code & 7 == 6:
        want = "verdict: %s: ret at (%03d) returns %d" % ("accept" if verdict else "reject", last["pc"], verdict)
    elif last["read"] and last["read"][2] is None:
        off, nb, _ = last["read"]
        want = "verdict: reject: (%03d) reads bytes %d..%d, past the %d captured bytes" % (last["pc"], off, off + nb - 1, len(p))
    else:  # division by zero
        want = "verdict: reject: (%03d) " % last["pc"]
    fact(len(vl) == 1 and vl[0].startswith(want), "%r, want %r" % (vl[:1], want))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == "dissect":
        dissect(sys.argv[2], sys.argv[3])
    elif cmd == "explain":
        for f in sys.argv[3:]:
            explain(sys.argv[2], f)
    elif cmd == "trace":
        for f in sys.argv[4:]:
            trace(sys.argv[2], sys.argv[3], f)
    else:
        sys.exit(__doc__)
    for k in known:
        print("KNOWN: " + k)
    print("%d facts checked, %d wrong, %d known wrong" % (checked, bad, len(known)))
    return 1 if bad else 0


sys.exit(main())
