"""bpfx-dask: filter a store of captures on a Dask cluster with libbpfx.

    bpfx-dask --scheduler ADDRESS [-w OUT | -w DIR/] [-y LINKTYPE] [--loose]
              [--chunk BYTES] [--retries N] EXPRESSION FILE|DIR...

The plan, in the order main() runs it:
  1. a worker lists the inputs (directories walked, sorted) and indexes
     each file in parallel (bpfx.index_file: link type, size, and the
     record boundaries that split a pcap file into chunks of --chunk bytes);
  2. the client compiles the expression once per kind of file (link type,
     snapshot length, byte order; -y: once, for that link type), as `bpfx
     filter -r` compiles it for each file;
  3. one task per chunk runs bpfx.filter_file on a worker, in C, and
     writes the chunk's matches to a part file under a temporary folder
     beside the output (renamed into place when whole, so a retried task
     only ever replaces a whole part);
  4. the client joins each file's parts in order (the bytes `bpfx filter
     -r FILE -w` writes) and, for -w OUT, merges the files in time order as
     mergecap does (bpfx.merge_files), into a temporary name renamed to OUT
     at the end: OUT is whole or absent.  -w DIR/ keeps one output per
     input, DIR/BASENAME, each renamed into place.  Without -w the tasks
     only count, and the counts are printed per file and in total.

Inputs and outputs must be reachable by the same path on the client and
on every worker (a shared or replicated directory).  A task that raises is
retried --retries times; a task whose worker died is rescheduled by Dask
itself.  Failures are reported with the file, the byte range and the
reason, and any failure makes the exit status 2 and leaves no -w OUT.
"""
import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import uuid

import bpfx

PCAP_HDR = 24          # pcap-savefile(5): the file header every part starts with
DEFAULT_CHUNK = 64 << 20


# --- the tasks (run on the workers: plain functions of plain data) -------

