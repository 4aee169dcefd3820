"""Node's ``tls`` errors: its own codes, a certificate that did not verify, OpenSSL's errors.

Only the error classes are typed here; how gnet makes them is its own plumbing.
A connection that ends before its handshake is a plain ``ECONNRESET``
(``ConnectionResetError``, a ``gnet.NodeOSError``).
"""

from gnet._typing import PeerCertificate
from gnet.js.errors import NodeError, _NodeMessage

__all__ = [
    "VERIFY_CODES", "TLSVerifyError", "OpenSSLError", "SecurityWarning",
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "ERR_TLS_HANDSHAKE_TIMEOUT",
    "ERR_TLS_INVALID_PROTOCOL_VERSION",
    "ERR_TLS_PROTOCOL_VERSION_CONFLICT",
    "ERR_TLS_REQUIRED_SERVER_NAME",
    "ERR_TLS_SNI_FROM_SERVER",
    "ERR_TLS_INVALID_CONTEXT",
    "ERR_TLS_INVALID_STATE",
    "ERR_TLS_RENEGOTIATION_DISABLED",
    "ERR_TLS_DH_PARAM_SIZE",
    "ERR_TLS_SESSION_ATTACK",
    "ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED",
    "ERR_INTERNAL_ASSERTION",
    "ERR_TLS_INVALID_PROTOCOL_METHOD",
    "ERR_TLS_ALPN_CALLBACK_INVALID_RESULT",
    "ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS",
    "ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED",
]

# One class per Node code, each also the built-in standing for its JavaScript class.
class ERR_TLS_CERT_ALTNAME_INVALID(NodeError):
    """``checkServerIdentity``'s error: ``reason``, ``host`` and the ``cert`` it checked."""

    reason: str
    host: str
    cert: PeerCertificate

class ERR_TLS_HANDSHAKE_TIMEOUT(NodeError): ...
class ERR_TLS_INVALID_PROTOCOL_VERSION(NodeError, TypeError): ...
class ERR_TLS_PROTOCOL_VERSION_CONFLICT(NodeError, TypeError): ...
class ERR_TLS_REQUIRED_SERVER_NAME(NodeError): ...
class ERR_TLS_SNI_FROM_SERVER(NodeError): ...
class ERR_TLS_INVALID_CONTEXT(NodeError, TypeError): ...
class ERR_TLS_INVALID_STATE(NodeError): ...
class ERR_TLS_RENEGOTIATION_DISABLED(NodeError): ...
class ERR_TLS_DH_PARAM_SIZE(NodeError): ...
class ERR_TLS_SESSION_ATTACK(NodeError): ...
class ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED(NodeError): ...
class ERR_INTERNAL_ASSERTION(NodeError): ...
class ERR_TLS_INVALID_PROTOCOL_METHOD(NodeError, TypeError): ...
class ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(NodeError, TypeError): ...
class ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS(NodeError, TypeError): ...
class ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED(NodeError): ...

#: OpenSSL's ``X509_V_ERR_*`` numbers to the names Node gives them.
VERIFY_CODES: dict[int, str]

class TLSVerifyError(_NodeMessage, Exception):
    """Node's plain ``Error`` for a peer certificate that did not verify: ``code`` is
    OpenSSL's name for the result (``'UNABLE_TO_VERIFY_LEAF_SIGNATURE'`` ...)."""

    code: str
    def __init__(self, code: str, message: str) -> None: ...

class SecurityWarning(RuntimeWarning):
    """Node's ``SecurityWarning``, issued through Python's ``warnings``."""

class OpenSSLError(_NodeMessage, Exception):
    """An OpenSSL error as Node reports it: ``code`` (``'ERR_SSL_...'``, ``'ERR_OSSL_...'``),
    ``library`` and ``reason`` (OpenSSL's texts)."""

    code: str | None
    library: str | None
    reason: str | None
    #: The rest of OpenSSL's error queue, newest first, when it held more than
    #: the error's own (an engine OpenSSL could not load): Node's ``opensslErrorStack``.
    opensslErrorStack: list[str] | None
    def __init__(self, code: str | None, message: str, library: str | None = None,
                 reason: str | None = None) -> None: ...

