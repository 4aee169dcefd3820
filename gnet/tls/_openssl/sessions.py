"""TLS sessions and session tickets as Node has them.

- Sessions as DER bytes: ``i2d_SSL_SESSION``/``d2i_SSL_SESSION`` (``getSession``,
  ``setSession``, ``options.session``);
- ``SSL_CTX_sess_set_new_cb`` (a client's 'session', a server's 'newSession')
  and ``SSL_CTX_sess_set_get_cb`` (the session a server's 'resumeSession'
  listener gives back), with Node's session cache mode
  (``SSL_CTX_set_session_cache_mode``);
- ``SSL_CTX_set_timeout`` (``sessionTimeout``) and
  ``SSL_CTX_set_session_id_context``;
- Node's ticket key callback (``SSL_CTX_set_tlsext_ticket_key_cb``,
  ``ticketKeys``, ``getTicketKeys``/``setTicketKeys``).

Node's session tickets: every context has 48 bytes of ticket keys (16 of key
name, 16 of HMAC secret, 16 of AES key), random unless ``ticketKeys`` gives
them, and a callback that seals a ticket with AES-128-CBC and HMAC-SHA256
under them and opens one whose key name matches (crypto_context.cc's
``TicketCompatibilityCallback``). The same callback here makes a gnet server's
tickets and a Node server's interchangeable when they share the keys (and the
session id context). It is the legacy ``SSL_CTX_set_tlsext_ticket_key_cb``
(``HMAC_CTX``), as Node's, rather than OpenSSL 3's ``..._evp_cb``: that one
takes an ``EVP_MAC_CTX`` whose key and digest are set through an
``OSSL_PARAM`` array (structs of pointers built by hand in ``ctypes``), and it
does not exist in OpenSSL 1.1.1, which older Pythons link. The callback runs
inside OpenSSL: it reads the keys and initialises OpenSSL's contexts, nothing
else, and whatever goes wrong in it makes OpenSSL issue no ticket or resume
nothing (never an exception through OpenSSL's stack).
"""

import ctypes
import os
import weakref

from ._core import c_int, c_long, c_uint, c_void_p, c_char_p, callback_pointer, ctx_of as _ctx_of, declare
from ._core import lib as _lib, require as _require, ssl_of as _ssl_of

__all__ = ["MAX_SESSION_SIZE", "get_session", "set_session", "session_cache_mode", "set_session_timeout",
           "set_session_id_context", "watch_sessions", "load_session", "unwatch_sessions",
           "TICKET_KEYS_SIZE", "TicketKeys", "use_ticket_keys"]

#: ``SSL_CTX_set_session_cache_mode`` is a macro over ``SSL_CTX_ctrl``.
_SSL_CTRL_SET_SESS_CACHE_MODE = 44
#: Node's session cache mode on every context (crypto_context.cc):
#: ``SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL |
#: SSL_SESS_CACHE_NO_AUTO_CLEAR``. OpenSSL keeps no session itself: a client's new
#: sessions go to the new-session callback ('session'), and a server resumes
#: by session id only what 'resumeSession' gives back (tickets need no cache).
_NODE_SESS_CACHE_MODE = 0x0001 | 0x0002 | 0x0300 | 0x0080
#: Node's ``SecureContext::kMaxSessionSize``: a bigger session is not emitted.
MAX_SESSION_SIZE = 10 * 1024

#: ``int new_session_cb(SSL *ssl, SSL_SESSION *sess)``.
_NEW_SESSION_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
#: ``SSL_SESSION *get_session_cb(SSL *ssl, const unsigned char *id, int len, int *copy)``.
_GET_SESSION_CB = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int,
                                   ctypes.POINTER(ctypes.c_int))
#: ``SSL *`` -> the list a watched connection's new sessions go to, as
#: ``(session id, DER bytes)``.
_session_sinks = {}
#: ``SSL *`` -> the ``SSL_SESSION *`` (ours) a server hands OpenSSL when it
#: looks a session id up (loaded from 'resumeSession''s answer).
_next_sessions = {}


def _new_session(ssl_ptr, sess):
    # Inside OpenSSL: only collect. Returning 0 leaves the session OpenSSL's
    # (Node's NewSessionCallback does the same).
    sink = _session_sinks.get(ssl_ptr)
    if sink is not None:
        data = _i2d(sess)
        if data is not None and len(data) <= MAX_SESSION_SIZE:
            length = ctypes.c_uint(0)
            sid = _lib.SSL_SESSION_get_id(sess, ctypes.byref(length))
            sink.append((ctypes.string_at(sid, length.value) if sid else b"", data))
    return 0


def _get_session(ssl_ptr, sid, length, copy):
    # Node's GetSessionCallback: the session loaded for this connection (or
    # NULL); copy = 0 hands our reference to OpenSSL, which frees it.
    copy[0] = 0
    return _next_sessions.pop(ssl_ptr, None)


