"""Node's ``AbortController`` and ``AbortSignal`` globals.

https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortcontroller

An ``AbortSignal`` is an EventTarget as in Node: ``addEventListener('abort',
fn, {'once': True})``, ``removeEventListener``, ``onabort``. A listener is
called with an ``Event`` (``type``, ``target``) or, taking no parameter, with
nothing. Listeners run synchronously inside ``abort()``, in the order they
were added (``onabort`` at the place it was first set); one that raises is
reported as Node reports it, on the ``uncaughtException`` path, and the
others still run.

``None`` stands for JavaScript's ``undefined``: ``abort()`` and
``abort(None)`` give Node's default reason, a ``DOMException`` named
``AbortError``.
"""

import math
from collections.abc import Mapping

from gnet.js import names as _names
from gnet.js import errors
from gnet.js.arity import adapt as _adapt
from gnet.js.values import js_truthy, validate_abort_signal
from gnet.eventloop.loop import queue_tick, report
from gnet.eventloop.timers import setTimeout

__all__ = ["AbortController", "AbortSignal", "Event"]


class Event:
    """The ``Event`` an 'abort' listener receives: ``type`` and ``target``."""

    __slots__ = ("type", "target", "currentTarget")

    def __init__(self, type_, target=None):
        self.type = type_
        self.target = target
        self.currentTarget = target

    def __repr__(self):
        return "Event { type: %r }" % self.type


def _once_option(options):
    # Node: a boolean third argument is ``capture``; a dict may hold 'once'.
    if isinstance(options, dict):
        return bool(options.get("once"))
    return bool(getattr(options, "once", False)) if options is not None and not isinstance(options, bool) else False


def _capture_option(options):
    if isinstance(options, dict):
        return bool(options.get("capture"))
    return bool(options) if isinstance(options, bool) else False


@_names.alias_class
class AbortSignal:
    """Node's ``AbortSignal``: ``aborted``, ``reason``, the 'abort' event.

    https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortsignal

    Made by an ``AbortController`` or by ``AbortSignal.abort()``,
    ``AbortSignal.timeout()``, ``AbortSignal.any()``; not by calling the class
    (Node's constructor throws ``TypeError``).
    """

    def __init__(self, *_args, _key=None):
        if _key is not _KEY:
            raise TypeError("Illegal constructor")
        self._aborted = False
        self._reason = None
        # [type, listener, adapted callable, once, capture]; onabort's entry
        # keeps its place when the handler is replaced.
        self._listeners = []
        self._onabort = None
        self._timer = None

    # -- state -----------------------------------------------------------

    @property
    def aborted(self):
        return self._aborted

    @property
    def reason(self):
        return self._reason

    def throwIfAborted(self):
        """Raise ``reason`` if aborted. Differs from Node: a reason that is not
        an exception is raised as ``ERR_UNHANDLED_ERROR`` with it as ``context``."""
        if self._aborted:
            reason = self._reason
            if isinstance(reason, BaseException):
                raise reason
            err = errors.ERR_UNHANDLED_ERROR(reason)
            err.context = reason
            raise err

    # -- EventTarget -----------------------------------------------------

    def addEventListener(self, type_, listener, options=None):
        """EventTarget's ``addEventListener``; ``options`` may be ``{'once': True}``.
        Adding the same listener (and capture) twice adds it once."""
        if listener is None:
            return
        capture = _capture_option(options)
        for entry in self._listeners:
            if entry[0] == type_ and entry[1] == listener and entry[4] == capture:
                return
        fn = listener.handleEvent if hasattr(listener, "handleEvent") and not callable(listener) else listener
        self._listeners.append([type_, listener, _adapt(fn), _once_option(options), capture])

    def removeEventListener(self, type_, listener, options=None):
        """EventTarget's ``removeEventListener``."""
        capture = _capture_option(options)
        for entry in self._listeners:
            if entry[0] == type_ and entry[1] == listener and entry[4] == capture:
                self._listeners.remove(entry)
                return

    def dispatchEvent(self, event):
        """EventTarget's ``dispatchEvent``: call the listeners for ``event.type``."""
        event.target = event.currentTarget = self
        for entry in list(self._listeners):
            if entry[0] != event.type or entry not in self._listeners:
                continue
            if entry[3]:
                self._listeners.remove(entry)
            try:
                entry[2](event)
            except BaseException as exc:  # noqa: B902 - Node reports a listener's throw and goes on
                if not isinstance(exc, Exception):
                    raise
                queue_tick(report, exc)
        return True

    @property
    def onabort(self):
        return self._onabort

    @onabort.setter
    def onabort(self, handler):
        handler = handler if callable(handler) else None
        if self._onabort is None and handler is not None:
            entry = ["abort", _ONABORT, None, False, False]
            self._listeners.append(entry)
        for entry in self._listeners:
            if entry[1] is _ONABORT:
                if handler is None:
                    self._listeners.remove(entry)
                else:
                    entry[2] = _adapt(handler)
                break
        self._onabort = handler

    # -- making signals --------------------------------------------------

    def _abort(self, reason):
        if self._aborted:
            return
        self._aborted = True
        self._reason = errors.DOMException(None, "AbortError") if reason is None else reason
        if self._timer is not None:
            self._timer = None
        self.dispatchEvent(Event("abort"))

    @classmethod
    def abort(cls, reason=None):
        """``AbortSignal.abort([reason])``: a signal already aborted."""
        signal = cls(_key=_KEY)
        signal._abort(reason)
        return signal

    @classmethod
    def timeout(cls, delay=None):
        """``AbortSignal.timeout(delay)``: a signal aborted after ``delay`` ms
        with a ``TimeoutError`` DOMException. Its timer is unref'd, as Node's:
        it does not keep ``gnet.run()`` going."""
        _validate_uint32(delay, "delay")
        signal = cls(_key=_KEY)
        signal._timer = setTimeout(lambda: signal._abort(errors.DOMException(None, "TimeoutError")), delay)
        signal._timer.unref()
        return signal

    @classmethod
    def any(cls, signals=None):
        """``AbortSignal.any(signals)``: aborted as soon as any of ``signals`` is,
        with its reason (at once if one already is)."""
        if not isinstance(signals, (list, tuple)):
            raise errors.ERR_INVALID_ARG_TYPE("signals", "Array", signals)
        for index, source in enumerate(signals):
            # Node's validateAbortSignalArray: an undefined element is an error too.
            if source is None:
                raise errors.ERR_INVALID_ARG_TYPE("signals[%d]" % index, "AbortSignal", None)
            validate_abort_signal(source, "signals[%d]" % index)
        result = cls(_key=_KEY)
        for source in signals:
            # Any object with ``aborted`` passes, as in Node; only an
            # AbortSignal can abort later.
            if js_truthy(_member(source, "aborted")):
                result._abort(_member(source, "reason"))
                return result
        for source in signals:
            if isinstance(source, AbortSignal):
                source.addEventListener("abort", lambda _event, s=source: result._abort(s.reason), {"once": True})
        return result

    def __repr__(self):
        return "AbortSignal { aborted: %s }" % ("true" if self._aborted else "false")


