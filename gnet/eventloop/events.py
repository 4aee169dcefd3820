"""Node's ``events`` module: ``EventEmitter`` and ``once()``, nothing socket-specific.

https://nodejs.org/docs/latest-v20.x/api/events.html

Storage. ``self._events`` maps an event name to either one entry, a plain
tuple ``(fn, required, maximum, fn_bounds)``, or a ``_Listeners`` tuple of
entries. The arity (``_arity.bounds``) is read once, at registration;
``maximum`` is ``sys.maxsize`` where the callable takes any number, so that
``emit`` asks one chained comparison per call and only an arity mismatch goes
through ``_arity.call``. A ``_Listeners`` tuple is never changed, only
replaced (copy-on-write), so an ``emit`` in progress keeps calling the
listeners it started with, as Node's ``arrayClone`` does, and removal never
costs ``emit`` a copy.

A subclass that never calls ``EventEmitter.__init__`` works, as in Node: the
storage is created by the first listener added.
"""

import numbers
import sys
import warnings

import gevent
from greenlet import getcurrent
from gevent.event import AsyncResult

try:
    import cython                   # compiling: declarations (gnet/_build.py)
except ImportError:
    from gnet._build import cython  # pure Python without Cython: no-ops

from gnet.js import names as _names
from gnet.js import errors
from gnet.js.values import validate_abort_signal
from gnet.js.arity import ALL as _ALL, MISSING, bounds as _bounds, call as _call

__all__ = ["EventEmitter", "MaxListenersExceededWarning", "errorMonitor", "once"]

#: ``maximum`` of an entry whose callable takes any number of arguments.
_ANY = sys.maxsize


class _Symbol:
    """A JavaScript ``Symbol``: a unique event name that prints as Node prints it."""

    __slots__ = ("_description",)

    def __init__(self, description):
        self._description = description

    def __repr__(self):
        return "Symbol(%s)" % self._description

    __str__ = __repr__


#: Node's ``events.errorMonitor``: its listeners run before the ``'error'``
#: listeners, and do not count as handling the error.
errorMonitor = _Symbol("events.errorMonitor")


class MaxListenersExceededWarning(RuntimeWarning):
    """Node's MaxListenersExceededWarning: more listeners for one event than the limit.

    Carries Node's fields: ``emitter``, ``type`` (the event name) and ``count``.
    """

    def __init__(self, message, emitter=None, type=None, count=None):
        super().__init__(message)
        self.emitter = emitter
        self.type = type
        self.count = count

    @property
    def message(self):
        return str(self)


class _Listeners(tuple):
    """Two or more entries for one event, in call order; replaced, never changed."""

    __slots__ = ()


class _OnceWrapper:
    """What ``once()`` registers: removes itself, then calls the listener once.

    Visible in ``rawListeners()``, with the original as ``.listener``.
    """

    __slots__ = ("listener", "_bounds", "_target", "_type", "_fired", "__weakref__")

    #: Node's wrapper is ``onceWrapper.bind(state)``; compat traces print its name.
    __name__ = "bound onceWrapper"

    def __init__(self, target, event_name, listener):
        self.listener = listener
        self._bounds = _bounds(listener, "listener")
        self._target = target
        self._type = event_name
        self._fired = False

    def __call__(self, *args):
        if not self._fired:
            self._target.removeListener(self._type, self)
            self._fired = True
            required, maximum = self._bounds
            if required <= len(args) and (maximum is None or len(args) <= maximum):
                return self.listener(*args)
            return _call(self.listener, self._bounds, args)
        return None

    def __repr__(self):
        return "<once wrapper of %r>" % (self.listener,)


def _check_listener(listener):
    if not callable(listener):
        raise errors.ERR_INVALID_ARG_TYPE("listener", "Function", listener)


def _check_event_name(event_name):
    """Event names are dict keys, so a listener cannot be added for an
    unhashable one (a list, a dict): ERR_INVALID_ARG_TYPE, where Node would
    file it under the name's string (``[]`` under ``''``)."""
    try:
        hash(event_name)
    except TypeError:
        raise errors.ERR_INVALID_ARG_TYPE("eventName", ["string", "symbol"], event_name) from None


