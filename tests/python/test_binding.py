"""The Python binding (python/bpfx) against the command line and libpcap.

    test_binding.py BPFX BPFX_SYNTH SRCDIR SCRATCH

- compile errors: every expression of tests/diff/invalid.txt is refused by
  libpcap (pcap_compile, through ctypes), and by the binding with a span
  inside the expression and the very message and underline `bpfx compile`
  prints;
- validate: hand-made bad programs, and random ones, are accepted exactly
  when both libpcap's bpf_validate (through ctypes) and the Linux kernel
  (SO_ATTACH_FILTER on a socket) accept them, as src/vm.c promises;
- run: on synthesized packets of four link types, the packets bpfx.run
  accepts are those `bpfx filter -r FILE -w OUT` writes (compared as the
  records of OUT, parsed here), for a sample of tests/diff/exprs.txt; and
  bpfx.run_batch over all of them returns bpfx.run's verdicts;
- filter_file writes the bytes `bpfx filter -w` writes; index_file's chunks
  filtered one by one and joined give them too; merge_files gives the
  stable time-ordered merge computed here;
- the listing and explain() are `bpfx compile -d` and `bpfx explain`.
Prints one line of counts; exit 1 on any failure.
"""
import ctypes
import ctypes.util
import errno
import os
import random
import socket
import struct
import subprocess
import sys

import bpfx
import pcaputil

BPFX, SYNTH, SRCDIR, T = sys.argv[1:5]
failures = []
checked = {}


def check(what, ok, detail=""):
    checked[what] = checked.get(what, 0) + 1
    if not ok:
        failures.append("%s: %s" % (what, detail))
        print("FAIL: %s: %s" % (what, detail))


def cli(*args):
    return subprocess.run([BPFX] + list(args), capture_output=True, text=True)


# --- libpcap through ctypes: the oracle for refusals and validation ------
pcap = ctypes.CDLL(ctypes.util.find_library("pcap"))


class BpfProgram(ctypes.Structure):
    _fields_ = [("bf_len", ctypes.c_uint), ("bf_insns", ctypes.POINTER(bpfx._lib.bpf_insn))]


pcap.pcap_open_dead.restype = ctypes.c_void_p
pcap.pcap_open_dead.argtypes = [ctypes.c_int, ctypes.c_int]
pcap.pcap_compile.argtypes = [ctypes.c_void_p, ctypes.POINTER(BpfProgram), ctypes.c_char_p,
                              ctypes.c_int, ctypes.c_uint32]
pcap.pcap_freecode.argtypes = [ctypes.POINTER(BpfProgram)]
pcap.bpf_validate.argtypes = [ctypes.POINTER(bpfx._lib.bpf_insn), ctypes.c_int]
dead = pcap.pcap_open_dead(1, 262144)


def libpcap_accepts(expr):
    prog = BpfProgram()
    if pcap.pcap_compile(dead, ctypes.byref(prog), expr.encode(), 1, 0) < 0:
        return False
    pcap.pcap_freecode(ctypes.byref(prog))
    return True


def libpcap_valid(insns):
    arr = (bpfx._lib.bpf_insn * max(len(insns), 1))(*insns)
    return pcap.bpf_validate(arr, len(insns)) != 0


def kernel_valid(insns):
    """Does Linux attach the program to a socket (SO_ATTACH_FILTER)?  None
    when that cannot be asked here."""
    arr = (bpfx._lib.bpf_insn * max(len(insns), 1))(*insns)
    fprog = struct.pack("HL", len(insns), ctypes.addressof(arr))
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)
        return True
    except OSError as e:
        return False if e.errno == errno.EINVAL else None


SO_ATTACH_FILTER = 26  # <asm-generic/socket.h>


def exprs(name):
    with open(os.path.join(SRCDIR, "tests", "diff", name)) as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


# --- compile errors --------------------------------------------------------
for expr in exprs("invalid.txt"):
    check("invalid: libpcap refuses", not libpcap_accepts(expr), expr)
    try:
        bpfx.compile(expr)
        check("invalid: binding refuses", False, expr)
        continue
    except bpfx.CompileError as e:
        err = e
    check("invalid: binding refuses", True)
    n = len(expr.encode())
    check("invalid: span inside", 0 <= err.start <= err.end <= n, "%s: %d-%d" % (expr, err.start, err.end))
    r = cli("compile", expr)
    want = r.stderr
    got = "bpfx compile: %s\n%s" % (err.msg, err.caret())
    check("invalid: same error as bpfx compile", r.returncode == 2 and got == want,
          "%r\n  binding: %r\n  cli:     %r" % (expr, got, want))

