"""Each connection has its own ``contextvars.Context`` (issue 13.6).

A few shared service greenlets serve every connection, so a context variable
set in one connection's listener would otherwise be seen by the next
connection that greenlet serves. Each socket's callbacks run in the socket's
own context, whichever greenlet runs them, as each asyncio task has its own.
"""

import contextvars

import gevent.event

import gnet

request_id = contextvars.ContextVar("request_id", default=None)


def serve(on_connection, clients, on_done, setup=None):
    """A server with ``on_connection``; ``clients`` sockets connect and each
    writes its name; ``on_done`` runs when the server has closed."""
    server = gnet.createServer(on_connection)
    if setup is not None:
        setup(server)

    def on_listening():
        for name in clients:
            c = gnet.connect(server.address()["port"], "127.0.0.1")
            c.write(name)
            c.resume()
            c.on("end", c.end)

    server.listen(0, "127.0.0.1", on_listening)
    gnet.run()
    on_done()


def test_a_value_set_by_one_connection_is_not_seen_by_another():
    seen = []
    remaining = [3]

    def on_connection(c):
        seen.append(("connection", request_id.get()))

        def on_data(data):
            request_id.set(data.decode())
            # Another connection's 'data' may run between these two on the
            # same service greenlet; what this connection set stays its own.
            gnet.setImmediate(lambda: (seen.append((data.decode(), request_id.get())), c.end()))

        c.on("data", on_data)
        c.on("close", lambda: (remaining.__setitem__(0, remaining[0] - 1),
                               remaining[0] == 0 and server_ref[0].close()))

    server_ref = []
    serve(on_connection, ["a", "b", "c"], lambda: None, setup=server_ref.append)
    assert sorted(x for x in seen if x[0] != "connection") == [("a", "a"), ("b", "b"), ("c", "c")]
    # Each 'connection' listener starts from the server's context, untouched by the others.
    assert [x for x in seen if x[0] == "connection"] == [("connection", None)] * 3


def test_values_set_before_listen_are_seen_by_every_connection():
    token = request_id.set("from-main")
    try:
        seen = []

        def on_connection(c):
            seen.append(request_id.get())
            request_id.set("changed-by-connection")
            c.end()
            if len(seen) == 2:
                server.close(lambda: seen.append(("close", request_id.get())))

        server = gnet.createServer(on_connection)

        def on_listening():
            for _ in range(2):
                gnet.connect(server.address()["port"], "127.0.0.1").resume()

        server.listen(0, "127.0.0.1", on_listening)
        gnet.run()
        assert seen[:2] == ["from-main", "from-main"]
        assert request_id.get() == "from-main"      # the main script's own context is untouched
    finally:
        request_id.reset(token)


def test_timers_close_and_timeout_run_in_the_connections_context():
    seen = []

    def on_connection(c):
        request_id.set("conn")
        gnet.setTimeout(lambda: seen.append(("timer", request_id.get())), 1)
        gnet.setImmediate(lambda: seen.append(("immediate", request_id.get())))
        c.setTimeout(5)
        c.on("timeout", lambda: (seen.append(("timeout", request_id.get())), c.destroy()))
        c.on("close", lambda: (seen.append(("close", request_id.get())), server.close()))

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1")
                  .on("close", lambda: None).resume())
    gnet.run()
    assert sorted(seen) == [("close", "conn"), ("immediate", "conn"), ("timeout", "conn"), ("timer", "conn")]


def test_close_runs_in_the_closed_sockets_context_even_when_another_destroys_it():
    seen = []
    sockets = {}

    def on_connection(c):
        name = "first" if not sockets else "second"
        sockets[name] = c
        request_id.set(name)
        c.on("close", lambda: seen.append((name, request_id.get())))
        if name == "second":
            sockets["first"].destroy()      # from the second connection's listener
            c.destroy()
            server.close()

    server = gnet.createServer(on_connection)

    def on_listening():
        first = gnet.connect(server.address()["port"], "127.0.0.1")
        first.resume()
        first.on("connect", lambda: gnet.connect(server.address()["port"], "127.0.0.1").resume())

    server.listen(0, "127.0.0.1", on_listening)
    gnet.run()
    assert sorted(seen) == [("first", "first"), ("second", "second")]


def test_a_blocked_listener_keeps_its_context_while_others_are_served():
    released = gevent.event.Event()
    seen = []

    def on_connection(c):
        def on_data(data):
            name = data.decode()
            request_id.set(name)
            if name == "blocker":
                released.wait()             # blocks this connection only
            else:
                released.set()
            seen.append((name, request_id.get()))
            c.end()
            if len(seen) == 2:
                server.close()
        c.on("data", on_data)

    server = gnet.createServer(on_connection)

    def on_listening():
        port = server.address()["port"]
        blocker = gnet.connect(port, "127.0.0.1")
        blocker.write("blocker")
        blocker.resume()
        blocker.on("connect", lambda: gnet.setTimeout(
            lambda: gnet.connect(port, "127.0.0.1").resume().write("other"), 5))

    server.listen(0, "127.0.0.1", on_listening)
    gnet.run()
    assert seen == [("other", "other"), ("blocker", "blocker")]


def test_a_client_made_in_a_listener_starts_from_a_copy_of_that_connections_context():
    seen = []

    def on_connection(c):
        if seen:                            # the inner client's connection
            c.end()
            return
        seen.append(("outer", request_id.get()))
        request_id.set("outer")
        inner = gnet.connect(server.address()["port"], "127.0.0.1")

        def on_inner_connect():
            seen.append(("inner", request_id.get()))
            request_id.set("inner")         # its own copy: the outer one keeps "outer"
            inner.end()

        inner.on("connect", on_inner_connect)
        inner.on("close", lambda: (seen.append(("inner close", request_id.get())), c.end(), server.close()))
        inner.resume()

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1").resume())
    gnet.run()
    # The inner client's 'close' runs in the inner client's context.
    assert seen == [("outer", None), ("inner", "outer"), ("inner close", "inner")]


def test_a_tls_connection_has_its_own_context_too(tmp_path):
    trustme = __import__("pytest").importorskip("trustme")
    import gnet.tls

    ca = trustme.CA()
    cert = ca.issue_cert("localhost")
    key_pem, cert_pem = cert.private_key_pem.bytes(), cert.cert_chain_pems[0].bytes()
    seen = []

    def on_secure(c):
        def on_data(data):
            request_id.set(data.decode())
            gnet.setImmediate(lambda: (seen.append((data.decode(), request_id.get())), c.end()))
        c.on("data", on_data)

    server = gnet.tls.createServer({"key": key_pem, "cert": cert_pem}, on_secure)
    closed = []

    def on_listening():
        for name in ("a", "b"):
            c = gnet.tls.connect({"port": server.address()["port"], "host": "127.0.0.1",
                                  "ca": ca.cert_pem.bytes(), "servername": "localhost"})
            c.on("secureConnect", lambda c=c, name=name: c.write(name))
            c.resume()
            c.on("close", lambda: (closed.append(1), len(closed) == 2 and server.close()))

    server.listen(0, "127.0.0.1", on_listening)
    gnet.run()
    assert sorted(seen) == [("a", "a"), ("b", "b")]
