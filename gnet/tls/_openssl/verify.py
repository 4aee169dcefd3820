"""Verifying a peer as Node does.

Node verifies a peer as OpenSSL lets it: the handshake completes whatever the
chain is worth (``SSL_VERIFY_NONE`` on a client, a verify callback that
accepts on a server), then JavaScript reads ``SSL_get_verify_result`` and
decides (``rejectUnauthorized``), so ``authorized``/``authorizationError``
hold even when the socket is kept. Python's ``ssl`` either fails the
handshake (``CERT_REQUIRED``) or skips verification (``CERT_NONE``) and has
no way to read the result. Here:

- ``SSL_get_verify_result`` and ``X509_verify_cert_error_string``;
- ``SSL_CTX_set_verify`` with a callback that accepts every certificate (a
  server's ``requestCert``), as Node's ``VerifyCallback``, and ``SSL_set_verify``
  for one connection (``renegotiate()``'s options, Node's ``SetVerifyMode``);
- ``PEM_read_bio_X509_CRL`` and ``X509_STORE_add_crl`` (``crl``).
"""

import ctypes

from ._core import c_int, c_long, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib, require as _require
from ._core import ssl_of as _ssl_of
from .roots import own_store

__all__ = ["verify_result", "verify_error_string", "accept_any_certificate", "set_verify_mode", "add_crl"]

#: ``int verify_callback(int preverify_ok, X509_STORE_CTX *ctx)``.
_VERIFY_CB = ctypes.CFUNCTYPE(c_int, c_int, c_void_p)
def _accept(preverify_ok, store_ctx):
    # Node's VerifyCallback: "Quoting SSL_set_verify(3ssl): ... we always
    # continue the handshake"; the result is read afterwards.
    return 1


_ACCEPT = _VERIFY_CB(_accept)

declare("SSL_get_verify_result", c_long, c_void_p)
declare("X509_verify_cert_error_string", c_char_p, c_long)
declare("SSL_CTX_set_verify", None, c_void_p, c_int, _VERIFY_CB)
declare("SSL_CTX_get_verify_mode", c_int, c_void_p)
declare("SSL_set_verify", None, c_void_p, c_int, _VERIFY_CB)
declare("BIO_new_mem_buf", c_void_p, c_char_p, c_int)
declare("BIO_free", c_int, c_void_p)
declare("PEM_read_bio_X509_CRL", c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
declare("X509_CRL_free", None, c_void_p)
declare("SSL_CTX_get_cert_store", c_void_p, c_void_p)
declare("X509_STORE_add_crl", c_int, c_void_p, c_void_p)


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
        own_store(context)          # not into the root store other contexts share
        _lib.X509_STORE_add_crl(_lib.SSL_CTX_get_cert_store(_ctx_of(context)), crl)
    finally:
        _lib.X509_CRL_free(crl)
    return True
