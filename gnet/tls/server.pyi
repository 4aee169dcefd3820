"""``tls.Server``, a ``gnet.Server`` whose connections are ``TLSSocket``s, and ``tls.createServer``."""

from collections.abc import Callable
from typing import Literal, overload

from typing_extensions import Buffer, Self, Unpack

from gnet._typing import (
    ALPNCallbackFunction, AnySecureContextOptions, AnyTLSServerOptions, Decorator, DropListener, ErrorListener,
    EventName, Listener, NoArgs, OCSPRequestListener, SecureConnectionListener, ServerKeylogListener,
    TLSClientErrorListener, TLSServerOptions,
)
from gnet.net.server import Server as _NetServer
from gnet.tls.context import SecureContext
from gnet.tls.socket import TLSSocket

__all__ = ["Server", "createServer"]

class Server(_NetServer):
    """Node's ``tls.Server``: https://nodejs.org/docs/latest-v20.x/api/tls.html#class-tlsserver

    Everything of ``gnet.Server`` holds; its connections are ``TLSSocket``s.
    """

    #: Milliseconds a handshake may take before 'tlsClientError' (120000).
    handshakeTimeout: float
    #: The ``sessionTimeout`` option (seconds), kept when truthy; else ``None``.
    sessionTimeout: int | None
    #: The ``ticketKeys`` option, kept when given; ``getTicketKeys()`` reads the keys in use.
    ticketKeys: Buffer | None
    #: The ``ALPNCallback`` option, read (and checked) as each connection comes.
    ALPNCallback: ALPNCallbackFunction | None
    # A listener with its parameter first, so that a lambda's ``sock`` is known
    # to be a TLSSocket; then one with none, as gnet allows.
    @overload
    def __init__(self, secureConnectionListener: Callable[[TLSSocket], object] | None = None, /,
                 **kwargs: Unpack[TLSServerOptions]) -> None:
        """Node's ``new tls.Server([options][, secureConnectionListener])``."""

    @overload
    def __init__(self, secureConnectionListener: NoArgs, /, **kwargs: Unpack[TLSServerOptions]) -> None: ...
    @overload
    def __init__(self, options: AnyTLSServerOptions | None,
                 secureConnectionListener: Callable[[TLSSocket], object] | None = None, /,
                 **kwargs: Unpack[TLSServerOptions]) -> None: ...
    @overload
    def __init__(self, options: AnyTLSServerOptions | None, secureConnectionListener: NoArgs, /,
                 **kwargs: Unpack[TLSServerOptions]) -> None: ...

    # -- events: TLS's, then Server's (an overload set is replaced, not extended).
    @overload  # type: ignore[override, unused-ignore]
    def on(self, event_name: Literal["secureConnection", "connection"], listener: SecureConnectionListener) -> Self:
        """Node's ``emitter.on(eventName, listener)``; returns the server. Without
        ``listener``, a decorator: ``@server.on('secureConnection')``.

        Differs from Node: 'connection' gets the ``TLSSocket`` too (docs/differences.md)."""

    @overload
    def on(self, event_name: Literal["tlsClientError"], listener: TLSClientErrorListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["keylog"], listener: ServerKeylogListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["newSession"],
           listener: Callable[[bytes, bytes, Callable[[], None]], object]) -> Self: ...
    @overload
    def on(self, event_name: Literal["resumeSession"],
           listener: Callable[[bytes, Callable[..., None]], object]) -> Self: ...
    @overload
    def on(self, event_name: Literal["OCSPRequest"], listener: OCSPRequestListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["close", "listening"], listener: NoArgs) -> Self: ...
    @overload
    def on(self, event_name: Literal["error"], listener: ErrorListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["drop"], listener: DropListener) -> Self: ...
    @overload
    def on(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def on(self, event_name: EventName) -> Decorator: ...
    # A 'connection' listener here takes a TLSSocket, where net.Server's takes any Socket.
    addListener = on  # type: ignore[assignment, unused-ignore]
    once = on  # type: ignore[assignment, unused-ignore]
    prependListener = on  # type: ignore[assignment, unused-ignore]
    prependOnceListener = on  # type: ignore[assignment, unused-ignore]

    # -- contexts
    def setSecureContext(self, options: AnySecureContextOptions | None = None) -> None:
        """Replace the server's key, certificates and other context options for
        the connections made from now on."""

    def getTicketKeys(self) -> bytes:
        """The 48 bytes of session ticket keys in use (16 of key name, 16 of
        HMAC secret, 16 of AES key): random unless ``ticketKeys`` gave them."""

    def setTicketKeys(self, keys: Buffer) -> None:
        """Seal and open session tickets with ``keys`` (48 bytes) from the next connection on."""

    def addContext(self, hostname: str, context: SecureContext | AnySecureContextOptions | None = None) -> None:
        """Serve SNI ``hostname`` (``*`` wildcards allowed) with ``context``."""
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    handshake_timeout: float
    session_timeout: int | None
    ticket_keys: Buffer | None
    add_listener = addListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_listener = prependListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_once_listener = prependOnceListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    set_secure_context = setSecureContext
    get_ticket_keys = getTicketKeys
    set_ticket_keys = setTicketKeys
    add_context = addContext
    # end of PEP 8 twins

@overload
def createServer(secureConnectionListener: Callable[[TLSSocket], object] | None = None, /,
                 **kwargs: Unpack[TLSServerOptions]) -> Server:
    """Node's ``tls.createServer([options][, secureConnectionListener])``.

    https://nodejs.org/docs/latest-v20.x/api/tls.html#tlscreateserveroptions-secureconnectionlistener
    """

@overload
def createServer(secureConnectionListener: NoArgs, /, **kwargs: Unpack[TLSServerOptions]) -> Server: ...
@overload
def createServer(options: AnyTLSServerOptions | None,
                 secureConnectionListener: Callable[[TLSSocket], object] | None = None, /,
                 **kwargs: Unpack[TLSServerOptions]) -> Server: ...
@overload
def createServer(options: AnyTLSServerOptions | None, secureConnectionListener: NoArgs, /,
                 **kwargs: Unpack[TLSServerOptions]) -> Server: ...
