"""``tls.TLSSocket``, a ``gnet.Socket`` that speaks TLS, and ``tls.connect``."""

import ssl
from collections.abc import Callable, Mapping
from typing import Any, Literal, overload

from typing_extensions import Buffer, Self, Unpack

from gnet._typing import (
    AnyTLSConnectOptions, AnyTLSSocketOptions, AttemptFailedListener, AttemptListener, CipherNameAndProtocol,
    CloseListener, DataListener, Decorator, ErrorListener, EventName, KeylogListener,
    Listener, LookupListener, NoArgs, PipeListener, Port, TLSConnectOptions, TLSSocketOptions,
)
from gnet.net.socket import Socket, _AttemptEvent, _NoArgsEvent
from gnet.tls.certificate import Certificates

__all__ = ["TLSSocket", "connect"]

class TLSSocket(Certificates, Socket):
    """Node's ``tls.TLSSocket``: https://nodejs.org/docs/latest-v20.x/api/tls.html#class-tlstlssocket

    Everything of ``gnet.Socket`` holds; with a connected gnet ``Socket``,
    ``TLSSocket(socket, options)`` upgrades it (STARTTLS).
    """

    #: Always true.
    encrypted: bool
    #: The peer's certificate verified (and, on a client, its name matched).
    authorized: bool
    #: Why not (a code such as ``'UNABLE_TO_VERIFY_LEAF_SIGNATURE'``), else ``None``.
    authorizationError: str | None
    #: The protocol ALPN chose, ``False`` when none; ``None`` before the handshake.
    alpnProtocol: str | Literal[False] | None
    #: True until the handshake is done.
    secureConnecting: bool
    #: The tls.Server that accepted it, else the ``server`` option as given.
    server: Any
    def __init__(self, socket: Socket | None = None, options: AnyTLSSocketOptions | None = None,
                 **kwargs: Unpack[TLSSocketOptions]) -> None: ...

    # -- events: TLS's, then Socket's (an overload set is replaced, not extended).
    @overload  # type: ignore[override, unused-ignore]
    def on(self, event_name: Literal["secureConnect", "secure"], listener: NoArgs) -> Self:
        """Node's ``emitter.on(eventName, listener)``; returns the socket. Without
        ``listener``, a decorator: ``@sock.on('secureConnect')``."""

    @overload
    def on(self, event_name: Literal["keylog"], listener: KeylogListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["session"], listener: Callable[[bytes], object]) -> Self: ...
    @overload
    def on(self, event_name: Literal["OCSPResponse"], listener: Callable[[bytes | None], object]) -> Self: ...
    @overload
    def on(self, event_name: Literal["data"], listener: DataListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["close"], listener: CloseListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["error"], listener: ErrorListener) -> Self: ...
    @overload
    def on(self, event_name: _NoArgsEvent, listener: NoArgs) -> Self: ...
    @overload
    def on(self, event_name: Literal["lookup"], listener: LookupListener) -> Self: ...
    @overload
    def on(self, event_name: _AttemptEvent, listener: AttemptListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["connectionAttemptFailed"], listener: AttemptFailedListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["pipe", "unpipe"], listener: PipeListener) -> Self: ...
    @overload
    def on(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def on(self, event_name: EventName) -> Decorator: ...
    addListener = on  # type: ignore[assignment, unused-ignore]
    once = on  # type: ignore[assignment, unused-ignore]
    prependListener = on  # type: ignore[assignment, unused-ignore]
    prependOnceListener = on  # type: ignore[assignment, unused-ignore]

    # -- the TLS session
    @property
    def servername(self) -> str | Literal[False] | None:
        """The SNI name sent (client) or received (server); ``False`` when none,
        ``None`` before the handshake."""

    def getCipher(self) -> CipherNameAndProtocol | None: ...
    def getProtocol(self) -> str | None:
        """``'TLSv1.3'``, ``'TLSv1.2'`` ...; ``None`` before the handshake."""

    def getSession(self) -> bytes | None:
        """The session's DER bytes (Node's Buffer), to resume with (``options.session``); ``None`` without one."""

    def isSessionReused(self) -> bool: ...
    def setSession(self, session: Buffer | str | ssl.SSLSession) -> None:
        """Resume ``session`` (DER bytes; a ``str`` is read as latin-1; an ``ssl.SSLSession`` too) next handshake."""
    def setServername(self, name: str) -> None: ...
    def getFinished(self) -> bytes | None: ...
    def getPeerFinished(self) -> bytes | None: ...
    def exportKeyingMaterial(self, length: int, label: str, context: Buffer | None = None) -> bytes:
        """RFC 5705 keying material: ``length`` bytes for ``label`` (and ``context``)."""

    def renegotiate(self, options: Mapping[str, Any] | None = None,
                    callback: Callable[..., object] | None = None, *,
                    rejectUnauthorized: bool | None = ..., reject_unauthorized: bool | None = ...,
                    requestCert: bool | None = ..., request_cert: bool | None = ...) -> bool | None:
        """A TLS 1.2 renegotiation: ``True``; ``False`` (and ``callback(err)``) under TLS 1.3;
        ``None`` on a destroyed socket. ``callback(None)`` when the new handshake is done."""
    def disableRenegotiation(self) -> None: ...
    def getEphemeralKeyInfo(self) -> dict[str, str | int | None] | None:
        """The key exchange's key: ``{'type', 'name', 'size'}`` (``{}`` before the handshake);
        ``None`` on a server's side or without a connection."""

    def setMaxSendFragment(self, size: int) -> bool:
        """The largest record to send (512 to 16384 bytes); whether OpenSSL took it."""

    def enableTrace(self) -> None:
        """OpenSSL's trace of this connection's TLS messages on stderr, as Node's."""
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    authorization_error: str | None
    alpn_protocol: str | Literal[False] | None
    secure_connecting: bool
    add_listener = addListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_listener = prependListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_once_listener = prependOnceListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    get_cipher = getCipher
    get_protocol = getProtocol
    get_session = getSession
    is_session_reused = isSessionReused
    set_session = setSession
    set_servername = setServername
    get_finished = getFinished
    get_peer_finished = getPeerFinished
    export_keying_material = exportKeyingMaterial
    disable_renegotiation = disableRenegotiation
    get_ephemeral_key_info = getEphemeralKeyInfo
    set_max_send_fragment = setMaxSendFragment
    enable_trace = enableTrace
    # end of PEP 8 twins

# Node's forms: (options[, cb]), (port[, host][, options][, cb]), (path[, options][, cb]).
@overload
def connect(options: AnyTLSConnectOptions, secureConnectListener: NoArgs | None = None, /,
            **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket:
    """Node's ``tls.connect``: a new ``TLSSocket``, connecting; the callback is a
    'secureConnect' listener.

    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlsconnectoptions-callback
    """

@overload
def connect(port: Port, host: str | None = None, options: AnyTLSConnectOptions | None = None,
            secureConnectListener: NoArgs | None = None, /, **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket: ...
@overload
def connect(port: Port, host: str | None, secureConnectListener: NoArgs, /,
            **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket: ...
@overload
def connect(port_or_path: Port, options: AnyTLSConnectOptions, secureConnectListener: NoArgs | None = None, /,
            **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket: ...
@overload
def connect(port_or_path: Port, secureConnectListener: NoArgs, /, **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket: ...
@overload
def connect(secureConnectListener: NoArgs | None = None, /, **kwargs: Unpack[TLSConnectOptions]) -> TLSSocket: ...
