"""Node's timers on gevent's loop: order, ref counting, refresh, delays."""
import warnings

import gevent
import gevent.event
import pytest

import gnet
from gnet.eventloop import timers


def test_timeouts_with_same_delay_fire_in_the_order_set():
    seen = []
    for name in "abcde":
        gnet.setTimeout(seen.append, 3, name)
    gnet.run()
    assert seen == list("abcde")


def test_shorter_delay_fires_first_whatever_the_order_set():
    seen = []
    gnet.setTimeout(seen.append, 20, "late")
    gnet.setTimeout(seen.append, 2, "early")
    gnet.run()
    assert seen == ["early", "late"]


@pytest.mark.parametrize("delay", [0, -1, None, "soon", float("nan"), True])
def test_delays_that_are_not_numbers_from_one_up_become_one_ms(delay):
    seen = []
    gnet.setTimeout(seen.append, delay, "bad")
    gnet.setTimeout(seen.append, 1, "one")
    gnet.setTimeout(seen.append, 2, "two")
    gnet.run()
    assert seen == ["bad", "one", "two"]


def test_a_delay_is_read_as_javascript_number_reads_it():
    # Node's Timeout does `after *= 1`: Number([6]) is 6, Number(Buffer '5') is 5.
    seen = []
    gnet.setTimeout(seen.append, [6], "list")
    gnet.setTimeout(seen.append, b"5", "bytes")
    gnet.setTimeout(seen.append, " 4 ", "text")
    gnet.setTimeout(seen.append, 3, "number")
    gnet.run()
    assert seen == ["number", "text", "bytes", "list"]


def test_too_large_delay_warns_and_becomes_one_ms():
    seen = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gnet.setTimeout(seen.append, 2 ** 31, "overflow")
    gnet.setTimeout(seen.append, 2, "two")
    gnet.run()
    assert seen == ["overflow", "two"]
    assert caught[0].category is gnet.TimeoutOverflowWarning
    assert str(caught[0].message) == (
        "2147483648 does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.")
    assert caught[0].filename == __file__       # the caller's line, not gnet's


def test_timer_callback_gets_the_extra_arguments():
    seen = []
    gnet.setTimeout(lambda *args: seen.append(args), 1, 1, "two", None)
    gnet.run()
    assert seen == [(1, "two", None)]


def test_cleared_timeout_never_fires():
    seen = []
    t = gnet.setTimeout(seen.append, 1, "cleared")
    gnet.clearTimeout(t)
    gnet.run()
    assert seen == []


def test_clear_timeout_ignores_what_is_not_a_timer():
    for value in (None, 5, "x", object()):
        gnet.clearTimeout(value)
        gnet.clearImmediate(value)


def test_interval_repeats_until_cleared_from_inside():
    count = []

    def tick():
        count.append(1)
        if len(count) == 4:
            gnet.clearInterval(iv)

    iv = gnet.setInterval(tick, 1)
    gnet.run()
    assert len(count) == 4


def test_unrefd_timer_does_not_keep_run_going():
    seen = []
    gnet.setTimeout(seen.append, 60000, "never").unref()
    gnet.setTimeout(seen.append, 1, "ref'd")
    gnet.run()
    assert seen == ["ref'd"]


def test_unrefd_timer_still_fires_while_something_else_holds_the_loop():
    seen = []
    gnet.setTimeout(seen.append, 1, "unref'd").unref()
    gnet.setTimeout(seen.append, 10, "ref'd")
    gnet.run()
    assert seen == ["unref'd", "ref'd"]


def test_ref_unref_hasref_return_values():
    t = gnet.setTimeout(lambda: None, 1)
    assert t.hasRef() is True
    assert t.unref() is t and t.hasRef() is False
    assert t.ref() is t and t.has_ref() is True
    assert t.close() is t
    gnet.run()


def test_refresh_restarts_the_delay_and_revives_a_fired_timeout():
    fired = []

    def fire():
        fired.append(1)
        if len(fired) < 3:
            t.refresh()

    t = gnet.setTimeout(fire, 2)
    gnet.run()
    assert len(fired) == 3


def test_refresh_does_not_revive_a_cleared_timeout():
    seen = []
    t = gnet.setTimeout(seen.append, 1, "x")
    gnet.clearTimeout(t)
    assert t.refresh() is t
    gnet.run()
    assert seen == []


def test_refresh_pushes_the_expiry_back():
    seen = []
    t = gnet.setTimeout(seen.append, 30, "refreshed")

    def refresh_then_mark():
        t.refresh()
        gnet.setTimeout(seen.append, 20, "marker")

    gnet.setTimeout(refresh_then_mark, 15)
    gnet.run()
    assert seen == ["marker", "refreshed"]


