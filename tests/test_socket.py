"""Socket behaviour a user notices, over TCP on IPv4 and IPv6 loopback and Unix sockets.

Event order against Node is proven by compat/scenarios/socket; these tests
cover what a trace cannot show: the same battery on every transport, blocking
listeners, backpressure reaching the kernel, leaks, monitoring, the Python
helpers. Everything synchronises on events; timeouts are guards.
"""
import gc
import hashlib
import os
import socket as stdsocket

import gevent
import gevent.event
import pytest
import zope.event

import gnet
from gnet import monitoring


def _ipv6_available():
    try:
        s = stdsocket.socket(stdsocket.AF_INET6)
        s.bind(("::1", 0))
        s.close()
        return True
    except OSError:
        return False


TRANSPORTS = ["tcp4", pytest.param("tcp6", marks=pytest.mark.skipif(
    not _ipv6_available(), reason="no IPv6 loopback")), "unix"]


@pytest.fixture
def listen(tmp_path):
    """Start ``server`` listening on a transport; return a connect() for it."""
    def start(server, transport):
        if transport == "tcp4":
            server.listen(0, "127.0.0.1")
            return lambda *a, **k: gnet.connect(server.address()["port"], "127.0.0.1", *a, **k)
        if transport == "tcp6":
            server.listen(0, "::1")
            return lambda *a, **k: gnet.connect(server.address()["port"], "::1", *a, **k)
        path = str(tmp_path / "s.sock")
        server.listen(path)
        return lambda *a, **k: gnet.connect(path, *a, **k)
    return start


def _closed_port():
    """A loopback port nothing listens on (bound once, then closed)."""
    probe = stdsocket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def on_listening(server, fn):
    server.on("listening", fn)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_echo_round_trip_and_close_order(listen, transport):
    events = []

    def on_connection(conn):
        conn.on("data", conn.write)
        conn.on("end", conn.end)
        conn.on("close", lambda had_error: events.append(("server close", had_error)))

    server = gnet.createServer(on_connection)
    connect = listen(server, transport)

    def start():
        client = connect()
        client.on("connect", lambda: client.write(b"ping"))
        client.on("data", lambda data: (events.append(("data", data)), client.end()))
        client.on("end", lambda: events.append("end"))
        client.on("finish", lambda: events.append("finish"))
        client.on("close", lambda had_error: (events.append(("close", had_error)), server.close()))

    on_listening(server, start)
    gnet.run()
    assert events[0] == ("data", b"ping")
    assert events.index("finish") < events.index(("close", False))
    assert events.index("end") < events.index(("close", False))
    assert ("server close", False) in events


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_half_close_lets_the_server_answer_after_client_end(listen, transport):
    got = []

    def on_connection(conn):
        received = []
        conn.on("data", received.append)
        conn.on("end", lambda: conn.end(b"you sent " + b"".join(received)))

    server = gnet.createServer({"allowHalfOpen": True}, on_connection)
    connect = listen(server, transport)

    def start():
        client = connect(allowHalfOpen=True)
        client.on("connect", lambda: client.end(b"abc"))
        client.on("data", got.append)
        client.on("close", lambda *_: server.close())

    on_listening(server, start)
    gnet.run()
    assert b"".join(got) == b"you sent abc"


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_destroy_while_writing_reports_close_without_losing_earlier_data(listen, transport):
    total = []

    def on_connection(conn):
        conn.on("data", lambda d: total.append(len(d)))
        conn.on("close", lambda *_: server.close())

    server = gnet.createServer(on_connection)
    connect = listen(server, transport)

    def start():
        client = connect()

        def write_then_destroy():
            client.write(b"x" * 1000, lambda err=None: None)
            client.end(lambda *_: client.destroy())

        client.on("connect", write_then_destroy)

    on_listening(server, start)
    gnet.run()
    assert sum(total) == 1000


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_write_after_end_is_an_error_with_node_code(listen, transport):
    seen = []
    server = gnet.createServer(lambda c: c.resume())
    connect = listen(server, transport)

    def start():
        client = connect()

        def go():
            client.end()
            client.write(b"late", lambda err: seen.append(("cb", err.code)))

        client.on("connect", go)
        client.on("error", lambda err: seen.append(("error", err.code)))
        client.on("close", lambda *_: server.close())

    on_listening(server, start)
    gnet.run()
    assert seen == [("cb", "ERR_STREAM_WRITE_AFTER_END"), ("error", "ERR_STREAM_WRITE_AFTER_END")]


