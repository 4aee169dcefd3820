"""Loading libssl, finding the ``SSL``/``SSL_CTX`` of Python's objects, and
OpenSSL's error queue: what every subject module of the package builds on.

gnet calls libssl with ``ctypes``, in the very library Python's ``_ssl`` is
linked with (``ctypes.CDLL(_ssl.__file__)`` resolves its symbols), on the
``SSL``/``SSL_CTX`` of Python's own objects. Python keeps those pointers in
its objects' C structs (``PySSLSocket``: ``PyObject_HEAD``, ``Socket``,
``ssl``; ``PySSLContext``: ``PyObject_HEAD``, ``ctx``), the same layout in
CPython 3.7 to 3.13. ``available`` is true only once that layout is proven on
this interpreter (the ``SSL`` read from an object must belong to the
``SSL_CTX`` read from its context, ``SSL_get_SSL_CTX``) and every function a
subject module declares was found. Where it is false, ``require`` says what
is missing instead of guessing.

A subject module gives each libssl function it calls its C signature with
``declare`` when it is imported. A function whose arguments differ from call
to call (``SSL_ctrl``, ``SSL_CTX_ctrl``, ``SSL_CTX_callback_ctrl``) is declared
once here with ``void *`` arguments; callers pass pointers (a callback as
``callback_pointer(cb)``).
"""

import ctypes
import ssl
import sys

import _ssl

__all__ = ["lib", "available", "why_unavailable", "declare", "require", "ssl_of", "ctx_of",
           "callback_pointer", "take_error", "clear_errors"]

c_int, c_uint, c_long, c_ulong, c_void_p, c_char_p, c_size_t = (
    ctypes.c_int, ctypes.c_uint, ctypes.c_long, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t)

_HEAD = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(c_void_p)   # PyObject_HEAD
_SSL_OFFSET = _HEAD + ctypes.sizeof(c_void_p)     # after PyObject *Socket
_CTX_OFFSET = _HEAD

lib = None
available = False
why_unavailable = None


def _pointer(obj, offset):
    return c_void_p.from_address(id(obj) + offset).value


def ssl_of(sslobj):
    """The ``SSL *`` of an ``ssl.SSLObject`` (its ``_sslobj``, a ``PySSLSocket``)."""
    return _pointer(sslobj._sslobj, _SSL_OFFSET)


def ctx_of(context):
    """The ``SSL_CTX *`` of an ``ssl.SSLContext``."""
    return _pointer(context, _CTX_OFFSET)


def callback_pointer(callback):
    """A ``CFUNCTYPE`` callback as the ``void *`` the ``..._callback_ctrl`` functions take."""
    return ctypes.cast(callback, c_void_p)


def declare(names, restype, *argtypes):
    """Give libssl's function ``names`` (a name, or a tuple of names to try in
    turn, as OpenSSL 3 renamed some) its C signature and return it; ``None``
    when it is missing, which makes the whole layer unavailable (with why)."""
    global available, why_unavailable
    if lib is None:
        return None
    for name in (names,) if isinstance(names, str) else names:
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype = restype
            fn.argtypes = list(argtypes)
            return fn
    if available:
        available = False
        why_unavailable = "libssl's %s could not be found through %s" % (names, _ssl.__file__)
    return None


def require(what):
    """Raise, saying what gnet cannot do and why, when the layer is unavailable."""
    if not available:
        raise RuntimeError("gnet.tls cannot %s: %s" % (what, why_unavailable))


def clear_errors():
    """Empty OpenSSL's error queue (a refusal is not left for Python's next ssl call to find)."""
    lib.ERR_clear_error()


def take_error():
    """OpenSSL's oldest queued error as Node's ``ThrowCryptoError`` reads it,
    ``(message, library, reason)``, e.g. ``('error:0A00010A:SSL routines::wrong
    ssl version', 'SSL routines', 'wrong ssl version')``; the queue is left empty."""
    code = lib.ERR_get_error()
    lib.ERR_clear_error()
    buf = ctypes.create_string_buffer(256)
    lib.ERR_error_string_n(code, buf, len(buf))
    library = lib.ERR_lib_error_string(code)
    reason = lib.ERR_reason_error_string(code)
    return (buf.value.decode("latin-1"), library.decode("latin-1") if library else None,
            reason.decode("latin-1") if reason else None)


def _load():
    global lib, available, why_unavailable
    if sys.implementation.name != "cpython":
        why_unavailable = "the OpenSSL calls need CPython's _ssl (this is %s)" % sys.implementation.name
        return
    try:
        lib = ctypes.CDLL(_ssl.__file__)
    except OSError as exc:
        why_unavailable = "libssl could not be opened through %s: %s" % (_ssl.__file__, exc)
        return
    available = True
    get_ctx = declare("SSL_get_SSL_CTX", c_void_p, c_void_p)
    declare("SSL_ctrl", c_long, c_void_p, c_int, c_long, c_void_p)
    declare("SSL_CTX_ctrl", c_long, c_void_p, c_int, c_long, c_void_p)
    declare("SSL_CTX_callback_ctrl", c_long, c_void_p, c_int, c_void_p)
    declare("ERR_get_error", c_ulong)
    declare("ERR_clear_error", None)
    declare("ERR_error_string_n", None, c_ulong, c_char_p, c_size_t)
    declare("ERR_lib_error_string", c_char_p, c_ulong)
    declare("ERR_reason_error_string", c_char_p, c_ulong)
    if not available:
        return
    # Prove the struct layout before trusting it.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    probe = context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="probe.invalid")
    ssl_ptr, ctx_ptr = ssl_of(probe), ctx_of(context)
    if not ssl_ptr or not ctx_ptr or get_ctx(ssl_ptr) != ctx_ptr:
        available = False
        why_unavailable = "this Python's _ssl objects do not have the layout gnet reads"


_load()
