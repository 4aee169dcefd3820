"""gnet.gunicorn.Worker under a real gunicorn master: serving, spread, HUP, TERM.

Every wait is on a line the master, a worker or the app prints, bounded by a
timeout; the clients are gevent sockets, so the suite's deadline holds.
"""
import json
import os
import re
import shutil
import signal
import sys
import textwrap
import time

import subprocess

import gevent
import gevent.os
import pytest
from gevent import socket
from gevent.pool import Pool
from gevent.queue import Queue

import gnet

gunicorn_worker = pytest.importorskip("gnet.gunicorn")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, PYTHONPATH=ROOT)

#: The test app: each connection is greeted with the worker's pid, then echoed.
APP = textwrap.dedent("""\
    import os
    import gnet

    def on_connection(c):
        c.write('%d\\n' % os.getpid())
        c.pipe(c)

    server = gnet.createServer(on_connection)
    # One write(2) per line: the workers and the master share the pipe, and a
    # line written in pieces can be cut by another process's line.
    server.on('listening', lambda: os.write(1, b'listening %d\\n' % os.getpid()))
""")

GRACEFUL_TIMEOUT = 3


def _control_socket_args():
    # gunicorn 23+ opens a control socket in ~/.gunicorn by default, shared by
    # every master on the machine: the tests' masters go without.
    from gunicorn.config import KNOWN_SETTINGS
    return ["--no-control-socket"] if any("--no-control-socket" in (s.cli or []) for s in KNOWN_SETTINGS) else []


class Master:
    """A gunicorn master as a subprocess, its output read line by line."""

    def __init__(self, cwd, app, *args):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-k", "gnet.gunicorn.Worker", "-b", "127.0.0.1:0",
             "--chdir", str(cwd), "--graceful-timeout", str(GRACEFUL_TIMEOUT), *_control_socket_args(),
             *args, app],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
        self.lines = []
        self.new = Queue()
        self.reader = gevent.spawn(self._read)

    def _read(self):
        fd = self.proc.stdout.fileno()
        gevent.os.make_nonblocking(fd)
        pending = b""
        while True:
            chunk = gevent.os.nb_read(fd, 65536)
            if not chunk:
                break
            pending += chunk
            *complete, pending = pending.split(b"\n")
            for line in complete:
                line = line.decode("utf-8", "replace") + "\n"
                self.lines.append(line)
                self.new.put(line)
        self.new.put(None)

    def wait_for(self, pattern, count=1, timeout=10):
        """The first ``count`` matches of ``pattern`` among the lines printed since the
        last wait, as match objects; fails after ``timeout`` seconds."""
        found = []
        with gevent.Timeout(timeout, AssertionError("no %r in:\n%s" % (pattern, "".join(self.lines)))):
            while len(found) < count:
                line = self.new.get()
                assert line is not None, "gunicorn ended:\n" + "".join(self.lines)
                match = re.search(pattern, line)
                if match:
                    found.append(match)
        return found

    def signal(self, signum):
        """Send ``signum`` to the master and wait until it says it handles it."""
        os.kill(self.proc.pid, signum)
        self.wait_for("Handling signal: %s" % signal.Signals(signum).name[3:].lower())

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.reader.join(timeout=5)
        self.proc.wait(timeout=5)
        self.proc.stdout.close()


@pytest.fixture
def master_of(tmp_path):
    masters = []

    def start(cwd, app, *args):
        masters.append(Master(cwd, app, *args))
        return masters[-1]

    yield start
    for master in masters:
        master.close()


def converse(conn, line):
    conn.sendall(line)
    got = b""
    while len(got) < len(line):
        chunk = conn.recv(65536)
        assert chunk, "the server ended the connection before echoing %r" % line
        got += chunk
    return got


