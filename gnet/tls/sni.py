"""SNI on a server's side: Node's ``loadSNI``, for every server-side ``TLSSocket``.

A server's side whose handshake pauses at OpenSSL's certificate callback
(``TLSHandle.enable_cert_cb``, gnet/tls/handshake.py) hears of it in
``TLSSocket._on_handle_cert_cb``, which calls ``load_sni`` here, as Node's
``oncertcb`` calls ``loadSNI`` on the socket: if the client sent a name and
the socket has an SNICallback, ``SNICallback(servername, callback)`` is
called, in the connection's greenlet, so it may block or answer later. The
context it answers gives the connection its certificate, key and trust store;
then 'OCSPRequest' is the tls.Server's to emit (``request_ocsp``,
gnet/tls/server.py), and a socket with no tls.Server goes on at once, as
Node's ``requestOCSP`` does without ``socket.server``.

Who gives a socket its SNICallback, and enables the pause, is Node's too: a
tls.Server, for each connection it accepts (its ``SNICallback``, or its
``addContext`` contexts; gnet/tls/server.py ``_emit_connection``); a
``TLSSocket(socket, {'isServer': True, 'SNICallback': fn})`` made by hand,
its own (gnet/tls/socket.py ``_take_handle``).

An error given to the callback, one the SNICallback raises, a second call or
a socket gone meanwhile destroys the connection there, with no alert: a
tls.Server hears it as 'tlsClientError', a socket with no tls.Server emits it
as its 'error' (compat: tls/sni_callback_error_fails_handshake,
tls/sni_callback_tls_socket_server_error).
"""

import ssl

from gnet.eventloop.loop import queue_tick
from gnet.js import arity as _arity
from gnet.js import errors as _jserrors
from gnet.js import values as _values
from gnet.tls import errors as _errors
from gnet.tls.context import SecureContext, recipe_of, server_side_of

__all__ = ["sni_callback", "load_sni", "cert_cb_answer", "cert_cb_failed", "sni_context"]


def sni_callback(value):
    """Node's check of a server-side ``TLSSocket``'s ``SNICallback`` (its
    ``_init``): a falsy one is none, any other must be a function
    (ERR_INVALID_ARG_TYPE, thrown by the constructor; compat:
    tls/sni_callback_tls_socket_not_a_function); adapted to the arguments it
    takes."""
    if not _values.js_truthy(value):
        return None
    _values.validate_function(value, "options.SNICallback")
    return _arity.adapt(value, "options.SNICallback")


def _tls_server(sock):
    """The tls.Server that accepted ``sock``, else ``None`` (one made by hand)."""
    return sock._server if sock._tls is None else None


#: What ``sni_context`` answers for an object that is not a SecureContext.
_INVALID_SNI_CONTEXT = object()


def sni_context(answer):
    """The server side's ``ssl.SSLContext`` of the SecureContext an
    SNICallback answered, as Node's loadSNI and TLSWrap::CertCbDone read it
    (``context.context || context``): ``None`` for a falsy answer or one that
    is no JavaScript object (a string, a number, ``True``: the socket's own
    context serves); a SecureContext's, or a native context's
    (``secureContext.context``, also as an object's ``'context'``: the same
    server side, even once the SecureContext itself is gone); else
    ``_INVALID_SNI_CONTEXT`` (Node's "Invalid SNI context"; compat:
    tls/sni_callback_invalid_context)."""
    if isinstance(answer, SecureContext):
        return answer.ssl_context(True)
    if not _values.js_truthy(answer) or isinstance(answer, (str, int, float)):
        return None
    if isinstance(answer, dict) and _values.js_truthy(answer.get("context")):
        answer = answer["context"]
    if isinstance(answer, ssl.SSLContext) and recipe_of(answer) is not None:
        return server_side_of(answer)
    if not _values.js_truthy(answer) or isinstance(answer, (str, int, float)):
        return None
    return _INVALID_SNI_CONTEXT


def load_sni(sock):
    """Node's ``loadSNI``, the handshake paused at the certificate callback:
    the socket's SNICallback (servername, callback(err, context)) when the
    client sent a name, then ``_request_ocsp``."""
    servername = sock._handle.servername()
    callback = sock._sni_callback
    if not servername or callback is None:
        _request_ocsp(sock)
        return

    def on_context(handle, context):
        ssl_context = sni_context(context)
        if ssl_context is _INVALID_SNI_CONTEXT:
            cert_cb_failed(sock, _errors.invalid_sni_context())
            return
        if ssl_context is not None:
            refused = handle.use_sni_context(ssl_context)
            if refused is not None:
                cert_cb_failed(sock, _errors.queued_error(*refused))
                return
        _request_ocsp(sock, ssl_context)

    try:
        callback(servername, cert_cb_answer(sock, on_context))
    except Exception as exc:  # noqa: B902 - Node's try/catch: the connection is destroyed with it
        cert_cb_failed(sock, exc)


def _request_ocsp(sock, context=None):
    """Node's ``requestOCSP``: the tls.Server's to do, or the ``server``
    option's of a socket made by hand (``context`` is the one SNI chose);
    without one, the handshake goes on."""
    server = sock._events_server()
    if server is None:
        sock._handle.cert_cb_done()
        return
    from gnet.tls.server import request_ocsp
    request_ocsp(server, sock, context)


def cert_cb_answer(sock, answer, fail=None):
    """The callback an SNICallback, an 'OCSPRequest' or a 'resumeSession'
    listener is given, as Node's: ``callback(err, value)``; a second call is
    ERR_MULTIPLE_CALLBACK, an error fails the connection, so does a
    socket gone meanwhile (ERR_SOCKET_CLOSED), each through ``fail(sock,
    err)`` (``cert_cb_failed`` unless given); else ``answer(handle, value)``."""
    called = []
    if fail is None:
        fail = cert_cb_failed

    def callback(err=None, value=None):
        if called:
            fail(sock, _jserrors.ERR_MULTIPLE_CALLBACK())
            return
        called.append(True)
        if _values.js_truthy(err):
            fail(sock, err)
            return
        handle = sock._handle
        if handle is None or sock.destroyed:
            fail(sock, _jserrors.ERR_SOCKET_CLOSED())
            return
        answer(handle, value)
    return callback


def cert_cb_failed(sock, err):
    """Node's ``socket.destroy(err)`` from the certificate callback."""
    server = _tls_server(sock)
    if server is None or sock._secure_done or sock.destroyed:
        # The socket's 'error': one with no tls.Server (compat:
        # tls/sni_callback_tls_socket_server_error), or a server's after the
        # handshake (compat: tls/ocsp_callback_error_fails_handshake).
        sock.destroy(err)
        return
    # Before the handshake is done, a server's socket is destroyed at once
    # and the server hears the error on the next tick, as Node's 'error'
    # reaches onSocketTLSError (compat: tls/ocsp_response_not_a_buffer).
    queue_tick(server._tls_client_error, sock, err)
    sock.destroy()
