"""A handle: one stream descriptor on gevent's loop, as libuv's ``uv_stream_t`` under Node's socket.

Theory of operation
-------------------
Node's ``net.Socket`` keeps stream semantics and talks to ``this._handle``
(a libuv ``TCPWrap`` or ``PipeWrap``) through a few calls: ``readStart``,
``readStop``, ``writeBuffer``, ``shutdown``, ``close``, ``getsockname``...
gnet draws the same line. A ``StreamHandle`` owns everything about the
descriptor: the raw non-blocking ``_socket.socket`` (the C type, which
monkey patching leaves alone; for a pipe or FIFO fd, a ``PipeFile`` with the
same calls), its two libev io watchers and their ready
flags, the kernel write queue, ``recv``/``send``/``shutdown``/``close``, the
steps of a non-blocking connect, and its place in the loop's service. A
``Socket`` (gnet/net/socket.py) never touches the descriptor.

Served by the loop (gnet/eventloop/loop.py, ``Served``): no greenlet belongs to a
connection. A watcher's callback (in the hub) sets a ready flag and queues
the handle for the loop's service; after every watcher of the turn has run,
one service greenlet calls ``serve``, which runs, in order, the handle's
mail (request completions, posted with ``post``), the reads the kernel has,
and the writes it can take now, until nothing is left (reads first, as
libuv's ``uv__stream_io``: a peer's reset met while writing is reported by
the read, as in Node). While it
runs, ``serving`` is that greenlet. If a listener blocks, the handle stays
with its greenlet: a watcher that fires meanwhile stops (so the loop does not
spin) and leaves its flag set, and ``serve`` goes on when the listener
returns. A blocking listener holds up its own connection and nothing else.

Connecting runs in a greenlet of the socket's own (gnet/net/connect.py):
``connect`` starts a non-blocking connect and *parks* that greenlet in the
hub (``parked``) until the write watcher says it completed; the loop's
service switches to a parked greenlet in its place in the queue. That
greenlet keeps serving the handle (``serving``) until the socket has
emitted 'connect' and calls ``serve`` once, after which it ends.

What Node's ``onStreamRead`` does on the handle's side, the handle does
too: it counts ``bytes_read`` (Node's ``handle.bytesRead``), refreshes the
idle ``timer`` its socket gave it (Node's ``kUpdateTimer``; writes refresh
it as well), hands the bytes to ``owner.push(data)`` (the stream's own
method: Readable's flowing fast case emits 'data' at once) and stops
reading when ``push`` says the buffer is full. Otherwise the owner (the
socket) hears from its handle through three methods:

- ``_on_handle_read_into(nread, buffer)``: with a read buffer set (``buffer``,
  Node's ``onread`` option), ``nread`` bytes were read into it;
- ``_on_handle_eof()``: the peer will send nothing more;
- ``_on_handle_error(err)``: reading failed; ``err`` is a ready Node error.

Requests complete through the callback they were made with: ``write(data,
cb)`` calls ``cb(None)`` at once when the kernel takes the whole of it, else
once the queue has sent it, or ``cb(err)``; ``shutdown(cb)`` after the queued
writes; ``close(callback, *args)`` runs the callback in the loop's close
phase, as libuv's close callback.

A second kind of handle (TLS) keeps this surface and overrides the steps
that touch the kernel: ``_read`` (it may have decrypted bytes ready when the
descriptor is not readable, and may need to write while reading: it sets
``_read_ready`` and queues itself with ``_queue``), ``try_write``/``write``/
``_flush_writes`` (records, not bytes), ``shutdown`` (close_notify), and it
reports its own errors, which are not ``OSError``, through
``_on_handle_error`` as a ready error object.
"""

import errno as _errno
import os
import stat

import _socket
from greenlet import getcurrent

from gnet.js import errors
from gnet.eventloop import loop as _loop
from gnet.eventloop.loop import Served
from gnet.net.addresses import address_dict

