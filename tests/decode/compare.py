#!/usr/bin/env python3
"""compare.py: decprint against tcpdump 4.99, packet by packet.

For each capture and option set, runs `decprint -L OPTS -r F` and
`TZ=UTC tcpdump OPTS -r F`, groups each output into packets (a packet
starts with a timestamp line), and counts per packet:
  identical  - the same bytes;
  continues  - our decoder handed the rest of the packet off (its -L report
               ends "> WHAT": a protocol tcpdump decodes and we don't), our
               decoded part is a strict prefix of tcpdump's, ending at a
               protocol boundary, and the dumps (-x/-X/-A) agree: equal, or
               tcpdump's is the tail of ours (its printer consumed more
               header bytes) -- or, when that protocol's printer hit the
               end of the captured bytes (" [|proto]" on tcpdump's line
               after our part), tcpdump's dump starts at the packet's first
               byte and ends with ours;
  mismatch   - anything else.  A packet that our decoder printed in full
               (no handoff) but differently is always a mismatch.
A mismatch is "core" when decprint's -L report for that packet names any
of the Ethernet/ARP/IPv4/IPv6/TCP/UDP/ICMP/ICMPv6 printers, i.e. when one
of those printers ran on it (so every mismatch on an Ethernet capture is
core).  The same counts are printed for the packets an application
printer ran on (dns: tests/decode/mkdns.py's capture among them, all of
which go through UDP or TCP, so any DNS mismatch is core).  Exit 1 if
there is a core mismatch, a crash, or identical / (identical + mismatch)
< 95%, or a line ends blank (ends_blank).
usage: compare.py DECPRINT SRCDIR [BUILDDIR]"""
import concurrent.futures, glob, os, random, re, struct, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from pcapbytes import pcap_header, pcap_record  # noqa: E402

OPTSETS = ["-nn", "-nn -v", "-nn -vv", "-nn -vvv", "-nn -e", "-nn -x", "-nn -X", "-nn -A", "-nn -q"]
# Without -n both programs ask the resolver about every address: these
# sets run in a network namespace of their own (`unshare -n`), where the
# hosts file answers and nothing else can (no lookup leaves the machine);
# skipped where unshare -n is not allowed.
NAMED_OPTSETS = ["", "-e"]
NONET = ["unshare", "-n"]
# a packet's first line: the default, -tt, -ttt/-ttttt and -tttt timestamps
TS = re.compile(r"^([ -]?\d\d:\d\d:\d\d\.\d{6} |\d+\.\d{6} |\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} |"
                r"[ -]?\[Error converting time\] )")
