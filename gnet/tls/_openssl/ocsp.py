"""The server's certificate callback (SNI and OCSP) and OCSP stapling, as Node's ``TLSWrap`` has them.

- A client's request (Node's ``requestOCSP()``, made by ``tls.connect``'s
  ``_start``): ``SSL_set_tlsext_status_type(ssl, TLSEXT_STATUSTYPE_ocsp)``;
  OpenSSL then calls the status callback of the connection's context once
  the server's first flight is read, stapled response or not, and the
  callback collects what ``SSL_get_tlsext_status_ocsp_resp`` holds (bytes, or
  ``None`` when nothing was stapled) for the handle: 'OCSPResponse'. With it
  goes how many key log lines the step had written by then, so that the
  handle emits 'keylog' and 'OCSPResponse' in the order OpenSSL made them.
- A server's pause (Node's ``SSLCertCallback``): OpenSSL's certificate
  callback, called once the ClientHello is read, answers -1 for a
  connection that ``enable_cert_cb`` names, which suspends the handshake
  (``SSL_ERROR_WANT_X509_LOOKUP``) until ``cert_cb_done``; meanwhile the
  owner runs Node's ``SNICallback`` (or matches ``addContext``'s names) and
  emits 'OCSPRequest', outside OpenSSL. Node sets its callback on each
  connection (``SSL_set_cert_cb``); here it is set on every server context
  (``serve_ocsp``), one call per context. A connection not named goes on at
  once. OpenSSL calls it on full handshakes only: a resumed session sends no
  certificate, so there is no SNICallback and no 'OCSPRequest'.
- SNI (Node's ``UseSNIContext`` and ``SetCACerts``): ``use_sni_context``
  gives the paused connection the certificate, key and chain of the context
  SNI chose, and its trust store and CA names; the connection stays on the
  server's context for everything else (session id context, ticket keys,
  options), as Node's, so sessions resume whichever certificate was used.
  ``servername`` is what the client sent (``SSL_get_servername``), read
  where Node reads it; on a client, the name it sends, which
  ``set_host_name`` gives as Node's ``setServername`` does
  (``SSL_set_tlsext_host_name``: any string, no IDNA, where Python's
  ``server_hostname`` refuses an empty label and sends no IP address).
- The staple (Node's ``TLSExtStatusCallback``, server side): the response
  the 'OCSPRequest' callback gave is kept for the connection
  (``set_ocsp_response``) and handed to OpenSSL, in memory it allocates,
  by the status callback (``SSL_set_tlsext_status_ocsp_resp``), then
  forgotten, as Node clears its own: no response is ``SSL_TLSEXT_ERR_NOACK``.
- ``certificate_and_issuer``: the DER of the certificate the connection uses
  (``SSL_get_certificate``, after SNI) and of its issuer, as Node's
  ``getCertificate``/``getIssuer`` read the context's: the first of the
  certificate's chain that issued it (``X509_check_issued``), else one in the
  context's trust store (``X509_STORE_CTX_get1_issuer``, Node's
  ``SSL_CTX_get_issuer``), else ``None``.
- ``own_certificate``: the DER of the certificate the connection holds
  (``SSL_get_certificate``), either side, which Node's ``getCertificate``
  reads: the SNI context's once SNI chose one, the one the cipher chose
  among a context's keys, and on a resumed session (no certificate callback,
  no selection) the last one its context loaded; ``context_certificate``,
  what a connection made from a context would hold before its handshake
  (``SSL_CTX_get0_certificate``).

Every callback here runs inside OpenSSL's handshake: it reads or flips what
the handle left for it, nothing else (no listener runs inside OpenSSL), and
whatever goes wrong in it lets the handshake go on without OCSP (never an
exception through OpenSSL's stack).
"""

import ctypes

from ._core import c_int, c_void_p, c_char_p, c_size_t, callback_pointer, ctx_of as _ctx_of, declare
from ._core import lib as _lib, require as _require, ssl_of as _ssl_of, take_error as _take_error