def test_connection_refused_is_error_then_close():
    seen = []
    port = _closed_port()
    client = gnet.connect(port, "127.0.0.1")
    client.on("error", lambda err: seen.append(("error", err.code, err.syscall, str(err),
                                                isinstance(err, ConnectionRefusedError))))
    client.on("close", lambda had_error: seen.append(("close", had_error)))
    gnet.run()
    assert seen == [("error", "ECONNREFUSED", "connect", "connect ECONNREFUSED 127.0.0.1:%d" % port, True),
                    ("close", True)]


def test_blocking_data_listener_stalls_only_its_own_connection():
    """gnet's reason to exist: one listener blocks, another connection keeps echoing."""
    round_trips = []
    slow_done = []
    ten_round_trips = gevent.event.Event()

    def on_connection(conn):
        def on_data(data):
            if data.startswith(b"slow"):
                ten_round_trips.wait()      # a database call, say: returns once the other echoed 10 times
                slow_done.append(len(round_trips))
            conn.write(data)
        conn.on("data", on_data)
        conn.on("end", conn.end)

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1")

    def start():
        port = server.address()["port"]
        slow = gnet.connect(port, "127.0.0.1")
        fast = gnet.connect(port, "127.0.0.1")
        slow.on("connect", lambda: slow.write(b"slow"))
        slow.on("data", lambda d: slow.end())
        slow.on("close", lambda *_: fast.end())

        def on_fast_data(data):
            round_trips.append(data)
            if len(round_trips) == 10:
                ten_round_trips.set()
            if not slow_done:
                fast.write(b"fast")

        fast.on("connect", lambda: fast.write(b"fast"))
        fast.on("data", on_fast_data)
        fast.on("close", lambda *_: server.close())

    server.on("listening", start)
    gnet.run()
    # While the slow listener slept, the other connection kept completing round trips.
    assert slow_done and slow_done[0] >= 10


def test_listeners_blocked_on_many_connections_at_once_all_wait_together():
    """Twenty 'data' listeners block at the same time, each until all twenty
    have started: one that held up the others would never be released."""
    n = 20
    entered = []
    everyone_in = gevent.event.Event()

    def on_connection(conn):
        def on_data(data):
            entered.append(data)
            if len(entered) == n:
                everyone_in.set()
            everyone_in.wait()
            conn.end(data)
        conn.on("data", on_data)

    server = gnet.createServer(on_connection).listen(0)
    port = server.address()["port"]
    closed = []

    def on_close(*_):
        closed.append(1)
        if len(closed) == n:
            server.close()

    for i in range(n):
        c = gnet.connect(port, "127.0.0.1")
        c.on("connect", lambda c=c, i=i: c.write(b"%d" % i))
        c.resume()
        c.on("close", on_close)
    gnet.run()
    assert sorted(entered) == sorted(b"%d" % i for i in range(n))


def test_data_that_arrives_while_a_listener_blocks_follows_it_in_order():
    got = []
    release = gevent.event.Event()
    blocked = gevent.event.Event()

    def on_connection(conn):
        def on_data(data):
            got.append(("start", data))
            if data == b"first":
                blocked.set()
                release.wait()
            got.append(("end", data))
            if data.endswith(b"third"):
                conn.end()
        conn.on("data", on_data)

    server = gnet.createServer(on_connection).listen(0)
    client = gnet.connect(server.address()["port"], "127.0.0.1")
    client.on("connect", lambda: client.write(b"first"))
    client.resume()
    client.on("close", lambda *_: server.close())

    def more():
        blocked.wait()
        # Both writes reach the server's kernel buffer while its listener is
        # still blocked; then the listener may return.
        client.write(b"second", lambda err: client.write(b"third", lambda err: release.set()))

    gevent.spawn(more)
    gnet.run()
    assert got[:2] == [("start", b"first"), ("end", b"first")]
    assert b"".join(data for what, data in got[2:] if what == "start") == b"secondthird"


