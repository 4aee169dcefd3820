"""``python -m bench.tls``: the TLS workloads, gnet.tls beside Node's tls.

    python -m bench.tls [--rounds 3] [--duration 3] [--warmup 0.5] [--workloads tls_pp100,tls_bulk,...]
                        [--peers gnet,node,sslobject,sslsocket] [--baseline REF]

- ``tls_pp1``, ``tls_pp100``, ``tls_pp1000``: 1, 100 or 1,000 TLS
  connections, each with one 64-byte message in flight (an operation: one
  round trip); CPU/op in µs per message;
- ``tls_connrate``: 16 at a time, connect (a full handshake), one 64-byte
  exchange, end (an operation: one connection, counted once closed); CPU/op
  in µs per connection;
- ``tls_bulk``: 10 TLS connections, 64 KiB chunks, 4 unanswered per connection
  (MB echoed; CPU in ms per MB).

Each server (bench/servers/gnet_tls_echo.py, node_tls.js) runs pinned to one
core, the load generator (bench/tls_loadgen.js: Node's tls client; the C
loadgen has no TLS) to the other, as the main harness does (bench/run.py,
whose ``Server`` and pinning this reuses). Handshakes happen before the
window. The load generator, in JavaScript, may be the limit on the rate: the
figure to read is the server's CPU per operation, which does not depend on
it. Certificates are made for the run with trustme (compat/tls_certs.py).
Medians over the rounds, each peer's ratio to Node's, and the spread (half
the range of CPU/op over the rounds, as a share of the median).

``--peers`` picks the servers (default ``gnet,node``); ``sslobject`` and
``sslsocket`` are bench/servers/tls_shape.py, the two shapes a TLS handle may
take, measured bare, and ``sslsocket-ra`` the second with OpenSSL's
read-ahead (bench/README.md, "TLS: SSLObject or SSLSocket"). ``--baseline
REF`` adds ``gnet-base``: the gnet/ of commit REF under this tree's
gnet_tls_echo.py, beside gnet, for before and after in one run.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from bench.peers import BASELINE, BASELINE_LABEL, PURE, REPO, Peer, baseline_tree, resolve
from bench.report import stem as report_stem
from bench.run import Server, ServerFailed, _pin, describe_machine, machine_facts, pick_cpus

HERE = os.path.dirname(os.path.abspath(__file__))
LOADGEN = os.path.join(HERE, "tls_loadgen.js")


PEERS = [
    Peer("gnet", "gnet.tls", "gnet_tls_echo.py", "python", ("gevent",), {"PYTHONPATH": REPO, "GNET_PURE_PYTHON": ""}),
    # gnet's pure-Python build beside the compiled one (gnet/_build.py).
    Peer(PURE, "gnet.tls (pure Python)", "gnet_tls_echo.py", "python", ("gevent",),
         {"PYTHONPATH": REPO, "GNET_PURE_PYTHON": "1"}),
    Peer("node", "Node tls", "node_tls.js", "node"),
    # Not servers to write: two bare echo servers on gevent's loop, alike but for
    # the TLS shape (issue 14: SSLObject over MemoryBIOs, as gnet, or a
    # non-blocking SSLSocket on the descriptor). See servers/tls_shape.py.
    Peer("sslobject", "bare SSLObject", "tls_shape.py", "python", ("gevent",), {"PYTHONPATH": REPO},
         ("--shape", "sslobject")),
    Peer("sslsocket", "bare SSLSocket", "tls_shape.py", "python", ("gevent",), {"PYTHONPATH": REPO},
         ("--shape", "sslsocket")),
    Peer("sslsocket-ra", "bare SSLSocket, read-ahead", "tls_shape.py", "python", ("gevent",),
         {"PYTHONPATH": REPO}, ("--shape", "sslsocket-ra")),
]
BY_NAME = {p.name: p for p in PEERS}
DEFAULT_PEERS = "gnet,node"
#: name -> (loadgen mode, connections, size, unit of CPU per operation)
WORKLOADS = {
    "tls_pp1": ("pingpong", 1, 64, "µs/msg"),
    "tls_pp100": ("pingpong", 100, 64, "µs/msg"),
    "tls_pp1000": ("pingpong", 1000, 64, "µs/msg"),
    "tls_connrate": ("connrate", 16, 64, "µs/conn"),
    "tls_bulk": ("bulk", 10, 65536, "ms/MB"),
}


def _start(peer, cpu, workdir, certs):
    argv = peer.argv({}) + ["--port", "0", "--certs", certs]
    server = Server.__new__(Server)
    server.peer = peer
    server.log_path = os.path.join(workdir, "%s.log" % peer.name)
    server.log = open(server.log_path, "wb")
    server.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=server.log, env=peer.environ(), cwd=workdir,
                                   preexec_fn=_pin(cpu))
    server.pid = server.proc.pid
    server.port = None
    server.path = None
    return server


def measure(peer, name, args, cpus, workdir, certs):
    mode, conns, size, _ = WORKLOADS[name]
    server = _start(peer, cpus[0], workdir, certs)
    try:
        server.wait_ready()
        argv = ["node", LOADGEN, mode, "--conns", str(conns), "--size", str(size),
                "--duration", str(args.duration), "--warmup", str(args.warmup),
                "--port", str(server.port), "--pid", str(server.pid), "--certs", certs]
        lg = subprocess.run(argv, capture_output=True, text=True, preexec_fn=_pin(cpus[1]),
                            timeout=args.duration + args.warmup + 90)
        result = json.loads(lg.stdout.strip().splitlines()[-1])
    except (ServerFailed, ValueError, IndexError, subprocess.TimeoutExpired) as exc:
        return {"error": "%s: %s" % (type(exc).__name__, exc)}
    finally:
        server.stop()
    window, ops, cpu = result["window_s"], result["ops"], result["server_cpu_s"]
    if not ops or cpu < 0:
        return {"error": "no operation measured: %r" % result}
    if mode == "bulk":
        mb = result["bytes"] / 1e6
        return {"rate": mb / window, "cpu": cpu * 1e3 / mb, "p99": result["p99_us"],
                "loadgen_busy": result["loadgen_cpu_s"] / window, "server_busy": cpu / window}
    return {"rate": ops / window, "cpu": cpu * 1e6 / ops, "p99": result["p99_us"],
            "loadgen_busy": result["loadgen_cpu_s"] / window, "server_busy": cpu / window}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.tls", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=float, default=3.0)
    ap.add_argument("--warmup", type=float, default=0.5)
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--peers", default=DEFAULT_PEERS,
                    help="comma-separated, from %s (default %s)" % (",".join(BY_NAME), DEFAULT_PEERS))
    ap.add_argument("--baseline", metavar="REF", default=None,
                    help="also measure gnet as of commit REF (peer %s), just after gnet" % BASELINE)
    ap.add_argument("--json", default=None, help="also write every run to this file")
    ap.add_argument("--out", default=None,
                    help="also write the report as tls-DATE.md (and .json, every run) into this folder "
                         "(docs/bench for the docs)")
    args = ap.parse_args(argv)
    names = [n for n in args.peers.split(",") if n]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown or not names:
        ap.error("unknown peer(s) %s; known: %s" % (",".join(unknown) or "(none)", ",".join(BY_NAME)))
    unknown = [n for n in args.workloads.split(",") if n not in WORKLOADS]
    if unknown:
        ap.error("unknown workload(s) %s; known: %s" % (",".join(unknown), ",".join(WORKLOADS)))
    peers = [BY_NAME[n] for n in names]
    if shutil.which("node") is None:
        raise SystemExit("bench.tls needs node (the Node peer and the load generator)")
    if args.baseline is None:
        return _run(args, peers)
    commit = resolve(args.baseline)
    if not commit:
        ap.error("--baseline %s: no commit of that name with a gnet/ in %s" % (args.baseline, REPO))
    with baseline_tree(commit) as tree:
        base = Peer(BASELINE, BASELINE_LABEL % args.baseline, "gnet_tls_echo.py", "python", ("gevent",),
                    {"PYTHONPATH": tree})
        at = names.index("gnet") + 1 if "gnet" in names else 0
        return _run(args, peers[:at] + [base] + peers[at:])


def _run(args, peers):
    from compat import tls_certs
    workdir = tempfile.mkdtemp(prefix="gnet-bench-tls-")
    certs = tls_certs.write(os.path.join(workdir, "certs"))
    cpus = pick_cpus()
    runs = []
    try:
        for rnd in range(args.rounds):
            for name in args.workloads.split(","):
                # The order rotated each round, so that no peer is always first.
                shift = rnd % len(peers)
                for peer in peers[shift:] + peers[:shift]:
                    rec = measure(peer, name, args, cpus, workdir, certs)
                    rec.update(peer=peer.name, workload=name, round=rnd + 1)
                    runs.append(rec)
                    if "error" in rec:
                        print("%s/%s round %d: %s" % (name, peer.name, rnd + 1, rec["error"]), file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1)
    table, failed = summarise(runs, peers, args.workloads.split(","))
    print(table)
    if args.out:
        write_report(args, runs, table, cpus)
    return failed


def summarise(runs, peers, workloads):
    """The text table (medians per peer and workload, CPU/op's spread and its
    ratio to Node) and whether some peer had no successful run."""
    lines = ["%-12s %-12s %6s %12s %14s %7s %9s %8s %9s" % ("workload", "peer", "rounds", "rate", "CPU/op",
                                                             "spread", "x Node", "p99 µs", "loadgen%")]
    failed = 0
    for name in workloads:
        unit = WORKLOADS[name][3]
        med = {}
        for peer in peers:
            ok = [r for r in runs if r["workload"] == name and r["peer"] == peer.name and "error" not in r]
            if not ok:
                failed = 1
                continue
            med[peer.name] = {k: statistics.median(r[k] for r in ok)
                              for k in ("rate", "cpu", "p99", "loadgen_busy")}
            per_op = [r["cpu"] for r in ok]
            med[peer.name]["spread"] = (max(per_op) - min(per_op)) / 2 / med[peer.name]["cpu"]
            med[peer.name]["rounds"] = len(ok)
        for peer in peers:
            m = med.get(peer.name)
            if m is None:
                lines.append("%-12s %-12s %s" % (name, peer.name, "no successful run"))
                continue
            ratio = "%8.2fx" % (m["cpu"] / med["node"]["cpu"]) if "node" in med else "%9s" % "-"
            lines.append("%-12s %-12s %6d %12.1f %8.2f %-5s %6.1f%% %s %8.0f %8.0f%%" % (
                name, peer.name, m["rounds"], m["rate"], m["cpu"], unit, 100 * m["spread"], ratio, m["p99"],
                100 * m["loadgen_busy"]))
    return "\n".join(lines), failed


def write_report(args, runs, table, cpus):
    """``tls-DATE.md`` (the table, how it was run, on what machine) and
    ``tls-DATE.json`` (every run) in ``args.out``."""
    facts = machine_facts(cpus, None)
    when = datetime.date.today().isoformat()
    os.makedirs(args.out, exist_ok=True)
    stem = os.path.join(args.out, report_stem(args.out, when, "tls"))
    with open(stem + ".json", "w") as f:
        json.dump({"machine": facts, "rounds": args.rounds, "duration_s": args.duration, "runs": runs}, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write("# TLS: gnet.tls beside Node's tls (%s)\n\n" % when)
        f.write("%s. %d round(s) of %.1f s per peer and workload (after %.1f s of traffic), peers rotated each "
                "round; server and load generator (Node's tls client, bench/tls_loadgen.js) pinned to one core "
                "each. `tls_pp1`, `tls_pp100`, `tls_pp1000`: 1, 100, 1,000 connections, one 64-byte message in "
                "flight each; `tls_connrate`: 16 at a time, connect with a full handshake, one 64-byte "
                "exchange, end; `tls_bulk`: 10 connections, 64 KiB chunks, 4 unanswered. CPU/op is the server's CPU (user + system) per "
                "message, connection or MB, median over the rounds; spread is half the range over its median. "
                "gnet at %s%s. Written by `python -m bench.tls --out docs/bench` (bench/README.md).\n\n"
                % (describe_machine(facts), args.rounds, args.duration, args.warmup, facts.get("gnet_commit"),
                   "; gnet-base is gnet at %s" % args.baseline if args.baseline else ""))
        f.write("```\n%s\n```\n" % table)


if __name__ == "__main__":
    sys.exit(main())
