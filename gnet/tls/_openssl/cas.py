"""A context's trusted CA certificates (``ca``), added as Node's ``addCACert`` adds them.

Python's ``load_verify_locations(cadata=...)`` differs from Node three ways:
it reads DER as well as PEM, it fails on text holding no certificate (or a
broken block after good ones), and it leaves the server's list of acceptable
client CAs empty. Node's ``SecureContext::AddCACert`` reads the item through
a memory BIO with ``PEM_read_bio_X509_AUX`` until that fails, adding each
certificate to the context's own store (``X509_STORE_add_cert``) and to the
names a server asks a client's certificate to be issued by
(``SSL_CTX_add_client_CA``); whatever stops the reading (the end, text that
is no PEM, a block that does not decode) is no error. So:

- text around PEM blocks, and blocks that are not certificates (a key),
  are passed over, as PEM reading passes over them;
- ``CERTIFICATE``, ``X509 CERTIFICATE`` and ``TRUSTED CERTIFICATE`` blocks
  are read;
- a block that does not decode ends the item: the certificates after it in
  the same item are not trusted (those of the next item are);
- DER, and anything else without a PEM certificate, adds nothing.
"""

from ._core import c_int, c_void_p, c_char_p, ctx_of as _ctx_of, declare, lib as _lib
from ._core import require as _require
from .keys import _NO_PASSWORD, _PASSWORD_CB
from .roots import own_store

__all__ = ["add_ca_certs"]

declare("BIO_new_mem_buf", c_void_p, c_char_p, c_int)
declare("BIO_free", c_int, c_void_p)
declare("PEM_read_bio_X509_AUX", c_void_p, c_void_p, c_void_p, _PASSWORD_CB, c_void_p)
declare("X509_free", None, c_void_p)
declare("SSL_CTX_get_cert_store", c_void_p, c_void_p)
declare("X509_STORE_add_cert", c_int, c_void_p, c_void_p)
declare("SSL_CTX_add_client_CA", c_int, c_void_p, c_void_p)
declare("ERR_clear_error", None)


def add_ca_certs(context, data):
    """Node's ``addCACert`` for one ``ca`` item (``bytes``): every PEM
    certificate read from ``data`` up to the first that cannot be read,
    trusted by ``context`` and named to clients as an acceptable issuer.
    Returns how many were added."""
    _require("add trusted CA certificates (ca)")
    bio = _lib.BIO_new_mem_buf(data, len(data))
    if not bio:
        raise MemoryError("BIO_new_mem_buf")
    own_store(context)              # never into the root store other contexts share
    ctx = _ctx_of(context)
    store = _lib.SSL_CTX_get_cert_store(ctx)
    added = 0
    try:
        while True:
            x509 = _lib.PEM_read_bio_X509_AUX(bio, None, _NO_PASSWORD, None)
            if not x509:
                break
            try:
                # Both take their own reference. A certificate already in
                # the store is no error (OpenSSL 1.1.1 on).
                _lib.X509_STORE_add_cert(store, x509)
                _lib.SSL_CTX_add_client_CA(ctx, x509)
            finally:
                _lib.X509_free(x509)
            added += 1
    finally:
        _lib.BIO_free(bio)
        # What ended the reading is no error (Node's ClearErrorOnReturn).
        _lib.ERR_clear_error()
    return added