__all__ = ["serve_ocsp", "enable_cert_cb", "cert_cb_paused", "cert_cb_done", "disable_cert_cb", "ocsp_requested",
           "set_ocsp_response", "request_ocsp", "unwatch_ocsp", "certificate_and_issuer", "own_certificate", "context_certificate",
           "servername",
           "set_host_name", "use_sni_context"]

#: ``SSL_CTX_set_tlsext_status_cb`` is a macro over ``SSL_CTX_callback_ctrl``;
#: ``SSL_set_tlsext_status_type``, ``SSL_get_tlsext_status_type``,
#: ``SSL_get_tlsext_status_ocsp_resp``, ``SSL_set_tlsext_status_ocsp_resp`` and
#: ``SSL_get0_chain_certs`` are macros over ``SSL_ctrl``.
_SSL_CTRL_SET_TLSEXT_STATUS_REQ_CB = 63
_SSL_CTRL_SET_TLSEXT_STATUS_REQ_TYPE = 65
_SSL_CTRL_GET_TLSEXT_STATUS_REQ_OCSP_RESP = 70
_SSL_CTRL_SET_TLSEXT_STATUS_REQ_OCSP_RESP = 71
_SSL_CTRL_GET_CHAIN_CERTS = 115
#: ``SSL_set1_chain`` and ``SSL_set1_verify_cert_store`` are macros over ``SSL_ctrl``.
_SSL_CTRL_CHAIN = 88
_SSL_CTRL_SET_VERIFY_CERT_STORE = 106
_TLSEXT_NAMETYPE_host_name = 0
#: ``SSL_set_tlsext_host_name`` is a macro over ``SSL_ctrl``.
_SSL_CTRL_SET_TLSEXT_HOSTNAME = 55
_SSL_CTRL_GET_TLSEXT_STATUS_REQ_TYPE = 127
_TLSEXT_STATUSTYPE_OCSP = 1
_SSL_TLSEXT_ERR_OK, _SSL_TLSEXT_ERR_NOACK = 0, 3
#: ``X509_V_OK``: what ``X509_check_issued`` answers for an issuer.
_X509_V_OK = 0

#: ``int cb(SSL *ssl, void *arg)``: the certificate callback and the status callback alike.
_SSL_ARG_CB = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p)

#: ``SSL *`` -> ``[state]`` of a connection whose handshake pauses at the certificate callback.
_cert_waits = {}
_WAITING, _PAUSED, _DONE = 0, 1, 2
#: ``SSL *`` -> the response a server's connection staples (bytes).
_staples = {}
#: ``SSL *`` -> ``(sink, mark)`` of a client: the list its stapled responses go
#: to, as ``(mark(), bytes or None)``.
_response_sinks = {}


def _cert(ssl_ptr, arg):
    # Node's SSLCertCallback: pause (-1) until cert_cb_done, once per
    # connection; every other connection goes on (1).
    try:
        entry = _cert_waits.get(ssl_ptr)
        if entry is None:
            return 1
        if entry[0] == _DONE:
            del _cert_waits[ssl_ptr]
            return 1
        entry[0] = _PAUSED
        return -1
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return 1


def _status(ssl_ptr, arg):
    # Node's TLSExtStatusCallback: a server staples what it was given (and
    # forgets it); a client collects what came (1: OpenSSL goes on, as Node's,
    # whatever it is: the 'OCSPResponse' listener may destroy the socket).
    server = True
    try:
        server = bool(_lib.SSL_is_server(ssl_ptr))
        if not server:
            watched = _response_sinks.get(ssl_ptr)
            if watched is not None:
                sink, mark = watched
                resp = c_void_p()
                size = _lib.SSL_ctrl(ssl_ptr, _SSL_CTRL_GET_TLSEXT_STATUS_REQ_OCSP_RESP, 0, ctypes.byref(resp))
                sink.append((mark(), ctypes.string_at(resp.value, size) if resp.value and size >= 0 else None))
            return 1
        data = _staples.pop(ssl_ptr, None)
        if not data:
            return _SSL_TLSEXT_ERR_NOACK
        # OpenSSL owns (and frees) what it is given: its own allocation.
        buf = _lib.CRYPTO_malloc(len(data), b"gnet/tls/_openssl/ocsp.py", 0)
        if not buf:
            return _SSL_TLSEXT_ERR_NOACK
        ctypes.memmove(buf, data, len(data))
        if not _lib.SSL_ctrl(ssl_ptr, _SSL_CTRL_SET_TLSEXT_STATUS_REQ_OCSP_RESP, len(data), buf):
            _lib.CRYPTO_free(buf, b"gnet/tls/_openssl/ocsp.py", 0)
        return _SSL_TLSEXT_ERR_OK
    except BaseException:  # noqa: B902 - nothing may unwind through OpenSSL; see above
        return _SSL_TLSEXT_ERR_NOACK if server else 1


