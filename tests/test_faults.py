"""Faults (issue 16.2): resets, half-closes, raising listeners, blocked listeners and kills.

Each test drives a real loopback connection with ``gnet.run()`` and records
what both ends see. Where Node can show the same fault, a pair in
compat/scenarios/faults prints Node's outcome and gnet's side by side; these
tests pin what a trace cannot (a listener that blocks, a greenlet killed,
descriptors left) and fail loudly if a fix goes away. Resets are made with
``resetAndDestroy()`` (SO_LINGER 0), so they are deterministic; everything
synchronises on events, never on sleeps.
"""
import os
import shutil
import subprocess
import textwrap

import gevent
import gevent.event
import pytest

import gnet

#: Seconds a test waits for something that should happen at once: a guard, not a wait.
GUARD = 5


def _open_sockets():
    """The descriptors of this process that are sockets."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            found += os.readlink("/proc/self/fd/" + fd).startswith("socket:")
        except OSError:
            pass
    return found


def _flood(sock, chunk=b"w" * 65536, cb=None):
    """Write ``chunk`` until ``write`` says the buffer is full: the kernel's
    buffers are then full too, and a write is queued in gnet."""
    n = 0
    while sock.write(chunk, cb(n) if cb else None):
        n += 1
    return n


# ---------------------------------------------------------------------------
# The peer resets


def test_peer_reset_while_writing_is_a_read_econnreset_and_the_queued_write_completes():
    """Node's outcome (compat: faults/peer_reset_while_writing): libuv reads
    before it writes, so the reset is reported by the read; the write the
    kernel had not taken completes (callback without error) after 'error' and
    before 'close', as Node's onWriteComplete reports it for a destroyed socket."""
    events = []
    accepted = []
    fds = _open_sockets()

    def on_connection(s):
        accepted.append(s)
        s.pause()
        s.on("close", lambda had_error: events.append(("server close", had_error)))

    server = gnet.createServer(on_connection)

    def on_connect():
        last = _flood(client, cb=lambda i: lambda err=None: events.append(("cb", i, err)))
        events.append(("queued", client.writableLength > 0))

        def reset():
            accepted[0].resetAndDestroy()

        # The server has accepted by now or will on this turn.
        reset() if accepted else server.once("connection", lambda s: gnet.nextTick(reset))
        events.append(("last", last))

    def on_close(had_error):
        events.append(("client close", had_error))
        server.close()

    def listening():
        nonlocal client
        client = gnet.connect(server.address()["port"], "127.0.0.1", on_connect)
        client.on("error", lambda err: events.append(("client error", err.code, err.syscall,
                                                       client.writableLength > 0)))
        client.on("close", on_close)

    client = None
    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    last = [e[1] for e in events if e[0] == "last"][0]
    tail = [e for e in events if e[0] != "cb" or e[1] == last]
    assert tail[-3:] == [("client error", "ECONNRESET", "read", True), ("cb", last, None), ("client close", True)]
    assert ("server close", False) in events
    assert all(e[2] is None for e in events if e[0] == "cb")
    assert len([e for e in events if e[0] == "cb"]) == last + 1     # every write's callback ran once
    assert _open_sockets() == fds


def test_peer_reset_while_reading_is_a_read_econnreset_after_some_data():
    events = []
    total = 8 * 1024 * 1024
    accepted = []

    def on_connection(s):
        accepted.append(s)
        s.on("close", lambda had_error: events.append(("server close", had_error)))
        _flood(s)

    server = gnet.createServer(on_connection)
    got = [0]

    def on_data(data):
        if not got[0]:
            accepted[0].resetAndDestroy()
        got[0] += len(data)

    def on_close(had_error):
        events.append(("client close", had_error))
        server.close()

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1")
        client.on("data", on_data)
        client.on("end", lambda: events.append("client end"))
        client.on("error", lambda err: events.append(("client error", err.code, err.syscall)))
        client.on("close", on_close)

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert 0 < got[0] < total
    assert events == [("server close", False), ("client error", "ECONNRESET", "read"), ("client close", True)]


