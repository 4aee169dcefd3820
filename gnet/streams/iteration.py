"""Reading a stream from a greenlet: Node's ``for await`` over a Readable, blocking.

Node's async iterator over a stream (lib/internal/streams/readable.js,
``createAsyncIterator``) is the ground all of Node's stream operators stand
on (``map``, ``toArray``... gnet/streams/operators.py), so gnet ports it
step by step, with a blocking wait where Node awaits:

- ``iterate(stream)``: a generator that listens for 'readable', calls
  ``stream.read()`` and yields each chunk it returns, until the stream is
  finished (``finished_readable``, Node's ``eos(stream, {writable: false})``),
  raising the stream's error. However it stops (the end, an error, ``break``,
  ``close()``), the stream is then destroyed, as Node's iterator does
  (``destroyer``): with no error when it is finished, else with an
  ``AbortError`` (a socket that is half-open, or not at its end yet, emits
  'error' with ``ABORT_ERR``).
- ``wait(event)``: the blocking wait. A wait is an ``await``: the callbacks
  that the waiting greenlet queued with ``nextTick`` run first, as Node
  drains its tick queue when an async function awaits; otherwise a greenlet
  that reads (``read()`` queues 'end' on a tick) would wait for its own
  queue.
- ``spawn(fn)``: a greenlet of gnet's loop (an executor, with a nextTick
  queue of its own) for work that blocks, as Node's operators run
  concurrently with their consumer; an exception escaping ``fn`` takes
  Node's uncaught path.

A greenlet that waits here must not be the one that delivers the stream's
events: a listener of a socket blocks that socket's reads (API.md section 6),
so ``for chunk in sock`` inside ``sock``'s own listener would wait forever.
Read from another greenlet (``gevent.spawn``), the main script, or a
listener of another socket or server.
"""

from gevent.event import Event
from greenlet import getcurrent

from gnet.js import errors
from gnet.eventloop import loop as _loop

__all__ = ["iterate", "finished_readable", "destroyer", "wait", "settle", "spawn", "after_ticks"]


def settle():
    """Run the callbacks the current greenlet has queued with ``nextTick``
    (an ``await``'s first step in Node); nothing outside gnet's executors."""
    ticks = getattr(getcurrent(), "gnet_ticks", None)
    if ticks:
        _loop.drain_ticks(ticks)


def wait(event):
    """Block the calling greenlet until ``event`` (a gevent ``Event``) is set,
    after running what it queued with ``nextTick``."""
    settle()
    if not event.is_set():
        event.wait()


def after_ticks(fn):
    """Run ``fn()`` once the current greenlet's nextTick queue is empty: where
    Node runs a promise's reactions (its microtasks come after the ticks)."""
    def step():
        if getattr(getcurrent(), "gnet_ticks", None):
            _loop.queue_tick(step)
        else:
            fn()
    _loop.queue_tick(step)


def spawn(fn, *args):
    """Run ``fn(*args)`` in a new executor greenlet of gnet's loop, soon."""
    def run():
        try:
            fn(*args)
        except _loop.PASS_THROUGH:
            raise
        except BaseException as exc:  # noqa: B902 - Node's uncaught path
            _loop.report(exc)
        settle()
    return _loop.spawn(run)


# ---------------------------------------------------------------------------
# What Node's lib/internal/streams/utils.js says of a gnet stream.

def _is_readable_finished(stream):
    """``isReadableFinished(stream, false)``: 'end' emitted, or EOF with nothing buffered."""
    if stream._errored is not None:
        return False
    rs = stream._rs
    return rs.end_emitted or (rs.ended and rs.length == 0)


def _is_readable(stream):
    """``isReadable``: readable (not destroyed, errored or ended) with more to come."""
    return stream.readable and not _is_readable_finished(stream)


def _is_writable(stream):
    """``isWritable``: a writable side that is neither ended nor destroyed
    (``None`` for a stream with no writable side)."""
    writable = getattr(stream, "writable", None)
    return None if writable is None else writable


def _will_emit_close(stream):
    """``willEmitClose`` as ``eos(stream, {writable: false})`` reads it: a
    Readable alone that emits its own 'close' at destroy and has not yet.
    (A Duplex never counts, and net.Socket's 'close' is its own.)"""
    return not hasattr(stream, "write") and stream._emits_close and not stream._closed


