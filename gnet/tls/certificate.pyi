"""``tls.checkServerIdentity``; Node's certificate object is ``gnet._typing.PeerCertificate``."""

from collections.abc import Mapping
from typing import Any

from gnet._typing import PeerCertificate
from gnet.tls.errors import ERR_TLS_CERT_ALTNAME_INVALID

__all__ = ["checkServerIdentity"]

def checkServerIdentity(hostname: str, cert: PeerCertificate | Mapping[str, Any]) -> ERR_TLS_CERT_ALTNAME_INVALID | None:
    """Node's ``tls.checkServerIdentity(hostname, cert)``: ``None`` when ``cert`` is
    for ``hostname``, else the ``ERR_TLS_CERT_ALTNAME_INVALID`` error, returned, not raised.

    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlscheckserveridentityhostname-cert
    """
