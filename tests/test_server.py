"""Server: Node's surface, and the gevent StreamServer surface people already know.

Node's event order for listen/close/drop is proven by compat/scenarios/server;
these tests cover the gevent side, limits, and what a trace cannot show.
"""
import os
import socket as stdsocket
import subprocess
import sys
import warnings

import gevent
import gevent.event
import gevent.server
import pytest

import gnet


def test_server_is_a_gevent_stream_server_and_an_event_emitter():
    server = gnet.Server()
    assert isinstance(server, gevent.server.StreamServer)
    assert isinstance(server, gnet.EventEmitter)
    assert server.listening is False and server.address() is None
    assert server.started is False


def test_listen_without_host_binds_at_once_and_raises_on_a_second_listen():
    server = gnet.createServer()
    assert server.listen(0) is server
    assert server.listening is True
    assert server.address()["family"] in ("IPv6", "IPv4")
    assert server.server_port == server.address()["port"]
    with pytest.raises(gnet.NodeError) as info:
        server.listen(0)
    assert info.value.code == "ERR_SERVER_ALREADY_LISTEN"
    server.close()
    gnet.run()


def test_listen_with_a_host_waits_for_the_lookup_and_close_in_between_wins():
    events = []
    server = gnet.createServer()
    server.on("listening", lambda: events.append("listening"))
    server.on("close", lambda: events.append("close"))
    server.listen(0, "127.0.0.1")
    assert server.listening is False
    server.close()
    gnet.run()
    assert events == ["close"]


def test_eaddrinuse_is_emitted_and_listen_works_again_after():
    first = gnet.createServer().listen(0)
    port = first.address()["port"]
    second = gnet.createServer()
    seen = []

    def on_error(err):
        seen.append((err.code, err.syscall, isinstance(err, OSError)))
        second.listen(0, lambda: (seen.append("listening again"), second.close(), first.close()))

    second.on("error", on_error)
    second.listen(port)
    gnet.run()
    assert seen == [("EADDRINUSE", "listen", True), "listening again"]


def test_close_callback_gets_server_not_running_when_not_listening():
    got = []
    gnet.createServer().close(lambda err: got.append(err.code))
    gnet.run()
    assert got == ["ERR_SERVER_NOT_RUNNING"]


def test_close_waits_for_connections_then_emits_close():
    order = []

    def on_connection(conn):
        server.close(lambda *_: order.append("server closed"))
        conn.on("end", lambda: (order.append("connection ended"), conn.end()))

    server = gnet.createServer(on_connection).listen(0)
    client = gnet.connect(server.address()["port"], "127.0.0.1")
    client.on("connect", client.end)
    client.resume()
    gnet.run()
    assert order == ["connection ended", "server closed"]


def test_listen_again_while_connections_drain_puts_off_close_until_the_next_close():
    # Node's order (checked with node v20): listening again takes the server
    # out of its closing; the first close() callback runs with the second.
    order = []

    def on_connection(conn):
        order.append("connection")
        server.close(lambda err: order.append(("close cb", err, server.listening)))
        server.listen(0, lambda: (order.append("listening again"), conn.end()))

    def on_client_close():
        order.append("client close")
        gnet.setImmediate(lambda: (order.append("closing again"), server.close()))

    server = gnet.createServer(on_connection)
    server.on("close", lambda: order.append(("close event", server.listening)))
    server.listen(0)
    client = gnet.connect(server.address()["port"], "127.0.0.1")
    client.resume()
    client.on("close", on_client_close)
    gnet.run()
    assert order == ["connection", "listening again", "client close", "closing again",
                     ("close event", False), ("close cb", None, False)]


