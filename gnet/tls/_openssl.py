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
- sessions as Node has them: ``i2d_SSL_SESSION``/``d2i_SSL_SESSION`` (``getSession``,
  ``setSession``, ``options.session`` as DER bytes), ``SSL_CTX_sess_set_new_cb``
  (a client's 'session', a server's 'newSession') and ``SSL_CTX_sess_set_get_cb``
  (the session a server's 'resumeSession' listener gives back), with Node's
  session cache mode (``SSL_CTX_set_session_cache_mode``);
- ``SSL_get_peer_tmp_key`` with ``EVP_PKEY_get_id``/``EVP_PKEY_get_bits``
  (``getEphemeralKeyInfo``) and ``SSL_set_max_send_fragment`` (``setMaxSendFragment``);
- ``SSL_CTX_set_ciphersuites`` (TLS 1.3 suites in ``ciphers``) and
  ``SSL_CTX_set1_groups_list`` (a list of curves in ``ecdhCurve``);
- ``SSL_CTX_set_timeout`` (``sessionTimeout``);
- Node's ticket key callback (``SSL_CTX_set_tlsext_ticket_key_cb``, ``ticketKeys``,
  ``getTicketKeys``/``setTicketKeys``), below;
- ``SSL_CTX_set_alpn_select_cb`` with ``SSL_select_next_proto`` over the
  server's list (Node's ``SelectALPNCallback``: no protocol in common is a
  fatal ``no_application_protocol`` alert, where Python's callback goes on
  without ALPN);
- ``SSL_set_info_callback`` (Node's ``SSLInfoCallback``: the start and end
  of each handshake after the first, a TLS 1.2 renegotiation) and
  ``SSL_OP_ALLOW_CLIENT_RENEGOTIATION``, set on every context as Node sets it;
- ``SSL_renegotiate`` and ``SSL_set_verify`` (``renegotiate()``, Node's
  ``TLSWrap::Renegotiate`` and ``SetVerifyMode``), with OpenSSL's error queue
  read as Node's ``ThrowCryptoError`` reads it (``ERR_get_error``,
  ``ERR_error_string_n``, ``ERR_lib_error_string``, ``ERR_reason_error_string``);
- ``SSL_set_msg_callback`` with OpenSSL's own ``SSL_trace`` writing to a
  ``BIO`` on descriptor 2 (``enableTrace``): C calling C, no Python inside
  OpenSSL. ``SSL_trace`` exists only in an OpenSSL built with
  ``enable-ssl-trace``; ``why_no_trace`` says so when it is missing.

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

