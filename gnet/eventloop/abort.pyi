"""Node's ``AbortController`` and ``AbortSignal``."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["AbortController", "AbortSignal", "Event"]

class Event:
    """The ``Event`` an 'abort' listener receives."""

    type: str
    target: AbortSignal | None
    currentTarget: AbortSignal | None
    def __init__(self, type_: str, target: AbortSignal | None = None) -> None: ...

_EventListener = Callable[[], object] | Callable[[Event], object]

class AbortSignal:
    """Node's ``AbortSignal``: https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortsignal

    Made by an ``AbortController`` or ``AbortSignal.abort()``/``timeout()``/``any()``.
    """

    @property
    def aborted(self) -> bool: ...
    @property
    def reason(self) -> Any: ...
    def throwIfAborted(self) -> None: ...
    def addEventListener(
        self, type_: str, listener: _EventListener | None, options: Mapping[str, Any] | bool | None = None
    ) -> None: ...
    def removeEventListener(
        self, type_: str, listener: _EventListener | None, options: Mapping[str, Any] | bool | None = None
    ) -> None: ...
    def dispatchEvent(self, event: Event) -> bool: ...
    @property
    def onabort(self) -> _EventListener | None: ...
    @onabort.setter
    def onabort(self, handler: _EventListener | None) -> None: ...
    @classmethod
    def abort(cls, reason: Any = None) -> AbortSignal: ...
    @classmethod
    def timeout(cls, delay: int) -> AbortSignal: ...
    @classmethod
    def any(cls, signals: Sequence[AbortSignal]) -> AbortSignal: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    throw_if_aborted = throwIfAborted
    add_event_listener = addEventListener
    remove_event_listener = removeEventListener
    dispatch_event = dispatchEvent
    # end of PEP 8 twins

class AbortController:
    """Node's ``AbortController``: https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortcontroller"""

    def __init__(self) -> None: ...
    @property
    def signal(self) -> AbortSignal: ...
    def abort(self, reason: Any = None) -> None: ...
