"""Node's tls options: their keys, one dict from options and keywords, and
what a client's side is made of (``client_config``: its ``ssl.SSLContext``,
cached by options, and Node's verification settings), ALPN lists and a
server's ``ALPNCallback``. ``TLSSocket`` and ``tls.connect``
(gnet/tls/socket.py) and ``tls.Server`` (gnet/tls/server.py) read options
through here, in Node's order: the context first, then what Node checks
after it.
"""

import warnings

from gnet.js import arity as _arity
from gnet.js import errors as _jserrors
from gnet.js import names as _names
from gnet.js import values as _values
from gnet.net import options as _options
from gnet.net.addresses import isIP
from gnet.tls import _openssl
from gnet.tls import errors as _errors
from gnet.tls import psk as _psk
from gnet.tls.context import CONTEXT_KEYS, SecureContext

__all__ = ["TLS_KEYS", "RENEGOTIATE_KEYS", "NET_SOCKET_KEYS", "tls_options", "alpn_list", "alpn_callback",
           "choose_alpn_protocol", "TLSConfig", "client_config", "trace_option", "check_min_dh_size",
           "normalize_connect_args"]

#: The option keys of tls.connect, new tls.TLSSocket and tls.createServer, beside net's.
TLS_KEYS = CONTEXT_KEYS | frozenset((
    "secureContext", "isServer", "server", "requestCert", "rejectUnauthorized", "ALPNProtocols",
    "SNICallback", "session", "servername", "checkServerIdentity", "minDHSize", "requestOCSP",
    "handshakeTimeout", "enableTrace", "pskCallback", "pskIdentityHint", "ALPNCallback", "socket",
    "pipe",
))
_ALL_KEYS = TLS_KEYS | _options.OPTION_KEYS
#: renegotiate()'s options.
RENEGOTIATE_KEYS = frozenset(("rejectUnauthorized", "requestCert"))
NET_SOCKET_KEYS = ("allowHalfOpen", "highWaterMark", "readableHighWaterMark", "writableHighWaterMark",
                    "onread", "signal")


def tls_options(options, kwargs, call):
    """One dict in Node's spelling from an options dict and keyword arguments
    (keywords are checked: an unknown one is Python's ``TypeError``)."""
    _options.check_keywords(kwargs, _ALL_KEYS, call)
    out = {}
    for source in (options, kwargs):
        if source:
            for key, value in source.items():
                out[_names.node_key(_names.node_key(key, _options.OPTION_KEYS), TLS_KEYS)] = value
    return out


def alpn_list(value, name):
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray, memoryview)):
        # Node's wire format: length-prefixed names.
        data, names, i = bytes(value), [], 0
        while i < len(data):
            n = data[i]
            names.append(data[i + 1:i + 1 + n].decode("latin-1"))
            i += 1 + n
        return names
    if not isinstance(value, (list, tuple)):
        raise _jserrors.ERR_INVALID_ARG_TYPE(name, ["Array", "Buffer", "TypedArray", "DataView"], value)
    # Node's convertProtocols: each item's byte length first (a string; a
    # Buffer's is taken too), then each is written, which takes a string only.
    for i, item in enumerate(value):
        if isinstance(item, str):
            length = len(item.encode("utf-8"))
        elif isinstance(item, (bytes, bytearray, memoryview)):
            length = len(bytes(item))
        else:
            raise _jserrors.ERR_INVALID_ARG_TYPE("string", ["string", "Buffer", "ArrayBuffer"], item)
        if length > 255:
            raise _jserrors.ERR_OUT_OF_RANGE(
                "The byte length of the protocol at index %d exceeds the maximum length." % i, "<= 255", length, True)
    for item in value:
        if not isinstance(item, str):
            err = _jserrors.ERR_INVALID_ARG_TYPE("string", "string", item)
            err._message = "argument must be a string"      # Buffer.write's own text, in Node
            err.args = (err._message,)
            raise err
    return list(value)


def _hashable(value):
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    return value


#: Client contexts by their options: loading the trust store for every
#: connection would cost more than the handshake.
_client_contexts = {}


def _client_context(opts, alpn):
    secure_context = opts.get("secureContext")
    if secure_context is not None:
        if not isinstance(secure_context, SecureContext):
            raise _errors.ERR_TLS_INVALID_CONTEXT("context")  # noqa: F821 - generated
        ctx = secure_context.ssl_context(False)
        if alpn:
            ctx.set_alpn_protocols(alpn)
        return ctx
    try:
        key = (tuple(sorted((k, _hashable(opts[k])) for k in CONTEXT_KEYS if opts.get(k) is not None)),
               tuple(alpn or ()))
        hash(key)
    except TypeError:
        key = None
    ctx = _client_contexts.get(key) if key is not None else None
    if ctx is None:
        ctx = SecureContext({k: opts[k] for k in CONTEXT_KEYS if k in opts}).ssl_context(False)
        if alpn:
            ctx.set_alpn_protocols(alpn)
        if key is not None:
            if len(_client_contexts) >= 64:
                _client_contexts.pop(next(iter(_client_contexts)))
            _client_contexts[key] = ctx
    return ctx


def alpn_callback(value):
    """Node's check of an ``ALPNCallback`` (its TLSSocket's ``_init``): a
    function, adapted to the arguments it takes."""
    _values.validate_function(value, "options.ALPNCallback")
    return _arity.adapt(value, "options.ALPNCallback")


