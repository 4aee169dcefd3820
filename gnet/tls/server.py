"""``tls.Server`` and ``tls.createServer``: a gnet ``Server`` whose connections are ``TLSSocket``s.

``tls.Server`` is ``gnet.Server`` (gnet/net/server.py: ``listen``, ``close``,
``maxConnections``, ``getConnections``, ``ref``/``unref``) with
``_socket_class = TLSSocket``: each accepted connection is a ``TLSSocket``
with a TLS handle from the start. The server keeps one ``TLSConfig`` (its
``ssl.SSLContext``, ``requestCert``, ``rejectUnauthorized``) shared by its
connections; ``addContext``/``SNICallback`` give a connection another
context's certificate during its handshake (see below).

Per connection, as Node's ``tlsConnectionListener``: the handshake timeout
(``handshakeTimeout``, the socket's idle timeout until the handshake is
done), 'tlsClientError' for a handshake that fails or a connection that
ends before it is done (ECONNRESET "socket hang up"), then
'secureConnection' when it is done.

Sessions, as Node's: when a connection is made and the server has a
'newSession' or 'resumeSession' listener, its handle reads the ClientHello
before OpenSSL does (gnet/tls/clienthello.py) and follows the sessions
OpenSSL makes. A ClientHello with a session id and no ticket brings
'resumeSession' (id, callback): the handshake waits for the callback, and the
session it gives is the one OpenSSL finds for that id. A new session brings
'newSession' (id, DER bytes, callback): in TLS 1.2 the handshake's last
flight and 'secureConnection' wait for the callback; TLS 1.3 sessions are
tickets sent after the handshake, so there 'newSession' follows
'secureConnection'. OpenSSL caches no session itself (Node's cache mode,
gnet/tls/_openssl/): without these listeners, only tickets resume.
Tickets are sealed with the server's context's ticket keys as Node seals
them (``ticketKeys``, ``getTicketKeys``, ``setTicketKeys``), so servers that
share the keys, gnet's or Node's, resume each other's tickets.

``ALPNCallback`` (``server.ALPNCallback``, read as each connection comes):
OpenSSL's ALPN callback asks it, inside the handshake, which of the client's
protocols to take (gnet/tls/_openssl/options.py); what it raises, or a
result the client did not offer, fails that connection once the handshake
step returns ('tlsClientError'), with no alert, as Node's.

SNI and OCSP stapling, as Node's: when a connection is made and the server
has an ``SNICallback``, ``addContext`` contexts or an 'OCSPRequest'
listener, its full handshakes pause once the ClientHello is read (OpenSSL's
certificate callback, gnet/tls/_openssl/ocsp.py; a resumed session has no
pause). There, as Node's ``loadSNI``: if the client sent a name and the
server has either, ``SNICallback(servername, callback)`` (by default, the
last ``addContext`` name that matches) is called (gnet/tls/sni.py, which
a server-side ``TLSSocket`` made by hand shares), in the connection's
greenlet, so it may block or answer later; the context it answers gives the
connection its certificate, key and trust store (the server's context stays
for the rest: sessions, tickets, options); an error, a throw or a second
call destroys the connection there, with no alert ('tlsClientError'). Then,
as Node's ``requestOCSP``: if the client asked for a stapled response and a
listener is there, 'OCSPRequest' (certificate, issuer, callback) is emitted,
and the handshake waits for the callback: a response (bytes) is stapled,
none staples nothing, an error fails the handshake ('tlsClientError').
So the order is 'resumeSession', SNICallback, 'OCSPRequest', 'newSession',
'secureConnection' (compat: tls/sni_callback_order_and_resumed_sessions).

Differs from Node: 'connection' gets the ``TLSSocket`` itself; Node passes
the plain ``net.Socket`` under it, which gnet does not make (one socket, one
handle). Destroying either in Node destroys both, as destroying this one does.
"""

import hashlib
import re
import ssl
import sys

