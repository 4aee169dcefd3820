"""Node's context and server options that Python's ``ssl`` has no setting for.

- ``secureProtocol``'s one-sided methods: Node makes the context with
  ``TLS_server_method()`` or ``TLS_client_method()`` for a ``*_server_method``
  or ``*_client_method``; Python makes one context per side, so the side the
  method does not serve gets that method (``SSL_CTX_set_ssl_version``) and
  OpenSSL refuses its handshake as it refuses Node's ("called a function you
  should not call");
- ``ALPNCallback``: ``SSL_CTX_set_alpn_select_cb`` with a callback that asks a
  Python function (the server's) which of the client's protocols to take,
  as Node's ``SelectALPNCallback`` asks JavaScript;
- OpenSSL engines (``privateKeyEngine``/``privateKeyIdentifier``,
  ``clientCertEngine``): Node's ``LoadEngineById`` (``ENGINE_by_id``, else the
  ``dynamic`` engine loading the name as a path), ``ENGINE_init``,
  ``ENGINE_load_private_key``, ``SSL_CTX_use_PrivateKey`` and
  ``SSL_CTX_set_client_cert_engine``, with OpenSSL's error queue read as Node
  reads it. An OpenSSL built without engines has none of these functions:
  ``engines_available`` is false and the callers raise Node's
  ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED, as Node built so does.
"""

import ctypes
import weakref

import _ssl

from . import _core
from ._core import c_int, c_uint, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib
from ._core import require as _require

__all__ = ["use_method", "choose_alpn", "ALPN_REFUSED", "ALPN_NOACK", "engines_available", "load_engine",
           "use_engine_key", "use_client_cert_engine", "queued_errors"]

declare("TLS_server_method", c_void_p)
declare("TLS_client_method", c_void_p)
declare("SSL_CTX_set_ssl_version", c_int, c_void_p, c_void_p)
declare("SSL_get_ex_data", c_void_p, c_void_p, c_int)
declare("SSL_get_wbio", c_void_p, c_void_p)
declare("BIO_set_flags", None, c_void_p, c_int)
declare("SSL_CTX_use_PrivateKey", c_int, c_void_p, c_void_p)
declare("EVP_PKEY_free", None, c_void_p)
declare("ERR_peek_error", ctypes.c_ulong)
declare("ERR_set_mark", c_int)
declare("ERR_pop_to_mark", c_int)


def use_method(context, side):
    """Make ``context`` (one side's ``ssl.SSLContext``) a context of OpenSSL's
    ``TLS_<side>_method``, ``side`` being ``'server'`` or ``'client'``: an
    ``SSL`` made from it can only take that side. Resets the cipher list, so
    it comes first."""
    _require("use a one-sided secureProtocol (SSL_CTX_set_ssl_version)")
    method = _lib.TLS_server_method() if side == "server" else _lib.TLS_client_method()
    if _lib.SSL_CTX_set_ssl_version(_ctx_of(context), method) != 1:
        _core.clear_errors()
        raise RuntimeError("OpenSSL refused TLS_%s_method for this context" % side)


# ----------------------------------------------------------------------
# ALPNCallback

#: The choosing function's answer for "the connection is destroyed": the
#: handshake fails and sends nothing more (Node destroys the socket inside
#: its callback, so its fatal alert never goes out).
ALPN_REFUSED = object()
#: Its answer for "no callback here": the handshake goes on without ALPN.
ALPN_NOACK = object()

#: ``int alpn_select_cb(SSL *ssl, const unsigned char **out, unsigned char *outlen,
#: const unsigned char *in, unsigned int inlen, void *arg)``: the same type
#: (ctypes caches it) as the one ``handshakes`` declares the setter with.
_ALPN_SELECT_CB = ctypes.CFUNCTYPE(c_int, c_void_p, ctypes.POINTER(c_void_p), ctypes.POINTER(ctypes.c_ubyte),
                                   c_void_p, c_uint, c_void_p)
_SSL_TLSEXT_ERR_OK, _SSL_TLSEXT_ERR_ALERT_FATAL, _SSL_TLSEXT_ERR_NOACK = 0, 2, 3
#: ``BIO_FLAGS_MEM_RDONLY``: a memory BIO that takes no more writes.
_BIO_FLAGS_MEM_RDONLY = 0x200
declare("SSL_CTX_set_alpn_select_cb", None, c_void_p, _ALPN_SELECT_CB, c_void_p)
#: ``SSL_CTX *`` -> ``choose(sslobj, protocols)`` for its connections; removed
#: when the ``ssl.SSLContext`` goes.
_alpn_choosers = {}