DUMP = re.compile(r"^\t0x[0-9a-f]{4}: ")
# tests/decode/mkNAME.py: frames() -> [(frame, cut or None)], each
# written to NAME-frames.pcap; a new generator is one row here
GENERATED = [
    ("mkdns", "DNS messages, well-formed and not"),
    ("mkip", "protocols reached by IP protocol number"),
    ("mklink", "ARP, spanning tree, names"),
    ("mkapp", "the other application protocols"),
    ("mkwlan", "802.11 behind radiotap headers"),
    ("mkchdlc", "Cisco HDLC and SLARP"),
    ("mkppp", "PPP links"),
    ("mkdsa", "Ethernet with a Broadcom switch tag"),
    ("mknflog", "Linux netfilter log records"),
    ("mkdecc", "AFS/RX, OpenFlow 1.0, BGP, BCM-LI"),
    ("mkudpapps", "ISAKMP/IKE and NAT-T, RADIUS with EAP, DHCPv6, L2TP"),
    ("mknonip", "non-IP frames and routing protocols"),
    ("mkvsock", "Linux vsock monitor records"),
    ("mkslip", "SLIP with its link header"),
    ("mkudp2", "Kerberos, timed, Auto-RP, SOME/IP, vat and other rarer UDP protocols"),
    ("mkdecudp1", "SNMP; Geneve, VXLAN-GPE, OTV, LISP, MPLS and PTP over UDP; LDP"),
    ("mkiso", "CLNP and ES-IS behind 802.2, OSI in GRE"),
    ("mkpgm", "PGM messages and options"),
    ("mkforces", "ForCES messages in SCTP"),
    ("mkfr", "Frame Relay: Q.922, NLPIDs, Q.933 LMI, FRF.15"),
    ("mkmfr", "FRF.16 multilink Frame Relay"),
    ("mkarcnet", "ARCNET, RFC 1051 and RFC 1201 framing"),
    ("mkpktap", "Apple PKTAP records"),
    ("mkjuniper", "Juniper's capture header, then Ethernet"),
    ("mkslow", "LACP and Marker (802.3 slow protocols) TLVs, Cisco UDLD, EAPOL"),
    ("mkflow", "sFlow, HNCP and Zephyr"),
    ("mkdeclsp", "LSP Ping, LMP, NFS over RPC, PPP in HDLC framing behind PPPoE"),
    ("mkdecctl", "PPP control protocols in PPPoE, and lines that ended blank"),
    ("mkdecbgp", "BGP OPEN, UPDATE, NOTIFICATION and ROUTE-REFRESH bodies"),
    ("mkdecospf", "OSPFv3 packets and LSAs, ICMPv6 node information"),
    ("mkofp13", "OpenFlow 1.3 message bodies"),
    ("mkpptp", "PPTP control messages, ZEP carrying 802.15.4 frames"),
    ("mkwpan", "IEEE 802.15.4 frames on their own link type"),
    ("mksunatm", "SunATM: OAM cells, signalling, LLC"),
    ("mkrsvp", "RSVP objects, EGP, Mobile IP, IPv6 mobility messages, Ethernet in IPv6"),
    ("mkospfte", "OSPFv2 bodies with opaque LSAs, ICMPv6 RPL"),
    ("mkblank", "ethertypes without a printer, MACsec, AppleTalk, MS NLB, SNAP and XIDs"),
    ("mkblanksll", "Linux cooked frames: IPX, 802.2, VLAN TPIDs, types without a printer"),
    ("mkblankatm", "RFC 1483 ATM: Cisco NLPID, 802.2, 802.6 MAC headers"),
]
CORE = {"ether", "arp", "ip", "ip6", "tcp", "udp", "icmp", "icmp6"}
REPORT = "\001L "


def packets(text, reports=None):
    """text's lines grouped into packets; decprint's -L report lines are
    taken out and appended to reports, one list per packet."""
    out = []
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        if line.startswith(REPORT):
            if reports is not None and reports:
                reports[-1].append(line[len(REPORT):].split())
            continue
        if TS.match(line) or line.startswith("[Invalid header") or not out:
            out.append([line])
            if reports is not None:
                reports.append([])
        else:
            out[-1].append(line)
    return out


def split(pkt, opts):
    """(decoded part, dump part) of one packet's lines."""
    if "-A" in opts.split():
        return "\n".join(pkt[:1]), "\n".join(pkt[1:])
    for i, line in enumerate(pkt):
        if DUMP.match(line):
            return "\n".join(pkt[:i]), "\n".join(pkt[i:])
    return "\n".join(pkt), ""


def linktype(f):
    r = subprocess.run(["tcpdump", "-r", f, "-c", "1", "-nn"], capture_output=True, text=True)
    m = re.search(r"link-type (\S+)", r.stderr)
    return m.group(1) if m else "?"


