"""gnet.tls: Node's ``tls`` module for Python, on gevent (``import gnet.tls as tls`` is ``require('tls')``).

https://nodejs.org/docs/latest-v20.x/api/tls.html; a ``TLSSocket`` is a ``gnet.Socket``,
a ``tls.Server`` a ``gnet.Server``.
"""

from gnet.tls.certificate import checkServerIdentity as checkServerIdentity
from gnet.tls.context import (
    DEFAULT_CIPHERS as DEFAULT_CIPHERS,
    DEFAULT_ECDH_CURVE as DEFAULT_ECDH_CURVE,
    DEFAULT_MAX_VERSION as DEFAULT_MAX_VERSION,
    DEFAULT_MIN_VERSION as DEFAULT_MIN_VERSION,
    SecureContext as SecureContext,
    createSecureContext as createSecureContext,
    getCiphers as getCiphers,
)
from gnet.tls.server import Server as Server, createServer as createServer
from gnet.tls.socket import TLSSocket as TLSSocket, connect as connect

#: Node's ``tls.CLIENT_RENEG_LIMIT``/``CLIENT_RENEG_WINDOW`` (seconds): the
#: renegotiations a client may start in a window before ERR_TLS_SESSION_ATTACK.
CLIENT_RENEG_LIMIT: int
CLIENT_RENEG_WINDOW: int

#: Node's ``tls.rootCertificates``: the PEM text of each trusted root (here the
#: system's store, read on first use); a new list on each read.
rootCertificates: list[str]

# PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
check_server_identity = checkServerIdentity
create_secure_context = createSecureContext
get_ciphers = getCiphers
create_server = createServer
root_certificates: list[str]
# end of PEP 8 twins