@pytest.mark.parametrize("data", [b"late", "late"], ids=["bytes", "str"])
def test_blocked_listener_whose_peer_reset_meanwhile_gets_econnreset_on_its_next_write(data):
    """Node reports what its write meets first: ECONNRESET (compat:
    faults/peer_reset_during_listener_then_write). The kernel reports the
    reset once and EPIPE after it, so the write's first attempt must not
    swallow it: bytes go through the stream's fast path (try_write) first."""
    events = []
    blocked = gevent.event.Event()
    peer_gone = gevent.event.Event()

    def on_connection(s):
        def on_data(chunk):
            blocked.set()
            assert peer_gone.wait(GUARD)
            events.append(("write returned", s.write(data)))

        s.on("data", on_data)
        s.on("error", lambda err: events.append(("server error", err.code, err.syscall, str(err))))
        s.on("close", lambda had_error: (events.append(("server close", had_error)), server.close()))

    server = gnet.createServer(on_connection)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"go"))
        client.on("close", lambda had_error: (events.append(("client close", had_error)), peer_gone.set()))

        def reset_when_blocked():
            assert blocked.wait(GUARD)
            client.resetAndDestroy()

        gevent.spawn(reset_when_blocked)

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert events == [("client close", False), ("write returned", False),
                      ("server error", "ECONNRESET", "write", "write ECONNRESET"), ("server close", True)]


def test_blocked_listener_whose_peer_reset_meanwhile_reads_econnreset_when_it_returns():
    events = []
    blocked = gevent.event.Event()
    peer_gone = gevent.event.Event()

    def on_connection(s):
        def on_data(chunk):
            blocked.set()
            assert peer_gone.wait(GUARD)
            events.append("listener returns")

        s.on("data", on_data)
        s.on("error", lambda err: events.append(("server error", err.code, err.syscall)))
        s.on("close", lambda had_error: (events.append(("server close", had_error)), server.close()))

    server = gnet.createServer(on_connection)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"go"))
        client.on("close", lambda had_error: (events.append(("client close", had_error)), peer_gone.set()))
        gevent.spawn(lambda: blocked.wait(GUARD) and client.resetAndDestroy())

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert events == [("client close", False), "listener returns",
                      ("server error", "ECONNRESET", "read"), ("server close", True)]


# ---------------------------------------------------------------------------
# The peer half-closes while we write


@pytest.mark.parametrize("half_open", [False, True])
def test_peer_half_close_while_writing_loses_no_byte_written_before_end(half_open):
    """Without allowHalfOpen the peer's FIN ends our side too, after what was
    already written (Node: writes stop there); with it, the writer goes on to
    the last byte. Either way the peer reads exactly what was sent (compat:
    faults/peer_half_closes_while_writing*)."""
    total = 4 * 1024 * 1024
    chunk = b"h" * 65536
    server_events = []
    got = []
    sent = [0]

    def on_connection(s):
        def more():
            while sent[0] < total:
                sent[0] += len(chunk)
                if not s.write(chunk):
                    s.once("drain", more)
                    return
            s.end()

        more()
        s.on("end", lambda: server_events.append(("end", s.writableLength > 0)))
        s.on("finish", lambda: server_events.append(("finish", s.bytesWritten)))
        s.on("error", lambda err: server_events.append(("error", err.code)))
        s.on("close", lambda had_error: (server_events.append(("close", had_error)), server.close()))

    server = gnet.createServer({"allowHalfOpen": half_open}, on_connection)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1")
        client.pause()
        client.on("connect", client.end)
        client.on("finish", client.resume)
        client.on("data", got.append)

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    received = b"".join(got)
    assert set(received) <= {ord("h")}
    written = server_events[1][1]
    assert server_events == [("end", True), ("finish", written), ("close", False)]
    assert len(received) == written
    if half_open:
        assert written == total
    else:
        assert written < total


# ---------------------------------------------------------------------------
# A listener raises in the middle of a pipe()


def _pipe_echo_with_raising_listener(before):
    """An echo by ``s.pipe(s)`` whose other 'data' listener raises on the first
    chunk, registered ``before`` the pipe or after it. Returns the events."""
    events = []
    st = {}

    def on_connection(s):
        st["s"] = s

        def boom(chunk):
            if chunk == b"a":
                raise RuntimeError("boom in a data listener")

        if before:
            s.on("data", boom)
        s.pipe(s)
        if not before:
            s.on("data", boom)
        s.on("end", lambda: events.append("server end"))
        s.on("finish", lambda: events.append("server finish"))
        s.on("close", lambda had_error: (events.append(("server close", had_error)), server.close()))

    server = gnet.createServer(on_connection)
    got = []

    def listening():
        c = st["c"] = gnet.connect(server.address()["port"], "127.0.0.1", lambda: c.write("a"))
        c.on("data", got.append)
        c.on("end", lambda: events.append(("client end", b"".join(got))))
        c.on("close", lambda had_error: events.append(("client close", had_error)))

    server.listen(0, "127.0.0.1", listening)
    return events, st, server