def test_a_connection_destroyed_while_its_listener_blocks_ends_cleanly():
    """Another connection's listener destroys this one while its own 'data'
    listener is blocked: the listener returns into a closed socket, 'close'
    comes once, and the greenlet it blocked is given back."""
    events = []
    release = gevent.event.Event()
    blocked = gevent.event.Event()
    conns = {}

    def on_connection(conn):
        def on_data(data):
            if data == b"block":
                conns["blocked"] = conn
                events.append("blocked")
                blocked.set()
                release.wait()
                events.append("returned, destroyed=%s" % conn.destroyed)
                # A write after destroy fails its callback, as in Node; no 'error'.
                conn.write(b"too late", lambda err: events.append(("write", err.code)))
            elif data == b"kill":
                conns["blocked"].destroy()
                events.append("destroyed it")
                release.set()
                conn.end()
        conn.on("data", on_data)
        conn.on("error", lambda err: events.append(("error", err.code)))
        conn.on("close", lambda *_: events.append("close"))

    server = gnet.createServer(on_connection).listen(0)
    port = server.address()["port"]
    glets = _greenlets()
    first = gnet.connect(port, "127.0.0.1")
    first.on("connect", lambda: first.write(b"block"))
    first.resume()
    first.on("error", lambda err: None)

    def second_when_blocked(*_):
        second = gnet.connect(port, "127.0.0.1")
        second.on("connect", lambda: second.write(b"kill"))
        second.resume()
        second.on("close", lambda *_: server.close())

    def start_second():
        blocked.wait()
        second_when_blocked()

    gevent.spawn(start_second)
    gnet.run()
    assert events[:3] == ["blocked", "destroyed it", "returned, destroyed=True"]
    assert events.count("close") == 2
    assert ("write", "ERR_STREAM_DESTROYED") in events
    assert not [e for e in events if e[0] == "error"]
    first.destroy()
    gnet.run()
    assert _greenlets() <= glets + 4      # service greenlets kept for later turns


def test_idle_connections_hold_no_greenlet():
    """Served connections that go quiet keep no greenlet each: the memory of
    10,000 idle connections is theirs, not their greenlets' stacks."""
    n = 50
    before = _greenlets()       # what earlier tests left (thread-pool workers...) is not ours
    server = gnet.createServer(lambda c: c.on("data", c.write)).listen(0)
    port = server.address()["port"]
    echoed = []
    clients = []
    all_echoed = gevent.event.Event()

    def on_echo(data):
        echoed.append(data)
        if len(echoed) == n:
            all_echoed.set()

    try:
        for _ in range(n):
            c = gnet.connect(port, "127.0.0.1")
            c.on("connect", lambda c=c: c.write(b"ping"))
            c.on("data", on_echo)
            clients.append(c)
        all_echoed.wait()
        # The loop's runner and a few service greenlets (at most MAX_IDLE_WORKERS
        # stay idle); not 2 x 50.
        assert _greenlets() - before < 10
    finally:
        for c in clients:
            c.destroy()
        server.close()
        gnet.run()


def test_pause_stops_reading_from_the_kernel_so_the_writer_feels_backpressure():
    total = 32 * 1024 * 1024
    state = {}

    def on_connection(conn):
        conn.pause()
        state["server_conn"] = conn

    server = gnet.createServer(on_connection)
    server.listen(0)

    def observe(client):
        # An observation point, not a wait: had the paused side kept reading,
        # loopback would have moved all 32 MiB long before now.
        conn = state["server_conn"]
        state["buffered_at_server"] = conn.readableLength
        state["left_at_client"] = client.bufferSize
        received = []
        conn.on("data", lambda d: received.append(len(d)))
        conn.on("end", lambda: (state.setdefault("received", sum(received)), server.close()))
        conn.resume()
        client.end()

    def start():
        client = gnet.connect(server.address()["port"], "127.0.0.1")
        client.on("connect", lambda: (state.setdefault("write_returned", client.write(b"z" * total)),
                                      gnet.setTimeout(observe, 300, client)))

    start()
    gnet.run()
    assert state["write_returned"] is False
    # The paused side holds at most about a high-water mark plus one read;
    # the rest waits in the kernel and in the writer's queue.
    assert state["buffered_at_server"] <= 16384 + 65536
    assert state["left_at_client"] > total // 2
    assert state["received"] == total


def test_large_transfer_arrives_intact():
    payload = os.urandom(3 * 1024 * 1024)
    digest = []

    def on_connection(conn):
        h = hashlib.sha256()
        conn.on("data", h.update)
        conn.on("end", lambda: (digest.append(h.hexdigest()), conn.end(), server.close()))

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1").end(payload))
    gnet.run()
    assert digest == [hashlib.sha256(payload).hexdigest()]


def test_for_chunk_in_socket_yields_until_end():
    got = []
    server = gnet.createServer(lambda c: (c.write(b"one"), c.end(b"two")))
    server.listen(0)   # no host: bound at once, so address() holds now

    def reader():
        client = gnet.connect(server.address()["port"], "127.0.0.1")
        assert gnet.once(client, "connect", timeout=5000) == []
        for chunk in client:
            got.append(chunk)
        server.close()

    glet = gevent.spawn(reader)
    gnet.run()
    glet.get()
    assert b"".join(got) == b"onetwo"


