"""Node's errors: one table of Node error codes, and system errors built from errno.

Every gnet error comes from here, and so does ``TimeoutOverflowWarning``
with Node's text. ``NodeError`` is the common base of Node's own
errors (``err.code == 'ERR_...'``); each code is a class generated from ``_TABLE``
that also subclasses the Python built-in matching the JavaScript class (TypeError
for TypeError, ValueError for RangeError, plain Exception for Error).

System errors (ECONNREFUSED, EADDRINUSE, ...) are built by ``system_error`` as the
matching built-in ``OSError`` subclass, carrying Node's fields (``code``, ``errno``,
``syscall``, ``address``, ``port``) and Node's message text.

Differs from Node: ``err.errno`` is the positive POSIX number Python's ``OSError``
always carries (``errno.ECONNREFUSED``), where Node's is libuv's negative one.
"""

import array
import errno as _errno
import json
import math
import os
import sys

from gnet.js import origin as _origin

__all__ = [
    "AbortError", "AggregateError", "DOMException", "NodeError", "NodeOSError", "system_error", "ended_by_peer_error", "dns_error",
    "TimeoutOverflowWarning", "timeout_overflow_warning", "warning_stacklevel",
    "async_callback_error", "error_name", "js_inspect", "js_number_text", "js_type", "codes", "not_a_function",
]


# ---------------------------------------------------------------------------
# JavaScript rendering of Python values, as Node's messages print them.

def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def js_number_text(v):
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


def js_type(value):
    """Node's ``determineSpecificType``: how a received value is named in a message."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "type boolean (%s)" % ("true" if value else "false")
    if _is_number(value):
        if isinstance(value, float) and value == 0 and math.copysign(1, value) < 0:
            return "type number (-0)"
        return "type number (%s)" % js_number_text(value)
    if isinstance(value, str):
        if len(value) > 28:
            value = value[:25] + "..."
        if "'" not in value:
            return "type string ('%s')" % value
        return "type string (%s)" % json.dumps(value, ensure_ascii=False)
    if callable(value) and not isinstance(value, type):
        return "function %s" % getattr(value, "__name__", "")
    return "an instance of %s" % _js_class_name(value)


def _typed_array_name(value):
    """The JavaScript TypedArray an ``array.array`` stands for: its element
    kind and size (``'H'`` is ``Uint16Array``, ``'d'`` ``Float64Array``)."""
    bits = 8 * value.itemsize
    if value.typecode in "fd":
        return "Float%dArray" % bits
    signed = value.typecode in "bhilq"
    if bits == 64:
        return "BigInt64Array" if signed else "BigUint64Array"
    return "%s%dArray" % ("Int" if signed else "Uint", bits)


def _js_class_name(value):
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, (list, tuple)):
        return "Array"
    if isinstance(value, (bytes, bytearray)):
        return "Buffer"
    if isinstance(value, memoryview):
        return "Uint8Array"
    if isinstance(value, array.array):
        return _typed_array_name(value)
    if isinstance(value, type):
        return "Function"
    return type(value).__name__


# util.inspect's escapes for control characters and the backslash.
_INSPECT_ESCAPES = {code: "\\x%02X" % code for code in list(range(0x20)) + [0x7F]}
_INSPECT_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                         0x5C: "\\\\"})


def js_inspect(value):
    """A short ``util.inspect`` of a Python value standing for a JavaScript one."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        if isinstance(value, float) and value == 0 and math.copysign(1, value) < 0:
            return "-0"
        return js_number_text(value)
    if isinstance(value, str):
        escaped = value.translate(_INSPECT_ESCAPES)
        if "'" not in value:
            return "'%s'" % escaped
        if '"' not in value:
            return '"%s"' % escaped
        if "`" not in value:
            return "`%s`" % escaped
        return "'%s'" % escaped.replace("'", "\\'")
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ %s }" % ", ".join("%s: %s" % (_js_key(k), js_inspect(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[ %s ]" % ", ".join(js_inspect(v) for v in value)
    if isinstance(value, memoryview):
        return _inspect_typed_array("Uint8Array", [str(b) for b in value.tobytes()])
    if isinstance(value, array.array):
        name = _typed_array_name(value)
        suffix = "n" if name.startswith("Big") else ""
        return _inspect_typed_array(name, [js_inspect(v) + suffix for v in value])
    if isinstance(value, (bytes, bytearray)):
        shown = " ".join("%02x" % b for b in value[:50])
        more = " ... %d more bytes" % (len(value) - 50) if len(value) > 50 else ""
        return "<Buffer%s%s>" % (" " + shown if shown else "", more)
    if isinstance(value, BaseException):
        return str(value)
    custom = getattr(type(value), "_js_inspect", None)
    if custom is not None:
        return custom(value)            # a gnet class printed as Node prints its own (SocketAddress)
    if callable(value):
        name = getattr(value, "__name__", "")
        return "[Function: %s]" % name if name else "[Function (anonymous)]"
    return "%s {}" % type(value).__name__


