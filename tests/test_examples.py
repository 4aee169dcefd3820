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

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time

import gevent
import gevent.event
import pytest
import zope.event
from gevent import socket
from gevent.event import AsyncResult
from gevent.queue import Queue

import gnet
from peers import ENV, ROOT, Program, node, programs  # noqa: F401 (node, programs: fixtures)
from test_gunicorn import GRACEFUL_TIMEOUT, master_of  # noqa: F401 (master_of: a fixture)

EXAMPLES = os.path.join(ROOT, "examples")

#: Seconds a gevent timer may fire before a delay measured with time.monotonic()
#: has passed (libev measures from the time it cached at the start of the turn).
EARLY = 0.01


def example(name, *args, env=None):
    """``python examples/NAME.py ARGS``, and the port it says it listens on."""
    program = Program(sys.executable, os.path.join(EXAMPLES, name + ".py"), *args, env=dict(ENV, **(env or {})))
    port = int(program.wait_for(r"^listening on (\d+)")[0].group(1))
    return program, port


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



def test_chat_cuts_off_a_line_too_long_and_a_member_that_does_not_read(programs, node):
    chat, port = example("chat", "0")
    programs(chat)
    for id in ("alice", "bob", "carol"):
        node.do("connect", id, port=port)
        node.expect(id, "connect")
        assert node.line(id) == "Welcome! Your name?"
        node.do("write", id, data=id + "\n")
        assert node.line(id).startswith("Hi %s!" % id)
    assert [node.line("alice"), node.line("alice"), node.line("bob")] == ["* bob joined", "* carol joined",
                                                                           "* carol joined"]
    # carol sends more than MAX_LINE without a newline: she is told, and let go.
    node.do("write", "carol", data="x" * 5000)
    assert node.line("carol") == "Line too long, bye."
    assert [e["event"] for e in node.closes("carol")] == ["end", "close"]
    assert node.line("alice") == node.line("bob") == "* carol left"
    # alice stops reading while bob talks without end: once the server holds
    # MAX_BACKLOG bytes for her, it cuts her off instead of buffering on.
    node.do("pause", "alice")
    node.do("send", "bob")
    assert node.line("bob") == "* alice left"
    node.do("stop", "bob")
    assert [e["event"] for e in node.closes("bob")] == ["sent", "end", "close"]
    assert "Traceback" not in chat.output() and "client error" not in chat.output()


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
    # Each Node end half-open, so that each direction ends by itself.
    node.do("listen", "up", mode="hash", allowHalfOpen=True)
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"])
    node.do("connect", "c", port=start(server), mode="hash", allowHalfOpen=True)
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
    for peer in ("c", "up.1"):
        node.do("pause", peer)
        node.do("send", peer)
    for sock in (client, upstream):
        assert paused[sock].wait(timeout=10), "the proxy never paused a reader"
    # Then each stops sending and reads everything.
    for peer in ("c", "up.1"):
        node.do("stop", peer)
        node.do("resume", peer)

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
    server, accepted, upstreams = proxy(node.expect("up", "listening")["port"], idle_ms=300)
    node.do("connect", "c", port=start(server))
    node.expect("c", "connect")
    node.expect("up", "connection", socket="up.1")
    # Traffic one way or the other every 75 ms, for longer than the idle timeout.
    started = time.monotonic()
    for i in range(6):
        if i:
            gevent.sleep(0.075)     # pacing the traffic, not waiting for it
        sender, receiver = ("c", "up.1") if i % 2 else ("up.1", "c")
        node.do("write", sender, data="%d\n" % i)
        assert node.line(receiver) == str(i)
    assert time.monotonic() - started > 0.3
    # Then nothing: both sides are closed once the timeout has passed.
    quiet_since = time.monotonic()
    assert [e["event"] for e in node.closes("c")] == ["end", "close"]
    assert time.monotonic() - quiet_since >= 0.3 - EARLY
    assert [e["event"] for e in node.closes("up.1")] == ["end", "close"]


# ----------------------------------------------------------------------
# resp_server.py