_NEW_SESSION = _NEW_SESSION_CB(_new_session)
_GET_SESSION = _GET_SESSION_CB(_get_session)

#: ``SSL_CTX_set_tlsext_ticket_key_cb`` is a macro over ``SSL_CTX_callback_ctrl``.
_SSL_CTRL_SET_TLSEXT_TICKET_KEY_CB = 72
#: Node's ticket keys: 16 bytes of key name, 16 of HMAC secret, 16 of AES key.
TICKET_KEYS_SIZE = 48
_TICKET_PART = 16
#: ``int ticket_key_cb(SSL *s, unsigned char key_name[16], unsigned char *iv,
#: EVP_CIPHER_CTX *ctx, HMAC_CTX *hctx, int enc)``.
_TICKET_KEY_CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                  ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
#: ``SSL_CTX *`` -> its ``TicketKeys`` (removed when the ``ssl.SSLContext`` goes).
_ticket_keys = {}


class TicketKeys:
    """A context's 48 bytes of ticket keys, in memory OpenSSL reads from the
    ticket callback; random until ``set`` (Node's ``SecureContext::Init``)."""

    __slots__ = ("buf",)

    def __init__(self):
        self.buf = ctypes.create_string_buffer(os.urandom(TICKET_KEYS_SIZE), TICKET_KEYS_SIZE)

    def get(self):
        """The 48 bytes (a copy), as Node's ``getTicketKeys()``."""
        return self.buf.raw

    def set(self, data):
        """Use ``data`` (48 bytes) from the next ticket on."""
        ctypes.memmove(self.buf, bytes(data), TICKET_KEYS_SIZE)


def _ticket_key(ssl_ptr, name, iv, ectx, hctx, enc):
    # Node's TicketCompatibilityCallback: 1 sealed or opened (no renewal), 0
    # no ticket issued or this one not ours (a full handshake), -1 OpenSSL
    # failed. Anything unforeseen (a Python exception here would go through
    # OpenSSL's stack) is a 0: no ticket, or no resumption.
    try:
        keys = _ticket_keys.get(_lib.SSL_get_SSL_CTX(ssl_ptr))
        if keys is None:
            return 0
        base = ctypes.addressof(keys.buf)
        hmac_key, aes_key = base + _TICKET_PART, base + 2 * _TICKET_PART
        if enc:
            ctypes.memmove(name, base, _TICKET_PART)
            ctypes.memmove(iv, os.urandom(_TICKET_PART), _TICKET_PART)
            if _lib.EVP_EncryptInit_ex(ectx, _AES_128_CBC, None, aes_key, iv) <= 0:
                return -1
        else:
            if ctypes.string_at(name, _TICKET_PART) != keys.buf.raw[:_TICKET_PART]:
                return 0
            if _lib.EVP_DecryptInit_ex(ectx, _AES_128_CBC, None, aes_key, iv) <= 0:
                return -1
        if _lib.HMAC_Init_ex(hctx, hmac_key, _TICKET_PART, _SHA256, None) <= 0:
            return -1
        return 1
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return 0


_TICKET_KEY = _TICKET_KEY_CB(_ticket_key)

