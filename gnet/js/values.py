"""JavaScript's view of Python values, and Node's validators (lib/internal/validators.js).

The rules by which gnet reads a Python value as the JavaScript value it stands
for (``js_number`` is ``Number()``, ``js_truthy`` is JavaScript truthiness,
``js_string`` is ``String()``), and the ``validate_*`` functions that raise
exactly Node's error, with Node's message naming the same argument. Pure: no
I/O, no loop. gnet/net/options.py builds Node's call forms on top of these.
"""

import array
import math
import re
import sys
from collections.abc import Mapping

from gnet.js import errors
from gnet.js.arity import MISSING
from gnet.js.errors import _is_number

__all__ = [
    "js_number", "js_truthy", "js_string", "is_finite",
    "validate_function", "validate_number", "validate_integer",
    "validate_int32", "validate_boolean", "validate_string",
    "validate_one_of", "validate_port", "validate_abort_signal",
]

#: Node v20's ``getDefaultHighWaterMark(false)``, in bytes.
DEFAULT_HIGH_WATER_MARK = 16384

#: Node's TIMEOUT_MAX (also ``gnet.eventloop.timers.TIMEOUT_MAX``): the longest timer, in ms.
TIMEOUT_MAX = 2 ** 31 - 1

_INT32_MIN = -2 ** 31
_INT32_MAX = 2 ** 31 - 1
_UINT32_MAX = 2 ** 32 - 1
_SAFE_INTEGER = 2 ** 53 - 1


# ---------------------------------------------------------------------------
# JavaScript's view of Python values

def _is_integer(value):
    """``Number.isInteger``."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def _is_object(value):
    """``typeof value === 'object' && value !== null``: not a primitive, not a function."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return False
    return not callable(value)


def js_truthy(value):
    """JavaScript's truthiness: ``None``, ``False``, ``0``, NaN and ``''`` are false.

    Unlike Python's, an empty list, dict or bytes is true, as an empty
    JavaScript array, object or Buffer is.
    """
    if value is None or value is False or value is MISSING:
        return False
    if _is_number(value):
        return not (value == 0 or value != value)
    if isinstance(value, str):
        return value != ""
    return True


# ECMAScript's WhiteSpace and LineTerminator: what String.prototype.trim()
# and Number() strip. Python's str.strip() strips more (\x1c-\x1f, \x85).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
            "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_DECIMAL = re.compile(r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Infinity)\Z")
_RADIX = re.compile(r"0([xXoObB])([0-9a-zA-Z]+)\Z")
_RADIX_BASE = {"x": 16, "o": 8, "b": 2}


def _js_trim(text):
    return text.strip(_JS_SPACE)


def _to_double(value):
    """An int as JavaScript holds it: a double, and past a double's range, Infinity."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def is_finite(value):
    """``Number.isFinite`` for a number; an int past a double's range is
    JavaScript's Infinity (``math.isfinite`` raises OverflowError on it)."""
    if isinstance(value, int):
        return -sys.float_info.max <= value <= sys.float_info.max
    return math.isfinite(value)


def _plain_number(value):
    # Integral values read from text come back as int (a port is an int),
    # except -0 and those past 2**53, where only a float says what JavaScript holds.
    if isinstance(value, int):
        return value if abs(value) <= _SAFE_INTEGER else _to_double(value)
    if value.is_integer() and abs(value) <= _SAFE_INTEGER and math.copysign(1, value) > 0:
        return int(value)
    return value


def _string_to_number(text):
    text = _js_trim(text)
    if not text:
        return 0
    match = _RADIX.match(text)
    if match:
        try:
            return _plain_number(int(match.group(2), _RADIX_BASE[match.group(1).lower()]))
        except ValueError:
            return math.nan
    if _DECIMAL.match(text):
        return _plain_number(float(text.replace("Infinity", "inf")))
    return math.nan


def js_number(value):
    """``Number(value)``: a Python value read as JavaScript reads it as a number.

    A ``str`` follows JavaScript's grammar: surrounding whitespace is ignored,
    ``''`` and ``' '`` are 0, ``'0x1f90'``, ``'0o17'``, ``'0b101'``, ``'1e3'``,
    ``'.5'``, ``'+80'`` and ``'Infinity'`` are numbers, and ``'0x'``, ``'12abc'``,
    ``'1_000'``, ``'inf'`` are NaN. ``None`` (undefined) is NaN, a ``bool`` 1 or 0,
    a list, bytes or ``array.array`` (a TypedArray) what its text gives
    (``[]`` is 0), anything else NaN. An integral result comes back as ``int``.
    """
    if _is_number(value):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return _string_to_number(value)
    if isinstance(value, (list, tuple, bytes, bytearray, memoryview, array.array)):
        return _string_to_number(js_string(value))
    return math.nan


def js_string(value):
    """``String(value)``: how JavaScript turns a value into text (``Invalid IP address: 5``)."""
    if isinstance(value, str):
        return value
    if value is None or value is MISSING:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return errors.js_number_text(value)
    if isinstance(value, (list, tuple)):
        return ",".join("" if item is None else js_string(item) for item in value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, memoryview):
        return ",".join(str(b) for b in value.tobytes())
    if isinstance(value, array.array):
        return ",".join(errors.js_number_text(item) for item in value)
    if isinstance(value, Mapping):
        return "[object Object]"
    return str(value)


def _to_int32(value):
    """JavaScript's ``value | 0`` for a number."""
    if not _is_number(value) or not is_finite(value):
        return 0
    n = int(value) % 2 ** 32
    return n - 2 ** 32 if n >= 2 ** 31 else n