def run_one(decprint, f, opts):
    env = dict(os.environ, TZ="UTC")
    args = opts.split()
    pre = [] if "-nn" in args or "-n" in args else NONET
    try:
        ours = subprocess.run(pre + [decprint, "-L"] + args + ["-r", f], capture_output=True, env=env, timeout=30)
        theirs = subprocess.run(pre + ["tcpdump"] + args + ["-r", f], capture_output=True, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        return f, opts, None, None, "timeout"
    crash = ""
    if ours.returncode not in (0, 1) or b"ERROR: AddressSanitizer" in ours.stderr or b"runtime error" in ours.stderr:
        crash = "decprint exit %d: %s" % (ours.returncode, ours.stderr.decode(errors="replace")[-300:])
    return f, opts, ours.stdout.decode("latin-1"), theirs.stdout.decode("latin-1"), crash


def dump_bytes(lines):
    """The bytes of the -x / -X dump lines among lines, as hex digits."""
    return "".join(re.sub(r"\s", "", l[10:49]) for l in lines if DUMP.match(l))


def app_truncated(o, t, od, odump, opts):
    """tcpdump went on into an application protocol we don't decode, its
    printer ran out of captured bytes (" [|proto]") and so tcpdump dumped
    the packet from its first byte: our decoded part is a prefix of its
    first line, and our dump is the tail of its dump."""
    if "-A" in opts.split():
        text = "\n".join(t)
        if not text.endswith(odump) or len(text) == len(odump):
            return False
        dec = text[:len(text) - len(odump)]
        ok = lambda rest: " [|" in rest
    else:
        k = len(t)
        while k > 1 and DUMP.match(t[k - 1]):
            k -= 1
        dec = "\n".join(t[:k])
        ob, tb = dump_bytes(o[1:]), dump_bytes(t[k:])
        ok = lambda rest: " [|" in rest and len(tb) > len(ob) and tb.endswith(ob)
    if not dec.startswith(od) or len(dec) == len(od):
        return False
    rest = dec[len(od):]
    if od and ((od[-1].isalpha() and rest[0].isalpha()) or (od[-1].isdigit() and rest[0].isdigit())):
        return False
    return ok(rest)


# What tcpdump prints itself when it does NOT go on after a handoff: a
# continuation starting so means our decoder handed off wrongly.
NOT_CONTINUED = {"udp-app": ("UDP, ",), "ip-proto": (" ip-proto-",), "gre-proto": ("gre-proto-",)}
# What our decoder prints in place of a protocol it hands off (so that no
# line ends blank); taken off before our part is matched against tcpdump's.
PLACEHOLDER = {"ip-proto": re.compile(r" ip-proto-\d+ \d+$"), "gre-proto": re.compile(r"gre-proto-0x[0-9a-f]+$")}


def unplace(od, handoff):
    """od without the placeholder text of handoff at its end."""
    m = PLACEHOLDER.get(handoff)
    return m.sub("", od) if m else od


def boundary_prefix(od, td, handoff=None):
    """od is a strict prefix of td, not ending inside a word or number (nor
    followed by what our own layer would have printed)."""
    if not td.startswith(od) or len(td) == len(od):
        return False
    rest = td[len(od):]
    if any(rest.startswith(s) for s in NOT_CONTINUED.get(handoff, ())):
        return False
    return not od or not ((od[-1].isalpha() and rest[0].isalpha()) or (od[-1].isdigit() and rest[0].isdigit()))


def classify(o, t, opts, handoff):
    """o, t: one packet's lines from decprint and tcpdump; handoff: what our
    decoder left undecoded (None if it decoded the whole packet)."""
    if o == t:
        return "identical"
    if not handoff:
        return "mismatch"
    od, odump = split(o, opts)
    od = unplace(od, handoff)
    tt = "\n".join(t)
    td = tt
    if len(o) > 1 and (odump or "-A" in opts.split()) and app_truncated(o, t, od, odump, opts):
        return "continues"
    if "-A" in opts.split() and len(t) > 1:
        tdump = "\n".join(t[1:])
        if odump.endswith(tdump) and boundary_prefix(od, t[0], handoff):
            return "continues"  # tcpdump's printer took more header bytes
    elif odump:
        k = len(t)
        while k > 1 and DUMP.match(t[k - 1]):
            k -= 1
        tb = dump_bytes(t[k:])
        if tb and dump_bytes(o[1:]).endswith(tb) and boundary_prefix(od, "\n".join(t[:k]), handoff):
            return "continues"
    if len(o) > 1 and (odump or "-A" in opts.split()):
        # our dump must end tcpdump's packet, byte for byte; what precedes
        # it is tcpdump's decoded part (an application printer may print
        # lines of its own, even ones that look like a dump)
        if not tt.endswith("\n" + odump):
            return "mismatch"
        td = tt[:len(tt) - len(odump) - 1]
    return "continues" if boundary_prefix(od, td, handoff) else "mismatch"


def ends_blank(o, t, opts):
    """Our line stops where nothing is said yet (after ": ", ", " or a
    bare timestamp) and tcpdump's goes on: into more text, or into the
    hex dump of a payload it has no printer for."""
    od, odump = split(o, opts)
    td, tdump = split(t, opts)
    last = od.split("\n")[-1]
    if not (last.endswith(": ") or last.endswith(", ") or TS.fullmatch(last)):
        return False
    return (td.startswith(od) and len(td) > len(od)) or (td == od and tdump and not odump)


def write_llc_capture(path):
    """802.3 frames with 802.2 LLC headers: every even SAP in UI and I
    PDUs, every S and U command with and without poll/final, group and
    response bits, unequal SAPs, padded and cut-short frames."""
    rnd = random.Random(7)
    frames = []

    def frame(llc, n=40, pad=False):
        body = llc + bytes(rnd.randrange(256) for _ in range(n))
        eth = bytes([0, 1, 2, 3, 4, 5, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15]) + struct.pack(">H", len(body))
        f = eth + body
        return f + bytes(60 - len(f)) if pad and len(f) < 60 else f
    for sap in range(0, 256, 2):
        frames.append(frame(bytes([sap, sap, 0x03])))
        frames.append(frame(bytes([sap, sap, 0x20, 0x41])))
    for c in (0x01, 0x05, 0x09, 0x0d):
        for pf in (0, 1):
            frames.append(frame(bytes([0x80, 0x80, c, 0x40 | pf])))
            frames.append(frame(bytes([0x80, 0x81, c, 0x40 | pf]), 8, pad=True))
    for u in (0x03, 0x63, 0x43, 0x0f, 0x6f, 0xe3, 0xaf, 0x87, 0x4b, 0x13, 0x73, 0xf3, 0xbf):
        frames.append(frame(bytes([0x80, 0x80, u])))
        frames.append(frame(bytes([0x81, 0x81, u]), 5, pad=True))
    frames.append(frame(bytes([0x80, 0x80, 0xaf, 0x81, 0x01, 0x02])))
    for dsap, ssap in ((0x10, 0x20), (0x42, 0x80), (0x11, 0x20), (0xaa, 0x42), (0x80, 0xbc)):
        frames.append(frame(bytes([dsap, ssap, 0x03])))
        frames.append(frame(bytes([dsap, ssap, 0x02, 0x00])))
        frames.append(frame(bytes([dsap, ssap, 0x01, 0x01])))
    frames.append(frame(bytes([0x80, 0x80]), 0))
    frames.append(frame(bytes([0x80, 0x80, 0x00]), 0))
    with open(path, "wb") as f:
        f.write(pcap_header(1, 65535))
        for i, fr in enumerate(frames):
            f.write(pcap_record(1700000000 + i, i, fr))


def main():
    decprint, srcdir = sys.argv[1], sys.argv[2]
    builddir = sys.argv[3] if len(sys.argv) > 3 else "."
    files = sorted(f for pat in ("*.pcap", "*.pcapng", "*.cap")
                   for f in glob.glob(os.path.join(srcdir, "examples", pat)))
    synth = os.path.join(builddir, "tests", "synth", "bpfx-synth")
    if os.access(synth, os.X_OK):
        # three plain Ethernet sets, one with most packets in PPPoE
        # sessions, one in each Linux cooked format, BSD loopback (both
        # byte orders)
        for seed, lt, extra in ((1, "EN10MB", []), (2, "EN10MB", []), (3, "EN10MB", []),
                                (4, "EN10MB", ["-p", "60"]), (5, "LINUX_SLL", []), (6, "LINUX_SLL2", []),
                                (7, "NULL", []), (8, "LOOP", [])):
            out = os.path.join(builddir, "tests", "decode", "synth-%d.pcap" % seed)
            if subprocess.run([synth, "-y", lt, "-n", "300", "-s", str(seed)] + extra + ["-w", out]).returncode == 0:
                files.append(out)
    else:
        print("compare: tests/synth/bpfx-synth not built, skipping synthesized captures")
    llc = os.path.join(builddir, "tests", "decode", "llc-frames.pcap")
    write_llc_capture(llc)
    files.append(llc)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import mkdns, mklink  # the pcap writer; the capture of untranslatable times
    for name, what in GENERATED:
        path = os.path.join(builddir, "tests", "decode", name.replace("mk", "") + "-frames.pcap")
        mod = __import__(name)
        mkdns.write(path, mod.frames(), getattr(mod, "LINKTYPE", 1))
        files.append(path)
    times = os.path.join(builddir, "tests", "decode", "time-frames.pcap")
    mklink.write_times(times)
    files.append(times)
    corpus = os.path.join(srcdir, "..", "shared", "corpus")
    links = {}
    if os.environ.get("COMPARE_NO_CORPUS"):
        print("compare: COMPARE_NO_CORPUS set, skipping the corpus")
    elif os.path.isdir(corpus):
        cands = sorted(f for pat in ("*.pcap", "*.pcapng", "*.cap")
                       for f in glob.glob(os.path.join(corpus, "*", pat)))
        with concurrent.futures.ThreadPoolExecutor(4) as ex:
            lts = list(ex.map(linktype, cands))
        # every link type: where bpfx has no link printer yet, the packet
        # counts as a mismatch (not a core one), so the totals say how
        # much of the whole corpus prints as tcpdump prints it
        files += cands
        links.update(zip(cands, lts))
    else:
        print("compare: %s absent, skipping the corpus" % corpus)
    only = os.environ.get("COMPARE_OPTS")
    optsets = [only] if only is not None else list(OPTSETS)
    if only is None:
        if subprocess.run(NONET + ["true"], capture_output=True).returncode == 0:
            optsets += NAMED_OPTSETS
        else:
            print("compare: unshare -n not allowed here, skipping the sets without -n")
    counts = {o: {"identical": 0, "continues": 0, "mismatch": 0} for o in optsets}
    # the same for every other printer named in the -L reports (the
    # protocols past the core ones), so a new printer needs no list entry
    apps = {}
    bylink = {}  # the same per link type, over all option sets
    mismatches, continued, crashes, core = [], [], [], 0
    blank = []  # packets whose line ends blank (ends_blank)
    jobs = [(f, o) for f in files for o in optsets]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        for f, opts, o, t, crash in ex.map(lambda j: run_one(decprint, *j), jobs):
            if crash:
                crashes.append((f, opts, crash))
            if o is None:
                continue
            reps = []
            op, tp = packets(o, reps), packets(t)
            for i in range(max(len(op), len(tp))):
                oo = "\n".join(op[i]) if i < len(op) else ""
                tt = "\n".join(tp[i]) if i < len(tp) else ""
                rep = reps[i] if i < len(reps) else []
                # the handoff of the packet's last record (others in the
                # group are records tcpdump refused: "[Invalid header")
                handoff = rep[-1][rep[-1].index(">") + 1] if rep and ">" in rep[-1] else None
                k = classify(op[i] if i < len(op) else [], tp[i] if i < len(tp) else [], opts, handoff) if oo != tt else "identical"
                counts[opts][k] += 1
                bylink.setdefault(links.get(f, "(ours)"), {"identical": 0, "continues": 0, "mismatch": 0})[k] += 1
                for a in {w for r in rep for w in (r[:r.index(">")] if ">" in r else r)} - CORE - {"link"}:
                    apps.setdefault((a, opts), {"identical": 0, "continues": 0, "mismatch": 0})[k] += 1
                if k != "identical" and i < len(op) and i < len(tp) and ends_blank(op[i], tp[i], opts):
                    blank.append((f, opts, i + 1, oo, tt, " ".join(" ".join(r) for r in rep)))
                if k == "continues":
                    continued.append((f, opts, i + 1, oo, tt, " ".join(" ".join(r) for r in rep)))
                if k == "mismatch":
                    layers = {w for r in rep for w in r}
                    if layers & CORE:
                        core += 1
                    mismatches.append((f, opts, i + 1, oo, tt, " ".join(" ".join(r) for r in rep)))
    total = {"identical": 0, "continues": 0, "mismatch": 0}
    for o in optsets:
        c = counts[o]
        for k in total:
            total[k] += c[k]
        print("%-10s identical %6d  continues %6d  mismatch %5d" % (o or "(no -n)", c["identical"], c["continues"], c["mismatch"]))
    print("%-10s identical %6d  continues %6d  mismatch %5d  (%d files)" % ("total", total["identical"], total["continues"], total["mismatch"], len(files)))
    for a in sorted({a for a, _ in apps}):
        for o in optsets:
            c = apps.get((a, o), {"identical": 0, "continues": 0, "mismatch": 0})
            print("%-5s %-10s identical %6d  continues %6d  mismatch %5d" % (a, o or "(no -n)", c["identical"], c["continues"], c["mismatch"]))
    for lt, c in sorted(bylink.items(), key=lambda x: -sum(x[1].values())):
        print("link %-22s identical %6d  continues %6d  mismatch %5d" % (lt, c["identical"], c["continues"], c["mismatch"]))
    cor = {k: sum(c[k] for lt, c in bylink.items() if lt != "(ours)") for k in total}
    if sum(cor.values()):
        print("corpus (all link types): identical %.2f%% of %d packets" % (100 * cor["identical"] / sum(cor.values()), sum(cor.values())))
    shown = int(os.environ.get("COMPARE_SHOW", "10"))
    seen, firsts = set(), []
    for m in mismatches:  # the first mismatch of each file and option set first
        if (m[0], m[1]) not in seen:
            seen.add((m[0], m[1]))
            firsts.append(m)
    if os.environ.get("COMPARE_FILTER"):
        firsts = [m for m in firsts if re.search(os.environ["COMPARE_FILTER"], m[1])]
    for f, opts, n, oo, tt, rep in firsts[:shown]:
        print("--- %s %s packet %d [%s]\n  ours:    %r\n  tcpdump: %r" % (os.path.basename(f), opts, n, rep, oo, tt))
    if os.environ.get("COMPARE_DUMP"):
        with open(os.environ["COMPARE_DUMP"], "w") as fp:
            # every packet not identical, each tagged with its class
            for kind, rows in (("mismatch", mismatches), ("continues", continued)):
                for f, opts, n, oo, tt, rep in rows:
                    fp.write("--- %s %s %s packet %d [%s]\n  ours:    %r\n  tcpdump: %r\n" % (kind, os.path.basename(f), opts, n, rep, oo, tt))
    print("lines ending blank: %d" % len(blank))
    for f, opts, n, oo, tt, rep in blank[:shown]:
        print("--- blank %s %s packet %d [%s]\n  ours:    %r\n  tcpdump: %r" % (os.path.basename(f), opts, n, rep, oo, tt))
    for f, opts, crash in crashes[:shown]:
        print("CRASH %s %s: %s" % (f, opts, crash))
    comparable = total["identical"] + total["mismatch"]
    ratio = total["identical"] / comparable if comparable else 1.0
    print("identical %.2f%% of comparable packets, %.2f%% of all; %d mismatches on core protocols, %d crashes"
          % (100 * ratio, 100 * total["identical"] / max(1, sum(total.values())), core, len(crashes)))
    return 1 if core or crashes or blank or ratio < 0.95 else 0


if __name__ == "__main__":
    sys.exit(main())