@pytest.fixture(scope="module")
def resp_port():
    """One resp_server for the tests below (each uses keys of its own)."""
    program, port = example("resp_server", "0")
    yield port
    program.close()


def test_resp_server_answers_the_redis_client(resp_port):
    import redis        # the test extra installs it: this test always runs
    r = redis.Redis(port=resp_port, protocol=2, socket_timeout=5)
    assert r.ping() is True
    assert r.echo("héllo") == "héllo".encode()
    assert r.set("greeting", "hello") is True
    assert r.get("greeting") == b"hello"
    assert r.get("nothing") is None
    assert r.exists("greeting", "nothing", "greeting") == 2
    assert r.set("greeting", "again", nx=True) is None
    assert r.set("absent", "x", xx=True) is None
    assert r.delete("greeting", "nothing") == 1
    assert r.exists("greeting") == 0
    assert r.set(b"\x00\xffbinary\r\n", b"\r\n\x00") is True
    assert r.get(b"\x00\xffbinary\r\n") == b"\r\n\x00"

    # Expiry: a long one stays, a short one goes.
    assert r.set("long", "v", ex=100) is True
    assert r.set("short", "v", px=20) is True
    deadline = time.monotonic() + 5
    while r.exists("short") and time.monotonic() < deadline:
        time.sleep(0.005)          # the key's own 20 ms must pass
    assert r.exists("short") == 0
    assert r.get("long") == b"v"

    # Errors are RESP errors, with Redis's text, and the connection goes on.
    for call, message in [
        (lambda: r.execute_command("FLY", "away"), "unknown command 'FLY', with args beginning with: 'away' "),
        (lambda: r.execute_command("GET"), "wrong number of arguments for 'get' command"),
        (lambda: r.execute_command("SET", "k", "v", "SOON"), "syntax error"),
        (lambda: r.set("k", "v", ex=0), "invalid expire time in 'set' command"),
        (lambda: r.execute_command("SET", "k", "v", "PX", "soon"), "value is not an integer or out of range"),
    ]:
        with pytest.raises(redis.ResponseError) as caught:
            call()
        assert str(caught.value) == message
    assert r.ping() is True


def test_resp_server_answers_a_pipeline_of_1000_commands_in_order(resp_port):
    import redis
    r = redis.Redis(port=resp_port, protocol=2, socket_timeout=5)
    pipe = r.pipeline(transaction=False)
    for i in range(250):
        pipe.set("key:%d" % i, "value %d" % i)
        pipe.get("key:%d" % i)
        pipe.exists("key:%d" % i, "key:%d" % (i + 1))
        pipe.delete("key:%d" % (i - 1))
    results = pipe.execute()
    assert len(results) == 1000
    for i in range(250):
        assert results[4 * i:4 * i + 4] == [True, b"value %d" % i, 1, 1 if i else 0]
    # MULTI/EXEC are not there: the default, transactional pipeline fails cleanly.
    with pytest.raises(redis.ResponseError):
        r.pipeline().set("x", 1).execute()
    assert r.get("key:249") == b"value 249"


def test_resp_server_serves_a_redis_client_that_tries_resp3_first(resp_port):
    # redis-py 8 says HELLO 3 first, and falls back to RESP2 on the error.
    import redis
    r = redis.Redis(port=resp_port, socket_timeout=5)
    assert r.set("resp3", "v") is True
    assert r.get("resp3") == b"v"


def test_resp_server_reads_commands_split_anywhere_and_several_per_read():
    resp = load("resp_server")
    stream = (b"*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\nv\r\nv\r\n"
              b"GET k\r\n\r\n*0\r\n*2\r\n$6\r\nEXISTS\r\n$1\r\nk\r\n")
    want = [[b"PING"], [b"SET", b"k", b"v\r\nv"], [b"GET", b"k"], [b"EXISTS", b"k"]]
    for cut in range(len(stream) + 1):
        for chunks in ([stream[:cut], stream[cut:]], [stream[i:i + 1] for i in range(len(stream))]):
            parser, got = resp.Parser(), []
            for chunk in chunks:
                parser.feed(chunk)
                while (command := parser.next_command()) is not None:
                    got.append(command)
            assert got == want, cut