__all__ = ["StreamHandle", "PipeFile", "socket_from_fd", "READ_SIZE", "READS_PER_WAKEUP"]

#: Bytes asked of the kernel per read, as libuv's 64 KiB.
READ_SIZE = 65536
#: Full-buffer reads of one handle per turn; then the others are served and the
#: read watcher, still started, brings it back next turn.
READS_PER_WAKEUP = 16
#: ``struct linger {l_onoff=1, l_linger=0}``: close() sends RST (Node's resetAndDestroy).
_LINGER_RESET = b"\x01\x00\x00\x00\x00\x00\x00\x00"
_IN_FLIGHT = (0, _errno.EINPROGRESS, _errno.EAGAIN, _errno.EWOULDBLOCK)


class StreamHandle(Served):
    """A connected (or connecting) TCP or Unix stream descriptor and its watchers."""

    __slots__ = (
        "owner", "sock", "family", "_gloop",
        "_rwatch", "_wwatch", "_rw_on", "_ww_on", "_read_ready", "_write_ready",
        "reading", "eof", "buffer", "timer", "bytes_read", "bytes_written", "_connecting", "_abandoned",
        "_wqueue", "_shutdown_cb", "_write_error", "_mail", "_wake_scheduled", "_ref",
    )

    def __init__(self, owner, sock=None, family=None, ref=True):
        self.owner = owner
        self._gloop = _loop.get_loop()
        self._ref = ref
        self.sock = None
        #: The descriptor's address family; before ``open``, ``AF_UNIX`` for a
        #: pipe and ``None`` for TCP (Node's Pipe and TCP handles).
        self.family = family
        self._rwatch = None
        self._wwatch = None             # made when first needed: most handles never wait to write
        self._rw_on = self._ww_on = False   # mirror the watchers' state, read per message
        self._read_ready = self._write_ready = False
        #: Node's ``handle.reading``: the socket wants data from the kernel.
        self.reading = False
        #: The kernel said EOF (or reading failed): read no more.
        self.eof = False
        #: A buffer to read into (Node's ``onread``), else ``None``: reads make ``bytes``.
        self.buffer = None
        #: The owner's idle timer (``eventloop.timers.IdleTimeout``) that reads
        #: and writes refresh, else ``None`` (Node's ``kUpdateTimer``).
        self.timer = None
        #: Bytes read from this handle (Node's ``handle.bytesRead``).
        self.bytes_read = 0
        #: Bytes handed to this handle to write, sent or queued (Node's ``_bytesDispatched``).
        self.bytes_written = 0
        self._connecting = False        # a non-blocking connect in flight
        self._abandoned = False         # ... and given up (autoSelectFamily's attempt timeout)
        self._wqueue = None             # [[memoryview, cb], ...] the kernel has not taken yet
        self._shutdown_cb = None        # a shutdown waiting for the write queue to empty
        self._write_error = None        # what a failed try_write met, for the write that follows
        self._mail = None               # [(fn, args), ...] to run when next served
        self._wake_scheduled = False
        Served.__init__(self)           # queued, parked, serving
        if sock is not None:
            self.open(sock)

    def open(self, sock):
        """Attach a descriptor: a connected socket object (accepted, or from an
        fd), or an address family to make a new one of, to connect."""
        if isinstance(sock, int):
            sock = _socket.socket(sock, _socket.SOCK_STREAM)
        sock.setblocking(False)
        self.sock = sock
        self.family = sock.family
        self._rwatch = self._gloop.hub.loop.io(sock.fileno(), 1, ref=self._ref)

    # ------------------------------------------------------------------
    # the loop's service

    def serve(self, me, ticks):
        """Serve what is pending, in greenlet ``me``: mail, then reads, then
        writes the kernel can take, until nothing is left; then set the
        watchers to match. If a listener blocks, the handle stays with ``me``."""
        self.serving = me
        me.gr_context = self.owner._context
        dispatch = _loop.dispatch
        try:
            while self.sock is not None and self.serving is me:
                if self._mail:
                    fn, fn_args = self._mail.pop(0)
                    dispatch(fn, fn_args, ticks)
                elif self._read_ready:
                    self._read_ready = False
                    if self.reading and not self.eof:
                        self._read(ticks)
                elif self._write_ready:
                    self._write_ready = False
                    if self._wqueue or self._shutdown_cb is not None:
                        dispatch(self._flush_writes, (), ticks)
                else:
                    break
        finally:
            if self.serving is me:
                self.serving = None
                # The usual end of a turn: reading, the read watcher on, nothing
                # to write. Anything else has the watchers set to match.
                if not (self._rw_on and self.reading and not self.eof and not self._wqueue
                        and not self._ww_on and not self._connecting):
                    self._sync_watchers()

    def killed(self, ticks):
        """The greenlet serving this handle was killed (``gevent.kill``) while
        a listener blocked: the socket is destroyed with Node's ``AbortError``,
        as a stream whose work is aborted from outside is (``addAbortSignal``),
        after the nextTicks the greenlet left. Nothing else is served by that
        greenlet, so no other connection notices."""
        owner = self.owner
        _loop.carry_on(ticks, owner._context, owner._on_handle_error, errors.AbortError())

    def _sync_watchers(self):
        """Start or stop each watcher to match what the handle waits for."""
        if self.sock is None:
            return
        if self._wants_read():
            if not self._rw_on:
                self._rwatch.start(self._on_read_ready)
                self._rw_on = True
        elif self._rw_on:
            self._rwatch.stop()
            self._rw_on = False
        if self._wqueue or self._connecting:
            if not self._ww_on:
                if self._wwatch is None:
                    self._wwatch = self._gloop.hub.loop.io(self.sock.fileno(), 2, ref=self._ref)
                self._wwatch.start(self._on_write_ready)
                self._ww_on = True
        elif self._ww_on:
            self._wwatch.stop()
            self._ww_on = False

    def _wants_read(self):
        """Whether the read watcher should be on (a TLS handle also reads
        during its handshake)."""
        return self.reading and not self.eof

    def _idle(self):
        """No greenlet is busy with this handle (or the one that is, is parked):
        a change of what it waits for is applied to the watchers now."""
        return self.serving is None or self.parked is not None

    def _on_read_ready(self):
        self._read_ready = True
        if self.serving is None or self.parked is not None:
            if not self.queued:             # the loop's serve_soon, inlined: once per message
                self.queued = True
                self._gloop.ready.append(self)
        else:
            # Its greenlet is busy (a listener blocked): stop the watcher so the
            # loop does not spin; the greenlet sets it again when done.
            self._rwatch.stop()
            self._rw_on = False

    def _on_write_ready(self):
        self._write_ready = True
        if self._idle():
            self._gloop.serve_soon(self)
        else:
            self._wwatch.stop()
            self._ww_on = False

    def post(self, fn, *args):
        """Run ``fn(*args)`` when the handle is next served, as libuv completes a request."""
        if self._mail is None:
            self._mail = []
        self._mail.append((fn, args))
        current = getcurrent()
        if current is self.serving:
            return                      # read before that greenlet lets go (``serve``)
        if current is self._gloop.hub:
            # From an I/O watcher's callback (the server's accept): the
            # service check serves it after this turn's I/O, in order.
            self._gloop.serve_soon(self)
        else:
            self._schedule_wake()

    def _schedule_wake(self):
        if not self._wake_scheduled:
            self._wake_scheduled = True
            self._gloop.hub.loop.run_callback(self._wake)

    def _wake(self):
        self._wake_scheduled = False
        if self.parked is not None:
            self.parked.switch()
        elif self.serving is None and self.sock is not None and self._mail:
            self._gloop.serve_now(self)

    # ------------------------------------------------------------------
    # reading

    def readStart(self):
        """Read from the kernel until ``readStop()`` (Node's ``handle.readStart``)."""
        self.reading = True
        if self.serving is None or self.parked is not None:     # _idle()
            self._sync_watchers()

    def readStop(self):
        """Stop reading from the kernel (Node's ``handle.readStop``)."""
        self.reading = False
        if self.serving is None or self.parked is not None:     # _idle()
            self._sync_watchers()

    def _read(self, ticks):
        """What the kernel has, to the owner: each read is a macrotask (its
        nextTicks run after it), as Node's ``onStreamRead``."""
        if self.buffer is not None:
            return self._read_into(ticks)
        sock = self.sock
        owner = self.owner
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
                self._read_failed(errors.system_error(exc, "read"), ticks)
                return
            if not data:
                self.eof = True
                self.reading = False
                _loop.dispatch(owner._on_handle_eof, (), ticks)
                return
            self.bytes_read += len(data)
            if self.timer is not None:
                self.timer.touch()
            # _loop.dispatch, inlined: it runs once per message.
            try:
                if not owner.push(data) and self.sock is sock:
                    self.readStop()
            except _loop.PASS_THROUGH:
                raise
            except BaseException as exc:  # noqa: B902 - Node's uncaught path, as dispatch
                _loop.report(exc)
            if ticks:
                _loop.drain_ticks(ticks)
            if len(data) < READ_SIZE or not self.reading or self.sock is not sock:
                return
            budget -= 1
            if not budget:
                # Read budget spent with more to come: the watcher, still
                # started, has the handle served again next turn, after the others.
                return

    def _read_into(self, ticks):
        buffer = self.buffer
        try:
            n = self.sock.recv_into(buffer)
        except BlockingIOError:
            return
        except InterruptedError:
            self._read_ready = True
            return
        except OSError as exc:
            self._read_failed(errors.system_error(exc, "read"), ticks)
            return
        if n == 0:
            self.eof = True
            self.reading = False
            _loop.dispatch(self.owner._on_handle_eof, (), ticks)
            return
        self.bytes_read += n
        if self.timer is not None:
            self.timer.touch()
        _loop.dispatch(self.owner._on_handle_read_into, (n, buffer), ticks)

    def _read_failed(self, err, ticks):
        self.eof = True
        self.reading = False
        _loop.dispatch(self.owner._on_handle_error, (err,), ticks)

    # ------------------------------------------------------------------
    # writing

    def try_write(self, data):
        """libuv's ``uv_try_write``: the bytes of ``data`` the kernel took at
        once; 0 while writes are queued or a connect is in flight, when it took
        none, or on an error (which ``write`` meets again and reports). The
        socket's stream offers it every write to an idle socket (``_sink``)."""
        if self._wqueue or self._connecting or self.sock is None:
            return 0
        try:
            sent = self.sock.send(data)
        except (BlockingIOError, InterruptedError):
            return 0
        except OSError as exc:
            # Kept for the write that follows: the kernel reports a pending
            # error once (a peer's reset is ECONNRESET, then EPIPE), and Node
            # reports what its own try-write met (compat: faults/peer_reset_during_listener_then_write).
            self._write_error = exc
            return 0
        self.bytes_written += sent
        if sent and self.timer is not None:
            self.timer.touch()
        return sent

    def write(self, data, cb):
        """Node's ``writeBuffer``: send what the kernel takes now and queue the
        rest. ``cb(None)`` runs at once when the kernel took it whole, else
        when the queue has sent it; ``cb(err)`` when the write failed."""
        self.bytes_written += len(data)
        if self.timer is not None:
            self.timer.touch()
        self._send(data, cb)

    def _send(self, data, cb):
        """Send ``data`` now if nothing is queued, and queue what the kernel did
        not take; ``cb`` as ``write``'s (a TLS handle sends its records so)."""
        queue = self._wqueue
        if not queue:
            try:
                exc, self._write_error = self._write_error, None
                if exc is not None:
                    raise exc
                sent = self.sock.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                cb(errors.system_error(exc, "write"))
                return
            if sent == len(data):
                cb(None)
                return
            data = memoryview(data)[sent:]
            if queue is None:
                queue = self._wqueue = []
        else:
            data = memoryview(data)
        queue.append([data, cb])
        if self._idle():
            self._sync_watchers()

    def _flush_writes(self):
        sock = self.sock
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
                failed[0][1](err)
                return
            if self.timer is not None:
                self.timer.touch()
            if sent < len(data):
                entry[0] = data[sent:]
                return
            queue.pop(0)
            entry[1](None)
            if self.sock is not sock:
                return
        if self._shutdown_cb is not None and not self._wqueue:
            # (The queue itself, not this loop's list: a callback above may
            # have queued more, and the write side shuts after it.)
            cb, self._shutdown_cb = self._shutdown_cb, None
            self._shutdown_now(cb)

    def shutdown(self, cb):
        """libuv's ``uv_shutdown``: once the queued writes are sent, end the
        writing side; ``cb()`` (or ``cb(err)``) in a later turn."""
        if self._wqueue:
            self._shutdown_cb = cb
        else:
            self._shutdown_now(cb)

    def _shutdown_now(self, cb):
        try:
            self.sock.shutdown(_socket.SHUT_WR)
        except OSError as exc:
            if exc.errno == _errno.ENOTCONN:
                cb()
            else:
                cb(errors.system_error(exc, "shutdown"))
            return
        self.post(cb)

    # ------------------------------------------------------------------
    # connecting (in the socket's connect greenlet)

    def bind(self, address):
        """Bind the descriptor (``localAddress``/``localPort``); raises ``OSError``.
        With SO_REUSEADDR, as libuv's ``uv_tcp_bind`` sets it, so a local port
        that an earlier connection left in TIME_WAIT binds, as in Node."""
        self.sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        self.sock.bind(address)

    def connect(self, address):
        """Connect to ``address``, parking the calling greenlet until done.

        Returns the errno (0: connected), or ``None`` when the handle was
        closed or the attempt abandoned meanwhile. The calling greenlet then
        holds the handle (``serving``) until it calls ``serve``.
        """
        code = self.sock.connect_ex(address)
        if code not in _IN_FLIGHT:
            return code
        me = getcurrent()
        self.serving = me
        self._connecting = True
        self._abandoned = False
        while self._connecting and self.sock is not None and not self._abandoned:
            self._park(me)
            if self._write_ready:
                self._write_ready = False
                self._connecting = False
        if self.sock is None or self._connecting or self._abandoned:
            self._connecting = False
            return None
        return self.sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)

    def abandon(self):
        """Give up the connect in flight: ``connect`` returns ``None``."""
        if self._connecting:
            self._abandoned = True
            self._schedule_wake()

    def _park(self, me):
        self._sync_watchers()
        self.parked = me
        try:
            self._gloop.hub.switch()
        finally:
            if self.parked is me:
                self.parked = None

    # ------------------------------------------------------------------
    # closing

    def close(self, callback=None, *args, reset=False):
        """libuv's ``uv_close``: stop the watchers and close the descriptor
        (with an RST when ``reset``); ``callback(*args)`` runs in the loop's
        close phase. A greenlet parked on the handle is released. A handle
        with no descriptor yet (a socket destroyed during its lookup) has
        only the callback to run. Writes the kernel had not taken complete
        just before it, each in its own callback, as libuv cancels them; their
        callbacks get ``None``, as Node's ``onWriteComplete`` reports a write
        of a destroyed socket (compat: faults/peer_reset_while_writing)."""
        sock = self.sock
        cancelled = self._wqueue if sock is not None else None
        if sock is not None:
            self._wqueue = None
            self._close_descriptor(sock, reset)
        context = self.owner._context
        if callback is not None:
            self._gloop.add_close_callback(callback, args, context)
        if cancelled:
            # The close phase runs the last one added first.
            for _, cb in reversed(cancelled):
                if cb is not None:              # a TLS handle's own record has none
                    self._gloop.add_close_callback(cb, (None,), context)

    def _close_descriptor(self, sock, reset):
        self.sock = None
        self.reading = False
        self._connecting = False
        if self._wqueue:
            self._wqueue.clear()
        for watcher in (self._rwatch, self._wwatch):
            if watcher is not None:
                watcher.stop()
                watcher.close()
        self._rwatch = self._wwatch = None
        self._rw_on = self._ww_on = False
        if reset:
            try:
                sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, _LINGER_RESET)
            except OSError:
                pass
        sock.close()
        parked, self.parked = self.parked, None
        if parked is not None:
            self._gloop.hub.loop.run_callback(parked.switch)

    # ------------------------------------------------------------------
    # the descriptor's options and addresses

    def ref(self):
        self._set_ref(True)

    def unref(self):
        self._set_ref(False)

    def _set_ref(self, ref):
        self._ref = ref
        for watcher in (self._rwatch, self._wwatch):
            if watcher is not None:
                watcher.ref = ref

    @property
    def is_tcp(self):
        return self.family != _socket.AF_UNIX

    def setNoDelay(self, enable):
        """``TCP_NODELAY`` on a TCP handle; a pipe ignores it, as libuv's."""
        if self.is_tcp and self.sock is not None:
            try:
                self.sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1 if enable else 0)
            except OSError:
                pass

    def setKeepAlive(self, enable, delay):
        """``SO_KEEPALIVE`` (and ``TCP_KEEPIDLE``, in seconds) on a TCP handle."""
        if not self.is_tcp or self.sock is None:
            return
        try:
            self.sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_KEEPALIVE, 1 if enable else 0)
            if enable and delay > 0 and hasattr(_socket, "TCP_KEEPIDLE"):
                self.sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_KEEPIDLE, delay)
        except OSError:
            pass

    def getsockname(self):
        """The local address as Node's dict; ``{}`` for a pipe or on failure."""
        return self._address("getsockname")

    def getpeername(self):
        """The remote address as Node's dict; ``{}`` for a pipe or on failure."""
        return self._address("getpeername")

    def _address(self, which):
        if self.sock is None or not self.is_tcp:
            return {}
        try:
            return address_dict(getattr(self.sock, which)(), self.family)
        except OSError:
            return {}