_CERT = _SSL_ARG_CB(_cert)
_STATUS = _SSL_ARG_CB(_status)

declare("SSL_CTX_set_cert_cb", None, c_void_p, _SSL_ARG_CB, c_void_p)
declare("SSL_is_server", c_int, c_void_p)
declare("CRYPTO_malloc", c_void_p, c_size_t, c_char_p, c_int)
declare("CRYPTO_free", None, c_void_p, c_char_p, c_int)
declare("SSL_get_certificate", c_void_p, c_void_p)
declare("i2d_X509", c_int, c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)))
declare("X509_check_issued", c_int, c_void_p, c_void_p)
declare("X509_free", None, c_void_p)
#: ``sk_X509_num``/``sk_X509_value`` are macros over these (renamed in OpenSSL 1.1).
_sk_num = declare(("OPENSSL_sk_num", "sk_num"), c_int, c_void_p)
_sk_value = declare(("OPENSSL_sk_value", "sk_value"), c_void_p, c_void_p, c_int)
declare("SSL_CTX_get_cert_store", c_void_p, c_void_p)
declare("X509_STORE_CTX_new", c_void_p)
declare("X509_STORE_CTX_init", c_int, c_void_p, c_void_p, c_void_p, c_void_p)
declare("X509_STORE_CTX_get1_issuer", c_int, ctypes.POINTER(c_void_p), c_void_p, c_void_p)
declare("X509_STORE_CTX_free", None, c_void_p)
declare("SSL_get_servername", c_char_p, c_void_p, c_int)
declare("SSL_CTX_get0_certificate", c_void_p, c_void_p)
declare("SSL_CTX_get0_privatekey", c_void_p, c_void_p)
declare("SSL_use_certificate", c_int, c_void_p, c_void_p)
declare("SSL_use_PrivateKey", c_int, c_void_p, c_void_p)
declare("SSL_CTX_get_client_CA_list", c_void_p, c_void_p)
declare("SSL_dup_CA_list", c_void_p, c_void_p)
declare("SSL_set_client_CA_list", None, c_void_p, c_void_p)


def _set_status_cb(ctx):
    _lib.SSL_CTX_callback_ctrl(ctx, _SSL_CTRL_SET_TLSEXT_STATUS_REQ_CB, callback_pointer(_STATUS))


def serve_ocsp(context):
    """Make a server ``context`` able to pause a handshake for 'OCSPRequest'
    and to staple (the certificate and status callbacks, see above); its
    connections go on as before until ``enable_cert_cb`` names one."""
    _require("staple OCSP responses (SSL_CTX_set_cert_cb, SSL_CTX_set_tlsext_status_cb)")
    ctx = _ctx_of(context)
    _lib.SSL_CTX_set_cert_cb(ctx, _CERT, None)
    _set_status_cb(ctx)


def enable_cert_cb(sslobj):
    """Node's ``enableCertCb``: this server connection's handshake pauses at
    the certificate callback (``cert_cb_paused``) until ``cert_cb_done``.
    Its context must have been through ``serve_ocsp``. Returns the key for
    the other calls."""
    _require("pause a handshake for 'OCSPRequest' (SSL_CTX_set_cert_cb)")
    ptr = _ssl_of(sslobj)
    _cert_waits[ptr] = [_WAITING]
    return ptr


def cert_cb_paused(key):
    """Whether the handshake is paused at the certificate callback now."""
    entry = _cert_waits.get(key)
    return entry is not None and entry[0] == _PAUSED


