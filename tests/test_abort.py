"""AbortController, AbortSignal and the ``signal`` option (issue 12 item 18).

Node's traces are pinned by compat/scenarios/abort/*, socket/signal_*,
server/listen_signal_* and events/events_once_signal_*; these tests check the
same behaviours from Python, synchronising on events only.
"""

import gevent.event
import pytest

import gnet
from gnet import AbortController, AbortError, AbortSignal, DOMException

GUARD_MS = 5000


# -- AbortController / AbortSignal -------------------------------------------

def test_abort_without_reason_gives_node_abort_error_domexception():
    ac = AbortController()
    assert ac.signal.aborted is False and ac.signal.reason is None
    ac.abort()
    reason = ac.signal.reason
    assert isinstance(reason, DOMException)
    assert (reason.name, reason.code, reason.message) == ("AbortError", 20, "This operation was aborted")
    assert ac.signal.aborted is True


def test_second_abort_keeps_the_first_reason_and_runs_no_listener():
    ac = AbortController()
    calls = []
    ac.signal.addEventListener("abort", lambda ev: calls.append(ev.type))
    ac.abort("first")
    ac.abort("second")
    assert ac.signal.reason == "first" and calls == ["abort"]


def test_listeners_run_in_order_with_once_and_onabort_and_removal():
    ac = AbortController()
    signal = ac.signal
    calls = []

    def removed():
        calls.append("removed")

    signal.add_event_listener("abort", lambda ev: calls.append(("once", ev.target is signal)), {"once": True})
    signal.onabort = lambda: calls.append("onabort")
    signal.addEventListener("abort", removed)
    signal.removeEventListener("abort", removed)
    signal.addEventListener("abort", calls.append)
    signal.addEventListener("abort", calls.append)   # a duplicate is ignored
    ac.abort()
    assert calls[:2] == [("once", True), "onabort"]
    assert len(calls) == 3 and calls[2].type == "abort"


def test_throw_if_aborted_raises_the_reason():
    signal = AbortSignal.abort()
    with pytest.raises(DOMException) as info:
        signal.throw_if_aborted()
    assert info.value is signal.reason
    AbortController().signal.throwIfAborted()


def test_abort_signal_cannot_be_constructed():
    with pytest.raises(TypeError):
        AbortSignal()


def test_timeout_aborts_with_timeout_error_and_does_not_keep_run_alive():
    signal = AbortSignal.timeout(10)
    reasons = []
    signal.addEventListener("abort", lambda: reasons.append(signal.reason))
    keep = gnet.setTimeout(lambda: None, GUARD_MS)   # a guard: the timeout's timer is unref'd
    signal.addEventListener("abort", lambda: gnet.clearTimeout(keep))
    gnet.run()
    assert [(r.name, r.code, r.message) for r in reasons] == [
        ("TimeoutError", 23, "The operation was aborted due to timeout")]


def test_timeout_validates_delay_as_node():
    with pytest.raises(gnet.NodeError) as info:
        AbortSignal.timeout("1")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(gnet.NodeError) as info:
        AbortSignal.timeout(-1)
    assert info.value.code == "ERR_OUT_OF_RANGE"


def test_any_follows_the_first_signal_to_abort():
    a, b = AbortController(), AbortController()
    combined = AbortSignal.any([a.signal, b.signal])
    assert combined.aborted is False
    b.abort("b")
    a.abort("a")
    assert combined.reason == "b"
    assert AbortSignal.any([AbortSignal.abort("now")]).reason == "now"


# -- the signal option of Socket and connect ---------------------------------

def test_socket_with_aborted_signal_emits_abort_error_then_close():
    ac = AbortController()
    ac.abort("why")
    events = []
    sock = gnet.Socket({"signal": ac.signal})
    sock.on("error", lambda err: events.append(("error", err)))
    closed = gevent.event.Event()
    sock.on("close", lambda *_: (events.append(("close",)), closed.set()))
    assert events == []          # on a later tick, as Node
    assert closed.wait(GUARD_MS / 1000)
    err = events[0][1]
    assert isinstance(err, AbortError)
    assert (err.code, err.name, err.message, err.cause) == (
        "ABORT_ERR", "AbortError", "The operation was aborted", "why")
    assert [e[0] for e in events] == ["error", "close"]


@pytest.fixture
def server():
    srv = gnet.createServer(lambda c: c.on("error", lambda err: None))
    srv.listen(0, "127.0.0.1")
    gnet.once(srv, "listening", timeout=GUARD_MS)
    yield srv
    srv.close()


def test_connected_socket_is_destroyed_when_its_signal_aborts(server):
    ac = AbortController()
    client = gnet.connect({"port": server.address()["port"], "host": "127.0.0.1", "signal": ac.signal})
    errors = []
    client.on("error", errors.append)
    gnet.once(client, "connect", timeout=GUARD_MS)
    closed = gevent.event.AsyncResult()
    client.on("close", closed.set)
    ac.abort("stop")
    assert client.destroyed is True
    assert closed.get(timeout=GUARD_MS / 1000) is True
    assert len(errors) == 1 and errors[0].code == "ABORT_ERR" and errors[0].cause == "stop"
    assert ac.signal._listeners == []     # the socket's listener went with it


# -- the signal option of listen ---------------------------------------------

def test_listen_with_aborted_signal_closes_the_server_without_listening():
    srv = gnet.createServer()
    events = []
    srv.on("listening", lambda: events.append("listening"))
    srv.listen({"port": 0, "host": "127.0.0.1", "signal": AbortSignal.abort()})
    gnet.once(srv, "close", timeout=GUARD_MS)
    assert srv.listening is False and events == []


def test_listening_server_closes_when_its_signal_aborts():
    ac = AbortController()
    srv = gnet.createServer()
    srv.listen({"port": 0, "signal": ac.signal})
    gnet.once(srv, "listening", timeout=GUARD_MS)
    ac.abort()
    assert srv.listening is False
    gnet.once(srv, "close", timeout=GUARD_MS)
    assert ac.signal._listeners == []


# -- once(..., signal=) -------------------------------------------------------

def test_once_with_aborted_signal_raises_without_adding_listeners():
    e = gnet.EventEmitter()
    with pytest.raises(AbortError) as info:
        gnet.once(e, "never", signal=AbortSignal.abort("early"))
    assert info.value.cause == "early" and e.listenerCount("never") == 0


def test_once_raises_when_its_signal_aborts_while_waiting_and_removes_listeners():
    e = gnet.EventEmitter()
    ac = AbortController()
    gnet.setTimeout(ac.abort, 5, "late")
    with pytest.raises(AbortError) as info:
        gnet.once(e, "never", signal=ac.signal, timeout=GUARD_MS)
    assert info.value.code == "ABORT_ERR" and info.value.cause == "late"
    assert e.listenerCount("never") == 0 and e.listenerCount("error") == 0


def test_once_resolved_leaves_no_abort_listener():
    e = gnet.EventEmitter()
    ac = AbortController()
    gnet.setTimeout(e.emit, 5, "ready", 1)
    assert gnet.once(e, "ready", signal=ac.signal, timeout=GUARD_MS) == [1]
    assert ac.signal._listeners == []


def test_once_validates_signal_as_node():
    with pytest.raises(gnet.NodeError) as info:
        gnet.once(gnet.EventEmitter(), "x", signal=1)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
