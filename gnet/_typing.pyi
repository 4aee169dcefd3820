"""Types shared by gnet's stubs: ports, data, listeners, options dicts.

A stub-only module (there is no ``gnet/_typing.py``): import it under
``typing.TYPE_CHECKING`` to annotate your own code::

    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from gnet._typing import ConnectOptions, Data

Listener types list every prefix of Node's arguments, because a gnet
listener may take fewer parameters than Node passes (API.md section 2):
``Callable[[], object] | Callable[[bool], object]`` is a 'close' listener
with or without ``hadError``.

Each options TypedDict has Node's keys and their PEP 8 twins (the twins are
written by ``python -m gnet.js.stubgen``); every call that takes one also takes
any ``Mapping[str, Any]``, as Node reads any object.
"""

import socket as _socket
import ssl as _ssl
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Protocol, TypedDict, TypeVar

from typing_extensions import Buffer, NotRequired, TypeAlias

from gnet.eventloop.abort import AbortSignal
from gnet.eventloop.events import _Symbol
from gnet.net.server import Server
from gnet.net.socket import Socket
from gnet.tls.context import SecureContext
from gnet.tls.socket import TLSSocket

#: A port: an ``int``, or a ``str`` that JavaScript's ``Number()`` reads as one (``'8124'``).
Port: TypeAlias = int | str
#: Data a stream takes: ``str`` (encoded with the encoding given), or any
#: object with the buffer protocol (``bytes``, ``bytearray``, ``memoryview``, ``array``).
Data: TypeAlias = str | Buffer
#: What 'data' delivers: ``bytes``, or ``str`` after ``setEncoding()``.
Chunk: TypeAlias = bytes | str
#: An event name: a ``str`` or a symbol such as ``gnet.errorMonitor``.
EventName: TypeAlias = str | _Symbol
#: A Node encoding name, in any case Node accepts (``'utf8'``, ``'UTF-8'``, ``'latin1'``, ``'hex'`` ...).
Encoding: TypeAlias = str
#: An address family as Node writes it in ``address()``.
FamilyName: TypeAlias = Literal["IPv4", "IPv6"] | str

#: Any listener: gnet passes Node's arguments, trimmed to what it takes.
Listener: TypeAlias = Callable[..., object]
_F = TypeVar("_F", bound=Callable[..., object])

class Decorator(Protocol):
    """``@emitter.on('data')``: registers the function and returns it unchanged."""

    def __call__(self, listener: _F, /) -> _F: ...


NoArgs: TypeAlias = Callable[[], object]
#: A callback given an error or ``None`` (``write``'s, ``end``'s, ``close``'s).
ErrorCallback: TypeAlias = Callable[[], object] | Callable[[BaseException | None], object]
DataListener: TypeAlias = Callable[[], object] | Callable[[bytes], object] | Callable[[str], object]
CloseListener: TypeAlias = Callable[[], object] | Callable[[bool], object]
ErrorListener: TypeAlias = Callable[[], object] | Callable[[Exception], object]
ConnectionListener: TypeAlias = Callable[[], object] | Callable[[Socket], object]
#: 'lookup': ``(err, address, family, host)``.
LookupListener: TypeAlias = (
    Callable[[], object]
    | Callable[[Exception | None], object]
    | Callable[[Exception | None, Any], object]
    | Callable[[Exception | None, Any, int | str | None], object]
    | Callable[[Exception | None, Any, int | str | None, str], object]
)
#: 'connectionAttempt' and 'connectionAttemptTimeout': ``(ip, port, family)``.
AttemptListener: TypeAlias = (
    Callable[[], object]
    | Callable[[str], object]
    | Callable[[str, int], object]
    | Callable[[str, int, int], object]
)
#: 'connectionAttemptFailed': ``(ip, port, family, error)``.
AttemptFailedListener: TypeAlias = (
    AttemptListener | Callable[[str, int, int, Exception], object]
)
#: 'drop': the dropped connection's addresses (nothing for a Unix socket).
DropListener: TypeAlias = Callable[[], object] | Callable[[DropInfo | None], object]
#: 'pipe' and 'unpipe': the source stream.
PipeListener: TypeAlias = Callable[[], object] | Callable[[Any], object]
#: ``getConnections``'s callback: ``(err, count)``.
CountCallback: TypeAlias = (
    Callable[[], object]
    | Callable[[Exception | None], object]
    | Callable[[Exception | None, int], object]
)
#: A custom ``lookup`` option: Node's ``dns.lookup(hostname, options, callback)``;
#: ``callback(err, address, family)``, or ``callback(err, addresses)`` with ``options['all']``.
LookupFunction: TypeAlias = Callable[[str, dict[str, Any], Callable[..., object]], object]