def _sslobject(ssl_ptr):
    # CPython keeps its PySSLSocket as the SSL's app data (ex_data 0), whose
    # owner is the ssl.SSLObject: Python's own servername callback finds it so.
    obj = _lib.SSL_get_ex_data(ssl_ptr, 0)
    if not obj:
        return None
    sslsock = ctypes.cast(obj, ctypes.py_object).value
    if type(sslsock) is not _ssl._SSLSocket:
        return None
    return sslsock.owner


def _alpn_choose(ssl_ptr, out, outlen, client, client_len, arg):
    # Inside OpenSSL's handshake. ``choose`` runs the user's ALPNCallback and
    # keeps its errors for after the step; anything unforeseen here is the
    # fatal alert, as nothing may unwind through OpenSSL.
    try:
        choose = _alpn_choosers.get(_lib.SSL_get_SSL_CTX(ssl_ptr))
        sslobj = _sslobject(ssl_ptr)
        if choose is None or sslobj is None:
            return _SSL_TLSEXT_ERR_ALERT_FATAL
        wire = ctypes.string_at(client, client_len)
        protocols, offsets, i = [], [], 0
        while i < len(wire):
            n = wire[i]
            # Node reads them as 'ascii' (the high bit dropped).
            protocols.append(bytes(b & 0x7f for b in wire[i + 1:i + 1 + n]).decode("ascii"))
            offsets.append(i)
            i += 1 + n
        index = choose(sslobj, protocols)
        if index is ALPN_NOACK:
            return _SSL_TLSEXT_ERR_NOACK
        if index is ALPN_REFUSED:
            # The connection is destroyed: its alert goes nowhere.
            _lib.BIO_set_flags(_lib.SSL_get_wbio(ssl_ptr), _BIO_FLAGS_MEM_RDONLY)
            return _SSL_TLSEXT_ERR_ALERT_FATAL
        if index is None:
            return _SSL_TLSEXT_ERR_ALERT_FATAL
        start = offsets[index]
        out[0] = client + start + 1          # into the client's list, as Node's
        outlen[0] = wire[start]
        return _SSL_TLSEXT_ERR_OK
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return _SSL_TLSEXT_ERR_ALERT_FATAL


_ALPN_CHOOSE = _ALPN_SELECT_CB(_alpn_choose)


def choose_alpn(context, choose):
    """A server ``context``'s connections take the ALPN protocol
    ``choose(sslobj, protocols)`` names, by its index in ``protocols`` (the
    client's, ``str``); ``None`` refuses them all (a fatal
    ``no_application_protocol`` alert), ``ALPN_REFUSED`` fails the handshake
    without a word, ``ALPN_NOACK`` goes on without ALPN. ``choose`` runs
    inside OpenSSL: it must not raise."""
    _require("choose ALPN protocols with ALPNCallback (SSL_CTX_set_alpn_select_cb)")
    ctx = _ctx_of(context)
    if ctx not in _alpn_choosers:
        weakref.finalize(context, _alpn_choosers.pop, ctx, None)
    _alpn_choosers[ctx] = choose
    _lib.SSL_CTX_set_alpn_select_cb(ctx, _ALPN_CHOOSE, None)


# ----------------------------------------------------------------------
# engines

def _optional(name, restype, *argtypes):
    # Not ``declare``: an OpenSSL without engines lacks only these, and the
    # rest of the layer works.
    fn = getattr(_lib, name, None) if _lib is not None else None
    if fn is not None:
        fn.restype = restype
        fn.argtypes = list(argtypes)
    return fn


_engine_by_id = _optional("ENGINE_by_id", c_void_p, c_char_p)
_engine_ctrl_cmd_string = _optional("ENGINE_ctrl_cmd_string", c_int, c_void_p, c_char_p, c_char_p, c_int)
_engine_init = _optional("ENGINE_init", c_int, c_void_p)
_engine_finish = _optional("ENGINE_finish", c_int, c_void_p)
_engine_free = _optional("ENGINE_free", c_int, c_void_p)
_engine_load_private_key = _optional("ENGINE_load_private_key", c_void_p, c_void_p, c_char_p, c_void_p, c_void_p)
_set_client_cert_engine = _optional("SSL_CTX_set_client_cert_engine", c_int, c_void_p, c_void_p)

