"""Node's errors: ``NodeError`` with Node's codes, system errors, abort errors.

Only the public part is typed here: the error classes. How gnet makes them is its own plumbing.
"""

import builtins

__all__ = [
    "AbortError", "AggregateError", "DOMException", "NodeError", "NodeOSError",
    "TimeoutOverflowWarning", "codes",
    "ERR_INVALID_ARG_TYPE",
    "ERR_INVALID_ARG_VALUE",
    "ERR_OUT_OF_RANGE",
    "ERR_MISSING_ARGS",
    "ERR_SOCKET_BAD_PORT",
    "ERR_UNHANDLED_ERROR",
    "ERR_INVALID_ADDRESS_FAMILY",
    "ERR_INVALID_FD_TYPE",
    "ERR_INVALID_IP_ADDRESS",
    "ERR_INVALID_ADDRESS",
    "ERR_INVALID_HANDLE_TYPE",
    "ERR_INVALID_RETURN_VALUE",
    "ERR_UNKNOWN_ENCODING",
    "ERR_SERVER_ALREADY_LISTEN",
    "ERR_SERVER_NOT_RUNNING",
    "ERR_SOCKET_CLOSED",
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
    "ERR_SOCKET_CONNECTION_TIMEOUT",
    "ERR_STREAM_WRITE_AFTER_END",
    "ERR_STREAM_DESTROYED",
    "ERR_STREAM_NULL_VALUES",
    "ERR_STREAM_PUSH_AFTER_EOF",
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT",
    "ERR_STREAM_ALREADY_FINISHED",
    "ERR_STREAM_PREMATURE_CLOSE",
    "ERR_STREAM_CANNOT_PIPE",
    "ERR_MULTIPLE_CALLBACK",
    "ERR_UNKNOWN_SIGNAL",
    "ERR_METHOD_NOT_IMPLEMENTED",
    "ERR_INVALID_STATE",
    "ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET",
]

class _NodeMessage:
    @property
    def message(self) -> str:
        """Node's message (also ``str(err)``)."""

class NodeError(_NodeMessage, Exception):
    """Base of Node's own errors: ``code`` is Node's code, ``str(err)`` Node's message."""

    code: str
    def __init__(self, *args: object) -> None: ...

# One class per Node code, each also the built-in standing for its JavaScript class
# (TypeError, RangeError as ValueError); ``codes.ERR_X`` is ``ERR_X``.
class ERR_INVALID_ARG_TYPE(NodeError, TypeError): ...
class ERR_INVALID_ARG_VALUE(NodeError, TypeError):
    RangeError: type[NodeError]

class ERR_OUT_OF_RANGE(NodeError, ValueError): ...
class ERR_MISSING_ARGS(NodeError, TypeError): ...
class ERR_SOCKET_BAD_PORT(NodeError, ValueError): ...
class ERR_UNHANDLED_ERROR(NodeError): ...
class ERR_INVALID_ADDRESS_FAMILY(NodeError, ValueError): ...
class ERR_INVALID_FD_TYPE(NodeError, TypeError): ...
class ERR_INVALID_IP_ADDRESS(NodeError, TypeError): ...
class ERR_INVALID_ADDRESS(NodeError): ...
class ERR_INVALID_HANDLE_TYPE(NodeError, TypeError): ...
class ERR_INVALID_RETURN_VALUE(NodeError, TypeError): ...
class ERR_UNKNOWN_ENCODING(NodeError, TypeError): ...
class ERR_SERVER_ALREADY_LISTEN(NodeError): ...
class ERR_SERVER_NOT_RUNNING(NodeError): ...
class ERR_SOCKET_CLOSED(NodeError): ...
class ERR_SOCKET_CLOSED_BEFORE_CONNECTION(NodeError): ...
class ERR_SOCKET_CONNECTION_TIMEOUT(NodeError): ...
class ERR_STREAM_WRITE_AFTER_END(NodeError): ...
class ERR_STREAM_DESTROYED(NodeError): ...
class ERR_STREAM_NULL_VALUES(NodeError, TypeError): ...
class ERR_STREAM_PUSH_AFTER_EOF(NodeError): ...
class ERR_STREAM_UNSHIFT_AFTER_END_EVENT(NodeError): ...
class ERR_STREAM_ALREADY_FINISHED(NodeError): ...
class ERR_STREAM_PREMATURE_CLOSE(NodeError): ...
class ERR_STREAM_CANNOT_PIPE(NodeError): ...
class ERR_MULTIPLE_CALLBACK(NodeError): ...
class ERR_UNKNOWN_SIGNAL(NodeError, TypeError): ...
class ERR_METHOD_NOT_IMPLEMENTED(NodeError): ...
class ERR_INVALID_STATE(NodeError): ...
class ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET(NodeError): ...

