"""Node's stream operators (lib/internal/streams/operators.js), blocking, and the
object-mode Readable they return (Readable.from, lib/internal/streams/from.js).

``Operators`` is a mixin of ``Duplex`` (so of ``gnet.Socket``) and of
``ObjectReadable``. Each method is Node's, ported step by step onto the
blocking iterator of gnet/streams/iteration.py (Node's ``for await`` over a
stream), so that the stream is read, paused and destroyed as Node's
operators do it:

- ``map``, ``filter``, ``flatMap``, ``drop``, ``take``, ``asIndexedPairs``
  return a new Readable in object mode (``IterableReadable``, Node's
  ``Readable.from`` of the operator's generator) that yields the results. It
  can be read with ``for value in result``, ``toArray()``, 'data' listeners,
  another operator.
- ``forEach``, ``toArray``, ``some``, ``every``, ``find``, ``reduce``
  return Node's promise's value: they block the calling greenlet until it is
  known (API.md section 7), and raise where the promise would reject. Not
  from a listener of the stream itself, which holds its events (see
  gnet/streams/iteration.py).

``fn`` is called as Node calls it, ``fn(value, {'signal': signal})``, with
API.md's arity rule: a callable taking one parameter gets the value alone.
It is a plain function and may block (a query, ``gevent.sleep``); an
``async def`` is refused with ``ERR_INVALID_ARG_TYPE``. Its result is read by
Python truthiness where Node tests it (``filter``, ``some``, ``every``,
``find``).

``concurrency`` (``map``, ``filter``, ``flatMap``, ``forEach``, ``some``,
``every``, ``find``): with 1, the default, ``fn`` runs in the greenlet that
reads the source, one value at a time, as Node's ``map`` awaits each
promise. With ``n > 1``, up to ``n`` calls of ``fn`` run at once, each in a
greenlet of its own (a blocking ``fn`` is what a pending promise is in
Node), while the source is read ahead; results come out in the source's
order, at most ``highWaterMark + concurrency`` of them waiting.

``signal`` is checked where Node checks it: as each value arrives (and, for
``drop``/``take``, when reading starts; ``reduce`` also destroys the stream at
once if the signal is already aborted). An abort while waiting for the next
value is seen when that value arrives (a stream that ends first ends the
operator as usual), as in Node. Aborted, the operator raises (or its stream
is destroyed with) ``AbortError``, code ``ABORT_ERR``.

Differs from Node: a result of ``None`` from ``map``'s ``fn`` (Python's
return value of a function that returns nothing) is JavaScript's ``null``, so
the stream fails with ``ERR_STREAM_NULL_VALUES`` where Node, given
``undefined``, would pass it on.
"""

import difflib
import math
import sys
import warnings
from collections import deque
from collections.abc import Mapping

from gevent.event import AsyncResult, Event

from gnet.js import names as _names
from gnet.js import errors
from gnet.js.arity import MISSING, bounds as _bounds, call as _call
from gnet.js.values import js_number, validate_abort_signal, validate_integer
from gnet.eventloop.abort import AbortController, AbortSignal
from gnet.eventloop.loop import queue_tick
from gnet.streams.iteration import finished_readable, iterate, settle, spawn, wait
from gnet.streams.readable import Readable

__all__ = ["Operators", "ObjectReadable", "IterableReadable"]

#: Node's default highWaterMark of an object-mode stream, in objects.
DEFAULT_OBJECT_HIGH_WATER_MARK = 16

#: What ``forEach``'s and ``filter``'s functions return for "no value" (Node's kEmpty).
_EMPTY = object()
#: The end of ``map``'s queue (Node's kEof).
_EOF = object()

_FN_TYPES = ["Function", "AsyncFunction"]


# ---------------------------------------------------------------------------
# Arguments

