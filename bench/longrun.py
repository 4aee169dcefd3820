"""The long run: mixed traffic for minutes; do memory, descriptors, greenlets and watchers level off?

    python -m bench.longrun                          # 10 minutes, 1,000 connections, gnet and Node
    python -m bench.longrun --seconds 30 --servers gnet --conns 200

Against a fresh soak server of each kind (``bench/servers/soak_gnet.py`` /
``soak_node.js``, run with ``--stats``: on SIGUSR2 each prints one line of its
own counts), ``--conns`` connections carry, all at once and for ``--seconds``:

- ping-pong (half of them): 64 bytes out, the echo back, again;
- bulk (a tenth): 64 KiB writes, each echo checked;
- churn (a fifth): connect, one exchange, close, again;
- resets (the rest): connect, send, reset (SO_LINGER 0) mid-echo, again.

Every ``--every`` seconds the server's RSS and open descriptors are read from
/proc, and its own counts asked for (gnet: live greenlets, active libev
watchers; Node: active handles). The report is the curve, one row per sample,
and whether each figure levelled off after warm-up (the last third's growth
against the second third's). Writes ``docs/bench/longrun-DATE.{md,json}``.
"""

import argparse
import datetime
import json
import os
import signal
import socket as _pysocket
import struct
import sys
import threading
import time

import gevent
from gevent import socket

from bench.run import describe_machine, machine_facts, raise_nofile
from bench.soak import REPO, Server

PING = b"x" * 64
BULK = os.urandom(64 * 1024)


class StatsServer(Server):
    """A soak server started with ``--stats``: ``stats()`` asks for its own counts."""

    def __init__(self, kind):
        self.kind = kind
        super().__init__(kind, stats=True)
        self.lines = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            with self._cond:
                self.lines.append(raw.decode().strip())
                self._cond.notify_all()

    def stats(self, timeout=5.0):
        with self._cond:
            seen = len(self.lines)
            os.kill(self.pid, signal.SIGUSR2)
            self._cond.wait_for(lambda: len(self.lines) > seen, timeout)
            line = self.lines[-1] if len(self.lines) > seen else ""
        return dict(item.split("=", 1) for item in line.split() if "=" in item)


def _ping(port, stop, counts):
    while not stop.is_set():
        try:
            conn = socket.create_connection(("127.0.0.1", port))
            while not stop.is_set():
                conn.sendall(PING)
                got = b""
                while len(got) < len(PING):
                    chunk = conn.recv(64)
                    if not chunk:
                        raise OSError("closed")
                    got += chunk
                counts["ping"] += 1
            conn.close()
        except OSError:
            counts["errors"] += 1


def _bulk(port, stop, counts):
    while not stop.is_set():
        try:
            conn = socket.create_connection(("127.0.0.1", port))
            while not stop.is_set():
                reader = gevent.spawn(_read_n, conn, len(BULK))
                conn.sendall(BULK)
                if reader.get() != BULK:
                    counts["corrupt"] += 1
                counts["bulk"] += 1
            conn.close()
        except OSError:
            counts["errors"] += 1