def test_resp_server_answers_a_byte_at_a_time_and_closes_on_a_protocol_error(resp_port):
    conn = socket.create_connection(("127.0.0.1", resp_port), timeout=5)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for byte in b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nvv\r\n":
        conn.sendall(bytes([byte]))
    assert read_until_closed(conn, b"+OK\r\n") == b"+OK\r\n"
    # Inline commands (nc, telnet) work too; what follows a bad frame is not read.
    conn.sendall(b"GET k\r\nPING\r\n*1\r\n+PING\r\nPING\r\n")
    assert read_until_closed(conn) == b"$2\r\nvv\r\n+PONG\r\n-ERR Protocol error: expected '$', got '+'\r\n"
    conn.close()


def test_resp_server_stops_reading_a_client_that_does_not_read_its_replies():
    resp = load("resp_server")
    paused = gevent.event.Event()
    most_held = [0]

    def on_connection(sock):
        # After the example's own listeners: what it holds after each chunk it answers.
        sock.on("data", lambda chunk: most_held.append(sock.writableLength))
        sock.once("pause", paused.set)
    resp.server.on("connection", on_connection)
    port = start(resp.server)
    payload = bytes(range(256)) * 256
    command = b"*2\r\n$4\r\nECHO\r\n$%d\r\n%s\r\n" % (len(payload), payload)
    reply = b"$%d\r\n%s\r\n" % (len(payload), payload)
    count = 200                 # 13 MB each way: more than the kernel buffers hold
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)

    def send():
        conn.sendall(command * count)
        conn.shutdown(socket.SHUT_WR)
    sender = gevent.spawn(send)
    assert paused.wait(timeout=5), "the server never stopped reading"
    got = read_until_closed(conn)
    sender.get(timeout=5)
    assert got == reply * count
    assert max(most_held) <= resp.server.highWaterMark + 2 * len(reply)
    conn.close()
    resp.server.close()


def read_until_closed(conn, want=None):
    """What ``conn`` receives until the peer closes it, or until ``want`` has come."""
    got = b""
    while want is None or len(got) < len(want):
        chunk = conn.recv(65536)
        if not chunk:
            break
        got += chunk
    return got


@pytest.mark.skipif(shutil.which("redis-cli") is None, reason="needs redis-cli (apt-get install redis-tools)")
def test_resp_server_answers_redis_cli(resp_port):
    def cli(*args, stdin=None):
        done = subprocess.run(["redis-cli", "-p", str(resp_port), *args], input=stdin,
                              capture_output=True, timeout=5)
        assert done.returncode == 0, done
        return done.stdout.decode()
    assert cli("PING") == "PONG\n"
    assert cli("SET", "greeting", "héllo wörld") == "OK\n"
    assert cli("GET", "greeting") == "héllo wörld\n"
    assert cli("EXISTS", "greeting", "nope", "greeting") == "2\n"
    assert cli("GET", "nope") == "\n"
    assert cli("FLY", "away").rstrip("\n") == "ERR unknown command 'FLY', with args beginning with: 'away' "
    # Commands read from stdin go out as one pipeline.
    assert cli(stdin=b"SET x 1\nGET x\nDEL x\nEXISTS x\n") == "OK\n1\n1\n0\n"


# ----------------------------------------------------------------------
# reconnect_client.py

class Recorder:
    """A ReconnectingClient's events as ``(time, event, args)``, in order."""

    def __init__(self, client):
        self.queue = Queue()
        for event in ("connect", "line", "disconnect", "reconnect", "close"):
            client.on(event, lambda *args, event=event: self.queue.put((time.monotonic(), event, args)))

    def next(self, event=None, timeout=5):
        when, got, args = self.queue.get(timeout=timeout)
        assert event is None or got == event, (event, got, args)
        return when, args


