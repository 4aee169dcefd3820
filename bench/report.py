"""The bench's outputs: the terminal table, the targets, the Markdown report, the SVG chart.

Every ratio is a peer's median divided by its reference's median for the
same workload in the same run: Node's echo, or for a ``pipe()`` echo, Node's
``pipe()`` echo (``Peer.reference``). The SVG is written by hand (no plotting library).
"""

import math
import os
from xml.sax.saxutils import escape

from bench.peers import BASELINE, BASELINE_LABEL, BY_NAME as PEERS, FLOOR, REFERENCE
from bench.workloads import BY_NAME as WORKLOADS, TRAFFIC

#: One colour per peer (Node, the reference, is the line at 1).
COLOURS = {
    "gnet": "#d62728", "node": "#444444", "gevent": "#1f77b4", "asyncio-streams": "#9467bd",
    "asyncio-protocol": "#8c564b", "uvloop": "#2ca02c", "pyfloor": "#bcbd22", "c": "#7f7f7f",
    BASELINE: "#ff9896",   # gnet's red, paler: the gnet of --baseline REF
    "gnet-pure": "#f7b6d2",  # gnet's pure-Python build (GNET_PURE_PYTHON=1)
}
LOADGEN_BUSY = 0.9   #: above this the load generator may be what limits a row's rate
#: Issue 17's targets for gnet, each a ratio to its reference in the same run:
#: CPU per operation at most this x Node's, per workload (bulk: 0.5x);
CPU_TARGET = {"bulk": 0.5}
CPU_TARGET_DEFAULT = 0.8
PIPE_CPU_TARGET = 0.9      #: a pipe() echo's CPU per connection at most this x Node's pipe() echo
FLOOR_TARGET = 1.15        #: pp100's CPU per message at most this x the C floor
IDLE_TARGET = 0.8          #: memory per idle connection at most this x Node's


def stem(out_dir, date, kind="bench"):
    """``KIND-DATE``, or ``KIND-DATE-2``... when that name is taken in out_dir."""
    name, n = "%s-%s" % (kind, date), 1
    while any(os.path.exists(os.path.join(out_dir, name + ext)) for ext in (".json", ".md", ".svg")):
        n += 1
        name = "%s-%s-%d" % (kind, date, n)
    return name


def reference(peer):
    """The peer whose median ``peer``'s ratios divide by."""
    known = PEERS.get(peer)
    return known.reference if known is not None else REFERENCE


def is_reference(peer):
    """Whether ``peer`` is what some ratios are taken against (a line at 1, not a bar)."""
    return reference(peer) == peer


def ratio(summary, workload, peer, key, ref=None):
    if ref is None:
        ref = reference(peer)
    try:
        mine, theirs = summary[workload][peer].get(key), summary[workload][ref].get(key)
    except KeyError:
        return None
    if mine is None or not theirs:
        return None
    return mine / theirs


def peer_label(doc, peer):
    """What the tables call a peer; the --baseline peer's label names its ref."""
    base = doc["settings"].get("baseline")
    if peer == BASELINE and base:
        return BASELINE_LABEL % base["ref"]
    return PEERS[peer].label


def baseline_note(doc):
    """``"; gnet@REF at SHA"`` when the run had a --baseline peer, else ``""``."""
    base = doc["settings"].get("baseline")
    if not base:
        return ""
    return "; %s at %s" % (BASELINE_LABEL % base["ref"], base["commit"][:7])


def rounds_done(doc):
    return max((r.get("round") or 0 for r in doc["records"]), default=0)