def _inspect_typed_array(name, items):
    return "%s(%d) %s" % (name, len(items), "[ %s ]" % ", ".join(items) if items else "[]")


def _js_key(key):
    text = str(key)
    return text if text.isidentifier() else js_inspect(text)


def _format_list(items, conjunction="and"):
    if len(items) < 3:
        return (" %s " % conjunction).join(items)
    return "%s, %s %s" % (", ".join(items[:-1]), conjunction, items[-1])


# ---------------------------------------------------------------------------
# Message builders for the codes whose text depends on their arguments.
# Each follows the Node v20 function of the same code (lib/internal/errors.js).

_JS_TYPES = ("string", "function", "number", "object", "Function", "Object",
             "boolean", "bigint", "symbol")


def _msg_invalid_arg_type(name, expected, actual):
    if isinstance(expected, str):
        expected = [expected]
    if name.endswith(" argument"):
        msg = "The %s " % name
    else:
        msg = 'The "%s" %s ' % (name, "property" if "." in name else "argument")
    msg += "must be "
    types, instances, other = [], [], []
    for value in expected:
        if value in _JS_TYPES:
            types.append(value.lower())
        elif value[:1].isupper() and value.isalnum():
            instances.append(value)
        else:
            other.append(value)
    if instances and "object" in types:
        types.remove("object")
        instances.append("Object")
    if types:
        msg += "%s %s" % ("one of type" if len(types) > 1 else "of type", _format_list(types, "or"))
        if instances or other:
            msg += " or "
    if instances:
        msg += "an instance of %s" % _format_list(instances, "or")
        if other:
            msg += " or "
    if other:
        if len(other) > 1:
            msg += "one of %s" % _format_list(other, "or")
        else:
            if other[0].lower() != other[0]:
                msg += "an "
            msg += other[0]
    return "%s. Received %s" % (msg, js_type(actual))


def _msg_invalid_arg_value(name, value, reason="is invalid"):
    inspected = js_inspect(value)
    if len(inspected) > 128:
        inspected = inspected[:128] + "..."
    kind = "property" if "." in name else "argument"
    return "The %s '%s' %s. Received %s" % (kind, name, reason, inspected)


def _add_numerical_separator(text):
    start = 1 if text.startswith("-") else 0
    res = ""
    i = len(text)
    while i >= start + 4:
        res = "_" + text[i - 3:i] + res
        i -= 3
    return text[:i] + res


def _msg_out_of_range(name, range_text, value, replace_default_boolean=False):
    msg = name if replace_default_boolean else 'The value of "%s" is out of range.' % name
    integral = _is_number(value) and (isinstance(value, int) or (math.isfinite(value) and value.is_integer()))
    if integral and abs(value) > 2 ** 32:
        received = _add_numerical_separator(js_number_text(value))
    else:
        received = js_inspect(value)
    return "%s It must be %s. Received %s" % (msg, range_text, received)


def _msg_missing_args(*names):
    wrapped = [" or ".join('"%s"' % n for n in a) if isinstance(a, (list, tuple)) else '"%s"' % a
               for a in names]
    return "The %s argument%s must be specified" % (_format_list(wrapped), "s" if len(names) > 1 else "")


