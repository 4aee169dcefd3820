"""gevent's hub as Node's event loop: ``nextTick``, immediates, uncaught errors, ``run()``.

Only the public part is typed here; the loop's own plumbing is not part of gnet's API.
"""

from collections.abc import Callable
from typing import Any

from typing_extensions import Self

__all__ = [
    "nextTick", "setImmediate", "clearImmediate", "Immediate", "run",
    "setUncaughtExceptionCaptureCallback", "hasUncaughtExceptionCaptureCallback", "RefHandle",
]

def nextTick(callback: Callable[..., object], *args: Any) -> None:
    """Node's ``process.nextTick``: https://nodejs.org/docs/latest-v20.x/api/process.html#processnexttickcallback-args"""

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

def setImmediate(callback: Callable[..., object], *args: Any) -> Immediate:
    """Node's ``setImmediate``: https://nodejs.org/docs/latest-v20.x/api/timers.html#setimmediatecallback-args"""

def clearImmediate(immediate: Immediate | None = None) -> None: ...
def setUncaughtExceptionCaptureCallback(fn: Callable[[BaseException], object] | None) -> None:
    """Node's ``process.setUncaughtExceptionCaptureCallback``; ``None`` removes it."""

def hasUncaughtExceptionCaptureCallback() -> bool: ...
def run() -> None:
    """Run the loop until nothing ref'd is left, as a Node process runs until it exits."""