def _member(obj, name):
    """``obj[name]`` as JavaScript reads it: a Mapping's key, else an attribute."""
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _validate_uint32(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise errors.ERR_INVALID_ARG_TYPE(name, "number", value)
    if not isinstance(value, int) and not (math.isfinite(value) and value.is_integer()):
        raise errors.ERR_OUT_OF_RANGE(name, "an integer", value)
    if not 0 <= value <= 4294967295:
        raise errors.ERR_OUT_OF_RANGE(name, ">= 0 && <= 4294967295", value)


_KEY = object()
_ONABORT = object()


@_names.alias_class
class AbortController:
    """Node's ``AbortController``: ``signal`` and ``abort([reason])``.

    https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortcontroller
    """

    def __init__(self):
        self._signal = AbortSignal(_key=_KEY)

    @property
    def signal(self):
        return self._signal

    def abort(self, reason=None):
        """Abort ``signal`` with ``reason`` (Node's ``AbortError`` DOMException
        when ``None``); its 'abort' listeners run now. A second call does nothing."""
        self._signal._abort(reason)

    def __repr__(self):
        return "AbortController { signal: %r }" % (self._signal,)


def add_abort_signal(signal, stream):
    """Node's ``addAbortSignalNoValidate``: ``stream`` is destroyed with
    ``AbortError`` (its ``cause`` the signal's reason) now if ``signal`` is
    aborted, else when it aborts; the listener goes when the stream closes."""
    def on_abort(_event=None):
        stream.destroy(errors.AbortError(None, cause=signal.reason))

    if signal.aborted:
        on_abort()
        return
    signal.addEventListener("abort", on_abort)
    stream.once("close", lambda *_: signal.removeEventListener("abort", on_abort))


def add_server_abort_signal(signal, server):
    """Node's ``addServerAbortSignalOption``: ``server.close()`` on the next
    tick if ``signal`` is aborted, else when it aborts; the listener goes
    when the server closes."""
    def on_abort(_event=None):
        server.close()

    if signal.aborted:
        queue_tick(on_abort)
        return
    signal.addEventListener("abort", on_abort)
    server.once("close", lambda *_: signal.removeEventListener("abort", on_abort))