def socket_from_fd(fd):
    """A socket object for an fd that options.validate_socket_options found to
    be a TCP or pipe descriptor (libuv's names): a pipe or FIFO that is not a
    socket gets a ``PipeFile`` in its place."""
    if not stat.S_ISSOCK(os.fstat(fd).st_mode):
        return PipeFile(fd)
    return _socket.socket(fileno=fd)


class PipeFile:
    """A pipe or FIFO descriptor with the socket calls a handle makes:
    ``read()``/``write()`` for ``recv``/``send``, as libuv's Pipe handle
    over a descriptor that is not a socket (Node's ``new Socket({fd})``). It
    has no addresses and no socket options (``family`` is ``AF_UNIX``, so the
    handle asks for neither)."""

    family = _socket.AF_UNIX
    __slots__ = ("_fd",)

    def __init__(self, fd):
        self._fd = fd

    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        os.set_blocking(self._fd, flag)

    def recv(self, size):
        return os.read(self._fd, size)

    def recv_into(self, buffer):
        return os.readv(self._fd, [buffer])

    def send(self, data):
        return os.write(self._fd, data)

    def shutdown(self, how):
        """libuv calls shutdown() on a pipe too, which fails with ENOTSOCK, and
        Node's afterShutdown ignores the status: 'finish' comes all the same."""

    def setsockopt(self, *args):
        raise OSError(_errno.ENOTSOCK, os.strerror(_errno.ENOTSOCK))

    def close(self):
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)