def test_max_connections_drops_extra_connections_with_drop_event():
    drops = []
    accepted = []
    server = gnet.createServer(lambda c: accepted.append(c))
    server.maxConnections = 1
    server.on("drop", lambda data: drops.append(sorted(data)))
    server.listen(0)
    port = server.address()["port"]
    first = gnet.connect(port, "127.0.0.1")

    def second_one():
        second = gnet.connect(port, "127.0.0.1")
        second.resume()
        second.on("close", lambda *_: (first.destroy(), server.close()))

    first.on("connect", second_one)
    gnet.run()
    assert len(accepted) == 1
    assert drops == [["localAddress", "localFamily", "localPort", "remoteAddress", "remoteFamily", "remotePort"]]


def test_get_connections_counts_open_connections_on_the_next_tick():
    counts = []

    def on_connection(conn):
        server.getConnections(lambda err, n: (counts.append((err, n)), conn.end(), server.close()))

    server = gnet.createServer(on_connection).listen(0)
    gnet.connect(server.address()["port"], "127.0.0.1").resume()
    gnet.run()
    assert counts == [(None, 1)]


def test_connections_property_is_deprecated():
    server = gnet.createServer()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert server.connections == 0
        assert getattr(server, "connections") == 0
    assert [w.category for w in caught] == [DeprecationWarning] * 2
    # Pointed at the user's line, as every gnet warning is, not at gnet's.
    assert {w.filename for w in caught} == {__file__}


def test_unrefd_listening_server_lets_run_return():
    server = gnet.createServer().listen(0)
    assert server.unref() is server
    gnet.run()
    assert server.listening
    server.ref()
    server.close()
    gnet.run()


def test_unix_socket_path_is_unlinked_on_close(tmp_path):
    path = str(tmp_path / "gnet.sock")
    server = gnet.createServer(lambda c: c.end(b"hi"))
    server.listen(path)
    assert server.address() == path
    assert os.path.exists(path)
    got = []
    client = gnet.connect(path)
    client.on("data", got.append)
    client.on("close", lambda *_: server.close())
    gnet.run()
    assert got == [b"hi"]
    assert not os.path.exists(path)


def test_connection_listener_may_block_without_stopping_accepts():
    served = []
    fast_served = gevent.event.Event()

    def on_connection(conn):
        if not served:
            served.append("slow")
            fast_served.wait()          # a database call, say: returns once the other is served
            served.append("slow done")
        else:
            served.append("fast")
            fast_served.set()
        conn.end()

    server = gnet.createServer(on_connection).listen(0)
    port = server.address()["port"]
    closed = []

    def done(*_):
        closed.append(1)
        if len(closed) == 2:
            server.close()

    for _ in range(2):
        c = gnet.connect(port, "127.0.0.1")
        c.resume()
        c.on("close", done)
    gnet.run()
    assert served == ["slow", "fast", "slow done"]


def test_serve_forever_blocks_until_stop_from_another_greenlet():
    server = gnet.createServer(lambda c: c.end(b"ok"))
    server.listen(0)
    got = []

    def client():
        c = gnet.connect(server.address()["port"], "127.0.0.1")
        for chunk in c:
            got.append(chunk)
        server.stop(timeout=1)

    gevent.spawn(client)
    server.serve_forever()
    assert got == [b"ok"]
    assert server.listening is False


def test_killing_serve_forever_stops_the_server_with_its_stop_timeout():
    """As gevent's: a greenlet killed in serve_forever(stop_timeout) stops the
    server, waiting stop_timeout seconds for the connections, then destroying
    them. The class default (stop_timeout = 60 here) would outlast the test."""
    accepted = []
    server = gnet.createServer(accepted.append)
    server.stop_timeout = 60
    server.listen(0)
    serving = gevent.spawn(server.serve_forever, 0)
    client = gnet.connect(server.address()["port"], "127.0.0.1")
    client.on("error", lambda err: None)    # however the peer's destroy reaches it
    try:
        gnet.once(server, "connection", timeout=5000)
        assert server.listenerCount("close") == 1       # serve_forever waits for it
        serving.kill(block=True, timeout=5)
        assert serving.dead
        assert server.listening is False
        assert accepted[0].destroyed
        gnet.once(client, "close", timeout=5000)
    finally:
        serving.kill()
        if server.listening:
            server.stop(0)
        client.destroy()
        gnet.run()