def cert_cb_done(key):
    """Node's ``certCbDone``: the next handshake step goes past the
    certificate callback."""
    entry = _cert_waits.get(key)
    if entry is not None:
        entry[0] = _DONE


def disable_cert_cb(key):
    _cert_waits.pop(key, None)
    _staples.pop(key, None)


def ocsp_requested(sslobj):
    """Whether the client asked for a stapled OCSP response (the ClientHello's
    ``status_request``), as Node's ``info.OCSPRequest``."""
    _require("read the client's OCSP request (SSL_get_tlsext_status_type)")
    return _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_GET_TLSEXT_STATUS_REQ_TYPE, 0, None) == _TLSEXT_STATUSTYPE_OCSP


def set_ocsp_response(key, data):
    """Node's ``setOCSPResponse``: ``data`` (bytes) is what this server
    connection (``enable_cert_cb``'s key) staples, if the client asked."""
    _staples[key] = bytes(data)


def request_ocsp(sslobj, sink, mark):
    """Node's ``requestOCSP``: this client connection asks for a stapled
    response, and what comes goes to the list ``sink`` as ``(mark(),
    response)``: ``mark`` (called inside OpenSSL, it must only read) says
    where the response falls among what else the step collects; the
    response is bytes, or ``None``. Returns the key to give ``unwatch_ocsp``."""
    _require("request OCSP stapling (requestOCSP, SSL_set_tlsext_status_type)")
    # Set each time (one call): a set of contexts already done would outlive
    # them, and a new context at a freed one's address would go without.
    _set_status_cb(_ctx_of(sslobj.context))
    ptr = _ssl_of(sslobj)
    _response_sinks[ptr] = (sink, mark)
    _lib.SSL_ctrl(ptr, _SSL_CTRL_SET_TLSEXT_STATUS_REQ_TYPE, _TLSEXT_STATUSTYPE_OCSP, None)
    return ptr


def unwatch_ocsp(key):
    # The callback stays set (it lives as long as this module) and finds no sink.
    _response_sinks.pop(key, None)


def _der(x509):
    out = ctypes.POINTER(ctypes.c_ubyte)()
    size = _lib.i2d_X509(x509, ctypes.byref(out))
    if size <= 0 or not out:
        return None
    try:
        return ctypes.string_at(out, size)
    finally:
        _lib.CRYPTO_free(ctypes.cast(out, c_void_p), b"gnet/tls/_openssl/ocsp.py", 0)


def servername(sslobj):
    """The name the client sent (SNI), as OpenSSL has it now; ``None`` when none."""
    _require("read the client's server name (SSL_get_servername)")
    name = _lib.SSL_get_servername(_ssl_of(sslobj), _TLSEXT_NAMETYPE_host_name)
    # Node reads it as a one-byte string (latin-1), whatever the client sent.
    return name.decode("latin-1") if name else None


def set_host_name(sslobj, name):
    """Node's ``setServername``: ``SSL_set_tlsext_host_name`` with ``name``
    as UTF-8 (to its first NUL, as a C string); OpenSSL ignores a name over
    255 bytes, as Node's does. True if OpenSSL took it."""
    _require("send a server name (SSL_set_tlsext_host_name)")
    data = name.encode("utf-8", "surrogatepass").split(b"\0", 1)[0]
    ok = _lib.SSL_ctrl(_ssl_of(sslobj), _SSL_CTRL_SET_TLSEXT_HOSTNAME, _TLSEXT_NAMETYPE_host_name, data) == 1
    if not ok:
        _lib.ERR_clear_error()      # not left for Python's next ssl call to find
    return ok


