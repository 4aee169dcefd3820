"""``TLSSocket`` and ``tls.connect``: a gnet ``Socket`` whose handle speaks TLS.

Theory of operation
-------------------
A ``TLSSocket`` is a ``gnet.Socket`` (gnet/net/socket.py) that makes a
``TLSHandle`` (gnet/tls/handle.py) where a socket makes a ``StreamHandle``
(``_handle_class``), so connecting, reading, writing, pausing, piping,
timeouts and the lifecycle are ``net.Socket``'s, unchanged. What TLS adds:

- ``_take_handle`` gives each new handle its OpenSSL session (client or
  server side, from the socket's ``TLSConfig`` or its server's; the options
  and the client's config are read in gnet/tls/options.py);
- a client's handshake starts when TCP connects, before 'connect' is
  emitted (Node's ``_start`` is the first 'connect' listener);
- ``_on_handle_secure`` (the handle's call when the handshake is done) is
  Node's ``onConnectSecure``/``onServerSocketSecure``: the peer's
  verification result (OpenSSL's, read as Node reads it) and, on a client,
  ``minDHSize`` (checked first) and ``checkServerIdentity``; then
  'secureConnect', or the server's 'secureConnection', or 'secure' for a
  socket made with ``TLSSocket(...)``;
- an end of the connection before the handshake is Node's ECONNRESET
  (a client's "Client network socket disconnected before secure TLS
  connection was established", a server's "socket hang up");
- sessions are DER bytes, as Node's (``getSession``, ``setSession``,
  ``options.session``; an ``ssl.SSLSession`` is taken too). A client with a
  'session' listener watches its handle's new sessions: one made by the
  handshake waits for 'secureConnect' and follows it (Node's
  ``kPendingSession``, the last one only), later ones (TLS 1.3 tickets) are
  emitted as they come. A server's connection hands its new sessions to the
  server's 'newSession' (gnet/tls/server.py).
- TLS-PSK (gnet/tls/psk.py): with ``pskCallback``, the handle answers
  OpenSSL's PSK callbacks with it, inside the handshake, as Node calls it;
  what it raises, or an answer Node refuses, destroys the socket once the
  handshake step returns (``_on_handle_psk_error``).
- OCSP stapling: a ``tls.connect`` client with ``requestOCSP`` asks for a
  stapled response and emits 'OCSPResponse' (bytes, or ``None``) before
  'secureConnect'; a tls.Server's connection hears of its paused handshake
  (``_on_handle_cert_cb``) and the server emits 'OCSPRequest'
  (gnet/tls/server.py).
- SNI (gnet/tls/sni.py): a server side with an SNICallback (its own, given
  to ``TLSSocket(...)``, or its tls.Server's) pauses its handshake after the
  ClientHello (``_on_handle_cert_cb``) and asks it, as Node's ``loadSNI``.

The certificates (``getPeerCertificate``, ``getCertificate``) and the
peer's verification result are read by ``Certificates``
(gnet/tls/certificate.py), a base of ``TLSSocket``; renegotiation (the
handshakes after the first, ``renegotiate()``, ``disableRenegotiation()``)
is ``Renegotiation``'s (gnet/tls/renegotiation.py), another.

``TLSSocket(socket, options)`` upgrades a connected gnet ``Socket``
(STARTTLS): the descriptor moves to a TLS handle of the new socket; the old
socket keeps no handle and each is destroyed with the other, as in Node.
Over a socket still connecting, the TLS socket is connecting too, and
emits 'connect' once the other connects (``_wrap``).
"""

import ssl

