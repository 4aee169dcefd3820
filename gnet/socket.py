"""``gnet.Socket``: Node's ``net.Socket`` on a raw non-blocking socket and gevent's loop.

Theory of operation
-------------------
A ``Socket`` is a Node Duplex stream (gnet/_stream.py) whose I/O hooks talk to
a *handle*: a raw, non-blocking ``_socket.socket`` (the C socket type, which
monkey patching leaves alone), watched by two libev io watchers.

No greenlet belongs to a connection. A watcher's callback (in the hub) sets
a flag and queues the socket for the loop's *service* (gnet/loop.py,
``serve_soon``); after every watcher of the turn has run, one service
greenlet (an executor: nextTicks queued by listeners run right after them,
there) serves the queued sockets in order (``_serve``): mail posted to the
socket, writes the kernel can take now, reads the kernel has for it. The
socket being served has ``_pump`` set to that greenlet. If a listener blocks
(``gevent.sleep``, a database call), the socket stays with its greenlet,
whose watchers stop so the loop does not spin, and another service greenlet
takes the rest of the queue: a blocking listener holds up its own connection
and nothing else. So a turn with many ready connections costs one greenlet
switch, not two per connection, and an idle connection holds no greenlet.

Connecting is the exception: lookup and connect run as one blocking sequence
in a greenlet of the socket's own (``_start_pump``), which parks in the hub
(``_park``, ``_parked``) while the connect is in flight, then serves the
socket once and ends.

The hot path, per PERF-NOTES: one ``recv_into`` a shared buffer per wake-up
when the read comes back short of the buffer (libuv does the same); data
handed to 'data' listeners as ``bytes`` and not kept; ``send`` straight from
``write()`` when nothing is queued, queueing only what the kernel did not
take; idle timeouts that note the time of activity instead of rescheduling a
timer per read or write.

Lifecycle: ``self._state`` (gnet/_lifecycle.py) moves only through
``_advance``. 'close' is emitted in the loop's close phase after the handle is
closed (as libuv's close callback), with ``hadError``.
"""

import errno as _errno
import os
import stat

import _socket
from gevent.hub import get_hub
from greenlet import getcurrent

from gnet import _arity, _names, errors, monitoring
from gnet import loop as _loop
from gnet import options as _options
from gnet._lifecycle import SocketState, advance, members, SOCKET_FLAGS
from gnet._connect import Connector
from gnet._stream import Duplex
from gnet.addresses import address_dict
from gnet.loop import nextTick
from gnet import timers as _timers

__all__ = ["Socket", "Stream", "connect", "createConnection"]

S = members(SocketState)

#: Bytes asked of the kernel per read, as libuv's 64 KiB.
READ_SIZE = 65536
#: Full-buffer reads of one socket per turn; then the others are served and the
#: socket's watcher, still started, brings it back next turn.
READS_PER_WAKEUP = 16

