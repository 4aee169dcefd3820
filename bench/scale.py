"""More than one core: gnet under gunicorn's pre-fork master beside Node's cluster.

    python -m bench.scale                       # 5 rounds x 3 s, 1 and 2 workers, pp100
    python -m bench.scale --workers 1,2,4 --conns 1000 --rounds 3

Each round runs, interleaved, the plainest echo server as

- ``gnet-gunicorn``: ``gunicorn -k gnet.gunicorn.Worker -w N`` serving
  ``bench/servers/gnet_app.py``;
- ``node-cluster``: Node's ``cluster`` module forking N workers of the same
  server (``bench/servers/node_cluster.js``; its primary hands connections
  to the workers round-robin, Node's default on Linux),

with N taken from ``--workers``, under the ping-pong load of ``bench/``'s C load
generator (64-byte messages, ``--conns`` connections, one in flight each).
Nothing is pinned: the workers and the load generator share the machine's
cores, so on a machine with few cores the load generator takes a core that
the workers would use, and the figures say how far more workers help there,
not how far they would on a larger machine. The report gives, per server and
N, the median rate (messages per second), the CPU the whole process tree
(master and workers) used per message, and the rate's ratio to one worker's.
Writes ``docs/bench/scale-DATE.{json,md}`` (or ``--out DIR``).
"""

import argparse
import datetime
import json
import os
import socket
import statistics
import subprocess
import sys
import time

from bench.build import build
from bench.run import machine_facts, describe_machine, raise_nofile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SERVERS = os.path.join(HERE, "servers")
CLK = os.sysconf("SC_CLK_TCK")
READY_TIMEOUT_S = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_cpu(root):
    """CPU seconds (user + system) of ``root`` and every live descendant."""
    children = {}
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        stats[pid] = (int(fields[11]) + int(fields[12])) / CLK
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return total


