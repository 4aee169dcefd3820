"""A context's certificate and private key, loaded apart as Node's SecureContext loads them.

Python's ``ssl.SSLContext.load_cert_chain`` takes a certificate and its key
together, from files, and reports one error for both. Node's ``setCert`` and
``setKey`` are two calls, each throwing OpenSSL's first queued error:

- ``use_certificate_chain_pem``: Node's ``SSL_CTX_use_certificate_chain`` (its
  own, over a memory BIO): ``PEM_read_bio_X509_AUX`` for the certificate,
  ``PEM_read_bio_X509`` for the chain after it until PEM's "no start line",
  ``SSL_CTX_use_certificate``, then ``SSL_CTX_clear_extra_chain_certs`` and
  ``SSL_CTX_add1_chain_cert`` for each of the chain;
- ``use_private_key``: ``PEM_read_bio_PrivateKey`` with Node's
  ``PasswordCallback`` (the passphrase given, else an empty one: an
  encrypted key without a passphrase is OpenSSL's "bad decrypt"), then
  ``SSL_CTX_use_PrivateKey`` (which checks it against the certificate).

Each returns ``None`` or OpenSSL's error queue as ``errors``: ``(message,
library, reason, lib)`` of the oldest entry (``lib`` being its
``ERR_GET_LIB`` number, from which Node makes the ``code``) and the texts of
the others, oldest first.
"""

import ctypes

from ._core import c_int, c_ulong, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib
from ._core import require as _require

__all__ = ["use_certificate_chain_pem", "use_private_key", "take_errors"]

#: ``int pem_password_cb(char *buf, int size, int rwflag, void *u)``.
_PASSWORD_CB = ctypes.CFUNCTYPE(c_int, ctypes.POINTER(ctypes.c_char), c_int, c_int, c_void_p)
#: ``SSL_CTX_clear_extra_chain_certs`` and ``SSL_CTX_add1_chain_cert`` are macros over ``SSL_CTX_ctrl``.
_SSL_CTRL_CLEAR_EXTRA_CHAIN_CERTS = 83
_SSL_CTRL_CHAIN_CERT = 89
#: ``ERR_LIB_PEM``, ``PEM_R_NO_START_LINE``.
_ERR_LIB_PEM, _PEM_R_NO_START_LINE = 9, 108

declare("BIO_new_mem_buf", c_void_p, c_char_p, c_int)
declare("BIO_free", c_int, c_void_p)
declare("PEM_read_bio_X509_AUX", c_void_p, c_void_p, c_void_p, _PASSWORD_CB, c_void_p)
declare("PEM_read_bio_X509", c_void_p, c_void_p, c_void_p, _PASSWORD_CB, c_void_p)
declare("PEM_read_bio_PrivateKey", c_void_p, c_void_p, c_void_p, _PASSWORD_CB, c_void_p)
declare("SSL_CTX_use_certificate", c_int, c_void_p, c_void_p)
declare("SSL_CTX_use_PrivateKey", c_int, c_void_p, c_void_p)
declare("X509_free", None, c_void_p)
declare("EVP_PKEY_free", None, c_void_p)
declare("ERR_peek_last_error", c_ulong)
declare("ERR_get_error", c_ulong)


def _no_password(buf, size, rwflag, u):
    # Node's NoPasswordCallback: certificates are never encrypted.
    return 0


_NO_PASSWORD = _PASSWORD_CB(_no_password)


def _lib_of(code):
    # ERR_GET_LIB of OpenSSL 3 (a system error carries its own flag).
    return 2 if code & 0x80000000 else (code >> 23) & 0xFF


def _reason_of(code):
    return code & 0x7FFFFF


