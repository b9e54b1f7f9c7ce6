"""bpfx: libbpfx from Python (ctypes over the installed shared library).

    import bpfx
    prog = bpfx.compile("tcp[13] & 16 != 0", linktype="EN10MB")
    print(prog.listing)                  # as `bpfx compile -d` prints it
    print(prog.explain())                # as `bpfx explain` prints it
    bpfx.run(prog, packet_bytes)         # bytes to accept, 0 to reject
    bpfx.run_batch(prog, packets)        # a list of run's verdicts, one C call
    bpfx.filter_file(prog, "in.pcap", "out.pcap")   # streamed in C

Errors are exceptions carrying what the command line prints: CompileError
has the message and the span [start, end) of the expression it is about
(str(e) is the message; e.caret() the expression underlined as `bpfx
compile` underlines it); ValidateError has the offending instruction's
index; FileError names the file and the fault.

A Program is plain data (the instructions as (code, jt, jf, k) tuples, the
link type and the options it was compiled with), so it pickles small and
can be shipped to other processes or hosts: that is how bpfx-dask compiles
once and runs everywhere.
"""
import collections
import ctypes
import os

from . import _lib
from ._lib import lib

__all__ = ["compile", "validate", "run", "run_batch", "filter_file", "index_file", "merge_files",
           "Program", "Error", "CompileError", "ValidateError", "FileError",
           "Counts", "FileInfo", "linktype_from_name", "linktype_name", "version"]

OPTIMIZE = {"off": 0, "exact": 1, "loose": 2}


class Error(Exception):
    """Any error libbpfx reports: .msg, and the span .start, .end (-1: none)."""

    def __init__(self, msg, start=-1, end=-1):
        super().__init__(msg, start, end)
        self.msg, self.start, self.end = msg, start, end

    def __str__(self):
        return self.msg


class CompileError(Error):
    """An expression libbpfx refuses; .expr is the expression."""

    def __init__(self, msg, start=-1, end=-1, expr=None):
        Error.__init__(self, msg, start, end)
        self.args = (msg, start, end, expr)
        self.expr = expr

    def caret(self):
        """The expression with `^~~~` under the span, as the CLI prints it
        after the message (two lines, each ending in a newline), or ""."""
        if self.expr is None or self.start < 0:
            return ""
        n = len(self.expr.encode())
        raw = self.expr.encode()
        s, e = min(self.start, n), min(self.end, n)
        if e <= s:
            e = s + 1
        pad = "".join("\t" if c == 9 else " " for c in raw[:s])
        return "  %s\n  %s^%s\n" % (self.expr, pad, "~" * (e - s - 1))


class ValidateError(Error):
    """A program the validator refuses; .index is the instruction's."""

    @property
    def index(self):
        return self.start


class FileError(Error):
    """A capture file that could not be read or written (.msg names it)."""


Counts = collections.namedtuple("Counts", "packets matched bytes")
FileInfo = collections.namedtuple("FileInfo",
                                  "linktype snaplen swapped pcapng size packets offsets")


def version():
    return lib.bpfx_version().decode()


def linktype_from_name(name):
    """DLT_ value of a libpcap link type name without DLT_ ("EN10MB"), or None."""
    v = lib.bpfx_linktype_from_name(name.encode())
    return None if v < 0 else v


def linktype_name(dlt):
    s = lib.bpfx_linktype_name(dlt)
    return s.decode() if s else None


def _linktype(lt):
    if isinstance(lt, int):
        return lt
    v = linktype_from_name(str(lt))
    if v is None:
        raise ValueError("unknown link type %r" % (lt,))
    return v


def _optimize(opt):
    if opt is True:
        return OPTIMIZE["exact"]
    if opt is False:
        return OPTIMIZE["off"]
    if opt in OPTIMIZE:
        return OPTIMIZE[opt]
    raise ValueError("optimize is 'exact', 'loose' or 'off' (True, False), not %r" % (opt,))


def _error(err, cls=Error, **kw):
    return cls(err.msg.decode("utf-8", "replace"), err.start, err.end, **kw)


