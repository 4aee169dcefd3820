"""``gnet.Socket``: Node's ``net.Socket``, a Duplex stream; ``connect``/``createConnection``."""

from typing import Literal, overload

from typing_extensions import Self, Unpack

from gnet._typing import (
    AnyConnectOptions, AnySocketOptions, AttemptFailedListener, AttemptListener, CloseListener,
    ConnectOptions, DataListener, Decorator, ErrorListener, EventName, Listener, LookupListener,
    NoArgs, PipeListener, Port, SocketAddressInfo, SocketOptions,
)
from gnet.net.server import Server
from gnet.streams.duplex import Duplex

__all__ = ["Socket", "Stream", "connect", "createConnection"]

_NoArgsEvent = Literal[
    "end", "connect", "ready", "drain", "timeout", "finish", "prefinish", "pause", "resume", "readable"
]
_AttemptEvent = Literal["connectionAttempt", "connectionAttemptTimeout"]

class Socket(Duplex):
    """Node's ``net.Socket``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netsocket"""

    #: The idle timeout set by ``setTimeout`` (ms), ``None`` before one is.
    timeout: float | None
    #: The ``address:port`` each attempt of an autoSelectFamily connect tried.
    autoSelectFamilyAttemptedAddresses: list[str] | None
    #: The server that accepted this socket, else ``None``.
    server: Server | None
    def __init__(self, options: AnySocketOptions | None = None, **kwargs: Unpack[SocketOptions]) -> None: ...

    # -- events: Node's arguments for each of Socket's events, any name for others.
    @overload  # type: ignore[override, unused-ignore]
    def on(self, event_name: Literal["data"], listener: DataListener) -> Self:
        """Node's ``emitter.on(eventName, listener)``; returns the socket. Without
        ``listener``, a decorator: ``@sock.on('data')``."""

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
    addListener = on
    once = on  # type: ignore[assignment, unused-ignore]
    prependListener = on  # type: ignore[assignment, unused-ignore]
    prependOnceListener = on  # type: ignore[assignment, unused-ignore]

    # -- connecting: Node's three call forms, options as a dict and/or keywords.
    @overload
    def connect(self, options: AnyConnectOptions, connectListener: NoArgs | None = None, /,
                **kwargs: Unpack[ConnectOptions]) -> Self:
        """Node's ``socket.connect(options[, connectListener])``,
        ``connect(path[, connectListener])``, ``connect(port[, host][, connectListener])``.

        https://nodejs.org/docs/latest-v20.x/api/net.html#socketconnect
        """

    @overload
    def connect(self, port: Port, host: str | None = None, connectListener: NoArgs | None = None, /,
                **kwargs: Unpack[ConnectOptions]) -> Self: ...
    @overload
    def connect(self, port_or_path: Port, connectListener: NoArgs, /, **kwargs: Unpack[ConnectOptions]) -> Self: ...
    @overload
    def connect(self, connectListener: NoArgs | None = None, /, **kwargs: Unpack[ConnectOptions]) -> Self: ...

    # -- the connection
    def setTimeout(self, msecs: float, callback: NoArgs | None = None) -> Self:
        """Emit 'timeout' after ``msecs`` ms without reads or writes (0 disables).

        https://nodejs.org/docs/latest-v20.x/api/net.html#socketsettimeouttimeout-callback
        """

    def setNoDelay(self, noDelay: bool | None = None) -> Self: ...
    def setKeepAlive(self, enable: bool = ..., initialDelay: float = ...) -> Self: ...
    def ref(self) -> Self: ...
    def unref(self) -> Self: ...
    def resetAndDestroy(self) -> Self: ...
    def destroySoon(self) -> None: ...
    def pause(self) -> Self: ...
    def resume(self) -> Self: ...
    def read(self, n: int | None = None) -> bytes | str | None: ...
    def address(self) -> SocketAddressInfo:
        """``{'address', 'family', 'port'}`` of the local end; ``{}`` without one."""

    @property
    def remoteAddress(self) -> str | None: ...
    @property
    def remoteFamily(self) -> str | None: ...
    @property
    def remotePort(self) -> int | None: ...
    @property
    def localAddress(self) -> str | None: ...
    @property
    def localPort(self) -> int | None: ...
    @property
    def localFamily(self) -> str | None: ...
    @property
    def bytesRead(self) -> int: ...
    @property
    def bytesWritten(self) -> int: ...
    @property
    def bufferSize(self) -> int | None: ...
    @property
    def connecting(self) -> bool: ...
    @property
    def pending(self) -> bool: ...
    @property
    def readyState(self) -> Literal["opening", "open", "readOnly", "writeOnly", "closed"]: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    auto_select_family_attempted_addresses: list[str] | None
    add_listener = addListener
    prepend_listener = prependListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_once_listener = prependOnceListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    set_timeout = setTimeout
    set_no_delay = setNoDelay
    set_keep_alive = setKeepAlive
    reset_and_destroy = resetAndDestroy
    destroy_soon = destroySoon
    remote_address = remoteAddress
    remote_family = remoteFamily
    remote_port = remotePort
    local_address = localAddress
    local_port = localPort
    local_family = localFamily
    bytes_read = bytesRead
    bytes_written = bytesWritten
    buffer_size = bufferSize
    ready_state = readyState
    # end of PEP 8 twins

#: Node's ``net.Stream``, an alias of ``Socket``.
Stream = Socket

@overload
def createConnection(options: AnyConnectOptions, connectListener: NoArgs | None = None, /,
                     **kwargs: Unpack[ConnectOptions]) -> Socket:
    """Node's ``net.createConnection``: a new ``Socket``, connecting.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netcreateconnection
    """

@overload
def createConnection(port: Port, host: str | None = None, connectListener: NoArgs | None = None, /,
                     **kwargs: Unpack[ConnectOptions]) -> Socket: ...
@overload
def createConnection(port_or_path: Port, connectListener: NoArgs, /, **kwargs: Unpack[ConnectOptions]) -> Socket: ...
@overload
def createConnection(connectListener: NoArgs | None = None, /, **kwargs: Unpack[ConnectOptions]) -> Socket: ...

connect = createConnection