from gnet.eventloop.loop import queue_tick
from gnet.js import errors as _jserrors
from gnet.js import names as _names
from gnet.js import values as _values
from gnet.net.server import Server as _NetServer
from gnet.tls import _openssl
from gnet.tls import errors as _errors
from gnet.tls import psk as _psk
from gnet.tls import sni as _sni
from gnet.tls.context import CONTEXT_KEYS, SecureContext, check_ticket_keys, recipe_of, set_session_id_context
from gnet.tls.options import TLSConfig, alpn_callback, alpn_list, choose_alpn_protocol, tls_options, trace_option
from gnet.tls.socket import TLSSocket

__all__ = ["Server", "createServer", "server_config"]

_NET_SERVER_KEYS = ("allowHalfOpen", "pauseOnConnect", "noDelay", "keepAlive", "keepAliveInitialDelay",
                    "highWaterMark")


def _prepare_server_context(ctx, request_cert, reject_unauthorized, alpn, choose_alpn=False):
    """Node's server-side settings on an ``ssl.SSLContext``: client certificates
    asked for (and verified after the handshake, gnet/tls/_openssl/), ALPN
    (``choose_alpn``: a connection's ALPNCallback may choose)."""
    if request_cert:
        ctx.verify_mode = ssl.CERT_REQUIRED if reject_unauthorized else ssl.CERT_OPTIONAL
        _openssl.accept_any_certificate(ctx)
    else:
        ctx.verify_mode = ssl.CERT_NONE
        _openssl.accept_any_certificate(ctx)
    if alpn:
        # Node's selection: no protocol in common fails the handshake
        # (compat: tls/alpn_no_protocol_in_common), where Python's goes on.
        _openssl.select_alpn(ctx, alpn)
    if choose_alpn:
        # After the list: a server-side TLSSocket given both uses the
        # callback, as Node's does.
        _openssl.choose_alpn(ctx, choose_alpn_protocol)
    # Every server context, as Node's: SNI may move a connection to this one.
    _openssl.serve_ocsp(ctx)


def server_config(opts, server=None, after_context=None):
    """The server side's ``TLSConfig`` from Node's options (tls.createServer,
    or a server-side ``TLSSocket``). ``after_context()`` runs once the context
    is made, before the other options are read: a TLSSocket's checks that
    Node's constructor makes between the two (gnet/tls/socket.py)."""
    secure_context = opts.get("secureContext")
    if secure_context is None:
        secure_context = SecureContext({k: opts[k] for k in CONTEXT_KEYS if k in opts})
    elif not isinstance(secure_context, SecureContext):
        raise _errors.ERR_TLS_INVALID_CONTEXT("context")  # noqa: F821 - generated
    if after_context is not None:
        after_context()
    if server is None:
        # A server-side TLSSocket's own SNICallback, checked where Node's _init
        # checks it: after the context, before ALPNProtocols and pskCallback.
        _sni.sni_callback(opts.get("SNICallback"))
    request_cert = bool(opts.get("requestCert"))
    reject = opts.get("rejectUnauthorized") is not False
    alpn = alpn_list(opts.get("ALPNProtocols"), "options.ALPNProtocols")
    ctx = secure_context.ssl_context(True)
    if opts.get("secureContext") is None and opts.get("sessionIdContext") is None:
        # Node's tls.Server default: the first 32 hex digits of the SHA-1 of
        # the command line, so that the same program's servers share sessions.
        set_session_id_context(ctx, _default_session_id_context())
    # A tls.Server's connections read its ALPNCallback when they come (it
    # may be set later, as in Node); a server-side TLSSocket has its own.
    choose = not alpn if server is not None else _values.js_truthy(opts.get("ALPNCallback"))
    _prepare_server_context(ctx, request_cert, reject, alpn, choose)
    # Node's tls.Server checks pskCallback and pskIdentityHint as options
    # (after its context); a server-side TLSSocket as its own.
    psk = _psk.psk_options(opts, "options.pskCallback" if server is not None else "pskCallback",
                           check_hint=server is not None)
    return TLSConfig(True, ctx, reject_unauthorized=reject, request_cert=request_cert, server=server, psk=psk)


#: What Node's tls.Server hands createSecureContext only when truthy
#: (setSecureContext); ``allowPartialTrustChain`` it does not hand over at all.
_SERVER_TRUTHY_KEYS = ("secureProtocol", "minVersion", "maxVersion", "clientCertEngine")