#: This OpenSSL has engines (``OPENSSL_NO_ENGINE`` was not set when it was built).
engines_available = None not in (_engine_by_id, _engine_ctrl_cmd_string, _engine_init, _engine_finish,
                                  _engine_free, _engine_load_private_key, _set_client_cert_engine)


def queued_errors():
    """Every error in OpenSSL's queue, oldest first, as ``ERR_error_string_n``
    texts (Node's ``CryptoErrorStore::Capture``); the queue is left empty."""
    texts = []
    buf = ctypes.create_string_buffer(256)
    while True:
        code = _lib.ERR_get_error()
        if not code:
            return texts
        _lib.ERR_error_string_n(code, buf, len(buf))
        texts.append(buf.value.decode("latin-1"))


def _error_or_none():
    # OpenSSL's oldest error as ``_core.take_error`` reads it, ``None`` when
    # the queue is empty (Node's ThrowCryptoError then has its own message).
    if not _lib.ERR_peek_error():
        return None
    return _core.take_error()


def load_engine(engine_id):
    """Node's ``LoadEngineById``: the engine named ``engine_id`` (built in, or
    in OpenSSL's engines directory), else one the ``dynamic`` engine loads
    from ``engine_id`` as a path. Returns ``(engine, None)``, the caller
    owning the structural reference (``release_engine``), or ``(None,
    errors)`` with OpenSSL's errors, oldest first (may be empty)."""
    _require("load an OpenSSL engine (ENGINE_by_id)")
    name = engine_id.encode("utf-8")
    _lib.ERR_set_mark()
    try:
        engine = _engine_by_id(name)
        if not engine:
            engine = _engine_by_id(b"dynamic")
            if engine and (not _engine_ctrl_cmd_string(engine, b"SO_PATH", name, 0)
                           or not _engine_ctrl_cmd_string(engine, b"LOAD", None, 0)):
                _engine_free(engine)
                engine = None
        if not engine:
            return None, queued_errors()
        return engine, None
    finally:
        _lib.ERR_pop_to_mark()


def use_engine_key(context, engine, key_id):
    """Node's ``SecureContext::SetEngineKey`` once the engine is loaded:
    ``ENGINE_init``, ``ENGINE_load_private_key(key_id)`` and
    ``SSL_CTX_use_PrivateKey``. Takes the structural reference to ``engine``.
    Returns ``None`` when the key is in use (the engine then stays initialised
    as long as ``context`` lives), ``'init'`` when the engine would not
    initialise, else OpenSSL's error ``(message, library, reason)`` (the
    message alone, Node's, when OpenSSL queued none)."""
    if not _engine_init(engine):
        _core.clear_errors()
        _engine_free(engine)
        return "init"
    pkey = _engine_load_private_key(engine, key_id.encode("utf-8"), None, None)
    if not pkey:
        error = _error_or_none() or ("ENGINE_load_private_key", None, None)
        _release_engine(engine)
        return error
    try:
        if _lib.SSL_CTX_use_PrivateKey(_ctx_of(context), pkey) != 1:
            error = _error_or_none() or ("SSL_CTX_use_PrivateKey", None, None)
            _release_engine(engine)
            return error
    finally:
        _lib.EVP_PKEY_free(pkey)
    weakref.finalize(context, _release_engine, engine)
    return None


def _release_engine(engine):
    _engine_finish(engine)
    _engine_free(engine)


def use_client_cert_engine(context, engine):
    """Node's ``SecureContext::SetClientCertEngine`` once the engine is
    loaded: ``SSL_CTX_set_client_cert_engine`` (which takes its own reference;
    ours is released). ``None``, else OpenSSL's error ``(message, library, reason)``."""
    _lib.ERR_set_mark()
    try:
        if _set_client_cert_engine(_ctx_of(context), engine) != 1:
            return _error_or_none() or ("error:00000000:lib(0)::reason(0)", None, None)
        return None
    finally:
        _engine_free(engine)
        _lib.ERR_pop_to_mark()