def list_inputs(paths):
    """Files named or under the directories named, each directory walked in
    sorted order; a path that does not exist raises."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out.extend(os.path.join(root, f) for f in sorted(files))
        elif os.path.exists(p):
            out.append(p)
        else:
            raise FileNotFoundError("%s: No such file or directory" % p)
    return out


def index_task(path, chunk):
    return bpfx.index_file(path, chunk)


def filter_task(program, path, start, end, part):
    """Filter [start, end) of PATH; the part is written whole or not at all."""
    delay = os.environ.get("BPFX_DASK_TASK_DELAY")  # the tests' hook: a job
    if delay:                                       # long enough to kill a worker in
        time.sleep(float(delay))
    if part is None:
        return bpfx.filter_file(program, path, None, start, end)
    tmp = "%s.%s.tmp" % (part, uuid.uuid4().hex)
    try:
        counts = bpfx.filter_file(program, path, tmp, start, end)
        os.replace(tmp, part)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return counts


# --- the client --------------------------------------------------------

def parse_size(s):
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    s = s.strip().lower()
    n = int(s[:-1]) * mult[s[-1]] if s and s[-1] in mult else int(s)
    if n < 0:
        raise ValueError(s)
    return n


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="bpfx-dask",
        description="Filter captures on a Dask cluster: compile EXPRESSION once, "
                    "run it next to the data, write or count the matches.")
    ap.add_argument("--scheduler", required=True, metavar="ADDRESS",
                    help="the Dask scheduler, e.g. tcp://10.0.0.1:8786")
    ap.add_argument("-w", dest="out", metavar="OUT",
                    help="write the matches to OUT, merged in time order; "
                         "OUT ending in / (or a directory): one output per input")
    ap.add_argument("-y", dest="linktype", metavar="LINKTYPE",
                    help="compile for this link type only (default: each file's)")
    ap.add_argument("--loose", action="store_true", help="optimize as libpcap does")
    ap.add_argument("-O", dest="nopt", action="store_true", help="no optimizer")
    ap.add_argument("--chunk", type=parse_size, default=DEFAULT_CHUNK, metavar="BYTES",
                    help="split pcap files into tasks of about BYTES (K, M, G; default 64M; 0: never)")
    ap.add_argument("--retries", type=int, default=2, metavar="N",
                    help="retries of a task that failed (default 2)")
    ap.add_argument("--progress", choices=["auto", "yes", "no"], default="auto",
                    help="progress line on standard error (auto: on a terminal)")
    ap.add_argument("expression", metavar="EXPRESSION")
    ap.add_argument("paths", nargs="+", metavar="FILE|DIR")
    return ap.parse_args(argv)


class Job:
    """What the client knows: files, their chunks, programs, results."""

    def __init__(self, args):
        self.args = args
        self.files = []        # paths in command-line order
        self.infos = {}        # path -> bpfx.FileInfo
        self.failed = []       # (path, what, reason)
        self.counts = {}       # path -> [packets, matched, bytes]
        self.parts = {}        # path -> [part path per chunk]
        self.tmpdir = None

    def fail(self, path, what, reason):
        self.failed.append((path, what, reason))


def report_failures(job):
    for path, what, reason in job.failed:
        if reason.startswith(path + ": "):  # libbpfx's messages name the file already
            reason = reason[len(path) + 2:]
        print("bpfx-dask: %s%s: %s" % (path, " (%s)" % what if what else "", reason),
              file=sys.stderr)


def reason_of(exc):
    name = type(exc).__name__
    text = str(exc)
    if name == "KilledWorker":  # Dask gave up: the task's workers kept dying
        return "its workers died too often (Dask KilledWorker)"
    return text if isinstance(exc, (bpfx.Error, OSError)) else "%s: %s" % (name, text)


def gather_each(client, futures, on_done, on_fail):
    """Call on_done(key, result) or on_fail(key, exc) as each future ends."""
    from distributed import as_completed
    for fut in as_completed(list(futures)):
        key = futures[fut]
        if fut.status == "finished":
            on_done(key, fut.result())
        else:
            on_fail(key, fut.exception())


def index_all(client, job):
    futs = {client.submit(index_task, p, job.args.chunk, pure=False, retries=job.args.retries): p
            for p in job.files}
    gather_each(client, futs, lambda p, info: job.infos.__setitem__(p, info),
                lambda p, e: job.fail(p, "index", reason_of(e)))


def compile_programs(job):
    """One program per kind of file, compiled on the client; None after a
    message if the expression does not compile."""
    a = job.args
    opt = "off" if a.nopt else "loose" if a.loose else "exact"
    progs = {}
    for p in job.files:
        info = job.infos.get(p)
        if info is None:
            continue
        if a.linktype:
            key = (a.linktype, 262144, False)
        else:
            key = (info.linktype, info.snaplen, info.swapped)
        if key in progs:
            continue
        try:
            progs[key] = bpfx.compile(a.expression, linktype=key[0], snaplen=key[1],
                                      optimize=opt, savefile=True, swapped=key[2])
        except bpfx.CompileError as e:
            lt = bpfx.linktype_name(key[0]) if isinstance(key[0], int) else key[0]
            print("bpfx-dask: %s (link type %s): %s\n%s" % (p, lt, e.msg, e.caret()),
                  end="", file=sys.stderr)
            return None
        except ValueError as e:
            print("bpfx-dask: %s" % e, file=sys.stderr)
            return None
    return progs


def program_for(job, progs, path):
    info = job.infos[path]
    if job.args.linktype:
        return next(iter(progs.values()))
    return progs[(info.linktype, info.snaplen, info.swapped)]


class Progress:
    """Files and bytes done and matches so far, on one line of stderr."""

    def __init__(self, job, chunks, on):
        self.on = on
        self.total_files = len(chunks)
        self.left = {p: len(c) for p, c in chunks.items()}
        self.total_bytes = sum(job.infos[p].size for p in chunks)
        self.files = self.bytes = self.matched = 0

    def update(self, path, counts):
        self.left[path] -= 1
        self.files += self.left[path] == 0
        if counts:
            self.bytes += counts.bytes
            self.matched += counts.matched
        if self.on:
            sys.stderr.write("\rbpfx-dask: %d/%d files, %.1f/%.1f MB, %d matches "
                             % (self.files, self.total_files, self.bytes / 1e6,
                                self.total_bytes / 1e6, self.matched))
            sys.stderr.flush()

    def end(self):
        if self.on:
            sys.stderr.write("\n")


def chunk_ranges(info):
    offs = info.offsets
    return [(o, offs[i + 1] if i + 1 < len(offs) else 0) for i, o in enumerate(offs)]


def filter_all(client, job, progs):
    chunks = {p: chunk_ranges(job.infos[p]) for p in job.files if p in job.infos}
    show = job.args.progress == "yes" or (job.args.progress == "auto" and sys.stderr.isatty())
    prog = Progress(job, chunks, show)
    futs = {}
    for fi, p in enumerate(job.files):
        if p not in chunks:
            continue
        job.counts[p] = [0, 0, 0]
        job.parts[p] = []
        program = program_for(job, progs, p)
        for ci, (start, end) in enumerate(chunks[p]):
            part = None
            if job.tmpdir:
                part = os.path.join(job.tmpdir, "f%06d.c%06d.pcap" % (fi, ci))
            job.parts[p].append(part)
            fut = client.submit(filter_task, program, p, start, end, part,
                                pure=False, retries=job.args.retries)
            futs[fut] = (p, start, end)

    def done(key, c):
        acc = job.counts[key[0]]
        for i, v in enumerate(c):
            acc[i] += v
        prog.update(key[0], c)

    def failed(key, e):
        p, start, end = key
        what = None if len(chunks[p]) == 1 else "bytes %d-%s" % (start, end or "end")
        job.fail(p, what, reason_of(e))
        prog.update(p, None)

    gather_each(client, futs, done, failed)
    prog.end()


def join_parts(parts, dest):
    """The parts of one file, in order, as one pcap file: the first whole,
    the others without their (identical) file header."""
    if len(parts) == 1:
        os.replace(parts[0], dest)
        return
    with open(dest, "wb") as out:
        for i, part in enumerate(parts):
            with open(part, "rb") as f:
                if i:
                    f.seek(PCAP_HDR)
                shutil.copyfileobj(f, out, 1 << 20)


def is_dir_out(out):
    return out.endswith("/") or os.path.isdir(out)


def write_outputs(job):
    """-w: join and merge the parts; every output renamed into place."""
    out = job.args.out
    if is_dir_out(out):
        for p in job.files:
            dest = os.path.join(out, os.path.basename(p))
            tmp = os.path.join(job.tmpdir, "out-%s" % os.path.basename(p))
            join_parts(job.parts[p], tmp)
            os.replace(tmp, dest)
        return
    streams = []
    for fi, p in enumerate(job.files):
        stream = os.path.join(job.tmpdir, "file%06d.pcap" % fi)
        join_parts(job.parts[p], stream)
        streams.append(stream)
    tmp = os.path.join(job.tmpdir, "merged.pcap")
    bpfx.merge_files(streams, tmp)
    os.replace(tmp, out)


def check_outputs(job):
    """Refuse what would destroy an input or write two inputs to one name."""
    out = job.args.out
    if is_dir_out(out):
        names = {}
        for p in job.files:
            b = os.path.basename(p)
            if b in names:
                return "-w %s: %s and %s would both be written to %s" % (out, names[b], p, b)
            names[b] = p
            dest = os.path.join(out, b)
            if os.path.exists(dest) and os.path.samefile(dest, p):
                return "-w %s: would overwrite the input %s" % (out, p)
        return None
    for p in job.files:
        if os.path.exists(out) and os.path.exists(p) and os.path.samefile(out, p):
            return "-w %s is the file %s: writing would destroy it" % (out, p)
    return None


def print_counts(job):
    tp = tm = 0
    for p in job.files:
        if p in job.counts and not any(f[0] == p for f in job.failed):
            packets, matched, _ = job.counts[p]
            tp, tm = tp + packets, tm + matched
            print("%s: %d of %d packets" % (p, matched, packets))
    print("total: %d of %d packets in %d files" % (tm, tp, len(job.files) - len(
        {f[0] for f in job.failed})))


def run(client, job):
    a = job.args
    try:
        job.files = client.submit(list_inputs, a.paths, pure=False).result()
    except Exception as e:
        print("bpfx-dask: %s" % reason_of(e), file=sys.stderr)
        return 2
    if not job.files:
        print("bpfx-dask: no capture files in %s" % " ".join(a.paths), file=sys.stderr)
        return 2
    index_all(client, job)
    if job.failed and a.out:  # no output can be whole: stop here
        report_failures(job)
        return 2
    if a.out:
        bad = check_outputs(job)
        if bad:
            print("bpfx-dask: %s" % bad, file=sys.stderr)
            return 2
        lts = {job.infos[p].linktype for p in job.files if p in job.infos}
        if not is_dir_out(a.out) and len(lts) > 1:
            print("bpfx-dask: -w %s: the inputs have %d link types; one output holds one "
                  "(-w DIR/ keeps one output per input)" % (a.out, len(lts)), file=sys.stderr)
            return 2
    progs = compile_programs(job)
    if progs is None:
        return 2
    if a.out:
        base = a.out if is_dir_out(a.out) else os.path.dirname(os.path.abspath(a.out))
        os.makedirs(base, exist_ok=True)
        job.tmpdir = tempfile.mkdtemp(prefix=".bpfx-dask-", dir=base)
    try:
        filter_all(client, job, progs)
        if job.failed:
            report_failures(job)
            if not a.out:
                print_counts(job)
            return 2
        if a.out:
            write_outputs(job)
        else:
            print_counts(job)
    finally:
        if job.tmpdir:
            shutil.rmtree(job.tmpdir, ignore_errors=True)
    return 0


def main(argv=None):
    args = parse_args(argv)
    # distributed's client, closing, may leave an internal timeout future
    # unread, which asyncio reports as an error: noise, not ours to show
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        from distributed import Client
    except ImportError:
        print("bpfx-dask: Dask's distributed is not installed "
              "(Debian: apt-get install python3-distributed)", file=sys.stderr)
        return 2
    try:
        client = Client(args.scheduler, timeout="20s")
    except (OSError, TimeoutError) as e:
        print("bpfx-dask: cannot reach the scheduler at %s: %s" % (args.scheduler, e),
              file=sys.stderr)
        return 2
    try:
        return run(client, Job(args))
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