def _msg_socket_bad_port(name, port, allow_zero=True):
    return "%s should be %s 0 and < 65536. Received %s." % (
        name, ">=" if allow_zero else ">", js_type(port))


_NO_ARGUMENT = object()


def _msg_unhandled_error(err=_NO_ARGUMENT):
    if err is _NO_ARGUMENT:
        return "Unhandled error."
    return "Unhandled error. (%s)" % js_inspect(err)


def _msg_invalid_address_family(address_type, host, port):
    return "Invalid address family: %s %s:%s" % (address_type, host, port)


#: Node's errors whose constructor also sets properties from its arguments:
#: code -> the property each argument becomes, in order (``None``: none).
_ARG_FIELDS = {
    "ERR_INVALID_ADDRESS_FAMILY": (None, "host", "port"),
}


# ---------------------------------------------------------------------------
# The table: code -> (Python base standing for the JavaScript class, message).
# A message is Node's template (``%s`` filled in order) or a builder above.

_TABLE = {
    "ERR_INVALID_ARG_TYPE": (TypeError, _msg_invalid_arg_type),
    "ERR_INVALID_ARG_VALUE": (TypeError, _msg_invalid_arg_value),
    "ERR_OUT_OF_RANGE": (ValueError, _msg_out_of_range),
    "ERR_MISSING_ARGS": (TypeError, _msg_missing_args),
    "ERR_SOCKET_BAD_PORT": (ValueError, _msg_socket_bad_port),
    "ERR_UNHANDLED_ERROR": (Exception, _msg_unhandled_error),
    "ERR_INVALID_ADDRESS_FAMILY": (ValueError, _msg_invalid_address_family),
    "ERR_INVALID_FD_TYPE": (TypeError, "Unsupported fd type: %s"),
    "ERR_INVALID_IP_ADDRESS": (TypeError, "Invalid IP address: %s"),
    "ERR_INVALID_ADDRESS": (Exception, "Invalid socket address"),
    "ERR_INVALID_HANDLE_TYPE": (TypeError, "This handle type cannot be sent"),
    "ERR_INVALID_RETURN_VALUE": (TypeError, 'Expected %s to be returned from the "%s" function but got %s.'),
    "ERR_UNKNOWN_ENCODING": (TypeError, "Unknown encoding: %s"),
    "ERR_SERVER_ALREADY_LISTEN": (Exception, "Listen method has been called more than once without closing."),
    "ERR_SERVER_NOT_RUNNING": (Exception, "Server is not running."),
    "ERR_SOCKET_CLOSED": (Exception, "Socket is closed"),
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION": (Exception, "Socket closed before the connection was established"),
    "ERR_SOCKET_CONNECTION_TIMEOUT": (Exception, "Socket connection timeout"),
    "ERR_STREAM_WRITE_AFTER_END": (Exception, "write after end"),
    "ERR_STREAM_DESTROYED": (Exception, "Cannot call %s after a stream was destroyed"),
    "ERR_STREAM_NULL_VALUES": (TypeError, "May not write null values to stream"),
    "ERR_STREAM_PUSH_AFTER_EOF": (Exception, "stream.push() after EOF"),
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT": (Exception, "stream.unshift() after end event"),
    "ERR_STREAM_ALREADY_FINISHED": (Exception, "Cannot call %s after a stream was finished"),
    "ERR_STREAM_PREMATURE_CLOSE": (Exception, "Premature close"),
    "ERR_STREAM_CANNOT_PIPE": (Exception, "Cannot pipe, not readable"),
    "ERR_MULTIPLE_CALLBACK": (Exception, "Callback called multiple times"),
    "ERR_UNKNOWN_SIGNAL": (TypeError, "Unknown signal: %s"),
    "ERR_METHOD_NOT_IMPLEMENTED": (Exception, "The %s method is not implemented"),
    "ERR_INVALID_STATE": (Exception, "Invalid state: %s"),
    "ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET": (
        Exception, "`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active"),
}

# Codes that Node also throws as another class (``new ERR_X.RangeError(...)``).
_ALTERNATE_BASES = {"ERR_INVALID_ARG_VALUE": {"RangeError": ValueError}}


