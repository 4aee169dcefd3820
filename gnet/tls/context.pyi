"""``tls.createSecureContext`` and the defaults a context starts from.

Only the public part is typed here; how options become ``ssl.SSLContext`` settings is gnet's own.
"""

import ssl

from typing_extensions import Unpack

from gnet._typing import AnySecureContextOptions, SecureContextOptions, SecureVersion

__all__ = ["SecureContext", "createSecureContext", "DEFAULT_CIPHERS", "DEFAULT_ECDH_CURVE",
           "DEFAULT_MIN_VERSION", "DEFAULT_MAX_VERSION", "getCiphers"]

#: Node v20's ``tls.DEFAULT_CIPHERS``.
DEFAULT_CIPHERS: str
#: Node's ``tls.DEFAULT_ECDH_CURVE``: ``'auto'``.
DEFAULT_ECDH_CURVE: str
#: Read when a context is made: set ``gnet.tls.DEFAULT_MIN_VERSION`` first to change it.
DEFAULT_MIN_VERSION: SecureVersion
DEFAULT_MAX_VERSION: SecureVersion

class SecureContext:
    """Node's ``SecureContext`` (``tls.createSecureContext``): key, certificates,
    trusted CAs, ciphers and protocol versions for either side of a connection."""

    def __init__(self, options: AnySecureContextOptions | None = None) -> None: ...
    @property
    def context(self) -> ssl.SSLContext:
        """Node's ``secureContext.context``: here the client side's ``ssl.SSLContext``."""

    def ssl_context(self, server_side: bool) -> ssl.SSLContext:
        """The Python ``ssl.SSLContext`` of one side, made on first use."""

    def certificate_der(self) -> bytes | None:
        """The DER bytes of this context's (first) certificate, else ``None``."""

def createSecureContext(options: AnySecureContextOptions | None = None,
                        **kwargs: Unpack[SecureContextOptions]) -> SecureContext:
    """Node's ``tls.createSecureContext([options])``:
    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlscreatesecurecontextoptions"""

def getCiphers() -> list[str]:
    """Node's ``tls.getCiphers()``: the supported ciphers' names, lower case, sorted."""
