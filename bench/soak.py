"""The soak: gnet and Node under loads that find lost bytes, leaks and spins.

    python -m bench.soak                  # full scale (several minutes)
    python -m bench.soak --scale small    # what CI runs: the same loads, a few seconds each
    python -m bench.soak --loads busy,resets --servers gnet

Each load runs against a fresh server process of each kind (``soak_gnet.py``,
``soak_node.js`` in ``bench/servers/``: an echo server with an 'error'
listener; ``--pipe`` echoes with ``c.pipe(c)``), driven from this process with
gevent sockets (the churn load with the bench's C load generator), and each
figure is printed beside Node's:

- ``busy``: N connections open at once, each echoing 64 KiB of random bytes,
  checked with sha256. Intact connections, and the server's peak memory
  above its idle baseline per connection (KiB).
- ``churn``, ``churn-pipe``: connect, one 64-byte exchange, close, 16 at a
  time, for a while (the plain echo and the ``pipe()`` echo): cycles per
  second, the server's CPU per cycle (µs), and its open descriptors before
  and after (a leak shows as a difference).
- ``stall``: one connection to the ``pipe()`` echo sends a large payload
  while not reading for a few seconds, then reads it all back (sha256): the
  server's peak memory growth (MB) shows whether backpressure held.
- ``resets``: N connections echo 64 KiB and check it while N others send
  half of theirs and reset (SO_LINGER 0): intact connections among the
  normal ones, and the server's descriptors after (back to its baseline).

Full scale is the issue's: 10,000 busy connections, churn for 10 s, a 256 MiB
stalled 5 s, 1,000 resets among 1,000; ``small`` is 200, 1 s, 16 MiB for
1 s, 100 among 100. Writes ``docs/bench/soak-DATE.md`` and ``.json`` (or
``--out DIR``); exits 1 if any byte was lost or a server died.
"""

import argparse
import datetime
import hashlib
import json
import os
import socket as _pysocket
import struct
import subprocess
import sys
import time

import gevent
from gevent import socket
from gevent.pool import Pool

from bench.build import build
from bench.run import describe_machine, machine_facts, raise_nofile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SERVERS = os.path.join(HERE, "servers")
CLK = os.sysconf("SC_CLK_TCK")

SCALES = {
    "full": {"busy": 10000, "churn_s": 10.0, "stall_mb": 256, "stall_s": 5.0, "resets": 1000},
    "small": {"busy": 200, "churn_s": 1.0, "stall_mb": 16, "stall_s": 1.0, "resets": 100},
}
CHUNK = 64 * 1024
LOADS = ["busy", "churn", "churn-pipe", "stall", "resets"]


class Server:
    """A soak server process, its descriptors, memory and CPU."""

    def __init__(self, kind, pipe=False, stats=False):
        if kind == "gnet":
            argv = [sys.executable, os.path.join(SERVERS, "soak_gnet.py")]
        else:
            argv = ["node", os.path.join(SERVERS, "soak_node.js")]
        argv += ["--port", "0"] + (["--pipe"] if pipe else []) + (["--stats"] if stats else [])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (REPO, os.environ.get("PYTHONPATH")) if p))
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("ready port="):
            raise RuntimeError("%s server did not start: %r" % (kind, line))
        self.port = int(line.split("=")[1])
        self.pid = self.proc.pid

    def rss_kib(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.pid))

    def cpu_s(self):
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc.stdout.close()


class PeakRss:
    """Samples a server's RSS every 20 ms in a greenlet; ``peak`` in KiB."""

    def __init__(self, server):
        self.server, self.peak = server, server.rss_kib()
        self.glet = gevent.spawn(self._run)

    def _run(self):
        while True:
            try:
                self.peak = max(self.peak, self.server.rss_kib())
            except OSError:
                return
            gevent.sleep(0.02)

    def stop(self):
        self.glet.kill()
        return self.peak


def _recv_exactly(conn, n, digest):
    got = 0
    while got < n:
        chunk = conn.recv(min(CHUNK, n - got))
        if not chunk:
            return got
        digest.update(chunk)
        got += len(chunk)
    return got


def echo_check(port, payload, conn=None):
    """Send ``payload``, read as many bytes back; True when they are the same."""
    conn = conn or socket.create_connection(("127.0.0.1", port))
    try:
        want = hashlib.sha256(payload).digest()
        digest = hashlib.sha256()
        reader = gevent.spawn(_recv_exactly, conn, len(payload), digest)
        conn.sendall(payload)
        got = reader.get()
        return got == len(payload) and digest.digest() == want
    except OSError:
        return False
    finally:
        conn.close()


