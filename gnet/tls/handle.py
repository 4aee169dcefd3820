"""``TLSHandle``: a stream handle that speaks TLS, as Node's ``TLSWrap`` in the socket's ``_handle`` slot.

Theory of operation
-------------------
A ``TLSHandle`` is a ``StreamHandle`` (gnet/net/handle.py) whose bytes pass
through OpenSSL: Python's ``ssl.SSLObject`` over two ``MemoryBIO``s, fed by
the handle's own ``recv``/``send``. The socket above sees the same seam as
over plain TCP (``readStart``/``readStop``, ``try_write``/``write``,
``shutdown``, ``close``, ``push``, ``_on_handle_eof``, ``_on_handle_error``),
plus one call up, ``_on_handle_secure()``, when the handshake is done; so a
``TLSSocket`` is a ``gnet.Socket`` and none of its code checks for TLS.
What the handle hears from inside OpenSSL's handshake, and the pauses of
the handshake, are ``HandshakeHooks`` (gnet/tls/handshake.py); the points
below say when each runs.

Why memory BIOs and not a non-blocking ``SSLSocket`` on the descriptor: the
handle keeps owning the descriptor, its watchers and its write queue (one
owner, as the handle layer wants), and records go out through the same
queue as plain bytes, so backpressure, ``writableLength`` and the idle timer
behave as over TCP. The cost is one copy of the ciphertext into the BIO.

- Reading: the kernel is read while the socket wants data (``reading``) or
  the handshake is in progress (the handshake must move even when the socket
  is paused). What arrives goes into the incoming BIO; then the handshake is
  driven, or plaintext is read out and pushed to the socket. Plaintext that
  OpenSSL still holds when the socket pauses stays there; ``readStart``
  queues the handle to deliver it, since the descriptor may never become
  readable again for it.
- Writing: plaintext is encrypted by ``SSLObject.write`` and the records
  (from the outgoing BIO) are sent or queued with the write's callback, so a
  write completes when its records are in the kernel, as with ``TLSWrap``.
  Writes made before the handshake is done wait in ``_plain_queue``, as
  Node's pending cleartext input; so do writes that meet a renegotiation
  (``SSLWantReadError``), and every write after them, until a read has moved
  the new handshake on (``_retry_plain``, after each read of plaintext).
- One send per read: while the plaintext of one read is handed up record by
  record (``_read_plain``), a write made from a listener leaves its records
  in the outgoing BIO as long as more plaintext of that read follows; the
  write at the last record (or the flush after the loop) sends them all at
  once: one ``send`` per 64 KiB echoed instead of four. A listener that
  blocks (``gevent.sleep``, a database call) must not keep the replies to
  earlier records waiting: the first record left behind schedules
  ``_send_deferred`` on the hub, which runs as soon as anything switches to
  it. ``close()`` sends what is left once, as the immediate send would have.
  The same holds for what a server's handshake leaves (TLS 1.3 session
  tickets) when the client's first data came with its Finished: the
  tickets go with the answer to it, in one segment, as Node's do (sent
  apart, the answer waits behind them for the client's delayed ACK).
- Shutdown: one ``SSL_shutdown`` (gnet/tls/_openssl/) puts close_notify
  after the queued records, then the TCP write side is shut, as Node's
  ``end()`` over TLS. Nothing is read there: records of the peer's still
  in the incoming BIO (read with the handshake's last message, or left by
  a pause) are its data, delivered afterwards (``SSLObject.unwrap()``
  would read them looking for close_notify and fail the session).
  Reading goes on until the peer's close_notify (``SSLZeroReturnError``) or
  its FIN; a FIN without close_notify ends the stream as well (Node does not
  fail a connection for it either).
- ``bytes_read``/``bytes_written`` count plaintext, as a ``TLSSocket``'s
  ``bytesRead``/``bytesWritten`` do in Node.
- Sessions: once watched (``watch_sessions``), the new sessions OpenSSL makes
  are collected inside OpenSSL (gnet/tls/_openssl/) and handed to the owner's
  ``_on_handle_sessions(batch)`` when the step that made them returns: before
  ``_on_handle_secure`` for those of the handshake, and after each read of
  plaintext, before that plaintext is pushed, for later ones (TLS 1.3
  tickets), which is where Node's callback fires inside ``SSL_read``. The
  owner may ``hold_handshake()``: the handshake's last records stay unsent and
  ``_on_handle_secure`` waits until ``release_handshake()`` (a server's
  'newSession' callback, as Node's ``awaiting_new_session``).
- Renegotiation (TLS 1.2): once the first handshake is done, OpenSSL's info
  callback collects the start and end of each later handshake
  (gnet/tls/_openssl/), handed to the owner's ``_on_handle_handshakes(batch)``
  after the read (or write) that made them, before the plaintext that read
  returned, where Node's ``onhandshakestart``/``onhandshakedone`` fire.
  ``renegotiate()`` starts one from this end (``SSL_renegotiate``) and sends
  its first message at once (a client's ClientHello, a server's
  HelloRequest); the reads of plaintext move it on from there, as they move
  one the peer starts.
- TLS-PSK (``watch_psk``): OpenSSL's PSK callbacks call the owner's exchange
  inside the handshake (Node calls ``pskCallback`` there too, and OpenSSL
  needs the key before it goes on); what it raises is kept and, once the step
  returns, is the owner's ``_on_handle_psk_error(err)`` instead of what
  OpenSSL made of the missing key, and nothing that step made is sent.
- OCSP stapling (gnet/tls/_openssl/ocsp.py): a client that asks
  (``watch_ocsp``) has the response OpenSSL read (or ``None``) handed to the
  owner's ``_on_handle_ocsp(batch)`` when the step that read it returns,
  before ``_on_handle_secure``. A server's handshake pauses at OpenSSL's
  certificate callback (``enable_cert_cb``: ``SSL_ERROR_WANT_X509_LOOKUP``)
  and the owner hears of it (``_on_handle_cert_cb``), as Node's ``oncertcb``;
  ``cert_cb_done(response)`` goes on: once the owner returns when called
  while it hears of the pause, else at once (the server's flight is sent
  before it returns, as Node's ``certCbDone`` cycles OpenSSL).
- The ClientHello parser (``start_hello_parser``): what arrives stays out of
  OpenSSL until the first record is read (gnet/tls/clienthello.py) and the
  owner's ``_on_handle_client_hello(hello)`` has called ``end_hello_parser``
  (at once or later, with the session to resume: Node's 'resumeSession').
"""