declare("SSL_get1_session", c_void_p, c_void_p)
declare("SSL_SESSION_free", None, c_void_p)
declare("i2d_SSL_SESSION", c_int, c_void_p, ctypes.POINTER(c_void_p))
declare("d2i_SSL_SESSION", c_void_p, c_void_p, ctypes.POINTER(c_void_p), c_long)
declare("SSL_set_session", c_int, c_void_p, c_void_p)
declare("SSL_SESSION_get_id", c_void_p, c_void_p, ctypes.POINTER(c_uint))
declare("SSL_CTX_sess_set_new_cb", None, c_void_p, _NEW_SESSION_CB)
declare("SSL_CTX_sess_set_get_cb", None, c_void_p, _GET_SESSION_CB)
declare("SSL_CTX_set_session_id_context", c_int, c_void_p, c_char_p, c_uint)
declare("SSL_CTX_set_timeout", c_long, c_void_p, c_long)
declare("EVP_EncryptInit_ex", c_int, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
declare("EVP_DecryptInit_ex", c_int, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
declare("HMAC_Init_ex", c_int, c_void_p, c_void_p, c_int, c_void_p, c_void_p)
_aes_128_cbc = declare("EVP_aes_128_cbc", c_void_p)
_sha256 = declare("EVP_sha256", c_void_p)
_AES_128_CBC = _aes_128_cbc() if _aes_128_cbc is not None else None
_SHA256 = _sha256() if _sha256 is not None else None


def _i2d(sess):
    """The DER bytes of an ``SSL_SESSION *`` (``i2d_SSL_SESSION``), or ``None``."""
    size = _lib.i2d_SSL_SESSION(sess, None)
    if size <= 0:
        return None
    buf = ctypes.create_string_buffer(size)
    cursor = ctypes.c_void_p(ctypes.addressof(buf))
    if _lib.i2d_SSL_SESSION(sess, ctypes.byref(cursor)) != size:
        return None
    return buf.raw


def _d2i(data):
    """A new ``SSL_SESSION *`` (the caller's to free) from DER bytes, or ``None``."""
    if not data:
        return None
    buf = ctypes.create_string_buffer(data, len(data))
    cursor = ctypes.c_void_p(ctypes.addressof(buf))
    return _lib.d2i_SSL_SESSION(None, ctypes.byref(cursor), len(data)) or None


def get_session(sslobj):
    """Node's ``getSession()``: the DER bytes of the connection's session
    (``SSL_get1_session``, ``i2d_SSL_SESSION``), or ``None`` without one."""
    _require("export the TLS session (i2d_SSL_SESSION)")
    sess = _lib.SSL_get1_session(_ssl_of(sslobj))
    if not sess:
        return None
    try:
        return _i2d(sess)
    finally:
        _lib.SSL_SESSION_free(sess)


def set_session(sslobj, data):
    """Node's ``setSession(buffer)``: resume the session ``data`` (DER) on the
    next handshake. Bytes OpenSSL cannot read are ignored, as Node ignores
    them; False if OpenSSL refuses the session."""
    _require("import a TLS session (d2i_SSL_SESSION)")
    sess = _d2i(data)
    if sess is None:
        return True
    try:
        return _lib.SSL_set_session(_ssl_of(sslobj), sess) == 1
    finally:
        _lib.SSL_SESSION_free(sess)     # SSL_set_session took its own reference


def session_cache_mode(context):
    """Node's session cache mode on an ``ssl.SSLContext`` (see ``_NODE_SESS_CACHE_MODE``)."""
    _require("set the session cache mode (SSL_CTX_set_session_cache_mode)")
    _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_SESS_CACHE_MODE, _NODE_SESS_CACHE_MODE, None)


def set_session_timeout(context, seconds):
    """``SSL_CTX_set_timeout``: how long a session (and a ticket) this context
    makes may resume a connection, in seconds (Node's ``sessionTimeout``)."""
    _require("set the session timeout (SSL_CTX_set_timeout)")
    _lib.SSL_CTX_set_timeout(_ctx_of(context), seconds)


def use_ticket_keys(context, keys):
    """Seal and open ``context``'s session tickets with ``keys`` (a
    ``TicketKeys``) as Node does, for as long as ``context`` lives."""
    _require("use Node's session ticket keys (SSL_CTX_set_tlsext_ticket_key_cb)")
    ctx = _ctx_of(context)
    if ctx not in _ticket_keys:
        # Removed before the SSL_CTX is freed (weak references go first), so
        # a later context at the same address starts clean.
        weakref.finalize(context, _ticket_keys.pop, ctx, None)
        _lib.SSL_CTX_callback_ctrl(ctx, _SSL_CTRL_SET_TLSEXT_TICKET_KEY_CB, callback_pointer(_TICKET_KEY))
    _ticket_keys[ctx] = keys


def set_session_id_context(context, sid_ctx):
    """``SSL_CTX_set_session_id_context``: the context a session is tied to
    (Python sets ``b'Python'``; Node none on a client, ``sessionIdContext`` on a
    server). False if OpenSSL refuses it (longer than 32 bytes)."""
    _require("set the session id context (SSL_CTX_set_session_id_context)")
    return _lib.SSL_CTX_set_session_id_context(_ctx_of(context), sid_ctx, len(sid_ctx)) == 1


def watch_sessions(sslobj, sink):
    """Collect the connection's new sessions in the list ``sink`` as
    ``(session id, DER bytes)`` (a client's 'session', a server's
    'newSession'); the context's new- and get-session callbacks are set.
    Returns the key to give ``unwatch_sessions``."""
    _require("follow TLS sessions (SSL_CTX_sess_set_new_cb)")
    # Set each time (two stores in the SSL_CTX), as watch_keylog: a set of
    # contexts already done would outlive them and skip a new context at a
    # freed one's address.
    ctx = _ctx_of(sslobj.context)
    _lib.SSL_CTX_sess_set_new_cb(ctx, _NEW_SESSION)
    _lib.SSL_CTX_sess_set_get_cb(ctx, _GET_SESSION)
    ptr = _ssl_of(sslobj)
    _session_sinks[ptr] = sink
    return ptr


def load_session(key, data):
    """The session (DER bytes) OpenSSL gets when this watched server connection's
    session id is looked up (Node's ``loadSession``); unreadable bytes load none."""
    old = _next_sessions.pop(key, None)
    if old:
        _lib.SSL_SESSION_free(old)
    sess = _d2i(data) if data is not None else None
    if sess is not None:
        _next_sessions[key] = sess


def unwatch_sessions(key):
    _session_sinks.pop(key, None)
    old = _next_sessions.pop(key, None)
    if old:
        _lib.SSL_SESSION_free(old)
