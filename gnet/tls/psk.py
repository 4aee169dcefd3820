"""TLS-PSK as Node has it: the ``pskCallback`` and ``pskIdentityHint`` options,
and the callbacks' answers checked as Node checks them.

Node's ``pskCallback`` is called synchronously, inside OpenSSL's handshake: a
client's with the server's identity hint (``None`` under TLS 1.3, which has
none), answering ``{'psk': ..., 'identity': ...}``; a server's with
``(tlsSocket, identity)``, answering the key (or ``{'psk': ...}``). ``None``
is no key: OpenSSL fails the handshake with its own alert (a client's
ERR_SSL_PSK_IDENTITY_NOT_FOUND, a server's ``unknown_psk_identity``), or,
under TLS 1.3, goes on without a PSK. An answer Node refuses, or an exception
from the callback, is the error Node's ``onPskClientCallback`` and
``onPskServerCallback`` destroy the socket with.

Here the answer is checked by ``client_answer``/``server_answer`` (what Node's
JavaScript does); gnet/tls/_openssl/psk.py calls them from OpenSSL's callbacks,
and the TLS handle (gnet/tls/handle.py) keeps what they raise until the
handshake step returns, when the socket is destroyed with it
(gnet/tls/socket.py, ``_on_handle_psk_error``): nothing may unwind through
OpenSSL. The callback may block (a key looked up in a database): that
connection's handshake waits, the others go on.
"""

from gnet.js import arity as _arity
from gnet.js import errors as _jserrors
from gnet.js import values as _values

__all__ = ["PSK", "psk_options", "client_answer", "server_answer"]

_BUFFER_TYPES = ["Buffer", "TypedArray", "DataView"]
_BUFFERS = (bytes, bytearray, memoryview)


class PSK:
    """One side's PSK settings: the callback (any arity, as gnet calls
    callbacks) and the server's identity hint (or ``None``)."""

    __slots__ = ("callback", "hint")

    def __init__(self, callback, hint):
        self.callback = callback
        self.hint = hint


def psk_options(opts, callback_name, hint=True, check_hint=False):
    """Node's reading of ``pskCallback`` and ``pskIdentityHint``: a ``PSK``, or
    ``None`` when ``pskCallback`` is falsy (no PSK, as in Node).

    ``callback_name`` names it in the error (``'pskCallback'`` for a
    ``TLSSocket``, ``'options.pskCallback'`` for ``tls.createServer``);
    ``hint`` false ignores ``pskIdentityHint`` (``tls.connect`` does not pass
    it on); ``check_hint`` checks a hint even without a callback
    (``tls.createServer``)."""
    callback = opts.get("pskCallback")
    identity_hint = opts.get("pskIdentityHint") if hint else None
    if _values.js_truthy(callback):
        callback = _arity.adapt(_values.validate_function(callback, callback_name), callback_name)
    else:
        callback = None
    if _values.js_truthy(identity_hint):
        if callback is not None or check_hint:
            _values.validate_string(identity_hint, "options.pskIdentityHint")
    else:
        identity_hint = None
    return PSK(callback, identity_hint) if callback is not None else None


def _is_object(value):
    # JavaScript's validateObject: an object, not an array (nor null, nor a function).
    return _values._is_object(value) and not isinstance(value, (list, tuple))


def _utf8(text):
    # As V8 writes a string in UTF-8: a lone surrogate is U+FFFD.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")


def client_answer(callback, hint, max_psk_len, max_identity_len):
    """Node's ``onPskClientCallback``: ``callback(hint)`` and its answer as
    ``(psk, identity)`` bytes, or ``None`` (no key). Raises what Node
    destroys the socket with."""
    ret = callback(hint)
    if ret is None:
        return None
    if not _is_object(ret):
        raise _jserrors.ERR_INVALID_ARG_TYPE("ret", "Object", ret)
    psk = _values._get(ret, "psk")
    if not isinstance(psk, _BUFFERS):
        raise _jserrors.ERR_INVALID_ARG_TYPE("psk", _BUFFER_TYPES, psk)
    key = bytes(psk)
    if len(key) > max_psk_len:
        raise _jserrors.ERR_INVALID_ARG_VALUE("psk", psk, "Pre-shared key exceeds %d bytes" % max_psk_len)
    identity = _values._get(ret, "identity")
    _values.validate_string(identity, "identity")
    name = _utf8(identity)
    if len(name) > max_identity_len:
        raise _jserrors.ERR_INVALID_ARG_VALUE("identity", identity,
                                              "PSK identity exceeds %d bytes" % max_identity_len)
    return key, name


def server_answer(callback, socket, identity, max_psk_len):
    """Node's ``onPskServerCallback``: ``callback(socket, identity)`` and its
    answer (a buffer, or an object with ``psk``) as bytes, or ``None`` (no
    key). Raises what Node destroys the socket with."""
    ret = callback(socket, identity)
    if ret is None:
        return None
    if isinstance(ret, _BUFFERS):
        psk = ret
    else:
        if not _values._is_object(ret):
            raise _jserrors.ERR_INVALID_ARG_TYPE("ret", ["Object"] + _BUFFER_TYPES, ret)
        psk = _values._get(ret, "psk")
        if not isinstance(psk, _BUFFERS):
            raise _jserrors.ERR_INVALID_ARG_TYPE("psk", _BUFFER_TYPES, psk)
    key = bytes(psk)
    if len(key) > max_psk_len:
        raise _jserrors.ERR_INVALID_ARG_VALUE("psk", psk, "Pre-shared key exceeds %d bytes" % max_psk_len)
    return key
