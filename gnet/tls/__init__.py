"""gnet.tls: Node's ``tls`` module for Python, on gevent.

``import gnet.tls as tls`` stands for ``require('tls')``: ``connect``,
``createServer``, ``Server``, ``TLSSocket``, ``createSecureContext``,
``SecureContext``, ``checkServerIdentity``, ``getCiphers``,
``rootCertificates``, ``DEFAULT_MIN_VERSION``, ``DEFAULT_MAX_VERSION``,
``DEFAULT_CIPHERS``, ``DEFAULT_ECDH_CURVE``; each camelCase name also
answers to its PEP 8 spelling. A ``TLSSocket`` is a ``gnet.Socket`` and a
``tls.Server`` a ``gnet.Server``: everything of ``net`` holds over TLS.
See https://nodejs.org/docs/latest-v20.x/api/tls.html and docs/differences.md.

Layout: ``handle.py`` (the TLS handle: OpenSSL over memory BIOs),
``socket.py`` (``TLSSocket``, ``connect``), ``options.py`` (their options,
a client's context and settings, ALPN), ``server.py`` (``Server``),
``context.py`` (``createSecureContext``), ``certificate.py`` (Node's
certificate object, ``checkServerIdentity``), ``errors.py`` (Node's codes),
``psk.py`` (TLS-PSK: ``pskCallback`` and its answers checked as Node's),
``_openssl/`` (the few OpenSSL calls Python's ``ssl`` lacks, by subject).
"""

from gnet.js import names as _names
from gnet.js import signatures as _signatures
from gnet.tls.certificate import checkServerIdentity
from gnet.tls.context import (
    DEFAULT_CIPHERS, DEFAULT_ECDH_CURVE, DEFAULT_MAX_VERSION, DEFAULT_MIN_VERSION,
    SecureContext, createSecureContext, getCiphers,
)
from gnet.tls.server import Server, createServer
from gnet.tls.socket import TLSSocket, connect

#: Node's ``tls.CLIENT_RENEG_LIMIT`` and ``tls.CLIENT_RENEG_WINDOW``: more than
#: this many renegotiations a client starts within this many seconds is
#: ERR_TLS_SESSION_ATTACK on the server's socket. A program may change them.
CLIENT_RENEG_LIMIT = 3
CLIENT_RENEG_WINDOW = 600

_NODE_NAMES = ["connect", "createServer", "createSecureContext", "checkServerIdentity", "getCiphers"]

__all__ = _NODE_NAMES + [
    "Server", "TLSSocket", "SecureContext", "rootCertificates", "root_certificates",
    "DEFAULT_CIPHERS", "DEFAULT_ECDH_CURVE", "DEFAULT_MAX_VERSION", "DEFAULT_MIN_VERSION",
    "CLIENT_RENEG_LIMIT", "CLIENT_RENEG_WINDOW",
]

_names.add_aliases(globals(), _NODE_NAMES)
_signatures.apply(globals(), _signatures.TLS_SIGNATURES)   # what help() shows for Node's call forms
__all__ += [_names.snake_case(name) for name in _NODE_NAMES if _names.snake_case(name) != name]


def __getattr__(name):
    # Node's tls.rootCertificates: read from the trust store on first use.
    if name in ("rootCertificates", "root_certificates"):
        from gnet.tls.context import root_certificates
        return list(root_certificates())
    raise AttributeError("module 'gnet.tls' has no attribute %r" % name)