def _validate_fn(fn, name="fn"):
    """Node's ``typeof fn !== 'function'`` check; an ``async def`` is refused
    too (``arity.bounds``: gnet would call it and never await the coroutine)."""
    if not callable(fn):
        raise errors.ERR_INVALID_ARG_TYPE(name, _FN_TYPES, None if fn is MISSING else fn)
    _bounds(fn, name)
    return fn


_KEYS = {
    "map": ("signal", "concurrency", "highWaterMark"),
    "reduce": ("signal",),
    "toArray": ("signal",),
    "drop": ("signal",),
    "take": ("signal",),
    "asIndexedPairs": ("signal",),
}


def _options(options, kwargs, call, keys):
    """``options`` (a dict, Node's object) and keyword arguments (winning),
    keys in either spelling; ``None`` when neither is given (``undefined``).
    An unknown keyword is Python's ``TypeError``; ``options`` that is not a
    dict is Node's ``validateObject`` error."""
    known = _KEYS[keys]
    for key in kwargs:
        if _names.node_key(key, known) not in known:
            names = sorted(set(known) | {_names.snake_case(k) for k in known})
            close = difflib.get_close_matches(key, names, n=1)
            hint = " (did you mean %r?)" % close[0] if close else ""
            raise TypeError("%s() got an unexpected keyword argument %r%s" % (call, key, hint))
    if options is not None and not isinstance(options, Mapping):
        raise errors.ERR_INVALID_ARG_TYPE("options", "object", options)
    if options is None and not kwargs:
        return None
    merged = {}
    for source in (options, kwargs):
        for key, value in (source or {}).items():
            merged[_names.node_key(key, known)] = value
    return merged


def _signal(options):
    """``options.signal``, checked as Node's ``validateAbortSignal``."""
    signal = options.get("signal") if options is not None else None
    if signal is not None:
        validate_abort_signal(signal, "options.signal")
    return signal


def _js_floor(value):
    """``Math.floor(value)``, ``value`` read as JavaScript's ``Number()``."""
    number = js_number(value)
    if isinstance(number, float) and not math.isfinite(number):
        return number
    return math.floor(number)


def _to_integer_or_infinity(number):
    """Node's ``toIntegerOrInfinity`` for ``drop``/``take`` (which keeps fractions)."""
    number = js_number(number)
    if number != number:
        return 0
    if number < 0:
        raise errors.ERR_OUT_OF_RANGE("number", ">= 0", number)
    return number


def _map_options(fn, options, kwargs, call):
    """``map``'s checks, in Node's order: ``(fn, concurrency, high water mark, signal)``."""
    _validate_fn(fn)
    options = _options(options, kwargs, call, "map")
    signal = _signal(options)
    options = options or {}
    concurrency = 1
    if options.get("concurrency") is not None:
        concurrency = _js_floor(options["concurrency"])
    high_water_mark = concurrency - 1 if isinstance(concurrency, int) else concurrency
    if options.get("highWaterMark") is not None:
        high_water_mark = _js_floor(options["highWaterMark"])
    validate_integer(concurrency, "options.concurrency", 1)
    validate_integer(high_water_mark, "options.highWaterMark", 0)
    return fn, int(concurrency), int(high_water_mark) + int(concurrency), signal


def _settled(get):
    """The value of ``get()`` (an ``AsyncResult``'s), after what this greenlet queued."""
    if not get.ready():
        settle()
    return get.get()


# ---------------------------------------------------------------------------
# map: Node's async generator, with its pump in a greenlet of its own