def open_conn(port):
    """A connection and the worker pid it greets with."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=10)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    greeting = b""
    while not greeting.endswith(b"\n"):
        chunk = conn.recv(64)
        assert chunk, "no greeting"
        greeting += chunk
    return conn, int(greeting)


def open_many(port, n):
    return Pool(100).map(lambda _: open_conn(port), range(n))


def echo_all(conns, tag):
    def one(item):
        i, (conn, _) = item
        line = ("%s %d %s\n" % (tag, i, "x" * (i % 50))).encode()
        assert converse(conn, line) == line
    Pool(100).map(one, enumerate(conns))


def test_two_workers_serve_spread_reload_on_hup_and_stop_on_term(tmp_path, master_of):
    (tmp_path / "app.py").write_text(APP)
    master = master_of(tmp_path, "app:server", "-w", "2")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    old = {int(m.group(1)) for m in master.wait_for(r"^listening (\d+)", count=2)}
    assert len(old) == 2

    # A few hundred connections, each echoed, spread over both workers.
    conns = open_many(port, 300)
    assert {pid for _, pid in conns} == old
    echo_all(conns, "before")

    # HUP: two new workers; the old ones stop accepting but keep serving the
    # connections they have until those end.
    master.signal(signal.SIGHUP)
    new = {int(m.group(1)) for m in master.wait_for(r"^listening (\d+)", count=2)}
    assert len(new) == 2 and not new & old
    echo_all(conns, "during")
    for conn, _ in conns:
        conn.close()
    exited = {int(m.group(1)) for m in master.wait_for(r"Worker exiting \(pid: (\d+)\)", count=2)}
    assert exited == old

    conns = open_many(port, 200)
    assert {pid for _, pid in conns} == new
    echo_all(conns, "after")
    for conn, _ in conns[20:]:
        conn.close()
    held = conns[:20]

    # TERM: the master exits with 0 within graceful_timeout; a held connection
    # is still echoed meanwhile, then ended by the server.
    master.signal(signal.SIGTERM)
    started = time.monotonic()
    echo_all(held, "term")
    for conn, _ in held:
        assert conn.recv(64) == b""
    # Each worker ended by itself (one gunicorn kills logs no "Worker exiting").
    exited = {int(m.group(1)) for m in master.wait_for(r"Worker exiting \(pid: (\d+)\)", count=2)}
    assert exited == new
    master.wait_for("Shutting down: Master", timeout=GRACEFUL_TIMEOUT + 2)
    master.reader.join(timeout=2)
    assert master.proc.wait(timeout=2) == 0
    assert time.monotonic() - started < GRACEFUL_TIMEOUT + 1
    assert "Traceback" not in "".join(master.lines)


#: An app that ends its idle connections itself on TERM, as a Node program does
#: with process.on('SIGTERM'): the worker then exits long before graceful_timeout.
APP_ENDS_IDLE = APP + textwrap.dedent("""\
    conns = set()

    def track(c):
        conns.add(c)
        c.on('close', lambda: conns.discard(c))

    server.prependListener('connection', track)

    def on_sigterm(name, number):
        os.write(1, b'app got %s\\n' % name.encode())
        for c in list(conns):
            c.end()

    gnet.process.on('SIGTERM', on_sigterm)
