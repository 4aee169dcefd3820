"""Node's ``events``: ``EventEmitter``, ``once``, ``errorMonitor``."""

from typing import Any, overload

from typing_extensions import Self

from gnet._typing import Decorator, EventName, Listener
from gnet.eventloop.abort import AbortSignal

__all__ = ["EventEmitter", "MaxListenersExceededWarning", "errorMonitor", "once", "error_monitor"]

class _Symbol:
    """A JavaScript symbol: an event name no string can equal."""

    def __init__(self, description: str) -> None: ...

#: Node's ``events.errorMonitor``: its listeners see every 'error' first.
errorMonitor: _Symbol

class MaxListenersExceededWarning(RuntimeWarning):
    emitter: EventEmitter | None
    type: EventName | None
    count: int | None
    def __init__(
        self, message: str, emitter: EventEmitter | None = None, type: EventName | None = None, count: int | None = None
    ) -> None: ...
    @property
    def message(self) -> str: ...

class EventEmitter:
    """Node's ``events.EventEmitter``: https://nodejs.org/docs/latest-v20.x/api/events.html#class-eventemitter"""

    EventEmitter: type[EventEmitter]
    errorMonitor: _Symbol
    defaultMaxListeners: int
    def __init__(self) -> None: ...
    @overload
    def on(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def on(self, event_name: EventName) -> Decorator: ...
    addListener = on
    @overload
    def prependListener(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def prependListener(self, event_name: EventName) -> Decorator: ...
    @overload
    def once(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def once(self, event_name: EventName) -> Decorator: ...
    @overload
    def prependOnceListener(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def prependOnceListener(self, event_name: EventName) -> Decorator: ...
    def emit(self, event_name: EventName, *args: Any) -> bool: ...
    def removeListener(self, event_name: EventName, listener: Listener) -> Self: ...
    off = removeListener
    def removeAllListeners(self, event_name: EventName = ...) -> Self: ...
    def listeners(self, event_name: EventName) -> list[Listener]: ...
    def rawListeners(self, event_name: EventName) -> list[Listener]: ...
    def listenerCount(self, event_name: EventName, listener: Listener | None = None) -> int: ...
    def eventNames(self) -> list[EventName]: ...
    def setMaxListeners(self, n: float) -> Self: ...
    def getMaxListeners(self) -> float: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    error_monitor: _Symbol
    default_max_listeners: int
    add_listener = addListener
    prepend_listener = prependListener
    prepend_once_listener = prependOnceListener
    remove_listener = removeListener
    remove_all_listeners = removeAllListeners
    raw_listeners = rawListeners
    listener_count = listenerCount
    event_names = eventNames
    set_max_listeners = setMaxListeners
    get_max_listeners = getMaxListeners
    # end of PEP 8 twins

def once(
    emitter: EventEmitter, name: EventName, timeout: float | None = None, signal: AbortSignal | None = None
) -> list[Any]:
    """Node's ``events.once``, blocking the calling greenlet: the event's arguments as a list.

    https://nodejs.org/docs/latest-v20.x/api/events.html#eventsonceemitter-name-options
    """

# PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
error_monitor: _Symbol
# end of PEP 8 twins