def take_errors():
    """OpenSSL's error queue, emptied: ``((message, library, reason, lib),
    [texts of the rest, oldest first])``, or ``None`` when it is empty."""
    code = _lib.ERR_get_error()
    if not code:
        return None
    buf = ctypes.create_string_buffer(256)
    _lib.ERR_error_string_n(code, buf, len(buf))
    library = _lib.ERR_lib_error_string(code)
    reason = _lib.ERR_reason_error_string(code)
    first = (buf.value.decode("latin-1"), library.decode("latin-1") if library else None,
             reason.decode("latin-1") if reason else None, _lib_of(code))
    rest = []
    while True:
        code = _lib.ERR_get_error()
        if not code:
            return first, rest
        _lib.ERR_error_string_n(code, buf, len(buf))
        rest.append(buf.value.decode("latin-1"))


def _failed(step):
    # OpenSSL's queue, or ``step`` alone when it queued nothing.
    return take_errors() or ((step, None, None, None), [])


def use_certificate_chain_pem(context, pem):
    """Node's ``SecureContext::SetCert``: the first certificate in ``pem``
    (bytes) as ``context``'s, those after it as its chain. ``None``, else
    the error queue (see the module)."""
    _require("load a certificate as Node does (SSL_CTX_use_certificate)")
    _lib.ERR_clear_error()
    bio = _lib.BIO_new_mem_buf(pem, len(pem))
    if not bio:
        return _failed("BIO_new_mem_buf")
    chain = []
    cert = None
    try:
        cert = _lib.PEM_read_bio_X509_AUX(bio, None, _NO_PASSWORD, None)
        if not cert:
            return _failed("SSL_CTX_use_certificate_chain")
        while True:
            extra = _lib.PEM_read_bio_X509(bio, None, _NO_PASSWORD, None)
            if not extra:
                break
            chain.append(extra)
        # The end of the chain is PEM's "no start line"; anything else is an error.
        last = _lib.ERR_peek_last_error()
        if _lib_of(last) == _ERR_LIB_PEM and _reason_of(last) == _PEM_R_NO_START_LINE:
            _lib.ERR_clear_error()
        else:
            return _failed("SSL_CTX_use_certificate_chain")
        ctx = _ctx_of(context)
        if _lib.SSL_CTX_use_certificate(ctx, cert) != 1:
            return _failed("SSL_CTX_use_certificate_chain")
        _lib.SSL_CTX_ctrl(ctx, _SSL_CTRL_CLEAR_EXTRA_CHAIN_CERTS, 0, None)
        for extra in chain:
            if _lib.SSL_CTX_ctrl(ctx, _SSL_CTRL_CHAIN_CERT, 1, extra) != 1:      # add1: takes its own reference
                return _failed("SSL_CTX_use_certificate_chain")
        return None
    finally:
        for extra in chain:
            _lib.X509_free(extra)
        if cert:
            _lib.X509_free(cert)
        _lib.BIO_free(bio)


def use_private_key(context, pem, passphrase):
    """Node's ``SecureContext::SetKey``: the private key in ``pem`` (bytes),
    decrypted with ``passphrase`` (bytes; ``b''`` when none was given), as
    ``context``'s. ``None``, else the error queue (see the module)."""
    _require("load a private key as Node does (SSL_CTX_use_PrivateKey)")
    _lib.ERR_clear_error()

    def password(buf, size, rwflag, u):
        # Node's PasswordCallback: the passphrase if it fits, else -1.
        if size < len(passphrase):
            return -1
        ctypes.memmove(buf, passphrase, len(passphrase))
        return len(passphrase)

    callback = _PASSWORD_CB(password)
    bio = _lib.BIO_new_mem_buf(pem, len(pem))
    if not bio:
        return _failed("BIO_new_mem_buf")
    try:
        key = _lib.PEM_read_bio_PrivateKey(bio, None, callback, None)
    finally:
        _lib.BIO_free(bio)
    if not key:
        return _failed("PEM_read_bio_PrivateKey")
    try:
        if _lib.SSL_CTX_use_PrivateKey(_ctx_of(context), key) != 1:
            return _failed("SSL_CTX_use_PrivateKey")
        return None
    finally:
        _lib.EVP_PKEY_free(key)
