"""TLS-PSK (pre-shared keys) as Node's ``TLSWrap`` sets it up.

- ``SSL_set_psk_client_callback`` and ``SSL_set_psk_server_callback`` on one
  connection (Node's ``EnablePskCallback`` sets both), whose callbacks call
  the connection's exchange function (``watch_psk``);
- ``SSL_use_psk_identity_hint`` (Node's ``SetPskIdentityHint``);
- ``SSL_CIPHER_get_auth_nid``: whether a PSK authenticated the connection
  (Node's ``VerifyPeerCertificate`` then wants no certificate).

Unlike the package's other callbacks, these call Python code that may be the
user's: Node calls ``pskCallback`` synchronously, inside the handshake, and
OpenSSL needs the key before it goes on. The exchange (the TLS handle's,
gnet/tls/handle.py) calls the user's function, keeps whatever it raises for
the handle to report once the handshake step returns, and answers ``None``
(no key); the callbacks here copy the answer into OpenSSL's buffers, within
the limits OpenSSL gives, and anything unforeseen is no key: nothing may
unwind through OpenSSL.

A client's exchange is called as ``exchange(hint, max_psk_len,
max_identity_len)`` (``hint`` a ``str``, ``None`` without one: always under
TLS 1.3) and answers ``(psk, identity)`` as bytes; a server's as
``exchange(identity, max_psk_len, None)`` and answers the key. An identity
that is not valid UTF-8 gets no key and never reaches the exchange, as
Node's ``PskServerCallback`` refuses one.
"""

import ctypes

from ._core import c_int, c_uint, c_void_p, c_char_p, declare, lib as _lib, require as _require
from ._core import ssl_of as _ssl_of

__all__ = ["watch_psk", "unwatch_psk", "use_psk_identity_hint", "psk_authenticated"]

#: ``unsigned int psk_client_cb(SSL *ssl, const char *hint, char *identity,
#: unsigned int max_identity_len, unsigned char *psk, unsigned int max_psk_len)``.
_CLIENT_CB = ctypes.CFUNCTYPE(c_uint, c_void_p, c_char_p, c_void_p, c_uint, c_void_p, c_uint)
#: ``unsigned int psk_server_cb(SSL *ssl, const char *identity, unsigned char *psk,
#: unsigned int max_psk_len)``.
_SERVER_CB = ctypes.CFUNCTYPE(c_uint, c_void_p, c_char_p, c_void_p, c_uint)
#: ``NID_auth_psk`` (obj_mac.h): ``SSL_CIPHER_get_auth_nid`` of a cipher a PSK authenticates.
_NID_AUTH_PSK = 1048

#: ``SSL *`` -> the exchange function of a watched connection.
_exchanges = {}


def _client(ssl_ptr, hint, identity, max_identity_len, psk, max_psk_len):
    # Node's PskClientCallback. OpenSSL zeroes ``identity`` (max_identity_len
    # + 1 bytes) first, so the name copied in is NUL-terminated.
    try:
        exchange = _exchanges.get(ssl_ptr)
        if exchange is None:
            return 0
        answer = exchange(hint.decode("utf-8", "replace") if hint is not None else None, max_psk_len,
                          max_identity_len)
        if answer is None:
            return 0
        key, name = answer
        if not key or len(key) > max_psk_len or len(name) > max_identity_len:
            return 0
        ctypes.memmove(identity, name, len(name))
        ctypes.memmove(psk, key, len(key))
        return len(key)
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return 0


def _server(ssl_ptr, identity, psk, max_psk_len):
    # Node's PskServerCallback.
    try:
        exchange = _exchanges.get(ssl_ptr)
        if exchange is None or identity is None:
            return 0
        try:
            name = identity.decode("utf-8")
        except UnicodeDecodeError:
            return 0
        key = exchange(name, max_psk_len, None)
        if not key or len(key) > max_psk_len:
            return 0
        ctypes.memmove(psk, key, len(key))
        return len(key)
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return 0


_CLIENT = _CLIENT_CB(_client)
_SERVER = _SERVER_CB(_server)

declare("SSL_set_psk_client_callback", None, c_void_p, _CLIENT_CB)
declare("SSL_set_psk_server_callback", None, c_void_p, _SERVER_CB)
declare("SSL_use_psk_identity_hint", c_int, c_void_p, c_char_p)
declare("SSL_CIPHER_get_auth_nid", c_int, c_void_p)
declare("SSL_get_current_cipher", c_void_p, c_void_p)


def watch_psk(sslobj, exchange):
    """Node's ``enablePskCallback``: OpenSSL asks ``exchange`` for the key
    (see above) whenever this connection's handshake needs one. Returns the
    key to give ``unwatch_psk``."""
    _require("use pre-shared keys (pskCallback, SSL_set_psk_client_callback)")
    ptr = _ssl_of(sslobj)
    _exchanges[ptr] = exchange
    _lib.SSL_set_psk_client_callback(ptr, _CLIENT)
    _lib.SSL_set_psk_server_callback(ptr, _SERVER)
    return ptr


def unwatch_psk(key):
    # The callbacks stay set (they live as long as this module) and find no exchange.
    _exchanges.pop(key, None)


def use_psk_identity_hint(sslobj, hint):
    """``SSL_use_psk_identity_hint``: the hint a TLS 1.2 server sends
    (``pskIdentityHint``); False if OpenSSL refuses it (longer than 256 bytes)."""
    _require("set a PSK identity hint (pskIdentityHint, SSL_use_psk_identity_hint)")
    ok = _lib.SSL_use_psk_identity_hint(_ssl_of(sslobj), hint.encode("utf-8", "surrogatepass")) == 1
    if not ok:
        _lib.ERR_clear_error()      # not left for Python's next ssl call to find
    return ok


def psk_authenticated(sslobj):
    """Whether the cipher in use authenticates with a pre-shared key
    (``SSL_CIPHER_get_auth_nid`` is ``NID_auth_psk``: TLS 1.2's PSK suites)."""
    _require("read how the connection was authenticated (SSL_CIPHER_get_auth_nid)")
    cipher = _lib.SSL_get_current_cipher(_ssl_of(sslobj))
    return bool(cipher) and _lib.SSL_CIPHER_get_auth_nid(cipher) == _NID_AUTH_PSK
