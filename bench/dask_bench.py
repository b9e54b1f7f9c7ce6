"""dask_bench: bpfx-dask's speed-up and overhead on this machine.

    make bench-dask        (needs python3-distributed; about 1.1 GB in $TMPDIR)

Writes 8 synthesized captures of about 128 MB each (bpfx-synth), then, on
a local cluster of one-thread workers (tests/python/localcluster.py):
  - `bpfx filter -r F -w OUT` on one file, against bpfx-dask with one
    worker on the same file: the overhead of the Dask path;
  - bpfx-dask on the 8 files with 1 worker and with 2: the speed-up (and
    `bpfx filter` on the 8 files in one process, for scale).
Each time is the best of REPEAT runs (default 3) of the whole command,
client start-up included, files in the page cache; the one-file output
is checked equal to bpfx filter's.  It asserts no timing.
"""
import os
import signal
import shutil
import subprocess
import sys
import tempfile
import time

BPFX, SYNTH = sys.argv[1:3]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
from localcluster import Cluster  # noqa: E402

PY = sys.executable
EXPR = "tcp and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)"
REPEAT = int(os.environ.get("REPEAT", "3"))
PACKETS = int(os.environ.get("PACKETS", "500000"))  # about 128 MB of synthesized packets


def best(cmd):
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    tmp = tempfile.mkdtemp(prefix="bpfx-dask-bench.")
    cluster = None
    try:
        files = []
        for i in range(8):
            f = os.path.join(tmp, "cap%d.pcap" % i)
            subprocess.run([SYNTH, "-n", str(PACKETS), "-s", str(i + 1), "-w", f], check=True)
            files.append(f)
        total = sum(os.path.getsize(f) for f in files)
        print("8 files, %.0f MB in all (%d packets each)" % (total / 1e6, PACKETS))
        ref = os.path.join(tmp, "ref.pcap")
        one = best([BPFX, "filter", "-r", files[0], "-w", ref, EXPR])
        cluster = Cluster(tmp)

        def dask(nfiles, out):
            return [PY, "-m", "bpfx.cluster", "--scheduler", cluster.address, "--progress", "no",
                    "-w", out, EXPR] + files[:nfiles]

        cluster.start_workers(1)
        out = os.path.join(tmp, "out.pcap")
        d1 = best(dask(1, out))
        same = open(out, "rb").read() == open(ref, "rb").read()
        print("one file (%.0f MB): bpfx filter %.2f s, bpfx-dask on 1 worker %.2f s "
              "(overhead %.2f s, x%.2f); same bytes: %s"
              % (os.path.getsize(files[0]) / 1e6, one, d1, d1 - one, d1 / one, same))
        all8 = best([BPFX, "filter"] + sum([["-r", f] for f in files], []) + ["-w", ref, EXPR])
        w1 = best(dask(8, out))
        cluster.start_workers(1)  # now 2
        w2 = best(dask(8, out))
        print("8 files: bpfx filter -r ... -w %.2f s (%.0f MB/s); bpfx-dask: 1 worker %.2f s "
              "(%.0f MB/s), 2 workers %.2f s (%.0f MB/s): speed-up x%.2f"
              % (all8, total / 1e6 / all8, w1, total / 1e6 / w1, w2, total / 1e6 / w2, w1 / w2))
        print("load average during the run: %.1f (on %d cores)" % (os.getloadavg()[0], os.cpu_count()))
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


# a stop signal (make's, a terminal's) ends in the finally below, which
# stops the cluster; Python's default for SIGTERM and SIGHUP would not
for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, lambda n, f: sys.exit(128 + n))
main()