def caveats(doc):
    """Sentences about how far this run's medians can be trusted."""
    out = []
    noise = sorted(r["figures"]["others_busy"] for r in doc["records"]
                   if r["ok"] and r["figures"].get("others_busy") is not None)
    if noise:
        out.append("Other processes used %s of a core in the median window, and %s in the "
                   "busiest." % (_pct(noise[len(noise) // 2]), _pct(noise[-1])))
    mn = doc["settings"].get("max_noise")
    if mn is not None:
        out.append("Runs during which other processes used more than %.2f of a core are left "
                   "out of the medians where quieter runs of the same peer and workload exist."
                   % mn)
    versions = gnet_versions(doc)
    if versions > 1:
        out.append("gnet/ changed during the run: %d versions of it were measured (each gnet "
                   "server reads the work tree when it starts)." % versions)
    return out


def gnet_versions(doc):
    """How many versions of gnet/ the run's gnet servers measured (more than 1:
    the work tree changed during the run)."""
    return len({r.get("gnet_tree") for r in doc["records"] if r.get("gnet_tree")})


# -- targets ----------------------------------------------------------------

def targets(summary):
    """Issue 17's targets for gnet, each measured, with pass/fail (None: not measured)."""
    rows = []

    def add(what, workload, value, op, limit):
        passed = None if value is None else (value <= limit if op == "<=" else value >= limit)
        rows.append({"target": what, "workload": workload, "ratio": value, "op": op,
                     "limit": limit, "pass": passed})

    traffic = [w for w in summary if w in TRAFFIC]
    for w in traffic:
        limit = CPU_TARGET.get(w, CPU_TARGET_DEFAULT)
        add("gnet CPU/op <= %gx Node" % limit, w, ratio(summary, w, "gnet", "cpu"), "<=", limit)
    for w in traffic:
        if "gnet-pipe" in summary[w]:
            add("gnet pipe() CPU/op <= %gx Node pipe()" % PIPE_CPU_TARGET, w,
                ratio(summary, w, "gnet-pipe", "cpu"), "<=", PIPE_CPU_TARGET)
    if "pp100" in summary:
        add("gnet CPU/op <= %gx C floor" % FLOOR_TARGET, "pp100",
            ratio(summary, "pp100", "gnet", "cpu", ref=FLOOR), "<=", FLOOR_TARGET)
    for w in traffic:
        add("gnet ops/s >= Node", w, ratio(summary, w, "gnet", "rate"), ">=", 1.0)
    if "idle" in summary:
        add("gnet memory/idle conn <= %gx Node" % IDLE_TARGET, "idle",
            ratio(summary, "idle", "gnet", "kb_per_conn"), "<=", IDLE_TARGET)
    return rows


def _verdict(row):
    return {True: "pass", False: "FAIL", None: "n/a"}[row["pass"]]


# -- the terminal table -----------------------------------------------------

def _num(x, digits=3):
    """A figure with about three significant digits; k/M for big ones."""
    if x is None:
        return "-"
    if abs(x) >= 1e6:
        return "%.2fM" % (x / 1e6)
    if abs(x) >= 1e4:
        return "%.1fk" % (x / 1e3)
    if abs(x) >= 100:
        return "%.0f" % x
    if abs(x) >= 10:
        return "%.1f" % x
    return "%.2f" % x


def _x(r):
    return "-" if r is None else "%.2f" % r


def _pct(x):
    return "-" if x is None else "%.0f%%" % (100 * x)


def table(doc):
    summary, settings = doc["summary"], doc["settings"]
    peers = settings["peers"]
    lines = ["", "gnet bench: medians of %d round(s), %.1f s each; x = ratio to Node's median (pipe() peers: Node pipe()'s)"
             % (rounds_done(doc), settings["duration"])]
    for w in settings["workloads"]:
        wl = WORKLOADS[w]
        lines.append("")
        if wl.mode == "idle":
            lines.append("%s: idle memory, %d connections open (RSS delta / connections)"
                         % (w, settings["idle_conns"]))
            lines.append("  %-20s %2s %9s %6s %7s" % ("peer", "n", "KiB/conn", "x", "spread"))
            for p in peers:
                row = summary[w][p]
                lines.append("  %-20s %2d %9s %6s %7s" % (
                    peer_label(doc, p), row["rounds"], _num(row.get("kb_per_conn")),
                    _x(ratio(summary, w, p, "kb_per_conn")), _spread(row, "kb_per_conn")))
            continue
        lines.append("%s: %s" % (w, wl.title))
        lines.append("  %-20s %2s %9s %6s %9s %6s %7s %5s %8s %8s %7s %7s" % (
            "peer", "n", wl.rate_unit, "x", "CPU " + wl.cpu_unit.split("/")[0], "x", "spread",
            "user", "p50 us", "p99 us", "server", "loadgen"))
        for p in peers:
            row = summary[w][p]
            if not row["rounds"]:
                lines.append("  %-22s (no successful round)" % peer_label(doc, p))
                continue
            busy = row.get("loadgen_busy")
            flag = "!" if busy is not None and busy > LOADGEN_BUSY else " "
            lines.append("  %-20s %2d %9s %6s %9s %6s %7s %5s %8s %8s %7s %6s%s" % (
                peer_label(doc, p), row["rounds"], _num(row.get("rate")), _x(ratio(summary, w, p, "rate")),
                _num(row.get("cpu")), _x(ratio(summary, w, p, "cpu")), _spread(row, "cpu"),
                _pct(row.get("user_share")), _num(row.get("p50")), _num(row.get("p99")),
                _pct(row.get("server_busy")), _pct(busy), flag))
    lines.append("")
    lines.append("  n = runs in the median; CPU = the server's utime+stime per op (ms/MB for bulk);")
    lines.append("  spread = half the range over rounds / median; user = user time's share of the")
    lines.append("  server's CPU (the rest is kernel); server, loadgen = CPU busy (one core = 100%);")
    lines.append("  ! = load generator over %d%% busy: that row's rate is a lower bound."
                 % (100 * LOADGEN_BUSY))
    for sentence in caveats(doc):
        lines.append("  " + sentence)
    rows = doc.get("targets") or []
    if rows:
        lines.append("")
        lines.append("targets (not goals of this harness; measured and reported):")
        for row in rows:
            lines.append("  %-32s %-9s %7s  (%s %.2fx)  %s" % (
                row["target"], row["workload"],
                "-" if row["ratio"] is None else "%.2fx" % row["ratio"], row["op"],
                row["limit"], _verdict(row)))
    failed = [r for r in doc["records"] if not r["ok"]]
    if failed:
        lines.append("")
        lines.append("%d run(s) failed and are left out of the medians:" % len(failed))
        for r in failed[:20]:
            lines.append("  round %s %s/%s: %s" % (r.get("round"), r["workload"], r["peer"],
                                                   short_error(r["error"])))
    return "\n".join(lines)


def short_error(text, width=200):
    """An error on one line: a traceback becomes its first line and its last."""
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    if len(lines) > 1:
        text = "%s ... %s" % (lines[0], lines[-1])
    elif lines:
        text = lines[0]
    return text if len(text) <= width else text[:width - 3] + "..."


def _spread(row, key):
    s = row.get(key + "_spread")
    return "-" if s is None else "±%.0f%%" % (100 * s)


# -- Markdown ---------------------------------------------------------------

def markdown(doc, machine_line, svg_name, json_name):
    m, s, summary = doc["machine"], doc["settings"], doc["summary"]
    quiet = " (quieter runs only)" if s.get("max_noise") is not None else ""
    out = ["# gnet bench, %s%s" % (m["date"], quiet), "",
           "Machine: %s." % machine_line, "",
           "Run: %d round(s) of %.1f s (after %.1f s warm-up) per peer and workload, peers "
           "interleaved; server on core %s, load generator on core %s; RLIMIT_NOFILE %s "
           "(was %s/%s); gnet at %s%s%s. Every round: [%s](%s)." % (
               rounds_done(doc), s["duration"], s["warmup"], m["server_cpu"], m["loadgen_cpu"],
               m["nofile"]["soft"], m["nofile"]["soft_before"], m["nofile"]["hard_before"],
               m["gnet_commit"], " (gnet/ modified)" if m["gnet_dirty"] else "",
               baseline_note(doc), json_name, json_name), ""]
    for sentence in caveats(doc):
        out += [sentence, ""]
    if s.get("skipped_peers"):
        out += ["Not measured: %s." % "; ".join("%s (%s)" % kv for kv in
                                               s["skipped_peers"].items()), ""]
    out += ["![ratios to Node](%s)" % svg_name, ""]
    if any(not is_reference(p) and reference(p) != REFERENCE for p in s["peers"]):
        out += ["× Node: each peer's median ÷ Node's; a `pipe()` echo's ÷ Node's `pipe()` echo.", ""]
    out += ["| workload | peer | n | rate | × Node | server CPU/op | × Node | user share | p50 µs "
            "| p99 µs | load gen busy |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for w in s["workloads"]:
        wl = WORKLOADS[w]
        if wl.mode == "idle":
            continue
        for p in s["peers"]:
            row = summary[w][p]
            busy = row.get("loadgen_busy")
            out.append("| %s | %s | %d | %s %s | %s | %s %s | %s | %s | %s | %s | %s%s |" % (
                w, peer_label(doc, p), row["rounds"], _num(row.get("rate")), wl.rate_unit,
                _x(ratio(summary, w, p, "rate")), _num(row.get("cpu")), wl.cpu_unit,
                _x(ratio(summary, w, p, "cpu")), _pct(row.get("user_share")),
                _num(row.get("p50")), _num(row.get("p99")),
                _pct(busy), " !" if busy is not None and busy > LOADGEN_BUSY else ""))
    if "idle" in s["workloads"]:
        out += ["", "Idle memory, %d connections open:" % s["idle_conns"], "",
                "| peer | KiB per idle connection | × Node |", "| --- | ---: | ---: |"]
        for p in s["peers"]:
            row = summary["idle"][p]
            out.append("| %s | %s | %s |" % (peer_label(doc, p), _num(row.get("kb_per_conn")),
                                             _x(ratio(summary, "idle", p, "kb_per_conn"))))
    rows = doc.get("targets") or []
    if rows:
        out += ["", "Targets for gnet (reported, not enforced):", "",
                "| target | workload | measured | limit | result |", "| --- | --- | ---: | ---: | --- |"]
        for r in rows:
            out.append("| %s | %s | %s | %s %.2f× | %s |" % (
                r["target"], r["workload"], "-" if r["ratio"] is None else "%.2f×" % r["ratio"],
                "≤" if r["op"] == "<=" else "≥", r["limit"], _verdict(r)))
    out += ["", "Workloads: " + "; ".join("`%s` %s" % (w, WORKLOADS[w].title)
                                          for w in s["workloads"]) + ".", "",
            "Rate: operations per second in the window (MB/s for bulk, 1 MB = 10^6 B). "
            "Server CPU/op: the server's utime+stime (all threads, /proc/PID/stat) over the "
            "window divided by the operations in it; user share: the part of it spent in user "
            "space (the rest is the kernel's). p50/p99: per operation, measured by the "
            "load generator. `!`: the load generator was over %d%% busy, so that rate is a lower "
            "bound (its CPU/op still holds). See bench/README.md." % (100 * LOADGEN_BUSY), ""]
    failed = [r for r in doc["records"] if not r["ok"]]
    if failed:
        out += ["%d run(s) failed and are left out of the medians:" % len(failed), ""]
        out += ["- round %s %s/%s: %s" % (r.get("round"), r["workload"], r["peer"],
                                          short_error(r["error"], 300)) for r in failed[:30]]
        out.append("")
    return "\n".join(out)


# -- the SVG chart ----------------------------------------------------------

def svg(doc, machine_line):
    """Two panels of bars on a log scale, each bar a peer's ratio to Node (the line at 1):
    rate (higher is better) and cost, server CPU per op and idle memory (lower is better)."""
    s, summary = doc["settings"], doc["summary"]
    peers = [p for p in s["peers"] if not is_reference(p)]
    traffic = [w for w in s["workloads"] if w in TRAFFIC]
    panels = [
        ("Throughput ÷ Node (higher is better)", [(w, w) for w in traffic], "rate"),
        ("Server CPU per operation, and memory per idle connection, ÷ Node (lower is better)",
         [(w, w) for w in traffic]
         + ([("idle", "idle memory")] if "idle" in s["workloads"] else []), "cost"),
    ]
    values = {}
    for _, groups, kind in panels:
        for w, _ in groups:
            for p in peers:
                if kind == "rate":
                    key = "rate"
                else:
                    key = "kb_per_conn" if WORKLOADS[w].mode == "idle" else "cpu"
                values[(kind, w, p)] = ratio(summary, w, p, key)
    def y_range(kind):
        finite = [v for (k, _, _), v in values.items() if k == kind and v and v > 0]
        if not finite:
            return 0.5, 2.0
        lo = 2.0 ** max(-7, min(-1, math.floor(math.log2(min(finite) / 1.6))))
        hi = 2.0 ** min(7, max(1, math.ceil(math.log2(max(finite) * 1.6))))
        return lo, hi

    width = 1000
    left, right = 70, 20
    panel_h, gap_top = 250, 105
    legend_h = 30
    height = gap_top + 2 * (panel_h + 75) + legend_h + 40
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
             'viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif">'
             % (width, height, width, height),
             '<rect width="100%" height="100%" fill="white"/>',
             _text(left, 28, "gnet bench: ratio to Node v20 net (median of %d round%s%s)"
                   % (rounds_done(doc), "" if rounds_done(doc) == 1 else "s",
                      ", quieter runs" if s.get("max_noise") is not None else ""),
                   18, weight="bold"),
             _text(left, 48, "%s  ·  %s" % (doc["machine"]["date"], machine_line), 11,
                   fill="#555")]
    if s.get("max_noise") is not None:
        parts.append(_text(left, 63, "runs during which other processes used over %.2f of a "
                           "core are left out where quieter ones exist" % s["max_noise"], 11,
                           fill="#555"))

    def y_of(v, top, lo, hi):
        v = min(max(v, lo), hi)
        return top + panel_h * (math.log2(hi) - math.log2(v)) / (math.log2(hi) - math.log2(lo))

    top = gap_top
    for title, groups, kind in panels:
        lo, hi = y_range(kind)
        parts.append(_text(left, top - 14, title, 13, weight="bold"))
        # grid: powers of two
        e = int(round(math.log2(lo)))
        while 2.0 ** e <= hi:
            v = 2.0 ** e
            y = y_of(v, top, lo, hi)
            parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="%s"/>'
                         % (left, y, width - right, y, "#222" if e == 0 else "#ddd",
                            "1.5" if e == 0 else "1"))
            label = ("%g" % v) if v >= 1 else "1/%d" % round(1 / v)
            parts.append(_text(left - 8, y + 4, label + "×", 10, anchor="end", fill="#555"))
            e += 1
        if kind == "cost":
            y = y_of(CPU_TARGET_DEFAULT, top, lo, hi)
            parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d62728" '
                         'stroke-dasharray="5,4" stroke-width="1"/>' % (left, y, width - right, y))
            parts.append(_text(width - right, top - 14, "dashed: gnet's CPU target, %g× Node (bulk: %g×)" % (CPU_TARGET_DEFAULT, CPU_TARGET["bulk"]), 10,
                               anchor="end", fill="#d62728"))
        n = max(1, len(groups))
        group_w = (width - left - right) / n
        bar_w = min(22.0, (group_w - 16) / max(1, len(peers)))
        base = y_of(1.0, top, lo, hi)
        for gi, (w, label) in enumerate(groups):
            gx = left + gi * group_w + (group_w - bar_w * len(peers)) / 2
            parts.append(_text(left + gi * group_w + group_w / 2, top + panel_h + 18, label, 11,
                               anchor="middle"))
            for pi, p in enumerate(peers):
                v = values[(kind, w, p)]
                x = gx + pi * bar_w
                if v is None or v <= 0:
                    parts.append(_text(x + bar_w / 2, base - 3, "–", 9, anchor="middle",
                                       fill="#999"))
                    continue
                y = y_of(v, top, lo, hi)
                y0, y1 = min(y, base), max(y, base)
                parts.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s">'
                             '<title>%s %s: %.3f× Node</title></rect>'
                             % (x + 1, y0, bar_w - 2, max(1.0, y1 - y0), COLOURS.get(p, "#999"),
                                escape(peer_label(doc, p)), escape(label), v))
                ty = y0 - 4 if v >= 1 else y1 + 4
                parts.append('<text x="%.1f" y="%.1f" font-size="9" fill="#333" '
                             'transform="rotate(-90 %.1f %.1f)" text-anchor="%s" '
                             'dominant-baseline="middle">%s</text>'
                             % (x + bar_w / 2, ty, x + bar_w / 2, ty,
                                "start" if v >= 1 else "end", _ratio_label(v, lo, hi)))
        top += panel_h + 75
    # legend
    lx, ly = left, top - 20
    parts.append(_text(lx, ly + 10, "Node = 1×", 11, weight="bold"))
    lx += 80
    for p in peers:
        parts.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                     % (lx, ly, COLOURS.get(p, "#999")))
        parts.append(_text(lx + 16, ly + 10, peer_label(doc, p), 11))
        lx += 24 + 7 * len(peer_label(doc, p))
    foot = ("gnet %s%s%s; %s s per run after %s s warm-up; server pinned to core %s, C load "
            "generator to core %s; log scale." % (
                doc["machine"]["gnet_commit"], " (modified)" if doc["machine"]["gnet_dirty"] else "",
                baseline_note(doc), s["duration"], s["warmup"], doc["machine"]["server_cpu"],
                doc["machine"]["loadgen_cpu"]))
    versions = gnet_versions(doc)
    if versions > 1:
        foot += " gnet/ changed during the run: %d versions measured." % versions
    parts.append(_text(left, ly + 40, foot, 10, fill="#555"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _ratio_label(v, lo, hi):
    text = "%.2f" % v if v >= 0.1 else "%.2g" % v
    if v < lo:
        text = "▼ " + text     # off the bottom of the scale
    elif v > hi:
        text += " ▲"
    return text


def _text(x, y, text, size, anchor="start", fill="#111", weight="normal"):
    return ('<text x="%.1f" y="%.1f" font-size="%d" fill="%s" text-anchor="%s" '
            'font-weight="%s">%s</text>' % (x, y, size, fill, anchor, weight, escape(str(text))))