# --- validate --------------------------------------------------------------
RET_K, LD_ABS_B, JEQ_K, ALU_DIV_K, LD_MEM, ST, JA = 0x06, 0x30, 0x15, 0x34, 0x60, 0x02, 0x05
bad = [
    [],                                  # empty
    [(LD_ABS_B, 0, 0, 0)],               # does not end in ret
    [(JEQ_K, 5, 0, 1), (RET_K, 0, 0, 0)],  # jt past the end
    [(JA, 0, 0, 7), (RET_K, 0, 0, 0)],   # ja past the end
    [(ALU_DIV_K, 0, 0, 0), (RET_K, 0, 0, 0)],  # division by the constant 0
    [(LD_MEM, 0, 0, 16), (RET_K, 0, 0, 0)],    # scratch memory index 16
    [(ST, 0, 0, 99), (RET_K, 0, 0, 0)],
    [(0x0c, 0, 0, 0), (0x16, 0, 0, 0), (0x0e, 0, 0, 0)],  # RET class, but not a ret code
]
for insns in bad:
    check("validate bad: libpcap or the kernel refuses",
          not libpcap_valid(insns) or kernel_valid(insns) is False, insns)
    try:
        bpfx.validate(insns)
        check("validate bad: binding refuses", False, insns)
    except bpfx.ValidateError as e:
        check("validate bad: binding refuses", 0 <= e.index < max(len(insns), 1) and e.msg, insns)
# random programs from the opcodes bpf_validate knows and some it does not
rng = random.Random(18)
accepted = 0
codes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0c, 0x14, 0x15, 0x16, 0x1c, 0x1d,
         0x20, 0x24, 0x25, 0x28, 0x30, 0x34, 0x35, 0x40, 0x44, 0x45, 0x48, 0x50, 0x54, 0x60,
         0x61, 0x64, 0x74, 0x80, 0x81, 0x84, 0x87, 0x94, 0xa4, 0xb1, 0xc4, 0x16, 0x0e, 0x99]
for _ in range(3000):
    n = rng.randint(1, 8)
    insns = [(rng.choice(codes), rng.randint(0, 3), rng.randint(0, 3),
              rng.choice([0, 1, 2, 15, 16, 17, 100, 0xffffffff])) for _ in range(n)]
    if rng.random() < 0.7:
        insns[-1] = (RET_K, 0, 0, rng.choice([0, 96]))
    kernel = kernel_valid(insns)
    if kernel is None:
        continue
    want = libpcap_valid(insns) and kernel
    try:
        bpfx.validate(insns)
        got = True
    except bpfx.ValidateError:
        got = False
    accepted += got
    check("validate random: libpcap's and the kernel's verdict", got == want,
          "%r: libpcap %s, kernel %s" % (insns, libpcap_valid(insns), kernel))

# --- run, filter_file, listing, explain, against the command line ----------
LINKTYPES = ["EN10MB", "RAW", "LINUX_SLL", "NULL"]
sample = exprs("exprs.txt")[::12] + ["tcp[13] & 16 != 0", "ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) > 0"]
for lt in LINKTYPES:
    cap = os.path.join(T, "synth-%s.pcap" % lt)
    subprocess.run([SYNTH, "-y", lt, "-n", "3000", "-s", "7", "-t", "10", "-w", cap], check=True)
    header, recs = pcaputil.read(cap)
    for expr in sample:
        for opt, flags in (("exact", []), ("loose", ["--loose"])):
            try:
                prog = bpfx.compile(expr, linktype=lt, optimize=opt, savefile=True)
            except bpfx.CompileError as e:
                r = cli("filter", "-r", cap, "--count", *flags, expr)
                check("run: refused by both", r.returncode == 2 and e.msg in r.stderr, "%s %s" % (lt, expr))
                continue
            out = os.path.join(T, "cli.pcap")
            r = cli("filter", "-r", cap, "-w", out, *flags, expr)
            if r.returncode:
                check("run: cli filters", False, "%s %s: %s" % (lt, expr, r.stderr))
                continue
            want = [x[2] for x in pcaputil.read(out)[1]]
            single = [bpfx.run(prog, x[3], x[4]) for x in recs]
            got = [x[2] for x, v in zip(recs, single) if v]
            check("run: verdicts equal bpfx filter's", got == want,
                  "%s %s %s: %d against %d" % (lt, opt, expr, len(got), len(want)))
            batch = bpfx.run_batch(prog, [x[3] for x in recs], [x[4] for x in recs])
            check("run_batch: verdicts equal run's", batch == single, "%s %s %s" % (lt, opt, expr))
            if expr == sample[-1]:
                mine = os.path.join(T, "binding.pcap")
                c = bpfx.filter_file(prog, cap, mine)
                with open(mine, "rb") as f1, open(out, "rb") as f2:
                    check("filter_file: bytes of bpfx filter -w", f1.read() == f2.read(), lt)
                check("filter_file: counts", c.packets == len(recs) and c.matched == len(want),
                      "%s %r" % (lt, c))
    # listing and explain are the command line's
    for expr in sample[:10]:
        try:
            prog = bpfx.compile(expr, linktype=lt)
        except bpfx.CompileError:
            continue
        check("listing: bpfx compile -d", prog.listing == cli("compile", "-y", lt, "-d", expr).stdout, expr)
        check("explain: bpfx explain", prog.explain() == cli("explain", "-y", lt, expr).stdout, expr)

