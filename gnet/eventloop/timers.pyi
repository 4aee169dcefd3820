"""Node's timers: ``setTimeout``, ``setInterval`` and their handles (milliseconds)."""

from collections.abc import Callable
from typing import Any, overload

from typing_extensions import Self, TypeVarTuple, Unpack

from gnet.eventloop.loop import Immediate as Immediate, RefHandle, clearImmediate as clearImmediate, setImmediate as setImmediate
from gnet.js.errors import TimeoutOverflowWarning as TimeoutOverflowWarning

__all__ = [
    "setTimeout", "clearTimeout", "setInterval", "clearInterval",
    "setImmediate", "clearImmediate", "Timeout", "Immediate", "TimeoutOverflowWarning",
]

#: Node's longest delay, in ms (2**31 - 1).
TIMEOUT_MAX: int

_Ts = TypeVarTuple("_Ts")

class Timeout(RefHandle):
    """The handle ``setTimeout``/``setInterval`` return: https://nodejs.org/docs/latest-v20.x/api/timers.html#class-timeout"""

    def refresh(self) -> Self: ...
    def close(self) -> Self: ...

# A callback taking exactly ``args`` first, so a lambda's parameters get their
# types; then any callback, which gets the leading arguments it takes (API.md 2).
@overload
def setTimeout(callback: Callable[[Unpack[_Ts]], object], delay: float | None = None, *args: Unpack[_Ts]) -> Timeout:
    """Node's ``setTimeout``: ``callback(*args)`` once, after ``delay`` ms.

    https://nodejs.org/docs/latest-v20.x/api/timers.html#settimeoutcallback-delay-args
    """

@overload
def setTimeout(callback: Callable[..., object], delay: float | None = None, *args: Any) -> Timeout: ...
@overload
def setInterval(callback: Callable[[Unpack[_Ts]], object], delay: float | None = None, *args: Unpack[_Ts]) -> Timeout:
    """Node's ``setInterval``: ``callback(*args)`` every ``delay`` ms.

    https://nodejs.org/docs/latest-v20.x/api/timers.html#setintervalcallback-delay-args
    """

@overload
def setInterval(callback: Callable[..., object], delay: float | None = None, *args: Any) -> Timeout: ...

def clearTimeout(timeout: Timeout | None = None) -> None: ...
def clearInterval(timeout: Timeout | None = None) -> None: ...