class _Map:
    """Node's ``map`` generator: a pump greenlet reads ``stream`` and calls
    ``fn`` (in greenlets of their own when ``concurrency`` > 1); the
    generator yields the results in order. ``fn`` gets ``(value, options)``."""

    def __init__(self, stream, fn, concurrency, high_water_mark, signal):
        self.stream = stream
        self.fn = fn
        self.fn_bounds = _bounds(fn)
        self.concurrency = concurrency
        self.high_water_mark = high_water_mark
        self.user_signal = signal
        self.queue = deque()
        self.next = Event()         # the generator waits for the queue
        self.resume = Event()       # the pump waits for room
        self.resume_waiting = False
        self.done = False
        self.count = 0              # calls of fn not yet settled

    def items(self):
        self.signal = AbortSignal.any([self.user_signal] if self.user_signal is not None else [])
        self.signal_options = {"signal": self.signal}
        spawn(self._pump)
        queue = self.queue
        try:
            while True:
                self.next.clear()
                while queue:
                    item = queue[0]
                    value = item if item is _EOF else _settled(item)
                    if value is _EOF:
                        return
                    if self.signal.aborted:
                        raise errors.AbortError()
                    if value is not _EMPTY:
                        yield value
                    queue.popleft()
                    self._maybe_resume()
                wait(self.next)
        finally:
            self.done = True
            self._wake_pump()

    def _after_item_processed(self):
        self.count -= 1
        self._maybe_resume()

    def _on_catch(self):
        self.done = True
        self._after_item_processed()

    def _maybe_resume(self):
        if (self.resume_waiting and not self.done and self.count < self.concurrency
                and len(self.queue) < self.high_water_mark):
            self._wake_pump()

    def _wake_pump(self):
        if self.resume_waiting:
            self.resume_waiting = False
            self.resume.set()

    def _pump(self):
        values = iterate(self.stream)
        try:
            for value in values:
                if self.done:
                    return
                if self.signal.aborted:
                    raise errors.AbortError()
                self.count += 1
                self.queue.append(self._call(value))
                self.next.set()
                if not self.done and (len(self.queue) >= self.high_water_mark
                                      or self.count >= self.concurrency):
                    self.resume_waiting = True
                    self.resume.clear()
                    wait(self.resume)
            self.queue.append(_EOF)
        except Exception as err:  # noqa: BLE001 - the source's error is the generator's, as in Node
            item = AsyncResult()
            item.set_exception(err, sys.exc_info())
            self._on_catch()
            self.queue.append(item)
        finally:
            values.close()
            self.done = True
            self.next.set()

    def _call(self, value):
        item = AsyncResult()
        if self.concurrency == 1:
            self._run(value, item)
        else:
            spawn(self._run, value, item)
        return item

    def _run(self, value, item):
        try:
            result = _call(self.fn, self.fn_bounds, (value, self.signal_options))
        except Exception as err:  # noqa: BLE001 - fn's error is its value's, as a rejected promise
            item.set_exception(err, sys.exc_info())
            self._on_catch()
        else:
            item.set(result)
            self._after_item_processed()


def _map(stream, fn, concurrency, high_water_mark, signal):
    return _Map(stream, fn, concurrency, high_water_mark, signal).items()


def _filter_fn(fn):
    fn_bounds = _bounds(fn)

    def filter_fn(value, options):
        return value if _call(fn, fn_bounds, (value, options)) else _EMPTY
    return filter_fn


def _first(generator, found):
    """``for await (const x of generator) return found(x)``; ``None`` past the end."""
    try:
        for value in generator:
            return found(value)
        return None
    finally:
        generator.close()


def _some(stream, fn, options, kwargs, call):
    """``some``: the first value ``filter(fn)`` yields ends the search."""
    fn, concurrency, high_water_mark, signal = _map_options(fn, options, kwargs, call)
    values = _map(stream, _filter_fn(fn), concurrency, high_water_mark, signal)
    return _first(values, lambda value: True) is True


def _flat_map(values):
    try:
        for value in values:
            yield from value
    finally:
        values.close()


def _drop(stream, number, signal):
    if signal is not None and signal.aborted:
        raise errors.AbortError()
    values = iterate(stream)
    try:
        for value in values:
            if signal is not None and signal.aborted:
                raise errors.AbortError()
            number -= 1
            if number + 1 <= 0:
                yield value
    finally:
        values.close()


