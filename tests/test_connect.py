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
