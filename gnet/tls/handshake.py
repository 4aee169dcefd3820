"""``HandshakeHooks``: what a TLS handle hears from inside OpenSSL's handshake,
and how it pauses it; a part of ``TLSHandle`` (gnet/tls/handle.py), whose
theory of operation says when each runs.

OpenSSL calls back into gnet while a handshake step runs (gnet/tls/_openssl/):
key log lines, new sessions, the start and end of a renegotiation, a PSK
exchange, a stapled OCSP response. Those callbacks only collect, into lists
(sinks) the handle owns; once the step has returned, the handle hands each
batch to its owner (``_on_handle_keylog``, ``_on_handle_sessions``, ...), in
the order OpenSSL made them, since a listener must not run inside OpenSSL.
The handshake may also wait: for the owner's answer to the ClientHello
(``start_hello_parser``, Node's 'resumeSession'), at OpenSSL's certificate
callback (``enable_cert_cb``: SNI, then 'OCSPRequest'), or until a server's
'newSession' callback (``hold_handshake``).
"""

import ssl

from greenlet import getcurrent

from gnet.eventloop import loop as _loop
from gnet.js import errors
from gnet.tls import errors as _tls_errors

__all__ = ["HandshakeHooks"]


def _nop(err=None):
    pass


def _hand_over(sink, listener, ticks):
    """Give ``listener`` what an OpenSSL callback collected in ``sink`` (key
    log lines, sessions, handshake marks) as one batch, ``sink`` emptied first:
    the callbacks only collect, inside OpenSSL; the owner hears of it here,
    once the step that made them has returned."""
    batch = list(sink)
    del sink[:]
    _loop.dispatch(listener, (batch,), ticks)


