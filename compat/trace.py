"""The Python half of a compat scenario prints its trace through ``show``.

Values render as compat/trace.js renders their JavaScript counterparts:
``None`` is ``null``, booleans are ``true``/``false``, an error is its
``code`` (and ``syscall`` where it has one), bytes are ``buf:<hex>``.
"""

import sys

from gnet.js.errors import js_number_text as _js_number

__all__ = ["fmt", "show"]


def fmt(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, BaseException):
        code = getattr(v, "code", None)
        text = str(code) if code is not None else _js_error_name(v)
        syscall = getattr(v, "syscall", None)
        if syscall is not None:
            text += " " + syscall
        return text
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "buf:" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(fmt(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join("%s:%s" % (k, fmt(v[k])) for k in sorted(v)) + "}"
    if isinstance(v, (int, float)):
        return _js_number(v)
    if callable(v):
        return "fn:" + (getattr(v, "__name__", "") or "anonymous")
    return str(v)


def _js_error_name(err):
    if isinstance(err, TypeError):
        return "TypeError"
    if isinstance(err, ValueError):
        return "RangeError"
    return "Error"


def show(*parts):
    sys.stdout.write(" ".join(fmt(p) for p in parts) + "\n")
    sys.stdout.flush()