def start(kind, workers, port, workdir):
    """The server process tree; returns once it prints that every worker listens."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (REPO, os.environ.get("PYTHONPATH")) if p))
    if kind == "gnet-gunicorn":
        argv = [sys.executable, "-m", "gunicorn", "-k", "gnet.gunicorn.Worker", "-w", str(workers),
                "-b", "127.0.0.1:%d" % port, "--chdir", SERVERS, "--log-level", "info",
                "--graceful-timeout", "2", "gnet_app:server"]
        if _gunicorn_has_control_socket():
            argv.insert(-1, "--no-control-socket")
        ready = "Booting worker"
    else:
        argv = ["node", os.path.join(SERVERS, "node_cluster.js"), "--workers", str(workers),
                "--port", str(port)]
        ready = "ready port="
    log = open(os.path.join(workdir, "%s-%d.log" % (kind, workers)), "wb")
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=workdir)
    seen, deadline = 0, time.monotonic() + READY_TIMEOUT_S
    need = workers if kind == "gnet-gunicorn" else 1
    while seen < need:
        line = proc.stdout.readline()
        log.write(line)
        if not line or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("%s -w %d did not start; see %s" % (kind, workers, log.name))
        if ready.encode() in line:
            seen += 1
    _wait_accepting(port)
    return proc, log


def _wait_accepting(port):
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            # Every worker has booted; give the last one a moment to reach its accept.
            time.sleep(0.3)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _gunicorn_has_control_socket():
    from gunicorn.config import KNOWN_SETTINGS
    return any("--no-control-socket" in (s.cli or []) for s in KNOWN_SETTINGS)


def stop(proc, log):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    rest = proc.stdout.read()
    log.write(rest)
    proc.stdout.close()
    log.close()


def measure(kind, workers, opts, loadgen, workdir):
    port = free_port()
    proc, log = start(kind, workers, port, workdir)
    try:
        cpu0 = tree_cpu(proc.pid)
        t0 = time.monotonic()
        out = subprocess.run([loadgen, "pingpong", "--port", str(port), "--conns", str(opts.conns),
                              "--size", "64", "--duration", str(opts.duration), "--warmup", str(opts.warmup)],
                             capture_output=True, text=True, timeout=opts.duration + opts.warmup + 60)
        elapsed = time.monotonic() - t0
        cpu = tree_cpu(proc.pid) - cpu0
        result = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        stop(proc, log)
    ops, window = result["ops"], result["window_s"]
    # CPU is read around the whole load-generator run (setup and warm-up
    # included), so it is spread over the operations of that whole run.
    ops_total = ops * elapsed / window if window else 0
    return {
        "server": kind, "workers": workers, "ok": out.returncode == 0 and ops > 0,
        "rate": ops / window if window else 0.0,
        "cpu_us_per_msg": cpu / ops_total * 1e6 if ops_total else None,
        "server_busy": cpu / elapsed if elapsed else None,
        "p50_us": result.get("p50_us"), "p99_us": result.get("p99_us"),
        "loadgen": result,
    }


def summarise(records, workers_list, kinds):
    rows = []
    for kind in kinds:
        base = None
        for workers in workers_list:
            runs = [r for r in records if r["server"] == kind and r["workers"] == workers and r["ok"]]
            if not runs:
                rows.append((kind, workers, None, None, None, None, 0))
                continue
            rate = statistics.median(r["rate"] for r in runs)
            cpu = statistics.median(r["cpu_us_per_msg"] for r in runs if r["cpu_us_per_msg"] is not None)
            busy = statistics.median(r["server_busy"] for r in runs if r["server_busy"] is not None)
            if base is None:
                base = rate
            rows.append((kind, workers, rate, cpu, busy, rate / base if base else None, len(runs)))
    return rows


def render(rows, facts, opts, when):
    lines = [
        "# More than one core: gnet under gunicorn beside Node's cluster (%s)" % when,
        "",
        "Ping-pong, 64 B, %d connections, %d rounds x %.1f s, interleaved; nothing pinned. %s."
        % (opts.conns, opts.rounds, opts.duration, describe_machine(facts)),
        "The load generator shares the cores with the workers: on a machine with few cores it takes "
        "a core the workers would use.",
        "",
        "| server | workers | rate (msg/s) | vs 1 worker | server CPU (µs/msg) | server busy (cores) | runs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    node = {w: r for k, w, r, *_ in rows if k == "node-cluster"}
    for kind, workers, rate, cpu, busy, scale, n in rows:
        if rate is None:
            lines.append("| %s | %d | failed | | | | 0 |" % (kind, workers))
            continue
        versus = ""
        if kind != "node-cluster" and node.get(workers):
            versus = " (%.2fx Node)" % (rate / node[workers])
        lines.append("| %s | %d | %.0f%s | %.2fx | %.1f | %.2f | %d |"
                     % (kind, workers, rate, versus, scale, cpu, busy, n))
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated (default: 1,2)")
    parser.add_argument("--conns", type=int, default=100, help="connections (default: 100)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default: 5)")
    parser.add_argument("--duration", type=float, default=3.0, help="seconds measured per run (default: 3)")
    parser.add_argument("--warmup", type=float, default=0.5, help="seconds of traffic first (default: 0.5)")
    parser.add_argument("--servers", default="gnet-gunicorn,node-cluster",
                        help="servers, comma-separated (default: gnet-gunicorn,node-cluster)")
    parser.add_argument("--out", help="output folder (default: docs/bench)")
    opts = parser.parse_args(argv)
    workers_list = [int(w) for w in opts.workers.split(",")]
    kinds = opts.servers.split(",")
    raise_nofile(opts.conns * 2 + 256)
    loadgen = build("loadgen")
    out_dir = opts.out or os.path.join(REPO, "docs", "bench")
    os.makedirs(out_dir, exist_ok=True)
    workdir = os.path.join(out_dir, ".scale-logs")
    os.makedirs(workdir, exist_ok=True)
    records = []
    for round_ in range(opts.rounds):
        for workers in workers_list:
            for kind in kinds:
                record = measure(kind, workers, opts, loadgen, workdir)
                record["round"] = round_
                records.append(record)
                print("round %d %-14s -w %d: %8.0f msg/s" % (round_ + 1, kind, workers, record["rate"]),
                      file=sys.stderr)
    when = datetime.date.today().isoformat()
    facts = machine_facts((None, None), None)
    rows = summarise(records, workers_list, kinds)
    report = render(rows, facts, opts, when)
    stem = os.path.join(out_dir, "scale-%s" % when)
    with open(stem + ".json", "w") as f:
        json.dump({"settings": vars(opts), "machine": facts, "records": records}, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