class _Codes:
    ERR_INVALID_ARG_TYPE: type[ERR_INVALID_ARG_TYPE]
    ERR_INVALID_ARG_VALUE: type[ERR_INVALID_ARG_VALUE]
    ERR_OUT_OF_RANGE: type[ERR_OUT_OF_RANGE]
    ERR_MISSING_ARGS: type[ERR_MISSING_ARGS]
    ERR_SOCKET_BAD_PORT: type[ERR_SOCKET_BAD_PORT]
    ERR_UNHANDLED_ERROR: type[ERR_UNHANDLED_ERROR]
    ERR_INVALID_ADDRESS_FAMILY: type[ERR_INVALID_ADDRESS_FAMILY]
    ERR_INVALID_FD_TYPE: type[ERR_INVALID_FD_TYPE]
    ERR_INVALID_IP_ADDRESS: type[ERR_INVALID_IP_ADDRESS]
    ERR_INVALID_ADDRESS: type[ERR_INVALID_ADDRESS]
    ERR_INVALID_HANDLE_TYPE: type[ERR_INVALID_HANDLE_TYPE]
    ERR_INVALID_RETURN_VALUE: type[ERR_INVALID_RETURN_VALUE]
    ERR_UNKNOWN_ENCODING: type[ERR_UNKNOWN_ENCODING]
    ERR_SERVER_ALREADY_LISTEN: type[ERR_SERVER_ALREADY_LISTEN]
    ERR_SERVER_NOT_RUNNING: type[ERR_SERVER_NOT_RUNNING]
    ERR_SOCKET_CLOSED: type[ERR_SOCKET_CLOSED]
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION: type[ERR_SOCKET_CLOSED_BEFORE_CONNECTION]
    ERR_SOCKET_CONNECTION_TIMEOUT: type[ERR_SOCKET_CONNECTION_TIMEOUT]
    ERR_STREAM_WRITE_AFTER_END: type[ERR_STREAM_WRITE_AFTER_END]
    ERR_STREAM_DESTROYED: type[ERR_STREAM_DESTROYED]
    ERR_STREAM_NULL_VALUES: type[ERR_STREAM_NULL_VALUES]
    ERR_STREAM_PUSH_AFTER_EOF: type[ERR_STREAM_PUSH_AFTER_EOF]
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT: type[ERR_STREAM_UNSHIFT_AFTER_END_EVENT]
    ERR_STREAM_ALREADY_FINISHED: type[ERR_STREAM_ALREADY_FINISHED]
    ERR_STREAM_PREMATURE_CLOSE: type[ERR_STREAM_PREMATURE_CLOSE]
    ERR_STREAM_CANNOT_PIPE: type[ERR_STREAM_CANNOT_PIPE]
    ERR_MULTIPLE_CALLBACK: type[ERR_MULTIPLE_CALLBACK]
    ERR_UNKNOWN_SIGNAL: type[ERR_UNKNOWN_SIGNAL]
    ERR_METHOD_NOT_IMPLEMENTED: type[ERR_METHOD_NOT_IMPLEMENTED]
    ERR_INVALID_STATE: type[ERR_INVALID_STATE]
    ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET: type[ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET]

codes: _Codes

class AggregateError(_NodeMessage, Exception):
    """Every connection attempt failed: ``errors`` holds each, ``code`` is the first's."""

    errors: list[BaseException]
    code: str | None
    def __init__(self, errors_: builtins.list[BaseException], message: str = "") -> None: ...

class AbortError(_NodeMessage, Exception):
    """Node's ``AbortError`` (``code`` ``'ABORT_ERR'``); ``cause`` is the signal's reason."""

    code: str
    name: str
    cause: object
    def __init__(self, message: str | None = None, cause: object = None) -> None: ...

class DOMException(_NodeMessage, Exception):
    """The web's ``DOMException``, as abort reasons need it."""

    name: str
    code: int
    def __init__(self, message: str | None = None, name: str = "Error") -> None: ...

class TimeoutOverflowWarning(RuntimeWarning):
    """Node's TimeoutOverflowWarning: a delay too large for a 32-bit timer."""

class NodeOSError(_NodeMessage, OSError):
    """Mixed into the built-in ``OSError`` subclass of every gnet system error:
    ``code`` (``'ECONNREFUSED'``), ``syscall``, ``address``, ``port`` as Node's."""

    code: str | None
    syscall: str | None
    address: str | None
    port: int | None
