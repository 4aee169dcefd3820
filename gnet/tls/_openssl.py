"""The few OpenSSL calls Node's ``tls`` makes that Python's ``ssl`` does not expose.

Node verifies a peer as OpenSSL lets it: the handshake completes whatever the
chain is worth (``SSL_VERIFY_NONE`` on a client, a verify callback that
accepts on a server), then JavaScript reads ``SSL_get_verify_result`` and
decides (``rejectUnauthorized``), so ``authorized``/``authorizationError``
hold even when the socket is kept. Python's ``ssl`` either fails the
handshake (``CERT_REQUIRED``) or skips verification (``CERT_NONE``) and has
no way to read the result. gnet makes the same few calls Node makes, with
``ctypes``, on the ``SSL``/``SSL_CTX`` of Python's own objects, in the same
libssl that Python's ``_ssl`` is linked with:

- ``SSL_get_verify_result`` and ``X509_verify_cert_error_string``;
- ``SSL_CTX_set_verify`` with a callback that accepts every certificate (a
  server's ``requestCert``), as Node's ``VerifyCallback``;
- ``SSL_get_finished``/``SSL_get_peer_finished`` (``getFinished``);
- ``SSL_export_keying_material`` (``exportKeyingMaterial``);
- ``SSL_CTX_set_keylog_callback`` ('keylog');
- ``SSL_CTX_set_ciphersuites`` (TLS 1.3 suites in ``ciphers``) and
  ``SSL_CTX_set1_groups_list`` (a list of curves in ``ecdhCurve``).

Python keeps the pointers in its objects' C structs (``PySSLSocket``:
``PyObject_HEAD``, ``Socket``, ``ssl``; ``PySSLContext``: ``PyObject_HEAD``,
``ctx``), the same layout in CPython 3.7 to 3.13. ``available`` is true only
once that layout is proven on this interpreter: the ``SSL`` read from an
object must belong to the ``SSL_CTX`` read from its context
(``SSL_get_SSL_CTX``). Where it is false, the callers say what is missing
instead of guessing.
"""

import ctypes
import ssl
import sys

import _ssl

__all__ = ["available", "why_unavailable", "verify_result", "verify_error_string", "accept_any_certificate",
           "finished", "peer_finished", "export_keying_material", "set_ciphersuites", "set_groups", "cipher_standard_name",
           "watch_keylog", "unwatch_keylog"]

#: ``SSL_CTRL_SET_GROUPS_LIST`` (``SSL_CTX_set1_groups_list`` is a macro over ``SSL_CTX_ctrl``).
_SSL_CTRL_SET_GROUPS_LIST = 92

_HEAD = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)   # PyObject_HEAD
_SSL_OFFSET = _HEAD + ctypes.sizeof(ctypes.c_void_p)     # after PyObject *Socket
_CTX_OFFSET = _HEAD

#: ``int verify_callback(int preverify_ok, X509_STORE_CTX *ctx)``.
_VERIFY_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p)


def _accept(preverify_ok, store_ctx):
    # Node's VerifyCallback: "Quoting SSL_set_verify(3ssl): ... we always
    # continue the handshake"; the result is read afterwards.
    return 1


_ACCEPT = _VERIFY_CB(_accept)

#: ``void keylog_callback(const SSL *ssl, const char *line)``.
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
_keylog_contexts = set()

available = False
why_unavailable = None
_lib = None


def _pointer(obj, offset):
    return ctypes.c_void_p.from_address(id(obj) + offset).value


def _ssl_of(sslobj):
    """The ``SSL *`` of an ``ssl.SSLObject`` (its ``_sslobj``, a ``PySSLSocket``)."""
    return _pointer(sslobj._sslobj, _SSL_OFFSET)


def _ctx_of(context):
    return _pointer(context, _CTX_OFFSET)