def _take(stream, number, signal):
    if signal is not None and signal.aborted:
        raise errors.AbortError()
    values = iterate(stream)
    try:
        for value in values:
            if signal is not None and signal.aborted:
                raise errors.AbortError()
            number -= 1
            if number + 1 > 0:
                yield value
            # Node: no next value once this was the last one.
            if number <= 0:
                return
    finally:
        values.close()


def _as_indexed_pairs(stream, signal):
    index = 0
    values = iterate(stream)
    try:
        for value in values:
            if signal is not None and signal.aborted:
                # Node passes {cause} as the message: "[object Object]".
                raise errors.AbortError("[object Object]")
            yield [index, value]
            index += 1
    finally:
        values.close()


# ---------------------------------------------------------------------------
# The methods

@_names.alias_class
class Operators:
    """Node's stream operators, as methods of ``Readable``.

    https://nodejs.org/docs/latest-v20.x/api/stream.html#readablemapfn-options
    """

    # -- returning a stream ----------------------------------------------------

    def map(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.map(fn[, options])``: a Readable (object mode) of
        ``fn(value, {'signal': signal})`` for each value of this one.
        Options: ``signal``, ``concurrency`` (see the module), ``highWaterMark``."""
        return _readable_from(_map(self, *_map_options(fn, options, kwargs, "map")))

    def filter(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.filter(fn[, options])``: a Readable (object mode)
        of the values for which ``fn(value, {'signal': signal})`` is true."""
        fn, concurrency, high_water_mark, signal = _map_options(fn, options, kwargs, "filter")
        return _readable_from(_map(self, _filter_fn(fn), concurrency, high_water_mark, signal))

    def flatMap(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.flatMap(fn[, options])``: a Readable (object mode)
        of the items of each iterable ``fn(value, {'signal': signal})``
        returns (a list, a generator, a stream...)."""
        values = _map(self, *_map_options(fn, options, kwargs, "flatMap"))
        return _readable_from(_flat_map(values))

    def drop(self, limit=MISSING, options=None, **kwargs):
        """Node's ``readable.drop(limit[, options])``: a Readable (object mode)
        of this one's values after the first ``limit``."""
        options = _options(options, kwargs, "drop", "drop")
        signal = _signal(options)
        return _readable_from(_drop(self, _to_integer_or_infinity(limit), signal))

    def take(self, limit=MISSING, options=None, **kwargs):
        """Node's ``readable.take(limit[, options])``: a Readable (object mode)
        of this one's first ``limit`` values; then this one is destroyed."""
        options = _options(options, kwargs, "take", "take")
        signal = _signal(options)
        return _readable_from(_take(self, _to_integer_or_infinity(limit), signal))

    def asIndexedPairs(self, options=None, **kwargs):
        """Node's deprecated ``readable.asIndexedPairs([options])``: a Readable
        (object mode) of ``[index, value]`` lists. Warns ``DeprecationWarning``."""
        options = _options(options, kwargs, "asIndexedPairs", "asIndexedPairs")
        signal = _signal(options)
        warnings.warn("readable.asIndexedPairs will be removed in a future version.",
                      DeprecationWarning, stacklevel=errors.warning_stacklevel())
        return _readable_from(_as_indexed_pairs(self, signal))

    # -- returning a value (Node: a promise) ------------------------------------

    def forEach(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.forEach(fn[, options])``: call
        ``fn(value, {'signal': signal})`` for each value; blocks until the
        end and returns ``None``. Raises the stream's or ``fn``'s error."""
        fn, concurrency, high_water_mark, signal = _map_options(fn, options, kwargs, "forEach")
        fn_bounds = _bounds(fn)

        def for_each_fn(value, fn_options):
            _call(fn, fn_bounds, (value, fn_options))
            return _EMPTY

        values = _map(self, for_each_fn, concurrency, high_water_mark, signal)
        _first(values, lambda value: None)

    def toArray(self, options=None, **kwargs):
        """Node's ``readable.toArray([options])``: every value, in a list;
        blocks until the end. Raises the stream's error."""
        options = _options(options, kwargs, "toArray", "toArray")
        signal = _signal(options)
        result = []
        values = iterate(self)
        try:
            for value in values:
                if signal is not None and signal.aborted:
                    raise errors.AbortError(None, cause=signal.reason)
                result.append(value)
        finally:
            values.close()
        return result

    def some(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.some(fn[, options])``: whether ``fn`` is true for
        some value; blocks until one is found (then this stream is
        destroyed) or the end."""
        return _some(self, fn, options, kwargs, "some")

    def every(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.every(fn[, options])``: whether ``fn`` is true for
        every value; blocks until one fails it (then this stream is
        destroyed) or the end."""
        _validate_fn(fn)
        fn_bounds = _bounds(fn)

        def fails(value, fn_options):
            return not _call(fn, fn_bounds, (value, fn_options))

        return not _some(self, fails, options, kwargs, "every")

    def find(self, fn=MISSING, options=None, **kwargs):
        """Node's ``readable.find(fn[, options])``: the first value for which
        ``fn`` is true (then this stream is destroyed), ``None`` if none is."""
        fn, concurrency, high_water_mark, signal = _map_options(fn, options, kwargs, "find")
        values = _map(self, _filter_fn(fn), concurrency, high_water_mark, signal)
        return _first(values, lambda value: value)

    def reduce(self, fn=MISSING, initial=MISSING, options=None, **kwargs):
        """Node's ``readable.reduce(fn[, initial[, options]])``: the values
        folded with ``fn(previous, value, {'signal': signal})``, from
        ``initial`` if given (``None`` counts as given, as ``undefined``
        does in Node), else from the first value; blocks until the end. An
        empty stream with no ``initial`` raises ``ERR_MISSING_ARGS``. The
        signal ``fn`` gets is aborted when ``reduce`` returns."""
        _validate_fn(fn, "reducer")
        options = _options(options, kwargs, "reduce", "reduce")
        signal = _signal(options)
        has_initial = initial is not MISSING
        if signal is not None and signal.aborted:
            err = errors.AbortError(None, cause=signal.reason)
            self.once("error", lambda *_: None)      # the error is raised here
            self.destroy(err)
            _wait_finished(self)
            raise err
        controller = AbortController()
        if signal is not None:
            signal.addEventListener("abort", lambda *_: controller.abort(), {"once": True})
        fn_options = {"signal": controller.signal}
        fn_bounds = _bounds(fn)
        got_any = False
        values = iterate(self)
        try:
            for value in values:
                got_any = True
                if signal is not None and signal.aborted:
                    raise errors.AbortError()
                if not has_initial:
                    initial = value
                    has_initial = True
                else:
                    initial = _call(fn, fn_bounds, (initial, value, fn_options))
            if not got_any and not has_initial:
                raise errors.reduce_of_empty_stream()
        finally:
            values.close()
            controller.abort()
        return initial


def _wait_finished(stream):
    """Block until ``stream`` is finished (Node's ``await finished(stream)``,
    readable side), whatever the outcome."""
    done = Event()
    finished_readable(stream, lambda err=None: done.set())
    wait(done)


def _readable_from(generator):
    """What a stream-returning operator returns: Node's ``Readable.from`` of its generator."""
    return IterableReadable(generator)


@_names.alias_class
class ObjectReadable(Readable, Operators):
    """Node's Readable in object mode: each value pushed (anything but
    ``None``, which ends the stream) is one chunk, counted as 1 against the
    high-water mark, and ``read()`` returns one value at a time."""

    _object_mode = True

    def __init__(self, high_water_mark=DEFAULT_OBJECT_HIGH_WATER_MARK):
        Readable.__init__(self, high_water_mark)

    def push(self, chunk=MISSING, encoding=None):
        """Add ``chunk`` (any value) to the read side; ``None`` is EOF."""
        rs = self._rs
        if chunk is None:
            rs.reading = False
            self._on_eof_chunk()
            return False
        if chunk is MISSING:
            return self._can_push_more()
        if rs.ended:
            self._error_or_destroy(errors.ERR_STREAM_PUSH_AFTER_EOF())
            return False
        if self._destroyed or self._errored is not None:
            return False
        rs.reading = False
        if rs.decoder is not None and not encoding:
            chunk = rs.decoder.write(chunk)
        self._add_chunk(chunk, 1)
        return self._can_push_more()

    _push_any = push

    def unshift(self, chunk=MISSING, encoding=None):
        """``unshift`` in object mode: ``chunk`` (any value) is read next."""
        if chunk is None:
            self._rs.reading = False
            self._on_eof_chunk()
            return False
        if chunk is MISSING:
            return self._can_push_more()
        return self._unshift_value(chunk, 1)

    def _how_much_to_read(self, n):
        rs = self._rs
        if n is not None and n <= 0 or (rs.length == 0 and rs.ended):
            return 0
        return 1

    def _from_list(self, n):
        buf = self._rs.buffer
        return buf.pop(0) if buf else None


@_names.alias_class
class IterableReadable(ObjectReadable):
    """Node's ``Readable.from(iterable)`` for the generator of an operator
    (``map``, ``filter``... gnet/streams/operators.py): an object-mode
    Readable with ``highWaterMark`` 1 whose values the generator yields.

    The generator may block (it waits for its source, and runs the
    operator's function), so it runs in a greenlet of its own, started by the
    first read, running while the buffer has room, as Node's ``nextAsync``
    loop. A ``None`` it yields destroys the stream with
    ``ERR_STREAM_NULL_VALUES``; an exception it raises destroys the stream with
    it. ``destroy()`` closes the generator (throwing the error into it, if
    any) before 'close'; if the generator is busy then, as a JavaScript
    generator is busy awaiting, that waits for the value it is computing.
    """

    def __init__(self, generator):
        ObjectReadable.__init__(self, 1)
        self._generator = generator
        self._pulling = False       # Node's ``reading``: the greenlet was asked for more
        self._running = False       # the greenlet is inside the generator now
        self._destroy_later = None  # destroy()'s (err, cb), for when it is out

    def _read(self):
        if not self._pulling:
            self._pulling = True
            spawn(self._pull)

    def _pull(self):
        """Node's ``nextAsync``, in this stream's greenlet."""
        while True:
            self._running = True
            error = None
            try:
                value = next(self._generator)
                done = False
            except StopIteration:
                done = True
            except Exception as exc:  # noqa: BLE001 - the generator's error destroys the stream, as in Node
                error = exc
            finally:
                self._running = False
            if self._destroy_later is not None:
                err, cb = self._destroy_later
                self._close_generator(err, cb)
                return
            try:
                if error is not None:
                    raise error
                if done:
                    self.push(None)
                    return
                if value is None:
                    self._pulling = False
                    raise errors.ERR_STREAM_NULL_VALUES()
                if self.push(value):
                    settle()
                    continue
                self._pulling = False
            except Exception as exc:  # noqa: BLE001 - a listener's error too, as in Node's nextAsync
                self.destroy(exc)
            return

    def _destroy(self, err, cb):
        if self._running:
            self._destroy_later = (err, cb)
        else:
            self._close_generator(err, cb)

    def _close_generator(self, err, cb):
        """Node's ``close(error)`` in from.js: throw ``err`` into the
        generator (if it yields again, close it), else close it; then ``cb``
        on the next tick, with the error the generator ended with."""
        generator = self._generator
        try:
            if err is not None:
                try:
                    generator.throw(err)
                except StopIteration:
                    queue_tick(cb, err)
                    return
            generator.close()
        except Exception as exc:  # noqa: BLE001 - the error the generator ended with goes to cb
            queue_tick(cb, exc)
            return
        queue_tick(cb, err)