def use_sni_context(sslobj, context):
    """Node's ``UseSNIContext`` and ``SetCACerts``: this server connection
    (paused at the certificate callback) uses ``context``'s (an
    ``ssl.SSLContext``) certificate, key and chain, trust store and CA names.
    Returns ``None``, or OpenSSL's refusal as ``take_error`` reads it."""
    _require("use the SNI context's certificate (SSL_use_certificate)")
    ptr = _ssl_of(sslobj)
    ctx = _ctx_of(context)
    chain = c_void_p()
    ok = _lib.SSL_CTX_ctrl(ctx, _SSL_CTRL_GET_CHAIN_CERTS, 0, ctypes.byref(chain)) == 1
    if ok:
        x509 = _lib.SSL_CTX_get0_certificate(ctx)
        ok = bool(x509) and _lib.SSL_use_certificate(ptr, x509) == 1
    if ok:
        pkey = _lib.SSL_CTX_get0_privatekey(ctx)
        ok = bool(pkey) and _lib.SSL_use_PrivateKey(ptr, pkey) == 1
    if ok and chain.value:
        ok = _lib.SSL_ctrl(ptr, _SSL_CTRL_CHAIN, 1, chain) == 1
    if ok:
        ok = _lib.SSL_ctrl(ptr, _SSL_CTRL_SET_VERIFY_CERT_STORE, 1, _lib.SSL_CTX_get_cert_store(ctx)) == 1
    if ok:
        names = _lib.SSL_CTX_get_client_CA_list(ctx)
        if names:
            copy = _lib.SSL_dup_CA_list(names)
            if copy:
                _lib.SSL_set_client_CA_list(ptr, copy)     # takes the copy
    return None if ok else _take_error()


def own_certificate(sslobj):
    """The DER bytes of the certificate this end of the connection holds
    (``SSL_get_certificate``), ``None`` when it holds none."""
    _require("read this end's certificate (SSL_get_certificate)")
    cert = _lib.SSL_get_certificate(_ssl_of(sslobj))
    return _der(cert) if cert else None


def context_certificate(context):
    """The DER bytes of the certificate an ``ssl.SSLContext`` gives a new
    connection (``SSL_CTX_get0_certificate``), ``None`` when it has none."""
    _require("read a context's certificate (SSL_CTX_get0_certificate)")
    cert = _lib.SSL_CTX_get0_certificate(_ctx_of(context))
    return _der(cert) if cert else None


def certificate_and_issuer(sslobj, context=None):
    """The DER bytes of this server connection's certificate and of its issuer
    (see above), each ``None`` when there is none; ``context`` (an
    ``ssl.SSLContext``) is the one SNI chose, whose trust store knows the
    issuer, as Node's ``getIssuer`` reads the SNI context's."""
    _require("read the server's certificate for 'OCSPRequest' (SSL_get_certificate)")
    ptr = _ssl_of(sslobj)
    cert = _lib.SSL_get_certificate(ptr)
    if not cert:
        return None, None
    chain = c_void_p()
    if context is not None:
        # The SNI context's own chain (the connection keeps the server's
        # when that context has none, as Node's UseSNIContext leaves it).
        found = _lib.SSL_CTX_ctrl(_ctx_of(context), _SSL_CTRL_GET_CHAIN_CERTS, 0, ctypes.byref(chain))
    else:
        found = _lib.SSL_ctrl(ptr, _SSL_CTRL_GET_CHAIN_CERTS, 0, ctypes.byref(chain))
    if found and chain.value:
        for i in range(_sk_num(chain)):
            candidate = _sk_value(chain, i)
            if candidate and _lib.X509_check_issued(candidate, cert) == _X509_V_OK:
                return _der(cert), _der(candidate)
    issuer = None
    store = _lib.SSL_CTX_get_cert_store(_ctx_of(context) if context is not None else _lib.SSL_get_SSL_CTX(ptr))
    store_ctx = _lib.X509_STORE_CTX_new()
    if store and store_ctx:
        found = c_void_p()
        if _lib.X509_STORE_CTX_init(store_ctx, store, None, None) == 1 and \
                _lib.X509_STORE_CTX_get1_issuer(ctypes.byref(found), store_ctx, cert) == 1 and found.value:
            issuer = _der(found)
            _lib.X509_free(found)
    if store_ctx:
        _lib.X509_STORE_CTX_free(store_ctx)
    _lib.ERR_clear_error()          # a search that found nothing leaves no error for Python's ssl
    return _der(cert), issuer