class _NodeMessage:
    """``str(err)`` and ``err.message`` are Node's message, kept in ``_message``."""

    _message = ""

    @property
    def message(self):
        return self._message

    def __str__(self):
        return self._message


class NodeError(_NodeMessage, Exception):
    """Base of Node's own errors: ``code`` is Node's code, ``str(err)`` Node's message."""

    code = None

    def __init__(self, *args):
        _, template = _TABLE[self.code]
        if callable(template):
            message = template(*args)
        else:
            message = template % args if args else template
        super().__init__(message)
        self._message = message
        for name, value in zip(_ARG_FIELDS.get(self.code, ()), args):
            if name is not None:
                setattr(self, name, value)
        _origin.mark(self)

    def __repr__(self):
        return "%s [%s]: %s" % (_js_class_of(self), self.code, self._message)


def _js_class_of(err):
    if isinstance(err, TypeError):
        return "TypeError"
    if isinstance(err, ValueError):
        return "RangeError"
    return "Error"


def _make_code_class(code, base):
    bases = (NodeError,) if base is Exception else (NodeError, base)
    return type(code, bases, {"code": code, "__module__": __name__, "__doc__": "Node's %s." % code})


class _Codes:
    """Namespace of the generated classes: ``codes.ERR_SOCKET_BAD_PORT('Port', 1e6)``."""


codes = _Codes()
for _code, (_base, _template) in _TABLE.items():
    _cls = _make_code_class(_code, _base)
    for _alt_name, _alt_base in _ALTERNATE_BASES.get(_code, {}).items():
        setattr(_cls, _alt_name, _make_code_class(_code, _alt_base))
    setattr(codes, _code, _cls)
    globals()[_code] = _cls
    __all__.append(_code)
del _code, _base, _template, _cls


class AggregateError(_NodeMessage, Exception):
    """JavaScript's AggregateError as Node's ``NodeAggregateError``: every
    connection attempt failed; ``errors`` holds each, ``code`` is the first's."""

    def __init__(self, errors_, message=""):
        super().__init__(message)
        self.errors = list(errors_)
        self.code = getattr(self.errors[0], "code", None) if self.errors else None
        self._message = message


class AbortError(_NodeMessage, Exception):
    """Node's ``AbortError`` (``code`` ``ABORT_ERR``, ``name`` ``'AbortError'``):
    an operation given an aborted ``signal``; ``cause`` is the signal's reason."""

    code = "ABORT_ERR"
    name = "AbortError"

    def __init__(self, message=None, cause=None):
        text = "The operation was aborted" if message is None else message
        super().__init__(text)
        self._message = text
        self.cause = cause
        if isinstance(cause, BaseException):
            self.__cause__ = cause

    def __repr__(self):
        return "AbortError: %s" % self._message


#: DOMException names gnet raises -> (legacy ``code``, default message).
_DOM_EXCEPTIONS = {
    "AbortError": (20, "This operation was aborted"),
    "TimeoutError": (23, "The operation was aborted due to timeout"),
}


class DOMException(_NodeMessage, Exception):
    """The web's ``DOMException`` as far as abort reasons need it: ``name``,
    ``code`` (the legacy number for the name, 0 for others) and ``message``.
    ``DOMException()`` with no message but a known name carries Node's text."""

    def __init__(self, message=None, name="Error"):
        code, default = _DOM_EXCEPTIONS.get(name, (0, ""))
        text = default if message is None else message
        super().__init__(text)
        self._message = text
        self.name = name
        self.code = code

    def __repr__(self):
        return "DOMException [%s]: %s" % (self.name, self._message)


def reduce_of_empty_stream():
    """Node's ``ReduceAwareErrMissingArgs``: ERR_MISSING_ARGS with reduce's own message."""
    err = codes.ERR_MISSING_ARGS("reduce")
    err._message = "Reduce of an empty stream requires an initial value"
    err.args = (err._message,)
    return err