import ssl

from greenlet import getcurrent

from gnet.eventloop import loop as _loop
from gnet.js import errors
from gnet.net.handle import READ_SIZE, READS_PER_WAKEUP, StreamHandle
from gnet.tls import _openssl
from gnet.tls import clienthello as _clienthello
from gnet.tls import errors as _tls_errors
from gnet.tls.handshake import HandshakeHooks, _nop

__all__ = ["TLSHandle"]

#: The most plaintext one TLS record holds (2**14, TLS 1.2 and 1.3): what one
#: ``SSLObject.read`` returns at most. Asking for more makes Python allocate
#: the larger buffer and shrink it on every read (about 5% of a 64 KiB echo).
RECORD_SIZE = 16384

HANDSHAKING, OPEN, ENDED = 0, 1, 2


class TLSHandle(HandshakeHooks, StreamHandle):
    """A TCP (or Unix) descriptor with an OpenSSL session on it."""

    __slots__ = ("ssl", "_sslc", "_bio_in", "_bio_out", "_tls_state", "_plain_queue", "_tls_shutdown_cb",
                 "_shutting_down", "keylog", "_keylog_key", "sessions", "_sessions_key", "_hello",
                 "_hello_waiting", "_hello_ticks", "_holds", "_trace_key", "handshakes", "_handshakes_key",
                 "_batching", "_deferred", "psk_errors", "_psk_key", "ocsp", "_ocsp_key", "_cert_cb_key",
                 "_in_cert_cb", "_cert_cb_told")

    def __init__(self, owner, sock=None, family=None, ref=True):
        self.ssl = None
        #: ``self.ssl._sslobj``: the C object whose ``read``/``write``/``pending``
        #: ``ssl.SSLObject``'s own methods only forward to (one Python call less
        #: each, three per message).
        self._sslc = None
        self._bio_in = ssl.MemoryBIO()
        self._bio_out = ssl.MemoryBIO()
        self._tls_state = HANDSHAKING
        self._plain_queue = None          # [(data, cb), ...] waiting for the handshake (or a renegotiation)
        self._tls_shutdown_cb = None      # a shutdown asked for before the handshake was done
        self._shutting_down = False
        #: Key log lines OpenSSL wrote during the last step, for 'keylog' (or None).
        self.keylog = None
        self._keylog_key = None
        #: New sessions OpenSSL made during the last step, ``[(id, der)]`` (or None).
        self.sessions = None
        self._sessions_key = None
        self._hello = None                # the ClientHello parser's bytes, while it runs
        self._hello_waiting = False       # the owner has the hello and has not ended the parser
        self._hello_ticks = None          # while the owner is told of the hello: the serving ticks
        self._holds = 0                   # hold_handshake() calls not yet released
        self._trace_key = None            # enable_trace()'s, while OpenSSL traces
        #: Starts and ends of handshakes after the first (TLS 1.2 renegotiation),
        #: ``[HANDSHAKE_START | HANDSHAKE_DONE]``, collected inside OpenSSL (or None).
        self.handshakes = None
        self._handshakes_key = None
        self._batching = False            # handing up the plaintext of one read (_read_plain)
        self._deferred = False            # records left in the outgoing BIO, _send_deferred scheduled
        #: What the PSK exchange raised inside OpenSSL during the last step (or None).
        self.psk_errors = None
        self._psk_key = None
        #: A client's stapled OCSP responses read during the last step (or None).
        self.ocsp = None
        self._ocsp_key = None
        self._cert_cb_key = None          # enable_cert_cb()'s, until the handle closes
        self._in_cert_cb = False          # the owner is hearing of the paused handshake
        self._cert_cb_told = False        # the owner heard of it (once per connection, as Node's)
        StreamHandle.__init__(self, owner, sock, family, ref)

    # ------------------------------------------------------------------
    # the session

    def start_tls(self, context, server_side, server_hostname=None, session=None):
        """Attach an OpenSSL session made from ``context`` (an ``ssl.SSLContext``);
        a client sends ``server_hostname`` as Node sends its servername (any
        string, as it is: Python's own refuses some and IDNA-encodes others)."""
        self.ssl = context.wrap_bio(self._bio_in, self._bio_out, server_side=server_side, session=session)
        if server_hostname and not server_side:
            _openssl.set_host_name(self.ssl, server_hostname)
        self._sslc = self.ssl._sslobj
        if self.sock is not None and self._idle():
            self._sync_watchers()
        return self.ssl

    def close(self, callback=None, *args, reset=False):
        self._unwatch()
        if self._deferred and not reset and self.sock is not None and not self._wqueue and self._bio_out.pending:
            # Records a write left for the end of the read: one try, as the
            # write would have made at once (what the kernel refuses is
            # dropped with the rest of the queue).
            try:
                self.sock.send(self._bio_out.read())
            except OSError:
                pass
        StreamHandle.close(self, callback, *args, reset=reset)

    @property
    def secure(self):
        """The handshake is done (and the session not ended)."""
        return self._tls_state == OPEN

    def start_handshake(self):
        """A client's first flight (ClientHello), sent now."""
        try:
            self.ssl.do_handshake()
        except ssl.SSLWantReadError:
            pass
        if self.psk_errors:
            self._psk_failed(None)      # a TLS 1.3 ClientHello's PSK
            return
        self._flush_out()

    # ------------------------------------------------------------------
    # the loop's service: the kernel is read for the handshake too

    def _wants_read(self):
        return (not self.eof and self.ssl is not None
                and (self.reading or self._tls_state == HANDSHAKING))

    def serve(self, me, ticks):
        # As StreamHandle.serve: in the socket's context, reads before writes
        # (a reset is reported by the read, as libuv does).
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
                    if self.ssl is not None:
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
                # As StreamHandle.serve: the usual end of a turn (reading, the
                # read watcher on, nothing to write) needs no watcher change.
                if not (self._rw_on and self.reading and not self.eof and self.ssl is not None
                        and not self._wqueue and not self._ww_on and not self._connecting):
                    self._sync_watchers()

    def readStart(self):
        self.reading = True
        if self.ssl is not None and self._tls_state == OPEN and (
                self.ssl.pending() or self._bio_in.pending or self.eof):
            # Plaintext (or the end) that OpenSSL holds: the descriptor will
            # not say so, so the handle queues itself to deliver it.
            self._read_ready = True
            self.post(_nop)
        if self._idle():
            self._sync_watchers()

    # ------------------------------------------------------------------
    # reading

    def _read(self, ticks):
        sock = self.sock
        if not self.eof and self.ssl is not None and (self.reading or self._tls_state == HANDSHAKING):
            # (_wants_read, inlined: once per message)
            bio = self._bio_in
            for _ in range(READS_PER_WAKEUP):
                try:
                    data = sock.recv(READ_SIZE)
                except BlockingIOError:
                    break
                except InterruptedError:
                    continue
                except OSError as exc:
                    self._read_failed(errors.system_error(exc, "read"), ticks)
                    return
                if not data:
                    if self._hello is not None:
                        self._release_hello()       # OpenSSL says what a cut hello is
                    bio.write_eof()
                    self.eof = True
                    break
                if self._hello is not None:
                    self._hello += data
                else:
                    bio.write(data)
                if len(data) < READ_SIZE:
                    break
        if self._hello is not None:
            if self._hello_waiting:
                return
            hello = _clienthello.parse(self._hello)
            if hello is _clienthello.MORE:
                return
            if hello is _clienthello.END:
                self._release_hello()
            else:
                self._hello_waiting = True
                self._hello_ticks = ticks
                try:
                    _loop.dispatch(self.owner._on_handle_client_hello, (hello,), ticks)
                finally:
                    self._hello_ticks = None
                return              # end_hello_parser went on, or will wake the handle
        if self._tls_state == OPEN:
            self._read_plain(ticks, sock, self.owner, self._sslc)
        else:
            self._process(ticks)

    def _process(self, ticks):
        """Drive the handshake, then hand the plaintext to the owner."""
        sslobj = self.ssl
        sock = self.sock
        owner = self.owner
        if self._tls_state == HANDSHAKING:
            if self._holds:
                return
            try:
                sslobj.do_handshake()
            except ssl.SSLWantReadError:
                if self.psk_errors:
                    self._psk_failed(ticks)
                    return
                # (TLS 1.2: a stapled response comes with the server's first flight.)
                if (self.ocsp or self.keylog) and not self._emit_collected(ticks):
                    return
                self._flush_out()
                if self.eof:
                    # The peer went away mid-handshake: the owner says how (Node's
                    # ECONNRESET differs by side).
                    self.reading = False
                    _loop.dispatch(owner._on_handle_eof, (), ticks)
                return
            except (ssl.SSLError, OSError) as exc:
                if self.psk_errors:
                    self._psk_failed(ticks)
                    return
                if self._cert_cb_key is not None and self._cert_cb_paused(exc, ticks):
                    return
                if self.eof and (isinstance(exc, ssl.SSLEOFError)
                                 or getattr(exc, "reason", None) == "UNEXPECTED_EOF_WHILE_READING"):
                    self.reading = False
                    _loop.dispatch(owner._on_handle_eof, (), ticks)
                    return
                self._flush_out()       # the alert, as OpenSSL sends one
                self._read_failed(_tls_errors.openssl_error(exc) if isinstance(exc, ssl.SSLError)
                                  else errors.system_error(exc, "read"), ticks)
                return
            if self.psk_errors:
                self._psk_failed(ticks)
                return
            # Before 'secureConnect': a listener that destroys the socket stops
            # the handshake there, as in Node.
            if (self.ocsp or self.keylog) and not self._emit_collected(ticks):
                return
            if self.sessions:
                self._emit_sessions(ticks)
                if self.sock is not sock or self._holds:
                    return          # release_handshake() wakes the handle
            self._tls_state = OPEN
            if sslobj.version() != "TLSv1.3":
                # TLS 1.2 may renegotiate: the owner hears of each new
                # handshake (TLS 1.3 has none, and pays nothing).
                from gnet.tls import _openssl
                self.handshakes = []
                self._handshakes_key = _openssl.watch_handshakes(sslobj, self.handshakes)
            # The owner verifies the peer first (Node's onhandshakedone): a
            # client that rejects it is destroyed before its last flight goes out.
            _loop.dispatch(owner._on_handle_secure, (), ticks)
            if self.sock is not sock:
                return
            if self.reading and self._bio_in.pending:
                # The peer's first data came with its last flight (a TLS 1.3
                # client's, with its Finished): what the handshake left to
                # send (the session tickets) goes with the answer to it, in
                # one segment, as Node's does. Sent apart, the answer would
                # wait behind them for the peer's delayed ACK (Nagle's
                # algorithm): 40 ms per connection.
                self._defer_out()
            else:
                self._flush_out()
            self._after_handshake()
            if self.sock is not sock:
                return
        if self._tls_state == OPEN:
            self._read_plain(ticks, sock, owner, self._sslc)

    def _read_plain(self, ticks, sock, owner, sslc):
        self._batching = True
        try:
            while self.reading and self.sock is sock:
                try:
                    data = sslc.read(RECORD_SIZE)
                except ssl.SSLError as exc:
                    # Kept without its traceback, which holds this frame (and
                    # so the handle, the socket and its context) in a cycle.
                    data = exc.with_traceback(None)
                if self.sessions:
                    # Made by this read (TLS 1.3 tickets): before what followed them
                    # in the stream, as Node's callback fires inside SSL_read.
                    self._emit_sessions(ticks)
                    if self.sock is not sock:
                        return
                if self.psk_errors:
                    self._psk_failed(ticks)     # a TLS 1.2 renegotiation's PSK
                    return
                if self.handshakes or self.keylog:
                    # A renegotiation (TLS 1.2) moved in this read: Node's
                    # callbacks fire inside SSL_read, before the data after it,
                    # in OpenSSL's order: a stapled response (among the key log
                    # lines written before it), the key log lines (written with
                    # the key exchange, before the handshake's end; its start
                    # came with an earlier message), then the start or end
                    # (compat: tls/renegotiate_keylog_before_secure).
                    if (self.ocsp or self.keylog) and not self._emit_collected(ticks):
                        return
                    if self.handshakes:
                        self._emit_handshakes(ticks)
                        if self.sock is not sock:
                            return
                if data.__class__ is not bytes:
                    if isinstance(data, ssl.SSLWantReadError):
                        if self.ocsp:
                            self._emit_ocsp(ticks)  # a renegotiation's (TLS 1.2), read mid-handshake
                        break
                    if isinstance(data, (ssl.SSLZeroReturnError, ssl.SSLEOFError)):
                        self._end_of_stream(ticks)
                        break
                    self._flush_out()
                    self._read_failed(_tls_errors.openssl_error(data), ticks)
                    return
                if not data:
                    self._end_of_stream(ticks)
                    break
                self.bytes_read += len(data)
                if self.timer is not None:
                    self.timer.touch()
                try:
                    if not owner.push(data) and self.sock is sock:
                        self.readStop()
                except _loop.PASS_THROUGH:
                    raise
                except BaseException as exc:  # noqa: B902 - Node's uncaught path, as dispatch
                    _loop.report(exc)
                if ticks:
                    _loop.drain_ticks(ticks)
                if not self._bio_in.pending and not sslc.pending():
                    # Nothing left to decrypt: stop here rather than pay for the
                    # SSLWantReadError the next read would raise (once per message).
                    break
        finally:
            self._batching = False
        if self.sock is sock:
            if self._bio_out.pending:
                # Records left by writes above, or post-handshake messages
                # (TLS 1.3 tickets, key updates) that want an answer.
                self._send(self._bio_out.read(), _nop)
            if self._plain_queue and self._tls_state == OPEN:
                # Writes that met a renegotiation: what was read may have moved it on.
                self._retry_plain()
                if self.sock is not sock:
                    return
            if self.eof and self._tls_state == OPEN and self.reading and not sslc.pending() \
                    and not self._bio_in.pending:
                self._end_of_stream(ticks)

    def _end_of_stream(self, ticks):
        if self._tls_state == ENDED:
            return
        self._tls_state = ENDED
        self.eof = True
        self.reading = False
        _loop.dispatch(self.owner._on_handle_eof, (), ticks)

    # ------------------------------------------------------------------
    # writing

    def _flush_out(self):
        """Send (or queue) the records OpenSSL has made."""
        if self._bio_out.pending and self.sock is not None:
            self._send(self._bio_out.read(), _nop)

    def _defer_out(self):
        # What the outgoing BIO holds waits for the read's last write (or the
        # flush after it), or for the hub, should a listener block first.
        if not self._deferred:
            self._deferred = True
            self._gloop.hub.loop.run_callback(self._send_deferred)

    def _send_deferred(self):
        # On the hub: the read that left records behind ended (its flush sent
        # them) or its listener blocked (they go now).
        self._deferred = False
        self._flush_out()

    def try_write(self, data):
        if (self._tls_state != OPEN or self._wqueue or self._plain_queue or self.sock is None
                or self._shutting_down):
            return 0
        try:
            self._sslc.write(data)
        except ssl.SSLError:
            return 0                    # write() meets it again and reports it
        self.bytes_written += len(data)
        if self.timer is not None:
            self.timer.touch()
        if self._batching and (self._bio_in.pending or self._sslc.pending()):
            # More of this read follows: its records go with the next ones.
            self._defer_out()
            return len(data)
        # The records are the handle's now: what the kernel does not take is
        # queued (the next write waits behind it), and the write is complete.
        # (StreamHandle._send's first step, here: the common case in one call.)
        records = self._bio_out.read()
        if self._write_error is None:
            try:
                sent = self.sock.send(records)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError:
                return len(data)        # the next read reports it, as _send's _nop does
            if sent == len(records):
                return len(data)
            # Queued, as _send queues what the kernel did not take: in the
            # queue's own list, which a _flush_writes that is calling a write's
            # callback (whose 'drain' listener writes now) is still emptying.
            queue = self._wqueue
            if queue is None:
                queue = self._wqueue = []
            queue.append([memoryview(records)[sent:], _nop])
            if self._idle():
                self._sync_watchers()
            return len(data)
        self._send(records, _nop)
        return len(data)

    def write(self, data, cb):
        self.bytes_written += len(data)
        if self.timer is not None:
            self.timer.touch()
        if self._tls_state == HANDSHAKING or self._plain_queue:
            if self._plain_queue is None:
                self._plain_queue = []
            self._plain_queue.append((data, cb))
            return
        self._encrypt(data, cb)

    def _encrypt(self, data, cb):
        try:
            self._sslc.write(data)
        except ssl.SSLWantReadError:
            # A renegotiation in progress: the write waits in _plain_queue
            # (and every write after it) until a read moves the handshake on.
            self._plain_queue = [(data, cb)]
            self._flush_out()
            return
        except ssl.SSLError as exc:
            cb(_tls_errors.openssl_error(exc))
            return
        self._send(self._bio_out.read(), cb)

    def _after_handshake(self):
        if self._plain_queue:
            self._retry_plain()
        elif self._tls_shutdown_cb is not None:
            cb, self._tls_shutdown_cb = self._tls_shutdown_cb, None
            self.shutdown(cb)

    def _retry_plain(self):
        """Encrypt the writes that waited (for the handshake, or for a
        renegotiation that a read has moved on), in order, until one meets
        the renegotiation again; then a shutdown that waited behind them."""
        queue = self._plain_queue
        sock = self.sock
        sslc = self._sslc
        while queue:
            data, cb = queue[0]
            try:
                sslc.write(data)
            except ssl.SSLWantReadError:
                self._flush_out()
                return                  # the next read tries again
            except ssl.SSLError as exc:
                del queue[0]
                cb(_tls_errors.openssl_error(exc))
            else:
                del queue[0]
                self._send(self._bio_out.read(), cb)
            if self.keylog and self.sock is sock:
                self._emit_keylog(None)     # the write moved the renegotiation on
            if self.handshakes and self.sock is sock:
                self._emit_handshakes()     # the write finished the renegotiation
            if self.sock is not sock:
                return
        self._plain_queue = None
        cb, self._tls_shutdown_cb = self._tls_shutdown_cb, None
        if cb is not None:
            self.shutdown(cb)

    def _flush_writes(self):
        queue = self._wqueue
        if queue:
            for entry in queue:
                if entry[1] is None:
                    entry[1] = _nop
        StreamHandle._flush_writes(self)

    def shutdown(self, cb):
        """close_notify after the queued records, then the TCP write side (Node's end())."""
        if self._tls_state == HANDSHAKING or self._plain_queue:
            self._tls_shutdown_cb = cb
            return
        if not self._shutting_down:
            self._shutting_down = True
            # One SSL_shutdown: the peer's records still in the incoming BIO
            # (a paused socket's, or those read with the handshake's last
            # message) are read afterwards, as in Node; unwrap()'s second
            # call would read them for a close_notify and lose their data.
            if _openssl.available:
                _openssl.send_close_notify(self.ssl)
            else:
                # No libssl to reach (gnet/tls/_openssl/): unwrap() sends the
                # close_notify too, and may lose data the peer sent first.
                try:
                    self.ssl.unwrap()
                except (ssl.SSLError, ValueError):
                    pass
            self._flush_out()
        StreamHandle.shutdown(self, cb)

    # ------------------------------------------------------------------
    # renegotiation started from this end (TLS 1.2)

    def renegotiate(self):
        """Node's ``TLSWrap::Renegotiate``, then the handshake step Node's
        ``write('')`` makes: ``None`` once the new handshake's first message
        is on its way, else OpenSSL's refusal ``(message, library, reason)``
        (TLS 1.3 has no renegotiation)."""
        from gnet.tls import _openssl
        refused = _openssl.renegotiate(self.ssl)
        if refused is not None:
            return refused
        try:
            self.ssl.do_handshake()
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
            pass
        except ssl.SSLError as exc:
            self._flush_out()
            if getattr(getcurrent(), "gnet_ticks", None) is None:
                # From a plain greenlet: as _emit_handshakes, when next served.
                self.eof = True
                self.reading = False
                self.post(self.owner._on_handle_error, _tls_errors.openssl_error(exc))
            else:
                self._read_failed(_tls_errors.openssl_error(exc), None)
            return None
        self._flush_out()
        if self.handshakes:
            self._emit_handshakes()     # a server counts the start (Node's onhandshakestart)
        return None

    # ------------------------------------------------------------------
    # what OpenSSL says about the session

    def verify_result(self):
        from gnet.tls import _openssl
        return _openssl.verify_result(self.ssl)