class HandshakeHooks:
    """The handshake's side of ``TLSHandle`` (which declares the slots used here)."""

    __slots__ = ()

    def watch_keylog(self):
        """Collect OpenSSL's key log lines; the owner's ``_on_handle_keylog(lines)`` gets them."""
        from gnet.tls import _openssl
        self.keylog = []
        self._keylog_key = _openssl.watch_keylog(self.ssl, self.keylog)

    def enable_trace(self):
        """OpenSSL's trace of this session's messages on stderr (Node's ``enableTrace``)."""
        if self._trace_key is None:
            from gnet.tls import _openssl
            self._trace_key = _openssl.enable_trace(self.ssl)

    def _emit_keylog(self, ticks):
        if self.keylog:
            _hand_over(self.keylog, self.owner._on_handle_keylog, ticks)

    def _emit_collected(self, ticks):
        """Hand over what OpenSSL collected in the last step, in its order: the
        stapled OCSP responses (each after the key log lines written before
        it), then the other key log lines. False once the owner has closed
        the handle meanwhile (nothing more of the step is to be done)."""
        sock = self.sock
        if self.ocsp:
            self._emit_ocsp(ticks)
            if self.sock is not sock:
                return False
        if self.keylog:
            self._emit_keylog(ticks)
            if self.sock is not sock:
                return False
        return True

    def watch_sessions(self):
        """Collect the new sessions OpenSSL makes; the owner's ``_on_handle_sessions(batch)`` gets them."""
        if self._sessions_key is None:
            from gnet.tls import _openssl
            self.sessions = []
            self._sessions_key = _openssl.watch_sessions(self.ssl, self.sessions)

    def _emit_sessions(self, ticks):
        _hand_over(self.sessions, self.owner._on_handle_sessions, ticks)

    def _emit_handshakes(self, ticks=None):
        if ticks is None and getattr(getcurrent(), "gnet_ticks", None) is None:
            # From renegotiate() called in a plain greenlet (the main script,
            # a gevent.spawn'ed function): no executor to run the owner in.
            # As gnet.net's handle completes a request, the owner hears of it
            # when the handle is next served, in the connection's context,
            # before anything read after it.
            batch = list(self.handshakes)
            del self.handshakes[:]
            self.post(self.owner._on_handle_handshakes, batch)
            return
        _hand_over(self.handshakes, self.owner._on_handle_handshakes, ticks)

    def watch_psk(self, exchange):
        """Answer OpenSSL's PSK callbacks with ``exchange`` (gnet/tls/_openssl/psk.py),
        called inside the handshake, as Node calls ``pskCallback``. What it
        raises is kept, never let through OpenSSL: the step fails with it once
        it returns (``_psk_failed``), and nothing of that step is sent."""
        from gnet.tls import _openssl
        self.psk_errors = kept = []

        def answer(*args):
            try:
                return exchange(*args)
            except BaseException as exc:  # noqa: B902 - kept for after the step; see above
                kept.append(exc)
                return None

        self._psk_key = _openssl.watch_psk(self.ssl, answer)

    def _psk_failed(self, ticks):
        """The owner's ``_on_handle_psk_error(err)`` with the first thing the
        exchange raised (Node's callback destroys the socket at the first)."""
        batch = list(self.psk_errors)
        del self.psk_errors[:]
        for exc in batch:
            if isinstance(exc, _loop.PASS_THROUGH):
                raise exc
        self.eof = True
        self.reading = False
        if ticks is None and getattr(getcurrent(), "gnet_ticks", None) is None:
            # A client's first flight, made by tls.connect({'socket': ...})
            # called from a plain greenlet: no executor to dispatch in.
            self.owner._on_handle_psk_error(batch[0])
            return
        _loop.dispatch(self.owner._on_handle_psk_error, (batch[0],), ticks)

    def watch_ocsp(self):
        """Ask the server for a stapled OCSP response (Node's ``requestOCSP``,
        before the first flight); the owner's ``_on_handle_ocsp(batch)`` gets
        what comes: bytes, or ``None`` when nothing was stapled."""
        from gnet.tls import _openssl
        self.ocsp = []
        self._ocsp_key = _openssl.request_ocsp(self.ssl, self.ocsp, self._keylog_mark)

    def _keylog_mark(self):
        # Inside OpenSSL's status callback: how many key log lines came first.
        keylog = self.keylog
        return len(keylog) if keylog else 0

    def _emit_ocsp(self, ticks):
        """The responses read in the last step, each after the key log lines
        OpenSSL wrote before it (TLS 1.3: the server's secrets; TLS 1.2: none),
        as Node's callbacks fire inside OpenSSL; the other lines follow."""
        batch = list(self.ocsp)
        del self.ocsp[:]
        sock = self.sock
        taken = 0
        for mark, response in batch:
            if self.keylog and mark > taken:
                lines = self.keylog[:mark - taken]
                del self.keylog[:mark - taken]
                taken = mark
                _loop.dispatch(self.owner._on_handle_keylog, (lines,), ticks)
                if self.sock is not sock:
                    return
            _loop.dispatch(self.owner._on_handle_ocsp, ([response],), ticks)
            if self.sock is not sock:
                return

    def enable_cert_cb(self):
        """Pause a server's handshake at OpenSSL's certificate callback (after
        the ClientHello and SNI) and tell the owner (``_on_handle_cert_cb``):
        Node's ``enableCertCb``."""
        from gnet.tls import _openssl
        self._cert_cb_key = _openssl.enable_cert_cb(self.ssl)

    def ocsp_requested(self):
        """The client asked for a stapled OCSP response."""
        from gnet.tls import _openssl
        return _openssl.ocsp_requested(self.ssl)

    def certificate_and_issuer(self, context=None):
        """DER bytes of the certificate this end's handshake uses and of its
        issuer where known (``None`` each when not); ``context`` is the one
        SNI chose (``use_sni_context``)."""
        from gnet.tls import _openssl
        return _openssl.certificate_and_issuer(self.ssl, context)

    def servername(self):
        """The name the client sent (SNI), or ``None``."""
        from gnet.tls import _openssl
        return _openssl.servername(self.ssl)

    def use_sni_context(self, context):
        """Node's ``sni_context``: while paused at the certificate callback,
        this server end takes ``context``'s (an ``ssl.SSLContext``)
        certificate, key, chain and trust store. ``None``, or OpenSSL's
        refusal ``(message, library, reason)``."""
        from gnet.tls import _openssl
        return _openssl.use_sni_context(self.ssl, context)

    def cert_cb_done(self, response=None):
        """Node's ``certCbDone``: go past the certificate callback, stapling
        ``response`` (bytes) if given. Called while the owner hears of the
        pause, the handshake goes on once the owner returns (Node's own call
        is inside OpenSSL's callback); later, at once (``_step_after_cert_cb``)."""
        if self._cert_cb_key is None or self.sock is None:
            return
        from gnet.tls import _openssl
        if response:
            _openssl.set_ocsp_response(self._cert_cb_key, response)
        _openssl.cert_cb_done(self._cert_cb_key)
        if not self._in_cert_cb:
            self._step_after_cert_cb()

    def _step_after_cert_cb(self):
        """Node's ``certCbDone`` called later cycles OpenSSL before returning:
        the server's flight is sent now (compat: tls/ocsp_callback_answer_later);
        what the step made for the owner waits for the handle's next turn,
        which runs in the connection's own context."""
        try:
            self.ssl.do_handshake()
        except ssl.SSLWantReadError:
            if not self.psk_errors:
                self._flush_out()
        except (ssl.SSLError, OSError) as exc:
            if not self.psk_errors:
                self._flush_out()       # the alert, as OpenSSL sends one
                self.eof = True
                self.reading = False
                self.post(self.owner._on_handle_error, _tls_errors.openssl_error(exc) if isinstance(
                    exc, ssl.SSLError) else errors.system_error(exc, "read"))
                return
        self._go_on()

    def _cert_cb_paused(self, exc, ticks):
        """Whether ``exc`` (from a handshake step) is OpenSSL pausing at the
        certificate callback; if so, the owner hears of it, and the handshake
        goes on now if it called ``cert_cb_done`` meanwhile."""
        if self._cert_cb_key is None or not isinstance(exc, ssl.SSLError) \
                or exc.errno != ssl.SSL_ERROR_WANT_X509_LOOKUP:
            return False
        from gnet.tls import _openssl
        if not _openssl.cert_cb_paused(self._cert_cb_key):
            return False
        if self._cert_cb_told:
            # Still waiting for the owner; what came meanwhile waits too,
            # except the end: the peer went away (Node's ECONNRESET).
            if self.eof:
                self.reading = False
                _loop.dispatch(self.owner._on_handle_eof, (), ticks)
            return True
        self._cert_cb_told = True
        sock = self.sock
        self._in_cert_cb = True
        try:
            _loop.dispatch(self.owner._on_handle_cert_cb, (), ticks)
        finally:
            self._in_cert_cb = False
        if self.sock is sock and not _openssl.cert_cb_paused(self._cert_cb_key):
            self._process(ticks)
        return True

    def hold_handshake(self):
        """Keep the handshake's last records and ``_on_handle_secure`` until ``release_handshake``."""
        self._holds += 1

    def release_handshake(self):
        if self._holds:
            self._holds -= 1
            if not self._holds:
                self._go_on()

    def start_hello_parser(self):
        """Read the ClientHello before OpenSSL does (a server with session listeners)."""
        self._hello = bytearray()

    def end_hello_parser(self, session=None):
        """Give OpenSSL what arrived; ``session`` (DER bytes) is what it finds
        if it looks the client's session id up. Called while the owner hears
        of the hello, the handshake moves at once, as Node's ``endParser``
        cycles OpenSSL before returning (compat: tls/resume_session_callback_error)."""
        if self._hello is None:
            return
        self._release_hello(session)
        if self._hello_ticks is not None:
            self._process(self._hello_ticks)
        else:
            self._go_on()

    def _release_hello(self, session=None):
        if session is not None and self._sessions_key is not None:
            from gnet.tls import _openssl
            _openssl.load_session(self._sessions_key, session)
        data, self._hello = bytes(self._hello), None
        self._hello_waiting = False
        self._bio_in.write(data)

    def _go_on(self):
        # Go on with what is in the BIO (the descriptor may not say so again).
        if self.sock is not None:
            self._read_ready = True
            self.post(_nop)

    #: Each watch OpenSSL's callbacks hold for the handle (its key's slot),
    #: and the gnet/tls/_openssl/ function that lets it go.
    _WATCHES = (("_keylog_key", "unwatch_keylog"), ("_sessions_key", "unwatch_sessions"),
                ("_trace_key", "disable_trace"), ("_handshakes_key", "unwatch_handshakes"),
                ("_psk_key", "unwatch_psk"), ("_ocsp_key", "unwatch_ocsp"), ("_cert_cb_key", "disable_cert_cb"))

    def _unwatch(self):
        """Let go of every watch (at close): OpenSSL's callbacks then find no
        sink for this connection."""
        from gnet.tls import _openssl
        for slot, release in self._WATCHES:
            key = getattr(self, slot)
            if key is not None:
                setattr(self, slot, None)
                getattr(_openssl, release)(key)
