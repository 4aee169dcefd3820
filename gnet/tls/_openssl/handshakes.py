"""Watching and steering handshakes: key log lines, ALPN, renegotiation, traces.

- ``SSL_CTX_set_keylog_callback`` ('keylog');
- ``SSL_CTX_set_alpn_select_cb`` with ``SSL_select_next_proto`` over the
  server's list (Node's ``SelectALPNCallback``: no protocol in common is a
  fatal ``no_application_protocol`` alert, where Python's callback goes on
  without ALPN);
- ``SSL_set_info_callback`` (Node's ``SSLInfoCallback``: the start and end
  of each handshake after the first, a TLS 1.2 renegotiation) and
  ``SSL_OP_ALLOW_CLIENT_RENEGOTIATION``, set on every context as Node sets it;
- ``SSL_renegotiate`` (``renegotiate()``, Node's ``TLSWrap::Renegotiate``),
  with OpenSSL's error queue read as Node's ``ThrowCryptoError`` reads it;
- ``SSL_shutdown``, once (``send_close_notify()``, the TLS handle's end()):
  Python's ``unwrap()`` calls it a second time to read the peer's
  close_notify, and that read fails on the peer's application data still in
  the incoming BIO (``APPLICATION_DATA_AFTER_CLOSE_NOTIFY``), which breaks
  the session and loses that data;
- ``SSL_set_msg_callback`` with OpenSSL's own ``SSL_trace`` writing to a
  ``BIO`` on descriptor 2 (``enableTrace``): C calling C, no Python inside
  OpenSSL. ``SSL_trace`` exists only in an OpenSSL built with
  ``enable-ssl-trace``; ``why_no_trace`` says so when it is missing.

Every callback here runs inside OpenSSL's handshake, so it only collects
into a list (a "sink") that the TLS handle reads once the handshake step
returns: no listener runs inside OpenSSL, and nothing may unwind through it.
"""

import ctypes
import ssl
import weakref

from . import _core
from ._core import c_int, c_uint, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib
from ._core import require as _require, ssl_of as _ssl_of

__all__ = ["watch_keylog", "unwatch_keylog", "select_alpn", "allow_client_renegotiation", "watch_handshakes",
           "unwatch_handshakes", "HANDSHAKE_START", "HANDSHAKE_DONE", "renegotiate", "enable_trace_check",
           "enable_trace", "disable_trace", "why_no_trace", "send_close_notify"]

_KEYLOG_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)
#: ``SSL *`` -> the list a watched session's key log lines go to.
_keylog_sinks = {}


def _keylog(ssl_ptr, line):
    # Inside OpenSSL's handshake: only collect; the socket emits 'keylog' when
    # the handshake step returns (a listener must not run inside OpenSSL).
    sink = _keylog_sinks.get(ssl_ptr)
    if sink is not None:
        sink.append(line + b"\n")


_KEYLOG = _KEYLOG_CB(_keylog)

_INFO_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_int)
_SSL_CB_HANDSHAKE_START, _SSL_CB_HANDSHAKE_DONE = 0x10, 0x20
#: What a watched connection's handshake sink receives.
HANDSHAKE_START, HANDSHAKE_DONE = "start", "done"
#: ``SSL *`` -> the list a watched connection's handshake starts and ends go to.
_handshake_sinks = {}
#: OpenSSL 3's ``SSL_OP_ALLOW_CLIENT_RENEGOTIATION`` (1.1.1 allows it without).
_SSL_OP_ALLOW_CLIENT_RENEGOTIATION = 1 << 8


def _info(ssl_ptr, where, ret):
    # Node's SSLInfoCallback, inside OpenSSL: only collect. As Node, an end
    # while a renegotiation is still pending (a server's HelloRequest sent)
    # is no end. Nothing may unwind through OpenSSL: anything unforeseen
    # drops the event.
    try:
        if where & (_SSL_CB_HANDSHAKE_START | _SSL_CB_HANDSHAKE_DONE):
            sink = _handshake_sinks.get(ssl_ptr)
            if sink is not None:
                if where & _SSL_CB_HANDSHAKE_START:
                    sink.append(HANDSHAKE_START)
                if where & _SSL_CB_HANDSHAKE_DONE and not _lib.SSL_renegotiate_pending(ssl_ptr):
                    sink.append(HANDSHAKE_DONE)
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        pass