def not_a_function(owner, value, method):
    """The engine's plain TypeError (no code) for ``owner.method(...)`` where
    ``value`` (``owner``) has no such method: V8's text, ``undefined`` for ``None``."""
    if value is None:
        return TypeError("Cannot read properties of undefined (reading '%s')" % method)
    return TypeError("%s.%s is not a function" % (owner, method))


# ---------------------------------------------------------------------------
# Warnings Node emits with its own text.

def async_callback_error(name, fn):
    """``ERR_INVALID_ARG_TYPE`` for an ``async def`` listener or callback, which
    gnet would call and never await (API.md section 2)."""
    err = ERR_INVALID_ARG_TYPE(name, "Function", fn)  # noqa: F821 - made from _TABLE above
    err._message = (
        'The "%s" argument must be a plain function, not an async function (%s): '
        "gnet calls listeners and callbacks and never awaits them. Use a plain "
        "def; it may block (a gevent-aware call, gevent.sleep) and only its own "
        "connection waits" % (name, getattr(fn, "__qualname__", None) or type(fn).__name__))
    err.args = (err._message,)
    return err


def warning_stacklevel():
    """The ``stacklevel`` that points a warning at the first frame outside gnet:
    the user's line that caused it, as Node's warning names the caller."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None:
        module = frame.f_globals.get("__name__") or ""
        if module != "gnet" and not module.startswith("gnet."):
            break
        frame = frame.f_back
        level += 1
    return level


class TimeoutOverflowWarning(RuntimeWarning):
    """Node's TimeoutOverflowWarning: a delay too large for a 32-bit timer."""


def timeout_overflow_warning(delay, truncated_to=None):
    """Node's TimeoutOverflowWarning for ``delay`` (lib/internal/timers.js): a
    timer's delay is set to 1 ms; ``socket.setTimeout``'s is cut to
    ``truncated_to`` (``getTimerDuration``)."""
    outcome = ("Timeout duration was set to 1." if truncated_to is None
               else "Timer duration was truncated to %d." % truncated_to)
    return TimeoutOverflowWarning("%s does not fit into a 32-bit signed integer.\n%s"
                                  % (js_number_text(delay), outcome))


# ---------------------------------------------------------------------------
# System errors.

#: libuv's text for each error name, as Node prints it (``util.getSystemErrorMap()``).
_UV_MESSAGES = {
    "E2BIG": "argument list too long",
    "EACCES": "permission denied",
    "EADDRINUSE": "address already in use",
    "EADDRNOTAVAIL": "address not available",
    "EAFNOSUPPORT": "address family not supported",
    "EAGAIN": "resource temporarily unavailable",
    "EALREADY": "connection already in progress",
    "EBADF": "bad file descriptor",
    "EBUSY": "resource busy or locked",
    "ECANCELED": "operation canceled",
    "ECONNABORTED": "software caused connection abort",
    "ECONNREFUSED": "connection refused",
    "ECONNRESET": "connection reset by peer",
    "EDESTADDRREQ": "destination address required",
    "EEXIST": "file already exists",
    "EFAULT": "bad address in system call argument",
    "EFBIG": "file too large",
    "EHOSTDOWN": "host is down",
    "EHOSTUNREACH": "host is unreachable",
    "EILSEQ": "illegal byte sequence",
    "EINTR": "interrupted system call",
    "EINVAL": "invalid argument",
    "EIO": "i/o error",
    "EISCONN": "socket is already connected",
    "EISDIR": "illegal operation on a directory",
    "ELOOP": "too many symbolic links encountered",
    "EMFILE": "too many open files",
    "EMLINK": "too many links",
    "EMSGSIZE": "message too long",
    "ENAMETOOLONG": "name too long",
    "ENETDOWN": "network is down",
    "ENETUNREACH": "network is unreachable",
    "ENFILE": "file table overflow",
    "ENOBUFS": "no buffer space available",
    "ENODATA": "no data available",
    "ENODEV": "no such device",
    "ENOENT": "no such file or directory",
    "ENOMEM": "not enough memory",
    "ENONET": "machine is not on the network",
    "ENOPROTOOPT": "protocol not available",
    "ENOSPC": "no space left on device",
    "ENOSYS": "function not implemented",
    "ENOTCONN": "socket is not connected",
    "ENOTDIR": "not a directory",
    "ENOTEMPTY": "directory not empty",
    "ENOTSOCK": "socket operation on non-socket",
    "ENOTSUP": "operation not supported on socket",
    "ENOTTY": "inappropriate ioctl for device",
    "ENXIO": "no such device or address",
    "EOVERFLOW": "value too large for defined data type",
    "EPERM": "operation not permitted",
    "EPIPE": "broken pipe",
    "EPROTO": "protocol error",
    "EPROTONOSUPPORT": "protocol not supported",
    "EPROTOTYPE": "protocol wrong type for socket",
    "ERANGE": "result too large",
    "EREMOTEIO": "remote I/O error",
    "EROFS": "read-only file system",
    "ESHUTDOWN": "cannot send after transport endpoint shutdown",
    "ESOCKTNOSUPPORT": "socket type not supported",
    "ESPIPE": "invalid seek",
    "ESRCH": "no such process",
    "ETIMEDOUT": "connection timed out",
    "ETXTBSY": "text file is busy",
    "EUNATCH": "protocol driver not attached",
    "EXDEV": "cross-device link not permitted",
}


