"""localcluster: a real Dask cluster on 127.0.0.1 for the tests and the
benchmark: a dask-scheduler and dask-worker processes (no nanny, one
thread each), on free ports, each in its own process group so that it can
be killed alone (SIGKILL: a worker dying as a host would) and all of them
stopped at the end whatever happens."""
import os
import signal
import socket
import subprocess


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, logdir):
        self.logdir = logdir
        self.procs = []
        self.workers = []
        port = free_port()
        self.address = "tcp://127.0.0.1:%d" % port
        self._start(["dask-scheduler", "--host", "127.0.0.1", "--port", str(port),
                     "--no-dashboard"], "scheduler.log")

    def _start(self, args, log, env=None):
        with open(os.path.join(self.logdir, log), "w") as out:
            p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                 start_new_session=True, env=env)
        self.procs.append(p)
        return p

    def start_workers(self, n, env=None):
        """Start n workers and wait until the scheduler has them all."""
        for _ in range(n):
            self.workers.append(self._start(
                ["dask-worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                 "--no-nanny", "--no-dashboard"],
                "worker%d.log" % len(self.workers), env))
        from distributed import Client
        with Client(self.address, timeout="60s") as c:
            c.wait_for_workers(len(self.live_workers()), timeout=120)

    def live_workers(self):
        return [w for w in self.workers if w.poll() is None]

    def kill(self, p):
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()

    def stop_workers(self):
        for w in self.workers:
            self.kill(w)
        self.workers = []

    def stop(self):
        for p in self.procs:
            self.kill(p)