class AddressInfo(TypedDict):
    """``address()`` of a TCP socket or server: ``{'address', 'family', 'port'}``."""

    address: str
    family: FamilyName
    port: int


class SocketAddressInfo(TypedDict, total=False):
    """``socket.address()``: as ``AddressInfo``, or ``{}`` while the socket has no address."""

    address: str
    family: FamilyName
    port: int


class DropInfo(TypedDict, total=False):
    """'drop''s argument: both ends of the connection dropped."""

    localAddress: str
    localPort: int
    localFamily: FamilyName
    remoteAddress: str
    remotePort: int
    remoteFamily: FamilyName


class OnRead(TypedDict):
    """The ``onread`` option: read into ``buffer`` (or the buffer it returns),
    ``callback(nread, buf)`` after each read; returning ``False`` pauses."""

    buffer: bytearray | memoryview | Callable[[], bytearray | memoryview]
    callback: Callable[[int, Any], object]


class HasFd(Protocol):
    """A handle ``listen`` takes: an object with an ``fd``."""

    @property
    def fd(self) -> int: ...


#: What ``listen(handle)`` takes: a server (its listening socket), a socket object, or an object with ``fd``.
Handle: TypeAlias = Server | _socket.socket | HasFd


class SocketOptions(TypedDict, total=False):
    """``Socket(options)``'s keys (Node's ``new net.Socket([options])``)."""

    fd: int
    handle: Any
    allowHalfOpen: bool
    readable: bool
    writable: bool
    onread: OnRead
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float
    signal: AbortSignal
    pauseOnCreate: bool
    manualStart: bool
    objectMode: bool
    readableObjectMode: bool
    writableObjectMode: bool
    highWaterMark: int
    readableHighWaterMark: int
    writableHighWaterMark: int
    encoding: Encoding
    defaultEncoding: Encoding
    emitClose: bool
    autoDestroy: bool
    decodeStrings: bool
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    allow_half_open: bool
    no_delay: bool
    keep_alive: bool
    keep_alive_initial_delay: float
    pause_on_create: bool
    manual_start: bool
    object_mode: bool
    readable_object_mode: bool
    writable_object_mode: bool
    high_water_mark: int
    readable_high_water_mark: int
    writable_high_water_mark: int
    default_encoding: Encoding
    emit_close: bool
    auto_destroy: bool
    decode_strings: bool
    # end of PEP 8 twins


class ConnectOptions(SocketOptions, total=False):
    """``connect``'s and ``createConnection``'s keys: the connection's and the socket's."""

    port: Port
    host: str
    path: str
    localAddress: str
    localPort: int
    family: int
    hints: int
    lookup: LookupFunction
    timeout: float
    autoSelectFamily: bool
    autoSelectFamilyAttemptTimeout: float
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    local_address: str
    local_port: int
    auto_select_family: bool
    auto_select_family_attempt_timeout: float
    # end of PEP 8 twins


class ListenOptions(TypedDict, total=False):
    """``server.listen(options)``'s keys."""

    port: Port | None
    host: str
    path: str
    backlog: int
    exclusive: bool
    ipv6Only: bool
    readableAll: bool
    writableAll: bool
    signal: AbortSignal
    fd: int
    handle: Handle
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    ipv6_only: bool
    readable_all: bool
    writable_all: bool
    # end of PEP 8 twins


