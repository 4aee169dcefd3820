"""Node's Duplex stream, byte mode, as ``net.Socket`` inherits it.

Node's ``net.Socket`` is a ``stream.Duplex``, and most of the order in which a
socket's events arrive is decided by the stream machinery, not by ``net``:
'data' flows or buffers, 'end' waits for the buffer to empty and comes on a
later tick, 'finish' follows ``_final``, 'drain' comes before the write
callbacks, 'error' before 'close'. gnet keeps that machinery here, following
Node v20's lib/internal/streams/{readable,writable,destroy}.js algorithm by
algorithm, so that the same calls give the same events in the same order.

The two halves keep Node's own state fields (``_rs``: readable, ``_ws``:
writable) because each of Node's algorithms reads a particular combination of
them; a subclass supplies the I/O through Node's hooks:

- ``_read()``: start producing data; it calls ``push(chunk)``/``push(None)``;
- ``_write(chunk, cb)`` / ``_writev(chunks, cb)``: send, then ``cb(err)``;
- ``_final(cb)``: flush and shut down the writing side;
- ``_destroy(err, cb)``: release the resource.

Only byte mode exists (no objectMode, which ``net.Socket`` refuses too).
Deferred steps go through ``loop.nextTick`` and end in ``_nt``.
"""

from collections import deque

from gnet import _arity, _names, errors
from gnet.encodings import StringDecoder, normalize, to_bytes, write_encoding
from gnet.options import MISSING
from gnet.events import EventEmitter, _MISSING
from gnet.loop import nextTick

__all__ = ["Duplex"]

#: Node v20's default high-water mark for byte streams, in bytes.
DEFAULT_HIGH_WATER_MARK = 16384


def _nop(err=None):
    pass


class _ReadableState:
    __slots__ = (
        "buffer", "length", "high_water_mark", "flowing", "has_flowing", "paused", "has_paused",
        "ended", "end_emitted", "reading", "sync", "need_readable", "emitted_readable",
        "readable_listening", "resume_scheduled", "data_emitted", "data_listening",
        "decoder", "encoding", "pipes", "await_drain", "readable", "auto_destroy",
    )

    def __init__(self, high_water_mark, readable):
        self.buffer = deque()
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
        self.encoding = None
        self.pipes = []
        self.await_drain = set()
        self.readable = readable
        self.auto_destroy = True


class _WritableState:
    __slots__ = (
        "length", "high_water_mark", "buffered", "writing", "sync", "corked", "ending", "ended",
        "finished", "final_called", "prefinished", "need_drain", "pendingcb", "writecb",
        "writelen", "on_finished", "after_write_pending", "after_write_info", "writable",
        "expect_write_cb", "default_encoding", "buffer_processing",
    )

    def __init__(self, high_water_mark, writable):
        self.length = 0
        self.high_water_mark = high_water_mark
        self.buffered = deque()     # (chunk bytes, JavaScript length, callback)
        self.writing = False
        self.sync = True
        self.corked = 0
        self.ending = False
        self.ended = False
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
        self.expect_write_cb = False
        self.default_encoding = "utf8"
        self.buffer_processing = False


