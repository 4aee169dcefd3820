"""The few OpenSSL calls Node's ``tls`` makes that Python's ``ssl`` does not expose.

gnet makes the same calls Node makes, with ``ctypes``, on the ``SSL``/``SSL_CTX``
of Python's own objects, in the same libssl that Python's ``_ssl`` is linked
with. By subject:

- ``_core``: loading libssl, proving where Python keeps its pointers
  (``available``, ``why_unavailable``), declaring C signatures, OpenSSL's
  error queue;
- ``verify``: the peer's verification as Node does it (the handshake goes
  on, the result is read afterwards), the verify mode, CRLs;
- ``roots``: the system's root certificates, one store shared by every
  context that trusts them, as Node shares its own;
- ``cas``: a context's own trusted CAs (``ca``), read as Node's
  ``addCACert`` reads them;
- ``params``: a connection's parameters (Finished messages, keying
  material, TLS 1.3 suites, curves, signature algorithms, the cipher's
  standard name, the ephemeral key, the record size);
- ``sessions``: sessions as DER bytes, the session callbacks, Node's ticket
  keys;
- ``handshakes``: key log lines, ALPN selection, renegotiation, traces;
- ``keys``: a context's certificate and private key, loaded apart and
  checked as Node's ``setCert``/``setKey`` load them;
- ``psk``: pre-shared keys (``pskCallback``, ``pskIdentityHint``);
- ``ocsp``: a server's certificate callback (SNI: ``SNICallback``,
  ``addContext``; 'OCSPRequest') and OCSP stapling ('OCSPResponse',
  ``requestOCSP``);
- ``options``: context and server options Python's ``ssl`` has no setting
  for (one-sided ``secureProtocol`` methods, ``ALPNCallback``, engines).

A callback OpenSSL calls runs inside OpenSSL's handshake: it only collects
what the TLS handle reads once the handshake step returns, and nothing may
unwind through it. Callers use this package's names; the subject modules
are its implementation.
"""

from . import _core
from .handshakes import *  # noqa: F401,F403 - the package's names are its modules'
from .handshakes import __all__ as _handshakes_all
from .keys import *  # noqa: F401,F403
from .keys import __all__ as _keys_all
from .ocsp import *  # noqa: F401,F403
from .ocsp import __all__ as _ocsp_all
from .options import *  # noqa: F401,F403
from .options import __all__ as _options_all
from .params import *  # noqa: F401,F403
from .params import __all__ as _params_all
from .psk import *  # noqa: F401,F403
from .psk import __all__ as _psk_all
from .roots import *  # noqa: F401,F403
from .roots import __all__ as _roots_all
from .cas import *  # noqa: F401,F403
from .cas import __all__ as _cas_all
from .sessions import *  # noqa: F401,F403
from .sessions import __all__ as _sessions_all
from .verify import *  # noqa: F401,F403
from .verify import __all__ as _verify_all

#: Whether every call here can be made (``why_unavailable`` says why not).
#: Read after every subject module declared its functions.
available = _core.available
why_unavailable = _core.why_unavailable

__all__ = ["available", "why_unavailable", *_verify_all, *_params_all, *_sessions_all, *_handshakes_all,
           *_psk_all, *_ocsp_all, *_options_all, *_keys_all, *_roots_all,
           *_cas_all]