Python keeps the pointers in its objects' C structs (``PySSLSocket``:
``PyObject_HEAD``, ``Socket``, ``ssl``; ``PySSLContext``: ``PyObject_HEAD``,
``ctx``), the same layout in CPython 3.7 to 3.13. ``available`` is true only
once that layout is proven on this interpreter: the ``SSL`` read from an
object must belong to the ``SSL_CTX`` read from its context
(``SSL_get_SSL_CTX``). Where it is false, the callers say what is missing
instead of guessing.
"""

import ctypes
import os
import ssl
import sys
import weakref

import _ssl

__all__ = ["available", "why_unavailable", "verify_result", "verify_error_string", "accept_any_certificate",
           "finished", "peer_finished", "export_keying_material", "set_ciphersuites", "set_groups", "cipher_standard_name",
           "watch_keylog", "unwatch_keylog", "set_sigalgs", "add_crl", "get_session", "set_session", "session_cache_mode",
           "watch_sessions", "unwatch_sessions", "load_session", "MAX_SESSION_SIZE", "set_session_id_context",
           "ephemeral_key_info", "set_max_send_fragment", "set_session_timeout", "TicketKeys",
           "use_ticket_keys", "TICKET_KEYS_SIZE", "enable_trace", "enable_trace_check", "disable_trace",
           "why_no_trace", "watch_handshakes", "unwatch_handshakes", "HANDSHAKE_START", "HANDSHAKE_DONE", "renegotiate",
           "set_verify_mode",
           "allow_client_renegotiation", "select_alpn"]

#: ``SSL_CTRL_SET_GROUPS_LIST`` (``SSL_CTX_set1_groups_list`` is a macro over ``SSL_CTX_ctrl``).
_SSL_CTRL_SET_GROUPS_LIST = 92
#: ``SSL_CTX_set_session_cache_mode`` is a macro over ``SSL_CTX_ctrl`` too.
_SSL_CTRL_SET_SESS_CACHE_MODE = 44
#: Node's session cache mode on every context (crypto_context.cc):
#: ``SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL |
#: SSL_SESS_CACHE_NO_AUTO_CLEAR``. OpenSSL keeps no session itself: a client's new
#: sessions go to the new-session callback ('session'), and a server resumes
#: by session id only what 'resumeSession' gives back (tickets need no cache).
_NODE_SESS_CACHE_MODE = 0x0001 | 0x0002 | 0x0300 | 0x0080
#: ``SSL_get_peer_tmp_key`` and ``SSL_set_max_send_fragment`` are macros over ``SSL_ctrl``.
_SSL_CTRL_GET_PEER_TMP_KEY = 109
_SSL_CTRL_SET_MAX_SEND_FRAGMENT = 52
#: ``EVP_PKEY_DH``, ``EVP_PKEY_EC``, ``EVP_PKEY_X25519``, ``EVP_PKEY_X448`` (their NIDs).
_EVP_PKEY_DH, _EVP_PKEY_EC, _EVP_PKEY_X25519, _EVP_PKEY_X448 = 28, 408, 1034, 1035
#: Node's ``SecureContext::kMaxSessionSize``: a bigger session is not emitted.
MAX_SESSION_SIZE = 10 * 1024

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
_session_contexts = set()


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
_AES_128_CBC = _SHA256 = None


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

#: ``void info_callback(const SSL *ssl, int where, int ret)``.
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

available = False
why_unavailable = None
#: Why ``enable_trace`` cannot work here (``None`` when it can).
why_no_trace = None
_lib = None
_ssl_trace = None           # the address of OpenSSL's SSL_trace
#: ``SSL_set_msg_callback_arg`` is a macro over ``SSL_ctrl``; ``BIO_NOCLOSE``.
_SSL_CTRL_SET_MSG_CALLBACK_ARG = 16
_BIO_NOCLOSE = 0


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
        lib.SSL_get1_session.restype = ctypes.c_void_p
        lib.SSL_get1_session.argtypes = [ctypes.c_void_p]
        lib.SSL_SESSION_free.restype = None
        lib.SSL_SESSION_free.argtypes = [ctypes.c_void_p]
        lib.i2d_SSL_SESSION.restype = ctypes.c_int
        lib.i2d_SSL_SESSION.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
        lib.d2i_SSL_SESSION.restype = ctypes.c_void_p
        lib.d2i_SSL_SESSION.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_long]
        lib.SSL_set_session.restype = ctypes.c_int
        lib.SSL_set_session.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.SSL_SESSION_get_id.restype = ctypes.c_void_p
        lib.SSL_SESSION_get_id.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint)]
        lib.SSL_CTX_sess_set_new_cb.restype = None
        lib.SSL_CTX_sess_set_new_cb.argtypes = [ctypes.c_void_p, _NEW_SESSION_CB]
        lib.SSL_CTX_sess_set_get_cb.restype = None
        lib.SSL_CTX_sess_set_get_cb.argtypes = [ctypes.c_void_p, _GET_SESSION_CB]
        lib.SSL_ctrl.restype = ctypes.c_long
        lib.SSL_ctrl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
        # OpenSSL 3 names them EVP_PKEY_get_id/_get_bits (EVP_PKEY_id/_bits are macros there).
        lib.gnet_pkey_id = getattr(lib, "EVP_PKEY_get_id", None) or lib.EVP_PKEY_id
        lib.gnet_pkey_id.restype = ctypes.c_int
        lib.gnet_pkey_id.argtypes = [ctypes.c_void_p]
        lib.gnet_pkey_bits = getattr(lib, "EVP_PKEY_get_bits", None) or lib.EVP_PKEY_bits
        lib.gnet_pkey_bits.restype = ctypes.c_int
        lib.gnet_pkey_bits.argtypes = [ctypes.c_void_p]
        lib.EVP_PKEY_free.restype = None
        lib.EVP_PKEY_free.argtypes = [ctypes.c_void_p]
        lib.OBJ_nid2sn.restype = ctypes.c_char_p
        lib.OBJ_nid2sn.argtypes = [ctypes.c_int]
        lib.EVP_PKEY_get1_EC_KEY.restype = ctypes.c_void_p
        lib.EVP_PKEY_get1_EC_KEY.argtypes = [ctypes.c_void_p]
        lib.EC_KEY_get0_group.restype = ctypes.c_void_p
        lib.EC_KEY_get0_group.argtypes = [ctypes.c_void_p]
        lib.EC_GROUP_get_curve_name.restype = ctypes.c_int
        lib.EC_GROUP_get_curve_name.argtypes = [ctypes.c_void_p]
        lib.EC_KEY_free.restype = None
        lib.EC_KEY_free.argtypes = [ctypes.c_void_p]
        lib.SSL_CTX_set_session_id_context.restype = ctypes.c_int
        lib.SSL_CTX_set_session_id_context.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint]
        lib.SSL_CTX_set_timeout.restype = ctypes.c_long
        lib.SSL_CTX_set_timeout.argtypes = [ctypes.c_void_p, ctypes.c_long]
        lib.SSL_CTX_callback_ctrl.restype = ctypes.c_long
        lib.SSL_CTX_callback_ctrl.argtypes = [ctypes.c_void_p, ctypes.c_int, _TICKET_KEY_CB]
        for name in ("EVP_EncryptInit_ex", "EVP_DecryptInit_ex"):
            fn = getattr(lib, name)
            fn.restype = ctypes.c_int
            fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        lib.HMAC_Init_ex.restype = ctypes.c_int
        lib.HMAC_Init_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                     ctypes.c_void_p]
        lib.EVP_aes_128_cbc.restype = ctypes.c_void_p
        lib.EVP_aes_128_cbc.argtypes = []
        lib.EVP_sha256.restype = ctypes.c_void_p
        lib.EVP_sha256.argtypes = []
        lib.SSL_CTX_set_alpn_select_cb.restype = None
        lib.SSL_CTX_set_alpn_select_cb.argtypes = [ctypes.c_void_p, _ALPN_SELECT_CB, ctypes.c_void_p]
        lib.SSL_select_next_proto.restype = ctypes.c_int
        lib.SSL_select_next_proto.argtypes = [
            ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_ubyte), ctypes.c_void_p, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_uint]
        lib.SSL_set_info_callback.restype = None
        lib.SSL_set_info_callback.argtypes = [ctypes.c_void_p, _INFO_CB]
        lib.SSL_renegotiate_pending.restype = ctypes.c_int
        lib.SSL_renegotiate_pending.argtypes = [ctypes.c_void_p]
        lib.SSL_renegotiate.restype = ctypes.c_int
        lib.SSL_renegotiate.argtypes = [ctypes.c_void_p]
        lib.SSL_set_verify.restype = None
        lib.SSL_set_verify.argtypes = [ctypes.c_void_p, ctypes.c_int, _VERIFY_CB]
        lib.ERR_get_error.restype = ctypes.c_ulong
        lib.ERR_get_error.argtypes = []
        lib.ERR_error_string_n.restype = None
        lib.ERR_error_string_n.argtypes = [ctypes.c_ulong, ctypes.c_char_p, ctypes.c_size_t]
        lib.ERR_lib_error_string.restype = ctypes.c_char_p
        lib.ERR_lib_error_string.argtypes = [ctypes.c_ulong]
        lib.ERR_reason_error_string.restype = ctypes.c_char_p
        lib.ERR_reason_error_string.argtypes = [ctypes.c_ulong]
        lib.BIO_new_mem_buf.restype = ctypes.c_void_p
        lib.BIO_new_mem_buf.argtypes = [ctypes.c_char_p, ctypes.c_int]
        lib.BIO_free.restype = ctypes.c_int
        lib.BIO_free.argtypes = [ctypes.c_void_p]
        lib.PEM_read_bio_X509_CRL.restype = ctypes.c_void_p
        lib.PEM_read_bio_X509_CRL.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        lib.X509_CRL_free.restype = None
        lib.X509_CRL_free.argtypes = [ctypes.c_void_p]
        lib.SSL_CTX_get_cert_store.restype = ctypes.c_void_p
        lib.SSL_CTX_get_cert_store.argtypes = [ctypes.c_void_p]
        lib.X509_STORE_add_crl.restype = ctypes.c_int
        lib.X509_STORE_add_crl.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.ERR_clear_error.restype = None
        lib.ERR_clear_error.argtypes = []
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
    global _AES_128_CBC, _SHA256, _ssl_trace, why_no_trace
    _AES_128_CBC, _SHA256 = lib.EVP_aes_128_cbc(), lib.EVP_sha256()
    try:
        trace = lib.SSL_trace
        lib.SSL_set_msg_callback.restype = None
        lib.SSL_set_msg_callback.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.BIO_new_fd.restype = ctypes.c_void_p
        lib.BIO_new_fd.argtypes = [ctypes.c_int, ctypes.c_int]
        lib.BIO_free.restype = ctypes.c_int
        lib.BIO_free.argtypes = [ctypes.c_void_p]
        _ssl_trace = ctypes.cast(trace, ctypes.c_void_p).value
    except AttributeError as exc:
        why_no_trace = ("the libssl Python's ssl is linked with has no SSL_trace (OpenSSL built "
                        "without enable-ssl-trace): %s" % exc)
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


#: ``SSL_CTX_set1_sigalgs_list`` is a macro over ``SSL_CTX_ctrl`` too.
_SSL_CTRL_SET_SIGALGS_LIST = 98


def set_sigalgs(context, sigalgs):
    """``SSL_CTX_set1_sigalgs_list`` (Node's ``sigalgs``); False if OpenSSL refuses the list."""
    _require("set the signature algorithms (sigalgs, SSL_CTX_set1_sigalgs_list)")
    ok = _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_SET_SIGALGS_LIST, 0, sigalgs.encode("utf-8")) == 1
    if not ok:
        _lib.ERR_clear_error()      # not left for Python's next ssl call to find
    return ok