def _server_context_options(opts):
    """A tls.Server's options as its secure context gets them: ``secureProtocol:
    ''`` is no method and conflicts with no version, and a server verifies a
    client's chain without ``allowPartialTrustChain`` (compat:
    tls/opts_allow_partial_trust_chain_server_ignored), and ``secureContext``
    is not read: Node's Server makes its own from the options (compat:
    tls/server_ignores_secure_context_option)."""
    out = {k: v for k, v in opts.items() if k not in ("allowPartialTrustChain", "secureContext")}
    for key in _SERVER_TRUTHY_KEYS:
        if key in out and not _values.js_truthy(out[key]):
            del out[key]
    return out


def _default_session_id_context():
    return hashlib.sha1(" ".join([sys.executable] + sys.argv).encode("utf-8")).hexdigest()[:32].encode("ascii")


# What Node's addContext escapes before it makes the name a RegExp.
_CONTEXT_ESCAPED = re.compile(r"([.^$+?\-\\\[\]{}])")


def _context_pattern(hostname):
    """Node's ``new RegExp(`^${escaped}$`)`` for an ``addContext`` name.

    Once Node's escaping is done only ``(``, ``)`` and ``|`` are left with a
    meaning, which Python's ``re`` gives them too; ``search`` is RegExp's
    ``test``, and the last ``$`` is ``\\Z`` (Python's ``$`` would also match
    before a final newline). A group that does not close is V8's SyntaxError,
    with its message."""
    source = "^" + _CONTEXT_ESCAPED.sub(r"\\\1", hostname).replace("*", "[^.]*") + "$"
    depth = 0
    for char in source:
        if char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                raise SyntaxError("Invalid regular expression: /%s/: Unmatched ')'" % source)
            depth -= 1
    if depth:
        raise SyntaxError("Invalid regular expression: /%s/: Unterminated group" % source)
    return re.compile(source[:-1] + r"\Z")