_INFO = _INFO_CB(_info)

#: ``int alpn_select_cb(SSL *ssl, const unsigned char **out, unsigned char *outlen,
#: const unsigned char *in, unsigned int inlen, void *arg)``.
_ALPN_SELECT_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p),
                                   ctypes.POINTER(ctypes.c_ubyte), ctypes.c_void_p, ctypes.c_uint,
                                   ctypes.c_void_p)
_SSL_TLSEXT_ERR_OK, _SSL_TLSEXT_ERR_ALERT_FATAL = 0, 2
_OPENSSL_NPN_NEGOTIATED = 1
#: ``SSL_CTX *`` -> its server's protocols in wire format (length-prefixed), in
#: memory OpenSSL may point into (the chosen protocol) for as long as the
#: context lives; removed when the ``ssl.SSLContext`` goes.
_alpn_lists = {}


def _alpn_select(ssl_ptr, out, outlen, client, client_len, arg):
    # Node's SelectALPNCallback: the first of the server's protocols that the
    # client offers, else a fatal alert. ``out`` points into the server's
    # list, which lives as long as the context. Nothing may unwind through
    # OpenSSL: anything unforeseen is the alert.
    try:
        protos = _alpn_lists.get(_lib.SSL_get_SSL_CTX(ssl_ptr))
        if protos is None:
            return _SSL_TLSEXT_ERR_ALERT_FATAL
        status = _lib.SSL_select_next_proto(out, outlen, protos, len(protos), client, client_len)
        return _SSL_TLSEXT_ERR_OK if status == _OPENSSL_NPN_NEGOTIATED else _SSL_TLSEXT_ERR_ALERT_FATAL
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return _SSL_TLSEXT_ERR_ALERT_FATAL


_ALPN_SELECT = _ALPN_SELECT_CB(_alpn_select)

#: ``SSL_set_msg_callback_arg`` is a macro over ``SSL_ctrl``; ``BIO_NOCLOSE``.
_SSL_CTRL_SET_MSG_CALLBACK_ARG = 16
_BIO_NOCLOSE = 0

declare("SSL_CTX_set_keylog_callback", None, c_void_p, _KEYLOG_CB)
declare("SSL_CTX_set_alpn_select_cb", None, c_void_p, _ALPN_SELECT_CB, c_void_p)
declare("SSL_select_next_proto", c_int, ctypes.POINTER(c_void_p), ctypes.POINTER(ctypes.c_ubyte), c_void_p, c_uint,
        c_void_p, c_uint)
declare("SSL_set_info_callback", None, c_void_p, _INFO_CB)
declare("SSL_renegotiate_pending", c_int, c_void_p)
declare("SSL_renegotiate", c_int, c_void_p)
declare("SSL_shutdown", c_int, c_void_p)
declare("SSL_set_msg_callback", None, c_void_p, c_void_p)
declare("BIO_new_fd", c_void_p, c_int, c_int)
declare("BIO_free", c_int, c_void_p)

#: Why ``enable_trace`` cannot work here (``None`` when it can).
why_no_trace = None
_ssl_trace = None           # the address of OpenSSL's SSL_trace
if _lib is not None:
    try:
        _ssl_trace = ctypes.cast(_lib.SSL_trace, c_void_p).value
    except AttributeError as exc:
        why_no_trace = ("the libssl Python's ssl is linked with has no SSL_trace (OpenSSL built "
                        "without enable-ssl-trace): %s" % exc)


def watch_keylog(sslobj, sink):
    """Collect the session's key log lines (NSS format, with their newline) in
    the list ``sink`` (Node's 'keylog'); ``SSL_CTX_set_keylog_callback`` on its
    context. Returns the key to give ``unwatch_keylog``."""
    _require("log TLS keys ('keylog', SSL_CTX_set_keylog_callback)")
    # Set each time (one store in the SSL_CTX): a set of contexts already done
    # would outlive them, and a new context at a freed one's address would go
    # without (as ocsp.request_ocsp).
    _lib.SSL_CTX_set_keylog_callback(_ctx_of(sslobj.context), _KEYLOG)
    ptr = _ssl_of(sslobj)
    _keylog_sinks[ptr] = sink
    return ptr


def unwatch_keylog(key):
    _keylog_sinks.pop(key, None)