def add_crl(context, pem):
    """Node's ``SecureContext::AddCRL``: one PEM revocation list into the
    context's certificate store (``PEM_read_bio_X509_CRL``,
    ``X509_STORE_add_crl``, which takes its own reference); False if ``pem``
    holds none. The caller turns CRL checking on, as Node does."""
    _require("add a certificate revocation list (crl)")
    bio = _lib.BIO_new_mem_buf(pem, len(pem))
    if not bio:
        return False
    try:
        crl = _lib.PEM_read_bio_X509_CRL(bio, None, None, None)
    finally:
        _lib.BIO_free(bio)
    if not crl:
        _lib.ERR_clear_error()
        return False
    try:
        _lib.X509_STORE_add_crl(_lib.SSL_CTX_get_cert_store(_ctx_of(context)), crl)
    finally:
        _lib.X509_CRL_free(crl)
    return True


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


# ----------------------------------------------------------------------
# sessions

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
        _lib.SSL_CTX_callback_ctrl(ctx, _SSL_CTRL_SET_TLSEXT_TICKET_KEY_CB, _TICKET_KEY)
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
    'newSession'); the context's new- and get-session callbacks are set the
    first time. Returns the key to give ``unwatch_sessions``."""
    _require("follow TLS sessions (SSL_CTX_sess_set_new_cb)")
    ctx = _ctx_of(sslobj.context)
    if ctx not in _session_contexts:
        _lib.SSL_CTX_sess_set_new_cb(ctx, _NEW_SESSION)
        _lib.SSL_CTX_sess_set_get_cb(ctx, _GET_SESSION)
        _session_contexts.add(ctx)
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


# ----------------------------------------------------------------------
# handshakes after the first (renegotiation)

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


#: ``SSL_VERIFY_PEER``, ``SSL_VERIFY_FAIL_IF_NO_PEER_CERT``.
_SSL_VERIFY_PEER, _SSL_VERIFY_FAIL_IF_NO_PEER_CERT = 0x01, 0x02


def set_verify_mode(sslobj, request_cert, reject_unauthorized):
    """Node's ``TLSWrap::SetVerifyMode`` on a server's connection: ask the
    client for a certificate (``request_cert``), and fail a handshake without
    one (``reject_unauthorized``); the chain itself is judged afterwards,
    the callback accepting every certificate (Node's ``VerifyCallback``)."""
    _require("change the verify mode (SSL_set_verify)")
    mode = 0
    if request_cert:
        mode = _SSL_VERIFY_PEER
        if reject_unauthorized:
            mode |= _SSL_VERIFY_FAIL_IF_NO_PEER_CERT
    _lib.SSL_set_verify(_ssl_of(sslobj), mode, _ACCEPT)


def renegotiate(sslobj):
    """``SSL_renegotiate``: ``None`` when OpenSSL starts one (the next
    handshake step sends it), else OpenSSL's error as Node's
    ``ThrowCryptoError`` reads it, ``(message, library, reason)``: under
    TLS 1.3, ``('error:0A00010A:SSL routines::wrong ssl version',
    'SSL routines', 'wrong ssl version')``. The error queue is left empty."""
    _require("start a renegotiation (SSL_renegotiate)")
    _lib.ERR_clear_error()
    if _lib.SSL_renegotiate(_ssl_of(sslobj)) == 1:
        return None
    code = _lib.ERR_get_error()
    _lib.ERR_clear_error()
    buf = ctypes.create_string_buffer(256)
    _lib.ERR_error_string_n(code, buf, len(buf))
    library = _lib.ERR_lib_error_string(code)
    reason = _lib.ERR_reason_error_string(code)
    return (buf.value.decode("latin-1"), library.decode("latin-1") if library else None,
            reason.decode("latin-1") if reason else None)


# ----------------------------------------------------------------------
# tracing

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


# ----------------------------------------------------------------------
# the key exchange, record sizes

def _curve_name(pkey, kid):
    if kid != _EVP_PKEY_EC:
        return _lib.OBJ_nid2sn(kid)
    ec_key = _lib.EVP_PKEY_get1_EC_KEY(pkey)
    if not ec_key:
        return None
    try:
        return _lib.OBJ_nid2sn(_lib.EC_GROUP_get_curve_name(_lib.EC_KEY_get0_group(ec_key)))
    finally:
        _lib.EC_KEY_free(ec_key)


def ephemeral_key_info(sslobj):
    """Node's ``GetEphemeralKey``: ``{'type', 'name', 'size'}`` of the peer's
    key exchange key (``SSL_get_peer_tmp_key``), ``{}`` without one."""
    _require("read the ephemeral key (SSL_get_peer_tmp_key)")
    pkey = ctypes.c_void_p()
    if not _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_GET_PEER_TMP_KEY, 0, ctypes.byref(pkey)) or not pkey.value:
        return {}
    try:
        kid = _lib.gnet_pkey_id(pkey)
        bits = _lib.gnet_pkey_bits(pkey)
        if kid == _EVP_PKEY_DH:
            return {"type": "DH", "size": bits}
        if kid in (_EVP_PKEY_EC, _EVP_PKEY_X25519, _EVP_PKEY_X448):
            name = _curve_name(pkey, kid)
            return {"type": "ECDH", "name": name.decode("ascii") if name else None, "size": bits}
        return {}
    finally:
        _lib.EVP_PKEY_free(pkey)


def set_max_send_fragment(sslobj, size):
    """``SSL_set_max_send_fragment``: True if OpenSSL took ``size`` (512 to 16384)."""
    _require("set the maximum record size (SSL_set_max_send_fragment)")
    return _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_SET_MAX_SEND_FRAGMENT, size, None) == 1
