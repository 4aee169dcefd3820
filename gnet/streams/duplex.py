"""Node's Duplex stream, byte mode, as ``net.Socket`` inherits it.

Node's ``net.Socket`` is a ``stream.Duplex``, and most of the order in which a
socket's events arrive is decided by the stream machinery, not by ``net``:
'data' flows or buffers, 'end' waits for the buffer to empty and comes on a
later tick, 'finish' follows ``_final``, 'drain' comes before the write
callbacks, 'error' before 'close'. gnet keeps that machinery in three modules
that follow Node v20's lib/internal/streams/ algorithm by algorithm, so the
same calls give the same events in the same order:

- gnet/streams/readable.py: the readable half (Node's readable.js);
- gnet/streams/writable.py: the writable half (Node's writable.js);
- here: ``Duplex``, the two joined, and destroy (Node's destroy.js).

A subclass supplies the I/O through Node's hooks:

- ``_read()``: start producing data; it calls ``push(chunk)``/``push(None)``;
- ``_sink``: optional, an object whose ``try_write(chunk)`` a write to an
  idle stream is offered first; it returns how many bytes it sent at once,
  and the rest goes to ``_write``;
- ``_write(chunk, cb)`` / ``_writev(chunks, cb)``: send, then ``cb(err)``;
- ``_final(cb)``: flush and shut down the writing side;
- ``_destroy(err, cb)``: release the resource;
- ``_mark_destroyed()``: where ``destroyed`` becomes true (a subclass with a
  lifecycle of its own, ``net.Socket``, moves its state there instead).

Only byte mode exists (no objectMode, which ``net.Socket`` refuses too).
Deferred steps go through ``loop.nextTick`` and end in ``_nt``.
"""

from gnet.js import names as _names
from gnet.js import errors
from gnet.streams.readable import Readable, _ReadableState
from gnet.js.values import DEFAULT_HIGH_WATER_MARK
from gnet.streams.writable import Writable, _WritableState
from gnet.eventloop.events import EventEmitter
from gnet.eventloop.loop import queue_tick

__all__ = ["Duplex", "DEFAULT_HIGH_WATER_MARK"]


@_names.alias_class
class Duplex(Readable, Writable, EventEmitter):
    """Node's ``stream.Duplex`` in byte mode, the base of ``gnet.Socket``."""

    #: Node's ``duplex.allowHalfOpen``: when false, the writable side ends
    #: when the readable side does. Set per stream by the constructor.
    allowHalfOpen = True

    def __init__(self, allow_half_open=True, readable=True, writable=True,
                 readable_high_water_mark=DEFAULT_HIGH_WATER_MARK,
                 writable_high_water_mark=DEFAULT_HIGH_WATER_MARK):
        EventEmitter.__init__(self)
        self.allowHalfOpen = allow_half_open
        self._init_stream_state(readable, writable, readable_high_water_mark, writable_high_water_mark)

    def _undestroy(self):
        """Node's ``destroyImpl.undestroy``: usable again after destroy(). The
        end-of-stream and destroy facts are reset; the mode (flowing or paused,
        listeners, encoding, high-water marks) is kept. ``destroyed`` itself is
        the subclass's to clear (net.Socket: its 'connect' transition)."""
        rs, ws = self._rs, self._ws
        rs.reading = False
        rs.ended = rs.end_emitted = not rs.readable
        rs.length = 0
        del rs.buffer[:]
        ws.final_called = ws.prefinished = False
        ws.ending = ws.finished = not ws.writable
        ws.writing = False
        ws.length = 0
        del ws.buffered[:]
        ws.pendingcb = 0
        ws.on_finished = []
        self._errored = None
        self._error_emitted = False
        self._close_emitted = False
        self._closed = False

    def _init_stream_state(self, readable, writable, readable_high_water_mark, writable_high_water_mark):
        """Fresh stream state."""
        self._rs = _ReadableState(readable_high_water_mark, readable)
        self._ws = _WritableState(writable_high_water_mark, writable)
        # destroy state shared by both halves (Node keeps it on each).
        self._errored = None
        self._error_emitted = False
        self._close_emitted = False
        self._closed = False

    #: Node's ``emitClose``: destroy() emits 'close' (net.Socket emits its own).
    _emits_close = True
    #: Node's ``destroyed``; written by ``_mark_destroyed`` only.
    _destroyed = False

    # ------------------------------------------------------------------
    # hooks for subclasses

    def _read(self):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_read()")

    def _write(self, chunk, cb):
        self._writev([chunk], cb)

    def _writev(self, chunks, cb):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_write()")

    def _final(self, cb):
        cb()

    def _destroy(self, err, cb):
        cb(err)

    def _mark_destroyed(self):
        self._destroyed = True

    # ------------------------------------------------------------------
    # destroy (lib/internal/streams/destroy.js)

    def destroy(self, err=None, cb=None):
        """Tear the stream down now: 'error' (if ``err``) then 'close', later."""
        ws = self._ws
        if (ws.buffered or ws.on_finished) and not self._destroyed:
            queue_tick(self._error_buffer)
        if self._destroyed:
            if callable(cb):
                cb()
            return self
        if err is not None and self._errored is None:
            self._errored = err
        self._mark_destroyed()
        called = []

        def on_destroy(error=None):
            if called:
                return
            called.append(True)
            if error is not None and self._errored is None:
                self._errored = error
            self._closed = True
            if callable(cb):
                cb(error)
            if error is not None:
                queue_tick(self._emit_error_close_nt, error)
            else:
                queue_tick(self._emit_close_nt)

        try:
            self._destroy(err, on_destroy)
        except Exception as exc:  # noqa: BLE001 - a throwing _destroy is the destroy error, as in Node
            on_destroy(exc)
        return self

    def _emit_error_close_nt(self, err):
        self._emit_error_nt(err)
        self._emit_close_nt()

    def _emit_close_nt(self):
        self._close_emitted = True
        if self._emits_close:
            self.emit("close")

    def _emit_error_nt(self, err):
        if self._error_emitted:
            return
        self._error_emitted = True
        self.emit("error", err)

    def _error_or_destroy(self, err):
        if self._destroyed:
            return
        self.destroy(err)

    # ------------------------------------------------------------------
    # properties (Node's names)

    @property
    def destroyed(self):
        return self._destroyed

    @property
    def errored(self):
        return self._errored

    @property
    def closed(self):
        return self._closed