class Program:
    """A compiled (or given) classic BPF program.

    .insns: tuple of (code, jt, jf, k); len(prog); .linktype (DLT_ value, or
    None for a bare program); .expr and .options: what it was compiled from.
    """

    def __init__(self, insns, linktype=None, expr=None, options=None):
        self.insns = tuple((int(c), int(t), int(f), int(k)) for c, t, f, k in insns)
        self.linktype = linktype
        self.expr = expr
        self.options = dict(options or {})
        self._array = None
        self._valid = expr is not None  # compiled programs are validated by bpfx_compile

    def __len__(self):
        return len(self.insns)

    def __eq__(self, other):
        return isinstance(other, Program) and self.insns == other.insns

    def __hash__(self):
        return hash(self.insns)

    def __repr__(self):
        return "<bpfx.Program %d insns%s>" % (len(self), ", %r" % self.expr if self.expr else "")

    def __getstate__(self):  # the ctypes array is rebuilt where it is used
        return {k: v for k, v in self.__dict__.items() if k != "_array"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._array = None

    def array(self):
        """The instructions as a ctypes struct bpf_insn[]."""
        if self._array is None:
            self._array = (_lib.bpf_insn * max(len(self.insns), 1))(*self.insns)
        return self._array

    def format(self, style=1):
        """`bpfx compile -d` (1), -dd (2) or -ddd (3) text."""
        s = _lib.take_string(lib.bpfx_format_program(self.array(), len(self.insns), style))
        if s is None:
            raise ValueError("style is 1 (-d), 2 (-dd) or 3 (-ddd)")
        return s

    @property
    def listing(self):
        """The program as `bpfx compile -d` (and tcpdump -d) prints it."""
        return self.format(1)

    def explain(self):
        """`bpfx explain`'s text for the expression this program came from."""
        if self.expr is None:
            raise ValueError("explain() needs a program compiled from an expression")
        err = _lib.bpfx_error()
        s = _lib.take_string(lib.bpfx_explain_text(self.expr.encode(),
                                                   ctypes.byref(_options(**self.options)),
                                                   ctypes.byref(err)))
        if s is None:
            raise _error(err, CompileError, expr=self.expr)
        return s


def _options(linktype="EN10MB", snaplen=262144, optimize="exact", savefile=False,
             swapped=False, ip6_transport=False):
    o = _lib.bpfx_options()
    lib.bpfx_options_init(ctypes.byref(o))
    o.linktype = _linktype(linktype)
    o.snaplen = snaplen
    o.optimize = _optimize(optimize)
    o.savefile = int(bool(savefile))
    o.swapped = int(bool(swapped))
    o.ip6_transport = int(bool(ip6_transport))
    return o


def compile(expr, linktype="EN10MB", snaplen=262144, optimize="exact", savefile=False,
            swapped=False, ip6_transport=False):
    """Compile a pcap-filter(7) expression; a Program, or CompileError.

    linktype: a name ("EN10MB", "RAW", ...) or a DLT_ number; optimize:
    "exact" (the default), "loose" (as libpcap's optimizer: --loose) or
    "off" (-O); savefile/swapped: compiling for a capture file, as `bpfx
    filter -r` does (it matters on NULL and LOOP); ip6_transport: the
    --ip6-transport dialect.
    """
    opts = dict(linktype=_linktype(linktype), snaplen=snaplen, optimize=optimize,
                savefile=savefile, swapped=swapped, ip6_transport=ip6_transport)
    o = _options(**opts)
    prog, err = _lib.bpfx_program(), _lib.bpfx_error()
    if lib.bpfx_compile(expr.encode(), ctypes.byref(o), ctypes.byref(prog), ctypes.byref(err)):
        raise _error(err, CompileError, expr=expr)
    try:
        insns = [(i.code, i.jt, i.jf, i.k) for i in prog.insns[:prog.len]]
    finally:
        lib.bpfx_program_free(ctypes.byref(prog))
    return Program(insns, linktype=o.linktype, expr=expr, options=opts)


def _program(p):
    return p if isinstance(p, Program) else Program(p)


def validate(insns):
    """Check a program (a Program or (code, jt, jf, k) tuples) as the kernel
    and libpcap's bpf_validate do; returns None or raises ValidateError."""
    p = _program(insns)
    err = _lib.bpfx_error()
    if lib.bpfx_validate(p.array(), len(p.insns), ctypes.byref(err)):
        raise _error(err, ValidateError)
    p._valid = True


def run(program, packet, wirelen=None):
    """Run a program over one packet (bytes captured); wirelen: its length on
    the wire (default: len(packet)).  The number of bytes to accept, 0 to
    reject.  A program not from compile() is validated first (once)."""
    p = _program(program)
    if not p._valid:
        validate(p)
    packet = bytes(packet)
    return lib.bpfx_run(p.array(), packet, len(packet) if wirelen is None else wirelen, len(packet))


def run_batch(program, packets, wirelens=None):
    """Run a program over many packets (bytes captured each) in one call of
    libbpfx (bpfx_run_batch: the program pre-decoded once); wirelens: their
    lengths on the wire (default: their lengths).  A list of what run()
    returns for each."""
    p = _program(program)
    if not p._valid:
        validate(p)
    packets = [bytes(x) for x in packets]  # kept alive while C reads them
    n = len(packets)
    if wirelens is None:
        wirelens = [len(x) for x in packets]
    elif len(wirelens) != n:
        raise ValueError("run_batch: %d packets, %d wire lengths" % (n, len(wirelens)))
    batch = (_lib.bpfx_packet * n)(*[(x, w, len(x)) for x, w in zip(packets, wirelens)])
    verdicts = (ctypes.c_uint32 * n)()
    if n:
        lib.bpfx_run_batch(p.array(), len(p.insns), batch, n, verdicts)
    return list(verdicts)


def _path(p):
    return os.fsencode(p)


def filter_file(program, path, out_path=None, start=0, end=0):
    """Stream a capture file through the program in C and write the packets it
    accepts to out_path as `bpfx filter -r PATH -w OUT_PATH` would (None:
    only count).  start/end: a byte range from index_file's offsets.
    Returns Counts(packets, matched, bytes); FileError on a fault."""
    p = _program(program)
    c, err = _lib.bpfx_file_counts(), _lib.bpfx_error()
    lt = -1 if p.linktype is None else p.linktype
    rc = lib.bpfx_filter_file(p.array(), len(p.insns), lt, _path(path),
                              None if out_path is None else _path(out_path), start, end,
                              ctypes.byref(c), ctypes.byref(err))
    if rc:
        raise _error(err, ValidateError if err.start >= 0 else FileError)
    return Counts(c.packets, c.matched, c.bytes)


def index_file(path, chunk=0):
    """The quick index pass: FileInfo with the link type, snapshot length,
    byte order, format, size, record count, and the offsets where chunks of
    about `chunk` bytes begin (one chunk when chunk is 0 or for pcapng)."""
    size = os.path.getsize(path)
    cap = (size // chunk + 2) if chunk else 1
    offs = (ctypes.c_uint64 * cap)()
    n, info, err = ctypes.c_size_t(), _lib.bpfx_file_info(), _lib.bpfx_error()
    if lib.bpfx_index_file(_path(path), chunk, offs, cap, ctypes.byref(n), ctypes.byref(info),
                           ctypes.byref(err)):
        raise _error(err, FileError)
    return FileInfo(info.linktype, info.snaplen, bool(info.swapped), bool(info.pcapng),
                    info.size, info.packets, list(offs[:n.value]))


def merge_files(paths, out_path):
    """Merge pcap files into out_path in time order, as mergecap does (each
    input's order kept, ties to the input listed first); records written."""
    arr = (ctypes.c_char_p * len(paths))(*[_path(p) for p in paths])
    n, err = ctypes.c_uint64(), _lib.bpfx_error()
    if lib.bpfx_merge_files(arr, len(paths), _path(out_path), ctypes.byref(n), ctypes.byref(err)):
        raise _error(err, FileError)
    return n.value
