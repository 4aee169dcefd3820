"""``gnet.Server``: Node's ``net.Server``, also a ``gevent.server.StreamServer``.

The stub does not name ``StreamServer`` as a base: gevent ships no types, and a
base of unknown type would let any misspelt attribute of a server pass. The part
of gevent's surface that gnet keeps (``start``, ``stop``, ``serve_forever``,
``started``, ``server_host``, ``server_port`` ...) is declared here instead.
"""

from collections.abc import Callable
from typing import Any, Literal, overload

from typing_extensions import Self, Unpack

from gnet._typing import (
    AddressInfo, AnyListenOptions, AnyServerOptions, CloseListener, ConnectionListener, CountCallback,
    Decorator, DropListener, ErrorCallback, ErrorListener, EventName, Handle, Listener, ListenOptions,
    NoArgs, Port, ServerOptions,
)
from gnet.eventloop.events import EventEmitter
from gnet.net.socket import Socket

__all__ = ["Server", "createServer"]

class Server(EventEmitter):
    """Node's ``net.Server``: https://nodejs.org/docs/latest-v20.x/api/net.html#class-netserver"""

    #: Accepts per wake-up of the listening socket (gevent's knob).
    max_accept: int
    #: gevent's: seconds ``stop()`` waits for connections by default.
    stop_timeout: float
    allowHalfOpen: bool
    pauseOnConnect: bool
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float
    highWaterMark: int
    #: Connections beyond it are closed at once and reported with 'drop'; ``None`` (or 0): no limit.
    maxConnections: int | None
    # A connection listener with its parameter first, so that a lambda's
    # ``sock`` is known to be a Socket; then one with none, as gnet allows.
    @overload
    def __init__(self, connectionListener: Callable[[Socket], object] | None = None, /,
                 **kwargs: Unpack[ServerOptions]) -> None:
        """Node's ``new net.Server([options][, connectionListener])``."""

    @overload
    def __init__(self, connectionListener: NoArgs, /, **kwargs: Unpack[ServerOptions]) -> None: ...
    @overload
    def __init__(self, options: AnyServerOptions | None, connectionListener: Callable[[Socket], object] | None = None,
                 /, **kwargs: Unpack[ServerOptions]) -> None: ...
    @overload
    def __init__(self, options: AnyServerOptions | None, connectionListener: NoArgs, /,
                 **kwargs: Unpack[ServerOptions]) -> None: ...

    # -- events: Node's arguments for each of Server's events, any name for others.
    @overload  # type: ignore[override, unused-ignore]
    def on(self, event_name: Literal["connection"], listener: ConnectionListener) -> Self:
        """Node's ``emitter.on(eventName, listener)``; returns the server. Without
        ``listener``, a decorator: ``@server.on('connection')``."""

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
    addListener = on
    once = on  # type: ignore[assignment, unused-ignore]
    prependListener = on  # type: ignore[assignment, unused-ignore]
    prependOnceListener = on  # type: ignore[assignment, unused-ignore]

    # -- listening: Node's call forms, options as a dict and/or keywords.
    @overload
    def listen(self, port: Port | None = None, host: str | None = None, backlog: int | None = None,
               listeningListener: NoArgs | None = None, /, **kwargs: Unpack[ListenOptions]) -> Self:
        """Node's ``server.listen``: ``(port[, host][, backlog][, cb])``, ``(path[, backlog][, cb])``,
        ``(options[, cb])``, ``(handle[, backlog][, cb])``, ``(cb)`` or ``()``.

        https://nodejs.org/docs/latest-v20.x/api/net.html#serverlisten
        """

    @overload
    def listen(self, port: Port | None, host: str | None, listeningListener: NoArgs, /,
               **kwargs: Unpack[ListenOptions]) -> Self: ...
    @overload
    def listen(self, port_or_path: Port | None, backlog: int | None, listeningListener: NoArgs | None = None, /,
               **kwargs: Unpack[ListenOptions]) -> Self: ...
    @overload
    def listen(self, port_or_path: Port | None, listeningListener: NoArgs, /, **kwargs: Unpack[ListenOptions]) -> Self: ...
    @overload
    def listen(self, options: AnyListenOptions, listeningListener: NoArgs | None = None, /,
               **kwargs: Unpack[ListenOptions]) -> Self: ...
    @overload
    def listen(self, handle: Handle, backlog: int | None = None, listeningListener: NoArgs | None = None, /) -> Self: ...
    @overload
    def listen(self, handle: Handle, listeningListener: NoArgs, /) -> Self: ...
    @overload
    def listen(self, listeningListener: NoArgs, /, **kwargs: Unpack[ListenOptions]) -> Self: ...
    def close(self, cb: ErrorCallback | None = None) -> Self:
        """Node's ``server.close([cb])``: stop accepting; 'close' once every connection has ended."""

    def address(self) -> AddressInfo | str | None:
        """The bound address: ``{'port', 'family', 'address'}``, a Unix socket's path,
        or ``None`` when not listening."""

    @property
    def listening(self) -> bool: ...
    def getConnections(self, cb: CountCallback) -> Self: ...
    @property
    def connections(self) -> int:
        """Deprecated in Node: use ``getConnections()``."""

    def ref(self) -> Self: ...
    def unref(self) -> Self: ...

    # -- gevent's StreamServer surface
    def start_accepting(self) -> None: ...
    def do_read(self) -> tuple[int, Any] | None: ...
    def do_handle(self, fd: int, peer: Any) -> None: ...
    @property
    def server_host(self) -> str | None: ...
    @property
    def server_port(self) -> int | None: ...
    @property
    def started(self) -> bool: ...
    @property
    def closed(self) -> bool: ...
    def start(self) -> None: ...
    def stop(self, timeout: float | None = None) -> None: ...
    def serve_forever(self, stop_timeout: float | None = None) -> None: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    allow_half_open: bool
    pause_on_connect: bool
    no_delay: bool
    keep_alive: bool
    keep_alive_initial_delay: float
    high_water_mark: int
    max_connections: int | None
    add_listener = addListener
    prepend_listener = prependListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    prepend_once_listener = prependOnceListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    get_connections = getConnections
    # end of PEP 8 twins

@overload
def createServer(connectionListener: Callable[[Socket], object] | None = None, /,
                 **kwargs: Unpack[ServerOptions]) -> Server:
    """Node's ``net.createServer([options][, connectionListener])``.

    https://nodejs.org/docs/latest-v20.x/api/net.html#netcreateserveroptions-connectionlistener
    """

@overload
def createServer(connectionListener: NoArgs, /, **kwargs: Unpack[ServerOptions]) -> Server: ...
@overload
def createServer(options: AnyServerOptions | None, connectionListener: Callable[[Socket], object] | None = None, /,
                 **kwargs: Unpack[ServerOptions]) -> Server: ...
@overload
def createServer(options: AnyServerOptions | None, connectionListener: NoArgs, /,
                 **kwargs: Unpack[ServerOptions]) -> Server: ...
