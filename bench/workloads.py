"""The workloads, and how one load-generator result becomes the table's figures.

Figures of one measurement (``None`` where a figure does not apply):

- ``rate``: operations per second in the window (MB/s for bulk, 1 MB = 10^6 bytes).
- ``cpu``: the server's own CPU time (utime+stime of every thread, from
  /proc/PID/stat) per operation: µs per message or connection, ms per MB for bulk.
- ``p50``/``p99``: latency per operation in µs, measured by the load generator
  (send of the first byte to receipt of the last byte of the echo).
- ``kb_per_conn``: idle only; (server RSS after - before) / connections, in KiB.
- ``server_busy``/``loadgen_busy``: CPU time / window, 1.0 = one core flat out.
  A load generator near 1.0 means that row's rate is a lower bound.
- ``user_share``: the server's user time / its CPU time; the rest is system
  time, the kernel's work (system calls, and on loopback the TCP work of
  delivering what it sends). Against the C floor it shows how much of a
  peer's cost is its own code.
- ``others_busy``: CPU the rest of the machine used in the window (every
  other process, in cores; /proc/stat's busy time less server and load
  generator): how noisy the machine was.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Workload:
    name: str          #: what --workloads takes
    title: str
    mode: str          #: loadgen mode: pingpong, bulk, connrate, idle
    conns: int
    size: int = 64
    unix: bool = False
    window: int = 4    #: bulk: 64 KiB chunks in flight per connection
    rate_unit: str = "msg/s"
    cpu_unit: str = "µs/msg"

    def loadgen_args(self, duration, warmup, settle, conns=None):
        args = [self.mode, "--conns", str(conns or self.conns), "--size", str(self.size)]
        if self.mode == "idle":
            args += ["--settle", str(settle)]
        else:
            args += ["--duration", str(duration), "--warmup", str(warmup)]
        if self.mode == "bulk":
            args += ["--window", str(self.window)]
        return args


WORKLOADS = [
    Workload("pp1", "ping-pong 64 B, 1 connection", "pingpong", 1),
    Workload("pp100", "ping-pong 64 B, 100 connections", "pingpong", 100),
    Workload("pp1000", "ping-pong 64 B, 1,000 connections", "pingpong", 1000),
    Workload("bulk", "bulk echo, 64 KiB writes, 10 connections", "bulk", 10, size=65536,
             rate_unit="MB/s", cpu_unit="ms/MB"),
    Workload("connrate", "connection rate: connect, one 64 B exchange, close (16 at a time)",
             "connrate", 16, rate_unit="conn/s", cpu_unit="µs/conn"),
    Workload("unix100", "ping-pong 64 B, 100 connections, Unix socket", "pingpong", 100,
             unix=True),
    Workload("idle", "idle memory, 10,000 connections open", "idle", 10000,
             rate_unit="", cpu_unit=""),
]
BY_NAME = {w.name: w for w in WORKLOADS}
TRAFFIC = [w.name for w in WORKLOADS if w.mode != "idle"]


def figures(workload, result):
    """The figures of one load-generator result (a dict parsed from its JSON line)."""
    out = {"rate": None, "cpu": None, "p50": None, "p99": None, "kb_per_conn": None,
           "server_busy": None, "loadgen_busy": None, "user_share": None, "others_busy": None}
    if workload.mode == "idle":
        n = result.get("established") or 0
        before, after = result.get("rss_before_kb", -1), result.get("rss_after_kb", -1)
        if n and before >= 0 and after >= 0:
            out["kb_per_conn"] = (after - before) / n
        return out
    window, ops, cpu = result["window_s"], result["ops"], result["server_cpu_s"]
    if window <= 0 or ops <= 0:
        return out
    if workload.mode == "bulk":
        mb = result["bytes"] / 1e6
        out["rate"] = mb / window
        out["cpu"] = cpu * 1e3 / mb if cpu >= 0 and mb > 0 else None
    else:
        out["rate"] = ops / window
        out["cpu"] = cpu * 1e6 / ops if cpu >= 0 else None
    out["p50"] = result["p50_us"] if result["p50_us"] >= 0 else None
    out["p99"] = result["p99_us"] if result["p99_us"] >= 0 else None
    out["server_busy"] = cpu / window if cpu >= 0 else None
    busy, clk = result.get("machine_busy_ticks", -1), result.get("clk_tck") or 100
    if busy >= 0 and cpu >= 0:
        out["others_busy"] = max(0.0, (busy / clk - cpu - result["loadgen_cpu_s"]) / window)
    ticks, user = result.get("server_ticks", -1), result.get("server_user_ticks", -1)
    out["user_share"] = user / ticks if ticks > 0 and user >= 0 else None
    out["loadgen_busy"] = result["loadgen_cpu_s"] / window
    return out