def _read_n(conn, n):
    parts, got = [], 0
    while got < n:
        chunk = conn.recv(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _churn(port, stop, counts):
    while not stop.is_set():
        try:
            conn = socket.create_connection(("127.0.0.1", port))
            conn.sendall(PING)
            _read_n(conn, len(PING))
            conn.close()
            counts["churn"] += 1
        except OSError:
            counts["errors"] += 1


def _reset(port, stop, counts):
    while not stop.is_set():
        try:
            conn = socket.create_connection(("127.0.0.1", port))
            conn.sendall(BULK[:32768])
            conn.recv(1024)
            conn.setsockopt(_pysocket.SOL_SOCKET, _pysocket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()
            counts["resets"] += 1
        except OSError:
            counts["errors"] += 1


def run_one(kind, opts):
    server = StatsServer(kind)
    stop = threading.Event()
    counts = dict.fromkeys(("ping", "bulk", "churn", "resets", "errors", "corrupt"), 0)
    n = opts.conns
    plan = [(_ping, n // 2), (_bulk, n // 10), (_churn, n // 5)]
    plan.append((_reset, n - sum(k for _, k in plan)))
    glets = [gevent.spawn(fn, server.port, stop, counts) for fn, k in plan for _ in range(k)]
    samples = []
    started = time.monotonic()
    try:
        while True:
            elapsed = time.monotonic() - started
            own = server.stats()
            samples.append({"t": round(elapsed, 1), "rss_kib": server.rss_kib(), "fds": server.fds(),
                            **{k: int(v) for k, v in own.items()}, **counts})
            print("longrun %s t=%4.0fs rss=%6d KiB fds=%5d %s" % (
                kind, elapsed, samples[-1]["rss_kib"], samples[-1]["fds"],
                " ".join("%s=%s" % kv for kv in own.items())), file=sys.stderr, flush=True)
            if elapsed >= opts.seconds:
                break
            gevent.sleep(min(opts.every, opts.seconds - elapsed) or opts.every)
    finally:
        stop.set()
        gevent.joinall(glets, timeout=10)
        gevent.killall(glets)
        alive = server.alive()
        server.stop()
    return {"samples": samples, "alive": alive, "counts": dict(counts)}


def levelled(samples, key):
    """Growth of ``key`` over the last third of the run against the second third
    (the first third is warm-up): ``(second-third growth, last-third growth)``."""
    if len(samples) < 6 or key not in samples[0]:
        return None
    third = len(samples) // 3
    a, b, c = samples[third][key], samples[2 * third][key], samples[-1][key]
    return b - a, c - b


def render(results, opts, facts):
    when = datetime.date.today().isoformat()
    lines = ["# Long run: mixed traffic for %d s at %d connections (%s)" % (opts.seconds, opts.conns, when), "",
             "Half ping-pong, a tenth bulk (64 KiB, checked), a fifth churn, the rest resets. %s."
             % describe_machine(facts), ""]
    for kind, result in results.items():
        samples = result["samples"]
        keys = [k for k in ("rss_kib", "fds", "greenlets", "watchers", "handles") if k in samples[0]]
        lines += ["## %s" % kind, "",
                  "Operations: %s." % ", ".join("%s %d" % kv for kv in result["counts"].items()), ""]
        verdicts = []
        for key in keys:
            growth = levelled(samples, key)
            if growth is not None:
                verdicts.append("%s: %+d in the second third, %+d in the last" % (key, growth[0], growth[1]))
        if verdicts:
            lines += ["Levelling off (after the first third as warm-up): " + "; ".join(verdicts) + ".", ""]
        lines += ["| t (s) | %s |" % " | ".join(keys), "| ---: | %s |" % " | ".join("---:" for _ in keys)]
        for s in samples:
            lines.append("| %s | %s |" % (s["t"], " | ".join(str(s.get(k, "")) for k in keys)))
        lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.longrun", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="length of the run (default: 600)")
    parser.add_argument("--conns", type=int, default=1000, help="connections (default: 1000)")
    parser.add_argument("--every", type=float, default=20.0, help="seconds between samples (default: 20)")
    parser.add_argument("--servers", default="gnet,node", help="gnet,node (default) or one of them")
    parser.add_argument("--out", help="output folder (default: docs/bench)")
    opts = parser.parse_args(argv)
    raise_nofile(opts.conns * 4 + 1024)
    results = {kind: run_one(kind, opts) for kind in opts.servers.split(",")}
    facts = machine_facts((None, None), None)
    report = render(results, opts, facts)
    out_dir = opts.out or os.path.join(REPO, "docs", "bench")
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, "longrun-%s" % datetime.date.today().isoformat())
    with open(stem + ".json", "w") as f:
        json.dump({"settings": vars(opts), "machine": facts, "results": results}, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write(report)
    print(report)
    bad = [k for k, r in results.items() if not r["alive"] or r["counts"]["corrupt"]]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