def is_finished(stream):
    """``isFinished``: destroyed, or done reading and writing."""
    return stream._destroyed or (not _is_readable(stream) and not _is_writable(stream))


def destroyer(stream):
    """``destroyImpl.destroyer(stream, null)``: destroy ``stream``, with an
    ``AbortError`` if it is not finished."""
    if stream._destroyed:
        return
    stream.destroy(None if is_finished(stream) else errors.AbortError())


def _aggregate(inner, outer):
    """``aggregateTwoErrors``."""
    if inner is not None and outer is not None and inner is not outer:
        if isinstance(getattr(outer, "errors", None), list):
            outer.errors.append(inner)
            return outer
        return errors.AggregateError([outer, inner], str(outer))
    return inner if outer is None else outer


def finished_readable(stream, callback):
    """Node's ``eos(stream, {writable: false}, callback)``: ``callback(err)``
    once the readable side is done: at 'end' (or, for a stream that emits its
    own 'close', at 'close'), with the error at 'error', with
    ``ERR_STREAM_PREMATURE_CLOSE`` at a 'close' before the end. Returns the
    function that removes its listeners."""
    state = {"will_emit_close": _will_emit_close(stream),
             "readable_finished": _is_readable_finished(stream)}
    called = []

    def done(err=None):
        if not called:
            called.append(True)
            callback(err)

    def on_end():
        state["readable_finished"] = True
        if stream._destroyed:
            state["will_emit_close"] = False
        if state["will_emit_close"] and not _is_writable(stream):
            return
        done()

    def on_error(err):
        done(err)

    def on_close():
        if stream._errored is not None:
            done(stream._errored)
        elif not state["readable_finished"] and not _is_readable_finished(stream):
            done(errors.ERR_STREAM_PREMATURE_CLOSE())
        else:
            done()

    def on_closed():
        done(stream._errored)

    stream.on("end", on_end)
    stream.on("error", on_error)
    stream.on("close", on_close)
    if stream._closed:
        _loop.queue_tick(on_close)
    elif stream._error_emitted:
        if not state["will_emit_close"]:
            _loop.queue_tick(on_closed)
    elif ((not state["will_emit_close"] or _is_writable(stream))
          and (state["readable_finished"] or not _is_readable(stream))):
        _loop.queue_tick(on_closed)

    def cleanup():
        called.append(True)
        stream.removeListener("end", on_end)
        stream.removeListener("error", on_error)
        stream.removeListener("close", on_close)

    return cleanup


#: ``error`` before the stream is finished (Node's ``undefined``).
_PENDING = object()


def iterate(stream, destroy_on_return=True):
    """Node's ``createAsyncIterator``: each chunk ``stream.read()`` returns,
    blocking between them; the stream's error is raised. The stream is
    destroyed when the loop ends (``AbortError`` if it is not finished), or,
    with ``destroy_on_return=False``, only when it ends with an error."""
    wake = Event()
    outcome = [_PENDING]     # None: finished; an exception: failed
    waiting = [False]        # the loop is blocked in wait(wake)

    def on_readable(*_):
        wake.set()

    def on_finished(err=None):
        outcome[0] = _aggregate(outcome[0] if outcome[0] is not _PENDING else None, err) \
            if err is not None else None
        wake.set()
        if err is None and waiting[0] and destroy_on_return:
            # Node's loop, awaiting here, goes on as a microtask, after the
            # nextTicks of this turn (a socket that is not half-open calls
            # end() in one), reads nothing and destroys the stream. The
            # greenlet wakes later than that; the destroy is done on time.
            after_ticks(lambda: destroyer(stream))

    stream.on("readable", on_readable)
    cleanup = finished_readable(stream, on_finished)
    try:
        while True:
            wake.clear()
            chunk = None if stream._destroyed else stream.read()
            if chunk is not None:
                yield chunk
            elif outcome[0] is None:
                return
            elif outcome[0] is not _PENDING:
                raise outcome[0]
            else:
                waiting[0] = True
                try:
                    wait(wake)
                finally:
                    waiting[0] = False
    except Exception as err:
        error = outcome[0] if outcome[0] is not _PENDING else None
        outcome[0] = _aggregate(error, err)
        if outcome[0] is err:
            raise
        raise outcome[0]
    finally:
        failed = outcome[0] is not None and outcome[0] is not _PENDING
        if failed or destroy_on_return:
            destroyer(stream)
        else:
            stream.removeListener("readable", on_readable)
            cleanup()