def settle_fds(server, target, timeout=5.0):
    """The server's descriptor count once it is back at ``target`` (or after ``timeout``)."""
    deadline = time.monotonic() + timeout
    count = server.fds()
    while count > target and time.monotonic() < deadline:
        gevent.sleep(0.05)
        count = server.fds()
    return count


def load_busy(kind, scale, _loadgen):
    n = scale["busy"]
    server = Server(kind)
    try:
        gevent.sleep(0.2)
        base = server.rss_kib()
        peak = PeakRss(server)
        conns = Pool(500).map(lambda _: socket.create_connection(("127.0.0.1", server.port)), range(n))
        payloads = [os.urandom(CHUNK) for _ in range(64)]
        results = Pool(n).map(lambda i: echo_check(server.port, payloads[i % 64], conns[i]), range(n))
        top = peak.stop()
        return {"connections": n, "intact": sum(results), "lost": n - sum(results),
                "kib_per_conn": round((top - base) / n, 2), "alive": server.alive()}
    finally:
        server.stop()


def _churn(kind, scale, loadgen, pipe):
    server = Server(kind, pipe=pipe)
    try:
        before = server.fds()
        out = subprocess.run([loadgen, "connrate", "--port", str(server.port), "--conns", "16", "--size", "64",
                              "--duration", str(scale["churn_s"]), "--warmup", "0.2", "--pid", str(server.pid)],
                             capture_output=True, text=True, timeout=scale["churn_s"] + 60)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        after = settle_fds(server, before)
        ops, window = result["ops"], result["window_s"]
        cpu = result.get("server_cpu_s")
        return {"cycles": ops, "rate": round(ops / window, 1) if window else 0,
                "cpu_us_per_cycle": round(cpu / ops * 1e6, 2) if cpu and ops else None,
                "fds_before": before, "fds_after": after, "lost": result.get("lost", 0),
                "errors": result.get("setup_errors", 0), "alive": server.alive()}
    finally:
        server.stop()


def load_churn(kind, scale, loadgen):
    return _churn(kind, scale, loadgen, pipe=False)


def load_churn_pipe(kind, scale, loadgen):
    return _churn(kind, scale, loadgen, pipe=True)


def load_stall(kind, scale, _loadgen):
    server = Server(kind, pipe=True)
    try:
        gevent.sleep(0.2)
        base = server.rss_kib()
        peak = PeakRss(server)
        size = scale["stall_mb"] * 1024 * 1024
        block = os.urandom(1024 * 1024)
        want = hashlib.sha256()
        conn = socket.create_connection(("127.0.0.1", server.port))
        sent = [0]

        def send_all():
            for _ in range(scale["stall_mb"]):
                conn.sendall(block)
                want.update(block)
                sent[0] += len(block)

        sender = gevent.spawn(send_all)
        gevent.sleep(scale["stall_s"])       # the reader stalls; the sender blocks on backpressure
        stalled_at = sent[0]
        digest = hashlib.sha256()
        got = _recv_exactly(conn, size, digest)
        sender.get()
        conn.close()
        top = peak.stop()
        return {"mb": scale["stall_mb"], "stall_s": scale["stall_s"], "sent_while_stalled_mb": round(stalled_at / 2 ** 20, 1),
                "intact": got == size and digest.digest() == want.digest(),
                "peak_growth_mb": round((top - base) / 1024, 2), "alive": server.alive()}
    finally:
        server.stop()


