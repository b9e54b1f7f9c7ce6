"""bpfx-dask on a real local cluster gives the bytes of one machine.

    dask_check.py BPFX BPFX_SYNTH SCRATCH

Starts a dask-scheduler and two dask-worker processes on 127.0.0.1 (free
ports), makes 8 captures of about 2 MB and one of about 16 MB with the
synthesizer (timestamps moved so that the files interleave, with many
exact ties), and checks, for five expressions, exact and --loose:
  - `bpfx-dask -w OUT` (the 16 MB file split in 1 MB chunks) is byte for
    byte `bpfx filter -r F1 ... -r F9 -w REF` after a stable time-ordered
    merge of REF's records, done here (tests/python/pcaputil.py);
  - without -w, the counts per file are `bpfx filter --count`'s;
  - `-w DIR/` writes for each input the bytes of `bpfx filter -r F -w`;
and then that a run during which one worker is killed (SIGKILL, while
tasks are running: the job is slowed down by BPFX_DASK_TASK_DELAY) still
writes the same bytes, and that a damaged input is reported with its
name and no output is left.  The processes started here are stopped at
the end, whatever happens.
"""
import os
import signal
import subprocess
import sys
import time

import pcaputil
from localcluster import Cluster

BPFX, SYNTH, T = sys.argv[1:4]
PY = sys.executable
cluster = None
failures = []
checked = 0

EXPRS = [
    "tcp[13] & 16 != 0",
    "tcp and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)",
    "udp port 53 or icmp",
    "ip6 and not tcp",
    "net 10.0.0.0/8 and (tcp port 80 or udp)",
]


def check(what, ok):
    global checked
    checked += 1
    if not ok:
        failures.append(what)
        print("FAIL: " + what, flush=True)


