"""What the TLS tests share: the test certificates, a listening server, a
wait on an event, and a Node peer process (tests/interop/*.js).

The certificates are made once a session by ``compat/tls_certs.py`` (trustme)
and reach the tests through the ``certdir``, ``certs`` and ``server_opts``
fixtures of tests/conftest.py; ``read`` is for helpers that are handed the
directory. Every wait here is on an event, with a timeout as a guard only.
"""
import json
import os
import subprocess

import gevent
import gevent.event

import gnet

INTEROP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "interop")


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