class ServerOptions(TypedDict, total=False):
    """``createServer(options)``'s keys."""

    allowHalfOpen: bool
    pauseOnConnect: bool
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float
    highWaterMark: int
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    allow_half_open: bool
    pause_on_connect: bool
    no_delay: bool
    keep_alive: bool
    keep_alive_initial_delay: float
    high_water_mark: int
    # end of PEP 8 twins


#: An options argument: the TypedDict, or any mapping (Node reads any object; unknown keys are ignored).
AnyConnectOptions: TypeAlias = ConnectOptions | Mapping[str, Any]
AnyListenOptions: TypeAlias = ListenOptions | Mapping[str, Any]
AnyServerOptions: TypeAlias = ServerOptions | Mapping[str, Any]
AnySocketOptions: TypeAlias = SocketOptions | Mapping[str, Any]


# ---------------------------------------------------------------------------
# gnet.tls: options, listeners and the objects Node's tls returns.
#
# The options TypedDicts hold the keys gnet.tls reads for each call. Node keys
# it accepts and ignores (``allowPartialTrustChain`` ...:
# docs/differences.md) are left out, so mypy says an option does nothing here
# before a test does; they pass in a plain dict.

#: A TLS protocol version as Node names it (``minVersion``, ``tls.DEFAULT_MIN_VERSION``).
SecureVersion: TypeAlias = Literal["TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"]
#: A key, certificate or CA: PEM text, or bytes (PEM, or DER for a CA).
PEM: TypeAlias = str | Buffer
#: ``secureProtocol``: one of Node's method names, which pins the protocol versions
#: (``'TLSv1_2_method'``: TLS 1.2 only; ``'SSLv23_method'``: up to TLS 1.2; ``'TLS_method'``:
#: any); a ``_server_``/``_client_`` one serves that side only.
SecureProtocol: TypeAlias = Literal[
    "TLS_method", "TLS_server_method", "TLS_client_method",
    "TLSv1_2_method", "TLSv1_2_server_method", "TLSv1_2_client_method",
    "TLSv1_1_method", "TLSv1_1_server_method", "TLSv1_1_client_method",
    "TLSv1_method", "TLSv1_server_method", "TLSv1_client_method",
    "SSLv23_method", "SSLv23_server_method", "SSLv23_client_method",
]
#: ``ALPNProtocols``: protocol names (``['h2', 'http/1.1']``), or Node's wire
#: format in one buffer (length-prefixed names). Not a ``str``, nor a list of
#: buffers: Node refuses both.
ALPNProtocolList: TypeAlias = list[str] | tuple[str, ...] | Buffer


class KeyObject(TypedDict):
    """An item of ``key``: a PEM key with its own passphrase."""

    pem: PEM
    passphrase: NotRequired[str]


class PfxObject(TypedDict):
    """An item of ``pfx``: a PKCS#12 blob with its own passphrase."""

    buf: PEM
    passphrase: NotRequired[str]


class PeerCertificate(TypedDict, total=False):
    """Node's certificate object (``getPeerCertificate()``, ``getCertificate()``),
    a ``dict`` with Node's keys only (no PEP 8 twins: it is data, not options).

    Every key is optional because the object may be ``{}`` (no certificate from
    the peer), and some keys come only with the certificate's extension
    (``subjectaltname``, ``infoAccess``, ``ext_key_usage``) or with the
    ``cryptography`` package (``ca``, ``bits``, ``pubkey``, ``modulus``,
    ``exponent``, ``asn1Curve``, ``nistCurve``); mypy still lets
    ``cert['subject']`` be read directly.
    """

    #: ``{'CN': 'localhost', 'O': ...}``; a name that repeats maps to a list.
    subject: dict[str, str | list[str]]
    issuer: dict[str, str | list[str]]
    #: ``'DNS:localhost, IP Address:127.0.0.1'``.
    subjectaltname: str
    #: ``{'OCSP - URI': [...], 'CA Issuers - URI': [...]}``.
    infoAccess: dict[str, list[str]]
    ca: bool
    bits: int
    pubkey: bytes
    modulus: str
    exponent: str
    asn1Curve: str
    nistCurve: str
    valid_from: str
    valid_to: str
    fingerprint: str
    fingerprint256: str
    fingerprint512: str
    ext_key_usage: list[str]
    serialNumber: str
    #: The DER bytes.
    raw: bytes


