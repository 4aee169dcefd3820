"""Real peers for the tests that drive whole programs (test_examples.py,
test_gevent_stacks.py): any program's output read line by line, and the
scripted Node peer tests/clients/driver.js.

Both build on test_gunicorn's ``Master`` (its reader greenlet and
``wait_for``), so a program's output is read while the test waits on
gevent, and the suite's deadline holds.
"""

import collections
import json
import os
import shutil
import subprocess

import gevent
import pytest
from gevent.queue import Queue

from test_gunicorn import Master

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(ROOT, "tests", "clients", "driver.js")
ENV = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")


class Program(Master):
    """Any program's output, line by line, with test_gunicorn's ``wait_for``."""

    def __init__(self, *argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, env=env or ENV, cwd=ROOT)
        self.lines = []
        self.new = Queue()
        self.reader = gevent.spawn(self._read)

    def close(self):
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
        super().close()

    def output(self):
        return "".join(self.lines)


class Node(Program):
    """tests/clients/driver.js: commands in, one JSON event per line out, kept per socket id."""

    def __init__(self):
        super().__init__("node", DRIVER)
        self.events = collections.defaultdict(collections.deque)

    def do(self, cmd, id, **args):
        self.proc.stdin.write((json.dumps(dict(args, cmd=cmd, id=id)) + "\n").encode())
        self.proc.stdin.flush()

    def next(self, id, timeout=10):
        """The next event of socket or server ``id``."""
        queue = self.events[id]
        with gevent.Timeout(timeout, AssertionError("no event for %r; node said:\n%s" % (id, self.output()))):
            while not queue:
                line = self.new.get()
                assert line is not None, "node ended:\n" + self.output()
                try:
                    event = json.loads(line)
                except ValueError:
                    raise AssertionError("node said:\n" + self.output()) from None
                self.events[event["id"]].append(event)
        return queue.popleft()

    def expect(self, id, event, **fields):
        got = self.next(id)
        assert got["event"] == event and all(got.get(k) == v for k, v in fields.items()), \
            "%s: wanted %s %r, got %r" % (id, event, fields, got)
        return got

    def line(self, id):
        return self.expect(id, "line")["line"]

    def gather(self, id, *names):
        """``id``'s events up to the last of ``names``, in whatever order they
        come, by name; fails on an 'error'."""
        seen = {}
        while not set(names) <= set(seen):
            event = self.next(id)
            assert event["event"] != "error", event
            seen[event["event"]] = event
        return seen

    def closes(self, id):
        """The events up to ``id``'s 'close', 'close' included."""
        seen = [self.next(id)]
        while seen[-1]["event"] != "close":
            seen.append(self.next(id))
        return seen


@pytest.fixture
def programs():
    started = []

    def start(program):
        started.append(program)
        return program

    yield start
    for program in started:
        program.close()


@pytest.fixture
def node(programs):
    if shutil.which("node") is None:
        pytest.skip("needs node")
    return programs(Node())
