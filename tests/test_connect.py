"""How a socket connects (gnet/net/connect.py): the custom lookup's call and
answer, and what a connect leaves behind."""
import gc
import weakref

import greenlet

import gnet


def _live_greenlets():
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, greenlet.greenlet) and not o.dead)


def _never_answers(host, opts, cb):
    pass


def test_custom_lookup_is_called_before_connect_returns():
    seen = []
    sock = gnet.connect({"port": 1, "host": "never.test",
                         "lookup": lambda host, opts, cb: seen.append((host, opts))})
    assert seen == [("never.test", {"family": None, "hints": 32, "all": True})]
    assert type(seen[0][1]["hints"]) is int
    assert sock.connecting
    sock.destroy()
    gnet.run()


def test_a_lookup_that_never_answers_holds_nothing():
    sock = gnet.connect({"port": 1, "host": "never.test", "lookup": _never_answers})
    gnet.run()   # returns: nothing is held
    assert sock.connecting and not sock.destroyed
    sock.destroy()
    gnet.run()


def test_destroyed_sockets_with_unanswered_lookups_leave_nothing_behind():
    gnet.run()
    before = _live_greenlets()
    refs = []
    closed = []
    for _ in range(20):
        sock = gnet.connect({"port": 1, "host": "never.test", "lookup": _never_answers})
        sock.on("close", lambda *_: closed.append(True))
        sock.destroy()
        refs.append(weakref.ref(sock))
        del sock
    gnet.run()
    assert len(closed) == 20
    assert _live_greenlets() <= before
    gc.collect()
    assert [r for r in refs if r() is not None] == []


def test_a_lookup_answered_after_destroy_connects_nothing():
    answers = []
    sock = gnet.connect({"port": 1, "host": "late.test",
                         "lookup": lambda host, opts, cb: answers.append(cb)})
    events = []
    sock.on("lookup", lambda *args: events.append("lookup"))
    sock.on("connect", lambda: events.append("connect"))
    sock.destroy()
    gnet.run()
    answers[0](None, [{"address": "127.0.0.1", "family": 4}])
    gnet.run()
    assert events == [] and sock.destroyed


def test_default_lookup_answers_enotfound_for_names_idna_refuses():
    from gnet.net.connect import default_lookup
    for host in ("a" * 64 + ".example", "a..example", ".example"):
        err, address, family = default_lookup(host, {"family": None, "hints": 0})
        assert (err.code, err.syscall, err.hostname, str(err)) == (
            "ENOTFOUND", "getaddrinfo", host, "getaddrinfo ENOTFOUND " + host)
        assert address is None and family is None


def test_a_path_connects_unbound_whatever_the_local_options(tmp_path):
    path = str(tmp_path / "s.sock")
    server = gnet.createServer(lambda c: c.end())
    events = []

    def start():
        client = gnet.connect({"path": path, "localPort": 5, "localAddress": "127.0.0.1"})
        client.on("connect", lambda: events.append("connect"))
        client.on("error", lambda err: events.append(err))
        client.on("close", lambda *_: server.close())
        client.resume()

    server.listen(path, start)
    gnet.run()
    assert events == ["connect"]


def test_local_port_binds_modulo_65536_and_checks_the_port_bound():
    server = gnet.createServer()
    seen = {}

    def start():
        port = server.address()["port"]

        def closed():
            left = [3]
            for local_port in (65536, 70000, 1.5):
                sock = gnet.connect({"port": port, "host": "127.0.0.1", "localPort": local_port})
                sock.on("error", lambda err, lp=local_port: seen.__setitem__(lp, err))
                sock.on("close", lambda *_: left.__setitem__(0, left[0] - 1))
        server.close(closed)

    server.listen(0, "127.0.0.1", start)
    gnet.run()
    for local_port, err in seen.items():
        assert (err.code, err.syscall, err.address, err.port, str(err)) == (
            "EADDRINUSE", "bind", "0.0.0.0", local_port, "bind EADDRINUSE 0.0.0.0:%s" % local_port)
    assert sorted(seen) == [1.5, 65536, 70000]