def _get(events, event_name):
    """``events.get(event_name)``; ``None`` for an unhashable name, which has no listeners."""
    try:
        return events.get(event_name)
    except TypeError:
        return None


def _same(fn, listener):
    """Node's ``fn === listener || fn.listener === listener``.

    Compared with ``==`` after ``is``, so that ``obj.method``, a new bound
    method object on each access in Python, matches as JavaScript's one
    function object does: ``on('x', obj.m)`` then ``off('x', obj.m)`` removes it.
    """
    return fn is listener or fn == listener or _wraps(fn, listener)


def _wraps(fn, listener):
    """Whether ``fn`` is a once wrapper (or any function with ``.listener``) around ``listener``."""
    inner = getattr(fn, "listener", None)
    return inner is not None and (inner is listener or inner == listener)


def _unwrap(fn):
    inner = getattr(fn, "listener", None)
    return fn if inner is None else inner


def _decorator(method, event_name):
    """``@emitter.on('data')``: registers the function with ``method``, returns it unchanged."""

    def register(listener):
        method(event_name, listener)
        return listener

    return register


def _own_keys(events):
    """The event names in JavaScript's own-property order (``Reflect.ownKeys``).

    Names that are array indices (``'0'``, ``'1'``, ...) come first, in numeric
    order; then other strings and numbers in insertion order; then everything
    else (a ``Symbol`` such as ``errorMonitor``) in insertion order
    (scenario listener_count_and_event_names).
    """
    indices, strings, symbols = [], [], []
    for key in events:
        if isinstance(key, str):
            if key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 0xFFFFFFFF:
                indices.append((int(key), key))
            else:
                strings.append(key)
        elif isinstance(key, int) and not isinstance(key, bool) and 0 <= key < 0xFFFFFFFF:
            indices.append((key, key))
        elif isinstance(key, (int, float)):
            strings.append(key)
        else:
            symbols.append(key)
    if not indices and not symbols:
        return strings
    indices.sort(key=lambda pair: pair[0])
    return [key for _, key in indices] + strings + symbols


