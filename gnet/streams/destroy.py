"""What every Node stream has: ``destroy()`` and its events (lib/internal/streams/destroy.js).

``StreamBase`` is the EventEmitter under both gnet stream classes: ``Readable``
(gnet/streams/readable.py), which a ``Readable`` alone uses (the results of
``map``, ``filter``... are one), and ``Duplex`` (gnet/streams/duplex.py).
``destroy(err)`` marks the stream destroyed now, runs the subclass's
``_destroy(err, cb)``, and emits 'error' (if any) then 'close' on a later tick,
never twice.
"""

from gnet.js import arity as _arity
from gnet.js import names as _names
from gnet.eventloop.events import EventEmitter
from gnet.eventloop.loop import queue_tick

__all__ = ["StreamBase"]


@_names.alias_class
class StreamBase(EventEmitter):
    """Node's destroy machinery, shared by ``Readable`` and ``Duplex``."""

    #: Node's ``emitClose``: destroy() emits 'close' (net.Socket emits its own).
    _emits_close = True
    #: Node's streams are EventEmitters in shape mode (gnet/eventloop/events.py).
    _shape_mode = True
    #: Node's ``destroyed``; written by ``_mark_destroyed`` only.
    _destroyed = False

    def _init_destroy_state(self):
        # Node keeps these on each half's state; gnet's streams share them.
        self._errored = None
        self._error_emitted = False
        self._close_emitted = False
        self._closed = False

    # ------------------------------------------------------------------
    # hooks for subclasses

    def _destroy(self, err, cb):
        cb(err)

    def _mark_destroyed(self):
        self._destroyed = True

    # ------------------------------------------------------------------

    def destroy(self, err=None, cb=None):
        """Tear the stream down now: 'error' (if ``err``) then 'close', later.
        ``cb(err)`` is called by the arity rules (API.md 2)."""
        if callable(cb):
            cb = _arity.adapt(cb)
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