def choose_alpn_protocol(sslobj, protocols):
    """Node's ``callALPNCallback``, inside OpenSSL's handshake (gnet/tls/_openssl/options.py):
    the connection's ALPNCallback gets ``{'servername', 'protocols'}`` (the
    client's) and returns one of ``protocols``, or ``None`` (undefined) to
    refuse them all (a fatal alert). A result not among them
    (ERR_TLS_ALPN_CALLBACK_INVALID_RESULT) or an exception it raises is kept
    for the socket, which is destroyed with it once the handshake step has
    returned (``_on_handle_error``); the handshake then fails without sending
    an alert, as Node's socket, destroyed inside the callback, sends none
    (compat: tls/opts_alpn_callback_invalid_result)."""
    sock = getattr(sslobj, "gnet_socket", None)
    callback = sock._alpn_callback if sock is not None else None
    if callback is None:
        return _openssl.ALPN_NOACK
    try:
        selected = callback({"servername": _openssl.servername(sslobj) or False,
                             "protocols": list(protocols)})
        if selected is None:
            return None
        if not isinstance(selected, str) or selected not in protocols:
            raise _errors.ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(selected, protocols)  # noqa: F821 - generated
        return protocols.index(selected)
    except BaseException as exc:  # noqa: B902 - nothing may unwind through OpenSSL: the socket gets it
        sock._alpn_error = exc
        return _openssl.ALPN_REFUSED


class TLSConfig:
    """What one side needs to start a session: the ``ssl.SSLContext`` and
    Node's verification settings."""

    __slots__ = ("server_side", "context", "reject_unauthorized", "request_cert", "servername", "session",
                 "server", "psk")

    def __init__(self, server_side, context, reject_unauthorized=True, request_cert=False, servername=None,
                 session=None, server=None, psk=None):
        self.server_side = server_side
        self.context = context
        self.reject_unauthorized = reject_unauthorized
        self.request_cert = request_cert
        self.servername = servername
        self.session = session
        self.server = server
        #: ``pskCallback``/``pskIdentityHint`` (gnet/tls/psk.py), else ``None``.
        self.psk = psk


_ip_servername_warned = False


def _warn_ip_servername():
    # Node's DEP0123, once per process (its ipServernameWarned).
    global _ip_servername_warned
    if not _ip_servername_warned:
        _ip_servername_warned = True
        warnings.warn(_errors.ip_servername_warning(), stacklevel=_jserrors.warning_stacklevel())


def client_config(opts, psk_hint=True):
    alpn = alpn_list(opts.get("ALPNProtocols"), "options.ALPNProtocols")
    servername = opts.get("servername")
    if servername is not None and not isinstance(servername, str):
        raise _jserrors.ERR_INVALID_ARG_TYPE("name", "string", servername)
    # No SNI unless asked for: Node's tls.connect does not send the host
    # (compat: tls/host_name_is_not_sent_as_servername); https does, itself.
    if not servername:
        servername = None
    elif isIP(servername):
        _warn_ip_servername()         # and sends it, as Node v20 does
    session = opts.get("session")
    # Node's _init: a truthy session goes to the handle's setSession, which
    # takes a buffer only (a str too is refused there).
    session = _errors.check_session(session) if _options.js_truthy(session) else None
    return TLSConfig(False, _client_context(opts, alpn),
                      reject_unauthorized=opts.get("rejectUnauthorized") is not False,
                      servername=servername, session=session,
                      psk=_psk.psk_options(opts, "pskCallback", hint=psk_hint))     # after the context, as Node


def trace_option(opts):
    """Node's ``enableTrace`` option: a boolean when given."""
    value = opts.get("enableTrace")
    if value is None:
        return False
    _values.validate_boolean(value, "options.enableTrace")
    if value:
        _openssl.enable_trace_check()
    return value


def check_min_dh_size(opts):
    """Node's ``minDHSize`` (tls.connect's asserts): 1024 when left out, else
    a number above 0 (``None`` is JavaScript's ``undefined``, no number)."""
    if "minDHSize" not in opts:
        opts["minDHSize"] = 1024
    value = opts["minDHSize"]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _errors.ERR_INTERNAL_ASSERTION(  # noqa: F821 - generated
            "options.minDHSize is not a number: " + _values.js_string(value))
    if not value > 0:
        raise _errors.ERR_INTERNAL_ASSERTION(  # noqa: F821 - generated
            "options.minDHSize is not a positive number: " + _values.js_string(value))


def normalize_connect_args(args, kwargs):
    """Node's tls ``normalizeConnectArgs``: net's forms, then an options object
    in second or third place merged in."""
    args = list(args)
    extra = None
    if len(args) > 1 and isinstance(args[1], dict):
        extra = args.pop(1)
    elif len(args) > 2 and isinstance(args[2], dict):
        extra = args.pop(2)
    cb = args[-1] if args and callable(args[-1]) else None
    if cb is not None:
        args.pop()
    first = args[0] if args else None
    if isinstance(first, dict):
        opts = dict(first)
    elif first is None:
        opts = {}
    else:
        opts, _ = _options.normalize_connect_args(tuple(args))
    if extra:
        opts.update(extra)
    return tls_options(opts, kwargs, "connect"), cb