class NodeOSError(_NodeMessage, OSError):
    """Mixed into the built-in ``OSError`` subclass of every gnet system error.

    ``str(err)`` is Node's message (``connect ECONNREFUSED 127.0.0.1:1``), not
    Python's ``[Errno 111] ...``; ``strerror`` keeps the operating system's text.
    """

    code = None
    syscall = None
    address = None
    port = None

    def __repr__(self):
        return "Error: %s" % self._message


_system_classes = {}


def _system_class(number):
    builtin = type(OSError(number, ""))
    cls = _system_classes.get(builtin)
    if cls is None:
        cls = type(builtin.__name__, (NodeOSError, builtin), {"__module__": __name__})
        _system_classes[builtin] = cls
    return cls


def _new_system_error(number, message, code):
    exc = _system_class(number)(number, os.strerror(number))
    exc._message = message
    exc.code = code
    _origin.mark(exc)
    return exc


def error_name(number):
    """The Node code for an errno number: ``111`` -> ``'ECONNREFUSED'``."""
    return _errno.errorcode.get(number, "UNKNOWN")


def system_error(err, syscall=None, address=None, port=None, local=None, uv_style=False):
    """Node's system error for ``err`` (an errno number or an ``OSError``).

    The message is ``<syscall> <CODE>[ <address>[:<port>]]``, as Node's
    ``exceptionWithHostPort``; with ``uv_style`` it carries libuv's text as
    ``uvExceptionWithHostPort`` does (``listen EADDRINUSE: address already in
    use :::80``). ``local`` adds Node's `` - Local (addr:port)`` suffix.
    """
    number = err.errno if isinstance(err, OSError) else err
    if number is None:
        number = _errno.EIO
    code = error_name(number)
    if uv_style:
        head = "%s %s: %s" % (syscall, code, _UV_MESSAGES.get(code, "unknown error"))
    else:
        head = "%s %s" % (syscall, code) if syscall else code
    details = ""
    if port and port > 0:
        details = " %s:%s" % (address, port)
    elif address:
        details = " %s" % address
    if local:
        details += " - Local (%s)" % local
    exc = _new_system_error(number, head + details, code)
    exc.syscall = syscall
    if address is not None:
        exc.address = address
    if port:
        exc.port = port
    return exc


def ended_by_peer_error():
    """Node's plain EPIPE for writing to a socket whose peer has ended it."""
    return _new_system_error(_errno.EPIPE, "This socket has been ended by the other party", "EPIPE")


def dns_error(code, syscall, hostname):
    """Node's DNS error: ``getaddrinfo ENOTFOUND nosuch.invalid``."""
    number = getattr(_errno, code, _errno.ENOENT) if code.startswith("E") else _errno.ENOENT
    exc = _new_system_error(number, "%s %s%s" % (syscall, code, " " + hostname if hostname else ""), code)
    exc.syscall = syscall
    exc.hostname = hostname
    return exc
