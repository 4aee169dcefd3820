"""Cheap checks of the bench's own arithmetic and outputs: no server is started here.

(A smoke run of the whole harness is ``python -m gnet bench --quick``.)
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from bench import build, report
from bench.peers import SERVERS, baseline, baseline_tree, resolve
from bench.profile import summarise as summarise_stacks
from bench.run import _beside_gnet, parse_args, summarise
from bench.workloads import BY_NAME, figures


def loadgen_result(**kw):
    base = {"mode": "pingpong", "conns": 100, "established": 100, "size": 64, "window_s": 2.0,
            "ops": 200000, "bytes": 0, "errors": 0, "lost": 0, "p50_us": 900.5,
            "p99_us": 2000.5, "server_ticks": 200, "server_user_ticks": 80, "clk_tck": 100,
            "server_cpu_s": 2.0, "loadgen_cpu_s": 1.0, "machine_busy_ticks": 330,
            "rss_before_kb": 1000, "rss_after_kb": 1000}
    base.update(kw)
    return base


def test_pingpong_figures_are_per_message():
    f = figures(BY_NAME["pp100"], loadgen_result())
    assert f["rate"] == pytest.approx(100000)
    assert f["cpu"] == pytest.approx(10.0)          # 2 s / 200,000 messages
    assert f["server_busy"] == pytest.approx(1.0)
    assert f["loadgen_busy"] == pytest.approx(0.5)
    assert f["user_share"] == pytest.approx(0.4)
    assert f["others_busy"] == pytest.approx(0.15)  # (3.3 - 2 - 1) / 2


def test_bulk_figures_are_per_megabyte():
    f = figures(BY_NAME["bulk"], loadgen_result(mode="bulk", bytes=4_000_000_000, ops=61035))
    assert f["rate"] == pytest.approx(2000.0)       # MB/s
    assert f["cpu"] == pytest.approx(0.5)           # ms per MB


def test_idle_figure_is_rss_delta_per_connection():
    f = figures(BY_NAME["idle"], loadgen_result(mode="idle", established=1000, ops=0,
                                                window_s=0, rss_before_kb=20000,
                                                rss_after_kb=25000))
    assert f["kb_per_conn"] == pytest.approx(5.0)
    assert f["cpu"] is None and f["rate"] is None


def record(peer, workload, cpu, rate, rnd, ok=True, kb=None):
    figs = {"rate": rate, "cpu": cpu, "p50": 1.0, "p99": 2.0, "kb_per_conn": kb,
            "server_busy": 1.0, "loadgen_busy": 0.5, "user_share": 0.5, "others_busy": 0.0}
    return {"peer": peer, "workload": workload, "ok": ok, "error": None if ok else "x",
            "round": rnd, "figures": figs}


def synthetic_doc(with_baseline=False, with_pipe=False):
    recs = []
    for rnd, noise in enumerate((1.0, 1.1, 0.9), 1):
        if with_pipe:
            recs += [record("gnet-pipe", "pp100", 11 * noise, 85e3, rnd),
                     record("node-pipe", "pp100", 10 * noise, 95e3, rnd)]
        if with_baseline:
            recs += [record("gnet-base", "pp100", 12 * noise, 80e3, rnd),
                     record("gnet-base", "idle", None, None, rnd, kb=11.0)]
        recs += [record("gnet", "pp100", 10 * noise, 90e3, rnd),
                 record("node", "pp100", 8 * noise, 100e3, rnd),
                 record("c", "pp100", 5 * noise, 150e3, rnd),
                 record("gnet", "idle", None, None, rnd, kb=10.0),
                 record("node", "idle", None, None, rnd, kb=5.0),
                 record("c", "idle", None, None, rnd, kb=0.05)]
    recs.append(record("gnet", "pp100", 1000, 1, 4, ok=False))   # a failed run is left out
    peers, workloads = ["gnet", "node", "c"], ["pp100", "idle"]
    if with_baseline:
        peers.insert(1, "gnet-base")
    if with_pipe:
        peers += ["gnet-pipe", "node-pipe"]
    summary = summarise(recs, workloads, peers)
    machine = {"date": "2025-01-01 00:00 UTC", "gnet_commit": "abc1234", "gnet_dirty": False,
               "server_cpu": 1, "loadgen_cpu": 0,
               "nofile": {"soft": 20000, "hard": 20000, "soft_before": 1024,
                          "hard_before": 20000}}
    settings = {"rounds": 3, "duration": 3.0, "warmup": 0.5, "idle_conns": 10000,
                "peers": peers, "workloads": workloads, "skipped_peers": {},
                "baseline": {"ref": "main~5", "commit": "0123456789abcdef" * 2 + "01234567"}
                if with_baseline else None}
    doc = {"machine": machine, "settings": settings, "records": recs, "summary": summary}
    doc["targets"] = report.targets(summary)
    return doc


def test_medians_skip_failed_runs_and_ratios_are_to_node():
    doc = synthetic_doc()
    s = doc["summary"]
    assert s["pp100"]["gnet"]["rounds"] == 3
    assert s["pp100"]["gnet"]["cpu"] == pytest.approx(10.0)
    assert report.ratio(s, "pp100", "gnet", "cpu") == pytest.approx(1.25)
    assert report.ratio(s, "pp100", "gnet", "cpu", ref="c") == pytest.approx(2.0)


def test_targets_say_pass_or_fail():
    verdicts = {(t["target"], t["workload"]): t["pass"] for t in synthetic_doc()["targets"]}
    assert verdicts[("gnet CPU/op <= 0.8x Node", "pp100")] is False      # 1.25x
    assert verdicts[("gnet CPU/op <= 1.15x C floor", "pp100")] is False  # 2.0x
    assert verdicts[("gnet ops/s >= Node", "pp100")] is False            # 0.9x
    assert verdicts[("gnet memory/idle conn <= 0.8x Node", "idle")] is False  # 2.0x
    assert ("gnet pipe() CPU/op <= 0.9x Node pipe()", "pp100") not in verdicts   # not measured


def test_a_pipe_echo_is_measured_against_nodes_pipe_echo():
    doc = synthetic_doc(with_pipe=True)
    s = doc["summary"]
    assert report.ratio(s, "pp100", "gnet-pipe", "cpu") == pytest.approx(1.1)    # 11 / 10, not 11 / 8
    verdicts = {(t["target"], t["workload"]): t["pass"] for t in doc["targets"]}
    assert verdicts[("gnet pipe() CPU/op <= 0.9x Node pipe()", "pp100")] is False
    md = report.markdown(doc, "a machine", "x.svg", "x.json")
    assert "| pp100 | gnet pipe() | 3 |" in md and "÷ Node's `pipe()` echo" in md
    assert "Node pipe()" not in report.svg(doc, "a machine")     # the reference is the line at 1


def test_table_markdown_and_svg_render():
    doc = synthetic_doc()
    text = report.table(doc)
    assert "pp100" in text and "FAIL" in text and "1 run(s) failed" in text
    md = report.markdown(doc, "a machine", "x.svg", "x.json")
    assert "![ratios to Node](x.svg)" in md and "| pp100 | gnet | 3 |" in md
    root = ET.fromstring(report.svg(doc, "a machine"))   # well-formed XML
    assert root.tag.endswith("svg")


def test_baseline_peer_is_labelled_with_its_ref_and_has_its_ratio_to_node():
    doc = synthetic_doc(with_baseline=True)
    assert report.ratio(doc["summary"], "pp100", "gnet-base", "cpu") == pytest.approx(1.5)
    assert "gnet@main~5" in report.table(doc)
    md = report.markdown(doc, "a machine", "x.svg", "x.json")
    assert "| pp100 | gnet@main~5 | 3 |" in md and "gnet@main~5 at 0123456" in md
    assert "gnet@main~5" in report.svg(doc, "a machine")


def test_baseline_peer_joins_any_peer_list_beside_gnet():
    assert _beside_gnet(["node", "gnet", "c"]) == ["node", "gnet", "gnet-base", "c"]
    assert _beside_gnet(["node", "c"]) == ["gnet-base", "node", "c"]
    assert _beside_gnet(["c", "gnet-base", "gnet"]) == ["c", "gnet-base", "gnet"]


@pytest.mark.skipif(resolve("HEAD") is None, reason="not a git checkout")
def test_baseline_server_imports_gnet_from_the_refs_tree_not_the_work_tree(tmp_path):
    with baseline_tree(resolve("HEAD")) as tree:
        peer = baseline("HEAD", tree)
        assert peer.argv({}) == [sys.executable, os.path.join(SERVERS, "gnet_echo.py")]
        # What gnet_echo.py's "import gnet" finds: its own folder first on sys.path (as for
        # any script), then PYTHONPATH, then site-packages (where -e '.[test]' points here).
        probe = "import sys; sys.path[0] = %r; import gnet; print(gnet.__file__)" % SERVERS
        out = subprocess.run([sys.executable, "-c", probe], env=peer.environ(), cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == os.path.join(tree, "gnet", "__init__.py"), out.stderr
    assert not os.path.exists(tree)


@pytest.mark.parametrize("argv, named", [
    (["--baseline", "no-such-ref-for-gnet-bench"], "no-such-ref-for-gnet-bench"),
    (["--peers", "gnet,gnet-base"], "gnet-base"),
])
def test_baseline_refuses_a_missing_ref_or_a_baseline_peer_without_one(argv, named, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(argv)
    assert exc.value.code == 2 and named in capsys.readouterr().err


def test_quick_defaults_are_small():
    args = parse_args(["--quick"])
    assert args.rounds == 1 and args.duration <= 0.5 and args.idle_conns <= 1000
    full = parse_args([])
    assert full.rounds == 5 and full.duration == 3.0 and full.idle_conns == 10000


def test_py_spy_raw_stacks_are_summarised():
    lines = ["run (gnet/eventloop/loop.py:10);write (/x/gnet/net/socket.py:20) 3\n",
             "run (gnet/eventloop/loop.py:10);recv (gnet/net/socket.py:30) 1\n"]
    total, own, incl = summarise_stacks(lines)
    assert total == 4
    assert own.most_common(1)[0] == ("write (/x/gnet/net/socket.py)", 3)
    assert incl["run (gnet/eventloop/loop.py)"] == 4


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler")
def test_loadgen_builds_and_refuses_non_loopback_targets():
    binary = build.build("loadgen")
    proc = subprocess.run([binary, "pingpong", "--host", "10.0.0.1", "--port", "1"],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2 and "loopback" in proc.stderr
