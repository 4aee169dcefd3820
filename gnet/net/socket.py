"""``gnet.Socket``: Node's ``net.Socket``, a Duplex stream over a handle.

Theory of operation
-------------------
A ``Socket`` is a Node Duplex stream (gnet/streams/duplex.py) whose I/O hooks talk
to its *handle* (gnet/net/handle.py), as Node's socket talks to ``this._handle``:
the handle owns the descriptor, its watchers, the kernel write queue and the
socket's place in the loop's service; the socket keeps Node's semantics and
never touches the descriptor. The seam is narrow on purpose, so that another
kind of handle (TLS) can stand in the same place:

- down: ``readStart``/``readStop``, ``try_write`` (the handle is the
  stream's ``_sink``: a write to an idle socket is sent before any queueing),
  ``write(data, cb)``, ``shutdown(cb)``, ``close(cb, hadError, reset=)``,
  ``ref``/``unref``, ``setNoDelay``/``setKeepAlive``, ``getsockname``/
  ``getpeername``, and, for connecting, ``open``/``bind``/``connect``;
- up: ``push(data)`` (Readable's flowing fast case emits 'data' at once),
  ``_on_handle_read_into``, ``_on_handle_eof``, ``_on_handle_error``; the
  handle counts ``bytes_read`` and refreshes the idle timer it is given.

Which greenlet runs what: reads, writes and request completions run in the
loop's service greenlets, the connect sequence in a greenlet of the socket's
own (gnet/net/connect.py); a listener may block in either, holding up only its
own connection.

Lifecycle: ``self._state`` (gnet/net/lifecycle.py) changes only in ``_advance``,
which also keeps ``_destroyed`` (Node's ``destroyed``) as the state says;
``connecting``, ``pending`` and ``destroyed`` are read from the state. 'close'
is emitted on the 'close' transition only, in the loop's close phase once
the handle is closed (as libuv's close callback), with ``hadError``.
"""

import errno as _errno

import _socket
from contextvars import copy_context

from gnet import monitoring
from gnet.js import arity as _arity
from gnet.net import connect as _connect
from gnet.js import names as _names
from gnet.js import errors
from gnet.js.values import js_truthy
from gnet.net import options as _options
from gnet.net.handle import StreamHandle, socket_from_fd
from gnet.net.lifecycle import SocketState, advance, members
from gnet.streams.duplex import Duplex
from gnet.eventloop.loop import nextTick, queue_tick, setImmediate
from gnet.net.addresses import isIP
from gnet.eventloop import timers as _timers
from gnet.eventloop.abort import add_abort_signal

__all__ = ["Socket", "Stream", "connect", "createConnection"]

S = members(SocketState)