@pytest.mark.parametrize("before", [False, True], ids=["raises-after-pipe", "raises-before-pipe"])
def test_listener_raising_in_a_pipe_with_uncaught_handler_leaves_both_streams_working(before):
    """Node (compat: faults/pipe_listener_raises_*): the exception reaches
    'uncaughtException'; the pipe goes on, flowing; the chunk reaches the
    destination only if the pipe's own listener ran before the raising one."""
    events, st, server = _pipe_echo_with_raising_listener(before)

    def on_uncaught(err, origin):
        s = st["s"]
        events.append(("uncaught", str(err), origin))
        events.append(("state", s.readableFlowing, s.isPaused(), s.writable, s.destroyed, s.listenerCount("data")))
        st["c"].end("b")

    gnet.process.on("uncaughtException", on_uncaught)
    try:
        gnet.run()
    finally:
        gnet.process.removeListener("uncaughtException", on_uncaught)
    assert events == [
        ("uncaught", "boom in a data listener", "uncaughtException"),
        ("state", True, False, True, False, 2),
        "server end", "server finish", ("server close", False),
        ("client end", b"b" if before else b"ab"), ("client close", False),
    ]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_listener_raising_in_a_pipe_without_handler_crashes_as_node_does(tmp_path):
    """Node dies of it (status 1, the error on stderr); gnet.run() raises it."""
    script = tmp_path / "crash.js"
    script.write_text(textwrap.dedent("""\
        const net = require('net');
        const server = net.createServer((s) => {
          s.pipe(s);
          s.on('data', () => { throw new Error('boom in a data listener'); });
        });
        server.listen(0, '127.0.0.1', () => net.connect(server.address().port, '127.0.0.1').write('a'));
    """))
    node = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=30)
    assert node.returncode == 1 and "boom in a data listener" in node.stderr

    events, st, server = _pipe_echo_with_raising_listener(before=False)
    with pytest.raises(RuntimeError, match="boom in a data listener"):
        gnet.run()
    # Cleaned up by hand, as a crashed Node process would be by the kernel.
    st["s"].destroy()
    st["c"].destroy()
    server.close()
    gnet.run()


# ---------------------------------------------------------------------------
# destroy() or end() from another greenlet while this connection's listener blocks


def _blocked_listener(act):
    """A server whose 'data' listener blocks until the client sees its socket
    end; meanwhile another greenlet calls ``act(s)``. Returns the events."""
    events = []
    blocked = gevent.event.Event()
    release = gevent.event.Event()

    def on_connection(s):
        def on_data(chunk):
            blocked.set()
            assert release.wait(GUARD)
            events.append(("listener returns", s.destroyed, s.writableEnded))
            events.append(("late write returned", s.write(b"late", lambda err=None: events.append(
                ("late write cb", getattr(err, "code", err))))))

        s.on("data", on_data)
        for name in ("end", "finish"):
            s.on(name, lambda name=name: events.append("server " + name))
        s.on("error", lambda err: events.append(("server error", err.code)))
        s.on("close", lambda had_error: events.append(("server close", had_error)))

        def other_greenlet():
            assert blocked.wait(GUARD)
            events.append(("other greenlet", act(s) is s, s.destroyed))

        gevent.spawn(other_greenlet)

    server = gnet.createServer(on_connection)
    got = []

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"go"))
        client.on("data", got.append)
        client.on("end", lambda: (events.append(("client end", b"".join(got))), release.set()))
        client.on("close", lambda had_error: (events.append(("client close", had_error)), server.close()))

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    return events


def test_destroy_from_another_greenlet_while_the_listener_blocks():
    """The socket is destroyed at once ('close' does not wait for the blocked
    listener: the connection is gone, and its peer sees it end); the listener,
    when it returns, finds it destroyed, and its write fails in its callback
    only, as a write after destroy() does in Node."""
    events = _blocked_listener(lambda s: s.destroy())
    assert events[:2] == [("other greenlet", True, True), ("server close", False)]
    assert events[2:] == [
        ("client end", b""),
        ("listener returns", True, False), ("late write returned", False),
        ("late write cb", "ERR_STREAM_DESTROYED"), ("client close", False),
    ] or events[2:] == [
        ("client end", b""), ("client close", False),
        ("listener returns", True, False), ("late write returned", False),
        ("late write cb", "ERR_STREAM_DESTROYED"),
    ]


