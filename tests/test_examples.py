"""The programs in examples/, each driven by a real client.

- chat.py and the RESP server run as their users run them
  (``python examples/NAME.py 0``), and the test reads the port from their
  "listening on PORT" line;
- the proxy and the reconnecting client are imported and run in this process,
  where the test can see the sockets they pause and the attempts they make;
- the peers are real: Node (tests/clients/driver.js, scripted one JSON line
  at a time), the ``redis`` client, ``redis-cli``, a gunicorn master.

Every wait is on something a peer printed or an event a socket emitted,
bounded by a timeout; a program's output is read by a greenlet, so the
suite's deadline holds.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import signal
import subprocess
import importlib.util
import sys
import time

import gevent
import gevent.event
from gevent.event import AsyncResult
import pytest
import zope.event
from gevent.queue import Queue

import gnet
from test_gunicorn import GRACEFUL_TIMEOUT, Master, master_of  # noqa: F401 (master_of is a fixture)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
DRIVER = os.path.join(ROOT, "tests", "clients", "driver.js")
ENV = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


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


def example(name, *args, env=None):
    """``python examples/NAME.py ARGS``, and the port it says it listens on."""
    program = Program(sys.executable, os.path.join(EXAMPLES, name + ".py"), *args, env=dict(ENV, **(env or {})))
    port = int(program.wait_for(r"^listening on (\d+)")[0].group(1))
    return program, port


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


# ----------------------------------------------------------------------
# chat.py

def test_chat_names_broadcast_max_connections_who_and_leaving(programs, node):
    chat, port = example("chat", "0", env={"CHAT_MAX_CONNECTIONS": "3"})
    programs(chat)

    def join(id, *names):
        node.do("connect", id, port=port)
        node.expect(id, "connect")
        assert node.line(id) == "Welcome! Your name?"
        for name in names:
            node.do("write", id, data=name + "\n")
        return [node.line(id) for _ in names]

    assert join("alice", "alice") == ["Hi alice! Here: nobody yet."]
    assert join("bob", "bob") == ["Hi bob! Here: alice."]
    assert node.line("alice") == "* bob joined"
    # A taken name is asked again; a line may come in pieces, with CRLF.
    assert join("carol", "alice") == ["That name is empty or taken. Your name?"]
    node.do("write", "carol", data="car")
    node.do("write", "carol", data="ol\r\n")
    assert node.line("carol") == "Hi carol! Here: alice, bob."
    assert node.line("alice") == node.line("bob") == "* carol joined"

    # maxConnections is 3: a fourth connection is dropped, and the server says so.
    node.do("connect", "dave", port=port)
    assert chat.wait_for(r"^room full: dropped \S*127\.0\.0\.1:\d+$")
    assert [e["event"] for e in node.closes("dave") if e["event"] == "line"] == []

    # A message goes to everyone else; a character split between two writes arrives whole.
    message = "héllo 👋\n".encode()
    node.do("write", "alice", hex=message[:2].hex())
    node.do("write", "alice", hex=message[2:].hex())
    assert node.line("bob") == node.line("carol") == "alice: héllo 👋"
    # ... and not to the sender: alice's next line is the /who answer.
    node.do("write", "alice", data="/who\n")
    assert node.line("alice") == "3 connected, in the room: alice, bob, carol"

    # Leaving is announced, and frees a place.
    node.do("end", "bob")
    assert node.line("alice") == node.line("carol") == "* bob left"
    assert [e["event"] for e in node.closes("bob")] == ["end", "close"]
    assert join("erin") == []
    node.do("write", "carol", data="/who\n")
    assert node.line("carol") == "3 connected, in the room: alice, carol"

    # Ctrl-C: everyone is told, the server exits by itself once they have gone.
    chat.proc.send_signal(signal.SIGINT)
    for id in ("alice", "carol", "erin"):
        assert node.line(id) == "* server shutting down"
        assert [e["event"] for e in node.closes(id)] == ["end", "close"]
    chat.reader.join(timeout=5)
    assert chat.proc.wait(timeout=5) == 0
    assert "Traceback" not in chat.output()



def load(name):
    """examples/NAME.py imported as gunicorn imports it: nothing runs."""
    spec = importlib.util.spec_from_file_location("example_" + name, os.path.join(EXAMPLES, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def start(server):
    """``server.listen(0)`` on 127.0.0.1, and its port once it listens."""
    server.listen(0, "127.0.0.1")
    gnet.once(server, "listening", timeout=5000)
    return server.address()["port"]


# ----------------------------------------------------------------------
# proxy.py

@pytest.fixture
def proxy():
    """``create_proxy`` from examples/proxy.py, with every socket it makes:
    ``(server, accepted, upstreams)``, queues of the client and upstream sockets."""
    made = []
    upstreams = Queue()

    def watch(event):
        if isinstance(event, gnet.monitoring.ConnectionOpened) and event.server is None:
            upstreams.put(event.socket)

    def create(*args, **kwargs):
        server = load("proxy").create_proxy(*args, **kwargs)
        accepted = Queue()
        server.on("connection", accepted.put)
        made.append(server)
        return server, accepted, upstreams

    zope.event.subscribers.append(watch)
    yield create
    zope.event.subscribers.remove(watch)
    for server in made:
        if server.listening:
            server.close()


def test_proxy_holds_back_a_fast_sender_each_way_until_its_reader_reads(node, proxy):
    node.do("listen", "up", mode="hash")
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"])
    node.do("connect", "c", port=start(server), mode="hash")
    node.expect("c", "connect")
    node.expect("up", "connection", socket="up.1")
    client, upstream = accepted.get(timeout=5), upstreams.get(timeout=5)

    # What the proxy holds for each side, after each chunk it relays (these
    # listeners run after the proxy's own), and when it pauses each reader.
    most_held = {client: 0, upstream: 0}
    paused = {client: gevent.event.Event(), upstream: gevent.event.Event()}
    closed = {client: AsyncResult(), upstream: AsyncResult()}
    for src, dst in ((client, upstream), (upstream, client)):
        src.on("data", lambda chunk, dst=dst: most_held.__setitem__(dst, max(most_held[dst], dst.writableLength)))
        src.once("pause", paused[src].set)
        src.once("close", closed[src].set)

    # Both Node ends send as fast as they can and read nothing, until the
    # proxy has had to stop reading each of them.
    for reader in ("c", "up.1"):
        node.do("pause", reader)
    for sender in ("c", "up.1"):
        node.do("send", sender)
    for sock in (client, upstream):
        assert paused[sock].wait(timeout=10), "the proxy never paused a reader"
    for sender in ("c", "up.1"):
        node.do("stop", sender)
        node.do("resume", sender)

    # Everything sent arrives, and the proxy never held more than a chunk past
    # the high-water mark for either side.
    seen = {peer: node.gather(peer, "sent", "end", "close") for peer in ("c", "up.1")}
    for sender, receiver in (("c", "up.1"), ("up.1", "c")):
        sent, got = seen[sender]["sent"], seen[receiver]["end"]
        assert (got["bytes"], got["sha256"]) == (sent["bytes"], sent["sha256"])
        assert got["bytes"] > 4 * 1024 * 1024
    for sock in (client, upstream):
        assert most_held[sock] <= sock.writableHighWaterMark + 65536, most_held
        assert closed[sock].get(timeout=5) is False


def test_proxy_passes_half_close_through_and_closes_both_sides_when_done(node, proxy):
    node.do("listen", "up", allowHalfOpen=True)
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"])
    node.do("connect", "c", port=start(server))
    node.expect("c", "connect")
    node.expect("up", "connection", socket="up.1")
    client, upstream = accepted.get(timeout=5), upstreams.get(timeout=5)
    closed = {client: AsyncResult(), upstream: AsyncResult()}
    for sock in closed:
        sock.once("close", closed[sock].set)

    node.do("write", "c", data="ping\n")
    assert node.line("up.1") == "ping"
    node.do("write", "up.1", data="pong\n")
    assert node.line("c") == "pong"
    # The client ends its side; upstream sees 'end' and still answers.
    node.do("end", "c")
    node.expect("up.1", "end")
    node.do("write", "up.1", data="after your end\n")
    assert node.line("c") == "after your end"
    node.do("end", "up.1")
    assert [e["event"] for e in node.closes("c")] == ["end", "close"]
    assert [e["event"] for e in node.closes("up.1")] == ["close"]
    assert closed[client].get(timeout=5) is False
    assert closed[upstream].get(timeout=5) is False


def test_proxy_closes_the_client_when_upstream_refuses(node, proxy, capfd):
    refusing = gnet.createServer()
    port = start(refusing)
    refusing.close()
    server, accepted, upstreams = proxy(port)
    node.do("connect", "c", port=start(server))
    node.expect("c", "connect")
    assert [e["event"] for e in node.closes("c") if e["event"] != "error"] == ["end", "close"]
    assert "upstream: connect ECONNREFUSED 127.0.0.1:%d" % port in capfd.readouterr().err


def test_proxy_destroys_upstream_when_the_client_resets(node, proxy, capfd):
    node.do("listen", "up")
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"])
    node.do("connect", "c", port=start(server))
    node.expect("c", "connect")
    node.expect("up", "connection", socket="up.1")
    node.do("write", "c", data="ping\n")
    assert node.line("up.1") == "ping"
    node.do("reset", "c")
    assert [e["event"] for e in node.closes("up.1")] == ["end", "close"]
    assert "read ECONNRESET" in capfd.readouterr().err


def test_proxy_closes_both_sides_after_the_idle_timeout_and_not_before(node, proxy):
    node.do("listen", "up")
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"], idle_ms=400)
    node.do("connect", "c", port=start(server))
    node.expect("c", "connect")
    node.expect("up", "connection", socket="up.1")
    # Traffic one way or the other every 100 ms, for longer than the idle timeout.
    started = time.monotonic()
    for i in range(6):
        if i:
            gevent.sleep(0.1)       # pacing the traffic, not waiting for it
        sender, receiver = ("c", "up.1") if i % 2 else ("up.1", "c")
        node.do("write", sender, data="%d\n" % i)
        assert node.line(receiver) == str(i)
    assert time.monotonic() - started > 0.4
    # Then nothing: both sides are closed once the timeout has passed.
    quiet_since = time.monotonic()
    assert [e["event"] for e in node.closes("c")] == ["end", "close"]
    assert time.monotonic() - quiet_since >= 0.35
    assert [e["event"] for e in node.closes("up.1")] == ["end", "close"]
