"""The system's root certificates, read once per process and shared by every
context that trusts them, as Node shares its root store (made once, then
``SSL_CTX_set_cert_store`` with a new reference for each context).

Python's ``load_default_certs`` gives each ``SSL_CTX`` a store of its own:
it parses the system's CA file again (about 20 ms and 0.4 MB per context,
where Node's ``createSecureContext`` takes 0.25 ms), and OpenSSL 3 adds a
``file:`` store lookup on the certificate directory that lists the whole
directory whenever an issuer is not among the roots. A server whose
certificate comes without its chain meets that at every handshake: OpenSSL
looks for the chain to send then.

The shared store holds the same roots as ``X509_STORE_set_default_paths``
gives: the CA file (``SSL_CERT_FILE``, else OpenSSL's default) read into
memory, and the certificate directory (``SSL_CERT_DIR``, else OpenSSL's
default) looked up by subject hash. Only the directory listing is left out;
it finds nothing the hashed lookup does not.

- ``share_roots(context)``: give ``context`` the shared store (a context
  from ``ssl.SSLContext()`` has an empty one); False where there is nothing
  to share (no CA file or directory, Windows, where Python also reads the
  system's stores) and the caller loads the defaults itself.
- ``own_store(context)``: before anything is added to a context's store:
  if it is the shared one, a store of its own with the same roots takes its
  place (Node's ``GetCertStoreOwnedByThisSecureContext``), so that a CA or a
  CRL added to one context never changes another's trust.
- ``root_context()``: the ``ssl.SSLContext`` whose store is shared, else
  ``None`` (``tls.rootCertificates`` lists its certificates).
"""

import os
import ssl
import sys
import threading

from ._core import c_int, c_void_p, ctx_of as _ctx_of, declare, lib as _lib
from . import _core

__all__ = ["share_roots", "own_store", "root_context"]

declare("SSL_CTX_get_cert_store", c_void_p, c_void_p)
declare("SSL_CTX_set_cert_store", None, c_void_p, c_void_p)
declare("X509_STORE_up_ref", c_int, c_void_p)
declare("X509_STORE_new", c_void_p)

_lock = threading.Lock()
#: The context holding the shared store once made; False: none to share.
_root = None
#: (CA file, certificate directory) the shared store was read from.
_locations = (None, None)


def _default_locations():
    """The CA file and certificate directory ``X509_STORE_set_default_paths``
    reads, those that exist (the directory may be a list, as OpenSSL's)."""
    paths = ssl.get_default_verify_paths()
    cafile = os.environ.get(paths.openssl_cafile_env) or paths.openssl_cafile
    capath = os.environ.get(paths.openssl_capath_env) or paths.openssl_capath
    if not (cafile and os.path.isfile(cafile)):
        cafile = None
    if not (capath and any(os.path.isdir(p) for p in capath.split(os.pathsep))):
        capath = None
    return cafile, capath


def _make_root():
    global _locations
    if sys.platform == "win32" or not _core.available:
        return False
    cafile, capath = _default_locations()
    if cafile is None and capath is None:
        return False
    root = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        root.load_verify_locations(cafile=cafile, capath=capath)
    except (OSError, ssl.SSLError):
        return False                # load_default_certs, per context, says what is wrong
    _locations = (cafile, capath)
    return root


def root_context():
    """The ``ssl.SSLContext`` whose store every context trusting the system's
    roots shares, made on first use; ``None`` where there is none."""
    global _root
    if _root is None:
        with _lock:
            if _root is None:
                _root = _make_root()
    return _root or None


def _shared_store():
    root = root_context()
    return _lib.SSL_CTX_get_cert_store(_ctx_of(root)) if root is not None else None


def share_roots(context):
    """Make the shared store ``context``'s (its own is dropped); False, and
    ``context`` unchanged, where there is none to share."""
    store = _shared_store()
    if store is None:
        return False
    _lib.X509_STORE_up_ref(store)
    _lib.SSL_CTX_set_cert_store(_ctx_of(context), store)
    return True


def own_store(context):
    """Before ``context``'s store is added to: if it is the shared one, give
    ``context`` a store of its own holding the same roots."""
    if _root is None or _root is False:
        return
    ctx = _ctx_of(context)
    if _lib.SSL_CTX_get_cert_store(ctx) != _shared_store():
        return
    store = _lib.X509_STORE_new()
    if not store:
        raise MemoryError("X509_STORE_new")
    _lib.SSL_CTX_set_cert_store(ctx, store)     # drops this context's reference to the shared one
    cafile, capath = _locations
    ssl.SSLContext.load_verify_locations(context, cafile=cafile, capath=capath)
