"""Where a Python peer's time goes under load: py-spy samples, summarised.

    python -m bench.profile [--peer gnet] [--workload pp100] [--seconds 10] [--native]

Starts the peer's server pinned to one core, drives it with the load
generator from the other, records it with ``py-spy record --format raw``
(``--nonblocking``: the server is not paused to be sampled, except with
``--native``, which must pause it to unwind C frames) and prints the
functions with the most samples, by self time (the function was running) and
by inclusive time (it was on the stack). The raw stacks are kept for a flame
graph (``--keep DIR``). Needs ``py-spy`` (``pip install py-spy``); reading
another process's memory needs root or ptrace rights.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from bench import build
from bench.peers import BY_NAME as PEERS, REPO
from bench.run import Server, pick_cpus, _pin, raise_nofile
from bench.workloads import BY_NAME as WORKLOADS

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^():]*)(?::(?P<line>\d+))?\)$")


def short_path(path):
    """A frame's file, relative to the repository or to site-packages."""
    if path.startswith(REPO + os.sep):
        return os.path.relpath(path, REPO)
    for marker in ("site-packages" + os.sep, "lib" + os.sep + "python3"):
        i = path.find(marker)
        if i >= 0:
            return path[i + len(marker):].lstrip(os.sep)
    return path


def frame_name(frame):
    m = _FRAME.match(frame.strip())
    if not m:
        return frame.strip()
    return "%s (%s)" % (m.group("func"), short_path(m.group("file")))


def summarise(raw_lines):
    """(total samples, Counter self, Counter inclusive) from py-spy's raw (collapsed) lines."""
    total, own, incl = 0, collections.Counter(), collections.Counter()
    for line in raw_lines:
        line = line.rstrip("\n")
        if not line or " " not in line:
            continue
        stack, _, count = line.rpartition(" ")
        try:
            n = int(count)
        except ValueError:
            continue
        frames = [frame_name(f) for f in stack.split(";") if f]
        if not frames:
            continue
        total += n
        own[frames[-1]] += n
        for name in set(frames):
            incl[name] += n
    return total, own, incl


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", default="gnet", help="a Python peer (default gnet)")
    ap.add_argument("--workload", default="pp100", help="a traffic workload (default pp100)")
    ap.add_argument("--seconds", type=float, default=10.0, help="seconds sampled (default 10)")
    ap.add_argument("--rate", type=int, default=200, help="samples per second (default 200)")
    ap.add_argument("--native", action="store_true", help="include C frames (py-spy --native)")
    ap.add_argument("--top", type=int, default=25, help="rows per list (default 25)")
    ap.add_argument("--keep", default=None, help="folder to keep the raw stacks in")
    args = ap.parse_args(argv)
    peer, workload = PEERS.get(args.peer), WORKLOADS.get(args.workload)
    if peer is None or peer.kind != "python":
        raise SystemExit("--peer must be a Python peer: %s" % ", ".join(
            p for p in PEERS if PEERS[p].kind == "python"))
    if workload is None or workload.mode == "idle":
        raise SystemExit("--workload must be a traffic workload")
    if not 1 <= args.seconds <= 120:
        raise SystemExit("--seconds 1..120")
    spy = shutil.which("py-spy")
    if not spy:
        raise SystemExit("py-spy is not installed: pip install py-spy")
    raise_nofile(workload.conns + 1024)
    cpus = pick_cpus()
    binaries = build.build_all()
    workdir = tempfile.mkdtemp(prefix="gnet-bench-profile-")
    raw_path = os.path.join(args.keep or workdir, "%s-%s.raw.txt" % (peer.name, workload.name))
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    unix_path = os.path.join(workdir, "echo.sock") if workload.unix else None
    server = Server(peer, binaries, cpus[0], workdir, unix_path)
    try:
        server.wait_ready()
        warmup = 1.0
        lg = subprocess.Popen([binaries["loadgen"]]
                              + workload.loadgen_args(args.seconds + 1.0, warmup, 0)
                              + server.loadgen_target(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=_pin(cpus[1]))
        time.sleep(warmup)
        cmd = [spy, "record", "--pid", str(server.pid), "--duration", str(int(args.seconds)),
               "--rate", str(args.rate), "--format", "raw", "--output", raw_path]
        # --native must pause the process to unwind its C stack; without it, sample live.
        cmd.append("--native" if args.native else "--nonblocking")
        spy_run = subprocess.run(cmd, capture_output=True, text=True,
                                 timeout=args.seconds + 60, preexec_fn=_pin(cpus[1]))
        out, err = lg.communicate(timeout=args.seconds + 90)
        if spy_run.returncode != 0 or not os.path.exists(raw_path):
            raise SystemExit("py-spy failed (rc=%d): %s" % (spy_run.returncode,
                                                            spy_run.stderr.strip()[-800:]))
    finally:
        server.stop()
    with open(raw_path) as f:
        total, own, incl = summarise(f)
    try:
        result = json.loads(out.strip().splitlines()[-1])
        print("%s under %s while sampled: %.0f ops/s, server CPU %.1f us/op (perturbed by "
              "sampling)" % (peer.name, workload.name, result["ops"] / result["window_s"],
                             result["server_cpu_s"] * 1e6 / max(1, result["ops"])))
    except (ValueError, IndexError, KeyError, ZeroDivisionError):
        print("load generator: %s" % err.strip()[-300:])
    print("%d samples (idle time in the loop is not sampled)\n" % total)
    for title, counter in (("self (running in the function)", own),
                           ("inclusive (the function on the stack)", incl)):
        print(title)
        for name, n in counter.most_common(args.top):
            print("  %5.1f%%  %s" % (100.0 * n / max(1, total), name))
        print()
    if args.keep:
        print("raw stacks: %s" % raw_path)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
