"""The writable half of Node's stream machinery (lib/internal/streams/writable.js).

``Writable`` is a mixin of ``Duplex`` (gnet/streams/duplex.py), byte mode: ``write`` returning
False at the high-water mark, buffering while a write is in flight, 'drain'
before the write callbacks, ``cork``/``uncork``, ``end`` then ``_final`` then
'finish'. The subclass supplies ``_write``/``_writev`` and ``_final``. Its state
is Node's own set of fields (``_WritableState``).
"""

try:
    import cython                   # compiling: declarations (gnet/_build.py)
except ImportError:
    from gnet._build import cython  # pure Python without Cython: no-ops

from gnet.js import arity as _arity
from gnet.js import names as _names
from gnet.js import errors
from gnet.js.encodings import is_encoding, normalize, shown, to_bytes, write_encoding
from gnet.eventloop.loop import queue_tick
from gnet.js.arity import MISSING

__all__ = ["Writable"]


def _nop(err=None):
    pass


class _WritableState:
    __slots__ = (
        "length", "high_water_mark", "buffered", "writing", "sync", "corked", "ending", "ended",
        "finished", "final_called", "prefinished", "need_drain", "pendingcb", "writecb",
        "writelen", "on_finished", "after_write_pending", "after_write_info", "writable",
        "default_encoding", "buffer_processing",
    )

    def __init__(self, high_water_mark, writable):
        self.length = 0
        self.high_water_mark = high_water_mark
        self.buffered = []          # (chunk bytes, JavaScript length, callback); a list, as above
        self.writing = False
        self.sync = True
        self.corked = 0
        self.ending = False
        self.finished = False
        self.final_called = False
        self.prefinished = False
        self.need_drain = False
        self.pendingcb = 0
        self.writecb = None
        self.writelen = 0
        self.on_finished = []
        self.after_write_pending = False
        self.after_write_info = None    # [count, cb] batched for one nextTick
        self.writable = writable
        self.default_encoding = "utf8"
        self.buffer_processing = False


