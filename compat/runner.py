"""Run every compat scenario in Node and in gnet and compare the traces.

A scenario is a pair under ``compat/scenarios/<area>/``: ``<name>.js`` run
with ``node`` and ``<name>.py`` run with this Python. Each prints a trace, one
line per observable event (see ``compat/trace.js`` and ``compat/trace.py``).
A scenario passes when both exit with status 0 and print the same lines.

A deliberate difference from Node is listed in ``compat/DIFFERENCES.md`` as a
line ``- `<area>/<name>`: <reason>``; the runner reports such a scenario as a
known difference instead of a failure, never as a silent skip.
"""

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCENARIOS = os.path.join(HERE, "scenarios")
DIFFERENCES = os.path.join(HERE, "DIFFERENCES.md")
REPORT = os.path.join(ROOT, "docs", "compat.md")

#: Seconds one half of a scenario may run before it counts as hung.
TIMEOUT = 60

PASS, FAIL, KNOWN = "pass", "FAIL", "known difference"


class Scenario:
    def __init__(self, area, name):
        self.area = area
        self.name = name
        self.id = "%s/%s" % (area, name)
        base = os.path.join(SCENARIOS, area, name)
        self.js = base + ".js"
        self.py = base + ".py"
        self.status = None
        self.detail = ""

    def covers(self):
        """The API elements the scenario names on its first line (``// covers: a, b``)."""
        with open(self.js, encoding="utf-8") as f:
            first = f.readline()
        m = re.match(r"\s*//\s*covers:\s*(.*)", first)
        return [c.strip() for c in m.group(1).split(",")] if m else []


def discover(selected=()):
    found = []
    for area in sorted(os.listdir(SCENARIOS)):
        folder = os.path.join(SCENARIOS, area)
        if not os.path.isdir(folder):
            continue
        names = sorted({f[:-3] for f in os.listdir(folder) if f.endswith(".js")}
                       | {f[:-3] for f in os.listdir(folder) if f.endswith(".py")})
        for name in names:
            s = Scenario(area, name)
            if not selected or any(sel in s.id for sel in selected):
                found.append(s)
    return found


def known_differences():
    known = {}
    if os.path.exists(DIFFERENCES):
        with open(DIFFERENCES, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"- `([^`]+)`:\s*(.*)", line)
                if m:
                    known[m.group(1)] = m.group(2).strip()
    return known


def _run(argv, cwd):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        return out.splitlines(), 124, "timed out after %ss" % TIMEOUT
    return (proc.stdout.decode("utf-8", "replace").splitlines(), proc.returncode,
            proc.stderr.decode("utf-8", "replace").strip())


def run_scenario(scenario, known):
    folder = os.path.dirname(scenario.js)
    if not os.path.exists(scenario.js) or not os.path.exists(scenario.py):
        scenario.status = FAIL
        scenario.detail = "missing its %s half" % ("JavaScript" if not os.path.exists(scenario.js) else "Python")
        return scenario
    if scenario.area == "tls":
        # One set of certificates per run, read by both halves (GNET_TLS_CERTS).
        from compat import tls_certs
        tls_certs.directory()
    node_out, node_rc, node_err = _run(["node", scenario.js], folder)
    py_out, py_rc, py_err = _run([sys.executable, scenario.py], folder)
    detail = ""
    if node_rc != 0:
        detail = "node exited %d: %s" % (node_rc, _last_line(node_err))
    elif py_rc != 0:
        detail = "python exited %d: %s" % (py_rc, _last_line(py_err))
    else:
        detail = first_difference(node_out, py_out)
    if not detail:
        scenario.status = PASS
    elif scenario.id in known:
        scenario.status = KNOWN
        scenario.detail = "%s (%s)" % (known[scenario.id], detail)
    else:
        scenario.status = FAIL
        scenario.detail = detail
    return scenario


def _last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else "(no output)"


def first_difference(expected, actual):
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            return "line %d: node %r, gnet %r" % (i + 1, e, a)
    if len(expected) != len(actual):
        i = min(len(expected), len(actual))
        if len(expected) > i:
            return "line %d: node %r, gnet ended" % (i + 1, expected[i])
        return "line %d: node ended, gnet %r" % (i + 1, actual[i])
    return ""


def run_all(selected=(), jobs=None, write_report=True, out=sys.stdout):
    if shutil.which("node") is None:
        raise SystemExit("compat: `node` is not on PATH; the suite needs Node v20 to compare against")
    scenarios = discover(selected)
    known = known_differences()
    jobs = jobs or max(2, (os.cpu_count() or 2) * 2)
    with ThreadPoolExecutor(jobs) as pool:
        for s in pool.map(lambda s: run_scenario(s, known), scenarios):
            line = "%-4s %s" % ("ok" if s.status == PASS else s.status, s.id)
            if s.detail:
                line += ": " + s.detail
            print(line, file=out, flush=True)
    passed = sum(s.status == PASS for s in scenarios)
    failed = sum(s.status == FAIL for s in scenarios)
    differing = sum(s.status == KNOWN for s in scenarios)
    summary = "%d passed, %d failed" % (passed, failed)
    if differing:
        summary += ", %d known differences" % differing
    print(summary, file=out)
    if write_report and not selected:
        write_markdown(scenarios, summary)
    return scenarios


def write_markdown(scenarios, summary):
    lines = ["# Conformance with Node's `net`", "",
             "Written by `python -m compat`: each scenario runs in Node (`node`) and in gnet,",
             "and passes when both print the same trace. Known differences are explained",
             "in `compat/DIFFERENCES.md`.", "",
             "**%s** of %d scenarios." % (summary, len(scenarios)), ""]
    areas = {}
    for s in scenarios:
        areas.setdefault(s.area, []).append(s)
    for area, items in areas.items():
        lines += ["## %s" % area, "", "| API element | scenario | result |", "| --- | --- | --- |"]
        for s in items:
            covers = ", ".join("`%s`" % c for c in s.covers()) or "—"
            lines.append("| %s | `%s` | %s |" % (covers, s.name, s.status))
        lines.append("")
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    with open(REPORT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
