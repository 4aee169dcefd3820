"""The benchmark harness runs end to end (python -m gnet bench --quick), on one workload."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_quick_bench_measures_gnet_and_node_side_by_side(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "gnet", "bench", "--quick", "--workloads", "pp1", "--peers", "gnet,node",
         "--out", str(tmp_path), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = [name for name in os.listdir(tmp_path) if name.endswith(".json")]
    assert results
    with open(os.path.join(tmp_path, results[0]), encoding="utf-8") as f:
        data = json.load(f)
    # One successful measurement per peer, with figures in it.
    assert sorted((r["peer"], r["ok"]) for r in data["records"]) == [("gnet", True), ("node", True)]
    for peer in ("gnet", "node"):
        row = data["summary"]["pp1"][peer]
        assert row["rounds"] == 1 and row["rate"] > 0 and row["cpu"] > 0


def test_scale_bench_runs_gunicorn_workers_beside_node_cluster(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "bench.scale", "--rounds", "1", "--duration", "0.3", "--warmup", "0.1",
         "--conns", "10", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    [result] = [name for name in os.listdir(tmp_path) if name.endswith(".json")]
    with open(os.path.join(tmp_path, result), encoding="utf-8") as f:
        data = json.load(f)
    measured = sorted((r["server"], r["workers"], r["ok"]) for r in data["records"])
    assert measured == [("gnet-gunicorn", 1, True), ("gnet-gunicorn", 2, True),
                        ("node-cluster", 1, True), ("node-cluster", 2, True)]
    assert all(r["rate"] > 0 for r in data["records"])


def test_soak_at_small_scale_loses_nothing_and_leaks_nothing(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "bench.soak", "--scale", "small", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "No byte lost, no descriptor leaked, no server died." in proc.stdout
    [result] = [name for name in os.listdir(tmp_path) if name.endswith(".json")]
    with open(os.path.join(tmp_path, result), encoding="utf-8") as f:
        results = json.load(f)["results"]
    assert set(results) == {"busy", "churn", "churn-pipe", "stall", "resets"}
    for load in results.values():
        assert set(load) == {"gnet", "node"}
    assert results["busy"]["gnet"]["intact"] == results["busy"]["gnet"]["connections"]
    assert results["stall"]["gnet"]["intact"] is True


def test_longrun_samples_the_curve(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "bench.longrun", "--seconds", "2", "--every", "0.5",
                           "--conns", "40", "--servers", "gnet", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    [result] = [name for name in os.listdir(tmp_path) if name.endswith(".json")]
    with open(os.path.join(tmp_path, result), encoding="utf-8") as f:
        gnet_run = json.load(f)["results"]["gnet"]
    assert gnet_run["alive"] and gnet_run["counts"]["corrupt"] == 0
    assert len(gnet_run["samples"]) >= 4
    assert {"rss_kib", "fds", "greenlets", "watchers"} <= set(gnet_run["samples"][-1])