class DetailedPeerCertificate(PeerCertificate, total=False):
    """``getPeerCertificate(True)``: each certificate with its issuer's (a
    self-issued root points to itself, as in Node)."""

    issuerCertificate: DetailedPeerCertificate


class CipherNameAndProtocol(TypedDict):
    """``getCipher()``: ``{'name', 'standardName', 'version'}``."""

    name: str
    standardName: str
    version: str


#: The ``checkServerIdentity`` option (``tls.checkServerIdentity`` is one): the
#: error to fail the connection with (returned, not raised), or ``None``.
CheckServerIdentity: TypeAlias = Callable[[str, DetailedPeerCertificate], Exception | None]


class SNICallbackDone(Protocol):
    """The callback an ``SNICallback`` answers with: ``cb(err)``, or
    ``cb(None, context)`` (a ``SecureContext`` or createSecureContext's options)."""

    def __call__(self, err: Exception | None = None,
                 context: SecureContext | SecureContextOptions | Mapping[str, Any] | None = None, /) -> None: ...


#: The ``SNICallback`` option: ``(servername, cb)``; it may answer later.
SNICallbackFunction: TypeAlias = Callable[[str, SNICallbackDone], object]


class OCSPRequestDone(Protocol):
    """The callback an 'OCSPRequest' listener answers with, now or later:
    ``cb(None, response)`` staples ``response`` (bytes, not parsed),
    ``cb(None)`` or ``cb(None, None)`` staples nothing, ``cb(err)`` fails the
    handshake (the server's 'tlsClientError')."""

    def __call__(self, err: object = None, response: Buffer | None = None, /) -> None: ...


#: A tls.Server's 'OCSPRequest' listener: ``(certificate, issuer, cb)``, the DER
#: bytes of the server's certificate (SNI's) and of its issuer (``None`` when
#: the server does not know it).
OCSPRequestListener: TypeAlias = Callable[[bytes | None, bytes | None, OCSPRequestDone], object]

class PSKClientAnswer(TypedDict):
    """What a client's ``pskCallback`` answers: the key (at most 512 bytes) and
    the identity to send (at most 256 bytes in UTF-8)."""

    psk: Buffer
    identity: str


class PSKServerAnswer(TypedDict):
    """A server's ``pskCallback`` may answer the key in an object too."""

    psk: Buffer


#: A client's ``pskCallback``: ``(hint)``, the server's identity hint (``None``
#: without one, always under TLS 1.3); ``None`` answers no key. One form, as
#: for ``SNICallback``, so that a lambda's dict is read as the answer.
PSKClientCallback: TypeAlias = Callable[[str | None], PSKClientAnswer | None]
#: A server's ``pskCallback``: ``(tlsSocket, identity)``; the key (at most 512
#: bytes), or ``None`` for an identity it does not know.
PSKServerCallback: TypeAlias = Callable[[TLSSocket, str], Buffer | PSKServerAnswer | None]


class ALPNCallbackInfo(TypedDict):
    """What an ``ALPNCallback`` gets: the SNI name the client sent (``False``
    without one) and the protocols it offers."""

    servername: str | Literal[False]
    protocols: list[str]


#: The ``ALPNCallback`` option (a server's): one of ``info['protocols']`` to
#: take, or ``None`` to refuse them all; anything else, or an exception, fails
#: the connection (the server's 'tlsClientError').
ALPNCallbackFunction: TypeAlias = Callable[[ALPNCallbackInfo], str | None] | Callable[[], str | None]

#: 'secureConnection' (and 'connection' on a ``tls.Server``): the ``TLSSocket``.
SecureConnectionListener: TypeAlias = Callable[[], object] | Callable[[TLSSocket], object]
#: 'tlsClientError': ``(exception, tlsSocket)``.
TLSClientErrorListener: TypeAlias = (
    Callable[[], object] | Callable[[Exception], object] | Callable[[Exception, TLSSocket], object]
)
#: A ``TLSSocket``'s 'keylog': ``(line)``, NSS key log text as bytes, newline included.
KeylogListener: TypeAlias = Callable[[], object] | Callable[[bytes], object]
#: A ``tls.Server``'s 'keylog': ``(line, tlsSocket)``.
ServerKeylogListener: TypeAlias = KeylogListener | Callable[[bytes, TLSSocket], object]