@pytest.fixture
def reconnecting():
    """``ReconnectingClient(...)`` from examples/reconnect_client.py, with its
    events recorded; each is closed at the end."""
    made = []

    def create(*args, **kwargs):
        client = load("reconnect_client").ReconnectingClient(*args, **kwargs)
        made.append(client)
        return client, Recorder(client)

    yield create
    for client in made:
        client.close()


def free_port():
    """A port nothing listens on (a gnet server's, closed)."""
    server = gnet.createServer()
    port = start(server)
    server.close()
    return port


def test_reconnect_client_reads_lines_and_reconnects_when_the_server_drops_it(node, reconnecting):
    node.do("listen", "srv")
    client, events = reconnecting(node.expect("srv", "listening")["port"], min_delay_ms=50, jitter=0)
    client.start()
    node.expect("srv", "connection", socket="srv.1")
    events.next("connect")
    assert client.send("hello")
    assert node.line("srv.1") == "hello"
    # Lines in pieces, one character split between two writes, CRLF or LF.
    text = "héllo wörld\nsecond li".encode()
    node.do("write", "srv.1", hex=text[:2].hex())
    node.do("write", "srv.1", hex=text[2:].hex())
    node.do("write", "srv.1", data="ne\r\nthird\n")
    assert [events.next("line")[1] for _ in range(3)] == [("héllo wörld",), ("second line",), ("third",)]

    # The server drops it: it comes back after the shortest delay.
    node.do("destroy", "srv.1")
    assert events.next("disconnect")[1] == (None,)
    dropped, (attempt, delay) = events.next("reconnect")
    assert (attempt, delay) == (1, 50)
    assert not client.send("while away")
    node.expect("srv", "connection", socket="srv.2")
    connected, _ = events.next("connect")
    assert connected - dropped >= 0.05 - EARLY
    assert client.send("back")
    assert node.line("srv.2") == "back"

    client.close()
    assert events.next("disconnect")[1] == (None,)
    events.next("close")
    assert [e["event"] for e in node.closes("srv.2")] == ["end", "close"]


def test_reconnect_client_backs_off_exponentially_until_the_server_speaks(node, reconnecting):
    port = free_port()
    client, events = reconnecting(port, min_delay_ms=20, max_delay_ms=80, jitter=0)
    client.start()
    _, (err,) = events.next("disconnect")
    retries = []
    while len(retries) < 5:
        assert err.code == "ECONNREFUSED"
        scheduled, (retry, delay) = events.next("reconnect")
        retries.append((retry, delay))
        failed, (err,) = events.next("disconnect")
        assert failed - scheduled >= delay / 1000 - EARLY
    assert retries == [(1, 20), (2, 40), (3, 80), (4, 80), (5, 80)]

    # A server that accepts and closes without a word is backed off from too ...
    node.do("listen", "srv", port=port)
    node.expect("srv", "listening", port=port)
    while True:                     # refused until Node listens
        assert err.code == "ECONNREFUSED"
        retry = events.next("reconnect")[1][0]
        if events.queue.peek(timeout=5)[1] == "connect":
            break
        _, (err,) = events.next("disconnect")
    events.next("connect")
    node.expect("srv", "connection", socket="srv.1")
    node.do("destroy", "srv.1")
    assert events.next("disconnect")[1] == (None,)
    assert events.next("reconnect")[1] == (retry + 1, 80)
    # ... until it says something: then the delay starts again from the shortest.
    node.expect("srv", "connection", socket="srv.2")
    events.next("connect")
    node.do("write", "srv.2", data="welcome\n")
    assert events.next("line")[1] == ("welcome",)
    node.do("destroy", "srv.2")
    events.next("disconnect")
    assert events.next("reconnect")[1] == (1, 20)
    node.expect("srv", "connection", socket="srv.3")
    events.next("connect")
    node.do("destroy", "srv.3")
    events.next("disconnect")
    assert events.next("reconnect")[1] == (2, 40)