def test_timer_callback_may_block_without_holding_up_the_timers_behind_it():
    seen = []

    def blocker():
        seen.append("blocker start")
        gevent.sleep(0.02)
        seen.append("blocker end")

    gnet.setTimeout(blocker, 1)
    gnet.setTimeout(seen.append, 1, "queued behind blocker")
    gnet.run()
    # A new runner takes the loop's work while the blocker sleeps, so a
    # callback that waits for what a later one does cannot deadlock.
    assert seen == ["blocker start", "queued behind blocker", "blocker end"]


def test_a_plain_greenlet_runs_while_a_timer_callback_blocks():
    seen = []
    started = gevent.event.Event()

    def blocker():
        started.set()
        gevent.sleep(0.02)
        seen.append("blocker end")

    def other():
        started.wait()
        seen.append("other ran")

    gevent.spawn(other)
    gnet.setTimeout(blocker, 1)
    gnet.run()
    assert seen == ["other ran", "blocker end"]


def test_bad_callbacks_raise_node_errors():
    for fn in (gnet.setTimeout, gnet.setInterval, gnet.setImmediate, gnet.nextTick):
        with pytest.raises(TypeError) as info:
            fn("not callable")
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert str(info.value) == (
            'The "callback" argument must be of type function. Received type string (\'not callable\')')


def test_timeout_handle_has_pep8_aliases():
    assert timers.Timeout.has_ref is timers.Timeout.hasRef


def test_extra_arguments_are_fitted_to_the_callback_as_javascript_calls_it():
    seen = []
    gnet.setTimeout(lambda: seen.append("none"), 1, "a", "b")
    gnet.setTimeout(lambda a: seen.append(("one", a)), 1, "a", "b")
    gnet.setTimeout(lambda a, b: seen.append(("two", a, b)), 1, "a")
    gnet.setTimeout(lambda a, b="dflt": seen.append(("default", a, b)), 1, "a")
    gnet.setTimeout(lambda *rest: seen.append(("rest",) + rest), 1, "a", "b")
    gnet.run()
    assert seen == ["none", ("one", "a"), ("two", "a", None), ("default", "a", "dflt"), ("rest", "a", "b")]


def test_interval_immediate_and_tick_arguments_are_fitted_once():
    seen = []

    def on_interval(a):
        seen.append(("interval", a))
        if len(seen) == 4:
            gnet.clearInterval(interval)

    interval = gnet.setInterval(on_interval, 1, "a", "b")
    gnet.setImmediate(lambda a: seen.append(("immediate", a)), "a", "b")
    gnet.nextTick(lambda a, b: seen.append(("tick", a, b)), "a")
    gnet.run()
    assert seen == [("tick", "a", None), ("immediate", "a"), ("interval", "a"), ("interval", "a")]


def test_a_wrapped_function_is_fitted_by_its_signature():
    import functools
    seen = []

    def target(a):
        seen.append(a)

    @functools.wraps(target)
    def wrapper(*args):
        return target(*args)

    gnet.nextTick(wrapper, "a", "b")     # inspect.signature follows __wrapped__: one parameter
    gnet.run()
    assert seen == ["a"]


@pytest.mark.parametrize("fn", [gnet.setTimeout, gnet.setInterval, gnet.setImmediate, gnet.nextTick])
def test_a_missing_callback_is_nodes_invalid_arg_type(fn):
    with pytest.raises(TypeError) as info:
        fn()
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).endswith("Received undefined")


@pytest.mark.parametrize("fn", [gnet.clearTimeout, gnet.clearInterval, gnet.clearImmediate])
def test_clearing_nothing_is_a_no_op(fn):
    assert fn() is None


# A cleared timeout leaves nothing alive until its time: a server's sockets
# each clear a long timeout (a TLS handshake's is 120 s) and must be freed
# when they close, not minutes later.

def test_a_cleared_timeout_keeps_nothing_its_callback_reaches():
    import gc
    import weakref

    class Conn:
        def on_timeout(self):
            pass
    conn = Conn()
    gone = weakref.ref(conn)
    t = gnet.setTimeout(conn.on_timeout, 120000)
    gnet.clearTimeout(t)
    del conn
    gc.collect()
    assert gone() is None


def test_many_cleared_long_timeouts_do_not_pile_up():
    from gnet.eventloop import loop as _loop
    live = gnet.setTimeout(lambda: None, 60000)
    for _ in range(20000):
        gnet.clearTimeout(gnet.setTimeout(lambda: None, 120000))
    heap = _loop.get_loop().timer_list.heap
    assert len(heap) <= 1100
    assert any(entry[2] is live for entry in heap)
    gnet.clearTimeout(live)
