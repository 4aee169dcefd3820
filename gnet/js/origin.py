"""Where the user's code is in a stack: what a crash shows, as Node's stack traces do.

An exception that escapes a listener crashes the program (gnet/eventloop/loop.py,
``report``). It reaches the terminal from ``gnet.run()``, far from where it was
raised; ``for_user`` gives it back its own traceback with the loop's frames
(gnet's and gevent's, which every callback has below it) cut from the top, so
the first frame shown under ``gnet.run()`` is the user's.

An error gnet makes (a ``NodeError``, a system error) is often raised far from
the user's call that caused it: ``socket.write()`` after ``end()`` makes the
error at once but emits it on the next tick, and with no ``'error'`` listener
the emit raises it from gnet's own frames. Node prints the stack where the error
was made, then ``Emitted 'error' event on Socket instance``. gnet records, when
it makes an error, the user's innermost frames then on the stack (``mark``,
a few microseconds: file, line and function name, no frame object kept alive),
and ``for_user`` adds them to the crash as a note (Python 3.11's
``add_note``; on 3.10 the note is not printed).
"""

import linecache
import os
import sys

__all__ = ["mark", "for_user"]

_GNET = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _package_dir(name):
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    return os.path.dirname(os.path.abspath(path)) + os.sep if path else None


#: Files whose frames are the machinery under every callback: gnet's own, and
#: gevent's and greenlet's (gevent's compiled modules name theirs ``src/gevent/...``).
_INTERNAL = tuple(p for p in (_GNET, _package_dir("gevent"), _package_dir("greenlet"),
                              "src/gevent/", "src/greenlet/") if p)

#: User frames kept by ``mark``: the innermost ones, where the error was made.
MARK_DEPTH = 3


def mark(err, skip=2):
    """Record on ``err`` the user's innermost frames on the stack now (outside
    gnet and gevent), as ``(filename, lineno, name)``, innermost first."""
    try:
        frame = sys._getframe(skip)
    except ValueError:
        return
    found = []
    while frame is not None and len(found) < MARK_DEPTH:
        code = frame.f_code
        if not code.co_filename.startswith(_INTERNAL):
            found.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    if found:
        err.gnet_made_at = found


def _trim(tb):
    """``tb`` from its first frame outside gnet and gevent; the innermost
    frame alone when every frame is theirs (where the error was raised)."""
    first = tb
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_INTERNAL):
            return tb
        if tb.tb_next is None:
            return tb
        tb = tb.tb_next
    return first


def _shows(tb, where):
    """Whether ``tb`` has the frame ``where`` (filename, lineno, name)."""
    while tb is not None:
        code = tb.tb_frame.f_code
        if (code.co_filename, tb.tb_lineno, code.co_name) == where:
            return True
        tb = tb.tb_next
    return False


def _note(err, emitter, tb):
    """Node's "Emitted 'error' event on X instance", and where ``err`` was made."""
    lines = []
    if emitter is not None:
        lines.append("Emitted 'error' event on %s instance" % emitter)
    made_at = getattr(err, "gnet_made_at", None)
    if made_at and not _shows(tb, made_at[0]):
        lines.append("The error was made at (most recent call last):")
        for filename, lineno, name in reversed(made_at):
            lines.append('  File "%s", line %d, in %s' % (filename, lineno, name))
            source = linecache.getline(filename, lineno).strip()
            if source:
                lines.append("    " + source)
    return "\n".join(lines)


def for_user(exc, tb):
    """The traceback to raise ``exc`` with when it crashes the program: ``tb``
    (its traceback where the loop caught it) trimmed to the user's frames; for
    an unhandled 'error', a note saying on what and where the error was made."""
    emitter = getattr(exc, "gnet_emitted_on", None)
    tb = _trim(tb) if tb is not None else None
    if emitter is not None or getattr(exc, "gnet_made_at", None):
        note = _note(exc, emitter, tb)
        notes = getattr(exc, "__notes__", ())
        if note and note not in notes and hasattr(exc, "add_note"):
            exc.add_note(note)
    return tb