class SecureContextOptions(TypedDict, total=False):
    """``tls.createSecureContext(options)``'s keys, also taken by ``tls.connect``,
    ``tls.createServer`` and ``TLSSocket``."""

    key: PEM | Sequence[PEM | KeyObject]
    cert: PEM | Sequence[PEM]
    ca: PEM | Sequence[PEM]
    pfx: PEM | Sequence[PEM | PfxObject]
    passphrase: str
    ciphers: str
    ecdhCurve: str
    minVersion: SecureVersion
    maxVersion: SecureVersion
    honorCipherOrder: bool
    secureOptions: int
    dhparam: PEM
    #: The context sessions are tied to (at most 32 bytes; a tls.Server has one by default).
    sessionIdContext: str
    #: 48 bytes sealing session tickets (16 of key name, 16 of HMAC secret, 16 of AES key).
    ticketKeys: Buffer
    #: Seconds a session (or ticket) may resume a connection.
    sessionTimeout: int
    #: The signature algorithms offered and accepted (``'ECDSA+SHA256:RSA-PSS+SHA256'``).
    sigalgs: str
    #: PEM certificate revocation lists; with one, every certificate of the chain is checked.
    crl: PEM | Sequence[PEM]
    #: Pins the protocol versions (not beside ``minVersion``/``maxVersion``).
    secureProtocol: SecureProtocol
    #: A certificate of ``ca`` is trusted even if it is not a root (an intermediate).
    #: A ``tls.Server`` leaves it out, as Node's does.
    allowPartialTrustChain: bool
    #: The OpenSSL engine (an id, or the path of one) that loads ``privateKeyIdentifier``.
    privateKeyEngine: str
    #: The private key ``privateKeyEngine`` loads, instead of ``key``.
    privateKeyIdentifier: str
    #: The OpenSSL engine that gives a client its certificate when a server asks for one.
    clientCertEngine: str
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    ecdh_curve: str
    min_version: SecureVersion
    max_version: SecureVersion
    honor_cipher_order: bool
    secure_options: int
    session_id_context: str
    ticket_keys: Buffer
    session_timeout: int
    secure_protocol: SecureProtocol
    allow_partial_trust_chain: bool
    private_key_engine: str
    private_key_identifier: str
    client_cert_engine: str
    # end of PEP 8 twins


class TLSConnectOptions(SecureContextOptions, total=False):
    """``tls.connect``'s keys: where to connect (net's), the socket's few, the TLS client's."""

    port: Port
    host: str
    path: str
    localAddress: str
    localPort: int
    family: int
    hints: int
    lookup: LookupFunction
    timeout: float
    autoSelectFamily: bool
    autoSelectFamilyAttemptTimeout: float
    allowHalfOpen: bool
    highWaterMark: int
    readableHighWaterMark: int
    writableHighWaterMark: int
    onread: OnRead
    signal: AbortSignal
    #: A connected gnet ``Socket`` to speak TLS over, instead of connecting.
    socket: Socket
    #: The SNI name to send (none by default, as Node's tls.connect).
    servername: str
    #: A session to resume: DER bytes from ``getSession()`` or 'session' (or an ``ssl.SSLSession``).
    session: Buffer | _ssl.SSLSession
    checkServerIdentity: CheckServerIdentity
    rejectUnauthorized: bool
    ALPNProtocols: ALPNProtocolList
    secureContext: SecureContext
    #: OpenSSL's trace of the connection's messages on stderr (Node's ``enableTrace``).
    enableTrace: bool
    #: TLS-PSK: the key and identity for the server's hint (a PSK cipher in
    #: ``ciphers`` for TLS 1.2; TLS 1.3 needs none). ``pskIdentityHint`` is a
    #: server's: ``tls.connect`` does not read it, as Node's.
    pskCallback: PSKClientCallback
    #: The fewest bits of a DHE key exchange's group (1024); fewer fails the connection.
    minDHSize: float
    #: Ask the server for a stapled OCSP response: 'OCSPResponse' before 'secureConnect'.
    requestOCSP: bool
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    local_address: str
    local_port: int
    auto_select_family: bool
    auto_select_family_attempt_timeout: float
    allow_half_open: bool
    high_water_mark: int
    readable_high_water_mark: int
    writable_high_water_mark: int
    check_server_identity: CheckServerIdentity
    reject_unauthorized: bool
    secure_context: SecureContext
    enable_trace: bool
    psk_callback: PSKClientCallback
    min_dhsize: float
    request_ocsp: bool
    # end of PEP 8 twins


