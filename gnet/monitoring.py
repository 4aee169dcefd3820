"""Lifecycle notifications on ``zope.event``, as gevent publishes its own.

Monitoring code subscribes once and sees every gnet server and connection
without touching them::

    import zope.event
    from gnet import monitoring

    def watch(event):
        if isinstance(event, monitoring.ConnectionOpened):
            print('open', event.socket.remoteAddress)
    zope.event.subscribers.append(watch)

Each event is published at the moment the matching Node event is emitted:
``ServerListening`` with the server's ``'listening'``, ``ServerClosed`` with its
``'close'``, ``ConnectionOpened`` as a socket is accepted (``server`` is the
server) or as a client socket emits ``'connect'`` (``server`` is ``None``), and
``ConnectionClosed`` as a socket emits ``'close'``.
"""

import zope.event
from zope.event import notify

__all__ = ["ServerListening", "ServerClosed", "ConnectionOpened", "ConnectionClosed", "notify", "publish"]


def publish(event_class, *args):
    """Publish ``event_class(*args)`` on zope.event; with no subscriber (the
    common case) not even the event object is made, so connections pay nothing."""
    if zope.event.subscribers:
        notify(event_class(*args))


class _Event:
    __slots__ = ()

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, getattr(self, name)) for name in self.__slots__)
        return "%s(%s)" % (type(self).__name__, fields)


class ServerListening(_Event):
    """A server started listening (its ``'listening'`` event)."""
    __slots__ = ("server",)

    def __init__(self, server):
        self.server = server


class ServerClosed(_Event):
    """A server closed (its ``'close'`` event)."""
    __slots__ = ("server",)

    def __init__(self, server):
        self.server = server


class ConnectionOpened(_Event):
    """A connection opened: accepted by ``server``, or a client's (``server`` None)."""
    __slots__ = ("socket", "server")

    def __init__(self, socket, server):
        self.socket = socket
        self.server = server


class ConnectionClosed(_Event):
    """A connection emitted ``'close'``; ``hadError`` is its argument."""
    __slots__ = ("socket", "server", "hadError")

    def __init__(self, socket, server, hadError):
        self.socket = socket
        self.server = server
        self.hadError = hadError
