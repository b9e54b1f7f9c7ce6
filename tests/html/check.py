#!/usr/bin/python3
"""check.py: the --html pages of `bpfx explain` and `bpfx dissect`, rendered
in headless Chromium and checked from the rendered DOM.

For each expression/packet pair: bpfx writes the page; the test checks the
markup it wrote (well-formed, unique ids, nothing external), then renders a
copy with a test script appended that focuses every instruction and hovers
every byte and records what the page's own script highlighted, dumps the
DOM (chromium --dump-dom) and checks, against facts computed here and not
by the page:
  - the byte cells are the packet's bytes (offsets and hex from the pcap);
  - each instruction's -d text is `bpfx compile -d`'s, and its data-reads
    are exactly the bytes it loads, found by running the -d listing in the
    small interpreter below over the packet (absolute loads always,
    indexed ones when the run reaches them);
  - every instruction and byte takes keyboard focus (tabindex 0; the
    instruction's focus() is real focus, not a synthetic event);
  - focusing an instruction lights exactly those bytes (the ones captured),
    the fields holding them and its span; hovering a byte lights the
    instructions that read it and the fields holding it;
  - every field's bytes carry the colour class of the field's header, and
    that class is the header's (a table here, from the header's name);
  - the verdict is `bpfx filter`'s on a capture holding that packet alone;
  - no src/href/url()/@import names anything outside the page.
Two pages are also saved as screenshots in the build tree.

usage: check.py BPFX SRCDIR OUTDIR   (exit 0 pass, 1 fail, 77 skip)
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from pcapbytes import csum, pcap_header, pcap_record  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BPFX, SRCDIR, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
EX = os.path.join(SRCDIR, "examples")
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
    return cond


# --- pcap files ---------------------------------------------------------

def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    _, _, _, _, _, snaplen, dlt = struct.unpack(end + "IHHiIII", data[:24])
    pkts, off = [], 24
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack(end + "IIII", data[off:off + 16])
        pkts.append((data[off:off + 16], data[off + 16:off + 16 + incl], orig))
        off += 16 + incl
    return data[:24], snaplen, dlt, pkts


def write_pcap(path, dlt, frames, snaplen=262144):
    with open(path, "wb") as f:
        f.write(pcap_header(dlt, snaplen))
        for i, fr in enumerate(frames):
            cut = fr[:snaplen]
            f.write(pcap_record(1700000000 + i, 0, cut, len(fr)))


def ip4(proto, payload, src=b"\xc0\xa8\x01\x02", dst=b"\xc0\xa8\x01\x01"):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0x1234, 0x4000, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def udp4(sport, dport, data, src=b"\xc0\xa8\x01\x02", dst=b"\xc0\xa8\x01\x01"):
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    c = csum(src + dst + struct.pack("!BBH", 0, 17, len(u)) + u) or 0xFFFF
    return ip4(17, u[:6] + struct.pack("!H", c) + u[8:], src, dst)


def ether(t, payload):
    return b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01" + struct.pack("!H", t) + payload


def synth(tmp):
    dns = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01"
    vlan = ether(0x8100, struct.pack("!HH", 100, 0x0800) + udp4(40000, 53, dns))
    icmp_body = struct.pack("!BBHHH", 8, 0, 0, 0x42, 1) + b"abcdefgh"
    icmp_body = icmp_body[:2] + struct.pack("!H", csum(icmp_body)) + icmp_body[4:]
    ping = ether(0x0800, ip4(1, icmp_body))
    arp = ether(0x0806, struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, b"\x02\0\0\0\0\x01",
                                    b"\xc0\xa8\x01\x02", b"\0" * 6, b"\xc0\xa8\x01\x01"))
    # IPv6 with a hop-by-hop options header (8 bytes: next UDP, PadN) then UDP
    src6, dst6 = b"\xfe\x80" + b"\0" * 13 + b"\x01", b"\xfe\x80" + b"\0" * 13 + b"\x02"
    u = struct.pack("!HHHH", 5353, 5353, 8 + 4, 0) + b"ping"
    c = csum(src6 + dst6 + struct.pack("!I3xB", len(u), 17) + u) or 0xFFFF
    u = u[:6] + struct.pack("!H", c) + u[8:]
    hbh = bytes([17, 0, 1, 4, 0, 0, 0, 0])
    v6 = ether(0x86DD, struct.pack("!IHBB16s16s", 0x60000000, len(hbh) + len(u), 0, 64, src6, dst6) + hbh + u)
    sll = struct.pack("!HHH8sH", 0, 1, 6, b"\x02\0\0\0\0\x01\0\0", 0x0800) + udp4(1234, 5678, b"hello")
    files = {}
    for name, dlt, fr in (("vlan", 1, vlan), ("ping", 1, ping), ("arp", 1, arp), ("v6hbh", 1, v6),
                          ("sll", 113, sll)):
        files[name] = os.path.join(tmp, name + ".pcap")
        write_pcap(files[name], dlt, [fr])
    files["cut"] = os.path.join(tmp, "cut.pcap")  # the VLAN frame, 40 bytes captured
    write_pcap(files["cut"], 1, [vlan], snaplen=40)
    return files


# --- an interpreter for the -d listing (independent of bpfx's VM) -------

LINE = re.compile(r"^\((\d+)\) (\S+)\s*(.*?)\s*(?:jt (\d+)\s+jf (\d+))?$")
SIZES = {"ld": 4, "ldh": 2, "ldb": 1}


def parse_listing(text):
    prog = []
    for ln in text.splitlines():
        m = LINE.match(ln.replace("\t", " ").rstrip())
        if not m:
            raise ValueError("unreadable -d line: %r" % ln)
        pc, op, arg, jt, jf = m.groups()
        prog.append((op, arg.strip(), int(jt) if jt else None, int(jf) if jf else None, ln))
    return prog


def num(s):
    return int(s, 0) & 0xFFFFFFFF


def run_listing(prog, pkt, wirelen):
    """Return (verdict, reads) with reads[pc] = offsets loaded there."""
    A = X = 0
    M = [0] * 16
    reads = {}
    pc = 0

    def load(at, n):
        reads[pc] = list(range(at, at + n))
        if at + n > len(pkt):
            return None
        return int.from_bytes(pkt[at:at + n], "big")

    def operand(arg):
        return X if arg == "x" else num(arg.lstrip("#"))

    for _ in range(100000):
        op, arg, jt, jf, _ln = prog[pc]
        nxt = pc + 1
        if op in SIZES or op == "ldx" or op == "ldxb":
            m_abs = re.fullmatch(r"\[(-?\d+)\]", arg)
            m_ind = re.fullmatch(r"\[x \+ (-?\d+)\]", arg)
            m_msh = re.fullmatch(r"4\*\(\[(-?\d+)\]&0xf\)", arg)
            m_mem = re.fullmatch(r"M\[(\d+)\]", arg)
            if op == "ldxb" and m_msh:
                v = load(num(m_msh.group(1)), 1)
                if v is None:
                    return 0, reads
                X = 4 * (v & 0xF)
            elif m_abs or m_ind:
                at = num(m_abs.group(1)) if m_abs else X + num(m_ind.group(1))
                v = load(at, SIZES[op])
                if v is None:
                    return 0, reads
                A = v
            elif re.fullmatch(r"\[\w+\]", arg):
                return 0, reads  # a Linux ancillary load: none outside the kernel
            elif m_mem:
                v = M[int(m_mem.group(1))]
                A, X = (v, X) if op == "ld" else (A, v)
            elif arg == "#pktlen":
                A, X = (wirelen, X) if op == "ld" else (A, wirelen)
            else:
                A, X = (num(arg[1:]), X) if op == "ld" else (A, num(arg[1:]))
        elif op in ("st", "stx"):
            M[int(re.fullmatch(r"M\[(\d+)\]", arg).group(1))] = A if op == "st" else X
        elif op == "tax":
            X = A
        elif op == "txa":
            A = X
        elif op == "ret":
            return (A if arg in ("", "a") else num(arg[1:])), reads
        elif op == "ja":
            nxt = int(arg)
        elif op in ("jeq", "jgt", "jge", "jset"):
            k = operand(arg)
            t = {"jeq": A == k, "jgt": A > k, "jge": A >= k, "jset": A & k != 0}[op]
            nxt = jt if t else jf
        elif op == "neg":
            A = -A & 0xFFFFFFFF
        else:
            k = operand(arg)
            if op in ("div", "mod") and k == 0:
                return 0, reads
            A = {"add": A + k, "sub": A - k, "mul": A * k, "div": A // max(k, 1), "mod": A % max(k, 1),
                 "and": A & k, "or": A | k, "xor": A ^ k,
                 "lsh": A << k if k < 32 else 0, "rsh": A >> k if k < 32 else 0}[op] & 0xFFFFFFFF
        pc = nxt
    raise ValueError("the listing did not end")


def expected_reads(prog, run_reads):
    """Absolute loads always; indexed loads where the run read."""
    exp = {}
    for pc, (op, arg, _jt, _jf, _ln) in enumerate(prog):
        m_abs = re.fullmatch(r"\[(-?\d+)\]", arg)
        m_msh = re.fullmatch(r"4\*\(\[(-?\d+)\]&0xf\)", arg)
        if op in SIZES and m_abs:
            k = num(m_abs.group(1))
            exp[pc] = list(range(k, k + SIZES[op]))
        elif op == "ldxb" and m_msh:
            exp[pc] = [num(m_msh.group(1))]
        elif op in SIZES and arg.startswith("[x + ") and pc in run_reads:
            exp[pc] = run_reads[pc]
    return exp


# --- markup checks --------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);")


class Strict(html.parser.HTMLParser):
    """Well-formed HTML: every element closed in order, no stray < > &,
    no duplicate attributes, unique ids, a doctype."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack, self.errors, self.ids, self.doctype = [], [], set(), False
        self.urls = []

    def handle_decl(self, decl):
        self.doctype |= decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        names = [a for a, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append("duplicate attribute in <%s>" % tag)
        for a, v in attrs:
            if a == "id":
                if v in self.ids:
                    self.errors.append("duplicate id %s" % v)
                self.ids.add(v)
            if a in ("src", "href", "action", "data", "poster", "srcset") and v and not v.startswith("#"):
                self.urls.append(v)
            if a == "style" and v and "url(" in v:
                self.urls.append(v)
        if tag in ("link", "img", "iframe", "object", "embed", "base"):
            self.errors.append("<%s> could fetch something" % tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.errors.append("<%s/> is not a void element" % tag)
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("script", "style"):
            if self.stack[-1] == "style" and ("@import" in data or "url(" in data):
                self.urls.append("style: " + data[:40])
            if self.stack[-1] == "script" and re.search(r"fetch\(|XMLHttpRequest|import\(|\.src\s*=", data):
                self.errors.append("the script could fetch something")
            return
        if "<" in data or ">" in data:
            self.errors.append("raw < or > in text: %r" % data[:40])

    def handle_entityref(self, name):
        if name not in ("amp", "lt", "gt", "quot", "rarr"):
            self.errors.append("unknown entity &%s;" % name)


def check_markup(label, text):
    p = Strict()
    p.feed(text)
    p.close()
    for m in re.finditer(r"&", text):
        if not ENTITY.match(text, m.start()) and not in_script(text, m.start()):
            p.errors.append("bare & at %d" % m.start())
            break
    check(p.doctype, label + ": no <!DOCTYPE html>")
    check(not p.stack, label + ": elements left open: %s" % p.stack)
    check(not p.errors, label + ": " + "; ".join(p.errors[:5]))
    check(not p.urls, label + ": external references: %s" % p.urls[:5])
    check(not re.search(r"(?i)(src|href)\s*=\s*[\"']?\s*(https?:)?//", text), label + ": a network URL")


def in_script(text, at):
    s = text.rfind("<script", 0, at)
    return s >= 0 and text.find("</script>", s) > at


class Dom(html.parser.HTMLParser):
    """The elements of the rendered DOM that carry the page's links."""

    def __init__(self):
        super().__init__()
        self.bytes, self.insns, self.fields, self.segs = {}, [], [], []
        self.verdict, self.body = None, {}
        self.cur, self.text_of = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        a["_cls"] = cls
        a["_text"] = ""
        if tag == "body":
            self.body = a
        if "data-off" in a:
            self.bytes[int(a["data-off"])] = a
            self.text_of = a
        elif tag == "tr" and "insn" in cls:
            self.insns.append(a)
            self.cur = a
        elif tag == "tr" and "field" in cls:
            self.fields.append(a)
            self.cur = a
            a["_cells"] = []
        elif "data-seg" in a:
            self.segs.append(a)
            self.text_of = a
        elif a.get("id") == "verdict":
            self.verdict = a
        if tag == "code" and self.cur is not None and "insn" in self.cur["_cls"]:
            self.text_of = self.cur
        if tag == "td" and self.cur is not None and "_cells" in self.cur:
            self.cur["_cells"].append("")

    def handle_endtag(self, tag):
        if tag in ("span", "code"):
            self.text_of = None
        if tag == "tr":
            self.cur = None

    def handle_data(self, data):
        if self.text_of is not None:
            self.text_of["_text"] += data
        if self.cur is not None and self.cur.get("_cells"):
            self.cur["_cells"][-1] += data


# focus() moves document.activeElement, but Chromium sends the focus event
# only while its window has the input focus, which a headless window on a
# busy machine may not (seen in make distcheck): the hook also sends it.
TEST_HOOK = """<script>
(function(){
function all(s){return Array.prototype.slice.call(document.querySelectorAll(s));}
var fl=all('tr.field');fl.forEach(function(f,i){f.setAttribute('data-test-i',i);});
function lit(sel,attr){return all(sel+'.hl').map(function(e){return e.getAttribute(attr);}).join(' ');}
function fire(e,t){e.dispatchEvent(new Event(t));}
all('tr.insn').forEach(function(i){i.focus();
 i.setAttribute('data-test-focused',document.activeElement===i?'1':'0');
 fire(i,'focus');
 i.setAttribute('data-test-bytes',lit('[data-off]','data-off'));
 i.setAttribute('data-test-fields',lit('tr.field','data-test-i'));
 i.setAttribute('data-test-segs',lit('[data-seg]','data-seg'));i.blur();fire(i,'blur');});
all('[data-off]').forEach(function(b){fire(b,'mouseenter');
 b.setAttribute('data-test-insns',lit('tr.insn','data-pc'));
 b.setAttribute('data-test-fields',lit('tr.field','data-test-i'));fire(b,'mouseleave');});
document.body.setAttribute('data-test-done','1');
})();
</script>
"""

# The colour class of each header, from the header's name as dissect
# heads its table (tcpdump's protocol names).
HDR_CLASS = [("Ethernet", "eth"), ("VLAN", "vlan"), ("SLL", "link"), ("loopback", "link"), ("ARP", "arp"),
             ("IPv4", "ip4"), ("IPv6 ", "ip6x"), ("IPv6", "ip6"), ("TCP", "tcp"), ("UDP", "udp"),
             ("ICMP", "icmp"), ("PPPoE", "pppoe")]


def header_class(name):
    for prefix, cls in HDR_CLASS:
        if name.startswith(prefix):
            return cls
    return None


def chromium(args, tmp):
    prof = tempfile.mkdtemp(dir=tmp)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + prof] + args
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    shutil.rmtree(prof, ignore_errors=True)
    return r.stdout.decode("utf-8", "replace")


def rendered(tmp, label, page):
    """The DOM Chromium renders from page, with the test hook added."""
    hooked = os.path.join(tmp, "hooked-%s.html" % label)
    with open(hooked, "w") as f:
        f.write(page.replace("</body>", TEST_HOOK + "</body>"))
    dom = Dom()
    dom.feed(chromium(["--dump-dom", "file://" + hooked], tmp))
    return dom


def run(args):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


LTNAME = {1: "EN10MB", 113: "LINUX_SLL", 101: "RAW", 0: "NULL", 12: "RAW"}


def program_page(tmp, label, expr):
    """explain --html without a packet: the program and the expression."""
    rc, out, err = run([BPFX, "explain", "--html", expr])
    if not check(rc == 0 and out, "%s: explain --html exits %d: %s" % (label, rc, err.strip())):
        return
    check_markup(label, out)
    dom = rendered(tmp, label, out)
    check(dom.body.get("data-test-done") == "1", label + ": the page's script did not run to the end")
    check(not dom.bytes and dom.verdict is None, label + ": a packet on a page without one")
    rc, listing, err = run([BPFX, "compile", "-d", expr])
    prog = parse_listing(listing)
    exp = expected_reads(prog, {})
    check(len(dom.insns) == len(prog), "%s: %d instructions, -d lists %d" % (label, len(dom.insns), len(prog)))
    for pc, ins in enumerate(dom.insns[:len(prog)]):
        got = [int(x) for x in ins["data-reads"].split()] if "data-reads" in ins else None
        check(got == exp.get(pc), "%s: pc %d reads %s, computed %s" % (label, pc, got, exp.get(pc)))
    # the expression is shown once, escaped, whole
    shown = "".join(g["_text"] for g in dom.segs)
    check(shown == expr, "%s: the expression reads %r" % (label, shown))


def usage_errors(tmp):
    """Bad usage and bad input: exit 2, a message, no page."""
    mixed = os.path.join(EX, "mixed.pcap")
    for args, words in ((["explain", "-r", mixed, "tcp"], "--html"),
                        (["explain", "--html", "--packet", "2", "tcp"], "-r FILE"),
                        (["explain", "--html", "-r", mixed, "--packet", "9999", "tcp"], "no packet 9999"),
                        (["explain", "--html", "-r", os.path.join(tmp, "missing.pcap"), "tcp"], "missing.pcap"),
                        (["explain", "--html", "-r", mixed, "tcp["], "tcp["),
                        (["dissect", "--html"], "-r FILE"),
                        (["dissect", "--html", "-r", mixed, "--packet", "9999"], "no packet 9999")):
        rc, out, err = run([BPFX] + args)
        check(rc == 2 and not out and words in err, "bpfx %s: exit %d, %d bytes out, %r"
              % (" ".join(args), rc, len(out), err[:80]))


def one_page(tmp, label, pcap, n, expr):
    ghdr, snaplen, dlt, pkts = read_pcap(pcap)
    rec, pkt, wirelen = pkts[n - 1]
    page = os.path.join(tmp, "page-%s.html" % label)
    cmd = [BPFX, "explain", "--html", "-r", pcap, "--packet", str(n), expr] if expr else \
        [BPFX, "dissect", "--html", "-r", pcap, "--packet", str(n)]
    rc, out, err = run(cmd)
    if not check(rc == 0 and out, "%s: %s exits %d: %s" % (label, " ".join(cmd[1:3]), rc, err.strip())):
        return None
    with open(page, "w") as f:
        f.write(out)
    check_markup(label, out)

    dom = rendered(tmp, label, out)
    if not check(dom.body.get("data-test-done") == "1", label + ": the page's script did not run to the end"):
        return page

    # the bytes
    check(sorted(dom.bytes) == list(range(len(pkt))), label + ": byte cells are not offsets 0..%d" % len(pkt))
    bad = [o for o, b in dom.bytes.items() if o < len(pkt) and b["_text"].strip() != "%02x" % pkt[o]]
    bad += [o for o, b in dom.bytes.items() if b.get("tabindex") != "0"]
    check(not bad, label + ": byte cells that are not the packet's: %s" % bad[:5])

    # fields and their colours
    for i, f in enumerate(dom.fields):
        first, ln, hdr = int(f["data-first"]), int(f["data-len"]), f.get("data-hdr")
        cells = f.get("_cells", [])
        hname = cells[2].strip() if len(cells) > 2 else ""
        want = header_class(hname)
        check(want is None or hdr == want, "%s: field %d (%s) has colour %s, its header %s is %s"
              % (label, i, cells[4] if len(cells) > 4 else "?", hdr, hname, want))
        check("hdr-" + hdr in f["_cls"], "%s: field row %d lacks class hdr-%s" % (label, i, hdr))
        wrong = [o for o in range(first, first + ln) if o in dom.bytes and "hdr-" + hdr not in dom.bytes[o]["_cls"]]
        check(not wrong, "%s: field %d (%s) bytes %s are not coloured hdr-%s"
              % (label, i, cells[4] if len(cells) > 4 else "?", wrong[:4], hdr))
        check(first + ln <= len(pkt), "%s: field %d runs past the capture" % (label, i))
    if expr is None:
        check(not dom.insns and dom.verdict is None, label + ": dissect's page has a program")
        check(dom.fields, label + ": no fields")
        return page

    # the program: -d text and the bytes each instruction reads
    lt = LTNAME.get(dlt, str(dlt))
    rc, listing, err = run([BPFX, "compile", "-d", "-y", lt, "-s", str(snaplen), expr])
    if not check(rc == 0, "%s: bpfx compile -d: %s" % (label, err)):
        return page
    prog = parse_listing(listing)
    verdict, run_reads = run_listing(prog, pkt, wirelen)
    exp = expected_reads(prog, run_reads)
    check(len(dom.insns) == len(prog), "%s: %d instructions on the page, -d lists %d" % (label, len(dom.insns), len(prog)))
    fields = [(int(f["data-first"]), int(f["data-len"])) for f in dom.fields]
    for pc, ins in enumerate(dom.insns[:len(prog)]):
        check(ins.get("tabindex") == "0" and ins.get("data-test-focused") == "1",
              "%s: pc %d cannot take keyboard focus" % (label, pc))
        ln = prog[pc][4].replace("\t", " ").rstrip()
        check(ins["_text"].rstrip() == ln, "%s: pc %d is %r, -d says %r" % (label, pc, ins["_text"], ln))
        got = [int(x) for x in ins["data-reads"].split()] if "data-reads" in ins else None
        want = exp.get(pc)
        check(got == want, "%s: pc %d %s reads %s, computed %s" % (label, pc, ln, got, want))
        lit = sorted(int(x) for x in ins.get("data-test-bytes", "").split())
        check(lit == sorted(o for o in (want or []) if o < len(pkt)),
              "%s: focusing pc %d lights bytes %s, it reads %s" % (label, pc, lit, want))
        litf = sorted(int(x) for x in ins.get("data-test-fields", "").split())
        wantf = [i for i, (a, n_) in enumerate(fields) if any(a <= o < a + n_ for o in (want or []))]
        check(litf == wantf, "%s: focusing pc %d lights fields %s, not %s" % (label, pc, litf, wantf))
        if "data-span" in ins:
            s, e = map(int, ins["data-span"].split("-"))
            check(0 <= s <= e <= len(expr), "%s: pc %d span %d-%d outside the expression" % (label, pc, s, e))
            segs = ins.get("data-test-segs", "").split()
            covered = "".join(expr[int(a):int(b)] for a, b in (x.split("-") for x in segs))
            check(covered == expr[s:e], "%s: focusing pc %d lights %r, its span is %r" % (label, pc, covered, expr[s:e]))
    for o, b in dom.bytes.items():
        readers = sorted(pc for pc, r in exp.items() if o in r)
        got = sorted(int(x) for x in b.get("data-test-insns", "").split())
        check(got == readers, "%s: hovering byte %d lights pcs %s, they are %s" % (label, o, got, readers))
        gotf = sorted(int(x) for x in b.get("data-test-fields", "").split())
        check(gotf == [i for i, (a, n_) in enumerate(fields) if a <= o < a + n_],
              "%s: hovering byte %d lights the wrong fields %s" % (label, o, gotf))

    # the verdict against bpfx filter on this packet alone
    one = os.path.join(tmp, "one-%s.pcap" % label)
    with open(one, "wb") as f:
        f.write(ghdr + rec + pkt)
    rc, out, err = run([BPFX, "filter", "-nn", "-r", one, expr])
    matched = bool(out.strip())
    page_v = dom.verdict.get("data-verdict") if dom.verdict else None
    check(page_v == ("accept" if matched else "reject"),
          "%s: page verdict %s, bpfx filter %s" % (label, page_v, "matches" if matched else "does not match"))
    check((verdict != 0) == matched, "%s: the -d listing run here says %d, bpfx filter %s" % (label, verdict, matched))
    return page


PAYLOAD = "tcp port 10000 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)"


def main():
    if not os.access(CHROMIUM, os.X_OK):
        print("SKIP: %s is not installed (Debian package chromium)" % CHROMIUM)
        return 77
    tmp = tempfile.mkdtemp(prefix="bpfx-html-")
    try:
        s = synth(tmp)
        redis, mixed, hs = (os.path.join(EX, f) for f in ("redis-ping-10000.pcap", "mixed.pcap", "handshake-2013.pcap"))
        cases = [
            ("ack", redis, 4, "tcp[13] & 16 != 0"),
            ("synfin", redis, 1, "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0"),
            ("synfin-ack", redis, 3, "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0"),
            ("payload-resp", redis, 4, PAYLOAD),
            ("payload-empty", redis, 5, PAYLOAD),
            ("http-get", mixed, 4, "tcp dst port 8080 and tcp[((tcp[12]&0xf0)>>2):4] = 0x47455420"),
            ("ipv6-syn", mixed, 25, "ip6 and tcp port 8080 and ip6[53] & 2 != 0"),
            ("ipv6-hbh", s["v6hbh"], 1, "ip6 and ip6[6] = 0 and ip6[48:2] = 5353"),
            ("vlan", s["vlan"], 1, "vlan 100 and udp dst port 53"),
            ("icmp", s["ping"], 1, "icmp[icmptype] = icmp-echo"),
            ("arp", s["arp"], 1, "arp and arp[7] = 1"),
            ("sll-udp", s["sll"], 1, "udp and udp[8:4] = 0x68656c6c"),
            ("reject", hs, 1, "udp or tcp[13] & 1 != 0"),
            ("len", mixed, 20, "len > 1000 and ip[2:2] - ((ip[0]&0xf)<<2) > 1000"),
            ("escape", redis, 1, "len < 100 and ip[0] & 0xf = 5 or tcp[tcpflags] & tcp-syn != 0"),
            ("truncated", s["cut"], 1, "vlan and udp dst port 53"),
            ("dissect-vlan", s["vlan"], 1, None),
            ("dissect-v6", mixed, 28, None),
        ]
        only = os.environ.get("HTML_CASES", "").split()  # a subset, when debugging
        cases = [c for c in cases if not only or c[0] in only]
        pages = {}
        for label, pcap, n, expr in cases:
            pages[label] = one_page(tmp, label, pcap, n, expr)
        programs = 0
        if not only or "program-only" in only:
            program_page(tmp, "program-only", "tcp[13] & 16 != 0 and len <= 1500")
            usage_errors(tmp)
            programs = 1
        os.makedirs(OUT, exist_ok=True)
        shots = []
        for label, pc in (("payload-resp", 22), ("vlan", None)):
            if not pages.get(label):
                continue
            src = pages[label]
            with open(src) as f:
                text = f.read()
            if pc is not None:  # show the links: one instruction focused
                text = text.replace("</body>", "<script>document.getElementById('pc%d').focus();</script></body>" % pc)
            shown = os.path.join(tmp, "shot-" + os.path.basename(src))
            with open(shown, "w") as f:
                f.write(text)
            png = os.path.join(OUT, label + ".png")
            if os.path.exists(png):
                os.unlink(png)
            chromium(["--screenshot=" + png, "--window-size=1400,2600", "--hide-scrollbars", "file://" + shown], tmp)
            check(os.path.exists(png) and os.path.getsize(png) > 10000, "screenshot %s not written" % png)
            shutil.copy(src, os.path.join(OUT, label + ".html"))
            shots.append(png)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures[:int(os.environ.get("HTML_SHOW", "40"))]:
        print("FAIL: " + f)
    print("%d pages, %d checks, %d failed; screenshots: %s" % (len(cases) + programs, checks, len(failures), " ".join(shots)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
