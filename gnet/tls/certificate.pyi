"""``tls.checkServerIdentity`` and ``TLSSocket``'s certificate methods; Node's
certificate object is ``gnet._typing.PeerCertificate``."""

from collections.abc import Mapping
from typing import Any, Literal, overload

from gnet._typing import DetailedPeerCertificate, PeerCertificate
from gnet.tls.errors import ERR_TLS_CERT_ALTNAME_INVALID

__all__ = ["checkServerIdentity", "Certificates"]

def checkServerIdentity(hostname: str, cert: PeerCertificate | Mapping[str, Any]) -> ERR_TLS_CERT_ALTNAME_INVALID | None:
    """Node's ``tls.checkServerIdentity(hostname, cert)``: ``None`` when ``cert`` is
    for ``hostname``, else the ``ERR_TLS_CERT_ALTNAME_INVALID`` error, returned, not raised.

    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlscheckserveridentityhostname-cert
    """

class Certificates:
    """``TLSSocket``'s certificate methods (``gnet.tls.TLSSocket`` inherits them)."""

    @overload
    def getPeerCertificate(self, detailed: Literal[True]) -> DetailedPeerCertificate | None:
        """Node's certificate object of the peer; ``{}`` without one, ``None``
        without a connection. ``detailed``: each with its ``issuerCertificate``."""

    @overload
    def getPeerCertificate(self, detailed: bool = False) -> PeerCertificate | None: ...
    def getCertificate(self) -> PeerCertificate | None:
        """This end's own certificate, ``{}`` without one, ``None`` without a connection."""
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    get_peer_certificate = getPeerCertificate
    get_certificate = getCertificate
    # end of PEP 8 twins