@_names.alias_class
class Writable:
    """Node's Writable surface, mixed into ``Duplex``."""

    #: What a write to an idle stream is offered first, if anything: an
    #: object whose ``try_write(chunk)`` sends what it can at once and says
    #: how many bytes that was (net.Socket: its handle).
    _sink = None

    # ------------------------------------------------------------------
    # writable side

    @cython.locals(ws=_WritableState)
    def write(self, chunk=MISSING, encoding=None, cb=None):
        """Node's ``writable.write``: returns False once the buffered amount
        reaches the high-water mark; ``cb(err)`` when this chunk is flushed."""
        ws = self._ws
        sink = self._sink
        if (sink is not None and type(chunk) is bytes and encoding is None and cb is None and chunk
                and not ws.writing and not ws.corked and not ws.ending
                and not self._destroyed and self._errored is None):
            # bytes to an idle stream: Node calls _write at once, and a write
            # that the sink takes whole completes synchronously with nothing
            # for 'drain' or a callback to report. The sink says how much it
            # took at once; the rest takes the full path, counted whole.
            sent = sink.try_write(chunk)
            if sent == len(chunk):
                return True
            ws.pendingcb += 1
            return self._write_or_buffer(memoryview(chunk)[sent:] if sent else chunk, len(chunk), _nop)
        if ws.ending:
            return self._write_after_end(chunk, encoding, cb)
        return self._write_args(chunk, encoding, cb)

    def _write_args(self, chunk, encoding, cb):
        if callable(encoding) and not isinstance(encoding, str):
            cb, encoding = encoding, None
        if chunk is MISSING:
            # write() with no data: Node's undefined chunk, checked after the encoding.
            write_encoding(encoding, self._ws.default_encoding)
            raise errors.ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "TypedArray", "DataView"], None)
        return self._write_chunk(chunk, encoding, cb) is True

    def _write_after_end(self, chunk, encoding, cb):
        """A write after ``end()``: Node's ERR_STREAM_WRITE_AFTER_END, once the
        chunk is checked. A hook: ``net.Socket`` answers EPIPE once its peer ended it."""
        return self._write_args(chunk, encoding, cb)

    @cython.locals(ws=_WritableState)
    def _write_chunk(self, chunk, encoding, cb):
        ws = self._ws
        if cb is None or not callable(cb):
            cb = _nop
        else:
            cb = _arity.adapt(cb)
        # A string counts by its JavaScript length (UTF-16 code units), as
        # net.Socket keeps strings undecoded (decodeStrings: false) until sent.
        size = _js_length(chunk) if isinstance(chunk, str) else None
        chunk = to_bytes(chunk, encoding, ws.default_encoding)
        if size is None:
            size = len(chunk)
        err = None
        if ws.ending:
            err = errors.ERR_STREAM_WRITE_AFTER_END()
        elif self._destroyed:
            err = errors.ERR_STREAM_DESTROYED("write")
        if err is not None:
            queue_tick(cb, err)
            self._error_or_destroy(err)
            return err
        ws.pendingcb += 1
        return self._write_or_buffer(chunk, size, cb)

    @cython.locals(ws=_WritableState)
    def _write_or_buffer(self, chunk, size, cb):
        ws = self._ws
        ws.length += size
        if ws.writing or ws.corked or self._errored is not None:
            ws.buffered.append((chunk, size, cb))
        else:
            self._do_write(chunk, size, cb)
        ret = ws.length < ws.high_water_mark or ws.length == 0
        if not ret:
            ws.need_drain = True
        return ret and not self._destroyed and self._errored is None

    @cython.locals(ws=_WritableState)
    def _do_write(self, chunk, size, cb, writev=False):
        """Hand ``chunk`` (a list of chunks with ``writev``) to ``_write``
        (``_writev``); ``cb`` runs when it completes (Node's doWrite)."""
        ws = self._ws
        ws.writelen = size
        ws.writecb = cb                 # never None while a write is out: _onwrite checks it
        ws.writing = True
        ws.sync = True
        if self._destroyed:
            self._onwrite(errors.ERR_STREAM_DESTROYED("write"))
        elif writev:
            self._writev(chunk, self._onwrite)
        else:
            self._write(chunk, self._onwrite)
        ws.sync = False

    @cython.locals(ws=_WritableState)
    def _onwrite(self, err=None):
        ws = self._ws
        cb = ws.writecb
        if cb is None:
            self._error_or_destroy(errors.ERR_MULTIPLE_CALLBACK())
            return
        sync = ws.sync
        ws.writecb = None
        ws.writing = False
        ws.length -= ws.writelen
        ws.writelen = 0
        if err is not None:
            if self._errored is None:
                self._errored = err
            if sync:
                queue_tick(self._onwrite_error, err, cb)
            else:
                self._onwrite_error(err, cb)
            return
        if ws.buffered:
            self._clear_buffer()
        if sync:
            info = ws.after_write_info
            if cb is _nop:
                # Node's needTick, for a write with no callback of its own.
                if not ws.after_write_pending and (ws.need_drain and ws.length == 0 or self._destroyed):
                    ws.after_write_pending = True
                    queue_tick(self._after_write, 1, cb)
                else:
                    ws.pendingcb -= 1
                    if ws.ending:
                        self._finish_maybe(True)
            elif info is not None and info[1] is cb:
                info[0] += 1
            else:
                info = ws.after_write_info = [1, cb]
                ws.after_write_pending = True
                queue_tick(self._after_write_tick, info)
        else:
            self._after_write(1, cb)

    @cython.locals(ws=_WritableState)
    def _onwrite_error(self, err, cb):
        ws = self._ws
        ws.pendingcb -= 1
        cb(err)
        self._error_buffer()
        self._error_or_destroy(err)

    def _after_write_tick(self, info):
        self._ws.after_write_info = None
        self._after_write(info[0], info[1])

    @cython.locals(ws=_WritableState)
    def _after_write(self, count, cb):
        ws = self._ws
        ws.after_write_pending = False
        if ws.need_drain and not ws.ending and not self._destroyed and ws.length == 0:
            ws.need_drain = False
            self.emit("drain")
        while count > 0:
            count -= 1
            ws.pendingcb -= 1
            cb(None)
        if self._destroyed:
            self._error_buffer()
        if ws.ending:
            self._finish_maybe(True)

    @cython.locals(ws=_WritableState)
    def _error_buffer(self):
        ws = self._ws
        if ws.writing:
            return
        err = self._errored
        while ws.buffered:
            _, size, callback = ws.buffered.pop(0)
            ws.length -= size
            callback(err if err is not None else errors.ERR_STREAM_DESTROYED("write"))
        self._call_finished_callbacks(err if err is not None else errors.ERR_STREAM_DESTROYED("end"))

    @cython.locals(ws=_WritableState)
    def _clear_buffer(self):
        ws = self._ws
        if self._destroyed or ws.buffer_processing or ws.corked or not ws.buffered:
            return
        ws.buffer_processing = True
        buffered = ws.buffered
        if len(buffered) > 1:
            entries = list(buffered)
            buffered.clear()
            ws.pendingcb -= len(entries) - 1
            callbacks = [cb for _, _, cb in entries if cb is not _nop]
            if callbacks:
                def callback(err=None):
                    for each in callbacks:
                        each(err)
            else:
                callback = _nop
            self._do_write([chunk for chunk, _, _ in entries], sum(size for _, size, _ in entries), callback,
                           writev=True)
        else:
            while buffered and not ws.writing:
                chunk, size, callback = buffered.pop(0)
                self._do_write(chunk, size, callback)
        ws.buffer_processing = False

    def cork(self):
        """Buffer writes until ``uncork()``."""
        self._ws.corked += 1

    @cython.locals(ws=_WritableState)
    def uncork(self):
        """Flush what ``cork()`` held, as one write when there are several."""
        ws = self._ws
        if ws.corked:
            ws.corked -= 1
            if not ws.writing:
                self._clear_buffer()

    def setDefaultEncoding(self, encoding=None):
        """The encoding of ``str`` data written without one (Node's ``setDefaultEncoding``)."""
        # Node: Buffer.isEncoding(encoding), so undefined and '' are unknown here.
        if not is_encoding(encoding):
            raise errors.ERR_UNKNOWN_ENCODING(shown(encoding))
        canonical = normalize(encoding)
        self._ws.default_encoding = canonical
        return self

    @cython.locals(ws=_WritableState)
    def end(self, chunk=None, encoding=None, cb=None):
        """Node's ``writable.end``: write ``chunk`` if given, then finish the
        writing side; ``cb`` runs at 'finish' (or gets the error)."""
        ws = self._ws
        if callable(chunk) and not isinstance(chunk, (str, bytes, bytearray, memoryview)):
            cb, chunk, encoding = chunk, None, None
        elif callable(encoding) and not isinstance(encoding, str):
            cb, encoding = encoding, None
        err = None
        if chunk is not None:
            ret = self._write_chunk(chunk, encoding, None)
            if isinstance(ret, BaseException):
                err = ret
        if ws.corked:
            ws.corked = 1
            self.uncork()
        if err is not None:
            pass                        # the chunk's write failed: that is end()'s error
        elif not ws.ending and self._errored is None:
            ws.ending = True
            self._finish_maybe(True)
        elif ws.finished:
            err = errors.ERR_STREAM_ALREADY_FINISHED("end")
        elif self._destroyed:
            err = errors.ERR_STREAM_DESTROYED("end")
        if cb is not None and callable(cb):
            cb = _arity.adapt(cb)
            if err is not None:
                queue_tick(cb, err)
            elif self._errored is not None:
                queue_tick(cb, self._errored)
            elif ws.finished:
                queue_tick(cb, None)
            else:
                ws.on_finished.append(cb)
        return self

    @cython.locals(ws=_WritableState)
    def _need_finish(self):
        ws = self._ws
        return (ws.ending and not self._destroyed and not ws.finished and not ws.writing
                and not self._error_emitted and not self._close_emitted and self._errored is None
                and not ws.buffered and ws.length == 0)

    @cython.locals(ws=_WritableState)
    def _finish_maybe(self, sync):
        ws = self._ws
        if self._need_finish():
            self._prefinish()
            if ws.pendingcb == 0:
                if sync:
                    ws.pendingcb += 1
                    queue_tick(self._finish_if_needed_nt)
                elif self._need_finish():
                    ws.pendingcb += 1
                    self._finish()

    def _finish_if_needed_nt(self):
        if self._need_finish():
            self._finish()
        else:
            self._ws.pendingcb -= 1

    @cython.locals(ws=_WritableState)
    def _prefinish(self):
        ws = self._ws
        if ws.prefinished or ws.final_called:
            return
        if not self._destroyed:
            ws.final_called = True
            ws.sync = True
            ws.pendingcb += 1
            try:
                self._final(self._on_final)
            except Exception as exc:  # noqa: BLE001 - a throwing _final fails the stream, as in Node
                self._on_final(exc)
            ws.sync = False
        else:
            ws.final_called = True
            ws.prefinished = True
            self.emit("prefinish")

    @cython.locals(ws=_WritableState)
    def _on_final(self, err=None):
        ws = self._ws
        if ws.prefinished:
            self._error_or_destroy(err if err is not None else errors.ERR_MULTIPLE_CALLBACK())
            return
        ws.pendingcb -= 1
        if err is not None:
            self._call_finished_callbacks(err)
            self._error_or_destroy(err)
        elif self._need_finish():
            ws.prefinished = True
            self.emit("prefinish")
            ws.pendingcb += 1
            queue_tick(self._finish)

    @cython.locals(ws=_WritableState)
    def _finish(self):
        ws = self._ws
        ws.pendingcb -= 1
        ws.finished = True
        if ws.on_finished:
            self._call_finished_callbacks(None)
        self.emit("finish")
        rs = self._rs
        if rs.end_emitted or not rs.readable:
            self.destroy()

    @cython.locals(ws=_WritableState)
    def _call_finished_callbacks(self, err):
        ws = self._ws
        callbacks, ws.on_finished = ws.on_finished, []
        for callback in callbacks:
            callback(err)

    @property
    @cython.locals(ws=_WritableState)
    def writable(self):
        ws = self._ws
        return ws.writable and not self._destroyed and self._errored is None and not ws.ending

    @writable.setter
    def writable(self, value):
        self._ws.writable = bool(value)

    @property
    def writableLength(self):
        return self._ws.length

    @property
    def writableHighWaterMark(self):
        return self._ws.high_water_mark

    @property
    @cython.locals(ws=_WritableState)
    def writableNeedDrain(self):
        ws = self._ws
        return not self._destroyed and not ws.ending and ws.need_drain

    @property
    def writableEnded(self):
        return self._ws.ending

    @property
    def writableFinished(self):
        return self._ws.finished

    @property
    def writableCorked(self):
        return self._ws.corked

    @property
    def writableObjectMode(self):
        """False: gnet's writable side takes bytes and text only, as a socket's."""
        return False

    @property
    def writableBuffer(self):
        """Node's ``writableBuffer``: the writes waiting behind the one in
        progress, oldest first, each a dict as Node's entries are objects:
        ``{'chunk': bytes, 'encoding': 'buffer', 'callback': cb}``.

        Differs from Node: a ``str`` written is already encoded (gnet encodes
        at ``write()``), so ``chunk`` is ``bytes`` and ``encoding`` is always
        ``'buffer'``; ``callback`` is the one given to ``write``, or a no-op."""
        return [{"chunk": bytes(chunk), "encoding": "buffer", "callback": getattr(cb, "__wrapped__", cb)}
                for chunk, _, cb in self._ws.buffered]


def _js_length(text):
    """``text.length`` in JavaScript: astral characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