@_names.alias_class
class Duplex(EventEmitter):
    """Node's ``stream.Duplex`` in byte mode, the base of ``gnet.Socket``."""

    def __init__(self, allow_half_open=True, readable=True, writable=True,
                 readable_high_water_mark=DEFAULT_HIGH_WATER_MARK,
                 writable_high_water_mark=DEFAULT_HIGH_WATER_MARK):
        EventEmitter.__init__(self)
        self.allowHalfOpen = allow_half_open
        self._init_stream_state(readable, writable, readable_high_water_mark, writable_high_water_mark)

    def _init_stream_state(self, readable, writable, readable_high_water_mark, writable_high_water_mark):
        """Fresh stream state; also Node's ``_undestroy`` for a socket that reconnects."""
        self._rs = _ReadableState(readable_high_water_mark, readable)
        self._ws = _WritableState(writable_high_water_mark, writable)
        # destroy state shared by both halves (Node keeps it on each).
        self._destroyed = False
        self._errored = None
        self._error_emitted = False
        self._close_emitted = False
        self._closed = False
        self._emits_close = True

    # ------------------------------------------------------------------
    # hooks for subclasses

    def _read(self):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_read()")

    def _write(self, chunk, cb):
        self._writev([chunk], cb)

    def _writev(self, chunks, cb):
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_write()")

    _has_writev = True

    def _final(self, cb):
        cb()

    def _destroy(self, err, cb):
        cb(err)

    # ------------------------------------------------------------------
    # readable side

    def push(self, chunk):
        """Add ``chunk`` (bytes) to the read side; ``None`` is EOF. Returns
        whether more may be pushed (below the high-water mark)."""
        rs = self._rs
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
        self._add_chunk(chunk)
        return self._can_push_more()

    def _can_push_more(self):
        rs = self._rs
        return not rs.ended and (rs.length < rs.high_water_mark or rs.length == 0)

    def _add_chunk(self, chunk):
        rs = self._rs
        if rs.flowing and rs.data_listening and not rs.sync and rs.length == 0:
            rs.await_drain.clear()
            rs.data_emitted = True
            self.emit("data", chunk)
        else:
            rs.length += len(chunk)
            rs.buffer.append(chunk)
            if rs.need_readable:
                self._emit_readable()

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

    def _emit_readable(self):
        rs = self._rs
        rs.need_readable = False
        if not rs.emitted_readable:
            rs.emitted_readable = True
            nextTick(self._emit_readable_nt)

    def _emit_readable_nt(self):
        rs = self._rs
        if not self._destroyed and self._errored is None and (rs.length or rs.ended):
            self.emit("readable")
            rs.emitted_readable = False
        rs.need_readable = (not rs.flowing and not rs.ended and rs.length <= rs.high_water_mark)
        self._flow()

    def _flow(self):
        rs = self._rs
        while rs.flowing and self.read() is not None:
            pass

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

    def read(self, n=None):
        """Node's ``readable.read([size])``: take buffered data (paused mode)."""
        rs = self._rs
        if n is not None:
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
            rs.length -= len(ret)
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

    def _from_list(self, n):
        rs = self._rs
        buf = rs.buffer
        if not buf:
            return None
        if n >= rs.length:
            if len(buf) == 1:
                return buf.popleft()
            joiner = "" if rs.decoder is not None else b""
            ret = joiner.join(buf)
            buf.clear()
            return ret
        first = buf[0]
        if n < len(first):
            buf[0] = first[n:]
            return first[:n]
        if n == len(first):
            return buf.popleft()
        parts = []
        while n > 0:
            chunk = buf[0]
            if n >= len(chunk):
                parts.append(buf.popleft())
                n -= len(chunk)
            else:
                parts.append(chunk[:n])
                buf[0] = chunk[n:]
                n = 0
        return ("" if rs.decoder is not None else b"").join(parts)

    def _end_readable(self):
        rs = self._rs
        if not rs.end_emitted:
            rs.ended = True
            nextTick(self._end_readable_nt)

    def _end_readable_nt(self):
        rs = self._rs
        if self._errored is None and not self._close_emitted and not rs.end_emitted and rs.length == 0:
            rs.end_emitted = True
            self._on_end_emitted()
            self.emit("end")
            if self.writable and not self.allowHalfOpen:
                nextTick(self._end_writable_nt)
            elif self._ws.finished or not self._ws.writable:
                self.destroy()

    def _on_end_emitted(self):
        """Subclass hook, run just before 'end' is emitted."""

    def _end_writable_nt(self):
        if self.writable and not self.writableEnded and not self._destroyed:
            self.end()

    def setEncoding(self, encoding):
        """Decode 'data' to ``str`` with a Node encoding, never splitting a character."""
        rs = self._rs
        decoder = StringDecoder(encoding)
        rs.decoder = decoder
        rs.encoding = decoder.encoding
        content = "".join(decoder.write(chunk) if isinstance(chunk, (bytes, bytearray)) else chunk
                          for chunk in rs.buffer)
        rs.buffer.clear()
        if content:
            rs.buffer.append(content)
        rs.length = len(content)
        return self

    def isPaused(self):
        rs = self._rs
        return rs.paused or (rs.has_flowing and not rs.flowing)

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

    def resume(self):
        """Switch to flowing mode: buffered and new data comes as 'data'."""
        rs = self._rs
        if not rs.flowing:
            rs.has_flowing = True
            rs.flowing = not rs.readable_listening
            if not rs.resume_scheduled:
                rs.resume_scheduled = True
                nextTick(self._resume_nt)
        rs.has_paused = True
        rs.paused = False
        return self

    def _resume_nt(self):
        rs = self._rs
        if not rs.reading:
            self.read(0)
        rs.resume_scheduled = False
        self.emit("resume")
        self._flow()
        if rs.flowing and not rs.reading:
            self.read(0)

    def on(self, event_name=None, listener=_MISSING):
        """``EventEmitter.on``, plus Readable's rule: a 'data' listener starts
        the flow, a 'readable' listener switches to paused mode."""
        if listener is _MISSING:
            return EventEmitter.on(self, event_name)
        EventEmitter.on(self, event_name, listener)
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

    def removeAllListeners(self, event_name=_MISSING):
        EventEmitter.removeAllListeners(self, event_name)
        if event_name is _MISSING or event_name == "readable":
            nextTick(self._update_readable_listening_nt)
        return self

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
                    nextTick(self._read_zero_nt)

    def _read_zero_nt(self):
        self.read(0)

    def _on_listener_removed(self, event):
        rs = self._rs
        if event == "readable":
            nextTick(self._update_readable_listening_nt)
        elif event == "data" and self.listenerCount("data") == 0:
            rs.data_listening = False

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

    # ------------------------------------------------------------------
    # piping (Readable.prototype.pipe, simplified to what net users see)

    def pipe(self, dest, options=None, **kwargs):
        """Write everything read into ``dest``, with backpressure; ``end`` it at
        'end' unless ``{'end': False}``. Returns ``dest``."""
        opts = dict(options or {})
        opts.update(kwargs)
        do_end = opts.get("end", True) is not False
        rs = self._rs
        rs.pipes.append(dest)
        src = self
        state = {"cleaned": False, "ondrain": None}

        def ondata(chunk):
            ret = dest.write(chunk)
            if ret is False:
                if not state["cleaned"]:
                    rs.await_drain.add(dest)
                src.pause()
                if state["ondrain"] is None:
                    state["ondrain"] = pipe_on_drain
                    dest.on("drain", pipe_on_drain)

        def pipe_on_drain():
            rs.await_drain.discard(dest)
            if not rs.await_drain and src.listenerCount("data"):
                src.resume()

        def onerror(err):
            unpipe()
            dest.removeListener("error", onerror)
            if _listener_count(dest, "error") == 0:
                if not getattr(dest, "destroyed", False) and hasattr(dest, "destroy"):
                    dest.destroy(err)
                else:
                    raise err

        def onclose():
            dest.removeListener("finish", onfinish)
            unpipe()

        def onfinish():
            dest.removeListener("close", onclose)
            unpipe()

        def unpipe():
            src.unpipe(dest)

        def onend():
            dest.end()

        def cleanup():
            state["cleaned"] = True
            dest.removeListener("close", onclose)
            dest.removeListener("finish", onfinish)
            if state["ondrain"] is not None:
                dest.removeListener("drain", state["ondrain"])
            dest.removeListener("error", onerror)
            dest.removeListener("unpipe", onunpipe)
            src.removeListener("end", onend)
            src.removeListener("end", unpipe)
            src.removeListener("data", ondata)

        def onunpipe(readable, info=None):
            if readable is src and info is not None and not info.get("hasUnpiped"):
                info["hasUnpiped"] = True
                cleanup()

        endfn = onend if do_end else unpipe
        if rs.end_emitted:
            nextTick(endfn)
        else:
            self.once("end", endfn)
        dest.on("unpipe", onunpipe)
        self.on("data", ondata)
        if hasattr(dest, "prependListener"):
            dest.prependListener("error", onerror)
        dest.once("close", onclose)
        dest.once("finish", onfinish)
        self._pipe_cleanups = getattr(self, "_pipe_cleanups", {})
        self._pipe_cleanups[id(dest)] = cleanup
        if hasattr(dest, "emit"):
            dest.emit("pipe", self)
        if getattr(dest, "writableNeedDrain", False):
            self.pause()
            if state["ondrain"] is None:
                state["ondrain"] = pipe_on_drain
                dest.on("drain", pipe_on_drain)
        elif not rs.flowing:
            self.resume()
        return dest

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

    # ------------------------------------------------------------------
    # writable side

    def write(self, chunk=MISSING, encoding=None, cb=None):
        """Node's ``writable.write``: returns False once the buffered amount
        reaches the high-water mark; ``cb(err)`` when this chunk is flushed."""
        if callable(encoding) and not isinstance(encoding, str):
            cb, encoding = encoding, None
        if chunk is MISSING:
            # write() with no data: Node's undefined chunk, checked after the encoding.
            write_encoding(encoding, self._ws.default_encoding)
            raise errors.ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "TypedArray", "DataView"], None)
        return self._write_chunk(chunk, encoding, cb) is True

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
            nextTick(cb, err)
            self._error_or_destroy(err, True)
            return err
        ws.pendingcb += 1
        return self._write_or_buffer(chunk, size, cb)

    def _write_or_buffer(self, chunk, size, cb):
        ws = self._ws
        ws.length += size
        if ws.writing or ws.corked or self._errored is not None:
            ws.buffered.append((chunk, size, cb))
        else:
            ws.writelen = size
            ws.writecb = cb
            ws.writing = True
            ws.sync = True
            ws.expect_write_cb = True
            self._write(chunk, self._onwrite)
            ws.sync = False
        ret = ws.length < ws.high_water_mark or ws.length == 0
        if not ret:
            ws.need_drain = True
        return ret and not self._destroyed and self._errored is None

    def _do_write(self, chunks, size, cb):
        ws = self._ws
        ws.writelen = size
        ws.writecb = cb
        ws.writing = True
        ws.sync = True
        ws.expect_write_cb = True
        if self._destroyed:
            self._onwrite(errors.ERR_STREAM_DESTROYED("write"))
        elif len(chunks) == 1:
            self._write(chunks[0], self._onwrite)
        else:
            self._writev(chunks, self._onwrite)
        ws.sync = False

    def _onwrite(self, err=None):
        ws = self._ws
        if not ws.expect_write_cb:
            self._error_or_destroy(errors.ERR_MULTIPLE_CALLBACK())
            return
        sync = ws.sync
        cb = ws.writecb or _nop
        ws.writecb = None
        ws.writing = False
        ws.expect_write_cb = False
        ws.length -= ws.writelen
        ws.writelen = 0
        if err is not None:
            if self._errored is None:
                self._errored = err
            if sync:
                nextTick(self._onwrite_error, err, cb)
            else:
                self._onwrite_error(err, cb)
            return
        if ws.buffered:
            self._clear_buffer()
        if sync:
            need_drain = ws.need_drain and ws.length == 0
            need_tick = need_drain or self._destroyed or cb is not _nop
            info = ws.after_write_info
            if cb is _nop:
                if not ws.after_write_pending and need_tick:
                    ws.after_write_pending = True
                    nextTick(self._after_write, 1, cb)
                else:
                    ws.pendingcb -= 1
                    if ws.ending:
                        self._finish_maybe(True)
            elif info is not None and info[1] is cb:
                info[0] += 1
            elif need_tick:
                info = ws.after_write_info = [1, cb]
                ws.after_write_pending = True
                nextTick(self._after_write_tick, info)
            else:
                ws.pendingcb -= 1
                if ws.ending:
                    self._finish_maybe(True)
        else:
            self._after_write(1, cb)

    def _onwrite_error(self, err, cb):
        ws = self._ws
        ws.pendingcb -= 1
        cb(err)
        self._error_buffer()
        self._error_or_destroy(err)

    def _after_write_tick(self, info):
        self._ws.after_write_info = None
        self._after_write(info[0], info[1])

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

    def _error_buffer(self):
        ws = self._ws
        if ws.writing:
            return
        err = self._errored
        while ws.buffered:
            _, size, callback = ws.buffered.popleft()
            ws.length -= size
            callback(err if err is not None else errors.ERR_STREAM_DESTROYED("write"))
        self._call_finished_callbacks(err if err is not None else errors.ERR_STREAM_DESTROYED("end"))

    def _clear_buffer(self):
        ws = self._ws
        if self._destroyed or ws.buffer_processing or ws.corked or not ws.buffered:
            return
        ws.buffer_processing = True
        buffered = ws.buffered
        if len(buffered) > 1 and self._has_writev:
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
            self._do_write([chunk for chunk, _, _ in entries], sum(size for _, size, _ in entries), callback)
        else:
            while buffered and not ws.writing:
                chunk, size, callback = buffered.popleft()
                self._do_write([chunk], size, callback)
        ws.buffer_processing = False

    def cork(self):
        """Buffer writes until ``uncork()``."""
        self._ws.corked += 1

    def uncork(self):
        """Flush what ``cork()`` held, as one write when there are several."""
        ws = self._ws
        if ws.corked:
            ws.corked -= 1
            if not ws.writing:
                self._clear_buffer()

    def setDefaultEncoding(self, encoding):
        canonical = normalize(encoding.lower() if isinstance(encoding, str) else encoding)
        if canonical is None:
            raise errors.ERR_UNKNOWN_ENCODING(encoding)
        self._ws.default_encoding = canonical
        return self

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
            pass
        elif not ws.ending and self._errored is None:
            ws.ending = True
            self._finish_maybe(True)
            ws.ended = True
        elif ws.finished:
            err = errors.ERR_STREAM_ALREADY_FINISHED("end")
        elif self._destroyed:
            err = errors.ERR_STREAM_DESTROYED("end")
        if cb is not None and callable(cb):
            cb = _arity.adapt(cb)
            if err is not None:
                nextTick(cb, err)
            elif self._errored is not None:
                nextTick(cb, self._errored)
            elif ws.finished:
                nextTick(cb, None)
            else:
                ws.on_finished.append(cb)
        return self

    def _need_finish(self):
        ws = self._ws
        return (ws.ending and not self._destroyed and not ws.finished and not ws.writing
                and not self._error_emitted and not self._close_emitted and self._errored is None
                and not ws.buffered and ws.length == 0)

    def _finish_maybe(self, sync):
        ws = self._ws
        if self._need_finish():
            self._prefinish()
            if ws.pendingcb == 0:
                if sync:
                    ws.pendingcb += 1
                    nextTick(self._finish_if_needed_nt)
                elif self._need_finish():
                    ws.pendingcb += 1
                    self._finish()

    def _finish_if_needed_nt(self):
        if self._need_finish():
            self._finish()
        else:
            self._ws.pendingcb -= 1

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

    def _on_final(self, err=None):
        ws = self._ws
        if ws.prefinished:
            self._error_or_destroy(err if err is not None else errors.ERR_MULTIPLE_CALLBACK())
            return
        ws.pendingcb -= 1
        if err is not None:
            self._call_finished_callbacks(err)
            self._error_or_destroy(err, ws.sync)
        elif self._need_finish():
            ws.prefinished = True
            self.emit("prefinish")
            ws.pendingcb += 1
            nextTick(self._finish)

    def _finish(self):
        ws = self._ws
        ws.pendingcb -= 1
        ws.finished = True
        self._call_finished_callbacks(None)
        self.emit("finish")
        rs = self._rs
        if rs.end_emitted or not rs.readable:
            self.destroy()

    def _call_finished_callbacks(self, err):
        ws = self._ws
        callbacks, ws.on_finished = ws.on_finished, []
        for callback in callbacks:
            callback(err)

    # ------------------------------------------------------------------
    # destroy (lib/internal/streams/destroy.js)

    def destroy(self, err=None, cb=None):
        """Tear the stream down now: 'error' (if ``err``) then 'close', later."""
        ws = self._ws
        if (ws.buffered or ws.on_finished) and not self._destroyed:
            nextTick(self._error_buffer)
        if self._destroyed:
            if callable(cb):
                cb()
            return self
        if err is not None and self._errored is None:
            self._errored = err
        self._destroyed = True
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
                nextTick(self._emit_error_close_nt, error)
            else:
                nextTick(self._emit_close_nt)

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

    def _error_or_destroy(self, err, sync=False):
        if self._destroyed:
            return
        self.destroy(err)

    # ------------------------------------------------------------------
    # properties (Node's names)

    @property
    def destroyed(self):
        return self._destroyed

    @property
    def readable(self):
        rs = self._rs
        return rs.readable and not self._destroyed and self._errored is None and not rs.end_emitted

    @readable.setter
    def readable(self, value):
        self._rs.readable = bool(value)

    @property
    def writable(self):
        ws = self._ws
        return ws.writable and not self._destroyed and self._errored is None and not ws.ending

    @writable.setter
    def writable(self, value):
        self._ws.writable = bool(value)

    @property
    def readableFlowing(self):
        rs = self._rs
        return rs.flowing if rs.has_flowing else None

    @readableFlowing.setter
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
        return self._rs.encoding

    @property
    def readableAborted(self):
        return self._destroyed and not self._rs.end_emitted

    @property
    def readableDidRead(self):
        return self._rs.data_emitted

    @property
    def writableLength(self):
        return self._ws.length

    @property
    def writableHighWaterMark(self):
        return self._ws.high_water_mark

    @property
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
    def errored(self):
        return self._errored

    @property
    def closed(self):
        return self._closed


def _js_length(text):
    """``text.length`` in JavaScript: astral characters count two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _listener_count(emitter, event):
    counter = getattr(emitter, "listenerCount", None)
    return counter(event) if counter else 0


def _to_int(n):
    if isinstance(n, bool):
        return int(n)
    if isinstance(n, int):
        return n
    try:
        return int(float(n))
    except (TypeError, ValueError):
        return None


def _new_high_water_mark(n):
    limit = 1 << 30
    if n > limit:
        raise errors.ERR_OUT_OF_RANGE("size", "<= 1GiB", n)
    n -= 1
    for shift in (1, 2, 4, 8, 16):
        n |= n >> shift
    return n + 1
