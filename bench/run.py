"""``python -m gnet bench`` (or ``python -m bench``): echo servers under one load generator.

For each round, for each workload, every peer in turn (the order rotated
each round, so no peer is always first): start its server pinned to one
core, wait for its ready line, run the C load generator pinned to the other
core, read the result, stop the server. Then print the medians over rounds
with each figure's ratio to Node's, and write the JSON of every round, a
Markdown report and an SVG chart of the ratios. See bench/README.md.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import resource
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from bench import build, report
from bench.peers import (BASELINE, BASELINE_LABEL, BY_NAME as PEERS_BY_NAME, PEERS, REPO,
                         baseline, baseline_tree, resolve)
from bench.workloads import BY_NAME as WORKLOADS_BY_NAME, WORKLOADS, figures

READY_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 3.0
DEFAULT_OUT = os.path.join(REPO, "docs", "bench")


# -- the machine ------------------------------------------------------------

def raise_nofile(want):
    """Raise RLIMIT_NOFILE: the soft limit to the hard one, the hard one to ``want`` if
    it is lower and we may (root). Servers and the load generator inherit it."""
    soft0, hard0 = resource.getrlimit(resource.RLIMIT_NOFILE)
    limits = [(hard0, hard0)]
    if hard0 != resource.RLIM_INFINITY and hard0 < want:
        limits.insert(0, (want, want))      # needs root; else the hard limit is the most there is
    for limit in limits:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, limit)
            break
        except (ValueError, OSError):
            pass
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return {"soft_before": soft0, "hard_before": hard0, "soft": soft, "hard": hard,
            "wanted": want}


def pick_cpus(server_cpu=None, loadgen_cpu=None):
    cpus = sorted(os.sched_getaffinity(0))
    if server_cpu is None:
        server_cpu = cpus[-1]
    if loadgen_cpu is None:
        others = [c for c in cpus if c != server_cpu]
        loadgen_cpu = others[0] if others else server_cpu
    return server_cpu, loadgen_cpu


def _first(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return None


def _module_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # not installed, or no metadata
        return None


def machine_facts(cpus, nofile):
    model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = None
    try:
        with open("/proc/meminfo") as f:
            mem_gib = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    commit = _first(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    dirty = None
    try:
        dirty = bool(subprocess.run(["git", "-C", REPO, "status", "--porcelain", "gnet"],
                                    capture_output=True, text=True, timeout=20).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "host": platform.node(),
        "cpu_model": model,
        "cores": os.cpu_count(),
        "mem_gib": mem_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "node": _first(["node", "--version"]) if shutil.which("node") else None,
        "gevent": _module_version("gevent"),
        "greenlet": _module_version("greenlet"),
        "uvloop": _module_version("uvloop"),
        "cc": build.compiler_version(),
        "gnet_commit": commit,
        "gnet_dirty": dirty,
        "server_cpu": cpus[0],
        "loadgen_cpu": cpus[1],
        "nofile": nofile,
        "clk_tck": os.sysconf("SC_CLK_TCK"),
    }


def describe_machine(m):
    return "%s, %s cores, %s GiB, Linux %s; Python %s, gevent %s, Node %s" % (
        m["cpu_model"] or "unknown CPU", m["cores"], m["mem_gib"], m["kernel"], m["python"],
        m["gevent"], m["node"])


def _proc_stat_busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]   # user nice system irq softirq steal


def wait_for_quiet(limit=0.3, sample_s=0.1, max_wait_s=0.5):
    """Wait (at most max_wait_s) until the machine's other work drops below ``limit``
    cores over a sample; return the seconds waited. Nothing of ours runs meanwhile."""
    clk = os.sysconf("SC_CLK_TCK")
    t0 = time.monotonic()
    while True:
        b0 = _proc_stat_busy()
        time.sleep(sample_s)
        busy = (_proc_stat_busy() - b0) / clk / sample_s
        if busy < limit or time.monotonic() - t0 >= max_wait_s:
            return round(time.monotonic() - t0, 2)


def gnet_tree_hash():
    """A short hash of gnet/*.py as it is now: gnet is read afresh by every gnet server,
    so a run during which someone edits gnet/ measures more than one version."""
    h = hashlib.sha1()
    folder = os.path.join(REPO, "gnet")
    try:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read())
    except OSError:
        return None
    return h.hexdigest()[:10]


# -- one measurement --------------------------------------------------------

def _pin(cpu):
    def preexec():
        os.sched_setaffinity(0, {cpu})
    return preexec


class ServerFailed(RuntimeError):
    pass


class Server:
    """A peer's server process: started, ready, stopped."""

    def __init__(self, peer, binaries, cpu, workdir, unix_path=None):
        self.peer = peer
        self.log_path = os.path.join(workdir, "%s.log" % peer.name)
        argv = peer.argv(binaries) + (["--path", unix_path] if unix_path else ["--port", "0"])
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self.log, env=peer.environ(), cwd=workdir,
                                     preexec_fn=_pin(cpu))
        self.pid = self.proc.pid
        self.port = None
        self.path = unix_path

    def wait_ready(self, timeout=READY_TIMEOUT_S):
        deadline = time.monotonic() + timeout
        buf = b""
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            while b"\n" not in buf:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ServerFailed("no ready line within %.0f s" % timeout)
                if not sel.select(left):
                    continue
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    raise ServerFailed("exited before its ready line (rc=%s): %s"
                                       % (self.proc.wait(), self.log_tail()))
                buf += chunk
        line = buf.split(b"\n", 1)[0].decode(errors="replace").strip()
        if line.startswith("ready port="):
            self.port = int(line.split("=", 1)[1])
        elif not line.startswith("ready path="):
            raise ServerFailed("unexpected ready line %r" % line)

    def alive(self):
        return self.proc.poll() is None

    def loadgen_target(self):
        """The load generator's arguments naming this (ready) server: where to
        connect, and whose CPU to read."""
        where = ["--path", self.path] if self.path else ["--port", str(self.port)]
        return where + ["--pid", str(self.pid)]

    def log_tail(self, n=600):
        try:
            self.log.flush()
            with open(self.log_path, "rb") as f:
                return f.read()[-n:].decode(errors="replace").strip()
        except OSError:
            return ""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(STOP_TIMEOUT_S)
        self.proc.stdout.close()
        self.log.close()


def measure(peer, workload, opts, binaries, cpus, workdir):
    """Run one peer under one workload once; the record that goes into the JSON."""
    unix_path = os.path.join(workdir, "echo.sock") if workload.unix else None
    if unix_path and os.path.exists(unix_path):
        os.unlink(unix_path)
    record = {"peer": peer.name, "workload": workload.name, "ok": False, "error": None}
    t0 = time.monotonic()
    server = None
    try:
        server = Server(peer, binaries, cpus[0], workdir, unix_path)
        server.wait_ready()
        record["startup_s"] = round(time.monotonic() - t0, 3)
        conns = opts.idle_conns if workload.mode == "idle" else None
        argv = ([binaries["loadgen"]] + workload.loadgen_args(opts.duration, opts.warmup,
                                                              opts.settle, conns)
                + server.loadgen_target())
        setup_timeout = 10.0 if opts.quick else 60.0
        argv += ["--setup-timeout", str(setup_timeout)]
        bound = setup_timeout + opts.warmup + opts.duration + opts.settle + 15
        lg = subprocess.run(argv, capture_output=True, text=True, timeout=bound,
                            preexec_fn=_pin(cpus[1]))
        try:
            result = json.loads(lg.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise ServerFailed("load generator rc=%d: %s" % (lg.returncode, lg.stderr.strip()))
        record["loadgen"] = result
        record["figures"] = figures(workload, result)
        problems = []
        if lg.returncode != 0:
            problems.append("load generator rc=%d (%d of %d connections established) %s"
                            % (lg.returncode, result.get("established", 0), result["conns"],
                               lg.stderr.strip()))
        if result.get("lost"):
            problems.append("%d connections lost" % result["lost"])
        if not server.alive():
            problems.append("server died: %s" % server.log_tail())
        if workload.mode != "idle" and result.get("ops", 0) == 0:
            problems.append("no operation completed")
        record["ok"] = not problems
        record["error"] = "; ".join(problems) or None
    except (ServerFailed, subprocess.TimeoutExpired, OSError) as exc:
        record["error"] = "%s: %s" % (type(exc).__name__, exc)
    finally:
        if server is not None:
            server.stop()
        if unix_path and os.path.exists(unix_path):
            os.unlink(unix_path)
    record["elapsed_s"] = round(time.monotonic() - t0, 3)
    return record


# -- the run ----------------------------------------------------------------

class Progress:
    """One line on stderr, rewritten in place on a terminal, a line per step otherwise."""

    def __init__(self, total, quiet=False):
        self.total, self.done, self.t0 = total, 0, time.monotonic()
        self.tty = sys.stderr.isatty()
        self.quiet = quiet
        self.width = 0

    def show(self, text):
        if self.quiet:
            return
        elapsed = time.monotonic() - self.t0
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0
        line = "[%3d/%d] %s  (%s elapsed, ~%s left)" % (
            self.done, self.total, text, _mmss(elapsed), _mmss(eta))
        if self.tty:
            sys.stderr.write("\r" + line.ljust(self.width))
            self.width = len(line)
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def close(self):
        if self.tty and not self.quiet and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()


def _mmss(s):
    return "%dm%02ds" % divmod(int(s), 60)


def _names(text, known, what):
    if not text:
        return list(known)
    names = [n.strip() for n in text.split(",") if n.strip()]
    bad = [n for n in names if n not in known]
    if bad:
        raise SystemExit("unknown %s: %s (choose from %s)" % (what, ", ".join(bad),
                                                             ", ".join(known)))
    return names


def _beside_gnet(names):
    """``names`` with the baseline peer in them: where they have it, else just after
    gnet (first without gnet), so before and after sit side by side."""
    if BASELINE in names:
        return names
    i = names.index("gnet") + 1 if "gnet" in names else 0
    return names[:i] + [BASELINE] + names[i:]


def summarise(records, workloads, peers, max_noise=None):
    """Medians over the rounds that succeeded: {workload: {peer: {figure: median}}}.

    With ``max_noise`` (cores), a run during which the rest of the machine used more
    is left out too, unless that would leave that peer and workload with none."""
    out = {}
    for w in workloads:
        out[w] = {}
        for p in peers:
            ok = [r for r in records if r["workload"] == w and r["peer"] == p and r["ok"]]
            if max_noise is not None:
                quiet = [r for r in ok if (r["figures"].get("others_busy") or 0) <= max_noise]
                ok = quiet or ok
            row = {"rounds": len(ok)}
            if ok:
                for key in ok[0]["figures"]:
                    values = [r["figures"][key] for r in ok if r["figures"][key] is not None]
                    row[key] = statistics.median(values) if values else None
                    if key in ("cpu", "rate", "kb_per_conn") and len(values) > 1 and row[key]:
                        row[key + "_spread"] = (max(values) - min(values)) / 2 / row[key]
            out[w][p] = row
    return out


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="python -m gnet bench",
        description="Echo servers (gnet, Node's net, gevent, asyncio, uvloop, C) under one C "
                    "load generator; medians over interleaved rounds, ratios to Node.")
    ap.add_argument("--rounds", type=int, default=None, help="rounds (default 5; --quick: 1)")
    ap.add_argument("--duration", type=float, default=None,
                    help="seconds measured per run (default 3; --quick: 0.3)")
    ap.add_argument("--warmup", type=float, default=None,
                    help="seconds of traffic before each measurement (default 0.5; --quick: 0.1)")
    ap.add_argument("--workloads", default="", help="comma-separated, from: "
                    + ", ".join(w.name for w in WORKLOADS))
    ap.add_argument("--peers", default="", help="comma-separated, from: "
                    + ", ".join(p.name for p in PEERS) + ", %s (with --baseline)" % BASELINE)
    ap.add_argument("--baseline", metavar="REF", default=None,
                    help="also measure the gnet of git ref or commit REF, as peer %s (labelled "
                         "%s): this tree's bench/servers/gnet_echo.py with REF's gnet/ on "
                         "PYTHONPATH, for before/after in one run. Added even when --peers "
                         "does not name it" % (BASELINE, BASELINE_LABEL % "REF"))
    ap.add_argument("--idle-conns", type=int, default=None,
                    help="connections held open by the idle workload (default 10000; --quick: 500)")
    ap.add_argument("--settle", type=float, default=None,
                    help="idle: seconds between the last connection and the RSS reading "
                         "(default 3: time for every server to finish the connections' one exchange "
                         "and free what it used for it)")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke run: 1 round of 0.3 s, 500 idle connections, output to a temp dir")
    ap.add_argument("--out", default=None,
                    help="folder for the JSON, Markdown and SVG (default docs/bench/; "
                         "--quick: a temporary folder)")
    ap.add_argument("--server-cpu", type=int, default=None, help="core for the servers")
    ap.add_argument("--loadgen-cpu", type=int, default=None, help="core for the load generator")
    ap.add_argument("--quiet", action="store_true", help="no progress line")
    ap.add_argument("--list", action="store_true", help="list peers and workloads, then exit")
    ap.add_argument("--max-noise", type=float, default=None, metavar="CORES",
                    help="leave out of the medians the runs during which other processes used "
                         "more than CORES of CPU (kept in the JSON; default: keep every run)")
    ap.add_argument("--render", metavar="JSON", default=None,
                    help="measure nothing: print the table of a saved run and rewrite its "
                         "Markdown and SVG beside it")
    args = ap.parse_args(argv)
    q = args.quick
    for name, full, quick in (("rounds", 5, 1), ("duration", 3.0, 0.3), ("warmup", 0.5, 0.1),
                              ("idle_conns", 10000, 500), ("settle", 3.0, 0.2)):
        if getattr(args, name) is None:
            setattr(args, name, quick if q else full)
    if not (1 <= args.rounds <= 100 and 0.05 <= args.duration <= 120
            and 0 <= args.warmup <= 30 and 1 <= args.idle_conns <= 100000
            and 0 <= args.settle <= 30):
        ap.error("--rounds 1..100, --duration 0.05..120, --warmup 0..30, "
                 "--idle-conns 1..100000, --settle 0..30")
    args.baseline_commit = None
    if args.baseline is not None:
        args.baseline_commit = resolve(args.baseline)
        if not args.baseline_commit:
            ap.error("--baseline %s: no commit of that name with a gnet/ in %s"
                     % (args.baseline, REPO))
    elif BASELINE in (n.strip() for n in args.peers.split(",")):
        ap.error("--peers %s needs --baseline REF" % BASELINE)
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.render:
        return render(args.render, args.max_noise)
    if args.list:
        for p in PEERS:
            ok, why = p.available()
            print("peer     %-17s %s%s" % (p.name, p.label, "" if ok else "  (unavailable: %s)" % why))
            if p.name == "gnet":
                print("peer     %-17s %s  (with --baseline REF: REF's gnet under this tree's "
                      "gnet_echo.py)" % (BASELINE, BASELINE_LABEL % (args.baseline or "REF")))
        for w in WORKLOADS:
            print("workload %-17s %s" % (w.name, w.title))
        return 0
    if args.baseline is None:
        return run_bench(args)
    with baseline_tree(args.baseline_commit) as tree:
        return run_bench(args, baseline(args.baseline, tree))


def run_bench(args, base=None):
    """Measure; write the JSON, the Markdown and the SVG. ``base``: the --baseline peer."""
    workloads = _names(args.workloads, [w.name for w in WORKLOADS], "workload")
    by_name, known = dict(PEERS_BY_NAME), [p.name for p in PEERS]
    if base:
        by_name[BASELINE] = base
        known = _beside_gnet(known)
    wanted = _names(args.peers, known, "peer")
    if base:  # --baseline adds its peer even when --peers does not name it
        wanted = _beside_gnet(wanted)
    peers, skipped = [], {}
    for name in wanted:
        ok, why = by_name[name].available()
        if ok:
            peers.append(name)
        else:
            skipped[name] = why
            print("skipping %s: %s" % (name, why), file=sys.stderr)
    if not peers:
        raise SystemExit("no peer to measure")

    nofile = raise_nofile(args.idle_conns + 1024)
    if "idle" in workloads and nofile["soft"] != resource.RLIM_INFINITY \
            and args.idle_conns + 256 > nofile["soft"]:
        args.idle_conns = max(1, nofile["soft"] - 256)
        print("RLIMIT_NOFILE allows %d descriptors: idle uses %d connections"
              % (nofile["soft"], args.idle_conns), file=sys.stderr)
    cpus = pick_cpus(args.server_cpu, args.loadgen_cpu)
    # The harness sleeps while the load generator runs; keep it off the server's core.
    try:
        os.sched_setaffinity(0, {cpus[1]})
    except OSError:
        pass
    binaries = build.build_all()
    machine = machine_facts(cpus, nofile)
    if cpus[0] == cpus[1]:
        print("only one core: the server and the load generator share it", file=sys.stderr)

    out_dir = args.out or (tempfile.mkdtemp(prefix="gnet-bench-quick-") if args.quick
                           else DEFAULT_OUT)
    os.makedirs(out_dir, exist_ok=True)
    stem = report.stem(out_dir, datetime.date.today().isoformat())
    json_path = os.path.join(out_dir, stem + ".json")
    settings = {k: getattr(args, k) for k in ("rounds", "duration", "warmup", "idle_conns",
                                              "settle", "quick", "max_noise")}
    settings.update(workloads=workloads, peers=peers, skipped_peers=skipped,
                    baseline={"ref": args.baseline, "commit": args.baseline_commit}
                    if base else None)
    doc = {"machine": machine, "settings": settings, "records": [], "summary": {}}

    steps = args.rounds * len(workloads) * len(peers)
    progress = Progress(steps, args.quiet)
    workdir = tempfile.mkdtemp(prefix="gnet-bench-run-")
    try:
        for rnd in range(args.rounds):
            shift = rnd % len(peers)
            order = peers[shift:] + peers[:shift]
            for wname in workloads:
                workload = WORKLOADS_BY_NAME[wname]
                for pname in order:
                    progress.show("round %d/%d  %-8s %-16s" % (rnd + 1, args.rounds, wname, pname))
                    waited = None if args.quick else wait_for_quiet()
                    rec = measure(by_name[pname], workload, args, binaries, cpus, workdir)
                    rec["quiet_wait_s"] = waited
                    if pname == "gnet":
                        rec["gnet_tree"] = gnet_tree_hash()
                    rec["round"] = rnd + 1
                    doc["records"].append(rec)
                    progress.done += 1
                    if not rec["ok"]:
                        progress.close()
                        print("%s/%s round %d: %s" % (wname, pname, rnd + 1, rec["error"]),
                              file=sys.stderr)
            doc["summary"] = summarise(doc["records"], workloads, peers, args.max_noise)
            _write_json(json_path, doc)  # after every round: an interrupted run keeps its rounds
    except KeyboardInterrupt:
        progress.close()
        print("interrupted; writing the rounds so far", file=sys.stderr)
    finally:
        progress.close()
        shutil.rmtree(workdir, ignore_errors=True)

    doc["summary"] = summarise(doc["records"], workloads, peers, args.max_noise)
    doc["targets"] = report.targets(doc["summary"])
    _write_json(json_path, doc)
    _write_reports(doc, json_path)
    # 1 when some peer and workload has no successful round at all
    missing = [(w, p) for w in workloads for p in peers if not doc["summary"][w][p]["rounds"]]
    return 1 if missing else 0


def _write_reports(doc, json_path, suffix=""):
    """Print the table; write the Markdown and the SVG beside the JSON."""
    print(report.table(doc))
    base = json_path[:-len(".json")] if json_path.endswith(".json") else json_path
    base += suffix
    line = describe_machine(doc["machine"])
    with open(base + ".svg", "w", encoding="utf-8") as f:
        f.write(report.svg(doc, line))
    with open(base + ".md", "w", encoding="utf-8") as f:
        f.write(report.markdown(doc, line, os.path.basename(base + ".svg"),
                                os.path.basename(json_path)))
    print("\nwrote %s\n      %s\n      %s" % (json_path, base + ".md", base + ".svg"))


def render(json_path, max_noise=None):
    """Summarise a saved run again. With ``max_noise`` the JSON is left as it is and the
    Markdown and SVG go to ``STEM-quiet.md``/``.svg``; without, all three are rewritten."""
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    s = doc["settings"]
    if max_noise is not None:
        s["max_noise"] = max_noise
    doc["summary"] = summarise(doc["records"], s["workloads"], s["peers"], s.get("max_noise"))
    doc["targets"] = report.targets(doc["summary"])
    if max_noise is None:
        _write_json(json_path, doc)
    _write_reports(doc, json_path, "-quiet" if max_noise is not None else "")
    return 0


def _dumps(doc):
    """The document as JSON, indented, with one record per line."""
    head = json.dumps({k: v for k, v in doc.items() if k != "records"}, indent=1)
    records = ",\n  ".join(json.dumps(r) for r in doc["records"])
    return head[:-2] + ',\n "records": [\n  ' + records + "\n ]\n}\n"


def _write_json(path, doc):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(_dumps(doc))
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