@_names.alias_class
class EventEmitter(metaclass=_names.AliasingType):
    """Node's ``events.EventEmitter``.

    https://nodejs.org/docs/latest-v20.x/api/events.html#class-eventemitter

    Listeners are any callables, called as JavaScript calls functions (API.md
    section 2). ``on``, ``addListener``, ``once``, ``prependListener`` and
    ``prependOnceListener`` without a listener return a decorator.

    Differs from Node: no ``this`` in listeners (close over the emitter);
    event names are any hashable, not coerced to strings (``1`` and ``'1'``
    are two events; a listener for an unhashable one is ERR_INVALID_ARG_TYPE);
    listeners match with ``is`` or ``==`` (see ``_same``);
    ``captureRejections`` does not exist (there are no promises).
    """

    #: Node's ``EventEmitter.errorMonitor``.
    errorMonitor = errorMonitor

    #: Node's ``EventEmitter.defaultMaxListeners``: the limit of emitters that
    #: set none; ``default_max_listeners`` is the same setting (gnet/js/names.py).
    #: Differs from Node: assigning it on a subclass sets that subclass's
    #: default only, and the value is not validated on assignment.
    defaultMaxListeners = 10

    #: Limit of listeners per event set by ``setMaxListeners``; ``None`` uses
    #: ``defaultMaxListeners``.
    _max_listeners = None

    #: Node's ``kShapeMode``, which its streams are in: removing an event's
    #: only listener is not announced with 'removeListener' (a stream's
    #: ``_events`` keeps a key per event; compat
    #: streams/remove_listener_not_announced_for_an_only_listener).
    _shape_mode = False

    #: Event names already warned about; dropped when an event's listeners
    #: fall to one, as Node's flag lives on its array of listeners
    #: (scenario max_listeners_warned_once_per_event).
    _warned = None

    def __init__(self):
        # Node's EventEmitter.init: a second call keeps the listeners.
        if getattr(self, "_events", None) is None:
            self._events = {}

    # -- adding -------------------------------------------------------------

    def _add_listener(self, event_name, listener, prepend):
        # Node's _addListener: the listener is checked first, then the name.
        # (The checks and the entry are made here, in one call: pipe() adds
        # six listeners and removes eight per connection.)
        once_wrapper = listener.__class__ is _OnceWrapper
        if not once_wrapper and not callable(listener):
            raise errors.ERR_INVALID_ARG_TYPE("listener", "Function", listener)
        try:
            hash(event_name)
        except TypeError:
            _check_event_name(event_name)
        if once_wrapper:
            entry = (listener, 0, _ANY, _ALL)
        else:
            fn_bounds = _bounds(listener, "listener")
            maximum = fn_bounds[1]
            entry = (listener, fn_bounds[0], _ANY if maximum is None else maximum, fn_bounds)
        events = getattr(self, "_events", None)
        if events is None:
            events = self._events = {}
            existing = None
        else:
            # 'newListener' comes before the listener is added, with the
            # original of a once wrapper (scenario new_listener_fires_before_add).
            if "newListener" in events:
                self.emit("newListener", event_name, _unwrap(listener))
                events = self._events
            existing = events.get(event_name)
        if existing is None:
            events[event_name] = entry
            return self
        if existing.__class__ is _Listeners:
            listeners = _Listeners((entry,) + existing if prepend else existing + (entry,))
        else:
            listeners = _Listeners((entry, existing) if prepend else (existing, entry))
        events[event_name] = listeners
        # Node's _getMaxListeners(target), not the method.
        limit = self._max_listeners
        if limit is None:
            limit = type(self).defaultMaxListeners
        if limit > 0 and len(listeners) > limit:
            self._warn_max_listeners(event_name, len(listeners), limit)
        return self

    def _warn_max_listeners(self, event_name, count, limit):
        warned = self._warned
        if warned is None:
            warned = self._warned = set()
        elif event_name in warned:
            return
        warned.add(event_name)
        message = (
            "Possible EventEmitter memory leak detected. %s %s listeners added to [%s]. "
            "MaxListeners is %s. Use emitter.setMaxListeners() to increase limit"
            % (count, event_name, type(self).__name__, errors.js_number_text(limit)))
        warnings.warn(MaxListenersExceededWarning(message, self, event_name, count),
                      stacklevel=errors.warning_stacklevel())

    def _forget_warning(self, event_name):
        if self._warned is not None:
            self._warned.discard(event_name)

    def on(self, event_name=None, listener=MISSING):
        """Node's ``emitter.on(eventName, listener)``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitteroneventname-listener

        Without ``listener``, a decorator: ``@emitter.on('data')``.
        """
        if listener is MISSING:
            return _decorator(self.on, event_name)
        return self._add_listener(event_name, listener, False)

    addListener = on

    def prependListener(self, event_name=None, listener=MISSING):
        """Node's ``emitter.prependListener(eventName, listener)``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterprependlistenereventname-listener
        """
        if listener is MISSING:
            return _decorator(self.prependListener, event_name)
        return self._add_listener(event_name, listener, True)

    def once(self, event_name=None, listener=MISSING):
        """Node's ``emitter.once(eventName, listener)``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitteronceeventname-listener

        Registers a wrapper through ``self.on``, as Node does, so a subclass
        that overrides ``on`` sees it; ``rawListeners()`` shows the wrapper.
        """
        if listener is MISSING:
            return _decorator(self.once, event_name)
        _check_listener(listener)
        self.on(event_name, _OnceWrapper(self, event_name, listener))
        return self

    def prependOnceListener(self, event_name=None, listener=MISSING):
        """Node's ``emitter.prependOnceListener(eventName, listener)``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterprependoncelistenereventname-listener
        """
        if listener is MISSING:
            return _decorator(self.prependOnceListener, event_name)
        _check_listener(listener)
        self.prependListener(event_name, _OnceWrapper(self, event_name, listener))
        return self

    # -- emitting -----------------------------------------------------------

    @cython.locals(count=cython.Py_ssize_t, required=cython.Py_ssize_t, maximum=cython.Py_ssize_t)
    def emit(self, event_name=None, *args):
        """Node's ``emitter.emit(eventName, ...args)``: True if it had listeners.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitteremiteventname-args

        An ``'error'`` with no listener raises its argument if that is an
        exception, else ``ERR_UNHANDLED_ERROR`` (its ``context`` is the value).
        A listener that raises stops the emit, as in Node.
        """
        # The hot path: every chunk gnet moves is one call here.
        if event_name == "error":
            return self._emit_error(args)
        try:
            handler = self._events.get(event_name)
        except AttributeError:
            # A subclass that skipped __init__ and has never had a listener.
            return False
        except TypeError:
            # An unhashable name, which no listener can have been added for.
            return False
        if handler is None:
            return False
        count = len(args)
        if handler.__class__ is _Listeners:
            for fn, required, maximum, fn_bounds in handler:
                if required <= count <= maximum:
                    fn(*args)
                else:
                    _call(fn, fn_bounds, args)
            return True
        fn, required, maximum, fn_bounds = handler
        if required <= count <= maximum:
            fn(*args)
        else:
            _call(fn, fn_bounds, args)
        return True

    def _emit_error(self, args):
        events = getattr(self, "_events", None)
        if events is not None:
            if errorMonitor in events:
                self.emit(errorMonitor, *args)
            # Node reads the listeners it looked up before the monitor ran.
            handler = events.get("error")
            if handler is not None:
                _dispatch(handler, args)
                return True
        value = args[0] if args else None
        if isinstance(value, BaseException):
            err = value
        else:
            err = errors.ERR_UNHANDLED_ERROR(value)
            err.context = value
        try:
            # What a crash names, as Node's "Emitted 'error' event on Socket
            # instance" (gnet/js/origin.py).
            err.gnet_emitted_on = type(self).__name__
        except AttributeError:    # an exception type with __slots__
            pass
        raise err

    # -- removing -----------------------------------------------------------

    def removeListener(self, event_name=None, listener=None):
        """Node's ``emitter.removeListener(eventName, listener)``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterremovelistenereventname-listener

        Removes the most recently added instance of ``listener`` (or of a once
        wrapper around it); an emit in progress still calls it.
        """
        if not callable(listener):
            raise errors.ERR_INVALID_ARG_TYPE("listener", "Function", listener)
        events = getattr(self, "_events", None)
        if not events:
            return self
        try:
            handler = events.get(event_name)
        except TypeError:     # an unhashable name, which has no listeners
            return self
        if handler is None:
            return self
        if handler.__class__ is not _Listeners:
            fn = handler[0]
            # _same, inlined: pipe()'s cleanup removes its listeners (bound
            # methods, equal to the ones added) eight at a time.
            if not (fn is listener or fn == listener or _wraps(fn, listener)):
                return self
            if len(events) == 1:
                self._events = {}
            else:
                del events[event_name]
                if "removeListener" in events and not self._shape_mode:
                    # Node passes the original here, but the argument below
                    # (scenario remove_listener_event_after_remove).
                    inner = getattr(fn, "listener", None)
                    self.emit("removeListener", event_name, inner or listener)
            return self
        for position in range(len(handler) - 1, -1, -1):
            fn = handler[position][0]
            if fn is listener or fn == listener or _wraps(fn, listener):
                break
        else:
            return self
        rest = handler[:position] + handler[position + 1:]
        if len(rest) == 1:
            events[event_name] = rest[0]
            self._forget_warning(event_name)
        else:
            events[event_name] = _Listeners(rest)
        if "removeListener" in events:
            self.emit("removeListener", event_name, listener)
        return self

    off = removeListener

    def removeAllListeners(self, event_name=MISSING):
        """Node's ``emitter.removeAllListeners([eventName])``; returns the emitter.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterremovealllistenerseventname

        With ``'removeListener'`` listeners, each removal is announced, the
        listeners of one event last-added first, ``'removeListener'``'s own last.
        """
        events = getattr(self, "_events", None)
        if events is None:
            return self
        if "removeListener" not in events:
            if event_name is MISSING:
                self._events = {}
                self._warned = None
            elif _get(events, event_name) is not None:
                if len(events) == 1:
                    self._events = {}
                else:
                    del events[event_name]
                self._forget_warning(event_name)
            return self
        if event_name is MISSING:
            for key in _own_keys(events):
                if key != "removeListener":
                    self.removeAllListeners(key)
            self.removeAllListeners("removeListener")
            self._events = {}
            self._warned = None
            return self
        handler = _get(events, event_name)
        if handler is None:
            return self
        if handler.__class__ is _Listeners:
            for entry in reversed(handler):
                self.removeListener(event_name, entry[0])
        else:
            self.removeListener(event_name, handler[0])
        return self

    # -- inspecting ---------------------------------------------------------

    def _handler(self, event_name):
        events = getattr(self, "_events", None)
        return None if events is None else _get(events, event_name)

    def listeners(self, event_name=None):
        """Node's ``emitter.listeners(eventName)``: a new list, once wrappers unwrapped.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterlistenerseventname
        """
        handler = self._handler(event_name)
        if handler is None:
            return []
        if handler.__class__ is _Listeners:
            return [_unwrap(entry[0]) for entry in handler]
        return [_unwrap(handler[0])]

    def rawListeners(self, event_name=None):
        """Node's ``emitter.rawListeners(eventName)``: a new list, once wrappers included.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterrawlistenerseventname
        """
        handler = self._handler(event_name)
        if handler is None:
            return []
        if handler.__class__ is _Listeners:
            return [entry[0] for entry in handler]
        return [handler[0]]

    def listenerCount(self, event_name=None, listener=None):
        """Node's ``emitter.listenerCount(eventName[, listener])``.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emitterlistenercounteventname-listener

        With ``listener``, counts only it (and once wrappers around it).
        """
        events = getattr(self, "_events", None)
        if events is None:
            return 0
        try:
            handler = events.get(event_name)
        except TypeError:     # an unhashable name, which has no listeners
            return 0
        if handler is None:
            return 0
        entries = handler if handler.__class__ is _Listeners else (handler,)
        if listener is None:
            return len(entries)
        return sum(1 for entry in entries if _same(entry[0], listener))

    def eventNames(self):
        """Node's ``emitter.eventNames()``, in JavaScript's property order.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emittereventnames
        """
        events = getattr(self, "_events", None)
        return _own_keys(events) if events else []

    # -- the limit ----------------------------------------------------------

    def setMaxListeners(self, n=None):
        """Node's ``emitter.setMaxListeners(n)``; ``0`` or ``float('inf')`` is no limit.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emittersetmaxlistenersn
        """
        if not isinstance(n, numbers.Real) or isinstance(n, bool):
            raise errors.ERR_INVALID_ARG_TYPE("setMaxListeners", "number", n)
        if n != n or n < 0:
            raise errors.ERR_OUT_OF_RANGE("setMaxListeners", ">= 0", n)
        self._max_listeners = n
        return self

    def getMaxListeners(self):
        """Node's ``emitter.getMaxListeners()``.

        https://nodejs.org/docs/latest-v20.x/api/events.html#emittergetmaxlisteners
        """
        limit = self._max_listeners
        return type(self).defaultMaxListeners if limit is None else limit