def load_resets(kind, scale, _loadgen):
    n = scale["resets"]
    server = Server(kind)
    try:
        gevent.sleep(0.2)
        before = server.fds()
        payload = os.urandom(CHUNK)

        def resetter(_):
            conn = socket.create_connection(("127.0.0.1", server.port))
            try:
                conn.sendall(payload[: CHUNK // 2])
                conn.recv(1024)                      # the echo has begun: reset mid-stream
            except OSError:
                pass
            conn.setsockopt(_pysocket.SOL_SOCKET, _pysocket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

        def normal(_):
            return echo_check(server.port, payload)

        pool = Pool(200)
        resets = [pool.spawn(resetter, i) for i in range(n)]
        normals = [pool.spawn(normal, i) for i in range(n)]
        gevent.joinall(resets + normals)
        intact = sum(1 for g in normals if g.value)
        after = settle_fds(server, before)
        return {"normal": n, "reset": n, "intact": intact, "lost": n - intact,
                "fds_before": before, "fds_after": after, "alive": server.alive()}
    finally:
        server.stop()


RUN = {"busy": load_busy, "churn": load_churn, "churn-pipe": load_churn_pipe,
       "stall": load_stall, "resets": load_resets}


def failures(load, r):
    """What in a result means lost data, a leak or a dead server."""
    bad = []
    if not r.get("alive", True):
        bad.append("server died")
    if r.get("lost"):
        bad.append("%d lost" % r["lost"])
    if load == "stall" and not r["intact"]:
        bad.append("payload not intact")
    if "fds_after" in r and r["fds_after"] > r["fds_before"]:
        bad.append("descriptors %d -> %d" % (r["fds_before"], r["fds_after"]))
    return bad


ROWS = [
    ("busy", "intact connections", "intact", None),
    ("busy", "peak KiB per busy connection", "kib_per_conn", "lower"),
    ("churn", "cycles per second", "rate", "higher"),
    ("churn", "server CPU per cycle (µs)", "cpu_us_per_cycle", "lower"),
    ("churn", "descriptors before -> after", "fds", None),
    ("churn-pipe", "cycles per second", "rate", "higher"),
    ("churn-pipe", "server CPU per cycle (µs)", "cpu_us_per_cycle", "lower"),
    ("churn-pipe", "descriptors before -> after", "fds", None),
    ("stall", "payload intact", "intact", None),
    ("stall", "peak memory growth (MB)", "peak_growth_mb", "lower"),
    ("resets", "normal connections intact", "intact", None),
    ("resets", "descriptors before -> after", "fds", None),
]


def render(results, scale_name, scale, facts, servers):
    when = datetime.date.today().isoformat()
    lines = ["# Soak: gnet beside Node (%s, %s scale)" % (when, scale_name), "",
             "busy %d connections x 64 KiB; churn %.0f s; stall %d MiB for %.0f s; resets %d among %d. %s."
             % (scale["busy"], scale["churn_s"], scale["stall_mb"], scale["stall_s"], scale["resets"],
                scale["resets"], describe_machine(facts)), "",
             "| load | figure | %s | ratio |" % " | ".join(servers),
             "| --- | --- | %s | ---: |" % " | ".join("---:" for _ in servers)]
    for load, title, key, better in ROWS:
        if load not in results:
            continue
        cells, values = [], []
        for kind in servers:
            r = results[load].get(kind)
            if r is None:
                cells.append("")
                values.append(None)
                continue
            value = "%s -> %s" % (r["fds_before"], r["fds_after"]) if key == "fds" else r.get(key)
            cells.append(str(value))
            values.append(value if isinstance(value, (int, float)) and not isinstance(value, bool) else None)
        ratio = ""
        if better and len(values) == 2 and values[0] is not None and values[1]:
            ratio = "%.2fx" % (values[0] / values[1])
        lines.append("| %s | %s | %s | %s |" % (load, title, " | ".join(cells), ratio))
    problems = [(load, kind, failures(load, r)) for load in results for kind, r in results[load].items()]
    problems = [(load, kind, bad) for load, kind, bad in problems if bad]
    lines.append("")
    lines.append("No byte lost, no descriptor leaked, no server died." if not problems else
                 "Problems: " + "; ".join("%s/%s: %s" % (load, kind, ", ".join(bad)) for load, kind, bad in problems))
    return "\n".join(lines) + "\n", problems


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full", help="full (default) or small")
    parser.add_argument("--loads", default=",".join(LOADS), help="comma-separated, from: " + ", ".join(LOADS))
    parser.add_argument("--servers", default="gnet,node", help="gnet,node (default) or one of them")
    parser.add_argument("--out", help="output folder (default: docs/bench)")
    opts = parser.parse_args(argv)
    scale = SCALES[opts.scale]
    servers = opts.servers.split(",")
    raise_nofile(scale["busy"] * 2 + 1024)
    loadgen = build("loadgen")
    results = {}
    for load in opts.loads.split(","):
        results[load] = {}
        for kind in servers:
            print("soak: %s on %s..." % (load, kind), file=sys.stderr, flush=True)
            results[load][kind] = RUN[load](kind, scale, loadgen)
    facts = machine_facts((None, None), None)
    report, problems = render(results, opts.scale, scale, facts, servers)
    out_dir = opts.out or os.path.join(REPO, "docs", "bench")
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, "soak-%s%s" % (datetime.date.today().isoformat(),
                                                "" if opts.scale == "full" else "-" + opts.scale))
    with open(stem + ".json", "w") as f:
        json.dump({"scale": opts.scale, "settings": scale, "machine": facts, "results": results}, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write(report)
    print(report)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