@_names.alias_class
class Socket(Duplex):
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
    #: The kind of handle this socket makes: a ``TLSSocket`` (gnet/tls/socket.py)
    #: puts a TLS handle in the same slot, as Node's ``TLSWrap``.
    _handle_class = StreamHandle
    _state = S.PENDING
    _handle = None
    _ref = True
    _bytes_read = 0                 # the last handle's counts, once it is closed
    _bytes_written = 0              # (Node's kBytesRead, kBytesWritten)
    _pending_data = None            # a write waiting for 'connect'
    _peername = None
    _sockname = None
    #: Node's ``socket.autoSelectFamilyAttemptedAddresses``: the ``address:port``
    #: each attempt of an autoSelectFamily connect tried (gnet/net/connect.py);
    #: ``None`` (undefined) until one starts. Declared here so that it answers
    #: to its PEP 8 spelling too (gnet/js/names.py).
    autoSelectFamilyAttemptedAddresses = None
    _timeout_timer = None           # an IdleTimeout while setTimeout is on
    _onread = None
    _reset_on_close = False
    _reconnecting = False           # connect() again while connected, until its 'connect'
    _connect_direct = False         # the connect in flight is to an address or a path (no lookup)
    #: The idle timeout set by ``setTimeout``, ``None`` before one is (Node's ``socket.timeout``).
    timeout = None

    def __init__(self, options=None, **kwargs):
        self._setup(_options.socket_options(options, kwargs))

    @classmethod
    def _accepted(cls, sock, server):
        """A socket for a connection ``server`` accepted, in the accept callback.
        The options are the server's own, checked when it was made, so none is
        read or validated again here."""
        self = cls.__new__(cls)
        hwm = server.highWaterMark
        half_open = server.allowHalfOpen
        if half_open.__class__ is not bool:
            half_open = js_truthy(half_open)
        self._init(half_open, hwm, hwm, server.noDelay, server.keepAlive, server.keepAliveInitialDelay, server)
        handle = cls._handle_class(self, sock)
        self._open(handle, server.pauseOnConnect)
        if server.noDelay:
            handle.setNoDelay(True)
        if server.keepAlive:
            handle.setKeepAlive(True, server.keepAliveInitialDelay)
        # 'connection' is emitted in this turn of the loop, in the order of the
        # accepts, as Node emits it from the accept callback (the service check
        # serves it after the turn's I/O).
        handle.post(server._emit_connection, self)
        return self

    def _setup(self, opts):
        """The constructor's work, on options in Node's spelling, validated."""
        self._init(
            js_truthy(opts.get("allowHalfOpen")),
            _or_default(opts.get("readableHighWaterMark"), _options.DEFAULT_HIGH_WATER_MARK),
            _or_default(opts.get("writableHighWaterMark"), _options.DEFAULT_HIGH_WATER_MARK),
            js_truthy(opts.get("noDelay")), js_truthy(opts.get("keepAlive")),
            _options.keepalive_delay_seconds(opts.get("keepAliveInitialDelay")), None)
        signal = opts.get("signal")
        if signal is not None:
            # Node's Duplex constructor: destroyed now if already aborted
            # (compat: socket/signal_aborted_before), else when it aborts.
            add_abort_signal(signal, self)
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
        sock = opts.get("handle")
        if sock is None and opts.get("fd") is not None:
            sock = socket_from_fd(opts["fd"])
        if sock is not None:
            self._open(self._handle_class(self, sock), bool(opts.get("pauseOnCreate")))

    def _init(self, allow_half_open, readable_hwm, writable_hwm, no_delay, keep_alive,
              keep_alive_delay, server):
        """Fresh state: a stream with nothing attached yet."""
        Duplex.__init__(self, allow_half_open=allow_half_open,
                        readable_high_water_mark=readable_hwm,
                        writable_high_water_mark=writable_hwm)
        self._no_delay = no_delay
        self._keep_alive = keep_alive
        self._keep_alive_delay = keep_alive_delay
        #: The server that accepted this socket (Node's ``socket.server``), else None.
        self.server = self._server = server
        #: The ``contextvars.Context`` its callbacks run in, whichever greenlet
        #: serves it, as each asyncio task has its own: a copy of the server's
        #: (taken at ``listen()``) or of the context that made the socket.
        self._context = server._context.copy() if server is not None else copy_context()

    def _open(self, handle, pause):
        """Take a connected ``handle``: the socket is open, and reading unless ``pause``."""
        self._take_handle(handle)
        self._advance("opened")
        if self._rs.readable:
            if pause:
                self._rs.has_flowing = True
                self._rs.flowing = False
            else:
                self.read(0)

    def _advance(self, trigger):
        """The one place the lifecycle changes (gnet/net/lifecycle.py)."""
        try:
            state = self._state._next[trigger]      # advance(), inlined: five per connection
        except (KeyError, AttributeError):
            state = advance(self._state, trigger)   # raises, naming the illegal pair
        self._state = state
        self._destroyed = state.destroyed

    def _mark_destroyed(self):
        self._advance("destroy")

    def _take_handle(self, handle):
        """``handle`` is this socket's now; it gets the idle timer and the read buffer."""
        self._handle = self._sink = handle
        handle.timer = self._timeout_timer
        if self._onread is not None:
            self._next_onread_buffer()

    def _next_onread_buffer(self):
        """Ask ``onread.buffer()`` for the buffer to read into next, as Node does
        when the handle is made and after each callback; the handle reads into it."""
        onread = self._onread
        if onread is None:
            return
        if onread[2] is not None:
            buffer = onread[2]()
            if isinstance(buffer, (bytearray, memoryview)):
                onread[0] = buffer
        if self._handle is not None:
            self._handle.buffer = onread[0]

    # ------------------------------------------------------------------
    # what the handle reports (Node's onStreamRead)

    def _on_handle_read_into(self, nread, buffer):
        onread = self._onread
        if _arity.call(onread[1], onread[3], (nread, buffer)) is False and self._handle is not None:
            self._handle.readStop()
        self._next_onread_buffer()

    def _on_handle_eof(self):
        if not self._rs.end_emitted:
            self.push(None)
            self.read(0)

    def _on_handle_error(self, err):
        self.destroy(err)

    # ------------------------------------------------------------------
    # reading

    def _read(self):
        handle = self._handle
        if self._state is S.CONNECTING or handle is None:
            self.once("connect", self._read)
        elif not handle.reading:
            handle.readStart()

    def _onread_reading(self, start):
        """With ``onread``, pause/resume/read start and stop the handle itself."""
        handle = self._handle
        if self._onread is not None and handle is not None and self._state is not S.CONNECTING \
                and handle.reading is not start:
            handle.readStart() if start else handle.readStop()

    def pause(self):
        """Node's ``socket.pause()``: no more 'data' until ``resume()``."""
        if self._onread is not None:
            self._onread_reading(False)
        return Duplex.pause(self)

    def resume(self):
        """Node's ``socket.resume()``."""
        if self._onread is not None:
            self._onread_reading(True)
        return Duplex.resume(self)

    def read(self, n=None):
        if self._onread is not None:
            self._onread_reading(True)
        return Duplex.read(self, n)

    # ------------------------------------------------------------------
    # writing

    def _write_after_end(self, chunk, encoding, cb):
        # Node's writeAfterFIN: once the peer's FIN has ended a socket that is
        # not half-open, a write gets EPIPE, whatever its data.
        if not self._rs.end_emitted or self.allowHalfOpen:
            return Duplex._write_after_end(self, chunk, encoding, cb)
        if callable(encoding) and not isinstance(encoding, str):
            cb = encoding
        err = errors.ended_by_peer_error()
        if callable(cb):
            nextTick(cb, err)
        self.destroy(err)
        return False

    def _write(self, data, cb):
        if self._state is S.CONNECTING or self._reconnecting:
            self._pending_data = data

            def on_close(*_):
                cb(errors.ERR_SOCKET_CLOSED_BEFORE_CONNECTION())

            def on_connect():
                self.removeListener("close", on_close)
                self._write(data, cb)

            self.once("connect", on_connect)
            self.once("close", on_close)
            return
        self._pending_data = None
        handle = self._handle
        if handle is None:
            cb(errors.ERR_SOCKET_CLOSED())
            return
        handle.write(data, cb)

    def _writev(self, chunks, cb):
        self._write(b"".join(chunks), cb)

    def _final(self, cb):
        if self._state is S.CONNECTING or self._handle is None and self._state is S.PENDING:
            self.once("connect", lambda: self._final(cb))
            return
        if self._handle is None:
            cb()
            return
        self._handle.shutdown(cb)

    # ------------------------------------------------------------------
    # destroy and close

    def _destroy(self, err, cb):
        if self._timeout_timer is not None:
            self._clear_timeout()
        handle = self._handle
        if handle is not None:
            # Node has a handle from connect() on, during the lookup too: its
            # 'close' comes from the handle's close, with hadError.
            self._handle = self._sink = None
            self._bytes_read, self._bytes_written = handle.bytes_read, handle.bytes_written
            handle.close(self._on_close, err is not None, reset=self._reset_on_close)
            cb(err)
        else:
            # Never had a connection: Node emits 'close' with no argument;
            # hadError is then None (compat: socket/destroy_before_connect_without_error).
            cb(err)
            queue_tick(self._on_close, None)
        if self._server is not None:
            self._server._connection_ended(self)

    def _on_close(self, had_error):
        self._advance("close")
        monitoring.publish(monitoring.ConnectionClosed, self, self._server, had_error)
        self.emit("close", had_error)

    def _on_end_emitted(self):
        self._advance("end_emitted")

    def _finish(self):
        self._advance("finish_emitted")
        Duplex._finish(self)

    def resetAndDestroy(self):
        """Node v20's ``socket.resetAndDestroy()``: close with a TCP RST."""
        handle = self._handle
        if handle is None:
            self.destroy(errors.ERR_SOCKET_CLOSED())
        elif not handle.is_tcp:
            raise errors.ERR_INVALID_HANDLE_TYPE()
        elif self._state is S.CONNECTING:
            self.once("connect", self._reset)
        else:
            self._reset()
        return self

    def _reset(self):
        self._reset_on_close = True
        self.destroy()

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
        ``connect(options[, cb])``; also to reconnect after 'close'. Returns the socket.

        https://nodejs.org/docs/latest-v20.x/api/net.html#socketconnect
        """
        opts, cb = _options.normalize_connect_args(args, kwargs)
        return self._connect(opts, cb)

    def _connect(self, opts, cb):
        if cb is not None:
            self.once("connect", cb)
        opts = _options.validate_connect_options(opts)
        if self._state is S.CONNECTING:
            if self._connect_direct and opts.get("path") is None and isIP(opts.get("host")):
                # Node connects the same handle again on the next tick, after the
                # first connect (to an address, no lookup) has started: libuv
                # refuses a second connect in flight (compat:
                # socket/connect_again_while_connecting).
                queue_tick(self._connect_already, opts)
            return self
        if self._state.connected and not self._destroyed and self._handle is not None \
                and self._handle.sock is not None:
            # Connected already: Node's connect on the connected handle completes
            # on the next turn, and 'connect' comes again for the same connection
            # (compat: socket/connect_again_while_connected).
            self._reconnecting = True
            self._sink = None           # writes wait for that 'connect', as Node's do
            setImmediate(self._handle.post, self._connected_again)
            return self
        if self._destroyed or self._state is S.CLOSED:
            self._undestroy()
        self._advance("connect")
        self._connect_direct = opts.get("path") is not None or bool(isIP(opts.get("host")))
        # As Node's connect(): the handle exists from here on, during the
        # lookup too; its descriptor is opened for each attempt (_open_handle).
        self._take_handle(self._handle_class(self, family=_socket.AF_UNIX if opts.get("path") is not None else None,
                                       ref=self._ref))
        # A custom lookup is called now; the connect itself runs in the socket's
        # connect greenlet and completes on a later turn (gnet/net/connect.py).
        _connect.start(self, opts)
        return self

    def _connect_already(self, opts):
        """The second connect() of a connect in flight fails as libuv's does
        (with the local address in the message once the descriptor exists)."""
        if not self._state.connecting:
            return
        local = None
        handle = self._handle
        if handle is not None and handle.sock is not None:
            try:
                local = "%s:%s" % handle.sock.getsockname()[:2]
            except OSError:
                pass
        self.destroy(errors.system_error(_errno.EALREADY, "connect", opts.get("host"), opts.get("port"),
                                         local=local))

    def _connected_again(self):
        self._reconnecting = False
        if self._destroyed:
            return
        self._sink = self._handle
        self.emit("connect")
        self.emit("ready")

    def _open_handle(self, family):
        """A handle with a new descriptor of ``family`` for a connect attempt
        (net.js internalConnect); a previous attempt's handle is closed."""
        handle = self._handle
        if handle.sock is not None:
            handle.close()
            handle = self._handle_class(self, ref=self._ref)
            self._take_handle(handle)
        handle.open(family)
        return handle

    def _undestroy(self):
        """A destroyed socket may connect again (Node's ``_undestroy``)."""
        Duplex._undestroy(self)
        self._peername = None
        self._sockname = None

    def _after_connect(self):
        if self._destroyed:
            return
        self._advance("connected")
        self._sockname = None
        self._peername = None
        if self._timeout_timer is not None:
            self._timeout_timer.touch()
        if self._no_delay:
            self._handle.setNoDelay(True)
        if self._keep_alive:
            self._handle.setKeepAlive(True, self._keep_alive_delay)
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
        if not (msecs.__class__ is int and 0 <= msecs <= _options.TIMEOUT_MAX
                and (callback is None or callable(callback))):
            # (The common case, a whole number of ms in range, is valid as it is.)
            msecs, callback = _options.validate_set_timeout(msecs, callback)
        self._clear_timeout()
        if msecs == 0:
            if callback is not None:
                self.removeListener("timeout", callback)
        else:
            self._timeout_timer = _timers.IdleTimeout(msecs, self.emit, "timeout", context=self._context)
            if self._handle is not None:
                self._handle.timer = self._timeout_timer
            if callback is not None:
                self.once("timeout", callback)
        return self

    def _clear_timeout(self):
        timer = self._timeout_timer
        if timer is not None:
            self._timeout_timer = None
            timer.close()
            if self._handle is not None:
                self._handle.timer = None

    def setNoDelay(self, noDelay=None):
        """Disable (default) or enable Nagle's algorithm."""
        enable = True if noDelay is None else js_truthy(noDelay)
        if self._handle is None:
            self._no_delay = enable
        elif enable != self._no_delay:
            self._no_delay = enable
            self._handle.setNoDelay(enable)
        return self

    def setKeepAlive(self, enable=_options.MISSING, initialDelay=_options.MISSING):
        """Enable TCP keep-alive, the first probe after ``initialDelay`` ms."""
        enable, delay = _options.normalize_keep_alive_args(enable, initialDelay)
        if self._handle is None:
            self._keep_alive = enable
            self._keep_alive_delay = delay
        elif enable != self._keep_alive or (enable and self._keep_alive_delay != delay):
            self._keep_alive = enable
            self._keep_alive_delay = delay
            self._handle.setKeepAlive(enable, delay)
        return self

    def ref(self):
        """Keep the loop alive while this socket has work (the default)."""
        self._ref = True
        if self._handle is not None:
            self._handle.ref()
        return self

    def unref(self):
        """Let the loop end even while this socket is open."""
        self._ref = False
        if self._handle is not None:
            self._handle.unref()
        return self

    # ------------------------------------------------------------------
    # addresses and figures

    def address(self):
        """``{'address', 'family', 'port'}`` of the local end, as Node's; ``{}`` without one."""
        if self._handle is None:
            return {}
        if self._sockname is None:
            name = self._handle.getsockname()
            if not name:
                return {}
            self._sockname = name
        return dict(self._sockname)

    def _peer(self):
        if self._peername is None:
            if self._handle is None or self._state is S.CONNECTING:
                return {}
            name = self._handle.getpeername()
            if not name:
                return {}
            self._peername = name
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
        handle = self._handle
        return handle.bytes_read if handle is not None else self._bytes_read

    @property
    def bytesWritten(self):
        """Bytes handed to the handle, plus those still buffered, as Node counts."""
        handle, pending = self._handle, self._pending_data
        return ((handle.bytes_written if handle is not None else self._bytes_written)
                + sum(len(c) for c, _, _ in self._ws.buffered) + (len(pending) if pending else 0))

    @property
    def bufferSize(self):
        return self.writableLength if self._handle is not None else None

    @property
    def connecting(self):
        return self._state.connecting or self._reconnecting

    @property
    def pending(self):
        return not self._state.connected

    @property
    def readyState(self):
        # Node reads its stream flags here, not the connection's state: a socket
        # that has called end() is 'readOnly' before its 'finish'.
        if self._state.connecting or self._reconnecting:
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


def createConnection(*args, **kwargs):
    """Node's ``net.createConnection``: a new ``Socket``, connecting (``connect`` is the same function).

    https://nodejs.org/docs/latest-v20.x/api/net.html#netcreateconnection

    Forms: ``(port[, host][, connectListener])``, ``(path[, connectListener])``,
    ``(options[, connectListener])``; options as a dict and/or keywords in
    either spelling (``port``, ``host``, ``path``, ``localAddress``, ``family``,
    ``lookup``, ``timeout``, ``allowHalfOpen``, ``noDelay``, ``keepAlive``, ...).
    """
    opts, cb = _options.normalize_connect_args(args, kwargs)
    sock = Socket(opts)
    if _options.js_truthy(opts.get("timeout")):
        sock.setTimeout(opts["timeout"])
    return sock.connect(opts, cb) if cb is not None else sock.connect(opts)


connect = createConnection