from gnet.eventloop.events import _dispatch
from gnet.eventloop.loop import nextTick
from gnet.js import errors as _jserrors
from gnet.js import names as _names
from gnet.js import values as _values
from gnet.net import options as _options
from gnet.net.socket import Socket
from gnet.tls import _openssl
from gnet.tls import errors as _errors
from gnet.tls import psk as _psk
from gnet.tls import sni as _sni
from gnet.tls.certificate import Certificates, checkServerIdentity
from gnet.tls.context import SecureContext
from gnet.tls.handle import TLSHandle
from gnet.tls.options import (NET_SOCKET_KEYS, TLS_KEYS, alpn_callback, check_min_dh_size,
                              client_config, normalize_connect_args, tls_options, trace_option)
from gnet.tls.renegotiation import Renegotiation, now_ms

__all__ = ["TLSSocket", "connect", "TLS_KEYS", "tls_options"]

@_names.alias_class
class TLSSocket(Certificates, Renegotiation, Socket):
    """Node's ``tls.TLSSocket``: https://nodejs.org/docs/latest-v20.x/api/tls.html#class-tlstlssocket

    ``TLSSocket(socket=None, options)`` with Node's options (``isServer``,
    ``secureContext``, ``requestCert``, ``rejectUnauthorized``, ``ALPNProtocols``,
    ``SNICallback``, ``session``, ``servername``, ``pskCallback``,
    ``pskIdentityHint``, and createSecureContext's).
    With a connected gnet ``Socket``, upgrades it (STARTTLS).
    """

    _handle_class = TLSHandle
    #: Node's ``tlsSocket.encrypted``: always true.
    encrypted = True
    #: The peer's certificate verified (and, on a client, its name matched).
    authorized = False
    #: Why not (a code such as ``'UNABLE_TO_VERIFY_LEAF_SIGNATURE'``), else ``None``.
    authorizationError = None
    #: The protocol ALPN chose, ``False`` when none; ``None`` before the handshake.
    alpnProtocol = None
    #: Node's ``secureConnecting``: true until the handshake is done.
    secureConnecting = True
    _tls = None
    _secure_done = False
    _connect_opts = None
    _parent = None
    _tls_error_emitted = False
    _alpn_callback = None           # a server side's ALPNCallback (adapted), else None
    _alpn_error = None              # what it raised (or its bad result), for after the handshake step
    _sni_callback = None            # a server side's SNICallback: its own, or its tls.Server's (gnet/tls/sni.py)
    _session_listened = False       # a 'session' listener was added: the handle's sessions are watched
    _session_verified = False       # 'secureConnect' was emitted: sessions are emitted as they come
    _pending_session = None         # the handshake's session, for after 'secureConnect'
    _sessions_after_secure = None   # a server's TLS 1.3 new sessions, for after 'secureConnection'
    _max_send_fragment = None       # setMaxSendFragment() before the handle was made
    _trace = False                  # enableTrace (the option or the call) before the handle was made
    _psk_hint_error = None          # a tls.Server connection's ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED
    _request_ocsp = False           # tls.connect's requestOCSP (Node's _start asks; TLSSocket(...) never does)
    _server_option = None           # a server side's ``server`` option (made by hand), for its events
    _server_sessions = False        # it had 'resumeSession'/'newSession' listeners when the socket was made
    _server_ocsp = False            # it had 'OCSPRequest' listeners when the socket was made

    def __init__(self, socket=None, options=None, **kwargs):
        # Node's constructor checks in its order: enableTrace, the context
        # (_wrapHandle), net.Socket's options, then _init's: ALPNCallback,
        # the server's listeners, SNICallback, ALPNProtocols, pskCallback
        # (compat: tls/tls_socket_constructor_check_order).
        opts = tls_options(options, kwargs, "TLSSocket")
        self._trace = trace_option(opts)
        net_opts = {k: opts[k] for k in NET_SOCKET_KEYS if k in opts}
        if opts.get("isServer"):
            def after_context():
                Socket.__init__(self, net_opts)
                if _values.js_truthy(opts.get("ALPNCallback")):
                    self._alpn_callback = alpn_callback(opts["ALPNCallback"])
                self._take_server_option(opts.get("server"))
            from gnet.tls.server import server_config
            self._tls = server_config(opts, after_context=after_context)
            self._sni_callback = _sni.sni_callback(opts.get("SNICallback"))
        else:
            secure_context = opts.get("secureContext")
            if secure_context is not None and not isinstance(secure_context, SecureContext):
                raise _errors.ERR_TLS_INVALID_CONTEXT("context")  # noqa: F821 - generated
            self._tls = client_config(opts)
            Socket.__init__(self, net_opts)
        #: Node's ``tlsSocket.server``: the ``server`` option, as given.
        self.server = opts.get("server")
        if socket is not None:
            self._wrap(socket)

    def _take_server_option(self, server):
        """Node's ``_init`` with ``{isServer: true, server}``: the server's
        'resumeSession'/'newSession' listeners, there now, start the
        ClientHello parser and the session callbacks, its 'OCSPRequest'
        listeners the certificate callback; the events go to it
        (``_events_server``). Its SNICallback and ``addContext`` contexts
        are not read: Node's default SNICallback is the tls.Server's own."""
        if not _values.js_truthy(server):
            return
        listener_count = getattr(server, "listenerCount", None)
        if not callable(listener_count):
            raise _jserrors.not_a_function("this.server", server, "listenerCount")
        self._server_option = server
        self._server_sessions = listener_count("resumeSession") > 0 or listener_count("newSession") > 0
        self._server_ocsp = listener_count("OCSPRequest") > 0

    def _events_server(self):
        """Where 'resumeSession', 'newSession' and 'OCSPRequest' go: the
        tls.Server that accepted this socket, else the ``server`` option of
        one made by hand, else ``None``."""
        if self._tls is None:
            return self._server
        return self._server_option

    def _config(self):
        if self._tls is not None:
            return self._tls
        return self._server._tls_config          # accepted by a tls.Server

    # ------------------------------------------------------------------
    # the handle's session

    def _take_handle(self, handle):
        Socket._take_handle(self, handle)
        if handle.ssl is None:
            config = self._config()
            session = config.session
            sslobj = handle.start_tls(config.context, config.server_side, config.servername,
                                      session if isinstance(session, ssl.SSLSession) else None)
            sslobj.gnet_socket = self
            if session is not None and not isinstance(session, ssl.SSLSession):
                _openssl.set_session(sslobj, session)
            if self._session_listened and not config.server_side:
                handle.watch_sessions()
            if self._max_send_fragment is not None:
                _openssl.set_max_send_fragment(sslobj, self._max_send_fragment)
            if self._trace:
                handle.enable_trace()
            if config.psk is not None:
                self._start_psk(handle, config)
            if self._request_ocsp and not config.server_side:
                handle.watch_ocsp()
            if config.server_side and self._server_sessions:
                # Node's enableSessionCallbacks, for the server option's listeners.
                handle.watch_sessions()
                handle.start_hello_parser()
            if (self._sni_callback is not None or self._server_ocsp) and config.server_side:
                # Node's _init enables the certificate callback for a server
                # side's own SNICallback or its server option's 'OCSPRequest'
                # (a tls.Server's connection gets the server's once accepted:
                # gnet/tls/server.py _emit_connection).
                handle.enable_cert_cb()

    def _start_psk(self, handle, config):
        """Node's ``enablePskCallback`` and ``setPskIdentityHint`` on the new
        session (gnet/tls/psk.py). A hint OpenSSL refuses (longer than 256
        bytes) is Node's ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED, the socket's
        error: a tls.Server's connection reports it once 'connection' is
        emitted (gnet/tls/server.py), any other socket on the next tick."""
        psk = config.psk
        if config.server_side:
            def exchange(identity, max_psk_len, _max_identity_len):
                return _psk.server_answer(psk.callback, self, identity, max_psk_len)
        else:
            def exchange(hint, max_psk_len, max_identity_len):
                return _psk.client_answer(psk.callback, hint, max_psk_len, max_identity_len)
        handle.watch_psk(exchange)
        if psk.hint is not None and not _openssl.use_psk_identity_hint(handle.ssl, psk.hint):
            err = _errors.ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED()  # noqa: F821 - generated
            if self._tls is None:
                self._psk_hint_error = err
            else:
                nextTick(self._on_handle_error, err)

    def _on_handle_psk_error(self, err):
        """A pskCallback raised, or answered what Node refuses: Node's
        onPsk*Callback destroys the socket with that error from inside the
        handshake. A client's first call is in Node's ``_start``, the first
        'connect' listener: the socket is destroyed there and 'connect' still
        reaches the others (compat: tls/psk_client_callback_bad_answers)."""
        if self.connecting:
            self.prependOnceListener("connect", lambda: self._on_handle_error(err))
        else:
            self._on_handle_error(err)

    def _add_listener(self, event_name, listener, prepend):
        # Node's newListener hook: a client's new sessions are followed once
        # a 'session' listener exists.
        if event_name == "session" and not self._session_listened:
            self._session_listened = True
            handle = self._handle
            if handle is not None and isinstance(handle, TLSHandle) and handle.ssl is not None \
                    and not self._config().server_side:
                handle.watch_sessions()
        return Socket._add_listener(self, event_name, listener, prepend)

    def _after_connect(self):
        if self._destroyed:
            return
        if self.listenerCount("keylog"):
            self._handle.watch_keylog()
        refused = self._start_handshake()
        Socket._after_connect(self)
        if refused is not None:
            self.destroy(refused)

    def _start_handshake(self):
        """A client's first flight; OpenSSL's error if it refuses to start one
        (a server-only ``secureProtocol``), which Node emits after 'connect'
        (compat: tls/opts_secure_protocol_server_method_on_client)."""
        try:
            self._handle.start_handshake()
        except ssl.SSLError as exc:
            return _errors.openssl_error(exc)
        return None

    def _wrap(self, raw):
        """Over ``raw``, as Node's _init: now, or, while ``raw`` is still
        connecting, connecting too until it connects, then 'connect' (before
        ``raw``'s listeners added since), which starts a read asked for
        meanwhile. A connect that fails closes this socket, with no error of
        its own."""
        if not raw.connecting:
            self._upgrade(raw)
            return
        self._advance("connect")
        raw.once("connect", lambda: self._upgrade(raw, connecting=True))
        raw.once("error", lambda *_: self.destroy() if self._handle is None else None)

    def _upgrade(self, raw, connecting=False):
        """Take ``raw``'s descriptor into a TLS handle of this socket (STARTTLS);
        ``connecting``: this socket waited for ``raw`` to connect, and connects now."""
        if connecting and self._destroyed:
            return
        old = raw._handle
        if old is None or old.sock is None:
            raise _jserrors.ERR_SOCKET_CLOSED()
        sock = old.sock
        pending = old._wqueue
        for watcher in (old._rwatch, old._wwatch):
            if watcher is not None:
                watcher.stop()
                watcher.close()
        old._rwatch = old._wwatch = None
        old._rw_on = old._ww_on = False
        old.sock = None
        old.reading = False
        old._wqueue = None
        raw._bytes_read, raw._bytes_written = old.bytes_read, old.bytes_written
        raw._handle = raw._sink = None
        self._parent = raw
        handle = TLSHandle(self, sock, ref=raw._ref)
        if pending:
            handle._wqueue = pending        # plain bytes still queued go out first
        if connecting:
            self._take_handle(handle)
            self._advance("connected")
        else:
            self._open(handle, False)
        raw.once("close", lambda *_: self.destroy())
        self.once("close", lambda *_: raw.destroy())
        if not self._tls.server_side:
            refused = self._start_handshake()
            if refused is not None:
                self.destroy(refused)
                return
            if handle._idle():
                handle._sync_watchers()
        if connecting:
            self.emit("connect")

    # ------------------------------------------------------------------
    # what the handle reports

    def _on_handle_secure(self):
        """The first handshake is done: Node's ``_finishInit``, which emits
        'secure'. Its first listener is Node's own (``onServerSocketSecure``
        on a tls.Server's socket, ``onConnectSecure`` on tls.connect's): it
        verifies the peer and emits 'secureConnection' or 'secureConnect';
        the user's 'secure' listeners follow, even when it destroyed the
        socket (compat: tls/secure_event_client_order)."""
        handle = self._handle
        sslobj = handle.ssl
        config = self._config()
        self._secure_done = True
        self.alpnProtocol = sslobj.selected_alpn_protocol() or False
        emit_secure = self._secure_emitter()
        if config.server_side:
            server = self._server if self._tls is None else None
            self._renegotiations = [now_ms(), 0]
            if config.request_cert:
                err = self._verify_error()
                if err is not None:
                    self.authorizationError = err.code
                    if config.reject_unauthorized:
                        self.destroy()
                        if server is not None:
                            emit_secure()
                        return
                else:
                    self.authorized = True
            if server is not None:
                # Node's secureConnecting turns false only here and in
                # onConnectSecure, once the peer is accepted.
                self.secureConnecting = False
                server._on_secure(self)
            emit_secure()
            # TLS 1.3 sessions made with the handshake: 'newSession' after it.
            batch, self._sessions_after_secure = self._sessions_after_secure, None
            sessions_server = self._events_server()
            if batch and sessions_server is not None:
                from gnet.tls.server import new_sessions
                new_sessions(sessions_server, self, batch, False)
            return
        if self._connect_opts is None:
            # Made with TLSSocket(...), not tls.connect: Node checks nothing here.
            err = self._verify_error()
            self.authorized = err is None
            self.authorizationError = err.code if err is not None else None
            emit_secure()
            return
        self._on_connect_secure()
        emit_secure()

    def _secure_emitter(self):
        """Emits 'secure' to the listeners it has now: Node's own listener is
        the first of the same emit, so one added while it runs (in
        'secureConnect', 'secureConnection') hears the next handshake only."""
        handler = self._events.get("secure") if getattr(self, "_events", None) else None

        def emit_secure():
            if handler is not None:
                _dispatch(handler, ())
        return emit_secure

    def _on_connect_secure(self):
        """Node's ``onConnectSecure``: a tls.connect client checks the server
        (again after each renegotiation) and emits 'secureConnect'."""
        sslobj = self._handle.ssl
        opts = self._connect_opts
        if self._dh_too_small(opts):
            return
        err = self._verify_error()
        if err is None and not sslobj.session_reused:
            hostname = opts.get("servername") or opts.get("host") or "localhost"
            err = opts["checkServerIdentity"](hostname, self.getPeerCertificate(True))
        if err is not None:
            self.authorized = False
            self.authorizationError = getattr(err, "code", None) or str(err)
            if opts.get("rejectUnauthorized") is not False:
                self.destroy(err)
                return
        else:
            self.authorized = True
        self.removeListener("end", self._on_connect_end)
        self.secureConnecting = False
        self.emit("secureConnect")
        self._session_verified = True
        session, self._pending_session = self._pending_session, None
        if session is not None:
            self.emit("session", session)

    def _dh_too_small(self, opts):
        """Node's first check in ``onConnectSecure``: a DHE key exchange with
        a group smaller than ``minDHSize`` is the socket's 'error'
        ERR_TLS_DH_PARAM_SIZE, then it is destroyed without one, whatever
        ``rejectUnauthorized`` says (compat: tls/opts_min_dh_size_too_small)."""
        info = self.getEphemeralKeyInfo()
        if info.get("type") != "DH" or not info["size"] < opts.get("minDHSize", 1024):
            return False
        self.emit("error", _errors.ERR_TLS_DH_PARAM_SIZE(info["size"]))  # noqa: F821 - generated
        self.destroy()
        return True

    def _emit_tls_error(self, err):
        # Node's _emitTLSError: before the handshake is done the server hears
        # it ('tlsClientError'); after, it is the socket's 'error' (emitted,
        # the socket not destroyed).
        server = self._server if self._tls is None else None
        if server is not None and not self._secure_done:
            server._tls_client_error(self, err)
            return
        self.emit("error", err)

    def _on_handle_keylog(self, lines):
        # Node's 'keylog' (line: the NSS key log line, newline included); on a
        # server's socket, the server's 'keylog' (line, tlsSocket).
        server = self._server if self._tls is None else None
        for line in lines:
            if server is not None:
                server.emit("keylog", line, self)
            else:
                self.emit("keylog", line)

    def _on_handle_sessions(self, batch):
        """New sessions OpenSSL made, ``[(session id, DER bytes)]``."""
        if self._config().server_side:
            server = self._events_server()
            if server is None:
                return              # Node's onnewsession: no server to tell
            if not self._secure_done and self._handle.ssl.version() == "TLSv1.3":
                # TLS 1.3 sessions are tickets sent after the handshake: Node's
                # 'newSession' follows 'secureConnection' (compat: tls/new_session_tls13_after_secure_connection),
                # or 'secure' (compat: tls/tls_socket_server_option_events).
                self._sessions_after_secure = batch
                return
            from gnet.tls.server import new_sessions
            new_sessions(server, self, batch, not self._secure_done)
            return
        if self._connect_opts is None:
            return                  # Node emits 'session' only after tls.connect's checks
        if self._session_verified:
            for _, data in batch:
                self.emit("session", data)
        else:
            self._pending_session = batch[-1][1]

    def _on_handle_ocsp(self, batch):
        """Node's ``onocspresponse``: 'OCSPResponse' with what the server
        stapled (bytes, not parsed), ``None`` when nothing was."""
        for response in batch:
            if self._handle is None:
                return
            self.emit("OCSPResponse", response)

    def _on_handle_cert_cb(self):
        """OpenSSL paused the handshake after the ClientHello: Node's
        ``oncertcb``, which is ``loadSNI`` (gnet/tls/sni.py): the
        SNICallback, then a tls.Server's 'OCSPRequest'."""
        _sni.load_sni(self)

    def _on_handle_client_hello(self, hello):
        """The ClientHello's session id, read before OpenSSL (Node's ``loadSession``)."""
        handle = self._handle
        server = self._events_server()
        if not hello["sessionId"] or hello["tlsTicket"] or server is None:
            handle.end_hello_parser()
            return
        if self._tls is None:
            server._resume_session(self, hello["sessionId"])
        else:
            # Made by hand: Node's owner.destroy(err), the socket's 'error'.
            from gnet.tls.server import resume_session
            resume_session(server, self, hello["sessionId"], lambda sock, err: sock.destroy(err))

    def _on_handle_eof(self):
        if self._secure_done:
            return Socket._on_handle_eof(self)
        if self._config().server_side:
            # 'close' brings the server's tlsClientError (gnet/tls/server.py).
            self.destroy()
        else:
            Socket._on_handle_eof(self)     # 'end': _on_connect_end destroys with ECONNRESET

    def _on_handle_error(self, err):
        if self._alpn_error is not None:
            err, self._alpn_error = self._alpn_error, None
        server = self._server if self._tls is None else None
        if server is not None and not self._secure_done:
            # Node's onerror before the handshake is done on a server: the
            # socket closes without an error of its own (hadError false), and
            # the server hears it as 'tlsClientError' (compat: tls/protocol_version_mismatch).
            self.destroy()
            server._tls_client_error(self, err)
            return
        self.destroy(err)

    def _on_connect_end(self):
        # Node's onConnectEnd: the server went away before the handshake was done.
        if self._tls_error_emitted:
            return
        self._tls_error_emitted = True
        opts = self._connect_opts or {}
        err = _errors.conn_reset(
            "Client network socket disconnected before secure TLS connection was established",
            path=opts.get("path"), host=opts.get("host"), port=opts.get("port"),
            localAddress=opts.get("localAddress"))
        self.destroy(err)

    # ------------------------------------------------------------------
    # Node's TLSSocket surface

    def _ssl(self):
        handle = self._handle
        return handle.ssl if handle is not None and isinstance(handle, TLSHandle) else None

    @property
    def servername(self):
        """The SNI name sent (client) or received (server); ``False`` when none."""
        sslobj = self._ssl()
        if sslobj is None or not self._secure_done:
            return None
        # Node's getServername (SSL_get_servername) on either side.
        return _openssl.servername(sslobj) or False

    def getCipher(self):
        """``{'name', 'standardName', 'version'}`` of the cipher in use, ``None`` before."""
        sslobj = self._ssl()
        cipher = sslobj.cipher() if sslobj is not None else None
        if not cipher:
            return None
        return {"name": cipher[0], "standardName": _openssl.cipher_standard_name(sslobj) or cipher[0],
                "version": cipher[1]}

    def getProtocol(self):
        """``'TLSv1.3'``, ``'TLSv1.2'``...; ``None`` before the handshake."""
        sslobj = self._ssl()
        return sslobj.version() if sslobj is not None else None

    def getSession(self):
        """The session's DER bytes (Node's Buffer), to resume with
        (``options.session``, ``setSession``); ``None`` without one."""
        sslobj = self._ssl()
        return _openssl.get_session(sslobj) if sslobj is not None else None

    def isSessionReused(self):
        sslobj = self._ssl()
        return bool(sslobj is not None and sslobj.session_reused)

    def setSession(self, session=None):
        """Resume ``session`` (DER bytes from ``getSession`` or a 'session'
        event; a ``str`` is read as latin-1, as Node reads it; an
        ``ssl.SSLSession`` is taken too) on the next handshake. Bytes OpenSSL
        cannot read are ignored, as in Node."""
        if isinstance(session, str):
            session = session.encode("latin-1")
        session = _errors.check_session(session)
        sslobj = self._ssl()
        if sslobj is None:
            if self._tls is not None and not self._tls.server_side:
                self._tls.session = session     # the handle is made at connect()
            return
        if isinstance(session, ssl.SSLSession):
            if not self._secure_done:
                sslobj.session = session
        elif not _openssl.set_session(sslobj, session):
            raise _errors.set_session_failed()

    def setServername(self, name=None):
        """The SNI name to send (a client, before its handshake)."""
        if not isinstance(name, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("name", "string", name)
        if self._config().server_side:
            raise _errors.ERR_TLS_SNI_FROM_SERVER()  # noqa: F821 - generated
        if self._tls is not None:
            self._tls.servername = name

    def getFinished(self):
        """The last Finished message this end sent (bytes), ``None`` before one."""
        sslobj = self._ssl()
        return _openssl.finished(sslobj) if sslobj is not None else None

    def getPeerFinished(self):
        """The last Finished message the peer sent (bytes), ``None`` before one."""
        sslobj = self._ssl()
        return _openssl.peer_finished(sslobj) if sslobj is not None else None

    def exportKeyingMaterial(self, length=None, label=None, context=None):
        """RFC 5705 keying material: ``length`` bytes for ``label`` (and ``context``)."""
        if not isinstance(length, int) or isinstance(length, bool):
            raise _jserrors.ERR_INVALID_ARG_TYPE("length", "number", length)
        if not isinstance(label, str):
            raise _jserrors.ERR_INVALID_ARG_TYPE("label", "string", label)
        sslobj = self._ssl()
        if sslobj is None or not self._secure_done:
            raise _errors.ERR_TLS_INVALID_STATE()  # noqa: F821 - generated
        ctx = bytes(context) if context is not None else None
        out = _openssl.export_keying_material(sslobj, length, label.encode("latin-1"), ctx)
        if out is None:
            raise _errors.OpenSSLError("ERR_CRYPTO_OPERATION_FAILED", "Key export failed")
        return out

    def enableTrace(self):
        """OpenSSL's trace of this connection's TLS messages, printed on
        stderr as Node's (OpenSSL's ``SSL_trace``). Called before the socket
        has its connection, the trace starts with it.

        Differs from Node: where OpenSSL has no ``SSL_trace`` (built without
        ``enable-ssl-trace``), an error says so; Node then does nothing."""
        handle = self._handle
        if handle is not None and isinstance(handle, TLSHandle) and handle.ssl is not None:
            handle.enable_trace()
        else:
            _openssl.enable_trace_check()
            self._trace = True

    def getEphemeralKeyInfo(self):
        """The key exchange's key, Node's ``{'type', 'name', 'size'}`` (``{}``
        before the handshake); ``None`` on a server's side or without a connection."""
        if self._destroyed and self._ssl() is None:
            return None
        if self._config().server_side:
            return None
        sslobj = self._ssl()
        return _openssl.ephemeral_key_info(sslobj) if sslobj is not None else {}

    def setMaxSendFragment(self, size=None):
        """The largest record to send, 512 to 16384 bytes; whether OpenSSL took it."""
        _values.validate_int32(size, "size")
        sslobj = self._ssl()
        if sslobj is None:
            self._max_send_fragment = size      # for the handle connect() makes
            return 512 <= size <= 16384
        return _openssl.set_max_send_fragment(sslobj, size)

    def __repr__(self):
        return "<gnet.tls.TLSSocket %s %s>" % (self._state.value, self._peer() or "")


def connect(*args, **kwargs):
    """Node's ``tls.connect(options[, cb])``, ``connect(port[, host][, options][, cb])``,
    ``connect(path[, options][, cb])``: a ``TLSSocket``, connecting; ``cb`` is a
    'secureConnect' listener. With ``requestOCSP``, the socket asks for a
    stapled OCSP response and emits 'OCSPResponse' (bytes, ``None`` when the
    server staples nothing) before 'secureConnect'.
    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlsconnectoptions-callback"""
    opts, cb = normalize_connect_args(args, kwargs)
    opts.setdefault("rejectUnauthorized", True)
    # Node's connect asserts a function: tls.checkServerIdentity only when the
    # key is left out; given, even as None (undefined), anything else is its
    # ERR_INTERNAL_ASSERTION (compat: tls/check_server_identity_not_a_function).
    opts.setdefault("checkServerIdentity", checkServerIdentity)
    if not callable(opts["checkServerIdentity"]):
        raise _errors.ERR_INTERNAL_ASSERTION()  # noqa: F821 - generated
    check_min_dh_size(opts)
    raw = opts.get("socket")
    sock = TLSSocket.__new__(TLSSocket)
    sock._trace = trace_option(opts)
    sock._tls = client_config(opts, psk_hint=False)     # Node's connect passes no pskIdentityHint on
    sock._request_ocsp = _options.js_truthy(opts.get("requestOCSP"))
    sock._connect_opts = opts
    Socket.__init__(sock, {k: opts[k] for k in NET_SOCKET_KEYS if k in opts})
    if cb is not None:
        sock.once("secureConnect", cb)
    if raw is None:
        if _options.js_truthy(opts.get("timeout")):
            sock.setTimeout(opts["timeout"])
        net_opts = {k: v for k, v in opts.items() if k in _options.CONNECT_KEYS}
        sock.connect(net_opts)
    else:
        sock._wrap(raw)
    sock.prependListener("end", sock._on_connect_end)
    return sock
