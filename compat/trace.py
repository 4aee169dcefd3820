"""The Python half of a compat scenario prints its trace through ``show``.

Values render as compat/trace.js renders their JavaScript counterparts:
``None`` is ``null``, booleans are ``true``/``false``, an error is its
``code`` (and ``syscall`` where it has one), bytes are ``buf:<hex>``.
"""

import math
import sys

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


def _js_number(v):
    """JavaScript's ``String(number)`` (Number::toString, ECMA-262 6.1.6.1.20):
    the shortest digits that round-trip (Python's ``repr`` finds the same),
    written plainly from 1e-7 up to 1e21 and in exponent form outside.
    A Python ``int`` stands for the JavaScript number nearest to it."""
    if isinstance(v, int):
        if abs(v) < 2 ** 53:
            return str(v)
        try:
            v = float(v)
        except OverflowError:
            return "Infinity" if v > 0 else "-Infinity"
    if v != v:
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0"                      # -0 too, as String(-0)
    sign = "-" if v < 0 else ""
    mantissa, _, exp = repr(abs(v)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    # The value is 0.<digits> * 10**n, as the spec's s * 10**(n - k).
    n = len(whole) + int(exp or 0) - (len(whole + frac) - len(digits))
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e%+d" % (n - 1)
    return sign + text


def _js_error_name(err):
    if isinstance(err, TypeError):
        return "TypeError"
    if isinstance(err, ValueError):
        return "RangeError"
    return "Error"


def show(*parts):
    sys.stdout.write(" ".join(fmt(p) for p in parts) + "\n")
    sys.stdout.flush()