def test_start_listens_on_the_last_listen_arguments():
    server = gnet.createServer()
    server.listen(0, "127.0.0.1")
    server.close()
    gnet.run()
    server.start()
    assert server.started and server.server_host == "127.0.0.1"
    server.close()
    gnet.run()


def test_stop_destroys_connections_still_open_after_the_timeout():
    closed = []
    server = gnet.createServer(lambda c: c.on("close", lambda *_: closed.append("server side")))
    server.listen(0)
    client = gnet.connect(server.address()["port"], "127.0.0.1")
    client.resume()
    client.on("close", lambda *_: closed.append("client side"))
    client.on("connect", lambda: gevent.spawn(server.stop, 0.05))
    gnet.run()
    assert sorted(closed) == ["client side", "server side"]


def test_a_plain_gevent_stream_server_works_beside_gnet():
    def handle(sock, address):
        sock.sendall(sock.recv(10).upper())
        sock.close()

    plain = gevent.server.StreamServer(("127.0.0.1", 0), handle)
    plain.start()
    got = []
    client = gnet.connect(plain.server_port, "127.0.0.1")
    client.on("connect", lambda: client.write(b"abc"))
    client.on("data", got.append)
    client.on("close", lambda *_: plain.stop())
    gnet.run()
    assert got == [b"ABC"]