""")


def test_term_reaches_the_apps_sigterm_listener_which_ends_idle_connections(tmp_path, master_of):
    (tmp_path / "app.py").write_text(APP_ENDS_IDLE)
    master = master_of(tmp_path, "app:server", "-w", "1", "--graceful-timeout", "30")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    pid = int(master.wait_for(r"^listening (\d+)")[0].group(1))
    conns = open_many(port, 20)
    echo_all(conns, "before")
    started = time.monotonic()
    os.kill(pid, signal.SIGTERM)
    master.wait_for(r"^app got SIGTERM")
    for conn, _ in conns:
        assert conn.recv(64) == b""         # ended by the app, not cut at the deadline
        conn.close()
    assert int(master.wait_for(r"Worker exiting \(pid: (\d+)\)")[0].group(1)) == pid
    assert time.monotonic() - started < 10  # far from the 30 s graceful_timeout
    assert "Traceback" not in "".join(master.lines)


def test_a_node_client_opening_hundreds_of_connections_is_served_by_both_workers(tmp_path, master_of):
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    (tmp_path / "app.py").write_text(APP)
    master = master_of(tmp_path, "app:server", "-w", "2")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    workers = {int(m.group(1)) for m in master.wait_for(r"^listening (\d+)", count=2)}
    proc = subprocess.run(["node", os.path.join(ROOT, "tests", "clients", "many.js"), str(port), "400"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    assert report["echoed"] == 400
    assert {int(pid) for pid in report["pids"]} == workers     # spread over both workers


def test_max_requests_retires_a_worker_after_that_many_connections(tmp_path, master_of):
    (tmp_path / "app.py").write_text(APP)
    master = master_of(tmp_path, "app:server", "-w", "1", "--max-requests", "5")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    first = int(master.wait_for(r"^listening (\d+)")[0].group(1))
    pids = []
    for i in range(5):
        conn, pid = open_conn(port)
        pids.append(pid)
        conn.close()
    assert pids == [first] * 5
    master.wait_for(r"Autorestarting worker")
    assert int(master.wait_for(r"Worker exiting \(pid: (\d+)\)")[0].group(1)) == first
    second = int(master.wait_for(r"^listening (\d+)")[0].group(1))
    conn, pid = open_conn(port)
    assert pid == second != first
    conn.close()


def test_quit_stops_a_worker_at_once_and_the_master_replaces_it(tmp_path, master_of):
    (tmp_path / "app.py").write_text(APP)
    master = master_of(tmp_path, "app:server", "-w", "1")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    first = int(master.wait_for(r"^listening (\d+)")[0].group(1))
    conn, pid = open_conn(port)
    assert converse(conn, b"ping\n") == b"ping\n"
    started = time.monotonic()
    os.kill(first, signal.SIGQUIT)
    assert conn.recv(64) == b""
    assert time.monotonic() - started < GRACEFUL_TIMEOUT / 2
    assert int(master.wait_for(r"Worker exiting \(pid: (\d+)\)")[0].group(1)) == first
    second = int(master.wait_for(r"^listening (\d+)")[0].group(1))
    conn, pid = open_conn(port)
    assert pid == second != first
    conn.close()
    assert "Traceback" not in "".join(master.lines)


def test_post_fork_and_worker_exit_hooks_run_for_each_worker(tmp_path, master_of):
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "conf.py").write_text(textwrap.dedent("""\
        import os

        def post_fork(server, worker):
            os.write(1, b'post_fork %d\\n' % worker.pid)

        def worker_exit(server, worker):
            os.write(1, b'worker_exit %d\\n' % worker.pid)
    """))
    master = master_of(tmp_path, "app:server", "-w", "1", "-c", str(tmp_path / "conf.py"))
    forked = int(master.wait_for(r"^post_fork (\d+)")[0].group(1))
    assert int(master.wait_for(r"^listening (\d+)")[0].group(1)) == forked
    master.signal(signal.SIGTERM)
    assert int(master.wait_for(r"^worker_exit (\d+)")[0].group(1)) == forked
    master.wait_for("Shutting down: Master", timeout=GRACEFUL_TIMEOUT + 2)
    master.reader.join(timeout=2)
    assert master.proc.wait(timeout=2) == 0


def test_the_echo_example_runs_under_gunicorn(master_of):
    master = master_of(os.path.join(ROOT, "examples"), "echo:server", "-w", "1")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    conn = socket.create_connection(("127.0.0.1", port), timeout=10)
    conn.sendall(b"ping\r\n")
    want = b"hello\r\nping\r\n"
    got = b""
    while len(got) < len(want):
        chunk = conn.recv(64)
        assert chunk, got
        got += chunk
    assert got == want
    conn.close()
    master.wait_for("client disconnected")
    master.signal(signal.SIGTERM)
    master.wait_for("Shutting down: Master", timeout=GRACEFUL_TIMEOUT + 2)
    master.reader.join(timeout=2)
    assert master.proc.wait(timeout=2) == 0


# ----------------------------------------------------------------------
# what the app may be (no gunicorn process needed)

def test_a_server_is_served_as_it_is():
    server = gnet.createServer()
    assert gunicorn_worker._server_maker(server, 1)() is server


def test_a_server_serves_one_address_only():
    with pytest.raises(TypeError, match="function returning a new gnet.Server"):
        gunicorn_worker._server_maker(gnet.createServer(), 2)


def test_a_callable_without_arguments_is_a_factory_called_per_listener():
    made = []

    def factory():
        made.append(gnet.createServer())
        return made[-1]
    maker = gunicorn_worker._server_maker(factory, 2)
    assert maker() is made[0] and maker() is made[1]


def test_a_factory_must_return_a_server():
    with pytest.raises(TypeError, match="not a gnet.Server"):
        gunicorn_worker._server_maker(lambda: 42, 1)()


def test_a_callable_taking_a_socket_is_a_connection_listener():
    def on_connection(sock):
        pass
    server = gunicorn_worker._server_maker(on_connection, 1)()
    assert isinstance(server, gnet.Server)
    assert server.listeners("connection") == [on_connection]


def test_anything_else_is_refused():
    with pytest.raises(TypeError, match="a gnet app is"):
        gunicorn_worker._server_maker(42, 1)