def test_reconnect_client_gives_up_a_connect_that_takes_too_long(reconnecting):
    # A listening socket whose accept queue is full: a new connection's SYN is
    # dropped, so connecting hangs until the client's own timeout.
    full = socket.socket()
    full.bind(("127.0.0.1", 0))
    full.listen(0)
    queued = socket.create_connection(full.getsockname(), timeout=5)
    client, events = reconnecting(full.getsockname()[1], connect_timeout_ms=200, min_delay_ms=1000, jitter=0)
    started = time.monotonic()
    client.start()
    failed, (err,) = events.next("disconnect")
    assert isinstance(err, TimeoutError)
    assert str(err) == "connect to 127.0.0.1:%d timed out after 200 ms" % full.getsockname()[1]
    assert failed - started >= 0.2 - EARLY
    assert events.next("reconnect")[1] == (1, 1000)
    client.close()
    events.next("close")
    queued.close()
    full.close()


def test_reconnect_client_drops_an_idle_connection_and_reconnects(node, reconnecting):
    node.do("listen", "srv")
    client, events = reconnecting(node.expect("srv", "listening")["port"], idle_timeout_ms=200,
                                  min_delay_ms=10, jitter=0)
    client.start()
    node.expect("srv", "connection", socket="srv.1")
    connected, _ = events.next("connect")
    node.do("write", "srv.1", data="one line, then nothing\n")
    spoke, _ = events.next("line")
    failed, (err,) = events.next("disconnect")
    assert isinstance(err, TimeoutError) and str(err) == "no data for 200 ms"
    assert failed - spoke >= 0.2 - EARLY
    assert [e["event"] for e in node.closes("srv.1")] == ["end", "close"]
    assert events.next("reconnect")[1] == (1, 10)
    node.expect("srv", "connection", socket="srv.2")
    events.next("connect")


# ----------------------------------------------------------------------
# the gunicorn deployment (examples/README.md)

def test_resp_server_runs_under_gunicorn_with_two_workers(master_of):
    import redis
    master = master_of(EXAMPLES, "resp_server:server", "-w", "2")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    # Each worker loaded the module and its server printed its 'listening' line.
    assert [int(m.group(1)) for m in master.wait_for(r"^listening on (\d+)", count=2)] == [port, port]
    clients = [redis.Redis(port=port, protocol=2, socket_timeout=5, single_connection_client=True)
               for _ in range(20)]
    for i, r in enumerate(clients):
        pipe = r.pipeline(transaction=False)
        for j in range(50):
            pipe.set("client %d key %d" % (i, j), j).get("client %d key %d" % (i, j))
        assert pipe.execute() == [x for j in range(50) for x in (True, b"%d" % j)]
    for r in clients:
        r.close()
    master.signal(signal.SIGTERM)
    master.wait_for("Shutting down: Master", timeout=GRACEFUL_TIMEOUT + 2)
    master.reader.join(timeout=2)
    assert master.proc.wait(timeout=2) == 0
    assert "Traceback" not in "".join(master.lines)


def test_chat_says_goodbye_when_gunicorn_stops_its_worker(master_of, node):
    master = master_of(EXAMPLES, "chat:server", "-w", "1")
    port = int(master.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)")[0].group(1))
    master.wait_for(r"^listening on %d$" % port)
    node.do("connect", "ann", port=port)
    node.expect("ann", "connect")
    assert node.line("ann") == "Welcome! Your name?"
    node.do("write", "ann", data="ann\n")
    assert node.line("ann") == "Hi ann! Here: nobody yet."
    # TERM reaches the worker and chat.py's 'SIGTERM' listener: ann is told at
    # once, instead of waiting out --graceful-timeout.
    master.signal(signal.SIGTERM)
    started = time.monotonic()
    assert node.line("ann") == "* server shutting down"
    assert [e["event"] for e in node.closes("ann")] == ["end", "close"]
    master.wait_for("Shutting down: Master", timeout=GRACEFUL_TIMEOUT + 2)
    assert time.monotonic() - started < GRACEFUL_TIMEOUT / 2
    master.reader.join(timeout=2)
    assert master.proc.wait(timeout=2) == 0
    assert "Traceback" not in "".join(master.lines)