def test_for_chunk_in_socket_raises_the_error():
    port = _closed_port()

    def reader():
        client = gnet.connect(port, "127.0.0.1")
        with pytest.raises(ConnectionRefusedError):
            for _ in client:
                pass

    glet = gevent.spawn(reader)
    gnet.run()
    glet.get()


def test_monitoring_publishes_lifecycle_events():
    seen = []

    def subscriber(event):
        if isinstance(event, (monitoring.ServerListening, monitoring.ServerClosed,
                              monitoring.ConnectionOpened, monitoring.ConnectionClosed)):
            seen.append((type(event).__name__, getattr(event, "server", None) is not None))

    zope.event.subscribers.append(subscriber)
    try:
        server = gnet.createServer(lambda c: c.end())
        server.listen(0, "127.0.0.1")

        def start():
            client = gnet.connect(server.address()["port"], "127.0.0.1")
            client.resume()
            client.on("close", lambda *_: server.close())

        server.on("listening", start)
        gnet.run()
    finally:
        zope.event.subscribers.remove(subscriber)
    names = [name for name, _ in seen]
    # A server's 'close' may precede its last connection's (Node's order too).
    assert names[0] == "ServerListening" and names.count("ServerClosed") == 1
    assert ("ConnectionOpened", True) in seen and ("ConnectionOpened", False) in seen
    assert names.count("ConnectionClosed") == 2


def _open_fds():
    return len(os.listdir("/proc/self/fd"))


def _greenlets():
    import greenlet
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, greenlet.greenlet) and not o.dead)


def test_a_thousand_connections_leak_no_fds_and_no_greenlets():
    server = gnet.createServer(lambda c: c.end(b"bye"))
    server.listen(0)
    port = server.address()["port"]

    def warm():
        c = gnet.connect(port, "127.0.0.1")
        c.resume()
        c.on("close", lambda *_: None)

    server.on("listening", warm)
    server.unref()
    gnet.run()
    fds, glets = _open_fds(), _greenlets()
    left = [1000]

    def one():
        c = gnet.connect(port, "127.0.0.1")
        c.resume()
        c.on("close", lambda *_: next_one())

    def next_one():
        left[0] -= 1
        if left[0]:
            one()

    one()
    gnet.run()
    assert left[0] == 0
    assert _open_fds() == fds
    assert _greenlets() <= glets
    server.close()
    gnet.run()


def test_socket_wraps_an_existing_descriptor_with_the_fd_option():
    ours, theirs = stdsocket.socketpair()
    sock = gnet.Socket({"fd": ours.detach()})
    got = []
    sock.on("data", got.append)
    sock.on("end", sock.end)
    sock.on("close", lambda *_: got.append("close"))
    assert sock.readyState == "open" and sock.pending is False

    def peer():
        theirs.sendall(b"from the other end")
        theirs.shutdown(stdsocket.SHUT_WR)
        reply = theirs.recv(100)
        theirs.close()
        return reply

    glet = gevent.spawn(peer)
    sock.write(b"hello")
    gnet.run()
    assert glet.get() == b"hello"
    assert got == [b"from the other end", "close"]


def test_fd_option_opens_both_ends_of_an_anonymous_pipe():
    # As Node's new Socket({fd}) over a pipe: read() and write(), no addresses.
    rfd, wfd = os.pipe()
    writer = gnet.Socket({"fd": wfd, "readable": False})
    got = []
    writer.on("close", lambda: got.append("writer close"))
    assert (writer.readyState, writer.remoteAddress, writer.address()) == ("writeOnly", None, {})
    writer.setNoDelay(True).setKeepAlive(True)      # no socket options on a pipe: ignored

    def on_writer_close():
        reader = gnet.Socket({"fd": rfd, "writable": False})
        assert reader.readyState == "readOnly"
        reader.on("data", got.append)
        reader.on("end", lambda: got.append("end"))
        reader.on("close", lambda had_error: got.append(("reader close", had_error)))

    writer.on("close", on_writer_close)
    writer.write(b"through ")
    writer.end("the pipe")
    gnet.run()
    assert got == ["writer close", b"through the pipe", "end", ("reader close", False)]
    for fd in (rfd, wfd):
        with pytest.raises(OSError):
            os.fstat(fd)


def test_fd_that_is_not_a_socket_is_node_err_invalid_fd_type(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("x")
    with open(path) as f:
        with pytest.raises(TypeError) as info:
            gnet.Socket(fd=f.fileno())
    assert info.value.code == "ERR_INVALID_FD_TYPE" and str(info.value) == "Unsupported fd type: FILE"
