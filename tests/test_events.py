"""gnet.eventloop.events: Node's EventEmitter and events.once (API.md sections 2, 4, 7)."""
import inspect
import warnings

import gevent
import pytest
from gevent.exceptions import LoopExit

from gnet.js import errors
from gnet.eventloop import events
from gnet.eventloop.events import EventEmitter, MaxListenersExceededWarning, errorMonitor, once


class Recorder:
    """A listener that records the arguments of each call."""

    def __init__(self, name="listener"):
        self.calls = []
        self.__name__ = name

    def __call__(self, *args):
        self.calls.append(args)


@pytest.fixture
def caught_warnings():
    """Every warning issued during the test, none filtered out."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


# -- adding and emitting ------------------------------------------------------

def test_on_and_friends_return_the_emitter_for_chaining():
    e = EventEmitter()
    f = Recorder()
    assert e.on("x", f) is e
    assert e.addListener("x", f) is e
    assert e.once("x", f) is e
    assert e.prependListener("x", f) is e
    assert e.prependOnceListener("x", f) is e
    assert e.off("x", f) is e
    assert e.removeListener("x", f) is e
    assert e.setMaxListeners(5) is e
    assert e.removeAllListeners("x") is e
    assert e.removeAllListeners() is e


def test_pep8_aliases_are_the_same_methods():
    assert EventEmitter.addListener is EventEmitter.on
    assert EventEmitter.add_listener is EventEmitter.on
    assert EventEmitter.off is EventEmitter.removeListener
    assert EventEmitter.remove_listener is EventEmitter.removeListener
    assert EventEmitter.prepend_listener is EventEmitter.prependListener
    assert EventEmitter.prepend_once_listener is EventEmitter.prependOnceListener
    assert EventEmitter.remove_all_listeners is EventEmitter.removeAllListeners
    assert EventEmitter.raw_listeners is EventEmitter.rawListeners
    assert EventEmitter.listener_count is EventEmitter.listenerCount
    assert EventEmitter.event_names is EventEmitter.eventNames
    assert EventEmitter.set_max_listeners is EventEmitter.setMaxListeners
    assert EventEmitter.get_max_listeners is EventEmitter.getMaxListeners
    assert EventEmitter.error_monitor is errorMonitor
    assert events.error_monitor is errorMonitor


def test_emit_returns_true_with_listeners_and_false_without():
    e = EventEmitter()
    assert e.emit("x") is False
    e.on("x", Recorder())
    assert e.emit("x") is True
    assert e.emit("y", 1) is False


def test_emit_passes_arguments_to_listeners_in_order_added():
    e = EventEmitter()
    order = []
    e.on("x", lambda a, b: order.append(("first", a, b)))
    e.on("x", lambda a, b: order.append(("second", a, b)))
    e.emit("x", 1, 2)
    assert order == [("first", 1, 2), ("second", 1, 2)]


def test_listener_with_fewer_parameters_gets_leading_arguments():
    e = EventEmitter()
    seen = []
    e.on("x", lambda: seen.append("none"))
    e.on("x", lambda a: seen.append(("one", a)))
    e.emit("x", 1, 2, 3)
    assert seen == ["none", ("one", 1)]


def test_listener_missing_arguments_get_none_or_keep_their_default():
    e = EventEmitter()
    seen = []
    e.on("x", lambda a, b: seen.append((a, b)))
    e.on("x", lambda a, b="default": seen.append((a, b)))
    e.on("x", lambda *args: seen.append(args))
    e.emit("x", 1)
    assert seen == [(1, None), (1, "default"), (1,)]


class CountsSignatureReads:
    """A one-parameter listener that counts how often its signature is read."""

    reads = 0

    @property
    def __signature__(self):
        type(self).reads += 1
        return inspect.signature(lambda value: None)

    def __call__(self, value):
        pass


def test_listener_arity_is_read_at_registration_not_per_emit():
    e = EventEmitter()
    e.on("x", CountsSignatureReads())
    e.once("x", CountsSignatureReads())
    assert CountsSignatureReads.reads == 2
    for _ in range(3):
        e.emit("x", 1)
        e.emit("x")
        e.emit("x", 1, 2)
    assert CountsSignatureReads.reads == 2


def test_listener_that_raises_stops_the_emit_and_propagates():
    e = EventEmitter()
    later = Recorder()

    def bad():
        raise KeyError("boom")

    e.on("x", bad)
    e.on("x", later)
    with pytest.raises(KeyError):
        e.emit("x")
    assert later.calls == []


def test_same_listener_added_twice_is_called_twice():
    e = EventEmitter()
    f = Recorder()
    e.on("x", f)
    e.on("x", f)
    e.emit("x", 1)
    assert f.calls == [(1,), (1,)]
    assert e.listenerCount("x") == 2


def test_event_names_may_be_any_hashable():
    e = EventEmitter()
    f = Recorder()
    e.on(("a", 1), f)
    e.on(7, f)
    e.on(None, f)
    e.emit(("a", 1), "t")
    e.emit(7, "i")
    e.emit(None, "n")
    assert f.calls == [("t",), ("i",), ("n",)]
    assert e.emit("7") is False


def test_emit_in_progress_still_calls_listener_removed_during_it():
    e = EventEmitter()
    seen = []

    def first():
        seen.append("first")
        e.removeListener("x", second)

    def second():
        seen.append("second")

    e.on("x", first)
    e.on("x", second)
    e.emit("x")
    assert seen == ["first", "second"]
    e.emit("x")
    assert seen == ["first", "second", "first"]


def test_emit_in_progress_does_not_call_listener_added_during_it():
    e = EventEmitter()
    late = Recorder()

    def first():
        e.on("x", late)

    e.on("x", first)
    e.on("x", Recorder())
    e.emit("x")
    assert late.calls == []
    e.emit("x")
    assert late.calls == [()]


def test_emit_in_progress_still_calls_listeners_after_remove_all():
    e = EventEmitter()
    second = Recorder()
    e.on("x", lambda: e.removeAllListeners())
    e.on("x", second)
    e.emit("x")
    assert second.calls == [()]
    assert e.emit("x") is False


# -- once ---------------------------------------------------------------------

def test_once_listener_runs_once_and_is_removed():
    e = EventEmitter()
    f = Recorder()
    e.once("x", f)
    assert e.emit("x", 1) is True
    assert e.emit("x", 2) is False
    assert f.calls == [(1,)]
    assert e.listenerCount("x") == 0


def test_once_listener_is_removed_before_it_runs_so_a_nested_emit_skips_it():
    e = EventEmitter()
    seen = []

    def listener(n):
        seen.append(("once", n, e.listenerCount("x")))
        e.emit("x", n + 1)

    e.once("x", listener)
    e.on("x", lambda n: seen.append(("on", n)))
    e.emit("x", 1)
    assert seen == [("once", 1, 1), ("on", 2), ("on", 1)]


def test_once_wrapper_in_raw_listeners_carries_original_as_listener():
    e = EventEmitter()
    f = Recorder()
    e.once("x", f)
    [wrapper] = e.rawListeners("x")
    assert wrapper is not f
    assert wrapper.listener is f
    assert e.listeners("x") == [f]


def test_calling_once_wrapper_directly_calls_listener_once_and_removes_it():
    e = EventEmitter()
    f = Recorder()
    e.once("x", f)
    [wrapper] = e.rawListeners("x")
    wrapper("direct")
    wrapper("again")
    assert f.calls == [("direct",)]
    assert e.listenerCount("x") == 0


def test_once_listener_gets_leading_arguments():
    e = EventEmitter()
    seen = []
    e.once("x", lambda: seen.append("called"))
    e.emit("x", 1, 2)
    assert seen == ["called"]


def test_listeners_and_raw_listeners_return_new_lists():
    e = EventEmitter()
    f = Recorder()
    e.on("x", f)
    e.listeners("x").clear()
    e.rawListeners("x").append(f)
    assert e.listeners("x") == [f]
    assert e.listeners("nothing") == []
    assert e.rawListeners("nothing") == []


# -- prepend ------------------------------------------------------------------

def test_prepend_listener_and_prepend_once_listener_run_first():
    e = EventEmitter()
    order = []
    e.on("x", lambda: order.append("on"))
    e.prependListener("x", lambda: order.append("prepend"))
    e.prependOnceListener("x", lambda: order.append("prependOnce"))
    e.emit("x")
    e.emit("x")
    assert order == ["prependOnce", "prepend", "on", "prepend", "on"]


# -- 'newListener' and 'removeListener' ----------------------------------------

def test_new_listener_fires_before_the_listener_is_added():
    e = EventEmitter()
    seen = []
    f = Recorder()
    e.on("newListener", lambda name, listener: seen.append((name, listener, e.listenerCount(name))))
    e.on("x", f)
    assert seen == [("x", f, 0)]
    assert e.listenerCount("x") == 1


def test_new_listener_gets_the_original_of_a_once_wrapper():
    e = EventEmitter()
    seen = []
    f = Recorder()
    e.on("newListener", lambda name, listener: seen.append(listener))
    e.once("x", f)
    e.prependOnceListener("y", f)
    assert seen == [f, f]


def test_new_listener_fires_for_a_new_new_listener_listener():
    e = EventEmitter()
    seen = []
    e.on("newListener", lambda name: seen.append(name))
    e.on("newListener", Recorder())
    assert seen == ["newListener"]


def test_remove_listener_fires_after_the_listener_is_removed():
    e = EventEmitter()
    seen = []
    f = Recorder()
    e.on("removeListener", lambda name, listener: seen.append((name, listener, e.listenerCount(name))))
    e.on("x", f)
    e.on("x", f)
    e.off("x", f)
    e.off("x", f)
    assert seen == [("x", f, 1), ("x", f, 0)]


def test_remove_listener_event_gets_the_original_when_once_wrapper_removes_itself():
    e = EventEmitter()
    seen = []
    f = Recorder()
    e.on("removeListener", lambda name, listener: seen.append(listener))
    e.once("x", f)
    e.emit("x")
    assert seen == [f]


def test_remove_listener_event_gets_the_wrapper_when_removed_by_wrapper_among_others():
    # Node passes the wrapper when others remain, the original when it was alone.
    e = EventEmitter()
    seen = []
    f = Recorder()
    e.on("removeListener", lambda name, listener: seen.append(listener))
    e.once("x", f)
    e.off("x", e.rawListeners("x")[0])
    e.once("x", f)
    e.on("x", Recorder())
    wrapper = e.rawListeners("x")[0]
    e.off("x", wrapper)
    assert seen == [f, wrapper]


def test_removing_an_absent_listener_fires_no_remove_listener_event():
    e = EventEmitter()
    seen = []
    e.on("removeListener", lambda *args: seen.append(args))
    e.on("x", Recorder())
    e.off("x", Recorder())
    e.off("nothing", Recorder())
    assert seen == []


# -- removing -----------------------------------------------------------------

def test_remove_listener_removes_the_most_recently_added_instance():
    e = EventEmitter()
    f = Recorder()
    g = Recorder()
    e.on("x", f)
    e.on("x", g)
    e.once("x", f)
    e.off("x", f)
    raw = e.rawListeners("x")
    assert raw == [f, g]
    e.off("x", f)
    assert e.rawListeners("x") == [g]


def test_remove_listener_matches_a_bound_method_taken_again():
    class Owner:
        def __init__(self):
            self.calls = 0

        def handle(self):
            self.calls += 1

    owner = Owner()
    e = EventEmitter()
    e.on("x", owner.handle)
    e.off("x", owner.handle)
    assert e.emit("x") is False
    assert e.listenerCount("x", owner.handle) == 0


def test_remove_all_listeners_of_one_event_keeps_the_others():
    e = EventEmitter()
    f = Recorder()
    e.on("x", f)
    e.on("x", f)
    e.on("y", f)
    e.removeAllListeners("x")
    assert e.eventNames() == ["y"]
    e.removeAllListeners("absent")
    assert e.eventNames() == ["y"]


def test_remove_all_listeners_with_none_removes_only_the_none_event():
    e = EventEmitter()
    e.on(None, Recorder())
    e.on("x", Recorder())
    e.removeAllListeners(None)
    assert e.eventNames() == ["x"]


def test_remove_all_listeners_announces_each_last_added_first_and_remove_listener_last():
    e = EventEmitter()
    seen = []
    a, b, c = Recorder("a"), Recorder("b"), Recorder("c")
    e.on("b", a)
    e.once("b", b)
    e.on("b", c)
    e.on("7", a)
    e.on("removeListener", lambda name, listener: seen.append((name, listener)))
    second = Recorder()
    e.on("removeListener", second)
    e.removeAllListeners()
    wrapper_seen = seen[2][1]
    assert seen[:2] == [("7", a), ("b", c)]
    assert wrapper_seen.listener is b
    assert seen[3:] == [("b", a), ("removeListener", second)]
    assert e.eventNames() == []


# -- inspecting ---------------------------------------------------------------

def test_listener_count_counts_a_given_listener_and_its_once_wrappers():
    e = EventEmitter()
    f, g = Recorder(), Recorder()
    e.on("x", f)
    e.once("x", f)
    e.on("x", g)
    assert e.listenerCount("x") == 3
    assert e.listenerCount("x", f) == 2
    assert e.listenerCount("x", g) == 1
    assert e.listenerCount("x", None) == 3
    assert e.listenerCount("absent") == 0
    e.off("x", f).off("x", f)
    assert e.listenerCount("x", g) == 1
    assert e.listenerCount("x", f) == 0


def test_event_names_in_javascript_property_order():
    e = EventEmitter()
    f = Recorder()
    for name in ["b", "2", errorMonitor, "a", "10", "01"]:
        e.on(name, f)
    assert e.eventNames() == ["2", "10", "b", "a", "01", errorMonitor]


def test_event_names_drop_an_event_whose_last_listener_is_removed():
    e = EventEmitter()
    f = Recorder()
    e.on("x", f).on("y", f)
    e.off("x", f)
    assert e.eventNames() == ["y"]
    e.off("y", f)
    assert e.eventNames() == []


# -- 'error' ------------------------------------------------------------------

def test_emit_error_without_listener_raises_the_exception_itself():
    e = EventEmitter()
    boom = ConnectionResetError("boom")
    with pytest.raises(ConnectionResetError) as info:
        e.emit("error", boom)
    assert info.value is boom


def test_emit_error_with_a_listener_calls_it_and_returns_true():
    e = EventEmitter()
    f = Recorder()
    e.on("error", f)
    boom = ValueError("boom")
    assert e.emit("error", boom) is True
    assert f.calls == [(boom,)]


@pytest.mark.parametrize("value, shown", [
    ("boom", "Unhandled error. ('boom')"),
    (42, "Unhandled error. (42)"),
    ({"reason": "x"}, "Unhandled error. ({ reason: 'x' })"),
])
def test_emit_error_with_non_exception_raises_unhandled_error(value, shown):
    e = EventEmitter()
    with pytest.raises(errors.NodeError) as info:
        e.emit("error", value)
    err = info.value
    assert err.code == "ERR_UNHANDLED_ERROR"
    assert str(err) == shown
    assert err.context is value


def test_emit_error_without_arguments_raises_unhandled_error_undefined():
    e = EventEmitter()
    with pytest.raises(errors.NodeError) as info:
        e.emit("error")
    assert str(info.value) == "Unhandled error. (undefined)"


def test_error_monitor_listeners_run_before_error_listeners():
    e = EventEmitter()
    order = []
    e.on("error", lambda err: order.append(("error", err)))
    e.on(errorMonitor, lambda err: order.append(("monitor", err)))
    e.emit("error", "boom")
    assert order == [("monitor", "boom"), ("error", "boom")]


def test_error_monitor_does_not_count_as_handling_the_error():
    e = EventEmitter()
    seen = []
    e.on(errorMonitor, seen.append)
    boom = OSError("boom")
    with pytest.raises(OSError):
        e.emit("error", boom)
    assert seen == [boom]


def test_error_monitor_is_a_symbol_shared_by_module_and_class():
    assert EventEmitter.errorMonitor is errorMonitor
    assert str(errorMonitor) == "Symbol(events.errorMonitor)"
    assert repr(errorMonitor) == "Symbol(events.errorMonitor)"


# -- the limit ----------------------------------------------------------------

def test_default_max_listeners_is_ten_and_readable_both_ways():
    assert EventEmitter.defaultMaxListeners == 10
    assert EventEmitter.default_max_listeners == 10
    assert EventEmitter().getMaxListeners() == 10


def test_changing_default_max_listeners_applies_to_emitters_without_their_own(monkeypatch):
    e = EventEmitter()
    own = EventEmitter().setMaxListeners(3)
    monkeypatch.setattr(EventEmitter, "defaultMaxListeners", 20)
    assert EventEmitter.default_max_listeners == 20
    assert e.getMaxListeners() == 20
    assert own.getMaxListeners() == 3


def test_max_listeners_warning_has_nodes_text(caught_warnings):
    e = EventEmitter()
    for _ in range(11):
        e.on("foo", Recorder())
    [w] = caught_warnings
    assert w.category is MaxListenersExceededWarning
    assert issubclass(MaxListenersExceededWarning, RuntimeWarning)
    assert str(w.message) == (
        "Possible EventEmitter memory leak detected. 11 foo listeners added to [EventEmitter]. "
        "MaxListeners is 10. Use emitter.setMaxListeners() to increase limit")
    assert w.message.emitter is e
    assert w.message.type == "foo"
    assert w.message.count == 11
    assert w.filename == __file__       # the user's on() call, not gnet's line


def test_max_listeners_warning_names_the_python_class(caught_warnings):
    class Sock(EventEmitter):
        pass

    s = Sock().setMaxListeners(1)
    s.on("data", Recorder()).on("data", Recorder())
    [w] = caught_warnings
    assert "2 data listeners added to [Sock]. MaxListeners is 1." in str(w.message)


def test_max_listeners_warning_points_at_the_callers_line(caught_warnings):
    e = EventEmitter().setMaxListeners(1)
    e.on("x", Recorder())

    @e.once("x")
    def handler():
        pass

    [w] = caught_warnings
    assert w.filename == __file__


def test_max_listeners_warning_is_issued_once_per_event_name(caught_warnings):
    e = EventEmitter().setMaxListeners(1)
    for _ in range(4):
        e.on("a", Recorder())
    for _ in range(3):
        e.prependListener("b", Recorder())
    assert [w.message.type for w in caught_warnings] == ["a", "b"]


def test_max_listeners_warning_is_issued_again_after_listeners_fall_to_one(caught_warnings):
    # Node keeps the flag on its array of listeners, which goes at one listener.
    e = EventEmitter().setMaxListeners(2)
    fs = [Recorder() for _ in range(3)]
    for f in fs:
        e.on("a", f)
    e.off("a", fs[2])
    e.on("a", fs[2])
    assert len(caught_warnings) == 1
    e.off("a", fs[2]).off("a", fs[1])
    e.on("a", fs[1]).on("a", fs[2])
    assert len(caught_warnings) == 2
    e.removeAllListeners("a")
    for f in fs:
        e.on("a", f)
    assert len(caught_warnings) == 3


@pytest.mark.parametrize("limit", [0, float("inf")])
def test_max_listeners_zero_or_infinity_is_unlimited(caught_warnings, limit):
    e = EventEmitter().setMaxListeners(limit)
    for _ in range(50):
        e.on("x", Recorder())
    assert caught_warnings == []
    assert e.getMaxListeners() == limit


@pytest.mark.parametrize("value", [-1, -0.5, float("nan"), float("-inf")])
def test_set_max_listeners_out_of_range_raises_err_out_of_range(value):
    e = EventEmitter()
    with pytest.raises(ValueError) as info:
        e.setMaxListeners(value)
    assert info.value.code == "ERR_OUT_OF_RANGE"
    assert str(info.value).startswith('The value of "setMaxListeners" is out of range. It must be >= 0. Received ')
    assert e.getMaxListeners() == 10


@pytest.mark.parametrize("value, received", [
    ("3", "type string ('3')"), (True, "type boolean (true)"), (None, "undefined"),
])
def test_set_max_listeners_non_number_raises_err_invalid_arg_type(value, received):
    e = EventEmitter()
    with pytest.raises(TypeError) as info:
        e.setMaxListeners(value)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == 'The "setMaxListeners" argument must be of type number. Received ' + received


def test_set_max_listeners_without_argument_raises_err_invalid_arg_type():
    with pytest.raises(TypeError) as info:
        EventEmitter().setMaxListeners()
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


# -- listener validation and the decorator form -------------------------------

@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener",
                                    "prependOnceListener", "removeListener", "off"])
@pytest.mark.parametrize("value, received", [
    (None, "undefined"), (5, "type number (5)"), ("f", "type string ('f')"),
])
def test_listener_that_is_not_callable_raises_err_invalid_arg_type(method, value, received):
    e = EventEmitter()
    with pytest.raises(TypeError) as info:
        getattr(e, method)("x", value)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == 'The "listener" argument must be of type function. Received ' + received
    assert e.listenerCount("x") == 0


def test_remove_listener_without_listener_raises_err_invalid_arg_type():
    with pytest.raises(TypeError) as info:
        EventEmitter().removeListener("x")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener",
                                    "prependOnceListener", "add_listener", "prepend_once_listener"])
def test_leaving_out_the_listener_makes_a_decorator_that_returns_the_function(method):
    e = EventEmitter()
    seen = []

    @getattr(e, method)("x")
    def handler(value):
        seen.append(value)

    assert callable(handler) and handler.__name__ == "handler"
    assert e.listeners("x") == [handler]
    e.emit("x", 1)
    assert seen == [1]


def test_decorator_form_of_once_and_prepend_keeps_their_meaning():
    e = EventEmitter()
    order = []
    e.on("x", lambda: order.append("on"))

    @e.prependOnceListener("x")
    def first():
        order.append("first")

    e.emit("x")
    e.emit("x")
    assert order == ["first", "on", "on"]


def test_decorator_form_registers_through_the_subclass_method():
    class Readable(EventEmitter):
        def on(self, *args):
            result = super().on(*args)
            if len(args) == 2:
                self.hooked = args[0]
            return result

    r = Readable()

    @r.on("data")
    def handler():
        pass

    assert r.hooked == "data"
    r.hooked = None
    r.once("end", handler)
    assert r.hooked == "end"


# -- construction -------------------------------------------------------------

def test_subclass_calling_super_init_works():
    class Child(EventEmitter):
        def __init__(self):
            super().__init__()
            self.ready = True

    c = Child()
    f = Recorder()
    c.on("x", f)
    c.emit("x", 1)
    assert f.calls == [(1,)]


def test_subclass_that_skips_init_still_works():
    class Bare(EventEmitter):
        def __init__(self):
            pass

    b = Bare()
    assert b.emit("x") is False
    assert b.eventNames() == [] and b.listeners("x") == [] and b.listenerCount("x") == 0
    assert b.removeAllListeners() is b and b.off("x", Recorder()) is b
    with pytest.raises(RuntimeError):
        b.emit("error", RuntimeError("bare"))
    f = Recorder()
    b.on("x", f)
    assert b.emit("x", 2) is True
    assert f.calls == [(2,)]
    assert b.getMaxListeners() == 10


def test_calling_init_again_keeps_the_listeners():
    e = EventEmitter()
    e.on("x", Recorder())
    EventEmitter.__init__(e)
    assert e.listenerCount("x") == 1


# -- events.once ----------------------------------------------------------------

def test_once_function_returns_the_event_arguments_as_a_list():
    e = EventEmitter()
    gevent.spawn(e.emit, "x", 1, "two", None)
    assert once(e, "x") == [1, "two", None]
    assert e.listenerCount("x") == 0
    assert e.listenerCount("error") == 0


def test_once_function_with_no_arguments_returns_an_empty_list():
    e = EventEmitter()
    gevent.spawn(e.emit, "x")
    assert once(e, "x") == []


def test_once_function_raises_an_error_emitted_first_and_removes_its_listeners():
    e = EventEmitter()
    boom = ConnectionRefusedError("boom")
    gevent.spawn(e.emit, "error", boom)
    with pytest.raises(ConnectionRefusedError) as info:
        once(e, "x")
    assert info.value is boom
    assert e.listenerCount("x") == 0
    assert e.listenerCount("error") == 0


def test_once_function_raises_unhandled_error_for_a_non_exception_error_value():
    e = EventEmitter()
    gevent.spawn(e.emit, "error", "text")
    with pytest.raises(errors.NodeError) as info:
        once(e, "x")
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert info.value.context == "text"


def test_once_function_for_error_returns_the_error_as_an_argument():
    e = EventEmitter()
    boom = OSError("boom")
    gevent.spawn(e.emit, "error", boom)
    assert once(e, "error") == [boom]
    assert e.listenerCount("error") == 0


def test_once_function_resolves_when_emitted_during_registration():
    e = EventEmitter()
    e.on("newListener", lambda name: e.emit("x", "early") if name == "error" else None)
    assert once(e, "x") == ["early"]


def test_once_function_timeout_raises_timeout_error_and_removes_listeners():
    e = EventEmitter()
    removed = []
    e.on("removeListener", lambda name: removed.append(name))
    with pytest.raises(TimeoutError):
        once(e, "never", timeout=1)
    assert removed == ["never", "error"]
    assert e.listenerCount("never") == 0
    assert e.listenerCount("error") == 0


def test_once_function_timeout_is_in_milliseconds():
    e = EventEmitter()
    late = gevent.spawn_later(1, e.emit, "x", "late")
    try:
        with pytest.raises(TimeoutError):
            once(e, "x", timeout=20)
    finally:
        late.kill()


@pytest.mark.parametrize("timeout, code", [(-1, "ERR_OUT_OF_RANGE"), ("10", "ERR_INVALID_ARG_TYPE"),
                                           (True, "ERR_INVALID_ARG_TYPE")])
def test_once_function_rejects_a_bad_timeout(timeout, code):
    e = EventEmitter()
    with pytest.raises(errors.NodeError) as info:
        once(e, "x", timeout=timeout)
    assert info.value.code == code
    assert e.eventNames() == []


def test_once_function_wait_does_not_keep_the_loop_alive():
    e = EventEmitter()
    with pytest.raises(LoopExit):
        once(e, "never")
    assert e.eventNames() == []


def test_once_function_removes_its_listeners_when_the_waiting_greenlet_is_killed():
    e = EventEmitter()
    waiter = gevent.spawn(once, e, "x")
    e.on("newListener", lambda name: name == "error" and gevent.spawn(waiter.kill))
    gevent.joinall([waiter])
    assert e.listenerCount("x") == 0
    assert e.listenerCount("error") == 0


@pytest.mark.parametrize("value,received", [
    (5, "Received type number (5)"), ("x", "Received type string ('x')"),
    ({}, "Received an instance of Object"), ([1], "Received an instance of Array"),
])
def test_once_on_something_that_is_no_emitter_is_nodes_type_error(value, received):
    with pytest.raises(TypeError) as info:
        once(value, "x")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == 'The "emitter" argument must be an instance of EventEmitter. ' + received


def test_once_in_a_listener_lets_the_listeners_pending_nextticks_run_first():
    """As ``await once(...)`` lets Node's pending nextTicks run: a listener that
    blocks in gnet.once on an event its own nextTick emits gets it."""
    import gnet

    seen = []

    def on_connection(c):
        done = EventEmitter()
        gnet.nextTick(lambda: done.emit("tick", 1))
        seen.append(once(done, "tick", timeout=2000))
        c.end()
        server.close()

    server = gnet.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: gnet.connect(server.address()["port"], "127.0.0.1").resume())
    gnet.run()
    assert seen == [[1]]