def test_echo_main_job_greets_and_echoes(tmp_path):
    path = str(tmp_path / "echo.sock")
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.Popen([sys.executable, "-m", "gnet", "echo", "--path", path],
                            stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout.readline().startswith("server bound")
        s = stdsocket.socket(stdsocket.AF_UNIX)
        s.settimeout(10)
        s.connect(path)
        assert s.recv(100) == b"hello\r\n"
        s.sendall(b"marco")
        assert s.recv(100) == b"marco"
        s.close()
        assert proc.stdout.readline().strip() == "client connected"
        assert proc.stdout.readline().strip() == "client disconnected"
    finally:
        proc.kill()
        proc.wait()


def test_connect_main_job_pipes_stdin_to_the_socket_and_the_socket_to_stdout(tmp_path):
    """``python -m gnet connect``: like nc, against a gnet server that shouts back."""
    path = str(tmp_path / "nc.sock")
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    def on_connection(conn):
        received = []
        conn.on("data", received.append)
        conn.on("end", lambda: conn.end(b"".join(received).upper()))

    server = gnet.createServer({"allowHalfOpen": True}, on_connection)
    server.listen(path)
    outputs = []

    def run_client():
        proc = subprocess.run([sys.executable, "-m", "gnet", "connect", "--path", path],
                              input=b"hello over stdin\n", capture_output=True, env=env, timeout=15)
        outputs.append(proc)
        server.close()

    pool = gevent.get_hub().threadpool
    pool.spawn(run_client)
    gnet.run()
    assert outputs[0].returncode == 0, outputs[0].stderr
    assert outputs[0].stdout == b"HELLO OVER STDIN\n"


def test_connection_comes_in_its_turn_when_gnet_loop_state_is_made_during_the_accept():
    """The loop's service check, made in the middle of a turn (here: the first
    accepted socket makes gnet's loop state, from the accept callback), still
    runs in the next turn without waiting for I/O that may never come."""
    from gnet.eventloop import loop as gnet_loop
    import gevent.socket

    server = gnet.createServer(lambda c: c.end(b"hello")).listen(0)
    port = server.address()["port"]
    gnet_loop._loops.clear()        # as after a hub that gnet used is replaced
    client = gevent.socket.create_connection(("127.0.0.1", port))
    got = client.recv(100)          # waits on the server's greeting alone
    client.close()
    server.close()
    gnet.run()
    assert got == b"hello"


@pytest.mark.parametrize("delay_ms, seconds", [
    (float("inf"), 0), (3e12, -1294967296), (-2500, 0), (1500.7, 1), (float("nan"), 0)])
def test_keep_alive_initial_delay_becomes_whole_seconds_as_in_node(delay_ms, seconds):
    # Values printed by Node v20: net.createServer({keepAliveInitialDelay}).keepAliveInitialDelay
    server = gnet.Server({"keepAlive": True, "keepAliveInitialDelay": delay_ms})
    assert server.keepAliveInitialDelay == seconds


def test_a_failed_pipe_chmod_leaves_the_server_not_listening(tmp_path, monkeypatch):
    """readableAll when the socket file cannot be changed: Node closes the
    handle and throws 'uv_pipe_chmod'; no 'listening' follows, close(cb) gets
    ERR_SERVER_NOT_RUNNING, and the path is free again."""
    import errno as errno_mod
    path = str(tmp_path / "s.sock")

    def refuse(*args, **kwargs):
        raise PermissionError(errno_mod.EPERM, "Operation not permitted")

    monkeypatch.setattr("gnet.net.server.os.chmod", refuse)
    server = gnet.createServer()
    events = []
    server.on("listening", lambda: events.append("listening"))
    with pytest.raises(OSError) as info:
        server.listen({"path": path, "readableAll": True})
    assert (info.value.code, info.value.syscall) == ("EPERM", "uv_pipe_chmod")
    assert server.listening is False
    assert not os.path.exists(path)
    server.close(lambda err=None: events.append(("close cb", getattr(err, "code", None))))
    gnet.run()
    assert events == [("close cb", "ERR_SERVER_NOT_RUNNING")]


@pytest.mark.parametrize("gai_errno, code", [
    (stdsocket.EAI_NONAME, "ENOTFOUND"), (stdsocket.EAI_FAIL, "EAI_FAIL"), (stdsocket.EAI_AGAIN, "EAI_AGAIN")])
def test_listen_on_a_host_that_does_not_resolve_emits_the_lookup_error(monkeypatch, gai_errno, code):
    """The server looks its host up as connect() does (Node's dns.lookup): the
    resolver's error keeps its own name. Node v20 printed, for a name that does
    not exist: 'error' ENOTFOUND getaddrinfo, message 'getaddrinfo ENOTFOUND
    no-such-host.invalid', listening false."""
    def resolver(*args, **kwargs):
        raise stdsocket.gaierror(gai_errno, "resolver says no")

    monkeypatch.setattr("gnet.net.connect._gsocket.getaddrinfo", resolver)
    server = gnet.createServer()
    seen = []
    server.on("error", lambda err: seen.append((err.code, err.syscall, err.hostname, str(err), server.listening)))
    server.on("listening", lambda: seen.append("listening"))
    server.listen(0, "no-such-host.invalid")
    gnet.run()
    assert seen == [(code, "getaddrinfo", "no-such-host.invalid", "getaddrinfo %s no-such-host.invalid" % code, False)]


def test_server_no_delay_and_keep_alive_reach_every_accepted_socket():
    seen = []

    def on_connection(sock):
        raw = sock._handle.sock      # the descriptor the handle owns
        seen.append((raw.getsockopt(stdsocket.IPPROTO_TCP, stdsocket.TCP_NODELAY) != 0,
                     raw.getsockopt(stdsocket.SOL_SOCKET, stdsocket.SO_KEEPALIVE) != 0,
                     raw.getsockopt(stdsocket.IPPROTO_TCP, stdsocket.TCP_KEEPIDLE)))
        sock.destroy()
        server.close()

    server = gnet.createServer({"noDelay": True, "keepAlive": True, "keepAliveInitialDelay": 7000},
                               on_connection)
    server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1")
                  .on("error", lambda err: None))
    gnet.run()
    assert seen == [(True, True, 7)]