def _to_uint32(value):
    """JavaScript's ``value >>> 0`` for a number."""
    if not _is_number(value) or not is_finite(value):
        return 0
    return int(value) % 2 ** 32


def _to_number_or_false(value):
    """net.js's ``toNumber``: the number if it is >= 0, else ``False``."""
    number = js_number(value)
    return number if number >= 0 else False


def _is_pipe_name(value):
    """net.js's ``isPipeName``: a string that is not a non-negative number."""
    return isinstance(value, str) and _to_number_or_false(value) is False


def _undefined(value):
    # MISSING reads as undefined in a message.
    return None if value is MISSING else value


def _get(obj, key, default=None):
    """``obj[key]`` for a Mapping, ``obj.key`` for any other object."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _has(obj, key):
    """``key in obj``."""
    if isinstance(obj, Mapping):
        return key in obj
    return hasattr(obj, key)


# ---------------------------------------------------------------------------
# Validators: Node's lib/internal/validators.js, same codes, same messages.

def validate_function(value, name):
    """``validateFunction``: any Python callable, else ERR_INVALID_ARG_TYPE."""
    if not callable(value):
        raise errors.ERR_INVALID_ARG_TYPE(name, "Function", _undefined(value))
    return value


def _range_text(low, high):
    parts = []
    if low is not None:
        parts.append(">= %s" % errors.js_number_text(low))
    if high is not None:
        parts.append("<= %s" % errors.js_number_text(high))
    return " && ".join(parts)


def validate_number(value, name, min=None, max=None):  # noqa: A002 (Node's names)
    """``validateNumber``: an int or float (never a bool), within ``min``/``max`` if given."""
    if not _is_number(value):
        raise errors.ERR_INVALID_ARG_TYPE(name, "number", _undefined(value))
    if (min is not None and value < min) or (max is not None and value > max) or \
            ((min is not None or max is not None) and value != value):
        raise errors.ERR_OUT_OF_RANGE(name, _range_text(min, max), value)
    return value


def validate_integer(value, name, min=-_SAFE_INTEGER, max=_SAFE_INTEGER):  # noqa: A002
    """``validateInteger``: an integral number within ``min``..``max`` (safe integers by default)."""
    if not _is_number(value):
        raise errors.ERR_INVALID_ARG_TYPE(name, "number", _undefined(value))
    if not _is_integer(value):
        raise errors.ERR_OUT_OF_RANGE(name, "an integer", value)
    if value < min or value > max:
        raise errors.ERR_OUT_OF_RANGE(name, _range_text(min, max), value)
    return value


def validate_int32(value, name, min=_INT32_MIN, max=_INT32_MAX):  # noqa: A002
    """``validateInt32``: an integral number within ``min``..``max`` (int32 by default)."""
    return validate_integer(value, name, min, max)


def validate_boolean(value, name):
    """``validateBoolean``: ``True`` or ``False`` only."""
    if not isinstance(value, bool):
        raise errors.ERR_INVALID_ARG_TYPE(name, "boolean", _undefined(value))
    return value


def validate_string(value, name):
    """``validateString``: a ``str`` only."""
    if not isinstance(value, str):
        raise errors.ERR_INVALID_ARG_TYPE(name, "string", _undefined(value))
    return value


def _same_value_zero(a, b):
    if _is_number(a) and _is_number(b):
        return a == b or (a != a and b != b)
    return type(a) is type(b) and a == b


def validate_one_of(value, name, one_of):
    """``validateOneOf``: ``value`` is one of ``one_of`` (``4.0`` is ``4``; ``'4'`` is not)."""
    if not any(_same_value_zero(value, allowed) for allowed in one_of):
        allowed = ", ".join("'%s'" % v if isinstance(v, str) else js_string(v) for v in one_of)
        raise errors.ERR_INVALID_ARG_VALUE(name, _undefined(value), "must be one of: " + allowed)
    return value


def validate_port(port, name="Port", allow_zero=True):
    """``validatePort``: an integral number, or a numeric ``str``, from 0 to 65535.

    A ``str`` is read as ``Number()`` reads it (``'0x1f90'``, ``' 80 '`` and
    ``'1e3'`` are ports; ``''`` and ``' '`` are not). Returns the port as an
    ``int``. Raises ERR_SOCKET_BAD_PORT naming ``name`` (Node's ``Port`` for
    connect, ``options.port`` for listen). As in Node, ``allow_zero=False``
    refuses the number 0 but not the string ``'0'``.
    """
    if _is_number(port):
        number = port
    elif isinstance(port, str) and _js_trim(port):
        number = js_number(port)
    else:
        raise errors.ERR_SOCKET_BAD_PORT(name, _undefined(port), allow_zero)
    if not (_is_integer(number) and 0 <= number <= 0xFFFF) or \
            (not allow_zero and _is_number(port) and port == 0):
        raise errors.ERR_SOCKET_BAD_PORT(name, port, allow_zero)
    return int(number)


def validate_abort_signal(signal, name):
    """``validateAbortSignal``: ``None`` (undefined), or an object with ``aborted``.

    gnet has no AbortSignal class; any object with an ``aborted`` attribute
    (or a Mapping with an ``'aborted'`` key, which Node's ``in`` also accepts)
    passes, as Node only checks ``'aborted' in signal``.
    """
    if signal is None or signal is MISSING:
        return signal
    if not _is_object(signal) or not _has(signal, "aborted"):
        raise errors.ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal)
    return signal
