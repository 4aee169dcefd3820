"""Every program in docs/migrating.md runs, in Node and in gnet, and both print the same.

The page pairs a JavaScript block with a Python block inside a
``side-by-side`` container, after a comment saying how to run the pair:

- ``% test: run``: run each program to its end;
- ``% test: server PORT``: the program listens on PORT; once it has printed
  its first line, a client connects, sends ``ping``, reads until that comes
  back, ends its side and reads until the program's socket ends; then the
  program must end by itself. Both programs must send the client the same.

Ports stand for what the test provides: 8124 is an echo server the test runs
(unless it is the program's own PORT), 8125 a port nothing listens on, and
8000 (or the PORT of ``server``) a free port for the program to listen on.
Each run gets real free ports in their place, and its output the placeholder
back, so that Node's and gnet's lines compare. The echo server and the client
are plain threads and sockets of the standard library, neither gnet nor Node.
"""
import os
import re
import socket
import subprocess
import sys
import threading

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.path.join(ROOT, "docs", "migrating.md")
ENV = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")
#: Seconds one program may run: a guard, never a wait.
LIMIT = 15

_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)
_PAIR = re.compile(r"^% test: (run|server \d+)\n\n:::\{container\} side-by-side\n(.*?)^:::$", re.S | re.M)


def read_pairs(path=PAGE):
    """``[(title, mode, js, python)]`` of the page, in order."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pairs = []
    for m in _PAIR.finditer(text):
        blocks = dict((lang, code) for lang, code in _FENCE.findall(m.group(2)))
        title = re.findall(r"^## (.*)$", text[:m.start()], re.M)[-1]
        pairs.append(("%s #%d" % (title, sum(1 for p in pairs if p[0].startswith(title + " #")) + 1),
                      m.group(1), blocks.get("js"), blocks.get("python")))
    return pairs


PAIRS = read_pairs()


def test_every_code_block_of_the_page_is_in_a_tested_pair():
    with open(PAGE, encoding="utf-8") as f:
        fences = _FENCE.findall(f.read())
    assert len(fences) == 2 * len(PAIRS) and len(PAIRS) >= 10
    assert all(js and py for _, _, js, py in PAIRS)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EchoServer:
    """Echoes each connection's bytes and ends it when the peer ends, on
    127.0.0.1 and ::1 (a program may connect to 'localhost')."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET)
        if self.sock.family == socket.AF_INET6:
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            self.sock.bind(("::", 0))
        else:
            self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._echo, args=(conn,), daemon=True).start()

    @staticmethod
    def _echo(conn):
        with conn:
            try:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    conn.sendall(data)
                conn.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self):
        self.sock.close()


@pytest.fixture(scope="module")
def echo():
    server = EchoServer()
    yield server
    server.close()


def _run(argv, code, mode, echo_port):
    own = int(mode.split()[1]) if mode.startswith("server") else 8000
    ports = {8124: echo_port, 8125: _free_port(), own: _free_port()}
    for placeholder, port in ports.items():
        code = re.sub(r"\b%d\b" % placeholder, str(port), code)
    proc = subprocess.Popen(argv + [code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                            cwd=ROOT, text=True, encoding="utf-8")
    received = None
    try:
        if mode.startswith("server"):
            first = proc.stdout.readline()
            received = _client(ports[own]) if first else None
            out, err = proc.communicate(timeout=LIMIT)
            out = first + out
        else:
            out, err = proc.communicate(timeout=LIMIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    for placeholder, port in ports.items():
        out = out.replace(str(port), str(placeholder))
    return out, err, proc.returncode, received


def _client(port):
    """Connect, send ``ping``, read until it comes back (or the peer ends),
    then end and read until the peer ends: what the client received."""
    with socket.create_connection(("127.0.0.1", port), timeout=LIMIT) as c:
        c.sendall(b"ping\n")
        received = b""
        ended = False
        while not received.endswith(b"ping\n"):
            data = c.recv(65536)
            if not data:
                ended = True
                break
            received += data
        if not ended:
            c.shutdown(socket.SHUT_WR)
            while True:
                data = c.recv(65536)
                if not data:
                    break
                received += data
        return received


@pytest.mark.parametrize("title, mode, js, py", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_python_program_prints_what_the_javascript_program_prints(title, mode, js, py, echo):
    node = _run(["node", "-e"], js, mode, echo.port)
    gnet = _run([sys.executable, "-c"], py, mode, echo.port)
    assert node[2] == gnet[2], "exit status: node %s, gnet %s\n%s" % (node[2], gnet[2], gnet[1])
    assert not gnet[1], gnet[1]
    assert gnet[0] == node[0]
    assert gnet[3] == node[3]
    assert node[0].strip(), "the JavaScript program printed nothing"
    assert mode == "run" or node[3], "the server sent its client nothing"