# --- index_file, byte ranges, merge_files -----------------------------------
cap = os.path.join(T, "synth-EN10MB.pcap")
header, recs = pcaputil.read(cap)
prog = bpfx.compile("tcp[13] & 16 != 0", savefile=True)
whole = os.path.join(T, "whole.pcap")
bpfx.filter_file(prog, cap, whole)
for chunk in (1, 1000, 65536, 10 ** 9):
    info = bpfx.index_file(cap, chunk)
    check("index: packets", info.packets == len(recs), "%d: %d" % (chunk, info.packets))
    offs = info.offsets
    # every offset is a record's, and chunks are at least `chunk` apart
    starts, off = set(), 24
    for r in recs:
        starts.add(off)
        off += len(r[2])
    check("index: boundaries", offs[0] == 24 and set(offs) <= starts and
          all(b - a >= chunk for a, b in zip(offs, offs[1:])), chunk)
    parts = []
    for i, start in enumerate(offs):
        part = os.path.join(T, "part%d.pcap" % i)
        bpfx.filter_file(prog, cap, part, start, offs[i + 1] if i + 1 < len(offs) else 0)
        with open(part, "rb") as f:
            parts.append(f.read()[24 if i else 0:])
    with open(whole, "rb") as f:
        check("index: chunks joined = whole file", b"".join(parts) == f.read(), chunk)
# the merge, against a stable sort by time done here
inputs, allrecs = [], []
for i, (sec, usec) in enumerate([(0, 0), (0, 0), (1, 500), (-1, 250000)]):
    p = os.path.join(T, "m%d.pcap" % i)
    pcaputil.shift(whole, p, sec, usec)
    inputs.append(p)
    allrecs += pcaputil.read(p)[1]
merged = os.path.join(T, "merged.pcap")
n = bpfx.merge_files(inputs, merged)
with open(merged, "rb") as f:
    check("merge: the stable time-ordered merge", f.read() == pcaputil.merge_by_time(header, allrecs))
check("merge: count", n == len(allrecs))
# pcapng: read whole, never split, same records out
ng = os.path.join(T, "synth.pcapng")
pcaputil.write_pcapng(ng, header, recs)
info = bpfx.index_file(ng, 1000)
check("pcapng: one chunk", info.pcapng and info.offsets == [0] and info.linktype == 1, repr(info))
ngout = os.path.join(T, "ng-out.pcap")
bpfx.filter_file(prog, ng, ngout)
with open(ngout, "rb") as f1, open(whole, "rb") as f2:
    check("pcapng: the records of the pcap file", f1.read() == f2.read())
try:
    bpfx.filter_file(prog, ng, None, 1000, 0)
    check("pcapng: no byte range", False)
except bpfx.FileError as e:
    check("pcapng: no byte range", "pcapng" in e.msg, e.msg)
try:
    bpfx.filter_file(bpfx.compile("ip", linktype="RAW"), cap, None)
    check("filter_file: link type refused", False)
except bpfx.FileError as e:
    check("filter_file: link type refused", cap in e.msg and "link type" in e.msg, e.msg)
try:
    bpfx.filter_file(prog, os.path.join(T, "nonexistent.pcap"))
    check("filter_file: missing file", False)
except bpfx.FileError as e:
    check("filter_file: missing file", "nonexistent.pcap" in e.msg, e.msg)

print("binding: " + ", ".join("%s %d" % kv for kv in sorted(checked.items())))
print("binding: %d of 3000 random programs valid" % accepted)
print("binding: %d checks, %d failed" % (sum(checked.values()), len(failures)))
sys.exit(1 if failures else 0)