def test_end_from_another_greenlet_while_the_listener_blocks():
    """end() sends the data and the FIN at once; 'finish' and the peer's 'end'
    reach this socket when its listener returns, in Node's order, and a write
    after that is Node's write after end."""
    events = _blocked_listener(lambda s: s.end(b"bye"))
    assert events == [
        ("other greenlet", True, False), ("client end", b"bye"),
        ("listener returns", False, True), ("late write returned", False),
        ("late write cb", "ERR_STREAM_WRITE_AFTER_END"), ("server error", "ERR_STREAM_WRITE_AFTER_END"),
        ("server close", True), ("client close", False),
    ]


def test_end_from_another_greenlet_then_the_listener_returns_quietly():
    events = []
    blocked = gevent.event.Event()
    release = gevent.event.Event()

    def on_connection(s):
        s.on("data", lambda chunk: (blocked.set(), release.wait(GUARD), events.append("listener returns")))
        for name in ("end", "finish"):
            s.on(name, lambda name=name: events.append("server " + name))
        s.on("close", lambda had_error: (events.append(("server close", had_error)), server.close()))
        gevent.spawn(lambda: blocked.wait(GUARD) and s.end(b"bye"))

    server = gnet.createServer(on_connection)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"go"))
        got = []
        client.on("data", got.append)
        client.on("end", lambda: (events.append(("client end", b"".join(got))), release.set()))
        client.on("close", lambda had_error: events.append(("client close", had_error)))

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    server_side = [e for e in events if e[0] != "client close"]
    assert server_side == [("client end", b"bye"), "listener returns", "server finish", "server end",
                           ("server close", False)]
    assert ("client close", False) in events


# ---------------------------------------------------------------------------
# gevent.kill of the greenlet serving a connection while its listener blocks


def _kill_when_blocked(event_name):
    """Two connections; the first one's ``event_name`` listener blocks and its
    greenlet is killed. Returns (events, the other connection's echo)."""
    events = []
    blocked = gevent.event.Event()
    seen_by_user = []
    uncaught = []
    serving = {}

    def on_connection(s):
        index = len(serving)
        serving[index] = None

        def block(*args):
            if index == 0:
                serving[0] = gevent.getcurrent()
                blocked.set()
                try:
                    gevent.sleep(60)
                except BaseException as exc:  # noqa: B902 - what the listener sees is the point
                    seen_by_user.append(type(exc).__name__)
                    raise

        s.on("end", s.end)
        s.on("error", lambda err: events.append(("server error", index, type(err).__name__, err.code, str(err))))
        s.on("close", lambda had_error: events.append(("server close", index, had_error)))
        if index:
            s.on("data", s.write)
        elif event_name == "connection":
            block()
        else:
            s.on("data", block)

    server = gnet.createServer(on_connection)
    echo = []

    def listening():
        port = server.address()["port"]
        first = gnet.connect(port, "127.0.0.1", lambda: first.write(b"go"))
        # Its 'go' was never read if the 'connection' listener blocked: the
        # kernel then resets the connection when the server closes it.
        first.on("error", lambda err: events.append(("first client error", err.code)))
        first.on("end", lambda: events.append("first client end"))
        first.on("close", lambda had_error: events.append(("first client close", had_error)))

        def kill_then_use_another_connection():
            assert blocked.wait(GUARD)
            gevent.kill(serving[0])
            second = gnet.connect(port, "127.0.0.1", lambda: second.end(b"still served"))
            second.on("data", echo.append)
            second.on("close", lambda had_error: server.close())

        gevent.spawn(kill_then_use_another_connection)

    gnet.process.on("uncaughtException", lambda err, origin: uncaught.append(err))
    try:
        server.listen(0, "127.0.0.1", listening)
        gnet.run()
    finally:
        gnet.process.removeAllListeners("uncaughtException")
    assert serving[0].dead
    assert seen_by_user == ["GreenletExit"]     # only the blocked call itself sees the kill
    assert uncaught == []
    return events, b"".join(echo)