def _load():
    global _lib, available, why_unavailable
    if sys.implementation.name != "cpython":
        why_unavailable = "the OpenSSL calls need CPython's _ssl (this is %s)" % sys.implementation.name
        return
    try:
        lib = ctypes.CDLL(_ssl.__file__)
        lib.SSL_get_verify_result.restype = ctypes.c_long
        lib.SSL_get_verify_result.argtypes = [ctypes.c_void_p]
        lib.X509_verify_cert_error_string.restype = ctypes.c_char_p
        lib.X509_verify_cert_error_string.argtypes = [ctypes.c_long]
        lib.SSL_get_SSL_CTX.restype = ctypes.c_void_p
        lib.SSL_get_SSL_CTX.argtypes = [ctypes.c_void_p]
        lib.SSL_CTX_set_verify.restype = None
        lib.SSL_CTX_set_verify.argtypes = [ctypes.c_void_p, ctypes.c_int, _VERIFY_CB]
        lib.SSL_CTX_get_verify_mode.restype = ctypes.c_int
        lib.SSL_CTX_get_verify_mode.argtypes = [ctypes.c_void_p]
        for name in ("SSL_get_finished", "SSL_get_peer_finished"):
            fn = getattr(lib, name)
            fn.restype = ctypes.c_size_t
            fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
        lib.SSL_CTX_set_keylog_callback.restype = None
        lib.SSL_CTX_set_keylog_callback.argtypes = [ctypes.c_void_p, _KEYLOG_CB]
        lib.SSL_get_current_cipher.restype = ctypes.c_void_p
        lib.SSL_get_current_cipher.argtypes = [ctypes.c_void_p]
        lib.SSL_CIPHER_standard_name.restype = ctypes.c_char_p
        lib.SSL_CIPHER_standard_name.argtypes = [ctypes.c_void_p]
        lib.SSL_CTX_set_ciphersuites.restype = ctypes.c_int
        lib.SSL_CTX_set_ciphersuites.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.SSL_CTX_ctrl.restype = ctypes.c_long
        lib.SSL_CTX_ctrl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_long, ctypes.c_char_p]
        lib.SSL_export_keying_material.restype = ctypes.c_int
        lib.SSL_export_keying_material.argtypes = [
            ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    except (OSError, AttributeError) as exc:
        why_unavailable = "libssl's functions could not be found through %s: %s" % (_ssl.__file__, exc)
        return
    # Prove the struct layout before trusting it.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    probe = context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="probe.invalid")
    ssl_ptr, ctx_ptr = _ssl_of(probe), _ctx_of(context)
    if not ssl_ptr or not ctx_ptr or lib.SSL_get_SSL_CTX(ssl_ptr) != ctx_ptr:
        why_unavailable = "this Python's _ssl objects do not have the layout gnet reads"
        return
    _lib = lib
    available = True


_load()


def _require(what):
    if not available:
        raise RuntimeError("gnet.tls cannot %s: %s" % (what, why_unavailable))


def verify_result(sslobj):
    """``SSL_get_verify_result``: 0 (``X509_V_OK``) or an ``X509_V_ERR_*`` number."""
    _require("read the peer's verification result")
    return _lib.SSL_get_verify_result(_ssl_of(sslobj))


def verify_error_string(code):
    """OpenSSL's text for an ``X509_V_ERR_*`` number."""
    _require("describe a verification error")
    return _lib.X509_verify_cert_error_string(code).decode("ascii", "replace")


def accept_any_certificate(context):
    """Keep ``context``'s verify mode but let the handshake go on whatever the
    peer's certificate is worth (Node's VerifyCallback); the result is read
    with ``verify_result``. A context whose verify mode Python sets again
    afterwards loses this."""
    _require("verify a peer certificate as Node does")
    ctx = _ctx_of(context)
    _lib.SSL_CTX_set_verify(ctx, _lib.SSL_CTX_get_verify_mode(ctx), _ACCEPT)


def _finished(fn, sslobj):
    buf = ctypes.create_string_buffer(128)
    n = fn(_ssl_of(sslobj), buf, 128)
    return buf.raw[:n] if n else None


def finished(sslobj):
    """``SSL_get_finished``: the last Finished message this end sent, or ``None``."""
    _require("read the Finished messages (getFinished)")
    return _finished(_lib.SSL_get_finished, sslobj)


def peer_finished(sslobj):
    """``SSL_get_peer_finished``: the last Finished message the peer sent, or ``None``."""
    _require("read the Finished messages (getPeerFinished)")
    return _finished(_lib.SSL_get_peer_finished, sslobj)


def export_keying_material(sslobj, length, label, context):
    """``SSL_export_keying_material`` (RFC 5705): ``length`` bytes, or ``None``
    when OpenSSL refuses."""
    _require("export keying material (SSL_export_keying_material)")
    out = ctypes.create_string_buffer(length)
    ok = _lib.SSL_export_keying_material(
        _ssl_of(sslobj), out, length, label, len(label),
        context, len(context) if context is not None else 0, 1 if context is not None else 0)
    return out.raw if ok == 1 else None


def set_ciphersuites(context, suites):
    """``SSL_CTX_set_ciphersuites``: the TLS 1.3 suites, colon-separated; False if refused."""
    _require("set TLS 1.3 cipher suites (SSL_CTX_set_ciphersuites)")
    return _lib.SSL_CTX_set_ciphersuites(_ctx_of(context), suites.encode("ascii")) == 1


def set_groups(context, groups):
    """``SSL_CTX_set1_groups_list``: the key exchange groups, colon-separated; False if refused."""
    _require("set a list of ECDH curves (SSL_CTX_set1_groups_list)")
    return _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_GROUPS_LIST, 0, groups.encode("ascii")) == 1


def cipher_standard_name(sslobj):
    """``SSL_CIPHER_standard_name`` of the current cipher (the IANA name), or ``None``."""
    _require("name the cipher in use (SSL_CIPHER_standard_name)")
    cipher = _lib.SSL_get_current_cipher(_ssl_of(sslobj))
    if not cipher:
        return None
    name = _lib.SSL_CIPHER_standard_name(cipher)
    return name.decode("ascii") if name else None


def watch_keylog(sslobj, sink):
    """Collect the session's key log lines (NSS format, with their newline) in
    the list ``sink`` (Node's 'keylog'); ``SSL_CTX_set_keylog_callback`` on its
    context the first time. Returns the key to give ``unwatch_keylog``."""
    _require("log TLS keys ('keylog', SSL_CTX_set_keylog_callback)")
    ctx = _ctx_of(sslobj.context)
    if ctx not in _keylog_contexts:
        _lib.SSL_CTX_set_keylog_callback(ctx, _KEYLOG)
        _keylog_contexts.add(ctx)
    ptr = _ssl_of(sslobj)
    _keylog_sinks[ptr] = sink
    return ptr


def unwatch_keylog(key):
    _keylog_sinks.pop(key, None)