def _dispatch(handler, args):
    """``emit``'s calling loop, for the paths off the hot one."""
    entries = handler if handler.__class__ is _Listeners else (handler,)
    count = len(args)
    for fn, required, maximum, fn_bounds in entries:
        if required <= count <= maximum:
            fn(*args)
        else:
            _call(fn, fn_bounds, args)


#: Node's backwards-compatible ``EventEmitter.EventEmitter``.
EventEmitter.EventEmitter = EventEmitter


def once(emitter=None, name=None, timeout=None, signal=None):
    """Node's ``events.once(emitter, name)``, blocking the calling greenlet.

    https://nodejs.org/docs/latest-v20.x/api/events.html#eventsonceemitter-name-options

    Returns the event's arguments as a list. If ``'error'`` is emitted first
    (and ``name`` is not ``'error'``), raises it. ``timeout`` is in
    milliseconds; when it passes, the listeners are removed and the built-in
    ``TimeoutError`` is raised. Only the timeout's timer keeps gevent's loop
    alive; with nothing else pending, the wait ends in ``gevent``'s ``LoopExit``.

    Left out, ``name`` is ``None``, JavaScript's ``undefined``: the wait is for
    ``emit(None)``, as Node's is for ``emit(undefined)``.

    Differs from Node: blocks instead of returning a promise; ``timeout``
    stands for ``{signal: AbortSignal.timeout(ms)}``; an ``'error'`` emitted
    with a value that is not an exception raises ``ERR_UNHANDLED_ERROR``
    (its ``context`` is the value), as an unhandled one would.

    ``signal`` is Node's ``{signal}`` option (an ``AbortSignal``): aborted
    before the call or while waiting, the listeners are removed and Node's
    ``AbortError`` is raised, its ``cause`` the signal's reason.
    """
    if emitter is None:
        # Node reads ``emitter.on`` of undefined: the engine's TypeError, with no code.
        raise TypeError("Cannot read properties of undefined (reading 'on')")
    if not callable(getattr(emitter, "on", None)) and not callable(getattr(emitter, "addEventListener", None)):
        raise errors.ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter)
    seconds = None
    if timeout is not None:
        if not isinstance(timeout, numbers.Real) or isinstance(timeout, bool):
            raise errors.ERR_INVALID_ARG_TYPE("timeout", "number", timeout)
        if timeout != timeout or timeout < 0:
            raise errors.ERR_OUT_OF_RANGE("timeout", ">= 0", timeout)
        seconds = timeout / 1000.0
    validate_abort_signal(signal, "options.signal")
    if signal is not None and signal.aborted:
        raise errors.AbortError(None, cause=signal.reason)
    result = AsyncResult()
    watch_error = name != "error"

    def error_listener(err):
        emitter.removeListener(name, resolver)
        if not isinstance(err, BaseException):
            value, err = err, errors.ERR_UNHANDLED_ERROR(err)
            err.context = value
        result.set_exception(err)

    def resolver(*args):
        if watch_error:
            emitter.removeListener("error", error_listener)
        result.set(list(args))

    def abort_listener(_event=None):
        emitter.removeListener(name, resolver)
        if watch_error:
            emitter.removeListener("error", error_listener)
        result.set_exception(errors.AbortError(None, cause=signal.reason))

    emitter.once(name, resolver)
    if watch_error:
        emitter.once("error", error_listener)
    if signal is not None:
        signal.addEventListener("abort", abort_listener, {"once": True})
    # As ``await`` lets Node's pending nextTicks run: those the caller's
    # callback queued run now, in its greenlet (one may emit the event).
    ticks = getattr(getcurrent(), "gnet_ticks", None)
    if ticks:
        from gnet.eventloop.loop import drain_ticks
        drain_ticks(ticks)
    timer = gevent.Timeout(seconds) if seconds is not None else None
    if timer is not None:
        timer.start()
    try:
        return result.get()
    except BaseException as exc:
        if not result.ready():
            emitter.removeListener(name, resolver)
            if watch_error:
                emitter.removeListener("error", error_listener)
        if timer is not None and exc is timer:
            raise TimeoutError("once(%r) timed out after %s ms" % (name, errors.js_number_text(timeout))) from None
        raise
    finally:
        if timer is not None:
            timer.close()
        if signal is not None:
            signal.removeEventListener("abort", abort_listener)


_names.add_aliases(globals(), ["errorMonitor"])
__all__.append("error_monitor")