@_names.alias_class
class Server(_NetServer):
    """Node's ``tls.Server``: https://nodejs.org/docs/latest-v20.x/api/tls.html#class-tlsserver

    ``Server([options][, secureConnectionListener])``: createSecureContext's
    options, ``requestCert``, ``rejectUnauthorized``, ``ALPNProtocols``,
    ``SNICallback``, ``handshakeTimeout`` (ms, 120000), ``pskCallback``
    ``(tlsSocket, identity)`` and ``pskIdentityHint`` (TLS-PSK: a PSK cipher
    in ``ciphers`` for TLS 1.2, none needed for TLS 1.3), and net.Server's.

    OCSP stapling: an 'OCSPRequest' listener gets ``(certificate, issuer,
    callback)`` when a client asks for a stapled response: the DER bytes of
    the certificate the handshake uses (SNI's) and of its issuer (``None``
    when the server does not know it). The handshake waits for
    ``callback(None, response)`` (bytes to staple; ``None`` staples nothing)
    or ``callback(err)`` (the handshake fails: 'tlsClientError'); the
    listener may block, or call it later.
    """

    _socket_class = TLSSocket
    #: Node's ``server.handshakeTimeout`` (ms): a handshake longer than this fails.
    handshakeTimeout = 120000
    #: Node's ``server.sessionTimeout``: the ``sessionTimeout`` option (seconds a
    #: session or ticket may resume), kept when truthy; ``None`` until one is.
    sessionTimeout = None
    #: Node's ``server.ticketKeys``: the ``ticketKeys`` option, kept when given;
    #: ``getTicketKeys()`` reads the keys in use.
    ticketKeys = None
    #: Node's ``server.ALPNCallback``: the ``ALPNCallback`` option, read (and
    #: checked) as each connection comes, so it may be set later.
    ALPNCallback = None
    _alpn_adapted = None            # (ALPNCallback, it adapted to its arity), made once per function

    def __init__(self, options=None, secureConnectionListener=None, **kwargs):
        if callable(options) and secureConnectionListener is None:
            options, secureConnectionListener = None, options
        opts = tls_options(options, kwargs, "createServer")
        self.ALPNCallback = opts.get("ALPNCallback")
        if _values.js_truthy(self.ALPNCallback) and _values.js_truthy(opts.get("ALPNProtocols")):
            raise _errors.ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS()  # noqa: F821 - generated
        _NetServer.__init__(self, {k: opts[k] for k in _NET_SERVER_KEYS if k in opts})
        # As Node's: a falsy SNICallback is none; the callback is adapted to
        # the arguments it takes.
        sni = _sni.sni_callback(opts.get("SNICallback"))
        timeout = opts.get("handshakeTimeout", 120000)
        if not isinstance(timeout, (int, float)) or isinstance(timeout, bool):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options.handshakeTimeout", "number", timeout)
        self.handshakeTimeout = timeout
        self._sni_callback = sni
        # Node's server hands enableTrace to each connection's TLSSocket, which checks it.
        self._enable_trace = trace_option(opts)
        self._contexts = []             # [(regex, SecureContext)], addContext's
        self._tls_opts = opts
        self._tls_config = server_config(self._context_options(opts), self)
        if secureConnectionListener is not None:
            self.on("secureConnection", secureConnectionListener)

    # ------------------------------------------------------------------
    # contexts

    def setSecureContext(self, options=None):
        """Replace the server's secure context: key, certificates, ``ca`` and
        the other context options come from ``options`` alone (one left out is
        gone, as in Node), except ``sessionTimeout`` and ``ticketKeys``, kept
        when not given. ``requestCert``, ``ALPNProtocols``, ``SNICallback``...
        stay the server's. Connections made from now on use it."""
        if not isinstance(options, dict):
            raise _jserrors.ERR_INVALID_ARG_TYPE("options", "object", options)
        new = tls_options(options, None, "setSecureContext")
        opts = {k: v for k, v in self._tls_opts.items() if k not in CONTEXT_KEYS and k != "secureContext"}
        opts.update((k, v) for k, v in new.items() if k in CONTEXT_KEYS)
        self._tls_opts = opts
        self._tls_config = server_config(self._context_options(opts), self)

    def _context_options(self, opts):
        """Node's Server keeps a truthy ``sessionTimeout`` and ``ticketKeys`` as
        properties, and its context gets those (a later ``setSecureContext``
        without them keeps them; ``sessionTimeout: 0`` is OpenSSL's default)."""
        if _values.js_truthy(opts.get("sessionTimeout")):
            self.sessionTimeout = opts["sessionTimeout"]
        if _values.js_truthy(opts.get("ticketKeys")):
            self.ticketKeys = opts["ticketKeys"]
        return dict(_server_context_options(opts), sessionTimeout=self.sessionTimeout, ticketKeys=self.ticketKeys)

    def getTicketKeys(self):
        """The 48 bytes of session ticket keys in use (16 of key name, 16 of
        HMAC secret, 16 of AES key): random unless ``ticketKeys`` gave them."""
        return recipe_of(self._tls_config.context).ticket_keys.get()

    def setTicketKeys(self, keys=None):
        """Seal and open session tickets with ``keys`` (48 bytes) from the next
        connection on; servers sharing them resume each other's tickets."""
        if not isinstance(keys, (bytes, bytearray, memoryview)):
            raise _jserrors.ERR_INVALID_ARG_TYPE("buffer", ["Buffer", "TypedArray", "DataView"], keys)
        if len(bytes(keys)) != 48:
            raise _errors.ERR_INTERNAL_ASSERTION("Session ticket keys must be a 48-byte buffer")  # noqa: F821
        recipe_of(self._tls_config.context).ticket_keys.set(check_ticket_keys(keys, "buffer"))

    def addContext(self, hostname=None, context=None):
        """Serve SNI ``hostname`` with ``context`` (a ``SecureContext`` or
        createSecureContext's options), as Node's: ``hostname`` is made a
        regular expression (case-sensitive) in which ``.^$+?-\\[]{}`` are
        literal, ``*`` stands for ``[^.]*`` and ``(``, ``)``, ``|`` keep their
        meaning (compat: tls/addcontext_matching, tls/addcontext_errors)."""
        if not _values.js_truthy(hostname):
            raise _errors.ERR_TLS_REQUIRED_SERVER_NAME()  # noqa: F821 - generated
        if not isinstance(hostname, str):
            raise _jserrors.not_a_function("servername", hostname, "replace")
        pattern = _context_pattern(hostname)
        if not isinstance(context, SecureContext):
            if isinstance(context, (bytes, bytearray, memoryview)):
                context = {}            # a Buffer: an object with no options
            elif context is not None and not isinstance(context, dict):
                raise _jserrors.ERR_INVALID_ARG_TYPE("options", "object", context)
            context = SecureContext(tls_options(context, None, "addContext"))
        self._contexts.append((pattern, context))

    def _match_contexts(self, servername, callback):
        """Node's default ``SNICallback``: the context of the last
        ``addContext`` name that matches, else none (the server's)."""
        for pattern, context in reversed(self._contexts):
            if pattern.search(servername):
                callback(None, context)
                return
        callback(None, None)

    # ------------------------------------------------------------------
    # connections

    def _emit_connection(self, sock):
        self._take_alpn_callback(sock)
        if self.listenerCount("keylog"):
            sock._handle.watch_keylog()
        if self._enable_trace:
            sock._handle.enable_trace()
        if self.listenerCount("newSession") or self.listenerCount("resumeSession"):
            # Node's enableSessionCallbacks, which starts the ClientHello parser.
            sock._handle.watch_sessions()
            sock._handle.start_hello_parser()
        # Node's TLSSocket takes the SNICallback (the default one only when
        # there are contexts to match) when the connection comes.
        sock._sni_callback = self._sni_callback if self._sni_callback is not None else (
            self._match_contexts if self._contexts else None)
        if self.listenerCount("OCSPRequest") or sock._sni_callback is not None:
            # Node's enableCertCb: for 'OCSPRequest', or for SNI (whose
            # 'OCSPRequest' follows it, a listener added since included).
            sock._handle.enable_cert_cb()
        sock.on("error", sock_error_listener(self, sock))
        sock.on("close", sock_close_listener(self, sock))
        if self.handshakeTimeout and self.handshakeTimeout > 0:
            sock.setTimeout(self.handshakeTimeout, sock_timeout_listener(self, sock))
        _NetServer._emit_connection(self, sock)
        if sock._psk_hint_error is not None:
            # Node's TLSSocket fails in its constructor (setPskIdentityHint):
            # the server hears it after 'connection'.
            self._fail_handshake(sock, sock._psk_hint_error)

    def _take_alpn_callback(self, sock):
        """Node's tlsConnectionListener hands ``server.ALPNCallback`` to the
        connection's TLSSocket, which checks it: one that is no function is
        thrown there, before 'connection' (an uncaught exception; the socket
        is destroyed, where Node's stays open, unused)."""
        callback = self.ALPNCallback
        if not _values.js_truthy(callback):
            return
        adapted = self._alpn_adapted
        if adapted is None or adapted[0] is not callback:
            try:
                adapted = self._alpn_adapted = (callback, alpn_callback(callback))
            except Exception:
                sock.destroy()
                raise
        sock._alpn_callback = adapted[1]

    def _tls_client_error(self, sock, err):
        _tls_client_error(self, sock, err)

    def _resume_session(self, sock, session_id):
        resume_session(self, sock, session_id, self._fail_handshake)

    def _fail_handshake(self, sock, err):
        # Node's destroy(err) of a TLS socket before its handshake: the plain
        # socket under it closes without an error, and the server hears
        # 'tlsClientError' (compat: tls/resume_session_callback_error).
        if sock.destroyed:
            return
        sock.destroy()
        _tls_client_error(self, sock, err)

    def _on_secure(self, sock):
        """A connection's handshake is done (and its peer accepted)."""
        timeout = getattr(sock, "_handshake_timeout_listener", None)
        if timeout is not None:
            sock.setTimeout(0, timeout)
        self.emit("secureConnection", sock)


