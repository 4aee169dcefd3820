"""Lifecycle notifications on ``zope.event``, as gevent publishes its own."""

from typing import Any

from gnet.net.server import Server
from gnet.net.socket import Socket

__all__ = ["ServerListening", "ServerClosed", "ConnectionOpened", "ConnectionClosed", "notify", "publish"]

def notify(event: object) -> None:
    """``zope.event.notify``: call every subscriber with ``event``."""

def publish(event_class: type[_Event], *args: Any) -> None: ...

class _Event: ...

class ServerListening(_Event):
    """A server started listening (its ``'listening'`` event)."""

    server: Server
    def __init__(self, server: Server) -> None: ...

class ServerClosed(_Event):
    """A server closed (its ``'close'`` event)."""

    server: Server
    def __init__(self, server: Server) -> None: ...

class ConnectionOpened(_Event):
    """A connection opened: accepted by ``server``, or a client's (``server`` None)."""

    socket: Socket
    server: Server | None
    def __init__(self, socket: Socket, server: Server | None) -> None: ...

class ConnectionClosed(_Event):
    """A connection emitted ``'close'``; ``hadError`` is its argument."""

    socket: Socket
    server: Server | None
    hadError: bool | None
    def __init__(self, socket: Socket, server: Server | None, hadError: bool | None) -> None: ...
