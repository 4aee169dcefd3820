"""``gnet.process``: what a ``net`` program uses of Node's ``process``.

https://nodejs.org/docs/latest-v20.x/api/process.html

- ``nextTick``, ``setUncaughtExceptionCaptureCallback``,
  ``hasUncaughtExceptionCaptureCallback`` and the ``'uncaughtException'``
  event (the loop reads its listeners: gnet/eventloop/loop.py, ``report``).
- Signal events. The first listener for a signal's name (``'SIGTERM'``,
  ``'SIGINT'``, ``'SIGHUP'``, ``'SIGUSR2'`` ...) installs a handler for it on
  gevent's hub, replacing the default action, as Node's does: the listeners
  get ``(name, number)`` as a macrotask of the loop, and the process no longer
  dies of the signal (nor, for ``SIGINT``, raises ``KeyboardInterrupt``).
  Removing the last listener puts back what was there before. A handler does
  not keep ``run()`` going, as in Node. A signal no process may catch
  (``SIGKILL``, ``SIGSTOP``) is Node's ``uv_signal_start EINVAL`` when the
  listener is added. Names that are not signals are plain events.
- ``exit(code)``, ``exitCode`` and ``'exit'``. ``exit(code)`` emits
  ``'exit'`` with the code and raises ``SystemExit(code)``, which ends the
  program from a listener too (gevent hands it to the main greenlet).
  ``exitCode`` is the status of a program that ends by itself, and ``'exit'``
  is emitted then too, when the interpreter exits (``atexit``), with that
  code, or 1 after an uncaught exception.

How the status is applied: Python decides a program's exit status itself (0
when the main script ends, 1 after an uncaught exception, ``SystemExit``'s
code). When ``exitCode`` is set to a number other than 0 and the program
ends with 0, gnet's ``atexit`` handler flushes standard output and error,
shuts logging down, and ends the process with that status (``os._exit``):
``atexit`` handlers registered before ``import gnet`` do not run then. A
``sys.exit(n)`` of the program's own is not seen: ``exitCode`` applies over it.
"""

import atexit
import os
import signal as _signal
import sys

from gnet.js import errors
from gnet.js import names as _names
from gnet.js.values import js_number, validate_integer
from gnet.eventloop import loop as _loop
from gnet.eventloop.events import EventEmitter

__all__ = ["process", "Process"]

#: Signals no process can catch: adding a listener is Node's error.
_UNCATCHABLE = {"SIGKILL", "SIGSTOP"}


def _signal_number(name):
    """The number of a signal named ``name`` on this platform, else ``None``."""
    if not isinstance(name, str) or not name.startswith("SIG") or name.startswith("SIG_"):
        return None
    number = getattr(_signal, name, None)
    return int(number) if isinstance(number, _signal.Signals) else None


def _check_exit_code(code):
    """Node's ``process.exitCode`` setter: ``None``, a safe integer, or a
    string that ``Number()`` reads as one (``' '`` is 0); the code as an
    ``int`` (``None`` stays ``None``)."""
    if code is None:
        return None
    value = code
    if isinstance(code, str) and code != "":
        number = js_number(code)
        if number == number:
            value = number
    validate_integer(value, "code")
    return int(value)


@_names.alias_class
class Process(EventEmitter):
    """``gnet.process``: the part of Node's ``process`` that a ``net`` program uses."""

    nextTick = staticmethod(_loop.nextTick)
    setUncaughtExceptionCaptureCallback = staticmethod(_loop.setUncaughtExceptionCaptureCallback)
    hasUncaughtExceptionCaptureCallback = staticmethod(_loop.hasUncaughtExceptionCaptureCallback)

    def __init__(self):
        EventEmitter.__init__(self)
        self._exit_code = None
        self._exiting = False
        self._crashed = False
        self._handlers = {}         # signal name -> (gevent signal handler, previous Python handler)
        self.on("newListener", self._on_new_listener)
        self.on("removeListener", self._on_remove_listener)

    @property
    def pid(self):
        """Node's ``process.pid``."""
        return os.getpid()

    @property
    def exitCode(self):
        """Node's ``process.exitCode``: the status when the program ends by itself
        (``None`` until set)."""
        return self._exit_code

    @exitCode.setter
    def exitCode(self, code):
        _check_exit_code(code)
        self._exit_code = code

    def exit(self, code=None):
        """Node's ``process.exit([code])``: emit ``'exit'`` with the code
        (``exitCode`` when none is given, else 0), then end the program with it
        (``SystemExit``)."""
        if code is not None:
            _check_exit_code(code)
            self._exit_code = code
        status = _check_exit_code(self._exit_code) or 0
        self._emit_exit(status)
        raise SystemExit(status)

    def kill(self, pid=None, signal="SIGTERM"):
        """Node's ``process.kill(pid[, signal])``: send ``signal`` (a name or a
        number) to ``pid``; ``True``."""
        if isinstance(pid, bool) or not isinstance(pid, (int, float)) or pid != pid:
            raise errors.ERR_INVALID_ARG_TYPE("pid", ["number"], pid)
        if isinstance(signal, str):
            number = _signal_number(signal)
            if number is None:
                raise errors.ERR_UNKNOWN_SIGNAL(signal)
        elif isinstance(signal, int) and not isinstance(signal, bool):
            number = signal
        else:
            raise errors.ERR_UNKNOWN_SIGNAL(signal)
        try:
            os.kill(int(pid), number)
        except OSError as exc:
            raise errors.system_error(exc, "kill") from None
        return True

    # -- 'exit' ----------------------------------------------------------------

    def _emit_exit(self, status):
        if self._exiting:
            return
        self._exiting = True
        if self._exit_code is None:
            self._exit_code = status
        self.emit("exit", status)

    def _at_interpreter_exit(self):
        """The program is ending by itself: ``'exit'``, then ``exitCode`` as
        the status (see the module's docstring)."""
        if self._exiting:
            return
        status = 1 if self._crashed else (_check_exit_code(self._exit_code) or 0)
        self._emit_exit(status)
        if status and not self._crashed:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (AttributeError, OSError, ValueError):
                    pass
            logging = sys.modules.get("logging")
            if logging is not None:
                logging.shutdown()
            os._exit(status & 0xFF)

    # -- signals ---------------------------------------------------------------

    def _on_new_listener(self, event, listener=None):
        number = _signal_number(event)
        if number is None or event in self._handlers:
            return
        if event in _UNCATCHABLE:
            err = errors.system_error(22, "uv_signal_start")    # EINVAL, as libuv reports it
            err._message = "uv_signal_start EINVAL"
            raise err
        import gevent
        previous = _signal.getsignal(number)
        handler = gevent.signal_handler(number, self._deliver, event, number)
        handler.ref = False             # a signal listener does not keep run() going
        self._handlers[event] = (handler, previous)

    def _on_remove_listener(self, event, listener=None):
        entry = self._handlers.get(event)
        if entry is None or self.listenerCount(event):
            return
        del self._handlers[event]
        handler, previous = entry
        handler.cancel()
        if previous is not None:
            _signal.signal(_signal_number(event), previous)

    def _deliver(self, name, number):
        """In a greenlet gevent spawned for the signal: the listeners, as a
        macrotask of the loop."""
        _loop.spawn(_loop.dispatch, self.emit, (name, name, number))


process = Process()
atexit.register(process._at_interpreter_exit)


def _note_crash(previous_hook):
    def excepthook(kind, value, tb):
        process._crashed = True
        previous_hook(kind, value, tb)
    return excepthook


sys.excepthook = _note_crash(sys.excepthook)