# ----------------------------------------------------------------------
# The session and OCSP events, on a tls.Server for its connections, or on
# the ``server`` option of a server-side TLSSocket made by hand (Node's
# ``socket.server``: its loadSession, onnewsession and requestOCSP read
# nothing else of it).

def resume_session(emitter, sock, session_id, fail):
    """Node's ``loadSession``: 'resumeSession' (id, callback(err, sessionData))
    on ``emitter``; the handshake goes on when the callback is called.
    ``fail(sock, err)`` is Node's ``owner.destroy(err)`` (a tls.Server's
    connection: its 'tlsClientError')."""
    def on_session(handle, session):
        # Node loads a Buffer only; anything else resumes nothing.
        data = bytes(session) if isinstance(session, (bytes, bytearray, memoryview)) else None
        handle.end_hello_parser(data)

    if not emitter.emit("resumeSession", session_id, _sni.cert_cb_answer(sock, on_session, fail)):
        sock._handle.end_hello_parser()


def request_ocsp(emitter, sock, context=None):
    """Node's ``requestOCSP``: 'OCSPRequest' (certificate, issuer,
    callback(err, response)) on ``emitter`` when the client asked for a
    stapled response and it has a listener; the handshake goes on when the
    callback is called. ``context`` is the one SNI chose; without one, the
    certificate is that of the tls.Server's own context (Node's
    ``server._sharedCreds``), which for a TLSSocket made by hand need not be
    the one it serves (compat: tls/tls_socket_server_option_events). An
    emitter that is no tls.Server has no context: nothing is emitted."""
    handle = sock._handle
    if not handle.ocsp_requested() or not isinstance(emitter, Server) \
            or not emitter.listenerCount("OCSPRequest"):
        handle.cert_cb_done()
        return

    def on_ocsp(handle, response):
        if _values.js_truthy(response):
            # Node's setOCSPResponse takes a Buffer only, and throws to the
            # caller; the handshake then waits (the call counted).
            if not isinstance(response, (bytes, bytearray, memoryview)):
                raise _errors.not_a_buffer("OCSP response")
            handle.cert_cb_done(bytes(response))
        else:
            handle.cert_cb_done()

    if context is not None or sock._server is emitter:
        certificate, issuer = handle.certificate_and_issuer(context)
    else:
        certificate, issuer = _context_certificate_and_issuer(emitter._tls_config.context)
    emitter.emit("OCSPRequest", certificate, issuer, _sni.cert_cb_answer(sock, on_ocsp))