class TLSServerOptions(ServerOptions, SecureContextOptions, total=False):
    """``tls.createServer``'s keys: net.createServer's, the context's, the TLS server's."""

    requestCert: bool
    rejectUnauthorized: bool
    ALPNProtocols: ALPNProtocolList
    SNICallback: SNICallbackFunction
    #: Milliseconds a handshake may take (120000).
    handshakeTimeout: float
    secureContext: SecureContext
    #: OpenSSL's trace of each connection's messages on stderr (Node's ``enableTrace``).
    enableTrace: bool
    #: TLS-PSK: the key for a client's identity, called inside the handshake.
    pskCallback: PSKServerCallback
    #: The identity hint a TLS 1.2 server sends (at most 256 bytes).
    pskIdentityHint: str
    #: Chooses each connection's ALPN protocol (not beside ``ALPNProtocols``).
    ALPNCallback: ALPNCallbackFunction
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    request_cert: bool
    reject_unauthorized: bool
    handshake_timeout: float
    secure_context: SecureContext
    enable_trace: bool
    psk_callback: PSKServerCallback
    psk_identity_hint: str
    # end of PEP 8 twins


class TLSSocketOptions(SecureContextOptions, total=False):
    """``TLSSocket(socket, options)``'s keys."""

    isServer: bool
    requestCert: bool
    rejectUnauthorized: bool
    ALPNProtocols: ALPNProtocolList
    servername: str
    session: Buffer | _ssl.SSLSession
    secureContext: SecureContext
    allowHalfOpen: bool
    highWaterMark: int
    readableHighWaterMark: int
    writableHighWaterMark: int
    onread: OnRead
    signal: AbortSignal
    #: OpenSSL's trace of the connection's messages on stderr (Node's ``enableTrace``).
    enableTrace: bool
    #: TLS-PSK: a client's callback or a server's (``isServer``).
    pskCallback: PSKClientCallback | PSKServerCallback
    #: The identity hint a TLS 1.2 server sends (read with ``pskCallback``).
    pskIdentityHint: str
    #: With ``isServer``: chooses the connection's ALPN protocol.
    ALPNCallback: ALPNCallbackFunction
    #: With ``isServer``: the context for the name the client sent (SNI).
    SNICallback: SNICallbackFunction
    #: With ``isServer``: the tls.Server (any emitter) whose 'resumeSession',
    #: 'newSession' and 'OCSPRequest' listeners serve this socket; ``socket.server``.
    server: Server
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    is_server: bool
    request_cert: bool
    reject_unauthorized: bool
    secure_context: SecureContext
    allow_half_open: bool
    high_water_mark: int
    readable_high_water_mark: int
    writable_high_water_mark: int
    enable_trace: bool
    psk_callback: PSKClientCallback | PSKServerCallback
    psk_identity_hint: str
    # end of PEP 8 twins


AnySecureContextOptions: TypeAlias = SecureContextOptions | Mapping[str, Any]
AnyTLSConnectOptions: TypeAlias = TLSConnectOptions | Mapping[str, Any]
AnyTLSServerOptions: TypeAlias = TLSServerOptions | Mapping[str, Any]
AnyTLSSocketOptions: TypeAlias = TLSSocketOptions | Mapping[str, Any]
