"""Node's Duplex stream, byte mode, as ``net.Socket`` inherits it.

Node's ``net.Socket`` is a ``stream.Duplex``, and most of the order in which a
socket's events arrive is decided by the stream machinery, not by ``net``:
'data' flows or buffers, 'end' waits for the buffer to empty and comes on a
later tick, 'finish' follows ``_final``, 'drain' comes before the write
callbacks, 'error' before 'close'. gnet keeps that machinery in modules that
follow Node v20's lib/internal/streams/ algorithm by algorithm, so the same
calls give the same events in the same order:

- gnet/streams/readable.py: the readable half (Node's readable.js);
- gnet/streams/writable.py: the writable half (Node's writable.js);
- gnet/streams/destroy.py: destroy (Node's destroy.js), shared with a
  ``Readable`` alone (the results of ``map``, ``filter``...);
- gnet/streams/iteration.py: ``for chunk in stream`` (Node's async iterator);
- gnet/streams/operators.py: ``map``, ``toArray``... (Node's operators.js),
  and the object-mode Readable they return (Node's from.js);
- here: ``Duplex``, the two halves joined.

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

A Duplex is in byte mode on both sides (``readableObjectMode`` and
``writableObjectMode`` are false), as ``net.Socket`` is; object mode exists
only for a ``Readable`` alone (gnet/streams/operators.py).
Deferred steps go through ``loop.nextTick`` and end in ``_nt``.
"""

from gnet.js import names as _names
from gnet.js import errors
from gnet.streams.readable import Readable, _ReadableState
from gnet.js.values import DEFAULT_HIGH_WATER_MARK
from gnet.streams.writable import Writable, _WritableState
from gnet.streams.destroy import StreamBase
from gnet.streams.operators import Operators
from gnet.eventloop.events import EventEmitter
from gnet.eventloop.loop import queue_tick

__all__ = ["Duplex", "DEFAULT_HIGH_WATER_MARK"]


@_names.alias_class
class Duplex(Readable, Operators, Writable, StreamBase):
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
        self._init_destroy_state()

    def _init_stream_state(self, readable, writable, readable_high_water_mark, writable_high_water_mark):
        """Fresh stream state."""
        self._rs = _ReadableState(readable_high_water_mark, readable)
        self._ws = _WritableState(writable_high_water_mark, writable)
        self._init_destroy_state()

    # ------------------------------------------------------------------
    # hooks for subclasses

    def _write(self, chunk, cb):
        self._writev([chunk], cb)

    def _writev(self, chunks, cb):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_write()")

    def _final(self, cb):
        cb()

    # ------------------------------------------------------------------
    # destroy (gnet/streams/destroy.py), with the writable half's part

    def destroy(self, err=None, cb=None):
        """Tear the stream down now: 'error' (if ``err``) then 'close', later;
        writes still buffered get their callbacks' errors."""
        ws = self._ws
        if (ws.buffered or ws.on_finished) and not self._destroyed:
            queue_tick(self._error_buffer)
        return StreamBase.destroy(self, err, cb)

    def _after_end_emitted(self):
        # Node's endReadableNT: a Duplex that is not half-open ends its
        # writable side; one whose writable side is done is destroyed.
        if self.writable and not self.allowHalfOpen:
            queue_tick(self._end_writable_nt)
        elif self._ws.finished or not self._ws.writable:
            self.destroy()

    def _end_writable_nt(self):
        if self.writable and not self.writableEnded and not self._destroyed:
            self.end()
