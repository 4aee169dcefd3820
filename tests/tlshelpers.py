"""What the TLS tests share: the test certificates, a listening server, a
wait on an event, a Node peer process (tests/interop/*.js), and gnet's side
of the exchange with tests/interop/exchange.js.

The certificates are made once a session by ``compat/tls_certs.py`` (trustme)
and reach the tests through the ``certdir``, ``certs`` and ``server_opts``
fixtures of tests/conftest.py; ``read`` is for helpers that are handed the
directory. Every wait here is on an event, with a timeout as a guard only.
"""
import hashlib
import json
import os
import subprocess

import gevent
import gevent.event

import gnet

INTEROP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "interop")
MB = 1 << 20
#: Bytes each way in an exchange with a Node peer: 8 MB keeps the suite fast;
#: ``GNET_TLS_INTEROP_MB`` sets another size by hand.
SIZE = int(os.environ.get("GNET_TLS_INTEROP_MB", "8")) * MB
GNET_SEED, NODE_SEED = 1, 2


def read(certdir, name):
    """The bytes of one file of the certificate set in ``certdir``."""
    with open(os.path.join(certdir, name), "rb") as f:
        return f.read()


class Certs:
    """The ``certs`` fixture: ``certs(name)`` is a file's bytes, ``certs.path(name)`` its path."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, name):
        return read(self.folder, name)

    def path(self, name):
        return os.path.join(self.folder, name)


def listen(server):
    """Listen on an ephemeral port of 127.0.0.1; the port, once 'listening'."""
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server.address()["port"]


def run_until(emitter, event, timeout=10000):
    """Block this greenlet until ``emitter`` emits ``event`` (an 'error' on the
    way is the test's to check, not a failure here); a guard, not a wait."""
    done = gevent.event.Event()
    emitter.once(event, lambda *_: done.set())
    assert done.wait(timeout / 1000.0), "no %r within %d ms" % (event, timeout)


class NodePeer:
    """A Node peer (``script``, a file of tests/interop/, given ``cfg`` as one
    JSON argument) whose JSON lines arrive as events, read by a greenlet."""

    #: The peer's file name in tests/interop/; each subclass names its own.
    script = None

    def __init__(self, **cfg):
        self.proc = subprocess.Popen(["node", os.path.join(INTEROP, self.script), json.dumps(cfg)],
                                     stdout=subprocess.PIPE)
        self.lines = []
        self.changed = gevent.event.Event()
        self.reader = gevent.spawn(self._read)

    def _read(self):
        from gevent.os import tp_read
        buf = b""
        fd = self.proc.stdout.fileno()
        while True:
            chunk = tp_read(fd, 65536)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self.lines.append(json.loads(line))
                self.changed.set()
        self.changed.set()

    def wait_for(self, key, timeout=15):
        """The value of the first line that has ``key``; a line with "error" first fails the test."""
        while True:
            for line in self.lines:
                if key in line:
                    return line[key]
                if "error" in line:
                    raise AssertionError("node: %s" % line["error"])
            self.changed.clear()
            assert not self.reader.ready(), "node ended without %r: %r" % (key, self.lines)
            assert self.changed.wait(timeout), "node said no %r in %ss: %r" % (key, timeout, self.lines)

    def close(self):
        self.reader.join(10)
        self.proc.wait(10)


def pattern(seed):
    """The 64 KiB block an exchange repeats, as exchange.js's ``pattern``."""
    return bytes((i * 7 + seed) & 0xFF for i in range(65536))


def expected_sha256(seed, size):
    """The sha256 of ``size`` bytes of ``pattern(seed)`` repeated."""
    block = pattern(seed)
    digest = hashlib.sha256()
    full, rest = divmod(size, len(block))
    for _ in range(full):
        digest.update(block)
    digest.update(block[:rest])
    return digest.hexdigest()


def exchange(sock):
    """gnet's side of the exchange (exchange.js is Node's): send SIZE bytes of
    ``pattern(GNET_SEED)``, hash what arrives; an AsyncResult of (bytes, sha256) at 'end'."""
    state = {"received": 0, "hash": hashlib.sha256(), "sent": 0}
    done = gevent.event.AsyncResult()
    block = pattern(GNET_SEED)

    def on_data(data):
        state["hash"].update(data)
        state["received"] += len(data)

    def pump():
        while state["sent"] < SIZE:
            n = min(len(block), SIZE - state["sent"])
            state["sent"] += n
            if not sock.write(block if n == len(block) else block[:n]):
                sock.once("drain", pump)
                return
        sock.end()

    sock.on("data", on_data)
    sock.on("end", lambda: done.set((state["received"], state["hash"].hexdigest())))
    sock.on("error", done.set_exception)
    pump()
    return done
