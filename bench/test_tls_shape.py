"""The bare TLS shape servers (bench/servers/tls_shape.py) echo every byte, in order.

Their figures in ``python -m bench.tls`` mean something only if they do: each
is sent 50 MB of random bytes over TLS, the echo read only when it takes no
more (so that its own sends meet a full kernel and it must stop reading), and the echo's sha256 must be the input's.
"""

import hashlib
import json
import os
import random
import selectors
import socket
import ssl
import subprocess
import sys

import pytest

from bench.peers import REPO, SERVERS

SIZE = 50 * 1000 * 1000
CHUNK = 65536


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    pytest.importorskip("trustme")
    from compat import tls_certs
    return tls_certs.write(str(tmp_path_factory.mktemp("certs")))


@pytest.mark.parametrize("shape", ["sslobject", "sslsocket", "sslsocket-ra"])
def test_shape_server_echoes_50_mb_intact(shape, certs):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (REPO, os.environ.get("PYTHONPATH")))))
    proc = subprocess.Popen([sys.executable, os.path.join(SERVERS, "tls_shape.py"), "--shape", shape,
                             "--port", "0", "--certs", certs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("ready port="), proc.stderr.read()
        port = int(line.split("=")[1])
        payload = random.Random(shape).randbytes(SIZE)
        ctx = ssl.create_default_context(cafile=os.path.join(certs, "ca.pem"))
        with socket.create_connection(("127.0.0.1", port), timeout=60) as raw, \
                ctx.wrap_socket(raw, server_hostname="localhost") as conn:
            # One thread, non-blocking: an SSLSocket must not be read and
            # written from two threads at once.
            conn.setblocking(False)
            view = memoryview(payload)
            digest = hashlib.sha256()
            sent = got = 0
            with selectors.DefaultSelector() as sel:
                sel.register(conn, selectors.EVENT_READ | selectors.EVENT_WRITE)
                while got < SIZE:
                    assert sel.select(30), "no progress after %d bytes sent, %d echoed" % (sent, got)
                    if sent < SIZE:
                        try:
                            sent += conn.send(view[sent:sent + CHUNK])
                            if sent == SIZE:
                                sel.modify(conn, selectors.EVENT_READ)
                            continue    # read only when the server takes no more: it meets a full kernel
                        except (ssl.SSLWantWriteError, ssl.SSLWantReadError):
                            pass
                    while True:
                        try:
                            data = conn.recv(CHUNK)
                        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                            break
                        assert data, "the server closed after %d of %d bytes" % (got, SIZE)
                        digest.update(data)
                        got += len(data)
            assert got == SIZE
            assert digest.hexdigest() == hashlib.sha256(payload).hexdigest()
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.parametrize("argv, named", [
    (["--peers", "gnet,nosuch"], "nosuch"),
    (["--workloads", "tls_pp2"], "tls_pp2"),
])
def test_bench_tls_refuses_an_unknown_peer_or_workload(argv, named, capsys):
    from bench import tls
    with pytest.raises(SystemExit) as exc:
        tls.main(argv)
    assert exc.value.code == 2 and named in capsys.readouterr().err


def test_micro_bench_prints_each_shape_with_its_ratio_to_sslobject(capsys):
    pytest.importorskip("trustme")
    from bench import tls_shape_micro
    assert tls_shape_micro.main(["--batches", "1", "--messages", "20", "--chunks", "2"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert set(rows) == {"sslobject", "sslsocket", "sslsocket-ra"}
    assert rows["sslobject"].count("1.00x") == 2


def test_bench_tls_out_writes_a_report_with_both_peers(tmp_path, capsys):
    pytest.importorskip("trustme")
    from bench import tls
    assert tls.main(["--rounds", "1", "--duration", "0.3", "--warmup", "0.1", "--workloads", "tls_pp100",
                     "--out", str(tmp_path)]) == 0
    (report,) = tmp_path.glob("tls-*.md")
    text = report.read_text()
    assert text.startswith("# TLS: gnet.tls beside Node's tls")
    rows = [line.split() for line in text.splitlines() if line.startswith("tls_pp100")]
    assert [row[1] for row in rows] == ["gnet", "node"]
    assert rows[1][-3] == "1.00x"       # Node against itself
    (data,) = tmp_path.glob("tls-*.json")
    assert {run["peer"] for run in json.loads(data.read_text())["runs"]} == {"gnet", "node"}