def bpfx_dask(*args, **kw):
    return subprocess.run([PY, "-m", "bpfx.cluster", "--scheduler", SCHED, "--progress", "no"]
                          + list(args), capture_output=True, text=True, **kw)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    global SCHED
    # the captures: 8 small, 1 large, each moved in time by its own step
    files = []
    for i in range(9):
        n = 60000 if i == 8 else 8000
        raw = os.path.join(T, "raw%d.pcap" % i)
        subprocess.run([SYNTH, "-n", str(n), "-s", str(100 + i), "-t", "5", "-w", raw], check=True)
        f = os.path.join(T, "in", "cap%d.pcap" % i)
        os.makedirs(os.path.dirname(f), exist_ok=True)
        pcaputil.shift(raw, f, 0, (i % 4) * 300000)  # ties: 0.3 s is a whole number of ms
        os.unlink(raw)
        files.append(f)
    sizes = [os.path.getsize(f) for f in files]
    print("captures: %d files, %.1f MB, the largest %.1f MB" % (len(files), sum(sizes) / 1e6,
                                                                max(sizes) / 1e6), flush=True)

    global cluster
    cluster = Cluster(T)
    SCHED = cluster.address
    cluster.start_workers(2, dict(os.environ, BPFX_DASK_TASK_DELAY="0"))

    for expr in EXPRS:
        for flags in ([], ["--loose"]):
            ref = os.path.join(T, "ref.pcap")
            r = subprocess.run([BPFX, "filter"] + sum([["-r", f] for f in files], [])
                               + ["-w", ref] + flags + [expr], capture_output=True, text=True)
            check("bpfx filter %s %s: %s" % (flags, expr, r.stderr), r.returncode == 0)
            header, recs = pcaputil.read(ref)
            want = pcaputil.merge_by_time(header, recs)
            out = os.path.join(T, "out", "merged.pcap")
            r = bpfx_dask("--chunk", "1M", "-w", out, *flags, expr, os.path.join(T, "in"))
            check("bpfx-dask -w %s %s: exit %d %s" % (flags, expr, r.returncode, r.stderr),
                  r.returncode == 0)
            got = read(out) if os.path.exists(out) else b""
            check("bpfx-dask -w %s %s: %d records, %d bytes, the merge of bpfx filter's: %s"
                  % (flags, expr, len(recs), len(got), "same" if got == want else "DIFFERENT"),
                  got == want)
            print("%s %s: %d matches, %s" % (" ".join(flags) or "exact", expr, len(recs),
                                              "same bytes" if got == want else "DIFFERENT"),
                  flush=True)
            check("no temporary files left", os.listdir(os.path.join(T, "out")) == ["merged.pcap"])
        if expr == EXPRS[0]:
            # counts without -w, and -w DIR/
            r = bpfx_dask("--chunk", "1M", expr, *files)
            for f in files:
                c = subprocess.run([BPFX, "filter", "-r", f, "--count", expr], capture_output=True,
                                   text=True).stdout.split()[0]
                packets = len(pcaputil.read(f)[1])
                check("counts of %s" % f, "%s: %s of %d packets" % (f, c, packets) in r.stdout)
            d = os.path.join(T, "dir") + "/"
            r = bpfx_dask("--chunk", "1M", "-w", d, expr, *files)
            check("-w DIR/: exit %d %s" % (r.returncode, r.stderr), r.returncode == 0)
            for f in files:
                one = os.path.join(T, "one.pcap")
                subprocess.run([BPFX, "filter", "-r", f, "-w", one, expr], capture_output=True)
                check("-w DIR/: %s" % f, read(one) == read(d + os.path.basename(f)))

    # a worker killed mid-job: restart the workers slowed down, run, kill one
    cluster.stop_workers()
    cluster.start_workers(2, dict(os.environ, BPFX_DASK_TASK_DELAY="0.3"))
    expr = EXPRS[1]
    r = subprocess.run([BPFX, "filter"] + sum([["-r", f] for f in files], []) + ["-w", ref, expr],
                       capture_output=True)
    header, recs = pcaputil.read(ref)
    want = pcaputil.merge_by_time(header, recs)
    out = os.path.join(T, "killed.pcap")
    job = subprocess.Popen([PY, "-m", "bpfx.cluster", "--scheduler", SCHED, "--progress", "no",
                            "--chunk", "1M", "-w", out, expr] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parts_seen = 0
    deadline = time.time() + 120
    while time.time() < deadline and job.poll() is None and parts_seen < 4:
        tmps = [d for d in os.listdir(T) if d.startswith(".bpfx-dask-")]
        parts_seen = sum(len([p for p in os.listdir(os.path.join(T, d)) if p.endswith(".pcap")])
                         for d in tmps) if tmps else 0
        time.sleep(0.05)
    mid = job.poll() is None and not os.path.exists(out)
    cluster.kill(cluster.workers[0])
    print("killed a worker after %d of %d parts, the job still running: %s"
          % (parts_seen, 8 + 16, mid), flush=True)
    check("the worker was killed mid-job", mid)
    so, se = job.communicate(timeout=600)
    check("bpfx-dask after a worker died: exit %d %s" % (job.returncode, se), job.returncode == 0)
    got = read(out) if os.path.exists(out) else b""
    check("after a worker died: the same bytes", got == want)
    print("after the kill: %s" % ("same bytes" if got == want else "DIFFERENT"), flush=True)

    # a damaged file: named, the reason given, no output
    bad = os.path.join(T, "in", "cap3.pcap")
    with open(bad, "r+b") as f:
        f.truncate(os.path.getsize(bad) - 7)
    out = os.path.join(T, "bad.pcap")
    r = bpfx_dask("--chunk", "1M", "-w", out, expr, *files)
    check("damaged input: exit 2, named: %r" % r.stderr,
          r.returncode == 2 and bad in r.stderr and "truncated" in r.stderr)
    check("damaged input: no output", not os.path.exists(out)
          and not [d for d in os.listdir(T) if d.startswith(".bpfx-dask-")])


# a stop signal (make's, a terminal's) ends in the finally below, which
# stops the cluster; Python's default for SIGTERM and SIGHUP would not
for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, lambda n, f: sys.exit(128 + n))
try:
    main()
except Exception as e:  # report, then stop the processes in finally
    failures.append("exception: %r" % e)
    print("FAIL: %r" % e, flush=True)
    raise
finally:
    if cluster:
        cluster.stop()
    print("dask: %d checks, %d failed" % (checked, len(failures)), flush=True)
sys.exit(1 if failures else 0)