@pytest.mark.parametrize("event_name", ["data", "connection"])
def test_killing_the_greenlet_of_a_blocked_listener_destroys_its_connection_with_abort_error(event_name):
    """The connection is destroyed with Node's AbortError (ABORT_ERR, as a
    stream whose work is aborted from outside), its peer sees it end, and no
    other connection notices."""
    events, echo = _kill_when_blocked(event_name)
    mine = [e for e in events if e[0] != "server error" or e[1] == 0]
    assert ("server error", 0, "AbortError", "ABORT_ERR", "The operation was aborted") in events
    assert [e for e in mine if isinstance(e, tuple) and e[0] in ("server error", "server close") and e[1] == 0] == [
        ("server error", 0, "AbortError", "ABORT_ERR", "The operation was aborted"), ("server close", 0, True)]
    if event_name == "data":
        assert "first client end" in events and ("first client close", False) in events
    else:
        assert ("first client error", "ECONNRESET") in events and ("first client close", True) in events
    assert echo == b"still served"
    assert ("server close", 1, False) in events
    assert not [e for e in events if e[0] == "server error" and e[1] == 1]


def test_killing_a_client_connect_greenlet_blocked_in_its_connect_listener():
    events = []
    blocked = gevent.event.Event()
    serving = []

    server = gnet.createServer(lambda s: s.resume())

    def on_connect():
        serving.append(gevent.getcurrent())
        blocked.set()
        gevent.sleep(60)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", on_connect)
        client.on("error", lambda err: events.append(("error", err.code)))
        client.on("close", lambda had_error: (events.append(("close", had_error)), server.close()))
        gevent.spawn(lambda: blocked.wait(GUARD) and gevent.kill(serving[0]))

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert events == [("error", "ABORT_ERR"), ("close", True)]


def test_killing_a_blocked_listener_keeps_the_ticks_it_queued_for_others():
    """A nextTick queued by the killed listener (here: another socket's write
    callback) still runs: the kill costs only the killed connection."""
    events = []
    blocked = gevent.event.Event()
    serving = []

    def on_connection(s):
        if serving:
            s.resume()
            return

        def on_data(chunk):
            serving.append(gevent.getcurrent())
            gnet.nextTick(lambda: events.append("tick of the killed listener"))
            blocked.set()
            gevent.sleep(60)

        s.on("data", on_data)
        s.on("error", lambda err: events.append(("error", err.code)))
        s.on("close", lambda had_error: (events.append(("close", had_error)), server.close()))

    server = gnet.createServer(on_connection)

    def listening():
        client = gnet.connect(server.address()["port"], "127.0.0.1", lambda: client.write(b"go"))
        client.resume()
        gevent.spawn(lambda: blocked.wait(GUARD) and gevent.kill(serving[0]))

    server.listen(0, "127.0.0.1", listening)
    gnet.run()
    assert events == ["tick of the killed listener", ("error", "ABORT_ERR"), ("close", True)]


@pytest.mark.parametrize("schedule", ["setTimeout", "setImmediate"])
def test_killing_a_blocked_timer_or_immediate_callback_leaves_the_other_callbacks_running(schedule):
    """The greenlet that runs timers and immediates is killed while one of
    them blocks: that callback is abandoned, and everything else still runs:
    its nextTick, the callbacks queued beside it, later timers, and the
    connections' 'close'."""
    events = []
    blocked = gevent.event.Event()
    serving = []

    def block():
        serving.append(gevent.getcurrent())
        gnet.nextTick(lambda: events.append("tick of the killed callback"))
        blocked.set()
        gevent.sleep(60)

    def after_kill():
        gnet.setTimeout(lambda: events.append("later timer"), 1)
        server = gnet.createServer(lambda s: s.end())
        server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1").on(
            "close", lambda had_error: (events.append(("client close", had_error)), server.close())).resume())

    if schedule == "setTimeout":
        gnet.setTimeout(block, 1)
        gnet.setTimeout(lambda: events.append("queued beside it"), 1)
    else:
        gnet.setImmediate(block)
        gnet.setImmediate(lambda: events.append("queued beside it"))
    gevent.spawn(lambda: (blocked.wait(GUARD), gevent.kill(serving[0]), after_kill()))
    gnet.run()
    assert serving[0].dead
    # What was queued beside it may run while it blocks, before the kill.
    assert sorted(events[:2]) == ["queued beside it", "tick of the killed callback"]
    assert sorted(events[2:], key=str) == sorted(["later timer", ("client close", False)], key=str)
