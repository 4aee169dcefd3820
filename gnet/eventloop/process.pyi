"""``gnet.process``: what a ``net`` program uses of Node's ``process``.

https://nodejs.org/docs/latest-v20.x/api/process.html
"""

from collections.abc import Callable
from typing import Any, Literal, NoReturn, overload

from typing_extensions import Self

from gnet._typing import Decorator, EventName, Listener
from gnet.eventloop.events import EventEmitter

__all__ = ["process", "Process"]

#: The signals a program listens for; any other ``'SIG...'`` name of the platform works too.
_Signal = Literal[
    "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPIPE", "SIGWINCH", "SIGCHLD",
    "SIGALRM", "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
    "SIGPROF", "SIGIO", "SIGPWR", "SIGSYS", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGILL", "SIGSEGV",
]
#: A signal listener gets ``(name, number)``.
_SignalListener = Callable[[], object] | Callable[[str], object] | Callable[[str, int], object]
_ExitListener = Callable[[], object] | Callable[[int], object]
#: 'uncaughtException' gets ``(err, origin)``.
_UncaughtListener = (
    Callable[[], object] | Callable[[BaseException], object] | Callable[[BaseException, str], object]
)

class Process(EventEmitter):
    """``gnet.process``: the part of Node's ``process`` that a ``net`` program uses."""

    @staticmethod
    def nextTick(callback: Callable[..., object], *args: Any) -> None: ...
    @staticmethod
    def setUncaughtExceptionCaptureCallback(fn: Callable[[BaseException], object] | None) -> None: ...
    @staticmethod
    def hasUncaughtExceptionCaptureCallback() -> bool: ...
    @property
    def pid(self) -> int: ...
    @property
    def exitCode(self) -> int | str | None: ...
    @exitCode.setter
    def exitCode(self, code: int | str | None) -> None: ...
    def exit(self, code: int | str | None = None) -> NoReturn:
        """Node's ``process.exit([code])``: 'exit', then ``SystemExit``."""

    def kill(self, pid: int, signal: str | int = "SIGTERM") -> Literal[True]: ...
    @overload  # type: ignore[override, unused-ignore]
    def on(self, event_name: _Signal, listener: _SignalListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["exit"], listener: _ExitListener) -> Self: ...
    @overload
    def on(self, event_name: Literal["uncaughtException"], listener: _UncaughtListener) -> Self: ...
    @overload
    def on(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def on(self, event_name: EventName) -> Decorator: ...
    addListener = on  # type: ignore[assignment, unused-ignore]
    @overload  # type: ignore[override, unused-ignore]
    def once(self, event_name: _Signal, listener: _SignalListener) -> Self: ...
    @overload
    def once(self, event_name: Literal["exit"], listener: _ExitListener) -> Self: ...
    @overload
    def once(self, event_name: Literal["uncaughtException"], listener: _UncaughtListener) -> Self: ...
    @overload
    def once(self, event_name: EventName, listener: Listener) -> Self: ...
    @overload
    def once(self, event_name: EventName) -> Decorator: ...
    # PEP 8 twins (written by python -m gnet.js.stubgen; do not edit)
    next_tick = nextTick
    set_uncaught_exception_capture_callback = setUncaughtExceptionCaptureCallback
    has_uncaught_exception_capture_callback = hasUncaughtExceptionCaptureCallback
    exit_code = exitCode
    add_listener = addListener  # type: ignore[assignment, unused-ignore, unused-ignore]
    # end of PEP 8 twins

#: Node's ``process``, as far as ``net`` programs use it.
process: Process
