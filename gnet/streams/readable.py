"""The readable half of Node's stream machinery (lib/internal/streams/readable.js).

``Readable`` is Node's Readable: a stream of its own (the results of ``map``,
``filter``... are one, in object mode) and the first half of ``Duplex``
(gnet/streams/duplex.py).
Flowing and paused modes, the buffer up to the high-water mark, 'data',
'readable', 'end', 'pause', 'resume', ``setEncoding``, ``pipe``/``unpipe``,
``unshift``, ``wrap``, ``for chunk in stream`` (gnet/streams/iteration.py).
The subclass supplies
``_read()`` and feeds data with ``push(chunk)``, EOF with ``push(None)``.
Its state is Node's own set of fields (``_ReadableState``), since each of
Node's algorithms reads a particular combination of them.

``Readable`` is in byte mode, as ``net.Socket`` is. Object mode, for the
streams that Node's operators return, is in gnet/streams/operators.py
(``ObjectReadable``), which puts the operators on ``Duplex`` and on those.
"""


import re
from collections.abc import Mapping

try:
    import cython                   # compiling: declarations (gnet/_build.py)
except ImportError:
    from gnet._build import cython  # pure Python without Cython: no-ops

from gnet.js import names as _names
from gnet.js import errors
from gnet.js.encodings import StringDecoder, decode, encode
from gnet.js.arity import MISSING
from gnet.js.values import DEFAULT_HIGH_WATER_MARK, js_string
from gnet.eventloop.events import EventEmitter
from gnet.eventloop.loop import queue_tick
from gnet.streams.destroy import StreamBase
from gnet.streams.iteration import iterate
from gnet.streams.piping import Pipe as _Pipe

__all__ = ["Readable"]


class _ReadableState:
    __slots__ = (
        "buffer", "length", "high_water_mark", "flowing", "has_flowing", "paused", "has_paused",
        "ended", "end_emitted", "reading", "sync", "need_readable", "emitted_readable",
        "readable_listening", "resume_scheduled", "data_emitted", "data_listening",
        "decoder", "pipes", "await_drain", "readable",
    )

    def __init__(self, high_water_mark, readable):
        self.buffer = []           # a list: short, and 56 bytes when empty (a deque is 624)
        self.length = 0
        self.high_water_mark = high_water_mark
        self.flowing = False        # kFlowing
        self.has_flowing = False    # kHasFlowing: flowing was decided (Node's null vs false)
        self.paused = False         # kPaused: pause() was called last
        self.has_paused = False
        self.ended = False          # EOF pushed
        self.end_emitted = False
        self.reading = False
        self.sync = True
        self.need_readable = False
        self.emitted_readable = False
        self.readable_listening = False
        self.resume_scheduled = False
        self.data_emitted = False
        self.data_listening = False
        self.decoder = None
        self.pipes = None          # made by the first pipe(): most streams never pipe
        self.await_drain = None    # Node's awaitDrainWriters, null until a pipe waits
        self.readable = readable