def _context_certificate_and_issuer(ctx):
    """Node's ``ctx.getCertificate()``/``ctx.getIssuer()`` of a server's own
    context: read from a session of it that never sees the network."""
    probe = ctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_side=True)
    return _openssl.certificate_and_issuer(probe)


def new_sessions(emitter, sock, batch, hold):
    """Node's ``onnewsession``: 'newSession' (id, sessionData, callback) on
    ``emitter`` for each new session; with ``hold``, the handshake waits
    for the callbacks."""
    for session_id, data in batch:
        handle = sock._handle
        called = []

        def done(handle=handle, called=called):
            if called:
                return
            called.append(True)
            if sock._handle is None or sock.destroyed:
                sock.destroy(_jserrors.ERR_SOCKET_CLOSED())
                return
            if hold:
                handle.release_handshake()

        if hold:
            handle.hold_handshake()
        if not emitter.emit("newSession", session_id, data, done):
            done()


def _tls_client_error(server, sock, err):
    if sock._tls_error_emitted or sock._secure_done:
        return
    sock._tls_error_emitted = True
    server.emit("tlsClientError", err, sock)


def sock_error_listener(server, sock):
    # Node's TLSSocket handles its own 'error' before the handshake is done:
    # the server hears it as 'tlsClientError'.
    def on_error(err):
        _tls_client_error(server, sock, err)
    return on_error


def sock_close_listener(server, sock):
    # After the socket's other 'close' listeners: in Node they listen on the
    # plain socket under the TLS one, which closes first
    # (compat: tls/unable_to_verify_leaf_signature).
    def on_close(*_):
        if not sock._tls_error_emitted and not sock._secure_done:
            queue_tick(_tls_client_error, server, sock, _errors.conn_reset("socket hang up"))
    return on_close


def sock_timeout_listener(server, sock):
    def on_timeout():
        # As Node: the error is the server's to hear; the socket stays open
        # until a listener destroys it (compat: tls/handshake_timeout_tls_client_error).
        if not sock._secure_done:
            _tls_client_error(server, sock, _errors.ERR_TLS_HANDSHAKE_TIMEOUT())  # noqa: F821
    sock._handshake_timeout_listener = on_timeout
    return on_timeout


def createServer(*args, **kwargs):
    """Node's ``tls.createServer([options][, secureConnectionListener])``."""
    return Server(*args, **kwargs)