@_names.alias_class
class Socket(Connector, Duplex):
    """Node's ``net.Socket``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocket

    ``Socket(options)`` or ``Socket(**options)`` with Node's options (``fd``,
    ``allowHalfOpen``, ``readable``, ``writable``, ``onread``, ``noDelay``,
    ``keepAlive``, ``keepAliveInitialDelay``). Listeners may block (gevent):
    this connection's reads wait meanwhile, others go on.
    """

    # Fields whose starting value is immutable start as class attributes, so a
    # socket's own dict holds only what it has changed: an idle connection
    # keeps about half the bytes it would otherwise.
    _emits_close = False            # 'close' comes from the handle, with hadError
    _state = S.PENDING
    _handle = None
    _family = None
    _pump = None                    # the greenlet serving this socket now, if any
    _parked = None                  # its connect greenlet, parked in the hub, if it is
    _queued = False                 # in the loop's service queue
    _wake_scheduled = False
    _rwatch = None
    _wwatch = None                  # made when first needed: most sockets never wait to write
    _rw_on = False                  # _rwatch is started (mirrors rw.active, read per message)
    _ww_on = False                  # _wwatch is started
    _read_ready = False
    _write_ready = False
    _reading = False                # the stream wants data from the kernel
    _eof = False                    # the kernel said EOF: read no more
    _awaiting_connect = False       # non-blocking connect in flight
    _connect_abandoned = False      # its attempt timed out (autoSelectFamily)
    _wqueue_size = 0
    _shutdown_cb = None
    _ref = True
    _bytes_read = 0
    _bytes_written = 0
    _peername = None
    _sockname = None
    _timeout_timer = None
    _timeout_ms = 0
    _active_at = 0.0
    _onread = None
    #: The idle timeout set by ``setTimeout``, ``None`` before one is (Node's ``socket.timeout``).
    timeout = None

    def __init__(self, options=None, **kwargs):
        self._setup(_options.socket_options(options, kwargs))

    @classmethod
    def _accepted(cls, handle, server):
        """A socket for a connection ``server`` accepted, in the accept callback.
        The options are the server's own, checked when it was made, so none is
        read or validated again here."""
        sock = cls.__new__(cls)
        hwm = server.highWaterMark
        sock._init(server.allowHalfOpen, hwm, hwm, server.noDelay, server.keepAlive,
                   server.keepAliveInitialDelay, server)
        sock._open(handle, server.pauseOnConnect)
        # 'connection' is emitted in this turn of the loop, in the order of the
        # accepts, as Node emits it from the accept callback (the service check
        # serves it after the turn's I/O).
        sock._mail.append((server._emit_connection, (sock,)))
        if getcurrent() is sock._hub:
            sock._gnet_loop.serve_soon(sock)
        else:
            sock._schedule_wake()
        return sock

    def _setup(self, opts):
        """The constructor's work, on options in Node's spelling, validated."""
        if opts.get("signal") is not None:
            raise NotImplementedError("gnet does not support the 'signal' option (AbortSignal) yet")
        self._init(
            bool(opts.get("allowHalfOpen")),
            _or_default(opts.get("readableHighWaterMark"), _options.DEFAULT_HIGH_WATER_MARK),
            _or_default(opts.get("writableHighWaterMark"), _options.DEFAULT_HIGH_WATER_MARK),
            bool(opts.get("noDelay")), bool(opts.get("keepAlive")),
            _options.keepalive_delay_seconds(opts.get("keepAliveInitialDelay")), None)
        onread = opts.get("onread")     # checked by socket_options: None unless Node's shape
        if onread is not None:
            buffer, callback = onread["buffer"], onread["callback"]
            # [buffer to read into, callback, buffer generator or None, callback's arity]
            generator = buffer if callable(buffer) else None
            self._onread = [None if generator else buffer, callback, generator, _arity.bounds(callback)]
        if opts.get("readable") is False:
            self._rs.readable = False
        if opts.get("writable") is False:
            self._ws.writable = False
        handle = opts.get("handle")
        if handle is None and opts.get("fd") is not None:
            handle = _open_fd(opts["fd"])
        if handle is not None:
            self._open(handle, bool(opts.get("pauseOnCreate")))
            self._sync_watchers()

    def _init(self, allow_half_open, readable_hwm, writable_hwm, no_delay, keep_alive,
              keep_alive_delay, server):
        """Fresh state: a stream with nothing attached yet."""
        Duplex.__init__(self, allow_half_open=allow_half_open,
                        readable_high_water_mark=readable_hwm,
                        writable_high_water_mark=writable_hwm)
        self._hub = hub = get_hub()
        self._gnet_loop = _loop.get_loop(hub)
        self._mail = []
        self._wqueue = []               # [memoryview, callback] the kernel has not taken yet
        self._no_delay = no_delay
        self._keep_alive = keep_alive
        self._keep_alive_delay = keep_alive_delay
        #: The server that accepted this socket (Node's ``socket.server``), else None.
        self.server = self._server = server

    def _open(self, handle, pause):
        """Attach a connected ``handle``: the socket is open, and reading unless ``pause``."""
        self._attach(handle)
        self._next_onread_buffer()
        self._state = advance(self._state, "opened")
        if self._rs.readable:
            if pause:
                self._rs.has_flowing = True
                self._rs.flowing = False
            else:
                self.read(0)

    # ------------------------------------------------------------------
    # the handle and its service

    def _attach(self, handle):
        handle.setblocking(False)
        self._handle = handle
        self._family = handle.family
        fd = handle.fileno()
        io = self._hub.loop.io
        self._rwatch = io(fd, 1, ref=self._ref)
        self._rw_on = self._ww_on = False
        self._eof = False

    def _detach_watchers(self):
        """Stop and close the handle's watchers (``_attach`` made them)."""
        for watcher in (self._rwatch, self._wwatch):
            if watcher is not None:
                watcher.stop()
                watcher.close()
        self._rwatch = self._wwatch = None
        self._rw_on = self._ww_on = False

    def _next_onread_buffer(self):
        """Ask ``onread.buffer()`` for the buffer to read into next, as Node does
        when the handle is made and after each callback."""
        onread = self._onread
        if onread is not None and onread[2] is not None:
            buffer = onread[2]()
            if isinstance(buffer, (bytearray, memoryview)):
                onread[0] = buffer

    def _start_pump(self, task, args):
        """Run ``task(*args)`` (the connect sequence) in a greenlet of its own,
        which then serves the socket until it has nothing to do, and ends."""
        self._pump = _loop.executor(self._run_pump, task, args)
        if getcurrent() is self._hub:
            self._pump.switch()
        else:
            self._hub.loop.run_callback(self._pump.switch)

    def _run_pump(self, task, args):
        me = getcurrent()
        ticks = me.gnet_ticks
        _loop.dispatch(task, args, ticks)
        if self._pump is me:
            self._serve(me, ticks)

    def _serve(self, me, ticks):
        """Serve what is pending, in greenlet ``me`` (a service greenlet of the
        loop, or the connect greenlet): mail, then writes the kernel can take,
        then reads, until nothing is left; then set the watchers to match.

        ``self._pump`` is ``me`` meanwhile. If a listener blocks, the socket
        stays with ``me`` (its watchers stop, their flags stay set) and is
        served again when the listener returns; other sockets go on.
        """
        self._pump = me
        dispatch = _loop.dispatch
        try:
            # A socket is served for one handle: after destroy() and connect()
            # again, the connect greenlet serves the new handle and this
            # greenlet lets go (compat: socket/reconnect_after_close).
            while self._handle is not None and self._pump is me:
                if self._mail:
                    fn, fn_args = self._mail.pop(0)
                    dispatch(fn, fn_args, ticks)
                elif self._write_ready:
                    self._write_ready = False
                    if self._wqueue or self._shutdown_cb is not None:
                        dispatch(self._flush_writes, (), ticks)
                elif self._read_ready:
                    self._read_ready = False
                    if self._reading and not self._eof:
                        self._read_from_kernel(ticks)
                else:
                    break
        finally:
            if self._pump is me:
                self._pump = None
                # The usual end of a turn: reading, the read watcher on, nothing
                # to write. Anything else has the watchers set to match.
                if not (self._rw_on and self._reading and not self._eof and not self._wqueue
                        and not self._ww_on and not self._awaiting_connect):
                    self._sync_watchers()

    def _sync_watchers(self):
        """Start or stop each watcher to match what the socket waits for."""
        handle = self._handle
        if handle is None:
            return
        if self._reading and not self._eof:
            if not self._rw_on:
                self._rwatch.start(self._on_read_ready)
                self._rw_on = True
        elif self._rw_on:
            self._rwatch.stop()
            self._rw_on = False
        if self._wqueue or self._awaiting_connect:
            if not self._ww_on:
                if self._wwatch is None:
                    self._wwatch = self._hub.loop.io(handle.fileno(), 2, ref=self._ref)
                self._wwatch.start(self._on_write_ready)
                self._ww_on = True
        elif self._ww_on:
            self._wwatch.stop()
            self._ww_on = False

    def _park(self):
        """In the connect greenlet: wait in the hub until a watcher or ``_post``
        has something for it."""
        self._sync_watchers()
        me = getcurrent()
        self._parked = me
        try:
            self._hub.switch()
        finally:
            if self._parked is me:
                self._parked = None

    def _on_read_ready(self):
        self._read_ready = True
        if self._pump is None or self._parked is not None:
            if not self._queued:            # the loop's serve_soon, inlined: once per message
                self._queued = True
                self._gnet_loop.ready.append(self)
        else:
            # Its greenlet is busy (a listener blocked): stop the watcher so the
            # loop does not spin; the greenlet sets it again when done.
            self._rwatch.stop()
            self._rw_on = False

    def _on_write_ready(self):
        self._write_ready = True
        if self._pump is None or self._parked is not None:
            self._gnet_loop.serve_soon(self)
        else:
            self._wwatch.stop()
            self._ww_on = False

    def _post(self, fn, *args):
        """Run ``fn(*args)`` when the socket is next served, as libuv completes a request."""
        self._mail.append((fn, args))
        if self._pump is not getcurrent():
            # From the greenlet serving this socket, the mail is read before
            # that greenlet lets go of it (``_serve``); from anywhere else the
            # socket needs a wake-up.
            self._schedule_wake()

    def _schedule_wake(self):
        if not self._wake_scheduled:
            self._wake_scheduled = True
            self._hub.loop.run_callback(self._wake)

    def _release_parked(self):
        """The handle closed: a connect greenlet parked for it must leave its
        park and end. It is detached now, so a greenlet for a new connection is
        not mistaken for it."""
        parked, self._parked = self._parked, None
        if parked is not None:
            self._hub.loop.run_callback(parked.switch)

    def _wake(self):
        self._wake_scheduled = False
        if self._parked is not None:
            self._parked.switch()
        elif self._pump is None and self._handle is not None and self._mail:
            self._gnet_loop.serve_now(self)

    # ------------------------------------------------------------------
    # reading

    def _read_from_kernel(self, ticks):
        sock = self._handle
        onread = self._onread
        if onread is not None and onread[0] is not None:
            return self._read_into_user_buffer(sock, onread, ticks)
        rs = self._rs
        budget = READS_PER_WAKEUP
        while True:
            # recv() sizes the bytes to what was read (one allocation, no copy
            # out of a shared buffer); nothing of READ_SIZE is kept.
            try:
                data = sock.recv(READ_SIZE)
            except BlockingIOError:
                return
            except InterruptedError:
                continue
            except OSError as exc:
                _loop.dispatch(self._on_read_error, (exc,), ticks)
                return
            n = len(data)
            if not n:
                _loop.dispatch(self._on_eof, (), ticks)
                return
            self._bytes_read += n
            if self._timeout_timer is not None:
                self._note_activity()
            if (rs.flowing and rs.data_listening and not rs.length and rs.decoder is None
                    and not rs.ended and not rs.sync and not self._destroyed and self._errored is None):
                # push() -> addChunk() -> 'data', inlined for the common case:
                # flowing, nothing buffered, no decoder. The buffer stays empty,
                # so reading goes on (Node's canPushMore with length 0).
                rs.reading = False
                rs.data_emitted = True
                if rs.await_drain:
                    rs.await_drain.clear()
                try:
                    self.emit("data", data)
                except _loop.PASS_THROUGH:
                    raise
                except BaseException as exc:  # noqa: B902 - Node's uncaught path, as dispatch
                    _loop.report(exc)
                if ticks:
                    _loop.drain_ticks(ticks)
            else:
                _loop.dispatch(self._on_data, (data,), ticks)
            if n < READ_SIZE or not self._reading or self._handle is not sock:
                return
            budget -= 1
            if not budget:
                # Read budget spent with more to come: the watcher, still
                # started, has the socket served again next turn, after the others.
                return

    def _read_into_user_buffer(self, sock, onread, ticks):
        buffer, callback = onread[0], onread[1]
        try:
            n = sock.recv_into(buffer)
        except BlockingIOError:
            return
        except InterruptedError:
            self._read_ready = True
            return
        except OSError as exc:
            _loop.dispatch(self._on_read_error, (exc,), ticks)
            return
        if n == 0:
            _loop.dispatch(self._on_eof, (), ticks)
            return
        self._bytes_read += n
        if self._timeout_timer is not None:
            self._note_activity()
        _loop.dispatch(self._call_onread, (callback, n, buffer), ticks)

    def _call_onread(self, callback, n, buffer):
        if _arity.call(callback, self._onread[3], (n, buffer)) is False:
            self._reading = False
        self._next_onread_buffer()

    def _on_data(self, data):
        if not self.push(data):
            self._reading = False

    def _on_eof(self):
        self._eof = True
        self._reading = False
        if not self._rs.end_emitted:
            self.push(None)
            self.read(0)

    def _on_read_error(self, exc):
        self._eof = True
        self._reading = False
        self.destroy(errors.system_error(exc, "read"))

    def _read(self):
        if self._state is S.CONNECTING or self._handle is None:
            self.once("connect", self._read_after_connect)
        elif not self._reading:
            self._start_reading()

    def _read_after_connect(self):
        self._read()

    def _start_reading(self):
        self._reading = True
        if self._parked is not None or self._pump is None:
            self._sync_watchers()

    def _stop_reading(self):
        self._reading = False
        if self._parked is not None or self._pump is None:
            self._sync_watchers()

    def pause(self):
        """Node's ``socket.pause()``: no more 'data' until ``resume()``."""
        if self._onread is not None and self._handle is not None and self._state is not S.CONNECTING:
            self._stop_reading()
        return Duplex.pause(self)

    def resume(self):
        """Node's ``socket.resume()``."""
        if self._onread is not None and self._handle is not None and self._state is not S.CONNECTING \
                and not self._reading:
            self._start_reading()
        return Duplex.resume(self)

    def read(self, n=None):
        if self._onread is not None and self._handle is not None and self._state is not S.CONNECTING \
                and not self._reading:
            self._start_reading()
        return Duplex.read(self, n)

    # ------------------------------------------------------------------
    # writing

    def write(self, data=_options.MISSING, encoding=None, cb=None):
        """Node's ``socket.write(data[, encoding][, callback])``: returns False when
        the buffered amount reaches the high-water mark ('drain' follows)."""
        ws = self._ws
        if (type(data) is bytes and encoding is None and cb is None and data
                and not ws.writing and not ws.corked and not ws.ending and not self._wqueue
                and not self._destroyed and self._errored is None
                and self._handle is not None and self._state is not S.CONNECTING):
            # bytes to an idle, connected socket: Node's Writable would call
            # _write at once, libuv would try the write at once, and a write
            # the kernel takes whole completes synchronously with nothing for
            # 'drain' or a callback to report. Inlined: one send, no queue.
            try:
                sent = self._handle.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError:
                sent = 0            # the full path below meets the error again
            if sent == len(data):
                self._bytes_written += sent
                if self._timeout_timer is not None:
                    self._note_activity()
                return True
            # The kernel took part of it: the full path queues the rest.
            self._already_sent = sent
        if self._rs.end_emitted and not self.allowHalfOpen:
            return self._write_after_fin(data, encoding, cb)
        return Duplex.write(self, data, encoding, cb)

    _already_sent = 0

    def _write_after_fin(self, data, encoding, cb):
        if not self._ws.ending:
            return Duplex.write(self, data, encoding, cb)
        if callable(encoding) and not isinstance(encoding, str):
            cb = encoding
        err = errors.ended_by_peer_error()
        if callable(cb):
            nextTick(cb, err)
        self.destroy(err)
        return False

    def _write(self, chunk, cb):
        self._write_generic(chunk, cb)

    def _writev(self, chunks, cb):
        self._write_generic(b"".join(chunks), cb)

    def _write_generic(self, data, cb):
        if self._state is S.CONNECTING:
            self._pending_data = data

            def on_close(*_):
                cb(errors.ERR_SOCKET_CLOSED_BEFORE_CONNECTION())

            def on_connect():
                self.removeListener("close", on_close)
                self._write_generic(data, cb)

            self.once("connect", on_connect)
            self.once("close", on_close)
            return
        self._pending_data = None
        sock = self._handle
        if sock is None:
            cb(errors.ERR_SOCKET_CLOSED())
            return
        if self._timeout_timer is not None:
            self._note_activity()
        if self._already_sent:
            # write()'s fast path sent the start of this chunk already.
            sent, self._already_sent = self._already_sent, 0
            self._bytes_written += sent
            data = memoryview(data)[sent:]
        if not self._wqueue:
            try:
                sent = sock.send(data)
            except BlockingIOError:
                sent = 0
            except InterruptedError:
                sent = 0
            except OSError as exc:
                cb(errors.system_error(exc, "write"))
                return
            self._bytes_written += sent
            if sent == len(data):
                cb(None)
                return
            data = memoryview(data)[sent:]
        else:
            data = memoryview(data)
        self._wqueue.append([data, cb])
        self._wqueue_size += len(data)
        if self._parked is not None or self._pump is None:
            self._sync_watchers()

    def _flush_writes(self):
        sock = self._handle
        queue = self._wqueue
        while queue:
            entry = queue[0]
            data = entry[0]
            try:
                sent = sock.send(data)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                err = errors.system_error(exc, "write")
                failed = list(queue)
                queue.clear()
                self._wqueue_size = 0
                failed[0][1](err)
                return
            self._bytes_written += sent
            self._wqueue_size -= sent
            if self._timeout_timer is not None:
                self._note_activity()
            if sent < len(data):
                entry[0] = data[sent:]
                return
            queue.pop(0)
            entry[1](None)
            if self._handle is not sock:
                return
        if self._shutdown_cb is not None:
            cb, self._shutdown_cb = self._shutdown_cb, None
            self._do_shutdown(cb)

    def _final(self, cb):
        if self._state is S.CONNECTING or self._handle is None and self._state is S.PENDING:
            self.once("connect", lambda: self._final(cb))
            return
        if self._handle is None:
            cb()
            return
        if self._wqueue:
            self._shutdown_cb = cb
            return
        self._do_shutdown(cb)

    def _do_shutdown(self, cb):
        try:
            self._handle.shutdown(_socket.SHUT_WR)
        except OSError as exc:
            if exc.errno == _errno.ENOTCONN:
                cb()
            else:
                cb(errors.system_error(exc, "shutdown"))
            return
        self._post(cb)

    # ------------------------------------------------------------------
    # destroy and close

    def _destroy(self, err, cb):
        # Node has a handle from connect() on, even during the lookup; gnet
        # opens its socket later, so "connecting" counts as having one.
        had_handle = self._handle is not None or self._state is S.CONNECTING
        if self._state is not S.DESTROYED and self._state is not S.CLOSED:
            self._advance("destroy")
        self._awaiting_connect = False
        self._clear_timeout()
        handle = self._handle
        if had_handle:
            if handle is not None:
                self._close_handle(handle, reset=self._reset_on_close)
            else:
                self._release_parked()
            self._gnet_loop.add_close_callback(self._emit_close, err is not None)
            cb(err)
        else:
            cb(err)
            nextTick(self._emit_close_without_handle_nt)
        if self._server is not None:
            self._server._connection_ended(self)

    def _close_handle(self, handle, reset=False):
        self._handle = None
        self._reading = False
        self._wqueue.clear()
        self._wqueue_size = 0
        self._detach_watchers()
        if reset:
            try:
                handle.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError:
                pass
        handle.close()
        self._release_parked()

    def _emit_close(self, had_error):
        if self._state is S.DESTROYED:
            self._advance("close")
        monitoring.publish(monitoring.ConnectionClosed, self, self._server, had_error)
        self.emit("close", had_error)

    def _emit_close_without_handle_nt(self):
        # Node emits 'close' with no argument for a socket that never had a
        # connection; hadError is then None (compat: socket/destroy_before_connect_without_error).
        self._advance("close")
        monitoring.publish(monitoring.ConnectionClosed, self, self._server, None)
        self.emit("close", None)

    def _advance(self, trigger):
        self._state = advance(self._state, trigger)

    def _on_end_emitted(self):
        if self._state is not S.DESTROYED:
            self._advance("end_emitted")

    def _finish(self):
        if self._state is not S.DESTROYED and self._state is not S.CLOSED:
            self._advance("finish_emitted")
        Duplex._finish(self)

    def resetAndDestroy(self):
        """Node v20's ``socket.resetAndDestroy()``: close with a TCP RST."""
        if self._handle is not None:
            if self._family not in (_socket.AF_INET, _socket.AF_INET6):
                raise errors.ERR_INVALID_HANDLE_TYPE()
            if self._state is S.CONNECTING:
                self.once("connect", self._reset)
            else:
                self._reset()
        elif self._state is S.CONNECTING:
            self.once("connect", self._reset)
        else:
            self.destroy(errors.ERR_SOCKET_CLOSED())
        return self

    def _reset(self):
        self._reset_on_close = True
        self.destroy()

    _reset_on_close = False

    def destroySoon(self):
        """End the writing side, then destroy once it has finished."""
        if self.writable:
            self.end()
        if self._ws.finished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    # ------------------------------------------------------------------
    # connecting

    def connect(self, *args, **kwargs):
        """Node's ``socket.connect(port[, host][, cb])``, ``connect(path[, cb])`` or
        ``connect(options[, cb])``; also to reconnect after 'close'."""
        opts, cb = _options.normalize_connect_args(args, kwargs)
        return self._connect(opts, cb)

    def _connect(self, opts, cb):
        if cb is not None:
            self.once("connect", cb)
        opts = _options.validate_connect_options(opts)
        if self._state is S.CONNECTING:
            return self
        if self._destroyed or self._state is S.CLOSED:
            self._undestroy()
        self._advance("connect")
        self._awaiting_connect = False
        self._next_onread_buffer()
        # Lookup and connect run in the socket's connect greenlet and complete on a later
        # turn of the loop, for a path and a host alike (gnet/_connect.py).
        self._start_pump(self._connect_flow, (opts,))
        return self

    def _undestroy(self):
        """A destroyed socket may connect again (Node's ``_undestroy``)."""
        Duplex._undestroy(self)
        self._eof = False
        self._reading = False
        self._read_ready = self._write_ready = False
        self._peername = None
        self._sockname = None

    def _after_connect(self):
        if self._destroyed:
            return
        self._advance("connected")
        self._sockname = None
        self._peername = None
        if self._timeout_timer is not None:
            self._note_activity()
        if self._no_delay:
            self._set_no_delay(True)
        if self._keep_alive:
            self._set_keep_alive(True, self._keep_alive_delay)
        monitoring.publish(monitoring.ConnectionOpened, self, None)
        self.emit("connect")
        self.emit("ready")
        if self._rs.readable and not self.isPaused():
            self.read(0)

    # ------------------------------------------------------------------
    # options on the connection

    def setTimeout(self, msecs=_options.MISSING, callback=None):
        """Emit 'timeout' after ``msecs`` ms without reads or writes (0 disables).
        The socket stays open; the timer never keeps the loop alive."""
        if self._destroyed:
            return self
        self.timeout = None if msecs is _options.MISSING else msecs
        msecs, callback = _options.validate_set_timeout(msecs, callback)
        self._clear_timeout()
        if msecs == 0:
            if callback is not None:
                self.removeListener("timeout", callback)
        else:
            self._timeout_ms = msecs
            self._timeout_fired = False
            self._active_at = self._hub.loop.now()
            self._timeout_timer = _timers.setTimeout(self._on_timeout_timer, msecs).unref()
            if callback is not None:
                self.once("timeout", callback)
        return self

    def _clear_timeout(self):
        timer = self._timeout_timer
        if timer is not None:
            self._timeout_timer = None
            timer.close()

    def _on_timeout_timer(self):
        timer = self._timeout_timer
        if timer is None:
            return
        idle_ms = (self._hub.loop.now() - self._active_at) * 1000.0
        if idle_ms + 0.5 < self._timeout_ms:
            # Activity since the timer was armed: wait out the rest.
            timer._restart_from(self._active_at * 1000.0)
            return
        # 'timeout' once; the next read or write starts the wait again, as
        # Node's refresh on activity does (compat: socket/set_timeout_fires_once_while_idle).
        self._timeout_fired = True
        self.emit("timeout")

    def _note_activity(self):
        """A read or write happened: the idle timeout counts from now."""
        self._active_at = self._hub.loop.now()
        if self._timeout_fired:
            self._timeout_fired = False
            self._timeout_timer.refresh()

    _timeout_fired = False

    def setNoDelay(self, noDelay=None):
        """Disable (default) or enable Nagle's algorithm."""
        enable = True if noDelay is None else bool(noDelay)
        if self._handle is None:
            self._no_delay = enable
            return self
        if enable != self._no_delay:
            self._no_delay = enable
            self._set_no_delay(enable)
        return self

    def _set_no_delay(self, enable):
        if self._family in (_socket.AF_INET, _socket.AF_INET6) and self._handle is not None:
            try:
                self._handle.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1 if enable else 0)
            except OSError:
                pass

    def setKeepAlive(self, enable=_options.MISSING, initialDelay=_options.MISSING):
        """Enable TCP keep-alive, the first probe after ``initialDelay`` ms."""
        enable, delay = _options.normalize_keep_alive_args(enable, initialDelay)
        if self._handle is None:
            self._keep_alive = enable
            self._keep_alive_delay = delay
            return self
        if enable != self._keep_alive or (enable and self._keep_alive_delay != delay):
            self._keep_alive = enable
            self._keep_alive_delay = delay
            self._set_keep_alive(enable, delay)
        return self

    def _set_keep_alive(self, enable, delay):
        if self._family not in (_socket.AF_INET, _socket.AF_INET6) or self._handle is None:
            return
        try:
            self._handle.setsockopt(_socket.SOL_SOCKET, _socket.SO_KEEPALIVE, 1 if enable else 0)
            if enable and delay > 0 and hasattr(_socket, "TCP_KEEPIDLE"):
                self._handle.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_KEEPIDLE, delay)
        except OSError:
            pass

    def ref(self):
        """Keep the loop alive while this socket has work (the default)."""
        self._ref = True
        for watcher in (self._rwatch, self._wwatch):
            if watcher is not None:
                watcher.ref = True
        return self

    def unref(self):
        """Let the loop end even while this socket is open."""
        self._ref = False
        for watcher in (self._rwatch, self._wwatch):
            if watcher is not None:
                watcher.ref = False
        return self

    # ------------------------------------------------------------------
    # addresses and figures

    def address(self):
        """``{'address', 'family', 'port'}`` of the local end, as Node's; ``{}`` without one."""
        if self._handle is None or self._family == _socket.AF_UNIX:
            return {}
        if self._sockname is None:
            try:
                self._sockname = address_dict(self._handle.getsockname(), self._family)
            except OSError:
                return {}
        return dict(self._sockname)

    def _peer(self):
        if self._peername is None:
            if self._handle is None or self._state is S.CONNECTING or self._family == _socket.AF_UNIX:
                return {}
            try:
                self._peername = address_dict(self._handle.getpeername(), self._family)
            except OSError:
                return {}
        return self._peername

    @property
    def remoteAddress(self):
        return self._peer().get("address")

    @property
    def remoteFamily(self):
        return self._peer().get("family")

    @property
    def remotePort(self):
        return self._peer().get("port")

    @property
    def localAddress(self):
        return self.address().get("address")

    @property
    def localPort(self):
        return self.address().get("port")

    @property
    def localFamily(self):
        return self.address().get("family")

    @property
    def bytesRead(self):
        return self._bytes_read

    @property
    def bytesWritten(self):
        pending = getattr(self, "_pending_data", None)
        return (self._bytes_written + self._wqueue_size + sum(len(c) for c, _, _ in self._ws.buffered)
                + (len(pending) if pending else 0))

    @property
    def bufferSize(self):
        if self._handle is not None or self._state is S.CONNECTING:
            return self.writableLength
        return None

    @property
    def connecting(self):
        return SOCKET_FLAGS[self._state][0]

    @property
    def pending(self):
        return self._handle is None or self._state is S.CONNECTING

    @property
    def readyState(self):
        if self._state is S.CONNECTING:
            return "opening"
        readable, writable = self.readable, self.writable
        if readable and writable:
            return "open"
        if readable:
            return "readOnly"
        if writable:
            return "writeOnly"
        return "closed"

    # ------------------------------------------------------------------
    # Python side

    def __repr__(self):
        return "<gnet.Socket %s %s>" % (self._state.value, self._peer() or "")


#: Node's ``net.Stream``, an alias of ``Socket``.
Stream = Socket


def _or_default(value, default):
    return default if value is None else value


def _open_fd(fd):
    """A handle for an fd that options.validate_socket_options found to be a
    TCP or pipe descriptor (libuv's names); gnet handles sockets only."""
    if not stat.S_ISSOCK(os.fstat(fd).st_mode):
        raise NotImplementedError("gnet opens socket descriptors only; fd %d is a pipe" % fd)
    return _socket.socket(fileno=fd)


def createConnection(*args, **kwargs):
    """Node's ``net.createConnection``: a new ``Socket``, connecting.

    Forms: ``(port[, host][, connectListener])``, ``(path[, connectListener])``,
    ``(options[, connectListener])``; options as a dict and/or keywords.
    """
    opts, cb = _options.normalize_connect_args(args, kwargs)
    sock = Socket(opts)
    if _options.js_truthy(opts.get("timeout")):
        sock.setTimeout(opts["timeout"])
    return sock.connect(opts, cb) if cb is not None else sock.connect(opts)


connect = createConnection