@_names.alias_class
class Readable(StreamBase):
    """Node's ``stream.Readable``, byte mode; the readable half of ``Duplex``.

    https://nodejs.org/docs/latest-v20.x/api/stream.html#class-streamreadable
    """

    #: Node's objectMode of the readable side (``readableObjectMode``).
    _object_mode = False

    def __init__(self, high_water_mark=DEFAULT_HIGH_WATER_MARK):
        EventEmitter.__init__(self)
        self._rs = _ReadableState(high_water_mark, True)
        self._init_destroy_state()

    def _read(self):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_read()")

    # ------------------------------------------------------------------
    # readable side

    @cython.locals(rs=_ReadableState)
    def push(self, chunk=MISSING):
        """Add ``chunk`` (bytes) to the read side; ``None`` is EOF. Returns
        whether more may be pushed (below the high-water mark)."""
        rs = self._rs
        if (rs.flowing and rs.data_listening and not rs.length and not rs.sync and rs.decoder is None
                and not rs.ended and chunk and not self._destroyed and self._errored is None):
            # The common case of a socket's read, first: flowing, nothing
            # buffered, no decoder. Node's readableAddChunk -> addChunk emits
            # 'data' at once and the buffer stays empty.
            rs.reading = False
            rs.data_emitted = True
            if rs.await_drain:
                rs.await_drain.clear()
            self.emit("data", chunk)
            return not rs.ended and (rs.length < rs.high_water_mark or not rs.length)
        if chunk is None:
            rs.reading = False
            self._on_eof_chunk()
            return False
        if not chunk:
            rs.reading = False
            return self._can_push_more()
        if rs.ended:
            self._error_or_destroy(errors.ERR_STREAM_PUSH_AFTER_EOF())
            return False
        if self._destroyed or self._errored is not None:
            return False
        rs.reading = False
        if rs.decoder is not None:
            chunk = rs.decoder.write(chunk)
            if not chunk:
                return self._can_push_more()
        self._add_chunk(chunk, len(chunk))
        return self._can_push_more()

    @cython.locals(rs=_ReadableState)
    def _push_any(self, chunk, encoding=None):
        """``push(chunk, encoding)`` for a chunk of any type, as Node's
        readableAddChunkPushByteMode takes it (``wrap`` feeds what an old-style
        stream emits): a ``str`` is encoded (or kept, in the encoding
        ``setEncoding`` set), other buffers become ``bytes``, anything else
        is ``ERR_INVALID_ARG_TYPE``. ``push`` itself takes ``bytes``."""
        rs = self._rs
        if isinstance(chunk, str):
            encoding = encoding or "utf8"
            if rs.decoder is None or rs.decoder.encoding != encoding:
                chunk = encode(chunk, encoding)
            elif chunk:
                # Already in the stream's encoding: buffered as it is, undecoded.
                if rs.ended:
                    self._error_or_destroy(errors.ERR_STREAM_PUSH_AFTER_EOF())
                    return False
                if self._destroyed or self._errored is not None:
                    return False
                rs.reading = False
                self._add_chunk(chunk, len(chunk))
                return self._can_push_more()
        elif chunk is not None and chunk is not MISSING and type(chunk) is not bytes:
            try:
                chunk = bytes(memoryview(chunk))
            except TypeError:
                self._error_or_destroy(errors.ERR_INVALID_ARG_TYPE(
                    "chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk))
                return False
        if chunk is MISSING:
            chunk = b""
        return self.push(chunk)

    @cython.locals(rs=_ReadableState)
    def unshift(self, chunk=MISSING, encoding=None):
        """Node's ``readable.unshift(chunk[, encoding])``: put ``chunk`` back at
        the front of the buffer, to be read (or emitted as 'data') first.

        https://nodejs.org/docs/latest-v20.x/api/stream.html#readableunshiftchunk-encoding

        ``chunk`` is ``bytes`` (or another buffer), a ``str`` (encoded with
        ``encoding``, ``'utf8'`` by default; with ``setEncoding`` it is kept as
        text in that encoding), or ``None`` (end of stream). In flowing mode,
        with nothing buffered, it is emitted as 'data' at once, as in Node.
        After 'end' the stream is destroyed with
        ``ERR_STREAM_UNSHIFT_AFTER_END_EVENT``; a chunk of another type
        destroys it with ``ERR_INVALID_ARG_TYPE``. Returns whether the buffer
        is below the high-water mark.
        """
        rs = self._rs
        if chunk is None:
            rs.reading = False
            self._on_eof_chunk()
            return False
        if isinstance(chunk, str):
            encoding = encoding or "utf8"
            decoder = rs.decoder
            # Node compares the name as given with the decoder's: 'UTF-8' is
            # not 'utf8', and the text goes through bytes and back, the same.
            if decoder is None:
                chunk = encode(chunk, encoding)
            elif decoder.encoding != encoding:
                chunk = decode(encode(chunk, encoding), decoder.encoding)
        elif chunk is not MISSING and type(chunk) is not bytes:
            try:
                chunk = bytes(memoryview(chunk))
            except TypeError:
                self._error_or_destroy(errors.ERR_INVALID_ARG_TYPE(
                    "chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk))
                return False
        if not chunk:
            return self._can_push_more()
        return self._unshift_value(chunk, len(chunk))

    def _unshift_value(self, chunk, size):
        """Node's readableAddChunkUnshiftValue."""
        if self._rs.end_emitted:
            self._error_or_destroy(errors.ERR_STREAM_UNSHIFT_AFTER_END_EVENT())
        elif self._destroyed or self._errored is not None:
            return False
        else:
            self._add_chunk(chunk, size, True)
        return self._can_push_more()

    @cython.locals(rs=_ReadableState)
    def _can_push_more(self):
        rs = self._rs
        return not rs.ended and (rs.length < rs.high_water_mark or rs.length == 0)

    @cython.locals(rs=_ReadableState)
    def _add_chunk(self, chunk, size, front=False):
        """Node's addChunk: emit ``chunk`` now (flowing, nothing buffered) or
        buffer it, counting ``size`` (bytes or characters; 1 in object mode)."""
        rs = self._rs
        if rs.flowing and rs.data_listening and not rs.sync and rs.length == 0:
            if rs.await_drain:
                rs.await_drain.clear()
            rs.data_emitted = True
            self.emit("data", chunk)
        else:
            rs.length += size
            if front:
                rs.buffer.insert(0, chunk)
            else:
                rs.buffer.append(chunk)
            if rs.need_readable:
                self._emit_readable()

    @cython.locals(rs=_ReadableState)
    def _on_eof_chunk(self):
        rs = self._rs
        if rs.ended:
            return
        if rs.decoder is not None:
            rest = rs.decoder.end()
            if rest:
                rs.buffer.append(rest)
                rs.length += len(rest)
        rs.ended = True
        if rs.sync:
            self._emit_readable()
        else:
            rs.need_readable = False
            rs.emitted_readable = True
            self._emit_readable_nt()

    @cython.locals(rs=_ReadableState)
    def _emit_readable(self):
        rs = self._rs
        rs.need_readable = False
        if not rs.emitted_readable:
            rs.emitted_readable = True
            queue_tick(self._emit_readable_nt)

    @cython.locals(rs=_ReadableState)
    def _emit_readable_nt(self):
        rs = self._rs
        if not self._destroyed and self._errored is None and (rs.length or rs.ended):
            self.emit("readable")
            rs.emitted_readable = False
        rs.need_readable = (not rs.flowing and not rs.ended and rs.length <= rs.high_water_mark)
        self._flow()

    @cython.locals(rs=_ReadableState)
    def _flow(self):
        rs = self._rs
        while rs.flowing and self.read() is not None:
            pass

    @cython.locals(rs=_ReadableState)
    def _how_much_to_read(self, n):
        rs = self._rs
        if n is not None and n <= 0 or (rs.length == 0 and rs.ended):
            return 0
        if n is None:
            if rs.flowing and rs.length:
                return len(rs.buffer[0])
            return rs.length
        if n <= rs.length:
            return n
        return rs.length if rs.ended else 0

    @cython.locals(rs=_ReadableState)
    def read(self, n=None):
        """Node's ``readable.read([size])``: take buffered data (paused mode)."""
        rs = self._rs
        if n is not None and not (n.__class__ is int and -_SAFE_INT < n < _SAFE_INT):
            n = _to_int(n)
        n_orig = n
        if n is not None and n > rs.high_water_mark:
            rs.high_water_mark = _new_high_water_mark(n)
        if n != 0:
            rs.emitted_readable = False
        if (n == 0 and rs.need_readable and
                ((rs.length >= rs.high_water_mark if rs.high_water_mark else rs.length > 0) or rs.ended)):
            if rs.length == 0 and rs.ended:
                self._end_readable()
            else:
                self._emit_readable()
            return None
        n = self._how_much_to_read(n)
        if n == 0 and rs.ended:
            if rs.length == 0:
                self._end_readable()
            return None
        do_read = rs.need_readable
        if rs.length == 0 or rs.length - n < rs.high_water_mark:
            do_read = True
        if rs.reading or rs.ended or self._destroyed or self._errored is not None:
            do_read = False
        elif do_read:
            rs.reading = True
            rs.sync = True
            if rs.length == 0:
                rs.need_readable = True
            try:
                self._read()
            except Exception as exc:  # noqa: BLE001 - Node routes a throwing _read to destroy
                self._error_or_destroy(exc)
            rs.sync = False
            if not rs.reading:
                n = self._how_much_to_read(n_orig)
        ret = self._from_list(n) if n else None
        if ret is None:
            if rs.length <= rs.high_water_mark:
                rs.need_readable = True
            n = 0
        else:
            rs.length -= n
            if rs.await_drain:
                rs.await_drain.clear()
        if rs.length == 0:
            if not rs.ended:
                rs.need_readable = True
            if n_orig != n and rs.ended:
                self._end_readable()
        if ret is not None and not self._error_emitted and not self._close_emitted:
            rs.data_emitted = True
            self.emit("data", ret)
        return ret

    @cython.locals(rs=_ReadableState)
    def _from_list(self, n):
        """Node's fromList: take ``n`` (bytes, or characters after
        ``setEncoding``) from the front of the buffer."""
        rs = self._rs
        buf = rs.buffer
        if not buf:
            return None
        if n >= rs.length:
            if rs.decoder is not None:
                ret = _join_text(buf)
            elif len(buf) == 1:
                return buf.pop(0)
            else:
                ret = b"".join(buf)
            buf.clear()
            return ret
        first = buf[0]
        if n < len(first):
            buf[0] = first[n:]
            return first[:n]
        if n == len(first):
            return buf.pop(0)
        parts = []
        while n > 0:
            chunk = buf[0]
            if n >= len(chunk):
                parts.append(buf.pop(0))
                n -= len(chunk)
            else:
                parts.append(chunk[:n])
                buf[0] = chunk[n:]
                n = 0
        return _join_text(parts) if rs.decoder is not None else b"".join(parts)

    @cython.locals(rs=_ReadableState)
    def _end_readable(self):
        rs = self._rs
        if not rs.end_emitted:
            rs.ended = True
            queue_tick(self._end_readable_nt)

    @cython.locals(rs=_ReadableState)
    def _end_readable_nt(self):
        rs = self._rs
        if self._errored is None and not self._close_emitted and not rs.end_emitted and rs.length == 0:
            rs.end_emitted = True
            self._on_end_emitted()
            self.emit("end")
            self._after_end_emitted()

    def _on_end_emitted(self):
        """Subclass hook, run just before 'end' is emitted."""

    def _after_end_emitted(self):
        # Node's endReadableNT, autoDestroy: a Readable alone is destroyed at
        # its end (Duplex: its writable side decides).
        self.destroy()

    @cython.locals(rs=_ReadableState)
    def setEncoding(self, encoding=None):
        """Decode 'data' to ``str`` with a Node encoding, never splitting a character."""
        rs = self._rs
        decoder = StringDecoder(encoding)
        rs.decoder = decoder
        content = "".join(decoder.write(chunk) if isinstance(chunk, (bytes, bytearray)) else chunk
                          for chunk in rs.buffer)
        rs.buffer.clear()
        if content:
            rs.buffer.append(content)
        rs.length = len(content)
        return self

    @cython.locals(rs=_ReadableState)
    def isPaused(self):
        rs = self._rs
        return rs.paused or (rs.has_flowing and not rs.flowing)

    @cython.locals(rs=_ReadableState)
    def pause(self):
        """Stop 'data' events; data is buffered up to the high-water mark."""
        rs = self._rs
        if not rs.has_flowing or rs.flowing:
            rs.has_flowing = True
            rs.flowing = False
            self.emit("pause")
        rs.has_paused = True
        rs.paused = True
        return self

    @cython.locals(rs=_ReadableState)
    def resume(self):
        """Switch to flowing mode: buffered and new data comes as 'data'."""
        rs = self._rs
        if not rs.flowing:
            rs.has_flowing = True
            rs.flowing = not rs.readable_listening
            if not rs.resume_scheduled:
                rs.resume_scheduled = True
                queue_tick(self._resume_nt)
        rs.has_paused = True
        rs.paused = False
        return self

    @cython.locals(rs=_ReadableState)
    def _resume_nt(self):
        rs = self._rs
        if not rs.reading:
            self.read(0)
        rs.resume_scheduled = False
        self.emit("resume")
        self._flow()
        if rs.flowing and not rs.reading:
            self.read(0)

    def on(self, event_name=None, listener=MISSING):
        """``EventEmitter.on``, plus Readable's rule: a 'data' listener starts
        the flow, a 'readable' listener switches to paused mode."""
        if listener is MISSING:
            return super().on(event_name)
        # Node's Stream.prototype.on.call(this, ...): EventEmitter's own.
        self._add_listener(event_name, listener, False)
        if event_name == "data" or event_name == "readable":
            self._on_listener_added(event_name)
        return self

    addListener = on

    def removeListener(self, event_name=None, listener=None):
        EventEmitter.removeListener(self, event_name, listener)
        if event_name == "data" or event_name == "readable":
            self._on_listener_removed(event_name)
        return self

    off = removeListener

    def removeAllListeners(self, event_name=MISSING):
        super().removeAllListeners(event_name)
        if event_name is MISSING or event_name == "readable":
            queue_tick(self._update_readable_listening_nt)
        return self

    @cython.locals(rs=_ReadableState)
    def _on_listener_added(self, event):
        """Readable.prototype.on: 'data' starts flowing, 'readable' switches to paused mode."""
        rs = self._rs
        if event == "data":
            rs.data_listening = True
            if self.listenerCount("readable") > 0:
                rs.readable_listening = True
            if not rs.has_flowing or rs.flowing:
                self.resume()
        elif event == "readable":
            if not rs.end_emitted and not rs.readable_listening:
                rs.readable_listening = True
                rs.need_readable = True
                rs.has_flowing = True
                rs.flowing = False
                rs.emitted_readable = False
                if rs.length:
                    self._emit_readable()
                elif not rs.reading:
                    queue_tick(self._read_zero_nt)

    def _read_zero_nt(self):
        self.read(0)

    @cython.locals(rs=_ReadableState)
    def _on_listener_removed(self, event):
        rs = self._rs
        if event == "readable":
            queue_tick(self._update_readable_listening_nt)
        elif event == "data" and self.listenerCount("data") == 0:
            rs.data_listening = False

    @cython.locals(rs=_ReadableState)
    def _update_readable_listening_nt(self):
        rs = self._rs
        rs.readable_listening = self.listenerCount("readable") > 0
        if rs.has_paused and not rs.paused and rs.resume_scheduled:
            rs.has_flowing = True
            rs.flowing = True
        elif rs.data_listening:
            self.resume()
        elif not rs.readable_listening:
            rs.has_flowing = False
            rs.flowing = False

    def __iter__(self):
        """``for chunk in stream:`` blocks this greenlet and yields each chunk
        until the end, as ``for await`` does in Node; an 'error' is raised.

        As Node's, it reads in paused mode (a 'readable' listener and
        ``read()``, so a chunk is all that was buffered), and destroys the
        stream when the loop ends: with no error once the stream is done, with
        an ``AbortError`` otherwise (``break`` before the end, or a half-open
        socket whose writable side is still open: it emits 'error' with
        ``ABORT_ERR``). Not from a listener of this same stream, whose events
        wait for that listener (gnet/streams/iteration.py)."""
        return iterate(self)

    def iterator(self, options=None):
        """Node's ``readable.iterator([options])``: what ``for chunk in stream``
        iterates, with ``{'destroyOnReturn': False}`` to leave the stream open
        when the loop is left early (a ``break``).

        https://nodejs.org/docs/latest-v20.x/api/stream.html#readableiteratoroptions
        """
        if options is not None and not isinstance(options, dict):
            raise errors.ERR_INVALID_ARG_TYPE("options", "object", options)
        destroy = True
        if options:
            value = options.get("destroyOnReturn", options.get("destroy_on_return", True))
            destroy = value is not False
        return iterate(self, destroy_on_return=destroy)

    def wrap(self, stream=None):
        """Node's ``readable.wrap(stream)``: read an old-style stream (an
        EventEmitter that emits 'data' and 'end', with ``pause``/``resume``)
        through this one. Returns this stream.

        https://nodejs.org/docs/latest-v20.x/api/stream.html#readablewrapstream

        Each 'data' chunk is pushed (``str`` encoded as ``utf8``); while the
        buffer is full ``stream.pause()`` is called, and ``stream.resume()``
        when this stream reads again. 'end' ends this stream, 'error' destroys
        it with the error, 'close' and 'destroy' destroy it. As in Node, the
        old stream's own callable attributes that this stream lacks are
        copied onto it, all but the first one (``vars(stream)``'s order).
        """
        if not callable(getattr(stream, "on", None)):
            raise errors.not_a_function("stream", stream, "on")
        paused = [False]

        def on_data(chunk=None):
            if not self._push_any(chunk) and callable(getattr(stream, "pause", None)):
                paused[0] = True
                stream.pause()

        stream.on("data", on_data)
        stream.on("end", lambda: self.push(None))
        stream.on("error", lambda err=None: self._error_or_destroy(err))
        stream.on("close", lambda: self.destroy())
        stream.on("destroy", lambda: self.destroy())

        def _read():
            if paused[0] and callable(getattr(stream, "resume", None)):
                paused[0] = False
                stream.resume()

        self._read = _read
        # Node copies ``ObjectKeys(stream)`` from the second key on.
        own = vars(stream) if hasattr(stream, "__dict__") else {}
        for name in list(own)[1:]:
            value = own[name]
            if callable(value) and getattr(self, name, None) is None:
                setattr(self, name, value)
        return self

    # ------------------------------------------------------------------
    # piping (Readable.prototype.pipe, simplified to what net users see)

    def pipe(self, dest=None, options=None, **kwargs):
        """Write everything read into ``dest``, with backpressure; ``end`` it at
        'end' unless ``{'end': False}``. Returns ``dest``. A ``dest`` with no
        ``on`` method raises the TypeError Node's engine throws, at the same
        point: after the source has counted it and listened for 'end'."""
        # Node reads options.end alone, from whatever options is.
        if isinstance(options, Mapping):
            end = options.get("end", True)
        else:
            end = getattr(options, "end", True)
        end = kwargs.get("end", end)
        do_end = end is not False
        rs = self._rs
        if rs.pipes is None:
            rs.pipes = []
        rs.pipes.append(dest)
        piping = _Pipe(self, dest)
        endfn = piping.onend if do_end else piping.unpipe
        if rs.end_emitted:
            queue_tick(endfn)
        else:
            self.once("end", endfn)
        if not callable(getattr(dest, "on", None)):
            raise errors.not_a_function("dest", dest, "on")
        dest.on("unpipe", piping.onunpipe)
        self.on("data", piping.ondata)
        if hasattr(dest, "prependListener"):
            dest.prependListener("error", piping.onerror)
        dest.once("close", piping.onclose)
        dest.once("finish", piping.onfinish)
        if hasattr(dest, "emit"):
            dest.emit("pipe", self)
        if getattr(dest, "writableNeedDrain", False):
            self.pause()
            piping.listen_for_drain()
        elif not rs.flowing:
            self.resume()
        return dest

    @cython.locals(rs=_ReadableState)
    def unpipe(self, dest=None):
        """Stop piping into ``dest`` (or every destination); emits 'unpipe' on each."""
        rs = self._rs
        if not rs.pipes:
            return self
        targets = list(rs.pipes) if dest is None else [dest] if dest in rs.pipes else []
        if not targets:
            return self
        for target in targets:
            rs.pipes.remove(target)
        if not rs.pipes:
            self.pause()
        for target in targets:
            if hasattr(target, "emit"):
                target.emit("unpipe", self, {"hasUnpiped": False})
        return self

    @property
    @cython.locals(rs=_ReadableState)
    def readable(self):
        rs = self._rs
        return rs.readable and not self._destroyed and self._errored is None and not rs.end_emitted

    @readable.setter
    def readable(self, value):
        self._rs.readable = bool(value)

    @property
    @cython.locals(rs=_ReadableState)
    def readableFlowing(self):
        rs = self._rs
        return rs.flowing if rs.has_flowing else None

    @readableFlowing.setter
    @cython.locals(rs=_ReadableState)
    def readableFlowing(self, value):
        rs = self._rs
        rs.has_flowing = value is not None
        rs.flowing = bool(value)

    @property
    def readableEnded(self):
        return self._rs.end_emitted

    @property
    def readableLength(self):
        return self._rs.length

    @property
    def readableHighWaterMark(self):
        return self._rs.high_water_mark

    @property
    def readableEncoding(self):
        decoder = self._rs.decoder
        return decoder.encoding if decoder is not None else None

    @property
    def readableAborted(self):
        return self._destroyed and not self._rs.end_emitted

    @property
    def readableDidRead(self):
        return self._rs.data_emitted

    @property
    def readableObjectMode(self):
        """False: a byte stream, as a socket is (True for the results of ``map``...)."""
        return self._object_mode

    @property
    def readableBuffer(self):
        """Node's ``readableBuffer``: what is buffered, unread, as a new list of
        its chunks, oldest first (``bytes``; ``str`` after ``setEncoding``; any
        value in object mode). Changing the list does not change the stream."""
        return list(self._rs.buffer)


_PARSE_INT = re.compile(r"[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*([+-]?[0-9]+)")


#: Integers below this in magnitude are read as they are (``_to_int``'s fast path).
_SAFE_INT = 2 ** 53


def _to_int(n):
    """Node's read(n): an integer (a JavaScript number that is one) as it is,
    anything else ``parseInt(n, 10)``; ``None`` for NaN, which reads everything."""
    if isinstance(n, int) and not isinstance(n, bool):
        try:
            float(n)
        except OverflowError:       # past a double: Infinity, not an integer
            return None
        return n
    if isinstance(n, float) and n.is_integer():
        return int(n)
    match = _PARSE_INT.match(js_string(n))
    return int(match.group(1)) if match else None


def _new_high_water_mark(n):
    limit = 1 << 30
    if n > limit:
        raise errors.ERR_OUT_OF_RANGE("size", "<= 1GiB", n)
    n -= 1
    for shift in (1, 2, 4, 8, 16):
        n |= n >> shift
    return n + 1


def _join_text(parts):
    """Text chunks joined, as JavaScript's ``+`` joins them: ``bytes`` that
    ``unshift`` put back read as UTF-8 (a Buffer's ``toString()``)."""
    try:
        return "".join(parts)
    except TypeError:
        return "".join(part if isinstance(part, str) else decode(part) for part in parts)