def allow_client_renegotiation(context):
    """Let a client renegotiate with ``context``'s server side, as Node's
    contexts do (OpenSSL 3 refuses it by default; Node counts and limits it)."""
    if ssl.OPENSSL_VERSION_INFO >= (3,):
        context.options |= _SSL_OP_ALLOW_CLIENT_RENEGOTIATION


def select_alpn(context, protocols):
    """A server ``context`` chooses the first of ``protocols`` (a list of
    ``str``) that the client offers, and fails the handshake with a fatal
    ``no_application_protocol`` alert when none is, as Node's server does."""
    _require("choose an ALPN protocol as Node does (SSL_CTX_set_alpn_select_cb)")
    wire = b"".join(bytes([len(p)]) + p for p in (name.encode("latin-1") for name in protocols))
    ctx = _ctx_of(context)
    if ctx not in _alpn_lists:
        weakref.finalize(context, _alpn_lists.pop, ctx, None)
    old = _alpn_lists.get(ctx)
    if old is None or old.raw != wire:
        _alpn_lists[ctx] = ctypes.create_string_buffer(wire, len(wire))
    _lib.SSL_CTX_set_alpn_select_cb(ctx, _ALPN_SELECT, None)


def watch_handshakes(sslobj, sink):
    """Collect ``HANDSHAKE_START``/``HANDSHAKE_DONE`` for each handshake of the
    connection from now on in the list ``sink`` (``SSL_set_info_callback``).
    Returns the key to give ``unwatch_handshakes``."""
    _require("follow renegotiations (SSL_set_info_callback)")
    ptr = _ssl_of(sslobj)
    _handshake_sinks[ptr] = sink
    _lib.SSL_set_info_callback(ptr, _INFO)
    return ptr


def unwatch_handshakes(key):
    # The callback stays set (it lives as long as this module) and finds no sink.
    _handshake_sinks.pop(key, None)

def renegotiate(sslobj):
    """``SSL_renegotiate``: ``None`` when OpenSSL starts one (the next
    handshake step sends it), else OpenSSL's error as Node's
    ``ThrowCryptoError`` reads it, ``(message, library, reason)``: under
    TLS 1.3, ``('error:0A00010A:SSL routines::wrong ssl version',
    'SSL routines', 'wrong ssl version')``. The error queue is left empty."""
    _require("start a renegotiation (SSL_renegotiate)")
    _core.clear_errors()
    if _lib.SSL_renegotiate(_ssl_of(sslobj)) == 1:
        return None
    return _core.take_error()


def send_close_notify(sslobj):
    """``SSL_shutdown`` once: close_notify goes into the outgoing BIO, and
    nothing is read (the peer's records stay for ``SSLObject.read``, which
    reads its data and then its close_notify). What OpenSSL refuses (a
    handshake in progress, a session already failed) is dropped, as the
    handle drops ``unwrap()``'s errors; the error queue is left empty."""
    _require("send close_notify (SSL_shutdown)")
    _core.clear_errors()
    if _lib.SSL_shutdown(_ssl_of(sslobj)) < 0:
        _core.clear_errors()


def enable_trace_check():
    """Raise the error ``enable_trace`` would, now (an option asking for a trace)."""
    _require("trace TLS messages (SSL_trace)")
    if _ssl_trace is None:
        raise NotImplementedError("gnet.tls cannot trace TLS messages (enableTrace): " + why_no_trace)


def enable_trace(sslobj):
    """Node's ``enableTrace()``: OpenSSL's ``SSL_trace`` of every message of
    this connection, on the process's stderr (descriptor 2). Returns the key
    to give ``disable_trace``."""
    enable_trace_check()
    bio = _lib.BIO_new_fd(2, _BIO_NOCLOSE)
    if not bio:
        raise MemoryError("BIO_new_fd failed")
    ptr = _ssl_of(sslobj)
    _lib.SSL_ctrl(ptr, _SSL_CTRL_SET_MSG_CALLBACK_ARG, 0, bio)
    _lib.SSL_set_msg_callback(ptr, _ssl_trace)
    return ptr, bio


def disable_trace(key):
    """Stop the trace ``enable_trace`` started and free its ``BIO``."""
    ptr, bio = key
    _lib.SSL_set_msg_callback(ptr, None)
    _lib.SSL_ctrl(ptr, _SSL_CTRL_SET_MSG_CALLBACK_ARG, 0, None)
    _lib.BIO_free(bio)
