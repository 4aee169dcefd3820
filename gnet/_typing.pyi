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
from collections.abc import Callable, Mapping
from typing import Any, Literal, Protocol, TypedDict, TypeVar

from typing_extensions import Buffer, TypeAlias

from gnet.eventloop.abort import AbortSignal
from gnet.eventloop.events import _Symbol
from gnet.net.server import Server
from gnet.net.socket import Socket

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
