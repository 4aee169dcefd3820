"""gevent's hub as Node's event loop: ``nextTick``, immediates, uncaught errors, ``run()``.

Only the public part is typed here; the loop's own plumbing is not part of gnet's API.
"""

from collections.abc import Callable
from typing import Any, overload

from typing_extensions import Self, TypeVarTuple, Unpack

__all__ = [
    "nextTick", "setImmediate", "clearImmediate", "Immediate", "run",
    "setUncaughtExceptionCaptureCallback", "hasUncaughtExceptionCaptureCallback", "RefHandle",
]

_Ts = TypeVarTuple("_Ts")

# A callback taking exactly ``args`` first, so a lambda's parameters get their
# types; then any callback, which gets the leading arguments it takes (API.md 2).
@overload
def nextTick(callback: Callable[[Unpack[_Ts]], object], *args: Unpack[_Ts]) -> None:
    """Node's ``process.nextTick``: https://nodejs.org/docs/latest-v20.x/api/process.html#processnexttickcallback-args"""

@overload
def nextTick(callback: Callable[..., object], *args: Any) -> None: ...

class RefHandle:
    """``ref()``, ``unref()``, ``hasRef()`` of Node's timer and immediate handles."""

    def ref(self) -> Self: ...
    def unref(self) -> Self: ...
    def hasRef(self) -> bool: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    has_ref = hasRef
    # end of PEP 8 twins

class Immediate(RefHandle):
    """The handle ``setImmediate`` returns."""

@overload
def setImmediate(callback: Callable[[Unpack[_Ts]], object], *args: Unpack[_Ts]) -> Immediate:
    """Node's ``setImmediate``: https://nodejs.org/docs/latest-v20.x/api/timers.html#setimmediatecallback-args"""

@overload
def setImmediate(callback: Callable[..., object], *args: Any) -> Immediate: ...

def clearImmediate(immediate: Immediate | None = None) -> None: ...
def setUncaughtExceptionCaptureCallback(fn: Callable[[BaseException], object] | None) -> None:
    """Node's ``process.setUncaughtExceptionCaptureCallback``; ``None`` removes it."""

def hasUncaughtExceptionCaptureCallback() -> bool: ...
def run() -> None:
    """Run the loop until nothing ref'd is left, as a Node process runs until it exits."""
